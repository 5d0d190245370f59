"""Issue acceptance on the seeds: aliases, name variants, places, dates, via the real CLI."""

from collections import defaultdict

import pytest
from conftest import cli_json

from rashomon.cli import main


@pytest.fixture(scope="module")
def db(seeds_db):
    return seeds_db


def listing(capsys, *args: str):
    return cli_json(capsys, *args)


@pytest.fixture(scope="module")
def surface_by_actor(db):
    import sqlite3

    forms = defaultdict(set)
    with sqlite3.connect(db) as conn:
        for actor_id, text in conn.execute(
            "SELECT actor_id, text FROM mentions WHERE actor_id IS NOT NULL"
        ):
            forms[actor_id].add(text)
    return forms


def holder(surface_by_actor, text):
    owners = {a for a, forms in surface_by_actor.items() if text in forms}
    assert len(owners) == 1, f"{text!r} held by {owners or 'nobody'}"
    return owners.pop()


@pytest.mark.parametrize(
    "group",
    [
        [
            "Al-Nusra Front",
            "Fateh al-Sham Front",
            "Jabhat Fateh al-Sham",
            "Jabhat Fatah al-Sham",
            "Nusra",
        ],
        ["Sergi Shoigu", "Mr Shoigu"],
        ["Staffan de Mistura", "de Mistura"],
        ["Khaled Khoja", "Khoja"],
        ["Syrian Observatory for Human Rights", "SOHR"],
        ["Bashar al-Assad", "Assad"],
        ["Sergey Lavrov", "Sergei Lavrov"],
    ],
)
def test_one_actor_holds_all_variants(surface_by_actor, group):
    assert {holder(surface_by_actor, text) for text in group} == {
        holder(surface_by_actor, group[0])
    }


def test_pronoun_speaker_resolves_to_khoja(db, capsys, surface_by_actor):
    rows = listing(capsys, "articles", "--json", "--db", db)
    afp = next(r for r in rows if r["outlet"] == "AFP")
    mentions = listing(capsys, "mentions", "--json", "--article", afp["id"], "--db", db)
    khoja = holder(surface_by_actor, "Khaled Khoja")
    pronouns = [m for m in mentions if m["kind"] == "pronoun"]
    assert sum(1 for m in pronouns if m["actor_id"] == khoja) >= 6


def test_damascus_as_government_and_the_regime(db, capsys):
    rows = listing(capsys, "articles", "--json", "--db", db)
    afp = next(r for r in rows if r["outlet"] == "AFP")
    mentions = listing(capsys, "mentions", "--json", "--article", afp["id"], "--db", db)
    damascus = [m for m in mentions if m["text"] == "Damascus"]
    assert damascus and damascus[0]["kind"] == "metonym"
    regime = [m for m in mentions if m["text"].lower().endswith("regime")]
    assert regime and {m["actor_id"] for m in regime} == {damascus[0]["actor_id"]}


def test_aliases_from_text_keep_evidence(db, capsys):
    actors = listing(capsys, "actors", "--json", "--db", db)
    evidence = [(a["id"], e["alias"], e["pattern"]) for a in actors for e in a["alias_evidence"]]
    assert any(alias == "Al-Nusra Front" for _, alias, _ in evidence)
    assert any(alias == "SOHR" and pattern == "acronym" for _, alias, pattern in evidence)
    for actor in actors:
        for e in actor["alias_evidence"]:
            assert e["article_id"] and e["end"] > e["start"]


def test_actor_listing_fields(db, capsys):
    actors = listing(capsys, "actors", "--json", "--db", db)
    assert {"id", "name", "kind", "country", "sector", "aliases", "mentions", "articles"} <= set(
        actors[0]
    )
    assert all(a["mentions"] >= 1 for a in actors)


def test_places_of_the_seeds(db, capsys):
    places = {p["name"]: p for p in listing(capsys, "places", "--json", "--db", db)}
    mentions = listing(capsys, "mentions", "--json", "--db", db)
    for m in mentions:
        if m["text"] == "Aleppo":
            assert m["place_id"], m
    texts = {m["text"] for m in mentions if m["place_id"]}
    for name in ("Aleppo", "Geneva", "Gaziantep", "Idlib", "Homs", "Darayya", "Muadhamiya",
                 "Sheikh Saeed", "Maaret al-Numan"):  # fmt: skip
        assert name in texts, name
    assert "Syrian" not in texts and "Russian" not in texts
    assert all(p["lat"] is not None and p["lon"] is not None for p in places.values())


def test_dates_resolve_only_with_a_publication_date(tmp_path, capsys):
    from conftest import SEEDS, need

    need(SEEDS)
    (seed,) = SEEDS.glob("000_*.txt")
    dated, undated = str(tmp_path / "d.db"), str(tmp_path / "u.db")
    assert main(["ingest", str(seed), "--date", "2016-11-01", "--db", dated]) == 0
    assert main(["ingest", str(seed), "--db", undated]) == 0
    values = {d["text"]: d["value"] for d in listing(capsys, "dates", "--json", "--db", dated)}
    assert values["late Monday"] == "2016-10-31"
    assert values["Friday"] == "2016-10-28"
    assert all(d["value"] is None for d in listing(capsys, "dates", "--json", "--db", undated))


def test_report_shows_actors_places_dates(db, capsys):
    capsys.readouterr()
    assert main(["report", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "actors: " in out and "places: " in out and "dates: " in out
