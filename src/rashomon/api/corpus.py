"""A rashomon database as a Python object: `open(path)` gives a `Corpus`.

Its methods take filters as keyword arguments and return frozen records (`to_dict()` on
each): articles, per-article findings joined with their actors and places, stories,
incidents, aligned figures, disputes, timelines, dossiers; `ingest` and `parse` write. This
is the only place where the store, the pipeline and the cross-article reasoning meet, so the
command line never speaks SQL and `reconcile` never reads the store.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, TypeVar, overload

from rashomon.api.analysis import Analysis, analysis_of, publication_date
from rashomon.errors import InputError, NotFoundError, RashomonError
from rashomon.facts import (
    AlignedFigure,
    ArticleFacts,
    DateFact,
    Dispute,
    Gazette,
    Incident,
    MentionFact,
    Story,
)
from rashomon.facts.dossier import Dossier, TimelineEntry
from rashomon.facts.entries import (
    ActorEntry,
    EventEntry,
    FigureEntry,
    PlaceEntry,
    QuoteEntry,
    actor_entries,
    event_entries,
    figure_entries,
    place_entries,
    quote_entries,
)
from rashomon.facts.lookup import ActorDetail, PlaceDetail, SearchHit
from rashomon.facts.reviews import Review, ReviewBook, split_incidents, visible_disputes
from rashomon.model import ArticleSummary, PublicationDate
from rashomon.reconcile.dossier import build_dossier, story_timeline
from rashomon.settings import Settings
from rashomon.store import Store
from rashomon.store.facts import article_facts, gazette
from rashomon.store.findings import read_disputes, read_figures
from rashomon.store.incidents import read_incidents
from rashomon.store.reviews import read_reviews
from rashomon.store.select import Selection, select_articles
from rashomon.store.stories import read_stories
from rashomon.textsafe import for_storage

if TYPE_CHECKING:
    from rashomon.api.exports import ExportResult
    from rashomon.pipeline import IngestResult

DossierFormat = Literal["md", "html"]


class FieldMapError(RashomonError):
    """A field mapping for collection records that cannot be used (an unknown field ...)."""


T = TypeVar("T")


class Corpus:
    """A rashomon database, read and written through records. Use as a context manager or
    call close()."""

    def __init__(
        self, path: str | Path, settings: Settings | None = None, *, read_only: bool = False
    ) -> None:
        self.path = str(path)
        self.settings = (settings or Settings.from_env()).with_overrides(db=self.path)
        self.store = Store(self.path, read_only=read_only)
        self._facts_memo: dict[tuple[Any, ...], list[ArticleFacts]] = {}

    def __enter__(self) -> Corpus:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    # -- writing -----------------------------------------------------------------------------

    def ingest(
        self,
        paths: str | Path | Iterable[str | Path],
        *,
        outlet: str | None = None,
        published: str | dt.date | PublicationDate | None = None,
        url: str | None = None,
        fields: Mapping[str, str] | Sequence[str] | None = None,
        date_order: str = "MDY",
        input_format: str | None = None,
        parse: bool = True,
        outlets: Sequence[str | Path] = (),
        actors: Sequence[str | Path] = (),
        events: Sequence[str | Path] = (),
        on_error: Callable[[InputError], None] | None = None,
        progress: bool = False,
    ) -> IngestResult:
        """Read, clean, store and (unless `parse=False`) parse, extract and place articles.

        `paths`: files, folders, globs or "-" for stdin. `outlet`, `published`, `url` override
        what the files say. `fields` maps article fields to a collection's columns
        ({"text": "article_content"}, or ["text=article_content"]); a bad mapping is a
        FieldMapError. Bad inputs do not stop the batch: each is passed to
        `on_error` and kept in the result's `failures`. Re-ingesting an article is a no-op.
        """
        from rashomon.article.build import UserMetadata
        from rashomon.article.outlets import OutletDirectory
        from rashomon.ingest.records import FieldMap
        from rashomon.pipeline import IngestOptions, ingest

        inputs = [str(paths)] if isinstance(paths, str | Path) else [str(p) for p in paths]
        given = [f"{k}={v}" for k, v in fields.items()] if isinstance(fields, Mapping) else fields
        try:
            field_map = FieldMap.parse(list(given or []), date_order)
        except ValueError as exc:
            raise FieldMapError(str(exc)) from exc
        options = IngestOptions(
            field_map=field_map,
            user=UserMetadata(
                outlet=_given(outlet),
                published=publication_date(published, date_order),
                url=_given(url),
            ),
            input_format=input_format,
            parse=parse,
            actor_files=tuple(Path(p) for p in actors),
            event_files=tuple(Path(p) for p in events),
        )
        directory = OutletDirectory.load([Path(p) for p in outlets])
        return ingest(inputs, self.store, self.settings, options, directory,
                      on_error or (lambda _error: None), show_progress=progress)  # fmt: skip

    def parse(
        self,
        *,
        actors: Sequence[str | Path] = (),
        events: Sequence[str | Path] = (),
        on_error: Callable[[InputError], None] | None = None,
        progress: bool = False,
    ) -> IngestResult:
        """Parse stored articles without a parse for the configured model, extract what a
        changed model or dictionary made stale, and place new articles in stories."""
        from rashomon.pipeline import IngestOptions, IngestResult, Progress, process_pending

        options = IngestOptions(actor_files=tuple(Path(p) for p in actors),
                                event_files=tuple(Path(p) for p in events))  # fmt: skip
        result = IngestResult()
        process_pending(self.store, self.settings, options, on_error or (lambda _error: None),
                        Progress(progress), result)  # fmt: skip
        return result

    # -- articles ----------------------------------------------------------------------------

    def articles(
        self,
        *,
        outlet: str | None = None,
        story: str | None = None,
        limit: int | None = None,
    ) -> list[ArticleSummary]:
        """Stored articles (by source, then arrival), optionally one outlet's or one story's."""
        wanted = self._selection(None, story, outlet)
        rows = [r for r in self.store.list_articles() if wanted is None or r.id in wanted]
        return rows[:limit] if limit else rows

    def article(self, article: str) -> Analysis:
        """One stored article (id or unique id prefix) with everything found in it."""
        found, summary = self.store.get_article(article)
        (facts,) = article_facts(self.store, [found.id])
        return analysis_of(found, facts, gazette(self.store), summary.duplicate_of,
                           summary.similarity)  # fmt: skip

    def article_record(self, article: str) -> dict[str, Any]:
        """`rashomon article --json`: metadata, captions, recorded changes and clean body."""
        from rashomon.api.rows import article_record

        return article_record(self.store, article)

    def report(
        self,
        *,
        article: str | None = None,
        story: str | None = None,
        outlet: str | None = None,
        limit: int | None = None,
    ) -> str:
        """A readable summary of each selected article, from cached parses (no model)."""
        from rashomon.api.rows import report_text

        return report_text(self.store, self.selection(article, story, outlet), limit)

    def listing(
        self,
        name: str,
        *,
        article: str | None = None,
        story: str | None = None,
        outlet: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """The rows of a listing command (`actors`, `places`, `dates`, `mentions`, `quotes`,
        `numbers`, `events`) as its --json prints them: the command line's stable field
        names. Python code wants the typed records of `actors()`, `events()` ... instead."""
        from rashomon.api.rows import listing_rows

        rows = listing_rows(self.store, name, self.selection(article, story, outlet))
        return _first(rows, limit)

    # -- per-article findings, across articles -----------------------------------------------

    def actors(
        self,
        *,
        article: str | None = None,
        story: str | None = None,
        outlet: str | None = None,
        limit: int | None = None,
    ) -> list[ActorEntry]:
        """Actors the selected articles mention, most mentioned first. `article` and `story`
        take an id or a unique id prefix; `outlet` an outlet's name."""
        facts, names = self._facts(article, story, outlet)
        return _first(actor_entries(facts, names), limit)

    def places(
        self,
        *,
        article: str | None = None,
        story: str | None = None,
        outlet: str | None = None,
        limit: int | None = None,
    ) -> list[PlaceEntry]:
        """Places the selected articles name, most named first (filters as `actors`)."""
        facts, names = self._facts(article, story, outlet)
        return _first(place_entries(facts, names), limit)

    def mentions(
        self,
        *,
        article: str | None = None,
        story: str | None = None,
        outlet: str | None = None,
        limit: int | None = None,
    ) -> list[MentionFact]:
        """Every actor and place mention, with offsets into its article's clean body."""
        facts, _ = self._facts(article, story, outlet)
        return _first([m for f in facts for m in f.mentions], limit)

    def dates(
        self,
        *,
        article: str | None = None,
        story: str | None = None,
        outlet: str | None = None,
        limit: int | None = None,
    ) -> list[DateFact]:
        """Every date expression with its resolved value and precision."""
        facts, _ = self._facts(article, story, outlet)
        return _first([d for f in facts for d in f.dates], limit)

    def quotes(
        self,
        *,
        article: str | None = None,
        story: str | None = None,
        outlet: str | None = None,
        limit: int | None = None,
    ) -> list[QuoteEntry]:
        """Quotes with their speakers' actors and the articles that reported them."""
        from rashomon.api.reviewing import corrected_quotes

        facts, names = self._facts(article, story, outlet)
        return _first(corrected_quotes(quote_entries(facts, names), self.review_book(), names),
                      limit)  # fmt: skip

    def numbers(
        self,
        *,
        article: str | None = None,
        story: str | None = None,
        outlet: str | None = None,
        limit: int | None = None,
    ) -> list[FigureEntry]:
        """Every number as a claim in its article (aligned across articles: `figures`)."""
        from rashomon.api.reviewing import corrected_figures

        facts, names = self._facts(article, story, outlet)
        entries = figure_entries(facts, names)
        return _first(corrected_figures(entries, self.review_book(), names), limit)

    def events(
        self,
        *,
        article: str | None = None,
        story: str | None = None,
        outlet: str | None = None,
        type: str | None = None,  # noqa: A002
        limit: int | None = None,
    ) -> list[EventEntry]:
        """PLOVER events with ids, actors (names, sectors, countries), place (coordinates)
        and the article that reported them; `type` keeps one PLOVER type ("ASSAULT")."""
        from rashomon.api.reviewing import corrected_events

        facts, names = self._facts(article, story, outlet)
        entries = corrected_events(event_entries(facts, names), self.review_book(), names)
        found = [e for e in entries if type is None or e.event.type == type]
        return _first(found, limit)

    # -- stories -----------------------------------------------------------------------------

    def stories(self) -> list[Story]:
        """Every story, in the order they were started."""
        return read_stories(self.store)

    def story(self, story_id: str) -> Story:
        """One story by id or unique id prefix."""
        (found,) = read_stories(self.store, self.store.resolve_id(story_id, "story"))
        return found

    def selection(
        self, article: str | None = None, story: str | None = None, outlet: str | None = None
    ) -> Selection:
        """The articles every given filter allows (ids may be unique prefixes): what a
        listing's --article, --story and --outlet select. A filter that matches nothing is
        a NotFoundError, not an empty selection."""
        return select_articles(self.store, article, story, outlet)

    # -- across outlets ----------------------------------------------------------------------

    def incidents(self, story: str | None = None) -> list[Incident]:
        """Incidents with every report of them (one story's, or all), as the analyst's
        reviews have them (a report marked "not the same incident" stands alone)."""
        sid = self.store.resolve_id(story, "story") if story else None
        return self.apply_incident_reviews(read_incidents(self.store, story_id=sid))

    def figures(self, story: str | None = None) -> list[AlignedFigure]:
        """Aligned figures: one story's (its incidents' tolls and its other counts), or all."""
        sid = self.store.resolve_id(story, "story") if story else None
        return read_figures(self.store, story_id=sid)

    def disputes(
        self, story: str | None = None, include_updates: bool = False, rejected: bool = False
    ) -> list[Dispute]:
        """Disputes between accounts; `include_updates` adds changes over time. Disputes an
        analyst rejected are left out unless `rejected` (see `reviews`)."""
        sid = self.store.resolve_id(story, "story") if story else None
        found = read_disputes(self.store, story_id=sid, include_updates=include_updates)
        return found if rejected else visible_disputes(found, self.review_book())

    def dispute(self, dispute_id: str) -> Dispute:
        """One dispute (or update) by id or unique id prefix."""
        wanted = self.store.resolve_id(dispute_id, "dispute")
        (found,) = [d for d in read_disputes(self.store, include_updates=True) if d.id == wanted]
        return found

    def timeline(self, story: str) -> tuple[TimelineEntry, ...]:
        """A story's incidents, other acts and changes of control, by date."""
        found = self.story(story)
        facts = self._article_facts(found.article_ids)
        return story_timeline(found, facts, self.incidents(found.id), gazette(self.store))

    @overload
    def dossier(self, story: str) -> Dossier: ...
    @overload
    def dossier(self, story: str, format: DossierFormat) -> str: ...  # noqa: A002

    def dossier(self, story: str, format: DossierFormat | None = None) -> Dossier | str:  # noqa: A002
        """Everything a reader needs about one story, with evidence for every line: the
        record, or with `format` ("md", "html") the written document."""
        found = self.story(story)
        facts = self._article_facts(found.article_ids)
        dossier = build_dossier(
            found, facts, self.incidents(found.id), read_figures(self.store, story_id=found.id),
            self.disputes(found.id, include_updates=True), gazette(self.store),
        )  # fmt: skip
        if format is None:
            return dossier
        from rashomon.report.dossier_html import render_html
        from rashomon.report.dossier_markdown import render_markdown

        if format not in ("md", "html"):
            raise RashomonError(f"dossier format {format!r}: use 'md' or 'html'")
        return render_html(dossier) if format == "html" else render_markdown(dossier)

    # -- reviews and look-ups ----------------------------------------------------------------

    def reviews(self) -> list[Review]:
        """Every analyst review, oldest first (`rashomon reviews`)."""
        return read_reviews(self.store)

    def review_book(self) -> ReviewBook:
        """The reviews, ready to be looked up by a record's evidence."""
        return ReviewBook(read_reviews(self.store))

    def review(
        self,
        target: str,
        record_id: str,
        verdict: str,
        *,
        field: str | None = None,
        value: str | None = None,
        comment: str = "",
    ) -> Review:
        """Record an analyst's review of a dispute, incident, event, figure or quote (by its
        id as listed now): `verdict` confirm, reject, or correct with `field` and `value`
        (a figure's claimant, measure or victims; a quote's speaker; an event's type or
        perpetrator; an incident's perpetrator, or `same_incident` naming the report that
        is not the same incident). Kept by the record's evidence, so it applies again after
        re-extraction and re-ingest; applied on read by every listing."""
        from rashomon.api.reviewing import record_review

        return record_review(self, target, record_id, verdict, field, value, comment)

    def apply_incident_reviews(self, incidents: Iterable[Incident]) -> list[Incident]:
        """Incidents as the reviews have them: split where an analyst said so, with a
        corrected perpetrator where one was given."""
        from rashomon.api.reviewing import corrected_incidents

        book = self.review_book()
        if not len(book):
            return list(incidents)
        return corrected_incidents(split_incidents(incidents, book), book, gazette(self.store))

    def dispute_counts(self) -> dict[str, int]:
        """Disputes (not updates) per story id, those an analyst rejected left out."""
        from collections import Counter

        from rashomon.store.lookup import dispute_stories

        story_of = dispute_stories(self.store)
        book = self.review_book()
        hidden = set()
        if len(book):
            hidden = {d.id for d in read_disputes(self.store) if book.of_dispute(d).hidden}
        return dict(Counter(s for d, s in story_of.items() if d not in hidden))

    def stories_naming(
        self, *, actor: str | None = None, place: str | None = None
    ) -> set[str] | None:
        """Ids of the stories with an article naming `actor` (an actor id) and `place` (a
        place id, or any place inside it); None when neither is given."""
        from rashomon.store.lookup import stories_naming

        found: set[str] | None = None
        if actor:
            found = stories_naming(self.store, "actor_id", [actor])
        if place:
            from rashomon.api.lookups import inside

            named = stories_naming(self.store, "place_id", sorted(inside(self, place)))
            found = named if found is None else found & named
        return found

    def gazette(self) -> Gazette:
        """Every stored actor and place, by id."""
        return gazette(self.store)

    def bodies(self, article_ids: Iterable[str]) -> dict[str, str]:
        """The clean bodies of the given articles, by id (the text every offset points into)."""
        return dict(self.store.bodies(list(article_ids)))

    def has_record(self, target: str, article_id: str, start: int) -> bool:
        """Whether an event, figure or quote (`target`) starts at `start` in the article."""
        from rashomon.store.lookup import has_record

        table = {"event": "events", "figure": "numbers", "quote": "quotes"}.get(target, "")
        return has_record(self.store, table, article_id, start)

    def search(self, text: str, *, limit: int = 20, offset: int = 0) -> tuple[list[SearchHit], int]:
        """Articles whose title or text holds every word of `text` (a word ending in * matches
        as a prefix), best first, and how many match in all."""
        from rashomon.api.lookups import search

        return search(self, text, limit, offset)

    def actor(self, actor_id: str, *, articles: int = 50) -> ActorDetail:
        """An actor's page: names, renamings, mentions, events as source and target, figures
        it claims and quotes it said, from the `articles` most recent articles about it."""
        from rashomon.api.lookups import actor_detail

        return actor_detail(self, actor_id, articles)

    def place(self, place_id: str, *, articles: int = 50) -> PlaceDetail:
        """A place's page: where it lies, what it contains, mentions, events, figures and
        incidents there or inside it."""
        from rashomon.api.lookups import place_detail

        return place_detail(self, place_id, articles)

    # -- exports -----------------------------------------------------------------------------

    def export(
        self,
        path: str | Path,
        format: str,
        *,
        story: str | None = None,  # noqa: A002
    ) -> ExportResult:
        """Write the corpus (or one story) as csv, jsonl or parquet tables, PLOVER/POLECAT
        event JSON lines (`polecat`) or ACLED-style incident rows (`acled`); see
        `rashomon.api.exports`."""
        from rashomon.api.exports import export

        return export(self, Path(path), format, story=story)

    # -- helpers -----------------------------------------------------------------------------

    def _selection(
        self, article: str | None, story: str | None, outlet: str | None
    ) -> frozenset[str] | None:
        """Ids of the articles the filters allow (None: every article)."""
        return select_articles(self.store, article, story, outlet).article_ids

    def _facts(
        self, article: str | None, story: str | None, outlet: str | None
    ) -> tuple[list[ArticleFacts], Gazette]:
        wanted = self._selection(article, story, outlet)
        ids = [r.id for r in self.store.list_articles() if wanted is None or r.id in wanted]
        return self._article_facts(ids), gazette(self.store)

    def _article_facts(self, ids: Sequence[str]) -> list[ArticleFacts]:
        """`article_facts`, remembered for the last few selections until the database
        changes (SQLite's data_version moves when any connection commits): a page that asks
        for a story's dossier, events and places reads its articles once."""
        version = self.store.conn.execute("PRAGMA data_version").fetchone()[0]
        key = (version, self.store.conn.total_changes, tuple(ids))
        found = self._facts_memo.get(key)
        if found is None:
            found = article_facts(self.store, ids)
            self._facts_memo = dict(list(self._facts_memo.items())[-3:]) | {key: found}
        return found


def _first(found: list[T], limit: int | None) -> list[T]:
    return found[:limit] if limit else found


def open(  # noqa: A001 (the library's entry point, like io.open)
    path: str | Path, settings: Settings | None = None, *, read_only: bool = False
) -> Corpus:
    """The corpus stored in the rashomon database at `path`: created when missing, unless
    `read_only` (never created, never written; a missing database is a NotFoundError)."""
    if not str(path):
        raise NotFoundError("no database path given")
    return Corpus(path, settings, read_only=read_only)


def _given(value: str | None) -> str | None:
    """An outlet or URL given by the caller, fit to store like any text read from a file
    (no escape sequences: it is shown in every listing and dossier)."""
    return (for_storage(value).strip() or None) if value is not None else None
