"""Array stand-ins for two rule components of the English pipelines. spaCy's attribute ruler
runs a Matcher of some 180 patterns (tag map, morph rules; a few with regular expressions
or sets, which it tests in Python at every token) and sets each match's attributes in
Python; its rule lemmatizer walks the Doc token by token and, for each new word, scans
index lists of up to 57,000 words. Together they took 15-20% of the parse (CPU seconds,
FA-KES dev; bench/README.md). The stand-ins read the Doc as arrays, decide once per
distinct combination of the values the rules look at, and write back with
`Doc.from_array`: the same attributes, value for value (tests/test_nlp.py compares them
with the stock components). What they do not cover exactly (patterns with operators,
extension attributes, another lemmatizer class or mode) stays with spaCy's own code.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.lookups import Lookups, Table
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.strings import get_string_id
from spacy.tokens import Doc

FAST_RULER = "rashomon_array_attribute_ruler"
FAST_LEMMATIZER = "rashomon_array_rule_lemmatizer"
# What a pattern's token may test (the Matcher reads these as `Doc.to_array` does) and what
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
    """spaCy's `AttributeRuler`, its patterns evaluated on arrays where they can be exactly.

    Covered: patterns of fixed length (no `OP`) whose tokens test `TAG`, `LOWER`, `DEP`,
    `ORTH` or `IS_SPACE` for a value, `IN`, `NOT_IN` or `REGEX`, with rules that set `TAG`,
    `POS`, `MORPH`, `LEMMA` or `DEP`. The stock ruler matches every pattern first, then
    applies the matches in pattern order, so a later pattern's value wins. Here each token's
    tested values are reduced to codes (a value no pattern names is one code), every
    distinct row of codes is evaluated once against every token test, and the one-token
    rules that hit a row, in order, give its final values, written for the whole Doc at
    once. Longer patterns are matched by shifting the per-token results; the tokens they
    set (few) get every match, one-token ones included, re-applied in the stock order by the
    stock ruler's own `set_annotations`, as do the tokens hit by patterns left to a Matcher
    (everything not covered above), which runs before anything is written."""

    def bind(self, stock: Any) -> None:
        super().bind(stock)
        self._built_for: tuple[Matcher, int] | None = None

    def __call__(self, doc: Doc) -> Doc:
        stock = self.stock
        if not self.active:
            return stock(doc)  # type: ignore[no-any-return]
        error_handler = stock.get_error_handler()
        try:
            if len(doc):
                self._annotate(doc)
            return doc
        except Exception as exc:
            return error_handler(stock.name, stock, [doc], exc)  # type: ignore[no-any-return]

    def _build(self) -> None:
        """Split the stock ruler's patterns into ours and the rest (again if it changed)."""
        stock = self.stock
        self._built_for = (stock.matcher, len(stock.attrs))
        self._rest = Matcher(stock.vocab, validate=stock.validate)
        self._keys = [stock.vocab.strings.add(str(i)) for i in range(len(stock.attrs))]
        specs: dict[tuple[tuple[int, str, Any], ...], int] = {}
        rules = []  # (attr_id, index, [spec ids per pattern])
        for attr_id, attrs in enumerate(stock.attrs):
            _on_match, patterns = stock.matcher.get(str(attr_id))
            read = _read_patterns(patterns, stock.indices[attr_id], attrs, stock.vocab)
            if read is None:
                self._rest.add(str(attr_id), patterns)
                continue
            ids = [tuple(specs.setdefault(spec, len(specs)) for spec in p) for p in read]
            rules.append((attr_id, stock.indices[attr_id], ids))
        self._specs = list(specs)
        tests = [test for spec in self._specs for test in spec]
        self._plain = sorted({attr for attr, op, _ in tests if op != "REGEX"})
        self._regexes = sorted({(attr, value) for attr, op, value in tests if op == "REGEX"})
        self._read = sorted({*self._plain, *(attr for attr, _ in self._regexes)})
        named: dict[int, set[int]] = {attr: set() for attr in self._plain}
        for attr, op, value in tests:
            if op != "REGEX":
                named[attr].update(value if isinstance(value, frozenset) else (value,))
        self._named = [numpy.array(sorted(named[a]), dtype=numpy.uint64) for a in self._plain]
        self._codes = [{v: at + 1 for at, v in enumerate(sorted(named[a]))} for a in self._plain]
        self._regex_memo: list[dict[int, bool]] = [{} for _ in self._regexes]
        self._compiled = [re.compile(value) for _, value in self._regexes]
        # a row of codes packed into one integer: each column's codes, 0 for any other value
        self._radix = [len(n) + 1 for n in self._named] + [2] * len(self._regexes)
        if math.prod(self._radix) >= 2**62:  # rows would not fit one integer: all to Matcher
            self._rest = Matcher(stock.vocab, validate=stock.validate)
            for attr_id in range(len(stock.attrs)):
                self._rest.add(str(attr_id), stock.matcher.get(str(attr_id))[1])
            self._specs, rules = [], []
        self._one = [(a, ids) for a, _, ids in rules if all(len(p) == 1 for p in ids)]
        self._span = [(a, index, ids) for a, index, ids in rules if (a, ids) not in self._one]
        self._set = [a for a in _SET if any(a in stock.attrs[r[0]] for r in rules)]
        self._rows: dict[int, int] = {}
        self._hits: list[tuple[int, ...]] = []  # per row: the one-token rules hitting it
        self._passes: list[list[bool]] = []  # per row: which token tests it passes
        self._arrays: tuple[int, numpy.ndarray, ...] | None = None

    def _row(self, packed: int) -> int:
        """Evaluate one distinct row of codes against every token test and rule."""
        codes, rest = [], packed
        for radix in self._radix:
            rest, code = divmod(rest, radix)
            codes.append(code)
        column = {attr: at for at, attr in enumerate(self._plain)}
        regex = {key: len(self._plain) + at for at, key in enumerate(self._regexes)}

        def passes(attr: int, op: str, value: Any) -> bool:
            if op == "REGEX":
                return codes[regex[attr, value]] == 1
            at = column[attr]
            if op == "==":
                return codes[at] == self._codes[at][value]
            inside = codes[at] in {self._codes[at][v] for v in value}
            return inside == (op == "IN")

        passed = [all(passes(*test) for test in spec) for spec in self._specs]
        self._passes.append(passed)
        self._hits.append(tuple(a for a, ids in self._one if any(passed[p[0]] for p in ids)))
        self._rows[packed] = len(self._hits) - 1
        return self._rows[packed]

    def _tables(self) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]:
        """Per row: whether each set attribute is set, its final value, and the token tests
        passed; extended by the rows added since (a row never changes once evaluated)."""
        done = 0 if self._arrays is None else self._arrays[0]
        if done != len(self._hits):
            added = len(self._hits) - done
            sets = numpy.zeros((added, len(self._set)), dtype=bool)
            values = numpy.zeros((added, len(self._set)), dtype=numpy.uint64)
            for row, hits in enumerate(self._hits[done:]):
                final: dict[int, int] = {}
                for attr_id in hits:
                    final.update(self.stock.attrs[attr_id])
                for at, attr in enumerate(self._set):
                    if attr in final:
                        sets[row, at], values[row, at] = True, final[attr]
            passes = numpy.array(self._passes[done:], dtype=bool).reshape(added, -1)
            if self._arrays is not None:
                _, *before = self._arrays
                sets, values, passes = (
                    numpy.concatenate((old, new))
                    for old, new in zip(before, (sets, values, passes), strict=True)
                )
            self._arrays = (len(self._hits), sets, values, passes)
        return self._arrays[1:]  # type: ignore[return-value]

    def _row_index(self, doc: Doc) -> numpy.ndarray:
        """Each token's row: its tested values as codes, packed, looked up once per value."""
        read = doc.to_array(self._read)
        if read.ndim == 1:
            read = read.reshape(-1, 1)
        packed = numpy.zeros(len(doc), dtype=numpy.int64)
        scale = 1
        at_read = {attr: at for at, attr in enumerate(self._read)}
        for at, named in enumerate(self._named):
            values = read[:, at_read[self._plain[at]]]
            code = numpy.zeros(len(doc), dtype=numpy.int64)
            if len(named):
                where = numpy.minimum(numpy.searchsorted(named, values), len(named) - 1)
                code = numpy.where(named[where] == values, where + 1, 0)
            packed += code * scale
            scale *= self._radix[at]
        strings = doc.vocab.strings
        for at, (attr, _) in enumerate(self._regexes):
            unique, inverse = numpy.unique(read[:, at_read[attr]], return_inverse=True)
            memo, pattern = self._regex_memo[at], self._compiled[at]
            flags = []
            for value in unique.tolist():
                if value not in memo:
                    memo[value] = bool(pattern.search(strings[value]))
                flags.append(memo[value])
            packed += numpy.array(flags, dtype=numpy.int64)[inverse.reshape(-1)] * scale
            scale *= 2
        unique, inverse = numpy.unique(packed, return_inverse=True)
        rows = self._rows
        found = [rows[key] if key in rows else self._row(key) for key in unique.tolist()]
        return numpy.array(found, dtype=numpy.intp)[inverse.reshape(-1)]

    def _annotate(self, doc: Doc) -> None:
        stock = self.stock
        built = self._built_for
        if built is None or built[0] is not stock.matcher or built[1] != len(stock.attrs):
            self._build()
        # all matching before any writing, as the stock ruler does
        rest = self._rest(doc, allow_missing=True, as_spans=False) if len(self._rest) else []
        matches = _ordered(stock, rest)
        if not self._specs:
            stock.set_annotations(doc, matches)
            return
        index = self._row_index(doc)
        sets, values, passes = self._tables()
        passed = passes[index]
        n = len(doc)
        for attr_id, _index, ids in self._span:
            key = self._keys[attr_id]
            for pattern in ids:
                if len(pattern) > n:
                    continue
                hit = passed[: n - len(pattern) + 1, pattern[0]].copy()
                for offset, spec in enumerate(pattern[1:], 1):
                    hit &= passed[offset : n - len(pattern) + 1 + offset, spec]
                for start in numpy.flatnonzero(hit).tolist():
                    matches.append((attr_id, key, start, start + len(pattern)))
        if self._set:
            current = doc.to_array(self._set)
            if current.ndim == 1:
                current = current.reshape(-1, 1)
            doc.from_array(self._set, numpy.where(sets[index], values[index], current))
        if matches:
            hit_tokens = {_target(stock, start, end, attr_id) for attr_id, _, start, end in matches}
            for i in sorted(hit_tokens - {None}):
                matches.extend((a, self._keys[a], i, i + 1) for a in self._hits[index[i]])
            matches.sort()
            stock.set_annotations(doc, matches)


def _read_patterns(
    patterns: list[list[dict[Any, Any]]], index: int, attrs: dict[Any, Any], vocab: Any
) -> list[tuple[tuple[tuple[int, str, Any], ...], ...]] | None:
    """A rule's patterns as token tests (attribute, "==" | "IN" | "NOT_IN" | "REGEX",
    value), read as the Matcher reads them; None for a rule not covered exactly."""
    if not patterns or not attrs or any(a not in _SET for a in attrs):
        return None  # (an extension attribute's key is "_", not one of _SET)
    read = []
    for pattern in patterns:
        if not pattern or not -len(pattern) <= index < len(pattern):
            return None  # the stock ruler raises for an index outside the match
        specs = [_read_token(spec, vocab) for spec in pattern]
        if any(spec is None for spec in specs):
            return None
        read.append(tuple(specs))
    return read  # type: ignore[return-value]


def _read_token(spec: Any, vocab: Any) -> tuple[tuple[int, str, Any], ...] | None:
    if not isinstance(spec, dict) or not spec:
        return None
    tests = []
    for key, value in spec.items():
        attr = _TESTED.get(key.upper()) if isinstance(key, str) else None
        if attr is None:  # OP, extension attributes and everything else
            return None
        if isinstance(value, str):
            tests.append((attr, "==", vocab.strings.add(value)))
        elif isinstance(value, bool):
            tests.append((attr, "==", int(value)))
        elif isinstance(value, dict) and value:
            for op, wanted in value.items():
                if op == "REGEX" and isinstance(wanted, str):
                    tests.append((attr, op, wanted))
                elif op in ("IN", "NOT_IN") and isinstance(wanted, list | tuple):
                    if not all(isinstance(item, str) for item in wanted):
                        return None
                    tests.append((attr, op, frozenset(get_string_id(w) for w in wanted)))
                else:
                    return None
        else:
            return None
    return tuple(tests)


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
    attribute ruler) are kept unless the lemmatizer overwrites.

    A new combination is lemmatized by a second instance of the stock class whose
    `lemma_index` lists (up to 57,000 English nouns, scanned once per suffix rule by
    `form in index`) are sets: the same answer, 200 µs sooner for each new word on a cold
    start. The stock component itself is left untouched."""

    def bind(self, stock: Any) -> None:
        super().bind(stock)
        self._lemmas: dict[tuple[int, int, int], int] = {}
        self._answers: Any = None
        self._answers_for: Any = None

    def _answerer(self) -> Any:
        """The stock lemmatizer's twin with set-valued index tables (rebuilt when the stock
        one is given other lookups)."""
        stock = self.stock
        if self._answers is None or self._answers_for is not stock.lookups:
            twin = type(stock)(
                stock.vocab, stock.model, stock.name, mode=stock.mode, overwrite=stock.overwrite
            )
            lookups = Lookups()
            for name in stock.lookups.tables:
                table = stock.lookups.get_table(name)
                if name == "lemma_index":
                    table = Table(name, {k: _as_set(v) for k, v in table.items()})
                lookups.set_table(name, table)
            twin.lookups = lookups
            self._answers, self._answers_for = twin, stock.lookups
        return self._answers

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
        answerer = self._answerer()
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        out = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not stock.overwrite:
                out.append(lemma)
                continue
            key = (orth, pos, morph)
            found = lemmas.get(key)
            if found is None:
                found = strings.add(answerer.lemmatize(doc[i])[0])
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


def _as_set(value: Any) -> Any:
    """A list of words as a set: `word in` answers the same for strings."""
    if isinstance(value, list | tuple) and all(isinstance(item, str) for item in value):
        return frozenset(value)
    return value


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
