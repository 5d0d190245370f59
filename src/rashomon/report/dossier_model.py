"""The dossier's records, for the renderers: they live with the other read records in
`rashomon.facts.dossier` (the cross-article half builds them, the report half formats them)."""

from rashomon.facts.dossier import *  # noqa: F403
from rashomon.facts.dossier import __all__ as _records

__all__ = list(_records)
