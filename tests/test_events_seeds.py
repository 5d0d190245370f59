"""Issue acceptance for events on the five seeds, through ingest and `rashomon events --json`."""

import contextlib
import io
import json
import sqlite3

import pytest
from conftest import cli_json

RUSSIA = {"russia", "russian-government", "russian-aerospace-forces", "russian-armed-forces"}
FIELDS = (
    "article_id", "outlet", "type", "mode", "source_actor_ids", "target_actor_ids",
    "factuality", "place_id", "date", "date_precision", "trigger", "sentence", "start", "end",
)  # fmt: skip


@pytest.fixture(scope="module")
def by_seed(seeds_db):
    """Each seed's events, read with the real CLI once for the module."""
    from rashomon.cli import main

    with sqlite3.connect(seeds_db) as conn:
        rows = conn.execute("SELECT id, source FROM articles").fetchall()
    seed_of = {aid: source.rsplit("/", 1)[-1][:3] for aid, source in rows}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["events", "--json", "--db", seeds_db]) == 0
    grouped: dict[str, list[dict]] = {}
    for event in json.loads(out.getvalue()):
        grouped.setdefault(seed_of[event["article_id"]], []).append(event)
    return grouped


def find(events, type_, trigger=None, **where):
    found = []
    for e in events:
        if e["type"] != type_ or (trigger and trigger not in e["trigger"]):
            continue
        if all(e[k] == v for k, v in where.items()):
            found.append(e)
    return found


def test_listing_has_the_issue_fields(seeds_db, capsys):
    rows = cli_json(capsys, "events", "--json", "--db", seeds_db)
    assert len(rows) > 50
    for field in FIELDS:
        assert field in rows[0], field
    for row in rows:  # every event keeps its evidence
        assert row["sentence"] and row["trigger"] and row["end"] > row["start"]


def test_002_jfs_rejects_russias_plan(by_seed):
    rejects = find(by_seed["002"], "REJECT", "rejected", factuality="asserted")
    assert any(
        "jabhat-fateh-al-sham" in e["source_actor_ids"] and "russia" in e["target_actor_ids"]
        for e in rejects
    )


def test_002_humanitarian_pause_is_a_russian_proposal(by_seed):
    pauses = find(by_seed["002"], "RETREAT", "pause", factuality="proposed")  # CAMEO 0871
    assert pauses and pauses[0]["source_actor_ids"] == ["russia"]
    assert pauses[0]["mode"] == "ceasefire"


def test_002_geneva_experts_meeting_is_planned(by_seed):
    meetings = find(by_seed["002"], "CONSULT", "meet", factuality="planned")
    assert any(e["place_id"] == "geonames:2660646" for e in meetings)  # Geneva


def test_004_we_didnt_turn_down_the_offer_is_negated(by_seed):
    turned = find(by_seed["004"], "REJECT", "turn down")
    assert turned and all(e["factuality"] == "negated" for e in turned[:1])
    assert not find(by_seed["004"], "REJECT", "refuse", factuality="asserted")
    refused = find(by_seed["004"], "REJECT", "refuse", factuality="negated")
    assert any("free-syrian-army" in e["source_actor_ids"] for e in refused)


def test_004_earlier_rejection_reports_are_alleged_not_asserted(by_seed):
    earlier = find(by_seed["004"], "REJECT", "turned down")
    assert earlier and earlier[0]["factuality"] == "alleged"


def test_004_russian_air_force_assaults_the_fsa(by_seed):
    strikes = find(by_seed["004"], "ASSAULT", mode="aerial")
    assert any(
        RUSSIA & set(e["source_actor_ids"]) and "free-syrian-army" in e["target_actor_ids"]
        for e in strikes
    )


def test_003_opposition_accuses_russia_and_turkey_accuses_assad(by_seed):
    accusations = find(by_seed["003"], "ACCUSE", "accused")
    pairs = {(tuple(e["source_actor_ids"]), tuple(e["target_actor_ids"])) for e in accusations}
    assert (("syrian-opposition",), ("russia",)) in pairs
    assert (("turkey",), ("bashar-al-assad",)) in pairs


def test_001_turkey_mediates_between_opposition_and_russia(by_seed):
    mediated = find(by_seed["001"], "CONSULT", mode="mediated")
    assert any("turkey" in e["source_actor_ids"] for e in mediated)
    assert any({"syrian-opposition", "russia"} <= set(e["target_actor_ids"]) for e in mediated)


def test_001_kerrys_meeting_with_lavrov_is_planned(by_seed):
    meetings = find(by_seed["001"], "CONSULT", "meetings", source_actor_ids=["john-kerry"])
    assert meetings and meetings[0]["factuality"] == "planned"
    assert "sergei-lavrov" in meetings[0]["target_actor_ids"]


def test_000_rebel_assault_de_mistura_request_and_geneva_consult(by_seed):
    assert find(by_seed["000"], "ASSAULT", "assault")
    requests = find(by_seed["000"], "REQUEST", "called on")
    assert requests and requests[0]["source_actor_ids"] == ["staffan-de-mistura"]
    consults = find(by_seed["000"], "CONSULT", "discussions", factuality="asserted")
    assert any(
        "high-negotiations-committee" in e["source_actor_ids"]
        and "staffan-de-mistura" in e["target_actor_ids"]
        and e["place_id"] == "geonames:2660646"
        for e in consults
    )


def test_report_shows_event_lines(seeds_db, capsys):
    from rashomon.cli import main

    capsys.readouterr()
    assert main(["report", "--db", seeds_db]) == 0
    out = capsys.readouterr().out
    assert "events:" in out
    assert "Jabhat Fateh al-Sham REJECT Russia [asserted; 'rejected'" in out
