"""Sites (extract/sites.py): the hospitals, prisons and stations a report names, each one
point inside the place it is in, with every way the article names it. Our own sentences,
parsed by the real model."""

from __future__ import annotations

import pytest

import rashomon
from rashomon.extract.gazetteer import Gazetteer
from rashomon.extract.places import find_places
from rashomon.extract.sites import find_sites
from rashomon.facts import Gazette, PlaceFact
from rashomon.model import SITE_PREFIX, PlacePrecision
from rashomon.nlp import load_pipeline
from rashomon.settings import DEFAULT_MODEL


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(DEFAULT_MODEL)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def site_mentions(nlp, gazetteer, text: str):
    doc = nlp(text)
    return find_sites(
        doc, find_places(doc, gazetteer), [], gazetteer.parent_chain, gazetteer.is_demonym
    )


def sites(nlp, gazetteer, text: str) -> dict[str, str]:
    """Each site mention's words -> its site's name."""
    return {m.text: m.place.name for m in site_mentions(nlp, gazetteer, text)}


def test_a_hospitals_names_and_descriptions_are_one_site_inside_its_city(nlp, gazetteer):
    text = (
        "An air strike hit Al-Ahli Arab Hospital in Gaza City on Tuesday. Hundreds were "
        "sheltering at the al-Ahli hospital. The hospital compound was destroyed."
    )
    found = site_mentions(nlp, gazetteer, text)
    assert [m.text for m in found] == [
        "Al-Ahli Arab Hospital", "the al-Ahli hospital", "The hospital compound"
    ]  # fmt: skip
    (site,) = {m.place for m in found}
    assert site.id.startswith(SITE_PREFIX)
    assert (site.name, site.precision) == ("Al-Ahli Arab Hospital", PlacePrecision.POINT)
    assert gazetteer.get(site.parent_id).name == "Gaza"  # the gazetteer's name of Gaza City


def test_a_description_is_the_site_of_its_kind_named_last(nlp, gazetteer):
    found = sites(
        nlp, gazetteer,
        "Jets bombed the Al Quds hospital in Aleppo. Later they hit the Omar Hospital in "
        "Idlib. The hospital was evacuated.",
    )  # fmt: skip
    assert found == {
        "the Al Quds hospital": "Al Quds hospital",
        "the Omar Hospital": "Omar Hospital",
        "The hospital": "Omar Hospital",
    }


def test_a_site_first_told_without_a_name_takes_the_place_and_name_given_later(nlp, gazetteer):
    found = sites(
        nlp, gazetteer,
        "Ukraine struck a prison in separatist-held territory with US-made rockets. The strike "
        "hit a pre-trial detention center near Olenivka.",
    )  # fmt: skip
    # "territory with US-made" sets the prison in no place: "US" is the rockets' maker
    assert found == {
        "prison": "Pre-trial detention center in Olenivka",
        "pre-trial detention center": "Pre-trial detention center in Olenivka",
    }


def test_a_nationality_names_no_site_and_another_hospital_elsewhere_is_another(nlp, gazetteer):
    found = sites(
        nlp, gazetteer,
        "Jets struck the Afghan hospital in Kunduz. A nurse at the hospital said two died. One "
        "patient was taken to a hospital in Kabul.",
    )  # fmt: skip
    assert found == {
        "the Afghan hospital": "Afghan hospital in Kunduz",
        "the hospital": "Afghan hospital in Kunduz",
        "hospital": "Hospital in Kabul",
    }


def test_a_towns_station_and_a_centre_misparsed_beside_a_direction_are_sites(nlp, gazetteer):
    found = sites(
        nlp, gazetteer,
        "Two Russian missiles hit Kramatorsk's railway station in eastern Ukraine on Friday. "
        "The station was crowded. Officials in Kramatorsk said the city's railway station had "
        "been the main exit.",
    )  # fmt: skip
    assert set(found) == {"Kramatorsk's railway station", "The station",
                          "the city's railway station"}  # fmt: skip
    assert len(set(found.values())) == 1
    found = sites(
        nlp, gazetteer,
        "Air strikes hit the Tajoura Detention Centre east of Tripoli, Libya. Migrants at the "
        "centre said guards fled. The Tajoura migrant detention center held 600 people.",
    )  # fmt: skip
    # one site, named by "Tajoura" ("Detention" and "centre" say what it is, not which)
    assert len(found) == 3 and len(set(found.values())) == 1
    text = "Air strikes hit the Tajoura Detention Centre east of Tripoli, Libya."
    (mention,) = site_mentions(nlp, gazetteer, text)
    assert mention.place.id.endswith(":prison:tajoura")


@pytest.mark.parametrize(
    "text",
    [
        "Hospital officials in Aleppo said the toll rose.",  # a noun describing another
        "Hospitals in Aleppo were hit.",  # many, not one
        "Aleppo had barely any hospital left.",
        "The radio station in Aleppo was off air.",  # a broadcaster
        "Aleppo became a theatre of war.",
        "The hospital was quiet.",  # neither named nor placed: nothing to look up
        "Jets hit the city centre in Aleppo. The centre of Aleppo was quiet.",
    ],
)
def test_no_site(nlp, gazetteer, text):
    assert sites(nlp, gazetteer, text) == {}


def test_a_site_is_stored_as_a_point_and_is_no_place_of_the_cross_article_half(tmp_path):
    path = tmp_path / "strike.txt"
    path.write_text(
        "Strike on Kunduz hospital\nAn air strike hit the Doctors Without Borders hospital in "
        "Kunduz on Saturday, killing 19 people. The hospital compound was destroyed.\n",
        encoding="utf-8",
    )
    corpus = rashomon.open(tmp_path / "t.db")
    corpus.ingest(path, outlet="Test", published="2015-10-03")
    store = corpus.store
    rows = store.conn.execute(
        "SELECT m.text, p.precision, parent.name FROM mentions m JOIN places p"
        " ON p.id = m.place_id JOIN places parent ON parent.id = p.parent_id"
        " WHERE m.kind = 'site' ORDER BY m.start"
    ).fetchall()
    assert [tuple(r) for r in rows] == [
        ("Doctors Without Borders hospital", "point", "Kunduz"),  # the parse hangs "the" on
        # "Doctors": the mention begins with the organisation's name
        ("The hospital compound", "point", "Kunduz"),
    ]
    from rashomon.store.facts import article_facts

    (facts,) = article_facts(store, [a.id for a in corpus.articles()])
    assert not [m for m in facts.mentions if m.kind == "site"]
    assert any(m.text == "Kunduz" for m in facts.mentions)


def test_no_title_or_sentence_is_set_at_a_site_by_its_name():
    """A site's name ("Afghan hospital", as one article wrote it) is no name the cross-article
    half looks for in other texts: where a title is set is still read from towns."""
    kunduz = PlaceFact("geonames:1135689", "Kunduz", 36.7, 68.9, "city", "AFG")
    hospital = PlaceFact(
        f"{SITE_PREFIX}geonames:1135689:hospital:", "Afghan hospital", 36.7, 68.9, "point",
        "AFG", kunduz.id,
    )  # fmt: skip
    gazette = Gazette({}, {kunduz.id: kunduz, hospital.id: hospital})
    assert gazette.places_named_in("Taliban were firing from Afghan hospital in Kunduz") == [
        kunduz.id
    ]
