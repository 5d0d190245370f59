"""End-to-end ingest through the real CLI entry point, real readers, real store and spaCy."""

import json

import pytest

from rashomon.cli import main
from rashomon.store import Store

PARAGRAPHS = [
    "Rebel factions launched a major assault on the western districts of the city on Friday, "
    "backed by car bombs and rocket fire, a monitoring group said.",
    "The army said it had repelled the attack and killed dozens of fighters near the old "
    "military academy, but residents reported heavy fighting through the night.",
    "Aid agencies warned that the siege had left hundreds of thousands of civilians without "
    "food, fuel or medicine, and called for a pause in the fighting.",
]
STORY = "\n\n".join(PARAGRAPHS)


def write(path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def articles(capsys, db) -> list[dict]:
    code, out, _ = run(capsys, "articles", "--json", "--db", str(db))
    assert code == 0
    return json.loads(out)


def test_folder_with_good_and_bad_files(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder / "good.txt", "Assault on the city\n\nGeneva (AFP) - " + STORY)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    write(folder / "broken.csv", 'title,text\n"Unclosed quote,never ends\n')
    db = tmp_path / "r.db"
    code, _, err = run(capsys, "ingest", str(folder), "--db", str(db), "--no-parse")
    assert code == 1
    error_lines = [line for line in err.splitlines() if not line.startswith(f"rashomon: {db}")]
    assert len(error_lines) == 3
    for name, problem in (("empty.txt", "empty file"), ("image.txt", "PNG"), ("broken.csv", "CSV")):
        assert any(name in line and problem in line for line in error_lines), (name, err)
    (row,) = articles(capsys, db)
    assert (row["title"], row["outlet"], row["dateline"]) == (
        "Assault on the city",
        "AFP",
        "Geneva",
    )


def test_failures_do_not_touch_stored_articles(tmp_path, capsys):
    db = tmp_path / "r.db"
    good = write(tmp_path / "good.txt", "Title\n\n" + STORY)
    assert run(capsys, "ingest", good, "--db", str(db), "--no-parse")[0] == 0
    before = articles(capsys, db)
    missing = str(tmp_path / "missing.txt")
    code, _, err = run(capsys, "ingest", missing, good, "--db", str(db), "--no-parse")
    assert code == 1 and f"{missing}: no such file or directory" in err
    assert articles(capsys, db) == before
    with Store(db) as store:
        assert store.integrity_check() == "ok"


def test_reingest_is_a_no_op_and_wire_reprint_is_a_copy(tmp_path, capsys):
    db = tmp_path / "r.db"
    original = write(tmp_path / "afp.txt", "Assault on the city\n\nBeirut (AFP) - " + STORY)
    reprint = write(
        tmp_path / "aj.txt",
        "Rebels storm western Aleppo\n\n"
        + STORY.replace("on Friday", "on Friday morning")
        + "\n\nSource: Al Jazeera, News Agencies",
    )
    run(capsys, "ingest", original, "--db", str(db), "--no-parse")
    code, _, err = run(capsys, "ingest", original, reprint, "--db", str(db), "--no-parse")
    assert code == 0 and "1 unchanged" in err and "1 copy" in err
    rows = {row["outlet"]: row for row in articles(capsys, db)}
    assert set(rows) == {"AFP", "Al Jazeera"}
    assert rows["Al Jazeera"]["duplicate_of"] == rows["AFP"]["id"]
    assert rows["Al Jazeera"]["similarity"] >= 0.7 and rows["AFP"]["duplicate_of"] is None


def test_same_text_from_two_outlets_is_two_publications(tmp_path, capsys):
    db = tmp_path / "r.db"
    path = write(tmp_path / "a.txt", "Title\n\n" + STORY)
    run(capsys, "ingest", path, "--outlet", "Reuters", "--db", str(db), "--no-parse")
    run(capsys, "ingest", path, "--outlet", "AP", "--db", str(db), "--no-parse")
    rows = articles(capsys, db)
    assert sorted(r["outlet"] for r in rows) == ["AP", "Reuters"]
    assert sorted(r["outlet_found_in"] for r in rows) == ["user", "user"]
    assert sum(1 for r in rows if r["duplicate_of"]) == 1


def test_user_date_and_url_options(tmp_path, capsys):
    db = tmp_path / "r.db"
    path = write(tmp_path / "a.txt", "Title\n\n" + STORY)
    run(capsys, "ingest", path, "--date", "2016-11-01", "--url", "https://www.bbc.com/news/x",
        "--db", str(db), "--no-parse")  # fmt: skip
    (row,) = articles(capsys, db)
    assert (row["published"], row["published_precision"], row["published_found_in"]) == (
        "2016-11-01", "day", "user",
    )  # fmt: skip
    assert (row["outlet"], row["outlet_found_in"]) == ("BBC", "url")


def test_bad_date_option_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["ingest", str(tmp_path), "--date", "yesterday-ish", "--db", str(tmp_path / "r.db")])
    assert exit_info.value.code == 2
    assert "--date 'yesterday-ish' is not a date" in capsys.readouterr().err


def test_stdin_html(tmp_path, capsys, monkeypatch):
    import io
    import sys

    html = (
        "<html><head><title>Ceasefire holds</title><meta property='og:site_name' content='Reuters'>"
        "<meta property='article:published_time' content='2016-10-20T08:00:00Z'></head><body>"
        "<article><h1>Ceasefire holds</h1>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + "</article></body></html>"
    )
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(html.encode())))
    db = tmp_path / "r.db"
    code, _, _ = run(capsys, "ingest", "-", "--db", str(db), "--no-parse")
    assert code == 0
    (row,) = articles(capsys, db)
    assert (row["source"], row["outlet"], row["published"]) == ("-", "Reuters", "2016-10-20")


def test_parse_stage_caches_docs_and_never_reparses(tmp_path, capsys):
    db = tmp_path / "r.db"
    path = write(tmp_path / "a.txt", "Title\n\n" + STORY)
    code, _, err = run(capsys, "ingest", path, "--db", str(db))
    assert code == 0 and "1 parsed" in err
    code, _, err = run(capsys, "ingest", path, "--db", str(db))
    assert "0 parsed" in err
    (row,) = articles(capsys, db)
    assert row["id"]
    code, out, _ = run(capsys, "report", "--db", str(db))
    assert code == 0 and "lead: Rebel factions launched a major assault" in out


def test_env_db_is_used(tmp_path, capsys, monkeypatch):
    db = tmp_path / "env.db"
    monkeypatch.setenv("RASHOMON_DB", str(db))
    path = write(tmp_path / "a.txt", "Title\n\n" + STORY)
    assert run(capsys, "ingest", path, "--no-parse")[0] == 0
    assert db.exists()


def test_user_actor_file_is_used_and_a_new_dictionary_re_extracts(tmp_path, capsys):
    db = str(tmp_path / "r.db")
    path = write(
        tmp_path / "a.txt",
        "Title\n\nThe Northern Shield Brigade said it shelled the town. "
        "A spokesman for the Northern Shield Brigade said more fighters would come.",
    )
    assert run(capsys, "ingest", path, "--db", db)[0] == 0
    before = {a["id"] for a in json.loads(run(capsys, "actors", "--json", "--db", db)[1])}
    assert "northern-shield" not in before
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "version: 1\nactors:\n  - id: northern-shield\n    name: Northern Shield Brigade\n"
        "    kind: armed group\n    country: SYR\n    sector: REB\n    aliases: [NSB]\n",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "parse", "--actors", str(extra), "--db", db)
    assert code == 0 and "extracted 1" in err
    actors = {a["id"]: a for a in json.loads(run(capsys, "actors", "--json", "--db", db)[1])}
    assert actors["northern-shield"]["mentions"] == 2
    assert "NSB" in actors["northern-shield"]["aliases"]
