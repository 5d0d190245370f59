"""Frozen records that travel between stages.

Every stage takes and returns these, never bare dicts, so a field rename is a type error
and not a silent KeyError three stages later.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, is_dataclass
from enum import Enum, StrEnum
from typing import Any


class Record:
    """Base of the records rashomon hands to its users: `to_dict()` gives plain JSON-able
    data (lists for tuples, strings for enums), for `json.dumps`, pandas or a web response."""

    def to_dict(self) -> dict[str, Any]:
        return {f.name: plain(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]


def plain(value: Any) -> Any:
    """A record's value as JSON-able data: dataclasses as dicts, tuples and lists as lists,
    mappings as dicts, enums as their values."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    return value


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class FoundIn(StrEnum):
    """Where a piece of metadata came from, so users can weigh it."""

    USER = "user"  # command-line option
    RECORD = "record"  # a mapped field of a CSV/JSON record
    METADATA = "metadata"  # HTML meta tags / structured data
    URL = "url"
    TEXT = "text"  # a line of the article text (footer, masthead, dateline, lead date)


@dataclass(frozen=True)
class PublicationDate(Record):
    """A publication date no more precise than the evidence: '2016-11' stays a month."""

    value: str  # ISO: YYYY-MM-DD, YYYY-MM or YYYY
    precision: DatePrecision
    found_in: FoundIn


@dataclass(frozen=True)
class RawArticle:
    """What a reader found in one input, before cleaning.

    `text` is the text that offsets refer to: the decoded file for .txt, the extracted main
    text for HTML, the text field of a record. `title` is None when the title is the first
    line of `text` (plain-text files). Two records of a collection with the same text but
    other differing fields (date, labels) are distinct entries; `record_digest` keeps them
    apart while a byte-identical record still maps to the same article.
    """

    source: str
    text: str
    title: str | None = None
    outlet: str | None = None
    outlet_found_in: FoundIn | None = None
    url: str | None = None
    author: str | None = None
    published: PublicationDate | None = None
    captions: tuple[str, ...] = ()
    markup: str | None = None
    record_digest: str | None = None  # a collection record's own identity (all its fields)


@dataclass(frozen=True)
class OffsetMap(Record):
    """Maps offsets in the clean body back to the raw text it was cut from.

    Cleaning only deletes stretches of raw text (and may join kept pieces with a newline),
    so the map is a sorted list of kept segments: (clean_start, raw_start, length).
    """

    segments: tuple[tuple[int, int, int], ...]

    def to_raw(self, offset: int) -> int:
        """Raw offset of a clean offset; an end offset maps to just after its last char."""
        if not self.segments:
            return offset
        starts = [s[0] for s in self.segments]
        i = max(bisect.bisect_right(starts, offset) - 1, 0)
        clean_start, raw_start, length = self.segments[i]
        return raw_start + min(offset - clean_start, length)

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            raw = self.to_raw(start)
            return raw, raw
        return self.to_raw(start), self.to_raw(end - 1) + 1


@dataclass(frozen=True)
class Article(Record):
    """A cleaned article: body free of boilerplate, with its publisher, wire and date."""

    id: str
    source: str
    title: str
    body: str
    raw_text: str
    offsets: OffsetMap
    content_hash: str
    captions: tuple[str, ...] = ()
    outlet: str | None = None
    outlet_found_in: FoundIn | None = None
    wire: str | None = None
    dateline: str | None = None
    author: str | None = None
    url: str | None = None
    published: PublicationDate | None = None
    markup: str | None = None
    # A record's own date that the article's text contradicted, kept beside the date used.
    published_rejected: PublicationDate | None = None
    published_note: str | None = None

    @property
    def words(self) -> int:
        return len(self.body.split())


@dataclass(frozen=True)
class ArticleSummary(Record):
    """One row of `rashomon articles`: what a user scans to pick an article."""

    id: str
    source: str
    title: str
    outlet: str | None
    outlet_found_in: str | None
    wire: str | None
    dateline: str | None
    published: str | None
    published_precision: str | None
    published_found_in: str | None
    words: int
    duplicate_of: str | None
    similarity: float | None = None
    url: str | None = None
    author: str | None = None
    parsed: bool = False
    captions: tuple[str, ...] = field(default=())
    published_rejected: str | None = None  # the record's date, when the text contradicted it
    published_note: str | None = None


# -- who, where, when (per-article extraction) ---------------------------------------------


class ActorKind(StrEnum):
    PERSON = "person"
    STATE = "state"
    GOVERNMENT = "government"
    MILITARY = "military"
    ARMED_GROUP = "armed group"
    POLITICAL_GROUP = "political group"
    IGO = "igo"
    NGO = "ngo"
    MEDIA = "media"
    MONITOR = "monitor"
    OTHER = "other"


@dataclass(frozen=True)
class Renaming:
    """A former name and when it stopped being used: al-Nusra Front until 2016-07."""

    name: str
    until: str | None = None  # ISO date or month


@dataclass(frozen=True)
class FormerAffiliation:
    """An actor a person served until a month: Jihad Makdissi spoke for Syria's foreign
    ministry until he left it in December 2012 (ISO date or month)."""

    affiliation: str
    until: str


def affiliation_on(
    current: str | None, former: Sequence[FormerAffiliation], day: str | None
) -> str | None:
    """Whom an actor served on `day` (any ISO precision): the earliest former affiliation
    whose term had not ended, else the current one; with no day, the current one."""
    if day:
        for term in sorted(former, key=lambda f: f.until):
            if day[: len(term.until)] <= term.until[: len(day)]:
                return term.affiliation
    return current


@dataclass(frozen=True)
class RoleTerm:
    """When a holder held a role: "UN secretary-general" until 2016-12 (ISO, any precision;
    None: open). A role phrase in an article goes to whoever held the role on its date."""

    role: str
    since: str | None = None
    until: str | None = None

    def held_on(self, day: str) -> bool:
        """Whether the term covers `day`, compared at the coarser of the two precisions."""
        if self.since and day[: len(self.since)] < self.since[: len(day)]:
            return False
        return not (self.until and day[: len(self.until)] > self.until[: len(day)])


@dataclass(frozen=True)
class Actor:
    """A person, state, government, force or organisation, as the dictionary or a text knows it.

    `id` is a stable slug ("jabhat-fateh-al-sham"); actors created from text get "new:" ids.
    `metonyms` are words that stand for the actor in context ("Damascus", "the regime").
    """

    id: str
    name: str
    kind: ActorKind
    country: str | None = None  # ISO 3166 alpha-3, e.g. SYR
    sector: str | None = None  # PLOVER-style: GOV, MIL, REB, OPP, IGO, NGO, MED, CVL, ...
    affiliation: str | None = None  # id of the actor it belongs to
    # (people) whom it served before: the affiliation on an article's date (`affiliation_on`)
    former_affiliations: tuple[FormerAffiliation, ...] = ()
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()  # "Russian foreign minister"
    role_terms: tuple[RoleTerm, ...] = ()  # the roles above that carry dates
    former_names: tuple[Renaming, ...] = ()
    metonyms: tuple[str, ...] = ()
    # (coalitions) the countries (alpha-3) it fights in: there, "the coalition" is it
    theatres: tuple[str, ...] = ()


class PlacePrecision(StrEnum):
    POINT = "point"  # a crossing, a building
    DISTRICT = "district"
    CITY = "city"
    REGION = "region"
    COUNTRY = "country"


# The id prefix of a village no gazetteer holds, which the text describes ("the village of
# Moura, in central Mali"): located only as well as the place the text sets it in.
DESCRIBED_PLACE_PREFIX = "text:"
# The id prefix of a site (a hospital, a prison, a station) an article names: a point inside
# the place the article sets it in (extract/sites.py). Each outlet names a building its own
# way, so the cross-article half does not look sites up by name.
SITE_PREFIX = "site:"


@dataclass(frozen=True)
class Place:
    id: str  # "geonames:170063", "rashomon:sheikh-saeed" or, told by the text, "text:ml:mara"
    name: str
    lat: float
    lon: float
    precision: PlacePrecision
    country: str | None = None  # ISO alpha-2 as GeoNames gives it; stored as alpha-3
    parent_id: str | None = None
    population: int = 0


@dataclass(frozen=True)
class PlaceMention:
    """A place named in an article's clean body, resolved to a gazetteer entry."""

    start: int
    end: int
    text: str
    place: Place


@dataclass(frozen=True)
class DateMention:
    """A date or time expression; `value` is None when there is nothing to anchor it to."""

    start: int
    end: int
    text: str
    value: str | None  # ISO: YYYY-MM-DD, YYYY-Www, YYYY-MM or YYYY
    precision: str | None  # day, week, month, year
    relation: str = "on"  # on, since, until, before, after


# An ActorMention's method when the mention names a group by what it is, not by a name
# ("rebels", "opposition fighters"): extract resolves it to the war's group, and the
# cross-article half must not read it as naming that group (it tells no story from another).
GENERIC_GROUP = "generic group"


@dataclass(frozen=True)
class ActorMention:
    start: int
    end: int
    text: str
    kind: str  # person, organisation, location, nationality, title, pronoun, metonym
    actor_id: str
    method: str  # dictionary, ner, surname, role, metonym, GENERIC_GROUP, alias, pronoun, new


@dataclass(frozen=True)
class AliasEvidence:
    actor_id: str
    alias: str
    start: int
    end: int
    pattern: str


@dataclass(frozen=True)
class NameMention:
    """A name found in the text that is not (yet) an actor: an unknown person or
    organisation named once, in passing. Kept as evidence, never given an actor id."""

    start: int
    end: int
    text: str
    kind: str  # person, organisation


@dataclass(frozen=True)
class ActorFindings:
    mentions: tuple[ActorMention, ...]
    new_actors: tuple[Actor, ...]
    aliases: tuple[AliasEvidence, ...]
    names: tuple[NameMention, ...] = ()


# -- says who (quotes and numeric claims) ----------------------------------------------------


@dataclass(frozen=True)
class Quote:
    """Reported speech: what was said (content span), by whom, with which cue, via whom.

    Offsets are into the article's clean body. `speaker_start`/`speaker_end` mark the source
    phrase as the parse gave it ("the report which could not be corroborated", "Kenneth
    Baer, an official who runs ..."); `speaker` is the agent that phrase names, cut to its
    noun phrase ("Kenneth Baer"), or None when it names no one who can speak ("evidence
    suggests"): see `extract/agents.py`. `speaker_actor_id` comes from the actor mentions
    (pronouns and titles already resolved there). `intermediary` is the outlet a statement
    was made to ("told AFP"), not the outlet that published the article.
    """

    start: int
    end: int
    text: str
    kind: str  # direct, indirect, statement
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_actor_id: str | None = None
    intermediary: str | None = None


@dataclass(frozen=True)
class NumberClaim:
    """A number as a claim: value or range, qualifier, what is counted, and who claims it."""

    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str  # exact, approximate, at_least, at_most, range, vague
    what: str | None = None  # normalised counted noun phrase: "Nusra fighters"
    unit: str | None = None  # "percent" for shares; None for counts
    about_actor_id: str | None = None
    place_id: str | None = None
    time: str | None = None  # resolved date value or the date expression
    claimant: str | None = None
    claimant_actor_id: str | None = None
    status: str = "asserted"  # asserted, estimated, proposed, hypothetical
    # What a count figure measures, of whom, over what span, and what kind of source says
    # so (see rashomon.extract.numbers): None for numbers that count nothing (shares, money).
    measure: str | None = None  # killed injured killed_or_injured missing displaced detained
    #                             fighters besieged other
    victims: str | None = None  # civilians children women soldiers fighters people
    scope: str | None = None  # incident, cumulative (a running total), overall (a war, a place)
    scope_since: str | None = None  # ISO date a cumulative count runs from, when stated
    claimant_kind: str | None = None  # person organisation monitor government media unnamed;
    #                                  None: the outlet's own voice


# -- who did what to whom (events) -----------------------------------------------------------


@dataclass(frozen=True)
class EventArgument:
    """One participant of an event as written: its span and the actor it resolves to."""

    start: int
    end: int
    text: str
    actor_id: str | None = None


def failed_attempt(factuality: str, frame: str | None) -> bool:
    """Whether an act told as not done was tried and failed ("an air strike had failed to
    kill its intended target"): the act's object escaped, but the attack was made, so the
    negation denies no one's doing it."""
    return factuality == "negated" and (frame or "").lower().startswith("fail")


@dataclass(frozen=True)
class Event:
    """A PLOVER event: trigger span, type and mode, who did it to whom, how factual, where, when.

    `factuality` is asserted, negated, proposed, planned, demanded, hypothetical, alleged or
    historical. `frame` is the word that set it ("denied", "proposed", "would"), so a reader can
    check the call. `date_from` says whether the date is the text's ("text") or falls back
    on the publication date ("publication", with a coarser precision); `place_from` says
    whether the place is in the event's clause ("clause") or carried over from an earlier
    sentence because the clause only says "the Swiss city" or "there" ("context").
    """

    start: int
    end: int
    trigger: str
    type: str
    mode: str | None = None
    factuality: str = "asserted"
    frame: str | None = None
    sources: tuple[EventArgument, ...] = ()
    targets: tuple[EventArgument, ...] = ()
    place_id: str | None = None
    place_from: str | None = None
    date: str | None = None
    date_precision: str | None = None
    date_from: str | None = None

    @property
    def source_actor_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a.actor_id for a in self.sources if a.actor_id))

    @property
    def target_actor_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a.actor_id for a in self.targets if a.actor_id))


@dataclass(frozen=True)
class EntitySummary:
    """What the report shows per article: its main actors, places and resolved dates."""

    actors: tuple[tuple[str, int], ...]  # (name, mentions)
    places: tuple[tuple[str, int, float, float], ...]  # (name, mentions, lat, lon)
    dates: tuple[tuple[str, str | None, str | None], ...]  # (text, value, precision)
    quotes: tuple[tuple[str, int], ...] = ()  # (speaker, quotes)
    numbers: tuple[tuple[str, str | None, str], ...] = ()  # (number text, what, claimant)
    events: tuple[str, ...] = ()  # readable lines: "Russia ASSAULT (aerial) FSA [asserted; ...]"
