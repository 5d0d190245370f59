"""The bodies of states the actor dictionary does not list, or lists without them: "the
Armenian Defense Ministry", "Azerbaijan's armed forces", "the Ethiopian military", "the
Turkish Defence Ministry".

The dictionary curates the governments, ministries and armies of the states its corpora are
about; any other state acts through a `state:<alpha-3>` actor of its own (see
`entities._unlisted_states`), found where the text names the country. Its bodies were
unknown: "the Armenian Defense Ministry" became a new actor of no side and "Armenian armed
forces" no actor at all, so a ministry denying a strike did not speak for the state it
denied for, and the army said to have fired had no doer. The same held for a listed
state's body the dictionary lacks ("the Turkish Defence Ministry"). Each state gets the
bodies copy names most that the dictionary does not hold (its government, armed forces,
and defence and foreign ministries), named by the state's nationality words and its name
as news copy writes them, each belonging to the state, or to its government, as the
dictionary's own bodies belong to theirs.

A body the dictionary holds keeps being the dictionary's, and it takes the names of its
kind that the dictionary does not give it: "Israeli forces", "Israeli soldiers" and
"Israel's military" are the army the dictionary names "the Israeli army", where they were
no actor (or the state itself) before, as "Armenian forces" already were Armenia's army.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from rashomon.model import Actor, ActorKind


@dataclass(frozen=True)
class _Body:
    key: str  # the id's last part: "state:arm:military"
    kind: ActorKind
    sector: str
    display: str  # the name shown, from the first nationality word: "{} Armed Forces"
    by_adjective: tuple[str, ...]  # "{} army" with a nationality word
    by_name: tuple[str, ...]  # "{}'s army" with the state's name


_BODIES = (
    _Body("government", ActorKind.GOVERNMENT, "GOV", "{} government",
          ("{} government", "{} authorities", "{} Government"),
          ("{}'s government", "{} government", "government of {}", "Government of {}",
           "{}'s authorities")),
    _Body("military", ActorKind.MILITARY, "MIL", "{} Armed Forces",
          ("{} armed forces", "{} Armed Forces", "{} army", "{} Army", "{} military",
           "{} forces", "{} troops", "{} soldiers", "{} air force", "{} Air Force"),
          ("{}'s armed forces", "{}'s army", "{}'s military", "{}'s forces", "{}'s air force",
           "{} army", "{} armed forces", "{} military", "Armed Forces of {}")),
    _Body("defence-ministry", ActorKind.GOVERNMENT, "GOV", "{} Defence Ministry",
          tuple(f"{{}} {w} {m}" for w in ("Defence", "Defense") for m in ("Ministry", "ministry"))
          + ("{} Ministry of Defence", "{} Ministry of Defense", "{} MoD"),
          tuple(f"{{}}{s} {w} {m}" for s in ("'s", "") for w in ("Defence", "Defense")
                for m in ("Ministry", "ministry"))
          + ("Ministry of Defence of {}", "Ministry of Defense of {}",
             "{}'s Ministry of Defence", "{}'s Ministry of Defense")),
    _Body("foreign-ministry", ActorKind.GOVERNMENT, "GOV", "{} Foreign Ministry",
          ("{} Foreign Ministry", "{} foreign ministry", "{} Ministry of Foreign Affairs"),
          ("{}'s Foreign Ministry", "{}'s foreign ministry", "{} Foreign Ministry",
           "Ministry of Foreign Affairs of {}", "{}'s Ministry of Foreign Affairs")),
)  # fmt: skip
# the body each belongs to: the government to the state, the others to the government
_PARENT = {"government": None, "military": "government", "defence-ministry": "government",
           "foreign-ministry": "government"}  # fmt: skip


@dataclass(frozen=True)
class StateBodies:
    """What `state_bodies` found: the bodies made, and for each body the dictionary holds
    (by id) the names of its kind the dictionary does not know at all."""

    made: list[Actor]
    more_names: dict[str, tuple[str, ...]]


def state_bodies(
    states: Iterable[Actor],
    demonyms: Mapping[str, Sequence[str]],
    known: Callable[[str], str | None],
) -> StateBodies:
    """The bodies each state in `states` lacks (its country an alpha-3 code), named with
    `demonyms` (alpha-3 -> nationality adjectives) and the state's name. A body one of whose
    names is `known` (the id of the dictionary's actor so named) is the dictionary's: it
    is not made again, the bodies made that belong to it belong to that actor, and its
    names no actor has are that actor's too."""
    found = []
    more_names: dict[str, tuple[str, ...]] = {}
    for state in states:
        if not state.country:
            continue
        nationality = [d for d in demonyms.get(state.country, ()) if d]
        prefix = f"state:{state.country.lower()}"
        ids: dict[str, str] = {}  # body key -> the actor that is that body
        for body in _BODIES:
            names = [f.format(a) for a in nationality for f in body.by_adjective]
            names += [f.format(state.name) for f in body.by_name]
            names = list(dict.fromkeys(names))
            owners = {n: known(n) for n in names}
            listed = next((i for i in owners.values() if i is not None), None)
            if listed is not None:
                ids[body.key] = listed
                lacking = tuple(n for n, i in owners.items() if i is None)
                if lacking:
                    more_names[listed] = (*more_names.get(listed, ()), *lacking)
                continue
            display = body.display.format(nationality[0] if nationality else state.name)
            parent = _PARENT[body.key]
            ids[body.key] = f"{prefix}:{body.key}"
            found.append(Actor(
                id=ids[body.key], name=display, kind=body.kind, country=state.country,
                sector=body.sector, affiliation=ids.get(parent or "", state.id),
                aliases=tuple(n for n in names if n != display),
            ))  # fmt: skip
    return StateBodies(found, more_names)


def is_state_body(actor_id: str) -> bool:
    """Whether an actor is a body made here ("state:arm:military"), not a curated one."""
    return actor_id.startswith("state:") and actor_id.count(":") == 2


def adjectives(words: Sequence[str]) -> list[str]:
    """The nationality adjectives among a country's people words: "Azeris" is the plural of
    "Azeri", "Swiss" is no plural of anything listed."""
    present = set(words)
    return [w for w in words if not (w.endswith("s") and w[:-1] in present)]
