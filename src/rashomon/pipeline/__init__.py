"""The ingest job: inputs -> articles -> store -> parsed Docs, one article at a time.

Failures are per input or per record: each is reported as it happens and the batch goes on.
Articles are committed one by one, so an interrupted run keeps what it stored and a re-run
skips those (their ids are already present) and finishes the rest.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from tqdm import tqdm

from rashomon.article.build import UserMetadata, build_article
from rashomon.article.outlets import OutletDirectory
from rashomon.entities import EntityExtractor, extract_pending
from rashomon.errors import InputError
from rashomon.ingest.records import FieldMap
from rashomon.ingest.sources import expand_inputs, read_input
from rashomon.model import Article
from rashomon.nlp import load_pipeline, parse_pending
from rashomon.pipeline.placement import name_spans_of, place_pending
from rashomon.reconcile.duplicates import Fingerprint, match_copies
from rashomon.settings import Settings
from rashomon.store import Store


class Outcome(StrEnum):
    ADDED = "added"
    COPY = "copy"  # added, and recorded as a copy of an earlier article
    UNCHANGED = "unchanged"  # already stored: re-ingesting is a no-op


@dataclass
class IngestResult:
    outcomes: dict[Outcome, list[str]] = field(default_factory=lambda: {o: [] for o in Outcome})
    failures: list[InputError] = field(default_factory=list)
    parsed: int = 0
    extracted: int = 0
    placed: int = 0  # articles placed into stories

    @property
    def ok(self) -> bool:
        return not self.failures

    def summary(self) -> str:
        counts = ", ".join(f"{len(ids)} {outcome.value}" for outcome, ids in self.outcomes.items())
        return (
            f"{counts}, {len(self.failures)} failed, {self.parsed} parsed, "
            f"{self.extracted} extracted, {self.placed} placed in stories"
        )


@dataclass(frozen=True)
class IngestOptions:
    field_map: FieldMap = field(default_factory=lambda: FieldMap({}))
    user: UserMetadata = field(default_factory=UserMetadata)
    input_format: str | None = None
    parse: bool = True  # parse and extract who/where/when; False stores articles only
    actor_files: tuple[Path, ...] = ()
    event_files: tuple[Path, ...] = ()


def store_article(store: Store, article: Article) -> Outcome:
    """Add one article unless present; record it as a copy when it reprints another."""
    if store.has_article(article.id):
        return Outcome.UNCHANGED
    fingerprint = Fingerprint.of(article.title, article.body, article.content_hash)
    match = match_copies(store, article.body, fingerprint)
    store.add_article(article, fingerprint, match.original, match.similarity)
    if match.adopts:  # a fuller text after its excerpt: it becomes the group's original
        store.adopt_copies(match.adopts, article.id, match.similarity)
    return Outcome.COPY if match.original else Outcome.ADDED


def ingest(
    inputs: Sequence[str],
    store: Store,
    settings: Settings,
    options: IngestOptions,
    directory: OutletDirectory,
    on_error: Callable[[InputError], None],
    show_progress: bool | None = None,
) -> IngestResult:
    """Ingest every input into `store`, then parse what is not parsed yet."""
    progress = sys.stderr.isatty() if show_progress is None else show_progress
    result = IngestResult()

    def fail(error: InputError) -> None:
        result.failures.append(error)
        on_error(error)

    with tqdm(desc="ingest", unit=" article", disable=not progress, leave=False) as bar:
        for item in expand_inputs(inputs, options.input_format):
            if isinstance(item, InputError):
                fail(item)
                continue
            for raw in read_input(item, options.field_map, url=options.user.url):
                if isinstance(raw, InputError):
                    fail(raw)
                    continue
                try:
                    article = build_article(raw, directory, options.user)
                except InputError as error:
                    fail(error)
                    continue
                result.outcomes[store_article(store, article)].append(article.id)
                bar.update(1)
    if options.parse:
        nlp = load_pipeline(settings.model)
        with tqdm(desc="parse", unit=" article", disable=not progress, leave=False) as bar:
            result.parsed = parse_pending(store, nlp, settings, lambda _id, _n: bar.update(1))
        extractor = EntityExtractor.build(nlp, options.actor_files, options.event_files)
        with tqdm(desc="extract", unit=" article", disable=not progress, leave=False) as bar:
            result.extracted = extract_pending(
                store, extractor, settings, lambda _id: bar.update(1)
            )
        result.placed = place_pending(store, name_spans=name_spans_of(extractor.dictionary)).placed
    return result
