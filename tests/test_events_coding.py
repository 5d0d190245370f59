"""The PLOVER code of a reported event: intent, demand, refusal and threat (CAMEO 03/10/12/13)."""

import pytest

from rashomon.entities import EntityExtractor
from rashomon.extract.events import main_event, plover_code
from rashomon.model import Event
from rashomon.nlp import load_pipeline
from rashomon.settings import Settings


def event(kind: str, factuality: str = "asserted", mode: str | None = None, frame=None) -> Event:
    return Event(0, 4, "word", kind, mode=mode, factuality=factuality, frame=frame)


@pytest.mark.parametrize(
    ("kind", "factuality", "mode", "frame", "coded"),
    [
        ("AID", "asserted", "military", None, ("AID", "military")),  # as reported
        ("AID", "planned", "military", "will", ("AGREE", None)),  # intent to provide aid
        ("CONSULT", "proposed", None, "offered", ("AGREE", None)),
        ("COOPERATE", "demanded", None, "must", ("REQUEST", None)),  # demand cooperation
        ("RETREAT", "negated", "release", "refused", ("REJECT", None)),  # decline to release
        ("ASSAULT", "planned", "aerial", "would", ("THREATEN", "violence")),
        ("COERCE", "proposed", "curfew", "ready", ("THREATEN", "curfew")),
        ("SANCTION", "planned", "boycott", "will", ("THREATEN", "relations")),
        ("ASSAULT", "negated", None, "not", ("ASSAULT", None)),  # no attack is no code change
        ("ACCUSE", "planned", None, "will", ("ACCUSE", None)),  # verbal types keep theirs
        ("CONSULT", "planned", None, "to", ("CONSULT", None)),  # a purpose, not an intent
    ],
)
def test_codes_follow_factuality(kind, factuality, mode, frame, coded):
    assert plover_code(event(kind, factuality, mode, frame)) == coded


@pytest.fixture(scope="module")
def events_of():
    nlp = load_pipeline(Settings().model)
    extractor = EntityExtractor.build(nlp)

    def run(text: str) -> list[Event]:
        return [e for e, _, _ in extractor.extract("t", nlp(text), None).events]

    return run


def test_codes_from_real_sentences(events_of):
    (meeting, discussion) = events_of("The envoy met the rebels to discuss a prisoner swap.")
    assert plover_code(discussion)[0] == "CONSULT"  # purpose clause: what the meeting was for
    sent = [
        e for e in events_of("Ruritania said it will send aid to the refugees.") if e.type == "AID"
    ]
    assert [plover_code(e)[0] for e in sent] == ["AGREE"]
    demanded = events_of("The council said the militia must release the hostages.")
    assert [plover_code(e)[0] for e in demanded if e.type == "RETREAT"] == ["REQUEST"]


def test_an_intent_light_verb_lends_its_frame(events_of):
    (talks,) = [
        e for e in events_of("Ruritania offered talks to the rebels.") if e.type == "CONSULT"
    ]
    assert talks.factuality == "proposed" and plover_code(talks)[0] == "AGREE"


def test_a_demand_over_an_intent_frame_is_a_demand(events_of):
    text = "The envoy said the government must be ready to release the prisoners."
    (release,) = [e for e in events_of(text) if e.type == "RETREAT"]
    assert release.factuality == "demanded" and plover_code(release)[0] == "REQUEST"
    (refused,) = [
        e for e in events_of("The rebels are not willing to release the hostages.")
        if e.type == "RETREAT"
    ]  # fmt: skip
    assert refused.factuality == "negated" and plover_code(refused)[0] == "REJECT"


def test_a_threat_takes_its_mode_from_the_act_threatened(events_of):
    events = events_of("The militia threatened to shell the border villages.")
    (threat,) = [e for e in events if e.type == "THREATEN"]
    assert threat.mode == "violence"


def test_protesting_that_is_disapproval_protesting_in_a_square_a_protest(events_of):
    said = events_of("The opposition protested that the vote count was rigged.")
    assert [e.type for e in said if "protest" in e.trigger] == ["ACCUSE"]
    marched = events_of("Thousands of students protested in the square on Friday.")
    assert [e.type for e in marched if "protest" in e.trigger] == ["PROTEST"]


def test_the_main_event_is_the_one_highest_in_the_parse(events_of):
    nlp = load_pipeline(Settings().model)
    text = "Officials said Ruritania has offered troops to help the peacekeepers."
    doc = nlp(text)
    events = events_of(text)
    assert len(events) >= 2
    assert main_event(doc, events).trigger == "offered"
    assert main_event(doc, []) is None
