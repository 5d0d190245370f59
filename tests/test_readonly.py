"""Read-only databases and folders: every read command works, `ingest` says so in one line;
read commands never create a database; `-o` paths are checked before any work."""

from __future__ import annotations

import os
import random
import shutil
import stat
import subprocess
import sys

import pytest
from hostile_inputs import article_text

CLI = [sys.executable, "-m", "rashomon.cli"]


def as_user(cmd: list[str]) -> list[str]:
    """Root ignores file permissions; drop that power for the command (setpriv)."""
    if os.geteuid() != 0:
        return cmd
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: file permissions cannot be tested")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search", *cmd]


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run(as_user([*CLI, *args]), capture_output=True, text=True, check=False,
                          cwd=cwd)  # fmt: skip


@pytest.fixture(scope="module")
def small_db(tmp_path_factory):
    """Three small articles, fully processed."""
    folder = tmp_path_factory.mktemp("articles")
    rnd = random.Random(5)
    for i in range(3):
        title, body = article_text(rnd, f"ro{i}")
        (folder / f"ro{i}.txt").write_text(f"{title}\n\n{body}", encoding="utf-8")
    db = folder / "small.db"
    done = subprocess.run([*CLI, "ingest", str(folder), "--db", str(db)], capture_output=True,
                          text=True, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return db


@pytest.fixture
def locked_db(small_db, tmp_path):
    """A copy of the database in a folder nobody may write, itself read-only."""
    folder = tmp_path / "locked"
    folder.mkdir()
    db = folder / "small.db"
    shutil.copy(small_db, db)
    os.chmod(db, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    os.chmod(folder, stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP)
    yield db
    os.chmod(folder, stat.S_IRWXU)


def test_read_commands_work_on_a_read_only_database(locked_db, tmp_path):
    story = run("stories", "--json", "--db", str(locked_db))
    assert story.returncode == 0, story.stderr
    story_id = story.stdout.split('"id": "')[1].split('"')[0]
    for args in (("articles",), ("actors",), ("quotes", "--json"), ("numbers",), ("events",),
                 ("disputes",), ("timeline", story_id[:10]), ("dossier", story_id[:10]),
                 ("article", story.stdout.split('"article_ids": [')[1].split('"')[1][:6])):  # fmt: skip
        done = run(*args, "--db", str(locked_db))
        assert done.returncode == 0, (args, done.stderr)
        assert done.stdout.strip(), args
    assert sorted(os.listdir(locked_db.parent)) == ["small.db"]  # nothing written beside it


def test_ingest_into_a_read_only_database_says_so_in_one_line(locked_db, tmp_path):
    article = tmp_path / "new.txt"
    title, body = article_text(random.Random(9), "new")
    article.write_text(f"{title}\n\n{body}", encoding="utf-8")
    done = run("ingest", str(article), "--db", str(locked_db))
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "read-only" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr


def test_read_commands_never_create_a_database(tmp_path):
    done = run("articles", "--db", str(tmp_path / "typo.db"))
    assert done.returncode == 3 and "no database at" in done.stderr
    assert not (tmp_path / "typo.db").exists()
    done = run("stories", cwd=tmp_path)
    assert done.returncode == 3 and not (tmp_path / "rashomon.db").exists()


def test_missing_db_folder_is_named(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Title\n\nSome words here.", encoding="utf-8")
    done = run("ingest", str(article), "--db", str(tmp_path / "nowhere" / "x.db"))
    assert done.returncode == 1 and "folder" in done.stderr and "does not exist" in done.stderr
    assert "not a usable" not in done.stderr and done.stderr.count("\n") == 1


@pytest.mark.parametrize("target", ["missing/out.html", "folder", "locked/out.html"])
def test_output_path_is_checked_before_the_work(small_db, tmp_path, target):
    (tmp_path / "folder").mkdir()
    (tmp_path / "locked").mkdir(mode=0o555)
    done = run("dossier", "story:", "-o", str(tmp_path / target), "--db", str(small_db))
    assert done.returncode == 2, done.stderr
    assert "-o" in done.stderr and "Traceback" not in done.stderr
    assert "story" not in done.stderr.split("-o")[0]  # refused before looking up the story


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
def test_a_full_disk_is_one_line(small_db):
    story = run("stories", "--json", "--db", str(small_db)).stdout.split('"id": "')[1][:10]
    done = run("dossier", story, "-o", "/dev/full", "--format", "md", "--db", str(small_db))
    assert done.returncode == 1 and done.stderr.count("\n") == 1, done.stderr
    assert "cannot write /dev/full" in done.stderr and "No space left" in done.stderr
