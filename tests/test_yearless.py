from dataclasses import replace

import pytest

from rashomon.facts import ArticleFact, ArticleFacts, DateFact, DateWindow
from rashomon.reconcile.yearless import with_window_days

BODY = "The March 16 airstrike devastated the building."


def facts(text: str, window: DateWindow | None, published: str | None = None) -> ArticleFacts:
    at = BODY.index("March 16")
    mention = DateFact("a1", at, at + 8, text, None, None, "on", 0, len(BODY))
    article = ArticleFact("a1", "AP", published=published, window=window)
    return ArticleFacts(article=article, body=BODY, dates=(mention,))


@pytest.mark.parametrize(
    ("text", "end", "day"),
    [
        ("March 16", "2022-07-07", "2022-03-16"),  # the latest such day before the window ends
        ("16 March", "2022-07-07", "2022-03-16"),
        ("Mar. 16th", "2022-07-07", "2022-03-16"),
        ("March 16", "2022-02-10", "2021-03-16"),  # not yet that day this year: the last one
        ("early on March 16", "2022-07-07", "2022-03-16"),  # the words a mention may open with
        ("late on 16 March", "2022-07-07", "2022-03-16"),
    ],
)
def test_a_yearless_day_of_an_undated_page_takes_the_year_its_window_allows(text, end, day):
    (dated,) = with_window_days(facts(text, DateWindow("2022-06-23", end))).dates
    assert (dated.value, dated.precision) == (day, "day")


def test_no_window_a_publication_date_or_no_day_leave_the_mention_as_it_was():
    window = DateWindow("2022-06-23", "2022-07-07")
    for found in (
        facts("March 16", None),
        facts("March 16", DateWindow("2022-06-23", None)),
        facts("March 16", window, published="2022-06-30"),
        facts("Thursday", window),
        facts("Smarch 16", window),
    ):
        assert with_window_days(found) is found
    told = facts("March 16", window)
    valued = replace(told, dates=(replace(told.dates[0], value="2021-03-16", precision="day"),))
    assert with_window_days(valued).dates == valued.dates  # a value it has stands
