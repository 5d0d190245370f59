"""Accounts that cannot both be true: opposite polarity, and incompatible states on the ground.

Polarity: the same kind of act between compatible parties, reported as done in one place
and as not done in another ("rebel groups had rejected the offer" vs "we didn't turn down
the offer"). Parties are compatible when they are the same actor, one belongs to the other,
or both are armed opposition of the same country (reports call the same factions "rebels",
"the FSA" and "Syrian rebel groups"); a missing source matches any source.

States: who controls a place. A share comes from a percentage claim whose sentence says
control ("The rebels now control about 70 percent of Sheikh Saeed"), or from a capture or
recapture of the place (the whole of it when the sentence says "fully", "completely",
"entire" or "all of"). Two holders whose shares add up to more than the whole contradict
each other, unless their dates are known and differ: then the later one is a change of
control, a supersession, not a contradiction.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rashomon.reconcile.facts import StoryFacts

_POSITIVE = frozenset({"asserted", "alleged", "historical"})
_CONTROL = re.compile(r"\b(?:control|controls|controlled|hold|holds|held)\b", re.I)
_WHOLE = re.compile(r"\b(?:fully|completely|entire|entirely|all of|whole)\b", re.I)
_MANNER = re.compile(r"\bn[o']t\s+\w+\s+(?:directly|personally|publicly|formally)\b", re.I)
_HOLDER_WORD = re.compile(r"(\b[A-Za-z-]+)\s+(?:now\s+|still\s+)?(?:control|hold)s?\b", re.I)


@dataclass(frozen=True)
class Contradiction:
    kind: str  # polarity or state
    subject: str
    sides: tuple[tuple[dict[str, Any], str], ...]  # (row, what this side says)
    status: str  # dispute or superseded
    note: str


def polarity_conflicts(
    facts: StoryFacts, related: Callable[[str, str], bool]
) -> list[Contradiction]:
    found = []
    negated = [
        e for e in facts.events
        if e["factuality"] == "negated" and not _MANNER.search(e["sentence"])
    ]  # fmt: skip
    positive = [e for e in facts.events if e["factuality"] in _POSITIVE]
    seen: set[tuple[tuple[str, int], ...]] = set()
    for denial in negated:
        matching = [
            e for e in positive
            if e["type"] == denial["type"] and _parties_match(e, denial, related)
        ]  # fmt: skip
        key = tuple(sorted((e["article_id"], e["start"]) for e in matching))
        if not matching or key in seen:
            continue
        seen.add(key)
        subject = f"{_party(denial, facts)} {denial['type']} {_party(denial, facts, 'target')}"
        sides = [(e, f"{e['trigger']} ({e['factuality']})") for e in matching]
        sides.append((denial, f"{denial['trigger']} (negated)"))
        found.append(
            Contradiction("polarity", subject, tuple(sides), "dispute",
                          "reported as done and as not done")
        )  # fmt: skip
    return found


def _parties_match(
    a: dict[str, Any], b: dict[str, Any], related: Callable[[str, str], bool]
) -> bool:
    if not (a["target_actor_ids"] and b["target_actor_ids"]):
        return False
    if not _any_related(a["target_actor_ids"], b["target_actor_ids"], related):
        return False
    if not a["source_actor_ids"] or not b["source_actor_ids"]:
        return a["article_id"] == b["article_id"]  # an unnamed doer: only within one report
    return _any_related(a["source_actor_ids"], b["source_actor_ids"], related)


def _any_related(ours: list[str], theirs: list[str], related: Callable[[str, str], bool]) -> bool:
    return any(related(x, y) for x in ours for y in theirs)


def _party(event: dict[str, Any], facts: StoryFacts, role: str = "source") -> str:
    ids = event[f"{role}_actor_ids"]
    return " and ".join(facts.name(i) or i for i in ids) if ids else "someone"


# -- states ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ControlState:
    place_id: str
    holder: str  # actor id, else the word the text uses ("rebels")
    share: float  # 0..1
    row: dict[str, Any]
    claim: str
    date: str | None


def control_states(facts: StoryFacts) -> list[ControlState]:
    states = []
    for n in facts.numbers:
        if n["unit"] == "percent" and n["place_id"] and _CONTROL.search(n["sentence"]):
            holder = n["about_actor_id"] or _holder_word(n["sentence"])
            share = (n["value"] if n["value"] is not None else n["low"] or 0) / 100
            if holder:
                states.append(ControlState(n["place_id"], holder, share, n,
                                           f"{holder} control {n['text']}",
                                           facts.date_of(n["article_id"])))  # fmt: skip
    for e in facts.events:
        if e["mode"] != "occupy" or e["factuality"] not in _POSITIVE or not e["place_id"]:
            continue
        whole = bool(_WHOLE.search(e["sentence"]))
        for holder in e["source_actor_ids"]:
            states.append(ControlState(e["place_id"], holder, 1.0 if whole else 0.5, e,
                                       f"{facts.name(holder)} {e['trigger']}",
                                       e["date"] if e["date_from"] == "text" else
                                       facts.date_of(e["article_id"])))  # fmt: skip
    return states


def state_conflicts(facts: StoryFacts, related: Callable[[str, str], bool]) -> list[Contradiction]:
    by_place: dict[str, list[ControlState]] = defaultdict(list)
    for state in control_states(facts):
        by_place[state.place_id].append(state)
    found = []
    for place_id, states in by_place.items():
        for i, a in enumerate(states):
            for b in states[i + 1 :]:
                if _same_holder(a.holder, b.holder, related) or a.share + b.share <= 1.05:
                    continue
                later_known = a.date and b.date and a.date != b.date
                name = facts.place_names.get(place_id, place_id)
                found.append(
                    Contradiction(
                        "state", f"control of {name}",
                        ((a.row, a.claim), (b.row, b.claim)),
                        "superseded" if later_known else "dispute",
                        "control changed hands between the reports" if later_known
                        else f"{a.share:.0%} and {b.share:.0%} held by different sides",
                    )
                )  # fmt: skip
    return found


def _holder_word(sentence: str) -> str | None:
    match = _HOLDER_WORD.search(sentence)
    return match.group(1).lower() if match else None


def _same_holder(a: str, b: str, related: Callable[[str, str], bool]) -> bool:
    return a == b or (":" not in a and ":" not in b and related(a, b))
