"""When an event happened: the date expression attached to its clause, else the publication.

A date counts for an event when the parse attaches it to the trigger (or to the trigger's
light verb) without passing through another verb: in "X said on Monday that Russia must stop
bombing", Monday is when X spoke, not when the bombing was. With none, the event takes the
publication date one step coarser (a day becomes its week): a report says what happened
around its date, not on it. `historical` is set when a text date lies well before the
article's reference date (its publication, else the latest day it mentions).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from rashomon.extract.doc_arrays import DocArrays, doc_arrays
from rashomon.extract.events.tree import HEARSAY_VERBS
from rashomon.extract.events.triggers import Trigger
from rashomon.model import DateMention, PublicationDate

HISTORICAL_AFTER = timedelta(days=180)
RUN_BEGAN_BEFORE = timedelta(days=7)  # a run of acts begun longer ago dates none of them
_SAYING = frozenset({"tell", "add", "state", "announce", "claim", "insist", "stress", "allege"})
_COARSER = {"day": "week", "week": "month", "month": "year", "year": "year"}


class EventDates:
    """Date mentions indexed for one article, with its reference date."""

    def __init__(
        self,
        doc: Doc,
        dates: Sequence[DateMention],
        published: PublicationDate | None,
        triggers: Sequence[Trigger] = (),
    ) -> None:
        self.doc = doc
        self.published = published
        # event nouns told as an object or a modifier ("showed the cost of Hamas' Oct. 7
        # attack"): a date inside one of them is that event's, never one further up
        self.owners = frozenset(
            t.head.i for t in triggers
            if t.head.pos_ in ("NOUN", "PROPN") and t.head.dep_ not in ("nsubj", "nsubjpass")
        )  # fmt: skip
        self.roots: list[tuple[Token, DateMention]] = []
        for d in dates:
            span = doc.char_span(d.start, d.end, alignment_mode="expand")
            if span is not None and d.value:
                self.roots.append((span.root, d))
        self.reference = _reference(published, dates)

    def for_trigger(self, trigger: Trigger) -> tuple[str | None, str | None, str | None]:
        """(date, precision, "text" | "publication" | None)."""
        arrays = doc_arrays(trigger.head.doc)
        start, end = arrays.sentence(trigger.head.i)
        near = [
            (root, mention) for root, mention in self.roots
            if start <= root.i < end and not self._long_run(mention)
        ]  # fmt: skip
        anchors = {trigger.head.i} | _carriers(trigger.head) if near else set()
        if trigger.light_verb is not None:
            anchors.add(trigger.light_verb.i)
        best = self._nearest(near, anchors)
        head = trigger.head
        if best is None and near and head.dep_ == "conj" and head.head.pos_ == "VERB":
            # "the missile which fell on Poland last fall and killed two": with no date of
            # its own, a verb shares the date of the verb it is coordinated with
            best = self._nearest(near, {head.head.i})
        if best is not None:
            return best[1].value, best[1].precision, "text"
        if self.published is not None:
            precision = _COARSER.get(str(self.published.precision), "year")
            return self.published.value, precision, "publication"
        return None, None, None

    def _long_run(self, mention: DateMention) -> bool:
        """ "Since October 10, the army has been launching attacks" (in January): the day a
        run of acts began weeks before is the day of none of them; "since Monday" still
        says about when."""
        if mention.relation != "since" or self.reference is None or not mention.value:
            return False
        began = _as_date(mention.value)
        return began is not None and (self.reference - began) > RUN_BEGAN_BEFORE

    def _nearest(
        self, near: Sequence[tuple[Token, DateMention]], anchors: set[int]
    ) -> tuple[int, DateMention] | None:
        """The date fewest steps up the parse from an anchor, and those steps."""
        arrays = doc_arrays(self.doc)
        best: tuple[int, DateMention] | None = None
        for root, mention in near:
            steps = _steps_to(arrays, root.i, anchors, self.owners)
            if steps is not None and (best is None or steps < best[0]):
                best = (steps, mention)
        return best

    def is_historical(self, value: str | None, source: str | None) -> bool:
        if source != "text" or value is None or self.reference is None:
            return False
        day = _as_date(value)
        return day is not None and self.reference - day > HISTORICAL_AFTER


def _carriers(head: Token) -> set[int]:
    """Words whose date is the event's though the parse hangs it elsewhere: the verb an
    attack noun is the subject of ("the airstrike targeted Khan Shaykhun on Tuesday"), the
    verb of a relative clause that tells the attack noun ("the airstrikes that destroyed the
    trauma centre on Oct. 3"), and
    the clause a participle continues ("hit the troops on September 17, killing 62",
    "..., leaving over 80 people killed"), but never a verb of saying ("the attack was
    deliberate, he said on Monday"; "denied it on Thursday, saying civilians were not
    targeted")."""
    found: set[int] = set()
    node = head
    if node.pos_ in ("NOUN", "PROPN"):  # "the airstrikes that destroyed the centre on Oct. 3"
        found.update(
            c.i for c in node.children
            if c.dep_ == "relcl" and c.pos_ == "VERB"
            and c.lemma_.lower() not in HEARSAY_VERBS and c.lemma_.lower() not in _SAYING
        )  # fmt: skip
    if node.pos_ in ("NOUN", "PROPN") and node.dep_ in ("nsubj", "nsubjpass"):
        node = node.head
        if node.lemma_.lower() in HEARSAY_VERBS or node.lemma_.lower() in _SAYING:
            return found
        found.add(node.i)
    for _ in range(2):  # "leaving ... killed": the participle, then the clause it continues
        if node.dep_ in ("ccomp", "oprd", "xcomp") and node.head.tag_ == "VBG":
            node = node.head
            if node.lemma_.lower() in HEARSAY_VERBS or node.lemma_.lower() in _SAYING:
                break  # "dismissed the allegation on Thursday, saying civilians were not
                # targeted": what was said keeps no day of the denial
        if node.dep_ != "advcl" or node.tag_ != "VBG":
            break
        node = node.head
        if node.lemma_.lower() in HEARSAY_VERBS or node.lemma_.lower() in _SAYING:
            break
        found.add(node.i)
    return found


def _steps_to(
    arrays: DocArrays, root: int, anchors: set[int], owners: frozenset[int] = frozenset()
) -> int | None:
    """Steps up the parse from a date's root token to an anchor, on the Doc's columns; none
    past another event's noun (`owners`): "the killing ... showed the toll of the war
    ignited by Hamas' Oct. 7 attack" (as the small model parses it, the attack is the
    object of "showed", which carries the killing's date) dates the attack, not the
    killing."""
    heads, pos, dep = arrays.head, arrays.pos, arrays.dep
    node, steps = root, 0
    while steps < 8:
        if node in anchors:
            return steps
        if heads[node] == node or node in owners:
            return None
        if steps > 0 and pos[node] in ("VERB", "AUX") and dep[node] != "aux":
            return None
        node, steps = heads[node], steps + 1
    return None


def _reference(published: PublicationDate | None, dates: Sequence[DateMention]) -> date | None:
    if published is not None:
        found = _as_date(published.value)
        if found is not None:
            return found
    days = [_as_date(d.value) for d in dates if d.value and d.precision == "day"]
    known = [d for d in days if d is not None]
    return max(known) if known else None


def _as_date(value: str) -> date | None:
    """The last day a value can mean: "2014" is taken as 2014-12-31, so a year is only
    historical when all of it lies well before the reference."""
    parts = value.split("-")
    try:
        if len(parts) >= 3 and not parts[1].startswith("W"):
            return date(int(parts[0]), int(parts[1]), int(parts[2][:2]))
        if len(parts) == 2 and parts[1].startswith("W"):
            return date.fromisocalendar(int(parts[0]), int(parts[1][1:]), 7)
        if len(parts) == 2:
            year, month = int(parts[0]), int(parts[1])
            return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        return date(int(parts[0]), 12, 31)
    except ValueError:
        return None
