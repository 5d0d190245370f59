"""`Corpus.export`: read what an export needs into an `ExportBundle`, hand it to the
renderers in `rashomon.report.export`, and say what was written."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from rashomon import __version__
from rashomon.errors import RashomonError
from rashomon.model import Record
from rashomon.report.export import FORMATS, ExportBundle, write_export
from rashomon.store.facts import article_facts, gazette
from rashomon.store.findings import read_disputes, read_figures
from rashomon.store.incidents import read_incidents
from rashomon.store.meta import stage_versions

if TYPE_CHECKING:
    from rashomon.api.corpus import Corpus


@dataclass(frozen=True)
class ExportResult(Record):
    format: str
    path: str
    files: tuple[str, ...]
    versions: dict[str, str]


def export(corpus: Corpus, path: Path, format: str, story: str | None = None) -> ExportResult:  # noqa: A002
    if format not in FORMATS:
        raise RashomonError(f"unknown export format {format!r}: one of {', '.join(FORMATS)}")
    bundle = read_bundle(corpus, story)
    written = write_export(bundle, path, format)
    return ExportResult(format, str(path), tuple(str(p) for p in written), dict(bundle.versions))


def read_bundle(corpus: Corpus, story: str | None = None) -> ExportBundle:
    """Everything an export writes: the whole corpus, or one story (id or unique prefix)."""
    store = corpus.store
    stories = [corpus.story(story)] if story else corpus.stories()
    sid = stories[0].id if story else None
    articles = corpus.articles(story=sid)
    return ExportBundle(
        versions=versions(corpus),
        articles=articles,
        facts=article_facts(store, [a.id for a in articles]),
        gazette=gazette(store),
        stories=stories,
        incidents=read_incidents(store, story_id=sid),
        figures=read_figures(store, story_id=sid),
        disputes=read_disputes(store, story_id=sid, include_updates=True),
        story_of={a: s.id for s in stories for a in s.article_ids},
        reviews=corpus.reviews(),
    )


def versions(corpus: Corpus) -> dict[str, str]:
    """What wrote the data: rashomon and its extractor, the schema, the models and extractor
    builds the articles were processed with, and when the export was made."""
    from rashomon.entities import EXTRACTOR_VERSION  # imports spaCy, loads no model

    stages = stage_versions(corpus.store)
    return {
        "rashomon": __version__,
        "extractor": EXTRACTOR_VERSION,
        "schema": str(corpus.store.schema_version()),
        "models": ", ".join(stages.get("parse", [])),
        "extractor_builds": ", ".join(stages.get("entities", [])),
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
