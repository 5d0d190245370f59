"""What the per-article writes leave in the store, whatever way they are made fast."""

from rashomon.fingerprints import Fingerprint
from rashomon.model import (
    Actor,
    ActorKind,
    Article,
    FormerAffiliation,
    OffsetMap,
    Place,
    PlacePrecision,
)
from rashomon.store import Store
from rashomon.store.entities import ArticleEntities, MentionRow, save_entities
from rashomon.store.facts import gazette


def _article(i: int) -> Article:
    body = f"Shelling hit Aleppo and Idlib on day {i}."
    return Article(
        id=f"id{i}", source=f"f{i}.txt", title=f"T{i}", body=body, raw_text=f"T{i}\n\n{body}",
        offsets=OffsetMap(((0, 4, len(body)),)), content_hash=f"h{i}",
    )  # fmt: skip


def _found(article_id: str, places: tuple[Place, ...]) -> ArticleEntities:
    mentions = tuple(
        MentionRow(0, 6, p.name, "place", "gazetteer", 0, 10, place_id=p.id) for p in places
    )
    return ArticleEntities(article_id, "v1", (), (), mentions, places, ())


def _places_in_order(store: Store) -> list[tuple[str, str]]:
    return [tuple(r) for r in store.conn.execute("SELECT id, name FROM places ORDER BY rowid")]


def test_a_place_stored_again_takes_the_new_values_and_moves_last_its_mentions_kept(tmp_path):
    aleppo = Place("geonames:1", "Aleppo", 36.2, 37.1, PlacePrecision.CITY, "SYR")
    idlib = Place("geonames:2", "Idlib", 35.9, 36.6, PlacePrecision.CITY, "SYR")
    with Store(tmp_path / "x.db") as store:
        for i in (1, 2):
            article = _article(i)
            store.insert_article(article, Fingerprint.of(article.title, article.body, "h"), None, 0)
        save_entities(store, _found("id1", (aleppo, idlib)))
        renamed = Place("geonames:1", "Halab", 36.2, 37.1, PlacePrecision.CITY, "SYR")
        save_entities(store, _found("id2", (renamed,)))
        # as INSERT OR REPLACE left it: the place read last is the one stored last
        assert _places_in_order(store) == [("geonames:2", "Idlib"), ("geonames:1", "Halab")]
        mentioned = store.conn.execute(
            "SELECT article_id, place_id FROM mentions ORDER BY article_id, place_id"
        ).fetchall()
        assert [tuple(r) for r in mentioned] == [
            ("id1", "geonames:1"), ("id1", "geonames:2"), ("id2", "geonames:1"),
        ]  # fmt: skip
        assert store.integrity_check() == "ok"
        assert not store.conn.execute("PRAGMA foreign_key_check").fetchall()


def test_a_passing_mention_looks_back_only_as_many_days_as_it_is_given(tmp_path):
    """Candidates for a report with no day of its own are the incidents that ended in the
    `back` days before its article: the cost of a season's news, not of the corpus."""
    from rashomon.store.incidents import IncidentCache, candidate_incidents

    store = Store(tmp_path / "t.db")
    with store.transaction() as conn:
        for name, day in (("old", "2016-12-01"), ("recent", "2017-03-20"), ("after", "2017-05-01")):
            conn.execute(
                "INSERT INTO incidents (id, kind, type, date_start, date_end, date_precision,"
                " label, reports, independent, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (f"incident:{name}", "aerial", "ASSAULT", day, day, "day", name, 1, 1, "now"),
            )
    cache = IncidentCache(store)
    assert [i.id for i in cache.candidates(None, "2017-04-01", back=90)] == ["incident:recent"]
    assert [i.id for i in cache.candidates(None, "2017-04-01", back=365)] == [
        "incident:old", "incident:recent"]  # fmt: skip
    assert [i.id for i in candidate_incidents(store, None, "2017-04-01", back=90)] == [
        "incident:recent"
    ]
    store.close()


def test_a_report_dropped_from_an_incident_leaves_it_and_its_actors_with_it(tmp_path):
    from dataclasses import replace

    from rashomon.facts import Attribution, Incident, IncidentReport
    from rashomon.store.incidents import drop_reports, read_incidents, save_incident

    with Store(tmp_path / "d.db") as store:
        for i in (1, 2):
            article = _article(i)
            store.insert_article(article, Fingerprint.of(article.title, article.body, "h"), None, 0)
        with store.transaction() as conn:
            conn.execute("INSERT INTO actors (id, name, kind, origin) VALUES (?,?,?,?)",
                         ("rebels", "Rebels", "armed group", "dictionary"))  # fmt: skip
        reports = tuple(
            IncidentReport(
                article_id=f"id{i}", kind="shelling", outlet=f"O{i}", chain=f"id{i}",
                sentence_start=0, sentence_end=10, sentence="...", day_low="2017-04-04",
                day_high="2017-04-04", date_from="text", place_id=None, lead=True,
                perpetrators=(Attribution("rebels", "Rebels", None, None, 0, 6),),
            )
            for i in (1, 2)
        )  # fmt: skip
        incident = Incident(id="incident:x", kind="shelling", type="ASSAULT", mode="shelling",
                            place_id=None, date_start="2017-04-04", date_end="2017-04-04",
                            date_precision="day", reports=reports)  # fmt: skip
        with store.transaction() as conn:
            save_incident(conn, incident, "shelling")
        with store.transaction() as conn:
            drop_reports(conn, "incident:x", ["id2"])
            save_incident(conn, replace(incident, reports=reports[:1]), "shelling")
        (stored,) = read_incidents(store, ["incident:x"])
        assert stored.article_ids == ("id1",)
        actors = store.conn.execute("SELECT article_id FROM incident_actors").fetchall()
        assert [tuple(a) for a in actors] == [("id1",)]


def test_incidents_are_found_by_a_target_whenever_they_were(tmp_path):
    """A named person's killing told months on finds its incident by its victim (the
    incident_actors_actor index), not by days; a perpetrator of the same name is no target."""
    from rashomon.facts import Attribution, Incident, IncidentReport
    from rashomon.store.incidents import IncidentCache, save_incident

    with Store(tmp_path / "v.db") as store:
        for i in (1, 2):
            article = _article(i)
            store.insert_article(article, Fingerprint.of(article.title, article.body, "h"), None, 0)
        with store.transaction() as conn:
            conn.execute("INSERT INTO actors (id, name, kind, origin) VALUES (?,?,?,?)",
                         ("new:jane-roe", "Jane Roe", "person", "text"))  # fmt: skip
        for i, role in ((1, "target"), (2, "perpetrator")):
            report = IncidentReport(
                article_id=f"id{i}", kind="ground", outlet=f"O{i}", chain=f"id{i}",
                sentence_start=0, sentence_end=10, sentence="...", day_low="2017-04-04",
                day_high="2017-04-04", date_from="text", lead=True,
                target_actor_ids=("new:jane-roe",) if role == "target" else (),
                perpetrators=(Attribution("new:jane-roe", "Jane Roe", None),)
                if role == "perpetrator" else (),
            )  # fmt: skip
            with store.transaction() as conn:
                save_incident(conn, Incident(
                    id=f"incident:{i}", kind="ground", type="ASSAULT", mode=None,
                    place_id=None, date_start="2017-04-04", date_end="2017-04-04",
                    date_precision="day", reports=(report,)), "clashes")  # fmt: skip
        assert [i.id for i in IncidentCache(store).with_target("new:jane-roe")] == ["incident:1"]
        assert IncidentCache(store).with_target("new:jane-roe", most=0) == []  # too often one


def test_an_id_is_taken_while_an_incident_has_it_or_an_alias_keeps_it(tmp_path):
    from rashomon.store.incidents import retire_incidents, taken_ids

    with Store(tmp_path / "t.db") as store:
        with store.transaction() as conn:
            for name in ("a", "b"):
                conn.execute(
                    "INSERT INTO incidents (id, kind, type, label, reports, independent,"
                    " updated_at) VALUES (?,?,?,?,?,?,?)",
                    (f"incident:{name}", "aerial", "ASSAULT", name, 1, 1, "now"),
                )
            retire_incidents(conn, ["incident:b"], "incident:a")
        assert taken_ids(store, ["incident:a", "incident:b", "incident:c"]) == {
            "incident:a", "incident:b"}  # fmt: skip
        assert taken_ids(store, []) == set()


def test_whom_a_person_served_before_is_stored_and_read_back_for_the_cross_article_half(
    tmp_path,
):
    ministry = Actor("ministry", "Foreign Ministry", ActorKind.GOVERNMENT, "SYR")
    platform = Actor("platform", "Cairo Platform", ActorKind.POLITICAL_GROUP, "SYR")
    person = Actor("spokesman", "A Spokesman", ActorKind.PERSON, "SYR", affiliation="platform",
                   former_affiliations=(FormerAffiliation("ministry", "2012-12"),))  # fmt: skip
    with Store(tmp_path / "x.db") as store:
        article = _article(1)
        store.insert_article(article, Fingerprint.of(article.title, article.body, "h"), None, 0)
        actors = tuple((a, "dictionary") for a in (ministry, platform, person))
        save_entities(store, ArticleEntities("id1", "v1", actors, (), (), (), ()))
        found = gazette(store).actors
        assert found["spokesman"].affiliation == "platform"
        assert [(f.affiliation, f.until) for f in found["spokesman"].former_affiliations] == [
            ("ministry", "2012-12")
        ]
        assert found["ministry"].former_affiliations == ()
