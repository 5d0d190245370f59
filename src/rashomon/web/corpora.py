"""Database access for the web app: reads on per-thread read-only corpora, every write
through one writer thread (datasette's pattern).

Page views never open the database for writing; the one writable connection lives in a
single worker thread, so two reviews submitted at once are written one after the other and
a read never waits on a half-done write (SQLite's WAL lets readers go on while it writes).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

from rashomon import api
from rashomon.settings import Settings

T = TypeVar("T")


class Corpora:
    def __init__(self, path: str, settings: Settings | None = None) -> None:
        self.path = path
        self.settings = settings
        self._local = threading.local()
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="rashomon-writer")
        self._writable: api.Corpus | None = None
        self._opened: list[api.Corpus] = []
        self._lock = threading.Lock()

    def reader(self) -> api.Corpus:
        """This thread's read-only corpus (opened on first use, kept for the thread)."""
        corpus = getattr(self._local, "corpus", None)
        if corpus is None:
            corpus = api.open(self.path, self.settings, read_only=True)
            self._local.corpus = corpus
            with self._lock:
                self._opened.append(corpus)
        return corpus

    def write(self, work: Callable[[api.Corpus], T]) -> Future[T]:
        """Run `work` on the writable corpus, in the writer thread."""
        return self._writer.submit(self._run, work)

    def _run(self, work: Callable[[api.Corpus], T]) -> T:
        if self._writable is None:
            self._writable = api.open(self.path, self.settings)
        return work(self._writable)

    def close(self) -> None:
        if self._writable is not None:
            writable, self._writable = self._writable, None
            self._writer.submit(writable.close).result()
        self._writer.shutdown(wait=True)
        with self._lock:
            opened, self._opened = self._opened, []
        for corpus in opened:  # sqlite connections belong to their threads: let them go
            with contextlib.suppress(Exception):  # another thread's: it goes with its thread
                corpus.close()
