"""Facts a reader expects from real web articles: how many the whole pipeline finds.

The web-dev gold (`../shared/corpus/web-dev/web-dev.yaml`) lists real web articles, each with
its URL, date and the facts a reader sees in the saved excerpt: outlet, wire, publication date,
speakers, figures with their claimant, aliases, events (with a PLOVER type), contradictions with
other articles of the set, and boilerplate that must not reach the body. The texts are not in
git: each is `<id>.txt` in a local folder (default `.cache/web-dev`, see the gold's README).

Each file is ingested through the real pipeline (`rashomon.pipeline.ingest`, one temporary
database) with its URL and, where the gold has one, its date, as a user would give them on the
command line; then every fact is looked up in what the store holds:

- outlet: the article's outlet names the gold outlet (the part before any parenthesised note,
  or a domain written in it): same directory entry, same name key, or one name key inside the
  other (a domain counts by its name without the suffix: `ynetnews.com` names "Ynetnews").
  `outlets_named` counts articles with any outlet at all (never "unknown").
- wire: the article's wire names the gold wire the same way. Wires found where the gold has
  none are counted apart (`wire_spurious`), not in the share.
- date: the stored publication date is the gold date (day precision).
- speakers: a quote's speaker (its text, resolved actor or that actor's aliases) carries the
  gold speaker's surname (last word, titles dropped) as a word.
- figures: a numeric claim of the same value (value, low or high) whose claimant (text, actor,
  aliases, or the outlet when the claim has none) names the gold claimant or its note; a
  vague gold count ("dozens", "several hundred") is a claim whose words include the gold's.
  Each claim serves one gold figure.
- aliases: every name of the gold group is the text of a mention (name keys equal or one inside
  the other) resolved to one and the same actor (or, for a place's names, the same place).
- events: an event of the gold PLOVER type whose sentence shares two content words with the
  gold description. Each event serves one gold line.
- contradictions: `rashomon disputes --json` lists a dispute (status "dispute") with a side from
  this article and a side from an article the gold line names (both from this article when the
  line says "inside this article").
- boilerplate: no character of any occurrence of the gold string in the raw text is kept in
  the body (read through the article's offset map).

Each kind and the overall share are printed for the tuning and checking halves (split by
article id with `half_of`) and for all; the JSON (last line) has `found_share` (all articles),
`kinds` (per-kind shares, all articles) and the same per half. When the text folder is absent
the script prints one line saying so and exits 0 (CI has no texts).

    .venv/bin/python bench/web_facts.py [--data DIR] [--gold YAML] [--json]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import re
import sys
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

# Run as a script, so this folder is on sys.path and the shared plumbing imports as `common`.
from common import HALVES, REPO, SHARED, Column, display_path, half_of, print_table, run_main

DEFAULT_DATA = REPO / ".cache" / "web-dev"
DEFAULT_GOLD = SHARED / "corpus" / "web-dev" / "web-dev.yaml"
KINDS = (
    "outlet",
    "wire",
    "date",
    "speakers",
    "figures",
    "aliases",
    "events",
    "contradictions",
    "boilerplate",
)
_NOTE = re.compile(r"\s*\(([^()]*)\)")
_DOMAIN = re.compile(r"\b(?:[a-z0-9-]+\.)+[a-z]{2,}\b", re.IGNORECASE)
_EVENT_TYPE = re.compile(r"\((?P<type>[A-Z]+)\)\s*$")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_TITLES = frozenset(
    ("dr", "mr", "mrs", "ms", "sen", "gen", "maj", "capt", "col", "lt", "brig", "sir", "prof")
)
_STOPWORDS = frozenset(
    re.findall(
        r"\w+",
        """that this with from have were been their there which would could about after
        against among also other they them than then into over said says saying while where
        when what will shall only some such very more most""",
    )
)
_MIN_CONTAINED = 4  # shorter name keys must match whole, not inside a longer one
_THE = re.compile(r"^\s*the\s+", re.IGNORECASE)
# The gold writes "The Hill (unattributed)", "mirror text (unattributed)": a figure the text
# gives in its own voice; it matches a claim with no claimant in the text.
UNATTRIBUTED = "unattributed"


# -- gold ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldArticle:
    """One web-dev entry, as the YAML writes it."""

    id: str
    url: str | None
    outlet: str
    wire: str | None
    date: str | None
    speakers: tuple[str, ...]
    quantities: tuple[dict[str, Any], ...]
    aliases: tuple[tuple[str, ...], ...]
    events: tuple[str, ...]
    contradictions: tuple[str, ...]
    boilerplate: tuple[str, ...]

    @classmethod
    def of(cls, entry: dict[str, Any]) -> GoldArticle:
        return cls(
            id=str(entry["id"]),
            url=entry.get("url"),
            outlet=str(entry.get("outlet") or ""),
            wire=entry.get("wire"),
            date=str(entry["date"]) if entry.get("date") else None,
            speakers=tuple(str(s) for s in entry.get("speakers") or ()),
            quantities=tuple(entry.get("quantities") or ()),
            aliases=tuple(tuple(str(n) for n in group) for group in entry.get("aliases") or ()),
            events=tuple(str(e) for e in entry.get("events") or ()),
            contradictions=tuple(str(c) for c in entry.get("contradiction") or ()),
            boilerplate=tuple(str(b) for b in entry.get("boilerplate") or ()),
        )


def load_gold(path: Path) -> list[GoldArticle]:
    from rashomon.errors import InputError

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(str(path), f"cannot read the gold YAML: {exc}") from exc
    entries = data.get("articles") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not all(isinstance(e, dict) and "id" in e for e in entries):
        raise InputError(str(path), "no `articles:` list of entries with an `id`")
    return [GoldArticle.of(entry) for entry in entries]


# -- what the pipeline found ----------------------------------------------------------------


@dataclass
class Findings:
    """What the store holds for one article, in the shapes the scorers read."""

    article_id: str
    outlet: str | None = None
    wire: str | None = None
    published: str | None = None
    raw_text: str = ""
    kept: list[tuple[int, int]] = field(default_factory=list)  # raw ranges kept in the body
    speakers: list[set[str]] = field(default_factory=list)  # names of each quote's speaker
    # values, claimants, the words of the claim's text
    numbers: list[tuple[set[float], set[str], set[str]]] = field(default_factory=list)
    mentions: list[tuple[str, str]] = field(default_factory=list)  # (text, actor or place id)
    events: list[tuple[str, str]] = field(default_factory=list)  # (type, sentence)


def ingest_folder(
    folder: Path, gold: Sequence[GoldArticle], db: Path
) -> tuple[dict[str, str], dict[str, str]]:
    """Ingest each gold article's file with its URL and date; map gold id -> stored id.

    Returns (stored ids, failures: gold id -> reason). One ingest call per file, because
    the URL and date are per article; parsing and extraction run once at the end.
    """
    from rashomon.article.build import UserMetadata
    from rashomon.article.dates import parse_date
    from rashomon.article.outlets import OutletDirectory
    from rashomon.model import FoundIn
    from rashomon.pipeline import IngestOptions, ingest
    from rashomon.settings import Settings
    from rashomon.store import Store

    settings = Settings.from_env().with_overrides(db=str(db))
    directory = OutletDirectory.load()
    stored: dict[str, str] = {}
    failures: dict[str, str] = {}
    with Store(settings.db) as store:
        for article in gold:
            path = folder / f"{article.id}.txt"
            if not path.is_file():
                failures[article.id] = "file absent"
                continue
            published = parse_date(article.date, found_in=FoundIn.USER) if article.date else None
            options = IngestOptions(
                user=UserMetadata(published=published, url=article.url), parse=False
            )
            errors: list[object] = []
            result = ingest([str(path)], store, settings, options, directory, errors.append)
            ids = [i for outcome_ids in result.outcomes.values() for i in outcome_ids]
            if ids:
                stored[article.id] = ids[0]
            else:
                failures[article.id] = "; ".join(map(str, errors)) or "not stored"
        ingest([], store, settings, IngestOptions(), directory, lambda _e: None)
    return stored, failures


def read_findings(db: Path, stored: dict[str, str]) -> dict[str, Findings]:
    """Per gold id, what the store holds for its article."""
    from rashomon.store import Store
    from rashomon.store.entities import list_mentions, list_numbers, list_quotes
    from rashomon.store.events import list_events

    by_stored = {stored_id: gold_id for gold_id, stored_id in stored.items()}
    found = {gold_id: Findings(stored_id) for gold_id, stored_id in stored.items()}
    with Store(str(db)) as store:
        names, aliases = _actor_names(store)

        def actor_names(actor_id: str | None) -> set[str]:
            return {names[actor_id], *aliases.get(actor_id, ())} if actor_id in names else set()

        for gold_id, stored_id in stored.items():
            article, summary = store.get_article(stored_id)
            item = found[gold_id]
            item.outlet, item.wire = article.outlet, article.wire
            item.published = article.published.value if article.published else None
            item.raw_text = article.raw_text
            item.kept = [(raw, raw + length) for _c, raw, length in article.offsets.segments]
        for row in list_quotes(store):
            if row["article_id"] in by_stored:
                speaker = {row["speaker"] or "", *actor_names(row["speaker_actor_id"])}
                found[by_stored[row["article_id"]]].speakers.append(speaker - {""})
        for row in list_numbers(store):
            if row["article_id"] in by_stored:
                item = found[by_stored[row["article_id"]]]
                bounds = (row["value"], row["low"], row["high"])
                values = {float(v) for v in bounds if v is not None}
                claimants = {row["claimant"] or "", *actor_names(row["claimant_actor_id"])}
                if row["claimant_from"] == "outlet":  # no claimant in the text: the publisher's
                    claimants |= {item.outlet or "", item.wire or "", UNATTRIBUTED}
                words = set(_WORD.findall((row["text"] or "").lower()))
                item.numbers.append((values, claimants - {""}, words))
        for row in list_mentions(store):
            # a place's names resolve to its place id, not an actor's: both say "one entity"
            entity = row["actor_id"] or (f"place:{row['place_id']}" if row["place_id"] else None)
            if row["article_id"] in by_stored and entity:
                found[by_stored[row["article_id"]]].mentions.append((row["text"], entity))
        for row in list_events(store):
            if row["article_id"] in by_stored:
                found[by_stored[row["article_id"]]].events.append(
                    (str(row["type"]), row["sentence"] or "")
                )
    return found


def _actor_names(store: Any) -> tuple[dict[str, str], dict[str, list[str]]]:
    names = {r[0]: r[1] for r in store.conn.execute("SELECT id, name FROM actors")}
    aliases: dict[str, list[str]] = {}
    for actor_id, alias in store.conn.execute("SELECT DISTINCT actor_id, alias FROM actor_aliases"):
        aliases.setdefault(actor_id, []).append(alias)
    return names, aliases


def read_disputes(db: Path) -> list[list[str]]:
    """Article ids of each dispute's sides, through `rashomon disputes --json` (the contract)."""
    from rashomon.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(["disputes", "--json", "--db", str(db)])
    if code != 0:
        return []
    rows = json.loads(out.getvalue() or "[]")
    return [
        [str(side["article_id"]) for side in row.get("sides", []) if side.get("article_id")]
        for row in rows
        if row.get("status", "dispute") == "dispute"
    ]


# -- matching ------------------------------------------------------------------------------


def key(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed.lower() if c.isalnum())


def main_part(text: str) -> str:
    """The text without parenthesised notes ("Konoshenkov (= Igor ...)" -> "Konoshenkov")."""
    return _NOTE.sub("", text).strip().strip("\"'“”")


def notes(text: str) -> list[str]:
    return [n.strip() for n in _NOTE.findall(text) if n.strip()]


def _variants(name: str) -> set[str]:
    """Name keys a found name may match by: itself, and a domain's name without its suffix."""
    found = {key(name)}
    if _DOMAIN.fullmatch(name.strip()):
        labels = name.strip().lower().split(".")
        found.add(key(labels[-2] if len(labels) >= 2 else labels[0]))
    return {v for v in found if v}


def names_match(found: str, gold: str) -> bool:
    """Same name key, or one inside the other (keys of four characters or more), or initials;
    a leading "the" is no part of a name ("the TV" is the mention "TV")."""
    found, gold = _THE.sub("", found), _THE.sub("", gold)
    gold_key = key(gold)
    if not gold_key:
        return False
    for variant in _variants(found):
        if variant == gold_key or variant == _initials(gold) or gold_key == _initials(found):
            return True
        short, long = sorted((variant, gold_key), key=len)
        if len(short) >= _MIN_CONTAINED and short in long:
            return True
    return False


def _initials(name: str) -> str:
    words = [w for w in _WORD.findall(name) if w.lower() not in ("of", "for", "and", "the")]
    return "".join(w[0].lower() for w in words) if len(words) > 1 else ""


def outlet_found(found: str | None, gold: str, directory: Any) -> bool:
    if not found:
        return False
    candidates = [main_part(gold), *_DOMAIN.findall(gold)]
    mine = directory.find(found)
    for candidate in candidates:
        words = candidate.split()
        # "MSF Middle East" is MSF's: the longest leading words that name a listed outlet.
        for n in range(len(words), 0, -1):
            listed = directory.find(" ".join(words[:n]))
            if listed is not None:
                if listed is mine:
                    return True
                break
        if names_match(found, candidate):
            return True
    return False


def surname(name: str) -> str:
    words = [w.lower() for w in _WORD.findall(main_part(name))]
    words = [w for w in words if w not in _TITLES]
    return words[-1] if words else ""


def speaker_found(gold: str, speakers: Iterable[set[str]]) -> bool:
    last = surname(gold)
    return bool(last) and any(
        last in {w.lower() for name in names for w in _WORD.findall(name)} for names in speakers
    )


_UNITS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty",
)  # fmt: skip
_TENS = {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}  # fmt: skip
_WORD_NUMBERS = {w: n for n, w in enumerate(_UNITS)} | _TENS
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}
_GOLD_NUMBER = re.compile(r"(?P<digits>\d[\d,]*(?:\.\d+)?)|(?P<word>[a-z]+)", re.IGNORECASE)


def gold_value(value: object) -> float | None:
    """The number a gold figure gives: as written in digits or words ("five", "a hundred",
    "22.2 million"); the first of a range ("between 200 and 300": its low end, which a
    range figure of ours holds). None for a vague count ("dozens", "several hundred")."""
    if isinstance(value, int | float):
        return float(value)
    number: float | None = None
    text = re.sub(r"\ban?\s+(?=hundred|thousand|million)", "one ", str(value), flags=re.I)
    for match in _GOLD_NUMBER.finditer(text):
        word = (match["word"] or "").lower()
        if match["digits"]:
            if number is not None:
                break
            number = float(match["digits"].replace(",", ""))
        elif word in _SCALES and number is not None:
            number *= _SCALES[word]
        elif word in _WORD_NUMBERS and number is None:
            number = float(_WORD_NUMBERS[word])
        elif number is not None:
            break
    return number


def same_value(gold: object, values: set[float], words: set[str]) -> bool:
    """A claim gives the gold figure: its number, or for a vague count ("dozens", "several
    hundred") every word of it among the claim's own words."""
    number = gold_value(gold)
    if number is not None:
        return number in values
    wanted = set(_WORD.findall(str(gold).lower()))
    return bool(wanted) and wanted <= words


def claimant_found(gold: str, claimants: Iterable[str]) -> bool:
    candidates = [c for c in (main_part(gold), *notes(gold)) if c]
    if UNATTRIBUTED in gold.lower() and UNATTRIBUTED in claimants:
        return True
    return any(names_match(c, g) for c in claimants if c != UNATTRIBUTED for g in candidates)


def content_words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if len(w) >= 4} - _STOPWORDS


# -- scoring ---------------------------------------------------------------------------------


@dataclass
class Tally:
    found: int = 0
    total: int = 0
    missed: list[str] = field(default_factory=list)

    def add(self, hit: bool, what: object = "") -> None:
        self.found += int(hit)
        self.total += 1
        if not hit:
            self.missed.append(str(what))

    @property
    def share(self) -> float | None:
        return self.found / self.total if self.total else None


def score_article(
    gold: GoldArticle,
    found: Findings | None,
    disputes: Sequence[Sequence[str]],
    stored: dict[str, str],
    directory: Any,
) -> dict[str, Tally]:
    """Per kind, how many of this article's gold facts the pipeline has."""
    tallies = {kind: Tally() for kind in KINDS}
    item = found or Findings("")
    tallies["outlet"].add(outlet_found(item.outlet, gold.outlet, directory), gold.outlet)
    if gold.wire:
        tallies["wire"].add(outlet_found(item.wire, gold.wire, directory), gold.wire)
    if gold.date:
        tallies["date"].add(item.published == gold.date, gold.date)
    for speaker in gold.speakers:
        tallies["speakers"].add(speaker_found(speaker, item.speakers), speaker)
    unused = list(item.numbers)
    for quantity in gold.quantities:
        hit = _take(
            unused,
            lambda n, q=quantity: (
                same_value(q.get("value"), n[0], n[2])
                and claimant_found(str(q.get("claimant")), n[1])
            ),
        )
        tallies["figures"].add(hit, f"{quantity.get('value')} ({quantity.get('claimant')})")
    for group in gold.aliases:
        tallies["aliases"].add(_one_actor(group, item.mentions), " = ".join(group))
    unused_events = list(item.events)
    for line in gold.events:
        match = _EVENT_TYPE.search(line)
        wanted = match["type"] if match else ""
        words = content_words(_EVENT_TYPE.sub("", line))
        hit = _take(
            unused_events,
            lambda e, t=wanted, w=words: e[0] == t and len(w & content_words(e[1])) >= 2,
        )
        tallies["events"].add(hit, line)
    for line in gold.contradictions:
        tallies["contradictions"].add(_disputed(gold.id, line, disputes, stored), line)
    for text in gold.boilerplate:
        tallies["boilerplate"].add(bool(found) and _removed(text, item), text)
    return tallies


def _take(pool: list[Any], test: Any) -> bool:
    """Remove and report the first item of `pool` that passes `test`."""
    for i, candidate in enumerate(pool):
        if test(candidate):
            del pool[i]
            return True
    return False


def _one_actor(group: Sequence[str], mentions: Sequence[tuple[str, str]]) -> bool:
    shared: set[str] | None = None
    for name in group:
        wanted = main_part(name)
        ids = {actor for text, actor in mentions if names_match(text, wanted)}
        shared = ids if shared is None else shared & ids
        if not shared:
            return False
    return bool(shared)


def _disputed(
    article: str, line: str, disputes: Sequence[Sequence[str]], stored: dict[str, str]
) -> bool:
    mine = stored.get(article)
    if mine is None:
        return False
    others = [stored[i] for i in re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)+", line) if i in stored]
    others = [o for o in others if o != mine]
    inside = not others or "inside this article" in line
    for sides in disputes:
        if mine not in sides:
            continue
        if inside and sides.count(mine) >= 2:
            return True
        if any(other in sides for other in others):
            return True
    return False


def _removed(text: str, item: Findings) -> bool:
    """No character of any occurrence of `text` in the raw text is kept in the body."""
    start = item.raw_text.find(text)
    while start >= 0:
        end = start + len(text)
        if any(a < end and start < b for a, b in item.kept):
            return False
        start = item.raw_text.find(text, start + 1)
    return True


# -- the run ---------------------------------------------------------------------------------


def measure(args: argparse.Namespace) -> dict[str, Any]:
    from rashomon.article.outlets import OutletDirectory

    gold = load_gold(args.gold)
    directory = OutletDirectory.load()
    digest = data_sha256(args.gold, args.data, gold)
    with tempfile.TemporaryDirectory(prefix="web-facts-") as tmp:
        db = args.keep_db or Path(tmp) / "web.db"
        if args.keep_db:
            for stale in db.parent.glob(db.name + "*"):
                stale.unlink()  # a kept database from an earlier run would add its articles
        stored, failures = ingest_folder(args.data, gold, db)
        found = read_findings(db, stored)
        disputes = read_disputes(db)
    per_article = {
        g.id: score_article(g, found.get(g.id), disputes, stored, directory)
        for g in gold
        if failures.get(g.id) != "file absent"
    }
    halves = {
        half: _summary([t for i, t in per_article.items() if half_of(i) == half]) for half in HALVES
    }
    everything = _summary(list(per_article.values()))
    spurious = sum(1 for g in gold if not g.wire and g.id in found and found[g.id].wire)
    named = sum(1 for i in per_article if i in found and found[i].outlet)
    return {
        "bench": "web_facts",
        "data": display_path(args.data),
        "gold": display_path(args.gold),
        "data_sha256": digest,
        "articles": len(per_article),
        "missing_files": sorted(i for i, why in failures.items() if why == "file absent"),
        "failed": {i: why for i, why in failures.items() if why != "file absent"},
        "outlets_named": named,
        "wire_spurious": spurious,
        "found": everything["found"],
        "total": everything["total"],
        "found_share": everything["found_share"],
        "kinds": everything["kinds"],
        "halves": halves,
        "misses": _misses(gold, found, per_article) if args.misses else {},
    }


def data_sha256(gold_path: Path, folder: Path, gold: Sequence[GoldArticle]) -> str:
    """One hash of the gold file and every text it names, so a gate knows its floors apply."""
    import hashlib

    digest = hashlib.sha256(gold_path.read_bytes())
    for article in gold:
        path = folder / f"{article.id}.txt"
        digest.update(article.id.encode() + b"\0")
        digest.update(path.read_bytes() if path.is_file() else b"<absent>")
    return digest.hexdigest()


def _summary(tallies: Sequence[dict[str, Tally]]) -> dict[str, Any]:
    kinds: dict[str, dict[str, Any]] = {}
    found = total = 0
    for kind in KINDS:
        f = sum(t[kind].found for t in tallies)
        n = sum(t[kind].total for t in tallies)
        kinds[kind] = {"found": f, "total": n, "share": f / n if n else None}
        found, total = found + f, total + n
    return {
        "articles": len(tallies),
        "found": found,
        "total": total,
        "found_share": found / total if total else None,
        "kinds": kinds,
    }


def _misses(
    gold: Sequence[GoldArticle], found: dict[str, Findings], tallies: dict[str, dict[str, Tally]]
) -> dict[str, Any]:
    """Per article: outlet, wire and date as found, and each gold fact not found (--misses)."""
    return {
        g.id: {
            "half": half_of(g.id),
            "outlet": found[g.id].outlet if g.id in found else None,
            "wire": found[g.id].wire if g.id in found else None,
            "date": found[g.id].published if g.id in found else None,
            "missed": {k: t.missed for k, t in tallies.get(g.id, {}).items() if t.missed},
        }
        for g in gold
    }


def show(result: dict[str, Any], _args: argparse.Namespace) -> None:
    parts = {**result["halves"], "all": result}
    rows = []
    for kind in (*KINDS, "overall"):
        row: dict[str, object] = {"kind": kind}
        for name, part in parts.items():
            cell = part["kinds"][kind] if kind in KINDS else part
            share = cell["share"] if kind in KINDS else cell["found_share"]
            row[name] = f"{cell['found']}/{cell['total']} {share:.3f}" if cell["total"] else "-"
        rows.append(row)
    print(f"web-dev facts found ({result['articles']} articles, {result['data']})")
    print_table(rows, [Column("kind"), *(Column(name) for name in parts)])
    print(
        f"outlets named: {result['outlets_named']}/{result['articles']}; "
        f"wires found where the gold has none: {result['wire_spurious']}"
    )
    if result["failed"]:
        print(f"failed: {result['failed']}")
    if result["missing_files"]:
        print(f"missing files: {', '.join(result['missing_files'])}")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA,
        metavar="DIR",
        help=f"folder of <id>.txt files (default {display_path(DEFAULT_DATA)})",
    )
    parser.add_argument(
        "--gold",
        type=Path,
        default=DEFAULT_GOLD,
        metavar="YAML",
        help=f"gold facts (default {display_path(DEFAULT_GOLD)})",
    )
    parser.add_argument("--json", action="store_true", help="print only the JSON object")
    parser.add_argument(
        "--misses",
        action="store_true",
        help="add each article's outlet, wire, date and missed facts to the JSON",
    )
    parser.add_argument(
        "--keep-db",
        type=Path,
        metavar="DB",
        help="build the database at DB and keep it, to look at with rashomon's commands",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.data.is_dir():
        print(
            f"web_facts: skipped: {display_path(args.data)} is absent "
            "(save the web-dev texts there, see the gold's README)"
        )
        return 0
    return run_main("web_facts", argv, parse_args, measure, show)


if __name__ == "__main__":
    sys.exit(main())
