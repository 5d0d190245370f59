"""Actor mention resolution on small hand-written texts with the real model and dictionary."""

import pytest

from rashomon.extract.actor_dictionary import ActorDictionary
from rashomon.extract.actors import ActorMatcher
from rashomon.extract.gazetteer import Gazetteer
from rashomon.nlp import load_pipeline
from rashomon.settings import DEFAULT_MODEL


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(DEFAULT_MODEL)


@pytest.fixture(scope="module")
def matcher(nlp):
    return ActorMatcher(nlp, ActorDictionary.load(), Gazetteer.load())


def find(nlp, matcher, text):
    return matcher.find(nlp(text))


def actor_of(found, text):
    ids = {m.actor_id for m in found.mentions if m.text == text}
    assert len(ids) == 1, (text, [(m.text, m.actor_id) for m in found.mentions])
    return ids.pop()


def test_acronyms_match_only_in_capitals(nlp, matcher):
    found = find(
        nlp, matcher, "Officials who met in Geneva said it is not clear. The WHO disagreed."
    )
    texts = {m.text for m in found.mentions}
    assert "WHO" in texts and "who" not in texts and "is" not in texts


def test_transliteration_and_former_names_resolve_to_one_group(nlp, matcher):
    found = find(
        nlp, matcher,
        "Jabhat Fatah al-Sham fighters attacked. The Nusra Front denied it. "
        "Al-Nusra Front later withdrew.",
    )  # fmt: skip
    ids = {actor_of(found, t) for t in ("Jabhat Fatah al-Sham", "Nusra Front", "Al-Nusra Front")}
    assert len(ids) == 1


def test_surname_and_pronoun_resolve_to_a_new_person(nlp, matcher):
    found = find(
        nlp, matcher,
        "Ahmed Karimi, a commander of the group, spoke on Monday. "
        "Karimi said the siege would end. He said food was running out.",
    )  # fmt: skip
    person = actor_of(found, "Ahmed Karimi")
    assert person.startswith("new:")
    assert actor_of(found, "Karimi") == person
    assert actor_of(found, "He") == person
    assert any(a.id == person for a in found.new_actors)


def test_alias_from_text_is_recorded_with_evidence(nlp, matcher):
    text = "The Levant Brigade, formerly known as the Aleppo Lions, took the hill."
    found = find(nlp, matcher, text)
    (alias,) = [a for a in found.aliases if a.pattern == "formerly known as"]
    assert text[alias.start : alias.end] == alias.alias == "Aleppo Lions"


def test_acronym_in_brackets_is_an_alias(nlp, matcher):
    text = "The Southern Defence Council (SDC) said it had agreed. The SDC then left."
    found = find(nlp, matcher, text)
    assert any(a.alias == "SDC" and a.pattern == "acronym" for a in found.aliases)
    assert {m.actor_id for m in found.mentions if m.text == "SDC"} == {
        actor_of(found, "Southern Defence Council")
    }


def test_capital_as_government_only_when_it_acts(nlp, matcher):
    acting = find(nlp, matcher, "Moscow rejected the plan on Tuesday.")
    assert actor_of(acting, "Moscow") == "russian-government"
    located = find(nlp, matcher, "The talks were held in Moscow on Tuesday.")
    assert not [m for m in located.mentions if m.text == "Moscow"]


def test_the_regime_is_the_syrian_government(nlp, matcher):
    found = find(nlp, matcher, "Rebels said the regime had bombed the market in Idlib.")
    assert actor_of(found, "the regime") == "syrian-government"


def test_role_resolves_to_the_office_holder(nlp, matcher):
    found = find(nlp, matcher, "Russia's defence minister announced a pause in air strikes.")
    shoigu = {m.actor_id for m in found.mentions if m.kind == "title"}
    assert len(shoigu) == 1 and "shoigu" in shoigu.pop()


def test_title_in_apposition_joins_the_person(nlp, matcher):
    found = find(nlp, matcher, "Russian Foreign Minister Sergei Lavrov spoke in Rome.")
    lavrov = actor_of(found, "Sergei Lavrov")
    assert actor_of(found, "Russian Foreign Minister") == lavrov


def test_preposition_phrase_is_not_a_new_person(nlp, matcher):
    found = find(nlp, matcher, "Near Palmyra, two strikes destroyed a tank.")
    assert not [a for a in found.new_actors if a.name.startswith("Near")]


def test_demonyms_are_nationalities_and_national_forces(nlp, matcher):
    found = find(nlp, matcher, "Syrian troops and Russian jets advanced on the Turkish border.")
    kinds = {m.text: (m.kind, m.actor_id) for m in found.mentions}
    assert kinds["Russian"] == ("nationality", "russia")
    assert kinds["Turkish"] == ("nationality", "turkey")
    assert kinds["Syrian troops"][0] == "organisation" and "syria" in kinds["Syrian troops"][1]


def test_the_former_and_full_name_in_brackets(nlp, matcher):
    text = (
        "Fighters of the Northern Shield Brigade, the former Dawn Battalion, arrived. "
        "Hayat Tahrir al-Sham (Levant Liberation Body) joined them."
    )
    found = find(nlp, matcher, text)
    pairs = {(a.alias, a.pattern) for a in found.aliases}
    assert ("Dawn Battalion", "the former") in pairs
    assert ("Levant Liberation Body", "in brackets") in pairs


def test_the_opposition_resolves_by_context(nlp, matcher):
    found = find(
        nlp,
        matcher,
        "Syrian rebels fought in Aleppo. The Syrian government said the opposition lied.",
    )
    assert "opposition" in actor_of(found, "the opposition")


def test_a_possessive_that_lost_its_apostrophe_is_still_the_person(nlp, matcher):
    found = find(nlp, matcher, "Forces loyal to Bashar Assads regime shelled the town.")
    assert "bashar-al-assad" in {m.actor_id for m in found.mentions}
    assert not [a for a in found.new_actors if "assad" in a.id]
