"""Frozen read records of the cross-article half: what the store hands to `reconcile`, and what
`reconcile` hands back to be stored (incidents, aligned figures, disputes, stories).

The per-article half passes frozen records (`model.py`) from stage to stage; the cross-article
half does the same here, so reasoning about many articles never touches SQL rows or string
keys, tests can build facts by hand, and the store is the only place that knows tables.
Everything here carries its evidence: article id, character offsets into the clean body,
the sentence, and the outlet.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from functools import cached_property
from typing import Any

from rashomon.model import SITE_PREFIX, FormerAffiliation, Record

# -- dates --------------------------------------------------------------------------------


def day_range(iso: str | None) -> tuple[date, date] | None:
    """First and last day an ISO date of day, week, month or year precision covers."""
    if not iso:
        return None
    try:
        if "-W" in iso:
            year, week = iso.split("-W")
            first = date.fromisocalendar(int(year), int(week[:2]), 1)
            return first, first + timedelta(days=6)
        parts = [int(p) for p in iso.split("-")]
        if len(parts) == 3:
            day = date(*parts)
            return day, day
        if len(parts) == 2:
            first = date(parts[0], parts[1], 1)
            following = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
            return first, following - timedelta(days=1)
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
    except ValueError:
        return None
    return None


@dataclass(frozen=True)
class DateWindow(Record):
    """An estimated span (ISO days) for an article without a publication date, with what it
    rests on: "names Jabhat Fateh al-Sham (2016-07-28 to 2017-01-28)". Never a publication
    date: readers show it as an estimate."""

    start: str | None  # either end may be open: "from 2016-07-28"
    end: str | None
    evidence: tuple[str, ...] = ()

    @property
    def days(self) -> int | None:
        if not self.start or not self.end:
            return None
        return (date.fromisoformat(self.end) - date.fromisoformat(self.start)).days + 1


# -- what the store hands over --------------------------------------------------------------


@dataclass(frozen=True)
class ArticleFact(Record):
    id: str
    outlet: str | None
    wire: str | None = None
    published: str | None = None  # ISO date of day, month or year precision
    published_precision: str | None = None
    duplicate_of: str | None = None
    title: str = ""
    dateline: str | None = None
    url: str | None = None
    window: DateWindow | None = None  # estimated, for an undated article

    @property
    def report_key(self) -> str:
        """Articles with the same key are one publication run several times: a copy counts
        once, under the original it copies."""
        return self.duplicate_of or self.id

    @property
    def day(self) -> date | None:
        """The publication day when known to the day."""
        span = day_range(self.published)
        return span[0] if span and span[0] == span[1] else None


@dataclass(frozen=True)
class Argument(Record):
    """One event participant as written, and the actor it resolves to."""

    start: int
    end: int
    text: str
    actor_id: str | None = None


@dataclass(frozen=True)
class EventFact(Record):
    article_id: str
    start: int
    end: int
    trigger: str
    type: str
    mode: str | None
    factuality: str
    sentence_start: int
    sentence_end: int
    sentence: str
    frame: str | None = None
    sources: tuple[Argument, ...] = ()
    targets: tuple[Argument, ...] = ()
    place_id: str | None = None
    place_from: str | None = None
    date: str | None = None
    date_precision: str | None = None
    date_from: str | None = None  # "text" or "publication"

    @property
    def source_actor_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a.actor_id for a in self.sources if a.actor_id))

    @property
    def target_actor_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a.actor_id for a in self.targets if a.actor_id))

    @property
    def text_date(self) -> str | None:
        """The date the text gives the event, not the publication-date fallback."""
        return self.date if self.date_from == "text" else None


@dataclass(frozen=True)
class FigureFact(Record):
    """A number one article reports, with what it counts and who claims it."""

    article_id: str
    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str  # exact approximate at_least at_most range vague
    sentence_start: int
    sentence_end: int
    sentence: str
    what: str | None = None
    unit: str | None = None
    about_actor_id: str | None = None
    place_id: str | None = None
    time: str | None = None
    claimant: str | None = None  # None: the outlet's own voice
    claimant_actor_id: str | None = None
    claimant_kind: str | None = None
    status: str = "asserted"
    measure: str | None = None  # killed injured killed_or_injured missing displaced ...
    victims: str | None = None  # civilians children soldiers fighters people ...
    scope: str = "incident"  # incident, cumulative, overall
    scope_since: str | None = None


@dataclass(frozen=True)
class QuoteFact(Record):
    article_id: str
    start: int
    end: int
    text: str
    kind: str  # direct, indirect, statement
    sentence_start: int
    sentence_end: int
    sentence: str
    cue: str | None = None
    speaker: str | None = None
    speaker_actor_id: str | None = None
    intermediary: str | None = None


@dataclass(frozen=True)
class MentionFact(Record):
    article_id: str
    start: int
    end: int
    text: str
    kind: str
    sentence_start: int
    sentence_end: int
    actor_id: str | None = None
    place_id: str | None = None
    method: str = ""
    field: str = "body"


@dataclass(frozen=True)
class DateFact(Record):
    article_id: str
    start: int
    end: int
    text: str
    value: str | None
    precision: str | None
    relation: str
    sentence_start: int
    sentence_end: int


@dataclass(frozen=True)
class ActorFact(Record):
    id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    affiliation: str | None = None
    origin: str = "dictionary"
    # (people) whom it served before `affiliation`, as the dictionary has it
    former_affiliations: tuple[FormerAffiliation, ...] = ()


@dataclass(frozen=True)
class PlaceFact(Record):
    id: str
    name: str
    lat: float
    lon: float
    precision: str  # point, district, city, region, country
    country: str | None = None
    parent_id: str | None = None


@dataclass(frozen=True)
class NameSpan(Record):
    """When a name was in use ("Jabhat Fateh al-Sham": 2016-07 to 2017-01), for dating
    articles that give no date of their own. Either end may be open."""

    name: str
    actor_id: str
    since: str | None = None
    until: str | None = None
    # a dated title of the actor's ("US president-elect"): it dates the article when it
    # stands before the holder's name ("US President-elect Donald Trump") or for it
    role: bool = False


@dataclass(frozen=True)
class ArticleFacts(Record):
    """Everything one article contributes to the cross-article half."""

    article: ArticleFact
    body: str = ""
    events: tuple[EventFact, ...] = ()
    figures: tuple[FigureFact, ...] = ()
    quotes: tuple[QuoteFact, ...] = ()
    mentions: tuple[MentionFact, ...] = ()
    dates: tuple[DateFact, ...] = ()

    @property
    def id(self) -> str:
        return self.article.id


_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Gazette(Record):
    """The actors and places the articles resolve to, by id, and the names' time spans."""

    actors: Mapping[str, ActorFact] = field(default_factory=dict)
    places: Mapping[str, PlaceFact] = field(default_factory=dict)
    name_spans: tuple[NameSpan, ...] = ()

    def actor_name(self, actor_id: str | None) -> str | None:
        if not actor_id:
            return None
        actor = self.actors.get(actor_id)
        return actor.name if actor else actor_id

    def place_name(self, place_id: str | None) -> str | None:
        if not place_id:
            return None
        place = self.places.get(place_id)
        return place.name if place else place_id

    @cached_property
    def places_by_words(self) -> dict[tuple[str, ...], list[str]]:
        """Places with a country by the words of their name ("maarat", "al", "numan"), in
        the order of `places`: to find the places a text names by looking up its runs of
        words, not by a pass over every place (the gazette grows with the corpus). Not sites
        ("Afghan hospital"): one article's name for a building says nothing of another's."""
        found: dict[tuple[str, ...], list[str]] = {}
        for place in self.places.values():
            if place.name and place.country and not place.id.startswith(SITE_PREFIX):
                found.setdefault(tuple(_WORD.findall(place.name.lower())), []).append(place.id)
        found.pop((), None)
        return found

    @cached_property
    def persons_by_last_word(self) -> dict[str, list[str]]:
        """Persons named with two words or more, by the last word of their name: to find the
        persons a text names in full by its words, not by a pass over every actor."""
        found: dict[str, list[str]] = {}
        for actor in self.actors.values():
            words = _WORD.findall(actor.name.lower()) if actor.kind == "person" else []
            if len(words) >= 2:
                found.setdefault(words[-1], []).append(actor.id)
        return found

    def persons_named_in(self, text: str) -> list[str]:
        """The persons whose full name (two words or more) stands in `text`."""
        lowered = text.lower()
        return [
            pid for word in dict.fromkeys(_WORD.findall(lowered))
            for pid in self.persons_by_last_word.get(word, ())
            if self.actors[pid].name.lower() in lowered
        ]  # fmt: skip

    @cached_property
    def place_name_words(self) -> int:
        """The most words a place's name has: the longest run of words worth looking up."""
        return max(map(len, self.places_by_words), default=0)

    @cached_property
    def place_order(self) -> dict[str, int]:
        """Each place's rank in `places`, the order readers of the gazette see."""
        return {pid: n for n, pid in enumerate(self.places)}

    def places_named_in(self, text: str) -> list[str]:
        """The places (with a country) whose name stands in `text` as whole words, in the
        order of `places`."""
        index, longest = self.places_by_words, self.place_name_words
        words = _WORD.findall(text.lower())
        candidates = {
            pid
            for start in range(len(words))
            for size in range(1, min(longest, len(words) - start) + 1)
            for pid in index.get(tuple(words[start : start + size]), ())
        }
        lowered = text.lower()
        return sorted(
            (pid for pid in candidates
             if re.search(rf"\b{re.escape(self.places[pid].name.lower())}\b", lowered)),
            key=self.place_order.__getitem__,
        )  # fmt: skip

    def place_chain(self, place_id: str | None) -> tuple[str, ...]:
        """The place and every place it lies in, finest first."""
        chain: list[str] = []
        current = place_id
        while current and current not in chain:
            chain.append(current)
            place = self.places.get(current)
            current = place.parent_id if place else None
        return tuple(chain)


@dataclass(frozen=True)
class TermCounts:
    """In how many placed articles' reports each word occurs, and how many articles were
    placed: what makes a shared word telling (see reconcile/wording.py)."""

    counts: Mapping[str, int] = field(default_factory=dict)
    documents: int = 0
    # weights worked out so far: one report is compared with many candidates' words
    _weights: dict[str, float] = field(default_factory=dict, init=False, repr=False,
                                       compare=False)  # fmt: skip
    # each word set compared so far, its norm once worked out, and the squared weights
    # (see reconcile/wording.py)
    _sets: dict[tuple[str, ...], list[Any]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _squares: dict[str, float] = field(default_factory=dict, init=False, repr=False,
                                       compare=False)  # fmt: skip

    def weight(self, term: str) -> float:
        """The word's inverse document frequency, smoothed (an unseen word weighs most)."""
        found = self._weights.get(term)
        if found is None:
            found = math.log((1 + self.documents) / (1 + self.counts.get(term, 0))) + 1.0
            self._weights[term] = found
        return found


# -- what reconcile hands back ---------------------------------------------------------------


def records_dict(record: Any) -> dict[str, Any]:
    """A record as plain JSON-able data (tuples become lists)."""
    return asdict(record)


@dataclass(frozen=True)
class Attribution(Record):
    """Who one source says did it: the actor as named, and who says so."""

    actor_id: str | None
    text: str
    claimant: str | None  # None: the outlet's own voice
    claimant_actor_id: str | None = None
    start: int | None = None
    end: int | None = None


# What named sources say of a happening besides who did it (see reconcile/sayings.py): each
# stance and the IncidentReport field that holds who says it.
STANCE_FIELDS = {
    "never": "refuted_by",
    "deliberate": "deliberate_by",
    "mistake": "mistake_by",
    "spared": "spared_by",
    "unarmed": "unarmed_by",
    "armed": "armed_by",
}


@dataclass(frozen=True)
class IncidentReport(Record):
    """One article's account of one incident: its sentences, the doer it names (and on whose
    word), the figures it gives, whether it denies, and the days it puts the happening on.

    `day_low`/`day_high` bound the days the happening may lie on as this report tells it: one
    day when the text dates it, the days before publication when only the publication date
    does (reports lag), open below (None) for a passing mention of something earlier.
    """

    article_id: str
    outlet: str | None
    chain: str  # independence key: the original's wire or outlet; copies and repeats share it
    kind: str  # see data/incident_kinds.yaml; "attack" when no word says more
    sentence_start: int  # the first sentence that reports it (the evidence)
    sentence_end: int
    sentence: str
    day_low: str | None = None
    day_high: str | None = None
    date_from: str | None = None  # text, publication, estimate, or None
    # the text's day is only the day a source spoke ("the mayor said on Tuesday"): the
    # happening came that day or before
    said_day: bool = False
    place_id: str | None = None
    around: bool = False  # the place is named as "near X", "outside X": its vicinity
    lead: bool = False  # the article's main incident
    sentences: tuple[tuple[int, int], ...] = ()  # every sentence of the article about it
    event_starts: tuple[int, ...] = ()
    figure_starts: tuple[int, ...] = ()
    figure_values: tuple[tuple[str, float], ...] = ()  # (measure, value) of its tolls
    perpetrators: tuple[Attribution, ...] = ()
    denied_by: tuple[Attribution, ...] = ()  # who, in this report, denies doing it
    doubted_by: tuple[Attribution, ...] = ()  # who says the doer is not known (no actor)
    refuted_by: tuple[Attribution, ...] = ()  # who says it never happened (actor: the speaker)
    deliberate_by: tuple[Attribution, ...] = ()  # who says it was done on purpose
    mistake_by: tuple[Attribution, ...] = ()  # who says it was a mistake
    spared_by: tuple[Attribution, ...] = ()  # who says it spared civilians (hit combatants)
    unarmed_by: tuple[Attribution, ...] = ()  # who says no armed target was there
    armed_by: tuple[Attribution, ...] = ()  # who says it hit an armed target
    target_actor_ids: tuple[str, ...] = ()
    published: str | None = None
    terms: tuple[str, ...] = ()  # its content words (see reconcile/wording.py)

    @property
    def dated(self) -> bool:
        return self.day_low is not None and self.day_low == self.day_high

    @property
    def perpetrator_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a.actor_id for a in self.perpetrators if a.actor_id))


@dataclass(frozen=True)
class Incident(Record):
    """One real happening and every report of it."""

    id: str
    kind: str  # aerial, shelling, explosives, chemical, ground, killing, capture, siege ...
    type: str  # PLOVER type
    mode: str | None
    place_id: str | None
    date_start: str | None
    date_end: str | None
    date_precision: str | None  # day when start == end and a report dates it in its text
    reports: tuple[IncidentReport, ...]
    label: str = ""
    story_id: str | None = None

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.article_id for r in self.reports))

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(sorted({r.outlet for r in self.reports if r.outlet}))

    @property
    def independent(self) -> int:
        """Independent reports: outlets and wire chains, not articles (copies and one
        outlet's repeats add publications, not independence)."""
        return len({r.chain for r in self.reports})


@dataclass(frozen=True)
class FigureClaim(Record):
    """One article's figure as aligned with others: the fact, who reported it, when."""

    figure: FigureFact
    outlet: str | None
    date: str | None
    position: int = 0  # claims with the same position are compatible with each other

    @property
    def claimant(self) -> str | None:
        return self.figure.claimant

    @property
    def who(self) -> str:
        """The claimant, or the outlet when the article says it in its own voice."""
        return self.figure.claimant or self.outlet or "unknown outlet"


@dataclass(frozen=True)
class Clash(Record):
    """Two claims of an aligned figure (indexes into its claims) that cannot both hold:
    `kind` "dispute", or "update" when the later one is a higher toll a day or more on."""

    first: int
    second: int
    kind: str


@dataclass(frozen=True)
class AlignedFigure(Record):
    """Figures about one quantity (same incident or cumulative count, measure and victim
    group), side by side. `status`: agreed, dispute, or update (a later toll)."""

    key: str
    subject: str
    measure: str | None
    victims: str | None
    scope: str
    claims: tuple[FigureClaim, ...]
    status: str
    incident_id: str | None = None
    place_id: str | None = None
    clashes: tuple[Clash, ...] = ()  # the pairs behind a dispute or an update

    @property
    def positions(self) -> tuple[tuple[FigureClaim, ...], ...]:
        found: dict[int, list[FigureClaim]] = {}
        for claim in self.claims:
            found.setdefault(claim.position, []).append(claim)
        return tuple(tuple(found[p]) for p in sorted(found))

    @property
    def disputed(self) -> bool:
        return self.status == "dispute"


@dataclass(frozen=True)
class DisputeSide(Record):
    """One position in a dispute: the value or claim, who holds it, who reported it."""

    value_or_claim: str
    claimant: str | None
    claimant_actor_id: str | None
    outlet: str | None
    article_id: str
    date: str | None
    sentence: str
    position: int = 0  # sides with the same position agree with each other
    start: int | None = None  # the claim's offsets in the article's clean body
    end: int | None = None


@dataclass(frozen=True)
class Dispute(Record):
    """Accounts that cannot all be true (status "dispute"), or a later account that replaces
    an earlier one (status "update": a change over time, not a contradiction)."""

    id: str
    story_id: str | None
    kind: str  # numeric, perpetrator, denial, control
    subject: str
    status: str  # dispute or update
    sides: tuple[DisputeSide, ...]
    note: str = ""  # names exactly which sides conflict, and why
    incident_id: str | None = None
    measure: str | None = None


@dataclass(frozen=True)
class Story(Record):
    """Related incidents and articles, bounded in time. `reports` counts publications that
    are not copies; `independent` counts outlets and wire chains."""

    id: str
    label: str
    start: str | None
    end: str | None
    article_ids: tuple[str, ...]
    reports: int
    outlets: tuple[str, ...] = ()
    independent: int = 0
    estimated: DateWindow | None = None  # for a story of undated articles only
    incident_ids: tuple[str, ...] = ()


def by_id(records: Iterable[Any]) -> dict[str, Any]:
    return {record.id: record for record in records}


def iter_sides(disputes: Iterable[Dispute]) -> Iterator[tuple[Dispute, DisputeSide]]:
    for dispute in disputes:
        for side in dispute.sides:
            yield dispute, side
