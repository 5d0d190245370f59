"""Fuzz: a few hundred hostile inputs and good articles in one `ingest` batch, as a user runs it.

A real process, so a crash anywhere shows as a traceback on stderr. Every hostile input must be
named on exactly one stderr line, every good one stored and extracted, and the database whole.
`RASHOMON_FUZZ_SCALE=10` (or any number) runs that many rounds of every kind instead of six.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys

from hostile_inputs import MAX_CHARS, Corpus

SCALE = int(os.environ.get("RASHOMON_FUZZ_SCALE", "6"))
SEED = int(os.environ.get("RASHOMON_FUZZ_SEED", "13"))


def can_drop_privileges() -> bool:
    """Root ignores file permissions; setpriv can take that power away from the ingest."""
    return os.geteuid() != 0 or shutil.which("setpriv") is not None


def as_user(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search", *cmd]


def test_hostile_batch_never_stops_and_names_every_bad_input(tmp_path):
    folder, db = tmp_path / "inputs", tmp_path / "fuzz.db"
    folder.mkdir()
    corpus = Corpus(folder, SEED, permissions=can_drop_privileges())
    inputs = corpus.make(SCALE)
    cmd = [sys.executable, "-m", "rashomon.cli", "ingest", str(folder), "--db", str(db),
           "--max-chars", str(MAX_CHARS)]  # fmt: skip
    try:
        done = subprocess.run(as_user(cmd), capture_output=True, text=True, timeout=600,
                              check=False, env=os.environ | {"PYTHONIOENCODING": "utf-8"})  # fmt: skip
    finally:
        corpus.unlock()
    err = done.stderr
    assert "Traceback" not in err, err[-3000:]
    assert done.returncode == 1, err[-2000:]
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", err), "control characters on stderr"
    lines = err.splitlines()
    assert all(line.startswith("rashomon: ") for line in lines), [
        line for line in lines if not line.startswith("rashomon: ")
    ]

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = {row[0] for row in conn.execute("SELECT source FROM articles")}
    extracted = {
        row[0] for row in conn.execute(
            "SELECT a.source FROM articles a JOIN article_stages s ON s.article_id = a.id"
            " AND s.stage = 'entities'"
        )
    }  # fmt: skip
    bodies = [row[0] + row[1] for row in conn.execute("SELECT title, body FROM articles")]
    conn.close()

    problems = []
    for item in inputs:
        named = [line for line in lines if re.search(rf"\b{item.token}\b", line)]
        mine = {s for s in stored if re.search(rf"\b{item.token}\b", s)}
        if item.expect in ("fail", "skip") and len(named) != 1:
            problems.append(f"{item.kind} {item.token}: named {len(named)} times: {named}")
        if item.expect == "skip" and named and "skipped" not in named[0]:
            problems.append(f"{item.kind} {item.token}: not reported as skipped: {named}")
        if item.expect in ("store", "ignore") and named:
            problems.append(f"{item.kind} {item.token}: named on stderr: {named}")
        if item.expect == "any" and len(named) + len(mine) != 1:
            problems.append(f"{item.kind} {item.token}: named {named}, stored {mine}")
        if item.expect in ("fail", "skip", "ignore") and mine - set(item.sources):
            problems.append(f"{item.kind} {item.token}: stored {mine - set(item.sources)}")
        for source in item.sources if item.expect != "any" else ():
            if source not in extracted:
                problems.append(f"{item.kind} {item.token}: {source!r} not stored and extracted")
    assert not problems, "\n".join(problems)
    assert not any(re.search("[\x00\x1b\x9b]", body) for body in bodies)
    counts = {e: sum(1 for i in inputs if i.expect == e) for e in ("fail", "skip", "store")}
    assert counts["fail"] + counts["skip"] >= 25 * SCALE and counts["store"] >= 10 * SCALE
    print(f"fuzz: {len(inputs)} inputs {counts}, {len(stored)} articles stored")
