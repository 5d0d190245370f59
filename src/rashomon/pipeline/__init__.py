"""The jobs: inputs -> articles -> store, then parse, extract and place what is pending.

Failures are per input, per record or per article: each is reported as it happens and the
batch goes on. Everything is committed as it is done (articles one by one, parses and
findings one by one, story placement in short batches), so an interrupted run keeps its
work and a re-run finishes the rest. Two processes may run on one database at once: each
claims the articles it parses or extracts (`store.claims`), so no work is done twice, and
a process that finds the rest claimed says so and stops.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from tqdm import tqdm

from rashomon.article.build import UserMetadata, build_article
from rashomon.article.outlets import OutletDirectory
from rashomon.entities import STAGE as ENTITIES
from rashomon.entities import EntityExtractor
from rashomon.errors import InputError, InputSkipped
from rashomon.ingest.records import FieldMap
from rashomon.ingest.sources import database_files, expand_inputs, read_input
from rashomon.model import Article
from rashomon.nlp import doc_to_bytes, load_docs, load_pipeline, model_key, parse
from rashomon.pipeline.placement import name_spans_of, place_pending
from rashomon.reconcile.duplicates import Fingerprint, match_copies
from rashomon.settings import Settings
from rashomon.store import Store
from rashomon.store.claims import Claims
from rashomon.store.entities import articles_needing, save_entities
from rashomon.store.stories import pending_articles

PARSE = "parse"
# Metadata a user may correct on re-ingest, and the stages that read it.
_CORRECTABLE = ("outlet", "published", "url")
_READ_BY_EXTRACTION = ("outlet", "published")


class Outcome(StrEnum):
    ADDED = "added"
    COPY = "copy"  # added, and recorded as a copy of an earlier article
    UNCHANGED = "unchanged"  # already stored: re-ingesting is a no-op
    UPDATED = "updated"  # already stored; metadata given on the command line changed it


@dataclass(frozen=True)
class Change:
    """One corrected metadata field of a stored article."""

    article_id: str
    source: str
    field: str
    old: str | None
    new: str | None


@dataclass
class IngestResult:
    outcomes: dict[Outcome, list[str]] = field(default_factory=lambda: {o: [] for o in Outcome})
    failures: list[InputError] = field(default_factory=list)
    skipped: list[InputSkipped] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    parsed: int = 0
    extracted: int = 0
    placed: int = 0  # articles placed into stories
    left_to_others: int = 0  # articles another running ingest had claimed

    @property
    def ok(self) -> bool:
        return not self.failures

    def summary(self) -> str:
        counts = ", ".join(f"{len(ids)} {outcome.value}" for outcome, ids in self.outcomes.items())
        skipped = f", {len(self.skipped)} skipped" if self.skipped else ""
        others = (
            f", {self.left_to_others} left to another running ingest" if self.left_to_others else ""
        )
        return (
            f"{counts}, {len(self.failures)} failed{skipped}, {self.parsed} parsed, "
            f"{self.extracted} extracted, {self.placed} placed in stories{others}"
        )


@dataclass(frozen=True)
class IngestOptions:
    field_map: FieldMap = field(default_factory=lambda: FieldMap({}))
    user: UserMetadata = field(default_factory=UserMetadata)
    input_format: str | None = None
    parse: bool = True  # parse and extract who/where/when; False stores articles only
    actor_files: tuple[Path, ...] = ()
    event_files: tuple[Path, ...] = ()


class Progress:
    """Bars with totals and one line per stage on stderr, when a person is watching."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def stage(self, text: str) -> None:
        if self.enabled:
            tqdm.write(f"rashomon: {text}", file=sys.stderr)

    def bar(self, desc: str, total: int | None = None) -> tqdm:  # type: ignore[type-arg]
        return tqdm(
            desc=desc, total=total, unit=" article", disable=not self.enabled, leave=False,
            file=sys.stderr,
        )  # fmt: skip


def store_article(
    store: Store, article: Article, user: UserMetadata | None = None
) -> tuple[Outcome, list[Change]]:
    """Add one article unless present, recording it as a copy when it reprints another.

    An article already stored takes the metadata given on the command line (`user`): a new
    date, URL or outlet is written, recorded as a change, and the extraction that reads it
    runs again. Text that is stored from this very input under a detected outlet is the
    same article even when the outlet given now changes its id."""
    user = user or UserMetadata()
    given = [name for name in _CORRECTABLE if getattr(user, name) is not None]
    target = article.id if store.has_article(article.id) else None
    if target is None and (user.outlet or user.url):
        same = [
            s for s in store.same_input(article.source, article.content_hash)
            if s.outlet_found_in != "user" or s.outlet == article.outlet
        ]  # fmt: skip
        target = same[0].id if same else None
    if target is not None:
        fields = given + (["outlet"] if user.url and "outlet" not in given else [])
        changed = store.update_metadata(
            target,
            article,
            fields,
            stale=[ENTITIES] if set(fields) & set(_READ_BY_EXTRACTION) else [],
        )
        changes = [Change(target, article.source, *c) for c in changed]
        return (Outcome.UPDATED if changes else Outcome.UNCHANGED), changes
    fingerprint = Fingerprint.of(article.title, article.body, article.content_hash)
    match = match_copies(store, article.body, fingerprint)
    if not store.insert_article(article, fingerprint, match.original, match.similarity):
        return Outcome.UNCHANGED, []  # another process stored it a moment ago
    if match.adopts:  # a fuller text after its excerpt: it becomes the group's original
        store.adopt_copies(match.adopts, article.id, match.similarity)
    return (Outcome.COPY if match.original else Outcome.ADDED), []


def ingest(
    inputs: Sequence[str],
    store: Store,
    settings: Settings,
    options: IngestOptions,
    directory: OutletDirectory,
    on_error: Callable[[InputError], None],
    show_progress: bool | None = None,
) -> IngestResult:
    """Ingest every input into `store`, then parse, extract and place what is pending."""
    progress = Progress(sys.stderr.isatty() if show_progress is None else show_progress)
    result = IngestResult()

    def fail(error: InputError) -> None:
        (result.skipped if isinstance(error, InputSkipped) else result.failures).append(error)
        on_error(error)

    progress.stage("reading inputs")
    with progress.bar("read") as bar:
        for item in expand_inputs(inputs, options.input_format, database_files(store.path)):
            if isinstance(item, InputError):
                fail(item)
                continue
            found = read_input(item, options.field_map, options.user.url, settings.max_chars)
            for raw in found:
                if isinstance(raw, InputError):
                    fail(raw)
                    continue
                try:
                    article = build_article(raw, directory, options.user)
                except InputError as error:
                    fail(error)
                    continue
                outcome, changes = store_article(store, article, options.user)
                result.outcomes[outcome].append(article.id)
                result.changes += changes
                bar.update(1)
    if options.parse:
        process_pending(store, settings, options, on_error, progress, result)
    return result


def process_pending(
    store: Store,
    settings: Settings,
    options: IngestOptions,
    on_error: Callable[[InputError], None],
    progress: Progress,
    result: IngestResult,
) -> None:
    """Parse, extract and place every stored article that needs it (the `parse` command and
    the second half of `ingest`); counts go into `result`."""

    def fail(error: InputError) -> None:
        result.failures.append(error)
        on_error(error)

    progress.stage(f"loading spaCy model {settings.model}")
    nlp = load_pipeline(settings.model)
    claims = Claims(store)
    try:
        result.parsed, left = parse_pending(store, nlp, settings, claims, fail, progress)
        progress.stage("loading actor dictionary, gazetteer and lexicons")
        extractor = EntityExtractor.build(nlp, options.actor_files, options.event_files)
        result.extracted, left_extracting = extract_pending(
            store, extractor, settings, claims, fail, progress
        )
        result.left_to_others = max(left, left_extracting)
        waiting = len(pending_articles(store))
        progress.stage(f"placing {waiting} articles in incidents and stories")
        with progress.bar("place", waiting) as bar:
            spans = name_spans_of(extractor.dictionary)
            result.placed = place_pending(
                store, on_done=lambda _id: bar.update(1), name_spans=spans
            ).placed
    finally:
        claims.release_all()


def parse_pending(
    store: Store,
    nlp: Language,
    settings: Settings,
    claims: Claims,
    on_error: Callable[[InputError], None],
    progress: Progress,
) -> tuple[int, int]:
    """Parse every stored article with no cached Doc for this model that no other process is
    parsing; returns (parsed, left to other processes)."""
    key = model_key(nlp)
    pending = store.unparsed_ids(key)
    progress.stage(f"parsing {len(pending)} articles")
    parsed = 0
    with progress.bar("parse", len(pending)) as bar:
        for mine in _claimed(claims, PARSE, lambda: store.unparsed_ids(key), settings):
            for article_id, doc in _parsed(nlp, store.bodies(mine), settings, store, on_error):
                store.save_doc(article_id, key, doc_to_bytes(doc))
                parsed += 1
                bar.update(1)
    return parsed, len(claims.held_by_others(PARSE) & set(store.unparsed_ids(key)))


def _claimed(
    claims: Claims, stage: str, pending: Callable[[], list[str]], settings: Settings
) -> Iterator[list[str]]:
    """Batches of pending articles claimed for `stage`, until none is left that another
    process does not hold; each batch is let go when the caller is done with it. An article
    is tried once per run, so one that fails is not claimed again and again."""
    tried: set[str] = set()
    while True:
        mine = claims.claim(stage, [a for a in pending() if a not in tried], _claim_size(settings))
        if not mine:
            return
        tried.update(mine)
        yield mine
        claims.release(stage, mine)


def _parsed(
    nlp: Language,
    items: list[tuple[str, str]],
    settings: Settings,
    store: Store,
    on_error: Callable[[InputError], None],
) -> Iterator[tuple[str, Doc]]:
    """Parsed Docs of a batch; when the batch fails, article by article, so that the one
    that fails is named and the others are parsed."""
    done: set[str] = set()
    try:
        for article_id, doc in parse(nlp, items, settings):
            done.add(article_id)
            yield article_id, doc
        return
    except Exception:  # noqa: BLE001 - a spaCy failure on one text must not stop the batch
        pass
    for article_id, text in items:
        if article_id in done:
            continue
        try:
            yield from parse(nlp, [(article_id, text)], settings)
        except Exception as exc:  # noqa: BLE001 - named on stderr, the batch goes on
            on_error(InputError(_source(store, article_id), f"cannot be parsed ({_what(exc)})"))


def extract_pending(
    store: Store,
    extractor: EntityExtractor,
    settings: Settings,
    claims: Claims,
    on_error: Callable[[InputError], None],
    progress: Progress,
) -> tuple[int, int]:
    """Run the extraction stage on every parsed article without current findings that no
    other process is working on; returns (extracted, left to other processes)."""
    key = model_key(extractor.nlp)

    def pending() -> list[str]:
        return articles_needing(store, ENTITIES, extractor.version, parsed_with=key)

    total = len(pending())
    progress.stage(f"extracting actors, places, dates, quotes, numbers and events "
                   f"from {total} articles")  # fmt: skip
    extracted = 0
    with progress.bar("extract", total) as bar:
        for mine in _claimed(claims, ENTITIES, pending, settings):
            docs = load_docs(store, extractor.nlp, mine, settings)
            for article_id in mine:
                article, _ = store.get_article(article_id)
                try:
                    found = extractor.extract(
                        article_id, docs[article_id], article.published, article.captions
                    )
                except Exception as exc:  # noqa: BLE001 - named on stderr, the batch goes on
                    on_error(InputError(article.source, f"extraction failed ({_what(exc)})"))
                    continue
                save_entities(store, found)
                extracted += 1
                bar.update(1)
    left = claims.held_by_others(ENTITIES) & set(
        articles_needing(store, ENTITIES, extractor.version)
    )
    return extracted, len(left)


def _claim_size(settings: Settings) -> int:
    return max(settings.batch_size, 8)


def _source(store: Store, article_id: str) -> str:
    return store.get_article(article_id)[1].source


def _what(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text[:200]}" if text else type(exc).__name__
