"""What a speaker's account of an attack amounts to (extract/events/reported.py).

Through the real pipeline and extractor, on sentences of our own shaped like wire copy: an
attack told inside someone's quote accuses its doer when the doer is another side, is denied
when the speaker negates it, is admitted when an admitting cue tells the speaker's own side
doing it; the writer's own telling, a doer that is only a weapon, and a statement the
sentence already codes are not statements of this kind.
"""

import pytest

from rashomon.entities import EntityExtractor
from rashomon.model import DatePrecision, FoundIn, PublicationDate
from rashomon.nlp import load_pipeline
from rashomon.settings import Settings

PUBLISHED = PublicationDate("2017-04-06", DatePrecision.DAY, FoundIn.USER)
STATEMENTS = ("ACCUSE", "CONCEDE", "REJECT")


@pytest.fixture(scope="module")
def statements():
    nlp = load_pipeline(Settings().model)
    extractor = EntityExtractor.build(nlp)

    def run(text: str) -> list[tuple[str, tuple[str | None, ...], tuple[str | None, ...]]]:
        found = extractor.extract("t", nlp(text), PUBLISHED)
        return [
            (e.type, e.source_actor_ids, e.target_actor_ids)
            for e, _, _ in found.events
            if e.type in STATEMENTS
        ]

    return run


def test_a_claimed_attack_accuses_its_doer(statements):
    found = statements(
        "The Syrian opposition claimed that forces loyal to President Bashar al-Assad had "
        "used chemical gas on the town."
    )
    assert ("ACCUSE", ("syrian-opposition",), ("syrian-government",)) in found


def test_an_attack_denied_in_a_quote_is_rejected_by_the_speaker(statements):
    found = statements(
        '"Our aircraft did not attack the convoy," Russian Foreign Minister Sergei Lavrov said.'
    )
    assert [t for t, _, _ in found] == ["REJECT"]
    assert found[0][1] == ("sergei-lavrov",)


def test_no_evidence_of_an_attack_denies_it(statements):
    found = statements(
        "Lavrov said that no evidence has been found that the Syrian government carried out "
        "a chemical attack."
    )
    assert [t for t, _, _ in found] == ["REJECT"]


def test_the_writers_own_telling_accuses_no_one(statements):
    assert statements("Russian jets bombed the convoy near Aleppo on Monday.") == []


def test_a_weapon_is_no_doer(statements):
    found = statements("The monitor said a chlorine bomb hit the hospital in Douma.")
    assert [t for t, _, _ in found] == []


def test_a_denial_already_coded_is_not_doubled(statements):
    found = statements(
        "The Syrian military rejected the accusation, saying it did not use any chemical "
        "agents in the town."
    )
    assert [t for t, _, _ in found].count("REJECT") == 1  # ("accusation" is an ACCUSE)


def test_a_pronoun_doer_accuses_no_one(statements):
    found = statements("Russian Foreign Minister Sergei Lavrov said they shelled the convoy.")
    assert [t for t, _, _ in found] == []


@pytest.mark.parametrize(
    "text",
    [
        "Assad said his government has no chemical weapons.",
        '"None of our aircraft were in the vicinity of Aleppo," the Pentagon said.',
        "The Russian Defence Ministry said the inspection showed the absence of any traces of "
        "toxic agents.",
    ],
)
def test_saying_the_means_were_absent_denies_the_attack(statements, text):
    assert [t for t, _, _ in statements(text)] == ["REJECT"]


def test_an_absence_in_the_writers_words_or_of_no_means_is_no_denial(statements):
    assert statements("Investigators found no chemical weapons in the depot.") == []
    assert statements("The minister said there was no food in the town.") == []
