"""Incident reports within an article and incidents across articles, on hand-built records."""

from dataclasses import replace

import pytest

from rashomon.facts import (
    ActorFact,
    Argument,
    ArticleFact,
    ArticleFacts,
    Attribution,
    DateFact,
    DateWindow,
    EventFact,
    FigureFact,
    Gazette,
    Incident,
    IncidentReport,
    MentionFact,
    PlaceFact,
    QuoteFact,
    TermCounts,
)
from rashomon.reconcile.doers import claims_answered
from rashomon.reconcile.incident_kinds import GENERIC, IncidentKinds
from rashomon.reconcile.incidents import (
    add_report,
    bridged,
    candidate_days,
    incident_label,
    match_report,
    match_score,
    matches,
    merge,
    same_victim,
    strays,
    told_apart,
    undated_referent,
    undated_to_take_in,
    victims_told,
    without_articles,
    worth_looking_up_undated,
)
from rashomon.reconcile.reports import article_reports, chain_of, home_country, places_meet

KINDS = IncidentKinds.packaged()
GAZETTE = Gazette(
    actors={
        a.id: a
        for a in (
            ActorFact("russia", "Russia", "state", "RUS", "GOV"),
            ActorFact("afp", "AFP", "media"),
            ActorFact("syrian-government", "Syrian government", "government", "SYR", "GOV"),
            ActorFact("islamic-state", "Islamic State", "armed group", None, "INS"),
        )
    },
    places={
        p.id: p
        for p in (
            PlaceFact("syria", "Syria", 35.0, 38.0, "country", "SY"),
            PlaceFact("idlib-gov", "Idlib Governorate", 35.8, 36.6, "region", "SY", "syria"),
            PlaceFact("khan-sheikhoun", "Khan Sheikhoun", 35.44, 36.65, "city", "SY", "idlib-gov"),
            PlaceFact("maarat", "Maarat al-Numan", 35.64, 36.67, "city", "SY", "idlib-gov"),
            PlaceFact("foua", "Foua", 35.99, 36.70, "city", "SY", "idlib-gov"),
            PlaceFact("damascus", "Damascus", 33.51, 36.29, "city", "SY", "syria"),
            PlaceFact("geneva", "Geneva", 46.2, 6.15, "city", "CH"),
            PlaceFact("ghouta", "Eastern Ghouta", 33.55, 36.40, "district", "SY", "rif"),
            PlaceFact("rif", "Rif Dimashq", 33.5, 36.7, "region", "SY", "syria"),
            PlaceFact("europe", "Europe", 48.0, 9.0, "region", None),
        )
    },
)


def sentence_at(body: str, text: str) -> tuple[int, int]:
    start = body.index(text)
    return start, start + len(text)


def ev(body, text, trigger, factuality="asserted", mode=None, sources=(), place=None, day=None):
    s, e = sentence_at(body, text)
    at = s + text.index(trigger)
    return EventFact(
        article_id="a1", start=at, end=at + len(trigger), trigger=trigger, type="ASSAULT",
        mode=mode, factuality=factuality, sentence_start=s, sentence_end=e, sentence=text,
        sources=tuple(Argument(s, s + 1, a, a) for a in sources), place_id=place,
        date=day, date_precision="day" if day else None, date_from="text" if day else None,
    )  # fmt: skip


def place_mention(body, name, place_id, sentence):
    s, e = sentence_at(body, sentence)
    at = body.index(name)
    return MentionFact("a1", at, at + len(name), name, "location", s, e, place_id=place_id)


def toll(body, sentence, number, value, measure="killed", scope="incident"):
    s, e = sentence_at(body, sentence)
    at = body.index(number)
    return FigureFact(
        article_id="a1", start=at, end=at + len(number), text=number, value=value, low=None,
        high=None, qualifier="exact", sentence_start=s, sentence_end=e, sentence=sentence,
        what="people", measure=measure, victims="people", scope=scope,
    )  # fmt: skip


LEAD = "An air strike killed 20 people in Maarat al-Numan on Tuesday."
ASIDE = "Last year a car bomb killed 30 people in Damascus."
BODY = f"{LEAD}\n{ASIDE}"
ARTICLE = ArticleFact("a1", "Reuters", published="2016-04-20", published_precision="day",
                      title="Strike kills 20 in Idlib")  # fmt: skip


def after_lead(body: str, *events: EventFact) -> ArticleFacts:
    """An article that opens with LEAD (an air strike in Maarat al-Numan) and holds `events`
    in the sentences after it."""
    return ArticleFacts(
        article=ARTICLE, body=body,
        events=(ev(body, LEAD, "air strike", mode="aerial"), *events),
        mentions=(place_mention(body, "Maarat al-Numan", "maarat", LEAD),),
    )  # fmt: skip


def lead_and_aside(**article):
    return ArticleFacts(
        article=ArticleFact(**{**ARTICLE.__dict__, **article}),
        body=BODY,
        events=(
            ev(BODY, LEAD, "air strike", mode="aerial", sources=("russia",), day="2016-04-19"),
            ev(BODY, ASIDE, "car bomb", mode="explosives"),
        ),
        figures=(toll(BODY, LEAD, "20", 20), toll(BODY, ASIDE, "30", 30)),
        mentions=(
            place_mention(BODY, "Maarat al-Numan", "maarat", LEAD),
            place_mention(BODY, "Damascus", "damascus", ASIDE),
        ),
        dates=(DateFact("a1", BODY.index("Last year"), BODY.index("Last year") + 9,
                        "Last year", "2015", "year", "on", *sentence_at(BODY, ASIDE)),),
    )  # fmt: skip


# -- kinds -----------------------------------------------------------------------------------


def test_the_words_of_a_sentence_say_its_kind_most_specific_first():
    assert KINDS.in_text("A sarin air strike hit the town")[:2] == ["chemical", "aerial"]
    assert KINDS.most_specific(["aerial", "chemical"]) == "chemical"
    assert KINDS.most_specific([]) == GENERIC
    assert KINDS.of_mode("heavy-weapons") == "shelling"


def test_an_aircraft_shot_down_is_a_downing_before_it_is_an_air_strike():
    found = KINDS.in_text("Turkish fighter jets shot down a Russian warplane near the border")
    assert KINDS.most_specific(found) == "downing" and KINDS.rare("downing")
    assert KINDS.most_specific(KINDS.in_text("The airliner was downed by a missile")) == "downing"
    assert "downing" not in KINDS.in_text("Russian jets struck the town")
    # munitions shot down are interceptions; a munition that downs an aircraft tells one
    for intercepted in ("Air defences shot down 18 of the 33 Russian missiles overnight",
                        "The missile was shot down by air defence and fell on the house",
                        "Its forces downed 20 drones"):  # fmt: skip
        assert "downing" not in KINDS.in_text(intercepted), intercepted
        # still a happening (an interception), not words that describe a party
        assert not KINDS.describes(intercepted, intercepted.index("down"))
    assert "downing" in KINDS.in_text("A Russian missile shot down the airliner")
    assert "downing" in KINDS.in_text("Separatists shot down the airliner with a missile")


def test_bombers_alone_are_as_often_warplanes_as_suicide_attackers():
    assert KINDS.in_text("Syrian air force bombers pounded Raqqa") == ["aerial"]
    assert KINDS.in_text("A suicide bomber struck the checkpoint") == ["explosives"]


def test_a_bare_strike_is_filed_as_an_air_strike_and_may_be_a_rockets():
    assert KINDS.in_text("Coalition strikes west of Raqqa killed 10 civilians") == ["strike"]
    assert KINDS.in_text("A strike hit the camp") == ["strike"]
    assert KINDS.in_text("An air strike hit the camp") == ["aerial", "strike"]
    assert KINDS.filed("strike") == "aerial" and KINDS.filed("shelling") == "shelling"
    assert KINDS.compatible("strike", "shelling") and KINDS.compatible("strike", "aerial")
    assert not KINDS.compatible("strike", "explosives")


def test_a_strike_told_after_a_rocket_attack_goes_on_with_it():
    """ "calling the attack 'a purposeful strike'": the rocket attack the article tells, and
    the denial after it is that attack's, not a background aside's."""
    lead = "A rocket attack killed 50 people in Maarat al-Numan on Friday."
    called = "The railway called the attack a purposeful strike on Maarat al-Numan."
    denied = "Russia has denied involvement in the attack."
    body = f"{lead} {called} {denied}"
    facts = ArticleFacts(
        article=ARTICLE, body=body,
        events=(
            ev(body, lead, "rocket attack", mode="heavy-weapons", day="2016-04-15"),
            ev(body, called, "attack"),
            ev(body, denied, "attack", factuality="negated", sources=("russia",)),
        ),
        figures=(toll(body, lead, "50", 50),),
        mentions=(place_mention(body, "Maarat al-Numan", "maarat", lead),
                  MentionFact("a1", (at := body.rindex("Maarat al-Numan")), at + 15,
                              "Maarat al-Numan", "location", *sentence_at(body, called),
                              place_id="maarat")),
    )  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert report.kind == "shelling" and len(report.sentences) == 3
    assert [d.actor_id for d in report.denied_by] == ["russia"]
    # told alone, the strike is filed as an air strike, as ever
    alone = ArticleFacts(
        article=ARTICLE,
        body=called,
        events=(ev(called, called, "attack"),),
        mentions=(place_mention(called, "Maarat", "maarat", called),),
    )
    (report,) = article_reports(alone, GAZETTE, KINDS, "reuters")
    assert report.kind == "aerial"


def test_a_bombardment_told_first_takes_the_kind_an_air_strike_after_it_says():
    """ "a hospital that was bombarded by U.S. forces", then "hit by a coalition airstrike":
    one happening, told by guns or aircraft alike first, then from the air; told alone it is
    filed as shelling, as before bombardments were a kind of their own."""
    lead = "A hospital in Maarat al-Numan that was bombarded by U.S. forces lost 22 staff."
    hit = "The hospital was hit by a coalition airstrike on Saturday."
    body = f"{lead} {hit}"
    facts = ArticleFacts(
        article=ARTICLE, body=body,
        events=(ev(body, lead, "bombarded", mode="heavy-weapons"),
                ev(body, hit, "airstrike", mode="aerial")),
        figures=(toll(body, lead, "22", 22),),
        mentions=(place_mention(body, "Maarat al-Numan", "maarat", lead),),
    )  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "nbc")
    assert report.kind == "aerial" and len(report.sentences) == 2
    alone = replace(facts, body=lead, events=facts.events[:1], figures=facts.figures)
    (report,) = article_reports(alone, GAZETTE, KINDS, "nbc")
    assert report.kind == "shelling"
    assert KINDS.compatible("bombardment", "aerial") and KINDS.compatible("bombardment", "shelling")


def test_where_a_speaker_is_based_is_not_where_the_attack_was():
    """ "Kate Stegeman, communications manager for Doctors Without Borders in Kabul told NBC
    News": the office in Kabul, not the bombed hospital in Kunduz."""
    lead = "A hospital that was bombed by U.S. forces lost 22 people on Saturday."

    def place_told(second: str) -> str | None:
        body = f"{lead} {second}"
        facts = ArticleFacts(
            article=ARTICLE, body=body,
            events=(ev(body, lead, "bombed", mode="aerial"), ev(body, second, "strike")),
            figures=(toll(body, lead, "22", 22),),
            mentions=(place_mention(body, "Maarat al-Numan", "maarat", second),),
        )  # fmt: skip
        (report,) = article_reports(facts, GAZETTE, KINDS, "nbc")
        return report.place_id

    assert place_told("The strike was wrong, a manager for the charity in Maarat al-Numan "
                      "told NBC News.") is None  # fmt: skip
    assert place_told("The strike was wrong, a manager for the charity told reporters in "
                      "Maarat al-Numan.") is None  # fmt: skip  # where it was said, as ever
    assert place_told("The strike hit the hospital in Maarat al-Numan, a manager told NBC.") == (
        "maarat"
    )


def test_the_happening_named_again_to_say_when_it_was_dates_a_lead_that_gives_no_day():
    """ "A year after a deadly explosion at a prison ..., investigators have concluded ...",
    then "The event occurred on July 29, 2022, at the prison ...": one happening, on that
    day, not in the days before the page was published."""
    lead = "A year after a deadly explosion at a prison in Syria, investigators reported."
    retold = "The event occurred on July 29, 2022, at the prison in Maarat al-Numan."
    body = f"{lead} {retold}"
    at = body.index("July 29, 2022")
    facts = ArticleFacts(
        article=ARTICLE, body=body,
        events=(ev(body, lead, "explosion", mode="explosives"),
                ev(body, retold, "event", day="2022-07-29")),
        mentions=(place_mention(body, "Syria", "syria", lead),
                  place_mention(body, "Maarat al-Numan", "maarat", retold)),
        dates=(DateFact("a1", at, at + 13, "July 29, 2022", "2022-07-29", "day", "on",
                        *sentence_at(body, retold)),),
    )  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "i24")
    assert report.lead and (report.day_low, report.day_high) == ("2022-07-29", "2022-07-29")
    assert report.place_id == "maarat"
    # a later sentence that does not name it again is a happening of its own
    other = body.replace("The event occurred", "Shelling hit the town")
    facts = replace(facts, body=other, events=(
        ev(other, lead, "explosion", mode="explosives"),
        ev(other, other[len(lead) + 1 :], "Shelling", mode="heavy-weapons", day="2022-07-29"),
    ))  # fmt: skip
    assert len(article_reports(facts, GAZETTE, KINDS, "i24")) == 2


def test_a_place_that_speaks_in_the_title_is_not_where_the_article_is_set():
    """ "Damascus Says ... Carnage in Elenovka": the government speaking, not the setting."""
    text = "An attack killed 50 prisoners at the facility, the ministry said."
    facts = ArticleFacts(
        article=replace(ARTICLE, title="Damascus Says Rebels Bear Responsibility for Carnage"),
        body=text, events=(ev(text, text, "attack"),), figures=(toll(text, text, "50", 50),),
    )  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "x")
    assert report.place_id is None
    set_there = replace(facts, article=replace(ARTICLE, title="Carnage in Damascus prison"))
    (report,) = article_reports(set_there, GAZETTE, KINDS, "x")
    assert report.place_id == "damascus"


def test_where_a_battle_or_siege_named_beside_the_violence_was_is_not_where_it_struck():
    """ "shelling a prison ..., killing prisoners captured after the fall of Mariupol", "after
    a siege of Mariupol": the battle's place, not the shelling's."""
    text = ("Rebels shelled a prison in Syria, killing 20 prisoners captured after the fall of "
            "Maarat al-Numan.")  # fmt: skip

    def place(events) -> str | None:
        facts = ArticleFacts(
            article=ARTICLE, body=text, events=events, figures=(toll(text, text, "20", 20),),
            mentions=(place_mention(text, "Maarat al-Numan", "maarat", text),
                      place_mention(text, "Syria", "syria", text)),
        )  # fmt: skip
        (report,) = article_reports(facts, GAZETTE, KINDS, "ap")
        return report.place_id

    shelled = ev(text, text, "shelled", mode="heavy-weapons")
    assert place((shelled,)) != "maarat"
    siege = ev(text, text, "fall", mode="siege", place="maarat")
    assert place((shelled, siege)) != "maarat"
    # the shelling's own place still counts, and so does an evacuation's: the buses were
    # attacked where it was
    assert place((replace(shelled, place_id="maarat"),)) == "maarat"
    evacuation = ev(text, text, "fall", mode="withdraw", place="maarat")
    assert place((shelled, evacuation)) == "maarat"


def test_a_title_that_tells_of_a_killing_of_no_kind_leads_with_the_first_violent_report():
    """ "Journalist was killed in 'targeted attack'": the page opens on an inquiry, and the
    shooting comes four sentences in; with no day of its own it is still the lead."""
    opening = ("The network said on Tuesday it had run its own inquiry. It said results point "
               "one way. The army called the claim unfounded. The army spoke again.")  # fmt: skip
    shot = "The reporter was shot dead while covering clashes in Maarat al-Numan."
    body = f"{opening} {shot}"
    starts = [0, 38, 68, 101]
    facts = ArticleFacts(
        article=replace(ARTICLE, published=None, published_precision=None,
                        title="Reporter was killed in 'targeted attack'"),
        body=body, events=(ev(body, shot, "shot", mode="firearms"),),
        mentions=tuple(MentionFact("a1", s, s + 3, "The", "organisation", s, s + 5,
                                   actor_id="x") for s in starts)
        + (place_mention(body, "Maarat al-Numan", "maarat", shot),),
    )  # fmt: skip
    reports = article_reports(facts, GAZETTE, KINDS, "toi")
    assert [r.lead for r in reports] == [True]
    untold = replace(facts, article=replace(facts.article, title="The network's inquiry"))
    assert article_reports(untold, GAZETTE, KINDS, "toi") == []


def test_a_massacre_is_a_framing_of_any_attack_not_a_kind_of_act():
    """One side's "massacre" is the other's air strike or raid: the word says how a
    source judges the killing, not how it was done; executions and assassinations are."""
    assert KINDS.in_text("Residents called the raid on the camp a massacre") == ["aerial"]
    assert KINDS.in_text("The health ministry denounced the massacre") == []
    assert KINDS.of_mode("mass-killing") is None
    assert KINDS.in_text("Militants executed 20 prisoners") == ["killing"]
    assert KINDS.of_mode("assassinate") == "killing"


def test_troops_opening_fire_on_a_crowd_is_ground_fire_not_an_air_strike():
    assert KINDS.in_text("Troops opened fire on a crowd waiting for aid") == ["ground"]
    assert KINDS.in_text("Soldiers fired on the protesters") == ["ground"]
    assert KINDS.in_text("Jets fired missiles at the depot")[0] == "aerial"


def test_compatible_kinds():
    assert KINDS.compatible("chemical", "aerial") and KINDS.compatible("aerial", "chemical")
    assert KINDS.compatible(GENERIC, "explosives")
    assert not KINDS.compatible("explosives", "aerial")
    assert not KINDS.compatible(GENERIC, "ceasefire")


def test_an_explosion_of_no_told_cause_is_a_blast_that_a_strike_or_bombing_can_be():
    assert KINDS.in_text("An explosion tore through the depot") == ["blast"]
    assert KINDS.in_text("A car bomb explosion hit the market")[0] == "explosives"
    assert KINDS.in_text("A shell exploded near the school")[0] == "shelling"
    assert KINDS.compatible("blast", "aerial") and KINDS.compatible("shelling", "blast")
    assert KINDS.same("blast", "explosives") and not KINDS.same("blast", "aerial")
    assert not KINDS.compatible("blast", "ceasefire")


def test_fighting_a_party_describes_it_and_tells_no_clash():
    assert "ground" not in KINDS.in_text("The alliance fighting the rebels denied the claim")
    assert "ground" not in KINDS.in_text("Troops fighting Islamic State left the town")
    assert "ground" not in KINDS.in_text("Militias fighting against the army were named")
    assert KINDS.in_text("Heavy fighting broke out in the town") == ["ground"]
    assert KINDS.in_text("Ten died in fighting between two militias") == ["ground"]
    assert "ground" in KINDS.in_text("Fighters fighting the army clashed near the bridge")
    # after a preposition or an adjective it is the clash (text stripped of its commas)
    assert KINDS.in_text("Ten died in fighting the monitor said") == ["ground"]
    relative = "The US arms the coalition, which is fighting a Houthi insurgency in Yemen"
    assert "ground" not in KINDS.in_text(relative)
    assert KINDS.in_text("The army is fighting rebels in the town") == ["ground"]
    assert KINDS.in_text("Heavy fighting Monday left ten dead") == ["ground"]
    assert KINDS.in_text("Aleppo fighting intensified") == ["ground"]


# -- reports within one article --------------------------------------------------------------


def test_an_article_leads_with_one_report_and_a_passing_mention_is_another():
    lead, aside = article_reports(lead_and_aside(), GAZETTE, KINDS, "reuters")
    assert (lead.lead, lead.kind, lead.place_id) == (True, "aerial", "maarat")
    assert (lead.day_low, lead.day_high, lead.date_from) == ("2016-04-19", "2016-04-19", "text")
    assert lead.figure_values == (("killed", 20.0),)
    assert lead.perpetrator_ids == ("russia",)
    assert (aside.lead, aside.kind, aside.place_id) == (False, "explosives", "damascus")
    assert (aside.day_low, aside.day_high) == ("2015-01-01", "2015-12-31")


def test_an_undated_lead_lies_in_the_days_before_publication():
    facts = lead_and_aside()
    facts = ArticleFacts(
        article=facts.article, body=BODY,
        events=(ev(BODY, LEAD, "air strike", mode="aerial"),), figures=facts.figures[:1],
        mentions=facts.mentions[:1],
    )  # fmt: skip
    (lead,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert (lead.day_low, lead.day_high, lead.date_from) == (
        "2016-04-18", "2016-04-20", "publication",
    )  # fmt: skip


def test_outlets_and_places_never_fill_the_doers_slot():
    body = "AFP said an air strike hit Europe."
    facts = ArticleFacts(
        article=ARTICLE, body=body,
        events=(ev(body, body, "air strike", mode="aerial", sources=("afp",)),),
        mentions=(MentionFact("a1", body.index("Europe"), body.index("Europe") + 6, "Europe",
                              "location", 0, len(body), place_id="europe"),),
    )  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert report.perpetrators == () and report.place_id is None  # no continent either


def test_an_armed_group_is_no_doer_of_a_strike_by_warplanes():
    for text, trigger, doers in (
        ("Warplanes bombed Islamic State positions in Maarat al-Numan.", "bombed", ()),
        ("An air strike by Russia hit Maarat al-Numan.", "air strike", ("russia",)),
        ("The Islamic State bombing hit a bus in Maarat al-Numan.", "bombing", ("islamic-state",)),
    ):
        facts = ArticleFacts(
            article=ARTICLE, body=text,
            events=(ev(text, text, trigger, mode="aerial",
                       sources=tuple(a for a in ("islamic-state", "russia") if a in doers
                                     or a == "islamic-state")),),
            mentions=(place_mention(text, "Maarat al-Numan", "maarat", text),),
        )  # fmt: skip
        (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
        assert report.kind == "aerial" and report.perpetrator_ids == doers, text


def test_where_people_came_from_is_not_where_a_bomb_hit_them():
    text = "A car bomb hit buses carrying evacuees from Foua in Maarat al-Numan."
    facts = ArticleFacts(
        article=ARTICLE, body=text,
        events=(ev(text, text, "car bomb", mode="explosives"),),
        mentions=(place_mention(text, "Foua", "foua", text),
                  place_mention(text, "Maarat al-Numan", "maarat", text)),
    )  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert report.place_id == "maarat"


def test_where_fighters_were_heading_is_not_where_a_bomb_hit():
    """The bomb is where the article's title puts it, not where fighters were pushing."""
    text = "A car bomb killed 43 people as fighters pushed towards Foua."
    facts = ArticleFacts(
        article=replace(ARTICLE, title="Car bomb in Maarat al-Numan"), body=text,
        events=(ev(text, text, "car bomb", mode="explosives"),),
        mentions=(place_mention(text, "Foua", "foua", text),),
    )  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert report.place_id == "maarat"


def test_a_background_mention_without_day_or_toll_is_no_report():
    body = f"{LEAD}\nRebels have been fighting IS for years."
    facts = lead_and_aside()
    facts = ArticleFacts(
        article=facts.article, body=body,
        events=(facts.events[0], ev(body, "Rebels have been fighting IS for years.", "fighting")),
        figures=(toll(body, LEAD, "20", 20),),
    )  # fmt: skip
    assert len(article_reports(facts, GAZETTE, KINDS, "reuters")) == 1


def test_a_period_without_day_or_toll_does_not_set_an_undated_lead_in_the_whole_year():
    lead = "An attack on a mosque in Maarat al-Numan killed dozens."
    period = "The rebels there have been involved in clashes this year."
    body = f"{lead}\n{period}"
    facts = ArticleFacts(
        article=ARTICLE, body=body,
        events=(ev(body, lead, "attack"), ev(body, period, "clashes")),
        mentions=(place_mention(body, "Maarat al-Numan", "maarat", lead),),
        dates=(DateFact("a1", body.index("this year"), body.index("this year") + 9,
                        "this year", "2016", "year", "on", *sentence_at(body, period)),),
    )  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert (report.day_low, report.day_high) == ("2016-04-18", "2016-04-20")
    assert report.kind != "ground" and len(report.sentences) == 1


def test_a_day_long_before_publication_does_not_date_a_lead_that_gives_none():
    def facts(told: str, value: str) -> ArticleFacts:
        lead = "An attack on a mosque in Maarat al-Numan killed dozens."
        past = f"Government forces began their offensive on Maarat al-Numan on {told}."
        body = f"{lead}\n{past}"
        at = body.index(told)
        return ArticleFacts(
            article=ARTICLE, body=body,
            events=(ev(body, lead, "attack"), ev(body, past, "offensive")),
            mentions=(place_mention(body, "Maarat al-Numan", "maarat", lead),),
            dates=(DateFact("a1", at, at + len(told), told, value, "day", "on",
                            *sentence_at(body, past)),),
        )  # fmt: skip

    lead, past = article_reports(facts("26 March 2015", "2015-03-26"), GAZETTE, KINDS, "r")
    assert (lead.day_low, lead.day_high) == ("2016-04-18", "2016-04-20")
    assert (past.lead, past.day_low) == (False, "2015-03-26")
    # a day of the weeks before it was written still continues it
    (report,) = article_reports(facts("16 February 2016", "2016-02-16"), GAZETTE, KINDS, "r")
    assert report.lead and report.day_low == "2016-02-16"


def test_the_day_of_a_denial_dates_the_denial_and_the_happening_came_by_then():
    """ "The alliance denied on Saturday that its jets hit the depot": Saturday is when it
    answered; the strike came that day or in the days before."""
    text = "The alliance denied on Saturday that its jets struck the depot in Maarat al-Numan."
    at = text.index("Saturday")
    facts = ArticleFacts(
        article=ARTICLE, body=text,
        events=(ev(text, text, "struck", mode="aerial"),),
        mentions=(place_mention(text, "Maarat al-Numan", "maarat", text),),
        dates=(DateFact("a1", at, at + 8, "Saturday", "2016-04-16", "day", "on",
                        *sentence_at(text, text)),),
    )  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert (report.day_low, report.day_high) == ("2016-04-13", "2016-04-16")
    assert report.date_from == "text"
    assert not report.dated


def test_the_day_a_clause_of_answering_closes_on_is_when_it_was_said():
    """ "Campbell contradicted previous reports by his own command Monday and said troops
    were not under fire when they called for airstrikes": Monday is when he spoke; the
    strike came that day or before. A day after an attack word in the clause is the
    attack's."""

    def said_day(text: str) -> bool:
        at = text.index("Monday")
        facts = ArticleFacts(
            article=ARTICLE, body=text,
            events=(ev(text, text, "airstrikes", mode="aerial"),),
            mentions=(place_mention(text, "Maarat al-Numan", "maarat", text),),
            dates=(DateFact("a1", at, at + 6, "Monday", "2016-04-18", "day", "on",
                            *sentence_at(text, text)),),
        )  # fmt: skip
        (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
        return report.said_day

    told = ("The general contradicted previous reports by his own command Monday and said "
            "troops called for airstrikes that hit a hospital in Maarat al-Numan.")  # fmt: skip
    assert said_day(told)
    struck = ("The general acknowledged the airstrikes on the hospital Monday in Maarat "
              "al-Numan.")  # fmt: skip
    assert not said_day(struck)


def test_a_happening_named_by_its_place_came_before_the_day_a_source_spoke_of_it():
    """ "... had nothing to do with the Maarat al-Numan massacre, officials said Thursday":
    a happening known by its place's name was told before; Thursday only bounds it. The
    same sentence about "an attack" is dated by Thursday."""
    text = (
        "An inquiry found the army had nothing to do with the Maarat al-Numan massacre,"
        " officials said Thursday."
    )

    def facts(body: str, trigger: str) -> ArticleFacts:
        at = body.index("Thursday")
        return ArticleFacts(
            article=ARTICLE, body=body,
            events=(ev(body, body, trigger),),
            mentions=(place_mention(body, "Maarat al-Numan", "maarat", body),),
            dates=(DateFact("a1", at, at + 8, "Thursday", "2016-04-14", "day", "on",
                            *sentence_at(body, body)),),
        )  # fmt: skip

    (report,) = article_reports(facts(text, "massacre"), GAZETTE, KINDS, "reuters")
    assert (report.day_low, report.day_high) == ("2016-03-14", "2016-04-14")
    unnamed = text.replace("the Maarat al-Numan massacre", "an attack in Maarat al-Numan")
    (report,) = article_reports(facts(unnamed, "attack"), GAZETTE, KINDS, "reuters")
    assert (report.day_low, report.day_high) == ("2016-04-14", "2016-04-14")


def test_a_lead_with_no_time_of_its_own_is_the_happening_a_later_section_dates_by_its_toll():
    """ "The council reported 20 people killed in the bombing" (no time of its own), then
    "20 people died when the market was bombed two weeks ago": the lead is that strike, not
    a happening of the days before publication; a section with another toll is another
    happening."""

    def reports(later_toll: str) -> list[IncidentReport]:
        opening = "The council reported 20 people killed in the bombing of Maarat al-Numan."
        later = f"{later_toll} people died when the market was bombed two weeks ago."
        body = f"{opening}\n{later}"
        at = body.index("two weeks ago")
        facts = ArticleFacts(
            article=ARTICLE, body=body,
            events=(ev(body, opening, "bombing", mode="aerial"),
                    ev(body, later, "bombed", mode="aerial")),
            figures=(toll(body, opening, "20", 20),
                     toll(body, later, later_toll, float(later_toll))),
            mentions=(place_mention(body, "Maarat al-Numan", "maarat", opening),),
            dates=(DateFact("a1", at, at + 13, "two weeks ago", "2016-W14", "week", "on",
                            *sentence_at(body, later)),),
        )  # fmt: skip
        return article_reports(facts, GAZETTE, KINDS, "reuters")

    (lead,) = reports("20")
    assert (lead.lead, lead.day_low, lead.day_high) == (True, "2016-04-01", "2016-04-13")
    lead, other = reports("35")
    assert (lead.day_low, lead.date_from) == ("2016-04-18", "publication")
    assert (other.day_low, other.day_high) == ("2016-04-01", "2016-04-13")


def test_a_toll_a_source_gave_before_the_leads_day_is_of_an_earlier_happening():
    """ "On April 11, NUG reported that 168 people were killed in the bombardment", in an
    article on a raid of April 19: nobody tells of a raid before it happened, so the toll
    is of another, earlier happening, set where the article is; after the raid's day it
    may be the raid's."""

    def reports(day: str, value: str) -> list[IncidentReport]:
        said = f"On {day}, Amnesty reported that 168 people were killed in the bombing."
        body = f"{LEAD}\n{said}"
        at = body.index(day)
        facts = ArticleFacts(
            article=ARTICLE, body=body,
            events=(ev(body, LEAD, "air strike", mode="aerial", day="2016-04-19"),
                    ev(body, said, "bombing", mode="aerial")),
            figures=(toll(body, LEAD, "20", 20), toll(body, said, "168", 168)),
            mentions=(place_mention(body, "Maarat al-Numan", "maarat", LEAD),),
            dates=(DateFact("a1", at, at + len(day), day, value, "day", "on",
                            *sentence_at(body, said)),),
        )  # fmt: skip
        return article_reports(facts, GAZETTE, KINDS, "reuters")

    lead, earlier = reports("April 11", "2016-04-11")
    assert lead.figure_values == (("killed", 20.0),)
    assert (earlier.day_low, earlier.said_day, earlier.place_id) == ("2016-04-11", True, "maarat")
    assert earlier.figure_values == (("killed", 168.0),)
    (lead,) = reports("April 20", "2016-04-20")  # spoken of the day after: the raid's toll
    assert lead.figure_values == (("killed", 20.0), ("killed", 168.0))


def test_a_happening_in_a_regions_town_is_set_in_the_town():
    """ "the attack on the Idlib province town of Maarat al-Numan": the parse ties the
    attack to the province; the town named in it is where it was."""
    text = "A rocket attack on the Idlib province town of Maarat al-Numan killed 12 people."
    facts = ArticleFacts(
        article=ARTICLE, body=text,
        events=(ev(text, text, "rocket attack", mode="heavy-weapons", place="idlib-gov"),),
        figures=(toll(text, text, "12", 12),),
        mentions=(place_mention(text, "Idlib province", "idlib-gov", text),
                  place_mention(text, "Maarat al-Numan", "maarat", text)),
    )  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert report.place_id == "maarat"


def test_weeks_ago_is_the_week_it_falls_in_give_or_take_half_a_week():
    """ "an explosion in Maarat al-Numan a week ago", written on a Monday: the writer
    rounds, so the happening may be ten days back (the Friday before last)."""
    text = "Accounts emerged on Sunday about an explosion in Maarat al-Numan a week ago."
    sunday, ago = text.index("Sunday"), text.index("a week ago")
    facts = ArticleFacts(
        article=replace(ARTICLE, published="2017-03-27"), body=text,
        events=(ev(text, text, "explosion"),),
        mentions=(place_mention(text, "Maarat al-Numan", "maarat", text),),
        dates=(DateFact("a1", sunday, sunday + 6, "Sunday", "2017-03-26", "day", "on",
                        *sentence_at(text, text)),
               DateFact("a1", ago, ago + 10, "a week ago", "2017-W12", "week", "on",
                        *sentence_at(text, text))),
    )  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert (report.day_low, report.day_high) == ("2017-03-17", "2017-03-29")


def test_a_city_named_as_its_province_yields_to_the_town_the_sentence_sets_it_in():
    """ "in the Foua prison in the occupied Damascus province": the gazetteer knows the
    city, not the province named after it; the town is where it happened."""
    text = "An explosion in the Foua prison in the occupied Damascus province killed 20 people."
    facts = ArticleFacts(
        article=ARTICLE, body=text,
        events=(ev(text, text, "explosion"),),
        figures=(toll(text, text, "20", 20),),
        mentions=(place_mention(text, "Damascus", "damascus", text),
                  place_mention(text, "Foua", "foua", text)),
    )  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert (report.place_id, report.kind) == ("foua", "blast")


def test_a_town_named_as_a_district_of_a_province_called_by_its_capital_is_where_it_was():
    """ "the Maarat al-Numan district of Idlib": the district's own name, and Idlib the
    province holding it (called by its capital's name), not a settlement inside the
    district, nor a town the district is named as the region around."""
    gazette = Gazette(actors=GAZETTE.actors, places={
        **GAZETTE.places,
        "idlib": PlaceFact("idlib", "Idlib", 35.93, 36.63, "city", "SY", "idlib-gov")})  # fmt: skip
    text = "The brutal attack in the Maarat al-Numan district of Idlib killed 110 civilians."
    facts = ArticleFacts(
        article=ARTICLE, body=text,
        events=(ev(text, text, "attack", place="maarat"),),
        figures=(toll(text, text, "110", 110),),
        mentions=(place_mention(text, "Maarat al-Numan", "maarat", text),
                  place_mention(text, "Idlib", "idlib", text)),
    )  # fmt: skip
    (report,) = article_reports(facts, gazette, KINDS, "reuters")
    assert report.place_id == "maarat"


def _said_day_of(text: str, day: str, value: str) -> bool:
    """Whether the one report of `text`, an air strike on Maarat al-Numan whose sentence
    names the day `day` (`value`), takes that day as when a source spoke."""
    at = text.index(day)
    facts = ArticleFacts(
        article=ARTICLE, body=text,
        events=(ev(text, text, "air strike", mode="aerial"),),
        mentions=(place_mention(text, "Maarat al-Numan", "maarat", text),),
        dates=(DateFact("a1", at, at + len(day), day, value, "day", "on",
                        *sentence_at(text, text)),),
    )  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    return report.said_day


def test_the_day_a_source_raised_its_count_is_when_it_spoke():
    """ "Activists on Saturday raised the number of those killed in ... to more than 90":
    Saturday is the day of the new count; the killing came that day or before."""
    raised = ("Activists on Saturday raised the number of those killed in an air strike on "
              "Maarat al-Numan to more than 90.")  # fmt: skip
    assert _said_day_of(raised, "Saturday", "2016-04-16")
    struck = "Activists said an air strike on Saturday hit Maarat al-Numan."
    assert not _said_day_of(struck, "Saturday", "2016-04-16")


@pytest.mark.parametrize("told", [
    "The army denied the air strike on Maarat al-Numan, its spokesman said in a press "
    "conference in Damascus on Sunday.",
    "The army denied the air strike on Maarat al-Numan, the ministry said in a statement on "
    "Sunday.",
    "The army denied the air strike on Maarat al-Numan, the general told reporters in "
    "Damascus on Sunday.",
])  # fmt: skip
def test_the_day_of_a_press_conference_or_a_statement_is_when_it_was_said(told):
    """Words of one's own telling ("in a press conference", "in a statement", "told
    reporters in Damascus") between the verb of saying and the day: the day it was said."""
    assert _said_day_of(told, "Sunday", "2016-04-17")


def test_the_account_told_after_a_war_wide_toll_goes_back_to_the_lead():
    """ "The U.N. says more than 9,000 people have been killed": a toll too far from the
    lead's to be its own, naming no happening, starts no happening that the account told
    after it goes on with ("regime forces started shelling the town on Friday")."""
    lead = "Activists said 90 people were killed in Maarat al-Numan on Friday."
    war = "The U.N. says more than 9,000 people have been killed."
    account = "A local activist said regime forces started shelling Maarat al-Numan on Friday."
    body = f"{lead}\n{war}\n{account}"

    def friday(sentence: str) -> DateFact:
        at = body.index("Friday", body.index(sentence))
        return DateFact("a1", at, at + 6, "Friday", "2016-04-15", "day", "on",
                        *sentence_at(body, sentence))  # fmt: skip

    facts = ArticleFacts(
        article=ARTICLE, body=body,
        events=(ev(body, lead, "killed", day="2016-04-15"),
                ev(body, account, "shelling", mode="heavy-weapons", day="2016-04-15")),
        figures=(toll(body, lead, "90", 90), toll(body, war, "9,000", 9000)),
        mentions=(place_mention(body, "Maarat al-Numan", "maarat", lead),
                  replace(place_mention(body, "Maarat al-Numan", "maarat", account),
                          start=body.index("Maarat", body.index(account)),
                          end=body.index("Maarat", body.index(account)) + 15)),
        dates=(friday(lead), friday(account)),
    )  # fmt: skip
    reports = article_reports(facts, GAZETTE, KINDS, "reuters")
    first = reports[0]
    assert first.lead
    assert sentence_at(body, account) in first.sentences
    assert all(sentence_at(body, account) not in r.sentences for r in reports[1:])


def test_a_party_described_as_fighting_another_is_no_doer_of_the_strike():
    """ "the dead included officials of the rebels fighting the government": the rebels'
    fighting is who they are, not a happening of the article, nor their part in it."""
    lead = "An air strike killed 20 people in Maarat al-Numan on Tuesday."
    aside = "The dead included officials of the rebels fighting the government."
    body = f"{lead}\n{aside}"
    facts = ArticleFacts(
        article=ARTICLE, body=body,
        events=(ev(body, lead, "air strike", mode="aerial", day="2016-04-19"),
                ev(body, aside, "fighting", sources=("islamic-state",))),
        figures=(toll(body, lead, "20", 20),),
        mentions=(place_mention(body, "Maarat al-Numan", "maarat", lead),),
    )  # fmt: skip
    reports = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert [r.kind for r in reports] == ["aerial"]
    assert "islamic-state" not in reports[0].perpetrator_ids


def test_the_day_a_period_began_does_not_date_the_lead():
    """ "600 killed since the operations began 19 days ago" dates the war's start, not the
    strike the article leads with."""
    lead = "An air strike killed 40 people in Maarat al-Numan."
    since = "Before the strike, 600 people had been killed since the operations began 19 days ago."
    body = f"{lead}\n{since}"
    at = body.index("19 days ago")
    facts = ArticleFacts(
        article=ARTICLE, body=body,
        events=(ev(body, lead, "air strike", mode="aerial"), ev(body, since, "strike", mode="aerial")),
        mentions=(place_mention(body, "Maarat al-Numan", "maarat", lead),),
        dates=(DateFact("a1", at, at + 11, "19 days ago", "2016-04-01", "day", "on",
                        *sentence_at(body, since)),),
    )  # fmt: skip
    reports = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert (reports[0].day_low, reports[0].day_high) == ("2016-04-18", "2016-04-20")
    assert all(r.day_low != "2016-04-01" for r in reports)
    # nor does a month a period began in, told in the lead's own sentence
    lead = "The strike killed 40 in Maarat al-Numan since the war began more than 10 months ago."
    at = lead.index("more than 10 months ago")
    facts = ArticleFacts(
        article=ARTICLE, body=lead,
        events=(ev(lead, lead, "strike", mode="aerial"),),
        mentions=(place_mention(lead, "Maarat al-Numan", "maarat", lead),),
        dates=(DateFact("a1", at, at + 23, "more than 10 months ago", "2015-06", "month", "on",
                        0, len(lead)),),
    )  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert (report.day_low, report.day_high) == ("2016-04-18", "2016-04-20")


def test_an_old_happenings_day_does_not_date_the_present_one_it_is_told_beside():
    """ "The raid ... showed the cost of the war the Oct. 7 attack began": the old attack's
    day (a historical event's) dates neither the raid told in the same sentence nor the
    report; on a page with no date nothing says which happening is the present one, and
    the day stays."""
    text = "A raid killed 40 people in Maarat al-Numan, a year after the Oct. 7 attack."
    at = text.index("Oct. 7")
    oct7 = DateFact("a1", at, at + 6, "Oct. 7", "2015-10-07", "day", "on", 0, len(text))
    attack = ev(text, text, "attack", factuality="historical", day="2015-10-07")
    for published, raid_day, low in (("2016-10-20", "2016-10-20", "2016-10-18"),
                                     (None, None, "2015-10-07")):  # fmt: skip
        raid = replace(ev(text, text, "raid", mode="aerial"), date=raid_day,
                       date_precision="week" if raid_day else None,
                       date_from="publication" if raid_day else None)  # fmt: skip
        facts = ArticleFacts(
            article=replace(ARTICLE, published=published), body=text, events=(raid, attack),
            figures=(toll(text, text, "40", 40),), dates=(oct7,),
            mentions=(place_mention(text, "Maarat al-Numan", "maarat", text),),
        )  # fmt: skip
        (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
        assert report.day_low == low, published


def _march_29(body: str, sentence: str) -> DateFact:
    """The day "29 March" as the extractor finds it in `sentence` of `body`."""
    at = body.index("29 March")
    return DateFact("a1", at, at + 8, "29 March", "2016-03-29", "day", "on",
                    *sentence_at(body, sentence))  # fmt: skip


def _with_publication_day(event: EventFact) -> EventFact:
    """An event the text leaves undated: the extractor gives it the article's day, coarser."""
    return replace(event, date="2016-04-20", date_precision="week", date_from="publication")


@pytest.mark.parametrize("told_by", ["attack", "day"])
def test_a_deed_recalled_weeks_back_beside_the_strike_does_not_date_it(told_by):
    """ "The air strike killed the commander, who had led the group's attack on the town on
    29 March": the recalled attack's day (on the attack when the parse gives it one, else
    loose in the sentence) dates neither the strike nor its report, which stays the lead's."""
    lead = "An air strike killed 40 people in Maarat al-Numan, officials said."
    aside = (
        "The army said the air strike killed the commander Abu Omar, who had led the "
        "group's attack on the town on 29 March."
    )
    body = f"{lead}\n{aside}"
    attack = ev(body, aside, "attack", day="2016-03-29" if told_by == "attack" else None)
    if told_by == "day":
        attack = _with_publication_day(attack)
    facts = ArticleFacts(
        article=ARTICLE, body=body,
        events=(_with_publication_day(ev(body, lead, "air strike", mode="aerial")),
                _with_publication_day(ev(body, aside, "air strike", mode="aerial")), attack),
        figures=(toll(body, lead, "40", 40),),
        mentions=(place_mention(body, "Maarat al-Numan", "maarat", lead),),
        dates=(_march_29(body, aside),),
    )  # fmt: skip
    reports = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert all(r.day_low != "2016-03-29" for r in reports)
    # told with its own toll, the recalled attack is a report of its own, on its day
    aside = "It came after 17 people were killed in the group's attack on the town on 29 March."
    body = f"{lead}\n{aside}"
    facts = replace(
        facts, body=body,
        events=(_with_publication_day(ev(body, lead, "air strike", mode="aerial")),
                _with_publication_day(ev(body, aside, "killed", mode="aerial")),
                ev(body, aside, "attack", day="2016-03-29")),
        figures=(toll(body, lead, "40", 40), toll(body, aside, "17", 17)),
        dates=(_march_29(body, aside),),
    )  # fmt: skip
    reports = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert any(r.day_low == "2016-03-29" for r in reports)


def test_a_day_in_a_clause_about_someone_dates_his_past_not_the_strike():
    """ "the commander, who was one of the leaders of the raids on 29 March, was killed in
    the air strike": the day is the commander's past (a clause about a thing, "the jets,
    which struck on Tuesday", may date the very strike and is not read so)."""
    lead = "An air strike killed 40 people in Maarat al-Numan, officials said."
    aside = (
        "The commander, who was one of the leaders of the raids on 29 March, was killed "
        "in the air strike."
    )
    body = f"{lead}\n{aside}"
    facts = ArticleFacts(
        article=ARTICLE, body=body,
        events=(ev(body, lead, "air strike", mode="aerial"),
                ev(body, aside, "air strike", mode="aerial")),
        figures=(toll(body, lead, "40", 40),),
        mentions=(place_mention(body, "Maarat al-Numan", "maarat", lead),),
        dates=(_march_29(body, aside),),
    )  # fmt: skip
    reports = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert all(r.day_low != "2016-03-29" for r in reports)


def test_a_page_opening_on_background_leads_with_the_happening_its_title_names():
    background = ["The coalition has fought the rebels for years.",
                  "Its allies supply it with arms.", "The rebels deny any wrongdoing.",
                  "Aid groups have asked for talks."]  # fmt: skip
    strike = "An air strike killed 29 children on a bus in Maarat al-Numan."
    body = "\n".join([*background, strike])
    mentions = tuple(
        MentionFact("a1", body.index(b), body.index(b) + 3, b[:3], "organisation",
                    *sentence_at(body, b))
        for b in background
    )  # fmt: skip
    facts = ArticleFacts(
        article=replace(ARTICLE, title="Air strike kills 29 children"), body=body,
        events=(ev(body, strike, "air strike", mode="aerial"),),
        mentions=(*mentions, place_mention(body, "Maarat al-Numan", "maarat", strike)),
    )  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert report.lead and report.kind == "aerial" and report.day_low == "2016-04-18"
    # a title that names no violent kind leaves the page without a lead
    plain = replace(facts, article=replace(ARTICLE, title="Talks in Geneva"))
    assert not any(r.lead for r in article_reports(plain, GAZETTE, KINDS, "reuters"))


def test_where_a_source_spoke_is_not_where_its_happening_was():
    # a dated section that names no place of its own is set where the article is
    lead = "An air strike killed 20 people in Maarat al-Numan on Tuesday."
    for said, place in (
        ("A strike killed 30 people on April 2, the envoy told reporters in Damascus.", "maarat"),
        ("A strike killed 30 people on April 2, he said in a statement in Damascus.", "maarat"),
        ("A strike killed 30 people in Damascus on April 2, the envoy said.", "damascus"),
    ):
        body = f"{lead}\n{said}"
        day = body.index("April 2")
        facts = ArticleFacts(
            article=ARTICLE, body=body,
            events=(ev(body, lead, "air strike", mode="aerial", day="2016-04-19"),
                    ev(body, said, "strike", mode="aerial")),
            figures=(toll(body, lead, "20", 20), toll(body, said, "30", 30)),
            mentions=(place_mention(body, "Maarat al-Numan", "maarat", lead),
                      place_mention(body, "Damascus", "damascus", said)),
            dates=(DateFact("a1", day, day + 7, "April 2", "2016-04-02", "day", "on",
                            *sentence_at(body, said)),),
        )  # fmt: skip
        _, aside = article_reports(facts, GAZETTE, KINDS, "reuters")
        assert aside.place_id == place, said


def test_an_article_is_not_set_where_its_source_spoke():
    body = (
        "Most of the 40 victims were shot in their homes, the spokesman told reporters in Geneva."
    )
    facts = ArticleFacts(
        article=ARTICLE, body=body, events=(ev(body, body, "shot"),),
        figures=(toll(body, body, "40", 40),),
        mentions=(place_mention(body, "Geneva", "geneva", body),),
    )  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert report.lead and report.place_id is None


def test_an_article_is_not_set_where_its_source_spoke_from():
    shot = "Most of the 40 victims were shot in their homes."
    body = f"{shot} The envoy, who was speaking from Geneva, told the channel it was a crime."
    facts = ArticleFacts(
        article=ARTICLE, body=body, events=(ev(body, shot, "shot"),),
        figures=(toll(body, shot, "40", 40),),
        mentions=(place_mention(body, "Geneva", "geneva", body[len(shot) + 1 :]),),
    )  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert report.lead and report.place_id is None


def test_an_undated_articles_reports_take_its_estimated_window_as_an_estimate():
    window = DateWindow("2016-04-10", "2016-04-24", ("its story's dated articles run ...",))
    facts = lead_and_aside(published=None, published_precision=None, window=window)
    facts = replace(facts, events=(replace(facts.events[0], date=None, date_precision=None, date_from=None),
                                   facts.events[1]), dates=())  # fmt: skip
    lead, aside = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert (lead.day_low, lead.day_high, lead.date_from) == ("2016-04-10", "2016-04-24", "estimate")
    # a passing mention: some time before the window ends, as before a publication date
    assert (aside.day_low, aside.day_high, aside.date_from) == (None, "2016-04-24", "estimate")


def test_on_a_page_with_an_estimated_window_a_year_long_past_is_not_its_leads_time():
    """An undated page's estimated window is its present: "killed there in 2006" closing
    a page the story dates to 2016 is the town's past, as it would be on a dated page."""
    lead = "An air strike on a market in Maarat al-Numan killed dozens today."
    past = "It was near the graves of 100 people killed in Maarat al-Numan in 2006."
    body = f"{lead}\n{past}"
    at, town = body.index("2006"), body.index("Maarat al-Numan", len(lead))
    window = DateWindow("2016-04-10", "2016-04-24", ("its story's dated articles run ...",))
    facts = ArticleFacts(
        article=ArticleFact("a1", "Reuters", window=window), body=body,
        events=(ev(body, lead, "air strike", mode="aerial"), ev(body, past, "killed")),
        figures=(toll(body, past, "100", 100),),
        mentions=(place_mention(body, "Maarat al-Numan", "maarat", lead),
                  MentionFact("a1", town, town + 15, "Maarat al-Numan", "location",
                              *sentence_at(body, past), place_id="maarat")),
        dates=(DateFact("a1", at, at + 4, "2006", "2006", "year", "on",
                        *sentence_at(body, past)),),
    )  # fmt: skip
    lead_report, past_report = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert (lead_report.day_low, lead_report.day_high) == ("2016-04-10", "2016-04-24")
    assert (past_report.lead, past_report.day_low) == (False, "2006-01-01")


def test_on_a_page_with_no_date_two_weekdays_are_two_happenings():
    """ "On Tuesday" and "last Thursday" have no day on a page with no date, yet they are
    two days: the raid of last Thursday is another happening, told in passing. A day's
    slack still lets a night strike be told on Monday and on Tuesday."""
    lead = "An air strike on a school killed 33 people on Tuesday."
    aside = "A raid on a mosque near Foua last Thursday evening left 46 dead."
    body = f"{lead}\n{aside}"

    def weekday(name: str, sentence: str) -> DateFact:
        at = body.index(name)
        return DateFact("a1", at, at + len(name), name, None, None, "on",
                        *sentence_at(body, sentence))  # fmt: skip

    facts = ArticleFacts(
        article=ArticleFact("a1", "Some Site", title="School hit"), body=body,
        events=(ev(body, lead, "air strike", mode="aerial"), ev(body, aside, "raid", mode="aerial")),
        figures=(toll(body, lead, "33", 33), toll(body, aside, "46", 46)),
        mentions=(place_mention(body, "Foua", "foua", aside),),
        dates=(weekday("Tuesday", lead), weekday("last Thursday evening", aside)),
    )  # fmt: skip
    reports = article_reports(facts, GAZETTE, KINDS, "site")
    assert [(r.lead, r.figure_values) for r in reports] == [
        (True, (("killed", 33),)), (False, (("killed", 46),)),
    ]  # fmt: skip
    monday = body.replace("last Thursday", "Monday night ")
    facts = replace(facts, body=monday, dates=(
        facts.dates[0], replace(facts.dates[1], text="Monday night ")))  # fmt: skip
    assert len(article_reports(facts, GAZETTE, KINDS, "site")) == 1


def test_a_toll_of_none_is_shown_with_its_report_but_makes_no_report():
    aside = "The monitor said there were no deaths from the shelling."
    body = f"{LEAD}\n{aside}\nA second strike left no one hurt."
    facts = lead_and_aside()
    facts = ArticleFacts(
        article=facts.article, body=body,
        events=(facts.events[0], ev(body, aside, "shelling")),
        figures=(toll(body, LEAD, "20", 20), toll(body, aside, "no", 0),
                 toll(body, "A second strike left no one hurt.", "no one", 0, "injured")),
    )  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")  # the aside: background
    assert report.figure_values == (("killed", 20),)
    lead_none = replace(facts, figures=(*facts.figures, toll(body, LEAD, "people", 0)))
    (report,) = article_reports(lead_none, GAZETTE, KINDS, "reuters")
    assert report.figure_starts == (body.index("20"), body.index("people"))
    assert report.figure_values == (("killed", 20),)


def test_copies_and_repeats_share_the_chain_of_their_original():
    original = ArticleFact("o", "Al-Ahram", wire="AFP")
    copy = ArticleFact("c", "Jordan Times", duplicate_of="o")
    own = ArticleFact("x", "Reuters")
    originals = {"o": original}
    assert chain_of(copy, originals) == chain_of(original, originals) == "afp"
    assert chain_of(own, originals) == "reuters"


def test_places_meet_when_one_lies_in_the_other_or_they_are_close():
    assert places_meet("khan-sheikhoun", "idlib-gov", GAZETTE)
    assert places_meet("damascus", "ghouta", GAZETTE)  # 11 km apart
    assert not places_meet("khan-sheikhoun", "damascus", GAZETTE)
    assert not places_meet("maarat", "khan-sheikhoun", GAZETTE)  # two towns 22 km apart


# -- across articles -------------------------------------------------------------------------


def report(aid, kind="aerial", place="khan-sheikhoun", day="2017-04-04", **kw):
    defaults = {
        "outlet": aid.upper(), "chain": aid, "sentence_start": 0, "sentence_end": 10,
        "sentence": "...", "day_low": day, "day_high": day, "date_from": "text" if day else None,
        "place_id": place, "lead": True,
    }  # fmt: skip
    defaults.update(kw)
    return IncidentReport(article_id=aid, kind=kind, **defaults)


def incident_of(*reports):
    found = None
    for r in reports:
        found = add_report(found, r, GAZETTE, KINDS)
    return found


def test_the_killing_of_a_named_person_told_months_later_is_the_same_incident():
    """A person dies once: "the killing of Shireen Abu Akleh" told in May and the army's
    admission in September that she was "shot and killed by Israeli fire" are one
    happening, whatever days each gives; another person's killing is not."""
    people = replace(GAZETTE, actors={
        **GAZETTE.actors,
        "new:jane-roe": ActorFact("new:jane-roe", "Jane Roe", "person"),
        "new:sami-haddad": ActorFact("new:sami-haddad", "Sami Haddad", "person"),
    })  # fmt: skip
    killed = report("a", kind="ground", place="maarat", day="2022-05-11",
                    sentence="Journalist Jane Roe was shot dead in Maarat al-Numan.",
                    target_actor_ids=("new:jane-roe",))  # fmt: skip
    incident = add_report(None, killed, people, KINDS)
    admitted = report("b", kind="ground", place=None, day="2022-09-05", said_day=True,
                      sentence="The army admitted that Jane Roe was likely shot and killed by "
                               "its fire.")  # fmt: skip
    assert victims_told(admitted, people) == ["new:jane-roe"]
    assert same_victim(admitted, incident, people, KINDS)
    # a report its own text dates as a happening names her only as a target of its own act
    dated = replace(admitted, said_day=False, sentence="A strike killed 3 near the grave of "
                    "Jane Roe on Monday.")  # fmt: skip
    assert not same_victim(dated, incident, people, KINDS)
    other = replace(admitted, sentence="The army admitted that Sami Haddad was killed.")
    assert not same_victim(other, incident, people, KINDS)
    elsewhere = replace(admitted, place_id="geneva")
    assert not same_victim(elsewhere, incident, people, KINDS)
    # the report stays in the incident when the days' incidents are judged again
    joined = add_report(incident, admitted, people, KINDS)
    assert strays(joined, [joined], people, KINDS) == []


def test_same_kind_place_and_day_is_one_incident():
    strike = incident_of(report("a"))
    assert match_report(report("b", kind="chemical"), [strike], GAZETTE, KINDS) is strike


def test_another_place_day_or_kind_is_another_incident():
    strike = incident_of(report("a"))
    assert match_score(report("b", place="damascus"), strike, GAZETTE, KINDS) is None
    assert match_score(report("b", day="2017-04-07"), strike, GAZETTE, KINDS) is None
    assert match_score(report("b", kind="ceasefire"), strike, GAZETTE, KINDS) is None
    assert match_score(report("a", chain="a2"), strike, GAZETTE, KINDS) is None  # same article


def test_an_explosion_and_a_strike_at_one_place_on_one_day_are_one_incident():
    """Sources disagree on what set an explosion off: told as "an explosion" by some and
    as a strike by others, at one place on one day, it is one happening."""
    strike = incident_of(report("a"))
    assert match_report(report("b", kind="blast"), [strike], GAZETTE, KINDS) is strike
    shelled = incident_of(report("a", kind="shelling"))
    assert match_report(report("b", kind="blast"), [shelled], GAZETTE, KINDS) is shelled
    bombing = incident_of(report("a", kind="explosives"))
    score = match_score(report("b", kind="blast"), bombing, GAZETTE, KINDS)
    assert score == match_score(report("b", kind="explosives"), bombing, GAZETTE, KINDS)
    # another day or another town is another happening
    assert match_score(report("b", kind="blast", day="2017-04-07"), strike, GAZETTE, KINDS) is None
    assert match_score(report("b", kind="blast", place="damascus"), strike, GAZETTE, KINDS) is None


def test_an_incident_some_sources_tell_only_as_an_explosion_is_labelled_one():
    found = incident_of(report("a"), report("b"), report("c", kind="blast"))
    assert found.kind == "aerial"
    assert incident_label(found, GAZETTE).startswith("explosion in Khan Sheikhoun")
    assert incident_label(incident_of(report("a"), report("b")), GAZETTE).startswith("air strike")


def test_kind_and_day_alone_are_not_enough_without_a_place_toll_or_doer():
    strike = incident_of(report("a", place=None))
    assert match_score(report("b", place=None), strike, GAZETTE, KINDS) is None
    with_toll = incident_of(report("a", place=None, figure_values=(("killed", 58.0),)))
    assert match_report(report("b", place=None, figure_values=(("killed", 58.0),)),
                        [with_toll], GAZETTE, KINDS) is with_toll  # fmt: skip


def test_a_rare_kind_with_the_same_doer_and_target_needs_no_place():
    """ "Turkish jets shot down a Russian warplane" and "Turkey downed the Russian Su-24" on
    one day, neither with a place (the sky over a border has none): a state seldom downs
    two of another's aircraft in a season, so doer and target together tie them; two air
    strikes by one state on another's forces on one day are too common to tie so."""
    turkey = (Attribution("turkey", "Turkish jets", None),)
    kw = {"place": None, "perpetrators": turkey, "target_actor_ids": ("russia",)}
    downed = incident_of(report("a", kind="downing", **kw))
    assert match_score(report("b", kind="downing", **kw), downed, GAZETTE, KINDS) is not None
    other = report("b", kind="downing", **{**kw, "target_actor_ids": ("syria",)})
    assert match_score(other, downed, GAZETTE, KINDS) is None
    struck = incident_of(report("a", **kw))
    assert match_score(report("b", **kw), struck, GAZETTE, KINDS) is None
    assert incident_label(downed, GAZETTE).startswith("aircraft downed")


def test_a_town_set_in_the_next_province_by_another_source_meets_on_its_toll():
    """One village, set by one source near Khan Sheikhoun and by another near Maarat: two
    towns, but the same kind, day and a telling toll make one strike."""
    strike = incident_of(report("a", figure_values=(("killed", 43.0),)))
    told = report("b", place="maarat", figure_values=(("killed", 43.0),))
    assert match_report(told, [strike], GAZETTE, KINDS) is strike
    assert match_score(replace(told, figure_values=()), strike, GAZETTE, KINDS) is None
    assert match_score(replace(told, day_low="2017-04-05", day_high="2017-04-05"),
                       strike, GAZETTE, KINDS) is None  # fmt: skip
    assert match_score(replace(told, place_id="damascus"), strike, GAZETTE, KINDS) is None


VILLAGES = replace(
    GAZETTE,
    places={
        **GAZETTE.places,
        **{
            p.id: p
            for p in (  # villages the texts describe: each at its setting's point
                PlaceFact("text:sy:hbit", "Hbit", 35.8, 36.6, "city", "SY", "idlib-gov"),
                PlaceFact("text:sy:tell", "Tell", 35.8, 36.6, "city", "SY", "idlib-gov"),
                PlaceFact("text:sy:zor", "Zor", 35.0, 38.0, "city", "SY", "syria"),
                PlaceFact("text:sy:ein", "Ein", 33.5, 36.7, "city", "SY", "rif"),
            )
        },
    },
)


def test_a_described_village_fits_a_town_of_the_region_it_is_set_in():
    """One source names the village ("the village of Hbit, in Idlib"), another the
    province's town the wounded reached: the village lies somewhere in the province."""
    strike = incident_of(report("a"))  # Khan Sheikhoun, Idlib
    village = report("b", place="text:sy:hbit")
    assert match_report(village, [strike], VILLAGES, KINDS) is strike
    assert match_report(report("c", place="maarat"), [incident_of(village)], VILLAGES, KINDS)
    # set in another region, or one more described village: two places
    assert match_score(report("d", place="text:sy:ein"), strike, VILLAGES, KINDS) is None
    assert match_score(report("e", place="text:sy:tell"), incident_of(village),
                       VILLAGES, KINDS) is None  # fmt: skip
    # set only in its country: the place says nothing, so it needs other evidence
    assert match_score(report("f", place="text:sy:zor"), strike, VILLAGES, KINDS) is None
    assert match_score(report("f", place="text:sy:zor"), strike, VILLAGES, KINDS,
                       need_support=False) is not None  # fmt: skip


def test_a_report_dated_by_publication_meets_the_days_before_it():
    strike = incident_of(report("a"))
    later = report("b", day=None, day_low="2017-04-03", day_high="2017-04-05",
                   date_from="publication")  # fmt: skip
    assert match_report(later, [strike], GAZETTE, KINDS) is strike


def test_a_telling_toll_holds_across_days_that_do_not_meet():
    strike = incident_of(
        report("a", figure_values=(("killed", 58.0),), day=None, day_low="2017-04-02",
               day_high="2017-04-04", date_from="publication")
    )  # fmt: skip
    misdated = report("b", day="2017-04-08", figure_values=(("killed", 58.0),))
    assert match_report(misdated, [strike], GAZETTE, KINDS) is strike
    assert candidate_days(misdated)[0] <= "2017-04-04" <= candidate_days(misdated)[1]
    # a round toll, another kind, or days too far apart: apart
    for other in (
        report("b", day="2017-04-08", figure_values=(("killed", 50.0),)),
        report("b", day="2017-04-08", kind="shelling", figure_values=(("killed", 58.0),)),
        report("b", day="2017-04-08", kind="chemical", figure_values=(("killed", 58.0),)),
        report("b", day="2017-04-20", figure_values=(("killed", 58.0),)),
    ):
        assert match_score(other, strike, GAZETTE, KINDS, need_support=False) is None
    # two days the texts name, apart, are two happenings whatever their tolls
    named = incident_of(report("c", figure_values=(("killed", 58.0),), day="2017-04-04"))
    assert match_score(misdated, named, GAZETTE, KINDS, need_support=False) is None
    # unless the later is only the day a source spoke ("the mayor said on Tuesday there
    # are already 58 dead"): the toll was told then, the happening came before
    said = replace(misdated, said_day=True)
    assert match_score(said, named, GAZETTE, KINDS, need_support=False) is not None
    # days that meet outrank days only a toll bridges
    dated = incident_of(report("c", figure_values=(("killed", 58.0),), day="2017-04-08"))
    assert match_score(misdated, dated, GAZETTE, KINDS) > match_score(
        misdated, strike, GAZETTE, KINDS
    )


def test_a_lead_dated_by_the_day_its_source_spoke_tells_of_the_days_before():
    """ "The cause of the collapse was an interceptor missile, Peskov said on Monday": the
    article's lead, dated only by the day its source spoke, tells of Saturday's strike; an
    aside dated so is too loose a tie, and so is a day before the strike."""
    strike = incident_of(report("a", day="2017-04-04"))
    spoke = report("b", day="2017-04-06", said_day=True)
    assert match_score(spoke, strike, GAZETTE, KINDS) is not None
    assert candidate_days(spoke)[0] <= "2017-04-04"
    for other in (
        replace(spoke, lead=False),  # an aside
        replace(spoke, day_low="2017-04-07", day_high="2017-04-07"),  # three days after
        replace(spoke, day_low="2017-04-02", day_high="2017-04-02"),  # before the strike
        replace(spoke, said_day=False),  # a day the text gives the happening
    ):
        assert match_score(other, strike, GAZETTE, KINDS) is None


def test_a_large_toll_that_is_no_round_hundred_is_telling():
    """ "270 killed" is rarely given for two happenings; "50" or "200" often is."""
    battle = incident_of(report("a", kind="ground", figure_values=(("killed", 270.0),)))
    recalled = report("b", kind="ground", day=None, day_low=None, day_high="2017-04-12",
                      lead=False, figure_values=(("killed", 270.0),))  # fmt: skip
    assert match_report(recalled, [battle], GAZETTE, KINDS) is battle
    for round_toll in (50.0, 200.0, 1300.0):
        other = incident_of(report("a", kind="ground", figure_values=(("killed", round_toll),)))
        told = replace(recalled, figure_values=(("killed", round_toll),))
        assert match_report(told, [other], GAZETTE, KINDS) is None


def test_an_aside_on_the_next_named_day_at_one_place_is_another_strike_unless_retold():
    words = ("market", "barrel", "bombs", "children", "bakery")
    monday = incident_of(report("a", day="2017-04-03", terms=words,
                                figure_values=(("killed", 6.0),)))  # fmt: skip
    tuesday = report("b", day="2017-04-04", terms=("hospital", "rockets", "clinic"),
                     figure_values=(("killed", 6.0),), lead=False)  # fmt: skip
    counts = TermCounts()
    assert match_score(tuesday, monday, GAZETTE, KINDS, counts=counts) is None
    # an article's lead is not held to it: sources date a night strike a day apart
    assert match_score(replace(tuesday, lead=True), monday, GAZETTE, KINDS,
                       counts=counts) is not None  # fmt: skip
    # the same words: one strike, misdated by a day
    retold = replace(tuesday, terms=words)
    assert match_score(retold, monday, GAZETTE, KINDS, counts=counts) is not None
    # the same named day, or a day no text names, is not held to this
    same_day = replace(tuesday, day_low="2017-04-03", day_high="2017-04-03")
    assert match_score(same_day, monday, GAZETTE, KINDS, counts=counts) is not None
    published = replace(tuesday, day_low="2017-04-02", day_high="2017-04-04",
                        date_from="publication")  # fmt: skip
    assert match_score(published, monday, GAZETTE, KINDS, counts=counts) is not None


def test_only_a_lead_or_a_report_without_a_town_is_the_one_strike_of_its_days():
    strike = incident_of(report("a", place="syria"))
    lead = report("b", place="khan-sheikhoun")
    assert match_report(lead, [strike], GAZETTE, KINDS) is strike
    assert match_report(replace(lead, place_id="idlib-gov", lead=False), [strike], GAZETTE,
                        KINDS) is strike  # fmt: skip
    # an aside set in a town of its own is a strike there
    assert match_report(replace(lead, lead=False), [strike], GAZETTE, KINDS) is None


def test_two_incidents_whose_leads_each_fit_the_other_were_told_apart():
    """Pages that came before a bridging page was told could not merge what they told:
    once all are placed, two incidents whose leads each fit the other are one happening.
    Not when one lead fits only as the one referent of its days, nor across kinds that are
    no telling of each other, nor when one article told both (its lead and an aside)."""
    town = incident_of(report("a"))
    region = incident_of(report("b", place="idlib-gov"))
    assert told_apart(town, region, GAZETTE, KINDS) and told_apart(region, town, GAZETTE, KINDS)
    shelled = incident_of(report("b", kind="shelling"))
    assert not told_apart(town, shelled, GAZETTE, KINDS)
    aside = incident_of(report("a", place="idlib-gov", lead=False), report("c", place="idlib-gov"))
    assert not told_apart(town, aside, GAZETTE, KINDS)
    country = incident_of(report("b", place="syria"))  # fits only as the one referent
    assert not told_apart(town, country, GAZETTE, KINDS)


def place_in_order(reports):
    """Reports placed one after another as placement does, then the reports that joined the
    one incident of their days for want of anything finer and no longer are leave it."""
    placed = []
    for r in reports:
        fitting = bridged(r, matches(r, placed, GAZETTE, KINDS), GAZETTE, KINDS)
        base = merge(fitting, GAZETTE, KINDS) if len(fitting) > 1 else (fitting or [None])[0]
        placed = [i for i in placed if i not in fitting] + [add_report(base, r, GAZETTE, KINDS)]
    before = {frozenset(i.article_ids) for i in placed}
    after = set()
    for incident in placed:
        gone = strays(incident, placed, GAZETTE, KINDS)
        rest = without_articles(incident, gone, GAZETTE, KINDS) if gone else incident
        after |= {frozenset(rest.article_ids)} | {frozenset([a]) for a in gone}
    return before, after


def test_a_country_wide_report_does_not_join_a_days_incident_by_coming_before_the_other():
    """ "A chemical attack in Syria" on a day two towns far apart were gassed: which one it
    tells of, nothing says, whether it came before the second or after it."""
    town = report("x", kind="chemical")
    other_town = report("y", kind="chemical", place="damascus")
    country = report("v", kind="chemical", place="syria")
    orders = [(town, country, other_town), (town, other_town, country),
              (country, town, other_town), (other_town, country, town)]  # fmt: skip
    placed = [place_in_order(order) for order in orders]
    assert placed[0][0] != placed[1][0]  # as each came, the first joined its one referent
    assert all(after == {frozenset("x"), frozenset("y"), frozenset("v")} for _, after in placed)
    # with one such happening in its days, the country-wide report tells of it, either way
    for order in ((town, country), (country, town)):
        assert place_in_order(order)[1] == {frozenset("xv")}


def test_an_undated_aside_of_another_kind_is_another_happening_whatever_its_toll():
    attack = incident_of(report("a", kind="chemical", place="idlib-gov",
                                figure_values=(("killed", 58.0),)))  # fmt: skip
    aside = report("b", kind="aerial", place="maarat", day=None, day_low=None,
                   day_high="2017-10-08", lead=False, figure_values=(("killed", 58.0),))  # fmt: skip
    assert match_score(aside, attack, GAZETTE, KINDS, need_support=False) is None
    assert match_score(replace(aside, kind="shelling"), attack, GAZETTE, KINDS,
                       need_support=False) is None  # fmt: skip
    # of its kind, a telling toll ties it
    assert match_report(replace(aside, kind="chemical"), [attack], GAZETTE, KINDS) is attack


def test_another_kind_in_the_days_around_needs_more_than_the_place():
    strike = incident_of(report("a", terms=("jets", "market", "bakery"),
                                figure_values=(("killed", 58.0),)))  # fmt: skip
    video = report("b", kind=GENERIC, day=None, day_low="2017-04-02", day_high="2017-04-04",
                   date_from="publication", terms=("video", "activists", "spying"))  # fmt: skip
    counts = TermCounts()
    assert match_score(video, strike, GAZETTE, KINDS, counts=counts) is None
    # a toll, or the words, in common; or the kind, or the day
    for told in (
        replace(video, figure_values=(("killed", 58.0),)),
        replace(video, terms=("jets", "market", "bakery")),
        replace(video, kind="aerial"),
        replace(video, day_low="2017-04-04", date_from="text"),
    ):
        assert match_score(told, strike, GAZETTE, KINDS, counts=counts) is not None


def test_a_city_named_as_its_surroundings_meets_the_region_around_it():
    suburbs = incident_of(report("a", place="rif", day="2013-09-27"))
    near = report("b", place="damascus", around=True, day="2013-09-27")
    assert match_score(near, suburbs, GAZETTE, KINDS) is not None
    # the city itself is not the region's, nor is a far town named as "near" it
    assert match_score(replace(near, around=False), suburbs, GAZETTE, KINDS) is None
    far = report("b", place="khan-sheikhoun", around=True, day="2013-09-27")
    assert match_score(far, suburbs, GAZETTE, KINDS) is None


def test_an_undated_mention_joins_the_report_it_retells_in_the_same_place():
    words = ("defector", "killed", "officer", "army", "loyalist", "joined", "opposition")
    told = incident_of(report("a", terms=words, day=None, day_low=None, day_high="2015-02-02"))
    again = report("b", terms=(*words[:-1], "forces"), day=None, day_low=None,
                   day_high="2015-02-02")  # fmt: skip
    assert match_report(again, [told], GAZETTE, KINDS, counts=TermCounts()) is told
    # other words, or another place, say nothing of an undated mention
    other = replace(again, terms=("market", "shelling", "children"))
    assert match_report(other, [told], GAZETTE, KINDS, counts=TermCounts()) is None
    elsewhere = replace(again, place_id="foua")
    assert match_report(elsewhere, [told], GAZETTE, KINDS, counts=TermCounts()) is None


def test_an_incident_keeps_its_id_most_specific_kind_finest_place_and_text_day():
    first = incident_of(report("a", kind="aerial", place="idlib-gov"))
    grown = add_report(first, report("b", kind="chemical", place="khan-sheikhoun"), GAZETTE,
                       KINDS)  # fmt: skip
    grown = add_report(grown, report("c", kind="chemical"), GAZETTE, KINDS)
    assert grown.id == first.id
    assert (grown.kind, grown.place_id, grown.date_start, grown.date_precision) == (
        "chemical", "khan-sheikhoun", "2017-04-04", "day",
    )  # fmt: skip
    assert grown.independent == 3 and grown.outlets == ("A", "B", "C")
    assert incident_label(grown, GAZETTE) == "chemical attack in Khan Sheikhoun, 2017-04-04"
    # a happening every report sets only near its place is labelled so
    nearby = incident_of(report("a", around=True), report("b", around=True))
    assert incident_label(nearby, GAZETTE) == "air strike near Khan Sheikhoun, 2017-04-04"


@pytest.mark.parametrize(
    ("sentence", "around"),
    [
        ("An air strike hit a market west of the Syrian city of Maarat al-Numan.", True),
        ("An air strike hit a market west of Maarat al-Numan.", True),
        ("An air strike hit a market in the city of Maarat al-Numan.", False),
        ("An air strike hit a market in Maarat al-Numan's western countryside.", True),
        ("An air strike hit a market near Syria's Maarat al-Numan.", True),
    ],
)
def test_a_place_named_as_a_landmark_of_a_direction_is_its_vicinity(sentence, around):
    facts = ArticleFacts(
        article=ARTICLE, body=sentence,
        events=(ev(sentence, sentence, "air strike", mode="aerial"),),
        mentions=(place_mention(sentence, "Maarat al-Numan", "maarat", sentence),),
    )  # fmt: skip
    (found,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert (found.place_id, found.around) == ("maarat", around)


def test_independent_reports_count_chains_not_articles():
    found = incident_of(report("a", chain="afp"), report("b", chain="afp"), report("c"))
    assert len(found.article_ids) == 3 and found.independent == 2


def test_an_undated_report_tells_of_the_one_rare_incident_of_its_kind_at_its_town():
    attack = incident_of(report("a", kind="chemical"))
    undated = report("b", kind="chemical", day=None)
    assert undated_referent(undated, [attack], GAZETTE, KINDS) is attack
    # two such happenings there: nothing says which
    other = incident_of(report("c", kind="chemical", day="2017-06-01"))
    assert undated_referent(undated, [attack, other], GAZETTE, KINDS) is None
    # another kind, a kind a town sees daily, a vaguer report, a province, a dated report
    assert undated_referent(report("b", kind="ceasefire", day=None), [attack], GAZETTE,
                            KINDS) is None  # fmt: skip
    strike = incident_of(report("e", kind="aerial"))
    assert undated_referent(report("b", kind="aerial", day=None), [strike], GAZETTE,
                            KINDS) is None  # fmt: skip
    assert undated_referent(report("b", kind=GENERIC, day=None), [attack], GAZETTE, KINDS) is None
    wide = incident_of(report("d", kind="chemical", place="idlib-gov"))
    assert undated_referent(report("b", kind="chemical", place="idlib-gov", day=None), [wide],
                            GAZETTE, KINDS) is None  # fmt: skip
    assert undated_referent(report("b", kind="chemical"), [attack], GAZETTE, KINDS) is None
    assert undated_referent(report("a", kind="chemical", day=None), [attack], GAZETTE,
                            KINDS) is None  # fmt: skip


def test_an_undated_air_strike_told_with_sarin_is_the_towns_one_chemical_attack():
    """ "A Syrian airstrike killed 70 ... symptoms of chemical poisoning, sarin": the report
    opens as an air strike, but its words name the rare kind it can be told as; the town's
    one chemical attack is what it tells of."""
    attack = incident_of(report("a", kind="chemical"))
    told = report("b", kind="aerial", day=None, terms=("airstrike", "sarin", "poisoning"))
    assert worth_looking_up_undated(told, KINDS)
    assert undated_referent(told, [attack], GAZETTE, KINDS) is attack
    plain = replace(told, terms=("airstrike", "market"))
    assert not worth_looking_up_undated(plain, KINDS)
    assert undated_referent(plain, [attack], GAZETTE, KINDS) is None
    other = incident_of(report("c", kind="chemical", day="2017-06-01"))
    assert undated_referent(told, [attack, other], GAZETTE, KINDS) is None  # which one?


def test_an_undated_air_strike_joins_the_one_strike_at_its_town_that_shares_a_telling_toll():
    """A kind a town sees daily needs a toll both give, and one that says something (53,
    not 50): "53 killed in the market strike" on a page with no date."""
    toll = {"figure_values": (("killed", 53.0),)}
    strike = incident_of(report("a", **toll))
    undated = report("b", day=None, **toll)
    assert worth_looking_up_undated(undated, KINDS)
    assert undated_referent(undated, [strike], GAZETTE, KINDS) is strike
    other = incident_of(report("c", day="2017-06-01", **toll))
    assert undated_referent(undated, [strike, other], GAZETTE, KINDS) is None  # which one?
    rounded = report("b", day=None, figure_values=(("killed", 50.0),))
    assert not worth_looking_up_undated(rounded, KINDS)
    assert undated_referent(rounded, [incident_of(report("d", figure_values=(("killed", 50.0),)))],
                            GAZETTE, KINDS) is None  # fmt: skip


def test_a_dated_report_takes_in_the_towns_undated_incident_of_its_rare_kind():
    """Whichever comes first: an undated page about the Douma gas attack that started an
    incident of its own is taken in by the first dated report of it, unless another dated
    one of that kind is set there."""
    undated = incident_of(report("a", kind="chemical", day=None))
    dated = report("b", kind="chemical")
    assert undated_to_take_in(dated, [undated], [], GAZETTE, KINDS) == [undated]
    other = incident_of(report("c", kind="chemical", day="2017-06-01"))
    assert undated_to_take_in(dated, [undated, other], [], GAZETTE, KINDS) == []
    assert undated_to_take_in(dated, [undated, other], [other], GAZETTE, KINDS) == [undated]
    strike = incident_of(report("d", day=None))  # a kind a town sees daily
    assert undated_to_take_in(report("e"), [strike], [], GAZETTE, KINDS) == []


def test_a_report_never_joins_an_incident_its_article_is_in():
    strike = incident_of(report("a"))
    assert match_report(report("a"), [strike], GAZETTE, KINDS) is None


def test_incident_record_round_trip():
    found: Incident = incident_of(report("a"), report("b"))
    assert found.article_ids == ("a", "b")


def test_a_report_keeps_who_says_its_doer_is_not_known():
    """ "it was not immediately clear whether the strikes had been carried out by Syrian or
    Russian warplanes" is a doubt about the doer, on the outlet's word here; whether a plane
    was shot down is another doubt."""
    doubt = ("It was not immediately clear whether the strikes had been carried out by "
             "Syrian or Russian warplanes.")  # fmt: skip
    other = "It was not immediately clear whether the warplane was shot down."
    body = f"{LEAD} {doubt} {other}"
    facts = ArticleFacts(
        article=ARTICLE, body=body, events=(ev(body, LEAD, "air strike", mode="aerial"),),
        figures=(toll(body, LEAD, "20", 20),),
        mentions=(place_mention(body, "Maarat al-Numan", "maarat", LEAD),),
    )  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    (said,) = report.doubted_by
    assert said.actor_id is None and said.claimant is None
    assert body[said.start : said.end].startswith("not immediately clear whether the strikes")


def test_who_cannot_tell_the_doer_doubts_it_and_denies_no_one():
    doubt = "Monitors could not determine whether Russia or the government was behind the attack."
    body = f"{LEAD} {doubt}"
    facts = ArticleFacts(
        article=ARTICLE, body=body,
        events=(ev(body, LEAD, "air strike", mode="aerial"),
                ev(body, doubt, "attack", factuality="negated", mode="aerial",
                   sources=("russia",))),
        figures=(toll(body, LEAD, "20", 20),),
        mentions=(place_mention(body, "Maarat al-Numan", "maarat", LEAD),),
    )  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert report.denied_by == ()
    (said,) = report.doubted_by
    assert body[said.start : said.end].startswith("could not determine whether Russia")


US = PlaceFact("usa", "United States", 39.8, -98.6, "country", "US")
WITH_US = Gazette(actors=GAZETTE.actors, places={**GAZETTE.places, "usa": US})


def every(body: str, *names: tuple[str, str]) -> tuple[MentionFact, ...]:
    return tuple(
        MentionFact("a1", at, at + len(name), name, "location", 0, len(body), place_id=pid)
        for name, pid in names
        for at in [i for i in range(len(body)) if body.startswith(name, i)]
    )  # fmt: skip


def test_a_countrys_name_counts_half_towards_the_home_of_an_article():
    """Four "in the U.S." against three Syrian places: a Syrian story; against one Syrian
    town, an American one."""
    body = "In the U.S., in the U.S., in the U.S. and in the U.S. they met. Damascus, Foua."
    us_four = every(body, ("U.S.", "usa"))
    three = every(body, ("Damascus", "damascus"), ("Foua", "foua"), ("Damascus", "damascus"))
    facts = ArticleFacts(article=ARTICLE, body=body, mentions=us_four + three)
    assert home_country(facts, WITH_US) == "SY"
    fewer = ArticleFacts(article=ARTICLE, body=body, mentions=us_four + three[1:2])
    assert home_country(fewer, WITH_US) == "US"


def test_a_country_named_as_a_side_is_not_where_a_story_is():
    """ "U.S. officials", "a US bombing", "Lebanon-based" name sides and sources: they make
    no story American, and no strike happens in the United States."""
    body = "U.S. officials said U.S. jets and the U.S. military hit a base in Foua."
    facts = ArticleFacts(
        article=ARTICLE, body=body, mentions=every(body, ("U.S.", "usa"), ("Foua", "foua"))
    )
    assert home_country(facts, WITH_US) == "SY"
    text = "Jets attacked positions following a US bombing which killed 62 troops."
    facts = ArticleFacts(
        article=replace(ARTICLE, title=text), body=text,
        events=(ev(text, text, "bombing", mode="aerial", place="usa"),),
        mentions=every(text, ("US", "usa")),
    )  # fmt: skip
    (report,) = article_reports(facts, WITH_US, KINDS, "reuters")
    assert report.place_id is None
    text = "Jets bombed a base in the US on Tuesday, killing 12."
    facts = replace(facts, body=text, events=(ev(text, text, "bombed", mode="aerial", place="usa"),),
                    mentions=every(text, ("US", "usa")))  # fmt: skip
    (report,) = article_reports(facts, WITH_US, KINDS, "reuters")
    assert report.place_id == "usa"


def test_a_report_is_of_the_kind_its_opening_sentence_tells():
    opening = "Russian jets struck a market in Maarat al-Numan on Tuesday, killing 20 people."
    recall = "The coalition holds Russia responsible, as for the regime's use of chemical weapons."
    body = f"{opening} {recall}"
    facts = ArticleFacts(
        article=ARTICLE, body=body,
        events=(ev(body, opening, "struck", mode="aerial"),
                ev(body, recall, "use of chemical weapons", mode="unconventional")),
        figures=(toll(body, opening, "20", 20),),
        mentions=(place_mention(body, "Maarat al-Numan", "maarat", opening),),
    )  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert report.kind == "aerial" and len(report.sentences) == 2


def test_the_places_a_title_names_are_found_by_their_words():
    """Whole names only, in the gazette's order, places without a country left out; the
    lookup goes by runs of words, not by a pass over every place."""
    named = GAZETTE.places_named_in
    assert named("Strike on Foua, near Maarat al-Numan, in Syria's north") == [
        "syria", "maarat", "foua"]  # fmt: skip
    assert named("Europe warns of Damascusville plans") == []
    assert named("DAMASCUS: shelling") == ["damascus"]


def test_an_undated_toll_after_a_past_aside_counts_the_articles_own_attack():
    """A toll a few sentences after "last year" is the lead's; right after, the aside's."""
    later = "Medics said 25 people died."
    body = f"{LEAD}\n{ASIDE}\nThe strikes went on all day.\n{later}"
    facts = lead_and_aside()
    facts = replace(facts, body=body, events=(
        ev(body, LEAD, "air strike", mode="aerial", day="2016-04-19"),
        ev(body, ASIDE, "car bomb", mode="explosives"),
        ev(body, "The strikes went on all day.", "strikes", mode="aerial"),
    ), figures=(toll(body, LEAD, "20", 20), toll(body, ASIDE, "30", 30),
                toll(body, later, "25", 25)),
        mentions=(place_mention(body, "Maarat al-Numan", "maarat", LEAD),),
        dates=(DateFact("a1", body.index("Last year"), body.index("Last year") + 9,
                        "Last year", "2015", "year", "on", *sentence_at(body, ASIDE)),),
    )  # fmt: skip
    lead, aside = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert lead.lead and ("killed", 25.0) in lead.figure_values
    assert aside.figure_values == (("killed", 30.0),)

    right_after = f"{LEAD}\n{ASIDE}\n{later}"
    facts = replace(facts, body=right_after, events=facts.events[:2],
                    figures=(toll(right_after, LEAD, "20", 20), toll(right_after, ASIDE, "30", 30),
                             toll(right_after, later, "25", 25)),
                    mentions=(place_mention(right_after, "Maarat al-Numan", "maarat", LEAD),),
                    dates=(DateFact("a1", right_after.index("Last year"),
                                    right_after.index("Last year") + 9, "Last year", "2015",
                                    "year", "on", *sentence_at(right_after, ASIDE)),))  # fmt: skip
    lead, aside = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert ("killed", 25.0) in aside.figure_values and ("killed", 25.0) not in lead.figure_values


def _doers_where_russia_is_named(text: str) -> tuple[str, ...]:
    """The doers the lead report of a one-sentence article names, where the sentence's
    air attack ("hit") happens at Maarat al-Numan and "Russia" is a mention of Russia."""
    at = text.index("Russia")
    mention = MentionFact("a1", at, at + 6, "Russia", "organization", 0, len(text),
                          actor_id="russia")  # fmt: skip
    facts = ArticleFacts(
        article=ARTICLE, body=text,
        events=(ev(text, text, "hit", mode="aerial"),),
        mentions=(place_mention(text, "Maarat al-Numan", "maarat", text), mention),
    )  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    return report.perpetrator_ids


def test_by_names_a_doer_after_an_attack_not_after_a_deal_or_a_backer():
    for text, doers in (
        ("An air strike carried out by Russia hit Maarat al-Numan.", ("russia",)),
        ("Shelling by Russia hit Maarat al-Numan.", ("russia",)),
        ('An air strike carried out by "Russia" hit Maarat al-Numan.', ("russia",)),
        ("An air strike carried out by “Russia” hit Maarat al-Numan.", ("russia",)),
        ("A strike hit Maarat al-Numan despite a truce mediated by Russia.", ()),
        ("A strike hit Maarat al-Numan, held by rebels backed by Russia.", ()),
    ):
        assert _doers_where_russia_is_named(text) == doers, text


def test_the_doers_an_open_question_weighs_are_named_by_no_one():
    for text, doers in (
        ("It is unclear whether the strike by Russia or a rebel rocket hit Maarat al-Numan.", ()),
        ("It is unclear whether a rebel rocket or a strike by Russia hit Maarat al-Numan.", ()),
        ("An air strike carried out by Russia hit Maarat al-Numan.", ("russia",)),
    ):
        assert _doers_where_russia_is_named(text) == doers, text


def test_a_doer_offered_as_one_of_alternatives_is_kept_but_marked_so():
    for text, named in (
        ("Syrian or Russia jets hit Maarat al-Numan.", "Syrian or Russia"),
        ("Either Russia or Syria hit Maarat al-Numan.", "Russia or Syria"),
        ("Russia jets hit Maarat al-Numan.", "Russia"),
    ):
        at = text.index("Russia")
        mention = MentionFact("a1", at, at + 6, "Russia", "organization", 0, len(text),
                              actor_id="russia")  # fmt: skip
        hit = ev(text, text, "hit", mode="aerial")
        if text.startswith("Either"):
            hit = replace(hit, sources=(Argument(at, at + 6, "Russia", "russia"),))
        facts = ArticleFacts(
            article=ARTICLE, body=text, events=(hit,),
            mentions=(place_mention(text, "Maarat al-Numan", "maarat", text), mention),
        )  # fmt: skip
        (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
        assert [d.text for d in report.perpetrators] == [named], text


def test_what_a_strike_hit_is_no_doer_named_by_its_means():
    text = "The air strike on Maarat al-Numan targeted Russia missile launchers."
    at = text.index("Russia")
    mention = MentionFact("a1", at, at + 6, "Russia", "organization", 0, len(text),
                          actor_id="russia")  # fmt: skip
    struck = replace(
        ev(text, text, "targeted"), targets=(Argument(at, at + 6, "Russia", "russia"),)
    )
    for events, doers in (((struck,), ()), ((replace(struck, targets=()),), ("russia",))):
        facts = ArticleFacts(
            article=ARTICLE, body=text,
            events=(ev(text, text, "air strike", mode="aerial"), *events),
            mentions=(place_mention(text, "Maarat al-Numan", "maarat", text), mention),
        )  # fmt: skip
        (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
        assert report.perpetrator_ids == doers


def test_what_air_defences_intercepted_is_no_doer_named_by_its_means():
    """ "shot by air defences working to intercept incoming Russian missiles": the missiles
    were what the defence fired at, not the blast's doer."""
    for text, doers in (
        ("The blast in Maarat al-Numan came from air defences intercepting Russian missiles.",
         ()),
        ("The blast in Maarat al-Numan came from Russian missiles.", ("russia",)),
    ):  # fmt: skip
        at = text.index("Russian")
        mention = MentionFact("a1", at, at + 7, "Russian", "organization", 0, len(text),
                              actor_id="russia")  # fmt: skip
        facts = ArticleFacts(
            article=ARTICLE, body=text, events=(ev(text, text, "blast", mode="explosives"),),
            mentions=(place_mention(text, "Maarat al-Numan", "maarat", text), mention),
        )  # fmt: skip
        (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
        assert report.perpetrator_ids == doers, text


def test_a_name_after_a_preposition_of_place_is_where_not_whom_a_source_accuses():
    for text, doers in (
        ("Iran condemned the air strike on a bus in Russia's north at Maarat al-Numan.", ()),
        ("Iran condemned Russia for the air strike on a bus at Maarat al-Numan.", ("russia",)),
    ):
        at = text.index("Russia")
        condemned = replace(
            ev(text, text, "condemned"), type="ACCUSE",
            sources=(Argument(0, 4, "Iran", None),),
            targets=(Argument(at, at + 6, "Russia", "russia"),),
        )  # fmt: skip
        facts = ArticleFacts(
            article=ARTICLE, body=text,
            events=(ev(text, text, "air strike", mode="aerial"), condemned),
            mentions=(place_mention(text, "Maarat al-Numan", "maarat", text),),
        )  # fmt: skip
        (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
        assert report.perpetrator_ids == doers, text


def test_who_names_or_condemns_the_deed_is_no_doer_of_it():
    for text, doers in (
        ("Russia called the air strike on Maarat al-Numan a massacre.", ()),
        ("Russia has condemned the air strike on Maarat al-Numan.", ()),
        ("Russia carried out the air strike on Maarat al-Numan.", ("russia",)),
    ):
        body = text
        event = ev(body, body, "air strike", mode="aerial")
        event = replace(event, sources=(Argument(0, 6, "Russia", "russia"),))
        facts = ArticleFacts(
            article=ARTICLE, body=body, events=(event,),
            mentions=(place_mention(body, "Maarat al-Numan", "maarat", body),),
        )  # fmt: skip
        (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
        assert report.perpetrator_ids == doers, text


def test_a_claim_the_parse_made_a_subject_does_and_denies_nothing():
    text = "The army denied the air strike on Maarat al-Numan that the Russia claims killed 20."
    for source, doers in (("the Russia claims", ()), ("Russia", ("russia",))):
        event = ev(text, text, "air strike", mode="aerial")
        at = text.index(source)
        argument = Argument(at, at + len(source), source, "russia")
        negated = replace(ev(text, text, "killed", factuality="negated"), sources=(argument,))
        facts = ArticleFacts(
            article=ARTICLE, body=text,
            events=(event, replace(negated, factuality="asserted")),
            mentions=(place_mention(text, "Maarat al-Numan", "maarat", text),),
        )  # fmt: skip
        (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
        assert report.perpetrator_ids == doers, source
        facts = replace(facts, events=(event, negated))
        (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
        assert tuple(d.actor_id for d in report.denied_by) == doers, source


def test_who_takes_a_town_in_the_same_breath_is_no_doer_of_the_strike():
    text = "Russia seized the town as an air strike killed 20 people in Maarat al-Numan."
    capture = replace(ev(text, text, "seized", sources=("russia",)), mode="occupy")
    facts = ArticleFacts(
        article=ARTICLE, body=text,
        events=(capture, ev(text, text, "air strike", mode="aerial")),
        figures=(toll(text, text, "20", 20),),
        mentions=(place_mention(text, "Maarat al-Numan", "maarat", text),),
    )  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert report.kind == "aerial" and report.perpetrator_ids == ()
    struck = replace(facts, events=(ev(text, text, "air strike", mode="aerial",
                                       sources=("russia",)),))  # fmt: skip
    (report,) = article_reports(struck, GAZETTE, KINDS, "reuters")
    assert report.perpetrator_ids == ("russia",)


# the days of the report-day cases below: a source spoke on Monday of a strike on Thursday
SPOKE_MONDAY = (("Monday", "2017-03-06"), ("Thursday", "2017-03-02"))


def foua_days(text: str, published: str, *days: tuple[str, str]) -> tuple[str, str]:
    """The days of the one report of a sentence that tells an air strike on Foua, with the
    sentence's day facts ((word, value), ...)."""

    def day(word, value):
        at = text.index(word)
        return DateFact("a1", at, at + len(word), word, value, "day", "on", 0, len(text))

    facts = ArticleFacts(
        article=replace(ARTICLE, published=published), body=text,
        events=(ev(text, text, "air strike", mode="aerial"),),
        mentions=(place_mention(text, "Foua", "foua", text),),
        dates=tuple(day(word, value) for word, value in days),
    )  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    return report.day_low, report.day_high


def test_the_day_a_source_spoke_at_a_meeting_is_the_day_of_the_speech():
    """ "The envoy said at a meeting of the Security Council on Monday that the strike on
    Foua on Thursday hit a funeral": Monday is when he spoke; Thursday dates the strike."""
    text = ("The envoy said at a meeting of the Security Council on Monday that the air strike "
            "on Foua on Thursday hit a funeral.")  # fmt: skip
    assert foua_days(text, "2017-03-07", *SPOKE_MONDAY) == ("2017-03-02", "2017-03-02")


def test_the_day_a_toll_rose_or_a_source_posted_on_is_not_the_day_of_the_strike():
    """ "The toll of the air strike on Dnipro rose to 40 on Monday" tells of Saturday's
    strike: Monday is the count's day, and the strike came that day or in the week before
    it. "Said on Facebook on Tuesday" is the day a source spoke, as "said on Tuesday"."""
    lead = "An air strike hit a building in Dnipro on Saturday, killing 12."

    def reports(later: str, *days: tuple[str, str]) -> list[tuple[str, str]]:
        body = f"{lead}\n{later}"
        facts = ArticleFacts(
            article=replace(ARTICLE, published="2023-01-17"), body=body,
            events=(ev(body, lead, "air strike", mode="aerial", day="2023-01-14"),
                    ev(body, later, "air strike", mode="aerial")),
            figures=(toll(body, lead, "12", 12), toll(body, later, "40", 40)),
            mentions=(place_mention(body, "Dnipro", "dnipro", lead),),
            dates=tuple(
                DateFact("a1", (at := body.index(word, len(lead))), at + len(word), word, value,
                         "day", "on", *sentence_at(body, later))
                for word, value in days
            ),
        )  # fmt: skip
        return [(r.day_low, r.day_high) for r in article_reports(facts, GAZETTE, KINDS, "a1")]

    rose = "The toll of the air strike in Dnipro rose to 40 on Monday, the mayor said."
    assert reports(rose, ("Monday", "2023-01-16")) == [("2023-01-14", "2023-01-14")]
    posted = "The mayor said on Facebook on Tuesday that the air strike on Saturday killed 40."
    both = (("Tuesday", "2023-01-17"), ("Saturday", "2023-01-14"))
    assert set(reports(posted, *both)) == {("2023-01-14", "2023-01-14")}
    # a day the strike itself is set on is its own: a second strike
    again = "An air strike in Dnipro killed 40 people on Monday."
    assert len(reports(again, ("Monday", "2023-01-16"))) == 2


def test_the_day_between_a_source_and_its_verb_is_the_day_it_spoke():
    """ "The ministry on Monday said the air strike on Foua on Thursday hit a funeral", "an
    inquiry on Monday found that ...": Monday is when the source spoke or found."""
    for verb in ("said", "found that", "released a message saying", "posted that"):
        text = f"The ministry on Monday {verb} the air strike on Foua on Thursday hit a funeral."
        assert foua_days(text, "2017-03-07", *SPOKE_MONDAY) == ("2017-03-02", "2017-03-02"), verb
    text = ("Earlier on Monday, Deputy Head of the Office Ann Roe said the air strike on Foua "
            "on Thursday hit a funeral.")  # fmt: skip
    assert foua_days(text, "2017-03-07", *SPOKE_MONDAY) == ("2017-03-02", "2017-03-02")


def test_the_day_a_message_was_released_or_posted_is_the_day_a_source_spoke():
    """ "The attack, which took place on the 16th, left 300 dead, according to the council,
    in a message released this Friday": Friday is the message's day."""
    text = ("The air strike on the theatre in Foua, which took place on the 16th, left 300 "
            "dead, according to the council, in a message released this Friday.")  # fmt: skip
    days = (("the 16th", "2017-03-16"), ("this Friday", "2017-03-24"))
    assert foua_days(text, "2017-03-26", *days) == ("2017-03-16", "2017-03-16")


def test_the_day_a_source_spoke_on_does_not_date_a_happening_the_parse_puts_earlier():
    """ "War planes carried out last year's bombings, a probe said Wednesday": the parse
    ties the bombings to last year, so Wednesday is the day of the finding, not the strike.
    Without the parse's date, the day a source spoke on stays the best day there is."""
    text = "War planes carried out last year's bombing in Foua, a probe said Wednesday."
    wednesday = DateFact("a1", text.index("Wednesday"), text.index("Wednesday") + 9,
                         "Wednesday", "2017-03-01", "day", "on", 0, len(text))  # fmt: skip
    last_year = DateFact("a1", text.index("last year"), text.index("last year") + 9,
                         "last year", "2016", "year", "on", 0, len(text))  # fmt: skip
    bombing = replace(ev(text, text, "bombing", mode="aerial"), date="2016",
                      date_precision="year", date_from="text")  # fmt: skip
    facts = ArticleFacts(
        article=replace(ARTICLE, published="2017-03-01"), body=text, events=(bombing,),
        mentions=(place_mention(text, "Foua", "foua", text),), dates=(wednesday, last_year),
    )  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert (report.day_low, report.day_high) == ("2016-01-01", "2016-12-31")

    undated = replace(facts, events=(ev(text, text, "bombing", mode="aerial"),))
    (report,) = article_reports(undated, GAZETTE, KINDS, "reuters")
    assert (report.day_low, report.day_high) == ("2017-03-01", "2017-03-01")


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The envoy on Friday called for a probe into allegations that war planes bombed Foua.",
         "bombed"),
        ("The army on Friday dismissed the allegation about the killings of civilians during "
         "an air strike in Foua.", "air strike"),
    ],
)  # fmt: skip
def test_the_day_someone_acts_on_a_claim_of_an_attack_is_not_the_attacks_day(text, trigger):
    """ "The envoy on Friday called for a probe into allegations that war planes bombed
    Foua": Friday is when the envoy called, so the report lies in the days before
    publication. A day that comes after the attack is told stays its day."""
    friday = DateFact("a1", text.index("Friday"), text.index("Friday") + 6, "Friday",
                      "2017-03-03", "day", "on", 0, len(text))  # fmt: skip
    facts = ArticleFacts(
        article=replace(ARTICLE, published="2017-03-04"), body=text,
        events=(ev(text, text, trigger, mode="aerial"),),
        mentions=(place_mention(text, "Foua", "foua", text),), dates=(friday,),
    )  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert (report.day_low, report.day_high, report.date_from) == (
        "2017-03-02", "2017-03-04", "publication",
    )  # fmt: skip
    told = "War planes bombed Foua on Friday, amid reports that the town was besieged."
    friday = replace(friday, start=told.index("Friday"), end=told.index("Friday") + 6,
                     sentence_end=len(told))  # fmt: skip
    facts = replace(facts, body=told, events=(ev(told, told, "bombed", mode="aerial"),),
                    mentions=(place_mention(told, "Foua", "foua", told),), dates=(friday,))  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert (report.day_low, report.day_high) == ("2017-03-03", "2017-03-03")


def test_a_yearless_day_of_an_undated_page_dates_its_report_by_the_estimated_window():
    """ "The March 16 airstrike" on a page with no date, which its story puts in June: the
    day, not the window, is the strike's."""
    text = "The March 16 airstrike devastated the theatre in Foua."
    at = text.index("March 16")
    march = DateFact("a1", at, at + 8, "March 16", None, None, "on", 0, len(text))
    undated = replace(ARTICLE, published=None, published_precision=None,
                      window=DateWindow("2017-06-23", "2017-07-07"))  # fmt: skip
    facts = ArticleFacts(
        article=undated, body=text, events=(ev(text, text, "airstrike", mode="aerial"),),
        mentions=(place_mention(text, "Foua", "foua", text),), dates=(march,),
    )  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "ap")
    assert (report.day_low, report.day_high, report.date_from) == (
        "2017-03-16", "2017-03-16", "text",
    )  # fmt: skip


def one_dated_sentence(text, weekday, day, trigger, killed=None):
    """The report of a one-sentence article in Foua, published on `day`, whose `weekday`
    is dated `day` and whose violent act (`trigger`, with `killed` dead) is dated by it."""
    date = DateFact("a1", text.index(weekday), text.index(weekday) + len(weekday), weekday,
                    day, "day", "on", 0, len(text))  # fmt: skip
    event = ev(text, text, trigger, mode="aerial")
    if killed is not None:
        event = replace(event, date=day, date_precision="day", date_from="text")
    facts = ArticleFacts(
        article=replace(ARTICLE, published=day), body=text, events=(event,),
        figures=(toll(text, text, str(killed), killed),) if killed is not None else (),
        mentions=(place_mention(text, "Foua", "foua", text),), dates=(date,),
    )  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    return report


def test_a_bombing_days_before_the_day_a_sentence_gives_is_set_before_that_day():
    """ "Evacuations resumed on Wednesday, days after a bombing killed 120 in Foua": the day
    dates the resumption; the bombing lies in the two weeks before it (a day of slack), so the sentence
    is not a report of Wednesday. "Two days after" sets it two days before."""
    for words, low, high in (
        ("days after", "2017-02-28", "2017-03-14"),
        ("two days after", "2017-03-12", "2017-03-14"),
    ):
        text = f"Evacuations resumed on Wednesday, {words} a bombing killed 120 people in Foua."
        report = one_dated_sentence(text, "Wednesday", "2017-03-15", "bombing", killed=120)
        assert (report.day_low, report.day_high) == (low, high), words
    told = "War planes bombed Foua on Wednesday, days after a truce collapsed."
    report = one_dated_sentence(told, "Wednesday", "2017-03-15", "bombed")
    assert (report.day_low, report.day_high) == ("2017-03-15", "2017-03-15")


def test_a_strike_the_previous_day_is_set_the_day_before_the_day_told():
    text = (
        "Remains were strewn across a market in Foua on Friday, as the UN called for an "
        "investigation into an air strike the previous day that killed 50 people."
    )
    report = one_dated_sentence(text, "Friday", "2017-03-17", "air strike", killed=50)
    assert report.day_low <= "2017-03-16" == report.day_high  # Thursday, not Friday


def test_who_says_the_happening_never_was_refutes_its_report():
    sana = "Reports of a chemical attack in Foua are totally false, said SANA."
    text = f"A chemical attack killed 20 people in Foua on Tuesday.\n{sana}"
    sana_at = text.index("SANA")
    facts = ArticleFacts(
        article=ARTICLE, body=text,
        events=(ev(text, text.split("\n")[0], "chemical attack", mode="chemical"),),
        mentions=(place_mention(text, "Foua", "foua", text.split("\n")[0]),
                  MentionFact("a1", sana_at, sana_at + 4, "SANA", "organisation",
                              *sentence_at(text, sana), actor_id="russia")),
    )  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    (refuter,) = report.refuted_by
    assert (refuter.actor_id, refuter.claimant, refuter.text) == ("russia", "SANA", sana)
    assert text[refuter.start : refuter.end] == "totally false"
    for other in (
        "The false claim of victory angered the rebels, said SANA.",  # no attack, no report
        "Kurds staged a demonstration in Foua, said SANA.",  # "staged" is no refutation
        "Reports of a chemical attack in Foua are totally false.",  # nobody named says so
    ):
        body = f"A chemical attack killed 20 people in Foua on Tuesday.\n{other}"
        at = body.find("SANA")
        named = (MentionFact("a1", at, at + 4, "SANA", "organisation",
                             *sentence_at(body, other), actor_id="russia"),) if at >= 0 else ()  # fmt: skip
        facts = replace(facts, body=body, mentions=named,
                        events=(ev(body, body.split("\n")[0], "chemical attack", mode="chemical"),))  # fmt: skip
        (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
        assert report.refuted_by == (), other


def test_a_refutation_told_beside_another_happening_refutes_the_lead():
    """ "No signs of bombs; the fire came from a rebel siege", said in a sentence whose own
    happening (the siege) makes no report of its own: it refutes the article's lead."""
    said = "Analysis revealed no signs of bombs, only a siege by rebels, said Russia."
    text = f"An air strike hit a convoy in Foua on Monday.\n{said}"
    at = text.index("Russia")
    facts = ArticleFacts(
        article=ARTICLE, body=text,
        events=(ev(text, text.split("\n")[0], "air strike", mode="aerial", day="2016-04-18"),
                ev(text, said, "siege", mode="siege")),
        mentions=(place_mention(text, "Foua", "foua", text.split("\n")[0]),
                  MentionFact("a1", at, at + 6, "Russia", "organisation",
                              *sentence_at(text, said), actor_id="russia")),
    )  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert report.lead and [a.claimant for a in report.refuted_by] == ["Russia"]


def test_the_day_a_source_spoke_on_yields_to_the_day_the_happening_is_given():
    """ "The raid was no coincidence, Assad said, as quoted by SANA on Thursday" opens an
    article whose next sentence dates the raid: the raid's day is the one it is given, and
    the day of the interview dates it only when nothing else does."""
    said = "The raid on the army in Foua was premeditated, Assad said, as quoted by SANA Thursday."
    raid = "Jets hit troops in Foua on September 17, killing 62."
    text = f"{said}\n{raid}"

    def day(name: str, value: str, sentence: str) -> DateFact:
        at = text.index(name)
        return DateFact("a1", at, at + len(name), name, value, "day", "on",
                        *sentence_at(text, sentence))  # fmt: skip

    facts = ArticleFacts(
        article=replace(ARTICLE, published="2016-11-03"), body=text,
        events=(ev(text, said, "raid", mode="aerial"), ev(text, raid, "hit", mode="aerial")),
        mentions=(place_mention(text, "Foua", "foua", said),),
        dates=(day("Thursday", "2016-11-03", said), day("September 17", "2016-09-17", raid)),
    )  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert (report.day_low, report.day_high) == ("2016-09-17", "2016-09-17")
    alone = replace(facts, body=said, events=facts.events[:1], dates=facts.dates[:1])
    (report,) = article_reports(alone, GAZETTE, KINDS, "reuters")
    assert (report.day_low, report.day_high) == ("2016-11-03", "2016-11-03")


def test_the_day_a_document_was_seen_is_a_sources_day_too():
    """ "... killed in the strike on Foua, according to a document seen Thursday by AFP":
    Thursday is when the source was read, and the raid's own day in the next sentence
    dates the happening."""
    seen = "Up to 300 people were killed in the raid on Foua, according to a document seen Thursday by AFP."
    raid = "The raid hit Foua on September 17."
    text = f"{seen}\n{raid}"
    dates = []
    for name, value, sentence in (("Thursday", "2016-09-22", seen),
                                  ("September 17", "2016-09-17", raid)):  # fmt: skip
        at = text.index(name)
        dates.append(DateFact("a1", at, at + len(name), name, value, "day", "on",
                              *sentence_at(text, sentence)))  # fmt: skip
    facts = ArticleFacts(
        article=replace(ARTICLE, published="2016-09-22"), body=text,
        events=(ev(text, seen, "raid", mode="aerial"), ev(text, raid, "raid", mode="aerial")),
        mentions=(place_mention(text, "Foua", "foua", seen),),
        dates=tuple(dates),
    )  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert (report.day_low, report.day_high) == ("2016-09-17", "2016-09-17")


def test_a_section_that_dates_its_happening_but_names_no_place_is_set_where_the_article_is():
    """ "The attack on the UN convoy, which took place on September 19, was conducted by the
    Syrian air force": a later section of an article set in Foua, dated, naming no place."""
    lead = "Fighting raged in Foua on Wednesday."
    section = "The attack on the convoy, which took place on March 10, was an air strike."
    aside = "A car bomb once killed 30 people."
    text = f"{lead}\n{section}\n{aside}"
    at = text.index("March 10")
    facts = ArticleFacts(
        article=replace(ARTICLE, title="Fighting in Foua", published="2016-04-20"), body=text,
        events=(ev(text, lead, "Fighting", mode="firearms", day="2016-04-20"),
                ev(text, section, "air strike", mode="aerial"),
                ev(text, aside, "car bomb", mode="explosives")),
        figures=(toll(text, aside, "30", 30),),
        mentions=(place_mention(text, "Foua", "foua", lead),),
        dates=(DateFact("a1", at, at + 8, "March 10", "2016-03-10", "day", "on",
                        *sentence_at(text, section)),),
    )  # fmt: skip
    reports = {r.kind: r for r in article_reports(facts, GAZETTE, KINDS, "reuters")}
    assert reports["aerial"].place_id == "foua" and not reports["aerial"].lead
    assert reports["explosives"].place_id is None  # undated: a passing mention, anywhere


def test_a_toll_many_times_the_leads_is_another_happening_told_in_passing():
    """ "Six people were killed" by Wednesday's bomb, then "an explosion struck buses of
    evacuees, killing 126": one article gives its own happening one toll (or one it rose
    to); a toll this far from it is another happening's, whatever else the two share."""
    lead = "A bomb killed six people in Aleppo on Wednesday."
    recalled = "Days earlier an explosion struck buses of evacuees, killing 126 people."
    text = f"{lead}\n{recalled}"
    facts = ArticleFacts(
        article=ARTICLE, body=text,
        events=(ev(text, lead, "bomb", mode="explosives", day="2016-04-20"),
                ev(text, recalled, "explosion", mode="explosives")),
        figures=(toll(text, lead, "six", 6), toll(text, recalled, "126", 126)),
        mentions=(place_mention(text, "Aleppo", "aleppo", lead),),
    )  # fmt: skip
    reports = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert [(r.lead, [v for _, v in r.figure_values]) for r in reports] == [
        (True, [6.0]), (False, [126.0])]  # fmt: skip
    for said in (
        "The toll rose to 126 people, the Observatory said.",  # a toll that rose
        "Rescuers said 126 were wounded and six of them died.",  # the six again
        "Activists said the real figure was 126 people killed.",  # a rival count
        "Activists said 126 people had died in the attack.",  # the attack told already
    ):
        body = f"{lead}\n{said}"
        number = "126"
        rose = replace(facts, body=body,
                       events=facts.events[:1],
                       figures=(toll(body, lead, "six", 6), toll(body, said, number, 126)))  # fmt: skip
        if "six of them" in said:
            at = body.index("six of them")
            rose = replace(rose, figures=(*rose.figures, replace(
                toll(body, said, "six", 6), start=at, end=at + 3)))  # fmt: skip
        assert len(article_reports(rose, GAZETTE, KINDS, "reuters")) == 1, said


def test_a_passing_mention_with_no_day_or_place_recalls_the_incident_of_its_toll():
    """ "Saturday's convoy attack killed 126 people", in Wednesday's article: no day of its
    own and no place, but a telling toll that one incident of the days before gives."""
    convoy = incident_of(report("a", kind="explosives", place="aleppo", day="2017-04-15",
                                figure_values=(("killed", 126.0),)))  # fmt: skip
    mention = report("b", kind=GENERIC, place=None, day=None, day_high="2017-04-19",
                     lead=False, figure_values=(("killed", 126.0),))  # fmt: skip
    assert match_report(mention, [convoy], GAZETTE, KINDS) is convoy
    other = incident_of(report("c", kind="aerial", place="maarat", day="2017-04-16",
                               figure_values=(("killed", 126.0),)))  # fmt: skip
    assert match_report(mention, [convoy, other], GAZETTE, KINDS) is None  # which of two?
    later = replace(mention, day_high="2017-05-19")  # a month on: too far to recall by toll
    assert match_report(later, [convoy], GAZETTE, KINDS) is None
    assert match_report(replace(mention, figure_values=(("killed", 12.0),)), [convoy],
                        GAZETTE, KINDS) is None  # fmt: skip


def _quoted_strike(sentence: str, it: str, actor: str, speaker: str, speaker_id: str,
                   factuality: str = "asserted") -> ArticleFacts:  # fmt: skip
    """LEAD, then `sentence`: an air strike whose doer is the pronoun at `it` (resolved to
    `actor`), inside the indirect quote from "that it" to the end, by `speaker`."""
    body = f"{LEAD}\n{sentence}"
    at = body.index(it)
    strike = replace(ev(body, sentence, "air strike", factuality=factuality, mode="aerial"),
                     sources=(Argument(at, at + 2, "it", actor),))  # fmt: skip
    said = body.index("that it")
    quote = QuoteFact("a1", said, len(body) - 1, body[said:-1], "indirect",
                      *sentence_at(body, sentence), sentence, speaker=speaker,
                      speaker_actor_id=speaker_id)  # fmt: skip
    return ArticleFacts(
        article=ARTICLE, body=body, quotes=(quote,),
        events=(ev(body, LEAD, "air strike", mode="aerial"), strike),
        mentions=(place_mention(body, "Maarat al-Numan", "maarat", LEAD),),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        ("The Russian army's accusations that it was responsible for the air strike grew.", False),
        ("The Russian army said that it was responsible for the air strike.", True),
    ],
)
def test_the_it_an_accusation_charges_is_not_the_accuser(sentence, named):
    """ "the Israel army's accusations that it was responsible for a strike": a resolver
    made "it" the army; no one accuses itself, while one saying it did so owns it."""
    facts = _quoted_strike(sentence, "it was", "russia", "The Russian army", "russia")
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert ("russia" in [a.actor_id for a in report.perpetrators]) is named


def test_the_it_a_speaker_denies_is_the_speaker():
    """ "Russia denied a report that it had carried out the air strike": a pronoun resolver
    made "it" the government named before; the speaker denies its own doing."""
    denial = "Russia denied a government report that it had carried out the air strike."
    facts = _quoted_strike(denial, "it had", "syrian-government", "Russia", "russia", "negated")
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert [(a.actor_id, a.claimant) for a in report.denied_by] == [("russia", "Russia")]
    unsaid = replace(facts, quotes=())  # nobody known says it: no denial at all
    (report,) = article_reports(unsaid, GAZETTE, KINDS, "reuters")
    assert report.denied_by == ()


@pytest.mark.parametrize(
    "denial",
    [
        "Russia said it carried out the air strike but denied deliberately targeting a school.",
        "Russia claimed responsibility for the air strike but denied targeting a school.",
        "Russia has repeatedly denied targeting a school.",
        "Russia has denied targeting a school in the past.",
        "Russia previously denied claims that its jets were targeting a school.",
        "Russia has long denied targeting a school.",
        "Russia continues to deny targeting a school.",
    ],
)
def test_denying_the_intent_or_a_detail_of_an_owned_act_denies_no_doing(denial):
    """What a speaker denies after owning the act, or when it denies only that it was
    meant, is a detail or the intent; a standing denial of a kind of act ("has repeatedly
    denied") is not about this strike: the speaker is no denier of it."""
    body = f"{LEAD}\n{denial}"
    at = body.index("targeting")
    russia = body.index("Russia", len(LEAD))
    hit = replace(ev(body, denial, "targeting", factuality="negated", mode="aerial"),
                  sources=(Argument(russia, russia + 6, "Russia", "russia"),))  # fmt: skip
    assert body[hit.start : hit.end] == "targeting" and hit.start == at
    facts = after_lead(body, hit)
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert report.denied_by == ()
    plain = (
        denial.replace("said it carried out the air strike but ", "")
        .replace("claimed responsibility for the air strike but ", "")
        .replace("deliberately ", "")
        .replace("has repeatedly denied", "denied")
        .replace("has denied", "denied")
        .replace(" in the past", "")
        .replace("previously denied claims that its jets were", "denied")
        .replace("has long denied", "denied")
        .replace("continues to deny", "denied")
    )
    body = f"{LEAD}\n{plain}"
    russia = body.index("Russia", len(LEAD))
    hit = replace(ev(body, plain, "targeting", factuality="negated", mode="aerial"),
                  sources=(Argument(russia, russia + 6, "Russia", "russia"),))  # fmt: skip
    facts = replace(facts, body=body, events=(ev(body, LEAD, "air strike", mode="aerial"), hit))
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert [a.actor_id for a in report.denied_by] == ["russia"]  # "Russia denied targeting"


def test_words_that_only_look_like_a_standing_denial_leave_it_a_denial():
    from rashomon.reconcile.sayings import HABITUAL

    assert HABITUAL.search("Russia has long denied it")
    assert not HABITUAL.search("Russia denied the long-range missile strike")
    assert not HABITUAL.search("a long-standing truce")


def test_a_countrys_name_right_before_the_strike_names_the_state_that_struck():
    gazette = Gazette(actors=GAZETTE.actors, places={
        **GAZETTE.places, "ru": PlaceFact("ru", "Russia", 60.0, 100.0, "country", "RU"),
    })  # fmt: skip
    for text, trigger, doers in (
        ("Russia raids killed 20 people in Maarat al-Numan.", "raids", ("russia",)),
        ("Raids from Russia killed 20 people in Maarat al-Numan.", "Raids", ()),
    ):
        at = text.index("Russia")
        event = replace(ev(text, text, trigger, mode="aerial"),
                        sources=(Argument(at, at + 6, "Russia", "russia"),))  # fmt: skip
        facts = ArticleFacts(
            article=ARTICLE, body=text, events=(event,),
            figures=(toll(text, text, "20", 20),),
            mentions=(place_mention(text, "Maarat al-Numan", "maarat", text),
                      place_mention(text, "Russia", "ru", text)),
        )  # fmt: skip
        (report,) = article_reports(facts, gazette, KINDS, "reuters")
        assert report.perpetrator_ids == doers, text


def test_a_party_named_only_by_a_more_specific_deed_than_the_reports_is_another_deeds_doer():
    first = "Russia bombed the market in Maarat al-Numan, killing 20 people."
    second = "The Syrian government was condemned for its use of chemical weapons."
    body = f"{first} {second}"
    facts = ArticleFacts(
        article=ARTICLE, body=body,
        events=(ev(body, first, "bombed", mode="aerial", sources=("russia",)),
                ev(body, second, "use", mode="unconventional",
                   sources=("syrian-government",))),
        figures=(toll(body, first, "20", 20),),
        mentions=(place_mention(body, "Maarat al-Numan", "maarat", first),),
    )  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert report.kind == "aerial" and report.perpetrator_ids == ("russia",)
    # a report opening on the gas attack keeps the doer of an air strike beside it
    first = "A gas attack by the Syrian government killed 20 people in Maarat al-Numan."
    second = "Russia bombed the market in Maarat al-Numan."
    body = f"{first} {second}"
    facts = replace(facts, body=body, events=(
        ev(body, first, "gas attack", mode="unconventional", sources=("syrian-government",)),
        ev(body, second, "bombed", mode="aerial", sources=("russia",)),
    ), figures=(toll(body, first, "20", 20),),
        mentions=(place_mention(body, "Maarat al-Numan", "maarat", first),))  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert report.kind == "chemical"
    assert set(report.perpetrator_ids) == {"russia", "syrian-government"}


def test_a_place_description_is_no_place_named_for_a_report():
    from rashomon.reconcile.report_parts import place_mentions

    named = MentionFact("a1", 0, 6, "Aleppo", "location", 0, 20, place_id="rashomon:aleppo")
    described = MentionFact(
        "a1", 22, 30, "The city", "location", 22, 40, place_id="rashomon:aleppo",
        method="description",
    )  # fmt: skip
    assert place_mentions([named, described]) == [named]


def test_who_strikes_in_another_country_in_the_same_breath_is_no_doer_of_this_strike():
    """ "... as Russia cut its attacks in the U.S.", in a report of a strike in Syria:
    another deed, set by its own clause in another country."""
    body = (
        "An air strike killed 20 people in Maarat al-Numan, as Russia cut its attacks in the U.S."
    )
    attacks = replace(ev(body, body, "attacks", mode="aerial", sources=("russia",), place="usa"),
                      place_from="clause")  # fmt: skip
    facts = ArticleFacts(
        article=ARTICLE, body=body,
        events=(ev(body, body, "air strike", mode="aerial"), attacks),
        figures=(toll(body, body, "20", 20),),
        mentions=(place_mention(body, "Maarat al-Numan", "maarat", body),),
    )  # fmt: skip
    (report,) = article_reports(facts, WITH_US, KINDS, "reuters")
    assert report.place_id == "maarat" and report.perpetrator_ids == ()
    at_home = replace(facts, events=(facts.events[0], replace(attacks, place_id="foua")))
    (report,) = article_reports(at_home, WITH_US, KINDS, "reuters")
    assert report.perpetrator_ids == ("russia",)


def test_a_toll_right_after_a_past_aside_that_names_the_leads_town_counts_the_leads_attack():
    """ "Last year a car bomb killed 30 people. Medics said the strike on Maarat al-Numan
    killed 25": right after the aside, but set where the lead is and the aside is not."""
    aside = "Last year a car bomb killed 30 people."
    later = "Medics said the strike on Maarat al-Numan killed 25 people."
    body = f"{LEAD}\n{aside}\n{later}"
    town = body.rindex("Maarat al-Numan")
    facts = replace(
        lead_and_aside(), body=body,
        events=(ev(body, LEAD, "air strike", mode="aerial", day="2016-04-19"),
                ev(body, aside, "car bomb", mode="explosives")),
        figures=(toll(body, LEAD, "20", 20), toll(body, aside, "30", 30),
                 toll(body, later, "25", 25)),
        mentions=(place_mention(body, "Maarat al-Numan", "maarat", LEAD),
                  MentionFact("a1", town, town + 15, "Maarat al-Numan", "location",
                              *sentence_at(body, later), place_id="maarat")),
        dates=(DateFact("a1", body.index("Last year"), body.index("Last year") + 9,
                        "Last year", "2015", "year", "on", *sentence_at(body, aside)),),
    )  # fmt: skip
    lead, past = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert ("killed", 25.0) in lead.figure_values and past.figure_values == (("killed", 30.0),)


@pytest.mark.parametrize(
    ("when", "apart"),
    [("In early April", True), ("In mid-April", False), ("In April", False)],
)
def test_a_part_of_a_month_is_its_own_days(when, apart):
    """ "In early April" (the 1st to the 10th) is no time of a strike on the 19th, nor a
    day before it; "mid-April" and "April" are."""
    recall = f"{when} an air strike killed 15 people in Maarat al-Numan."
    body = f"{LEAD}\n{recall}"
    facts = replace(
        lead_and_aside(), body=body,
        events=(ev(body, LEAD, "air strike", mode="aerial", day="2016-04-19"),
                ev(body, recall, "air strike", mode="aerial")),
        figures=(toll(body, LEAD, "20", 20), toll(body, recall, "15", 15)),
        mentions=(place_mention(body, "Maarat al-Numan", "maarat", LEAD),),
        dates=(DateFact("a1", body.index(when), body.index(when) + len(when), when[3:],
                        "2016-04", "month", "on", *sentence_at(body, recall)),),
    )  # fmt: skip
    reports = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert len(reports) == (2 if apart else 1)
    assert (("killed", 15.0) in reports[0].figure_values) is not apart


# Aleppo shares its name with its province; Atareb and Urum al-Kubra lie 20-30 km west of it
ALEPPO = Gazette(
    places={
        p.id: p
        for p in (
            PlaceFact("syria", "Syria", 35.0, 38.0, "country", "SY"),
            PlaceFact("aleppo-gov", "Aleppo Governorate", 36.25, 37.6, "region", "SY", "syria"),
            PlaceFact("aleppo", "Aleppo", 36.201, 37.161, "city", "SY", "aleppo-gov"),
            PlaceFact("atarib", "Atarib", 36.136, 36.832, "city", "SY", "aleppo-gov"),
            PlaceFact("urum", "Urum al-Kubra", 36.15, 36.93, "city", "SY", "aleppo-gov"),
            PlaceFact("idlib-gov", "Idlib Governorate", 35.8, 36.6, "region", "SY", "syria"),
            PlaceFact("sarmada", "Sarmada", 36.18, 36.72, "city", "SY", "idlib-gov"),
            PlaceFact("manbij", "Manbij", 36.528, 37.955, "city", "SY", "aleppo-gov"),
            PlaceFact("damascus-gov", "Damascus Governorate", 33.51, 36.29, "region", "SY",
                      "syria"),
            PlaceFact("damascus", "Damascus", 33.51, 36.29, "city", "SY", "damascus-gov"),
            PlaceFact("qaboun", "Qaboun", 33.54, 36.33, "district", "SY", "damascus"),
        )
    },
)  # fmt: skip


def test_a_city_named_as_its_province_meets_a_town_of_the_province_close_by():
    """ "In Aleppo" for a strike on a village west of it: across reports the city can
    stand for its province, within AROUND_KM; one text names the town where it knows it."""
    assert places_meet("aleppo", "urum", ALEPPO) and places_meet("atarib", "aleppo", ALEPPO)
    assert not places_meet("aleppo", "urum", ALEPPO, in_one_text=True)
    assert not places_meet("aleppo", "manbij", ALEPPO)  # 80 km on: a town of its own
    assert not places_meet("aleppo", "sarmada", ALEPPO)  # another province
    assert not places_meet("atarib", "urum", ALEPPO)  # two towns are two places


def _one_report(body, events, mentions, gazette=ALEPPO):
    facts = ArticleFacts(article=ARTICLE, body=body, events=events, mentions=mentions)
    return article_reports(facts, gazette, KINDS, "reuters")[0]


def test_a_place_named_only_as_a_landmark_yields_to_the_town_it_locates():
    body = "Jets carried out an attack on Atareb city (35 km west of Aleppo) on Monday."
    found = _one_report(
        body,
        (ev(body, body, "attack", mode="aerial", place="aleppo", day="2016-04-18"),),
        (place_mention(body, "Atareb", "atarib", body), place_mention(body, "Aleppo", "aleppo", body)),
    )  # fmt: skip
    assert (found.place_id, found.around) == ("atarib", False)


def test_a_later_sentence_narrows_the_place_the_report_opens_with_never_moves_it():
    opening = "Air strikes killed 20 people in Aleppo province on Monday."
    market = "The strikes destroyed the market of Atareb."
    body = f"{opening}\n{market}"
    found = _one_report(
        body,
        (ev(body, opening, "Air strikes", mode="aerial", day="2016-04-18"),
         ev(body, market, "strikes", mode="aerial")),
        (place_mention(body, "Aleppo province", "aleppo-gov", opening),
         place_mention(body, "Atareb", "atarib", market)),
    )  # fmt: skip
    assert found.place_id == "atarib"
    # "near Damascus", then a district of Damascus named in passing: still near Damascus
    opening = "Fierce clashes near Damascus killed 40 people on Friday."
    aside = "The rebels said their rivals provoked the clashes by attacking fighters in Qabun."
    body = f"{opening}\n{aside}"
    found = _one_report(
        body,
        (ev(body, opening, "clashes", mode="ground", day="2016-04-15"),
         ev(body, aside, "clashes", mode="ground")),
        (place_mention(body, "Damascus", "damascus", opening),
         place_mention(body, "Qabun", "qaboun", aside)),
    )  # fmt: skip
    assert (found.place_id, found.around) == ("damascus", True)


@pytest.mark.parametrize(
    ("text", "trigger", "kind", "general"),
    [
        ("Damascus denied using chemical weapons.", "denied", "REJECT", True),
        ("Damascus denied using chemical weapons.", "using", "ASSAULT", True),
        ("Moscow denies targeting civilians, its ministry said.", "denies", "REJECT", True),
        ("Officials said they would never use poison gas on civilians.", "use", "ASSAULT", True),
        ("Moscow denied carrying out the strike.", "denied", "REJECT", False),
        ("Moscow denied targeting the hospital.", "denied", "REJECT", False),
        ("The group denied any involvement.", "denied", "REJECT", False),
        ("Damascus denied the accusations.", "denied", "REJECT", False),
        ("Damascus denied using chemical weapons in the attack.", "using", "ASSAULT", False),
    ],
)
def test_a_denial_of_a_kind_of_act_is_not_one_of_this_happening(text, trigger, kind, general):
    """ "Denied using chemical weapons", "would never use poison gas": a standing word
    about a kind of act, not about this strike; "denied carrying out the strike", "denied
    any involvement", "denied the accusations" are about it."""
    from rashomon.reconcile.doers import _of_a_kind

    event = replace(ev(text, text, trigger, factuality="negated"), type=kind)
    assert _of_a_kind(event) is general


@pytest.mark.parametrize(
    ("said", "word", "frame", "denies"),
    [
        ("Russia said the reports of the air strike were 'completely incorrect'.", "incorrect",
         "said", True),
        ("Russia called the reports of the air strike fake.", "fake", "called", True),
        ("Russia said it had nothing to do with the air strike.", "nothing", "said", True),
        # a verdict word no speaker says is no denial; nor a word that calls nothing untrue
        ("Russia said the reports of the air strike were 'completely incorrect'.", "incorrect",
         None, False),
        ("Russia opposed the air strike.", "opposed", "said", False),
        # another party disowned on its behalf: the speaker denies nothing of its own
        ("Russia said the rebels had nothing to do with the air strike.", "nothing", "said",
         False),
        ("Russia said its jets had nothing to do with the air strike.", "nothing", "said", True),
    ],
)  # fmt: skip
def test_calling_the_reports_untrue_denies_the_act_they_tell(said, word, frame, denies):
    """ "Russia said the reports were 'completely incorrect'", "called the reports fake",
    "said it had nothing to do with it": the speaker's REJECT statement denies the act the
    reports tell, as "Russia denied it" does."""
    body = f"{LEAD}\n{said}"
    s, e = sentence_at(body, said)
    at = s + said.index(word)
    rejection = replace(ev(body, said, word), type="REJECT", frame=frame,
                        sources=(Argument(s, s + 6, "Russia", "russia"),))  # fmt: skip
    facts = after_lead(body, rejection)
    assert body[at : at + len(word)] == word
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert [a.actor_id for a in report.denied_by] == (["russia"] if denies else [])


def test_calling_the_charges_untrue_by_their_name_alone_denies_the_articles_happening():
    """ "In return, the Kremlin said these accusations were a provocation": no word of the
    strike, but "these accusations" are the charge the article told; a sentence that names
    neither the charge nor the act is about something else."""

    def denied(said: str) -> list[str | None]:
        body = f"{LEAD}\n{said}"
        s, _ = sentence_at(body, said)
        rejection = replace(ev(body, said, "provocation"), type="REJECT", frame="said",
                            sources=(Argument(s, s + 6, "Russia", "russia"),))  # fmt: skip
        (report,) = article_reports(after_lead(body, rejection), GAZETTE, KINDS, "reuters")
        return [a.actor_id for a in report.denied_by]

    assert denied("Russia said these accusations were a provocation.") == ["russia"]
    assert denied("Russia said the summit was a provocation.") == []


def test_a_spokesman_calling_it_untrue_denies_for_the_party_he_speaks_for():
    """ "A spokesman for Russia said this is 'completely incorrect'": the subject names no
    party, the quote's speaker does; with no speaker known, no one denies."""
    said = "A spokesman for Russia said this account of the strike is 'completely incorrect'."
    body = f"{LEAD}\n{said}"
    s, _ = sentence_at(body, said)
    rejection = replace(ev(body, said, "incorrect"), type="REJECT", frame="said",
                        sources=(Argument(s, s + 11, "A spokesman", None),))  # fmt: skip
    at = body.index("this account")
    quote = QuoteFact("a1", at, len(body) - 1, body[at:-1], "indirect",
                      *sentence_at(body, said), said, speaker="A spokesman for Russia",
                      speaker_actor_id="russia")  # fmt: skip
    facts = ArticleFacts(
        article=ARTICLE, body=body, quotes=(quote,),
        events=(ev(body, LEAD, "air strike", mode="aerial"), rejection),
        mentions=(place_mention(body, "Maarat al-Numan", "maarat", LEAD),),
    )  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert [a.actor_id for a in report.denied_by] == ["russia"]
    (report,) = article_reports(replace(facts, quotes=()), GAZETTE, KINDS, "reuters")
    assert report.denied_by == ()


@pytest.mark.parametrize(
    ("text", "trigger", "old"),
    [
        ("Both sides have used such weapons in the past.", "used", True),
        ("The government has previously accused the rebels of such attacks.", "accused", True),
        ("The government accused the rebels of the attack.", "accused", False),
        ("Jets struck the town again on Tuesday.", "struck", False),
    ],
)
def test_a_deed_or_charge_of_before_names_no_doer_of_this_one(text, trigger, old):
    from rashomon.reconcile.doers import _told_of_old

    assert _told_of_old(ev(text, text, trigger)) is old


@pytest.mark.parametrize(
    ("text", "old"),
    [
        ("It has in the past blamed the rebels for such attacks, which the rebels deny.", True),
        ("It blamed the rebels for the attack, which the rebels deny.", False),
        ("It has in the past blamed the rebels, and the rebels deny the attack.", False),
    ],
)
def test_a_denial_of_a_charge_of_before_denies_no_doing_of_this_one(text, old):
    from rashomon.reconcile.doers import _denies_old

    assert _denies_old(ev(text, text, "deny")) is old


@pytest.mark.parametrize(
    ("text", "another"),
    [
        ("Officials accused Russia of using children as human shields.", True),
        ("Officials accused Russia and its allies of hiding weapons in schools.", True),
        ("Officials accused Russia of carrying out the strike.", False),
        ("Officials accused Russia of bombing the market.", False),
        ("Officials accused Russia of using chemical weapons.", False),
        ("Officials accused Russia of the attack.", False),
    ],
)
def test_a_party_charged_with_another_deed_is_not_accused_of_this_one(text, another):
    from rashomon.reconcile.doers import _charged_with_another_deed

    assert _charged_with_another_deed(text.index("Russia") + 6, text, KINDS) is another


@pytest.mark.parametrize(
    ("denial", "charged"),
    [
        ("Russia denied the allegation.", True),
        ("Russia rejected the accusations.", True),
        ("Russia denied the allegation of strikes on hospitals in Aleppo.", False),
    ],
)
def test_a_denial_of_the_charge_just_made_makes_the_denier_the_accused(denial, charged):
    """ "The Islamic State said its enemies had carried out the air strike. Russia denied
    the allegation.": the charge names no one, the denial of it names the denier as the one
    the speaker accuses, on the speaker's word. A denial that says more of what it denies
    answers no sentence before it."""
    charge = "The Islamic State said its enemies had carried out the air strike."
    body = f"{LEAD}\n{charge}\n{denial}"
    said = body.index("its enemies")
    quote = QuoteFact("a1", said, said + 42, body[said : said + 42], "indirect",
                      *sentence_at(body, charge), charge, speaker="The Islamic State",
                      speaker_actor_id="islamic-state")  # fmt: skip
    russia = body.index("Russia")
    word = denial.split()[1]
    rejecting = replace(ev(body, denial, word), type="REJECT",
                        sources=(Argument(russia, russia + 6, "Russia", "russia"),))  # fmt: skip
    facts = ArticleFacts(
        article=ARTICLE, body=body, quotes=(quote,),
        events=(ev(body, LEAD, "air strike", mode="aerial"),
                ev(body, charge, "air strike", factuality="alleged", mode="aerial"), rejecting),
        mentions=(place_mention(body, "Maarat al-Numan", "maarat", LEAD),),
    )  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    accused = ("russia", "The Islamic State") in [
        (a.actor_id, a.claimant) for a in report.perpetrators
    ]
    assert accused == charged
    if charged:
        assert [(a.actor_id, a.claimant) for a in report.denied_by] == [("russia", "Russia")]


@pytest.mark.parametrize(
    ("denial", "denies_the_act"),
    [
        ("Russia denied that any civilians were killed.", False),
        ("Russia denied targeting civilian buildings in the town.", False),
        ("Russia denied civilian casualties, saying it hit fighters.", False),
        ("Russia denied carrying out the strike that killed civilians.", True),
        ("Russia denied responsibility for the attack.", True),
    ],
)
def test_a_denial_of_who_was_hit_denies_no_doing(denial, denies_the_act):
    """What a denial says of the victims or the target ("no civilians were killed",
    "targeting civilian buildings") disputes the toll or the target, not that the party
    struck; denying the doing of a strike that killed civilians still denies it."""
    body = f"{LEAD}\n{denial}"
    russia = body.index("Russia")
    rejecting = replace(ev(body, denial, "denied"), type="REJECT",
                        sources=(Argument(russia, russia + 6, "Russia", "russia"),))  # fmt: skip
    facts = after_lead(body, rejecting)
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert bool(report.denied_by) == denies_the_act


@pytest.mark.parametrize(
    ("denial", "act", "target", "denies_the_act"),
    [
        ("Russia confirmed a strike but said it had not targeted any civilians.", "targeted",
         "any civilians", False),
        ("Russia said it did not strike the market, where civilians shop.", "strike",
         "the market", True),
    ],
)  # fmt: skip
def test_an_act_told_as_not_done_to_civilians_denies_who_was_hit(
    denial, act, target, denies_the_act
):
    """ "The LNA confirmed a strike on Murzuq but denied it had targeted any civilians": an
    act negated whose every target is civilians denies who was hit, not the strike; an act
    negated on a place denies the act, whoever is near that place."""
    body = f"{LEAD}\n{denial}"
    russia, aim = body.index("Russia"), body.index(target)
    negated = replace(ev(body, denial, act, factuality="negated"),
                      sources=(Argument(russia, russia + 6, "Russia", "russia"),),
                      targets=(Argument(aim, aim + len(target), target, None),))  # fmt: skip
    (report,) = article_reports(after_lead(body, negated), GAZETTE, KINDS, "reuters")
    assert bool(report.denied_by) == denies_the_act


def test_an_act_that_failed_denies_no_doing():
    """ "Hamas said an Israeli airstrike had failed to kill its intended target": the strike
    was made; what failed was its aim, and no one is told as not having struck."""
    failed = "Hamas said the Russian strike had failed to kill its intended target."
    body = f"{LEAD}\n{failed}"
    russia = body.index("Russian")
    negated = replace(ev(body, failed, "kill", factuality="negated"), frame="failed",
                      sources=(Argument(russia, russia + 7, "Russian", "russia"),))  # fmt: skip
    (report,) = article_reports(after_lead(body, negated), GAZETTE, KINDS, "reuters")
    assert report.denied_by == ()
    (report,) = article_reports(
        after_lead(body, replace(negated, frame="did not")), GAZETTE, KINDS, "reuters"
    )
    assert [a.actor_id for a in report.denied_by] == ["russia"]


def test_a_party_owning_the_act_denies_only_a_detail_of_it():
    """ "Russia said its jets struck a weapons depot in Maarat al-Numan. Russia denied
    the allegation ...": a party that names itself the doer in another sentence of the
    report denies its target, victims or intent, not that it struck."""
    owning = "Russia said its jets carried out the air strike on a weapons depot."
    denial = "Russia denied reports that the strike hit a school."
    body = f"{LEAD}\n{owning}\n{denial}"
    russia, again = body.index("Russia"), body.index("Russia", body.index(owning) + 1)
    rejecting = replace(ev(body, denial, "denied"), type="REJECT",
                        sources=(Argument(again, again + 6, "Russia", "russia"),))  # fmt: skip
    said = QuoteFact("a1", russia + 12, russia + len(owning) - 1, owning[12:-1], "indirect",
                     *sentence_at(body, owning), owning, speaker="Russia",
                     speaker_actor_id="russia")  # fmt: skip
    struck = replace(ev(body, owning, "air strike", mode="aerial"),
                     sources=(Argument(russia, russia + 6, "Russia", "russia"),))  # fmt: skip
    facts = ArticleFacts(
        article=ARTICLE, body=body, quotes=(said,),
        events=(ev(body, LEAD, "air strike", mode="aerial"), struck, rejecting),
        mentions=(place_mention(body, "Maarat al-Numan", "maarat", LEAD),),
    )  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert ("russia", "Russia") in [(a.actor_id, a.claimant) for a in report.perpetrators]
    assert report.denied_by == ()
    unowned = replace(facts, quotes=(), events=(facts.events[0], rejecting))
    (report,) = article_reports(unowned, GAZETTE, KINDS, "reuters")
    assert [a.actor_id for a in report.denied_by] == ["russia"]
    # an act inside a denial ("denied reports that it carried out the air strike"), even
    # read as told outright, is owned by no one
    gainsaid = owning.replace("Russia said its jets", "Russia denied its jets")
    body = body.replace(owning, gainsaid)
    facts = replace(facts, body=body, events=tuple(
        replace(e, sentence=gainsaid) if e.sentence == owning else e for e in facts.events
    ))  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert [a.actor_id for a in report.denied_by] == ["russia"]


@pytest.mark.parametrize(
    ("owning", "denies"),
    [
        (", saying it hit a weapons depot", False),
        ("", True),
        (", saying it had carried out no air strikes there", True),
    ],
)
def test_a_denial_followed_by_the_deniers_own_strike_denies_a_detail(owning, denies):
    """ "Russia denied that the market was bombed, saying it hit a weapons depot": the
    denier owns the strike in its next words, so it denies a detail of it, whatever the
    parse made of "hit"; without those words, or when they own no strike ("carried out no
    air strikes"), it denies the strike."""
    denial = f"Russia denied that the market was bombed{owning}."
    body = f"{LEAD}\n{denial}"
    russia = body.index("Russia")
    source = (Argument(russia, russia + 6, "Russia", "russia"),)
    rejecting = replace(ev(body, denial, "denied"), type="REJECT", sources=source)
    events = [ev(body, LEAD, "air strike", mode="aerial"), rejecting]
    if owning:
        verb = "hit" if "hit" in owning else "carried out"
        events.append(replace(ev(body, denial, verb, factuality="negated"), sources=source))
    facts = ArticleFacts(
        article=ARTICLE, body=body, events=tuple(events),
        mentions=(place_mention(body, "Maarat al-Numan", "maarat", LEAD),),
    )  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert bool(report.denied_by) == denies


def test_the_accuser_of_a_relative_clause_is_who_stands_before_its_word():
    """ "No one claimed the air strike, which the government blamed on Russia": the parse
    gave the accusation no subject; the known actor between "which" and "blamed" is the
    accuser, on whose word Russia is named."""
    blame = "No one claimed the air strike, which the government blamed on Russia."
    body = f"{LEAD}\n{blame}"
    at, russia = body.index("blamed"), body.index("Russia")
    accusing = replace(ev(body, blame, "blamed"), type="ACCUSE", factuality="asserted",
                       targets=(Argument(russia, russia + 6, "Russia", "russia"),))  # fmt: skip
    government = body.index("the government")
    s, e = sentence_at(body, blame)
    named = MentionFact("a1", government, government + 14, "the government", "organization",
                        s, e, actor_id="syrian-government")  # fmt: skip
    facts = ArticleFacts(
        article=ARTICLE, body=body,
        events=(ev(body, LEAD, "air strike", mode="aerial"), accusing),
        mentions=(place_mention(body, "Maarat al-Numan", "maarat", LEAD), named),
    )  # fmt: skip
    assert body[government + 14 : at] == " "
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert ("russia", "Syrian government") in [
        (a.actor_id, a.claimant) for a in report.perpetrators
    ]


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        ("The ministry censured some accusations against Russia over the strike.", False),
        ("Officials denied the accusations against Russia over the strike.", False),
        ("There were accusations against Russia over the strike.", True),
    ],
)
def test_a_charge_a_speaker_rejects_is_no_ones_word_on_the_doer(sentence, named):
    """ "censured some 'without any evidence' accusations against the Damascus government":
    the accusation no one named makes, which the speaker rejects, names no doer."""
    body = f"{LEAD}\n{sentence}"
    russia = body.index("Russia")
    accusing = replace(ev(body, sentence, "accusations"), type="ACCUSE",
                       targets=(Argument(russia, russia + 6, "Russia", "russia"),))  # fmt: skip
    facts = ArticleFacts(
        article=ARTICLE, body=body, events=(ev(body, LEAD, "air strike", mode="aerial"), accusing),
        mentions=(place_mention(body, "Maarat al-Numan", "maarat", LEAD),),
    )  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert ("russia" in [a.actor_id for a in report.perpetrators]) is named


def test_an_accused_pronoun_resolved_to_the_accusers_own_body_names_no_one():
    """ "A spokesman for the government ... accused it of targeting innocent people": a
    resolver took "it" for the government; no one accuses itself, so it is nobody named."""
    blame = "A spokesman for the government accused it of targeting innocent people."
    body = f"{LEAD}\n{blame}"
    s, e = sentence_at(body, blame)
    spokesman, it = body.index("A spokesman"), body.index("it of")
    council = body.index("government")

    accusing = replace(ev(body, blame, "accused"), type="ACCUSE", factuality="asserted",
                       sources=(Argument(spokesman, spokesman + 11, "A spokesman", None),),
                       targets=(Argument(it, it + 2, "it", "syrian-government"),))  # fmt: skip
    named = MentionFact("a1", council, council + 10, "government", "organisation", s, e,
                        actor_id="syrian-government")  # fmt: skip
    facts = ArticleFacts(
        article=ARTICLE, body=body,
        events=(ev(body, LEAD, "air strike", mode="aerial"), accusing,
                ev(body, blame, "targeting", factuality="alleged")),
        mentions=(place_mention(body, "Maarat al-Numan", "maarat", LEAD), named),
    )  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert "syrian-government" not in [a.actor_id for a in report.perpetrators]


def test_a_quoted_count_the_parse_made_the_accusations_subject_accuses_no_one():
    """ "The office claims '20 martyrs' were killed and accuses Russia": the quoted count is
    no accuser; the charge stands on the word of the one who stands before the verb."""
    blame = "The government claims '20 martyrs' were killed and accuses Russia of a massacre."
    body = f"{LEAD}\n{blame}"
    quoted, russia = body.index("'20 martyrs'"), body.index("Russia")
    accusing = replace(ev(body, blame, "accuses"), type="ACCUSE", factuality="asserted",
                       sources=(Argument(quoted, quoted + 12, "'20 martyrs'", None),),
                       targets=(Argument(russia, russia + 6, "Russia", "russia"),))  # fmt: skip
    facts = after_lead(body, accusing)
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    claimants = [a.claimant for a in report.perpetrators if a.actor_id == "russia"]
    assert claimants and "'20 martyrs'" not in claimants


def test_a_happening_the_lead_follows_opens_its_own_report_with_what_continues_it():
    """ "The Foua strike follows air raids that killed 20 people in Idlib on Sunday": the day and the toll after "follows" are an earlier happening's; it and the
    undated sentence that goes on about it make their own report, and the lead keeps its
    own day and place. With the day told before "follows", the sentence is the lead's."""
    lead = "An air strike killed 40 people in Foua on Monday."
    aside = "The Foua strike follows air raids that killed 20 people in Idlib on Sunday."
    more = "Warplanes targeted a building in Maarat al-Numan."
    text = f"{lead}\n{aside}\n{more}"

    def day(word, value, sentence):
        s, e = sentence_at(text, sentence)
        at = text.index(word, s)
        return DateFact("a1", at, at + len(word), word, value, "day", "on", s, e)

    facts = ArticleFacts(
        article=replace(ARTICLE, published="2017-03-07"), body=text,
        events=(ev(text, lead, "air strike", mode="aerial", day="2017-03-06"),
                ev(text, aside, "air raids", mode="aerial", day="2017-03-05"),
                ev(text, more, "targeted", mode="aerial")),
        figures=(toll(text, lead, "40", 40), toll(text, aside, "20", 20)),
        mentions=(place_mention(text, "Foua", "foua", lead),
                  place_mention(text, "Idlib", "idlib-gov", aside),
                  place_mention(text, "Maarat al-Numan", "maarat", more)),
        dates=(day("Monday", "2017-03-06", lead), day("Sunday", "2017-03-05", aside)),
    )  # fmt: skip
    first, other = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert (first.lead, first.place_id, first.day_low, first.day_high) == (
        True, "foua", "2017-03-06", "2017-03-06",
    )  # fmt: skip
    assert first.figure_values == (("killed", 40.0),)
    assert (other.day_low, other.day_high) == ("2017-03-05", "2017-03-05")
    assert other.place_id in ("maarat", "idlib-gov")
    assert other.sentence_start == text.index(aside)

    told = "The Foua strike on Monday follows air raids in Maarat al-Numan."
    body = f"{lead}\n{told}"
    s, e = sentence_at(body, told)
    monday = DateFact("a1", body.index("Monday", s), body.index("Monday", s) + 6, "Monday",
                      "2017-03-06", "day", "on", s, e)  # fmt: skip
    facts = ArticleFacts(
        article=replace(ARTICLE, published="2017-03-07"), body=body,
        events=(ev(body, lead, "air strike", mode="aerial", day="2017-03-06"),
                ev(body, told, "strike", mode="aerial", day="2017-03-06")),
        figures=(toll(body, lead, "40", 40),),
        mentions=(place_mention(body, "Foua", "foua", lead),),
        dates=(monday,),
    )  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert report.place_id == "foua"


def test_a_place_a_party_stands_by_is_not_where_its_strike_was():
    """ "US strikes on the port killed 80 ... an attempt to weaken their support for Gaza":
    Gaza is what the party backs; the report stays in the country its lead sets it in."""
    lead = "At least 80 people were killed in air strikes on a port in Syria on Tuesday."
    aside = "The attack on the port is seen as an attempt to weaken their support for Idlib."
    body = f"{lead}\n{aside}"
    facts = ArticleFacts(
        article=replace(ARTICLE, title="Strikes on port kill 80"),
        body=body,
        events=(
            ev(body, lead, "air strikes", mode="aerial", day="2016-04-19"),
            ev(body, aside, "attack", mode="aerial"),
        ),
        figures=(toll(body, lead, "80", 80),),
        mentions=(
            place_mention(body, "Syria", "syria", lead),
            place_mention(body, "Idlib", "idlib-gov", aside),
        ),
    )  # fmt: skip
    (report,) = article_reports(facts, GAZETTE, KINDS, "a1")
    assert report.place_id == "syria"
    backed = replace(facts, body=body.replace("support for Idlib", "presence in Idlib"))
    (report,) = article_reports(backed, GAZETTE, KINDS, "a1")
    assert report.place_id == "idlib-gov"


def test_the_day_of_a_burial_dates_the_burial_and_the_killing_came_by_then():
    """ "Twenty people killed in Maarat al-Numan were buried on Thursday", after Tuesday's
    strike that killed 20 there: the day is the burial's; the killing came that day or in
    the days before, so the sentence tells of Tuesday's strike, not of a strike on
    Thursday."""
    lead = "An air strike killed 20 people in Maarat al-Numan on Tuesday."
    burial = "Twenty people killed in Maarat al-Numan were buried on Thursday."
    body = f"{lead}\n{burial}"
    at = body.index("Thursday")
    facts = ArticleFacts(
        article=replace(ARTICLE, published="2016-04-22"),
        body=body,
        events=(
            ev(body, lead, "air strike", mode="aerial", day="2016-04-19"),
            ev(body, burial, "killed"),
        ),
        figures=(toll(body, lead, "20", 20), toll(body, burial, "Twenty", 20)),
        mentions=(
            place_mention(body, "Maarat al-Numan", "maarat", lead),
            MentionFact("a1", body.index("Maarat", len(lead)),
                        body.index("Maarat", len(lead)) + len("Maarat al-Numan"),
                        "Maarat al-Numan", "location", *sentence_at(body, burial),
                        place_id="maarat"),
        ),
        dates=(DateFact("a1", at, at + 8, "Thursday", "2016-04-21", "day", "on",
                        *sentence_at(body, burial)),),
    )  # fmt: skip
    reports = article_reports(facts, GAZETTE, KINDS, "a1")
    assert [(r.day_low, r.day_high) for r in reports] == [("2016-04-19", "2016-04-19")]


def test_a_country_whose_strikes_they_were_is_not_where_they_fell():
    """ "Killed in US air strikes on a port": the US is whose strikes they were, not where
    they fell, though "in" comes before it; "killed in Syria" sets them in Syria."""
    places = {
        **GAZETTE.places,
        "us": PlaceFact("us", "United States", 39.8, -98.6, "country", "US"),
    }
    gazette = Gazette(actors=GAZETTE.actors, places=places)

    def place_of(lead: str, name: str, place_id: str) -> str | None:
        facts = ArticleFacts(
            article=replace(ARTICLE, title="Strikes kill 80"),
            body=lead,
            events=(ev(lead, lead, "killed", mode="aerial", day="2016-04-19"),),
            figures=(toll(lead, lead, "80", 80),),
            mentions=(place_mention(lead, name, place_id, lead),),
        )  # fmt: skip
        (report,) = article_reports(facts, gazette, KINDS, "a1")
        return report.place_id

    assert (
        place_of("At least 80 people were killed in US air strikes on a port.", "US", "us") is None
    )
    assert (
        place_of("At least 80 people were killed in Syria on Tuesday.", "Syria", "syria") == "syria"
    )


@pytest.mark.parametrize(
    ("lead", "struck"),
    [
        ("The US missile strike on Maarat al-Numan killed four children.", True),
        ("The US strike on Maarat al-Numan killed four children.", True),
        ("The US hospital strike in Maarat al-Numan killed four children.", False),
    ],
)
def test_a_countrys_name_before_a_strikes_means_names_the_state_that_struck(lead, struck):
    """ "The US missile strike": the country's name before the strike's means and noun is
    whose strike it was; before another noun ("the US hospital") it is a place."""
    gazette = Gazette(
        actors={**GAZETTE.actors,
                "united-states": ActorFact("united-states", "United States", "state", "USA", "GOV")},
        places={**GAZETTE.places,
                "us": PlaceFact("us", "United States", 39.8, -98.6, "country", "US")},
    )  # fmt: skip
    at = lead.index("US")
    strike = replace(ev(lead, lead, "strike", mode="aerial", day="2016-04-19"),
                     sources=(Argument(at, at + 2, "US", "united-states"),))  # fmt: skip
    facts = ArticleFacts(
        article=ARTICLE, body=lead, events=(strike,), figures=(toll(lead, lead, "four", 4),),
        mentions=(place_mention(lead, "US", "us", lead),
                  place_mention(lead, "Maarat al-Numan", "maarat", lead)),
    )  # fmt: skip
    (report,) = article_reports(facts, gazette, KINDS, "a1")
    assert ("united-states" in [a.actor_id for a in report.perpetrators]) == struck


def test_a_toll_sentence_goes_on_from_the_toll_sentence_right_before_it():
    """ "... left 22 dead. There were 45 others wounded, the health ministry in Damascus
    said": the next sentence of one statement counts the same happening, though another
    happening of the same days (a car bomb in Damascus) was told in between; and the city
    the ministry sits in is not where anything happened."""
    lead = "An air strike killed 20 people in Maarat al-Numan on Tuesday."
    other = "A car bomb killed 30 people in Damascus on Tuesday."
    counted = "Medics in Maarat al-Numan counted 22 dead."
    wounded = "There were 45 others wounded, the health ministry in Damascus said."
    body = f"{lead}\n{other}\n{counted} {wounded}"
    seat = body.rindex("Damascus")
    facts = ArticleFacts(
        article=ARTICLE, body=body,
        events=(ev(body, lead, "air strike", mode="aerial", day="2016-04-19"),
                ev(body, other, "car bomb", mode="explosives", day="2016-04-19")),
        figures=(toll(body, lead, "20", 20), toll(body, other, "30", 30),
                 toll(body, counted, "22", 22), toll(body, wounded, "45", 45, "injured")),
        mentions=(place_mention(body, "Maarat al-Numan", "maarat", lead),
                  place_mention(body, "Damascus", "damascus", other),
                  MentionFact("a1", (at := body.rindex("Maarat al-Numan")), at + 15,
                              "Maarat al-Numan", "location", *sentence_at(body, counted),
                              place_id="maarat"),
                  MentionFact("a1", seat, seat + 8, "Damascus", "location",
                              *sentence_at(body, wounded), place_id="damascus")),
    )  # fmt: skip
    lead_report, bombing = article_reports(facts, GAZETTE, KINDS, "reuters")
    assert lead_report.place_id == "maarat" and sentence_at(body, wounded) in lead_report.sentences
    assert bombing.place_id == "damascus" and len(bombing.sentences) == 1


def test_the_bombing_named_again_is_the_first_happening_whatever_its_word_says():
    lead = "A suicide car bombing killed 20 people in Foua on Saturday."
    aside = "Residents left Madaya and Zabadani on Friday under a deal."
    again = "There was no claim of responsibility for the bombing, though a rebel group denied it."
    body = f"{lead} {aside} {again}"
    events = (
        ev(body, lead, "car bombing", mode="explosives", day="2016-04-16"),
        ev(body, aside, "left", mode=None, day="2016-04-15"),
        ev(body, again, "bombing", mode="aerial"),
    )
    facts = ArticleFacts(article=ARTICLE, body=body, events=events,
                         figures=(toll(body, lead, "20", 20),))  # fmt: skip
    first = article_reports(facts, GAZETTE, KINDS, "reuters")[0]
    assert first.kind == "explosives" and sentence_at(body, again) in first.sentences
    # a bombing with a place of its own, or a specific kind ("the shelling"), is its own
    for other in ("the bombing of Damascus", "the shelling"):
        told = again.replace("the bombing", other)
        body2 = f"{lead} {aside} {told}"
        word = other.split()[1]
        facts2 = replace(
            facts,
            body=body2,
            events=(
                ev(body2, lead, "car bombing", mode="explosives", day="2016-04-16"),
                ev(body2, aside, "left", mode=None, day="2016-04-15"),
                ev(body2, told, word, mode="aerial" if word == "bombing" else "heavy-weapons"),
            ),
            figures=(toll(body2, lead, "20", 20),),
            mentions=(place_mention(body2, "Damascus", "damascus", told),)
            if "Damascus" in told
            else (),
        )
        first = article_reports(facts2, GAZETTE, KINDS, "reuters")[0]
        assert sentence_at(body2, told) not in first.sentences


def test_the_bombing_named_again_at_the_first_happenings_place_is_that_happening():
    """ "Kyiv blamed Russian forces for the bombing of the theatre in Mariupol", after the
    theatre in Mariupol was told blown up from inside: the first happening's place is no
    other happening's."""
    lead = "A suicide car bombing killed 20 people in Foua on Saturday."
    aside = "Residents left Madaya and Zabadani on Friday under a deal."
    again = "Rebels blamed the army for the bombing in Foua, but the army denied it."
    body = f"{lead} {aside} {again}"
    foua = body.rindex("Foua")
    facts = ArticleFacts(
        article=ARTICLE, body=body,
        events=(ev(body, lead, "car bombing", mode="explosives", day="2016-04-16"),
                ev(body, aside, "left", mode=None, day="2016-04-15"),
                ev(body, again, "bombing", mode="aerial")),
        figures=(toll(body, lead, "20", 20),),
        mentions=(place_mention(body, "Foua", "foua", lead),
                  MentionFact("a1", foua, foua + 4, "Foua", "location",
                              *sentence_at(body, again), place_id="foua")),
    )  # fmt: skip
    first = article_reports(facts, GAZETTE, KINDS, "reuters")[0]
    assert first.kind == "explosives" and sentence_at(body, again) in first.sentences


def test_the_charge_a_denial_answers_is_told_on_its_makers_word():
    """ "Moscow denied Kiev's allegations that Russian forces carried out a raid": Kiev says
    the denier did it, in the same article; a claim whose maker is not named, or is the
    denier itself, says nothing of the kind."""
    body = "Moscow denied Kiev's allegations that Russian forces carried out a raid on the theatre."

    def mention(name, actor_id):
        at = body.index(name)
        return MentionFact("a1", at, at + len(name), name, "organisation", 0, len(body),
                           actor_id=actor_id)  # fmt: skip

    denial = Attribution("russian-government", "Moscow", "Moscow", "russian-government", 0, 6)
    facts = ArticleFacts(article=ARTICLE, body=body,
                         mentions=(mention("Moscow", "russian-government"),
                                   mention("Kiev", "ukrainian-government")))  # fmt: skip
    (charge,) = claims_answered([denial], facts)
    assert (charge.actor_id, charge.claimant_actor_id) == (
        "russian-government",
        "ukrainian-government",
    )
    by_claims = "Responding to claims by the Kyiv government that its jets hit a theatre, Moscow"
    assert claims_answered([denial], replace(facts, body=by_claims, mentions=())) == []
    # a claim of another sentence is not the one this denial answers
    claim = "Kiev's allegations that Russian forces raided the theatre spread. "
    two = claim + "Moscow denied it."
    at = len(claim)
    elsewhere = replace(
        facts, body=two,
        mentions=(MentionFact("a1", at, at + 6, "Moscow", "organisation", at, len(two),
                              actor_id="russian-government"),
                  MentionFact("a1", 0, 4, "Kiev", "organisation", 0, at - 1,
                              actor_id="ukrainian-government")),
    )  # fmt: skip
    moved = replace(denial, start=at, end=at + 6)
    assert claims_answered([moved], elsewhere) == []
