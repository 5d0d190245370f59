"""Quotes on PolNeAR: rashomon's quote extractor against textacy's, in one run.

PolNeAR (Newell et al., LREC 2018) is US political news with every attribution annotated
in brat standoff: a Source, a Cue and a Content span (spans may be discontinuous) joined by
an `Attribution` relation (`Attribution-no-source` when no source is named). It covers
direct quotes, indirect speech and attributed beliefs ("Trump wants ..."), so a rule-based
speech-verb extractor has a recall ceiling well below 1. Each text is parsed once with
nlp.pipe; both systems read the same Doc:

- ours: `find_quotes(doc, mentions)` with the article's ActorMatcher mentions; the Quote
  records that share a cue (the parts of a quote broken by "he said", the paragraphs of a
  long one) form one attribution, whose contents are their spans in order;
- textacy: `textacy.extract.triples.direct_quotations(doc)`, direct quotes only. It raises
  on an odd number of quotation marks; such a document gives it no predictions (counted in
  `baseline.raised`). When textacy is not installed the baseline is reported as such.

Scores are Citron's (BBC R&D, `citron/metrics.py`), so they compare with its published PARC3
figures (source exact F1 .82, content overlap F1 .83): spans are token ranges of the Doc;
- exact, per attribution: a cue counts when a gold cue has the same span; a source (or
  content) counts when an attribution whose cue overlaps has the same list of source (or
  content) spans. Precision over predicted attributions, recall over gold ones.
- overlap, per token: tokens shared by predicted and gold spans (summed over all pairs of
  attributions) over predicted tokens (precision) and over gold tokens (recall).
Overlap means sharing a token (Citron's own test also counts spans that merely touch).
Every span, gold and predicted, is compared without punctuation at its ends (`trim`).

Annotators: some articles were annotated twice (the annotator id ends the .ann name); the
first .ann by file name is used, always, so a run is reproducible. `data_sha256` hashes the
texts and the chosen .ann files, which the eval gate uses to know its floors still apply.

`seconds` per system excludes parsing (`parse_seconds`, shared); ours includes finding the
actor mentions it reads. `--errors N` prints N of our missed gold contents and N spurious
predictions (no content overlap). `RASHOMON_PROCESSES` parses with that many processes.

    .venv/bin/python bench/quotes_polnear.py [--data PATH] [--errors N] [--json]
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

# Run as a script, so this folder is on sys.path and the shared plumbing imports as `common`.
from common import (
    EVAL_DATA,
    HALVES,
    Column,
    add_data_options,
    display_path,
    half_of,
    print_facts,
    print_table,
    run_main,
    versions,
)
from spacy.tokens import Doc

from rashomon.entities import EntityExtractor
from rashomon.errors import RashomonError
from rashomon.extract.quotes import find_quotes
from rashomon.model import Quote
from rashomon.nlp import load_pipeline
from rashomon.settings import Settings

POLNEAR_DEV = EVAL_DATA / "polnear" / "dev"
ROLES = ("cue", "source", "content")
PARTS = ("whole", *HALVES)  # the whole run, then the tuning and checking halves
_ANNOTATOR = re.compile(r"_[0-9a-f]{4}\.ann\Z")

Span = tuple[int, int]  # token range [start, end)


@dataclass(frozen=True)
class Attribution:
    """One attribution as token spans: a cue, its sources and its contents (in order)."""

    cue: Span
    sources: tuple[Span, ...]
    contents: tuple[Span, ...]


CharSpan = tuple[int, int]  # character offsets [start, end)
GoldRow = tuple[CharSpan, tuple[CharSpan, ...], tuple[CharSpan, ...]]  # cue, sources, contents


@dataclass(frozen=True)
class Article:
    """A text and its gold attributions in characters (token spans need the Doc)."""

    key: str
    text: str
    gold: tuple[GoldRow, ...]


# -- data -----------------------------------------------------------------------------------


def annotation_files(data: Path) -> dict[str, Path]:
    """Text key -> its .ann file: the first by file name when several annotators did it."""
    chosen: dict[str, Path] = {}
    for path in sorted((data / "attributions").glob("*.ann")):
        key = _ANNOTATOR.sub("", path.name).removesuffix(".ann")
        chosen.setdefault(key, path)
    return chosen


def parse_ann(text: str) -> list[GoldRow]:
    """brat standoff -> (cue, sources, contents) character spans per attribution relation."""
    spans: dict[str, tuple[CharSpan, ...]] = {}
    relations: list[dict[str, str]] = []
    for number, line in enumerate(text.splitlines(), 1):
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            _kind, _, offsets = parts[1].partition(" ")
            try:
                spans[parts[0]] = tuple(
                    (int(a), int(b)) for a, b in (piece.split() for piece in offsets.split(";"))
                )
            except ValueError as exc:
                raise RashomonError(f"line {number}: bad offsets {offsets!r}") from exc
        elif line.startswith("E") and len(parts) >= 2:
            roles = dict(item.split(":", 1) for item in parts[1].split() if ":" in item)
            if any(k.startswith("Attribution") for k in roles):
                relations.append(roles)
    found = []
    for roles in relations:
        cue = spans.get(roles.get("Cue", ""), ())
        if not cue:
            continue
        found.append(
            (
                (cue[0][0], cue[-1][1]),
                spans.get(roles.get("Source", ""), ()),
                spans.get(roles.get("Content", ""), ()),
            )
        )
    return found


def read_polnear(data: Path) -> tuple[list[Article], str]:
    """The split's articles with gold attributions, and a sha256 over texts and .ann files."""
    if not (data / "text").is_dir() or not (data / "attributions").is_dir():
        raise RashomonError(f"{data}: expected text/ and attributions/ folders (a PolNeAR split)")
    digest = hashlib.sha256()
    articles = []
    for key, ann in sorted(annotation_files(data).items()):
        text_path = data / "text" / f"{key}.txt"
        if not text_path.is_file():
            raise RashomonError(f"{ann}: no text file {text_path.name}")
        raw_text, raw_ann = text_path.read_bytes(), ann.read_bytes()
        for name, content in ((text_path.name, raw_text), (ann.name, raw_ann)):
            digest.update(f"{name}\t{hashlib.sha256(content).hexdigest()}\n".encode())
        try:
            gold = parse_ann(raw_ann.decode("utf-8"))
        except RashomonError as exc:
            raise RashomonError(f"{ann}: {exc}") from exc
        articles.append(Article(key, raw_text.decode("utf-8"), tuple(gold)))
    if not articles:
        raise RashomonError(f"{data}: no .ann files under attributions/")
    return articles, digest.hexdigest()


# -- spans ------------------------------------------------------------------------------------


def token_span(doc: Doc, start: int, end: int, trimmed: bool = True) -> Span | None:
    """Characters -> the tokens they touch (as Citron maps gold offsets), `trimmed` of
    punctuation at either end unless nothing else is left (a ":" cue)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    found = (span.start, span.end)
    return (trim(doc, *found) or found) if trimmed else found


def trim(doc: Doc, first: int, last: int) -> Span | None:
    """The span without punctuation (quotation marks included) or space at its ends.

    PolNeAR keeps a source's closing comma ("Brian Fallon, the campaign's press secretary,")
    and a content's quotation marks and the comma inside them; spaCy and both systems draw
    those edges differently. Trimming gold and predictions alike scores the words.
    """
    while first < last and (doc[first].is_punct or doc[first].is_space):
        first += 1
    while last > first and (doc[last - 1].is_punct or doc[last - 1].is_space):
        last -= 1
    return (first, last) if last > first else None


def gold_attributions(doc: Doc, article: Article) -> list[Attribution]:
    found = []
    for cue, sources, contents in article.gold:
        cue_tokens = token_span(doc, *cue)
        if cue_tokens is None:
            continue
        found.append(
            Attribution(
                cue_tokens,
                tuple(s for s in (token_span(doc, *x) for x in sources) if s),
                tuple(c for c in (token_span(doc, *x) for x in contents) if c),
            )
        )
    return found


def our_attributions(doc: Doc, quotes: Iterable[Quote]) -> list[Attribution]:
    """Quotes sharing a cue are one attribution (parts of a broken or long quote)."""
    grouped: dict[Span, tuple[set[Span], list[Span]]] = {}
    for quote in quotes:
        if quote.cue_start is None or quote.cue_end is None:
            continue
        cue = token_span(doc, quote.cue_start, quote.cue_end)
        content = token_span(doc, quote.start, quote.end)
        if cue is None or content is None:
            continue
        sources, contents = grouped.setdefault(cue, (set(), []))
        if quote.speaker_start is not None and quote.speaker_end is not None:
            speaker = token_span(doc, quote.speaker_start, quote.speaker_end)
            if speaker:
                sources.add(speaker)
        contents.append(content)
    return [
        Attribution(cue, tuple(sorted(sources)), tuple(sorted(set(contents))))
        for cue, (sources, contents) in grouped.items()
    ]


def textacy_attributions(doc: Doc, extract) -> list[Attribution]:
    found = []
    for triple in extract(doc):
        speaker = sorted(t.i for t in triple.speaker)
        cue = sorted(t.i for t in triple.cue)
        if not speaker or not cue:
            continue
        content = trim(doc, triple.content.start, triple.content.end)
        if content is None:
            continue
        found.append(
            Attribution((cue[0], cue[-1] + 1), ((speaker[0], speaker[-1] + 1),), (content,))
        )
    return found


# -- scoring (Citron's metrics) ---------------------------------------------------------------


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _shared(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _spans(attribution: Attribution, role: str) -> tuple[Span, ...]:
    if role == "cue":
        return (attribution.cue,)
    return attribution.sources if role == "source" else attribution.contents


@dataclass
class RoleCounts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    shared: int = 0
    predicted_tokens: int = 0
    gold_tokens: int = 0

    def scores(self) -> dict[str, dict[str, float]]:
        return {
            "exact": _prf(self.tp, self.tp + self.fp, self.tp + self.fn),
            "overlap": _prf_tokens(self.shared, self.predicted_tokens, self.gold_tokens),
        }


def _prf(hits: int, predicted: int, gold: int) -> dict[str, float]:
    precision = hits / predicted if predicted else 0.0
    recall = hits / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def _prf_tokens(shared: int, predicted: int, gold: int) -> dict[str, float]:
    precision = shared / predicted if predicted else 0.0
    recall = shared / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def _exact(role: str, a: Attribution, b: Attribution) -> bool:
    if role == "cue":
        return a.cue == b.cue
    return _overlaps(a.cue, b.cue) and _spans(a, role) == _spans(b, role)


@dataclass
class Tally:
    """One system over the run: Citron's counts per role, plus what went unmatched."""

    roles: dict[str, RoleCounts] = field(default_factory=lambda: {r: RoleCounts() for r in ROLES})
    predicted: int = 0
    gold: int = 0
    seconds: float = 0.0
    raised: int = 0
    documents: int = 0
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    def score(
        self, predicted: Sequence[Attribution], gold: Sequence[Attribution], doc: Doc | None = None
    ) -> None:
        self.predicted += len(predicted)
        self.gold += len(gold)
        for role in ROLES:
            counts = self.roles[role]
            for p in predicted:
                if any(_exact(role, p, g) for g in gold):
                    counts.tp += 1
                else:
                    counts.fp += 1
            counts.fn += sum(not any(_exact(role, p, g) for p in predicted) for g in gold)
            for p in predicted:
                counts.predicted_tokens += sum(e - s for s, e in _spans(p, role))
                for g in gold:
                    counts.shared += sum(
                        _shared(x, y) for x in _spans(p, role) for y in _spans(g, role)
                    )
            counts.gold_tokens += sum(e - s for g in gold for s, e in _spans(g, role))
        if doc is not None:
            self._unmatched(doc, predicted, gold)

    def _unmatched(self, doc: Doc, predicted: Sequence[Attribution], gold: Sequence[Attribution]):
        def text(a: Attribution) -> str:
            parts = [doc[s:e].text for s, e in a.contents]
            return f"[{doc[a.cue[0] : a.cue[1]].text}] " + " | ".join(parts).replace("\n", " ")

        def touches(a: Attribution, others: Sequence[Attribution]) -> bool:
            return any(_overlaps(x, y) for o in others for x in a.contents for y in o.contents)

        self.missed += [text(g) for g in gold if not touches(g, predicted)]
        self.spurious += [text(p) for p in predicted if not touches(p, gold)]

    def scores(self) -> dict[str, object]:
        result: dict[str, object] = {
            "attributions": self.predicted,
            "seconds": self.seconds,
        }
        result |= {role: counts.scores() for role, counts in self.roles.items()}
        return result


# -- the run ------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_data_options(parser, POLNEAR_DEV)
    parser.add_argument(
        "--errors", type=int, default=0, metavar="N", help="list N missed and N spurious quotes"
    )
    parser.add_argument(
        "--errors-from",
        choices=PARTS,
        default="tuning",
        help="which documents --errors lists (default tuning: read only the half you tune on)",
    )
    return parser.parse_args(argv)


def load_textacy():
    """textacy's direct_quotations, or None when textacy is not installed."""
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError:
        return None
    return direct_quotations


def measure(args: argparse.Namespace) -> tuple[dict[str, object], Tally, Tally]:
    articles, data_sha256 = read_polnear(args.data)
    settings = Settings.from_env()
    nlp = load_pipeline(settings.model)
    matcher = EntityExtractor.build(nlp).matcher
    extract = load_textacy()
    tallies = {part: (Tally(), Tally()) for part in PARTS}
    started = time.perf_counter()
    docs = nlp.pipe(
        (a.text for a in articles), batch_size=settings.batch_size, n_process=settings.processes
    )
    parse_seconds = 0.0
    for article in articles:
        clock = time.perf_counter()
        doc = next(docs)
        parse_seconds += time.perf_counter() - clock
        gold = gold_attributions(doc, article)
        clock = time.perf_counter()
        mentions = matcher.find(doc, []).mentions
        predicted = our_attributions(doc, find_quotes(doc, mentions))
        ours_seconds = time.perf_counter() - clock
        found, raised, baseline_seconds = None, False, 0.0
        if extract is not None:
            clock = time.perf_counter()
            try:
                found = textacy_attributions(doc, extract)
            except ValueError:  # unbalanced quotation marks: textacy bails out
                found, raised = [], True
            baseline_seconds = time.perf_counter() - clock
        for part in ("whole", half_of(article.key)):
            ours, baseline = tallies[part]
            ours.seconds += ours_seconds
            ours.score(predicted, gold, doc if args.errors and part == args.errors_from else None)
            ours.documents += 1
            if found is not None:
                baseline.seconds += baseline_seconds
                baseline.raised += raised
                baseline.score(found, gold)
    ours, baseline = tallies["whole"]
    result: dict[str, object] = {
        "benchmark": "quotes_polnear",
        "data": display_path(args.data),
        "data_sha256": data_sha256,
        "annotators": "first .ann file by name for each text",
        "documents": len(articles),
        "gold_attributions": ours.gold,
        "model": settings.model,
        "versions": versions("spacy", "textacy"),
        "parse_seconds": parse_seconds,
        "total_seconds": time.perf_counter() - started,
        "ours": ours.scores(),
        "baseline": baseline_scores(baseline, extract is not None),
        "halves": {
            half: {
                "documents": tallies[half][0].documents,
                "gold_attributions": tallies[half][0].gold,
                "ours": tallies[half][0].scores(),
                "baseline": baseline_scores(tallies[half][1], extract is not None),
            }
            for half in HALVES
        },
    }
    return result, tallies[args.errors_from][0], baseline


def baseline_scores(baseline: Tally, installed: bool) -> dict[str, object]:
    if not installed:
        return {"status": "not installed"}
    return {"status": "ok", "raised": baseline.raised, **baseline.scores()}


def show(result: dict, ours: Tally, errors: int, errors_from: str) -> None:
    halves = result["halves"]
    print_facts(
        {
            "data": result["data"],
            "documents": result["documents"],
            "halves": ", ".join(f"{h} {halves[h]['documents']}" for h in HALVES)
            + " documents (by a hash of the article name; the checking half is the result)",
            "gold attributions": result["gold_attributions"],
            "model": result["model"],
            "textacy": result["versions"].get("textacy") or "not installed",
            "parse seconds": result["parse_seconds"],
        }
    )
    print()
    rows = []
    for part in PARTS:
        side = result if part == "whole" else halves[part]
        for system, name in (("ours", "rashomon"), ("baseline", "textacy")):
            scores = side[system]
            if "cue" not in scores:
                rows.append({"half": part, "system": name, "role": "(not installed)"})
                continue
            for role in ROLES:
                exact, overlap = scores[role]["exact"], scores[role]["overlap"]
                rows.append(
                    {
                        "half": part, "system": name, "role": role,
                        "pred": scores["attributions"],
                        "e_p": exact["precision"], "e_r": exact["recall"], "e_f": exact["f1"],
                        "o_p": overlap["precision"], "o_r": overlap["recall"],
                        "o_f": overlap["f1"], "sec": scores["seconds"],
                    }
                )  # fmt: skip
    print_table(
        rows,
        [
            Column("half"),
            Column("system"),
            Column("role"),
            Column("pred", "predicted"),
            Column("e_p", "exact P", ".3f"),
            Column("e_r", "exact R", ".3f"),
            Column("e_f", "exact F1", ".3f"),
            Column("o_p", "overlap P", ".3f"),
            Column("o_r", "overlap R", ".3f"),
            Column("o_f", "overlap F1", ".3f"),
            Column("sec", "seconds", ".2f"),
        ],
    )
    if result["baseline"].get("raised"):
        print(f"\ntextacy raised on {result['baseline']['raised']} documents (odd quote marks)")
    if errors:
        for label, items in (("missed", ours.missed), ("spurious", ours.spurious)):
            print(f"\nours, {label}, {errors_from} documents ({len(items)}):")
            for item in items[:errors]:
                print(f"  {item[:160]}")


def main(argv: Sequence[str] | None = None) -> int:
    return run_main(
        "quotes_polnear",
        argv,
        parse_args,
        measure,
        lambda result, args, ours, _baseline: show(result, ours, args.errors, args.errors_from),
    )


if __name__ == "__main__":
    sys.exit(main())
