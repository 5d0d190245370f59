"""Find who an article talks about and resolve every mention to one actor.

spaCy's small model alone gets our texts badly wrong ("Fateh al-Sham Front" as a person,
"Khoja" as an organisation), so the dictionary speaks first and NER fills the gaps. Within
an article, short forms ("Khoja", "Mr Shoigu") and pronouns ("he said") are tied to the
full name the text is about at that point, because no coreference model runs offline.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import cached_property, lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from rashomon.article.outlets import OutletDirectory
from rashomon.extract.actor_dictionary import COUNTRY_ROLE_WORDS, ActorDictionary, role_words
from rashomon.extract.agents import previous_body_subject
from rashomon.extract.descriptions import DescriptionCues, find_descriptions
from rashomon.extract.doc_arrays import doc_arrays
from rashomon.extract.doc_text import doc_text
from rashomon.extract.gazetteer import Gazetteer, country_alpha3
from rashomon.extract.names import (
    COURTESY_TITLES,
    NAME_FUNCTION_WORDS,
    initials_fit,
    looks_like_acronym,
    name_variants_key,
    needs_exact_case,
    normalise_name,
    one_vowel_apart,
)
from rashomon.extract.new_actors import EVIDENCE, NewActorVetter, name_lists
from rashomon.extract.quotes.lexicon import SpeechVerbs
from rashomon.extract.state_bodies import is_state_body
from rashomon.model import (
    GENERIC_GROUP,
    Actor,
    ActorFindings,
    ActorKind,
    ActorMention,
    AliasEvidence,
    NameMention,
)

_TITLES = {
    "mr", "mrs", "ms", "dr", "president", "prime", "minister", "general", "gen", "col",
    "colonel", "king", "prince", "emir", "sheikh", "secretary", "envoy", "ambassador",
    "spokesman", "spokeswoman", "commander", "chancellor", "foreign", "defence", "defense",
}  # fmt: skip
_HONORIFICS = COURTESY_TITLES | {"president", "general", "gen", "king", "prince", "emir"}
_ROLE_NOUNS = {
    "minister", "envoy", "secretary", "president", "spokesman", "spokeswoman", "head",
    "chief", "leader", "commander", "ambassador", "negotiator", "chancellor", "king", "emir",
    "general", "mediator", "director", "governor", "mufti", "coordinator", "adviser", "advisor",
    "representative", "spokesperson", "aide", "chairman", "chairwoman", "premier",
    "commissioner", "manager", "deputy", "counterpart", "specialist",
}  # fmt: skip
_GENERIC_ROLE_NOUNS = {"official"}  # a role of no office: "the UN aid official"
# words of a state's office in a title: beside a country they make its holder the state's
_STATE_OFFICE_WORDS = frozenset({
    "minister", "ministry", "ambassador", "envoy", "president", "premier", "government",
    "governor", "army", "military", "aviation", "foreign", "defence", "defense", "interior",
    "police", "prosecutor", "authority", "official", "spokesman", "spokeswoman",
    "spokesperson", "commander", "general", "chief",
})  # fmt: skip
# words of a title that is not the state's, whatever country it names
_NOT_OF_THE_STATE = frozenset({
    "opposition", "rebel", "rebels", "activist", "activists", "dissident", "exiled", "exile",
    "militia", "insurgent", "jihadist", "independent", "former",
})  # fmt: skip
_DEMONYMS = {
    "syrian": "SYR", "syrians": "SYR", "russian": "RUS", "russians": "RUS", "turkish": "TUR",
    "turks": "TUR", "american": "USA", "americans": "USA", "iranian": "IRN", "iranians": "IRN",
    "iraqi": "IRQ", "iraqis": "IRQ", "lebanese": "LBN", "jordanian": "JOR", "saudi": "SAU",
    "qatari": "QAT", "british": "GBR", "french": "FRA", "german": "DEU", "chinese": "CHN",
    "israeli": "ISR", "egyptian": "EGY", "emirati": "ARE", "kuwaiti": "KWT", "swiss": "CHE",
    "yemeni": "YEM", "yemenis": "YEM", "ukrainian": "UKR", "ukrainians": "UKR",
    "afghan": "AFG", "afghans": "AFG", "libyan": "LBY", "libyans": "LBY", "palestinian": "PSE",
    "palestinians": "PSE",
}  # fmt: skip
_OPPOSITION = ("the opposition", "opposition groups", "opposition factions", "the rebels")
# The armed opposition of the war the article tells of, named by what it is, not by a name
# ("rebels shelled the town", "the regime blamed the rebels"): the focus country's rebels,
# when the dictionary knows them ("Syrian rebels"). Not "militants", "jihadists" or
# "insurgents": in the same war they as often mean a jihadist group the rebels fight. "Armed
# groups" is its government's word for them ("armed terrorist groups"), and the word of
# monitors who take no side ("anti-government armed groups").
_REBELS = ("rebels", "rebel fighters", "rebel groups", "opposition fighters", "armed groups",
           "armed terrorist groups", "anti-government armed groups")  # fmt: skip
_GENERIC = {
    "the government": ("government", ActorKind.GOVERNMENT),
    "government": ("government", ActorKind.GOVERNMENT),
    "the army": ("army", ActorKind.MILITARY),
    "government forces": ("army", ActorKind.MILITARY),
    "the military": ("army", ActorKind.MILITARY),
    "government troops": ("army", ActorKind.MILITARY),
    # a government named by what it is ("the regime", "the junta"): the focus country's, in
    # Syria Assad's, in Myanmar the junta's
    "the regime": ("government", ActorKind.GOVERNMENT),
    "the junta": ("government", ActorKind.GOVERNMENT),
    "the military junta": ("government", ActorKind.GOVERNMENT),
    "the military regime": ("government", ActorKind.GOVERNMENT),
    "the military council": ("government", ActorKind.GOVERNMENT),
    "the military government": ("government", ActorKind.GOVERNMENT),
    "junta forces": ("army", ActorKind.MILITARY),
    "junta troops": ("army", ActorKind.MILITARY),
    "junta soldiers": ("army", ActorKind.MILITARY),
}
_STATE_MEDIA = (
    "state tv", "state television", "state-run television", "state-run tv",
    "state news agency", "state media", "state-run media", "official news agency",
)  # fmt: skip
# "the government in Ankara", "the military in Damascus": a seat named after the body
_SEAT_AFTER = re.compile(r"\s+in\s+([A-Z][\w'\u2019-]+)\b")
_BARE_FORCES = ("the army", "the military")  # whose forces, the text named just before
_PRONOUNS = {"he", "she"}
# Entity labels the small model gives names of people it does not know (see _speaking_name)
_MISREAD_AS_THINGS = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT", "LAW"})
_SPEAKER_LOOKBACK = 2  # sentences before an "it said" in which a speaking body is its referent
_LEADERS_BODIES = {  # "<leader> regime": the leader's government; "<leader> forces": its army
    "regime": ActorKind.GOVERNMENT, "government": ActorKind.GOVERNMENT,
    "administration": ActorKind.GOVERNMENT, "forces": ActorKind.MILITARY,
    "troops": ActorKind.MILITARY, "army": ActorKind.MILITARY, "loyalists": ActorKind.MILITARY,
}  # fmt: skip
# the words for a state's rulers that a capital before them makes that state's government
_SEATS_BODIES = frozenset({"regime", "government", "administration", "authorities"})
# "forces led by", "fighters loyal to", "troops under the command of" a person (perhaps after
# a title in lower case: "led by commander Khalifa Haftar"), right before the person's name
_LED_BY = re.compile(
    r"\b(?P<noun>forces|troops|fighters|militias?|militiamen|army|soldiers|units|gunmen)\s+"
    r"(?:(?:led|commanded|headed)\s+by|loyal\s+to|under\s+the\s+command\s+of)\s+"
    r"(?:[a-z][\w-]*\s+){0,2}\Z",
    re.IGNORECASE,
)
_NAMED = ("person", "organisation", "title", "pronoun", "metonym")
_HOLDERS = ("person", "title", "pronoun")  # a role phrase holding one of these is taken
_FORCE_NOUNS = {
    "troops", "forces", "army", "military", "soldiers", "jets", "warplanes", "aircraft",
    "air force", "navy", "police", "fighters", "militias", "militia",
}  # fmt: skip
_LEADING_FUNCTION_WORDS = {
    "near", "in", "at", "from", "outside", "inside", "around", "north", "south", "east",
    "west", "northern", "southern", "eastern", "western", "central", "across", "into", "on",
}  # fmt: skip
_ALIAS_PATTERNS = (
    ("formerly known as", r",?\s*(?:formerly|previously|once)\s+(?:known as|called|named)\s+"),
    # "X, formerly the Y Battalion," / "X (formerly Y)": the old name right after the word
    ("formerly", r"(?:,|\s\()\s*(?:formerly|previously)\s+(?=(?:the\s+)?(?:al-)?[A-Z])"),
    # "X, also known as Y", "X (also called Y)", "X, known locally as Y", "X, aka Y"
    (
        "also known as",
        r"(?:,|\s\()\s*(?:(?:also|otherwise|better|commonly|widely|popularly|locally)\s+)?"
        r"(?:known\s+(?:locally\s+)?as|referred\s+to\s+as|called|a\.?k\.?a\.?)\s+"
        r"(?![^,.;]+?\s+until\b)",
    ),
    ("known as ... until", r",?\s*known as\s+(?=[^,.;]+?\s+until\b)"),
    ("changed its name from", r",?\s*(?:the [\w ]+ )?which changed its name(?:d)? from\s+"),
    ("dash aside", r"\s*--\s*(?:previously|formerly)\s+(?:called|known as)\s+"),
    ("the former", r",\s*the former\s+(?=[A-Z][^,;()]*?[,;.)])"),
    ("in brackets", r"\s*\((?=(?:al-)?[A-Z][\w'’-]+(?:\s+[\w'’-]+){1,7}\))"),
)
# Words a text must hold for a pattern above to match in it (its regular expression begins
# with optional spaces, so it is tried at every character of the text): a pattern whose
# words are all absent is not run. Patterns not listed are always run.
_ALIAS_NEEDS = {
    "formerly known as": ("formerly", "previously", "once"),
    "formerly": ("formerly", "previously"),
    "also known as": ("known", "referred to", "called", "aka", "a.k.a"),
    "known as ... until": ("known as",),
    "changed its name from": ("which changed its name",),
    "dash aside": ("--",),
    "the former": ("the former",),
    "in brackets": ("(",),
}
_ALIAS_NAME = re.compile(
    r"(?:the\s+)?((?:(?:al|el|Al|El)[- ])?[A-Z][\w'’-]*"
    r"(?:\s+(?:(?:al|el|of|the)[- ]?)?[A-Z][\w'’-]*)*)"
)
_ACRONYM = re.compile(r"\(([A-Z][A-Z0-9]{1,7})\)")
_TITLED_ACRONYM = re.compile(r"\(([A-Z][a-z]{2,5})\)")
_BRACKETS = frozenset("()[]")
_ROLE_MODIFIERS = frozenset({"det", "amod", "compound", "nmod", "poss"})
_SPELLED_OUT_WORDS = 12  # the most words a name spelled out before its acronym may have
_BARE_ACRONYM = re.compile(r"(?<![\w.-])[A-Z][A-Z0-9]{2,7}(?![\w-])")
_PLACE_KINDS = ("location", "metonym", "nationality")
_INDEFINITE = frozenset({"a", "an", "another", "one"})
_ANSWERABLE = frozenset({"responsible", "accountable", "liable", "culpable", "guilty"})
_APOSTROPHE = re.compile(r"['’‘`´ʼ]")


class ActorMatcher:
    """Dictionary phrase matching, built once per (pipeline, dictionary)."""

    def __init__(
        self,
        nlp: Language,
        dictionary: ActorDictionary,
        gazetteer: Gazetteer | None = None,
        outlets: OutletDirectory | None = None,
    ) -> None:
        self.dictionary = dictionary
        self.gazetteer = gazetteer
        outlets = outlets or OutletDirectory.load()  # "told the ABC": an outlet, no actor
        speech = SpeechVerbs.load()
        self.speech_lemmas = speech.lemmas()
        # "urged Damascus", "blamed Moscow": verbs whose object is someone, never a place
        self.actor_object_verbs = frozenset(
            lemma
            for lemma in self.speech_lemmas
            if (sense := speech.get(lemma)) is not None and sense.object in ("target", "addressee")
        )
        self.vetter = NewActorVetter(
            gazetteer,
            lambda text: bool(dictionary.lookup(text)),
            speech.person_nouns,
            is_media=lambda text: any(a.kind is ActorKind.MEDIA for a in dictionary.lookup(text)),
            speech_lemmas=self.speech_lemmas,
            is_outlet=lambda text: outlets.find(text) is not None,
            addressee_lemmas=[
                lemma
                for lemma in self.speech_lemmas
                if (sense := speech.get(lemma)) is not None and sense.object == "addressee"
            ],
        )
        # Acronyms match case-sensitively: "IS" and "WHO" are also everyday words; so do an
        # outlet's titles ("The Guardian", "Independent"), whatever the case of their "the":
        # "a legal guardian" and "an independent investigation" name no newspaper.
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        media = {a.id for a in dictionary if a.kind is ActorKind.MEDIA}
        by_id: dict[tuple[str, bool], set[str]] = {}
        for surface, actor_id in [*dictionary.surface_forms(), *_by_country_name(dictionary)]:
            for form in _spellings(surface):
                if actor_id in media:
                    by_id.setdefault((actor_id, True), set()).update(_with_either_the(form))
                    continue
                by_id.setdefault((actor_id, _is_acronym(form)), set()).add(form)
        for (actor_id, acronym), forms in by_id.items():
            matcher = self.exact if acronym else self.folded
            matcher.add(actor_id, list(nlp.tokenizer.pipe(sorted(forms))))
        self.surnames = _unique_surnames(dictionary)
        self.descriptions = DescriptionCues.load()

    def matches(self, doc: Doc) -> list[Span]:
        found = [*self.exact(doc), *self.folded(doc)]
        return [Span(doc, start, end, label=match_id) for match_id, start, end in found]

    def find(
        self,
        doc: Doc,
        place_spans: Sequence[tuple[int, int]] = (),
        setting: Sequence[str] = (),
        on: str | None = None,
    ) -> ActorFindings:
        """`setting`: the ISO alpha-3 country of each town or district the article names, so
        that "the government" of a report from Aleppo is Syria's even when Russia is named
        more often. `on`: the article's date (ISO, any precision), so that a role phrase
        ("the UN secretary-general") goes to whoever held the role then."""
        return _Resolver(self, doc, place_spans, setting, on).run()


def _by_country_name(dictionary: ActorDictionary) -> list[tuple[str, str]]:
    """A national body's names with the country's name for its nationality: the dictionary
    knows "Russian military" and "Syrian government"; copy also writes "Russia's military",
    "the United States military", "Syria's government"."""
    states: dict[str, list[str]] = {}
    for actor in dictionary:
        if actor.kind is ActorKind.STATE and actor.country:
            names = [n for n in (actor.name, *actor.aliases) if not n.lower().startswith("the ")]
            states.setdefault(actor.country, []).extend(names)
    found = []
    for actor in dictionary:
        if actor.kind not in (ActorKind.MILITARY, ActorKind.GOVERNMENT) or not actor.country:
            continue
        for alias in (actor.name, *actor.aliases):
            first, _, rest = alias.partition(" ")
            if not rest or _DEMONYMS.get(first.lower()) != actor.country:
                continue
            for state in states.get(actor.country, ()):
                # "the United States military": longer than "the United States" it holds
                found += [(f"{state}'s {rest}", actor.id), (f"{state} {rest}", actor.id),
                          (f"the {state} {rest}", actor.id)]  # fmt: skip
    return found + _led_by_country_name(dictionary, states)


_LED = re.compile(r"^(?P<by>[\w.]+)-(?P<verb>led|backed|sponsored|allied)\s+(?P<rest>.+)$", re.I)


def _led_by_country_name(
    dictionary: ActorDictionary, states: dict[str, list[str]]
) -> list[tuple[str, str]]:
    """A body led or backed by a country under the country's other names: the dictionary
    knows "Saudi-led coalition" and "US-led coalition"; copy also writes "the Saudi
    Arabia-led coalition", "the United States-led coalition", "the Russia-backed forces"."""
    country_of = dict(_DEMONYMS) | {n.lower(): c for c, ns in states.items() for n in ns}
    demonyms: dict[str, list[str]] = {}  # the adjectives, not the plural nouns ("Syrians")
    for demonym, country in _DEMONYMS.items():
        if not demonym.endswith("s") or demonym == "swiss":
            demonyms.setdefault(country, []).append(demonym.capitalize())
    found = []
    for actor in dictionary:
        for alias in (actor.name, *actor.aliases):
            match = _LED.match(alias)
            country = country_of.get(match["by"].lower()) if match else None
            if match is None or country is None:
                continue
            for name in (*states.get(country, ()), *demonyms.get(country, ())):
                if name.lower() != match["by"].lower():
                    found.append((f"{name}-{match['verb']} {match['rest']}", actor.id))
    return found


def _in_brackets(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is all that stands in a pair of brackets: "(HRC)"."""
    return text[start - 1 : start] == "(" and text[end : end + 1] == ")"


def _is_acronym(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return bool(letters) and (form.isupper() or len(form) <= 3)


def _with_either_the(form: str) -> set[str]:
    """A title with its leading article as written and in the other case ("The Guardian",
    "the Guardian")."""
    if form[:4] in ("The ", "the "):
        return {form, ("the " if form[0] == "T" else "The ") + form[4:]}
    return {form}


def _spellings(surface: str) -> set[str]:
    """Hyphen/space and article variants a tokenizer would split differently."""
    forms = {
        surface,
        surface.replace("-", " "),
        re.sub(r"\b(al|el)-", r"\1 ", surface),
        re.sub(r"\b(al|el)-", r"\1- ", surface),  # scraped "Issam al- Rayyes"
    }
    # Copy that lost its apostrophes and hyphens: "Kurdish Peoples Protection Units",
    # "Hayat Tahrir alSham" is rarer than "Hayat Tahrir al Sham", which the line above covers.
    forms |= {_APOSTROPHE.sub("", form) for form in forms}
    # "Russia’s Defense Ministry": the tokens of a curly possessive differ from a straight one's
    forms |= {form.replace("'", "’") for form in forms if "'" in form}
    forms |= {f.replace("-", "") for f in forms if re.search(r"\w-\w", f)}
    bare = re.sub(r"^(?:the\s+)", "", surface, flags=re.I)
    forms.add(bare)
    return {f for f in forms if f.strip()}


def _name_shaped(token: Token) -> bool:
    """A proper noun, or a capitalised word the tagger took for a common noun inside a
    sentence ('..., Townsend said'): either may be the part of a name given in full before."""
    if token.pos_ == "PROPN":
        return True
    return token.pos_ == "NOUN" and token.is_title and not token.is_sent_start


def _unique_surnames(dictionary: ActorDictionary) -> dict[str, str]:
    """Exact surnames (normalise_name) that one dictionary person alone carries."""
    counts: Counter[str] = Counter()
    owner: dict[str, str] = {}
    for actor in dictionary:
        if actor.kind is not ActorKind.PERSON:
            continue
        keys = {normalise_name(_last_name(n)) for n in (actor.name, *actor.aliases)}
        for key in keys:
            if len(key) >= 3:
                counts[key] += 1
                owner[key] = actor.id
    return {key: owner[key] for key, n in counts.items() if n == 1}


def _name_keys(name: str) -> tuple[str, str]:
    """Loose keys of a full name's surname and first name ("Staffan de Mistura": mistura,
    staffan), titles and honorifics left out."""
    words = [
        w for w in name.split() if (low := w.lower().strip(".")) not in _TITLES
        and low not in _RANK_WORDS
    ] or name.split()  # fmt: skip
    return name_variants_key(words[-1]), name_variants_key(words[0])


def _last_name(name: str) -> str:
    tokens = [t for t in re.split(r"[\s]+", name) if t]
    return tokens[-1] if tokens else name


class _Resolver:
    """One article's resolution pass; holds the per-article state the rules share."""

    def __init__(
        self,
        matcher: ActorMatcher,
        doc: Doc,
        place_spans: Sequence[tuple[int, int]],
        setting: Sequence[str] = (),
        on: str | None = None,
    ):
        self.m = matcher
        self.on = on
        self.setting = Counter(setting)
        self.d = matcher.dictionary
        self.doc = doc
        self.text = doc_text(doc)
        self.places = set(place_spans)
        self.mentions: dict[tuple[int, int], ActorMention] = {}
        self.new_actors: dict[str, Actor] = {}
        self.aliases: list[AliasEvidence] = []
        self.names: list[NameMention] = []  # names too slight to be actors
        self.text_aliases: dict[str, str] = {}  # normalised alias -> actor id (this article)

    @cached_property
    def name_list_tokens(self) -> frozenset[int]:
        """Tokens of sentences that only list names ("Jane Doe Karim Yusuf Haddad."): a
        byline's; no name in one is someone of the story."""
        return frozenset(i for start, end in name_lists(self.doc) for i in range(start, end))

    @cached_property
    def noun_chunks(self) -> list[Span]:
        """The Doc's noun chunks, found once: several rules read them, and spaCy walks the
        whole parse each time `doc.noun_chunks` is asked."""
        return list(self.doc.noun_chunks)

    def run(self) -> ActorFindings:
        self._dictionary_matches()
        self._aliases_from_text()
        self._ner_spans()
        self._name_parts()
        self._middle_names()
        self._acronyms_by_initials()
        self._leaders_forces()
        self._seats_bodies()
        self._forces_led_by()
        self._roles()
        self._appositions()
        self._counterparts()
        self._vet_new_actors()
        self._generic_references()
        self._descriptions()
        self._pronouns()
        self._organisation_pronouns()
        self._title_affiliations()
        mentions = sorted(self.mentions.values(), key=lambda m: (m.start, m.end))
        return ActorFindings(
            tuple(mentions),
            tuple(self.new_actors.values()),
            tuple(self.aliases),
            tuple(sorted(self.names, key=lambda n: n.start)),
        )

    # -- helpers ----------------------------------------------------------------------

    def _covered(self, start: int, end: int, by: tuple[str, ...] = ()) -> bool:
        """Whether [start, end) overlaps a mention (of the given kinds, if any are given)."""
        return any(
            s < end and start < e and (not by or m.kind in by)
            for (s, e), m in self.mentions.items()
        )

    def _add(
        self, span: Span | tuple[int, int], kind: str, actor_id: str, method: str
    ) -> ActorMention:
        start, end = (span.start_char, span.end_char) if isinstance(span, Span) else span
        if self.text[start:end].endswith(("'s", "’s")):
            end -= 2
        if method in ("new", "ner", "alias") and self.text[start:end].lower().startswith("the "):
            start += 4
        if kind == "person" and " " not in self.text[start:end].strip():
            start = self._with_honorific(start)
        mention = ActorMention(start, end, self.text[start:end], kind, actor_id, method)
        self.mentions[(start, end)] = mention
        return mention

    def _with_honorific(self, start: int) -> int:
        """Widen "Shoigu" to "Mr Shoigu": with a bare surname the title is part of the name."""
        token = self.doc.char_span(start, start + 1, alignment_mode="expand")
        if token is None or token.start == 0:
            return start
        previous = self.doc[token.start - 1]
        if previous.lower_.rstrip(".") in _HONORIFICS and not self._covered(
            previous.idx, previous.idx + len(previous)
        ):
            return previous.idx
        return start

    def _kind_of(self, actor_id: str) -> str:
        actor = self.new_actors.get(actor_id) or self.d.get(actor_id)
        if actor.kind is ActorKind.PERSON:
            return "person"
        if actor.kind is ActorKind.STATE:
            return "location"
        return "organisation"

    # -- rules ------------------------------------------------------------------------

    def _dictionary_matches(self) -> None:
        spans = filter_spans(self.m.matches(self.doc))
        matched = {i for span in spans for i in range(span.start, span.end)}
        for span in spans:
            actor_id = span.label_
            if _against(span):
                continue  # "the anti-IS group RBSS": IS is what the group is against
            if (span.start_char, span.end_char) in self.places and not self._metonymic(span):
                continue
            actor = self.d.get(actor_id)
            if self._foreign_place_before(span, actor):
                continue  # "a Gaza civil defence chief": Gaza's service, not Syria's
            if self._inside_a_longer_name(span, matched):
                continue  # "the National Security Council": not the UN's Security Council
            if actor.kind is ActorKind.MEDIA and self._starts_a_longer_name(span, matched):
                continue  # "The Independent Commission of Inquiry": not the newspaper
            is_metonym = normalise_name(span.text) in {normalise_name(x) for x in actor.metonyms}
            place_like = len(span) == 1 and span[0].is_title
            if is_metonym and place_like and not self._metonymic(span):
                continue  # "in Damascus": a place, not the government
            if is_metonym and self._someone_elses(span, actor, spans):
                continue  # "the Kiev regime", "the Iranian regime": not the dictionary's
            kind = "metonym" if is_metonym else self._kind_of(actor_id)
            self._add(span, kind, actor_id, "metonym" if is_metonym else "dictionary")
            self._owning_country(span)

    def _someone_elses(self, span: Span, actor: Actor, spans: Sequence[Span]) -> bool:
        """A metonym ("the regime") whose own modifier names another owner: a capitalised
        word right before it that is not the same actor's name nor its nationality ("the
        Kiev regime", "the Iranian regime"; not "the Damascus regime", "the Syrian regime")."""
        if span.start == 0:
            return False
        before = self.doc[span.start - 1]
        if (
            not before.is_title
            or before.is_sent_start
            or before.head.i not in range(span.start, span.end)
        ):
            return False
        if any(s.start <= before.i < s.end and s.label_ == actor.id for s in spans):
            return False
        country = _DEMONYMS.get(before.lower_)
        return country is None or country != actor.country

    def _starts_a_longer_name(self, span: Span, matched: set[int]) -> bool:
        """A dictionary name the tagger reads as the beginning of a longer organisation's
        name: the entity goes on past it in capitalised words, no other match among them,
        up to a word that heads organisations' names ("The Independent Commission of
        Inquiry", not "Reuters Television" or "Hezbollah Secretary General"): the words
        before that head noun are capitalised and no match of their own."""
        ent_end = span.end
        while ent_end < len(self.doc) and self.doc[ent_end].ent_iob_ == "I":
            ent_end += 1
        if ent_end == span.end or self.doc[span.end].ent_type_ != "ORG":
            return False
        heads = self.m.descriptions.heads
        for token in self.doc[span.end : ent_end]:
            if token.i in matched or not token.is_title:
                return False  # "Reuters Television", "UN Human Rights Council" (its own match)
            if token.lower_ in heads:
                return True
        return False

    def _inside_a_longer_name(self, span: Span, matched: set[int]) -> bool:
        """A dictionary name the tagger reads as the end of a longer name, right after a
        capitalised word of that name that is no nationality, place or name of its own
        ("a White House National Security Council spokesperson")."""
        if span.start == 0 or len(span) < 2 or span[0].ent_iob_ != "I":
            return False  # one word ("Topic US Missile Attack") is a modifier, not a name's end
        before = self.doc[span.start - 1]
        if not before.is_title or before.ent_iob_ not in ("B", "I") or before.is_sent_start:
            return False
        if self.text[before.idx + len(before) : span.start_char] != " ":
            return False
        if before.i in matched or before.lower_ in _DEMONYMS or before.lower_ in _TITLES:
            return False
        gazetteer = self.m.gazetteer
        if gazetteer is None:
            return True
        lost = before.text[:-1] if before.text.endswith("s") and len(before) > 3 else ""
        return not (  # "the Douma Local Council", "Syrias National Defence Forces": a place's
            gazetteer.is_demonym(before.text)  # own body
            or gazetteer.lookup(before.text)
            or (lost and gazetteer.lookup(lost))
        )

    def _foreign_place_before(self, span: Span, actor: Actor) -> bool:
        """A body's name right after a place of another country ("a Gaza civil defence
        chief", "the Gaza health ministry"): that country's body of the same name, not the
        one the dictionary knows."""
        gazetteer = self.m.gazetteer
        if gazetteer is None or actor.country is None or actor.kind is ActorKind.STATE:
            return False
        place = next(
            (
                (s, e)
                for s, e in self.places
                if e < span.start_char and not self.text[e : span.start_char].strip()
            ),
            None,
        )
        if place is None:
            return False
        found = gazetteer.lookup(self.text[place[0] : place[1]])
        country = country_alpha3().get(found[0].place.country or "") if found else None
        return country is not None and country != actor.country

    def _owning_country(self, span: Span) -> None:
        """ "Russia's ministry of defence", "the United States military": the country that
        begins the body's name is named too, as it is in "Russia said" (a place the article
        names, not a place where anything happened)."""
        body = self.d.get(span.label_)
        if body.country is None or body.kind is ActorKind.STATE:
            return  # "the US-led coalition": led by the country, not the country's own
        for start, end in self.places:
            lead = self.text[span.start_char : start].strip().lower()
            if start < span.start_char or end >= span.end_char or lead not in ("", "the"):
                continue
            states = [
                a for a in self.d.lookup(self.text[start:end])
                if a.kind is ActorKind.STATE and a.country == body.country
            ]  # fmt: skip
            if len(states) == 1:
                self._add((start, end), "location", states[0].id, "dictionary")

    def _metonymic(self, span: Span) -> bool:
        """A capital acting: subject, possessor, conjoined with an actor, the agent of a
        passive ("carried out by Damascus"), or the one a verb of saying or blaming is
        aimed at ("urged Moscow", "held Damascus responsible")."""
        root = span.root
        if root.dep_ in ("nsubj", "nsubjpass", "poss") or root.dep_ == "conj":
            return True
        if root.dep_ == "pobj" and root.head.dep_ == "agent":
            return True
        if root.dep_ == "dobj" and (
            root.head.lemma_.lower() in self.m.actor_object_verbs
            or any(c.lower_ in _ANSWERABLE for c in root.head.children if c.i > root.i)
        ):
            return True
        return any(t.dep_ == "case" for t in root.children)

    def _aliases_from_text(self) -> None:
        text = self.text
        for name, pattern in _ALIAS_PATTERNS:
            if name in _ALIAS_NEEDS and not any(word in text for word in _ALIAS_NEEDS[name]):
                continue
            for match in re.finditer(pattern, text):
                owner = self._mention_ending_at(match.start())
                if owner is not None and _in_brackets(text, owner.start, owner.end):
                    # "X (HRC), previously called Y": the aside follows the name's acronym in
                    # brackets; the name before the brackets is the one it renames
                    owner = self._mention_ending_at(owner.start - 1) or owner
                alias = _ALIAS_NAME.match(text, match.end())
                if owner is None or alias is None:
                    continue
                start, end = alias.start(1), alias.end(1)
                self._record_alias(owner.actor_id, start, end, name)
        for match in _ACRONYM.finditer(text):
            owner = self._mention_ending_at(match.start())
            if owner is None or not initials_fit(match.group(1), owner.text):
                # "the United Nations Supervision Mission in Syria (UNSMIS)": the tagger
                # cut the name into "United Nations" and "Syria"; its initials say where
                # it begins
                owner = self._spelled_out(match.start(), match.group(1)) or owner
            if owner is None:
                continue
            if owner.kind in _PLACE_KINDS and not initials_fit(match.group(1), owner.text):
                continue  # "TEHRAN (FNA)", "Aleppo (AFP)": a dateline's credit, not a name
            known = self.d.lookup(match.group(1)) if owner.actor_id.startswith("new:") else []
            if len(known) == 1 and _spells_out(owner.text, known[0]):
                # "the United Nations International Childrens Emergency Fund (UNICEF)": a
                # longer spelling of a group the dictionary knows by that acronym
                self._merge_into(owner.actor_id, known[0].id, "acronym")
                continue
            self._record_alias(owner.actor_id, match.start(1), match.end(1), "acronym")
        for match in _TITLED_ACRONYM.finditer(text):
            # "Islamic State (Isis)", "the alliance (Nato)": the acronym as some papers write
            # it, taken when it is the initials of the name or a spelling of the actor's own
            owner = self._mention_ending_at(match.start())
            word = match.group(1)
            if owner is None or owner.kind in _PLACE_KINDS:
                continue
            own = any(a.id == owner.actor_id for a in self.d.lookup(word.upper()))
            if own or initials_fit(word.upper(), owner.text):
                self._record_alias(owner.actor_id, match.start(1), match.end(1), "acronym")
        self._apply_text_aliases()

    def _spelled_out(self, bracket: int, acronym: str) -> ActorMention | None:
        """The mention of the shortest run of capitalised words (and the function words
        between them) ending before `bracket` whose initials are `acronym`, made for it; the
        mentions inside it (its pieces) give way to it. None when no such run ends there."""
        before = self.doc.char_span(0, bracket, alignment_mode="contract")
        if before is None or not len(before):
            return None
        last = before.end - 1
        first = last
        for i in range(last, max(last - _SPELLED_OUT_WORDS, -1), -1):
            word = self.doc[i]
            glue = word.lower_ in NAME_FUNCTION_WORDS or word.text == "-"
            if not (word.text[:1].isupper() or glue):
                break
            first = i
        for i in range(last - 1, first - 1, -1):
            word = self.doc[i]
            if not word.text[:1].isupper() or word.lower_ in NAME_FUNCTION_WORDS:
                continue
            start, end = word.idx, self.doc[last].idx + len(self.doc[last])
            if not initials_fit(acronym, self.text[start:end]):
                continue
            for key in [k for k in self.mentions if start <= k[0] and k[1] <= end]:
                del self.mentions[key]
            known = self._known(self.text[start:end])
            if len(known) == 1:
                return self._add((start, end), self._kind_of(known[0].id), known[0].id, "ner")
            actor_id = self._new_actor(self.text[start:end], ActorKind.OTHER)
            return self._add((start, end), "organisation", actor_id, "new")
        return None

    def _mention_ending_at(self, offset: int) -> ActorMention | None:
        candidates = [m for m in self.mentions.values() if 0 <= offset - m.end <= 2]
        if candidates:
            return max(candidates, key=lambda m: m.end)
        for ent in self.doc.ents:  # a name the dictionary does not know: create it
            if 0 <= offset - ent.end_char <= 2 and ent.label_ in ("ORG", "PERSON", "FAC"):
                found = self._known(_strip(ent.text))
                if len(found) == 1:
                    return self._add(ent, self._kind_of(found[0].id), found[0].id, "ner")
                actor_id = self._new_actor(ent.text, ActorKind.OTHER)
                return self._add(ent, "organisation", actor_id, "new")
        return None

    def _known(self, text: str) -> list[Actor]:
        """Dictionary actors named `text`, also when a possessive lost its apostrophe
        ("Bashar Assads", "the Syrian National Coalitions (SNC)") or a group's name lost or
        gained a letter."""
        found = self.d.lookup(text)
        if not found and len(text) > 4 and text.endswith("s"):
            found = self.d.lookup(text[:-1])
        if not found and (close := self.d.lookup_close(text)) is not None:
            found = [close]  # "Jabat Fateh al-Sham": a group the copy misspelt by a letter
        return found

    def _record_alias(self, actor_id: str, start: int, end: int, pattern: str) -> None:
        """The text defines a name here; within this article it beats the dictionary's reading."""
        alias = self.text[start:end]
        self.aliases.append(AliasEvidence(actor_id, alias, start, end, pattern))
        self.text_aliases[normalise_name(alias)] = actor_id
        for key in [k for k in self.mentions if k[0] < end and start < k[1]]:
            del self.mentions[key]
        self._add((start, end), self._kind_of(actor_id), actor_id, "alias")

    def _apply_text_aliases(self) -> None:
        if not self.text_aliases:
            return
        for ent in self.doc.ents:
            key = normalise_name(ent.text.removesuffix("'s"))
            if key in self.text_aliases and not self._covered(ent.start_char, ent.end_char):
                actor_id = self.text_aliases[key]
                self._add(ent, self._kind_of(actor_id), actor_id, "alias")
        for (start, end), mention in list(self.mentions.items()):
            actor_id = self.text_aliases.get(normalise_name(mention.text))
            if actor_id and mention.actor_id != actor_id and mention.method != "alias":
                self.mentions[(start, end)] = ActorMention(
                    start, end, mention.text, mention.kind, actor_id, "alias"
                )

    def _acronyms_by_initials(self) -> None:
        """An acronym made of the initials of an organisation's name the article gives ("FNA"
        and "Fars News Agency", "SOHR" and "the Syrian Observatory for Human Rights, or
        SOHR") names that organisation, with or without brackets between them. When the
        dictionary knows only one of the two forms, the other joins it; two different
        dictionary actors are left apart. One organisation alone must fit."""
        owners: dict[str, str | None] = {}
        for match in _BARE_ACRONYM.finditer(self.text):
            acronym, (start, end) = match.group(), match.span()
            if not looks_like_acronym(acronym) or needs_exact_case(acronym):
                continue
            if normalise_name(acronym) in self.text_aliases:
                continue  # the text defined it ("... Committees (LCC)"): that reading stands
            at = [m for (s, e), m in self.mentions.items() if s < end and start < e]
            if at and (len(at) > 1 or (at[0].start, at[0].end) != (start, end)):
                continue  # part of a longer name
            if acronym not in owners:
                # a mention's names are its text and its actor's: each (actor, text) once,
                # however often the article repeats the name
                spelled = {
                    (m.actor_id, m.text): m for m in self.mentions.values()
                    if m.kind == "organisation" and len(m.text.split()) >= 2
                    and m.method != "alias"
                }  # fmt: skip
                fitting = {
                    m.actor_id for m in spelled.values()
                    if not (at and m.actor_id == at[0].actor_id)
                    and any(initials_fit(acronym, _strip(n)) for n in self._names_of(m))
                }  # fmt: skip
                owners[acronym] = fitting.pop() if len(fitting) == 1 else None
            owner = owners[acronym]
            if owner is None:
                continue
            current = at[0].actor_id if at else None
            if current is None or current.startswith("new:"):
                if not any(a.alias == acronym and a.actor_id == owner for a in self.aliases):
                    self.aliases.append(AliasEvidence(owner, acronym, start, end, "initials"))
                self._add((start, end), self._kind_of(owner), owner, "alias")
            elif owner.startswith("new:"):
                self._merge_into(owner, current, "initials")

    def _names_of(self, mention: ActorMention) -> tuple[str, ...]:
        actor_id = mention.actor_id
        actor = (
            self.new_actors.get(actor_id) if actor_id.startswith("new:") else self.d.get(actor_id)
        )
        return (mention.text, actor.name, *actor.aliases) if actor else (mention.text,)

    def _merge_into(self, gone: str, actor_id: str, pattern: str) -> None:
        """A new actor turns out to be one the dictionary knows: its mentions are that one's."""
        for key, mention in list(self.mentions.items()):
            if mention.actor_id == gone:
                self.mentions[key] = ActorMention(
                    *key, mention.text, self._kind_of(actor_id), actor_id, "alias"
                )
                if not any(a.alias == mention.text for a in self.aliases):
                    self.aliases.append(AliasEvidence(actor_id, mention.text, *key, pattern))
        self.aliases = [a for a in self.aliases if a.actor_id != gone]
        self.new_actors.pop(gone, None)

    def _ner_spans(self) -> None:
        persons: list[tuple[str, str, str]] = []  # (surname, first name, actor id) so far
        for ent in _unbracketed(self.doc.ents):
            if self._covered(ent.start_char, ent.end_char):
                self._remember_person(ent, persons)
                continue
            if (ent.start_char, ent.end_char) in self.places:
                continue
            label = ent.label_
            text = _strip(ent.text)
            if len(ent) == 1 and ent[0].is_stop and ent[0].is_lower:
                continue  # "the us -led coalition": a lower-case word ("us") is no name
            if label == "NORP":
                country = _DEMONYMS.get(text.lower())
                state = self._state_of(country) if country else None
                if state:
                    self._add(ent, "nationality", state, "ner")
                continue
            if label in _MISREAD_AS_THINGS and self._speaking_name(ent):
                label = "PERSON"  # '"...," Oksana Pokalchuk told reporters' (WORK_OF_ART)
            if label == "PERSON" and self._body_word_at_an_end(ent):
                label = "ORG"  # "Radio Lublin": a body the tagger took for a person
            if label not in ("PERSON", "ORG", "GPE", "FAC"):
                continue
            if label in ("ORG", "PERSON") and ent[0].lower_ in _DEMONYMS and len(ent) > 1:
                self._demonym_led(ent)
                continue
            found = self._known(text)
            if not found and ent.start in self.name_list_tokens:
                continue  # a byline's names: credits, not people of the story
            if not found and label == "ORG" and (cut := self._cut_off(text)) is not None:
                if len(cut) > 1:
                    continue  # "The Syrian National said": a cut-off name, but whose?
                found = cut  # "Kurdish Peoples Protection"
            named = self._named_before(text, persons) if label == "PERSON" else None
            if named and all(actor.id != named for actor in found):
                self._add(ent, "person", named, "surname")  # "Mokdad" after "Louay Mokdad"
            elif len(found) == 1:
                actor_id = found[0].id
                self._add(ent, self._kind_of(actor_id), actor_id, "ner")
            elif label in ("PERSON", "ORG") and (actor_id := self._surname(text, persons)):
                self._add(ent, "person", actor_id, "surname")
            elif (
                (label == "PERSON" or (label == "ORG" and self._person_by_role(ent)))
                and len(text.split()) >= 2
                and _looks_like_name(ent)
            ):
                actor_id = self._new_actor(text, ActorKind.PERSON)
                self._add(ent, "person", actor_id, "new")
            elif label == "ORG" and len(text) > 2 and not _only_titles(text):
                actor_id = self._new_actor(self._with_owner(ent, text), ActorKind.OTHER)
                self._add(ent, "organisation", actor_id, "new")
            elif (
                label == "PERSON"
                and _looks_like_name(ent)
                and text.lower().strip(".") not in _TITLES
                and self.m.vetter.lone_name(text)
            ):
                # "Mr Ellwood", "Russell": a person we cannot tell apart from others of that
                # name, so a name mention and no actor
                start = self._with_honorific(ent.start_char)
                self.names.append(NameMention(start, ent.end_char, self.text[start:ent.end_char],
                                              "person"))  # fmt: skip
            self._remember_person(ent, persons)

    def _name_parts(self) -> None:
        """Bare first names and surnames the tagger missed or mislabelled ("Noor said",
        "Haroun" as a place) name the person this article gave in full; a part two of
        its persons share is left alone."""
        owners: dict[str, set[str]] = {}
        for mention in self.mentions.values():
            words = [w for w in mention.text.split() if w.lower().strip(".") not in _TITLES]
            if mention.kind != "person" or len(words) < 2:
                continue
            for word in (words[0], words[-1]):
                if len(word) >= 3 and word[:1].isupper():
                    owners.setdefault(word, set()).add(mention.actor_id)
        if not owners:
            return
        entities = {t.i: e for e in self.doc.ents for t in e}
        lone = {  # one-word new actors: "Noha" the tagger made an organisation
            key: m.actor_id for key, m in self.mentions.items()
            if m.actor_id.startswith("new:") and " " not in self.new_actors[m.actor_id].name
        }  # fmt: skip
        cols = doc_arrays(self.doc)
        for i, text in enumerate(cols.text):
            # only a word whose text (or text less a final "s") is a name part can be one
            plural = len(text) > 4 and text[-1] == "s" and text[:-1] in owners
            if text not in owners and not plural:
                continue
            token = self.doc[i]
            modifier = token.dep_ in ("compound", "amod", "poss") and token.head.pos_ == "NOUN"
            found = owners.get(token.text)
            if found is None and len(token) > 4 and token.text.endswith("s") and modifier:
                found = owners.get(token.text[:-1])  # "Akidis statement": lost apostrophe
            if not found or len(found) != 1 or not _name_shaped(token):
                continue
            if token.i in self.name_list_tokens:
                continue  # "Jane Doe Karim Yusuf Haddad.": a byline's "Karim"
            if token.ent_type_ == "NORP" and modifier:
                continue  # "a Chechen rebel" after "Omar the Chechen": a nationality
            start, end = token.idx, token.idx + len(token)
            ent = entities.get(token.i)
            if ent is not None and len(ent) > 1:
                continue  # part of a longer name: "Haroun Daqqaq" itself, or someone else
            if (start, end) in lone and lone[(start, end)] not in found:
                del self.mentions[(start, end)]
            if self._covered(start, end):
                continue
            if (start, end) in self.places and not _speaks(token):
                continue  # "in Numan": the place; "According to Numan", "Numan said": the person
            self._add((start, end), "person", next(iter(found)), "surname")
            self.names = [n for n in self.names if (n.start, n.end) != (start, end)]
        self._drop_unnamed_new_actors()

    def _drop_unnamed_new_actors(self) -> None:
        named = {m.actor_id for m in self.mentions.values()}
        gone = [a for a in self.new_actors if a not in named]
        for actor_id in gone:
            del self.new_actors[actor_id]
        self.aliases = [a for a in self.aliases if a.actor_id not in gone]
        self.text_aliases = {k: v for k, v in self.text_aliases.items() if v not in gone}

    def _middle_names(self) -> None:
        """ "Peter Edward Kassig" and "Peter Kassig", "Bandar bin Sultan" and "Bandar Sultan"
        in one article: new persons whose names share the first and the last word, one the
        other's words with some left out, are one person, under the shorter name (the form
        other articles are likelier to use)."""
        persons = {
            actor_id: normalise_name(actor.name).split()
            for actor_id, actor in self.new_actors.items()
            if actor.kind is ActorKind.PERSON
        }
        for long_id, long in persons.items():
            shorter = [
                short_id for short_id, short in persons.items()
                if short_id != long_id and 2 <= len(short) < len(long)
                and short[0] == long[0] and short[-1] == long[-1] and _subsequence(short, long)
                and short_id in self.new_actors
            ]  # fmt: skip
            if len(shorter) != 1 or long_id not in self.new_actors:
                continue
            for key, mention in list(self.mentions.items()):
                if mention.actor_id == long_id:
                    self.mentions[key] = ActorMention(
                        *key, mention.text, mention.kind, shorter[0], mention.method
                    )
            self._drop_unnamed_new_actors()

    def _leaders_forces(self) -> None:
        """ "the Assad regime", "Assad's forces", "the Obama administration": a leader's name
        before such a noun names the leader's government or forces, not the person."""
        for mention in list(self.mentions.values()):
            if mention.kind != "person" or mention.method == "pronoun":
                continue
            actor = self.new_actors.get(mention.actor_id) or self.d.get(mention.actor_id)
            if actor.country is None:
                continue
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or span.end >= len(self.doc):
                continue
            noun = self.doc[span.end]  # "Assad's regime" keeps the person: a possessor
            if span.root.head.i != noun.i or span.root.dep_ != "compound":
                continue
            if mention.text.endswith("s") and not self.d.lookup(mention.text):
                continue  # "Bashar Assads regime": a possessive that lost its apostrophe
            kind = _LEADERS_BODIES.get(noun.lower_)
            body = _first(self.d, actor.country, kind) if kind else None
            if body is None:
                continue
            end = noun.idx + len(noun)
            for inner in [k for k in self.mentions if mention.start <= k[0] and k[1] <= end]:
                del self.mentions[inner]
            self._add((mention.start, end), "organisation", body, "leader")

    def _seats_bodies(self) -> None:
        """ "The Kiev regime", "the Kyiv government", "the Damascus authorities": a capital
        before a word for the state's rulers names the government the capital stands for,
        whatever the word says of it ("regime" is a side's word, not another body). Read
        from the words, not the model's entities: it tags "Kiev" a person or an adjective."""
        for i, low in enumerate(doc_arrays(self.doc).lower):
            if low not in _SEATS_BODIES or i == 0:
                continue
            seat = self.doc[i - 1]
            if not seat.is_title or seat.head.i != i:
                continue
            governments = [
                a for a in self.d.by_metonym(seat.text) if a.kind is ActorKind.GOVERNMENT
            ]
            if len(governments) != 1:
                continue
            start, stop = seat.idx, self.doc[i].idx + len(self.doc[i])
            for inner in [k for k in self.mentions if start <= k[0] and k[1] <= stop]:
                del self.mentions[inner]
            self._add((start, stop), "organisation", governments[0].id, "seat")

    def _forces_led_by(self) -> None:
        """ "eastern Libyan forces led by commander Khalifa Haftar", "fighters loyal to X":
        the forces a person leads are the armed body the person belongs to, whatever the
        nationality word before them says ("Libyan forces" alone are Libya's army)."""
        for mention in list(self.mentions.values()):
            if mention.kind != "person" or mention.method == "pronoun":
                continue
            led = _LED_BY.search(self.text, max(0, mention.start - 80), mention.start)
            actor = self.new_actors.get(mention.actor_id) or self.d.get(mention.actor_id)
            if led is None or actor.affiliation is None or actor.affiliation in self.new_actors:
                continue
            body = self.d.get(actor.affiliation)
            if body.kind not in (ActorKind.ARMED_GROUP, ActorKind.MILITARY):
                continue
            noun = self.doc.char_span(led.start("noun"), led.end("noun"))
            if noun is None:
                continue
            chunk = next((c for c in self.noun_chunks if c.root.i == noun.root.i), None)
            start = chunk.start_char if chunk is not None else noun.start_char
            for inner in [k for k in self.mentions if start <= k[0] and k[1] <= noun.end_char]:
                del self.mentions[inner]
            self._add((start, noun.end_char), "organisation", body.id, "leader")

    def _demonym_led(self, ent: Span) -> None:
        """ "Syrian troops": the nationality, and the country's forces when the rest says so."""
        country = _DEMONYMS[ent[0].lower_]
        state = self._state_of(country)
        if state is None:
            return
        head = ent[0]
        self._add((head.idx, head.idx + len(head)), "nationality", state, "ner")
        rest = ent[1:].text.lower()
        military = _first(self.d, country, ActorKind.MILITARY)
        if rest in _FORCE_NOUNS and military:
            self._add(ent, "organisation", military, "demonym")

    def _remember_person(self, ent: Span, persons: list[tuple[str, str, str]]) -> None:
        mention = self.mentions.get((ent.start_char, ent.end_char)) or self.mentions.get(
            (ent.start_char, ent.end_char - 2)
        )
        if mention and mention.kind == "person" and len(mention.text.split()) >= 2:
            persons.append((*_name_keys(mention.text), mention.actor_id))

    def _named_before(self, text: str, persons: list[tuple[str, str, str]]) -> str | None:
        """The person this article named in full before whose surname `text` alone is ("Mokdad"
        after "Louay Mokdad"): that person, over anyone the dictionary knows by that name."""
        words = _bare_surname(text)
        if len(words) == 2 and words[0].lower() in _SURNAME_PARTICLES:
            return self._particle_surname(words, persons)  # "Abu Akleh" after "Shireen Abu Akleh"
        if len(words) != 1:
            return None
        key = name_variants_key(words[0])
        found = next((keys[2] for keys in reversed(persons) if keys[0] == key), None)
        if found is None:  # "Al-Maliki" after "Turki al-Malki": a vowel transliterations add
            close = {keys[2] for keys in persons if one_vowel_apart(keys[0], key)}
            found = close.pop() if len(close) == 1 else None
        return found

    def _particle_surname(
        self, words: list[str], persons: list[tuple[str, str, str]]
    ) -> str | None:
        """A surname led by a particle ("Abu Akleh", "bin Salman", "de Mistura") as the
        person this article named before in full with that particle and that last name."""
        key, particle = name_variants_key(words[1]), words[0].lower()
        for surname, _first, actor_id in reversed(persons):
            if surname != key:
                continue
            if any(
                m.actor_id == actor_id and particle in m.text.lower().split()
                for m in self.mentions.values()
            ):
                return actor_id
        return None

    def _surname(self, text: str, persons: list[tuple[str, str, str]]) -> str | None:
        """A lone name ("Kane", "Mr Ellwood", "Noha") as someone the article names in full.

        The surname of a person named before wins, then the first name of one named before,
        then the same for persons named later. Only a titled name ("Mr X", "President X")
        that this article does not give in full falls back to the dictionary, and only as an
        exact surname there: a lone first name is never taken for an unrelated person the
        dictionary happens to know (the dictionary's own bare-surname aliases match anyway).
        """
        words = [w for w in text.split() if w.lower().strip(".") not in _TITLES]
        if len(words) != 1:
            return None
        key = name_variants_key(words[0])
        later = [
            (*_name_keys(m.text), m.actor_id)
            for m in sorted(self.mentions.values(), key=lambda m: m.start)
            if m.kind == "person" and len(m.text.split()) >= 2
        ]  # fmt: skip
        for named in (list(reversed(persons)), later):
            for part in (0, 1):  # surname, then first name
                for keys in named:
                    if keys[part] == key:
                        return keys[2]
        titled = len(words) < len(text.split())
        exact = normalise_name(words[0])
        return self.m.surnames.get(exact) if titled and len(exact) >= 4 else None

    def _body_word_at_an_end(self, span: Span) -> bool:
        """Whether a name the tagger calls a person opens or ends with a word that names a
        body ("Radio Lublin", "Ukrinform News Agency"; `body_words` in data/name_cues.yaml)."""
        words = self.m.vetter.cues.body_words
        return len(span) > 1 and (span[0].lower_ in words or span[-1].lower_ in words)

    def _cut_off(self, text: str) -> list[Actor] | None:
        """The groups `text` is the beginning of, when it is a name cut before its head noun:
        it ends on no head ("Kurdish Peoples Protection", not "Air Force", a name in itself
        that also begins "Air Force Intelligence Directorate"), and the groups' names go on
        with one ("Units"; not "Syrian National Security Bureau"). None when it is no such
        beginning."""
        heads = self.m.vetter.cues.group_heads
        words = normalise_name(text).split()
        if not words or words[-1] in heads:
            return None
        found = {actor.id: actor for actor, word in self.d.lookup_prefix(text) if word in heads}
        return list(found.values()) or None

    def _shaped_as_persons_name(self, ent: Span) -> bool:
        """Two or three capitalised proper nouns, none a head of an organisation's name."""
        words = [t for t in ent if not t.is_punct]
        if not 2 <= len(words) <= 3 or not all(t.is_title and t.pos_ == "PROPN" for t in words):
            return False
        heads = self.m.vetter.cues.group_heads | self.m.vetter.cues.description_heads
        return not any(t.lower_ in heads or t.lemma_.lower() in heads for t in words)

    def _speaking_name(self, ent: Span) -> bool:
        """A name the tagger called a title, a product or an event that speaks: two or
        three capitalised words, none an organisation's head, as the subject of a verb of
        saying ('"...," Oksana Pokalchuk told reporters') or beside a role noun in
        apposition. Works of art and products do not tell reporters anything."""
        if not self._shaped_as_persons_name(ent):
            return False
        root = ent.root
        if root.dep_ == "nsubj" and root.head.lemma_.lower() in self.m.speech_lemmas:
            return True
        return self._person_by_role(ent)

    def _person_by_role(self, ent: Span) -> bool:
        """A name the tagger called an organisation that a role noun in apposition says is a
        person: "Jane Roe, the agency's head of delegation", "the head of the delegation,
        Jane Roe". Only names of two or three capitalised words, none an organisation's
        head ("Health Ministry", "Free Voices Group")."""
        if not self._shaped_as_persons_name(ent):
            return False
        roles = _ROLE_NOUNS | _GENERIC_ROLE_NOUNS
        root = ent.root
        if root.dep_ == "appos" and root.head.lemma_.lower() in roles:
            return True
        return any(c.dep_ == "appos" and c.lemma_.lower() in roles for c in root.children)

    def _with_owner(self, ent: Span, text: str) -> str:
        """ "the Russian General Staff": the tagger leaves the nationality out of the
        organisation's name; without it the name is a part of any state's."""
        if ent.start == 0:
            return text
        before = self.doc[ent.start - 1]
        if before.lower_ not in _DEMONYMS or before.ent_type_ not in ("NORP", ""):
            return text
        return f"{before.text} {text}"

    def _new_actor(self, name: str, kind: ActorKind) -> str:
        if kind is ActorKind.PERSON:
            name = self._untitled(name)
        slug = re.sub(r"[^a-z0-9]+", "-", normalise_name(name)).strip("-")
        actor_id = f"new:{slug}"
        if actor_id not in self.new_actors:
            self.new_actors[actor_id] = Actor(id=actor_id, name=_strip(name), kind=kind)
        return actor_id

    def _untitled(self, name: str) -> str:
        """ "Prince Bandar bin Sultan", "Activist Jane Roe": a person's name less the title or
        description the tagger took into it, so that the person has one id with or without
        it (a name of one word keeps its title: "King Abdullah")."""
        words = name.split()
        nouns = self.m.vetter.person_nouns
        while len(words) > 2 and (
            (low := words[0].lower().strip(".")) in _TITLES or low in _RANK_WORDS or low in nouns
        ):  # "Brig Gen Turki al-Malki", "Lt Col Ahmed Hassan": ranks without their stops too
            words = words[1:]
        return " ".join(words)

    def _state_of(self, country: str) -> str | None:
        for actor in self.d:
            if actor.kind is ActorKind.STATE and actor.country == country:
                return actor.id
        return None

    def _roles(self) -> None:
        """A role phrase names its holder: "the U.N. envoy for Syria" is the envoy, not the
        UN; the organisation or country inside it only qualifies the role, so its mention
        gives way. The holder is the person this article gave that title ("Iranian Foreign
        Ministry spokesman Nasser Kanaani ... the Iranian Foreign Ministry spokesman"), else
        the dictionary's holder on the article's date. An indefinite phrase ("a Free Syrian
        Army spokesman") is one of many: no holder. A phrase beside a name is left to
        `_appositions`."""
        given = [
            (role_words(self.text[title[0].idx : title[-1].idx + len(title[-1])]), actor_id)
            for actor_id, title in self._titles(whole_lead=True)
        ]
        for chunk in self.noun_chunks:
            if chunk.root.lemma_.lower() in _GENERIC_ROLE_NOUNS and chunk[0].lower_ == "the":
                self._generic_role(chunk)
                continue
            if chunk.root.lemma_.lower() not in _ROLE_NOUNS:
                continue
            if chunk[0].lower_ in _INDEFINITE:
                continue
            while len(chunk) > 1 and chunk[0].pos_ == "ADV" and chunk[0].lower_ != "then":
                chunk = chunk[1:]  # "Later her Russian counterpart": the clause's adverb
            if self._covered(chunk.start_char, chunk.end_char, by=_HOLDERS):
                continue
            whole = _with_complement(chunk)
            # "the Syrian ambassador to Moscow": a named place or body after the role says
            # which post it is; the bare "Syrian ambassador" would be another post's holder
            named = any(t.ent_type_ in _POST_NAMES for t in whole[len(chunk) :])
            for span in (whole,) if named else (whole, chunk):
                words = role_words(span.text)
                holders = {a for w, a in given if words and (words == w or words < w)}
                if not holders:
                    holders = {a.id for a in self.d.by_role(span.text, self.on)}
                if not holders and span is whole:
                    named_next = self._named_next(chunk)
                    if named_next is not None:  # the lead's role, named in the next sentence
                        holders = {named_next}
                        given.append((words, named_next))
                if len(holders) == 1:
                    start, end = span.start_char, span.end_char
                    for key in [k for k in self.mentions if k[0] < end and start < k[1]]:
                        del self.mentions[key]
                    self._add(span, "title", holders.pop(), "role")
                    break

    def _title_affiliations(self) -> None:
        """A person the dictionary lacks belongs to what their title names: "head of Iran's
        civil aviation Ali Abedzadeh" speaks for Iran, "Russian Defense Ministry spokesman
        X" for the ministry, so their denial is their side's own word. A body named in the
        title wins over a country; a country counts only beside a word of state office
        ("minister", "ambassador", "civil aviation") and never in an opposition title
        ("Syrian opposition spokesman")."""
        for actor_id, words in self._titles(whole_lead=True):
            actor = self.new_actors.get(actor_id)
            if actor is None or actor.kind is not ActorKind.PERSON or actor.affiliation:
                continue
            start, end = words[0].idx, words[-1].idx + len(words[-1])
            inside = [
                m for m in self.mentions.values()
                if start <= m.start and m.end <= end and not m.actor_id.startswith("new:")
                and m.kind in ("organisation", "metonym", "location", "nationality")
            ]  # fmt: skip
            lowered = {t.lower_ for t in words}
            bodies = [m for m in inside if self._kind_of(m.actor_id) == "organisation"]
            states = [m.actor_id for m in inside if self._kind_of(m.actor_id) == "location"]
            states += [  # a country's mention the role took in ("head of Iran's aviation")
                a.id for ps, pe in self.places if start <= ps and pe <= end
                for a in self.d.lookup(self.text[ps:pe]) if a.kind is ActorKind.STATE
            ]  # fmt: skip
            ids = [m.actor_id for m in bodies]
            if lowered & _NOT_OF_THE_STATE:
                ids, states = [b for b in ids if not is_state_body(b)], []
            chosen = set(ids or (states if lowered & _STATE_OFFICE_WORDS else []))
            if len(chosen) == 1:
                self.new_actors[actor_id] = replace(actor, affiliation=chosen.pop())

    def _named_next(self, chunk: Span) -> str | None:
        """ "Iran's minister of road and urban development has dismissed as untrue rumors
        ... ⏎ Mohammad Eslami said the aircraft crashed ...": a definite role that is the
        subject of its sentence, which the next sentence opens with a person's name as its
        subject, is that person's role (wire copy names the holder a sentence after the
        role)."""
        definite = chunk[0].lower_ == "the" or any(t.dep_ == "poss" for t in chunk)
        if not definite:  # "a minister" is one of many
            return None
        if chunk.root.dep_ != "nsubj" or chunk.root.head.dep_ != "ROOT":
            return None
        sentence = chunk.root.sent
        if sentence.end >= len(self.doc):
            return None
        following = self.doc[sentence.end].sent
        subject = next((t for t in following.root.children if t.dep_ == "nsubj"), None)
        if subject is None:
            return None
        persons = [
            m for m in self.mentions.values()
            if m.kind == "person" and m.method != "pronoun"
            and m.start <= subject.idx < m.end and m.start == following.start_char
        ]  # fmt: skip
        return persons[0].actor_id if len(persons) == 1 else None

    def _generic_role(self, chunk: Span) -> None:
        """'Jamie Roe, the UN humanitarian coordinator, ... The UN aid official said': a
        definite 'the <names> official' is the one person named before it whose title holds
        every name in it (no dictionary role is that vague)."""
        proper = [t for t in chunk if t.i != chunk.root.i and (t.is_upper or t.pos_ == "PROPN")]
        names = frozenset().union(*(role_words(t.text) for t in proper))
        if not names:
            return
        holders = {
            actor_id
            for actor_id, title in self._titles(whole_lead=True)
            if title[0].idx < chunk.start_char and names <= role_words(
                self.text[title[0].idx : title[-1].idx + len(title[-1])]
            )
        }  # fmt: skip
        if len(holders) == 1:
            start, end = chunk.start_char, chunk.end_char
            for key in [k for k in self.mentions if k[0] < end and start < k[1]]:
                del self.mentions[key]
            self._add(chunk, "title", holders.pop(), "role")

    def _counterparts(self) -> None:
        """ "Her Russian counterpart", "Power's Russian counterpart": the holder of the
        owner's role for the country named, on the article's date. The owner is the person
        named as the possessor, or, for "her"/"his", the person last named before."""
        for chunk in self.noun_chunks:
            root = chunk.root
            if root.lemma_.lower() != "counterpart":
                continue
            owner = next((c for c in root.children if c.dep_ == "poss"), None)
            if owner is None:
                continue
            # "Power's Russian counterpart": the phrase less a named owner and its "'s"
            own = owner.right_edge.i + 1 if owner.pos_ != "PRON" else chunk.start
            phrase = self.doc[own : chunk.end]
            if phrase[:1] and phrase[0].dep_ == "case":
                phrase = phrase[1:]
            if not phrase or self._covered(phrase.start_char, phrase.end_char, by=_HOLDERS):
                continue
            country = frozenset().union(*(
                words for t in phrase if t.i < root.i
                and (words := role_words(t.text)) and words <= COUNTRY_ROLE_WORDS
            ))  # fmt: skip
            owner_id = self._person_before(owner) if country else None
            holders = self.d.counterparts(owner_id, country, self.on) if owner_id else []
            if len(holders) == 1:  # the country only qualifies the role, as in `_roles`
                for key in [k for k in self.mentions
                            if k[0] < phrase.end_char and phrase.start_char < k[1]]:  # fmt: skip
                    del self.mentions[key]
                self._add(phrase, "title", holders[0].id, "role")

    def _person_before(self, owner: Token) -> str | None:
        """The dictionary person a possessor names: its own mention, or for a pronoun the
        last person named before it."""
        at = [m for m in self.mentions.values() if m.start <= owner.idx < m.end]
        if owner.pos_ != "PRON":
            return next((m.actor_id for m in at if not m.actor_id.startswith("new:")), None)
        before = [
            m for m in self.mentions.values()
            if m.end <= owner.idx and m.kind in ("person", "title")
            and not m.actor_id.startswith("new:")
        ]  # fmt: skip
        return max(before, key=lambda m: m.start).actor_id if before else None

    def _titles(self, whole_lead: bool = False) -> list[tuple[str, list[Token]]]:
        """(person, the words of a title beside the person's name): "X, a top negotiator",
        "Foreign Secretary X", "the UN envoy, X". `whole_lead`: also the whole phrase before
        the name that hangs on it, when it holds a role noun ("Iranian Foreign Ministry
        spokesman X", whose lower-case "spokesman" the capitalised lead leaves out)."""
        found = []
        persons = [
            m for m in self.mentions.values() if m.kind == "person" and m.method != "pronoun"
        ]
        for mention in persons:
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            titles = [c for c in root.children if c.dep_ == "appos" and c.i >= span.end]
            if root.dep_ == "appos" and root.head.i < span.start:
                titles.append(root.head)
            for head in titles:
                words = [t for t in head.subtree if not (span.start <= t.i < span.end)]
                found.append((mention.actor_id, sorted(words, key=lambda t: t.i)))
            # "Spokeswoman Marziyeh Afkham": a role word the name's span took in is the title's
            name = span.start
            while name < span.end - 1 and span.doc[name].lemma_.lower() in _ROLE_NOUNS:
                name += 1
            lead = [t for t in self.doc[max(span.start - 6, 0) : name]]
            compound = [t for t in lead if t.head.i in range(span.start, span.end)
                        and t.dep_ == "compound" and t.is_title]  # fmt: skip
            if compound:
                first = min(t.left_edge.i for t in compound)
                found.append((mention.actor_id, list(self.doc[first:name])))
            else:
                found.append((mention.actor_id, self._title_right_before(span.start)))
            before = self._role_phrase_before(span)
            if before:
                found.append((mention.actor_id, before))
            of = root.head if root.dep_ == "pobj" and root.head.lower_ == "of" else None
            if of is not None and of.head.lemma_.lower() in _ROLE_NOUNS and of.head.i < of.i:
                # "the head of the Donetsk Regional Military Administration Pavlo Kyrylenko":
                # a parse that hung the name on the body the role heads
                found.append((mention.actor_id, list(self.doc[of.head.i : name])))
            whole = list(self.doc[max(root.left_edge.i, span.start - 8) : name])
            if whole_lead and any(self._title_noun(t) for t in whole):
                found.append((mention.actor_id, whole))
        return [(actor_id, words) for actor_id, words in found if words]

    def _title_right_before(self, start: int) -> list[Token]:
        """The words of a title written right before a name, whatever the parse made of them
        ("..., UN rights spokesperson Rupert Colville said", where "spokesperson" hangs on the
        clause before): a lower-case role or people noun next to the name, with the nouns,
        names and adjectives before it in one run (no determiner, verb or punctuation)."""
        if start < 1 or not self._title_noun(self.doc[start - 1]) or self.doc[start - 1].is_title:
            return []
        first = start - 1
        while first > 0 and start - first < 6 and self.doc[first - 1].pos_ in _TITLE_RUN_POS:
            first -= 1
        return list(self.doc[first:start])

    def _title_noun(self, token: Token) -> bool:
        """A word a title beside a name can rest on: a role ("spokesman", "envoy") or a
        noun for people ("Kurdish businessman X", "X, a medic with the ambulance service")."""
        word = token.lemma_.lower()
        return word in _ROLE_NOUNS or word in self.m.vetter.person_nouns

    def _role_phrase_before(self, span: Span) -> list[Token]:
        """A role phrase ending right before a comma before a name, that the parser did not
        hang on the name: "Minister for the Middle East, Tobias Ellwood said".
        A phrase that is the object of a preposition ("after meeting with the president,
        Putin said") is someone else's role unless the parser makes the name its apposition."""
        end = span.start - 1
        if end < 1 or self.doc[end].text != ",":
            return []  # "Foreign Minister X": the compound lead in `_titles`
        for i in range(end - 1, max(end - 12, 0) - 1, -1):
            head = self.doc[i]
            if head.pos_ in ("VERB", "AUX") or head.is_punct:
                break
            if head.lemma_.lower() not in _ROLE_NOUNS or head.pos_ not in ("NOUN", "PROPN"):
                continue
            phrase = _role_phrase(head)
            if phrase.end != end:
                continue
            if head.dep_ == "pobj" and span.root.dep_ != "appos":
                return []
            return list(phrase)
        return []

    def _appositions(self) -> None:
        """Titles beside a named person are that person. Kept as title mentions, evidence
        for later roles."""
        for actor_id, words in self._titles(whole_lead=True):
            self._add_title(words, actor_id)

    def _add_title(self, words: list, actor_id: str) -> None:
        contiguous = sorted(words, key=lambda t: t.i)
        if not contiguous or len(contiguous) > 12:
            return
        if contiguous[-1].i - contiguous[0].i + 1 != len(contiguous):
            return  # the phrase is interrupted by the name: not one span
        start, end = contiguous[0].idx, contiguous[-1].idx + len(contiguous[-1])
        if not any(
            t.is_alpha and (t.lemma_.lower() in _ROLE_NOUNS or t.pos_ == "NOUN") for t in contiguous
        ):
            return  # "-": the parser's piece of "co-ordinator" is no title
        start, end = self._whole_words(start, end)  # "ordinator" -> "co-ordinator"
        if not self._covered(start, end, by=_NAMED):
            self._add((start, end), "title", actor_id, "apposition")
            return
        # "Taliban spokesman X", "X, a spokesman for the Defense Ministry": the body named
        # in the title keeps its mention; the role words beside it are the person's
        free = [t for t in contiguous if not self._covered(t.idx, t.idx + len(t), by=_NAMED)]
        runs: list[list] = []
        for token in free:
            if runs and runs[-1][-1].i + 1 == token.i:
                runs[-1].append(token)
            else:
                runs.append([token])
        for run in runs:
            while run and (run[0].tag_ == "POS" or run[0].is_punct):
                run.pop(0)  # "Lavrov's deputy" -> "deputy": the owner keeps its mention
            while run and not self._title_noun(run[-1]):
                run.pop()  # "a spokesman for the" -> "a spokesman"; "Spokesman Rear Adm."
            if run:  # -> "Spokesman" (a rank before the name is no part of the role)
                start, end = self._whole_words(run[0].idx, run[-1].idx + len(run[-1]))
                self._add((start, end), "title", actor_id, "apposition")
                return

    def _whole_words(self, start: int, end: int) -> tuple[int, int]:
        """Widen a span to the words it cuts into across a hyphen ("co-ordinator")."""
        glued = lambda c: c.isalnum() or c == "-"  # noqa: E731
        while start > 0 and glued(self.text[start - 1]) and "-" in self.text[start - 1 : start + 1]:
            start -= 1
            while start > 0 and self.text[start - 1].isalnum():
                start -= 1
        while (
            end < len(self.text) and glued(self.text[end]) and "-" in self.text[end - 1 : end + 1]
        ):
            end += 1
            while end < len(self.text) and self.text[end].isalnum():
                end += 1
        return start, end

    def _vet_new_actors(self) -> None:
        """Names the dictionary does not know stay actors only with evidence (new_actors.py)."""
        if not self.new_actors:
            return
        rejected = self.m.vetter.rejected(
            self.doc, self.mentions.values(), self.new_actors, sorted(self.places)
        )
        for key in [k for k, m in self.mentions.items() if m.actor_id in rejected]:
            mention = self.mentions.pop(key)
            named = mention.kind in ("person", "organisation")
            if named and rejected[mention.actor_id] == EVIDENCE:
                self.names.append(NameMention(*key, mention.text, mention.kind))
        for actor_id in rejected:
            del self.new_actors[actor_id]
        self.aliases = [a for a in self.aliases if a.actor_id not in rejected]
        self.text_aliases = {k: v for k, v in self.text_aliases.items() if v not in rejected}

    def _generic_references(self) -> None:
        focus = self._focus_country()
        if focus is None:
            return
        targets = {
            "government": _first(self.d, focus, ActorKind.GOVERNMENT),
            "army": _first(self.d, focus, ActorKind.MILITARY),
        }
        demonym = next((d for d, c in _DEMONYMS.items() if c == focus), None)
        opposition = self.d.lookup(f"{demonym} opposition") if demonym else []
        if len(opposition) == 1:
            targets["opposition"] = opposition[0].id
        self._regime_of(focus, targets["government"])
        phrases = {phrase: target for phrase, (target, _kind) in _GENERIC.items()}
        phrases |= {phrase: "opposition" for phrase in _OPPOSITION[:3]}
        rebels = self.d.lookup(f"{demonym} rebels") if demonym else []
        if len(rebels) == 1:
            targets["rebels"] = rebels[0].id
            phrases |= {phrase: "rebels" for phrase in _REBELS}
        lowered = self.text.lower()
        for phrase, target in phrases.items():
            actor_id = targets.get(target)
            if actor_id is None or phrase not in lowered:  # a search of the text per phrase
                continue
            for match in re.finditer(rf"(?<![\w-])(?<!-){re.escape(phrase)}\b", lowered):
                start, end = match.span()  # not "anti-government": that is the other side
                if self._covered(start, end) or self._modifies_noun(end):
                    continue
                if target == "rebels" and self._qualified(start, end):
                    continue  # "Kurdish rebels", "Islamist rebels": whose, the text says
                # "government forces" stay the focus country's: the phrase says whose
                named = self._force_named_before(start) if phrase in _BARE_FORCES else None
                if phrase in _GENERIC:  # "the government in Ankara": Turkey's, wherever set
                    named = self._seated_in(end, _GENERIC[phrase][1]) or named
                if target == "rebels":
                    self._add((start, end), "organisation", actor_id, GENERIC_GROUP)
                    continue
                self._add((start, end), "metonym", named or actor_id, "generic")
        self._the_coalition(focus, lowered)
        self._state_media(focus, lowered)

    def _regime_of(self, focus: str, government: str | None) -> None:
        """ "The regime" is the dictionary's (Assad's) in any article that names Syria
        otherwise, whatever country it is mostly about (Russia, in a story on Russia's talks
        with Syrian rebels); in one that never names it, such as an article about Myanmar,
        it is the focus country's government (see _GENERIC)."""
        if government is None:
            return
        bare = ("the regime", "regime")
        named = {  # the countries the article names besides a bare "the regime"
            (self.new_actors.get(m.actor_id) or self.d.get(m.actor_id)).country
            for m in self.mentions.values()
            if m.text.lower() not in bare
        } | set(self.setting)
        for key, mention in list(self.mentions.items()):
            if mention.method != "metonym" or mention.text.lower() not in bare:
                continue
            actor = self.d.get(mention.actor_id)
            if actor is None or actor.country in (focus, None) or actor.country in named:
                continue
            if mention.text.lower() == "regime":  # "a regime jet": no "the" to read again
                self.mentions[key] = replace(mention, actor_id=government)
            else:
                del self.mentions[key]

    def _the_coalition(self, focus: str, lowered: str) -> None:
        """ "The coalition denied any role", in an article that has named no coalition before
        (one it names is what "the coalition" stands for: see descriptions): the one that
        fights in the article's country, by the dictionary's `theatres` (in Yemen the
        Saudi-led one, in Syria and Iraq the US-led one). Not "the coalition government"."""
        if "the coalition" not in lowered:
            return
        fighting = [a.id for a in self.d.fighting_in(focus)]
        if len(fighting) != 1:
            return
        for match in re.finditer(r"(?<![\w-])the coalition\b", lowered):
            start, end = match.span()
            if self._covered(start, end) or self._modifies_noun(end):
                continue
            if any(
                m.end <= start and "coalition" in m.text.lower() for m in self.mentions.values()
            ):
                continue  # "the Syrian National Coalition ... the coalition said"
            self._add((start, end), "organisation", fighting[0], "generic")

    def _seated_in(self, end: int, kind: ActorKind) -> str | None:
        """The body of `kind` whose seat the words after a generic one name: "the
        government in Ankara" is Turkey's, "the army in Damascus" Syria's, in an article
        whose focus is another country. The capital is a metonym of one of its state's
        bodies in the dictionary; None when nothing or no such capital follows."""
        seat = _SEAT_AFTER.match(self.text, end)
        if seat is None:
            return None
        countries = {a.country for a in self.d.by_metonym(seat.group(1)) if a.country}
        if len(countries) != 1:
            return None
        return _first(self.d, countries.pop(), kind)

    def _qualified(self, start: int, end: int) -> bool:
        """A group word with a word of its own that says whose or which ("Kurdish rebels",
        "Houthi rebels", "their fighters", "anti-IS rebels"): no generic reference."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return True
        return any(
            c.dep_ in ("amod", "compound", "poss", "nmod", "npadvmod") and c.i < span.start
            for c in span.root.children
        ) or (span.start > 0 and self.doc[span.start - 1].text in ("-", "/"))

    def _state_media(self, focus: str, lowered: str) -> None:
        """ "State TV said", "state media reported": the focus country's state broadcaster
        or agency, when the dictionary knows it by that description ("Syrian state TV").
        Not after a nationality, a country or a possessive ("Russian state TV"): whose it
        is, the text says."""
        known = _KnownActors(self)
        for phrase in _STATE_MEDIA:
            if phrase not in lowered:
                continue
            actor_id = known.of_country(focus, phrase)
            if actor_id is None:
                continue
            for match in re.finditer(rf"(?<![\w-]){re.escape(phrase)}\b", lowered):
                start, end = match.span()
                at = [k for k, m in self.mentions.items() if k[0] < end and start < k[1]]
                if any(not self.mentions[k].actor_id.startswith("new:") for k in at):
                    continue  # "State TV" the tagger made a new name gives way below
                first = self.doc.char_span(start, end, alignment_mode="expand")
                before = self.doc[first.start - 1] if first is not None and first.start else None
                if before is not None and (
                    before.ent_type_ in ("NORP", "GPE") or before.dep_ in ("poss", "case")
                    or before.lower_ in _DEMONYMS or self._covered(before.idx, before.idx + 1)
                ):  # fmt: skip
                    continue
                for key in at:
                    del self.mentions[key]
                self._add((start, end), "organisation", actor_id, "generic")
        self._drop_unnamed_new_actors()

    def _force_named_before(self, offset: int) -> str | None:
        """The forces "the military" stands for when the text has just named some doing or
        saying something: "The U.S. military said ... The military added" is the US one even
        in a story set in Syria. The country's forces of the last military body that is the
        subject or agent of its clause in this sentence or the two before; None when there
        is none (the article's focus decides)."""
        sentence = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        if sentence is None:
            return None
        window = self._sentences_back(sentence.sent, _SPEAKER_LOOKBACK)
        found = None
        for mention in sorted(self.mentions.values(), key=lambda m: m.start):
            if not (window <= mention.start and mention.end <= offset):
                continue
            if mention.method == "generic" or mention.kind != "organisation":
                continue
            actor = self.new_actors.get(mention.actor_id) or self.d.get(mention.actor_id)
            if actor.kind is not ActorKind.MILITARY or actor.country is None:
                continue
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or not _doing(span.root):
                continue
            found = _first(self.d, actor.country, ActorKind.MILITARY) or actor.id
        return found

    def _modifies_noun(self, end: int) -> bool:
        """ "the military action", "the army chief": the phrase qualifies the noun after it
        and names no body of its own."""
        span = self.doc.char_span(end - 1, end, alignment_mode="expand")
        if span is None or span.end >= len(self.doc):
            return False
        last, after = span[-1], self.doc[span.end]
        return last.dep_ in ("compound", "amod") and last.head.i == after.i and after.pos_ == "NOUN"

    def _descriptions(self) -> None:
        """ "the Commission", "the terrorist group": an organisation named before."""
        found = find_descriptions(
            self.doc, list(self.mentions.values()), self.m.descriptions, _KnownActors(self)
        )
        for mention in found:
            inside = [k for k in self.mentions if mention.start <= k[0] and k[1] <= mention.end]
            for key in inside:
                del self.mentions[key]
            self.mentions[(mention.start, mention.end)] = mention
        if found:
            named = {m.actor_id for m in self.mentions.values()}
            gone = [a for a in self.new_actors if a not in named]
            for actor_id in gone:
                del self.new_actors[actor_id]
            self.aliases = [a for a in self.aliases if a.actor_id not in gone]

    def _focus_country(self) -> str | None:
        """The country the article is mostly about, from its state and nationality mentions."""
        counts: Counter[str] = Counter(self.setting)
        for mention in self.mentions.values():
            actor = self.new_actors.get(mention.actor_id) or self.d.get(mention.actor_id)
            if actor.country and mention.kind in ("location", "nationality", "metonym"):
                counts[actor.country] += 1
        return counts.most_common(1)[0][0] if counts else None

    def _pronouns(self) -> None:
        """he/she -> the person most recently named, preferring earlier subjects."""
        persons = sorted(
            (m for m in self.mentions.values() if m.kind == "person"), key=lambda m: m.start
        )
        cols = doc_arrays(self.doc)  # the words to look at, read on the columns
        for i, (lower, dep) in enumerate(zip(cols.lower, cols.dep, strict=True)):
            if lower not in _PRONOUNS or dep not in ("nsubj", "nsubjpass"):
                continue
            token = self.doc[i]
            before = [m for m in persons if m.end <= token.idx]
            if not before:
                continue
            subjects = [m for m in before if self._is_subject(m)]
            sentence_start = token.sent.start_char
            in_sentence = [m for m in before if m.start >= sentence_start]
            chosen = (in_sentence or subjects or before)[-1]
            self._add((token.idx, token.idx + len(token)), "pronoun", chosen.actor_id, "pronoun")

    def _organisation_pronouns(self) -> None:
        """ "..., it said": "it" saying something is the organisation, government or state
        named last before it, in its sentence or the one before (never a person or place)."""
        bodies = sorted(
            (m for m in self.mentions.values()
             if m.kind in ("organisation", "metonym", "location") and m.method != "pronoun"
             and (m.kind != "location" or self._kind_of(m.actor_id) == "location")),
            key=lambda m: m.start,
        )  # fmt: skip
        if not bodies:
            return
        cols = doc_arrays(self.doc)  # the words to look at, read on the columns
        for i, (lower, dep) in enumerate(zip(cols.lower, cols.dep, strict=True)):
            if lower != "it" or dep != "nsubj":
                continue
            token = self.doc[i]
            if token.head.lemma_.lower() not in self.m.speech_lemmas:
                continue
            subject = previous_body_subject(token)
            if subject is not None:  # the body the sentence before was about
                covering = [m for m in bodies if m.start <= subject.idx < m.end]
                if covering:
                    end = token.idx + len(token)
                    self._add((token.idx, end), "pronoun", covering[0].actor_id, "pronoun")
                continue  # else a body of no actor ("the coalition"): named as written
            sentence = token.sent
            previous = self.doc[sentence.start - 1].sent if sentence.start > 0 else sentence
            before = [m for m in bodies if previous.start_char <= m.start and m.end <= token.idx]
            window = self._sentences_back(sentence, _SPEAKER_LOOKBACK)
            speakers = [
                m for m in bodies
                if window <= m.start and m.end <= token.idx and self._speaks(m)
            ]  # fmt: skip
            # "The monitor counted 20 dead. The toll may rise. It said ...": failing both, the
            # body that was the subject of its clause in the window
            doers = [m for m in bodies if window <= m.start and m.end <= token.idx
                     and self._is_active_subject(m)]  # fmt: skip
            chosen = (speakers or before or doers)[-1:]
            if chosen:
                end = token.idx + len(token)
                self._add((token.idx, end), "pronoun", chosen[0].actor_id, "pronoun")

    def _sentences_back(self, sentence: Span, count: int) -> int:
        """Where the sentence `count` sentences before `sentence` starts (a char offset)."""
        for _ in range(count):
            if sentence.start == 0:
                break
            sentence = self.doc[sentence.start - 1].sent
        return sentence.start_char

    def _is_active_subject(self, mention: ActorMention) -> bool:
        """The mention heads its clause's active subject (narrower than `_doing`: a passive
        subject or agent is no referent for a later "it said")."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return span is not None and span.root.dep_ == "nsubj"

    def _speaks(self, mention: ActorMention) -> bool:
        """The mention is the subject of a speech verb ("the monitor said ..."): an "it said"
        soon after speaks for it rather than for a body named in passing ("dropped by the
        government")."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or span.root.dep_ != "nsubj":
            return False
        return span.root.head.lemma_.lower() in self.m.speech_lemmas

    def _is_subject(self, mention: ActorMention) -> bool:
        """The mention heads a subject, an apposition or the sentence: a person named so is
        whom a later "he" or "she" most likely means."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return span is not None and span.root.dep_ in ("nsubj", "nsubjpass", "appos", "ROOT")


class _KnownActors:
    """The dictionary and the article's new actors, as the description rules ask of them."""

    _STATE_MENTIONS = ("location", "nationality", "metonym")

    def __init__(self, resolver: _Resolver) -> None:
        self.r = resolver

    def _actor(self, actor_id: str) -> Actor | None:
        return self.r.new_actors.get(actor_id) or self.r.d.get(actor_id)

    def kind(self, actor_id: str) -> ActorKind | None:
        actor = self._actor(actor_id)
        return actor.kind if actor else None

    def names(self, actor_id: str) -> tuple[str, ...]:
        actor = self._actor(actor_id)
        return (actor.name, *actor.aliases) if actor else ()

    def country(self, actor_id: str) -> str | None:
        actor = self._actor(actor_id)
        if actor is None or actor.kind not in (ActorKind.STATE, ActorKind.GOVERNMENT):
            return None
        return actor.country

    def of_country(self, country: str, description: str) -> str | None:
        """The dictionary's own body a description names for a country ("the air force"
        of the country acting last); never a body made for a state that lacks it (see
        `_first`)."""
        state = self.r._state_of(country)
        if state is None:
            return None
        owners = [self.r.d.get(state).name, *(d for d, c in _DEMONYMS.items() if c == country)]
        found = {
            actor.id
            for owner in owners
            for name in (f"{owner}'s {description}", f"{owner} {description}")
            for actor in self.r.d.lookup(name)
            if not is_state_body(actor.id)
        }
        return found.pop() if len(found) == 1 else None


def _first(dictionary: ActorDictionary, country: str, kind: ActorKind) -> str | None:
    """The dictionary's own top body of a kind for a country. Never a body made for a
    state the dictionary lacks it for: the article's focus country is a guess, and "the
    air force" of an article on Syria that names Saudi Arabia most is no Saudi air force."""
    matches = [
        a for a in dictionary
        if a.kind is kind and a.country == country and not is_state_body(a.id)
    ]  # fmt: skip
    top = [
        a for a in matches if not a.affiliation or dictionary.get(a.affiliation).kind is not kind
    ]
    chosen = top or matches
    return chosen[0].id if chosen else None


def _doing(root: Token) -> bool:
    """The subject or the passive's agent of its clause ("the army said", "struck by the
    army")."""
    if root.dep_ in ("nsubj", "nsubjpass"):
        return True
    return root.dep_ == "pobj" and root.head.dep_ == "agent"


def _against(span: Span) -> bool:
    """The name follows "anti-" ("anti-IS", "anti-Assad"): it qualifies a noun as what it
    opposes, and names no one acting there."""
    doc = span.doc
    if span.start >= 2 and doc[span.start - 1].text == "-" and not doc[span.start - 1].whitespace_:
        return doc[span.start - 2].lower_ == "anti" and not doc[span.start - 2].whitespace_
    return span.start >= 1 and doc[span.start - 1].lower_ in ("anti-", "anti")


_POST_NAMES = frozenset({"GPE", "LOC", "ORG", "NORP", "FAC"})  # names that set a post apart


def _with_complement(chunk: Span) -> Span:
    """The noun chunk with the "for/of/to ..." phrase after its head: "the envoy for Syria"."""
    doc = chunk.doc
    end = chunk.end
    for child in chunk.root.rights:
        if child.dep_ == "prep" and child.lower_ in ("for", "of", "to", "on") and child.i == end:
            end = max(t.i for t in child.subtree) + 1
            break
    return doc[chunk.start : end] if end - chunk.start <= 12 else chunk


def _unbracketed(ents: Sequence[Span]) -> list[Span]:
    """Entities cut before a bracket inside them: a name never runs across one. What is
    left before it must be whole tokens ("FNA)- International ..." after "TEHRAN (", one
    token "FNA)-" to the tokenizer, leaves nothing: the acronym is found as such later)."""
    found = []
    for ent in ents:
        cut = next((i for i, c in enumerate(ent.text) if c in _BRACKETS), None)
        if cut is None:
            found.append(ent)
            continue
        end = ent.start_char + len(ent.text[:cut].rstrip())
        span = ent.doc.char_span(ent.start_char, end, label=ent.label)
        if span is not None and len(span) > 0:
            found.append(span)
    return found


def _role_phrase(head: Token) -> Span:
    """A role noun with its modifiers and its "for/of/to/on ..." complement: "the UN
    envoy for Syria", "Minister for the Middle East"."""
    doc = head.doc
    start = min((c.left_edge.i for c in head.lefts if c.dep_ in _ROLE_MODIFIERS), default=head.i)
    end = head.i + 1
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in ("for", "of", "to", "on") and child.i == end:
            end = max(t.i for t in child.subtree) + 1
            break
    return doc[start:end]


def _spells_out(text: str, actor: Actor) -> bool:
    """Whether `text` holds every word of one of the group's names of two words or more
    ("United Nations International Childrens Emergency Fund" those of "United Nations
    Children's Fund"): a longer spelling of it, not another group with the same initials."""
    if actor.kind is ActorKind.PERSON:
        return False
    words = set(normalise_name(_APOSTROPHE.sub("", text)).split())
    for name in (actor.name, *actor.aliases):
        own = normalise_name(_APOSTROPHE.sub("", name)).split()
        if len(own) >= 2 and set(own) <= words:
            return True
    return False


def _subsequence(short: Sequence[str], long: Sequence[str]) -> bool:
    """Whether `short` is `long` with some words left out, the rest in order."""
    rest = iter(long)
    return all(word in rest for word in short)


_RANK_WORDS = {
    "rear", "vice", "adm", "admiral", "lt", "lieut", "lieutenant", "maj", "major", "brig",
    "brigadier", "sgt", "sergeant", "capt", "captain", "cmdr", "commander", "gen", "col",
}  # fmt: skip


def _only_titles(text: str) -> bool:
    """A name made only of titles and ranks ("Rear Adm.", "Lt. Gen."): the tagger cut it off
    the person's name; it is nobody."""
    words = [w.lower().strip(".") for w in text.split()]
    return all(w in _TITLES or w in _RANK_WORDS for w in words)


def _looks_like_name(span: Span) -> bool:
    """Reject NER persons that begin with a function word ("Near Palmyra", "In Aleppo").
    A first word the tagger took for a verb is a name only in a name of three words or
    more whose other words are names ("Sayed Sarwar Hussaini": "Sayed" read as "say"),
    never in a headline's "Warns Putin"."""
    first = span[0]
    if first.lower_ in _LEADING_FUNCTION_WORDS or first.is_stop:
        return False
    if first.pos_ == "VERB":
        return first.is_title and len(span) >= 3 and all(t.pos_ == "PROPN" for t in span[1:])
    return first.pos_ in ("PROPN", "NOUN", "ADJ") and first.is_title


_TITLE_RUN_POS = frozenset({"NOUN", "PROPN", "ADJ"})  # words of a title before its role noun
# Words that lead a surname of two words ("Abu Akleh", "bin Salman", "de Mistura"): a later
# mention of the two alone is the surname of someone named in full
_SURNAME_PARTICLES = frozenset(
    {"abu", "bin", "ibn", "ben", "bint", "abd", "umm", "de", "van", "von", "da", "di", "del"}
)


@lru_cache(maxsize=1 << 14)  # pure: asked of every name of every organisation mention
def _bare_surname(text: str) -> list[str]:
    """A name's words less titles and ranks, an article written apart joined to the name it
    belongs to: "Brig Gen Al Malki" is ["Al Malki"], one surname."""
    words = [
        w for w in text.split()
        if (low := w.lower().strip(".")) not in _TITLES and low not in _RANK_WORDS
    ]  # fmt: skip
    if len(words) == 2 and words[0].lower() in ("al", "el"):
        return [" ".join(words)]
    return words


def _speaks(token: Token) -> bool:
    """Whether a word stands where a source stands: a verb's subject ("Numan said"), the
    object of "according to", or an owner ("Numan's statement")."""
    if token.dep_ in ("nsubj", "poss"):
        return True
    prep = token.head
    return token.dep_ == "pobj" and prep.lower_ == "to" and prep.head.lower_ == "according"


def _strip(text: str) -> str:
    text = re.sub(r"['’]s$", "", text.strip())
    return re.sub(r"^the\s+", "", text, flags=re.I)
