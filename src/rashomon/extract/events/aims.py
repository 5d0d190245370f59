"""Whom an event is aimed at when the parse names a thing: the participant behind an object.

PLOVER targets are actors, but the words in a target slot are often things: "rejected North
Korea's demand", "halted aid to Serbia", "set fire to the offices of the administrators",
"vetoed a Security Council resolution", "threatened to cut off electricity to Nakhichevan".
Taking the thing itself as the target ("the demand", "aid") loses the actor; taking the
nearest name loses the structure. So a target slot is read down the tree: the word itself
when it can stand for a participant (a resolved mention, a name, a pronoun, a people noun
such as "refugees" or "troops"), else its owner ("North Korea's", "French", "Security
Council"), else the object of one of its aiming prepositions ("of", "from", "to", "against"
...), two levels deep at most so a long noun phrase cannot lend a target from far away.
"""

from __future__ import annotations

from collections.abc import Container, Iterable

from spacy.tokens import Token

from rashomon.extract.events.tree import OWNER_DEPS

AIM_PREPS = frozenset(
    {"of", "from", "by", "to", "against", "for", "with", "on", "toward", "towards", "over"}
)
_PARTICIPANT_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_NOT_PARTICIPANT_ENTS = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
)
_DEPTH = 2


class TargetFinder:
    """Decides which words can be participants, and finds them behind things."""

    def __init__(self, mentioned: Container[int], participant_nouns: Iterable[str]) -> None:
        self.mentioned = mentioned  # token indexes covered by an actor mention
        self.nouns = frozenset(participant_nouns)

    def is_participant(self, word: Token) -> bool:
        if word.i in self.mentioned:
            return True
        if word.ent_type_ in _NOT_PARTICIPANT_ENTS or word.like_num:
            return False
        if word.pos_ in ("PROPN", "PRON") or word.ent_type_ in _PARTICIPANT_ENTS:
            return True
        return word.pos_ == "NOUN" and word.lemma_.lower() in self.nouns

    def behind(self, word: Token, *, itself: bool = True, depth: int = _DEPTH) -> list[Token]:
        """The participants a target word stands for (`itself=False`: the word is content,
        "the plan", and only what lies behind it counts)."""
        if itself and (
            self.is_participant(word)
            or any(c.dep_ == "appos" and self.is_participant(c) for c in word.children)
        ):
            return [word]  # "his Russian counterpart, Sergei Lavrov": the resolver names him
        if depth <= 0:
            return []
        owners = [c for c in word.children if c.dep_ in OWNER_DEPS and self._owner(c)]
        if owners:
            return owners
        for child in word.children:
            if child.dep_ != "prep" or child.lower_ not in AIM_PREPS:
                continue
            for obj in child.children:
                if obj.dep_ == "pobj":
                    found = self.behind(obj, depth=depth - 1)
                    if found:
                        return found
        return []

    def all_behind(self, words: Iterable[Token], *, itself: bool = True) -> list[Token]:
        found: list[Token] = []
        for word in words:
            found += [w for w in self.behind(word, itself=itself) if w not in found]
        return found

    def _owner(self, word: Token) -> bool:
        """An owner or modifier that names a participant: "Russia's", "French", "U.N."."""
        if word.i in self.mentioned:
            return True
        if word.pos_ == "PRON":
            return word.dep_ == "poss"
        if word.ent_type_ in _NOT_PARTICIPANT_ENTS:
            return False
        if word.pos_ == "PROPN" and word.dep_ in ("poss", "compound"):
            return True  # "a Security Council resolution"
        return word.pos_ in ("PROPN", "ADJ", "NOUN") and word.ent_type_ in _PARTICIPANT_ENTS
