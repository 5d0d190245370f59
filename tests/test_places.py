"""find_places: place mentions with doc offsets, resolved to gazetteer entries.

Unit cases build Docs by hand, with the entity labels the small model is known to produce
(so they do not depend on the model); end-to-end cases parse our own sentences and the seeds.
"""

from __future__ import annotations

import math
import re

import pytest
import spacy
from conftest import SEEDS, need
from spacy.tokens import Doc

from rashomon.extract.gazetteer import Gazetteer
from rashomon.extract.places import find_places, place_descriptions
from rashomon.model import DESCRIBED_PLACE_PREFIX, PlaceMention, PlacePrecision
from rashomon.nlp import load_pipeline
from rashomon.settings import DEFAULT_MODEL

ALEPPO = "rashomon:aleppo"
TRUE_POINTS = {  # where these places are, to compare with what the gazetteer says
    "Aleppo": (36.20, 37.16),
    "Geneva": (46.20, 6.15),
    "Gaziantep": (37.07, 37.38),
    "Idlib": (35.93, 36.63),
    "Homs": (34.73, 36.72),
    "Darayya": (33.46, 36.24),
    "Muadhamiya": (33.46, 36.19),
    "Sheikh Saeed": (36.16, 37.17),
    "Maaret al-Numan": (35.65, 36.67),
}


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(DEFAULT_MODEL)


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371 * math.asin(math.sqrt(h))


def make_doc(vocab, tagged: list[tuple[str, str]]) -> Doc:
    """A Doc from (word, IOB entity tag) pairs, words joined by single spaces.

    A word followed by "," "." or "'s" gets no space before it, as the tokenizer would.
    """
    words = [w for w, _ in tagged]
    spaces = [
        i + 1 < len(words) and words[i + 1] not in {",", ".", "'s", ";"} for i in range(len(words))
    ]
    return Doc(vocab, words=words, spaces=spaces, ents=[t for _, t in tagged])


def texts(mentions: list[PlaceMention]) -> list[str]:
    return [m.text for m in mentions]


def assert_offsets(doc: Doc, mentions: list[PlaceMention]) -> None:
    for mention in mentions:
        assert doc.text[mention.start : mention.end] == mention.text
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)


# -- hand-built Docs -------------------------------------------------------------------------


def test_mislabelled_city_names_are_places_but_nationalities_are_not(vocab, gazetteer):
    doc = make_doc(
        vocab,
        [("Syrian", "B-NORP"), ("and", "O"), ("Russian", "B-NORP"), ("jets", "O"),
         ("pounded", "O"), ("Aleppo", "B-NORP"), ("and", "O"), ("Homs", "B-ORG"), (".", "O")],
    )  # fmt: skip
    mentions = find_places(doc, gazetteer)
    assert_offsets(doc, mentions)
    assert texts(mentions) == ["Aleppo", "Homs"]
    assert mentions[0].place.id == ALEPPO
    assert mentions[1].place.country == "SY"


def test_a_city_tagged_as_a_product_is_a_place(vocab, gazetteer):
    # the small model tags names ending "-sk" as products ("Kramatorsk", PRODUCT)
    doc = make_doc(
        vocab,
        [("A", "O"), ("missile", "O"), ("hit", "O"), ("the", "O"), ("station", "O"),
         ("in", "O"), ("Kramatorsk", "B-PRODUCT"), (".", "O")],
    )  # fmt: skip
    mentions = find_places(doc, gazetteer)
    assert [(m.text, m.place.country) for m in mentions] == [("Kramatorsk", "UA")]


def test_a_product_name_is_no_small_town(vocab, gazetteer):
    # a product that shares its name with a town under the mislabel population is no place
    doc = make_doc(
        vocab,
        [("They", "O"), ("fired", "O"), ("a", "O"), ("Tomahawk", "B-PRODUCT"), (".", "O")],
    )  # fmt: skip
    assert find_places(doc, gazetteer) == []


def test_a_demonym_tagged_as_a_place_is_still_not_one(vocab, gazetteer):
    doc = make_doc(
        vocab,
        [("The", "O"), ("Russian", "B-GPE"), ("air", "O"), ("force", "O"), ("bombed", "O"),
         ("Idlib", "B-GPE"), (".", "O")],
    )  # fmt: skip
    assert texts(find_places(doc, gazetteer)) == ["Idlib"]


def test_a_person_is_not_a_town_with_the_same_name(vocab, gazetteer):
    doc = make_doc(
        vocab,
        [("Clinton", "B-PERSON"), ("and", "O"), ("Bolton", "B-PERSON"), ("spoke", "O"),
         ("in", "O"), ("Washington", "B-GPE"), (".", "O")],
    )  # fmt: skip
    mentions = find_places(doc, gazetteer)
    assert texts(mentions) == ["Washington"]
    assert mentions[0].place.country == "US"


def test_a_big_city_of_the_story_tagged_a_person_mostly_is_still_the_city(vocab, gazetteer):
    doc = make_doc(
        vocab,
        [("Jets", "O"), ("hit", "O"), ("Sanaa", "B-GPE"), ("in", "O"), ("Yemen", "B-GPE"),
         (".", "O"), ("Mourners", "O"), ("in", "O"), ("Sanaa", "B-PERSON"), ("wept", "O"),
         ("and", "O"), ("Sanaa", "B-PERSON"), ("mourned", "O"), (".", "O")],
    )  # fmt: skip
    mentions = find_places(doc, gazetteer)
    assert [m.text for m in mentions] == ["Sanaa", "Yemen", "Sanaa", "Sanaa"]


def test_a_person_named_like_a_town_outvotes_one_place_tag(vocab, gazetteer):
    doc = make_doc(
        vocab,
        [("Tyler", "B-PERSON"), ("said", "O"), ("Tyler", "B-PERSON"), ("would", "O"),
         ("fly", "O"), ("to", "O"), ("Tyler", "B-GPE"), (".", "O")],
    )  # fmt: skip
    assert find_places(doc, gazetteer) == []


HOULA_WORDS = [
    ("Syrian", "B-NORP"), ("troops", "O"), ("shelled", "O"), ("the", "O"), ("town", "O"),
    ("of", "O"), ("Houla", "B-PERSON"), ("near", "O"), ("Homs", "B-GPE"), (".", "O"),
    ("Houla", "B-PERSON"), ("mourned", "O"), ("in", "O"), ("Syria", "B-GPE"), (".", "O"),
]  # fmt: skip


def test_a_name_a_place_noun_introduces_is_a_place_though_tagged_a_person(vocab, gazetteer):
    # "Houla" is a GeoNames alternate name of a town of 20,000 (Kafr Laha)
    mentions = find_places(make_doc(vocab, HOULA_WORDS), gazetteer)
    houla = [m for m in mentions if m.text == "Houla"]
    assert len(houla) == 2 and houla[0].place.country == "SY"


def test_without_the_place_noun_person_tags_on_a_small_town_name_win(vocab, gazetteer):
    words = [(w, t) for w, t in HOULA_WORDS if w not in ("the", "town", "of")]
    mentions = find_places(make_doc(vocab, words), gazetteer)
    assert "Houla" not in texts(mentions)


def test_an_untagged_name_a_settlement_noun_introduces_is_a_place(vocab, gazetteer):
    # the model tags nothing in "the city of Uman"; the text says it is a city, and the
    # name's later mentions follow it
    doc = make_doc(
        vocab,
        [("A", "O"), ("missile", "O"), ("hit", "O"), ("the", "O"), ("city", "O"), ("of", "O"),
         ("Uman", "O"), ("in", "O"), ("Ukraine", "B-GPE"), (".", "O"), ("In", "O"),
         ("Uman", "O"), (",", "O"), ("firemen", "O"), ("worked", "O"), (".", "O"),
         ("The", "O"), ("city", "O"), ("of", "O"), ("Dreams", "O"), ("slept", "O"), (".", "O")],
    )  # fmt: skip
    mentions = find_places(doc, gazetteer)
    assert_offsets(doc, mentions)
    assert texts(mentions) == ["Uman", "Ukraine", "Uman"]
    assert mentions[0].place.country == "UA"
    untold = make_doc(vocab, [("Uman", "O"), ("is", "O"), ("quiet", "O"), (".", "O")])
    assert find_places(untold, gazetteer) == []
    # a locative before a town of some size: "in downtown Uman"
    located = make_doc(
        vocab,
        [("Seven", "O"), ("died", "O"), ("in", "O"), ("downtown", "O"), ("Uman", "O"),
         ("in", "O"), ("Ukraine", "B-GPE"), (".", "O")],
    )  # fmt: skip
    assert texts(find_places(located, gazetteer)) == ["Uman", "Ukraine"]
    # a town of that name in a country the text never names is some other place
    elsewhere = make_doc(
        vocab,
        [("Troops", "O"), ("near", "O"), ("the", "O"), ("town", "O"), ("of", "O"),
         ("Adra", "O"), ("east", "O"), ("of", "O"), ("Damascus", "B-GPE"), (".", "O")],
    )  # fmt: skip
    assert texts(find_places(elsewhere, gazetteer)) == ["Damascus"]


def test_the_port_of_a_city_the_model_left_untagged_is_the_city(vocab, gazetteer):
    doc = make_doc(
        vocab,
        [("Mortars", "O"), ("hit", "O"), ("sites", "O"), ("in", "O"), ("the", "O"),
         ("port", "O"), ("of", "O"), ("Hodeidah", "O"), ("in", "O"), ("Yemen", "B-GPE"),
         (".", "O")],
    )  # fmt: skip
    found = find_places(doc, gazetteer)
    assert texts(found) == ["Hodeidah", "Yemen"]
    assert found[0].place.id == "geonames:79415"


def test_the_outskirts_of_a_city_tagged_a_person_are_the_citys(vocab, gazetteer):
    # "on the outskirts of X" leads to nothing but a place: the model's PERSON tag on
    # "Zaporozhye" (a spelling GeoNames holds as an alternate of a city of 710,000) is wrong
    doc = make_doc(
        vocab,
        [("Ukraine", "B-GPE"), ("said", "O"), ("a", "O"), ("convoy", "O"), ("was", "O"),
         ("shelled", "O"), ("on", "O"), ("the", "O"), ("outskirts", "O"), ("of", "O"),
         ("Zaporozhye", "B-PERSON"), (".", "O")],
    )  # fmt: skip
    found = find_places(doc, gazetteer)
    assert texts(found) == ["Ukraine", "Zaporozhye"]
    assert found[1].place.id == "geonames:687700"
    # a person tag after "in" stays a person's: "in X" leads to people too
    person = make_doc(
        vocab,
        [("Ukraine", "B-GPE"), ("put", "O"), ("its", "O"), ("trust", "O"), ("in", "O"),
         ("Zaporozhye", "B-PERSON"), (".", "O")],
    )  # fmt: skip
    assert texts(find_places(person, gazetteer)) == ["Ukraine"]


def test_a_big_city_something_is_in_is_a_place_though_always_tagged_a_person(vocab, gazetteer):
    # Kremenchuk (about 220,000 people): "a mall in X" says where, whatever the model's tag
    doc = make_doc(
        vocab,
        [("A", "O"), ("missile", "O"), ("hit", "O"), ("a", "O"), ("mall", "O"), ("in", "O"),
         ("Kremenchuk", "B-PERSON"), (".", "O"), ("Kremenchuk", "B-PERSON"),
         ("mourned", "O"), (".", "O")],
    )  # fmt: skip
    mentions = find_places(doc, gazetteer)
    assert texts(mentions) == ["Kremenchuk", "Kremenchuk"]
    assert mentions[0].place.country == "UA"


def test_in_before_a_possessive_names_no_place(vocab, gazetteer):
    doc = make_doc(
        vocab,
        [("Voters", "O"), ("trust", "O"), ("in", "O"), ("Kremenchuk", "B-PERSON"),
         ("'s", "O"), ("plan", "O"), (".", "O")],
    )  # fmt: skip
    assert find_places(doc, gazetteer) == []


def test_in_before_a_small_towns_name_does_not_outvote_person_tags(vocab, gazetteer):
    words = [(w, t) for w, t in HOULA_WORDS if w not in ("the", "town", "of")]
    words = [*words[:3], ("in", "O"), *words[3:]]  # "shelled in Houla near Homs"
    assert "Houla" not in texts(find_places(make_doc(vocab, words), gazetteer))


def test_a_settlement_noun_after_a_regions_name_still_introduces_a_place(vocab, gazetteer):
    # "the Homs province town of Houla" (as "the Golan Heights town of Majdal Shams"): the
    # model tags the town, a GeoNames alternate name, as a person
    words = [
        ("a", "O"), ("strike", "O"), ("on", "O"), ("the", "O"), ("Homs", "B-GPE"),
        ("province", "O"), ("town", "O"), ("of", "O"), ("Houla", "B-PERSON"),
        ("shocked", "O"), ("Syria", "B-GPE"), (".", "O"),
    ]  # fmt: skip
    assert "Houla" in texts(find_places(make_doc(vocab, words), gazetteer))


def test_a_name_an_act_of_violence_is_named_after_is_a_place_though_tagged_a_person(
    vocab, gazetteer
):
    # "the Houla massacre": the model tags "Houla" as a person, in a text about Syria
    words = [
        ("Damascus", "B-GPE"), ("denied", "O"), ("the", "O"), ("Houla", "B-PERSON"),
        ("massacre", "O"), ("in", "O"), ("Syria", "B-GPE"), (".", "O"),
    ]  # fmt: skip
    mentions = find_places(make_doc(vocab, words), gazetteer)
    assert [m.place.country for m in mentions if m.text == "Houla"] == ["SY"]
    # a noun that is also a verb names an act only after "the": "Houla attacks" is a
    # person's doing, "the Houla attack" a place's
    verb = [("Houla", "B-PERSON"), ("attacks", "O"), ("Damascus", "B-GPE"), (".", "O")]
    assert "Houla" not in texts(find_places(make_doc(vocab, verb), gazetteer))
    named = [("the", "O"), ("Houla", "B-PERSON"), ("attack", "O"), ("shocked", "O"),
             ("Syria", "B-GPE"), (".", "O")]  # fmt: skip
    assert "Houla" in texts(find_places(make_doc(vocab, named), gazetteer))
    # an act named before it says so too: "denied an attack on Houla"
    target = [("they", "O"), ("denied", "O"), ("an", "O"), ("attack", "O"), ("on", "O"),
              ("Houla", "B-PERSON"), ("in", "O"), ("Syria", "B-GPE"), (".", "O")]  # fmt: skip
    assert "Houla" in texts(find_places(make_doc(vocab, target), gazetteer))
    # ... and only in a country the article is about: no Houla in a text about France
    abroad = [("the", "O"), ("Houla", "B-PERSON"), ("massacre", "O"), ("shocked", "O"),
              ("France", "B-GPE"), ("and", "O"), ("Paris", "B-GPE"), (".", "O")]  # fmt: skip
    assert "Houla" not in texts(find_places(make_doc(vocab, abroad), gazetteer))


def test_a_name_writing_the_arabic_article_is_a_place_though_tagged_a_person(vocab, gazetteer):
    # "Dayr al-Zawr" is no listed spelling of Deir ez-Zor; the model tags it as a person
    doc = make_doc(
        vocab,
        [("Jets", "O"), ("hit", "O"), ("Dayr", "B-PERSON"), ("al-Zawr", "I-PERSON"),
         ("and", "O"), ("Al", "B-PERSON"), ("Quds", "I-PERSON"), (".", "O")],
    )  # fmt: skip
    mentions = find_places(doc, gazetteer)
    assert [(m.text, m.place.id) for m in mentions] == [("Dayr al-Zawr", "rashomon:deir-ez-zor")]


def test_leading_the_and_possessive_are_not_part_of_the_mention(vocab, gazetteer):
    doc = make_doc(
        vocab,
        [("the", "B-GPE"), ("United", "I-GPE"), ("States", "I-GPE"), ("and", "O"),
         ("Turkey", "B-GPE"), ("'s", "I-GPE"), ("army", "O"), ("met", "O"), (".", "O")],
    )  # fmt: skip
    mentions = find_places(doc, gazetteer)
    assert_offsets(doc, mentions)
    assert texts(mentions) == ["United States", "Turkey"]
    assert [m.place.precision for m in mentions] == [PlacePrecision.COUNTRY] * 2


def test_districts_spacy_misses_are_found_by_the_phrase_scan(vocab, gazetteer):
    doc = make_doc(
        vocab,
        [("Shells", "O"), ("hit", "O"), ("Sheikh", "B-PERSON"), ("Saeed", "I-PERSON"),
         ("and", "O"), ("the", "O"), ("Castello", "O"), ("road", "O"), ("north", "O"),
         ("of", "O"), ("Aleppo", "O"), (".", "O")],
    )  # fmt: skip
    mentions = find_places(doc, gazetteer)
    assert_offsets(doc, mentions)
    assert texts(mentions) == ["Sheikh Saeed", "Castello road", "Aleppo"]
    assert mentions[0].place.parent_id == ALEPPO
    assert mentions[1].place.precision is PlacePrecision.POINT


def test_a_name_inside_an_organisation_is_not_a_place(vocab, gazetteer):
    doc = make_doc(
        vocab,
        [("the", "B-ORG"), ("Douma", "I-ORG"), ("Revolutionary", "I-ORG"),
         ("Council", "I-ORG"), ("said", "O"), ("so", "O"), (".", "O")],
    )  # fmt: skip
    assert find_places(doc, gazetteer) == []


def test_a_single_word_district_needs_its_city_in_the_article(vocab, gazetteer):
    alone = make_doc(vocab, [("Ansari", "B-PERSON"), ("said", "O"), ("no", "O"), (".", "O")])
    assert find_places(alone, gazetteer) == []
    with_city = make_doc(
        vocab,
        [("Rebels", "O"), ("in", "O"), ("Aleppo", "B-GPE"), ("still", "O"), ("hold", "O"),
         ("Ansari", "O"), (".", "O")],
    )  # fmt: skip
    mentions = find_places(with_city, gazetteer)
    assert texts(mentions) == ["Aleppo", "Ansari"]
    assert mentions[1].place.id == "rashomon:ansari"


def test_one_name_one_place_throughout_an_article(vocab, gazetteer):
    doc = make_doc(
        vocab,
        [("Geneva", "B-GPE"), ("talks", "O"), ("on", "O"), ("Syria", "B-GPE"), ("ended", "O"),
         (";", "O"), ("Geneva", "O"), ("hosts", "O"), ("the", "O"), ("next", "O"),
         ("round", "O"), (".", "O")],
    )  # fmt: skip
    mentions = find_places(doc, gazetteer)
    assert texts(mentions) == ["Geneva", "Syria", "Geneva"]
    assert {m.place.country for m in mentions if m.text == "Geneva"} == {"CH"}


def test_the_articles_country_decides_a_namesake(vocab, gazetteer):
    doc = make_doc(
        vocab,
        [("Police", "O"), ("in", "O"), ("Paris", "B-GPE"), (",", "O"), ("Texas", "B-GPE"),
         (",", "O"), ("and", "O"), ("Dallas", "B-GPE"), ("said", "O"), ("so", "O"),
         (".", "O")],
    )  # fmt: skip
    paris = find_places(doc, gazetteer)[0]
    assert (paris.text, paris.place.country) == ("Paris", "US")
    plain = make_doc(vocab, [("Talks", "O"), ("in", "O"), ("Paris", "B-GPE"), (".", "O")])
    assert find_places(plain, gazetteer)[0].place.country == "FR"


def test_qualifiers_and_generic_nouns_are_trimmed_when_the_name_alone_is_known(vocab, gazetteer):
    doc = make_doc(
        vocab,
        [("Bombs", "O"), ("fell", "O"), ("on", "O"), ("East", "B-GPE"), ("Aleppo", "I-GPE"),
         ("and", "O"), ("Homs", "B-GPE"), ("city", "I-GPE"), (".", "O")],
    )  # fmt: skip
    mentions = find_places(doc, gazetteer)
    assert texts(mentions) == ["Aleppo", "Homs"]


def test_province_of_a_name_is_the_region_but_the_mention_is_the_name(vocab, gazetteer):
    doc = make_doc(
        vocab,
        [("Buses", "O"), ("left", "O"), ("for", "O"), ("the", "O"), ("province", "O"),
         ("of", "O"), ("Idlib", "B-GPE"), (";", "O"), ("Idlib", "B-GPE"), ("itself", "O"),
         ("was", "O"), ("shelled", "O"), (".", "O")],
    )  # fmt: skip
    first, second = find_places(doc, gazetteer)
    assert (first.text, first.place.id) == ("Idlib", "rashomon:idlib-governorate")
    assert (second.text, second.place.id) == ("Idlib", "rashomon:idlib")


def test_names_before_provinces_are_the_regions(vocab, gazetteer):
    doc = make_doc(
        vocab,
        [("Jets", "O"), ("struck", "O"), ("Idlib", "B-GPE"), ("and", "O"), ("Hama", "B-GPE"),
         ("provinces", "O"), (";", "O"), ("Idlib", "B-GPE"), ("itself", "O"), ("was", "O"),
         ("spared", "O"), (".", "O")],
    )  # fmt: skip
    found = [(m.text, m.place.id) for m in find_places(doc, gazetteer)]
    assert found == [
        ("Idlib", "rashomon:idlib-governorate"),
        ("Hama", "rashomon:hama-governorate"),
        ("Idlib", "rashomon:idlib"),
    ]


def test_a_city_and_its_oblast_named_after_it(vocab, gazetteer):
    """spaCy tags "Poltava" alone: the phrase scan still reads "Poltava region" as the oblast,
    which holds Kremenchuk; "Poltava" alone stays the city."""
    doc = make_doc(
        vocab,
        [("A", "O"), ("missile", "O"), ("hit", "O"), ("Kremenchuk", "B-GPE"), (",", "O"),
         ("Poltava", "B-GPE"), ("region", "O"), (".", "O"), ("Poltava", "B-GPE"),
         ("sent", "O"), ("buses", "O"), (".", "O")],
    )  # fmt: skip
    found = [(m.text, m.place.id) for m in find_places(doc, gazetteer)]
    kremenchuk, region, city = found
    assert region == ("Poltava region", "rashomon:poltava-oblast")
    assert kremenchuk[0] == "Kremenchuk"
    assert gazetteer.get(kremenchuk[1]).parent_id == "rashomon:poltava-oblast"
    assert city[0] == "Poltava"
    assert gazetteer.get(city[1]).precision is PlacePrecision.CITY


def test_a_town_in_the_gaza_strip_lies_in_it(vocab, gazetteer):
    doc = make_doc(
        vocab,
        [("Strikes", "O"), ("hit", "O"), ("Jabalia", "B-GPE"), ("in", "O"), ("the", "O"),
         ("Gaza", "B-GPE"), ("Strip", "I-GPE"), (".", "O")],
    )  # fmt: skip
    town, strip = find_places(doc, gazetteer)
    assert (strip.text, strip.place.id) == ("Gaza Strip", "rashomon:gaza-strip")
    assert town.text == "Jabalia"
    assert strip.place in gazetteer.parent_chain(town.place)


def test_names_before_regions_oblasts_and_states_are_the_regions(vocab, gazetteer):
    doc = make_doc(
        vocab,
        [("Shells", "O"), ("hit", "O"), ("the", "O"), ("Donetsk", "B-GPE"), ("and", "O"),
         ("Luhansk", "B-GPE"), ("regions", "O"), (";", "O"), ("gunmen", "O"), ("raided", "O"),
         ("Borno", "B-GPE"), ("and", "O"), ("Yobe", "B-GPE"), ("states", "O"), (";", "O"),
         ("Donetsk", "B-GPE"), ("itself", "O"), ("was", "O"), ("quiet", "O"), (".", "O")],
    )  # fmt: skip
    found = [(m.text, m.place.id) for m in find_places(doc, gazetteer)]
    assert found[:4] == [
        ("Donetsk", "rashomon:donetsk-oblast"),
        ("Luhansk", "rashomon:luhansk-oblast"),
        ("Borno", "rashomon:borno-state"),
        ("Yobe", "rashomon:yobe-state"),
    ]
    assert found[4][0] == "Donetsk"
    assert gazetteer.get(found[4][1]).precision is PlacePrecision.CITY


def test_a_region_the_text_calls_one_is_a_place_though_mislabelled(vocab, gazetteer):
    # the small model tags "Ghazni" an organisation here; "the province of" says what it is
    doc = make_doc(
        vocab,
        [("Aid", "O"), ("workers", "O"), ("were", "O"), ("seized", "O"), ("in", "O"),
         ("the", "O"), ("province", "O"), ("of", "O"), ("Ghazni", "B-ORG"), (".", "O")],
    )  # fmt: skip
    (ghazni,) = find_places(doc, gazetteer)
    assert (ghazni.text, ghazni.place.id) == ("Ghazni", "rashomon:ghazni-province")


def test_nothing_to_find(vocab, gazetteer):
    assert find_places(make_doc(vocab, [("Quiet", "O"), ("day", "O"), (".", "O")]), gazetteer) == []
    assert find_places(Doc(vocab, words=[]), gazetteer) == []


# -- parsed sentences (our own words) ------------------------------------------------------


def test_parsed_sentences(nlp, gazetteer):
    text = (
        "Shelling hit the Sheikh Saeed district of Aleppo on Tuesday, and residents fled "
        "towards Bustan al-Qasr. Syrian and Russian jets struck Maaret al-Numan, a town in "
        "Idlib province. The Russian air force said its planes flew from Hmeimim air base. "
        "Damascus and its Russian ally rejected the plan, officials in Moadamiyeh said."
    )
    doc = nlp(text)
    mentions = find_places(doc, gazetteer)
    assert_offsets(doc, mentions)
    found = {m.text: m.place for m in mentions}
    assert {"Sheikh Saeed", "Aleppo", "Bustan al-Qasr", "Maaret al-Numan"} <= set(found)
    assert {"Idlib province", "Hmeimim air base", "Damascus", "Moadamiyeh"} <= set(found)
    assert not {"Syrian", "Russian"} & set(found)
    assert found["Idlib province"].precision is PlacePrecision.REGION
    assert found["Moadamiyeh"].id == "rashomon:muadhamiya"
    assert found["Damascus"].country == "SY"  # metonymic here, still a place mention


def test_parsed_sentences_with_provinces_as_news_writes_them(nlp, gazetteer):
    text = (
        "A drone struck an oil depot in Kremenchuk, Poltava region, overnight, the governor "
        "said. In Taiz province, shelling killed two people. Officials in Poltava said the "
        "fire was out. Helmand province saw heavy fighting."
    )
    mentions = find_places(nlp(text), gazetteer)
    found = {m.text: m.place for m in mentions}
    assert found["Poltava region"].id == "rashomon:poltava-oblast"
    assert found["Kremenchuk"].parent_id == "rashomon:poltava-oblast"
    assert found["Poltava"].precision is PlacePrecision.CITY
    assert found["Taiz province"].id == "rashomon:taiz-governorate"
    assert found["Helmand province"].id == "rashomon:helmand-province"


def test_a_side_named_by_its_capital_is_no_place(nlp, gazetteer):
    """ "Pro-Damascus media" in an article about a bombing outside Aleppo put the bombing in
    Damascus (FA-KES); the name says whose side, not where."""
    text = (
        "Pro-Damascus media said a car bomb hit the convoy outside Aleppo. Anti-Damascus "
        "rebels denied it. Later, Damascus said more buses would leave."
    )
    mentions = find_places(nlp(text), gazetteer)
    assert [m.text for m in mentions] == ["Aleppo", "Damascus"]
    assert mentions[1].start == text.index("Damascus said")


# -- the seeds ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_mentions(nlp, gazetteer):
    folder = need(SEEDS)
    found = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        doc = nlp(text)
        found.append((path.name, doc, find_places(doc, gazetteer)))
    return found


def test_every_aleppo_in_the_seeds_is_a_place(seed_mentions):
    total = 0
    for name, doc, mentions in seed_mentions:
        places = {m.start: m for m in mentions}
        for match in re.finditer(r"\bAleppo\b", doc.text):
            total += 1
            assert match.start() in places, (
                f"{name}: {doc.text[match.start() - 40 : match.end() + 20]!r}"
            )
            assert places[match.start()].place.id == ALEPPO
    assert total == 43


def test_seed_places_get_their_coordinates(seed_mentions):
    seen: dict[str, PlaceMention] = {}
    for _name, doc, mentions in seed_mentions:
        assert_offsets(doc, mentions)
        for mention in mentions:
            for place_name in TRUE_POINTS:
                if mention.text.startswith(place_name):
                    seen.setdefault(place_name, mention)
    assert set(seen) == set(TRUE_POINTS)
    for place_name, mention in seen.items():
        lat, lon = TRUE_POINTS[place_name]
        off = km(lat, lon, mention.place.lat, mention.place.lon)
        assert off < 30, f"{place_name} resolved to {mention.place} ({off:.0f} km off)"


def test_nationalities_are_never_places_in_the_seeds(seed_mentions):
    words = {m.text for _name, _doc, mentions in seed_mentions for m in mentions}
    assert not words & {"Syrian", "Russian", "Syrians", "Russians", "Turkish", "Kurdish"}


def test_sheikh_saeed_is_in_aleppo_and_geneva_in_switzerland(seed_mentions, gazetteer):
    for _name, _doc, mentions in seed_mentions:
        for mention in mentions:
            if mention.text == "Sheikh Saeed":
                parent = gazetteer.get(mention.place.parent_id)
                assert (parent.id, parent.precision) == (ALEPPO, PlacePrecision.CITY)
            if mention.text == "Geneva":
                assert mention.place.country == "CH"


def _described(nlp, gazetteer, text: str) -> dict[str, str]:
    doc = nlp(text)
    return {p.text: p.place.name for p in place_descriptions(doc, find_places(doc, gazetteer))}


def test_a_description_of_a_town_stands_for_the_town_named_before(nlp, gazetteer):
    found = _described(
        nlp, gazetteer, "Jets struck Aleppo on Monday. The besieged city is cut off."
    )
    assert found == {"The besieged city": "Aleppo"}
    found = _described(nlp, gazetteer, "Fighting raged in Idlib province. The province is calm.")
    assert list(found) == ["The province"]


def test_a_provincial_capital_is_the_town_named_before_and_a_bare_capital_is_not(nlp, gazetteer):
    lead = "Rebels seized Kunduz, a town, on Monday. "
    found = _described(nlp, gazetteer, lead + "The fall of the northern provincial capital hurt.")
    assert found == {"the northern provincial capital": "Kunduz"}
    assert _described(nlp, gazetteer, lead + "In the capital, officials met.") == {}


def test_a_peoples_word_inside_a_description_does_not_keep_it_from_its_place(nlp):
    from rashomon.entities import EntityExtractor

    text = "Rebels seized Kunduz, a town. In the northern Afghan city, shops shut."
    found = EntityExtractor.build(nlp).extract("t", nlp(text), None)
    described = {m.text: m.place_id for m in found.mentions if m.method == "description"}
    assert described == {"the northern Afghan city": "geonames:1135689"}


def test_a_description_that_names_its_place_after_of_stands_for_that_place(nlp, gazetteer):
    found = _described(nlp, gazetteer, "Jets struck Aleppo. The town of Douma was hit.")
    assert found == {"The town": "Douma"}  # not Aleppo, named before it
    found = _described(nlp, gazetteer, "Fighting raged around the northern provincial capital "
                       "of Kunduz for a week.")  # fmt: skip
    assert found == {"the northern provincial capital": "Kunduz"}


def test_a_description_with_no_place_near_stands_for_nothing(nlp, gazetteer):
    assert _described(nlp, gazetteer, "The town was quiet.") == {}
    far = "Jets struck Aleppo. Talks went on. Aid was sent. Shops opened. The city was calm."
    assert _described(nlp, gazetteer, far) == {}
    assert _described(nlp, gazetteer, "Jets struck Aleppo. The two towns were calm.") == {}


def _tagged(nlp, text: str, name: str, label: str = "GPE") -> Doc:
    """The text parsed, with `name` tagged `label` whatever the small model made of it."""
    from spacy.tokens import Span
    from spacy.util import filter_spans

    doc = nlp(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name), label=label)
    kept = [e for e in doc.ents if e.end <= span.start or e.start >= span.end]
    doc.ents = filter_spans([*kept, Span(doc, span.start, span.end, label=label)])
    return doc


def test_a_city_of_the_articles_country_misspelt_by_a_letter_is_that_city(nlp, gazetteer):
    text = "Shelling hit Aleppo and Idlib in Syria. Families fled to Damascuss overnight."
    found = {m.text: m.place.name for m in find_places(_tagged(nlp, text, "Damascuss"), gazetteer)}
    assert found.get("Damascuss") == "Damascus"
    # a misspelt city of another country than the one the article is set in stays unknown
    text = "Shelling hit Aleppo and Idlib in Syria. A train left Kramatosk overnight."
    found = {m.text for m in find_places(_tagged(nlp, text, "Kramatosk"), gazetteer)}
    assert "Kramatosk" not in found
    # short names are not guessed
    assert gazetteer.near("Homz", "SY") == [] and gazetteer.near("Homs", "SY") == []
    assert [p.name for p in gazetteer.near("Kramatosk", "UA")] == ["Kramatorsk"]


def test_a_loose_key_of_a_province_gives_way_to_the_name_known_as_written(vocab, gazetteer):
    # "Kenitra province" meets "Quneitra province" only through the transliteration-blind
    # key; "Kenitra" as written is the Moroccan city
    doc = make_doc(
        vocab,
        [("Police", "O"), ("raided", "O"), ("a", "O"), ("farm", "O"), ("in", "O"),
         ("Kenitra", "B-GPE"), ("province", "I-GPE"), ("near", "O"), ("Rabat", "B-GPE"),
         (".", "O")],
    )  # fmt: skip
    kenitra = find_places(doc, gazetteer)[0]
    assert (kenitra.text, kenitra.place.country) == ("Kenitra", "MA")
    # "Saada province" once met "Suwayda province" the same way; now the Yemeni
    # governorate is known as written
    doc = make_doc(
        vocab,
        [("Jets", "O"), ("struck", "O"), ("a", "O"), ("prison", "O"), ("in", "O"),
         ("Saada", "B-GPE"), ("province", "I-GPE"), ("near", "O"), ("Sanaa", "B-GPE"),
         (".", "O")],
    )  # fmt: skip
    saada = find_places(doc, gazetteer)[0]
    assert (saada.text, saada.place.id) == ("Saada province", "rashomon:saada-governorate")


def test_an_alternate_name_abroad_is_no_context_for_itself(vocab, gazetteer):
    # "Yelenovka" is a GeoNames alternate of a town in Armenia: its own mentions must not
    # make an article about Donetsk an Armenian one
    doc = make_doc(
        vocab,
        [("Shells", "O"), ("hit", "O"), ("Yelenovka", "B-GPE"), (".", "O"), ("In", "O"),
         ("Yelenovka", "B-GPE"), (",", "O"), ("near", "O"), ("Donetsk", "B-GPE"),
         (",", "O"), ("Yelenovka", "B-GPE"), ("burned", "O"), (".", "O")],
    )  # fmt: skip
    assert [m.place.country for m in find_places(doc, gazetteer)] == ["UA"]


def test_a_loose_key_after_a_province_cue_gives_way_too(vocab, gazetteer):
    doc = make_doc(
        vocab,
        [("Missiles", "O"), ("hit", "O"), ("the", "O"), ("Yemeni", "B-NORP"), ("province", "O"),
         ("of", "O"), ("Saada", "B-GPE"), (".", "O")],
    )  # fmt: skip
    assert [m.place.country for m in find_places(doc, gazetteer)] == ["YE"]


def test_a_sea_named_after_a_place_is_not_that_place(nlp, gazetteer):
    """ "Red Sea and Gulf of Aden routes" names no attack on Aden the city, and "the Gulf of
    Oman" is not the Persian Gulf; the city and the country named alone still are places."""
    doc = nlp(
        "The Houthis threaten Red Sea and Gulf of Aden routes. Ships crossing the Strait of "
        "Hormuz and the Gulf of Oman were attacked. Air strikes later hit Aden."
    )
    found = find_places(doc, gazetteer)
    assert_offsets(doc, found)
    assert [(m.text, m.place.name) for m in found] == [("Red Sea", "Red Sea"), ("Aden", "Aden")]
    assert found[1].start > doc.text.index("Air strikes")


def test_a_region_after_an_unknown_village_tagged_as_one_name_is_still_the_region(nlp, gazetteer):
    """spaCy tags "Hroza in Kharkiv Oblast" (a village too small for the gazetteer, and
    where it lies) as one organisation; the region it names is the place all the same, and
    the village one inside it. An organisation's own name ("the Douma Revolutionary
    Council") still names no town."""
    doc = nlp(
        "The Russian missile launched a missile attack on a grocery store in the village of "
        "Hroza in Kharkiv Oblast, President Volodymyr Zelenskyy announced."
    )
    found = find_places(doc, gazetteer)
    assert_offsets(doc, found)
    assert [(m.text, m.place.name) for m in found] == [
        ("Hroza", "Hroza"),
        ("Kharkiv Oblast", "Kharkiv Oblast"),
    ]
    assert found[0].place.parent_id == found[1].place.id
    council = nlp("The Douma Revolutionary Council condemned the siege.")
    assert find_places(council, gazetteer) == []


# -- villages the gazetteer lacks, described by the text -------------------------------------


def test_a_village_the_text_describes_is_a_place_inside_the_place_it_is_set_in(vocab, gazetteer):
    # "Moura, a village in central Mali": no gazetteer has it, the text says what and where
    doc = make_doc(
        vocab,
        [("Soldiers", "O"), ("killed", "O"), ("300", "O"), ("in", "O"), ("Moura", "B-PERSON"),
         (",", "O"), ("a", "O"), ("village", "O"), ("in", "O"), ("central", "O"),
         ("Mali", "B-GPE"), (".", "O"), ("Moura", "B-ORG"), ("mourned", "O"), (".", "O")],
    )  # fmt: skip
    mentions = find_places(doc, gazetteer)
    assert_offsets(doc, mentions)
    assert texts(mentions) == ["Moura", "Mali", "Moura"]
    village, mali = mentions[0].place, mentions[1].place
    assert village.id.startswith(DESCRIBED_PLACE_PREFIX) and village.parent_id == mali.id
    assert village.country == "ML" and (village.lat, village.lon) == (mali.lat, mali.lon)
    assert mentions[2].place == village


def test_a_village_whose_setting_the_text_does_not_give_stays_unplaced(vocab, gazetteer):
    # set in the article's country or region, it could stand beside the region another
    # report names and keep the two reports apart
    doc = make_doc(
        vocab,
        [("Jets", "O"), ("bombed", "O"), ("the", "O"), ("village", "O"), ("of", "O"),
         ("Pazigyi", "O"), (".", "O"), ("Sagaing", "B-GPE"), ("Region", "I-GPE"), ("in", "O"),
         ("Myanmar", "B-GPE"), ("mourned", "O"), (".", "O")],
    )  # fmt: skip
    assert texts(find_places(doc, gazetteer)) == ["Sagaing Region", "Myanmar"]


def test_two_spellings_of_a_described_village_are_one_place(vocab, gazetteer):
    def village(name: str) -> str:
        doc = make_doc(
            vocab,
            [("Shells", "O"), ("hit", "O"), ("the", "O"), ("town", "O"), ("of", "O"),
             (name, "O"), ("in", "O"), ("Syria", "B-GPE"), (".", "O")],
        )  # fmt: skip
        return find_places(doc, gazetteer)[0].place.id

    assert village("Jisreen") == village("Jisrin")
    assert village("Jisreen") != village("Rityan")


def test_no_village_is_made_without_a_place_to_set_it_in_or_inside_a_longer_name(vocab, gazetteer):
    nowhere = make_doc(
        vocab, [("the", "O"), ("village", "O"), ("of", "O"), ("Moura", "O"), ("wept", "O")]
    )
    assert find_places(nowhere, gazetteer) == []
    # "a town of Fulani in Mali" is a town of that people, not a town named so
    people = make_doc(
        vocab,
        [("Gunmen", "O"), ("hit", "O"), ("a", "O"), ("town", "O"), ("of", "O"),
         ("Fulani", "B-NORP"), ("in", "O"), ("Mali", "B-GPE"), (".", "O")],
    )  # fmt: skip
    assert texts(find_places(people, gazetteer)) == ["Mali"]
    # "the town of Sarmin Local Council" (an organisation) in an article set in Syria
    council = make_doc(
        vocab,
        [("Syria", "B-GPE"), (":", "O"), ("the", "O"), ("town", "O"), ("of", "O"),
         ("Sarmin", "B-ORG"), ("Local", "I-ORG"), ("Council", "I-ORG"), ("said", "O"),
         (".", "O")],
    )  # fmt: skip
    assert texts(find_places(council, gazetteer)) == ["Syria"]


def test_a_big_city_written_another_way_is_found_after_a_long_settlement_noun(vocab, gazetteer):
    # "Hodeidah" is how English copy writes GeoNames' Al Hudaydah, and "the Yemeni port
    # city of" puts two words between the article and the noun
    doc = make_doc(
        vocab,
        [("Jets", "O"), ("hit", "O"), ("the", "O"), ("Yemeni", "B-NORP"), ("port", "O"),
         ("city", "O"), ("of", "O"), ("Hodeidah", "O"), ("Thursday", "B-DATE"), ("in", "O"),
         ("Yemen", "B-GPE"), (".", "O")],
    )  # fmt: skip
    mentions = find_places(doc, gazetteer)
    assert texts(mentions) == ["Hodeidah", "Yemen"]
    assert mentions[0].place.country == "YE"
    assert mentions[0].place.precision is PlacePrecision.CITY


def test_a_name_before_a_buildings_noun_in_another_country_is_no_town(vocab, gazetteer):
    # al-Thawra is also Tabqa's other name; "the al-Thawra hospital" of an article set in
    # Yemen is the hospital. In an article set in Syria the town stays a reading.
    def found(country: str) -> list[str]:
        doc = make_doc(
            vocab,
            [("Jets", "O"), ("hit", "O"), ("the", "O"), ("al-Thawra", "B-ORG"),
             ("hospital", "O"), ("in", "O"), (country, "B-GPE"), (".", "O")],
        )  # fmt: skip
        return [m.place.name for m in find_places(doc, gazetteer)]

    assert found("Yemen") == ["Yemen"]
    assert found("Syria") == ["Tabqa", "Syria"]
