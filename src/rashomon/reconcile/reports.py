"""One article's reports of incidents: which of its sentences tell of which happening.

An article usually leads with one happening and mentions others in passing ("last week a
strike on X killed ten"). Its incident sentences (an ASSAULT, capture, siege, evacuation or
ceasefire event, or a casualty toll) are grouped in reading order: a sentence joins the
latest report whose kind, place and day it does not contradict, else it starts a report.
Each report keeps its evidence (sentences, event and figure offsets), the doer each source
names and on whose word, the denials, and the days it puts the happening on. The first
report within the article's opening is its lead: it inherits the publication date (less a
lag, since reports trail events) and the article's setting when its own sentences say
neither.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from rashomon.facts import (
    ArticleFact,
    ArticleFacts,
    Attribution,
    DateFact,
    EventFact,
    FigureFact,
    Gazette,
    IncidentReport,
    MentionFact,
    day_range,
)
from rashomon.reconcile.incident_kinds import GENERIC, IncidentKinds
from rashomon.reconcile.kinship import ActorRelations
from rashomon.reconcile.sayings import (
    ABOUT_IT,
    DELIBERATE,
    MISTAKE,
    NEVER,
    Saying,
    claimant_at,
    sayings,
)
from rashomon.reconcile.wording import terms_of

REPORTING_LAG_DAYS = 2  # a report dated only by publication tells of the days before it
LEAD_SENTENCES = 3  # the opening: where an article's main happening is told
CASUALTY_MEASURES = frozenset({"killed", "injured", "killed_or_injured", "missing"})
_TOLD = frozenset({"asserted", "alleged", "historical"})
_PRONOUNS = frozenset(
    {"it", "they", "he", "she", "we", "i"}
)  # a doer named only by pronoun  # told as having happened
_NOT_ACTORS = frozenset({"media"})  # outlets report; they do not strike (see _acting)
_PRECISION_RANK = {"point": 0, "district": 1, "city": 2, "region": 3, "country": 4}
_CASUALTY_WORDS = re.compile(
    r"\b(?:killed|killing|dead|deaths?|died|wounded|injured|injuring|casualties|"
    r"lost their lives|death toll)\b",
    re.IGNORECASE,
)


@dataclass
class _Sentence:
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


@dataclass
class _Group:
    sentences: list[_Sentence] = field(default_factory=list)
    kinds: set[str] = field(default_factory=set)
    places: list[str] = field(default_factory=list)
    days: set[str] = field(default_factory=set)
    said_days: set[str] = field(default_factory=set)
    spans: list[tuple[date, date]] = field(default_factory=list)
    around: set[str] = field(default_factory=set)


def chain_of(article: ArticleFact, originals: Mapping[str, ArticleFact]) -> str:
    """Who an article's account really comes from: the wire, else the outlet, of the
    original it copies (or of itself). Copies and one outlet's repeats share a chain."""
    original = originals.get(article.duplicate_of or "", article)
    return (original.wire or original.outlet or original.id).lower()


def article_reports(
    facts: ArticleFacts,
    gazette: Gazette,
    kinds: IncidentKinds,
    chain: str,
) -> list[IncidentReport]:
    """The incident reports of one article, lead first, then in reading order."""
    sentences = _incident_sentences(facts, gazette, kinds)
    if not sentences:
        return []
    groups: list[_Group] = []
    now = _publication_window(facts.article)
    previous: _Sentence | None = None
    for sentence in sentences:
        group = next((g for g in reversed(groups) if _fits(g, sentence, gazette, kinds, now)), None)
        if group is not None and group is not groups[0] and group.sentences[-1] is not previous:
            group = _back_to_first(sentence, group, groups[0], now, (gazette, kinds))
        previous = sentence
        if group is None:
            group = _Group()
            groups.append(group)
        group.sentences.append(sentence)
        group.kinds.update(sentence.kinds)
        group.places += sentence.places
        group.days.update(sentence.days)
        group.said_days.update(sentence.said_days)
        group.spans += sentence.spans
        group.around |= sentence.around
    opening = _opening_end(facts)
    lead = next((g for g in groups if g.sentences[0].start < opening), None)
    stances = _stances(facts, groups, lead, kinds)
    doubts = _doubts(facts, groups, lead)
    # a passing mention with neither a day nor a toll is background, not a report
    kept = [
        g for g in groups
        if g is lead or g.days or g.said_days or any(s.figures for s in g.sentences)
    ]  # fmt: skip
    said = _sayings_by_report(facts, kept, lead, gazette, kinds)
    reports = [
        _report(
            g,
            g is lead,
            facts,
            gazette,
            kinds,
            chain,
            stances.get(id(g), ()),
            doubts.get(id(g), ()),
            said.get(id(g), ()),
        )
        for g in kept
    ]
    return sorted(reports, key=lambda r: (not r.lead, r.sentence_start))


# -- sentences -------------------------------------------------------------------------------


def _incident_sentences(
    facts: ArticleFacts, gazette: Gazette, kinds: IncidentKinds
) -> list[_Sentence]:
    by_span: dict[tuple[int, int], _Sentence] = {}

    def sentence(start: int, end: int, text: str) -> _Sentence:
        found = by_span.get((start, end))
        if found is None:
            found = _Sentence(start, end, text, kinds.in_text(text))
            by_span[(start, end)] = found
        return found

    for event in facts.events:
        if _is_incident_event(event, kinds):
            sentence(event.sentence_start, event.sentence_end, event.sentence).events.append(event)
    for figure in facts.figures:
        if not _is_toll(figure):
            continue
        if _none(figure):  # "no deaths": a count of the happening, no sign that one happened
            told = by_span.get((figure.sentence_start, figure.sentence_end))
            if told is not None:
                told.nones.append(figure)
            continue
        sentence(figure.sentence_start, figure.sentence_end, figure.sentence).figures.append(figure)
    places = _Starting(_place_mentions(facts.mentions))
    dated = _Starting(facts.dates)
    home = home_country(facts, gazette)
    for (start, end), found in by_span.items():
        inside = places.within(start, end)
        found.places = _sentence_places(found, inside, facts.body, gazette, home,
                                        violent=_violent(found, kinds))  # fmt: skip
        found.around = {
            m.place_id for m in inside
            if m.place_id and _VICINITY.search(facts.body[max(0, m.start - 40) : m.start])
        }  # fmt: skip
        found.days, found.said_days = _days(found, dated, kinds)
        found.spans = _spans(found, dated)
        event_kinds = [k for e in found.events if (k := kinds.of_mode(e.mode))]
        if _violent(found, kinds):  # "evacuees were killed", "besieged Madaya was shelled"
            found.kinds = [k for k in found.kinds if kinds.violent(k)]
        found.kinds = list(dict.fromkeys(found.kinds + event_kinds))
    return [by_span[key] for key in sorted(by_span)]


def _violent(sentence: _Sentence, kinds: IncidentKinds) -> bool:
    """Whether the sentence tells of killing or wounding: a toll, or an assault no peaceful
    kind names. Then a word of a peaceful kind in it describes ("evacuees", "the besieged
    town"), it does not say what happened."""
    return bool(sentence.figures) or any(
        e.type == "ASSAULT"
        and e.factuality != "negated"
        and kinds.violent(kinds.of_mode(e.mode) or GENERIC)
        for e in sentence.events
    )


def _is_incident_event(event: EventFact, kinds: IncidentKinds) -> bool:
    if event.factuality not in _TOLD and event.factuality != "negated":
        return False  # threatened, planned, demanded, hypothetical: not (yet) a happening
    if event.type == "ASSAULT":
        return True
    told = kinds.in_text(event.sentence)
    return any(kinds.type_of(k) == event.type for k in told if kinds.kinds.get(k))


def _none(figure: FigureFact) -> bool:
    """A toll of none ("no one was killed"): shown and disputed with its report, but it
    neither makes a sentence violent or a passing mention a report, nor sets the report's
    tolls apart from another's (it is no count of victims to match)."""
    return figure.value == 0 and figure.qualifier == "exact"


def _is_toll(figure: FigureFact) -> bool:
    """A casualty figure about one happening (not a running total or the war's toll)."""
    if figure.status in ("proposed", "hypothetical") or figure.scope != "incident":
        return False
    if figure.measure is not None:
        return figure.measure in CASUALTY_MEASURES
    return bool(figure.what) and bool(_CASUALTY_WORDS.search(figure.sentence))


def _place_mentions(mentions: Iterable[MentionFact]) -> list[MentionFact]:
    return [m for m in mentions if m.place_id and m.field == "body" and not m.actor_id]


# A place named right after one of these words is where something is ("in Jaramana",
# "near Aleppo", "the town of Adra", "struck Raqqa"); "Britain-based" is not.
_LOCATIVE = re.compile(
    r"\b(?:in|near|at|on|outside|around|across|into|inside|within|of|from|hit|hitting|"
    r"struck|striking|targeted|targeting|bombed|shelled|pounded|stormed|entered|captured|"
    r"seized|east|west|north|south|northeast|northwest|southeast|southwest)"
    r"(?:\s+(?:the|a|an|its|government-held|rebel-held|besieged|central|northern|"
    r"southern|eastern|western|north-?eastern|north-?western|south-?eastern|south-?western|"
    r"NE|NW|SE|SW|mainly|war-torn|war-ravaged|neighbouring|neighboring|"
    r"town|city|village|district|province|area|suburb|"
    r"countryside|neighbourhood|neighborhood|outskirts|of|countryside))*\s*$",
    re.IGNORECASE,
)
# "near Damascus", "outside Aleppo", "the eastern suburbs of Damascus": the happening is in
# the vicinity of the place named, not in it.
_VICINITY = re.compile(
    r"\b(?:near|nearby|outside|around|close to|outskirts of|suburbs? of|countryside of|"
    r"(?:north|south|east|west)(?:east|west)?(?:ern)? (?:of|suburbs of)|edge of)"
    r"(?:\s+(?:the|a|an|eastern|western|northern|southern|central))*\s*$",
    re.IGNORECASE,
)
_BASED = re.compile(r"^\s*-?\s*based\b", re.IGNORECASE)
# "Syria's Aleppo": a country told as where a place lies
_POSSESSIVE = re.compile(r"^['\u2019]s?\b")
# "strikes against Syria": a country attacked is where the attack fell
_AGAINST = re.compile(r"\bagainst\s*$", re.IGNORECASE)
# The last place word before a name is "from" or "towards": where people or fire came from
# ("buses carrying evacuees from the besieged towns of Foua and Kefraya", "rockets fired
# from Turkey") or where they were heading ("as US-backed fighters advanced towards
# Raqqa"), not where an attack struck
_PLACE_WORDS = re.compile(
    r"\b(in|at|on|near|into|to|inside|outside|around|across|towards?|from)\b", re.IGNORECASE
)
_ELSEWHERE = frozenset({"from", "toward", "towards"})


def _sentence_places(
    sentence: _Sentence,
    mentions: Sequence[MentionFact],
    body: str,
    gazette: Gazette,
    home: str | None = None,
    violent: bool = False,
) -> list[str]:
    """Where the sentence puts its happening, best evidence first: the place the parse ties
    to its events, else places named after a locative word, else any place it names;
    countries only when nothing finer is named. Never the home of a named source ("the
    Britain-based Observatory"), nor, in a sentence of violence, a place people or fire
    came from or were heading towards (an evacuation's "from" is its place); and a place
    outside the country the article is about (`home`: New York, where the Security Council
    met; Washington, where a statement was made) only when nothing in that country is
    named."""
    tiers: list[list[str]] = [[], [], [], [], []]

    def tier(place_id: str, rank: int) -> None:
        abroad = home is not None and _country(place_id, gazette) not in (home, None)
        tiers[4 if abroad else rank].append(place_id)

    for event in sentence.events:
        if event.place_id and _on_earth(event.place_id, gazette):  # not "the Euphrates"
            if not _is_country(event.place_id, gazette):
                tier(event.place_id, 0)
            elif any(m.place_id == event.place_id and _a_place(m, body) for m in mentions):
                tier(event.place_id, 3)
    for m in mentions:
        if _BASED.match(body[m.end : m.end + 8]) or not _on_earth(m.place_id, gazette):
            continue  # a source's home, or a continent ("Europe", "the Levant")
        if violent and _elsewhere(body[max(sentence.start, m.start - 60) : m.start]):
            continue
        if _is_country(m.place_id, gazette):
            if _a_place(m, body):
                tier(m.place_id, 3)  # type: ignore[arg-type]
        elif _LOCATIVE.search(body[max(0, m.start - 60) : m.start]):
            tier(m.place_id, 1)  # type: ignore[arg-type]
        else:
            tier(m.place_id, 2)  # type: ignore[arg-type]
    found = next((t for t in tiers[:4] if t), [])
    return found if found or home is None else tiers[4][:0]


def _a_place(country: MentionFact, body: str) -> bool:
    """Whether a country's name is told as where something is ("in Syria", "Syria's
    Aleppo"), not as a side ("a US bombing", "Turkey said"): a violent sentence names the
    country it happened in after a locative word."""
    before = body[max(0, country.start - 60) : country.start]
    return bool(
        _LOCATIVE.search(before)
        or _AGAINST.search(before)
        or _POSSESSIVE.match(body[country.end : country.end + 3])
    )


def _elsewhere(before: str) -> bool:
    words = _PLACE_WORDS.findall(before)
    return bool(words) and words[-1].lower() in _ELSEWHERE


def _country(place_id: str, gazette: Gazette) -> str | None:
    place = gazette.places.get(place_id)
    return place.country if place else None


def home_country(facts: ArticleFacts, gazette: Gazette) -> str | None:
    """The country an article is about: the one its place mentions fall in most often, a
    country's own name counting half, and only where it is told as a place ("in Syria").
    A country's name is as often a side ("U.S. officials", "a US bombing") as a place:
    seven "U.S." do not make an article about a chemical attack "on the outskirts of
    Damascus" an American story."""
    counts: Counter[str] = Counter()
    for m in _place_mentions(facts.mentions):
        if c := _country(m.place_id or "", gazette):
            if not _is_country(m.place_id, gazette):
                counts[c] += 1.0
            elif _a_place(m, facts.body):  # not "a US bombing", "Lebanon-based"
                counts[c] += 0.5
    return counts.most_common(1)[0][0] if counts else None


def _on_earth(place_id: str | None, gazette: Gazette) -> bool:
    """A place something can happen at: in a country (not a continent or a sea)."""
    place = gazette.places.get(place_id or "")
    return place is not None and bool(place.country)


def _is_country(place_id: str | None, gazette: Gazette) -> bool:
    place = gazette.places.get(place_id or "")
    return place is not None and place.precision == "country"


class _Starting:
    """Facts in order of their start, to find those inside a span without a pass over all
    of them (a 1.2-million-character article has thousands of sentences and mentions)."""

    def __init__(self, facts: Iterable[MentionFact | DateFact]) -> None:
        self.facts = sorted(facts, key=lambda f: f.start)
        self.starts = [f.start for f in self.facts]

    def within(self, start: int, end: int) -> list:  # type: ignore[type-arg]
        return self.facts[bisect_left(self.starts, start) : bisect_left(self.starts, end)]


def _days(
    sentence: _Sentence, dated: _Starting, kinds: IncidentKinds | None = None
) -> tuple[list[str], list[str]]:
    """The days the sentence itself dates its happening on (day precision only), and apart
    the days a source spoke on ("a probe said Wednesday", "as quoted by SANA Thursday"):
    those date the happening only when nothing else in its group does, and never when the
    parse puts the happening at another time ("carried out last year's bombings")."""
    days = [e.date for e in sentence.events if e.text_date and e.date_precision == "day"]
    if days:
        return [d for d in days if d], []
    loose = [
        d for d in dated.within(sentence.start, sentence.end)
        if d.value and d.precision == "day" and d.relation == "on"
    ]  # fmt: skip
    own = [r for e in sentence.events if e.text_date and (r := day_range(e.date or ""))]
    hard: list[str] = []
    said: list[str] = []
    for d in loose:
        day = d.value or ""
        before, after = (
            sentence.text[: d.start - sentence.start],
            sentence.text[d.end - sentence.start :],
        )
        if kinds is not None and _of_a_claim(before, after, kinds):
            continue  # "on Friday called for a probe into allegations that ... attacked"
        if not _SAID_ON.search(sentence.text[: d.start - sentence.start]):
            hard.append(day)
        elif not own or any(a <= date.fromisoformat(day) <= b for a, b in own):
            said.append(day)
    return hard, said


# "a UN-backed probe said Wednesday", "the ministry announced on Tuesday", "as quoted by
# Syrian news agency SANA Thursday", "according to the Observatory on Monday"
_SAID_ON = re.compile(
    r"(?:\b(?:said|says|announced|reported|stated|added|confirmed|declared)"
    r"|\b(?:quoted by|according to|told)\s+"
    r"(?:(?:[A-Z][\w'’.-]*|the|news|agency|state|media)\s+){0,6}?)"
    r"\s*(?:on\s+)?$",
)


# "allegations that", "reports of", "claims that": what follows is told as a claim
_CLAIM = re.compile(
    r"\b(?:allegations?|accusations?|reports?|claims?|suspicions?)\s+(?:that|of)\b",
    re.IGNORECASE,
)


def _of_a_claim(before: str, after: str, kinds: IncidentKinds) -> bool:
    """Whether the sentence tells its violent acts only inside a claim that follows the
    day: the day is when someone acted on the claim ("Ban on Friday renewed his call to
    investigate allegations that the government carried out a gas attack"), not when the
    happening was. A day told with the act itself ("bombed Foua on Friday, amid reports
    that ...") stays its day."""
    claim = _CLAIM.search(after)
    if claim is None:
        return False

    def violent(text: str) -> bool:
        return any(kinds.violent(k) for k in kinds.in_text(text))

    return not violent(before + " " + after[: claim.start()]) and violent(after[claim.end() :])


# -- grouping --------------------------------------------------------------------------------


def _spans(sentence: _Sentence, dated: _Starting) -> list[tuple[date, date]]:
    """The coarser times the sentence puts things in ("last year", "in August")."""
    found = []
    for d in dated.within(sentence.start, sentence.end):
        if d.value and d.precision != "day":
            bounds = day_range(d.value)
            if bounds is not None and d.relation == "on":
                found.append(bounds)
    return found


def _publication_window(article: ArticleFact) -> tuple[date, date] | None:
    bounds = day_range(article.published)
    if bounds is None:
        return None
    return bounds[0] - timedelta(days=REPORTING_LAG_DAYS), bounds[1]


def _fits(
    group: _Group,
    sentence: _Sentence,
    gazette: Gazette,
    kinds: IncidentKinds,
    now: tuple[date, date] | None,
) -> bool:
    mine = kinds.most_specific(sentence.kinds)
    theirs = kinds.most_specific(group.kinds)
    if not kinds.compatible(mine, theirs):
        return False
    if sentence.days and group.days and not _days_meet(sentence.days, group.days):
        return False
    if not _times_meet(sentence, group, now):
        return False
    if sentence.places and group.places:
        return places_meet(_finest(sentence.places, gazette), _finest(group.places, gazette),
                           gazette)  # fmt: skip
    return True


def _back_to_first(
    sentence: _Sentence,
    group: _Group,
    first: _Group,
    now: tuple[date, date] | None,
    lexicons: tuple[Gazette, IncidentKinds],
) -> _Group:
    """The group an undated sentence continues, when the nearest group it fits tells of the
    past. "Obama made chemical weapons a red line that in June triggered more aid" opens a
    group of June; "The Syrian National Coalition said 650 people died", three sentences on,
    counts the article's own attack, not June's. A sentence right after the past one still
    continues it ("In August 2013 a gas attack struck Ghouta. Hundreds died.")."""
    if sentence.days or sentence.said_days or sentence.spans or now is None:
        return group
    times = _times(group.spans, group.days)
    if not times or _overlapping(times, [now]):
        return group
    return first if _fits(first, sentence, *lexicons, now) else group


def _times_meet(sentence: _Sentence, group: _Group, now: tuple[date, date] | None) -> bool:
    """A sentence set "last year" or "in August" is not about a happening of this week:
    its coarser times must meet the group's days (or spans), or the days around
    publication when the group gives none."""
    mine = _times(sentence.spans, sentence.days)
    theirs = _times(group.spans, group.days)
    if not theirs and now is not None:
        theirs = [now]
    if not sentence.spans and not group.spans:
        return True  # days alone are compared in _fits
    if not mine or not theirs:
        return True
    return _overlapping(mine, theirs)


def _times(spans: list[tuple[date, date]], days: Iterable[str]) -> list[tuple[date, date]]:
    """Coarser times and day-precise days as one list of (first, last) days."""
    return spans + [(d, d) for d in map(date.fromisoformat, days)]


def _overlapping(
    mine: Sequence[tuple[date, date]], theirs: Sequence[tuple[date, date]], slack: int = 1
) -> bool:
    """Whether some time of one list meets some time of the other, give `slack` days."""
    gap = timedelta(days=slack)
    return any(a[0] <= b[1] + gap and b[0] <= a[1] + gap for a in mine for b in theirs)


def _days_meet(ours: Iterable[str], theirs: Iterable[str], slack: int = 1) -> bool:
    first = [date.fromisoformat(d) for d in ours]
    second = [date.fromisoformat(d) for d in theirs]
    return any(abs((a - b).days) <= slack for a in first for b in second)


NEAR_KM = 15.0  # a district this close to a city can be the city's, told at finer grain


AROUND_KM = 30.0  # "near Damascus", "outside Aleppo": anywhere this close


def places_meet(a: str | None, b: str | None, gazette: Gazette, around: bool = False) -> bool:
    """Two places can be the site of one happening: the same, one lies in the other, a
    district or small area within NEAR_KM of a city ("Eastern Ghouta" and "Damascus" for the
    same strike), or any place within AROUND_KM of one named as "near X" (`around`). Two
    towns are two places, however close, unless one is only said to be near."""
    if not a or not b:
        return True
    if a in gazette.place_chain(b) or b in gazette.place_chain(a):
        return True
    return near(a, b, gazette, around)


def near(a: str, b: str, gazette: Gazette, around: bool = False) -> bool:
    first, second = gazette.places.get(a), gazette.places.get(b)
    if first is None or second is None or "country" in (first.precision, second.precision):
        return False
    distance = distance_km(first.lat, first.lon, second.lat, second.lon)
    if around:
        return distance <= AROUND_KM
    if first.precision == second.precision and first.precision in ("city", "region"):
        return False
    return distance <= NEAR_KM


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _finest(place_ids: Sequence[str], gazette: Gazette) -> str | None:
    """The most precise place named, the most named among equals (countries only when
    nothing finer is named)."""
    if not place_ids:
        return None
    counts = Counter(place_ids)

    def rank(pid: str) -> tuple[int, int, int]:
        place = gazette.places.get(pid)
        precision = _PRECISION_RANK.get(place.precision if place else "", 5)
        return precision, -counts[pid], place_ids.index(pid)

    return min(counts, key=rank)


def _opening_end(facts: ArticleFacts) -> int:
    """The offset where the article's opening (its first sentences) ends."""
    starts = sorted({m.sentence_start for m in facts.mentions if m.field == "body"}
                    | {e.sentence_start for e in facts.events}
                    | {f.sentence_start for f in facts.figures if not _none(f)})  # fmt: skip
    if len(starts) <= LEAD_SENTENCES:
        return len(facts.body) + 1
    return starts[LEAD_SENTENCES]


# -- the report ------------------------------------------------------------------------------


def _report(
    group: _Group,
    lead: bool,
    facts: ArticleFacts,
    gazette: Gazette,
    kinds: IncidentKinds,
    chain: str,
    stances: Sequence[EventFact] = (),
    doubts: Sequence[Attribution] = (),
    said: Sequence[Saying] = (),
) -> IncidentReport:
    """The report of one group of sentences; `stances` are the accusations and denials
    about it (see `_stances`), `doubts` those who say its doer is not known, `said` what
    named sources say of it besides (see sayings.py)."""
    first = group.sentences[0]
    events = [e for s in group.sentences for e in s.events]
    figures = sorted(
        (f for s in group.sentences for f in (*s.figures, *s.nones)), key=lambda f: f.start
    )
    place = _finest(group.places, gazette)
    if place is None and (lead or group.days):  # a dated section is set where the article is
        place = _setting(facts, gazette)
    around = place is not None and place in group.around
    low, high, date_from = _window(group, lead, facts.article)
    # what the report opens with says what happened; a later sentence of the group can
    # recall other acts ("... and for the regime's use of chemical weapons")
    kind = kinds.most_specific(first.kinds or group.kinds)
    # a violent happening's doer is named by a violent act: who "sought to seize the
    # diplomatic initiative", or took a town, in the same breath did not strike
    peaceful = not kinds.violent(kind)
    doing = [e for e in events if peaceful or kinds.violent(kinds.of_mode(e.mode) or GENERIC)]
    return IncidentReport(
        article_id=facts.id, outlet=facts.article.outlet, chain=chain, kind=kind,
        sentence_start=first.start, sentence_end=first.end, sentence=first.text,
        day_low=low, day_high=high, date_from=date_from, place_id=place, around=around,
        lead=lead,
        sentences=tuple((s.start, s.end) for s in group.sentences),
        event_starts=tuple(e.start for e in events),
        figure_starts=tuple(f.start for f in figures),
        figure_values=tuple(
            (f.measure or "killed", v)
            for f in figures
            if (v := _figure_value(f)) is not None and not _none(f)
        ),
        perpetrators=tuple(
            a for a in _unique(
                *_of_its_kind(
                    _perpetrators(doing, facts, gazette,
                                  [(s.start, s.end) for s in group.sentences]),
                    doing, kind, kinds, gazette,
                ),
                *_accused(stances, facts, gazette),
            )
            if not _from_the_air(kind, a, group.sentences) or _flies(a.actor_id, gazette)
        ),
        denied_by=tuple(_unique(*_denials(events, facts, gazette, doubts),
                                *_deniers(stances, facts, gazette))),
        doubted_by=tuple(doubts),
        refuted_by=tuple(x.said for x in said if x.stance == NEVER),
        deliberate_by=tuple(x.said for x in said if x.stance == DELIBERATE),
        mistake_by=tuple(x.said for x in said if x.stance == MISTAKE),
        target_actor_ids=tuple(dict.fromkeys(
            a for e in events if e.factuality != "negated" for a in e.target_actor_ids
            if _acting(a, e, facts, gazette)
        )),
        published=facts.article.published,
        terms=terms_of([s.text for s in group.sentences]
                       + ([facts.article.title] if lead and facts.article.title else [])),
    )  # fmt: skip


def _figure_value(figure: FigureFact) -> float | None:
    if figure.value is not None:
        return figure.value
    if figure.low is not None and figure.high is None:
        return figure.low
    return None


def _window(
    group: _Group, lead: bool, article: ArticleFact
) -> tuple[str | None, str | None, str | None]:
    """The days a report puts its happening on, and where that comes from."""
    if group.days or group.said_days:
        days = sorted(group.days or group.said_days)
        return days[0], days[-1], "text"
    if group.spans:
        low = min(a for a, _ in group.spans)
        high = max(b for _, b in group.spans)
        return low.isoformat(), high.isoformat(), "text"
    published = day_range(article.published)
    if published is not None:
        low, high = published
        if lead:
            return (
                (low - timedelta(days=REPORTING_LAG_DAYS)).isoformat(),
                high.isoformat(),
                ("publication"),
            )
        return None, high.isoformat(), None  # a passing mention: some time before
    if article.window is not None and lead:
        return article.window.start, article.window.end, "estimate"
    return None, None, None


def _setting(facts: ArticleFacts, gazette: Gazette) -> str | None:
    """Where the article is set: the finest place its title names, else the finest place
    named in its opening."""
    home = home_country(facts, gazette)
    named = [
        p for p in gazette.places_named_in(facts.article.title)
        if not _is_country(p, gazette) or _country(p, gazette) == home
    ]  # fmt: skip  # "... following a US bombing" names a side, not where it was
    if not named:
        opening = _opening_end(facts)
        named = [m.place_id for m in _place_mentions(facts.mentions)
                 if m.start < opening and _on_earth(m.place_id, gazette)
                 and (not _is_country(m.place_id, gazette) or _a_place(m, facts.body))]  # fmt: skip
    at_home = [p for p in named if _country(p, gazette) == home]
    return _finest(at_home or named, gazette)  # "France says ... Syria attack": Syria


# -- who did it, on whose word ---------------------------------------------------------------


def _acting(actor_id: str, event: EventFact, facts: ArticleFacts, gazette: Gazette) -> bool:
    """An actor slot holds a doer or a victim, never an outlet reporting it (unless the
    outlet is what the text names acting) or a place misread as an actor."""
    actor = gazette.actors.get(actor_id)
    if actor is None:
        return False
    if actor.kind in _NOT_ACTORS:
        return False
    spans = [(a.start, a.end) for a in (*event.sources, *event.targets) if a.actor_id == actor_id]
    places = _place_mentions(facts.mentions)
    # a place that is the argument's head ("Aleppo" read as an actor) is no actor; a place
    # inside it is a modifier ("the US-led coalition", "nine US cruise missiles")
    return not any(
        m.start < end <= m.end and not _state_striking(m, end, actor_id, event, facts, gazette)
        for start, end in spans for m in places
    )  # fmt: skip


_STATE_KINDS = frozenset({"state", "government"})


def _state_striking(
    place: MentionFact,
    end: int,
    actor_id: str,
    event: EventFact,
    facts: ArticleFacts,
    gazette: Gazette,
) -> bool:
    """A country's name set right before a strike's own noun names the state that struck
    ("U.S. raids", "Turkish shelling"), not where it was: a town's name there ("Aleppo
    strikes") is the place, and a country's name elsewhere in the clause is as often a
    place ("strikes in Syria") or a target. Only a doer's slot is read so."""
    actor = gazette.actors.get(actor_id)
    return (
        actor is not None and actor.kind in _STATE_KINDS
        and any(a.end == end and a.actor_id == actor_id for a in event.sources)
        and _is_country(place.place_id, gazette)
        and end <= event.start and not facts.body[end : event.start].strip()
    )  # fmt: skip


AERIAL = "aerial"
_AIR_ARMS = frozenset({"state", "government", "military"})
# Words that put aircraft in a report ("bombing" alone does not: a car or a bus is bombed)
_AIRCRAFT = re.compile(
    r"\b(?:jets?|warplanes?|planes?|aircraft|helicopters?|air ?strikes?|air ?raids?|"
    r"air ?force|sorties|barrel bombs?|drones?)\b",
    re.IGNORECASE,
)


def _from_the_air(kind: str | None, doer: Attribution, sentences: Sequence[_Sentence]) -> bool:
    """Whether the sentence that names the doer tells of an attack from the air."""
    return kind == AERIAL and any(
        s.start <= doer.start < s.end and _AIRCRAFT.search(s.text) for s in sentences
    )


def _flies(actor_id: str | None, gazette: Gazette) -> bool:
    """Whether an actor (or what it serves) has aircraft: a state, its government or an
    army. An armed group named beside an air strike is its target, not its doer ("Russian
    jets bombed IS positions"); the FA-KES reports that named one as an air strike's doer
    were all misreads."""
    if not actor_id or actor_id not in gazette.actors:
        return False
    chain = [actor_id, *ActorRelations.of(gazette).ancestors(actor_id)]
    return any(a in gazette.actors and gazette.actors[a].kind in _AIR_ARMS for a in chain)


def _perpetrators(
    events: Sequence[EventFact],
    facts: ArticleFacts,
    gazette: Gazette,
    sentences: Sequence[tuple[int, int]] = (),
) -> Iterable[Attribution]:
    """Who the report says did it: the doers of its attacks, then doers named the way the
    press names them without a verb of their own ("Russian jets", "regime helicopters",
    "air strikes by the US-led coalition", "Assad's air force")."""
    seen: set[str] = set()
    for event in events:
        if event.type != "ASSAULT" or event.factuality == "negated":
            continue
        for argument in event.sources:
            actor_id = argument.actor_id
            if not actor_id or actor_id in seen or not _acting(actor_id, event, facts, gazette):
                continue
            seen.add(actor_id)
            claimant, claimant_id = _claimant(event, facts)
            yield Attribution(actor_id, argument.text, claimant, claimant_id,
                              argument.start, argument.end)  # fmt: skip
    for mention in _doer_phrases(facts, gazette, sentences):
        if mention.actor_id and mention.actor_id not in seen:
            seen.add(mention.actor_id)
            claimant, claimant_id = claimant_at(mention.start, mention.sentence_start, facts)
            yield Attribution(mention.actor_id, mention.text, claimant, claimant_id,
                              mention.start, mention.end)  # fmt: skip


def _of_its_kind(
    doers: Iterable[Attribution],
    events: Sequence[EventFact],
    kind: str,
    kinds: IncidentKinds,
    gazette: Gazette,
) -> list[Attribution]:
    """The doers of a report that names two parties, less a party named only as the doer
    of acts of a kind more specific than the report's: "Russia bombed the market ... the
    crimes of the Assad regime's use of chemical weapons" recalls another deed beside an air
    strike, since a report is of the most specific kind its opening tells. A deed of a less
    specific kind (an air strike in a report opening on a gas attack) is as often the one
    the report tells as another; a report whose every party is named by deeds of a more
    specific kind keeps them all."""
    doers = list(doers)
    order = list(kinds.kinds)
    if len(doers) < 2 or kind not in order:
        return doers
    relations = ActorRelations.of(gazette)

    def party(actor_id: str | None) -> str | None:
        chain = relations.ancestors(actor_id) if actor_id else ()
        return chain[-1] if chain else actor_id

    def elsewhere(doer: Attribution) -> bool:
        """Named only as the doer of acts of a kind more specific than the report's."""
        named = [kinds.of_mode(e.mode) for e in events
                 if any(a.start == doer.start and a.actor_id == doer.actor_id
                        for a in e.sources)]  # fmt: skip
        return bool(named) and all(k in order and order.index(k) < order.index(kind) for k in named)

    own = {party(d.actor_id) for d in doers if not elsewhere(d)}
    if not own or len({party(d.actor_id) for d in doers}) < 2:
        return doers
    return [d for d in doers if party(d.actor_id) in own or not elsewhere(d)]


# The means a doer strikes with, named right after it ("Russian jets", "regime barrel
# bombs"), and the words that name the doer right after them ("strikes by the coalition",
# "carried out by the regime"; never "a truce mediated by Russia", "rebels backed by Turkey",
# "an announcement by France": on FA-KES such "by"s outnumbered the attacks' own).
# People ("IS fighters", "government troops") are not among the means: as often as not they
# are the victims of the strike.
_MEANS_AFTER = re.compile(
    r"^(?:'s|s')?\s*(?:-led\s+\w+\s+)?(?:war)?(?:jets?|planes?|warplanes?|aircraft|"
    r"helicopters?|drones?|air ?force|air ?strikes?|airstrikes?|raids?|bombers?|bombs?|"
    r"barrel bombs?|shelling|artillery|missiles?|rockets?|suicide bombers?)\b",
    re.IGNORECASE,
)
_BY_BEFORE = re.compile(
    r"\b(?:carried out|conducted|launched|led|fired|dropped|committed|perpetrated|killed|"
    r"wounded|injured|executed|targeted|hit|struck|shelled|bombed|destroyed|attacked|used|"
    r"caused|(?:air ?)?strikes?|airstrikes?|attacks?|raids?|bombings?|bombardments?|shelling|"
    r"offensives?|assaults?|massacres?|fire)\s+by\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_DOER_KINDS = frozenset({"state", "government", "military", "armed group", "person",
                         "political group", "other"})  # fmt: skip


def _doer_phrases(
    facts: ArticleFacts, gazette: Gazette, sentences: Sequence[tuple[int, int]]
) -> list[MentionFact]:
    body = facts.body
    found = []
    mentions = _Starting(m for m in facts.mentions if m.field == "body" and m.actor_id)
    for m in (m for s, e in sentences for m in mentions.within(s, e)):
        actor = gazette.actors.get(m.actor_id)
        if actor is None or actor.kind not in _DOER_KINDS:
            continue
        if _MEANS_AFTER.match(body[m.end : m.end + 40]) or _BY_BEFORE.search(
            body[max(0, m.start - 40) : m.start]
        ):
            found.append(m)
    return found


# Accusations and denials of a happening: "activists accused Assad's forces of the attack",
# "the army denied any involvement", "Russia denied carrying out any strikes". They often
# sit in sentences with no attack of their own, so they are read from their own events.
_DENYING = frozenset({"deny", "denied", "denies", "denying", "dismiss", "dismissed",
                      "dismisses", "rejected", "rejects", "refuted", "refutes"})  # fmt: skip


def _stances(
    facts: ArticleFacts, groups: Sequence[_Group], lead: _Group | None, kinds: IncidentKinds
) -> dict[int, list[EventFact]]:
    """The ACCUSE events and denials (REJECT "denied") of the article, by the report they
    are about: the report whose sentence they stand in, else the article's lead when their
    sentence speaks of an attack or of responsibility."""
    found: dict[int, list[EventFact]] = {}
    for event in facts.events:
        accusing = event.type == "ACCUSE" and event.factuality in _TOLD
        denying = event.type == "REJECT" and event.trigger.lower() in _DENYING
        if not (accusing or denying):
            continue
        home = next((g for g in groups if any(sn.start == event.sentence_start
                                               for sn in g.sentences)), None)  # fmt: skip
        if (
            home is None
            and lead is not None
            and (ABOUT_IT.search(event.sentence) or kinds.in_text(event.sentence))
        ):
            home = lead
        if home is not None:
            found.setdefault(id(home), []).append(event)
    return found


# "it was unclear who carried out the bombing", "not immediately clear whether the strikes
# had been carried out by Syrian warplanes or those of Russia", "could not determine whether
# Russia or the government was behind the attack": the doer is not known, on
# someone's word (whether a plane was shot down, or who the dead were, is another doubt)
_DOUBT = re.compile(
    r"\b(?:unclear|not (?:immediately |yet )?(?:clear|known)|unknown"
    r"|(?:could ?n[o'’]?t|can ?n[o'’]?t|cannot|unable to)\s+(?:immediately\s+|independently\s+)?"
    r"(?:determine|say|confirm|verify|establish|identify))\s+(?:who|whether|if|which)"
    r"\b[^.]{0,120}?\b(?:carried out|behind|responsible|by\s+(?:[\w-]+\s+){0,3}?"
    r"(?:(?:war)?planes|jets|aircraft|forces))\b",
    re.IGNORECASE,
)


def _doubts(
    facts: ArticleFacts, groups: Sequence[_Group], lead: _Group | None
) -> dict[int, list[Attribution]]:
    """Those who say the doer is not known, by the report they speak of: the report whose
    sentence the doubt stands in, else the article's lead."""
    found: dict[int, list[Attribution]] = {}
    for match in _DOUBT.finditer(facts.body):
        at = match.start()
        home, sentence_start = next(
            ((g, sn.start) for g in groups for sn in g.sentences if sn.start <= at < sn.end),
            (lead, at),
        )
        if home is None:
            continue
        claimant, claimant_id = claimant_at(at, sentence_start, facts)
        found.setdefault(id(home), []).append(
            Attribution(None, match.group(0), claimant, claimant_id, match.start(), match.end())
        )
    return found


def _sayings_by_report(
    facts: ArticleFacts,
    groups: Sequence[_Group],
    lead: _Group | None,
    gazette: Gazette,
    kinds: IncidentKinds,
) -> dict[int, list[Saying]]:
    """What named sources say of a happening (it never was, it was deliberate, a mistake),
    by the report it is about: the report (of `groups`) whose sentence it stands in, else
    the article's lead (it is often said beside another happening: "no signs of bombs,
    ... the offensive launched by ...")."""
    found: dict[int, list[Saying]] = {}
    for saying in sayings(facts, kinds, gazette):
        at = saying.said.start
        home = next((g for g in groups for sn in g.sentences if sn.start <= at < sn.end), lead)
        if home is not None:
            found.setdefault(id(home), []).append(saying)
    return found


def _accused(
    stances: Sequence[EventFact], facts: ArticleFacts, gazette: Gazette
) -> Iterable[Attribution]:
    """Those accused of it, on the accuser's word."""
    for event in stances:
        if event.type != "ACCUSE":
            continue
        accuser = next((a for a in event.sources), None)
        for target in event.targets:
            if target.actor_id and _acting(target.actor_id, event, facts, gazette):
                claimant, claimant_id = _claimant(event, facts)
                if accuser is not None:
                    claimant = gazette.actor_name(accuser.actor_id) or accuser.text
                    claimant_id = accuser.actor_id
                yield Attribution(target.actor_id, target.text, claimant, claimant_id,
                                  target.start, target.end)  # fmt: skip


def _deniers(
    stances: Sequence[EventFact], facts: ArticleFacts, gazette: Gazette
) -> Iterable[Attribution]:
    """Those who deny it, on their own word."""
    for event in stances:
        if event.type != "REJECT":
            continue
        for source in event.sources:
            if source.actor_id and _acting(source.actor_id, event, facts, gazette):
                name = gazette.actor_name(source.actor_id) or source.text
                yield Attribution(source.actor_id, source.text, name, source.actor_id,
                                  source.start, source.end)  # fmt: skip


def _unique(*attributions: Attribution) -> list[Attribution]:
    """One attribution per actor and claimant (by actor id when the claimant resolves: "the
    Syrian Coalition" and "Syrian National Coalition" are one), first told first."""
    seen: set[tuple[str | None, str | None]] = set()
    found = []
    for a in attributions:
        key = (a.actor_id, a.claimant_actor_id or (a.claimant or "").lower())
        if key not in seen:
            seen.add(key)
            found.append(a)
    return found


def _denials(
    events: Sequence[EventFact],
    facts: ArticleFacts,
    gazette: Gazette,
    doubts: Sequence[Attribution] = (),
) -> Iterable[Attribution]:
    """Doers an event is told as not acting ("Russia did not strike the market"); a doubt
    ("could not determine whether Russia was behind it") denies no one. "The coalition
    denied a report it had carried out a strike": the "it" a speaker denies is the speaker,
    whoever a pronoun resolver made of it (and nobody when the speaker is not known)."""
    for event in events:
        if event.factuality != "negated" or any(
            event.sentence_start <= d.start < event.sentence_end for d in doubts
        ):
            continue
        for argument in event.sources:
            claimant, claimant_id = _claimant(event, facts)
            actor_id = argument.actor_id
            if argument.text.lower() in _PRONOUNS:
                actor_id = claimant_id
            if actor_id and _acting(actor_id, event, facts, gazette):
                yield Attribution(actor_id, argument.text, claimant, claimant_id,
                                  argument.start, argument.end)  # fmt: skip


def _claimant(event: EventFact, facts: ArticleFacts) -> tuple[str | None, str | None]:
    """On whose word an event is told (see `_claimant_at`)."""
    return claimant_at(event.start, event.sentence_start, facts)
