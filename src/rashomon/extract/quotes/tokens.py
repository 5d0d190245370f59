"""What the quote finder works with: cue and content records, shared word lists, token helpers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from rashomon.extract.quotes.lexicon import SpeechVerb
from rashomon.extract.quotes.marks import (
    _CLOSING_MARKS,
    _OPENING_MARKS,
    QuotedSpan,
)

_SPEAKER_KINDS = {"person": 0, "title": 1, "pronoun": 2, "organisation": 3, "metonym": 4}
_PERSONAL = frozenset({"he", "she"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_INTRO_PUNCT = frozenset({",", ":", "-", "—", "–"})
_SUBJECTS = ("nsubj", "nsubjpass")
_CLIMB = frozenset({"conj", "advcl", "xcomp", "acl", "pcomp"})
# "Geneva (AFP) - ", "MOSCOW, July 15, 2022 (TASS) - "
_DATELINE = re.compile(r"[A-Z][\w.,' -]{0,40}\([A-Z][\w ]{1,20}\)\s*[-–—]+\s*")
_VENUES = frozenset({"interview", "comment", "comments", "remark", "remarks", "statement"})


# -- records ---------------------------------------------------------------------------------


@dataclass
class _Cue:
    """One speech cue: its words, its speaker, and what is resolved about them."""

    first: int  # token range of the cue words
    last: int
    verb: Token  # the speech verb, or "according" for a phrase cue
    sense: SpeechVerb
    speaker: tuple[int, int] | None = None  # token range
    head: Token | None = None
    actor_id: str | None = None
    intermediary: str | None = None
    statement: bool = False
    resolved: bool = False
    aside: tuple[int, int] | None = None  # the clause before ", NP said" when it is the content
    agent: tuple[int, int] | None = None  # the agent phrase the speaker names (None: no one)
    named: str | None = None  # the name a pronoun speaker stands for ("it": the ministry)


@dataclass
class _Found:
    """A content span with its cue, before it becomes a Quote."""

    start: int  # char offsets
    end: int
    cue: _Cue
    direct: bool
    tokens: frozenset[int] = field(default_factory=frozenset)


# -- small helpers ------------------------------------------------------------------------------


def _has_words(text: str, span: QuotedSpan) -> bool:
    return any(c.isalnum() for c in text[span.start : span.end])


def _passive(verb: Token) -> bool:
    """A bare participle ("when asked about", "was quoted"): the subject is not the speaker."""
    if verb.tag_ != "VBN":
        return False
    if _inverted_after_comma(verb):
        return False
    if any(c.dep_ == "auxpass" for c in verb.children):
        return True
    return not any(
        c.dep_ in _SUBJECTS or (c.dep_ == "aux" and c.lemma_ == "have") for c in verb.children
    )  # a subject and no auxiliary: a past tense tagged as participle ("Trump tweeted")


def _inverted_after_comma(verb: Token) -> bool:
    """ ", tweeted Johannes Bruwer": a verb right after a comma that the parser made an
    adjective of the name after it is the verb of an inverted attribution, not a participle."""
    return (
        verb.dep_ == "amod"
        and verb.i > 0
        and verb.doc[verb.i - 1].text == ","
        and verb.head.i > verb.i
        and verb.head.pos_ == "PROPN"
    )


def _that_clause(noun: Token) -> Token | None:
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp", "relcl") and any(
            g.dep_ == "mark" and g.lower_ == "that" for g in child.children
        ):
            return child
    return None


def _finite(token: Token) -> bool:
    return token.pos_ == "AUX" or token.tag_ in ("VBD", "VBZ", "VBP", "MD")


def _quoting_verb(verb: Token) -> Token | None:
    """The "quote" of "X quoted Y as saying" and "Y was quoted as saying", seen from
    "saying"; None for other verbs."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ != "as" or prep.dep_ != "prep":
        return None
    return prep.head if prep.head.lemma_.lower() == "quote" else None


def _quoted_person(verb: Token) -> Token | None:
    """Who "saying" reports under a quoting verb: the object of "X quoted Y as saying", the
    subject of "Y was quoted as saying"; the quoting outlet is only the intermediary."""
    quoting = _quoting_verb(verb)
    if quoting is None:
        return None
    for dep in ("dobj", "nsubjpass"):
        found = [c for c in quoting.children if c.dep_ == dep]
        if found:
            return found[0]
    return None


def _subject(verb: Token) -> Token | None:
    """The speaker's head word: the subject, climbing out of "adding that", "and added";
    the person quoted in "X quoted Y as saying"."""
    quoted = _quoted_person(verb)
    if quoted is not None:
        return quoted
    token = verb
    for _ in range(4):
        for child in token.children:
            if child.dep_ == "nsubj" or (child.dep_ == "nsubjpass" and token is not verb):
                if child.lower_ in _RELATIVE and token.dep_ == "relcl":
                    return token.head
                return child
            if child.dep_ == "agent":
                objects = [g for g in child.children if g.dep_ == "pobj"]
                if objects:
                    return objects[0]
        if token.dep_ == "relcl":
            return token.head
        if token.dep_ not in _CLIMB or token.head is token:
            return None
        token = token.head
    return None


def _trim(doc: Doc, first: int, last: int, keep_marks: bool = False) -> tuple[int, int] | None:
    """[first, last) without space and punctuation at either end (quotation marks kept)."""

    def loose(token: Token, marks: frozenset[str]) -> bool:
        if token.is_space:
            return True
        if keep_marks and token.text in marks:
            return False
        return token.is_punct and token.text not in ("(", ")") or token.lower_ == "and"

    while first < last and loose(doc[first], _OPENING_MARKS):
        first += 1
    while last > first and loose(doc[last - 1], _CLOSING_MARKS):
        last -= 1
    return (first, last) if last > first else None


def _runs(
    indices: Sequence[int], blocked: set[int], region: Sequence[int]
) -> list[tuple[int, int]]:
    """Contiguous stretches of `indices`, bridging gaps of up to 4 free tokens of one
    sentence ("accused Russia on Friday of ...": the date is inside the content)."""
    runs: list[tuple[int, int]] = []
    for i in indices:
        if (
            runs
            and runs[-1][1] == i
            or (
                runs
                and i - runs[-1][1] <= 4
                and region[i] == region[runs[-1][0]]
                and not (blocked & set(range(runs[-1][1], i)))
            )
        ):
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    return runs


def _substantive(token: Token) -> bool:
    return not (token.is_space or token.is_punct or token.lower_ == "that")


def _only_closing(gap: str) -> bool:
    """Nothing but the end of the previous cue's clause lies between two quotations."""
    if len(gap) > 200 or re.search(r"[\"“”«»]", gap):
        return False
    parts = re.split(r"[.!?:;\n]", gap, maxsplit=1)
    if len(parts) == 1:  # '"A" though "B"': one sentence quoting twice
        return (
            re.fullmatch(r"[\s,—–-]*(?:(?:and|but|though|although|while|yet)\b[\s,]*)?", gap)
            is not None
        )
    return not re.search(r"\w", parts[-1])
