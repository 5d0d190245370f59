"""Accounts that cannot both be true, outside tolls: an act reported as done and as not done,
and incompatible control of a place.

Denial of an act: the same kind of act between compatible parties, reported as done in one
place and as not done in another ("rebel groups had rejected the offer" vs "we didn't turn
down the offer"). Parties are compatible when they are the same actor, one belongs to the
other, or both are armed opposition of the same country (reports call the same factions
"rebels", "the FSA" and "Syrian rebel groups"); a missing source matches any source only
within one report. A negation of manner ("did not directly attack") denies nothing.

Control of a place. A share comes from a percentage claim whose sentence says control ("The
rebels now control about 70 percent of Sheikh Saeed"), or from a capture or recapture of the
place (the whole of it when the sentence says "fully", "completely", "entire" or "all of").
Two holders whose shares add up to more than the whole contradict each other, unless their
dates are known and differ: then the later one is a change of control, an update.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from rashomon.facts import ArticleFact, EventFact, FigureFact, Gazette

_POSITIVE = frozenset({"asserted", "alleged", "historical"})
_CONTROL = re.compile(r"\b(?:control|controls|controlled|hold|holds|held)\b", re.I)
_WHOLE = re.compile(r"\b(?:fully|completely|entire|entirely|all of|whole)\b", re.I)
_MANNER = re.compile(r"\bn[o']t\s+\w+\s+(?:directly|personally|publicly|formally)\b", re.I)
_HOLDER_WORD = re.compile(r"(\b[A-Za-z-]+)\s+(?:now\s+|still\s+)?(?:control|hold)s?\b", re.I)

Related = Callable[[str, str], bool]


@dataclass(frozen=True)
class Contradiction:
    kind: str  # denial or control
    subject: str
    sides: tuple[tuple[EventFact | FigureFact, str], ...]  # (the fact, what this side says)
    status: str  # dispute or update
    note: str


def denials(events: Sequence[EventFact], related: Related, gazette: Gazette) -> list[Contradiction]:
    """Acts reported as done, against their denial (the denial is the last side)."""
    found = []
    negated = [e for e in events if e.factuality == "negated" and not _MANNER.search(e.sentence)]
    positive = [e for e in events if e.factuality in _POSITIVE]
    seen: set[tuple[tuple[str, int], ...]] = set()
    for denial in negated:
        matching = [
            e for e in positive if e.type == denial.type and _parties_match(e, denial, related)
        ]
        key = tuple(sorted((e.article_id, e.start) for e in matching))
        if not matching or key in seen:
            continue
        seen.add(key)
        subject = f"{_party(denial, gazette)} {denial.type} {_party(denial, gazette, 'target')}"
        sides: list[tuple[EventFact | FigureFact, str]] = [
            (e, f"{e.trigger} ({e.factuality})") for e in matching
        ]
        sides.append((denial, f"{denial.trigger} (negated)"))
        found.append(Contradiction("denial", subject, tuple(sides), "dispute",
                                   "reported as done and as not done"))  # fmt: skip
    return found


def _parties_match(a: EventFact, b: EventFact, related: Related) -> bool:
    if not (a.target_actor_ids and b.target_actor_ids):
        return False
    if not _any_related(a.target_actor_ids, b.target_actor_ids, related):
        return False
    if not a.source_actor_ids or not b.source_actor_ids:
        return a.article_id == b.article_id  # an unnamed doer: only within one report
    return _any_related(a.source_actor_ids, b.source_actor_ids, related)


def _any_related(ours: Sequence[str], theirs: Sequence[str], related: Related) -> bool:
    return any(related(x, y) for x in ours for y in theirs)


def _party(event: EventFact, gazette: Gazette, role: str = "source") -> str:
    ids = event.source_actor_ids if role == "source" else event.target_actor_ids
    return " and ".join(gazette.actor_name(i) or i for i in ids) if ids else "someone"


# -- control ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ControlState:
    place_id: str
    holder: str  # actor id, else the word the text uses ("rebels")
    share: float  # 0..1
    fact: EventFact | FigureFact
    claim: str
    date: str | None


def control_states(
    figures: Sequence[FigureFact],
    events: Sequence[EventFact],
    articles: Mapping[str, ArticleFact],
    gazette: Gazette,
) -> list[ControlState]:
    states = []
    for n in figures:
        if n.unit == "percent" and n.place_id and _CONTROL.search(n.sentence):
            holder = n.about_actor_id or _holder_word(n.sentence)
            share = (n.value if n.value is not None else n.low or 0) / 100
            if holder:
                states.append(ControlState(n.place_id, holder, share, n,
                                           f"{holder} control {n.text}",
                                           _published(n.article_id, articles)))  # fmt: skip
    for e in events:
        if e.mode != "occupy" or e.factuality not in _POSITIVE or not e.place_id:
            continue
        whole = bool(_WHOLE.search(e.sentence))
        for holder in e.source_actor_ids:
            claim = f"{gazette.actor_name(holder)} {e.trigger}"
            date = e.text_date or _published(e.article_id, articles)
            states.append(ControlState(e.place_id, holder, 1.0 if whole else 0.5, e, claim, date))
    return states


def control_conflicts(
    states: Sequence[ControlState], related: Related, gazette: Gazette
) -> list[Contradiction]:
    by_place: dict[str, list[ControlState]] = defaultdict(list)
    for state in states:
        by_place[state.place_id].append(state)
    found = []
    for place_id, members in by_place.items():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if _same_holder(a.holder, b.holder, related) or a.share + b.share <= 1.05:
                    continue
                later_known = a.date and b.date and a.date != b.date
                name = gazette.place_name(place_id) or place_id
                found.append(
                    Contradiction(
                        "control", f"control of {name}", ((a.fact, a.claim), (b.fact, b.claim)),
                        "update" if later_known else "dispute",
                        "control changed hands between the reports" if later_known
                        else f"{a.share:.0%} and {b.share:.0%} held by different sides",
                    )
                )  # fmt: skip
    return found


def _published(article_id: str, articles: Mapping[str, ArticleFact]) -> str | None:
    article = articles.get(article_id)
    return article.published if article else None


def _holder_word(sentence: str) -> str | None:
    match = _HOLDER_WORD.search(sentence)
    return match.group(1).lower() if match else None


def _same_holder(a: str, b: str, related: Related) -> bool:
    return a == b or (":" not in a and ":" not in b and related(a, b))
