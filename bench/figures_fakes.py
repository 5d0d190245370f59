"""Figures on FA-KES: each annotated casualty figure found, with its measure, victims, claimant.

The incidents gold (`incidents-fakes/incidents-dev.yaml`, see its README) lists, per report of
an incident, the figures the article gives: measure, victim group ("who", free text), value
or low/high, qualifier, claimant (free text: "SOHR", "state media (SANA)", the outlet's own
name when it speaks for itself) and an evidence sentence copied from the article. This bench
ingests the CSV with the real pipeline into a temporary database and scores the stored
`numbers` against those figures, beside a simple baseline in the same run, on a tuning and a
checking half of the gold (split by incident id with `half_of`): the JSON has `ours` and
`baseline` for the whole gold and `halves.tuning` / `halves.checking` with the same two.

How a figure is scored (importable: the incidents bench reports "figures found with the
right measure and claimant" with these same functions):

- found: a gold figure is found when a predicted figure of the same article starts inside
  its evidence (searched in the clean body with whitespace collapsed) and its value agrees:
  a gold value equals our value, low or high (within 0.5); a gold range ("from 500 to 1300")
  equals our low and high (an open end matches either bound); a gold vague figure with no
  bounds ("dozens") matches a vague figure of ours. Matching is one-to-one, gold figures in
  file order. Evidence absent from the clean body (cut as boilerplate) counts as not found
  and is reported as `evidence_missing`.
- measure: equal labels. victims: the gold "who" mapped to a group by `victim_group` (below),
  compared on found figures whose gold measure counts people (not `other`).
- claimant: `claimant_matches`. The gold text is cut into names at "/", ";", ",", " and ",
  "(", ")", " via ", " citing ", " as reported by "; ours are the claimant as written, the
  claimant actor's name and aliases and those of the actor it belongs to (Rami Abdel Rahman
  speaks for SOHR), or, when we give no claimant (the outlet's own voice), the outlet's name
  and aliases. Two names match when, lower-cased, without punctuation, "the", "a", "an",
  with "tv" read as "television" and "defence" as "defense", they are equal, equal without
  spaces ("dailysabah" = "Daily Sabah"), or the content words of one are all in the other
  ("activists" ~ "opposition activists", "SANA" ~ "state news agency SANA"); content words
  leave out "syrian", "syria", "local" and a few function words.
- scope: gold figures are about one incident unless their "who" or claimant says they run
  over days ("in two days", "all coalition strikes", "since"); the non-dispute pairs the
  annotators marked cumulative ("cumulative vs single strike", "part vs whole") add the
  cumulative side by article and value. Scored as accuracy of incident vs not-incident.
- not an agent: a predicted claimant that resolves to no actor and whose last word is an
  event, weapon or thing ("airstrikes", "explosion", "war", "jets"; `NON_AGENTS`), or holds
  a digit. Reported over all predicted figures that name a claimant; should be 0.
- dates as figures: bare predicted numbers next to a capitalised month name ("05 Apr 2017",
  "April 25"), or a four-digit 1900-2099 not followed by a plural noun ("2000 residents");
  should be 0.

The gold's victim groups (`victim_group`): the "who" text without parentheses, up to ",",
"incl", "including", "mostly", lower-cased; its last word that names a group decides (civilian,
resident ... -> civilians; child, boy ... -> children; woman -> women; soldier, troop,
officer, police, guard, forces -> soldiers; fighter, militant, rebel, jihadist, terrorist,
loyalist, members of an armed group ... -> fighters), else people.

Baseline: every digit run and number word in the body (no filtering); measure: the casualty
word nearest to the number in its sentence (split at . ! ?; killed/dead/died/deaths/toll ->
killed, wounded/injured -> injured, casualties, missing, fled/displaced/refugees,
arrested/detained/abducted, besieged/trapped, fighters/militants/rebels), else other;
victims: a group word among the two words after the number, else people; claimant: the
outlet; scope: incident.

    .venv/bin/python bench/figures_fakes.py [--data CSV] [--gold YAML] [--db FILE]
                                            [--errors N] [--json]
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

# Run as a script, so this folder is on sys.path and the shared plumbing imports as `common`.
from common import (
    EVAL_DATA,
    FAKES_DEV_CSV,
    HALVES,
    Column,
    add_map_option,
    display_path,
    field_map_pairs,
    half_of,
    print_facts,
    print_table,
    run_main,
    versions,
)

from rashomon.errors import RashomonError
from rashomon.settings import Settings

GOLD = EVAL_DATA / "incidents-fakes" / "incidents-dev.yaml"
WHOLE = "whole"
MEASURES = (
    "killed", "injured", "killed_or_injured", "missing", "displaced", "detained", "fighters",
    "besieged", "other",
)  # fmt: skip
VALUE_TOLERANCE = 0.5
_SPACE = re.compile(r"\s+")
_CUT = re.compile(r"\s*(?:/|;|,|\(|\)|\bvia\b|\bciting\b|\bas reported by\b|\band\b)\s*", re.I)
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset({"the", "a", "an", "of", "for", "in", "on", "at", "to", "by", "s"})
_GENERIC = frozenset({"syrian", "syria", "local"})
_SYNONYMS = {"tv": "television", "defence": "defense", "observatory": "observatory"}
# Last words of a claimant that is an event, a weapon or a thing, not someone who can claim.
NON_AGENTS = frozenset(
    {
        *("airstrike", "airstrikes", "strike", "strikes", "raid", "raids", "attack", "attacks"),
        *("explosion", "explosions", "blast", "blasts", "bombing", "bombings", "bomb", "bombs"),
        *("shelling", "war", "conflict", "fighting", "clash", "clashes", "offensive", "battle"),
        *("jet", "jets", "plane", "planes", "warplane", "warplanes", "aircraft", "missile"),
        *("missiles", "rocket", "rockets", "shell", "shells", "mortar", "mortars", "barrel"),
        *("fire", "violence", "assault", "ambush", "massacre", "operation", "operations"),
        *("campaign", "siege", "car", "truck", "explosive", "explosives", "gas", "weapon"),
        *("weapons", "crisis", "uprising", "revolution", "toll", "deaths", "killing", "killings"),
    }
)
_MONTHS = (
    "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|June|"
    "July|August|September|October|November|December"
)
_DATE_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s+$")
_DATE_AFTER = re.compile(rf"^\s+(?:of\s+)?(?:{_MONTHS})\b")
_YEAR = re.compile(r"(?:19|20)\d\d")
_DIGITS_ONLY = re.compile(r"\d[\d,]*")
_COUNTED_AFTER = re.compile(r"\s+(?:[A-Za-z-]+\s+)?[a-z]+s\b")  # "2000 Sunni residents"
_CUMULATIVE_MARKS = re.compile(
    r"\bsince\b|\bin (?:two|three|four|five|six|seven|ten|\d+) (?:days|weeks|months)\b|"
    r"\bover \d+ hours\b|\bover (?:two|three|\d+) days\b|\ball\b[\w\s]*\bstrikes\b|"
    r"\bso far\b|\bin total\b|\bcumulative\b|\b\d+-\d+\b",
    re.I,
)
_CUMULATIVE_WHY = re.compile(r"cumulative|part vs whole", re.I)

# -- the gold's victim groups ------------------------------------------------------------------

_GROUP_WORDS: dict[str, str] = {}
for _group, _words in {
    "civilians": "civilian civilians resident residents villager villagers citizen citizens "
    "student students pilgrim pilgrims passenger passengers worker workers staff volunteers "
    "volunteer employees patients",
    "children": "child children schoolchildren boy boys girl girls infants kids",
    "women": "woman women",
    "soldiers": "soldier soldiers troop troops officer officers police policemen policeman "
    "guard guards forces army",
    "fighters": "fighter fighters militant militants rebel rebels jihadist jihadists "
    "insurgent insurgents terrorist terrorists gunman gunmen militiaman militiamen loyalist "
    "loyalists mercenaries mercenary attackers bombers commanders leaders",
}.items():
    for _word in _words.split():
        _GROUP_WORDS[_word] = _group
_ARMED = re.compile(
    r"\b(?:is|isil|isis|nusra|qaeda|ahrar|ypg|sdf|ndf|hezbollah|asayesh|national defence forces|"
    r"jaish|jaysh|militia)\b",
    re.I,
)


def victim_group(who: str) -> str:
    """The gold's free-text victim group as one of ours (see the module docstring)."""
    plain = re.sub(r"\([^()]*\)", " ", who.lower())  # "Al-Qaeda (Nusra) militants"
    head = re.split(r"\(|,|;|\bincl\b\.?|\bincluding\b|\bmostly\b", plain)[0]
    words = _WORD.findall(head)
    for word in reversed(words):
        if word == "members":
            return "fighters" if _ARMED.search(head) else "people"
        if word in _GROUP_WORDS:
            return _GROUP_WORDS[word]
    return "people"


# -- records -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldFigure:
    incident: str
    article: str  # the CSV's unit_id
    outlet: str
    measure: str
    who: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    claimant: str
    evidence: str
    scope: str = "incident"  # or "cumulative" (see the module docstring)


@dataclass(frozen=True)
class ScopeClaim:
    """A cumulative figure named by a non-dispute pair: article and value, no evidence."""

    article: str
    value: float
    text: str


@dataclass(frozen=True)
class Gold:
    figures: tuple[GoldFigure, ...]
    cumulative: tuple[ScopeClaim, ...]
    sha256: str


@dataclass(frozen=True)
class Predicted:
    """One predicted figure in the gold's terms (offsets into the article's clean body)."""

    article: str
    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    measure: str | None
    victims: str | None
    scope: str | None
    claimant: str | None  # as written; None: the outlet's own voice
    claimant_names: tuple[str, ...]  # the claimant's names (or the outlet's when None)
    claimant_resolved: bool = False  # the claimant is an actor of the dictionary or text
    claimant_kind: str | None = None


@dataclass(frozen=True)
class Article:
    unit_id: str
    body: str
    outlet: str | None


def read_gold(path: Path) -> Gold:
    """Every figure of every report, and the cumulative sides of non-dispute pairs."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RashomonError(f"{path}: not a readable YAML file ({exc})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("incidents"), list):
        raise RashomonError(f"{path}: no `incidents` list: not an incidents annotation")
    figures = []
    for incident in data["incidents"]:
        for report in incident.get("reports") or []:
            for f in report.get("figures") or []:
                try:
                    figure = GoldFigure(
                        incident=str(incident["id"]),
                        article=str(report["article"]),
                        outlet=str(report.get("outlet") or ""),
                        measure=str(f["measure"]),
                        who=str(f.get("who") or ""),
                        value=_number(f.get("value")),
                        low=_number(f.get("low")),
                        high=_number(f.get("high")),
                        qualifier=str(f.get("qualifier") or "exact"),
                        claimant=str(f.get("claimant") or ""),
                        evidence=str(f.get("evidence") or ""),
                    )
                except (KeyError, TypeError, ValueError) as exc:
                    raise RashomonError(
                        f"{path}: incident {incident.get('id')}: bad figure {f!r}"
                    ) from exc
                scope = (
                    "cumulative"
                    if _CUMULATIVE_MARKS.search(f"{figure.who} {figure.claimant}")
                    else "incident"
                )
                figures.append(GoldFigure(**{**figure.__dict__, "scope": scope}))
    cumulative = []
    for pair in data.get("non_disputes") or []:
        if not _CUMULATIVE_WHY.search(str(pair.get("why") or "")):
            continue
        for article, claim in zip(
            pair.get("articles") or [], pair.get("claims") or [], strict=False
        ):
            number = re.search(r"\d[\d,]*", str(claim))
            if number and _CUMULATIVE_MARKS.search(str(claim)):
                value = float(number[0].replace(",", ""))
                cumulative.append(ScopeClaim(str(article), value, str(claim)))
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return Gold(tuple(figures), tuple(cumulative), digest)


def _number(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


# -- matching --------------------------------------------------------------------------------------


def collapse(text: str) -> tuple[str, list[int]]:
    """`text` with whitespace runs as one space, and each kept character's offset in `text`."""
    out, where = [], []
    space = True
    for i, ch in enumerate(text):
        if ch.isspace():
            if space:
                continue
            out.append(" ")
            where.append(i)
            space = True
        else:
            out.append(ch)
            where.append(i)
            space = False
    return "".join(out), where


def locate(evidence: str, body: str) -> tuple[int, int] | None:
    """The span of `evidence` in `body`, whitespace collapsed on both sides; None if absent."""
    wanted = _SPACE.sub(" ", evidence).strip()
    if not wanted:
        return None
    flat, where = collapse(body)
    k = flat.find(wanted)
    if k < 0:
        return None
    return where[k], where[k + len(wanted) - 1] + 1


def value_matches(gold: GoldFigure, predicted: Predicted) -> bool:
    def near(a: float | None, b: float | None) -> bool:
        return a is not None and b is not None and abs(a - b) <= VALUE_TOLERANCE

    if gold.value is not None:
        return any(near(gold.value, v) for v in (predicted.value, predicted.low, predicted.high))
    if gold.low is not None or gold.high is not None:
        if gold.low is not None and gold.high is not None:
            return near(gold.low, predicted.low) and near(gold.high, predicted.high)
        bound = gold.low if gold.low is not None else gold.high
        return any(near(bound, v) for v in (predicted.value, predicted.low, predicted.high))
    return predicted.qualifier == "vague"


def match_figures(
    gold: Sequence[GoldFigure],
    predicted: Mapping[str, Sequence[Predicted]],
    articles: Mapping[str, Article],
) -> list[tuple[GoldFigure, Predicted | None, bool]]:
    """Each gold figure with the predicted figure it is matched to (one-to-one, gold in
    order) and whether its evidence was found in the article's clean body."""
    used: set[tuple[str, int]] = set()
    out: list[tuple[GoldFigure, Predicted | None, bool]] = []
    for g in gold:
        article = articles.get(g.article)
        span = locate(g.evidence, article.body) if article is not None else None
        if span is None:
            out.append((g, None, False))
            continue
        start, end = span
        pick = None
        for p in predicted.get(g.article, ()):
            if (p.article, p.start) in used or not start <= p.start < end:
                continue
            if value_matches(g, p):
                pick = p
                break
        if pick is not None:
            used.add((pick.article, pick.start))
        out.append((g, pick, True))
    return out


# -- claimants -----------------------------------------------------------------------------------


def name_words(name: str) -> tuple[str, ...]:
    words = _WORD.findall(name.lower().replace("'", ""))
    return tuple(_SYNONYMS.get(w, w) for w in words if w not in ("the", "a", "an"))


def names_match(a: str, b: str) -> bool:
    """Equal, equal without spaces, or every content word of one in the other."""
    wa, wb = name_words(a), name_words(b)
    if not wa or not wb:
        return False
    if wa == wb or "".join(wa) == "".join(wb):
        return True
    ca = {w for w in wa if w not in _STOP and w not in _GENERIC}
    cb = {w for w in wb if w not in _STOP and w not in _GENERIC}
    return bool(ca) and bool(cb) and (ca <= set(wb) or cb <= set(wa))


def gold_names(claimant: str) -> list[str]:
    return [piece for piece in _CUT.split(claimant) if piece and piece.strip()]


def claimant_matches(gold_claimant: str, predicted: Predicted) -> bool:
    return any(
        names_match(g, n) for g in gold_names(gold_claimant) for n in predicted.claimant_names
    )


def not_an_agent(predicted: Predicted) -> bool:
    if predicted.claimant is None or predicted.claimant_resolved:
        return False
    words = _WORD.findall(predicted.claimant.lower())
    return not words or words[-1] in NON_AGENTS or any(c.isdigit() for c in predicted.claimant)


def date_like(predicted: Predicted, body: str) -> bool:
    """A bare number written next to a capitalised month name ('05 Apr', 'April 25'), or a
    bare year ('2016'): a date part, not a figure."""
    if not _DIGITS_ONLY.fullmatch(predicted.text):
        return False
    before = body[max(0, predicted.start - 12) : predicted.start]
    after = body[predicted.end : predicted.end + 30]
    year = _YEAR.fullmatch(predicted.text) and not _COUNTED_AFTER.match(after)
    return bool(_DATE_BEFORE.search(before) or _DATE_AFTER.match(after) or year)


# -- scores ------------------------------------------------------------------------------------


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    evidence_missing: int = 0
    measure_hits: int = 0
    victim_pairs: int = 0
    victim_hits: int = 0
    claimant_hits: int = 0
    measure_and_claimant: int = 0
    scope_pairs: int = 0
    scope_hits: int = 0
    cumulative_pairs: int = 0
    cumulative_hits: int = 0
    misses: Counter[str] = field(default_factory=Counter)
    confusions: Counter[str] = field(default_factory=Counter)
    wrong_claimants: Counter[str] = field(default_factory=Counter)
    wrong_victims: Counter[str] = field(default_factory=Counter)

    def add(self, pairs: Iterable[tuple[GoldFigure, Predicted | None, bool]]) -> None:
        for g, p, located in pairs:
            self.gold += 1
            if not located:
                self.evidence_missing += 1
            if p is None:
                value = g.value or g.low or g.qualifier
                self.misses[f"{g.article}: {value} {g.measure} | {g.evidence[:70]}"] += 1
                continue
            self.found += 1
            measure = p.measure == g.measure
            self.measure_hits += measure
            if not measure:
                self.confusions[f"{g.measure} <- {p.measure}"] += 1
            if g.measure != "other":
                self.victim_pairs += 1
                want = victim_group(g.who)
                hit = p.victims == want
                self.victim_hits += hit
                if not hit:
                    self.wrong_victims[f"{want} ({g.who}) <- {p.victims}"] += 1
            claimant = claimant_matches(g.claimant, p)
            self.claimant_hits += claimant
            if not claimant:
                ours = p.claimant if p.claimant is not None else f"outlet {p.claimant_names[:1]}"
                self.wrong_claimants[f"{g.claimant} <- {ours}"] += 1
            self.measure_and_claimant += measure and claimant
            self.scope_pairs += 1
            hit = (p.scope == "incident") == (g.scope == "incident")
            self.scope_hits += hit
            if g.scope != "incident":
                self.cumulative_pairs += 1
                self.cumulative_hits += hit

    def add_cumulative(
        self, claims: Iterable[ScopeClaim], predicted: Mapping[str, Sequence[Predicted]]
    ) -> None:
        for claim in claims:
            found = [
                p for p in predicted.get(claim.article, ())
                if p.value is not None and abs(p.value - claim.value) <= VALUE_TOLERANCE
            ]  # fmt: skip
            if not found:
                continue
            self.scope_pairs += 1
            self.cumulative_pairs += 1
            hit = any(p.scope != "incident" for p in found)
            self.scope_hits += hit
            self.cumulative_hits += hit

    def scores(self) -> dict[str, object]:
        def share(hits: int, total: int) -> float:
            return hits / total if total else 0.0

        return {
            "gold": self.gold,
            "found": share(self.found, self.gold),
            "evidence_missing": self.evidence_missing,
            "measure": {"accuracy": share(self.measure_hits, self.found), "pairs": self.found},
            "victims": {
                "accuracy": share(self.victim_hits, self.victim_pairs),
                "pairs": self.victim_pairs,
            },  # fmt: skip
            "claimant": {"accuracy": share(self.claimant_hits, self.found), "pairs": self.found},
            "found_with_measure": share(self.measure_hits, self.gold),
            "found_with_measure_and_claimant": share(self.measure_and_claimant, self.gold),
            "scope": {
                "accuracy": share(self.scope_hits, self.scope_pairs),
                "pairs": self.scope_pairs,
                "cumulative_recall": share(self.cumulative_hits, self.cumulative_pairs),
                "cumulative_pairs": self.cumulative_pairs,
            },
        }


def score_figures(
    gold: Sequence[GoldFigure],
    predicted: Mapping[str, Sequence[Predicted]],
    articles: Mapping[str, Article],
    cumulative: Sequence[ScopeClaim] = (),
) -> Tally:
    """Match and score one set of gold figures (a half, or all) against one system."""
    tally = Tally()
    tally.add(match_figures(gold, predicted, articles))
    tally.add_cumulative(cumulative, predicted)
    return tally


def predicted_extras(
    predicted: Mapping[str, Sequence[Predicted]], articles: Mapping[str, Article]
) -> dict[str, object]:
    """Over every predicted figure: claimants that are not agents, figures that are dates."""
    named = [p for ps in predicted.values() for p in ps if p.claimant is not None]
    bad = [p for p in named if not_an_agent(p)]
    dated = [
        p for unit, ps in predicted.items() for p in ps
        if unit in articles and date_like(p, articles[unit].body)
    ]  # fmt: skip
    return {
        "predicted": sum(len(ps) for ps in predicted.values()),
        "with_claimant": len(named),
        "non_agent_claimants": len(bad),
        "non_agent_share": len(bad) / len(named) if named else 0.0,
        "non_agent_examples": sorted({p.claimant or "" for p in bad})[:12],
        "date_like": len(dated),
        "date_like_examples": [f"{p.article}: {p.text}" for p in dated[:8]],
    }


# -- our system: the real pipeline into a temporary database -------------------------------------


def ingest_csv(data: Path, db: Path, pairs: Sequence[str], model: str | None) -> None:
    from rashomon.article.outlets import OutletDirectory
    from rashomon.ingest.records import FieldMap
    from rashomon.pipeline import IngestOptions, ingest
    from rashomon.store import Store

    settings = Settings.from_env().with_overrides(model=model, db=str(db))
    options = IngestOptions(field_map=FieldMap.parse(list(pairs)))
    failures: list[str] = []
    with Store(str(db)) as store:
        result = ingest(
            [str(data)],
            store,
            settings,
            options,
            OutletDirectory.load(),
            lambda e: failures.append(str(e)),
            show_progress=False,
        )
    if failures and not any(result.outcomes.values()):
        raise RashomonError(f"{data}: nothing ingested ({failures[0]})")


def read_store(db: Path) -> tuple[dict[str, Article], dict[str, list[Predicted]]]:
    """Articles by unit id (the CSV record after '#') and their stored figures."""
    from rashomon.article.outlets import OutletDirectory
    from rashomon.store import Store
    from rashomon.store.entities import list_numbers

    outlets = OutletDirectory.load()
    with Store(str(db)) as store:
        conn = store.conn
        rows = conn.execute("SELECT id, source, body, outlet FROM articles").fetchall()
        articles = {
            r["id"]: Article(r["source"].rsplit("#", 1)[-1], r["body"], r["outlet"]) for r in rows
        }
        names: dict[str, list[str]] = {}
        for actor_id, alias in conn.execute("SELECT actor_id, alias FROM actor_aliases"):
            names.setdefault(actor_id, []).append(alias)
        for actor_id, name in conn.execute("SELECT id, name FROM actors"):
            names.setdefault(actor_id, []).append(name)
        affiliation = dict(
            conn.execute(
                "SELECT id, affiliation FROM actors WHERE affiliation IS NOT NULL"
            ).fetchall()
        )
        numbers = list_numbers(store)
    by_unit: dict[str, list[Predicted]] = {}
    for n in numbers:
        article = articles[n["article_id"]]
        if n["claimant_from"] == "outlet":
            claimant = None
            known = outlets.find(article.outlet) if article.outlet else None
            own = [article.outlet or "", *(known.aliases if known else ())]
        else:
            claimant = n["claimant"]
            actor = n["claimant_actor_id"]
            own = [claimant, *names.get(actor or "", ())]
            if actor in affiliation:
                own += names.get(affiliation[actor], [])
        by_unit.setdefault(article.unit_id, []).append(
            Predicted(
                article.unit_id,
                n["start"],
                n["end"],
                n["text"],
                n["value"],
                n["low"],
                n["high"],
                n["qualifier"],
                n["measure"],
                n["victims"],
                n["scope"],
                claimant,
                tuple(x for x in own if x),
                n["claimant_actor_id"] is not None,
                n["claimant_kind"],
            )  # fmt: skip
        )
    return {a.unit_id: a for a in articles.values()}, by_unit


# -- the baseline ----------------------------------------------------------------------------------

_BASE_NUMBER = re.compile(
    r"\b(\d[\d,]*(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|hundred|dozens|hundreds|thousands|scores)\b",
    re.I,
)
_BASE_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "hundred": 100,
}  # fmt: skip
_BASE_MEASURE = {
    "killed": "killed", "dead": "killed", "died": "killed", "deaths": "killed", "toll": "killed",
    "lives": "killed", "wounded": "injured", "injured": "injured", "casualties":
    "killed_or_injured", "missing": "missing", "fled": "displaced", "displaced": "displaced",
    "refugees": "displaced", "arrested": "detained", "detained": "detained", "abducted":
    "detained", "besieged": "besieged", "trapped": "besieged", "fighters": "fighters",
    "militants": "fighters", "rebels": "fighters",
}  # fmt: skip
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def baseline_figures(articles: Mapping[str, Article]) -> dict[str, list[Predicted]]:
    out: dict[str, list[Predicted]] = {}
    for unit, article in articles.items():
        body = article.body
        for m in _BASE_NUMBER.finditer(body):
            word = m[1].lower()
            vague = word in ("dozens", "hundreds", "thousands", "scores")
            value = None if vague else _BASE_WORDS.get(word)
            if value is None and not vague:
                try:
                    value = float(word.replace(",", ""))
                except ValueError:
                    continue
            lo = max((e.end() for e in _SENTENCE_END.finditer(body, 0, m.start())), default=0)
            hi_match = _SENTENCE_END.search(body, m.end())
            hi = hi_match.start() + 1 if hi_match else len(body)
            sentence = body[lo:hi]
            at = m.start() - lo
            best, distance = "other", 10**9
            for w in _WORD.finditer(sentence.lower()):
                if w[0] in _BASE_MEASURE and abs(w.start() - at) < distance:
                    best, distance = _BASE_MEASURE[w[0]], abs(w.start() - at)
            after = _WORD.findall(body[m.end() : m.end() + 40].lower())[:2]
            victims = next((_GROUP_WORDS[w] for w in after if w in _GROUP_WORDS), "people")
            known = [article.outlet] if article.outlet else []
            out.setdefault(unit, []).append(
                Predicted(
                    unit,
                    m.start(),
                    m.end(),
                    m[0],
                    float(value) if value is not None else None,
                    None,
                    None,
                    "vague" if vague else "exact",
                    best,
                    victims,
                    "incident",
                    None,
                    tuple(known),
                )  # fmt: skip
            )
    return out


# -- the run ---------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Figures on FA-KES: each gold figure found, with its measure, victim "
        "group, claimant and scope, ours vs a simple baseline, on tuning and checking halves."
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=FAKES_DEV_CSV,
        metavar="CSV",
        help=f"FA-KES-shaped CSV (default {display_path(FAKES_DEV_CSV)})",
    )
    parser.add_argument(
        "--gold",
        type=Path,
        default=GOLD,
        metavar="YAML",
        help=f"incidents annotation of that CSV (default {display_path(GOLD)})",
    )
    add_map_option(parser)
    parser.add_argument(
        "--db",
        type=Path,
        help="database to ingest into and keep (default: a temporary one); an existing one is "
        "reused, re-extracting what changed",
    )
    parser.add_argument("--model", help="spaCy pipeline (default: RASHOMON_MODEL or the default)")
    parser.add_argument(
        "--errors",
        type=int,
        default=0,
        metavar="N",
        help="after the table, list our N most frequent errors per kind (tuning half only)",
    )
    parser.add_argument("--json", action="store_true", help="print only the JSON object (no table)")
    args = parser.parse_args(argv)
    for name in ("data", "gold"):
        if not getattr(args, name).is_file():
            parser.error(f"--{name} {getattr(args, name)}: no such file")
    return args


def measure(args: argparse.Namespace) -> tuple[dict[str, object], dict[str, Tally]]:
    gold = read_gold(args.gold)
    started = time.perf_counter()
    pairs = field_map_pairs(args.data, args.map)
    with tempfile.TemporaryDirectory(prefix="figures_fakes_") as tmp:
        db = args.db or Path(tmp) / "fakes.db"
        ingest_csv(args.data, db, pairs, args.model)
        articles, ours = read_store(db)
    ingest_seconds = time.perf_counter() - started
    theirs = baseline_figures(articles)
    missing = sorted({g.article for g in gold.figures} - set(articles))
    if len(missing) == len({g.article for g in gold.figures}):
        raise RashomonError(f"{args.gold}: none of its articles is in {args.data}")
    result: dict[str, object] = {
        "benchmark": "figures_fakes",
        "data": display_path(args.data),
        "gold": display_path(args.gold),
        "data_sha256": hashlib.sha256(args.data.read_bytes()).hexdigest(),
        "gold_sha256": gold.sha256,
        "articles": len(articles),
        "gold_articles_absent": len(missing),
        "matching": "same article, predicted start inside the evidence, value within 0.5 "
        "(ranges by both ends, vague by vague), one-to-one",
        "split": "half_of(incident id)",
        "model": Settings.from_env().with_overrides(model=args.model).model,
        "spacy": versions("spacy")["spacy"],
    }
    tallies: dict[str, Tally] = {}
    parts: dict[str, dict[str, object]] = {}
    for part in (WHOLE, *HALVES):
        figures = [g for g in gold.figures if part == WHOLE or half_of(g.incident) == part]
        cumulative = [c for c in gold.cumulative if part == WHOLE or half_of(c.article) == part]
        tallies[part] = score_figures(figures, ours, articles, cumulative)
        baseline = score_figures(figures, theirs, articles, cumulative)
        parts[part] = {"ours": tallies[part].scores(), "baseline": baseline.scores()}
    result.update(parts.pop(WHOLE))
    result["halves"] = parts
    result["ours_predicted"] = predicted_extras(ours, articles)
    result["baseline_predicted"] = predicted_extras(theirs, articles)
    result["seconds"] = {"ingest": ingest_seconds, "total": time.perf_counter() - started}
    return result, tallies


ROWS = (
    ("figures found", "found"),
    ("measure accuracy (found)", "measure.accuracy"),
    ("victim group accuracy (found)", "victims.accuracy"),
    ("claimant accuracy (found)", "claimant.accuracy"),
    ("found, right measure", "found_with_measure"),
    ("found, right measure and claimant", "found_with_measure_and_claimant"),
    ("scope accuracy (incident or not)", "scope.accuracy"),
    ("cumulative figures told", "scope.cumulative_recall"),
)


def at(scores: Mapping[str, object], path: str) -> object:
    value: object = scores
    for key in path.split("."):
        value = value[key]  # type: ignore[index]
    return value


def show(result: dict, args: argparse.Namespace, tallies: dict[str, Tally]) -> None:
    print("figures_fakes: FA-KES incident figures, rashomon numbers vs a nearest-word baseline\n")
    o, b = result["ours_predicted"], result["baseline_predicted"]
    halves = result["halves"]
    print_facts(
        {
            "data": f"{result['data']} ({result['articles']} articles)",
            "gold": f"{result['gold']} ({result['ours']['gold']} figures; split by "
            f"{result['split']}: tuning {halves['tuning']['ours']['gold']}, checking "
            f"{halves['checking']['ours']['gold']})",
            "matching": result["matching"],
            "evidence missing": f"{result['ours']['evidence_missing']} gold figures whose "
            "evidence is not in the clean body",
            "claimants": f"ours name one for {o['with_claimant']} of {o['predicted']} figures; "
            f"not an agent: {o['non_agent_claimants']} ({o['non_agent_share']:.3f})"
            + (f": {', '.join(o['non_agent_examples'])}" if o["non_agent_examples"] else ""),
            "dates as figures": f"ours {o['date_like']}, baseline {b['date_like']}",
            "seconds": f"ingest {result['seconds']['ingest']:.1f}, "
            f"total {result['seconds']['total']:.1f}",
        }
    )
    print()
    rows = []
    for name, path in ROWS:
        row: dict[str, object] = {"measure": name}
        for half in HALVES:
            row[f"{half}_ours"] = at(halves[half]["ours"], path)
            row[f"{half}_base"] = at(halves[half]["baseline"], path)
        rows.append(row)
    print_table(
        rows,
        [Column("measure")]
        + [
            Column(f"{half}_{who}", f"{half} {'ours' if who == 'ours' else 'baseline'}", ".3f")
            for half in HALVES
            for who in ("ours", "base")
        ],
    )
    if args.errors:
        tuning = tallies["tuning"]
        for title, counts in (
            ("missed (tuning)", tuning.misses),
            ("measure confusions, gold <- ours (tuning)", tuning.confusions),
            ("victim groups, gold <- ours (tuning)", tuning.wrong_victims),
            ("claimants, gold <- ours (tuning)", tuning.wrong_claimants),
        ):
            print(f"\n{title}:")
            for key, n in counts.most_common(args.errors):
                print(f"  {n:3d}  {key}")


def main(argv: Sequence[str] | None = None) -> int:
    return run_main("figures_fakes", argv, parse_args, measure, show)


if __name__ == "__main__":
    sys.exit(main())
