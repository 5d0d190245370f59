"""Events as PLOVER JSON records, one per line, named as the PLOVER specification names its
fields (the data interchange chapter of the PLOVER manual; POLECAT is the PLOVER-coded data
set whose 16 event types rashomon uses).

Core fields: `id`, `date` (and `enddate` when the event is known only to a month or a week:
the span it may lie in), `source` and `recipient` (actor objects: `actor_text` as written,
`code` the actor's ISO alpha-3 country or else its sector, `sector`, `identifier_id` and
`identifier_text` the resolved actor), `event`, `mode`, `event_text`, `quad_code`,
`event_loc` (GeoNames-style location: `geonameid`, `name`, `latitude`, `longitude`, `cc3`),
`text` (the sentence) with `text_info` (its offsets), `cite_info` (the article: `citation`
is its id, `url`, `title`, `publication` its outlet, `language`, `coder`, `version`) and
`coder`. The specification invites extra named fields; rashomon adds what a reader needs to
weigh the record: `factuality`, `frame`, `date_precision`, `date_from`, `place_from`,
`publication_date` and the trigger's offsets.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from rashomon.facts import day_range
from rashomon.facts.entries import EventEntry, Participant, event_entries
from rashomon.report.export import ExportBundle
from rashomon.report.export.codes import export_codes


def plover_records(bundle: ExportBundle) -> Iterator[dict[str, Any]]:
    coder = coder_of(bundle.versions)
    quads = export_codes()["plover_quad"]
    for entry in event_entries(bundle.facts, bundle.gazette):
        yield plover_record(entry, coder, bundle.versions.get("rashomon", ""), quads)


def coder_of(versions: dict[str, str] | Any) -> str:
    return f"rashomon {versions.get('rashomon', '?')} (extractor {versions.get('extractor', '?')})"


def plover_record(
    entry: EventEntry, coder: str, version: str, quads: dict[str, int]
) -> dict[str, Any]:
    event, article = entry.event, entry.article
    record: dict[str, Any] = {"id": entry.id, **_dates(event.date, event.date_precision)}
    record |= {
        "source": _actors(entry.sources),
        "recipient": _actors(entry.targets),
        "event": [event.type],
        "mode": [event.mode] if event.mode else [],
        "event_text": [event.trigger],
        "quad_code": quads.get(event.type),
        "text": event.sentence,
        "text_info": {"start": event.sentence_start, "end": event.sentence_end,
                      "event_start": event.start, "event_end": event.end},
        "cite_info": {"citation": article.id, "url": article.url, "title": article.title,
                      "publication": article.outlet, "language": "en", "coder": coder,
                      "version": version},
        "coder": coder,
        "factuality": event.factuality,
        "frame": event.frame,
        "date_from": event.date_from,
        "place_from": event.place_from,
        "publication_date": article.published,
    }  # fmt: skip
    if entry.place is not None:
        place = entry.place
        record["event_loc"] = {
            "geonameid": _geonameid(place.id),
            "name": place.name,
            "latitude": place.lat,
            "longitude": place.lon,
            "cc3": place.country,
            "precision": place.precision,
            "identifier_id": place.id,
        }
    return record


def _dates(value: str | None, precision: str | None) -> dict[str, Any]:
    span = day_range(value)
    if span is None:
        return {"date": None, "date_precision": precision}
    first, last = span
    found: dict[str, Any] = {"date": first.isoformat()}
    if last != first:
        found["enddate"] = last.isoformat()
    return found | {"date_precision": precision}


def _actors(found: Sequence[Participant]) -> list[dict[str, Any]]:
    return [
        {
            "actor_text": p.text,
            "code": (p.actor.country or p.actor.sector) if p.actor else None,
            "sector": p.actor.sector if p.actor else None,
            "identifier_id": p.actor.id if p.actor else None,
            "identifier_text": p.actor.name if p.actor else None,
        }
        for p in found
    ]


def _geonameid(place_id: str) -> int | None:
    prefix, _, number = place_id.partition(":")
    return int(number) if prefix == "geonames" and number.isdigit() else None
