"""The SQLite store: the only package that speaks SQL."""

from rashomon.store.db import Store

__all__ = ["Store"]
