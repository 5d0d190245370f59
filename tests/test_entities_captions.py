"""What captions add to an article's findings (entities.EntityExtractor.extract): the places
they name, and their mentions of the people and groups the body names."""

import pytest

from rashomon.entities import EntityExtractor
from rashomon.nlp import load_pipeline
from rashomon.settings import DEFAULT_MODEL

BODY = (
    "Russian Foreign Minister Sergei Lavrov is blaming both sides. Britain's Foreign "
    "Secretary William Hague blamed Syria's government."
)
CAPTION = (
    "Russia's Foreign Minister Sergey Lavrov (l) and his British counterpart William Hague "
    "walk to a press conference in Moscow. (AP Photo/Ivan Sekretarev)"
)


@pytest.fixture(scope="module")
def found():
    nlp = load_pipeline(DEFAULT_MODEL)
    return EntityExtractor.build(nlp).extract("a1", nlp(BODY), None, [CAPTION])


def test_a_caption_names_again_the_people_the_body_names(found):
    named = {m.text: m.actor_id for m in found.mentions if m.field == "caption:0" and m.actor_id}
    assert named["Sergey Lavrov"] == named["Russia's Foreign Minister"] == "sergei-lavrov"
    hague = {m.actor_id for m in found.mentions if m.field == "body" and m.text == "William Hague"}
    assert named["his British counterpart"] == named["William Hague"] == hague.pop()


def test_a_captions_offsets_point_into_the_caption(found):
    for m in found.mentions:
        if m.field == "caption:0":
            assert CAPTION[m.start : m.end] == m.text


def test_a_captions_credit_and_picture_positions_name_no_one(found):
    texts = {m.text for m in found.mentions if m.field == "caption:0"}
    assert not {t for t in texts if "Sekretarev" in t} and "l" not in texts
    assert {m.actor_id for m in found.mentions if m.actor_id} <= {a.id for a, _ in found.actors}
