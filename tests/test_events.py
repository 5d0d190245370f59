"""Event extraction on hand-written sentences, through the real pipeline and extractor."""

from pathlib import Path

import pytest
from spacy.tokens import Doc

from rashomon.entities import EntityExtractor
from rashomon.errors import InputError
from rashomon.extract.events import EventLexicon, find_events
from rashomon.extract.events.lexicon import EventSense
from rashomon.extract.events.timing import EventDates
from rashomon.extract.events.triggers import Trigger
from rashomon.model import DateMention, DatePrecision, FoundIn, PublicationDate
from rashomon.nlp import load_pipeline
from rashomon.settings import Settings

PUBLISHED = PublicationDate("2016-10-20", DatePrecision.DAY, FoundIn.USER)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(Settings().model)


@pytest.fixture(scope="module")
def extractor(nlp):
    return EntityExtractor.build(nlp)


@pytest.fixture(scope="module")
def events_of(nlp, extractor):
    def run(text: str, published: PublicationDate | None = PUBLISHED):
        found = extractor.extract("t", nlp(text), published)
        return [event for event, _, _ in found.events]

    return run


def one(events, type_, trigger=None):
    matching = [e for e in events if e.type == type_ and (trigger is None or trigger in e.trigger)]
    assert matching, f"no {type_} {trigger or ''} in {[(e.type, e.trigger) for e in events]}"
    return matching[0]


def test_active_verb_source_and_target(events_of):
    event = one(events_of("Turkey accused Russia of stalling the negotiations."), "ACCUSE")
    assert event.source_actor_ids == ("turkey",)
    assert event.target_actor_ids == ("russia",)
    assert event.factuality == "asserted"


def test_passive_with_agent(events_of):
    event = one(events_of("The Russian proposal was rejected by the Free Syrian Army."), "REJECT")
    assert event.source_actor_ids == ("free-syrian-army",)
    assert event.target_actor_ids == ("russia",)  # the owner of what was rejected


def test_negation_is_kept(events_of):
    event = one(events_of("The Free Syrian Army did not reject the Russian offer."), "REJECT")
    assert event.factuality == "negated"
    assert event.frame == "not"


def test_denial_negates_the_embedded_event(events_of):
    event = one(events_of("Russia denied that its jets bombed the hospital in Idlib."), "ASSAULT")
    assert event.factuality == "negated"


def test_future_and_expected_are_planned(events_of):
    assert one(events_of("Lavrov will meet Kerry in Geneva."), "CONSULT").factuality == "planned"
    expected = one(events_of("Kerry is expected to meet Lavrov on Friday."), "CONSULT")
    assert expected.factuality == "planned"
    assert expected.source_actor_ids == ("john-kerry",)


def test_call_on_makes_the_embedded_event_demanded(events_of):
    events = events_of("The United Nations called on Russia to halt the air strikes.")
    request = one(events, "REQUEST")
    assert request.source_actor_ids == ("united-nations",)
    halt = one(events, "CONCEDE", "halt the air strikes")  # undoing an assault concedes
    assert halt.factuality == "demanded"
    assert halt.source_actor_ids == ("russia",)  # object control: Russia is to halt


@pytest.mark.parametrize(
    "text",
    [
        # the parser reads "for" as marking the clause "the US and UK to suspend ..."
        "The group also called for both the US and UK to immediately suspend arms sales.",
        # the noun: the preposition hung on the verb or on the noun
        "We strongly reiterate our call for an end to this devastating war.",
        "The ministry renewed its call for a ceasefire in the city.",
    ],
)
def test_a_call_for_something_requests_it(events_of, text):
    assert one(events_of(text), "REQUEST", "call")


def test_the_need_for_something_asks_for_it_and_a_need_of_nothing_does_not(events_of):
    text = "The failures underscore the need for an independent investigation into the blast."
    assert one(events_of(text), "REQUEST", "need")
    assert "REQUEST" not in [e.type for e in events_of("The army needs more troops.")]


def test_a_call_that_asks_for_nothing_is_no_request(events_of):
    events = events_of("The minister made a phone call to his counterpart in Ankara.")
    assert "REQUEST" not in [e.type for e in events]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The Turkish Foreign Ministry extended condolences to Poland.", "turkish-foreign-ministry"),
        ("Zelenskyy offered condolences to Poland.", "volodymyr-zelensky"),
        # "express" lends its subject like the other light verbs
        ("Erdogan expressed solidarity with Poland.", "recep-tayyip-erdogan"),
    ],
)  # fmt: skip
def test_condolences_and_solidarity_support(events_of, text, source):
    event = one(events_of(text), "SUPPORT")
    assert event.source_actor_ids == (source,)


@pytest.mark.parametrize(
    "text",
    [
        "The air bombardment of the village lasted two hours.",
        "The aerial bombardment of the village lasted two hours.",
    ],
)
def test_a_bombardment_from_the_air_is_aerial(events_of, text):
    assert one(events_of(text), "ASSAULT", "bombardment").mode == "aerial"
    gunned = events_of("The bombardment of the village lasted two hours.")
    assert one(gunned, "ASSAULT", "bombardment").mode == "heavy-weapons"


def test_a_barrage_on_a_place_is_an_attack_and_one_of_criticism_is_not(events_of):
    assert one(events_of("Moscow launched a massive barrage on Kyiv's power plants."), "ASSAULT")
    faced = events_of("The minister faced a barrage of criticism over the plan.")
    assert "ASSAULT" not in [e.type for e in faced]


def test_a_claim_hung_on_the_statement_noun_is_still_claimed(events_of):
    # the parser hangs "that ..." on "statement" (acl): the claim is still the verb's
    text = "The ministry claimed in a statement that the attack was carried out by the army."
    assert one(events_of(text), "ASSAULT", "attack").factuality == "alleged"


def test_a_noun_phrase_broken_at_a_hyphen_keeps_its_head_as_the_object(events_of):
    # the parser makes "neo" and "battalion" two objects of "accused"
    text = (
        "The Russian Defense Ministry accused the neo-Nazi \u201cAzov\u201d battalion of killing."
    )
    events = events_of(text)
    assert one(events, "ACCUSE").target_actor_ids == ("azov-regiment",)
    assert one(events, "ASSAULT", "killing").source_actor_ids == ("azov-regiment",)


def test_a_second_statement_joined_to_what_was_said_is_the_speakers(events_of):
    # the parser hangs "accused" on "been", inside what the ministry said
    text = ("The Russian Defense Ministry said there had been no such strikes in that city, "
            "and accused the Azov battalion of killing its hostages.")  # fmt: skip
    assert one(events_of(text), "ACCUSE").source_actor_ids == ("russian-defence-ministry",)
    # joined without a comma to a clause with a subject of its own: that subject's
    joined = events_of("Turkey said the army shelled the town and denied killing civilians.")
    assert one(joined, "REJECT").source_actor_ids == ("turkish-armed-forces",)


def test_what_a_denier_notes_is_not_denied(events_of):
    text = ("Moscow denied the allegations that Russian forces bombed the theatre, noting that "
            "members of the Azov battalion blew up the building.")  # fmt: skip
    events = events_of(text)
    assert one(events, "ASSAULT", "bombed").factuality == "negated"
    assert one(events, "ASSAULT", "blew up").factuality == "asserted"


def test_what_one_did_not_know_one_was_doing_was_done(events_of):
    # "know" presupposes its clause: not knowing a strike's target denies no strike
    events = events_of(
        "General Votel said the personnel did not know they were striking a medical facility."
    )
    (strike,) = [e for e in events if e.type == "ASSAULT"]
    assert strike.factuality == "asserted"
    assert not [e for e in events if e.type == "REJECT"]
    (denied,) = [
        e
        for e in events_of("The army denied that its jets had hit a school.")
        if e.type == "ASSAULT"
    ]
    assert denied.factuality == "negated"


def test_an_act_one_is_not_in_a_position_to_do_is_negated(events_of):
    for text in ("The Pentagon is not in a position to dispute the reports.",
                 "The Pentagon is unable to dispute the reports."):  # fmt: skip
        assert one(events_of(text), "REJECT").factuality == "negated", text
    able = events_of("The Pentagon is in a position to dispute the reports.")
    assert one(able, "REJECT").factuality == "asserted"
    # what the act one could not do was done by happened
    by = events_of("Russian forces were unable to win by fighting the Ukrainian army.")
    assert one(by, "ASSAULT", "fighting").factuality == "asserted"


def test_condition_makes_it_hypothetical(events_of):
    event = one(events_of("If Turkey attacks the Kurdish militia, the talks will end."), "ASSAULT")
    assert event.factuality == "hypothetical"


def test_accusation_frame_keeps_both_events(events_of):
    events = events_of("The opposition accused the Syrian army of shelling Douma.")
    accuse = one(events, "ACCUSE")
    shelling = one(events, "ASSAULT", "shelling")
    assert accuse.factuality == "asserted"
    assert shelling.factuality == "alleged"
    assert shelling.mode == "heavy-weapons"
    assert shelling.source_actor_ids == accuse.target_actor_ids


def test_coordinated_sources(events_of):
    event = one(events_of("Jordan and Britain agreed to hold joint exercises."), "AGREE")
    assert set(event.source_actor_ids) == {"jordan", "united-kingdom"}


def test_nominal_event_owner_mode_and_place(events_of):
    event = one(
        events_of("Russian air strikes on Idlib killed dozens on Monday."), "ASSAULT", "air"
    )
    assert event.mode == "aerial"
    assert event.source_actor_ids == ("russia",)
    assert (event.place_id, event.place_from) == ("rashomon:idlib", "clause")


def test_light_verb_lends_its_subject(events_of):
    event = one(events_of("The Syrian army launched an assault on Aleppo."), "ASSAULT")
    assert event.trigger == "assault"
    assert event.source_actor_ids == ("syrian-arab-army",)


def test_date_in_clause_and_publication_fallback(events_of):
    events = events_of("Rebels shelled Aleppo on Monday. Turkey condemned the attack.")
    shelled = one(events, "ASSAULT", "shelled")
    assert (shelled.date, shelled.date_precision, shelled.date_from) == (
        "2016-10-17",
        "day",
        "text",
    )
    condemned = one(events, "ACCUSE")
    assert (condemned.date, condemned.date_precision) == ("2016-10-20", "week")
    assert condemned.date_from == "publication"


def test_events_dated_long_before_publication_are_historical(events_of):
    event = one(events_of("Government forces besieged Homs in 2014."), "ASSAULT")
    assert event.factuality == "historical"
    assert event.date == "2014"


def test_no_dates_without_publication(events_of):
    event = one(events_of("Turkey condemned the attack.", published=None), "ACCUSE")
    assert event.date is None and event.date_from is None


def test_empty_doc_has_no_events(nlp):
    assert find_events(nlp("")) == []


def test_lexicon_extension_adds_a_verb(tmp_path, nlp):
    extra = tmp_path / "extra.yaml"
    extra.write_text("verbs:\n  stonewall: {type: REJECT, object: content}\n")
    lexicon = EventLexicon.load([extra])
    assert lexicon.verbs["stonewall"].type == "REJECT"
    assert lexicon.version != EventLexicon.load().version
    events = find_events(nlp("The rebels stonewalled the offer."), lexicon=lexicon)
    assert [(e.type, e.trigger) for e in events][0] == ("REJECT", "stonewalled")
    assert "stonewalled" not in [
        e.trigger for e in find_events(nlp("The rebels stonewalled the offer."))
    ]


@pytest.mark.parametrize(
    "text, problem",
    [
        ("verbs:\n  rebuff: {type: SNUB}\n", "needs a PLOVER type"),
        ("verbs: [rebuff]\n", "must be a mapping"),
        ("frames:\n  hint: maybe\n", "bad factuality"),
        (": : :\n", "not YAML"),
    ],
)
def test_bad_lexicon_file_names_the_file_and_problem(tmp_path, text, problem):
    bad = tmp_path / "bad.yaml"
    bad.write_text(text)
    with pytest.raises(InputError) as caught:
        EventLexicon.load([bad])
    assert str(bad) in str(caught.value) and problem in str(caught.value)


def test_missing_lexicon_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="cannot read event words"):
        EventLexicon.load([Path(tmp_path / "absent.yaml")])


def test_cli_events_option_re_extracts(tmp_path, capsys):
    from conftest import cli_json

    from rashomon.cli import main

    article = tmp_path / "a.txt"
    article.write_text("Rebels answer Moscow\n\nRebels stonewalled the Russian offer of a truce.\n")
    db = str(tmp_path / "t.db")
    assert main(["ingest", str(article), "--db", db]) == 0
    assert not [
        e for e in cli_json(capsys, "events", "--json", "--db", db) if e["type"] == "REJECT"
    ]
    extra = tmp_path / "extra.yaml"
    extra.write_text("verbs:\n  stonewall: {type: REJECT, object: content}\n")
    assert main(["parse", "--events", str(extra), "--db", db]) == 0
    rejects = [e for e in cli_json(capsys, "events", "--json", "--db", db) if e["type"] == "REJECT"]
    assert rejects and rejects[0]["target_actor_ids"] == ["russia"]


# -- targets behind things, and who "it" is -------------------------------------------------------


def test_the_owner_of_a_rejected_demand_is_the_target(events_of):
    event = one(events_of("Turkey rejected Russia's demand to close the border."), "REJECT")
    assert event.source_actor_ids == ("turkey",)
    assert event.target_actor_ids == ("russia",)


def test_a_thing_aimed_at_someone_gives_them_as_target(events_of):
    halted = one(events_of("Turkey halted economic aid to Syria in March."), "SANCTION")
    assert halted.source_actor_ids == ("turkey",)
    assert halted.target_actor_ids == ("syria",)  # "aid to Syria": Syria, not the aid
    offer = one(events_of("Jordan rejected a fresh offer from Iran."), "REJECT")
    assert offer.target_actor_ids == ("iran",)


def test_an_embedded_clause_lends_its_target(events_of):
    event = one(events_of("Iran threatened to cut off electricity to Iraq."), "THREATEN")
    assert event.source_actor_ids == ("iran",)
    assert event.target_actor_ids == ("iraq",)


def test_a_thing_is_never_the_target(events_of):
    event = one(events_of("Protesters blocked roads in Damascus on Sunday."), "PROTEST")
    assert event.targets == ()  # the roads are where, not whom


def test_it_under_a_speech_verb_is_the_speaker(events_of):
    event = one(events_of("Turkey said on Tuesday it had halted aid to Syria."), "SANCTION")
    assert event.source_actor_ids == ("turkey",)
    assert event.sources[0].text == "it"


def test_willing_to_lends_the_subject(events_of):
    event = one(events_of("Turkey is willing to send troops to Syria."), "AID")
    assert event.source_actor_ids == ("turkey",)


def test_stance_in_the_passive_keeps_the_holder_as_source(events_of):
    event = one(events_of("Israel is opposed to French mediation in the talks."), "REJECT")
    assert event.source_actor_ids == ("israel",)
    assert event.target_actor_ids == ("france",)


def test_no_actor_acts_on_itself(events_of):
    events = events_of(
        "Government forces surrounded the fighters. Last month, government forces "
        "encircled them and then launched an all-out assault."
    )
    for event in events:
        assert not set(event.source_actor_ids) & set(event.target_actor_ids), event


def test_nationality_of_rebels_is_not_the_state(events_of):
    event = one(events_of("Turkey backs the Syrian anti-government fighters."), "SUPPORT")
    assert event.source_actor_ids == ("turkey",)
    assert "syria" not in event.target_actor_ids


def test_a_question_put_by_a_reporter_is_not_a_request(events_of):
    events = events_of('"I will not talk to my killer," Haj Ali told Reuters when asked about it.')
    assert not [e for e in events if e.type == "REQUEST"]
    asked = events_of("Turkey asked Russia to stop the air strikes.")
    assert one(asked, "REQUEST").source_actor_ids == ("turkey",)


def test_a_country_the_dictionary_lacks_still_acts(nlp, extractor):
    found = extractor.extract("t", nlp("Japan halted economic aid to Syria in March."), None)
    (event,) = [e for e, _, _ in found.events if e.type == "SANCTION"]
    assert event.source_actor_ids == ("state:jpn",)
    actors = {actor.id: (actor, origin) for actor, origin in found.actors}
    japan, origin = actors["state:jpn"]  # stored with the article, so the event can be named
    assert (japan.name, japan.kind.value, japan.country, origin) == (
        "Japan", "state", "JPN", "gazetteer",
    )  # fmt: skip


def test_a_speech_type_must_be_a_plover_type(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("verbs:\n  grumble: {type: PROTEST, speech: MOAN}\n")
    with pytest.raises(InputError, match="speech must be a PLOVER type"):
        EventLexicon.load([bad])


def test_an_attack_noun_takes_the_date_of_the_verb_it_is_the_subject_of(events_of):
    events = events_of("The airstrike targeted the town on Monday, killing 12 civilians.")
    for trigger in ("airstrike", "killing"):
        assert one(events, "ASSAULT", trigger).date == "2016-10-17", trigger


def test_a_date_inside_another_events_noun_is_that_events_only(nlp):
    # as the small model parses a long sentence of this shape, the attack is the object of
    # "showed", whose subject is the killing: the date's path up the parse passes the
    # attack's noun, so it dates the attack alone
    words = ["The", "killing", "showed", "the", "cost", "of", "the", "Oct.", "7", "attack", "."]
    heads = [1, 2, 2, 4, 2, 4, 9, 9, 7, 2, 2]
    deps = ["det", "nsubj", "ROOT", "det", "dobj", "prep", "det", "nmod", "nummod", "dobj",
            "punct"]  # fmt: skip
    pos = ["DET", "NOUN", "VERB", "DET", "NOUN", "ADP", "DET", "PROPN", "NUM", "NOUN", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    oct7 = doc[7:9]
    date = DateMention(oct7.start_char, oct7.end_char, oct7.text, "2023-10-07", "day")
    killing, attack = (Trigger(doc[i], doc[i].idx, doc[i].idx + len(doc[i]),
                               EventSense("ASSAULT"), None) for i in (1, 9))  # fmt: skip
    published = PublicationDate("2024-06-09", DatePrecision.DAY, FoundIn.USER)
    when = EventDates(doc, [date], published, [killing, attack])
    assert when.for_trigger(attack)[0] == "2023-10-07"
    assert when.for_trigger(killing) == ("2024-06-09", "week", "publication")
    unaware = EventDates(doc, [date], published)  # without the attack's noun known
    assert unaware.for_trigger(killing)[0] == "2023-10-07"


def test_a_date_of_saying_is_not_the_attacks(events_of):
    events = events_of("The attack was deliberate, the minister said on Monday.")
    assert one(events, "ASSAULT", "attack").date_from == "publication"
    denied = events_of(
        "The army on Thursday dismissed the allegation, saying civilians were not targeted."
    )
    assert one(denied, "ASSAULT", "targeted").date_from == "publication"
    # a participle that goes on with the act keeps its day
    hit = events_of("The army hit the troops on Monday, killing 62.")
    assert one(hit, "ASSAULT", "killing").date_from == "text"


def test_an_attack_noun_takes_the_day_of_the_relative_clause_that_tells_it(events_of):
    text = ("After two months of inquiries into the airstrikes that destroyed the hospital on "
            "Oct. 3, 2015, the charity announced its toll today.")  # fmt: skip
    events = events_of(text)
    assert one(events, "ASSAULT", "airstrikes").date == "2015-10-03"
    assert one(events, "ASSAULT", "airstrikes").date_from == "text"


def test_a_hedged_claim_says_what_the_attack_was(events_of):
    events = events_of("The mayor claimed without evidence that the shelling was deliberate.")
    assert one(events, "ACCUSE", "deliberate").sources[0].text == "The mayor"


def test_the_day_a_run_of_attacks_began_is_the_day_of_none_of_them(events_of):
    events = events_of("Since August 10, the army has been launching missile attacks on Aleppo.")
    assert one(events, "ASSAULT", "attacks").date_from == "publication"
    days = events_of("Since Monday, the army has been launching missile attacks on Aleppo.")
    assert one(days, "ASSAULT", "attacks").date_from == "text"  # days ago: about when
    on_the_day = events_of("The army launched missile attacks on Aleppo on Monday.")
    assert one(on_the_day, "ASSAULT", "attacks").date_from == "text"


def test_coordinated_verbs_share_their_date(events_of):
    events = events_of("A missile fell on the village on Monday and killed two people.")
    assert one(events, "ASSAULT", "killed").date == "2016-10-17"
    # each with a day of its own keeps its own
    apart = events_of("Rebels shelled the base on Monday and the army bombed Aleppo on Tuesday.")
    assert one(apart, "ASSAULT", "bombed").date == "2016-10-18"


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("Peskov said the collapse was caused by Kiev's interceptor missile.",
         "ukrainian-government"),
        ("The building collapsed because of a Ukrainian interceptor missile, Peskov said.",
         "ukraine"),
        ("Police said it was a Ukrainian air defense missile.", "ukraine"),
        ("The cause of the collapse was Kiev's interceptor missile, Peskov said.",
         "ukrainian-government"),
        ("Ukraine's HIMARS struck the prison, the ministry said.", "ukraine"),
        ("The fire was sparked by a Ukrainian air defence missile, the ministry said.",
         "ukraine"),
    ],
)  # fmt: skip
def test_a_weapon_blamed_with_its_owner_is_an_attack_by_the_owner(events_of, text, owner):
    attack = one(events_of(text), "ASSAULT")
    assert attack.source_actor_ids == (owner,)


@pytest.mark.parametrize(
    "text",
    ["The army said the explosion resulted from a Hamas rocket that misfired.",
     "The army said the blast stemmed from a Hamas rocket."],
)  # fmt: skip
def test_a_harm_that_resulted_from_a_groups_weapon_is_that_groups_attack(events_of, text):
    assert one(events_of(text), "ASSAULT", "rocket").source_actor_ids == ("hamas",)
    assert one(events_of(text), "ACCUSE").target_actor_ids == ("hamas",)


def test_a_weapon_named_but_not_blamed_is_no_attack(events_of):
    for text in ("The government said a shortage of Ukrainian missiles was the problem.",
                 "Kiev's missiles were stored in the depot.",
                 "The delay resulted from a Hamas rocket shortage."):  # fmt: skip
        assert not [e for e in events_of(text) if e.type == "ASSAULT"], text


def test_the_use_of_chemical_weapons_is_an_attack_by_its_owner(events_of):
    event = one(events_of("Assad's use of chemical weapons was detected."), "ASSAULT")
    assert event.mode == "unconventional"
    assert event.source_actor_ids == ("bashar-al-assad",)
    passive = one(events_of("Autopsies showed that chemical weapons were used."), "ASSAULT")
    assert passive.mode == "unconventional"
    assert not [e for e in events_of("The use of force was discussed.") if e.type == "ASSAULT"]


def test_warning_someone_or_that_something_follows_is_a_threat(events_of):
    warned = one(events_of("Turkey warned Russia against entering the town."), "THREATEN")
    assert warned.source_actor_ids == ("turkey",)
    assert warned.target_actor_ids == ("russia",)
    one(events_of("Turkey warned that it would respond to any attack."), "THREATEN", "warn")
    gloomy = events_of("The United Nations warned of a humanitarian catastrophe in Aleppo.")
    assert not [e for e in gloomy if e.type == "THREATEN"]  # a gloomy comment, not a threat


def test_retaliation_a_speaker_foretells_is_a_threat(events_of):
    threat = one(events_of("Iran said Israel would pay a heavy price for the strike."), "THREATEN")
    assert (threat.source_actor_ids, threat.target_actor_ids) == (("iran",), ("israel",))
    quoted = one(events_of('"Big price to pay," Trump tweeted.'), "THREATEN", "price")
    assert quoted.source_actor_ids == ("donald-trump",)
    for text in (
        "Civilians paid a heavy price for the war, the agency said.",  # what was, not will be
        "The UN said it would scale up its humanitarian response.",  # no force in it
        '"There will be no revenge," the commander said.',
    ):
        assert not [e for e in events_of(text) if e.type == "THREATEN"], text


def test_warning_of_retaliation_to_come_is_a_threat(events_of):
    threat = one(
        events_of("Turkey warned that Russia would face serious consequences."), "THREATEN"
    )
    assert (threat.source_actor_ids, threat.target_actor_ids) == (("turkey",), ("russia",))
    one(events_of("Iran warned there would be grave consequences."), "THREATEN")
    one(events_of("Iran warned of a strong response to any strike."), "THREATEN", "warn")
    for text in (
        "Iran warned that there would be serious floods.",  # no retaliation in it
        "Iran warned that Israel would not face consequences.",  # a negated clause
    ):
        assert not [e for e in events_of(text) if e.type == "THREATEN"], text


def test_saying_what_another_must_do_is_a_request_of_them(events_of):
    events = events_of("Turkey said on Monday that Russia must withdraw its troops from Syria.")
    request = one(events, "REQUEST", "said")
    assert request.source_actor_ids == ("turkey",)
    assert request.target_actor_ids == ("russia",)
    assert one(events, "RETREAT", "withdraw").factuality == "demanded"  # the act stays


def test_insisting_that_a_thing_be_done_requests_it(events_of):
    events = events_of("Kerry insisted that all aircraft in northern Syria be grounded.")
    assert one(events, "REQUEST", "insisted").source_actor_ids == ("john-kerry",)
    # insisting on a fact requests nothing
    events = events_of("Kerry insisted that the convoy was hit from the air.")
    assert not [e for e in events if e.type == "REQUEST"]


def test_saying_what_oneself_must_do_is_no_request(events_of):
    events = events_of("The minister said we must stay calm.")
    assert not [e for e in events if e.type == "REQUEST"]


def test_an_event_aimed_at_no_one_targets_the_place_it_happens_in(events_of):
    event = one(events_of("The army imposed a curfew in Aleppo on Monday."), "COERCE")
    assert [a.text for a in event.targets] == ["Aleppo"]
    assert event.place_id is not None  # still the event's place as well


def test_a_named_target_is_not_replaced_by_the_place(events_of):
    event = one(events_of("Rebels attacked government troops in Aleppo."), "ASSAULT")
    assert [a.text for a in event.targets] == ["government troops"]


def test_an_adverb_gives_the_mode(events_of):
    event = one(events_of("Prison guards sexually abused the detainees."), "ASSAULT", "abused")
    assert event.mode == "sexual"


def test_strengthening_forces_mobilizes_but_strengthening_ties_does_not(events_of):
    event = one(events_of("Turkey has strengthened its forces on the border."), "MOBILIZE")
    assert event.mode == "troops"
    assert event.source_actor_ids == ("turkey",)
    assert not [e for e in events_of("Turkey has strengthened its ties with Qatar.")
                if e.type == "MOBILIZE"]  # fmt: skip


def test_sharing_know_how_cooperates_but_sharing_a_border_does_not(events_of):
    event = one(events_of("Iran has been sharing expertise with Hezbollah."), "COOPERATE")
    assert event.source_actor_ids == ("iran",)
    assert not [e for e in events_of("Syria shares a long border with Turkey.")
                if e.type == "COOPERATE"]  # fmt: skip


def test_returning_seized_goods_releases_and_returning_fire_attacks(events_of):
    assert one(events_of("The rebels returned the seized trucks."), "RETREAT").mode == "release"
    fire = one(events_of("The soldiers returned fire on the gunmen."), "ASSAULT")
    assert fire.mode == "firearms"


def test_pushing_for_is_a_request(events_of):
    event = one(events_of("Britain is pushing for new talks on Syria."), "REQUEST")
    assert event.source_actor_ids == ("united-kingdom",)


def test_a_light_verb_that_tightens_lends_its_subject(events_of):
    event = one(events_of("Israel tightened the blockade of Gaza on Monday."), "COERCE")
    assert event.source_actor_ids == ("israel",)


def test_on_a_visit_the_visitor_is_the_source(events_of):
    event = one(events_of("Vladimir Putin arrived in Tehran on a surprise visit."), "CONSULT")
    assert event.source_actor_ids == ("vladimir-putin",)
    assert [a.text for a in event.targets] == ["Tehran"]


def test_a_demand_of_the_us_is_not_read_as_we(events_of):
    request = one(events_of("Egypt said the US must stop the settlements."), "REQUEST", "said")
    assert request.target_actor_ids == ("united-states",)


def test_a_protest_is_against_whom_its_purpose_clause_names(events_of):
    events = events_of("Hundreds of refugees began a hunger strike to protest Greece's decision.")
    strike = one(events, "PROTEST", "hunger strike")
    assert [a.text for a in strike.targets] == ["Greece"]


def test_a_threat_presses_the_subject_of_its_condition(events_of):
    events = events_of("The union threatened to strike unless the government raised wages.")
    threat = one(events, "THREATEN")
    assert [a.text for a in threat.targets] == ["the government"]


def test_a_weapon_fired_at_someone_targets_them(events_of):
    events = events_of("Syrian troops fired artillery and rocket fire against rebel camps.")
    fired = one(events, "ASSAULT", "fired")
    assert [a.text for a in fired.targets] == ["rebel camps"]


def test_an_argument_keeps_the_of_phrase_that_names_its_side(events_of):
    event = one(events_of("Leaders of the Kurdish National Council agreed to meet."), "AGREE")
    assert [a.text for a in event.sources] == ["Leaders of the Kurdish National Council"]
    held = one(events_of("Police arrested residents of Aleppo."), "COERCE")
    assert [a.text for a in held.targets] == ["residents"]  # a place stays the scene


def test_restoring_ties_supports_and_severing_relations_sanctions(events_of):
    event = one(events_of("Turkey restored diplomatic ties with Israel."), "SUPPORT")
    assert event.target_actor_ids == ("israel",)
    one(events_of("Saudi Arabia severed relations with Iran."), "SANCTION")


def test_allowing_others_in_is_access_and_refusing_it_is_rejection(events_of):
    event = one(events_of("Syria allowed the inspectors to visit the site."), "RETREAT")
    assert event.mode == "access"
    assert event.source_actor_ids == ("syria",)
    refused = one(events_of("Israel will not allow the monitors to enter Gaza."), "RETREAT")
    assert refused.factuality == "negated"


def test_a_state_of_siege_is_martial_law_not_an_attack(events_of):
    events = events_of("The army declared a state of siege in the capital.")
    event = one(events, "COERCE", "state of siege")
    assert event.mode == "martial-law"
    assert not [e for e in events if e.type == "ASSAULT"]


def test_a_shell_noun_reports_its_modifier_event(events_of):
    events = events_of("The envoy undertook a mediation mission between Sudan and Chad.")
    event = one(events, "CONSULT", "mediation mission")
    assert event.mode == "mediated"
    assert {a.text for a in event.targets} == {"Sudan", "Chad"}


def test_a_phrase_reads_through_the_objects_modifier(events_of):
    events = events_of("Both sides violated the ceasefire agreement on Sunday.")
    one(events, "ASSAULT", "violated")


def test_blowing_something_up_is_an_attack_with_explosives(events_of):
    event = one(events_of("Azov fighters blew up the drama theater."), "ASSAULT", "blew up")
    assert event.mode == "explosives"
    assert [a.actor_id for a in event.sources] == ["azov-regiment"]
    one(events_of("The bridge was blown up on Monday."), "ASSAULT", "blown up")
    one(events_of("A suicide bomber blew himself up at the checkpoint."), "ASSAULT", "blew")
    # nothing blown up: a row that grew
    assert [e.type for e in events_of("The row blew up into a crisis.")] == []


def test_downing_or_shooting_down_an_aircraft_is_an_attack_by_its_subject(events_of):
    event = one(events_of("Turkey downed the Russian bomber near the border."), "ASSAULT", "downed")
    assert [a.actor_id for a in event.sources] == ["turkey"]
    event = one(events_of("Turkish jets shot down a Russian warplane."), "ASSAULT", "shot down")
    assert event.mode == "aerial"  # the jets' (no shooting with firearms)
    assert events_of("The workers downed tools on Monday.") == []


def test_a_bomb_dropped_by_a_state_is_an_air_strike(events_of):
    # "drop" needs a mode: a plane or a barrel bomb gives one, and so does the bomb itself
    event = one(events_of("Russia has dropped a 'highly explosive' bomb on a theatre."),
                "ASSAULT", "dropped")  # fmt: skip
    assert (event.mode, [a.actor_id for a in event.sources]) == ("aerial", ["russia"])
    assert events_of("The government dropped the charges against him.") == []


def test_a_weapon_that_fell_on_a_place_struck_it(events_of):
    """ "A missile fell onto a grain silo": a strike told by its weapon's fall; a town that
    fell, or an aircraft that fell or landed, is none."""
    event = one(events_of("A missile fell onto a grain silo in the village."), "ASSAULT", "fell")
    assert event.mode == "heavy-weapons"
    one(events_of("Two mortar shells fell near the school."), "ASSAULT", "fell")
    for calm in (
        "Aleppo fell to government forces in December.",
        "Oil prices fell sharply.",
        "A Russian jet fell near the border.",
        "The plane landed in Damascus.",
    ):
        assert [e.type for e in events_of(calm) if e.type == "ASSAULT"] == [], calm


def test_an_explosion_caused_by_a_weapon_takes_the_weapons_mode(events_of):
    """ "The explosion was caused by a Ukrainian air defence missile": what set it off says
    how it came; an explosion the text gives no cause for stays a bomb's."""
    caused = events_of("The explosion was likely caused by a Ukrainian air defence missile.")
    assert one(caused, "ASSAULT", "explosion").mode == "aerial"
    assert one(events_of("An explosion at a market killed 12 people."), "ASSAULT",
               "explosion").mode == "explosives"  # fmt: skip


def test_holding_a_party_responsible_accuses_it(events_of):
    """ "holds Russia responsible": the parse makes "Russia responsible" a small clause."""
    events = events_of("The US holds Russia responsible for the strike.")
    assert one(events, "ACCUSE", "responsible").target_actor_ids == ("russia",)
    events = events_of("We hold the Russian government responsible for airstrikes.")
    one(events, "ACCUSE", "responsible")
    assert [e.type for e in events_of("She held the door open for him.")] == []


def test_talks_or_a_deal_made_in_a_city_are_not_aimed_at_it(events_of):
    events = events_of("Russia and Turkey held talks in Geneva on Monday.")
    assert one(events, "CONSULT", "talks").targets == ()


def test_the_town_of_x_is_a_place_not_a_side(events_of):
    events = events_of("Warplanes struck the town of Kafr Zita.")
    event = one(events, "ASSAULT", "struck")
    assert all("Kafr Zita" not in a.text for a in event.targets)


@pytest.mark.parametrize(
    "text",
    [
        "The ministry did not release any statement on the matter.",
        "A video released by the army showed the border post.",
        "The release of the report angered the opposition.",
        "Hundreds of families had to seek shelter in schools.",
        "The vote will send a strong signal to Tehran.",
        "Guests walked out of the hotel after the alarm.",
    ],
)
def test_an_object_of_another_sense_makes_no_event(events_of, text):
    assert [(e.type, e.trigger) for e in events_of(text)] == []


@pytest.mark.parametrize(
    "text",
    [
        "Rebels shelled the market, leaving at least 22 dead on Saturday.",
        "The army's air strike left 10 people dead and dozens wounded.",
        "Militants attacked the checkpoint, leaving dozens dead.",
    ],
)
def test_what_an_attack_left_behind_is_no_withdrawal(events_of, text):
    assert "RETREAT" not in [e.type for e in events_of(text)]


def test_the_event_senses_keep_their_own_objects(events_of):
    one(events_of("Government troops left the town on Monday."), "RETREAT", "left")
    one(events_of("The rebels released twelve hostages on Friday."), "RETREAT", "released")
    one(events_of("The delegation walked out of the peace talks."), "REJECT", "walked out")
    one(events_of("Jordan will send troops to the border."), "AID", "send")


def test_a_question_reports_no_event(events_of):
    assert events_of("Who is bombing whom in Yemen?") == []
    one(events_of("Rebels shelled the town on Monday."), "ASSAULT", "shelled")


def test_lexicon_word_sets_agree_with_a_scan_of_its_nouns():
    """`ends_a_noun` and `of_heads` (precomputed so a token's lookups do not scan every
    noun) say what a scan of the nouns says."""
    sense = EventSense("ASSAULT")
    lexicon = EventLexicon({}, {}, {"air strike": sense, "state of siege": sense, "raid": sense})
    for word in ("strike", "raid", "siege", "air", "air strike", "ir strike", "trike", ""):
        scanned = any(key.endswith(f" {word}") for key in lexicon.nouns)
        assert lexicon.ends_a_noun(word) is scanned, word
    assert lexicon.of_heads == {"state"}


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Airstrikes Hit The Town Of Douma.", "Airstrikes"),  # a capitalised plural
        ("They declared a state of emergency in the city.", "state of emergency"),
        ("Who is bombing the town? Jets bombed the town on Friday.", "bombed"),
    ],
)
def test_event_words_found_after_the_lookup_shortcuts(nlp, text, trigger):
    """Plural nouns the tagger took for names, "X of Y" nouns and the sentences after a
    question are read as before the lookups were made cheaper."""
    events = find_events(nlp(text))
    assert trigger in [e.trigger for e in events]


def test_the_place_before_in_is_the_scene_when_the_next_one_holds_it(events_of):
    # the parser hangs "in Donetsk" on the verb; the phrase says where the station is
    events = events_of(
        "Nine people were killed in the attack, which targeted a railway station in "
        "Kramatorsk town in Donetsk, officials said."
    )
    event = one(events, "ASSAULT", "attack")
    assert event.place_id == "geonames:704508"  # Kramatorsk, not the city of Donetsk


@pytest.mark.parametrize(
    ("text", "type_", "trigger", "target"),
    [
        # idioms of blame and refusal the press uses beside "accused" and "rejected"
        ("The opposition pointed the finger at Russia.", "ACCUSE", "pointed the finger", "russia"),
        ("Israel pinned the blame on Hezbollah.", "ACCUSE", "pinned the blame", "hezbollah"),
        ("The monitor laid the blame on Russia.", "ACCUSE", "laid the blame", "russia"),
        ("Turkey expressed outrage over the attack.", "ACCUSE", "expressed outrage", None),
        ("The Syrian army ruled out any involvement.", "REJECT", "ruled out", None),
    ],
)
def test_idioms_of_blame_and_refusal(events_of, text, type_, trigger, target):
    event = one(events_of(text), type_, trigger)
    if target is not None:
        assert target in event.target_actor_ids


def test_a_group_a_nationality_qualifies_is_not_the_group_named_nearby(events_of):
    text = (
        "The bus was bombed by the Western coalition in the village. "
        "Houthi fighters said the strike killed 40 children."
    )
    event = one(events_of(text), "ASSAULT", "bombed")
    assert "houthis" not in event.source_actor_ids  # not the Houthis named next
    bare = one(events_of(text.replace("the Western coalition", "the group")), "ASSAULT", "bombed")
    assert bare.source_actor_ids == ("houthis",)  # an unqualified "the group" is
