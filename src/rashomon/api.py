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
from rashomon.store.stories import read_stories, resolve_story


class Corpus:
    """A rashomon database, read through records."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.store = Store(self.path)

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
        (found,) = read_stories(self.store, resolve_story(self.store, story_id))
        return found

    # -- across outlets ----------------------------------------------------------------------

    def incidents(self, story: str | None = None) -> list[Incident]:
        """Incidents with every report of them (one story's, or all)."""
        sid = resolve_story(self.store, story) if story else None
        return read_incidents(self.store, story_id=sid)

    def figures(self, story: str | None = None) -> list[AlignedFigure]:
        """Aligned figures: one story's (its incidents' tolls and its other counts), or all."""
        sid = resolve_story(self.store, story) if story else None
        return read_figures(self.store, story_id=sid)

    def disputes(self, story: str | None = None, include_updates: bool = False) -> list[Dispute]:
        """Disputes between accounts; `include_updates` adds changes over time."""
        sid = resolve_story(self.store, story) if story else None
        return read_disputes(self.store, story_id=sid, include_updates=include_updates)

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


def open(path: str | Path) -> Corpus:  # noqa: A001 (the library's entry point, like io.open)
    """The corpus stored in the rashomon database at `path`."""
    return Corpus(path)


__all__: Sequence[str] = ("Corpus", "open")
