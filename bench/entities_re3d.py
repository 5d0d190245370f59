"""Named actors and places on re3d, rashomon's entity stage against plain spaCy, in one run.

re3d (Dstl) is news, government and military press text on the Syria/Iraq conflict with
crowd-adjudicated entity spans (character offsets) and relations. Each document is parsed
once with nlp.pipe; both systems read the same Doc:

- ours: `EntityExtractor.extract(...).mentions`, mapped person -> Person, organisation ->
  Organisation, metonym -> Organisation, nationality -> Nationality, location (and any
  other mention carrying a place_id) -> Location; title and pronoun mentions are dropped
  (they are not names);
- plain spaCy: `doc.ents`, PERSON -> Person, ORG -> Organisation, GPE/LOC/FAC -> Location,
  NORP -> Nationality.

Why metonym -> Organisation: re3d tags a state, capital or "the regime" that acts ("Turkey
said", "The UK is working with its allies", "the Assad regime") as Organisation, not
Location; when this bench was written, 20 of our 24 metonym mentions on the dev split
overlapped a gold Organisation and none a gold Location. A metonym keeps that mapping even
if it carries a place_id: the extractor judged the place name to stand for an actor, which
is what re3d annotates. (The mapping is fixed for all documents, never chosen per document.)

Gold: entity rows with confidence >= 0.5 (the rows at 0 are rejected alternative types for
the same span) of the four types scored; their offsets, not their `value` (which has
normalised quotes), define the span. Gold spans keep a leading "the" ("the Kurdish YPG",
"the regime"; 303 of 1,399 dev spans) where spaCy's and ours mostly do not, so a leading
"the " is stripped from both sides before matching. Scores are per type and micro-averaged
over the four, by exact span and by overlap (each gold and each prediction matched at most
once, to the free same-type partner it shares most characters with). re3d also tags titles,
common nouns and pronouns ("the secretary", "rebels", "he") as Person or Organisation;
neither system is asked for those here, so recall has a ceiling well below 1. And re3d does
not annotate a name inside a longer entity ("ISIL" in "an ISIL-held building"), so such a
name counts as a false positive for both systems.

Alias recall: re3d `IsSynonymOf` relations (confidence >= 0.5, each unordered pair once)
whose two ends are both gold entities of the four types ("Syrian Democratic Forces" ==
"SDF", "Tobias Ellwood" == "Foreign Office Minister"). Ours recalls a pair when, at each
end, the mention with an actor_id that shares most characters with it (title and pronoun
mentions included: a title tied to its holder is exactly the evidence wanted) resolves to
the same actor. Plain spaCy has no actors: it recalls a pair when an entity sits at each end
and their normalised texts are equal, so it can only get exact repeats.

`--errors N` lists, after the table, our N most frequent missed and spurious spans per type
and the synonym pairs we did not resolve, to show where the extractor loses most.

    .venv/bin/python bench/entities_re3d.py [--data PATH] [--errors N] [--json]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
from rashomon.nlp import load_pipeline
from rashomon.settings import Settings
from rashomon.store.entities import MentionRow

RE3D = EVAL_DATA / "re3d"
GOLD_FILES = ("documents.json", "entities.json", "relations.json")
TYPES = ("Person", "Organisation", "Location", "Nationality")
MIN_CONFIDENCE = 0.5
SYNONYM = "IsSynonymOf"
OUR_TYPES = {
    "person": "Person",
    "organisation": "Organisation",
    "metonym": "Organisation",
    "location": "Location",
    "nationality": "Nationality",
}
OUR_DROPPED = frozenset({"title", "pronoun"})
BASELINE_TYPES = {
    "PERSON": "Person",
    "ORG": "Organisation",
    "GPE": "Location",
    "LOC": "Location",
    "FAC": "Location",
    "NORP": "Nationality",
}
_LEADING_THE = re.compile(r"the\s+", re.IGNORECASE)


# -- data -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entity:
    """A typed span: a gold entity or a prediction (offsets into the document text)."""

    start: int
    end: int
    type: str
    text: str


@dataclass(frozen=True)
class Document:
    key: str
    source: str
    text: str
    entities: tuple[Entity, ...]  # gold, the four scored types, confidence >= 0.5
    synonyms: tuple[tuple[tuple[int, int], tuple[int, int]], ...]  # in-scope IsSynonymOf pairs


@dataclass
class _Skipped:
    """Gold rows that point at no document text, counted rather than guessed at."""

    unknown_document: int = 0
    bad_offsets: int = 0


@dataclass(frozen=True)
class Gold:
    documents: tuple[Document, ...]
    folders: tuple[Path, ...]
    synonym_pairs_all: int  # every confident IsSynonymOf pair, in scope or not
    skipped: _Skipped = field(default_factory=lambda: _Skipped())


def source_folders(data: Path) -> list[Path]:
    """`data` itself when it holds documents.json (one source), else its source subfolders."""
    if (data / "documents.json").is_file():
        return [data]
    return sorted(p for p in data.iterdir() if p.is_dir() and (p / "documents.json").is_file())


def _json_lines(path: Path) -> Iterator[tuple[int, dict]]:
    """(line number, row) for each non-blank line of a mongoexport JSON-lines file."""
    with path.open(encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise RashomonError(f"{path}:{number}: not a JSON line ({exc.msg})") from exc
            if not isinstance(row, dict):
                raise RashomonError(f"{path}:{number}: not a JSON object")
            yield number, row


def _plain(value: object) -> object:
    """A mongoexport extended-JSON wrapper ({"$oid": ..}, {"$numberInt": ..}) as its value.

    Older exports write bare values, newer ones (canonical mode) wrap ids and numbers; the
    re3d sources differ in export date, so both are read.
    """
    if isinstance(value, dict) and len(value) == 1:
        ((key, inner),) = value.items()
        if key == "$oid":
            return str(inner)
        if key in ("$numberInt", "$numberLong"):
            return int(inner)
        if key in ("$numberDouble", "$numberDecimal"):
            return float(inner)
    return value


def _field(row: dict, name: str, kind: type, path: Path, number: int) -> Any:
    value = _plain(row.get(name))
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, kind) or isinstance(value, bool):
        raise RashomonError(f"{path}:{number}: field {name!r} missing or not {kind.__name__}")
    return value


def read_re3d(data: Path) -> Gold:
    folders = source_folders(data)
    if not folders:
        raise RashomonError(f"{data}: no documents.json here or in a subfolder")
    documents: list[Document] = []
    all_pairs = 0
    skipped = _Skipped()
    for folder in folders:
        for name in GOLD_FILES:
            if not (folder / name).is_file():
                raise RashomonError(f"{folder / name}: missing")
        path = folder / "documents.json"
        texts = {
            _field(row, "_id", str, path, n): _field(row, "text", str, path, n)
            for n, row in _json_lines(path)
        }
        if not texts:
            raise RashomonError(f"{path}: no documents")
        entities: dict[str, set[Entity]] = {key: set() for key in texts}
        path = folder / "entities.json"
        for n, row in _json_lines(path):
            kind = _field(row, "type", str, path, n)
            if kind not in TYPES or _field(row, "confidence", float, path, n) < MIN_CONFIDENCE:
                continue
            key = _field(row, "documentId", str, path, n)
            start, end = _field(row, "begin", int, path, n), _field(row, "end", int, path, n)
            if key not in texts:
                skipped.unknown_document += 1
                continue
            text = texts[key]
            if not 0 <= start < end <= len(text):
                skipped.bad_offsets += 1
                continue
            entities[key].add(Entity(start, end, kind, text[start:end]))
        pairs: dict[str, set[tuple[tuple[int, int], tuple[int, int]]]] = {k: set() for k in texts}
        seen: set[tuple[str, tuple[int, int], tuple[int, int]]] = set()
        path = folder / "relations.json"
        for n, row in _json_lines(path):
            if _field(row, "type", str, path, n) != SYNONYM:
                continue
            if _field(row, "confidence", float, path, n) < MIN_CONFIDENCE:
                continue
            key = _field(row, "documentId", str, path, n)
            if key not in texts:
                skipped.unknown_document += 1
                continue
            a, b = sorted(
                (_field(row, f"{end}Begin", int, path, n), _field(row, f"{end}End", int, path, n))
                for end in ("source", "target")
            )
            if a == b or (key, a, b) in seen:
                continue
            seen.add((key, a, b))
            all_pairs += 1
            spans = {(e.start, e.end) for e in entities[key]}
            if a in spans and b in spans:
                pairs[key].add((a, b))
        documents += [
            Document(
                key,
                folder.name,
                text,
                tuple(sorted(entities[key], key=lambda e: (e.start, e.end, e.type))),
                tuple(sorted(pairs[key])),
            )
            for key, text in sorted(texts.items())
        ]
    gold_count = sum(len(d.entities) for d in documents)
    if not gold_count:
        raise RashomonError(f"{data}: no gold entities of the scored types ({', '.join(TYPES)})")
    return Gold(tuple(documents), tuple(folders), all_pairs, skipped)


def gold_hashes(folders: Sequence[Path], root: Path) -> tuple[str, dict[str, str]]:
    """sha256 of each gold file (keyed by its path under `root`) and one over all of them."""
    files: dict[str, str] = {}
    for folder in folders:
        for name in GOLD_FILES:
            path = folder / name
            files[path.relative_to(root).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    combined = hashlib.sha256(
        "".join(f"{key}\t{digest}\n" for key, digest in sorted(files.items())).encode()
    ).hexdigest()
    return combined, files


# -- the two systems ------------------------------------------------------------------------


def our_type(mention: MentionRow) -> str | None:
    """re3d type of one of our mentions, or None when it is not scored (titles, pronouns)."""
    if mention.kind in OUR_DROPPED:
        return None
    if mention.kind == "metonym":
        return "Organisation"
    if mention.place_id is not None:
        return "Location"
    return OUR_TYPES.get(mention.kind)


def our_entities(mentions: Iterable[MentionRow]) -> list[Entity]:
    return _unique(
        Entity(m.start, m.end, kind, m.text) for m in mentions if (kind := our_type(m)) is not None
    )


def baseline_entities(doc: Doc) -> list[Entity]:
    return _unique(
        Entity(e.start_char, e.end_char, BASELINE_TYPES[e.label_], e.text)
        for e in doc.ents
        if e.label_ in BASELINE_TYPES
    )


def _unique(entities: Iterable[Entity]) -> list[Entity]:
    return sorted(set(entities), key=lambda e: (e.start, e.end, e.type))


# -- scoring -----------------------------------------------------------------------------------


def strip_the(entity: Entity) -> Entity:
    """The span without a leading "the " (re3d keeps it, NER mostly does not)."""
    found = _LEADING_THE.match(entity.text)
    if not found or found.end() == len(entity.text):
        return entity
    return Entity(entity.start + found.end(), entity.end, entity.type, entity.text[found.end() :])


def normalised_text(text: str) -> str:
    stripped = _LEADING_THE.sub("", text.strip(), count=1)
    return " ".join(stripped.replace("’", "'").split()).casefold()


def _shared(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return min(a_end, b_end) - max(a_start, b_start)


@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    exact: int = 0
    overlap: int = 0

    def add(self, other: Counts) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.exact += other.exact
        self.overlap += other.overlap

    def scores(self) -> dict[str, object]:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "exact": _prf(self.exact, self.predicted, self.gold),
            "overlap": _prf(self.overlap, self.predicted, self.gold),
        }


def _prf(hits: int, predicted: int, gold: int) -> dict[str, float]:
    precision = hits / predicted if predicted else 0.0
    recall = hits / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


@dataclass(frozen=True)
class Matching:
    """One document, one type: the counts and what went unmatched by overlap."""

    counts: Counts
    missed: tuple[Entity, ...]
    spurious: tuple[Entity, ...]


def match(gold: Sequence[Entity], predicted: Sequence[Entity]) -> Matching:
    """Exact and one-to-one overlap matches between same-type spans, "the " stripped."""
    gold = [strip_the(e) for e in gold]
    predicted = [strip_the(e) for e in predicted]
    counts = Counts(gold=len(gold), predicted=len(predicted))
    counts.exact = len({(e.start, e.end) for e in gold} & {(e.start, e.end) for e in predicted})
    free = list(range(len(predicted)))
    missed: list[Entity] = []
    for entity in sorted(gold, key=lambda e: (e.start, e.end)):
        best, best_shared = None, 0
        for index in free:
            found = predicted[index]
            shared = _shared(entity.start, entity.end, found.start, found.end)
            if shared > best_shared:
                best, best_shared = index, shared
        if best is None:
            missed.append(entity)
        else:
            free.remove(best)
            counts.overlap += 1
    return Matching(counts, tuple(missed), tuple(predicted[i] for i in free))


@dataclass
class Tally:
    """One system over some documents: counts per type, alias pairs, unmatched spans."""

    counts: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in TYPES})
    alias_recalled: int = 0
    alias_missed: list[tuple[str, str]] = field(default_factory=list)
    missed: dict[str, list[tuple[str, Entity]]] = field(
        default_factory=lambda: {t: [] for t in TYPES}
    )
    spurious: dict[str, list[tuple[str, Entity]]] = field(
        default_factory=lambda: {t: [] for t in TYPES}
    )

    def score(self, document: Document, predicted: Sequence[Entity]) -> None:
        for kind in TYPES:
            result = match(
                [e for e in document.entities if e.type == kind],
                [e for e in predicted if e.type == kind],
            )
            self.counts[kind].add(result.counts)
            self.missed[kind] += [(document.key, e) for e in result.missed]
            self.spurious[kind] += [(document.key, e) for e in result.spurious]

    def score_aliases(self, document: Document, candidates: Sequence[Keyed]) -> None:
        for (a, b), hit in zip(document.synonyms, alias_hits(document, candidates), strict=True):
            self.alias_recalled += hit
            if not hit:
                self.alias_missed.append((document.text[slice(*a)], document.text[slice(*b)]))

    def scores(self, alias_pairs: int) -> dict[str, object]:
        micro = Counts()
        for counts in self.counts.values():
            micro.add(counts)
        return {
            "types": {kind: counts.scores() for kind, counts in self.counts.items()},
            "micro": micro.scores(),
            "alias": {
                "pairs": alias_pairs,
                "recalled": self.alias_recalled,
                "recall": self.alias_recalled / alias_pairs if alias_pairs else 0.0,
            },
        }


Keyed = tuple[int, int, str]  # (start, end, key): an actor id or a normalised text


def _best_at(span: tuple[int, int], candidates: Iterable[Keyed]) -> Keyed | None:
    """The candidate sharing most characters with `span` (ties: the earliest)."""
    best, best_shared = None, 0
    for candidate in candidates:
        shared = _shared(*span, candidate[0], candidate[1])
        if shared > best_shared:
            best, best_shared = candidate, shared
    return best


def alias_hits(document: Document, candidates: Sequence[Keyed]) -> list[bool]:
    """Per gold pair: do two different spans, one at each end, carry the same key?

    Two different spans are required, so one long span over both ends ("Minister for the
    Middle East Tobias Ellwood") does not count as resolving them to one another.
    """
    hits = []
    for a, b in document.synonyms:
        left, right = _best_at(a, candidates), _best_at(b, candidates)
        hits.append(
            left is not None and right is not None and left[:2] != right[:2] and left[2] == right[2]
        )
    return hits


def our_alias_keys(mentions: Iterable[MentionRow]) -> list[Keyed]:
    return [(m.start, m.end, m.actor_id) for m in mentions if m.actor_id]


def baseline_alias_keys(doc: Doc) -> list[Keyed]:
    return [(e.start_char, e.end_char, normalised_text(e.text)) for e in doc.ents]


# -- the run ---------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Person/Organisation/Location/Nationality spans and IsSynonymOf pairs on "
        "re3d: rashomon's entity stage vs plain spaCy doc.ents."
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=RE3D,
        metavar="PATH",
        help=f"re3d folder, or one of its source folders (default {display_path(RE3D)})",
    )
    parser.add_argument("--model", help="spaCy pipeline (default: RASHOMON_MODEL or the default)")
    parser.add_argument(
        "--errors",
        type=int,
        default=0,
        metavar="N",
        help="after the table, list our N most frequent missed and spurious spans per type",
    )
    parser.add_argument("--json", action="store_true", help="print only the JSON object (no table)")
    args = parser.parse_args(argv)
    if args.errors < 0:
        parser.error("--errors must be at least 0")
    if not args.data.is_dir():
        parser.error(f"--data {args.data}: no such folder")
    return args


@dataclass(frozen=True)
class Predicted:
    """Both systems' output on one document, scored later per half and per source."""

    document: Document
    ours: tuple[Entity, ...]
    ours_keys: tuple[Keyed, ...]
    baseline: tuple[Entity, ...]
    baseline_keys: tuple[Keyed, ...]


def tally(predicted: Sequence[Predicted]) -> tuple[Tally, Tally]:
    """Ours and the baseline scored over these documents."""
    ours, baseline = Tally(), Tally()
    for item in predicted:
        ours.score(item.document, item.ours)
        ours.score_aliases(item.document, item.ours_keys)
        baseline.score(item.document, item.baseline)
        baseline.score_aliases(item.document, item.baseline_keys)
    return ours, baseline


def subset_scores(predicted: Sequence[Predicted]) -> tuple[dict[str, object], Tally]:
    """Counts and both systems' scores over a subset of the documents (a half, a source)."""
    documents = [p.document for p in predicted]
    alias_pairs = sum(len(d.synonyms) for d in documents)
    ours, baseline = tally(predicted)
    scores: dict[str, object] = {
        "documents": len(documents),
        "gold_entities": {
            t: sum(e.type == t for d in documents for e in d.entities) for t in TYPES
        },
        "synonym_pairs_scored": alias_pairs,
        "ours": ours.scores(alias_pairs),
        "baseline": baseline.scores(alias_pairs),
    }
    return scores, ours


def measure(args: argparse.Namespace) -> tuple[dict[str, object], Tally]:
    # Imported here: the entity stage pulls in the dictionary and gazetteer modules.
    from rashomon.entities import EntityExtractor

    settings = Settings.from_env().with_overrides(model=args.model)
    gold = read_re3d(args.data)
    root = args.data
    data_sha256, file_sha256 = gold_hashes(gold.folders, root)

    start = time.perf_counter()
    nlp = load_pipeline(settings.model)
    extractor = EntityExtractor.build(nlp)
    load_seconds = time.perf_counter() - start

    documents = gold.documents
    predicted: list[Predicted] = []
    ours_seconds = baseline_seconds = parse_seconds = 0.0
    start = time.perf_counter()
    docs = nlp.pipe((d.text for d in documents), batch_size=settings.batch_size)
    for document, (doc, took) in zip(documents, timed(docs), strict=True):
        parse_seconds += took
        began = time.perf_counter()
        mentions = extractor.extract(document.key, doc, None).mentions
        ours = (tuple(our_entities(mentions)), tuple(our_alias_keys(mentions)))
        ours_seconds += time.perf_counter() - began
        began = time.perf_counter()
        baseline = (tuple(baseline_entities(doc)), tuple(baseline_alias_keys(doc)))
        baseline_seconds += time.perf_counter() - began
        predicted.append(Predicted(document, *ours, *baseline))
    total_seconds = time.perf_counter() - start + load_seconds

    whole, _ = subset_scores(predicted)
    halves = split_halves(predicted, key=lambda p: p.document.key)
    half_scores = {half: subset_scores(items) for half, items in halves.items()}
    by_source = split_by(predicted, key=lambda p: p.document.source)
    found = versions("spacy", "rashomon")
    result: dict[str, object] = {
        "benchmark": "entities_re3d",
        "data": display_path(args.data),
        "data_sha256": data_sha256,
        "gold_files": file_sha256,
        "sources": dict(Counter(d.source for d in documents)),
        "documents": len(documents),
        "words": sum(len(d.text.split()) for d in documents),
        "types": list(TYPES),
        "min_confidence": MIN_CONFIDENCE,
        "gold_entities": whole["gold_entities"],
        "skipped_rows": {
            "unknown_document": gold.skipped.unknown_document,
            "bad_offsets": gold.skipped.bad_offsets,
        },
        "synonym_pairs_all": gold.synonym_pairs_all,
        "synonym_pairs_scored": whole["synonym_pairs_scored"],
        "matching": 'leading "the " stripped on both sides; overlap is one-to-one per type',
        "our_mapping": "person, organisation/metonym, location (or place_id), nationality; "
        "title and pronoun dropped",
        "split": "halves by half_of(document _id); tune on 'tuning', floors on 'checking'",
        "model": settings.model,
        "python": found["python"],
        "spacy": found["spacy"],
        "ours": whole["ours"],
        "baseline": whole["baseline"],
        "halves": {half: scores for half, (scores, _) in half_scores.items()},
        "by_source": {source: subset_scores(items)[0] for source, items in by_source.items()},
        "seconds": {
            "load": load_seconds,
            "parse": parse_seconds,
            "ours": ours_seconds,
            "baseline": baseline_seconds,
            "total": total_seconds,
        },
    }
    return result, half_scores["tuning"][1]


def split_by(items: Iterable[Predicted], key: Callable[[Predicted], str]) -> dict[str, list]:
    found: dict[str, list[Predicted]] = {}
    for item in items:
        found.setdefault(key(item), []).append(item)
    return dict(sorted(found.items()))


def _row(name: str, gold: object, ours: dict, baseline: dict) -> dict[str, object]:
    row: dict[str, object] = {"type": name, "gold": gold}
    for prefix, scores in (("o", ours), ("b", baseline)):
        row |= {
            f"{prefix}_pred": scores["predicted"],
            f"{prefix}_ex": scores["exact"]["f1"],
            f"{prefix}_p": scores["overlap"]["precision"],
            f"{prefix}_r": scores["overlap"]["recall"],
            f"{prefix}_f": scores["overlap"]["f1"],
        }
    return row


_COLUMNS = [
    Column("type"),
    Column("gold"),
    Column("o_pred", "ours pred"),
    Column("o_ex", "exact F1", ".3f"),
    Column("o_p", "ovl P", ".3f"),
    Column("o_r", "ovl R", ".3f"),
    Column("o_f", "ovl F1", ".3f"),
    Column("b_pred", "spaCy pred"),
    Column("b_ex", "exact F1", ".3f"),
    Column("b_p", "ovl P", ".3f"),
    Column("b_r", "ovl R", ".3f"),
    Column("b_f", "ovl F1", ".3f"),
]


def _scores_table(title: str, scores: dict) -> None:
    o, b = scores["ours"], scores["baseline"]
    print(f"{title}: {scores.get('documents', '')} documents")
    rows = [
        _row(kind, o["types"][kind]["gold"], o["types"][kind], b["types"][kind]) for kind in TYPES
    ]
    rows.append(_row("micro", o["micro"]["gold"], o["micro"], b["micro"]))
    rows.append(
        {
            "type": "alias pairs (R)",
            "gold": o["alias"]["pairs"],
            "o_r": o["alias"]["recall"],
            "b_r": b["alias"]["recall"],
        }
    )
    print_table(rows, _COLUMNS)
    print()


def _source_table(by_source: dict) -> None:
    """Micro and Person overlap F1 per source: a rule fitted to one source shows here."""
    rows = []
    for source, scores in by_source.items():
        o, b = scores["ours"], scores["baseline"]
        rows.append(
            {
                "source": source,
                "docs": scores["documents"],
                "o_micro": o["micro"]["overlap"]["f1"],
                "b_micro": b["micro"]["overlap"]["f1"],
                "o_person": o["types"]["Person"]["overlap"]["f1"],
                "b_person": b["types"]["Person"]["overlap"]["f1"],
                "gold_person": o["types"]["Person"]["gold"],
            }
        )
    print("per source (overlap F1):")
    print_table(
        rows,
        [
            Column("source"),
            Column("docs"),
            Column("o_micro", "ours micro", ".3f"),
            Column("b_micro", "spaCy micro", ".3f"),
            Column("gold_person", "Person gold"),
            Column("o_person", "ours Person", ".3f"),
            Column("b_person", "spaCy Person", ".3f"),
        ],
    )


def show(result: dict, tuning: Tally, errors: int) -> None:
    print("entities_re3d: re3d entity spans, rashomon entity stage vs plain spaCy doc.ents\n")
    seconds = result["seconds"]
    sources = ", ".join(f"{k} {v}" for k, v in result["sources"].items())
    skipped = result["skipped_rows"]
    print_facts(
        {
            "data": f"{result['data']} (sha256 {str(result['data_sha256'])[:12]}…)",
            "documents": f"{result['documents']} ({sources}), {result['words']} words",
            "gold": f"confidence >= {result['min_confidence']}; "
            + ", ".join(f"{t} {n}" for t, n in result["gold_entities"].items())
            + f"; {result['synonym_pairs_scored']} of {result['synonym_pairs_all']} "
            f"IsSynonymOf pairs join two of these; rows skipped: "
            f"{skipped['unknown_document']} unknown document, {skipped['bad_offsets']} "
            "bad offsets",
            "matching": result["matching"],
            "ours": result["our_mapping"],
            "split": result["split"],
            "model": f"{result['model']} (python {result['python']}, spacy {result['spacy']})",
            "seconds": f"load {seconds['load']:.2f}, parse {seconds['parse']:.2f}, "
            f"ours {seconds['ours']:.2f}, baseline {seconds['baseline']:.2f}, "
            f"total {seconds['total']:.2f}",
        }
    )
    print()
    for half, scores in result["halves"].items():
        _scores_table(f"{half} half", scores)
    _scores_table("whole", {"documents": result["documents"], **result})
    _source_table(result["by_source"])
    if errors:
        show_errors(tuning, errors)


def show_errors(tally: Tally, limit: int) -> None:
    """Our most frequent unmatched spans (overlap matching) per type, on the tuning half only:
    look at errors where rules are tuned, never at the checking half."""
    for label, table in (("missed (gold, no overlap)", tally.missed),
                         ("spurious (ours, no overlap)", tally.spurious)):  # fmt: skip
        print(f"\nours on the tuning half, {label}:")
        for kind, found in table.items():
            common = Counter(e.text.replace("\n", " ") for _key, e in found).most_common(limit)
            listed = "; ".join(f"{text} x{n}" if n > 1 else text for text, n in common)
            print(f"  {kind} ({len(found)}): {listed}")
    pairs = Counter(f"{a} == {b}".replace("\n", " ") for a, b in tally.alias_missed)
    listed = "; ".join(f"{pair} x{n}" if n > 1 else pair for pair, n in pairs.most_common(limit))
    print(f"\nours on the tuning half, IsSynonymOf pairs not resolved ({len(tally.alias_missed)}):")
    print(f"  {listed}")


def main(argv: Sequence[str] | None = None) -> int:
    return run_main(
        "entities_re3d",
        argv,
        parse_args,
        measure,
        lambda result, args, ours: show(result, ours, args.errors),
    )


if __name__ == "__main__":
    sys.exit(main())
