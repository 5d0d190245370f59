import pytest

from rashomon.article.boilerplate import LineKind, clean_text, cut_prefix, split_lines
from rashomon.article.furniture import is_caption


def kinds(raw: str, **kw) -> dict[str, LineKind]:
    clean = clean_text(raw, title_in_text=True, **kw)
    return {text: kind for kind, text in clean.removed}


def test_split_lines_offsets_point_at_stripped_text():
    raw = "Title\n\n  indented line  \r\nlast"
    lines = split_lines(raw)
    for line in lines:
        assert raw[line.start : line.end] == line.text
    assert [ln.text for ln in lines] == ["Title", "", "indented line", "last"]


def test_title_is_first_nonempty_line_and_body_keeps_paragraphs():
    raw = "\n\nA headline\n\nFirst paragraph here.\n\nSecond paragraph here."
    clean = clean_text(raw, title_in_text=True)
    assert clean.title == "A headline"
    assert clean.body == "First paragraph here.\n\nSecond paragraph here."


def test_offset_map_points_back_into_raw_text():
    raw = "Headline\n\nimage copyrightAFP\nimage captionA burnt bus.\n\nRebels fired rockets.\n\nREAD MORE: Other story\n\nThe army replied."
    clean = clean_text(raw, title_in_text=True)
    for word in ("Rebels", "rockets", "army replied"):
        start = clean.body.index(word)
        raw_start, raw_end = clean.offsets.span_to_raw(start, start + len(word))
        assert raw[raw_start:raw_end] == word


def test_captions_kept_apart_and_credits_dropped():
    raw = "Headline\n\nimage copyrightReuters\nimage captionSome 2,700 people were hurt, monitors say\n\nThe text of the story."
    clean = clean_text(raw, title_in_text=True)
    assert clean.captions == ("Some 2,700 people were hurt, monitors say",)
    assert "image" not in clean.body and "2,700" not in clean.body


def test_photo_by_credit_and_dated_caption_after_it():
    raw = (
        "Headline\n\nPhoto by: Reuters\n\nMen walk near a market in Idlib province, Syria "
        "October 24, 2015.\n\nRebels said on Monday they would fight on."
    )
    clean = clean_text(raw, title_in_text=True)
    assert clean.body == "Rebels said on Monday they would fight on."
    assert clean.captions[0].startswith("Men walk near a market")


def test_repeated_line_is_an_image_caption():
    raw = "Headline\n\nA view of the city.\nA view of the city.\n\nTalks began on Friday."
    clean = clean_text(raw, title_in_text=True)
    assert clean.body == "Talks began on Friday."
    assert clean.captions == ("A view of the city.",)


def test_read_more_and_related_topics_block_are_removed():
    raw = (
        "Headline\n\nRelated Topics\n  • Syrian civil war\n\nThe story begins.\n\n"
        "  • Why the city matters\n  • Life under siege?\n\nREAD MORE: Dodging death\n\n"
        "The story ends.\n\nRelated Topics"
    )
    clean = clean_text(raw, title_in_text=True)
    assert clean.body == "The story begins.\n\nThe story ends."
    found = kinds(raw)
    assert found["READ MORE: Dodging death"] is LineKind.RELATED
    assert found["• Life under siege?"] is LineKind.RELATED


def test_a_long_headline_and_its_teaser_under_a_related_heading_are_removed():
    headline = (
        "Ministry says it provides all facilities to fulfil the power link agreement between "
        "two neighbouring states"
    )
    teaser = "Newtown, SANA- The Electricity Minister said that the ministry provides all \u2026"
    raw = f"Headline\n\nThe story.\n\nCheck Also\n\n{headline}\n\n{teaser}"
    assert clean_text(raw, title_in_text=True).body == "The story."
    # a paragraph under the heading that ends as a sentence is the story going on
    raw = f"Headline\n\nThe story.\n\nCheck Also\n\n{headline}.\n\nMore of it."
    assert clean_text(raw, title_in_text=True).body.endswith(f"{headline}.\n\nMore of it.")


def test_bulleted_facts_that_are_sentences_stay():
    raw = "Headline\n\nThe toll so far:\n• More than 250,000 people have been killed in the war since it began in 2011.\n"
    clean = clean_text(raw, title_in_text=True)
    assert "250,000" in clean.body


def test_headlines_between_paragraphs_are_dropped_but_sentences_kept():
    raw = (
        "Headline\n\nThe first paragraph ends here.\n\nSyrian refugees open businesses in Turkey\n\n"
        "“The reality is grim,” he said.\n\nSyria’s war: Rebels suffer ‘biggest defeat since 2012’\n\n"
        "He said: “We will stay.”"
    )
    clean = clean_text(raw, title_in_text=True)
    assert "refugees open" not in clean.body and "biggest defeat" not in clean.body
    assert "“The reality is grim,” he said." in clean.body
    assert "He said: “We will stay.”" in clean.body


def test_comment_form_and_everything_after_it_is_removed():
    raw = (
        "Headline\n\nThe story.\n\nLeave a Reply\n\nYour email address will not be published. "
        "Required fields are marked *\n\nISIS transfers its heavy weapons\n\nA trailing story."
    )
    clean = clean_text(raw, title_in_text=True)
    assert clean.body == "The story."


def test_share_widgets_removed():
    raw = "Headline\n\nShare\nTweet\nEmail\nShare this article\n\nThe story.\n\nFacebook | Twitter | WhatsApp"
    assert clean_text(raw, title_in_text=True).body == "The story."


def test_footer_lines_are_removed_and_reported():
    raw = "Headline\n\nThe story.\n\nSource: Al Jazeera, News Agencies"
    clean = clean_text(raw, title_in_text=True)
    assert clean.body == "The story."
    assert clean.footers == ("Source: Al Jazeera, News Agencies",)


def test_masthead_above_title_is_skipped():
    raw = "BBC News\n\nSyria conflict: jihadists reject offer\n\nThe story."
    clean = clean_text(raw, title_in_text=True, is_masthead=lambda line: line == "BBC News")
    assert clean.title == "Syria conflict: jihadists reject offer"
    assert clean.leading_lines == ("BBC News",)


def test_without_title_in_text_every_line_is_body():
    clean = clean_text("First line of the record.\nSecond line.", title_in_text=False)
    assert clean.title is None
    assert clean.body == "First line of the record.\nSecond line."


def test_cut_prefix_keeps_offsets_right():
    raw = "Headline\n\nGeneva (AFP) - People are stuck in the city.\n\nMore text."
    clean = clean_text(raw, title_in_text=True)
    cut = cut_prefix(clean, len("Geneva (AFP) - "))
    assert cut.body.startswith("People are stuck")
    start = cut.body.index("More text")
    raw_start, raw_end = cut.offsets.span_to_raw(start, start + 9)
    assert raw[raw_start:raw_end] == "More text"
    assert raw[cut.offsets.to_raw(0) :].startswith("People")


def test_outlet_and_agencies_sign_off_stays_a_footer_not_a_credit_line():
    raw = "A headline for the story\n\nThe story.\n\nTRTWorld and agencies"
    clean = clean_text(raw, title_in_text=True, is_masthead=lambda line: line == "TRTWorld")
    assert clean.footers == ("TRTWorld and agencies",) and clean.sources == ()


def test_a_paragraph_printed_again_is_kept_once():
    para = "Men carry boxes past a burnt truck near the town after the strike on Monday."
    raw = f"Headline here\n\n{para}\n\nCaption line\n{para}\n\nThe army denied it had struck."
    clean = clean_text(raw, title_in_text=True)
    assert clean.body.count("Men carry boxes") == 1
    assert (LineKind.REPEAT, para) in clean.removed


def test_a_cut_off_copy_of_a_later_paragraph_is_dropped():
    full = (
        "(XYZ) - Officials said the strike on the depot killed at least 70 people, as anger grew."
    )
    raw = (
        "Headline here\n\nOfficials said the strike on the depot killed at least 70 people, as...\n\n"
        f"{full}"
    )
    clean = clean_text(raw, title_in_text=True)
    assert clean.body.count("at least 70") == 1
    assert clean.body.endswith("as anger grew.")


def test_short_lines_may_repeat():
    raw = "Headline here\n\nThe army fired.\n\nRebels replied.\n\nThe army fired."
    assert clean_text(raw, title_in_text=True).body.count("The army fired.") == 2


def test_photo_credit_and_read_more_tails_leave_the_body_with_offsets_intact():
    raw = (
        "Headline here\n\n"
        "Men walk past a burnt truck in the town, May 2, 2016. REUTERS/Jane Roe\n\n"
        "The monitor said 12 people died in the strike. Photograph:( XYZ )\n\n"
        "The map shows the town and the city. (Photo source: Mapsite) (Others)\n\n"
        "The convoy was carrying food for 8,000 people. (read more)"
    )
    clean = clean_text(raw, title_in_text=True)
    for gone in ("REUTERS/", "Photograph", "Photo source", "(Others)", "read more"):
        assert gone not in clean.body
    assert clean.body.endswith("food for 8,000 people.")
    start = clean.body.index("8,000")
    a, b = clean.offsets.span_to_raw(start, start + 5)
    assert raw[a:b] == "8,000"


def test_an_embedded_post_is_no_body_text():
    raw = (
        "Headline here\n\nThe strike hit the market on Monday, the monitor said.\n\n"
        "Awful scenes at the market today, 50+ killed pic.twitter.com/abc123 — Jo Doe (@jodoe) "
        "May 2, 2017\n\nThe army denied it."
    )
    body = clean_text(raw, title_in_text=True).body
    assert "pic.twitter" not in body and "50+" not in body


def test_agency_place_and_time_line_is_wire_evidence_not_body():
    raw = (
        "Headline here\n\nXYZ Springfield, IL, United States Mar 17, 2017, 04.51 AM (IST)\n\n"
        "On Thursday evening a strike hit the town."
    )
    clean = clean_text(raw, title_in_text=True, is_outlet=lambda name: name == "XYZ")
    assert clean.body == "On Thursday evening a strike hit the town."
    assert clean.sources == ("XYZ",)


def test_byline_names_the_writer():
    for line, writer in (
        ("By Jane Roe", "Jane Roe"),
        ("By: Staff Writers", "Staff Writers"),
        ("By Middle East correspondent Jane Roe, wires", "Jane Roe"),
        ("By Jane Roe and Tim Doe", "Jane Roe and Tim Doe"),
    ):
        for lead in ("", "A town is taken after a week of fighting, officials say.\n\n"):
            raw = f"Town taken\n\n{lead}{line}\n\nThe army said it had taken the town on Monday."
            clean = clean_text(raw, title_in_text=True)
            assert (clean.title, clean.byline) == ("Town taken", writer)
    raw = "Town taken\n\nThe army said it had taken the town.\n\nRebels denied it.\n\nBy Jane Roe"
    assert clean_text(raw, title_in_text=True).byline is None  # a sign-off, not a byline


def test_hard_wrapped_wire_copy_is_read_as_paragraphs_with_offsets_intact():
    raw = (
        "NEWTOWN, May 3 The army said on Tuesday that its troops had\n"
        "taken the hill north of the town after a night of fighting, and\n"
        "that rebels had withdrawn to the villages in the valley.\n"
        "A rebel commander said the fighters had pulled back to save\n"
        "the lives of civilians who were still living near the front.\n"
    )
    clean = clean_text(raw, title_in_text=True)
    assert clean.title is None  # the first line is a piece of a paragraph, no headline
    first, second = clean.body.split("\n")
    assert first.startswith("NEWTOWN, May 3 The army") and first.endswith("in the valley.")
    assert second.startswith("A rebel commander") and second.endswith("near the front.")
    at = clean.body.index("taken the hill")
    assert raw[clean.offsets.to_raw(at) :].startswith("taken the hill")


def test_short_lines_of_a_menu_or_headlines_are_not_joined_as_wrapped_text():
    raw = (
        "Title of the story here\n\n"
        "Rebels shell the town market\n"
        "Army retakes the northern hill\n"
        "Talks resume in the capital\n\n"
        "The army said on Tuesday that its troops had taken the hill.\n"
    )
    clean = clean_text(raw, title_in_text=True)
    assert clean.body == "The army said on Tuesday that its troops had taken the hill."


def test_a_wire_editors_note_is_no_title_and_no_body():
    raw = (
        "(Corrects headline to show the toll was not all in the school)\n"
        "NEWTOWN, May 3 The army said on Tuesday that its troops had\n"
        "taken the hill north of the town after a night of fighting, and\n"
        "that rebels had withdrawn to the villages in the valley.\n"
    )
    clean = clean_text(raw, title_in_text=True)
    assert clean.title is None
    assert clean.body.startswith("NEWTOWN, May 3 The army")
    assert (LineKind.WIDGET, raw.splitlines()[0]) in clean.removed


def test_a_caption_printed_again_with_its_credit_is_two_captions():
    raw = (
        "Story title here today\n\n"
        "A soldier walks past a damaged  tank near the town on May 2, 2016.\n"
        "A soldier walks past a damaged tank near the town on May 2, 2016.PHOTO: AGENCY NAME\n\n"
        "The army said on Tuesday that its troops had taken the hill.\n"
    )
    clean = clean_text(raw, title_in_text=True)
    assert clean.body == "The army said on Tuesday that its troops had taken the hill."
    assert len(clean.captions) == 2


def test_a_caption_ending_with_a_picture_agency_source_is_a_caption():
    raw = (
        "Story title here today\n\n"
        "The army said on Tuesday that its troops had taken the hill.\n\n"
        "Men search the rubble of a clinic in the town on May 2, 2016. Source: Getty Images\n\n"
        "Rebels said they had withdrawn.\n"
    )
    clean = clean_text(raw, title_in_text=True)
    assert "rubble" not in clean.body and len(clean.captions) == 1


@pytest.mark.parametrize(
    "caption",
    [
        "The coalition airstrike killed at least 29 children in the town. [Getty]",
        "Photo-CJ (the village after bombing by the military on April 11)",
        "Investigators say two large bombs most likely caused the damage (Reuters Archive)",
        "A residential building in the city hit by a missile on Jan. 14. (Kyrylo Tymoshenko)",
        # a photo agency's terms mark its caption however long the line is
        "NEWTOWN, COUNTRY - MARCH 18: (---EDITORIAL USE ONLY - MANDATORY CREDIT - "
        + "NO MARKETING NO ADVERTISING CAMPAIGNS - DISTRIBUTED AS A SERVICE TO CLIENTS----) "
        + " ".join(["A view of the destroyed hall, which was used as a shelter."] * 5),
    ],
)
def test_a_caption_credited_in_brackets_first_or_by_agency_terms_is_a_caption(caption):
    raw = (
        "Story title here today\n\n"
        "The army said on Tuesday that its troops had taken the hill.\n\n"
        f"{caption}\n\n"
        "Rebels said they had withdrawn.\n"
    )
    clean = clean_text(raw, title_in_text=True)
    assert caption[:20] not in clean.body and len(clean.captions) == 1


def test_a_name_in_brackets_inside_a_paragraph_is_no_credit():
    assert not is_caption("The envoy (Staffan de Mistura) said the talks would resume.")
    assert not is_caption("The strike was condemned by the minister (Jane Doe) and others")


def test_the_headline_under_the_pages_date_stamp_is_the_title():
    """A section tab, a summary of another story and a caption above the stamp and the
    headline: the page's header, not the story."""
    raw = (
        "Fast News\n\n"
        "Troops battle to surround the last stronghold in the east, as fighting enters its "
        "127th day.\n\n"
        "Thursday, June 30, 2022\n\n"
        "Amnesty accuses the army of bombing the theatre\n\n"
        "A theatre sheltering civilians was likely hit by an air strike in a war crime, "
        "Amnesty International has said in a report published on Thursday.\n"
    )
    clean = clean_text(raw, title_in_text=True)
    assert clean.title == "Amnesty accuses the army of bombing the theatre"
    assert clean.body.startswith("A theatre") and "stronghold" not in clean.body
    # no stamp between the first paragraph and a short line after it: that is a subhead
    story = raw.replace("Thursday, June 30, 2022\n\n", "")
    assert "stronghold" in clean_text(story, title_in_text=True).body


def test_a_line_that_introduces_a_statement_is_no_headline():
    raw = (
        "Responding to the military's admission that it killed ten people in the strike, "
        "the group issued the following statement:\n\n"
        "The director said: \u201cThis admission is an important step towards accountability "
        "for the killings, but much more must be done.\u201d\n"
    )
    clean = clean_text(raw, title_in_text=True)
    assert clean.title != raw.split("\n")[0] and clean.body.startswith("Responding")


def test_a_video_players_notice_is_no_body():
    raw = (
        "Story title here today\n\n"
        "The army said on Tuesday that its troops had taken the hill.\n\n"
        "To view this video please enable JavaScript, and consider upgrading to a web browser "
        "that supports HTML5 video\n\n"
        "Rebels said they had withdrawn.\n"
    )
    clean = clean_text(raw, title_in_text=True)
    assert "JavaScript" not in clean.body and "Rebels said" in clean.body


def test_the_text_of_an_embedded_post_above_its_signature_is_no_body():
    raw = (
        "Story title here today\n\n"
        "The army said on Tuesday that its troops had taken the hill.\n"
        "#BREAKING: army takes the hill after a night of fighting, a source says\n"
        "— Jane Roe (@janeroe) May 3, 2016\n"
        "Rebels said they had withdrawn.\n"
    )
    clean = clean_text(raw, title_in_text=True)
    assert "#BREAKING" not in clean.body and "Rebels said" in clean.body


def test_a_photographer_slash_agency_line_is_a_photo_credit_not_a_source():
    raw = "Story title here today\n\nJane Roe/AFP\n\nThe army said on Tuesday it took the hill.\n"
    clean = clean_text(raw, title_in_text=True, is_outlet=lambda name: name == "AFP")
    assert (LineKind.CREDIT, "Jane Roe/AFP") in clean.removed
    assert clean.sources == ()


def test_a_bracketed_photographer_and_agency_credit_makes_the_line_above_a_caption():
    raw = (
        "Story title here today\n\n"
        "A soldier walks past a damaged tank near the town on May 2, 2016.\n"
        "(Jane Roe / AFP/Getty Images)\n\n"
        "The army said on Tuesday that its troops had taken the hill.\n\n"
        "Men carry a stretcher near the clinic on Friday. (Tim Doe/AFP/Getty Images)\n\n"
        "Rebels said they had withdrawn.\n"
    )
    clean = clean_text(raw, title_in_text=True, is_outlet=lambda name: name == "AFP")
    assert clean.body == (
        "The army said on Tuesday that its troops had taken the hill.\n\n"
        "Rebels said they had withdrawn."
    )
    assert clean.sources == () and len(clean.captions) == 2


def test_a_caption_printed_twice_with_other_apostrophes_is_two_captions():
    raw = (
        "Story title here today\n\n"
        "A soldier walks past the army's damaged tank near the town on May 2, 2016.\n"
        "A soldier walks past the army’s damaged tank near the town on May 2, 2016.\n\n"
        "The army said on Tuesday that its troops had taken the hill.\n"
    )
    clean = clean_text(raw, title_in_text=True)
    assert clean.body == "The army said on Tuesday that its troops had taken the hill."


def test_a_comment_link_above_the_reporting_does_not_end_the_article():
    raw = (
        "Story title here today\n\n"
        "Posted May 27th, 2016 at 9:40 am (UTC-5)\n"
        "Leave a comment\n\n"
        "The army said on Tuesday that its troops had taken the hill north of the town after "
        "a long night of fighting.\n\n"
        "Leave a comment\n\n"
        "Great article, thanks.\n"
    )
    clean = clean_text(raw, title_in_text=True)
    assert clean.body.startswith("The army said on Tuesday")
    assert "Great article" not in clean.body and "Posted" not in clean.body


def test_a_video_card_and_a_disclaimer_are_no_body():
    raw = (
        "Story title here today\n\n"
        "The army said on Tuesday that its troops had taken the hill.\n\n"
        "2 hours agoDuration 3:10The army took the hill, officials said. 3:10\n\n"
        "(News story updated with new information)\n\n"
        "DISCLAIMER: The views expressed in these forums are the posters' own.\n"
    )
    clean = clean_text(raw, title_in_text=True)
    assert clean.body == "The army said on Tuesday that its troops had taken the hill."


def test_an_agency_signing_off_the_last_paragraph_is_a_source_not_body():
    raw = (
        "Story title here today\n\n"
        "“We took the hill after a night of fighting in the valley,” the general "
        "said. – Agency Wire\n"
    )
    clean = clean_text(raw, title_in_text=True, is_outlet=lambda name: name == "Agency Wire")
    assert clean.body.endswith("the general said.")
    assert clean.sources == ("Agency Wire",)
    plain = clean_text(raw, title_in_text=True, is_outlet=lambda name: False)
    assert plain.body.endswith("– Agency Wire")


def test_a_sentence_broken_across_short_lines_is_kept():
    raw = (
        "Headline of the story\n\nRescuers reached the school on Friday.\n"
        "The building has held families ever since the\nwar began, officials said.\n"
        "As of Sunday, it was reported that\nat least 6 people had died.\n\nWhat the army says\n\n"
        "The army denied it."
    )
    clean = clean_text(raw, title_in_text=True)
    assert "ever since the" in clean.body and "at least 6 people had died." in clean.body
    assert "As of Sunday, it was reported that" in clean.body
    assert kinds(raw)["What the army says"] is LineKind.HEADING


def test_a_text_to_speech_players_label_is_a_widget_not_the_title():
    for label in ("Audio By Carbonatix", "Listen to this article", "Narrated by a voice"):
        raw = f"{label}\nTown shelled overnight\nThe army shelled the town on Monday night."
        assert kinds(raw)[label] is LineKind.WIDGET, label
        assert clean_text(raw, title_in_text=True).title == "Town shelled overnight", label


def test_a_stamps_labels_without_their_values_are_a_widget():
    for label in ("Published: Updated:", "Updated:", "Last updated on:"):
        raw = f"Town shelled overnight\n\n{label}\n\nThe army shelled the town on Monday night."
        assert kinds(raw)[label] is LineKind.WIDGET, label
        assert clean_text(raw, title_in_text=True).body.startswith("The army shelled"), label
    raw = "Town shelled\n\nUpdated: the toll rose to 12 after the army shelled the town."
    assert "Updated: the toll" in clean_text(raw, title_in_text=True).body  # a sentence


def test_slide_show_buttons_and_picture_credits_leave_the_body():
    raw = (
        "Headline of the story\n\nPhotographs: Jane Roe/Reuters\nThe army shelled the town.\n"
        "Click NEXT to see more PHOTOS...\n\nCrowds at the gate Photo Credit: @someone\n\n"
        "Source: Twitter\n\nThe monitor said 20 died."
    )
    clean = clean_text(raw, title_in_text=True, is_outlet=lambda n: n in ("Reuters", "Twitter"))
    found = kinds(raw, is_outlet=lambda n: n in ("Reuters", "Twitter"))
    assert found["Photographs: Jane Roe/Reuters"] is LineKind.CREDIT
    assert found["Click NEXT to see more PHOTOS..."] is LineKind.WIDGET
    assert found["Crowds at the gate Photo Credit: @someone"] is LineKind.CAPTION
    assert found["Source: Twitter"] is LineKind.CREDIT
    assert clean.footers == () and clean.sources == ()
    assert clean.body == "The army shelled the town.\n\nThe monitor said 20 died."


def test_an_agency_signing_a_caption_above_the_copy_is_a_caption_and_a_byline_stamp_a_source():
    raw = (
        "Headline of the story\n\nFamilies had sheltered at the clinic for days, hoping for care.\n\n"
        "Wounded men wait at a clinic on Tuesday. — AP\n\n"
        "By AP Published: Wed 18 Oct 2023, 11:03 AM Last updated: Wed 18 Oct 2023, 11:08 AM\n\n"
        "A blast hit the clinic.\n\nThe ministry said 50 died.\n\nThe army denied it."
    )
    clean = clean_text(raw, title_in_text=True, is_outlet=lambda n: n == "AP")
    assert clean.body.endswith(
        "A blast hit the clinic.\n\nThe ministry said 50 died.\n\nThe army denied it."
    )
    assert "Wounded" not in clean.body and "Published" not in clean.body
    assert clean.captions == ("Wounded men wait at a clinic on Tuesday.",)
    assert clean.sources == ("AP",)
    raw = (
        "Headline of the story\n\nA blast hit the clinic.\n\n"
        "The army denied it and said its jets had struck only the depot outside the town. — AP"
    )
    clean = clean_text(raw, title_in_text=True, is_outlet=lambda n: n == "AP")
    assert clean.sources == ("AP",) and clean.body.endswith("outside the town.")


def test_an_agency_and_the_sites_staff_in_a_dated_byline_make_the_agency_a_source():
    raw = (
        "Headline of the story\n\nBy AP and TIMES OF ISRAEL STAFF August 21, 2013, 9:34 am\n\n"
        "A blast hit the clinic.\n\nThe ministry said 50 died."
    )
    clean = clean_text(raw, title_in_text=True, is_outlet=lambda n: n == "AP")
    assert clean.sources == ("AP",)
    assert clean.body == "A blast hit the clinic.\n\nThe ministry said 50 died."
    writers = raw.replace("By AP and TIMES OF ISRAEL STAFF", "By Jane Roe and John Doe")
    clean = clean_text(writers, title_in_text=True, is_outlet=lambda n: n == "AP")
    assert clean.sources == ()
    assert clean.body == "A blast hit the clinic.\n\nThe ministry said 50 died."


def test_a_byline_ending_with_an_agency_makes_it_a_source():
    raw = (
        "Headline of the story\n\nBy NAJIB JOBAIN and SAMY MAGDY Associated Press\n\n"
        "Troops fired on a crowd.\n\nThe ministry said 100 died."
    )
    agencies = {"Associated Press", "Reuters"}
    clean = clean_text(raw, title_in_text=True, is_outlet=lambda n: n in agencies)
    assert clean.sources == ("Associated Press",)
    assert clean.body == "Troops fired on a crowd.\n\nThe ministry said 100 died."
    own = raw.replace("Associated Press", "and Jane Roe")
    assert clean_text(own, title_in_text=True, is_outlet=lambda n: n in agencies).sources == ()


def test_a_lone_word_above_another_short_line_is_a_tab_not_the_title():
    raw = "Geolocation\nMonitor assessment\nAt least 40 civilians died in a strike on a school.\n"
    clean = clean_text(raw, title_in_text=True)
    assert clean.title == "Monitor assessment"
    assert clean.body.startswith("At least 40 civilians")
    clean = clean_text("Town taken\n\nThe army said it had taken the town.", title_in_text=True)
    assert clean.title == "Town taken"
    clean = clean_text("Aleppo\n\nThe army said it had taken the town.", title_in_text=True)
    assert clean.title == "Aleppo"


def test_a_server_error_a_date_line_a_glued_masthead_and_a_link_label_are_no_title():
    raw = (
        "[an error occurred while processing this directive]\nwatch One-Minute World News\n"
        "Friday 24th of May 2024\nTown shelled overnight\n\nThe army shelled the town."
    )
    clean = clean_text(raw, title_in_text=True)
    assert clean.title == "Town shelled overnight"
    assert clean.body == "The army shelled the town."
    raw = "The Daily PlanetNews You Can Trust\n\nTown shelled overnight\n\nThe army shelled it."
    masthead = lambda line: line.startswith("The Daily Planet")  # noqa: E731
    assert clean_text(raw, title_in_text=True, is_masthead=masthead).title == (
        "Town shelled overnight"
    )
    stamp = "Sunday, July 30, 2006 Posted: 0738 GMT (1538 HKT)"
    assert kinds(f"Town shelled\n\n{stamp}\n\nThe army shelled it.")[stamp] is LineKind.STAMP


def test_the_pages_address_is_no_title():
    for first in ("https://news.example.com/2025/04/14/town-shelled-overnight-1234.html",
                  "date 2025-04-14 https://news.example.com/town-shelled-overnight"):  # fmt: skip
        raw = f"{first}\n\nTown Shelled Overnight, Army Says\n\nThe army shelled the town."
        clean = clean_text(raw, title_in_text=True)
        assert clean.title == "Town Shelled Overnight, Army Says", first
        assert clean.body == "The army shelled the town."


def test_a_first_line_told_with_a_past_reporting_tag_is_the_story_not_its_headline():
    lead = ("Autopsy results show that chemical weapons were used in the attack on the town, "
            "the justice minister has stated, the agency reported citing")  # fmt: skip
    clean = clean_text(
        f"\n\n{lead}\n\nThe autopsies were finalised on Thursday.", title_in_text=True
    )
    assert clean.body.startswith(lead)
    short = "Strike kills 20 in the town, monitor says"
    clean = clean_text(f"{short}\n\nThe army shelled the town.", title_in_text=True)
    assert clean.title == short


def test_a_pictures_caption_above_the_headline_is_a_caption_not_the_title():
    caption = "Rescuers search the rubble of a school in Newtown, officials said."
    headline = "Missile strike on Newtown kills 20, mayor says"
    story = ("A missile struck a school in the northern town of Newtown on Sunday, killing at "
             "least 20 people, the town's mayor said.")  # fmt: skip
    clean = clean_text(f"{caption}\n\n{headline}\n\n{story}", title_in_text=True)
    assert (clean.title, clean.captions, clean.body) == (headline, (caption,), story)
    # a first paragraph followed by a subhead and a shorter line is no caption
    raw = f"{story}\n\n{headline}\n\nThe army denied it."
    clean = clean_text(raw, title_in_text=True)
    assert clean.captions == () and clean.body.startswith(story)


def test_captions_signed_by_a_video_credit_a_bar_and_agency_or_an_agency_photo():
    for caption in (
        "Rebels posted video showing a boy treated after the strike. (Video: Rebel Media Center)",
        "A man holds a boy injured in the strike in Newtown | Reuters",
        "Rescuers pull a child from the rubble in Newtown on Monday. AFP photo",
    ):
        raw = f"Town shelled overnight\n\n{caption}\n\nThe army shelled the town."
        clean = clean_text(raw, title_in_text=True)
        assert clean.captions == (caption,) and clean.body == "The army shelled the town."
    raw = "Forty Dead in a Strike West of Newtown (Video)\n\nThe army shelled the town."
    assert clean_text(raw, title_in_text=True).title.startswith("Forty Dead")


def test_a_footnote_to_a_marked_word_leaves_the_body_and_a_bullet_stays():
    raw = (
        "Story title here today\n\n"
        "The adviser said on the Feygin* Live channel that the missile was shot down.\n\n"
        "* Included by the Ministry of Justice in the list of media-foreign agents.\n\n"
        "Rescuers searched the rubble.\n"
    )
    body = clean_text(raw, title_in_text=True).body
    assert "Ministry of Justice" not in body and "Rescuers searched" in body
    listed = "Story title here today\n\nThe army said:\n\n* The town was shelled on Monday.\n"
    assert "* The town was shelled" in clean_text(listed, title_in_text=True).body


def test_captions_told_by_their_opening_words_leave_the_body():
    raw = (
        "Headline of the story\n\n"
        "FILE - The clinic in Ravenford after an air strike on Saturday killed at least 19 people.\n\n"
        "In this image provided by the Navy, a vessel arrives at the harbour on June 29, 2022.\n\n"
        "JANE ROE / WIREX A rocket system fires salvoes during an exercise on June 30, 2022.\n\n"
        "The minister said on Monday that the clinic had been hit by mistake."
    )
    clean = clean_text(raw, title_in_text=True, is_outlet=lambda n: n == "WIREX")
    assert clean.body == "The minister said on Monday that the clinic had been hit by mistake."
    assert len(clean.captions) == 3
    # the photographer's capitals before a slash caption nothing unless an agency follows
    raw = "Headline of the story\n\nThe minister spoke.\n\nJANE ROE / WIREX A rocket system fires.\n\nHe left."
    assert "JANE ROE / WIREX" in clean_text(raw, title_in_text=True, is_outlet=lambda n: False).body
    assert (
        "JANE ROE" not in clean_text(raw, title_in_text=True, is_outlet=lambda n: n == "WIREX").body
    )


def test_a_caption_above_a_credit_line_and_printed_again_below_it_leaves_the_body():
    raw = (
        "Headline of the story\n\n"
        "The president visits the port on Friday as grain is loaded onto a ship.\n"
        "(AP/Presidential Press Office)\n"
        "The president visits the port on Friday as grain is loaded onto a ship. (AP/Presidential Press Office)\n\n"
        "An interior view of the damaged barrack where an explosion killed 50, August 10, 2022.\n"
        "© 2022 Jane Roe/WIREX\n\n"
        "Both sides said the assault was premeditated."
    )
    clean = clean_text(raw, title_in_text=True, is_outlet=lambda n: n in ("AP", "WIREX"))
    assert clean.body == "Both sides said the assault was premeditated."
    found = {text: kind for kind, text in clean.removed}
    assert found["(AP/Presidential Press Office)"] is LineKind.CREDIT
    assert found["© 2022 Jane Roe/WIREX"] is LineKind.CREDIT
    # a site's own copyright names no photographer: the paragraph above it stays
    footer = clean_text(
        "Headline of the story\n\nThe army said it had retaken the town.\n© 2023 All rights reserved",
        title_in_text=True,
    )
    assert footer.body == "The army said it had retaken the town."


def test_a_row_of_headlines_between_bullets_is_no_body_but_a_sentence_list_is():
    raw = (
        "Headline of the story\n\n"
        "Ten arrested in joint operation  •  Road project to boost trade  •  News summary at 1600 GMT, Oct. 4\n\n"
        "The toll rose to 22, the agency said.\n\n"
        "Troops moved in. • Shops closed. • Roads were cut."
    )
    clean = clean_text(raw, title_in_text=True)
    assert "Ten arrested" not in clean.body
    assert "Troops moved in. • Shops closed. • Roads were cut." in clean.body


def test_an_agency_and_a_date_with_buttons_after_them_name_the_wire_and_date_the_page():
    raw = (
        "Death toll rises to 22\n\n"
        "Xinhua, October 5, 2015 Adjust font size:\n\n"
        "The death toll has risen to 22, the agency said in a statement on Sunday."
    )
    clean = clean_text(raw, title_in_text=True, is_outlet=lambda n: n == "Xinhua")
    assert clean.body.startswith("The death toll")
    assert clean.sources == ("Xinhua",)
    assert clean.stamps == ("October 5, 2015",)


def test_a_long_wire_caption_over_a_picture_desk_credit_and_its_cut_off_copy_leave_the_body():
    caption = ("Mourners carry the coffin of the reporter to a hospital in the east of the city, "
               "Thursday, May 12, 2022. The reporter, who covered the region for more than 25 "
               "years, was shot dead on Wednesday during a military raid in the town, and "
               "colleagues said she was wearing a vest marked press when the shooting began "
               "near the camp on the edge of the old town.")  # fmt: skip
    assert 60 < len(caption.split()) <= 120
    raw = (
        "Mourners carry reporter's coffin\n\n"
        "Mourners carry the coffin of the reporter to...\n\n"
        f"{caption}\n\n(AP Photo/Jane Roe)\n\n"
        "Thousands gathered to mourn the reporter on Thursday."
    )
    clean = clean_text(raw, title_in_text=True, is_outlet=lambda n: n == "AP")
    assert clean.body == "Thousands gathered to mourn the reporter on Thursday."
    # without the picture desk's credit a paragraph that long stays reporting
    plain = clean_text(raw.replace("(AP Photo/Jane Roe)", "(Reporting by Jane Roe)"),
                       title_in_text=True, is_outlet=lambda n: n == "AP")  # fmt: skip
    assert caption in plain.body


@pytest.mark.parametrize(
    "note",
    [
        "Loading...",
        "This story has been corrected.",
        "Editor's note: This story has been updated with the army's statement.",
        "Follow our live coverage here.",
    ],
)
def test_a_pages_notes_on_itself_are_widgets(note):
    raw = f"Town shelled overnight\n\nThe army shelled the town on Monday night.\n\n{note}"
    assert kinds(raw)[note] is LineKind.WIDGET
    assert clean_text(raw, title_in_text=True).body == "The army shelled the town on Monday night."
