"""The cross-article job end to end on hand-written articles: real parsing, real database,
the real CLI. Two outlets tell of one market strike with incompatible tolls; a third outlet
runs the first one's text."""

import sqlite3

import pytest
from conftest import cli_json

from rashomon.cli import main

SOHR_ACCOUNT = """Air strike kills 23 in Maarat al-Numan

An air strike killed 23 people at a market in the town of Maarat al-Numan in Idlib province \
on Tuesday, the Syrian Observatory for Human Rights said.

Rescue workers searched the rubble for survivors through the night, and the town's only \
hospital asked for blood donations as the wounded kept arriving from the market square. \
Shop owners said the market had been crowded with families buying food for the weekend.
"""
STATE_ACCOUNT = """Market bombing in Idlib

Syrian state media said on Tuesday that five people were killed when terrorists fired rockets \
at a market in Maarat al-Numan.

The state news agency SANA said the rockets were fired from the south of the town.
"""
OTHER_TOWN = """Shelling in Daraa

Shelling killed two people in the city of Daraa on Tuesday, a monitor said.
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("market")
    db = str(folder / "market.db")
    for name, text, outlet in (("sohr.txt", SOHR_ACCOUNT, "Reuters"),
                               ("state.txt", STATE_ACCOUNT, "Al-Manar"),
                               ("copy.txt", "Reprint\n\n" + SOHR_ACCOUNT, "Jordan Times"),
                               ("daraa.txt", OTHER_TOWN, "AFP")):  # fmt: skip
        (folder / name).write_text(text, encoding="utf-8")
        assert main(["ingest", str(folder / name), "--date", "2016-04-20", "--outlet", outlet,
                     "--db", db]) == 0  # fmt: skip
    return db


def test_one_strike_told_by_two_outlets_and_a_reprint_is_one_incident(corpus, capsys):
    incidents = cli_json(capsys, "incidents", "--json", "--db", corpus)
    (market,) = [i for i in incidents if "Maaret" in i["label"] or "Maarat" in i["label"]]
    assert market["outlets"] == ["Al-Manar", "Jordan Times", "Reuters"]
    assert market["articles"] == 3 and market["independent"] == 2  # a reprint adds no voice
    assert market["date_start"] == "2016-04-19" and market["date_precision"] == "day"
    for report in market["reports"]:
        assert report["sentence"] and report["article_id"]
    (daraa,) = [i for i in incidents if "Daraa" in i["label"]]  # same day, another town
    assert daraa["articles"] == 1


def test_their_tolls_are_a_dispute_between_the_two_accounts(corpus, capsys):
    disputes = cli_json(capsys, "disputes", "--json", "--db", corpus)
    (toll,) = [d for d in disputes if d["kind"] == "numeric"]
    assert toll["incident_id"] and toll["measure"] == "killed"
    sides = {(s["value_or_claim"], s["outlet"]) for s in toll["sides"]}
    assert ("five", "Al-Manar") in sides and ("23", "Reuters") in sides
    assert "five" in toll["note"] and "23" in toll["note"]


def test_the_tables_hold_together_for_sqlite_tools(corpus):
    with sqlite3.connect(corpus) as conn:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        joined = conn.execute(
            "SELECT COUNT(*) FROM dispute_sides s JOIN disputes d ON d.id = s.dispute_id"
            " JOIN incidents i ON i.id = d.incident_id JOIN articles a ON a.id = s.article_id"
        ).fetchone()[0]
        assert joined >= 2


def test_the_timeline_lists_the_incident_once_with_its_reports(corpus, capsys):
    stories = cli_json(capsys, "stories", "--json", "--db", corpus)
    story = next(s for s in stories if len(s["article_ids"]) >= 3)
    entries = cli_json(capsys, "timeline", story["id"], "--json", "--db", corpus)
    market = [e for e in entries if e["incident_id"]]
    assert len(market) == 1
    assert market[0]["reports"] == 3 and market[0]["independent"] == 2
    assert len(market[0]["citations"]) == 3


def test_placing_again_from_scratch_groups_the_same_reports(corpus, tmp_path, capsys):
    import shutil

    from rashomon.pipeline.placement import place_pending
    from rashomon.store import Store
    from rashomon.store.stories import clear_cross_article

    before = cli_json(capsys, "incidents", "--json", "--db", corpus)
    copy = tmp_path / "again.db"
    shutil.copy(corpus, copy)
    with Store(copy) as store:
        clear_cross_article(store)
        assert place_pending(store).placed == 4
    after = cli_json(capsys, "incidents", "--json", "--db", str(copy))

    def groups(incidents):
        return sorted(sorted(r["article_id"] for r in i["reports"]) for i in incidents)

    assert groups(after) == groups(before)


CHEMICAL_ACCOUNT = """Gas attack in Khan Sheikhoun

A chemical attack killed 58 people in the town of Khan Sheikhoun in Idlib province on \
Tuesday, the Syrian Observatory for Human Rights said.
"""
UNDATED_DENIAL = """Ministry rejects gas claims

The chemical attack in Khan Sheikhoun was staged by terrorists, the defence ministry said \
in a statement.
"""
UNDATED_STRIKE = """Air strike in Maarat al-Numan

An air strike on the market in Maarat al-Numan was carried out by terrorists, the ministry said.
"""


def test_a_page_with_no_date_joins_the_one_gas_attack_in_its_town(tmp_path, capsys):
    db = str(tmp_path / "undated.db")
    for name, text in (("sohr.txt", SOHR_ACCOUNT), ("gas.txt", CHEMICAL_ACCOUNT),
                       ("undated.txt", UNDATED_DENIAL), ("strike.txt", UNDATED_STRIKE)):  # fmt: skip
        (tmp_path / name).write_text(text, encoding="utf-8")
    for name in ("sohr.txt", "gas.txt"):
        assert main(["ingest", str(tmp_path / name), "--date", "2016-04-20", "--db", db]) == 0
    for name in ("undated.txt", "strike.txt"):
        assert main(["ingest", str(tmp_path / name), "--db", db]) == 0
    incidents = cli_json(capsys, "incidents", "--json", "--db", db)
    (gas,) = [i for i in incidents if i["kind"] == "chemical"]
    assert gas["articles"] == 2 and gas["date_start"] == "2016-04-19"
    # an air strike with no day: the town sees them daily, so only the days of the story
    # its words join can say which; the market story's dated report gives them
    (strike,) = [i for i in incidents if i["kind"] == "aerial"]
    assert strike["articles"] == 2 and strike["date_start"] == "2016-04-19"


GAS_IN_IDLIB = """Gas attack kills 58 in Khan Sheikhoun

A chemical attack killed 58 people in the town of Khan Sheikhoun in Idlib province on \
Tuesday, the Syrian Observatory for Human Rights said.
"""
GAS_IN_DOUMA = """Gas attack kills nine in Douma

A chemical attack killed nine people in the town of Douma near Damascus on Tuesday, \
rescuers said.
"""
GAS_IN_SYRIA = """UN condemns gas attack

The United Nations condemned a chemical attack in Syria on Tuesday and called for an \
inquiry.
"""


@pytest.mark.parametrize(
    "order", [("idlib", "syria", "douma"), ("idlib", "douma", "syria"), ("syria", "idlib", "douma")]
)
def test_a_country_wide_report_stands_alone_whichever_order_the_days_reports_came_in(
    tmp_path, capsys, order
):
    """ "A chemical attack in Syria" on a day two towns were gassed tells of neither, as
    far as anything says, whether it came before the second town's report or after it,
    each page placed as it is ingested."""
    db = str(tmp_path / "gas.db")
    texts = {"idlib": GAS_IN_IDLIB, "douma": GAS_IN_DOUMA, "syria": GAS_IN_SYRIA}
    for name in order:
        (tmp_path / f"{name}.txt").write_text(texts[name], encoding="utf-8")
        assert main(["ingest", str(tmp_path / f"{name}.txt"), "--date", "2017-04-05",
                     "--db", db]) == 0  # fmt: skip
    with sqlite3.connect(db) as conn:
        names = {a: s.rsplit("/", 1)[-1][:-4] for a, s in conn.execute(
            "SELECT id, source FROM articles")}  # fmt: skip
    incidents = cli_json(capsys, "incidents", "--json", "--db", db)
    chemical = sorted(
        sorted(names[r["article_id"]] for r in i["reports"])
        for i in incidents if i["kind"] == "chemical"
    )  # fmt: skip
    assert chemical == [["douma"], ["idlib"], ["syria"]]


@pytest.mark.parametrize("first", ["undated", "dated"])
def test_a_page_with_no_date_joins_its_strike_whether_it_came_before_the_dated_or_after(
    tmp_path, capsys, first
):
    """Pages placed one at a time: an undated page placed before its story had a dated
    article is placed again once one comes, with the days the story lends it now."""
    db = str(tmp_path / "order.db")
    (tmp_path / "sohr.txt").write_text(SOHR_ACCOUNT, encoding="utf-8")
    (tmp_path / "strike.txt").write_text(UNDATED_STRIKE, encoding="utf-8")
    dated = ["ingest", str(tmp_path / "sohr.txt"), "--date", "2016-04-20", "--db", db]
    undated = ["ingest", str(tmp_path / "strike.txt"), "--db", db]
    for args in (undated, dated) if first == "undated" else (dated, undated):
        assert main(args) == 0
    incidents = cli_json(capsys, "incidents", "--json", "--db", db)
    (strike,) = [i for i in incidents if i["kind"] == "aerial"]
    assert strike["articles"] == 2 and strike["date_start"] == "2016-04-19"
