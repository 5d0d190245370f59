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
- An argument's actor: the mention at its head word; for group words ("rebel groups
  related to the FSA", "fighters from Jabhat Fateh al-Sham") the organisation they belong
  to, before any nationality ("Syrian"); "we"/"our" in a quotation is the speaker's group;
  "they" under a speech verb is that verb's subject ("rebels said they did not refuse"); an
  unnamed group ("a powerful jihadist group") the nearest armed group named within two
  sentences, ahead first (a news lead names it in the next sentence).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Token

from rashomon.extract.events.lexicon import EventLexicon
from rashomon.extract.events.triggers import Trigger
from rashomon.model import ActorMention, EventArgument, Quote

_SUBJECT = ("nsubj", "csubj")
_BORROW = ("xcomp", "advcl", "conj", "pcomp")
_OWNER_DEPS = ("poss", "amod", "compound", "nmod")
_BELONGS = frozenset({"of", "from", "to", "with", "within", "inside"})
_BELONG_VERBS = frozenset({"relate", "link", "affiliate", "ally", "loyal", "tie", "belong"})
_GROUP_WORDS = frozenset(
    [
        "group",
        "faction",
        "organisation",
        "organization",
        "militia",
        "movement",
        "jihadist",
        "militant",
        "rebel",
        "insurgent",
        "fighter",
        "force",
        "coalition",
        "alliance",
        "army",
    ]
)
_SPEECH = frozenset(
    [
        "say",
        "tell",
        "add",
        "insist",
        "stress",
        "claim",
        "announce",
        "state",
        "explain",
        "warn",
        "argue",
        "note",
    ]
)
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_NEUTER = frozenset({"it", "its"})
_FIRST = frozenset({"i", "we", "me", "us"})
_AIMED = frozenset({"to", "with", "against", "on", "for", "from"})
_HOSTING_PREPS = frozenset({"for", "in", "at", "during"})
_PERSONAL_OBJECT = frozenset({"him", "her", "his"})
_PLURAL_KINDS = frozenset({"organisation", "nationality", "metonym", "location"})
_FIRST_PLURAL = frozenset({"we", "us", "our", "ours"})
_THIRD_PLURAL = frozenset({"they", "them", "their", "theirs"})
_CONTROL_VERBS = frozenset({"ask", "urge", "tell", "order", "force", "allow", "help", "call"})
_ARMED = frozenset({"armed group", "military"})


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
        self.kind_of = kind_of
        self.affiliation_of = affiliation_of
        self.quotes = quotes
        self.at_token: dict[int, ActorMention] = {}
        for m in (*mentions, *country_mentions):
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self.at_token.setdefault(token.i, m)
        self.mentions = sorted((*mentions, *country_mentions), key=lambda m: m.start)

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
        passive_subject = _child(verb, ("nsubjpass",))
        if passive_subject is not None:
            targets += self._content_or_target(passive_subject, sense.object)
            agent = _child(verb, ("agent",))
            if agent is not None:
                sources += [c for c in agent.children if c.dep_ == "pobj"]
        else:
            sources += self._subject(verb)
            obj = _child(verb, ("dobj",))
            if obj is not None and trigger.start <= obj.idx < trigger.end:
                targets += self._prep_objects(obj, sense.target_preps)  # "broke ties with X"
            elif obj is not None:
                targets += self._content_or_target(obj, sense.object)
        targets += self._prep_objects(verb, sense.target_preps)
        if trigger.phrase_prep is not None:
            targets += [c for c in trigger.phrase_prep.children if c.dep_ == "pobj"]
        dative = _child(verb, ("dative",))
        if dative is not None and dative.pos_ in ("PRON", "PROPN", "NOUN"):
            targets.append(dative)
        if not targets:
            targets += _embedded_targets(verb, sense.type)
        return sources, targets

    def _noun_roles(self, trigger: Trigger) -> tuple[list[Token], list[Token]]:
        noun, sense = trigger.head, trigger.sense
        sources: list[Token] = []
        if trigger.reversal and trigger.light_verb is not None:
            owners = [c for c in noun.children if c.dep_ in _OWNER_DEPS and c.i in self.at_token]
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
            dative = _child(trigger.light_verb, ("dative",))
            if dative is not None:
                targets.append(dative)
            targets += self._prep_objects(trigger.light_verb, sense.target_preps)
        return sources, targets

    def _subject(self, verb: Token) -> list[Token]:
        node = verb
        for step in range(5):
            subject = _child(node, _SUBJECT if step == 0 else (*_SUBJECT, "nsubjpass"))
            if node.dep_ == "relcl" and (subject is None or subject.lower_ in _RELATIVE):
                if not any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
                    return [node.head]  # "countries who support the opposition"
                node = _governing_verb(node.head)  # "take advantage of a pause to leave"
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
        obj = _child(verb, ("dobj",))
        if obj is not None:
            return obj
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in ("on", "upon"):
                return _child(prep, ("pobj",))
        return None

    def _content_or_target(self, noun: Token, object_role: str | None) -> list[Token]:
        if object_role != "content":
            return [noun]
        return [c for c in noun.children if c.dep_ in _OWNER_DEPS and c.i in self.at_token]

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
        actor = self._actor(head)
        return EventArgument(words.start_char, words.end_char, words.text, actor)

    def _actor(self, head: Token) -> str | None:
        lower = head.lower_
        if lower in _FIRST_PLURAL:
            return self._speaker_group(head)
        if lower in ("its", "their") and head.dep_ == "poss":
            owner = self._owner_pronoun(head)
            if owner is not None:
                return owner
        if lower in _THIRD_PLURAL:
            return self._they(head)
        if lower in _PERSONAL_OBJECT:
            return self._last_person(head)
        named = self._apposed_person(head)
        if named is not None:
            return named  # "The top UN envoy for Syria, Staffan de Mistura, has called"
        if lower in _NEUTER:
            return self._it(head)
        mention = self.at_token.get(head.i)
        if mention is not None:
            return mention.actor_id
        belongs = self._belongs_to(head)
        if belongs is not None:
            return belongs
        owners = [
            self.at_token[c.i]
            for c in head.children
            if c.dep_ in _OWNER_DEPS and c.i in self.at_token
        ]
        owners.sort(key=lambda m: m.kind in ("nationality", "location"))
        if owners:
            return owners[0].actor_id
        if (
            head.lemma_.lower() in _GROUP_WORDS
            and head.tag_ == "NN"
            and any(c.dep_ == "det" for c in head.children)
        ):
            return self._unnamed_group(head)  # "a powerful jihadist group", not "rebels"
        return None

    def _belongs_to(self, head: Token) -> str | None:
        for child in head.children:
            prep = child
            if child.dep_ in ("acl", "amod") and child.lemma_.lower() in _BELONG_VERBS:
                prep = next((c for c in child.children if c.dep_ == "prep"), child)
            if prep.dep_ != "prep" or prep.lower_ not in _BELONGS:
                continue
            if prep.i == child.i and prep.lower_ not in ("of", "from"):
                continue
            for obj in prep.children:
                mention = self.at_token.get(obj.i)
                if obj.dep_ == "pobj" and mention is not None:
                    return mention.actor_id
        return None

    def _speaker_group(self, token: Token) -> str | None:
        for quote in self.quotes:
            if quote.start <= token.idx < quote.end and quote.speaker_actor_id:
                speaker = quote.speaker_actor_id
                return self.affiliation_of(speaker) or speaker
        return None

    def _they(self, token: Token) -> str | None:
        """The speaker when "they" report about themselves ("rebels said they did not
        refuse"), else the group or people named last before it in the sentence."""
        node, subject = token.head, None
        while node.head.i != node.i and subject is None:
            node = node.head
            if node.lemma_.lower() in _SPEECH:
                subject = _child(node, _SUBJECT)  # "said ..., adding that they": said's
        if subject is not None and subject.i != token.i and subject.lower_ not in _FIRST:
            actor = self._actor(subject)
            if actor is not None and self.kind_of(actor) == "person":
                actor = self.affiliation_of(actor)  # "Khoja said they were in Geneva"
            if actor is not None:
                return actor
        sent = token.sent
        for m in reversed(self.mentions):
            if sent.start_char <= m.start < token.idx and m.kind in _PLURAL_KINDS:
                return m.actor_id
        return None

    def _last_person(self, token: Token) -> str | None:
        """ "him"/"her" as a participant: the person named last before it, in its sentence or
        the one before (the actor resolver handles only "he"/"she" as subjects)."""
        mention = self.at_token.get(token.i)
        if mention is not None:
            return mention.actor_id
        sentences = list(self.doc.sents)
        index = next(i for i, s in enumerate(sentences) if s.start <= token.i < s.end)
        window_start = sentences[max(index - 1, 0)].start_char
        for m in reversed(self.mentions):
            if window_start <= m.start < token.idx and m.kind in ("person", "title"):
                return m.actor_id
        return None

    def _apposed_person(self, head: Token) -> str | None:
        """A name in apposition to the head, also where the parser hung it on the head's
        own modifier ("The UN envoy for Syria, Staffan de Mistura": appos of Syria)."""
        for word in head.subtree:
            mention = self.at_token.get(word.i)
            if word.dep_ != "appos" or mention is None or mention.kind != "person":
                continue
            node = word.head
            while node.i != head.i and node.dep_ in ("pobj", "prep", "appos", "compound"):
                node = node.head
            if node.i == head.i:
                return mention.actor_id
        return None

    def _owner_pronoun(self, token: Token) -> str | None:
        """ "its"/"their" owned by the subject of the clause: "Russia started its strikes"."""
        verb = _governing_verb(token)
        subject = _child(verb, _SUBJECT) if verb is not None else None
        if subject is not None and subject.i != token.i and subject.lower_ not in _NEUTER:
            return self._actor(subject)
        return None

    def _it(self, token: Token) -> str | None:
        """The organisation named last before "it", in its sentence or the one before."""
        sentences = list(self.doc.sents)
        index = next(i for i, s in enumerate(sentences) if s.start <= token.i < s.end)
        window_start = sentences[max(index - 1, 0)].start_char
        for m in reversed(self.mentions):
            if window_start <= m.start < token.idx and m.kind == "organisation":
                return m.actor_id
        return None

    def _unnamed_group(self, head: Token) -> str | None:
        sentences = list(self.doc.sents)
        index = next(i for i, s in enumerate(sentences) if s.start <= head.i < s.end)
        order = [index + 1, index + 2, index, index - 1, index - 2]
        for i in order:
            if not 0 <= i < len(sentences):
                continue
            sent = sentences[i]
            for m in self.mentions:
                if (
                    sent.start_char <= m.start < sent.end_char
                    and self.kind_of(m.actor_id) in _ARMED
                ):
                    return m.actor_id
        return None


def _embedded_targets(verb: Token, event_type: str) -> list[Token]:
    """Whom an act aims at when it is stated through another clause: "demanded that the
    government end curbs" targets the government, "threatened to cut off power to X" and
    "agreed to provide aid for X" target X."""
    for clause in verb.children:
        if clause.dep_ not in ("xcomp", "ccomp"):
            continue
        if event_type == "REQUEST" and clause.dep_ == "ccomp":
            subject = _child(clause, ("nsubj", "nsubjpass"))
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
        subject = _child(sibling, ("nsubj",))
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


def _governing_verb(token: Token) -> Token | None:
    node = token
    for _ in range(4):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def _child(token: Token, deps: Sequence[str]) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _with_conjuncts(head: Token) -> list[Token]:
    words = [head]
    for word in head.conjuncts:
        if word.i > head.i and word.pos_ in ("NOUN", "PROPN", "PRON"):
            words.append(word)
    return words
