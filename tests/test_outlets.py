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
