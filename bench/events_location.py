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
    Column,
    display_path,
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
SYSTEMS = ("ours", "baseline")

Span = tuple[int, int]
COLUMNS = [
    *map(Column, ("candidates", "subset", "system", "records")),
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
    skipped_records: int = 0
    repaired_spans: int = 0
    dropped_spans: int = 0


# -- data ------------------------------------------------------------------------------------


def read_records(path: Path, limit: int | None = None) -> Reading:
    """The first `limit` usable records (all by default) of an event-location JSON array."""
    try:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as handle:
            rows = json.load(handle)
    except (OSError, ValueError) as exc:
        raise RashomonError(f"{path}: not an event-location JSON array: {exc}") from exc
    if not isinstance(rows, list) or not rows:
        raise RashomonError(f"{path}: expected a non-empty JSON array of records")
    reading = Reading()
    for row in rows:
        if limit is not None and len(reading.records) >= limit:
            break
        try:
            text, spans = row["text"], row["spans"]
        except (KeyError, TypeError) as exc:
            raise RashomonError(f"{path}: a record without text or spans: {exc}") from exc
        verbs = [(s["start"], s["end"]) for s in spans if s.get("label") == "VERB"]
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
    return reading


def gold_span(text: str, tokens: list[dict], span: dict) -> tuple[Span | None, bool]:
    """(char offsets, whether they had to be rebuilt) of one LOCATION span."""
    start, end, want = span.get("start", 0), span.get("end", 0), span.get("text")
    if start < end and text[start:end].strip() and want in (None, text[start:end]):
        return (start, end), False
    first, last = span.get("token_start", -1), span.get("token_end", -1)
    if 0 <= first <= last < len(tokens):
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
    if not args.data.is_file():
        parser.error(f"--data {args.data}: no such file")
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

    tallies = {(s, c, u): Tally() for s in SYSTEMS for c in CANDIDATE_SETS for u in SUBSETS}
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
                for subset in subsets:
                    tallies[system, name, subset].add(record.gold, predicted)
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
        "repaired_spans": reading.repaired_spans,
        "dropped_spans": reading.dropped_spans,
        "gold_reachable": {
            name: reachable[name] / with_place if with_place else 0.0 for name in CANDIDATE_SETS
        },
        "model": settings.model,
        "python": found["python"],
        "spacy": found["spacy"],
        **{
            system: {
                name: {u: tallies[system, name, u].scores() for u in SUBSETS}
                for name in CANDIDATE_SETS
            }
            for system in SYSTEMS
        },
        "seconds": seconds,
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
            f"{result['skipped_records']} skipped (not one verb)",
            "gold spans": f"{result['repaired_spans']} repaired, {result['dropped_spans']} dropped",
            "gold reachable": ", ".join(f"{k} {v:.3f}" for k, v in reachable.items()),
            "model": f"{result['model']} (python {result['python']}, spacy {result['spacy']})",
            "seconds": ", ".join(f"{k} {v:.2f}" for k, v in seconds.items()),
            "note": "the linker was tuned on this dev split",
        }
    )
    print()
    rows = []
    for name in CANDIDATE_SETS:
        for subset in SUBSETS:
            for system, label in (("ours", "rashomon"), ("baseline", "nearest place")):
                rows.append({"candidates": name, "subset": subset, "system": label,
                             **result[system][name][subset]})  # fmt: skip
    print_table(rows, COLUMNS)


def main(argv: Sequence[str] | None = None) -> int:
    return run_main("events_location", argv, parse_args, measure, lambda result, args: show(result))


if __name__ == "__main__":
    sys.exit(main())
