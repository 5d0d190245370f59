"""Issue 13, item by item: each failure found by hand has a test here (or, where named, in
test_fuzz, test_concurrency or test_readonly). Small inputs written by the tests themselves."""

from __future__ import annotations

import json
import os
import random
import re
import sqlite3
from dataclasses import replace

import pytest
from dossier_sample import sample_dossier
from hostile_inputs import article_text

from rashomon.cli import main
from rashomon.errors import InputError, InputSkipped, NotFoundError, SettingsError
from rashomon.ids import resolve_prefix
from rashomon.ingest.decode import decode_text
from rashomon.ingest.records import FieldMap, read_records
from rashomon.ingest.sources import expand_inputs
from rashomon.report.dossier_html import render_html
from rashomon.report.dossier_markdown import direct_quote, render_markdown, reported_speech
from rashomon.report.dossier_model import QuoteReport, SpeakerQuotes
from rashomon.report.tables import table
from rashomon.settings import Settings
from rashomon.store import Store

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def run(capsys, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def write_article(path, token: str, seed: int = 1, title: str | None = None) -> str:
    heading, body = article_text(random.Random(seed), token)
    path.write_text(f"{title or heading}\n\n{body}", encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory):
    """Four small articles, parsed and extracted: two from Reuters, one with a hostile
    title, one from no known outlet."""
    folder = tmp_path_factory.mktemp("hardening")
    db = str(folder / "h.db")
    for i in range(2):
        path = write_article(folder / f"reuters{i}.txt", f"r{i}", seed=i)
        assert main(["ingest", path, "--outlet", "Reuters", "--db", db]) == 0
    hostile = "\x1b]8;;http://evil.example\x07Click\x1b]8;;\x07 \x1b[2J\x9b31mTitle"
    write_article(folder / "hostile.txt", "h", seed=7, title=hostile)
    write_article(folder / "plain.txt", "p", seed=8)
    assert main(["ingest", str(folder / "hostile.txt"), str(folder / "plain.txt"), "--db", db]) == 0
    return db


# -- 1: JSON that Python's parser chokes on ---------------------------------------------------


def test_item01_json_depth_huge_integers_and_surrogates_are_per_record(tmp_path, capsys):
    deep = "[" * 50_000 + "]" * 50_000
    with pytest.raises(InputError, match="nested too deeply"):
        list(read_records("d.json", deep.encode(), "json", FieldMap({})))
    lines = [
        '{"text": "Rebels shelled Aleppo on Monday, killing 12 people, officials said.", '
        '"views": ' + "9" * 5000 + "}",
        deep,
        '{"text": "The army left Homs on Tuesday \\ud800 after a week of fighting there."}',
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    db = str(tmp_path / "j.db")
    code, _, err = run(capsys, "ingest", str(path), "--db", db, "--no-parse")
    assert code == 1 and err.count("mixed.jsonl#line2") == 1 and "Traceback" not in err
    with Store(db, read_only=True) as store:
        bodies = {r.source: store.get_article(r.id)[0].body for r in store.list_articles()}
    assert set(bodies) == {f"{path}#line1", f"{path}#line3"}
    assert "\ufffd" in bodies[f"{path}#line3"]  # the lone surrogate, replaced


def test_item01_json_text_that_is_an_object_is_refused_not_stored_as_a_repr():
    data = json.dumps([{"title": "x", "text": {"p": "words"}}, {"text": ["One.", "Two."]}])
    first, second = read_records("o.json", data.encode(), "json", FieldMap({}))
    assert isinstance(first, InputError) and "JSON object" in first.problem
    assert not isinstance(second, InputError) and second.text == "One.\n\nTwo."


# -- 2: file names that are not UTF-8 ---------------------------------------------------------


def test_item02_non_utf8_and_odd_file_names(tmp_path, capsys):
    folder = os.fsencode(tmp_path / "in")
    os.mkdir(folder)
    heading, body = article_text(random.Random(3), "latin")
    with open(folder + b"/caf\xe9.txt", "wb") as handle:
        handle.write(f"{heading}\n\n{body}".encode())
    with open(folder + b"/bad\nname.txt", "wb") as handle:
        handle.write(b"")
    db = str(tmp_path / "n.db")
    code, _, err = run(capsys, "ingest", os.fsdecode(folder), "--db", db, "--no-parse")
    assert code == 1
    (line,) = [ln for ln in err.splitlines() if "bad" in ln]
    assert "'" in line and "bad\\nname.txt" in line and "empty file" in line  # one line, quoted
    code, out, _ = run(capsys, "articles", "--json", "--db", db)
    (row,) = json.loads(out)
    assert row["source"].endswith("caf\\xe9.txt")


# -- 3: texts longer than spaCy allows --------------------------------------------------------


def test_item03_long_text_is_parsed_in_parts_with_offsets_kept():
    from rashomon.nlp import PARSE_PART_CHARS, load_pipeline, parse

    nlp = load_pipeline(Settings().model)
    heading, body = article_text(random.Random(4), "long")
    text = "\n\n".join([body] * (PARSE_PART_CHARS // len(body) + 3))
    limit = nlp.max_length
    nlp.max_length = PARSE_PART_CHARS + 10  # the whole text would be refused with E088
    try:
        ((key, doc),) = list(parse(nlp, [("a", text)], Settings()))
    finally:
        nlp.max_length = limit
    assert key == "a" and doc.text == text and len(text) > nlp.max_length / 50
    assert all(text[t.idx : t.idx + len(t)] == t.text for t in doc)


def test_item03_extraction_in_parts_keeps_offsets():
    from rashomon.entities import EntityExtractor, doc_parts
    from rashomon.nlp import load_pipeline

    nlp = load_pipeline(Settings().model)
    rnd = random.Random(5)
    text = "\n\n".join(article_text(rnd, f"part{i}")[1] for i in range(6))
    doc = nlp(text)
    parts = doc_parts(doc, 600)
    assert len(parts) > 3 and parts[0].start == 0 and parts[-1].end == len(doc)
    assert all(a.end == b.start for a, b in zip(parts, parts[1:], strict=False))
    extractor = EntityExtractor.build(nlp)
    import rashomon.entities as entities

    whole = extractor.extract("x", doc, None)
    size, entities.EXTRACT_PART_CHARS = entities.EXTRACT_PART_CHARS, 600
    try:
        cut = extractor.extract("x", doc, None)
    finally:
        entities.EXTRACT_PART_CHARS = size
    assert all(text[m.start : m.end] == m.text for m in cut.mentions)
    assert all(text[q.start : q.end] == q.text for q, _, _ in cut.quotes)
    assert {(m.start, m.end) for m in cut.mentions} == {(m.start, m.end) for m in whole.mentions}


def test_item03_text_over_the_limit_is_refused_in_one_line(tmp_path, capsys):
    path = tmp_path / "long.txt"
    path.write_text("Title\n\n" + "Word after word. " * 1000, encoding="utf-8")
    db = str(tmp_path / "l.db")
    code, _, err = run(capsys, "ingest", str(path), "--db", db, "--max-chars", "5000")
    assert code == 1 and "over the limit of 5,000 characters" in err
    with Store(db, read_only=True) as store:
        assert store.article_count() == 0  # never stored unparseable


# -- 4: claims (two processes: test_concurrency) ----------------------------------------------


def test_item04_claims_of_a_dead_process_lapse(tmp_path):
    from rashomon.model import Article, OffsetMap
    from rashomon.reconcile.duplicates import Fingerprint
    from rashomon.store.claims import Claims

    with Store(tmp_path / "c.db") as store:
        for i in range(3):
            article = Article(f"id{i}", f"f{i}", "T", "Body.", "Body.", OffsetMap(()), f"h{i}")
            store.add_article(article, Fingerprint(f"h{i}", (), False), None, None)
        mine, other = Claims(store), Claims(store)
        assert mine.claim("parse", ["id0", "id1", "id2"], 2) == ["id0", "id1"]
        assert other.claim("parse", ["id0", "id1", "id2"], 5) == ["id2"]  # skips what is held
        store.conn.execute("UPDATE claims SET owner = ? WHERE owner = ?",
                           (f"{mine.host}:999999999:dead", mine.owner))  # fmt: skip
        assert other.claim("parse", ["id0", "id1"], 5) == ["id0", "id1"]  # owner is gone


# -- 6: control sequences never reach the terminal --------------------------------------------


def test_item06_titles_cannot_drive_the_terminal(corpus_db, capsys):
    for args in (("articles",), ("stories",), ("quotes",), ("report",)):
        code, out, _ = run(capsys, *args, "--db", corpus_db)
        assert code == 0 and not CONTROL.search(out.replace("\n", "")), args
    code, out, _ = run(capsys, "articles", "--json", "--db", corpus_db)
    assert "Click" in out and "\x1b" not in out and "\x9b" not in out


# -- 7: bounded per-article cost; placement commits as it goes --------------------------------


def test_item07_runaway_sentences_are_cut_for_extraction():
    from rashomon.entities import MAX_SENTENCE_TOKENS, doc_parts
    from rashomon.nlp import load_pipeline

    nlp = load_pipeline(Settings().model)
    doc = nlp(" ".join(["rebels", "shelled", "Aleppo", "and"] * 400))  # no full stop at all
    assert max(len(s) for s in doc.sents) > MAX_SENTENCE_TOKENS
    parts = doc_parts(doc, 10**9)
    assert max(len(p) for p in parts) <= MAX_SENTENCE_TOKENS


def test_item07_story_placement_commits_as_it_goes(tmp_path, capsys, monkeypatch):
    from rashomon.pipeline.placement import place_pending
    from rashomon.reconcile.stories import StoryIndex
    from rashomon.store.stories import clear_cross_article

    db = str(tmp_path / "s.db")
    for i in range(4):
        write_article(tmp_path / f"a{i}.txt", f"s{i}", seed=20 + i)
    assert main(["ingest", *(str(tmp_path / f"a{i}.txt") for i in range(4)), "--db", db,
                 "--no-parse"]) == 0  # fmt: skip
    assert main(["parse", "--db", db]) == 0
    with Store(db) as store:
        clear_cross_article(store)
        added = StoryIndex.add
        calls = []

        def failing_add(self, features):  # the third placement fails
            calls.append(features.article_id)
            if len(calls) == 3:
                raise RuntimeError("crash while placing")
            return added(self, features)

        monkeypatch.setattr(StoryIndex, "add", failing_add)
        with pytest.raises(RuntimeError):
            place_pending(store)
        placed = store.conn.execute("SELECT COUNT(*) FROM story_articles").fetchone()[0]
        assert placed == 2  # the two placed before the crash were committed
        monkeypatch.setattr(StoryIndex, "add", added)
        assert place_pending(store).placed == 2


# -- 8: messages that say what happened -------------------------------------------------------


def test_item08_folder_walk_names_what_it_cannot_read(tmp_path):
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff" + bytes(50))
    (tmp_path / "noext").write_text("Title\n\nText.", encoding="utf-8")
    found = {os.path.basename(i.source if isinstance(i, InputError) else i.name): i
             for i in expand_inputs([str(tmp_path)])}  # fmt: skip
    assert found["loop.txt"].problem == "symbolic link loop"
    assert found["gone.txt"].problem == "broken symbolic link"
    assert isinstance(found["pipe.txt"], InputSkipped) and "named pipe" in found["pipe.txt"].problem
    assert isinstance(found["photo.jpg"], InputSkipped)
    assert found["noext"].fmt is None  # read, its format sniffed from the content


def test_item08_utf16_without_bom_and_deep_html_are_read():
    text = "Rebels said the army shelled Aleppo on Monday, killing 12 people.\n" * 5
    assert decode_text("u.txt", text.encode("utf-16-le")) == text
    assert decode_text("u.txt", text.encode("utf-16-be")) == text
    from rashomon.ingest.html import read_html

    para = "<p>" + text.splitlines()[0] + " The talks in Geneva failed again on Friday.</p>"
    page = "<html><body>" + "<div>" * 1000 + para * 3 + "</div>" * 1000 + "</body></html>"
    assert "Geneva" in read_html("deep.html", page.encode()).text


def test_item08_nul_characters_are_not_stored(tmp_path, capsys):
    heading, body = article_text(random.Random(11), "nul")
    padding = " ".join(article_text(random.Random(i), f"pad{i}")[1] for i in range(10))
    data = f"{heading}\n\n{body} {padding}".encode()
    (tmp_path / "n.txt").write_bytes(data[:5000] + b"\x00\x00" + data[5000:])
    db = str(tmp_path / "n.db")
    assert run(capsys, "ingest", str(tmp_path / "n.txt"), "--db", db, "--no-parse")[0] == 0
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT instr(body, char(0)) FROM articles").fetchone()[0] == 0


# -- 10: one id resolver ----------------------------------------------------------------------


def test_item10_ids_resolve_by_unique_prefix_everywhere(corpus_db, capsys):
    assert resolve_prefix("story", "st", ["story:ab", "other"]) == "story:ab"
    with pytest.raises(NotFoundError, match="prefix of 2"):
        resolve_prefix("story", "story:", ["story:ab", "story:cd"])
    stories = json.loads(run(capsys, "stories", "--json", "--db", corpus_db)[1])
    story = stories[0]["id"]
    for command in ("timeline", "dossier"):
        code, out, err = run(capsys, command, story[:9], "--db", corpus_db)
        assert code == 0 and out, err
    assert run(capsys, "disputes", "--story", story[:9], "--db", corpus_db)[0] == 0
    code, _, err = run(capsys, "disputes", "--story", "nope", "--db", corpus_db)
    assert code == 3 and "no story with id 'nope'" in err
    article = stories[0]["article_ids"][0]
    assert run(capsys, "quotes", "--article", article[:5], "--db", corpus_db)[0] == 0
    assert run(capsys, "dispute", "zzz", "--db", corpus_db)[0] == 3


# -- 11: correcting metadata on re-ingest -----------------------------------------------------


def test_item11_reingest_with_date_and_outlet_updates_and_reruns(tmp_path, capsys):
    path = tmp_path / "a.txt"
    heading, body = article_text(random.Random(12), "meta")
    path.write_text(f"{heading}\n\nThe talks ended on Monday. {body}", encoding="utf-8")
    db = str(tmp_path / "m.db")
    assert run(capsys, "ingest", str(path), "--db", db)[0] == 0
    before = json.loads(run(capsys, "dates", "--json", "--db", db)[1])
    assert all(d["value"] is None for d in before if d["text"] == "Monday")  # undated article
    code, _, err = run(capsys, "ingest", str(path), "--date", "2016-10-20", "--outlet", "BBC",
                       "--db", db)  # fmt: skip
    assert code == 0 and "1 updated" in err and "1 extracted" in err
    assert "published changed from none to 2016-10-20 (day)" in err
    (row,) = json.loads(run(capsys, "articles", "--json", "--db", db)[1])
    assert (row["published"], row["outlet"], row["outlet_found_in"]) == (
        "2016-10-20",
        "BBC",
        "user",
    )
    after = json.loads(run(capsys, "dates", "--json", "--db", db)[1])
    assert any(d["text"] == "Monday" and d["value"] == "2016-10-17" for d in after)
    article = json.loads(run(capsys, "article", row["id"][:6], "--json", "--db", db)[1])
    assert {c["field"] for c in article["changes"]} == {"published", "outlet"}
    code, _, err = run(capsys, "ingest", str(path), "--date", "2016-10-20", "--db", db)
    assert "1 unchanged" in err and "changed" not in err.split("unchanged")[0]


# -- 12: options, settings, exit codes --------------------------------------------------------


def test_item12_unknown_map_column_is_an_error(tmp_path, capsys):
    path = tmp_path / "r.csv"
    path.write_text("headline,body\nT,Rebels shelled the city on Monday, officials said.\n")
    code, _, err = run(capsys, "ingest", str(path), "--map", "title=nosuchcol",
                       "--db", str(tmp_path / "x.db"), "--no-parse")  # fmt: skip
    assert code == 1 and "--map title=nosuchcol: no field 'nosuchcol'" in err


def test_item12_settings_are_validated(monkeypatch, capsys):
    monkeypatch.setenv("RASHOMON_PROCESSES", "abc")
    code, _, err = run(capsys, "articles")
    assert code == 2 and err == "rashomon: RASHOMON_PROCESSES='abc' is not a whole number\n"
    with pytest.raises(SettingsError, match="out of range"):
        Settings.from_env({"RASHOMON_BATCH_SIZE": "0"})


def test_item12_help_options_and_exit_codes(capsys):
    assert main([]) == 0 and "exit codes" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exit_info:
        main(["articles", "--model", "x"])  # articles never loads a model
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "3  not found" in capsys.readouterr().out


def test_item12_dossier_format_follows_the_output_suffix(corpus_db, tmp_path, capsys):
    stories = json.loads(run(capsys, "stories", "--json", "--db", corpus_db)[1])
    out = tmp_path / "story.html"
    assert run(capsys, "dossier", stories[0]["id"], "-o", str(out), "--db", corpus_db)[0] == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


# -- 13: tables, filters, progress ------------------------------------------------------------


def test_item13_tables_fit_the_width_and_read_well(corpus_db, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "90")
    for command in ("articles", "numbers", "quotes", "stories", "events", "places"):
        code, out, _ = run(capsys, command, "--db", corpus_db)
        assert code == 0
        assert max(len(line) for line in out.splitlines()) <= 90, command
        assert "['" not in out and not re.search(r"\d\.0\b", out), command
    assert table([{"value": 250000.0, "outlets": ["AFP", "BBC"]}], ("value", "outlets")) == (
        "  value   outlets\n" + "─" * 18 + "\n250,000   AFP, BBC\n"
    )


def test_item13_listing_filters(corpus_db, capsys):
    every = json.loads(run(capsys, "quotes", "--json", "--db", corpus_db)[1])
    reuters = json.loads(run(capsys, "quotes", "--outlet", "reuters", "--json", "--db",
                             corpus_db)[1])  # fmt: skip
    assert reuters and len(reuters) < len(every) and {q["outlet"] for q in reuters} == {"Reuters"}
    assert (
        len(json.loads(run(capsys, "numbers", "--limit", "2", "--json", "--db", corpus_db)[1])) == 2
    )
    one = every[0]["article_id"]
    mine = json.loads(run(capsys, "events", "--article", one[:7], "--json", "--db", corpus_db)[1])
    assert mine and {e["article_id"] for e in mine} == {one}
    code, _, err = run(capsys, "actors", "--outlet", "Nobody Times", "--db", corpus_db)
    assert code == 3 and "no articles from outlet 'Nobody Times'" in err


def test_item13_progress_names_each_stage_with_totals(tmp_path, capsys):
    from rashomon.article.outlets import OutletDirectory
    from rashomon.pipeline import IngestOptions, ingest

    write_article(tmp_path / "p.txt", "progress", seed=30)
    settings = Settings(db=str(tmp_path / "p.db"))
    with Store(settings.db) as store:
        ingest([str(tmp_path / "p.txt")], store, settings, IngestOptions(),
               OutletDirectory.load(), lambda e: None, show_progress=True)  # fmt: skip
    err = capsys.readouterr().err
    for stage in ("reading inputs", "loading spaCy model", "parsing 1 articles",
                  "extracting", "placing 1 articles in incidents and stories"):  # fmt: skip
        assert f"rashomon: {stage}" in err, err
    assert re.search(r" \d+/1 \[", err)  # bars show totals


# -- 14, 15: the dossier ----------------------------------------------------------------------


def test_item14_quotes_are_marked_once_and_reported_speech_is_reported():
    assert direct_quote('"The siege must end,"') == "“The siege must end”"
    assert direct_quote("“it is Russia that decides") == "“it is Russia that decides”"
    report = QuoteReport("that the talks had failed", "AFP", "a1", "said", None, "indirect")
    assert reported_speech("Khoja", report) == "Khoja said that the talks had failed."
    according = replace(report, cue="according to", text="the talks had failed")
    assert reported_speech("the UN", according) == "According to the UN, the talks had failed."
    dossier = replace(sample_dossier(), quotes=(SpeakerQuotes("Khoja", None, ((report,),)),))
    md = render_markdown(dossier).split("## Quotes by speaker")[1]
    assert "Khoja said that the talks had failed." in md and "“that the talks" not in md
    assert "reported speech" in md
    html = render_html(dossier)
    assert "reported speech</span>" in html and 'class="cue">“said”</span>' in html  # shown
    direct = replace(report, text='"We will stay,"', kind="direct")
    html = render_html(replace(dossier, quotes=(SpeakerQuotes("Khoja", None, ((direct,),)),)))
    assert "“We will stay”" in html and "“&quot;" not in html and "direct quote" in html


def test_item15_headers_unknown_outlets_and_counting_once():
    dossier = sample_dossier()
    html = render_html(dossier)
    actors = html.split('class="actors"')[1].split("</thead>")[0]
    assert ">Kind<" in actors and "Sector" not in actors
    unknown = replace(dossier, sources=(replace(dossier.sources[0], outlet=None),))
    assert "unknown outlet" in render_markdown(unknown).split("## Sources")[1].split("##")[0]
    assert "unknown outlet" in render_html(unknown).split('id="sources"')[1].split("</section>")[0]
    twice = (
        QuoteReport("We will stay", "Al Jazeera", "a2", "said", None),
        QuoteReport("We will stay", "Al Jazeera", "a4", "said", None),
        QuoteReport("We will stay", "Al Jazeera", "a4", "said", None),
    )
    md = render_markdown(replace(dossier, quotes=(SpeakerQuotes("X", None, (twice,)),)))
    (carried,) = [line for line in md.splitlines() if "carried by" in line]
    assert carried.count("Al Jazeera") == 1 and carried.count("[") == 2


def test_item15_summary_lines_come_from_prose():
    from rashomon.reconcile.dossier import _lead

    body = (
        "Date of publication: 20 October 2016 Tags: Syria, Aleppo, Russia, United Nations\n"
        "Get short URL 0 11 0 0 MOSCOW (Sputnik) - The Russian military said on Friday that "
        "it had opened six corridors for civilians to leave Aleppo."
    )
    assert _lead(body).startswith("MOSCOW (Sputnik) - The Russian military said")


def test_item15_unknown_outlet_reads_the_same_everywhere(corpus_db, capsys):
    for command in ("articles", "quotes", "numbers", "report"):
        out = run(capsys, command, "--db", corpus_db)[1]
        assert "unknown outlet" in out, command
        assert " ? " not in out, command
