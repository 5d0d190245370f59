"""Merged acts other than incidents: one statement, meeting, offer or refusal reported by
several articles, held once with all its reports.

Attacks, captures, sieges, evacuations and ceasefires are incidents (`incidents`), matched
by kind, place and day; the other acts are told apart by who did what to whom. The
grouping is `event_coref.cluster_mentions` over a story's events: same PLOVER type and
mode, no conflicting date, place or participants, and at least one participant in the same
role (two reports that name no one in common are not known to be one happening). Each report
keeps its sentence, outlet and factuality, so a merged event can hold a report that it
happened and one that it did not; the denial check in `contradictions` is what flags that.

Counts are honest about copies: `articles` counts every article that reports the event,
`independent` counts distinct reports (a wire story run by three outlets is one), and
`outlets` the outlets that carried it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rashomon.facts import ArticleFact, EventFact
from rashomon.reconcile.event_coref import CorefConfig, EventMention, cluster_mentions
from rashomon.reconcile.reports import chain_of

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


@dataclass(frozen=True)
class MergedEvent:
    type: str
    mode: str | None
    source_actor_ids: tuple[str, ...]
    target_actor_ids: tuple[str, ...]
    place_id: str | None
    date: str | None
    date_precision: str | None
    factuality: str  # the most common among its reports
    reports: tuple[EventFact, ...]
    outlets: tuple[str, ...]
    articles: int
    independent: int


def merge_events(
    story_id: str, events: Sequence[EventFact], articles: Mapping[str, ArticleFact]
) -> list[MergedEvent]:
    """A story's events merged across its articles, in order of their first report."""
    rows = {f"{e.article_id}:{e.start}": e for e in events if _participants(e)}
    mentions = [
        EventMention(
            mention_id=key, doc_id=e.article_id, story_id=story_id,
            lemma=f"{e.type}/{e.mode or ''}", arguments=frozenset(_participants(e)),
            time=e.text_date, place=e.place_id,
        )
        for key, e in rows.items()
    ]  # fmt: skip
    clusters = cluster_mentions(mentions, CorefConfig(min_shared=1))
    return [_merged([rows[m] for m in cluster], articles) for cluster in clusters]


def _participants(event: EventFact) -> list[str]:
    return [f"source:{a}" for a in event.source_actor_ids] + [
        f"target:{a}" for a in event.target_actor_ids
    ]


def _merged(reports: list[EventFact], articles: Mapping[str, ArticleFact]) -> MergedEvent:
    first = reports[0]
    dated = sorted(
        (r for r in reports if r.date),
        key=lambda r: (r.date_from != "text", _PRECISION_RANK.get(r.date_precision or "", 9)),
    )
    sources = tuple(dict.fromkeys(a for r in reports for a in r.source_actor_ids))
    targets = tuple(
        dict.fromkeys(a for r in reports for a in r.target_actor_ids if a not in sources)
    )
    places = Counter(r.place_id for r in reports if r.place_id)
    ids = {r.article_id for r in reports}
    outlets = tuple(sorted({o for a in ids if a in articles and (o := articles[a].outlet)}))
    return MergedEvent(
        type=first.type, mode=first.mode, source_actor_ids=sources, target_actor_ids=targets,
        place_id=places.most_common(1)[0][0] if places else None,
        date=dated[0].date if dated else None,
        date_precision=dated[0].date_precision if dated else None,
        factuality=_factuality(reports), reports=tuple(reports), outlets=outlets,
        articles=len(ids),
        independent=len({chain_of(articles[a], articles) if a in articles else a for a in ids}),
    )  # fmt: skip


def _factuality(reports: list[EventFact]) -> str:
    """The most common factuality among the reports; on a tie, asserted first."""
    counts = Counter(r.factuality for r in reports)
    return max(counts, key=lambda f: (counts[f], f == "asserted"))
