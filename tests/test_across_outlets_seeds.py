"""Issue acceptance across outlets on the seeds: stories, disputes, dossiers, incremental ids."""

import json
import shutil
import sqlite3

import pytest
from browser import dump_dom, need_chromium
from conftest import SHARED, cli_json, need

from rashomon.cli import main


@pytest.fixture(scope="module")
def seed_story(seeds_db):
    """Seed prefix ("000") -> story id, read from the stored assignment."""
    with sqlite3.connect(seeds_db) as conn:
        rows = conn.execute(
            "SELECT a.source, s.story_id FROM articles a JOIN story_articles s"
            " ON s.article_id = a.id"
        ).fetchall()
    return {source.rsplit("/", 1)[-1][:3]: story for source, story in rows}


@pytest.fixture(scope="module")
def disputes(seeds_db):
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["disputes", "--json", "--db", seeds_db]) == 0
    return json.loads(out.getvalue())


def sides_of(dispute):
    return {(s["value_or_claim"], s["claimant"], s["outlet"]) for s in dispute["sides"]}


def test_every_seed_is_in_a_story_with_the_issue_fields(seeds_db, capsys, seed_story):
    stories = cli_json(capsys, "stories", "--json", "--db", seeds_db)
    assert set(seed_story) == {"000", "001", "002", "003", "004"}
    for story in stories:
        for field in ("id", "label", "start", "end", "article_ids", "outlets"):
            assert field in story
        assert story["label"] and story["id"].startswith("story:")
    assert sum(len(s["article_ids"]) for s in stories) == 5


def test_afp_and_bbc_reports_of_aleppo_jihadists_share_a_story(seed_story):
    assert seed_story["000"] == seed_story["002"]


def test_dispute_fields(disputes):
    assert disputes
    for field in ("id", "story_id", "kind", "subject", "sides"):
        assert field in disputes[0]
    for side in disputes[0]["sides"]:
        for field in ("value_or_claim", "claimant", "claimant_actor_id", "outlet",
                      "article_id", "date", "sentence"):  # fmt: skip
            assert field in side


def test_jfs_fighters_300_against_900_via_afp_and_bbc(disputes):
    (fighters,) = [d for d in disputes if d["kind"] == "numeric" and "Jabhat" in d["subject"]]
    sides = sides_of(fighters)
    assert ("around 300", "Khaled Khoja", "AFP") in sides
    assert ("some 900", "UN", "AFP") in sides
    # "no more than 900" fits 300 as well as 900: it takes no side, and the note says so
    assert ("no more than 900", "UN", "BBC") not in sides
    assert "no more than 900" not in fighters["note"]
    by_value = {s["value_or_claim"]: s["position"] for s in fighters["sides"]}
    assert by_value["some 900"] != by_value["around 300"]


def test_rebels_20000_against_8000(disputes):
    rebels = [d for d in disputes if d["kind"] == "numeric" and "rebels" in d["subject"]]
    values = {v for d in rebels for v, _, _ in sides_of(d)}
    assert {"around 20,000", "around 8,000"} <= values


def test_control_of_sheikh_saeed(disputes, seed_story):
    (control,) = [d for d in disputes if d["kind"] == "control"]
    assert control["subject"] == "control of Sheikh Saeed"
    assert control["status"] == "dispute" and control["story_id"] == seed_story["003"]
    claimants = {s["claimant"] for s in control["sides"]}
    assert "Observatory" in claimants and "A Syrian military source" in claimants


def test_fsa_answer_to_russias_offer(disputes, seed_story):
    (answer,) = [d for d in disputes if d["kind"] == "denial"]
    assert answer["story_id"] == seed_story["004"]
    claims = [s["value_or_claim"] for s in answer["sides"]]
    assert any("negated" in c for c in claims) and any("alleged" in c for c in claims)


def test_some_900_and_no_more_than_900_are_not_a_dispute(disputes):
    for dispute in disputes:
        values = {s["value_or_claim"]: s["position"] for s in dispute["sides"]}
        if "some 900" in values and "no more than 900" in values:
            assert values["some 900"] == values["no more than 900"]


def test_dossier_markdown_and_html_for_the_aleppo_talks_story(seeds_db, seed_story, tmp_path):
    story = seed_story["001"]  # Al Jazeera: talks in Turkey between the opposition and Russia
    md, html = tmp_path / "talks.md", tmp_path / "talks.html"
    assert main(["dossier", story, "--format", "md", "-o", str(md), "--db", seeds_db]) == 0
    assert main(["dossier", story, "--format", "html", "-o", str(html), "--db", seeds_db]) == 0
    text = md.read_text()
    for heading in ("## Summary", "## Sources", "## Timeline", "## Quotes"):
        assert heading in text
    assert "Al Jazeera" in text
    need_chromium()
    dom = dump_dom(html, tmp_path / "profile")
    for section in ("summary", "sources", "actors", "timeline", "figures", "disputes", "quotes"):
        assert f'<section id="{section}"' in dom
    assert "Turkey" in dom and "CONSULT" in dom


def test_unknown_story_is_a_clear_error(seeds_db, capsys):
    assert main(["dossier", "story:nope", "--db", seeds_db]) == 3  # 3: not found
    assert "no story with id 'story:nope'" in capsys.readouterr().err


@pytest.mark.slow
def test_fakes_dev_after_seeds_keeps_seed_story_ids(seeds_db, seed_story, tmp_path):
    """Ingesting the whole FA-KES dev split (409 articles, about a minute) after the seeds
    adds stories; the seed stories keep their ids and their seed articles."""
    fakes = need(SHARED / "eval-data" / "fa-kes" / "fa-kes-dev.csv")
    db = tmp_path / "grown.db"
    shutil.copy(seeds_db, db)
    mapping = ["--map", "title=article_title", "--map", "text=article_content",
               "--map", "outlet=source", "--map", "date=date"]  # fmt: skip
    assert main(["ingest", str(fakes), *mapping, "--db", str(db)]) == 0
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT a.source, s.story_id FROM articles a JOIN story_articles s"
            " ON s.article_id = a.id"
        ).fetchall()
        stories = {r[0] for r in conn.execute("SELECT DISTINCT story_id FROM story_articles")}
    after = {src.rsplit("/", 1)[-1][:3]: story for src, story in rows if "corpus/seeds" in src}
    assert after == seed_story
    assert len(stories) > 100  # FA-KES dev spans 2011-2018: many stories, not one blob
    assert len(rows) == 5 + 409  # every article placed, wire copies included


def test_timeline_merges_reports_across_outlets(seeds_db, seed_story, capsys):
    entries = cli_json(capsys, "timeline", seed_story["002"], "--json", "--db", seeds_db)
    assert entries
    for field in ("date", "precision", "text", "kind", "factuality", "outlets", "reports",
                  "independent", "citations"):  # fmt: skip
        assert field in entries[0]
    for entry in entries:
        assert entry["citations"] and entry["independent"] <= entry["reports"]
        assert len(entry["citations"]) >= entry["reports"]
