"""kill -9 in the middle of an ingest loses nothing committed; a re-run finishes the rest."""

import os
import signal
import sqlite3
import subprocess
import sys
import time

from rashomon.store import Store

ARTICLES = 400


def make_corpus(folder) -> None:
    folder.mkdir()
    for i in range(ARTICLES):
        body = "\n\n".join(
            f"Report {i} paragraph {p}: fighters of unit {i * 7 + p} shelled district {p} "
            f"on day {i}, and {i + p} civilians fled towards camp {i % 13}."
            for p in range(6)
        )
        (folder / f"a{i:04d}.txt").write_text(f"Story number {i}\n\n{body}", encoding="utf-8")


def count(db) -> int:
    try:
        with sqlite3.connect(db) as conn:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_kill_during_ingest_then_rerun(tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "r.db"
    make_corpus(corpus)
    cmd = [
        sys.executable,
        "-m",
        "rashomon.cli",
        "ingest",
        str(corpus),
        "--db",
        str(db),
        "--no-parse",
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while count(db) < 20 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    stored = count(db)
    assert 0 < stored < ARTICLES, "the kill should land mid-ingest"

    with Store(db) as store:
        assert store.integrity_check() == "ok"
        assert store.article_count() == stored
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert f"{ARTICLES - stored} added" in result.stderr and f"{stored} unchanged" in result.stderr
    with Store(db) as store:
        assert store.integrity_check() == "ok"
        assert store.article_count() == ARTICLES
        sources = [row.source for row in store.list_articles()]
        assert len(set(sources)) == ARTICLES
