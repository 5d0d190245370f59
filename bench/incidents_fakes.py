"""Incidents, disputes and perpetrators across outlets, against hand-made gold on FA-KES.

The gold (`incidents-fakes/incidents-dev.yaml`, read its README) says which reports in the
FA-KES articles tell of the same real happening, which sources genuinely disagree (numeric,
perpetrator, denial, control), which later tolls are updates, and who each source says did
it. This script ingests the CSV with the real pipeline (into `--db`, or a temporary database)
and scores what rashomon stored:

- incident clustering of reports: a gold report (an article's account of a gold incident) is
  matched to the predicted report of the same article whose sentences overlap its evidence
  (the report's, its figures' and its perpetrator's sentences) the most; an article's one
  gold report left unmatched takes the article's one predicted report left, if there is
  exactly one (the annotator quoted another sentence about the same happening). Pairwise: a gold
  pair is found when both reports match reports of one predicted incident; a predicted pair
  of reports in two annotated articles is right when both match reports of one gold incident
  (so linking a report that the gold holds nowhere counts against precision). B-cubed over
  the gold reports plus the predicted reports of annotated articles that match none (each
  its own gold singleton);
- disputes, overall and by kind: a predicted dispute (status "dispute") matches a gold one
  of the same kind when the gold's two sides' articles stand on two different positions of
  it; precision over predicted disputes whose sides are all in annotated articles, of the
  gold's kinds (numeric, perpetrator, denial, control: a kind it does not annotate, such as
  intent, is counted apart in `outside_gold_kinds`); and the count of predicted disputes
  whose sides all come from one claimant (must be 0); predictions that match no gold item
  are broken down by what the gold says of their articles (a gold update, a look-alike
  pair by its reason, articles of different gold incidents, or unjudged), so errors can be
  counted by kind on the checking half without reading its articles;
- updates: the same matching against the gold's updates (status "update");
- perpetrator attribution per gold report that names a doer: the matched report names an
  actor that is, or belongs to, the one the gold names (the gold's free text is resolved
  with rashomon's own actor dictionary; unresolved gold names are counted apart).

Baseline, same run, same scorer: one incident per (event type, place, day) over the stored
events that have a place and a day, as a simple event-data coder would build.

Halves: the gold is split by incident id (bench/common.py `half_of`); tune on the tuning
half, report the checking half. A predicted pair or dispute belongs to the half of the gold
incident it matches, else to the half of its first article's unit id.

    .venv/bin/python bench/incidents_fakes.py [--data CSV] [--gold YAML] [--db FILE] [--json]
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import tempfile
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

# Run as a script, so this folder is on sys.path and the shared plumbing imports as `common`.
from common import (
    EVAL_DATA,
    FAKES_DEV_CSV,
    FAKES_FIELD_MAP,
    HALVES,
    Column,
    display_path,
    half_of,
    print_facts,
    print_table,
    run_main,
)
from coref_metrics import b_cubed, prf

from rashomon.errors import RashomonError

GOLD = EVAL_DATA / "incidents-fakes" / "incidents-dev.yaml"
KINDS = ("numeric", "perpetrator", "denial", "control")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[a-z0-9]+")
MIN_OVERLAP = 0.5  # share of the shorter text's words a sentence must share with evidence


# -- gold ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldReport:
    incident: str
    unit: str
    evidence: tuple[str, ...]
    perpetrator: str | None


@dataclass(frozen=True)
class GoldSided:
    """A gold dispute or update: its incident, kind, and the articles on each side."""

    id: str
    incident: str
    kind: str
    sides: tuple[str, ...]  # one unit id per side


@dataclass
class Gold:
    reports: list[GoldReport]
    disputes: list[GoldSided]
    updates: list[GoldSided]
    annotated: set[str]
    single: set[str] = field(default_factory=set)  # articles whose incident only they report
    # pairs a naive system would flag, not disputes: (the two articles, why, by reason)
    non_disputes: list[tuple[frozenset[str], str]] = field(default_factory=list)

    def incidents(self) -> dict[str, list[GoldReport]]:
        found: dict[str, list[GoldReport]] = defaultdict(list)
        for report in self.reports:
            found[report.incident].append(report)
        return found


def load_gold(path: Path) -> Gold:
    if not path.is_file():
        raise RashomonError(f"{path}: no such file")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise RashomonError(f"{path}: not YAML ({exc})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("incidents"), list):
        raise RashomonError(f"{path}: no `incidents` list (see incidents-fakes/README.md)")
    reports = []
    for incident in data["incidents"]:
        for report in incident.get("reports") or []:
            evidence = list(report.get("evidence") or [])
            evidence += [f["evidence"] for f in report.get("figures") or [] if f.get("evidence")]
            doer = report.get("perpetrator") or None
            if doer and doer.get("evidence"):
                evidence.append(doer["evidence"])
            reports.append(
                GoldReport(
                    str(incident["id"]),
                    str(report["article"]),
                    tuple(_norm(e) for e in evidence if e),
                    doer.get("actor") if doer else None,
                )  # fmt: skip
            )
    disputes = [
        GoldSided(
            str(d["id"]),
            str(d["incident"]),
            str(d["kind"]),
            tuple(str(s["article"]) for s in d.get("sides") or []),
        )  # fmt: skip
        for d in data.get("disputes") or []
    ]
    updates = [
        GoldSided(
            f"U{n}",
            str(u["incident"]),
            "numeric",
            (str(u["earlier"]["article"]), str(u["later"]["article"])),
        )  # fmt: skip
        for n, u in enumerate(data.get("updates") or [], 1)
    ]
    annotated = {str(a) for a in data.get("annotated_articles") or []}
    annotated |= {r.unit for r in reports}
    single = {str(a) for a in data.get("single_report_articles") or []}
    non_disputes = [
        (frozenset(str(a) for a in pair.get("articles") or []), _reason(str(pair.get("why", ""))))
        for pair in data.get("non_disputes") or []
    ]
    return Gold(
        reports, disputes, updates, annotated, single - {r.unit for r in reports}, non_disputes
    )


# The annotators' free-text reasons why a look-alike pair is no dispute, in a few kinds
# (first that matches): for a breakdown of false disputes by what they mistook.
_REASONS = (
    ("different incidents", re.compile(r"different (?:incident|day|neighbourhood|act)|place"
                                       r" differs|possibly different")),
    ("part vs whole", re.compile(r"part vs whole")),
    ("cumulative vs single", re.compile(r"cumulative|single day")),
    ("victim groups", re.compile(r"victim group|groups of")),
    ("compatible qualifiers", re.compile(r"lower bound|compatible|qualifiers allow")),
    ("one source", re.compile(r"same (?:total|briefing|perpetrator)|repeats")),
    ("rising count", re.compile(r"rising|times of")),
)  # fmt: skip


def _reason(why: str) -> str:
    lowered = why.lower()
    return next((name for name, pattern in _REASONS if pattern.search(lowered)), "other")


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()


def _overlap(a: str, b: str) -> float:
    """How much of the shorter text the longer one holds: containment, else shared words."""
    if not a or not b:
        return 0.0
    if a in b or b in a:
        return 1.0
    first, second = set(_WORD.findall(a)), set(_WORD.findall(b))
    if not first or not second:
        return 0.0
    return len(first & second) / min(len(first), len(second))


# -- predictions -----------------------------------------------------------------------------


@dataclass(frozen=True)
class PredReport:
    unit: str
    sentences: tuple[str, ...]
    perpetrators: tuple[str, ...] = ()  # actor ids
    lead: bool = True  # the article's main incident (the baseline does not know: all are)


@dataclass
class Prediction:
    incidents: dict[str, list[PredReport]] = field(default_factory=dict)
    copies: dict[str, str] = field(default_factory=dict)  # unit -> the unit it repeats
    disputes: list[tuple[str, str | None, str, tuple[tuple[str, str | None], ...]]] = field(
        default_factory=list
    )  # (kind, incident, status, ((unit, claimant) per side with its position in order))
    positions: list[tuple[tuple[int, ...], ...]] = field(default_factory=list)


def unit_ids(store) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """article id -> FA-KES unit id (the part of the source after '#')."""
    return {
        aid: source.rsplit("#", 1)[1]
        for aid, source in store.conn.execute("SELECT id, source FROM articles")
        if "#" in source
    }


def copy_groups(store) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """FA-KES unit id -> the unit of the text it repeats (itself when it repeats none).
    FA-KES has 13 rows that repeat another row's text; the gold annotates such a text
    under one of the two ids, so a copy and its original are one report when scored."""
    units = unit_ids(store)
    return {
        units[aid]: units.get(original or aid, units[aid])
        for aid, original in store.conn.execute("SELECT id, duplicate_of FROM articles")
        if aid in units
    }


def predicted(store) -> Prediction:  # type: ignore[no-untyped-def]
    from rashomon.store.incidents import read_incidents

    units = unit_ids(store)
    bodies = dict(store.conn.execute("SELECT id, body FROM articles").fetchall())
    found = Prediction(copies=copy_groups(store))
    for incident in read_incidents(store):
        reports = []
        for r in incident.reports:
            if r.article_id not in units:
                continue
            body = bodies[r.article_id]
            texts = tuple(
                _norm(body[s:e]) for s, e in (r.sentences or ((r.sentence_start, r.sentence_end),))
            )
            reports.append(PredReport(units[r.article_id], texts, r.perpetrator_ids, r.lead))
        found.incidents[incident.id] = reports
    _predicted_disputes(store, units, found)
    return found


def _predicted_disputes(store, units: dict[str, str], found: Prediction) -> None:  # type: ignore[no-untyped-def]
    from rashomon.store.findings import read_disputes

    for dispute in read_disputes(store, include_updates=True):
        sides = tuple(
            (units.get(s.article_id, s.article_id), s.claimant or s.outlet) for s in dispute.sides
        )
        found.disputes.append((dispute.kind, dispute.incident_id, dispute.status, sides))
        found.positions.append(tuple(s.position for s in dispute.sides))  # type: ignore[arg-type]


def baseline(store) -> Prediction:  # type: ignore[no-untyped-def]
    """One incident per (type, place, day) of the stored events with a place and a day."""
    units = unit_ids(store)
    groups: dict[tuple[str, str, str], dict[str, list[str]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for row in store.conn.execute(
        "SELECT e.article_id, e.type, e.place_id, e.date, substr(a.body, e.sentence_start + 1,"
        " e.sentence_end - e.sentence_start) FROM events e JOIN articles a ON a.id = e.article_id"
        " WHERE e.place_id IS NOT NULL AND e.date_precision = 'day'"
    ):
        article_id, kind, place, day, sentence = row
        if article_id in units:
            groups[(kind, place, day)][units[article_id]].append(_norm(sentence))
    found = Prediction(copies=copy_groups(store))
    for n, (_, by_unit) in enumerate(sorted(groups.items())):
        found.incidents[f"base:{n}"] = [PredReport(u, tuple(s)) for u, s in by_unit.items()]
    return found


# -- scoring ---------------------------------------------------------------------------------


@dataclass
class Matching:
    """Which predicted report each gold report matched (incident id, report index)."""

    of_gold: dict[GoldReport, tuple[str, int]]
    gold_of_pred: dict[tuple[str, int], set[str]]  # predicted report -> gold incidents


def match_reports(gold: Gold, pred: Prediction) -> Matching:
    by_unit: dict[str, list[tuple[str, int, PredReport]]] = defaultdict(list)
    for incident_id, reports in pred.incidents.items():
        for i, report in enumerate(reports):
            by_unit[report.unit].append((incident_id, i, report))
    of_gold: dict[GoldReport, tuple[str, int]] = {}
    gold_of_pred: dict[tuple[str, int], set[str]] = defaultdict(set)
    for g in gold.reports:
        best, score = None, 0.0
        for incident_id, i, report in by_unit.get(g.unit, ()):
            value = max((_overlap(e, s) for e in g.evidence for s in report.sentences), default=0)
            if value > score:
                best, score = (incident_id, i), value
        if best is not None and score >= MIN_OVERLAP:
            of_gold[g] = best
            gold_of_pred[best].add(g.incident)
    # An article's one gold report whose evidence no predicted sentence repeats still matches
    # the article's one report left (the annotator quoted another sentence about it)
    for unit, reports in by_unit.items():
        left_gold = [g for g in gold.reports if g.unit == unit and g not in of_gold]
        left_pred = [(i, n) for i, n, _ in reports if (i, n) not in gold_of_pred]
        if len(left_gold) == 1 and len(left_pred) == 1:
            of_gold[left_gold[0]] = left_pred[0]
            gold_of_pred[left_pred[0]].add(left_gold[0].incident)
    return Matching(of_gold, gold_of_pred)


def score_incidents(gold: Gold, pred: Prediction, half: str | None) -> dict[str, object]:
    matching = match_reports(gold, pred)
    labels = judged_labels(gold, pred, matching)
    incidents = {k: v for k, v in gold.incidents().items() if half is None or half_of(k) == half}
    gold_pairs = found = 0
    for reports in incidents.values():
        for i, a in enumerate(reports):
            for b in reports[i + 1 :]:
                gold_pairs += 1
                ma, mb = matching.of_gold.get(a), matching.of_gold.get(b)
                found += bool(ma and mb and ma[0] == mb[0])
    judged = right = strict = strict_right = 0
    for incident_id, reports in pred.incidents.items():
        members = [(i, r) for i, r in enumerate(reports) if r.unit in gold.annotated]
        for x, (i, a) in enumerate(members):
            for j, b in members[x + 1 :]:
                if pred.copies.get(a.unit, a.unit) == pred.copies.get(b.unit, b.unit):
                    continue  # one text filed twice is one report
                la = labels.get((incident_id, i), frozenset())
                lb = labels.get((incident_id, j), frozenset())
                owner = sorted(k for k in la | lb if not k.startswith(_SINGLE))
                pair_half = half_of(owner[0]) if owner else half_of(min(a.unit, b.unit))
                if half is not None and pair_half != half:
                    continue
                strict += 1
                strict_right += bool(la & lb)
                if la and lb:
                    judged += 1
                    right += bool(la & lb)
    key = [[(g.incident, g.unit) for g in reports] for reports in incidents.values()]
    response: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for reports in incidents.values():
        for g in reports:
            where = matching.of_gold.get(g)
            response[f"{where[0]}" if where else f"alone:{g.incident}:{g.unit}"].append(
                (g.incident, g.unit)
            )
    for (incident_id, _), label in sorted(labels.items()):
        (name,) = label if len(label) == 1 else ("",)
        if name.startswith(_SINGLE) and (half is None or half_of(name[len(_SINGLE) :]) == half):
            key.append([(name, name)])
            response[incident_id].append((name, name))
    return {
        "pairwise": prf(right, judged, found, gold_pairs),
        "pairwise_strict": prf(strict_right, strict, found, gold_pairs),
        "b_cubed": b_cubed(key, list(response.values())),
        "gold_incidents": len(incidents),
        "gold_pairs": gold_pairs,
        "predicted_pairs": judged,
        "unjudged_pairs": strict - judged,
        "matched_reports": sum(1 for g in matching.of_gold if g.incident in incidents),
        "gold_reports": sum(len(r) for r in incidents.values()),
    }


_SINGLE = "single:"


def judged_labels(
    gold: Gold, pred: Prediction, matching: Matching
) -> dict[tuple[str, int], frozenset[str]]:
    """The gold incidents each predicted report is judged to tell of: those of the gold
    reports it matched, or, for the lead report of an article whose incident only it
    reports, that article's own incident. Other reports (passing mentions the annotators
    did not list) are not judged."""
    labels = {key: frozenset(found) for key, found in matching.gold_of_pred.items()}
    for incident_id, reports in pred.incidents.items():
        for i, report in enumerate(reports):
            unit = pred.copies.get(report.unit, report.unit)
            if (incident_id, i) not in labels and report.lead and report.unit in gold.single:
                labels[(incident_id, i)] = frozenset({_SINGLE + unit})
    return labels


def score_sided(
    gold_items: Sequence[GoldSided], pred: Prediction, status: str, gold: Gold, half: str | None
) -> dict[str, object]:
    """Disputes (or updates) found, overall and by kind."""
    matching = match_reports(gold, pred)
    gold_incident_of_pred = defaultdict(set)
    for (incident_id, _), incidents in matching.gold_of_pred.items():
        gold_incident_of_pred[incident_id] |= incidents
    wanted = [g for g in gold_items if half is None or half_of(g.incident) == half]
    predictions = []
    outside: dict[str, int] = {}
    for n, (kind, incident_id, st, sides) in enumerate(pred.disputes):
        if st != status or not all(u in gold.annotated for u, _ in sides):
            continue
        owners = sorted(gold_incident_of_pred.get(incident_id or "", set()))
        owner_half = half_of(owners[0]) if owners else half_of(min(u for u, _ in sides))
        if kind not in KINDS:
            outside[kind] = outside.get(kind, 0) + 1  # a kind the gold does not annotate
        elif half is None or owner_half == half:
            predictions.append((n, kind, sides))
    hit_gold, hit_pred = set(), set()
    for g in wanted:
        for n, kind, sides in predictions:
            if kind != g.kind:
                continue
            positions = pred.positions[n]
            where = [{p for (u, _), p in zip(sides, positions, strict=True) if u == a}
                     for a in g.sides]  # fmt: skip
            if len(where) >= 2 and all(where) and _distinct(where):
                hit_gold.add(g.id)
                hit_pred.add(n)
    result: dict[str, object] = prf(len(hit_pred), len(predictions), len(hit_gold), len(wanted))
    result |= {"gold": len(wanted), "predicted": len(predictions)}
    by_kind = {}
    for kind in KINDS:
        gk = [g for g in wanted if g.kind == kind]
        pk = [n for n, k, _ in predictions if k == kind]
        by_kind[kind] = prf(len([n for n in pk if n in hit_pred]), len(pk),
                            len([g for g in gk if g.id in hit_gold]), len(gk))  # fmt: skip
        by_kind[kind] |= {"gold": len(gk), "predicted": len(pk)}
    result["by_kind"] = by_kind
    result["outside_gold_kinds"] = outside
    result["false_by_reason"] = _false_by_reason(
        [(n, kind, sides) for n, kind, sides in predictions if n not in hit_pred], gold, status
    )
    result["one_claimant"] = sum(
        1 for _, _, sides in predictions if len({(c or "").lower() for _, c in sides}) < 2
    )
    return result


def _false_by_reason(
    misses: Sequence[tuple[int, str, tuple[tuple[str, str | None], ...]]],
    gold: Gold,
    status: str,
) -> dict[str, int]:
    """What the predictions that matched no gold item are, by the gold's own reading of
    their articles: a gold update (for disputes) or dispute (for updates) between them, a
    look-alike pair the gold calls no dispute (by its reason), articles the gold puts in
    different incidents, or none of these ("unjudged"). Only an item of the prediction's kind
    counts: a perpetrator dispute between two articles says nothing of their tolls."""
    incidents_of: dict[str, set[str]] = defaultdict(set)
    for report in gold.reports:
        incidents_of[report.unit].add(report.incident)
    others = gold.updates if status == "dispute" else gold.disputes
    found: dict[str, int] = defaultdict(int)
    for _, kind, sides in misses:
        units = {u for u, _ in sides}
        if any(g.kind == kind and len(set(g.sides)) > 1 and set(g.sides) <= units for g in others):
            reason = "gold " + ("update" if status == "dispute" else "dispute")
        elif hit := next((why for pair, why in gold.non_disputes if pair <= units), None):
            reason = "look-alike: " + hit
        elif len(units) > 1 and not set.intersection(*(incidents_of[u] for u in units)):
            reason = "articles in different gold incidents"
        else:
            reason = "unjudged"
        found[reason] += 1
    return dict(sorted(found.items()))


def _distinct(where: list[set[int]]) -> bool:
    """Two gold sides stand on two different positions of the predicted dispute."""
    return any(p != q for p in where[0] for q in where[1])


def score_perpetrators(gold: Gold, pred: Prediction, store, half: str | None) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Share of gold reports naming a doer whose matched report names it (or a member)."""
    from rashomon.extract.actor_dictionary import ActorDictionary

    dictionary = ActorDictionary.load()
    parents = dict(store.conn.execute("SELECT id, affiliation FROM actors").fetchall())
    matching = match_reports(gold, pred)
    named = right = unresolved = 0
    for g in gold.reports:
        if not g.perpetrator or (half is not None and half_of(g.incident) != half):
            continue
        wanted = _resolve(dictionary, g.perpetrator)
        if wanted is None:
            unresolved += 1
            continue
        named += 1
        where = matching.of_gold.get(g)
        if where is None:
            continue
        said = pred.incidents[where[0]][where[1]].perpetrators
        right += any(wanted in _lineage(a, parents) or a in _lineage(wanted, parents)
                     for a in said)  # fmt: skip
    return {"accuracy": right / named if named else 0.0, "named": named, "right": right,
            "unresolved": unresolved}  # fmt: skip


_MEANS = re.compile(
    r"\b(?:forces|jets|warplanes|planes|aircraft|troops|militias?|loyal to|backed|"
    r"suspected|unidentified|group|drones?|strikes?|the)\b",
    re.I,
)


def _resolve(dictionary, text: str) -> str | None:  # type: ignore[no-untyped-def]
    """The actor a gold free-text doer names ("Assad's forces", "Russian jets"), through
    rashomon's own dictionary: the name, its parts, without the means or the possessive."""
    for part in re.split(r"[/(),;]| or | and ", text):
        part = part.strip().strip('"').strip()
        for variant in (part, _MEANS.sub(" ", part.replace("'s", "")).strip()):
            variant = re.sub(r"\s+", " ", variant)
            if not variant:
                continue
            found = dictionary.lookup(variant) or dictionary.by_metonym(variant)
            if not found and variant.lower().endswith(("ian", "ish", "an")):
                found = dictionary.lookup(variant + " government")
            if found:
                return found[0].id
    return None


def _lineage(actor_id: str, parents: dict[str, str | None]) -> set[str]:
    chain, current = {actor_id}, parents.get(actor_id)
    while current and current not in chain:
        chain.add(current)
        current = parents.get(current)
    return chain


# -- running ---------------------------------------------------------------------------------


def open_store(data: Path, db: Path | None):  # type: ignore[no-untyped-def]
    """The store with the CSV ingested: `db` when given (ingested if empty, else its
    cross-article half is placed again from scratch), else a temporary one."""
    from rashomon.article.outlets import OutletDirectory
    from rashomon.ingest.records import FieldMap
    from rashomon.pipeline import IngestOptions, ingest
    from rashomon.pipeline.placement import place_pending
    from rashomon.settings import Settings
    from rashomon.store import Store
    from rashomon.store.stories import clear_cross_article

    if not data.is_file():
        raise RashomonError(f"{data}: no such file")
    path = db or Path(tempfile.mkdtemp(prefix="incidents-")) / "fakes.db"
    store = Store(path)
    if store.article_count():
        clear_cross_article(store)
        place_pending(store)
        return store
    options = IngestOptions(field_map=FieldMap.parse(
        [f"{k}={v}" for k, v in FAKES_FIELD_MAP.items()], "MDY"))  # fmt: skip
    failures: list[str] = []
    ingest([str(data)], store, Settings(db=str(path)), options, OutletDirectory.load(),
           lambda e: failures.append(str(e)), show_progress=False)  # fmt: skip
    return store


def measure(args: argparse.Namespace) -> dict[str, object]:
    gold = load_gold(args.gold)
    store = open_store(args.data, args.db)
    present = set(unit_ids(store).values())
    if gold.annotated and not gold.annotated & present:
        raise RashomonError(f"{args.gold}: none of its annotated articles is in {args.data}"
                            " (is it the annotation of that CSV?)")  # fmt: skip
    ours, base = predicted(store), baseline(store)
    result: dict[str, object] = {
        "data": display_path(args.data), "gold": display_path(args.gold),
        # the gate (tests/test_bench_incidents_fakes.py) re-pins its floors when these change
        "data_sha256": hashlib.sha256(args.data.read_bytes()).hexdigest(),
        "gold_sha256": hashlib.sha256(args.gold.read_bytes()).hexdigest(),
        # annotated articles the CSV lacks: their gold counts as missed
        "gold_articles_missing": len(gold.annotated - present),
        "gold_articles": len(gold.annotated),
    }  # fmt: skip
    for half in (None, *HALVES):
        name = half or "whole"
        result[name] = {
            "incidents": score_incidents(gold, ours, half),
            "disputes": score_sided(gold.disputes, ours, "dispute", gold, half),
            "updates": score_sided(gold.updates, ours, "update", gold, half),
            "perpetrators": score_perpetrators(gold, ours, store, half),
            "baseline": {"incidents": score_incidents(gold, base, half)},
        }
    result["stories"] = story_spans(store)
    checking = result["checking"]
    assert isinstance(checking, dict)
    result |= {  # the checking half at the top, as the fields
        "incidents": checking["incidents"], "disputes": checking["disputes"],
        "baseline": checking["baseline"],
    }  # fmt: skip
    return result


STORY_DAYS = 45  # a story spans no more, unless its articles name one continuing thing


def story_spans(store) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """How long the stories run, first to last publication day of their dated articles: a
    story is bounded in time, and one over STORY_DAYS is listed by label."""
    rows = store.conn.execute(
        "SELECT label, julianday(end) - julianday(start) FROM stories WHERE start IS NOT NULL"
    ).fetchall()
    longer = sorted((label for label, days in rows if days > STORY_DAYS))
    return {"stories": len(rows), "longest_days": max((d for _, d in rows), default=0),
            "over_limit": longer, "limit_days": STORY_DAYS}  # fmt: skip


def show(result: dict[str, object], args: argparse.Namespace) -> None:
    print_facts({"data": result["data"], "gold": result["gold"]})
    if result["gold_articles_missing"]:
        print(f"warning: {result['gold_articles_missing']} of the gold's {result['gold_articles']}"
              " annotated articles are not in the data; their gold counts as missed")  # fmt: skip
    print()
    rows = []
    for half in ("tuning", "checking", "whole"):
        part = result[half]
        assert isinstance(part, dict)
        for who, scores in (("rashomon", part), ("baseline", part["baseline"])):
            inc = scores["incidents"]
            rows.append({
                "half": half, "system": who, "pair_p": inc["pairwise"]["precision"],
                "pair_r": inc["pairwise"]["recall"], "pair_f1": inc["pairwise"]["f1"],
                "bcubed_f1": inc["b_cubed"]["f1"], "strict_f1": inc["pairwise_strict"]["f1"],
                "disp_p": scores["disputes"]["precision"] if "disputes" in scores else None,
                "disp_r": scores["disputes"]["recall"] if "disputes" in scores else None,
                "upd_r": scores["updates"]["recall"] if "updates" in scores else None,
                "perp_acc": scores["perpetrators"]["accuracy"]
                if "perpetrators" in scores else None,
            })  # fmt: skip
    print_table(rows, [Column("half"), Column("system"), Column("pair_p", fmt=".3f"),
                       Column("pair_r", fmt=".3f"), Column("pair_f1", fmt=".3f"),
                       Column("bcubed_f1", fmt=".3f"), Column("strict_f1", fmt=".3f"),
                       Column("disp_p", fmt=".3f"),
                       Column("disp_r", fmt=".3f"), Column("upd_r", fmt=".3f"),
                       Column("perp_acc", fmt=".3f")])  # fmt: skip
    print()
    kinds = []
    for half in ("tuning", "checking"):
        part = result[half]
        assert isinstance(part, dict)
        for kind, s in part["disputes"]["by_kind"].items():
            kinds.append({"half": half, "kind": kind, **s})
    print_table(kinds, [Column("half"), Column("kind"), Column("gold"), Column("predicted"),
                        Column("precision", fmt=".3f"), Column("recall", fmt=".3f")])  # fmt: skip
    for half in ("tuning", "checking"):
        part = result[half]
        assert isinstance(part, dict)
        for status in ("disputes", "updates"):
            reasons = part[status]["false_by_reason"]
            said = ", ".join(f"{n} {why}" for why, n in reasons.items()) or "none"
            print(f"{half} {status} matching no gold item: {said}")
    spans = result["stories"]
    assert isinstance(spans, dict)
    print(f"\nstories: {spans['stories']}, the longest {spans['longest_days']:.0f} days;"
          f" over {spans['limit_days']} days: {len(spans['over_limit'])}")  # fmt: skip


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=FAKES_DEV_CSV, help="FA-KES-shaped CSV")
    parser.add_argument("--gold", type=Path, default=GOLD, help="incident annotation YAML")
    parser.add_argument("--db", type=Path, help="database to ingest into, or reuse (re-placed)")
    parser.add_argument("--json", action="store_true", help="print only the JSON object")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    return run_main("incidents_fakes", argv, parse_args, measure, show)


if __name__ == "__main__":
    sys.exit(main())
