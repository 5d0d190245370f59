"""Numbers as claims: reading the number, what is not a claim, what is counted, says who.

Unit cases are short sentences of our own parsed by the real pipeline, with actor, place,
date mentions and quotes built by hand where a case needs them. Seed cases run the real
stages (clean body, places, actor mentions, dates, quotes when extract/quotes.py exists)
and check the issue's acceptance figures; they skip when ../shared is absent.
"""

from __future__ import annotations

import importlib.util
import json
import logging

import pytest
import spacy
from conftest import SEEDS, SHARED, need
from spacy.language import Language
from spacy.tokens import Doc

from rashomon.extract.numbers import NumberLexicon, find_numbers
from rashomon.model import ActorMention, DateMention, NumberClaim, Place, PlaceMention, Quote
from rashomon.nlp import load_pipeline
from rashomon.settings import DEFAULT_MODEL

NEWSQUANT = SHARED / "eval-data" / "newsquant" / "newsquant-dev.json"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(DEFAULT_MODEL)


@pytest.fixture(scope="module")
def read(nlp: Language):
    def claims(text: str, **found: object) -> list[NumberClaim]:
        return find_numbers(nlp(text), **found)  # type: ignore[arg-type]

    return claims


def one(claims: list[NumberClaim], surface: str) -> NumberClaim:
    (claim,) = [c for c in claims if surface in c.text]
    return claim


def mention(text: str, phrase: str, kind: str, actor_id: str, nth: int = 0) -> ActorMention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return ActorMention(start, start + len(phrase), phrase, kind, actor_id, "test")


def place(text: str, phrase: str, place_id: str) -> PlaceMention:
    start = text.index(phrase)
    where = Place(place_id, phrase, 0.0, 0.0, "city")  # type: ignore[arg-type]
    return PlaceMention(start, start + len(phrase), phrase, where)


# -- reading the number ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "surface", "value", "low", "high", "qualifier"),
    [
        ("Some 2,700 people have fled.", "Some 2,700", 2700, None, None, "approximate"),
        ("There were around 300 fighters.", "around 300", 300, None, None, "approximate"),
        (
            "More than 200,000 people are held.",
            "More than 200,000",
            200000,
            200000,
            None,
            "at_least",
        ),
        ("There are no more than 900 fighters.", "no more than 900", 900, None, 900, "at_most"),
        ("Up to 1,000 people may have died.", "Up to 1,000", 1000, None, 1000, "at_most"),
        ("Between 150 and 200 fighters left.", "Between 150 and 200", None, 150, 200, "range"),
        ("They sent 150 to 200 fighters.", "150 to 200", None, 150, 200, "range"),
        ("They sent 150-200 fighters.", "150-200", None, 150, 200, "range"),
        ("Hundreds of people marched.", "Hundreds", None, 100, 1000, "vague"),
        ("Dozens of soldiers were wounded.", "Dozens", None, 12, 120, "vague"),
        ("Tens of thousands of people fled.", "Tens of thousands", None, 1e4, 1e5, "vague"),
        ("Thousands have sought refuge.", "Thousands", None, 1000, 10000, "vague"),
        ("Several hundred guests came.", "Several hundred", None, 200, 1000, "vague"),
        ("A maximum of 8,000 rebels remain.", "A maximum of 8,000", 8000, None, 8000, "at_most"),
        ("At least 70 people were killed.", "At least 70", 70, 70, None, "at_least"),
        ("Nearly 500 homes burned.", "Nearly 500", 500, None, None, "approximate"),
        ("Almost 40 trucks entered.", "Almost 40", 40, None, None, "approximate"),
        ("Roughly 60 families returned.", "Roughly 60", 60, None, None, "approximate"),
        (
            "An estimated 250,000 civilians are trapped.",
            "An estimated 250,000",
            250000,
            None,
            None,
            "approximate",
        ),
        ("They freed 300 or more prisoners.", "300 or more", 300, 300, None, "at_least"),
        ("They killed 42 fighters.", "42", 42, None, None, "exact"),
    ],
)
def test_values_and_qualifiers(read, sentence, surface, value, low, high, qualifier):
    claim = one(read(sentence), surface)
    assert claim.text == surface
    assert (claim.value, claim.low, claim.high, claim.qualifier) == (value, low, high, qualifier)
    assert claim.unit is None


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        ("Twenty-five people were hurt.", "Twenty-five", 25),
        ("Three hundred and fifty troops arrived.", "Three hundred and fifty", 350),
        ("A dozen trucks entered the city.", "A dozen", 12),
        ("The camp holds 1.5 million people.", "1.5 million", 1.5e6),
        ("Half a million people fled the city.", "Half a million", 5e5),
        ("Two million people are displaced.", "Two million", 2e6),
        ("Sixty-two fighters surrendered.", "Sixty-two", 62),
    ],
)
def test_spelled_and_scaled_numbers(read, sentence, surface, value):
    assert one(read(sentence), surface).value == value


@pytest.mark.parametrize(
    ("sentence", "surface", "value", "qualifier"),
    [
        ("The rebels control 70 percent of the city.", "70 percent", 70, "exact"),
        ("Turnout was 70% in the north.", "70%", 70, "exact"),
        ("They hold about 70 per cent of the district.", "about 70 per cent", 70, "approximate"),
        ("Half of the population is displaced.", "Half", 50, "exact"),
        ("Rebels lost more than a third of the area.", "more than a third", 33.33, "at_least"),
        ("Two-thirds of the homes were destroyed.", "Two-thirds", 66.67, "exact"),
        ("One in five Syrians has left the country.", "One in five", 20, "exact"),
    ],
)
def test_shares_are_percent(read, sentence, surface, value, qualifier):
    claim = one(read(sentence), surface)
    assert (claim.value, claim.qualifier, claim.unit) == (value, qualifier, "percent")


def test_one_third_of_them_children(read):
    claim = one(read("Some 300 people were killed, one third of them children."), "one third")
    assert (claim.value, claim.unit, claim.what) == (33.33, "percent", "children")


@pytest.mark.parametrize(
    ("sentence", "surface", "value", "unit"),
    [
        ("The deal cost $5bn.", "$5bn", 5e9, "USD"),
        ("He paid £20m for it.", "£20m", 2e7, "GBP"),
        ("Aid worth 1.5 million euros arrived.", "1.5 million euros", 1.5e6, "EUR"),
        ("The loan was US$3.2 million.", "US$3.2 million", 3.2e6, "USD"),
        ("Bread costs 5,000 Syrian pounds.", "5,000 Syrian pounds", 5000, "SYP"),
        ("Fuel sold at $2 per litre.", "$2 per litre", 2, "USD per litre"),
        ("The convoy drove 30 km north.", "30 km", 30, "kilometre"),
    ],
)
def test_money_and_measures_keep_their_unit(read, sentence, surface, value, unit):
    claim = one(read(sentence), surface)
    assert (claim.value, claim.unit) == (value, unit)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Shares sold between $62 and $68 per share.", [(None, 62, 68, "USD per share")]),
        ("The camps hold 2 to 3 million people.", [(None, 2e6, 3e6, None)]),
        ("It costs 5-10m euros.", [(None, 5e6, 1e7, "EUR")]),
        ("Sales rose 5% to $84 billion.", [(5, None, None, "percent"), (84e9, None, None, "USD")]),
        (
            "It raised the forecast by 0.1 percentage points to 4.2 percent.",
            [(0.1, None, None, "percentage point"), (4.2, None, None, "percent")],
        ),
        ("Republicans lost by a 3 to 1 margin.", []),
        ("They won 3-1 on Sunday.", []),
    ],
)
def test_what_makes_a_range(read, sentence, expected):
    assert [(c.value, c.low, c.high, c.unit) for c in read(sentence)] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # ordinals
        "It was the third round of talks.",
        "This is the 21st century.",
        "It was the first time since the siege began.",
        # years
        "The war began in 2011.",
        "Fighting has raged since 2012.",
        "The camp was built in the 1990s.",
        "He left Syria in 1995.",
        # ages
        "A 12-year-old boy was wounded.",
        "The victim, aged 12, was taken to hospital.",
        "He died at the age of 45.",
        # times of day
        "The shelling began at 10:30.",
        "The convoy left at 3 p.m.",
        "Talks resume at 0900 GMT.",
        # dates
        "The strike was carried out on October 24.",
        "Russia started its air strikes on September 30.",
        "The vote is on 24 October 2016.",
        # durations
        "The three-month siege ended.",
        "Monday's seven-hour meeting was fruitful.",
        "Since the beginning of the four-year war, the city has suffered.",
        "The ceasefire lasted for two days.",
        "The border was closed in the past 24 hours.",
        "They walked out six months ago.",
        "Casualties mounted in the three-and-a-half year civil war.",
        "The talks dragged on for two and a half weeks.",
        # identifiers
        "The council passed Resolution 2254.",
        "Su-24 jets struck the town.",
        "He lives at No. 3 on the square.",
    ],
)
def test_not_claims(read, sentence):
    assert read(sentence) == [], sentence


def test_list_numbering_is_not_a_claim(read):
    claims = read("Demands:\n1. The release of 300 detainees.\n2. Aid for 40,000 people.")
    assert [c.value for c in claims] == [300, 40000]


def test_one_killed_in_a_participle_clause_counts_and_one_another_does_not(read):
    claims = read("The missile hit the south, killing one person and wounding 11 others.")
    assert [c.value for c in claims] == [1, 11]
    assert read("The factions are killing one another.") == []


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        ("Some 2000 people fled the town.", "Some 2000"),
        ("They counted 2000 refugees at the border.", "2000"),
        ("The offensive killed one civilian.", "one"),
    ],
)
def test_year_like_numbers_and_one_can_still_count(read, sentence, surface):
    assert one(read(sentence), surface).value in (2000, 1)


def test_lone_one_is_not_a_count(read):
    assert read("One of the largest groups is one Syria expert said.") == []


def test_offsets_point_at_the_text(nlp):
    text = "Monitors said around 300 fighters and 1.5 million euros were involved."
    doc = nlp(text)
    for claim in find_numbers(doc):
        assert text[claim.start : claim.end] == claim.text


# -- what is counted, about whom, where, when ---------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "surface", "what"),
    [
        ("There were around 300 Nusra fighters in the east.", "300", "Nusra fighters"),
        ("Hundreds of people marched in the rain.", "Hundreds", "people"),
        ("Some 2,700 people have been killed or injured.", "2,700", "people killed or injured"),
        ("Shelling has killed 51 civilians, including 18 children.", "51", "civilians killed"),
        ("Shelling has killed 51 civilians, including 18 children.", "18", "children killed"),
        ("He blamed him for the deaths of 600,000 people.", "600,000", "people dead"),
        ("More than 250,000 Syrians were killed.", "250,000", "Syrians killed"),
        ("About 300 people died in the floods.", "About 300", "people died"),
        (
            "The tens of thousands displaced by fighting need shelter.",
            "tens of thousands",
            "displaced",
        ),
        ("The rebels control 70 percent of Sheikh Saeed.", "70 percent", "Sheikh Saeed"),
        ("Half of the country's population is displaced.", "Half", "country's population"),
    ],
)
def test_what_is_counted(read, sentence, surface, what):
    assert one(read(sentence), surface).what == what


def test_an_actor_in_a_from_phrase_names_the_counted(read):
    text = "Russia's proposals include expelling 200 fighters from Jabhat Fateh al-Sham."
    jfs = mention(text, "Jabhat Fateh al-Sham", "organisation", "jabhat-fateh-al-sham")
    claim = one(read(text, mentions=[jfs]), "200")
    assert claim.what == "Jabhat Fateh al-Sham fighters"
    assert claim.about_actor_id == "jabhat-fateh-al-sham"
    assert claim.status == "proposed"


def test_the_group_is_the_organisation_named_last(read):
    text = (
        "The UN, which has designated Jabhat Fateh al-Sham a terrorist organisation, says "
        "there are no more than 900 fighters from the group inside Aleppo."
    )
    found = [
        mention(text, "UN", "organisation", "united-nations"),
        mention(text, "Jabhat Fateh al-Sham", "organisation", "jabhat-fateh-al-sham"),
    ]
    claim = one(read(text, mentions=found), "900")
    assert (claim.what, claim.about_actor_id) == (
        "Jabhat Fateh al-Sham fighters",
        "jabhat-fateh-al-sham",
    )
    assert (claim.claimant, claim.claimant_actor_id, claim.qualifier) == (
        "UN",
        "united-nations",
        "at_most",
    )


def test_a_bare_number_borrows_the_earlier_noun_and_its_group(read):
    text = (
        "A UN estimate puts them at around 8,000 rebels, including some 900 who belong to "
        "Fateh al-Sham."
    )
    jfs = mention(text, "Fateh al-Sham", "organisation", "jabhat-fateh-al-sham")
    claim = one(read(text, mentions=[jfs]), "900")
    assert claim.what == "Fateh al-Sham rebels"
    assert claim.about_actor_id == "jabhat-fateh-al-sham"


def test_an_actor_inside_the_counted_phrase_is_what_it_is_about(read):
    text = "There were only around 300 Nusra fighters in eastern Aleppo."
    nusra = mention(text, "Nusra", "organisation", "jabhat-fateh-al-sham")
    aleppo = place(text, "Aleppo", "rashomon:aleppo")
    claim = one(read(text, mentions=[nusra], places=[aleppo]), "300")
    assert claim.about_actor_id == "jabhat-fateh-al-sham"
    assert claim.place_id == "rashomon:aleppo"


def test_place_in_the_same_clause_and_not_the_claimants(read):
    text = "Rockets killed 12 people in Aleppo, according to the Britain-based Observatory."
    found = [place(text, "Aleppo", "rashomon:aleppo"), place(text, "Britain", "geo:britain")]
    assert one(read(text, places=found), "12").place_id == "rashomon:aleppo"


def test_place_of_a_verb_chained_to_the_clause(read):
    text = "Seven people were confirmed killed at a clinic in Aleppo, the charity said."
    found = [place(text, "Aleppo", "rashomon:aleppo")]
    assert one(read(text, places=found), "Seven").place_id == "rashomon:aleppo"


def test_time_is_a_date_mention_of_the_sentence(read):
    text = "On Friday, shelling killed 20 people. Talks resumed."
    start = text.index("Friday")
    friday = DateMention(start, start + 6, "Friday", "2016-10-28", "day")
    assert one(read(text, dates=[friday]), "20").time == "2016-10-28"
    unresolved = DateMention(start, start + 6, "Friday", None, None)
    assert one(read(text, dates=[unresolved]), "20").time == "Friday"


# -- says who -------------------------------------------------------------------------------------


def test_according_to(read):
    text = (
        "Some 2,700 people have been killed, according to the Syrian Observatory for "
        "Human Rights, a monitor."
    )
    sohr = mention(text, "Syrian Observatory for Human Rights", "organisation", "sohr")
    claim = one(read(text, mentions=[sohr]), "2,700")
    assert (claim.claimant, claim.claimant_actor_id) == (
        "Syrian Observatory for Human Rights",
        "sohr",
    )
    assert one(read(text), "2,700").claimant == "Syrian Observatory"  # no mention: the phrase


def test_according_to_a_bodys_information_update_or_findings_is_the_bodys(read):
    for told in ("the latest information by", "an update from", "findings by"):
        text = f"At least 15 people were killed, according to {told} the prosecutor's office."
        assert one(read(text), "15").claimant == "prosecutor's office", told


def test_speaker_carries_within_a_paragraph_not_past_it(read):
    said = "The Observatory said the strike hit a market."
    figure = "At least 12 people were killed there."
    assert one(read(f"{said} {figure}"), "12").claimant == "Observatory"
    # a new paragraph with no speech verb is the writer's own
    assert one(read(f"{said}\n{figure}"), "12").claimant is None
    assert one(read(f"{said}\n\n{figure}"), "12").claimant is None


def test_said_after_and_before(read):
    text = "The rebels now control about 70 percent of the district, the Observatory added."
    assert one(read(text), "70").claimant == "Observatory"
    text = "Officials said hundreds of people were evacuated."
    assert one(read(text), "hundreds").claimant == "Officials"
    text = "The UN says there are no more than 900 fighters."
    un = mention(text, "UN", "organisation", "united-nations")
    assert one(read(text, mentions=[un]), "900").claimant_actor_id == "united-nations"


def test_this_was_announced_by_names_the_sentence_before(read):
    text = (
        "Dozens of people were killed at the depot, more than 40 were injured. "
        "This was announced by the head of the Regional Military Administration Ivan Petrenko "
        "in a post."
    )
    petrenko = mention(text, "Ivan Petrenko", "person", "ivan-petrenko")
    claims = read(text, mentions=[petrenko])
    assert one(claims, "Dozens").claimant_actor_id == "ivan-petrenko"
    assert one(claims, "40").claimant_actor_id == "ivan-petrenko"
    text = "At least 12 people died in the shelling. The governor reported this on Monday."
    assert one(read(text), "12").claimant == "governor"
    # a claimant already named stays; 'this' that is no speech's object gives nothing
    text = "Nine were killed, the monitor said. This was confirmed by the governor."
    assert one(read(text), "Nine").claimant == "monitor"
    text = "At least 12 people died in the shelling. This was a tragedy, the mayor said."
    assert one(read(text), "12").claimant is None
    # a new paragraph is not a back reference
    text = "At least 12 people died in the shelling.\nThis was announced by the governor."
    assert one(read(text), "12").claimant is None


def test_it_said_opening_a_sentence_is_the_body_before(read):
    text = (
        "With the United Nations condemning the raid, the coalition defended itself. "
        "It said 40 fighters were killed."
    )
    un = mention(text, "United Nations", "organisation", "united-nations")
    assert one(read(text, mentions=[un]), "40").claimant == "coalition"


def test_the_group_or_team_is_the_organisation_that_reported_before(read):
    text = (
        "Local group Free Voices of Tarmala was the first to report the raid, initially "
        "noting 25 or more deaths. The group quickly raised the death toll to 56."
    )
    claims = read(text)
    assert one(claims, "25 or more").claimant == "Free Voices of Tarmala"
    assert one(claims, "56").claimant == "Free Voices of Tarmala"
    # what a participle says by the way does not go on into the next sentence
    text = (
        "The group issued a tweet suggesting that 160 civilians had died. "
        "At least 73 dead civilians have been named."
    )
    assert one(read(text), "73").claimant is None
    text = "The Red Crescent sent ambulances to the town. Its team counted 40 bodies."
    crescent = mention(text, "Red Crescent", "organisation", "red-crescent")
    assert one(read(text, mentions=[crescent]), "40").claimant_actor_id == "red-crescent"


def test_an_estimate_noun_names_its_owner_and_beats_the_outer_speaker(read):
    text = (
        "He said there were only around 300 fighters, numbers that differ from a UN "
        "estimate of around 8,000 rebels."
    )
    found = [
        mention(text, "He", "pronoun", "khaled-khoja"),
        mention(text, "UN", "organisation", "united-nations"),
    ]
    claims = read(text, mentions=found)
    assert one(claims, "300").claimant_actor_id == "khaled-khoja"
    assert (one(claims, "8,000").claimant, one(claims, "8,000").status) == ("UN", "estimated")


def test_a_pronoun_speaker_is_named_by_the_actors_full_mention(read):
    text = "Khaled Khoja spoke in Geneva. He said there were around 300 fighters."
    found = [
        mention(text, "Khaled Khoja", "person", "khaled-khoja"),
        mention(text, "He", "pronoun", "khaled-khoja"),
    ]
    claim = one(read(text, mentions=found), "300")
    assert (claim.claimant, claim.claimant_actor_id) == ("Khaled Khoja", "khaled-khoja")


def test_an_unresolved_pronoun_claims_nothing(read):
    assert one(read("They said 300 people were arrested."), "300").claimant is None


def test_a_heading_run_into_the_claimant_is_not_part_of_it(read):
    claim = one(read("BLOODY MONDAY Local activists said 12 people were killed."), "12")
    assert claim.claimant == "Local activists"


def test_no_cue_no_claimant(read):
    assert one(read("Shelling killed 20 people."), "20").claimant is None


def test_a_speech_verb_claims_what_it_reports_not_its_adjuncts(read):
    text = "The fighting has added to a crisis, with hundreds dying from air strikes."
    assert one(read(text), "hundreds").claimant is None


def test_a_quote_gives_its_speaker_unless_an_attribution_inside_it_claims_the_number(read):
    text = '"We counted 40 bodies in the square and the UN says 300 died," Khoja said.'
    content_end = text.index('," Khoja') + 2
    khoja = mention(text, "Khoja", "person", "khaled-khoja")
    un = mention(text, "UN", "organisation", "united-nations")
    quote = Quote(
        0, content_end, text[:content_end], "direct", cue="said",
        speaker="Khoja", speaker_start=khoja.start, speaker_end=khoja.end,
        speaker_actor_id="khaled-khoja",
    )  # fmt: skip
    claims = read(text, mentions=[khoja, un], quotes=[quote])
    assert one(claims, "40").claimant_actor_id == "khaled-khoja"
    assert one(claims, "300").claimant_actor_id == "united-nations"


def test_one_asking_about_an_attack_does_not_claim_its_toll(read):
    """ "the UN called for an investigation into a strike that killed at least 50": the toll
    describes what is asked about, in the writer's words; what is asked for stays the
    asker's ("urged the release of 40 detainees")."""
    for text, surface, claimant in (
        ("The UN called for an investigation into an airstrike that killed at least 50 "
         "people.", "50", None),
        ("The UN urged the release of 40 detainees.", "40", "UN"),
    ):  # fmt: skip
        un = mention(text, "The UN", "organisation", "united-nations")
        cue = "called for" if "called" in text else "urged"
        start = text.index(cue) + len(cue) + 1
        quote = Quote(
            start, len(text) - 1, text[start:-1], "indirect", cue=cue,
            cue_start=text.index(cue), cue_end=text.index(cue) + len(cue), speaker=un.text,
            speaker_start=un.start, speaker_end=un.end, speaker_actor_id=un.actor_id,
        )  # fmt: skip
        assert one(read(text, mentions=[un], quotes=[quote]), surface).claimant == claimant


def test_accounts_a_source_will_not_dispute_claim_their_own_toll(read):
    text = (
        "The Pentagon said it was not in a position to dispute accounts from the scene of "
        "nine people being killed."
    )
    pentagon = mention(text, "The Pentagon", "organisation", "dod")
    assert one(read(text, mentions=[pentagon]), "nine").claimant == "accounts"
    plain = "The Pentagon said nine people were killed in the strike."
    pentagon = mention(plain, "The Pentagon", "organisation", "dod")
    assert one(read(plain, mentions=[pentagon]), "nine").claimant == "Pentagon"


def test_reports_nobody_owns_claim_what_they_tell(read):
    text = "The general said the strike was righteous amid reports of up to 10 civilians killed."
    general = mention(text, "The general", "person", "gen")
    assert one(read(text, mentions=[general]), "10").claimant == "reports"
    owned = "The general said his report of 10 civilians killed was final."
    general = mention(owned, "The general", "person", "gen")
    assert one(read(owned, mentions=[general]), "10").claimant != "reports"


def test_a_family_killed_counts_its_members_and_kin_speak_for_the_dead(read):
    text = (
        "A family of nine, including six children, was killed by a drone strike in Kabul, "
        "according to the brother of one of those killed."
    )
    nine = one(read(text), "nine")
    assert (nine.measure, nine.claimant) == ("killed", "brother")
    convoy = one(read("A convoy of 31 trucks was struck near Aleppo."), "31")
    assert convoy.measure != "killed"
    rebels = one(read("Regime forces executed the families of five alleged rebels."), "five")
    assert rebels.measure != "killed"  # the rebels are counted, not their families


def test_a_closing_tag_the_parse_read_as_a_participle_still_names_the_speaker(read):
    text = (
        "The number of civilians killed in the Russian strike on a train station in "
        "Kramatorsk has increased to 52, with 109 people injured, a top official announced "
        "on Saturday."
    )
    claims = read(text)
    assert one(claims, "52").claimant == one(claims, "109").claimant == "a top official"
    # a paragraph break after the tag is still the sentence's end
    claims = read(text + "\nIn a post, the governor confirmed the toll.")
    assert one(claims, "52").claimant == "a top official"


def test_a_denier_does_not_claim_the_toll_of_what_it_denies(read):
    text = (
        "The defence ministry denied reports that its jets struck a market, killing 23 people. "
        "The army rejected claims by activists that 40 people died."
    )
    ministry = mention(text, "The defence ministry", "organisation", "defence-ministry")
    army = mention(text, "The army", "organisation", "the-army")
    quotes = []
    for who, cue, content in (
        (ministry, "denied", "reports that"),
        (army, "rejected", "claims by"),
    ):
        start = text.index(content)
        end = text.index(".", start)
        quotes.append(
            Quote(
                start,
                end,
                text[start:end],
                "indirect",
                cue=cue,
                cue_start=text.index(cue),
                cue_end=text.index(cue) + len(cue),
                speaker=who.text,
                speaker_start=who.start,
                speaker_end=who.end,
                speaker_actor_id=who.actor_id,
            )  # fmt: skip
        )
    claims = read(text, mentions=[ministry, army], quotes=quotes)
    assert one(claims, "23").claimant is None
    assert one(claims, "40").claimant == "activists"
    # what happened before or after the denied act is the denier's own account
    text = "The charity denied that gunmen were firing from its clinic before a strike killed 19."
    charity = mention(text, "The charity", "organisation", "charity")
    start, cue = text.index("that gunmen"), text.index("denied")
    quote = Quote(
        start,
        len(text) - 1,
        text[start:-1],
        "indirect",
        cue="denied",
        cue_start=cue,
        cue_end=cue + 6,
        speaker=charity.text,
        speaker_start=charity.start,
        speaker_end=charity.end,
        speaker_actor_id=charity.actor_id,
    )
    assert one(read(text, mentions=[charity], quotes=[quote]), "19").claimant_actor_id == (
        "charity"
    )


# -- how sure ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "surface", "status"),
    [
        ("Russia's proposals include expelling 200 fighters.", "200", "proposed"),
        ("Moscow plans to send 300 troops.", "300", "proposed"),
        ("Russia is also suggesting the creation of four corridors.", "four", "proposed"),
        ("The government offered 500 tents.", "500", "proposed"),
        ("If the talks fail, 300 people could die.", "300", "hypothetical"),
        ("The plan would help 6,000 civilians leave.", "6,000", "proposed"),
        ("This would guarantee the safety of six corridors.", "six", "hypothetical"),
        ("An estimated 250,000 civilians live under siege.", "250,000", "estimated"),
        ("Some 5,000 fighters are believed to remain.", "5,000", "estimated"),
        ("Monitors estimate that 300 people died.", "300", "estimated"),
        ("Shelling killed 20 people.", "20", "asserted"),
        ("He said 300 fighters were in the city.", "300", "asserted"),
        ("Investigators could confirm 15 deaths.", "15", "asserted"),
        ("Investigators could find 15 more bodies.", "15", "hypothetical"),
    ],
)
def test_status(read, sentence, surface, status):
    assert one(read(sentence), surface).status == status


def test_a_bare_number_that_is_checked_counts_what_the_count_before_it_counts(read):
    claims = read("The government said 62 were killed, but investigators could only confirm 15.")
    checked = one(claims, "15")
    assert (checked.measure, checked.status) == ("killed", "asserted")
    assert one(read("The rebels said they had 300 trucks and we counted 40."), "40").measure != (
        "killed"
    )


# -- robustness ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["", " ", "$", "-5", "1,2,3", "½ of them", "10-", "between and", "from to", "per cent",
     "$US", "1.2.3.4", "9" * 40, "one in", "half", "a third", "tens of", "£ 5", "5 -- 6",
     "2000-1990", "\n1.\n2)", "“300”", "US $", "10:30:45", "3-1", "0 to 0"],
)  # fmt: skip
def test_odd_inputs_never_raise(nlp, text):
    claims = find_numbers(nlp(text))
    assert all(text[c.start : c.end] == c.text for c in claims)


def test_a_doc_without_a_parse_is_read_without_raising():
    doc = spacy.blank("en")("Around 300 fighters and 1.5 million euros, more than half.")
    claims = find_numbers(doc)
    assert [c.text for c in claims][:2] == ["Around 300", "1.5 million euros"]


def test_an_empty_doc_has_no_claims():
    assert find_numbers(Doc(spacy.blank("en").vocab, words=[])) == []


def test_mentions_that_do_not_line_up_with_tokens_do_not_break_it(read):
    text = "Shelling killed 20 people, monitors said."
    odd = [ActorMention(3, 9, "lling k", "organisation", "x", "test"), ActorMention(500, 510, "?", "person", "y", "test")]  # fmt: skip
    quotes = [Quote(-5, 3, "?", "direct"), Quote(0, 9999, "?", "indirect")]
    assert one(read(text, mentions=odd, quotes=quotes), "20").value == 20


def test_the_lexicon_is_data_and_reports_bad_files():
    lexicon = NumberLexicon.load()
    assert lexicon.mapping("words")["seven"] == 7
    assert lexicon.qualifiers[("no", "more", "than")] == "at_most"
    from rashomon.errors import InputError

    with pytest.raises(InputError):
        NumberLexicon.parse("bad.yaml", "words: [unclosed")


def test_sentences_the_reader_cannot_handle_are_logged_and_skipped(nlp, monkeypatch, caplog):
    from rashomon.extract import numbers

    def broken(self, i, stop):
        raise ValueError("boom")

    monkeypatch.setattr(numbers._Article, "_core", broken)
    with caplog.at_level(logging.WARNING, logger="rashomon.extract.numbers"):
        assert find_numbers(nlp("About 300 fighters. Then 40 more.")) == []
    assert "skipped the sentence" in caplog.text


# -- the seeds, through the real stages -----------------------------------------------------------


@pytest.fixture(scope="module")
def seed_claims(nlp: Language):
    need(SEEDS)
    from rashomon.article.build import UserMetadata, build_article
    from rashomon.article.outlets import OutletDirectory
    from rashomon.entities import EntityExtractor
    from rashomon.extract.dates import find_dates
    from rashomon.extract.places import find_places
    from rashomon.ingest.text import read_text

    extractor = EntityExtractor.build(nlp)
    outlets = OutletDirectory.load()
    find_quotes = None
    if importlib.util.find_spec("rashomon.extract.quotes") is not None:
        from rashomon.extract.quotes import find_quotes

    def claims(prefix: str) -> list[NumberClaim]:
        (path,) = SEEDS.glob(f"{prefix}_*.txt")
        article = build_article(read_text(str(path), path.read_bytes()), outlets, UserMetadata())
        doc = nlp(article.body)
        places = find_places(doc, extractor.gazetteer)
        mentions = extractor.matcher.find(doc, [(p.start, p.end) for p in places]).mentions
        quotes = find_quotes(doc, mentions) if find_quotes is not None else []
        return find_numbers(
            doc,
            mentions=mentions,
            places=places,
            dates=find_dates(doc, article.published),
            quotes=quotes,
        )

    return claims


def by_value(claims: list[NumberClaim], value: float) -> NumberClaim:
    (claim,) = [c for c in claims if value in (c.value, c.low, c.high)]
    return claim


def test_seed_000_khoja_and_the_un_disagree(seed_claims):
    claims = seed_claims("000")
    nusra = by_value(claims, 300)
    assert (nusra.what, nusra.qualifier) == ("Nusra fighters", "approximate")
    assert (nusra.claimant_actor_id, nusra.about_actor_id) == (
        "khaled-khoja",
        "jabhat-fateh-al-sham",
    )
    assert "Khoja" in (nusra.claimant or "")
    assert nusra.place_id == "rashomon:aleppo"
    rebels = by_value(claims, 20000)
    assert (rebels.what, rebels.claimant_actor_id) == ("rebels", "khaled-khoja")
    un = by_value(claims, 8000)
    assert (un.what, un.qualifier, un.claimant_actor_id) == (
        "rebels",
        "approximate",
        "united-nations",
    )
    jfs = by_value(claims, 900)
    assert jfs.what is not None and "Fateh al-Sham" in jfs.what
    assert (jfs.about_actor_id, jfs.claimant_actor_id) == ("jabhat-fateh-al-sham", "united-nations")
    civilians, children = by_value(claims, 51), by_value(claims, 18)
    assert civilians.what == "civilians killed" and children.what is not None
    assert "children" in children.what
    for claim in (civilians, children):
        assert claim.claimant_actor_id == "syrian-observatory-for-human-rights"


def test_seed_002_killed_or_injured_and_the_un_maximum(seed_claims):
    claims = seed_claims("002")
    toll = by_value(claims, 2700)
    assert (toll.what, toll.qualifier) == ("people killed or injured", "approximate")
    assert toll.claimant_actor_id == "syrian-observatory-for-human-rights"
    fighters, rebels = by_value(claims, 900), by_value(claims, 8000)
    assert (fighters.qualifier, fighters.high) == ("at_most", 900)
    assert fighters.what is not None and "fighters" in fighters.what
    assert (rebels.qualifier, rebels.high, rebels.what) == ("at_most", 8000, "rebels")
    assert fighters.claimant_actor_id == rebels.claimant_actor_id == "united-nations"


def test_seed_003_share_of_sheikh_saeed_and_turkeys_toll(seed_claims):
    claims = seed_claims("003")
    share = by_value(claims, 70)
    assert (share.unit, share.qualifier, share.place_id) == (
        "percent",
        "approximate",
        "rashomon:sheikh-saeed",
    )
    assert share.claimant_actor_id == "syrian-observatory-for-human-rights"
    toll = by_value(claims, 600000)
    assert toll.claimant_actor_id == "turkey"
    assert toll.what is not None and "people" in toll.what
    assert not [c for c in claims if c.value == 13], "the related-link headline is not a claim"


def test_seed_001_the_russian_proposal(seed_claims):
    claims = seed_claims("001")
    proposal = by_value(claims, 200)
    assert proposal.status == "proposed"
    assert proposal.what is not None and "fighters" in proposal.what
    assert proposal.about_actor_id == "jabhat-fateh-al-sham"


def test_seeds_hold_no_years_dates_or_durations(seed_claims):
    for prefix in ("000", "001", "002", "003", "004"):
        for claim in seed_claims(prefix):
            assert claim.value not in (2011, 2012, 2014, 2015, 24, 30), (prefix, claim)
            assert not any(w in claim.text for w in ("month", "hour", "year", "day")), claim


def test_no_seed_or_newsquant_text_makes_it_raise(nlp, caplog):
    need(SEEDS)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    if NEWSQUANT.exists():
        texts += [item["text"] for item in json.loads(NEWSQUANT.read_text(encoding="utf-8"))]
    with caplog.at_level(logging.WARNING, logger="rashomon.extract.numbers"):
        for doc in nlp.pipe(texts):
            for claim in find_numbers(doc):
                assert doc.text[claim.start : claim.end] == claim.text
    assert "skipped the sentence" not in caplog.text


def test_the_writers_aside_inside_reported_speech_is_the_writers(read):
    russia = "Russia denied its jets were involved in the incident, in which 18 trucks burned."
    assert one(read(russia, mentions=[mention(russia, "Russia", "location", "russia")]),
               "18").claimant is None  # fmt: skip
    sams = "SAMS said 40 people died in Douma, about 10 miles east of Damascus, on Saturday."
    claims = read(sams, mentions=[mention(sams, "SAMS", "organisation", "sams")])
    assert one(claims, "40").claimant_actor_id == "sams"
    assert one(claims, "10 miles").claimant is None


@pytest.mark.parametrize(
    ("said", "claimed"),
    [
        ("the US had a drone overhead when the convoy was struck on Monday, killing at least 20 "
         "civilians.", False),
        ("when the strike hit the market, 20 civilians were killed.", True),
        ("20 civilians were killed when the strike hit the market.", True),
    ],
)  # fmt: skip
def test_a_when_clause_in_reported_speech_is_the_writers_background(read, said, claimed):
    """What a "when" clause tells is taken as known: "Russia claimed that a US drone was
    overhead when the convoy was struck, killing 20" claims the drone, not the toll; a toll
    in the main clause after the "when" clause ("..., 20 were killed") stays the speaker's."""
    text = f"Russia claimed that {said}"
    russia = mention(text, "Russia", "location", "russia")
    start = text.index(said)
    quote = Quote(start, len(text) - 1, said[:-1], "indirect", cue="claimed", speaker="Russia",
                  speaker_start=0, speaker_end=6, speaker_actor_id="russia")  # fmt: skip
    claim = one(read(text, mentions=[russia], quotes=[quote]), "20")
    assert (claim.claimant_actor_id == "russia") == claimed


def test_a_speaker_after_a_dashed_aside_claims_the_toll_before_it(read):
    """ "50 people died in the attack, Doctors Without Borders - known as MSF - confirmed": the
    parse hangs the speaker on "people" as an apposition; it is the closing tag's subject,
    no part of what is counted."""
    text = ("At least 50 people died in the attack on the building in the Al-Sukkari "
            "neighborhood, Doctors Without Borders \u2013 known internationally as Medecins Sans "
            "Frontieres (MSF) \u2013 confirmed.")  # fmt: skip
    msf = mention(text, "Doctors Without Borders", "organisation", "msf")
    assert one(read(text, mentions=[msf]), "50").claimant == "Medecins Sans Frontieres"


def test_a_bare_team_names_no_one_and_the_speaker_outside_claims(read):
    text = "Mission chief Jan Brok says team counted more than 92 bodies in the town."
    brok = mention(text, "Mission chief Jan Brok", "person", "jan-brok")
    assert one(read(text, mentions=[brok]), "92").claimant_actor_id == "jan-brok"


def test_a_tweet_claims_its_figure(read):
    text = "An earlier, now deleted tweet, put the number dead at more than 150."
    assert "tweet" in one(read(text), "more than 150").claimant


def test_a_speech_tag_after_the_clause_claims_the_clause(read):
    text = (
        "A chemical attack on a town has killed dozens of people, medical services reported, "
        "and Washington said the reports would demand a response."
    )
    assert one(read(text), "dozens").claimant == "medical services"


# -- claimants in comma-less wire copy and across sentences ----------------------------------------

_KINDS = {"sohr": "monitor", "assad": "person"}


def test_the_words_before_the_verb_say_who_when_the_parsed_subject_is_no_one(read):
    text = (
        "A bomb killed 18 people in the suburb on Tuesday the latest in a string of blasts "
        "to hit the quiet district state media said."
    )
    claim = one(read(text), "18")
    assert claim.claimant is not None and claim.claimant.endswith("state media")
    assert claim.claimant_kind == "media"


def test_a_plain_noun_before_the_verb_is_not_taken_for_the_speaker(read):
    text = "Photographs provided by witnesses indicate that at least two bombs were used."
    assert one(read(text), "two").claimant != "witnesses"


def test_a_monitor_in_a_run_on_lead_is_the_monitor_named_next(read):
    text = (
        "At least 15 civilians were killed in an air strike near the rebel bastion Idlib "
        "a monitor said. The Syrian Observatory for Human Rights said 17 were hurt."
    )
    sohr = mention(text, "Syrian Observatory for Human Rights", "organisation", "sohr")
    claims = read(text, mentions=[sohr], kind_of=_KINDS.get)
    assert one(claims, "15").claimant_actor_id == "sohr"


def test_a_new_unnamed_group_is_the_monitor_named_after_it(read):
    text = (
        "A human rights group said 34 civilians were killed in the village. The Syrian "
        "Observatory for Human Rights said the strikes hit a school."
    )
    sohr = mention(text, "Syrian Observatory for Human Rights", "organisation", "sohr")
    claims = read(text, mentions=[sohr], kind_of=_KINDS.get)
    assert one(claims, "34").claimant_actor_id == "sohr"
    # a definite "the group" with no monitor before it is not guessed
    text = "The group said 34 civilians were killed. The Syrian Observatory said so."
    sohr = mention(text, "Syrian Observatory", "organisation", "sohr")
    assert one(read(text, mentions=[sohr], kind_of=_KINDS.get), "34").claimant_actor_id is None


def test_a_toll_nobody_owns_is_given_by_the_subject_of_its_verb(read):
    text = "A monitoring group on Tuesday raised the death toll from the strikes to 61."
    claim = one(read(text), "61")
    assert (claim.claimant, claim.claimant_kind) == ("A monitoring group", "monitor")
    assert one(read("The blast raised the death toll to 61."), "61").claimant is None


def test_a_toll_given_by_someone_in_the_passive_is_theirs(read):
    claim = one(read("A toll of 80 dead was given by opposition activists."), "80")
    assert claim.claimant == "opposition activists"
    claim = one(read("The toll of 45 was reported by the health directorate."), "45")
    assert claim.claimant == "health directorate"
    assert one(read("A convoy of 31 trucks was hit by Russian jets."), "31").claimant is None


def test_he_said_goes_on_with_the_speaker_before(read):
    text = (
        "An official at the governor's office said ten rockets hit the square. He said the "
        "blasts wounded at least 130 people."
    )
    he = mention(text, "He", "pronoun", "assad")
    claim = one(read(text, mentions=[he], kind_of=_KINDS.get), "130")
    assert claim.claimant == "An official"
    # with no speaker before, the actor stage's reading stands
    text = "Rockets hit the square. He said the blasts wounded at least 130 people."
    he = mention(text, "He", "pronoun", "assad")
    assert one(read(text, mentions=[he], kind_of=_KINDS.get), "130").claimant_actor_id == "assad"


def test_quoted_as_saying(read):
    text = "The Observatory quoted local sources as saying that 270 people were executed."
    assert one(read(text), "270").claimant == "Observatory"


def test_a_place_in_a_phrase_before_the_verb_is_not_the_speaker(read):
    text = "An earlier toll from the strike on the rebel stronghold of Kafr Nabl reported 15 dead."
    assert one(read(text), "15").claimant != "Kafr Nabl"
    text = "A teacher living in Jobar said she heard at least two blasts on Monday."
    assert one(read(text), "two").claimant != "Jobar"


def test_bare_media_are_no_outlet_named_before(read):
    text = "SANA said the strike hit a school. Local media reported that 20 people were killed."
    sana = mention(text, "SANA", "organisation", "sana")
    claim = one(read(text, mentions=[sana], kind_of={"sana": "media"}.get), "20")
    assert claim.claimant_actor_id is None and claim.claimant == "Local media"
    text = "SANA said the strike hit a school. The agency reported that 20 people were killed."
    sana = mention(text, "SANA", "organisation", "sana")
    claim = one(read(text, mentions=[sana], kind_of={"sana": "media"}.get), "20")
    assert claim.claimant_actor_id == "sana"


def test_people_from_an_organisation_are_its_voice(read):
    text = "Activists from the Local Coordination Committees said 30 bodies were brought in."
    lcc = mention(text, "Local Coordination Committees", "organisation", "lcc")
    claim = one(read(text, mentions=[lcc]), "30")
    assert claim.claimant_actor_id == "lcc"
    assert claim.claimant == "Activists from the Local Coordination Committees"
    # a place is no organisation
    assert (
        one(read("Activists in Douma said 30 bodies were found."), "30").claimant_actor_id is None
    )


def test_a_description_known_by_a_name_claims_as_that_name(read):
    text = "The civil defence service known as the White Helmets put the death toll at 150."
    named = mention(text, "White Helmets", "organisation", "white-helmets")
    assert one(read(text, mentions=[named]), "150").claimant_actor_id == "white-helmets"


def test_a_speaker_inside_a_reported_clause_claims_the_number_after_it():
    from rashomon.api import analyze

    found = analyze(
        "Strike on a mosque\n\nThe army said it struck a meeting but denied targeting a mosque "
        "where a monitor said on Friday 46 people were killed."
    )
    assert [(f.text, f.claimant) for f in found.figures] == [("46", "a monitor")]
    found = analyze("Strike on a mosque\n\nThe army said the strike killed 46 militants.")
    assert [(f.text, f.claimant) for f in found.figures] == [("46", "army")]


def test_they_said_goes_on_with_the_speakers_before(read):
    text = "Activists said the market was hit three times. They said 40 people died."
    assert one(read(text), "40").claimant == "Activists"


def test_a_toll_put_as_high_as_a_number_is_a_ceiling_of_the_dead(read):
    claim = one(read("The rescuers put the death toll as high as 150."), "150")
    assert (claim.measure, claim.qualifier) == ("killed", "at_most")
    claim = one(read("The death toll could be as high as 80, the monitor said."), "80")
    assert (claim.measure, claim.qualifier, claim.claimant) == ("killed", "at_most", "monitor")


def test_the_group_the_counted_belong_to_gives_their_measure(read):
    among = one(read("Among the dead were 12 children, the monitor said."), "12")
    assert (among.measure, among.victims) == ("killed", "children")
    claims = read("The dead included two nurses and four children, activists said.")
    assert [(c.measure, c.victims) for c in claims] == [
        ("killed", "civilians"),
        ("killed", "children"),
    ]
    assert one(read("The convoy included 31 trucks."), "31").measure == "other"


def test_a_group_before_the_measure_noun_is_the_victims(read):
    claim = one(read("Health workers reported more than 80 civilian deaths."), "80")
    assert (claim.measure, claim.victims) == ("killed", "civilians")
    claim = one(read("The ministry counted 40 child casualties in the strike."), "40")
    assert claim.victims == "children"


def test_an_aside_read_as_the_subject_leaves_the_group_to_say_the_measure(read):
    # a real report's wording: the dashes' aside parses as the subject of "were"
    claims = read(
        "The toll of the air strike on the village has risen to at least 171, according to"
        " ground sources.\n\nAmong the victims — 121 male and 47 female — were 25 children"
        " under the age of 10, according to the activists."
    )
    assert (one(claims, "25").measure, one(claims, "25").victims) == ("killed", "children")


def test_a_verb_of_harm_outranks_a_participle_that_says_who_the_counted_were(read):
    assert one(read("At least 21 displaced people were killed in the raid."), "21").measure == (
        "killed"
    )
    assert one(read("The 40 wounded civilians were taken to hospital."), "40").measure == (
        "injured"
    )


def test_a_count_of_them_reads_as_the_count_before_it(read):
    five = one(read("The strike killed 12 people, five of them women."), "five")
    assert (five.measure, five.victims) == ("killed", "women")
    seven = one(
        read("Jets killed at least 22 people in a town on Monday, seven of them children."), "seven"
    )
    assert (seven.measure, seven.victims) == ("killed", "children")


def test_a_closing_it_said_goes_on_with_the_speaker_before(read):
    text = (
        "The defence ministry said the rocket was fired from the south. The strike killed "
        "12 people and wounded 30 others, it said."
    )
    claim = one(read(text), "12")
    assert claim.claimant == "defence ministry"
    assert one(read(text), "30").claimant == "defence ministry"
    # an "it said" inside the sentence is no closing tag
    text = "The ministry spoke on Monday. A witness said it said 12 people died in the strike."
    assert one(read(text), "12").claimant != "ministry"


def test_a_title_before_an_unknown_name_is_that_person(read):
    text = "At least 39 people died, a spokesman for the defence ministry Andriy Melnyk said."
    assert one(read(text), "39").claimant == "Andriy Melnyk"
    # a title with no name stays the title
    assert one(read("A spokesman for the ministry said 20 people died."), "20").claimant == (
        "A spokesman"
    )
    # an honorific and a name the model took for part of the hospital's name
    text = "Director of Aleppo's Children's Hospital Dr Hatem said the strike killed 27 staff."
    assert one(read(text), "27").claimant == "Dr Hatem"
    assert one(read("The director of the hospital said 27 staff died."), "27").claimant == (
        "director"
    )


def test_a_number_of_groups_claim_as_the_groups(read):
    text = "A number of opposition groups based in the town reported 40 people killed."
    claim = one(read(text), "40")
    assert claim.claimant == "opposition groups" and claim.claimant_kind == "organisation"
    assert one(read("A number of strikes killed 40 people."), "40").claimant is None


def test_a_dateline_is_no_claimant_though_its_agency_may_be():
    from rashomon.extract.numbers.claimant import _DATELINE

    for text, agency in (
        ("NEWTOWN, May 3, 2021 (TASS", "TASS"),
        ("Newtown, March 1. /TASS/", "TASS"),
        ("NEWTOWN, Nov 1 (Reuters)", "Reuters"),
    ):
        found = _DATELINE.match(text)
        assert found is not None and found["agency"] == agency, text
    for text in ("the Defense Ministry", "Syrian Observatory for Human Rights",
                 "NEWTOWN, May 3, 2021 (TASS) - the army", "Smith, a local official"):  # fmt: skip
        assert _DATELINE.match(text) is None, text


def test_a_figure_after_a_dated_dateline_is_claimed_by_whom_the_sentence_names(read):
    text = "NEWTOWN, May 3, 2021 (TASS) - Troops destroyed 12 tanks, the army said."
    claim = one(read(text), "12")
    assert claim.claimant == "army"


def test_a_date_of_the_act_is_not_the_counts(read):
    """'the bombing on Saturday': Saturday dates the bombing; the toll is as of its telling."""
    text = "The death toll from the bombing on Saturday has reached 250, the ministry said."
    start = text.index("Saturday")
    saturday = DateMention(start, start + 8, "Saturday", "2016-07-02", "day")
    assert one(read(text, dates=[saturday]), "250").time is None
    text = "Shelling on Saturday killed 20 people, the ministry said."
    start = text.index("Saturday")
    saturday = DateMention(start, start + 8, "Saturday", "2016-07-02", "day")
    assert one(read(text, dates=[saturday]), "20").time == "2016-07-02"
    text = "The toll on Saturday rose to 40, the ministry said."
    start = text.index("Saturday")
    saturday = DateMention(start, start + 8, "Saturday", "2016-07-02", "day")
    assert one(read(text, dates=[saturday]), "40").time == "2016-07-02"


def test_an_intelligence_body_is_a_claimant(read):
    text = "The US intelligence community estimated there were 100 to 300 people killed."
    assert one(read(text), "100 to 300").claimant == "US intelligence community"
