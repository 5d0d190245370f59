"""Shared fixtures. Tests that need ../shared skip with a message when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
FAKES_CSV = SHARED / "eval-data" / "fa-kes" / "fa-kes-dev.csv"


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent: put the shared material beside the repo to run this test")
    return path


@pytest.fixture
def seeds_dir() -> Path:
    return need(SEEDS)


@pytest.fixture
def seed_text(seeds_dir: Path):
    def read(prefix: str) -> str:
        (path,) = seeds_dir.glob(f"{prefix}_*.txt")
        return path.read_text(encoding="utf-8")

    return read


@pytest.fixture
def fakes_csv() -> Path:
    return need(FAKES_CSV)


REPO = Path(__file__).resolve().parents[1]


def run_bench_script(name: str, *args: str, timeout: int = 300):
    """Run bench/NAME as a user would (a subprocess from the repo root); fail on a non-zero exit."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / name), *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory) -> str:
    """The five seeds ingested once, fully processed, through the real CLI (read-only use)."""
    from rashomon.cli import main

    need(SEEDS)
    path = tmp_path_factory.mktemp("seeds") / "seeds.db"
    assert main(["ingest", str(SEEDS), "--db", str(path)]) == 0
    return str(path)


FAKES_MAPPING = ("--map", "title=article_title", "--map", "text=article_content",
                 "--map", "outlet=source", "--map", "date=date")  # fmt: skip


@pytest.fixture(scope="session")
def fakes_db(tmp_path_factory) -> str:
    """FA-KES dev (409 articles) ingested once per session, fully processed, through the real
    CLI (several minutes): read-only use; copy it (`copy_db`) before writing."""
    from rashomon.cli import main

    need(FAKES_CSV)
    path = tmp_path_factory.mktemp("fakes") / "fakes.db"
    assert main(["ingest", str(FAKES_CSV), *FAKES_MAPPING, "--db", str(path)]) == 0
    return str(path)


def copy_db(source: str, target: Path) -> str:
    """A consistent copy of a database (SQLite's backup, WAL included) to write into."""
    import sqlite3

    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return str(target)


def forget_articles(db: str, article_ids: list[str]) -> None:
    """Delete articles (their findings go with them) and every cross-article result, as if
    the database had never seen them: the next ingest stores, extracts and places anew."""
    import sqlite3

    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        for table in ("dispute_sides", "disputes", "figure_claims", "figures", "incident_actors",
                      "incident_reports", "incidents", "story_entries", "story_articles",
                      "stories", "article_windows", "report_terms"):  # fmt: skip
            conn.execute(f"DELETE FROM {table}")
        marks = ",".join("?" * len(article_ids))
        conn.execute(f"DELETE FROM articles WHERE id IN ({marks})", article_ids)


def cli_json(capsys, *args: str):
    """Run a rashomon command in-process and parse its JSON output."""
    import json

    from rashomon.cli import main

    capsys.readouterr()
    assert main(list(args)) == 0
    return json.loads(capsys.readouterr().out)


def score_at(scores: dict, path: str) -> float:
    """The number at a dotted path of a bench's JSON ("types.Person.overlap.f1")."""
    value: object = scores
    for key in path.split("."):
        value = value[key]  # type: ignore[index]
    assert isinstance(value, int | float), path
    return value


def below_floors(ours: dict, floors: dict[str, float]) -> dict[str, tuple[float, float]]:
    """Eval gate: every pinned score that dropped, as path -> (measured, floor)."""
    return {
        path: (score_at(ours, path), floor)
        for path, floor in floors.items()
        if score_at(ours, path) < floor
    }


def behind_baseline(result: dict, paths: list[str], strict: bool = True) -> dict:
    """Eval gate: every score where ours is not ahead of the baseline run beside it
    (`strict`: a tie counts as behind), as path -> (ours, baseline)."""
    found = {}
    for path in paths:
        ours, theirs = score_at(result["ours"], path), score_at(result["baseline"], path)
        if ours < theirs or (strict and ours == theirs):
            found[path] = (ours, theirs)
    return found
