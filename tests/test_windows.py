"""Estimated windows for undated articles: from the dated names they use and their story."""

from rashomon.extract.actor_dictionary import ActorDictionary
from rashomon.facts import ArticleFact, ArticleFacts, DateWindow, MentionFact, NameSpan
from rashomon.pipeline.placement import name_spans_of
from rashomon.reconcile.windows import combine, estimate_window, name_key

SPANS = (
    NameSpan("Jabhat Fateh al-Sham", "jfs", since="2016-07"),
    NameSpan("US president-elect", "trump", since="2016-11", until="2017-01"),
)


def facts(*names: tuple[str, str]) -> ArticleFacts:
    mentions = tuple(
        MentionFact("a", n * 10, n * 10 + len(text), text, "organisation", 0, 100, actor_id=actor)
        for n, (text, actor) in enumerate(names)
    )
    return ArticleFacts(ArticleFact("a", "AFP"), mentions=mentions)


def test_names_bound_the_window_and_say_so():
    window = estimate_window(facts(("Jabhat Fateh al-Sham", "jfs"),
                                   ("US President-elect", "trump")), SPANS)  # fmt: skip
    assert (window.start, window.end) == ("2016-11-01", "2017-01-31")
    assert any("in use from 2016-11" in line for line in window.evidence)


def test_a_name_of_another_actor_or_another_wording_dates_nothing():
    assert estimate_window(facts(("Nusra Front", "jfs")), SPANS) is None
    assert estimate_window(facts(("Jabhat Fateh al-Sham", "other")), SPANS) is None


def test_the_story_narrows_the_window_and_alone_gives_one():
    window = estimate_window(facts(("Jabhat Fateh al-Sham", "jfs")), SPANS,
                             ("2016-12-01", "2016-12-14"))  # fmt: skip
    assert (window.start, window.end) == ("2016-11-24", "2016-12-21")
    alone = estimate_window(facts(), SPANS, ("2016-12-01", "2016-12-14"))
    assert alone.evidence == ("its story's dated articles run 2016-12-01 to 2016-12-14",)


def test_names_that_cannot_hold_together_date_nothing():
    spans = (NameSpan("A", "x", until="2015-01"), NameSpan("B", "y", since="2016-01"))
    assert estimate_window(facts(("A", "x"), ("B", "y")), spans) is None


def test_a_story_of_undated_articles_takes_what_their_windows_allow_together():
    together = combine([DateWindow("2016-07-01", None, ("a",)),
                        DateWindow("2016-05-01", "2016-11-08", ("b",))])  # fmt: skip
    assert (together.start, together.end, together.evidence) == ("2016-07-01", "2016-11-08",
                                                                  ("a", "b"))  # fmt: skip
    assert combine([]) is None


def test_renamed_actors_date_their_new_names_but_not_the_old_ones_or_acronyms():
    spans = name_spans_of(ActorDictionary.load())
    dated = {(s.actor_id, name_key(s.name)): s for s in spans}
    assert dated[("jabhat-fateh-al-sham", "jabhat fateh al sham")].since == "2016-07"
    assert ("jabhat-fateh-al-sham", "nusra front") not in dated  # still used after 2016
    assert ("jabhat-fateh-al-sham", "nusra") not in dated
    assert all(s.until is None for s in spans if s.actor_id == "jabhat-fateh-al-sham")
