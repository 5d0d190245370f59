"""Workbench pages, server side: every page type renders from the seeds, the story page holds
what an analyst needs, reviews go through CSRF-checked forms, and nothing an article says
reaches the page unescaped."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rashomon import api
from tests.conftest import copy_db
from tests.web_client import csrf_token, workbench

HOSTILE = """<script>window.pwned = 1</script> Air strike hits <b>Aleppo</b> market

ALEPPO, Syria (AFP) - An air strike killed 12 people in Aleppo on Monday, the Syrian
Observatory for Human Rights said. "<img src=x onerror=alert(1)> We saw <script>alert(2)</script>
everything," a witness told AFP. Activists shared a link: javascript:alert(3) and
<a href="javascript:alert(4)">this video</a>. Russia denied carrying out the raid.
"""


@pytest.fixture(scope="module")
def seeds(seeds_db):
    with workbench(seeds_db) as client, api.open(seeds_db, read_only=True) as corpus:
        yield client, corpus


def test_every_page_type_renders(seeds):
    client, corpus = seeds
    story = corpus.stories()[0].id
    pages = ["/", f"/stories/{story}", f"/articles/{corpus.articles()[0].id}",
             f"/actors/{corpus.actors()[0].actor.id}", f"/places/{corpus.places()[0].place.id}",
             "/search?q=Aleppo", "/reviews", "/api/docs", "/?sort=disputes&order=asc",
             f"/?actor={corpus.actors()[0].actor.id}&since=2016-01-01"]  # fmt: skip
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        assert response.headers["content-type"].startswith("text/html")
        assert "content-security-policy" in response.headers, page


def test_the_seed_story_page_has_its_disputes_matrix_map_timeline_and_network(seeds):
    client, corpus = seeds
    story = corpus.stories()[0]
    html = client.get(f"/stories/{story.id}").text
    disputes = corpus.disputes(story.id)
    assert len(disputes) == 4
    for dispute in disputes:
        assert f'data-dispute="{dispute.id}"' in html
        for side in dispute.sides:
            assert f'href="/articles/{side.article_id}' in html
    assert 'class="matrix"' in html and html.count('class="hit"') >= len(corpus.incidents(story.id))
    svg_map = html[
        html.index('class="chart map"') : html.index("</svg>", html.index('class="chart map"'))
    ]
    assert "Aleppo" in svg_map and "Sheikh Saeed" in svg_map and 'class="land"' in svg_map
    assert 'class="chart timeline"' in html and 'class="bar' in html
    assert 'class="chart network"' in html and 'class="node"' in html
    assert "““" not in html and "“&#34;" not in html  # a quote's own marks are not doubled
    assert "1 reports" not in html


def test_story_list_filters_and_sorts(seeds):
    client, corpus = seeds
    story = corpus.stories()[0]
    assert story.id in client.get("/?q=" + story.label.split()[0]).text
    assert story.id not in client.get("/?q=no+such+label+anywhere").text
    assert story.id not in client.get("/?until=1990-01-01").text
    assert story.id not in client.get("/?outlet=No+Such+Outlet").text
    assert story.id in client.get("/?place=rashomon:aleppo").text
    # by the names an analyst knows, any case, and offered as suggestions
    assert story.id in client.get("/?place=aleppo&actor=Russia").text
    assert story.id in client.get("/?place=Sheikh+Saeed").text
    assert story.id not in client.get("/?actor=No+Such+Actor").text
    assert '<option value="Aleppo">' in client.get("/").text


def test_pages_never_write_and_errors_are_pages(seeds):
    client, _ = seeds
    assert client.get("/stories/story:ffffffffffff").status_code == 404
    missing = client.get("/articles/zzzz")
    assert missing.status_code == 404 and "<h1>404</h1>" in missing.text
    assert client.app.state.corpora._writable is None  # no page view opened the writer
    assert client.app.state.corpora.reader().store.read_only


def test_security_headers_and_hosts(seeds):
    client, _ = seeds
    for path in ("/", "/static/app.css", "/api/stories", "/api/nothing"):
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp, path
        assert "unsafe-inline" not in csp and "http" not in csp
        assert headers["x-content-type-options"] == "nosniff"
    refused = client.get("/", headers={"host": "evil.example"})
    assert refused.status_code == 400


@pytest.fixture
def writable(seeds_db, tmp_path):
    db = copy_db(seeds_db, tmp_path / "seeds.db")
    with workbench(db) as client:
        yield client, db


def test_a_review_needs_the_forms_token_and_then_applies(writable):
    client, db = writable
    with api.open(db, read_only=True) as corpus:
        story = corpus.stories()[0].id
        dispute = corpus.disputes(story)[0]
    form = {"target": "dispute", "record": dispute.id, "verdict": "reject",
            "comment": "same figure, two days", "next": f"/stories/{story}"}  # fmt: skip
    assert client.post("/reviews", data=form).status_code == 403  # no token
    assert client.post("/reviews", data=form | {"csrf": "guess"}).status_code == 403
    token = csrf_token(client, f"/stories/{story}")
    foreign = client.post("/reviews", data=form | {"csrf": token},
                          headers={"origin": "http://evil.example"})  # fmt: skip
    assert foreign.status_code == 403
    done = client.post("/reviews", data=form | {"csrf": token}, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == f"/stories/{story}"
    html = client.get(f"/stories/{story}").text
    rejected = html[html.index("rejected by review") :]
    assert f'data-dispute="{dispute.id}"' in rejected
    assert "same figure, two days" in client.get("/reviews").text
    assert dispute.id not in [d["id"] for d in client.get("/api/disputes").json()["items"]]
    assert client.app.state.corpora._writable is not None  # written by the one writer


def test_a_review_redirects_only_within_the_workbench(writable):
    client, db = writable
    with api.open(db, read_only=True) as corpus:
        dispute = corpus.disputes()[0]
    token = csrf_token(client)
    for target in ("//evil.example/x", "https://evil.example/", "javascript:alert(1)"):
        form = {"target": "dispute", "record": dispute.id, "verdict": "confirm", "csrf": token,
                "next": target}  # fmt: skip
        done = client.post("/reviews", data=form, follow_redirects=False)
        assert done.headers["location"] == "/reviews", target


def test_a_bad_review_is_a_400_page(writable):
    client, _ = writable
    token = csrf_token(client)
    form = {"target": "dispute", "record": "dispute:nothing", "verdict": "maybe", "csrf": token}
    done = client.post("/reviews", data=form)
    assert done.status_code == 400 and "unknown verdict" in done.text


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    db = str(folder / "hostile.db")
    with api.open(db) as corpus:
        assert corpus.ingest(folder / "hostile.txt").ok
    return db


def test_article_text_is_escaped_everywhere(hostile_db):
    with workbench(hostile_db) as client, api.open(hostile_db, read_only=True) as corpus:
        article = corpus.articles()[0]
        assert "<script>" in corpus.article(article.id).article.body + article.title
        story = corpus.stories()[0].id
        for page in ("/", f"/stories/{story}", f"/articles/{article.id}", "/search?q=strike",
                     f"/api/articles/{article.id}", "/api/search?q=script"):  # fmt: skip
            html = client.get(page).text
            assert "<script>window" not in html and "<script>alert" not in html, page
            assert "<img src=x" not in html and not re.search(r"href=\"javascript:", html), page
        text = client.get(f"/articles/{article.id}").text
        assert "&lt;script&gt;window.pwned" in text and "&lt;a href=" in text  # shown, as text
        assert len(re.findall(r"<script\b", text)) == 1  # the workbench's own, from /static


def test_templates_and_static_files_ship_in_the_package():
    web = Path(__import__("rashomon.web", fromlist=["x"]).__file__).parent
    assert {p.name for p in (web / "templates").glob("*.html")} >= {
        "base.html", "story.html", "article.html", "actor.html", "place.html", "search.html",
        "reviews.html", "error.html", "api_docs.html", "stories.html"}  # fmt: skip
    css = (web / "static" / "app.css").read_text()
    assert "@import" not in css and "url(" not in css  # no font or image from elsewhere


def test_the_story_page_shows_who_says_it_never_happened(tmp_path):
    from tests.test_incidents_stored import REFUTES, TELLS, two_outlets

    texts = {"AFP": ("tells.txt", TELLS), "SANA": ("refutes.txt", REFUTES)}
    corpus, _ = two_outlets(tmp_path, "2018-04-08", **texts)
    (story,) = corpus.stories()
    corpus.close()
    with workbench(str(tmp_path / "t.db")) as client:
        html = client.get(f"/stories/{story.id}").text
    saying = re.search(r'<small class="saying">it never happened: <a [^>]*>([^<]+)</a>', html)
    assert saying is not None and saying.group(1) == "The Syrian government"
