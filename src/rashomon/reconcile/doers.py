"""Who did it, on whose word: the doers, accusations, denials and doubts of one article's
incident reports (the groups reports.py builds), each an `Attribution` with its claimant and
offsets. A doer is what the report's attacks name as their source, or how the press names
one without a verb of its own ("Russian jets", "strikes by the coalition"), or whom a source
accuses; an outlet reporting, a place misread as an actor, and an armed group named beside an
air strike are not doers."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from rashomon.facts import Argument, ArticleFacts, Attribution, EventFact, Gazette, MentionFact
from rashomon.model import failed_attempt
from rashomon.reconcile.incident_kinds import IncidentKinds
from rashomon.reconcile.kinship import ActorRelations
from rashomon.reconcile.report_parts import (
    PRONOUNS,
    TOLD,
    Group,
    Sentence,
    Starting,
    is_country,
    named_claimant,
    place_mentions,
)
from rashomon.reconcile.sayings import (
    ABOUT_IT,
    HABITUAL,
    INTENT_WORDS,
    SPREADING,
    Saying,
    claimant_at,
    sayings,
)

_NOT_ACTORS = frozenset({"media"})  # outlets report; they do not strike (see `acting`)


def doers_of(
    group: Group,
    doing: Sequence[EventFact],
    kind: str,
    kinds: IncidentKinds,
    facts: ArticleFacts,
    gazette: Gazette,
    stances: Sequence[EventFact] = (),
) -> tuple[Attribution, ...]:
    """Who one report says did it: the doers of its (violent) acts `doing` and of the
    press's doer phrases in its sentences, less a party named only for another deed, then
    those its accusations name; an armed group never flies the air strike it is named
    beside."""
    return tuple(
        _as_alternative(a, facts.body) for a in _unique(*_by_name(gazette,
            *_of_its_kind(
                _perpetrators(doing, facts, gazette, [(s.start, s.end) for s in group.sentences]),
                doing, kind, kinds, gazette,
            ),
            *_accused(stances, facts, gazette, kinds),
            *_charged_before(stances, facts, gazette),
        ))
        if (not _from_the_air(kind, a, group.sentences) or _flies(a.actor_id, gazette))
        and not _in_open_question(a, facts.body)
        and not _NAMES_IT.match(facts.body, a.end)
        and not _charged_self(a, facts.body)
    )  # fmt: skip


# "the Israel army's accusations that it was responsible": what an accusation says "it" did
_CHARGE_THAT = re.compile(
    r"\b(?:accus\w*|allegations?|blam\w*|charges?)\s+(?:that\s+)?$", re.IGNORECASE
)
_THIRD_PERSON = frozenset({"it", "they", "he", "she"})


def _charged_self(doer: Attribution, body: str) -> bool:
    """Whether a pronoun the resolver took for the accuser itself is the one its
    accusation charges: no one accuses itself, so "it" is someone else, left unnamed."""
    if doer.start is None or doer.text.lower() not in _THIRD_PERSON:
        return False
    if not doer.actor_id or doer.actor_id != doer.claimant_actor_id:
        return False
    return _CHARGE_THAT.search(body[max(0, doer.start - 40) : doer.start]) is not None


# "either Russian or Syrian military jets", "carried out by Syrian or Russian jets": a
# doer named as one of two or more alternatives joined by "or"
_EITHER_BEFORE = re.compile(r"(?:\beither\s+)?(?:\b[\w'-]+\s+)?\bor\s+(?:the\s+)?$", re.IGNORECASE)
_EITHER_JUST_BEFORE = re.compile(r"\beither\s+(?:the\s+)?$", re.IGNORECASE)
_OR_NEXT = re.compile(r"^\s+or\s+(?:the\s+)?[\w'-]+", re.IGNORECASE)
ALTERNATIVES = re.compile(r"\sor\s", re.IGNORECASE)


def _as_alternative(doer: Attribution, body: str) -> Attribution:
    """A doer named as one of alternatives, with the words that offer the others ("Syrian
    or Russian"): the report still names it as a possible doer (and accuses it, should it
    deny), but disputes no report that names a party it offers (see disputes._offered,
    which reads ALTERNATIVES in its words)."""
    if doer.start is None or doer.end is None or ALTERNATIVES.search(doer.text):
        return doer
    before = _EITHER_BEFORE.search(body[max(0, doer.start - 30) : doer.start])
    if before is not None:
        return replace(doer, text=f"{before.group(0)}{doer.text}")
    after = _OR_NEXT.match(body[doer.end : doer.end + 30])
    if after is not None:
        return replace(doer, text=f"{doer.text}{after.group(0)}")
    if _EITHER_JUST_BEFORE.search(body[max(0, doer.start - 12) : doer.start]):
        return replace(doer, text=f"either {doer.text} or another")
    return doer


# "Hamas called the hospital blast 'a horrific massacre'", "which the opposition has
# described as a massacre", "the ministry condemned the attack": who names or condemns the
# deed speaks of it; the noun it uses for the deed has it as no doer
_NAMES_IT = re.compile(
    r"\s+(?:(?:has|have|had)\s+)?(?:called|calls|described|describes|branded|brands|"
    r"labell?ed|labels|termed|terms|denounced|denounces|condemned|condemns|decried|decries)\b",
    re.IGNORECASE,
)


# "it is still unclear whether the hospital was hit by an Israeli Air Force strike or a
# failed Hamas launch": the doers the question weighs are named by no one
_OPEN_QUESTION = re.compile(
    r"\b(?:unclear|not (?:immediately |yet )?(?:clear|known)|unknown|uncertain|undetermined|"
    r"(?:could ?n[o'’]?t|can ?n[o'’]?t|cannot|unable to)\s+(?:\w+\s+)?(?:determine|say|"
    r"confirm|verify|establish))\s+(?:whether|if)\b(?P<weighed>[^.;]*)$",
    re.IGNORECASE,
)
_OR_AFTER = re.compile(r"^[^.;]*?\bor\b", re.IGNORECASE)
_OR = re.compile(r"\bor\b", re.IGNORECASE)


# "the blast that the Hamas claims killed 500": a parse that made a claim the subject of
# the deed; a claim, report or figure does nothing, whoever's it is
_A_CLAIM = re.compile(
    r"\b(?:claims|reports|figures|statements?|allegations?|accounts?|estimates?)$", re.IGNORECASE
)


def _in_open_question(doer: Attribution, body: str) -> bool:
    """Whether a doer is one of the alternatives a doubt weighs ("unclear whether X or
    Y"), within its sentence."""
    question = _OPEN_QUESTION.search(body[max(0, doer.start - 200) : doer.start])
    if question is None:
        return False
    after = body[doer.end : doer.end + 200]
    return _OR.search(question.group("weighed")) is not None or _OR_AFTER.match(after) is not None


# "Moscow denied Kiev's allegations that ...", "responding to claims by Ukraine that ...",
# "rejected accusations from the UN that ...": the claim a denial answers, and whose it is
_CLAIM_OF = re.compile(
    r"\b(?:claims?|allegations?|accusations?|charges?|assertions?)\s+(?:made\s+)?(?:by|from)\s+"
    r"(?P<after>(?:the\s+)?[A-Z][^,.;:]{1,60}?)\s+that\b"
    r"|(?P<before>\b[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3})['\u2019]s?\s+"
    r"(?:claims?|allegations?|accusations?|charges?|assertions?)\s+that\b"
)


def claims_answered(denials: Sequence[Attribution], facts: ArticleFacts) -> list[Attribution]:
    """The charge a denial answers, in the denial's own sentence, on the word of who made
    it: "Moscow denied Kiev's allegations that Russian forces carried out a raid" has Kiev
    say the denier did it, and "responding to claims by Ukraine that an airstrike destroyed
    a theater, the ministry said ..." has Ukraine say so. The accused is the denier; the
    claimant is the one organisation, state or person named in the claim's owner."""
    found = []
    for denial in denials:
        sentence = _sentence_of(denial, facts)
        if denial.actor_id is None or sentence is None:
            continue
        for claim in _CLAIM_OF.finditer(facts.body, *sentence):
            who = "after" if claim.group("after") else "before"
            start, end = claim.span(who)
            owners = [
                m for m in facts.mentions
                if start <= m.start and m.end <= end and m.actor_id and m.field == "body"
                and m.actor_id != denial.actor_id
            ]  # fmt: skip
            if len({m.actor_id for m in owners}) != 1:
                continue
            owner = owners[0]
            found.append(
                Attribution(
                    denial.actor_id,
                    facts.body[claim.start() : claim.end()],
                    owner.text,
                    owner.actor_id,
                    claim.start(),
                    claim.end(),
                )
            )
    return _unique(*found)


def _sentence_of(said: Attribution, facts: ArticleFacts) -> tuple[int, int] | None:
    """The sentence an attribution's words stand in, as the findings around them give it."""
    if said.start is None:
        return None
    return next(
        ((f.sentence_start, f.sentence_end) for f in (*facts.mentions, *facts.events)
         if f.sentence_start <= said.start < f.sentence_end),
        None,
    )  # fmt: skip


def deniers_of(
    events: Sequence[EventFact],
    facts: ArticleFacts,
    gazette: Gazette,
    doubts: Sequence[Attribution] = (),
    stances: Sequence[EventFact] = (),
) -> tuple[Attribution, ...]:
    """Who one report says did not do it: doers its events tell as not acting, and those
    who deny it on their own word."""
    return tuple(_unique(*_by_name(gazette, *_denials(events, facts, gazette, doubts),
                                   *_deniers(stances, facts, gazette))))  # fmt: skip


# a sentence that denies or negates anything owns nothing outright
_GAINSAID = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|reject\w*|dismiss\w*|refut\w*|not|never|no|nothing|"
    r"n[o']t|fake|false|alleged\w*)\b",
    re.IGNORECASE,
)


def denying_a_detail(
    denials: Sequence[Attribution],
    events: Sequence[EventFact],
    facts: ArticleFacts,
    gazette: Gazette,
) -> tuple[Attribution, ...]:
    """The denials of a report less those of a party that owns the act in another of its
    sentences, on its own word: an attack it is told as doing, outright, by its own
    speaker ("the ministry said its missile strike hit a meeting of officers ... it denied
    targeting civilians", "... denied that the concert hall was in use"). Such a party
    denies a detail of what it did (its target, its victims, its intent), not that it did
    it."""
    relations = ActorRelations.of(gazette)

    def party(actor_id: str | None) -> str | None:
        chain = relations.ancestors(actor_id) if actor_id else []
        return chain[-1] if chain else actor_id

    def owns(event: EventFact, denial: Attribution) -> bool:
        if event.type != "ASSAULT" or event.factuality != "asserted" or denial.start is None:
            return False
        if event.sentence_start <= denial.start < event.sentence_end:
            return False  # "denied its planes were responsible": the denial itself
        if _GAINSAID.search(event.sentence):
            return False  # "denied reports that it was responsible for an air strike"
        own = party(denial.actor_id)
        if not any(party(a.actor_id) == own for a in event.sources if a.actor_id):
            return False
        return party(_claimant(event, facts)[1]) == own

    return tuple(d for d in denials if not any(owns(e, d) for e in events))


def _by_name(gazette: Gazette, *attributions: Attribution) -> list[Attribution]:
    """Claimants named by a pronoun ("he said", "it denied") by their actor's name; one
    no actor stands behind is nobody: the outlet speaks."""
    named = []
    for a in attributions:
        name = named_claimant(a.claimant, a.claimant_actor_id, gazette)
        if name != a.claimant:
            a = replace(a, claimant=name, claimant_actor_id=a.claimant_actor_id if name else None)
        named.append(a)
    return named


def acting(actor_id: str, event: EventFact, facts: ArticleFacts, gazette: Gazette) -> bool:
    """An actor slot holds a doer or a victim, never an outlet reporting it (unless the
    outlet is what the text names acting) or a place misread as an actor."""
    actor = gazette.actors.get(actor_id)
    if actor is None:
        return False
    if actor.kind in _NOT_ACTORS:
        return False
    spans = [(a.start, a.end) for a in (*event.sources, *event.targets) if a.actor_id == actor_id]
    places = place_mentions(facts.mentions)
    # a place that is the argument's head ("Aleppo" read as an actor) is no actor; a place
    # inside it is a modifier ("the US-led coalition", "nine US cruise missiles")
    return not any(
        m.start < end <= m.end and not _state_striking(m, end, actor_id, event, facts, gazette)
        for start, end in spans for m in places
    )  # fmt: skip


_STATE_KINDS = frozenset({"state", "government"})


def _state_striking(
    place: MentionFact,
    end: int,
    actor_id: str,
    event: EventFact,
    facts: ArticleFacts,
    gazette: Gazette,
) -> bool:
    """A country's name set right before a strike's own noun, or before the means and that
    noun, names the state that struck ("U.S. raids", "Turkish shelling", "the US missile
    strike"), not where it was: a town's name there ("Aleppo strikes") is the place, and a
    country's name elsewhere in the clause is as often a place ("strikes in Syria") or a
    target. Only a doer's slot is read so."""
    actor = gazette.actors.get(actor_id)
    return (
        actor is not None and actor.kind in _STATE_KINDS
        and any(a.end == end and a.actor_id == actor_id for a in event.sources)
        and is_country(place.place_id, gazette)
        and end <= event.start and _MEANS_BETWEEN.fullmatch(facts.body[end : event.start])
        is not None
    )  # fmt: skip


# nothing, or a strike's means in lower case, between a state's name and the strike's noun
_MEANS_BETWEEN = re.compile(
    r"\s*(?:(?:missile|rocket|drone|air|cruise|artillery|mortar|tank|"
    r"naval|ballistic|military|airforce)\s+){0,2}"
)


AERIAL = "aerial"
_AIR_ARMS = frozenset({"state", "government", "military"})
# Words that put aircraft in a report ("bombing" alone does not: a car or a bus is bombed)
_AIRCRAFT = re.compile(
    r"\b(?:jets?|warplanes?|planes?|aircraft|helicopters?|air ?strikes?|air ?raids?|"
    r"air ?force|sorties|barrel bombs?|drones?)\b",
    re.IGNORECASE,
)


def _from_the_air(kind: str | None, doer: Attribution, sentences: Sequence[Sentence]) -> bool:
    """Whether the sentence that names the doer tells of an attack from the air."""
    return kind == AERIAL and any(
        s.start <= doer.start < s.end and _AIRCRAFT.search(s.text) for s in sentences
    )


def _flies(actor_id: str | None, gazette: Gazette) -> bool:
    """Whether an actor (or what it serves) has aircraft: a state, its government or an
    army. An armed group named beside an air strike is its target, not its doer ("Russian
    jets bombed IS positions"); the FA-KES reports that named one as an air strike's doer
    were all misreads."""
    if not actor_id or actor_id not in gazette.actors:
        return False
    chain = [actor_id, *ActorRelations.of(gazette).ancestors(actor_id)]
    return any(a in gazette.actors and gazette.actors[a].kind in _AIR_ARMS for a in chain)


def _perpetrators(
    events: Sequence[EventFact],
    facts: ArticleFacts,
    gazette: Gazette,
    sentences: Sequence[tuple[int, int]] = (),
) -> Iterable[Attribution]:
    """Who the report says did it: the doers of its attacks, then doers named the way the
    press names them without a verb of their own ("Russian jets", "regime helicopters",
    "air strikes by the US-led coalition", "Assad's air force")."""
    seen: set[str] = set()
    for event in events:
        if event.type != "ASSAULT" or event.factuality == "negated" or _told_of_old(event):
            continue
        for argument in event.sources:
            actor_id = argument.actor_id
            if not actor_id or actor_id in seen or not acting(actor_id, event, facts, gazette):
                continue
            if _A_CLAIM.search(argument.text):
                continue
            seen.add(actor_id)
            claimant, claimant_id = _claimant(event, facts)
            yield Attribution(actor_id, argument.text, claimant, claimant_id,
                              argument.start, argument.end)  # fmt: skip
    for mention in _doer_phrases(facts, gazette, sentences):
        if mention.actor_id and mention.actor_id not in seen:
            seen.add(mention.actor_id)
            claimant, claimant_id = claimant_at(mention.start, mention.sentence_start, facts)
            yield Attribution(mention.actor_id, mention.text, claimant, claimant_id,
                              mention.start, mention.end)  # fmt: skip


def _of_its_kind(
    doers: Iterable[Attribution],
    events: Sequence[EventFact],
    kind: str,
    kinds: IncidentKinds,
    gazette: Gazette,
) -> list[Attribution]:
    """The doers of a report that names two parties, less a party named only as the doer
    of acts of a kind more specific than the report's: "Russia bombed the market ... the
    crimes of the Assad regime's use of chemical weapons" recalls another deed beside an air
    strike, since a report is of the most specific kind its opening tells. A deed of a less
    specific kind (an air strike in a report opening on a gas attack) is as often the one
    the report tells as another; a report whose every party is named by deeds of a more
    specific kind keeps them all."""
    doers = list(doers)
    order = list(kinds.kinds)
    if len(doers) < 2 or kind not in order:
        return doers
    relations = ActorRelations.of(gazette)

    def party(actor_id: str | None) -> str | None:
        chain = relations.ancestors(actor_id) if actor_id else ()
        return chain[-1] if chain else actor_id

    def elsewhere(doer: Attribution) -> bool:
        """Named only as the doer of acts of a kind more specific than the report's."""
        named = [kinds.of_mode(e.mode) for e in events
                 if any(a.start == doer.start and a.actor_id == doer.actor_id
                        for a in e.sources)]  # fmt: skip
        return bool(named) and all(k in order and order.index(k) < order.index(kind) for k in named)

    own = {party(d.actor_id) for d in doers if not elsewhere(d)}
    if not own or len({party(d.actor_id) for d in doers}) < 2:
        return doers
    return [d for d in doers if party(d.actor_id) in own or not elsewhere(d)]


# The means a doer strikes with, named right after it ("Russian jets", "regime barrel
# bombs"), and the words that name the doer right after them ("strikes by the coalition",
# "carried out by the regime"; never "a truce mediated by Russia", "rebels backed by Turkey",
# "an announcement by France": on FA-KES such "by"s outnumbered the attacks' own).
# People ("IS fighters", "government troops") are not among the means: as often as not they
# are the victims of the strike.
_MEANS_AFTER = re.compile(
    r"^(?:'s|s')?\s*(?:-led\s+\w+\s+)?(?:war)?(?:jets?|planes?|warplanes?|aircraft|"
    r"helicopters?|drones?|air ?force|air ?strikes?|airstrikes?|raids?|bombers?|bombs?|"
    r"barrel bombs?|shelling|artillery|missiles?|rockets?|suicide bombers?)\b",
    re.IGNORECASE,
)
_BY_BEFORE = re.compile(
    r"\b(?:carried out|conducted|launched|led|fired|dropped|committed|perpetrated|killed|"
    r"wounded|injured|executed|targeted|hit|struck|shelled|bombed|destroyed|attacked|used|"
    r"caused|(?:air ?)?strikes?|airstrikes?|attacks?|raids?|bombings?|bombardments?|shelling|"
    r"offensives?|assaults?|massacres?|fire)\s+by\s+(?:the\s+)?[\"“‘']?$",
    re.IGNORECASE,
)
_DOER_KINDS = frozenset({"state", "government", "military", "armed group", "person",
                         "political group", "other"})  # fmt: skip


def _doer_phrases(
    facts: ArticleFacts, gazette: Gazette, sentences: Sequence[tuple[int, int]]
) -> list[MentionFact]:
    body = facts.body
    found = []
    mentions = Starting(m for m in facts.mentions if m.field == "body" and m.actor_id)
    struck = {(a.start, a.end) for e in facts.events if e.type == "ASSAULT" for a in e.targets}
    for m in (m for s, e in sentences for m in mentions.within(s, e)):
        actor = gazette.actors.get(m.actor_id)
        if actor is None or actor.kind not in _DOER_KINDS:
            continue
        if any(start <= m.start and m.end <= end for start, end in struck):
            continue  # "the airstrikes targeted Yemeni missile launchers": what was hit
        before = body[max(0, m.start - 40) : m.start]
        if _INTERCEPTED_BEFORE.search(before):
            continue  # "air defense forces working to intercept incoming Russian missiles"
        if _MEANS_AFTER.match(body[m.end : m.end + 40]) or _BY_BEFORE.search(before):
            found.append(m)
    return found


# What was intercepted or shot down is what the defence struck at: "shot by Ukrainian air
# defense forces working to intercept incoming Russian missiles" names who fired the
# interceptor, not the missiles' side, as the doer of the blast
_INTERCEPTED_BEFORE = re.compile(
    r"\b(?:intercept(?:ed|ing|s)?|shoot(?:ing)?\s+down|shot\s+down|down(?:ed|ing))"
    r"(?:\s+(?:the|a|an|incoming|several|two|three))*\s+$",
    re.IGNORECASE,
)


# Accusations and denials of a happening: "activists accused Assad's forces of the attack",
# "the army denied any involvement", "Russia denied carrying out any strikes". They often
# sit in sentences with no attack of their own, so they are read from their own events.
_DENYING = frozenset({"deny", "denied", "denies", "denying", "dismiss", "dismissed",
                      "dismisses", "rejected", "rejects", "refuted", "refutes"})  # fmt: skip
# A speaker who calls the reports of it untrue ("said the reports were 'completely
# incorrect'", "called the claims fake", "said its forces had nothing to do with it") denies
# it as well: the REJECT statements (extract/events/stance.py) whose word says so (the
# `untrue` words of data/event_verbs.yaml, and the "nothing" of "nothing to do with")
_CALLED_UNTRUE = frozenset({"false", "fake", "untrue", "incorrect", "inaccurate", "baseless",
                            "unfounded", "groundless", "lie", "lies", "fabricated",
                            "fabrication", "fabrications", "fiction", "forgery", "forged",
                            "hoax", "nothing", "nonsense", "provocation", "propaganda",
                            "disinformation", "misinformation", "slander"})  # fmt: skip


# "said it had nothing to do with it", "its forces had nothing to do with": the speaker's own
# side disowns it; "said the rebels had nothing to do with it" speaks for another party
_OWN_NOTHING = re.compile(
    r"\b(?:it|they|we|its|their|our)\b(?:\s+[\w-]+){0,2}?\s+(?:had|has|have)\s+(?:had\s+)?$",
    re.IGNORECASE,
)


def _called_untrue(event: EventFact) -> bool:
    """Whether a REJECT statement calls the reports of it untrue, or disowns it for the
    speaker's own side (see _CALLED_UNTRUE)."""
    word = event.trigger.lower()
    if word != "nothing":
        return word in _CALLED_UNTRUE
    start = event.start - event.sentence_start
    return _OWN_NOTHING.search(event.sentence[max(0, start - 60) : start]) is not None


# "the IDF has dismissed two officers", "dismissed the brigade commander": dismissing a
# person from a post denies nothing (a denial dismisses claims, reports, accusations)
_PERSON_DISMISSED = re.compile(
    r"^\s+(?:from\b|(?:(?:the|a|an|its|their|his|her|two|three|four|five|six|several|some|"
    r"\d+|senior|top|high-ranking|brigade|military|army|police|chief|deputy|defen[cs]e|"
    r"(?-i:[A-Z][\w.-]*))\s+){0,4}(?:officers?|commanders?|officials?|generals?|soldiers?|staff|"
    r"employees?|workers?|ministers?|chiefs?|heads?|governors?|directors?|personnel|"
    r"members?|colonels?|majors?|captains?|lieutenants?|spokes(?:man|men|woman|person)|"
    r"judges?|prosecutors?|mayors?|aides?|advisers?|advisors?|troops|pilots?)\b(?!\s*['’]))",
    re.IGNORECASE,
)


def denies(event: EventFact) -> bool:
    """Whether a REJECT statement denies what it is about: a denying word ("denied",
    "rejected") whose object is no person dismissed from a post, or words calling the
    reports untrue that are not what the speaker is said to spread."""
    if event.type != "REJECT":
        return False
    after = event.sentence[event.end - event.sentence_start :]
    before = event.sentence[: event.start - event.sentence_start]
    word = event.trigger.lower()
    if word in _DENYING:
        return not (word.startswith("dismiss") and _PERSON_DISMISSED.match(after))
    if event.frame is None or not _called_untrue(event):
        return False
    return SPREADING.search(before[-60:]) is None


def stances_by_report(
    facts: ArticleFacts, groups: Sequence[Group], lead: Group | None, kinds: IncidentKinds
) -> dict[int, list[EventFact]]:
    """The ACCUSE events and denials (REJECT "denied") of the article, by the report they
    are about: the report whose sentence they stand in, else the article's lead when their
    sentence speaks of an attack or of responsibility."""
    found: dict[int, list[EventFact]] = {}
    for event in facts.events:
        accusing = event.type == "ACCUSE" and event.factuality in TOLD
        denying = denies(event)
        if not (accusing or denying):
            continue
        home = next((g for g in groups if any(sn.start == event.sentence_start
                                               for sn in g.sentences)), None)  # fmt: skip
        if home is None and denying and _answers_the_one_before(event):
            home = _group_before(event.sentence_start, groups, facts.body)
        if (
            home is None
            and lead is not None
            and (
                ABOUT_IT.search(event.sentence)
                or kinds.in_text(event.sentence)
                or (denying and _THE_CHARGE.search(event.sentence) is not None)
            )
        ):
            home = lead
        if home is not None:
            found.setdefault(id(home), []).append(event)
    return found


# "Faylaq al-Rahman denied the allegation", "the army rejected the accusations": a denial of
# what was just said, by the sentence before it, which names no one it accuses but is the
# charge against the denier
_THE_CHARGE_WORDS = (
    r"(?:the|these|those|this|that|such)\s+(?:allegations?|accusations?|charges?|claims?)"
)
_THE_ONE_BEFORE = re.compile(rf"^\W*{_THE_CHARGE_WORDS}\s*[.;]?\s*$", re.IGNORECASE)


# "the Kremlin said these accusations were a provocation": a denial of the charge the
# article told, by its name alone, about the article's happening
_THE_CHARGE = re.compile(rf"\b{_THE_CHARGE_WORDS}\b", re.IGNORECASE)


def _answers_the_one_before(event: EventFact) -> bool:
    """Whether a denial denies only the charge the sentence before it made (see
    _THE_ONE_BEFORE): its words after the denying word are that charge's name, no more."""
    return _THE_ONE_BEFORE.match(event.sentence[event.end - event.sentence_start :]) is not None


def _group_before(start: int, groups: Sequence[Group], body: str) -> Group | None:
    """The group whose sentence ends right before `start` (nothing but spaces between)."""
    return next(
        (
            g
            for g in groups
            for sn in g.sentences
            if sn.end <= start and not body[sn.end : start].strip()
        ),
        None,
    )


def _charged_before(
    stances: Sequence[EventFact], facts: ArticleFacts, gazette: Gazette
) -> Iterable[Attribution]:
    """Deniers of the charge the sentence before their denial made ("Jaish al-Islam said
    its opponents had provoked the clashes. Faylaq al-Rahman denied the allegation."): the
    denier is who that sentence's speaker accuses, on the speaker's word, when the speaker
    is a known party other than the denier's."""
    relations = ActorRelations.of(gazette)
    for event in stances:
        if event.type != "REJECT" or not _answers_the_one_before(event):
            continue
        charge = next(
            (q for q in facts.quotes if q.sentence_end <= event.sentence_start
             and not facts.body[q.sentence_end : event.sentence_start].strip()
             and q.speaker_actor_id),
            None,
        )  # fmt: skip
        if charge is None or charge.speaker_actor_id is None:
            continue
        for source in event.sources:
            denier = source.actor_id
            if not denier or not acting(denier, event, facts, gazette):
                continue
            if relations.related(denier, charge.speaker_actor_id):
                continue
            yield Attribution(denier, source.text, charge.speaker, charge.speaker_actor_id,
                              charge.start, charge.end)  # fmt: skip


# "it was unclear who carried out the bombing", "not immediately clear whether the strikes
# had been carried out by Syrian warplanes or those of Russia", "could not determine whether
# Russia or the government was behind the attack": the doer is not known, on
# someone's word (whether a plane was shot down, or who the dead were, is another doubt)
_DOUBT = re.compile(
    r"\b(?:unclear|not (?:immediately |yet )?(?:clear|known)|unknown"
    r"|(?:could ?n[o'’]?t|can ?n[o'’]?t|cannot|unable to)\s+(?:immediately\s+|independently\s+)?"
    r"(?:determine|say|confirm|verify|establish|identify))\s+(?:who|whether|if|which)"
    r"\b[^.]{0,120}?\b(?:carried out|behind|responsible|by\s+(?:[\w-]+\s+){0,3}?"
    r"(?:(?:war)?planes|jets|aircraft|forces))\b",
    re.IGNORECASE,
)


def doubts_by_report(
    facts: ArticleFacts, groups: Sequence[Group], lead: Group | None
) -> dict[int, list[Attribution]]:
    """Those who say the doer is not known, by the report they speak of: the report whose
    sentence the doubt stands in, else the article's lead."""
    found: dict[int, list[Attribution]] = {}
    for match in _DOUBT.finditer(facts.body):
        at = match.start()
        home, sentence_start = next(
            ((g, sn.start) for g in groups for sn in g.sentences if sn.start <= at < sn.end),
            (lead, at),
        )
        if home is None:
            continue
        claimant, claimant_id = claimant_at(at, sentence_start, facts)
        found.setdefault(id(home), []).append(
            Attribution(None, match.group(0), claimant, claimant_id, match.start(), match.end())
        )
    return found


def sayings_by_report(
    facts: ArticleFacts,
    groups: Sequence[Group],
    lead: Group | None,
    gazette: Gazette,
    kinds: IncidentKinds,
) -> dict[int, list[Saying]]:
    """What named sources say of a happening (it never was, it was deliberate, a mistake),
    by the report it is about: the report (of `groups`) whose sentence it stands in, else
    the article's lead (it is often said beside another happening: "no signs of bombs,
    ... the offensive launched by ...")."""
    found: dict[int, list[Saying]] = {}
    for saying in sayings(facts, kinds, gazette):
        at = saying.said.start
        home = next((g for g in groups for sn in g.sentences if sn.start <= at < sn.end), lead)
        if home is not None:
            found.setdefault(id(home), []).append(saying)
    return found


# "in Yemen's Saada province", "across Syria": a name after a preposition of place says
# where, whatever the parse made of it
# a rejecting word right before the charge it rejects: "denied the accusations", "censured
# some 'without any evidence' accusations", "dismissed allegations"
_REJECTED_CHARGE = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|reject\w*|dismiss\w*|refut\w*|rebuff\w*|censur\w*|"
    r"condemn\w*|slam\w*)\b[^.;:]{0,40}$",
    re.IGNORECASE,
)
_PLACED = re.compile(
    r"\b(?:in|at|near|inside|across|throughout|outside)\s+(?:the\s+)?$", re.IGNORECASE
)


# "accused the rebels of using children as human shields", "accuses Hamas of hiding
# weapons in schools": the deed after "of" is named; when it is a doing and no attack of
# any kind (nor the deed's responsibility), the accused is charged with another deed
_CHARGED_WITH = re.compile(r"(?:\s+[\w'-]+){0,3}?\s+of\s+(\w+ing\b[^,;.:!?]*)", re.IGNORECASE)
_AN_ATTACK = re.compile(
    r"\b(?:attack\w*|strik\w*|struck|bomb\w*|shell\w*|kill\w*|target\w*|hit\w*|fir\w*|"
    r"carr\w* out|responsib\w*|massacre\w*|destroy\w*|murder\w*)\b",
    re.IGNORECASE,
)


def _charged_with_another_deed(target_end: int, body: str, kinds: IncidentKinds) -> bool:
    """Whether the words after an accused party name a deed of another kind than an
    attack (see _CHARGED_WITH): "of carrying out the strike", "of bombing the market",
    "of using chemical weapons" (an attack kind's words) still accuse it of this one."""
    charge = _CHARGED_WITH.match(body, target_end, target_end + 160)
    if charge is None:
        return False
    deed = charge.group(1)
    return not (_AN_ATTACK.search(deed) or kinds.in_text(deed))


# "the attack, which the regime blamed on the rebels": the accuser of a relative clause
# stands between its "which" and the accusing word, however the parse hung it
_WHICH_THEN = re.compile(r"\b(?:which|that)\s+$", re.IGNORECASE)


def _relative_subject(event: EventFact, facts: ArticleFacts) -> Argument | None:
    """The known actor named right between a relative "which" (or "that") and the
    accusing word, as the accuser (see _WHICH_THEN)."""
    for mention in facts.mentions:
        if not mention.actor_id or mention.field != "body":
            continue
        if not (event.sentence_start <= mention.start and mention.end <= event.start):
            continue
        if facts.body[mention.end : event.start].strip():
            continue  # nothing but spaces between the accuser and its word
        if _WHICH_THEN.search(facts.body[max(0, mention.start - 12) : mention.start]):
            return Argument(mention.start, mention.end, mention.text, mention.actor_id)
    return None


def _accused(
    stances: Sequence[EventFact], facts: ArticleFacts, gazette: Gazette, kinds: IncidentKinds
) -> Iterable[Attribution]:
    """Those accused of it, on the accuser's word; not those charged with another deed."""
    for event in stances:
        if event.type != "ACCUSE" or _told_of_old(event):
            continue
        accuser = next((a for a in event.sources if _an_agent(a)), None) or _relative_subject(
            event, facts
        )
        if accuser is None and _REJECTED_CHARGE.search(
            facts.body[max(event.sentence_start, event.start - 60) : event.start]
        ):
            continue  # "censured some accusations against the Damascus government": the
            # charge the speaker rejects, made by no one named, is no one's word on the doer
        for target in event.targets:
            if _PLACED.search(facts.body[max(0, target.start - 20) : target.start]):
                continue  # "condemns the attacks ... in Yemen's Saada province": a place
            if _charged_with_another_deed(target.end, facts.body, kinds):
                continue
            if _accuser_itself(target, accuser, facts):
                continue  # "a spokesman for the city council ... accused it of": not the council
            if target.actor_id and acting(target.actor_id, event, facts, gazette):
                claimant, claimant_id = _claimant(event, facts)
                if accuser is not None:
                    claimant = gazette.actor_name(accuser.actor_id) or accuser.text
                    claimant_id = accuser.actor_id
                yield Attribution(target.actor_id, target.text, claimant, claimant_id,
                                  target.start, target.end)  # fmt: skip


def _accuser_itself(target: Argument, accuser: Argument | None, facts: ArticleFacts) -> bool:
    """Whether an accused pronoun was resolved to the accuser's own body ("A spokesman for
    the city council branded Russia a terrorist state and accused it of targeting innocent
    people"): no one accuses itself, so the pronoun is someone else, left unnamed."""
    if accuser is None or target.text.lower() not in PRONOUNS or target.actor_id is None:
        return False
    own = {accuser.actor_id} | {
        m.actor_id for m in facts.mentions
        if m.field == "body" and (
            accuser.start <= m.start and m.end <= accuser.end  # the accuser's own words
            or _SPEAKS_FOR.fullmatch(facts.body, accuser.end, m.start) is not None
        )  # or whom it speaks for, right after them: "A spokesman for the city council"
    }  # fmt: skip
    return target.actor_id in own


# between a speaker and whom it speaks for: "A spokesman for the city council", "an
# official of the ministry"
_SPEAKS_FOR = re.compile(r"\s+(?:for|of|from|at)\s+(?:the\s+)?")


# a quoted phrase or a count the parse made the subject ("the office claims '210 martyrs'
# were killed ... and accuses the IDF"): no one who accuses
_NO_AGENT = re.compile(r"^\W*[\"“‘«]|\d")


def _an_agent(argument: Argument) -> bool:
    return bool(argument.actor_id) or _NO_AGENT.search(argument.text) is None


def _deniers(
    stances: Sequence[EventFact], facts: ArticleFacts, gazette: Gazette
) -> Iterable[Attribution]:
    """Those who deny it, on their own word."""
    for event in stances:
        if event.type != "REJECT" or _intent_only(event) or _owned_before(event):
            continue
        if _habitual(event) or _of_a_kind(event) or _denies_old(event) or _of_victims(event):
            continue
        for source in event.sources:
            if source.actor_id and acting(source.actor_id, event, facts, gazette):
                name = gazette.actor_name(source.actor_id) or source.text
                yield Attribution(source.actor_id, source.text, name, source.actor_id,
                                  source.start, source.end)  # fmt: skip
        if not any(s.actor_id for s in event.sources):
            # "a spokesman for Hamas has said this is 'completely incorrect'": the subject
            # names no party, the quote's speaker does
            claimant, claimant_id = _claimant(event, facts)
            if claimant_id and acting(claimant_id, event, facts, gazette):
                name = gazette.actor_name(claimant_id) or claimant or ""
                yield Attribution(claimant_id, claimant or name, name, claimant_id,
                                  event.start, event.end)  # fmt: skip


# "denied deliberately targeting a mosque", "denied that it had intentionally hit": the
# denial is of the intent, and the act itself is often owned in the same breath ("said it
# carried out an air strike ... but denied deliberately targeting a mosque")
_INTENT_DENIED = re.compile(
    r"^\W*(?:(?:that|it|they|he|she|had|has|have|was|were|been|\w+ed)\s+){0,4}"
    rf"(?:{INTENT_WORDS}|knowingly)\b",
    re.IGNORECASE,
)
_INTENT_BEFORE = re.compile(rf"\b(?:{INTENT_WORDS}|knowingly)\s+$", re.IGNORECASE)


# "claimed responsibility for the military action, but denied to have hit the mosque",
# "said it carried out an air strike ... but denied ...": the act is owned before the
# denial, which denies a detail of it (the target, the toll), not that it was done
_OWNED_BEFORE = re.compile(
    r"\b(?:claimed responsibility|took responsibility|(?:said|says|confirmed|acknowledged|"
    r"admitted)\s+(?:that\s+)?(?:it|they|its \w+)\s+(?:had\s+)?(?:carried out|conducted|"
    r"launched|struck|targeted|hit|bombed))\b",
    re.IGNORECASE,
)


_HABITUAL_REACH = 40  # characters either side of the denial (see `_habitual`)


# "have used chemical weapons in the past", "has previously accused the rebels": deeds and
# accusations of before, told beside this happening; they name no doer of it
_OF_OLD = re.compile(r"\b(?:in the past|previously|repeatedly)\b", re.IGNORECASE)


def _told_of_old(event: EventFact) -> bool:
    """Whether an attack or an accusation is told as one of before (see _OF_OLD), by the
    words around it (the reach of `_habitual`)."""
    start, end = event.start - event.sentence_start, event.end - event.sentence_start
    near = event.sentence[max(0, start - 2 * _HABITUAL_REACH) : end + _HABITUAL_REACH]
    return _OF_OLD.search(near) is not None


_WHICH_BEFORE = re.compile(r"\b(?:which|that)\s+(?:[\w'-]+\s+){0,3}$", re.IGNORECASE)


def _denies_old(event: EventFact) -> bool:
    """A denial in a clause on what its sentence tells of before ("accused ... in the
    past of using them, which the rebels deny"): it denies that old charge."""
    start = event.start - event.sentence_start
    before = event.sentence[:start]
    which = _WHICH_BEFORE.search(before)
    return which is not None and _OF_OLD.search(before[: which.start()]) is not None


def _habitual(event: EventFact) -> bool:
    """Whether a denial is a standing one (see sayings.HABITUAL), by the words around it. An act
    told as not done is often a clause below the denying verb ("previously denied a report
    it had carried out a strike"): its reach back is twice as long."""
    start, end = event.start - event.sentence_start, event.end - event.sentence_start
    back = _HABITUAL_REACH * (2 if event.type != "REJECT" else 1)
    near = event.sentence[max(0, start - back) : end + _HABITUAL_REACH]
    return HABITUAL.search(near) is not None


# "denied using chemical weapons", "denies targeting civilians", "would never use poison gas
# against Syrians": a denial of a kind of act, not of one happening; it names no attack, nor
# an accusation or report of one ("denied carrying out the attack", "denied any
# involvement", "denied the accusations" deny this one)
_KIND_OF_ACT = re.compile(
    r"^\s*(?:ever\s+|having\s+)?[a-z]+ing\b"
    r"(?!\s+(?:out|the|this|that|these|those|its|their|his|her|any|a|an)\b)",
    re.IGNORECASE,
)
_THIS_ONE = re.compile(
    r"\b(?:attacks?|strikes?|air ?strikes?|raids?|bombings?|shelling|massacre|incident|"
    r"assault|accusations?|allegations?|reports?|claims?|charges?|responsibility|"
    r"involvement|it|them)\b",
    re.IGNORECASE,
)
_WOULD_NEVER = re.compile(r"\b(?:would|will|could|does|do)\s+never\b", re.IGNORECASE)
_DENIED_JUST_BEFORE = re.compile(r"\b(?:den(?:y|ies|ied|ying))\s+(?:ever\s+)?$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;:.]|\s(?:but|and|while|as|because)\s", re.IGNORECASE)


def _of_a_kind(event: EventFact) -> bool:
    """Whether a denial denies a kind of act rather than this happening (see _KIND_OF_ACT):
    its clause after the denying word is a bare gerund's object naming no attack, or it
    says the party "would never" do such a thing."""
    start, end = event.start - event.sentence_start, event.end - event.sentence_start
    if _WOULD_NEVER.search(event.sentence[max(0, start - 20) : end]):
        return True
    if event.type == "REJECT":
        after = event.sentence[end:]
    else:  # the act a denial negates: "denied using chemical weapons" read from "using"
        before = _DENIED_JUST_BEFORE.search(event.sentence[max(0, start - 30) : start])
        if before is None:
            return False
        after = event.sentence[start:]
    clause = after[: m.start()] if (m := _CLAUSE_END.search(after)) else after
    return _KIND_OF_ACT.match(clause) is not None and _THIS_ONE.search(clause) is None


# "denied that any civilians were killed", "denied targeting civilian buildings", "denies
# civilian casualties": what a denial says of who or what was hit (civilians, their homes)
# denies the toll or the target's nature, not the doing ("denied carrying out the strike
# that killed civilians" still denies it)
_CIVILIANS = re.compile(r"\bcivilians?\b", re.IGNORECASE)
_THE_DOING = re.compile(
    r"\b(?:carr(?:y|ies|ied|ying) out|responsib\w*|involvement|behind|conduct\w*|launch\w*)\b",
    re.IGNORECASE,
)


_HARM = re.compile(r"(?:kill|die|dead|death|casualt|wound|injur|hurt|harm)", re.IGNORECASE)


def _of_victims(event: EventFact) -> bool:
    """Whether a denial is of who or what was hit (see _CIVILIANS): the words from the
    denying word (or from the denied harm: "no civilians were killed") to the end of its
    clause name civilians and no doing of the act itself, or an act told as not done has
    civilians for its every target ("denied it had targeted any civilians")."""
    end = event.end - event.sentence_start
    targets = event.targets if event.type != "REJECT" else ()
    if targets and all(_CIVILIANS.search(t.text) for t in targets):
        return True  # "denied it had targeted any civilians": who was hit
    if event.type != "REJECT" and not _HARM.match(event.trigger):
        return False  # "did not strike the market, where civilians shop": the act denied
    # from the denying word on; a denied harm's clause from its sentence's start ("denied
    # that any civilians were killed")
    after = event.sentence[end:] if event.type == "REJECT" else event.sentence
    clause = re.split(r"[;:.]|,\s+(?:saying|adding|but|and)\b", after, maxsplit=1)[0]
    return _CIVILIANS.search(clause) is not None and _THE_DOING.search(clause) is None


# "denied that the camp was crowded, saying it hit a tunnel complex", "..., adding that its
# jets had struck a depot": the act is owned right after the denial, which denies a detail
# ("saying it had carried out no air strikes there" owns none)
_OWNED_AFTER = re.compile(
    r",\s*(?:saying|adding|insisting|explaining|and said)\s+(?:that\s+)?(?:it|they|its \w+)\s+"
    r"(?:had\s+|has\s+|have\s+)?(?:only\s+)?(?:carried out|conducted|launched|struck|targeted|"
    r"hit|bombed|attacked|was targeting|were targeting)\b(?!\s+(?:no|none|nothing)\b)",
    re.IGNORECASE,
)


def _owned_before(event: EventFact) -> bool:
    """Whether the sentence owns the act before it denies (see _OWNED_BEFORE), or right
    after, in the denier's own next words (see _OWNED_AFTER)."""
    start, end = event.start - event.sentence_start, event.end - event.sentence_start
    return (
        _OWNED_BEFORE.search(event.sentence[:start]) is not None
        or _OWNED_AFTER.search(event.sentence[end:]) is not None
        # the owning words themselves, read as negated by the denial before them
        or _OWNED_AFTER.search(event.sentence[:end]) is not None
    )


def _intent_only(event: EventFact) -> bool:
    """Whether a denial denies only that the act was meant (see _INTENT_DENIED), as a
    denial ("denied deliberately targeting") or as the act it negates ("deliberately
    targeting"): no denier of the act, but one side of an intent dispute (see sayings.py)."""
    start, end = event.start - event.sentence_start, event.end - event.sentence_start
    if _INTENT_BEFORE.search(event.sentence[max(0, start - 30) : start]) is not None:
        return True
    return _INTENT_DENIED.search(event.sentence[end:]) is not None


def _unique(*attributions: Attribution) -> list[Attribution]:
    """One attribution per actor and claimant (by actor id when the claimant resolves: "the
    Syrian Coalition" and "Syrian National Coalition" are one), first told first."""
    seen: set[tuple[str | None, str | None]] = set()
    found = []
    for a in attributions:
        key = (a.actor_id, a.claimant_actor_id or (a.claimant or "").lower())
        if key not in seen:
            seen.add(key)
            found.append(a)
    return found


def _denials(
    events: Sequence[EventFact],
    facts: ArticleFacts,
    gazette: Gazette,
    doubts: Sequence[Attribution] = (),
) -> Iterable[Attribution]:
    """Doers an event is told as not acting ("Russia did not strike the market"); a doubt
    ("could not determine whether Russia was behind it") denies no one. "The coalition
    denied a report it had carried out a strike": the "it" a speaker denies is the speaker,
    whoever a pronoun resolver made of it (and nobody when the speaker is not known)."""
    for event in events:
        if event.factuality != "negated" or any(
            event.sentence_start <= d.start < event.sentence_end for d in doubts
        ):
            continue
        if _intent_only(event) or _owned_before(event) or _habitual(event) or _of_a_kind(event):
            continue  # "denied deliberately targeting a mosque": not that it struck
        if failed_attempt(event.factuality, event.frame):
            continue  # "the strike had failed to kill its target": it struck
        if _of_victims(event):
            continue  # "denied that any civilians were killed": not that it struck
        for argument in event.sources:
            if _A_CLAIM.search(argument.text):
                continue
            claimant, claimant_id = _claimant(event, facts)
            actor_id = argument.actor_id
            if argument.text.lower() in PRONOUNS:
                actor_id = claimant_id
            if actor_id and acting(actor_id, event, facts, gazette):
                yield Attribution(actor_id, argument.text, claimant, claimant_id,
                                  argument.start, argument.end)  # fmt: skip


def _claimant(event: EventFact, facts: ArticleFacts) -> tuple[str | None, str | None]:
    """On whose word an event is told (see `_claimant_at`)."""
    return claimant_at(event.start, event.sentence_start, facts)
