"""When two actor ids can stand for the same party in two reports.

Reports name one side at different levels: "the Southern Front", "the Free Syrian Army",
"Syrian rebel groups". Comparing accounts needs that looseness, and no more: two named
factions stay distinct (Jabhat Fateh al-Sham is not the Free Syrian Army), so only
membership (one belongs to the other) and collective names ("Syrian rebels", "Syrian
opposition") of the same country and sector bridge two ids.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from rashomon.facts import ActorFact, Gazette
from rashomon.model import affiliation_on

_COLLECTIVE = frozenset({"rebels", "opposition", "jihadists", "militants", "insurgents"})
_SIDES = {"REB": "armed-opposition", "OPP": "armed-opposition"}


def name_key(text: str) -> str:
    """A name as `ActorRelations.named` looks it up: lower case, words only, no leading
    "the"."""
    return re.sub(r"\W+", " ", text.lower()).strip().removeprefix("the ")


class ActorRelations:
    def __init__(self, actors: Mapping[str, ActorFact]) -> None:
        self.actors = actors
        self._names: dict[str, str] | None = None

    @classmethod
    def of(cls, gazette: Gazette) -> ActorRelations:
        return cls(gazette.actors)

    def named(self, name: str) -> str | None:
        """The actor whose dictionary name this is (as `name_key` writes it), if any."""
        if self._names is None:
            self._names = {}
            for actor in self.actors.values():
                self._names.setdefault(name_key(actor.name), actor.id)
        return self._names.get(name)

    def ancestors(self, actor_id: str, on: str | None = None) -> list[str]:
        """What the actor belongs to, nearest first; on a day (`on`, ISO), a person is
        followed to whom it served then (a spokesman who defected, see
        `ActorFact.former_affiliations`)."""
        chain, seen = [], {actor_id}
        current = self.actors.get(actor_id)
        while current is not None:
            parent = affiliation_on(current.affiliation, current.former_affiliations, on)
            if not parent or parent in seen:
                break
            chain.append(parent)
            seen.add(parent)
            current = self.actors.get(parent)
        return chain

    def related(self, a: str, b: str) -> bool:
        if a == b:
            return True
        if a not in self.actors or b not in self.actors:
            return False
        if a in self.ancestors(b) or b in self.ancestors(a):
            return True
        first, second = self.actors[a], self.actors[b]
        if not (self._collective(first) or self._collective(second)):
            return False
        same_side = _SIDES.get(first.sector or "") == _SIDES.get(second.sector or "") is not None
        return first.country == second.country and same_side

    @staticmethod
    def _collective(actor: ActorFact) -> bool:
        words = actor.name.lower().split()
        return bool(words) and words[-1] in _COLLECTIVE
