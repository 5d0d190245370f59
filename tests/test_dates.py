"""Publication dates from strings, URLs and article leads: exact values, precision and origin."""

from __future__ import annotations

import pytest

from rashomon.article.dates import (
    date_from_text_lead,
    date_from_url,
    lead_stamp_length,
    parse_date,
    text_date_beats_record,
)
from rashomon.model import DatePrecision, FoundIn, PublicationDate

DAY, MONTH, YEAR = DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR


def parsed(text: str, order: str = "MDY") -> PublicationDate | None:
    return parse_date(text, found_in=FoundIn.RECORD, order=order)


def value(text: str, order: str = "MDY") -> tuple[str, DatePrecision] | None:
    found = parsed(text, order)
    return None if found is None else (found.value, found.precision)


# --- parse_date: ISO and numeric ---------------------------------------------------------------


def test_iso_day() -> None:
    assert parsed("2016-11-01") == PublicationDate("2016-11-01", DAY, FoundIn.RECORD)


def test_found_in_is_passed_through() -> None:
    assert parse_date("2016-11-01", found_in=FoundIn.USER).found_in is FoundIn.USER
    assert parse_date("2016-11-01", found_in=FoundIn.METADATA).found_in is FoundIn.METADATA


@pytest.mark.parametrize(
    "text",
    [
        "2016-11-01T10:00:00Z",
        "2016-11-01T10:00:00.123+0000",
        "2016-11-01T10:00",
        "2016-11-01 10:00:00+03:00",
        "2016-11-01 10:00:00",
        "20161101",
        "2016/11/01",
        "2016.11.01",
    ],
)
def test_iso_like_datetimes_keep_the_stated_day(text: str) -> None:
    assert value(text) == ("2016-11-01", DAY)


def test_year_month() -> None:
    assert parsed("2016-11") == PublicationDate("2016-11", MONTH, FoundIn.RECORD)


def test_year_only() -> None:
    assert parsed("2016") == PublicationDate("2016", YEAR, FoundIn.RECORD)


def test_surrounding_whitespace_is_ignored() -> None:
    assert value("  2016-11-01\n") == ("2016-11-01", DAY)
    assert value("\t4/5/2017 ") == ("2017-04-05", DAY)


def test_fakes_slash_date_defaults_to_month_first() -> None:
    assert value("4/5/2017") == ("2017-04-05", DAY)


def test_day_first_order() -> None:
    assert value("4/5/2017", order="DMY") == ("2017-05-04", DAY)


@pytest.mark.parametrize("text", ["04.05.2017", "4-5-2017", "04/05/2017"])
def test_dot_and_dash_separators(text: str) -> None:
    assert value(text) == ("2017-04-05", DAY)
    assert value(text, order="DMY") == ("2017-05-04", DAY)


@pytest.mark.parametrize("order", ["MDY", "DMY"])
def test_day_above_twelve_first_wins_over_order(order: str) -> None:
    assert value("24/10/2016", order=order) == ("2016-10-24", DAY)


@pytest.mark.parametrize("order", ["MDY", "DMY"])
def test_day_above_twelve_second_wins_over_order(order: str) -> None:
    assert value("10/24/2016", order=order) == ("2016-10-24", DAY)


def test_mixed_separators_are_not_a_date() -> None:
    assert parsed("4/5.2017") is None


@pytest.mark.parametrize("text", ["4/5/17", "24/10/16", "Oct 24, 16"])
def test_two_digit_years_are_refused(text: str) -> None:
    assert parsed(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "2/30/2016",
        "13/13/2016",
        "2015-02-29",
        "2016-13-01",
        "2016-00",
        "20161301",
        "31 April 2017",
        "February 30, 2016",
        "0/5/2017",
    ],
)
def test_impossible_calendar_dates(text: str) -> None:
    assert parsed(text) is None


def test_leap_day_is_valid() -> None:
    assert value("2/29/2016") == ("2016-02-29", DAY)


def test_years_outside_news_range_are_refused() -> None:
    assert parsed("1066") is None
    assert parsed("3016-01-01") is None


@pytest.mark.parametrize(
    "text", ["", "   ", "we", "may", "May", "today", "37812345", "12345", "10:32", "Syria 2016"]
)
def test_non_dates(text: str) -> None:
    assert parsed(text) is None


@pytest.mark.parametrize("order", ["mdy", "YMD", "", "DM"])
def test_order_is_validated(order: str) -> None:
    with pytest.raises(ValueError, match="order"):
        parse_date("4/5/2017", found_in=FoundIn.USER, order=order)


# --- parse_date: month names -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Wed 05 Apr 2017",
        "Wed, 05 Apr 2017",
        "Wednesday 5 April 2017",
        "5 April 2017",
        "5 April, 2017",
        "5th April 2017",
        "5th of April 2017",
        "05-Apr-2017",
        "April 5, 2017",
        "April 5 2017",
        "April 5th, 2017",
        "Apr. 5, 2017",
        "APRIL 5, 2017",
        "april 5, 2017",
    ],
)
def test_month_name_days(text: str) -> None:
    assert value(text) == ("2017-04-05", DAY)


def test_abbreviation_with_period() -> None:
    assert value("Oct. 24, 2015") == ("2015-10-24", DAY)


def test_weekday_with_comma() -> None:
    assert value("Monday, October 24, 2016") == ("2016-10-24", DAY)


@pytest.mark.parametrize("text", ["Sept. 5, 2016", "Sep 5, 2016", "September 5, 2016"])
def test_september_spellings(text: str) -> None:
    assert value(text) == ("2016-09-05", DAY)


def test_month_and_year_only() -> None:
    assert parsed("October 2015") == PublicationDate("2015-10", MONTH, FoundIn.RECORD)


@pytest.mark.parametrize("text", ["Sept 2016", "Sep. 2016", "September, 2016"])
def test_abbreviated_month_and_year(text: str) -> None:
    assert value(text) == ("2016-09", MONTH)


@pytest.mark.parametrize(
    "text",
    [
        "October 24, 2016 10:32 GMT",
        "October 24, 2016 10:32 AM",
        "October 24, 2016, 10:32 a.m.",
        "October 24, 2016 at 10:32",
        "24 October 2016 15.02 BST",
        "24 October 2016 | 10:32",
        "Mon, 24 Oct 2016 10:32:05 +0000",
        "Mon, 24 Oct 2016 10:32:05 GMT+3",
        "10/24/2016 10:32 PM",
    ],
)
def test_trailing_time_is_ignored(text: str) -> None:
    assert value(text) == ("2016-10-24", DAY)


def test_trailing_word_is_not_a_time_zone() -> None:
    assert parsed("October 24, 2016 10:32 Syria") is None


def test_month_name_with_extra_words_is_not_a_date() -> None:
    assert parsed("October 24, 2016 in Aleppo") is None
    assert parsed("on October 24, 2016") is None


# --- date_from_url -----------------------------------------------------------------------------


def test_url_slash_date() -> None:
    url = "https://www.aljazeera.com/news/2016/10/26/syria-school-attack"
    assert date_from_url(url) == PublicationDate("2016-10-26", DAY, FoundIn.URL)


def test_url_slash_date_unpadded_and_trailing_slash() -> None:
    assert date_from_url("http://example.com/2016/3/7/") == PublicationDate(
        "2016-03-07", DAY, FoundIn.URL
    )


def test_url_dashed_date_segment() -> None:
    assert date_from_url("https://example.com/world/2016-10-26/") == PublicationDate(
        "2016-10-26", DAY, FoundIn.URL
    )


def test_url_dashed_date_with_slug() -> None:
    found = date_from_url("https://example.com/2016-10-26-idlib-school-strike")
    assert found == PublicationDate("2016-10-26", DAY, FoundIn.URL)


def test_url_compact_date_segment() -> None:
    found = date_from_url("https://www.reuters.com/article/20161026/syria")
    assert found == PublicationDate("2016-10-26", DAY, FoundIn.URL)


def test_url_compact_date_with_slug() -> None:
    found = date_from_url("https://example.com/news/20161026-idlib-school-strike.html")
    assert found == PublicationDate("2016-10-26", DAY, FoundIn.URL)


def test_url_year_and_month_only() -> None:
    found = date_from_url("https://example.com/2016/10/idlib-school-strike.html")
    assert found == PublicationDate("2016-10", MONTH, FoundIn.URL)


def test_url_month_name_segment() -> None:
    url = "https://www.theguardian.com/world/2016/oct/26/syria-idlib-school-airstrike"
    assert date_from_url(url) == PublicationDate("2016-10-26", DAY, FoundIn.URL)


def test_url_without_scheme() -> None:
    found = date_from_url("www.example.com/2016/10/26/story")
    assert found == PublicationDate("2016-10-26", DAY, FoundIn.URL)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.bbc.com/news/world-middle-east-37812345",
        "https://www.bbc.com/news/world-middle-east-20161026",
        "https://example.com/story/12345678",
        "https://example.com/story-20161026x/",
        "https://example.com/2016/13/01/story",
        "https://example.com/20160230/",
        "https://example.com/1985/10/26/story",
        "https://example.com/2150/10/26/story",
        "https://example.com/search?date=2016-10-26",
        "https://example.com/2016/story",
        "",
    ],
)
def test_url_non_dates(url: str) -> None:
    assert date_from_url(url) is None


def test_url_impossible_day_keeps_no_wrong_precision() -> None:
    # An invalid day must not degrade to a confident-looking month of the same segment run.
    assert date_from_url("https://example.com/2016/02/30/story") is None


def test_url_takes_first_date_in_path() -> None:
    found = date_from_url("https://example.com/2016/10/26/story/2017/01/01/")
    assert found is not None and found.value == "2016-10-26"


# --- date_from_text_lead -----------------------------------------------------------------------


def test_body_starting_with_a_date() -> None:
    body = "Wed 05 Apr 2017 Syria attack symptoms consistent with nerve agent use, WHO says."
    assert date_from_text_lead(body) == PublicationDate("2017-04-05", DAY, FoundIn.TEXT)


def test_body_starting_with_date_and_time() -> None:
    body = "April 5, 2017 10:32 AM Syria attack symptoms consistent with nerve agent use."
    assert date_from_text_lead(body) == PublicationDate("2017-04-05", DAY, FoundIn.TEXT)


@pytest.mark.parametrize(
    "line",
    [
        "Published: 24 October 2016",
        "Updated 10:32 GMT, October 24, 2016",
        "Posted on Oct 24, 2016",
        "Last updated: Monday 24 October 2016 15.02 BST",
        "Date: 24/10/2016",
        "Published: 24.10.2016",
        "Posted on 10/24/2016 at 10:32 PM",
        "First published on Mon 24 Oct 2016 10.32 BST",
        "Published 24 October 2016 | Updated 25 October 2016",
        "Date of publication 24 October 2016",
    ],
)
def test_labelled_date_line(line: str) -> None:
    body = f"Syria school strike kills 22\n{line}\nAt least 22 children were killed in Idlib."
    assert date_from_text_lead(body) == PublicationDate("2016-10-24", DAY, FoundIn.TEXT)


def test_date_of_publication_run_into_the_body_beats_the_record() -> None:
    """The New Arab's pages open "Date of publication 3 October 2017 <first sentence>"; a
    record dated two days earlier puts "on Monday" in the wrong week."""
    body = "Date of publication 3 October 2017 The group claims the attack on Monday."
    record = PublicationDate("2017-10-01", DAY, FoundIn.RECORD)
    assert text_date_beats_record(record, body) == PublicationDate("2017-10-03", DAY, FoundIn.TEXT)
    assert body[lead_stamp_length(body) :].startswith("The group claims")


def test_line_that_is_only_a_date() -> None:
    body = "Syria school strike kills 22\n\nOctober 24, 2016.\nAt least 22 children died."
    assert date_from_text_lead(body) == PublicationDate("2016-10-24", DAY, FoundIn.TEXT)


def test_date_only_line_may_be_a_month() -> None:
    body = "Monthly casualty report\nOctober 2015\nThe toll rose in Aleppo."
    assert date_from_text_lead(body) == PublicationDate("2015-10", MONTH, FoundIn.TEXT)


def test_wire_credit_run_into_a_weekday_date_near_the_head() -> None:
    body = (
        "Syria rebel rocket kills five children Rebel rockets hit a school in the north AFP "
        "Sunday 26 Jul 2015 Rebel rocket fire killed five children on Saturday, a monitor said."
    )
    assert date_from_text_lead(body) == PublicationDate("2015-07-26", DAY, FoundIn.TEXT)


def test_a_weekday_date_in_a_sentence_without_a_credit_dates_nothing() -> None:
    body = "Rebels said that on Tuesday 6 Aug 2013 they had taken the base, a monitor said."
    assert date_from_text_lead(body) is None


def test_bare_year_line_is_not_a_publication_date() -> None:
    assert date_from_text_lead("Casualties\n2016\nThe toll rose.") is None


def test_date_line_beyond_the_fifth_line_is_ignored() -> None:
    body = "\n".join(["Line one.", "Line two.", "Line three.", "Line four.", "Line five."])
    assert date_from_text_lead(body + "\nPublished: 24 October 2016") is None


def test_blank_lines_do_not_count_towards_the_five() -> None:
    body = "Title\n\n\n\n\n\nPublished: 24 October 2016\nText."
    assert date_from_text_lead(body) == PublicationDate("2016-10-24", DAY, FoundIn.TEXT)


def test_first_date_line_wins() -> None:
    body = "Published: 24 October 2016\nUpdated: 25 October 2016\nText."
    found = date_from_text_lead(body)
    assert found is not None and found.value == "2016-10-24"


@pytest.mark.parametrize(
    "body",
    [
        "Russia started its air strikes in Syria on September 30",
        "Residents ride a motorbike past damaged buildings in Idlib province, "
        "Syria October 24, 2015.",
        "On October 24, 2016 at least 22 children were killed.",
        "October 2015 was the deadliest month of the war.",
        "2016 was the deadliest year.",
        "Updated figures show 30 killed since March 2016.",
        "Date palms burned in the strike.",
        "",
    ],
)
def test_dates_inside_sentences_are_not_publication_dates(body: str) -> None:
    assert date_from_text_lead(body) is None


def test_body_date_later_in_first_line_is_ignored() -> None:
    body = "Syria attack, Wed 05 Apr 2017: symptoms consistent with nerve agent use"
    assert date_from_text_lead(body) is None


def test_dates_as_text_extraction_leaves_them():
    from rashomon.article.dates import date_from_text_lead

    assert (
        date_from_text_lead("Last updated at Apr 232017 An attack on a camp").value == "2017-04-23"
    )
    assert date_from_text_lead("21.08.2013Get short URL 0 0 0 Forces fired").value == "2013-08-21"
    assert date_from_text_lead("Thu Sep 5 2013 Car bomb kills four").value == "2013-09-05"


def test_text_date_beats_a_contradicted_record_date_only():
    from rashomon.article.dates import text_date_beats_record
    from rashomon.model import DatePrecision, FoundIn, PublicationDate

    record = PublicationDate("2011-02-02", DatePrecision.DAY, FoundIn.RECORD)
    found = text_date_beats_record(record, "Thu Sep 5 2013 Car bomb kills four in the capital.")
    assert (found.value, found.found_in) == ("2013-09-05", FoundIn.TEXT)
    same = PublicationDate("2013-09-05", DatePrecision.DAY, FoundIn.RECORD)
    assert text_date_beats_record(same, "Published September 2013 A car bomb.") is None
    # relative days are no date; a numeric date that reads two ways decides nothing
    assert text_date_beats_record(record, "On Thursday a car bomb killed four.") is None
    assert text_date_beats_record(record, "05-09-2013 A car bomb killed four.") is None
    assert text_date_beats_record(same, "05-09-2013 A car bomb killed four.") is None
    assert (
        text_date_beats_record(record, "15-09-2013 A car bomb killed four.").value == "2013-09-15"
    )


def test_labelled_numeric_stamp_before_a_lower_case_word() -> None:
    body = "date 2023-10-18 al-Hamra hospital was hit on Tuesday"
    assert body[lead_stamp_length(body) :] == "al-Hamra hospital was hit on Tuesday"
    assert lead_stamp_length("2023 saw the war widen") == 0
