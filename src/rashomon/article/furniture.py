"""Tests that tell a line of web-page furniture from a line of reporting, by its shape.

Saved web pages carry menus, share widgets, counters, photo captions, date stamps, teasers for
other stories and code dumps around the story. Listing their exact strings never ends, so each
test here reads a general property of the line: how much of it is interface vocabulary, which
script it is written in, how much of it is letters at all, whether it ends the way captions and
teasers end. The vocabularies live in data/page_furniture.yaml.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# A caption ends with its credit: "(Photo: X)", "(AP photo)", "(... via AP)", "(Reuters
# Archive)", "REUTERS/Name",
# "| License Photo", "PHOTO: REUTERS", "Source: Getty Images", or with the picture's date
# standing as its own sentence (wire style); "Photo by Name" closing the last sentence, or
# the photographer's name alone in brackets after it.
_CAPTION_END = re.compile(
    r"(\((?:[^()]*\b(?i:photo|photos|picture|image|credit|file)\b[^()]*|\s*(?i:video)\s*:[^()]+"
    r"|[^()]*\bvia (?:AP|AFP|Reuters|Getty(?: Images)?)"
    r"|(?:AP|AFP|Reuters|Getty Images|AA)(?:\s+(?i:archive|file))?)\)"
    r"|\b[A-Z]{2,}(?: PHOTO)?\s*/\s*[A-Z][a-z][\w.'’-]*(?:\s+[A-Z][a-z][\w.'’-]*)+"
    r"|/\s*(?:AFP|AP|Reuters|REUTERS|Getty Images|EPA|UPI)\)?|\bLicense Photo"
    r"|\s\|\s*(?:AFP|AP|Reuters|REUTERS|Getty Images|EPA|UPI)"  # "... in Saada | Reuters"
    r"|\b(?:AFP|AP|Reuters|REUTERS|EPA|UPI)\s+(?i:photo|file photo|picture)"  # "... AFP photo"
    r"|\b(?i:photo|photograph|picture|image)s?\s*:\s*[A-Z][\w.&'’ /-]{1,40}"
    r"|\.\s+(?:Photo|Picture|Image) by\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
    r"|\b(?i:source|credit)\s*:\s*(?:Getty Images|AFP|AP|Reuters|REUTERS|EPA|Shutterstock|AAP)"
    r"|\[(?:Getty(?: Images)?|AFP|AP|Reuters|REUTERS|EPA|UPI|Anadolu(?: Agency)?|Xinhua)\]"
    r"|\.\s+" + _MONTH + r"\s+\d{1,2},\s+\d{4}"
    # a picture's place and full date closing its one sentence, told in the present: "Smoke
    # rises after an air strike in Gaza City, October 31, 2023." (reporting writes "were
    # killed ... on October 31")
    r"|^(?![^.!?]*\b(?:was|were|had|did|said)\b)[^.!?]{10,}\b(?:in|at|near|outside)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
    r"(?:,\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?,\s+" + _MONTH + r"\s+\d{1,2},\s+\d{4}"
    # the photographer's name alone in brackets after the last full stop: "... on Jan. 14.
    # (Kyrylo Tymoshenko)"
    r"|(?<=\.)\s*\([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2}\))\.?\s*$"
)
MAX_CAPTION_WORDS = 60  # a longer line is a paragraph that happens to end with a credit
# A photo agency's terms, which only its captions carry ("MARIUPOL, UKRAINE - MARCH 18:
# (---EDITORIAL USE ONLY - MANDATORY CREDIT ...) A view of ..."), however long the caption
_AGENCY_TERMS = re.compile(r"\b(?:EDITORIAL USE ONLY|MANDATORY CREDIT)\b")
# A credit opening the caption: "Photo-CJ (Pazigyi village after bombing ...)"
_CREDIT_START = re.compile(r"^(?:Photo|Picture|Image)\s*[-\u2013\u2014]\s*[A-Z]")
# A slide show's counter opening the caption of each picture: "1 of 3 | ...", "2/12 - ...".
_GALLERY_COUNTER = re.compile(r"^\d{1,3}\s*(?:of|/)\s*\d{1,3}\s*[|:–—-]\s*(?=\S)")
_SHORTCODE = re.compile(r"^\[(caption|/caption|gallery|embed|video)\b", re.IGNORECASE)
_PULL_QUOTE = re.compile(r"\s\|\s*$")  # "...his family |": a pull-quote or caption widget
_TEASER_END = re.compile(r"(\u2026|\.\.\.?)\s*$")
_DATE_WORDS = re.compile(
    r"\b(" + _MONTH + r"|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday|am|pm|gmt|utc|ago|posted|published|updated?|last|on|at|date"
    r"|dated|time|modified|minutes?|hours?|days?|year|of|post"
    r"|hkt|est|edt|pst|pdt|bst|cet|cest|eet|eest|msk|ist|ast)\b",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d")
_AGO = re.compile(
    r"^(?:an?|\d+)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago\.?$", re.IGNORECASE
)
_LABEL_VALUE = re.compile(r"^(?P<label>[^\W\d_][\w ]{0,24}?)\s*:\s*(?P<value>.*)$")
_BLOG_COMMENT = re.compile(r"^[\w.' -]{2,30} said\.{2,}\s*$")
_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)

MAX_FURNITURE_WORDS = 16
_MAX_FURNITURE_CHARS = 200  # longer lines are read as text without counting their words


@dataclass(frozen=True)
class Vocabulary:
    interface: frozenset[str]
    function: frozenset[str]
    related: tuple[str, ...]
    comments: tuple[str, ...]
    sign_offs: tuple[str, ...]
    notices: tuple[str, ...]
    languages: frozenset[str]
    section_labels: tuple[str, ...] = ()


@cache
def vocabulary() -> Vocabulary:
    data = yaml.safe_load(
        resources.files("rashomon.data").joinpath("page_furniture.yaml").read_text("utf-8")
    )
    return Vocabulary(
        interface=frozenset(w.lower() for w in data["interface_words"]),
        function=frozenset(w.lower() for w in data["function_words"]),
        related=tuple(sorted((p.lower() for p in data["related_openings"]), key=len, reverse=True)),
        comments=tuple(p.lower() for p in data["comment_openings"]),
        sign_offs=tuple(p.lower() for p in data["sign_off_openings"]),
        notices=tuple(p.lower() for p in data["page_notice_openings"]),
        languages=frozenset(w.casefold() for w in data["language_names"]),
        section_labels=tuple(
            sorted((p.lower() for p in data.get("section_labels", ())), key=len, reverse=True)
        ),
    )


def section_label_length(paragraph: str) -> int:
    """Characters of a house-style label opening a paragraph ("Driving the news: ", "The
    big picture: "), its colon and the space after it; 0 when there is none or nothing
    follows it."""
    lowered = paragraph.lower()
    for label in vocabulary().section_labels:
        if lowered.startswith(label):
            rest = paragraph[len(label) :]
            colon = re.match(r"\s*:\s+(?=\S)", rest)
            if colon is not None:
                return len(label) + colon.end()
    return 0


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def is_interface(text: str) -> bool:
    """A short line that speaks about the page: most of its words are interface vocabulary.

    "Continue Reading Below", "Your web browser is no longer supported. To improve your
    experience update it here", "Promotions, new products and sales. Directly to your inbox."
    """
    if len(text) > _MAX_FURNITURE_CHARS:
        return False
    found = [w.lower() for w in words(text)]
    if not found or len(found) > MAX_FURNITURE_WORDS:
        return False
    vocab = vocabulary()
    content = [w for w in found if w not in vocab.function]
    if not content:
        return False
    hits = sum(1 for w in content if w in vocab.interface or _split_doubled(w, vocab))
    if hits == 1 and len(content) == 1:
        return not text.rstrip().endswith(".")  # "Scroll", "Print:", but not "The story."
    return hits >= 2 and hits / len(content) >= 0.6


def _split_doubled(word: str, vocab: Vocabulary) -> bool:
    """Words glued by a widget ("codeqr", "e-mailsend"): both halves interface words."""
    return any(
        word[:i] in vocab.interface and word[i:] in vocab.interface for i in range(2, len(word) - 1)
    )


def related_opening(text: str) -> str | None:
    """The opening of a link line ("Read more", "More News On") when the line starts with one."""
    lowered = text.lower().lstrip("•·▪*-– ")
    for opening in vocabulary().related:
        if lowered.startswith(opening):
            rest = lowered[len(opening) :]
            if not rest or not rest[0].isalnum():
                return opening
            if opening in ("more news on", "posted in", "filed under"):
                return opening
    return None


# a blog feed's footer under a copied post: "The post <its headline> appeared first on <site>."
_APPEARED_FIRST = re.compile(r"^The post .{1,250}? appeared first on [A-Z][^.]{0,79}\.?$")


def is_sign_off(text: str) -> bool:
    """An outlet's standards or policy line ("Our Standards: The Thomson Reuters Trust
    Principles."), short and opening with one of the sign-off phrases, or a feed's line on
    where a post first ran ("The post ... appeared first on Daily News.")."""
    return _short_and_opening(text, vocabulary().sign_offs) or bool(_APPEARED_FIRST.match(text))


def is_page_notice(text: str) -> bool:
    """A page's notice about itself ("This is an archived article and the information in
    the article may be outdated."), short and opening with one of the notice phrases."""
    return _short_and_opening(text, vocabulary().notices)


def _short_and_opening(text: str, openings: tuple[str, ...]) -> bool:
    """A line of furniture's length that opens (past any bullet) with one of `openings`."""
    if len(text) > _MAX_FURNITURE_CHARS:
        return False
    lowered = text.lower().lstrip("•·▪*-–( ")  # "(Except for the headline, ...)" too
    return any(lowered.startswith(opening) for opening in openings)


def is_comment_start(text: str) -> bool:
    lowered = text.lower().strip(" :!.*")
    if _BLOG_COMMENT.match(text):
        return True
    return any(
        lowered == opening or lowered.startswith(opening + " ") or lowered.startswith(opening + ":")
        for opening in vocabulary().comments
    ) or bool(re.fullmatch(r"\d+\s+comments?(?:\s*\(s\))?|comments?\s*\(\d+\)", lowered))


def is_caption(text: str) -> bool:
    """A photo caption or pull-quote: ends with a credit, a picture date or a widget bar."""
    if _SHORTCODE.match(text) or _GALLERY_COUNTER.match(text) or _AGENCY_TERMS.search(text):
        return True
    if len(text.split()) > MAX_CAPTION_WORDS:
        return False
    return bool(
        _CAPTION_END.search(text)
        or _PULL_QUOTE.search(text)
        or _CREDIT_START.match(text)
        or "©" in text
    )


def is_language_menu(text: str) -> bool:
    """A site's language switcher: "Portuguese / Spanish / English", "العربية | Français |
    English": two or more language names and nothing else, a menu and never a headline."""
    if len(text) > _MAX_FURNITURE_CHARS:
        return False
    items = [item.strip() for item in re.split(r"[/|•·,]|\s{2,}", text) if item.strip()]
    if len(items) < 2:
        items = text.split()
    languages = vocabulary().languages
    return len(items) >= 2 and all(item.casefold() in languages for item in items)


def without_gallery_counter(text: str) -> str:
    """The caption without the slide show's counter ("1 of 3 | Rescuers ..." -> "Rescuers ...")."""
    return text[_GALLERY_COUNTER.match(text).end() :] if _GALLERY_COUNTER.match(text) else text


def is_teaser(text: str) -> bool:
    """A cut-off summary of another story: several words ending in an ellipsis."""
    return bool(_TEASER_END.search(text)) and len(words(text)) >= 6


def is_date_stamp(text: str) -> bool:
    """A line that only dates the page: "28 Apr 2016", "Sun Sep 18, 2016 15:24:28",
    "· Nov. 30, 2016, 12:01 am", "Posted on September 21, 2016", "Update 14:45 29 April"."""
    if _AGO.match(text.strip()):
        return True  # "a year ago", "3 hours ago": when the page was seen, relative to nothing
    if not _DIGITS.search(text) or len(text) > 80:
        return False
    leftover = _DATE_WORDS.sub(" ", re.sub(r"(?<=\d)(?:st|nd|rd|th)\b", "", text))
    leftover = re.sub(r"[\d\s.,:;/|·•()+\-–—]+", " ", leftover)
    return not words(leftover)


_EDITOR_NOTE = re.compile(
    r"^(?P<stamp>.{0,40}?)\s*\((?:(?:news\s+)?(?:story|article|report)\s+(?:was\s+)?"
    r"(?:updated|corrected|amended)|corrects|updates|adds|recasts|changes|fixes|repeats|refiles"
    r"|removes|clarifies|rewrites|inserts|deletes|amends|writes through)\b[^()]{0,200}\)$",
    re.IGNORECASE,
)


def is_editor_note(text: str) -> str | None:
    """A wire editor's note on its own line ("(Corrects headline to show ...)", "(Adds
    quotes, background)"), perhaps after the page's date stamp: "note", or "dated" when a
    stamp comes first (the line then also dates the page); None for other lines."""
    match = _EDITOR_NOTE.match(text.strip())
    if not match:
        return None
    stamp = match["stamp"].strip()
    if not stamp:
        return "note"
    return "dated" if is_date_stamp(stamp) else None


def is_foreign_script(text: str, script: str) -> bool:
    """A short line written in another script than the article (a Hebrew share widget in an
    English page, a Cyrillic view counter): page furniture of the site's home language."""
    if len(text) > _MAX_FURNITURE_CHARS or len(words(text)) > MAX_FURNITURE_WORDS:
        return False
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    other = sum(1 for c in letters if script_of(c) != script)
    return other / len(letters) > 0.5


@cache
def script_of(char: str) -> str:
    """The script a letter belongs to, from its Unicode name ("LATIN", "HEBREW", "CYRILLIC")."""
    if char.isascii():
        return "LATIN"
    try:
        return unicodedata.name(char).split()[0]
    except ValueError:
        return "UNKNOWN"


_SCRIPT_SAMPLE = 4000  # characters read to tell an article's script
_LETTER = re.compile(r"[^\W\d_]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")


def dominant_script(text: str) -> str:
    """The script most of the article's letters are written in (read from its start)."""
    sample = text[:_SCRIPT_SAMPLE]
    if (len(sample) - len(sample.encode("ascii", "ignore"))) * 4 < len(sample):
        return "LATIN"  # mostly ASCII: the common case, decided without reading each letter
    letters = _LETTER.findall(sample)
    if not letters or len(_ASCII_LETTER.findall(sample)) * 2 >= len(letters):
        return "LATIN"
    counts: dict[str, int] = {}
    for char in letters:
        name = script_of(char)
        counts[name] = counts.get(name, 0) + 1
    return max(counts, key=lambda k: counts[k])


def is_not_prose(text: str) -> bool:
    """Code dumps, counters, symbol rows, bare numbers and bare URLs: too few letters to be
    reporting ("854", "+ ↺ − 16 px", 'string(1002) "[{"id":"1862710",...')."""
    if _URL.match(text):
        return True
    if len(text) > 2000:
        return False  # a paragraph; dumps and counters are shorter
    letters = sum(map(str.isalpha, text))
    spaces = text.count(" ")
    if letters < 3:
        return True
    if text.count('":') >= 2 or text.count("{") >= 2:
        return True
    if _icon_names(text):
        return True
    return (letters + spaces) / len(text) < 0.6 and len(words(text)) < 8


_ICON_WORDS = 5  # an icon font's names leak as a run of at least this many "...icon" words


def _icon_names(text: str) -> bool:
    """An icon font's names run together ("icon bookmark-bicon bookmarkicon cameraicon
    checkicon chevron downicon ..."): most words end in or hold "icon"."""
    tokens = text.lower().split()
    named = sum("icon" in t for t in tokens)
    return named >= _ICON_WORDS and named * 2 >= len(tokens)


_GLUED_CAMEL = re.compile(r"[a-z]{2}[A-Z][a-z]")


# a whole word run into the next one's capital ("all our reportsExplosive violence"): a menu
# or breadcrumb printed without its separators; brand names glue shorter pieces ("YouTube")
_GLUED_WORDS = re.compile(r"[a-z]{5}[A-Z][a-z]")


def has_glued_words(text: str) -> bool:
    """Whether two words run together, as a page's menus and breadcrumbs do and a
    headline never does."""
    return _GLUED_WORDS.search(text) is not None


def is_run_together_menu(text: str) -> bool:
    """Menu items printed without spaces: "FinancialGovernment SolutionsLegalReuters News
    AgencyRisk Management": several words glued lower-to-upper case, in a short line."""
    tokens = text.split()
    if len(tokens) > 2 * MAX_FURNITURE_WORDS:
        return False
    glued = sum(1 for t in tokens if _GLUED_CAMEL.search(t))
    return glued >= 2 and glued / len(tokens) >= 0.15


def is_metadata_label(text: str) -> bool:
    """ "Story Code: 212829", "News Link :", "Print:", "Categories: International,Top story":
    a short label and a value that is empty, an id, a link or a list, never a sentence."""
    match = _LABEL_VALUE.match(text)
    if not match or len(words(match["label"])) > 3:
        return False
    value = match["value"].strip()
    if not value:
        return True
    if _URL.match(value) or not words(value):
        return True
    return "," in value and len(words(value)) <= 6 and not value.endswith(".")


# "Topic Violence Erupts as Islamic State Rises (1881) 0 25 ": a topic widget, the title of
# the page's running topic with its count of stories, and the counters after it
_TOPIC_WIDGET = re.compile(r"Topic:?\s+[^()\n]{3,80}?\s*\(\d+\)(?:\s+\d+)*\s+")


def interface_prefix_length(text: str, max_words: int = 8) -> int:
    """Characters of widget words opening `text` ("Get short URL 0 0 0 ", "Share Tweet ",
    and a topic widget after them), as left when a page's buttons run into its first
    paragraph; 0 when none, and 0 when the text goes on in lower case: buttons end where a
    sentence starts, so "Video of the ..." is the sentence itself."""
    length = _interface_words_length(text, max_words)
    if length and (topic := _TOPIC_WIDGET.match(text, length)):
        return topic.end()
    return length


def without_interface_tail(text: str, max_words: int = 4) -> str:
    """`text` less the page's buttons run onto its end ("October 5, 2015 Adjust font size:"
    -> "October 5, 2015"): up to `max_words` closing words, every one an interface word."""
    vocab = vocabulary()
    words_ = text.split()
    cut = len(words_)
    while cut > 0 and len(words_) - cut < max_words:
        if words_[cut - 1].strip(".,:;|").lower() not in vocab.interface:
            break
        cut -= 1
    return " ".join(words_[:cut]) if cut < len(words_) else text


def _interface_words_length(text: str, max_words: int) -> int:
    vocab = vocabulary()
    end = hits = 0
    for n, match in enumerate(re.finditer(r"\S+", text)):
        word = match.group().strip(".,:;|").lower()
        if n >= max_words or not (word in vocab.interface or word.isdigit()):
            break
        hits += word in vocab.interface
        end = match.end()
    rest = text[end:].lstrip()
    if hits == 0 or rest[:1].islower():
        return 0  # "Video of the aftermath showed ...": the sentence's own first words
    return end + len(text[end:]) - len(rest)


# A page's closing furniture run into the last paragraph when its lines were joined (as in
# text flattened to one line): "... 43 Topic Violence Erupts (1881) Related ...", "Related
# News <headlines>", "Tags <keywords> Community standards", "Reporting by A; Editing by B
# Our Standards:", "Last Update: Saturday 7 October 2017 KSA 16:06". Each marker is read
# where it begins; the text from there on is the page's, never the story's.
_INLINE_TAIL = re.compile(
    r"\s(?:"
    r"\.\.\.(?:\s+\d+)+\s+(?=Topic\b|Tags\b|Related\b)"
    r"|Topic\s[^()]{3,80}?\(\d+\)\s+(?=Related\b|Tags\b)"
    r"|(?:Source:?\s[\w ,&]{2,40}?\s)?Related\s(?:News|Coverage|Stories|Articles)\s"
    r"|Tags\s(?=.{0,400}?Community standards)"
    r"|(?:(?:Additional\s)?(?:[Rr]eporting|[Ww]riting|[Ee]diting)\sby\s[^.]{2,250}?)?Our Standards:"
    r"|Last Update:\s(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s\d"
    r")"
)
TAIL_FROM_SHARE = 0.4  # a closing marker lies in the text's last 60%: the story comes first


def inline_tail_start(text: str) -> int | None:
    """Where the page's closing furniture begins inside the last paragraph (see
    _INLINE_TAIL), or None; a marker in the first part of the text, or before a later
    paragraph (a story that goes on), is left alone."""
    found = _INLINE_TAIL.search(text, int(len(text) * TAIL_FROM_SHARE))
    if found is None or "\n" in text[found.start() :].rstrip():
        return None
    return found.start()


# A politician's hover card printed inside the sentence that names them: "Sen. Ben Cardin
# Benjamin (Ben) Louis CardinBipartisan Senators reintroduce ... mounts: report MORE (D-Md.)":
# the full name glued to the name before it and to the first of the card's headlines, the
# headlines, and "MORE". (The sentence reads on after it: "Sen. Ben Cardin (D-Md.) said".)
_HOVER_CARD = re.compile(
    r"(?<=[a-z])[A-Z][a-z]+(?:\s+(?:\([A-Z][a-z]+\)|[A-Z][a-z]*\.?)){1,4}(?<=[a-z])[A-Z]"
    r"[^\n]{10,600}?\sMORE\b"
)


def hover_cards(text: str) -> list[tuple[int, int]]:
    """(start, end) of each hover card inside the text's sentences (see _HOVER_CARD)."""
    return [m.span() for m in _HOVER_CARD.finditer(text)]


def undouble(text: str) -> str:
    """ "Morale Patch ArmoryMorale Patch Armory" -> "Morale Patch Armory": a logo's alt text
    glued to its caption prints a name twice; other text is returned as it is."""
    half = len(text) // 2
    for cut in (half, half + 1):
        first, second = text[:cut].strip(), text[cut:].strip()
        if first and first == second:
            return first
    return text


# the names on a line that credits the copy: "Beirut / AP", "Press TV and AA", "ANKARA-Anadolu
# Agency" (a place in capitals run into the agency by a dash; not "Al-Manar")
_SOURCE_PARTS = re.compile(r"\s*/\s*|\s+(?:and|&)\s+|(?<=[A-Z]{2})\s*[-\u2013\u2014]\s*(?=[A-Z])")


# the words a credit line puts before the names it credits ("Written by", "Source:", "(With
# inputs from"), and after them ("By Reuters Staff": the agency's desk)
_CREDIT_OPENING = re.compile(
    r"^[(\s–—-]*(?:by|author|written by|edited by|posted by|story by|report by|source|sources|"
    r"kaynak|(?:with\s+)?inputs?\s+from|with|via|courtesy|(?:this\s+(?:article|story|report)\s+"
    r"(?:was|is)\s+)?provided\s+by|(?:copyright|©|\(c\))(?:\s*©)?(?:\s*\d{4})?)"
    r"(?:\b|(?<=[©)]))\s*[:\-]?\s*",
    re.IGNORECASE,
)
# "By Reuters Staff", "(With PTI inputs)", "Copyright 2023 The Associated Press. All rights
# reserved.", "© Thomson Reuters 2024": the agency's desk, its inputs, its rights or their
# year, after its name
_DESK = re.compile(
    r"\s+(?:staff|staffers|reporters|correspondents?|news\s+desk|desk|inputs)$"
    r"|\.?\s*all\s+rights\s+reserved$|\s+(?:19|20)\d\d$",
    re.I,
)


def credited_names(line: str) -> str:
    """What a credit line names, without its opening words and the desk after the names
    ("Written by Reuters", "By Reuters Staff", "(With inputs from AFP)": the agency); a
    bracket inside stays ("Tripoli (AFP) July 3, 2019")."""
    rest = _CREDIT_OPENING.sub("", line).strip(" .")
    if "(" not in rest:
        rest = rest.rstrip(") .")  # the close of "(With inputs from AFP)"
    return _DESK.sub("", rest).strip(" .")


def source_parts(line: str) -> list[str]:
    """The names a credit line gives, in order, without edge dots and spaces."""
    return [p.strip(" .") for p in _SOURCE_PARTS.split(line.strip(" .")) if p.strip(" .")]
