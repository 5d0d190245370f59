"""What a story dossier holds, apart from how it is written out (Markdown or HTML).

`rashomon.reconcile.dossier.build_dossier` fills it from the store; the renderers only
format it. Every statement in it carries `Citation`s back to an article, an outlet and a
sentence, because a dossier line without its evidence is worth nothing to a fact-checker.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Citation:
    """Where a statement comes from: the article, its outlet, and the sentence."""

    article_id: str
    outlet: str | None
    sentence: str
    start: int | None = None  # offsets of the evidence in the article's clean body
    end: int | None = None
    date: str | None = None  # the article's publication date, when known


@dataclass(frozen=True)
class SummarySentence:
    text: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class Source:
    """One report: an article, the outlet that published it, and its copies elsewhere."""

    article_id: str
    outlet: str | None
    wire: str | None
    date: str | None
    title: str
    copies: tuple[str, ...] = ()  # outlets that ran the same text (wire copies)


@dataclass(frozen=True)
class KeyActor:
    actor_id: str
    name: str
    kind: str
    mentions: int
    articles: int


@dataclass(frozen=True)
class TimelineEntry:
    """An event or a change of state, dated as precisely as the reports allow."""

    date: str | None
    precision: str | None  # day, week, month, year; None when undated
    text: str  # "Russia ASSAULT (aerial) Free Syrian Army"
    kind: str  # event type (PLOVER) or "state"
    factuality: str
    outlets: tuple[str, ...]
    reports: int  # articles reporting it
    independent: int  # reports that are not copies of one another
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class DisputeSide:
    """One position in a dispute: the value or claim, who holds it, who reported it."""

    value_or_claim: str
    claimant: str | None
    claimant_actor_id: str | None
    outlet: str | None
    article_id: str
    date: str | None
    sentence: str
    position: int = 0  # sides with the same position agree with each other


@dataclass(frozen=True)
class Dispute:
    """Accounts that cannot all be true at once (status "dispute"), or a later report that
    replaces an earlier one (status "superseded": a change over time, not a contradiction)."""

    id: str
    story_id: str
    kind: str  # numeric, polarity, state
    subject: str  # "Jabhat Fateh al-Sham fighters in Aleppo"
    status: str  # dispute or superseded
    sides: tuple[DisputeSide, ...]
    note: str = ""  # why: "around 300 vs no more than 900 do not overlap"


@dataclass(frozen=True)
class FigureClaim:
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
class Figure:
    """Numbers about the same thing (same counted concept, scope and time), side by side."""

    subject: str
    claims: tuple[FigureClaim, ...]
    disputed: bool


@dataclass(frozen=True)
class QuoteReport:
    text: str
    outlet: str | None
    article_id: str
    cue: str | None
    intermediary: str | None
    kind: str = "direct"  # direct (the speaker's words), indirect or statement (reported)


@dataclass(frozen=True)
class SpeakerQuotes:
    """What one speaker said, each statement with every outlet that carried it."""

    speaker: str
    speaker_actor_id: str | None
    statements: tuple[tuple[QuoteReport, ...], ...]  # one tuple per statement, its reports


@dataclass(frozen=True)
class Dossier:
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
