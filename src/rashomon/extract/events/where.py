"""Where an event happened: the place its clause names, else the place the text is at.

`location.link_place` reads the clause. When the clause says where only by description
("in the Swiss city", "there", "here") the place is the last city or district named in the
three sentences before; that is how news prose carries a setting forward, and it is marked
`place_from = "context"` so a reader can tell it from a place in the clause.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from rashomon.extract.doc_text import doc_text
from rashomon.extract.events.location import link_place
from rashomon.extract.events.triggers import Trigger
from rashomon.model import EventArgument, PlaceMention, PlacePrecision

_LOCATIVE = frozenset({"in", "at", "inside", "near"})
_SETTING_NOUNS = frozenset({"city", "town", "capital", "village", "district", "country"})
_DEICTIC = frozenset({"there", "here"})
_SETTLED = (PlacePrecision.CITY, PlacePrecision.DISTRICT, PlacePrecision.POINT)
# "X in Y", "X town in Y", "X, in Y province": Y holds X
_IN_HOLDER = re.compile(
    r"\s+(?:city|town|village|district|neighbou?rhood|suburb),?\s+in\s+(?:the\s+)?",
    re.IGNORECASE,
)


class EventPlaces:
    """Place mentions of one article, with the sentence each falls in."""

    def __init__(self, doc: Doc, places: Sequence[PlaceMention]) -> None:
        self.doc = doc
        self.places = sorted(places, key=lambda p: p.start)
        self.spans = [(p.start, p.end) for p in self.places]

    def for_trigger(
        self, trigger: Trigger, participants: Sequence[EventArgument] = ()
    ) -> tuple[str | None, str | None]:
        """(place id, "clause" | "context" | None); a place that is a participant ("accused
        Russia", "Russia's plan") is an actor there, not where the event happened."""
        scene = self.scene(trigger, participants)
        if scene is not None:
            return scene.place.id, "clause"
        if any(_describes_setting(t) for t in _anchors(trigger)):
            earlier = self._recent_setting(trigger.head.sent.start_char)
            if earlier is not None:
                return earlier.place.id, "context"
        return None, None

    def scene(
        self, trigger: Trigger, participants: Sequence[EventArgument] = ()
    ) -> PlaceMention | None:
        """The place mention the trigger's own clause says the event happened at, if any."""
        taken = [(a.start, a.end) for a in participants if a.actor_id]  # "recaptured X": X
        spans = [
            span if not any(s <= span[0] < e for s, e in taken) else (-1, -1) for span in self.spans
        ]
        for token in _anchors(trigger):
            index = link_place(token, spans)
            if index is not None:
                return self._inner(index, token, spans)
        return None

    def _inner(self, index: int, anchor: Token, spans: Sequence[tuple[int, int]]) -> PlaceMention:
        """The place before "in" when the scene found is the place that holds it: in "a
        station in Kramatorsk town in Donetsk" the parser often hangs "in Donetsk" on the
        verb, yet the phrase says where the station is, and the finer place is the scene."""
        found = self.places[index]
        if index == 0:
            return found
        before = self.places[index - 1]
        if before.place.precision is PlacePrecision.COUNTRY:
            return found
        between = doc_text(self.doc)[before.end : found.start]
        if before.place.id == found.place.id or not _IN_HOLDER.fullmatch(between):
            return found
        if spans[index - 1] == (-1, -1) or link_place(anchor, [spans[index - 1]]) is None:
            return found
        return before

    def _recent_setting(self, before: int) -> PlaceMention | None:
        sentences = [s for s in self.doc.sents if s.start_char < before][-3:]
        if not sentences:
            return None
        window_start = sentences[0].start_char
        for mention in reversed(self.places):
            if window_start <= mention.start < before and mention.place.precision in _SETTLED:
                return mention
        return None


def _anchors(trigger: Trigger) -> list[Token]:
    words = [trigger.head]
    if trigger.light_verb is not None:
        words.append(trigger.light_verb)
    node = trigger.head
    while node.dep_ in ("pobj", "prep", "conj") and node.head.i != node.i:
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            words.append(node)  # "were in the Swiss city ... for discussions"
            break
    return words


def _describes_setting(token: Token) -> bool:
    for child in token.children:
        if child.dep_ == "advmod" and child.lower_ in _DEICTIC:
            return True
        if child.dep_ == "prep" and child.lower_ in _LOCATIVE:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.lemma_.lower() in _SETTING_NOUNS:
                    return True
    return False
