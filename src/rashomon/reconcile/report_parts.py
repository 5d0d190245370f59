"""The pieces an article's incident reports are built from (see reports.py): its incident
sentences, the groups they fall into (one per happening told), and the lookups both the
grouping and the reading of doers (doers.py) need."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from rashomon.facts import DateFact, EventFact, FigureFact, Gazette, MentionFact

TOLD = frozenset({"asserted", "alleged", "historical"})  # factualities told as having happened


@dataclass
class Sentence:
    """One sentence that tells of an incident: its kinds, events, tolls, places and days."""

    start: int
    end: int
    text: str
    kinds: list[str]
    events: list[EventFact] = field(default_factory=list)
    figures: list[FigureFact] = field(default_factory=list)
    nones: list[FigureFact] = field(default_factory=list)  # tolls of none ("no deaths")
    places: list[str] = field(default_factory=list)
    days: list[str] = field(default_factory=list)
    said_days: list[str] = field(default_factory=list)  # days a source spoke on (see _days)
    spans: list[tuple[date, date]] = field(default_factory=list)  # coarser dates it gives
    around: set[str] = field(default_factory=set)  # places named as "near X", "outside X"
    sites: set[str] = field(default_factory=set)  # places named otherwise ("in X", "X")
    narrowed: bool = False  # its spans are parts of months ("early October"): exact bounds
    # weekdays (0 Monday .. 6 Sunday) it names that no date anchors (a page with no date)
    weekdays: set[int] = field(default_factory=set)
    # it tells, after "follows" or "came after", another dated happening that the article's
    # one follows ("The strike follows raids that killed 23 on Sunday"): see _follows_another
    earlier: bool = False
    # it names its happening only by a definite noun ("responsibility for the bombing"),
    # with no place or time of its own: see reports._named_again
    again: bool = False


@dataclass
class Group:
    """Sentences told of one happening, in reading order, with what they say together."""

    sentences: list[Sentence] = field(default_factory=list)
    kinds: set[str] = field(default_factory=set)
    places: list[str] = field(default_factory=list)
    days: set[str] = field(default_factory=set)
    said_days: set[str] = field(default_factory=set)
    spans: list[tuple[date, date]] = field(default_factory=list)
    around: set[str] = field(default_factory=set)
    sites: set[str] = field(default_factory=set)
    weekdays: set[int] = field(default_factory=set)

    def add(self, sentence: Sentence) -> None:
        """The sentence joins the group, with what it says."""
        self.sentences.append(sentence)
        self.kinds.update(sentence.kinds)
        self.places += sentence.places
        self.days.update(sentence.days)
        self.said_days.update(sentence.said_days)
        self.spans += sentence.spans
        self.around |= sentence.around
        self.sites |= sentence.sites
        self.weekdays |= sentence.weekdays


def references(part: Sentence | Group) -> set[str]:
    """The places a sentence or group names only as what its happening was near ("near
    Aleppo", "Aleppo's countryside"), never as where it was."""
    return part.around - part.sites


class Starting:
    """Facts in order of their start, to find those inside a span without a pass over all
    of them (a 1.2-million-character article has thousands of sentences and mentions)."""

    def __init__(self, facts: Iterable[MentionFact | DateFact]) -> None:
        self.facts = sorted(facts, key=lambda f: f.start)
        self.starts = [f.start for f in self.facts]

    def within(self, start: int, end: int) -> list:  # type: ignore[type-arg]
        return self.facts[bisect_left(self.starts, start) : bisect_left(self.starts, end)]


def place_mentions(mentions: Iterable[MentionFact]) -> list[MentionFact]:
    """Places named in the body; not a description that stands for one named before ("the
    eastern town"): where a sentence is set is read from names (read from descriptions
    too, FA-KES incidents and numeric disputes came out worse on both halves)."""
    return [
        m for m in mentions
        if m.place_id and m.field == "body" and not m.actor_id and m.method != "description"
    ]  # fmt: skip


def is_country(place_id: str | None, gazette: Gazette) -> bool:
    place = gazette.places.get(place_id or "")
    return place is not None and place.precision == "country"


PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i"})  # a doer or speaker by pronoun


def named_claimant(claimant: str | None, claimant_id: str | None, gazette: Gazette) -> str | None:
    """A claimant written as a pronoun ("he said", "it denied") by its actor's name, or
    nobody when no actor stands behind it (the outlet speaks); any other as written."""
    if claimant is None or claimant.lower() not in PRONOUNS:
        return claimant
    return gazette.actor_name(claimant_id) if claimant_id else None
