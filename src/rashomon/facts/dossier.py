"""What a story dossier holds, apart from how it is written out (Markdown or HTML).

`rashomon.reconcile.dossier.build_dossier` fills it from a story's records; the renderers
only format it. Every statement in it carries `Citation`s back to an article, an outlet and a
sentence, because a dossier line without its evidence is worth nothing to a fact-checker.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rashomon.facts import DateWindow, Dispute, DisputeSide
from rashomon.model import Record


@dataclass(frozen=True)
class Citation(Record):
    """Where a statement comes from: the article, its outlet, and the sentence."""

    article_id: str
    outlet: str | None
    sentence: str
    start: int | None = None  # offsets of the evidence in the article's clean body
    end: int | None = None
    date: str | None = None  # the article's publication date, when known


@dataclass(frozen=True)
class SummarySentence(Record):
    text: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class Source(Record):
    """One report: an article, the outlet that published it, and its copies elsewhere."""

    article_id: str
    outlet: str | None
    wire: str | None
    date: str | None
    title: str
    copies: tuple[str, ...] = ()  # outlets that ran the same text (wire copies)


@dataclass(frozen=True)
class KeyActor(Record):
    actor_id: str
    name: str
    kind: str
    mentions: int
    articles: int


@dataclass(frozen=True)
class TimelineEntry(Record):
    """An event or a change of state, dated as precisely as the reports allow."""

    date: str | None
    # day, week, month, year, range (date to date_end), before (some time up to date),
    # estimate (an undated report placed by the estimated window of its article);
    # None when undated
    precision: str | None
    text: str  # "air strike in Aleppo, blamed on Russia (AFP) and on the coalition (SANA)"
    kind: str  # incident kind, event type (PLOVER) or "state"
    factuality: str
    outlets: tuple[str, ...]
    reports: int  # articles reporting it
    independent: int  # outlets and wire chains: copies and one outlet's repeats count once
    citations: tuple[Citation, ...]
    date_end: str | None = None  # the last day of a range or an estimate
    incident_id: str | None = None


@dataclass(frozen=True)
class FigureClaim(Record):
    """One claimant's figure for an aligned quantity."""

    value: str  # "around 300", "no more than 900"
    low: float | None
    high: float | None
    qualifier: str
    claimant: str | None
    outlet: str | None
    article_id: str
    date: str | None
    sentence: str


@dataclass(frozen=True)
class Figure(Record):
    """Numbers about the same thing (same counted concept, scope and time), side by side."""

    subject: str
    claims: tuple[FigureClaim, ...]
    disputed: bool


@dataclass(frozen=True)
class QuoteReport(Record):
    text: str
    outlet: str | None
    article_id: str
    cue: str | None
    intermediary: str | None
    kind: str = "direct"  # direct (the speaker's words), indirect or statement (reported)


@dataclass(frozen=True)
class SpeakerQuotes(Record):
    """What one speaker said, each statement with every outlet that carried it."""

    speaker: str
    speaker_actor_id: str | None
    statements: tuple[tuple[QuoteReport, ...], ...]  # one tuple per statement, its reports


@dataclass(frozen=True)
class Dossier(Record):
    story_id: str
    label: str
    start: str | None
    end: str | None
    summary: tuple[SummarySentence, ...]
    sources: tuple[Source, ...]
    actors: tuple[KeyActor, ...]
    timeline: tuple[TimelineEntry, ...]
    figures: tuple[Figure, ...]
    disputes: tuple[Dispute, ...]
    quotes: tuple[SpeakerQuotes, ...]
    generated_by: str = field(default="rashomon")
    estimated: DateWindow | None = None  # a story of undated articles: from what they name


__all__ = [  # a dossier's disputes are the store's records
    "Citation", "Dispute", "DisputeSide", "Dossier", "Figure", "FigureClaim", "KeyActor",
    "QuoteReport", "Source", "SpeakerQuotes", "SummarySentence", "TimelineEntry",
]  # fmt: skip
