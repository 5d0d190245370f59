"""rashomon as a library: the one surface the command line and Python users call.

`open(path)` gives a `Corpus` over a rashomon database; its methods return the frozen
records of `rashomon.facts` (stories, incidents, figures, disputes, timelines, dossiers).
This is the only module where the store and the cross-article reasoning meet, so the CLI
never speaks SQL and `reconcile` never reads the store.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from rashomon.facts import AlignedFigure, Dispute, Incident, Story
from rashomon.facts.dossier import Dossier, TimelineEntry
from rashomon.reconcile.dossier import build_dossier, story_timeline
from rashomon.store import Store
from rashomon.store.facts import article_facts, gazette
from rashomon.store.findings import read_disputes, read_figures
from rashomon.store.incidents import read_incidents
from rashomon.store.select import Selection, select_articles
from rashomon.store.stories import read_stories


class Corpus:
    """A rashomon database, read through records."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        self.store = Store(self.path, read_only=read_only)

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
        listing's --article, --story and --outlet select."""
        return select_articles(self.store, article, story, outlet)

    # -- across outlets ----------------------------------------------------------------------

    def incidents(self, story: str | None = None) -> list[Incident]:
        """Incidents with every report of them (one story's, or all)."""
        sid = self.store.resolve_id(story, "story") if story else None
        return read_incidents(self.store, story_id=sid)

    def figures(self, story: str | None = None) -> list[AlignedFigure]:
        """Aligned figures: one story's (its incidents' tolls and its other counts), or all."""
        sid = self.store.resolve_id(story, "story") if story else None
        return read_figures(self.store, story_id=sid)

    def disputes(self, story: str | None = None, include_updates: bool = False) -> list[Dispute]:
        """Disputes between accounts; `include_updates` adds changes over time."""
        sid = self.store.resolve_id(story, "story") if story else None
        return read_disputes(self.store, story_id=sid, include_updates=include_updates)

    def dispute(self, dispute_id: str) -> Dispute:
        """One dispute (or update) by id or unique id prefix."""
        wanted = self.store.resolve_id(dispute_id, "dispute")
        (found,) = [d for d in read_disputes(self.store, include_updates=True) if d.id == wanted]
        return found

    def timeline(self, story: str) -> tuple[TimelineEntry, ...]:
        """A story's incidents, other acts and changes of control, by date."""
        found = self.story(story)
        facts = article_facts(self.store, found.article_ids)
        incidents = read_incidents(self.store, story_id=found.id)
        return story_timeline(found, facts, incidents, gazette(self.store))

    def dossier(self, story: str) -> Dossier:
        """Everything a reader needs about one story, with evidence for every line."""
        found = self.story(story)
        facts = article_facts(self.store, found.article_ids)
        return build_dossier(
            found, facts, read_incidents(self.store, story_id=found.id),
            read_figures(self.store, story_id=found.id),
            read_disputes(self.store, story_id=found.id, include_updates=True),
            gazette(self.store),
        )  # fmt: skip


def open(path: str | Path, *, read_only: bool = False) -> Corpus:  # noqa: A001 (like io.open)
    """The corpus stored in the rashomon database at `path` (`read_only`: never created,
    never written)."""
    return Corpus(path, read_only=read_only)


__all__: Sequence[str] = ("Corpus", "open")
