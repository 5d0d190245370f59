"""From a saved page to an Article: title, body, outlet, wire and dateline together."""

import pytest

from rashomon.article.build import UserMetadata, build_article
from rashomon.article.outlets import OutletDirectory
from rashomon.model import FoundIn, RawArticle

DIRECTORY = OutletDirectory.load()


def build(text: str, url: str | None = None):
    return build_article(RawArticle(source="page.txt", text=text), DIRECTORY, UserMetadata(url=url))


def test_one_paragraph_wire_story_with_a_byline_keeps_its_body():
    article = build(
        "By Jane Roe and Tim Doe BEIRUT (Reuters) - Syrian rebels said on Monday they had "
        "taken two villages after a night of fighting, and the army denied it."
    )
    assert (article.wire, article.dateline) == ("Reuters", "Beirut")
    assert article.body.startswith("Syrian rebels said on Monday")
    assert article.raw_text[article.offsets.to_raw(0) :].startswith("Syrian rebels")


def test_dateline_after_a_caption_or_a_summary_leaves_the_body():
    article = build(
        "Strike on a clinic denied\n\n"
        "A man walks past a damaged clinic, April 28, 2016. REUTERS/Jane Roe\n\n"
        "The ministry rejected the reports.\n\n"
        "MOSCOW (Reuters) - Russia on Thursday denied its planes struck the clinic.",
        url="https://news.example.com/story-1",
    )
    assert (article.outlet, article.outlet_found_in) == ("example.com", FoundIn.URL)
    assert (article.wire, article.dateline) == ("Reuters", "Moscow")
    assert "(Reuters)" not in article.body and "MOSCOW" not in article.body
    assert article.body.endswith("Russia on Thursday denied its planes struck the clinic.")
    start = article.body.index("Russia on Thursday")
    a, b = article.offsets.span_to_raw(start, start + 6)
    assert article.raw_text[a:b] == "Russia"


def test_city_slash_agency_line_is_a_wire_credit_not_the_title():
    article = build(
        "Beirut / AP\n\nTalks on the city resume next week\n\nDelegates will meet on Monday.",
        url="https://www.example.org/x",
    )
    assert article.title == "Talks on the city resume next week"
    assert article.wire == "AP"
    assert article.body == "Delegates will meet on Monday."


@pytest.mark.parametrize(
    ("credit", "wire"),
    [
        ("Written by Reuters", "Reuters"),
        ("Story by AFP", "AFP"),
        ("By Reuters Staff", "Reuters"),
        ("(With inputs from Reuters)", "Reuters"),
        ("With inputs from AFP", "AFP"),
        ("(With PTI inputs)", "Press Trust of India"),
        ("Courtesy: Reuters", "Reuters"),
        ("This article was provided by Reuters.", "Reuters"),
        ("Copyright 2023 The Associated Press. All rights reserved.", "AP"),
        ("\u00a9 Thomson Reuters 2024", "Reuters"),
        ("With Russia and Turkey at odds, talks stalled.", None),  # no outlet: the text
    ],
)
def test_a_credit_line_naming_an_agency_with_its_own_words_credits_the_wire(credit, wire):
    """ "Written by Reuters", "By Reuters Staff", "(With inputs from Reuters)": the words
    around the agency's name are the credit's; the name is the wire."""
    found = build(
        f"Strike kills 20\n\n{credit}\n\nAn air strike killed 20 people on Monday.",
        url="https://www.example.org/x",
    )
    assert found.wire == wire
    assert (credit in found.body) is (wire is None)


def test_a_capital_run_into_the_agency_or_a_place_agency_and_day_line_credits_the_wire():
    dashed = build(
        "Attack on migrants condemned\n\nANKARA-Anadolu Agency\n\nTurkey condemned the attack.",
        url="https://www.example.org/x",
    )
    assert dashed.wire == "Anadolu Agency" and dashed.body == "Turkey condemned the attack."
    dated = build(
        "Nearly 40 killed in air strike\n\nBy Imed Lamloum\nTripoli (AFP) July 3, 2019\n\n"
        "Nearly 40 migrants were killed in an air strike.",
        url="https://www.example.org/y",
    )
    assert dated.wire == "AFP" and dated.body.startswith("Nearly 40 migrants")
    # a name with a hyphen of its own is no place run into an agency
    own = build("Strike condemned\n\nAl-Manar\n\nHezbollah condemned it.", url="https://x.org/z")
    assert own.wire == "Al-Manar"


def test_an_agency_and_the_pages_section_in_capitals_credit_the_wire():
    article = build(
        "Israel claims to kill a commander\n\nAnadolu Agency MIDDLE EAST\n\n"
        "The army claimed Tuesday to have killed a commander.",
        url="https://www.example.org/x",
    )
    assert article.wire == "Anadolu Agency"
    assert article.body == "The army claimed Tuesday to have killed a commander."
    # a line that merely starts with an agency's name, then says more, is no credit
    told = build(
        "Strike condemned\n\nAFP PHOTOGRAPHER WINS AWARD\n\nIt won.", url="https://x.org/y"
    )
    assert told.wire is None


def test_date_stamp_dates_the_article_without_staying_in_the_body():
    article = build("Talks on the city resume next week\n\n28 Apr 2016\n\nDelegates will meet.")
    assert article.published is not None and article.published.value == "2016-04-28"
    assert article.body == "Delegates will meet."


def test_record_date_contradicted_by_the_text_is_kept_aside_with_a_note():
    from rashomon.model import DatePrecision, PublicationDate

    record = PublicationDate("2011-02-02", DatePrecision.DAY, FoundIn.RECORD)
    raw = RawArticle(
        source="fakes.csv#1",
        text="Thu Sep 5 2013 Car bomb kills four in the capital. Four people were killed.",
        title="Car bomb kills four",
        published=record,
    )
    article = build_article(raw, DIRECTORY, UserMetadata())
    assert (article.published.value, article.published.found_in) == ("2013-09-05", FoundIn.TEXT)
    assert article.published_rejected == record
    assert "2011-02-02" in article.published_note
    given = PublicationDate("2013-09-06", DatePrecision.DAY, FoundIn.USER)
    chosen = build_article(raw, DIRECTORY, UserMetadata(published=given))
    assert chosen.published == given and chosen.published_rejected is None


def test_record_date_before_the_days_the_article_tells_of_is_rejected():
    from rashomon.model import DatePrecision, PublicationDate

    record = PublicationDate("2013-08-13", DatePrecision.DAY, FoundIn.RECORD)
    text = ("On August 21 2013 rockets hit Ghouta. On 15 November 2013 the council met. "
            "The deadline of June 30 2014 was missed.")  # fmt: skip
    raw = RawArticle(source="fakes.csv#2", text=text, title="A year of chemical weapons",
                     published=record)  # fmt: skip
    article = build_article(raw, DIRECTORY, UserMetadata())
    assert article.published is None and article.published_rejected == record
    assert "up to 2014-06-30" in article.published_note
    one_later = RawArticle(source="fakes.csv#3", text="The deadline is June 30 2014.",
                           title="Deadline", published=record)  # fmt: skip
    assert build_article(one_later, DIRECTORY, UserMetadata()).published == record  # a plan


def test_rejected_record_date_is_stored_and_listed(tmp_path):
    from rashomon.model import DatePrecision, PublicationDate
    from rashomon.pipeline import store_article
    from rashomon.store import Store

    record = PublicationDate("2011-02-02", DatePrecision.DAY, FoundIn.RECORD)
    raw = RawArticle(source="fakes.csv#1", text="Thu Sep 5 2013 Four were killed.", title="T",
                     published=record)  # fmt: skip
    article = build_article(raw, DIRECTORY, UserMetadata())
    with Store(tmp_path / "d.db") as store:
        store_article(store, article)
        stored, summary = store.get_article(article.id)
        assert stored.published_rejected == record
        assert summary.published_rejected == "2011-02-02"
        assert summary.published_note == article.published_note


def test_date_stamp_and_widget_words_run_into_the_body_are_cut():
    from rashomon.model import DatePrecision, PublicationDate

    record = PublicationDate("2013-08-21", DatePrecision.DAY, FoundIn.RECORD)
    raw = RawArticle(source="r.csv#2", title="T", published=record,
                     text="21.08.2013Get short URL 0 0 0 Forces fired rockets on the suburbs.")  # fmt: skip
    article = build_article(raw, DIRECTORY, UserMetadata())
    assert article.body == "Forces fired rockets on the suburbs."
    assert article.published == record  # the stamp agrees with the record
    raw = RawArticle(source="r.csv#3", title="T", published=record,
                     text="March 15 2011 marked the start of the uprising, activists said.")  # fmt: skip
    assert build_article(raw, DIRECTORY, UserMetadata()).body.startswith("March 15 2011 marked")
    for text in (
        "21.08.2013(updated 1500 21.08.2013) Get short URL 11990 Forces fired rockets on the suburbs.",
        "21.08.2013Get short URL Topic Violence Erupts in the Region (1881) 0 25 Forces fired rockets on the suburbs.",
    ):  # fmt: skip
        built = build_article(RawArticle(source="r.csv#4", title="T", published=record, text=text),
                              DIRECTORY, UserMetadata())  # fmt: skip
        assert built.body == "Forces fired rockets on the suburbs."


def test_html_page_of_an_unlisted_site_is_named_by_its_metadata_else_its_domain():
    from rashomon.ingest.html import read_html

    body = "<p>" + " ".join(["The convoy was struck near the town on Monday, officials said."] * 6)
    for meta, expected in (
        ('<meta property="og:site_name" content="Kalamoon Post">', ("Kalamoon Post", "metadata")),
        ("", ("kalamoonpost.net", "url")),
    ):
        page = (
            f"<html><head><title>Convoy struck</title>{meta}</head><body><article>"
            f"<h1>Convoy struck</h1>{body}</p></article></body></html>"
        )
        raw = read_html("p.html", page, url="https://www.kalamoonpost.net/news/1")
        article = build_article(raw, DIRECTORY, UserMetadata())
        assert (article.outlet, article.outlet_found_in) == expected


def test_widget_words_run_into_the_body_stop_where_a_sentence_starts():
    article = build("Strike on a market\n\nVideo of the aftermath showed a crater in the square.")
    assert article.body.startswith("Video of the aftermath")
    article = build("Strike on a market\n\nShare Tweet Email The strike left a crater.")
    assert article.body.startswith("The strike left a crater.")


def test_byline_is_the_author():
    article = build("Strike on a market\n\nBy Jane Roe\n\nThe strike left a crater in the square.")
    assert article.author == "Jane Roe"
    assert "Jane Roe" not in article.body


def test_agency_stamp_line_gives_the_wire():
    article = build(
        "Strike on a market\n\nAFP Springfield, IL, United States Mar 17, 2017, 04.51 AM (IST)\n\n"
        "On Thursday evening a strike hit the town, the monitor said.",
        url="https://news.example.com/story-2",
    )
    assert article.wire == "AFP"
    assert article.body.startswith("On Thursday evening")


def test_site_name_line_loses_its_tagline():
    article = build(
        "Daily Planet - Print Edition\n\nStrike on a market kills 12\n\n"
        "A strike on a market killed 12 people on Monday, the monitor said.",
        url="https://www.dailyplanet.lk/print/story-3",
    )
    assert article.outlet == "Daily Planet"


def test_site_name_line_keeps_the_words_its_domain_spells_and_media_words():
    title = "Strike on a market kills 12\n\n"
    body = "\n\n" + title + "A strike on a market killed 12 people, police said."
    for line, url, outlet in (
        ("Q13 FOX Season of Giving", "https://q13fox.com/2013/08/30/x/", "Q13 FOX"),
        ("Abb Takk News", "https://abbtakk.tv/en/x/", "Abb Takk News"),
        ("ElDorar AlShamia", "https://en.eldorar.com/node/1", "ElDorar AlShamia"),
    ):
        assert build(title + line + body, url=url).outlet == outlet, line


def test_an_outlet_and_date_credit_run_into_the_body_is_the_wire_and_leaves_the_body():
    article = build(
        "Jets strike army positions near the town\n\n"
        "RT | September 17, 2016 Jets have bombed army positions near the eastern town, "
        "killing dozens of soldiers, the army said.",
        url="https://news.example.com/content/jets-strike",
    )
    assert article.wire == "RT"
    assert article.body.startswith("Jets have bombed army positions")


def test_an_outlet_before_a_slash_opening_the_body_is_the_wire_and_leaves_the_body():
    text = (
        "Jets strike army positions near the town\n\n"
        "{credit} / The army said that jets had bombed its positions near the eastern town."
    )
    article = build(text.format(credit="RT"), url="https://news.example.com/content/jets")
    assert article.wire == "RT"
    assert article.body.startswith("The army said")
    other = build(text.format(credit="Army sources"), url="https://news.example.com/content/jets")
    assert other.body.startswith("Army sources / The army said")


def test_house_style_labels_leave_the_paragraphs_they_open():
    article = build(
        "Inquiry finds the shots came from the army\n\n"
        "Driving the news: The inquiry said the shots came from the army's positions.\n\n"
        "The big picture: The death sparked outrage across the region.\n\n"
        "Driving the news is what the editors call this part of the page.",
        url="https://news.example.com/story-3",
    )
    paragraphs = [p for p in article.body.split("\n") if p]
    assert paragraphs[:2] == [
        "The inquiry said the shots came from the army's positions.",
        "The death sparked outrage across the region.",
    ]
    assert paragraphs[2].startswith("Driving the news is")  # no colon: the story's words
    start = article.body.index("The death")
    assert article.raw_text[article.offsets.to_raw(start) :].startswith("The death")


def test_an_outlet_and_its_section_before_a_slash_leave_the_body():
    article = build(
        "The journalists thought they were safe\n\n"
        "RT/ Middle East: The journalists thought they were safe after the gunfight stopped.",
        url="https://news.example.com/story-4",
    )
    assert article.body.startswith("The journalists thought")


def test_live_page_update_labels_leave_the_paragraphs_they_open():
    article = build(
        "UPDATE 2045 GMT: The rescuers raised the death toll to 35 from the strike.\n\n"
        "Update March 28: The monitor has published a list of names.\n\n"
        "ORIGINAL ENTRY: Jets struck a school complex in the village on Wednesday.\n\n"
        "Update on the talks is expected on Friday, officials said.",
        url="https://news.example.com/story-2",
    )
    paragraphs = [p for p in article.body.split("\n") if p]
    assert paragraphs == [
        "The rescuers raised the death toll to 35 from the strike.",
        "The monitor has published a list of names.",
        "Jets struck a school complex in the village on Wednesday.",
        "Update on the talks is expected on Friday, officials said.",
    ]
    assert article.title.startswith("The rescuers raised")


def test_a_date_stamp_run_into_the_headline_leaves_the_title():
    article = build(
        " date 2020-05 The ministry rejected the claims about the strike on Friday\n\n"
        "The ministry rejected the claims on Friday, saying its jets had not flown that day."
    )
    assert article.title == "The ministry rejected the claims about the strike on Friday"


def test_a_dateline_taken_for_the_title_gives_the_wire_and_no_title():
    article = build(
        " date 2019-03-03 AFP, THE HAGUE, Netherlands\n\n"
        "Chlorine was used against the town last year, the watchdog said on Friday."
    )
    assert article.wire == "AFP"
    assert article.title.startswith("Chlorine was used")
    assert build("Rebels, ISIS and the army\n\nThe army advanced.").wire is None


def test_a_caption_printed_twice_above_the_headline_is_not_the_title():
    caption = (
        "Men look at the damage at the site of a strike on a market in Springfield May 2, 2024"
    )
    article = build(
        f"{caption}\n{caption}\n\nStrike on a crowded market kills twelve\n\n"
        "A strike hit a crowded market on Thursday morning, killing twelve people, medics said."
    )
    assert article.title == "Strike on a crowded market kills twelve"
    assert article.captions == (caption,)
    assert "damage" not in article.body


def test_a_caption_with_its_agency_credit_printed_four_times_is_not_the_title():
    caption = (
        "A man inspects a site reported to be a prison destroyed in an air strike in the "
        "stronghold of Newtown, on January 27. AFP"
    )
    article = build(
        "\n".join([caption] * 4) + "\n\nCoalition says it struck a camp, not a prison\n\n"
        "The coalition denied it targeted a prison in Newtown and said it would give evidence."
    )
    assert article.title == "Coalition says it struck a camp, not a prison"
    assert article.captions == (caption,)


def test_a_headline_printed_twice_stays_the_title():
    headline = "Strike on a crowded market kills twelve"
    article = build(
        f"{headline}\n{headline}\n\nAnother strike hits the port\n\n"
        "A strike hit a crowded market on Thursday morning, killing twelve people, medics said."
    )
    assert article.title == headline


def test_dated_byline_and_screen_reader_picture_labels_leave_title_and_body():
    article = build(
        " date 2024-05-02 By Jane Roe in Springfield & John Doe in Shelbyville\n\nBBC News\n\n"
        "image source, Springfield Fire Service\n\npicture description,\n\n"
        "Firefighters at the market on Thursday morning\n\n"
        "A strike hit a crowded market on Thursday morning, killing twelve people, medics said.\n\n"
        "The mayor said the market had been full."
    )
    assert article.author == "Jane Roe"
    assert article.title.startswith("A strike hit a crowded market")
    assert article.body.startswith("A strike hit a crowded market")
    assert article.captions == ("Firefighters at the market on Thursday morning",)
    for furniture_words in ("picture description", "image source", "Jane Roe"):
        assert furniture_words not in article.body


def test_a_language_switcher_above_the_headline_is_not_the_title():
    article = build(
        "Portuguese / Spanish / English\n\nStrike on a crowded market kills twelve\n\n"
        "A strike hit a crowded market on Thursday morning, killing twelve people, medics said."
    )
    assert article.title == "Strike on a crowded market kills twelve"


def test_a_breadcrumb_with_words_run_together_is_not_the_title():
    article = build(
        "Monitor: all our reportsExplosive violence by armed groups\n\n"
        "Strike on a crowded market kills twelve\n\n"
        "A strike hit a crowded market on Thursday morning, killing twelve people, medics said."
    )
    assert article.title == "Strike on a crowded market kills twelve"
    assert build(
        "YouTube removes a video of the strike on the market\n\n"
        "The video of the strike was removed on Friday, the company said."
    ).title == ("YouTube removes a video of the strike on the market")


def test_a_gallery_caption_with_its_counter_is_a_caption():
    article = build(
        "1 of 3 | Rescuers search the rubble of the market on Thursday. Photo by Jane Roe\n\n"
        "A strike hit a crowded market on Thursday morning, killing twelve people, medics said."
    )
    assert article.captions == (
        "Rescuers search the rubble of the market on Thursday. Photo by Jane Roe",
    )
    assert article.body.startswith("A strike hit")


def test_a_pages_notice_about_its_age_goes_and_the_dateline_under_it_is_found():
    article = build(
        "Toll of the attack rises\n\n"
        "This is an archived article and the information in the article may be outdated. "
        "Please look at the time stamp on the story to see when it was last updated.\n\n"
        "By Jane Roe, Daily Planet\n"
        "WASHINGTON — The attack on the town killed at least 40 people, officials said."
    )
    assert article.dateline == "Washington"
    assert article.body.startswith("The attack on the town killed")


def test_closing_furniture_run_into_a_one_line_text_leaves_the_body():
    story = "Forces shelled the town and killed 12 people, the army said on Monday."
    text = f"{story} ... 43 Topic Violence Erupts (1881) Related Strike Kills 36 Civilians Watchdog"
    article = build_article(RawArticle(source="r.csv#5", title="T", text=text), DIRECTORY,
                            UserMetadata())  # fmt: skip
    assert article.body == story
    start = article.body.index("12 people")
    a, b = article.offsets.span_to_raw(start, start + 9)
    assert article.raw_text[a:b] == "12 people"


def test_a_hover_card_inside_a_sentence_leaves_it_whole():
    text = (
        "Sen. Ben CardinBenjamin (Ben) Louis CardinSenators reintroduce a bill on sanctions "
        "Baseball legend dies at 83 MORE (D-Md.) said the attack would amount to a war crime."
    )
    article = build_article(RawArticle(source="r.csv#6", title="T", text=text), DIRECTORY,
                            UserMetadata())  # fmt: skip
    assert article.body == "Sen. Ben Cardin (D-Md.) said the attack would amount to a war crime."
    plain = "Sen. Ben Cardin said the McDonald Trust MORE or less agreed."
    built = build_article(RawArticle(source="r.csv#7", title="T", text=plain), DIRECTORY,
                          UserMetadata())  # fmt: skip
    assert built.body == plain


def test_an_outlets_name_after_the_date_stamp_is_the_copys_masthead_not_its_title():
    text = (
        " date 2021-08-29 Radio Free Europe/Radio Liberty\n\nAugust 29, 2021\n\n"
        "The United States carried out a drone strike in Kabul on Sunday, officials said."
    )
    article = build(text, url="https://news.example.net/us-drone-strike/")
    assert article.wire == "Radio Free Europe/Radio Liberty"
    assert article.title.startswith("The United States carried out")
    headline = build(text.replace("Radio Free Europe/Radio Liberty", "Drone strike in Kabul"),
                     url="https://news.example.net/us-drone-strike/")  # fmt: skip
    assert headline.title == "Drone strike in Kabul" and headline.wire is None
