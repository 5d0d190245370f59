"""Who a claimant is: an agent named as the text names it, with its kind, or nobody.

An attribution's subject is only a claimant when it is someone: an actor the actor stage
resolved (a pronoun by its antecedent), a person or organisation name, or a noun of someone
who can say things ("activists", "a security source", "the broadcaster": `claimant_nouns`
in number_words.yaml, by kind). "Airstrikes", "the explosion", "the five-year war" and
"fighter jets" are not claimants: the attribution is dropped and the next one out is tried.

Kinds: an actor's kind decides (person; monitor; media; government for states, governments
and armies; organisation for the rest); otherwise the head noun's group, where a monitoring
word beside an organisation noun makes a monitor ("an opposition monitoring group"); a
person or organisation name outside the dictionary is a person or an organisation; the
plain nouns ("activists", "residents", "a source") are `unnamed`.

A generic description ("a monitor", "the British-based monitoring group", "the broadcaster",
"the ministry") stands for the last claimant of its kind (for "the group", an organisation or
a monitor) before it in the article, else
the named actor of that kind nearest before it, else the first one after it: in wire copy
"a monitor said" in the lead and "the Syrian Observatory for Human Rights said" in the next
sentence are one claimant. A new group ("a human rights group", "an activist group") is the
first monitor named after it. Only the words of the description's own phrase count (a
comma-less parse hangs the sentence before on it), and it needs a determiner: "media
reported", "state media said" stand for no outlet named before. An unresolved "it" or
"he"/"she" under a speech verb stands for the last organisation or person named in the two
sentences before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Token

from rashomon.extract.agents import left_trim, previous_body_subject
from rashomon.extract.names import COURTESY_TITLES
from rashomon.extract.numbers.counted import _short

if TYPE_CHECKING:
    from rashomon.extract.numbers import _Article

PERSON, ORGANISATION, MONITOR, GOVERNMENT, MEDIA, UNNAMED = (
    "person", "organisation", "monitor", "government", "media", "unnamed",
)  # fmt: skip
_ACTOR_KINDS = {
    "person": PERSON,
    "monitor": MONITOR,
    "media": MEDIA,
    "state": GOVERNMENT,
    "government": GOVERNMENT,
    "military": GOVERNMENT,
}
_CLAIMING_MENTIONS = ("person", "organisation", "metonym", "title", "pronoun", "location")
_ORGANISATION_PRONOUNS = {"it"}
_PERSON_PRONOUNS = {"he", "she"}
_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "its": "it"}
_NAME_ENTITIES = {"PERSON": PERSON, "ORG": ORGANISATION}
_NOUN_MODIFIERS = ("compound", "amod", "nmod", "poss")
_DATES = ("DATE", "TIME", "CARDINAL")
# "MOSCOW, July 15, 2022 (TASS", "GENEVA, March 1. /TASS/": a dateline (city, day, agency)
# that a parse made a phrase of; it names no claimant, though the agency in it may
_DATELINE = re.compile(
    r"^[A-Z][\w.'’ -]{0,40},\s*[A-Z][a-z]+\.?\s+\d{1,2}(?:\s*,\s*\d{4})?\.?\s*[(/]\s*"
    r"(?P<agency>[A-Z][\w .&-]{0,30}?)\s*[)/]?$"
)


@dataclass(frozen=True)
class Claimant:
    """Who claims a figure: as named in the text, the actor if known, and its kind."""

    text: str
    actor_id: str | None
    kind: str


class ClaimantNamer:
    """Names the claimant a token stands for in one article, remembering the claimants named
    so far so that a later "the broadcaster" is the broadcaster named before it."""

    def __init__(self, article: _Article) -> None:
        self.a = article
        self.lex = article.lex
        self.seen: list[tuple[int, Claimant]] = []  # (char offset, claimant) in text order

    def remember(self, at: int, claimant: Claimant) -> None:
        self.seen.append((at, claimant))

    def name(self, tok: Token) -> Claimant | None:
        """The agent `tok` names, or None when it names no one. A dateline is never one: it
        stands for the agency it names when that agency is a known actor."""
        found = self._name(tok)
        dateline = _DATELINE.match(found.text) if found is not None else None
        if dateline is None:
            return found
        for word in tok.sent:
            mention = self.a.mention_at(word) if word.text == dateline["agency"] else None
            if mention is not None and mention.actor_id:
                kind = self._actor_kind(mention.actor_id, mention.kind)
                return Claimant(self.a.named(mention), mention.actor_id, kind or MEDIA)
        return None

    def _name(self, tok: Token) -> Claimant | None:
        a = self.a
        if (
            tok.text in ("which", "who", "that", "Which", "Who", "That")
            and tok.head.dep_ == "relcl"
        ):
            tok = tok.head.head  # the relative's antecedent ("WHO" is the organisation)
        mention = a.mention_at(tok)
        if mention is not None and mention.actor_id and mention.kind in _CLAIMING_MENTIONS:
            kind = self._actor_kind(mention.actor_id, mention.kind)
            if kind is not None:
                return Claimant(a.named(mention), mention.actor_id, kind)
        if tok.pos_ == "PRON" and not tok.text.isupper():
            return self._pronoun(tok)
        noun_kind = self._noun_kind(tok)
        if noun_kind is not None:
            named = self._named_beside(tok)
            if named is not None:
                return named
            if noun_kind == UNNAMED:
                member = self._member_of(tok)
                if member is not None:
                    return member
            if (
                tok.pos_ == "NOUN"
                and self.lex.has("generic_organisation_nouns", tok.lemma_.lower())
                and not any(True for _ in tok.lefts)
            ):
                return None  # "Mission chief says team counted 92": a bare "team" names no one
            text = self._phrase(tok)
            if noun_kind in self.lex.sets.get("generic_claimant_kinds", ()) and self._generic(tok):
                antecedent = self._antecedent(noun_kind, tok.idx, _indefinite(tok))
                if (
                    antecedent is None
                    and self.lex.has("generic_organisation_nouns", tok.lemma_.lower())
                    and not _indefinite(tok)
                ):
                    antecedent = self._named_before(tok)  # "the group", "his team"
                if antecedent is not None:
                    return antecedent
            return Claimant(text, None, noun_kind)
        if tok.pos_ == "PROPN" and tok.ent_type_ in _NAME_ENTITIES:
            return Claimant(self._phrase(tok), None, _NAME_ENTITIES[tok.ent_type_])
        if tok.pos_ == "PROPN":  # "local group Free Voices of Manbij": a name its
            described = [  # description calls a body, though no tagger knew it
                c for c in tok.lefts
                if c.dep_ == "compound" and self._noun_kind(c) in (ORGANISATION, MONITOR, MEDIA)
            ]  # fmt: skip
            if described:
                kind = self._noun_kind(described[-1])
                text = self.a.doc[described[-1].i + 1 : tok.right_edge.i + 1].text
                return Claimant(_short(text), None, kind or ORGANISATION)
        members = _members(tok)
        if members is not None:  # "a number of opposition groups reported"
            return self.name(members)
        return None

    # -- kinds -----------------------------------------------------------------------------

    def kind_of_actor(self, actor_id: str, mention_kind: str) -> str:
        return self._actor_kind(actor_id, mention_kind) or ORGANISATION

    def _actor_kind(self, actor_id: str, mention_kind: str) -> str | None:
        kind = self.a.kind_of(actor_id)
        if kind is None:
            if mention_kind == "location":
                return None  # a place the actor stage did not make a state of
            return PERSON if mention_kind in ("person", "title") else ORGANISATION
        if mention_kind == "location" and kind != "state":
            return None
        return _ACTOR_KINDS.get(kind, ORGANISATION)

    def _noun_kind(self, tok: Token) -> str | None:
        if tok.pos_ not in ("NOUN", "PROPN"):
            return None
        lex = self.lex
        head = lex.group("claimant_nouns", tok.lemma_.lower()) or lex.group(
            "claimant_nouns", tok.lower_
        )
        if head is None and tok.pos_ == "PROPN" and tok.lower_.endswith("s"):
            # "Medics in the town said": a capitalised plural the tagger took for a name
            # keeps its plural as its lemma
            head = lex.group("claimant_nouns", tok.lower_[:-1])
        if head is None:
            return None
        if head == ORGANISATION:
            for child in tok.lefts:
                if (
                    child.dep_ in _NOUN_MODIFIERS
                    and lex.group("claimant_nouns", child.lemma_.lower()) == MONITOR
                ):
                    return MONITOR  # "an opposition monitoring group"
        return head

    # -- text ------------------------------------------------------------------------------

    def _phrase(self, tok: Token) -> str:
        """The head with its adjacent modifiers, from its determiner on if it has one."""
        return _short(self.a.doc[self._phrase_start(tok) : tok.i + 1].text)

    def _phrase_start(self, tok: Token) -> int:
        start = tok.i
        for child in reversed(list(tok.lefts)):
            if child.i != start - 1 and child.right_edge.i != start - 1:
                break
            if any(t.ent_type_ in _DATES or t.like_num for t in child.subtree):
                break  # "Oct 2017 Syrian activists": a dateline run into the phrase
            if child.dep_ in (*_NOUN_MODIFIERS, "det", "punct") or child.tag_ == "HYPH":
                start = child.left_edge.i
                if child.dep_ == "det":
                    break
            else:
                break
        return left_trim(self.a.doc, start, tok)  # "SLEEPING DEAD Opposition activists"

    def _named_beside(self, tok: Token) -> Claimant | None:
        """A description and the name it introduces: 'British-based monitor the Syrian
        Observatory', 'the state SANA news agency', 'Syrian rescue workers the Civil
        Defence', 'another group the Local Coordination Committees'. A possessor is not the
        name ('Hezbollah's television' is not Hezbollah)."""
        a = self.a
        near = [c for c in tok.children if c.dep_ in ("appos", "compound") and c.i != tok.i]
        near += _known_as(tok)  # "the civil defence service known as the White Helmets"
        k = tok.i + 1
        if k < len(a.doc) and a.doc[k].lower_ == "the":
            k += 1
        if k < len(a.doc):
            near.append(a.doc[k])
        # a description before the name: "Director of Aleppo's Children's Hospital Dr Hatem
        # said"; the phrase's last word names the claimant only when it is a person
        last = tok.right_edge
        extra = last.i if last.i > tok.i and all(w.i != last.i for w in near) else None
        if extra is not None:
            near.append(last)
        for word in near:
            mention = a.mention_at(word)
            if (
                mention is None
                or not mention.actor_id
                or mention.kind not in ("organisation", "person")
                or (word.i == extra and "person" not in (mention.kind, last.ent_type_.lower()))
            ):
                continue
            kind = self._actor_kind(mention.actor_id, mention.kind)
            if kind is not None:
                return Claimant(a.named(mention), mention.actor_id, kind)
        if extra is not None and self._noun_kind(tok) == UNNAMED:
            return _person_ending(tok, last)
        return None

    def _member_of(self, tok: Token) -> Claimant | None:
        """People named by the organisation they speak for: 'activists from the Local
        Coordination Committees', 'a spokesman for the ministry', 'activists in the
        Commission': the organisation is the claimant, as the phrase says it."""
        a = self.a
        for prep in tok.rights:
            if prep.dep_ != "prep" or prep.lower_ not in _MEMBER_PREPOSITIONS:
                continue
            for obj in prep.children:
                mention = a.mention_at(obj) if obj.dep_ == "pobj" else None
                if mention is None or not mention.actor_id or mention.kind != "organisation":
                    continue
                kind = self._actor_kind(mention.actor_id, mention.kind)
                if kind is None or kind == PERSON:
                    continue
                start = self._phrase_start(tok)
                text = _short(a.doc[start : obj.right_edge.i + 1].text)
                return Claimant(text, mention.actor_id, kind)
        return None

    def _generic(self, tok: Token) -> bool:
        """A description with no name of its own: 'a monitor', 'the broadcaster'. Only the
        words of its own phrase count: a comma-less parse may hang the end of the sentence
        before it on it ('near the bastion Raqqa a monitor said')."""
        start = self._phrase_start(tok)
        for child in tok.lefts:
            if child.i < start:
                continue
            if child.pos_ == "PROPN" and child.ent_type_ not in ("GPE", "NORP", "LOC"):
                return False
        if not any(c.dep_ in ("det", "poss") and c.i >= start for c in tok.lefts):
            return False  # "media reported", "state media said": no one named before
        return not any(c.dep_ == "appos" for c in tok.children)

    def _named_before(self, tok: Token) -> Claimant | None:
        """'Local group X was the first to report it. The group raised the toll to 56': a
        definite organisation noun that stands for no earlier claimant is the organisation
        named last in its sentence or the two before (not a state, army or government)."""
        mention = self.a.group_antecedent(tok)
        if mention is None or not mention.actor_id:
            return None
        kind = self._actor_kind(mention.actor_id, mention.kind)
        if kind not in (ORGANISATION, MONITOR, MEDIA):
            return None
        return Claimant(self.a.named(mention), mention.actor_id, kind)

    def _antecedent(self, kind: str, before: int, indefinite: bool = False) -> Claimant | None:
        # a monitor is an organisation too: "the Britain-based group", "the group said" after
        # the Observatory was quoted is the Observatory
        kinds = (kind, MONITOR) if kind == ORGANISATION else (kind,)
        for at, claimant in reversed(self.seen):
            if at < before and claimant.kind in kinds:
                return claimant
        a = self.a
        if kind == ORGANISATION and indefinite:
            # "a human rights group said ... The Britain-based Syrian Observatory said": a
            # new group the lead leaves unnamed is the monitor the text names after it
            for m in a.mentions:
                if (
                    m.start > before
                    and m.actor_id
                    and m.kind == "organisation"
                    and self._actor_kind(m.actor_id, m.kind) == MONITOR
                ):
                    return Claimant(a.named(m), m.actor_id, MONITOR)
            return None
        earlier = None
        later = None
        for m in a.mentions:
            if not m.actor_id or m.kind not in ("organisation", "metonym", "title", "person"):
                continue
            actor_kind = self._actor_kind(m.actor_id, m.kind)
            if actor_kind != kind or kind in (ORGANISATION, GOVERNMENT):
                continue  # named organisations and governments are too many to guess among
            if m.start < before:
                earlier = m
            elif later is None:
                later = m
        pick = earlier or later
        if pick is None:
            return None
        return Claimant(a.named(pick), pick.actor_id, kind)

    def _pronoun(self, tok: Token) -> Claimant | None:
        """An unresolved 'it' (an organisation) or 'he'/'she' (a person) under a speech verb,
        or the owner of a claim ("his earlier report of 27 casualties", "its toll"): the
        last one named in this sentence or the two before it."""
        word = _POSSESSIVE_PRONOUNS.get(tok.lower_, tok.lower_)
        if word not in _ORGANISATION_PRONOUNS | _PERSON_PRONOUNS:
            return None
        subject = previous_body_subject(tok) if tok.lower_ == "it" else None
        if subject is not None:  # "The coalition ... . It said 40 were killed"
            return self.name(subject)
        floor = self.a.sentences_back(tok, 2)
        wanted = ("person", "title") if word in _PERSON_PRONOUNS else ("organisation",)
        for m in reversed(self.a.mentions):
            if m.start >= tok.idx or m.start < floor:
                continue
            if m.kind in wanted and m.actor_id:
                kind = self._actor_kind(m.actor_id, m.kind)
                if kind is not None and (kind == PERSON) == (word in _PERSON_PRONOUNS):
                    return Claimant(self.a.named(m), m.actor_id, kind)
        for at, claimant in reversed(self.seen):
            if floor <= at < tok.idx and (claimant.kind == PERSON) == (word in _PERSON_PRONOUNS):
                return claimant
        return None


_MEMBER_PREPOSITIONS = frozenset({"from", "of", "in", "for", "at", "with"})


_QUANTITY_HEADS = frozenset(
    {"number", "handful", "couple", "host", "dozen", "dozens", "score", "scores", "majority",
     "several", "some", "many", "most", "all", "both", "few"}
)  # fmt: skip


def _members(tok: Token) -> Token | None:
    """The ones a quantity word stands for: 'a number of groups', 'several of the
    activists', 'a handful of residents' (they, not the quantity, claim)."""
    if tok.lower_ not in _QUANTITY_HEADS and tok.lemma_.lower() not in _QUANTITY_HEADS:
        return None
    for prep in tok.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def _person_ending(tok: Token, last: Token) -> Claimant | None:
    """'spokesman for the ministry Andriy Melnyk said': a title whose phrase ends in a
    person's name the dictionary does not know is that person, not the title word; so is
    one that ends in an honorific and a name the model took for part of an organisation's
    ("Director of Aleppo's Children's Hospital Dr Hatem said")."""
    if last.ent_type_ != "PERSON":
        return _honoured_ending(tok, last)
    if not _in_title_phrase(tok, last):
        return None
    if last.i + 1 < len(last.doc) and last.doc[last.i + 1].ent_iob_ == "I":
        return None  # the name goes on past the phrase
    start = last.i
    while start > tok.i + 1 and last.doc[start].ent_iob_ == "I":
        start -= 1
    if last.doc[start].ent_type_ != "PERSON" or start <= tok.i:
        return None
    return Claimant(_short(last.doc[start : last.i + 1].text), None, PERSON)


def _in_title_phrase(tok: Token, last: Token) -> bool:
    """Whether `last` hangs on the title word `tok` only through the title's own phrase
    ("for", "of", names, appositions), not through a verb or a clause."""
    step = last
    while step.i != tok.i:
        if step.dep_ not in ("pobj", "prep", "appos", "compound") or step.head.i == step.i:
            return False
        step = step.head
    return True


# (compared without a closing dot: "Dr." and "Dr" alike)
_HONORIFICS = COURTESY_TITLES | {"doctor", "prof", "professor", "sheikh"}


def _honoured_ending(tok: Token, last: Token) -> Claimant | None:
    """The honorific and name that end a title's phrase ("... Hospital Dr Hatem"), when the
    name is the phrase's last word and hangs on the title through its own phrase."""
    if last.pos_ != "PROPN":
        return None
    start = last.i
    while (
        start - 1 > tok.i
        and last.doc[start - 1].pos_ == "PROPN"
        and last.doc[start - 1].lower_.rstrip(".") not in _HONORIFICS
    ):
        start -= 1
    honorific = last.doc[start - 1]
    if start - 1 <= tok.i or honorific.lower_.rstrip(".") not in _HONORIFICS or start < last.i - 2:
        return None
    if not _in_title_phrase(tok, last):
        return None
    return Claimant(_short(last.doc[honorific.i : last.i + 1].text), None, PERSON)


def _indefinite(tok: Token) -> bool:
    """'a group', 'an activist group': a description that brings in someone new."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.lefts)


def _known_as(tok: Token) -> list[Token]:
    """The name a description is said to go by: "the rescue service known as the White
    Helmets", "a group called the Local Coordination Committees" (the name's words)."""
    found = []
    for verb in tok.children:
        if verb.dep_ != "acl" or verb.lemma_.lower() not in ("know", "call", "dub", "name"):
            continue
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "as":
                found += [c for c in child.children if c.dep_ == "pobj"]
            elif child.dep_ in ("oprd", "attr", "dobj"):
                found.append(child)
    return found
