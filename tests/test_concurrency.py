"""Two `ingest` processes on one database at once, and a reader beside them: no crash, no
article parsed or extracted twice, every article placed in exactly one story."""

from __future__ import annotations

import json
import random
import re
import sqlite3
import subprocess
import sys
import time

from hostile_inputs import article_text

SHARED, OWN = 8, 10  # articles both writers get, and articles each gets alone


def write_articles(folder, names, seed) -> None:
    folder.mkdir(exist_ok=True)
    rnd = random.Random(seed)
    for name in names:
        title, body = article_text(rnd, name)
        (folder / f"{name}.txt").write_text(f"{title}\n\n{body}", encoding="utf-8")


def counts(stderr: str) -> dict[str, int]:
    summary = stderr.strip().splitlines()[-1]
    return {
        word: int(n)
        for n, word in re.findall(r"(\d+) (added|unchanged|parsed|extracted|placed)", summary)
    }


def test_two_writers_and_a_reader(tmp_path):
    db = tmp_path / "shared.db"
    first, second = tmp_path / "first", tmp_path / "second"
    write_articles(first, [f"both{i}" for i in range(SHARED)], seed=1)
    write_articles(second, [f"both{i}" for i in range(SHARED)], seed=1)  # the same files
    write_articles(first, [f"one{i}" for i in range(OWN)], seed=2)
    write_articles(second, [f"two{i}" for i in range(OWN)], seed=3)
    cli = [sys.executable, "-m", "rashomon.cli"]
    writers = [
        subprocess.Popen([*cli, "ingest", str(folder), "--db", str(db), "--batch-size", "4"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for folder in (first, second)
    ]  # fmt: skip
    reads = []
    while any(w.poll() is None for w in writers):
        if db.exists():
            done = subprocess.run([*cli, "articles", "--json", "--db", str(db)],
                                  capture_output=True, text=True, check=False)  # fmt: skip
            reads.append(done)
        time.sleep(0.2)
    results = [(w.returncode, *w.communicate()) for w in writers]
    for code, _, err in results:
        assert code == 0, err
        assert "Traceback" not in err and "Error" not in err, err
    total = SHARED + 2 * OWN
    found = [counts(err) for _, _, err in results]
    print(found)
    assert sum(c["added"] for c in found) == total  # each article stored once
    assert sum(c["parsed"] for c in found) == total  # and parsed once: no double work
    assert sum(c["extracted"] for c in found) == total
    assert sum(c["placed"] for c in found) == total

    assert reads, "the reader never ran while the writers did"
    for done in reads:
        assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
        assert isinstance(json.loads(done.stdout), list)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == total
    assert conn.execute("SELECT COUNT(*) FROM parsed_docs").fetchone()[0] == total
    placed = conn.execute("SELECT COUNT(*), COUNT(DISTINCT article_id) FROM story_articles")
    assert placed.fetchone() == (total, total)
    assert conn.execute("SELECT COUNT(*) FROM claims").fetchone()[0] == 0  # all let go
