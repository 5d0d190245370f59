"""A story's dossier, assembled from the store: sources, actors, timeline, figures, disputes,
quotes by speaker across outlets, and a short extractive summary with citations.

Every line keeps its evidence (`Citation`). The summary picks whole sentences from the
reports, never writes new ones: each independent report's lead, ranked by how much of the
story's shared vocabulary it carries, so the summary says what most reports say.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any

from rashomon.errors import NotFoundError
from rashomon.reconcile.contradictions import control_states
from rashomon.reconcile.disputes import find_disputes
from rashomon.reconcile.facts import StoryFacts, load_facts
from rashomon.reconcile.figures import align_figures, claim_date
from rashomon.reconcile.kinship import ActorRelations
from rashomon.reconcile.merge import MergedEvent, merge_events
from rashomon.report import dossier_model as dm
from rashomon.store import Store
from rashomon.store.stories import list_stories

SUMMARY_SENTENCES = 4
TIMELINE_LIMIT = 60
_WORD = re.compile(r"[a-z][a-z'-]+")
_SKIP_KINDS = ("media",)
_LEAD_PARAGRAPHS = 12
_SENTENCE = re.compile(r"(.+?(?:[.!?][\"'”’)]*|$))(?:\s+|$)")
_ENDS_SENTENCE = re.compile(r"[.!?][\"'”’)]*$")
_COUNTERS = re.compile(r"(?:^|\s)\d+(?:\s+\d+){2,}(?:\s|$)")  # share/like counters: "0 11 0"


def build_dossier(store: Store, story_id: str) -> dm.Dossier:
    story = _story(store, story_id)
    article_ids = list(story["article_ids"])  # type: ignore[arg-type]
    facts = load_facts(store, article_ids)
    relations = ActorRelations.from_store(store)
    bodies = {a: store.get_article(a)[0].body for a in article_ids}
    return dm.Dossier(
        story_id=story_id, label=str(story["label"]), start=story["start"],  # type: ignore[arg-type]
        end=story["end"],  # type: ignore[arg-type]
        summary=_summary(facts, bodies), sources=_sources(facts),
        actors=_actors(store, facts), timeline=_timeline(story_id, facts),
        figures=_figures(facts), disputes=tuple(find_disputes(story_id, facts, relations)),
        quotes=_quotes(facts),
    )  # fmt: skip


def story_timeline(store: Store, story_id: str) -> tuple[dm.TimelineEntry, ...]:
    """The story's timeline alone (`rashomon timeline`): merged events and states by date."""
    story = _story(store, story_id)
    return _timeline(story_id, load_facts(store, story["article_ids"]))  # type: ignore[arg-type]


def _story(store: Store, story_id: str) -> dict[str, object]:
    story = next((s for s in list_stories(store) if s["id"] == story_id), None)
    if story is None:
        raise NotFoundError(f"no story {story_id!r}; `rashomon stories` lists them")
    return story


def _citation(row: dict[str, Any], facts: StoryFacts) -> dm.Citation:
    aid = row["article_id"]
    return dm.Citation(aid, facts.outlet_of(aid), row["sentence"], row.get("start"),
                       row.get("end"), facts.date_of(aid))  # fmt: skip


def _sources(facts: StoryFacts) -> tuple[dm.Source, ...]:
    copies: dict[str, list[str]] = defaultdict(list)
    for info in facts.articles.values():
        if info.duplicate_of:
            copies[info.duplicate_of].append(info.outlet or info.id)
    return tuple(
        dm.Source(i.id, i.outlet, i.wire, i.published, i.title, tuple(copies.get(i.id, ())))
        for i in sorted(facts.articles.values(), key=lambda i: (i.published or "", i.id))
        if not i.duplicate_of or i.duplicate_of not in facts.articles
    )


def _actors(store: Store, facts: StoryFacts, top: int = 12) -> tuple[dm.KeyActor, ...]:
    kinds = dict(store.conn.execute("SELECT id, kind FROM actors").fetchall())
    mentions: Counter[str] = Counter()
    articles: dict[str, set[str]] = defaultdict(set)
    for m in facts.mentions:
        actor = m["actor_id"]
        if actor and m["field"] == "body" and kinds.get(actor) not in _SKIP_KINDS:
            mentions[actor] += 1
            articles[actor].add(m["article_id"])
    return tuple(
        dm.KeyActor(a, facts.name(a) or a, str(kinds.get(a)), n, len(articles[a]))
        for a, n in mentions.most_common(top)
    )


def _timeline(story_id: str, facts: StoryFacts) -> tuple[dm.TimelineEntry, ...]:
    """Merged events (those with a known doer, the most reported first up to the limit) and
    the states on the ground the reports give, in date order; undated ones last, in the
    order the reports tell them."""
    merged = [m for m in merge_events(story_id, facts) if m.source_actor_ids]
    merged.sort(key=lambda m: (-m.independent, -m.articles))
    entries = [(m.date, _first_offset(m), _entry(m, facts)) for m in merged[:TIMELINE_LIMIT]]
    for state in control_states(facts):
        row = state.row
        if "source_actor_ids" in row:
            continue  # a capture: already in the timeline as the event it is
        entry = dm.TimelineEntry(
            date=state.date, precision="day" if state.date else None,
            text=f"{state.claim} of {facts.place_names.get(state.place_id, state.place_id)}",
            kind="state", factuality=row.get("factuality") or row.get("status") or "asserted",
            outlets=tuple(o for o in [facts.outlet_of(row["article_id"])] if o), reports=1,
            independent=1, citations=(_citation(row, facts),),
        )  # fmt: skip
        entries.append((state.date, (row["article_id"], row["start"]), entry))
    entries.sort(key=lambda e: (e[0] is None, e[0] or "", e[1]))
    return tuple(entry for _, _, entry in entries)


def _first_offset(event: MergedEvent) -> tuple[str, int]:
    first = event.reports[0]
    return first["article_id"], first["start"]


def _entry(event: MergedEvent, facts: StoryFacts) -> dm.TimelineEntry:
    who = " and ".join(facts.name(a) or a for a in event.source_actor_ids)
    whom = " and ".join(facts.name(a) or a for a in event.target_actor_ids)
    mode = f" ({event.mode})" if event.mode else ""
    where = f" in {facts.place_names.get(event.place_id, event.place_id)}" if event.place_id else ""
    said = Counter(r["trigger"] for r in event.reports).most_common(1)[0][0]
    text = f"{who} {event.type}{mode}{' ' + whom if whom else ''}{where} (\u201c{said}\u201d)"
    return dm.TimelineEntry(
        date=event.date, precision=event.date_precision, text=text, kind=event.type,
        factuality=event.factuality, outlets=event.outlets, reports=event.articles,
        independent=event.independent,
        citations=tuple(_citation(r, facts) for r in event.reports),
    )  # fmt: skip


def _figures(facts: StoryFacts) -> tuple[dm.Figure, ...]:
    return tuple(
        dm.Figure(
            subject=f.subject,
            claims=tuple(
                dm.FigureClaim(
                    c["text"],
                    c["low"] if c["low"] is not None else c["value"],
                    c["high"] if c["high"] is not None else c["value"],
                    c["qualifier"],
                    c["claimant"],
                    c["outlet"],
                    c["article_id"],
                    claim_date(c, facts),
                    c["sentence"],
                )
                for c in f.claims
            ),
            disputed=f.disputed,
        )  # fmt: skip
        for f in align_figures(facts)
    )


def _quotes(facts: StoryFacts) -> tuple[dm.SpeakerQuotes, ...]:
    by_speaker: dict[tuple[str | None, str], list[dict[str, Any]]] = defaultdict(list)
    for q in facts.quotes:
        name = facts.name(q["speaker_actor_id"]) or q["speaker"] or "unattributed"
        by_speaker[(q["speaker_actor_id"], name)].append(q)
    found = []
    for (actor_id, name), quotes in sorted(by_speaker.items(), key=lambda kv: -len(kv[1])):
        statements: list[list[dict[str, Any]]] = []
        for q in quotes:
            words = set(_WORD.findall(q["text"].lower()))
            same = next((s for s in statements if _similar(words, s[0]["text"])), None)
            (same.append(q) if same is not None else statements.append([q]))
        found.append(
            dm.SpeakerQuotes(name, actor_id, tuple(
                tuple(dm.QuoteReport(q["text"], q["outlet"], q["article_id"], q["cue"],
                                     q["intermediary"], q["kind"]) for q in s)
                for s in statements
            ))
        )  # fmt: skip
    return tuple(found)


def _similar(words: set[str], other: str) -> bool:
    theirs = set(_WORD.findall(other.lower()))
    union = words | theirs
    return bool(union) and len(words & theirs) / len(union) >= 0.5


def _summary(facts: StoryFacts, bodies: dict[str, str]) -> tuple[dm.SummarySentence, ...]:
    leads: dict[str, str] = {}
    for aid, info in facts.articles.items():
        if info.duplicate_of and info.duplicate_of in facts.articles:
            continue
        sentence = _lead(bodies[aid])
        if sentence:
            leads[aid] = sentence
    shared: Counter[str] = Counter()
    for text in leads.values():
        shared.update(set(_WORD.findall(text.lower())))
    ranked = sorted(
        leads.items(),
        key=lambda kv: -sum(shared[w] - 1 for w in set(_WORD.findall(kv[1].lower())) if len(w) > 3),
    )
    return tuple(
        dm.SummarySentence(text, (dm.Citation(aid, facts.outlet_of(aid), text, None, None,
                                              facts.date_of(aid)),))
        for aid, text in ranked[:SUMMARY_SENTENCES]
    )  # fmt: skip


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
