"""Date mentions: what counts as one, the text it covers, and its value against publication.

Unit cases are short sentences of our own parsed by the real pipeline; the publication day
2016-11-01 is a Tuesday. Seed cases check the acceptance examples of the issue.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from rashomon.extract.dates import find_dates
from rashomon.model import DateMention, DatePrecision, FoundIn, PublicationDate
from rashomon.nlp import load_pipeline
from rashomon.settings import DEFAULT_MODEL

TUESDAY = "2016-11-01"
Found = tuple[str, str | None, str | None, str]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(DEFAULT_MODEL)


def published(value: str | None) -> PublicationDate | None:
    """A publication date at the precision its ISO string states."""
    if value is None:
        return None
    precision = {10: DatePrecision.DAY, 7: DatePrecision.MONTH, 4: DatePrecision.YEAR}[len(value)]
    return PublicationDate(value, precision, FoundIn.USER)


def mentions(doc: Doc, on: str | None = TUESDAY) -> list[Found]:
    return [(m.text, m.value, m.precision, m.relation) for m in find_dates(doc, published(on))]


@pytest.fixture(scope="module")
def dates(nlp: Language):
    def read(text: str, on: str | None = TUESDAY) -> list[Found]:
        return mentions(nlp(text), on)

    return read


# -- weekdays ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Rebels shelled the market on Friday.", ("Friday", "2016-10-28")),
        ("Aid arrived Saturday.", ("Saturday", "2016-10-29")),
        ("The envoy landed in Beirut late Monday.", ("late Monday", "2016-10-31")),
        ("Gunmen struck early Tuesday.", ("early Tuesday", "2016-11-01")),
        ("The minister flew home late on Friday.", ("late on Friday", "2016-10-28")),
        ("Drones circled the town on Monday night.", ("Monday night", "2016-10-31")),
        ("Monitors counted the dead on saturday.", ("saturday", "2016-10-29")),
    ],
)
def test_weekday_is_the_last_one_on_or_before_publication(dates, sentence, expected) -> None:
    assert dates(sentence) == [(*expected, "day", "on")]


def test_the_pages_date_after_an_agencys_credit_in_a_run_together_head_is_no_mention(dates):
    """ "American among 18 jihadists killed in Syria raid NGO AFP Friday 5 Sep 2014 The death
    toll ...": the page dating itself (read as the publication date), not a day the
    headline's killing happened on; the same day in the reporting is a mention."""
    head = "American among 18 jihadists killed in Syria raid NGO AFP Friday 5 Sep 2014 "
    assert dates(head + "The toll from the raid has risen to 18.", "2014-09-05") == []
    found = dates("A raid on Friday 5 Sep 2014 killed 18 jihadists, the NGO said.", "2014-09-05")
    assert [f[1] for f in found] == ["2014-09-05"]


def test_possessive_weekday_leaves_the_s_out(nlp: Language) -> None:
    doc = nlp("Friday's bombing destroyed a bakery.")
    (found,) = find_dates(doc, published(TUESDAY))
    assert found == DateMention(0, 6, "Friday", "2016-10-28", "day", "on")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Rebels took the hill last Tuesday.", ("last Tuesday", "2016-10-25")),
        ("Rebels took the hill last Friday.", ("last Friday", "2016-10-28")),
        ("The vote is next Friday.", ("next Friday", "2016-11-04")),
        ("The vote is next Tuesday.", ("next Tuesday", "2016-11-08")),
        ("Talks open this coming Friday.", ("this coming Friday", "2016-11-04")),
    ],
)
def test_last_next_and_this_coming_weekday(dates, sentence, expected) -> None:
    assert dates(sentence) == [(*expected, "day", "on")]


def test_weekday_of_a_future_verb_is_the_next_one(dates) -> None:
    assert dates("The two sides will meet again on Thursday.") == [
        ("Thursday", "2016-11-03", "day", "on")
    ]
    assert dates("The blockade will last until Friday.") == [
        ("Friday", "2016-11-04", "day", "until")
    ]


def test_weekdays_joined_in_one_entity_are_split(dates) -> None:
    assert dates("Fighting flared on Sunday and Monday.") == [
        ("Sunday", "2016-10-30", "day", "on"),
        ("Monday", "2016-10-31", "day", "on"),
    ]


def test_weekday_range_starts_since_and_ends_until(dates) -> None:
    assert dates("The truce held from Saturday to Monday.") == [
        ("Saturday", "2016-10-29", "day", "since"),
        ("Monday", "2016-10-31", "day", "until"),
    ]


def test_between_two_dates_is_a_range(dates) -> None:
    assert dates("Between October 3 and October 9, 40 people died.") == [
        ("October 3", "2016-10-03", "day", "since"),
        ("October 9", "2016-10-09", "day", "until"),
    ]


def test_weekday_of_a_named_week(dates) -> None:
    assert dates("The vote is set for Friday of next week.") == [
        ("Friday of next week", "2016-11-11", "day", "on")
    ]


def test_weekday_counted_from_something_else_stays_unresolved(dates) -> None:
    assert dates("The raid happened the Friday before last.") == [("Friday", None, None, "on")]


def test_a_weekday_that_qualifies_a_noun_is_the_last_such_day(dates) -> None:
    # "the Sunday night airstrike" is last Sunday's, as "on Sunday night" is
    assert dates("The Sunday night airstrike killed two commanders.") == [
        ("Sunday night", "2016-10-30", "day", "on")
    ]


def test_weekday_missed_by_the_model_is_found_by_the_token_pass(nlp: Language) -> None:
    doc = nlp("Shelling has not stopped since Friday, residents said.")
    doc.ents = []  # as if the model had missed it
    assert mentions(doc) == [("Friday", "2016-10-28", "day", "since")]


def test_weekday_mistagged_alone_as_a_name_is_still_a_day(nlp: Language) -> None:
    doc = nlp("Jets returned on Friday.")
    friday = next(t for t in doc if t.text == "Friday")
    doc.ents = [Span(doc, friday.i, friday.i + 1, label="ORG")]
    assert mentions(doc) == [("Friday", "2016-10-28", "day", "on")]


@pytest.mark.parametrize(
    "sentence",
    ["The Sunday Times reported the raid.", "Good Friday passed quietly in the old city."],
)
def test_weekday_inside_a_name_is_not_a_date(dates, sentence) -> None:
    assert dates(sentence) == []


# -- day words ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Officials met today to discuss aid.", ("today", "2016-11-01")),
        ("Troops arrived tonight.", ("tonight", "2016-11-01")),
        ("The envoy spoke this morning.", ("this morning", "2016-11-01")),
        ("Aid will arrive tomorrow.", ("tomorrow", "2016-11-02")),
        ("The strike came yesterday.", ("yesterday", "2016-10-31")),
        ("He promised to return yesterday morning.", ("yesterday morning", "2016-10-31")),
        ("Clashes erupted last night in the old city.", ("last night", "2016-10-31")),
    ],
)
def test_day_words_are_relative_to_the_publication_day(dates, sentence, expected) -> None:
    assert dates(sentence) == [(*expected, "day", "on")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("On Christmas Eve, an air strike hit the camp.", ("Christmas Eve", "2023-12-24")),
        ("Shelling resumed on Boxing Day.", ("Boxing Day", "2023-12-26")),
        ("On New Year's Day a missile hit the city.", ("New Year's Day", "2023-01-01")),
    ],
)
def test_holidays_of_one_calendar_day_are_that_day(dates, sentence, expected) -> None:
    assert dates(sentence, on="2023-12-29") == [(*expected, "day", "on")]


def test_a_period_start_told_of_a_part_of_the_day_and_named_again_is_since(dates) -> None:
    found = dates("Buses have waited since the morning of yesterday, Monday, in the town.")
    assert [(text, relation) for text, _, _, relation in found] == [
        ("yesterday", "since"),
        ("Monday", "since"),
    ]
    assert dates("Troops attacked on the morning of Monday.")[0][3] == "on"


# -- weeks, months, years relative to publication ----------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The ceasefire collapsed last week.", ("last week", "2016-W43", "week")),
        ("Turnout fell this week.", ("this week", "2016-W44", "week")),
        ("The vote is due next week.", ("next week", "2016-W45", "week")),
        ("Prices rose last month.", ("last month", "2016-10", "month")),
        ("Prices rose this month.", ("this month", "2016-11", "month")),
        ("The deal was signed earlier this month.", ("earlier this month", "2016-11", "month")),
        ("The vote is due next month.", ("next month", "2016-12", "month")),
        (
            "The deal was struck at the end of last month.",
            ("the end of last month", "2016-10", "month"),
        ),
        ("The drought ended last year.", ("last year", "2015", "year")),
        ("The offensive began this year.", ("this year", "2016", "year")),
        ("The group was renamed earlier this year.", ("earlier this year", "2016", "year")),
        ("The election is next year.", ("next year", "2017", "year")),
        ("The offensive resumed late last year.", ("late last year", "2015", "year")),
    ],
)
def test_relative_week_month_and_year(dates, sentence, expected) -> None:
    assert dates(sentence) == [(*expected, "on")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The siege started six months ago.", ("six months ago", "2016-05", "month")),
        ("The convoy left two weeks ago.", ("two weeks ago", "2016-W42", "week")),
        ("They met about two weeks ago.", ("about two weeks ago", "2016-W42", "week")),
        ("The bridge was destroyed three days ago.", ("three days ago", "2016-10-29", "day")),
        ("The war began five years ago.", ("five years ago", "2011", "year")),
        ("They met a year ago.", ("a year ago", "2015", "year")),
    ],
)
def test_units_ago_take_the_precision_of_the_unit(dates, sentence, expected) -> None:
    assert dates(sentence) == [(*expected, "on")]


@pytest.mark.parametrize(
    ("sentence", "on", "expected"),
    [  # a weekend lies in the ISO week of its Sunday
        ("The weekend massacre shocked the world.", TUESDAY, ("The weekend", "2016-W43")),
        ("Rebels shelled the town over the weekend.", TUESDAY, ("the weekend", "2016-W43")),
        ("Talks will resume next weekend.", TUESDAY, ("next weekend", "2016-W44")),
        ("The talks will resume this weekend.", TUESDAY, ("this weekend", "2016-W44")),
        ("Jets struck the market this weekend.", "2016-10-30", ("this weekend", "2016-W43")),
        ("Jets struck the market last weekend.", "2016-10-30", ("last weekend", "2016-W42")),
    ],
)
def test_a_weekend_is_the_last_one_before_publication_or_the_next_one_foretold(
    dates, sentence, on, expected
) -> None:
    assert dates(sentence, on) == [(*expected, "week", "on")]


def test_vague_count_ago_is_kept_unresolved(dates) -> None:
    assert dates("Aid stopped a few days ago.") == [("a few days ago", None, None, "on")]


def test_the_past_month_is_a_period_since_one_month_before(dates) -> None:
    assert dates("Some 300 people died in the past month.") == [
        ("the past month", "2016-10", "month", "since")
    ]
    assert dates("Shelling has killed 40 people over the past two weeks.") == [
        ("the past two weeks", "2016-W42", "week", "since")
    ]


def test_the_past_few_days_is_kept_unresolved(dates) -> None:
    assert dates("Shelling has killed 40 people in the past few days.") == [
        ("the past few days", None, None, "since")
    ]


# -- absolute dates ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The army took the town on September 30, 2015.",
            ("September 30, 2015", "2015-09-30", "day", "on"),
        ),
        ("The city fell on 30 September 2015.", ("30 September 2015", "2015-09-30", "day", "on")),
        ("The camp was emptied in August 2016.", ("August 2016", "2016-08", "month", "on")),
        ("The city fell in 2014.", ("2014", "2014", "year", "on")),
        ("The uprising has raged since 2011.", ("2011", "2011", "year", "since")),
        ("Fighting eased in early 2015.", ("early 2015", "2015", "year", "on")),
        (
            "The leaders met on Monday, October 31, 2016.",
            ("Monday, October 31, 2016", "2016-10-31", "day", "on"),
        ),
    ],
)
def test_dates_with_a_year(dates, sentence, expected) -> None:
    assert dates(sentence) == [expected]
    assert dates(sentence, on=None) == [expected]  # they need no publication date


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Rebels held the town in summer 2015.", ("summer 2015", "2015")),
        ("Refugees fled in the spring of 2013.", ("the spring of 2013", "2013")),
    ],
)
def test_season_with_a_year_is_that_year(dates, sentence, expected) -> None:
    assert dates(sentence) == [(*expected, "year", "on")]


def test_season_without_a_year_is_the_last_one_begun(dates) -> None:
    assert dates("Since the summer, the district has been besieged.") == [
        ("the summer", "2016", "year", "since")
    ]
    assert dates("Several children died last winter.") == [("last winter", "2015", "year", "on")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The bombing started on September 30.", ("September 30", "2016-09-30", "day", "on")),
        ("Talks began on 30 September.", ("30 September", "2016-09-30", "day", "on")),
        ("No aid has entered since September 30.", ("September 30", "2016-09-30", "day", "since")),
        ("The border was closed in July.", ("July", "2016-07", "month", "on")),
        ("The group changed its name in mid-October.", ("mid-October", "2016-10", "month", "on")),
        ("Talks stalled on Monday, October 31.", ("Monday, October 31", "2016-10-31", "day", "on")),
        ("The ceasefire was agreed last September.", ("last September", "2016-09", "month", "on")),
        (
            "The crisis began in September last year.",
            ("September last year", "2015-09", "month", "on"),
        ),
    ],
)
def test_dates_without_a_year_take_the_publication_year(dates, sentence, expected) -> None:
    assert dates(sentence) == [expected]


def test_date_without_a_year_after_publication_is_last_year(dates) -> None:
    assert dates("The camp was cleared on November 5.") == [
        ("November 5", "2015-11-05", "day", "on")
    ]
    assert dates("The town was besieged in December.") == [("December", "2015-12", "month", "on")]


def test_february_29_in_a_common_year_is_unresolved(dates) -> None:
    assert dates("The pact was signed on February 29.", on="2017-03-01") == [
        ("February 29", None, None, "on")
    ]


# -- relations ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "relation"),
    [
        ("Rebels have shelled the district since Friday.", "since"),
        ("The truce held until Monday.", "until"),
        ("The raid came before Friday's vote.", "before"),
        ("The bridge was reopened prior to Friday.", "before"),
        ("The siege was lifted after Saturday's talks.", "after"),
        ("We met them on Friday.", "on"),
    ],
)
def test_relation_comes_from_the_preposition_outside_the_text(dates, sentence, relation) -> None:
    (found,) = dates(sentence)
    assert found[0] in ("Friday", "Monday", "Saturday")
    assert found[3] == relation


# -- not dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The three-month encirclement continued.",
        "The army has held the airport for several years.",
        "Talks lasted about two weeks.",
        "The four-year war has killed thousands.",
        "Describing the seven-hour meeting, he smiled.",
        "A 12-year-old girl was rescued.",
        "It was the third attack on the clinic.",
        "We will not leave, he said.",
        "The group was founded in the 1970s.",
        "Troops withdrew two days later.",
        "Fighting eased at 10:30 a.m. local time.",
        "Rebels have been besieged for months.",
        "Earlier in the day the army advanced.",
    ],
)
def test_durations_ages_ordinals_decades_and_clock_times_are_skipped(dates, sentence) -> None:
    assert dates(sentence) == []


# -- what the publication date allows ----------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The envoy landed in Beirut late Monday.",
        "The siege started six months ago.",
        "The vote is due next week.",
        "The bombing started on September 30.",
        "Prices rose last month.",
        "The strike came yesterday.",
        "Since the summer, the district has been besieged.",
    ],
)
def test_relative_dates_stay_unresolved_without_publication_date(dates, sentence) -> None:
    ((text, value, precision, _),) = dates(sentence, on=None)
    assert text
    assert (value, precision) == (None, None)


def test_month_precision_publication_resolves_months_not_days(dates) -> None:
    assert dates("The envoy landed in Beirut late Monday.", on="2016-11") == [
        ("late Monday", None, None, "on")
    ]
    assert dates("The vote is due next week.", on="2016-11") == [("next week", None, None, "on")]
    assert dates("Prices rose last month.", on="2016-11") == [
        ("last month", "2016-10", "month", "on")
    ]
    assert dates("The siege started six months ago.", on="2016-11") == [
        ("six months ago", "2016-05", "month", "on")
    ]
    assert dates("The camp was cleared on November 5.", on="2016-11") == [
        ("November 5", "2016-11-05", "day", "on")
    ]


def test_year_precision_publication_resolves_years_only(dates) -> None:
    assert dates("The drought ended last year.", on="2016") == [("last year", "2015", "year", "on")]
    assert dates("Prices rose last month.", on="2016") == [("last month", None, None, "on")]
    assert dates("The bombing started on September 30.", on="2016") == [
        ("September 30", None, None, "on")
    ]


# -- year rollover (published Tuesday 2017-01-03) ----------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Rebels shelled the market on Friday.", ("Friday", "2016-12-30", "day")),
        ("The vote is next Friday.", ("next Friday", "2017-01-06", "day")),
        ("The strike came yesterday.", ("yesterday", "2017-01-02", "day")),
        ("The town was besieged in December.", ("December", "2016-12", "month")),
        ("Prices rose last month.", ("last month", "2016-12", "month")),
        ("The ceasefire collapsed last week.", ("last week", "2016-W52", "week")),
        ("Turnout fell this week.", ("this week", "2017-W01", "week")),
        ("The drought ended last year.", ("last year", "2016", "year")),
        ("The siege started six months ago.", ("six months ago", "2016-07", "month")),
    ],
)
def test_year_rollover(dates, sentence, expected) -> None:
    assert dates(sentence, on="2017-01-03") == [(*expected, "on")]


# -- shape of the output -----------------------------------------------------------------------


def test_offsets_cover_the_text_and_mentions_come_in_order(nlp: Language) -> None:
    doc = nlp(
        "Since Friday, shelling has killed 12. On Monday, October 31, talks failed late Monday."
    )
    found = find_dates(doc, published(TUESDAY))
    assert [m.text for m in found] == ["Friday", "Monday, October 31", "late Monday"]
    assert all(doc.text[m.start : m.end] == m.text for m in found)
    assert [m.start for m in found] == sorted(m.start for m in found)


# -- seeds (acceptance examples of the issue) --------------------------------------------------


def _seed(nlp: Language, seed_text, prefix: str) -> Doc:
    return nlp(seed_text(prefix))


def test_seed_000_resolves_against_tuesday_1_november_2016(nlp: Language, seed_text) -> None:
    found = {m.text: m for m in find_dates(_seed(nlp, seed_text, "000"), published(TUESDAY))}
    assert (found["late Monday"].value, found["late Monday"].precision) == ("2016-10-31", "day")
    assert (found["six months ago"].value, found["six months ago"].precision) == (
        "2016-05",
        "month",
    )
    assert (found["next week"].value, found["next week"].precision) == ("2016-W45", "week")
    assert "three-month" not in found


def test_seed_000_on_friday_and_since_friday(nlp: Language, seed_text) -> None:
    doc = _seed(nlp, seed_text, "000")
    fridays = [m for m in find_dates(doc, published(TUESDAY)) if m.text == "Friday"]
    assert [(m.value, m.relation) for m in fridays] == [
        ("2016-10-28", "on"),
        ("2016-10-28", "since"),
    ]
    assert doc.text[fridays[0].start - 3 : fridays[0].end] == "on Friday"


def test_seed_000_without_publication_date_stays_unresolved(nlp: Language, seed_text) -> None:
    found = find_dates(_seed(nlp, seed_text, "000"), None)
    assert {"late Monday", "Friday", "next week", "six months ago"} <= {m.text for m in found}
    assert all(m.value is None and m.precision is None for m in found)


def test_seed_004_resolves_against_26_october_2015(nlp: Language, seed_text) -> None:
    found = {m.text: m for m in find_dates(_seed(nlp, seed_text, "004"), published("2015-10-26"))}
    assert (found["September 30"].value, found["September 30"].precision) == ("2015-09-30", "day")
    assert (found["Earlier this month"].value, found["Earlier this month"].precision) == (
        "2015-10",
        "month",
    )
    assert found["October 24, 2015"].value == "2015-10-24"
    assert "four-year" not in found


def test_a_day_of_the_month_alone_is_of_the_month_of_writing_or_the_one_before(dates) -> None:
    """ "which took place on the 16th" (published 2022-03-26) is March 16; a day yet to come
    in the month of writing is the month before's; an ordinal that counts something is no
    day."""
    assert dates("The attack, which took place on the 16th, killed 300.", "2022-03-26") == [
        ("the 16th", "2022-03-16", "day", "on")
    ]
    assert dates("The strike on the 28th killed ten.", "2022-03-26") == [
        ("the 28th", "2022-02-28", "day", "on")
    ]
    assert dates("It happened on the 16th floor.", "2022-03-26") == []
