"""Estimated windows for undated articles: from the dated names they use and their story."""

from rashomon.extract.actor_dictionary import ActorDictionary
from rashomon.facts import ArticleFact, ArticleFacts, DateWindow, MentionFact, NameSpan
from rashomon.pipeline.placement import name_spans_of
from rashomon.reconcile.stories import StoryConfig, StoryFeatures, StoryIndex
from rashomon.reconcile.windows import combine, estimate_window, name_key, told_days

SPANS = (
    NameSpan("Jabhat Fateh al-Sham", "jfs", since="2016-07"),
    NameSpan("US president-elect", "trump", since="2016-11", until="2017-01"),
)


def facts(*names: tuple[str, str], body: str = "") -> ArticleFacts:
    mentions = tuple(
        MentionFact("a", n * 10, n * 10 + len(text), text, "organisation", 0, 100, actor_id=actor)
        for n, (text, actor) in enumerate(names)
    )
    return ArticleFacts(ArticleFact("a", "AFP"), body=body, mentions=mentions)


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


# -- what the page's own words allow -----------------------------------------------------------

FEAST = "The square was crowded after people broke the fast during the holy month of Ramadan."


def test_a_feast_named_without_a_year_keeps_a_story_of_other_months_from_lending_its_days():
    # Ramadan 2019 ran from about 6 May to 4 June: a story of late July lends nothing
    assert estimate_window(facts(body=FEAST), (), ("2019-07-22", "2019-07-23")) is None
    lent = estimate_window(facts(body=FEAST), (), ("2019-05-20", "2019-05-22"))
    assert (lent.start, lent.end) == ("2019-05-13", "2019-05-29")
    assert "names Ramadan without a year" in lent.evidence


def test_a_yearless_day_bounds_the_page_to_the_months_after_it():
    page = facts(body="Troops took the village on March 3, and lost it again this week.")
    assert estimate_window(page, (), ("2018-05-01", "2018-05-02")) is not None
    assert estimate_window(page, (), ("2018-11-20", "2018-11-21")) is None
    assert estimate_window(page, ()) is None  # some months of every year: no window of its own


def test_a_weekday_with_a_yearless_day_picks_the_years_and_names_date_it_further():
    # 8 May fell on a Monday in 2017 and 2023; the renamed group's name rules out 2017
    spans = (NameSpan("Hayat Tahrir al-Sham", "hts", since="2017-01"),)
    page = facts(("Hayat Tahrir al-Sham", "hts"), body="The town fell on Monday 8 May.")
    told = told_days(page, spans)
    years = {a.year for a, _ in told.spans} | {b.year for _, b in told.spans}
    assert 2017 in years and 2018 not in years and 2016 not in years
    unlent = estimate_window(page, spans, ("2018-05-10", "2018-05-12"))
    assert (unlent.start, unlent.end) == ("2017-01-01", None)  # the name's bound alone
    lent = estimate_window(page, spans, ("2017-05-09", "2017-05-10"))
    assert (lent.start, lent.end) == ("2017-05-02", "2017-05-17")


def test_feasts_of_other_years_people_called_after_them_and_named_days_bound_nothing():
    for body in ("Last Ramadan the town was calm.", "Ramadan 2016 was calm.",
                 "Tariq Ramadan spoke.", "The leader Ramadan Shallah spoke.",
                 "It recalled the September 11 attacks.", "It fell on May 8, 2019."):  # fmt: skip
        assert told_days(facts(body=body)) is None, body


def test_an_undated_page_its_words_date_elsewhere_does_not_join_a_story():
    index = StoryIndex(StoryConfig())
    market = "air strike market town killed civilians stalls"
    index.add(StoryFeatures("d", market, published="2019-07-22"))
    told = told_days(facts(body=FEAST))
    page = StoryFeatures("u", market, allowed=told.as_iso())
    assert index.add(page) != index.story_of("d")


def titled(body: str, name: str, actor: str) -> ArticleFacts:
    at = body.index(name)
    mention = MentionFact("a", at, at + len(name), name, "person", 0, len(body), actor_id=actor)
    return ArticleFacts(ArticleFact("a", "AFP"), body=body, mentions=(mention,))


TITLES = (
    NameSpan("US president-elect", "trump", since="2016-11-09", until="2017-01-19", role=True),
    NameSpan("Israeli prime minister", "pm", since="2009-03", until="2021-06", role=True),
    NameSpan("Israeli prime minister", "pm", since="2022-12", role=True),
)


def test_a_title_held_for_a_time_before_its_holders_name_dates_the_page_unless_past():
    page = titled("He met US President-elect Donald Trump in New York.", "Donald Trump", "trump")
    window = estimate_window(page, TITLES)
    assert (window.start, window.end) == ("2016-11-09", "2017-01-19")
    assert window.evidence == (
        "names 'US President-elect Donald Trump', a title held from 2016-11-09 until 2017-01-19",
    )
    for body in ("He met former US president-elect Donald Trump.", "He met Donald Trump."):
        assert estimate_window(titled(body, "Donald Trump", "trump"), TITLES) is None, body


def test_a_title_held_for_two_terms_allows_both():
    page = titled("Israeli Prime Minister Ann Example spoke.", "Ann Example", "pm")
    told = told_days(page, TITLES)
    assert [(a.year, b.year) for a, b in told.spans] == [(2009, 2021), (2022, 2100)]
    assert estimate_window(page, TITLES, ("2021-12-01", "2021-12-02")).evidence == told.evidence


def test_the_dictionarys_dated_titles_date_pages():
    spans = [s for s in name_spans_of(ActorDictionary.load()) if s.role]
    elect = [s for s in spans if s.actor_id == "donald-trump" and "elect" in s.name]
    assert elect and elect[0].since == "2016-11-09"
