"""Kinds read from a sentence's words: the cheap test made first on ASCII text must not
change what the regular expressions (whole words, any case) find."""

import pytest

from rashomon.reconcile.incident_kinds import IncidentKinds


@pytest.fixture(scope="module")
def kinds() -> IncidentKinds:
    return IncidentKinds.packaged()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("AIR STRIKES hit the market.", ["aerial"]),
        ("Air-raid sirens sounded after the Shelling.", ["aerial", "shelling"]),
        ("The airstriker and the shellings were named.", []),  # no whole word
        ("Mortar fire on Daraa; warplanes overhead.", ["aerial", "shelling"]),
        # a word glued by a hyphen to the one before is another word
        ("Anti-aircraft guns fired at the shells.", ["shelling"]),
        # not ASCII: the expressions alone decide, as before ("ſ" is a long s in any case)
        ("Heavy ſhelling in Ḥamā.", ["shelling"]),
        ("Résidents fled the shelling.", ["shelling"]),
        ("", []),
    ],
)
def test_kinds_in_text_are_whole_words_in_any_case(kinds, text, expected):
    found = kinds.in_text(text)
    assert [k for k in found if k in ("aerial", "shelling")] == expected


def test_a_repeated_sentence_gets_a_list_of_its_own(kinds):
    first = kinds.in_text("Artillery shelled the town.")
    first.append("changed by a caller")
    assert kinds.in_text("Artillery shelled the town.") == ["shelling"]


@pytest.mark.parametrize(
    ("text", "bombing"),
    [
        ("The car-bomb killed five at the checkpoint.", True),
        ("A car bomb hit the checkpoint.", True),
        ("Four missiles with a high-explosive warhead hit the base.", False),
    ],
)
def test_a_hyphen_joins_a_phrase_but_glues_a_word_to_another(kinds, text, bombing):
    assert ("explosives" in kinds.in_text(text)) is bombing


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The journalist was fatally shot during an Israeli military raid in Jenin.", "ground"),
        ("A night raid on the house killed two brothers.", "ground"),
        ("Regime raids on Aleppo killed 12 people.", "aerial"),
        ("An air raid hit the market.", "aerial"),
    ],
)
def test_a_raid_on_the_ground_is_no_air_raid(kinds, text, kind):
    assert kinds.most_specific(kinds.in_text(text)) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The plane dropped a bomb on the theatre.", ["aerial"]),
        ("Russia has dropped a \u2018highly explosive\u2019 bomb on a theatre.", []),
        ("Jets dropped a high-explosive bomb on the market.", ["aerial"]),
        ("A suicide bomber detonated explosives at the checkpoint.", ["explosives"]),
    ],
)
def test_a_bomb_dropped_from_the_air_is_no_planted_charge(kinds, text, kind):
    """ "dropped a 'highly explosive' bomb": the charge's word describes what fell from the
    air, it tells no planted bomb; a plane dropping a bomb is an air strike."""
    assert kinds.in_text(text) == kind


def test_only_the_charges_word_of_a_dropped_bomb_is_set_aside(kinds):
    """The drop itself is a happening, whose event counts: only "highly explosive" is set
    aside (the phrase's `words`), not the verb that opens the phrase."""
    text = "Russia has dropped a \u2018highly explosive\u2019 bomb on a theatre."
    assert not kinds.describes(text, text.index("dropped"))
    assert kinds.describes(text, text.index("explosive"))
    hiding = "Civilians were hiding from shelling."  # a phrase with no `words`: all of it
    assert kinds.describes(hiding, hiding.index("hiding"))


@pytest.mark.parametrize(
    ("text", "shelling"),
    [
        ("The buses were nearby, as was the shell of a pick-up truck.", False),
        ("Only the burnt-out shell of the bus was left.", False),
        ("A shell hit the school.", True),
        ("Regime shells fell on Douma.", True),
        ("The shell of the building was shelled again.", True),
        # what people hid from is the war around the happening
        ("Russia dropped a bomb on a theatre where civilians were hiding from shelling.", False),
        ("Families fled from heavy shelling in the east.", False),
        ("Shelling hit the theatre where civilians were hiding.", True),
    ],
)
def test_what_is_left_of_a_burnt_thing_is_no_shelling(kinds, text, shelling):
    """ "the shell of a pick-up truck" after a car bombing: its carcass, not an artillery
    round; the report it sits in must not become a shelling of its own."""
    assert ("shelling" in kinds.in_text(text)) is shelling
