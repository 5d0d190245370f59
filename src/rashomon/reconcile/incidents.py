"""Incidents: reports of one real happening, gathered across articles and outlets.

A report joins the incident it matches best, or starts one. Two accounts are one happening
when their kinds are compatible, their days meet (allowing for publication lag, and for a
passing mention of something earlier), their places are the same or one lies in the other,
and the article is not already in the incident (its own grouping said these differ). On
top of that the match needs positive evidence beyond the kind: the same day, the same place,
the same toll or the same doer. Perpetrators never veto a match: sources that blame
different sides for one strike are the disputes this is all for.

Incremental and order-stable like stories: an incident's id comes from its first report and
never changes; only reports are added. `match_report` is pure: the caller (the placement
job) fetches candidate incidents by day and kind from the store and writes the result.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from rashomon.facts import Gazette, Incident, IncidentReport, TermCounts
from rashomon.model import DESCRIBED_PLACE_PREFIX
from rashomon.reconcile.incident_kinds import BLAST, GENERIC, IncidentKinds
from rashomon.reconcile.report_parts import is_country
from rashomon.reconcile.reports import distance_km, places_meet
from rashomon.reconcile.wording import similarity

_COUNTRY = "country"
_REGION = "region"


@dataclass(frozen=True)
class MatchConfig:
    """Weights of the evidence that two reports tell of one happening. Tuned on the tuning
    half of the FA-KES incident gold (bench/incidents_fakes.py)."""

    threshold: float = 2.0
    same_kind: float = 1.0
    compatible_kind: float = 0.5
    generic_kind: float = 0.3
    # "rockets" against "an air strike": possible (sources disagree on how a market was
    # hit), but it counts against: the rest must say so strongly (tuning half: 0 let
    # bombings and air strikes of one day and region merge)
    other_violent_kind: float = -1.0
    same_day: float = 1.0
    next_day: float = 0.6
    window_overlap: float = 0.4
    day_slack: int = 1  # text-dated days this far apart can be one happening
    # the day a source spoke on in an article's lead ("the cause of the collapse was an
    # interceptor missile, Peskov said on Monday") tells of a happening on it or in the days
    # before it; an aside's is too loose a tie (FA-KES tuning half: asides of a monitor's
    # day joined river-crossing strikes of the days before)
    said_lag_days: int = 2
    # a telling toll both give (58 killed, not 50) holds across days that do not meet: one
    # source dates the happening by when it heard, another misdates it, a third recalls it
    # (only for reports of one kind: "an air strike" recalling a chemical attack's 87 dead
    # is not that attack)
    toll_day_slack: int = 6
    toll_bridged_day: float = -1.0  # what such days score: less than days that meet
    # a passing mention that gives no time of its own tells of the season's news, not of
    # any happening of the year before (FA-KES tuning half: 90 days instead of 365 changed
    # one pair of reports; fewer candidates, so placement's cost follows a season's news)
    mention_lookback_days: int = 90
    same_place: float = 1.2
    nested_place: float = 0.5  # one place lies in the other (a town in its province)
    near_place: float = 0.5  # close by (see reports.NEAR_KM)
    same_toll: float = 1.0  # a casualty figure both give (less when it is a round number)
    # a doer or a target in common says little: most strikes share the usual doer, and the
    # doer is what sources dispute (measured on the tuning half: 0.5 cost .1 of precision)
    same_doer: float = 0.0
    same_target: float = 0.0
    # the reports' distinctive words in common (cosine of rarity-weighted words, 0..1)
    same_words: float = 2.0
    words_support: float = 0.15  # this much in common is evidence beyond kind and day
    words_retold: float = 0.4  # this much, and the place, tie an undated mention
    # beyond kind and day, a match needs a place, a toll or a doer in common
    need_support: bool = True
    # ... unless the report's kind was reported once in its days (see _only_referent)
    unique_referent: bool = True


def new_incident_id(report: IncidentReport) -> str:
    key = f"{report.article_id}:{report.sentence_start}:{report.kind}"
    return "incident:" + hashlib.sha256(key.encode()).hexdigest()[:12]


def match_report(
    report: IncidentReport,
    candidates: Sequence[Incident],
    gazette: Gazette,
    kinds: IncidentKinds,
    config: MatchConfig | None = None,
    counts: TermCounts | None = None,
) -> Incident | None:
    """The candidate incident this report tells of, or None (it starts one)."""
    found = matches(report, candidates, gazette, kinds, config, counts)
    return found[0] if found else None


def matches(
    report: IncidentReport,
    candidates: Sequence[Incident],
    gazette: Gazette,
    kinds: IncidentKinds,
    config: MatchConfig | None = None,
    counts: TermCounts | None = None,
    referent: bool = True,
) -> list[Incident]:
    """Every candidate incident the report can tell of, best first.

    A match scores past the threshold and has support (a place, a toll or telling words in
    common); a report that finds none may still have one referent (`_only_referent`; not
    with `referent` False). When
    one report fits two incidents, they were one happening told apart too early (see
    `bridged` and `merge`)."""
    cfg = config or MatchConfig()
    words = counts or TermCounts()
    scored = [(match_score(report, i, gazette, kinds, cfg, need_support=False, counts=words), i)
              for i in candidates]  # fmt: skip
    found = [
        (score, incident) for score, incident in scored
        if score is not None and score >= cfg.threshold
        and _supported(report, incident, gazette, cfg, words, kinds)
    ]  # fmt: skip
    if not found and cfg.unique_referent and referent:
        found = _only_referent(report, scored, gazette, kinds, cfg)
    if not found and cfg.unique_referent:
        found = _recalled_by_toll(report, scored, kinds, cfg)
    found.sort(key=lambda pair: (-pair[0], pair[1].id))
    return [incident for _, incident in found]


def _only_referent(
    report: IncidentReport,
    scored: Sequence[tuple[float | None, Incident]],
    gazette: Gazette,
    kinds: IncidentKinds,
    cfg: MatchConfig,
) -> list[tuple[float, Incident]]:
    """ "The chemical attack" told in the days when one chemical attack was reported has
    one referent, even when the report names no place finer than the country: the
    candidates of the report's own (specific) kind whose days and places it fits, when
    they could all be one happening (fragments of it told apart too early). Not for an
    aside (not the article's lead) that names its own town: an article's asides are
    mostly other strikes around, and one set in a town lacks nothing a referent gives."""
    if report.kind == GENERIC or not report.day_low:
        return []
    if not report.lead and _finer_than_region(report.place_id, gazette):
        return []
    same = [(score, i) for score, i in scored if score is not None and i.kind == report.kind]
    if not same or not all(
        _incidents_meet(a, b, gazette, kinds, cfg) for n, (_, a) in enumerate(same)
        for _, b in same[n + 1 :]
    ):  # fmt: skip
        return []
    return same


def strays(
    incident: Incident,
    pool: Sequence[Incident],
    gazette: Gazette,
    kinds: IncidentKinds,
    config: MatchConfig | None = None,
    counts: TermCounts | None = None,
) -> list[str]:
    """Articles whose reports are in the incident only as the one referent of their days
    (`_only_referent`: set no finer than a region, nothing in common with the rest of it)
    and are no longer that, now that the days' incidents (`pool`) are known: "the air
    strike", told country-wide, joined the one air strike reported when it came, and a
    second one of those days has come since. Such a report leaves the incident, as if the
    second had come first, so that the order articles come in does not decide."""
    cfg = config or MatchConfig()
    words = counts or TermCounts()
    others = [i for i in pool if i.id != incident.id]
    found = []
    for report in incident.reports:
        if report.kind == GENERIC or not report.day_low:
            continue
        if _finer_than_region(report.place_id, gazette):
            continue
        rest = without_articles(incident, [report.article_id], gazette, kinds)
        if rest is None or matches(report, [rest], gazette, kinds, cfg, words, referent=False):
            continue  # the rest of it tells the same (a place, a toll, its words)
        if same_victim(report, rest, gazette, kinds):
            continue  # or the killing of the same named person
        scored = [(match_score(report, i, gazette, kinds, cfg, need_support=False,
                               counts=words), i) for i in (*others, rest)]  # fmt: skip
        if all(i.id != incident.id for _, i in _only_referent(report, scored, gazette, kinds, cfg)):
            found.append(report.article_id)
    return found


def without_articles(
    incident: Incident, article_ids: Sequence[str], gazette: Gazette, kinds: IncidentKinds
) -> Incident | None:
    """The incident as its other articles' reports alone make it (same id and story);
    None when no other article reports it."""
    kept = [r for r in incident.reports if r.article_id not in article_ids]
    rebuilt: Incident | None = None
    for report in kept:
        rebuilt = add_report(rebuilt, report, gazette, kinds)
    if rebuilt is None:
        return None
    return replace(rebuilt, id=incident.id, story_id=incident.story_id)


def _recalled_by_toll(
    report: IncidentReport,
    scored: Sequence[tuple[float | None, Incident]],
    kinds: IncidentKinds,
    cfg: MatchConfig,
) -> list[tuple[float, Incident]]:
    """ "Saturday's convoy attack killed 126 people", in an article of Wednesday's bombing:
    a passing mention with no day of its own and no place, recalling a happening of the
    days before by a telling toll. It tells of the one incident of those days
    (`toll_day_slack`) that gives that toll, when exactly one does and its kind can be
    the mention's; with two, nothing says which."""
    if report.day_low or not report.day_high or report.place_id:
        return []
    end = _day(report.day_high)
    assert end is not None
    found = []
    for score, incident in scored:
        last = _day(incident.date_end)
        if score is None or last is None or not 0 <= (end - last).days <= cfg.toll_day_slack:
            continue
        if not kinds.compatible(report.kind, incident.kind) and report.kind != incident.kind:
            continue
        if _toll_score(report, incident, cfg) >= cfg.same_toll:
            found.append((score, incident))
    return found if len(found) == 1 else []


def undated_referent(
    report: IncidentReport,
    candidates: Sequence[Incident],
    gazette: Gazette,
    kinds: IncidentKinds,
    config: MatchConfig | None = None,
) -> Incident | None:
    """The incident a report that gives no day at all tells of ("no traces of chemical
    weapons in Douma", on a page with no date): the one incident of its kind set at its
    town, when there is exactly one and the kind is one a town seldom sees twice (a
    chemical attack, a capture; not an air strike, which comes daily); with two or more,
    nothing says which, and a region or a country is too wide to tell. `candidates` are
    the incidents at the report's place, whenever they happened. A kind a town sees often
    (an air strike) needs more: the one such incident there that shares a telling toll with
    the report ("53 killed in the Atarib market strike", on a page with no date)."""
    if report.day_high is not None:
        return None
    if not _finer_than_region(report.place_id, gazette):
        return None
    same = [
        i for i in candidates
        if i.kind == report.kind and i.place_id == report.place_id
        and report.article_id not in i.article_ids
    ]  # fmt: skip
    if not kinds.rare(report.kind):
        cfg = config or MatchConfig()
        same = [i for i in same if _toll_score(report, i, cfg) >= cfg.same_toll]
    if not same:  # "a Syrian airstrike ... symptoms of chemical poisoning": the chemical one
        named = named_rare_kinds(report, kinds)
        same = [
            i for i in candidates
            if i.kind in named and i.place_id == report.place_id
            and report.article_id not in i.article_ids
        ]  # fmt: skip
    return same[0] if len(same) == 1 else None


def named_rare_kinds(report: IncidentReport, kinds: IncidentKinds) -> list[str]:
    """Rare kinds the report's words name that its own kind can be told as: an air strike
    whose report speaks of sarin and chemical poisoning tells of a chemical attack
    delivered by air, and a town seldom sees two of those in a season."""
    told = kinds.in_text(" ".join(report.terms))
    return [
        k for k in told
        if k != report.kind and kinds.rare(k) and kinds.compatible(k, report.kind)
    ]  # fmt: skip


def undated_to_take_in(
    report: IncidentReport,
    candidates: Sequence[Incident],
    taking: Sequence[Incident],
    gazette: Gazette,
    kinds: IncidentKinds,
) -> list[Incident]:
    """The mirror of `undated_referent`, so that the order pages come in does not matter:
    incidents of undated reports only, of the report's rare kind at its town, that the
    incident a dated report joins or starts takes in, when no other dated incident of that
    kind is set there. `candidates` are the incidents at the report's place; `taking` the
    ones the report joins."""
    if report.day_high is None or not kinds.rare(report.kind):
        return []
    if not _finer_than_region(report.place_id, gazette):
        return []
    same = [i for i in candidates if i.kind == report.kind and i.place_id == report.place_id]
    joined = {i.id for i in taking}
    if any(i.date_end is not None and i.id not in joined for i in same):
        return []  # two happenings of the kind there: nothing says which the undated told
    return [
        i for i in same
        if i.date_end is None and i.id not in joined and report.article_id not in i.article_ids
    ]  # fmt: skip


def worth_looking_up_undated(report: IncidentReport, kinds: IncidentKinds) -> bool:
    """Whether a report with no day is looked up among every incident at its place (see
    `undated_referent`): a rare kind, or a telling toll to tie it by; the lookup of an
    air strike in a city that is bombed daily is not made for nothing."""
    if report.day_high is not None or not report.place_id:
        return False
    if kinds.rare(report.kind) or named_rare_kinds(report, kinds):
        return True
    return any(_telling(v) >= 1.0 for _, v in report.figure_values)


def match_score(
    report: IncidentReport,
    incident: Incident,
    gazette: Gazette,
    kinds: IncidentKinds,
    config: MatchConfig | None = None,
    need_support: bool = True,
    counts: TermCounts | None = None,
) -> float | None:
    """How strongly the evidence says the report tells of the incident; None when something
    rules it out (kinds, days or places that cannot meet, the article already in it, or,
    with `need_support`, nothing in common beyond kind and day)."""
    cfg = config or MatchConfig()
    if report.article_id in incident.article_ids:
        return None
    kind = _kind_score(report.kind, incident.kind, kinds, cfg)
    day = _day_score(report, incident, cfg)
    place = _place_score(report, incident, gazette, cfg)
    if day is None and kind == cfg.same_kind and _told_by_toll(report, incident, cfg):
        day = cfg.toll_bridged_day
    words = counts or TermCounts()
    if place is None and kind == cfg.same_kind and day == cfg.same_day:
        place = _placed_apart(report, incident, gazette, cfg, words)
    if kind is None or day is None or place is None:
        return None
    if not report.day_low and kind in (cfg.compatible_kind, cfg.other_violent_kind):
        # an undated aside tells of "some time before": of another kind (bombs on a market
        # against a chemical attack), nothing ties it to this one, whatever toll it shares
        return None
    if need_support and not _supported(report, incident, gazette, cfg, words, kinds):
        return None
    if place > 0 and _struck_again(report, incident, cfg, words):
        return None
    if (
        kind < cfg.same_kind
        and day < cfg.same_day
        and not _more_than_place(report, incident, cfg, words)
    ):
        return None
    toll = _toll_score(report, incident, cfg)
    doer = cfg.same_doer if set(report.perpetrator_ids) & _perpetrators(incident) else 0.0
    target = cfg.same_target if set(report.target_actor_ids) & _targets(incident) else 0.0
    wording = cfg.same_words * words_in_common(report, incident, words)
    if kind == cfg.other_violent_kind and place == cfg.same_place:
        kind = 0.0  # one town, one day: "an air strike" and "terrorist rockets" can be one
    return kind + day + place + toll + doer + target + wording


def named_victims(report: IncidentReport, gazette: Gazette) -> list[str]:
    """The named persons a violent report's own sentence tells as its targets ("the killing
    of Shireen Abu Akleh"): a person dies once, so whoever tells of that killing, however
    long after, tells of one happening."""
    found = [
        a for a in report.target_actor_ids
        if (actor := gazette.actors.get(a)) is not None and actor.kind == "person"
    ]  # fmt: skip
    return [a for a in found if _named_in(a, report.sentence, gazette)]


def victims_told(report: IncidentReport, gazette: Gazette) -> list[str]:
    """The named persons whose killing a report may retell: its `named_victims`, and for a
    report its text does not date as a happening (a finding or an admission told later),
    any person its sentence names in full though the parse gave the act no target ("...
    that journalist Shireen Abu Akleh was shot and killed by Israeli fire")."""
    found = named_victims(report, gazette)
    if not (report.dated and report.date_from == "text" and not report.said_day):
        found += [a for a in gazette.persons_named_in(report.sentence) if a not in found]
    return found


def _named_in(actor_id: str, text: str, gazette: Gazette) -> bool:
    name = gazette.actor_name(actor_id) or ""
    last = name.split()[-1] if name.split() else ""
    return bool(last) and last.lower() in text.lower()


def same_victim(
    report: IncidentReport, incident: Incident, gazette: Gazette, kinds: IncidentKinds
) -> bool:
    """Whether the report tells the killing of a named person the incident's own reports tell
    too (see `named_victims`), of compatible violent kinds, at places that can meet: one
    happening, whatever days each report gives."""
    if report.article_id in incident.article_ids or not kinds.violent(report.kind):
        return False
    if not kinds.compatible(report.kind, incident.kind):
        return False
    theirs = {a for r in incident.reports for a in named_victims(r, gazette)}
    if not set(victims_told(report, gazette)) & theirs:
        return False
    places = [r.place_id for r in incident.reports if r.place_id]
    return (
        not report.place_id
        or not places
        or any(places_meet(report.place_id, p, gazette) for p in places)
    )


def words_in_common(report: IncidentReport, incident: Incident, counts: TermCounts) -> float:
    """How much of its telling wording the report shares with the closest of the
    incident's reports (0..1)."""
    return max((similarity(report.terms, r.terms, counts) for r in incident.reports),
               default=0.0)  # fmt: skip


def _supported(
    report: IncidentReport,
    incident: Incident,
    gazette: Gazette,
    cfg: MatchConfig,
    counts: TermCounts | None = None,
    kinds: IncidentKinds | None = None,
) -> bool:
    """Evidence beyond kind and day: a place, a toll or telling words in common, or for a
    rare kind its doer and its target (an undated mention needs a telling toll, or a toll
    and a doer)."""
    toll = _toll_score(report, incident, cfg)
    doer = bool(set(report.perpetrator_ids) & _perpetrators(incident))
    place = (_place_score(report, incident, gazette, cfg) or 0.0) > 0
    if not report.day_low:  # a passing mention of something earlier: a telling toll, or
        # the place and much of the wording of one of its reports (one wire story retold)
        retold = (place and counts is not None
                  and words_in_common(report, incident, counts) >= cfg.words_retold)  # fmt: skip
        return toll >= cfg.same_toll or (doer and toll > 0) or retold
    worded = counts is not None and words_in_common(report, incident, counts) >= cfg.words_support
    # a doer alone is no evidence: most strikes share one; a doer and a target together are,
    # for a kind a season sees seldom (one state downing another's jet)
    pair = (doer and bool(set(report.target_actor_ids) & _targets(incident))
            and kinds is not None and kinds.rare(report.kind))  # fmt: skip
    return not cfg.need_support or place or toll > 0 or worded or pair


def _more_than_place(
    report: IncidentReport, incident: Incident, cfg: MatchConfig, counts: TermCounts
) -> bool:
    """Whether a report of another kind than the incident's (or of none), on days that
    only overlap its day, shares more with it than the place: a toll, or `words_support`
    of its telling wording. In one town in one week, a video of two killings and an air
    strike, or a bus bombing and a missile strike, are told apart by the kind; when the
    kinds differ, place and week say little."""
    if _toll_score(report, incident, cfg) > 0:
        return True
    return words_in_common(report, incident, counts) >= cfg.words_support


def _struck_again(
    report: IncidentReport, incident: Incident, cfg: MatchConfig, counts: TermCounts
) -> bool:
    """Whether an aside (not the article's lead) tells of the incident's place struck
    again on another day: the report and the incident each have one day their texts
    name, the days differ, and the report shares less than `words_support` of its telling
    wording with any of the incident's reports. A town is often hit day after day, and an
    article's asides are mostly the strikes before or after its own; one misdating
    another's strike by a day still tells it in much the same words. Leads are not held
    to it: sources date one night strike a day apart, in their own words (web-dev)."""
    if report.lead or not report.dated or report.date_from != "text":
        return False
    if incident.date_precision != "day" or incident.date_start not in (None, incident.date_end):
        return False
    if report.day_low == incident.date_end:
        return False
    return words_in_common(report, incident, counts) < cfg.words_support


def _kind_score(mine: str, theirs: str, kinds: IncidentKinds, cfg: MatchConfig) -> float | None:
    """Kinds that can be one happening score; two violent kinds that cannot ("rockets" in
    one account, "an air strike" in another) score nothing but rule nothing out: sources
    that disagree on how a market was hit still tell of one happening, when place and day
    say so. A violent kind and a peaceful one (a strike and a ceasefire) never meet."""
    if mine == theirs:
        return cfg.generic_kind if mine == GENERIC else cfg.same_kind
    if kinds.same(mine, theirs):
        return cfg.same_kind
    if kinds.compatible(mine, theirs):
        return cfg.generic_kind if GENERIC in (mine, theirs) else cfg.compatible_kind
    return cfg.other_violent_kind if kinds.violent(mine) and kinds.violent(theirs) else None


def _day_score(report: IncidentReport, incident: Incident, cfg: MatchConfig) -> float | None:
    if report.day_high is None or incident.date_end is None:
        return 0.0
    theirs = (_day(incident.date_start) or _day(incident.date_end), _day(incident.date_end))
    high = _day(report.day_high)
    low = _day(report.day_low) if report.day_low else None
    assert high is not None and theirs[1] is not None
    if report.dated and incident.date_precision == "day" and theirs[0] == theirs[1]:
        gap = (high - theirs[1]).days
        if gap == 0:
            return cfg.same_day
        if _spoke_after(report, gap, cfg):
            return cfg.next_day
        return cfg.next_day if abs(gap) <= cfg.day_slack else None
    # a day's slack for a day the text gives; windows already allow for the reporting lag
    slack = timedelta(days=cfg.day_slack if report.dated or incident.date_precision == "day" else 0)
    start = (theirs[0] or theirs[1]) - slack
    end = theirs[1] + slack
    if low is None:  # a passing mention of something before `high`
        return 0.0 if start <= high else None
    return cfg.window_overlap if low <= end and start <= high else None


def _spoke_after(report: IncidentReport, gap: int, cfg: MatchConfig) -> bool:
    """Whether an article's lead, dated only by the day its source spoke, spoke `gap` days
    after the incident's day, within `said_lag_days`."""
    return report.said_day and report.lead and 0 < gap <= cfg.said_lag_days


def _told_by_toll(report: IncidentReport, incident: Incident, cfg: MatchConfig) -> bool:
    """Whether the report gives a telling toll of the incident's reports (see `_telling`)
    and their days lie within `toll_day_slack` of each other; never when the report and
    the incident each have one day that their texts name as the happening's (a day a
    source spoke on, "the mayor said on Tuesday there are already 44 dead", names when the
    toll was told, and the happening came before)."""
    if report.dated and not report.said_day and incident.date_precision == "day":
        return False  # two days the texts name, apart: two happenings
    if _toll_score(report, incident, cfg) < cfg.same_toll:
        return False
    low, high = _day(report.day_low), _day(report.day_high)
    start = _day(incident.date_start or incident.date_end)
    end = _day(incident.date_end)
    if low is None or high is None or start is None or end is None:
        return False
    gap = max((low - end).days, (start - high).days, 0)
    return gap <= cfg.toll_day_slack


def candidate_days(
    report: IncidentReport, config: MatchConfig | None = None
) -> tuple[str | None, str | None]:
    """The days to fetch candidate incidents for: the report's own, widened by the days a
    telling toll can bridge (see `_told_by_toll`)."""
    cfg = config or MatchConfig()
    low, high = _day(report.day_low), _day(report.day_high)
    if low is not None and report.said_day and report.lead:
        low -= timedelta(days=cfg.said_lag_days)  # see `_spoke_after`
    if low is None or high is None or all(_telling(v) < 1.0 for _, v in report.figure_values):
        return (low.isoformat() if low else None), report.day_high
    slack = timedelta(days=cfg.toll_day_slack)
    return (low - slack).isoformat(), (high + slack).isoformat()


def _day(iso: str | None) -> date | None:
    return date.fromisoformat(iso) if iso else None


def _place_score(
    report: IncidentReport, incident: Incident, gazette: Gazette, cfg: MatchConfig
) -> float | None:
    """The best fit of the report's place with the places the incident's reports name;
    None when it fits none of them. A country says nothing either way."""
    mine = report.place_id
    theirs = {r.place_id: r.around for r in incident.reports if r.place_id}
    if not mine or is_country(mine, gazette):
        return 0.0
    theirs = {p: around for p, around in theirs.items() if not is_country(p, gazette)}
    if not theirs:
        return 0.0
    best: float | None = None
    for place, around in theirs.items():
        score = _one_place_score(mine, place, report.around or around, gazette, cfg)
        if score is not None and (best is None or score > best):
            best = score
    return best


def _one_place_score(
    mine: str, theirs: str, around: bool, gazette: Gazette, cfg: MatchConfig
) -> float | None:
    if mine == theirs:
        return cfg.same_place
    described = _described_in(mine, theirs, gazette, cfg)
    if described is None:
        described = _described_in(theirs, mine, gazette, cfg)
    if described is not None:
        return described
    if not places_meet(mine, theirs, gazette, around):
        return cfg.near_place if around and _region_around(mine, theirs, gazette) else None
    if theirs not in gazette.place_chain(mine) and mine not in gazette.place_chain(theirs):
        return cfg.near_place  # close by, neither within the other
    return cfg.nested_place


def _described_in(village: str, other: str, gazette: Gazette, cfg: MatchConfig) -> float | None:
    """How a village the text describes ("the village of Togoga, in Tigray") fits a place
    of the gazetteer inside the region the text sets it in: the village's point is only
    that region's, so where in it the village lies is unknown. One source names the
    village, another the region's city the wounded were taken to: as a region and a town
    in it fit (nested); a village set only in its country says nothing either way. None
    when `village` is no such village, `other` lies outside its setting, or `other` is a
    described village too (two named villages are two places)."""
    if not village.startswith(DESCRIBED_PLACE_PREFIX) or other.startswith(DESCRIBED_PLACE_PREFIX):
        return None
    place = gazette.places.get(village)
    setting = gazette.places.get(place.parent_id or "") if place is not None else None
    if setting is None or setting.id not in gazette.place_chain(other):
        return None
    return 0.0 if setting.precision == "country" else cfg.nested_place


REGION_AROUND_KM = 50.0
APART_KM = 100.0  # two sources can set one village in either of the provinces it borders


def _placed_apart(
    report: IncidentReport,
    incident: Incident,
    gazette: Gazette,
    cfg: MatchConfig,
    counts: TermCounts,
) -> float | None:
    """A report of the incident's kind and day whose place is not the incident's, but
    within APART_KM, and which tells it in much the same words (`words_retold`) or gives
    a telling toll of it: one village the gazette does not know, set in its province by one
    source and by the next province's capital by another. It scores as no place (0); None
    when that does not hold."""
    mine = report.place_id
    told = (words_in_common(report, incident, counts) >= cfg.words_retold
            or _toll_score(report, incident, cfg) >= cfg.same_toll)  # fmt: skip
    if not mine or not told:
        return None
    theirs = [r.place_id for r in incident.reports if r.place_id]
    if any(_apart_near(mine, p, gazette) for p in theirs):
        return 0.0
    return None


def _apart_near(a: str, b: str, gazette: Gazette) -> bool:
    first, second = gazette.places.get(a), gazette.places.get(b)
    if first is None or second is None or _COUNTRY in (first.precision, second.precision):
        return False
    return distance_km(first.lat, first.lon, second.lat, second.lon) <= APART_KM


def _region_around(a: str, b: str, gazette: Gazette) -> bool:
    """ "near Damascus" and "Rif Dimashq": a city named as the area around it meets a
    region whose middle lies close by, though the city is not in it."""
    first, second = gazette.places.get(a), gazette.places.get(b)
    if first is None or second is None:
        return False
    if {first.precision, second.precision} != {"city", "region"}:
        return False
    return distance_km(first.lat, first.lon, second.lat, second.lon) <= REGION_AROUND_KM


def _finer_than_region(place_id: str | None, gazette: Gazette) -> bool:
    place = gazette.places.get(place_id or "")
    return place is not None and place.precision not in (_COUNTRY, _REGION)


def _toll_score(report: IncidentReport, incident: Incident, cfg: MatchConfig) -> float:
    """A toll both give, weighed by how telling the number is: 213 or 58 is rarely given
    for two different happenings, 50 or 3 often is."""
    theirs = {value for r in incident.reports for value in r.figure_values}
    shared = [v for measure, v in report.figure_values if (measure, v) in theirs]
    return max((_telling(v) * cfg.same_toll for v in shared), default=0.0)


def _telling(value: float) -> float:
    """How much a shared number says: 1 for an odd count like 58, and for a large one that
    is no round fifty or hundred (120, 270: rarely given for two happenings); less for
    round ones (50, 200, 1300) and small ones."""
    if value < 5:
        return 0.2
    if value % 10 == 0 and (value < 100 or value % 50 == 0):
        return 0.5
    return 1.0


def _perpetrators(incident: Incident) -> set[str]:
    return {a for r in incident.reports for a in r.perpetrator_ids}


def _targets(incident: Incident) -> set[str]:
    return {a for r in incident.reports for a in r.target_actor_ids}


# -- building the incident ------------------------------------------------------------------


def add_report(
    incident: Incident | None, report: IncidentReport, gazette: Gazette, kinds: IncidentKinds
) -> Incident:
    """The incident with the report added (a new incident when `incident` is None)."""
    reports = (*incident.reports, report) if incident else (report,)
    kind = _kind_of(reports, kinds)
    start, end, precision = _dates_of(reports)
    return Incident(
        id=incident.id if incident else new_incident_id(report), kind=kind,
        type=kinds.type_of(kind), mode=kind if kind != GENERIC else None,
        place_id=_place_of(reports, gazette), date_start=start, date_end=end,
        date_precision=precision, reports=reports,
        story_id=incident.story_id if incident else None,
    )  # fmt: skip


def bridged(
    report: IncidentReport,
    fitting: Sequence[Incident],
    gazette: Gazette,
    kinds: IncidentKinds,
    config: MatchConfig | None = None,
) -> list[Incident]:
    """Of the incidents a report fits (best first), those it shows to be one happening
    with the best: only a report with days of its own bridges incidents (a passing mention
    of "the strike" fits too much), and only incidents that could be one happening by
    themselves: days that meet, places that meet, kinds that can."""
    cfg = config or MatchConfig()
    if not fitting or not report.day_low:
        return list(fitting[:1])
    best = fitting[0]
    return [best] + [
        other for other in fitting[1:]
        if _incidents_meet(best, other, gazette, kinds, cfg)
    ]  # fmt: skip


def told_apart(
    first: Incident,
    second: Incident,
    gazette: Gazette,
    kinds: IncidentKinds,
    config: MatchConfig | None = None,
    counts: TermCounts | None = None,
) -> bool:
    """Whether two incidents are one happening that the order its pages came in told apart:
    an article's lead report of each fits the other on its own evidence (past the threshold,
    with a place, a toll or telling words in common; not as the one referent of its days).
    Had a page fitting both come after the two, it would have merged them (see `bridged`);
    pages that came before the second was told could not. Incidents of kinds that are not
    one telling of the other stay apart, as do incidents that share an article (its lead
    and its aside are two happenings by its own telling)."""
    if first.id == second.id or set(first.article_ids) & set(second.article_ids):
        return False
    cfg = replace(config or MatchConfig(), unique_referent=False)
    if _kind_score(first.kind, second.kind, kinds, cfg) not in (cfg.same_kind, cfg.compatible_kind):
        return False  # a mortar attack and an offensive, a killing and air raids: two told

    def fits(mine: Incident, theirs: Incident) -> bool:
        return any(
            r.lead and r.day_low and matches(r, [theirs], gazette, kinds, cfg, counts)
            for r in mine.reports
        )

    return fits(first, second) and fits(second, first)


def _incidents_meet(
    a: Incident, b: Incident, gazette: Gazette, kinds: IncidentKinds, cfg: MatchConfig
) -> bool:
    if _kind_score(a.kind, b.kind, kinds, cfg) is None:
        return False
    if not (a.date_end and b.date_end):
        return False
    by_day = "day" in (a.date_precision, b.date_precision)
    slack = timedelta(days=cfg.day_slack if by_day else 0)
    a_low, b_low = _day(a.date_start or a.date_end), _day(b.date_start or b.date_end)
    a_high, b_high = _day(a.date_end), _day(b.date_end)
    if not (a_low <= b_high + slack and b_low <= a_high + slack):  # type: ignore[operator]
        return False
    places_a = {r.place_id for r in a.reports if r.place_id and not is_country(r.place_id, gazette)}
    places_b = {r.place_id for r in b.reports if r.place_id and not is_country(r.place_id, gazette)}
    return not (places_a and places_b) or any(
        places_meet(x, y, gazette) for x in places_a for y in places_b
    )


def merge(incidents: Sequence[Incident], gazette: Gazette, kinds: IncidentKinds) -> Incident:
    """One incident of several that a report showed to be one happening: the one with the
    most reports keeps its id (and its story), the others' reports join it in the order
    they were published; the others' ids are retired (the store keeps them as aliases)."""
    keep = min(incidents, key=lambda i: (-len(i.reports), i.id))
    by_article: dict[str, IncidentReport] = {}
    for report in (r for i in incidents for r in i.reports):
        known = by_article.get(report.article_id)  # one article, one report per incident
        by_article[report.article_id] = report if known is None else combine(known, report)
    reports = sorted(by_article.values(), key=lambda r: (r.published or "", r.article_id))
    merged: Incident | None = None
    for report in reports:
        merged = add_report(merged, report, gazette, kinds)
    assert merged is not None
    return replace(merged, id=keep.id, story_id=keep.story_id)


def combine(first: IncidentReport, second: IncidentReport) -> IncidentReport:
    """One article's two reports of what proved one happening, as one report: the lead's
    (else the earlier) evidence sentence, place and days, and everything both hold."""
    main, other = sorted((first, second), key=lambda r: (not r.lead, r.sentence_start))

    def union(a: tuple, b: tuple) -> tuple:  # type: ignore[type-arg]
        return tuple(dict.fromkeys((*a, *b)))

    return replace(
        main,
        lead=main.lead or other.lead,
        sentences=tuple(sorted(set(main.sentences) | set(other.sentences))),
        event_starts=tuple(sorted(set(main.event_starts) | set(other.event_starts))),
        figure_starts=tuple(sorted(set(main.figure_starts) | set(other.figure_starts))),
        figure_values=union(main.figure_values, other.figure_values),
        perpetrators=union(main.perpetrators, other.perpetrators),
        denied_by=union(main.denied_by, other.denied_by),
        doubted_by=union(main.doubted_by, other.doubted_by),
        refuted_by=union(main.refuted_by, other.refuted_by),
        deliberate_by=union(main.deliberate_by, other.deliberate_by),
        mistake_by=union(main.mistake_by, other.mistake_by),
        spared_by=union(main.spared_by, other.spared_by),
        unarmed_by=union(main.unarmed_by, other.unarmed_by),
        armed_by=union(main.armed_by, other.armed_by),
        target_actor_ids=union(main.target_actor_ids, other.target_actor_ids),
        terms=tuple(sorted(set(main.terms) | set(other.terms))),
    )


def _kind_of(reports: Sequence[IncidentReport], kinds: IncidentKinds) -> str:
    """The most specific kind most reports agree on (one report's aside does not turn an
    air strike into a chemical attack, two reports saying so do)."""
    counts = Counter(r.kind for r in reports if r.kind != GENERIC)
    if not counts:
        return GENERIC
    top = max(counts.values())
    return kinds.most_specific(k for k, n in counts.items() if n == top)


def _place_of(reports: Sequence[IncidentReport], gazette: Gazette) -> str | None:
    """The finest place the reports' places all fit in, named by the most reports."""
    placed = [r.place_id for r in reports if r.place_id]
    if not placed:
        return None
    counts = Counter(placed)
    fitting = [p for p in counts if all(places_meet(p, q, gazette) for q in counts)]
    pool = fitting or list(counts)
    rank = {"point": 0, "district": 1, "city": 2, "region": 3, "country": 4}

    def key(pid: str) -> tuple[int, int, str]:
        place = gazette.places.get(pid)
        return -counts[pid], rank.get(place.precision if place else "", 5), pid

    finest = min(pool, key=lambda p: (rank.get(_precision(p, gazette), 5), -counts[p], p))
    named = min(pool, key=key)
    return finest if counts[finest] * 2 >= counts[named] else named


def _precision(place_id: str, gazette: Gazette) -> str:
    place = gazette.places.get(place_id)
    return place.precision if place else ""


def _dates_of(reports: Sequence[IncidentReport]) -> tuple[str | None, str | None, str | None]:
    """The day (or days) the reports put the happening on: the text-dated days when any
    report dates it, else the days every report's window allows (else all of them); the
    windows estimated for undated articles count only when no report has another."""
    dated = Counter(r.day_low for r in reports if r.date_from == "text" and r.dated)
    if dated:
        top = max(dated.values())
        days = sorted(d for d, n in dated.items() if n == top and d)
        return days[0], days[-1], "day" if days[0] == days[-1] else "range"
    spans = [r for r in reports if r.day_low and r.day_high]
    firm = [r for r in spans if r.date_from != "estimate"] or spans
    windows = [(r.day_low, r.day_high) for r in firm]
    if not windows:
        highs = [r.day_high for r in reports if r.day_high]
        return (None, min(highs), "before") if highs else (None, None, None)
    low = max(w[0] for w in windows)
    high = min(w[1] for w in windows)  # type: ignore[type-var]
    if low > high:  # type: ignore[operator]
        low, high = min(w[0] for w in windows), max(w[1] for w in windows)  # type: ignore[type-var]
    return low, high, "day" if low == high else "range"


def incident_label(incident: Incident, gazette: Gazette) -> str:
    """ "chemical attack in Khan Sheikhoun, 2017-04-04": kind, place, day; "near" when
    every report that sets it at that place says only that it was near it ("west of
    Aleppo"). When some of its leads tell only of an explosion while others give a cause
    (an air strike, a bombing), it is the explosion all agree on: the cause is what the
    sources dispute, and the label takes no side."""
    kind = incident.kind
    if any(r.lead and r.kind == BLAST for r in incident.reports) and kind != GENERIC:
        kind = BLAST
    what = _KIND_WORDS.get(kind, kind)
    where = gazette.place_name(incident.place_id)
    when = incident.date_start if incident.date_precision == "day" else None
    if incident.date_precision == "range" and incident.date_start and incident.date_end:
        when = f"{incident.date_start}/{incident.date_end}"
    there = [r for r in incident.reports if r.place_id == incident.place_id]
    at = "near" if there and all(r.around for r in there) else "in"
    return what + (f" {at} {where}" if where else "") + (f", {when}" if when else "")


_KIND_WORDS = {
    "attack": "attack", "aerial": "air strike", "shelling": "shelling",
    "explosives": "bombing", "blast": "explosion", "chemical": "chemical attack",
    "ground": "clashes", "killing": "killing", "capture": "capture", "siege": "siege",
    "abduction": "abduction", "evacuation": "evacuation", "ceasefire": "ceasefire",
    "downing": "aircraft downed",
}  # fmt: skip
