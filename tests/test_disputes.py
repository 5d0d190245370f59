"""Figures, contradictions and disputes on hand-built facts (no parsing involved)."""

import pytest

from rashomon.reconcile.contradictions import control_states, polarity_conflicts, state_conflicts
from rashomon.reconcile.disputes import find_disputes
from rashomon.reconcile.facts import ArticleInfo, StoryFacts
from rashomon.reconcile.figures import align_figures, concept_key
from rashomon.reconcile.intervals import allowed, overlap, positions
from rashomon.reconcile.kinship import ActorInfo, ActorRelations

RELATIONS = ActorRelations(
    {
        "fsa": ActorInfo("Free Syrian Army", "SYR", "REB", None),
        "southern-front": ActorInfo("Southern Front", "SYR", "REB", "fsa"),
        "syrian-rebels": ActorInfo("Syrian rebels", "SYR", "REB", None),
        "jfs": ActorInfo("Jabhat Fateh al-Sham", "SYR", "REB", None),
        "russia": ActorInfo("Russia", "RUS", "GOV", None),
        "army": ActorInfo("Syrian Arab Army", "SYR", "MIL", None),
    }
)


def article(aid, outlet="AFP", published=None, duplicate_of=None):
    return ArticleInfo(aid, outlet, None, published, duplicate_of, f"title {aid}")


def number(aid, text, value, qualifier, what="JFS fighters", about="jfs", claimant="UN", **kw):
    row = {
        "article_id": aid, "outlet": kw.pop("outlet", "AFP"), "text": text, "value": value,
        "low": kw.pop("low", None), "high": kw.pop("high", None), "qualifier": qualifier,
        "what": what, "unit": kw.pop("unit", None), "about_actor_id": about,
        "place_id": kw.pop("place_id", "aleppo"), "time": kw.pop("time", None),
        "claimant": claimant, "claimant_actor_id": None, "status": kw.pop("status", "asserted"),
        "sentence": kw.pop("sentence", f"{claimant} said {text} {what}."), "start": 0, "end": 5,
    }  # fmt: skip
    row.update(kw)
    return row


def event(aid, type_, factuality, sources, targets, trigger="rejected", **kw):
    row = {
        "article_id": aid, "type": type_, "mode": kw.pop("mode", None),
        "factuality": factuality, "source_actor_ids": sources, "target_actor_ids": targets,
        "trigger": trigger, "sentence": kw.pop("sentence", f"They {trigger} it."),
        "place_id": kw.pop("place_id", None), "date": None, "date_precision": None,
        "date_from": None, "start": kw.pop("start", 0), "end": 9,
    }  # fmt: skip
    row.update(kw)
    return row


def facts(numbers=(), events=(), articles=("a1", "a2")):
    infos = {a.id: a for a in (article(x) if isinstance(x, str) else x for x in articles)}
    return StoryFacts(infos, list(numbers), list(events), place_names={"aleppo": "Aleppo"})


# -- intervals -------------------------------------------------------------------------------


def test_qualifier_intervals():
    assert allowed(300, None, None, "approximate") == pytest.approx((240, 360))
    assert allowed(900, None, 900, "at_most") == pytest.approx((540, 900))
    assert allowed(200000, 200000, None, "at_least") == pytest.approx((200000, 300000))
    assert allowed(None, 100, 1000, "vague") == (100, 1000)
    assert allowed(None, None, None, "vague") is None


def test_around_300_and_no_more_than_900_cannot_both_hold():
    assert not overlap(allowed(300, None, None, "approximate"), allowed(900, None, 900, "at_most"))
    assert overlap(allowed(900, None, None, "approximate"), allowed(900, None, 900, "at_most"))


def test_positions_group_mutually_compatible_values():
    items = [("a", (240, 360)), ("b", (540, 900)), ("c", (720, 1080))]
    assert positions(items) == [["a"], ["b", "c"]]


# -- figures ---------------------------------------------------------------------------------


def test_concept_key_folds_wordings_of_the_same_count():
    assert concept_key({"what": "Nusra fighters", "about_actor_id": "jfs"}) == "fighters|jfs||"
    assert concept_key({"what": "Fateh al-Sham rebels", "about_actor_id": "jfs"}) == (
        "fighters|jfs||"
    )
    assert concept_key({"what": "civilians killed"}) == "people|||casualties"
    assert concept_key({"what": None}) is None


def test_numeric_dispute_and_agreement():
    rows = [
        number("a1", "around 300", 300, "approximate", claimant="Khoja"),
        number("a1", "some 900", 900, "approximate", place_id=None),
        number("a2", "no more than 900", None, "at_most", high=900, outlet="BBC"),
    ]
    (figure,) = align_figures(facts(rows))
    assert figure.status == "dispute"
    assert [[c["text"] for c in p] for p in figure.positions] == [
        ["around 300"],
        ["no more than 900", "some 900"],
    ]


def test_some_900_and_no_more_than_900_alone_agree():
    rows = [number("a1", "some 900", 900, "approximate"),
            number("a2", "no more than 900", None, "at_most", high=900)]  # fmt: skip
    (figure,) = align_figures(facts(rows))
    assert figure.status == "agreed"
    assert not find_disputes("s", facts(rows), RELATIONS, include_superseded=True)


def test_figures_for_different_stated_times_are_not_compared():
    rows = [number("a1", "around 300", 300, "approximate", time="2016-10-01"),
            number("a2", "around 900", 900, "approximate", time="2016-12-01")]  # fmt: skip
    assert align_figures(facts(rows)) == []  # a count in October and one in December


def test_publication_dates_order_a_supersession():
    data = facts(
        [number("a1", "around 300", 300, "approximate"),
         number("a2", "around 900", 900, "approximate")],
        articles=(article("a1", published="2016-10-01"), article("a2", published="2016-12-01")),
    )  # fmt: skip
    (figure,) = align_figures(data)
    assert figure.status == "superseded"
    (dispute,) = find_disputes("s", data, RELATIONS)
    assert dispute.status == "superseded"
    assert not find_disputes("s", data, RELATIONS, include_superseded=False)


def test_proposed_numbers_and_unrelated_counts_stay_out():
    rows = [
        number("a1", "200", 200, "exact", status="proposed"),
        number("a2", "around 900", 900, "approximate"),
        number("a2", "some 40", 40, "approximate", what="people", about=None, place_id=None),
    ]
    assert align_figures(facts(rows)) == []


# -- contradictions --------------------------------------------------------------------------


def test_denial_against_reports_of_rejection():
    rows = [
        event("a1", "REJECT", "alleged", ["syrian-rebels"], ["russia"], "turned down", start=5),
        event("a1", "REJECT", "negated", ["fsa"], ["russia"], "refuse", start=50),
    ]
    (found,) = polarity_conflicts(facts(events=rows), RELATIONS.related)
    assert [claim for _, claim in found.sides] == ["turned down (alleged)", "refuse (negated)"]


def test_different_named_factions_do_not_contradict():
    rows = [event("a1", "REJECT", "asserted", ["jfs"], ["russia"]),
            event("a2", "REJECT", "negated", ["fsa"], ["russia"], "refuse")]  # fmt: skip
    assert polarity_conflicts(facts(events=rows), RELATIONS.related) == []


def test_manner_negation_is_not_a_denial():
    rows = [event("a1", "CONSULT", "asserted", ["fsa"], ["russia"], "talks"),
            event("a1", "CONSULT", "negated", ["fsa"], ["russia"], "talking",
                  sentence="The rebels are not talking directly to the Russians.")]  # fmt: skip
    assert polarity_conflicts(facts(events=rows), RELATIONS.related) == []


def test_control_shares_that_exceed_the_whole_conflict():
    share = number("a1", "about 70 percent", 70, "approximate", what="Sheikh Saeed",
                   about=None, unit="percent", place_id="sheikh-saeed",
                   sentence="The rebels now control about 70 percent of Sheikh Saeed.")  # fmt: skip
    capture = event("a1", "ASSAULT", "asserted", ["army"], [], "recaptured", mode="occupy",
                    place_id="sheikh-saeed",
                    sentence="The army had fully recaptured Sheikh Saeed.")  # fmt: skip
    data = facts([share], [capture])
    assert {(s.holder, s.share) for s in control_states(data)} == {("rebels", 0.7), ("army", 1.0)}
    (found,) = state_conflicts(data, RELATIONS.related)
    assert found.status == "dispute" and found.subject == "control of sheikh-saeed"


def test_capture_reported_later_supersedes():
    share = number("a1", "about 70 percent", 70, "approximate", unit="percent",
                   place_id="x", sentence="Rebels control about 70 percent of X.")  # fmt: skip
    capture = event("a2", "ASSAULT", "asserted", ["army"], [], "captured", mode="occupy",
                    place_id="x", sentence="The army fully captured X.")  # fmt: skip
    data = facts(
        [share],
        [capture],
        articles=(article("a1", published="2016-12-01"), article("a2", published="2016-12-12")),
    )
    (found,) = state_conflicts(data, RELATIONS.related)
    assert found.status == "superseded"


def test_kinship():
    assert RELATIONS.related("southern-front", "fsa")
    assert RELATIONS.related("syrian-rebels", "fsa")
    assert not RELATIONS.related("jfs", "fsa")
    assert not RELATIONS.related("russia", "army")
    assert not RELATIONS.related("rebels", "army")  # a bare word is no actor id


def test_dispute_ids_are_stable_and_sides_carry_evidence():
    rows = [number("a1", "around 300", 300, "approximate", claimant="Khoja"),
            number("a2", "some 900", 900, "approximate", outlet="BBC")]  # fmt: skip
    first = find_disputes("story:1", facts(rows), RELATIONS)
    again = find_disputes("story:1", facts(list(reversed(rows))), RELATIONS)
    assert [d.id for d in first] == [d.id for d in again]
    (dispute,) = first
    assert {(s.value_or_claim, s.claimant, s.outlet, s.position) for s in dispute.sides} == {
        ("around 300", "Khoja", "AFP", 0),
        ("some 900", "UN", "BBC", 1),
    }
    assert all(s.sentence and s.article_id for s in dispute.sides)
