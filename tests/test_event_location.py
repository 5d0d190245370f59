"""link_place: which of a sentence's places is where its event happened.

Each case parses a hand-written sentence with the real pipeline (the linker reads the
dependency parse), names the trigger word and the candidate places by their text, and
checks which candidate comes back. Candidates are given by hand so that these tests pin the
linker, not the place finder.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Token

from rashomon.extract.events.location import link_place
from rashomon.nlp import load_pipeline
from rashomon.settings import Settings


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(Settings().model)


def trigger_in(nlp: Language, text: str, word: str) -> Token:
    """The first token of `text` whose text is `word`."""
    doc = nlp(text)
    return next(token for token in doc if token.text == word)


def spans(text: str, *names: str) -> list[tuple[int, int]]:
    """Character spans of the first occurrence of each name."""
    return [(text.index(name), text.index(name) + len(name)) for name in names]


def linked(nlp: Language, text: str, word: str, *places: str) -> str | None:
    """The place linked to `word` among `places`, or None."""
    index = link_place(trigger_in(nlp, text, word), spans(text, *places))
    return None if index is None else places[index]


# -- places attached to the event ------------------------------------------------------------


def test_a_place_in_a_phrase_under_the_object(nlp):
    text = "Russian jets bombed rebel positions in Idlib on Tuesday."
    assert linked(nlp, text, "bombed", "Idlib") == "Idlib"


def test_near_a_place_in_the_passive(nlp):
    text = "Fighters were killed near Aleppo on Monday."
    assert linked(nlp, text, "killed", "Aleppo") == "Aleppo"


def test_the_object_of_a_verb_of_attack_is_the_scene(nlp):
    text = "Government troops stormed Darayya at dawn."
    assert linked(nlp, text, "stormed", "Darayya") == "Darayya"


def test_a_nominal_trigger_takes_its_own_place(nlp):
    text = "Residents reported air strikes on Aleppo overnight."
    assert linked(nlp, text, "strikes", "Aleppo") == "Aleppo"


def test_a_place_under_a_noun_inside_the_locative_phrase(nlp):
    text = "Five civilians were killed in the bombardment of the Aziziyah district."
    assert linked(nlp, text, "killed", "Aziziyah") == "Aziziyah"


def test_a_place_named_by_its_generic_noun(nlp):
    text = "Rebels captured the town of Maaret al-Numan after heavy fighting."
    assert linked(nlp, text, "captured", "Maaret al-Numan") == "Maaret al-Numan"
    text = "Two soldiers were killed in Aleppo province on Friday."
    assert linked(nlp, text, "killed", "Aleppo") == "Aleppo"


# -- the most precise of several places -------------------------------------------------------


def test_the_precise_place_beats_the_region_that_qualifies_it(nlp):
    text = "Gunmen killed three farmers in the village of Suran in Hama province."
    assert linked(nlp, text, "killed", "Suran", "Hama") == "Suran"
    assert linked(nlp, text, "killed", "Hama", "Suran") == "Suran"  # order does not matter


def test_a_district_beats_the_city_it_is_in(nlp):
    text = "A car bomb exploded in the Sheikh Maqsoud district of Aleppo on Sunday."
    assert linked(nlp, text, "exploded", "Sheikh Maqsoud", "Aleppo") == "Sheikh Maqsoud"


def test_a_place_beats_the_reference_point_it_is_measured_from(nlp):
    text = "Troops captured Tal Rifaat, some 30 kilometres north of Aleppo."
    assert linked(nlp, text, "captured", "Tal Rifaat", "Aleppo") == "Tal Rifaat"


# -- places that belong to another event ------------------------------------------------------


def test_two_clauses_two_places(nlp):
    text = "Rebels shelled Homs on Sunday, and government jets struck Daraa a day later."
    assert linked(nlp, text, "shelled", "Homs", "Daraa") == "Homs"
    assert linked(nlp, text, "struck", "Homs", "Daraa") == "Daraa"


def test_main_and_subordinate_clause_keep_their_own_places(nlp):
    text = "Rebels attacked Homs while the army was bombing Daraa."
    assert linked(nlp, text, "attacked", "Homs", "Daraa") == "Homs"
    assert linked(nlp, text, "bombing", "Homs", "Daraa") == "Daraa"


def test_the_place_of_the_telling_is_not_the_place_of_the_reported_event(nlp):
    text = "He told AFP in Geneva that the army had shelled the town."
    assert linked(nlp, text, "shelled", "Geneva") is None
    text = "He told AFP in Geneva that the army had shelled Homs."
    assert linked(nlp, text, "shelled", "Geneva", "Homs") == "Homs"


def test_a_destination_of_another_verb_is_not_the_scene(nlp):
    text = "Gunmen killed two guards and fled to Turkey."
    assert linked(nlp, text, "killed", "Turkey") is None


def test_places_in_other_sentences_do_not_count(nlp):
    text = "Heavy fighting was reported in Hama. Rebels shelled the airport."
    assert linked(nlp, text, "shelled", "Hama") is None


# -- places that describe people or things ----------------------------------------------------


def test_the_envoy_for_a_country_gives_no_place_to_talks(nlp):
    text = "The UN envoy for Syria said talks would resume in the spring."
    assert linked(nlp, text, "talks", "Syria") is None


def test_a_place_based_group_is_no_scene(nlp):
    text = "Gunmen killed four people, a Damascus-based monitoring group said."
    assert linked(nlp, text, "killed", "Damascus") is None


def test_the_country_that_acts_is_not_where_it_acts(nlp):
    text = "Israel struck weapons depots in Syria overnight."
    assert linked(nlp, text, "struck", "Israel", "Syria") == "Syria"
    text = "Turkey shelled Kurdish positions on Thursday."
    assert linked(nlp, text, "shelled", "Turkey") is None


def test_an_origin_is_not_the_scene(nlp):
    text = "Militants from Iraq attacked a checkpoint in Deir ez-Zor."
    assert linked(nlp, text, "attacked", "Iraq", "Deir ez-Zor") == "Deir ez-Zor"
    text = "Fighters from Iraq attacked the checkpoint."
    assert linked(nlp, text, "attacked", "Iraq") is None


def test_a_possessive_country_of_an_actor_is_no_scene(nlp):
    text = "Russia's warplanes bombed a hospital."
    assert linked(nlp, text, "bombed", "Russia") is None


# -- edges ----------------------------------------------------------------------------------


def test_no_candidates_no_place(nlp):
    token = trigger_in(nlp, "Rebels shelled the airport.", "shelled")
    assert link_place(token, []) is None
    assert link_place(token, ()) is None


def test_empty_or_unaligned_spans_are_ignored(nlp):
    text = "Rebels shelled Idlib."
    token = trigger_in(nlp, text, "shelled")
    start = text.index("Idlib")
    assert link_place(token, [(start, start), (start, start + 5)]) == 1
