"""Aligned figures: the numbers a story's reports give for the same thing, side by side.

Two claims are about the same thing when they count the same concept ("fighters", however
worded: "Nusra fighters", "Fateh al-Sham rebels"), of the same actor (or neither names one),
with the same unit, and no two different places; a claim that names no place joins the
group of the place most claims name. Proposed and hypothetical numbers ("a plan for 200
fighters to leave") are not claims about the world and stay out.

Within a figure, claims fall into positions of mutually compatible values (see
`intervals`). More than one position is a dispute, unless every claim of each later
position is dated after every claim of the earlier one: then the figure changed over time
and the older one is superseded.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rashomon.reconcile.facts import StoryFacts
from rashomon.reconcile.intervals import allowed, positions

_NOT_CLAIMS = frozenset({"proposed", "hypothetical"})
_CONCEPTS = {
    "fighter": "fighters", "rebel": "fighters", "militant": "fighters", "jihadist": "fighters",
    "insurgent": "fighters", "gunman": "fighters", "gunmen": "fighters", "combatant": "fighters",
    "people": "people", "civilian": "people", "person": "people", "resident": "people",
    "syrian": "people", "child": "children", "children": "children",
}  # fmt: skip
_GENERIC = frozenset({"people", "children"})
_CASUALTY = frozenset({"killed", "dead", "died", "injured", "wounded", "deaths"})


@dataclass(frozen=True)
class AlignedFigure:
    key: str
    subject: str
    claims: tuple[dict[str, Any], ...]
    positions: tuple[tuple[dict[str, Any], ...], ...]
    status: str  # agreed, dispute, superseded

    @property
    def disputed(self) -> bool:
        return self.status == "dispute"


def align_figures(facts: StoryFacts) -> list[AlignedFigure]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for claim in facts.numbers:
        key = concept_key(claim)
        if key is not None and claim["status"] not in _NOT_CLAIMS and _interval(claim):
            groups[key].append(claim)
    figures = []
    for key, claims in groups.items():
        for place_claims in _split(claims, "place_id", key.split("|")[0] in _GENERIC):
            outlets_or_claimants = {(c["claimant"], c["article_id"]) for c in place_claims}
            if len(outlets_or_claimants) < 2:
                continue
            figures.append(_figure(key, place_claims, facts))
    return sorted(figures, key=lambda f: (f.status != "dispute", f.subject))


def concept_key(claim: dict[str, Any]) -> str | None:
    """ "fighters|jabhat-fateh-al-sham|" for "around 300 Nusra fighters"; None when the claim
    does not say what it counts."""
    what = (claim.get("what") or "").lower().replace("’", "'")
    words = [w.strip(".,'") for w in what.split()]
    words = [w for w in words if w]
    if not words:
        return None
    casualty = any(w in _CASUALTY for w in words)
    nouns = [w for w in words if w not in _CASUALTY]
    if not nouns:
        return None
    head = nouns[-1]
    singular = head[:-1] if head.endswith("s") and not head.endswith("ss") else head
    concept = _CONCEPTS.get(head) or _CONCEPTS.get(singular) or singular
    return "|".join(
        (concept, claim.get("about_actor_id") or "", claim.get("unit") or "",
         "casualties" if casualty else "")
    )  # fmt: skip


def _interval(claim: dict[str, Any]) -> tuple[float, float] | None:
    return allowed(claim["value"], claim["low"], claim["high"], claim["qualifier"])


def _split(
    claims: list[dict[str, Any]], field: str, strict: bool = False
) -> list[list[dict[str, Any]]]:
    """Claims split by place, then by time: different places or times are different
    figures; a claim that names none joins the largest group (unless `strict`: a claim about
    "people" with no place could be about anyone, so it is left out)."""
    by_value: dict[str, list[dict[str, Any]]] = defaultdict(list)
    unnamed = []
    for claim in claims:
        value = claim.get(field)
        (by_value[str(value).lower()] if value else unnamed).append(claim)
    if by_value and not strict:
        biggest = max(by_value, key=lambda p: len(by_value[p]))
        by_value[biggest] += unnamed
    groups = list(by_value.values()) or ([] if strict else [unnamed])
    if field == "place_id":
        return [part for group in groups for part in _split(group, "time")]
    return groups


def _figure(key: str, claims: list[dict[str, Any]], facts: StoryFacts) -> AlignedFigure:
    grouped = positions([(c, iv) for c in claims if (iv := _interval(c)) is not None])
    status = "agreed"
    if len(grouped) > 1:
        status = "superseded" if _ordered_in_time(grouped, facts) else "dispute"
    return AlignedFigure(
        key, _subject(claims, facts), tuple(claims), tuple(tuple(g) for g in grouped), status
    )


def claim_date(claim: dict[str, Any], facts: StoryFacts) -> str | None:
    """The claim's own resolved date, else its article's publication date."""
    time = claim.get("time")
    if time and time[:4].isdigit() and len(time) >= 10:
        return str(time)
    return facts.date_of(claim["article_id"])


def _ordered_in_time(grouped: Sequence[Sequence[dict[str, Any]]], facts: StoryFacts) -> bool:
    spans = []
    for group in grouped:
        dates = [claim_date(c, facts) for c in group]
        if any(d is None for d in dates):
            return False
        spans.append((min(dates), max(dates)))  # type: ignore[type-var]
    spans.sort()
    return all(earlier[1] < later[0] for earlier, later in zip(spans, spans[1:], strict=False))


def _subject(claims: Sequence[dict[str, Any]], facts: StoryFacts) -> str:
    what = Counter(c["what"] for c in claims if c.get("what")).most_common(1)[0][0]
    about = Counter(c["about_actor_id"] for c in claims if c.get("about_actor_id"))
    places = Counter(c["place_id"] for c in claims if c.get("place_id"))
    subject = what
    if about:
        name = facts.name(about.most_common(1)[0][0]) or ""
        if name and name.lower() not in what.lower():
            subject = f"{what} ({name})"
    if places:
        subject += f" in {facts.place_names.get(places.most_common(1)[0][0], '?')}"
    return subject
