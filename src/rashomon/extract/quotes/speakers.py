"""Who said it, and via whom: speaker resolution and intermediaries (a mixin of _Article)."""

from __future__ import annotations

from spacy.tokens import Token

from rashomon.extract.agents import (
    agent_span,
    claimant_kind,
    counted_victims,
    is_agent,
    left_trim,
    named_head,
    previous_body_subject,
)
from rashomon.extract.quotes.tokens import (
    _PERSONAL,
    _SPEAKER_KINDS,
    _SUBJECTS,
    _VENUES,
    _Cue,
    _quoting_verb,
    _trim,
)

_HYPHENS = frozenset({"-", "‐", "‑"})
_LONE_NAME_REACH = 2  # sentences from a lone-named speaker to the "he said" after it


class _Speakers:
    """The speaker, the speaker's actor, and the outlet the words were given to."""

    # -- who, and via whom -----------------------------------------------------------------------

    def _subject_events(self) -> None:
        for mention in self.mentions:
            if mention.kind not in ("person", "title"):
                continue
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and self.quoted[span.root.i] < 0 and span.root.dep_ in _SUBJECTS:
                self.events.append((mention.start, mention.actor_id))

    def _resolve(self, cue: _Cue) -> None:
        if cue.resolved or cue.speaker is None or cue.head is None:
            return
        cue.resolved = True
        self._to_agent(cue)
        start, end = self._chars(cue.speaker)
        head = cue.head
        cue.statement = head.lemma_.lower() in self.verbs.statement_nouns or any(
            c.dep_ == "prep" and c.lower_ == "in" and any(
                g.lemma_.lower() in self.verbs.statement_nouns for g in c.children
            )
            for c in cue.verb.children
        )  # fmt: skip
        cue.intermediary = self._intermediary(cue)
        if head.lower_ in _PERSONAL:
            earlier = [(offset, actor) for offset, actor in self.events if offset < start]
            lone = self._lone_named_speaker(cue, earlier[-1][0] if earlier else -1)
            cue.actor_id = (
                lone[0] if lone
                else earlier[-1][1] if earlier
                else self._actor(start, end, head)
            )  # fmt: skip
        else:
            cue.actor_id = self._actor(start, end, head)
        if cue.statement and cue.actor_id is None and self.last_statement is not None:
            cue.actor_id = self.last_statement.actor_id
            cue.intermediary = cue.intermediary or self.last_statement.intermediary
        elif cue.statement and cue.actor_id is not None:
            self.last_statement = cue
        if head.lower_ in ("it", "they") and cue.actor_id is None:
            self._continued(cue)
        if head.lower_ == "it" and cue.actor_id is None and cue.named is None:
            subject = previous_body_subject(head)  # "The coalition ... . It said: ..."
            if subject is not None:
                first = left_trim(self.doc, subject.left_edge.i, subject)
                cue.named = self._text(agent_span(self.doc, first, subject.i + 1, subject))
        self.spoken.append(cue)
        if head.lower_ in _PERSONAL:
            return
        if cue.actor_id and self._is_person(cue.actor_id):
            self.events.append((start, cue.actor_id))
        elif cue.actor_id is None and head.lemma_.lower() in self.verbs.person_nouns:
            self.events.append((start, None))  # "the official said ... he added": unnamed
        self.events.sort(key=lambda event: event[0])

    def _lone_named_speaker(self, cue: _Cue, last_person: int) -> tuple[str | None] | None:
        """ "'...', Kareem said. '...', he added": a speaker named by one name (a name the
        tagger may take for an organisation) just before a "he said" is who "he" is, when no
        person was named after it; (their actor or None,), never a person named before them.
        Not an organisation of many words ("Halab Today said")."""
        if not self.spoken:
            return None
        previous = self.spoken[-1]
        if previous.agent is None or previous.head is None:
            return None
        if self.region[cue.first] - self.region[previous.first] > _LONE_NAME_REACH:
            return None
        first, last = previous.agent
        if last - first != 1 or previous.head.pos_ != "PROPN" or previous.head.i != first:
            return None
        if self._chars(previous.agent)[0] <= last_person:
            return None  # a person named after it is the nearer referent
        return (previous.actor_id,)

    def _continued(self, cue: _Cue) -> None:
        """An unresolved "it said" goes on with the last speaker of this sentence or the one
        before when that speaker was no person ("The ministry denied it. It said ...")."""
        region = self.region[cue.first]
        for earlier in reversed(self.spoken):
            if earlier.first >= cue.first or region - self.region[earlier.first] > 1:
                continue
            if earlier.agent is None or earlier.head is None:
                return
            if (
                earlier.head.pos_ == "PRON"
                or earlier.head.ent_type_ == "PERSON"
                or (earlier.actor_id and self._is_person(earlier.actor_id))
            ):
                return
            cue.actor_id = earlier.actor_id
            cue.named = earlier.named or self._text(earlier.agent)
            return

    def _text(self, tokens: tuple[int, int]) -> str:
        start, end = self._chars(tokens)
        return self.text[start:end]

    def _to_agent(self, cue: _Cue) -> None:
        """The agent the source phrase names: the phrase without the words of the clause
        before it (a run-in heading, a predicate adjective, a date: `left_trim`; in a
        comma-less sentence, the agent word right before the verb), without a relative
        clause or appositive tail (`agent_span`), its head moved to the name a description
        introduces ("Syria's neighbour Israel" is Israel). The source's own span is left as
        the parse gave it (a source in PARC's sense: "the report", "Kenneth Baer, an
        official who runs ..."). A source that names no agent ("evidence suggests", "the
        heavy fighting showed") names no speaker: its words stand on the outlet's word."""
        assert cue.speaker is not None and cue.head is not None
        cue.speaker = self._hyphen_joined(cue.speaker) or cue.speaker
        first, last = cue.speaker
        head = cue.head
        cue.agent = cue.speaker
        if not first <= head.i < last:
            return
        adjacent = self._adjacent_speaker(cue, first, last)
        if adjacent is not None:
            head, first = adjacent, max(first, adjacent.left_edge.i)
            last = head.i + 1
        first = left_trim(self.doc, first, head)
        agent = agent_span(self.doc, *(_trim(self.doc, first, last) or (first, last)), head)
        agent = self._hyphen_joined(agent)
        head = named_head(head, self._is_name)
        cue.head = head
        if counted_victims(head):
            cue.agent = None  # "killing at least 53 people, including five children, reported"
        elif is_agent(head, mention_kind=self._mention_kind(head), claimant_kind=claimant_kind):
            cue.agent = agent
        else:
            cue.agent = None

    def _hyphen_joined(self, span: tuple[int, int] | None) -> tuple[int, int] | None:
        """ "al-Jundi said", parsed as two subjects "al" and "Jundi" around a hyphen: a word
        written with a hyphen and no spaces is one word of the speaker's name."""
        if span is None:
            return None
        doc, (first, last) = self.doc, span

        def joined(hyphen: int) -> bool:
            return (
                0 < hyphen < len(doc) - 1
                and doc[hyphen].text in _HYPHENS
                and not doc[hyphen - 1].whitespace_
                and not doc[hyphen].whitespace_
                and all(self.quoted[i] < 0 for i in (hyphen - 1, hyphen, hyphen + 1))
            )

        while last < len(doc) - 1 and joined(last):
            last += 2
        while first >= 2 and joined(first - 1):
            first -= 2
        return first, last

    def _adjacent_speaker(self, cue: _Cue, first: int, last: int) -> Token | None:
        """ "... killed at least 27 people on Monday activists said": a comma-less sentence
        gave the verb a phrase that is not its speaker; the agent word right before the verb
        is. Taken when that word's own phrase starts with a date or number ("on Monday
        activists"), or when the phrase's head is no agent and the word hangs on it through
        a clause ("the latest in a spate of blasts to hit the district state television
        said"), not a preposition ("video footage from east of Damascus showed")."""
        head = cue.head
        assert head is not None
        if last != cue.first or last - 1 == head.i:
            return None
        word = self.doc[last - 1]
        if word.pos_ not in ("NOUN", "PROPN") or word.ent_type_ in ("DATE", "TIME", "CARDINAL"):
            return None
        if not is_agent(word, mention_kind=self._mention_kind(word), claimant_kind=claimant_kind):
            return None
        own = self.doc[word.left_edge.i : word.i]
        if any(t.ent_type_ in ("DATE", "TIME") or t.like_num for t in own):
            return word
        if is_agent(head, mention_kind=self._mention_kind(head), claimant_kind=claimant_kind):
            return None  # "a member of the opposition said": the head is the speaker
        tok = word
        while tok.i != head.i and tok.head.i != tok.i:
            if tok.dep_ in ("relcl", "acl", "advcl", "ccomp", "conj"):
                return word
            tok = tok.head
        return word if tok.i != head.i else None

    def _mention_kind(self, tok: Token) -> str | None:
        start, end = tok.idx, tok.idx + len(tok)
        for m in self.mentions:
            if m.start < end and start < m.end:
                return m.kind
        return None

    def _is_name(self, tok: Token) -> bool:
        kind = self._mention_kind(tok)
        return tok.pos_ == "PROPN" and (
            kind not in (None, "nationality") or tok.ent_type_ in ("PERSON", "ORG", "GPE")
        )

    def _is_person(self, actor_id: str) -> bool:
        return any(m.actor_id == actor_id and m.kind in ("person", "title") for m in self.mentions)

    def _actor(self, start: int, end: int, head: Token) -> str | None:
        """The mention at the head, else a person or title in the span, else an organisation;
        one before the head beats one after it (see the module notes)."""
        head_start, head_end = head.idx, head.idx + len(head)
        best: tuple[int, int, int, int] | None = None
        chosen = None
        branch = self._branch_of(start, head)
        if branch is not None:
            return branch
        passed_on = [  # "a statement quoted by TASS", "speaking on TV": a channel, not a speaker
            (c.left_edge.idx, c.right_edge.idx + len(c.right_edge))
            for c in head.children
            if c.dep_ == "acl" and c.lemma_.lower() in _PASSING_VERBS
        ] + _channels_and_supporters(head, head.lemma_.lower() in self.verbs.statement_nouns)
        for m in self.mentions:
            if m.end <= start or m.start >= end:
                continue
            if any(lo <= m.start < hi for lo, hi in passed_on):
                continue
            at_head = m.start < head_end and head_start < m.end
            if not at_head and m.kind not in _SPEAKER_KINDS:
                continue
            place = 0 if at_head else 1 if m.end <= head_start else 2
            rank = (0 if at_head else 1, _SPEAKER_KINDS.get(m.kind, 5), place, m.start)
            if best is None or rank < best:
                best, chosen = rank, m.actor_id
        return chosen

    def _branch_of(self, start: int, head: Token) -> str | None:
        """ "MSF Syria said", "UNICEF Yemen said": a country after an organisation's name is
        the organisation's branch there; the organisation speaks, not the state."""
        at_head = [m for m in self.mentions if m.start <= head.idx < m.end]
        if not at_head or at_head[0].kind != "location" or head.dep_ in ("compound",):
            return None
        before = [
            m
            for m in self.mentions
            if start <= m.start and m.end <= head.idx and m.kind == "organisation"
            and not self.text[m.end : head.idx].strip()
        ]  # fmt: skip
        return before[-1].actor_id if before else None

    def _intermediary(self, cue: _Cue) -> str | None:
        verb, candidates = cue.verb, []
        if cue.sense.lemma == "according to":
            return None
        for child in verb.children:
            if child.dep_ in ("dobj", "dative") and cue.sense.object == "addressee":
                candidates.append(child)
            elif child.dep_ == "prep" and child.lower_ in ("to", "with", "in"):
                candidates += self._venue_objects(child)
            elif child.dep_ == "advcl" and child.lemma_ in ("speak", "talk"):
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("to", "with"):
                        candidates += [g for g in prep.children if g.dep_ == "pobj"]
        head = cue.head
        if head is not None and head.lemma_.lower() in self.verbs.statement_nouns:
            for child in head.children:
                if child.dep_ in ("acl", "relcl") and child.lemma_ in self.verbs.sent_to:
                    for prep in child.children:
                        if prep.dep_ in ("prep", "agent", "dative") and prep.lower_ in ("to", "by"):
                            candidates += [g for g in prep.children if g.dep_ == "pobj"]
        quoting = _quoting_verb(verb)
        if quoting is not None:  # "the Tass news agency quoted X as saying": Tass passed it on
            speaker = cue.head.i if cue.head is not None else -1
            candidates += [c for c in quoting.children if c.dep_ == "nsubj" and c.i != speaker]
            for agent in (c for c in quoting.children if c.dep_ == "agent"):
                candidates += [g for g in agent.children if g.dep_ == "pobj"]
        if cue.sense.object == "addressee":
            after = range(cue.last, min(cue.last + 5, len(self.doc)))
            candidates += [self.doc[i] for i in after if not self.doc[i].is_punct][:1]
        for candidate in candidates:
            name = self._outlet(candidate)
            if name:
                return name
        return None

    def _venue_objects(self, prep: Token) -> list[Token]:
        objects = [g for g in prep.children if g.dep_ == "pobj"]
        if prep.lower_ != "in":
            return objects
        found = []
        for venue in objects:  # "in an interview with CNN", "in comments to AFP"
            if venue.lemma_.lower() in _VENUES:
                for inner in venue.children:
                    if inner.dep_ == "prep" and inner.lower_ in ("to", "with"):
                        found += [g for g in inner.children if g.dep_ == "pobj"]
        return found

    def _outlet(self, token: Token) -> str | None:
        """A known outlet named by the phrase around `token`: "Reuters TV" -> Reuters."""
        first = max(token.left_edge.i, token.i - 4)
        last = min(token.right_edge.i, token.i + 4) + 1
        words = [t for t in self.doc[first:last] if self.quoted[t.i] < 0]
        for size in range(min(len(words), 5), 0, -1):
            for at in range(len(words) - size + 1):
                part = words[at : at + size]
                if part[-1].i - part[0].i != size - 1:
                    continue
                found = self.outlets.find(self.text[part[0].idx : part[-1].idx + len(part[-1])])
                if found is not None:
                    return found.name
        return None


def _channels_and_supporters(head: Token, statement: bool) -> list[tuple[int, int]]:
    """Spans in a speaker's phrase that name no speaker: the channel someone was reached by
    ("A local activist giving his name as Abu Yazan reached via Skype said") and whoever
    does the act of a clause describing the speaker ("Three hospitals that are supported by
    MSF have reported"): the activist and the hospitals speak. Not for a `statement` head,
    whose releaser is its speaker ("a statement released Saturday by the Commission")."""
    found = []
    for token in head.subtree:
        if token.dep_ != "pobj":
            continue
        channel = token.head.lower_ in ("via", "through")
        supporter = (
            not statement
            and token.head.dep_ == "agent"
            and token.head.head.dep_ in ("acl", "relcl")
        )
        if channel or supporter:
            found.append((token.left_edge.idx, token.right_edge.idx + len(token.right_edge)))
    return found


_PASSING_VERBS = frozenset({
    "quote", "carry", "cite", "publish", "air", "broadcast", "relay",
    "obtain", "see", "receive", "review",  # "a statement obtained by the BBC": its recipient
    "speak", "talk", "appear",  # "the official -- speaking live on Al-Arabiya TV -- said"
})  # fmt: skip
