"""A story's dossier, built from its records: sources, actors, timeline, figures, disputes,
quotes by speaker across outlets, and a short extractive summary with citations.

Pure: the caller (`rashomon.api`) reads the story's articles, incidents, figures and
disputes from the store. Every line keeps its evidence (`Citation`). The summary picks
whole sentences from the reports, never writes new ones: each independent report's lead,
ranked by how much of the story's shared vocabulary it carries, so the summary says what
most reports say. The timeline holds the story's incidents (one line per happening, with
the doer each source names), its other acts merged across reports, and changes of control,
in date order; an undated article's report is placed by its article's estimated window and
says so.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from rashomon.facts import (
    AlignedFigure,
    ArticleFact,
    ArticleFacts,
    Dispute,
    FigureFact,
    Gazette,
    Incident,
    QuoteFact,
    Story,
)
from rashomon.facts import dossier as dm
from rashomon.reconcile.contradictions import control_states
from rashomon.reconcile.incident_kinds import IncidentKinds
from rashomon.reconcile.merge import MergedEvent, merge_events
from rashomon.reconcile.reports import chain_of

SUMMARY_SENTENCES = 4
TIMELINE_LIMIT = 60
_WORD = re.compile(r"[a-z][a-z'-]+")
_SKIP_KINDS = ("media",)
_LEAD_PARAGRAPHS = 12
_SENTENCE = re.compile(r"(.+?(?:[.!?][\"'”’)]*|$))(?:\s+|$)")
_ENDS_SENTENCE = re.compile(r"[.!?][\"'”’)]*$")
_COUNTERS = re.compile(r"(?:^|\s)\d+(?:\s+\d+){2,}(?:\s|$)")  # share/like counters: "0 11 0"


def build_dossier(
    story: Story,
    facts: Sequence[ArticleFacts],
    incidents: Sequence[Incident],
    figures: Sequence[AlignedFigure],
    disputes: Sequence[Dispute],
    gazette: Gazette,
) -> dm.Dossier:
    articles = {f.id: f.article for f in facts}
    return dm.Dossier(
        story_id=story.id, label=story.label, start=story.start, end=story.end,
        summary=_summary(facts), sources=_sources(articles), actors=_actors(facts, gazette),
        timeline=story_timeline(story, facts, incidents, gazette),
        figures=_figures(figures, articles), disputes=tuple(disputes),
        quotes=_quotes(facts, gazette), estimated=story.estimated,
    )  # fmt: skip


def story_timeline(
    story: Story,
    facts: Sequence[ArticleFacts],
    incidents: Sequence[Incident],
    gazette: Gazette,
    kinds: IncidentKinds | None = None,
) -> tuple[dm.TimelineEntry, ...]:
    """Incidents, other merged acts (those with a known doer, the most reported first up to
    the limit) and changes of control, in date order; undated ones last."""
    articles = {f.id: f.article for f in facts}
    members = set(articles)
    entries = [
        (
            _incident_entry(i, articles, gazette),
            (i.reports[0].article_id, i.reports[0].sentence_start),
        )
        for i in incidents
    ]
    kinds = kinds or IncidentKinds.packaged()
    covered = {(r.article_id, s) for i in incidents for r in i.reports for s in r.event_starts}
    others = [
        e for f in facts for e in f.events
        if (e.article_id, e.start) not in covered and e.type != "ASSAULT"
    ]  # fmt: skip
    merged = [m for m in merge_events(story.id, others, articles) if m.source_actor_ids]
    merged.sort(key=lambda m: (-m.independent, -m.articles))
    for event in merged[:TIMELINE_LIMIT]:
        entries.append((_event_entry(event, articles, gazette),
                        (event.reports[0].article_id, event.reports[0].start)))  # fmt: skip
    events = [e for f in facts for e in f.events]
    for state in control_states([n for f in facts for n in f.figures], events, articles, gazette):
        fact = state.fact
        if not isinstance(fact, FigureFact) or fact.article_id not in members:
            continue  # a capture is already in the timeline as the incident it is
        entries.append((
            dm.TimelineEntry(
                date=state.date, precision="day" if state.date else None,
                text=f"{state.claim} of {gazette.place_name(state.place_id)}", kind="state",
                factuality="asserted", outlets=_outlets([fact.article_id], articles),
                reports=1, independent=1, citations=(_citation(fact.article_id, fact.sentence,
                                                               fact.start, fact.end, articles),),
            ),
            (fact.article_id, fact.start),
        ))  # fmt: skip
    entries.sort(key=lambda e: (e[0].date is None, e[0].date or "", e[1]))
    return tuple(entry for entry, _ in entries)


def _incident_entry(
    incident: Incident, articles: Mapping[str, ArticleFact], gazette: Gazette
) -> dm.TimelineEntry:
    blamed: dict[str, list[str]] = defaultdict(list)
    for report in incident.reports:
        for doer in report.perpetrators:
            name = gazette.actor_name(doer.actor_id) or doer.text
            who = doer.claimant or report.outlet or "unknown outlet"
            if who not in blamed[name]:
                blamed[name].append(who)
    text = incident.label or incident.kind
    if blamed:
        text += ", blamed on " + "; on ".join(
            f"{name} ({', '.join(who)})" for name, who in blamed.items()
        )
    date, end, precision = incident.date_start, incident.date_end, incident.date_precision
    if date is None and end is not None:
        date, precision = end, "before"
    if precision == "day":
        end = None
    if date is None:
        windows = [articles[a].window for a in incident.article_ids
                   if a in articles and articles[a].window]  # fmt: skip
        if windows:
            date, end, precision = windows[0].start, windows[0].end, "estimate"  # type: ignore[union-attr]
    denied = any(r.denied_by for r in incident.reports)
    return dm.TimelineEntry(
        date=date, precision=precision, text=text, kind=incident.kind,
        factuality="disputed" if denied else "asserted",
        outlets=incident.outlets, reports=len(incident.article_ids),
        independent=incident.independent,
        citations=tuple(_citation(r.article_id, r.sentence, r.sentence_start, r.sentence_end,
                                  articles) for r in incident.reports),
        date_end=end, incident_id=incident.id,
    )  # fmt: skip


def _event_entry(
    event: MergedEvent, articles: Mapping[str, ArticleFact], gazette: Gazette
) -> dm.TimelineEntry:
    who = " and ".join(gazette.actor_name(a) or a for a in event.source_actor_ids)
    whom = " and ".join(gazette.actor_name(a) or a for a in event.target_actor_ids)
    mode = f" ({event.mode})" if event.mode else ""
    where = f" in {gazette.place_name(event.place_id)}" if event.place_id else ""
    said = Counter(r.trigger for r in event.reports).most_common(1)[0][0]
    text = f"{who} {event.type}{mode}{' ' + whom if whom else ''}{where} (\u201c{said}\u201d)"
    return dm.TimelineEntry(
        date=event.date, precision=event.date_precision, text=text, kind=event.type,
        factuality=event.factuality, outlets=event.outlets, reports=event.articles,
        independent=event.independent,
        citations=tuple(_citation(r.article_id, r.sentence, r.start, r.end, articles)
                        for r in event.reports),
    )  # fmt: skip


def _citation(
    article_id: str, sentence: str, start: int | None, end: int | None,
    articles: Mapping[str, ArticleFact],
) -> dm.Citation:  # fmt: skip
    article = articles.get(article_id)
    return dm.Citation(article_id, article.outlet if article else None, sentence, start, end,
                       article.published if article else None)  # fmt: skip


def _outlets(article_ids: Sequence[str], articles: Mapping[str, ArticleFact]) -> tuple[str, ...]:
    return tuple(sorted({o for a in article_ids if a in articles and (o := articles[a].outlet)}))


def _sources(articles: Mapping[str, ArticleFact]) -> tuple[dm.Source, ...]:
    copies: dict[str, list[ArticleFact]] = defaultdict(list)
    for info in articles.values():
        if info.duplicate_of:
            copies[info.duplicate_of].append(info)
    return tuple(
        dm.Source(
            i.id,
            i.outlet,
            i.wire,
            i.published,
            i.title,
            tuple(dict.fromkeys(c.outlet or c.id for c in copies[i.id])),
            tuple(c.id for c in copies[i.id]),
        )  # fmt: skip
        for i in sorted(articles.values(), key=lambda i: (i.published or "", i.id))
        if not i.duplicate_of or i.duplicate_of not in articles
    )


def _actors(
    facts: Sequence[ArticleFacts], gazette: Gazette, top: int = 12
) -> tuple[dm.KeyActor, ...]:
    mentions: Counter[str] = Counter()
    seen_in: dict[str, set[str]] = defaultdict(set)
    for f in facts:
        for m in f.mentions:
            actor = gazette.actors.get(m.actor_id or "")
            if actor is not None and m.field == "body" and actor.kind not in _SKIP_KINDS:
                mentions[actor.id] += 1
                seen_in[actor.id].add(m.article_id)
    return tuple(
        dm.KeyActor(a, gazette.actor_name(a) or a, gazette.actors[a].kind, n, len(seen_in[a]))
        for a, n in mentions.most_common(top)
    )


def _figures(
    figures: Sequence[AlignedFigure], articles: Mapping[str, ArticleFact]
) -> tuple[dm.Figure, ...]:
    return tuple(
        dm.Figure(
            subject=f.subject,
            claims=tuple(
                dm.FigureClaim(
                    c.figure.text,
                    c.figure.low if c.figure.low is not None else c.figure.value,
                    c.figure.high if c.figure.high is not None else c.figure.value,
                    c.figure.qualifier,
                    c.figure.claimant,
                    c.outlet,
                    c.figure.article_id,
                    c.date,
                    c.figure.sentence,
                )
                for c in f.claims
            ),
            disputed=f.disputed,
        )  # fmt: skip
        for f in sorted(figures, key=lambda f: (not f.disputed, f.subject))
    )


def _quotes(facts: Sequence[ArticleFacts], gazette: Gazette) -> tuple[dm.SpeakerQuotes, ...]:
    outlets = {f.id: f.article.outlet for f in facts}
    by_speaker: dict[tuple[str | None, str], list[QuoteFact]] = defaultdict(list)
    for q in (q for f in facts for q in f.quotes):
        name = gazette.actor_name(q.speaker_actor_id) or q.speaker or "unattributed"
        by_speaker[(q.speaker_actor_id, name)].append(q)
    found = []
    for (actor_id, name), quotes in sorted(by_speaker.items(), key=lambda kv: -len(kv[1])):
        statements: list[list[QuoteFact]] = []
        for q in quotes:
            words = set(_WORD.findall(q.text.lower()))
            same = next((s for s in statements if _similar(words, s[0].text)), None)
            (same.append(q) if same is not None else statements.append([q]))
        found.append(
            dm.SpeakerQuotes(name, actor_id, tuple(
                tuple(dm.QuoteReport(q.text, outlets.get(q.article_id), q.article_id, q.cue,
                                     q.intermediary, q.kind) for q in s)
                for s in statements
            ))
        )  # fmt: skip
    return tuple(found)


def _similar(words: set[str], other: str) -> bool:
    theirs = set(_WORD.findall(other.lower()))
    union = words | theirs
    return bool(union) and len(words & theirs) / len(union) >= 0.5


def _summary(facts: Sequence[ArticleFacts]) -> tuple[dm.SummarySentence, ...]:
    ids = {f.id for f in facts}
    leads: dict[str, tuple[str, ArticleFact]] = {}
    for f in facts:
        if f.article.duplicate_of and f.article.duplicate_of in ids:
            continue
        sentence = _lead(f.body)
        if sentence:
            leads[f.id] = (sentence, f.article)
    shared: Counter[str] = Counter()
    for text, _ in leads.values():
        shared.update(set(_WORD.findall(text.lower())))
    ranked = sorted(
        leads.items(),
        key=lambda kv: -sum(shared[w] - 1 for w in set(_WORD.findall(kv[1][0].lower()))
                            if len(w) > 3),
    )  # fmt: skip
    picked, chains = [], set()
    originals = {f.id: f.article for f in facts}
    for aid, (text, article) in ranked:
        chain = chain_of(article, originals)
        if chain in chains:
            continue  # one article carried by two listings is one voice
        chains.add(chain)
        picked.append(dm.SummarySentence(text, (dm.Citation(aid, article.outlet, text, None, None,
                                                            article.published),)))  # fmt: skip
        if len(picked) == SUMMARY_SENTENCES:
            break
    return tuple(picked)


def _lead(body: str) -> str:
    """The first sentence of the body that reads as prose: not a dateline alone, and not
    page furniture the cleaning left behind ("Date of publication ... Tags: ...", "Get short
    URL 0 11 0"), which has no full stop or is mostly capitalised; share counters in front
    of a sentence are cut off."""
    for paragraph in body.split("\n")[:_LEAD_PARAGRAPHS]:
        for match in _SENTENCE.finditer(paragraph.strip()):
            sentence = match.group(1).strip()
            counters = list(_COUNTERS.finditer(sentence))
            if counters:  # "Get short URL 0 11 0 0 MOSCOW (Sputnik) - ...": what follows
                sentence = sentence[counters[-1].end() :].strip()
            if _is_prose(sentence):
                return sentence[:400]
    return ""


def _is_prose(sentence: str) -> bool:
    words = sentence.split()
    if len(words) < 8 or not _ENDS_SENTENCE.search(sentence):
        return False
    lower = sum(1 for w in words if w[:1].islower())
    return lower >= 0.4 * len(words)
