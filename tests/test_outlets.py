import pytest

from rashomon.article.boilerplate import clean_text
from rashomon.article.outlets import OutletDirectory, find_dateline, identify_publisher, name_key
from rashomon.model import FoundIn

DIRECTORY = OutletDirectory.load()


def publisher(body="Text.", **kw):
    args = dict(stated=None, footers=(), leading_lines=(), url=None, body=body)
    args.update(kw)
    return identify_publisher(directory=DIRECTORY, **args)


def test_name_key_ignores_case_space_and_punctuation():
    assert name_key("TRTWorld") == name_key("TRT World") == name_key("trt-world")


def test_dateline_gives_wire_and_place():
    line = find_dateline("Geneva (AFP) - People stuck in Aleppo.", DIRECTORY)
    assert (line.place, line.wire) == ("Geneva", "AFP")
    assert "Geneva (AFP) - People"[line.length :] == "People"


def test_caps_dateline_with_date_and_reuters():
    line = find_dateline("BEIRUT, Nov 1 (Reuters) - Syrian rebels said...", DIRECTORY)
    assert (line.place, line.wire) == ("Beirut", "Reuters")


def test_a_dateline_day_written_with_no_space_after_the_month():
    line = find_dateline("SAADA, Aug.12 (Saba) \u2013 The minister said...", DIRECTORY)
    assert line is not None and line.place == "Saada"


@pytest.mark.parametrize(
    ("line", "wire", "place"),
    [
        # national and state agencies
        ("RAMALLAH, Nov 3 (WAFA) - Israeli forces opened fire.", "WAFA", "Ramallah"),
        ("TRIPOLI (LANA) - An air strike hit a detention centre.", "LANA", "Tripoli"),
        ("KABUL, Oct 3 (Pajhwok) - Twenty people died.", "Pajhwok Afghan News", "Kabul"),
        # a region of two words before the agency
        ("RAFAH, Gaza Strip (AP) \u2014 Israeli troops opened fire.", "AP", "Rafah"),
        ("JENIN, West Bank (AP) \u2014 Troops raided the camp.", "AP", "Jenin"),
        # a country in square brackets, a stop before the dash
        ("Kabul [Afghanistan], March 5 (ANI): Twenty people died.", "ANI", "Kabul"),
        ("Gaza, Feb 29 (EFE).- Israeli troops opened fire.", "EFE", "Gaza"),
        # the day before the month
        ("Kyiv, 8 April 2022 (Ukrinform) - Troops advanced.", "Ukrinform", "Kyiv"),
        ("GAZA, 29 February 2024 (AFP) - Troops advanced.", "AFP", "Gaza"),
    ],
)
def test_an_agencys_dateline_gives_it_as_the_wire_and_the_place(line, wire, place):
    found = find_dateline(line, DIRECTORY)
    assert found is not None and (found.wire, found.place) == (wire, place)


@pytest.mark.parametrize(
    ("line", "wire"),
    [
        ("Reuters contributed reporting.", "Reuters"),
        ("Associated Press writer Jane Roe in Cairo contributed.", "AP"),
        ("Associated Press writers Jane Roe and John Doe contributed to this report.", "AP"),
        ("This article was originally published by Reuters.", "Reuters"),
    ],
)
def test_an_agencys_writers_or_first_publication_under_the_copy_name_the_wire(line, wire):
    site = "https://www.example-gazette.com/news/1"
    assert publisher(footers=(line,), url=site).wire == DIRECTORY.find(wire).name
    raw = f"A headline for the story\n\nThe story.\n\n{line}"
    assert clean_text(raw, title_in_text=True).body == "The story."


def test_an_agencys_notice_to_subscribers_names_it_as_the_wire_and_leaves_the_body():
    notice = (
        "Anadolu Agency website contains only a portion of the news stories offered to "
        "subscribers in the AA News Broadcasting System (HAS), and in summarized form."
    )
    site = "https://www.example-gazette.com/news/1"
    assert publisher(footers=(notice,), url=site).wire == "Anadolu Agency"
    assert publisher(footers=(notice,), url="https://www.aa.com.tr/en/x").wire is None
    raw = f"A headline for the story\n\nThe story.\n\n{notice}"
    assert clean_text(raw, title_in_text=True).body == "The story."


@pytest.mark.parametrize(
    "line",
    [
        "A version of this article appears in print on July 30, 2022, Section A, Page 1 of the "
        "New York edition with the headline: Strike Hits Prison.",
        "\u2014With assistance from Jane Roe and John Doe.",
    ],
)
def test_a_papers_print_note_or_its_other_writers_leave_the_body(line):
    raw = f"A headline for the story\n\nThe story.\n\n{line}"
    assert clean_text(raw, title_in_text=True).body == "The story."


@pytest.mark.parametrize(
    "line", ["( Agencies)", "(Agencies)", "With agencies", "(With agency inputs)"]
)
def test_a_credit_to_agencies_it_does_not_name_leaves_the_body(line):
    raw = f"A headline for the story\n\nThe story.\n\n{line}"
    assert clean_text(raw, title_in_text=True).body == "The story."
    raw = f"A headline for the story\n\n{line}\n\nThe story."
    assert clean_text(raw, title_in_text=True).body == "The story."


def test_parenthesis_that_is_not_an_agency_is_no_dateline():
    assert find_dateline("Aleppo (Syria) - a city.", DIRECTORY) is None
    assert find_dateline("People stuck in Aleppo.", DIRECTORY) is None


def test_wire_is_the_outlet_only_when_nothing_else_names_one():
    p = publisher(body="Geneva (AFP) - People.")
    assert (p.outlet, p.found_in, p.wire) == ("AFP", FoundIn.TEXT, "AFP")
    p = publisher(body="Geneva (AFP) - People.", url="https://www.aljazeera.com/news/x")
    assert (p.outlet, p.found_in, p.wire) == ("Al Jazeera", FoundIn.URL, "AFP")


def test_footers_and_masthead():
    assert publisher(footers=("Source: Al Jazeera, News Agencies",)).outlet == "Al Jazeera"
    assert publisher(footers=("TRTWorld and agencies",)).outlet == "TRT World"
    assert publisher(leading_lines=("BBC News",)).outlet == "BBC"


def test_reuters_sign_off_under_another_site_makes_reuters_the_wire():
    footers = ("(Reporting by Jane Roe in Gaza; Writing by John Doe; Editing by Ann Poe)",)
    p = publisher(footers=footers, url="https://example-news.com/aid-convoy")
    assert (p.outlet, p.wire) == ("example-news.com", "Reuters")
    p = publisher(footers=footers, url="https://www.reuters.com/world/aid-convoy")
    assert (p.outlet, p.wire) == ("Reuters", None)


def test_a_source_footer_naming_an_agency_under_another_site_is_the_wire():
    footers = ("Source: Syrian Arab News Agency",)
    p = publisher(footers=footers, url="https://arabpressreleases.com/iran-condemns")
    assert (p.outlet, p.wire) == ("arabpressreleases.com", "SANA")
    assert publisher(footers=("Source: SANA",), url="https://sana.sy/en/?p=1").wire is None
    # a known outlet that is no agency, under a page of another site: the copy's source
    p = publisher(footers=("Source: New York Times",), url="https://factcheck.ge/en/story/1")
    assert (p.outlet, p.wire) == ("factcheck.ge", "The New York Times")
    p = publisher(footers=("Source: New York Times",), url="https://www.nytimes.com/2022/x")
    assert (p.outlet, p.wire) == ("The New York Times", None)
    assert publisher(footers=("Source: Al Jazeera, News Agencies",)).wire is None


def test_a_source_footer_naming_no_outlet_on_a_page_with_an_address_is_the_news_source():
    footers = ("Source: the mayor on Telegram",)
    p = publisher(footers=footers, url="https://news.example.org/2024/07/8/123/")
    assert (p.outlet, p.found_in) == ("example.org", FoundIn.URL)


def test_newer_domains_of_known_outlets_and_more_sites_that_report_conflicts():
    assert publisher(url="https://www.the-independent.com/news/world/x").outlet == (
        "The Independent"
    )
    assert publisher(url="https://www.pravda.com.ua/eng/news/2024/07/8/1/").outlet == (
        "Ukrainska Pravda"
    )


def test_stated_outlet_wins_and_is_canonicalised():
    p = publisher(stated=("ahram", FoundIn.RECORD), footers=("Source: Reuters",))
    assert (p.outlet, p.found_in) == ("Al-Ahram", FoundIn.RECORD)
    assert (
        publisher(stated=("Kyiv Independent Post", FoundIn.USER)).outlet == "Kyiv Independent Post"
    )


def test_url_domain_including_subdomains():
    assert publisher(url="https://www.bbc.co.uk/news/world-middle-east-1").outlet == "BBC"
    assert publisher(url="https://uk.reuters.com/article/x").outlet == "Reuters"
    unknown = publisher(url="https://news.example.org/a")
    assert (unknown.outlet, unknown.found_in) == ("example.org", FoundIn.URL)


def test_statement_intermediary_is_not_the_outlet():
    p = publisher(body='"This will happen soon," the officer told Reuters TV during the tour.')
    assert p.outlet is None and p.wire is None


def test_user_directory_file_adds_outlets(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "outlets:\n  - name: Enab Baladi English\n    domains: [english.enabbaladi.net]\n"
    )
    directory = OutletDirectory.load([extra])
    assert (
        directory.from_url("https://english.enabbaladi.net/archives/1").name
        == "Enab Baladi English"
    )


def test_an_agency_feeds_dateline_without_a_dash():
    body = "Rafah (Gaza Strip), Feb 29 (AP) Israeli troops fired on a crowd."
    line = find_dateline(body, DIRECTORY)
    assert (line.place, line.wire, body[line.length :]) == (
        "Rafah",
        "AP",
        "Israeli troops fired on a crowd.",
    )
    assert find_dateline("Aleppo (Syria) Troops advanced on the town.", DIRECTORY) is None
    assert find_dateline("Aleppo (Reuters) Troops advanced.", DIRECTORY).wire == "Reuters"
    # an Indian feed's colon after the place
    line = find_dateline("NEW DELHI: (IANS) Troops advanced.", DIRECTORY)
    assert (line.wire, "NEW DELHI: (IANS) Troops advanced."[line.length :]) == (
        "IANS",
        "Troops advanced.",
    )


def test_more_dateline_forms():
    cases = {
        "GENEVA, March 1. /TASS/. Militants used": ("Geneva", "TASS", "Militants"),
        "HMEYMIM AIRBASE (Syria), (Sputnik) – In April, MSF said": ("Hmeymim Airbase", "Sputnik", "In"),
        "Moscow, SANA- A Russian military source said": ("Moscow", "SANA", "A Russian"),
        "Tehran, Oct 4, IRNA – Foreign Ministry Spokeswoman": ("Tehran", "IRNA", "Foreign"),
        "Riyadh, July 29, 2022, SPA -- The army said": ("Riyadh", "SPA", "The army"),
        "ABU DHABI, 29th July, 2022 (WAM) -- The army said": ("Abu Dhabi", "WAM", "The army"),
        "DEIR EZ-ZOR/ANKARA (AA) - U.S.-led warplanes": ("Deir Ez-Zor/Ankara", "Anadolu Agency", "U.S."),
        "URUM-AL-KUBRA, Syria, Sept. 20 (UPI) -- The Russian": ("Urum-Al-Kubra", "UPI", "The"),
        "(REUTERS) – Russia said on Tuesday": (None, "Reuters", "Russia"),
        "BEIRUT, LEBANON (8:14 A.M.) – Speaking in Moscow": ("Beirut, Lebanon", None, "Speaking"),
        "KAFR TAL AFP June4, 2016-The army said": ("Kafr Tal", "AFP", "The army"),
        "DOHA AFP Oct 2, 2015 - Qatar said": ("Doha", "AFP", "Qatar"),
        "NEWTOWN, Freedonia — A strike hit the market": ("Newtown", None, "A strike"),
        "NEWTOWN (Daily Post / Sputnik - 3rd May, 2020) The army said": ("Newtown", "Sputnik", "The army"),
        "NEWTOWN, July 15, 2022 (TASS) - The army said": ("Newtown", "TASS", "The army"),
        "Newtown, May 3, 2021 (Reuters) - The army said": ("Newtown", "Reuters", "The army"),
        # a joint credit names its known agency; a capitalised place with its day opens the
        # copy whatever its brackets credit
        "NEWTOWN, Aug 7 (NNN-XINHUA) \u2014 An airstrike killed": ("Newtown", "Xinhua", "An airstrike"),
        "NEWTOWN, Aug 7 (Valley Courier) \u2014 An airstrike killed": ("Newtown", None, "An airstrike"),
        # the agency after the dash, closed by a full stop: a known agency only
        "MOSCOW, January 15 \u2013 RIA Novosti. The missile": ("Moscow", "RIA Novosti", "The missile"),
        # the agency first, then its place: on a line of its own or before a dash
        "AFP, THE HAGUE, Netherlands": ("The Hague", "AFP", ""),
        "Reuters, WASHINGTON \u2014 The army said": ("Washington", "Reuters", "The army"),
    }  # fmt: skip
    for text, (place, wire, rest) in cases.items():
        line = find_dateline(text, DIRECTORY)
        assert line is not None, text
        assert (line.place, line.wire) == (place, wire), text
        assert text[line.length :].startswith(rest), text


def test_byline_run_into_the_dateline_is_cut_with_it():
    text = "By Tom Perry and Lisa Barrington BEIRUT (Reuters) - Syrian rebels said on Monday."
    line = find_dateline(text, DIRECTORY)
    assert (line.place, line.wire) == ("Beirut", "Reuters")
    assert text[line.length :] == "Syrian rebels said on Monday."


def test_sentence_that_starts_like_a_dateline_is_not_one():
    assert find_dateline("MOSCOW, January 15 \u2013 The army. It said", DIRECTORY) is None
    assert find_dateline("The army (SAA) - said it would.", DIRECTORY) is None
    assert find_dateline("ISIS, the group said, would fight.", DIRECTORY) is None
    assert find_dateline("AFP, AP and Reuters reported it.", DIRECTORY) is None
    assert find_dateline("Hamas, ISIS — groups the army fights.", DIRECTORY) is None


def test_unknown_site_is_named_by_its_page_or_its_registrable_domain():
    p = publisher(url="https://www.kalamoonpost.net/x", page_lines=("Kalamoon PostKalamoon Post",))
    assert (p.outlet, p.found_in) == ("Kalamoon Post", FoundIn.TEXT)
    p = publisher(url="http://nonews2read.blogspot.com/2018/04/x.html")
    assert (p.outlet, p.found_in) == ("nonews2read.blogspot.com", FoundIn.URL)
    p = publisher(url="https://friendsofsyria.wordpress.com/2017/04/05/x/")
    assert p.outlet == "friendsofsyria.wordpress.com"


def test_wire_from_a_source_line_a_headline_credit_or_the_copys_own_disclaimer():
    site = "https://example.net/a"
    assert publisher(url=site, sources=("Mehr News Agency",)).wire == "Mehr News Agency"
    assert publisher(url=site, sources=("By Sputnik News",)).wire == "Sputnik"
    assert publisher(url=site, sources=("Beirut / AP",)).wire == "AP"
    assert publisher(url=site, title="Reuters : Russian jets struck the convoy").wire == "Reuters"
    told = "Bomb that killed 40 children in Yemen was supplied by the U.S.: CNN"
    assert publisher(url=site, title=told).wire == "CNN"
    own = "https://edition.cnn.com/2018/08/17/middleeast/x"
    assert publisher(url=own, title=told).wire is None  # the site's own name
    assert publisher(url=site, title="Strike kills 40: what we know").wire is None
    # a page title's site part naming another outlet: the page retells that outlet's
    assert publisher(url=site, title="Israel-Hamas war news | CNN").wire == "CNN"
    assert publisher(url=site, title="Strike kills 40 - Reuters").wire == "Reuters"
    assert publisher(url=own, title="Israel-Hamas war news | CNN").wire is None
    assert publisher(url=site, title="Strike kills 38 in east Syria - monitor").wire is None
    assert publisher(url=site, title="Israel-Hamas war: live updates").wire is None
    body = (
        "The AP investigation recreated what happened inside the theater. Survivors spoke. "
        "The AP also reconstructed a 3D model of the building."
    )
    assert publisher(url=site, body=body).wire == "AP"
    once = "The AP investigation recreated what happened inside the theater."
    assert publisher(url=site, body=once).wire is None
    body = (
        "Activists said 25 died. CNN could not immediately confirm the authenticity of the photos."
    )
    assert publisher(url=site, body=body).wire == "CNN"
    body = "None of the reports could be confirmed, both the Associated Press and Reuters said."
    assert publisher(url=site, body=body).wire is None


def test_a_source_line_naming_the_publisher_itself_is_no_wire():
    p = publisher(url="https://www.bbc.com/news/x", sources=("BBC News",))
    assert (p.outlet, p.wire) == ("BBC", None)


def test_newswire_place_and_day_without_a_dash_is_a_dateline():
    dateline = find_dateline("NEWTOWN, Sept 17 The army said on Saturday ...", DIRECTORY)
    assert dateline is not None and dateline.place == "Newtown" and dateline.wire is None
    assert "NEWTOWN, Sept 17 The army ..."[dateline.length :].startswith("The army")
    assert find_dateline("BEIRUT Oct 26 The monitor said ...", DIRECTORY).place == "Beirut"
    assert find_dateline("UNITED NATIONS said on Sept 17 that ...", DIRECTORY) is None


def test_a_source_footer_naming_a_wire_by_its_short_name_under_another_site_is_the_wire():
    p = publisher(footers=("Source: RIA",), url="https://someblog.org/2016/09/19/story/")
    assert (p.outlet, p.wire) == ("someblog.org", "RIA Novosti")
    assert publisher(footers=("Source: RIA",)).outlet == "RIA Novosti"  # no address: the footer


def test_a_bracketed_credit_without_an_agency_is_no_dateline():
    assert find_dateline("NEWTOWN (a town of the valley) The army said.", DIRECTORY) is None
    assert (
        find_dateline("Newtown (Valley Courier) \u2014 An airstrike killed 40.", DIRECTORY) is None
    )


def test_a_source_saying_what_it_could_not_confirm_is_no_wire():
    site = "https://example.net/a"
    body = "Roe said ICRC could not confirm who fired. Activists said 25 died."
    assert publisher(url=site, body=body).wire is None
    body = "Activists said 25 died. CNN could not confirm the toll."
    assert publisher(url=site, body=body).wire == "CNN"


def test_an_agency_that_contributed_to_the_report_is_the_wire():
    """ "The Associated Press contributed to this report.": the agency whose copy went into
    the page; a writer who contributed is no wire."""
    site = "https://www.example-gazette.com/news/1"
    line = "The Associated Press contributed to this report."
    assert publisher(footers=(line,), url=site).wire == DIRECTORY.find("Associated Press").name
    assert publisher(footers=("Jane Roe contributed to this report.",), url=site).wire is None
    raw = f"A headline for the story\n\nThe story.\n\n{line}"
    assert clean_text(raw, title_in_text=True).body == "The story."


def test_an_agency_reporting_at_the_end_of_the_lead_is_the_wire():
    site = "https://example.net/a"
    body = "Rescuers searched the ruins of the school on Friday, AP reports.\nMore text."
    assert publisher(url=site, body=body).wire == "AP"
    body = "The town was shelled again.\nThe army denied it, Reuters reported."
    assert publisher(url=site, body=body).wire is None  # not the lead paragraph
    body = "The town was shelled again, witnesses reported."
    assert publisher(url=site, body=body).wire is None
    # after a first line that is no sentence (a section and its date), the lead is the next
    body = "Arab World Materials 16 August 2012 02:25\nThe commission released its report, AP reported."
    assert publisher(url=site, body=body).wire == "AP"
    body = "AFP reports that the Pentagon said on Monday no troops will be punished."
    assert publisher(url=site, body=body).wire == "AFP"
    body = "A standfirst on the strike.\n" + body  # the paragraph after a standfirst
    assert publisher(url=site, body=body).wire == "AFP"
    body = "One.\nTwo.\n" + body  # deep in the text: a citation, no credit
    assert publisher(url=site, body=body).wire is None
    body = "Witnesses reported that the town was shelled again."
    assert publisher(url=site, body=body).wire is None


def test_an_agency_first_on_a_pages_credit_line_is_the_wire():
    site = "https://example.net/a"
    line = "Reuters | Kyiv | Updated: 16-01-2023 17:12 IST | Created: 16-01-2023 16:50 IST"
    assert publisher(url=site, page_lines=[line]).wire == "Reuters"
    # a section or a writer first names no agency; nor does a line without its times
    assert publisher(url=site, page_lines=["World | Kyiv | Updated: 16-01-2023"]).wire is None
    assert publisher(url=site, page_lines=["Reuters | Kyiv | Ukraine"]).wire is None


def test_the_one_organisation_a_source_told_is_a_blog_posts_wire():
    blog = "https://someone.blogspot.com/2018/04/douma.html"
    body = "A charity told the BBC the hospital had confirmed 70 deaths."
    assert publisher(url=blog, body=body).wire == "BBC"
    assert publisher(url="https://example.net/a", body=body).wire is None  # a newsroom's own
    both = body + " A doctor told Reuters that more had died."
    assert publisher(url=blog, body=both).wire is None  # two: no one copy
    assert publisher(url=blog, body="He told the Guardian nothing.").wire is None  # no agency


def test_an_agency_sources_spoke_to_twice_is_a_newsroom_pages_wire():
    site = "https://example.net/a"
    once = "The spokesman told Reuters on Thursday that only combatants were struck."
    assert publisher(url=site, body=once).wire is None  # an intermediary of one statement
    twice = once + " An air strike killed 43 people, a medical official told Reuters."
    assert publisher(url=site, body=twice).wire == "Reuters"
    other = twice + " A doctor told the BBC that more had died."
    assert publisher(url=site, body=other).wire is None  # two organisations: no one copy


def test_place_with_a_colon_or_a_spaced_dash_opens_the_lead():
    text = "NEWTOWN: About 50 people were killed on Tuesday."
    dateline = find_dateline(text, DIRECTORY)
    assert dateline is not None and dateline.place == "Newtown"
    assert text[dateline.length :].startswith("About 50")
    text = "Newtown – Local officials said on Friday that the bridge fell."
    dateline = find_dateline(text, DIRECTORY)
    assert dateline is not None and dateline.place == "Newtown"
    assert text[dateline.length :].startswith("Local officials")
    assert find_dateline("BREAKING: The army said ...", DIRECTORY) is None
    assert find_dateline("Update – The army said ...", DIRECTORY) is None
    assert find_dateline("Reuters – The army said ...", DIRECTORY) is None
    assert find_dateline("The army – its officers say – withdrew.", DIRECTORY) is None


def test_a_mixed_case_place_with_its_country_and_a_colon_opens_the_lead():
    text = "Tel Hamra al Kabir, Ruritania: Air strikes killed 12 people, a monitor said."
    dateline = find_dateline(text, DIRECTORY)
    assert dateline is not None and dateline.place == "Tel Hamra al Kabir"
    assert text[dateline.length :].startswith("Air strikes")
    assert find_dateline("Breaking, Update: The army said ...", DIRECTORY) is None
    assert find_dateline("The town, he said: it fell.", DIRECTORY) is None


def test_a_masthead_run_into_its_slogan_names_the_outlet():
    assert DIRECTORY.is_masthead("The Washington PostDemocracy Dies in Darkness")
    assert DIRECTORY.masthead_name("The Washington PostDemocracy Dies in Darkness") == (
        "The Washington Post"
    )
    assert not DIRECTORY.is_masthead("McDonald visits the town")


def test_a_platforms_or_page_caches_address_names_the_newsrooms_site():
    arc = "https://irishtimes-irishtimes-prod.cdn.arcpublishing.com/world/2021/08/30/x/"
    amp = "https://www-irishtimes-com.cdn.ampproject.org/c/s/www.irishtimes.com/x"
    for url in (arc, amp):
        found = DIRECTORY.from_url(url)
        assert found is not None and found.name == "The Irish Times"
    assert DIRECTORY.from_url("https://someone.cdn.arcpublishing.com/x") is None
    assert DIRECTORY.from_url("https://irishtimes.example.org/x") is None  # not a platform


def test_a_masthead_with_what_the_site_is_after_a_dash():
    assert DIRECTORY.masthead_name("SABA - Yemen news agency") == "Saba News Agency"
    assert DIRECTORY.masthead_name("Al Jazeera | Breaking News, World News") == "Al Jazeera"
    # a headline after the name is no slogan
    assert DIRECTORY.masthead_name("Saba - bus strike kills 40 children") is None
    assert DIRECTORY.masthead_name("Reuters: air strikes kill 20, news agency says") is None
