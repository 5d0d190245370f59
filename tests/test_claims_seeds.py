"""Issue acceptance for quotes and numeric claims, through ingest and the CLI listings."""

import pytest
from conftest import cli_json

from rashomon.cli import main


@pytest.fixture(scope="module")
def db(seeds_db):
    return seeds_db


def listing(capsys, *args: str):
    return cli_json(capsys, *args)


@pytest.fixture(scope="module")
def seed_ids(db):
    import sqlite3

    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT id, source FROM articles").fetchall()
    return {source.rsplit("/", 1)[-1][:3]: aid for aid, source in rows}


def test_quote_fields(db, capsys):
    quotes = listing(capsys, "quotes", "--json", "--db", db)
    assert quotes
    for field in ("article_id", "outlet", "speaker", "speaker_actor_id", "cue", "kind", "text",
                  "start", "end"):  # fmt: skip
        assert field in quotes[0]


def test_khoja_quotes_with_afp_as_intermediary(db, capsys, seed_ids):
    quotes = [q for q in listing(capsys, "quotes", "--json", "--db", db)
              if q["article_id"] == seed_ids["000"]]  # fmt: skip
    khoja = [q for q in quotes if q["speaker_actor_id"] == "khaled-khoja"]
    assert len(khoja) >= 6
    assert {q["speaker"].lower() for q in khoja} >= {"he"}
    assert any(q["intermediary"] == "AFP" for q in khoja)


@pytest.mark.parametrize(
    ("seed", "fragment", "speaker_id_part"),
    [
        ("003", "a military solution to the Syria conflict does not exist", "lavrov"),
        ("001", "the regime is comfortably in control", "rami-abdel-rahman"),
        ("004", "We didn't turn down the offer", "rayyes"),
        ("004", "I will not talk to my killer", "haj-ali"),
        ("002", "We choose not to give up our people", "fateh-al-sham"),
    ],
)
def test_named_quotes(db, capsys, seed_ids, seed, fragment, speaker_id_part):
    quotes = [q for q in listing(capsys, "quotes", "--json", "--db", db)
              if q["article_id"] == seed_ids[seed] and fragment in q["text"]]  # fmt: skip
    assert quotes, fragment
    assert any(speaker_id_part in (q["speaker_actor_id"] or "") for q in quotes), quotes


def numbers_of(capsys, db, article_id):
    return [n for n in listing(capsys, "numbers", "--json", "--db", db)
            if n["article_id"] == article_id]  # fmt: skip


def find(numbers, value):
    found = [n for n in numbers if n["value"] == value]
    assert found, (value, [(n["text"], n["value"]) for n in numbers])
    return found[0]


def test_seed_000_numbers(db, capsys, seed_ids):
    numbers = numbers_of(capsys, db, seed_ids["000"])
    n300 = find(numbers, 300)
    assert (n300["qualifier"], n300["claimant_actor_id"]) == ("approximate", "khaled-khoja")
    assert "Nusra" in n300["unit_or_what"]
    assert find(numbers, 20000)["claimant_actor_id"] == "khaled-khoja"
    n8000 = find(numbers, 8000)
    assert n8000["qualifier"] == "approximate" and n8000["claimant"] == "UN"
    assert find(numbers, 900)["claimant"] == "UN"
    assert "Observatory" in find(numbers, 51)["claimant"]
    assert "children" in find(numbers, 18)["unit_or_what"]


def test_seed_002_and_003_and_001_numbers(db, capsys, seed_ids):
    n2700 = find(numbers_of(capsys, db, seed_ids["002"]), 2700)
    assert "killed or injured" in n2700["unit_or_what"] and "Observatory" in n2700["claimant"]
    n900 = find(numbers_of(capsys, db, seed_ids["002"]), 900)
    assert (n900["qualifier"], n900["high"], n900["claimant"]) == ("at_most", 900, "UN")
    assert find(numbers_of(capsys, db, seed_ids["002"]), 8000)["qualifier"] == "at_most"
    seed3 = numbers_of(capsys, db, seed_ids["003"])
    assert "Observatory" in find(seed3, 70)["claimant"]
    assert find(seed3, 600000)["claimant_actor_id"] == "turkey"
    assert find(numbers_of(capsys, db, seed_ids["001"]), 200)["status"] == "proposed"


def test_related_link_numbers_are_not_claims(db, capsys):
    numbers = listing(capsys, "numbers", "--json", "--db", db)
    assert not [n for n in numbers if n["value"] == 13]


def test_report_lists_quotes_and_numbers(db, capsys):
    capsys.readouterr()
    assert main(["report", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "quotes by speaker: Khaled Khoja" in out and "numbers: " in out
