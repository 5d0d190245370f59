"""From what a reader found (RawArticle) to a clean Article with publisher and date."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from rashomon.article.boilerplate import CleanText, clean_text, cut_span
from rashomon.article.dates import (
    MONTH_DAY,
    date_from_text_lead,
    date_from_url,
    dates_after_record,
    lead_stamp_length,
    text_date_beats_record,
)
from rashomon.article.duplicates import article_id
from rashomon.article.furniture import (
    hover_cards,
    inline_tail_start,
    interface_prefix_length,
    section_label_length,
)
from rashomon.article.outlets import OutletDirectory, identify_publisher, title_is_dateline
from rashomon.errors import InputError
from rashomon.fingerprints import content_hash
from rashomon.model import Article, FoundIn, PublicationDate, RawArticle

_TITLE_FALLBACK_CHARS = 120
_PAGE_LINES = 12  # removed lines read for the site's own name (mastheads, logos)


@dataclass(frozen=True)
class UserMetadata:
    """Metadata given on the command line; it overrides what the files say."""

    outlet: str | None = None
    published: PublicationDate | None = None
    url: str | None = None


def build_article(raw: RawArticle, directory: OutletDirectory, user: UserMetadata) -> Article:
    """Clean the text, find outlet, wire, dateline and date, and give the article its id."""
    clean = clean_text(
        raw.text,
        title_in_text=raw.title is None,
        is_masthead=directory.is_masthead,
        is_outlet=lambda name: directory.find(name) is not None,
    )
    clean = _cut_lead_credit(clean, directory)
    clean = _stamped_masthead(clean, directory)
    lead = "\n".join((*clean.stamps, clean.body))  # read for a date before the stamp is cut
    clean = _cut_lead_stamp(_cut_update_labels(clean))
    for start, end in reversed(hover_cards(clean.body)):
        clean = cut_span(clean, start, end - start)
    clean = _cut_section_labels(clean)
    url = user.url or raw.url
    stated = (
        (user.outlet, FoundIn.USER)
        if user.outlet
        else (raw.outlet, raw.outlet_found_in or FoundIn.METADATA)
        if raw.outlet
        else None
    )
    publisher = identify_publisher(
        stated=stated,
        footers=clean.footers,
        leading_lines=clean.leading_lines,
        url=url,
        body=clean.body,
        directory=directory,
        sources=clean.sources,
        page_lines=[text for _kind, text in clean.removed[:_PAGE_LINES]],
        title=raw.title or _without_lead_stamp(clean.title),
    )
    for dateline in reversed(publisher.datelines):
        clean = cut_span(clean, dateline.start, dateline.length)
    if (tail := inline_tail_start(clean.body)) is not None:
        clean = cut_span(clean, tail, len(clean.body) - tail)  # read for its wire above
    if not clean.body.strip():
        raise InputError(raw.source, "no article text left after removing boilerplate")
    title = raw.title or _without_lead_stamp(clean.title)
    if not title or (not raw.title and title_is_dateline(title, directory)):
        title = _first_line(clean.body)  # "AFP, THE HAGUE, Netherlands" heads no story
    in_text = date_from_text_lead(lead)
    published = user.published or raw.published or (date_from_url(url) if url else None) or in_text
    from_text, rejected = _record_date_contradicted(user, raw, lead)
    note = None
    if from_text is not None and rejected is not None:
        published = from_text
        note = f"record date {rejected.value} rejected: the article text gives {published.value}"
    elif later := _record_date_refuted(user, raw, clean.body):
        published, rejected = None, raw.published
        note = (
            f"record date {raw.published.value} rejected: the article tells of"  # type: ignore[union-attr]
            f" {len(later)} later days, up to {later[-1]}"
        )
    content = content_hash(title, clean.body)
    return Article(
        id=article_id(content, publisher.outlet, raw.record_digest),
        source=raw.source,
        title=title,
        body=clean.body,
        raw_text=raw.text,
        offsets=clean.offsets,
        content_hash=content,
        captions=tuple(dict.fromkeys((*raw.captions, *clean.captions))),
        outlet=publisher.outlet,
        outlet_found_in=publisher.found_in,
        wire=publisher.wire,
        dateline=publisher.dateline.place if publisher.dateline else None,
        author=raw.author or clean.byline,
        url=url,
        published=published,
        markup=raw.markup,
        published_rejected=rejected,
        published_note=note,
    )


_LEAD_CREDIT = re.compile(r"^(?P<name>[^\W\d_][\w .&'’-]{0,40}?)\s*\|\s*")
# "Shafaq News / The Russian military ...", "Iran Press/ Middle East: The journalists ...": the
# outlet, perhaps the page's section, then the story
_LEAD_SLASH_CREDIT = re.compile(
    r"^(?P<name>[^\W\d_][\w .&'’-]{0,40}?)\s*/\s+(?:[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3}:\s+)?"
    r"(?=[A-Z\"“])"
)


def _cut_lead_credit(clean: CleanText, directory: OutletDirectory) -> CleanText:
    """Drop an outlet's credit run into the start of the body before the page's date ("RT |
    September 17, 2016 US-led coalition jets ...") or before a slash ("Shafaq News / The
    Russian military ..."): where the copy came from, kept as a source line (wire
    evidence), never the first words of the reporting."""
    match = _LEAD_CREDIT.match(clean.body)
    slashed = _LEAD_SLASH_CREDIT.match(clean.body)
    if slashed and directory.find(slashed["name"]) is not None:
        match = slashed  # "Shafaq News / The Russian military ...": no date needed after a slash
    elif (
        not match
        or directory.find(match["name"]) is None
        or not lead_stamp_length(clean.body[match.end() :])
    ):
        return clean
    clean = replace(clean, sources=(*clean.sources, match["name"]))
    return cut_span(clean, 0, match.end())


_LABEL_REACH = 80  # characters of a paragraph a house-style label and its colon fit in


def _cut_section_labels(clean: CleanText) -> CleanText:
    """Drop the house-style labels that open paragraphs ("Driving the news: ...", "The big
    picture: ..."): signposts of the page, not words of the story (see
    furniture.section_label_length)."""
    starts = [0] + [m.end() for m in re.finditer(r"\n+", clean.body)]
    for start in reversed(starts):
        length = section_label_length(clean.body[start : start + _LABEL_REACH])
        if length:
            clean = cut_span(clean, start, length)
    return clean


def _stamped_masthead(clean: CleanText, directory: OutletDirectory) -> CleanText:
    """A first line that is an outlet's name after the page's date stamp ("date 2021-08-29
    Radio Free Europe/Radio Liberty"): the masthead of the outlet whose copy the page holds,
    kept as a source line (wire evidence), never the headline."""
    rest = _without_lead_stamp(clean.title)
    if rest is None or rest == clean.title or directory.masthead_name(rest) is None:
        return clean
    return replace(clean, title=None, sources=(*clean.sources, rest))


_UPDATE_LABEL = re.compile(
    r"(?:UPDATED?|Updated?|ORIGINAL ENTRY|Original entry|ORIGINAL POST|Original post)"
    r"(?P<when>\s+(?:\d{1,2}[:.]?\d{2}\s*(?:GMT|UTC|[AP]M|[ap]\.m\.)?"
    rf"|{MONTH_DAY}))?\s*(?P<colon>:)?\s+(?=\S)"
)


def _cut_update_labels(clean: CleanText) -> CleanText:
    """Drop the labels a live page puts before each addition ("UPDATE 2045 GMT: ", "Update
    March 28: ", "ORIGINAL ENTRY: "): page furniture that would open the paragraph's first
    sentence. A label needs its time, its day or a colon ("Update on talks" is a sentence)."""
    cuts = []
    for start in (0, *(n + 1 for n, char in enumerate(clean.body) if char == "\n")):
        match = _UPDATE_LABEL.match(clean.body, start)
        if match and (match["when"] or match["colon"]) and clean.body[match.end() :].strip():
            cuts.append((start, match.end() - start))
    for start, length in reversed(cuts):
        clean = cut_span(clean, start, length)
    return clean


def _cut_lead_stamp(clean: CleanText) -> CleanText:
    """Drop a date stamp and widget words run into the start of the body ("21.08.2013Get
    short URL 0 0 0 Syrian forces ..."): the page dating itself, not reporting."""
    stamp = lead_stamp_length(clean.body)
    widgets = interface_prefix_length(clean.body[stamp:])
    cut = stamp + widgets
    if not cut or not clean.body[cut:].strip():
        return clean
    return cut_span(clean, 0, cut)


def _record_date_contradicted(
    user: UserMetadata, raw: RawArticle, lead: str
) -> tuple[PublicationDate | None, PublicationDate | None]:
    """(the text's date, the record's rejected date) when the article's head contradicts the
    date field of its record; (None, None) otherwise.

    Only a record's date field loses to the text: a date the user gave wins over both, and
    page metadata is the page's own statement.
    """
    record = raw.published
    if user.published or record is None or record.found_in is not FoundIn.RECORD:
        return None, None
    from_text = text_date_beats_record(record, lead)
    return (from_text, record) if from_text is not None else (None, None)


def _record_date_refuted(user: UserMetadata, raw: RawArticle, body: str) -> list[str]:
    """The later days the body tells of when they prove the record's date field wrong (see
    `dates_after_record`); empty when the date came from anywhere else."""
    record = raw.published
    if user.published or record is None or record.found_in is not FoundIn.RECORD:
        return []
    return dates_after_record(record, body)


def _without_lead_stamp(title: str | None) -> str | None:
    """The headline without a date stamp run into its start ("date 2022-04 Russia denies
    ..."): the page dating itself, not the story's words."""
    if not title:
        return title
    rest = title[lead_stamp_length(title) :].strip()
    return rest or title


def _first_line(body: str) -> str:
    line = body.strip().splitlines()[0]
    return line if len(line) <= _TITLE_FALLBACK_CHARS else line[:_TITLE_FALLBACK_CHARS] + "…"
