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

from rashomon.facts import Gazette, Incident, IncidentReport
from rashomon.reconcile.incident_kinds import GENERIC, IncidentKinds
from rashomon.reconcile.reports import places_meet

_COUNTRY = "country"


@dataclass(frozen=True)
class MatchConfig:
    """Weights of the evidence that two reports tell of one happening. Tuned on the tuning
    half of the FA-KES incident gold (bench/incidents_fakes.py)."""

    threshold: float = 2.0
    same_kind: float = 1.0
    compatible_kind: float = 0.5
    generic_kind: float = 0.3
    other_violent_kind: float = 0.0  # "rockets" against "air strike": possible, no evidence
    same_day: float = 1.0
    next_day: float = 0.6
    window_overlap: float = 0.4
    day_slack: int = 1  # text-dated days this far apart can be one happening
    same_place: float = 1.2
    nested_place: float = 0.5  # one place lies in the other (a town in its province)
    near_place: float = 0.5  # close by (see reports.NEAR_KM)
    same_toll: float = 1.0  # a casualty figure both give
    small_toll: float = 0.5  # ... when it is a small number, common by chance
    small_below: float = 5
    same_doer: float = 0.5
    same_target: float = 0.3
    # beyond kind and day, a match needs a place, a toll or a doer in common
    need_support: bool = True


def new_incident_id(report: IncidentReport) -> str:
    key = f"{report.article_id}:{report.sentence_start}:{report.kind}"
    return "incident:" + hashlib.sha256(key.encode()).hexdigest()[:12]


def match_report(
    report: IncidentReport,
    candidates: Sequence[Incident],
    gazette: Gazette,
    kinds: IncidentKinds,
    config: MatchConfig | None = None,
) -> Incident | None:
    """The candidate incident this report tells of, or None (it starts one)."""
    cfg = config or MatchConfig()
    best: tuple[float, str, Incident | None] = (0.0, "", None)
    for incident in candidates:
        score = match_score(report, incident, gazette, kinds, cfg)
        if (
            score is not None
            and score >= cfg.threshold
            and (score > best[0] or (score == best[0] and incident.id < best[1]))
        ):
            best = (score, incident.id, incident)
    return best[2]


def match_score(
    report: IncidentReport,
    incident: Incident,
    gazette: Gazette,
    kinds: IncidentKinds,
    config: MatchConfig | None = None,
) -> float | None:
    """How strongly the evidence says the report tells of the incident; None when something
    rules it out (kinds, days or places that cannot meet, or the article already in it)."""
    cfg = config or MatchConfig()
    if report.article_id in incident.article_ids:
        return None
    kind = _kind_score(report.kind, incident.kind, kinds, cfg)
    day = _day_score(report, incident, cfg)
    place = _place_score(report.place_id, incident, gazette, cfg)
    if kind is None or day is None or place is None:
        return None
    toll = _toll_score(report, incident, cfg)
    doer = cfg.same_doer if set(report.perpetrator_ids) & _perpetrators(incident) else 0.0
    target = cfg.same_target if set(report.target_actor_ids) & _targets(incident) else 0.0
    if cfg.need_support and not (place > 0 or toll > 0 or doer > 0):
        return None
    if not report.day_low and not (toll > 0 or doer > 0):
        return None  # an undated mention needs more than a kind and a place in common
    return kind + day + place + toll + doer + target


def _kind_score(mine: str, theirs: str, kinds: IncidentKinds, cfg: MatchConfig) -> float | None:
    """Kinds that can be one happening score; two violent kinds that cannot ("rockets" in
    one account, "an air strike" in another) score nothing but rule nothing out: sources
    that disagree on how a market was hit still tell of one happening, when place and day
    say so. A violent kind and a peaceful one (a strike and a ceasefire) never meet."""
    if mine == theirs:
        return cfg.generic_kind if mine == GENERIC else cfg.same_kind
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
        gap = abs((high - theirs[1]).days)
        if gap == 0:
            return cfg.same_day
        return cfg.next_day if gap <= cfg.day_slack else None
    start = (theirs[0] or theirs[1]) - timedelta(days=cfg.day_slack)
    end = theirs[1] + timedelta(days=cfg.day_slack)
    if low is None:  # a passing mention of something before `high`
        return 0.0 if start <= high else None
    return cfg.window_overlap if low <= end and start <= high else None


def _day(iso: str | None) -> date | None:
    return date.fromisoformat(iso) if iso else None


def _place_score(
    place_id: str | None, incident: Incident, gazette: Gazette, cfg: MatchConfig
) -> float | None:
    theirs = incident.place_id
    if not place_id or not theirs:
        return 0.0
    if place_id == theirs:
        place = gazette.places.get(place_id)
        return 0.0 if place is not None and place.precision == _COUNTRY else cfg.same_place
    if not places_meet(place_id, theirs, gazette):
        return None
    chain = gazette.place_chain(place_id)
    if theirs not in chain and place_id not in gazette.place_chain(theirs):
        return cfg.near_place  # close by, neither within the other
    outer = theirs if theirs in chain else place_id
    place = gazette.places.get(outer)
    return 0.0 if place is not None and place.precision == _COUNTRY else cfg.nested_place


def _toll_score(report: IncidentReport, incident: Incident, cfg: MatchConfig) -> float:
    theirs = {value for r in incident.reports for value in r.figure_values}
    shared = [v for measure, v in report.figure_values if (measure, v) in theirs]
    if not shared:
        return 0.0
    return cfg.same_toll if max(shared) >= cfg.small_below else cfg.small_toll


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


def with_story(incident: Incident, story_id: str | None) -> Incident:
    return replace(incident, story_id=story_id)


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
    report dates it, else the days every report's window allows (else all of them)."""
    dated = Counter(r.day_low for r in reports if r.date_from == "text" and r.dated)
    if dated:
        top = max(dated.values())
        days = sorted(d for d, n in dated.items() if n == top and d)
        return days[0], days[-1], "day" if days[0] == days[-1] else "range"
    windows = [(r.day_low, r.day_high) for r in reports if r.day_low and r.day_high]
    if not windows:
        highs = [r.day_high for r in reports if r.day_high]
        return (None, min(highs), "before") if highs else (None, None, None)
    low = max(w[0] for w in windows)
    high = min(w[1] for w in windows)  # type: ignore[type-var]
    if low > high:  # type: ignore[operator]
        low, high = min(w[0] for w in windows), max(w[1] for w in windows)  # type: ignore[type-var]
    return low, high, "day" if low == high else "range"


def incident_label(incident: Incident, gazette: Gazette) -> str:
    """ "chemical attack in Khan Sheikhoun, 2017-04-04": kind, place, day."""
    what = _KIND_WORDS.get(incident.kind, incident.kind)
    where = gazette.place_name(incident.place_id)
    when = incident.date_start if incident.date_precision == "day" else None
    if incident.date_precision == "range" and incident.date_start and incident.date_end:
        when = f"{incident.date_start}/{incident.date_end}"
    return what + (f" in {where}" if where else "") + (f", {when}" if when else "")


_KIND_WORDS = {
    "attack": "attack", "aerial": "air strike", "shelling": "shelling",
    "explosives": "bombing", "chemical": "chemical attack", "ground": "clashes",
    "killing": "killing", "capture": "capture", "siege": "siege", "abduction": "abduction",
    "evacuation": "evacuation", "ceasefire": "ceasefire",
}  # fmt: skip
