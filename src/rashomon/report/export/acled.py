"""Incidents as ACLED rows: one row per incident (one real happening, however many articles
report it), in ACLED's column names where a field maps.

As ACLED does, `fatalities` is the most conservative credible figure: the lowest "killed"
count any source gives for the incident (its floor: "at least 30" is 30), leaving out vague
counts ("dozens"), upper bounds ("as many as 1,300") and hypothetical or proposed figures;
it is empty when no source gives one (ACLED would write 0; rashomon cannot tell "nobody
died" from "no source said"). `notes` lists what every source said: each outlet's figures
with their claimants, the doer each names, and the disputes between them. `source` lists
the outlets. The incident id fills `event_id_cnty`; rashomon's own columns follow ACLED's.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from rashomon.facts import AlignedFigure, Dispute, FigureClaim, Gazette, Incident
from rashomon.report.export import ExportBundle
from rashomon.report.export.codes import export_codes

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "actor2", "country", "location", "latitude", "longitude", "geo_precision",
    "source", "notes", "fatalities",
    # rashomon's own
    "story_id", "reports", "independent", "rashomon_version", "extractor_version",
)  # fmt: skip

_CREDIBLE_STATUS = frozenset({"asserted", "estimated"})
_NO_FLOOR = frozenset({"vague", "at_most"})
_TOLLS = ("killed", "injured")


def acled_rows(bundle: ExportBundle) -> Iterator[dict[str, Any]]:
    codes = export_codes()
    claims = _claims_by_incident(bundle.figures)
    disputes: dict[str, list[Dispute]] = defaultdict(list)
    for dispute in bundle.disputes:
        if dispute.incident_id:
            disputes[dispute.incident_id].append(dispute)
    for incident in bundle.incidents:
        found = claims.get(incident.id, [])
        yield {
            "event_id_cnty": incident.id,
            **_when(incident, codes["acled_time_precision"]),
            **_kind(incident.kind, codes["acled"]),
            "actor1": _most_named([a.actor_id for r in incident.reports for a in r.perpetrators],
                                  bundle.gazette),
            "actor2": _most_named([a for r in incident.reports for a in r.target_actor_ids],
                                  bundle.gazette),
            **_where(incident, bundle.gazette, codes["acled_geo_precision"]),
            "source": "; ".join(incident.outlets),
            "notes": _notes(incident, found, disputes[incident.id], bundle.gazette),
            "fatalities": lowest_credible(found, incident),
            "story_id": incident.story_id,
            "reports": len(incident.article_ids),
            "independent": incident.independent,
            "rashomon_version": bundle.versions.get("rashomon"),
            "extractor_version": bundle.versions.get("extractor"),
        }  # fmt: skip


def lowest_credible(claims: Sequence[FigureClaim], incident: Incident) -> int | None:
    """The lowest "killed" figure a source gives for the incident, counted from its floor;
    the reports' own tolls when no aligned figure has one."""
    floors = [
        c.figure.low if c.figure.low is not None else c.figure.value
        for c in claims
        if c.figure.measure == "killed"
        and c.figure.status in _CREDIBLE_STATUS
        and c.figure.qualifier not in _NO_FLOOR
    ]
    found = [f for f in floors if f is not None]
    if not found:
        found = [v for r in incident.reports for m, v in r.figure_values if m == "killed"]
    return int(min(found)) if found else None


def _claims_by_incident(figures: Sequence[AlignedFigure]) -> dict[str, list[FigureClaim]]:
    found: dict[str, list[FigureClaim]] = defaultdict(list)
    for figure in figures:
        if figure.incident_id and figure.scope == "incident":
            found[figure.incident_id].extend(figure.claims)
    return found


def _when(incident: Incident, precisions: dict[str, int]) -> dict[str, Any]:
    day = incident.date_start or incident.date_end
    if day is None:
        return {"event_date": None, "year": None, "time_precision": None}
    if incident.date_precision == "day":
        precision = precisions["day"]
    elif incident.date_precision == "range" and incident.date_start and incident.date_end:
        span = date.fromisoformat(incident.date_end) - date.fromisoformat(incident.date_start)
        precision = precisions["week"] if span.days < 7 else precisions["month"]
    else:
        precision = precisions["month"]
    return {"event_date": day, "year": int(day[:4]), "time_precision": precision}


def _kind(kind: str, types: dict[str, list[str]]) -> dict[str, Any]:
    event_type, sub_type = types.get(kind, [None, None])
    return {"event_type": event_type, "sub_event_type": sub_type}


def _where(incident: Incident, gazette: Gazette, precisions: dict[str, int]) -> dict[str, Any]:
    place = gazette.places.get(incident.place_id or "")
    if place is None:
        return {}
    country = next(
        (gazette.places[p].name for p in gazette.place_chain(place.id)
         if p in gazette.places and gazette.places[p].precision == "country"),
        None,
    )  # fmt: skip
    precision = precisions.get(place.precision)
    if precision is not None and any(r.around for r in incident.reports):
        precision = max(precision, precisions["district"])  # "near X" is X's vicinity
    return {"country": country, "location": place.name, "latitude": place.lat,
            "longitude": place.lon, "geo_precision": precision}  # fmt: skip


def _most_named(actor_ids: Sequence[str | None], gazette: Gazette) -> str | None:
    counts = Counter(a for a in actor_ids if a)
    if not counts:
        return None
    best = max(counts, key=lambda a: (counts[a], -list(counts).index(a)))
    return gazette.actor_name(best)


def _notes(
    incident: Incident,
    claims: Sequence[FigureClaim],
    disputes: Sequence[Dispute],
    gazette: Gazette,
) -> str:
    """What each source said: its figures (with who claims them), the doer it names."""
    by_article: dict[str, list[str]] = defaultdict(list)
    for claim in claims:
        figure = claim.figure
        if figure.measure in _TOLLS:
            said = f"{figure.text} {figure.measure}"
            if figure.claimant:
                said += f" per {figure.claimant}"
            by_article[figure.article_id].append(said)
    parts = [incident.label.rstrip(".") + "."] if incident.label else []
    sources = []
    for report in incident.reports:
        said = list(dict.fromkeys(by_article.get(report.article_id, [])))
        if not said and report.figure_values:
            said = [f"{v:g} {m}" for m, v in report.figure_values if m in _TOLLS]
        doers = [
            (gazette.actor_name(a.actor_id) or a.text)
            + (f" (per {a.claimant})" if a.claimant else "")
            for a in report.perpetrators
        ]
        line = f"{report.outlet or 'unknown outlet'}"
        if report.published:
            line += f" ({report.published})"
        line += ": " + (", ".join(said) if said else "no figure")
        if doers:
            line += "; blames " + ", ".join(dict.fromkeys(doers))
        sources.append(line)
    if sources:
        parts.append("Sources: " + " | ".join(dict.fromkeys(sources)) + ".")
    for dispute in disputes:
        parts.append(f"Disputed ({dispute.kind}): {dispute.note}.")
    return " ".join(parts)
