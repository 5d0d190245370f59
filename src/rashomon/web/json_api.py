"""The JSON API under /api/: the records of `rashomon.api`, as `to_dict()` gives them, with
paging (`limit`, `offset`) and the same filters; an OpenAPI description built from the same
table of endpoints, served at /api/openapi.json and readable at /api/docs (no CDN).

Lists answer {"items": [...], "total": N, "limit": L, "offset": O}; one record answers the
record itself; errors answer {"error": message, "status": code} with that status code.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import typing
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from rashomon import __version__, api
from rashomon.errors import RashomonError
from rashomon.facts import dossier as dossier_records
from rashomon.facts import entries as entry_records
from rashomon.facts import lookup as lookup_records
from rashomon.facts import reviews as review_records
from rashomon.web.corpora import Corpora

DEFAULT_LIMIT, MAX_LIMIT = 100, 1000


class SafeJSONResponse(JSONResponse):
    """JSON with <, > and & written as \\u escapes: article text stays inert even where a
    client mistakes the answer for HTML."""

    def render(self, content: Any) -> bytes:
        text = json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
            text = text.replace(char, escaped)
        return text.encode("utf-8")


class BadQuery(RashomonError):
    """A query parameter with a value the API cannot use."""


@dataclass(frozen=True)
class Endpoint:
    path: str
    summary: str
    record: type  # what each item (or the one record) is
    params: tuple[str, ...] = ()  # query parameters beyond limit and offset
    many: bool = True
    read: Callable[..., Any] | None = None


_PARAMS = {
    "story": "a story id (or unique prefix)",
    "article": "an article id (or unique prefix)",
    "outlet": "an outlet's name (any case)",
    "type": "a PLOVER event type, e.g. ASSAULT",
    "all": "1: include updates (changes over time), not only disputes",
    "rejected": "1: include disputes an analyst rejected",
    "q": "words to find (every word must match; word* matches a prefix)",
}


def _flag(q: Any, name: str) -> bool:
    return q.get(name, "") in ("1", "true", "yes")


def _endpoints() -> list[Endpoint]:
    e = Endpoint
    return [
        e("/stories", "Stories (related incidents and articles, bounded in time)", api.Story,
          read=lambda c, q: c.stories()),
        e("/stories/{story_id}", "One story", api.Story, many=False,
          read=lambda c, q, story_id: c.story(story_id)),
        e("/stories/{story_id}/timeline", "A story's timeline", api.TimelineEntry,
          read=lambda c, q, story_id: list(c.timeline(story_id))),
        e("/stories/{story_id}/dossier", "A story's dossier, every line with its citations",
          api.Dossier, many=False, read=lambda c, q, story_id: c.dossier(story_id)),
        e("/incidents", "Incidents with every report of them, as reviewed", api.Incident,
          ("story",), read=lambda c, q: c.incidents(q.get("story") or None)),
        e("/disputes", "Disputes between accounts (rejected ones left out)", api.Dispute,
          ("story", "all", "rejected"),
          read=lambda c, q: c.disputes(q.get("story") or None, include_updates=_flag(q, "all"),
                                       rejected=_flag(q, "rejected"))),
        e("/disputes/{dispute_id}", "One dispute or update", api.Dispute, many=False,
          read=lambda c, q, dispute_id: c.dispute(dispute_id)),
        e("/figures", "Aligned figures: the same quantity side by side", api.AlignedFigure,
          ("story",), read=lambda c, q: c.figures(q.get("story") or None)),
        e("/events", "PLOVER events with actors, place and article", api.EventEntry,
          ("story", "article", "outlet", "type"),
          read=lambda c, q: c.events(story=q.get("story") or None,
                                     article=q.get("article") or None,
                                     outlet=q.get("outlet") or None, type=q.get("type") or None)),
        e("/articles", "Stored articles", api.ArticleSummary, ("story", "outlet"),
          read=lambda c, q: c.articles(story=q.get("story") or None,
                                       outlet=q.get("outlet") or None)),
        e("/articles/{article_id}", "One article with everything found in it", api.Analysis,
          many=False, read=lambda c, q, article_id: c.article(article_id)),
        e("/actors", "Actors mentioned, most mentioned first", api.ActorEntry,
          ("story", "article", "outlet"),
          read=lambda c, q: c.actors(story=q.get("story") or None,
                                     article=q.get("article") or None,
                                     outlet=q.get("outlet") or None)),
        e("/actors/{actor_id}", "One actor: names, mentions, events, figures, quotes",
          api.ActorDetail, many=False, read=lambda c, q, actor_id: c.actor(actor_id)),
        e("/places", "Places named, most named first", api.PlaceEntry,
          ("story", "article", "outlet"),
          read=lambda c, q: c.places(story=q.get("story") or None,
                                     article=q.get("article") or None,
                                     outlet=q.get("outlet") or None)),
        e("/places/{place_id}", "One place: where it lies, mentions, events, incidents",
          api.PlaceDetail, many=False, read=lambda c, q, place_id: c.place(place_id)),
        e("/search", "Full-text search over articles", api.SearchHit, ("q",), read=None),
        e("/reviews", "Analysts' reviews, oldest first", api.Review,
          read=lambda c, q: c.reviews()),
    ]  # fmt: skip


def api_routes(corpora: Corpora, templates: Environment) -> list[Route]:
    endpoints = _endpoints()

    def handler(endpoint: Endpoint) -> Callable[[Request], Any]:
        async def answer(request: Request) -> Response:
            q = request.query_params
            limit = _number(q.get("limit"), DEFAULT_LIMIT, "limit", 1, MAX_LIMIT)
            offset = _number(q.get("offset"), 0, "offset", 0, None)

            def work(corpus: api.Corpus) -> Any:
                if endpoint.path == "/search":
                    hits, total = corpus.search(q.get("q", ""), limit=limit, offset=offset)
                    return _page([h.to_dict() for h in hits], total, limit, offset)
                assert endpoint.read is not None
                found = endpoint.read(corpus, q, **request.path_params)
                if not endpoint.many:
                    return found.to_dict()
                items: Sequence[Any] = found
                shown = [r.to_dict() for r in items[offset : offset + limit]]
                return _page(shown, len(items), limit, offset)

            body = await asyncio.to_thread(lambda: work(corpora.reader()))
            return SafeJSONResponse(body)

        return answer

    async def openapi(request: Request) -> Response:
        return JSONResponse(openapi_description(endpoints))

    async def docs(request: Request) -> Response:
        html = templates.get_template("api_docs.html").render(
            endpoints=endpoints, params=_PARAMS, version=__version__, request=request,
            schemas=openapi_description(endpoints)["components"]["schemas"],
        )  # fmt: skip
        return HTMLResponse(html)

    async def unknown(request: Request) -> Response:
        return JSONResponse({"error": f"no endpoint {request.url.path}", "status": 404}, 404)

    routes = [Route("/openapi.json", openapi), Route("/docs", docs), Route("/", docs)]
    routes += [Route(e.path, handler(e)) for e in endpoints]
    routes.append(Route("/{rest:path}", unknown))
    return routes


def _page(items: list[Any], total: int, limit: int, offset: int) -> dict[str, Any]:
    return {"items": items, "total": total, "limit": limit, "offset": offset}


def _number(text: str | None, default: int, name: str, low: int, high: int | None) -> int:
    if text in (None, ""):
        return default
    try:
        value = int(text)
    except ValueError:
        raise BadQuery(f"{name}={text!r} is not a whole number") from None
    if value < low or (high is not None and value > high):
        raise BadQuery(f"{name} must be from {low}" + (f" to {high}" if high else " up"))
    return value


# -- OpenAPI -------------------------------------------------------------------------------------

_MODULES = (api, entry_records, dossier_records, lookup_records, review_records)


def openapi_description(endpoints: Sequence[Endpoint]) -> dict[str, Any]:
    """OpenAPI 3.1 for the endpoints, with a schema for each record from its dataclass."""
    schemas: dict[str, Any] = {}
    paths: dict[str, Any] = {}
    for endpoint in endpoints:
        name = _schema(endpoint.record, schemas)
        item = {"$ref": f"#/components/schemas/{name}"}
        params = [{"name": p, "in": "query", "required": p == "q",
                   "description": _PARAMS[p], "schema": {"type": "string"}}
                  for p in endpoint.params]  # fmt: skip
        params += [{"name": part.strip("{}"), "in": "path", "required": True,
                    "schema": {"type": "string"}}
                   for part in endpoint.path.split("/") if part.startswith("{")]  # fmt: skip
        if endpoint.many:
            params += [
                {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1,
                 "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT}},
                {"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0}},
            ]  # fmt: skip
            body: dict[str, Any] = {
                "type": "object",
                "properties": {"items": {"type": "array", "items": item},
                               "total": {"type": "integer"}, "limit": {"type": "integer"},
                               "offset": {"type": "integer"}},
            }  # fmt: skip
        else:
            body = item
        paths["/api" + endpoint.path] = {"get": {
            "summary": endpoint.summary, "parameters": params,
            "responses": {
                "200": {"description": "OK", "content": {"application/json": {"schema": body}}},
                "400": {"description": "a bad parameter", "content": _ERROR},
                "404": {"description": "no such record", "content": _ERROR},
            },
        }}  # fmt: skip
    schemas["Error"] = {
        "type": "object",
        "properties": {"error": {"type": "string"}, "status": {"type": "integer"}},
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "rashomon workbench API", "version": __version__,
                 "description": "The records of rashomon.api as JSON, read-only."},
        "paths": paths,
        "components": {"schemas": schemas},
    }  # fmt: skip


_ERROR = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}


def _schema(record: type, schemas: dict[str, Any]) -> str:
    name, python = record.__name__, f"{record.__module__}.{record.__qualname__}"
    if name in schemas and schemas[name].get("x-python") != python:
        name = f"{record.__module__.rsplit('.', 1)[-1]}.{name}"  # two records, one name
    if name in schemas or not dataclasses.is_dataclass(record):
        return name
    schemas[name] = {"x-python": python}  # placeholder: records may refer to themselves
    hints = typing.get_type_hints(record, vars(_module_of(record)))
    properties = {f.name: _type(hints.get(f.name, Any), schemas)
                  for f in dataclasses.fields(record)}  # fmt: skip
    schemas[name] = {"type": "object", "properties": properties, "x-python": python}
    return name


def _module_of(record: type) -> Any:
    import sys

    return sys.modules[record.__module__]


def _type(hint: Any, schemas: dict[str, Any]) -> dict[str, Any]:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is str:
        return {"type": "string"}
    if hint is bool:
        return {"type": "boolean"}
    if hint is int:
        return {"type": "integer"}
    if hint is float:
        return {"type": "number"}
    if hint is type(None):
        return {"type": "null"}
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        return {"anyOf": [_type(a, schemas) for a in args]}
    if origin in (tuple, list) or (origin is not None and "Sequence" in str(origin)):
        inner = [a for a in args if a is not Ellipsis]
        if origin is tuple and len(inner) > 1 and Ellipsis not in args:
            return {"type": "array", "prefixItems": [_type(a, schemas) for a in inner]}
        return {"type": "array", "items": _type(inner[0], schemas) if inner else {}}
    if origin is not None and "Mapping" in str(origin) or origin is dict:
        return {"type": "object"}
    if dataclasses.is_dataclass(hint):
        return {"$ref": f"#/components/schemas/{_schema(hint, schemas)}"}
    return {}
