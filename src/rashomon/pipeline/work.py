"""The per-article job: an article in, its parse and its findings out, touching no store.

Parsing and extraction are the whole cost of ingesting and need nothing but the article and
the resources a worker builds once (the spaCy pipeline, the actor dictionary, the gazetteer,
the lexicons), so they run as one pure function wherever there is a CPU: in the ingesting
process, in worker processes on the same machine, or on Dask workers on other machines.
The article is parsed and its findings extracted from that very Doc (the Doc is not read
back from bytes), and the Doc comes back as DocBin bytes for the cache. Only the writer
(`rashomon.pipeline`) touches the store.

A worker builds its resources once per process and `WorkerSpec`; everything a worker gets
and returns is plain picklable data.
"""

from __future__ import annotations

import gc
import resource
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from rashomon.entities import EntityExtractor
from rashomon.nlp import doc_from_bytes, doc_to_bytes, load_pipeline, model_key, parse
from rashomon.settings import Settings
from rashomon.store.entities import ArticleEntities
from rashomon.store.jobs import ArticleWork


@dataclass(frozen=True)
class WorkerSpec:
    """What a worker builds its resources from; equal specs share one worker per process."""

    model: str
    batch_size: int = 32
    actor_files: tuple[str, ...] = ()
    event_files: tuple[str, ...] = ()


@dataclass(frozen=True)
class Identity:
    """What a worker's results are keyed by: its parse cache key and extractor version. A
    writer stores results only from workers with the identity it expects (on a cluster,
    a machine with another model installed must not mix its findings in)."""

    model_key: str
    version: str
    peak_rss_mib: float = 0.0  # the worker process's peak resident memory so far


@dataclass(frozen=True)
class Done:
    """One article's outcome. `doc` is a new parse to cache (None when the parse was cached
    or failed); `found` its findings (None when extraction failed); `problem` says what
    failed, as the one line shown to the user."""

    article_id: str
    source: str
    identity: Identity
    doc: bytes | None = None
    found: ArticleEntities | None = None
    problem: str | None = None


class Worker:
    """The per-process state of the job: the pipeline and the extractor, built once."""

    def __init__(self, spec: WorkerSpec) -> None:
        self.spec = spec
        self.nlp: Language = load_pipeline(spec.model)
        self.extractor = EntityExtractor.build(self.nlp, spec.actor_files, spec.event_files)
        self.extractor.gazetteer.warm()  # its lazy indexes too: built once, not mid-article
        # what is built by now (the model, the gazetteer, the lexicons: millions of objects)
        # lives as long as the process: kept out of the cyclic collector's sight, so that
        # each full collection mid-ingest does not walk it all again (~0.1 s each)
        gc.collect()
        gc.freeze()
        # parsing inside a worker is serial: the pool, not spaCy, spreads the work
        self.settings = Settings(model=spec.model, batch_size=spec.batch_size, processes=1)
        self.key = model_key(self.nlp)
        self.lock = threading.Lock()  # one run at a time: a pipeline is not for threads

    def identity(self) -> Identity:
        return Identity(self.key, self.extractor.version, _peak_rss_mib())

    def run(self, batch: Sequence[ArticleWork]) -> list[Done]:
        """Parse (unless cached) and extract each article of `batch`, in order."""
        identity = self.identity()
        docs: dict[str, Doc] = {}
        for work in batch:
            if work.doc is not None:
                with suppress(Exception):  # an unreadable cache entry is parsed again
                    docs[work.article_id] = doc_from_bytes(self.nlp, work.doc)
        fresh = [(w.article_id, w.body) for w in batch if w.article_id not in docs]
        parsed_now = {article_id for article_id, _ in fresh}
        problems: dict[str, str] = {}
        for article_id, doc in _parsed(self.nlp, fresh, self.settings, problems):
            docs[article_id] = doc
        done = []
        for work in batch:
            doc = docs.pop(work.article_id, None)
            if doc is None:
                problem = problems.get(work.article_id, "cannot be parsed")
                done.append(Done(work.article_id, work.source, identity, problem=problem))
                continue
            data = doc_to_bytes(doc) if work.article_id in parsed_now else None
            try:
                found = self.extractor.extract(work.article_id, doc, work.published, work.captions)
            except Exception as exc:  # noqa: BLE001 - named on stderr, the batch goes on
                problem = f"extraction failed ({what(exc)})"
                done.append(Done(work.article_id, work.source, identity, data, problem=problem))
                continue
            done.append(Done(work.article_id, work.source, identity, data, found))
        return done


_WORKERS: dict[WorkerSpec, Worker] = {}
_LOCK = threading.Lock()


def worker_for(spec: WorkerSpec) -> Worker:
    """This process's worker for `spec`, built on first use (a Dask worker may run tasks
    on several threads: they share one)."""
    with _LOCK:
        worker = _WORKERS.get(spec)
        if worker is None:
            worker = _WORKERS[spec] = Worker(spec)
        return worker


def run_batch(spec: WorkerSpec, batch: Sequence[ArticleWork]) -> list[Done]:
    """The job as a task for a pool or a cluster: module-level, so workers can import it."""
    worker = worker_for(spec)
    with worker.lock:
        return worker.run(batch)


def identify(spec: WorkerSpec) -> Identity:
    """Build this process's worker for `spec` (loading the model) and say what it is."""
    return worker_for(spec).identity()


def _parsed(
    nlp: Language, items: list[tuple[str, str]], settings: Settings, problems: dict[str, str]
) -> Iterator[tuple[str, Doc]]:
    """Parsed Docs of a batch; when the batch fails, article by article, so that the one
    that fails is named (in `problems`) and the others are parsed."""
    done: set[str] = set()
    try:
        for article_id, doc in parse(nlp, items, settings):
            done.add(article_id)
            yield article_id, doc
        return
    except Exception:  # noqa: BLE001 - a spaCy failure on one text must not stop the batch
        pass
    for article_id, text in items:
        if article_id in done:
            continue
        try:
            yield from parse(nlp, [(article_id, text)], settings)
        except Exception as exc:  # noqa: BLE001 - named on stderr, the batch goes on
            problems[article_id] = f"cannot be parsed ({what(exc)})"


def what(exc: BaseException) -> str:
    """An exception as a short phrase for a one-line message."""
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text[:200]}" if text else type(exc).__name__


def _peak_rss_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024
