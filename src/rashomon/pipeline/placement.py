"""The cross-article job: place each newly extracted article in its incidents and its story,
then bring the touched incidents' and stories' figures and disputes up to date.

Articles are taken one at a time in a fixed order (publication date, originals before copies,
then source), so the result does not depend on in which order parallel extraction
finished. Undated articles come last in a run; one placed in an earlier run, before its
story had dated articles, is placed in incidents again once the story lends it days (see
`_revisit_undated`), so pages ingested one at a time place as one batch does. Each
article's placement (its reports joining or starting
incidents, its story, its story-index entry) is one transaction: a crash keeps every article
placed so far and the next run places the rest. The reasoning is `reconcile`'s (pure
functions over records); this module only reads records from the store and writes results.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from rashomon.extract.actor_dictionary import ActorDictionary
from rashomon.facts import (
    ArticleFact,
    ArticleFacts,
    DateWindow,
    Gazette,
    Incident,
    NameSpan,
    Story,
    TermCounts,
)
from rashomon.reconcile.disputes import (
    incident_disputes,
    not_told_of_incidents,
    story_disputes,
    with_own_sentences,
)
from rashomon.reconcile.figures import incident_figures, quantity_figures
from rashomon.reconcile.incident_kinds import IncidentKinds
from rashomon.reconcile.incidents import (
    MatchConfig,
    add_report,
    bridged,
    candidate_days,
    incident_label,
    matches,
    merge,
    named_rare_kinds,
    same_victim,
    strays,
    told_apart,
    undated_referent,
    undated_to_take_in,
    victims_told,
    without_articles,
    worth_looking_up_undated,
)
from rashomon.reconcile.kinship import ActorRelations
from rashomon.reconcile.reports import article_reports, chain_of
from rashomon.reconcile.stories import StoryConfig, StoryIndex
from rashomon.reconcile.story_features import features_of, story_lead
from rashomon.reconcile.windows import combine, estimate_window, name_key, told_days
from rashomon.store import Store
from rashomon.store.facts import article_facts, gazette, read_articles
from rashomon.store.findings import read_disputes, replace_findings
from rashomon.store.incidents import (
    IncidentCache,
    count_terms,
    delete_incident,
    drop_reports,
    read_incidents,
    retire_incidents,
    save_incident,
    taken_ids,
    term_counts,
)
from rashomon.store.stories import (
    is_placed,
    next_position,
    pending_articles,
    save_placement,
    save_story,
    save_window,
    story_entries,
)


@dataclass
class Placement:
    """What one run placed: articles, and the incidents and stories it touched."""

    placed: int = 0
    incidents: set[str] = field(default_factory=set)
    stories: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class PlacementConfig:
    stories: StoryConfig = field(default_factory=StoryConfig)
    incidents: MatchConfig = field(default_factory=MatchConfig)


def place_pending(
    store: Store,
    config: PlacementConfig | None = None,
    on_done: Callable[[str], None] | None = None,
    name_spans: Sequence[NameSpan] = (),
    incident_cache: int = 4096,
    facts_kept: int = 2_000,
) -> Placement:
    """Place every extracted article that has no story yet. `name_spans` (see
    `name_spans_of`) date the names undated articles use; `incident_cache` is how many
    incidents are kept read between articles, `facts_kept` how many articles' facts (the
    results are the same with none).

    Each article is placed inside one write transaction that first checks it is still
    unplaced: another process placing into the same database at the same time takes turns
    with this one, and when it has placed something since, the story index and the names
    are read again before going on, so both work on what is stored."""
    cfg = config or PlacementConfig()
    pending = pending_articles(store)
    result = Placement()
    if not pending:
        return result
    run = _Run(
        kept=_FactsKept(store, facts_kept),
        cache=IncidentCache(store, incident_cache),
        names=gazette(store, name_spans),
        index=StoryIndex(cfg.stories),
        kinds=IncidentKinds.packaged(),
        originals=_originals(store, pending),
        cfg=cfg,
        result=result,
    )
    position = -1
    for article_id in pending:
        with store.transaction() as conn:
            if is_placed(store, article_id):
                continue  # another process placed it while this one waited its turn
            if next_position(store) != position:  # the first, or another process placed some
                run.names = gazette(store, name_spans)
                run.index = StoryIndex.from_entries(story_entries(store), cfg.stories)
                position = next_position(store)
                run.cache.clear()
                run.kept.clear()
            story_id = _place(conn, run, article_id, position)
        position += 1
        result.placed += 1
        result.stories.add(story_id)
        if on_done:
            on_done(article_id)
    _revisit_undated(run)
    _release_strays(run.cache, result, run.names, run.kinds, cfg.incidents)
    _join_told_apart(run.cache, result, run.names, run.kinds, cfg.incidents)
    story_facts = _finish_stories(run.kept, run.index, result.stories, run.names)
    _refresh_findings(run.kept, result.incidents, story_facts, run.names)
    return result


class _FactsKept:
    """Articles' facts as read during one placement run, so that the stories and incidents
    an article joins do not read it again. Placement writes only one thing these facts
    hold, an undated article's estimated window: whoever writes one forgets the article.
    Bounded: past `limit` articles, all are forgotten."""

    def __init__(self, store: Store, limit: int) -> None:
        self.store, self.limit = store, limit
        self._known: dict[str, ArticleFacts] = {}

    def read(self, article_ids: Iterable[str]) -> list[ArticleFacts]:
        """As `article_facts`: each known article once, in the order given."""
        wanted = list(dict.fromkeys(article_ids))
        missing = [a for a in wanted if a not in self._known]
        if len(self._known) + len(missing) > self.limit:
            self._known.clear()
            missing = wanted
        if missing:
            self._known |= {f.id: f for f in article_facts(self.store, missing)}
        return [self._known[a] for a in wanted if a in self._known]

    def forget(self, article_id: str) -> None:
        self._known.pop(article_id, None)

    def clear(self) -> None:
        self._known.clear()


@dataclass
class _Run:
    """What one placement run places with and writes to, handed down whole: the names and
    the story index are read again when another process placed articles meanwhile."""

    kept: _FactsKept
    cache: IncidentCache
    names: Gazette
    index: StoryIndex
    kinds: IncidentKinds
    originals: dict[str, ArticleFact]
    cfg: PlacementConfig
    result: Placement


def _dated_by_names(facts: ArticleFacts, names: Gazette) -> tuple[ArticleFacts, DateWindow | None]:
    """An undated article with the window what it names allows (its feasts, yearless days,
    dated titles), and that window; unchanged, and None, when its names date nothing."""
    named = estimate_window(facts, names.name_spans)
    if named is None:
        return facts, None
    return replace(facts, article=replace(facts.article, window=named)), named


def _place(conn: sqlite3.Connection, run: _Run, article_id: str, position: int) -> str:
    """One article into its incidents and its story, inside the caller's transaction."""
    kept, names, index, cache = run.kept, run.names, run.index, run.cache
    (facts,) = kept.read([article_id])
    undated = not facts.article.published
    named = None
    if undated:  # its reports and its story go by the names' dates
        facts, named = _dated_by_names(facts, names)
    features = features_of(facts, names)  # the window set below is none of its input
    if named is not None:
        features = replace(features, window=(named.start, named.end))
    if undated and (told := told_days(facts, names.name_spans)) is not None:
        features = replace(features, allowed=told.as_iso())
    by_names = facts
    likely = None
    if undated:  # its reports tell of the days of the story it joins, when it has some
        # (else of the story it would join were it dated: an undated article is weighed
        # down in joining, and a borderline one joins only through the incident its lead
        # tells of, which its reports find only in that story's days)
        likely = index.likely_story(features) or index.likely_story(features, as_dated=True)
        facts = _told_in(by_names, names, index, likely)
    incidents, retired = _incidents_of(run, facts)
    lead = incidents[0] if incidents and incidents[0].reports[-1].lead else None
    lead_story = lead.story_id if lead is not None and len(lead.reports) > 1 else None
    story_id = index.add(replace(features, incident_story=lead_story))
    if likely is not None and story_id != likely and lead_story is None:
        # looked for in the days of a story it did not join: only its own story dates it
        told = _told_in(by_names, names, index, story_id)
        if told != facts:  # the same facts find the same incidents: nothing was written
            incidents, retired = _incidents_of(run, told)
        facts = told
    cache.forget([*retired, *(i.id for i in incidents)])  # written below: read afresh
    count_terms(conn, {t for i in incidents for r in i.reports
                       if r.article_id == article_id for t in r.terms})  # fmt: skip
    save_story(conn, _story_row(index, story_id))
    weight = run.cfg.stories.undated_weight if undated else 1.0
    save_placement(conn, article_id, story_id, position, index.entry_state(article_id), weight)
    if undated:
        save_window(conn, article_id, estimate_window(facts, names.name_spans,
                                                       index.span(story_id)))  # fmt: skip
        kept.forget(article_id)
    _save_placed(conn, incidents, retired, story_id, names, run.result)
    return story_id


def _revisit_undated(run: _Run) -> None:
    """Undated articles placed before their story had the dated articles it has now are
    placed in incidents again, with the days the story lends them now: as they would have
    been, had the dated ones come first (a batch places undated articles last; pages
    ingested one at a time come in any order). Only those of the stories this run touched
    whose reports found no dated incident, and whose lent days changed: the cost follows
    the run's stories, not the corpus."""
    kept, names, index = run.kept, run.names, run.index
    store = kept.store
    for story_id in sorted(run.result.stories):
        if index.span(story_id)[0] is None:
            continue  # no dated article to lend days
        members = [f for f in kept.read(index.story(story_id).article_ids)
                   if not f.article.published]  # fmt: skip
        for facts in members:
            by_names, _ = _dated_by_names(facts, names)
            told = _told_in(by_names, names, index, story_id)
            before, now = facts.article.window, told.article.window
            if now is None or (before is not None and (before.start, before.end)
                               == (now.start, now.end)):  # fmt: skip
                continue
            held = read_incidents(store, article_id=facts.id)
            if any(i.date_end is not None for i in held):
                continue  # it found a dated incident: not placed again
            with store.transaction() as conn:
                _replace_reports(conn, run, told, held, story_id)
                save_window(conn, facts.id, now)
            kept.forget(facts.id)


def _replace_reports(
    conn: sqlite3.Connection, run: _Run, facts: ArticleFacts, held: list[Incident], story_id: str
) -> None:
    """The article's reports leave the incidents that `held` them and are placed again
    from `facts`; an incident left with no report lives on as an alias of the one the
    article's lead joins."""
    names, result, cache = run.names, run.result, run.cache
    emptied = []
    for incident in held:
        rest = without_articles(incident, [facts.id], names, run.kinds)
        drop_reports(conn, incident.id, [facts.id])
        if rest is None:
            delete_incident(conn, incident.id)
            emptied.append(incident.id)
            result.incidents.discard(incident.id)
        else:
            save_incident(conn, rest, incident_label(rest, names))
            result.incidents.add(rest.id)
    cache.forget(i.id for i in held)
    incidents, retired = _incidents_of(run, facts)
    cache.forget([*retired, *(i.id for i in incidents)])
    _save_placed(conn, incidents, retired, story_id, names, result)
    into = incidents[0].id if incidents else None
    gone = [i for i in emptied if i != into and i not in {p.id for p in incidents}]
    if into is not None and gone:
        retire_incidents(conn, gone, into)


def _save_placed(
    conn: sqlite3.Connection,
    incidents: Sequence[Incident],
    retired: dict[str, str],
    story_id: str,
    names: Gazette,
    result: Placement,
) -> None:
    """The incidents an article's reports joined, written (in the article's story when
    they have none yet), and those they absorbed retired into them."""
    for old_id, into in retired.items():
        retire_incidents(conn, [old_id], into)
        result.incidents.discard(old_id)
    for incident in incidents:
        placed = incident if incident.story_id else replace(incident, story_id=story_id)
        save_incident(conn, placed, incident_label(placed, names))
        result.incidents.add(placed.id)


def _told_in(
    facts: ArticleFacts, names: Gazette, index: StoryIndex, story_id: str | None
) -> ArticleFacts:
    """An undated article's facts with the window its names and the story's dated
    articles allow (an estimate its reports are placed by), when they allow one."""
    if story_id is None:
        return facts
    told = estimate_window(facts, names.name_spans, index.span(story_id))
    if told is None:
        return facts
    return replace(facts, article=replace(facts.article, window=told))


def _originals(store: Store, article_ids: Iterable[str]) -> dict[str, ArticleFact]:
    """The originals the pending copies copy, for their independence chains."""
    copies = read_articles(store, list(article_ids))
    wanted = sorted({a.duplicate_of for a in copies if a.duplicate_of})
    return {a.id: a for a in read_articles(store, wanted)}


def _incidents_of(run: _Run, facts: ArticleFacts) -> tuple[list[Incident], dict[str, str]]:
    """The incidents the article's reports join or start, lead report first, and the
    incidents merged away on the way (old id -> the id they live on as): a report that
    fits two incidents shows them to be one happening."""
    cache, names, kinds, config = run.cache, run.names, run.kinds, run.cfg.incidents
    chain = chain_of(facts.article, run.originals)
    found: list[Incident] = []
    retired: dict[str, str] = {}
    reports = article_reports(facts, names, kinds, chain)
    counts = term_counts(cache.store, {t for r in reports for t in r.terms})
    for report in reports:
        candidates = [
            c for c in cache.candidates(*candidate_days(report, config),
                                        back=config.mention_lookback_days)
            if all(c.id != f.id for f in found) and c.id not in retired
        ]  # fmt: skip
        fitting = bridged(report, matches(report, candidates, names, kinds, config, counts),
                          names, kinds, config)  # fmt: skip
        if worth_looking_up_undated(report, kinds):
            # no day at all: the one such happening there (see undated_referent)
            same = cache.at_place(report.place_id, report.kind)
            for kind in named_rare_kinds(report, kinds):
                same += cache.at_place(report.place_id, kind)
            only = undated_referent(report, same, names, kinds, config)
            taken = {f.id for f in found} | set(retired)
            fitting = [only] if only is not None and only.id not in taken else []
        elif report.place_id and kinds.rare(report.kind):
            # a dated report of a rare kind takes in the town's undated ones of it
            taken = {f.id for f in found} | set(retired)
            same = cache.at_place(report.place_id, report.kind)
            fitting += [i for i in undated_to_take_in(report, same, fitting, names, kinds)
                        if i.id not in taken]  # fmt: skip
        if not fitting and kinds.violent(report.kind):  # a named person's killing, told again
            taken = {f.id for f in found} | set(retired)
            fitting = next(
                ([c] for victim in victims_told(report, names)
                 for c in cache.with_target(victim)
                 if c.id not in taken and same_victim(report, c, names, kinds)),
                [],
            )  # fmt: skip
        base = merge(fitting, names, kinds) if len(fitting) > 1 else (fitting or [None])[0]
        if len(fitting) > 1:
            retired |= {i.id: base.id for i in fitting if i.id != base.id}  # type: ignore[union-attr]
        found.append(add_report(base, report, names, kinds))
    return found, retired


def _release_strays(
    cache: IncidentCache,
    result: Placement,
    names: Gazette,
    kinds: IncidentKinds,
    config: MatchConfig,
) -> None:
    """Once the run's articles are placed, the reports that joined the one incident of
    their kind in their days for want of anything finer (see `strays`) and are no longer
    that, since another of the kind was reported for those days, leave it and stand alone:
    as they would have, had the other come first. Judged: the incidents the run touched
    and the others of their days (the one a report joined in an earlier run is not
    touched by the run that brings the second)."""
    store = cache.store
    cache.clear()  # placement wrote them since they were read
    judged = set(result.incidents)
    for incident in read_incidents(store, sorted(result.incidents)):
        judged |= {c.id for c in _of_its_days(cache, incident, config)}
    for incident in read_incidents(store, sorted(judged)):
        pool, counts = _judged_beside(cache, incident, config)
        gone = strays(incident, pool, names, kinds, config, counts)
        rest = without_articles(incident, gone, names, kinds) if gone else None
        if rest is None:
            continue
        with store.transaction() as conn:
            drop_reports(conn, incident.id, gone)
            save_incident(conn, rest, incident_label(rest, names))
            result.incidents.add(rest.id)
            for report in (r for r in incident.reports if r.article_id in gone):
                alone = add_report(None, report, names, kinds)
                alone = replace(alone, id=_free_id(store, alone.id),
                                story_id=incident.story_id)  # fmt: skip
                save_incident(conn, alone, incident_label(alone, names))
                result.incidents.add(alone.id)
        cache.forget([incident.id])
    cache.clear()


def _join_told_apart(
    cache: IncidentCache,
    result: Placement,
    names: Gazette,
    kinds: IncidentKinds,
    config: MatchConfig,
) -> None:
    """Once the run's articles are placed, two incidents that are one happening told apart
    by the order their pages came in (see `told_apart`) become one, as they would have
    had the pages come in another order. Judged: each incident the run touched against
    the others of its days (the cost follows the run, not the corpus)."""
    store = cache.store
    cache.clear()  # placement wrote them since they were read
    queue = sorted(result.incidents)
    while queue:
        incident_id = queue.pop(0)
        (incident,) = read_incidents(store, [incident_id]) or (None,)
        if incident is None:
            continue  # merged away meanwhile
        pool, counts = _judged_beside(cache, incident, config)
        other = next(
            (c for c in sorted(pool, key=lambda c: c.id)
             if told_apart(incident, c, names, kinds, config, counts)),
            None,
        )  # fmt: skip
        if other is None:
            continue
        joined = merge([incident, other], names, kinds)
        gone = other.id if joined.id == incident.id else incident.id
        with store.transaction() as conn:
            retire_incidents(conn, [gone], joined.id)
            save_incident(conn, joined, incident_label(joined, names))
        result.incidents.discard(gone)
        result.incidents.add(joined.id)
        cache.clear()
        queue.append(joined.id)  # it may now fit yet another


def _judged_beside(
    cache: IncidentCache, incident: Incident, config: MatchConfig
) -> tuple[list[Incident], TermCounts]:
    """The incidents of the incident's days (see `_of_its_days`) and the corpus counts of
    the words their reports and its own use, which the passes after placement weigh."""
    pool = _of_its_days(cache, incident, config)
    terms = {t for c in (incident, *pool) for r in c.reports for t in r.terms}
    return pool, term_counts(cache.store, terms)


def _of_its_days(cache: IncidentCache, incident: Incident, config: MatchConfig) -> list[Incident]:
    """The incidents of the days the incident's reports look in (itself among them)."""
    found = {c.id: c for r in incident.reports
             for c in cache.candidates(*candidate_days(r, config),
                                       back=config.mention_lookback_days)}  # fmt: skip
    return list(found.values())


def _free_id(store: Store, incident_id: str) -> str:
    """The id a report leaving an incident starts its own with: its own, unless an
    incident has it (the one it leaves took it from it) or had it (an alias); then the
    first of its numbered variants that is free."""
    found, n = incident_id, 0
    while taken_ids(store, [found]):
        n += 1
        found = f"{incident_id}-{n}"
    return found


def _story_row(index: StoryIndex, story_id: str) -> Story:
    """A provisional row for a story placement just touched (its label is written when
    the run finishes; see `_finish_stories`)."""
    return index.story(story_id)


def _finish_stories(
    kept: _FactsKept, index: StoryIndex, story_ids: Iterable[str], names: Gazette
) -> dict[str, list[ArticleFacts]]:
    """Labels, spans and honest counts of the stories a run touched; returns their facts."""
    actor_names = {k: v.name for k, v in names.actors.items()} | {
        k: v.name for k, v in names.places.items()
    }
    found = {}
    for story_id in sorted(story_ids):
        members = list(index.story(story_id).article_ids)
        facts = kept.read(members)
        story = index.story(story_id, actor_names, lambda _ids, f=facts: story_lead(f, names))
        originals = {f.id: f.article for f in facts} | _originals(kept.store, members)
        chains = {chain_of(f.article, originals) for f in facts}
        estimated = None
        if story.start is None:  # only undated articles: their windows date the story
            estimated = combine(f.article.window for f in facts if f.article.window)
        with kept.store.transaction() as conn:
            save_story(conn, replace(story, independent=len(chains), estimated=estimated))
            for member in facts:  # an undated article its names do not date: by its story
                if estimated is not None and not member.article.window:
                    lines = ("its story's other articles are estimated from what they name",
                             *estimated.evidence)  # fmt: skip
                    save_window(conn, member.id, replace(estimated, evidence=lines))
                    kept.forget(member.id)
        found[story_id] = facts
    return found


def _refresh_findings(
    kept: _FactsKept,
    incident_ids: Iterable[str],
    stories: dict[str, list[ArticleFacts]],
    names: Gazette,
) -> None:
    """Figures and disputes of the incidents and stories a run touched, computed again."""
    store = kept.store
    relations = ActorRelations.of(names)
    for incident in read_incidents(store, sorted(incident_ids)):
        facts = kept.read(incident.article_ids)  # incidents share articles: read once
        figures = {(f.article_id, f.start): f for a in facts for f in a.figures}
        articles = {a.id: a.article for a in facts}
        aligned = incident_figures(incident, figures, articles, relations)
        disputes = incident_disputes(incident, aligned, relations, names, articles, figures)
        disputes = with_own_sentences(disputes, {a.id: a for a in facts})
        with store.transaction() as conn:
            replace_findings(conn, aligned, disputes, incident_id=incident.id)
    for story_id, facts in sorted(stories.items()):
        articles = {a.id: a.article for a in facts}
        tolls = {
            (r.article_id, start)
            for i in read_incidents(store, story_id=story_id) for r in i.reports
            for start in r.figure_starts
        }  # fmt: skip
        counts = quantity_figures(
            (f for a in facts for f in a.figures), articles, names, tolls, relations
        )
        disputes = not_told_of_incidents(
            story_disputes(story_id, facts, counts, relations, names),
            read_disputes(store, story_id=story_id, include_updates=True),
        )
        with store.transaction() as conn:
            replace_findings(conn, counts, disputes, story_id=story_id)


def name_spans_of(dictionary: ActorDictionary) -> list[NameSpan]:
    """Names that date an article: the names an actor took when it was renamed are in use
    only from the renaming on, and titles held for a time only then (see `_dated_titles`).
    A former name bounds nothing (reports keep using it after a renaming), and neither does
    an alias that shares a word with a former name ("Nusra"), since it may be the old name
    again."""
    found = []
    for actor in dictionary:
        renamed = [r.until for r in actor.former_names if r.until]
        if not renamed:
            continue
        current = set(name_key(actor.name).split())
        former = {name_key(r.name) for r in actor.former_names}
        old_words = {w for key in former for w in key.split()} - current
        since = max(renamed)
        initials = {_initials(key) for key in former}
        for name in dict.fromkeys((actor.name, *actor.aliases)):
            key = name_key(name)
            if key in former or set(key.split()) & old_words or key in initials:
                continue  # the old name, part of it, or its acronym ("ISIS")
            found.append(NameSpan(name, actor.id, since=since))
    return found + _dated_titles(dictionary)


def _dated_titles(dictionary: ActorDictionary) -> list[NameSpan]:
    """Titles held for a time ("US president-elect", 2016-11-09 to 2017-01-19): one who
    bears one, as a title of now, was written while they held it."""
    return [
        NameSpan(term.role, actor.id, since=term.since, until=term.until, role=True)
        for actor in dictionary for term in actor.role_terms if term.since or term.until
    ]  # fmt: skip


def _initials(key: str) -> str:
    return "".join(w[0] for w in key.split() if w not in ("of", "and", "the", "for", "al"))
