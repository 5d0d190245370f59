"""Who did it and to whom: an event trigger's source and target, read off the parse.

Decisions, so the tests can pin them:
- Active verbs: the subject is the source and the direct object (or the object of one of the
  word's target prepositions: "talks with X", "strikes on X") the target. Passive: the
  subject is the target and the "by" agent the source ("was rejected by a group").
- A verb without a subject borrows one: a conjunct or open complement takes its head's
  ("agreed to set up", "encircled them and then launched"); under an object-control verb the
  head's object is the subject ("called on the fighters to leave", "accused Russia of
  procrastinating"); a relative clause's subject is the noun it modifies.
- An event noun's source is its owner ("Russia's proposal", "Russian air strikes", "strikes
  by the regime") or its light verb's subject ("launched an assault"); its target the object
  of a target preposition.
- When the object is what was agreed, offered or rejected (`object: content`), the target is
  whoever owns it: "rejected Russia's plan" and "a Russian plan ... was rejected" target Russia.
- Coordinated arguments are all kept ("Jordan and Britain agreed").
- An argument's actor comes from `participants.ParticipantResolver`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Token

from rashomon.extract.events.lexicon import EventLexicon
from rashomon.extract.events.participants import ParticipantResolver
from rashomon.extract.events.tree import OWNER_DEPS, SUBJECTS, first_child, governing_verb
from rashomon.extract.events.triggers import Trigger
from rashomon.model import ActorMention, EventArgument, Quote

_BORROW = ("xcomp", "advcl", "conj", "pcomp")
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_AIMED = frozenset({"to", "with", "against", "on", "for", "from"})
_HOSTING_PREPS = frozenset({"for", "in", "at", "during"})
_CONTROL_VERBS = frozenset({"ask", "urge", "tell", "order", "force", "allow", "help", "call"})


class ArgumentReader:
    """Reads sources and targets for one article's triggers (mentions indexed once)."""

    def __init__(
        self,
        doc: Doc,
        mentions: Sequence[ActorMention],
        quotes: Sequence[Quote],
        lexicon: EventLexicon,
        kind_of: Callable[[str], str | None],
        affiliation_of: Callable[[str], str | None],
        country_mentions: Sequence[ActorMention] = (),
    ) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self.people = ParticipantResolver(
            doc, (*mentions, *country_mentions), quotes, kind_of, affiliation_of
        )
        self.at_token = self.people.at_token

    # -- public ---------------------------------------------------------------------------------

    def subject_of(self, verb: Token) -> list[EventArgument]:
        """The resolved subject of a framing verb, lent to a proposal without an owner."""
        return self._resolve_all(self._subject(verb))

    def read(self, trigger: Trigger) -> tuple[list[EventArgument], list[EventArgument]]:
        if trigger.is_noun:
            sources, targets = self._noun_roles(trigger)
        else:
            sources, targets = self._verb_roles(trigger)
        return self._resolve_all(sources), self._resolve_all(targets)

    # -- roles ----------------------------------------------------------------------------------

    def _verb_roles(self, trigger: Trigger) -> tuple[list[Token], list[Token]]:
        verb, sense = trigger.head, trigger.sense
        sources: list[Token] = []
        targets: list[Token] = []
        passive_subject = first_child(verb, ("nsubjpass",))
        if passive_subject is not None:
            targets += self._content_or_target(passive_subject, sense.object)
            agent = first_child(verb, ("agent",))
            if agent is not None:
                sources += [c for c in agent.children if c.dep_ == "pobj"]
        else:
            sources += self._subject(verb)
            obj = first_child(verb, ("dobj",))
            if obj is not None and trigger.start <= obj.idx < trigger.end:
                targets += self._prep_objects(obj, sense.target_preps)  # "broke ties with X"
            elif obj is not None:
                targets += self._content_or_target(obj, sense.object)
        targets += self._prep_objects(verb, sense.target_preps)
        if trigger.phrase_prep is not None:
            targets += [c for c in trigger.phrase_prep.children if c.dep_ == "pobj"]
        dative = first_child(verb, ("dative",))
        if dative is not None and dative.pos_ in ("PRON", "PROPN", "NOUN"):
            targets.append(dative)
        if not targets:
            targets += _embedded_targets(verb, sense.type)
        return sources, targets

    def _noun_roles(self, trigger: Trigger) -> tuple[list[Token], list[Token]]:
        noun, sense = trigger.head, trigger.sense
        sources: list[Token] = []
        if trigger.reversal and trigger.light_verb is not None:
            owners = [c for c in noun.children if c.dep_ in OWNER_DEPS and c.i in self.at_token]
            return self._subject(trigger.light_verb), owners  # "rebels ended the regime's siege"
        for child in noun.children:
            if child.dep_ == "poss" or (
                child.dep_ in ("amod", "compound", "nmod") and child.i in self.at_token
            ):
                sources.append(child)
            elif child.dep_ in ("prep", "agent") and child.lower_ == "by":
                sources += [c for c in child.children if c.dep_ == "pobj"]
        if not sources and trigger.light_verb is not None:
            sources += self._subject(trigger.light_verb)
        elif not sources:
            host = _hosting_verb(noun)
            if host is not None:
                sources += self._subject(host)  # "they were in Geneva for discussions"
        targets = self._prep_objects(noun, sense.target_preps)
        if trigger.light_verb is not None:
            dative = first_child(trigger.light_verb, ("dative",))
            if dative is not None:
                targets.append(dative)
            targets += self._prep_objects(trigger.light_verb, sense.target_preps)
        return sources, targets

    def _subject(self, verb: Token) -> list[Token]:
        node = verb
        for step in range(5):
            subject = first_child(node, SUBJECTS if step == 0 else (*SUBJECTS, "nsubjpass"))
            if node.dep_ == "relcl" and (subject is None or subject.lower_ in _RELATIVE):
                if not any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
                    return [node.head]  # "countries who support the opposition"
                node = governing_verb(node.head)  # "take advantage of a pause to leave"
                if node is None:
                    return []
                continue
            if subject is not None:
                return [subject]
            stray = _stray_subject(node)
            if stray is not None:
                return [stray]
            if node.dep_ not in _BORROW or node.head.i == node.i:
                return []
            head = node.head
            if node.dep_ == "pcomp" and head.dep_ == "prep":
                head = head.head
            if head.pos_ not in ("VERB", "AUX"):
                return []
            controller = self._controller(head)
            if controller is not None and node.dep_ != "conj":
                return [controller]
            node = head
        return []

    def _controller(self, verb: Token) -> Token | None:
        """The object that is the embedded clause's subject ("called on X to leave")."""
        lemma = verb.lemma_.lower()
        sense = self.lexicon.verbs.get(lemma)
        controls = lemma in _CONTROL_VERBS or (sense is not None and sense.control == "object")
        if not controls:
            return None
        obj = first_child(verb, ("dobj",))
        if obj is not None:
            return obj
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in ("on", "upon"):
                return first_child(prep, ("pobj",))
        return None

    def _content_or_target(self, noun: Token, object_role: str | None) -> list[Token]:
        if object_role != "content":
            return [noun]
        return [c for c in noun.children if c.dep_ in OWNER_DEPS and c.i in self.at_token]

    @staticmethod
    def _prep_objects(head: Token, preps: Sequence[str]) -> list[Token]:
        found = []
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                found += [c for c in child.children if c.dep_ == "pobj"]
        return found

    # -- actors ---------------------------------------------------------------------------------

    def _resolve_all(self, heads: list[Token]) -> list[EventArgument]:
        found: list[EventArgument] = []
        seen: set[int] = set()
        for head in heads:
            for word in _with_conjuncts(head):
                if word.i in seen:
                    continue
                seen.add(word.i)
                found.append(self._argument(word))
        return found

    def _argument(self, head: Token) -> EventArgument:
        left = min((t.i for t in head.lefts), default=head.i)
        left = min(left, head.i)
        words = self.doc[left : head.i + 1]
        actor = self.people.actor(head)
        return EventArgument(words.start_char, words.end_char, words.text, actor)


def _embedded_targets(verb: Token, event_type: str) -> list[Token]:
    """Whom an act aims at when it is stated through another clause: "demanded that the
    government end curbs" targets the government, "threatened to cut off power to X" and
    "agreed to provide aid for X" target X."""
    for clause in verb.children:
        if clause.dep_ not in ("xcomp", "ccomp"):
            continue
        if event_type == "REQUEST" and clause.dep_ == "ccomp":
            subject = first_child(clause, ("nsubj", "nsubjpass"))
            if subject is not None:
                return [subject]
        found = [c for c in clause.children if c.dep_ in ("dobj", "dative")]
        found += [
            obj for prep in clause.children
            if prep.dep_ == "prep" and prep.lower_ in _AIMED
            for obj in prep.children if obj.dep_ == "pobj"
        ]  # fmt: skip
        aimed = [t for t in found if t.pos_ in ("PROPN", "PRON") or t.ent_type_]
        if aimed:
            return aimed
    return []


def _stray_subject(verb: Token) -> Token | None:
    """A subject the parser gave to a reduced relative just before the verb: in "groups
    linked to the FSA had rejected", "groups" hangs on "linked", not on "rejected"."""
    for sibling in verb.head.children:
        if sibling.i >= verb.i or sibling.tag_ != "VBN" or sibling.dep_ not in ("ccomp", "conj"):
            continue
        if any(c.dep_ in ("aux", "auxpass") for c in sibling.children):
            continue
        subject = first_child(sibling, ("nsubj",))
        if subject is not None and any(c.dep_ == "aux" for c in verb.children):
            return subject
    return None


def _hosting_verb(noun: Token) -> Token | None:
    """The verb whose participants take part in an event noun: "were in Geneva for
    discussions", "took part in talks" (not "calls for talks", whose head is a noun)."""
    node = noun
    while node.dep_ in ("pobj", "conj") and node.head.dep_ in ("prep", "conj"):
        prep = node.head
        if prep.dep_ == "prep" and prep.lower_ not in _HOSTING_PREPS:
            return None
        node = prep.head if prep.dep_ == "prep" else prep
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def _with_conjuncts(head: Token) -> list[Token]:
    words = [head]
    for word in head.conjuncts:
        if word.i > head.i and word.pos_ in ("NOUN", "PROPN", "PRON"):
            words.append(word)
    return words
