"""The workbench's pictures and marked-up text as plain data: map, timeline, network,
coverage matrix, highlighted article text."""

from __future__ import annotations

from html.parser import HTMLParser

from rashomon.facts import (
    ActorFact,
    AlignedFigure,
    ArticleFact,
    EventFact,
    FigureClaim,
    FigureFact,
    Incident,
    IncidentReport,
    PlaceFact,
)
from rashomon.facts.dossier import TimelineEntry
from rashomon.facts.entries import EventEntry, Participant
from rashomon.web.charts import actor_network, coverage, story_map, timeline_chart
from rashomon.web.highlight import Span, highlight

ALEPPO = PlaceFact("rashomon:aleppo", "Aleppo", 36.2, 37.16, "city", "SYR")
IDLIB = PlaceFact("rashomon:idlib", "Idlib", 35.93, 36.63, "city", "SYR")
WASHINGTON = PlaceFact("geonames:1", "Washington", 38.9, -77.04, "city", "USA")
SYRIA = PlaceFact("state:SYR", "Syria", 35.0, 38.0, "country", "SYR")


def _report(article: str, outlet: str, place: str | None = None) -> IncidentReport:
    return IncidentReport(article, outlet, outlet, "aerial", 0, 10, "A strike.", place_id=place)


def _incident(iid: str, *reports: IncidentReport, day: str | None = "2016-10-01") -> Incident:
    return Incident(iid, "aerial", "ASSAULT", "aerial", reports[0].place_id, day, day, "day",
                    reports, f"air strike {iid}")  # fmt: skip


def test_the_map_fits_the_incidents_not_far_capitals():
    strike = _incident("incident:1", _report("a", "AFP", ALEPPO.id))
    view = story_map([(strike, ALEPPO)], [(ALEPPO, 9), (IDLIB, 2), (WASHINGTON, 5), (SYRIA, 20)])
    assert view is not None
    labels = {p.label for p in view.points}
    assert {"Aleppo", "Idlib"} <= labels
    assert "Washington" not in labels and "Syria" not in labels  # far away; a centroid
    assert view.outlines, "Syria's and its neighbours' outlines are drawn"
    for point in view.points:
        assert 0 <= point.x <= view.width and 0 <= point.y <= view.height
    aleppo = next(p for p in view.points if p.kind == "incident")
    idlib = next(p for p in view.points if p.label == "Idlib")
    assert idlib.x < aleppo.x and idlib.y > aleppo.y  # west and south of Aleppo
    labels = [(p.label, x, y) for p, x, y in view.labels]
    assert [label for label, _, _ in labels].count("Aleppo") == 1
    for i, (_, x, y) in enumerate(labels):  # no label written over another
        assert all(abs(y - y2) >= 12 or abs(x - x2) >= 90 for _, x2, y2 in labels[:i])


def test_no_map_without_coordinates():
    assert story_map([], []) is None
    assert story_map([], [(SYRIA, 3)]) is None  # a country alone places nothing


def _entry(day: str | None, reports: int, incident: str | None, precision: str = "day"):
    return TimelineEntry(day, precision if day else None, f"strike {incident}", "aerial",
                         "asserted", ("AFP",), reports, reports, (), incident_id=incident)  # fmt: skip


def test_the_timeline_stacks_incidents_of_a_day_and_marks_estimates():
    view = timeline_chart([
        _entry("2016-10-01", 3, "incident:1"), _entry("2016-10-01", 1, "incident:2"),
        _entry("2016-10-05", 2, "incident:3", "estimate"), _entry(None, 1, "incident:4"),
        _entry("2016-10-02", 9, None),  # an act that is not an incident: not drawn
    ])  # fmt: skip
    assert view is not None
    bars = {b.href: b for b in view.bars}
    assert set(bars) == {"#incident-incident:1", "#incident-incident:2", "#incident-incident:3"}
    one, two = bars["#incident-incident:1"], bars["#incident-incident:2"]
    assert one.x == two.x and abs(two.y + two.height - one.y) < 1  # stacked on one day
    assert one.height > two.height
    assert bars["#incident-incident:3"].estimated and bars["#incident-incident:3"].x > one.x
    assert view.undated == 1 and view.estimated == 1
    assert timeline_chart([_entry(None, 1, "incident:9")]) is None


def test_an_incident_dated_to_years_does_not_squeeze_the_days_of_the_story():
    from dataclasses import replace

    years = replace(_entry("2015-01-01", 1, "incident:old"), date_end="2016-12-31")
    before = replace(_entry("2014-01-01", 1, "incident:older"), date_end="2014-12-31")
    view = timeline_chart([_entry("2017-10-01", 2, "incident:1"),
                           _entry("2017-10-11", 1, "incident:2"), years, before])  # fmt: skip
    assert view is not None
    bars = {b.href: b for b in view.bars}
    one, two = bars["#incident-incident:1"], bars["#incident-incident:2"]
    assert two.x - one.x > (view.width - 40) * 0.8  # the eleven days fill the axis
    assert "#incident-incident:old" not in bars and "#incident-incident:older" not in bars
    assert view.outside == 2 and view.undated == 0
    spanning = replace(_entry("2017-09-01", 1, "incident:long"), date_end="2017-12-31")
    view = timeline_chart([_entry("2017-10-01", 2, "incident:1"),
                           _entry("2017-10-11", 1, "incident:2"), spanning])  # fmt: skip
    assert view is not None
    long = next(b for b in view.bars if b.href == "#incident-incident:long")
    assert long.vague and long.x == 30.0 and long.x + long.width <= view.width - 10
    assert view.vague == 1 and view.outside == 0


def _event(sources: list[ActorFact], targets: list[ActorFact], kind: str = "ASSAULT"):
    article = ArticleFact("a1", "AFP")
    event = EventFact("a1", 0, 5, "hit", kind, None, "asserted", 0, 10, "They hit it.")
    return EventEntry("event:a1:0", event, article,
                      tuple(Participant(a.name, 0, 1, a) for a in sources),
                      tuple(Participant(a.name, 0, 1, a) for a in targets))  # fmt: skip


def test_the_actor_network_links_sources_to_targets():
    russia = ActorFact("russia", "Russia", "state")
    rebels = ActorFact("syrian-rebels", "Syrian rebels", "armed group")
    un = ActorFact("un", "United Nations", "igo")
    view = actor_network([_event([russia], [rebels]), _event([russia], [rebels]),
                          _event([un], [russia], "REQUEST"), _event([russia], [russia])])  # fmt: skip
    assert view is not None
    assert {n.actor_id for n in view.nodes} == {"russia", "syrian-rebels", "un"}
    assert sorted(e.weight for e in view.edges) == [1, 2]  # the self-loop is left out
    russia_node = next(n for n in view.nodes if n.actor_id == "russia")
    assert (russia_node.acts, russia_node.suffers) == (2, 1)
    assert "ASSAULT 2" in next(e.title for e in view.edges if e.weight == 2)
    again = actor_network([_event([russia], [rebels]), _event([russia], [rebels]),
                           _event([un], [russia], "REQUEST")])  # fmt: skip
    assert again == actor_network(
        [_event([russia], [rebels]), _event([russia], [rebels]), _event([un], [russia], "REQUEST")]
    )  # a fixed layout
    assert actor_network([_event([russia], [])]) is None


def _claim(article: str, outlet: str, text: str, value: float, position: int) -> FigureClaim:
    figure = FigureFact(article, 5, 7, text, value, None, None, "exact", 0, 10, "...")
    return FigureClaim(figure, outlet, "2016-10-01", position)


def test_the_coverage_matrix_shows_who_reported_what_and_which_side():
    first = _incident("incident:1", _report("a", "AFP"), _report("b", "SANA"))
    second = _incident("incident:2", _report("c", "Reuters"))
    toll = AlignedFigure("k", "killed", "killed", None, "incident",
                         (_claim("a", "AFP", "30", 30, 0), _claim("b", "SANA", "12", 12, 1)),
                         "dispute", incident_id="incident:1")  # fmt: skip
    outlet_of = {"a": "AFP", "b": "SANA", "c": "Reuters"}
    matrix = coverage([first, second], [toll], outlet_of, ("BBC", "AFP"))
    assert matrix.outlets == ("AFP", "BBC", "Reuters", "SANA")  # BBC reported none of them
    assert all(row.cells[1].articles == () for row in matrix.rows)
    matrix = coverage([first, second], [toll], outlet_of)
    row = {r.incident.id: r for r in matrix.rows}
    afp, reuters, sana = row["incident:1"].cells
    assert afp.articles == ("a",) and afp.figures == ("killed 30 (A)",)
    assert sana.figures == ("killed 12 (B)",)
    assert reuters.articles == () and reuters.figures == ()  # a blind spot
    assert row["incident:2"].outlets == 1


class _Balance(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.text: list[str] = []
        self.nested_links = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "a" and "a" in self.stack:
            self.nested_links = True
        if tag != "span" or ("class", "at") not in attrs:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and (not self.stack or self.stack[-1] != "span"):
            return
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_highlighted_text_is_escaped_well_nested_and_complete():
    body = 'Russia said "<script>x()</script> 30 killed" in Aleppo & <b>Idlib</b>.'
    spans = [
        Span(0, 6, "actor", "Russia", "/actors/russia"),
        Span(12, 45, "quote", 'quote by "Russia"'),
        Span(35, 44, "figure", "30 killed"),
        Span(40, 56, "event", "a span crossing the quote's end"),
        Span(49, 55, "place", "Aleppo", "/places/rashomon:aleppo"),
        Span(45, 55, "actor", "a link around a link", "/actors/x"),
        Span(70, 90, "date", "out of range: dropped"),
    ]
    html = str(highlight(body, spans))
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;b&gt;" in html
    parser = _Balance()
    parser.feed(html)
    parser.close()
    assert parser.stack == []
    assert not parser.nested_links
    assert "".join(parser.text) == body  # every character, once, in order
    assert 'id="at-35"' in html and 'title="quote by &#34;Russia&#34;"' in html


def test_network_labels_move_off_each_other():
    from rashomon.web.charts import _label_spots

    # three nodes in a row, closer than their names are long: written above, all collide
    nodes = {f"n{i}": (f"A rather long name {i}", 200.0 + 40 * i, 200.0, 6.0) for i in range(3)}
    spots = _label_spots(nodes, 640, 420)

    def box(name: str, x: float, y: float, anchor: str) -> tuple[float, ...]:
        wide = 6.3 * len(name)
        left = {"middle": x - wide / 2, "start": x}.get(anchor, x - wide)
        return left, y - 10, left + wide, y + 2

    placed = [box(nodes[n][0], *spots[n]) for n in nodes]
    assert not any(min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])
                   for i, a in enumerate(placed) for b in placed[i + 1 :])  # fmt: skip
    assert all(b[0] >= 0 and b[2] <= 640 for b in placed)  # inside the frame
