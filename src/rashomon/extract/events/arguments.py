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
- A target slot holding a thing is read for the participant behind it (`aims`): "rejected
  Russia's plan" and "a Russian plan ... was rejected" target Russia, "halted aid to Serbia"
  Serbia; when the verb's own slots give no one, an embedded clause ("threatened to cut off
  power to X") or an aiming preposition of the verb ("fired at protesters") may.
- A stance in the passive ("Israel is opposed to X") keeps its holder as the source.
- A quantity stands for what it counts ("thousands of Nigerians").
- Coordinated arguments are all kept ("Jordan and Britain agreed"); no actor is both the
  source and the target of one event.
- An argument's actor comes from `participants.ParticipantResolver`.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Sequence
from dataclasses import replace
from typing import NamedTuple

from spacy.tokens import Doc, Token

from rashomon.extract.doc_arrays import doc_arrays
from rashomon.extract.events.aims import TargetFinder
from rashomon.extract.events.attribution import Attributor, Told
from rashomon.extract.events.lexicon import EventLexicon, EventSense
from rashomon.extract.events.location import PLACE_NOUNS
from rashomon.extract.events.participants import ParticipantResolver
from rashomon.extract.events.tree import (
    HEARSAY_VERBS,
    OWNER_DEPS,
    SUBJECTS,
    first_child,
    governing_verb,
)
from rashomon.extract.events.triggers import Trigger
from rashomon.model import ActorMention, EventArgument, Quote

_BORROW = ("xcomp", "advcl", "conj", "pcomp")
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_CONDITIONS = frozenset({"unless", "if"})
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
_ASIDES = frozenset({"appos", "relcl", "acl", "advcl", "punct", "cc", "conj", "prep"})
_AIMED = frozenset({"to", "with", "against", "on", "for", "from"})
_VERB_AIMED = frozenset({"to", "against", "on", "from", "at", "toward", "towards"})
_HOSTING_PREPS = frozenset({"for", "in", "at", "during", "on"})  # "arrived on a visit"
_QUANTITY_NOUNS = frozenset(
    {"thousand", "hundred", "dozen", "million", "score", "third", "half", "quarter", "number"}
)
_CONTROL_VERBS = frozenset({"ask", "urge", "tell", "order", "force", "allow", "help", "call"})


class Roles(NamedTuple):
    """An event's participants, and how factual the words that named its doer make it
    (None: the trigger's own clause decides)."""

    sources: list[EventArgument]
    targets: list[EventArgument]
    factuality: str | None = None
    frame: Token | None = None


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
        place_spans: Sequence[tuple[int, int]] = (),
    ) -> None:
        self.doc = doc
        self.place_words = {  # tokens of place mentions, by index
            t.i for start, end in place_spans
            for t in (doc.char_span(start, end, alignment_mode="expand") or ())
        }  # fmt: skip
        self.lexicon = lexicon
        self.people = ParticipantResolver(
            doc, (*mentions, *country_mentions), quotes, kind_of, affiliation_of
        )
        self.at_token = self.people.at_token
        self.aims = TargetFinder(self.at_token, lexicon.participant_nouns)
        self.attribution = Attributor(lexicon, self._subject)
        self.triggers: dict[int, Trigger] = {}  # noun triggers by head, for means-as-subject

    # -- public ---------------------------------------------------------------------------------

    def subject_of(self, verb: Token) -> list[EventArgument]:
        """The resolved subject of a framing verb, lent to a proposal without an owner."""
        return self._resolve_all(self._subject(verb))

    def resolve(self, heads: Sequence[Token]) -> list[EventArgument]:
        """The participants the words at `heads` name (with their conjuncts), resolved."""
        return self._resolve_all(list(heads))

    def know(self, triggers: Sequence[Trigger]) -> None:
        """The article's triggers: an act named as a verb's subject ("air raids killed 12"),
        or a weapon a trigger says was used ("barrel bombs dropped from helicopters killed"),
        lends that verb the act's doer, not itself."""
        self.triggers = {t.head.i: t for t in triggers}

    def deniers(self, heads: Sequence[Token]) -> list[EventArgument]:
        """Who denies an act on a side's behalf: a person or an outlet speaks for the state
        or group it belongs to ("SANA said the reports are false": the Syrian government)."""
        found = []
        for argument in self._resolve_all(list(heads)):
            actor = argument.actor_id
            kind = self.people.kind_of(actor) if actor else None
            if actor and kind in ("person", "media"):
                side = self.people.affiliation_of(actor) or (actor if kind == "person" else None)
                found.append(replace(argument, actor_id=side))
            else:
                found.append(argument)
        return found

    def read(self, trigger: Trigger) -> Roles:
        told = None
        if trigger.is_noun:
            sources, targets, told = self._noun_roles(trigger)
        else:
            sources, targets = self._verb_roles(trigger)
        resolved_sources = self._resolve_all(sources)
        doers = {a.actor_id for a in resolved_sources if a.actor_id}
        # no actor acts on itself: "forces encircled them" cannot make "them" the forces
        resolved_targets = [a for a in self._resolve_all(targets) if a.actor_id not in doers]
        if told is not None:
            return Roles(resolved_sources, resolved_targets, told.factuality, told.frame)
        return Roles(resolved_sources, resolved_targets)

    # -- roles ----------------------------------------------------------------------------------

    def _verb_roles(self, trigger: Trigger) -> tuple[list[Token], list[Token]]:
        verb, sense = trigger.head, trigger.sense
        behind = self.aims.all_behind
        content = sense.object == "content"
        sources: list[Token] = []
        targets: list[Token] = []
        passive_subject = first_child(verb, ("nsubjpass",))
        agent = first_child(verb, ("agent",))
        if passive_subject is not None and agent is None and _stative_to(verb, sense):
            sources.append(passive_subject)  # "Israel is opposed to French mediation"
        elif passive_subject is not None:
            targets += self.aims.behind(passive_subject, itself=not content)
            if agent is not None:
                sources += [c for c in agent.children if c.dep_ == "pobj"]
            elif sense.object == "means":  # "the bomb was dropped from a regime helicopter"
                sources += self._means_doers(verb)
        elif agent is not None:  # "are believed to have been killed by IS": a borrowed
            sources += [c for c in agent.children if c.dep_ == "pobj"]  # subject is the
            targets += self.aims.all_behind(self._subject(verb))  # one acted on
        elif sense.object == "means" and self._misparsed_means(verb):
            sources += self._means_doers(verb)  # "bombs dropped from helicopters"
        elif _passive_complement(verb) or _bare_participle(verb):  # "were reported killed",
            targets += self.aims.all_behind(self._subject(verb))  # "saw 25 fighters killed"
        elif _passive_conjunct(verb):  # "was shot and killed": the one shot was killed
            targets += self.aims.all_behind(self._subject(verb))
            told_by = first_child(verb.head, ("agent",))  # "was shot by troops and killed"
            if told_by is not None:
                sources += [c for c in told_by.children if c.dep_ == "pobj"]
        else:
            sources += self._act_doers(self._subject(verb))
            obj = _object(verb) if sense.object != "means" else None
            if obj is not None and trigger.start <= obj.idx < trigger.end:
                targets += behind(self._prep_objects(obj, sense.target_preps))  # "broke ties"
            elif obj is not None:
                targets += self.aims.behind(obj, itself=not content)
        targets += behind(self._prep_objects(verb, sense.target_preps))
        means = first_child(verb, ("dobj",)) if sense.object == "means" else None
        if means is not None and not targets:  # "fired rockets at X": "at" on the weapon
            for weapon in (means, *means.conjuncts):
                targets += behind(self._prep_objects(weapon, sense.target_preps))
        if trigger.phrase_prep is not None:
            targets += behind(c for c in trigger.phrase_prep.children if c.dep_ == "pobj")
        dative = first_child(verb, ("dative",))
        if dative is not None and dative.pos_ in ("PRON", "PROPN", "NOUN"):
            targets += self.aims.behind(dative)
        if not targets:
            targets += self._embedded_targets(verb, sense.type)
        if not targets and sense.type == "THREATEN":
            targets += self._conditioned(verb)
        if not targets:
            targets += [  # "confiscated weapons from the groups", "fired at protesters"
                t for t in behind(self._prep_objects(verb, _VERB_AIMED))
                if self.aims.is_participant(t)
            ]  # fmt: skip
        # not a target inside the aircraft a weapon came from: "dropped from a helicopter of
        # the army forces" (the army is the doer, not the target)
        carriers = [s for s in sources if s.dep_ == "pobj" and s.head.lower_ == "from"]
        return sources, [
            t for t in targets
            if t not in sources and not any(c.is_ancestor(t) for c in carriers)
        ]  # fmt: skip

    def _act_doers(self, subjects: list[Token]) -> list[Token]:
        """A verb whose subject is an act ("air raids killed 12", "Russia's strikes killed")
        or the weapon of one ("barrel bombs dropped from helicopters killed 11") was done by
        that act's doers, or by no one named; never by the act or the weapon itself."""
        found: list[Token] = []
        for subject in subjects:
            act = self.triggers.get(subject.i) or self._act_it_stands_for(subject)
            if act is not None and act.is_noun:
                found += self._noun_roles(act)[0]
                continue
            used = self._used_by(subject)
            found += self._means_doers(used) if used is not None else [subject]
        return found

    def _act_it_stands_for(self, pronoun: Token) -> Trigger | None:
        """ "Tuesday's bombing was especially deadly because it struck a cattle market", "the
        strike was based on ...; a general acknowledged it was a mistake and likely hit
        forces ...": an "it" no body reports about itself stands for the act its sentence
        made a subject before it, not for an organisation named earlier (web-dev: a strike
        of the US-led coalition was given to the Islamic State that way). Whoever says or
        knows the clause of the "it" (the general) is its speaker, not its referent."""
        if pronoun.lower_ != "it" or self.people.reports_about_itself(pronoun):
            return None
        speakers, node = set(), pronoun
        while node.head.i != node.i:
            if node.dep_ == "ccomp":
                speakers |= {c.i for c in node.head.children if c.dep_ in SUBJECTS}
            node = node.head
        # the words of its parse tree before it (a sentence split at a quotation mark inside
        # the sentence must not hide the act told at its start)
        for word in reversed(pronoun.doc[node.left_edge.i : pronoun.i]):
            if word.dep_ not in (*SUBJECTS, "nsubjpass") or word.i in speakers:
                continue
            act = self.triggers.get(word.i)
            if act is not None and act.is_noun and act.sense.type == "ASSAULT":
                return act
            return None  # the nearest subject is no act: "it" is read as before
        return None

    def _used_by(self, thing: Token) -> Token | None:
        """The trigger that says a thing was used ("bombs dropped from ...", also where the
        parser made the thing the verb's subject), when the thing is no participant."""
        if self.aims.is_participant(thing):
            return None
        candidates = [c for c in thing.children if c.dep_ in ("acl", "relcl")]
        if thing.dep_ == "nsubjpass" or (
            thing.dep_ == "nsubj" and first_child(thing.head, ("dobj",)) is None
        ):  # "helicopters dropped barrel bombs": the weapon is the object, the subject uses it
            candidates.append(thing.head)
        for verb in candidates:
            act = self.triggers.get(verb.i)
            if act is not None and act.sense.object == "means":
                return verb
        return None

    def _misparsed_means(self, verb: Token) -> bool:
        """ "Barrel bombs dropped from helicopters killed 11": the parser made the weapon
        the subject of the verb that says it was used."""
        subject = first_child(verb, SUBJECTS)
        used = self._used_by(subject) if subject is not None else None
        return used is not None and used.i == verb.i

    def _means_doers(self, verb: Token) -> list[Token]:
        """Who used the weapon: "dropped from Syrian helicopters", "fired by the army"."""
        found = [c for a in verb.children if a.dep_ == "agent" for c in a.children
                 if c.dep_ == "pobj"]  # fmt: skip
        return found + [t for t in self._prep_objects(verb, ("from",)) if t not in found]

    def _noun_roles(self, trigger: Trigger) -> tuple[list[Token], list[Token], Told | None]:
        noun, sense = trigger.head, trigger.sense
        sources: list[Token] = []
        told = None
        if trigger.reversal and trigger.light_verb is not None:
            # "rebels ended the regime's siege", "Japan halted aid to Serbia"
            undone = self.aims.behind(noun, itself=False) or self.aims.all_behind(
                self._prep_objects(trigger.light_verb, (*sense.target_preps, *_VERB_AIMED))
            )
            return self._subject(trigger.light_verb), undone, None
        for child in noun.children:
            if child.ent_type_ in ("DATE", "TIME"):
                continue  # "Tuesday's attack": a day is never the doer
            if child.dep_ == "poss" or (
                child.dep_ in ("amod", "compound", "nmod") and child.i in self.at_token
            ):
                sources.append(child)
            elif child.dep_ in ("prep", "agent") and child.lower_ == "by":
                sources += [c for c in child.children if c.dep_ == "pobj"]
        if not sources and trigger.light_verb is not None:
            sources += self._subject(trigger.light_verb)
        if not sources:
            told = self.attribution.of(noun)  # "strikes carried out by X", "accused X of"
            sources += told.heads if told is not None else ()
        if not sources and trigger.light_verb is None:
            host = self._hosting_verb(noun, sense)
            agents = self._means_doers(host) if host is not None and sense.type == "ASSAULT" else []
            if agents:  # "were killed in air strikes by the coalition": the strikes' doer
                sources += agents
            elif host is not None and self._takes_part(host, sense):
                sources += self._subject(host)  # "they were in Geneva for discussions"
        targets = self.aims.all_behind(self._prep_objects(noun, sense.target_preps))
        if trigger.light_verb is not None:
            dative = first_child(trigger.light_verb, ("dative",))
            if dative is not None:
                targets += self.aims.behind(dative)
            targets += self.aims.all_behind(
                self._prep_objects(trigger.light_verb, sense.target_preps)
            )
        return sources, [t for t in targets if t not in sources], told

    @staticmethod
    def _hosting_verb(noun: Token, sense: EventSense) -> Token | None:
        """The verb an event noun hangs on (`_hosting_verb`); for an attack only the verb
        its own preposition hangs on ("targeted X in retaliation for fire" hosts nothing)."""
        return _hosting_verb(noun, climb=sense.type != "ASSAULT")

    def _takes_part(self, host: Token, sense: EventSense) -> bool:
        """Whether the host's subject takes part in the event noun. For an attack only when
        the verb says so ("took part in the offensive", "engaged in clashes", "killed 50 in
        clashes"), actively: in "were killed in clashes with the army", "died in the
        attack", "blamed X for the attack", the subject is a victim, a speaker or the other
        side."""
        if sense.type != "ASSAULT":
            return True
        if first_child(host, ("nsubjpass", "auxpass")) is not None:
            return False
        lemma = host.lemma_.lower()
        acts = self.lexicon.verbs.get(lemma)
        return (acts is not None and acts.type == "ASSAULT") or (
            lemma in self.lexicon.words("take_part")
        )

    def _subject(self, verb: Token) -> list[Token]:
        speaker = _statement_joined_to_what_was_said(verb, self.lexicon)
        if speaker is not None:
            return [speaker]
        node = verb
        for step in range(5):
            subject = first_child(node, SUBJECTS if step == 0 else (*SUBJECTS, "nsubjpass"))
            if node.dep_ == "relcl" and (subject is None or subject.lower_ in _RELATIVE):
                if not any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
                    return [_one_named(node.head)]  # "countries who support the opposition"
                node = governing_verb(node.head)  # "take advantage of a pause to leave"
                if node is None:
                    return []
                continue
            if subject is not None:
                return [subject]
            if node.dep_ == "acl" and node.tag_ == "VBG" and self._can_act(node.head):
                return [node.head]  # "airstrikes targeting IS", "civilians trying to flee"
            stray = _stray_subject(node) or self._object_as_subject(node) or _believed_subject(node)
            if stray is not None:
                return [stray]
            if node.dep_ not in _BORROW or node.head.i == node.i:
                return []
            if _reported_bare(node, self.lexicon):
                return []  # "the attack that a monitor said killed dozens": not the monitor
            head = node.head
            if node.dep_ == "pcomp" and head.dep_ == "prep":
                head = head.head
                controller = self._controller(head.head) if head.dep_ == "dobj" else None
                if controller is not None and controller.i == head.i:
                    return [head]  # "accused government forces of gassing": "of" on the object
            if head.pos_ == "ADJ" and head.dep_ == "acomp":
                head = head.head  # "Norway is willing to send", "France is ready to help"
            if head.pos_ not in ("VERB", "AUX"):
                return []
            controller = self._controller(head)
            if controller is not None and node.dep_ != "conj":
                return [controller]
            node = head
        return []

    def _can_act(self, word: Token) -> bool:
        """An act or a participant, not a thing ("ISIL strongholds ... killing" is a misparse)."""
        act = self.triggers.get(word.i)
        return (act is not None and act.is_noun) or self.aims.is_participant(word)

    def _object_as_subject(self, clause: Token) -> Token | None:
        """ "Russia denied its planes bombed the convoy": without "that", the parser often
        makes the embedded subject the object of the framing verb, right before the clause."""
        frame = clause.head
        if clause.dep_ != "ccomp" or frame.lemma_.lower() not in self.lexicon.frames:
            return None
        obj = first_child(frame, ("dobj",))
        if obj is None or obj.right_edge.i + 1 != clause.left_edge.i:
            return None
        return obj

    def _controller(self, verb: Token) -> Token | None:
        """The object that is the embedded clause's subject ("called on X to leave")."""
        lemma = verb.lemma_.lower()
        sense = self.lexicon.verbs.get(lemma)
        controls = lemma in _CONTROL_VERBS or (sense is not None and sense.control == "object")
        if not controls:
            return None
        obj = _object(verb)
        if obj is not None:
            return obj
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in ("on", "upon"):
                return first_child(prep, ("pobj",))
        return None

    def _embedded_targets(self, verb: Token, event_type: str) -> list[Token]:
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
            aimed = self.aims.all_behind(found)  # participants only, "material" is none
            if aimed:
                return aimed
        return []

    def _conditioned(self, verb: Token) -> list[Token]:
        """Whom a threat presses: the subject of its condition ("threatened to strike
        unless Israel lifted the ban", "if the government does not resign")."""
        for clause in (verb, *(c for c in verb.children if c.dep_ in ("xcomp", "ccomp"))):
            for condition in clause.children:
                if condition.dep_ != "advcl" or not any(
                    m.dep_ == "mark" and m.lower_ in _CONDITIONS for m in condition.children
                ):
                    continue
                subject = first_child(condition, ("nsubj",))
                if subject is not None and self.aims.is_participant(subject):
                    return [subject]
        return []

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
            for word in _with_conjuncts(_counted(head)):
                if word.i in seen:
                    continue
                seen.add(word.i)
                argument = self._argument(word)
                found.append(argument)
                found += self._coordinated_owners(word, argument)
        return found

    def _coordinated_owners(self, head: Token, argument: EventArgument) -> list[EventArgument]:
        """ "Syrian and Russian warplanes", "Syrian regime or Russian air strikes": each
        coordinated owner is a participant of its own."""
        owners = [c for c in head.children if c.dep_ in OWNER_DEPS and c.i in self.at_token]
        others = [o for owner in owners for o in owner.conjuncts if o.i in self.at_token]
        if len(owners) > 1 and any(
            t.dep_ == "cc" for t in self.doc[owners[0].i : owners[-1].i]
        ):  # "both Syrian and allied Russian warplanes": both owners hang on the noun
            others += owners[1:]
        found: list[EventArgument] = []
        for other in others:
            mention = self.at_token[other.i]
            actor = self.people.actor_for_owner(mention, head)
            if actor is None or actor == argument.actor_id:
                continue
            word = self.doc[other.i : other.i + 1]
            found.append(EventArgument(word.start_char, word.end_char, word.text, actor))
        return found

    def _argument(self, head: Token) -> EventArgument:
        children = doc_arrays(self.doc).children(head.i)  # ascending: a left one comes first
        left = children[0] if children and children[0] < head.i else head.i
        words = self.doc[left : _named_by_of(head, self.at_token, self.place_words) + 1]
        actor = self.people.actor(head)
        return EventArgument(words.start_char, words.end_char, words.text, actor)


def _reported_bare(clause: Token, lexicon: EventLexicon) -> bool:
    """A subjectless clause a speech verb governs without "to" ("a monitor said killed
    dozens", "officials say targeted the town"): what is said, never done by the speaker."""
    if clause.dep_ not in ("xcomp", "ccomp") or clause.head.lemma_.lower() not in lexicon.words(
        "speech"
    ):
        return False
    return not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


_STATING = frozenset({"alleged", "negated"})  # frames of verbs that state or deny


def _statement_joined_to_what_was_said(verb: Token, lexicon: EventLexicon) -> Token | None:
    """The speaker of a second statement the parser joined to the first one's content: "the
    ministry said there had been no such strikes, and accused the battalion of killing its
    hostages" hangs "accused" on "been". A verb that accuses or denies, joined after a comma
    to a clause a speech verb reports, or to one with no subject of its own to lend, is the
    speaker's second statement (None otherwise)."""
    head = verb.head
    if verb.dep_ != "conj" or lexicon.frames.get(verb.lemma_.lower()) not in _STATING:
        return None
    if first_child(verb, (*SUBJECTS, "nsubjpass")) is not None:
        return None
    if head.dep_ != "ccomp" or head.head.lemma_.lower() not in lexicon.words("speech"):
        return None
    before = verb.doc[verb.i - 2] if verb.i >= 2 else None
    after_comma = before is not None and before.lower_ == "," and verb.doc[verb.i - 1].dep_ == "cc"
    if not after_comma and first_child(head, ("nsubj", "nsubjpass")) is not None:
        return None
    return first_child(head.head, ("nsubj",))


def _stative_to(verb: Token, sense: EventSense) -> bool:
    """A passive form that states a stance ("is opposed to", "is committed to"): its subject
    holds the stance, and the object of "to" is what it is held towards."""
    return "to" in sense.target_preps and any(
        c.dep_ == "prep" and c.lower_ == "to" for c in verb.children
    )


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


def _passive_complement(verb: Token) -> bool:
    """A bare past participle completing a passive verb: "were reported killed", "was
    found beaten"; its borrowed subject underwent it."""
    if verb.tag_ != "VBN" or verb.dep_ not in ("xcomp", "oprd"):
        return False
    if any(c.dep_ in ("aux", "auxpass", "agent") for c in verb.children):
        return False  # "is believed to have killed", "were killed by"
    return first_child(verb.head, ("nsubjpass", "auxpass")) is not None


def _one_named(noun: Token) -> Token:
    """ "Palestinian terrorists were the ones who shot the journalist": "the one(s)" a
    copula gives a subject stands for that subject."""
    if noun.lemma_.lower() != "one" or noun.dep_ != "attr":
        return noun
    subject = first_child(noun.head, ("nsubj",))
    return subject if subject is not None and subject.pos_ != "PRON" else noun


def _passive_conjunct(verb: Token) -> bool:
    """A past participle joined to a passive verb with neither a subject, an auxiliary nor
    an object of its own: "was shot and killed", "were arrested and later executed". It
    shares the head's passive voice, so the subject it borrows underwent it (the parser
    hangs "was" on the first verb only)."""
    if verb.tag_ != "VBN" or verb.dep_ != "conj":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "dobj") for c in verb.children):
        return False
    return first_child(verb.head, ("auxpass",)) is not None


def _bare_participle(verb: Token) -> bool:
    """A past participle with a subject of its own but no auxiliary and no object: "the
    province saw 25 fighters killed", "25 fighters killed in mosque blast". Its subject
    underwent it; nothing in the clause did it."""
    if verb.tag_ != "VBN" or first_child(verb, ("nsubj",)) is None:
        return False
    return not any(c.dep_ in ("aux", "auxpass", "agent", "dobj") for c in verb.children)


def _believed_subject(verb: Token) -> Token | None:
    """ "Military jets believed to be Russian killed 60 civilians": the parser often makes
    the reduced relative the main verb and the real verb its complement; the subject of
    "believed" is the subject of the verb after "to be ..."."""
    head = verb.head
    if verb.dep_ not in ("ccomp", "conj") or head.lemma_.lower() not in HEARSAY_VERBS:
        return None
    said = first_child(head, ("xcomp",))
    if said is None or said.i > verb.i:
        return None
    return first_child(head, ("nsubj", "nsubjpass"))


def _hosting_verb(noun: Token, climb: bool = True) -> Token | None:
    """The verb whose participants take part in an event noun: "were in Geneva for
    discussions", "took part in talks" (not "calls for talks", whose head is a noun).
    `climb=False`: only the verb the noun's own preposition hangs on, not one above a
    noun it hangs on ("targeted X in retaliation for mortar fire")."""
    node = noun
    while node.dep_ in ("pobj", "conj") and node.head.dep_ in ("prep", "conj"):
        prep = node.head
        if prep.dep_ == "prep" and prep.lower_ not in _HOSTING_PREPS:
            return None
        node = prep.head if prep.dep_ == "prep" else prep
        if node.pos_ in ("VERB", "AUX"):
            return node
        if prep.dep_ == "prep" and not climb:
            return None
    return None


def _named_by_of(head: Token, mentioned: Container[int], places: Container[int]) -> int:
    """The last word of an argument: its head, or the end of an "of" phrase that names
    whose people they are ("leaders of the opposition coalition", "members of the Arab
    League"): a common noun's, where the phrase holds a name or an actor mention."""
    if head.pos_ != "NOUN" or head.lemma_.lower() in PLACE_NOUNS:
        return head.i  # "the town of Adra" is a place, not a side
    of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    owner = first_child(of, ("pobj",)) if of is not None else None
    if owner is None or owner.ent_type_ in _PLACE_ENTS or owner.i in places:
        return head.i  # "residents of Aleppo": the place stays free to be the event's place
    words = [owner, *_core(owner)]
    if not any(w.pos_ == "PROPN" or w.i in mentioned for w in words):
        return head.i
    return max(w.i for w in words)


def _core(word: Token) -> list[Token]:
    """A noun's own words, without clauses, appositions or asides hung on it."""
    found = []
    for child in word.children:
        nested_of = child.dep_ == "prep" and child.lower_ == "of" and child.i > word.i
        if child.dep_ in _ASIDES and not nested_of:  # "of African Jurists" stays
            continue
        found += [child, *_core(child)]
    return found


def _counted(head: Token) -> Token:
    """Who a quantity stands for: "thousands of Nigerians" are Nigerians, "one third of
    the guerrillas" the guerrillas."""
    if not (head.like_num or head.lemma_.lower() in _QUANTITY_NOUNS):
        return head
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = first_child(of, ("pobj",)) if of is not None else None
    return obj if obj is not None else head


def _with_conjuncts(head: Token) -> list[Token]:
    words = [head]
    for word in head.conjuncts:
        if word.i > head.i and word.pos_ in ("NOUN", "PROPN", "PRON"):
            words.append(word)
    return words


def _object(verb: Token) -> Token | None:
    """The verb's first object, unless the parser broke one noun phrase at a hyphen into two
    objects ("accused the neo-Nazi 'Azov' battalion": "neo", then "battalion"): then the
    next, the phrase's head. Two objects otherwise are another misparse ("abused Mexican
    immigrants with impunity, a human rights organization charged"): the first stands."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if len(objects) > 1:
        first = objects[0]
        after = first.doc[first.i + 1] if first.i + 1 < len(first.doc) else None
        if after is not None and after.text == "-" and not first.whitespace_:
            return objects[1]
    return objects[0] if objects else None
