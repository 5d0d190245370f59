"""The PLOVER code of a reported event: what an event coder files, given how factual it is.

An `Event` keeps the act its words name ("send troops" is AID, "bomb" is ASSAULT) and, apart,
how factual the report makes it (planned, demanded, negated ...), because the cross-article
layer merges acts, not codings. PLOVER, like CAMEO before it, codes the report instead: an
intent to cooperate is AGREE (CAMEO 03, "express intent to provide aid, to meet ..."), a
demand that someone act is REQUEST (CAMEO 10), a refusal to cooperate is REJECT (CAMEO 12,
"decline to ..."), and an intent to use force or pressure is THREATEN (CAMEO 13, "threaten
with military force, to impose curfew, to boycott ..."). `plover_code` applies that step,
from the event's type, mode and factuality alone; nothing here reads the text again.

The types fall into PLOVER's two halves: cooperation (AGREE, CONSULT, SUPPORT, CONCEDE,
COOPERATE, AID, RETREAT) and conflict (PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT); the
verbal conflict types (REQUEST, ACCUSE, REJECT, THREATEN) are already codes of what was said
and keep their type whatever frames them.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from rashomon.model import Event

COOPERATION = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
CONFLICT = frozenset({"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
VERBAL = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN"})

# factuality -> (code for a cooperative act, code for a conflictual act); None keeps the type.
_CODES: dict[str, tuple[str | None, str | None]] = {
    "planned": ("AGREE", "THREATEN"),
    "proposed": ("AGREE", "THREATEN"),
    "demanded": ("REQUEST", "REQUEST"),
    "negated": ("REJECT", None),
}
# What a threat is a threat of (CAMEO 13x): the threatened act's mode where PLOVER names the
# same thing, else by the threatened act's type.
_THREAT_MODES = {"curfew": "curfew", "martial-law": "martial-law", "ban": "ban"}
_THREAT_BY_TYPE = {
    "ASSAULT": "violence",
    "MOBILIZE": "violence",
    "COERCE": "restrict",
    "SANCTION": "relations",
    "PROTEST": "relations",
}


def plover_code(event: Event) -> tuple[str, str | None]:
    """(PLOVER type, mode) a coder gives this report of the event (see the module notes).

    A purpose clause ("telephoned him to discuss the plan", frame "to") says why something
    was done, not what someone intends: the discussion keeps its type."""
    if event.factuality == "planned" and (event.frame or "").lower() == "to":
        return event.type, event.mode
    cooperative, conflictual = _CODES.get(event.factuality, (None, None))
    if event.type in COOPERATION and cooperative is not None:
        return cooperative, None
    if event.type in CONFLICT and conflictual is not None:
        if conflictual == "THREATEN":
            return conflictual, threat_mode(event.type, event.mode)
        return conflictual, None
    return event.type, event.mode


def threat_mode(event_type: str, mode: str | None) -> str | None:
    """What threatening this act is a threat of: "threatened to shell the towns" is a threat of
    violence, "threatened to impose a curfew" one of a curfew (CAMEO 13x)."""
    return _THREAT_MODES.get(mode or "") or _THREAT_BY_TYPE.get(event_type)


def main_event(doc: Doc, events: Sequence[Event]) -> Event | None:
    """The event a coder codes for a sentence: the one highest in the parse (its trigger's
    root fewest steps below the sentence root), asserted before negated, the first on a tie.
    "Officials said Syria has offered troops to help" codes the offer, not the help."""

    def rank(event: Event) -> tuple[int, int, int]:
        span = doc.char_span(event.start, event.end, alignment_mode="expand")
        depth = 0
        if span is not None:
            word = span.root
            while word.head.i != word.i and depth < 50:
                word, depth = word.head, depth + 1
        return (event.factuality == "negated", depth, event.start)

    return min(events, key=rank, default=None)
