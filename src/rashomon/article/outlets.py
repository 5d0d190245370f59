"""Who published an article, which wire it came from, and where it was filed.

The publisher is the outlet; a wire (AFP, Reuters) may supply the copy; the dateline is the
city it was filed from. "told Reuters" inside the text names a statement's intermediary, not
the publisher, so we only read anchored evidence: metadata, footers, mastheads, domains and
the dateline itself. When none of them speaks, the outlet stays unknown.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from rashomon.article.furniture import credited_names, source_parts, undouble
from rashomon.article.signed import agency_footer
from rashomon.errors import InputError
from rashomon.model import FoundIn


@dataclass(frozen=True)
class Outlet:
    name: str
    wire: bool = False
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()


def name_key(name: str) -> str:
    """Comparison key: case, spaces, punctuation and diacritics do not distinguish outlets."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed.lower() if c.isalnum())


class OutletDirectory:
    """Known outlets, looked up by any name or alias, or by web domain."""

    def __init__(self, outlets: Iterable[Outlet]) -> None:
        self._by_key: dict[str, Outlet] = {}
        self._by_domain: dict[str, Outlet] = {}
        self._labels: dict[str, Outlet] | None = None  # see _by_label
        for outlet in outlets:
            for name in (outlet.name, *outlet.aliases):
                self._by_key[name_key(name)] = outlet
            for domain in outlet.domains:
                self._by_domain[domain.lower().removeprefix("www.")] = outlet

    @classmethod
    def load(cls, extra_files: Sequence[Path] = ()) -> OutletDirectory:
        """The packaged directory plus users' files; later entries win on a shared alias."""
        packaged = resources.files("rashomon.data").joinpath("outlets.yaml").read_text("utf-8")
        outlets = list(_parse_outlets(packaged, "outlets.yaml"))
        for path in extra_files:
            outlets.extend(_parse_outlets(Path(path).read_text("utf-8"), str(path)))
        return cls(outlets)

    def find(self, name: str) -> Outlet | None:
        return self._by_key.get(name_key(name))

    def canonical(self, name: str) -> str:
        """The directory's name for `name`, or `name` itself tidied: an explicit name is kept."""
        outlet = self.find(name)
        return outlet.name if outlet else " ".join(name.split())

    def from_url(self, url: str) -> Outlet | None:
        host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
        full = host
        while host:
            if host in self._by_domain:
                return self._by_domain[host]
            _, _, host = host.partition(".")
            if "." not in host:
                break
        return self._on_a_platform(full)

    def _on_a_platform(self, host: str) -> Outlet | None:
        """The site a platform's or a page cache's address names in its subdomain: the one
        listed outlet whose domain's name is a word of it ("irishtimes-irishtimes-prod")."""
        platform = next(
            (d for d in _packaged_lists()["platform_domains"] if host.endswith("." + d)), None
        )
        if platform is None:
            return None
        words = set(re.split(r"[-.]", host[: -len(platform) - 1]))
        found = {o.name: o for label, o in self._by_label().items() if label in words}
        return next(iter(found.values())) if len(found) == 1 else None

    def _by_label(self) -> dict[str, Outlet]:
        """Outlets by their domains' names ("irishtimes" for irishtimes.com), when only one
        outlet's domain has that name."""
        if self._labels is None:
            seen: dict[str, set[str]] = {}
            for domain, outlet in self._by_domain.items():
                label = domain.split("/")[0].split(".")[0]
                if len(label) > 3:
                    seen.setdefault(label, set()).add(outlet.name)
            self._labels = {
                label: self.find(next(iter(names)))  # type: ignore[misc]
                for label, names in seen.items() if len(names) == 1
            }  # fmt: skip
        return self._labels

    def is_masthead(self, line: str) -> bool:
        """A line holding only an outlet's name (long enough not to be a word): "BBC News"."""
        return self.masthead_name(line) is not None

    def masthead_name(self, line: str) -> str | None:
        """The outlet a masthead line names, also when the logo's name runs into its slogan
        ("The Washington PostDemocracy Dies in Darkness") or a dash sets off what the site
        is ("SABA - Yemen news agency"); None for other lines."""
        glued = _GLUED.search(line)
        tagged = _SITE_TAG.fullmatch(line)
        for text in (
            line,
            line[: glued.start() + 1] if glued else "",
            tagged.group("name") if tagged else "",
        ):
            key = name_key(text)
            if len(key) > 3 and key in self._by_key:
                return self._by_key[key].name
        return None


_GLUED = re.compile(r"[a-z](?=[A-Z][a-z])")
# "SABA - Yemen news agency", "Kayhan | Daily newspaper": a name, a separator, and a few
# words saying what kind of site it is (a headline after a name says something else)
_SITE_TAG = re.compile(
    r"(?P<name>[^|\-–—:]{2,40}?)\s+[|\-–—:]\s+(?=(?:\S+\s+){0,5}\S+$)"
    r".*\b(?:news|agency|newspaper|daily|online|portal|network|channel|tv|radio|media)\b.*",
    re.IGNORECASE,
)


def _parse_outlets(text: str, origin: str) -> Iterable[Outlet]:
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise InputError(origin, f"invalid YAML in outlet directory: {exc}") from exc
    for entry in data.get("outlets", []):
        if not isinstance(entry, dict) or not entry.get("name"):
            raise InputError(origin, f"outlet entry without a name: {entry!r}")
        yield Outlet(
            name=str(entry["name"]),
            wire=bool(entry.get("wire", False)),
            aliases=tuple(str(a) for a in entry.get("aliases") or ()),
            domains=tuple(str(d) for d in entry.get("domains") or ()),
        )


@dataclass(frozen=True)
class Dateline:
    place: str | None
    wire: str | None
    length: int  # characters of the body the dateline occupies, separator included
    start: int = 0  # where in the body it begins (the start of a paragraph)


# A byline run into the dateline: "By Tom Perry and Lisa Barrington BEIRUT (Reuters) - ...".
_NAME_WORD = r"[A-Z][a-z][\w'’.-]*"
_BYLINE_PREFIX = (
    rf"(?:By\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}"
    rf"(?:\s*(?:,|and|&)\s*{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})*\s+(?=[A-Z(]))?"
)
_PLACE = r"(?P<place>(?!The\s)[A-Z][\w.'’/ -]{1,40}?)"
# ", Syria", ", Nov 1", ", Sept. 19", ", Aug.12", ", March 1.", ", July 15, 2022", "(Syria)",
# "[Afghanistan]", ", 8 April 2022", ", 29th July, 2022": parts between place and wire.
_PLACE_TAIL = (
    r"(?:\s*,\s*[A-Z][a-z]+\.?(?:(?:(?<=\.)\s*|\s+)\d{1,2}(?:\s*,\s*\d{4})?)?\.?"
    r"|\s*,\s*\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\.?(?:,?\s+\d{4})?"
    r"|\s*[(\[][A-Z][\w .-]{1,30}[)\]]\s*,?)*"
)
# the wire's bracket then a dash or colon ("(AP) —", "(ANI):"), or a full stop and a dash
# ("(EFE).-")
_WIRE_DATELINE = re.compile(
    rf"^{_BYLINE_PREFIX}(?:{_PLACE}{_PLACE_TAIL})?\s*"
    r"(?:\((?P<wire>[A-Za-z][A-Za-z .&-]{0,30})\)\.?\s*[-–—:]+"
    r"|/(?P<slashed>[A-Za-z][\w .&-]{0,30})/\.?)\s*"
)
# "Rafah (Gaza Strip), Feb 29 (AP) Israeli troops fired ...", "NEW DELHI: (IANS) The ...": an
# agency's feed as syndicating sites print it, the place, its day and the agency with no
# dash before the sentence (taken only for a known news agency: "(Syria) Troops ..." names
# none)
_UNDASHED_WIRE_DATELINE = re.compile(
    rf"^{_BYLINE_PREFIX}{_PLACE}{_PLACE_TAIL}:?\s*\((?P<wire>[A-Za-z][A-Za-z .&-]{{0,30}})\)"
    r"\s+(?=[A-Z\"“‘])"
)
# "Moscow, SANA- A Russian military source said...", "Tehran, Oct 4, IRNA – The foreign
# ministry ...", "Riyadh, July 29, 2022, SPA --": the place, perhaps the day, then the
# agency's name.
_PLACE_AGENCY_DATELINE = re.compile(
    r"^(?P<place>[A-Z][\w'’ -]{1,30}?),\s*"
    r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?\s+\d{1,2},\s*"
    r"(?:\d{4},\s*)?)?"
    r"(?P<wire>[A-Z][A-Za-z]{1,10})\s*[-–—]+\s*"
)
# "AFP, THE HAGUE, Netherlands" on a line of its own, "Reuters, WASHINGTON — The army ...":
# the agency first, then its capitalised place (taken only for a known news agency).
_AGENCY_PLACE_DATELINE = re.compile(
    r"^(?P<wire>[A-Z][A-Za-z]{1,10}),\s+(?P<place>[A-Z]{3,}(?:[ /-]+[A-Z]{2,}){0,3})"
    r"(?:\s*,\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?\s*(?:[-–—]+\s*(?=[A-Z\"“‘])|$)"
)
# "MOSCOW, January 15 – RIA Novosti. The missile ...": the place and day, a dash, then the
# agency's name closed by a full stop (taken only for a known news agency).
_DAY_DASH_AGENCY_DATELINE = re.compile(
    r"^(?P<place>[A-Z][\w'’ -]{1,30}?),\s*"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?\s+\d{1,2}(?:,\s*\d{4})?"
    r"\s*[-–—]+\s*(?P<wire>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3}?)\.\s+(?=[A-Z\"“‘])"
)
_CAPS_DATELINE = re.compile(
    rf"^{_BYLINE_PREFIX}(?P<place>[A-Z]{{3,}}(?:[ ,/-]+[A-Z]{{2,}}){{0,3}})"
    r"(?:\s*,\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})?"  # "KRAMATORSK, Ukraine —"
    r"(?:\s*\((?P<bracket>[^()]{1,20})\))?\s*[-–—]+\s+"  # "RAFAH, Gaza Strip (AP) —"
)
# "MOSCOW (UrduPoint News / Sputnik - 08th April, 2022) The ministry ...": the place, then in
# brackets the publisher, the agency and the day, with no dash before the sentence.
_CAPS_CREDIT_DATELINE = re.compile(
    r"^(?P<place>[A-Z]{3,}(?:[ /-]+[A-Z]{2,}){0,3})\s*,?\s*\((?P<credit>[^()]{2,80})\)"
    r"\s*[-–—:]*\s*(?=[A-Z\"“])"
)

# "AL JINEH AFP March17, 2017-The US said ...": a capitalised place, the agency without
# brackets, then perhaps the date, and a dash.
_CAPS_AGENCY_DATELINE = re.compile(
    r"^(?P<place>[A-Z]{2,}(?:[ /-]+[A-Z]{2,}){0,3}?)\s*,?\s+(?P<wire>[A-Z]{2,8})"
    r"(?:\s*,?\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s*\d{1,2}"
    r"(?:\s*,\s*|\s+)\d{4})?\s*[-–—]+\s*"
)

# "WASHINGTON, Sept 17 The U.S. military said ...": a newswire's place and day with no dash,
# as its feeds print it; the sentence starts with the capital after the day.
_CAPS_DAY_DATELINE = re.compile(
    r"^(?P<place>[A-Z]{3,}(?:[ /-]+[A-Z]{2,}){0,3})\s*,?\s+"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?\s+\d{1,2}\s+(?=[A-Z])"
)

# "GAZA: About 500 Palestinians were killed ...": a capitalised place and a colon.
_CAPS_COLON_DATELINE = re.compile(
    r"^(?P<place>[A-Z]{3,}(?:[ /-]+[A-Z]{2,}){0,2})\s*:\s+(?=[A-Z0-9\"“‘'])"
)
# "Kyiv – Ukrainian officials said ...": a place written in lower case after its capital,
# a spaced dash, then the sentence.
_NAME_DASH_DATELINE = re.compile(
    r"^(?P<place>[A-Z][a-z]{2,}(?:\s+[A-Z][a-z]{2,})?)\s+[-–—]{1,2}\s+(?=[A-Z\"“‘'])"
)
# "Maaret al Numan, Syria: Air strikes killed ...": a place in mixed case, its country and a
# colon (a label has no country after a comma).
_PLACE_COUNTRY_COLON_DATELINE = re.compile(
    r"^(?P<place>[A-Z][\w'’-]+(?:\s+(?:[a-z]{1,3}\s+)?[A-Z][\w'’-]+){0,3}),\s*"
    r"(?P<country>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s*:\s+(?=[A-Z0-9\"“‘'])"
)
# Labels a page puts before a paragraph the same way: never places.
_LEAD_LABELS = frozenset(
    {
        "breaking", "breaking news", "update", "updated", "watch", "video", "photo", "photos",
        "exclusive", "live", "analysis", "opinion", "editorial", "note", "correction", "read",
        "warning", "alert", "comment", "review", "audio", "listen", "summary", "background",
        "explainer", "factbox", "timeline", "graphic", "editor's note", "advisory",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    }
)  # fmt: skip

DATELINE_PARAGRAPHS = 3  # a lead-in sentence or two may come before the dateline


def find_datelines(body: str, directory: OutletDirectory) -> list[Dateline]:
    """Datelines opening any of the first paragraphs, in order.

    Pages often print a summary or a caption above the wire copy ("The Russian Defense
    Ministry has denied ... \n\nHMEYMIM AIRBASE (Syria), (Sputnik) – In April ..."); the
    dateline is still the copy's, and must leave the body so that "Sputnik" is never read
    as a speaker or an actor.
    """
    found: list[Dateline] = []
    start = 0
    for n, paragraph in enumerate(body.split("\n")):
        if n >= DATELINE_PARAGRAPHS * 2:  # paragraphs are separated by blank lines
            break
        dateline = find_dateline(paragraph, directory) if paragraph.strip() else None
        if dateline and (start == 0 or dateline.wire):  # later ones only with their agency
            found.append(replace(dateline, start=start))
        start += len(paragraph) + 1
    return found


def find_dateline(body: str, directory: OutletDirectory) -> Dateline | None:
    """`Geneva (AFP) -`, `BEIRUT, Nov 1 (Reuters) -`, `GENEVA, March 1. /TASS/.`,
    `HMEYMIM AIRBASE (Syria), (Sputnik) –`, `Moscow, SANA-`, `GENEVA AFP May 3, 2017-`,
    `BEIRUT —`, `WASHINGTON, Sept 17 `, `GAZA: `, `Kyiv – `, `Rafah (Gaza Strip), Feb 29 (AP) `,
    `MOSCOW, January 15 – RIA Novosti. `, `AFP, THE HAGUE, Netherlands` or
    `Maaret al Numan, Syria: ` at
    the start of the body, after any byline run into it ("By A and B CITY (Reuters) - ...")."""
    match = _WIRE_DATELINE.match(body)
    if match:
        wire_text = (match["wire"] or match["slashed"]).strip()
        outlet = directory.find(wire_text) or _agency_in_credit(wire_text, directory)
        place = _place_name(match["place"]) if match["place"] else None
        if outlet is not None or (wire_text.isupper() and len(wire_text) <= 6):
            return Dateline(place, outlet.name if outlet else wire_text, match.end())
        if match["place"] and match["place"].strip().isupper():
            # "TRIPOLI, Aug 7 (Pajhwok) —": a capitalised place with its brackets and dash
            # opens the copy whatever the brackets name; an agency not known is no wire
            return Dateline(place, None, match.end())
        match = None  # "Aleppo (Syria) -" or "(file photo)" name no agency
    match = _UNDASHED_WIRE_DATELINE.match(body)
    if match and (outlet := directory.find(match["wire"].strip())) is not None and outlet.wire:
        return Dateline(_place_name(match["place"]), outlet.name, match.end())
    match = _PLACE_AGENCY_DATELINE.match(body)
    if match and (outlet := directory.find(match["wire"])) is not None and outlet.wire:
        return Dateline(_place_name(match["place"]), outlet.name, match.end())
    match = _AGENCY_PLACE_DATELINE.match(body)
    if match and (outlet := directory.find(match["wire"])) is not None and outlet.wire:
        return Dateline(_place_name(match["place"]), outlet.name, match.end())
    match = _DAY_DASH_AGENCY_DATELINE.match(body)
    if match and (outlet := directory.find(match["wire"])) is not None and outlet.wire:
        return Dateline(_place_name(match["place"]), outlet.name, match.end())
    match = _CAPS_AGENCY_DATELINE.match(body)
    if match and (outlet := directory.find(match["wire"])) is not None and outlet.wire:
        return Dateline(_place_name(match["place"]), outlet.name, match.end())
    match = _CAPS_CREDIT_DATELINE.match(body)
    if match:
        parts = re.split(r"\s*/\s*|\s+[-–—]\s+|\s*,\s*", match["credit"])
        found = [o for p in parts if (o := directory.find(p.strip(" ."))) is not None]
        agency = next((o for o in found if o.wire), None)
        if agency is not None:
            return Dateline(_place_name(match["place"]), agency.name, match.end())
    match = _CAPS_DATELINE.match(body) or _CAPS_DAY_DATELINE.match(body)
    if match:
        # "GAZA CITY, Gaza Strip (AP) —": a country of more words than the wire pattern's
        # tail takes, then the agency in brackets
        bracket = (match.groupdict().get("bracket") or "").strip()
        outlet = directory.find(bracket) if bracket else None
        wire = outlet.name if outlet is not None and outlet.wire else None
        return Dateline(_place_name(match["place"]), wire, match.end())
    match = _CAPS_COLON_DATELINE.match(body) or _NAME_DASH_DATELINE.match(body)
    if match and _may_be_place(match["place"], directory):
        return Dateline(_place_name(match["place"]), None, match.end())
    match = _PLACE_COUNTRY_COLON_DATELINE.match(body)
    if match and all(_may_be_place(match[k], directory) for k in ("place", "country")):
        return Dateline(_place_name(match["place"]), None, match.end())
    return None


def _agency_in_credit(credit: str, directory: OutletDirectory) -> Outlet | None:
    """The known agency among the parts of a joint credit: "NNN-XINHUA" (a network that
    carries Xinhua's copy), "AFP/Getty"."""
    parts = re.split(r"\s*[-/]\s*", credit)
    if len(parts) < 2:
        return None
    return next((o for p in parts if (o := directory.find(p)) is not None and o.wire), None)


def _may_be_place(text: str, directory: OutletDirectory) -> bool:
    """Not a page's label ("BREAKING:", "Update -") nor an outlet's name ("Reuters -")."""
    return text.lower() not in _LEAD_LABELS and directory.find(text) is None


def _place_name(text: str) -> str:
    text = text.strip(" ,")
    return text.title() if text.isupper() else text


_SOURCE_FOOTER = re.compile(r"^source\s*:\s*(?P<names>.+)$", re.IGNORECASE)
_AGENCIES_FOOTER = re.compile(
    r"^(?P<name>.{2,40}?)\s+(?:and|with|&)\s+(?:news\s+)?agencies\.?$", re.I
)


def outlet_from_footers(footers: Sequence[str], directory: OutletDirectory) -> str | None:
    """The publisher named by a sign-off line: "Source: Al Jazeera, News Agencies"."""
    for line in reversed(footers):
        match = _SOURCE_FOOTER.match(line)
        if match:
            for part in re.split(r"\s*(?:[,;/&]|\band\b)\s*", match["names"]):
                if part and "agenc" not in part.lower():
                    return directory.canonical(part.strip(" ."))
        match = _AGENCIES_FOOTER.match(line)
        if match:
            return directory.canonical(match["name"])
    return None


def outlet_from_masthead(leading_lines: Sequence[str], directory: OutletDirectory) -> str | None:
    for line in leading_lines:
        if directory.is_masthead(line):
            return directory.masthead_name(line)
    return None


@dataclass(frozen=True)
class Publisher:
    outlet: str | None
    found_in: FoundIn | None
    wire: str | None
    dateline: Dateline | None
    datelines: tuple[Dateline, ...] = ()


def identify_publisher(
    *,
    stated: tuple[str, FoundIn] | None,
    footers: Sequence[str],
    leading_lines: Sequence[str],
    url: str | None,
    body: str,
    directory: OutletDirectory,
    sources: Sequence[str] = (),
    page_lines: Sequence[str] = (),
    title: str | None = None,
) -> Publisher:
    """Pick the outlet from the strongest evidence; the wire only when nothing else names one.

    Order: an outlet stated by the user, a record or page metadata; a footer; a masthead; the
    URL's domain in the directory; a line of the page giving the site's own name (the domain's
    name written out: "Abb Takk News" on abbtakk.tv); the URL's registrable domain itself
    ("moralepatcharmory.com"), so a page with a URL always has a named publisher; finally the
    wire (an AFP story read from AFP's own feed). The wire is the dateline's agency, else an
    agency named by a line of its own ("Mehr News Agency", "By REUTERS", "Beirut / AP"), by a
    "Source:" footer under another site's page ("Source: Syrian Arab News Agency"), by the
    headline ("Reuters: ...") or by the copy's own disclaimer ("CNN could not confirm").
    """
    datelines = find_datelines(body, directory)
    dateline = datelines[0] if datelines else None
    from_footer = outlet_from_footers(footers, directory)
    if url and from_footer and _agency_credited(from_footer, url, directory):
        from_footer = None  # "Source: RIA" under another site's page: the wire, read below
    if url and from_footer and directory.find(from_footer) is None:
        from_footer = None  # "Source: Vitali Klitschko on Telegram" on a page with an
        # address: where the story's news came from; the address names the publisher
    cited = None
    if url and from_footer and _cited_by_another_site(from_footer, url, directory):
        # "Source: Daily Mail" under another site's page: the outlet its copy or its
        # evidence came from, so the chain it belongs to; the address names the publisher
        cited, from_footer = directory.canonical(from_footer), None
    candidates: list[tuple[str | None, FoundIn]] = [
        (directory.canonical(stated[0]), stated[1]) if stated else (None, FoundIn.USER),
        (from_footer, FoundIn.TEXT),
        (outlet_from_masthead(leading_lines, directory), FoundIn.TEXT),
    ]
    if url:
        from_url = directory.from_url(url)
        candidates.append((from_url.name if from_url else None, FoundIn.URL))
        candidates.append((site_name(url, (*leading_lines, *page_lines)), FoundIn.TEXT))
        candidates.append((registrable_domain(url), FoundIn.URL))
    outlet, found_in = next(((o, f) for o, f in candidates if o), (None, None))
    wire = (
        next((d.wire for d in datelines if d.wire), None)
        or _agency_named(sources, directory, outlet)
        or _agency_in_footers(footers, directory, outlet)
        or _agency_in_headline(title, directory, outlet)
        or _agency_in_credit_line(page_lines, directory, outlet)
        or _agency_disclaiming(body, directory, outlet)
        or _agency_reporting(body, directory, outlet)
        or _agency_investigating(body, directory, outlet)
        or _agency_interviewed(body, directory, outlet, 1 if _on_a_blog_host(url) else 2)
        or cited
    )
    if outlet is None and wire:
        outlet, found_in = wire, FoundIn.TEXT
    return Publisher(outlet, found_in, wire, dateline, tuple(datelines))


def _named_elsewhere(name: str, url: str, directory: OutletDirectory) -> Outlet | None:
    """The known outlet a "Source:" footer names, when the page's address is a known site
    other than it (None when it names no known outlet, or the page's own site)."""
    found = directory.find(name)
    site = directory.from_url(url)
    if found is None or (site is not None and _same(found.name, site.name)):
        return None
    return found


def _agency_credited(name: str, url: str, directory: OutletDirectory) -> bool:
    """A news agency named by a "Source:" footer of a page whose address belongs to another
    site: the agency wrote the copy, the site published it."""
    found = _named_elsewhere(name, url, directory)
    return found is not None and found.wire


def _cited_by_another_site(name: str, url: str, directory: OutletDirectory) -> bool:
    """An outlet named by a "Source:" footer of a page whose address is another site's
    ("Source: New York Times" on factcheck.ge is not The New York Times' page); a page of
    an unlisted host of the outlet's own registered domain is still its own."""
    found = _named_elsewhere(name, url, directory)
    domain = registrable_domain(url)
    if found is None or domain is None:
        return False
    return directory.from_url(url) is not None or not any(
        (registrable_domain(f"https://{d}") or d) == domain for d in found.domains
    )


def registrable_domain(url: str) -> str | None:
    """The name a site registered ("thesyriacampaign.org" for diary.thesyriacampaign.org,
    "nonews2read.blogspot.com"), from the public-suffix list bundled with `tld` (no network)."""
    from tld import get_fld

    found = get_fld(url.strip(), fail_silently=True, fix_protocol=True)
    if not found:
        return None
    domain = str(found).lower()
    if domain in _hosting_domains():
        host = (urlsplit(url.strip()).hostname or "").lower().removeprefix("www.")
        return host if host.endswith("." + domain) else domain
    return domain


@cache
def _packaged_lists() -> dict[str, frozenset[str]]:
    """The packaged directory's word and domain lists (hosting domains, site-name words)."""
    text = resources.files("rashomon.data").joinpath("outlets.yaml").read_text("utf-8")
    data = yaml.safe_load(text) or {}
    return {
        key: frozenset(str(w).lower() for w in data.get(key, ()))
        for key in ("hosting_domains", "site_name_words", "platform_domains")
    }


def _hosting_domains() -> frozenset[str]:
    return _packaged_lists()["hosting_domains"]


def site_name(url: str, lines: Iterable[str]) -> str | None:
    """A short line that writes out the domain's name ("Abb Takk News" for abbtakk.tv,
    "Morale Patch ArmoryMorale Patch Armory" for moralepatcharmory.com): the site's name,
    without a tagline after a dash or bar ("Daily Planet - Print Edition")."""
    domain = registrable_domain(url)
    if not domain:
        return None
    label = name_key(domain.split(".")[0])
    if len(label) < 4:
        return None
    for line in lines:
        name = undouble(line.strip())
        key = name_key(name)
        if len(name.split()) <= 6 and key.startswith(label) and len(key) <= 2 * len(label) + 8:
            head = re.split(r"\s+[-–—|:]\s+", name)[0].strip()
            name = head if name_key(head).startswith(label) else name  # "X - Print Edition"
            return _name_words(name, label)
    return None


def _name_words(name: str, label: str) -> str:
    """The words of a site's name line that spell its domain, and media words after them,
    when what follows is a phrase of its own (a word in lower case in it): "Q13 FOX Season
    of Giving" is "Q13 FOX" (q13fox.com); "Abb Takk News" and "ElDorar AlShamia" (for
    eldorar.com) stay whole."""
    words = name.split()
    for end in range(1, len(words) + 1):
        if name_key(" ".join(words[:end])) == label:
            while end < len(words) and words[end].lower() in _packaged_lists()["site_name_words"]:
                end += 1
            rest = words[end:]
            return " ".join(words[:end]) if any(w[:1].islower() for w in rest) else name
    return name


def _agency_named(
    sources: Sequence[str], directory: OutletDirectory, outlet: str | None
) -> str | None:
    """An outlet other than the publisher named by a line of its own: where the copy came from."""
    for line in sources:
        for part in source_parts(credited_names(line)):
            found = directory.find(part)
            if found is not None and not _same(found.name, outlet):
                return found.name
    return None


# "(Reporting by A in Gaza; Writing by B; Editing by C)": Reuters' own sign-off, its
# reporters, writer and editors in one line, as no other agency signs its copy
_REUTERS_SIGN_OFF = re.compile(
    r"^\(?\s*(?:Additional\s+)?Reporting\s+by\s+[^;]+;.*\bEditing\s+by\s+\S", re.IGNORECASE
)
_REUTERS = "Reuters"


def _agency_in_footers(
    footers: Sequence[str], directory: OutletDirectory, outlet: str | None
) -> str | None:
    """ "Source: Syrian Arab News Agency" under a page of another site, "The Associated
    Press contributed to this report.", or Reuters' sign-off ("Reporting by ...; Editing by
    ..."): the news agency the copy came from ("Source: Al Jazeera and news agencies" names
    the publisher itself)."""
    for line in reversed(footers):
        if _REUTERS_SIGN_OFF.match(line):
            found = directory.find(_REUTERS)
            if found is not None and not _same(found.name, outlet):
                return found.name
            continue
        match = _SOURCE_FOOTER.match(line) or agency_footer(line)
        if not match:
            continue
        for part in re.split(r"\s*(?:[,;/&]|\band\b)\s*", match["names"]):
            found = directory.find(part.strip(" ."))
            if found is not None and found.wire and not _same(found.name, outlet):
                return found.name
    return None


# "Reuters | Kyiv | Updated: 16-01-2023 17:12 IST": a syndicating page's line of who filed the
# copy, from where and when, its fields set apart by bars
_CREDIT_LINE = re.compile(
    r"^\s*(?P<name>[A-Z][\w .&-]{1,30}?)\s*\|[^|]{0,40}\|\s*"
    r"(?:Updated|Created|Published|Posted|Last\s+updated)\b",
    re.IGNORECASE,
)


def _agency_in_credit_line(
    lines: Iterable[str], directory: OutletDirectory, outlet: str | None
) -> str | None:
    """The news agency a page's credit line names first ("Reuters | Kyiv | Updated: ...")."""
    for line in lines:
        match = _CREDIT_LINE.match(line)
        found = directory.find(match["name"]) if match else None
        if found is not None and found.wire and not _same(found.name, outlet):
            return found.name
    return None


_HEADLINE_SOURCE = re.compile(r"^(?P<name>[A-Z][\w .&-]{1,30}?)\s*:\s+\S")
# after a colon, or after the bar or spaced dash of a page title's site part ("Israel-Hamas
# war news | CNN" on another site's page: the page retells CNN's)
_HEADLINE_CREDIT = re.compile(r"\S\s*(?::|\s\||\s[-–—](?=\s))\s+(?P<name>[A-Z][\w .&-]{1,30}?)\s*$")


def title_is_dateline(title: str | None, directory: OutletDirectory) -> bool:
    """Whether a title is only a dateline with its agency ("AFP, THE HAGUE, Netherlands"):
    the copy's first line taken for a headline, never the story's words."""
    return _title_dateline(title, directory) is not None


def _title_dateline(title: str | None, directory: OutletDirectory) -> Dateline | None:
    """The dateline a whole title is, when it names its agency."""
    line = find_dateline(title.strip(), directory) if title else None
    whole = line is not None and line.length >= len((title or "").strip())
    return line if whole and line is not None and line.wire is not None else None


def _agency_in_headline(
    title: str | None, directory: OutletDirectory, outlet: str | None
) -> str | None:
    """ "Reuters : Russian jets carried out strike": a news agency credited before the
    headline; "Bomb that killed 40 children in Yemen was supplied by the U.S.: CNN" or a
    page title "Israel-Hamas war news | CNN" on another site: any outlet credited after
    it, whose report the page retells; a first line that is only the copy's dateline ("AFP,
    THE HAGUE, Netherlands", taken for the title): its agency."""
    if (dateline := _title_dateline(title, directory)) is not None:
        return dateline.wire
    match = _HEADLINE_SOURCE.match(title or "")
    found = directory.find(match["name"]) if match else None
    if found is not None and found.wire and not _same(found.name, outlet):
        return found.name
    match = _HEADLINE_CREDIT.search(title or "")
    found = directory.find(match["name"]) if match else None
    if found is not None and not _same(found.name, outlet):
        return found.name
    return None


_DISCLAIMER = re.compile(
    r"\b(?P<name>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})\s+(?:could|can|was|were|has|have)"
    r"\s+not\s+(?:been\s+able\s+to\s+)?(?:immediately\s+|independently\s+)*"
    r"(?:confirm|verify)\b"
)


_REPORTED_BEFORE = re.compile(
    r"\b(?:said|says|say|told\s+\w+|added|adds|stated|explained)\s*,?\s*(?:that\s+)?$"
)


def _agency_disclaiming(body: str, directory: OutletDirectory, outlet: str | None) -> str | None:
    """ "CNN could not immediately confirm the authenticity of the photos": reporters name
    their own organisation when they say what it could not verify, so it wrote the copy."""
    if "confirm" not in body and "verify" not in body:
        return None
    for match in _DISCLAIMER.finditer(body):
        if _REPORTED_BEFORE.search(body, max(0, match.start() - 40), match.start()):
            continue  # "Janssens said MSF could not confirm": a source's words, not the copy's
        found = directory.find(match["name"])
        if found is not None and not _same(found.name, outlet):
            return found.name
    return None


_ENDS_A_SENTENCE = re.compile(r"[.!?][\"”’')]*\s*$")
_REPORTS_END = re.compile(r",\s+(?P<name>[A-Z][\w.&' ]{0,30}?)\s+(?:reports|reported)\.\s*$")


_REPORTS_START = re.compile(
    r"^(?P<name>[A-Z][\w.&' ]{0,30}?)\s+(?:reports|reported)\s+(?:that\s+)?"
)


def _agency_reporting(body: str, directory: OutletDirectory, outlet: str | None) -> str | None:
    """ "Ukrainian authorities struggled ... in another frontline city, AP reports." closing
    the lead paragraph (after a first line that is no sentence, such as a section's date
    line: "Arab World Materials 16 August 2012 02:25"), or "AFP reports that the Pentagon
    said ..." opening it or the paragraph after a standfirst: the news agency whose copy
    the page carries."""
    lines = [line for line in body.strip().split("\n") if line.strip()][:2]
    first = lines[0] if lines else ""
    lead = lines[1] if len(lines) > 1 and not _ENDS_A_SENTENCE.search(first) else first
    match = _REPORTS_END.search(lead)
    match = match or next((m for line in lines if (m := _REPORTS_START.match(line))), None)
    found = directory.find(match["name"].removeprefix("The ")) if match else None
    if found is None or not found.wire or _same(found.name, outlet):
        return None
    return found.name


def _agency_investigating(body: str, directory: OutletDirectory, outlet: str | None) -> str | None:
    """ "The AP investigation recreated what happened inside the theater ... The AP also
    reconstructed a 3D model", "CNN has established that the weapon ...": the one news
    organisation the text tells, twice or more, finding things out itself wrote the
    report the page carries."""
    seen: Counter[str] = Counter()
    for match in _INVESTIGATING.finditer(body):
        found = directory.find(match["name"])
        if found is not None and not _same(found.name, outlet):
            seen[found.name] += 1
    named = [name for name, n in seen.items() if n >= 2]
    return named[0] if len(named) == 1 else None


# "The AP investigation", "AP found", "CNN has established": an outlet finding things out
_INVESTIGATING = re.compile(
    r"\b(?:[Tt]he\s+)?(?P<name>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,2})(?:'s)?\s+(?:also\s+)?"
    r"(?:investigation|analysis|review|found|established|reconstructed|obtained|reviewed|"
    r"verified|determined|geolocated|analy[sz]ed|has\s+(?:learned|established|found|"
    r"obtained|confirmed|verified))\b"
)


# "told the BBC", "told Reuters by telephone": the organisation a source spoke to
_TOLD = re.compile(r"\btold\s+(?:the\s+)?(?P<name>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,2})")


def _on_a_blog_host(url: str | None) -> bool:
    """Whether the page lies on a blog host (blogspot.com, wordpress.com): its posts copy
    other outlets' stories rather than report their own."""
    domain = registrable_domain(url) if url else None
    return domain is not None and any(domain.endswith("." + d) for d in _hosting_domains())


def _agency_interviewed(
    body: str, directory: OutletDirectory, outlet: str | None, least: int = 1
) -> str | None:
    """The one news organisation sources in the text spoke to ("a US-based charity told the
    BBC the hospital had confirmed 70 deaths"), `least` times or more. On a blog post once
    is enough: a blogger interviews no one through the BBC, so the post carries the BBC's
    story. On a newsroom's own page one such "told AFP" names an intermediary of the
    statement, not the copy's author (see the module's docstring); two or more ("the
    spokesman told Reuters ...", "a medical official told Reuters ...") are the agency's
    own interviews, so the page carries its copy."""
    told = [
        found.name
        for match in _TOLD.finditer(body)
        if (found := _longest_outlet(match["name"], directory)) is not None and found.wire
    ]
    named = set(told)
    if len(named) != 1 or len(told) < least:
        return None
    (name,) = named
    return None if _same(name, outlet) else name


def _longest_outlet(words: str, directory: OutletDirectory) -> Outlet | None:
    """The outlet the longest leading run of `words` names ("BBC Arabic", else "BBC")."""
    parts = words.split()
    return next(
        (found for n in range(len(parts), 0, -1) if (found := directory.find(" ".join(parts[:n])))),
        None,
    )


def _same(name: str, other: str | None) -> bool:
    return other is not None and name_key(name) == name_key(other)
