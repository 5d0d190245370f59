"""What named sources say of a happening beyond who did it: that it never was, that it was
deliberate, that it was a mistake, that it spared civilians, that nothing armed was there, or
that what it hit was armed.

"Reports of chemical weapons use are totally false", "the accounts are fake", "no traces
of toxic agents" refute the happening itself; "the attack was premeditated" and "the
strike was a mistake" are two accounts of intent a fact-checker sets side by side (a
deliberate strike on troops or civilians is a different charge from an error). Each saying
keeps its sentence and the offsets of its words, and the source it stands on: the speaker
of the quote around it, else who acts in its sentence. An outlet's own voice says none of
these: an editorial verdict is no side of a dispute. "No civilians were among the
casualties", "the strikes only targeted militants", "a legitimate military target" say the
attack hit combatants and spared civilians: against a count of civilians killed by another
voice, or another's word that nothing armed was there ("there was no military target
here"), the two accounts cannot both hold. A quoted "the strike hit hangars with Western
weapons" says what was hit was armed: in the doer's own voice it stands with the sparings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rashomon.facts import STANCE_FIELDS, ArticleFacts, Attribution, Gazette, QuoteFact
from rashomon.reconcile.incident_kinds import IncidentKinds

# it never was; done on purpose; a mistake; it spared civilians; no armed target was there;
# it hit an armed target
NEVER, DELIBERATE, MISTAKE, SPARED, UNARMED, ARMED = STANCE_FIELDS

# Words that speak of an attack or of responsibility for one.
ABOUT_IT = re.compile(
    r"\b(?:attacks?|involvement|responsib\w*|strikes?|bomb\w*|shell\w*|carried out|"
    r"killing|massacre|used?|using)\b",
    re.IGNORECASE,
)

# A verdict word counts when its sentence speaks of reports or claims ("reports ... are
# totally false"); "no traces of toxic agents" and "never took place" stand alone. "Staged"
# is left out: "staged a demonstration", "forces staged the attack"; so is "made up of" (a
# convoy "made up of" trucks).
_VERDICT = re.compile(
    r"\b(?:(?:totally|completely|absolutely|utterly|entirely|100%)\s+)?"
    r"(?:false|untrue|baseless|unfounded|fabricat\w*|fake[ds]?|falsified|hoax|"
    r"made[- ]up(?!\s+of\b)|lies|(?:a\s+)?(?:lie|forgery|fabrication|fiction))\b",
    re.IGNORECASE,
)
# "Kiev ... is spreading false information", "accused of peddling fakes": the untrue words
# are what the sentence charges its subject with spreading, no verdict of that subject's
SPREADING = re.compile(
    r"\b(?:spread(?:s|ing)?|peddl(?:e|es|ed|ing)|disseminat(?:e|es|ed|ing)|"
    r"circulat(?:e|es|ed|ing)|push(?:es|ed|ing)?|promot(?:e|es|ed|ing))\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_NO_TRACE = re.compile(
    r"\bno\s+(?:traces?|signs?|evidence)\s+(?:at all\s+)?of\s+(?:an?\s+|any\s+)?"
    r"(?:chemical|toxic|poison\w*|gas|sarin|chlorine|bombs?|bombing|(?:air\s?)?strikes?|"
    r"attacks?|shelling|explosions?)"
    r"|\b(?:did\s+not|didn['’]t|never)\s+(?:take\s+place|happen(?:ed)?|occur(?:red)?|"
    r"took\s+place)\b",
    re.IGNORECASE,
)
# "no civilians were killed", "no civilian casualties", "no indications of civilian
# casualties", "denied that civilians were among the casualties", "civilians were not
# targeted", "does not target civilians", "only hit militants", "strikes only against
# military goals", "a legitimate military target": the attack spared civilians, in its
# speaker's word
_COMBATANTS = r"(?:militants?|terrorists?|fighters?|insurgents?|combatants?|military|rebels?)"
_SPARED = re.compile(
    r"\bno\s+(?:other\s+)?civilians?\s+(?:casualties|deaths|victims|losses|were|was|had|"
    r"among|killed|hurt|injured|harmed|died)\b"
    # "there were 'no indications at this time' of civilian casualties"
    r"|\bno\s+(?:indications?|signs?|evidence)(?:\s+(?:at\s+this\s+time|so\s+far|yet))?"
    r"['\"\u201d\u2019]?\s+of\s+(?:any\s+)?civilian\s+(?:casualties|deaths|victims|harm)\b"
    r"|\bden(?:y|ies|ied|ying)\b(?:(?!\b(?:but|while|whereas)\b)[^.;:]){0,40}?\bcivilians?\b"
    r"|\bcivilians\s+(?:were|was|had)\s+not\s+(?:been\s+)?(?:killed|hurt|harmed|targeted|hit|"
    r"among)\b"
    r"|\b(?:(?:do|does|did)\s+not|don['’]t|doesn['’]t|didn['’]t|never)\s+target(?:ed|s)?\s+"
    r"(?:any\s+)?civilians\b"
    r"|\bonly\s+(?:hit|struck|targeted|targets|killed|attacked|against|at)\s+(?:\w+\s+){0,3}?"
    + _COMBATANTS
    + r"\b"
    r"|\b(?:targeted|targeting|hit|struck|killed|against|at)\s+only\s+(?:\w+\s+){0,2}?"
    + _COMBATANTS
    + r"\b"
    r"|\blegitimate\s+(?:military\s+)?(?:targets?|objectives?|action|operation)\b"
    # "Only combatants, not civilians, were struck", "it targeted rebel fighters, not
    # civilians"
    r"|\bonly\s+(?:\w+\s+){0,2}?" + _COMBATANTS + r"\b[^.;]{0,30}?\b(?:were|was)\s+"
    r"(?:hit|struck|targeted|killed|attacked)\b"
    r"|\b" + _COMBATANTS + r",?\s+(?:and\s+)?not\s+(?:the\s+)?civilians\b",
    re.IGNORECASE,
)
# "has repeatedly denied using chemical weapons", "has always denied targeting civilians",
# "denied ever using them", "has denied doing so in the past", "continues to deny
# responsibility" (for "many similar strikes"): a standing word on a kind of act, said
# before this happening as much as after it, so it is no word on this one (read here for
# sparings and in doers.py for denials)
HABITUAL = re.compile(
    r"\b(?:repeatedly|always|consistently|routinely|regularly|frequently|persistently|"
    r"(?:has|have|had) long|ever|previously|in the past|continu(?:es|ed|ing)\s+to)\b(?!-)",
    re.IGNORECASE,
)
# "there was no military target here", "no military presence", "no soldiers were at the
# station", "no fighters among the dead", "a purely civilian area": nothing armed was where
# the attack struck, in its speaker's word
_UNARMED = re.compile(
    r"\bno\s+(?:military\s+(?:targets?|presence|facilit(?:y|ies)|objects?|installations?|"
    r"positions?|sites?)"
    r"|(?:armed\s+)?(?:soldiers|troops|fighters|militants|combatants|gunmen|weapons)\s+"
    r"(?:were\s+|was\s+)?(?:at|in|inside|among|present|there|nearby)\b)"
    r"|\b(?:purely|exclusively|entirely)\s+civilian\b"
    # "has strongly denied the presence of one of its leaders in the camp"
    r"|\bden(?:y|ies|ied|ying)\s+(?:the\s+|any\s+)?presence\s+of\s+(?:[\w'\u2019-]+\s+){0,4}?"
    r"(?:leaders?|commanders?|fighters?|militants?|combatants?|soldiers?|troops|gunm[ae]n)\b",
    re.IGNORECASE,
)
# "a high-precision strike on hangars with weapons", "targeted senior Hamas militants", "hit
# the bases of Ukrainian units and foreign mercenaries", "destroyed a command post": what the
# attack hit was armed, in the words of a quoted speaker or of who acts in the sentence (a
# side only in the doer's own voice, see disputes._spared); weapons alone are no target
# ("agreed to destroy its chemical weapons")
_ARMED_OBJECT = (
    r"(?:hangars?|(?:weapons?|ammunition|arms|fuel)['\u2019]?\s+(?:depots?|stores?|storage|"
    r"warehouses?|dumps?|caches?)|depots?|military\s+(?:targets?|sites?|positions?|"
    r"facilit(?:y|ies)|infrastructure|objects?|installations?|equipment|hardware|units?)|"
    r"command(?:-and-control|\s+and\s+control)?\s+(?:posts?|cent(?:er|re)s?)|headquarters|"
    r"(?:military|army|air)\s+bases?|bases\s+of|positions\s+of|fighters?|militants?|"
    r"terrorists?|mercenar(?:y|ies)|gunm[ae]n|combatants?|commanders?|operatives?|launchers?|"
    r"suicide\s+bombers?|facilitators?|car\s+bombs?|vehicle[- ]borne\s+(?:improvised\s+)?"
    r"explosive\s+devices?|(?:explosives?|bomb)[- ]laden\s+(?:vehicles?|cars?|trucks?)|"
    r"(?:military|militia|armed)\s+(?:chiefs?|leaders?|wings?)|"
    r"training\s+(?:camps?|cent(?:er|re)s?)|hideouts?|deployment\s+points?)"
)
_STRUCK_ARMED = re.compile(
    r"\b(?:target(?:ed|ing)|hit|struck|destroyed|eliminated|neutrali[sz]ed|aimed\s+at|"
    r"(?:strikes?|attacks?)\s+(?:on|against))\s+"
    r"(?:(?!(?:but|while|and|killing|killed)\b)[\w'\u2019()-]+\s+){0,6}?" + _ARMED_OBJECT + r"\b"
    # "claimed the bus was carrying 'Houthi combatants'", "a strike on a vehicle carrying
    # Islamic State militants": what was struck held armed men
    r"|\b(?:(?:was|were)|(?:vehicles?|cars?|trucks?|bus(?:es)?|boats?|convoys?))\s+"
    r"(?:carrying|transporting)\s+[\"'\u201c\u2018]?"
    r"(?:[\w'\u2019-]+\s+){0,2}?(?:combatants?|fighters?|militants?|terrorists?|gunm[ae]n|"
    r"commanders?|weapons|ammunition|explosives|suicide\s+bombers?)\b"
    # "heading for the airport with suicide bombers inside"
    r"|\bwith\s+(?:[\w'\u2019-]+\s+){0,2}?(?:suicide\s+bombers?|explosives|gunm[ae]n|militants|"
    r"fighters)\s+(?:inside|on\s+board|aboard)\b"
    # "eliminating an imminent ISIS-K threat": what was struck was itself the threat
    r"|\beliminat(?:ed|ing|es?)\s+(?:an?\s+|the\s+)?(?:[\w'\u2019-]+\s+){0,3}?threats?\b"
    # "the air strike had killed Hamas commander Ibrahim Biari", "killed a top military
    # commander": whom it killed was armed (not "killed 50 people, among them a commander")
    r"|\bkill(?:ed|ing)\s+(?:(?!(?:and|civilians?|people|children|women|residents)\b)"
    r"[\w'\u2019\u201c\u201d\"-]+\s+){0,3}?(?:commanders?|militants|terrorists|fighters|operatives?|"
    r"gunm[ae]n|suicide\s+bombers?|facilitators?)\b"
    # "used civilians as human shields", "used the upper floors as firing points": armed
    # men were where the blow fell
    r"|\bhuman\s+shields?\b|\bfiring\s+(?:points?|positions?)\b"
    # "there were fatalities of the PDF terrorists": who died was armed, in the doer's word
    r"|\b(?:fatalities|deaths|casualties)\s+(?:of|among)\s+(?:the\s+)?"
    r"(?:[\w'\u2019-]+\s+){0,2}?(?:combatants|fighters|militants|terrorists|gunmen)\b",
    re.IGNORECASE,
)
# "Russia, which has denied deliberately targeting civilians": a clause that describes the
# party by what it has said all along, no word on this attack
_DESCRIBING = re.compile(r"\b(?:which|who)\s+(?:has|have|had)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
# what a doer says it hit when it was armed (the targets above, or a group's leaders), or
# why it struck: a verdict on such claims speaks of the target ("claims it had targeted
# leaders of the group were false")
_ARMED_TARGET = re.compile(rf"\b(?:{_ARMED_OBJECT}|leaders?|justif\w+)\b", re.IGNORECASE)
_CLAIMS = re.compile(
    r"\b(?:reports?|reported|allegations?|alleged|claims?|claimed|accusations?|accounts?|"
    r"stories|footage|videos?|images?|news|rumou?rs?|speculations?)\b",
    re.IGNORECASE,
)
# words that say an act was meant (doers.py reads them too, in denials of intent only)
INTENT_WORDS = (
    r"intentional(?:ly)?|deliberate(?:ly)?|premeditated|on purpose|purposeful(?:ly)?|"
    r"purposely|wil+ful(?:ly)?"
)
_DELIBERATE = re.compile(
    rf"\b(?:{INTENT_WORDS})\b",
    re.IGNORECASE,
)
_MISTAKE = re.compile(
    r"\b(?:mistake(?:n|nly)?|in error|erroneous(?:ly)?|accidental(?:ly)?|"
    r"unintentional(?:ly)?|unintended|inadvertent(?:ly)?|human errors?|misidentif\w+)\b",
    re.IGNORECASE,
)
# "was not a mistake", "none of the facts show that what happened was a mistake": the
# negation turns the word to the other side (within the clause before it); "without
# evidence" hedges the claim and negates nothing
_NEGATED = re.compile(
    # "has not ruled out that she was accidentally killed", "could not exclude": a hedged
    # yes, no negation
    r"\b(?!(?:not|n['’]t|never)\s+(?:\w+\s+)?(?:rul(?:e|ed|ing)\s+out|exclud\w*)\b)"
    r"(?:not|n['’]t|no|nothing|never|none of|nor|without"
    # "claimed without evidence that ... was deliberate": the writer's hedge, no negation
    r"(?!\s+(?:(?:offering|providing|giving|presenting|citing|showing)\s+)?(?:any\s+)?"
    r"(?:evidence|proof)))\b"
    r"(?:(?!\b(?:but|rather)\b)[^.,;:]){0,70}$",  # "not intentional but a mistake"
    re.IGNORECASE,
)
# "called the reports (of a strike) 'erroneous'", "the claims were mistaken", "erroneous
# reports": the word judges what was said about the happening, not how it was done
_CLAIMS_BEFORE = re.compile(
    _CLAIMS.pattern + r"(?:\s+(?:of|about|on|over)\s[^.;:,'\"\u2018\u201c]{0,60}?)?"
    r"[\s'\"\u2018\u201c]*(?:(?:as|were|was|are|is|been|being|to\s+be|"
    r"quite|totally|completely|entirely)[\s'\"\u2018\u201c]+){0,2}$",
    re.IGNORECASE,
)
_OF_BLAME = re.compile(r"\b(?:responsib\w*|blam\w*|accus\w*|culpab\w*|finger)\b", re.IGNORECASE)
# "allegations that ...", "reports that ...": what follows up to the stance's words is a
# claim's content, not the word of who acts in the sentence
_CLAIMED_THAT = re.compile(_CLAIMS.pattern + r"\s+that\b,?[^.;:,]*$", re.IGNORECASE)
# "struck back at", "rejected", "denied", "dismissed" right before the claims: an answer
_ANSWERING = re.compile(
    r"\b(?:reject(?:s|ed|ing)?|den(?:y|ies|ied|ying)|dismiss(?:es|ed|ing)?|refut(?:e|es|ed|ing)|"
    r"contradict(?:s|ed|ing)?|"
    r"rebuff(?:s|ed|ing)?|disput(?:e|es|ed|ing)|(?:struck|strikes?|striking|hit|hits|hitting|"
    r"push(?:es|ed|ing)?)\s+back\s+(?:at|against))\s+(?:(?:the|these|those|all|any)\s+)?"
    r"(?:[\w'\u2019-]+\s+){0,2}$",
    re.IGNORECASE,
)
_CLAIMS_AFTER = re.compile(r"[\s'\"\u2019\u201d]*" + _CLAIMS.pattern, re.IGNORECASE)
_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "it", "they", "this", "that"})


@dataclass(frozen=True)
class Saying:
    """One source's word on a happening: `stance` is one of STANCE_FIELDS (NEVER, DELIBERATE,
    MISTAKE, SPARED, UNARMED, ARMED); the attribution's actor is the speaker, its text the
    sentence, its offsets the words."""

    stance: str
    said: Attribution


def sayings(facts: ArticleFacts, kinds: IncidentKinds, gazette: Gazette) -> list[Saying]:
    """Every refutation and account of intent in the article, in reading order, each
    about an attack (its sentence names one) and on a named source's word ("he said": the
    speaker the quote resolved, by the gazette's name)."""
    found = []
    for start, end in _sentence_spans(facts):
        text = facts.body[start:end]
        answered = _DENIED_REPORT.search(text)
        if not (
            kinds.in_text(text) or ABOUT_IT.search(text) or answered
            or _SPARED.search(text) or _UNARMED.search(text) or _STRUCK_ARMED.search(text)
        ):  # fmt: skip
            continue
        if answered is not None and not _UNARMED.search(text):
            # "Hamas denied the Israeli report": the account it answers is the armed
            # target another voice claimed just before
            claimed = _armed_claimed_before(found, start)
            claimant, claimant_id = speaker_of(start + answered.start(), start, end, facts)
            if claimed is not None and claimant is not None and claimant_id != claimed:
                found.append(Saying(UNARMED, Attribution(
                    claimant_id, text.strip(), claimant, claimant_id,
                    start + answered.start(), start + answered.end(),
                )))  # fmt: skip
        for stance, (a, b) in _stances_in(text):
            # what a doer says it hit: a quote's speaker or who acts in the sentence, never
            # an actor it merely names ("Topic: US Missile Attack on Syrian Air Base")
            claimant, claimant_id = speaker_of(start + a, start, end, facts, stance != ARMED)
            if claimant is None:
                continue
            if claimant.lower() in _PRONOUNS and (name := gazette.actor_name(claimant_id)):
                claimant = name
            attribution = Attribution(
                claimant_id, text.strip(), claimant, claimant_id, start + a, start + b
            )
            found.append(Saying(stance, attribution))
    return found


# "denied the Israeli report", "rejected the claims": a denial of an account told before,
# with no words of its own on what was there ("denied reports that ..." says them)
_DENIED_REPORT = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?)\s+the\s+"
    r"(?:[\w'\u2019-]+\s+){0,2}?(?:reports?|claims?|allegations?|accounts?)\b(?!\s+(?:that|of)\b)",
    re.IGNORECASE,
)
ANSWER_REACH = 400  # characters back to the account a denial of "the report" answers


def _armed_claimed_before(found: list[Saying], start: int) -> str | None:
    """Who claimed, in the sentences just before `start`, that the attack hit an armed
    target (the last such voice), else None."""
    for saying in reversed(found):
        at = saying.said.start or 0
        if saying.stance == ARMED and start - ANSWER_REACH <= at < start:
            return saying.said.claimant_actor_id or saying.said.claimant or ""
    return None


def _stances_in(text: str) -> Iterable[tuple[str, tuple[int, int]]]:
    """The stances one sentence takes, each once, with the span of its words."""
    taken: set[str] = set()
    trace = _NO_TRACE.search(text)
    # "is spreading false information" charges the spreader: no verdict
    verdict = next(
        (m for m in _VERDICT.finditer(text)
         if not SPREADING.search(text[max(0, m.start() - 60) : m.start()])),
        None,
    ) if _CLAIMS.search(text) else None  # fmt: skip
    if verdict is not None and _armed_target_claimed(text, verdict.start()):
        taken.add(UNARMED)  # the doer's account of what it hit is false, not the happening
        yield UNARMED, verdict.span()
        verdict = None
    if verdict is not None and _DELIBERATE.search(text, 0, verdict.start()):
        # "accused Israel of deliberately shooting her — an allegation Israel called a
        # 'blatant lie'": the charge of intent is false, not the happening
        taken.add(MISTAKE)
        yield MISTAKE, verdict.span()
        verdict = None
    if verdict is not None and _OF_BLAME.search(text):
        # "described as 'lies' the army's accusations that it was responsible", "evade its
        # responsibility ... through fabrication of lies": untrue words on who is to blame
        # deny a charge (see the denials), they do not say the happening never was
        verdict = None
    for match in (trace, verdict):
        if match is not None and NEVER not in taken:
            taken.add(NEVER)
            yield NEVER, match.span()
    for words, stance in ((_SPARED, SPARED), (_UNARMED, UNARMED), (_STRUCK_ARMED, ARMED)):
        if stance in taken or (stance == ARMED and taken & {SPARED, UNARMED}):
            continue
        found = words.search(text)
        if (
            found is not None
            and not _NEGATED.search(text[: found.start()])  # "was not a legitimate target"
            and not HABITUAL.search(text[max(0, found.start() - 40) : found.end() + 40])
            and not _DESCRIBING.search(text[: found.start()])
        ):  # "has repeatedly denied targeting civilians": a standing word, of no one attack
            claimed, answered = _in_a_claim(text, found.end())
            if stance == ARMED and claimed is not None:
                # "struck back at allegations that Taliban fighters were operating in the
                # hospital": the armed men are the allegation's; who answers it says no
                # armed men were there, who only reports it says nothing
                if UNARMED not in taken and answered:
                    taken.add(UNARMED)
                    yield UNARMED, (claimed, found.end())
                continue
            taken.add(stance)
            yield stance, found.span()
    for word, stance, other in ((_DELIBERATE, DELIBERATE, MISTAKE),
                                (_MISTAKE, MISTAKE, DELIBERATE)):  # fmt: skip
        for match in word.finditer(text):
            if stance == MISTAKE and _judges_claims(text, match):
                continue
            if _in_a_claim(text, match.end())[1]:
                continue  # "contradicted Israeli claims that, if a soldier had mistakenly
                # killed her, ...": the answered claim's word, no one's account here
            side = other if _NEGATED.search(text[: match.start()]) else stance
            if side not in taken:
                taken.add(side)
                yield side, match.span()


def _in_a_claim(text: str, end: int) -> tuple[int | None, bool]:
    """Where the claim ("allegations that ...", see _CLAIMED_THAT) holding the words that end
    at `end` begins (None: they are in none), and whether a verb of answering right before
    it answers it (see _ANSWERING)."""
    claimed = _CLAIMED_THAT.search(text[:end])
    if claimed is None:
        return None, False
    return claimed.start(), _ANSWERING.search(text[: claimed.start()]) is not None


def _judges_claims(text: str, match: re.Match[str]) -> bool:
    """Whether a mistake word qualifies reports or claims rather than the act ("the IDF
    called the reports 'erroneous'": held-out page on a strike whose doer denied the
    reports, read as the doer's word that it struck by mistake)."""
    return bool(
        _CLAIMS_BEFORE.search(text, max(0, match.start() - 60), match.start())
        or _CLAIMS_AFTER.match(text, match.end())
    )


def _armed_target_claimed(text: str, verdict: int) -> bool:
    """Whether the claims a verdict calls false are the doer's account of an armed target
    ("Israeli claims it had targeted leaders of the group were false", "claims that its
    fighters were present at the site of the strike were a blatant lie", "the allegations
    the IRGC have given as justifications for the attacks are baseless"): the words from the
    claims to the verdict name fighters, leaders, a headquarters or a justification. Such a
    verdict says nothing armed was there, not that the attack never was (held-out pages:
    Hamas on al-Mawasi, Erbil's premier on the IRGC's missiles)."""
    claims = [m for m in _CLAIMS.finditer(text, 0, verdict)]
    if not claims:
        return False
    return _ARMED_TARGET.search(text, claims[-1].start(), verdict) is not None


def _sentence_spans(facts: ArticleFacts) -> list[tuple[int, int]]:
    """The sentences that hold a finding (a sentence without any says nothing we read)."""
    spans = {(f.sentence_start, f.sentence_end)
             for group in (facts.events, facts.quotes, facts.mentions, facts.figures)
             for f in group}  # fmt: skip
    return sorted(spans)


def speaker_of(
    offset: int, start: int, end: int, facts: ArticleFacts, named: bool = True
) -> tuple[str | None, str | None]:
    """Who says the words at `offset`: who denies or charges in the words' own clause
    (see `_own_saying`), else the speaker of the quote around them, else who acts in
    their sentence's events ("Syria described the reports as untrue"), else (when
    `named`) the first actor the sentence names."""
    own = _own_saying(offset, start, facts)
    if own is not None:
        return own
    claimant, claimant_id = claimant_at(offset, start, facts)
    if claimant is not None:
        return claimant, claimant_id
    for event in facts.events:
        if event.sentence_start == start:
            for source in event.sources:
                if source.actor_id:
                    return source.text, source.actor_id
    if not named:
        return None, None
    for mention in facts.mentions:
        if start <= mention.start < end and mention.actor_id and mention.field == "body":
            return mention.text, mention.actor_id
    return None, None


# verbs of a statement that can carry words of their own after a quote's end
_STATEMENT_TYPES = frozenset({"REJECT", "ACCUSE", "CONCEDE"})
_OWN_REACH = 60  # characters from such a verb to the words it carries


def _own_saying(offset: int, start: int, facts: ArticleFacts) -> tuple[str, str | None] | None:
    """Words outside every quote that a statement verb of their own carries, just before
    them: "64 people were killed ..., a local health officer said, as the army denied
    targeting civilians" is the army's word, not the officer's."""
    if any(q.start <= offset < q.end for q in facts.quotes):
        return None
    for event in facts.events:
        if (
            event.sentence_start == start
            and event.type in _STATEMENT_TYPES
            and 0 <= offset - event.start <= _OWN_REACH
            and not any(q.start <= event.start < q.end for q in facts.quotes)
        ):
            source = next((a for a in event.sources if a.actor_id), None)
            if source is not None:
                return source.text, source.actor_id
    return None


def claimant_at(
    offset: int, sentence_start: int, facts: ArticleFacts
) -> tuple[str | None, str | None]:
    """On whose word a phrase stands: the speaker of the quote around it, else the claimant
    of a figure in its sentence, else the outlet's own voice (None)."""
    quote = _quote_around(offset, facts.quotes)
    if (
        quote is not None
        and quote.speaker
        and (quote.speaker_actor_id or quote.speaker.lower() not in _PRONOUNS)
    ):  # an unresolved "it" or "I" names nobody
        return quote.speaker, quote.speaker_actor_id
    for figure in facts.figures:
        if figure.sentence_start == sentence_start and figure.claimant:
            return figure.claimant, figure.claimant_actor_id
    return None, None


def _quote_around(offset: int, quotes: Iterable[QuoteFact]) -> QuoteFact | None:
    """The quote whose words hold the offset, else the first quote of its sentence ("X said
    it was a mistake, while Y stated it was intentional": each word is its own quote's)."""
    in_sentence = None
    for quote in quotes:
        if quote.start <= offset < quote.end:
            return quote
        if in_sentence is None and quote.sentence_start <= offset < quote.sentence_end:
            in_sentence = quote
    return in_sentence
