"""End-to-end ingest throughput against raw spaCy on the same texts, in the same run.

Parsing dominates ingest, so the number that matters is how close `rashomon ingest` (read,
clean, dedupe, store, parse, cache the Docs) comes to spaCy alone. Both timings exclude
loading the model; spaCy alone parses exactly the clean bodies the end-to-end run parsed,
read back from its store, so words are the same on both sides. With --repeat N each
repetition goes into a fresh database (so it is not skipped as already ingested), and the
two sides alternate pass by pass, so a machine that speeds up or slows down mid-run
(shared CPUs, frequency scaling) skews neither side.

    .venv/bin/python bench/throughput.py [--data PATH] [--repeat N] [--json]
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

# Run as a script, so this folder is on sys.path and the shared plumbing imports as `common`.
from common import (
    FAKES_DEV_CSV,
    Column,
    add_data_options,
    add_map_option,
    display_path,
    field_map_pairs,
    peak_rss_mib,
    print_facts,
    print_table,
    run_main,
    versions,
)
from spacy.language import Language

from rashomon.article.outlets import OutletDirectory
from rashomon.errors import InputError, RashomonError
from rashomon.ingest.records import FieldMap
from rashomon.nlp import PARAGRAPHS, load_pipeline, model_key
from rashomon.nlp_stand_ins import stock_components
from rashomon.pipeline import IngestOptions, IngestResult, Outcome, ingest
from rashomon.pipeline.placement import place_pending
from rashomon.settings import Settings
from rashomon.store import Store
from rashomon.store.stories import clear_cross_article, pending_articles

WARM_UP_TITLE = "Army retakes old city"
WARM_UP_TEXT = (
    "Government forces said on Friday that they had retaken the old city of Aleppo after heavy "
    "fighting, a monitoring group in Damascus said."
)
# No model has this key, so Store.unparsed() returns (id, body) of every stored article.
_NO_MODEL = ""
REPEAT_MODE = (
    "repetitions alternate: each is ingested into its own fresh temporary DB, then raw spaCy "
    "parses that repetition's bodies in its own nlp.pipe call; seconds are summed per side"
)


@dataclass
class Side:
    """One side of the comparison: seconds per pass, and peak RSS once it had run."""

    passes: list[float] = field(default_factory=list)
    peak_rss_mib: float = 0.0
    # this process's CPU seconds per pass: all of the work with 1 process, which other
    # people's work on a shared machine does not inflate as it does wall-clock seconds
    cpu: list[float] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return sum(self.passes)


@dataclass
class Run:
    """Both sides over every repetition, the bodies each pass parsed, and ingest outcomes."""

    e2e: Side = field(default_factory=Side)
    raw: Side = field(default_factory=Side)
    bodies: list[list[str]] = field(default_factory=list)
    tokens: int = 0
    failures: list[InputError] = field(default_factory=list)
    copies: int = 0
    cross: dict[str, object] = field(default_factory=dict)  # the first pass's cross-article stage


@dataclass(frozen=True)
class Phase:
    name: str
    articles: int
    words: int
    side: Side

    @property
    def words_per_s(self) -> float:
        return self.words / self.side.seconds if self.side.seconds else 0.0

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.side.seconds if self.side.seconds else 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "articles": self.articles,
            "words": self.words,
            "seconds": self.side.seconds,
            "words_per_s": self.words_per_s,
            "articles_per_s": self.articles_per_s,
            "peak_rss_mib": self.side.peak_rss_mib,
            "pass_seconds": self.side.passes,
            "cpu_seconds": sum(self.side.cpu),
        }


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="End-to-end `rashomon ingest` throughput against raw spaCy nlp.pipe.",
    )
    add_data_options(parser, FAKES_DEV_CSV)
    add_map_option(parser)
    parser.add_argument(
        "--repeat", type=int, default=1, metavar="N", help="ingest the inputs N times (default 1)"
    )
    parser.add_argument("--model", help="spaCy pipeline (default: RASHOMON_MODEL or the default)")
    parser.add_argument("--batch-size", type=int, help="spaCy nlp.pipe batch size")
    parser.add_argument("--processes", type=int, help="spaCy worker processes")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if not args.data.exists():
        parser.error(f"--data {args.data}: no such file or folder")
    try:
        args.field_map = FieldMap.parse(field_map_pairs(args.data, args.map))
    except ValueError as exc:
        parser.error(str(exc))
    return args


def end_to_end(
    data: Path,
    settings: Settings,
    options: IngestOptions,
    directory: OutletDirectory,
    key: str,
    cross: dict[str, object] | None = None,
    cpu: list[float] | None = None,
) -> tuple[float, list[str], IngestResult, list[InputError]]:
    """Time one ingest() into a fresh DB; (seconds, bodies it parsed, result, failures).
    With `cross`, also time the cross-article stage on that database into it; with `cpu`,
    append this process's CPU seconds for the ingest to it."""
    failures: list[InputError] = []
    with tempfile.TemporaryDirectory(prefix="rashomon-bench-") as tmp:
        db = Path(tmp) / "throughput.db"
        gc.collect()
        start, start_cpu = time.perf_counter(), time.process_time()
        with Store(db) as store:
            result = ingest(
                [str(data)], store, settings, options, directory, failures.append, False
            )
        seconds = time.perf_counter() - start
        if cpu is not None:
            cpu.append(time.process_time() - start_cpu)
        with Store(db) as store:
            if store.unparsed(key):
                raise RashomonError(f"{db}: the end-to-end run left articles unparsed")
            bodies = [body for _id, body in store.unparsed(_NO_MODEL)]
            if cross is not None:
                cross.update(cross_article(store))
    if len(bodies) != result.parsed:
        raise RashomonError(f"stored {len(bodies)} articles but parsed {result.parsed}")
    return seconds, bodies, result, failures


def cross_article(store: Store, checkpoints: int = 5) -> dict[str, object]:
    """The cross-article stage on its own: every article placed again from scratch (its
    incidents, its story, then the touched incidents' and stories' figures and disputes),
    in the order ingest places them, timed at checkpoints so the growth with the number of
    articles shows."""
    clear_cross_article(store)
    total = len(pending_articles(store))
    marks = sorted({max(1, round(total * (i + 1) / checkpoints)) for i in range(checkpoints)})
    stamps: list[float] = []
    start = time.perf_counter()
    place_pending(store, on_done=lambda _id: stamps.append(time.perf_counter()))
    finished = time.perf_counter()
    growth, done, previous = [], 0, start
    for mark in marks:
        if mark > len(stamps):
            break
        elapsed = stamps[mark - 1] - previous
        growth.append(
            {"articles": mark, "seconds": stamps[mark - 1] - start,
             "ms_per_article_in_slice": 1000 * elapsed / max(mark - done, 1)}
        )  # fmt: skip
        done, previous = mark, stamps[mark - 1]
    stories = store.conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0]
    incidents = store.conn.execute("SELECT COUNT(*) FROM incidents").fetchone()[0]
    disputes = store.conn.execute(
        "SELECT COUNT(*) FROM disputes WHERE status = 'dispute'"
    ).fetchone()[0]
    return {"stories": stories, "incidents": incidents, "placement": growth,
            "disputes": disputes,
            "findings_seconds": finished - (stamps[-1] if stamps else start)}  # fmt: skip


def raw_spacy(
    nlp: Language, bodies: list[str], settings: Settings, cpu: list[float] | None = None
) -> tuple[float, int]:
    """Time nlp.pipe over `bodies`, consuming every Doc; (seconds, tokens). The pipeline's
    own components only, as spacy.load gives them: rashomon's paragraph-break component is
    switched off here and its array stand-ins for the attribute ruler and the lemmatizer
    defer to spaCy's own, so what they cost or save counts on the end-to-end side. With
    `cpu`, append this process's CPU seconds."""
    tokens = 0
    gc.collect()
    ours = [name for name in nlp.pipe_names if name == PARAGRAPHS]
    with nlp.select_pipes(disable=ours), stock_components(nlp):
        start, start_cpu = time.perf_counter(), time.process_time()
        for doc in nlp.pipe(bodies, batch_size=settings.batch_size, n_process=settings.processes):
            tokens += len(doc)
        if cpu is not None:
            cpu.append(time.process_time() - start_cpu)
        return time.perf_counter() - start, tokens


def run_both(
    data: Path,
    repeat: int,
    settings: Settings,
    options: IngestOptions,
    directory: OutletDirectory,
    nlp: Language,
) -> Run:
    """Alternate end-to-end and raw passes, so drift in machine speed hits both sides alike.

    Peak RSS is the process's peak so far: for end to end after its first pass (before raw
    spaCy ever ran), for raw spaCy after the last pass.
    """
    run = Run()
    key = model_key(nlp)
    for index in range(repeat):
        cross = run.cross if index == 0 else None
        seconds, bodies, result, failures = end_to_end(
            data, settings, options, directory, key, cross, run.e2e.cpu
        )
        run.e2e.passes.append(seconds)
        run.bodies.append(bodies)
        if index == 0:
            run.e2e.peak_rss_mib = peak_rss_mib()
            run.failures = failures
            run.copies = len(result.outcomes[Outcome.COPY])
        seconds, tokens = raw_spacy(nlp, bodies, settings, run.raw.cpu)
        run.raw.passes.append(seconds)
        run.tokens += tokens
    run.raw.peak_rss_mib = peak_rss_mib()
    return run


def warm_up(nlp: Language, settings: Settings, directory: OutletDirectory, key: str) -> float:
    """One short article through spaCy and through ingest(), outside both timings.

    The ingest pass loads what the stages after parsing build once per process (data files,
    lookup indexes), as the model load is for spaCy: a start-up cost, not throughput.
    Returns the seconds the ingest warm-up took.
    """
    nlp(WARM_UP_TEXT)
    with tempfile.TemporaryDirectory(prefix="rashomon-bench-warm-") as tmp:
        text = Path(tmp) / "warm-up.txt"
        text.write_text(f"{WARM_UP_TITLE}\n\n{WARM_UP_TEXT}\n", encoding="utf-8")
        seconds, _bodies, _result, failures = end_to_end(
            text, settings, IngestOptions(), directory, key
        )
    if failures:
        raise RashomonError(f"the warm-up article failed to ingest: {failures[0]}")
    return seconds


def measure(args: argparse.Namespace) -> dict[str, object]:
    settings = Settings.from_env().with_overrides(
        model=args.model, batch_size=args.batch_size, processes=args.processes
    )
    start = time.perf_counter()
    nlp = load_pipeline(settings.model)  # cached: ingest() gets this same instance
    directory = OutletDirectory.load()
    load = Side([time.perf_counter() - start], peak_rss_mib())
    key = model_key(nlp)
    warm = Side([warm_up(nlp, settings, directory, key)], peak_rss_mib())

    options = IngestOptions(field_map=args.field_map)
    run = run_both(args.data, args.repeat, settings, options, directory, nlp)
    articles = sum(len(bodies) for bodies in run.bodies)
    words = sum(len(body.split()) for bodies in run.bodies for body in bodies)
    if not words:
        raise RashomonError(f"{args.data}: no article was ingested, nothing to measure")
    e2e = Phase("end-to-end", articles, words, run.e2e)
    raw = Phase("raw spaCy", articles, words, run.raw)

    for error in run.failures:
        print(f"throughput: skipped {error}", file=sys.stderr)
    found = versions("spacy", "rashomon")
    return {
        "benchmark": "throughput",
        "data": display_path(args.data),
        "repeat": args.repeat,
        "repeat_mode": REPEAT_MODE,
        "model": settings.model,
        "model_key": key,
        "batch_size": settings.batch_size,
        "processes": settings.processes,
        "python": found["python"],
        "spacy": found["spacy"],
        "rashomon": found["rashomon"],
        "field_map": dict(args.field_map.columns),
        "articles": articles,
        "articles_per_repeat": len(run.bodies[0]),
        "words": words,
        "tokens": run.tokens,
        "failed_inputs": len(run.failures),
        "copies": run.copies,
        "load": {"seconds": load.seconds, "peak_rss_mib": load.peak_rss_mib},
        "warm_up": {"seconds": warm.seconds, "peak_rss_mib": warm.peak_rss_mib},
        "e2e": e2e.as_dict(),
        "raw": raw.as_dict(),
        "overhead_x": raw.words_per_s / e2e.words_per_s,
        "e2e_share_of_raw_pct": 100 * e2e.words_per_s / raw.words_per_s,
        # The same share in this process's CPU seconds: with 1 process all of the work, and
        # steadier than wall-clock time on a busy machine; with workers it leaves them out.
        "e2e_share_of_raw_cpu_pct": 100 * sum(run.raw.cpu) / sum(run.e2e.cpu)
        if sum(run.e2e.cpu)
        else 0.0,
        # Fastest pass against fastest pass: less swayed by a busy machine (timeit's min rule).
        "overhead_x_best_pass": min(run.e2e.passes) / min(run.raw.passes),
        # Included in end to end (ingest places articles into stories); timed again apart.
        "cross_article": run.cross,
    }


def show(result: dict[str, object]) -> None:
    """The readable form: settings, one row per phase, the overhead."""
    field_map = result["field_map"] or {}
    print("throughput: `rashomon ingest` end to end vs raw spaCy nlp.pipe, same texts\n")
    print_facts(
        {
            "data": result["data"],
            "field map": " ".join(f"{k}={v}" for k, v in field_map.items()) or "-",
            "repeat": f"{result['repeat']} (fresh DB per repetition, alternating with raw spaCy)",
            "model": f"{result['model']} ({result['model_key']})",
            "batch size": result["batch_size"],
            "processes": result["processes"],
            "versions": f"python {result['python']}, spacy {result['spacy']}, "
            f"rashomon {result['rashomon']}",
            "inputs": f"{result['articles_per_repeat']} articles per pass "
            f"({result['copies']} stored as copies), {result['failed_inputs']} failed, "
            f"{result['tokens']} spaCy tokens in all",
        }
    )
    print()
    rows: list[dict[str, object]] = [
        {"phase": name, "seconds": phase["seconds"], "rss": phase["peak_rss_mib"]}
        for name, phase in (
            ("load model, outlets", result["load"]),
            ("warm-up (1-article ingest)", result["warm_up"]),
        )
    ]
    for name, phase in (("end-to-end", result["e2e"]), ("raw spaCy", result["raw"])):
        rows.append(
            {
                "phase": name,
                "articles": phase["articles"],
                "words": phase["words"],
                "seconds": phase["seconds"],
                "wps": phase["words_per_s"],
                "aps": phase["articles_per_s"],
                "rss": phase["peak_rss_mib"],
            }
        )
    print_table(
        rows,
        [
            Column("phase"),
            Column("articles"),
            Column("words"),
            Column("seconds", fmt=".2f"),
            Column("wps", "words/s", ",.0f"),
            Column("aps", "articles/s", ".1f"),
            Column("rss", "peak RSS MiB", ".0f"),
        ],
    )
    print(
        f"\noverhead ×{result['overhead_x']:.2f}: end to end runs at "
        f"{result['e2e_share_of_raw_pct']:.1f}% of raw spaCy speed"
    )
    if result["repeat"] > 1:
        print(f"overhead ×{result['overhead_x_best_pass']:.2f} fastest pass against fastest pass")
    if result["processes"] == 1:
        print(
            f"in CPU seconds of this process: end to end runs at "
            f"{result['e2e_share_of_raw_cpu_pct']:.1f}% of raw spaCy speed "
            f"({result['e2e']['cpu_seconds']:.2f} s against {result['raw']['cpu_seconds']:.2f} s)"
        )
    cross = result["cross_article"]
    print(
        f"\ncross-article stage (within end to end; first pass, placed again): "
        f"{cross['stories']} stories, {cross['incidents']} incidents, {cross['disputes']} "
        f"disputes; figures and disputes of the touched ones in {cross['findings_seconds']:.2f} s"
    )
    print_table(
        cross["placement"],
        [Column("articles"), Column("seconds", "cumulative s", ".3f"),
         Column("ms_per_article_in_slice", "ms/article in slice", ".2f")],
    )  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    return run_main("throughput", argv, parse_args, measure, lambda result, args: show(result))


if __name__ == "__main__":
    sys.exit(main())
