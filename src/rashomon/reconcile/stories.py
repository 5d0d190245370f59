"""Group articles into stories: reports of the same happening, from any outlet.

Incremental by design: ingestion adds articles one at a time, so each new article either joins
the most similar existing story or starts one. Nothing is ever reclustered, which is what keeps
a story id stable (it is derived from the article that started the story) once a user has
cited it. The price is order dependence: another arrival order may group a borderline article
differently; no existing id ever changes.

Similarity mixes what the texts say (TF-IDF cosine to the story's centroid or, if higher, to its
closest member) with who and where (soft Jaccard of actor, place and event keys against the
story's members), then discounts stories whose dates lie far from the article's date. Wire
copies join their original's story without adding weight: a reprint is not a second report.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import date, timedelta
from typing import Any

from rashomon.errors import RashomonError
from rashomon.facts import Story, day_range
from rashomon.reconcile.tfidf import TermStats, dot, term_counts, top_terms, unit_tf

STATE_VERSION = 1


@dataclass(frozen=True)
class StoryFeatures:
    """What story grouping needs to know about one article (built from the store's facts)."""

    article_id: str
    text: str
    title: str = ""
    published: str | None = None  # ISO date: YYYY-MM-DD, YYYY-MM or YYYY
    actor_ids: frozenset[str] = frozenset()
    place_ids: frozenset[str] = frozenset()
    event_keys: frozenset[str] = frozenset()  # e.g. "ASSAULT|syr-army|rebels"
    duplicate_of: str | None = None
    # the story of the incident the article leads with, when another article already
    # reported it: one happening told again is one continuing thing, whatever the gap
    incident_story: str | None = None
    # for an undated article: the days its dated names allow (either end may be open)
    window: tuple[str | None, str | None] | None = None
    # for an undated article: the spans of days its own words allow (a feast or a yearless
    # day named allows some weeks of many years; empty: nothing said)
    allowed: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        if self.published is not None and day_range(self.published) is None:
            raise RashomonError(f"{self.article_id}: published {self.published!r} is not ISO")


@dataclass(frozen=True)
class StoryConfig:
    """Weights and threshold, tuned on ECB+ topics 1-35 (see bench/stories_ecb.py)."""

    threshold: float = 0.2
    text_weight: float = 1.0
    actor_weight: float = 0.5
    place_weight: float = 0.3
    event_weight: float = 0.3
    date_grace_days: int = 3  # no penalty within this many days of the story's span
    date_scale_days: float = 7.0  # beyond the grace, the score decays by e every this many days
    candidate_terms: int = 20  # an article is compared with stories sharing its top terms
    member_checks: int = 5  # best stories by centroid whose members are also compared
    # a term or key found in more stories than this says little about which one an article
    # belongs to ("syria", the Syrian government), and following it would compare every
    # article with every story: placement would slow down with each article
    candidate_cap: int = 50
    candidate_limit: int = 40  # stories scored in full: those sharing the most terms and keys
    # a story is bounded in time: joining may not stretch it over more days than this,
    # unless the article leads with an incident the story already holds
    max_span_days: int = 45
    # an undated article neither dates a story nor pulls dated ones in at full weight
    undated_weight: float = 0.8
    # the story an undated article's reports are looked for in (`likely_story` with
    # `as_dated`): past the threshold, or past this share of it when it scores this many
    # times any other story (the article joins it only if its lead's incident is there)
    clear_share: float = 0.5
    clear_lead: float = 2.0


@dataclass
class _Entry:
    article_id: str
    story: str
    counts: dict[str, int]
    actors: tuple[str, ...]
    places: tuple[str, ...]
    events: tuple[str, ...]
    published: str | None
    copy_of: str | None  # the original when this is a wire copy


@dataclass
class _Group:
    id: str
    article_ids: list[str] = field(default_factory=list)
    reports: int = 0
    profile: Counter[str] = field(default_factory=Counter)  # summed unit tf of the reports
    keys: dict[str, Counter[str]] = field(default_factory=dict)  # kind -> key -> reports
    dates: list[str] = field(default_factory=list)
    span: tuple[date, date] | None = None  # first and last day its dates cover
    version: int = 0


_KINDS = ("actors", "places", "events")


class StoryIndex:
    """Stories built one article at a time; `to_state()` / `from_state()` persist it as JSON."""

    def __init__(self, config: StoryConfig | None = None) -> None:
        self.config = config or StoryConfig()
        self._stats = TermStats()
        self._entries: dict[str, _Entry] = {}
        self._groups: dict[str, _Group] = {}
        self._by_term: dict[str, set[str]] = {}
        self._by_key: dict[str, set[str]] = {}
        self._centroids: dict[str, tuple[int, int, dict[str, float]]] = {}
        self._vectors: dict[str, tuple[int, dict[str, float]]] = {}
        self._last_counts: tuple[str, str, dict[str, int]] | None = None
        self._key_shares: dict[tuple[str, str], tuple[int, dict[str, float], float]] = {}

    # -- adding ------------------------------------------------------------------------------

    def add(self, features: StoryFeatures) -> str:
        """The id of the story the article joins or starts (adding it again changes nothing)."""
        known = self._entries.get(features.article_id)
        if known is not None:
            return known.story
        original = self._entries.get(features.duplicate_of or "")
        counts: dict[str, int] = {}  # a copy's words are its original's: not kept twice
        if original is not None:
            story = original.story
            copy_of = original.copy_of or original.article_id
        else:
            counts = self._term_counts(features)
            self._stats.add(counts)
            story = (
                self._incident_story(features)
                or self._best_story(self._stats.vector(counts), features)
                or self._new_id(features.article_id)
            )
            copy_of = None
        entry = _Entry(
            features.article_id, story, counts, tuple(sorted(features.actor_ids)),
            tuple(sorted(features.place_ids)), tuple(sorted(features.event_keys)),
            features.published, copy_of,
        )  # fmt: skip
        self._place(entry)
        return story

    def likely_story(self, features: StoryFeatures, as_dated: bool = False) -> str | None:
        """The story the article would join now, without adding it (None: a new one). An
        undated article's reports look for their incidents in its story's days, which are
        known only once its story is. With `as_dated`, an undated article is weighed as if
        it were dated within each story's days (not weighed down for having no date): the
        story whose days its reports are best looked for in, though it may not join it."""
        known = self._entries.get(features.article_id)
        if known is not None:
            return known.story
        original = self._entries.get(features.duplicate_of or "")
        if original is not None:
            return original.story
        found = self._incident_story(features)
        if found is not None:
            return found
        # weighed exactly as `add` weighs it: with the article among the documents (its
        # own rare words weigh less once it is counted; a borderline article scored
        # without it fell below the threshold here and joined the story when added)
        counts = self._term_counts(features)
        with self._stats.counted(counts):
            return self._best_story(self._stats.vector(counts), features, as_dated)

    def _term_counts(self, features: StoryFeatures) -> dict[str, int]:
        """`term_counts` of the article's text and title; the last article's kept, as an
        undated one is weighed up to three times (`likely_story` twice, then `add`)."""
        last = self._last_counts
        if last is not None and last[0] == features.text and last[1] == features.title:
            return last[2]
        counts = term_counts(features.text, features.title)
        self._last_counts = (features.text, features.title, counts)
        return counts

    def _incident_story(self, features: StoryFeatures) -> str | None:
        """The story that already holds the incident this article leads with."""
        story = features.incident_story
        return story if story in self._groups else None

    def _new_id(self, article_id: str) -> str:
        base = f"story:{article_id[:12]}"
        found, n = base, 1
        while found in self._groups:
            n += 1
            found = f"{base}-{n}"
        return found

    def _place(self, entry: _Entry) -> None:
        """Record an entry in its story (new or not) and in the lookup indexes."""
        self._entries[entry.article_id] = entry
        group = self._groups.setdefault(entry.story, _Group(entry.story))
        group.article_ids.append(entry.article_id)
        covered = day_range(entry.published) if entry.published else None
        if entry.published and covered:
            group.dates.append(entry.published)
            low, high = group.span or covered
            group.span = (min(low, covered[0]), max(high, covered[1]))
        if entry.copy_of is not None:
            return
        group.reports += 1
        group.version += 1
        group.profile.update(unit_tf(entry.counts))
        for kind, keys in zip(_KINDS, (entry.actors, entry.places, entry.events), strict=True):
            group.keys.setdefault(kind, Counter()).update(keys)
            for key in keys:
                self._by_key.setdefault(f"{kind}:{key}", set()).add(group.id)
        for term in entry.counts:
            self._by_term.setdefault(term, set()).add(group.id)

    # -- scoring -----------------------------------------------------------------------------

    def _best_story(
        self, vector: dict[str, float], features: StoryFeatures, as_dated: bool = False
    ) -> str | None:
        cfg = self.config
        lists = [self._by_term.get(term, set()) for term in top_terms(vector, cfg.candidate_terms)]
        for kind, keys in zip(_KINDS, _keys_of(features), strict=True):
            lists += [self._by_key.get(f"{kind}:{key}", set()) for key in keys]
        shared: Counter[str] = Counter()
        for stories in lists:
            if len(stories) <= cfg.candidate_cap:
                shared.update(stories)
        if not shared:  # only common words and names: fall back to all that share one
            shared.update(set().union(*lists))
        ranked = sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))
        candidates = [story for story, _ in ranked[: cfg.candidate_limit]]
        scored = sorted(
            (
                (self._score(dot(vector, self._centroid(g)), features, g, as_dated), g)
                for g in candidates
            ),
            key=lambda pair: (-pair[0], pair[1]),
        )
        best: tuple[float, str | None] = (0.0, None)
        second = 0.0
        for rank, (score, story) in enumerate(scored):
            if rank < cfg.member_checks:
                closest = max(dot(vector, self._vector(a)) for a in self._reports(story))
                score = max(score, self._score(closest, features, story, as_dated))
            if score > best[0]:
                best, second = (score, story), best[0]
            else:
                second = max(second, score)
        if best[0] >= cfg.threshold:
            return best[1]
        # the story whose days an undated article's reports are looked in may be one it
        # resembles less than joining asks, when it resembles no other nearly as much
        clear = best[0] >= cfg.threshold * cfg.clear_share and best[0] >= cfg.clear_lead * second
        return best[1] if as_dated and clear else None

    def _score(
        self, text: float, features: StoryFeatures, story: str, as_dated: bool = False
    ) -> float:
        cfg, group = self.config, self._groups[story]
        weighted, total = cfg.text_weight * text, cfg.text_weight
        weights = (cfg.actor_weight, cfg.place_weight, cfg.event_weight)
        for kind, weight, keys in zip(_KINDS, weights, _keys_of(features), strict=True):
            theirs = group.keys.get(kind)
            if keys and theirs:
                weighted += weight * _jaccard_of_shares(keys, *self._shares(group, kind, theirs))
                total += weight
        return weighted / total * self._date_factor(features, group, as_dated)

    def _date_factor(self, features: StoryFeatures, group: _Group, as_dated: bool = False) -> float:
        """1 within the grace days of the story's span, decaying beyond; 0 when joining
        would stretch the story over more than `max_span_days`. An undated article, or a
        story with no dated article, is weighed down: no date, no firm evidence; and an
        undated article whose names or words date it outside the story's span does not
        join it."""
        cfg = self.config
        mine = day_range(features.published) if features.published else None
        dated_out = mine is None and group.span is not None and (
            (features.window is not None
             and not _window_meets(features.window, group.span, cfg.date_grace_days))
            or (features.allowed
                and not any(_window_meets(w, group.span, cfg.date_grace_days)
                            for w in features.allowed))
        )  # fmt: skip
        if dated_out:
            return 0.0
        if mine is None and as_dated:
            return 1.0 if group.span is not None else 0.0  # only a story with days dates
        if mine is None or group.span is None:
            return 1.0 if mine is None and group.span is None else cfg.undated_weight
        start, end = group.span
        # joining may not stretch the story past the bound; a story already over it (an
        # article that led with an incident it held stretched it) still takes articles
        # that fall inside its days
        joined = (max(end, mine[1]) - min(start, mine[0])).days + 1
        if joined > cfg.max_span_days and joined > (end - start).days + 1:
            return 0.0
        gap = max(0, (start - mine[1]).days, (mine[0] - end).days)
        excess = max(0, gap - cfg.date_grace_days)
        return math.exp(-excess / cfg.date_scale_days)

    def _shares(
        self, group: _Group, kind: str, theirs: Counter[str]
    ) -> tuple[dict[str, float], float]:
        """`_shares` of the story's keys of one kind and their sum, kept until it grows."""
        cached = self._key_shares.get((group.id, kind))
        if cached is not None and cached[0] == group.version:
            return cached[1], cached[2]
        share = _shares(theirs, group.reports)
        total = sum(share.values())
        self._key_shares[(group.id, kind)] = (group.version, share, total)
        return share, total

    def _centroid(self, story: str) -> dict[str, float]:
        """The story's idf-weighted profile, recomputed when it grew or idf moved by 10%."""
        group, seen = self._groups[story], self._stats.documents
        cached = self._centroids.get(story)
        if cached and cached[0] == group.version and seen <= cached[1] * 1.1:
            return cached[2]
        centroid = self._stats.weigh(group.profile)
        self._centroids[story] = (group.version, seen, centroid)
        return centroid

    def _vector(self, article_id: str) -> dict[str, float]:
        seen, cached = self._stats.documents, self._vectors.get(article_id)
        if cached and seen <= cached[0] * 1.1:
            return cached[1]
        vector = self._stats.vector(self._entries[article_id].counts)
        self._vectors[article_id] = (seen, vector)
        return vector

    def _reports(self, story: str) -> list[str]:
        ids = self._groups[story].article_ids
        return [a for a in ids if self._entries[a].copy_of is None]

    # -- reading -----------------------------------------------------------------------------

    def story_of(self, article_id: str) -> str | None:
        entry = self._entries.get(article_id)
        return entry.story if entry else None

    def span(self, story_id: str) -> tuple[str | None, str | None]:
        """The first and last publication dates of the story's articles, (None, None) when
        none is dated: `story(...)`'s start and end, without its label."""
        dates = self._groups[story_id].dates
        return (min(dates), max(dates)) if dates else (None, None)

    def story(
        self,
        story_id: str,
        names: Mapping[str, str] | None = None,
        lead: Callable[[tuple[str, ...]], Sequence[str]] | None = None,
    ) -> Story:
        """One story as users see it (see `stories`)."""
        return self._story(self._groups[story_id], names, lead)

    def stories(
        self,
        names: Mapping[str, str] | None = None,
        lead: Callable[[tuple[str, ...]], Sequence[str]] | None = None,
    ) -> list[Story]:
        """Every story in creation order; `names` maps actor/place ids to display names, and
        `lead`, given a story's article ids, names what its label leads with (see `label`)."""
        return [self._story(g, names, lead) for g in self._groups.values()]

    def _story(
        self,
        group: _Group,
        names: Mapping[str, str] | None,
        lead: Callable[[tuple[str, ...]], Sequence[str]] | None,
    ) -> Story:
        dates = sorted(group.dates)
        article_ids = tuple(group.article_ids)
        head = lead(article_ids) if lead is not None else None
        return Story(
            group.id, self.label(group.id, names, head), dates[0] if dates else None,
            dates[-1] if dates else None, article_ids, group.reports,
        )  # fmt: skip

    def label(
        self,
        story: Story | str,
        names: Mapping[str, str] | None = None,
        head: Sequence[str] | None = None,
    ) -> str:
        """'Actor, Actor / Place: term, term': `head` (the names to lead with; by default the
        story's most reported actors, two at most, and place), then two salient terms that
        do not repeat them.

        An actor or place must appear in at least half the reports to lead by default, so one
        article's aside does not label it. A term that shares its first five letters with a
        word of a leading name is that name again ("syrian" beside "Syria"), so it is skipped.
        """
        group = self._groups[story.id if isinstance(story, Story) else story]
        shown = list(head) if head is not None else self._leading_names(group, names or {})
        named = {w for name in shown for w in term_counts(name)}
        stems = {_stem(w) for w in named if len(_stem(w)) >= 5}
        candidates = top_terms(self._centroid(group.id), 12, skip=named)
        salient = [t for t in candidates if _stem(t) not in stems][:2]
        lead = " / ".join(shown)
        return f"{lead}: {', '.join(salient)}" if lead and salient else lead or ", ".join(salient)

    @staticmethod
    def _leading_names(group: _Group, names: Mapping[str, str]) -> list[str]:
        shown: list[str] = []
        for kind, most in (("actors", 2), ("places", 1)):
            counts = group.keys.get(kind, Counter())
            ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
            picked = [k for k, n in ranked[:most] if n * 2 >= group.reports]
            if picked:
                shown.append(", ".join(names.get(k, k) for k in picked))
        return shown

    # -- persistence -------------------------------------------------------------------------

    def to_state(self) -> dict[str, object]:
        """Plain JSON-able state: the articles in arrival order with their story and counts."""
        articles = [self.entry_state(a) for a in self._entries]
        return {"version": STATE_VERSION, "config": asdict(self.config), "articles": articles}

    def entry_state(self, article_id: str) -> dict[str, object]:
        """What the index keeps of one article, as JSON-able data: stored with the article
        as it is placed, so the index is saved as it goes, one article at a time."""
        e = self._entries[article_id]
        return {
            "id": e.article_id, "story": e.story, "counts": e.counts,
            "actors": list(e.actors), "places": list(e.places), "events": list(e.events),
            "published": e.published, "copy_of": e.copy_of,
        }  # fmt: skip

    @classmethod
    def from_state(
        cls, state: Mapping[str, object], config: StoryConfig | None = None
    ) -> StoryIndex:
        """Rebuild an index exactly as it was; `config` overrides the stored settings."""
        if state.get("version") != STATE_VERSION:
            raise RashomonError(f"story state version {state.get('version')!r} is not supported")
        stored = state.get("config")
        if config is None and isinstance(stored, dict):
            known = {f.name for f in fields(StoryConfig)}  # settings since dropped are ignored
            config = StoryConfig(**{k: v for k, v in stored.items() if k in known})
        return cls.from_entries(state.get("articles", []), config)  # type: ignore[arg-type]

    @classmethod
    def from_entries(
        cls, entries: Iterable[Mapping[str, Any]], config: StoryConfig | None = None
    ) -> StoryIndex:
        """Rebuild an index from its articles' entries (`entry_state`), in arrival order."""
        index = cls(config)
        for row in entries:
            entry = _Entry(
                row["id"], row["story"], dict(row["counts"]), tuple(row["actors"]),
                tuple(row["places"]), tuple(row["events"]), row["published"], row["copy_of"],
            )  # fmt: skip
            if entry.copy_of is None:
                index._stats.add(entry.counts)
            index._place(entry)
        return index


def _window_meets(
    window: tuple[str | None, str | None], span: tuple[date, date], grace: int
) -> bool:
    low = day_range(window[0]) if window[0] else None
    high = day_range(window[1]) if window[1] else None
    if low is not None and low[0] > span[1] + timedelta(days=grace):
        return False
    return not (high is not None and high[1] < span[0] - timedelta(days=grace))


def _stem(term: str) -> str:
    """The first five letters, apostrophes and hyphens aside: "ba'ath" and "baath" meet."""
    return "".join(c for c in term if c.isalpha())[:5]


def _keys_of(features: StoryFeatures) -> tuple[frozenset[str], ...]:
    return features.actor_ids, features.place_ids, features.event_keys


def _shares(theirs: Counter[str], reports: int) -> dict[str, float]:
    """Each key's share of a story's reports."""
    return {key: n / max(reports, 1) for key, n in theirs.items()}


def _jaccard_of_shares(mine: Iterable[str], share: Mapping[str, float], total: float) -> float:
    """Weighted Jaccard of a key set against how often each key occurs in a story's reports,
    given as `_shares` and their sum (kept while the story is as it was: they are the same
    for every article it is scored against).

    Equals plain Jaccard against a one-article story; for a larger story a key counts by the
    share of reports that have it, so the score does not shrink as the story grows.
    """
    keys = set(mine)
    shared = sum(share.get(key, 0.0) for key in keys)
    union = len(keys) + total - shared
    return shared / union if union else 0.0
