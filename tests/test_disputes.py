"""Figures, contradictions and disputes on hand-built records (no parsing involved)."""

import math
from dataclasses import replace

import pytest

from rashomon.facts import (
    ActorFact,
    ArticleFact,
    ArticleFacts,
    Attribution,
    DateWindow,
    Dispute,
    DisputeSide,
    EventFact,
    FigureFact,
    Gazette,
    Incident,
    IncidentReport,
    PlaceFact,
)
from rashomon.model import FormerAffiliation
from rashomon.reconcile.contradictions import control_conflicts, control_states, denials
from rashomon.reconcile.disputes import incident_disputes, not_told_of_incidents, story_disputes
from rashomon.reconcile.figures import incident_figures, quantity_figures, victims_of
from rashomon.reconcile.intervals import agree, allowed, meet, overlap, show
from rashomon.reconcile.kinship import ActorRelations

GAZETTE = Gazette(
    actors={
        a.id: a
        for a in (
            ActorFact("fsa", "Free Syrian Army", "armed group", "SYR", "REB"),
            ActorFact("southern-front", "Southern Front", "armed group", "SYR", "REB", "fsa"),
            ActorFact("syrian-rebels", "Syrian rebels", "armed group", "SYR", "REB"),
            ActorFact("jfs", "Jabhat Fateh al-Sham", "armed group", "SYR", "REB"),
            ActorFact("russia", "Russia", "state", "RUS", "GOV"),
            ActorFact("coalition", "US-led coalition", "military", "USA", "MIL"),
            ActorFact("syrian-government", "Syrian government", "government", "SYR", "GOV"),
            ActorFact("army", "Syrian Arab Army", "military", "SYR", "MIL", "syrian-government"),
            ActorFact("sohr", "Syrian Observatory for Human Rights", "monitor", "GBR", "NGO"),
        )
    },
    places={"aleppo": PlaceFact("aleppo", "Aleppo", 36.2, 37.15, "city", "SY")},
)
RELATIONS = ActorRelations.of(GAZETTE)


def article(aid, outlet="AFP", published=None, duplicate_of=None, wire=None):
    return ArticleFact(aid, outlet, wire, published, "day" if published else None, duplicate_of)


def figure(aid, text, value, qualifier, what="JFS fighters", about="jfs", claimant="UN", **kw):
    defaults = {
        "low": None, "high": None, "unit": None, "place_id": "aleppo", "time": None,
        "claimant_actor_id": None, "status": "asserted", "measure": "fighters",
        "victims": "fighters", "scope": "overall", "start": 0,
        "sentence": f"{claimant} said {text} {what}.",
    }  # fmt: skip
    defaults.update(kw)
    start = defaults.pop("start")
    return FigureFact(
        article_id=aid, start=start, end=start + len(text), text=text, value=value,
        qualifier=qualifier, sentence_start=defaults.pop("sentence_start", 0),
        sentence_end=defaults.pop("sentence_end", 40), what=what, about_actor_id=about,
        claimant=claimant, **defaults,
    )  # fmt: skip


def event(aid, type_, factuality, sources, targets, trigger="rejected", **kw):
    from rashomon.facts import Argument

    return EventFact(
        article_id=aid, start=kw.pop("start", 0), end=9, trigger=trigger, type=type_,
        mode=kw.pop("mode", None), factuality=factuality, sentence_start=0, sentence_end=40,
        sentence=kw.pop("sentence", f"They {trigger} it."),
        sources=tuple(Argument(0, 1, s, s) for s in sources),
        targets=tuple(Argument(2, 3, t, t) for t in targets), **kw,
    )  # fmt: skip


ARTICLES = {a.id: a for a in (article("a1"), article("a2", "BBC"))}


def quantities(figures, articles=ARTICLES):
    return quantity_figures(figures, articles, GAZETTE)


# -- intervals -------------------------------------------------------------------------------


def test_qualifier_intervals():
    assert allowed(300, None, None, "approximate") == pytest.approx((240, 360))
    assert allowed(900, None, 900, "at_most") == (0.0, 900)
    assert allowed(10, 10, None, "at_least") == (10, math.inf)
    assert allowed(None, 100, 1000, "vague") == (100, 1000)
    assert allowed(None, None, None, "vague") is None


@pytest.mark.parametrize("text", ["up to 400", "Up to 400", "as many as 400", "As high as 400"])
def test_a_reach_is_near_its_figure_not_a_ceiling(text):
    """ "Ukraine's military said up to 400 were killed" against Russia's 63: a source that
    says how far a count reaches says it is near there; "no more than 900" stays a cap."""
    reach = allowed(400, None, 400, "at_most", text)
    assert reach == pytest.approx((320, 400))
    assert not overlap(reach, allowed(63, None, None, "exact", "63"))
    assert allowed(900, None, 900, "at_most", "no more than 900") == (0.0, 900)


def test_what_the_qualifiers_allow_together():
    around_300, some_900 = (
        allowed(300, None, None, "approximate"),
        allowed(900, None, None, "approximate"),
    )
    ceiling_900 = allowed(None, None, 900, "at_most")
    assert overlap(around_300, ceiling_900) and overlap(some_900, ceiling_900)
    assert not overlap(around_300, some_900)
    assert not overlap(allowed(10, 10, None, "at_least"), allowed(8, None, None, "exact"))
    assert overlap(allowed(10, 10, None, "at_least"), allowed(12, None, None, "exact"))
    assert meet([(0, 900), (720, 1080)]) == (720, 900)
    assert meet([(240, 360), (720, 1080)]) is None
    assert show((10, math.inf)) == "10 or more" and show((0, 900)) == "up to 900"


def test_leeways_stretched_toward_each_other_do_not_agree():
    """ "62" and "about 80" overlap only at their far edges; neither value lies in the
    other's interval, so they disagree. A ceiling or a floor still agrees with what it
    allows."""
    exact_62, about_80 = allowed(62, None, None, "exact"), allowed(80, None, None, "approximate")
    assert overlap(exact_62, about_80) and not agree(exact_62, about_80)
    assert agree(allowed(300, None, None, "approximate"), allowed(None, None, 900, "at_most"))
    assert agree(allowed(29, 29, None, "at_least"), allowed(61, None, None, "exact"))
    assert agree(allowed(75, None, None, "exact"), about_80)


def test_an_exact_toll_against_a_far_about_is_a_dispute_and_exact_counts_keep_their_leeway():
    army = toll("a1", "62", 62, "exact", "the army")
    monitor = toll("a2", "about 80", 80, "approximate", "SOHR")
    found = incident(report("a1", "AFP", [army]), report("a2", "BBC", [monitor]))
    (figure_,) = incident_figures(found, {("a1", 0): army, ("a2", 0): monitor}, ARTICLES)
    assert figure_.status == "dispute"
    assert [c.position for c in figure_.claims] == [0, 1]
    (dispute,) = incident_disputes(found, [figure_], RELATIONS, GAZETTE, ARTICLES)
    assert "(59-65 against 64-96, neither allows the other's value)" in dispute.note
    near = replace(monitor, text="65", value=65, qualifier="exact")  # 59-65 and 62-68: agreed
    (figure_,) = incident_figures(found, {("a1", 0): army, ("a2", 0): near}, ARTICLES)
    assert figure_.status == "agreed"


# -- figures outside incidents -----------------------------------------------------------------


def test_a_ceiling_that_fits_both_figures_takes_no_side():
    rows = [
        figure("a1", "around 300", 300, "approximate", claimant="Khoja",
               claimant_actor_id="khoja"),
        figure("a1", "some 900", 900, "approximate", start=10, claimant_actor_id="un"),
        figure("a2", "no more than 900", None, "at_most", high=900, claimant_actor_id="un"),
    ]  # fmt: skip
    (found,) = quantities(rows)
    assert found.status == "dispute"
    assert [[c.figure.text for c in p] for p in found.positions] == [
        ["around 300"], ["some 900", "no more than 900"],
    ]  # fmt: skip
    (dispute,) = story_disputes("s", [ArticleFacts(a) for a in ARTICLES.values()], [found],
                                RELATIONS, GAZETTE)  # fmt: skip
    assert {s.value_or_claim for s in dispute.sides} == {"around 300", "some 900"}
    assert "no more than 900" not in dispute.note


def test_two_unknown_claimants_in_one_article_are_not_two_accounts():
    rows = [figure("a1", "around 300", 300, "approximate", claimant="the group"),
            figure("a1", "some 900", 900, "approximate", start=10, claimant="an NGO")]  # fmt: skip
    assert [f.status for f in quantities(rows)] == ["agreed"]


def test_two_known_claimants_far_apart_in_one_article_are_not_set_against_each_other():
    rows = [figure("a1", "around 300", 300, "approximate", claimant="Khoja",
                   claimant_actor_id="khoja", sentence="Khoja said around 300 were there."),
            figure("a1", "some 900", 900, "approximate", start=2000, claimant_actor_id="un",
                   sentence="Much later, the UN said some 900.")]  # fmt: skip
    assert [f.status for f in quantities(rows)] == ["agreed"]
    near = [rows[0], figure("a1", "some 900", 900, "approximate", start=120,
                            claimant_actor_id="un", sentence="The UN said some 900.")]  # fmt: skip
    assert [f.status for f in quantities(near)] == ["dispute"]


def test_two_claimants_one_sentence_contrasts_are_two_accounts():
    sentence = "The Syrian government said 62 were killed, but U.S. investigators could confirm 15."
    syria = toll("a1", "62", 62, "exact", "The Syrian government", start=27, sentence=sentence,
                 claimant_actor_id="syrian-government", sentence_end=len(sentence))  # fmt: skip
    us = replace(syria, start=81, end=83, text="15", value=15, claimant="U.S. investigators",
                 claimant_actor_id=None)  # fmt: skip

    def status(*figures):
        found = incident(report("a1", "AFP", figures))
        (aligned,) = incident_figures(found, {(f.article_id, f.start): f for f in figures},
                                      ARTICLES)  # fmt: skip
        return aligned.status

    assert status(syria, us) == "dispute"
    listed = sentence.replace(", but", " and")  # no word sets them against each other
    assert status(replace(syria, sentence=listed), replace(us, sentence=listed)) == "agreed"


def test_a_known_source_and_a_body_the_text_names_in_one_article_are_two_accounts():
    un = figure("a1", "some 900", 900, "approximate", start=120, claimant="the UN",
                claimant_actor_id="un", sentence="The UN said some 900.")  # fmt: skip
    for claimant, kind, status in (
        ("Thiqa news agency", "media", "dispute"),
        ("Syrian state media", "media", "agreed"),
        ("activists", "unnamed", "agreed"),
    ):
        named = figure("a1", "around 300", 300, "approximate", claimant=claimant,
                       claimant_kind=kind, sentence=f"{claimant} said around 300.")  # fmt: skip
        assert [f.status for f in quantities([named, un])] == [status], claimant


def test_one_claimants_two_counts_in_one_sentence_are_parts_not_an_update():
    said = "Four Kurdish fighters and 11 jihadists were among the dead, SOHR said."
    rows = [figure("a1", "Four", 4, "exact", claimant="SOHR", claimant_actor_id="sohr",
                   sentence=said),
            figure("a1", "11", 11, "exact", start=30, claimant="SOHR", claimant_actor_id="sohr",
                   sentence=said),
            figure("a2", "at least four", 4, "at_least", low=4, claimant="UN")]  # fmt: skip
    assert [f.status for f in quantities(rows)] == ["agreed"]
    rose = "The toll rose to 11 from four, SOHR said."
    rows = [replace(rows[0], sentence=rose), replace(rows[1], sentence=rose), rows[2]]
    assert [f.status for f in quantities(rows)] == ["update"]


def test_the_victims_are_read_from_the_word_for_what_is_counted():
    def victims(what):
        return victims_of(figure("a1", "nine", 9, "exact", what=what, victims=None))

    assert victims("terrorist strongpoints") is None
    assert victims("Daesh terrorists") == "fighters"
    assert victims("children killed") == "children"
    assert victims("civilians dead") == "civilians"
    assert victims("women") == "women"


def test_around_300_and_no_more_than_900_alone_agree():
    rows = [figure("a1", "around 300", 300, "approximate", claimant="Khoja"),
            figure("a2", "no more than 900", None, "at_most", high=900)]  # fmt: skip
    (found,) = quantities(rows)
    assert found.status == "agreed"


def test_a_source_repeating_itself_is_never_in_dispute():
    rows = [figure("a1", "around 300", 300, "approximate", claimant="UN"),
            figure("a2", "some 900", 900, "approximate", claimant="UN")]  # fmt: skip
    found = quantities(rows)
    assert all(f.status != "dispute" for f in found)


def test_a_later_higher_toll_is_an_update():
    articles = {"a1": article("a1", published="2016-10-01"),
                "a2": article("a2", "BBC", published="2016-10-03")}  # fmt: skip
    rows = [figure("a1", "20", 20, "exact", claimant="SOHR", measure="killed", victims="people",
                   scope="cumulative"),
            figure("a2", "44", 44, "exact", claimant="White Helmets", measure="killed",
                   victims="people", scope="cumulative")]  # fmt: skip
    (found,) = quantities(rows, articles)
    assert found.status == "update"
    (dispute,) = story_disputes("s", [ArticleFacts(a) for a in articles.values()], [found],
                                RELATIONS, GAZETTE)  # fmt: skip
    assert dispute.status == "update" and "changed over time" in dispute.note


def test_a_higher_toll_of_the_strikes_day_on_a_later_page_is_an_update():
    """ "27 injured in the strike on Saturday" on Saturday's page and "75 wounded in the
    strike on Saturday" on Monday's: both speak for Saturday, the second is Monday's count."""
    articles = {"a1": article("a1", published="2016-10-01"),
                "a2": article("a2", "BBC", published="2016-10-03")}  # fmt: skip
    rows = [figure("a1", "27", 27, "exact", claimant="the governor", measure="injured",
                   victims="people", time="2016-10-01"),
            figure("a2", "75", 75, "exact", claimant="an official", measure="injured",
                   victims="people", time="2016-10-01")]  # fmt: skip
    (found,) = quantities(rows, articles)
    assert found.status == "update"
    # the lower count on the later page is no step of a rise
    lower_later = [replace(rows[0], article_id="a2"), replace(rows[1], article_id="a1")]
    (found,) = quantities(lower_later, articles)
    assert found.status == "dispute"


def test_a_toll_of_none_against_a_later_toll_of_some_is_a_dispute_not_an_update():
    articles = {"a1": article("a1", published="2016-10-01"),
                "a2": article("a2", "BBC", published="2016-10-03")}  # fmt: skip
    none = figure("a1", "no", 0, "exact", claimant="Zakharova", measure="killed",
                  victims="people", scope="cumulative")  # fmt: skip
    some = figure("a2", "at least 26", 26, "at_least", low=26, claimant="White Helmets",
                  measure="killed", victims="people", scope="cumulative")  # fmt: skip
    (found,) = quantities([none, some], articles)
    assert found.status == "dispute"
    five = replace(none, text="five", value=5)  # a first count that a fuller one replaced
    (rose,) = quantities([five, some], articles)
    assert rose.status == "update"


def test_killed_and_injured_children_and_everyone_are_different_quantities():
    rows = [
        figure("a1", "40", 40, "exact", claimant="SOHR", measure="killed", victims="people"),
        figure("a2", "120", 120, "exact", claimant="SANA", measure="injured", victims="people"),
        figure("a2", "12", 12, "exact", claimant="SANA", measure="killed", victims="children",
               start=20),
    ]  # fmt: skip
    assert [f.status for f in quantities(rows)] == []  # no quantity has two sources


def test_proposed_numbers_and_stated_times_stay_apart():
    rows = [
        figure("a1", "200", 200, "exact", status="proposed"),
        figure("a2", "around 900", 900, "approximate", time="2016-12-01"),
        figure("a1", "around 300", 300, "approximate", claimant="Khoja", time="2016-10-01"),
    ]
    assert all(f.status == "agreed" for f in quantities(rows))


# -- incidents -------------------------------------------------------------------------------


def report(aid, outlet, figures=(), doers=(), denied=(), chain=None):
    return IncidentReport(
        article_id=aid, outlet=outlet, chain=chain or outlet.lower(), kind="aerial",
        sentence_start=0, sentence_end=40, sentence=f"{outlet} report of the strike.", lead=True,
        figure_starts=tuple(f.start for f in figures),
        perpetrators=tuple(Attribution(a, a, claimant) for a, claimant in doers),
        denied_by=tuple(Attribution(a, a, claimant) for a, claimant in denied),
    )  # fmt: skip


def incident(*reports):
    return Incident("incident:1", "aerial", "ASSAULT", "aerial", "aleppo", "2016-09-19",
                    "2016-09-19", "day", tuple(reports), label="air strike in Aleppo",
                    story_id="story:1")  # fmt: skip


def toll(aid, text, value, qualifier, claimant, start=0, **kw):
    return figure(aid, text, value, qualifier, what=kw.pop("what", "people"), about=None,
                  claimant=claimant, measure=kw.pop("measure", "killed"),
                  victims=kw.pop("victims", "people"), scope=kw.pop("scope", "incident"),
                  start=start, **kw)  # fmt: skip


def test_an_incidents_tolls_from_two_sources_that_cannot_meet():
    sohr = toll("a1", "at least 44", 44, "at_least", "SOHR", low=44)
    sana = toll("a2", "five", 5, "exact", "SANA")
    found = incident(report("a1", "AFP", [sohr]), report("a2", "BBC", [sana]))
    (figure_,) = incident_figures(found, {("a1", 0): sohr, ("a2", 0): sana}, ARTICLES)
    assert figure_.status == "dispute" and figure_.incident_id == "incident:1"
    (dispute,) = incident_disputes(found, [figure_], RELATIONS, GAZETTE, ARTICLES)
    assert dispute.kind == "numeric" and dispute.incident_id == "incident:1"
    assert "five (SANA, BBC) against at least 44 (SOHR, AFP)" in dispute.note


def test_two_close_exact_counts_a_sentence_sets_against_each_other_are_disputed():
    """ "NUG reported that 168 people were killed ..., however, locals claim that 174
    died": exact counts a few apart can be one toll revised (each keeps 5% of leeway), but
    a sentence that sets them against each other tells them as rival counts; the note says
    so rather than that neither allows the other."""
    sentence = "NUG reported that 168 were killed; however, locals claim that 174 died."
    nug = toll("a1", "168", 168, "exact", "NUG", start=18, sentence=sentence)
    locals_ = toll("a1", "174", 174, "exact", "locals", start=62, sentence=sentence)
    assert sentence[62:65] == "174"
    found = incident(report("a1", "AFP", [nug, locals_]))
    (figure_,) = incident_figures(found, {("a1", 18): nug, ("a1", 62): locals_}, ARTICLES)
    assert figure_.status == "dispute"
    (dispute,) = incident_disputes(found, [figure_], RELATIONS, GAZETTE, ARTICLES)
    assert "168 (NUG, AFP) against 174 (locals, AFP)" in dispute.note
    assert "told against each other as rival counts" in dispute.note
    # the same two counts from two pages, with no sentence between them, are one toll
    other = replace(locals_, article_id="a2", start=0, sentence="Locals say 174 died.")
    found = incident(report("a1", "AFP", [nug]), report("a2", "BBC", [other]))
    (figure_,) = incident_figures(found, {("a1", 18): nug, ("a2", 0): other}, ARTICLES)
    assert figure_.status == "agreed"


def test_a_toll_in_a_passing_mention_is_not_disputed():
    sohr = toll("a1", "at least 44", 44, "at_least", "SOHR", low=44)
    aside = toll("a2", "five", 5, "exact", "SANA")
    passing = replace(report("a2", "BBC", [aside]), lead=False)
    found = incident(report("a1", "AFP", [sohr]), passing)
    (figure_,) = incident_figures(found, {("a1", 0): sohr, ("a2", 0): aside}, ARTICLES)
    assert figure_.status == "agreed" and len(figure_.claims) == 2


def test_two_tolls_a_passing_mention_sets_against_each_other_are_disputed():
    """ "NUG reported that 68 people were killed ..., however, locals claim that 174
    died": the article itself tells them as rival counts, even in passing; neither claimant
    is known to the dictionary, and their words tell them apart."""
    sentence = "NUG reported that 68 were killed; however, locals claim that 174 died."
    nug = toll("a2", "68", 68, "exact", "NUG", start=18, sentence=sentence)
    locals_ = toll("a2", "174", 174, "exact", "locals", start=61, sentence=sentence)
    assert sentence[61:64] == "174"
    passing = replace(report("a2", "BBC", [nug, locals_]), lead=False)
    sohr = toll("a1", "at least 170", 170, "at_least", "SOHR", low=170)
    found = incident(report("a1", "AFP", [sohr]), passing)
    figures = {("a1", 0): sohr, ("a2", 18): nug, ("a2", 61): locals_}
    (figure_,) = incident_figures(found, figures, ARTICLES)
    disputed = {(figure_.claims[c.first].figure.value, figure_.claims[c.second].figure.value)
                for c in figure_.clashes if c.kind == "dispute"}  # fmt: skip
    assert disputed == {(68.0, 174.0)}  # the passing 68 is held against the lead by no one
    told_apart = sentence.replace("however, ", "")  # no word of contrast: not the article's
    plain = [replace(f, sentence=told_apart, start=f.start - (9 if f is locals_ else 0))
             for f in (nug, locals_)]  # fmt: skip
    figures = {("a1", 0): sohr, ("a2", 18): plain[0], ("a2", 52): plain[1]}
    found = incident(report("a1", "AFP", [sohr]), replace(passing, figure_starts=(18, 52)))
    (figure_,) = incident_figures(found, figures, ARTICLES)
    assert not [c for c in figure_.clashes if c.kind == "dispute"]


def test_a_toll_placed_elsewhere_is_a_part_shown_not_disputed():
    sohr = toll("a1", "at least 44", 44, "at_least", "SOHR", low=44)
    part = toll("a2", "five", 5, "exact", "SANA", place_id="a-village")
    found = incident(report("a1", "AFP", [sohr]), report("a2", "BBC", [part]))
    (figure_,) = incident_figures(found, {("a1", 0): sohr, ("a2", 0): part}, ARTICLES)
    assert figure_.status == "agreed" and len(figure_.claims) == 2


def test_a_toll_of_everyone_below_another_sources_toll_of_a_part_is_a_dispute():
    everyone = toll("a1", "15", 15, "exact", "SANA")
    fighters = toll("a2", "25", 25, "exact", "SOHR", victims="fighters", what="fighters")
    found = incident(report("a1", "AFP", [everyone]), report("a2", "BBC", [fighters]))
    figures = {("a1", 0): everyone, ("a2", 0): fighters}
    people = next(f for f in incident_figures(found, figures, ARTICLES) if f.victims == "people")
    assert people.status == "dispute"
    assert [c.figure.text for c in people.claims] == ["15", "25 (fighters)"]
    (dispute,) = incident_disputes(found, [people], RELATIONS, GAZETTE, ARTICLES)
    assert "15 (SANA, AFP) against 25 (fighters) (SOHR, BBC)" in dispute.note


def test_casualties_below_another_sources_dead_are_a_dispute_and_above_them_are_not():
    """ "Under 100 casualties" cannot hold beside "210 killed": the dead are some of the
    casualties, whichever reading of the word the first source meant. The wounded set no
    floor (some use "casualties" for the dead alone), nor do dead at most as many."""
    killed = toll("a2", "210", 210, "exact", "the media office")
    for value, qualifier, disputed in ((100, "at_most", True), (300, "exact", False)):
        hurt = toll("a1", str(value), value, qualifier, "the army", measure="killed_or_injured",
                    what="casualties", high=value if qualifier == "at_most" else None)  # fmt: skip
        found = incident(report("a1", "AFP", [hurt]), report("a2", "BBC", [killed]))
        figures = {("a1", 0): hurt, ("a2", 0): killed}
        disputes = [f for f in incident_figures(found, figures, ARTICLES)
                    if f.status == "dispute"]  # fmt: skip
        assert bool(disputes) is disputed, value
        if disputed:
            assert disputes[0].measure == "killed_or_injured"
            assert [c.figure.text for c in disputes[0].claims] == ["100", "210 (killed)"]
    wounded = toll("a2", "210", 210, "exact", "the media office", measure="injured")
    hurt = toll("a1", "100", 100, "at_most", "the army", measure="killed_or_injured", high=100)
    found = incident(report("a1", "AFP", [hurt]), report("a2", "BBC", [wounded]))
    figures = {("a1", 0): hurt, ("a2", 0): wounded}
    assert all(f.status != "dispute" for f in incident_figures(found, figures, ARTICLES))


def test_a_ceiling_on_a_part_sets_no_floor_for_everyone():
    """ "Up to 24 civilians" bounds civilians from above: it says nothing about how few
    people died in all, so 85 killed stands beside it undisputed."""
    everyone = toll("a1", "85", 85, "exact", "a resident")
    ceiling = toll("a2", "up to 24", 24, "at_most", "the coalition", high=24,
                   victims="civilians", what="civilians")  # fmt: skip
    found = incident(report("a1", "AFP", [everyone]), report("a2", "BBC", [ceiling]))
    figures = {("a1", 0): everyone, ("a2", 0): ceiling}
    assert all(f.status != "dispute" for f in incident_figures(found, figures, ARTICLES))


@pytest.mark.parametrize(
    ("sentence", "disputed"),
    [
        ("Air strikes on the market in Aleppo and on the nearby town of Anadan killed 44.", False),
        ("Air strikes killed 44 people in the towns of Anadan and Hreitan.", False),
        ("Air strikes killed 44 people in Aleppo and Anadan on Tuesday.", False),
        ("Missiles killed 44 people and wounded 196 in different regions of the country.", False),
        ("Air strikes killed 44 people nationwide on Monday.", False),
        ("Air strikes killed 44 people in Aleppo and wounded 60.", True),
        ("Air strikes killed 44 fighters of the Islamic State in Iraq and Syria in Aleppo.", True),
        ("Air strikes killed 44 evacuees from the towns of Foua and Kefraya in Aleppo.", True),
        (
            "A video of the market in Aleppo showed men speaking in Arabic and German; 44 died.",
            True,
        ),
    ],
)
def test_a_toll_over_places_named_together_is_no_rival_of_one_places(sentence, disputed):
    """ "Strikes on the market in Aleppo and on the nearby town of Anadan killed 44" counts
    two places: one place's 15 is a part of it, no rival count. A name's "in Iraq and
    Syria", where victims came from, or languages spoken name no places of the toll."""
    one = toll("a1", "15", 15, "exact", "SOHR")
    both = toll("a2", "44", 44, "exact", "civil defence", sentence=sentence)
    found = incident(report("a1", "AFP", [one]), report("a2", "BBC", [both]))
    (figure_,) = incident_figures(found, {("a1", 0): one, ("a2", 0): both}, ARTICLES)
    assert (figure_.status == "dispute") == disputed


def test_a_part_many_times_the_whole_counts_another_happening_not_a_floor():
    """ "Its raids killed at least 220 civilians" beside one strike's 33 dead is a count of
    more than the strike (TOLLS_APART times it): no floor to set the 33 below."""
    everyone = toll("a1", "33", 33, "exact", "the Observatory")
    campaign = toll("a2", "at least 220", 220, "at_least", "the coalition", low=220,
                    victims="civilians", what="civilians")  # fmt: skip
    found = incident(report("a1", "AFP", [everyone]), report("a2", "BBC", [campaign]))
    figures = {("a1", 0): everyone, ("a2", 0): campaign}
    assert all(f.status != "dispute" for f in incident_figures(found, figures, ARTICLES))


@pytest.mark.parametrize(
    ("everyone", "part", "about"),
    [
        (40, 25, None),  # a part below the whole: both can hold
        (15, 25, "jfs"),  # a party's own losses are as often another fight's
    ],
)
def test_a_part_that_fits_in_the_whole_or_counts_a_partys_losses_is_no_dispute(
    everyone, part, about
):
    whole = toll("a1", str(everyone), everyone, "exact", "SANA")
    some = toll("a2", str(part), part, "exact", "SOHR", victims="fighters", what="fighters")
    some = replace(some, about_actor_id=about)
    found = incident(report("a1", "AFP", [whole]), report("a2", "BBC", [some]))
    # one source per group: nothing to align, no part shown beside the whole
    assert incident_figures(found, {("a1", 0): whole, ("a2", 0): some}, ARTICLES) == []


def test_a_monitors_count_of_a_partys_dead_is_a_floor_of_the_happenings_toll():
    """ "An explosion at a mosque killed at least 25 members of the Nusra Front, the
    Observatory said" against "15 deaths" from another source: a monitor counts every
    side's dead, so its count of a party's is the happening's toll, which 15 cannot be."""
    whole = toll("a1", "15", 15, "exact", "Anadolu")
    some = toll("a2", "25", 25, "exact", "SOHR", victims="fighters", what="fighters")
    some = replace(some, about_actor_id="jfs", claimant_kind="monitor")
    found = incident(report("a1", "AFP", [whole]), report("a2", "BBC", [some]))
    (figure_,) = incident_figures(found, {("a1", 0): whole, ("a2", 0): some}, ARTICLES)
    assert figure_.status == "dispute" and figure_.subject == "killed (people)"


def test_a_part_is_no_floor_for_an_update():
    whole = toll("a1", "15", 15, "exact", "SANA")
    some = toll("a2", "25", 25, "exact", None, victims="fighters", what="fighters")
    found = incident(report("a1", "AFP", [whole]), report("a2", "BBC", [some]))
    assert incident_figures(found, {("a1", 0): whole, ("a2", 0): some}, ARTICLES) == []


def test_the_counts_of_who_took_part_that_a_reports_sentences_give_are_the_incidents():
    two = figure("a1", "two", 2, "exact", what="suicide bombers", about=None,
                 claimant="interior ministry", scope="incident", place_id=None)  # fmt: skip
    three = figure("a2", "three", 3, "exact", what="fighters", about=None, claimant="IS",
                   scope="incident", place_id=None)  # fmt: skip
    found = incident(report("a1", "AFP"), report("a2", "BBC"))
    (count,) = incident_figures(found, {("a1", 0): two, ("a2", 0): three}, ARTICLES)
    assert count.status == "dispute" and count.incident_id == "incident:1"
    assert count.subject == "fighters"
    elsewhere = replace(three, sentence_start=50, sentence_end=90)  # not the report's sentence
    assert incident_figures(found, {("a1", 0): two, ("a2", 0): elsewhere}, ARTICLES) == []


def test_a_count_of_who_took_part_never_rises_as_a_toll_does():
    """ "Two attackers", then "three attackers" a week on: a toll would have risen; a count
    of attackers is either disputed or not, and here whose count the outlet's is, unsaid."""
    first = figure("a1", "two", 2, "exact", what="attackers", about=None, claimant="police",
                   scope="incident", place_id=None)  # fmt: skip
    later = figure("a2", "three", 3, "exact", what="attackers", about=None, claimant=None,
                   scope="incident", place_id=None)  # fmt: skip
    dated = {"a1": article("a1", published="2017-10-02"),
             "a2": article("a2", "BBC", published="2017-10-09")}  # fmt: skip
    found = incident(report("a1", "AFP"), report("a2", "BBC"))
    (count,) = incident_figures(found, {("a1", 0): first, ("a2", 0): later}, dated)
    assert count.status == "agreed" and count.clashes == ()
    tolls = [replace(f, measure="killed") for f in (first, later)]
    found = incident(report("a1", "AFP", [tolls[0]]), report("a2", "BBC", [tolls[1]]))
    (toll_,) = incident_figures(found, {("a1", 0): tolls[0], ("a2", 0): tolls[1]}, dated)
    assert toll_.status == "update"


def test_one_claimant_named_in_full_and_in_part_does_not_dispute_itself():
    """ "The interior ministry" (unresolved) and the "Syrian Interior Ministry" are one
    source: its two figures are a revision, not a dispute."""
    part = toll("a1", "three", 3, "exact", "interior ministry")
    full = toll("a2", "two", 2, "exact", "Syrian Interior Ministry", claimant_actor_id="moi")
    found = incident(report("a1", "AFP", [part]), report("a2", "BBC", [full]))
    (figure_,) = incident_figures(found, {("a1", 0): part, ("a2", 0): full}, ARTICLES)
    assert figure_.status == "update"
    other = replace(part, claimant="health ministry")
    (figure_,) = incident_figures(found, {("a1", 0): other, ("a2", 0): full}, ARTICLES)
    assert figure_.status == "dispute"


def test_an_outlets_own_lower_toll_against_a_source_is_no_dispute():
    own = toll("a1", "34", 34, "exact", None)
    sohr = toll("a2", "at least 53", 53, "at_least", "SOHR", low=53)
    found = incident(report("a1", "AFP", [own]), report("a2", "BBC", [sohr]))
    (figure_,) = incident_figures(found, {("a1", 0): own, ("a2", 0): sohr}, ARTICLES)
    assert figure_.status == "update"  # whose count the outlet's 34 was, it does not say


def test_a_source_revising_its_toll_is_an_update_not_a_dispute():
    first = toll("a1", "20", 20, "exact", "SOHR", claimant_actor_id="sohr")
    later = toll("a2", "43", 43, "exact", "Observatory", claimant_actor_id="sohr")
    found = incident(report("a1", "AFP", [first]), report("a2", "BBC", [later]))
    (figure_,) = incident_figures(found, {("a1", 0): first, ("a2", 0): later}, ARTICLES)
    assert figure_.status == "update"
    (update,) = incident_disputes(found, [figure_], RELATIONS, GAZETTE, ARTICLES)
    assert update.status == "update" and "changed over time" in update.note


def test_perpetrators_that_are_not_kin_are_a_dispute():
    found = incident(report("a1", "AFP", doers=[("russia", "US officials")]),
                     report("a2", "SANA", doers=[("coalition", None)]))  # fmt: skip
    (dispute,) = incident_disputes(found, [], RELATIONS, GAZETTE, ARTICLES)
    assert dispute.kind == "perpetrator"
    position = {s.value_or_claim: s.position for s in dispute.sides}
    assert set(position) == {"Russia did it", "US-led coalition did it"}
    assert position["Russia did it"] != position["US-led coalition did it"]
    assert "Russia (AFP)" in dispute.note and "US-led coalition (SANA)" in dispute.note


def test_a_doer_named_in_a_passing_mention_takes_no_side():
    aside = replace(report("a2", "SANA", doers=[("coalition", None)]), lead=False)
    found = incident(report("a1", "AFP", doers=[("russia", "US officials")]), aside)
    assert incident_disputes(found, [], RELATIONS, GAZETTE, ARTICLES) == []


def test_a_report_naming_two_parties_takes_no_side():
    found = incident(report("a1", "AFP", doers=[("russia", None), ("coalition", None)]),
                     report("a2", "SANA", doers=[("coalition", None)]))  # fmt: skip
    assert incident_disputes(found, [], RELATIONS, GAZETTE, ARTICLES) == []


def test_two_parties_blaming_each_other_join_a_disagreement_other_reports_hold():
    """ "The opposition accused government forces of the gas attack; the government
    accused rebels of it": each party's account names the other, so each joins its own
    side of a who-did-it dispute other reports hold; alone, or in a battle's exchange of
    fire, or when one voice names both, it takes no side."""
    mutual = report("a3", "Reuters")
    mutual = replace(mutual, perpetrators=(
        Attribution("army", "government forces", "The opposition", "fsa"),
        Attribution("syrian-rebels", "rebels", "The government", "syrian-government"),
    ))  # fmt: skip
    blaming = report("a1", "AFP", doers=[("army", "activists")])
    other = report("a2", "SANA", doers=[("russia", "US officials")])
    gassed = replace(incident(blaming, other, mutual), kind="chemical")
    (dispute,) = incident_disputes(gassed, [], RELATIONS, GAZETTE, ARTICLES)
    position = {(s.article_id, s.value_or_claim): s.position for s in dispute.sides}
    assert position[("a3", "Syrian rebels did it")] != position[("a3", "Syrian Arab Army did it")]
    army = "Syrian Arab Army did it"
    assert position[("a3", army)] == position[("a1", army)]
    alone = replace(gassed, reports=(blaming, mutual))
    assert incident_disputes(alone, [], RELATIONS, GAZETTE, ARTICLES) == []
    shelled = replace(gassed, kind="shelling")
    found = incident_disputes(shelled, [], RELATIONS, GAZETTE, ARTICLES)
    assert "a3" not in {s.article_id for d in found for s in d.sides}
    one_voice = replace(mutual, perpetrators=tuple(
        replace(a, claimant="The opposition", claimant_actor_id="fsa") for a in mutual.perpetrators
    ))  # fmt: skip
    found = incident_disputes(replace(gassed, reports=(blaming, other, one_voice)), [],
                              RELATIONS, GAZETTE, ARTICLES)  # fmt: skip
    assert "a3" not in {s.article_id for d in found for s in d.sides}


def test_a_report_relaying_two_voices_on_two_doers_joins_both_sides():
    """ "Kyiv blamed the Russian Armed Forces for the bombing" beside the outlet's own "Azov
    blew up the theatre": one report relays both accounts of one strike, so it stands on
    each side of the disagreement the other reports hold; one voice naming both takes no
    side, and neither does a shelling, where two doers are as often two acts."""
    both = replace(report("a3", "Pravda"), perpetrators=(
        Attribution("russia", "Russian forces", "Kyiv", "syrian-government"),
        Attribution("jfs", "Azov", None, None),
    ))  # fmt: skip
    blaming = report("a1", "AP", doers=[("russia", "Amnesty")])
    other = report("a2", "RT", doers=[("jfs", "Konashenkov")])
    (dispute,) = incident_disputes(incident(blaming, other, both), [], RELATIONS, GAZETTE,
                                   ARTICLES)  # fmt: skip
    sides = {s.position for s in dispute.sides if s.article_id == "a3"}
    assert len(sides) == 2
    one_voice = replace(both, perpetrators=tuple(
        replace(a, claimant="Kyiv", claimant_actor_id="syrian-government")
        for a in both.perpetrators
    ))  # fmt: skip
    (dispute,) = incident_disputes(incident(blaming, other, one_voice), [], RELATIONS, GAZETTE,
                                   ARTICLES)  # fmt: skip
    assert "a3" not in {s.article_id for s in dispute.sides}
    shelled = replace(incident(blaming, other, both), kind="shelling")
    found = incident_disputes(shelled, [], RELATIONS, GAZETTE, ARTICLES)
    assert "a3" not in {s.article_id for d in found for s in d.sides}


def test_a_report_relaying_two_accounts_stands_on_the_side_it_opens_with():
    """ "HRW said a misfired rocket was the likely cause" opening a report that later
    relays "a Hamas official said all indications pointed to Israel": the report stands on
    HRW's side as a report naming one doer would, and the answer joins the other side."""
    both = replace(report("a2", "Stabroek"), sentence_start=0, sentence_end=40, perpetrators=(
        Attribution("jfs", "a misfired rocket", "HRW", "sohr", start=10, end=27),
        Attribution("russia", "Russia", "A Hamas official", "syrian-government", 60, 66),
    ))  # fmt: skip
    blaming = report("a1", "AP", doers=[("russia", "Amnesty")])
    (dispute,) = incident_disputes(incident(blaming, both), [], RELATIONS, GAZETTE, ARTICLES)
    position = {(s.article_id, s.value_or_claim): s.position for s in dispute.sides}
    assert position[("a2", "Russia did it")] == position[("a1", "Russia did it")]
    assert position[("a2", "Jabhat Fateh al-Sham did it")] != position[("a1", "Russia did it")]
    unopened = replace(both, perpetrators=tuple(
        replace(a, start=a.start + 50, end=a.end + 50) for a in both.perpetrators
    ))  # fmt: skip
    assert incident_disputes(incident(blaming, unopened), [], RELATIONS, GAZETTE, ARTICLES) == []


def test_a_report_relaying_three_voices_on_three_doers_joins_each_side():
    """ "The ministry blamed Russia; the army blamed Jabhat Fateh al-Sham; the Observatory
    found a coalition bomb": each account stands on its own side of the disagreement the
    other reports hold; one voice behind two of the doers makes no such set."""
    three = replace(report("a3", "Pravda"), perpetrators=(
        Attribution("russia", "Russia", "The ministry", "syrian-government"),
        Attribution("jfs", "Nusra", "The army", "army"),
        Attribution("coalition", "the coalition", "The Observatory", "sohr"),
    ))  # fmt: skip
    blaming = report("a1", "AP", doers=[("russia", "Amnesty")])
    other = report("a2", "RT", doers=[("jfs", "Konashenkov")])
    (dispute,) = incident_disputes(incident(blaming, other, three), [], RELATIONS, GAZETTE,
                                   ARTICLES)  # fmt: skip
    assert len({s.position for s in dispute.sides if s.article_id == "a3"}) == 3
    shared = replace(three, perpetrators=(
        *three.perpetrators[:2], replace(three.perpetrators[2], claimant_actor_id="army"),
    ))  # fmt: skip
    (dispute,) = incident_disputes(incident(blaming, other, shared), [], RELATIONS, GAZETTE,
                                   ARTICLES)  # fmt: skip
    assert "a3" not in {s.article_id for s in dispute.sides}


def test_an_undated_page_placed_by_estimate_names_no_side_of_who_did_it():
    undated = replace(report("a2", "SANA", doers=[("coalition", None)]), date_from="estimate")
    found = incident(report("a1", "AFP", doers=[("russia", "US officials")]), undated)
    assert incident_disputes(found, [], RELATIONS, GAZETTE, ARTICLES) == []
    dated = replace(undated, date_from="text")
    found = incident(report("a1", "AFP", doers=[("russia", "US officials")]), dated)
    assert [d.kind for d in incident_disputes(found, [], RELATIONS, GAZETTE, ARTICLES)] == [
        "perpetrator"
    ]


def test_a_report_offering_alternative_doers_disputes_neither_but_does_a_third():
    offered = report("a1", "AFP")
    offered = replace(offered, perpetrators=(Attribution("army", "Russian or Syrian jets", None),))
    for other, kinds in (("russia", []), ("coalition", ["perpetrator"])):
        found = incident(offered, report("a2", "SANA", doers=[(other, None)]))
        assert [d.kind for d in incident_disputes(found, [], RELATIONS, GAZETTE, ARTICLES)] == (
            kinds
        ), other


def test_kin_doers_and_monitors_are_no_perpetrator_dispute():
    found = incident(report("a1", "AFP", doers=[("army", None)]),
                     report("a2", "SANA", doers=[("syrian-government", None), ("sohr", None)]))  # fmt: skip
    assert incident_disputes(found, [], RELATIONS, GAZETTE, ARTICLES) == []


def test_a_group_and_the_crowd_of_its_side_are_no_perpetrator_dispute():
    # Jabhat Fateh al-Sham is one of the "Syrian rebels"; Russia is not
    found = incident(report("a1", "AFP", doers=[("jfs", None)]),
                     report("a2", "SANA", doers=[("syrian-rebels", None)]))  # fmt: skip
    assert incident_disputes(found, [], RELATIONS, GAZETTE, ARTICLES) == []
    found = incident(report("a1", "AFP", doers=[("russia", None)]),
                     report("a2", "SANA", doers=[("syrian-rebels", None)]))  # fmt: skip
    (dispute,) = incident_disputes(found, [], RELATIONS, GAZETTE, ARTICLES)
    assert dispute.kind == "perpetrator"


def test_doers_named_by_reports_of_other_days_or_places_are_no_dispute():
    """An incident can hold two strikes together through a third report; two reports that
    name different doers and share no day (or no place) tell two happenings."""
    gazette = Gazette(actors=GAZETTE.actors, places={
        **GAZETTE.places, "raqqa": PlaceFact("raqqa", "Raqqa", 35.95, 39.01, "city", "SY")})  # fmt: skip
    wednesday = replace(report("a1", "AFP", doers=[("russia", "activists")]),
                        day_low="2016-09-19", day_high="2016-09-19")  # fmt: skip
    friday = replace(report("a2", "SANA", doers=[("coalition", None)]),
                     day_low="2016-09-21", day_high="2016-09-22")  # fmt: skip
    assert incident_disputes(incident(wednesday, friday), [], RELATIONS, gazette, ARTICLES) == []
    same_day = replace(friday, day_low="2016-09-19", day_high="2016-09-20")
    (dispute,) = incident_disputes(incident(wednesday, same_day), [], RELATIONS, gazette,
                                   ARTICLES)  # fmt: skip
    assert dispute.kind == "perpetrator"
    elsewhere = replace(same_day, place_id="raqqa")
    placed = replace(wednesday, place_id="aleppo")
    assert incident_disputes(incident(placed, elsewhere), [], RELATIONS, gazette, ARTICLES) == []
    denying = replace(report("a2", "TASS", denied=[("russia", "Konashenkov")]),
                      day_low="2016-09-21", day_high="2016-09-22")  # fmt: skip
    assert incident_disputes(incident(wednesday, denying), [], RELATIONS, gazette, ARTICLES) == []


def test_a_party_denying_it_names_no_doer():
    """ "Russia denied its planes were responsible": the report holds Russia as the doer in
    Russia's own voice, and Russia's denial; that is no account naming Russia, so nothing
    stands against another report's doer. Named by someone else in the same report, it
    still is one."""
    own = Attribution("russia", "its planes", "Russia", "russia")
    denying = replace(report("a1", "Reuters"), perpetrators=(own,),
                      denied_by=(Attribution("russia", "denied", "Russia", "russia"),))  # fmt: skip
    blaming = report("a2", "AP", doers=[("syrian-government", "opposition")])
    found = incident_disputes(incident(denying, blaming), [], RELATIONS, GAZETTE, ARTICLES)
    assert [d.kind for d in found] == []
    accused = replace(denying, perpetrators=(replace(own, claimant="activists",
                                                     claimant_actor_id=None),))  # fmt: skip
    found = incident_disputes(incident(accused, blaming), [], RELATIONS, GAZETTE, ARTICLES)
    assert "perpetrator" in [d.kind for d in found]


def test_a_denial_answering_the_charge_its_article_just_told_is_a_dispute_in_one_article():
    """ "Jaish al-Islam said its opponents had provoked the clashes. Faylaq al-Rahman denied
    the allegation.": one article tells both sides, each on its own word, the denial right
    after the charge it answers; an article's charge told far from its denial is left to
    denials told elsewhere."""
    charge = Attribution("fsa", "its opponents", "Jaish al-Islam", "syrian-rebels", 100, 160)
    denial = Attribution("fsa", "Free Syrian Army", "Free Syrian Army", "fsa", 162, 178)
    both = replace(report("a1", "AFP"), kind="ground", perpetrators=(charge,), denied_by=(denial,))
    clashes = replace(incident(both), kind="ground", label="clashes")
    (dispute,) = incident_disputes(clashes, [], RELATIONS, GAZETTE, ARTICLES)
    assert dispute.kind == "denial"
    assert [(s.claimant, s.position) for s in dispute.sides] == [
        ("Jaish al-Islam", 0), ("Free Syrian Army", 1),
    ]  # fmt: skip
    assert dispute.subject == "whether Free Syrian Army carried out the clashes"
    far = replace(both, perpetrators=(replace(charge, start=10, end=40),))
    assert incident_disputes(replace(clashes, reports=(far,)), [], RELATIONS, GAZETTE,
                             ARTICLES) == []  # fmt: skip


def test_a_denial_against_the_report_that_names_the_doer():
    found = incident(report("a1", "AFP", doers=[("russia", "US officials")]),
                     report("a2", "TASS", denied=[("russia", "Konashenkov")]))  # fmt: skip
    (dispute,) = incident_disputes(found, [], RELATIONS, GAZETTE, ARTICLES)
    assert dispute.kind == "denial"
    assert [(s.claimant, s.position) for s in dispute.sides] == [
        ("US officials", 0), ("Konashenkov", 1),
    ]  # fmt: skip
    assert dispute.note == "US officials say Russia did it; Konashenkov deny it"


def test_a_group_denies_a_charge_against_the_collective_it_belongs_to():
    """ "The regime blamed the attack on the rebels" and "the key Ahrar al-Sham rebel group
    denied any involvement": the group is one of those charged, so its denial answers the
    charge; a rebel group's denial answers no charge against Russia."""
    blamed = report("a1", "AFP", doers=[("syrian-rebels", "the regime")])
    denying = report("a2", "Reuters", denied=[("fsa", "Free Syrian Army")])
    (dispute,) = incident_disputes(incident(blamed, denying), [], RELATIONS, GAZETTE, ARTICLES)
    assert dispute.kind == "denial"
    assert [(s.article_id, s.position) for s in dispute.sides] == [("a1", 0), ("a2", 1)]
    russia = report("a1", "AFP", doers=[("russia", "the regime")])
    found = incident_disputes(incident(russia, denying), [], RELATIONS, GAZETTE, ARTICLES)
    assert [d.kind for d in found] == []


def test_a_defector_denies_for_the_side_he_served_on_the_reports_day():
    """A government spokesman who later joined the opposition ("Makdissi", in 2012 the
    foreign ministry's): his denial then is the government's own word, and answers a
    charge against it; told after he left, it is no longer the government's."""
    spokesman = ActorFact("spokesman", "A Spokesman", "person", "SYR", "OPP", "platform",
                          former_affiliations=(FormerAffiliation("syrian-government", "2012-12"),))  # fmt: skip
    platform = ActorFact("platform", "Cairo Platform", "political group", "SYR", "OPP")
    gazette = Gazette(actors={**GAZETTE.actors, "spokesman": spokesman, "platform": platform},
                      places=GAZETTE.places)  # fmt: skip
    relations = ActorRelations.of(gazette)
    assert relations.ancestors("spokesman", "2012-05-27") == ["syrian-government"]
    assert relations.ancestors("spokesman") == ["platform"]
    charged = replace(report("a1", "AFP", doers=[("syrian-government", "Turkey")]),
                      published="2012-05-27")  # fmt: skip
    denial = Attribution("syrian-government", "We", "Makdissi", "spokesman")
    for day, kinds in (("2012-05-27", ["denial"]), ("2016-05-27", [])):
        denying = replace(report("a2", "Press TV"), denied_by=(denial,), published=day)
        found = incident_disputes(incident(charged, denying), [], relations, gazette, ARTICLES)
        assert [d.kind for d in found] == kinds, day


def test_a_charge_stands_against_a_denial_told_elsewhere_though_its_article_tells_one_too():
    """ "Hezbollah categorically denies ... But Hagari said Hezbollah was behind it", and
    another page with Hezbollah's denial alone: the charge stands against the other page's
    denial, wherever its own article tells the denial (before the charge, so answering
    none)."""
    both = report("a1", "Politico", doers=[("russia", "US officials")],
                  denied=[("russia", "Konashenkov")])  # fmt: skip
    alone = report("a2", "TASS", denied=[("russia", "Zakharova")])
    (dispute,) = incident_disputes(incident(both, alone), [], RELATIONS, GAZETTE, ARTICLES)
    assert dispute.kind == "denial"
    assert {(s.article_id, s.position) for s in dispute.sides} >= {("a1", 0), ("a2", 1)}
    # the article alone, its denial told far from the charge, is no dispute
    assert incident_disputes(incident(both), [], RELATIONS, GAZETTE, ARTICLES) == []


def test_a_denial_told_the_day_after_the_charge_still_answers_it():
    """ "The LNA denied on Sunday any role in Saturday's strike": the denying report is
    dated by its day; a day after the charge it still answers it, two days after it no
    longer meets a report of one day."""
    dated = {"day_low": "2020-01-04", "day_high": "2020-01-04", "date_from": "text"}
    accusing = replace(report("a1", "AFP", doers=[("russia", "US officials")]), **dated)
    denying = report("a2", "TASS", denied=[("russia", "Konashenkov")])
    for day, found in (("2020-01-05", ["denial"]), ("2020-01-06", [])):
        later = replace(denying, day_low=day, day_high=day, date_from="text")
        disputes = incident_disputes(incident(accusing, later), [], RELATIONS, GAZETTE, ARTICLES)
        assert [d.kind for d in disputes] == found, day


def test_only_the_accused_party_itself_denies():
    """A denial is the accused party's own word (its ministry, its spokesman): a monitor
    saying Russia did not strike is no denial by Russia; a spokesman the text titles as the
    state's speaks for it whatever side the dictionary has the person on now."""
    accusing = report("a1", "AFP", doers=[("russia", "US officials")])
    monitor = replace(report("a2", "TASS"), denied_by=(
        Attribution("russia", "Russian jets", "SOHR", "sohr"),))  # fmt: skip
    assert incident_disputes(incident(accusing, monitor), [], RELATIONS, GAZETTE, ARTICLES) == []
    ministry = replace(monitor, denied_by=(Attribution("russia", "its jets", "Russia", "russia"),))
    (dispute,) = incident_disputes(incident(accusing, ministry), [], RELATIONS, GAZETTE, ARTICLES)
    assert dispute.kind == "denial"
    gazette = Gazette(actors={**GAZETTE.actors, "spokesman": ActorFact(
        "spokesman", "Ali Haddad", "person", "SYR", "OPP", "fsa")}, places=GAZETTE.places)  # fmt: skip
    relations = ActorRelations.of(gazette)
    blaming = report("a1", "AFP", doers=[("syrian-government", "SOHR")])
    for claimant, denies in (("foreign ministry spokesman Ali Haddad", True),
                             ("Ali Haddad", False)):  # fmt: skip
        titled = replace(report("a2", "BBC"), denied_by=(
            Attribution("syrian-government", "the government", claimant, "spokesman"),))  # fmt: skip
        found = incident_disputes(incident(blaming, titled), [], relations, gazette, ARTICLES)
        assert [d.kind for d in found] == (["denial"] if denies else []), claimant


def test_a_denial_or_an_accusation_in_a_passing_mention_takes_no_side():
    accusing = report("a1", "AFP", doers=[("russia", "US officials")])
    denying = report("a2", "TASS", denied=[("russia", "Konashenkov")])
    passing = replace(denying, lead=False)
    assert incident_disputes(incident(accusing, passing), [], RELATIONS, GAZETTE, ARTICLES) == []
    dated = replace(passing, day_low="2016-09-19", day_high="2016-09-19", date_from="text")
    (dispute,) = incident_disputes(incident(accusing, dated), [], RELATIONS, GAZETTE, ARTICLES)
    assert dispute.kind == "denial"
    aside = replace(accusing, lead=False)
    assert incident_disputes(incident(aside, denying), [], RELATIONS, GAZETTE, ARTICLES) == []
    # a section whose own words span two days ("from Friday until dawn on Saturday") accuses
    section = replace(aside, day_low="2016-09-18", day_high="2016-09-19", date_from="text")
    (dispute,) = incident_disputes(incident(section, denying), [], RELATIONS, GAZETTE, ARTICLES)
    assert dispute.kind == "denial"
    # both told only in dated side sections of articles about other happenings: no dispute
    sides_only = incident(section, dated)
    assert incident_disputes(sides_only, [], RELATIONS, GAZETTE, ARTICLES) == []


def test_a_party_naming_itself_accuses_no_one():
    owning = report("a1", "AFP", doers=[("russia", "Russia")])
    owning = replace(owning, perpetrators=(Attribution("russia", "Russia", "Russia", "russia"),))
    denying = report("a2", "TASS", denied=[("russia", "Konashenkov")])
    assert incident_disputes(incident(owning, denying), [], RELATIONS, GAZETTE, ARTICLES) == []


# -- story-level contradictions --------------------------------------------------------------


def test_an_act_told_as_not_done_is_a_denial_only_on_its_doers_word():
    """ "We didn't turn down the offer", a rebel commander said: the doer's own denial
    against the report that the rebels rejected it; an outlet or another party telling
    the act as not done denies nothing on the doer's behalf."""
    from rashomon.facts import QuoteFact

    said = event("a1", "REJECT", "alleged", ["syrian-rebels"], ["russia"], "turned down")
    denial = event("a2", "REJECT", "negated", ["fsa"], ["russia"], "refuse", start=5)
    facts = [ArticleFacts(article=ARTICLES["a1"], body="x" * 40, events=(said,)),
             ArticleFacts(article=ARTICLES["a2"], body="x" * 40, events=(denial,))]  # fmt: skip

    def quoting(speaker):
        quote = QuoteFact("a2", 0, 30, "we refuse", "direct", 0, 40, "They refuse it.",
                          speaker="he", speaker_actor_id=speaker)  # fmt: skip
        return [facts[0], replace(facts[1], quotes=(quote,))]

    def kinds(found):
        return [d.kind for d in found]

    assert kinds(story_disputes("story:1", quoting("southern-front"), [], RELATIONS,
                                GAZETTE)) == ["denial"]  # fmt: skip
    assert kinds(story_disputes("story:1", quoting("russia"), [], RELATIONS, GAZETTE)) == []
    assert kinds(story_disputes("story:1", facts, [], RELATIONS, GAZETTE)) == []


def test_denial_against_reports_of_rejection():
    rows = [
        event("a1", "REJECT", "alleged", ["syrian-rebels"], ["russia"], "turned down", start=5),
        event("a1", "REJECT", "negated", ["fsa"], ["russia"], "refuse", start=50),
    ]
    (found,) = denials(rows, RELATIONS.related, GAZETTE)
    assert [claim for _, claim in found.sides] == ["turned down (alleged)", "refuse (negated)"]


def test_different_named_factions_do_not_contradict():
    rows = [event("a1", "REJECT", "asserted", ["jfs"], ["russia"]),
            event("a2", "REJECT", "negated", ["fsa"], ["russia"], "refuse")]  # fmt: skip
    assert denials(rows, RELATIONS.related, GAZETTE) == []


def test_manner_negation_is_not_a_denial():
    rows = [event("a1", "CONSULT", "asserted", ["fsa"], ["russia"], "talks"),
            event("a1", "CONSULT", "negated", ["fsa"], ["russia"], "talking",
                  sentence="The rebels are not talking directly to the Russians.")]  # fmt: skip
    assert denials(rows, RELATIONS.related, GAZETTE) == []


def test_control_shares_that_exceed_the_whole_conflict():
    share = figure("a1", "about 70 percent", 70, "approximate", what="Sheikh Saeed", about=None,
                   unit="percent", place_id="aleppo", measure=None,
                   sentence="The rebels now control about 70 percent of Sheikh Saeed.")  # fmt: skip
    capture = event("a1", "ASSAULT", "asserted", ["army"], [], "recaptured", mode="occupy",
                    place_id="aleppo", sentence="The army had fully recaptured Sheikh Saeed.")  # fmt: skip
    states = control_states([share], [capture], ARTICLES, GAZETTE)
    assert {(s.holder, s.share) for s in states} == {("rebels", 0.7), ("army", 1.0)}
    (found,) = control_conflicts(states, RELATIONS.related, GAZETTE)
    assert found.status == "dispute" and found.subject == "control of Aleppo"


def test_capture_reported_later_is_an_update():
    articles = {"a1": article("a1", published="2016-12-01"),
                "a2": article("a2", published="2016-12-12")}  # fmt: skip
    share = figure("a1", "about 70 percent", 70, "approximate", unit="percent", measure=None,
                   sentence="Rebels control about 70 percent of X.")  # fmt: skip
    capture = event("a2", "ASSAULT", "asserted", ["army"], [], "captured", mode="occupy",
                    place_id="aleppo", sentence="The army fully captured X.")  # fmt: skip
    states = control_states([share], [capture], articles, GAZETTE)
    (found,) = control_conflicts(states, RELATIONS.related, GAZETTE)
    assert found.status == "update"


def test_kinship():
    assert RELATIONS.related("southern-front", "fsa")
    assert RELATIONS.related("syrian-rebels", "fsa")
    assert RELATIONS.related("army", "syrian-government")
    assert not RELATIONS.related("jfs", "fsa")
    assert not RELATIONS.related("russia", "army")
    assert not RELATIONS.related("rebels", "army")  # a bare word is no actor id


def test_dispute_ids_are_stable_and_sides_carry_evidence():
    rows = [figure("a1", "around 300", 300, "approximate", claimant="Khoja"),
            figure("a2", "some 900", 900, "approximate")]  # fmt: skip
    facts = [ArticleFacts(a) for a in ARTICLES.values()]
    first = story_disputes("story:1", facts, quantities(rows), RELATIONS, GAZETTE)
    again = story_disputes("story:1", facts, quantities(list(reversed(rows))), RELATIONS,
                           GAZETTE)  # fmt: skip
    assert [d.id for d in first] == [d.id for d in again]
    (dispute,) = first
    assert {(s.value_or_claim, s.claimant, s.outlet, s.position) for s in dispute.sides} == {
        ("around 300", "Khoja", "AFP", 0),
        ("some 900", "UN", "BBC", 1),
    }
    assert all(s.sentence and s.article_id for s in dispute.sides)


def test_a_headline_figure_reads_as_its_bodys_qualified_wording():
    """ "Air raids kill 29 civilians" heads "killed at least 29": no exact 29 to set against
    another source's "over 40"."""
    dated = {"a1": article("a1", published="2017-11-13"), "a2": article("a2", "BBC", "2017-11-13")}
    headline = toll("a1", "29", 29, "exact", "SOHR")
    body = toll("a1", "at least 29", 29, "at_least", "SOHR", low=29, start=60)
    other = toll("a2", "over 40", 40, "at_least", "activists", low=40)
    found = incident(report("a1", "AFP", [headline, body]), report("a2", "BBC", [other]))
    figures = {("a1", 0): headline, ("a1", 60): body, ("a2", 0): other}
    (figure_,) = incident_figures(found, figures, dated)
    assert figure_.status == "agreed"
    alone = incident(report("a1", "AFP", [headline]), report("a2", "BBC", [other]))
    (figure_,) = incident_figures(alone, {("a1", 0): headline, ("a2", 0): other}, dated)
    assert figure_.status == "dispute"  # without the body's "at least", 29 is a count


def test_a_floor_a_later_count_passes_is_an_update():
    """ "at least 29" on Monday and "at least 61" on Tuesday can both hold, but the toll rose;
    the same two floors on one day are just two floors."""
    monday = toll("a1", "at least 29", 29, "at_least", "SOHR", low=29)
    tuesday = toll("a2", "at least 61", 61, "at_least", "health directorate", low=61)
    found = incident(report("a1", "AFP", [monday]), report("a2", "BBC", [tuesday]))
    figures = {("a1", 0): monday, ("a2", 0): tuesday}
    days = {"a1": article("a1", published="2017-11-13"), "a2": article("a2", "BBC", "2017-11-14")}
    (figure_,) = incident_figures(found, figures, days)
    assert figure_.status == "update"
    (update,) = incident_disputes(found, [figure_], RELATIONS, GAZETTE, days)
    assert update.status == "update" and "then at least 61" in update.note
    # its sides are the steps of the count, first to last, though both floors allow 61
    assert [(s.value_or_claim, s.position) for s in update.sides] == [
        ("at least 29", 0), ("at least 61", 1)]  # fmt: skip
    one_day = {"a1": days["a1"], "a2": article("a2", "BBC", "2017-11-13")}
    (figure_,) = incident_figures(found, figures, one_day)
    assert figure_.status == "agreed"
    risen = replace(tuesday, sentence="The death toll hits at least 61, the directorate said.")
    (figure_,) = incident_figures(found, {("a1", 0): monday, ("a2", 0): risen}, one_day)
    assert figure_.status == "update"  # the same day, but the higher says the toll rose


def test_a_word_of_rising_says_the_toll_rose_only_about_a_count():
    """ "the toll rose to 43" replaces a count; "an agreement was reached" and "mounted one
    of the heaviest attacks" hold rising words about nothing counted."""
    same_day = {
        "a1": article("a1", published="2015-02-01"),
        "a2": article("a2", "BBC", "2015-02-01"),
    }
    low = toll("a1", "six", 6, "exact", "state television", sentence="State TV said six died.")
    for said, status in (
        ("The group mounted one of its heaviest attacks, killing seven, SOHR said.", "dispute"),
        ("Seven died as a truce was reached after talks, SOHR said.", "dispute"),
        ("The death toll rose to seven, SOHR said.", "update"),
        ("Seven were killed, up from six, SOHR said.", "update"),
        ("SOHR said seven were killed, bringing the toll to seven.", "update"),
    ):
        high = toll("a2", "seven", 7, "exact", "SOHR", sentence=said)
        found = incident(report("a1", "AFP", [low]), report("a2", "BBC", [high]))
        (figure_,) = incident_figures(found, {("a1", 0): low, ("a2", 0): high}, same_day)
        assert figure_.status == status, said


def test_a_preliminary_count_a_higher_one_replaces_is_an_update():
    same_day = {
        "a1": article("a1", published="2015-02-01"),
        "a2": article("a2", "BBC", "2015-02-01"),
    }
    early = toll("a1", "six", 6, "exact", "preliminary reports",
                 sentence="Six people were killed, according to preliminary reports.")  # fmt: skip
    sohr = toll("a2", "at least seven", 7, "at_least", "SOHR", low=7)
    found = incident(report("a1", "AFP", [early]), report("a2", "BBC", [sohr]))
    (figure_,) = incident_figures(found, {("a1", 0): early, ("a2", 0): sohr}, same_day)
    assert figure_.status == "update"
    plain = replace(early, claimant="state television", sentence="State TV said six died.")
    (figure_,) = incident_figures(found, {("a1", 0): plain, ("a2", 0): sohr}, same_day)
    assert figure_.status == "dispute"
    plain = replace(plain, sentence="Six died early on Sunday, state TV said.")  # a time of day
    (figure_,) = incident_figures(found, {("a1", 0): plain, ("a2", 0): sohr}, same_day)
    assert figure_.status == "dispute"


def test_a_count_told_at_an_hour_of_the_day_or_as_a_rise_is_an_update():
    """A same-day count stamped with its hour ("As of 7 p.m.", "At 09:02 the governor
    reported") or told as a rise ("had increased to six") is one moment of a count still
    being made: another source's higher count that day passes it; a plain one disputes."""
    same_day = {
        "a1": article("a1", published="2023-04-28"),
        "a2": article("a2", "BBC", "2023-04-28"),
    }
    low = toll("a1", "six", 6, "exact", "the governor",
               sentence="The governor said six people were killed.")  # fmt: skip
    high = toll("a2", "23", 23, "exact", "the ministry",
                sentence="The ministry said 23 people were killed.")  # fmt: skip
    found = incident(report("a1", "AFP", [low]), report("a2", "BBC", [high]))

    def status(told_low: str, told_high: str) -> str:
        figures = {("a1", 0): replace(low, sentence=told_low),
                   ("a2", 0): replace(high, sentence=told_high)}  # fmt: skip
        (figure_,) = incident_figures(found, figures, same_day)
        return figure_.status

    assert status(low.sentence, high.sentence) == "dispute"
    for told_low, told_high in [
        ("At 09:02, the governor reported that six people were killed.", high.sentence),
        ("The governor reported at 09:27 that six people were dead.", high.sentence),
        ("The governor said the death toll had increased to six.", high.sentence),
        (low.sentence, "As of 7 p.m. local time, 23 people are known to be killed."),
    ]:
        assert status(told_low, told_high) == "update", (told_low, told_high)


def test_a_floor_past_another_sources_estimate_is_an_update():
    """ "About 30 killed" from the president and "at least 50" from the governor: the count
    went past the estimate, not a dispute, unless the floor is known to be the earlier; an
    exact count below the floor still disputes it."""
    estimate = toll("a1", "about 30", 30, "approximate", "the president")
    floor = toll("a2", "at least 50", 50, "at_least", "the governor", low=50)
    found = incident(report("a1", "AFP", [estimate]), report("a2", "BBC", [floor]))
    figures = {("a1", 0): estimate, ("a2", 0): floor}
    for a1, a2, status in (("2022-04-08", "2022-04-08", "update"), (None, None, "update"),
                           ("2022-04-08", "2022-04-07", "dispute")):  # fmt: skip
        days = {"a1": article("a1", published=a1), "a2": article("a2", "BBC", a2)}
        (figure_,) = incident_figures(found, figures, days)
        assert figure_.status == status, (a1, a2)
    exact = replace(estimate, text="30", qualifier="exact")
    same_day = {"a1": article("a1", published="2022-04-08"),
                "a2": article("a2", "BBC", "2022-04-08")}  # fmt: skip
    (figure_,) = incident_figures(found, {("a1", 0): exact, ("a2", 0): floor}, same_day)
    assert figure_.status == "dispute"


def test_a_toll_that_says_it_rose_on_an_undated_page_is_an_update():
    """A page with no date cannot be ordered by its day; a higher count whose own sentence
    says the toll climbed to it replaced the lower one. Without those words it stays a
    dispute."""
    arts = {"a1": article("a1", published="2016-04-28"), "a2": article("a2", "MSF")}
    early = toll("a1", "27", 27, "exact", "rights groups",
                 sentence="A strike on the clinic killed 27 people, rights groups said.")  # fmt: skip
    later = toll("a2", "61", 61, "exact", "MSF",
                 sentence="The death toll from the clinic strike has climbed to 61, MSF said.")  # fmt: skip
    found = incident(report("a1", "AFP", [early]), report("a2", "MSF", [later]))
    (figure_,) = incident_figures(found, {("a1", 0): early, ("a2", 0): later}, arts)
    assert figure_.status == "update"
    plain = replace(later, sentence="The clinic strike killed 61 people, MSF said.")
    (figure_,) = incident_figures(found, {("a1", 0): early, ("a2", 0): plain}, arts)
    assert figure_.status == "dispute"


def test_an_undated_page_placed_days_after_the_lower_count_is_an_update():
    """An undated page's estimated window orders it: a higher count from a page whose
    window opens days after the other count's day is the toll risen; a window that may hold
    that day leaves two counts of one time in dispute."""
    early = toll("a1", "27", 27, "exact", "rights groups",
                 sentence="A strike on the clinic killed 27 people, rights groups said.")  # fmt: skip
    later = toll("a2", "61", 61, "exact", "MSF",
                 sentence="The clinic strike killed 61 people, MSF said.")  # fmt: skip
    found = incident(report("a1", "AFP", [early]), report("a2", "MSF", [later]))
    figures = {("a1", 0): early, ("a2", 0): later}
    for window, status in ((DateWindow("2016-05-02", "2016-06-30"), "update"),
                           (DateWindow("2016-05", None), "update"),
                           (DateWindow("2016-04-20", "2016-05-10"), "dispute"),
                           (DateWindow(None, "2016-06-30"), "dispute"),
                           (None, "dispute")):  # fmt: skip
        undated = replace(article("a2", "MSF"), window=window)
        arts = {"a1": article("a1", published="2016-04-28"), "a2": undated}
        (figure_,) = incident_figures(found, figures, arts)
        assert figure_.status == status, window
    # the lower count on the undated page, placed after the higher: still a dispute
    arts = {"a1": article("a1", published="2016-04-28"),
            "a2": replace(article("a2", "MSF"), window=DateWindow("2016-05-02", "2016-06-30"))}  # fmt: skip
    low = replace(later, text="12", value=12.0, sentence="The clinic strike killed 12, MSF said.")
    (figure_,) = incident_figures(found, {("a1", 0): early, ("a2", 0): low}, arts)
    assert figure_.status == "dispute"


def test_a_count_its_article_tells_as_a_past_one_is_a_step_not_a_side():
    """ "Previously the charity had reported at least 30 ... the toll has risen to 42": the
    30 is a past count, and so is the same 30 its article gives another claimant; against
    another source's count it is a step of the toll, not a dispute."""
    arts = {"a1": article("a1", published="2015-10-05"), "a2": article("a2", "BBC")}
    first = toll("a1", "22", 22, "exact", "the charity",
                 sentence="The strike killed 22 people, the charity said.")  # fmt: skip
    said = "Previously the charity had reported a toll of at least 30 people, the group said."
    past = toll("a2", "at least 30", 30, "at_least", "the charity", low=30, sentence=said,
                start=said.index("at least 30"))  # fmt: skip
    other = toll("a2", "30", 30, "exact", "a UN report", start=120,
                 sentence="A UN report found the toll was 30.")  # fmt: skip
    for claims in ([past], [past, other]):
        found = incident(report("a1", "AFP", [first]), report("a2", "BBC", claims))
        figures = {("a1", 0): first, **{("a2", c.start): c for c in claims}}
        (figure_,) = incident_figures(found, figures, arts)
        assert figure_.status == "update", len(claims)
    plain = replace(past, sentence="The charity reported a toll of at least 30 people.")
    found = incident(report("a1", "AFP", [first]), report("a2", "BBC", [plain, other]))
    figures = {("a1", 0): first, ("a2", plain.start): plain, ("a2", 120): other}
    (figure_,) = incident_figures(found, figures, arts)
    assert figure_.status == "dispute"


def test_a_side_lists_every_report_that_backs_it():
    """The outlets that print the Observatory's "at least 17" in their own voice stand behind
    that side; a figure both sides allow stands behind neither."""
    arts = {a: article(a, o, "2017-10-02") for a, o in
            (("a1", "Sputnik"), ("a2", "Daily Sabah"), ("a3", "The New Arab"), ("a4", "AFP"))}  # fmt: skip
    fifteen = toll("a1", "15", 15, "exact", "Sputnik correspondent")
    sohr = toll("a2", "at least 17", 17, "at_least", "SOHR", low=17)
    own = toll("a3", "at least 17", 17, "at_least", None, low=17)
    both = toll("a4", "more than 10", 10, "at_least", None, low=10)
    passing = replace(report("a3", "The New Arab", [own]), lead=False)
    found = incident(report("a1", "Sputnik", [fifteen]), report("a2", "Daily Sabah", [sohr]),
                     passing, report("a4", "AFP", [both]))  # fmt: skip
    figures = {("a1", 0): fifteen, ("a2", 0): sohr, ("a3", 0): own, ("a4", 0): both}
    (figure_,) = incident_figures(found, figures, arts)
    (dispute,) = [d for d in incident_disputes(found, [figure_], RELATIONS, GAZETTE, arts)
                  if d.status == "dispute"]  # fmt: skip
    assert {s.article_id for s in dispute.sides} == {"a1", "a2", "a3"}
    assert "15 (Sputnik correspondent, Sputnik) against at least 17 (SOHR, Daily Sabah)" in (
        dispute.note
    )
    # a count of one of two attacks its sentence tells is a part: it backs no side
    part = toll("a1", "six", 6, "exact", "Sputnik correspondent", start=50,
                sentence="A bomb hit the station, killing six, and a second attack hit a home.")  # fmt: skip
    first = replace(report("a1", "Sputnik", [fifteen, part]), sentences=((0, 40), (50, 90)))
    found = replace(found, reports=(first, *found.reports[1:]))
    (figure_,) = incident_figures(found, {**figures, ("a1", 50): part}, arts)
    (dispute,) = [d for d in incident_disputes(found, [figure_], RELATIONS, GAZETTE, arts)
                  if d.status == "dispute"]  # fmt: skip
    assert "six" not in {s.value_or_claim for s in dispute.sides}


def test_a_floor_backs_the_side_of_its_own_number_though_a_higher_floor_allows_it():
    """ "At least 1300" in an outlet's voice repeats the opposition's 1300 against the
    Coalition's 650; that "more than 1400" would allow it too does not take it off that side."""
    arts = {a: article(a, o, "2013-08-21") for a, o in
            (("a1", "Reuters"), ("a2", "Al Arabiya"), ("a3", "Al Arabiya"), ("a4", "Reuters"))}  # fmt: skip
    coalition = toll("a1", "650", 650, "exact", "Syrian National Coalition")
    sabra = toll("a2", "1300", 1300, "exact", "George Sabra")
    own = toll("a3", "at least 1300", 1300, "at_least", None, low=1300)
    washington = toll("a4", "more than 1400", 1400, "at_least", "Washington", low=1400)
    passing = replace(report("a3", "Al Arabiya", [own]), lead=False)
    found = incident(report("a1", "Reuters", [coalition]), report("a2", "Al Arabiya", [sabra]),
                     passing, report("a4", "Reuters", [washington]))  # fmt: skip
    figures = {("a1", 0): coalition, ("a2", 0): sabra, ("a3", 0): own, ("a4", 0): washington}
    (figure_,) = incident_figures(found, figures, arts)
    (dispute,) = [d for d in incident_disputes(found, [figure_], RELATIONS, GAZETTE, arts)
                  if d.status == "dispute"]  # fmt: skip
    position = {s.article_id: s.position for s in dispute.sides}
    assert position["a3"] == position["a2"] != position["a1"]


def test_one_claimant_under_two_wordings_is_one_voice():
    """ "the defence ministry in Moscow" and "Russian Defense Ministry" resolve to one actor:
    one voice naming two doers in two reports is no dispute between accounts."""
    first = replace(report("a1", "AFP"), perpetrators=(
        Attribution("russia", "Russian jets", "the monitor in Coventry", "sohr"),))  # fmt: skip
    second = replace(report("a2", "SANA"), perpetrators=(
        Attribution("coalition", "coalition jets", "Syrian Observatory for Human Rights", "sohr"),))  # fmt: skip
    assert incident_disputes(incident(first, second), [], RELATIONS, GAZETTE, ARTICLES) == []
    other = replace(second, perpetrators=(
        Attribution("coalition", "coalition jets", "Syrian Observatory", None),))  # fmt: skip
    (dispute,) = incident_disputes(incident(first, other), [], RELATIONS, GAZETTE, ARTICLES)
    assert dispute.kind == "perpetrator"  # unresolved, the two wordings count as two voices


def test_a_list_of_counts_by_place_gives_parts_not_the_headline():
    listed = toll("a1", "150", 150, "exact", "Damascus Media Office", sentence=(
        "The office said 150 bodies were counted in Hammouriya, 100 in Kfar Batna, 67 in "
        "Saqba and 61 in Douma."))  # fmt: skip
    whole = toll("a2", "494", 494, "exact", "SNC")
    found = incident(report("a1", "AFP", [listed]), report("a2", "BBC", [whole]))
    (figure_,) = incident_figures(found, {("a1", 0): listed, ("a2", 0): whole}, ARTICLES)
    assert figure_.status == "agreed" and len(figure_.claims) == 2
    alone = replace(listed, sentence="The office said 150 bodies were counted in Hammouriya.")
    (figure_,) = incident_figures(found, {("a1", 0): alone, ("a2", 0): whole}, ARTICLES)
    assert figure_.status == "dispute"


def test_the_toll_of_one_of_two_attacks_a_sentence_tells_is_a_part():
    one = toll("a1", "six", 6, "exact", "a medical charity", sentence=(
        "A medical charity said a bomb hit the hospital, killing six people, and a second"
        " attack hit a nearby building."))  # fmt: skip
    whole = toll("a2", "at least 40", 40, "at_least", "SOHR", low=40)
    found = incident(report("a1", "AFP", [one]), report("a2", "BBC", [whole]))
    (figure_,) = incident_figures(found, {("a1", 0): one, ("a2", 0): whole}, ARTICLES)
    assert figure_.status == "agreed" and len(figure_.claims) == 2
    alone = replace(one, sentence="A medical charity said a bomb hit the hospital, killing six.")
    (figure_,) = incident_figures(found, {("a1", 0): alone, ("a2", 0): whole}, ARTICLES)
    assert figure_.status == "dispute"


def test_an_undated_higher_count_of_a_source_that_gave_a_lower_one_is_its_later_count():
    """The monitor said 23 on the day and 36 on an undated page: 36 is its own later
    count, no rival of another source's 27 of the day; its 23 is."""
    said = "The monitor said 23 people were killed."
    own = toll("a1", "23", 23, "exact", "SOHR", sentence=said, start=said.index("23"))
    other = toll("a1", "27", 27, "exact", "Thiqa", start=200)
    later = toll("a3", "36", 36, "exact", "SOHR")
    arts = {"a1": article("a1", published="2019-07-22"), "a3": article("a3", "MEE")}
    found = incident(report("a1", "AFP", [own, other]), report("a3", "MEE", [later]))
    figures_ = {("a1", own.start): own, ("a1", 200): other, ("a3", 0): later}
    (figure_,) = incident_figures(found, figures_, arts)
    pairs = {(figure_.claims[c.first].figure.text, figure_.claims[c.second].figure.text, c.kind)
             for c in figure_.clashes}  # fmt: skip
    assert not any("36" in p[:2] and "27" in p[:2] for p in pairs)
    alone = incident(report("a1", "AFP", [other]), report("a3", "MEE", [later]))
    (figure_,) = incident_figures(alone, {("a1", 200): other, ("a3", 0): later}, arts)
    assert figure_.status == "dispute"


def test_a_toll_across_a_whole_region_is_not_one_strikes_headline():
    wide = toll("a1", "19", 19, "exact", "SOHR", sentence=(
        "They were among 19 people killed in strikes across rebel-held Idlib province."))  # fmt: skip
    strike = toll("a2", "14", 14, "exact", "a hospital spokesman")
    found = incident(report("a1", "AFP", [wide]), report("a2", "BBC", [strike]))
    (figure_,) = incident_figures(found, {("a1", 0): wide, ("a2", 0): strike}, ARTICLES)
    assert figure_.status == "agreed" and len(figure_.claims) == 2
    here = replace(wide, sentence="They were among 19 people killed in the strike.")
    (figure_,) = incident_figures(found, {("a1", 0): here, ("a2", 0): strike}, ARTICLES)
    assert figure_.status == "dispute"
    span = replace(wide, sentence="Fighting has left 19 people dead in 24 hours.")
    (figure_,) = incident_figures(found, {("a1", 0): span, ("a2", 0): strike}, ARTICLES)
    assert figure_.status == "agreed"


def test_a_further_count_adds_to_a_toll_and_is_not_one_of_its_own():
    strike = toll("a2", "14", 14, "exact", "a hospital spokesman")
    for sentence, number in (
        ("A further nine people were killed in strikes on other areas.", "nine"),
        ("Rescuers found nine more bodies on Friday.", "nine"),
        ("Another 9 people died of their wounds.", "9"),
    ):
        more = toll("a1", number, 9, "exact", "SOHR", sentence=sentence,
                    start=sentence.index(number))  # fmt: skip
        found = incident(report("a1", "AFP", [more]), report("a2", "BBC", [strike]))
        figures_ = {("a1", more.start): more, ("a2", 0): strike}
        (figure_,) = incident_figures(found, figures_, ARTICLES)
        assert figure_.status == "agreed", sentence
    alone = toll("a1", "nine", 9, "exact", "SOHR", sentence="Strikes killed nine people.",
                 start=13)  # fmt: skip
    found = incident(report("a1", "AFP", [alone]), report("a2", "BBC", [strike]))
    (figure_,) = incident_figures(found, {("a1", 13): alone, ("a2", 0): strike}, ARTICLES)
    assert figure_.status == "dispute"


def test_a_count_among_a_larger_one_is_a_part_not_a_disputed_toll():
    school = toll("a2", "at least five", 5, "at_least", "a media centre", low=5,
                  victims="children")  # fmt: skip
    for sentence in (
        "Shelling killed three civilians including one child, the monitor said.",
        "At least 17 were killed, among them one child.",
        "The dead included three women and one child, the monitor said.",
        'The group said the toll includes "12 patients, 10 staff and one child."',
        'The toll includes "one child, two doctors and three nurses."',
    ):
        part = toll("a1", "one", 1, "exact", "SOHR", sentence=sentence,
                    start=sentence.index("one"), victims="children")  # fmt: skip
        found = incident(report("a1", "AFP", [part]), report("a2", "BBC", [school]))
        figures_ = {("a1", part.start): part, ("a2", 0): school}
        (figure_,) = incident_figures(found, figures_, ARTICLES)
        assert figure_.status == "agreed" and len(figure_.claims) == 2, sentence
    alone = toll("a1", "one", 1, "exact", "SOHR", sentence="Shelling killed one child.",
                 start=16, victims="children")  # fmt: skip
    found = incident(report("a1", "AFP", [alone]), report("a2", "BBC", [school]))
    (figure_,) = incident_figures(found, {("a1", 16): alone, ("a2", 0): school}, ARTICLES)
    assert figure_.status == "dispute"


def test_a_count_that_names_nothing_goes_on_with_the_part_before_it():
    first = "Shelling on another town killed another three people, the monitor said."
    second = "The media centre said four were killed."
    text = f"{first} {second}"
    part = toll("a1", "three", 3, "exact", "SOHR", sentence=first, sentence_start=0,
                sentence_end=len(first), start=first.index("three"))  # fmt: skip
    bare = toll("a1", "four", 4, "exact", "a media centre", what="killed", sentence=second,
                sentence_start=len(first) + 1, sentence_end=len(text),
                start=text.index("four"))  # fmt: skip
    strike = toll("a2", "five", 5, "exact", "Rami Abdel Rahman")
    found = incident(report("a1", "AFP", [part, bare]), report("a2", "BBC", [strike]))
    figures_ = {("a1", part.start): part, ("a1", bare.start): bare, ("a2", 0): strike}
    (figure_,) = incident_figures(found, figures_, ARTICLES)
    assert figure_.status == "agreed" and len(figure_.claims) == 3
    named = replace(bare, what="people killed")
    figures_[("a1", bare.start)] = named
    (figure_,) = incident_figures(found, figures_, ARTICLES)
    assert figure_.status == "dispute"


def test_a_count_the_other_article_tells_as_earlier_is_updated_not_disputed():
    ministry = toll("a1", "six", 6, "exact", "the interior ministry", measure="injured")
    said = "The state agency reported earlier that six were wounded."
    earlier = toll("a2", "six", 6, "exact", "the state agency", measure="injured",
                   sentence=said, start=said.index("six"))  # fmt: skip
    source = toll("a2", "more than 10", 10, "at_least", "an informed source", low=10,
                  measure="injured", start=80)  # fmt: skip
    found = incident(report("a1", "AFP", [ministry]), report("a2", "BBC", [earlier, source]))
    figures_ = {("a1", 0): ministry, ("a2", earlier.start): earlier, ("a2", 80): source}
    (figure_,) = incident_figures(found, figures_, ARTICLES)
    assert figure_.status == "update"
    plain = replace(earlier, sentence="The state agency said six were wounded.", start=22)
    figures_ = {("a1", 0): ministry, ("a2", 22): plain, ("a2", 80): source}
    found = incident(report("a1", "AFP", [ministry]), report("a2", "BBC", [plain, source]))
    (figure_,) = incident_figures(found, figures_, ARTICLES)
    assert figure_.status == "dispute"


def test_a_toll_of_earlier_reports_is_a_past_step_of_the_higher_one_not_a_rival():
    agency = toll("a1", "28", 28, "exact", "security officials")
    said = "Earlier reports suggested at least 35 people died in the strike."
    earlier = toll("a2", "at least 35", 35, "at_least", "Earlier reports", low=35,
                   sentence=said, start=said.index("at least"))  # fmt: skip
    later = toll("a2", "at least 135", 135, "at_least", "the UN", low=135, start=90)
    found = incident(report("a1", "AFP", [agency]), report("a2", "BBC", [earlier, later]))
    figures_ = {("a1", 0): agency, ("a2", earlier.start): earlier, ("a2", 90): later}
    (figure_,) = incident_figures(found, figures_, ARTICLES)
    assert figure_.status != "dispute"
    for told in ("Earlier, a spokesman had said at least 35 people died in the strike.",):
        figures_[("a2", earlier.start)] = replace(earlier, sentence=told)
        (figure_,) = incident_figures(found, figures_, ARTICLES)
        assert figure_.status != "dispute", told
    plain = replace(earlier, sentence="Officials said at least 35 people died in the strike.")
    figures_[("a2", earlier.start)] = plain
    found = incident(report("a1", "AFP", [agency]), report("a2", "BBC", [plain, later]))
    (figure_,) = incident_figures(found, figures_, ARTICLES)
    assert figure_.status == "dispute"


def test_bodies_someone_saw_are_at_least_that_many_dead():
    school = toll("a2", "at least five", 5, "at_least", "a media centre", low=5)
    for sentence, what in (
        ("A photographer saw the bodies of four children at the clinic.", "children"),
        ("A video showed four bodies on the floor of a clinic.", "bodies"),
    ):
        seen = toll("a1", "four", 4, "exact", "a medical source", sentence=sentence,
                    start=sentence.index("four"), what=what)  # fmt: skip
        found = incident(report("a1", "AFP", [seen]), report("a2", "BBC", [school]))
        figures_ = {("a1", seen.start): seen, ("a2", 0): school}
        (figure_,) = incident_figures(found, figures_, ARTICLES)
        assert figure_.status == "agreed", sentence
    told = toll("a1", "four", 4, "exact", "a medical source", start=0,
                sentence="Four people were killed, a medical source said.")  # fmt: skip
    found = incident(report("a1", "AFP", [told]), report("a2", "BBC", [school]))
    (figure_,) = incident_figures(found, {("a1", 0): told, ("a2", 0): school}, ARTICLES)
    assert figure_.status == "dispute"


def test_victims_one_hospital_took_in_are_at_least_that_many():
    children = toll("a2", "more than 60", 60, "at_least", "officials", low=60, measure="injured")
    for sentence in (
        "The hospital also received 48 wounded people, among them 30 children.",
        "A clinic treated 48 people for their wounds.",
        "Some 48 injured were taken to the hospital in the town.",
        "The Red Cross said 48 wounded were being treated while the rest were presumed dead.",
        "Another 48 people were hospitalised.",
    ):
        seen = toll("a1", "48", 48, "exact", "the Red Cross", sentence=sentence,
                    start=sentence.index("48"), measure="injured")  # fmt: skip
        found = incident(report("a1", "AFP", [seen]), report("a2", "BBC", [children]))
        figures_ = {("a1", seen.start): seen, ("a2", 0): children}
        (figure_,) = incident_figures(found, figures_, ARTICLES)
        assert figure_.status == "agreed", sentence
    told = toll("a1", "48", 48, "exact", "the Red Cross", measure="injured", start=0,
                sentence="48 people were wounded, the Red Cross said.")  # fmt: skip
    found = incident(report("a1", "AFP", [told]), report("a2", "BBC", [children]))
    (figure_,) = incident_figures(found, {("a1", 0): told, ("a2", 0): children}, ARTICLES)
    assert figure_.status == "dispute"


def test_a_count_of_people_listed_with_another_count_is_a_part():
    whole = toll("a2", "25", 25, "exact", "the civil defence")
    said = "Nine civilians and four people still to be identified were killed, SOHR said."
    civilians = toll("a1", "Nine", 9, "exact", "SOHR", victims="civilians", what="civilians",
                     sentence=said, start=0)  # fmt: skip
    four = toll("a1", "four", 4, "exact", "SOHR", sentence=said, start=said.index("four"))
    alone = toll("a1", "Four", 4, "exact", "SOHR", sentence="Four people were killed.", start=0)
    for listed, status in (([civilians, four], "agreed"), ([alone], "dispute")):
        found = incident(report("a1", "AFP", listed), report("a2", "BBC", [whole]))
        figures_ = {("a1", f.start): f for f in listed} | {("a2", 0): whole}
        (people,) = [f for f in incident_figures(found, figures_, ARTICLES)
                     if f.victims == "people"]  # fmt: skip
        assert people.status == status


def test_counts_each_with_its_own_word_of_killing_are_parts_and_so_when_told_again():
    """ "12 people died in shelling and 106 were killed when thugs stormed the area": two
    parts of the dead, neither a toll of the whole to set against another source's; nor
    is "Twelve people were killed in the shelling", the same part told again. Their sum
    is: at least 118 died, on the activist's word, which 92 cannot be."""
    whole = toll("a2", "92", 92, "exact", "the UN")
    said = "The activist said 12 people died in shelling and 106 were killed when thugs came."
    shelled = toll("a1", "12", 12, "exact", "the activist", sentence=said, start=said.index("12"))
    stormed = toll("a1", "106", 106, "exact", "the activist", sentence=said,
                   start=said.index("106"))  # fmt: skip
    again = "Twelve people were killed in the shelling, said the activist."
    retold = toll("a1", "Twelve", 12, "exact", "the activist", sentence=again,
                  start=len(said) + 1)  # fmt: skip
    listed = [shelled, stormed, retold]
    found = incident(report("a1", "AFP", listed), report("a2", "BBC", [whole]))
    figures_ = {("a1", f.start): f for f in listed} | {("a2", 0): whole}
    (people,) = incident_figures(found, figures_, ARTICLES)
    sides = {people.claims[i].figure.text for c in people.clashes for i in (c.first, c.second)}
    assert sides == {"12 + 106", "92"}, people
    assert people.status == "dispute"
    wounded = "The activist said 12 people died in shelling and 106 were wounded."
    dead = toll(
        "a1", "12", 12, "exact", "the activist", sentence=wounded, start=wounded.index("12")
    )
    found = incident(report("a1", "AFP", [dead]), report("a2", "BBC", [whole]))
    (people,) = incident_figures(found, {("a1", dead.start): dead, ("a2", 0): whole}, ARTICLES)
    assert people.status == "dispute"  # 12 dead beside 106 wounded is a toll of the dead


def test_a_count_inside_the_reports_a_speaker_denies_is_not_the_speakers():
    other = toll("a2", "27", 27, "exact", "Thiqa")
    for sentence, status in (
        ("The ministry denied reports that its jets hit a market, killing 23 people.", "agreed"),
        ("The ministry said its jets hit a depot, killing 23 people.", "dispute"),
    ):
        said = toll("a1", "23", 23, "exact", "the ministry", sentence=sentence,
                    start=sentence.index("23"))  # fmt: skip
        found = incident(report("a1", "AFP", [said]), report("a2", "BBC", [other]))
        figures_ = {("a1", said.start): said, ("a2", 0): other}
        (figure_,) = incident_figures(found, figures_, ARTICLES)
        assert figure_.status == status, sentence


def test_a_running_total_is_shown_with_the_strike_but_never_set_against_its_toll():
    strike = toll("a2", "14", 14, "exact", "a hospital spokesman")
    total = toll("a1", "45", 45, "exact", "White Helmets", scope="cumulative",
                 sentence="The White Helmets said 45 people were killed in three days.")  # fmt: skip
    found = incident(report("a1", "AFP", [total]), report("a2", "BBC", [strike]))
    (figure_,) = incident_figures(found, {("a1", 0): total, ("a2", 0): strike}, ARTICLES)
    assert figure_.status == "agreed" and len(figure_.claims) == 2


def test_parts_of_a_toll_told_in_another_sentence_are_no_steps_of_its_rise():
    first = toll("a1", "at least 19", 19, "at_least", "the aid group", low=19)
    said = 'The group said the toll includes "12 patients, 10 staff and seven bodies."'
    part = toll("a2", "seven", 7, "exact", "the group", sentence=said, start=said.index("seven"))
    found = incident(report("a1", "AFP", [first]), report("a2", "BBC", [part]))
    figures_ = {("a1", 0): first, ("a2", part.start): part}
    (figure_,) = incident_figures(found, figures_, ARTICLES)
    assert figure_.status == "agreed" and not figure_.clashes


def test_a_named_doer_against_a_doer_not_known():
    doubt = Attribution(None, "unclear who carried out", "SOHR", "sohr", 10, 33)
    named = report("a1", "AFP", doers=[("russia", "Syrian Coalition")])
    unsure = replace(report("a2", "BBC"), doubted_by=(doubt,))
    (dispute,) = incident_disputes(incident(named, unsure), [], RELATIONS, GAZETTE, ARTICLES)
    assert dispute.kind == "perpetrator" and "a doer not known (SOHR)" in dispute.note
    claims = {s.value_or_claim: s.position for s in dispute.sides}
    assert claims == {"Russia did it": 0, "who did it is not known": 1}
    assert incident_disputes(incident(unsure), [], RELATIONS, GAZETTE, ARTICLES) == []
    own = replace(
        unsure, doubted_by=(replace(doubt, claimant="Syrian Coalition", claimant_actor_id=None),)
    )
    assert incident_disputes(incident(named, own), [], RELATIONS, GAZETTE, ARTICLES) == []


def test_the_writers_own_caution_about_the_doer_it_relays_is_no_rival_account():
    caution = Attribution(None, "could not independently verify who was responsible", None,
                          None, 50, 100)  # fmt: skip
    relayed = replace(report("a2", "BBC", doers=[("russia", "Syrian Coalition")]),
                      doubted_by=(caution,))  # fmt: skip
    named = report("a1", "AFP", doers=[("russia", "SOHR")])
    assert incident_disputes(incident(named, relayed), [], RELATIONS, GAZETTE, ARTICLES) == []
    # an article naming no doer that says who did it is not known still tells its own account
    bare = replace(report("a2", "BBC"), doubted_by=(caution,))
    (dispute,) = incident_disputes(incident(named, bare), [], RELATIONS, GAZETTE, ARTICLES)
    assert dispute.kind == "perpetrator"


def test_who_says_it_never_happened_against_those_who_report_it():
    said = "Russia said the reports of the strike were fabricated."
    refuter = Attribution("russia", said, "Russia", "russia", 30, 40)
    refuting = replace(report("a2", "BBC"), refuted_by=(refuter,))
    telling = report("a1", "AFP", doers=[("syrian-government", "SOHR")])
    (dispute,) = incident_disputes(incident(telling, refuting), [], RELATIONS, GAZETTE, ARTICLES)
    assert (
        dispute.kind == "denial" and dispute.subject == "whether the air strike in Aleppo happened"
    )
    sides = {(s.article_id, s.value_or_claim, s.claimant, s.position) for s in dispute.sides}
    assert sides == {("a1", "it happened", "SOHR", 0), ("a2", "it never happened", "Russia", 1)}
    (never,) = [s for s in dispute.sides if s.position == 1]
    assert (never.sentence, never.start, never.end) == (said, 30, 40)  # its own evidence
    assert dispute.note == "AFP report it; Russia say it never happened"
    alone = incident_disputes(incident(refuting), [], RELATIONS, GAZETTE, ARTICLES)
    assert alone == []  # nobody else reports it
    own_voice = replace(
        telling, perpetrators=(Attribution("russia", "Russia", "Russia", "russia"),)
    )
    assert incident_disputes(incident(own_voice, refuting), [], RELATIONS, GAZETTE, ARTICLES) == []
    # a party the report says denies it tells no "it happened", whoever it blames
    blaming = replace(
        telling, perpetrators=(Attribution("turkey", "Turkey", "Russia", "russia"),),
        denied_by=(Attribution("russia", "Russia", "Russia", "russia"),),
    )  # fmt: skip
    (dispute,) = incident_disputes(incident(blaming, refuting), [], RELATIONS, GAZETTE, ARTICLES)
    (told,) = [s for s in dispute.sides if s.value_or_claim == "it happened"]
    assert told.claimant == "AFP"


def test_a_section_that_dates_the_happening_tells_it_against_a_refutation():
    refuter = Attribution("russia", "Russia said there were no signs of bombs.", "Russia", "russia")
    refuting = replace(report("a2", "BBC"), refuted_by=(refuter,))
    section = replace(report("a1", "AFP"), lead=False, day_low="2016-09-19",
                      day_high="2016-09-19", date_from="text")  # fmt: skip
    (dispute,) = incident_disputes(incident(section, refuting), [], RELATIONS, GAZETTE, ARTICLES)
    assert {(s.article_id, s.position) for s in dispute.sides} == {("a1", 0), ("a2", 1)}
    passing = replace(section, day_low=None, date_from=None)  # a passing mention tells nothing
    assert incident_disputes(incident(passing, refuting), [], RELATIONS, GAZETTE, ARTICLES) == []


def test_done_on_purpose_against_a_mistake():
    on_purpose = Attribution("syrian-government", "Damascus said it was premeditated.",
                             "Damascus", "syrian-government", 20, 32)  # fmt: skip
    mistake = Attribution("coalition", "The coalition said the strike was a mistake.",
                          "US-led coalition", "coalition", 33, 40)  # fmt: skip
    syria = replace(report("a1", "AFP"), deliberate_by=(on_purpose,))
    us = replace(report("a2", "BBC"), mistake_by=(mistake,))
    (dispute,) = incident_disputes(incident(syria, us), [], RELATIONS, GAZETTE, ARTICLES)
    assert dispute.kind == "intent"
    assert dispute.subject == "whether the air strike in Aleppo was deliberate"
    sides = {(s.claimant, s.value_or_claim, s.position, s.start) for s in dispute.sides}
    assert sides == {
        ("Damascus", "done on purpose", 0, 20),
        ("US-led coalition", "a mistake", 1, 33),
    }
    assert incident_disputes(incident(syria), [], RELATIONS, GAZETTE, ARTICLES) == []
    # one voice both ways ("the army" called it deliberate and a mistake) is no dispute
    same = replace(us, mistake_by=(replace(mistake, claimant_actor_id="army"),))
    assert incident_disputes(incident(syria, same), [], RELATIONS, GAZETTE, ARTICLES) == []


def test_a_word_that_civilians_were_spared_against_a_count_of_them():
    spared = Attribution("army", "The army said the strike only hit militants.", "the army",
                         "army", 24, 42)  # fmt: skip
    civilians = toll("a1", "43", 43, "exact", "a medical official", victims="civilians")
    fighters = toll("a1", "43", 43, "exact", "a medical official", victims="fighters")
    counting = report("a1", "AFP", [civilians])
    sparing = replace(report("a2", "BBC"), spared_by=(spared,))
    tolls = {("a1", 0): civilians}
    (dispute,) = incident_disputes(incident(counting, sparing), [], RELATIONS, GAZETTE, ARTICLES,
                                   tolls)  # fmt: skip
    assert dispute.kind == "victims"
    assert {(s.claimant, s.value_or_claim, s.position) for s in dispute.sides} == {
        ("a medical official", "43", 0),
        ("the army", "no civilians hit", 1),
    }
    assert "the army say it spared civilians" in dispute.note
    # fighters counted, or nothing counted: nothing stands against the sparing
    found = incident_disputes(incident(counting, sparing), [], RELATIONS, GAZETTE, ARTICLES,
                              {("a1", 0): fighters})  # fmt: skip
    assert found == []
    assert incident_disputes(incident(sparing), [], RELATIONS, GAZETTE, ARTICLES, tolls) == []
    # one voice counting civilians and calling the target legitimate disputes nothing
    own = replace(spared, claimant="a medical official", claimant_actor_id=None)
    alone = replace(counting, spared_by=(own,))
    assert incident_disputes(incident(alone), [], RELATIONS, GAZETTE, ARTICLES, tolls) == []
    # its own count stands aside, another's still stands against its word; a count it gives
    # days after its word takes that word back, and stands too (Kabul, August 2021: "no
    # indications of civilian casualties", then the admission of ten civilians killed)
    army = replace(civilians, claimant="the army", claimant_actor_id="army", start=5)
    both = replace(counting, figure_starts=(0, 5))
    (dispute,) = incident_disputes(incident(both, sparing), [], RELATIONS, GAZETTE, ARTICLES,
                                   {**tolls, ("a1", 5): army})  # fmt: skip
    assert {(s.claimant, s.position) for s in dispute.sides} == {
        ("a medical official", 0),
        ("the army", 1),
    }
    dated = {"a1": article("a1", published="2016-09-25"),
             "a2": article("a2", "BBC", published="2016-09-19")}  # fmt: skip
    (dispute,) = incident_disputes(incident(both, sparing), [], RELATIONS, GAZETTE, dated,
                                   {**tolls, ("a1", 5): army})  # fmt: skip
    assert {(s.claimant, s.position) for s in dispute.sides} == {
        ("a medical official", 0),
        ("the army", 0),
        ("the army", 1),
    }
    # a word that nothing armed was there stands against the sparing, as a count does
    nothing = Attribution("mayor", "The mayor said there was no military target here.",
                          "the mayor", "mayor", 27, 51)  # fmt: skip
    unarmed = replace(report("a1", "AFP"), unarmed_by=(nothing,))
    (said,) = incident_disputes(incident(unarmed, sparing), [], RELATIONS, GAZETTE, ARTICLES, {})
    assert {(s.claimant, s.value_or_claim, s.position) for s in said.sides} == {
        ("the mayor", "nothing armed there", 0),
        ("the army", "no civilians hit", 1),
    }
    # the doer's own account of an armed target stands with the sparings; another's does not
    hangars = Attribution("army", "The army said the strike hit weapons depots.", "the army",
                          "army", 24, 42)  # fmt: skip
    doing = report("a2", "BBC", doers=[("army", "the mayor")])
    armed = replace(doing, armed_by=(hangars,))
    (dispute,) = incident_disputes(incident(counting, armed), [], RELATIONS, GAZETTE, ARTICLES,
                                   tolls)  # fmt: skip
    assert {(s.claimant, s.value_or_claim, s.position) for s in dispute.sides} == {
        ("a medical official", "43", 0),
        ("the army", "an armed target hit", 1),
    }
    assert "the army say it hit an armed target" in dispute.note
    onlooker = replace(armed, perpetrators=())
    assert incident_disputes(incident(counting, onlooker), [], RELATIONS, GAZETTE, ARTICLES,
                             tolls) == []  # fmt: skip
    # but against a word that nothing armed was there, anyone's word of armed men stands
    (dispute,) = incident_disputes(incident(unarmed, onlooker), [], RELATIONS, GAZETTE,
                                   ARTICLES, {})  # fmt: skip
    assert {(s.claimant, s.value_or_claim, s.position) for s in dispute.sides} == {
        ("the mayor", "nothing armed there", 0),
        ("the army", "an armed target hit", 1),
    }
    # "no civilians were killed" is a toll of none: the numeric dispute tells it, once
    none = toll("a2", "no", 0, "exact", "the army", start=30, victims="civilians")
    told = incident_disputes(incident(counting, sparing), [], RELATIONS, GAZETTE, ARTICLES,
                             {**tolls, ("a2", 30): none})  # fmt: skip
    assert told == []


def test_a_party_that_denies_it_and_says_it_never_happened_is_one_dispute():
    never = Attribution("syrian-government", "Damascus said the reports were fabricated.",
                        "Damascus", "syrian-government")  # fmt: skip
    denial = Attribution("army", "the army", "Syrian Arab Army", "army")
    refuting = replace(report("a2", "BBC"), denied_by=(denial,), refuted_by=(never,))
    accusing = report("a1", "AFP", doers=[("army", "activists")])
    (dispute,) = incident_disputes(incident(accusing, refuting), [], RELATIONS, GAZETTE, ARTICLES)
    assert dispute.subject.endswith("happened")
    claims = {(s.value_or_claim, s.position) for s in dispute.sides}
    assert claims == {("it happened", 0), ("Syrian Arab Army did it", 0),
                      ("it never happened", 1), ("Syrian Arab Army did not do it", 1)}  # fmt: skip
    assert "say it never happened" in dispute.note and "deny it" in dispute.note


def test_a_story_count_an_incidents_dispute_already_holds_is_told_once():
    def side(aid, start, value, position):
        return DisputeSide(value, "UN", None, "AFP", aid, None, "...", position, start)

    two, three, four = side("a1", 0, "two", 0), side("a2", 5, "three", 1), side("a3", 9, "four", 2)
    of_incident = Dispute("d:1", "story:1", "numeric", "fighters", "dispute", (two, three, four),
                          incident_id="incident:1")  # fmt: skip
    held = Dispute("d:2", "story:1", "numeric", "suicide bombers in Damascus", "dispute",
                   (two, four))  # fmt: skip
    more = replace(held, id="d:3", sides=(two, side("a4", 1, "five", 1)))
    denial = replace(held, id="d:4", kind="denial")
    kept = not_told_of_incidents([held, more, denial], [of_incident])
    assert [d.id for d in kept] == ["d:3", "d:4"]


def test_tolls_many_times_apart_are_two_happenings_not_a_dispute():
    """ "12 killed" in a fight for three villages against "304 killed" in days of raids:
    an order of magnitude apart, the counts are of two happenings a report set in one."""
    few = toll("a1", "12", 12, "exact", "SANA")
    many = toll("a2", "304", 304, "exact", "the ministry")
    found = incident(report("a1", "AFP", [few]), report("a2", "BBC", [many]))
    (figure_,) = incident_figures(found, {("a1", 0): few, ("a2", 0): many}, ARTICLES)
    assert figure_.status == "agreed" and len(figure_.claims) == 2
    near = toll("a2", "31", 31, "exact", "the ministry")
    (figure_,) = incident_figures(found, {("a1", 0): few, ("a2", 0): near}, ARTICLES)
    assert figure_.status == "dispute"  # 12 against 31: one toll, disputed
    real = replace(many, sentence="Activists said the real figure was 304 killed.")
    (figure_,) = incident_figures(found, {("a1", 0): few, ("a2", 0): real}, ARTICLES)
    assert figure_.status == "dispute"  # a count given as the real one is a rival count


def test_an_undated_step_of_a_rising_toll_is_told_where_its_value_falls():
    articles = {"a1": article("a1", published="2016-10-03"), "a2": article("a2", "BBC"),
                "a3": article("a3", "CNN", published="2016-10-09")}  # fmt: skip
    first = toll("a1", "22", 22, "exact", "SOHR", claimant_actor_id="sohr")
    unsaid = toll("a2", "30", 30, "exact", "SOHR", claimant_actor_id="sohr")
    last = toll("a3", "42", 42, "exact", "SOHR", claimant_actor_id="sohr")
    found = incident(report("a1", "AFP", [first]), report("a2", "BBC", [unsaid]),
                     report("a3", "CNN", [last]))  # fmt: skip
    figures_ = {("a1", 0): first, ("a2", 0): unsaid, ("a3", 0): last}
    (figure_,) = incident_figures(found, figures_, articles)
    (update,) = incident_disputes(found, [figure_], RELATIONS, GAZETTE, articles)
    assert update.status == "update"
    assert [s.value_or_claim for s in sorted(update.sides, key=lambda s: s.position)] == [
        "22", "30", "42"
    ]  # fmt: skip
    told = update.note.split(": ", 1)[1]
    assert told.index("22 ") < told.index("30 ") < told.index("42 ")
    assert "30 (SOHR, BBC) on an unsaid day" in told


def test_a_sources_part_toll_its_later_toll_of_everyone_passes_is_a_step_of_the_rise():
    """The monitor's "29 civilians" on Monday, its "61 killed" on Tuesday: one toll that rose,
    first told of a part; not on one day, nor from two sources."""
    part = toll("a1", "29", 29, "exact", "SOHR", victims="civilians", what="civilians")
    whole = toll("a2", "61", 61, "exact", "SOHR")
    found = incident(report("a1", "AFP", [part]), report("a2", "BBC", [whole]))
    figures = {("a1", 0): part, ("a2", 0): whole}
    days = {"a1": article("a1", published="2017-11-13"), "a2": article("a2", "BBC", "2017-11-14")}
    (figure_,) = incident_figures(found, figures, days)
    assert figure_.victims == "people" and figure_.status == "update"
    (update,) = incident_disputes(found, [figure_], RELATIONS, GAZETTE, days)
    assert sorted((s.position, s.value_or_claim) for s in update.sides) == [
        (0, "29 (civilians)"), (1, "61")]  # fmt: skip
    one_day = {"a1": days["a1"], "a2": article("a2", "BBC", "2017-11-13")}
    assert incident_figures(found, figures, one_day) == []
    other = {("a1", 0): part, ("a2", 0): replace(whole, claimant="health directorate")}
    assert incident_figures(found, other, days) == []
    # "45 martyrs, including 23 women": the part's own sentence told the whole already, so
    # the later 45 is no rise from 23 (the two 45s agree)
    beside = toll("a1", "45", 45, "exact", "SOHR", start=30, sentence_start=0)
    whole45 = replace(whole, value=45, text="45")
    told_with = {("a1", 0): part, ("a1", 30): beside, ("a2", 0): whole45}
    found = incident(report("a1", "AFP", [part, beside]), report("a2", "BBC", [whole45]))
    assert [f.status for f in incident_figures(found, told_with, days)] == ["agreed"]


def test_a_groups_rise_that_everyones_rise_retells_is_shown_once():
    """ "nine civilians" then "19 civilians", and "at least nine" then "at least 19" killed
    from the same reports: one rise, shown as everyone's toll; a group's own rise stays."""
    days = {"a1": article("a1", published="2015-10-03"), "a2": article("a2", "BBC", "2015-10-05")}
    group = {"victims": "civilians", "what": "civilians"}
    rows = [toll("a1", "nine", 9, "exact", "MSF", **group),
            toll("a2", "19", 19, "exact", "MSF", **group),
            toll("a1", "at least nine", 9, "at_least", "the aid group", low=9, start=50),
            toll("a2", "at least 19", 19, "at_least", "the UN", low=19, start=50)]  # fmt: skip
    found = incident(report("a1", "AFP", rows[::2]), report("a2", "BBC", rows[1::2]))
    figures_ = incident_figures(found, {(f.article_id, f.start): f for f in rows}, days)
    assert {f.victims: f.status for f in figures_} == {"civilians": "update", "people": "update"}
    (update,) = incident_disputes(found, figures_, RELATIONS, GAZETTE, days)
    assert update.subject == "killed (people)" and "then at least 19" in update.note
    other = [*rows[:2], replace(rows[2], value=5, low=5, text="at least five"), rows[3]]
    figures_ = incident_figures(found, {(f.article_id, f.start): f for f in other}, days)
    updates = incident_disputes(found, figures_, RELATIONS, GAZETTE, days)
    assert {u.subject for u in updates} == {"killed (people)", "killed (civilians)"}


def test_a_sources_floor_its_own_higher_count_passes_elsewhere_is_an_update():
    """The monitor's director says "at least 16" in one report, the monitor "at least 31" in
    another of the same day: its count rose. Two sources' floors, or the higher told on an
    earlier day, are no rise."""
    low = toll("a1", "at least 16", 16, "at_least", "Abdel Rahman", low=16)
    high = toll("a2", "at least 31", 31, "at_least", "Abdel Rahman", low=31)
    found = incident(report("a1", "AFP", [low]), report("a2", "BBC", [high]))
    same_day = {"a1": article("a1", published="2014-08-17"),
                "a2": article("a2", "BBC", "2014-08-17")}  # fmt: skip
    (figure_,) = incident_figures(found, {("a1", 0): low, ("a2", 0): high}, same_day)
    assert figure_.status == "update"
    other = replace(high, claimant="the health ministry")
    (figure_,) = incident_figures(found, {("a1", 0): low, ("a2", 0): other}, same_day)
    assert figure_.status == "agreed"
    earlier = {"a1": same_day["a1"], "a2": article("a2", "BBC", "2014-08-15")}
    (figure_,) = incident_figures(found, {("a1", 0): low, ("a2", 0): high}, earlier)
    assert figure_.status == "agreed"


def test_some_of_a_whole_the_sentence_opens_on_is_no_rival_toll():
    said = "Of the 105 civilians who died, 101 died in the house and four next door."
    part = toll("a1", "101", 101, "exact", "the ministry", sentence=said, start=said.index("101"))
    other = toll("a2", "112", 112, "at least", "a health official", start=0)
    days = {"a1": article("a1", published="2015-08-03"), "a2": article("a2", "BBC", "2015-08-03")}
    found = incident(report("a1", "AFP", [part]), report("a2", "BBC", [other]))
    figures = incident_figures(found, {("a1", part.start): part, ("a2", 0): other}, days)
    assert all(f.status != "dispute" for f in figures)


def test_some_of_a_count_told_as_of_them_is_no_step_of_its_rise():
    said = "It said 27 people were killed but that 12 of them have not been identified."
    first = toll("a1", "12", 12, "exact", "the monitor", sentence=said, start=said.index("12"))
    later = toll("a2", "31", 31, "exact", "the monitor", start=0)
    days = {"a1": article("a1", published="2015-08-03"), "a2": article("a2", "BBC", "2015-08-05")}
    found = incident(report("a1", "AFP", [first]), report("a2", "BBC", [later]))
    (figure_,) = incident_figures(found, {("a1", first.start): first, ("a2", 0): later}, days)
    assert figure_.status == "agreed" and not figure_.clashes
    whole = replace(first, sentence="It said 12 people were killed in the market.", start=8)
    found = incident(report("a1", "AFP", [whole]), report("a2", "BBC", [later]))
    (figure_,) = incident_figures(found, {("a1", 8): whole, ("a2", 0): later}, days)
    assert figure_.status == "update"


def test_some_of_the_injured_told_by_their_state_are_no_toll_of_the_injured():
    """ "Four of the injured were in serious condition" (a governor) against "28 people
    were injured" (local officials): a part of the count, not a rival count of it."""
    said = "The governor said four of the injured were in serious condition."
    part = toll("a1", "four", 4, "exact", "the governor", sentence=said,
                start=said.index("four"), measure="injured")  # fmt: skip
    whole = toll("a2", "28", 28, "exact", "local officials", measure="injured")
    days = {"a1": article("a1", published="2024-04-29"), "a2": article("a2", "BBC", "2024-04-29")}
    found = incident(report("a1", "AFP", [part]), report("a2", "BBC", [whole]))
    figures = incident_figures(found, {("a1", part.start): part, ("a2", 0): whole}, days)
    assert all(f.status != "dispute" for f in figures)


def test_a_group_told_as_among_the_dead_is_no_rival_toll():
    """ "Sixty-three Canadians were among those killed" (a ministry) against "all 176 on
    board were killed": some of the dead, named by who they were, not a count of them all."""
    said = "Sixty-three Canadians were among those killed, the foreign ministry said."
    part = toll("a1", "Sixty-three", 63, "exact", "the foreign ministry", sentence=said, start=0)
    whole = toll("a2", "176", 176, "exact", "the airline")
    days = {"a1": article("a1", published="2020-01-11"), "a2": article("a2", "BBC", "2020-01-11")}
    found = incident(report("a1", "AFP", [part]), report("a2", "BBC", [whole]))
    figures = incident_figures(found, {("a1", 0): part, ("a2", 0): whole}, days)
    assert all(f.status != "dispute" for f in figures)
    # a victim group's own count told so still rises as that group's count
    said = "The monitor said nine children were among those killed."
    later = toll("a1", "nine", 9, "exact", "the monitor", sentence=said, start=said.index("nine"),
                 victims="children")  # fmt: skip
    said = "The monitor said four children were among the dead."
    first = toll("a2", "four", 4, "exact", "the monitor", sentence=said, start=said.index("four"),
                 victims="children")  # fmt: skip
    days = {"a1": article("a1", published="2017-10-04"), "a2": article("a2", "BBC", "2017-10-03")}
    found = incident(report("a1", "AFP", [later]), report("a2", "BBC", [first]))
    claims = {("a1", later.start): later, ("a2", first.start): first}
    (figure_,) = incident_figures(found, claims, days)
    assert figure_.status == "update"


def test_a_toll_told_jointly_is_each_of_its_sources_own():
    """ "Both the civil defence and SOHR reported 35" is SOHR's count as well: SOHR's 22
    elsewhere is its earlier count, not a rival, and the sides still name who said what."""
    joint = toll("a1", "35", 35, "exact", "civil defence and SOHR", claimant_actor_id="defence")
    sohr = toll("a2", "22", 22, "exact", "SOHR", claimant_actor_id="sohr")
    articles = {"a1": article("a1", published="2016-10-27"), "a2": article("a2", "BBC")}
    found = incident(report("a1", "AFP", [joint]), report("a2", "BBC", [sohr]))
    (figure_,) = incident_figures(found, {("a1", 0): joint, ("a2", 0): sohr}, articles)
    assert figure_.status == "update"
    (update,) = incident_disputes(found, [figure_], RELATIONS, GAZETTE, articles)
    assert update.status == "update" and "civil defence and SOHR" in update.note
    # a member named by its dictionary name is that actor
    full = replace(joint, claimant="civil defence and the Syrian Observatory for Human Rights")
    (figure_,) = incident_figures(found, {("a1", 0): full, ("a2", 0): sohr}, articles, RELATIONS)
    assert figure_.status == "update"
    # no member in common: two sources, in dispute
    other = replace(joint, claimant="civil defence and medics")
    (figure_,) = incident_figures(found, {("a1", 0): other, ("a2", 0): sohr}, articles)
    assert figure_.status == "dispute"


def test_the_wounded_told_as_more_besides_the_dead_are_a_whole_toll_of_their_own():
    # "The impact killed 23 people. 28 more people were wounded.": the wounded besides the
    # dead, no addition to an earlier count of the wounded; against another source's 34
    body = "The impact killed 23 people. 28 more people were wounded."
    dead = toll("a1", "23", 23, "exact", "the governor", start=18,
                sentence=body[:28], sentence_start=0, sentence_end=28)  # fmt: skip
    wounded = toll("a1", "28", 28, "exact", "the governor", start=29, measure="injured",
                   sentence=body[29:], sentence_start=29, sentence_end=len(body))  # fmt: skip
    other = toll("a2", "34", 34, "exact", "Rogov", measure="injured")
    found = incident(report("a1", "AFP", [dead, wounded]), report("a2", "BBC", [other]))
    figures = {("a1", 18): dead, ("a1", 29): wounded, ("a2", 0): other}
    injured = next(f for f in incident_figures(found, figures, ARTICLES) if f.measure == "injured")
    assert injured.status == "dispute"
    # "five more bodies" after a count of bodies is an addition to it: no rival toll
    more = "Rescuers found 20 bodies. Five more bodies were found later."
    first = toll("a1", "20", 20, "exact", "rescuers", start=15,
                 sentence=more[:25], sentence_start=0, sentence_end=25)  # fmt: skip
    added = toll("a1", "Five", 5, "exact", "rescuers", start=26,
                 sentence=more[26:], sentence_start=26, sentence_end=len(more))  # fmt: skip
    rival = toll("a2", "60", 60, "exact", "SANA")
    found = incident(report("a1", "AFP", [first, added]), report("a2", "BBC", [rival]))
    figures = {("a1", 15): first, ("a1", 26): added, ("a2", 0): rival}
    (killed,) = incident_figures(found, figures, ARTICLES)
    clashing = {killed.claims[i].figure.text for c in killed.clashes for i in (c.first, c.second)}
    assert "Five" not in clashing and clashing == {"20", "60"}
