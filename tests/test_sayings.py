"""What named sources say of a happening besides who did it (reconcile/sayings.py), on
hand-built facts: refutations and accounts of intent, with their speaker and evidence."""

import pytest

from rashomon.facts import (
    ActorFact,
    Argument,
    ArticleFact,
    ArticleFacts,
    EventFact,
    Gazette,
    MentionFact,
    QuoteFact,
)
from rashomon.reconcile.incident_kinds import IncidentKinds
from rashomon.reconcile.sayings import (
    ARMED,
    DELIBERATE,
    MISTAKE,
    NEVER,
    SPARED,
    UNARMED,
    sayings,
)

KINDS = IncidentKinds.packaged()
GAZETTE = Gazette(actors={"assad": ActorFact("assad", "Bashar al-Assad", "person", "SYR", "GOV")})
ARTICLE = ArticleFact("a1", "Reuters", published="2016-09-20", published_precision="day")


def said(body: str, *speakers: tuple[str, str]) -> list[tuple[str, str | None, str]]:
    """(stance, speaker, words) for a one-sentence body whose speakers are named mentions."""
    mentions = tuple(
        MentionFact("a1", body.index(name), body.index(name) + len(name), name,
                    "organisation", 0, len(body), actor_id=actor)
        for name, actor in speakers
    )  # fmt: skip
    facts = ArticleFacts(article=ARTICLE, body=body, mentions=mentions)
    return [(s.stance, s.said.claimant, body[s.said.start : s.said.end])
            for s in sayings(facts, KINDS, GAZETTE)]  # fmt: skip


def test_a_source_saying_the_happening_never_was():
    assert said("SANA said reports of a chemical attack were totally false.", ("SANA", "sana")) == [
        (NEVER, "SANA", "totally false")
    ]
    assert said(
        "Russia found no traces of chemical agents after the attack.", ("Russia", "ru")
    ) == [(NEVER, "Russia", "no traces of chemical")]


def test_a_verdict_word_needs_reports_or_claims_and_an_attack():
    assert said("Russia said its false start was over.", ("Russia", "ru")) == []
    assert said("Russia said claims about its economy were false.", ("Russia", "ru")) == []
    assert said("Kurds staged a protest against the strikes, Russia said.", ("Russia", "ru")) == []
    made_of = "A convoy made up of Red Crescent trucks was reported hit by strikes."
    assert said(made_of, ("Red Crescent", "sarc")) == []
    assert said("Russia said reports of the strike were made up.", ("Russia", "ru")) == [
        (NEVER, "Russia", "made up")
    ]
    rumours = "Iran dismissed as untrue rumors that a missile attack downed the plane."
    assert said(rumours, ("Iran", "iran")) == [(NEVER, "Iran", "untrue")]


def test_nobody_named_says_nothing():
    assert said("Reports of a chemical attack were totally false.") == []


def test_deliberate_against_a_mistake_and_the_negation_that_turns_them():
    assert said("The Pentagon said the strike was a mistake.", ("Pentagon", "dod")) == [
        (MISTAKE, "Pentagon", "mistake")
    ]
    assert said("Damascus said the attack was premeditated.", ("Damascus", "sy")) == [
        (DELIBERATE, "Damascus", "premeditated")
    ]
    turned = said("Damascus said nothing shows the attack was a mistake.", ("Damascus", "sy"))
    assert turned == [(DELIBERATE, "Damascus", "mistake")]
    without = said("The strike was made without deliberate disregard, the Pentagon said.",
                   ("Pentagon", "dod"))  # fmt: skip
    assert without == [(MISTAKE, "Pentagon", "deliberate")]
    but = said("The Pentagon said the strike was not intentional but a mistake.",
               ("Pentagon", "dod"))  # fmt: skip
    assert [stance for stance, _, _ in but] == [MISTAKE]
    hedged = said("Pushilin claimed without evidence that the attack was deliberate.",
                  ("Pushilin", "dpr"))  # fmt: skip
    assert hedged == [(DELIBERATE, "Pushilin", "deliberate")]  # the writer's hedge


def test_each_word_is_said_by_the_quote_that_holds_it():
    body = "The Pentagon said the strike was a mistake, while Syria said it was intentional."
    quotes = tuple(
        QuoteFact("a1", body.index(text), body.index(text) + len(text), text, "indirect",
                  0, len(body), body, speaker=speaker, speaker_actor_id=actor)
        for text, speaker, actor in (("the strike was a mistake", "The Pentagon", "dod"),
                                     ("it was intentional", "Syria", "sy"))
    )  # fmt: skip
    facts = ArticleFacts(article=ARTICLE, body=body, quotes=quotes)
    found = {(s.stance, s.said.claimant) for s in sayings(facts, KINDS, GAZETTE)}
    assert found == {(MISTAKE, "The Pentagon"), (DELIBERATE, "Syria")}


def test_he_said_is_named_by_who_he_is():
    body = "He said the attack was premeditated."
    quote = QuoteFact("a1", 8, len(body) - 1, body[8:-1], "indirect", 0, len(body), body,
                      speaker="He", speaker_actor_id="assad")  # fmt: skip
    facts = ArticleFacts(article=ARTICLE, body=body, quotes=(quote,))
    (found,) = sayings(facts, KINDS, GAZETTE)
    assert (found.stance, found.said.claimant) == (DELIBERATE, "Bashar al-Assad")


def test_a_source_saying_the_attack_spared_civilians():
    assert said(
        "The army denied civilians were among the casualties of the strike.", ("army", "army")
    ) == [(SPARED, "army", "denied civilians")]
    assert said("Getnet said the strike only hit militants.", ("Getnet", "getnet")) == [
        (SPARED, "Getnet", "only hit militants")
    ]
    assert said(
        "The coalition called the strike a legitimate military action.", ("coalition", "coalition")
    ) == [  # fmt: skip
        (SPARED, "coalition", "legitimate military action")
    ]
    only = "Only combatants, not civilians, were struck in the air strike, the spokesman said."
    assert said(only, ("spokesman", "endf")) == [
        (SPARED, "spokesman", "Only combatants, not civilians, were struck")
    ]
    assert said("The army said it targeted rebel fighters, not civilians, in the strike.",
                ("army", "endf")) == [(SPARED, "army", "fighters, not civilians")]  # fmt: skip
    # a target said not to be legitimate, care taken to spare them, civilians counted: no
    assert said("HRW said the school was not a legitimate target.", ("HRW", "hrw")) == []
    assert said("The coalition said it takes care to avoid civilian casualties in strikes.",
                ("coalition", "coalition")) == []  # fmt: skip
    assert said("Russia has repeatedly denied killing civilians in its strikes.",
                ("Russia", "russia")) == []  # fmt: skip
    describing = "There was no comment by Russia, which has denied targeting civilians in strikes."
    assert said(describing, ("Russia", "russia")) == []
    assert said("Rebels denied the reports but said 20 civilians died in the strike.",
                ("Rebels", "rebels")) == []  # fmt: skip
    seen = "Urban said the strike hit its target, with \u201cno indications at this time\u201d of"
    assert said(seen + " civilian casualties.", ("Urban", "centcom")) == [
        (SPARED, "Urban", "no indications at this time\u201d of civilian casualties")
    ]


def test_a_source_saying_nothing_armed_was_there():
    assert said("The mayor said there was no military target here, after the strike.",
                ("mayor", "mayor")) == [(UNARMED, "mayor", "no military target")]  # fmt: skip
    assert said(
        "Zelensky said no soldiers were at the station when the missile hit.",
        ("Zelensky", "zelensky"),
    ) == [  # fmt: skip
        (UNARMED, "Zelensky", "no soldiers were at")
    ]
    # soldiers not killed, or a target not without weight: no word on who was there
    assert said("The army said no soldiers were killed in the strike.", ("army", "army")) == []
    leader = "Hamas has strongly denied the presence of one of its leaders in the camp."
    assert said(leader, ("Hamas", "hamas")) == [
        (UNARMED, "Hamas", "denied the presence of one of its leaders")
    ]


def test_armed_men_in_allegations_are_the_allegations_word_and_an_answer_to_them_denies_it():
    answered = ("The charity struck back at allegations that Taliban fighters were operating "
                "in the hospital hit by the strike.")  # fmt: skip
    assert said(answered, ("charity", "msf")) == [
        (UNARMED, "charity", "allegations that Taliban fighters")
    ]
    rejected = "The charity dismissed reports that the strike targeted militants in the hospital."
    assert said(rejected, ("charity", "msf")) == [
        (UNARMED, "charity", "reports that the strike targeted militants")
    ]
    # who only repeats the allegations says nothing of who was there
    told = "Officials repeated allegations that Taliban fighters were operating in the hospital."
    assert said(told, ("Officials", "officials")) == []


def test_not_ruling_out_a_mistake_is_no_charge_of_intent():
    body = "The army has not ruled out that its strike accidentally killed the reporter."
    assert said(body, ("army", "army")) == [(MISTAKE, "army", "accidentally")]
    assert said("The strike was not a mistake, the army said.", ("army", "army")) == [
        (DELIBERATE, "army", "mistake")
    ]


def test_a_mistake_in_claims_another_voice_contradicts_is_no_ones_account():
    body = ("The inquiry contradicted army claims that, if a soldier had mistakenly shot her in the raid, "
            "he was firing at a gunman.")  # fmt: skip
    assert [s for s in said(body, ("inquiry", "inquiry")) if s[0] in (MISTAKE, DELIBERATE)] == []


def test_untrue_words_on_who_is_to_blame_deny_a_charge_not_the_happening():
    body = ('The group described as "lies" the army\'s accusations that it was responsible for '
            "the strike on the hospital.")  # fmt: skip
    assert [s for s in said(body, ("group", "group")) if s[0] == NEVER] == []
    # reports of the strike itself called false still say it never was
    assert said("The ministry said reports of the strike on the hospital were false.",
                ("ministry", "ministry")) == [(NEVER, "ministry", "false")]  # fmt: skip


def test_a_verdict_on_a_charge_of_intent_says_it_was_no_deliberate_act():
    body = ("Officials accused the army of deliberately shelling the camp, an allegation the "
            "army called a lie.")  # fmt: skip
    found = said(body, ("Officials", "officials"), ("army", "army"))
    assert (DELIBERATE, "Officials", "deliberately") in found
    assert [s for s in found if s[0] == NEVER] == []
    assert [s[0] for s in found if s[2] == "a lie"] == [MISTAKE]  # (its speaker: the quote's)


def test_a_verdict_on_the_doers_account_of_an_armed_target_says_nothing_armed_was_there():
    leaders = (
        "Hamas said Israeli claims it had targeted leaders of the group in the strike were false."
    )
    assert said(leaders, ("Hamas", "hamas")) == [(UNARMED, "Hamas", "false")]
    # claims of the attack itself, or of a hospital hit, are still refuted as never having been
    hospital = "Russia said reports that its jets targeted a hospital in the strike were false."
    assert said(hospital, ("Russia", "russia")) == [(NEVER, "Russia", "false")]


def test_a_denial_of_the_report_just_told_of_an_armed_target_says_nothing_armed_was_there():
    claim = "The army said the air strike killed a senior commander of the group. "
    words = "the air strike killed a senior commander of the group"

    def answered(denial: str, denier: tuple[str, str]) -> list[tuple[str, str | None, str]]:
        body = claim + denial
        at, second = claim.index(words), len(claim)
        quote = QuoteFact("a1", at, at + len(words), words, "indirect", 0, second, claim,
                          speaker="The army", speaker_actor_id="army")  # fmt: skip
        name, actor = denier
        mention = MentionFact("a1", body.index(name), body.index(name) + len(name), name,
                              "organisation", second, len(body), actor_id=actor)  # fmt: skip
        facts = ArticleFacts(article=ARTICLE, body=body, quotes=(quote,), mentions=(mention,))
        return [(s.stance, s.said.claimant, body[s.said.start : s.said.end])
                for s in sayings(facts, KINDS, GAZETTE)]  # fmt: skip

    assert answered("Hamas denied the Israeli report.", ("Hamas", "hamas")) == [
        (ARMED, "The army", "killed a senior commander"),
        (UNARMED, "Hamas", "denied the Israeli report"),
    ]
    # the claimant itself, or a denial that says what the reports were: no answer to it
    assert UNARMED not in {
        s for s, _, _ in answered("The army denied the report.", ("army", "army"))
    }
    told = "Hamas denied reports that its fighters fired rockets."
    assert UNARMED not in {s for s, _, _ in answered(told, ("Hamas", "hamas"))}


def quoted(body: str, speaker: str, actor: str | None, words: str) -> list[tuple[str, str]]:
    """(stance, words) for a one-sentence body whose `words` are quoted from `speaker`."""
    at = body.index(words)
    quote = QuoteFact("a1", at, at + len(words), words, "indirect", 0, len(body), body,
                      speaker=speaker, speaker_actor_id=actor)  # fmt: skip
    facts = ArticleFacts(article=ARTICLE, body=body, quotes=(quote,))
    return [(s.stance, body[s.said.start : s.said.end]) for s in sayings(facts, KINDS, GAZETTE)]


# (said, speaker, speaker's actor, the quote's words, the words read as an armed target)
_ARMED_TARGETS = (
    ("The ministry said a high-precision strike hit hangars with weapons from the US.",
     "The ministry", "mod", "a high-precision strike hit hangars", "hit hangars"),
    ("The LNA said the drone strike targeted Chadian opposition fighters.",
     "The LNA", "lna", "the drone strike targeted", "targeted Chadian opposition fighters"),
    ("Israel said the strike targeted Hamas' military chief.",
     "Israel", "israel", "the strike targeted Hamas' military chief",
     "targeted Hamas' military chief"),
    ('The coalition claimed the bus was carrying "Houthi combatants".',
     "The coalition", "slc", 'the bus was carrying "Houthi combatants"',
     'was carrying "Houthi combatants'),
    ("Zaw Min Tun said there were fatalities of the PDF terrorists in the incident.",
     "Zaw Min Tun", "zmt", "there were fatalities of the PDF terrorists",
     "fatalities of the PDF terrorists"),
    # armed men were where the blow fell
    ("The ministry said the militants used the upper floors as firing points.",
     "The ministry", "mod", "the militants used the upper floors", "firing points"),
    ("The ministry said the militants used civilians as human shields.",
     "The ministry", "mod", "the militants used civilians", "human shields"),
    ("The army said the air strike had killed Hamas commander Ibrahim Biari.",
     "The army", "idf", "the air strike had killed Hamas commander", "killed Hamas commander"),
    # a doer's words of what its strike hit (the Kabul drone strike of August 2021)
    ("Officials said the drone hit the vehicle, which was heading for the airport with "
     "suicide bombers inside.",
     "The US", "us", "the drone hit the vehicle", "with suicide bombers inside"),
    ("Urban said the strike on a vehicle in Kabul eliminated an imminent ISIS-K threat.",
     "The US", "us", "the strike on a vehicle", "eliminated an imminent ISIS-K threat"),
    ("Milley said one of those that were killed was an ISIS facilitator.",
     "The US", "us", "one of those that were killed", "killed was an ISIS facilitator"),
    ("The US said it carried out a strike in Kabul on a vehicle carrying IS militants.",
     "The US", "us", "it carried out a strike in Kabul on a vehicle",
     "vehicle carrying IS militants"),
    # a bomb on wheels is a weapon in use, so an armed target; a name in brackets between
    ("Officials insisted that the strike hit an Islamic State (Isis) car bomb.",
     "The US", "us", "the strike hit an Islamic State (Isis) car bomb",
     "hit an Islamic State (Isis) car bomb"),
)  # fmt: skip


@pytest.mark.parametrize(("body", "speaker", "actor", "words", "found"), _ARMED_TARGETS)
def test_a_quoted_source_saying_the_attack_hit_an_armed_target(body, speaker, actor, words, found):
    assert quoted(body, speaker, actor, words) == [(ARMED, found)]


def test_an_onlooker_a_building_or_a_sparing_is_no_armed_target():
    fighters = "The LNA said the drone strike targeted Chadian opposition fighters."
    # named but neither quoted nor acting, a building hit, no target hit, weapons destroyed,
    # or a sparing already said
    assert said(fighters, ("LNA", "lna")) == []
    for body in (
        "Witnesses said the missile hit a residential building.",
        "The army said it did not hit any military target in the strike.",
        "The government said it destroyed its chemical weapons after the attack.",
        "Witnesses said the bus was carrying schoolchildren on a trip.",
        "Medics said the strike killed 50 people and a commander.",
        "Witnesses said the strike hit a car near the airport.",
    ):
        assert quoted(body, "W", "w", body[body.index("said") + 5 : -1]) == [], body
    sparing = "The army said the strike only hit militants."
    assert quoted(sparing, "The army", "army", "the strike only hit militants") == [
        (SPARED, "only hit militants")
    ]


def test_a_mistake_word_on_the_reports_is_no_account_of_intent():
    called = "The IDF called the reports of a strike on the school 'erroneous'."
    assert said(called, ("IDF", "idf")) == []
    assert said("Israel said the reports of the attack were mistaken.", ("Israel", "il")) == []
    assert said("Israel denied erroneous reports of an air strike.", ("Israel", "il")) == []
    assert said("Reports said the Pentagon admitted the strike was a mistake.",
                ("Pentagon", "dod")) == [(MISTAKE, "Pentagon", "mistake")]  # fmt: skip


def test_words_after_a_quote_carried_by_their_own_denial_are_the_deniers():
    """ "64 people were killed in an air strike on a market, a local health officer said,
    as the army denied targeting civilians": the army's word that it spared civilians,
    not the officer's."""
    body = (
        "At least 64 people were killed in an air strike on a market, a local health officer "
        "said, as the army denied targeting civilians."
    )
    quote = QuoteFact("a1", 0, body.index(", a local"), body[: body.index(", a local")],
                      "indirect", 0, len(body), body, cue="said",
                      speaker="a local health officer")  # fmt: skip
    at = body.index("denied")
    army = body.index("the army")
    denial = EventFact("a1", at, at + 6, "denied", "REJECT", None, "asserted", 0, len(body),
                       body, sources=(Argument(army, army + 8, "the army", "army"),))  # fmt: skip
    facts = ArticleFacts(article=ARTICLE, body=body, quotes=(quote,), events=(denial,))
    found = [(s.stance, s.said.claimant) for s in sayings(facts, KINDS, GAZETTE)]
    assert (SPARED, "the army") in found
    assert (SPARED, "a local health officer") not in found
