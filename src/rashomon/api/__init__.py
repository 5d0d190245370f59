"""rashomon as a library: the one surface the command line, the web app and Python users call.

    import rashomon

    found = rashomon.analyze(text, outlet="AFP", published="2016-10-01")  # no database
    with rashomon.open("conflict.db") as corpus:                           # a database
        corpus.ingest("articles/")
        for story in corpus.stories():
            print(story.label, [d.subject for d in corpus.disputes(story=story.id)])

Every method returns frozen records (dataclasses) with `to_dict()`; filters are keyword
arguments. `nlp.add_pipe("rashomon")` puts the same `Analysis` on `doc._.rashomon` in any
spaCy pipeline (see `rashomon.api.component`).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from rashomon.api.analysis import Analysis, Analyzer, publication_date
from rashomon.api.corpus import Corpus, FieldMapError, open
from rashomon.errors import RashomonError
from rashomon.facts import (
    ActorFact,
    AlignedFigure,
    DateFact,
    Dispute,
    DisputeSide,
    EventFact,
    FigureFact,
    Incident,
    IncidentReport,
    MentionFact,
    PlaceFact,
    QuoteFact,
    Story,
)
from rashomon.facts.dossier import Dossier, TimelineEntry
from rashomon.facts.entries import ActorEntry, EventEntry, FigureEntry, PlaceEntry, QuoteEntry
from rashomon.facts.lookup import ActorDetail, PlaceDetail, SearchHit
from rashomon.facts.reviews import Review, ReviewState
from rashomon.model import Article, ArticleSummary, PublicationDate
from rashomon.settings import Settings


def analyze(
    text: str,
    *,
    title: str | None = None,
    outlet: str | None = None,
    published: str | dt.date | None = None,
    url: str | None = None,
) -> Analysis:
    """One article's text in, everything rashomon finds in it out, without a database.

    The text is cleaned as an ingested .txt file is (its first line is the title unless
    `title` is given); `outlet`, `published` (ISO date, or a `date`) and `url` override
    what the text says. The spaCy model and extractors load on the first call (a few
    seconds) and are reused after.
    """
    return _analyzer(Settings.from_env().model).analyze(
        text, title=title, outlet=outlet, published=published, url=url
    )


def parse_publication_date(text: str, order: str = "MDY") -> PublicationDate | None:
    """A publication date the user typed, at the precision it states; None when it is not
    a date. `order` reads ambiguous numeric dates ("4/5/2017"): "MDY" or "DMY"."""
    try:
        return publication_date(text, order)
    except RashomonError:
        return None


@lru_cache(maxsize=2)
def _analyzer(model: str) -> Analyzer:
    return Analyzer(Settings.from_env().with_overrides(model=model))


__all__ = [
    "ActorDetail", "PlaceDetail", "Review", "ReviewState", "SearchHit",
    "ActorEntry", "ActorFact", "AlignedFigure", "Analysis", "Analyzer", "Article",
    "ArticleSummary", "Corpus", "DateFact", "Dispute", "DisputeSide", "Dossier", "EventEntry",
    "EventFact", "FieldMapError", "FigureEntry", "FigureFact", "Incident", "IncidentReport",
    "MentionFact", "PlaceEntry", "PlaceFact", "QuoteEntry", "QuoteFact", "Story",
    "TimelineEntry", "analyze", "open", "parse_publication_date",
]  # fmt: skip
