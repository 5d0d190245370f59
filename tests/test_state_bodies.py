"""The bodies of states the actor dictionary does not list (extract/state_bodies.py)."""

import pytest

from rashomon.entities import EntityExtractor
from rashomon.extract.state_bodies import adjectives, state_bodies
from rashomon.model import Actor, ActorKind
from rashomon.nlp import load_pipeline
from rashomon.settings import DEFAULT_MODEL

ARMENIA = Actor("state:arm", "Armenia", ActorKind.STATE, "ARM", "GOV")


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(DEFAULT_MODEL)


@pytest.fixture(scope="module")
def extractor(nlp):
    return EntityExtractor.build(nlp)


def _mentions(nlp, extractor, text: str) -> dict[str, str | None]:
    found = extractor.extract("t", nlp(text), None)
    return {m.text: m.actor_id for m in found.mentions if m.kind != "location"}


def test_a_state_gets_its_government_army_and_ministries_belonging_to_it():
    bodies = {b.id: b for b in state_bodies([ARMENIA], {"ARM": ["Armenian"]}, lambda _: None).made}
    assert set(bodies) == {
        "state:arm:government", "state:arm:military", "state:arm:defence-ministry",
        "state:arm:foreign-ministry",
    }  # fmt: skip
    assert bodies["state:arm:government"].affiliation == "state:arm"
    assert bodies["state:arm:military"].affiliation == "state:arm:government"
    assert bodies["state:arm:military"].kind is ActorKind.MILITARY
    assert bodies["state:arm:defence-ministry"].name == "Armenian Defence Ministry"
    assert "Armenia's Defense Ministry" in bodies["state:arm:defence-ministry"].aliases
    assert "Armenian troops" in bodies["state:arm:military"].aliases


def test_a_body_the_dictionary_holds_is_not_made_again_and_others_belong_to_it():
    # the dictionary knows the government under one of its names: no second government,
    # and the ministries made belong to the dictionary's one
    listed = {"Armenian authorities": "armenian-government"}
    bodies = {b.id: b for b in state_bodies([ARMENIA], {"ARM": ["Armenian"]}, listed.get).made}
    assert "state:arm:government" not in bodies
    assert bodies["state:arm:military"].affiliation == "armenian-government"
    assert bodies["state:arm:defence-ministry"].affiliation == "armenian-government"


def test_a_body_the_dictionary_holds_takes_the_names_of_its_kind_no_actor_has():
    listed = {"Armenian army": "armenian-army", "Armenian soldiers": "armenian-guard"}
    bodies = state_bodies([ARMENIA], {"ARM": ["Armenian"]}, listed.get)
    assert "state:arm:military" not in {b.id for b in bodies.made}
    names = bodies.more_names["armenian-army"]
    assert {"Armenian forces", "Armenian troops", "Armenia's military"} <= set(names)
    # a name the dictionary gives to the body, or to another actor, is not given again
    assert "Armenian army" not in names and "Armenian soldiers" not in names


def test_a_listed_armys_other_names_are_that_army(nlp, extractor):
    found = _mentions(
        nlp, extractor,
        "Israeli forces shot at the crowd, and Israeli soldiers fired tear gas, Israel's "
        "military said. Syrian forces shelled the town.",
    )  # fmt: skip
    assert found["Israeli forces"] == "israel-defense-forces"
    assert found["Israeli soldiers"] == "israel-defense-forces"
    assert found["Israel's military"] == "israel-defense-forces"
    assert found["Syrian forces"] == "syrian-arab-army"


def test_plural_people_words_are_no_adjectives():
    assert adjectives(["Azerbaijani", "Azeri", "Azeris"]) == ["Azerbaijani", "Azeri"]
    assert adjectives(["Swiss"]) == ["Swiss"]


def test_bodies_of_a_state_the_dictionary_lacks_are_found_in_text(nlp, extractor):
    found = _mentions(
        nlp, extractor,
        "The Armenian Defense Ministry denied the report. Armenian armed forces fired "
        "missiles at Ganja, Azerbaijan's Defence Ministry said. The Chadian military "
        "and the Malian government made statements.",
    )  # fmt: skip
    assert found["Armenian Defense Ministry"] == "state:arm:defence-ministry"
    assert found["Armenian armed forces"] == "state:arm:military"
    assert found["Azerbaijan's Defence Ministry"] == "state:aze:defence-ministry"
    assert found["Chadian military"] == "state:tcd:military"
    assert found["Malian government"] == "state:mli:government"


def test_a_listed_states_bodies_stay_the_dictionarys(nlp, extractor):
    found = _mentions(nlp, extractor, "Russian forces shelled the town, the Syrian army said.")
    assert found["Russian forces"] == "russian-armed-forces"
    assert found["Syrian army"] == "syrian-arab-army"
    found = _mentions(nlp, extractor, "The Ethiopian military said it struck fighters.")
    assert found["Ethiopian military"] == "ethiopian-national-defense-force"


def test_a_body_a_listed_state_lacks_belongs_to_its_government(nlp, extractor):
    found = extractor.extract("t", nlp("The Turkish Defence Ministry said it shelled them."), None)
    actors = {actor.id: actor for actor, _ in found.actors}
    mentioned = {m.text: m.actor_id for m in found.mentions}
    assert mentioned["Turkish Defence Ministry"] == "state:tur:defence-ministry"
    assert actors["state:tur:defence-ministry"].affiliation == "turkish-government"
    assert actors["turkish-government"].affiliation == "turkey"


def test_a_state_body_is_stored_with_the_state_it_belongs_to(nlp, extractor):
    found = extractor.extract("t", nlp("The Armenian Defense Ministry denied it."), None)
    actors = {actor.id: (actor, origin) for actor, origin in found.actors}
    ministry, _ = actors["state:arm:defence-ministry"]
    government, _ = actors["state:arm:government"]
    state, origin = actors["state:arm"]
    assert ministry.affiliation == "state:arm:government"
    assert government.affiliation == "state:arm"
    assert (state.kind, origin) == (ActorKind.STATE, "gazetteer")


def test_an_article_about_a_state_the_dictionary_lacks_reads_its_generic_bodies(nlp, extractor):
    # the bodies belong to a state the dictionary holds by id only: looking up whose
    # government "the government" is must find it (this raised KeyError)
    found = _mentions(
        nlp, extractor,
        "The Palestine Liberation Organization said it would attend a meeting with an "
        "Israeli peace group. The government said nothing.",
    )  # fmt: skip
    assert found["The government"] == "palestinian-authority"  # the dictionary's own body


def test_a_bare_body_is_never_guessed_to_be_a_made_one(nlp, extractor):
    # whose "the air force" is, is a guess from the countries named: the guess may name a
    # curated body, never one made for a state the dictionary lacks it for
    found = _mentions(
        nlp, extractor,
        "Rebels shelled Damascus. The group is backed by Saudi Arabia. Later the air force "
        "struck their positions.",
    )  # fmt: skip
    assert not [a for a in found.values() if a and a.startswith("state:sau:")]
