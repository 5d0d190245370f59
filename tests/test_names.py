"""Name keys: spellings of one name meet, different names stay apart."""

import pytest

from rashomon.extract.names import (
    initials_fit,
    looks_like_acronym,
    name_variants_key,
    needs_exact_case,
    normalise_name,
    one_vowel_apart,
    transliteration_key,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ma'arrat al-Numan", "maarrat numan"),
        ("Ma’arrat", "maarrat"),
        ("The al-Nusra Front", "nusra front"),
        ("Bashar al Assad", "bashar assad"),
        ("Issam al- Rayyes", "issam rayyes"),
        ("Ahrar ash-Sham", "ahrar sham"),
        ("Abdel-Rahman", "abdel rahman"),  # "el" inside a word is no article
        ("Mevlüt Çavuşoğlu", "mevlut cavusoglu"),
        ("Binali Yıldırım", "binali yildirim"),
        ("U.S.-led coalition", "us led coalition"),
        ("Russia's defence minister", "russia defence minister"),
        ("  Staffan   de Mistura ", "staffan de mistura"),
        ("the", "the"),  # nothing but an article is kept
        ("Al", "al"),
    ],
)
def test_normalise_name(text, expected):
    assert normalise_name(text) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Fateh", "Fatah"),
        ("Sergei", "Sergey"),
        ("Sergei", "Sergi"),
        ("Sergey", "Sergi"),
        ("al-Rayyes", "al-Reis"),
        ("Issam al-Rayyes", "Issam al-Reis"),
        ("Mistura", "Mistoura"),
        ("Muadhamiya", "Moadamiya"),
        ("Moadamiyeh", "Muadhamiya"),
        ("Daraya", "Darayya"),
        ("Shoigu", "Shoygu"),
        ("Abu Mohammad al-Julani", "Abu Muhammad al-Jawlani"),
        ("Hezbollah", "Hizballah"),
        ("Idlib", "Idleb"),
        ("Abdel Rahman", "Abdelrahman"),
    ],
)
def test_variants_meet(a, b):
    assert name_variants_key(a) == name_variants_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Iran", "Iraq"),
        ("Homs", "Hama"),
        ("Idlib", "Aleppo"),
        ("Assad", "Saad"),
        ("Russia", "Syria"),
        ("Kerry", "Korea"),
        ("Daraa", "Darayya"),
        ("ICC", "OIC"),
    ],
)
def test_different_names_stay_apart(a, b):
    assert name_variants_key(a) != name_variants_key(b)


def test_variant_key_extends_normalisation():
    assert name_variants_key("Jabhat Fatah al-Sham") == name_variants_key("jabhat fateh sham")


def test_exact_case_only_for_acronyms_that_are_words():
    assert needs_exact_case("IS") and needs_exact_case("US") and needs_exact_case("WHO")
    assert not needs_exact_case("Is") and not needs_exact_case("SOHR")


@pytest.mark.parametrize(
    ("a", "b"),
    [("Khan Shaykun", "Khan Sheikhoun"), ("Cheikh", "Shaykh"), ("Djebel", "Jabal"),
     ("Ghouta", "Gouta"), ("Thawra", "Tawra")],
)  # fmt: skip
def test_transliteration_key_folds_two_letter_consonants(a, b):
    assert name_variants_key(a) != name_variants_key(b)  # the person-name key keeps them apart
    assert transliteration_key(a) == transliteration_key(b)


@pytest.mark.parametrize(
    ("acronym", "name"),
    [
        ("LRN", "Levant Relief Network"),
        ("NRFC", "Northern Relief Fund for Children"),  # a function word skipped
        ("CHA", "Council of Homs and Aleppo"),  # function words skipped or taken
        ("COHAA", "Council of Homs and Aleppo"),
        ("QNA", "QALAMOUN News Agency"),  # a word in capitals gives its initial
        ("USNF", "U.S. Naval Forces"),  # an initialism gives all its capitals
        ("KLF", "Kurdish-led Front"),
        ("KF", "Kurdish-led Front"),
    ],
)
def test_initials_fit(acronym, name):
    assert initials_fit(acronym, name)


@pytest.mark.parametrize(
    ("acronym", "name"),
    [
        ("LRN", "Tehran"),  # one word is no acronym's source
        ("HOMS", "Homs"),
        ("LRN", "Relief Network of the Levant"),  # order matters
        ("LR", "Levant Relief Network"),  # every content word gives a letter
        ("LRNX", "Levant Relief Network"),
    ],
)
def test_initials_do_not_fit(acronym, name):
    assert not initials_fit(acronym, name)


def test_looks_like_acronym():
    assert looks_like_acronym("LRN") and looks_like_acronym("G7A")
    assert not looks_like_acronym("UN") and not looks_like_acronym("Lrn")


@pytest.mark.parametrize(
    ("a", "b", "apart"),
    [("Malki", "Maliki", True), ("Hadri", "Hadiri", True), ("Assad", "Asad", False),
     ("Kerry", "Korea", False), ("Malki", "Malik", False), ("Rami", "Rahmi", False)],
)  # fmt: skip
def test_names_one_transliterated_vowel_apart(a, b, apart):
    assert one_vowel_apart(name_variants_key(a), name_variants_key(b)) is apart
