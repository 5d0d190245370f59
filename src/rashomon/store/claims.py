"""Claims: which process is working on which article, so two ingests never do the same work.

A process claims a batch of articles for a stage (parse, entities) in one write transaction,
works on them, and lets each claim go as it saves the result. Another process skips what is
claimed and takes the next batch; when nothing is left but claimed work, it says so and
stops. A claim whose owner died (kill -9, a crash) does not block anyone: on the same host
the owner's process id is checked, elsewhere a claim older than `STALE_AFTER` lapses.
"""

from __future__ import annotations

import os
import secrets
import socket
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from rashomon.store.db import Store

STALE_AFTER = timedelta(hours=1)


def _now() -> datetime:
    return datetime.now(UTC)


class Claims:
    """One process's claims on one store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.host = socket.gethostname()
        self.owner = f"{self.host}:{os.getpid()}:{secrets.token_hex(4)}"

    def claim(self, stage: str, candidates: Sequence[str], limit: int) -> list[str]:
        """Up to `limit` of `candidates` (in order) that no live process holds, now ours.

        Candidates that another process finished meanwhile are the caller's to filter out
        before asking; this only arbitrates who works on what."""
        if not candidates:
            return []
        taken: list[str] = []
        with self.store.transaction() as conn:
            held = self._held(stage)
            for article_id in candidates:
                if article_id in held:
                    continue
                taken.append(article_id)
                if len(taken) >= limit:
                    break
            conn.executemany(
                "INSERT OR REPLACE INTO claims (article_id, stage, owner, claimed_at)"
                " VALUES (?, ?, ?, ?)",
                [(a, stage, self.owner, _now().isoformat()) for a in taken],
            )
        return taken

    def held_by_others(self, stage: str) -> set[str]:
        """Articles another live process is working on in `stage`."""
        return self._held(stage)

    def release(self, stage: str, article_ids: Sequence[str]) -> None:
        if not article_ids:
            return
        with self.store.transaction() as conn:
            conn.executemany(
                "DELETE FROM claims WHERE article_id = ? AND stage = ? AND owner = ?",
                [(a, stage, self.owner) for a in article_ids],
            )

    def release_all(self) -> None:
        """Let every claim of this process go (at the end of a run, or when it fails)."""
        with self.store.transaction() as conn:
            conn.execute("DELETE FROM claims WHERE owner = ?", (self.owner,))

    def _held(self, stage: str) -> set[str]:
        rows = self.store.conn.execute(
            "SELECT article_id, owner, claimed_at FROM claims WHERE stage = ? AND owner != ?",
            (stage, self.owner),
        ).fetchall()
        return {r[0] for r in rows if self._alive(r[1], r[2])}

    def _alive(self, owner: str, claimed_at: str) -> bool:
        host, pid = _host_and_pid(owner)
        try:
            if _now() - datetime.fromisoformat(claimed_at) > STALE_AFTER:
                return False
        except ValueError:
            return False
        if host != self.host or pid is None:
            return True
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True  # alive, under another user
        return True


def _host_and_pid(owner: str) -> tuple[str, int | None]:
    """("host", pid) from "host:pid:token"; a host name may itself hold colons."""
    head, _, _token = owner.rpartition(":")
    host, _, pid = head.rpartition(":")
    return host, int(pid) if pid.isdigit() else None
