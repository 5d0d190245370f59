"""The JSON API answers exactly the Python API's records, pages them, filters them, describes
itself (OpenAPI, served locally) and answers errors as JSON."""

from __future__ import annotations

import json

import pytest

from rashomon import api
from tests.web_client import workbench


def _plain(records) -> list:
    return json.loads(json.dumps([r.to_dict() for r in records]))


@pytest.fixture(scope="module")
def seeds(seeds_db):
    with workbench(seeds_db) as client, api.open(seeds_db, read_only=True) as corpus:
        yield client, corpus


def test_every_list_endpoint_answers_the_python_apis_records(seeds):
    client, corpus = seeds
    story = corpus.stories()[0].id
    article = corpus.articles()[0].id
    lists = {
        "/api/stories": corpus.stories(),
        "/api/incidents": corpus.incidents(),
        f"/api/incidents?story={story}": corpus.incidents(story),
        "/api/disputes": corpus.disputes(),
        "/api/disputes?all=1": corpus.disputes(include_updates=True),
        "/api/figures": corpus.figures(),
        "/api/events": corpus.events(),
        "/api/events?type=ASSAULT": corpus.events(type="ASSAULT"),
        f"/api/events?article={article}": corpus.events(article=article),
        "/api/articles": corpus.articles(),
        "/api/actors": corpus.actors(),
        f"/api/actors?story={story}": corpus.actors(story=story),
        "/api/places": corpus.places(),
        "/api/reviews": corpus.reviews(),
        f"/api/stories/{story}/timeline": corpus.timeline(story),
    }
    for path, records in lists.items():
        joiner = "&" if "?" in path else "?"
        response = client.get(f"{path}{joiner}limit=1000")
        assert response.status_code == 200, path
        body = response.json()
        assert set(body) == {"items", "total", "limit", "offset"}, path
        assert body["total"] == len(records), path
        assert body["items"] == _plain(records), path
    hits, total = corpus.search("Aleppo")
    body = client.get("/api/search?q=Aleppo").json()
    assert body["total"] == total > 0 and body["items"] == _plain(hits)


def test_every_record_endpoint_answers_the_python_apis_record(seeds):
    client, corpus = seeds
    story = corpus.stories()[0]
    dispute = corpus.disputes()[0]
    article = corpus.articles()[0]
    actor = corpus.actors()[0].actor
    place = corpus.places()[0].place
    records = {
        f"/api/stories/{story.id}": story,
        f"/api/disputes/{dispute.id}": dispute,
        f"/api/articles/{article.id}": corpus.article(article.id),
        f"/api/actors/{actor.id}": corpus.actor(actor.id),
        f"/api/places/{place.id}": corpus.place(place.id),
    }
    for path, record in records.items():
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.json() == _plain([record])[0], path
    dossier = client.get(f"/api/stories/{story.id}/dossier").json()
    assert dossier["story_id"] == story.id
    assert dossier["disputes"] == _plain(corpus.dossier(story.id).disputes)


def test_paging_and_bad_parameters(seeds):
    client, corpus = seeds
    events = _plain(corpus.events())
    assert len(events) > 4
    page = client.get("/api/events?limit=2&offset=3").json()
    assert page["items"] == events[3:5] and page["total"] == len(events)
    assert (page["limit"], page["offset"]) == (2, 3)
    for bad in ("limit=0", "limit=x", "limit=100000", "offset=-1"):
        response = client.get(f"/api/events?{bad}")
        assert response.status_code == 400, bad
        assert response.json()["status"] == 400 and response.json()["error"]


def test_errors_are_json_with_their_status(seeds):
    client, _ = seeds
    for path in ("/api/stories/story:ffffffffffff", "/api/articles/zzzz", "/api/actors/nobody",
                 "/api/places/nowhere", "/api/disputes/dispute:000000000000", "/api/nothing"):  # fmt: skip
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.headers["content-type"].startswith("application/json")
        assert response.json()["status"] == 404


def test_the_openapi_description_covers_every_endpoint_and_resolves(seeds):
    client, _ = seeds
    described = client.get("/api/openapi.json").json()
    assert described["openapi"].startswith("3.")
    routes = {p for p in described["paths"]}
    assert {"/api/stories", "/api/stories/{story_id}", "/api/incidents", "/api/disputes",
            "/api/disputes/{dispute_id}", "/api/figures", "/api/events", "/api/articles",
            "/api/articles/{article_id}", "/api/actors", "/api/actors/{actor_id}",
            "/api/places", "/api/places/{place_id}", "/api/search"} <= routes  # fmt: skip
    schemas = described["components"]["schemas"]
    refs = set()

    def walk(node) -> None:
        if isinstance(node, dict):
            if "$ref" in node:
                refs.add(node["$ref"].rsplit("/", 1)[-1])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(described)
    assert refs <= set(schemas), refs - set(schemas)
    assert set(schemas["Dispute"]["properties"]) >= {"id", "kind", "sides", "note"}
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and "/api/disputes" in docs.text
    assert "http://" not in docs.text.replace("http://testserver", "")
    assert "https://" not in docs.text  # no CDN, no external script or style
