"""Read one HTML page into a RawArticle: main text, page metadata and image captions.

Extraction is trafilatura's job; this module only decides what counts as evidence. A date
or outlet is kept only when the page states it, because later stages weigh a claim by where
it came from, and a guessed date (today, a date in the body) would look like a stated one.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable
from copy import deepcopy
from typing import Any

import htmldate
import lxml.html
import trafilatura
from lxml.etree import LxmlError
from lxml.html import HtmlElement

from rashomon.errors import InputError
from rashomon.model import DatePrecision, FoundIn, PublicationDate, RawArticle

# Only the page's own statements: no free-text search over the body, publication date
# rather than last-modified, and the URL tried after the meta tags and JSON-LD so that we
# can tell (below) whether the date came from the URL. htmldate's max_date defaults to the
# end of today, which rejects dates in the future without ever inventing one.
DATE_PARAMS: dict[str, Any] = {
    "extensive_search": False,
    "original_date": True,
    "deferred_url_extractor": True,
    "outputformat": "%Y-%m-%d",
}

_SNIFF_BYTES = 4096
# <meta charset="x">, <meta http-equiv="Content-Type" content="text/html; charset=x"> and
# <?xml ... encoding="x"?> all name the charset the same way.
_CHARSET_RE = re.compile(
    rb"""<(?:meta|\?xml)\b[^>]*?(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
# Browsers (WHATWG Encoding Standard) read these labels as windows-1252, and real pages
# labelled latin-1 carry cp1252 curly quotes; Python's latin-1 would turn them into C1 controls.
_WHATWG_CP1252 = {"latin-1", "iso8859-1", "ascii", "cp819"}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# libxml2 silently drops what is nested deeper than this unless told to read huge trees.
_PARSER_DEPTH = 255
_HUGE_PARSER_DEPTH = 2048  # and with huge_tree=True, this
_KEEP_DEPTH = 100
# twenty or more of the same tag in a row, opening or closing, with nothing between them
_TAG_RUN = re.compile(
    r"<([A-Za-z][\w-]*)\b[^<>]{0,200}>\s*(?:<\1\b[^<>]{0,200}>\s*){19,}"
    r"|</([A-Za-z][\w-]*)\s*>\s*(?:</\2\s*>\s*){19,}"
)
_DEEP_PARSER = lxml.html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
# Control characters XML cannot hold (all C0 but tab, newline, carriage return; DEL), raw or
# as decimal or hexadecimal character references.
_MARKUP_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"
    r"|&#(?:0*(?:[0-8]|1[124-9]|2[0-9]|3[01]|127)|[xX]0*(?:[0-8]|[bBcCeEfF]|1[0-9a-fA-F]|7[fF]));"
)
_ESCAPE_REFERENCE = re.compile(r"&#(?:0*27|[xX]0*1[bB]);")
# Escape sequences (CSI, OSC, two-byte) as textsafe reads them, but never taking a "<" or ">":
# in markup that is a tag's, and losing it would run the tag into the text.
_MARKUP_SEQUENCE = re.compile(
    r"\x1b\[[0-;=?]*[ -/]*[@-~]?|\x1b[\]PX^_][^\x07\x1b<>]{0,2048}(?:\x07|\x1b\\)"
    r"|\x1b[ -;=?-~]?"
)
# Control characters that never occur in text, and U+FFFD left by a failed decode.
_JUNK_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
_JUNK_SHARE = 0.05
# A class-named caption holding these is a layout wrapper around the article, not a caption.
_CONTAINER_TAGS = ("article", "main", "section", "h1", "h2", "h3", "table")
_TAG_RE = re.compile(r"<\s*[A-Za-z!?]")
# The host part of a URL, as trafilatura reads it when it falls back to it for a site name.
_URL_HOST_RE = re.compile(r"https?://(?:www\.|w[0-9]+\.)?([^/:]+)")
# htmldate's last-resort pattern for a date in prose, and where prose is not.
_ISO_DATE_RE = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_NOT_PROSE = frozenset({"script", "style", "head", "title", "meta", "noscript"})
_DATE_MARKUP_WORDS = ("date", "time", "publish", "posted", "byline", "meta")
# The complete year/month/day in a URL, as htmldate's own URL extractor reads it.
_URL_DATE_RE = re.compile(r"\D(\d{4})[/_-](\d{1,2})[/_-](\d{1,2})(?:\D|$)")


def read_html(source: str, data: bytes | str, *, url: str | None = None) -> RawArticle:
    """Extract the article in one HTML page.

    `source` names the input in errors; `url` is where the page was fetched from, used when
    the page has no canonical URL of its own. Raises InputError when the data is not HTML or
    holds no article text, so a batch can report the input and go on.
    """
    markup = _without_controls(decode_html(data))
    tree = _parse(source, markup)
    caption_elements = _caption_texts(tree)
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        date_extraction_params=dict(DATE_PARAMS),
    )
    if document is None or not document.text or not document.text.strip():
        raise InputError(source, "no article text found in HTML")

    captions = _unique(outer for outer, _ in caption_elements)
    caption_keys = {_key(text) for _, texts in caption_elements for text in texts}
    meta_title = _clean(document.title)
    paragraphs = _paragraphs(document.text, meta_title, caption_keys)
    if not paragraphs:
        raise InputError(source, "no article text found in HTML")

    page_url = _clean(document.url) or url
    sitename = _stated_sitename(_clean(document.sitename), page_url)
    return RawArticle(
        source=source,
        text="\n\n".join(paragraphs),
        title=meta_title or paragraphs[0],
        outlet=sitename,
        outlet_found_in=FoundIn.METADATA if sitename else None,
        url=page_url,
        author=_clean(document.author),
        published=_publication_date(_stated_date(tree, document.date, page_url), page_url),
        captions=captions,
        markup=markup,
    )


def decode_html(data: bytes | str) -> str:
    """Decode page bytes the way a browser would: BOM, then the declared charset, then UTF-8.

    UTF-8 with replacement characters is the last resort, after the page's own declaration,
    so a cp1252 page keeps its 'café' and curly quotes instead of turning them into U+FFFD.
    """
    if isinstance(data, str):
        return data
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    declared = _declared_encoding(data[:_SNIFF_BYTES])
    if declared is not None:
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass  # mislabelled page: most often UTF-8 under a legacy label
    return data.decode("utf-8", errors="replace")


def _without_controls(markup: str) -> str:
    """The page without control characters, raw or as character references (`&#x1b;`):
    trafilatura gives up on a page whose text holds one (lxml will not build an element
    with it), so one escape sequence would cost the whole article."""
    markup = _ESCAPE_REFERENCE.sub("\x1b", markup)  # so the sequence it opens goes with it
    if "\x1b" in markup:
        markup = _MARKUP_SEQUENCE.sub("", markup)
    return _MARKUP_CONTROL.sub("", markup)


def _declared_encoding(head: bytes) -> str | None:
    """The Python codec for the charset the page declares, or None if absent or unknown."""
    match = _CHARSET_RE.search(head)
    if match is None:
        return None
    label = match.group(1).decode("ascii").lower()
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None  # an unknown label is as good as none: fall through to UTF-8
    return "cp1252" if name in _WHATWG_CP1252 else name


def _parse(source: str, markup: str) -> HtmlElement:
    """Parse the page once, refusing binary data and text without a single tag."""
    if not markup.strip():
        raise InputError(source, "empty page")
    sample = markup[: _SNIFF_BYTES * 2]
    if sample and len(_JUNK_RE.findall(sample)) > _JUNK_SHARE * len(sample):
        raise InputError(source, "not HTML: looks like binary data")
    if not _TAG_RE.search(markup):
        raise InputError(source, "not HTML: no tags found")
    try:
        tree = trafilatura.load_html(markup)
        if tree is not None and _depth(tree) >= _PARSER_DEPTH:
            # runs of one tag go first: even the huge-tree parser stops at 2,048 levels
            flat = _TAG_RUN.sub(" ", markup)
            tree = lxml.html.document_fromstring(flat, parser=_DEEP_PARSER)
            if _depth(tree) >= _HUGE_PARSER_DEPTH:
                raise InputError(source, f"HTML nested over {_HUGE_PARSER_DEPTH:,} levels deep: "
                                 "its text cannot be read")  # fmt: skip
            tree = _flattened(tree)
    except (ValueError, LxmlError) as err:
        raise InputError(source, f"cannot parse HTML: {err}") from err
    if tree is None:
        raise InputError(source, "no article text found in HTML: the page could not be parsed")
    return tree


def _depth(tree: HtmlElement) -> int:
    """How deep the element tree goes (an explicit stack: no Python recursion)."""
    deepest, stack = 0, [(tree, 1)]
    while stack:
        element, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in element)
    return deepest


def _flattened(tree: HtmlElement) -> HtmlElement:
    """The page with wrappers below `_KEEP_DEPTH` unwrapped, their text and children lifted.

    libxml2 stops at 256 levels and drops whatever is nested deeper, and a page nested a
    thousand <div>s deep (broken templates do this) would lose its article; nothing an
    article needs is structured that deep."""
    deep = []
    stack = [(tree, 1)]
    while stack:
        element, depth = stack.pop()
        if depth > _KEEP_DEPTH and isinstance(element.tag, str) and element.tag not in ("p", "br"):
            deep.append(element)
        stack.extend((child, depth + 1) for child in element)
    for element in reversed(deep):
        element.drop_tag()
    return tree


def _caption_texts(tree: HtmlElement) -> list[tuple[str, tuple[str, ...]]]:
    """Image captions in document order, each with the texts of its nested caption parts.

    A caption is a <figcaption> or an element whose class mentions 'caption'; img alt text
    describes the picture for screen readers and is not a caption. The outermost caption
    element is the caption ('Fighters in Aleppo. Photo: AP'); its nested parts are kept
    only to recognise a caption that leaked into the main text piece by piece.
    """
    elements = [element for element in tree.iter() if _is_caption(element)]
    chosen = set(elements)
    found: list[tuple[str, tuple[str, ...]]] = []
    for element in elements:
        if any(ancestor in chosen for ancestor in element.iterancestors()):
            continue
        outer = _normalise(element.text_content())
        if not outer:
            continue
        nested = (part for part in element.iterdescendants() if part in chosen)
        parts = [outer, *(text for part in nested if (text := _normalise(part.text_content())))]
        found.append((outer, tuple(parts)))
    return found


def _is_caption(element: Any) -> bool:
    """A figcaption, or a small element classed as a caption (not a 'has-caption' page body)."""
    if not isinstance(element, HtmlElement) or not isinstance(element.tag, str):
        return False  # comments and processing instructions
    if element.tag == "figcaption":
        return True
    if "caption" not in (element.get("class") or "").lower():
        return False
    if sum(1 for _ in element.iterdescendants("p")) > 1:
        return False
    return next(element.iterdescendants(*_CONTAINER_TAGS), None) is None


def _paragraphs(text: str, title: str | None, caption_keys: set[str]) -> list[str]:
    """Main-text paragraphs without the repeated headline and without leaked captions.

    trafilatura keeps the page's <h1> as the first line of the text; the title is stored
    apart, so leaving it in the text would make later stages read the headline twice.
    """
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    if title and paragraphs and _key(paragraphs[0]) == _key(title):
        paragraphs = paragraphs[1:]
    return [p for p in paragraphs if _key(p) not in caption_keys]


def _stated_sitename(sitename: str | None, page_url: str | None) -> str | None:
    """The site name the page gives, not trafilatura's fallback to the URL's domain.

    Mapping a domain to an outlet is a later stage's job, with its own FoundIn.URL label.
    """
    if sitename is None or page_url is None:
        return sitename
    match = _URL_HOST_RE.match(page_url)
    if match is not None and match.group(1).casefold() == sitename.casefold():
        return None
    return sitename


def _stated_date(tree: HtmlElement, value: str | None, page_url: str | None) -> str | None:
    """trafilatura's date, unless only a bare ISO date in the page's prose supports it.

    Even without extensive search htmldate's last resort is the first YYYY-MM-DD anywhere in
    the visible text, such as '2016-09-11' in 'the truce began on 2016-09-11'; that is the
    article talking, not the page stating when it was published. When the date does occur
    in prose, ask htmldate again with ISO dates blanked out of the prose; meta tags,
    JSON-LD, <time> and date-classed elements (bylines) still answer.
    """
    if value is None or not _prose_mentions(tree, value):
        return value
    probe = deepcopy(tree)
    for element in probe.iter():
        if not isinstance(element.tag, str) or element.tag in _NOT_PROSE:
            continue
        if not _is_date_markup(element) and element.text:
            element.text = _ISO_DATE_RE.sub(" ", element.text)
        parent = element.getparent()
        if element.tail and (parent is None or not _is_date_markup(parent)):
            element.tail = _ISO_DATE_RE.sub(" ", element.tail)
    return htmldate.find_date(probe, url=page_url, **DATE_PARAMS)


def _prose_mentions(tree: HtmlElement, value: str) -> bool:
    """Whether the ISO date `value` is written in the page's text (not in its attributes)."""
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in _NOT_PROSE:
            continue
        for chunk in (element.text, element.tail):
            if chunk and any(_iso(m) == value for m in _ISO_DATE_RE.finditer(chunk)):
                return True
    return False


def _is_date_markup(element: HtmlElement) -> bool:
    """An element whose markup says it holds a date: <time>, or a date-like class or id."""
    if element.tag == "time":
        return True
    names = " ".join(element.get(a) or "" for a in ("class", "id", "itemprop")).lower()
    return any(word in names for word in _DATE_MARKUP_WORDS)


def _iso(match: re.Match[str]) -> str:
    year, month, day = (int(part) for part in match.groups())
    return f"{year:04d}-{month:02d}-{day:02d}"


def _publication_date(value: str | None, page_url: str | None) -> PublicationDate | None:
    """The page's stated date; found in the URL when the URL spells that very date."""
    if not value:
        return None
    found_in = FoundIn.URL if _url_has_date(page_url, value) else FoundIn.METADATA
    return PublicationDate(value=value, precision=DatePrecision.DAY, found_in=found_in)


def _url_has_date(page_url: str | None, value: str) -> bool:
    if not page_url:
        return False
    return any(_iso(match) == value for match in _URL_DATE_RE.finditer(page_url))


def _unique(texts: Iterable[str]) -> tuple[str, ...]:
    """Texts in first-seen order without repeats (a caption often appears twice: lightbox)."""
    return tuple(dict.fromkeys(texts))


def _clean(value: str | None) -> str | None:
    """Strip a metadata field, treating a blank one as absent."""
    if value is None:
        return None
    value = value.strip()
    return value or None


def _normalise(text: str) -> str:
    return " ".join(text.split())


def _key(text: str) -> str:
    """Comparison key for paragraphs: case and whitespace do not make a different line."""
    return _normalise(text).casefold()
