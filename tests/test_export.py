"""Exports: every format written for the seeds and FA-KES dev, read back the way analysts read
them (pandas for CSV and Parquet, json for JSON lines), spreadsheet-safe CSV, ACLED rows."""

from __future__ import annotations

import builtins
import json
import sys

import pandas as pd
import pytest
from conftest import SHARED, need

import rashomon
from rashomon.cli import main
from rashomon.errors import RashomonError
from rashomon.facts import FigureClaim, FigureFact, Incident, IncidentReport
from rashomon.report.export.acled import ACLED_COLUMNS, lowest_credible
from rashomon.report.export.files import csv_cell, spreadsheet_safe, write_csv
from rashomon.report.export.tables import TABLES

FORMULAS = ['=HYPERLINK("http://x","y")', "+1+2", "-2+3", "@SUM(A1)", "\tx", "=1"]


@pytest.mark.parametrize("cell", FORMULAS)
def test_a_formula_looking_cell_is_neutralised(cell):
    assert spreadsheet_safe(cell) == "'" + cell


@pytest.mark.parametrize("value", ["Aleppo", "al-Nusra", "", None, -5, 3.5, "12 = 12"])
def test_ordinary_cells_are_left_alone(value):
    assert spreadsheet_safe(value) == value


def test_list_cells_are_joined_and_then_made_safe():
    assert csv_cell(["Russia", "Syria"]) == "Russia; Syria"
    assert csv_cell(["=cmd", "x"]) == "'=cmd; x"


def test_csv_read_back_by_pandas_keeps_the_formula_as_text(tmp_path):
    path = write_csv([{"quote": "=HYPERLINK(\"http://evil\")", "n": -3}], ("quote", "n"),
                     tmp_path / "x.csv")  # fmt: skip
    frame = pd.read_csv(path)
    assert frame.loc[0, "quote"] == '\'=HYPERLINK("http://evil")'
    assert frame.loc[0, "n"] == -3  # a number stays a number


def _figure(article: str, value: float, qualifier: str = "exact", **kw) -> FigureClaim:
    fact = FigureFact(article, 0, 2, str(value), value, kw.pop("low", None), kw.pop("high", None),
                      qualifier, 0, 10, "s", measure=kw.pop("measure", "killed"), **kw)  # fmt: skip
    return FigureClaim(fact, "AFP", None)


def test_acled_fatalities_are_the_lowest_credible_floor():
    incident = Incident("incident:x", "aerial", "ASSAULT", None, None, None, None, None, ())
    claims = [
        _figure("a", 30, "at_least", low=30),
        _figure("b", 26),
        _figure("c", 5, "vague"),  # "dozens": no floor
        _figure("d", 3, "at_most", high=3),  # "as many as 3": an upper bound
        _figure("e", 2, status="hypothetical"),
        _figure("f", 1, measure="injured"),
        _figure("g", 40, "range", low=20, high=40),
    ]
    assert lowest_credible(claims, incident) == 20
    assert lowest_credible(claims[:2], incident) == 26
    assert lowest_credible([], incident) is None
    report = IncidentReport("a", "AFP", "AFP", "aerial", 0, 1, "s",
                            figure_values=(("killed", 9.0), ("injured", 4.0)))  # fmt: skip
    with_report = Incident("i", "aerial", "ASSAULT", None, None, None, None, None, (report,))
    assert lowest_credible([], with_report) == 9


def test_parquet_without_pyarrow_says_how_to_get_it(tmp_path, monkeypatch, seeds_db):
    real_import = builtins.__import__

    def no_pyarrow(name, *args, **kwargs):
        if name.startswith("pyarrow"):
            raise ImportError("No module named 'pyarrow'")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "pyarrow", raising=False)
    monkeypatch.delitem(sys.modules, "pyarrow.parquet", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_pyarrow)
    with (
        rashomon.open(seeds_db) as corpus,
        pytest.raises(RashomonError, match=r"rashomon\[parquet\]"),
    ):
        corpus.export(tmp_path / "tables", "parquet")
    assert not (tmp_path / "tables").exists()  # said before writing anything


def _export_everything(db: str, out) -> dict[str, object]:
    for fmt in ("csv", "jsonl", "parquet"):
        assert main(["export", "--format", fmt, "-o", str(out / fmt), "--db", db]) == 0
    assert main(["export", "--format", "polecat", "-o", str(out / "events.jsonl"), "--db", db]) == 0
    assert main(["export", "--format", "acled", "-o", str(out / "acled.csv"), "--db", db]) == 0
    return json.loads((out / "csv" / "manifest.json").read_text())


def _check_exports(db: str, out) -> None:
    manifest = _export_everything(db, out)
    assert manifest["rashomon"] == rashomon.__version__ and manifest["extractor"]
    with rashomon.open(db) as corpus:
        incidents = corpus.incidents()
        events = corpus.events()
        articles = corpus.articles()
    for name, columns in TABLES.items():
        csv_frame = pd.read_csv(out / "csv" / f"{name}.csv")
        parquet_frame = pd.read_parquet(out / "parquet" / f"{name}.parquet")
        assert list(csv_frame.columns) == list(columns), name
        assert list(parquet_frame.columns) == list(columns), name
        assert len(csv_frame) == len(parquet_frame) == manifest["tables"][name]["rows"], name
        lines = (out / "jsonl" / f"{name}.jsonl").read_text().splitlines()
        assert len(lines) == len(csv_frame), name
    frame = pd.read_parquet(out / "parquet" / "events.parquet")
    assert len(frame) == len(events) and frame["event_id"].is_unique
    assert len(pd.read_csv(out / "csv" / "articles.csv")) == len(articles)
    actors = pd.read_csv(out / "csv" / "actors.csv", keep_default_na=False)
    assert actors["actor_id"].is_unique
    assert set(actors["country"]) - {""} and all(len(c) == 3 for c in set(actors["country"]) - {""})
    places = pd.read_csv(out / "csv" / "places.csv", keep_default_na=False)
    assert all(len(c) == 3 for c in set(places["country"]) - {""})
    referenced = {a for cell in frame["source_actor_ids"] for a in cell}
    assert referenced <= set(actors["actor_id"])
    meta = __import__("pyarrow.parquet").parquet.read_schema(out / "parquet" / "events.parquet")
    assert meta.metadata[b"rashomon.extractor"] == manifest["extractor"].encode()
    # PLOVER: one event per line, the specification's field names
    records = [json.loads(line) for line in (out / "events.jsonl").read_text().splitlines()]
    assert len(records) == len(events)
    for record in records:
        assert {"id", "date", "source", "recipient", "event", "quad_code", "cite_info",
                "coder"} <= set(record)  # fmt: skip
        assert record["quad_code"] in (1, 2, 3, 4)
        assert record["coder"].startswith(f"rashomon {rashomon.__version__}")
    # ACLED: one row per incident, with its sources
    acled = pd.read_csv(out / "acled.csv", keep_default_na=False)
    assert list(acled.columns) == list(ACLED_COLUMNS)
    assert len(acled) == len(incidents) and acled["event_id_cnty"].is_unique
    by_id = {i.id: i for i in incidents}
    for row in acled.itertuples():
        incident = by_id[row.event_id_cnty]
        assert row.source.split("; ") == list(incident.outlets) or not incident.outlets
        assert all(f"{outlet}" in row.notes for outlet in incident.outlets)
    assert set(acled["rashomon_version"]) == {rashomon.__version__}


@pytest.mark.slow
def test_every_format_for_the_seeds(seeds_db, tmp_path):
    _check_exports(seeds_db, tmp_path)
    story = json.loads((tmp_path / "csv" / "manifest.json").read_text())
    assert story["tables"]["disputes"]["rows"] > 0


@pytest.mark.slow
def test_one_story_exports_only_its_articles(seeds_db, tmp_path):
    with rashomon.open(seeds_db) as corpus:
        story = corpus.stories()[0]
        done = corpus.export(tmp_path / "story", "csv", story=story.id[:12])
    assert len(done.files) == len(TABLES) + 1
    articles = pd.read_csv(tmp_path / "story" / "articles.csv")
    assert set(articles["article_id"]) == set(story.article_ids)
    assert set(articles["story_id"]) == {story.id}


@pytest.mark.slow
def test_every_format_for_fakes_dev(tmp_path):
    fakes = need(SHARED / "eval-data" / "fa-kes" / "fa-kes-dev.csv")
    db = str(tmp_path / "fakes.db")
    mapping = ["--map", "title=article_title", "--map", "text=article_content",
               "--map", "outlet=source", "--map", "date=date"]  # fmt: skip
    assert main(["ingest", str(fakes), *mapping, "--db", db]) == 0
    _check_exports(db, tmp_path / "out")
    acled = pd.read_csv(tmp_path / "out" / "acled.csv")
    assert acled["fatalities"].notna().any()
    assert (acled["reports"] > 1).any()  # incidents that several articles report


def test_every_incident_kind_has_acled_codes():
    from rashomon.reconcile.incident_kinds import GENERIC, IncidentKinds
    from rashomon.report.export.codes import export_codes

    acled = export_codes()["acled"]
    kinds = IncidentKinds.packaged()
    filed = {kinds.filed(k) for k in kinds.kinds}  # a bare "strike" is filed as an air strike
    assert not [k for k in (*filed, GENERIC) if k not in acled]
