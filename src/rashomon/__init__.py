"""rashomon: many outlets' reports of a conflict, turned into one source-attributed record."""

__version__ = "0.1.0"
