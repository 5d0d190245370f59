"""Story grouping: joining, starting, stable ids, wire copies, dates, labels and persistence."""

from __future__ import annotations

import json
import math

import pytest

from rashomon.errors import RashomonError
from rashomon.model import GENERIC_GROUP
from rashomon.reconcile.stories import StoryConfig, StoryFeatures, StoryIndex, day_range
from rashomon.reconcile.tfidf import TermStats, term_counts, terms, top_terms

SHELLING = (
    "Artillery shelling hit the northern town of Kafr Ghazal on Tuesday, killing four farmers "
    "near the grain silo, local medics said. The shells came from positions west of the town."
)
SHELLING_AGAIN = (
    "Artillery shelling struck the northern town of Kafr Ghazal on Tuesday and killed four "
    "farmers by the grain silo, medics said. Residents said the shells came from the west."
)
SHELLING_FOLLOW_UP = (
    "Funerals were held in Kafr Ghazal for the four farmers killed by shelling near the grain "
    "silo; mourners blamed artillery positions west of the town."
)
RATES = (
    "The central bank raised interest rates by half a point to curb inflation, the finance "
    "minister announced, adding that the currency had steadied against the dollar."
)


def article(key: str, text: str, **fields: object) -> StoryFeatures:
    return StoryFeatures(article_id=key, text=text, **fields)  # type: ignore[arg-type]


def test_terms_are_lowercase_words_without_stopwords_or_possessives():
    assert terms("The Army's 3 tanks shelled Aleppo's east-side") == [
        "army", "tanks", "shelled", "aleppo", "east-side",
    ]  # fmt: skip
    assert term_counts("rockets hit", title="Rockets") == {"rockets": 3, "hit": 1}


def test_document_frequencies_grow_as_articles_arrive():
    stats = TermStats()
    stats.add({"shelling": 1, "town": 2})
    before = stats.idf("shelling")
    stats.add({"bank": 1})
    assert stats.idf("shelling") > before  # rarer now that there are more documents
    assert stats.idf("never-seen") > stats.idf("shelling")


def test_near_identical_reports_join_and_an_unrelated_one_starts_a_story():
    index = StoryIndex()
    first = index.add(article("aaaaaaaaaaaaaaaa", SHELLING))
    assert first == "story:aaaaaaaaaaaa"
    assert index.add(article("bbbbbbbbbbbbbbbb", SHELLING_AGAIN)) == first
    assert index.add(article("cccccccccccccccc", RATES)) == "story:cccccccccccc"
    assert [s.article_ids for s in index.stories()] == [
        ("aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb"), ("cccccccccccccccc",),
    ]  # fmt: skip


def test_a_story_id_never_changes_as_articles_join():
    index = StoryIndex()
    story = index.add(article("a1", SHELLING))
    index.add(article("r1", RATES))
    assert index.add(article("a2", SHELLING_AGAIN)) == story
    assert index.add(article("a3", SHELLING_FOLLOW_UP)) == story
    assert index.story_of("a1") == story
    assert index.add(article("a1", SHELLING)) == story  # adding again changes nothing
    assert [s.id for s in index.stories()] == [story, "story:r1"]
    assert index.stories()[0].article_ids == ("a1", "a2", "a3")


def test_the_likely_story_is_the_one_adding_would_join_and_adds_nothing():
    index = StoryIndex()
    story = index.add(article("a1", SHELLING, published="2016-04-19"))
    index.add(article("r1", RATES))
    before = [s.article_ids for s in index.stories()]
    assert index.likely_story(article("a2", SHELLING_AGAIN)) == story
    assert index.likely_story(article("x1", "Floods closed the coastal road for a week.")) is None
    assert [s.article_ids for s in index.stories()] == before
    assert index.add(article("a2", SHELLING_AGAIN)) == story


def test_the_likely_story_weighs_the_article_as_adding_it_does_at_any_threshold():
    # the article's own words are counted among the documents before adding scores it:
    # at every threshold, the story the likely story names is the one adding joins
    mixed = SHELLING_FOLLOW_UP + " Elsewhere a quarry strike shut the copper smelter."
    disagreed = 0
    for step in range(5, 95):
        config = StoryConfig(threshold=step / 100)
        index = StoryIndex(config)
        index.add(article("a1", SHELLING))
        index.add(article("r1", RATES))
        likely = index.likely_story(article("a2", mixed)) or "story:a2"  # None: its own
        disagreed += likely != index.add(article("a2", mixed))
    assert disagreed == 0


def test_an_undated_article_weighed_as_if_dated_names_the_story_whose_days_date_it():
    flipped = 0
    for step in range(5, 95):
        index = StoryIndex(StoryConfig(threshold=step / 100))
        story = index.add(article("a1", SHELLING, published="2016-04-19"))
        index.add(article("u1", RATES))  # a story with no dated article dates nothing
        undated = article("a2", SHELLING_FOLLOW_UP)
        likely, as_dated = index.likely_story(undated), index.likely_story(undated, as_dated=True)
        assert as_dated in (story, None) and (likely is None or as_dated == likely)
        flipped += likely is None and as_dated == story
        rates = index.likely_story(article("u2", RATES), as_dated=True)
        assert rates is None  # only the undated story would have it
    assert flipped > 0  # weighed down for having no date, it joins no story at these


def test_a_story_an_undated_article_resembles_by_far_the_most_dates_it_below_the_threshold():
    def as_dated(config: StoryConfig, twin: bool = False) -> str | None:
        index = StoryIndex(config)
        index.add(article("a1", SHELLING, published="2016-04-19"))
        index.add(article("r1", RATES, published="2016-04-19"))
        if twin:  # the same town's shelling a year before: a story of its own
            index.add(article("b1", SHELLING_AGAIN, published="2015-04-19"))
        return index.likely_story(article("a2", SHELLING_FOLLOW_UP), as_dated=True)

    below = [
        step / 100 for step in range(5, 100)
        if as_dated(StoryConfig(threshold=step / 100)) == "story:a1"
        and as_dated(StoryConfig(threshold=step / 100, clear_share=1.0)) is None
    ]  # fmt: skip
    assert below  # past half the threshold, and far above the bank rates story
    # two stories it resembles alike: neither dates it below the threshold
    assert as_dated(StoryConfig(threshold=below[0]), twin=True) is None


def test_weighing_as_if_added_leaves_the_frequencies_as_they_were():
    stats = TermStats()
    stats.add({"shelling": 1, "town": 2})
    before = (stats.documents, dict(stats.df), stats.idf("town"))
    stats.add({"town": 1, "silo": 1})
    stats.remove({"town": 1, "silo": 1})
    assert (stats.documents, dict(stats.df), stats.idf("town")) == before


def test_a_storys_span_is_its_first_and_last_publication_date_as_the_story_shows_them():
    index = StoryIndex()
    story = index.add(article("a1", SHELLING, published="2016-04-21"))
    index.add(article("a2", SHELLING_AGAIN, published="2016-04-19"))
    index.add(article("a3", SHELLING_FOLLOW_UP))  # undated: no bound
    assert index.span(story) == ("2016-04-19", "2016-04-21")
    shown = index.story(story)
    assert index.span(story) == (shown.start, shown.end)
    undated = index.add(article("r1", RATES))
    assert index.span(undated) == (None, None) == (index.story(undated).start,
                                                   index.story(undated).end)  # fmt: skip


def test_a_wire_copy_joins_its_original_and_is_not_a_second_report():
    index = StoryIndex()
    story = index.add(article("orig", SHELLING, published="2016-11-01"))
    index.add(article("rates", RATES))
    # even with unrelated text, a copy goes where its original is
    assert index.add(article("copy", RATES, duplicate_of="orig", published="2016-11-02")) == story
    assert index.add(article("copy2", RATES, duplicate_of="copy")) == story  # copy of a copy
    found = index.stories()[0]
    assert found.article_ids == ("orig", "copy", "copy2")
    assert found.reports == 1
    assert (found.start, found.end) == ("2016-11-01", "2016-11-02")
    assert index.to_state()["articles"][2]["copy_of"] == "orig"


def test_a_copy_of_an_unknown_article_is_placed_on_its_own_merits():
    index = StoryIndex()
    story = index.add(article("a1", SHELLING))
    assert index.add(article("a2", SHELLING_AGAIN, duplicate_of="not-indexed")) == story


def test_far_apart_dates_split_similar_reports():
    index = StoryIndex()
    story = index.add(article("a1", SHELLING, published="2016-11-01"))
    assert index.add(article("a2", SHELLING_AGAIN, published="2016-11-02")) == story
    assert index.add(article("a3", SHELLING_AGAIN, published="2017-03-01")) != story
    assert index.add(article("a4", SHELLING_FOLLOW_UP, published="2016-11")) == story  # a month


def test_a_story_stretched_by_its_incident_still_takes_an_article_inside_its_days():
    index = StoryIndex()
    story = index.add(article("a1", SHELLING, published="2016-09-19"))
    # months later, a report that leads with the incident the story holds joins it
    late = article("a2", SHELLING_AGAIN, published="2016-12-22", incident_story=story)
    assert index.add(late) == story
    assert index.span(story) == ("2016-09-19", "2016-12-22")
    # an article of the first days joins the story it would have joined then
    assert index.add(article("a3", SHELLING_AGAIN, published="2016-09-21")) == story
    # one that would stretch it further does not
    assert index.add(article("a4", SHELLING_AGAIN, published="2017-03-01")) != story


def test_shared_actors_and_places_raise_the_score_and_disjoint_ones_lower_it():
    text_a = "Clashes near the dam went on overnight as fighters traded fire with troops."
    text_b = "Fighting around the dam continued through the night, with heavy exchanges of fire."
    sdf = {"actor_ids": frozenset({"sdf"}), "place_ids": frozenset({"tabqa"})}
    isis = {"actor_ids": frozenset({"isis"}), "place_ids": frozenset({"mosul"})}
    config = StoryConfig(threshold=0.45)  # the texts alone are not close enough
    alone = StoryIndex(config)
    assert alone.add(article("a1", text_a)) != alone.add(article("a2", text_b))
    same = StoryIndex(config)
    assert same.add(article("a1", text_a, **sdf)) == same.add(article("a2", text_b, **sdf))
    other = StoryIndex(config)
    assert other.add(article("a1", text_a, **sdf)) != other.add(article("a2", text_b, **isis))


def test_label_names_the_main_actor_and_place_and_a_salient_term():
    index = StoryIndex()
    shared = {"actor_ids": frozenset({"syr-army"}), "place_ids": frozenset({"kafr-ghazal"})}
    index.add(article("a1", SHELLING, **shared))
    index.add(article("a2", SHELLING_AGAIN, **shared))
    label = index.label(index.stories()[0], names={"syr-army": "Syrian army"})
    assert label.startswith("Syrian army / kafr-ghazal: ")
    assert "ghazal" not in label.split(": ")[1]  # the place's own words are not repeated
    assert index.stories(names={"syr-army": "Syrian army"})[0].label == label
    assert index.label("story:a1").startswith("syr-army / kafr-ghazal: ")


def test_label_names_two_main_actors_and_never_repeats_a_name_as_a_term():
    index = StoryIndex()
    both = {"actor_ids": frozenset({"syria", "russia"})}
    syrian = "Syrian troops and Syrian militias shelled the Syrian border town, Syrian medics said."
    index.add(article("a1", syrian + " " + SHELLING, **both))
    index.add(article("a2", syrian + " " + SHELLING_AGAIN, **both))
    label = index.label("story:a1", names={"syria": "Syria", "russia": "Russia"})
    head, terms_part = label.split(": ")
    assert head == "Russia, Syria"
    assert "syrian" not in terms_part  # "Syria"'s own word in another form
    assert len(terms_part.split(", ")) == 2


def test_state_round_trips_through_json_and_goes_on_the_same_way():
    index = StoryIndex(StoryConfig(threshold=0.25))
    index.add(article("a1", SHELLING, published="2016-11-01", actor_ids=frozenset({"syr-army"})))
    index.add(article("r1", RATES, title="Rates up"))
    index.add(article("a2", SHELLING_AGAIN, published="2016-11-02"))
    index.add(article("c1", SHELLING, duplicate_of="a1"))
    state = json.loads(json.dumps(index.to_state()))
    restored = StoryIndex.from_state(state)
    assert restored.config == index.config
    assert restored.stories() == index.stories()
    assert restored.to_state() == index.to_state()
    follow = article("a3", SHELLING_FOLLOW_UP, published="2016-11-03")
    assert restored.add(follow) == index.add(follow) == "story:a1"


def test_bad_state_and_bad_dates_are_refused():
    with pytest.raises(RashomonError):
        StoryIndex.from_state({"version": 99, "articles": []})
    with pytest.raises(RashomonError):
        article("x", "text", published="last Tuesday")
    assert day_range("2016-02") == (day_range("2016-02-01")[0], day_range("2016-02-29")[1])  # type: ignore[index]


def test_placement_scores_a_bounded_number_of_stories(monkeypatch):
    """A word every story shares must not make each new article compare with every story,
    or placement would slow down as the store grows; a rare shared word still finds its story."""
    config = StoryConfig(candidate_cap=5, candidate_limit=4)
    index = StoryIndex(config)
    towns = [f"town{chr(97 + i)}{chr(97 + j)}" for i in range(6) for j in range(5)]
    for n, town in enumerate(towns):  # 30 stories, all about "syria", each its own town
        index.add(article(f"a{n}", f"{town} {town} {town} {town} syria"))
    assert len(index.stories()) == len(towns)
    scored = []
    real = StoryIndex._score
    monkeypatch.setattr(
        StoryIndex, "_score", lambda self, *a: scored.append(a[-1]) or real(self, *a)
    )
    joined = index.add(article("new", f"{towns[17]} {towns[17]} syria"))
    assert joined == index.story_of("a17")
    assert len(set(scored)) <= config.candidate_limit


def test_weigh_uses_the_current_idf_of_every_term():
    """`weigh` reads idf from its cache once filled; each term still weighs its current idf,
    and a new document moves it."""
    stats = TermStats()
    stats.add({"shelling": 1, "douma": 2})
    stats.add({"douma": 1})
    profile = {"douma": 0.6, "shelling": 0.8, "unseen": 0.5}
    raw = {term: w * stats.idf(term) for term, w in profile.items()}
    norm = math.sqrt(sum(w * w for w in raw.values()))
    assert stats.weigh(profile) == {term: w / norm for term, w in raw.items()}
    before = stats.weigh(profile)
    stats.add({"shelling": 1})
    assert stats.weigh(profile) != before


def test_weigh_fills_idf_as_idf_does_to_the_last_bit():
    """Terms `weigh` meets first get the very floats `idf` gives (one log per frequency)."""

    def filled() -> TermStats:
        stats = TermStats()
        for doc in ({"shelling": 1, "douma": 2}, {"douma": 1}, {"silo": 3, "town": 1}):
            stats.add(doc)
        return stats

    profile = {"douma": 0.6, "shelling": 0.8, "unseen": 0.5, "silo": 0.1, "town": 0.3}
    by_weigh, by_idf = filled(), filled()
    raw = {term: w * by_idf.idf(term) for term, w in profile.items()}
    norm = math.sqrt(sum(w * w for w in raw.values()))
    assert by_weigh.weigh(profile) == {term: w / norm for term, w in raw.items()}


def test_weighing_as_if_counted_keeps_the_idf_known_before():
    stats = TermStats()
    stats.add({"shelling": 1, "town": 2})
    before = stats.idf("shelling")
    with stats.counted({"town": 1, "silo": 1}):
        assert stats.idf("shelling") != before
    assert stats.documents == 1 and dict(stats.df) == {"shelling": 1, "town": 1}
    assert stats.idf("shelling") == before
    assert TermStats().weigh({"x": 1.0}) == {"x": 1.0}


def test_top_terms_of_a_long_profile_are_those_a_full_sort_gives():
    vector = {f"t{i:03d}{'x' * (i % 4)}": round((i * 37 % 101) / 100, 2) for i in range(300)}
    skip = ["t000", "t037xx", "nothere"]
    for n in (0, 1, 5, 12, 40):
        full = sorted((t for t in vector if t not in skip),
                      key=lambda t: (-vector[t], -len(t), t))[:n]  # fmt: skip
        assert top_terms(vector, n, skip) == full


def test_a_group_named_by_no_name_tells_no_story():
    """ "rebels" resolved to the war's rebels says nothing of which story an article is."""
    from rashomon.facts import Argument, ArticleFact, ArticleFacts, EventFact, Gazette, MentionFact
    from rashomon.reconcile.story_features import features_of

    body = "Rebels shelled the town. Russia bombed it."

    def mention(text, actor_id, method):
        at = body.index(text)
        return MentionFact("a1", at, at + len(text), text, "organisation", 0, len(body),
                           actor_id=actor_id, method=method)  # fmt: skip

    shelled = EventFact(
        article_id="a1", start=7, end=14, trigger="shelled", type="ASSAULT", mode=None,
        factuality="asserted", sentence_start=0, sentence_end=24, sentence=body[:24],
        sources=(Argument(0, 6, "Rebels", "syrian-rebels"),),
    )  # fmt: skip
    facts = ArticleFacts(
        article=ArticleFact("a1", "AFP"), body=body, events=(shelled,),
        mentions=(mention("Rebels", "syrian-rebels", GENERIC_GROUP),
                  mention("Russia", "russia", "dictionary")),
    )  # fmt: skip
    found = features_of(facts, Gazette())
    assert found.actor_ids == {"russia"} and not found.event_keys
    named = replace_method(facts, "dictionary")
    assert "syrian-rebels" in features_of(named, Gazette()).actor_ids


def replace_method(facts, method):
    from dataclasses import replace

    return replace(facts, mentions=tuple(replace(m, method=method) for m in facts.mentions))
