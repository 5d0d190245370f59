"""Scaling out changes nothing stored: the per-article job in worker processes or on Dask,
results arriving in any order, and placement with or without its incident cache all give
the same database as one process doing everything."""

from __future__ import annotations

import csv
import sys

import pytest
from snapshots import CROSS_ARTICLE, PER_ARTICLE, differences, snapshot

from rashomon.article.outlets import OutletDirectory
from rashomon.cli import main
from rashomon.pipeline import IngestOptions, ingest
from rashomon.pipeline.placement import place_pending
from rashomon.pipeline.runners import Runner
from rashomon.pipeline.work import WorkerSpec
from rashomon.settings import Settings
from rashomon.store import Store
from rashomon.store.jobs import save_work, work_for
from rashomon.store.stories import clear_cross_article

FAKES_ROWS = 24  # with the seeds: enough for incidents told twice, merges and disputes
EVERYTHING = CROSS_ARTICLE + PER_ARTICLE


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The five seeds and the first FA-KES dev rows, as one folder."""
    from conftest import FAKES_CSV, SEEDS, need

    need(SEEDS)
    need(FAKES_CSV)
    folder = tmp_path_factory.mktemp("scale-corpus")
    for path in SEEDS.glob("*.txt"):
        (folder / path.name).write_bytes(path.read_bytes())
    with FAKES_CSV.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))[:FAKES_ROWS]
    with (folder / "fakes.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return folder


def ingest_cli(corpus, db, *options: str) -> None:
    code = main(["ingest", str(corpus), "--db", str(db), "--map", "title=article_title",
                 "--map", "text=article_content", "--map", "outlet=source", *options])  # fmt: skip
    assert code == 0


@pytest.fixture(scope="module")
def one_process(corpus, tmp_path_factory):
    db = tmp_path_factory.mktemp("one") / "one.db"
    ingest_cli(corpus, db)
    found = snapshot(db, EVERYTHING)
    assert len(found["incidents"]) > 5 and found["disputes"], "the corpus must exercise placement"
    return db, found


@pytest.mark.slow
def test_two_worker_processes_store_exactly_what_one_process_does(corpus, one_process, tmp_path):
    db = tmp_path / "two.db"
    ingest_cli(corpus, db, "--processes", "2", "--batch-size", "1")  # many small batches
    assert differences(one_process[1], snapshot(db, EVERYTHING)) == []


@pytest.mark.slow
def test_results_written_in_another_order_place_the_same(corpus, one_process, tmp_path):
    """The writer commits in submission order, but placement must not depend on it: here
    every article's results are written in reverse, then placed."""
    db = tmp_path / "reversed.db"
    ingest_cli(corpus, db, "--no-parse")
    settings = Settings()
    runner = Runner(WorkerSpec(settings.model, settings.batch_size))
    key = runner.identity().model_key
    with Store(db) as store:
        ids = [a.id for a in store.list_articles()]
        results = [d for _batch, done in runner.run([work_for(store, ids, key)]) for d in done]
        for done in reversed(results):
            save_work(store, done.article_id, key, done.doc, done.found)
        place_pending(store)
    with Store(one_process[0]) as store:  # the same placement, names dating nothing aside
        clear_cross_article(store)
        place_pending(store)
    assert differences(snapshot(one_process[0], EVERYTHING), snapshot(db, EVERYTHING)) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    "uncached",
    [{"incident_cache": 0}, {"facts_kept": 0}],  # every candidate / article's facts read anew
    ids=["incidents", "facts"],
)
def test_placement_with_and_without_its_caches_is_the_same(one_process, uncached):
    db = one_process[0]
    with Store(db) as store:
        clear_cross_article(store)
        place_pending(store)
    cached = snapshot(db, CROSS_ARTICLE)
    with Store(db) as store:
        clear_cross_article(store)
        place_pending(store, **uncached)
    assert differences(cached, snapshot(db, CROSS_ARTICLE)) == []


@pytest.mark.slow
def test_dask_local_cluster_stores_what_one_process_does(corpus, one_process, tmp_path):
    pytest.importorskip(
        "dask.distributed", reason="Dask is not installed: pip install -e '.[dask]'"
    )
    db = tmp_path / "dask.db"
    ingest_cli(corpus, db, "--dask", "local:2")
    assert differences(one_process[1], snapshot(db, EVERYTHING)) == []


def test_without_dask_the_option_says_how_to_install_it(tmp_path, capsys, monkeypatch):
    for name in ("dask", "dask.distributed", "distributed"):
        monkeypatch.setitem(sys.modules, name, None)  # as if not installed
    (tmp_path / "a.txt").write_text("Title\n\nShelling hit the town on Monday.", encoding="utf-8")
    code = main(["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "r.db"),
                 "--dask", "local:1"])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 2 and "pip install 'rashomon[dask]'" in err, err
    assert "1 added" not in err  # refused before any work


def test_a_bad_local_cluster_size_is_a_usage_error(tmp_path, capsys):
    pytest.importorskip("dask.distributed", reason="Dask is not installed")
    (tmp_path / "a.txt").write_text("Title\n\nShelling hit the town on Monday.", encoding="utf-8")
    code = main(["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "r.db"),
                 "--dask", "local:many"])  # fmt: skip
    assert code == 2 and "local:N" in capsys.readouterr().err


def test_a_worker_with_another_model_is_refused_not_mixed_in(tmp_path):
    """A result carrying another identity (a cluster machine with another model or data
    files) is named and not stored."""
    from dataclasses import replace

    from rashomon.pipeline import Progress, run_pending
    from rashomon.store.claims import Claims

    (tmp_path / "a.txt").write_text("Title\n\nShelling hit the town on Monday.", encoding="utf-8")
    settings = Settings(db=str(tmp_path / "r.db"))
    with Store(settings.db) as store:
        ingest([str(tmp_path / "a.txt")], store, settings, IngestOptions(parse=False),
               OutletDirectory.load(), lambda e: None, False)  # fmt: skip
        runner = Runner(WorkerSpec(settings.model, settings.batch_size))
        expected = replace(runner.identity(), version="another-version")
        errors: list = []
        parsed, extracted, _left = run_pending(store, runner, expected, Claims(store), settings,
                                               errors.append, Progress(False))  # fmt: skip
        assert (parsed, extracted) == (0, 0)
        assert len(errors) == 1 and "this run expects" in errors[0].problem
        assert store.conn.execute("SELECT COUNT(*) FROM parsed_docs").fetchone()[0] == 0


def test_several_workers_get_batches_short_enough_to_end_together(tmp_path):
    """With more than one worker a job batch holds at most `POOL_BATCH` articles, whatever
    the spaCy batch size, so no worker is left with a long last batch while others idle."""
    from rashomon.pipeline import Progress, run_pending
    from rashomon.pipeline.runners import POOL_BATCH
    from rashomon.store.claims import Claims

    class TwoWorkersHere(Runner):  # the real job, in this process, counted as two workers
        workers = 2
        sizes: list[int] = []

        def run(self, batches):
            for batch, done in super().run(batches):
                self.sizes.append(len(batch))
                yield batch, done

    for i in range(3 * POOL_BATCH):
        (tmp_path / f"a{i}.txt").write_text(f"Title {i}\n\nShelling hit town {i} on Monday.")
    settings = Settings(db=str(tmp_path / "r.db"), batch_size=4 * POOL_BATCH)
    with Store(settings.db) as store:
        ingest([str(tmp_path)], store, settings, IngestOptions(parse=False),
               OutletDirectory.load(), lambda e: None, False)  # fmt: skip
        runner = TwoWorkersHere(WorkerSpec(settings.model, settings.batch_size))
        parsed, extracted, _left = run_pending(store, runner, runner.identity(), Claims(store),
                                               settings, print, Progress(False), iter([]))  # fmt: skip
    assert (parsed, extracted) == (3 * POOL_BATCH, 3 * POOL_BATCH)
    assert sum(runner.sizes) == 3 * POOL_BATCH and max(runner.sizes) == POOL_BATCH


def test_a_worker_keeps_what_it_built_out_of_the_cyclic_collectors_sight():
    import gc

    from rashomon.pipeline.work import Worker

    settings = Settings()
    gc.unfreeze()  # an earlier test's worker froze its own: start from none
    assert gc.get_freeze_count() == 0
    worker = Worker(WorkerSpec(settings.model, settings.batch_size))
    assert gc.get_freeze_count() > 0  # the model, the gazetteer and the lexicons
    assert "_normal" in vars(worker.extractor.gazetteer)  # its lazy indexes built already
