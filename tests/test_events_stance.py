"""What a speaker says an attack was: ACCUSE, CONCEDE or REJECT by the speaker.

Through the real pipeline and extractor, on sentences of our own shaped like wire copy: a
stance word counts where a speaker says it (a reported clause, a tag after the clause, a
direct quote, a naming verb), never in the writer's own words or under a negated speech
verb; a negated stance word turns over.
"""

import pytest

from rashomon.entities import EntityExtractor
from rashomon.model import DatePrecision, FoundIn, PublicationDate
from rashomon.nlp import load_pipeline
from rashomon.settings import Settings

PUBLISHED = PublicationDate("2016-09-20", DatePrecision.DAY, FoundIn.USER)
STATEMENTS = ("ACCUSE", "CONCEDE", "REJECT")


@pytest.fixture(scope="module")
def statements():
    nlp = load_pipeline(Settings().model)
    extractor = EntityExtractor.build(nlp)

    def run(text: str, targets: bool = False) -> list[tuple[str, str, tuple[str | None, ...]]]:
        found = extractor.extract("t", nlp(text), PUBLISHED)
        return [
            (e.type, e.trigger, e.target_actor_ids if targets else e.source_actor_ids)
            for e, _, _ in found.events
            if e.type in STATEMENTS
        ]

    return run


def test_a_strike_said_to_be_intentional_accuses(statements):
    found = statements('Damascus believed the US airstrike near the airport was "intentional."')
    assert [(t, w) for t, w, _ in found] == [("ACCUSE", "intentional")]
    assert found[0][2] == ("syrian-government",)


@pytest.mark.parametrize(
    ("text", "coded"),
    [
        # a mistake concedes, in a reported clause or its manner
        ("The Pentagon said the airstrike on the army was a mistake.", ("CONCEDE", "mistake")),
        ("The Pentagon has said the attack was carried out mistakenly.", ("CONCEDE", "mistakenly")),
        # a tag after the clause reports the clause
        (
            "Human error was the cause of the airstrike that killed Syrian troops, "
            "U.S. Central Command officials said on Tuesday.",
            ("CONCEDE", "error"),
        ),
        # a negated stance word turns over
        ("The army said the airstrike on its positions was not a mistake.", ("ACCUSE", "mistake")),
        ("The ministry said it bears no responsibility for the shelling.", ("REJECT", "responsibility")),
        # holding someone responsible accuses, with no attack named
        ("The State Department said Russia ultimately bears responsibility.", ("ACCUSE", "responsibility")),
        ("The regime must be held accountable, the spokesman said.", ("ACCUSE", "accountable")),
        # naming and admitting verbs
        ("The envoy called the attack on the convoy an outrage.", ("ACCUSE", "outrage")),
        ("Denmark confirmed its air force's participation in the airstrikes.", ("CONCEDE", "participation")),
    ],
)  # fmt: skip
def test_statements_of_what_an_attack_was(statements, text, coded):
    assert [(t, w) for t, w, _ in statements(text)] == [coded]


def test_reports_called_untrue_are_rejected(statements):
    found = statements("The president says reports of a chemical attack were a fabrication.")
    assert ("REJECT", "fabrication") in [(t, w) for t, w, _ in found]


def test_the_accused_is_who_is_held_responsible_or_the_attacks_doer(statements):
    found = statements("The State Department said Russia bears responsibility.", targets=True)
    assert found == [("ACCUSE", "responsibility", ("russia",))]
    found = statements("Activists have held Damascus responsible.", targets=True)
    assert found == [("ACCUSE", "responsible", ("syrian-government",))]
    found = statements(
        '"It was a deliberate attack by Russian jets," the rebels said.', targets=True
    )
    assert found == [("ACCUSE", "deliberate", ("russia",))]


def test_a_stance_word_in_a_direct_quote_is_the_speakers(statements):
    found = statements('"It was a premeditated attack by the American forces," Assad said.')
    assert [(t, w) for t, w, _ in found] == [("ACCUSE", "premeditated")]
    assert found[0][2] == ("bashar-al-assad",)


def test_the_writers_own_words_and_unsaid_things_are_no_statement(statements):
    assert statements("The deliberate attack on the market killed 20 people.") == []
    assert (
        statements(
            "State media confirmed a plane had been shot down, but did not say who was responsible."
        )
        == []
    )
    assert statements("The monitor said the airstrike killed 20 people in the town.") == []
