"""Per-article extractors: pure functions over a parsed Doc that yield model records."""
