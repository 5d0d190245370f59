"""Separate an article's reporting from the web furniture scraped along with it.

Scraped news text mixes the story with captions, photo credits, related-story headlines,
"READ MORE" links, comment forms and share widgets. Left in, they become false facts ("kill 13
ISIS members" is another story's headline). We classify lines instead of rewriting text, so
every kept character still has a known position in the raw text (see `OffsetMap`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

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


_CREDIT_PREFIX = re.compile(
    r"^(image copyright|photo by:?|photo credit:?|photograph:|photo:|picture:|image:|credit:"
    r"|copyright:?\s*(?:getty|reuters|afp|ap)\b|getty images\b)",
    re.IGNORECASE,
)
_CAPTION_PREFIX = re.compile(r"^(image caption|caption:|media caption)\s*", re.IGNORECASE)
_RELATED_PREFIX = re.compile(
    r"^(read more|read also|also read|related|see also|more on this|watch|listen|recommended)"
    r"\s*[:\-–—|]",
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
    r"^(share (this|on|via)\b.*|click to share.*|follow us on\b.*|sign up for\b.*"
    r"|subscribe to\b.*|advertisement|all rights reserved.*|copyright\s*(©|\(c\)|\d{4}).*"
    r"|©.*|this article was (originally )?published.*on\b.*)$",
    re.IGNORECASE,
)
_COMMENTS_START = re.compile(
    r"^(leave a (reply|comment)|post a comment|add (a|your) comment|comments?\s*\(\d+\)"
    r"|join the (conversation|discussion)|\d+ comments?)\s*:?$",
    re.IGNORECASE,
)
_FOOTER_LINE = re.compile(
    r"^(source\s*:\s*.+|.{2,40}\s+(and|with|&)\s+(news\s+)?agencies"
    r"|\((reporting|additional reporting|writing|editing) by .+\)"
    r"|(reporting|additional reporting) by .+;.+)$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^[•·▪●◦*-]\s+")
_SENTENCE_END = re.compile(r"([.!?:;…)\]]|[.!?,…][\"”’']+)$")
_BYLINE = re.compile(r"^[Bb]y\s+[A-Z][\w'.-]+(\s+[A-Z][\w'.-]+){0,3}(\s*(,|and|in)\s+.*)?$")
_DATED_PHOTO_CAPTION = re.compile(
    r"(\b(January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\s+\d{1,2},\s+\d{4}\.?$|REUTERS/|\bAFP PHOTO\b|/AFP\b|\(Photo[: ])"
)
_HEADING_MAX_WORDS = 14


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


def _is_widget(text: str) -> bool:
    lowered = text.lower().strip(" |·•")
    if lowered in _WIDGET_WORDS or _WIDGET_LINE.match(text):
        return True
    tokens = [t for t in re.split(r"[\s|·•/]+", lowered) if t]
    return bool(tokens) and len(tokens) <= 8 and all(t in _WIDGET_WORDS for t in tokens)


def _looks_like_heading(text: str) -> bool:
    """A short line that is not a sentence: a subhead or a stray related-story headline."""
    return len(text.split()) <= _HEADING_MAX_WORDS and not _SENTENCE_END.search(text)


def _is_link_bullet(text: str) -> bool:
    """A bulleted headline ("• Why Assad wants to take Aleppo"), not a bulleted fact."""
    return len(text.split()) <= _HEADING_MAX_WORDS and not text.rstrip().endswith((".", ";"))


class _Classifier:
    """Walks the lines once, keeping the little state that captions and blocks need."""

    def __init__(
        self, lines: Sequence[Line], title_in_text: bool, is_masthead: Callable[[str], bool]
    ) -> None:
        self.lines = lines
        self.kinds: list[LineKind] = [LineKind.BLANK] * len(lines)
        self.title_in_text = title_in_text
        self.is_masthead = is_masthead

    def run(self) -> list[LineKind]:
        nonblank = [i for i, line in enumerate(self.lines) if line.text]
        title_index = self._title_index(nonblank) if self.title_in_text else None
        after_credit = False
        in_related_block = False
        in_comments = False
        for i in nonblank:
            text = self.lines[i].text
            if i == title_index:
                self.kinds[i] = LineKind.TITLE
                continue
            if title_index is not None and i < title_index:
                self.kinds[i] = LineKind.HEADING  # masthead above the title
                continue
            kind = self._kind_of(i, text, after_credit, in_related_block, in_comments)
            in_comments = in_comments or kind is LineKind.COMMENTS
            if kind is LineKind.RELATED and _RELATED_BLOCK.match(text):
                in_related_block = True
            elif not _BULLET.match(text):
                in_related_block = kind is LineKind.RELATED and in_related_block
            after_credit = kind in (LineKind.CREDIT, LineKind.CAPTION)
            self.kinds[i] = kind
        self._mark_repeated_lines_as_captions(nonblank)
        return self.kinds

    def _title_index(self, nonblank: list[int]) -> int | None:
        for i in nonblank:
            if not self.is_masthead(self.lines[i].text):
                return i
        return nonblank[0] if nonblank else None

    def _kind_of(
        self, i: int, text: str, after_credit: bool, in_related_block: bool, in_comments: bool
    ) -> LineKind:
        if in_comments or _COMMENTS_START.match(text):
            return LineKind.COMMENTS
        if _CAPTION_PREFIX.match(text):
            return LineKind.CAPTION
        if _CREDIT_PREFIX.match(text):
            return LineKind.CREDIT
        if after_credit and _DATED_PHOTO_CAPTION.search(text):
            return LineKind.CAPTION
        if _RELATED_PREFIX.match(text) or _RELATED_BLOCK.match(text):
            return LineKind.RELATED
        if text.startswith("- ") and text.endswith(" -"):
            return LineKind.HEADING  # AFP-style subhead: "- Not targeting civilians -"
        if _BULLET.match(text) and (in_related_block or _is_link_bullet(text)):
            return LineKind.RELATED
        if in_related_block and _looks_like_heading(text):
            return LineKind.RELATED
        if _is_widget(text):
            return LineKind.WIDGET
        if _FOOTER_LINE.match(text) and self.lines[i].words <= 12:
            return LineKind.FOOTER
        if _looks_like_heading(text) or _BYLINE.match(text):
            return LineKind.HEADING
        return LineKind.BODY

    def _mark_repeated_lines_as_captions(self, nonblank: list[int]) -> None:
        """A line printed twice in a row is an image's alt text and caption, not reporting."""
        for a, b in zip(nonblank, nonblank[1:], strict=False):
            if self.lines[a].text == self.lines[b].text and self.kinds[a] is LineKind.BODY:
                self.kinds[a] = LineKind.CAPTION
                self.kinds[b] = LineKind.CAPTION


def clean_text(
    raw: str, *, title_in_text: bool, is_masthead: Callable[[str], bool] | None = None
) -> CleanText:
    """Classify every line of `raw` and keep the body with a map back to `raw`.

    `title_in_text`: the first non-empty line (after any masthead) is the title, as in
    plain-text files. `is_masthead`: tells a line that only names the outlet ("BBC News")
    and may stand above the title.
    """
    lines = split_lines(raw)
    kinds = _Classifier(lines, title_in_text, is_masthead or (lambda _line: False)).run()
    title: str | None = None
    body_parts: list[str] = []
    segments: list[tuple[int, int, int]] = []
    captions: list[str] = []
    footers: list[str] = []
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
        if kind is not LineKind.BODY:
            removed.append((kind, line.text))
            if kind is LineKind.CAPTION:
                caption = _CAPTION_PREFIX.sub("", line.text).strip()
                if caption and caption not in captions:
                    captions.append(caption)
            elif kind is LineKind.FOOTER:
                footers.append(line.text)
            continue
        if body_parts:
            separator = "\n" if _same_paragraph(lines, kinds, previous_kept, i) else "\n\n"
            body_parts.append(separator)
            clean_pos += len(separator)
        segments.append((clean_pos, line.start, len(line.text)))
        body_parts.append(line.text)
        clean_pos += len(line.text)
        previous_kept = i
    return CleanText(
        title=title,
        body="".join(body_parts),
        offsets=OffsetMap(tuple(segments)),
        captions=tuple(captions),
        footers=tuple(footers),
        leading_lines=tuple(leading),
        removed=tuple(removed),
    )


def _same_paragraph(lines: Sequence[Line], kinds: Sequence[LineKind], a: int, b: int) -> bool:
    """Hard-wrapped lines with nothing between them stay one paragraph."""
    return b == a + 1 and kinds[a] is LineKind.BODY


def cut_prefix(clean: CleanText, length: int) -> CleanText:
    """Drop the first `length` characters of the body (a dateline), keeping the map right."""
    if length <= 0:
        return clean
    body = clean.body[length:]
    segments: list[tuple[int, int, int]] = []
    for clean_start, raw_start, seg_len in clean.offsets.segments:
        seg_end = clean_start + seg_len
        if seg_end <= length:
            continue
        skip = max(length - clean_start, 0)
        segments.append((clean_start + skip - length, raw_start + skip, seg_len - skip))
    return CleanText(
        title=clean.title,
        body=body,
        offsets=OffsetMap(tuple(segments)),
        captions=clean.captions,
        footers=clean.footers,
        leading_lines=clean.leading_lines,
        removed=clean.removed,
    )
