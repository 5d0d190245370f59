"""Separate an article's reporting from the web furniture scraped along with it.

Scraped news text mixes the story with captions, photo credits, related-story headlines,
"READ MORE" links, comment forms and share widgets. Left in, they become false facts ("kill 13
ISIS members" is another story's headline). We classify lines instead of rewriting text, so
every kept character still has a known position in the raw text (see `OffsetMap`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from rashomon.article import furniture
from rashomon.article.dates import MONTH_DAY, lead_stamp_length
from rashomon.article.signed import agency_footer
from rashomon.model import OffsetMap


class LineKind(StrEnum):
    BODY = "body"
    BLANK = "blank"
    TITLE = "title"
    CAPTION = "caption"  # kept apart from the body, in Article.captions
    CREDIT = "credit"  # photo credit: dropped
    RELATED = "related"  # related-story links and headlines
    HEADING = "heading"  # short non-sentence lines: subheads, stray headlines
    WIDGET = "widget"  # share buttons, newsletter prompts, copyright
    COMMENTS = "comments"  # comment forms and everything after them
    FOOTER = "footer"  # "Source: Al Jazeera", "TRTWorld and agencies": outlet evidence
    SOURCE = "source"  # a line naming an outlet or agency alone ("Mehr News Agency", "By REUTERS")
    STAMP = "stamp"  # a line that only dates the page ("Posted on September 21, 2016")
    TEASER = "teaser"  # cut-off summaries of other stories, ending in an ellipsis
    REPEAT = "repeat"  # a paragraph printed again (a gallery's second caption, a cut-off lead)


@dataclass(frozen=True)
class Line:
    start: int  # offset of the first non-space character in the raw text
    end: int  # offset just after the last non-space character
    text: str  # stripped

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class CleanText:
    title: str | None
    body: str
    offsets: OffsetMap
    captions: tuple[str, ...]
    footers: tuple[str, ...]  # lines that name the publisher; read by outlet detection
    leading_lines: tuple[str, ...]  # non-empty lines before the title (mastheads)
    removed: tuple[tuple[LineKind, str], ...]
    sources: tuple[str, ...] = ()  # lines naming an outlet or agency alone: wire evidence
    stamps: tuple[str, ...] = ()  # date lines removed from the body: publication-date evidence
    byline: str | None = None  # the writer named by a byline line above the body


# A picture's label as a screen reader hears it ("Image source, Getty Images", "Image
# caption, Rescuers at the site", "picture description,"): hidden words a saved page keeps.
_MEDIA = r"(?:image|picture|photo|media|video)"
_CREDIT_PREFIX = re.compile(
    r"^(image copyright|photo by:?|photo credit:?|photographs?:|photos:|photo:|picture:|image:"
    r"|credit:|copyright:?\s*(?:getty|reuters|afp|ap)\b|getty images\b"
    rf"|{_MEDIA}\s+source\s*(?:[,:]|$))",
    re.IGNORECASE,
)
_CAPTION_PREFIX = re.compile(
    rf"^(caption:|{_MEDIA}\s+caption\s*[,:]?|{_MEDIA}\s+desc(?:ription)?\s*(?:[,:]|$))\s*",
    re.IGNORECASE,
)
_RELATED_PREFIX = re.compile(
    r"^(read more|read also|also read|related|see also|more on this|watch|listen|recommended)"
    r"\s*(?:[:\-–—|]|\.{2,}|…|$)",
    re.IGNORECASE,
)
_RELATED_BLOCK = re.compile(
    r"^(related topics|related stories|related articles|related content|more on this story"
    r"|more stories|you may also like|most read|top stories)\s*:?$",
    re.IGNORECASE,
)
_WIDGET_WORDS = {
    "share", "share this", "share this article", "share this story", "share article", "tweet",
    "email", "e-mail", "print", "facebook", "twitter", "whatsapp", "linkedin", "reddit",
    "messenger", "copy link", "copy", "pinterest", "telegram", "comments", "save",
}  # fmt: skip
_WIDGET_LINE = re.compile(
    r"^(share (this|on|via)\b.*|click to share.*|click (here|next)\b.{0,60}|follow us on\b.*"
    r"|sign up for\b.*"
    # a text-to-speech player's label: "Audio By Carbonatix", "Listen to this article"
    r"|(?:audio|voiced|narrated) by\b.{0,30}|listen to (?:this|the) (?:article|story)\b.{0,20}"
    r"|subscribe to\b.*|advertisement|all rights reserved.*|copyright\s*(©|\(c\)|\d{4}).*"
    r"|©.*|this article was (originally )?published.*on\b.*"
    # a stamp's labels with their values lost in the saving: "Published: Updated:"
    r"|(?:(?:first |last )?(?:published|posted|updated|modified)(?: on)?\s*:\s*)+"
    # a page's notes on itself: "Loading...", "This story has been updated.", "Editor's note:
    # ...", "Follow our live coverage here."
    r"|loading\s*(?:\.{2,3}|\u2026)|this (?:story|article) has been (?:updated|corrected)\b.*"
    r"|editor[\u2019']?s note\s*:.*|follow our live (?:coverage|updates|blog)\b.{0,40}"
    r"|\[an error occurred while processing this directive\])$",  # a server's include error
    re.IGNORECASE,
)
# A caption line carrying its picture's credit ("Crowds at the border Photo Credit: @handle").
_INLINE_CREDIT = re.compile(r"\b(?:photo|picture|image)\s+credit\s*:\s*\S+$", re.IGNORECASE)
_SOURCE_LINE = re.compile(r"^sources?\s*:\s*\S", re.IGNORECASE)
# "Tripoli (AFP) July 3, 2019": a place, the agency in brackets, the day
_PLACE_AGENCY_DAY = re.compile(
    r"^[A-Z][\w.'\u2019 -]{1,40}?\s*\((?P<name>[^()]{2,30})\)\s*,?\s*(?P<day>\S.*)$"
)
# A byline run into the page's dating: "By AP Published: Wed 18 Oct 2023, 11:03 AM Last
# updated: Wed 18 Oct 2023, 11:08 AM".
_BYLINE_STAMP = re.compile(
    r"^by\s+(?P<name>[^\W\d_][\w .&'’-]{0,40}?)\s+(?=(?:first\s+)?(?:published|posted|updated))"
    r"(?P<stamp>.+)$",
    re.IGNORECASE,
)
# A byline run into the page's date with no label: "By AP and TIMES OF ISRAEL STAFF August 21,
# 2013, 9:34 am"
_BYLINE_DATED = re.compile(
    rf"^by\s+(?P<names>[^\W\d_][\w .,&'’-]{{0,60}}?)\s+(?P<stamp>{MONTH_DAY}\b.*)$", re.IGNORECASE
)
_STAMP_LABEL = re.compile(
    r"\b(?:(?:first|last)\s+)?(?:published|posted|updated|modified)\b(?:\s+on)?\s*:?", re.I
)
_COMMENTS_START = re.compile(
    r"^(leave a (reply|comment)|post a comment|add (a|your) comment|comments?\s*\(\d+\)"
    r"|join the (conversation|discussion)|\d+ comments?)\s*:?$",
    re.IGNORECASE,
)
_FOOTER_LINE = re.compile(
    r"^(source\s*:\s*.+|.{2,40}\s+(and|with|&)\s+(news\s+)?agencies"
    r"|\((reporting|additional reporting|writing|editing) by .+\)"
    r"|(reporting|additional reporting) by .+;.+"
    # "Additional reporting by Jane Roe in Beirut.": the copy's other writers, signed off
    r"|additional reporting by [^.;:!?]{2,80}\.?"
    # "A version of this article appears in print on July 30, 2022, Section A, Page 1 of the
    # New York edition": where the paper printed it
    r"|a\s+version\s+of\s+this\s+(?:article|story)\s+appears\s+in\s+print\b.*"
    # "--With assistance from Jane Roe.": the copy's other writers
    r"|[-\u2013\u2014]*\s*with\s+assistance\s+from\s+[^.;:!?]{2,120}\.?"
    # "(Agencies)", "With agency inputs": copy from agencies it does not name
    r"|\(?\s*(?:with\s+)?(?:inputs\s+from\s+)?(?:news\s+)?agenc(?:y|ies)(?:\s+inputs)?\s*\)?\.?)$",
    re.IGNORECASE,
)
_SIGN_OFF_END = re.compile(
    r"\s*\((?:additional )?(?:reporting|writing|editing|compiled|research) by [^()]*\)\s*$",
    re.IGNORECASE,
)
_CREDIT_END = re.compile(
    r"(?:\s+[A-Z]{2,}(?:\s+PHOTO)?/[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
    r"(?:/(?:File\s+Photo|FILE\s+PHOTO|Pool|POOL))?"
    r"|\s*\b(?:Photograph|Photo|Picture|Image)\s*:\s*\(\s*[^()]{1,60}\)"
    r"|\s*\((?:Photo|Picture|Image)(?:\s+(?:source|credit))?\s*:[^()]{1,60}\)(?:\s*\([^()]{1,30}\))?"
    r")\s*$"
)  # "... REUTERS/Jane Roe", "... REUTERS/Jane Roe/File Photo", "... Photograph:( AFP )",
# "... (Photo source: X) (Others)"
# A photographer and an agency joined by a bare slash, alone on a line ("Jane Roe/AFP",
# "REUTERS/Jane Roe"): who took the picture, never where the copy came from ("Beirut / AP").
_CREDIT_NAME = r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}"
_PHOTO_CREDIT_LINE = re.compile(
    rf"^(?:{_CREDIT_NAME}/[A-Z][A-Za-z]{{1,9}}|[A-Z]{{2,9}}/{_CREDIT_NAME})$"
)
# A photographer and an agency in brackets on a line of their own, under the caption they
# credit: "(Jane Roe / AFP)", "(Jane Roe/AFP/Getty Images)".
_PAREN_CREDIT_LINE = re.compile(
    rf"^\(\s*{_CREDIT_NAME}\s*/\s*[A-Z][\w.]*(?:\s*/\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)*\s*\)$"
)
# A photographer credited after a copyright sign, alone on a line, under the caption it signs:
# "© 2022 Jane Roe/REUTERS" (a site's "© 2023 All rights reserved" names no photographer).
_COPYRIGHT_CREDIT_LINE = re.compile(rf"^©\s*(?:\d{{4}}\s+)?{_CREDIT_NAME}\s*/\s*[A-Z][\w.]*$")
# The agency's picture desk after its name in a credit: "(AP Photo/Jane Roe)"
_PHOTO_DESK = re.compile(r"\s+(?:Photos?|Images|Pool|File)$", re.IGNORECASE)
_DESK_CREDIT = re.compile(r"^\(\s*[A-Z][\w.]*\s+Photos?\s*/", re.IGNORECASE)
# A caption told by its opening words: an archive picture's mark ("FILE - The hospital in
# ...", "FILE PHOTO: ..."), or a picture announced as such ("In this image provided by the
# US Navy, ...", "In this undated handout photo, ..."). Captions only open that way.
_CAPTION_OPENING = re.compile(
    r"^(?:FILE\s*(?:PHOTO\s*)?[-–—:]\s+(?=\S)|FILE PHOTO\b"
    r"|In this (?:\w+ ){0,2}(?:image|photo|photograph|picture|handout|frame grab|video grab)\b)"
)
# The photographer's name in capitals and the agency opening a caption: "JANE ROE / AFP A US
# rocket system fires ..." (the agency is checked against the directory).
_CREDIT_OPENING_CAPTION = re.compile(
    r"^[A-Z]{2,}(?:[ -][A-Z]{2,}){0,3}\s*/\s*(?P<agency>[A-Z][\w.]*)\s+(?=[A-Z0-9\"“])"
)
# Links to other stories run into one line between bullets or bars ("10 arrested in ... •
# Kenya, Tanzania launch road project ... • Xinhua news summary at 1600 GMT"): a site's
# ticker or menu of headlines; a row needs at least this many headline-shaped items.
_ROW_SEPARATOR = re.compile(r"\s+[•·|]\s+")
_ROW_MIN_ITEMS = 3
# A line a page only shows for a video card: "4 hours agoDuration 4:39At least ..." (the
# card's age and running time run into its summary).
_VIDEO_CARD = re.compile(
    r"^\d+\s+(?:second|minute|hour|day|week)s?\s+ago(?=[A-Z]|\s*Duration\b)"
    r"|\bDuration\s*\d{1,2}:\d{2}(?=[A-Z])"
)
# A news agency's name after a dash closing a paragraph ("... what happened.” – Reuters"):
# the agency that wrote the copy signing it off.
_AGENCY_SIGN_OFF = re.compile(r"(?<=[.!?”\"’])\s+[–—-]{1,2}\s*(?P<name>[A-Z][\w.&' ]{1,30}?)\s*$")
_READ_MORE_END = re.compile(r"\s*(?:\(\s*read more\s*\)|(?<=[.!?”\"])\s*read more\b\W*)$", re.I)
_EMBEDDED_POST = re.compile(
    r"pic\.twitter\.com/|[—–-]\s*[^()]{1,60}\(@\w{1,30}\)\s+\w+\s+\d{1,2},\s+\d{4}\s*$"
)  # a tweet shown in the page: "... pic.twitter.com/x — A Name (@handle) May 2, 2017"
_NAME_JOINERS = {"and", "&", "al", "el", "bin", "de", "van", "von", "da", "di", "la", "le"}
_BYLINE_LEAD = re.compile(r"^by\s*:?\s+", re.I)
# a word marked for a footnote: "Feygin*", "Meduza*," (not a bullet, not "**bold**")
_FOOTNOTE_MARK = re.compile(r"[^\W\d_][\"”»)]?\*(?![*\w])")
_BULLET = re.compile(r"^[•·▪●◦*-]\s+")
_SENTENCE_END = re.compile(r"([.!?:;…)\]]|[.!?,…][\"”’']+)$")
_BYLINE = re.compile(r"^[Bb]y\s+[A-Z][\w'.-]+(\s+[A-Z][\w'.-]+){0,3}(\s*(,|and|in)\s+.*)?$")
_DATED_PHOTO_CAPTION = re.compile(
    r"(\b(January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\s+\d{1,2},\s+\d{4}\.?$|REUTERS/|\bAFP PHOTO\b|/AFP\b|\(Photo[: ])"
    # "... northern Yemen, on January 27. AFP": a picture agency's credit after the sentence
    r"|[.!]\s+(?:AFP|AP|Reuters|EPA|Getty Images|Anadolu Agency|Xinhua|Bloomberg)$"
)
_HEADING_MAX_WORDS = 14
# a headline listed under "Check Also" or "Related" may run longer than a subhead ("Syria
# provides all facilitations to fulfill electricity connection agreement between Lebanon and
# Jordan, Minister says"): under such a heading, a line with no full stop is one
_RELATED_HEADLINE_MAX_WORDS = 24
_POST_MAX_WORDS = 60  # a post above its signature is short (a tweet is 280 characters)
_CAPTION_PREFIX_CHARS = 30  # a caption printed again with its credit shares this much at least
_REPEAT_MIN_WORDS = 8  # shorter lines repeat by chance ("Read more", "Syria", a subhead)
_DATELINE_KEY_CHARS = 40  # letters of a dateline that may open the full copy of a cut-off lead
_ELLIPSIS_END = re.compile(r"\s*(?:\.{3,}|…)\s*$")


def split_lines(raw: str) -> list[Line]:
    """Lines of `raw` with stripped text and the raw offsets of that text."""
    lines: list[Line] = []
    pos = 0
    for piece in raw.splitlines(keepends=True):
        content = piece.rstrip("\r\n")
        stripped = content.strip()
        if stripped:
            lead = len(content) - len(content.lstrip())
            lines.append(Line(pos + lead, pos + lead + len(stripped), stripped))
        else:
            lines.append(Line(pos, pos, ""))
        pos += len(piece)
    return lines


_WRAP_MAX_WIDTH = 100  # hard-wrapped wire copy is printed at 60-80 characters a line
_WRAP_MIN_CHARS = 35  # a wrapped line fills most of the width; menus and subheads do not
_WRAP_FILL = 0.5  # share of the run's width a line must fill to be a wrapped one
_WRAP_WORDS = frozenset(
    {
        "a", "an", "the", "of", "on", "in", "at", "to", "for", "from", "by", "with", "as",
        "and", "or", "but", "that", "which", "who", "than", "said", "says", "its", "their",
        "his", "her", "near", "after", "before", "about", "into", "over", "under",
    }
)  # fmt: skip  # a line that ends on one of these words cannot end a headline or a paragraph


def unwrap_lines(raw: str, lines: Sequence[Line]) -> list[Line]:
    """Join the physical lines of hard-wrapped paragraphs into one line each.

    Newswire copy saved from a terminal or a feed is wrapped at a fixed width ("... the U.S.
    military said on\nSaturday coalition forces had halted ..."); read line by line, every
    piece is a short line that ends mid-sentence and looks like a subhead, so the reporting
    would be dropped as furniture. A run of three or more adjacent lines is taken as wrapped
    when most of its lines that stop short of a sentence end fill the run's width, and most
    of those breaks plainly continue (the next line opens in lower case, or the line stops on
    a word that cannot end a headline). Each wrapped break joins its two lines; the joined
    text is the raw span with line breaks read as spaces, so offsets stay exact.
    """
    out: list[Line] = []
    run: list[Line] = []
    for line in (*lines, Line(len(raw), len(raw), "")):
        if line.text:
            run.append(line)
            continue
        out.extend(_unwrap_run(raw, run))
        run = []
        out.append(line)
    return out[:-1]


def _unwrap_run(raw: str, run: list[Line]) -> list[Line]:
    if len(run) < 3:
        return run
    width = max(len(line.text) for line in run)
    if width > _WRAP_MAX_WIDTH:
        return run
    breaks = [
        n
        for n, line in enumerate(run[:-1])
        if len(line.text) >= max(_WRAP_MIN_CHARS, _WRAP_FILL * width)
        and not _SENTENCE_END.search(line.text)
    ]
    continuing = [
        n
        for n in breaks
        if run[n + 1].text[:1].islower() or run[n].text.rsplit(None, 1)[-1].lower() in _WRAP_WORDS
    ]
    if len(breaks) < 2 or 2 * len(breaks) < len(run) - 1 or 2 * len(continuing) < len(breaks):
        return run
    joined: list[Line] = []
    for n, line in enumerate(run):
        if n and n - 1 in breaks:
            first = joined[-1]
            text = raw[first.start : line.end].replace("\r", " ").replace("\n", " ")
            joined[-1] = Line(first.start, line.end, text)
        else:
            joined.append(line)
    return joined


def _is_widget(text: str) -> bool:
    lowered = text.lower().strip(" |·•")
    if lowered in _WIDGET_WORDS or _WIDGET_LINE.match(text):
        return True
    tokens = [t for t in re.split(r"[\s|·•/]+", lowered) if t]
    return bool(tokens) and len(tokens) <= 8 and all(t in _WIDGET_WORDS for t in tokens)


def _is_headline_row(text: str) -> bool:
    """Headlines of other stories run into one line between bullets or bars: several items,
    each short and none a sentence (a sentence ends in a stop; a headline does not)."""
    items = _ROW_SEPARATOR.split(text.strip(" •·|"))
    return len(items) >= _ROW_MIN_ITEMS and all(
        item
        and len(item.split()) <= _HEADING_MAX_WORDS
        and not item.rstrip().endswith((".", ";", ":"))
        for item in items
    )


def _looks_like_heading(text: str, max_words: int = _HEADING_MAX_WORDS) -> bool:
    """A short line that is not a sentence: a subhead or a stray related-story headline. A
    line that stops on a comma or on a word that cannot end a headline ("... ever since the",
    "Although rescue work is underway at the site,") is a sentence broken across lines."""
    return len(text.split()) <= max_words and not _SENTENCE_END.search(text) and not _dangles(text)


def _dangles(text: str) -> bool:
    """A line that stops mid-sentence: on a comma or on a word no headline ends with."""
    words = text.rstrip().split()
    return bool(words) and (text.rstrip().endswith(",") or words[-1].lower() in _DANGLING_WORDS)


# Words a headline never ends with ("What Israel says" and "Where they came from" do end
# headlines, so this is narrower than _WRAP_WORDS).
_DANGLING_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "but", "of", "that", "which", "than", "its", "their", "his"}
)


def _is_link_bullet(text: str) -> bool:
    """A bulleted headline ("• Why Assad wants to take Aleppo"), not a bulleted fact."""
    return len(text.split()) <= _HEADING_MAX_WORDS and not text.rstrip().endswith((".", ";"))


_BYLINE_MAX_WORDS = 10
_TITLE_MAX_WORDS = 30
_TITLE_MIN_WORDS = 3
_LEAD_SCAN = 40  # lines before the first paragraph of reporting that may hold the title
_CAPTION_MAX_WORDS = 30  # a picture's caption above the headline is a sentence this short
_STAMP_REACH = 3  # lines after a page's first paragraph in which its date stamp may stand


class _Classifier:
    """Walks the lines once, keeping the little state that captions and blocks need."""

    def __init__(
        self,
        lines: Sequence[Line],
        title_in_text: bool,
        is_masthead: Callable[[str], bool],
        is_outlet: Callable[[str], bool] | None = None,
    ) -> None:
        self.lines = lines
        self.kinds: list[LineKind] = [LineKind.BLANK] * len(lines)
        self.title_in_text = title_in_text
        self.is_masthead = is_masthead
        self.is_outlet = is_outlet or is_masthead
        self.script = furniture.dominant_script(" ".join(line.text for line in lines))
        self.agencies: dict[int, str] = {}  # agency-stamp lines: the agency they name
        self.days: dict[int, str] = {}  # agency-stamp lines: the page's date they give

    def run(self) -> list[LineKind]:
        nonblank = [i for i, line in enumerate(self.lines) if line.text]
        after_credit = False
        in_related_block = False
        in_comments = False
        reported = False  # a paragraph of reporting came before: comments may follow it
        bare_label = False  # "picture description," alone: its caption is the next line
        for i in nonblank:
            text = self.lines[i].text
            kind = self._kind_of(i, text, after_credit, in_related_block, in_comments)
            short = self.lines[i].words <= _CAPTION_MAX_WORDS
            if bare_label and short and kind in (LineKind.HEADING, LineKind.BODY):
                kind = LineKind.CAPTION
            bare_label = kind is LineKind.CAPTION and not _CAPTION_PREFIX.sub("", text).strip()
            if kind is LineKind.COMMENTS and not in_comments and not reported:
                kind = LineKind.WIDGET  # "Leave a comment" by the post's date: a link
            in_comments = in_comments or kind is LineKind.COMMENTS
            reported = reported or kind is LineKind.BODY
            if kind is LineKind.RELATED and (
                _RELATED_BLOCK.match(text) or furniture.related_opening(text) == text.lower()
            ):
                in_related_block = True
            elif not _BULLET.match(text) and kind is not LineKind.TEASER:
                in_related_block = kind is LineKind.RELATED and in_related_block
            after_credit = kind in (LineKind.CREDIT, LineKind.CAPTION)
            self.kinds[i] = kind
        self._mark_repeated_lines_as_captions(nonblank)
        self._mark_credited_captions(nonblank)
        self._mark_embedded_post_text(nonblank)
        self._mark_teaser_runs(nonblank)
        self._mark_repeated_paragraphs(nonblank)
        if self.title_in_text:
            self._choose_title(nonblank)
        return self.kinds

    def _choose_title(self, nonblank: list[int]) -> None:
        """The headline: the first line before the reporting starts that reads as one.

        Menus, widgets, date stamps, captions and mastheads above it are furniture (so is a
        lone word above another short line: a page tab, "Geolocation"); a first
        line that is already a paragraph (a long sentence, a long quote) means the file has
        no headline, and the body keeps that paragraph.
        """
        title_index = fallback = None
        for i in nonblank[:_LEAD_SCAN]:
            text, kind = self.lines[i].text, self.kinds[i]
            if kind not in (LineKind.HEADING, LineKind.BODY) or self.is_masthead(text):
                continue
            if _byline_names(_unstamped(text)) is not None:
                continue  # "By Jane Roe" names the writer, never the story
            if furniture.has_glued_words(text):
                continue  # "AOAV: all our reportsExplosive violence": a breadcrumb
            if _headline_shaped(_unstamped(text)):  # "date 2022-06-30 Fast News": a tab
                title_index = i
                break
            if kind is LineKind.BODY:
                title_index = self._headline_under_caption(i, nonblank)
                if title_index is None:
                    title_index = self._headline_under_stamp(i, nonblank)
                break
            if fallback is None or len(_unstamped(self.lines[fallback].text).split()) == 1:
                fallback = i  # a lone word above another short line is a tab or a label
        title_index = fallback if title_index is None else title_index
        if title_index is None:
            return
        self.kinds[title_index] = LineKind.TITLE
        title_key = _key(self.lines[title_index].text)
        for i in nonblank:
            if i < title_index and self.kinds[i] in (LineKind.BODY, LineKind.HEADING):
                self.kinds[i] = LineKind.HEADING  # masthead or menu above the title
            elif i > title_index and _repeats_title(self.lines[i].text, title_key):
                self.kinds[i] = LineKind.HEADING

    def _headline_under_stamp(self, i: int, nonblank: list[int]) -> int | None:
        """The headline under the page's date stamp, when a summary of another story opens
        the page above it ("Fast News / Russian forces battle to surround ... / (caption) /
        Thursday, June 30, 2022 / Amnesty accuses Russia of bombing Mariupol theatre / A
        theatre sheltering civilians ..."): within the next few lines a stamp, then a line
        shaped as a headline, then a paragraph longer than it. A page's stamp stands in its
        header, above the headline, never between a story's paragraphs; the lines above the
        headline are then the header's."""
        at = nonblank.index(i)
        ahead = nonblank[at + 1 : at + 1 + _STAMP_REACH]
        stamp = next(
            (n for n, j in enumerate(ahead)
             if self.kinds[j] is LineKind.STAMP or furniture.is_date_stamp(self.lines[j].text)),
            None,
        )  # fmt: skip
        if stamp is None or at + 1 + stamp + 2 >= len(nonblank):
            return None
        below, story = nonblank[at + 2 + stamp], nonblank[at + 3 + stamp]
        if self.kinds[story] is not LineKind.BODY or not self._headline_over(below, story):
            return None
        return below

    def _headline_under_caption(self, i: int, nonblank: list[int]) -> int | None:
        """The headline under a picture's caption that opens a page: a first line that is a
        short sentence ("People were celebrating Palm Sunday when the strike occurred,
        officials said."), then a line shaped as a headline, then the story's first
        paragraph, longer than it. The first line is then the caption (kept apart from the
        body) and the second the title; otherwise the page has no headline."""
        at = nonblank.index(i)
        if at != 0 or at + 2 >= len(nonblank):
            return None
        below, story = nonblank[at + 1], nonblank[at + 2]
        if self.lines[i].words > _CAPTION_MAX_WORDS or not self._headline_over(below, story):
            return None
        self.kinds[i] = LineKind.CAPTION
        return below

    def _headline_over(self, line: int, story: int) -> bool:
        """Whether a line reads as the headline of the paragraph after it: shaped as a
        headline, no masthead, and shorter than that paragraph."""
        text = self.lines[line].text
        if self.kinds[line] not in (LineKind.HEADING, LineKind.BODY):
            return False
        if not _headline_shaped(text) or self.is_masthead(text):
            return False
        return self.lines[story].words > self.lines[line].words

    def _kind_of(
        self, i: int, text: str, after_credit: bool, in_related_block: bool, in_comments: bool
    ) -> LineKind:
        if in_comments or _COMMENTS_START.match(text) or furniture.is_comment_start(text):
            return LineKind.COMMENTS
        if _CAPTION_PREFIX.match(text):
            return LineKind.CAPTION
        if self.lines[i].words <= furniture.MAX_CAPTION_WORDS and self._caption_opening(text):
            return LineKind.CAPTION
        if _is_headline_row(text):
            return LineKind.RELATED
        if _CREDIT_PREFIX.match(text):
            return LineKind.CREDIT
        if after_credit and _SOURCE_LINE.match(text) and self.lines[i].words <= 6:
            return LineKind.CREDIT  # "Source: Twitter" under a picture: where it was taken from
        if _INLINE_CREDIT.search(text) and self.lines[i].words <= furniture.MAX_CAPTION_WORDS:
            return LineKind.CAPTION
        if self._byline_stamp(i, text):
            return LineKind.SOURCE
        if after_credit and _DATED_PHOTO_CAPTION.search(text):
            return LineKind.CAPTION
        # an agency's signature (signed.py) is a footer too: its name is the copy's wire
        footer = _FOOTER_LINE.match(text) or agency_footer(text)
        if footer and self.lines[i].words <= 40:
            return LineKind.FOOTER
        if _PHOTO_CREDIT_LINE.match(text) or self._paren_credit(text):
            return LineKind.CREDIT
        if _COPYRIGHT_CREDIT_LINE.match(text):
            return LineKind.CREDIT
        if self._names_source(i, text):
            return LineKind.SOURCE
        if furniture.is_caption(text):
            return LineKind.CAPTION
        if _RELATED_PREFIX.match(text) or _RELATED_BLOCK.match(text):
            return LineKind.RELATED
        if furniture.related_opening(text) and self.lines[i].words <= _HEADING_MAX_WORDS:
            return LineKind.RELATED
        if text.startswith("- ") and text.endswith(" -"):
            return LineKind.HEADING  # AFP-style subhead: "- Not targeting civilians -"
        if _BULLET.match(text) and (in_related_block or _is_link_bullet(text)):
            return LineKind.RELATED
        if in_related_block and (
            _looks_like_heading(text, _RELATED_HEADLINE_MAX_WORDS) or furniture.is_teaser(text)
        ):
            return LineKind.RELATED
        if _WIDGET_LINE.match(text):
            return LineKind.WIDGET  # "Click NEXT to see more PHOTOS...": a slide show's button
        if furniture.is_teaser(text) and self.lines[i].words <= 2 * _HEADING_MAX_WORDS:
            return LineKind.TEASER
        if self._names_source(i, text):
            return LineKind.SOURCE
        if furniture.is_date_stamp(text) or furniture.is_editor_note(text) == "dated":
            return LineKind.STAMP
        if furniture.is_editor_note(text):
            return LineKind.WIDGET
        if self._agency_stamp(i, text):
            return LineKind.SOURCE
        if _EMBEDDED_POST.search(text) or _VIDEO_CARD.search(text):
            return LineKind.WIDGET
        if _is_widget(text) or furniture.is_interface(text) or furniture.is_not_prose(text):
            return LineKind.WIDGET
        if furniture.is_foreign_script(text, self.script) or furniture.is_metadata_label(text):
            return LineKind.WIDGET
        if furniture.is_run_together_menu(text) or furniture.is_sign_off(text):
            return LineKind.WIDGET
        if furniture.is_page_notice(text) or self._footnote(i, text):
            return LineKind.WIDGET
        if furniture.is_language_menu(text):
            return LineKind.WIDGET
        if self.lines[i].words <= _BYLINE_MAX_WORDS and _BYLINE.match(text):
            return LineKind.HEADING
        if _looks_like_heading(text) and not self._continues(i, text):
            return LineKind.HEADING
        return LineKind.BODY

    def _caption_opening(self, text: str) -> bool:
        """A caption known by how it opens: an archive mark or "In this photo ...", or the
        photographer and an agency before the picture's description ("JANE ROE / AFP A US
        rocket system fires ...")."""
        if _CAPTION_OPENING.match(text):
            return True
        credit = _CREDIT_OPENING_CAPTION.match(text)
        return credit is not None and self.is_outlet(credit["agency"])

    def _paren_credit(self, text: str) -> bool:
        """A picture's credit in brackets on a line of its own: a photographer and an agency
        ("(Jane Roe / AFP)"), or an agency (perhaps its picture desk: "AP Photo") and whoever
        took or handed out the picture ("(AP/Ukrainian Presidential Press Office)", "(AP
        Photo/Jane Roe)")."""
        if _PAREN_CREDIT_LINE.match(text):
            return True
        if not (text.startswith("(") and text.endswith(")") and "/" in text):
            return False
        parts = [p.strip() for p in text[1:-1].split("/")]
        return (
            len(parts) <= 3
            and all(p and len(p.split()) <= 5 and p[:1].isupper() for p in parts)
            and any(self.is_outlet(_PHOTO_DESK.sub("", p)) for p in parts)
        )

    def _footnote(self, i: int, text: str) -> bool:
        """ "* Included by the Ministry of Justice in the list of foreign agents." under a
        text that marks a name with it ("the Feygin* Live channel"): the page's note on a
        word, not reporting. A line opening with an asterisk and nothing marked is a
        bullet."""
        if not text.startswith("*") or text.startswith("**"):
            return False
        return any(_FOOTNOTE_MARK.search(line.text) for j, line in enumerate(self.lines) if j != i)

    def _continues(self, i: int, text: str) -> bool:
        """A line opening in lower case right under a line broken mid-sentence ("As of Sunday,
        it was reported that" / "at least 6 civilians have died"): the rest of that sentence."""
        if not text[:1].islower() or i == 0:
            return False
        above = self.lines[i - 1].text
        return bool(above) and _dangles(above)

    def _byline_stamp(self, i: int, text: str) -> bool:
        """ "By AP Published: Wed 18 Oct 2023, 11:03 AM Last updated: ...", "By AP and TIMES
        OF ISRAEL STAFF August 21, 2013, 9:34 am": the agency that wrote the copy (with the
        site's own staff, perhaps) and the page's dating of it, on one line; the agency is
        wire evidence."""
        match = _BYLINE_STAMP.match(text)
        if match and self.is_outlet(match["name"].strip(" ,.")):
            if not furniture.is_date_stamp(_STAMP_LABEL.sub(" ", match["stamp"])):
                return False
            self.agencies[i] = match["name"].strip(" ,.")
            return True
        dated = _BYLINE_DATED.match(text)
        if not dated or not furniture.is_date_stamp(dated["stamp"]):
            return False
        names = [n.strip(" ,.") for n in re.split(r"\s*(?:,|\band\b)\s*", dated["names"])]
        agency = next((n for n in names if n and self.is_outlet(n)), None)
        if agency is None:
            return False
        self.agencies[i] = agency
        return True

    def _agency_stamp(self, i: int, text: str) -> bool:
        """ "AFP Springfield, IL, United States Mar 17, 2017, 04.51 AM (IST)", "Xinhua, October
        5, 2015 Adjust font size:": an agency, perhaps the place it filed from, and the time,
        on a line of their own (a page's buttons may follow); the agency is wire evidence."""
        words = text.split()
        if len(words) > _HEADING_MAX_WORDS + 2 or not any(c.isdigit() for c in text):
            return False
        for n in (3, 2, 1):
            name = " ".join(words[:n]).strip(" ,.-–—|")
            if not self.is_outlet(name):
                continue
            rest = furniture.without_interface_tail(" ".join(words[n:]))
            place = re.match(r"^(?:[A-Z][\w.'’-]*\s*,?\s*){0,6}", rest)
            for start in {0, place.end() if place else 0}:  # "Xinhua, October 5, 2015"
                stamp = re.sub(r"\(\s*[A-Z]{2,5}\s*\)", " ", rest[start:])
                if stamp and furniture.is_date_stamp(stamp):
                    self.agencies[i] = name
                    self.days[i] = stamp.strip()
                    return True
            return False
        return False

    def _names_source(self, i: int, text: str) -> bool:
        """A line that only names an outlet or agency: "Mehr News Agency", "By REUTERS",
        "Beirut / AP", "Press TV / AA", "ANKARA-Anadolu Agency", an agency and the page's
        section in capitals ("Anadolu Agency MIDDLE EAST"), or a place, the agency in
        brackets and a day ("Tripoli (AFP) July 3, 2019"): where the copy came from, not
        reporting. The agency it names is kept as wire evidence."""
        if len(text.split()) > 8:
            return False
        rest = furniture.credited_names(text)
        dated = _PLACE_AGENCY_DAY.match(rest)
        if dated and self.is_outlet(dated["name"]) and furniture.is_date_stamp(dated["day"]):
            self.agencies[i] = dated["name"]
            self.days[i] = dated["day"]
            return True
        parts = furniture.source_parts(rest)
        if (
            bool(parts)
            and any(self.is_outlet(p) for p in parts)
            and all(self.is_outlet(p) or len(p.split()) <= 3 for p in parts)
        ):
            return True
        words = rest.split()
        for n in (3, 2, 1):  # "Anadolu Agency MIDDLE EAST": the agency and the page's section
            label, name = words[n:], " ".join(words[:n])
            if (
                0 < len(label) <= 2
                and all(w.isupper() and w.isalpha() for w in label)
                and self.is_outlet(name)
            ):
                self.agencies[i] = name
                return True
        return False

    def _mark_repeated_lines_as_captions(self, nonblank: list[int]) -> None:
        """A line printed twice in a row is an image's alt text and caption, not reporting;
        so is a line printed again with a credit added to the caption ("... in 2016." then
        "... in 2016.PHOTO: REUTERS")."""
        for n, (a, b) in enumerate(zip(nonblank, nonblank[1:], strict=False)):
            if self.title_in_text and n == 0 and not self._caption_over_headline(nonblank):
                continue  # a headline printed again under itself: the title picks it up
            first, second = self.lines[a].text, self.lines[b].text
            if _key(first) == _key(second) and self.kinds[a] is LineKind.BODY:
                self.kinds[a] = LineKind.CAPTION
                self.kinds[b] = LineKind.CAPTION
                continue
            shorter, longer = sorted((" ".join(first.split()), " ".join(second.split())), key=len)
            captioned = LineKind.CAPTION in (self.kinds[a], self.kinds[b])
            if captioned and len(shorter) >= _CAPTION_PREFIX_CHARS and longer.startswith(shorter):
                self.kinds[a] = LineKind.CAPTION
                self.kinds[b] = LineKind.CAPTION

    def _caption_over_headline(self, nonblank: list[int]) -> bool:
        """The page's first line, printed twice (a picture's alt text and its caption), reads
        as a dated photo caption ("... in Gaza City August 10, 2024") and a headline-shaped
        line follows the pair: the pair is the caption, the line under it the headline."""
        first = self.lines[nonblank[0]].text
        copies = 1  # "printed twice", or more often (a gallery's slides)
        while copies < len(nonblank) and _key(self.lines[nonblank[copies]].text) == _key(first):
            copies += 1
        if copies < 2 or copies >= len(nonblank):
            return False
        below = self.lines[nonblank[copies]].text
        if not (_DATED_PHOTO_CAPTION.search(first) or furniture.is_caption(first)):
            return False
        return _headline_shaped(below) and not self.is_masthead(below)

    def _mark_credited_captions(self, nonblank: list[int]) -> None:
        """A short line right above a photo credit on its own line ("(Jane Roe / AFP)",
        "© 2022 Jane Roe/REUTERS") is the caption that credit signs, not reporting; so is
        the same line printed again right under the credit (the picture's alt text)."""
        for n, (a, b) in enumerate(zip(nonblank, nonblank[1:], strict=False)):
            below = self.lines[b].text
            credit = self._paren_credit(below) or _COPYRIGHT_CREDIT_LINE.match(below)
            # a wire's caption runs long ("... Thursday, May 12, 2022. Abu Akleh, a ...");
            # under a credit that names the picture desk ("(AP Photo/...)") it still is one
            most = furniture.MAX_CAPTION_WORDS * (2 if _DESK_CREDIT.search(below) else 1)
            short = self.lines[a].words <= most
            if credit and short and self.kinds[a] in (LineKind.BODY, LineKind.CAPTION):
                self.kinds[a] = LineKind.CAPTION  # the credit line itself is a CREDIT
                after = nonblank[n + 2] if n + 2 < len(nonblank) else None
                if after is not None and _opens_with(
                    self.lines[after].text, _key(self.lines[a].text)
                ):
                    self.kinds[after] = LineKind.CAPTION  # the caption again, perhaps credited

    def _mark_embedded_post_text(self, nonblank: list[int]) -> None:
        """A post shown in the page prints its text, then its signature on the next line
        ("— Jane Roe (@janeroe) March 22, 2017"): the text above the signature is the post's,
        a widget like the signature, not the article's reporting."""
        for a, b in zip(nonblank, nonblank[1:], strict=False):
            signature = self.lines[b].text
            signed = signature[:1] in "—–-" and _EMBEDDED_POST.search(signature)
            if signed and self.kinds[a] is LineKind.BODY and self.lines[a].words <= _POST_MAX_WORDS:
                self.kinds[a] = LineKind.WIDGET

    def _mark_repeated_paragraphs(self, nonblank: list[int]) -> None:
        """A paragraph the page prints again further down (a photo gallery's caption under
        each picture, a widget's copy of the lead) or a cut-off copy ending in an ellipsis of
        a paragraph printed in full: one copy is reporting, the others would count every
        figure and quote twice. The first full copy stays; a cut-off copy of a caption goes
        with it."""
        body = [i for i in nonblank if self.kinds[i] is LineKind.BODY]
        fuller = [j for j in nonblank if self.kinds[j] in (LineKind.BODY, LineKind.CAPTION)]
        full: dict[str, int] = {}
        for i in body:
            line = self.lines[i]
            if line.words < _REPEAT_MIN_WORDS:
                continue
            key = _key(line.text)
            if key in full:
                self.kinds[i] = LineKind.REPEAT
            elif _ELLIPSIS_END.search(line.text):
                stem = _key(_ELLIPSIS_END.sub("", line.text))
                if any(j != i and _opens_with(self.lines[j].text, stem) for j in fuller):
                    self.kinds[i] = LineKind.REPEAT
                else:
                    full[key] = i
            else:
                full[key] = i

    def _mark_teaser_runs(self, nonblank: list[int]) -> None:
        """Teasers come in lists: a lone ellipsis is kept as text, and a sentence between two
        teasers is a teaser whose summary happened to fit."""
        positions = [n for n, i in enumerate(nonblank) if self.kinds[i] is LineKind.TEASER]
        runs: list[list[int]] = []
        for n in positions:
            if runs and n - runs[-1][-1] <= 2:
                runs[-1].append(n)
            else:
                runs.append([n])
        for run in runs:
            first, last = run[0], run[-1]
            beside_links = any(
                0 <= m < len(nonblank) and self.kinds[nonblank[m]] is LineKind.RELATED
                for m in (first - 1, last + 1)
            )
            if len(run) >= 2 or beside_links:
                for m in range(first, last + 1):
                    self.kinds[nonblank[m]] = LineKind.TEASER
                continue
            i = nonblank[first]
            text = self.lines[i].text
            self.kinds[i] = LineKind.HEADING if _looks_like_heading(text) else LineKind.BODY


def _key(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def _opens_with(text: str, stem: str) -> bool:
    """`text` opens with the words keyed `stem`, perhaps after a short dateline ("(CNN) - ")."""
    at = _key(text).find(stem)
    return 0 <= at <= _DATELINE_KEY_CHARS


def _headline_shaped(text: str) -> bool:
    """Enough words to be a headline, not so many or so finished that it is a paragraph."""
    count = len(text.split())
    if count < _TITLE_MIN_WORDS or count > _TITLE_MAX_WORDS:
        return False
    if text[:1] in "\"“‘'«" and count > _HEADING_MAX_WORDS:
        return False  # a long quotation opens the story, it is not its headline
    if text.rstrip().endswith(":") and count > _HEADING_MAX_WORDS:
        return False  # "..., Amnesty International issued the following statement:"
    if furniture.is_interface(text) or furniture.is_date_stamp(text):
        return False
    if _LINK_LABEL.match(text):
        return False  # "watch One-Minute World News": a link's label, lower case then titled
    if _BARE_ADDRESS.search(text) and count <= _TITLE_MIN_WORDS:
        return False  # the page's address, after at most a date stamp: no headline
    if count > _HEADING_MAX_WORDS and _PAST_TAG.search(text):
        return False  # "..., Turkish Justice Minister Bekir Bozdag has stated, APA reported":
    return not text.rstrip().endswith(".")  # the story's first sentence (headlines say "says")


# a reporting tag in the past tense after a comma: the wording of a story's sentence
_PAST_TAG = re.compile(r",\s[^,]{2,80}?\b(?:said|stated|reported|told|added|announced|confirmed)\b")
_LINK_LABEL = re.compile(r"^[a-z]+\s+(?:[A-Z][\w'’-]*\s*)+$")
_BARE_ADDRESS = re.compile(r"(?:^|\s)(?:https?://|www\.)\S+\s*$")


def _repeats_title(text: str, title_key: str) -> bool:
    """The headline again, alone or with the site's name after a bar or dash."""
    if _key(text) == title_key:
        return True
    head = re.split(r"\s+[|–—-]\s+(?=[^|–—-]+$)", text)[0]
    return bool(title_key) and _key(head) == title_key


def clean_text(
    raw: str,
    *,
    title_in_text: bool,
    is_masthead: Callable[[str], bool] | None = None,
    is_outlet: Callable[[str], bool] | None = None,
) -> CleanText:
    """Classify every line of `raw` and keep the body with a map back to `raw`.

    `title_in_text`: the first non-empty line (after any masthead) is the title, as in
    plain-text files. `is_masthead`: tells a line that only names the outlet ("BBC News")
    and may stand above the title. `is_outlet`: tells any name of an outlet or agency, short
    ones included ("AP"), for credit lines such as "Beirut / AP" (default: `is_masthead`).
    """
    lines = unwrap_lines(raw, split_lines(raw))
    masthead = is_masthead or (lambda _line: False)
    classifier = _Classifier(lines, title_in_text, masthead, is_outlet)
    kinds = classifier.run()
    byline: str | None = None
    title: str | None = None
    body_parts: list[str] = []
    segments: list[tuple[int, int, int]] = []
    captions: list[str] = []
    footers: list[str] = []
    sources: list[str] = []
    stamps: list[str] = []
    leading: list[str] = []
    removed: list[tuple[LineKind, str]] = []
    clean_pos = 0
    previous_kept = -1
    for i, (line, kind) in enumerate(zip(lines, kinds, strict=True)):
        if kind is LineKind.BLANK:
            continue
        if kind is LineKind.TITLE:
            title = line.text
            leading = [ln.text for ln in lines[:i] if ln.text]
            continue
        signed = _AGENCY_SIGN_OFF.search(line.text)
        if (
            kind in (LineKind.HEADING, LineKind.BODY)
            and signed
            and classifier.is_outlet(signed["name"])
            and _credits_picture(line.text, kinds, i)
        ):
            kind = LineKind.CAPTION  # "Wounded wait at a hospital. — AP" above the copy
        if kind is not LineKind.BODY:
            removed.append((kind, line.text))
            if kind is LineKind.CAPTION:
                caption = furniture.without_gallery_counter(_CAPTION_PREFIX.sub("", line.text))
                caption = caption.strip()
                if signed and classifier.is_outlet(signed["name"]):
                    caption = caption[: _AGENCY_SIGN_OFF.search(caption).start()].rstrip()
                if caption and caption not in captions:
                    captions.append(caption)
            elif kind is LineKind.FOOTER:
                footers.append(line.text)
            elif kind is LineKind.SOURCE:
                sources.append(classifier.agencies.get(i, line.text))
                if i in classifier.days:  # "Xinhua, October 5, 2015": the page's date too
                    stamps.append(classifier.days[i])
            elif kind is LineKind.STAMP:
                stamps.append(line.text)
            if byline is None and len(segments) <= 1:  # above the body, or under a standfirst
                byline = _byline_names(_unstamped(line.text))
                agency = _byline_agency(line.text, classifier.is_outlet) if byline else None
                if agency is not None:  # "By Jane Roe and John Doe Associated Press"
                    sources.append(agency)
            continue
        text = line.text
        for tail in (_READ_MORE_END, _CREDIT_END):
            found = tail.search(text)
            if found and found.start() > 0:
                removed.append((LineKind.CREDIT, found.group().strip()))
                text = text[: found.start()].rstrip()
        agency = _AGENCY_SIGN_OFF.search(text)
        if agency and classifier.is_outlet(agency["name"]):
            sources.append(agency["name"])  # "... – Reuters": the wire signing its copy
            removed.append((LineKind.SOURCE, agency.group().strip()))
            text = text[: agency.start()].rstrip()
        sign_off = _SIGN_OFF_END.search(text)
        if sign_off and sign_off.start() > 0:
            footers.append(sign_off.group().strip())  # "... (Reporting by X; Editing by Y)"
            removed.append((LineKind.FOOTER, sign_off.group().strip()))
            text = text[: sign_off.start()].rstrip()
        if body_parts:
            separator = "\n" if _same_paragraph(lines, kinds, previous_kept, i) else "\n\n"
            body_parts.append(separator)
            clean_pos += len(separator)
        segments.append((clean_pos, line.start, len(text)))
        body_parts.append(text)
        clean_pos += len(text)
        previous_kept = i
    return CleanText(
        title=title,
        body="".join(body_parts),
        offsets=OffsetMap(tuple(segments)),
        captions=tuple(captions),
        footers=tuple(footers),
        leading_lines=tuple(leading),
        removed=tuple(removed),
        sources=tuple(sources),
        stamps=tuple(stamps),
        byline=byline,
    )


_CAPTION_SIGNED_MAX_WORDS = 30
_LATER_PARAGRAPHS = 3  # a sign-off closes the copy; a caption has the reporting under it


def _credits_picture(text: str, kinds: Sequence[LineKind], i: int) -> bool:
    """A one-sentence line signed by an agency ("Wounded wait for treatment on Tuesday. —
    AP") with the reporting still to come: a picture's caption and its credit, not the wire
    signing off its copy (which closes the last paragraph)."""
    sentence = _AGENCY_SIGN_OFF.sub("", text)
    if len(sentence.split()) > _CAPTION_SIGNED_MAX_WORDS or re.search(r"[.!?]\s+\S", sentence):
        return False
    later = sum(1 for kind in kinds[i + 1 :] if kind is LineKind.BODY)
    return later >= _LATER_PARAGRAPHS


def _unstamped(text: str) -> str:
    """The line without a date stamp run into its start ("date 2023-04-28 By Jane Roe"): the
    page dating itself before the words that say what the line is."""
    return text[lead_stamp_length(text) :].strip() or text


def _byline_names(text: str) -> str | None:
    """The writer a byline line names ("By Jane Roe" -> "Jane Roe", "By: Staff Writers",
    "By Middle East correspondent Jane Roe, wires" -> "Jane Roe", "By Jane Roe in Kyiv & John
    Doe in London" -> "Jane Roe"); None for other lines."""
    lead = _BYLINE_LEAD.match(text)
    if not lead or len(text.split()) > _BYLINE_MAX_WORDS or _SENTENCE_END.search(text):
        return None
    names = re.split(r"\s*[,|]\s*|\s+[-–—]\s+|\s+in\s+", text[lead.end() :])[0].strip()
    words = names.split()
    role = [n for n, word in enumerate(words) if word.islower() and word not in _NAME_JOINERS]
    if role:  # a role before the name: "Middle East correspondent Jane Roe"
        names = " ".join(words[role[-1] + 1 :])
    return names if names and names[:1].isupper() else None


def _byline_agency(text: str, is_outlet: Callable[[str], bool]) -> str | None:
    """The outlet a byline ends with, its writers' employer ("By Jane Roe and John Doe
    Associated Press", "By Jane Roe, Reuters", "By Jane Roe | AP"): wire evidence."""
    words = re.split(r"\s*[,|]\s*|\s+[-–—]\s+|\s+", text.strip(" .,|"))
    for n in (3, 2, 1):
        if len(words) > n + 1 and is_outlet(" ".join(words[-n:])):
            return " ".join(words[-n:])
    return None


def _same_paragraph(lines: Sequence[Line], kinds: Sequence[LineKind], a: int, b: int) -> bool:
    """Hard-wrapped lines with nothing between them stay one paragraph."""
    return b == a + 1 and kinds[a] is LineKind.BODY


def cut_prefix(clean: CleanText, length: int) -> CleanText:
    """Drop the first `length` characters of the body (a dateline), keeping the map right."""
    return cut_span(clean, 0, length)


def cut_span(clean: CleanText, start: int, length: int) -> CleanText:
    """Drop `length` characters of the body from `start` (a dateline opening a paragraph),
    keeping every later offset mapped to the same raw character."""
    if length <= 0:
        return clean
    end = start + length
    body = clean.body[:start] + clean.body[end:]
    segments: list[tuple[int, int, int]] = []
    for clean_start, raw_start, seg_len in clean.offsets.segments:
        seg_end = clean_start + seg_len
        if seg_end <= start:
            segments.append((clean_start, raw_start, seg_len))
            continue
        if clean_start >= end:
            segments.append((clean_start - length, raw_start, seg_len))
            continue
        if clean_start < start:
            segments.append((clean_start, raw_start, start - clean_start))
        if seg_end > end:
            skip = end - clean_start
            segments.append((start, raw_start + skip, seg_end - end))
    return replace(clean, body=body, offsets=OffsetMap(tuple(segments)))
