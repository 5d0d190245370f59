"""Where the per-article job runs: in this process, in a pool of local worker processes, or
on a Dask cluster. Every runner hands results back in the order the batches went in, so the
one writer commits them in a fixed order whatever finished first.

A runner keeps only a few batches in flight (four per worker), so memory stays bounded
however large the input, and the claims a process holds stay few. Pools and clusters are
kept for the life of the process and reused by later runs with the same settings: a worker
loads the model once, not once per run.
"""

from __future__ import annotations

import atexit
import gc
import logging
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import suppress
from typing import Any

from rashomon.errors import RashomonError, SettingsError
from rashomon.pipeline.work import Done, Identity, WorkerSpec, identify, run_batch, what
from rashomon.store.jobs import ArticleWork

Batch = Sequence[ArticleWork]
LOCAL_PREFIX = "local:"
DASK_HINT = "pip install 'rashomon[dask]' (or: pip install 'dask[distributed]')"
_IN_FLIGHT_PER_WORKER = 4
# With several workers a job batch has at most this many articles: spaCy parses 8 articles
# at a time for the same CPU per article as 32 (measured on FA-KES dev), and the run ends
# when the last worker finishes its last batch, so short batches leave the others idle for
# less time (batches of 32, 2-3 s each here, left one of two workers idle at the end).
POOL_BATCH = 8


class Runner:
    """Runs the job on batches; results come back batch by batch, in submission order."""

    workers = 1

    def __init__(self, spec: WorkerSpec) -> None:
        self.spec = spec

    def describe(self) -> str:
        return "in this process"

    def identity(self) -> Identity:
        """The identity every result must carry; loads the model where the work runs."""
        return identify(self.spec)

    def run(self, batches: Iterable[Batch]) -> Iterator[tuple[Batch, list[Done]]]:
        for batch in batches:
            yield batch, run_batch(self.spec, batch)

    def worker_peaks_mib(self) -> list[float]:
        """Each worker process's peak resident memory, where it can be asked."""
        return []


class LocalPool(Runner):
    """`workers` processes on this machine, each with its own pipeline (started with
    spawn, so no open database or thread is carried into them)."""

    def __init__(self, spec: WorkerSpec, workers: int) -> None:
        super().__init__(spec)
        self.workers = workers
        self._pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_warm,
            initargs=(self.spec,),
        )

    def describe(self) -> str:
        return f"in {self.workers} worker processes"

    def identity(self) -> Identity:
        return self._call(identify, self.spec)

    def run(self, batches: Iterable[Batch]) -> Iterator[tuple[Batch, list[Done]]]:
        expected = self.identity()
        yield from in_order(
            lambda batch: self._submit(run_batch, self.spec, batch),
            batches,
            self.workers * _IN_FLIGHT_PER_WORKER,
            expected,
        )

    def worker_peaks_mib(self) -> list[float]:
        futures = [self._submit(identify, self.spec) for _ in range(self.workers * 4)]
        return sorted({round(f.result().peak_rss_mib, 1) for f in futures})

    def _call(self, fn: Callable[..., Any], *args: Any) -> Any:
        return self._submit(fn, *args).result()

    def _submit(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        try:
            return self._pool.submit(fn, *args)
        except BrokenProcessPool:  # a worker died (killed, out of memory): start afresh
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = self._start()
            return self._pool.submit(fn, *args)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class DaskRunner(Runner):
    """The job as tasks on a Dask cluster: an existing scheduler's address, or `local:N`
    for a LocalCluster of N single-threaded worker processes on this machine. Every worker
    loads the model once (when the run starts) and must hold the same model and data
    files as this process expects: a worker that differs is named and the run stops."""

    def __init__(self, spec: WorkerSpec, address: str) -> None:
        super().__init__(spec)
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise SettingsError(f"--dask needs Dask's distributed scheduler: {DASK_HINT}") from None
        self.address = address
        self._cluster = None
        if address.startswith(LOCAL_PREFIX):
            workers = _local_workers(address)
            self._cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True,
                dashboard_address=None, silence_logs=logging.ERROR,
            )  # fmt: skip
            self.client = Client(self._cluster)
        else:
            try:
                self.client = Client(address, timeout="20s")
            except (OSError, TimeoutError) as exc:
                raise SettingsError(f"--dask {address}: no Dask scheduler answers ({exc})") from exc
        self.workers = max(sum(self.client.nthreads().values()), 1)

    def describe(self) -> str:
        return f"on Dask ({self.address}, {self.workers} worker threads)"

    def identity(self) -> Identity:
        found = self.client.run(identify, self.spec)  # on every worker, loading the model
        if not found:
            raise RashomonError(f"--dask {self.address}: the cluster has no workers")
        keys = {(i.model_key, i.version) for i in found.values()}
        if len(keys) > 1:
            shown = "; ".join(f"{w}: {i.model_key} {i.version}" for w, i in sorted(found.items()))
            raise RashomonError(
                f"--dask {self.address}: workers differ in model or data files ({shown})"
            )
        return next(iter(found.values()))

    def run(self, batches: Iterable[Batch]) -> Iterator[tuple[Batch, list[Done]]]:
        expected = self.identity()
        self.workers = max(sum(self.client.nthreads().values()), 1)
        yield from in_order(
            lambda batch: self.client.submit(run_batch, self.spec, batch, pure=False),
            batches,
            self.workers * _IN_FLIGHT_PER_WORKER,
            expected,
        )

    def worker_peaks_mib(self) -> list[float]:
        found = self.client.run(identify, self.spec)
        return sorted(round(i.peak_rss_mib, 1) for i in found.values())

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()


def in_order(
    submit: Callable[[Batch], Any],
    batches: Iterable[Batch],
    window: int,
    expected: Identity,
) -> Iterator[tuple[Batch, list[Done]]]:
    """Submit batches as they come (at most `window` in flight) and yield each batch's
    results in submission order. A batch whose task failed (its worker died) comes back
    as one failure per article, so the run goes on and a re-run retries them."""
    flight: deque[tuple[Batch, Any]] = deque()
    for batch in batches:
        flight.append((batch, submit(batch)))
        if len(flight) >= window:
            yield _outcome(*flight.popleft(), expected)
    while flight:
        yield _outcome(*flight.popleft(), expected)


def _outcome(batch: Batch, future: Any, expected: Identity) -> tuple[Batch, list[Done]]:
    try:
        return batch, future.result()
    except Exception as exc:  # noqa: BLE001 - the worker's failure is each article's
        problem = f"worker failed ({what(exc)}); re-run to retry"
        return batch, [Done(w.article_id, w.source, expected, problem=problem) for w in batch]


def _warm(spec: WorkerSpec) -> None:
    """A pool worker's start: build its pipeline before the first batch arrives. A failure
    (a missing model) is left to `identify`, which raises it where the caller sees it.

    What it built (the model, the dictionary, the gazetteer: millions of objects) lives as
    long as the process, so it is moved out of the garbage collector's reach
    (`gc.freeze`): each full collection would otherwise walk all of it again, for nothing.
    The pool's processes are ours; the ingesting process is left as it is."""
    with suppress(RashomonError):
        identify(spec)
    gc.collect()
    gc.freeze()


def _local_workers(address: str) -> int:
    text = address[len(LOCAL_PREFIX) :]
    if not text.isdigit() or not 1 <= int(text) <= 256:
        raise SettingsError(f"--dask {address}: expected local:N with N from 1 to 256")
    return int(text)


_RUNNERS: dict[tuple[WorkerSpec, int, str | None], Runner] = {}


def runner_for(spec: WorkerSpec, processes: int, dask: str | None) -> Runner:
    """The runner for these settings, started on first use and kept for later runs."""
    key = (spec, processes if dask is None else 0, dask)
    runner = _RUNNERS.get(key)
    if runner is None:
        if dask is not None:
            runner = DaskRunner(spec, dask)
        elif processes > 1:
            runner = LocalPool(spec, processes)
        else:
            runner = Runner(spec)
        _RUNNERS[key] = runner
    return runner


def close_runners() -> None:
    """Stop every pool and cluster this process started."""
    while _RUNNERS:
        _key, runner = _RUNNERS.popitem()
        close = getattr(runner, "close", None)
        if close is not None:
            close()


atexit.register(close_runners)
