"""Who did what to whom: PLOVER events from the dependency parse, with factuality, place, date.

Rules over the parsed Doc, no trained model, like the quote finder. The words that report
an event are data (`data/event_verbs.yaml`, loaded into an `EventLexicon`); each module
does one step:

- `triggers`: verbs, phrasal verbs ("turned down") and event nouns ("air strikes", "talks"),
  with the mode the word or its modifiers give;
- `arguments`: source and target from the parse (active, passive, control, coordination,
  owners of nouns), resolved to actors through the article's actor mentions;
- `attribution`: the doer of an act named by a noun through other words ("strikes carried
  out by X", "X was behind the attack", "accused X of the attack", "blamed it on X"), and
  denials ("X denied any involvement", "reports of the attack are false");
- `factuality`: negated, proposed, planned, demanded, hypothetical or alleged, from the
  trigger's own clause and the clauses that frame it; historical from the date;
- `location` and `where`: the place the parse attaches to the event;
- `timing`: the date expression attached to the event, else the publication date, coarser.

A reporting frame keeps both events: "X accused Y of bombing Z" gives ACCUSE (X, Y) and an
alleged ASSAULT (Y, Z). A denial is a negated ASSAULT whose source is the one who denies
doing it ("Russia denied its planes bombed the convoy"); an attack's source is never a
monitor, an outlet or an NGO, nor the victim or speaker of the clause that hosts it.
An event with no participant named is kept ("some 2,700 were killed
in the bombardment" still says an assault happened, where and when); a word that is only
an event among armed actors ("hit", "take", "leave") needs an armed or state actor, an armed
word ("troops", "jets"), or a mode to count.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from rashomon.extract.doc_text import doc_text
from rashomon.extract.events.arguments import ArgumentReader
from rashomon.extract.events.coding import main_event, plover_code, threat_mode
from rashomon.extract.events.factuality import factuality
from rashomon.extract.events.lexicon import EventLexicon, EventSense, packaged_lexicon
from rashomon.extract.events.perfidy import perfidy_charges
from rashomon.extract.events.reciprocal import mutual_accusations
from rashomon.extract.events.reported import (
    admitted,
    denied_means,
    quote_at,
    reported_stances,
)
from rashomon.extract.events.stance import Stance, StanceReader, in_passing
from rashomon.extract.events.timing import EventDates
from rashomon.extract.events.triggers import Trigger, find_triggers
from rashomon.extract.events.where import EventPlaces
from rashomon.extract.events.whose_means import owned_means
from rashomon.model import (
    ActorMention,
    DateMention,
    Event,
    EventArgument,
    PlaceMention,
    PublicationDate,
    Quote,
)

__all__ = [
    "EventLexicon",
    "EventSense",
    "Trigger",
    "find_events",
    "main_event",
    "packaged_lexicon",
    "plover_code",
]

_ARMED_KINDS = frozenset({"armed group", "military", "state", "government"})
_ARMED_WORDS = frozenset(
    [
        "troops",
        "forces",
        "army",
        "soldiers",
        "militants",
        "rebels",
        "fighters",
        "guerrillas",
        "gunmen",
        "militia",
        "militias",
        "police",
        "jets",
        "warplanes",
        "aircraft",
        "helicopters",
        # one of them, and the other aircraft that strike ("a warplane bombed", "coalition
        # planes killed", "a drone struck")
        "jet",
        "warplane",
        "helicopter",
        "plane",
        "planes",
        "drone",
        "drones",
        "bomber",
        "bombers",
        "gunship",
        "gunships",
        "insurgents",
        "jihadists",
        "tanks",
        "artillery",
    ]
)
_LENDS_SUBJECT = frozenset({"proposed", "planned"})
# Actors that report, count and document attacks, never carry them out: a pronoun or a
# clause that makes one the doer of an attack ("its bloodiest clashes", said the monitor)
# has been misread.
_OBSERVERS = frozenset({"media", "monitor", "ngo"})
_THREATENED = frozenset({"xcomp", "ccomp"})
_TOLD = frozenset({"asserted", "alleged"})
# Acts done to a territory or its rulers: one aimed at no one named is aimed at the place it
# is done in ("imposed a curfew in X", "withdrew troops from X", "threatened to resume
# attacks in X"). An attack or a protest in a town is not aimed at the town ("blocked roads
# in Damascus"), nor are talks or a deal made in Geneva aimed at Geneva.
_AIMED_AT_PLACE = frozenset(
    {"COERCE", "CONCEDE", "RETREAT", "MOBILIZE", "SANCTION", "AID", "THREATEN", "REQUEST",
     "ACCUSE", "REJECT"}
)  # fmt: skip
# What a protest's purpose clause can say it is against ("to protest X", "to demand that X").
_AGAINST = frozenset({"PROTEST", "ACCUSE", "REQUEST", "REJECT"})


def find_events(
    doc: Doc,
    *,
    mentions: Sequence[ActorMention] = (),
    places: Sequence[PlaceMention] = (),
    dates: Sequence[DateMention] = (),
    quotes: Sequence[Quote] = (),
    published: PublicationDate | None = None,
    lexicon: EventLexicon | None = None,
    kind_of: Callable[[str], str | None] = lambda _: None,
    affiliation_of: Callable[[str], str | None] = lambda _: None,
    place_actor: Callable[[PlaceMention], str | None] = lambda _: None,
) -> list[Event]:
    """Every event in the doc, in text order; see the module notes for what is kept."""
    lexicon = lexicon or packaged_lexicon()
    triggers = find_triggers(doc, lexicon)
    countries = _countries_as_actors(mentions, places, place_actor)
    reader = ArgumentReader(
        doc, mentions, quotes, lexicon, kind_of, affiliation_of, countries,
        [(p.start, p.end) for p in places],
    )  # fmt: skip
    denials = reader.attribution.denied_acts(triggers)  # "X denied any involvement"
    triggers = sorted([*triggers, *denials], key=lambda t: t.start)
    trigger_ids = {t.head.i for t in triggers}
    denial_ids = {t.head.i for t in denials}
    reader.know(triggers)
    direct = [
        (q.start, q.end, q.cue_start, q.cue_end)
        for q in quotes
        if q.kind == "direct" and q.cue_start is not None and q.cue_end is not None
    ]
    stances = {s.trigger.head.i: s for s in StanceReader(lexicon).read(doc, triggers, direct)}
    # "dismissed the reports as propaganda", "condemned the strike as a crime": a scorning
    # verb that names what it scorns already says as much as the name it gives
    own = {t.head.i: t.sense.type for t in triggers}
    naming = lexicon.words("naming")
    stances = {
        i: s for i, s in stances.items()
        if own.get(s.speaker_verb.i) != s.trigger.sense.type
        or s.speaker_verb.lemma_.lower() not in naming
    }  # fmt: skip
    triggers = sorted([*triggers, *(s.trigger for s in stances.values())], key=lambda t: t.start)
    acting = {(m.start, m.end) for m in mentions if m.kind == "metonym"}
    where = EventPlaces(doc, [p for p in places if (p.start, p.end) not in acting])
    when = EventDates(doc, dates, published, triggers)
    events: list[Event] = []
    heads: list[int] = []  # each kept event's head token
    cues = [(q.cue_start, q.cue_end) for q in quotes if q.cue_start is not None]
    for trigger in triggers:
        stance = stances.get(trigger.head.i)
        if stance is not None and trigger is stance.trigger:
            events.append(_stated(stance, reader, when))
            heads.append(trigger.head.i)
            continue
        trigger = _as_speech(trigger, cues)
        sources, targets, told, told_by = reader.read(trigger)
        fact, frame = factuality(trigger, lexicon, trigger_ids)
        if trigger.head.i in denial_ids:
            fact, frame = "negated", trigger.light_verb
        elif told is not None:  # "accused X of the attack", "X denied responsibility for it"
            fact, frame = told, told_by
        if trigger.sense.type == "ASSAULT":
            sources, fact, frame = _disowned(trigger, reader, sources, fact, frame)
            if fact == "negated" and not sources:
                sources = _denier(doc, trigger, quotes, reader, lexicon)
            sources = [s for s in sources if kind_of(s.actor_id or "") not in _OBSERVERS]
        if not sources and frame is not None and fact in _LENDS_SUBJECT and frame.pos_ == "VERB":
            sources = reader.subject_of(frame)  # "Russia has proposed ... a pause"
        place_id, place_from = where.for_trigger(trigger, [*sources, *targets])
        if not targets and place_from == "clause" and _aims_at_its_place(trigger):
            targets = _scene_as_target(where.scene(trigger, sources), place_actor)
        if not _worth_keeping(trigger, sources, targets, place_id, kind_of):
            continue
        day, precision, date_from = when.for_trigger(trigger)
        if fact == "asserted" and when.is_historical(day, date_from):
            fact, frame = "historical", None
        events.append(
            Event(
                start=trigger.start,
                end=trigger.end,
                trigger=trigger.text,
                type=trigger.sense.type,
                mode=trigger.mode,
                factuality=fact,
                frame=frame.text if frame is not None else None,
                sources=tuple(sources),
                targets=tuple(targets),
                place_id=place_id,
                place_from=place_from,
                date=day,
                date_precision=precision,
                date_from=date_from,
            )  # fmt: skip
        )
        heads.append(trigger.head.i)
    events = _threats_of_what(doc, _accused_doers(events, heads, stances), heads)
    lights = {t.head.i: t.light_verb for t in triggers if t.light_verb is not None}
    events = mutual_accusations(doc, _protested_what(doc, events, heads, lights))
    told = reported_stances(
        events, quotes, lambda offset: _sentence_bounds(doc, offset),
        lexicon.words("admitting"), kind_of, affiliation_of, _ARMED_WORDS, doc.text,
    )  # fmt: skip
    told += _quoted_statements(doc, [*events, *told], quotes, lexicon, when, kind_of, reader,
                               affiliation_of)  # fmt: skip
    return sorted(_no_self_accusation([*events, *told]), key=lambda e: e.start)


def _no_self_accusation(events: Sequence[Event]) -> list[Event]:
    """A speaker does not accuse itself by calling an attack a provocation: a target of an
    accusation that is its own source is a misread, not a confession (a concession says so)."""

    def who(a: EventArgument) -> object:  # the actor, else the words (unresolved)
        return a.actor_id or (a.start, a.end)

    found = []
    for event in events:
        own = {who(a) for a in event.sources}
        kept = tuple(a for a in event.targets if who(a) not in own)
        if event.type == "ACCUSE" and len(kept) < len(event.targets):
            event = replace(event, targets=kept)
        found.append(event)
    return found


def _quoted_statements(
    doc: Doc, events: Sequence[Event], quotes: Sequence[Quote], lexicon: EventLexicon,
    when: EventDates, kind_of: Callable[[str], str | None], reader: ArgumentReader,
    affiliation_of: Callable[[str], str | None],
) -> list[Event]:  # fmt: skip
    """What speakers say of an attack's means, that they were not there (a denial,
    reported.denied_means) or that they were another side's (an accusation, owned_means),
    and of a side's perfidy (an accusation, perfidy.perfidy_charges), where the sentence
    holds no statement of that kind already; dated as any statement is."""

    def speaker_of(quote: Quote) -> tuple[EventArgument, ...]:
        if quote.speaker is None or quote.speaker_start is None or quote.speaker_end is None:
            return ()  # no speaker, or a source that is no agent ("evidence suggests")
        if kind_of(quote.speaker_actor_id or "") in _OBSERVERS:
            return ()  # an outlet or monitor reports; it neither denies nor accuses
        return (EventArgument(quote.speaker_start, quote.speaker_end, quote.speaker or "",
                              quote.speaker_actor_id),)  # fmt: skip

    # means that did no attack ("there was no evidence that Russian jets struck the convoy"):
    # the doers of the attacks the text negates
    idle = [(a.start, a.end) for e in events if e.factuality == "negated" for a in e.sources]
    means = owned_means(doc, quotes, lexicon, speaker_of, reader.resolve, affiliation_of)
    owned = [e for e in means if not any(start <= e.start < end for start, end in idle)]
    said = [
        *denied_means(doc, quotes, lexicon, speaker_of),
        *owned,
        *perfidy_charges(doc, quotes, lexicon, speaker_of, reader.resolve, affiliation_of),
    ]
    coded = {(e.type, _sentence_bounds(doc, e.start)) for e in events}
    found = []
    for statement in sorted(said, key=lambda e: e.start):
        place = (statement.type, _sentence_bounds(doc, statement.start))
        if place in coded:
            continue
        coded.add(place)
        word = doc.char_span(statement.start, statement.end, alignment_mode="expand")
        if word is not None:
            sense = EventSense(statement.type)
            trigger = Trigger(word.root, statement.start, statement.end, sense, None)
            day, precision, date_from = when.for_trigger(trigger)
            statement = replace(statement, date=day, date_precision=precision,
                                date_from=date_from)  # fmt: skip
        found.append(statement)
    return found


def _sentence_bounds(doc: Doc, offset: int) -> tuple[int, int]:
    span = doc.char_span(offset, min(offset + 1, len(doc_text(doc))), alignment_mode="expand")
    if span is None:
        return offset, offset
    sent = span.sent
    return sent.start_char, sent.end_char


def _stated(stance: Stance, reader: ArgumentReader, when: EventDates) -> Event:
    """A speaker's statement of what an attack was: the speaker is its source, and the
    statement is as factual as the speaking (see stance.py)."""
    trigger = stance.trigger
    day, precision, date_from = when.for_trigger(trigger)
    return Event(
        start=trigger.start, end=trigger.end, trigger=trigger.text, type=trigger.sense.type,
        mode=None, factuality="asserted", frame=stance.speaker_verb.text,
        sources=tuple(_speaker_of(stance.speaker_verb, reader)),
        targets=tuple(reader.resolve(stance.accused)),
        place_id=None, place_from=None, date=day, date_precision=precision, date_from=date_from,
    )  # fmt: skip


def _speaker_of(word: Token, reader: ArgumentReader) -> list[EventArgument]:
    """Who says it: the subject of the speaking verb, or the owner of a statement noun ("the
    United States military's admission that it killed 10 people")."""
    if word.pos_ == "NOUN":  # "X's admission": its owner, however the parse tagged it
        return reader.resolve(
            [
                c
                for c in word.children
                if c.dep_ == "poss"
                or (c.dep_ == "nmod" and any(g.dep_ == "case" for g in c.children))
            ]
        )
    if in_passing(word) and (critic := reader.subject_of(word.head)):
        return critic  # "criticised the strike, calling it an outrage": the critic
    return reader.subject_of(word)


def _accused_doers(
    events: list[Event], heads: list[int], stances: dict[int, Stance]
) -> list[Event]:
    """An accusation about an attack ("believed the US airstrike was intentional") accuses
    whoever the attack's own event names as its doer."""
    at = dict(zip(heads, events, strict=True))
    found = []
    for head, event in zip(heads, events, strict=True):
        stance = stances.get(head)
        act = at.get(stance.act.i) if stance is not None and stance.act is not None else None
        if act is not None and not event.targets and event.type == "ACCUSE":
            event = replace(event, targets=act.sources)
        found.append(event)
    return found


def _denier(
    doc: Doc, trigger: Trigger, quotes: Sequence[Quote], reader: ArgumentReader,
    lexicon: EventLexicon,
) -> list[EventArgument]:  # fmt: skip
    """A negated attack with no doer named, told in someone's quote, is denied by the
    speaker for its own side ("'The Syrian aircraft could not have operated there, because
    the attack was conducted at night,' Lavrov said"), as a denied report is; a cue that
    admits ("confirmed the convoy was hit but gave no details on who carried out the
    attack") denies nothing."""
    quote = quote_at(quotes, trigger.start)
    if quote is None or quote.speaker_start is None or quote.speaker_end is None:
        return []
    if admitted(quote, lexicon.words("admitting")):
        return []
    speaker = doc.char_span(quote.speaker_start, quote.speaker_end, alignment_mode="expand")
    return reader.deniers([speaker.root]) if speaker is not None else []


def _disowned(
    trigger: Trigger,
    reader: ArgumentReader,
    sources: list[EventArgument],
    fact: str,
    frame: Token | None,
) -> tuple[list[EventArgument], str, Token | None]:
    """An attack told only in a report that someone denies or calls untrue is negated; with
    no doer named, the denier is the one who, by the denial, did not do it ("SANA said the
    reports on the use of chemical weapons are false")."""
    if fact not in _TOLD:
        return sources, fact, frame
    denied = reader.attribution.denied_report(trigger.head)
    if denied is None:
        return sources, fact, frame
    return sources or reader.deniers(denied.heads), "negated", denied.frame


def _threats_of_what(doc: Doc, events: list[Event], heads: list[int]) -> list[Event]:
    """A threat without a mode of its own takes it from the act threatened: the event whose
    trigger is the threat's clausal complement ("threatened to shell Iraqi towns")."""
    at = dict(zip(heads, events, strict=True))
    found = []
    for head, event in zip(heads, events, strict=True):
        if event.type == "THREATEN" and event.mode is None:
            acts = [at.get(c.i) for c in doc[head].children if c.dep_ in _THREATENED]
            mode = next((threat_mode(a.type, a.mode) for a in acts if a is not None), None)
            event = replace(event, mode=mode) if mode else event
        found.append(event)
    return found


def _protested_what(
    doc: Doc, events: list[Event], heads: list[int], lights: dict[int, Token]
) -> list[Event]:
    """A protest that names no one it is against is against whom its purpose clause names:
    "began a hunger strike to protest the President's decision" targets the President,
    as the protest, demand or accusation of that clause does."""
    at = dict(zip(heads, events, strict=True))
    found = []
    for head, event in zip(heads, events, strict=True):
        if event.type == "PROTEST" and not event.targets:
            words = [doc[head], *([lights[head]] if head in lights else [])]
            purposes = [
                at.get(c.i) for w in words for c in w.children
                if c.dep_ in ("advcl", "xcomp") and any(a.lower_ == "to" for a in c.children)
            ]  # fmt: skip
            lent = next((p.targets for p in purposes if p is not None and p.type in _AGAINST), ())
            event = replace(event, targets=lent) if lent else event
        found.append(event)
    return found


def _as_speech(trigger: Trigger, cues: Sequence[tuple[int, int | None]]) -> Trigger:
    """A word that reports speech when it is a quote's cue takes its speech type ("protested
    that ..." disapproves); anywhere else it keeps its own."""
    speech = trigger.sense.speech
    if speech is None or not any(
        start < trigger.end and trigger.start < (end or start + 1) for start, end in cues
    ):
        return trigger
    return replace(trigger, sense=replace(trigger.sense, type=speech, mode=None), mode=None)


def _countries_as_actors(
    mentions: Sequence[ActorMention],
    places: Sequence[PlaceMention],
    place_actor: Callable[[PlaceMention], str | None],
) -> list[ActorMention]:
    """Place mentions that can act ("experts from Russia"): PLOVER codes states as actors,
    so a country the actor resolver left as a place is a participant when the parse says so."""
    taken = {(m.start, m.end) for m in mentions if m.actor_id}  # not a bare place mention
    found = []
    for place in places:
        actor_id = place_actor(place) if (place.start, place.end) not in taken else None
        if actor_id is not None:
            found.append(
                ActorMention(place.start, place.end, place.text, "location", actor_id, "place")
            )
    return found


def _aims_at_its_place(trigger: Trigger) -> bool:
    """Whether the event, with no one named, is aimed at its place (`_AIMED_AT_PLACE`); a
    visit is aimed at whom it visits ("arrived in Amman on a visit")."""
    return trigger.sense.type in _AIMED_AT_PLACE or trigger.mode == "visit"


def _scene_as_target(
    scene: PlaceMention | None, place_actor: Callable[[PlaceMention], str | None]
) -> list[EventArgument]:
    """An act of power or of words aimed at no one named is aimed at the place it is done in,
    as PLOVER codes it ("lifted the curfew in X", "deployed troops in X", "rejected a call
    to deploy forces in X" target X; a country there is its state); the place stays the
    event's place as well."""
    if scene is None:
        return []
    return [EventArgument(scene.start, scene.end, scene.text, place_actor(scene))]


def _worth_keeping(
    trigger: Trigger,
    sources: Sequence[EventArgument],
    targets: Sequence[EventArgument],
    place_id: str | None,
    kind_of: Callable[[str], str | None],
) -> bool:
    if trigger.sense.military and trigger.mode == trigger.sense.mode:
        actors = [a.actor_id for a in (*sources, *targets) if a.actor_id]
        armed_words = any(
            w in _ARMED_WORDS for a in (*sources, *targets) for w in a.text.lower().split()
        )
        if not armed_words and not any(kind_of(a) in _ARMED_KINDS for a in actors):
            return False
    return True
