"""Stories and cross-document event coreference on ECB+, against plain baselines in one run.

ECB+ (Cybulska & Vossen 2014) groups news documents by topic (a kind of happening: "celebrity
enters rehab") and, within each topic, by subtopic: the ECB half (`N_Xecb.xml`) and the ECB+
half (`N_Xecbplus.xml`) report two different happenings of that kind. A subtopic is what
rashomon calls a story; topics are scored too. Every document is parsed once from its gold
tokens (nlp.pipe, parser off); both parts read the same Docs.

(a) Stories. Ours: `StoryIndex` over every document in a fixed shuffled order (sorted by a hash
of the file name, as ingestion order is not topical); text = the tokens joined, sentence 0 of
the ECB+ files (the source URL) left out; no headline; no publication date and no event keys
(ECB+ gives neither, so the date factor and event keys are not exercised here). rashomon's
actor dictionary and gazetteer are Syria-specific, so actor and place ids here are spaCy
entity texts (PERSON/ORG/NORP and GPE/LOC/FAC) named at least MIN_MENTIONS times, normalised:
a person by surname, anything else by its lowercase text without "the". Baseline: the same
TF-IDF vectors over the whole corpus at once (not incremental), average-link agglomerative
clustering, merging while cosine >= BASELINE_THRESHOLD. Scored by B-cubed P/R/F1 and the
adjusted Rand index against gold subtopics (stories) and gold topics.

(b) Event coreference on the gold event mentions (ACTION_* and NEG_ACTION_* markables) in the
sentences listed in ECBplus_coreference_sentences.csv, as is standard (singletons included).
Gold chains: the instance id of each CROSS_DOC_COREF chain, then each INTRA_DOC_COREF chain,
else a singleton. Ours: `cluster_mentions` with each document's story from (a); the lemma of
the mention's head (first verb, else noun, else last word); as arguments the actor names
(keys as in (a)) within ARGUMENT_WINDOW tokens of the trigger, without roles, so they only
rank candidate clusters and tell speakers apart; as time the first year in the sentence's
DATE entities. Baseline: one cluster per lemma across the whole corpus (same lemmas as ours).
Scored by MUC, B-cubed, CEAF-e and CoNLL F1 (their mean).

What was tuned on what: ECB+ topics 1-35 are the only split here (36-45 are reserved), so
the `StoryConfig` weights and threshold, MIN_MENTIONS, ARGUMENT_WINDOW, the synonym groups and
saying verbs of `event_coref`, and BASELINE_THRESHOLD (the baseline's best subtopic F1 over
0.05-0.30) were all chosen on this same data. Read the scores as development scores, not as
held-out ones. On stories the two systems are close (subtopics differ mostly in when they
happened, which ECB+ does not give); ours gets there one article at a time.

    .venv/bin/python bench/stories_ecb.py [--data PATH] [--sentences FILE] [--topics 1-35]
                                          [--limit-docs N] [--model NAME] [--json]

`--sentences` names the sentence list when the split's folder has none (by default it is
looked for in --data, then beside the shared dev split); without one the script stops
with a one-line error.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

# Run as a script, so this folder is on sys.path and the shared plumbing imports as `common`.
from common import EVAL_DATA, Column, display_path, print_facts, print_table, run_main
from common import versions as package_versions
from coref_metrics import adjusted_rand, b_cubed, conll
from spacy.tokens import Doc, Span

from rashomon.errors import RashomonError
from rashomon.nlp import load_pipeline
from rashomon.reconcile.event_coref import EventMention, cluster_mentions
from rashomon.reconcile.stories import StoryFeatures, StoryIndex
from rashomon.reconcile.tfidf import TermStats, term_counts
from rashomon.settings import Settings

ECBPLUS = EVAL_DATA / "ecbplus"
SENTENCES_CSV = "ECBplus_coreference_sentences.csv"
BASELINE_THRESHOLD = 0.2
BATCH_SIZE = 32
ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
MIN_MENTIONS = 2  # an entity named once is an aside; twice or more, a participant
ARGUMENT_WINDOW = 5  # tokens either side of a trigger where its participants are looked for
_YEAR = re.compile(r"\b(19|20)\d\d\b")


@dataclass(frozen=True)
class GoldMention:
    key: str  # "<doc>:<m_id>"
    sentence: int
    tokens: tuple[int, ...]  # positions in the document's token list
    cluster: str


@dataclass(frozen=True)
class GoldDoc:
    name: str  # "1_10ecbplus"
    topic: str
    subtopic: str  # "1/ecb" or "1/ecbplus"
    words: tuple[str, ...]
    sentences: tuple[int, ...]  # the gold sentence number of each word
    mentions: tuple[GoldMention, ...]


# -- data ------------------------------------------------------------------------------------


def topic_list(spec: str) -> list[str]:
    """'1-35' or '1,3,5-7' as topic names; the gaps of ECB+ (15, 17) are skipped later."""
    found: list[str] = []
    for part in spec.split(","):
        low, _, high = part.strip().partition("-")
        if not low.isdigit() or (high and not high.isdigit()):
            raise RashomonError(f"--topics {spec!r}: expected numbers and ranges like 1-35")
        found += [str(n) for n in range(int(low), int(high or low) + 1)]
    return found


def sentences_file(data: Path, given: Path | None) -> Path:
    """The sentence list: --sentences when given, else the one inside --data, else the one
    beside the shared dev split (other splits ship the documents without it)."""
    if given is not None:
        if not given.is_file():
            raise RashomonError(f"--sentences {given}: no such file")
        return given
    for path in (data / SENTENCES_CSV, ECBPLUS / SENTENCES_CSV):
        if path.is_file():
            return path
    raise RashomonError(
        f"no {SENTENCES_CSV} in {data} or {display_path(ECBPLUS)}: give it with --sentences FILE"
    )


def selected_sentences(path: Path) -> dict[str, set[int]]:
    """Document name ('1_10ecbplus') to the sentence numbers annotated for coreference."""
    chosen: dict[str, set[int]] = defaultdict(set)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                chosen[f"{row['Topic']}_{row['File']}"].add(int(row["Sentence Number"]))
    except (OSError, UnicodeDecodeError, KeyError, TypeError, ValueError) as exc:
        raise RashomonError(
            f"{path}: not an ECB+ sentence list (Topic, File, Sentence Number): {exc!r}"
        ) from exc
    return chosen


def document_files(data: Path, topics: Sequence[str], limit: int | None) -> list[Path]:
    root = data / "ECB+"
    if not root.is_dir():
        raise RashomonError(f"{root}: no such folder (expected the ECB+ layout)")
    files = [p for topic in topics for p in sorted((root / topic).glob(f"{topic}_*.xml"))]
    if not files:
        raise RashomonError(
            f"{root}: no documents for topics {', '.join(topics)} (choose them with --topics)"
        )
    return files[:limit] if limit else files


def read_document(path: Path, selected: set[int]) -> GoldDoc:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise RashomonError(f"{path}: not ECB+ XML: {exc}") from exc
    name = path.stem
    plus = name.endswith("ecbplus")
    words: list[str] = []
    sentences: list[int] = []
    position: dict[str, int] = {}
    for token in root.iter("token"):
        sentence = int(token.get("sentence", "0"))
        if plus and sentence == 0:
            continue  # the URL the text was found at, not part of the report
        position[token.get("t_id", "")] = len(words)
        words.append(token.text or "")
        sentences.append(sentence)
    clusters = _gold_clusters(root, name)
    mentions: list[GoldMention] = []
    markables = root.find("Markables")
    for node in markables if markables is not None else []:
        anchors = [position[a.get("t_id", "")] for a in node.iter("token_anchor")
                   if a.get("t_id", "") in position]  # fmt: skip
        if not node.tag.startswith(("ACTION_", "NEG_ACTION_")) or not anchors:
            continue
        if sentences[anchors[0]] not in selected:
            continue
        key = f"{name}:{node.get('m_id')}"
        mentions.append(
            GoldMention(key, sentences[anchors[0]], tuple(anchors), clusters.get(key, key))
        )
    topic = name.split("_", 1)[0]
    subtopic = f"{topic}/{'ecbplus' if plus else 'ecb'}"
    return GoldDoc(name, topic, subtopic, tuple(words), tuple(sentences), tuple(mentions))


def _gold_clusters(root: ET.Element, name: str) -> dict[str, str]:
    """Mention key to its chain: the cross-document instance id, or the in-document chain."""
    found: dict[str, str] = {}
    relations = root.find("Relations")
    for relation in relations if relations is not None else []:
        if relation.tag == "CROSS_DOC_COREF":
            chain = relation.get("note", "")
        elif relation.tag == "INTRA_DOC_COREF":
            chain = f"{name}:intra:{relation.get('r_id')}"
        else:
            continue
        for source in relation.iter("source"):
            found[f"{name}:{source.get('m_id')}"] = chain
    return found


def gold_hashes(sentences: Path, files: Sequence[Path]) -> tuple[str, dict[str, str]]:
    """sha256 of the sentence list, and one digest over it and every document read."""
    csv_digest = hashlib.sha256(sentences.read_bytes()).hexdigest()
    combined = hashlib.sha256(csv_digest.encode())
    for path in files:
        combined.update(f"{path.name}:{hashlib.sha256(path.read_bytes()).hexdigest()}".encode())
    return combined.hexdigest(), {SENTENCES_CSV: csv_digest}


# -- features --------------------------------------------------------------------------------


def entity_key(span: Span) -> str:
    """A crude stand-in for actor/place resolution: surnames for people, lowercase text else."""
    words = [t.text.lower() for t in span if not t.is_punct and t.lower_ not in ("the", "'s")]
    if not words:
        return ""
    return words[-1] if span.label_ == "PERSON" else " ".join(words)


def entity_keys(spans: Iterable[Span], labels: frozenset[str]) -> frozenset[str]:
    return frozenset(k for s in spans if s.label_ in labels and (k := entity_key(s)))


def salient_keys(spans: Iterable[Span], labels: frozenset[str]) -> frozenset[str]:
    """Keys named at least MIN_MENTIONS times: an article's actors, not every name it drops."""
    counts = Counter(entity_key(s) for s in spans if s.label_ in labels)
    return frozenset(k for k, n in counts.items() if k and n >= MIN_MENTIONS)


def story_features(gold: GoldDoc, doc: Doc) -> StoryFeatures:
    return StoryFeatures(
        article_id=gold.name,
        text=" ".join(gold.words),
        actor_ids=salient_keys(doc.ents, ACTOR_LABELS),
        place_ids=salient_keys(doc.ents, PLACE_LABELS),
    )


def head_lemma(doc: Doc, tokens: Sequence[int]) -> str:
    """The lemma of a mention's head: its first verb, else its first noun, else its last word.

    A head the tagger left unlemmatised with a plural or third-person "s" ("checks", "dies")
    loses it, so it meets the other mentions of its verb.
    """
    span = [doc[i] for i in tokens]
    head = next(
        (t for tags in (("VERB",), ("NOUN", "PROPN")) for t in span if t.pos_ in tags), span[-1]
    )
    lemma = head.lemma_.lower()
    if lemma == head.lower_ and len(lemma) > 3 and lemma.endswith("s") and not lemma.endswith("ss"):
        return lemma[:-1]
    return lemma


def sentence_time(ents: Sequence[Span]) -> str | None:
    """The first year stated in a sentence's DATE entities, as an ISO year."""
    for ent in ents:
        if ent.label_ == "DATE" and (year := _YEAR.search(ent.text)):
            return year.group()
    return None


def event_mentions(gold: GoldDoc, doc: Doc, story: str) -> list[EventMention]:
    """Our mentions for the gold ones: participants are actor names near the trigger."""
    by_sentence: dict[int, list[Span]] = defaultdict(list)
    for ent in doc.ents:
        by_sentence[gold.sentences[ent.start]].append(ent)
    found = []
    for mention in gold.mentions:
        ents = by_sentence.get(mention.sentence, [])
        low, high = min(mention.tokens) - ARGUMENT_WINDOW, max(mention.tokens) + ARGUMENT_WINDOW
        near = [e for e in ents if e.end > low and e.start <= high]
        found.append(
            EventMention(
                mention.key, gold.name, story, head_lemma(doc, mention.tokens),
                arguments=entity_keys(near, ACTOR_LABELS), time=sentence_time(ents),
            )
        )  # fmt: skip
    return found


# -- the two systems -------------------------------------------------------------------------


def shuffled(docs: Sequence[GoldDoc]) -> list[GoldDoc]:
    """A fixed order that mixes topics, as an ingest would."""
    return sorted(docs, key=lambda d: hashlib.sha256(d.name.encode()).hexdigest())


def our_stories(docs: Sequence[GoldDoc], parsed: dict[str, Doc]) -> dict[str, str]:
    index = StoryIndex()
    return {d.name: index.add(story_features(d, parsed[d.name])) for d in shuffled(docs)}


def baseline_stories(
    docs: Sequence[GoldDoc], threshold: float = BASELINE_THRESHOLD
) -> dict[str, str]:
    """Average-link agglomerative clustering of whole-corpus TF-IDF vectors."""
    counts = [term_counts(" ".join(d.words)) for d in docs]
    stats = TermStats()
    for c in counts:
        stats.add(c)
    vectors = [stats.vector(c) for c in counts]
    shared = {t: i for i, t in enumerate(t for t, n in stats.df.items() if n > 1)}
    matrix = np.zeros((len(docs), len(shared)), dtype=np.float32)
    for row, vector in enumerate(vectors):
        for term, weight in vector.items():
            if term in shared:  # a term of one document adds nothing to any cosine
                matrix[row, shared[term]] = weight
    sim = (matrix @ matrix.T).astype(np.float64)
    n = len(docs)
    np.fill_diagonal(sim, -np.inf)
    sizes = np.ones(n)
    alive = np.ones(n, dtype=bool)
    members = [[i] for i in range(n)]
    while n > 1:
        i, j = np.unravel_index(np.argmax(sim), sim.shape)
        if sim[i, j] < threshold:
            break
        merged = (sim[i] * sizes[i] + sim[j] * sizes[j]) / (sizes[i] + sizes[j])  # Lance-Williams
        sim[i], sim[:, i] = merged, merged
        sim[i, i] = -np.inf
        sim[j], sim[:, j] = -np.inf, -np.inf
        sizes[i] += sizes[j]
        alive[j] = False
        members[i] += members[j]
        n -= 1
    return {docs[m].name: f"cluster:{i}" for i in np.flatnonzero(alive) for m in members[i]}


def baseline_events(mentions: Iterable[EventMention]) -> list[list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for mention in mentions:
        groups[mention.lemma].append(mention.mention_id)
    return list(groups.values())


# -- scoring ---------------------------------------------------------------------------------


def clusters_of(assignment: dict[str, str]) -> list[list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for item, label in assignment.items():
        groups[label].append(item)
    return list(groups.values())


def score_stories(docs: Sequence[GoldDoc], assignment: dict[str, str]) -> dict[str, object]:
    response = clusters_of(assignment)
    scores: dict[str, object] = {"clusters": len(response)}
    for level in ("topic", "subtopic"):
        gold = clusters_of({d.name: getattr(d, level) for d in docs})
        scores[level] = {**b_cubed(gold, response), "ari": adjusted_rand(gold, response)}
    return scores


def score_events(docs: Sequence[GoldDoc], response: list[list[str]]) -> dict[str, object]:
    gold = clusters_of({m.key: m.cluster for d in docs for m in d.mentions})
    return {"clusters": len(response), **conll(gold, response)}


# -- run -------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ECBPLUS, metavar="PATH",
                        help=f"an ECB+ folder (default {display_path(ECBPLUS)})")  # fmt: skip
    parser.add_argument("--sentences", type=Path, metavar="FILE",
                        help=f"the coreference sentence list (default: {SENTENCES_CSV} in "
                        f"--data, else in {display_path(ECBPLUS)})")  # fmt: skip
    parser.add_argument("--topics", default="1-35", help="topics to read, e.g. 1-35 or 1,3,5-7")
    parser.add_argument("--limit-docs", type=int, default=None, metavar="N",
                        help="read only the first N documents (by topic, then name)")  # fmt: skip
    parser.add_argument("--model", help="spaCy pipeline (default: RASHOMON_MODEL or the default)")
    parser.add_argument("--json", action="store_true", help="print only the JSON object (no table)")
    args = parser.parse_args(argv)
    if args.limit_docs is not None and args.limit_docs < 1:
        parser.error("--limit-docs must be at least 1")
    return args


def measure(args: argparse.Namespace) -> dict[str, object]:
    began = time.perf_counter()
    sentences = sentences_file(args.data, args.sentences)
    selected = selected_sentences(sentences)
    files = document_files(args.data, topic_list(args.topics), args.limit_docs)
    docs = [read_document(p, selected.get(p.stem, set())) for p in files]
    data_sha256, gold_files = gold_hashes(sentences, files)
    settings = Settings.from_env().with_overrides(model=args.model)
    nlp = load_pipeline(settings.model)
    read_s = time.perf_counter() - began
    parsed = {
        d.name: doc
        for d, doc in zip(
            docs,
            nlp.pipe((Doc(nlp.vocab, words=list(d.words)) for d in docs),
                     batch_size=BATCH_SIZE, disable=["parser"]),
            strict=True,
        )
    }  # fmt: skip
    parse_s = time.perf_counter() - began - read_s

    began = time.perf_counter()
    ours = our_stories(docs, parsed)
    ours_s = time.perf_counter() - began
    began = time.perf_counter()
    baseline = baseline_stories(docs)
    baseline_s = time.perf_counter() - began

    mentions = [m for d in docs for m in event_mentions(d, parsed[d.name], ours[d.name])]
    began = time.perf_counter()
    our_events = cluster_mentions(mentions)
    events_s = time.perf_counter() - began
    gold_events = {m.cluster for d in docs for m in d.mentions}
    return {
        "benchmark": "stories_ecb",
        "data": display_path(args.data),
        "data_sha256": data_sha256,
        "gold_files": gold_files,
        "topics": sorted({d.topic for d in docs}, key=int),
        "documents": len(docs),
        "gold_topics": len({d.topic for d in docs}),
        "gold_subtopics": len({d.subtopic for d in docs}),
        "event_mentions": len(mentions),
        "gold_event_clusters": len(gold_events),
        "model": settings.model,
        "versions": package_versions("spacy", "numpy"),
        "ours": {
            "stories": {**score_stories(docs, ours), "seconds": ours_s},
            "events": {**score_events(docs, our_events), "seconds": events_s},
        },
        "baseline": {
            "stories": {**score_stories(docs, baseline), "seconds": baseline_s},
            "events": score_events(docs, baseline_events(mentions)),
        },
        "baseline_threshold": BASELINE_THRESHOLD,
        "seconds": {"read": read_s, "parse": parse_s},
    }


def show(result: dict) -> None:
    print_facts(
        {
            "data": f"{result['data']} (sha256 {str(result['data_sha256'])[:12]}…)",
            "documents": result["documents"],
            "gold topics / subtopics": f"{result['gold_topics']} / {result['gold_subtopics']}",
            "event mentions / gold clusters": (
                f"{result['event_mentions']} / {result['gold_event_clusters']}"
            ),
            "model": result["model"],
            "parse seconds": result["seconds"]["parse"],
        }
    )
    print()
    systems = (("rashomon", "ours"), ("tf-idf avg-link", "baseline"))
    rows = []
    for name, side in systems:
        stories = result[side]["stories"]
        for level in ("subtopic", "topic"):
            rows.append({"system": name, "gold": level, "clusters": stories["clusters"],
                         "p": stories[level]["precision"], "r": stories[level]["recall"],
                         "f1": stories[level]["f1"], "ari": stories[level]["ari"]})  # fmt: skip
    print("(a) document clustering: B-cubed and adjusted Rand index")
    print_table(rows, ["system", "gold", "clusters", Column("p", "B3 P", ".3f"),
                       Column("r", "B3 R", ".3f"), Column("f1", "B3 F1", ".3f"),
                       Column("ari", "ARI", ".3f")])  # fmt: skip
    print()
    rows = []
    for name, side in (("rashomon", "ours"), ("same lemma", "baseline")):
        events = result[side]["events"]
        rows.append({"system": name, "clusters": events["clusters"],
                     "muc": events["muc"]["f1"], "b3": events["b_cubed"]["f1"],
                     "ceaf": events["ceaf_e"]["f1"], "conll": events["conll_f1"]})  # fmt: skip
    print("(b) cross-document event coreference (gold mentions): F1")
    print_table(rows, ["system", "clusters", Column("muc", "MUC", ".3f"),
                       Column("b3", "B3", ".3f"), Column("ceaf", "CEAF-e", ".3f"),
                       Column("conll", "CoNLL", ".3f")])  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    return run_main("stories_ecb", argv, parse_args, measure, lambda result, args: show(result))


if __name__ == "__main__":
    sys.exit(main())
