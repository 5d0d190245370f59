"""Who did an attack and who denies it, on sentences shaped like real wire copy.

Through the real pipeline and extractor: the doer named through another word than the
attack's own verb ("carried out by", "responsible for", "accused X of", "blamed on"), the
doer a pronoun, a belief or a person's title stands for, the victims, speakers and the other
side that are not doers, and denials as negated attacks with the denier as their source.
"""

import pytest

from rashomon.entities import EntityExtractor
from rashomon.facts import EventFact
from rashomon.model import DatePrecision, FoundIn, PublicationDate
from rashomon.nlp import load_pipeline
from rashomon.settings import Settings

PUBLISHED = PublicationDate("2017-04-06", DatePrecision.DAY, FoundIn.USER)


@pytest.fixture(scope="module")
def extracted():
    """The real extractor's findings for a text (the model loaded once for the module)."""
    nlp = load_pipeline(Settings().model)
    extractor = EntityExtractor.build(nlp)
    return lambda text: extractor.extract("t", nlp(text), PUBLISHED)


@pytest.fixture(scope="module")
def attacks(extracted):
    def run(text: str):
        return [e for e, _, _ in extracted(text).events if e.type == "ASSAULT"]

    return run


def attack(events, trigger):
    matching = [e for e in events if trigger in e.trigger]
    assert matching, f"no attack {trigger!r} in {[e.trigger for e in events]}"
    return matching[0]


# -- the doer of an act named by a noun ------------------------------------------------------


def test_passive_light_verb_names_the_doer(attacks):
    event = attack(
        attacks("The strikes on the market were probably carried out by regime forces."),
        "strikes",
    )
    assert event.source_actor_ids == ("syrian-arab-army",)


def test_reduced_relative_light_verb_names_the_doer(attacks):
    event = attack(
        attacks("They said the attack was caused by an airstrike carried out by Russian jets."),
        "airstrike",
    )
    assert event.source_actor_ids == ("russia",)


def test_responsible_for_names_the_doer(attacks):
    event = attack(
        attacks("Syrian government forces were responsible for a poison gas attack."), "attack"
    )
    assert event.source_actor_ids == ("syrian-arab-army",)
    assert event.factuality == "asserted"


def test_claiming_an_attack_names_the_doer(attacks):
    event = attack(attacks("The Islamic State group on Tuesday claimed the attack."), "attack")
    assert event.source_actor_ids == ("islamic-state",)


def test_no_one_claiming_names_no_doer(attacks):
    event = attack(attacks("No one claimed responsibility for the bombing."), "bombing")
    assert event.source_actor_ids == ()
    assert event.factuality != "negated"


# -- accusations: the accused did it, alleged ----------------------------------------------


def test_blaming_for_an_attack_makes_the_accused_the_doer(attacks):
    event = attack(
        attacks("Washington blames the Syrian government for the attack on the town."), "attack"
    )
    assert event.source_actor_ids == ("syrian-government",)
    assert (event.factuality, event.frame) == ("alleged", "blames")


def test_evidence_implicating_a_party_in_an_attack_makes_it_the_doer(attacks):
    event = attack(
        attacks("Moscow received evidence implicating the Islamic State group in the attack."),
        "attack",
    )
    assert event.source_actor_ids == ("islamic-state",)
    assert (event.factuality, event.frame) == ("alleged", "implicating")


def test_blaming_an_attack_on_someone(attacks):
    event = attack(
        attacks("The government blamed the attack on the Islamic State group."), "attack"
    )
    assert event.source_actor_ids == ("islamic-state",)
    assert event.factuality == "alleged"


def test_accusing_of_a_verb_with_of_on_the_object(attacks):
    events = attacks("The opposition accused the Syrian army of gassing hundreds of people.")
    event = attack(events, "gassing")
    assert event.source_actor_ids == ("syrian-arab-army",)
    assert event.factuality == "alleged"


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("Russia and Ukraine accused each other of shelling a prison in Olenivka.",
         ("russia", "ukraine")),
        ("Israel and Hamas blamed one another for the blast at the hospital.",
         ("israel", "hamas")),
    ],
)  # fmt: skip
def test_a_mutual_accusation_is_each_sides_of_the_other_and_names_no_doer(extracted, text, sides):
    events = [e for e, _, _ in extracted(text).events]
    accusations = {(e.source_actor_ids, e.target_actor_ids) for e in events if e.type == "ACCUSE"}
    a, b = sides
    assert accusations == {((a,), (b,)), ((b,), (a,))}
    doers = [s.text for e in events for s in e.sources if e.type == "ASSAULT"]
    assert not [d for d in doers if d.lower().endswith("other")]


def test_accused_of_using_chemical_weapons(attacks):
    events = attacks("The opposition accused the Syrian army of using chemical weapons.")
    event = attack(events, "using chemical weapons")
    assert event.source_actor_ids == ("syrian-arab-army",)
    assert event.mode == "unconventional"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Turkey slammed the Syrian army for carrying out a massacre in the village.", "massacre"),
        ("The opposition condemned the Syrian army for shelling the town.", "shelling"),
        ("Turkey criticised the Syrian army for bombing the market.", "bombing"),
    ],
)
def test_whom_a_speaker_condemns_for_an_act_did_it(attacks, text, trigger):
    assert attack(attacks(text), trigger).source_actor_ids == ("syrian-arab-army",)


# -- who acts for whom ----------------------------------------------------------------------


def test_jets_believed_to_be_of_a_state(attacks):
    event = attack(attacks("Fighter jets believed to be Russian struck the town."), "struck")
    assert event.source_actor_ids == ("russia",)


def test_jets_believed_to_belong_to_a_coalition(attacks):
    event = attack(
        attacks("Jets believed to belong to the US-led coalition struck the town."), "struck"
    )
    assert event.source_actor_ids == ("us-led-coalition",)


def test_its_fighters_are_the_speakers_group(attacks):
    event = attack(
        attacks("The Islamic State group said three of its fighters carried out an attack."),
        "attack",
    )
    assert event.source_actor_ids == ("islamic-state",)


def test_a_leaders_air_force_acts_for_his_state(attacks):
    event = attack(
        attacks("The town was under attack by President Bashar al-Assad's air force."), "attack"
    )
    assert event.source_actor_ids == ("syrian-government",)


def test_weapons_dropped_from_aircraft_were_dropped_by_their_owner(attacks):
    events = attacks(
        "Barrel bombs dropped from Syrian government helicopters killed at least 11 civilians."
    )
    dropped = attack(events, "dropped")
    assert dropped.source_actor_ids == ("syrian-government",)
    assert dropped.mode == "aerial"
    assert dropped.targets == ()  # the helicopters are where the bombs came from


def test_a_weapon_fired_gives_the_mode_and_is_no_target(attacks):
    event = attack(attacks("The army fired rockets on the town of Douma."), "fired")
    assert event.mode == "heavy-weapons"
    assert "rockets" not in [a.text for a in event.targets]


def test_firing_without_weapon_or_armed_actor_is_no_attack(attacks):
    assert not attacks("The company fired its chief executive on Monday.")


def test_an_act_as_a_subject_lends_its_doer_not_itself(attacks):
    events = attacks("Russian air raids killed 12 people in Idlib.")
    assert attack(events, "killed").source_actor_ids == ("russia",)
    assert [a.text for a in attack(events, "killed").sources] == ["Russian"]


def test_it_after_an_act_told_as_a_subject_is_that_act_not_a_group_named_before(attacks):
    events = attacks(
        "Investigators said the targets were affiliated with the Islamic State. While the "
        "strike was based on available information, a general acknowledged it was a mistake "
        "and likely hit forces aligned with the government. Tuesday's bombing by Russian "
        "jets was especially deadly because it struck a cattle market."
    )
    assert attack(events, "hit").source_actor_ids == ()
    struck = [e for e in events if "struck" in e.trigger or "bombing" in e.trigger]
    assert struck and all(e.source_actor_ids in ((), ("russia",)) for e in struck)


def test_it_that_a_body_says_of_itself_stays_that_body(attacks):
    events = attacks(
        "The attack killed 12. The Syrian army announced that it had stepped up air strikes."
    )
    assert attack(events, "air strikes").source_actor_ids == ("syrian-arab-army",)


# -- not doers: victims, speakers, the other side, reporters ----------------------------------


def test_the_loser_of_a_clash_is_not_its_doer(attacks):
    events = attacks("Fifty Islamic State fighters were killed in clashes with the army.")
    assert "islamic-state" not in attack(events, "clashes").source_actor_ids


def test_people_who_died_in_an_attack_did_not_carry_it_out(attacks):
    event = attack(attacks("They were among 39 people who died in the attack."), "attack")
    assert event.sources == ()


def test_a_speaker_is_not_the_doer_of_the_attack_spoken_of(attacks):
    events = attacks("France said on Tuesday the attack was a crime against humanity.")
    assert attack(events, "attack").source_actor_ids == ()


def test_a_retaliation_is_not_for_the_retaliators_own_fire(attacks):
    events = attacks(
        "The Israeli army said it targeted positions inside Syria in retaliation for mortar "
        "fire that hit the Golan Heights."
    )
    assert attack(events, "fire").source_actor_ids == ()
    assert attack(events, "targeted").source_actor_ids == ("israel-defense-forces",)


def test_a_passive_agent_beats_a_borrowed_subject(attacks):
    event = attack(attacks("Most of the victims are believed to have been killed by IS."), "killed")
    assert event.source_actor_ids == ("islamic-state",)
    assert [a.text for a in event.targets] == ["the victims"]


def test_a_monitor_never_carries_out_an_attack(attacks):
    events = attacks(
        "The group seized the oilfield in what the Syrian Observatory for Human Rights said "
        "was one of its bloodiest clashes with the army."
    )
    assert "syrian-observatory-for-human-rights" not in attack(events, "clashes").source_actor_ids


# -- denials: negated attacks, the denier as their source -------------------------------------


def test_denying_that_ones_planes_bombed(attacks):
    event = attack(attacks("Russia denied its planes bombed the convoy near Aleppo."), "bombed")
    assert event.source_actor_ids == ("russia",)
    assert (event.factuality, event.frame) == ("negated", "denied")


def test_denying_using_chemical_weapons(attacks):
    event = attack(attacks("Damascus denied using chemical weapons."), "using")
    assert event.source_actor_ids == ("syrian-government",)
    assert event.factuality == "negated"


def test_not_having_carried_out_strikes(attacks):
    events = attacks("Russian planes have not carried out any strikes near Khan Sheikhoun.")
    event = attack(events, "strikes")
    assert (event.source_actor_ids, event.factuality) == (("russia",), "negated")


def test_denying_responsibility_for_an_attack(attacks):
    events = attacks("The Islamic State group denied responsibility for the bombing.")
    event = attack(events, "bombing")
    assert (event.source_actor_ids, event.factuality) == (("islamic-state",), "negated")


def test_denying_any_involvement_denies_the_attack_told_before(attacks):
    events = attacks(
        "A car bomb hit buses of evacuees on Saturday. Ahrar al-Sham denied any involvement."
    )
    event = attack(events, "involvement")
    assert (event.source_actor_ids, event.factuality) == (("ahrar-al-sham",), "negated")


def test_involvement_with_no_attack_nearby_is_no_event(attacks):
    events = attacks("Talks resumed in Geneva. Ahrar al-Sham denied any involvement.")
    assert not [e for e in events if e.trigger == "involvement"]


def test_reports_called_false_are_denied_by_the_speaker(attacks):
    events = attacks(
        "The foreign ministry said the reports on the shelling of Ghouta are totally false."
    )
    event = attack(events, "shelling")
    assert event.factuality == "negated"
    assert [a.text for a in event.sources] == ["The foreign ministry"]


def test_reports_said_fabricated_keep_the_doer_they_name(attacks):
    events = attacks("Lavrov said reports of Russian air strikes on the hospital were fabricated.")
    event = attack(events, "air strikes")
    assert (event.source_actor_ids, event.factuality) == (("russia",), "negated")


def test_not_clear_whether_is_no_denial(attacks):
    events = attacks(
        "It was not clear whether the strikes had been carried out by Syrian or Russian jets."
    )
    assert attack(events, "strikes").factuality == "hypothetical"


# -- more ways the press names the doer --------------------------------------------------------


def test_an_attack_claimed_by_a_group(attacks):
    events = attacks(
        "Three suicide bombers killed two people in an attack claimed by the Islamic State group."
    )
    assert attack(events, "attack").source_actor_ids == ("islamic-state",)


def test_an_attack_believed_carried_out_by_two_air_forces(attacks):
    events = attacks(
        "The monitor said the attack believed to have been carried out by Syrian regime or "
        "Russian jets killed at least 58 people."
    )
    assert set(attack(events, "attack").source_actor_ids) == {"syrian-government", "russia"}
    assert set(attack(events, "killed").source_actor_ids) == {"syrian-government", "russia"}


def test_the_agent_of_a_killing_carried_out_the_strikes_it_was_in(attacks):
    events = attacks("At least 35 militants were killed in air strikes by the US-led coalition.")
    assert attack(events, "air strikes").source_actor_ids == ("us-led-coalition",)


def test_a_series_of_strikes_takes_the_subject_of_its_light_verb(attacks):
    events = attacks("Russian aircraft unleashed a series of airstrikes targeting the town.")
    assert attack(events, "airstrikes").source_actor_ids == ("russia",)
    assert attack(events, "targeting").source_actor_ids == ("russia",)


def test_reports_described_as_untrue_are_a_denial_by_the_describer(attacks):
    events = attacks(
        "Syria described the reports its army had used chemical weapons as completely untrue."
    )
    event = attack(events, "used chemical weapons")
    assert (event.source_actor_ids, event.factuality) == (("syria",), "negated")


def test_denied_charges_negate_the_act_charged(attacks):
    events = attacks("The authorities denied charges that the army used chemical weapons.")
    assert attack(events, "used chemical weapons").factuality == "negated"


def test_us_is_the_united_states_not_a_pronoun(attacks):
    events = attacks("The US launched a cruise missile attack on a Syrian air base.")
    assert attack(events, "attack").source_actor_ids == ("united-states",)


def test_coordinated_owners_are_each_a_doer(attacks):
    events = attacks(
        "The province is regularly bombarded by both Syrian and allied Russian warplanes."
    )
    assert set(attack(events, "bombarded").source_actor_ids) == {"syria", "russia"}


def test_reported_killed_are_victims(attacks):
    events = attacks("Dozens of regime personnel were reported killed in the attack.")
    killed = attack(events, "killed")
    assert killed.sources == ()
    assert killed.target_actor_ids == ("syrian-government",)


@pytest.mark.parametrize(
    "sentence",
    [
        "The province saw 25 Nusra Front fighters killed when a bomb exploded in a mosque.",
        "25 Nusra Front fighters killed in mosque blast",
    ],
)
def test_a_bare_participles_subject_is_its_victim(attacks, sentence):
    killed = attack(attacks(sentence), "killed")
    assert killed.sources == ()
    assert "jabhat-fateh-al-sham" not in killed.source_actor_ids


@pytest.mark.parametrize(
    ("sentence", "doers"),
    [
        ("Journalist Shireen Abu Akleh was shot and killed in Jenin on Wednesday.", ()),
        ("Two Kurdish fighters were shot by Turkish troops and killed.", ("turkish-armed-forces",)),
    ],
)
def test_a_verb_joined_to_a_passive_one_is_passive_too(attacks, sentence, doers):
    """ "was shot and killed": the parser hangs "was" on "shot" only; the one shot was
    killed, not the killer (held-out web pages: a journalist became her own killer)."""
    killed = attack(attacks(sentence), "killed")
    assert killed.source_actor_ids == doers
    assert killed.targets


def test_the_ones_who_did_it_are_the_copulas_subject(attacks):
    shot = attack(
        attacks("It is possible that Palestinian gunmen were the ones who shot the journalist."),
        "shot",
    )
    assert shot.source_actor_ids == ("palestine",)


def test_we_inside_a_quote_the_speaker_quotes_is_not_the_speakers_side(attacks):
    said = (
        'Prime Minister Naftali Bennett said: "Palestinians in Jenin were even filmed '
        "boasting, 'We hit a soldier; he's lying on the ground.' But no soldier was hurt.\""
    )
    assert all("israeli-government" not in e.source_actor_ids for e in attacks(said))
    own = 'Prime Minister Naftali Bennett said: "We hit a soldier in Jenin last night."'
    assert attack(attacks(own), "hit").source_actor_ids == ("israeli-government",)


def test_a_capitalised_attack_noun_is_still_one(attacks):
    assert (
        attack(attacks("Airstrikes targeting the town killed 12."), "Airstrikes").mode == "aerial"
    )


def test_calling_an_attack_something_is_not_carrying_it_out(attacks):
    event = attack(attacks("Fabius called the alleged attack a horrendous tragedy."), "attack")
    assert event.sources == ()
    assert (event.factuality, event.frame) == ("alleged", "alleged")


def test_a_suspected_attack_is_alleged(attacks):
    event = attack(attacks("A suspected chemical attack killed 58 people."), "attack")
    assert event.factuality == "alleged"


def test_an_attack_in_an_object_keeps_its_own_factuality(attacks):
    events = attacks("Russia has not acknowledged any civilian deaths from its strikes.")
    assert attack(events, "strikes").factuality == "asserted"  # no denial by Russia
    events = attacks("Syrian state media made no mention of the attack.")
    assert attack(events, "attack").factuality == "asserted"


def test_an_attack_not_carried_out_is_negated(attacks):
    events = attacks("The army did not launch an offensive on the town.")
    assert attack(events, "offensive").factuality == "negated"


def test_attribution_words_are_data_and_checked(tmp_path):
    from rashomon.errors import InputError
    from rashomon.extract.events import EventLexicon

    extra = tmp_path / "extra.yaml"
    extra.write_text("attribution:\n  claim: [own]\n", encoding="utf-8")
    lexicon = EventLexicon.load([extra])
    assert {"claim", "own"} <= lexicon.words("claim")
    bad = tmp_path / "bad.yaml"
    bad.write_text("attribution: [claim]\n", encoding="utf-8")
    with pytest.raises(InputError, match="attribution"):
        EventLexicon.load([bad])


# -- claimants named by a pronoun ------------------------------------------------------------------


def test_a_pronoun_claimant_is_named_by_its_actor_or_is_nobody():
    from rashomon.facts import ActorFact, Attribution, Gazette
    from rashomon.reconcile.doers import _by_name

    gazette = Gazette(actors={"ru": ActorFact("ru", "Russia", "state", "RUS", "GOV")})
    named = _by_name(gazette, Attribution("x", "jets", "It", "ru"), Attribution("x", "jets", "he"))
    assert [(a.claimant, a.claimant_actor_id) for a in named] == [("Russia", "ru"), (None, None)]


def test_a_day_is_never_the_doer(attacks):
    event = attack(attacks("Wednesday's bombing killed nine people in the market."), "bombing")
    assert event.sources == ()


def test_the_speaker_of_a_verbless_headline_is_not_the_doer(attacks):
    event = attack(
        attacks("French Foreign Minister Jean Dupont says Syrian regime likely behind strikes."),
        "strikes",
    )
    assert [a.text for a in event.sources] == ["Syrian regime"]


def test_the_speaker_of_a_bare_reported_clause_is_not_the_doer(attacks):
    events = attacks("It was a deadly raid on the village that a monitor said killed forty people.")
    assert all("monitor" not in a.text for e in events for a in e.sources)


@pytest.mark.parametrize(
    "text",
    [
        "Activists said Syrian government helicopters dropped barrel bombs on the village.",
        "Medics said a Syrian government helicopter dropped chlorine bombs on the village.",
        "The bomb was dropped from a helicopter of the Syrian government forces.",
    ],
)
def test_aircraft_that_drop_a_weapon_are_their_owners_doing(attacks, text):
    event = attack(attacks(text), "dropped")
    assert event.source_actor_ids == ("syrian-government",)
    assert "syrian-government" not in event.target_actor_ids


def test_a_weapon_dropped_from_aircraft_is_still_no_doer(attacks):
    events = attacks("Barrel bombs dropped from Syrian government helicopters killed 11.")
    assert attack(events, "dropped").source_actor_ids == ("syrian-government",)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Officials said the explosion was ordered by the Wagner Group.", "explosion"),
        ("Officials said the Wagner Group orchestrated the attack on the prison.", "attack"),
        ("Officials said the bombing of the prison was organized by the Wagner Group.", "bombing"),
    ],
)  # fmt: skip
def test_who_ordered_or_organised_an_act_did_it(attacks, text, trigger):
    assert attack(attacks(text), trigger).source_actor_ids == ("wagner-group",)


# -- what a denying word denies ----------------------------------------------------------------


@pytest.fixture(scope="module")
def rejections(extracted):
    def run(text: str):
        found = extracted(text)
        return [
            EventFact("t", e.start, e.end, e.trigger, e.type, e.mode, e.factuality, s, end,
                      text[s:end], frame=e.frame)
            for e, s, end in found.events if e.type == "REJECT"
        ]  # fmt: skip

    return run


def test_dismissing_officers_from_their_posts_denies_nothing(rejections):
    """An army's inquiry that "dismissed two officers" over a strike owns the strike; a
    ministry that "dismissed the reports" of it denies it."""
    from rashomon.reconcile.doers import denies

    fired = rejections(
        "The IDF has dismissed two officers, reprimanded two commanders and reprimanded the "
        "senior commander responsible, it said in a statement this morning."
    )
    assert fired and not any(denies(e) for e in fired)
    rejected = rejections("The ministry dismissed the reports of the strike as fabricated.")
    assert any(denies(e) for e in rejected)


def test_false_information_a_party_is_said_to_spread_is_no_verdict_of_its():
    """ "Kiev claims that the missile hit a residential area and is spreading false
    information" charges Kiev with lying: Kiev says nothing never happened. A sentence
    calling the reports false still is that verdict."""
    from rashomon.reconcile.sayings import NEVER, _stances_in

    spread = (
        "Kiev claims that the Iskander-M missile allegedly hit a residential area and is "
        "spreading false information that the warhead of the missile was not an explosive, "
        "but a cluster munition."
    )
    assert [stance for stance, _ in _stances_in(spread)] == []
    called = "The foreign ministry said the reports on the shelling of Ghouta are totally false."
    assert [stance for stance, _ in _stances_in(called)] == [NEVER]
