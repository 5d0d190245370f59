"""Whether a name the actor dictionary does not know is a new actor of the article.

spaCy's small model tags villages ("Kefraya", "Tal Abdo"), bylines and photo credits
("Reporting by ...", "AP Photo/..."), headline words ("Bomb Kills"), possessives that lost
their apostrophe ("Syrias Ghouta") and page furniture ("Youtube Subscribe") as PERSON or
ORG. On FA-KES dev, 817 of 1,007 actors were such `new:` ones. A name becomes a new actor
only when nothing says it is something else, and the text gives it some weight:

- it is not a place: not a gazetteer name, not led by a place word ("Khan ..."), never
  where places stand ("in X", "the villages of X and Y", "X countryside", "rebel-held X"),
  never tagged as a place elsewhere in the article;
- it is not a credit: no mention sits in a byline, credit or sign-off;
- it has the shape of a name: no digits or dates, no verbs or stray lower-case words, no
  known name with a lost possessive "s" inside;
- it has evidence: named at least twice outside headlines and credits, or once in an
  acting role (the subject or object of a verb, the agent of a passive, a possessor) or
  with a title beside it ("X, a commander of ...").

The cue words live in data/name_cues.yaml; this module holds the rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources

import yaml
from spacy.tokens import Doc, Span, Token

from rashomon.extract.doc_arrays import doc_arrays
from rashomon.extract.doc_text import doc_text
from rashomon.extract.gazetteer import Gazetteer
from rashomon.model import Actor, ActorKind, ActorMention

CUES_FILE = "name_cues.yaml"
ACTOR, SHAPE, PLACE, CREDIT, EVIDENCE = "actor", "shape", "place", "credit", "evidence"
INTERMEDIARY = "intermediary"
# "in an interview with X", "in comments to X": a venue whose "with"/"to" names an outlet
_VENUES = frozenset({"interview", "comment", "remark", "statement"})
MIN_MENTIONS = 2
MIN_LIST_WORDS = 4  # a sentence of only this many capitalised words or more lists names
MAX_PERSON_WORDS = 4  # capitalised words, particles aside: longer runs are lists of names
_ACTING = frozenset({"nsubj", "nsubjpass", "dobj", "poss", "dative"})
_NAMED_METHODS = frozenset({"new", "ner", "surname", "alias", "first name"})
_LIST_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "de", "van", "von"})
_DIGIT = re.compile(r"\d")
_TITLE_CASE_SHARE = 0.7  # a sentence this capitalised is a headline: its names are no evidence
_TITLE_CASE_MIN_WORDS = 5
_ARTICLES = frozenset({"the", "a", "an"})
_NAMING_WORDS = frozenset(
    {"the", "called", "dubbed", "named", "codenamed", "code-named", '"', "“", "'", "‘"}
)


@dataclass(frozen=True)
class NameCues:
    """Word lists from data/name_cues.yaml, as sets of lower-case words."""

    toponym_heads: frozenset[str]
    place_nouns: frozenset[str]
    locative_prepositions: frozenset[str]
    credit_words: frozenset[str]
    furniture_words: frozenset[str]
    name_particles: frozenset[str]
    date_words: frozenset[str]
    descriptor_words: frozenset[str] = frozenset()
    descriptor_prefixes: frozenset[str] = frozenset()
    description_heads: frozenset[str] = frozenset()
    headline_words: frozenset[str] = frozenset()
    held_participles: frozenset[str] = frozenset()
    ground_nouns: frozenset[str] = frozenset()
    document_heads: frozenset[str] = frozenset()
    campaign_nouns: frozenset[str] = frozenset()
    group_heads: frozenset[str] = frozenset()
    building_heads: frozenset[str] = frozenset()
    weapon_names: frozenset[str] = frozenset()
    body_words: frozenset[str] = frozenset()

    @classmethod
    def load(cls) -> NameCues:
        return _packaged_cues()


@cache
def _packaged_cues() -> NameCues:
    text = resources.files("rashomon.data").joinpath(CUES_FILE).read_text("utf-8")
    data = yaml.safe_load(text) or {}
    return NameCues(
        **{field: frozenset(str(w).lower() for w in data.get(field) or ()) for field in (
            "toponym_heads", "place_nouns", "locative_prepositions", "credit_words",
            "furniture_words", "name_particles", "date_words", "descriptor_words",
            "descriptor_prefixes", "description_heads", "headline_words", "held_participles",
            "ground_nouns", "document_heads", "campaign_nouns", "group_heads", "building_heads",
            "weapon_names", "body_words",
        )}
    )  # fmt: skip


class NewActorVetter:
    """Judges the new actors one article's resolution pass created; built once per process.

    `is_known_name` says whether a text names a dictionary actor; the gazetteer answers for
    places; `person_nouns` ("activist", "spokesman") before a name say who it is;
    `is_media` whether a text names a news outlet (whose "X's Jane Doe" is its reporter).
    """

    def __init__(
        self,
        gazetteer: Gazetteer | None,
        is_known_name: Callable[[str], bool],
        person_nouns: Iterable[str] = (),
        cues: NameCues | None = None,
        is_media: Callable[[str], bool] = lambda text: False,
        speech_lemmas: Iterable[str] = (),
        is_outlet: Callable[[str], bool] = lambda text: False,
        addressee_lemmas: Iterable[str] = ("tell",),
    ) -> None:
        self.gazetteer = gazetteer
        self.is_known_name = is_known_name
        self.is_media = is_media
        self.person_nouns = frozenset(n.lower() for n in person_nouns)
        self.speech_lemmas = frozenset(speech_lemmas)
        self.is_outlet = is_outlet
        self.addressee_lemmas = frozenset(addressee_lemmas)
        self.cues = cues or NameCues.load()

    def lone_name(self, text: str) -> bool:
        """Whether one capitalised word NER calls a person may stand as a name: not a place,
        not a date or page word, not a dictionary name (those resolve elsewhere)."""
        word = text.strip()
        if " " in word or not word[:1].isupper() or not word.isalpha() or len(word) < 3:
            return False
        low = word.lower()
        if low in self.cues.date_words or low in self.cues.furniture_words:
            return False
        if self.gazetteer is not None and self.gazetteer.lookup(word):
            return False
        return not self.is_known_name(word)

    def rejected(
        self,
        doc: Doc,
        mentions: Iterable[ActorMention],
        new_actors: Mapping[str, Actor],
        place_spans: Iterable[tuple[int, int]] = (),
    ) -> dict[str, str]:
        """The new actors that are not actors of this article, each with why: "shape",
        "place", "credit" (none of these is a name of anyone), "intermediary" (an outlet
        someone spoke to: "told the ABC") or "evidence" (a name, but too slight to make an
        actor of)."""
        by_actor: dict[str, list[ActorMention]] = {}
        persons: dict[int, str] = {}  # start -> actor id of each person named
        for mention in mentions:
            if mention.actor_id in new_actors:
                by_actor.setdefault(mention.actor_id, []).append(mention)
            if mention.kind == "person":
                persons[mention.start] = mention.actor_id
        article = _Article(doc, self, list(place_spans), persons)
        verdicts = {
            actor_id: article.verdict(actor, by_actor.get(actor_id, []))
            for actor_id, actor in new_actors.items()
        }
        return {actor_id: why for actor_id, why in verdicts.items() if why != ACTOR}


class _Article:
    """Per-article state the rules share: the Doc, its headline sentences, its places."""

    def __init__(
        self,
        doc: Doc,
        vetter: NewActorVetter,
        place_spans: list[tuple[int, int]],
        persons: Mapping[int, str] | None = None,
    ) -> None:
        self.persons = persons or {}
        self.doc = doc
        self.text = doc_text(doc)
        self.v = vetter
        self.cues = vetter.cues
        self.place_spans = place_spans
        self.place_texts = {_fold(self.text[start:end]) for start, end in place_spans}
        self.place_entities = {_fold(e.text) for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")}

    def verdict(self, actor: Actor, mentions: list[ActorMention]) -> str:
        names = [m for m in mentions if m.kind not in ("pronoun", "title")]
        if not names or not self._has_name_shape(actor):
            return SHAPE
        if self._is_place(actor, names):
            return PLACE
        spans = [s for m in names if (s := self._span(m)) is not None]
        if spans and not any(self._tagged_as_name(s) for s in spans):
            return SHAPE
        if " " not in actor.name and actor.name.lower() in self.lower_words:
            return SHAPE  # "Senate", "Coalition": the article writes it in lower case too
        if " " not in actor.name and spans and all(self._in_title(s, actor.id) for s in spans):
            return SHAPE  # "Rear Admiral John Kirby", "Secretary of State John Kerry"
        if any(self._names_campaign(s) for s in spans):
            return SHAPE  # "an operation called the Wrath of Euphrates": a campaign's name
        if any(self._in_credit(s) or self._in_link_list(s) for s in spans):
            return CREDIT
        if spans and all(self._closes_headline(s) for s in spans):
            return CREDIT  # "Hundreds dead as rebels seize air base: monitor Jane Doe."
        if spans and self.v.is_outlet(actor.name) and all(self._told(s) for s in spans):
            return INTERMEDIARY
        weighty = [s for s in spans if not self._in_headline(s)]
        named = sum(1 for m in names if m.method in _NAMED_METHODS)
        if named >= MIN_MENTIONS and weighty:
            return ACTOR
        if any(m.kind == "title" for m in mentions) or any(self._acting(s) for s in weighty):
            return ACTOR
        return EVIDENCE

    # -- shape ------------------------------------------------------------------------------

    def _has_name_shape(self, actor: Actor) -> bool:
        words = actor.name.split()
        lowered = [w.lower().strip(".,:;") for w in words]
        if _DIGIT.search(actor.name) and (actor.kind is ActorKind.PERSON or len(words) > 1):
            return False  # "Passcode 3080897", "Aid Agencies 2015"; "G20" stays
        if any(w in self.cues.furniture_words or w in self.cues.credit_words for w in lowered):
            return False  # "Youtube Subscribe", "James Regan Our Standards", "Photo Smoke"
        if any(c in actor.name for c in "()[]{}|"):
            return False
        if all(w in self.cues.weapon_names for w in lowered):
            return False  # "HIMARS", "Tochka-U": a weapon, never who fired it
        if any(w.startswith("-") or w.endswith("-") for w in words):
            return False  # "Beirut London- Warplanes": a dateline run into a headline
        if len(lowered) > 1 and lowered[-1] in self.cues.headline_words:
            return False  # "Warplane Crashes", "Terrorist Attack": a headline's words
        if all(w in self.cues.descriptor_words for w in lowered):
            return False  # "Takfiri" in "the Takfiri group": a creed, not a name
        if (
            len(lowered) == 1
            and "-" in lowered[0]
            and lowered[0].partition("-")[0] in self.cues.descriptor_prefixes
        ):
            return False  # "neo-Nazi" in "the neo-Nazi Azov battalion": a stance
        if lowered[0] in self.cues.campaign_nouns or lowered[-1] in self.cues.document_heads:
            return False  # "Operation Euphrates Shield", "Chemical Weapons Convention"
        if (
            len(lowered) > 2
            and lowered[0] in self.cues.document_heads
            and lowered[1] in ("of", "for", "on")
        ):
            return False  # "Treaty of ...", "Framework for ...", "Convention on ..."
        if len(lowered) == 1 and lowered[0] in self.cues.description_heads:
            return False  # "the Commission": a description of someone named elsewhere
        dates = sum(w in self.cues.date_words for w in lowered)
        if dates and (dates == len(words) or dates > 1):
            return False
        for word, low in zip(words, lowered, strict=True):
            if word[:1].islower() and low not in self.cues.name_particles and "-" not in word:
                return False  # "Assads air force"
        capitalised = [w for w, low in zip(words, lowered, strict=True)
                       if low not in self.cues.name_particles]  # fmt: skip
        if actor.kind is ActorKind.PERSON and len(capitalised) > MAX_PERSON_WORDS:
            return False
        last = len(words) - 1  # a lone word is looked up as a place, a name's last word not
        return not any(
            self._lost_possessive(w, " ".join(words[:i]), places=i < last or last == 0)
            for i, w in enumerate(words)
        )

    def _lost_possessive(self, word: str, before: str = "", places: bool = True) -> bool:
        """ "Syrias", "Assads", "Idlibs", "State Departments Jen Psaki": a known name whose
        apostrophe the text lost (the words `before` it may be part of that name). A place's
        name is looked up only for a word that something follows or that stands alone (not
        `places`): a name's last word possesses nothing, so "Bart Janssens" and "John Adams"
        keep their surnames, though some town somewhere is called Janssen or Adam."""
        if len(word) < 5 or not word.endswith("s") or word.endswith("ss"):
            return False
        stem = word[:-1]
        if self.v.is_known_name(stem) or (before and self.v.is_known_name(f"{before} {stem}")):
            return True
        return places and self.v.gazetteer is not None and bool(self.v.gazetteer.lookup(stem))

    @staticmethod
    def _tagged_as_name(span: Span) -> bool:
        """The tagger reads it as a name: one word tagged a proper noun and not used as an
        adjective (not "Videos", "Chemical", "the Takfiri terrorists"), several words not
        ending in a verb ("Warplane Crashes")."""
        if len(span) == 1:
            word = span[0]
            return (word.tag_ in ("NNP", "NNPS") or word.is_upper) and word.dep_ != "amod"
        return span[-1].pos_ not in ("VERB", "AUX")

    def _in_title(self, span: Span, actor_id: str) -> bool:
        """A lone word that leads a run of capitalised words into someone else's name: the
        first word of that person's title ("Rear" of "Rear Admiral John Kirby")."""
        for token in self.doc[span.end : span.end + 3]:
            other = self.persons.get(token.idx)
            if other is not None and other != actor_id:
                return True
            if not token.is_title:
                return False
        return False

    # -- places -----------------------------------------------------------------------------

    def _speaks(self, mentions: list[ActorMention]) -> bool:
        """Whether one of the mentions is a speaker in the text ("Chatham House said")."""
        spans = [s for m in mentions if (s := self._span(m)) is not None]
        return any(self._speaking(s) for s in spans)

    def _is_place(self, actor: Actor, mentions: list[ActorMention]) -> bool:
        first = actor.name.split()[0].lower().strip(".")
        first = re.sub(r"^(?:al|el)-", "", first)
        if first in self.cues.toponym_heads:
            return True
        words = actor.name.split()
        # "Rajm al-Sheikh Region", "Kurd Town"; a person the parser tagged who speaks
        # ("UNICEF director Anthony Lake said") is no place
        if (
            len(words) > 1
            and words[-1].lower() in self.cues.place_nouns
            and not (actor.kind is ActorKind.PERSON and self._speaks(mentions))
        ):
            return True
        # "damaged the Opera House", "the Grand Hotel": a building, unless it speaks
        # ("Chatham House said"), which no building does
        if (
            len(words) > 1
            and words[-1].lower() in self.cues.building_heads
            and not self._speaks(mentions)
        ):
            return True
        ends = (words[0], words[-1])
        if actor.kind is ActorKind.PERSON and any(self._sure_place(w) for w in ends):
            return True  # "Aleppo Ill": a person's name does not begin or end with a city
        key = _fold(actor.name)
        if key in self.place_texts or key in self.place_entities:
            return True
        if self.v.gazetteer is not None and self.v.gazetteer.lookup(actor.name):
            return True
        return any(
            self._place_context(span) for m in mentions if (span := self._span(m)) is not None
        )

    def _in_place(self, token: Token) -> bool:
        return any(start <= token.idx < end for start, end in self.place_spans)

    def _toponym_led(self, token: Token) -> bool:
        """The token ends a name that begins with a place word ("Kherbat Hajam", "Tal
        Hamra"), however the tagger labelled it."""
        ent = next((e for e in self.doc.ents if e.start <= token.i < e.end), None)
        if ent is None or ent.end - 1 != token.i:
            return False
        first = re.sub(r"^(?:al|el)-", "", ent[0].lower_.strip("."))
        return first in self.cues.toponym_heads

    def _sure_place(self, word: str) -> bool:
        """One of the project's own places ("Aleppo"): never part of a person's name.
        Countries are not enough: Jordan and Chad are first names too."""
        if self.v.gazetteer is None:
            return False
        return any(c.tier == 0 and c.curated for c in self.v.gazetteer.lookup(word))

    def _place_context(self, span: Span, listed: bool = True) -> bool:
        """Where places stand: after "in"/"near", after "the town of", before "area", or
        after "and" that closes a list of such names (`listed`: look one name back)."""
        head = span.root
        while head.dep_ == "conj" and head.head.i < head.i:
            head = head.head  # "al-Foua and Kefraya": the first conjunct's context
        cues = self.cues
        if head.dep_ == "pobj":
            preposition = head.head
            if preposition.lower_ in cues.locative_prepositions:
                return True
            if preposition.lower_ == "of" and preposition.head.lower_ in cues.place_nouns:
                return True
            if preposition.lower_ == "of" and preposition.head.lower_ in cues.ground_nouns:
                return True  # "regained control of X", "the siege of X"
        if head.dep_ in ("compound", "nmod", "amod") and head.head.lower_ in cues.place_nouns:
            return True
        before = self.doc[span.start - 1] if span.start > 0 else None
        after = self.doc[span.end] if span.end < len(self.doc) else None
        if after is not None and after.lower_ in cues.place_nouns:
            return True
        for other in (head.head, *head.children):
            if "conj" in (other.dep_, head.dep_) and (
                self._in_place(other) or self._toponym_led(other)
            ):
                return True  # "Zor Qsayaa as well as Kherbat in Hama": listed with places
        if before is not None and before.lower_ in cues.locative_prepositions:
            return True
        if (
            before is not None
            and before.lower_ in cues.held_participles
            and before.tag_ in ("VBN", "JJ", "VBD")
        ):
            return True  # "opposition controlled X", "rebel-held X": ground someone holds
        if before is not None and before.lower_ == "of" and before.i > 0:
            return self.doc[before.i - 1].lower_ in cues.place_nouns
        if listed and before is not None and before.lower_ in ("and", "or"):
            # "the villages of X and Y", whatever the parser made of Y; a bare place before
            # "and" is not enough ("Russia and Kerry")
            previous = next((e for e in self.doc.ents if e.end == before.i), None)
            if previous is not None:
                return self._place_context(previous, False)
        return False

    # -- credits and headlines --------------------------------------------------------------

    def _in_credit(self, span: Span) -> bool:
        """A byline, credit or sign-off: "Reporting by X and Y", "AP Photo/X", "X Our
        Standards", "Posted on May 3 by X", a tweet's "pic.twitter.com/... X (handle)"."""
        if any(start <= span.start < end for start, end in self.credit_zones):
            return True
        if any(start <= span.start < end for start, end in self.name_lists):
            return True  # "Jane Doe Karim Yusuf Haddad.": a byline of several names
        # the words before it in its sentence: "... CBS reported. X composed" is no credit
        window = self.doc[max(span.start - 4, span.sent.start) : span.start]
        if any("twitter.com" in t.lower_ for t in window):
            return True
        if any(t.lower_ in self.cues.credit_words for t in window):
            return True
        if any(t.text == "/" for t in window[-2:]):
            return True  # "Reuters/Jason Reed"
        if self._after_outlets_possessive(span) and not self._speaking(span):
            return True  # "TRT World's Jane Doe has the latest": its correspondent
        after = self.doc[span.end : span.end + 2]
        return any(t.lower_ in self.cues.credit_words or t.text == "/" for t in after)

    def _names_campaign(self, span: Span) -> bool:
        """After "operation" ("its operation X", "an offensive dubbed the X"): the name
        of a campaign, which is something done, not someone doing it."""
        i = span.start - 1
        while i >= 0 and self.doc[i].lower_ in _NAMING_WORDS:
            i -= 1
        return i >= 0 and self.doc[i].lower_ in self.cues.campaign_nouns

    def _in_link_list(self, span: Span) -> bool:
        """Beside a "|" of a row of links or sections ("Episode | Showcase Category News"):
        page furniture, not prose."""
        before = self.doc[span.start - 1] if span.start > 0 else None
        after = self.doc[span.end] if span.end < len(self.doc) else None
        return any(t is not None and t.text == "|" for t in (before, after))

    def _closes_headline(self, span: Span) -> bool:
        """The name ends the article's first sentence, a headline (no article "the"/"a" in
        it) that a byline ran into: "Rebels seize air base: monitor Jane Doe." Only when
        the name is named nowhere else (the caller asks it of every mention)."""
        sentence = span.sent
        if sentence.start != 0 or span.root.dep_ in ("nsubj", "nsubjpass"):
            return False
        if any(not t.is_punct for t in self.doc[span.end : sentence.end]):
            return False
        words = self.doc[sentence.start : span.start]
        return len(words) >= 3 and not any(t.pos_ == "DET" and t.lower_ in _ARTICLES for t in words)

    def _told(self, span: Span) -> bool:
        """Where the outlet someone spoke to stands: "told X", "speaking to X", "in an
        interview with X", "in comments to X". It carried the words; it is not in the story."""
        root = span.root
        if root.dep_ in ("dobj", "dative"):
            return root.head.lemma_.lower() in self.v.addressee_lemmas
        if root.dep_ != "pobj" or root.head.lower_ not in ("to", "with"):
            return False
        head = root.head.head.lemma_.lower()
        return head in ("speak", "talk") or head in _VENUES or head in self.v.addressee_lemmas

    def _speaking(self, span: Span) -> bool:
        """The subject of a speech verb ("as NPR's Tom Bowman tells our Newscast unit"): a
        reporter who is quoted is a speaker, not a credit."""
        root = span.root
        return root.dep_ == "nsubj" and root.head.lemma_.lower() in self.v.speech_lemmas

    def _after_outlets_possessive(self, span: Span) -> bool:
        for size in (1, 2, 3):
            if span.start - size < 0:
                break
            words = self.doc[span.start - size : span.start]
            text = words.text
            if words[-1].lower_ in ("'s", "’s", "'"):
                owner = self.doc[span.start - size : span.start - 1].text
            elif text.endswith("s") and len(text) > 3:
                owner = text[:-1]  # "TRT Worlds": the apostrophe lost
            else:
                continue
            if owner and self.v.is_media(owner):
                return True
        return False

    @cached_property
    def lower_words(self) -> frozenset[str]:
        """Words the article writes in lower case: a capitalised one of them is no name."""
        return frozenset(t.text for t in self.doc if t.is_lower and t.is_alpha)

    @cached_property
    def name_lists(self) -> list[tuple[int, int]]:
        return name_lists(self.doc)

    @cached_property
    def credit_zones(self) -> list[tuple[int, int]]:
        """Token ranges of the names after a credit's "by": "By X", "Reporting by X, Y and
        Z", "April 5 2017 by X Y and Z", up to the first word that is not part of a name."""
        zones = []
        for i, lower in enumerate(doc_arrays(self.doc).lower):
            if lower != "by":
                continue
            by = self.doc[i]
            if not self._credit_by(by):
                continue
            end = by.i + 1
            while end < len(self.doc):
                token = self.doc[end]
                if not (token.pos_ == "PROPN" or token.lower_ in ("and", ",", "&", ".")):
                    break
                end += 1
            zones.append((by.i + 1, end))
        return zones

    def _credit_by(self, by: Token) -> bool:
        if by.i == 0 or _line_start(self.doc, by):
            return True  # "By Jane Doe" opening a line
        before = self.doc[by.i - 1]
        if before.like_num or before.lower_ in self.cues.date_words:
            return True  # "April 5 2017 by Jane Doe"
        if before.lower_ in ("posted", "published", "updated"):
            return True
        window = self.doc[max(by.i - 3, 0) : by.i]
        return any(t.lower_ in self.cues.credit_words for t in window)  # "Reporting by"

    def _in_headline(self, span: Span) -> bool:
        """A Title Case Line ("Bomb Kills Dozens In Aleppo"): its ordinary words, those
        outside entities and not first in the sentence, are capitalised too."""
        sentence = span.sent
        words = [
            t for t in sentence[1:] if t.is_alpha and not t.is_stop and not t.ent_type_
        ]  # fmt: skip
        if len(words) < _TITLE_CASE_MIN_WORDS:
            return False
        capitalised = sum(t.text[:1].isupper() for t in words)
        return capitalised / len(words) >= _TITLE_CASE_SHARE

    # -- evidence ---------------------------------------------------------------------------

    def _acting(self, span: Span) -> bool:
        """Subject, object, agent or possessor, also as a later conjunct ("Ford and
        Chevallier met"), or named with what the person is ("activist X", "X, an analyst")."""
        head = span.root
        while head.dep_ == "conj" and head.head.i < head.i:
            head = head.head
        if head.dep_ in _ACTING:
            return True
        if head.dep_ == "pobj" and head.head.dep_ == "agent":
            return True  # "by X" after a passive verb: X did it
        nouns = self.v.person_nouns
        before = self.doc[span.start - 1] if span.start > 0 else None
        if before is not None and before.lemma_.lower() in nouns:
            return True
        if head.dep_ == "appos" and head.head.lemma_.lower() in nouns:
            return True  # "Mariupol's deputy mayor, Serhiy Orlov, said"
        return any(t.dep_ == "appos" and t.lemma_.lower() in nouns for t in span.root.children)

    def _span(self, mention: ActorMention) -> Span | None:
        return self.doc.char_span(mention.start, mention.end, alignment_mode="expand")


_LIST_POS = ("PROPN", "NOUN", "ADJ")


def name_lists(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the sentences that are nothing but a run of capitalised words, four
    or more with no verb among them: a byline of several reporters ("Jane Doe Karim Yusuf
    Haddad."), whose names are credits, never people of the story."""
    found = []
    for sentence in doc.sents:
        words = 0
        for t in sentence:  # up to the first word that is no name: in most sentences an early one
            if t.is_punct or t.is_space or t.lower_ in ("and", "&"):
                continue
            capitalised = t.is_alpha and (t.is_title or t.is_upper)
            if not (t.lower_ in _LIST_PARTICLES or (capitalised and t.pos_ in _LIST_POS)):
                break
            words += 1
        else:
            if words >= MIN_LIST_WORDS:
                found.append((sentence.start, sentence.end))
    return found


def _line_start(doc: Doc, token: Token) -> bool:
    return token.i == 0 or "\n" in doc[token.i - 1].whitespace_ + doc[token.i - 1].text


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())
