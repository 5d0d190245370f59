"""What a speaker says an attack was: ACCUSE, CONCEDE or REJECT by the speaker.

Through the real pipeline and extractor, on sentences of our own shaped like wire copy: a
stance word counts where a speaker says it (a reported clause, a tag after the clause, a
direct quote, a naming verb), never in the writer's own words or under a negated speech
verb; a negated stance word turns over. An attack told in someone's quote is a statement too
(extract/events/reported.py): it accuses its doer when the doer is another side, is denied
when the speaker negates it or says its means were absent, and a weapon or a pronoun is no
doer to accuse. A speaker who names an attack's means as another side's accuses that side
(extract/events/whose_means.py).
"""

from unittest.mock import ANY

import pytest

from rashomon.entities import EntityExtractor
from rashomon.model import DatePrecision, FoundIn, PublicationDate
from rashomon.nlp import load_pipeline
from rashomon.settings import Settings

PUBLISHED = PublicationDate("2016-09-20", DatePrecision.DAY, FoundIn.USER)
STATEMENTS = ("ACCUSE", "CONCEDE", "REJECT")


@pytest.fixture(scope="module")
def extracted():
    """The events of a text, as the extractor finds them."""
    nlp = load_pipeline(Settings().model)
    extractor = EntityExtractor.build(nlp)

    def run(text: str, published: PublicationDate = PUBLISHED) -> list:
        return [e for e, _, _ in extractor.extract("t", nlp(text), published).events]

    return run


@pytest.fixture(scope="module")
def statements():
    nlp = load_pipeline(Settings().model)
    extractor = EntityExtractor.build(nlp)

    def run(text: str, targets: bool = False) -> list[tuple[str, str, tuple[str | None, ...]]]:
        found = extractor.extract("t", nlp(text), PUBLISHED)
        return [
            (e.type, e.trigger, e.target_actor_ids if targets else e.source_actor_ids)
            for e, _, _ in found.events
            if e.type in STATEMENTS
        ]

    return run


def test_a_strike_said_to_be_intentional_accuses(statements):
    found = statements('Damascus believed the US airstrike near the airport was "intentional."')
    assert [(t, w) for t, w, _ in found] == [("ACCUSE", "intentional")]
    assert found[0][2] == ("syrian-government",)


@pytest.mark.parametrize(
    ("text", "coded"),
    [
        # a mistake concedes, in a reported clause or its manner
        ("The Pentagon said the airstrike on the army was a mistake.", ("CONCEDE", "mistake")),
        ("The Pentagon has said the attack was carried out mistakenly.", ("CONCEDE", "mistakenly")),
        # a tag after the clause reports the clause
        (
            "Human error was the cause of the airstrike that killed Syrian troops, "
            "U.S. Central Command officials said on Tuesday.",
            ("CONCEDE", "error"),
        ),
        # a negated stance word turns over
        ("The army said the airstrike on its positions was not a mistake.", ("ACCUSE", "mistake")),
        ("The ministry said it bears no responsibility for the shelling.", ("REJECT", "responsibility")),
        # holding someone responsible accuses, with no attack named
        ("The State Department said Russia ultimately bears responsibility.", ("ACCUSE", "responsibility")),
        ("The regime must be held accountable, the spokesman said.", ("ACCUSE", "accountable")),
        ("Kyrylenko said the occupiers must be punished for all their crimes.", ("ACCUSE", "punished")),
        # naming and admitting verbs
        ("The envoy called the attack on the convoy an outrage.", ("ACCUSE", "outrage")),
        ("Denmark confirmed its air force's participation in the airstrikes.", ("CONCEDE", "participation")),
        # a deed called by a condemning word condemns it
        ("Romal called it a brutal act.", ("ACCUSE", "act")),
        ("The minister said the attack on the convoy was horrific.", ("ACCUSE", "horrific")),
        # owning the harm, the act in one's own words, or an admission of it concedes it
        ("Myanmar's military said it carried out the deadly attack on the village.", ("CONCEDE", "carried")),
        ("The U.S. military has acknowledged three civilian casualties from the strike.", ("CONCEDE", "acknowledged")),
        ("Amnesty welcomed the US military's admission that it killed 10 people in the strike.", ("CONCEDE", "admission")),
    ],
)  # fmt: skip
def test_statements_of_what_an_attack_was(statements, text, coded):
    assert [(t, w) for t, w, _ in statements(text)] == [coded]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The Pentagon did not deny that its drone strike killed civilians.", "deny"),
        ("The Pentagon is not in a position to dispute accounts of nine people killed.", "dispute"),
    ],
)
def test_a_side_that_will_not_deny_an_attack_concedes_it(statements, text, word):
    assert ("CONCEDE", word, ("us-defense-department",)) in statements(text)
    # no account of an attack: nothing conceded
    assert "CONCEDE" not in {t for t, _, _ in statements("Russia did not deny the talks.")}


def test_reports_called_untrue_are_rejected(statements):
    found = statements("The president says reports of a chemical attack were a fabrication.")
    assert ("REJECT", "fabrication") in [(t, w) for t, w, _ in found]


def test_the_accused_is_who_is_held_responsible_or_the_attacks_doer(statements):
    found = statements("The State Department said Russia bears responsibility.", targets=True)
    assert found == [("ACCUSE", "responsibility", ("russia",))]
    found = statements("Activists have held Damascus responsible.", targets=True)
    assert found == [("ACCUSE", "responsible", ("syrian-government",))]
    found = statements(
        "The spokesman says Damascus holds the Nusra Front responsible for the clashes.",
        targets=True,
    )  # the holder is the spokesman's side; who is held to blame is the object
    assert found == [("ACCUSE", "responsible", ("jabhat-fateh-al-sham",))]
    found = statements(
        "The Syrian army was held responsible for the killings, according to the report.",
        targets=True,
    )  # a passive holding to blame needs no speaker in the clause
    assert found == [("ACCUSE", "responsible", ("syrian-arab-army",))]
    found = statements(
        '"It was a deliberate attack by Russian jets," the rebels said.', targets=True
    )
    assert found == [("ACCUSE", "deliberate", ("russia",))]


def test_a_stance_word_in_a_direct_quote_is_the_speakers(statements):
    found = statements('"It was a premeditated attack by the American forces," Assad said.')
    assert [(t, w) for t, w, _ in found] == [("ACCUSE", "premeditated")]
    assert found[0][2] == ("bashar-al-assad",)


def test_the_writers_own_words_and_unsaid_things_are_no_statement(statements):
    assert statements("The deliberate attack on the market killed 20 people.") == []
    assert (
        statements(
            "State media confirmed a plane had been shot down, but did not say who was responsible."
        )
        == []
    )
    assert statements("The monitor said the airstrike killed 20 people in the town.") == []
    assert statements("The mayor called it a brutal winter for the town.") == []  # no deed
    assert statements("Rebels said the army carried out the attack.") == []  # another's deed
    assert statements("He said the soldiers were not punished.") == []  # no blame either way
    assert statements("Syria said it will punish the terrorists.") == []  # the punisher


# -- attacks told in a speaker's quote (extract/events/reported.py) ---------------------------


def types(found):
    return [t for t, _, _ in found]


def test_a_claimed_attack_accuses_its_doer(statements):
    text = (
        "The Syrian opposition claimed that forces loyal to President Bashar al-Assad had "
        "used chemical gas on the town."
    )
    assert [ids for t, _, ids in statements(text) if t == "ACCUSE"] == [("syrian-opposition",)]
    assert [ids for t, _, ids in statements(text, targets=True) if t == "ACCUSE"] == [
        ("syrian-government",)
    ]


def test_an_attack_denied_in_a_quote_is_rejected_by_the_speaker(statements):
    found = statements(
        '"Our aircraft did not attack the convoy," Russian Foreign Minister Sergei Lavrov said.'
    )
    assert [(t, ids) for t, _, ids in found] == [("REJECT", ("sergei-lavrov",))]
    # the army's own word for a strike: "firing missions"
    found = statements(
        '"On April 8, the Russian armed forces did not have any firing missions in the city,"'
        " the Russian Defense Ministry said."
    )
    assert [(t, w) for t, w, _ in found] == [("REJECT", "firing missions")]
    found = statements('"No combat tasks were set for today in Kramatorsk," Peskov told reporters.')
    assert [(t, w) for t, w, _ in found] == [("REJECT", "combat tasks")]


def test_an_attack_told_as_failing_to_kill_its_target_is_no_denial(statements):
    text = "Hamas said an Israeli airstrike had failed to kill its intended target, Mohammed Deif."
    assert "REJECT" not in types(statements(text))


@pytest.mark.parametrize(
    ("text", "concedes"),
    [
        ("Russia's defence ministry said 63 Russian servicemen were killed in a Ukrainian strike.", True),
        ("Russia's defence ministry said 89 servicemen were killed in the Ukrainian attack.", True),
        ("Russia said 63 of its troops were killed in a strike on the city.", True),
        ("Ukraine's military said 400 Russian soldiers were killed in the strike.", False),
        ("Syria's health ministry said 20 Syrian civilians were killed in an Israeli strike.", False),
        ("The Israeli military said it killed 20 fighters in the strike.", False),
        ("The Syrian Observatory said 12 soldiers were killed in the rebel attack.", False),
        ("Russia's defence ministry said 20 fighters were killed in the Ukrainian attack.", False),
    ],
)  # fmt: skip
def test_a_side_telling_its_own_armed_dead_concedes_its_losses(statements, text, concedes):
    """A side that tells of its own soldiers killed admits its losses (CONCEDE), whoever it
    says struck; the enemy's dead, its own civilians, its own deed and a monitor's count
    concede nothing."""
    assert ("CONCEDE" in types(statements(text))) == concedes


def test_no_evidence_of_an_attack_denies_it(statements):
    text = (
        "Lavrov said that no evidence has been found that the Syrian government carried out "
        "a chemical attack."
    )
    assert types(statements(text)) == ["REJECT"]


@pytest.mark.parametrize(
    "text",
    [
        "The Russian Defence Ministry said its medics found no trace of a chemical assault.",
        '"There is no evidence of an attack on the convoy," the minister said.',
        "The ministry said its medics found the absence of any trace of a chemical assault.",
        "The ministry said its medics found a lack of evidence of a chemical assault.",
    ],
)
def test_no_trace_or_evidence_of_the_act_itself_denies_it(statements, text):
    assert types(statements(text)) == ["REJECT"]
    # a trace found is no denial
    assert "REJECT" not in types(statements(
        text.replace("no trace", "a trace").replace("no evidence", "evidence")
        .replace("the absence of any trace", "a trace").replace("a lack of evidence", "evidence")
    ))  # fmt: skip


def test_the_writers_own_telling_a_weapon_or_a_pronoun_accuses_no_one(statements):
    assert statements("Russian jets bombed the convoy near Aleppo on Monday.") == []
    assert statements("The monitor said a chlorine bomb hit the hospital in Douma.") == []
    assert statements("Russian Foreign Minister Sergei Lavrov said they shelled the convoy.") == []


def test_a_denial_already_coded_is_not_doubled(statements):
    text = (
        "The Syrian military rejected the accusation, saying it did not use any chemical "
        "agents in the town."
    )
    assert types(statements(text)).count("REJECT") == 1  # ("accusation" is an ACCUSE)


@pytest.mark.parametrize(
    "text",
    [
        "Assad said his government has no chemical weapons.",
        '"None of our aircraft were in the vicinity of Aleppo," the Pentagon said.',
        "The Russian Defence Ministry said the inspection showed the absence of any traces of "
        "toxic agents.",
    ],
)
def test_saying_the_means_were_absent_denies_the_attack(statements, text):
    assert types(statements(text)) == ["REJECT"]


@pytest.mark.parametrize(
    "text",
    [
        "Lavrov said Russian aircraft did not operate in the area.",
        '"Our jets never flew over Aleppo that night," the ministry said.',
    ],
)
def test_saying_the_means_did_nothing_there_denies_the_attack(statements, text):
    assert types(statements(text)) == ["REJECT"]


def test_means_that_did_not_stop_or_in_the_writers_words_deny_nothing(statements):
    assert "REJECT" not in types(statements("The monitor said the jets did not stop bombing."))
    assert statements("Russian aircraft did not operate in the area.") == []


@pytest.mark.parametrize(
    ("text", "accused"),
    [
        (
            "The cause of the collapse was Kiev's interceptor missile, Kremlin spokesman "
            "Dmitry Peskov said.",
            "ukrainian-government",
        ),
        (
            "The Russian Defence Ministry said the Tochka-U missile system is not used in "
            "Russia but is actively used by the Ukrainian military.",
            "ukrainian-armed-forces",
        ),
        (
            "Lavrov said the debris looked like parts of S-300 missiles that are in service "
            "with Ukraine's army.",
            "ukrainian-armed-forces",
        ),
        ('"They were Israeli rockets," the source in Damascus said.', "israel"),
    ],
)
def test_naming_the_means_as_another_sides_accuses_that_side(statements, text, accused):
    assert statements(text, targets=True) == [("ACCUSE", ANY, (accused,))]


@pytest.mark.parametrize(
    "text",
    [
        "The Tochka-U missile system is actively used by the Ukrainian military.",  # no speaker
        "The Polish ministry said the missiles are not used by the Ukrainian army.",
        "The ministry said Kiev's missiles were shot down over the sea.",
        "The monitor said a Syrian military aircraft crashed near the town.",
        "France said it would push for the destruction of Syria's chemical weapons.",
        "The Ukrainian military said the S-300 missiles are in service with Ukraine's army.",
        # the doers of an attack the speaker says did not happen
        "The ministry said there was no evidence that Russian jets struck the convoy.",
        "The ministry said it was not true that Russian jets struck the convoy.",
    ],
)
def test_means_undone_denied_unspoken_or_ones_own_accuse_no_one(statements, text):
    assert "ACCUSE" not in types(statements(text))


@pytest.mark.parametrize(
    "text",
    [
        "The Kremlin called the accusations a provocation.",
        "The ministry described the reports as propaganda.",
        "Moscow said the allegations were a hoax.",
    ],
)
def test_reports_called_a_provocation_or_propaganda_are_rejected(statements, text):
    assert "REJECT" in types(statements(text))


def test_saying_one_had_nothing_to_do_with_an_attack_rejects_it(statements):
    found = statements("Moscow insisted that it had nothing to do with the attack.")
    assert types(found) == ["REJECT"]
    assert statements("The monitor said the rebels had nothing to do with the talks.") == []


def test_a_video_said_to_be_staged_is_a_report_rejected(statements):
    assert "REJECT" in types(statements("The ministry said the video was staged by rebels."))
    assert statements("The ministry said the video was long.") == []


def test_a_report_called_accurate_is_no_rejection(statements):
    assert "REJECT" not in types(statements("The ministry described the report as accurate."))


def test_an_absence_in_the_writers_words_or_of_no_means_is_no_denial(statements):
    assert statements("Investigators found no chemical weapons in the depot.") == []
    assert statements("The minister said there was no food in the town.") == []


def test_a_clause_framed_as_likely_or_suspected_is_the_speakers(statements):
    found = statements(
        "The committee said it was highly likely that the Syrian regime was responsible.",
        targets=True,
    )
    assert found == [("ACCUSE", "responsible", ("syrian-government",))]
    found = statements(
        "Ladsous said there was a strong suspicion that the Nusra Front was responsible.",
        targets=True,
    )
    assert found == [("ACCUSE", "responsible", ("jabhat-fateh-al-sham",))]
    # a frame that denies what it holds accuses no one
    assert statements("He said there was no evidence that the Nusra Front was responsible.") == []


def test_whose_work_an_act_was_is_who_is_accused(statements):
    found = statements("Damascus said it was the work of the Nusra Front.", targets=True)
    assert found == [("ACCUSE", "work", ("jabhat-fateh-al-sham",))]
    assert statements("He said it was not the work of the Nusra Front.") == []
    assert statements("The work of aid groups was praised, the minister said.") == []


def test_those_said_to_be_involved_in_an_attack_are_accused(statements):
    found = statements(
        "The ministry said the Nusra Front was involved in the massacre.", targets=True
    )
    assert found == [("ACCUSE", "involved", ("jabhat-fateh-al-sham",))]
    assert statements("Officials said 20 countries were involved in the talks.") == []


def test_a_report_called_biased_is_rejected(statements):
    found = statements("Ryabkov said the UN report was politicised, biased and one-sided.")
    assert types(found) == ["REJECT"]
    assert statements("The minister said the talks were one-sided.") == []


@pytest.mark.parametrize(
    ("text", "accused"),
    [
        ("A Hamas official said all indications pointed to Israel's responsibility.", "israel"),
        ("Officials said all the signs pointed to Hamas.", "hamas"),
    ],
)
def test_evidence_said_to_point_to_a_party_accuses_it(statements, text, accused):
    assert statements(text, targets=True) == [("ACCUSE", "pointed", (accused,))]


def test_evidence_pointing_to_a_thing_or_to_no_one_accuses_no_one(statements):
    assert statements("HRW said the evidence points to a misfired rocket.") == []
    assert statements("He said the evidence did not point to Russia.") == []
    assert statements("She pointed to Russia on the map, the officer said.") == []


def test_a_report_called_biased_in_passing_is_rejected_by_the_clauses_speaker(extracted):
    found = [
        (e.type, e.trigger, [a.text for a in e.sources])
        for e in extracted(
            "Ryabkov said Russia was disappointed with the UN report published this week, "
            "calling it \u201cpoliticised, biased and one-sided.\u201d"
        )
    ]
    assert found == [("REJECT", "politicised", ["Russia"])]
    # "it" is no report when none was named before it
    found = extracted("The minister praised the talks, calling it one-sided.")
    assert [e.type for e in found if e.type == "REJECT"] == []


def test_a_speaker_calling_an_attack_a_provocation_accuses_no_one_of_itself(extracted):
    found = [e for e in extracted("The ministry called the attack a provocation.")
             if e.type == "ACCUSE"]  # fmt: skip
    assert [(e.trigger, [a.text for a in e.sources], e.targets) for e in found] == [
        ("provocation", ["The ministry"], ())
    ]


def test_those_said_to_be_at_fault_are_accused_and_no_one_is_no_one(statements):
    found = statements("The minister said the Nusra Front may also be at fault.", targets=True)
    assert found == [("ACCUSE", "fault", ("jabhat-fateh-al-sham",))]
    # "the army" speaking is a state's army, not the armed group named after it
    found = statements("The army said the Nusra Front may also be at fault.", targets=True)
    assert found == [("ACCUSE", "fault", ("jabhat-fateh-al-sham",))]
    assert statements("He said no one was responsible.") == []
    assert statements("He said nobody was at fault.") == []


def test_claiming_responsibility_for_an_attack_concedes_it(statements):
    found = statements("The Nusra Front claimed responsibility for the bombing.")
    assert found == [("CONCEDE", "responsibility", ("jabhat-fateh-al-sham",))]
    assert statements("No group has claimed responsibility for the bombing.") == []


def test_we_in_a_defectors_words_is_the_side_he_served_on_the_articles_date(extracted):
    """Jihad Makdissi spoke for Syria's foreign ministry until he left it in December 2012;
    the dictionary has him with the opposition since."""
    text = '"We completely deny responsibility for this massacre," Jihad Makdissi said.'
    for day, side in (("2012-05-27", "syrian-foreign-ministry"), ("2016-05-27", "cairo-platform")):
        published = PublicationDate(day, DatePrecision.DAY, FoundIn.USER)
        (denial,) = [e for e in extracted(text, published) if e.type == "REJECT"]
        assert [a.actor_id for a in denial.sources] == [side], day


def test_a_hedged_assertion_is_the_speakers(statements):
    found = statements("Russia suggested the United States was responsible.", targets=True)
    assert found == [("ACCUSE", "responsible", ("united-states",))]
    assert statements("Russia suggested a ceasefire in Aleppo.") == []


def test_calling_someone_a_condemning_word_accuses_them(statements):
    found = statements("Erdogan called Assad a murderer.", targets=True)
    assert found == [("ACCUSE", "murderer", ("bashar-al-assad",))]
    assert statements("Erdogan called Assad a friend.") == []
    assert statements("Erdogan did not call Assad a murderer.") == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The army said the reports were 'completely incorrect'.", "incorrect"),
        ("The ministry called the reports fake.", "fake"),
        ("The ministry called the accusations lies.", "lies"),
        ("The army said reports that its jets bombed the market were false.", "false"),
        ("A spokesman for the army said this is completely incorrect.", "incorrect"),
    ],
)
def test_reports_or_a_claim_called_untrue_are_rejected(statements, text, word):
    """A verb of saying or naming, a report or claim (or the "this" that stands for the
    claim just told) and a word that calls it untrue: the speaker rejects it."""
    assert ("REJECT", word) in [(t, w) for t, w, _ in statements(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Rebels called the attack a massacre.",
        "The monitor said the toll was incorrect in an earlier report.",
        "The ministry said the figures in the report were correct.",
    ],
)
def test_an_attack_named_or_a_detail_called_wrong_is_no_rejection(statements, text):
    """What is called untrue must be the report itself: a report named elsewhere in the
    clause ("incorrect in an earlier report") is not."""
    assert "REJECT" not in types(statements(text))


@pytest.mark.parametrize(
    ("text", "coded"),
    [
        # a manner phrase says the act was a mistake
        ("The Pentagon said the strike had been carried out in error.", ("CONCEDE", "error")),
        ("The military said it struck the troops by accident.", ("CONCEDE", "accident")),
        # "an act of ..." is what the act is called
        ("Moscow called the strike an act of aggression.", ("ACCUSE", "aggression")),
        # so is what it was the result of, or a series of
        ("The Pentagon said the air strike was the result of human error.", ("CONCEDE", "error")),
        ("The army said the air strike was the result of a series of errors.", ("CONCEDE", "errors")),
        # an adjective after "as"
        ("The ministry described the reports as baseless.", ("REJECT", "baseless")),
        # admitting an attack as one's own concedes it, as a thing or a clause
        ("The coalition acknowledged a strike at the location.", ("CONCEDE", "acknowledged")),
        ("The army admitted that its jets had bombed the clinic.", ("CONCEDE", "admitted")),
        ("The US admitted to mistakenly attacking Syrian troops.", ("CONCEDE", "admitted")),
    ],
)  # fmt: skip
def test_manner_phrases_acts_of_and_admitted_attacks(statements, text, coded):
    assert coded in [(t, w) for t, w, _ in statements(text)]


@pytest.mark.parametrize(
    "text",
    [
        '"Our aircraft struck the depot on Monday," military spokesman Zaw Min Tun said.',
        "Russia's defence ministry said Russian forces struck the depot on Monday.",
        "The Israeli military said Israeli jets struck a Hamas command centre in the camp.",
    ],
)
def test_telling_ones_own_sides_strike_concedes_it_whatever_the_cue(statements, text):
    """A side that tells its own strike owns it (CONCEDE), though its cue is a plain "said"
    ("our aircraft", or a doer one up the speaker's affiliation chain); an unresolved
    speaker telling of an unresolved doer is no such side (see
    test_the_writers_own_words_and_unsaid_things_are_no_statement)."""
    assert "CONCEDE" in types(statements(text))


def test_a_strike_said_to_have_wrongly_hit_concedes_a_mistake(statements):
    text = "The investigators said a coalition aircraft wrongly targeted the location."
    assert ("CONCEDE", "wrongly") in [(t, w) for t, w, _ in statements(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The coalition did not acknowledge a strike at the location.",
        "The monitor acknowledged that the toll from the strike had risen.",
        "The jets struck the depot in the morning, the army said.",
    ],
)
def test_no_concession_without_an_owned_act(statements, text):
    assert "CONCEDE" not in [t for t, _, _ in statements(text)]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Zakharova slammed Kyiv's reports of a Russian air strike on the mall as fake news.",
         "fake"),
        ("Lavrov criticised the claims as baseless.", "baseless"),
        ("Moscow denounced the allegations as a provocation.", "provocation"),
    ],
)  # fmt: skip
def test_reports_a_speaker_scorns_as_untrue_are_rejected(statements, text, word):
    """A verb of scorn names what it scorns like a verb of naming: "slammed the reports as
    fake news" rejects them (the adjective on the noun after "as" says so), beside the
    scorn itself."""
    assert ("REJECT", word) in [(t, w) for t, w, _ in statements(text)]


def test_a_scorning_verb_that_already_says_it_is_not_doubled(statements):
    assert types(statements("The army dismissed the reports as propaganda.")) == ["REJECT"]
    assert types(statements("Trump slammed Assad as an animal.")) == ["ACCUSE"]
    assert "REJECT" not in types(statements("The ministry slammed the decision to close it."))


def test_slamming_a_raid_accuses(statements):
    found = statements("Damascus slammed the raid as a flagrant violation of its sovereignty.")
    assert ("ACCUSE", "slammed") in [(t, w) for t, w, _ in found]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The ministry said the raids amounted to war crimes.", "crimes"),
        ("Moscow said the raids were tantamount to a massacre.", "massacre"),
        ("Moscow said the raids fall between criminal negligence and open support for terror.", "criminal"),
        ("The ministry said the attack was a blatant violation of international law.", "violation"),
    ],
)  # fmt: skip
def test_what_an_attack_amounts_to_accuses(statements, word, text):
    assert ("ACCUSE", word) in [(t, w) for t, w, _ in statements(text)]


def test_a_subject_hung_on_the_speech_verb_is_the_clauses(statements):
    text = (
        'Moscow said the raids "if they, as we hope, were not taken on orders from the capital '
        "— fall between criminal negligence and direct help to the militants."
    )
    assert "ACCUSE" in [t for t, _, _ in statements(text)]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The allegations were confirmed to be incorrect after a review, the spokesman said.", "incorrect"),
        ("The ministry said the claims turned out to be false.", "false"),
        ("The spokesman said the reports reflect a misleading approach.", "misleading"),
    ],
)  # fmt: skip
def test_reports_found_untrue_through_a_linking_verb_are_rejected(statements, text, word):
    assert ("REJECT", word) in [(t, w) for t, w, _ in statements(text)]


def test_a_report_said_to_hold_no_truth_is_rejected(statements):
    found = statements("The agency said there was no truth to the allegations that gas was used.")
    assert ("REJECT", "truth") in [(t, w) for t, w, _ in found]
    assert ("REJECT", "basis") in [
        (t, w) for t, w, _ in statements("The ministry said the reports had no basis.")
    ]
    assert "REJECT" not in [
        t for t, _, _ in statements("The minister said there was no basis for talks.")
    ]


def test_a_speaker_telling_that_planes_of_no_named_side_attacked_accuses(statements):
    found = statements(
        "Russia's defence ministry said coalition planes had killed 62 Syrian soldiers."
    )
    assert ("ACCUSE", "killed") in [(t, w) for t, w, _ in found]


@pytest.mark.parametrize(
    ("text", "coded"),
    [
        # any verb that reports speech reports the clause, not only "said"
        (
            "The ministry noted that the reports of a gas attack were fabricated.",
            ("REJECT", "fabricated"),
        ),
        (
            "The Pentagon explained that the airstrike on the army was a mistake.",
            ("CONCEDE", "mistake"),
        ),
        ("Damascus reiterated that the US airstrike was deliberate.", ("ACCUSE", "deliberate")),
        ("Trump tweeted that the chemical attack was a crime.", ("ACCUSE", "crime")),
    ],
)
def test_other_speech_verbs_report_a_stance(statements, text, coded):
    assert coded in [(t, w) for t, w, _ in statements(text)]


@pytest.mark.parametrize(
    ("text", "coded"),
    [
        # a naming verb whose name the parse hung elsewhere still names
        ("The ministry branded the report a fabrication.", ("REJECT", "fabrication")),
        ("Trump branded Assad an animal.", ("ACCUSE", "animal")),
    ],
)
def test_a_name_the_parse_hung_elsewhere_still_names(statements, text, coded):
    assert coded in [(t, w) for t, w, _ in statements(text)]


@pytest.fixture(scope="module")
def typed():
    """(trigger, actors) of the events of one type a text holds: their targets or sources."""
    nlp = load_pipeline(Settings().model)
    extractor = EntityExtractor.build(nlp)

    def run(text: str, kind: str, side: str) -> list[tuple[str, tuple[str | None, ...]]]:
        found = extractor.extract("t", nlp(text), PUBLISHED)
        return [(e.trigger, getattr(e, f"{side}_actor_ids")) for e, _, _ in found.events
                if e.type == kind]  # fmt: skip

    return run


@pytest.fixture(scope="module")
def threats(typed):
    return lambda text: typed(text, "THREATEN", "target")


def test_vowing_retaliation_threatens_and_vowing_to_rebuild_does_not(threats):
    assert [t for t, _ in threats("Washington vowed to respond to the chemical attack.")] == [
        "vowed"
    ]
    assert threats("Israel vowed to retaliate against Hezbollah.") == [("vowed", ("hezbollah",))]
    assert threats("The government vowed to rebuild the hospital.") == []
    # a retaliation vowed as a noun, or a reckoning with a word of force; also after "and"
    assert threats("Hamas vowed revenge against Israel.") == [("vowed", ("israel",))]
    told = "The Israeli authorities blamed Hezbollah and vowed a harsh response."
    assert [t for t, _ in threats(told)] == ["vowed"]
    assert threats("The mayor vowed a quick response to the floods.") == []


@pytest.mark.parametrize(
    ("text", "coded"),
    [
        # more words of untruth and of intent
        ('The Kremlin called the accusations "absurd".', ("REJECT", "absurd")),
        ("The commission found that the attack was meticulously planned.", ("ACCUSE", "planned")),
        # owning a part in an attack, told as a clause, concedes it
        ("Britain confirmed it took part in the strike.", ("CONCEDE", "took")),
        (
            "Australia confirmed that its aircraft participated in the strike.",
            ("CONCEDE", "participated"),
        ),
    ],
)
def test_more_words_of_stance(statements, text, coded):
    assert coded in [(t, w) for t, w, _ in statements(text)]


def test_planning_an_act_is_no_stance_and_others_taking_part_is_no_concession(statements):
    text = "The source said the rebels planned to break the army lines with car bombs."
    assert "planned" not in [w for _, w, _ in statements(text)]
    text = "Britain confirmed that rebels took part in the attack."
    assert "CONCEDE" not in [t for t, _, _ in statements(text)]


@pytest.fixture(scope="module")
def requests(typed):
    return lambda text: typed(text, "REQUEST", "source")


def test_what_a_quote_says_others_must_do_or_calls_needful_is_a_request(requests):
    """A quote going on from its speaker's sentence, a clause the quote's speech verb does
    not report itself, and "what is essential is ...": each demands it, by the speaker."""
    went_on = (
        '"It is the latest massacre," Defence Minister Sergei Shoigu told reporters.\n\n'
        '"The international community must act immediately to stop the bombing."'
    )
    assert ("act", ("sergei-shoigu",)) in requests(went_on)
    believed = (
        '"The team believes that the coalition forces should immediately review their rules '
        'of engagement," Sergei Shoigu said.'
    )
    assert ("review", ("sergei-shoigu",)) in requests(believed)
    needful = (
        '"What is essential at this moment is to have a credible and independent '
        'investigation," Sergei Shoigu said.'
    )
    assert ("essential", ("sergei-shoigu",)) in requests(needful)
    assert [t for t, _ in requests("He said it was vital that aid reach the city.")] == ["vital"]


def test_the_speakers_own_duty_or_a_culprit_to_punish_is_no_request(requests):
    assert requests('"We must defend our land," the commander said.') == []
    text = '"It was a massacre. Those responsible must be held accountable," the minister said.'
    assert "held" not in [t for t, _ in requests(text)]
    assert requests("Essential services were cut in the city, officials said.") == []


def test_saying_a_party_uses_human_shields_accuses_it(statements):
    said = "The Russian Defense Ministry said Azov fighters used civilians as human shields."
    assert ("ACCUSE", "shields", ("russian-defence-ministry",)) in statements(said)
    assert ("ACCUSE", "shields", ("azov-regiment",)) in statements(said, targets=True)
    quoted = (
        'Hagari added: "Hamas terrorists continue to use the civilian population as human '
        'shields intentionally."'
    )
    assert ("ACCUSE", "shields", ("hamas",)) in statements(quoted, targets=True)
    # the writer's own words, or a side speaking of itself, accuse no one
    own = "Fighters from the Azov battalion used civilians as human shields in the theatre."
    assert "shields" not in [w for _, w, _ in statements(own)]
    assert statements('"We will never use people as human shields," the commander said.') == []
    assert statements("The army said the rebels did not use civilians as human shields.") == []


@pytest.mark.parametrize(
    ("text", "word", "accused"),
    [
        (
            '"The Azov fighters hold civilians in the theatre, using the upper floors as firing '
            'points," Konashenkov said.',
            "firing",
            "azov-regiment",
        ),
        (
            "The Syrian army said Nusra Front fighters were dressed in civilian clothes.",
            "clothes",
            "jabhat-fateh-al-sham",  # the Nusra Front's name on the test's date
        ),
        (
            "The Syrian army said the incident was a false-flag operation by Jaish al-Islam.",
            "flag",
            "jaysh-al-islam",
        ),
        (  # a staged attack, in the words the Russian foreign ministry uses
            "Lavrov said the chemical attack was likely a provocation by Jaish al-Islam.",
            "provocation",
            "jaysh-al-islam",
        ),
    ],
)
def test_charging_a_side_with_perfidy_accuses_it(statements, text, word, accused):
    assert ("ACCUSE", word, (accused,)) in statements(text, targets=True)


def test_perfidy_in_the_writers_words_or_denied_accuses_no_one(statements):
    assert statements("Nusra Front fighters were dressed in civilian clothes.") == []
    # a kidnapping's victims are no perfidy charge
    assert statements('"The group holds many hostages," the colonel said.') == []
    text = "The army said its soldiers were never dressed in civilian clothes."
    assert "ACCUSE" not in types(statements(text))
