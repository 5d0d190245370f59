"""The workbench in a real browser (Debian's chromium, driven by Playwright through its
executable path; nothing is downloaded): every page type on the seeds and FA-KES dev, a
dispute followed to its article, a review submitted in the page and still applied after its
articles are ingested again, hostile article text that runs nothing, and no request leaving
localhost. Screenshots go to tests/output/browser/ (not committed)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from rashomon import api
from tests.browser import need_chromium
from tests.conftest import SEEDS, copy_db, forget_articles
from tests.test_web_pages import HOSTILE

pytestmark = pytest.mark.slow
SHOTS = Path(__file__).parent / "output" / "browser"


class Server:
    """uvicorn serving the workbench on a free localhost port, in a thread."""

    def __init__(self, db: str) -> None:
        import uvicorn

        from rashomon.web.app import create_app

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        config = uvicorn.Config(create_app(db), host="127.0.0.1", port=self.port,
                                log_level="warning", lifespan="on")  # fmt: skip
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.base = f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            assert time.monotonic() < deadline, "the workbench did not start"
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


class Browser:
    """A page that records every request, console error and dialog."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []

    def open(self, playwright) -> Browser:
        self.browser = playwright.chromium.launch(
            executable_path=need_chromium(),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        self.page = self.browser.new_page(viewport={"width": 1280, "height": 900})
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.route("**/*", self._local_only)
        return self

    def _local_only(self, route) -> None:
        if route.request.url.startswith(self.base + "/"):
            route.continue_()
        else:
            route.abort()

    def go(self, path: str, shot: str | None = None) -> None:
        response = self.page.goto(self.base + path)
        assert response is not None and response.status == 200, path
        if shot:
            SHOTS.mkdir(parents=True, exist_ok=True)
            self.page.screenshot(path=str(SHOTS / f"{shot}.png"), full_page=True)

    def check_clean(self) -> None:
        outside = [u for u in self.requests if not u.startswith(self.base + "/")]
        assert not outside, f"requests left localhost: {outside[:5]}"
        assert not self.errors, f"console errors (a CSP violation shows here): {self.errors[:5]}"
        assert not self.dialogs, f"a script ran: {self.dialogs}"


@pytest.fixture
def browser_for() -> Iterator:
    need_chromium()
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    with sync_api.sync_playwright() as playwright:
        opened: list[Browser] = []

        def make(base: str) -> Browser:
            opened.append(Browser(base).open(playwright))
            return opened[-1]

        yield make
        for browser in opened:
            browser.browser.close()


def test_seeds_in_the_browser_review_survives_reingest_and_hostile_text_runs_nothing(
    seeds_db, tmp_path, browser_for
):
    db = copy_db(seeds_db, tmp_path / "seeds.db")
    with api.open(db, read_only=True) as corpus:
        story = corpus.stories()[0]
        actor, place = corpus.actors()[0].actor.id, corpus.places()[0].place.id
    with Server(db) as server:
        browser = browser_for(server.base)
        page = browser.page
        browser.go("/", "stories")
        page.click(f'a[href="/stories/{story.id}"]')
        page.wait_for_selector("#disputes")
        assert page.locator("#disputes > article.dispute").count() == 4
        assert page.locator("table.matrix td.hit").count() >= 1
        labels = page.locator("svg.map text.pt-label").all_text_contents()
        assert "Aleppo" in labels and "Sheikh Saeed" in labels
        assert page.locator("svg.map path.land").count() > 0
        assert page.locator("svg.timeline rect.bar").count() >= 1
        assert page.locator("svg.network circle.node").count() >= 2
        box = page.locator("svg.map").bounding_box()
        assert box is not None and box["width"] > 300 and box["height"] > 150  # drawn
        page.screenshot(path=str(_shot("story")), full_page=True)

        # follow a dispute's side to the sentence in its article
        side = page.locator("#disputes > article.dispute a.evidence").first
        sentence = side.inner_text()
        side.click()
        page.wait_for_selector("#text")
        assert "/articles/" in page.url
        assert sentence[:40] in page.locator("#text").inner_text()
        assert page.locator("#text .f-actor").count() > 0
        page.screenshot(path=str(_shot("article")), full_page=True)
        page.uncheck('#kinds input[data-kind="actor"]')  # the one script works
        assert "hide-actor" in (page.locator("#text").get_attribute("class") or "")

        for path, name in ((f"/actors/{actor}", "actor"), (f"/places/{place}", "place"),
                           ("/search?q=Aleppo", "search"), ("/api/docs", "api-docs")):  # fmt: skip
            browser.go(path, name)

        # reject a dispute through the page's form
        browser.go(f"/stories/{story.id}")
        card = page.locator("#disputes > article.dispute").first
        dispute_id = card.get_attribute("data-dispute")
        card.locator("details.review summary").click()
        card.locator('input[value="reject"]').check()
        card.locator('input[name="comment"]').fill("one count is cumulative")
        card.locator('button[type="submit"]').click()
        page.wait_for_load_state()
        page.screenshot(path=str(_shot("after-review")), full_page=True)
        page.wait_for_selector("#disputes")
        assert page.locator("#disputes > article.dispute").count() == 3
        assert page.locator(f'details.rejected-list [data-dispute="{dispute_id}"]').count() == 1

        # ingest its articles again: findings rebuilt, the review still applies
        with api.open(db, read_only=True) as corpus:
            rejected = corpus.dispute(dispute_id)
        forget_articles(db, sorted({s.article_id for s in rejected.sides}))
        with api.open(db) as corpus:
            assert corpus.ingest(SEEDS).ok
            (hostile := tmp_path / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
            assert corpus.ingest(hostile).ok
            hostile_id = next(a.id for a in corpus.articles() if "pwned" in a.title)
            hostile_story = next(s.id for s in corpus.stories() if hostile_id in s.article_ids)
        browser.go(f"/stories/{story.id}", "story-after-reingest")
        assert page.locator("#disputes > article.dispute").count() == 3
        assert page.locator("details.rejected-list article.dispute").count() == 1
        assert "one count is cumulative" in page.locator("details.rejected-list").inner_html()
        browser.go("/reviews", "reviews")
        assert page.locator("tr.matched").count() == 1

        # hostile text: shown, never run
        for path in (f"/articles/{hostile_id}", f"/stories/{hostile_story}", "/search?q=strike"):
            browser.go(path, "hostile-" + path.split("/")[1].split("?")[0])
            assert page.evaluate("window.pwned") is None
            assert page.locator("script").count() == 1  # the workbench's own
            assert page.locator('[href^="javascript:"]').count() == 0
            assert page.locator("img").count() == 0
        assert "<script>" in page.locator("body").inner_text() or "pwned" in page.content()
        browser.check_clean()


def test_fakes_dev_in_the_browser(fakes_db, browser_for):
    with api.open(fakes_db, read_only=True) as corpus:
        story = max(corpus.stories(), key=lambda s: (len(s.incident_ids), len(s.article_ids)))
        article = story.article_ids[0]
        actor, place = corpus.actors()[0].actor.id, corpus.places()[0].place.id
    with Server(fakes_db) as server:
        browser = browser_for(server.base)
        browser.go("/?sort=disputes", "fakes-stories")
        started = time.monotonic()
        browser.go(f"/stories/{story.id}", "fakes-story")
        loaded = time.monotonic() - started
        assert browser.page.locator("table.matrix tbody tr").count() == len(story.incident_ids)
        assert browser.page.locator("svg.timeline rect.bar").count() >= 1
        for path, name in ((f"/articles/{article}", "fakes-article"),
                           (f"/actors/{actor}", "fakes-actor"), (f"/places/{place}", "fakes-place"),
                           ("/search?q=chemical", "fakes-search"), ("/reviews", None)):  # fmt: skip
            browser.go(path, name)
        browser.check_clean()
    print(f"FA-KES dev story page ({len(story.article_ids)} articles) loaded in {loaded:.2f} s")


def test_a_fakes_dev_story_page_renders_in_under_a_second(fakes_db):
    from tests.web_client import workbench

    with api.open(fakes_db, read_only=True) as corpus:
        stories = sorted(corpus.stories(), key=lambda s: -len(s.article_ids))[:3]
    with workbench(fakes_db) as client:  # started: warmed up as `rashomon serve` is
        for story in stories:
            started = time.perf_counter()
            response = client.get(f"/stories/{story.id}")
            took = time.perf_counter() - started
            assert response.status_code == 200
            print(f"{story.id}: {len(story.article_ids)} articles, {took:.2f} s")
            assert took < 1.0, f"{story.id} took {took:.2f} s"


def _shot(name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    return SHOTS / f"{name}.png"
