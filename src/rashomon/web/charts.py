"""The story page's pictures as plain geometry: a map, a timeline, an actor network and the
coverage matrix, computed here and drawn as inline SVG by the templates.

Pure functions over the API's records, so they are tested without a server or a browser.
The map projects the gazette's coordinates and packaged Natural Earth outlines (public
domain, see scripts/make_country_outlines.py) with an equirectangular projection scaled
for the map's middle latitude: good enough for the few hundred kilometres a story spans.
The network's layout is networkx's spring layout with a fixed seed, so a page renders the
same picture every time.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

from rashomon.api import AlignedFigure, EventEntry, Incident, PlaceFact, TimelineEntry

_LETTERS = "ABCDEFGHIJ"
# a country's or a region's coordinates are a centroid, not where anything happened
_TOO_WIDE = frozenset({"country", "region"})


def counted(n: int, noun: str) -> str:
    """'1 report', '3 reports'."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


# -- map -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MapPoint:
    x: float
    y: float
    r: float
    kind: str  # incident or place
    label: str
    href: str
    title: str


@dataclass(frozen=True)
class MapView:
    width: int
    height: int
    outlines: tuple[str, ...]  # SVG path data, one per country ring in view
    points: tuple[MapPoint, ...]
    source: str

    @property
    def labels(self) -> tuple[tuple[MapPoint, float, float], ...]:
        """One label per place name (incidents' places, and places named often), with where
        to write it: moved down a line while it would cover a label already placed."""
        seen: dict[str, MapPoint] = {}
        for point in sorted(self.points, key=lambda p: (p.kind != "incident", -p.r)):
            if point.label not in seen and (point.kind == "incident" or point.r > 5):
                seen[point.label] = point
        placed: list[tuple[MapPoint, float, float]] = []
        for point in seen.values():
            x, y = point.x + point.r + 2, point.y + 4
            while any(abs(y - py) < 12 and abs(x - px) < 90 for _, px, py in placed):
                y += 12
            placed.append((point, round(x, 1), round(y, 1)))
        return tuple(placed)


@dataclass(frozen=True)
class _Ring:
    west: float
    south: float
    east: float
    north: float
    points: tuple[tuple[float, float], ...]


@lru_cache(maxsize=1)
def country_outlines() -> tuple[str, tuple[_Ring, ...]]:
    data = json.loads(resources.files("rashomon.web").joinpath("data/countries.json").read_text())
    rings = []
    for country in data["countries"]:
        for ring in country["rings"]:
            lons, lats = [p[0] for p in ring], [p[1] for p in ring]
            rings.append(_Ring(min(lons), min(lats), max(lons), max(lats),
                               tuple((p[0], p[1]) for p in ring)))  # fmt: skip
    return data["source"], tuple(rings)


def story_map(
    incidents: Sequence[tuple[Incident, PlaceFact]],
    places: Sequence[tuple[PlaceFact, int]],
    width: int = 640,
    height: int = 420,
) -> MapView | None:
    """Incidents (sized by reports) and named places (sized by mentions) on country outlines;
    None when nothing has coordinates."""
    incidents = [(i, p) for i, p in incidents if p.precision not in _TOO_WIDE]
    places = [(p, n) for p, n in places if p.precision not in _TOO_WIDE]
    # the view fits the incidents (or, without any, the most named place): a story's
    # articles also name far capitals ("Washington said"), which are not where it happens
    anchors = [p for _, p in incidents]
    if not anchors and places:
        anchors = [max(places, key=lambda named: named[1])[0]]
    if not anchors:
        return None
    lons, lats = [p.lon for p in anchors], [p.lat for p in anchors]
    middle = (min(lats) + max(lats)) / 2
    squash = max(0.2, math.cos(math.radians(middle)))
    west, east, south, north = _padded(min(lons), max(lons), min(lats), max(lats))
    span_x, span_y = (east - west) * squash, north - south
    scale = min(width / span_x, height / span_y)
    west -= (width / scale - span_x) / 2 / squash  # centre the box in the frame
    north += (height / scale - span_y) / 2
    east, south = west + width / scale / squash, north - height / scale
    places = [(p, n) for p, n in places if west <= p.lon <= east and south <= p.lat <= north]

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return round((lon - west) * squash * scale, 1), round((north - lat) * scale, 1)

    source, rings = country_outlines()
    outlines = tuple(
        _path([xy(lon, lat) for lon, lat in ring.points])
        for ring in rings
        if ring.east >= west and ring.west <= east and ring.north >= south and ring.south <= north
    )
    points: list[MapPoint] = []
    for place, mentions in places:
        x, y = xy(place.lon, place.lat)
        points.append(MapPoint(x, y, round(2.5 + 1.5 * math.sqrt(mentions), 1), "place",
                               place.name, f"/places/{place.id}",
                               f"{place.name}: named {mentions} times"))  # fmt: skip
    for incident, place in incidents:
        x, y = xy(place.lon, place.lat)
        reports = len(incident.reports)
        points.append(MapPoint(x, y, round(4 + 2 * math.sqrt(reports), 1), "incident",
                               place.name, f"#incident-{incident.id}",
                               f"{incident.label} ({counted(reports, 'report')})"))  # fmt: skip
    return MapView(width, height, outlines, tuple(points), source)


def _path(points: list[tuple[float, float]]) -> str:
    """SVG path data of a ring, leaving out points within a pixel of the last one kept."""
    kept = [points[0]]
    for x, y in points[1:]:
        if abs(x - kept[-1][0]) + abs(y - kept[-1][1]) >= 1.0:
            kept.append((x, y))
    return "M" + "L".join(f"{x:g},{y:g}" for x, y in kept) + "Z"


def _padded(west: float, east: float, south: float, north: float) -> tuple[float, ...]:
    """The box around the points, at least four degrees each way, with a margin."""
    grow_x = max(4.0 - (east - west), 0.0) / 2 + (east - west) * 0.15 + 0.3
    grow_y = max(4.0 - (north - south), 0.0) / 2 + (north - south) * 0.15 + 0.3
    return west - grow_x, east + grow_x, south - grow_y, north + grow_y


# -- timeline ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineBar:
    x: float
    width: float
    y: float
    height: float
    reports: int
    label: str
    href: str
    title: str
    estimated: bool = False  # dated by the estimated window of undated articles
    vague: bool = False  # dated only to a range of more than VAGUE_DAYS, cut to the axis


@dataclass(frozen=True)
class TimelineView:
    width: int
    height: int
    baseline: float
    bars: tuple[TimelineBar, ...]
    ticks: tuple[tuple[float, str], ...]
    undated: int  # incidents with no date, not drawn
    estimated: int  # incidents drawn at an estimated date
    vague: int = 0  # incidents dated to a long range, drawn cut to the axis
    outside: int = 0  # incidents dated to a long range wholly off the axis, not drawn


# An incident dated only to a range longer than this ("2015-01-01/2016-12-31": some time in
# two years) does not set the axis: it would squeeze the days the story happened on into a
# sliver. It is drawn cut to the axis the precisely dated incidents set.
VAGUE_DAYS = 14


def timeline_chart(
    entries: Sequence[TimelineEntry], width: int = 720, height: int = 200
) -> TimelineView | None:
    """A story's incidents by day (from its timeline, so an undated article's incident
    stands at its estimated date, drawn as such): one segment per incident as tall as its
    reports, stacked when incidents share a day, as wide as the days a range spans."""
    incidents = [e for e in entries if e.incident_id]
    drawn = [(e, _day(e.date), _day(e.date_end) or _day(e.date)) for e in incidents]
    drawn = [(e, s, t) for e, s, t in drawn if s and t]
    if not drawn:
        return None
    precise = [(s, t) for _, s, t in drawn if (t - s).days <= VAGUE_DAYS] or [
        (s, t) for _, s, t in drawn
    ]
    first = min(s for s, _ in precise)
    last = max(t for _, t in precise)
    outside = sum(1 for _, s, t in drawn if t < first or s > last)
    drawn = [(e, max(s, first), min(t, last), (t - s).days > VAGUE_DAYS)
             for e, s, t in drawn if not (t < first or s > last)]  # fmt: skip
    days = max((last - first).days + 1, 7)
    left, right, top, bottom = 30.0, width - 10.0, 14.0, height - 26.0
    per_day = (right - left) / days
    stacked: Counter[date] = Counter()
    for entry, start, _, _ in drawn:
        stacked[start] += entry.reports
    tallest = max(stacked.values())
    used: Counter[date] = Counter()
    bars = []
    for entry, start, end, vague in sorted(drawn, key=lambda d: (d[1], d[3], -d[0].reports)):
        tall = (bottom - top) * entry.reports / tallest
        y = bottom - (bottom - top) * used[start] / tallest - tall
        used[start] += entry.reports
        x = left + (start - first).days * per_day
        wide = max(per_day * ((end - start).days + 1) - 1, 3.0)
        estimated = entry.precision == "estimate"
        when = (entry.date or "") + (f" to {entry.date_end}" if entry.date_end else "")
        title = (
            f"{'estimated ' if estimated else ''}{when}: {entry.text} "
            f"({counted(entry.reports, 'report')})"
        )
        bars.append(TimelineBar(round(x, 1), round(wide, 1), round(y, 1),
                                round(max(tall - 0.5, 1.0), 1), entry.reports, entry.text,
                                f"#incident-{entry.incident_id}", title, estimated,
                                vague))  # fmt: skip
    return TimelineView(width, height, bottom, tuple(bars), _ticks(first, days, left, per_day),
                        len(incidents) - len(drawn) - outside, sum(b.estimated for b in bars),
                        sum(b.vague for b in bars), outside)  # fmt: skip


def _ticks(first: date, days: int, left: float, per_day: float) -> tuple[tuple[float, str], ...]:
    step = next(s for s in (1, 2, 7, 14, 30, 61, 91, 182, 365, 730) if days / s <= 8)
    found = []
    for offset in range(0, days, step):
        day = date.fromordinal(first.toordinal() + offset)
        text = day.isoformat() if step < 30 else day.isoformat()[:7]
        found.append((round(left + offset * per_day, 1), text))
    return tuple(found)


def _day(iso: str | None) -> date | None:
    if not iso or len(iso) < 10:
        return None
    try:
        return date.fromisoformat(iso[:10])
    except ValueError:
        return None


# -- actor network -------------------------------------------------------------------------------


@dataclass(frozen=True)
class NetworkNode:
    actor_id: str
    name: str
    x: float
    y: float
    r: float
    acts: int  # events it is a source of
    suffers: int  # events it is a target of
    label_x: float = 0.0  # where its name is written, clear of the others where it can be
    label_y: float = 0.0
    anchor: str = "middle"  # the SVG text-anchor: middle (above, below), start or end


@dataclass(frozen=True)
class NetworkEdge:
    x1: float
    y1: float
    x2: float
    y2: float
    weight: int
    title: str


@dataclass(frozen=True)
class NetworkView:
    width: int
    height: int
    nodes: tuple[NetworkNode, ...]
    edges: tuple[NetworkEdge, ...]


def actor_network(
    events: Iterable[EventEntry], width: int = 640, height: int = 420, top: int = 24
) -> NetworkView | None:
    """Who acted on whom: an edge from each event's source actors to its target actors,
    weighted by events; the `top` actors by weighted degree are drawn."""
    import networkx as nx

    graph = nx.DiGraph()
    names: dict[str, str] = {}
    types: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for entry in events:
        sources = [p.actor for p in entry.sources if p.actor]
        targets = [p.actor for p in entry.targets if p.actor]
        for source in sources:
            for target in targets:
                if source.id == target.id:
                    continue
                names[source.id], names[target.id] = source.name, target.name
                weight = graph.get_edge_data(source.id, target.id, {"weight": 0})["weight"]
                graph.add_edge(source.id, target.id, weight=weight + 1)
                types[(source.id, target.id)][entry.event.type] += 1
    if not graph:
        return None
    degree = dict(graph.degree(weight="weight"))
    keep = sorted(degree, key=lambda n: (-degree[n], names[n]))[:top]
    graph = graph.subgraph(keep).copy()
    layout = nx.spring_layout(
        graph, seed=7, weight="weight", k=3.0 / math.sqrt(len(graph)), iterations=100
    )
    margin = 60.0

    def place(node: str) -> tuple[float, float]:
        x, y = layout[node]
        return (round(margin + (x + 1) / 2 * (width - 2 * margin), 1),
                round(margin / 2 + (y + 1) / 2 * (height - margin), 1))  # fmt: skip

    spots = {n: (*place(n), round(4 + 2.2 * math.sqrt(degree[n]), 1)) for n in graph}
    labels = _label_spots({n: (names[n], *spot) for n, spot in spots.items()}, width, height)
    nodes = tuple(
        NetworkNode(n, names[n], *spots[n], int(graph.out_degree(n, weight="weight")),
                    int(graph.in_degree(n, weight="weight")), *labels[n])
        for n in sorted(graph, key=lambda n: names[n])
    )  # fmt: skip
    edges = []
    for source, target, data in graph.edges(data=True):
        kinds = ", ".join(f"{t} {c}" for t, c in types[(source, target)].most_common())
        edges.append(NetworkEdge(*place(source), *place(target), data["weight"],
                                 f"{names[source]} → {names[target]}: {kinds}"))  # fmt: skip
    return NetworkView(width, height, nodes, tuple(edges))


_CHAR_WIDTH, _LINE = 6.3, 12.0  # a node label's letters at 11px, in the chart's units


def _label_spots(
    nodes: Mapping[str, tuple[str, float, float, float]], width: float, height: float
) -> dict[str, tuple[float, float, str]]:
    """Where to write each node's name (`nodes`: id -> name, x, y, r): above, below, right or
    left of its circle, whichever covers the least of the labels placed so far, the other
    circles and the frame's edge; the biggest nodes choose first."""
    placed: list[tuple[float, float, float, float]] = []
    circles = {n: (x - r, y - r, x + r, y + r) for n, (_, x, y, r) in nodes.items()}
    found: dict[str, tuple[float, float, str]] = {}
    for node, (name, x, y, r) in sorted(nodes.items(), key=lambda kv: (-kv[1][3], kv[0])):
        wide = _CHAR_WIDTH * len(name)
        options = ((x, y - r - 3, "middle"), (x, y + r + 11, "middle"),
                   (x + r + 3, y + 4, "start"), (x - r - 3, y + 4, "end"))  # fmt: skip
        best: tuple[float, tuple[float, float, str], tuple[float, float, float, float]] | None
        best = None
        for lx, ly, anchor in options:
            left = lx - wide / 2 if anchor == "middle" else lx if anchor == "start" else lx - wide
            box = (left, ly - _LINE + 2, left + wide, ly + 2)
            cost = sum(_overlap(box, other) for other in placed)
            cost += sum(_overlap(box, c) for n, c in circles.items() if n != node)
            cost += wide * _LINE - _overlap(box, (0.0, 0.0, width, height))  # off the frame
            if best is None or cost < best[0]:
                best = (cost, (round(lx, 1), round(ly, 1), anchor), box)
        assert best is not None
        found[node] = best[1]
        placed.append(best[2])
    return found


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    """The area two boxes (left, top, right, bottom) share."""
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


# -- coverage matrix -----------------------------------------------------------------------------


@dataclass(frozen=True)
class CoverageCell:
    articles: tuple[str, ...]  # the outlet's articles reporting the incident
    figures: tuple[str, ...]  # "killed 30 (A)": the figures it carried, and whose side


@dataclass(frozen=True)
class CoverageRow:
    incident: Incident
    cells: tuple[CoverageCell, ...]  # one per outlet, in the matrix's order
    outlets: int


@dataclass(frozen=True)
class Coverage:
    outlets: tuple[str, ...]
    rows: tuple[CoverageRow, ...]


def coverage(
    incidents: Sequence[Incident],
    figures: Sequence[AlignedFigure],
    outlet_of: Mapping[str, str | None],
    outlets: Iterable[str] = (),
) -> Coverage:
    """Incidents × outlets (those reporting an incident, and `outlets`: the story's, so an
    outlet that reported none of them shows as a column of blind spots): which outlet
    reported which incident, and which figure (in a dispute, which side's) each carried."""
    named = {r.outlet or "unknown outlet" for i in incidents for r in i.reports} | set(outlets)
    columns = sorted(named, key=lambda o: (o == "unknown outlet", o.casefold()))
    carried: dict[tuple[str, str], list[str]] = defaultdict(list)
    for figure in figures:
        if not figure.incident_id:
            continue
        letters = len(figure.positions) > 1
        for claim in figure.claims:
            outlet = claim.outlet or outlet_of.get(claim.figure.article_id) or "unknown outlet"
            side = f" ({_LETTERS[claim.position % len(_LETTERS)]})" if letters else ""
            text = f"{figure.measure or 'count'} {claim.figure.text}{side}"
            if text not in carried[(figure.incident_id, outlet)]:
                carried[(figure.incident_id, outlet)].append(text)
    rows = []
    for incident in incidents:
        by_outlet: dict[str, list[str]] = defaultdict(list)
        for report in incident.reports:
            by_outlet[report.outlet or "unknown outlet"].append(report.article_id)
        base = incident.id.split("~")[0]  # a split-off part shares its incident's figures
        cells = tuple(
            CoverageCell(tuple(dict.fromkeys(by_outlet.get(o, ()))),
                         tuple(carried.get((base, o), ())) if o in by_outlet else ())
            for o in columns
        )  # fmt: skip
        rows.append(CoverageRow(incident, cells, len(by_outlet)))
    return Coverage(tuple(columns), tuple(rows))


def side_letter(position: int) -> str:
    return _LETTERS[position % len(_LETTERS)]
