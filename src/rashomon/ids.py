"""One way to name a stored thing: its full id or any prefix of it that only it has.

Article ids are long hashes and story ids carry one ("story:3f2a9c..."); nobody types them
in full. Articles, stories and disputes all resolve through `resolve_prefix`, so the same
prefix rules and the same messages hold everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable

from rashomon.errors import NotFoundError

_SHOWN = 5


def resolve_prefix(kind: str, given: str, candidates: Iterable[str], listing: str = "") -> str:
    """The one id in `candidates` equal to `given`, or else the only one starting with it.

    `kind` names what is looked for in messages ("article", "story"); `listing` names the
    command that lists them. Raises NotFoundError when none or several match.
    """
    matches = []
    for candidate in candidates:
        if candidate == given:
            return candidate
        if candidate.startswith(given):
            matches.append(candidate)
    hint = f"; `rashomon {listing}` lists them" if listing else ""
    if not given or len(matches) > 1:
        shown = ", ".join(sorted(matches)[:_SHOWN]) + (" ..." if len(matches) > _SHOWN else "")
        raise NotFoundError(
            f"{kind} id {given!r} is a prefix of {len(matches)} {kind} ids ({shown}); "
            "give more of it"
        )
    if not matches:
        raise NotFoundError(f"no {kind} with id {given!r}{hint}")
    return matches[0]
