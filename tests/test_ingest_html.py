"""read_html on small hand-written pages: what is article text, what is page furniture."""

from __future__ import annotations

import random

import pytest

from rashomon.errors import InputError
from rashomon.ingest.html import decode_html, read_html
from rashomon.model import DatePrecision, FoundIn, PublicationDate

TITLE = "Ceasefire holds in northern valley"
PARAGRAPHS = (
    "A fragile ceasefire between government forces and the valley militias held for a third "
    "day on Wednesday, residents and monitors said, as the first aid convoys prepared to "
    "cross the river.",
    "Monitors from the regional observer mission reported two minor violations overnight, "
    "both near the old mill, but said neither side had used heavy weapons since the truce "
    "began on Sunday evening.",
    '"People are sleeping through the night again," said a shopkeeper in the market town, '
    'who asked not to be named. "We are not yet sure it will last."',
    "Negotiators are due to meet again next week to discuss the withdrawal of fighters from "
    "the hills above the town and the exchange of prisoners held by both sides.",
)
CAPTION = "Aid trucks wait at the checkpoint near the river crossing."
ALT = "Alt text of a truck convoy"
NAV = "World news menu"
SHARE = "Share this story on Facebook and Twitter"
FOOTER = "Copyright 2016 The Daily Ledger. All rights reserved. Contact our newsroom."

HEAD = f"""<meta charset="utf-8">
<title>{TITLE} | The Daily Ledger</title>
<meta property="og:site_name" content="The Daily Ledger">
<meta property="og:title" content="{TITLE}">
<meta name="author" content="Mira Castellan">
<meta property="article:published_time" content="2016-09-14T08:30:00Z">
<link rel="canonical" href="https://ledger.example.com/world/ceasefire-holds">"""


def page(head: str = HEAD, *, before: str = "", after: str = "") -> str:
    """A news page: navigation, share widget, article with h1 and figure, footer."""
    body = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="en"><head>{head}</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">{NAV}</a></li></ul></nav>
<div class="share-widget">{SHARE}</div>
<article>
<h1>{TITLE}</h1>
<figure><img src="convoy.jpg" alt="{ALT}"><figcaption>{CAPTION}</figcaption></figure>
{before}
{body}
{after}
</article>
<footer><p>{FOOTER}</p></footer>
</body></html>"""


@pytest.fixture(scope="module")
def article():
    return read_html("ledger.html", page().encode("utf-8"))


def test_title_from_metadata(article):
    assert article.title == TITLE


def test_body_paragraphs_separated_by_blank_line(article):
    assert article.text == "\n\n".join(PARAGRAPHS)


def test_page_furniture_is_not_text(article):
    for furniture in (NAV, SHARE, FOOTER, "Home"):
        assert furniture not in article.text


def test_duplicated_h1_removed_from_text(article):
    assert not article.text.startswith(TITLE)
    assert TITLE not in article.text


def test_page_metadata(article):
    assert article.source == "ledger.html"
    assert article.outlet == "The Daily Ledger"
    assert article.outlet_found_in is FoundIn.METADATA
    assert article.url == "https://ledger.example.com/world/ceasefire-holds"
    assert article.author == "Mira Castellan"


def test_published_time_meta_gives_day(article):
    assert article.published == PublicationDate("2016-09-14", DatePrecision.DAY, FoundIn.METADATA)


def test_figcaption_is_a_caption_not_text(article):
    assert article.captions == (CAPTION,)
    assert CAPTION not in article.text
    assert ALT not in article.captions
    assert ALT not in article.text


def test_markup_is_the_decoded_page(article):
    assert article.markup == page()


def test_no_date_anywhere_gives_none():
    html = page("<title>Truce talks resume</title>")
    assert read_html("nodate.html", html).published is None


def test_iso_date_in_prose_is_not_a_publication_date():
    # htmldate's last resort picks the first YYYY-MM-DD in the text: the truce date, not
    # the day the page was published.
    html = page("<title>Truce talks resume</title>", after="<p>The truce began on 2016-09-11.</p>")
    article = read_html("prose-date.html", html)
    assert "2016-09-11" in article.text
    assert article.published is None


def test_metadata_date_wins_over_prose_date():
    article = read_html("both.html", page(after="<p>The truce began on 2016-09-11.</p>"))
    assert article.published is not None
    assert article.published.value == "2016-09-14"


def test_url_argument_used_without_canonical_and_no_domain_outlet():
    html = page("<title>Truce talks resume</title>")
    article = read_html("x.html", html, url="https://www.valley-post.example.net/truce")
    assert article.url == "https://www.valley-post.example.net/truce"
    # trafilatura falls back to the domain as site name; mapping domains is a later stage
    assert article.outlet is None
    assert article.outlet_found_in is None


def test_class_captions_in_order_deduplicated_and_removed_from_text():
    leaked = "Fighters leave the hills above the town at dawn on Monday."
    # trafilatura drops class="caption..." but keeps class="Caption": the leak to remove
    after = (
        f'<p class="Caption">{leaked}</p>'
        f'<div class="image-caption">  {leaked}\n</div>'
        '<figure><figcaption>Second   picture <span class="caption-credit">Photo: Agency'
        "</span></figcaption></figure>"
    )
    article = read_html("captions.html", page(after=after))
    assert article.captions == (CAPTION, leaked, "Second picture Photo: Agency")
    assert leaked not in article.text
    assert "Photo: Agency" not in article.text
    assert article.text == "\n\n".join(PARAGRAPHS)


def test_cp1252_page_with_meta_charset():
    head = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
    head += '<meta property="og:title" content="Talks at the caf\u00e9">'
    quote = "\u201cWe met at the caf\u00e9 by the bridge,\u201d the mediator said."
    html = page(head, after=f"<p>{quote}</p>")
    article = read_html("latin.html", html.encode("cp1252"))
    assert article.title == "Talks at the caf\u00e9"
    assert quote in article.text
    assert "\ufffd" not in article.markup


def test_decode_falls_back_to_utf8_when_declared_charset_fails():
    # The declaration is honoured even over bytes that happen to be valid UTF-8, and an
    # 'ascii' label means cp1252 as it does in browsers.
    data = '<meta charset="ascii"><p>caf\u00e9</p>'.encode()
    assert decode_html(data) == '<meta charset="ascii"><p>caf\u00c3\u00a9</p>'
    assert decode_html(b'<meta charset="utf-8"><p>caf\xe9</p>') == (
        '<meta charset="utf-8"><p>caf\ufffd</p>'
    )
    assert decode_html(b'<meta charset="no-such-codec"><p>caf\xc3\xa9</p>').endswith(
        "caf\u00e9</p>"
    )


@pytest.mark.parametrize("data", [b"", b"   \n", "", "<html><body></body></html>"])
def test_empty_page_is_an_input_error(data):
    with pytest.raises(InputError) as caught:
        read_html("empty.html", data)
    assert caught.value.source == "empty.html"
    assert str(caught.value).startswith("empty.html: ")


def test_random_bytes_are_an_input_error():
    rng = random.Random(20160914)
    for _ in range(50):
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 3000)))
        with pytest.raises(InputError) as caught:
            read_html("noise.bin", data)
        assert caught.value.source == "noise.bin"
        assert "\n" not in caught.value.problem


def test_text_without_markup_is_an_input_error():
    with pytest.raises(InputError, match="not HTML"):
        read_html("plain.html", " ".join(PARAGRAPHS))


def test_date_only_in_canonical_url_is_found_in_url():
    head = '<link rel="canonical" href="https://x.example.org/2016/09/12/truce-talks">'
    article = read_html("urldate.html", page(head))
    assert article.published == PublicationDate("2016-09-12", DatePrecision.DAY, FoundIn.URL)
