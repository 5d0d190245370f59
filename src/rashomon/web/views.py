"""What each page shows, gathered from `rashomon.api` into one object per page; the
templates only lay it out. Nothing here speaks SQL or knows a table."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rashomon import api
from rashomon.facts.lookup import ActorDetail, PlaceDetail, SearchHit
from rashomon.facts.reviews import (
    FIELDS,
    ReviewBook,
    ReviewState,
    record_id,
    report_spot,
)
from rashomon.web.charts import (
    Coverage,
    MapView,
    NetworkView,
    TimelineView,
    actor_network,
    coverage,
    story_map,
    timeline_chart,
)
from rashomon.web.highlight import Span, highlight

CONTEXT_CHARS = 320  # article text shown around a dispute side's sentence


# -- stories list --------------------------------------------------------------------------------


@dataclass(frozen=True)
class StoryRow:
    story: api.Story
    disputes: int


@dataclass(frozen=True)
class StoryFilters:
    q: str = ""
    actor: str = ""
    place: str = ""
    outlet: str = ""
    since: str = ""
    until: str = ""
    sort: str = "size"  # size, date, outlets, disputes
    order: str = "desc"


SORTS = {
    "size": lambda r: (len(r.story.article_ids), r.story.start or ""),
    "date": lambda r: (r.story.start or r.story.end or "", len(r.story.article_ids)),
    "outlets": lambda r: (len(r.story.outlets), len(r.story.article_ids)),
    "disputes": lambda r: (r.disputes, len(r.story.article_ids)),
}


def story_rows(corpus: api.Corpus, wanted: StoryFilters) -> list[StoryRow]:
    counts = corpus.dispute_counts()
    allowed = _stories_naming(corpus, wanted.actor.strip(), wanted.place.strip())
    rows = []
    needle = wanted.q.casefold().strip()
    outlet = wanted.outlet.casefold().strip()
    for story in corpus.stories():
        if allowed is not None and story.id not in allowed:
            continue
        if needle and needle not in story.label.casefold():
            continue
        if outlet and not any(outlet == o.casefold() for o in story.outlets):
            continue
        if (wanted.since or wanted.until) and not _within(story, wanted.since, wanted.until):
            continue
        rows.append(StoryRow(story, counts.get(story.id, 0)))
    key = SORTS.get(wanted.sort, SORTS["size"])
    return sorted(rows, key=key, reverse=wanted.order != "asc")


MAX_NAMED = 50  # ids a name filter may stand for ("al" names many)


def _stories_naming(corpus: api.Corpus, actor: str, place: str) -> set[str] | None:
    """Stories naming the actor and the place the filters give, each by id or by name (as
    the analyst knows it): None when neither is given."""
    if not actor and not place:
        return None
    gazette = corpus.gazette()
    allowed: set[str] | None = None
    for text, names, kind in ((actor, gazette.actors, "actor"), (place, gazette.places, "place")):
        if not text:
            continue
        found: set[str] = set()
        for named in _ids_named(text, {i: f.name for i, f in names.items()}):
            found |= corpus.stories_naming(**{kind: named}) or set()
        allowed = found if allowed is None else allowed & found
    return allowed


def _ids_named(text: str, names: dict[str, str]) -> list[str]:
    """The ids `text` stands for: an id itself, else those whose name it is (any case), else
    those whose name holds it."""
    if text in names:
        return [text]
    folded = text.casefold()
    exact = [i for i, name in names.items() if name.casefold() == folded]
    return (exact or [i for i, name in names.items() if folded in name.casefold()])[:MAX_NAMED]


def filter_names(corpus: api.Corpus, limit: int = 2000) -> tuple[list[str], list[str]]:
    """The names of the actors and places the articles name, offered as the filters'
    suggestions (from the gazette: counting mentions would read every article's facts)."""
    gazette = corpus.gazette()

    def names(found: Iterable[str]) -> list[str]:
        return sorted(set(found), key=str.casefold)[:limit]

    return (names(a.name for a in gazette.actors.values()),
            names(p.name for p in gazette.places.values()))  # fmt: skip


def _within(story: api.Story, since: str, until: str) -> bool:
    """Whether the story's span (its estimated one for undated articles) meets the range;
    a story with no date at all is not known to."""
    window = story.estimated
    first = story.start or (window.start if window else None)
    last = story.end or (window.end if window else None) or first
    if first is None:
        return False
    return not (since and (last or first) < since) and not (until and first > until)


# -- story page ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SideView:
    side: api.DisputeSide
    letter: str
    before: str
    after: str


@dataclass(frozen=True)
class DisputeView:
    dispute: api.Dispute
    sides: tuple[tuple[SideView, ...], ...]  # grouped by position: the columns
    review: ReviewState


@dataclass(frozen=True)
class IncidentView:
    incident: api.Incident
    review: ReviewState
    place: str | None
    reports: tuple[tuple[api.IncidentReport, str], ...]  # with each report's spot


@dataclass(frozen=True)
class StoryPage:
    story: api.Story
    dossier: api.Dossier
    incidents: tuple[IncidentView, ...]
    disputes: tuple[DisputeView, ...]
    rejected: tuple[DisputeView, ...]
    updates: tuple[DisputeView, ...]
    figures: tuple[api.AlignedFigure, ...]
    coverage: Coverage
    map: MapView | None
    timeline: TimelineView | None
    network: NetworkView | None
    titles: dict[str, str] = field(default_factory=dict)  # article id -> title


def story_page(corpus: api.Corpus, story_id: str) -> StoryPage:
    story = corpus.story(story_id)
    dossier = corpus.dossier(story.id)
    book = corpus.review_book()
    incidents = corpus.incidents(story.id)
    figures = corpus.figures(story.id)
    disputes = corpus.disputes(story.id, include_updates=True, rejected=True)
    events = corpus.events(story=story.id)
    places = corpus.places(story=story.id, limit=40)
    articles = {a.id: a for a in corpus.articles(story=story.id)}
    gazette = corpus.gazette()
    bodies = corpus.bodies(sorted({s.article_id for d in disputes for s in d.sides}))
    views = [_dispute_view(d, book.of_dispute(d), bodies) for d in disputes]
    located = [(i, gazette.places[i.place_id]) for i in incidents
               if i.place_id in gazette.places]  # fmt: skip
    return StoryPage(
        story=story,
        dossier=dossier,
        incidents=tuple(
            IncidentView(i, book.of_incident(i), gazette.place_name(i.place_id),
                         tuple((r, report_spot(r)) for r in i.reports))
            for i in incidents
        ),
        disputes=tuple(v for v in views if v.dispute.status == "dispute" and not v.review.hidden),
        rejected=tuple(v for v in views if v.review.hidden),
        updates=tuple(v for v in views if v.dispute.status != "dispute" and not v.review.hidden),
        figures=tuple(figures),
        coverage=coverage(incidents, figures, {a: s.outlet for a, s in articles.items()},
                          story.outlets),
        map=story_map(located, [(p.place, p.mentions) for p in places]),
        timeline=timeline_chart(dossier.timeline),
        network=actor_network(events),
        titles={a: s.title for a, s in articles.items()},
    )  # fmt: skip


def _dispute_view(dispute: api.Dispute, review: ReviewState, bodies: dict[str, str]) -> DisputeView:
    columns: dict[int, list[SideView]] = {}
    for side in dispute.sides:
        body = bodies.get(side.article_id, "")
        at = body.find(side.sentence) if side.sentence else -1
        if at < 0 and side.start is not None:
            at = side.start
        end = at + len(side.sentence) if at >= 0 else -1
        before = body[max(0, at - CONTEXT_CHARS) : at] if at >= 0 else ""
        after = body[end : end + CONTEXT_CHARS] if end >= 0 else ""
        columns.setdefault(side.position, []).append(
            SideView(side, chr(ord("A") + side.position % 26), before, after)
        )
    return DisputeView(dispute, tuple(tuple(columns[p]) for p in sorted(columns)), review)


# -- article page --------------------------------------------------------------------------------


@dataclass(frozen=True)
class FactRow:
    """One finding in the list beside the text: what it is, where, and its review."""

    kind: str
    id: str | None  # reviewable findings only
    start: int
    text: str
    detail: str
    review: ReviewState | None = None
    fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class ArticlePage:
    analysis: api.Analysis
    text: Any  # Markup
    facts: tuple[FactRow, ...]
    copies: tuple[api.ArticleSummary, ...]
    original: api.ArticleSummary | None
    story: api.Story | None
    counts: dict[str, int]


def article_page(corpus: api.Corpus, article_id: str) -> ArticlePage:
    found = corpus.article(article_id)
    article = found.article
    book = corpus.review_book()
    names = found.gazette
    spans: list[Span] = []
    facts: list[FactRow] = []
    for m in found.mentions:
        if m.field != "body":
            continue
        if m.actor_id:
            name = names.actor_name(m.actor_id)
            spans.append(Span(m.start, m.end, "actor", f"actor: {name}", f"/actors/{m.actor_id}"))
        elif m.place_id:
            name = names.place_name(m.place_id)
            spans.append(Span(m.start, m.end, "place", f"place: {name}", f"/places/{m.place_id}"))
    for d in found.dates:
        spans.append(Span(d.start, d.end, "date", f"date: {d.value or '?'} ({d.relation})"))

    def finding(kind: str, fid: str, start: int, end: int, text: str, title: str,
                detail: str) -> None:  # fmt: skip
        """A reviewable finding: marked in the text and listed beside it with its review."""
        spans.append(Span(start, end, kind, title, fact=fid))
        facts.append(FactRow(kind, fid, start, text, detail,
                             book.of_spot(kind, article.id, start), FIELDS[kind]))  # fmt: skip

    for entry in corpus.quotes(article=article.id):
        q = entry.quote
        who = q.speaker or "unattributed"
        finding("quote", record_id("quote", q.article_id, q.start), q.start, q.end, q.text,
                f"quote ({q.kind}) by {who}", f"{q.kind}, said by {who}")  # fmt: skip
    for entry in corpus.numbers(article=article.id):
        f = entry.figure
        who = f.claimant or f"{article.outlet or 'the outlet'} (own voice)"
        what = " ".join(x for x in (f.measure, f.victims, f.what) if x)
        finding("figure", record_id("figure", f.article_id, f.start), f.start, f.end, f.text,
                f"figure: {what}, claimed by {who}",
                f"{what or 'number'}; claimant {who}")  # fmt: skip
    for entry in corpus.events(article=article.id):
        e = entry.event
        who = ", ".join(p.actor.name if p.actor else p.text for p in entry.sources) or "?"
        whom = ", ".join(p.actor.name if p.actor else p.text for p in entry.targets) or "?"
        mode = f"/{e.mode}" if e.mode else ""
        finding("event", entry.id, e.start, e.end, e.trigger,
                f"{e.type} ({e.factuality}): {who} → {whom}",
                f"{e.type}{mode} ({e.factuality}): {who} → {whom}")  # fmt: skip
    everything = corpus.articles()
    copies = tuple(a for a in everything if a.duplicate_of == article.id)
    original = next((a for a in everything if a.id == found.copy_of), None)
    story = next((s for s in corpus.stories() if article.id in s.article_ids), None)
    counts = Counter(s.kind for s in spans)
    return ArticlePage(found, highlight(article.body, spans),
                       tuple(sorted(facts, key=lambda f: (f.start, f.kind))), copies, original,
                       story, dict(counts))  # fmt: skip


# -- actor, place, search ------------------------------------------------------------------------


def actor_page(corpus: api.Corpus, actor_id: str) -> ActorDetail:
    return corpus.actor(actor_id)


def place_page(corpus: api.Corpus, place_id: str) -> PlaceDetail:
    return corpus.place(place_id)


def search_page(corpus: api.Corpus, text: str, limit: int, offset: int) -> tuple[list, int]:
    hits, total = corpus.search(text, limit=limit, offset=offset)
    return [(hit, _marked(hit)) for hit in hits], total


def _marked(hit: SearchHit) -> Any:
    from markupsafe import Markup, escape

    out, pos = [], 0
    for start, end in hit.marks:
        out += [str(escape(hit.snippet[pos:start])), "<mark>",
                str(escape(hit.snippet[start:end])), "</mark>"]  # fmt: skip
        pos = end
    out.append(str(escape(hit.snippet[pos:])))
    return Markup("".join(out))


def review_rows(corpus: api.Corpus) -> Sequence[api.Review]:
    return list(reversed(corpus.reviews()))


def matched_review_ids(corpus: api.Corpus, book: ReviewBook) -> set[int]:
    """Ids of the reviews that apply to some record as it reads now."""
    found: set[int] = set()
    for d in corpus.disputes(include_updates=True, rejected=True):
        found.update(r.id for r in book.of_dispute(d).reviews)
    for i in corpus.incidents():
        found.update(r.id for r in book.of_incident(i).reviews)
    for review in book.reviews:
        if review.target in ("event", "figure", "quote") and review.id not in found:
            article_id, _, start = review.evidence[0].partition("@")
            if corpus.has_record(review.target, article_id, int(start)):
                found.add(review.id)
    return found
