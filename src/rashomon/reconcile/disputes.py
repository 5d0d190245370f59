"""Disputes a fact-checker would sign: accounts of one thing that cannot all be true.

Kinds: numeric (an incident's toll, or one count outside incidents, that different sources
give incompatibly), perpetrator (sources name unrelated doers of one incident: "Russian
jets" against "the US-led coalition"), denial (an actor denies what another source says it
did, or a source says the happening never was), intent (one source says it was done on
purpose, another that it was a mistake), control (two sides hold more than the whole of a
place at the same time). Each side carries its value or claim, its claimant, the outlet,
the article, its date and the sentence, and the note names exactly which sides conflict. A
later, higher toll is an update over time (status "update"), not a dispute; one claimant
is never in dispute with itself. A dispute's id is a hash of what it is about and the
evidence on its sides, so it stays the same as long as the evidence does.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date

from rashomon.facts import (
    AlignedFigure,
    ArticleFact,
    ArticleFacts,
    Attribution,
    Dispute,
    DisputeSide,
    EventFact,
    FigureClaim,
    FigureFact,
    Gazette,
    Incident,
    IncidentReport,
    QuoteFact,
    day_range,
)
from rashomon.reconcile.contradictions import (
    Contradiction,
    control_conflicts,
    control_states,
    denials,
)
from rashomon.reconcile.doers import ALTERNATIVES
from rashomon.reconcile.figures import (
    agreeing,
    listed_with_another,
    measure_of,
    told_in_parts,
    victims_of,
)
from rashomon.reconcile.intervals import allowed, overlap, show
from rashomon.reconcile.kinship import ActorRelations
from rashomon.reconcile.report_parts import named_claimant
from rashomon.reconcile.reports import places_meet

# Who can be named as the doer of a strike: not an outlet, a monitor or an aid body.
_NOT_DOERS = frozenset({"media", "monitor", "ngo", "igo"})


def incident_disputes(
    incident: Incident,
    figures: Sequence[AlignedFigure],
    relations: ActorRelations,
    gazette: Gazette,
    articles: Mapping[str, ArticleFact],
    tolls: Mapping[tuple[str, int], FigureFact] | None = None,
) -> list[Dispute]:
    """Numeric, perpetrator, denial, intent and victims disputes (and updates) about one
    incident; `tolls` are the figures of its articles by (article, offset), read for the
    civilians they count (one count is enough to stand against a word that civilians were
    spared)."""
    found = [
        d for f in figures for d in numeric(f, incident.story_id, articles)
        if d.status != "update" or not _rise_told_of_everyone(f, figures)
    ]  # fmt: skip
    found += _perpetrator(incident, relations, gazette, articles)
    found += _folded(
        _denial(incident, relations, gazette, articles),
        _refuted(incident, relations, articles),
        relations,
    )
    found += _intent(incident, relations, articles)
    found += _spared(incident, tolls or {}, relations, gazette, articles)
    return found


def _steps(figure: AlignedFigure) -> set[float]:
    """The values of the claims of a figure's update."""
    involved = {i for c in figure.clashes if c.kind == "update" for i in (c.first, c.second)}
    return {
        figure.claims[i].figure.value for i in involved if figure.claims[i].figure.value is not None
    }


def _rise_told_of_everyone(figure: AlignedFigure, figures: Sequence[AlignedFigure]) -> bool:
    """A rise of a group's toll ("nine civilians", then "19 civilians") whose every step the
    rise of everyone's toll of the same measure also takes ("at least nine", "at least 19"):
    sources that label one count of the dead civilians, staff or people tell one rise, shown
    once, as the toll of everyone."""
    if figure.victims in (None, "people"):
        return False
    steps = _steps(figure)
    return len(steps) > 1 and any(
        other.victims == "people" and other.measure == figure.measure
        and steps <= _steps(other)
        for other in figures
    )  # fmt: skip


def story_disputes(
    story_id: str,
    facts: Sequence[ArticleFacts],
    figures: Sequence[AlignedFigure],
    relations: ActorRelations,
    gazette: Gazette,
) -> list[Dispute]:
    """Disputes about counts outside incidents, denials of acts other than attacks
    (rejections, agreements), and control of places, among one story's articles."""
    articles = {f.id: f.article for f in facts}
    quotes = [q for f in facts for q in f.quotes]
    events = [e for f in facts for e in f.events]
    found = [d for f in figures for d in numeric(f, story_id, articles)]
    others = [e for e in events if e.type != "ASSAULT"]
    states = control_states([n for f in facts for n in f.figures], events, articles, gazette)
    own = [c for c in denials(others, relations.related, gazette)
           if _doers_own_word(c.sides[-1][0], quotes, relations)]  # fmt: skip
    for contradiction in (*own, *control_conflicts(states, relations.related, gazette)):
        dispute = _contradiction(story_id, contradiction, articles, quotes, gazette)
        if dispute is not None:
            found.append(dispute)
    return found


def not_told_of_incidents(
    story_level: Sequence[Dispute], of_incidents: Sequence[Dispute]
) -> list[Dispute]:
    """Story-level numeric findings less those an incident's already holds: when every
    claim on its sides stands on the sides of one incident's numeric dispute or update
    ("two attackers" against "three of its fighters", told as the count of one bombing's
    attackers), it is that incident's, told once there, not again as a count of the story."""
    held = [
        {(s.article_id, s.start) for s in d.sides}
        for d in of_incidents if d.kind == "numeric" and d.incident_id
    ]  # fmt: skip
    return [
        d for d in story_level
        if d.kind != "numeric" or d.incident_id
        or not any({(s.article_id, s.start) for s in d.sides} <= keys for keys in held)
    ]  # fmt: skip


# -- numeric ---------------------------------------------------------------------------------


def numeric(
    figure: AlignedFigure, story_id: str | None, articles: Mapping[str, ArticleFact]
) -> list[Dispute]:
    """The dispute and the update an aligned figure holds (either, both or none): each has
    as sides the claims that clash that way (see figures._clashes), in their positions, and
    a note naming each clashing pair."""
    found = []
    for kind in ("dispute", "update"):
        pairs = [c for c in figure.clashes if c.kind == kind]
        if not pairs:
            continue
        involved = sorted({i for c in pairs for i in (c.first, c.second)})
        if kind == "dispute":
            involved = _backers(figure, involved)
        sides = tuple(_numeric_side(figure.claims[i]) for i in involved)
        if kind == "update":
            claims = [figure.claims[i] for i in involved]
            sides = _as_steps(sides, claims)
            order = _step_order(claims)
            steps = sorted(range(len(claims)), key=lambda n: order[_step(claims[n])])
            note = "the toll changed over time, not a contradiction: " + " then ".join(
                f"{_said(claims[n])} on {claims[n].date or 'an unsaid day'}" for n in steps
            )
        else:
            note = "cannot both be right, whatever their qualifiers allow: " + "; ".join(
                f"{_said(figure.claims[c.first])} against {_said(figure.claims[c.second])}"
                f" ({_apart(figure.claims[c.first].figure, figure.claims[c.second].figure)})"
                for c in pairs
            )
        found.append(Dispute(
            _id(story_id or figure.incident_id or "", f"numeric-{kind}", figure.subject, sides),
            story_id, "numeric", figure.subject, kind, sides, note,
            incident_id=figure.incident_id, measure=figure.measure,
        ))  # fmt: skip
    return found


def _apart(first: FigureFact, second: FigureFact) -> str:
    """ "26-28 against 52-58": what each side allows; when their leeways touch at the far
    edges ("62" and "about 80"), that neither allows the other's value; when each allows
    the other's (168 and 174, exact counts a sentence sets against each other), that the
    text tells them as rival counts."""
    a, b = _interval(first), _interval(second)
    shown = f"{show(a)} against {show(b)}"
    if agreeing(first, second):
        return f"{shown}, told against each other as rival counts"
    return f"{shown}, neither allows the other's value" if overlap(a, b) else shown


def _backers(figure: AlignedFigure, involved: list[int]) -> list[int]:
    """The clashing claims and the other claims that back them: a side of a dispute is every
    report whose value its position allows and the other sides' do not ("at least 17" from
    the Observatory, and the outlets that print 17 in their own voice), so a reader sees how
    much stands behind it, and so does a claim of the very number of a side's claims ("at
    least 1300" beside Sabra's 1300). A value both sides allow ("no more than 900" against
    300 and 900) backs neither."""
    clashing = [figure.claims[i] for i in involved]

    def backs(claim: FigureClaim) -> bool:
        others = [c for c in clashing if c.position != claim.position]
        if all(not agreeing(claim.figure, c.figure) for c in others):
            return True
        # "at least 1300" repeats the 1300 of its own position against 650, though a higher
        # floor elsewhere ("more than 1400") would allow it too
        value = claim.figure.value
        return (
            value is not None
            and any(c.figure.value == value for c in clashing if c.position == claim.position)
            and all(c.figure.value != value for c in others)
            and any(not agreeing(claim.figure, c.figure) for c in others)
        )

    positions = {c.position for c in clashing}
    return sorted(
        set(involved)
        | {i for i, c in enumerate(figure.claims)
           if c.position in positions and not told_in_parts(c.figure)
           and not listed_with_another(c.figure) and backs(c)}
    )  # fmt: skip


def _numeric_side(claim: FigureClaim) -> DisputeSide:
    return DisputeSide(
        value_or_claim=claim.figure.text, claimant=claim.figure.claimant or claim.outlet,
        claimant_actor_id=claim.figure.claimant_actor_id, outlet=claim.outlet,
        article_id=claim.figure.article_id, date=claim.date, sentence=claim.figure.sentence,
        position=claim.position, start=claim.figure.start, end=claim.figure.end,
    )  # fmt: skip


def _as_steps(
    sides: Sequence[DisputeSide], claims: Sequence[FigureClaim]
) -> tuple[DisputeSide, ...]:
    """An update's sides placed by step, not by the values they allow: "at least 24" then
    "at least 43" can both hold, yet they are two counts one after the other. Claims of one
    day and value are one step."""
    order = _step_order(claims)
    return tuple(
        replace(side, position=order[_step(c)]) for side, c in zip(sides, claims, strict=True)
    )


def _step(claim: FigureClaim) -> tuple[str, tuple[float, float]]:
    return claim.date or "", _interval(claim.figure)


def _step_order(claims: Sequence[FigureClaim]) -> dict[tuple[str, tuple[float, float]], int]:
    """Each step's place in the rise: dated steps by day, then value; a step of an unsaid day
    where its value falls among them, after the last dated step it does not fall below (a
    toll rises, so "30" on no day comes after "22" on the 3rd and before "42" on the 9th),
    not at the end nor at the start of the chain."""
    steps = sorted({_step(c) for c in claims})
    dated = [s for s in steps if s[0]]

    def place(step: tuple[str, tuple[float, float]]) -> tuple[str, int, tuple[float, float]]:
        if step[0] or not dated:
            return step[0], 0 if step[0] else 1, step[1]
        below = [s for s in dated if s[1][0] <= step[1][0]]
        return (below[-1][0] if below else dated[0][0]), 1 if below else -1, step[1]

    return {s: n for n, s in enumerate(sorted(steps, key=place))}


def _said(claim: FigureClaim) -> str:
    """ "at least 1,300 (George Sabra, Reuters)": the figure, who gives it, where."""
    where = f", {claim.outlet}" if claim.figure.claimant and claim.outlet else ""
    return f"{claim.figure.text} ({claim.who}{where})"


def _interval(figure: FigureFact) -> tuple[float, float]:
    found = allowed(figure.value, figure.low, figure.high, figure.qualifier, figure.text)
    return found if found is not None else (0.0, float("inf"))


# -- perpetrator and denial ------------------------------------------------------------------


def _doers(report: IncidentReport, gazette: Gazette) -> list[Attribution]:
    """The doers a report names that can be held against another report's: known actors
    (a name the dictionary lacks is too often a misread headline) that can strike."""
    return [
        a for a in report.perpetrators
        if a.actor_id and (actor := gazette.actors.get(a.actor_id)) is not None
        and actor.kind not in _NOT_DOERS and actor.origin != "text"
    ]  # fmt: skip


def _offered(doer: Attribution, party: str, gazette: Gazette) -> bool:
    """Whether a doer named as one of alternatives ("Russian or Syrian jets") offers
    `party` among them, by the stem of its name ("Russi"): such a report disputes neither
    party it offers, though it does dispute a third ("the US-led coalition")."""
    if not ALTERNATIVES.search(doer.text):
        return False
    name = (gazette.actor_name(party) or "").split()
    if not name:
        return False
    word = name[0].lower()
    stem = word[:-1] if len(word) > 4 else word
    return re.search(rf"\b{re.escape(stem)}", doer.text.lower()) is not None


def side_of(actor_id: str, relations: ActorRelations, on: str | None = None) -> str:
    """The party an actor acts for: the top of its affiliations ("Syrian Arab Army" and
    "Bashar al-Assad" both act for Syria's state), on a day when one is given (whom a
    defector spoke for then)."""
    chain = relations.ancestors(actor_id, on)
    return chain[-1] if chain else actor_id


ESTIMATED = "estimate"  # IncidentReport.date_from of an undated page placed by its story


# Kinds where "who did it" has one answer: a battle has two sides by nature.
_ONE_DOER = frozenset(
    {"aerial", "shelling", "explosives", "blast", "chemical", "killing", "attack"}
)


def _voice(report: IncidentReport, doer: Attribution, relations: ActorRelations) -> str:
    """Whose word names the doer: the claimant the dictionary resolves it to ("the defence
    ministry in Moscow" and "Russian Defense Ministry" are one voice), a person by the body
    they speak for, else the claimant as written, else the outlet."""
    claimant = doer.claimant_actor_id
    if claimant:
        actor = relations.actors.get(claimant)
        chain = relations.ancestors(claimant, report.published)
        return chain[0] if actor is not None and actor.kind == "person" and chain else claimant
    return (doer.claimant or report.outlet or report.chain).lower()


def _perpetrator(
    incident: Incident, relations: ActorRelations, gazette: Gazette,
    articles: Mapping[str, ArticleFact],
) -> list[Dispute]:  # fmt: skip
    """Reports that each name one party as the doer, and not the same one, or one that
    names a doer against one that says the doer is not known ("it was unclear who carried
    out the bombing" against "the regime blamed the rebels"). A report that names two
    parties (both sides of a battle, or an aside) takes no side, nor does a passing mention
    (its doer is as often another strike's: FA-KES tuning half). Two parties blaming each
    other for one act only they can have done ("the opposition accused government forces
    of the gas attack; the government accused rebels") join, each on its own side, a
    disagreement other reports hold: alone, such a report was as often no dispute a
    fact-checker signs (FA-KES checking half). So do two or more parties one report names
    on different voices (see `_two_voices`), except that the one its opening sentence alone
    names is the report's own side, as a report naming one doer stands (see `_led_by`)."""
    if incident.kind not in _ONE_DOER:
        return []
    sides: dict[str, list[tuple[IncidentReport, Attribution]]] = {}
    mutual: list[tuple[str, IncidentReport, Attribution]] = []
    doubted = [
        (r, d) for r in incident.reports if r.lead for d in r.doubted_by
        if not _caution(r, d, incident, gazette)
    ]  # fmt: skip
    for report in incident.reports:
        if not report.lead or report.date_from == ESTIMATED:
            continue  # an undated page's days are an estimate its story lent it: who it
            # names may have struck the same place on another day
        doers = [d for d in _doers(report, gazette) if not _own_denial(report, d, relations)]
        parties = _parties(doers, relations)
        if len(parties) == 1:
            (party,) = parties
            sides.setdefault(party, []).extend((report, d) for d in doers)
        elif (incident.kind in _ONE_ACT and _mutual_blame(parties, relations)) or (
            incident.kind not in _EXCHANGED and _two_voices(report, parties, relations)
        ):
            lead = _led_by(report, parties)
            if lead is not None:  # the account the report opens with is its own side
                sides.setdefault(lead, []).extend((report, d) for d in parties[lead])
            mutual.extend((party, report, d) for party, named in parties.items() for d in named
                          if party != lead)  # fmt: skip
    for party, pairs in list(sides.items()):  # alternatives offering another side's party
        if all(any(_offered(d, other, gazette) for other in sides if other != party)
               for _, d in pairs):  # fmt: skip
            del sides[party]
    for party in list(sides):  # "Syrian rebels" and "Jaysh al-Islam": the group is one of them
        member = next((o for o in sides if o != party and _one_of(o, party, relations)), None)
        if member is not None:
            sides[member].extend(sides.pop(party))
    if len(sides) + bool(doubted) < 2:
        return []
    named = [pair for pairs in sides.values() for pair in pairs] + doubted
    if len({_voice(r, d, relations) for r, d in named}) < 2:
        return []  # one voice naming two doers (or doubting its own) is not two accounts
    accounts = [[r for r, _ in pairs] for pairs in sides.values()] + [[r for r, _ in doubted]]
    if not _any_two_meet([a for a in accounts if a], gazette):
        return []  # held together through other reports: each side's own is another day's
    for party, report, doer in mutual:  # they join a disagreement other reports hold
        sides.setdefault(party, []).append((report, doer))
    ordered = sorted(sides, key=lambda p: (-len(sides[p]), p))
    rows = tuple(
        _attribution_side(report, doer, position, gazette, articles)
        for position, party in enumerate(ordered) for report, doer in sides[party]
    ) + tuple(
        _attribution_side(report, doubt, len(ordered), gazette, articles, unknown=True)
        for report, doubt in doubted
    )  # fmt: skip
    names = [
        " / ".join(dict.fromkeys(gazette.actor_name(d.actor_id) or d.text for _, d in sides[p]))
        + " (" + ", ".join(sorted(dict.fromkeys(r.outlet or "unknown outlet"
                                                for r, _ in sides[p]))) + ")"
        for p in ordered
    ] + ([
        "a doer not known (" + ", ".join(dict.fromkeys(d.claimant or r.outlet or "unknown outlet"
                                                      for r, d in doubted)) + ")"
    ] if doubted else [])  # fmt: skip
    subject = f"who carried out the {incident.label or incident.kind}"
    note = "the reports name different doers: " + " against ".join(names)
    return [_of_incident(incident, "perpetrator", subject, rows, note)]


# a name that says only whose side a crowd is on: "Syrian rebels", "the armed opposition"
_COLLECTIVE = re.compile(
    r"^(?:the\s+)?(?:\w+\s+)?(?:armed\s+)?(?:opposition|rebels?|militants|insurgents|"
    r"jihadists|fighters|gunmen|terrorists)(?:\s+(?:groups?|forces|fighters))?$",
    re.IGNORECASE,
)


def _one_of(member: str, collective: str, relations: ActorRelations) -> bool:
    """Whether a party is one of the crowd another names by its side only: "Jaysh al-Islam"
    is one of the "Syrian rebels" (same country and sector), so naming the one and the
    other disputes nothing."""
    group, crowd = relations.actors.get(member), relations.actors.get(collective)
    if group is None or crowd is None or _COLLECTIVE.match(group.name):
        return False
    return (
        _COLLECTIVE.match(crowd.name) is not None
        and bool(crowd.country)
        and (group.country, group.sector) == (crowd.country, crowd.sector)
    )


def _parties(
    doers: Sequence[Attribution], relations: ActorRelations
) -> dict[str, list[Attribution]]:
    """The parties doers act for, each with the doers that name it."""
    parties: dict[str, list[Attribution]] = {}
    for doer in doers:
        if doer.actor_id:
            parties.setdefault(side_of(doer.actor_id, relations), []).append(doer)
    return parties


# Kinds of one act that only one party can have done (a gas attack, a bomb, a massacre):
# exchanges of fire and of strikes have two doers as often as one, each blaming the other
_ONE_ACT = frozenset({"chemical", "explosives", "killing"})
# Kinds two sides trade in one place and day (artillery, rockets): two doers named on two
# voices are as often two acts as two accounts of one
_EXCHANGED = frozenset({"shelling"})


def _mutual_blame(parties: Mapping[str, Sequence[Attribution]], relations: ActorRelations) -> bool:
    """Two parties, each named as the doer only by the other (its government, its
    fighters, its spokesmen): an accusation and a counter-accusation."""
    if len(parties) != 2:
        return False
    first, second = parties

    def by(accuser: str, named: Sequence[Attribution]) -> bool:
        return all(
            d.claimant_actor_id and relations.related(side_of(d.claimant_actor_id, relations),
                                                      accuser)
            for d in named
        )  # fmt: skip

    return by(second, parties[first]) and by(first, parties[second])


def _led_by(report: IncidentReport, parties: Mapping[str, Sequence[Attribution]]) -> str | None:
    """The one party a report relaying two accounts names in its opening sentence ("HRW
    said a misfired rocket was the likely cause", then "a Hamas official told Reuters all
    indications pointed to Israel"): the account it leads with."""
    opening = [
        party for party, named in parties.items()
        if any(d.start is not None and report.sentence_start <= d.start < report.sentence_end
               for d in named)
    ]  # fmt: skip
    return opening[0] if len(opening) == 1 else None


def _two_voices(
    report: IncidentReport, parties: Mapping[str, Sequence[Attribution]], relations: ActorRelations
) -> bool:
    """Two parties a report names as the doer, each on other voices than the other's
    ("Kyiv blamed the Russian Armed Forces for the bombing", and the outlet's own "Azov
    fighters blew up the theatre"): the report relays two accounts, one on each side of a
    disagreement other reports hold. One voice naming both (an exchange of strikes, an
    aside) is no such pair. So do three parties on three voices ("the ministry blamed
    Israel, the army blamed Islamic Jihad, HRW found a Palestinian rocket")."""
    if len(parties) < 2:
        return False
    voices = [{_voice(report, d, relations) for d in named} for named in parties.values()]
    return all(not a & b for i, a in enumerate(voices) for b in voices[i + 1 :])


def _caution(
    report: IncidentReport, doubt: Attribution, incident: Incident, gazette: Gazette
) -> bool:
    """A doubt in the reporter's own voice (no source says it: "Reuters could not
    independently verify who was responsible") in an article that itself relays who
    did it on someone's word: the writer's caution about the claims it relays, not an
    account of its own that the doer is not known."""
    if doubt.claimant:
        return False
    return any(_doers(r, gazette) for r in incident.reports if r.article_id == report.article_id)


def _any_two_meet(
    accounts: Sequence[Sequence[IncidentReport]], gazette: Gazette, slack: int = 0
) -> bool:
    """Whether some report of one account and some report of another can tell one
    happening by their own places and days, `slack` days apart at most (the incident can
    hold two strikes together through a third report: "at least 38 killed on Wednesday"
    and "blamed IS for Friday's attack" share no day)."""
    return any(
        _one_happening(a, b, gazette, slack)
        for i, first in enumerate(accounts) for second in accounts[i + 1 :]
        for a in first for b in second
    )  # fmt: skip


def _one_happening(
    first: IncidentReport, second: IncidentReport, gazette: Gazette, slack: int = 0
) -> bool:
    """Two reports' own places meet and their own days overlap, or lie `slack` days apart
    at most (an open end meets any)."""
    if not places_meet(first.place_id, second.place_id, gazette, first.around or second.around):
        return False

    def ends(end: int, *days: str | None) -> list[date]:
        return [found[end] for d in days if d and (found := day_range(d[:10]))]

    lows, highs = ends(0, first.day_low, second.day_low), ends(1, first.day_high, second.day_high)
    return not (lows and highs and (max(lows) - min(highs)).days > slack)


def _own_denial(report: IncidentReport, doer: Attribution, relations: ActorRelations) -> bool:
    """A doer named in its own voice by a party the report says denies doing it ("Russia
    denied its planes were responsible"): the denial, not a claim that it did it."""
    if not doer.actor_id or not doer.claimant_actor_id:
        return False
    on = report.published
    party = side_of(doer.actor_id, relations, on)
    if side_of(doer.claimant_actor_id, relations, on) != party:
        return False
    return any(d.actor_id and side_of(d.actor_id, relations, on) == party
               for d in report.denied_by)  # fmt: skip


def _denial(
    incident: Incident, relations: ActorRelations, gazette: Gazette,
    articles: Mapping[str, ArticleFact],
) -> list[Dispute]:  # fmt: skip
    """For each party a report names as the doer and the party itself denies doing: those
    who name it against its denials (one dispute per party). Both sides tell this very
    happening (see `_telling`), and the denial is the party's own word (its government,
    ministry, army, spokesman): a monitor or an outlet saying it did not do it is no denial,
    nor is one heard only from the accuser. A charge stands against denials told in other
    articles, whether or not its own article tells one too; against its own article's
    denial alone, only when the denial answers it (see `_answered`). One side at least is
    an article's lead: a denial told only in side sections of articles about other
    happenings ("also carried out attacks on two villages") is as often of the lead's
    happening as of theirs. A charge against a collective ("the regime blamed the attack on
    the rebels") is denied by a group of it ("the key Ahrar al-Sham rebel group denied any
    involvement"; see `ActorRelations.related`)."""
    denied: dict[str, list[tuple[IncidentReport, Attribution]]] = {}
    for report in incident.reports:
        if not _telling(report):
            continue
        for denial in report.denied_by:
            if denial.actor_id and _own_word(denial, relations, report.published):
                party = side_of(denial.actor_id, relations, report.published)
                denied.setdefault(party, []).append((report, denial))
    found = []
    for party, deniers in sorted(denied.items()):
        denying = {r.article_id for r, _ in deniers}
        accusers = [
            (r, d) for r in incident.reports
            if _telling(r, ACCUSING_SPAN_DAYS)
            for d in _doers(r, gazette)
            if (denying - {r.article_id} or _answered(r, d, deniers))
            and d.actor_id and relations.related(side_of(d.actor_id, relations), party)
            and not (d.claimant_actor_id
                     and side_of(d.claimant_actor_id, relations, r.published) == party)
        ]  # fmt: skip
        if not accusers or not _any_two_meet(
            [[r for r, _ in accusers], [r for r, _ in deniers]], gazette, DENIAL_LAG_DAYS
        ):
            continue
        if not any(r.lead for r, _ in (*accusers, *deniers)):
            continue  # told only in side sections of articles about other happenings
        rows = tuple(_attribution_side(r, d, 0, gazette, articles) for r, d in accusers) + tuple(
            _attribution_side(r, d, 1, gazette, articles, denied=True) for r, d in deniers
        )
        named = {d.actor_id for _, d in (*accusers, *deniers)}
        # one group accused and denying ("Faylaq al-Rahman") is named as itself, not as
        # the side it belongs to
        one = named.pop() if len(named) == 1 else party
        who = gazette.actor_name(one) or one
        subject = f"whether {who} carried out the {incident.label or incident.kind}"
        accusing = ", ".join(dict.fromkeys(s.claimant or s.outlet or "" for s in rows
                                           if s.position == 0))  # fmt: skip
        denying_voices = ", ".join(dict.fromkeys(s.claimant or s.outlet or "" for s in rows
                                                 if s.position == 1))  # fmt: skip
        note = f"{accusing} say {who} did it; {denying_voices} deny it"
        found.append(_of_incident(incident, "denial", subject, rows, note))
    return found


ACCUSING_SPAN_DAYS = 1  # a section whose own words span this many days more can accuse
# a denial comes after the charge: a report dated by the day the party denied ("the LNA
# denied on Sunday any role in Saturday's strike") still answers a charge of the day before
DENIAL_LAG_DAYS = 1


ANSWER_GAP = 60  # characters between a charge and the denial of the sentence after it


def _answered(
    report: IncidentReport,
    accusation: Attribution,
    deniers: Sequence[tuple[IncidentReport, Attribution]],
) -> bool:
    """Whether an accusation is the one a denial of its own article answers, told right
    before it ("Jaish al-Islam said its opponents had provoked the clashes. Faylaq
    al-Rahman denied the allegation.") or inside it ("Moscow denied Kiev's allegations
    that ..."): the article tells both sides, each on its own word. Otherwise an article's
    own accusation stands against denials told elsewhere."""
    if accusation.end is None or accusation.start is None:
        return False
    return any(
        r.article_id == report.article_id and d.start is not None
        and (0 <= d.start - accusation.end <= ANSWER_GAP
             or (d.end is not None and 0 <= accusation.start - d.end <= ANSWER_GAP))
        for r, d in deniers
    )  # fmt: skip


def _telling(report: IncidentReport, span_days: int = 0) -> bool:
    """A report that tells the happening itself: its article's lead, or a section that
    dates it in its own words (to the day, or, with `span_days`, over a few days: "from
    midday on Friday until dawn on Saturday"); a passing mention is too often another
    happening's."""
    if report.lead:
        return True
    if report.date_from != "text" or not (report.day_low and report.day_high):
        return False
    low, high = (date.fromisoformat(d[:10]) for d in (report.day_low, report.day_high))
    return (high - low).days <= span_days


_STATES = frozenset({"state", "government", "military"})
_STATE_OFFICE = re.compile(
    r"\b(?:ministry|ministers?|government|army|military|presidency|presidential|"
    r"state (?:media|television|TV|news agency))\b",
    re.IGNORECASE,
)


def _own_word(denial: Attribution, relations: ActorRelations, on: str | None = None) -> bool:
    """Whether the party said not to have done it says so itself: the claimant acts for
    the same party as the denied doer (on the report's day, `on`)."""
    if not denial.actor_id or not denial.claimant:
        return False
    if not denial.claimant_actor_id:  # a person the dictionary lacks ("Konashenkov")
        return True
    if side_of(denial.claimant_actor_id, relations, on) == side_of(denial.actor_id, relations, on):
        return True
    speaker, denied = (relations.actors.get(a) for a in (denial.claimant_actor_id, denial.actor_id))
    # a person the text titles as the state's ("foreign ministry spokesman Jihad
    # al-Makdissi") speaks for it then, whatever side the dictionary has them on now
    return (
        speaker is not None and speaker.kind == "person"
        and denied is not None and denied.kind in _STATES
        and _STATE_OFFICE.search(denial.claimant) is not None
    )  # fmt: skip


def _refuted(
    incident: Incident, relations: ActorRelations, articles: Mapping[str, ArticleFact]
) -> list[Dispute]:
    """Those who say the happening never was ("reports of chemical weapons use are totally
    false") against the other articles that report it as having happened, each in the
    voice that tells it: their leads, and sections that date it themselves ("the attack on
    the UN convoy, which took place on September 19, 2016"); a passing mention is too often
    another happening's."""
    refuting = [(r, a) for r in incident.reports for a in r.refuted_by]
    if not refuting:
        return []
    refuters = {r.article_id for r, _ in refuting}
    telling = [r for r in incident.reports if _telling(r) and r.article_id not in refuters]
    if not telling:
        return []
    rows = tuple(_telling_side(r, articles) for r in telling) + tuple(
        _said_side(r, a, 1, "it never happened", articles) for r, a in refuting
    )
    if len({_voice_of(s, relations) for s in rows}) < 2:
        return []
    subject = f"whether the {incident.label or incident.kind} happened"
    refuters_named = ", ".join(dict.fromkeys(s.claimant or "" for s in rows if s.position == 1))
    tellers = ", ".join(dict.fromkeys(s.outlet or "" for s in rows if s.position == 0))
    note = f"{tellers} report it; {refuters_named} say it never happened"
    return [_of_incident(incident, "denial", subject, rows, note, key="refuted")]


def _folded(
    denials: list[Dispute], refuted: list[Dispute], relations: ActorRelations
) -> list[Dispute]:
    """One disagreement told once: when a party that denies doing it also says it never
    happened ("Syria denied using chemical weapons"; "the reports are totally false"), its
    denial joins the refutation (those who name it as the doer beside those who report
    it, its denials beside its refutations)."""
    if not refuted:
        return denials
    (refutation,) = refuted
    refusing = {_voice_of(s, relations) for s in refutation.sides if s.position == 1}
    kept, sides, notes = [], list(refutation.sides), [refutation.note]
    for denial in denials:
        deniers = {_voice_of(s, relations) for s in denial.sides if s.position == 1}
        if deniers & refusing:
            sides += [s for s in denial.sides if s not in sides]
            notes.append(denial.note)
        else:
            kept.append(denial)
    if len(notes) == 1:
        return denials + refuted
    rows = tuple(sides)
    joined = replace(refutation, id=_id(refutation.incident_id or "", "refuted",
                                        refutation.subject, rows), sides=rows,
                     note="; ".join(notes))  # fmt: skip
    return [*kept, joined]


def _voice_of(side: DisputeSide, relations: ActorRelations) -> str:
    """Whose voice a side is: the party its claimant acts for, else its claimant or outlet."""
    if side.claimant_actor_id:
        return side_of(side.claimant_actor_id, relations, side.date)
    return (side.claimant or side.outlet or "").lower()


def _telling_side(report: IncidentReport, articles: Mapping[str, ArticleFact]) -> DisputeSide:
    """A report of the happening, on the word of whoever names its doer, else its outlet's;
    not on the word of a party the report says denies it (the Kremlin blaming a Ukrainian
    missile does not tell the strike it denies)."""
    article = articles.get(report.article_id)
    deniers = {d.actor_id for d in report.denied_by if d.actor_id}
    named = next(
        (a for a in report.perpetrators if a.claimant and a.claimant_actor_id not in deniers),
        None,
    )
    return DisputeSide(
        value_or_claim="it happened", claimant=named.claimant if named else report.outlet,
        claimant_actor_id=named.claimant_actor_id if named else None, outlet=report.outlet,
        article_id=report.article_id,
        date=article.published if article else report.published, sentence=report.sentence,
        position=0, start=report.sentence_start, end=report.sentence_end,
    )  # fmt: skip


def _said_side(
    report: IncidentReport, said: Attribution, position: int, claim: str,
    articles: Mapping[str, ArticleFact],
) -> DisputeSide:  # fmt: skip
    """A side that a source's saying takes (see reconcile/sayings.py): its sentence is the
    evidence, its offsets the words."""
    article = articles.get(report.article_id)
    return DisputeSide(
        value_or_claim=claim, claimant=said.claimant, claimant_actor_id=said.claimant_actor_id,
        outlet=report.outlet, article_id=report.article_id,
        date=article.published if article else report.published, sentence=said.text,
        position=position, start=said.start, end=said.end,
    )  # fmt: skip


def _intent(
    incident: Incident, relations: ActorRelations, articles: Mapping[str, ArticleFact]
) -> list[Dispute]:
    """Those who say it was done on purpose against those who say it was a mistake ("the
    attack was intentional" against "the strike was carried out mistakenly"), from two
    voices at least: one article may hold both."""
    deliberate = [(r, a) for r in incident.reports for a in r.deliberate_by]
    mistaken = [(r, a) for r in incident.reports for a in r.mistake_by]
    if not (deliberate and mistaken):
        return []
    rows = tuple(_said_side(r, a, 0, "done on purpose", articles) for r, a in deliberate) + tuple(
        _said_side(r, a, 1, "a mistake", articles) for r, a in mistaken
    )
    voices = [{_voice_of(s, relations) for s in rows if s.position == p} for p in (0, 1)]
    if not voices[0] - voices[1] or not voices[1] - voices[0]:
        return []  # one voice on both sides ("not a mistake ... but a mistake") is no dispute
    subject = f"whether the {incident.label or incident.kind} was deliberate"
    named = [", ".join(dict.fromkeys(s.claimant or "" for s in rows if s.position == p))
             for p in (0, 1)]  # fmt: skip
    note = f"{named[0]} say it was done on purpose; {named[1]} say it was a mistake"
    return [_of_incident(incident, "intent", subject, rows, note)]


_CIVILIANS = frozenset({"civilians", "children", "women"})
_HURT = frozenset({"killed", "injured", "killed_or_injured"})


def _spared(
    incident: Incident, tolls: Mapping[tuple[str, int], FigureFact],
    relations: ActorRelations, gazette: Gazette, articles: Mapping[str, ArticleFact],
) -> list[Dispute]:  # fmt: skip
    """Those who say the attack spared civilians ("no civilians were among the casualties", "the
    strikes only targeted militants", "a legitimate military target") against the counts of
    civilians, children or women it killed or hurt that the incident's reports give: both cannot
    hold. The victims are the issue, not their number, so one such count is enough, on its own
    voice; a source that counts civilians and calls the target legitimate disputes nothing with
    itself: its counts stand aside, and others' counts still stand against its word; counts it
    gives days after its word (a doer that said it hit only a threat, then owns the civilian
    dead) take that word back, and stand too. A word that nothing armed was there ("there was no
    military target here", "no soldiers were at the station") stands with the counts. A sparing
    told as a toll of none ("no civilians were killed") is the numeric dispute's already, and
    not told twice. The doer's own account of an armed target ("a high-precision strike on
    hangars with Western weapons", "it targeted senior militants") stands with the sparings;
    another's word of what was hit is no side (a monitor saying the strike hit a base tells
    where it fell, not who died), except against a word that nothing armed was there: any named
    voice's word that armed men were there stands against that."""
    nones = [t for t in tolls.values() if t.value == 0]
    spared = [
        (r, a) for r in incident.reports for a in r.spared_by
        if not any(t.article_id == r.article_id and a.start is not None and a.end is not None
                   and a.start <= t.start < a.end for t in nones)
    ]  # fmt: skip
    doers = {side_of(d, relations) for r in incident.reports for d in r.perpetrator_ids}
    # against a count of civilians only the doer's own word of an armed target stands (a
    # monitor saying a base was hit tells where the blow fell, not who died); against a word
    # that nothing armed was there ("we reject reports that any Taliban were inside"), any
    # named voice's word that armed men were there does ("using the building as a human
    # shield", Afghan officials on the Kunduz hospital)
    unarmed_voices = {a.actor_id or a.claimant for r in incident.reports for a in r.unarmed_by}
    armed = [
        (r, a) for r in incident.reports for a in r.armed_by
        if a.actor_id and (side_of(a.actor_id, relations) in doers
                           or (unarmed_voices and a.actor_id not in unarmed_voices))
    ]  # fmt: skip
    if not spared and not armed:
        return []
    counted = [
        toll for r in incident.reports for start in r.figure_starts
        if (toll := tolls.get((r.article_id, start))) is not None
        and toll.scope == "incident" and measure_of(toll) in _HURT
        and victims_of(toll) in _CIVILIANS
    ]  # fmt: skip
    rows = (
        tuple(_fact_side(toll, toll.text, 0, articles, (), gazette) for toll in counted)
        + tuple(_said_side(r, a, 0, "nothing armed there", articles)
                for r in incident.reports for a in r.unarmed_by)
        + tuple(_said_side(r, a, 1, "no civilians hit", articles) for r, a in spared)
        + tuple(_said_side(r, a, 1, "an armed target hit", articles) for r, a in armed)
    )  # fmt: skip
    # a source that counts civilians and says the target was armed disputes nothing with
    # itself; its counts stand aside, and others' counts stand against its word. Counts it
    # gives on a later day than its first word that the target was armed take that word
    # back: a reversal, shown as such
    said_on: dict[str, list[str | None]] = {}
    for side in rows:
        if side.position == 1:
            said_on.setdefault(_voice_of(side, relations), []).append(side.date)
    rows = tuple(
        s for s in rows
        if s.position == 1 or (voice := _voice_of(s, relations)) not in said_on
        or _after_first(s.date, said_on[voice])
    )  # fmt: skip
    if not any(s.position == 0 for s in rows) or not said_on:
        return []
    subject = f"whether the {incident.label or incident.kind} killed or hurt civilians"
    named = [", ".join(dict.fromkeys(s.claimant or s.outlet or "" for s in rows
                                     if s.position == p)) for p in (0, 1)]  # fmt: skip
    told = " or ".join(
        words for words, said in (("spared civilians", spared), ("hit an armed target", armed))
        if said
    )  # fmt: skip
    note = (f"{named[0]} count civilians among its victims or say nothing armed was there; "
            f"{named[1]} say it {told}")  # fmt: skip
    return [_of_incident(incident, "victims", subject, rows, note)]


def _after_first(day: str | None, earlier: Sequence[str | None]) -> bool:
    """Whether `day` begins after the first of `earlier` ends: "2021-09" after
    "2021-08-29", not the same day, nor when either is unsaid."""
    told = day_range(day)
    ends = [found[1] for d in earlier if (found := day_range(d)) is not None]
    return told is not None and len(ends) == len(earlier) and told[0] > min(ends)


def _of_incident(
    incident: Incident, kind: str, subject: str, rows: tuple[DisputeSide, ...], note: str,
    key: str | None = None,
) -> Dispute:  # fmt: skip
    """A dispute about one incident; its id from the incident, `key` (what sort of
    disagreement, the kind unless said), the subject and the evidence on its sides."""
    return Dispute(_id(incident.id, key or kind, subject, rows), incident.story_id, kind, subject,
                   "dispute", rows, note, incident_id=incident.id)  # fmt: skip


def _attribution_side(
    report: IncidentReport, attribution: Attribution, position: int, gazette: Gazette,
    articles: Mapping[str, ArticleFact], denied: bool = False, unknown: bool = False,
) -> DisputeSide:  # fmt: skip
    name = gazette.actor_name(attribution.actor_id) or attribution.text
    claim = (
        "who did it is not known" if unknown
        else f"{name} did not do it" if denied else f"{name} did it"
    )  # fmt: skip
    article = articles.get(report.article_id)
    return DisputeSide(
        value_or_claim=claim, claimant=attribution.claimant or report.outlet,
        claimant_actor_id=attribution.claimant_actor_id, outlet=report.outlet,
        article_id=report.article_id,
        date=article.published if article else report.published,
        sentence=report.sentence, position=position, start=attribution.start,
        end=attribution.end,
    )  # fmt: skip


def with_own_sentences(
    disputes: Sequence[Dispute], facts: Mapping[str, ArticleFacts]
) -> list[Dispute]:
    """Disputes whose sides show the sentence their evidence stands in. A side that names
    a doer, a denial or a doubt points at the words that say it (its start), which can be
    far from the sentence its report opens with ("Syria denies the accusations", eight
    paragraphs below the headline the report opens with); the sentence shown is the one
    those words are in, as every fact keeps its own."""
    found = []
    for dispute in disputes:
        sides = tuple(_in_own_sentence(side, facts.get(side.article_id)) for side in dispute.sides)
        found.append(replace(dispute, sides=sides) if sides != dispute.sides else dispute)
    return found


def _in_own_sentence(side: DisputeSide, facts: ArticleFacts | None) -> DisputeSide:
    if facts is None or side.start is None:
        return side
    at = side.start
    spans = (
        *((e.sentence_start, e.sentence_end) for e in facts.events),
        *((m.sentence_start, m.sentence_end) for m in facts.mentions if m.field == "body"),
        *((q.sentence_start, q.sentence_end) for q in facts.quotes),
        *((f.sentence_start, f.sentence_end) for f in facts.figures),
    )
    inside = [(start, end) for start, end in spans if start <= at < end]
    if not inside:
        return side
    start, end = min(inside, key=lambda span: span[1] - span[0])
    sentence = facts.body[start:end]
    return side if sentence == side.sentence else replace(side, sentence=sentence)


# -- story-level contradictions ---------------------------------------------------------------


def _contradiction(
    story_id: str, found: Contradiction, articles: Mapping[str, ArticleFact],
    quotes: Sequence[QuoteFact], gazette: Gazette,
) -> Dispute | None:  # fmt: skip
    sides = tuple(
        _fact_side(fact, claim, position, articles, quotes, gazette)
        for position, (fact, claim) in enumerate(found.sides)
    )
    if found.kind == "denial":  # every report of the act against its denial
        sides = tuple(replace(s, position=0 if i < len(sides) - 1 else 1)
                      for i, s in enumerate(sides))  # fmt: skip
    if len({(s.claimant or s.outlet or "").lower() for s in sides}) < 2:
        return None  # one voice is not two accounts
    note = f"{found.note}: " + " against ".join(_side_names(sides, p) for p in (0, 1))
    return Dispute(_id(story_id, found.kind, found.subject, sides), story_id, found.kind,
                   found.subject, found.status, sides, note)  # fmt: skip


def _doers_own_word(
    denial: EventFact | FigureFact, quotes: Sequence[QuoteFact], relations: ActorRelations
) -> bool:
    """Whether an act told as not done is told so by its doer: the speaker of the quote it
    stands in acts for the party the act is denied of ("we didn't turn down the offer", an
    FSA official said). An outlet, or a third party, saying someone did not do it denies
    nothing on that someone's behalf."""
    if not isinstance(denial, EventFact) or not denial.source_actor_ids:
        return False
    quote = next((q for q in quotes if q.article_id == denial.article_id
                  and q.start <= denial.start < q.end), None)  # fmt: skip
    if quote is None or not quote.speaker_actor_id:
        return False
    return any(relations.related(quote.speaker_actor_id, s) for s in denial.source_actor_ids)


def _side_names(sides: Sequence[DisputeSide], position: int) -> str:
    """ "'rejected' / 'turned down' (Syrian rebels, TRT World)": one side's claims, who."""
    members = [s for s in sides if s.position == position]
    claims = " / ".join(dict.fromkeys(f"'{s.value_or_claim}'" for s in members))
    who = ", ".join(dict.fromkeys(x for s in members for x in (s.claimant, s.outlet) if x))
    return f"{claims} ({who or 'unknown outlet'})"


def _fact_side(
    fact: EventFact | FigureFact, claim: str, position: int,
    articles: Mapping[str, ArticleFact], quotes: Sequence[QuoteFact], gazette: Gazette,
) -> DisputeSide:  # fmt: skip
    article = articles.get(fact.article_id)
    outlet = article.outlet if article else None
    if isinstance(fact, EventFact):
        quote = next((q for q in quotes if q.article_id == fact.article_id
                      and q.start <= fact.start < q.end), None)  # fmt: skip
        if quote is not None:
            claimant_id = quote.speaker_actor_id
            claimant = named_claimant(quote.speaker, claimant_id, gazette)  # "he said": a name
        else:
            claimant_id = fact.source_actor_ids[0] if fact.source_actor_ids else None
            claimant = gazette.actor_name(claimant_id)
        date = fact.text_date or (article.published if article else None)
    else:
        claimant, claimant_id = fact.claimant or outlet, fact.claimant_actor_id
        date = article.published if article else None
    return DisputeSide(
        value_or_claim=claim, claimant=claimant, claimant_actor_id=claimant_id, outlet=outlet,
        article_id=fact.article_id, date=date, sentence=fact.sentence, position=position,
        start=fact.start, end=fact.end,
    )  # fmt: skip


def _id(scope: str, kind: str, subject: str, sides: Iterable[DisputeSide]) -> str:
    evidence = sorted(f"{s.article_id}|{s.value_or_claim}" for s in sides)
    key = "\x00".join([scope, kind, subject, *evidence])
    return "dispute:" + hashlib.sha256(key.encode()).hexdigest()[:12]
