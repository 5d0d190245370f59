"""`rashomon serve`: the local workbench (pages) and JSON API, as one Starlette app.

Every page and endpoint parses its input, calls `rashomon.api` on a read-only corpus and
renders what comes back; reviews are the only writes and go through the one writer (see
`corpora.py`). Errors are JSON under /api/ and HTML pages elsewhere.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import AsyncIterator
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from rashomon import __version__
from rashomon.errors import NotFoundError, RashomonError, StoreError
from rashomon.settings import Settings
from rashomon.web import views
from rashomon.web.charts import counted
from rashomon.web.corpora import Corpora
from rashomon.web.json_api import api_routes
from rashomon.web.security import (
    CSRF_COOKIE,
    CSRF_FIELD,
    LOOPBACK,
    HostCheck,
    SecurityHeaders,
    new_token,
    token_matches,
)

PAGE_SIZE = 50


def create_app(
    db: str, settings: Settings | None = None, hosts: set[str] | None = None
) -> Starlette:
    """The workbench over the database `db`. `hosts`: the Host names requests may carry
    (default: the loopback names)."""
    corpora = Corpora(db, settings)
    templates = _templates()

    def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        token = request.cookies.get(CSRF_COOKIE) or new_token()
        html = templates.get_template(name).render(
            request=request, csrf=token, csrf_field=CSRF_FIELD, version=__version__, **context
        )
        response = HTMLResponse(html, status_code=status)
        if request.cookies.get(CSRF_COOKIE) != token:
            response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict")
        return response

    async def read(work: Any, *args: Any) -> Any:
        """Run a blocking read on a worker thread with that thread's read-only corpus."""
        return await asyncio.to_thread(lambda: work(corpora.reader(), *args))

    async def stories(request: Request) -> Response:
        q = request.query_params
        wanted = views.StoryFilters(
            **{k: q.get(k, "") for k in ("q", "actor", "place", "outlet", "since", "until")},
            sort=q.get("sort", "size"), order=q.get("order", "desc"),
        )  # fmt: skip
        rows = await read(views.story_rows, wanted)
        actor_names, place_names = await read(views.filter_names)
        page = _int(q.get("page"), 1)
        shown = rows[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
        return render(request, "stories.html", rows=shown, total=len(rows), page=page,
                      pages=max(1, -(-len(rows) // PAGE_SIZE)), wanted=wanted,
                      actor_names=actor_names, place_names=place_names)  # fmt: skip

    async def story(request: Request) -> Response:
        page = await read(views.story_page, request.path_params["story_id"])
        return render(request, "story.html", page=page)

    async def article(request: Request) -> Response:
        page = await read(views.article_page, request.path_params["article_id"])
        return render(request, "article.html", page=page)

    async def actor(request: Request) -> Response:
        page = await read(views.actor_page, request.path_params["actor_id"])
        return render(request, "actor.html", page=page)

    async def place(request: Request) -> Response:
        page = await read(views.place_page, request.path_params["place_id"])
        return render(request, "place.html", page=page)

    async def search(request: Request) -> Response:
        text = request.query_params.get("q", "")
        page = _int(request.query_params.get("page"), 1)
        hits, total = await read(views.search_page, text, PAGE_SIZE, (page - 1) * PAGE_SIZE)
        return render(request, "search.html", q=text, hits=hits, total=total, page=page,
                      pages=max(1, -(-total // PAGE_SIZE)))  # fmt: skip

    async def reviews(request: Request) -> Response:
        def gather(corpus: Any) -> tuple[Any, set[int]]:
            book = corpus.review_book()
            return views.review_rows(corpus), views.matched_review_ids(corpus, book)

        rows, matched = await read(gather)
        return render(request, "reviews.html", rows=rows, matched=matched)

    async def submit_review(request: Request) -> Response:
        form = await request.form()
        if not token_matches(request.cookies.get(CSRF_COOKIE), str(form.get(CSRF_FIELD, ""))):
            raise HTTPException(403, "the form's CSRF token is missing or wrong: reload the page")
        if not _same_origin(request):
            raise HTTPException(403, "a review must come from this workbench's own pages")
        fields = {k: str(form.get(k, "")) for k in
                  ("target", "record", "verdict", "field", "value", "comment")}  # fmt: skip

        def write(corpus: Any) -> Any:
            return corpus.review(fields["target"], fields["record"], fields["verdict"],
                                 field=fields["field"] or None, value=fields["value"] or None,
                                 comment=fields["comment"])  # fmt: skip

        await asyncio.wrap_future(corpora.write(write))
        back = str(form.get("next", "/"))
        return RedirectResponse(back if _local_path(back) else "/reviews", status_code=303)

    async def not_found(request: Request, exc: Exception) -> Response:
        return _error(request, render, 404, str(exc))

    async def bad_request(request: Request, exc: Exception) -> Response:
        return _error(request, render, 400, str(exc))

    async def store_error(request: Request, exc: Exception) -> Response:
        return _error(request, render, 503, str(exc))

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        return _error(request, render, exc.status_code, str(exc.detail))

    static = resources.files("rashomon.web").joinpath("static")
    routes = [
        Route("/", stories),
        Route("/stories/{story_id:path}", story),
        Route("/articles/{article_id}", article),
        Route("/actors/{actor_id:path}", actor),
        Route("/places/{place_id:path}", place),
        Route("/search", search),
        Route("/reviews", reviews, methods=["GET"]),
        Route("/reviews", submit_review, methods=["POST"]),
        Mount("/api", routes=api_routes(corpora, templates)),
        Mount("/static", StaticFiles(directory=str(static)), name="static"),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={
            NotFoundError: not_found,
            StoreError: store_error,
            RashomonError: bad_request,
            HTTPException: http_error,
        },
        lifespan=_lifespan(corpora, templates),
    )
    app.state.corpora = corpora
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HostCheck, hosts=set(hosts or LOOPBACK))
    return app


def _lifespan(corpora: Corpora, templates: Environment) -> Any:
    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await asyncio.to_thread(_warm_up, templates)
        yield
        corpora.close()

    return lifespan


def _warm_up(templates: Environment) -> None:
    """What the first story page would otherwise wait for: the graph library, the country
    outlines, the templates compiled."""
    import networkx  # noqa: F401

    from rashomon.web.charts import country_outlines

    country_outlines()
    for name in templates.list_templates():
        templates.get_template(name)


def app_from_environment() -> Starlette:
    """The app `rashomon serve` runs: the database of RASHOMON_DB (the settings), and the
    host it listens on (RASHOMON_SERVE_HOST) accepted in requests beside the loopback names."""
    settings = Settings.from_env()
    host = os.environ.get("RASHOMON_SERVE_HOST", "")
    return create_app(settings.db, settings, set(LOOPBACK) | ({host} if host else set()))


def _templates() -> Environment:
    env = Environment(
        loader=PackageLoader("rashomon.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["short"] = lambda value, n=8: str(value or "")[: int(n)]
    env.filters["num"] = lambda v: "" if v is None else (f"{v:g}" if isinstance(v, float) else v)
    env.filters["counted"] = counted
    env.filters["unquoted"] = unquoted
    return env


_QUOTE_MARKS = "\"'“”‘’«»„"


def unquoted(text: str) -> str:
    """A quote's words without the marks the article put round them (and the comma before
    its closing mark), so the page's own marks do not double them: '"We will stay,"'. Only
    a quote that opens with a mark loses its closing one: 'a "fate"' keeps its inner pair."""
    whole = str(text or "").strip()
    if not whole[:1] or whole[0] not in _QUOTE_MARKS:
        return whole
    inner = whole.strip(_QUOTE_MARKS).rstrip(",").rstrip(_QUOTE_MARKS).strip()
    return inner or whole


def _error(request: Request, render: Any, status: int, message: str) -> Response:
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": message, "status": status}, status_code=status)
    return render(request, "error.html", status=status, code=status, message=message)


def _int(text: str | None, default: int) -> int:
    try:
        return max(1, int(text or default))
    except ValueError:
        return default


def _local_path(target: str) -> bool:
    """A redirect target on this server: a path, never another host."""
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc and target.startswith("/") and "\\" not in target


def _same_origin(request: Request) -> bool:
    origin = request.headers.get("origin")
    if not origin or origin == "null":
        return origin is None
    return urlsplit(origin).netloc == request.headers.get("host")
