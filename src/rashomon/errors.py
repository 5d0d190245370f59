"""One exception family, so callers can catch rashomon's failures without catching bugs."""

from __future__ import annotations


class RashomonError(Exception):
    """Base class of every error rashomon raises on purpose."""


class InputError(RashomonError):
    """One input (file, record, stdin) could not be turned into an article.

    Carries the input's name so the batch can report it on one line and go on.
    """

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class StoreError(RashomonError):
    """The database is unusable: newer schema than this code, or not a rashomon store."""


class ModelError(RashomonError):
    """The configured spaCy model cannot be loaded."""


class NotFoundError(RashomonError):
    """A requested object (article, story...) is not in the store."""


class InputSkipped(InputError):
    """An input left out on purpose, such as a picture in a folder of articles.

    Named once on stderr like a failure, so nothing vanishes without a word, but not counted
    as one: a folder may well hold files that are not articles.
    """


class SettingsError(RashomonError):
    """A setting (environment variable or option) has a value rashomon cannot use."""
