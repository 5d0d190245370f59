"""Page-furniture lines told apart from reporting by their shape, and cleaned out of bodies."""

import pytest

from rashomon.article import furniture
from rashomon.article.boilerplate import LineKind, clean_text


def removed_kinds(raw: str, **kw) -> dict[str, LineKind]:
    return {text: kind for kind, text in clean_text(raw, title_in_text=True, **kw).removed}


def test_interface_lines_and_not_sentences_that_use_such_words():
    for line in (
        "Continue Reading Below",
        "Your browser is not supported. Update it to improve your experience",
        "Subscribe to our newsletter and get updates delivered to your inbox.",
        "Share This Video Get the App",
        "QR codeQR code",
        "Scroll",
        "To News and Stories",  # a link back to the site's news section
    ):
        assert furniture.is_interface(line), line
    for line in (
        "The story.",
        "Rebels said they would read the statement on Monday and share the findings.",
        "More than 200 people were killed.",
        "Fake news, real deaths",
    ):
        assert not furniture.is_interface(line), line


def test_captions_by_their_credit_or_picture_date():
    assert furniture.is_caption("A boy walks past a ruined school. (Photo: Syria Relief)")
    assert furniture.is_caption("Medics treat a man in a field clinic (via AP)")
    assert furniture.is_caption("Smoke rises over the town, Syria May 3, 2017. REUTERS/Jane Roe")
    assert furniture.is_caption("Trucks burn near the depot. March 2, 2018.")
    assert furniture.is_caption('[caption id="" align="alignnone"]A town[/caption]')
    assert furniture.is_caption("She stayed because of her patients |")
    assert not furniture.is_caption("The truce began on September 12, 2016.")
    long_paragraph = "Officials said the strike hit a depot. " * 12 + "(Photo by AFP)"
    assert not furniture.is_caption(long_paragraph)


def test_date_stamps_only_date_the_page():
    for line in ("28 Apr 2016", "Sun Sep 18, 2016 15:24:28", "· Nov. 30, 2016, 12:01 am",
                 "Posted on September 21, 2016", "Update 14:45 29 April"):  # fmt: skip
        assert furniture.is_date_stamp(line), line
    assert not furniture.is_date_stamp("On 4 April 2017 the town was bombed.")


def test_other_script_non_prose_and_label_lines():
    assert furniture.is_foreign_script("שלחו לחבר", "LATIN")
    assert furniture.is_foreign_script("Количество просмотров: 50", "LATIN")
    assert not furniture.is_foreign_script("Bekir Bozdağ spoke in Kırıkkale.", "LATIN")
    assert furniture.is_not_prose("854")
    assert furniture.is_not_prose("+ ↺ − 16 px")
    assert furniture.is_not_prose('string(99) "[{"id":"1","title":"A story"} ,{"id":"2"}]"')
    assert furniture.is_not_prose("https://example.org/news/1234")
    assert not furniture.is_not_prose("Two F-16 jets took part.")
    assert furniture.is_metadata_label("Story Code: 212829")
    assert furniture.is_metadata_label("News Link :")
    assert furniture.is_metadata_label("Categories: World, Top story")
    assert not furniture.is_metadata_label("He said: they will stay in the city.")


def test_related_openings_and_comment_starts():
    assert furniture.related_opening("Read more ....") == "read more"
    assert furniture.related_opening("More News On The Convoy Attack") == "more news on"
    assert furniture.related_opening("Check Also") == "check also"
    assert furniture.related_opening("Readers said the site was slow") is None
    assert furniture.is_comment_start("James said...")
    assert furniture.is_comment_start("Leave a Reply")
    assert furniture.is_comment_start("0 Comment(s)")
    assert not furniture.is_comment_start("The minister said the talks would go on.")


def test_undouble():
    assert furniture.undouble("Kalamoon PostKalamoon Post") == "Kalamoon Post"
    assert furniture.undouble("Kalamoon Post") == "Kalamoon Post"


def test_junk_first_lines_never_become_the_title():
    raw = (
        "Skip to main content\n\nprofile image\n\n3 May 2017\n\n"
        "Monitors report dozens dead in northern town\n\nThe strike hit a market, monitors said."
    )
    clean = clean_text(raw, title_in_text=True)
    assert clean.title == "Monitors report dozens dead in northern town"
    assert clean.body == "The strike hit a market, monitors said."
    assert clean.stamps == ("3 May 2017",)


def test_a_first_line_that_is_a_paragraph_is_no_title_and_stays_in_the_body():
    raw = (
        "\n\nThe ministry said on Sunday that the strike was a mistake and that an inquiry "
        "had begun into how the target was chosen.\n\nA second paragraph follows."
    )
    clean = clean_text(raw, title_in_text=True)
    assert clean.title is None
    assert clean.body.startswith("The ministry said on Sunday")
    long_quote = (
        "“We will never accept this, and we will take it to every court there is,” the mayor "
        "said in a statement on Monday evening."
    )
    assert clean_text(long_quote + "\n\nMore.", title_in_text=True).title is None


def test_headline_printed_again_under_itself_and_with_the_site_name_goes():
    raw = (
        "Convoy struck near the city\n\nConvoy struck near the city\n\n"
        "Convoy struck near the city | Example Daily\n\nThe convoy was struck on Monday."
    )
    clean = clean_text(raw, title_in_text=True)
    assert clean.title == "Convoy struck near the city"
    assert clean.body == "The convoy was struck on Monday."


def test_teaser_lists_go_but_a_lone_ellipsis_stays():
    raw = (
        "A headline for the story\n\nThe story itself is told here.\n\n"
        "Ministers met on Friday to discuss the budget for the coming…\n"
        "A storm hit the coast and left thousands of homes without power.\n"
        "Farmers protested in the capital over the price of diesel and…\n\n"
    )
    clean = clean_text(raw, title_in_text=True)
    assert clean.body == "The story itself is told here."
    lone = "A headline for the story\n\nHe paused and said he would return to the city and...\n"
    assert "return to the city" in clean_text(lone, title_in_text=True).body


def test_furniture_kinds_in_a_page():
    raw = (
        "Skip to content\n\nA headline for the story\n\nPosted on September 21, 2016\n\n"
        "Print:\n\nThe story itself is told here.\n\nMehr News Agency\n\n"
        "Read more ....\n\nJames said...\n\nI disagree with all of this."
    )
    found = removed_kinds(raw, is_masthead=lambda line: line == "Mehr News Agency")
    assert found["Posted on September 21, 2016"] is LineKind.STAMP
    assert found["Print:"] is LineKind.WIDGET
    assert found["Mehr News Agency"] is LineKind.SOURCE
    assert found["Read more ...."] is LineKind.RELATED
    assert found["I disagree with all of this."] is LineKind.COMMENTS


def test_sign_off_at_the_end_of_a_paragraph_is_cut_with_the_map_intact():
    raw = (
        "A headline for the story\n\nRussia denied it. (Reporting by Jane Roe; Editing by Tim Doe)"
    )
    clean = clean_text(raw, title_in_text=True)
    assert clean.body == "Russia denied it."
    assert clean.footers == ("(Reporting by Jane Roe; Editing by Tim Doe)",)
    start = clean.body.index("denied")
    a, b = clean.offsets.span_to_raw(start, start + 6)
    assert raw[a:b] == "denied"


def test_credit_needs_a_name_after_the_agency_slash():
    assert not furniture.is_caption(
        "Nearly a third of the country is held by the YPG/PKK terrorists."
    )
    assert furniture.is_caption("A man walks past rubble. AMEER ALHALBI/AFP")


def test_menu_items_run_together_are_furniture():
    assert furniture.is_run_together_menu("HomeWorld NewsBusiness MarketsSport Tech")
    assert not furniture.is_run_together_menu("The McDonald family met YouTube staff on Monday.")


def test_standards_sign_offs_are_furniture():
    assert furniture.is_sign_off("Our Standards: The Thomson Reuters Trust Principles.")
    assert furniture.is_sign_off("Our Standards")
    raw = "A headline for the story\n\nThe story.\n\nOur Standards: The Trust Principles."
    assert clean_text(raw, title_in_text=True).body == "The story."
    # an outlet's offer of its newsletter is about the outlet too
    assert furniture.is_sign_off("Sign up to get the latest analysis alongside other newsletters")
    assert not furniture.is_sign_off("Signs of a strike were found near the school.")


@pytest.mark.parametrize(
    "line",
    [
        "(Except for the headline, this story has not been edited by NDTV staff and is "
        "published from a syndicated feed.)",
        "This story has been published from a wire agency feed without modifications to the text.",
        "This article first appeared on The Conversation.",
        "The views expressed in this article are the author's own.",
        "Support our journalism. Become a member today.",
        "Catch all the Latest News and Updates on the site.",
        "By continuing to browse the site you are agreeing to our use of cookies.",
        "You can unsubscribe at any time.",
        "The post Russia denies role in Poland blast appeared first on Daily News.",
        "This article is republished from The Conversation under a Creative Commons license.",
        "Reprinted with permission from the author.",
        "Did you find this article useful?",
        "This is a developing story and will be updated.",
        "Correction: An earlier version of this article misstated the date.",
    ],
)
def test_syndication_notices_disclaimers_and_calls_for_support_are_furniture(line):
    """What a site says of its copy or asks of its reader: never the story's words."""
    assert furniture.is_sign_off(line) or furniture.is_page_notice(line)
    raw = f"A headline for the story\n\nThe story.\n\n{line}\n\nMore of the story."
    assert clean_text(raw, title_in_text=True).body == "The story.\n\nMore of the story."


@pytest.mark.parametrize(
    "line",
    [
        "Except for a few shops, the market was closed on Monday.",
        "The views of the residents were mixed, one shopkeeper said.",
        "Support for the ceasefire grew among residents of the town.",
        "The post office was destroyed, and it appeared first on the list of targets.",
        "Originally, the army said it had not struck the town.",
        "This is a developing crisis for the region, the minister said.",
    ],
)
def test_a_story_sentence_opening_like_a_notice_is_no_furniture(line):
    assert not furniture.is_sign_off(line)


def test_a_picture_told_in_the_present_with_its_place_and_full_date_is_a_caption():
    """ "Rescuers search the rubble in Kyiv, Ukraine, March 10, 2022.": a picture's words;
    reporting tells a past act, or writes "on" before its date."""
    assert furniture.is_caption("Rescuers search the rubble in Kyiv, Ukraine, March 10, 2022.")
    assert furniture.is_caption("Smoke rises after an air strike in Gaza City, October 31, 2023")
    for prose in (
        "Two people were killed in Przewodow, November 15, 2022.",
        "The ceasefire took effect on November 24, 2023.",
        "Israel and Hamas agreed to a truce that began at dawn, November 24, 2023.",
    ):
        assert not furniture.is_caption(prose), prose


def test_a_signed_off_co_writer_and_a_file_photos_credit_are_furniture():
    line = "Additional reporting by Jane Roe in Beirut."
    raw = f"A headline for the story\n\nThe story.\n\n{line}\n\nMore of the story."
    assert clean_text(raw, title_in_text=True).body == "The story.\n\nMore of the story."
    caption = "A view shows a destroyed building in Kyiv. REUTERS/Gleb Garanich/File Photo"
    raw = f"A headline for the story\n\nThe story.\n\n{caption}\n\nMore of the story."
    assert "Garanich" not in clean_text(raw, title_in_text=True).body


def test_an_icon_fonts_names_run_together_are_furniture():
    assert furniture.is_not_prose(
        "icon bookmark-bicon bookmarkicon cameraicon checkicon chevron downicon chevron "
        "lefticon chevron righticon closeicon downloadicon editicon"
    )
    assert not furniture.is_not_prose("The iconic mosque was hit, an icon of the old city.")


def test_a_pages_notice_about_its_own_age_is_furniture():
    assert furniture.is_page_notice(
        "This is an archived article and the information in the article may be outdated."
    )
    assert furniture.is_page_notice("This article is more than 5 years old")
    assert not furniture.is_page_notice("This is an attack on the whole city, he said.")


def test_language_switchers_gallery_counters_and_picture_credits():
    assert furniture.is_language_menu("Portuguese / Spanish / English")
    assert furniture.is_language_menu("العربية | Français | English")
    assert not furniture.is_language_menu("English")
    assert not furniture.is_language_menu("Spanish troops reach the border")
    assert furniture.is_caption("2 of 9 | Rescuers search the rubble of a flat block")
    assert furniture.without_gallery_counter("2 of 9 | Rescuers search") == "Rescuers search"
    assert furniture.is_caption("Crowds gather at the gate ( Video: Army Spokesperson's Unit )")
    assert furniture.is_caption("Rescuers search the rubble on Friday. Photo by Jane Roe")
    assert not furniture.is_caption("The talks of 2 of the 9 delegations ended on Friday.")


@pytest.mark.parametrize(
    ("story", "tail"),
    [
        ("the army said on Monday.", " ... 43 Topic Violence Erupts (1881) Related Strike Kills 36 Civilians"),
        ("the army said on Monday.", " ... 11 Tags chemical weapons Damascus Community standardsDiscussion"),
        ("the army said on Monday.", " Source AA Related News Death toll rises to 70 as bombs fall"),
        ("the army said on Monday.", " Reporting by Ann Writer; Editing by Bo Ed Our Standards:The Trust Principles."),
        ("the army said on Monday.", " Last Update: Saturday 7 October 2017 KSA 16:06 - GMT 13:06 3885"),
    ],
)  # fmt: skip
def test_a_pages_closing_furniture_run_into_the_last_paragraph_is_found(story, tail):
    """Text flattened to one line keeps the page's closing widgets after the story's last
    sentence; each marker says where they begin."""
    text = "Forces shelled the town and killed 12 people, " + story + tail
    start = furniture.inline_tail_start(text)
    assert (
        start is not None
        and text[:start] == "Forces shelled the town and killed 12 people, " + story.rstrip()
    )


def test_closing_words_early_in_the_text_or_before_more_story_are_left():
    early = "Related News From the front: the army said on Monday that it shelled the town."
    assert furniture.inline_tail_start(early + " The monitor said 12 people died.") is None
    goes_on = (
        "Forces shelled the town, the army said. Related News of the day\nThe monitor said 12 died."
    )
    assert furniture.inline_tail_start(goes_on) is None
