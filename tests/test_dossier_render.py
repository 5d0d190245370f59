"""The dossier renderers on a hand-built, fictional story (tests/dossier_sample.py)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from dossier_sample import HOSTILE, empty_dossier, sample_dossier

from rashomon.report.dossier_html import SECTIONS, render_html
from rashomon.report.dossier_markdown import date_label, escape, render_markdown

MD_SECTIONS = ("Summary", "Sources", "Key actors", "Timeline", "Figures and disputed numbers",
               "Contradictions", "Quotes by speaker")  # fmt: skip
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
_VOID = {"meta", "br", "hr", "img", "input", "link", "wbr", "col", "source"}


class Page(HTMLParser):
    """Collects what the HTML tests ask about, and checks every element is closed in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.text: list[str] = []
        self.scripts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in _VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        (self.scripts if self.stack[-1:] == ["script"] else self.text).append(data)

    def attr(self, name: str) -> list[str]:
        return [a[name] or "" for _, a in self.tags if name in a]


def parse(html_text: str) -> Page:
    page = Page()
    page.feed(html_text)
    page.close()
    assert page.stack == [], f"unclosed elements: {page.stack}"
    return page


# --- Markdown ----------------------------------------------------------------------------


def test_markdown_has_every_section_in_order() -> None:
    md = render_markdown(sample_dossier())
    assert md.startswith("# Air strikes on Veldora & the ceasefire talks\n")
    positions = [md.index(f"\n## {title}\n") for title in MD_SECTIONS]
    assert positions == sorted(positions)
    assert "2016-10-04 – 2016-10-19" in md and "5 articles from 6 outlets" in md


def test_markdown_citations_point_into_sources() -> None:
    md = render_markdown(sample_dossier())
    summary = md.split("## Summary")[1].split("## Sources")[0]
    assert "Tuesday. [1][3]" in summary
    sources = md.split("## Sources")[1].split("## Key actors")[0]
    assert all(f"| [{n}] |" in sources for n in range(1, 6))
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", md)}
    assert cited <= {1, 2, 3, 4, 5}
    assert "[?]" in md  # the timeline entry citing an article outside the sources is flagged


def test_markdown_timeline_is_honest_about_dates_and_factuality() -> None:
    md = render_markdown(sample_dossier())
    assert "**2016-11 (month)** — Ceasefire talks on Veldora · _planned_" in md
    assert "_negated_" in md and "**undated** — Rumoured convoy" in md
    assert "3 reports, 2 independent [1][3]" in md
    assert "1 report, 1 independent" in md


def test_markdown_tables_survive_pipes_and_newlines() -> None:
    md = render_markdown(sample_dossier())
    assert r"Medics count the dead in Veldora \| eyewitness accounts" in md
    for line in md.splitlines():
        if line.startswith("|"):
            assert line.endswith("|")
    widths = {
        len(re.findall(r"(?<!\\)\|", ln))
        for ln in md.split("## Sources")[1].split("##")[0].splitlines()
        if ln.startswith("|")
    }
    assert widths == {7}


def test_markdown_never_passes_raw_html_through() -> None:
    md = render_markdown(sample_dossier())
    assert HOSTILE not in md
    assert r"\<script\>alert(1)\</script\>" in md


def test_markdown_disputes_and_changes_are_apart() -> None:
    md = render_markdown(sample_dossier())
    figures = md.split("## Figures and disputed numbers")[1].split("## Contradictions")[0]
    assert "people killed in the Veldora strikes **(disputed)**" in figures
    assert (
        "| 〃 | no more than 12 | Northern Coalition | Meridian Daily | 2016-10-06 | [4] |"
        in figures
    )
    contradictions, changes = (
        md.split("## Contradictions")[1]
        .split("## Quotes")[0]
        .split("### Changes over time, not contradictions")
    )
    assert "### civilians killed by coalition strikes (polarity)" in contradictions
    assert (
        "- **around 40** — Veldora medical council, via Valley Courier, 2016-10-05 [2]"
        in contradictions
    )
    assert "  > Local medics said around 40 civilians" in contradictions
    assert "Meridian Daily (outlet)" in contradictions  # unnamed claimant: the outlet stands in
    assert "Mirel" not in contradictions
    assert "closed (2016-10-05) → reopened (2016-10-19)" in changes


def test_markdown_quotes_list_every_outlet() -> None:
    quotes = render_markdown(sample_dossier()).split("## Quotes by speaker")[1]
    assert "### Ilse Marrow" in quotes and "### Dr. Tomas Reyl" in quotes
    assert "Harbor Times (“said”) [1]; Eastern Post (“said”, via Continental Press) [3]" in quotes


def test_markdown_empty_sections_say_none_found() -> None:
    md = render_markdown(empty_dossier())
    for title in MD_SECTIONS:
        assert f"## {title}\n\n_None found._" in md
    assert "**undated**" in md


@pytest.mark.parametrize(
    ("date", "precision", "label"),
    [("2016-10-04", "day", "2016-10-04"), ("2016-10-01", "month", "2016-10 (month)"),
     ("2016-01-01", "year", "2016 (year)"), ("2016-10-03", "week", "week of 2016-10-03"),
     (None, None, "undated"), ("2016-10-04", None, "2016-10-04")],
)  # fmt: skip
def test_date_label(date: str | None, precision: str | None, label: str) -> None:
    assert date_label(date, precision) == label


def test_escape_neutralises_markdown() -> None:
    assert escape("a|b\n*c* [d](e) `f` _g_") == r"a\|b \*c\* \[d\](e) \`f\` \_g\_"


# --- HTML --------------------------------------------------------------------------------


def test_html_is_a_standalone_document() -> None:
    text = render_html(sample_dossier())
    page = parse(text)
    assert text.startswith("<!DOCTYPE html>")
    assert ("html", {"lang": "en"}) in page.tags and ("meta", {"charset": "utf-8"}) in page.tags
    names = [t for t, _ in page.tags]
    for semantic in ("header", "nav", "main", "section", "footer", "details"):
        assert semantic in names
    assert all(a.get("scope") in ("col", "row", "rowgroup") for t, a in page.tags if t == "th")
    assert [i for i in page.attr("id") if i in dict(SECTIONS)] == [k for k, _ in SECTIONS]
    ids = page.attr("id")
    assert len(ids) == len(set(ids))


def test_html_escapes_hostile_text() -> None:
    text = render_html(sample_dossier())
    page = parse(text)
    assert "<script>alert" not in text and "alert(1)" not in "".join(page.scripts)
    assert text.count(ESCAPED) >= 6  # summary, title, timeline, side, evidence, quote
    assert [t for t, _ in page.tags].count("script") == 1  # ours, for printing only
    assert "fabricated &amp; absurd" in text and "&#x27;invented&#x27;" in text
    assert "Mirel crossings &quot;reopen&quot;" in text
    assert HOSTILE in "".join(page.text)  # …and reads back as the literal text


def test_html_loads_nothing_from_elsewhere() -> None:
    text = render_html(sample_dossier())
    page = parse(text)
    assert not re.search(r"https?:|//[a-z]", text, re.I)
    assert "@import" not in text and "url(" not in text
    assert all(t != "link" for t, _ in page.tags)
    assert all(not a.get("src") for _, a in page.tags)
    assert all(h.startswith("#") for h in page.attr("href"))


def test_html_citations_link_to_existing_sources() -> None:
    page = parse(render_html(sample_dossier()))
    ids = set(page.attr("id"))
    targets = [h[1:] for h in page.attr("href") if h.startswith("#src-")]
    assert {f"src-{n}" for n in range(1, 6)} <= ids
    assert targets and all(t in ids for t in targets)
    assert all(h[1:] in ids for h in page.attr("href"))  # the table of contents too
    classes = page.attr("class")
    assert "cite missing" in classes  # the citation of an unknown article is not a dead link


def test_html_shows_dispute_sides_and_tags() -> None:
    text = render_html(sample_dossier())
    page = parse(text)
    classes = page.attr("class")
    assert classes.count("dispute live") == 2 and classes.count("dispute change") == 1
    assert classes.count("side") == 6
    assert '<tbody class="disputed">' in text and '<tbody class="agreed">' in text
    assert '<span class="tag fact-planned">planned</span>' in text
    assert '<span class="badge undated">undated</span>' in text
    assert ">2016-11 (month)</time>" in text
    changes = text.split('id="changes"')[1]
    assert "Mirel border crossings" in changes and "Veldora strikes" not in changes
    assert "3 reports, 2 independent" in text


def test_html_empty_sections_say_none_found() -> None:
    text = render_html(empty_dossier())
    page = parse(text)
    for key, _ in SECTIONS:
        section = text.split(f'<section id="{key}"')[1].split("</section>")[0]
        assert "None found." in section, key
    assert page.attr("href") == [f"#{k}" for k, _ in SECTIONS]
