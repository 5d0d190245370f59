"""Cross-document event coreference: which mentions are one happening, and which are not."""

from __future__ import annotations

from rashomon.reconcile.event_coref import (
    CorefConfig,
    EventMention,
    cluster_mentions,
    predicate_key,
    roles,
    times_compatible,
)


def mention(
    key: str, lemma: str, story: str = "s1", doc: str | None = None, **fields
) -> EventMention:
    return EventMention(key, doc or f"d-{key}", story, lemma, **fields)


def test_same_predicate_in_one_story_is_one_event_and_other_stories_stay_apart():
    clusters = cluster_mentions(
        [
            mention("m1", "shell"),
            mention("m2", "shell"),
            mention("m3", "shell", story="s2"),
            mention("m4", "negotiate"),
        ]
    )
    assert clusters == [["m1", "m2"], ["m3"], ["m4"]]


def test_synonyms_and_nominalisations_meet():
    assert predicate_key("kill") == predicate_key("death")
    assert predicate_key("Bombing") == predicate_key("airstrike")
    assert predicate_key("unheard-of") == "unheard-of"
    clusters = cluster_mentions(
        [mention("m1", "kill"), mention("m2", "death"), mention("m3", "arrest")]
    )
    assert clusters == [["m1", "m2"], ["m3"]]
    assert cluster_mentions([mention("m1", "kill"), mention("m2", "death")], CorefConfig(synonyms=())) == [
        ["m1"], ["m2"],
    ]  # fmt: skip


def test_a_different_participant_in_the_same_role_is_a_different_event():
    army = frozenset({"source:syr-army", "target:rebels"})
    isis = frozenset({"source:isis"})
    clusters = cluster_mentions(
        [
            mention("m1", "ASSAULT", arguments=army),
            mention("m2", "ASSAULT", arguments=isis),
            mention("m3", "ASSAULT", arguments=frozenset({"target:rebels"})),  # no source stated
            mention("m4", "ASSAULT", arguments=frozenset({"aleppo", "un"})),  # no roles
        ]
    )
    assert clusters == [["m1", "m3", "m4"], ["m2"]]  # m4 fits both: the earliest on a tie
    assert roles({"source:isis", "target:x", "target:y", "bare"}) == {
        "source": {"isis"}, "target": {"x", "y"},
    }  # fmt: skip


def test_a_mention_joins_the_cluster_it_shares_most_participants_with():
    clusters = cluster_mentions(
        [
            mention("m1", "ASSAULT", arguments=frozenset({"source:isis"})),
            mention("m2", "ASSAULT", arguments=frozenset({"source:syr-army"})),
            mention("m3", "ASSAULT", arguments=frozenset({"syr-army", "source:syr-army"})),
        ]
    )
    assert clusters == [["m1"], ["m2", "m3"]]


def test_dates_and_places_must_agree_where_both_are_known():
    assert times_compatible("2016-11-01", "2016-11-02")
    assert not times_compatible("2016-11-01", "2016-11-05")
    assert times_compatible("2016-11", "2016-11-20")  # a month covers its days
    assert not times_compatible("2015", "2016-11-20")
    clusters = cluster_mentions(
        [
            mention("m1", "bomb", time="2016-11-01", place="aleppo"),
            mention("m2", "bomb", time="2016-11-02"),
            mention("m3", "bomb", time="2016-12-01"),
            mention("m4", "bomb", place="idlib"),
            mention("m5", "bomb"),
        ]
    )
    assert clusters == [["m1", "m2", "m5"], ["m3", "m4"]]  # m4 contradicts m1 only


def test_saying_corefers_only_with_a_shared_speaker():
    clusters = cluster_mentions(
        [
            mention("m1", "say", arguments=frozenset({"lavrov"})),
            mention("m2", "say", arguments=frozenset({"kerry"})),
            mention("m3", "say", arguments=frozenset({"lavrov", "geneva"})),
            mention("m4", "say"),
        ]
    )
    assert clusters == [["m1", "m3"], ["m2"], ["m4"]]


def test_every_mention_is_in_exactly_one_cluster_in_input_order():
    mentions = [mention(f"m{i}", lemma) for i, lemma in enumerate(["hit", "strike", "hit", "flee"])]
    clusters = cluster_mentions(mentions)
    assert sorted(m for c in clusters for m in c) == sorted(m.mention_id for m in mentions)
    assert clusters[0] == ["m0", "m2"]


def test_coded_events_must_share_a_participant_in_the_same_role_when_asked():
    opposition = mention("m1", "ASSAULT/", arguments=frozenset({"source:opposition"}))
    against_is = mention("m2", "ASSAULT/", arguments=frozenset({"target:isis"}))
    attacked = mention("m3", "ASSAULT/", arguments=frozenset({"target:opposition"}))
    same_doer = mention("m4", "ASSAULT/", arguments=frozenset({"source:opposition"}))
    loose = cluster_mentions([opposition, against_is])
    assert loose == [["m1", "m2"]]  # no role conflicts: the ECB+ setting merges them
    strict = cluster_mentions(
        [opposition, against_is, attacked, same_doer], CorefConfig(min_shared=1)
    )
    # the same doer joins; being attacked is not attacking
    assert strict == [["m1", "m4"], ["m2"], ["m3"]]
