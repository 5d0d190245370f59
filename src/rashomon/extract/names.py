"""Name keys shared by the actor dictionary and the gazetteer.

Outlets spell the same Arabic, Russian or Turkish name many ways: "Ma'arrat al-Numan" and
"Maarrat Numan", "Fateh" and "Fatah", "Sergei" and "Sergey". Two keys cover this:

- `normalise_name` drops only what never tells two names apart (case, diacritics,
  apostrophes, hyphens, the Arabic article, a leading "the"). Equal keys mean the same name.
- `name_variants_key` also folds transliteration choices (vowels, doubled letters, a few
  digraphs). Equal keys only mean "probably the same name", so callers try it second.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

# courtesy titles before a name ("Dr Hatem", "Mr Shoigu"), without their dots: the words
# every reader of names treats as no part of the name itself
COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "dr"})
_APOSTROPHES = "'’‘`´ʿʾʼʻ′\"“”«»"
_LETTER_FOLDS = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "đ": "d", "æ": "ae", "œ": "oe"})
# A possessive ("Russia's") says nothing about the name itself.
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")
_INITIALISM = re.compile(r"(?<![a-z0-9])((?:[a-z]\.){2,})")  # "u.s." -> "us"
# The article written onto the next word: al-, el-, and the assimilated forms (ash-Sham).
_HYPHENED_ARTICLE = re.compile(
    r"(?<![a-z0-9])(?:al|el|ad|adh|an|ar|as|ash|at|ath|az|ud|ul|ed|es|er|ez)[-‐‑‒–—]\s*"
)
_SEPARATED_ARTICLES = frozenset({"al", "el"})  # "as", "at", "an" alone are English words
_NON_ALNUM = re.compile(r"[^\w]+|_")

_VOWELS = frozenset("aeiou")
_SEMIVOWELS = frozenset("yw")
_SUBSTITUTIONS = (("ph", "f"), ("dh", "d"), ("q", "k"), ("ou", "u"), ("oo", "u"), ("ee", "i"))
_REPEAT = re.compile(r"(.)\1+")
_FINAL_CLASS = {"a": "a", "e": "a", "i": "i", "y": "i", "o": "u", "u": "u", "w": "u"}
# All-capital aliases whose lower case is an everyday English word.
_COMMON_WORDS = frozenset({"is", "us", "who", "it", "as", "at", "an", "am", "in", "on", "or"})


@lru_cache(maxsize=1 << 16)  # pure, and asked of the same few thousand names again and again
def normalise_name(text: str) -> str:
    """The exact comparison key: "The al-Nusra Front" and "Nusra Front" give "nusra front"."""
    decomposed = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in decomposed if not unicodedata.combining(c))
    text = text.casefold().translate(_LETTER_FOLDS)
    text = _POSSESSIVE.sub("", text)
    text = text.translate(str.maketrans("", "", _APOSTROPHES))
    text = _INITIALISM.sub(lambda m: m.group(1).replace(".", ""), text)
    text = _HYPHENED_ARTICLE.sub("", text)
    words = _NON_ALNUM.sub(" ", text).split()
    kept = [w for w in words if w not in _SEPARATED_ARTICLES] or words
    if len(kept) > 1 and kept[0] == "the":
        kept = kept[1:]
    return " ".join(kept)


@lru_cache(maxsize=1 << 16)
def name_variants_key(text: str) -> str:
    """A loose key: equal for "Fateh"/"Fatah", "Sergei"/"Sergey"/"Sergi", "Darayya"/"Daraya".

    Per word: fold ph/dh/q/ou/oo/ee, collapse doubled letters, read a final -ah/-eh as -a,
    then keep consonants and turn every vowel run into "a", except a word-final vowel, which
    keeps its class (a/e, i/y, o/u) so that "Kerry" and "Korea" stay apart. "y" and "w" are
    vowels except at the start of a word or between two vowels ("Daraya" keeps its y). Words
    of three letters or fewer ("UN", "ICC", "OIC") are kept as they are. Spaces are dropped,
    so "Abdel Rahman" meets "Abdelrahman". Short keys match ordinary words ("used" and
    "Assad" share one), so callers should require a minimum length before trusting a match.
    """
    return "".join(_word_key(word) for word in normalise_name(text).split())


# Consonants that English, French and German transliterations of Arabic write with two
# letters or one: kh/k, gh/g, sh/ch/s, th/t, dh/d, dj/j ("Shaykhun", "Shaykun", "Cheikhoun").
_DIGRAPHS = (("dj", "j"), ("ch", "sh"), ("kh", "k"), ("gh", "g"), ("sh", "s"), ("th", "t"),
             ("dh", "d"))  # fmt: skip


@lru_cache(maxsize=1 << 14)
def transliteration_key(text: str) -> str:
    """Looser than `name_variants_key`: two-letter consonants are folded to one first.

    "Khan Shaykun", "Khan Sheikhoun" and "Khan Cheikhoun" all give one key. Fit for a
    small curated list (the project's places), not for matching person names, where "kh"
    against "k" tells two names apart more often than two spellings of one.
    """
    words = []
    for word in normalise_name(text).split():
        if word.isascii() and len(word) > 3:
            for old, new in _DIGRAPHS:
                word = word.replace(old, new)
        words.append(_word_key(word))
    return "".join(words)


def one_vowel_apart(key: str, other: str) -> bool:
    """Whether two `name_variants_key` keys differ only by one vowel written between two
    consonants ("Malki" and "Maliki", "Nusra" and "Nusara"): the vowel transliterations
    add or drop. Keys of fewer than five letters never are (too many names share them)."""
    if abs(len(key) - len(other)) != 1 or min(len(key), len(other)) < 5:
        return False
    short, long = sorted((key, other), key=len)
    return any(
        long[i] == "a"
        and "a" not in (long[i - 1], long[i + 1])
        and long[:i] + long[i + 1 :] == short
        for i in range(1, len(long) - 1)
    )


def _word_key(word: str) -> str:
    if len(word) <= 3 or not word.isascii() or not word.isalpha():
        return word
    for old, new in _SUBSTITUTIONS:
        word = word.replace(old, new)
    word = _REPEAT.sub(r"\1", word)
    if len(word) > 3 and word.endswith(("ah", "eh")):
        word = word[:-2] + "a"
    word = word.replace("aye", "e")  # Rayyes -> Rayes -> Res, as in Reis
    vowel = [_is_vowel(word, i) for i in range(len(word))]
    out: list[str] = []
    i = 0
    while i < len(word):
        if not vowel[i]:
            out.append(word[i])
            i += 1
            continue
        end = i
        while end < len(word) and vowel[end]:
            end += 1
        out.append(_FINAL_CLASS[word[end - 1]] if end == len(word) else "a")
        i = end
    return "".join(out)


def _is_vowel(word: str, i: int) -> bool:
    char = word[i]
    if char in _VOWELS:
        return True
    if char not in _SEMIVOWELS or i == 0:
        return False
    before, after = word[i - 1], word[i + 1 : i + 2]
    return not (before in _VOWELS and after in _VOWELS)


def needs_exact_case(form: str) -> bool:
    """True for an all-capital alias that is an English word in lower case: "IS", "US", "WHO".

    A matcher that ignores case would find Islamic State in every "is"; such forms must be
    matched as written.
    """
    return form.isupper() and form.lower() in _COMMON_WORDS


# Words an acronym may take a letter from or skip: "Organisation for the Prohibition of
# Chemical Weapons" is OPCW, "Islamic State of Iraq and the Levant" ISIL, "Bank of America" BoA.
NAME_FUNCTION_WORDS = frozenset(
    {"of", "for", "the", "and", "in", "on", "to", "de", "al", "el", "&"}
)
_ACRONYM_WORD = re.compile(r"[^\W\d_][\w'’.]*|\d+|&")


def looks_like_acronym(text: str) -> bool:
    """Three to eight capitals (digits allowed after the first): "SOHR", "NAVCENT", "G7S"."""
    return 3 <= len(text) <= 8 and text[0].isalpha() and text.isupper() and text.isalnum()


# A pure test of two strings, asked again and again: an article's acronyms against every
# name of every organisation mention, and the same pairs recur across articles.
@lru_cache(maxsize=65536)
def initials_fit(acronym: str, name: str) -> bool:
    """Whether `acronym` is made of the initials of `name`'s words, in order.

    Each content word gives its first letter; a function word ("of", "for", "the", "and")
    gives its first letter or nothing; a word written with internal capitals or as an
    initialism ("U.S.", "UN") gives all its capitals or just its first; a hyphenated word
    gives the initial of each part or of the first only ("Kurdish-led": K or KL). So "SOHR"
    fits "Syrian Observatory for Human Rights", "FNA" "Fars News Agency", "ISIL" "Islamic
    State of Iraq and the Levant", and "FNA" does not fit "Tehran". The whole acronym must
    be used up, and at least two words must give a letter (one word is not an acronym's
    source: "ASSAD" would fit "Assad" letter by letter otherwise).
    """
    letters = acronym.upper()
    words: list[tuple[tuple[str, ...], bool]] = []  # (the letter runs a word may give, optional)
    for raw in name.split():
        for part, piece in enumerate(raw.split("-")):
            for word in _ACRONYM_WORD.findall(piece):
                lower = word.lower().strip(".")
                capitals = "".join(c for c in word if c.isupper())
                options = {word[0].upper()}
                if len(capitals) > 1:
                    options.add(capitals)
                words.append((tuple(sorted(options)), lower in NAME_FUNCTION_WORDS or part > 0))
    if len(words) < 2:
        return False

    @cache
    def fits(i: int, j: int, given: int) -> bool:
        if j == len(words):
            return i == len(letters) and given >= 2
        options, optional = words[j]
        if optional and fits(i, j + 1, given):
            return True
        return any(
            letters.startswith(option, i) and fits(i + len(option), j + 1, given + 1)
            for option in options
        )

    return fits(0, 0, 0)
