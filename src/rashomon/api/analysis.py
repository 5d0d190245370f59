"""One article in, frozen records out: `analyze()` and the `Analysis` it returns.

`analyze` runs exactly what ingesting runs for one article (cleaning, outlet, wire and date,
the spaCy parse, the per-article extractors) but keeps the findings in memory: no database,
nothing written. `Corpus.article(id)` returns the same `Analysis` for a stored article, read
back from the database, so a notebook can move between the two without changing code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rashomon.errors import InputError, RashomonError
from rashomon.facts import (
    ActorFact,
    Argument,
    ArticleFact,
    ArticleFacts,
    DateFact,
    EventFact,
    FigureFact,
    Gazette,
    MentionFact,
    PlaceFact,
    QuoteFact,
)
from rashomon.facts.entries import (
    EventEntry,
    FigureEntry,
    QuoteEntry,
    event_entries,
    figure_entries,
    quote_entries,
    referenced_actors,
    referenced_places,
)
from rashomon.model import Article, FoundIn, OffsetMap, PublicationDate, RawArticle, Record
from rashomon.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from rashomon.entities import EntityExtractor
    from rashomon.store.entities import ArticleEntities


@dataclass(frozen=True)
class Analysis(Record):
    """Everything rashomon finds in one article, each finding with its offsets into
    `article.body` and its sentence.

    `actors` and `places` are those the findings point to (and the actors they belong to,
    the places they lie in). `copy_of` and `similarity` say whether a stored article
    reprints an earlier one; an analysed text is never a copy.
    """

    article: Article
    actors: tuple[ActorFact, ...] = ()
    places: tuple[PlaceFact, ...] = ()
    mentions: tuple[MentionFact, ...] = ()
    dates: tuple[DateFact, ...] = ()
    quotes: tuple[QuoteFact, ...] = ()
    figures: tuple[FigureFact, ...] = ()
    events: tuple[EventFact, ...] = ()
    copy_of: str | None = None
    similarity: float | None = None

    @property
    def gazette(self) -> Gazette:
        return Gazette({a.id: a for a in self.actors}, {p.id: p for p in self.places})

    @property
    def facts(self) -> ArticleFacts:
        return ArticleFacts(
            article=_article_fact(self.article, self.copy_of),
            body=self.article.body,
            events=self.events,
            figures=self.figures,
            quotes=self.quotes,
            mentions=self.mentions,
            dates=self.dates,
        )

    def actor(self, actor_id: str) -> ActorFact | None:
        return self.gazette.actors.get(actor_id)

    def mentions_of(self, actor_id: str) -> tuple[MentionFact, ...]:
        """Every mention of one actor, in text order."""
        return tuple(m for m in self.mentions if m.actor_id == actor_id)

    def event_entries(self) -> list[EventEntry]:
        """The events with ids, names, sectors, countries and coordinates beside them."""
        return list(event_entries([self.facts], self.gazette))

    def quote_entries(self) -> list[QuoteEntry]:
        return list(quote_entries([self.facts], self.gazette))

    def figure_entries(self) -> list[FigureEntry]:
        return list(figure_entries([self.facts], self.gazette))


def analysis_of(
    article: Article,
    facts: ArticleFacts,
    gazette: Gazette,
    copy_of: str | None = None,
    similarity: float | None = None,
) -> Analysis:
    """The Analysis of one article's facts; actors and places as the findings point to them
    (the same rule for an analysed text and a stored article, so the two compare equal)."""
    return Analysis(
        article=article,
        actors=referenced_actors(facts, gazette),
        places=referenced_places(facts, gazette),
        mentions=tuple(sorted(facts.mentions, key=lambda m: (m.field, m.start))),
        dates=tuple(sorted(facts.dates, key=lambda d: d.start)),
        quotes=tuple(sorted(facts.quotes, key=lambda q: q.start)),
        figures=tuple(sorted(facts.figures, key=lambda f: f.start)),
        events=tuple(sorted(facts.events, key=lambda e: e.start)),
        copy_of=copy_of,
        similarity=similarity,
    )


class Analyzer:
    """The spaCy pipeline and the extractors, built once and reused for every text (building
    them costs a few seconds; analysing a text costs what parsing it costs)."""

    def __init__(
        self,
        settings: Settings | None = None,
        actor_files: Sequence[str | Path] = (),
        event_files: Sequence[str | Path] = (),
        outlet_files: Sequence[str | Path] = (),
        nlp: Language | None = None,
    ) -> None:
        from rashomon.article.outlets import OutletDirectory
        from rashomon.entities import EntityExtractor
        from rashomon.nlp import load_pipeline

        self.settings = settings or Settings.from_env()
        self.nlp = nlp if nlp is not None else load_pipeline(self.settings.model)
        self.extractor: EntityExtractor = EntityExtractor.build(
            self.nlp, [Path(p) for p in actor_files], [Path(p) for p in event_files]
        )
        self.outlets = OutletDirectory.load([Path(p) for p in outlet_files])

    def analyze(
        self,
        text: str,
        *,
        title: str | None = None,
        outlet: str | None = None,
        published: str | dt.date | None = None,
        url: str | None = None,
        source: str = "<text>",
    ) -> Analysis:
        from rashomon.article.build import UserMetadata, build_article
        from rashomon.nlp import parse

        date = publication_date(published)
        raw = RawArticle(source=source, text=text, title=title)
        try:
            article = build_article(raw, self.outlets, UserMetadata(outlet, date, url))
        except InputError as error:
            raise RashomonError(str(error)) from error
        ((_, doc),) = parse(self.nlp, [(article.id, article.body)], self.settings)
        return self.analyze_doc(article, doc)

    def analyze_doc(self, article: Article, doc: Doc) -> Analysis:
        """The Analysis of an article whose body `doc` is (already parsed)."""
        found = self.extractor.extract(article.id, doc, article.published, article.captions)
        return analysis_of(article, facts_of(article, found), gazette_of(found))


def publication_date(
    value: str | dt.date | PublicationDate | None, order: str = "MDY"
) -> PublicationDate | None:
    """A date the user gives ("2016-10-01", "October 2016", a `date`), at the precision it
    states; `order` reads ambiguous numeric dates ("4/5/2017": MDY or DMY)."""
    from rashomon.article.dates import parse_date

    if value is None or isinstance(value, PublicationDate):
        return value
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    found = parse_date(text, found_in=FoundIn.USER, order=order)
    if found is None:
        raise RashomonError(f"published={value!r} is not a date (try YYYY-MM-DD)")
    return found


def doc_article(text: str, outlet: str | None, published: PublicationDate | None) -> Article:
    """A text taken whole as an article's body (a Doc in someone's pipeline: nothing is cut,
    so offsets stay offsets into `doc.text`); its title is its first line."""
    from rashomon.reconcile.duplicates import article_id, content_hash

    lines = text.strip().splitlines()
    title = lines[0][:_TITLE_CHARS] if lines else ""
    content = content_hash(title, text)
    return Article(
        id=article_id(content, outlet),
        source="<doc>",
        title=title,
        body=text,
        raw_text=text,
        offsets=OffsetMap(((0, 0, len(text)),)),
        content_hash=content,
        outlet=outlet,
        outlet_found_in=FoundIn.USER if outlet else None,
        published=published,
    )


_TITLE_CHARS = 120


# -- the extractors' records as the store would hand them back --------------------------------


def facts_of(article: Article, found: ArticleEntities) -> ArticleFacts:
    """One article's findings as the read records the store returns for it."""
    aid, body = article.id, article.body
    return ArticleFacts(
        article=_article_fact(article, None),
        body=body,
        mentions=tuple(
            MentionFact(aid, m.start, m.end, m.text, m.kind, m.sentence_start, m.sentence_end,
                        m.actor_id, m.place_id, m.method, m.field)
            for m in found.mentions
        ),
        dates=tuple(
            DateFact(aid, d.start, d.end, d.text, d.value, d.precision, d.relation, s, e)
            for d, s, e in found.dates
        ),
        quotes=tuple(
            QuoteFact(aid, q.start, q.end, q.text, q.kind, s, e, body[s:e], q.cue, q.speaker,
                      q.speaker_actor_id, q.intermediary)
            for q, s, e in found.quotes
        ),
        figures=tuple(
            FigureFact(
                aid, n.start, n.end, n.text, n.value, n.low, n.high, n.qualifier, s, e, body[s:e],
                what=n.what, unit=n.unit, about_actor_id=n.about_actor_id, place_id=n.place_id,
                time=n.time, claimant=n.claimant, claimant_actor_id=n.claimant_actor_id,
                status=n.status,
                # as read back from the store: unset columns keep the record's defaults
                **{k: getattr(n, k) for k in _FIGURE_EXTRAS if getattr(n, k) is not None},
            )
            for n, s, e in found.numbers
        ),
        events=tuple(
            EventFact(
                aid, ev.start, ev.end, ev.trigger, ev.type, ev.mode, ev.factuality, s, e,
                body[s:e], frame=ev.frame,
                sources=tuple(Argument(a.start, a.end, a.text, a.actor_id) for a in ev.sources),
                targets=tuple(Argument(a.start, a.end, a.text, a.actor_id) for a in ev.targets),
                place_id=ev.place_id, place_from=ev.place_from, date=ev.date,
                date_precision=ev.date_precision, date_from=ev.date_from,
            )
            for ev, s, e in found.events
        ),
    )  # fmt: skip


_FIGURE_EXTRAS = ("measure", "victims", "scope", "scope_since", "claimant_kind")


def gazette_of(found: ArticleEntities) -> Gazette:
    actors = {
        a.id: ActorFact(a.id, a.name, a.kind.value, a.country, a.sector, a.affiliation, origin)
        for a, origin in found.actors
    }
    places = {
        p.id: PlaceFact(p.id, p.name, p.lat, p.lon, p.precision.value, p.country, p.parent_id)
        for p in found.places
    }
    return Gazette(actors, places)


def _article_fact(article: Article, copy_of: str | None) -> ArticleFact:
    published = article.published
    return ArticleFact(
        id=article.id,
        outlet=article.outlet,
        wire=article.wire,
        published=published.value if published else None,
        published_precision=published.precision.value if published else None,
        duplicate_of=copy_of,
        title=article.title,
        dateline=article.dateline,
        url=article.url,
    )
