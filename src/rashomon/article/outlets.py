"""Who published an article, which wire it came from, and where it was filed.

The publisher is the outlet; a wire (AFP, Reuters) may supply the copy; the dateline is the
city it was filed from. "told Reuters" inside the text names a statement's intermediary, not
the publisher, so we only read anchored evidence: metadata, footers, mastheads, domains and
the dateline itself. When none of them speaks, the outlet stays unknown.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

import yaml

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
        while host:
            if host in self._by_domain:
                return self._by_domain[host]
            _, _, host = host.partition(".")
            if "." not in host:
                return None
        return None

    def is_masthead(self, line: str) -> bool:
        """A line holding only an outlet's name (long enough not to be a word): "BBC News"."""
        key = name_key(line)
        return len(key) > 3 and key in self._by_key


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


_WIRE_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.'’ -]{1,40}?)(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*"
    r"\((?P<wire>[A-Za-z][A-Za-z .&-]{0,30})\)\s*[-–—]+\s*"
)
_CAPS_DATELINE = re.compile(r"^(?P<place>[A-Z]{3,}(?:[ ,]+[A-Z]{2,}){0,2})\s*[-–—]+\s+")


def find_dateline(body: str, directory: OutletDirectory) -> Dateline | None:
    """`Geneva (AFP) -` or `BEIRUT, Nov 1 (Reuters) -` or `BEIRUT —` at the start of the body."""
    match = _WIRE_DATELINE.match(body)
    if match:
        wire_text = match["wire"].strip()
        outlet = directory.find(wire_text)
        if outlet is None and not (wire_text.isupper() and len(wire_text) <= 6):
            return None  # "(Syria)" or "(file photo)" are not agencies
        wire = outlet.name if outlet else wire_text
        return Dateline(_place_name(match["place"]), wire, match.end())
    match = _CAPS_DATELINE.match(body)
    if match:
        return Dateline(_place_name(match["place"]), None, match.end())
    return None


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
            outlet = directory.find(line)
            return outlet.name if outlet else None
    return None


@dataclass(frozen=True)
class Publisher:
    outlet: str | None
    found_in: FoundIn | None
    wire: str | None
    dateline: Dateline | None


def identify_publisher(
    *,
    stated: tuple[str, FoundIn] | None,
    footers: Sequence[str],
    leading_lines: Sequence[str],
    url: str | None,
    body: str,
    directory: OutletDirectory,
) -> Publisher:
    """Pick the outlet from the strongest evidence; the wire only when nothing else names one.

    Order: an outlet stated by the user, a record or page metadata; a footer; a masthead; the
    URL's domain; finally the dateline's wire (an AFP story read from AFP's own feed).
    """
    dateline = find_dateline(body, directory)
    wire = dateline.wire if dateline else None
    candidates: list[tuple[str | None, FoundIn]] = [
        (directory.canonical(stated[0]), stated[1]) if stated else (None, FoundIn.USER),
        (outlet_from_footers(footers, directory), FoundIn.TEXT),
        (outlet_from_masthead(leading_lines, directory), FoundIn.TEXT),
    ]
    if url:
        from_url = directory.from_url(url)
        candidates.append((from_url.name if from_url else None, FoundIn.URL))
    candidates.append((wire, FoundIn.TEXT))
    for outlet, found_in in candidates:
        if outlet:
            return Publisher(outlet, found_in, wire, dateline)
    return Publisher(None, None, wire, dateline)
