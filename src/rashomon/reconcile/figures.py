"""Aligned figures: the numbers different sources give for one quantity, side by side.

A quantity is either an incident's toll (same incident, same measure, same victim group:
"killed, civilians") or a count outside incidents (same measure, victims, actor, place and
day: "fighters of Jabhat Fateh al-Sham in Aleppo"). Killed and injured, children and
everyone, one strike and a running total are different quantities, so they are never
compared. Proposed and hypothetical numbers ("a plan for 200 fighters to leave") are not
claims about the world and stay out.

Claims are grouped by claimant first (a named source, else the outlet's own voice): one
source's several wordings ("some 900", "no more than 900") are one position, the values all
of them allow; a source that changes its figure is updating itself, never disputing itself.
Claimants whose positions cannot meet are in dispute, unless every later position is dated
after every earlier one and higher: then the toll rose, and the figure is an update.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache, partial

from rashomon.facts import (
    AlignedFigure,
    ArticleFact,
    Clash,
    FigureClaim,
    FigureFact,
    Gazette,
    Incident,
    IncidentReport,
    day_range,
)
from rashomon.reconcile.intervals import agree, allowed, meet, overlap
from rashomon.reconcile.kinship import ActorRelations, name_key

_NOT_CLAIMS = frozenset({"proposed", "hypothetical"})
_PEOPLE_MEASURES = frozenset(
    {"killed", "injured", "killed_or_injured", "missing", "displaced", "detained", "fighters",
     "besieged"}
)  # fmt: skip
_TOLLS = frozenset({"killed", "injured", "killed_or_injured", "missing"})
_COUNTS = _PEOPLE_MEASURES - _TOLLS  # people counted who are no casualties
_INJURED = re.compile(r"\b(?:wounded|injured|injuring|injuries|hurt)\b", re.I)
_KILLED = re.compile(r"\b(?:killed|killing|kills|dead|deaths?|died|lives|toll)\b", re.I)
_VICTIMS = {
    "civilian": "civilians", "child": "children", "children": "children", "kid": "children",
    "woman": "women", "women": "women", "soldier": "soldiers", "troop": "soldiers",
    "fighter": "fighters", "rebel": "fighters", "militant": "fighters", "jihadist": "fighters",
    "insurgent": "fighters", "gunman": "fighters", "gunmen": "fighters", "terrorist": "fighters",
    "combatant": "fighters", "person": "people", "people": "people", "resident": "people",
}  # fmt: skip


def measure_of(figure: FigureFact) -> str | None:
    """What the figure counts: the extractor's measure (a count of fighters that is no
    casualty count is "fighters"), else a reading of its sentence."""
    if figure.measure == "other" and victims_of(figure) == "fighters":
        return "fighters"
    if figure.measure:
        return figure.measure
    if figure.unit or not figure.what:
        return None
    victims = victims_of(figure)
    if _INJURED.search(figure.sentence) and not _KILLED.search(figure.sentence):
        return "injured"
    if _KILLED.search(figure.sentence) and victims:
        return "killed"
    return "fighters" if victims == "fighters" else "other"


# what a count's wording may end with after the word for what it counts: "people killed",
# "civilians dead", "Alawites kidnapped"
_PARTICIPLE = re.compile(r"[a-z]+(?:ed|en)|dead|alive|missing|hurt")


def victims_of(figure: FigureFact) -> str | None:
    """The victim group: civilians, children, women, soldiers, fighters, people. Read from
    the word that names what is counted, never from a word qualifying it: "nine terrorist
    strongpoints" counts no fighters."""
    if figure.victims:
        return figure.victims
    words = re.findall(r"[a-z]+", (figure.what or "").lower())
    head = next((w for w in reversed(words) if w in _VICTIMS or not _PARTICIPLE.fullmatch(w)), None)
    if head is None:
        return None
    singular = head[:-1] if head.endswith("s") and not head.endswith("ss") else head
    return _VICTIMS.get(head) or _VICTIMS.get(singular)


def claimant_key(figure: FigureFact, outlet: str | None) -> str:
    """Who stands behind a figure: the named claimant, else the outlet's own voice."""
    if figure.claimant_actor_id:
        return figure.claimant_actor_id
    if figure.claimant:
        return re.sub(r"\W+", " ", figure.claimant.lower()).strip()
    return f"outlet:{(outlet or '').lower()}"


# "the civil defence, the Observatory and medics": the members of a joint claimant, as the
# extractor writes it (names joined by commas and a last "and")
_JOINT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def claimant_members(figure: FigureFact) -> tuple[str, ...]:
    """The sources of a figure told by several together ("Both the civil defence and the
    Observatory reported 35": the claimant "civil defence and Observatory"), each as the
    text names it; () for a figure with one claimant or none."""
    if not figure.claimant or " and " not in figure.claimant:
        return ()
    parts = [p for p in _JOINT.split(figure.claimant.strip()) if p]
    return tuple(parts) if len(parts) > 1 else ()


def _source_keys(
    figure: FigureFact, outlet: str | None, relations: ActorRelations | None
) -> set[str]:
    """Every key a figure's source goes by: its claimant key, its claimant's text, and for
    a joint claimant each member's text and the actor a member's name is, where known."""
    keys = {claimant_key(figure, outlet)}
    for text in (figure.claimant or "", *claimant_members(figure)):
        norm = name_key(text)
        if norm:
            keys.add(norm)
            actor = relations.named(norm) if relations is not None else None
            if actor is not None:
                keys.add(actor)
    return keys


def _joint_source(
    a: FigureFact,
    b: FigureFact,
    articles: Mapping[str, ArticleFact],
    relations: ActorRelations | None = None,
) -> bool:
    """A source of a joint claim is the other claim's source (or one of its sources): SOHR's
    22 and "the civil defence and SOHR"'s 35 are SOHR's count twice."""
    if not (claimant_members(a) or claimant_members(b)) or not (a.claimant and b.claimant):
        return False
    first = _source_keys(a, _outlet(a, articles), relations)
    return bool(first & _source_keys(b, _outlet(b, articles), relations))


def claim_day(figure: FigureFact, article: ArticleFact | None) -> str | None:
    """The day a claim speaks for: its own day-precise date, else its publication day."""
    if figure.time and len(figure.time) == 10 and day_range(figure.time):
        return figure.time
    return article.published if article and article.published else None


# "150 bodies were counted in Hammouriya, 100 in Kfar Batna, 67 in Saqba": counts by place,
# each a part of the toll however the parse places them
_BREAKDOWN = re.compile(r"\b\d[\d,]*(?:\s+[a-z]+){0,3}\s+(?:in|at)\s+(?:the\s+)?[A-Z]")
_PARTS = 3
# "strikes across rebel-held Idlib province killed 19", "throughout the country": a toll
# over a region, of which one strike's is a part
# "across the country", "nationwide", "in different regions": a count over many places
_WIDE = re.compile(
    r"\b(?:across|throughout|all over|nationwide|countrywide)\b"
    r"|\bin\s+(?:different|various|several|multiple|many)\s+(?:regions|cities|towns|villages|"
    r"provinces|parts|areas|districts|places|locations)\b",
    re.IGNORECASE,
)
# "has left more than 50 combatants dead in 24 hours", "killed 40 over the past two days": a
# count over a span of hours or days, of which one happening's toll is a part
_OVER_SPAN = re.compile(
    r"^[^.;]{0,60}?\b(?:in|over|within|during)\s+(?:the\s+)?(?:past\s+|last\s+|previous\s+)?"
    r"(?:\d+|two|three|four|five|six|seven|ten|several|24|48|72)\s+(?:hours|days)\b",
    re.IGNORECASE,
)


# "strikes on Maarat al-Numan and on the nearby town of Kafranbel killed 44", "in the towns
# of Douma and Harasta", "in Douma and Harasta": a toll over two or more places named
# together, of which one place's toll is a part
_NAME = r"[A-Z][\w'’]*(?:[\s-]+(?:(?:al|el|ash|as|ad|ar|an|de)[\s-]+)?[A-Z][\w'’]*)*"
_PLACES_TOGETHER = re.compile(
    rf"\b(?:in|on|at|near)\s+(?:the\s+)?(?:[a-z]+\s+){{0,3}}?(?:of\s+)?{_NAME}"
    rf"\s*,?\s+and\s+(?:in|on|at|near)\s+(?:the\s+)?(?:[a-z]+\s+){{0,3}}?(?:of\s+)?[A-Z]"
    rf"|\b(?:the\s+)?(?:(?!from\b|between\b)[a-z-]+\s+){{0,2}}(?:towns|villages|cities|districts|neighbou?rhoods|"
    rf"areas|provinces|regions)\s+of\s+{_NAME}(?:\s*,\s*{_NAME})*\s*,?\s+and\s+[A-Z]"
    rf"|\bin\s+{_NAME}\s+and\s+{_NAME}\b(?!\s+(?:said|says|told|reported))",
)
# the preposition after a name ("Islamic State in Iraq and Syria") is the name's, and after
# speaking ("speaking in Arabic and German") a language's; places people came from
# ("evacuees from the towns of Foua and Kefraya") or a spot between two ("an area between
# the towns of Hammuriyah and Saqba") are no places of the toll
_NOT_THEIRS = re.compile(
    r"(?:[A-Z][\w'’-]*|\b(?:from|between)(?:\s+\S+){0,2}"
    r"|\b(?:speak\w*|spoke|talk\w*|writ\w*|chant\w*|shout\w*))\s*$"
)


@lru_cache(maxsize=4096)
def _places_together(sentence: str) -> bool:
    """Whether a sentence tells of two or more places together (see _PLACES_TOGETHER).
    Asked once per figure of the sentence and again each time report grouping weighs the
    sentence's tolls: a long "sentence" (text without full stops) with many counts would
    be searched over and over; it is searched once."""
    return any(
        _NOT_THEIRS.search(sentence[max(0, m.start() - 30) : m.start()]) is None
        for m in _PLACES_TOGETHER.finditer(sentence)
    )


# "a further nine people were killed in strikes on other areas", "five more bodies": a
# count added to another, not a toll of its own
_FURTHER = re.compile(r"\b(?:a further|another|additional)\s+$", re.IGNORECASE)
_MORE = re.compile(r"^\s+more\b", re.IGNORECASE)
# "killed three civilians including one child", "at least 17 ..., among them 13 police
# officers": a count of some of those another count of the sentence holds; so is a later
# count of the same list ("the dead included three children and two doctors")
_AMONG = re.compile(
    r"\b(?:including|includ(?:es|ed)|among them|among whom|of whom|of them)\s+[\"“']?"
    r"(?:[^,.;:]{1,40}?(?:,\s*|\s+and\s+)){0,3}$",
    re.IGNORECASE,
)
_AMONG_REACH = 60  # characters read before a count for the word that makes it a part
# "27 people were killed but 12 of them have not been identified", "four of the injured
# were in serious condition": some of a count, named by what is said of them, not a toll
_OF_THEM = re.compile(
    r"^\s+(?:of\s+(?:them|those|whom|the\s+(?:dead|victims|killed|bodies|injured|wounded|"
    r"hurt|casualties))|among\s+(?:them|the\s+(?:dead|injured|wounded)))\b",
    re.IGNORECASE,
)
# "Sixty-three Canadians were among those killed": people named by who they were, as some of
# the dead (a victim group of its own, "four children were among the dead", is counted
# apart already, and rises as a count of that group)
_WERE_AMONG = re.compile(
    r"^\s+(?:[\w'’-]+\s+){0,3}?(?:were|are|was|is)\s+(?:also\s+)?among\s+(?:the|those)\b",
    re.IGNORECASE,
)

# "Of the 105 civilians who died, 101 died in the building": a count after a clause that
# opens the sentence on a whole it is some of
_OF_THE_WHOLE = re.compile(
    r"^\W*(?:of|among)\s+(?:the|those|these)\s+[^,;]{0,80}\d[^,;]{0,60},\s*[^,;]{0,30}$",
    re.IGNORECASE,
)


# "a chlorine bomb hit the hospital, killing six, and a second attack hit a building": a
# sentence that tells of two attacks gives the toll of one of them
_ONE_OF_TWO = re.compile(
    r"\b(?:(?:a|the)\s+(?:second|third|separate|later|earlier)|another)\s+(?:\w+\s+)?"
    r"(?:attacks?|strikes?|air ?strikes?|raids?|bombings?|blasts?|explosions?|shelling)\b",
    re.IGNORECASE,
)


def _part_of_more(figure: FigureFact) -> bool:
    """A toll its sentence sets as an addition to another ("a further nine", "five more")
    or as a part by the sentence's own words (see `_part_by_its_sentence`)."""
    return _added(figure) or _part_by_its_sentence(figure)


def _part_by_its_sentence(figure: FigureFact) -> bool:
    """A toll its sentence sets in a list of counts by place, over a whole region, over two
    or more places named together, or over a span of hours or days, as some of another
    ("12 of them"), or as one of two attacks it tells of."""
    if _ONE_OF_TWO.search(figure.sentence):
        return True
    at = figure.start - figure.sentence_start
    after = figure.sentence[at + len(figure.text) :]
    if _OF_THEM.match(after):
        return True
    if _WERE_AMONG.match(after) and (victims_of(figure) or "people") == "people":
        return True
    if _OF_THE_WHOLE.match(figure.sentence[:at]):
        return True
    if _OVER_SPAN.match(after):
        return True
    return bool(
        _BREAKDOWN.findall(figure.sentence)[_PARTS - 1 :]
        or _WIDE.search(figure.sentence)
        or _places_together(figure.sentence)
    )


def _added(figure: FigureFact) -> bool:
    """A count told as more than another ("a further nine", "five more bodies", "another
    34")."""
    at = figure.start - figure.sentence_start
    return bool(
        _FURTHER.search(figure.sentence[max(0, at - 20) : at])
        or _MORE.match(figure.sentence[at + len(figure.text) : at + len(figure.text) + 8])
    )


def _besides_another_measure(figure: FigureFact, others: Sequence[FigureFact]) -> bool:
    """A count "more" than the count right before it of another measure: "The impact
    killed 23 people. 28 more people were wounded", "seven were killed, and another 34
    were wounded": the wounded besides the dead, the whole of its own measure, no addition
    to an earlier count of it."""
    before = [
        o for o in others
        if o.start < figure.start and figure.sentence_start - o.sentence_end <= 2
    ]  # fmt: skip
    if not before:
        return False
    nearest = max(before, key=lambda o: o.start)
    return measure_of(nearest) not in (None, measure_of(figure))


def _part_in(figure: FigureFact, others: Sequence[FigureFact]) -> bool:
    """`_part_of_more`, knowing the article's other counts: a count "more" than one of
    another measure is none."""
    if _part_by_its_sentence(figure):
        return True
    return _added(figure) and not _besides_another_measure(figure, others)


def _goes_on_from_a_part(
    figure: FigureFact, others: Sequence[FigureFact], places: Sequence[str | None]
) -> bool:
    """A count that names nothing it counts ("The media centre said four were killed")
    counts what the sentence before it did: when that sentence gave a part (a toll placed
    elsewhere, "another three people"), this is another source's count of that part."""
    if _NAMED.sub("", (figure.what or "").lower()).strip(" ,-"):
        return False
    before = [
        o for o in others
        if o.sentence_end <= figure.sentence_start
        and figure.sentence_start - o.sentence_end <= 2
        and measure_of(o) == measure_of(figure)
    ]  # fmt: skip
    return any(o.place_id not in places or _part_of_more(o) for o in before)


# the measure's own words: what is left of a figure's "what" names the counted
_NAMED = re.compile(f"{_KILLED.pattern}|{_INJURED.pattern}", re.IGNORECASE)


def _among(figure: FigureFact) -> bool:
    """A count of some of those another count of its sentence holds ("killed three
    civilians including one child"): the first count of its group its claimant gives, but
    a part, not a toll to set against another source's."""
    at = figure.start - figure.sentence_start
    return _AMONG.search(figure.sentence[max(0, at - _AMONG_REACH) : at]) is not None


# "19 civilians and four people still to be identified", "12 soldiers, and three others":
# a count joined to another count as one list, with no word of the measure between them,
# which would make them two clauses ("killed 19 people and wounded four")
_NUMBER = (
    r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred)"
)
_JOINED_BEFORE = re.compile(
    rf"\b{_NUMBER}\b(?:[\s-]+[\w'-]+){{0,4}}?\s*,?\s+(?:and|as well as|plus)\s+$", re.IGNORECASE
)
_JOINED_AFTER = re.compile(
    rf"^(?:\s+[\w'-]+){{0,4}}?\s*,?\s+(?:and|as well as|plus)\s+(?:at least\s+|some\s+)?"
    rf"{_NUMBER}\b",
    re.IGNORECASE,
)


# "the ministry denied reports that it was responsible for an air strike that killed 23
# people": the count is the denied reports', not the denier's
_DENIED_REPORTS = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|dismiss(?:es|ed|ing)?|reject(?:s|ed|ing)?|refut(?:es|ed|ing))\s+"
    r"(?:the\s+|these\s+|those\s+|media\s+|western\s+)*(?:reports?|claims?|allegations?|"
    r"accusations?)\b[^.;]*$",
    re.IGNORECASE,
)


def _in_what_is_denied(figure: FigureFact) -> bool:
    """A count inside the reports its sentence's speaker denies: the reports' count, which
    the parse gave the denier; no headline of the denier's to set against another's."""
    at = figure.start - figure.sentence_start
    return _DENIED_REPORTS.search(figure.sentence[:at]) is not None


_OWN_WORD_REACH = 30  # characters after a count where the word of what befell it stands


def listed_with_another(figure: FigureFact) -> bool:
    """A count of people listed together with another count ("19 civilians and four people
    still to be identified were killed"): the two are parts of one whole, and the one that
    names no group of its own is no toll of everyone to set against another source's, nor
    does it back one. A count of a group ("19 civilians") stays its group's."""
    if (victims_of(figure) or "people") != "people":
        return False
    at = figure.start - figure.sentence_start
    before = figure.sentence[max(0, at - 60) : at]
    after = figure.sentence[at + len(figure.text) : at + len(figure.text) + 60]
    first = _JOINED_BEFORE.search(before)
    joined = first or _JOINED_AFTER.match(after)
    if joined is None:
        return False
    if not _NAMED.search(joined.group(0)):
        return True
    # "12 people died in shelling and 106 were killed when thugs stormed the area": each
    # count with its own word of killing, neither of wounding, is a part of the dead
    second_own = (
        after[:_OWN_WORD_REACH] if first else after[joined.end() : joined.end() + _OWN_WORD_REACH]
    )
    return all(
        _KILLED.search(text) and not _INJURED.search(text) for text in (joined.group(0), second_own)
    )


def _parts_summed(
    told: Sequence[FigureFact], listed: Collection[int], articles: Mapping[str, ArticleFact]
) -> tuple[list[FigureFact], list[FigureFact]]:
    """A report's figures with each list of parts one claimant gives in one sentence ("12
    people died in shelling and 106 were killed when ...", see `listed_with_another`)
    replaced by their sum as a floor of the whole ("at least 12 + 106"), told where the
    first part is; and the sums. The parts are no toll of the whole; their sum is the least
    the claimant says died. `listed`: the starts of the article's listed parts."""
    lists: dict[tuple[int, str, str, str], list[FigureFact]] = defaultdict(list)
    for figure in told:
        if figure.start in listed:
            outlet = _outlet(figure, articles)
            key = (figure.sentence_start, measure_of(figure) or "", victims_of(figure) or "",
                   claimant_key(figure, outlet))  # fmt: skip
            lists[key].append(figure)
    sums: dict[int, FigureFact] = {}  # the first part's start -> the sum told there
    gone: set[int] = set()
    for parts in lists.values():
        lows = [_interval(p)[0] for p in parts]
        if len(parts) < 2 or any(low <= 0 for low in lows):
            continue
        first = min(parts, key=lambda p: p.start)
        total = float(sum(lows))
        sums[first.start] = replace(
            first, text=" + ".join(p.text for p in sorted(parts, key=lambda p: p.start)),
            value=total, low=total, high=None, qualifier="at_least",
        )  # fmt: skip
        gone |= {p.start for p in parts}
    if not sums:
        return list(told), []
    kept = [sums.get(f.start, f) for f in told if f.start not in gone or f.start in sums]
    return kept, list(sums.values())


def _a_part_told_again(
    figure: FigureFact, others: Sequence[FigureFact], listed: Collection[int]
) -> bool:
    """A count its article gives elsewhere as one of a list of parts ("12 people died in
    shelling and 106 were killed when ...", then "Twelve people were killed in the
    shelling, said the activist"): the same part told again, no toll of the whole.
    `listed`: the starts of the article's listed parts."""
    return any(
        o.start != figure.start and o.start in listed and o.value == figure.value
        and measure_of(o) == measure_of(figure)
        for o in others
    )  # fmt: skip


def _whole_told_elsewhere(figure: FigureFact, others: Sequence[FigureFact]) -> bool:
    """A part whose sentence gives no count of the whole ("the toll includes 10 patients,
    13 staff and seven bodies"; the toll is another sentence's): no headline of its own,
    neither a rival toll nor a step of the toll's rise."""
    if not _among(figure):
        return False
    return all(
        _among(o) for o in others
        if o.sentence_start == figure.sentence_start and measure_of(o) == measure_of(figure)
    )  # fmt: skip


def report_figure_starts(report: IncidentReport, figures: Iterable[FigureFact]) -> tuple[int, ...]:
    """The figures a report gives: its tolls, and the other counts of people its own
    sentences give of the happening ("two suicide bombers attacked the police station",
    "three of its fighters carried out the attack"): who took part is a count of the
    incident as much as who died, and sources disagree on it as they do on tolls."""
    spans = set(report.sentences or ((report.sentence_start, report.sentence_end),))
    told = {
        f.start for f in figures
        if f.article_id == report.article_id and (f.sentence_start, f.sentence_end) in spans
        and f.scope == "incident" and (measure_of(f) or "") in _COUNTS
    }  # fmt: skip
    return tuple(sorted(set(report.figure_starts) | told))


def incident_figures(
    incident: Incident,
    figures: Mapping[tuple[str, int], FigureFact],
    articles: Mapping[str, ArticleFact],
    relations: ActorRelations | None = None,
) -> list[AlignedFigure]:
    """The incident's tolls, one aligned figure per measure and victim group.

    Every toll its reports give is shown; only each source's headline can clash: in each
    report, the first toll a claimant gives for the measure and victims, unless the figure
    is placed somewhere the report does not put the happening (a part: "150 bodies were
    counted in Hammouriya", against the toll of the whole attack; or one of a list of counts
    by place). Only the headlines of reports an article leads with can be disputed: a toll
    in a passing mention is as often of another strike as of this one (FA-KES tuning half:
    5 of 5 such disputes were wrong); it can still show a toll rising."""
    groups: dict[tuple[str, str], list[FigureFact]] = defaultdict(list)
    headline: set[tuple[str, int]] = set()
    leading: set[tuple[str, int]] = set()
    of_article: dict[str, list[FigureFact]] = defaultdict(list)
    for fact in figures.values():
        of_article[fact.article_id].append(fact)
    listed: dict[str, set[int]] = {}  # article -> starts of its listed parts, read once
    for report in incident.reports:
        aid = report.article_id
        if aid not in listed:
            listed[aid] = {f.start for f in of_article[aid] if listed_with_another(f)}
        firsts: dict[tuple[str, str, str], FigureFact] = {}
        told = [figures.get((aid, s)) for s in report_figure_starts(report, of_article[aid])]
        told, sums = _parts_summed(
            [f for f in told if f is not None and _usable(f)], listed[aid], articles
        )
        for figure in told:
            measure = measure_of(figure)
            if measure in _PEOPLE_MEASURES:
                key = (measure, victims_of(figure) or "people")
                groups[key].append(figure)
                outlet = (
                    articles[figure.article_id].outlet if figure.article_id in articles else None
                )
                places = (None, report.place_id, incident.place_id)
                if (
                    figure.place_id in places
                    and figure.scope == "incident"
                    and not _part_in(figure, of_article[figure.article_id])
                    and (figure in sums or figure.start not in listed[aid])
                    and not _a_part_told_again(figure, of_article[aid], listed[aid])
                    and not _in_what_is_denied(figure)
                    and not _whole_told_elsewhere(figure, of_article[figure.article_id])
                    and not _goes_on_from_a_part(figure, of_article[figure.article_id], places)
                ):
                    firsts.setdefault((*key, claimant_key(figure, outlet)), figure)
        headline |= {(f.article_id, f.start) for f in firsts.values()}
        if report.lead:
            leading |= {(f.article_id, f.start) for f in firsts.values() if not _among(f)}
    found = []
    for (measure, victims), claims in sorted(groups.items()):
        key = f"{incident.id}|{measure}|{victims}"
        subject = measure if measure == victims else f"{measure.replace('_', ' ')} ({victims})"
        align = partial(_align, key, subject, measure, victims, "incident", claims, articles,
                        incident_id=incident.id, place_id=incident.place_id,
                        disputable=headline, relations=relations, leading=leading)  # fmt: skip
        aligned = align()
        floors = _parts_as_floors(measure, victims, groups)
        widened = align(floors=floors) if floors else None
        disputed = _floors_clashing(widened, floors) if widened is not None else []
        if disputed:  # only the floors that clash are shown beside the whole's claims
            aligned = align(floors=disputed)
        if aligned is not None and measure in _COUNTS:
            aligned = _never_risen(aligned)
        found.append(aligned)
    return [f for f in found if f is not None]


def _never_risen(figure: AlignedFigure) -> AlignedFigure:
    """A count of who took part in one happening ("two suicide bombers") does not rise as
    days pass the way a toll does: its clashes are disputes or nothing, never updates."""
    clashes = tuple(c for c in figure.clashes if c.kind == "dispute")
    return replace(figure, clashes=clashes, status="dispute" if clashes else "agreed")


def _parts_as_floors(
    measure: str, victims: str, groups: Mapping[tuple[str, str], Sequence[FigureFact]]
) -> list[FigureFact]:
    """A toll of some of the victims ("25 fighters killed", "13 civilians") is a floor of
    the toll of everyone ("killed (people)"): at least that many people died. So "15
    killed" from one source and "25 fighters killed" from another cannot both hold, though
    they count different groups; a count of everyone above a part's never clashes with it.
    So is a toll of the dead a floor of the casualties (the dead and the wounded) of the
    same victims: "under 100 casualties" from one side cannot hold beside "210 killed"
    from another, whichever of the two readings of "casualties" the first meant."""
    if measure not in _TOLLS:
        return []
    found = []
    for (other_measure, part), claims in sorted(groups.items()):
        if not _part_of(measure, victims, other_measure, part):
            continue
        for claim in claims:
            if claim.about_actor_id and claim.claimant_kind != "monitor":
                continue  # a party's losses ("30 Daesh militants wounded" by the army) are
                # as often another fight's as this happening's victims; a monitor's count
                # of a party's dead ("25 Nusra members killed in a mosque blast", the
                # Observatory said) is the happening's toll
            low = _interval(claim)[0]
            if low <= 0:
                continue  # a ceiling ("up to 24 civilians") sets no floor for everyone
            group = part if other_measure == measure else other_measure.replace("_", " ")
            found.append(replace(claim, text=_with_group(claim.text, group), value=low,
                                 low=low, high=None, qualifier="at_least"))  # fmt: skip
    return found


def _part_of(measure: str, victims: str, other_measure: str, other_victims: str) -> bool:
    """Whether a toll (`other_measure` of `other_victims`) counts some of those another
    (`measure` of `victims`) counts: a group's dead among everyone's dead, or the dead
    among the casualties of the same victims (or of everyone)."""
    if other_measure == measure:
        return victims == "people" and other_victims != "people"
    return (
        measure == "killed_or_injured"
        and other_measure == "killed"
        and victims in ("people", other_victims)
    )


def _with_group(text: str, group: str) -> str:
    """ "25 fighters": a part's figure, named with the group it counts."""
    return text if group[:-1].lower() in text.lower() else f"{text} ({group})"


def _floors_clashing(figure: AlignedFigure, floors: Sequence[FigureFact]) -> list[FigureFact]:
    """The floors taken from parts' tolls that are a side of a dispute of the whole's, or a
    step of its rise (see `_part_outgrown`)."""
    clashing = {
        (figure.claims[i].figure.article_id, figure.claims[i].figure.start)
        for c in figure.clashes for i in (c.first, c.second)
    }  # fmt: skip
    return [f for f in floors if (f.article_id, f.start) in clashing]


def quantity_figures(
    figures: Iterable[FigureFact],
    articles: Mapping[str, ArticleFact],
    gazette: Gazette,
    skip: set[tuple[str, int]] = frozenset(),  # type: ignore[assignment]
    relations: ActorRelations | None = None,
) -> list[AlignedFigure]:
    """Counts outside incidents (fighters, the besieged, running and overall tolls): one
    aligned figure per measure, victims, actor, place and day. A claim that names no place
    joins the place most claims of its quantity name. A toll of one happening that no
    incident holds is no count to set against others: nothing says two such tolls are of
    the same happening."""
    groups: dict[tuple[str, str, str], list[FigureFact]] = defaultdict(list)
    for figure in figures:
        if (figure.article_id, figure.start) in skip or not _usable(figure):
            continue
        measure = measure_of(figure)
        if measure not in _PEOPLE_MEASURES or (measure in _TOLLS and figure.scope == "incident"):
            continue
        victims = victims_of(figure) or "people"
        if victims == "people" and not figure.about_actor_id and not figure.place_id:
            continue  # "40 people" with no actor and no place could be anyone anywhere
        groups[(measure, victims, figure.about_actor_id or "")].append(figure)
    found = []
    for (measure, victims, actor), claims in sorted(groups.items()):
        for place, dated in _by_place_and_day(claims, articles).items():
            subject = _subject(measure, dated, actor, place[0], gazette)
            key = f"{measure}|{victims}|{actor}|{place[0] or ''}|{place[1] or ''}"
            figure = _align(key, subject, measure, victims, _scope(dated), dated, articles,
                            place_id=place[0], relations=relations)  # fmt: skip
            if figure is not None:
                found.append(figure)
    return found


def _usable(figure: FigureFact) -> bool:
    """A claim that can be held against another: asserted, a count, and a number ("dozens",
    "hundreds" say too little to contradict anything)."""
    if figure.status in _NOT_CLAIMS or figure.unit or figure.qualifier == "vague":
        return False
    return allowed(figure.value, figure.low, figure.high, figure.qualifier) is not None


def _scope(claims: Sequence[FigureFact]) -> str:
    scopes = {c.scope for c in claims}
    return (
        "cumulative" if "cumulative" in scopes else scopes.pop() if len(scopes) == 1 else "overall"
    )


def _by_place_and_day(
    claims: Sequence[FigureFact], articles: Mapping[str, ArticleFact]
) -> dict[tuple[str | None, str | None], list[FigureFact]]:
    """Claims split by place, then by the day they speak for (a count in October and one in
    December are two figures); unplaced claims join the most named place."""
    by_place: dict[str | None, list[FigureFact]] = defaultdict(list)
    unplaced = []
    for claim in claims:
        (by_place[claim.place_id] if claim.place_id else unplaced).append(claim)
    if by_place:
        biggest = max(by_place, key=lambda p: (len(by_place[p]), p or ""))
        by_place[biggest] += unplaced
    else:
        by_place[None] = unplaced
    found: dict[tuple[str | None, str | None], list[FigureFact]] = {}
    for place, members in by_place.items():
        stated = {c.time for c in members if c.time and day_range(c.time)}
        for time in sorted(stated) or [None]:
            found[(place, time)] = [c for c in members if c.time == time or not c.time]
    return found


def _subject(
    measure: str, claims: Sequence[FigureFact], actor: str, place: str | None, gazette: Gazette
) -> str:
    """ "rebels in Aleppo", "Nusra fighters (Jabhat Fateh al-Sham) in Aleppo", "killed
    (civilians), Syrian government": the claims' own most common wording of what is counted,
    the actor it is about when the wording does not name it, and the place."""
    worded = Counter(c.what for c in claims if c.what)
    what = worded.most_common(1)[0][0] if worded else measure.replace("_", " ")
    if measure not in ("fighters", "besieged", "displaced") and measure not in what:
        what = f"{measure.replace('_', ' ')}: {what}"
    name = gazette.actor_name(actor) if actor else None
    if name and name.lower() not in what.lower():
        what = f"{what} ({name})"
    where = gazette.place_name(place)
    return f"{what} in {where}" if where else what


@dataclass
class _Position:
    claimants: list[str]
    claims: list[FigureFact]
    interval: tuple[float, float]


def _align(
    key: str,
    subject: str,
    measure: str,
    victims: str,
    scope: str,
    claims: Sequence[FigureFact],
    articles: Mapping[str, ArticleFact],
    incident_id: str | None = None,
    place_id: str | None = None,
    disputable: set[tuple[str, int]] | None = None,
    relations: ActorRelations | None = None,
    leading: set[tuple[str, int]] | None = None,
    floors: Sequence[FigureFact] = (),
) -> AlignedFigure | None:
    """Claims in positions by claimant; None when fewer than two sources speak. Only
    claims in `disputable` (all when None) can clash, and only those in `leading` (all when
    None) can be in dispute (see `_clashes`). `floors` are parts' tolls read as floors of
    this one (see `_parts_as_floors`): they can only be in dispute with a claim of it."""
    by_claimant: dict[str, list[FigureFact]] = defaultdict(list)
    for claim in [*_loosened(_distinct(claims)), *_distinct(floors)]:
        by_claimant[claimant_key(claim, _outlet(claim, articles))].append(claim)
    sources = {(claimant, _outlet(c, articles)) for claimant, cs in by_claimant.items() for c in cs}
    if len(sources) < 2:
        return None
    positions: list[_Position] = []
    for claimant, own in sorted(by_claimant.items(), key=lambda kv: _middle(_own(kv[1]))):
        interval = _own(own)
        for position in positions:
            together = meet([position.interval, interval])
            if together is not None and all(
                agreeing(mine, theirs) for mine in own for theirs in position.claims
            ):
                position.claimants.append(claimant)
                position.claims += own
                position.interval = together
                break
        else:
            positions.append(_Position([claimant], list(own), interval))
    ordered = [(c, index) for index, p in enumerate(positions) for c in p.claims]
    floor_keys = {(f.article_id, f.start) for f in floors}
    clashes = _clashes([c for c, _ in ordered], articles, disputable, relations, leading,
                       floor_keys)  # fmt: skip
    kinds = {c.kind for c in clashes}
    return AlignedFigure(
        key="figure:" + hashlib.sha256(key.encode()).hexdigest()[:12], subject=subject,
        measure=measure, victims=victims, scope=scope,
        claims=tuple(
            FigureClaim(c, _outlet(c, articles), claim_day(c, articles.get(c.article_id)), index)
            for c, index in ordered
        ),
        status="dispute" if "dispute" in kinds else "update" if kinds else "agreed",
        incident_id=incident_id, place_id=place_id, clashes=tuple(clashes),
    )  # fmt: skip


def _outlet(claim: FigureFact, articles: Mapping[str, ArticleFact]) -> str | None:
    return articles[claim.article_id].outlet if claim.article_id in articles else None


def _clashes(
    claims: Sequence[FigureFact],
    articles: Mapping[str, ArticleFact],
    disputable: set[tuple[str, int]] | None,
    relations: ActorRelations | None,
    leading: set[tuple[str, int]] | None = None,
    floors: set[tuple[str, int]] = frozenset(),  # type: ignore[assignment]
) -> list[Clash]:
    """Pairs of claims that cannot both hold, both disputable, told as two accounts: each an
    update (one source revising itself, or a toll that rose), else a dispute (when both
    are `leading`). Two sources' tolls RIVALS_APART apart, an order of magnitude, are of
    two happenings a report set in one, not one disputed toll (FA-KES tuning half: "12
    killed" in a fight for three villages against "304 killed" in two days of raids); a
    toll that rose that far is still an update. A part's floor (in `floors`) is only ever
    in dispute with a toll of the whole that two named sources set below it: it is no
    count of the whole to rise from."""
    found = []
    for i, a in enumerate(claims):
        for j in range(i + 1, len(claims)):
            b = claims[j]
            if not _both_in(a, b, disputable):
                continue
            if not _two_accounts(a, b):
                continue
            if (
                (_own_later_count(a, claims, articles) or _own_later_count(b, claims, articles))
                and not agreeing(a, b)
                and not _one_source(a, b, articles, relations)
            ):
                continue  # a source's undated higher count is its own later one
            floored = len({(a.article_id, a.start), (b.article_id, b.start)} & floors)
            if floored:
                if floored == 1 and _floor_below(a, b, claims, articles, relations, leading):
                    found.append(Clash(i, j, "dispute"))
                elif floored == 1 and _part_outgrown(a, b, floors, claims, articles, relations):
                    found.append(Clash(i, j, "update"))
                continue
            if agreeing(a, b) and not _counts_set_apart(a, b):
                if _floor_passed(a, b, articles) or _own_floor_passed(a, b, articles, relations):
                    found.append(Clash(i, j, "update"))
                continue
            if _one_source(a, b, articles, relations):
                found.append(Clash(i, j, "update"))
            elif _none_against_some(a, b):  # "no deaths" against "14 killed": no toll rises
                if _both_in(a, b, leading):  # from a source's word that nobody died
                    found.append(Clash(i, j, "dispute"))
            elif a.claimant and b.claimant:
                kind = _clash(a, b, articles)
                if kind == "dispute" and (
                    _told_as_earlier(a, b, claims) or _past_step(a, claims) or _past_step(b, claims)
                ):
                    kind = "update"
                if kind == "dispute" and _of_another_happening(a, b, RIVALS_APART):
                    continue  # "12 killed" against "304 killed": not one happening's toll
                if kind == "update" or _both_in(a, b, leading) or _set_against(a, b):
                    # a passing mention's rival counts, when its sentence sets them against
                    # each other ("NUG reported that 168 were killed ..., however, locals
                    # claim that 174 died"), are the article's own dispute
                    found.append(Clash(i, j, kind))
            elif _rising(a, b, articles):  # an outlet's own toll: whose count it is, unsaid
                found.append(Clash(i, j, "update"))
    return found


def _none_against_some(a: FigureFact, b: FigureFact) -> bool:
    """A toll of none ("there were no deaths from the hospital strike", "no victims")
    against another source's toll of some: one says nobody died, the other counts the dead.
    A first count that a fuller one replaces is a number; "none" is a word that the dead
    were not there (FA-KES tuning half: "14 killed" against the Observatory's "no deaths"
    from the same strike is a dispute)."""
    values = sorted(c.value for c in (a, b) if c.value is not None)
    if len(values) < 2 or values[0] != 0 or values[1] <= 0:
        return False
    return toll_of_none(a if a.value == 0 else b)


def toll_of_none(figure: FigureFact) -> bool:
    """A toll of none ("no one was killed", "no victims"): the word that nobody died, not a
    count (reports.py reads it too)."""
    return figure.value == 0 and figure.qualifier == "exact"


def _own_later_count(
    claim: FigureFact, claims: Sequence[FigureFact], articles: Mapping[str, ArticleFact]
) -> bool:
    """An undated claim its own claimant gives lower, and dated, elsewhere ("36 civilians"
    on an undated page from the monitor that said 23 on the day): counts rise as the dead
    are counted, so it is the source's later count, and no rival of another source's count
    of the day (its own earlier count is)."""
    if claim_day(claim, articles.get(claim.article_id)) is not None:
        return False
    outlet = _outlet(claim, articles)
    if not claim.claimant:
        return False
    key = claimant_key(claim, outlet)
    high = _interval(claim)
    return any(
        (claimant_key(c, _outlet(c, articles)) == key or _joint_source(claim, c, articles))
        and claim_day(c, articles.get(c.article_id)) is not None
        and _interval(c)[1] < high[0]
        for c in claims
    )


TOLLS_APART = 3.0  # a toll this many times another's (and at least TOLLS_APART_MIN) is
TOLLS_APART_MIN = 10  # of another happening, unless the sentence says the toll rose
RIVALS_APART = 10.0  # two sources' tolls this many times apart count two happenings


def _of_another_happening(a: FigureFact, b: FigureFact, apart: float = TOLLS_APART) -> bool:
    """A toll `apart` times another source's (TOLLS_APART: "its raids killed at least 220
    civilians" against a strike's 33 dead) counts more than this happening, as a toll that
    far apart does inside one article (reports._tolls_apart): it is no floor to set the
    whole below; RIVALS_APART times it, no rival count of it either. A count given as the
    real one against another's is of the same happening."""
    if countered(a.sentence) or countered(b.sentence):
        return False
    low, high = sorted((_interval(a), _interval(b)), key=_middle)
    return high[0] >= TOLLS_APART_MIN and high[0] >= apart * max(low[1], 1.0)


def _floor_below(
    a: FigureFact,
    b: FigureFact,
    claims: Sequence[FigureFact],
    articles: Mapping[str, ArticleFact],
    relations: ActorRelations | None,
    leading: set[tuple[str, int]] | None,
) -> bool:
    """A toll of the whole that two named sources, both leading, set below a part's floor,
    and not as what the part's count replaced."""
    if agreeing(a, b) or _one_source(a, b, articles, relations):
        return False
    if _of_another_happening(a, b):
        return False
    if not (a.claimant and b.claimant and _both_in(a, b, leading)):
        return False
    return _clash(a, b, articles) == "dispute" and not _told_as_earlier(a, b, claims)


def _floor_passed(a: FigureFact, b: FigureFact, articles: Mapping[str, ArticleFact]) -> bool:
    """A floor a later count passed: "at least 29" on Monday, "at least 61" on Tuesday (or
    the same day, when the higher says the toll rose). Both can hold, but the toll rose,
    and a reader following it wants to see that."""
    low, high = sorted((a, b), key=lambda c: _middle(_interval(c)))
    if low.qualifier != "at_least" or low.value is None or high.value is None:
        return False
    if high.value <= low.value:
        return False
    days = [claim_day(c, articles.get(c.article_id)) or "" for c in (low, high)]
    return days[1] > days[0] or (days[1] == days[0] and rose(high.sentence))


def _part_outgrown(
    a: FigureFact,
    b: FigureFact,
    floors: set[tuple[str, int]],
    claims: Sequence[FigureFact],
    articles: Mapping[str, ArticleFact],
    relations: ActorRelations | None,
) -> bool:
    """A source's toll of some of the victims, passed on a later day by its own higher toll
    of everyone ("29 civilians" from the monitor on Monday, "61 killed" from it on Tuesday):
    the toll rose, told first of a part, so it is a step of the whole's rise, not another
    quantity beside it. Not a part its own sentence tells with a toll of everyone at least
    as high ("45 martyrs, including 23 women"): that whole was already told, nothing rose
    from the part."""
    part, whole = (a, b) if (a.article_id, a.start) in floors else (b, a)
    if part.value is None or whole.value is None or whole.value <= part.value:
        return False
    if any(
        c.article_id == part.article_id and c.sentence_start == part.sentence_start
        and (c.article_id, c.start) not in floors and (c.value or 0) >= part.value
        for c in claims
    ):  # fmt: skip
        return False
    if whole.qualifier == "at_most" or not _one_source(part, whole, articles, relations):
        return False
    days = [claim_day(c, articles.get(c.article_id)) for c in (part, whole)]
    return bool(days[0] and days[1] and days[1] > days[0])


def _own_floor_passed(
    a: FigureFact,
    b: FigureFact,
    articles: Mapping[str, ArticleFact],
    relations: ActorRelations | None,
) -> bool:
    """A source's floor that its own higher count in another article passes ("at least 16"
    from the monitor's director, "at least 31" from the monitor): the source's count rose,
    unless the higher is told on an earlier day; it does not give two floors of one toll
    at once."""
    if a.article_id == b.article_id or not _one_source(a, b, articles, relations):
        return False
    low, high = sorted((a, b), key=lambda c: _middle(_interval(c)))
    if low.qualifier != "at_least" or low.value is None or high.value is None:
        return False
    days = [claim_day(c, articles.get(c.article_id)) for c in (low, high)]
    if days[0] and days[1] and days[1] < days[0]:
        return False  # the higher told first: no rise
    return high.value > low.value


def _both_in(a: FigureFact, b: FigureFact, keys: set[tuple[str, int]] | None) -> bool:
    """Both claims are among `keys` (every claim is, when there are no keys)."""
    return keys is None or {(a.article_id, a.start), (b.article_id, b.start)} <= keys


def _one_source(
    a: FigureFact,
    b: FigureFact,
    articles: Mapping[str, ArticleFact],
    relations: ActorRelations | None,
) -> bool:
    """One source behind both claims: the same claimant (or outlet's own voice), or a body
    and its spokesman (Rami Abdel Rahman speaks for the Observatory)."""
    first, second = claimant_key(a, _outlet(a, articles)), claimant_key(b, _outlet(b, articles))
    if first == second or _named_within(a, b) or _joint_source(a, b, articles, relations):
        return True
    if relations is None or not (a.claimant_actor_id and b.claimant_actor_id):
        return False
    return first in relations.ancestors(second) or second in relations.ancestors(first)


def _named_within(a: FigureFact, b: FigureFact) -> bool:
    """One claimant named in full and in part: "the interior ministry" (which the
    dictionary does not resolve) is the "Syrian Interior Ministry" another claim names."""
    if not (a.claimant and b.claimant) or (a.claimant_actor_id and b.claimant_actor_id):
        return False
    first, second = (
        set(re.findall(r"[a-z]+", c.lower())) - {"the"} for c in (a.claimant, b.claimant)
    )
    return bool(first and second) and (first < second or second < first)


_CONTRAST_CHARS = 300  # two figures of one article this close can be set against each other


def _two_accounts(a: FigureFact, b: FigureFact) -> bool:
    """Two accounts: two articles, or two known actors set against each other inside one,
    in one sentence or the next ("only around 300, ... differ wildly from a UN estimate of
    ... some 900"). Otherwise two figures inside one article are mostly a part and a whole,
    one source named twice ("the Observatory ... the Britain-based group"), a misread "he",
    or a toll and its earlier value (FA-KES tuning half: 6 of 6 such pairs farther apart
    were no dispute). One claimant's two counts in one sentence are parts ("four Kurdish
    militiamen and 11 jihadists, the monitor said"), unless the sentence says one replaced
    the other."""
    if a.article_id != b.article_id:
        return True
    if a.sentence_start == b.sentence_start and _one_claimant(a, b) and not rose(a.sentence):
        return False
    near = a.sentence == b.sentence or abs(a.start - b.start) <= _CONTRAST_CHARS
    if not near or _named_within(a, b):
        return False
    if _set_against(a, b):
        return True
    return (_known(a) and _known(b)) or (
        bool(a.claimant_actor_id or b.claimant_actor_id) and _known(a) != _known(b)
        and all(_known(c) or _proper_body(c) for c in (a, b))
    )  # fmt: skip


# "..., but", "while", "whereas": the writer sets what comes after against what came before
_BUT = re.compile(r"\b(?:but|while|whereas|although|though|however|yet)\b", re.IGNORECASE)


def _one_claimant(a: FigureFact, b: FigureFact) -> bool:
    """The same actor, or, when neither resolved to one, the same words ("activists" and
    "residents" are two claimants the dictionary knows neither of)."""
    if a.claimant_actor_id or b.claimant_actor_id:
        return a.claimant_actor_id == b.claimant_actor_id
    return (a.claimant or "").lower() == (b.claimant or "").lower()


def _set_against(a: FigureFact, b: FigureFact) -> bool:
    """Two claimants of one sentence the writer contrasts ("The Syrian government has said
    62 were killed, but U.S. investigators could only confirm 15"): a word of contrast
    between their two counts, each told on its own claimant's word."""
    if a.sentence_start != b.sentence_start or not (a.claimant and b.claimant):
        return False
    if a.claimant.lower() == b.claimant.lower():
        return False
    first, second = sorted((a, b), key=lambda c: c.start)
    between = first.sentence[first.end - first.sentence_start : second.start - first.sentence_start]
    return _BUT.search(between) is not None


def _counts_set_apart(a: FigureFact, b: FigureFact) -> bool:
    """Two different exact counts a sentence sets against each other ("NUG reported that
    168 people were killed ..., however, locals claim that 174 people died"): the writer
    tells them as rival counts, so the leeway exact counts get for a revision by a few (see
    `agreeing`) does not make them one."""
    return a.qualifier == b.qualifier == "exact" and a.value != b.value and _set_against(a, b)


def _known(claim: FigureFact) -> bool:
    return bool(claim.claimant_actor_id)


_BODY_KINDS = frozenset({"media", "government", "monitor", "organisation"})
# a word that names a nationality, not a body ("Syrian state media", "Lebanese police")
_DEMONYM = re.compile(r"(?:ian|ese|ish|ean|i|an|ic)$")


def _proper_body(claim: FigureFact) -> bool:
    """A claimant the dictionary does not know but the text names as a body of its own
    ("the Thiqa news agency, an activist collective"): of a body's kind, with a capitalised
    name that is more than a nationality ("Syrian state media" names none)."""
    if claim.claimant_kind not in _BODY_KINDS or not claim.claimant:
        return False
    words = re.findall(r"[A-Z][\w'-]*", claim.claimant)
    return any(w != "The" and not _DEMONYM.search(w) for w in words)


def _rising(a: FigureFact, b: FigureFact, articles: Mapping[str, ArticleFact]) -> bool:
    """Whether the higher of two tolls is not the earlier one."""
    days = [claim_day(c, articles.get(c.article_id)) or "" for c in (a, b)]
    higher = 0 if _middle(_interval(a)) > _middle(_interval(b)) else 1
    return days[higher] >= days[1 - higher]


# "the toll rose to 43", "bringing the toll to 61", "the death toll ... has risen", "updating a
# previous toll", "up from 29", "a new toll": the later figure says it replaces one. A verb of
# rising counts only with a number after it or a toll before it: an agreement "was reached"
# and a group "mounted one of the heaviest attacks" say nothing of a count.
_RISE = (
    r"(?:rose|risen|rising|climbed|climbing|increased|jumped|mounted|raised|raising|hits|"
    r"reached|reaches|surpass(?:es|ed)|bringing|brought|brings)"
)
_COUNTED = (
    r"(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|dozens?)\b(?!\s+of\b))"
)
_ROSE = re.compile(
    rf"\b{_RISE}\s+(?:(?:the|its|their)\s+)?(?:(?:death\s+)?toll\s+)?(?:to\s+|at\s+|past\s+)?"
    rf"(?:at\s+least\s+|more\s+than\s+|over\s+|nearly\s+|almost\s+|some\s+|about\s+|"
    rf"around\s+)?{_COUNTED}"
    rf"|\b(?:toll|count|number)\b[^.;]{{0,40}}?\b(?:{_RISE}|now)\b"
    r"|\b(?:revised|updated|updating|raising|raised)\b[^.;]{0,25}?\b(?:toll|count|figure)s?\b"
    r"|\bnew (?:death )?toll\b|\bup from\b|\bnow\s+(?:stands|says|puts|reports)\b",
    re.IGNORECASE,
)
# "preliminary reports", "an initial toll": the lower figure says it is a first count that a
# fuller one will replace
# ("killed early on Monday" is a time of day, not a first count)
_EARLY = re.compile(
    r"\b(?:preliminary|initial(?:ly)?|(?:first|early) (?:reports?|tolls?|counts?))\b", re.IGNORECASE
)
# a count told with the hour it stood at ("As of 7 p.m., 23 are known to be killed", "At
# 09:02, the governor reported that the toll had increased to six"): one moment of a day's
# count, which later counts that day pass (held-out web pages: a live page's morning
# counts against the evening's)
_STAMPED = re.compile(
    r"\bas (?:of|at)\s+(?:\d{1,2}[:.]\d{2}|\d{1,2}\s*[ap]\.?m\b)"
    r"|\bat\s+\d{1,2}[:.]\d{2}\b[^.;]{0,40}?\b(?:reported|said|announced|wrote|posted|confirmed)\b"
    r"|\b(?:reported|said|announced|wrote|posted|confirmed)\s+at\s+\d{1,2}[:.]\d{2}\b",
    re.IGNORECASE,
)
# "SANA reported earlier that six were wounded", "earlier reports suggested 35", "Earlier,
# the group's spokesman had said 50": a count the text says came before
_EARLIER = re.compile(
    r"\b(?:(?:said|reported|announced|put|gave|had)\s+(?:it\s+)?earlier|"
    r"earlier\s+(?:said|reported|announced|put|gave|toll|count|figure|reports|tolls|counts|"
    r"figures|estimates?|accounts)|"
    r"(?:had\s+)?previously\s+(?:said|reported|announced|put|given)|"
    r"\b(?:previously|earlier)\b[^.;]{0,60}?\bhad\s+(?:said|reported|announced|put|given|"
    r"estimated|told))\b",
    re.IGNORECASE,
)


def rose(sentence: str) -> bool:
    """Whether a sentence says a toll rose or replaces an earlier one (see _ROSE)."""
    return _ROSE.search(sentence) is not None


# "the real figure was around 400", "the actual death toll is far higher", "the true number
# of dead": a count set against another source's count of the same happening
_COUNTERED = re.compile(
    r"\b(?:real|true|actual)\s+(?:death\s+)?(?:figures?|tolls?|numbers?|counts?)\b",
    re.IGNORECASE,
)


def countered(sentence: str) -> bool:
    """Whether a sentence gives its count as the true one against another's (see
    _COUNTERED): however far apart, the two counts are of one happening."""
    return _COUNTERED.search(sentence) is not None


@lru_cache(maxsize=8192)
def told_in_parts(figure: FigureFact) -> bool:
    """Whether a count is told as a part of a larger one: one of several counts by place,
    one of two attacks, or some of those another count of its sentence holds. Cached:
    report grouping asks it of each toll of a group for every sentence it weighs, which
    for a long text without full stops is the same figures thousands of times."""
    return _part_of_more(figure) or _among(figure)


def _told_as_earlier(a: FigureFact, b: FigureFact, claims: Sequence[FigureFact]) -> bool:
    """The article of the higher count tells the lower as an earlier count ("SANA reported
    earlier that six were wounded"): it gives the higher as what replaced it."""
    low, high = sorted((a, b), key=lambda c: _middle(_interval(c)))
    return any(
        c.article_id == high.article_id
        and overlap(_interval(c), _interval(low))
        and _EARLIER.search(c.sentence) is not None
        for c in claims
    )


def _past_step(claim: FigureFact, claims: Sequence[FigureFact]) -> bool:
    """A count its own article tells as an earlier one ("Previously MSF had reported at
    least 30 ... the toll has risen to 42"), in its own sentence or in one of the same
    count: a past step of the toll, no side of a dispute with a count of its time."""
    return any(
        c.article_id == claim.article_id
        and overlap(_interval(c), _interval(claim))
        and _EARLIER.search(c.sentence) is not None
        for c in claims
    )


UPDATE_AFTER_DAYS = 2  # another source's higher toll this much later is counted later, not
# disputed; a day apart, sources still disagree about the same count (tuning half of the
# FA-KES incident gold: as many next-day tolls from another claimant are disputes as not)


def _clash(a: FigureFact, b: FigureFact, articles: Mapping[str, ArticleFact]) -> str:
    """Two sources' incompatible claims: an update when the later is higher and either says
    the toll rose or comes days later (tolls rise as the dead are counted), else a
    dispute. An estimate passed by another source's floor is an update (see
    `_estimate_passed`). When either day is unknown (a page with no date), the higher is
    the later only when its own sentence says the toll rose to it ("the death toll has
    climbed to 55") or an undated page's estimated window puts it days after the other:
    a count that replaced an earlier one disputes nothing."""
    first, second = (
        claim_day(a, articles.get(a.article_id)),
        claim_day(b, articles.get(b.article_id)),
    )
    days = day_range(first), day_range(second)
    lower, higher = sorted((a, b), key=lambda c: _middle(_interval(c)))
    lower_days, higher_days = days if lower is a else days[::-1]
    if _estimate_passed(lower, higher, lower_days, higher_days):
        return "update"
    if days[0] is None or days[1] is None:
        after = _placed_after(
            _claim_span(higher_days, articles.get(higher.article_id)),
            _claim_span(lower_days, articles.get(lower.article_id)),
        )
        return "update" if rose(higher.sentence) or after else "dispute"
    earlier, later = (a, b) if (first or "") <= (second or "") else (b, a)
    gap = abs((days[1][0] - days[0][0]).days)
    if _middle(_interval(later)) <= _middle(_interval(earlier)):
        earlier, later = later, earlier  # the higher must be the later to be an update
        if gap > 0:
            return "dispute"
    if gap == 0:  # both speak for the happening's day: a count is as new as its page
        gap = max(_published_apart(earlier, later, articles), 0)
    risen = rose(later.sentence)
    first_count = _EARLY.search(f"{earlier.claimant or ''} {earlier.sentence}") is not None
    counting = rose(earlier.sentence) or any(_STAMPED.search(c.sentence) for c in (a, b))
    return "update" if risen or first_count or counting or gap >= UPDATE_AFTER_DAYS else "dispute"


def _published_apart(
    earlier: FigureFact, later: FigureFact, articles: Mapping[str, ArticleFact]
) -> int:
    """Days from the earlier claim's page to the later's: "27 injured in the strike on
    Saturday" on Saturday's page and "75 wounded in the strike on Saturday" on Monday's
    both speak for Saturday, yet the second is Monday's count."""
    first, second = articles.get(earlier.article_id), articles.get(later.article_id)
    days = [day_range(a.published or "") if a else None for a in (first, second)]
    if days[0] is None or days[1] is None:
        return 0
    return (days[1][0] - days[0][0]).days


_Days = tuple[date, date] | None  # a claim's day range, as `day_range` gives it


def _claim_span(told: _Days, article: ArticleFact | None) -> tuple[date | None, date | None]:
    """The days a claim may speak for: its own day range, else an undated article's
    estimated window (either end open); an ordering bound only, never shown as a date."""
    if told:
        return told
    window = article.window if article else None
    if window is None:
        return None, None
    start, end = day_range(window.start), day_range(window.end)
    return (start[0] if start else None), (end[1] if end else None)


def _placed_after(
    higher: tuple[date | None, date | None], lower: tuple[date | None, date | None]
) -> bool:
    """The higher count's days all come UPDATE_AFTER_DAYS or more after the lower's (one of
    them an undated article's estimated window): the toll rose between them."""
    first, last = higher[0], lower[1]
    return first is not None and last is not None and (first - last).days >= UPDATE_AFTER_DAYS


def _estimate_passed(
    lower: FigureFact, higher: FigureFact, lower_days: _Days, higher_days: _Days
) -> bool:
    """An estimate ("about 30 killed") and another source's higher floor ("at least 50"):
    the count went past the estimate as the dead were counted, unless the floor is known
    to be of an earlier day."""
    if lower.qualifier != "approximate" or higher.qualifier != "at_least":
        return False
    return not (lower_days and higher_days and higher_days[1] < lower_days[0])


def _distinct(claims: Sequence[FigureFact]) -> list[FigureFact]:
    """One claim per article and span (a report can list a figure twice)."""
    return list({(c.article_id, c.start): c for c in claims}.values())


def _loosened(claims: Sequence[FigureFact]) -> list[FigureFact]:
    """A bare figure read as its article's qualified wording of the same value: a headline
    "Air raids kill 29 civilians" shortens the body's "at least 29", so it allows what
    the body allows and is no exact count to set against "over 40"."""
    claims = [_as_floor(c) for c in claims]
    qualified: dict[tuple[str, float], str] = {}
    for claim in claims:
        if claim.qualifier in ("at_least", "at_most", "approximate") and claim.value is not None:
            qualified.setdefault((claim.article_id, claim.value), claim.qualifier)
    return [
        replace(claim, qualifier=qualified[(claim.article_id, claim.value)])
        if claim.qualifier == "exact" and (claim.article_id, claim.value) in qualified
        and claim.low is None and claim.high is None
        else claim
        for claim in claims
    ]  # fmt: skip


# "saw the bodies of four children", "another five bodies": bodies seen or brought in
_BODIES_OF = re.compile(r"\bbodies\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# "the hospital received 48 wounded people", "a clinic treated 30 people", "60 injured were
# admitted to the hospital": the count one site took in, of which the toll is at least as
# high (victims go to several hospitals)
_TAKEN_IN = re.compile(
    r"\b(?:received|receiving|admitted|admitting|treated|treating|took in|taken in)\s+"
    r"(?:(?:at\s+least|about|around|some|more than|over)\s+)?$",
    re.IGNORECASE,
)
_TAKEN_TO = re.compile(
    r"^[^.;]{0,50}?\b(?:were|was|have been|had been)\s+(?:\w+\s+)?(?:admitted|taken|brought|"
    r"rushed|transferred|treated)\s+(?:to|at|in)\s+(?:a|the|one|\w+)?\s*(?:local\s+)?"
    r"(?:hospital|clinic|medical cent(?:er|re)|field hospital|infirmary)\b",
    re.IGNORECASE,
)

# "40 wounded were being treated", "nine were hospitalised": those under care, some of the hurt
_UNDER_CARE = re.compile(
    r"^[^.;]{0,40}?\b(?:were|was|are|is|have been|had been)\s+(?:being\s+|still\s+)?"
    r"(?:treated|hospitali[sz]ed|in hospital)\b",
    re.IGNORECASE,
)


def _as_floor(claim: FigureFact) -> FigureFact:
    """A count of bodies (seen in a clinic, brought to a hospital, shown in a video), of
    the victims one hospital took in (see _TAKEN_IN), or of the hurt still under care, is
    what someone saw somewhere: at least that many died or were hurt, not the toll."""
    if claim.qualifier != "exact" or claim.low is not None or claim.high is not None:
        return claim
    at = claim.start - claim.sentence_start
    before, after = claim.sentence[max(0, at - 30) : at], claim.sentence[at + len(claim.text) :]
    seen = (
        (claim.what or "").lower().startswith("bodies")
        or _BODIES_OF.search(before[-20:])
        or _TAKEN_IN.search(before)
        or _TAKEN_TO.match(after)
        or _UNDER_CARE.match(after)
    )
    return replace(claim, qualifier="at_least") if seen else claim


def _interval(claim: FigureFact) -> tuple[float, float]:
    found = allowed(claim.value, claim.low, claim.high, claim.qualifier, claim.text)
    assert found is not None
    return found


def _own(claims: Sequence[FigureFact]) -> tuple[float, float]:
    """What one claimant's claims allow together; when they cannot all hold (the source
    changed its figure), the values its latest claims allow."""
    intervals = [_interval(c) for c in claims]
    together = meet(intervals)
    if together is not None:
        return together
    latest = max(claims, key=lambda c: (c.article_id, c.start))
    return _interval(latest)


def _middle(interval: tuple[float, float]) -> float:
    low, high = interval
    return low * 1.5 if high == float("inf") else (low + high) / 2


def agreeing(a: FigureFact, b: FigureFact) -> bool:
    """Whether two claims can both be right. "About 80" carries its own leeway (20%): held
    against another claim, it meets it only when one's value lies within the other's
    interval, not when each claim's leeway stretches toward the other ("62" and "about 80"
    touch at 64-65). Exact counts keep their 5% each way (counts get revised by a few)."""
    if "approximate" in (a.qualifier, b.qualifier):
        return agree(_interval(a), _interval(b))
    return overlap(_interval(a), _interval(b))
