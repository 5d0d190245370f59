"""Whom an event's participant stands for: its head word resolved to an actor.

The actor resolver (`extract.actors`) has already tied names, titles, metonyms and subject
"he"/"she" to actors. What is left needs the event's clause:
- the mention at the head word, else a person in apposition ("The UN envoy for Syria,
  Staffan de Mistura");
- for group words ("rebel groups related to the FSA", "fighters from Jabhat Fateh al-Sham")
  the organisation they belong to, before any nationality ("Syrian");
- "we"/"our" in a quotation: the speaker's group; "they" under a speech verb: that verb's
  subject ("rebels said they did not refuse"), or its group when the speaker is a person;
  "its"/"their": the subject of the clause ("Russia started its air strikes"); "him": the
  person named last; "it": the organisation named last;
- an unnamed group ("a powerful jihadist group"): the nearest armed group named within two
  sentences, ahead first (a news lead names it in the next sentence).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Token

from rashomon.extract.doc_arrays import doc_arrays
from rashomon.extract.events.tree import (
    HEARSAY_VERBS,
    OWNER_DEPS,
    SUBJECTS,
    first_child,
    governing_verb,
)
from rashomon.model import ActorMention, Quote

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
        "deny",
        "admit",
        "confirm",
    ]
)
# People a nationality does not make agents of that state: "Syrian anti-government fighters"
# are not Syria, "Syrian civilians" neither; "Russian jets" and "Syrian troops" are.
_NON_STATE_PEOPLE = frozenset(
    {
        "rebel", "fighter", "militant", "insurgent", "jihadist", "guerrilla", "opposition",
        "dissident", "activist", "protester", "demonstrator", "civilian", "refugee",
        "resident", "people", "exile", "defector",
    }
)  # fmt: skip
# Words for those who act for an owner: "its fighters" are the group's, "Assad's forces" and
# "Assad's jets" the state's he leads, but "its allies" are not the group itself.
_AGENT_WORDS = _GROUP_WORDS | frozenset(
    {
        "troop", "soldier", "unit", "member", "militiaman", "gunman", "loyalist", "regime",
        "government", "administration", "jet", "plane", "warplane", "aircraft", "helicopter",
        "drone", "bomber", "aviation", "artillery", "navy", "officer", "commander",
    }
)  # fmt: skip
_NEUTER = frozenset({"it", "its"})
_STATE_KINDS = frozenset({"metonym", "location"})  # a capital or a country named as an actor
_FIRST = frozenset({"i", "we", "me", "us"})
_PERSONAL_OBJECT = frozenset({"him", "her", "his"})
_PLURAL_KINDS = frozenset({"organisation", "nationality", "metonym", "location"})
_FIRST_PLURAL = frozenset({"we", "us", "our", "ours"})
_THIRD_PLURAL = frozenset({"they", "them", "their", "theirs"})
_ARMED = frozenset({"armed group", "military"})
_STATE_ARMED = frozenset({"military"})


class ParticipantResolver:
    """Actor mentions of one article indexed by token, and the rules that resolve the rest."""

    def __init__(
        self,
        doc: Doc,
        mentions: Sequence[ActorMention],
        quotes: Sequence[Quote],
        kind_of: Callable[[str], str | None],
        affiliation_of: Callable[[str], str | None],
    ) -> None:
        self.doc = doc
        self.quotes = quotes
        self.kind_of = kind_of
        self.affiliation_of = affiliation_of
        self.at_token: dict[int, ActorMention] = {}
        for m in sorted(mentions, key=lambda m: m.actor_id is None):  # actors before bare places
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self.at_token.setdefault(token.i, m)
        self.mentions = sorted(mentions, key=lambda m: m.start)

    def actor(self, head: Token) -> str | None:
        """The actor a participant's head word stands for, or None (see the module notes)."""
        lower = head.lower_ if not _acronym(head) else head.text  # "US" is not "us"
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
            return self._reporter_of(head, person=False) or self._it(head)
        mention = self.at_token.get(head.i)
        if mention is not None:
            return mention.actor_id
        belongs = self._belongs_to(head)
        if belongs is not None:
            return self._acting_for(belongs, head)  # "forces loyal to Assad"
        owners = [
            self.at_token[c.i]
            for c in head.children
            if c.dep_ in OWNER_DEPS and c.i in self.at_token
        ]
        owners.sort(key=lambda m: m.kind in ("nationality", "location"))
        if owners and not (
            owners[0].kind in ("nationality", "location")
            and head.lemma_.lower() in _NON_STATE_PEOPLE
        ):  # "Russian jets": Russia; "Syrian rebels": not Syria; "Assad's forces": his state
            return self._acting_for(owners[0].actor_id, head)
        owned = self._owned_by_pronoun(head)
        if owned is not None:
            return owned  # "Daesh said three of its fighters carried out an attack"
        said = self._said_to_be(head)
        if said is not None:
            return said  # "jets believed to be Russian", "believed to belong to the coalition"
        if (
            head.lemma_.lower() in _GROUP_WORDS
            and head.tag_ == "NN"
            and any(c.dep_ == "det" for c in head.children)
        ):
            return self._unnamed_group(head)  # "a powerful jihadist group", not "rebels"
        return None

    def actor_for_owner(self, owner: ActorMention, head: Token) -> str | None:
        """The actor an owner word makes of its head ("Russian jets": Russia; "Syrian
        rebels": no one; "Assad's forces": his state)."""
        if owner.kind in ("nationality", "location") and head.lemma_.lower() in _NON_STATE_PEOPLE:
            return None
        return self._acting_for(owner.actor_id, head) if owner.actor_id else None

    def _acting_for(self, owner: str, head: Token) -> str:
        """Forces, jets or a regime owned by a person act for what the person leads:
        "Assad's forces" are the Syrian state's, "Putin's jets" Russia's."""
        if head.lemma_.lower() in _AGENT_WORDS and self.kind_of(owner) == "person":
            return self.affiliation_of(owner) or owner
        return owner

    def _owned_by_pronoun(self, head: Token) -> str | None:
        """ "its fighters", "their jets": those who act for the one the pronoun names."""
        if head.lemma_.lower() not in _AGENT_WORDS:
            return None
        owner = next(
            (c for c in head.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None
        )
        return self.actor(owner) if owner is not None else None

    def _said_to_be(self, head: Token) -> str | None:
        """The actor a thing is said to be or belong to: "fighter jets believed to be
        Russian", "jets thought to belong to the coalition" (as a reduced relative, or as
        the subject of the believing verb, as the parser often has it)."""
        verbs = [c for c in head.children if c.dep_ == "acl"]
        if head.dep_ in ("nsubj", "nsubjpass"):
            verbs.append(head.head)
        for verb in verbs:
            if verb.lemma_.lower() not in HEARSAY_VERBS:
                continue
            complement = first_child(verb, ("xcomp",))
            if complement is None or complement.lemma_.lower() not in ("be", "belong"):
                continue
            for word in complement.subtree:
                mention = self.at_token.get(word.i)
                if mention is not None and word.i != head.i:
                    return self._acting_for(mention.actor_id, head)
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
                if obj.dep_ == "pobj" and obj.lemma_.lower() in _AGENT_WORDS:
                    owner = next(  # "a helicopter of the Syrian government forces"
                        (self.at_token[c.i] for c in obj.children
                         if c.dep_ in OWNER_DEPS and c.i in self.at_token),
                        None,
                    )  # fmt: skip
                    if owner is not None and owner.actor_id and owner.kind != "nationality":
                        return owner.actor_id
        return None

    def _speaker_group(self, token: Token) -> str | None:
        for quote in self.quotes:
            if quote.start <= token.idx < quote.end and quote.speaker_actor_id:
                if _quoted_inside(quote.text[: token.idx - quote.start]):
                    return None  # "... were filmed boasting, 'We hit a soldier'": not theirs
                speaker = quote.speaker_actor_id
                return self.affiliation_of(speaker) or speaker
        return None

    def reports_about_itself(self, pronoun: Token) -> bool:
        """Whether a body speaks of itself with this "it" ("Japan said it had halted aid")."""
        return self._reporter_of(pronoun, person=False) is not None

    def _reporter_of(self, token: Token, person: bool) -> str | None:
        """Who reports about itself: the subject of the speech verb above a "they" or "it"
        ("rebels said they did not refuse", "Japan said it had halted aid"). A person
        speaking of "they" or "it" speaks for their group ("Khoja said they were in
        Geneva"), but "it" under a person's words is not that person's group."""
        node, subject = token, None
        while node.head.i != node.i and subject is None:
            node = node.head
            if node.lemma_.lower() in _SPEECH:
                subject = first_child(node, SUBJECTS)  # "said ..., adding that they": said's
        if (
            subject is None
            or subject.i == token.i
            or (subject.lower_ in _FIRST | _NEUTER and not _acronym(subject))
        ):
            return None
        actor = self.actor(subject)
        if actor is not None and self.kind_of(actor) == "person":
            actor = self.affiliation_of(actor) if person else None
        return actor

    def _they(self, token: Token) -> str | None:
        """The speaker when "they" report about themselves, else the group or people named
        last before it in the sentence."""
        actor = self._reporter_of(token, person=True)
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
        arrays = doc_arrays(head.doc)  # the subtree on the Doc's columns: no Token per word
        dep, heads = arrays.dep, arrays.head
        for i in arrays.subtree(head.i):
            mention = self.at_token.get(i)
            if dep[i] != "appos" or mention is None or mention.kind != "person":
                continue
            node = heads[i]
            while node != head.i and dep[node] in ("pobj", "prep", "appos", "compound"):
                node = heads[node]
            if node == head.i:
                return mention.actor_id
        return None

    def _owner_pronoun(self, token: Token) -> str | None:
        """ "its"/"their" owned by the subject of the clause: "Russia started its strikes"."""
        verb = governing_verb(token)
        subject = first_child(verb, SUBJECTS) if verb is not None else None
        if (
            subject is not None
            and subject.i not in (token.i, token.head.i)
            and (subject.lower_ not in _NEUTER)
        ):  # not "its fighters carried out": the owner of "its" is not its own head
            return self.actor(subject)
        return None

    def _it(self, token: Token) -> str | None:
        """The organisation named last before "it", in its sentence or the one before; for
        "its", also a state named earlier in its own sentence ("Syria described the reports
        its army had used chemical weapons as untrue")."""
        sentences = list(self.doc.sents)
        index = next(i for i, s in enumerate(sentences) if s.start <= token.i < s.end)
        window_start = sentences[max(index - 1, 0)].start_char
        sentence_start = sentences[index].start_char
        for m in reversed(self.mentions):
            if not window_start <= m.start < token.idx or not m.actor_id:
                continue
            if m.kind == "organisation" or (
                token.lower_ == "its" and m.start >= sentence_start and m.kind in _STATE_KINDS
            ):
                return m.actor_id
        return None

    def _unnamed_group(self, head: Token) -> str | None:
        """The armed group named nearest a "the group" or "a jihadist group" (the next
        sentence first: wire copy names it after the description). A group word a
        nationality qualifies ("the Arab coalition") names its own group, not the one
        named nearby."""
        if any(
            c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP" and c.text[:1].isupper()
            for c in head.children
        ):  # "the Arab coalition"; not "a powerful jihadist group"
            return None
        # "the army" is a state's: never the armed group named nearest ("The army said the
        # Nusra Front was at fault" is not Nusra speaking)
        kinds = _STATE_ARMED if head.lemma_.lower() == "army" else _ARMED
        sentences = list(self.doc.sents)
        index = next(i for i, s in enumerate(sentences) if s.start <= head.i < s.end)
        order = [index + 1, index + 2, index, index - 1, index - 2]
        for i in order:
            if not 0 <= i < len(sentences):
                continue
            sent = sentences[i]
            for m in self.mentions:
                if sent.start_char <= m.start < sent.end_char and self.kind_of(m.actor_id) in kinds:
                    return m.actor_id
        return None


def _acronym(word: Token) -> bool:
    return len(word.text) > 1 and word.text.isupper()


# a single quotation mark that opens words quoted inside a quotation, and one that closes
# them (an apostrophe inside a word, "he's", is neither)
_INNER_OPEN = re.compile(r"(?:^|(?<=[\s:,(\[\u2014-]))['\u2018]")
_INNER_CLOSE = re.compile(r"(?<=\S)['\u2019](?=[\s.,;:!?)\]\u2014-]|$)")


def _quoted_inside(before: str) -> bool:
    """Whether a quotation's words up to a point leave a quote inside it open: the speaker
    quotes someone else there ("Palestinians were filmed boasting, 'We hit a soldier'"),
    so "we" is not the speaker's side."""
    opened = [m.start() for m in _INNER_OPEN.finditer(before)]
    if not opened:
        return False
    return _INNER_CLOSE.search(before, opened[-1] + 1) is None
