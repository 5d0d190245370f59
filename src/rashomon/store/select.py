"""Which articles a listing covers: `--article`, `--story` and `--outlet`, combined.

Each filter resolves what the user typed (an id prefix, an outlet in any case) to a set of
article ids, or says clearly that nothing matches; listings then keep their rows about those
articles. A filter that matches nothing is an error, not an empty table, because an empty
table reads as "no findings" when the truth is "no such story".
"""

from __future__ import annotations

from dataclasses import dataclass

from rashomon.errors import NotFoundError
from rashomon.store.db import Store


@dataclass(frozen=True)
class Selection:
    article_ids: frozenset[str] | None = None  # None: every article
    story_id: str | None = None  # the resolved --story, when one was given

    def allows(self, article_id: object) -> bool:
        return self.article_ids is None or article_id in self.article_ids


def select_articles(
    store: Store, article: str | None = None, story: str | None = None, outlet: str | None = None
) -> Selection:
    """The articles every given filter allows (ids may be unique prefixes)."""
    found: set[str] | None = None
    story_id = None
    if article:
        found = {store.resolve_id(article)}
    if story:
        story_id = store.resolve_id(story, "story")
        rows = store.conn.execute(
            "SELECT article_id FROM story_articles WHERE story_id = ?", (story_id,)
        )
        found = _both(found, {r[0] for r in rows})
    if outlet:
        rows = store.conn.execute(
            "SELECT id FROM articles WHERE lower(outlet) = lower(?)", (outlet.strip(),)
        ).fetchall()
        if not rows:
            known = [r[0] for r in store.conn.execute(
                "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY 1 LIMIT 12"
            )]  # fmt: skip
            raise NotFoundError(
                f"no articles from outlet {outlet!r}"
                + (f" (outlets: {', '.join(known)})" if known else "")
            )
        found = _both(found, {r[0] for r in rows})
    return Selection(None if found is None else frozenset(found), story_id)


def _both(found: set[str] | None, more: set[str]) -> set[str]:
    return more if found is None else found & more
