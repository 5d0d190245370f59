"""Scale: throughput against raw spaCy at 1 and 2 processes, the cross-article cost per
article over a large corpus, peak memory, and Dask local:1 against local:2, in one run.

The corpus is built from the real articles in ../shared (FA-KES, PolNeAR, ECB+ and
GeoWebNews texts): each synthetic article takes a few paragraphs of one real article (its
"happening") and one or two of others, under an outlet and a date spread over two years;
the articles of one happening fall within a few days of each other, as reports of one
event do. Nothing is written to the repo: the corpus is a JSON Lines file in a temporary
folder (or --keep DIR). Phases, in this order:

1. **full run**: `ingest()` of all N articles with `--processes P` (default 2) into a fresh
   database: words/s end to end, this process's peak RSS (the writer: with P > 1 it never
   loads the model) and each worker's;
2. **cross-article cost**: that database's articles placed again from scratch, timed per
   article, in tenths of the corpus (the time per article in the last tenth against the
   first shows whether placement slows down as the corpus grows);
3. **throughput**: the first `--sample` articles, end to end against raw spaCy `nlp.pipe`
   on the same bodies, with 1 and with 2 processes, sides alternating (bench/throughput.py);
4. **writer**: the same sample's cost per article to the one writer alone (storing it,
   committing its parse and findings, placing it), the parses made beforehand;
5. **Dask**: the same sample ingested with `--dask local:1` and `local:2` (skipped, saying
   so, when Dask is not installed).

    .venv/bin/python bench/scale.py [--articles N] [--sample M] [--processes P] [--json]
"""

from __future__ import annotations

import argparse
import csv
import gc
import json
import random
import re
import resource
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from common import (
    EVAL_DATA,
    FAKES_DEV_CSV,
    Column,
    display_path,
    peak_rss_mib,
    print_facts,
    print_table,
    run_main,
    versions,
)
from throughput import cross_article, end_to_end, raw_spacy, warm_up

from rashomon.article.outlets import OutletDirectory
from rashomon.errors import RashomonError
from rashomon.ingest.records import FieldMap
from rashomon.nlp import load_pipeline, model_key
from rashomon.pipeline import IngestOptions, ingest
from rashomon.pipeline.placement import place_pending
from rashomon.pipeline.runners import Runner, close_runners, runner_for
from rashomon.pipeline.work import WorkerSpec
from rashomon.settings import Settings
from rashomon.store import Store
from rashomon.store.jobs import save_work, work_for

POLNEAR = EVAL_DATA / "polnear"
ECBPLUS = EVAL_DATA / "ecbplus" / "ECB+"
GWN = EVAL_DATA / "geoparsing-gwn-trnews" / "GWN.xml"
FIRST_DAY = date(2016, 1, 1)
DAYS = 730  # two years
OUTLETS = (
    "Reuters", "AFP", "Associated Press", "Al Jazeera", "SANA", "TASS", "Sputnik",
    "Anadolu Agency", "BBC News", "The Guardian", "Al-Araby", "Daily Sabah", "Asharq Al-Awsat",
    "The Washington Post", "The New York Times", "Jordan Times", "Ahram Online",
)  # fmt: skip
_SENTENCE_END = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z“\"])")


@dataclass(frozen=True)
class Source:
    """One real article cut into paragraphs (texts without line breaks: every 3 sentences)."""

    name: str
    title: str
    paragraphs: tuple[str, ...]


# -- the corpus -----------------------------------------------------------------------------


def sources() -> list[Source]:
    """Every real article of the four sets that ../shared holds, in a fixed order."""
    found = _fakes() + _polnear() + _ecbplus() + _gwn()
    if not found:
        raise RashomonError(f"no article texts under {display_path(EVAL_DATA)}")
    return [s for s in found if len(s.paragraphs) >= 2]


def _fakes() -> list[Source]:
    if not FAKES_DEV_CSV.exists():
        return []
    with FAKES_DEV_CSV.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [
        Source(f"fakes:{r['unit_id']}", r["article_title"], _sentence_groups(r["article_content"]))
        for r in rows
    ]


def _polnear() -> list[Source]:
    found = []
    for path in sorted(POLNEAR.glob("*/text/*.txt")):
        lines = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        if len(lines) > 2:
            found.append(Source(f"polnear:{path.stem}", lines[0], tuple(lines[1:])))
    return found


def _ecbplus() -> list[Source]:
    found = []
    for path in sorted(ECBPLUS.glob("*/*.xml")):
        sentences: dict[str, list[str]] = {}
        for token in ET.parse(path).getroot().iter("token"):
            sentences.setdefault(token.get("sentence", "0"), []).append(token.text or "")
        text = [_detokenised(words) for words in sentences.values()]
        groups = tuple(" ".join(text[i : i + 3]) for i in range(1, len(text), 3))
        found.append(Source(f"ecb:{path.stem}", text[0] if text else path.stem, groups))
    return found


def _gwn() -> list[Source]:
    if not GWN.exists():
        return []
    found = []
    for article in ET.parse(GWN).getroot().iter("article"):
        title = (article.findtext("title") or "").strip()
        text = article.findtext("text") or ""
        found.append(Source(f"gwn:{article.get('file')}", title, _sentence_groups(text)))
    return found


def _sentence_groups(text: str, size: int = 3) -> tuple[str, ...]:
    sentences = [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]
    return tuple(" ".join(sentences[i : i + size]) for i in range(0, len(sentences), size))


def _detokenised(words: Sequence[str]) -> str:
    text = " ".join(words)
    return re.sub(r" ([.,;:!?%)'’]|n't|'s)", r"\1", text).replace("( ", "(")


def synthetic_articles(count: int, seed: int = 7) -> Iterator[dict[str, str]]:
    """`count` records (id, title, text, outlet, date), the same for the same seed."""
    pool = sources()
    rnd = random.Random(seed)
    happenings = [(s, FIRST_DAY + timedelta(days=rnd.randrange(DAYS))) for s in pool]
    for n in range(count):
        source, day = happenings[rnd.randrange(len(happenings))]
        own = rnd.sample(source.paragraphs, min(len(source.paragraphs), rnd.randint(2, 5)))
        others = [rnd.choice(rnd.choice(pool).paragraphs) for _ in range(rnd.randint(1, 2))]
        paragraphs = own[:1] + rnd.sample(own[1:] + others, len(own) - 1 + len(others))
        published = day + timedelta(days=rnd.randint(0, 4))
        yield {
            "id": f"scale-{n:06d}",
            "title": f"{source.title} ({n})",
            "text": "\n\n".join(paragraphs),
            "outlet": rnd.choice(OUTLETS),
            "date": published.isoformat(),
        }


def write_corpus(path: Path, count: int, seed: int) -> tuple[int, int]:
    """The corpus as JSON Lines at `path`; returns (articles, words)."""
    words = 0
    with path.open("w", encoding="utf-8") as handle:
        for record in synthetic_articles(count, seed):
            words += len(record["text"].split())
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return count, words


# -- measuring ------------------------------------------------------------------------------


def full_run(corpus: Path, settings: Settings, db: Path) -> dict[str, object]:
    """Ingest the whole corpus once into `db`; time, words and memory."""
    options = IngestOptions(field_map=FieldMap({}))
    gc.collect()
    start = time.perf_counter()
    failures: list[object] = []
    with Store(db) as store:
        result = ingest([str(corpus)], store, settings, options, OutletDirectory.load(),
                        failures.append, False)  # fmt: skip
    seconds = time.perf_counter() - start
    with Store(db, read_only=True) as store:
        words = sum(len(b.split()) for _id, b in store.unparsed(""))
    spec = WorkerSpec(settings.model, settings.batch_size)
    workers = runner_for(spec, settings.processes, settings.dask).worker_peaks_mib()
    return {
        "articles": result.parsed, "words": words, "seconds": seconds,
        "words_per_s": words / seconds if seconds else 0.0,
        "articles_per_s": result.parsed / seconds if seconds else 0.0,
        "copies": len(result.outcomes["copy"]), "failed": len(failures),
        "placed": result.placed, "writer_peak_rss_mib": peak_rss_mib(),
        "worker_peak_rss_mib": workers,
    }  # fmt: skip


def placement_by_tenth(db: Path) -> dict[str, object]:
    """The cross-article stage again from scratch, per article, in tenths of the corpus."""
    with Store(db) as store:
        cross = cross_article(store, checkpoints=10)
    tenths = cross["placement"]
    first = tenths[0]["ms_per_article_in_slice"] if tenths else 0.0  # type: ignore[index]
    last = tenths[-1]["ms_per_article_in_slice"] if tenths else 0.0  # type: ignore[index]
    return cross | {"last_over_first": last / first if first else 0.0}


def sample_corpus(corpus: Path, sample: int, folder: Path) -> Path:
    path = folder / f"sample-{sample}.jsonl"
    with corpus.open(encoding="utf-8") as source, path.open("w", encoding="utf-8") as out:
        for n, line in enumerate(source):
            if n >= sample:
                break
            out.write(line)
    return path


def throughput(sample: Path, settings: Settings, processes: int) -> dict[str, object]:
    """End to end against raw spaCy on the sample, both with `processes`."""
    chosen = settings.with_overrides(processes=processes)
    nlp = load_pipeline(chosen.model)
    directory = OutletDirectory.load()
    key = model_key(nlp)
    warm_up(nlp, chosen, directory, key)
    options = IngestOptions(field_map=FieldMap({}))
    e2e_seconds, bodies, _result, _failures = end_to_end(sample, chosen, options, directory, key)
    raw_seconds, _tokens = raw_spacy(nlp, bodies, chosen)
    words = sum(len(b.split()) for b in bodies)
    return {
        "processes": processes, "articles": len(bodies), "words": words,
        "e2e_seconds": e2e_seconds, "raw_seconds": raw_seconds,
        "e2e_words_per_s": words / e2e_seconds, "raw_words_per_s": words / raw_seconds,
        "e2e_share_of_raw_pct": 100 * raw_seconds / e2e_seconds,
    }  # fmt: skip


def writer_cost(sample: Path, settings: Settings, folder: Path) -> dict[str, object]:
    """What the one writer spends per article, the workers' part aside: storing it (read,
    clean, look for copies, insert), committing its parse and findings, and placing it with
    the figures and disputes of what it touched. The parses and findings are made first, in
    this process, outside the timing; the database is fresh, so placement here is the cost
    at the start of a corpus (the full run's tenths show how it grows)."""
    db = folder / "writer.db"
    for old in folder.glob("writer.db*"):
        old.unlink()
    runner = Runner(WorkerSpec(settings.model, settings.batch_size))
    key = runner.identity().model_key
    options = IngestOptions(field_map=FieldMap({}), parse=False)
    with Store(db) as store:
        start = time.perf_counter()
        ingest([str(sample)], store, settings, options, OutletDirectory.load(),
               lambda _error: None, False)  # fmt: skip
        stored = time.perf_counter() - start
        ids = [a.id for a in store.list_articles()]
        done = [d for _batch, batch in runner.run([work_for(store, ids, key)]) for d in batch]
        start = time.perf_counter()
        for result in done:
            save_work(store, result.article_id, key, result.doc, result.found)
        committed = time.perf_counter() - start
        start = time.perf_counter()
        place_pending(store)
        placed = time.perf_counter() - start
    count = max(len(ids), 1)
    total = stored + committed + placed
    return {
        "articles": len(ids), "store_ms": 1000 * stored / count,
        "commit_ms": 1000 * committed / count, "place_ms": 1000 * placed / count,
        "total_ms": 1000 * total / count, "articles_per_s": len(ids) / total if total else 0.0,
    }  # fmt: skip


def dask_throughput(sample: Path, settings: Settings, workers: int) -> dict[str, object]:
    """End to end on the sample with `--dask local:N` (the cluster started and warmed
    outside the timing, as the model load is for the other sides)."""
    chosen = settings.with_overrides(dask=f"local:{workers}")
    directory = OutletDirectory.load()
    spec = WorkerSpec(chosen.model, chosen.batch_size)
    key = runner_for(spec, chosen.processes, chosen.dask).identity().model_key
    options = IngestOptions(field_map=FieldMap({}))
    seconds, bodies, _result, _failures = end_to_end(sample, chosen, options, directory, key)
    words = sum(len(b.split()) for b in bodies)
    close_runners()
    return {"workers": workers, "articles": len(bodies), "words": words, "seconds": seconds,
            "words_per_s": words / seconds}  # fmt: skip


def dask_installed() -> bool:
    try:
        import dask.distributed  # noqa: F401
    except ImportError:
        return False
    return True


# -- the script -----------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--articles",
        type=int,
        default=20_000,
        metavar="N",
        help="articles in the corpus (default 20,000)",
    )
    parser.add_argument(
        "--sample",
        type=int,
        default=1_000,
        metavar="M",
        help="articles of it for the throughput and Dask sides (default 1,000)",
    )
    parser.add_argument(
        "--processes",
        type=int,
        default=2,
        metavar="P",
        help="worker processes for the full run (default 2)",
    )
    parser.add_argument("--seed", type=int, default=7, help="corpus seed (default 7)")
    parser.add_argument(
        "--keep",
        type=Path,
        metavar="DIR",
        help="keep the corpus and database in DIR (default: a temporary folder)",
    )
    parser.add_argument(
        "--skip-full", action="store_true", help="only the sample phases (throughput and Dask)"
    )
    parser.add_argument("--skip-dask", action="store_true", help="leave out the Dask phase")
    parser.add_argument("--json", action="store_true", help="print only the JSON object")
    args = parser.parse_args(argv)
    if args.articles < 10 or args.sample < 1 or args.processes < 1:
        parser.error("--articles must be at least 10, --sample and --processes at least 1")
    return args  # fmt: skip


def measure(args: argparse.Namespace) -> dict[str, object]:
    settings = Settings.from_env()
    with tempfile.TemporaryDirectory(prefix="rashomon-scale-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        corpus = folder / f"corpus-{args.articles}-{args.seed}.jsonl"
        built = time.perf_counter()
        articles, words = write_corpus(corpus, args.articles, args.seed)
        found: dict[str, object] = {
            "benchmark": "scale", "articles": articles, "words": words, "seed": args.seed,
            "sample": min(args.sample, articles), "model": settings.model,
            "batch_size": settings.batch_size, **versions("spacy", "rashomon"),
            "corpus_seconds": time.perf_counter() - built,
        }  # fmt: skip
        if not args.skip_full:
            db = folder / "scale.db"
            for old in folder.glob("scale.db*"):
                old.unlink()
            full = settings.with_overrides(processes=args.processes)
            found["full"] = full_run(corpus, full, db) | {"processes": args.processes}
            close_runners()
            found["cross_article"] = placement_by_tenth(db)
            found["peak_rss_mib"] = peak_rss_mib()
            found["children_peak_rss_mib"] = _children_peak_mib()
        sample = sample_corpus(corpus, args.sample, folder)
        found["throughput"] = [throughput(sample, settings, p) for p in (1, 2)]
        close_runners()
        found["writer"] = writer_cost(sample, settings, folder)
        if args.skip_dask:
            found["dask"] = "skipped (--skip-dask)"
        elif not dask_installed():
            found["dask"] = "not installed: pip install 'rashomon[dask]'"
        else:
            one, two = (dask_throughput(sample, settings, n) for n in (1, 2))
            found["dask"] = {"local_1": one, "local_2": two,
                             "speedup": one["seconds"] / two["seconds"]}  # fmt: skip
    return found


def _children_peak_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def show(result: dict[str, object], args: argparse.Namespace) -> None:
    print("scale: throughput, cross-article cost per article, memory, Dask\n")
    print_facts({
        "corpus": f"{result['articles']:,} articles, {result['words']:,} words, seed "
                  f"{result['seed']} (FA-KES, PolNeAR, ECB+, GeoWebNews paragraphs, 2 years)",
        "model": f"{result['model']}, batch size {result['batch_size']}",
        "versions": f"python {result['python']}, spacy {result['spacy']}",
    })  # fmt: skip
    full = result.get("full")
    if isinstance(full, dict):
        print(f"\nfull run, {full['processes']} worker processes: {full['articles']:,} "
              f"articles in {full['seconds']:.0f} s, {full['words_per_s']:,.0f} words/s, "
              f"{full['articles_per_s']:.1f} articles/s; peak RSS writer "
              f"{full['writer_peak_rss_mib']:.0f} MiB, workers {full['worker_peak_rss_mib']} "
              "MiB")  # fmt: skip
        cross = result["cross_article"]
        assert isinstance(cross, dict)
        print(f"\ncross-article stage placed again from scratch: {cross['stories']} stories, "
              f"{cross['incidents']} incidents, {cross['disputes']} disputes; last tenth / "
              f"first tenth per article: x{cross['last_over_first']:.2f}; figures and "
              f"disputes of the touched ones {cross['findings_seconds']:.1f} s")  # fmt: skip
        print_table(cross["placement"], [
            Column("articles"), Column("seconds", "cumulative s", ".1f"),
            Column("ms_per_article_in_slice", "ms/article in tenth", ".2f"),
        ])  # fmt: skip
    print(f"\nthroughput on the first {result['sample']} articles, sides alternating:")
    print_table(result["throughput"], [  # type: ignore[arg-type]
        Column("processes"), Column("articles"), Column("words"),
        Column("e2e_words_per_s", "end to end words/s", ",.0f"),
        Column("raw_words_per_s", "raw spaCy words/s", ",.0f"),
        Column("e2e_share_of_raw_pct", "end to end % of raw", ".1f"),
    ])  # fmt: skip
    writer = result["writer"]
    assert isinstance(writer, dict)
    print(f"\nthe writer alone on the same sample, per article: storing "
          f"{writer['store_ms']:.1f} ms, committing parse and findings "
          f"{writer['commit_ms']:.1f} ms, placing {writer['place_ms']:.1f} ms: "
          f"{writer['articles_per_s']:.0f} articles/s")  # fmt: skip
    dask = result["dask"]
    if isinstance(dask, dict):
        print(f"\nDask on the same sample: local:1 {dask['local_1']['words_per_s']:,.0f} "
              f"words/s, local:2 {dask['local_2']['words_per_s']:,.0f} words/s: "
              f"x{dask['speedup']:.2f}")  # fmt: skip
    else:
        print(f"\nDask: {dask}")


def main(argv: Sequence[str] | None = None) -> int:
    return run_main("scale", argv, parse_args, measure, show)


if __name__ == "__main__":
    sys.exit(main())
