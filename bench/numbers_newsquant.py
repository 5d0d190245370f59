"""Numbers on NewsQuant: rashomon's number claims against quantulum3, in one run.

NewsQuant (CQE evaluation, Almasian et al. 2023) is general news, one sentence per item, each
quantity annotated with `value` ("275.0"; a range or vague magnitude as "12-120"), `unit`,
`normalized_unit`, `change` (=, ~, >, <, up, down) and `referred_concepts`. Each sentence is
parsed once; ours is `find_numbers` over the Doc with the entity stage's mentions, places
and dates (the real pipeline, quotes aside); the baseline is `quantulum3.parser.parse` on
the sentence text.

How the annotation maps onto a `NumberClaim`:

- value: a single gold value matches our `value` (exact, approximate, at_least, at_most);
  a gold range "a-b" matches our `low`/`high` (range, vague: "dozens" is 12-120 on both
  sides). Equal means within a relative 0.1%. A share we give in percent also matches the
  gold ratio NewsQuant writes for fractions ("almost half" = 0.5, ours 50 percent).
  quantulum3 gives a range as value +- uncertainty.
- unit / what is counted: NewsQuant puts the counted noun of a count in its unit field
  ("13000 workers": unit "worker", referred_concepts "Ford"), so ours is compared as our
  `unit` mapped to NewsQuant's vocabulary (percent -> percentage, USD -> dollar, ...) when
  we have a unit ("USD per share" -> "dollar per share"), else the head noun of our `what`
  (its last word before a participle such as "killed", lemmatised). They match when equal,
  or when their last words are ("player" ~ "first-team player"; not for "X per Y" units).
  "-" (no unit) matches a claim with neither unit nor what. quantulum3's unit name is used
  as is; "dimensionless" is no unit (it never names what is counted).
- change: over value-matched pairs, our qualifier as a change: exact, range, vague -> "=",
  approximate -> "~", at_least -> ">", at_most -> "<". NewsQuant's "up"/"down" (directions
  of a change: "rose 5%") are not qualifiers and cannot be expressed in a NumberClaim;
  `change.accuracy` counts them as misses, `change.expressible_accuracy` leaves them out.
  quantulum3 has no qualifiers, so its change is always "=".
- concepts (secondary): the share of value-matched gold quantities with referred_concepts
  whose content words overlap our `what`; quantulum3 has none.

Matching is one-to-one per sentence: pairs that agree on value and unit first, then value
only. Value P/R/F1 count every gold quantity and every prediction; unit F1 counts a pair as
a hit only when value and unit both match. quantulum3 is optional (not a rashomon
dependency): when it is not installed its side prints as "not installed". Its pickled unit
classifier may not load under the installed scikit-learn; the run then uses its
dictionary disambiguation and says so.

Tuning and checking halves: every item is in one by `half_of(its sentence text)`; the
table and the JSON (`halves.tuning`, `halves.checking`) give both beside the whole split,
`--errors` lists the tuning half's errors only (rules are tuned there), and the floors are
pinned on the checking half.

    .venv/bin/python bench/numbers_newsquant.py [--data PATH] [--errors N] [--json]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

# Run as a script, so this folder is on sys.path and the shared plumbing imports as `common`.
from common import (
    EVAL_DATA,
    HALVES,
    Column,
    display_path,
    half_of,
    print_facts,
    print_table,
    run_main,
    timed,
    versions,
)

from rashomon.errors import RashomonError
from rashomon.extract.numbers import NumberLexicon
from rashomon.model import NumberClaim
from rashomon.nlp import load_pipeline
from rashomon.settings import Settings

NEWSQUANT = EVAL_DATA / "newsquant" / "newsquant-dev.json"
REL_TOL = 1e-3
CHANGE_OF = {
    "exact": "=",
    "range": "=",
    "vague": "=",
    "approximate": "~",
    "at_least": ">",
    "at_most": "<",
}
EXPRESSIBLE = frozenset({"=", "~", ">", "<"})
# Our units in NewsQuant's normalised vocabulary (measures already use its names).
UNIT_NAMES = {
    "percent": "percentage",
    "USD": "dollar",
    "EUR": "euro",
    "GBP": "pound sterling",
    "JPY": "japanese yen",
    "AUD": "australian dollar",
    "CAD": "canadian dollar",
    "HKD": "hong kong dollar",
    "NZD": "new zealand dollar",
    "SGD": "singapore dollar",
    "ILS": "shekel",
    "MYR": "malaysian ringgit",
    "DKK": "danish krone",
    "SEK": "swedish krona",
    "NOK": "norwegian krone",
    "CHF": "swiss franc",
    "CNY": "renminbi",
    "INR": "indian rupee",
    "RUB": "russian ruble",
    "TRY": "turkish lira",
    "SAR": "saudi riyal",
    "QAR": "qatari riyal",
    "AED": "united arab emirates dirham",
    "KRW": "south korean won",
    "SYP": "syrian pound",
    "LBP": "lebanese pound",
    "EGP": "egyptian pound",
}
_RANGE = re.compile(r"\s*(-?[\d.]+(?:[eE][-+]?\d+)?)\s*-\s*(-?[\d.]+(?:[eE][-+]?\d+)?)\s*\Z")
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset({"the", "a", "an", "of", "and", "or", "in", "on", "for", "to", "s"})


# -- data -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Quantity:
    """A gold or predicted quantity in NewsQuant's terms."""

    low: float
    high: float
    unit: str | None  # NewsQuant vocabulary, lower case; None = no unit
    change: str
    text: str = ""
    concept: str | None = None  # gold referred_concepts; ours: what
    share: bool = False  # ours in percent: also matches a gold ratio


@dataclass(frozen=True)
class Item:
    text: str
    gold: tuple[Quantity, ...]


@dataclass(frozen=True)
class Gold:
    items: tuple[Item, ...]
    files: tuple[Path, ...]
    unreadable: int  # gold quantities whose value does not parse


def data_files(data: Path) -> list[Path]:
    """`data` itself, or every .json file in the folder `data`."""
    if data.is_dir():
        return sorted(p for p in data.glob("*.json") if p.is_file())
    return [data]


def parse_value(value: str) -> tuple[float, float] | None:
    """'275.0' -> (275, 275); '12-120' and '3.0 - 4.0' -> bounds; None when unreadable."""
    try:
        number = float(value)
        return number, number
    except ValueError:
        pass
    match = _RANGE.match(value)
    if match is None:
        return None
    try:
        return float(match[1]), float(match[2])
    except ValueError:
        return None


def gold_unit(normalized: str) -> str | None:
    unit = normalized.strip().lower()
    if unit in ("", "-"):
        return None
    return "percentage" if unit.startswith("%") else unit


def read_newsquant(data: Path) -> Gold:
    files = data_files(data)
    if not files:
        raise RashomonError(f"{data}: no .json file here")
    items: list[Item] = []
    unreadable = 0
    for path in files:
        try:
            rows = json.loads(path.read_text(encoding="utf-8-sig"))
        except json.JSONDecodeError as exc:
            raise RashomonError(f"{path}: not JSON ({exc.msg})") from exc
        if not isinstance(rows, list):
            raise RashomonError(f"{path}: expected a JSON array of items")
        for row in rows:
            gold = []
            for q in row.get("quantities") or []:
                bounds = parse_value(str(q.get("value", "")))
                if bounds is None:
                    unreadable += 1
                    continue
                concept = str(q.get("referred_concepts") or "-")
                gold.append(
                    Quantity(
                        *bounds,
                        unit=gold_unit(str(q.get("normalized_unit") or "-")),
                        change=str(q.get("change") or "="),
                        text=str(q.get("value")),
                        concept=None if concept.strip() in ("", "-") else concept,
                    )
                )
            items.append(Item(str(row.get("text") or ""), tuple(gold)))
    return Gold(tuple(items), tuple(files), unreadable)


def gold_hashes(files: Sequence[Path]) -> tuple[str, dict[str, str]]:
    """sha256 of each gold file by name, and one over them all (names and digests)."""
    digests = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}
    combined = hashlib.sha256(
        "".join(f"{name}\0{digest}\n" for name, digest in sorted(digests.items())).encode()
    ).hexdigest()
    return combined, digests


# -- the two systems in NewsQuant's terms ------------------------------------------------------


def participles() -> frozenset[str]:
    """The words find_numbers puts after a counted noun ('killed', 'or', 'dead')."""
    lexicon = NumberLexicon.load()
    words = {"or", "and"}
    for table in ("casualty_verbs", "intransitive_casualty_verbs", "casualty_nouns"):
        for value in lexicon.mapping(table).values():
            words |= set(str(value).split())
    return frozenset(words)


def counted_head(
    what: str | None, lemma: Callable[[str], str], after: frozenset[str] = frozenset()
) -> str | None:
    """'people killed or injured' -> 'people'; 'Nusra fighters' -> 'fighter'."""
    if not what:
        return None
    words = what.split()
    while len(words) > 1 and words[-1] in after:
        words.pop()
    return lemma(words[-1].lower())


def unit_name(unit: str) -> str:
    """Our unit in NewsQuant's words: 'percent' -> 'percentage', 'USD per share' -> 'dollar
    per share'."""
    first, _, rest = unit.partition(" per ")
    name = UNIT_NAMES.get(first, first.lower())
    return f"{name} per {rest}" if rest else name


def our_quantity(
    claim: NumberClaim, lemma: Callable[[str], str], after: frozenset[str] = frozenset()
) -> Quantity:
    if claim.value is not None:
        low = high = claim.value
    else:
        low, high = claim.low or 0.0, claim.high or 0.0
    unit = unit_name(claim.unit) if claim.unit else counted_head(claim.what, lemma, after)
    return Quantity(
        low, high, unit, CHANGE_OF.get(claim.qualifier, "="), claim.text, claim.what,
        share=claim.unit == "percent",
    )  # fmt: skip


def baseline_quantity(found: object) -> Quantity:
    value = float(found.value)  # type: ignore[attr-defined]
    spread = float(found.uncertainty or 0.0)  # type: ignore[attr-defined]
    name = found.unit.name  # type: ignore[attr-defined]
    unit = None if name in ("dimensionless", "") else name.lower()
    return Quantity(value - spread, value + spread, unit, "=", found.surface)  # type: ignore[attr-defined]


class Baseline:
    """quantulum3, when installed; `error` says why not, `failures` counts sentences it
    raised on (scored as finding nothing)."""

    def __init__(self) -> None:
        self.parse: Callable[[str], list[object]] | None = None
        self.version: str | None = versions("quantulum3")["quantulum3"]
        self.classifier: bool | None = None
        self.failures = 0
        self.error: str | None = None
        if self.version is None:
            self.error = "not installed"
            return
        try:
            from quantulum3 import classifier, parser
        except Exception as exc:  # an optional tool: any import failure means "not usable"
            self.error = f"not importable ({type(exc).__name__}: {exc})"
            return
        self.parse = parser.parse
        self.classifier = bool(classifier.USE_CLF)
        self._classifier = classifier

    def quantities(self, text: str) -> list[Quantity]:
        if self.parse is None:
            return []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                found = self.parse(text)
            except Exception:
                if not self.classifier:
                    self.failures += 1
                    return []
                # The pickled unit classifier does not load under this scikit-learn: use
                # quantulum3's dictionary disambiguation for the rest of the run.
                self._classifier.USE_CLF = False
                self.classifier = False
                return self.quantities(text)
        return [baseline_quantity(q) for q in found]


# -- scoring ----------------------------------------------------------------------------------


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=1e-9)


def value_match(gold: Quantity, predicted: Quantity) -> bool:
    if close(gold.low, predicted.low) and close(gold.high, predicted.high):
        return True
    return (
        predicted.share
        and close(gold.low, predicted.low / 100)
        and close(gold.high, predicted.high / 100)
    )


def unit_match(gold: Quantity, predicted: Quantity) -> bool:
    if gold.unit is None or predicted.unit is None:
        return gold.unit is None and predicted.unit is None
    if gold.unit == predicted.unit:
        return True
    return gold.unit.split()[-1] == predicted.unit.split()[-1] and " per " not in gold.unit


def content_words(text: str | None) -> set[str]:
    return {w for w in _WORD.findall((text or "").lower()) if w not in _STOP}


@dataclass
class Tally:
    items: int = 0
    gold: int = 0
    predicted: int = 0
    value_hits: int = 0
    unit_hits: int = 0
    change_hits: int = 0
    expressible: int = 0
    expressible_hits: int = 0
    concept_pairs: int = 0
    concept_hits: int = 0
    seconds: float = 0.0
    missed: Counter[str] = field(default_factory=Counter)
    spurious: Counter[str] = field(default_factory=Counter)
    wrong_unit: Counter[str] = field(default_factory=Counter)
    wrong_change: Counter[str] = field(default_factory=Counter)

    def score(self, gold: Sequence[Quantity], predicted: Sequence[Quantity]) -> None:
        self.items += 1
        self.gold += len(gold)
        self.predicted += len(predicted)
        free = list(range(len(predicted)))
        pairs: list[tuple[Quantity, Quantity]] = []
        left = list(gold)
        for strict in (True, False):  # value and unit first, then value alone
            unpaired = []
            for g in left:
                pick = next(
                    (
                        k
                        for k in free
                        if value_match(g, predicted[k])
                        and (not strict or unit_match(g, predicted[k]))
                    ),
                    None,
                )
                if pick is None:
                    unpaired.append(g)
                    continue
                free.remove(pick)
                pairs.append((g, predicted[pick]))
            left = unpaired
        matched = {id(g) for g, _ in pairs}
        for g in gold:
            if id(g) not in matched:
                self.missed[f"{g.text} {g.unit or '-'}"] += 1
        for k in free:
            self.spurious[f"{predicted[k].text} {predicted[k].unit or '-'}"] += 1
        for g, p in pairs:
            self.value_hits += 1
            if unit_match(g, p):
                self.unit_hits += 1
            else:
                self.wrong_unit[f"{g.unit or '-'} <- {p.unit or '-'}"] += 1
            hit = g.change == p.change
            self.change_hits += hit
            if not hit:
                self.wrong_change[f"{g.change} <- {p.change}"] += 1
            if g.change in EXPRESSIBLE:
                self.expressible += 1
                self.expressible_hits += hit
            if g.concept is not None:
                self.concept_pairs += 1
                self.concept_hits += bool(content_words(g.concept) & content_words(p.concept))

    def scores(self) -> dict[str, object]:
        def prf(hits: int) -> dict[str, float]:
            precision = hits / self.predicted if self.predicted else 0.0
            recall = hits / self.gold if self.gold else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            return {"precision": precision, "recall": recall, "f1": f1}

        def share(hits: int, total: int) -> float:
            return hits / total if total else 0.0

        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "value": prf(self.value_hits),
            "unit": prf(self.unit_hits),
            "change": {
                "pairs": self.value_hits,
                "accuracy": share(self.change_hits, self.value_hits),
                "expressible_pairs": self.expressible,
                "expressible_accuracy": share(self.expressible_hits, self.expressible),
            },
            "concepts": {
                "pairs": self.concept_pairs,
                "overlap": share(self.concept_hits, self.concept_pairs),
            },
        }


# -- the run ---------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Quantities on NewsQuant: rashomon's number claims vs quantulum3: value "
        "and unit/what-is-counted P/R/F1, qualifier (change) accuracy."
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=NEWSQUANT,
        metavar="PATH",
        help=f"NewsQuant JSON file, or a folder of them (default {display_path(NEWSQUANT)})",
    )
    parser.add_argument("--model", help="spaCy pipeline (default: RASHOMON_MODEL or the default)")
    parser.add_argument(
        "--errors",
        type=int,
        default=0,
        metavar="N",
        help="after the table, list our N most frequent misses, spurious numbers, unit and "
        "change confusions",
    )
    parser.add_argument("--json", action="store_true", help="print only the JSON object (no table)")
    args = parser.parse_args(argv)
    if args.errors < 0:
        parser.error("--errors must be at least 0")
    if not args.data.exists():
        parser.error(f"--data {args.data}: no such file or folder")
    return args


def measure(args: argparse.Namespace) -> tuple[dict[str, object], Tally]:
    # Imported here: the entity stage pulls in the dictionary and gazetteer modules.
    from rashomon.entities import EntityExtractor
    from rashomon.extract.dates import find_dates
    from rashomon.extract.numbers import find_numbers
    from rashomon.extract.places import find_places

    settings = Settings.from_env().with_overrides(model=args.model)
    gold = read_newsquant(args.data)
    data_sha256, file_sha256 = gold_hashes(gold.files)

    start = time.perf_counter()
    nlp = load_pipeline(settings.model)
    extractor = EntityExtractor.build(nlp)
    baseline = Baseline()
    load_seconds = time.perf_counter() - start

    lemmas: dict[str, str] = {}

    def lemma(word: str) -> str:
        if word not in lemmas:
            tokens = nlp(word)
            lemmas[word] = tokens[-1].lemma_.lower() if len(tokens) else word
        return lemmas[word]

    after = participles()
    ours, theirs = Tally(), Tally()
    halves = {half: (Tally(), Tally()) for half in HALVES}
    start = time.perf_counter()
    parse_seconds = 0.0
    docs = nlp.pipe((item.text for item in gold.items), batch_size=settings.batch_size)
    for item, (doc, took) in zip(gold.items, timed(docs), strict=True):
        parse_seconds += took
        began = time.perf_counter()
        places = find_places(doc, extractor.gazetteer)
        mentions = extractor.matcher.find(doc, [(p.start, p.end) for p in places]).mentions
        claims = find_numbers(doc, mentions=mentions, places=places, dates=find_dates(doc, None))
        predicted = [our_quantity(c, lemma, after) for c in claims]
        ours.score(item.gold, predicted)
        ours.seconds += time.perf_counter() - began
        began = time.perf_counter()
        found = baseline.quantities(item.text)
        theirs.score(item.gold, found)
        theirs.seconds += time.perf_counter() - began
        mine, other = halves[half_of(item.text)]
        mine.score(item.gold, predicted)
        other.score(item.gold, found)
    total_seconds = time.perf_counter() - start + load_seconds

    found = versions("spacy", "quantulum3")
    result: dict[str, object] = {
        "benchmark": "numbers_newsquant",
        "data": display_path(args.data),
        "data_sha256": data_sha256,
        "gold_files": file_sha256,
        "sentences": len(gold.items),
        "gold_quantities": sum(len(i.gold) for i in gold.items),
        "gold_unreadable": gold.unreadable,
        "gold_changes": dict(Counter(q.change for i in gold.items for q in i.gold)),
        "matching": "one-to-one per sentence, value within 0.1% (ranges by both bounds); "
        "unit = our unit in NewsQuant's names, else the head noun of `what`",
        "model": settings.model,
        "python": found["python"],
        "spacy": found["spacy"],
        "baseline_name": "quantulum3",
        "baseline_version": found["quantulum3"],
        "baseline_status": baseline.error or "ok",
        "baseline_classifier": baseline.classifier,
        "baseline_failures": baseline.failures,
        "split": "half_of(sentence text)",
        "ours": ours.scores(),
        "baseline": theirs.scores() if baseline.error is None else None,
        "halves": {
            half: {
                "sentences": mine.items,
                "ours": mine.scores(),
                "baseline": other.scores() if baseline.error is None else None,
            }
            for half, (mine, other) in halves.items()
        },
        "seconds": {
            "load": load_seconds,
            "parse": parse_seconds,
            "ours": ours.seconds,
            "baseline": theirs.seconds,
            "total": total_seconds,
        },
    }
    return result, halves["tuning"][0]


def _rows(result: dict) -> list[dict[str, object]]:
    rows = []
    for name, path in (
        ("value P", "value.precision"),
        ("value R", "value.recall"),
        ("value F1", "value.f1"),
        ("unit/what P", "unit.precision"),
        ("unit/what R", "unit.recall"),
        ("unit/what F1", "unit.f1"),
        ("change accuracy", "change.accuracy"),
        ("change accuracy (=~<> only)", "change.expressible_accuracy"),
        ("concept overlap", "concepts.overlap"),
    ):
        row: dict[str, object] = {"measure": name}
        for part in ("all", *HALVES):
            scores = result if part == "all" else result.get("halves", {}).get(part, {})
            o, b = scores.get("ours"), scores.get("baseline")
            row[f"{part}_ours"] = at(o, path) if o else None
            row[f"{part}_baseline"] = at(b, path) if b else None
        rows.append(row)
    return rows


def at(scores: dict, path: str) -> float:
    value: object = scores
    for key in path.split("."):
        value = value[key]  # type: ignore[index]
    return value  # type: ignore[return-value]


def show(result: dict, ours: Tally, errors: int) -> None:
    print("numbers_newsquant: NewsQuant quantities, rashomon find_numbers vs quantulum3\n")
    seconds = result["seconds"]
    baseline = f"quantulum3 {result['baseline_status']}"
    if result["baseline_status"] == "ok":
        notes = [f"raised on {result['baseline_failures']} sentences"] * bool(
            result["baseline_failures"]
        )
        if result["baseline_classifier"] is False:
            notes.insert(0, "unit classifier off: its pickle does not load here")
        baseline = f"quantulum3 {result['baseline_version']}" + (
            f" ({'; '.join(notes)})" if notes else ""
        )
    o = result["ours"]
    print_facts(
        {
            "data": f"{result['data']} (sha256 {str(result['data_sha256'])[:12]}…)",
            "gold": f"{result['sentences']} sentences, {result['gold_quantities']} quantities "
            f"({result['gold_unreadable']} with unreadable values left out); changes "
            + ", ".join(f"{k} {v}" for k, v in result["gold_changes"].items()),
            "predicted": f"ours {o['predicted']}, baseline "
            + (str(result["baseline"]["predicted"]) if result["baseline"] else "-"),
            "matching": result["matching"],
            "baseline": baseline,
            "model": f"{result['model']} (python {result['python']}, spacy {result['spacy']})",
            "seconds": f"load {seconds['load']:.2f}, parse {seconds['parse']:.2f}, "
            f"ours {seconds['ours']:.2f}, baseline {seconds['baseline']:.2f}, "
            f"total {seconds['total']:.2f}",
        }
    )
    print()
    status = result["baseline_status"]
    baseline_title = (
        "quantulum3"
        if result["baseline"]
        else f"quantulum3 ({'not installed' if status == 'not installed' else 'not usable'})"
    )
    print_table(
        _rows(result),
        [Column("measure")]
        + [
            Column(f"{part}_{who}", f"{part} {'ours' if who == 'ours' else baseline_title}", ".3f")
            for part in ("all", *HALVES)
            for who in ("ours", "baseline")
        ],
    )
    if errors:
        for title, counts in (
            ("ours, missed on the tuning half (gold value unit)", ours.missed),
            ("ours, spurious on the tuning half (our text unit)", ours.spurious),
            ("ours, unit confusions on the tuning half (gold <- ours)", ours.wrong_unit),
            ("ours, change confusions on the tuning half (gold <- ours)", ours.wrong_change),
        ):
            top = ", ".join(f"{k!r} x{n}" for k, n in counts.most_common(errors))
            print(f"\n{title}: {top or '-'}")


def main(argv: Sequence[str] | None = None) -> int:
    return run_main(
        "numbers_newsquant",
        argv,
        parse_args,
        measure,
        lambda result, args, ours: show(result, ours, args.errors),
    )


if __name__ == "__main__":
    sys.exit(main())
