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
from functools import lru_cache
from itertools import islice
from pathlib import Path

from tqdm import tqdm

from rashomon.article.build import UserMetadata, build_article
from rashomon.article.duplicates import match_copies
from rashomon.article.outlets import OutletDirectory
from rashomon.entities import STAGE as ENTITIES
from rashomon.errors import InputError, InputSkipped
from rashomon.extract.actor_dictionary import ActorDictionary
from rashomon.facts import NameSpan
from rashomon.fingerprints import Fingerprint
from rashomon.ingest.records import FieldMap
from rashomon.ingest.sources import database_files, expand_inputs, read_input
from rashomon.model import Article
from rashomon.nlp import PIPE_CHARS
from rashomon.pipeline.placement import name_spans_of, place_pending
from rashomon.pipeline.runners import POOL_BATCH, Runner, runner_for
from rashomon.pipeline.work import Identity, WorkerSpec
from rashomon.settings import Settings
from rashomon.store import Store
from rashomon.store.claims import Claims
from rashomon.store.entities import articles_needing
from rashomon.store.jobs import ArticleWork, save_work, still_needing, work_for
from rashomon.store.stories import pending_articles

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

    def bar(self, desc: str, total: int, unit: str = " article") -> tqdm:  # type: ignore[type-arg]
        return tqdm(
            desc=desc, total=total, unit=unit, disable=not self.enabled, leave=False,
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

    arriving = _store_inputs(inputs, store, settings, options, directory, fail, result, progress)
    if options.parse:
        process_pending(store, settings, options, on_error, progress, result, arriving)
    else:
        for _ in arriving:
            pass
    return result


def _store_inputs(
    inputs: Sequence[str],
    store: Store,
    settings: Settings,
    options: IngestOptions,
    directory: OutletDirectory,
    fail: Callable[[InputError], None],
    result: IngestResult,
    progress: Progress,
) -> Iterator[str]:
    """Read, clean and store every input, one article at a time, yielding each stored
    article's id as it is committed (so workers can start on it while the rest is read)."""
    found = list(expand_inputs(inputs, options.input_format, database_files(store.path)))
    files = [item for item in found if not isinstance(item, InputError)]
    progress.stage(f"reading {len(files)} inputs")
    with progress.bar("read", len(files), " input") as bar:
        for item in found:
            if isinstance(item, InputError):
                fail(item)
                continue
            for raw in read_input(item, options.field_map, options.user.url, settings.max_chars):
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
                yield article.id


def process_pending(
    store: Store,
    settings: Settings,
    options: IngestOptions,
    on_error: Callable[[InputError], None],
    progress: Progress,
    result: IngestResult,
    arriving: Iterator[str] | None = None,
) -> None:
    """Parse, extract and place every stored article that needs it (the `parse` command and
    the second half of `ingest`); counts go into `result`. `arriving` yields the ids of
    articles as `ingest` stores them: with workers they start on the first ones while the
    rest is read; this process alone reads everything first.

    The per-article job (`work.py`) runs where the settings say (`runners.py`): in this
    process, in `settings.processes` worker processes, or on a Dask cluster; this process
    is the one writer, committing each article's results as they come back, in order.
    Then the cross-article stage places what was extracted, in its own fixed order."""

    def fail(error: InputError) -> None:
        result.failures.append(error)
        on_error(error)

    spec = WorkerSpec(
        settings.model,
        settings.batch_size,
        tuple(str(Path(p).resolve()) for p in options.actor_files),
        tuple(str(Path(p).resolve()) for p in options.event_files),
    )
    alone = settings.dask is None and settings.processes == 1
    if arriving is not None and alone:
        for _ in arriving:  # nothing to overlap with: read everything first
            pass
        arriving = None
    progress.stage(f"loading spaCy model {settings.model}")
    runner = runner_for(spec, settings.processes, settings.dask)
    identity = runner.identity()
    claims = Claims(store)
    try:
        result.parsed, result.extracted, result.left_to_others = run_pending(
            store, runner, identity, claims, settings, fail, progress, arriving
        )
        waiting = len(pending_articles(store))
        progress.stage(f"placing {waiting} articles in incidents and stories")
        with progress.bar("place", waiting) as bar:
            spans = _name_spans(spec.actor_files)
            result.placed = place_pending(
                store, on_done=lambda _id: bar.update(1), name_spans=spans
            ).placed
    finally:
        claims.release_all()


def run_pending(
    store: Store,
    runner: Runner,
    identity: Identity,
    claims: Claims,
    settings: Settings,
    on_error: Callable[[InputError], None],
    progress: Progress,
    arriving: Iterator[str] | None = None,
) -> tuple[int, int, int]:
    """Run the per-article job on every article without current findings that no other
    process is working on, and write what comes back; returns (parsed, extracted, left to
    other processes). Articles are claimed batch by batch as they are handed out (those
    already stored first, then those `arriving`), and let go once their results are
    written."""
    key, version = identity.model_key, identity.version
    pending = articles_needing(store, ENTITIES, version)
    total: int | None = len(pending)
    if arriving is None:
        unparsed = len(set(pending) & set(store.unparsed_ids(key)))
        progress.stage(f"parsing {unparsed} articles")
        progress.stage(f"extracting actors, places, dates, quotes, numbers and events from "
                       f"{len(pending)} articles, {runner.describe()}")  # fmt: skip
        # batches small enough that every worker gets some, even of a short list
        size = max(1, min(settings.batch_size, -(-len(pending) // (2 * runner.workers))))
    else:
        progress.stage(f"parsing and extracting actors, places, dates, quotes, numbers and "
                       f"events as articles are stored, {runner.describe()}")  # fmt: skip
        size, total = settings.batch_size, None
    if runner.workers > 1:
        size = min(size, POOL_BATCH)
    parsed = extracted = 0
    batches = _batches(store, claims, pending, version, key, size, arriving)
    with progress.bar("parse and extract", total) as bar:
        for batch, outcomes in runner.run(batches):
            for done in outcomes:
                if (done.identity.model_key, done.identity.version) != (key, version):
                    on_error(InputError(done.source, _mismatch(done.identity, identity)))
                    continue
                save_work(store, done.article_id, key, done.doc, done.found)
                parsed += done.doc is not None
                extracted += done.found is not None
                if done.problem:
                    on_error(InputError(done.source, done.problem))
                bar.update(1)
            claims.release(ENTITIES, [w.article_id for w in batch])
    left = claims.held_by_others(ENTITIES) & set(articles_needing(store, ENTITIES, version))
    return parsed, extracted, len(left)


def _batches(
    store: Store,
    claims: Claims,
    pending: list[str],
    version: str,
    key: str,
    size: int,
    arriving: Iterator[str] | None = None,
) -> Iterator[list[ArticleWork]]:
    """Batches of job inputs, each claimed as it is handed out: first the `pending` list
    (read once), then the `arriving` articles as they are stored, then, until nothing is
    left that another process does not hold, what the store still lists (work another
    process let go of). Each claimed batch is checked against what other processes
    finished meanwhile. An article is tried once per run, so one that fails is not claimed
    again and again."""
    tried: set[str] = set()

    def claim_from(queue: list[str]) -> Iterator[list[ArticleWork]]:
        cursor = 0
        while cursor < len(queue):
            window = [a for a in queue[cursor : cursor + 4 * size] if a not in tried]
            mine = claims.claim(ENTITIES, window, max(size, 8))
            if not mine:
                cursor += 4 * size
                continue
            cursor = queue.index(mine[-1], cursor) + 1
            tried.update(mine)
            needed = still_needing(store, mine, ENTITIES, version)
            claims.release(ENTITIES, sorted(set(mine) - set(needed)))
            yield from _chunks(work_for(store, needed, key), size)

    yield from claim_from(pending)
    while arriving is not None:
        stored = list(islice(arriving, 4 * size))
        if not stored:
            break
        yield from claim_from(stored)
    while True:
        before = len(tried)
        queue = [a for a in articles_needing(store, ENTITIES, version) if a not in tried]
        yield from claim_from(queue)
        if len(tried) == before:
            return  # nothing left, or only what other processes hold


def _chunks(work: list[ArticleWork], size: int) -> Iterator[list[ArticleWork]]:
    """Job batches of at most `size` articles and about `PIPE_CHARS` characters."""
    chunk: list[ArticleWork] = []
    chars = 0
    for item in work:
        if chunk and (len(chunk) >= size or chars + len(item.body) > PIPE_CHARS):
            yield chunk
            chunk, chars = [], 0
        chunk.append(item)
        chars += len(item.body)
    if chunk:
        yield chunk


def _mismatch(found: Identity, expected: Identity) -> str:
    return (
        f"not stored: a worker parsed it with {found.model_key} (extractor {found.version}), "
        f"this run expects {expected.model_key} (extractor {expected.version})"
    )


@lru_cache(maxsize=4)
def _name_spans(actor_files: tuple[str, ...]) -> list[NameSpan]:
    """The names that date undated articles, from the actor dictionary (once per process)."""
    return name_spans_of(ActorDictionary.load([Path(p) for p in actor_files]))
