"""Event location on the event-location dev split: rashomon's linker against the nearest place.

Each record (Halterman 2019, "Geolocating Political Events in Text") is a sentence with one
event VERB span and the LOCATION span(s), if any, where that event happened. Given the verb,
name the place or say "no place". Both systems choose among the same candidates: ours is
`rashomon.extract.events.location.link_place` (the dependency path to the verb), the baseline
the candidate nearest the verb in characters (none when there is none). Candidate sets:
`gazetteer` (what the product finds: `find_places`), `gazetteer_ner` (plus spaCy GPE/LOC/FAC
entities overlapping none of those) and `with_gold` (plus the gold spans: linking alone).

A prediction is right when it overlaps a gold LOCATION span, "no place" when there is none.
`accuracy` is over all records, `accuracy_with_place`/`_without_place` over those with and
without a gold place; precision, recall and F1 score the linked places. The `syria` subset
is the records whose text contains "Syria" (so "Syrian" too) or "Aleppo". Some LOCATION
spans carry broken character offsets but right token offsets and text: they are rebuilt
(`repaired_spans`) or, when nothing fits, dropped; records without exactly one VERB span are
skipped. The linker's costs were tuned on this dev split (the RELABEL gold set is held out
of it), so these scores flatter it: read them as a regression gate, not an estimate.

    .venv/bin/python bench/events_location.py [--data PATH] [--limit N] [--json]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

# Run as a script, so this folder is on sys.path and the shared plumbing imports as `common`.
from common import (
    EVAL_DATA,
    HALVES,
    Column,
    display_path,
    half_of,
    print_facts,
    print_table,
    run_main,
    timed,
    versions,
)
from spacy.tokens import Doc

from rashomon.errors import RashomonError
from rashomon.extract.events.location import link_place
from rashomon.extract.gazetteer import Gazetteer
from rashomon.extract.places import find_places
from rashomon.nlp import load_pipeline
from rashomon.settings import Settings

DEV_FILE = EVAL_DATA / "event-location" / "labeled_text_dev.json.gz"
SYRIA = re.compile(r"Syria|Aleppo")
NER_LABELS = frozenset({"GPE", "LOC", "FAC"})
CANDIDATE_SETS = ("gazetteer", "gazetteer_ner", "with_gold")
SUBSETS = ("all", "syria")
PARTS = ("whole", *HALVES)  # the whole run, then the tuning and checking halves
SYSTEMS = ("ours", "baseline")

Span = tuple[int, int]
COLUMNS = [
    *map(Column, ("half", "candidates", "subset", "system", "records")),
    *(Column(key, title, ".3f") for key, title in (
        ("accuracy", "acc"), ("accuracy_with_place", "acc place"),
        ("accuracy_without_place", "acc none"), ("precision", "P"), ("recall", "R"),
        ("f1", "F1"))),
    Column("predicted", "linked"),
]  # fmt: skip


@dataclass(frozen=True)
class Record:
    text: str
    verb: Span
    gold: tuple[Span, ...]
    syria: bool


@dataclass
class Reading:
    records: list[Record] = field(default_factory=list)
    skipped_records: int = 0  # not exactly one VERB span
    without_spans: int = 0  # no `spans` list (unannotated) or not a record
    repaired_spans: int = 0
    dropped_spans: int = 0


# -- data ------------------------------------------------------------------------------------


def read_records(path: Path, limit: int | None = None) -> Reading:
    """The first `limit` usable records (all by default) of an event-location file: one JSON
    array or JSON lines (Prodigy's export), gzipped or not. A record without `spans` (not
    annotated) or without exactly one VERB span is skipped and counted."""
    rows = _rows(path)
    reading = Reading()
    for row in rows:
        if limit is not None and len(reading.records) >= limit:
            break
        text = row.get("text") if isinstance(row, dict) else None
        spans = row.get("spans") if isinstance(row, dict) else None
        if not isinstance(text, str) or not isinstance(spans, list):
            reading.without_spans += 1  # unannotated (no `spans`) or not a record at all
            continue
        spans = [s for s in spans if isinstance(s, dict)]
        verbs = [
            (s["start"], s["end"])
            for s in spans
            if s.get("label") == "VERB" and isinstance(s.get("start"), int)
            and isinstance(s.get("end"), int) and 0 <= s["start"] < s["end"] <= len(text)
        ]  # fmt: skip
        if len(verbs) != 1:
            reading.skipped_records += 1
            continue
        gold: list[Span] = []
        for span in spans:
            if span.get("label") != "LOCATION":
                continue
            found, repaired = gold_span(text, row.get("tokens") or [], span)
            reading.repaired_spans += repaired and found is not None
            reading.dropped_spans += found is None
            if found is not None:
                gold.append(found)
        reading.records.append(Record(text, verbs[0], tuple(gold), bool(SYRIA.search(text))))
    if not reading.records:
        raise RashomonError(
            f"{path}: no usable records ({reading.without_spans} without text or spans, "
            f"{reading.skipped_records} without exactly one VERB span)"
        )
    return reading


def _rows(path: Path) -> list[object]:
    if not path.is_file():
        raise RashomonError(f"--data {path}: no such file")
    try:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8-sig") as handle:
            content = handle.read()
    except (OSError, EOFError, ValueError) as exc:  # a truncated gzip ends in EOFError
        raise RashomonError(f"{path}: cannot read: {exc}") from exc
    try:
        rows = json.loads(content)
    except ValueError:
        try:  # JSON lines: one record a line
            rows = [json.loads(line) for line in content.splitlines() if line.strip()]
        except ValueError as exc:
            raise RashomonError(f"{path}: neither a JSON array nor JSON lines: {exc}") from exc
    if isinstance(rows, dict):
        rows = [rows]
    if not isinstance(rows, list) or not rows:
        raise RashomonError(f"{path}: expected a non-empty JSON array of records")
    return rows


def gold_span(text: str, tokens: list[dict], span: dict) -> tuple[Span | None, bool]:
    """(char offsets, whether they had to be rebuilt) of one LOCATION span."""
    start, end, want = span.get("start"), span.get("end"), span.get("text")
    if not isinstance(start, int) or not isinstance(end, int):
        start = end = 0
    if not isinstance(want, str):
        want = None
    if start < end and text[start:end].strip() and want in (None, text[start:end]):
        return (start, end), False
    first, last = span.get("token_start", -1), span.get("token_end", -1)
    if isinstance(first, int) and isinstance(last, int) and 0 <= first <= last < len(tokens):
        start, end = tokens[first]["start"], tokens[last]["end"]
        if text[start:end].strip() and want in (None, text[start:end]):
            return (start, end), True
    if want and want.strip() and want in text:
        start = text.index(want)
        return (start, start + len(want)), True
    return None, True


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- scoring ---------------------------------------------------------------------------------


@dataclass
class Tally:
    """Counts for one system, one candidate set, one subset."""

    records: int = 0
    with_place: int = 0
    right: int = 0
    right_with_place: int = 0
    predicted: int = 0
    hits: int = 0

    def add(self, gold: Sequence[Span], predicted: Span | None) -> None:
        hit = predicted is not None and any(overlaps(predicted, g) for g in gold)
        self.records += 1
        self.with_place += bool(gold)
        self.predicted += predicted is not None
        self.hits += hit
        right = hit or (predicted is None and not gold)
        self.right += right
        self.right_with_place += right and bool(gold)

    def scores(self) -> dict[str, float | int]:
        without = self.records - self.with_place
        precision = self.hits / self.predicted if self.predicted else 0.0
        recall = self.hits / self.with_place if self.with_place else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "records": self.records,
            "predicted": self.predicted,
            "accuracy": self.right / self.records if self.records else 0.0,
            "accuracy_with_place": self.right_with_place / self.with_place
            if self.with_place
            else 0.0,
            "accuracy_without_place": (
                (self.right - self.right_with_place) / without if without else 0.0
            ),
            "precision": precision,
            "recall": recall,
            "f1": f1,
        }


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def nearest(verb: Span, candidates: Sequence[Span]) -> int | None:
    """The baseline: the candidate with the smallest character gap to the verb."""
    if not candidates:
        return None
    gaps = [max(c[0] - verb[1], verb[0] - c[1], 0) for c in candidates]
    return min(range(len(candidates)), key=lambda k: (gaps[k], k))


def candidate_sets(doc: Doc, gazetteer: Gazetteer, gold: Sequence[Span]) -> dict[str, list[Span]]:
    """The three candidate sets for one record, each in text order without overlaps."""
    places = [(m.start, m.end) for m in find_places(doc, gazetteer)]
    entities = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in NER_LABELS]
    with_ner = _merge(places, entities)
    return {"gazetteer": places, "gazetteer_ner": with_ner, "with_gold": _merge(gold, with_ner)}


def _merge(first: Sequence[Span], extra: Sequence[Span]) -> list[Span]:
    kept = list(first)
    kept += [s for s in extra if not any(overlaps(s, k) for k in kept)]
    return sorted(set(kept))


# -- the run ---------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Event location on the event-location dev split: rashomon vs nearest place."
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=DEV_FILE,
        metavar="PATH",
        help=f"event-location JSON array, gzipped or not (default {display_path(DEV_FILE)})",
    )
    parser.add_argument("--limit", type=int, metavar="N", help="score only the first N records")
    parser.add_argument("--model", help="spaCy pipeline (default: RASHOMON_MODEL or the default)")
    parser.add_argument("--json", action="store_true", help="print only the JSON object (no table)")
    args = parser.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")
    return args


def measure(args: argparse.Namespace) -> dict[str, object]:
    settings = Settings.from_env().with_overrides(model=args.model)
    reading = read_records(args.data, args.limit)
    records = reading.records

    start = time.perf_counter()
    gazetteer = Gazetteer.load()
    gazetteer.lookup("Warm-up")  # builds the lazy lookup tiers outside the timed loop
    gazetteer_seconds = time.perf_counter() - start
    nlp = load_pipeline(settings.model)

    tallies = {
        (p, s, c, u): Tally()
        for p in PARTS
        for s in SYSTEMS
        for c in CANDIDATE_SETS
        for u in SUBSETS
    }
    reachable = dict.fromkeys(CANDIDATE_SETS, 0)
    seconds = {"parse": 0.0, "candidates": 0.0, "ours": 0.0, "baseline": 0.0}
    start = time.perf_counter()
    docs = nlp.pipe((r.text for r in records), batch_size=settings.batch_size)
    for record, (doc, took) in zip(records, timed(docs), strict=True):
        seconds["parse"] += took
        began = time.perf_counter()
        sets = candidate_sets(doc, gazetteer, record.gold)
        seconds["candidates"] += time.perf_counter() - began
        trigger = doc.char_span(*record.verb, alignment_mode="expand")
        if trigger is None:
            raise RashomonError(f"verb span {record.verb} lies outside its text")
        subsets = ("all", "syria") if record.syria else ("all",)
        for name, candidates in sets.items():
            reachable[name] += any(overlaps(c, g) for c in candidates for g in record.gold)
            for system in SYSTEMS:
                began = time.perf_counter()
                if system == "ours":
                    index = link_place(trigger.root, candidates)
                else:
                    index = nearest(record.verb, candidates)
                seconds[system] += time.perf_counter() - began
                predicted = None if index is None else candidates[index]
                for part in ("whole", half_of(record.text)):
                    for subset in subsets:
                        tallies[part, system, name, subset].add(record.gold, predicted)
    seconds["total"] = time.perf_counter() - start + gazetteer_seconds
    seconds["gazetteer_load"] = gazetteer_seconds

    with_place = sum(bool(r.gold) for r in records)
    found = versions("spacy", "rashomon")
    return {
        "benchmark": "events_location",
        "data": display_path(args.data),
        "data_sha256": sha256_of(args.data),
        "limit": args.limit,
        "records": len(records),
        "with_place": with_place,
        "syria_records": sum(r.syria for r in records),
        "skipped_records": reading.skipped_records,
        "without_spans": reading.without_spans,
        "repaired_spans": reading.repaired_spans,
        "dropped_spans": reading.dropped_spans,
        "gold_reachable": {
            name: reachable[name] / with_place if with_place else 0.0 for name in CANDIDATE_SETS
        },
        "model": settings.model,
        "python": found["python"],
        "spacy": found["spacy"],
        **scores_of(tallies, "whole"),
        "halves": {
            half: {"records": tallies[half, "ours", "with_gold", "all"].records}
            | scores_of(tallies, half)
            for half in HALVES
        },
        "seconds": seconds,
    }


def scores_of(tallies: dict[tuple[str, ...], Tally], part: str) -> dict[str, object]:
    """{system: {candidate set: {subset: scores}}} for the whole run or one half."""
    return {
        system: {
            name: {u: tallies[part, system, name, u].scores() for u in SUBSETS}
            for name in CANDIDATE_SETS
        }
        for system in SYSTEMS
    }


def show(result: dict[str, object]) -> None:
    print("events_location: where did the event happen? rashomon's linker vs nearest place\n")
    seconds = result["seconds"]
    reachable = result["gold_reachable"]
    print_facts(
        {
            "data": f"{result['data']} (sha256 {str(result['data_sha256'])[:12]}…)",
            "records": f"{result['records']}"
            + (f" (--limit {result['limit']})" if result["limit"] else "")
            + f", {result['with_place']} with a place, {result['syria_records']} Syria/Aleppo; "
            f"{result['skipped_records']} skipped (not one verb), "
            f"{result['without_spans']} skipped (no text or spans)",
            "halves": ", ".join(f"{h} {result['halves'][h]['records']}" for h in HALVES)
            + " (by a hash of the sentence; tune on tuning, the checking half is the result)",
            "gold spans": f"{result['repaired_spans']} repaired, {result['dropped_spans']} dropped",
            "gold reachable": ", ".join(f"{k} {v:.3f}" for k, v in reachable.items()),
            "model": f"{result['model']} (python {result['python']}, spacy {result['spacy']})",
            "seconds": ", ".join(f"{k} {v:.2f}" for k, v in seconds.items()),
            "note": "the linker was tuned on this dev split",
        }
    )
    print()
    rows = []
    for part in PARTS:
        side = result if part == "whole" else result["halves"][part]
        for name in CANDIDATE_SETS:
            for subset in SUBSETS:
                for system, label in (("ours", "rashomon"), ("baseline", "nearest place")):
                    rows.append({"half": part, "candidates": name, "subset": subset,
                                 "system": label, **side[system][name][subset]})  # fmt: skip
    print_table(rows, COLUMNS)


def main(argv: Sequence[str] | None = None) -> int:
    return run_main("events_location", argv, parse_args, measure, lambda result, args: show(result))


if __name__ == "__main__":
    sys.exit(main())
