"""The foundation's acceptance checks on the five reference articles in ../shared."""

import pytest
from conftest import cli_json

from rashomon.cli import main


@pytest.fixture(scope="module")
def seeded(seeds_db):
    return seeds_db


def json_out(capsys, *args: str):
    return cli_json(capsys, *args)


def by_seed(rows: list[dict]) -> dict[str, dict]:
    return {row["source"].rsplit("/", 1)[-1][:3]: row for row in rows}


def body_of(capsys, db, seed: str) -> dict:
    rows = by_seed(json_out(capsys, "articles", "--json", "--db", str(db)))
    return json_out(capsys, "article", rows[seed]["id"], "--json", "--db", str(db))


def test_outlets_wire_and_dateline(seeded, capsys):
    rows = by_seed(json_out(capsys, "articles", "--json", "--db", str(seeded)))
    assert len(rows) == 5
    assert {k: r["outlet"] for k, r in rows.items()} == {
        "000": "AFP", "001": "Al Jazeera", "002": "BBC", "003": None, "004": "TRT World",
    }  # fmt: skip
    assert (rows["000"]["wire"], rows["000"]["dateline"]) == ("AFP", "Geneva")
    assert all(r["published"] is None for r in rows.values()), "seeds state no dates"
    assert all(r["duplicate_of"] is None for r in rows.values())


def test_titles_skip_mastheads(seeded, capsys):
    rows = by_seed(json_out(capsys, "articles", "--json", "--db", str(seeded)))
    assert rows["002"]["title"] == "Syria conflict: Jihadists reject Aleppo evacuation offer"
    assert rows["000"]["title"].startswith("Impossible to refuse jihadist help")


@pytest.mark.parametrize(
    ("seed", "absent"),
    [
        ("003", ["Leave a Reply", "Required fields", "ISIS transfers its heavy weapons",
                 "kill 13 ISIS members"]),
        ("002", ["image copyright", "image caption", "Related Topics", "new cold war"]),
        ("001", ["READ MORE", "Syrian refugees open businesses in Turkey", "Source: Al Jazeera"]),
        ("004", ["Photo by", "TRTWorld and agencies", "Residents ride motorcycles"]),
        ("000", ["Geneva (AFP)"]),
    ],
)  # fmt: skip
def test_boilerplate_is_gone_from_bodies(seeded, capsys, seed, absent):
    body = body_of(capsys, seeded, seed)["body"]
    for text in absent:
        assert text not in body


def test_reporting_survives_cleaning(seeded, capsys):
    assert "around 300 Nusra fighters" in body_of(capsys, seeded, "000")["body"]
    assert "no more than 900 fighters" in body_of(capsys, seeded, "002")["body"]
    body = body_of(capsys, seeded, "003")["body"]
    assert body.rstrip().endswith("called for an immediate cessation of hostilities.")
    assert body_of(capsys, seeded, "001")["body"].count("Sheikh Saeed") == 2


def test_captions_are_kept_apart(seeded, capsys):
    captions = body_of(capsys, seeded, "002")["captions"]
    assert any("no more than 900 Jabhat Fateh al-Sham fighters" in c for c in captions)
    assert any(
        c.startswith("Residents ride motorcycles")
        for c in body_of(capsys, seeded, "004")["captions"]
    )


def test_reingest_adds_nothing(seeded, capsys):
    from conftest import SEEDS

    capsys.readouterr()
    assert main(["ingest", str(SEEDS), "--db", str(seeded)]) == 0
    assert "0 added, 0 copy, 5 unchanged, 0 updated" in capsys.readouterr().err


def test_report_lists_every_seed(seeded, capsys):
    capsys.readouterr()
    assert main(["report", "--db", str(seeded)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("rashomon report: 5 articles from 4 known outlets")
    assert out.count("■ ") == 5 and "dateline Geneva" in out and "5 parsed" in out


def test_fakes_dev_csv_ingests_409_articles_with_outlet_and_date(fakes_csv, tmp_path, capsys):
    db = str(tmp_path / "fakes.db")
    args = ["ingest", str(fakes_csv), "--db", db, "--no-parse", "--map", "title=article_title",
            "--map", "text=article_content", "--map", "outlet=source", "--map", "date=date"]  # fmt: skip
    assert main(args) == 0
    rows = json_out(capsys, "articles", "--json", "--db", db)
    assert len(rows) == 409
    assert all(r["outlet"] for r in rows)
    # the CSV's date column, unless the article's own head gives another date (then kept aside),
    # or the article tells of many later days (then the column's date is refused, with a note)
    from_record = [r for r in rows if r["published_found_in"] == "record"]
    from_text = [r for r in rows if r["published_found_in"] == "text"]
    refused = [r for r in rows if r["published"] is None]
    assert len(from_record) + len(from_text) + len(refused) == 409 and from_text
    assert len(refused) <= 2
    assert all(r["published_rejected"] and "later days" in r["published_note"] for r in refused)
    assert all(not r["published_rejected"] for r in from_record)
    assert all(r["published_rejected"] != r["published"] and r["published_note"] for r in from_text)
    assert len({r["outlet"] for r in rows}) == 15
    capsys.readouterr()
    assert main(args) == 0
    assert "409 unchanged" in capsys.readouterr().err
