"""Descriptions that stand for an organisation the article names: "the Commission", "the
Takfiri group", "volunteer rescue force the White Helmets".

News copy names an organisation once and then refers to it by what it is. No coreference
model runs offline, so rules read the descriptions the press uses most:

- a description right before a name is that name ("volunteer rescue force the White
  Helmets", "rebel group Jaish al-Islam", 'the group "Jaysh al-Islam"');
- a definite description whose head word is part of an organisation's name named earlier
  stands for it ("the Commission" after "the Commission of Inquiry on Syria", "the
  Reconciliation Center" after "the Russian Center for the Reconciliation of ..."): every
  noun of the description must be in that name, so "the city centre" is nobody;
- a definite class noun ("the group", "the terrorist group", "the movement") stands for the
  organisation named last in its sentence or the two before, of a kind that fits (armed,
  political, aid or monitoring groups; an armed one when the description says "terrorist",
  "rebel" ...);
- else a definite description the dictionary knows for a state named in its sentence or the
  two before is that state's ("Turkey condemned ..., the foreign ministry said": Turkey's
  Foreign Ministry): a state that acts (a subject) decides alone, even when the dictionary
  has no such entry for it (Australia's defence ministry is not Syria's); with none acting,
  the state named last first ("Syrian ... the Coalition": the Syrian National Coalition);
- else a definite description whose nouns all lie in the name of the one organisation
  named after it that holds them all stands for it ("the city council" before "Mariupol
  City Council").

A description that says whom it names ("pro-regime thugs known as shabiha", "a militia
known locally as the shabbiha") stands for that name, whatever its head word: the text
says so itself. Names inside it ("pro-Assad militias") give way to it. And a name's last
word after "the" ("the Times" after "The New York Times", "the Post") stands for the one
organisation named before with that ending, as a surname stands for a person.

An indefinite description ("a rescue group said") introduces someone new: it is left alone,
unless its head says a kind ("a war monitor") and the article names one organisation of that
kind, which a lead often gives by its kind before its name; a head followed by "of" is left
alone too ("the group of doctors", "the Commission of Inquiry").
The word lists live in data/name_cues.yaml.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Protocol

import yaml
from spacy.tokens import Doc, Token

from rashomon.extract.doc_arrays import doc_arrays
from rashomon.extract.doc_text import doc_text
from rashomon.model import ActorKind, ActorMention

METHOD = "description"
_DEFINITE = frozenset({"the", "this"})
_MODIFIER_POS = frozenset({"ADJ", "NOUN", "PROPN", "VERB"})
_BETWEEN = frozenset({"the", '"', "“", "”", "'", "‘", "’", "«"})
_REFERRING = ("organisation", "metonym")  # mention kinds a description may stand for
_CLASS_KINDS = frozenset(
    {ActorKind.ARMED_GROUP, ActorKind.POLITICAL_GROUP, ActorKind.NGO, ActorKind.MONITOR,
     ActorKind.OTHER}
)  # fmt: skip
_ARMED_KINDS = frozenset({ActorKind.ARMED_GROUP, ActorKind.OTHER})
_AID_KINDS = frozenset({ActorKind.NGO})
# words that end names and also name a kind of body ("the Army", "the Nations"): no short name
_GROUP_WORDS = frozenset({"army", "forces", "nations", "states", "republic", "government"})
_GLOSSED = "organisation"  # the kind of mention a phrase "known as" it may stand for
_GLOSS_ADVERBS = frozenset({"also", "locally", "widely", "commonly", "popularly", "better"})
_SPELLINGS = {"centre": "center", "organization": "organisation", "defense": "defence"}
_SENTENCES_BACK = 2
_KIND_NAMES = {"armed": "armed group", "political": "political group"}  # as actors.yaml writes them


@dataclass(frozen=True)
class DescriptionCues:
    """Word lists for descriptions (lower case): the heads, the class heads among them
    (which may stand for any organisation of a fitting kind) and the modifiers that make
    a class head an armed group."""

    heads: frozenset[str]
    class_heads: frozenset[str]
    armed_modifiers: frozenset[str]
    head_kinds: dict[str, frozenset[ActorKind]] = field(default_factory=dict)
    aid_modifiers: frozenset[str] = frozenset()
    media_heads: frozenset[str] = frozenset()  # "the TV": heads of descriptions only

    @property
    def all_heads(self) -> frozenset[str]:
        return self.heads | self.media_heads

    @classmethod
    def load(cls) -> DescriptionCues:
        return _packaged_cues()


@cache
def _packaged_cues() -> DescriptionCues:
    text = resources.files("rashomon.data").joinpath("name_cues.yaml").read_text("utf-8")
    data = yaml.safe_load(text) or {}

    def words(field: str) -> frozenset[str]:
        lowered = (str(x).lower() for x in data.get(field) or ())
        return frozenset(_SPELLINGS.get(w, w) for w in lowered)

    kinds = {
        _SPELLINGS.get(str(head).lower(), str(head).lower()): frozenset(
            ActorKind(_KIND_NAMES.get(str(k), str(k))) for k in found
        )
        for head, found in (data.get("description_head_kinds") or {}).items()
    }
    return DescriptionCues(
        words("description_heads"),
        words("description_class_heads"),
        words("description_armed_modifiers"),
        kinds,
        words("description_aid_modifiers"),
        words("description_media_heads"),
    )


class Actors(Protocol):
    """What the rules ask of the actors known to the article (dictionary and new ones)."""

    def kind(self, actor_id: str) -> ActorKind | None: ...

    def names(self, actor_id: str) -> Sequence[str]:
        """The actor's canonical name and aliases ("the UN commission" may follow "the
        Commission of Inquiry on Syria" when the dictionary knows it as the UN's)."""
        ...

    def country(self, actor_id: str) -> str | None:
        """The ISO alpha-3 country of a state, its government or its nationality."""
        ...

    def of_country(self, country: str, description: str) -> str | None:
        """The one actor the dictionary names `description` for that country ("Turkey's
        foreign ministry"), or None."""
        ...


def find_descriptions(
    doc: Doc, mentions: Sequence[ActorMention], cues: DescriptionCues, actors: Actors
) -> list[ActorMention]:
    """Mentions of the descriptions in `doc` that stand for an organisation of `mentions`;
    a `new:` actor's mention inside one of them is to be replaced by it."""
    text = doc_text(doc)
    ordered = sorted(mentions, key=lambda m: m.start)
    # a name the dictionary does not know inside a description ("the Defence Ministry" read
    # as a new actor) gives way to it when the description stands for someone
    taken = [(m.start, m.end, m.actor_id.startswith("new:")) for m in ordered
             if m.kind != "nationality"]  # fmt: skip
    # a person named by a role for a group ("a spokesperson for the militant group"): the
    # group's description inside the role still stands for the group
    roles = [(m.start, m.end) for m in ordered if m.kind in ("person", "title")]
    found: list[ActorMention] = []
    heads = cues.all_heads
    cols = doc_arrays(doc)  # the words to look at, read on the columns
    for word, named in _short_names(doc, ordered, taken, cues.all_heads | _GROUP_WORDS):
        end = word.idx + len(word)
        found.append(ActorMention(word.idx, end, text[word.idx : end], "organisation", named,
                                  METHOD))  # fmt: skip
        taken.append((word.idx, end, False))
    for first, head, named in _known_as(doc, ordered):
        start, end = doc[first].idx, head.idx + len(head)
        if any(s < end and start < e and not (start <= s and e <= end) for s, e, _n in taken):
            continue
        found.append(ActorMention(start, end, text[start:end], "organisation", named, METHOD))
        taken.append((start, end, False))
    for i, (lower, pos) in enumerate(zip(cols.lower, cols.pos, strict=True)):
        if _SPELLINGS.get(lower, lower) not in heads or pos not in ("NOUN", "PROPN"):
            continue
        head = doc[i]
        following = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
        if following is not None and following == head.head and _word(following) in heads:
            continue  # "the monitor group": the description ends on "group"
        first = _first_modifier(head)
        start, end = doc[first].idx, head.idx + len(head)
        in_role = (
            first > 1
            and doc[first - 2].lower_ in ("for", "of")
            and any(s <= start and end <= e for s, e in roles)
        )
        if any(
            s < end and start < e and not (new and start <= s and e <= end)
            and not (in_role and (s, e) in roles)
            for s, e, new in taken
        ):  # fmt: skip
            continue
        if head.i + 1 < len(doc) and doc[head.i + 1].lower_ in ("of", "for"):
            continue
        named = _name_after(head, ordered)
        definite = first > 0 and doc[first - 1].lower_ in _DEFINITE
        if named is None and definite:
            named = _antecedent(doc, head, first, ordered, cues, actors)
        if named is None and _bare_modifier(head, first):
            named = _antecedent(doc, head, first, ordered, cues, actors, by_name_only=True)
        if named is None and definite:
            named = _of_a_state(doc, head, first, ordered, actors)
        if named is None and definite:
            named = _named_after_it(doc, head, first, ordered, cues, actors)
        if named is None and first > 0 and doc[first - 1].lower_ in ("a", "an"):
            named = _sole_of_its_kind(head, ordered, cues, actors)
        if named is None:
            continue
        mention = ActorMention(start, end, text[start:end], "organisation", named, METHOD)
        found.append(mention)
        taken.append((start, end, False))
        bisect.insort(ordered, mention, key=lambda m: m.start)  # "the ministry" after it
    return found


def _short_names(
    doc: Doc,
    mentions: Sequence[ActorMention],
    taken: Sequence[tuple[int, int, bool]],
    heads: frozenset[str],
) -> list[tuple[Token, str]]:
    """(word, actor) of each "the Times" after "The New York Times": a capitalised name
    after "the" that is the last word of the one organisation of that ending the text has
    named before it stands for that organisation, as a surname stands for a person (a word
    that is also a description's head, "the Army", "the Council", is the descriptions'
    to read)."""
    cols = doc_arrays(doc)
    found = []
    for i, pos in enumerate(cols.pos):
        if pos != "PROPN" or i == 0 or cols.lower[i - 1] != "the" or not cols.text[i][:1].isupper():
            continue
        if i + 1 < len(doc) and cols.pos[i + 1] == "PROPN":
            continue  # "the Times Square": a longer name
        start, word = cols.idx[i], cols.lower[i]
        if word in heads or any(s <= start < e and not new for s, e, new in taken):
            continue
        owners = {
            m.actor_id for m in mentions
            if m.kind == "organisation" and m.end <= start and " " in m.text.strip()
            and m.text.lower().split()[-1] == word
        }  # fmt: skip
        if len(owners) == 1:
            found.append((doc[i], owners.pop()))
    return found


def _known_as(doc: Doc, mentions: Sequence[ActorMention]) -> list[tuple[int, Token, str]]:
    """(first word, head, actor) of each common-noun phrase glossed by the name after it:
    "pro-regime thugs known as shabiha", "militiamen, known locally as the shabbiha"."""
    cols = doc_arrays(doc)
    starts = {m.start: m for m in mentions if m.kind == _GLOSSED and m.actor_id}
    found = []
    for i, lower in enumerate(cols.lower):
        if lower != "known":
            continue
        k = i + 1
        while k < len(doc) and cols.lower[k] in _GLOSS_ADVERBS:
            k += 1  # "known locally as"
        if k >= len(doc) or cols.lower[k] != "as":
            continue
        h = i - 1
        while h >= 0 and (cols.lower[h] in _GLOSS_ADVERBS or cols.lower[h] == ","):
            h -= 1  # "militias, also known as": the phrase ends before the aside
        k += 1
        while k < len(doc) and cols.lower[k] in _BETWEEN:
            k += 1
        if h < 0 or k >= len(doc) or cols.pos[h] != "NOUN" or cols.idx[k] not in starts:
            continue
        head = doc[h]
        found.append((_first_modifier(head), head, starts[cols.idx[k]].actor_id))
    return found


def _word(token: Token) -> str:
    word = token.lower_
    return _SPELLINGS.get(word, word)


def _first_modifier(head: Token) -> int:
    """The first word of the modifiers before the head ("British-based monitoring group")."""
    doc = head.doc
    first = head.i
    while first > 0:
        before = doc[first - 1]
        if before.pos_ in _MODIFIER_POS and before.dep_ in ("amod", "compound", "nmod"):
            first -= 1
        elif before.tag_ == "HYPH" and first > 1:
            first -= 2  # "British-based", "state-run": the hyphen and the word before it
        else:
            break
    while first < head.i and (doc[first].tag_ == "HYPH" or doc[first].is_punct):
        first += 1
    return first


def _name_after(head: Token, mentions: Sequence[ActorMention]) -> str | None:
    """The organisation named right after the description (past "the" and quotation marks)."""
    doc = head.doc
    k = head.i + 1
    while k < len(doc) and doc[k].lower_ in _BETWEEN and k - head.i <= 2:
        k += 1
    if k >= len(doc):
        return None
    starts = {doc[j].idx for j in range(head.i + 1, k + 1)}
    for mention in mentions:
        if mention.start in starts and mention.kind == "organisation":
            return mention.actor_id
    return None


def _bare_modifier(head: Token, first: int) -> bool:
    """A description word alone before the noun it qualifies, with no article of its own
    ("coalition planes hit a building", "army units"): it means the one the text has named,
    as "the coalition" does, not any coalition."""
    doc = head.doc
    if first != head.i or head.dep_ != "compound" or head.head.i <= head.i:
        return False
    if head.head.pos_ != "NOUN":
        return False
    return first == 0 or doc[first - 1].pos_ not in ("DET", "PRON", "NUM", "PROPN", "ADJ")


def _antecedent(
    doc: Doc,
    head: Token,
    first: int,
    mentions: Sequence[ActorMention],
    cues: DescriptionCues,
    actors: Actors,
    by_name_only: bool = False,
) -> str | None:
    """The organisation a definite description stands for: the last one named before whose
    name holds the description's words, else (unless `by_name_only`) the last one of the
    description's kind named in the sentences just before."""
    others = {t.i for t in head.conjuncts}  # "the IS group and the Kurdish-led militia"
    before = [
        m for m in mentions
        if m.end <= doc[first].idx and m.kind in _REFERRING and _root(doc, m) not in others
    ]  # fmt: skip
    modifiers = doc[first : head.i]
    nouns = _name_nouns(doc, head, first, cues)
    # "the group" is any group, not "X Group"
    before_named: Sequence[ActorMention] = before if nouns is not None else []
    for mention in reversed(before_named):  # the head word inside a name named before
        if _holds_all(mention, nouns or set(), actors):
            return mention.actor_id
    typed = cues.head_kinds.get(_word(head))
    if by_name_only:
        return None
    if _word(head) in cues.class_heads:
        armed = any(_word(t) in cues.armed_modifiers for t in modifiers)
        aid = any(_word(t) in cues.aid_modifiers for t in modifiers)  # "the aid group"
        kinds = _ARMED_KINDS if armed else _AID_KINDS if aid else _CLASS_KINDS
    elif typed:
        kinds = typed  # a name the dictionary does not know may be anything
    else:
        return None
    floor = _sentences_back(doc, head, _SENTENCES_BACK)
    for mention in reversed(before):
        if mention.start < floor:
            break
        if mention.kind == "organisation" and actors.kind(mention.actor_id) in kinds:
            # "X is another armed group which fights beside Y. The group ...": the sentence
            # that called X a group says which group it means
            called = _called_so(doc, head, mention, before, kinds, actors)
            described = _described(doc, mention, before)
            if described is not None and actors.kind(described) not in kinds:
                described = None
            return called or described or mention.actor_id
    return None


def _described(doc: Doc, mention: ActorMention, before: Sequence[ActorMention]) -> str | None:
    """The organisation a relative clause holding `mention` describes ("a faction, Liwa
    Suqour al-Jabal, which has been fighting both ISIS and the regime. ... the head of the
    rebel group"): the clause tells about the name it hangs on, which stays the topic; the
    names inside it are what that one fights or joins."""
    root = _root(doc, mention)
    if root is None:
        return None
    token = doc[root]
    while token.dep_ != "ROOT" and token.head.i != token.i:
        if token.dep_ == "relcl":
            described = token.head.idx
            for other in before:
                if other.start <= described < other.end and other.kind == "organisation":
                    return other.actor_id if other.actor_id != mention.actor_id else None
        token = token.head
    return None


def _named_after_it(
    doc: Doc, head: Token, first: int, mentions: Sequence[ActorMention],
    cues: DescriptionCues, actors: Actors,
) -> str | None:  # fmt: skip
    """ "A harrowing image shared by the city council ... Mariupol City Council said": a
    description told before the name it stands for. Every noun of it must be in the name of
    the one organisation named after it whose name holds them all; never a class noun
    alone ("the group" names no one before its group is named)."""
    nouns = _name_nouns(doc, head, first, cues)
    if nouns is None:
        return None
    end = head.idx + len(head)
    found = {
        m.actor_id for m in mentions
        if m.start >= end and m.kind == "organisation" and _holds_all(m, nouns, actors)
    }  # fmt: skip
    return next(iter(found)) if len(found) == 1 else None


def _name_nouns(doc: Doc, head: Token, first: int, cues: DescriptionCues) -> set[str] | None:
    """The nouns a name must hold for a description to stand for it ("city council"); None
    for a class noun alone ("the group" is any group, not a name ending "Group")."""
    nouns = {_word(t) for t in doc[first : head.i] if t.pos_ in ("NOUN", "PROPN")}
    if _word(head) in cues.class_heads and not nouns:
        return None
    return nouns | {_word(head)}


def _holds_all(mention: ActorMention, nouns: set[str], actors: Actors) -> bool:
    """Whether the mention's text, or one of its actor's names, holds every noun."""
    words = _words(_own_part(mention.text))
    for name in actors.names(mention.actor_id):
        words |= _words(_own_part(name))
    return nouns <= words


def _own_part(name: str) -> str:
    """The name less an owner before it: "the coalition's Joint Incidents Assessment Team"
    is no coalition ("the coalition's conduct" is not the team's)."""
    return re.split(r"['’]s\s+", name)[-1]


def _sole_of_its_kind(
    head: Token, mentions: Sequence[ActorMention], cues: DescriptionCues, actors: Actors
) -> str | None:
    """ "According to a war monitor, ... killed 12 people" in a lead, and "The Syrian
    Observatory for Human Rights said ..." below: a lead often gives a source by its kind
    before its name. An indefinite description whose head says a kind ("monitor") stands
    for the one organisation of that kind the article names anywhere; with two or none it
    is someone new."""
    kinds = cues.head_kinds.get(_word(head))
    if not kinds:
        return None
    found = {
        m.actor_id for m in mentions
        if m.kind == "organisation" and actors.kind(m.actor_id) in kinds
    }  # fmt: skip
    return next(iter(found)) if len(found) == 1 else None


def _called_so(
    doc: Doc,
    head: Token,
    last: ActorMention,
    mentions: Sequence[ActorMention],
    kinds: frozenset[ActorKind],
    actors: Actors,
) -> str | None:
    """The organisation that `last`'s sentence says is a `head` ("Islamic Jihad is another
    Gaza-based group"): the subject of a copula whose complement has the same head noun."""
    # the token holding last.start: the last starting at or before it, if it reaches it
    cols = doc_arrays(doc)
    i = bisect.bisect_right(cols.idx, last.start) - 1
    if i < 0 or last.start >= cols.idx[i] + len(cols.text[i]):
        return None
    token = doc[i]
    for noun in token.sent:
        if _word(noun) != _word(head) or noun.dep_ != "attr" or noun.head.lemma_ != "be":
            continue
        subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        if subject is None:
            continue
        for mention in mentions:
            if (
                mention.kind == "organisation"
                and mention.start <= subject.idx < mention.end
                and actors.kind(mention.actor_id) in kinds
            ):
                return mention.actor_id
    return None


def _of_a_state(
    doc: Doc, head: Token, first: int, mentions: Sequence[ActorMention], actors: Actors
) -> str | None:
    description = doc[first : head.i + 1].text
    floor = _sentences_back(doc, head, _SENTENCES_BACK)
    window = [m for m in mentions if floor <= m.start < doc[first].idx]
    window = [m for m in window if actors.country(m.actor_id) is not None]
    # a state acting ("Turkey condemned ..., the foreign ministry said") decides alone, even
    # when the dictionary has no such entry for it (Australia's defence ministry is not
    # Syria's); with none acting, the states named nearest first
    acting = [m for m in window if _acting(doc, m)]
    if acting:
        return actors.of_country(actors.country(acting[-1].actor_id) or "", description)
    tried: set[str] = set()
    for mention in reversed(window):
        country = actors.country(mention.actor_id) or ""
        if country in tried:
            continue
        tried.add(country)
        found = actors.of_country(country, description)
        if found is not None:
            return found
    return None


def _root(doc: Doc, mention: ActorMention) -> int | None:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.root.i if span is not None else None


def _acting(doc: Doc, mention: ActorMention) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and span.root.dep_ in ("nsubj", "nsubjpass")


def _words(name: str) -> set[str]:
    folded = "".join(c if c.isalnum() else " " for c in name.lower())
    return {_SPELLINGS.get(w, w) for w in folded.split()}


def _sentences_back(doc: Doc, token: Token, count: int) -> int:
    """Where the sentence `count` sentences before `token`'s own begins (a char offset)."""
    sent = token.sent
    while count > 0 and sent.start > 0:
        sent = doc[sent.start - 1].sent
        if any(t.is_alpha for t in sent):  # a run of blank lines is no sentence
            count -= 1
    return sent.start_char
