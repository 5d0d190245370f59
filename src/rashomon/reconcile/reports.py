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
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
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
from rashomon.reconcile.doers import (
    acting,
    claims_answered,
    deniers_of,
    denying_a_detail,
    doers_of,
    doubts_by_report,
    sayings_by_report,
    stances_by_report,
)
from rashomon.reconcile.figures import (
    TOLLS_APART,
    TOLLS_APART_MIN,
    countered,
    rose,
    told_in_parts,
    toll_of_none,
)
from rashomon.reconcile.incident_kinds import GENERIC, IncidentKinds
from rashomon.reconcile.intervals import allowed, overlap
from rashomon.reconcile.report_parts import (
    TOLD,
    Group,
    Sentence,
    Starting,
    is_country,
    place_mentions,
    references,
)
from rashomon.reconcile.sayings import (
    ARMED,
    DELIBERATE,
    MISTAKE,
    NEVER,
    SPARED,
    UNARMED,
    Saying,
)
from rashomon.reconcile.wording import terms_of
from rashomon.reconcile.yearless import with_window_days

REPORTING_LAG_DAYS = 2  # a report dated only by publication tells of the days before it
LEAD_SENTENCES = 3  # the opening: where an article's main happening is told
CASUALTY_MEASURES = frozenset({"killed", "injured", "killed_or_injured", "missing"})
_PRECISION_RANK = {"point": 0, "district": 1, "city": 2, "region": 3, "country": 4}
_CASUALTY_WORDS = re.compile(
    r"\b(?:killed|killing|dead|deaths?|died|wounded|injured|injuring|casualties|"
    r"lost their lives|death toll)\b",
    re.IGNORECASE,
)


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
    facts = with_window_days(facts)  # "the March 16 airstrike" on an undated page
    sentences = _incident_sentences(facts, gazette, kinds)
    if not sentences:
        return []
    groups: list[Group] = []
    now = _publication_window(facts.article)
    previous: Sentence | None = None
    holder: Group | None = None  # the group `previous` went to
    for sentence in sentences:
        group = next(
            (g for g in reversed(groups)
             if not _passed_over(g, sentence, groups) and _fits(g, sentence, gazette, kinds, now)),
            None,
        )  # fmt: skip
        if group is None and _named_again(sentence, groups, (gazette, kinds), now):
            group = groups[0]
        if (
            holder is not None
            and _goes_on(sentence, previous, holder)
            and _fits(holder, sentence, gazette, kinds, now)
        ):
            group = holder  # "45 martyrs, including 23 women. There are 249 others wounded"
        if (
            group is not None
            and group is not groups[0]
            and (group.sentences[-1] is not previous or _toll_at_first(sentence, group, groups[0]))
        ):
            group = _back_to_first(sentence, group, groups[0], now, (gazette, kinds))
        previous = sentence
        if group is not None and _a_period(sentence) and not _times(group.spans, group.days):
            continue  # background of the time ("clashes this year"), no happening's own
        if group is None:
            group = Group()
            groups.append(group)
        group.add(sentence)
        holder = group
    opening = _opening_end(facts)
    lead = next((g for g in groups if g.sentences[0].start < opening), None)
    if lead is None:
        lead = _told_in_title(groups, facts.article.title, kinds)
    if lead is not None:
        dated = _dated_retelling(lead, groups, gazette, kinds)
        if dated is not None:
            _absorb(lead, dated)
            groups.remove(dated)
    stances = stances_by_report(facts, groups, lead, kinds)
    doubts = doubts_by_report(facts, groups, lead)
    # a passing mention with neither a day nor a toll is background, not a report
    kept = [
        g for g in groups
        if g is lead or g.days or g.said_days or any(s.figures for s in g.sentences)
    ]  # fmt: skip
    said = sayings_by_report(facts, kept, lead, gazette, kinds)
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
) -> list[Sentence]:
    by_span: dict[tuple[int, int], Sentence] = {}

    def sentence(start: int, end: int, text: str) -> Sentence:
        found = by_span.get((start, end))
        if found is None:
            found = Sentence(start, end, text, kinds.in_text(text))
            by_span[(start, end)] = found
        return found

    for event in facts.events:
        if _is_incident_event(event, kinds) and not kinds.describes(
            event.sentence, event.start - event.sentence_start
        ):  # "rebels fighting the government": a party described, no happening
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
    places = Starting(place_mentions(facts.mentions))
    dated = Starting(facts.dates)
    home = home_country(facts, gazette)
    for (start, end), found in by_span.items():
        inside = places.within(start, end)
        for m in inside:
            if m.place_id:
                near_it = _vicinity(m, facts.body) or _its_province(m, facts.body, gazette)
                (found.around if near_it else found.sites).add(m.place_id)
        found.places = _sentence_places(found, inside, facts.body, gazette, home,
                                        violent=_violent(found, kinds), kinds=kinds)  # fmt: skip
        back = _looking_back(found, dated, kinds, _names_a_happening(found, inside, kinds))
        found.days, found.said_days = _days(found, dated, kinds, back)
        found.spans = _spans(found, dated) + _looked_back(back)
        found.weekdays = _unanchored_weekdays(found, dated)
        found.earlier = _follows_another(found, dated, kinds)
        found.again = kinds.named_again(found.text)
        found.narrowed = any(
            d.precision == "month" and _month_part(d.text) for d in dated.within(start, end)
        )
        event_kinds = [k for e in found.events if (k := kinds.of_event(e))]
        if _violent(found, kinds):  # "evacuees were killed", "besieged Madaya was shelled"
            found.kinds = [k for k in found.kinds if kinds.violent(k)]
        found.kinds = list(dict.fromkeys(found.kinds + event_kinds))
    return [by_span[key] for key in sorted(by_span)]


def _violent(sentence: Sentence, kinds: IncidentKinds) -> bool:
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
    if event.factuality not in TOLD and event.factuality != "negated":
        return False  # threatened, planned, demanded, hypothetical: not (yet) a happening
    if event.type == "ASSAULT":
        return True
    told = kinds.in_text(event.sentence)
    return any(kinds.type_of(k) == event.type for k in told if kinds.kinds.get(k))


def _none(figure: FigureFact) -> bool:
    """A toll of none ("no one was killed"): shown and disputed with its report, but it
    neither makes a sentence violent or a passing mention a report, nor sets the report's
    tolls apart from another's (it is no count of victims to match)."""
    return toll_of_none(figure)


def _is_toll(figure: FigureFact) -> bool:
    """A casualty figure about one happening (not a running total or the war's toll)."""
    if figure.status in ("proposed", "hypothetical") or figure.scope != "incident":
        return False
    if figure.measure is not None:
        return figure.measure in CASUALTY_MEASURES
    return bool(figure.what) and bool(_CASUALTY_WORDS.search(figure.sentence))


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
    r"(?:\s+(?:the|a|an|eastern|western|northern|southern|central))*"
    r"(?:\s+[\w-]+['\u2019]s)?"
    r"(?:\s+(?:[\w-]+\s+)?(?:city|town|village|provincial capital)\s+of)?\s*$",
    re.IGNORECASE,
)  # "west of the Syrian city of Aleppo", "near Syria's Aleppo": as near as "west of Aleppo"
# "Aleppo's western countryside", "Damascus's outskirts": the area around the place named
_VICINITY_AFTER = re.compile(
    r"^(?:['\u2019]s?)?\s+(?:(?:eastern|western|northern|southern|north-?eastern|"
    r"north-?western|south-?eastern|south-?western|rural|nearby)\s+)?"
    r"(?:countryside|outskirts|suburbs?|environs|vicinity)\b",
    re.IGNORECASE,
)


def _vicinity(mention: MentionFact, body: str) -> bool:
    """Whether a place is named as what a happening was near, not where it was ("near
    Aleppo", "35 km west of Aleppo", "Aleppo's western countryside")."""
    return bool(
        _VICINITY.search(body[max(0, mention.start - 40) : mention.start])
        or _VICINITY_AFTER.match(body[mention.end : mention.end + 40])
    )


# "the Donetsk province", "Saada governorate": the region named after its capital; not
# "the Houla district of Homs", where the name is the district's own, the "of" its province
_PROVINCE_AFTER = re.compile(
    r"^\s+(?:province|provinces|oblast|governorate|region|district)\b(?!\s+of\b)",
    re.IGNORECASE,
)


def _its_province(mention: MentionFact, body: str, gazette: Gazette) -> bool:
    """Whether a city's name is told as the name of the region around it ("in the occupied
    Donetsk province", where the gazetteer knows the city but not the region): the
    happening was somewhere in that region, so a town the sentence also names is where
    it was, and the city only what it was near."""
    place = gazette.places.get(mention.place_id or "")
    return (
        place is not None
        and place.precision == "city"
        and _PROVINCE_AFTER.match(body[mention.end : mention.end + 20]) is not None
    )


_BASED = re.compile(r"^\s*-?\s*based\b", re.IGNORECASE)
# "Syria's Aleppo": a country told as where a place lies
_POSSESSIVE = re.compile(r"^['\u2019]s?\b")
# "in US air strikes", "in Russian-led raids", "by US forces": the country names whose
# strikes or forces they were, though a locative word comes before it
_SIDES_ARMS = re.compile(
    r"^(?:-led|-backed)?\s+(?:(?:military|army|navy|naval|air|drone|missile|coalition|war)\s+)?"
    r"(?:air\s*strikes?|airstrikes?|strikes?|raids?|bombings?|bombardments?|attacks?|forces|"
    r"troops|warplanes|jets|aircraft|drones?|missiles?|shelling|operations?|campaign)\b",
    re.IGNORECASE,
)
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
# "prisoners of war captured after the fall of Mariupol", "since the siege of Aleppo": a
# place named as where a battle was, in a sentence of violence, is that battle's, not where
# the sentence's act struck
_OF_A_BATTLE = re.compile(
    r"\b(?:fall|siege|battle|capture|recapture|liberation|defen[cs]e|occupation)\s+(?:of|for)\s+"
    r"(?:the\s+)?(?:city\s+of\s+|town\s+of\s+)?$",
    re.IGNORECASE,
)
# "told reporters in Damascus", "a news briefing in Geneva", "said in a statement in Moscow",
# "who was speaking from Rome": where a source spoke, not where its happening was
_SPOKEN_AT = re.compile(
    r"\b(?:(?:told|telling|briefed|briefing|addressed|addressing)\s+"
    r"(?:reporters|journalists|the\s+press|a\s+news\s+conference|a\s+press\s+conference)"
    r"|(?:news|press)\s+(?:conference|briefing)s?|briefing|statement|speaking|spoke)"
    r"(?:\s+(?:on|late|early|last)?\s*(?:monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday))?(?:\s+by\s+(?:tele)?phone)?\s+(?:in|from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _sentence_places(
    sentence: Sentence,
    mentions: Sequence[MentionFact],
    body: str,
    gazette: Gazette,
    home: str | None = None,
    violent: bool = False,
    kinds: IncidentKinds | None = None,
) -> list[str]:
    """Where the sentence puts its happening, best evidence first: the place the parse ties
    to its events, else places named after a locative word, else any place it names;
    countries only when nothing finer is named. Never the home of a named source ("the
    Britain-based Observatory"), nor, in a sentence of violence, a place people or fire
    came from or were heading towards (an evacuation's "from" is its place), or where a
    siege or a battle named beside the violence was ("the fall of Mariupol"); and a place
    outside the country the article is about (`home`: New York, where the Security Council
    met; Washington, where a statement was made) only when nothing in that country is
    named."""
    tiers: list[list[str]] = [[], [], [], [], []]

    def tier(place_id: str, rank: int) -> None:
        abroad = home is not None and _country(place_id, gazette) not in (home, None)
        tiers[4 if abroad else rank].append(place_id)

    for event in sentence.events:
        if violent and kinds is not None and _of_a_peaceful_kind(event, kinds):
            continue  # "prisoners captured after a three-month siege of Mariupol"
        if event.place_id and _on_earth(event.place_id, gazette):  # not "the Euphrates"
            if not is_country(event.place_id, gazette):
                tier(event.place_id, 0)
            elif any(m.place_id == event.place_id and _a_place(m, body) for m in mentions):
                tier(event.place_id, 3)
    for m in mentions:
        if _BASED.match(body[m.end : m.end + 8]) or not _on_earth(m.place_id, gazette):
            continue  # a source's home, or a continent ("Europe", "the Levant")
        if _spoken_at(m, body) or _backed(m, body) or _seat_of(m, body):
            continue
        if violent and _elsewhere(body[max(sentence.start, m.start - 60) : m.start]):
            continue
        if violent and _OF_A_BATTLE.search(body[max(sentence.start, m.start - 40) : m.start]):
            continue  # "prisoners captured after the fall of Mariupol": another happening's
        if is_country(m.place_id, gazette):
            if _a_place(m, body):
                tier(m.place_id, 3)  # type: ignore[arg-type]
        elif _LOCATIVE.search(body[max(0, m.start - 60) : m.start]):
            tier(m.place_id, 1)  # type: ignore[arg-type]
        else:
            tier(m.place_id, 2)  # type: ignore[arg-type]
    found = next((t for t in tiers[:4] if t), [])
    settlements = _settlements_in(mentions, body, gazette)
    found = [settlements.get(p, p) for p in found]
    located = _located(found, tiers[:3], references(sentence), gazette)
    return located or found if found or home is None else tiers[4][:0]


# "the Golan Heights town of Majdal Shams", "Idlib's village of Kafr Nabl": what comes
# between a place and the settlement named in it
_SETTLEMENT_IN = re.compile(
    r"^(?:['\u2019]s)?\s+(?:town|village|city|hamlet|district|suburb|neighbou?rhood)"
    r"\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _settlements_in(mentions: Sequence[MentionFact], body: str, gazette: Gazette) -> dict[str, str]:
    """Places the sentence names as the region a settlement it names lies in ("the Golan
    Heights town of Majdal Shams"), each with that settlement: the happening was in the
    settlement, whatever the parse tied it to, and whether or not the gazetteer knows
    the one lies in the other. Not where the "of" phrase names what holds the first
    place ("the Houla district of Homs": a part of Homs province, told by its city's name)."""
    found: dict[str, str] = {}
    ordered = sorted(mentions, key=lambda m: m.start)
    for outer, inner in zip(ordered, ordered[1:], strict=False):
        if (
            outer.place_id
            and inner.place_id
            and _SETTLEMENT_IN.match(body[outer.end : inner.start])
            and not _holds(inner.place_id, outer.place_id, gazette)
        ):
            found[outer.place_id] = inner.place_id
    return found


def _holds(larger: str, place_id: str, gazette: Gazette) -> bool:
    """Whether `larger` is a place `place_id` lies in, or a city named like a region it lies
    in (Homs, for Homs Governorate: a province is often called by its capital's name)."""
    above = gazette.place_chain(place_id)[1:]
    if larger in above:
        return True
    name = (gazette.place_name(larger) or "").casefold()
    return bool(name) and any(
        (gazette.place_name(p) or "").casefold().startswith(name + " ") for p in above
    )


# "to weaken their support for Gaza", "in solidarity with the Palestinians in Gaza": a
# place a party stands by, not where its happening was
_BACKING = re.compile(
    r"\b(?:support(?:s|ing)?|solidarity|sympathy|backing)\s+(?:for|with|of)\s+(?:the\s+)?"
    r"(?:(?:people|residents|Palestinians|civilians|population)\s+(?:of|in)\s+)?$",
    re.IGNORECASE,
)


def _backed(mention: MentionFact, body: str) -> bool:
    """Whether the place is named as what a party supports (see _BACKING)."""
    before = body[max(mention.sentence_start, mention.start - 60) : mention.start]
    return bool(_BACKING.search(before))


# "the health ministry in Gaza said", "the government in Kyiv": where a body sits, not
# where its news happened
_SEAT_OF = re.compile(
    r"\b(?:ministry|ministries|government|authorities|administration|embassy|headquarters)"
    r"\s+in\s+(?:the\s+)?$",
    re.IGNORECASE,
)


# "Kate Stegeman, communications manager for Doctors Without Borders in Kabul told NBC
# News": a place right before the verb of saying, after "in", is where the speaker is based
_IN_BEFORE = re.compile(r"\bin\s+(?:the\s+)?$", re.IGNORECASE)
_SPEECH_NEXT = re.compile(r"^\s*(?:told|tells|said|says)\b")


def _seat_of(mention: MentionFact, body: str) -> bool:
    """Whether the place is named as where a body sits (see _SEAT_OF) or where a speaker is
    based (see _SPEECH_NEXT)."""
    before = body[max(mention.sentence_start, mention.start - 40) : mention.start]
    if _SEAT_OF.search(before):
        return True
    return bool(
        _IN_BEFORE.search(before) and _SPEECH_NEXT.match(body[mention.end : mention.end + 12])
    )


def _spoken_at(mention: MentionFact, body: str) -> bool:
    """Whether the place is named as where a source spoke (see _SPOKEN_AT)."""
    return bool(
        _SPOKEN_AT.search(body[max(mention.sentence_start, mention.start - 60) : mention.start])
    )


def _located(
    found: Sequence[str], tiers: Sequence[Sequence[str]], around: Collection[str], gazette: Gazette
) -> list[str]:
    """The places the sentence names as where its happening was, when `found` holds only
    places it names as what that was near and those lie close to them: in "an attack on
    Atareb city (35 km west of Aleppo)" Aleppo locates Atareb, whichever the parse ties
    to the attack. Empty when there are none."""
    if not found or not all(p in around for p in found):
        return []
    return list(dict.fromkeys(
        p for tier in tiers for p in tier
        if p not in around and not is_country(p, gazette)
        and any(near(r, p, gazette, around=True) for r in found)
    ))  # fmt: skip


def _a_place(country: MentionFact, body: str) -> bool:
    """Whether a country's name is told as where something is ("in Syria", "Syria's
    Aleppo"), not as a side ("a US bombing", "Turkey said"): a violent sentence names the
    country it happened in after a locative word."""
    if _SIDES_ARMS.match(body[country.end : country.end + 40]):
        return False  # "killed in US air strikes": whose strikes, not where
    before = body[max(0, country.start - 60) : country.start]
    return bool(
        _LOCATIVE.search(before)
        or _AGAINST.search(before)
        or _POSSESSIVE.match(body[country.end : country.end + 3])
    )


_BATTLE_KINDS = frozenset({"siege", "capture"})


def _of_a_peaceful_kind(event: EventFact, kinds: IncidentKinds) -> bool:
    """Whether an event is a siege or a capture, which kill no one themselves: in a sentence
    of violence, where it was is not where the violence struck (an evacuation's place still
    is: "buses were attacked during the evacuation")."""
    kind = kinds.of_event(event)
    return kind in _BATTLE_KINDS and not kinds.violent(kind)


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
    for m in place_mentions(facts.mentions):
        if c := _country(m.place_id or "", gazette):
            if not is_country(m.place_id, gazette):
                counts[c] += 1.0
            elif _a_place(m, facts.body):  # not "a US bombing", "Lebanon-based"
                counts[c] += 0.5
    return counts.most_common(1)[0][0] if counts else None


def _on_earth(place_id: str | None, gazette: Gazette) -> bool:
    """A place something can happen at: in a country (not a continent or a sea)."""
    place = gazette.places.get(place_id or "")
    return place is not None and bool(place.country)


def _days(
    sentence: Sentence,
    dated: Starting,
    kinds: IncidentKinds | None = None,
    back: Mapping[str, tuple[int, int]] | None = None,
) -> tuple[list[str], list[str]]:
    """The days the sentence itself dates its happening on (day precision only), and apart
    the days a source spoke on ("a probe said Wednesday", "as quoted by SANA Thursday"):
    those date the happening only when nothing else in its group does, and never when the
    parse puts the happening at another time ("carried out last year's bombings"). `back`
    are the days that date only something done after the happening (see _looking_back)."""
    back = back or {}
    loose = _loose_days(sentence, dated)
    present = _present(sentence, kinds)
    undated = _undated_acts(present, kinds) if kinds is not None else None
    days = [e.date for e in present if e.text_date and e.date_precision == "day"]
    # an old happening's day, when the sentence's present is dated (on a page with no date
    # nothing says which of its happenings is the present one)
    past = {e.date for e in sentence.events if e not in present} if _dated(present) else set()
    if any(d not in back for d in days):
        return [d for d in days if d and d not in back], []
    own = [r for e in sentence.events if e.text_date and (r := day_range(e.date or ""))]
    # a source's day beside a time counted back from the day of writing is only when it
    # spoke: "accounts emerged on Sunday about an explosion a week ago"
    counted_back = any(_AGO.search(d.text) for d in dated.within(sentence.start, sentence.end))
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
        if day in back:
            continue  # "resumed on Wednesday, days after a bombing": see _looking_back
        if day in past:
            continue  # "the war ignited by Hamas' Oct. 7 attack": an old happening's day
        if _PERIOD_BEGAN.search(before):
            continue  # "killed since the operations began 19 days ago": a period's start
        if _about_someone(sentence.text, d.start - sentence.start, d.end - sentence.start, kinds):
            continue  # "the commander, who led the massacres on 7 October, was killed"
        if kinds is not None and _recalled_day(sentence, d, undated, kinds):
            continue  # "the air strike killed X, who had a role in the attack on 7 October"
        if not _said_on(before, after) and not _answered_on(before, kinds):
            hard.append(day)
        elif counted_back:
            continue  # "accounts emerged on Sunday about an explosion a week ago"
        elif not own or any(a <= date.fromisoformat(day) <= b for a, b in own):
            said.append(day)
    return hard, said


def _present(sentence: Sentence, kinds: IncidentKinds | None = None) -> Sequence[EventFact]:
    """A sentence's events less its historical ones when it also tells of the present:
    "the killing of so many in a raid ... showed the toll of the war ignited by Hamas' Oct.
    7 attack" tells of today's raid; the day of the old attack is no day of it (nor is it
    when named alone, see _days). A sentence that tells only of the past keeps its days:
    it is a happening of its own. So does an act of another kind whose text gives it a day
    weeks before the day of an act of a named kind the sentence leaves undated and tells
    first: "the air strike had killed the commander, who had played a role in the group's
    attack on southern Israel on 7 October" recalls the attack; the air strike is of the
    article's day. An act told with a toll is a report of its own (see _told_with_toll)."""
    events = sentence.events
    if all(e.factuality == "historical" for e in events):
        return events
    told = [e for e in events if e.factuality != "historical"]
    undated = _undated_acts(told, kinds) if kinds is not None else None
    if kinds is None or undated is None:
        return told
    named, now, first = undated

    def recalled(e: EventFact) -> bool:
        day = _first_day(e.date) if e.date_from == "text" and e.date_precision == "day" else None
        return (
            day is not None
            and e.start > first
            and (now - day).days >= RECALLED_AFTER_DAYS
            and (kinds.of_mode(e.mode) or GENERIC) not in named
            and not _told_with_toll(sentence, e.start, e.end)
        )

    return [e for e in told if not recalled(e)]


def _undated_acts(
    events: Sequence[EventFact], kinds: IncidentKinds
) -> tuple[set[str], date, int] | None:
    """The named violent kinds ("air strike", not a bare "attack") of the acts a sentence
    leaves to its article's day, that day, and where the first of them is told; None when
    it has none."""
    undated = {
        (kind, day, e.start) for e in events
        if e.type == "ASSAULT" and e.date_from == "publication" and e.date
        and e.factuality != "historical"
        and (kind := kinds.of_mode(e.mode)) is not None and kind != GENERIC
        and kinds.violent(kind) and (day := _first_day(e.date)) is not None
    }  # fmt: skip
    if not undated:
        return None
    return (
        {kind for kind, _, _ in undated},
        max(day for _, day, _ in undated),
        min(start for _, _, start in undated),
    )


def _recalled_day(
    sentence: Sentence, day: DateFact, undated: tuple[set[str], date, int] | None,
    kinds: IncidentKinds,
) -> bool:  # fmt: skip
    """Whether a day the parse left loose dates a recalled act rather than the sentence's:
    it lies weeks before the day of the sentence's undated act of a named kind, told after
    that act, and its own clause tells only acts of other kinds ("the air strike had killed
    X, who had played a role in the group's attack on southern Israel on 7 October"). An
    act told first is the sentence's own ("it was bombed on 16 March in the city, which
    has been under constant bombardment"), and one told with a toll is a report of its own
    ("the second such attack, after 17 were killed in an October 2 attack")."""
    found = _first_day(day.value)
    if undated is None or found is None:
        return False
    named, now, first = undated
    if day.start < first or (now - found).days < RECALLED_AFTER_DAYS:
        return False
    if _told_with_toll(sentence, day.start, day.end):
        return False  # "after at least 17 were killed in an October 2 attack": a report of its own
    clause_start, _ = _clause_around(sentence, day.start, day.end)
    told = [
        kinds.of_mode(e.mode) or GENERIC for e in sentence.events
        if e.type == "ASSAULT" and clause_start <= e.start < day.start
    ]  # fmt: skip
    return bool(told) and not any(k in named for k in told)


def _told_with_toll(sentence: Sentence, start: int, end: int) -> bool:
    """Whether the clause around text[start:end] gives a toll: a recalled act told with its
    dead is a report of its own."""
    clause_start, clause_end = _clause_around(sentence, start, end)
    return any(clause_start <= f.start < clause_end for f in sentence.figures)


def _clause_around(sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    """Where the clause that holds text[start:end] begins and ends: between the commas,
    colons or semicolons around it, else the sentence's edges."""
    before = sentence.text[: start - sentence.start]
    clause_start = sentence.start + len(before) - len(re.split(r"[,;:]", before)[-1])
    after = re.search(r"[,;:]", sentence.text[end - sentence.start :])
    return clause_start, end + after.start() if after else sentence.end


# An act the text dates this many days before the day of an undated act of another, named
# kind in its sentence is recalled, not the sentence's happening (see _present): a week is
# past the days a report's happening may lie before its publication.
RECALLED_AFTER_DAYS = 7


def _first_day(value: str) -> date | None:
    found = day_range(value)
    return found[0] if found else None


def _dated(events: Iterable[EventFact]) -> bool:
    return any(e.date for e in events)


# The verbs of saying that a source's day follows (`_SAID_ON`: "said on Monday") or comes
# before (`_SAID_AFTER`: "on Monday said"); each adds the verbs of finding or publishing
# that are written in its order
_SAYING = "said|says|announced|reported|stated|added|confirmed|declared|posted|released"
# "a UN-backed probe said Wednesday", "the ministry announced on Tuesday", "as quoted by
# Syrian news agency SANA Thursday", "according to the Observatory on Monday", "a document
# seen Thursday by AFP", "a report published on Monday", "accounts emerged on Sunday"
_SAID_ON = re.compile(
    rf"(?:\b(?:{_SAYING}|seen|obtained|reviewed|published|issued|emerged|surfaced)"
    # "said at a meeting of the Security Council on Monday", "told a news conference Monday"
    r"(?:\s+(?:at|during|before|to)\s+(?:a|an|the)\s+[^.;\"“”]{0,60}?"
    # "said in a press conference in Damascus on Sunday", "said in a statement on Monday":
    # in words of its own telling
    r"|\s+in\s+(?:(?:a|an|the|his|her|its|their)\s+)?(?:[\w-]+\s+){0,2}?(?:statement|"
    r"(?:press|news)\s+conference|interview|speech|briefing|remarks|comments|communiqu[eé]|"
    r"letter|report|post|tweet|video|message|address)(?:\s+[^.;\"“”]{0,40}?)?)?"
    # "said on Facebook on Tuesday", "said in a Telegram post Monday": where it was said
    r"(?:\s+(?:on|in|via)\s+(?:(?:his|her|its|their|the|a|an)\s+)?(?:official\s+)?"
    r"(?:Facebook|Telegram|Twitter|X|Instagram|YouTube|social\s+media|state\s+television"
    r"|television|TV|radio|website)(?:\s+(?:channel|account|page|post|video|messaging\s+app))?)?"
    r"|\b(?:quoted by|according to|told)\s+"
    r"(?:(?:[A-Z][\w'’.-]*|the|news|agency|state|media|a|an|conference|briefing|reporters"
    r"|journalists|in)\s+){0,6}?)"
    r"\s*(?:on\s+)?$",
)


# "since their operations began 19 days ago", "since the war started on March 15": the day
# a period began, within the clause of "since"
_PERIOD_BEGAN = re.compile(
    r"\bsince\b[^,;.]*\b(?:began|begun|started|start|broke out|erupted)\b[^,;.]*$",
    re.IGNORECASE,
)


# ", who was one of the leaders of the massacres in Israel on 7 October,": a clause about
# someone, set off by commas
_WHO_CLAUSE = re.compile(r",\s+(?:who|whom|whose)\b[^,;:()]*,")


def _about_someone(text: str, start: int, end: int, kinds: IncidentKinds | None) -> bool:
    """Whether the day at text[start:end] stands in a clause about someone set off by
    commas while the sentence tells a violent act outside it: "the commander of the
    battalion, who was one of the leaders of the massacres on 7 October, was killed in the
    airstrike" dates the commander's past, not the airstrike. A clause about a thing ("the
    jets, which struck on Tuesday, ...") may date the very act and is not read so."""
    for clause in _WHO_CLAUSE.finditer(text):
        if clause.start() <= start and end <= clause.end():
            rest = text[: clause.start()] + " " + text[clause.end() :]
            return kinds is not None and any(kinds.violent(k) for k in kinds.in_text(rest))
    return False


# "allegations that", "reports of", "claims that", "the allegation about": what follows is
# told as a claim
_CLAIM = re.compile(
    r"\b(?:allegations?|accusations?|reports?|claims?|suspicions?)\s+(?:that|of|about|over)\b",
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


# "days after a bombing", "a day after the attack", "two weeks after an air strike": the
# happening named next came that long before the day the sentence gives
_AFTER = re.compile(
    r"\b(?:(?P<count>a|an|one|two|three|four|five|six|several|a few|\d+)\s+)?"
    r"(?:just\s+)?(?P<unit>days?|weeks?)\s+after\s+(?:a|an|the)\b",
    re.IGNORECASE,
)
# "an airstrike the previous day", "a bombing the day before": a day before the day told
_PREVIOUS_DAY = re.compile(
    r"\b(?:the\s+previous\s+day|the\s+day\s+before|a\s+day\s+(?:earlier|before))\b(?!\s+\w+day)",
    re.IGNORECASE,
)
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _before_the_day(before: str, after: str, kinds: IncidentKinds) -> tuple[int, int] | None:
    """How many days before the sentence's day (fewest, most) its violent act was, when the
    sentence tells that act only after "days after" ("the evacuation resumed on Wednesday,
    days after a bombing killed more than 120"), or with "the previous day" after it: the
    day dates what resumed, and the bombing is an earlier happening, not one of that day.
    None when the act is told before the "after" too (the shelling of the day "came a day
    after the town fell")."""

    def violent(text: str) -> bool:
        return any(kinds.violent(k) for k in kinds.in_text(text))

    previous = _PREVIOUS_DAY.search(after)
    if previous is not None and violent(after[: previous.start()]) and not violent(before):
        return 1, 1  # "... on Friday, as the UN called for an investigation into a Saudi
        # airstrike the previous day": the strike was on Thursday
    found = _AFTER.search(after)
    if found is None:
        return None

    if violent(before + " " + after[: found.start()]) or not violent(after[found.end() :]):
        return None
    count = (found.group("count") or "").lower()
    days = 7 if found.group("unit").lower().startswith("week") else 1
    if count in _COUNTS or count.isdigit():
        n = _COUNTS.get(count) or int(count)
        return n * days, n * days
    return days, 14 * days  # "days after", "several weeks after"


# "The strike follows air raids that ...", "the attack comes days after a bombing ...": what
# follows the words is an earlier happening than the one that leads the sentence
_FOLLOWS = re.compile(
    r"\b(?:follows|followed(?!\s+by\b)"
    r"|(?:comes|came|coming)\s+(?:(?:just|only|shortly|soon|a|an|one|two|three|several|few"
    r"|hours?|days?|weeks?)\s+)*after)\b",
    re.IGNORECASE,
)


def _follows_another(sentence: Sentence, dated: Starting, kinds: IncidentKinds) -> bool:
    """Whether the sentence tells, after "follows" or "came after", a violent act with a
    day of its own, and gives neither a day nor a toll before those words ("The Mocha
    strike follows air raids that killed 23 rebels in a village on Sunday"): the day and
    the toll are another, earlier happening's, and the sentence opens that happening's
    report rather than continuing the one it names first. With the day or the toll told
    before ("The shelling on Monday came a day after the town fell"), the sentence tells
    of its own happening (see _before_the_day)."""
    found = _FOLLOWS.search(sentence.text)
    if found is None:
        return False
    at = sentence.start + found.start()
    after = sentence.text[found.end() :]
    if not any(kinds.violent(k) for k in kinds.in_text(after)):
        return False
    days = _loose_days(sentence, dated)
    if any(d.start < at for d in days) or any(f.start < at for f in sentence.figures):
        return False
    return any(d.start >= sentence.start + found.end() for d in days)


def _loose_days(sentence: Sentence, dated: Starting) -> list[DateFact]:
    """The days the sentence names (day precision, "on" a day)."""
    return [
        d for d in dated.within(sentence.start, sentence.end)
        if d.value and d.precision == "day" and d.relation == "on"
    ]  # fmt: skip


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE)


def _unanchored_weekdays(sentence: Sentence, dated: Starting) -> set[int]:
    """The weekdays the sentence sets something on that no date anchors (on a page with no
    date, "on Tuesday" has no day), less those a source spoke on ("said on Friday")."""
    found = set()
    for d in dated.within(sentence.start, sentence.end):
        named = _WEEKDAY.search(d.text)
        if d.value or named is None or d.relation != "on":
            continue
        before = sentence.text[: d.start - sentence.start]
        after = sentence.text[d.end - sentence.start :]
        if _said_on(before, after) or _REACTED_ON.search(before):
            continue
        found.add(_WEEKDAYS.index(named.group(1).lower()))
    return found


def _weekdays_meet(sentence: Sentence, group: Group, slack: int = 1) -> bool:
    """Whether some weekday the sentence names can be a day the group names, with a day's
    slack (a night strike is told on Monday and on Tuesday): "a strike on Tuesday" and "a
    raid last Thursday" are two days, whatever week they fall in."""
    return any(
        min((a - b) % 7, (b - a) % 7) <= slack for a in sentence.weekdays for b in group.weekdays
    )


def _looking_back(
    sentence: Sentence, dated: Starting, kinds: IncidentKinds, named: bool = False
) -> dict[str, tuple[int, int]]:
    """The sentence's days that date what came after its violent act, with how many days
    before them the act was (see _before_the_day): "resumed on Wednesday, days after a
    bombing". When the sentence names its happening by its place (`named`: "the Houla
    massacre"), the day a source spoke on is after it by up to NAMED_LOOKBACK_DAYS: a
    happening known by name is one told before ("an inquiry found that the army had nothing
    to do with the Houla massacre, officials said Thursday": six days after it)."""
    found = {}
    for d in _loose_days(sentence, dated):
        before = sentence.text[: d.start - sentence.start]
        after = sentence.text[d.end - sentence.start :]
        days = _before_the_day(before, after, kinds)
        if days is None and (_REACTED_ON.search(before) or _BURIED_ON.search(before)):
            days = (0, REPORTING_LAG_DAYS)  # "denied on Saturday": it came that day or before
        if days is None and _COUNTED_ON.search(before):
            days = (0, TOLL_LAG_DAYS)  # "the toll rose to 40 on Monday": the count's day
        if days is None and named and _said_on(before, after):
            days = (0, NAMED_LOOKBACK_DAYS)
        if days is not None and d.value:
            found[d.value] = days
    return found


NAMED_LOOKBACK_DAYS = 30  # how long before a source spoke a happening it names may be

# "the Houla massacre", "the Sanaa funeral hall strike": "the", a place, then within three
# words a noun of what was done there (not a verb: "the Houla residents shelled")
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_NEXT_WORDS = re.compile(r"^\s+([\w-]+)(?:\s+([\w-]+))?(?:\s+([\w-]+))?")
_MASS_KILLING = re.compile(r"^(?:massacres?|killings|slaughter)$", re.IGNORECASE)


def _names_a_happening(
    sentence: Sentence, places: Iterable[MentionFact], kinds: IncidentKinds
) -> bool:
    """Whether the sentence names a violent happening by its place ("the Houla massacre",
    "the Mosul strike"): a happening known by name, so told before the day of the text."""
    for m in places:
        before = sentence.text[: max(0, m.start - sentence.start)]
        words = _NEXT_WORDS.match(sentence.text[m.end - sentence.start :])
        if not _THE_BEFORE.search(before) or words is None:
            continue
        for word in filter(None, words.groups()):
            if _MASS_KILLING.match(word) or (
                not word.endswith("ed") and any(kinds.violent(k) for k in kinds.in_text(word))
            ):
                return True
    return False


# "The ministry on Monday said ...", "a joint investigation team on Saturday found that ...",
# "Earlier on Tuesday, Deputy Head of the Office Kyrylo Tymoshenko said ...": the day written
# before a verb of saying or finding, with at most the source's name between them; or
# before a source's new count ("Activists on Saturday raised the number of those killed in
# an alleged massacre to more than 90"): the day the count was told, not the killing's
_SAID_AFTER = re.compile(
    r"^\s*(?:,\s*(?:(?:the|of|and|al|[A-Z][\w'’.-]*)\s+){1,12})?"
    rf"(?:(?:{_SAYING}|told|found|concluded|claimed)\b"
    r"|(?:raised|revised|updated|lowered)\s+(?:the|its|their|his|her)\s+(?:[\w-]+\s+)?"
    r"(?:toll|number|count|tally|figure)\b)"
)


# "Campbell contradicted previous reports by his own Afghanistan command Monday": the day
# closes the clause of a verb of answering or telling, whose object may run some words
# (no clause break, no "that", no word of an attack between them): the day it was said
_ANSWERED_ON = re.compile(
    r"\b(?:contradict(?:s|ed)|insist(?:s|ed)|acknowledg(?:es|ed)|conced(?:es|ed)|admit(?:s|ted)"
    r"|explain(?:s|ed)|stress(?:es|ed)|warn(?:s|ed)|argu(?:es|ed)|maintain(?:s|ed)"
    r"|testifie[sd]|tweet(?:s|ed)|brief(?:s|ed)|respond(?:s|ed)|repl(?:ies|ied)|counter(?:s|ed)"
    r"|clarifie[sd]|correct(?:s|ed)|reiterat(?:es|ed)|revis(?:es|ed)|retract(?:s|ed)"
    r"|struck\s+back|hit\s+back)\b"
    r"(?P<gap>(?:\s+(?!(?:that|which|who|when|after|before|as|while)\b)[\w'’.-]+){0,8})"
    r"\s+(?:on\s+|late\s+|early\s+)?$",
    re.IGNORECASE,
)


def _answered_on(before: str, kinds: IncidentKinds | None) -> bool:
    """Whether a day written after `before` closes a clause of answering or telling (see
    _ANSWERED_ON) that names no attack of its own."""
    found = _ANSWERED_ON.search(before)
    return found is not None and not (kinds is not None and kinds.in_text(found["gap"]))


def _said_on(before: str, after: str) -> bool:
    """Whether a day written between `before` and `after` is the day a source spoke on."""
    return bool(_SAID_ON.search(before) or _SAID_AFTER.match(after))


# "the coalition denied on Saturday", "Damascus rejected Monday": the day of an answer to
# what happened, which came on that day or in the days before it
_REACTED_ON = re.compile(
    r"\b(?:denied|denies|rejected|rejects|dismissed|dismisses|refuted|refutes|acknowledged"
    r"|admitted|condemned|condemns|blamed|accused)\s*(?:on\s+)?$"
)


# "the death toll ... rose to 40 on Monday", "the toll reached 44 people Tuesday": the day a
# count was told, which came on the day of the happening or in the week or so after it
_COUNTED_ON = re.compile(
    r"\b(?:rose|risen|climbed|reached|jumped|increased|grew|stood\s+at)\s+(?:to\s+)?"
    r"(?:at\s+least\s+|more\s+than\s+|nearly\s+|almost\s+|over\s+)?[\d,]+"
    r"(?:\s+(?:people|persons|dead|deaths|killed|victims|civilians))?\s*(?:on\s+)?$",
    re.IGNORECASE,
)
TOLL_LAG_DAYS = 7


# "one of the children killed was also buried today", "the victims were laid to rest on
# Sunday": the day of a burial, which came on the day of the killing or in the days after
_BURIED_ON = re.compile(
    r"\b(?:buried|laid\s+to\s+rest|mourned|funerals?\s+(?:was|were)\s+held)\s*(?:on\s+)?$",
    re.IGNORECASE,
)


def _looked_back(back: Mapping[str, tuple[int, int]]) -> list[tuple[date, date]]:
    """The days before each such day that the happening lies in, allowing a day either way
    for how the count of days is told (up to the day itself when it can be that day)."""
    found = []
    for day, (fewest, most) in back.items():
        bounds = day_range(day)
        if bounds is not None:
            latest = 0 if fewest == 0 else max(fewest - 1, 1)
            found.append((bounds[0] - timedelta(days=most + 1),
                          bounds[0] - timedelta(days=latest)))  # fmt: skip
    return found


# -- grouping --------------------------------------------------------------------------------


def _spans(sentence: Sentence, dated: Starting) -> list[tuple[date, date]]:
    """The coarser times the sentence puts things in ("last year", "in August"); not the
    start of a period ("since the war began more than 10 months ago", see _PERIOD_BEGAN)."""
    found = []
    for d in dated.within(sentence.start, sentence.end):
        if _PERIOD_BEGAN.search(sentence.text[: d.start - sentence.start]):
            continue
        if d.value and d.precision != "day":
            bounds = day_range(d.value)
            if bounds is not None and d.relation == "on":
                if d.precision == "month":
                    bounds = _part_of_month(d.text, bounds)
                elif _WEEKS_AGO.search(d.text):
                    bounds = (bounds[0] - _HALF_WEEK, bounds[1] + _HALF_WEEK)
                found.append(bounds)
    return found


# "a week ago", "two weeks ago": a count of weeks back from the day of writing, read as
# the calendar week it falls in; writers round ("a week ago" for ten days before a
# Monday), so the week is widened by half a week on either side
_WEEKS_AGO = re.compile(r"\bweeks?\s+ago$", re.IGNORECASE)
_AGO = re.compile(r"\b(?:days?|weeks?|months?|years?)\s+ago$", re.IGNORECASE)
_HALF_WEEK = timedelta(days=3)


# "early October", "mid-March", "the end of July": a third of the month, not all of it
_EARLY_IN = re.compile(r"^(?:the\s+)?(?:early|beginning\s+of|start\s+of)\b", re.IGNORECASE)
_MID_IN = re.compile(r"^(?:the\s+)?(?:mid|middle\s+of)\b", re.IGNORECASE)
_LATE_IN = re.compile(r"^(?:the\s+)?(?:late|end\s+of)\b", re.IGNORECASE)


def _month_part(text: str) -> str | None:
    """Which third of its month a date's words name ("early October": "early"), if any."""
    for part, words in (("early", _EARLY_IN), ("mid", _MID_IN), ("late", _LATE_IN)):
        if words.match(text):
            return part
    return None


def _part_of_month(text: str, bounds: tuple[date, date]) -> tuple[date, date]:
    """The days of a month a date's words narrow it to ("early October": the 1st to the
    10th), or the whole month."""
    first, last = bounds
    part = _month_part(text)
    if part == "early":
        return first, first + timedelta(days=9)
    if part == "mid":
        return first + timedelta(days=10), first + timedelta(days=19)
    if part == "late":
        return first + timedelta(days=20), last
    return bounds


def _publication_window(article: ArticleFact) -> tuple[date, date] | None:
    """The days the article's present lies in: before publication by the reporting lag;
    for an undated article, its estimated window when both ends are known (so that "killed
    there in 1996", in a page of 2006, is the town's past, not the day of its strike)."""
    bounds = day_range(article.published)
    if bounds is None:
        window = article.window
        if window is None or not window.start or not window.end:
            return None
        return date.fromisoformat(window.start), date.fromisoformat(window.end)
    return bounds[0] - timedelta(days=REPORTING_LAG_DAYS), bounds[1]


def _fits(
    group: Group,
    sentence: Sentence,
    gazette: Gazette,
    kinds: IncidentKinds,
    now: tuple[date, date] | None,
    any_kind: bool = False,
) -> bool:
    if sentence.earlier:
        return False  # another, earlier happening: it opens its own report
    mine = kinds.most_specific(sentence.kinds)
    theirs = kinds.most_specific(group.kinds)
    if not any_kind and not kinds.compatible(mine, theirs):
        return False
    if sentence.days and group.days and not _days_meet(sentence.days, group.days):
        return False
    if _spoke_before(sentence.said_days, group.days) or _spoke_before(
        group.said_days if not group.days else (), sentence.days
    ):
        return False
    if not _times_meet(sentence, group, now):
        return False
    if sentence.weekdays and group.weekdays and not _weekdays_meet(sentence, group):
        return False
    if _tolls_apart(sentence, group):
        return False
    if sentence.places and group.places:
        mine = _finest(sentence.places, gazette, references(sentence))
        theirs = _finest(group.places, gazette, references(group))
        return places_meet(mine, theirs, gazette, in_one_text=True)
    return True


def _spoke_before(said: Iterable[str], days: Iterable[str]) -> bool:
    """Whether every day a source spoke on lies before every day of a happening: nobody
    tells of a strike before it happened, so "On April 11, NUG reported that 168 people
    were killed in the bombardment", in an article on a raid of April 20, counts another,
    earlier happening."""
    spoken, happened = sorted(said), sorted(days)
    return bool(spoken and happened) and spoken[-1] < happened[0]


# "The event occurred on July 29, 2022, at the prison ...", "The attack took place on
# Wednesday": the happening an article led with, named again to give its time and place
_RETOLD = re.compile(
    r"^(?:The|This|That)\s+(?:[\w-]+\s+)?(?:event|incident|attack|explosion|blast|strike|"
    r"bombing|shelling|massacre|tragedy|killing|assault)\s+(?:occurred|took\s+place|happened|"
    r"was\s+carried\s+out)\b"
)


def _dated_retelling(
    lead: Group, groups: Sequence[Group], gazette: Gazette, kinds: IncidentKinds
) -> Group | None:
    """The later group that dates a lead with no time of its own: of a compatible kind, at
    a place that meets the lead's, and giving a toll the lead gives ("Mariupol's council
    reported at least 300 people killed in the bombing of a theatre", then "At least 300
    people are reported to have died when a theatre ... was struck" on 16 March) or naming
    it again to tell when it was (see _RETOLD). Without it, the lead is set in the days
    before publication, weeks after the happening."""
    if lead.days or lead.said_days or lead.spans:
        return None
    tolls = _toll_values(lead)
    mine = kinds.most_specific(lead.kinds)
    for group in groups:
        if group is lead or not (group.days or group.spans):
            continue
        if not tolls & _toll_values(group) and not _RETOLD.match(group.sentences[0].text):
            continue
        if not kinds.compatible(mine, kinds.most_specific(group.kinds)):
            continue
        if (
            lead.places
            and group.places
            and not places_meet(
                _finest(lead.places, gazette),
                _finest(group.places, gazette),
                gazette,
                in_one_text=True,
            )
        ):
            continue
        return group
    return None


def _toll_values(group: Group) -> set[tuple[str, float]]:
    return {
        (f.measure or "killed", value)
        for s in group.sentences for f in s.figures
        if (value := _figure_value(f)) is not None and not _none(f)
    }  # fmt: skip


def _absorb(lead: Group, other: Group) -> None:
    """The lead takes in another group's sentences and what they say, in reading order."""
    for sentence in other.sentences:
        lead.add(sentence)
    lead.sentences.sort(key=lambda s: s.start)


def _named_again(
    sentence: Sentence,
    groups: Sequence[Group],
    lexicons: tuple[Gazette, IncidentKinds],
    now: tuple[date, date] | None,
) -> bool:
    """Whether a sentence that fits no group by its kind goes with the article's first
    happening: it names its happening only by a definite noun ("There was no claim of
    responsibility for the bombing though Ahrar al-Sham denied any involvement", after "a
    suicide car bombing tore through buses"), with no time of its own, and no place but
    the first happening's ("Kyiv blamed the Russian Armed Forces for the bombing of the
    theater in the center of Mariupol", after Azov "blew up the theater" in Mariupol; a
    place where the first happening has none is another's). "The bombing" is then the one
    already told, though the word alone would say air strikes; the first happening is the
    one an article tells of, the others are told in passing. A
    sentence with a toll is left to the happening its toll fits ("The fighting on that
    front has left at least 37 dead", after a side section on the front)."""
    return bool(
        groups
        and sentence.again
        and not (sentence.days or sentence.spans or sentence.weekdays)
        and (not sentence.places or bool(groups[0].places))
        and not sentence.figures  # a toll of its own tells of the happening it counts
        and _fits(groups[0], sentence, *lexicons, now, any_kind=True)
    )


# "up to 400 had died in the strike on the city", "were killed in the incident": a toll of
# the happening already told, named again by a definite noun
_THE_SAME = re.compile(
    r"\b(?:in|during|by|from)\s+the\s+(?:same\s+)?(?:strike|attack|incident|bombing|"
    r"shelling|raid|blast|explosion|assault|massacre)\b",
    re.IGNORECASE,
)


def _tolls_apart(sentence: Sentence, group: Group) -> bool:
    """Whether the sentence's death toll cannot be the group's: neither allows the other's
    value and one is TOLLS_APART times the other ("Six people were killed in Aleppo on
    Wednesday" ... "a massive explosion struck buses carrying evacuees, killing 126"). One
    article gives its own happening one toll, or a toll and the higher one it rose to; a
    toll many times another is another happening told in passing. Counts of one victim
    group are compared with the same group's, and as a floor of the whole toll (120 women
    and children killed is at least 120 dead); a part told as such ("six of them
    children", "one of two blasts") is no toll of its own. A toll the sentence says rose,
    or gives as the real one against another's ("the real figure was around 400"), or of
    a happening it names again by a definite noun and no coarser time of its own ("up to
    400 had died in the strike"), is of the same happening however far apart."""
    mine = _death_tolls(sentence.figures)
    if not mine or rose(sentence.text) or countered(sentence.text):
        return False
    if _THE_SAME.search(sentence.text) and not sentence.spans:
        return False  # its days, if any, already met the group's (see _fits)
    told = [f for s in group.sentences for f in s.figures]
    values = {f.value for f in told if f.value is not None}
    if any(f.value in values for f in sentence.figures):
        return False  # "killed 49 militants including seven commanders" after "kills 7"
    theirs = _death_tolls(told)
    for victims, own in mine.items():
        other = theirs.get(victims)
        if not other:
            continue
        if any(overlap(a, b) for a in own for b in other):
            return False
        low = min(min(a[0] for a in own), min(b[0] for b in other))
        high = max(max(a[0] for a in own), max(b[0] for b in other))
        if high >= TOLLS_APART_MIN and high >= TOLLS_APART * max(low, 1.0):
            return True
    return False


def _death_tolls(figures: Iterable[FigureFact]) -> dict[str, list[tuple[float, float]]]:
    """The intervals the death tolls of some figures allow, by victim group."""
    found: dict[str, list[tuple[float, float]]] = {}
    for figure in figures:
        if figure.measure != "killed" or figure.qualifier == "vague":
            continue  # "hundreds were killed" can be said of 1,300 dead
        if told_in_parts(figure) or _none(figure):
            continue
        interval = allowed(figure.value, figure.low, figure.high, figure.qualifier, figure.text)
        if interval is None:
            continue
        victims = figure.victims or "people"
        found.setdefault(victims, []).append(interval)
        if victims != "people":  # "more than 120, mostly women and children": at least
            found.setdefault("people", []).append((interval[0], math.inf))  # as many died
    return found


_NEXT_SENTENCE_GAP = 3  # characters between two sentences of one paragraph (a space, a quote)


def _passed_over(group: Group, sentence: Sentence, groups: Sequence[Group]) -> bool:
    """Whether a sentence that tells a happening looks past a later group made of tolls
    alone (no kind, place or time): "That death toll is one of the highest ... The U.N.
    says more than 9,000 people have been killed", a toll too far from the lead's to be
    its own, names no happening, so the account that goes on after it ("regime forces
    started shelling the village on Friday") goes back to the group it fits before it."""
    if group is groups[0] or _bare(sentence):
        return False
    return all(_bare(s) for s in group.sentences)


def _bare(sentence: Sentence) -> bool:
    """A sentence that gives no kind of act, place or time of its own."""
    return not (
        sentence.kinds or sentence.places or sentence.days or sentence.said_days or sentence.spans
    )


def _goes_on(sentence: Sentence, previous: Sentence | None, holder: Group) -> bool:
    """Whether a toll sentence with no place, time or kind of its own goes on from the toll
    sentence right before it in the text (the next sentence of one statement), whichever
    group that one went to (`holder`): the nearest group it fits may be another happening
    told in between."""
    return (
        previous is not None
        and sentence.start - previous.end <= _NEXT_SENTENCE_GAP
        and bool(sentence.figures and previous.figures)
        and not (sentence.places or sentence.kinds or sentence.days or sentence.spans)
        and holder.sentences[-1] is previous
    )


def _toll_at_first(sentence: Sentence, group: Group, first: Group) -> bool:
    """A toll set at a place the first group names and `group` does not (see
    _back_to_first)."""
    places = set(sentence.places)
    return bool(sentence.figures and places & set(first.places) and not places & set(group.places))


def _back_to_first(
    sentence: Sentence,
    group: Group,
    first: Group,
    now: tuple[date, date] | None,
    lexicons: tuple[Gazette, IncidentKinds],
) -> Group:
    """The group an undated sentence continues, when the nearest group it fits tells of the
    past. "Obama made chemical weapons a red line that in June triggered more aid" opens a
    group of June; "The Syrian National Coalition said 650 people died", three sentences on,
    counts the article's own attack, not June's. A sentence right after the past one still
    continues it ("In August 2013 a gas attack struck Ghouta. Hundreds died."), unless it
    gives a toll at a place the first group names and the past one does not ("... over
    another deadly incident last month. Aamaq said the strike on Boukamal killed six": the
    article's own Boukamal strike; see _toll_at_first)."""
    if sentence.days or sentence.said_days or sentence.spans or now is None:
        return group
    times = _times(group.spans, group.days)
    if not times or _overlapping(times, [now]):
        return group
    return first if _fits(first, sentence, *lexicons, now) else group


def _times_meet(sentence: Sentence, group: Group, now: tuple[date, date] | None) -> bool:
    """A sentence set "last year" or "in August" is not about a happening of this week:
    its coarser times must meet the group's days (or spans), or the days around
    publication when the group gives none."""
    mine = _times(sentence.spans, sentence.days)
    theirs = _times(group.spans, group.days)
    if not theirs and now is not None:
        theirs = [now]
        if sentence.days and not _overlapping(mine, theirs, slack=PRESENT_DAYS):
            # a group with no time of its own tells of the days the article was written:
            # "the coalition launched its campaign on March 26, 2015", closing an article
            # of 2016, is the war's background, not a day of the article's happening
            return False
    if not sentence.spans and not group.spans:
        return True  # days alone are compared in _fits
    if not mine or not theirs:
        return True
    # a part of a month ("early October") has its own width: no day of slack beyond it
    return _overlapping(mine, theirs, slack=0 if sentence.narrowed and not sentence.days else 1)


# a day the text names this long before publication is no day of the article's present
# (the extractor's events call a happening this old historical)
PRESENT_DAYS = 180
PERIOD_DAYS = 31  # a time longer than this ("this year") is a period, not a happening's day


def _a_period(sentence: Sentence) -> bool:
    """Whether the sentence tells of a period rather than one happening: no toll, no day,
    and only times longer than PERIOD_DAYS ("the group has fought in clashes this year").
    It neither continues a happening told without a time of its own (it would set that
    happening in the whole year) nor starts one."""
    if sentence.figures or sentence.days or sentence.said_days or not sentence.spans:
        return False
    return all((b - a).days > PERIOD_DAYS for a, b in sentence.spans)


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


AROUND_KM = 40.0  # "near Damascus", "outside Aleppo": anywhere this close


def places_meet(
    a: str | None, b: str | None, gazette: Gazette, around: bool = False, in_one_text: bool = False
) -> bool:
    """Two places can be the site of one happening: the same, one lies in the other, a
    district or small area within NEAR_KM of a city ("Eastern Ghouta" and "Damascus" for the
    same strike), or any place within AROUND_KM of one named as "near X" (`around`) or of
    a city named as its province is (see `for_its_region`; across reports, not between
    the sentences of one text, which names the town where it knows it). Two towns are two
    places, however close, unless one is only said to be near."""
    if not a or not b:
        return True
    if a in gazette.place_chain(b) or b in gazette.place_chain(a):
        return True
    if not in_one_text and (for_its_region(a, b, gazette) or for_its_region(b, a, gazette)):
        around = True
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


def for_its_region(city: str, other: str, gazette: Gazette) -> bool:
    """Whether `city` shares its name with the region it lies in ("Aleppo", "Aleppo
    Governorate") and `other` lies in that region too: reports file a strike on a village
    west of Aleppo as "in Aleppo", the province's name, so the city can stand for the
    country around it (within AROUND_KM)."""
    place = gazette.places.get(city)
    if place is None or place.precision != "city" or not place.parent_id:
        return False
    region = gazette.places.get(place.parent_id)
    if region is None or region.precision != "region" or not place.name:
        return False
    eponymous = region.name.lower().startswith(place.name.lower() + " ")
    return eponymous and region.id in gazette.place_chain(other)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _finest(
    place_ids: Sequence[str], gazette: Gazette, references: Collection[str] = ()
) -> str | None:
    """The most precise place named, the most named among equals (countries only when
    nothing finer is named). Among equals, a place named only as what the happening was
    near (`references`: "an air strike on Atareb, west of Aleppo") yields to one named as
    where it was."""
    if not place_ids:
        return None
    counts = Counter(place_ids)

    def rank(pid: str) -> tuple[int, bool, int, int]:
        place = gazette.places.get(pid)
        precision = _PRECISION_RANK.get(place.precision if place else "", 5)
        return precision, pid in references, -counts[pid], place_ids.index(pid)

    return min(counts, key=rank)


_AN_ATTACK_WORD = re.compile(r"\b(?:attack(?:s|ed)?|shot|shooting|assassinat\w+|murder\w*)\b", re.I)


def _told_in_title(groups: Sequence[Group], title: str, kinds: IncidentKinds) -> Group | None:
    """When the opening tells of no happening (a page that opens on background), the first
    group of the violent kind its title names leads: "Saudi-led airstrike kills 29
    children" over a body whose first strike comes five sentences in; a title that tells of
    a killing or an attack of no kind ("journalist was killed in 'targeted attack'") is led
    by the first violent group."""
    named = [k for k in kinds.in_text(title) if kinds.violent(k)]
    if not named:
        if not (_CASUALTY_WORDS.search(title) or _AN_ATTACK_WORD.search(title)):
            return None
        # "Journalist was killed in 'targeted attack'": a violent happening of no kind said
        return next((g for g in groups if any(kinds.violent(k) for k in g.kinds)), None)
    wanted = kinds.filed(kinds.most_specific(named))
    return next((g for g in groups if kinds.filed(kinds.most_specific(g.kinds)) == wanted), None)


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
    group: Group,
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
    about it (see doers.py), `doubts` those who say its doer is not known, `said` what
    named sources say of it besides (see sayings.py)."""
    first = group.sentences[0]
    events = [e for s in group.sentences for e in s.events]
    figures = sorted(
        (f for s in group.sentences for f in (*s.figures, *s.nones)), key=lambda f: f.start
    )
    place = _place_of_group(group, gazette)
    if place is None and (lead or group.days or group.said_days):
        # a dated section, or one a source's day dates, is set where the article is
        place = _setting(facts, gazette)
    around = place is not None and place in group.around
    low, high, date_from = _window(group, lead, facts.article)
    # what the report opens with says what happened; a later sentence of the group can
    # recall other acts ("... and for the regime's use of chemical weapons")
    kind = kinds.of_report(first.kinds or group.kinds, group.kinds)
    # a violent happening's doer is named by a violent act: who "sought to seize the
    # diplomatic initiative", or took a town, in the same breath did not strike
    peaceful = not kinds.violent(kind)
    doing = [
        e for e in events
        if (peaceful or kinds.violent(kinds.of_mode(e.mode) or GENERIC))
        and not _abroad(e, place, gazette)
    ]  # fmt: skip
    denied = denying_a_detail(
        deniers_of(events, facts, gazette, doubts, stances), doing, facts, gazette
    )
    return IncidentReport(
        article_id=facts.id, outlet=facts.article.outlet, chain=chain, kind=kind,
        sentence_start=first.start, sentence_end=first.end, sentence=first.text,
        day_low=low, day_high=high, date_from=date_from,
        said_day=bool(group.said_days) and not group.days, place_id=place, around=around,
        lead=lead,
        sentences=tuple((s.start, s.end) for s in group.sentences),
        event_starts=tuple(e.start for e in events),
        figure_starts=tuple(f.start for f in figures),
        figure_values=tuple(
            (f.measure or "killed", v)
            for f in figures
            if (v := _figure_value(f)) is not None and not _none(f)
        ),
        perpetrators=(
            *doers_of(group, doing, kind, kinds, facts, gazette, stances),
            *claims_answered(denied, facts),
        ),
        denied_by=denied,
        doubted_by=tuple(doubts),
        refuted_by=tuple(x.said for x in said if x.stance == NEVER),
        deliberate_by=tuple(x.said for x in said if x.stance == DELIBERATE),
        mistake_by=tuple(x.said for x in said if x.stance == MISTAKE),
        spared_by=tuple(x.said for x in said if x.stance == SPARED),
        unarmed_by=tuple(x.said for x in said if x.stance == UNARMED),
        armed_by=tuple(x.said for x in said if x.stance == ARMED),
        target_actor_ids=tuple(dict.fromkeys(
            a for e in events if e.factuality != "negated" for a in e.target_actor_ids
            if acting(a, e, facts, gazette)
        )),
        published=facts.article.published,
        terms=terms_of([s.text for s in group.sentences]
                       + ([facts.article.title] if lead and facts.article.title else [])),
    )  # fmt: skip


def _place_of_group(group: Group, gazette: Gazette) -> str | None:
    """Where the group's opening sentence (the first to name a place finer than a
    country) sets its happening; a later sentence's place only narrows it, lying within
    it ("clashes in Aleppo province ... the market in Atareb"); no place named
    only as what it was near is narrowed: "clashes near Damascus", then "reinforcements
    headed for Qabun" in passing, are still near Damascus."""
    head: list[str] = []
    later: list[str] = []
    for sentence in group.sentences:
        (later if any(not is_country(p, gazette) for p in head) else head).extend(sentence.places)
    place = _finest(head, gazette, references(group))
    if place is None or is_country(place, gazette):
        return _finest(group.places, gazette, references(group))
    if place in references(group):
        return place
    narrower = [p for p in later if p != place and place in gazette.place_chain(p)]
    return _finest(narrower, gazette, references(group)) or place


def _abroad(event: EventFact, place: str | None, gazette: Gazette) -> bool:
    """An act its own clause sets in another country than the report's place ("the
    coalition has reduced its attacks on IS positions in Iraq", in a report of a strike in
    Deir ez-Zor): another deed, whose doer is not this one's."""
    if event.place_from != "clause" or not event.place_id or not place:
        return False
    theirs, ours = _country(event.place_id, gazette), _country(place, gazette)
    return bool(theirs and ours and theirs != ours)


def _figure_value(figure: FigureFact) -> float | None:
    if figure.value is not None:
        return figure.value
    if figure.low is not None and figure.high is None:
        return figure.low
    return None


def _window(
    group: Group, lead: bool, article: ArticleFact
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
    if article.window is not None and article.window.end:
        # an undated article's passing mention: some time before its estimated window ends,
        # as a dated article's is some time before it was published
        return None, article.window.end, "estimate"
    return None, None, None


# "Moscow Says Zelensky, US Bear All Responsibility ...", "Kyiv denies ...": a capital (or
# any place) as the subject of a verb of saying is its government speaking, not a setting
_SPEAKING_VERB = (
    r"(?:says?|said|denies|denied|accuses|accused|blames|blamed|warns|warned|rejects|rejected|"
    r"condemns|condemned|claims|claimed|urges|urged|vows|vowed|insists|insisted|calls)"
)


def _speaks_in(name: str, text: str) -> bool:
    """Whether `name` stands in `text` as the subject of a verb of saying."""
    return re.search(rf"\b{re.escape(name)}\s+{_SPEAKING_VERB}\b", text, re.IGNORECASE) is not None


def _setting(facts: ArticleFacts, gazette: Gazette) -> str | None:
    """Where the article is set: the finest place its title names (not one that speaks there:
    "Moscow Says ..."), else the finest place named in its opening."""
    home = home_country(facts, gazette)
    title = facts.article.title or ""
    named = [
        p for p in gazette.places_named_in(title)
        if (not is_country(p, gazette) or _country(p, gazette) == home)
        and not _speaks_in(gazette.places[p].name, title)
    ]  # fmt: skip  # "... following a US bombing" names a side, not where it was
    if not named:
        opening = _opening_end(facts)
        named = [m.place_id for m in place_mentions(facts.mentions)
                 if m.start < opening and _on_earth(m.place_id, gazette)
                 and not _spoken_at(m, facts.body) and not _backed(m, facts.body)
                 and not _seat_of(m, facts.body)
                 and (not is_country(m.place_id, gazette) or _a_place(m, facts.body))]  # fmt: skip
    at_home = [p for p in named if _country(p, gazette) == home]
    return _finest(at_home or named, gazette)  # "France says ... Syria attack": Syria
