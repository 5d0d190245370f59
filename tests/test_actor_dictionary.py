"""The packaged actor dictionary and the lookups the extractors rely on."""

from collections import Counter
from importlib import resources

import pytest
import yaml

from rashomon.errors import InputError
from rashomon.extract.actor_dictionary import ActorDictionary
from rashomon.model import Actor, ActorKind, Renaming

SECTORS = {"GOV", "MIL", "SPY", "COP", "LEG", "JUD", "REB", "INS", "OPP", "IGO", "NGO", "HRI",
           "MED", "REL", "BUS"}  # fmt: skip


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.load()


def ids(found) -> list[str]:
    return [a.id for a in found]


def test_packaged_file_is_large_versioned_and_ids_unique():
    data = yaml.safe_load(resources.files("rashomon.data").joinpath("actors.yaml").read_text())
    assert data["version"] == 1
    counts = Counter(entry["id"] for entry in data["actors"])
    assert len(counts) >= 170
    assert [i for i, n in counts.items() if n > 1] == []


def test_entries_are_well_formed(actors):
    assert len(actors) >= 170
    for actor in actors:
        assert actor.sector in SECTORS, actor.id
        assert actor.country is None or (len(actor.country) == 3 and actor.country.isupper())
        if actor.affiliation is not None:
            assert actors.get(actor.affiliation).id == actor.affiliation
        if actor.kind is ActorKind.PERSON:
            assert not actor.metonyms, actor.id


def test_people_carry_no_titles_and_shared_surnames_are_no_aliases(actors):
    # The extractor widens a bare surname to "Mr Shoigu" itself; a shared surname is left to
    # the article's context.
    for actor in actors:
        if actor.kind is ActorKind.PERSON:
            titled = [a for a in actor.aliases if a.startswith(("President ", "General ", "Col"))]
            assert set(titled) <= {"President Assad"}, actor.id
    for surname in ("Barzani", "Hariri", "Jaafari", "Alloush", "Zoubi"):
        assert actors.lookup(surname) == [], surname
    assert ids(actors.lookup("Shoigu")) == ["sergei-shoigu"]


def test_every_kind_is_covered(actors):
    kinds = Counter(a.kind for a in actors)
    assert set(kinds) == set(ActorKind)
    assert kinds[ActorKind.PERSON] >= 100


def test_affiliation_chain_reaches_the_government(actors):
    guard = actors.get("republican-guard")
    army = actors.get(guard.affiliation)
    assert army.id == "syrian-arab-army"
    assert army.affiliation == "syrian-government"
    assert actors.get("sergei-lavrov").affiliation == "russian-government"


@pytest.mark.parametrize(
    "name", ["al-Nusra Front", "Fateh al-Sham Front", "Jabhat Fatah al-Sham", "Nusra", "JFS",
             "Jabhat Fateh al-Sham", "the Nusra Front", "Fatah al-Sham"],
)  # fmt: skip
def test_nusra_names_are_one_group(actors, name):
    assert ids(actors.lookup(name)) == ["jabhat-fateh-al-sham"]


def test_transliterations_of_one_person_meet(actors):
    assert ids(actors.lookup("Sergi Shoigu")) == ids(actors.lookup("Sergey Shoigu"))
    assert ids(actors.lookup("Sergei Shoygu")) == ["sergei-shoigu"]
    assert ids(actors.lookup("Staffan de Mistoura")) == ["staffan-de-mistura"]
    assert ids(actors.lookup("Issam al-Reis")) == ids(actors.lookup("Issam al- Rayyes"))


def _invented() -> ActorDictionary:
    return ActorDictionary([
        Actor(id="harakat-nour-al-qamar", name="Harakat Nour al-Qamar", kind=ActorKind.ARMED_GROUP),
        Actor(id="jaysh-al-sahil", name="Jaysh al-Sahil", kind=ActorKind.ARMED_GROUP),
        Actor(id="jaysh-al-sahir", name="Jaysh al-Sahir", kind=ActorKind.ARMED_GROUP),
        Actor(id="liwa-al-bahr", name="Liwa al-Bahrayn", kind=ActorKind.ARMED_GROUP),
        Actor(id="jonathan-marsh", name="Jonathan Marshall", kind=ActorKind.PERSON),
    ])  # fmt: skip


@pytest.mark.parametrize(
    "name", ["Hrakat Nour al-Qamar", "Haraket Nour al-Qamar", "Harakt Nour al-Qamar",
             "Harakat Nour al-Qamarr", "Harkaat Nour al-Qamar"],
)  # fmt: skip
def test_a_group_misspelt_by_a_letter_is_found_close(name):
    found = _invented().lookup(name) or [_invented().lookup_close(name)]
    assert ids(found) == ["harakat-nour-al-qamar"]


@pytest.mark.parametrize(
    "name",
    ["Harakat Nour al-Qomar",  # a letter replaced: another word, maybe another group
     "Harakt Nour al-Qamr",  # two words misspelt
     "Jaysh al-Sahi",  # a short word, and two groups one letter apart
     "Liwa al-Bahrayni Brigade",  # not the same number of words
     "Jonathan Marshal",  # a person: a letter tells two people apart
    ],
)  # fmt: skip
def test_close_lookup_stays_conservative(name):
    assert _invented().lookup_close(name) is None


def test_packaged_misspelt_group_is_found_close(actors):
    assert actors.lookup("Jabat Fateh al-Sham") == []
    assert actors.lookup_close("Jabat Fateh al-Sham").id == "jabhat-fateh-al-sham"


def test_variant_tier_finds_unlisted_spellings_but_not_words(actors):
    assert ids(actors.lookup("Abu Mohamad al-Golani")) == ["abu-mohammad-al-julani"]
    assert ids(actors.lookup("Hezballah")) == ["hezbollah"]
    assert actors.lookup("used") == [] and actors.lookup("an") == []
    assert actors.lookup("Stefanie Dekker") == []


@pytest.mark.parametrize(
    ("name", "actor_id"),
    [
        ("Daesh", "islamic-state"),
        ("ISIL", "islamic-state"),
        ("ISIS", "islamic-state"),
        ("SOHR", "syrian-observatory-for-human-rights"),
        ("the Observatory", "syrian-observatory-for-human-rights"),
        ("High Negotiations Committee", "high-negotiations-committee"),
        ("HNC", "high-negotiations-committee"),
        ("Khaled Khoja", "khaled-khoja"),
        ("Rami Abdel Rahman", "rami-abdel-rahman"),
        ("Fourth Division", "fourth-armoured-division"),
        ("Russian air force", "russian-aerospace-forces"),
        ("Revolutionary Guards", "irgc"),
        ("White Helmets", "syria-civil-defence"),
        ("Liwa Suqour al-Jabal", "liwa-suqour-al-jabal"),
        ("Noah Bonsey", "noah-bonsey"),
        ("Assad", "bashar-al-assad"),
        ("Mevlüt Çavuşoğlu", "mevlut-cavusoglu"),
        ("U.S.", "united-states"),
        # the Horn of Africa's and the Sahel's parties, beside the Levant's
        ("Tigray People’s Liberation Front", "tigray-peoples-liberation-front"),
        ("TPLF", "tigray-peoples-liberation-front"),
        ("Ethiopian National Defence Force", "ethiopian-national-defense-force"),
        ("Rapid Support Forces", "rapid-support-forces"),
        ("al-Shabab", "al-shabaab"),
        ("ISWAP", "iswap"),
    ],
)
def test_lookup(actors, name, actor_id):
    assert ids(actors.lookup(name)) == [actor_id]


def test_unknown_name_finds_nothing(actors):
    assert actors.lookup("Stefanie Dekker") == []
    assert actors.lookup("") == []


def test_roles(actors):
    assert ids(actors.by_role("Russia's defence minister")) == ["sergei-shoigu"]
    assert ids(actors.by_role("Russian Defense Minister")) == ["sergei-shoigu"]
    assert ids(actors.by_role("foreign minister of Russia")) == ["sergei-lavrov"]
    assert ids(actors.by_role("the UN envoy", on="2016-10")) == ["staffan-de-mistura"]
    assert ids(actors.by_role("the top UN envoy for Syria", "2016")) == ["staffan-de-mistura"]
    assert ids(actors.by_role("the UN's special envoy for Syria", "2017-03-01")) == [
        "staffan-de-mistura"
    ]
    assert ids(actors.by_role("the SOHR head")) == ["rami-abdel-rahman"]


def test_roles_go_to_whoever_held_them_on_the_date(actors):
    assert ids(actors.by_role("the UN envoy for Syria", on="2013-06-02")) == ["lakhdar-brahimi"]
    assert ids(actors.by_role("UN secretary-general", on="2016-12")) == ["ban-ki-moon"]
    assert ids(actors.by_role("UN secretary-general", on="2017-01-05")) == ["antonio-guterres"]
    assert ids(actors.by_role("US secretary of state", on="2016-09-19")) == ["john-kerry"]
    assert ids(actors.by_role("US president", on="2017-01-20")) == ["donald-trump"]
    assert ids(actors.by_role("US president", on="2017-01-19")) == ["barack-obama"]
    # a date coarser than the terms keeps every holder it may mean
    assert set(ids(actors.by_role("US president", on="2017"))) == {"barack-obama", "donald-trump"}


def test_role_terms_are_read_and_checked(tmp_path):
    user = tmp_path / "mine.yaml"
    user.write_text(
        "actors:\n  - {id: envoy-a, name: Envoy A, kind: person,\n"
        "     roles: [special envoy for Narnia, {role: [Narnia envoy], since: 2014-07, until: 2015}]}\n",
        encoding="utf-8",
    )
    actor = ActorDictionary.load([user]).get("envoy-a")
    assert actor.roles == ("special envoy for Narnia", "Narnia envoy")
    assert [(t.role, t.since, t.until) for t in actor.role_terms] == [
        ("Narnia envoy", "2014-07", "2015")
    ]
    user.write_text(
        "actors:\n  - {id: envoy-a, name: Envoy A, kind: person,\n"
        "     roles: [{role: Narnia envoy, since: soon}]}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="since/until"):
        ActorDictionary.load([user])


def test_former_affiliations_are_read(actors):
    assert [(f.affiliation, f.until) for f in actors.get("jihad-makdissi").former_affiliations] == [
        ("syrian-foreign-ministry", "2012-12")
    ]


@pytest.mark.parametrize(
    ("former", "problem"),
    [
        ("{id: body-b, until: 2012-12}", "'body-b' is not a known actor id"),
        ("{id: body-a, until: soon}", "needs an id and an ISO date"),
    ],
)
def test_former_affiliations_are_checked(tmp_path, former, problem):
    user = tmp_path / "mine.yaml"
    user.write_text(
        "actors:\n  - {id: body-a, name: Body A, kind: government}\n"
        f"  - {{id: man-a, name: Man A, kind: person, former_affiliations: [{former}]}}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=problem):
        ActorDictionary.load([user])


def test_roles_that_changed_hands_stay_ambiguous(actors):
    assert set(ids(actors.by_role("US secretary of state"))) == {"john-kerry", "rex-tillerson"}
    assert len(actors.by_role("the UN envoy")) > 1  # without a date: every holder
    assert len(actors.by_role("foreign minister")) > 5
    assert actors.by_role("the envoy") == []  # one word: only an exact role counts


def test_metonyms(actors):
    assert ids(actors.by_metonym("Damascus")) == ["syrian-government"]
    assert ids(actors.by_metonym("the regime")) == ["syrian-government"]
    assert ids(actors.by_metonym("the Kremlin")) == ["russian-government"]
    assert ids(actors.by_metonym("Ankara")) == ["turkish-government"]
    assert ids(actors.by_metonym("Washington")) == ["us-government"]
    assert actors.by_metonym("Aleppo") == []


def test_former_names(actors):
    actor, renaming = actors.former_name_info("al-Nusra Front")
    assert actor.id == "jabhat-fateh-al-sham"
    assert renaming == Renaming("al-Nusra Front", "2016-07")
    assert actors.former_name_info("Jabhat Fateh al-Sham") is None
    actor, renaming = actors.former_name_info("New Syrian Army")
    assert (actor.id, renaming.until) == ("maghawir-al-thawra", "2016-12")


def test_surface_forms_cover_every_kind_of_name(actors):
    forms = set(actors.surface_forms())
    assert ("Damascus", "syrian-government") in forms
    assert ("al-Nusra Front", "jabhat-fateh-al-sham") in forms
    assert ("Sergi Shoigu", "sergei-shoigu") in forms
    assert not any(form == "Russia's defence minister" for form, _ in forms)  # roles are not names
    listed = list(actors.surface_forms())
    assert len(listed) == len(set(listed))


def test_user_file_adds_and_replaces(tmp_path):
    user = tmp_path / "mine.yaml"
    user.write_text(
        "version: 1\nactors:\n"
        "  - {id: aleppo-local-council, name: Aleppo Local Council, kind: political group,\n"
        "     country: SYR, sector: OPP, affiliation: syrian-interim-government}\n"
        "  - {id: sergei-lavrov, name: Sergey Viktorovich Lavrov, kind: person, country: RUS,\n"
        "     sector: GOV, aliases: [Lavrov]}\n",
        encoding="utf-8",
    )
    packaged = ActorDictionary.load()
    actors = ActorDictionary.load([user])
    assert len(actors) == len(packaged) + 1
    assert ids(actors.lookup("Aleppo Local Council")) == ["aleppo-local-council"]
    assert actors.get("sergei-lavrov").name == "Sergey Viktorovich Lavrov"
    assert actors.lookup("Sergi Lavrov") == []  # the replaced entry's aliases are gone
    assert actors.version != packaged.version
    assert [a.id for a in actors][:3] == [a.id for a in packaged][:3]  # order kept


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("actors:\n  - {id: x-group, name: X, kind: gang}\n", "kind"),
        ("actors:\n  - {id: x-group, name: X, kind: other, affiliation: nobody}\n", "nobody"),
        (
            "actors:\n  - {id: x, name: X, kind: other}\n  - {id: x, name: Y, kind: other}\n",
            "twice",
        ),
        ("actors:\n  - {id: X Group, name: X, kind: other}\n", "slug"),
        ("actors:\n  - {id: x, name: X, kind: other, colour: red}\n", "colour"),
        ("actors:\n  - {id: x, name: X, kind: other, country: Syria}\n", "ISO"),
        ("actors:\n  - {id: x, name: X, kind: other, aliases: Y}\n", "aliases"),
        ("actors: [\n", "YAML"),
        ("version: 1\n", "actors"),
    ],
)
def test_broken_user_file_is_named(tmp_path, body, problem):
    path = tmp_path / "broken.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        ActorDictionary.load([path])
    assert caught.value.source == str(path)
    assert problem in str(caught.value)


def test_missing_user_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="absent.yaml"):
        ActorDictionary.load([tmp_path / "absent.yaml"])


def test_get_unknown_id_raises(actors):
    with pytest.raises(KeyError):
        actors.get("no-such-actor")


def test_version_is_stable(actors):
    assert actors.version == ActorDictionary.load().version
    assert len(actors.version) == 16


def test_counterparts_swap_the_roles_country_on_the_date():
    dictionary = ActorDictionary.load()
    found = dictionary.counterparts("samantha-power", frozenset({"russia"}), "2016-09-17")
    assert [a.id for a in found] == ["vitaly-churkin"]
    assert dictionary.counterparts("samantha-power", frozenset({"russia"}), "2018-01-10") == []


def test_lookup_prefix_completes_a_group_name_cut_short():
    groups = ActorDictionary(
        [
            Actor("harbour-guard", "Harbour Guard Brigades", ActorKind.ARMED_GROUP),
            Actor("red-council", "Red Valley Council", ActorKind.POLITICAL_GROUP),
            Actor("red-front", "Red Valley Front", ActorKind.ARMED_GROUP),
            Actor("sami-harbour", "Sami Harbour Guard", ActorKind.PERSON),
        ]
    )
    assert groups.lookup_prefix("the Harbour Guard") == [(groups.get("harbour-guard"), "brigades")]
    assert [(a.id, w) for a, w in groups.lookup_prefix("Red Valley")] == [
        ("red-council", "council"), ("red-front", "front")
    ]  # fmt: skip
    assert groups.lookup_prefix("Harbour Guard Brigades") == []  # the whole name: lookup's
    assert groups.lookup_prefix("Sami Harbour") == []  # persons are not completed
    assert groups.lookup_prefix("Red") == []  # one word says too little


def test_yemen_and_ukraine_actors_and_their_date_bounded_roles(actors):
    assert ids(actors.lookup("Zelenskyy")) == ["volodymyr-zelensky"]
    assert ids(actors.lookup("Volodymyr Zelenskiy")) == ["volodymyr-zelensky"]
    assert ids(actors.lookup("Ansar Allah")) == ["houthis"]
    assert ids(actors.lookup("Saudi-led coalition")) == ["saudi-led-coalition"]
    assert actors.get("saudi-led-coalition").kind is ActorKind.MILITARY
    assert ids(actors.lookup("Ukrainian Defense Ministry")) == ["ukrainian-defence-ministry"]
    hadi, saleh = actors.get("abd-rabbu-mansour-hadi"), actors.get("ali-abdullah-saleh")
    assert hadi.affiliation == "yemeni-government" and saleh.kind is ActorKind.PERSON
    assert ids(actors.by_role("Yemen's president", on="2016-10-09")) == ["abd-rabbu-mansour-hadi"]
    assert ids(actors.by_role("Yemen's president", on="2010-01-01")) == ["ali-abdullah-saleh"]
    assert ids(actors.by_role("Ukrainian president", on="2022-04-08")) == ["volodymyr-zelensky"]


def test_actors_of_gaza_afghanistan_iraq_and_libya_and_their_date_bounded_roles(actors):
    assert ids(actors.lookup("Islamic Jihad")) == ["palestinian-islamic-jihad"]
    assert ids(actors.lookup("Saraya al-Quds")) == ["al-quds-brigades"]
    assert ids(actors.lookup("al-Quds Brigade")) == ["liwa-al-quds"]  # Syria's, not Gaza's
    assert ids(actors.lookup("Ezzedine al-Qassam Brigades")) == ["izz-ad-din-al-qassam-brigades"]
    assert ids(actors.lookup("Hamas-run Health Ministry")) == ["gaza-health-ministry"]
    assert ids(actors.lookup("Taleban")) == ["taliban"]
    assert ids(actors.lookup("USFOR-A")) == ["us-forces-afghanistan"]
    assert ids(actors.lookup("Hifter")) == ["khalifa-haftar"]
    assert ids(actors.lookup("PFLP-GC")) == ["pflp-gc"]
    assert actors.get("al-quds-brigades").affiliation == "palestinian-islamic-jihad"
    assert actors.get("resolute-support").affiliation == "nato"
    assert actors.get("libyan-national-army").kind is ActorKind.ARMED_GROUP
    assert ids(actors.by_role("IDF spokesman", on="2023-10-18")) == ["daniel-hagari"]
    assert ids(actors.by_role("Israeli defence minister", on="2016-01-01")) == ["moshe-yaalon"]
    assert ids(actors.by_role("Israeli defense minister", on="2023-10-18")) == ["yoav-gallant"]
    assert ids(actors.by_role("Afghan president", on="2015-10-03")) == ["ashraf-ghani"]
    assert ids(actors.by_role("Afghanistan's president", on="2010-01-01")) == ["hamid-karzai"]
    assert ids(actors.by_role("Iraqi prime minister", on="2013-01-01")) == ["nouri-al-maliki"]
    assert ids(actors.by_role("Libyan prime minister", on="2019-05-01")) == ["fayez-al-sarraj"]


def test_a_title_held_for_two_terms_counts_for_each(actors):
    # Netanyahu was prime minister until June 2021 and again from December 2022
    assert ids(actors.by_role("Israeli prime minister", on="2015-01-01")) == ["benjamin-netanyahu"]
    assert ids(actors.by_role("Israeli prime minister", on="2022-01-01")) == ["naftali-bennett"]
    assert ids(actors.by_role("Israel's prime minister", on="2023-10-18")) == ["benjamin-netanyahu"]
