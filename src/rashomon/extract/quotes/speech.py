"""Direct quotes, indirect speech, and quotations without a cue of their own."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from rashomon.extract.agents import claimant_kind, is_agent
from rashomon.extract.clauses import clause_in_phrase
from rashomon.extract.quotes.marks import _paragraph_break
from rashomon.extract.quotes.tokens import (
    _INTRO_PUNCT,
    _Cue,
    _finite,
    _Found,
    _only_closing,
    _runs,
    _substantive,
    _that_clause,
    _trim,
)


class _Speech:
    """The content of quotes: direct quotations, reported clauses, continuations."""

    # -- direct quotes -----------------------------------------------------------------------

    def _direct_cue(self, k: int) -> _Cue | None:
        """The cue of quotation k when it opens its clause, or None."""
        first, last = self.token_spans[k]
        if first >= last:
            return None
        before = [t for t in self._frame(first, -1) if not t.is_space]
        after = [t for t in self._frame(last, 1) if not t.is_space]
        inner = self.text[self.spans[k].start : self.spans[k].end].rstrip("\"”»’' \n")
        if inner.endswith((".", "…")) and after and not after[0].is_lower:
            after = []  # the quotation ended its sentence: what follows is a new one
        introduced = False
        while before and (before[-1].text in _INTRO_PUNCT or before[-1].lower_ == "that"):
            introduced = True
            before.pop()
        candidates = after
        if before:
            cue = self._cue_at(before[-1].i)
            if cue is not None and self._has_speaker(cue, k):
                return cue  # 'he said "..."', 'added that "..."'
            if not introduced:
                return None  # embedded in a sentence: part of indirect speech, or scare quotes
            tagged = inner.endswith((",", "?", "!", "—", "-"))  # '"...," the union wrote'
            candidates = after + before[::-1] if tagged else before[::-1] + after
        for token in candidates:
            cue = self._cue_at(token.i)
            if cue is not None and self._has_speaker(cue, k):
                if cue.head is not None and cue.head.i < first and cue.verb.i >= last:
                    return None  # 'A group, "Town Watch," also reported ...': a name
                return cue
        return None

    def _has_speaker(self, cue: _Cue, k: int) -> bool:
        return cue.speaker is not None or self._fallback_speaker(cue, k)

    def _frame(self, i: int, step: int) -> list[Token]:
        """Tokens from i (exclusive when going back) to the clause boundary, outside quotes."""
        found: list[Token] = []
        j = i - 1 if step < 0 else i
        while 0 <= j < len(self.doc) and self.quoted[j] < 0:
            token = self.doc[j]
            newline = token.text.find("\n")
            if newline >= 0 and _paragraph_break(self.text, token.idx + newline):
                if step < 0 and not [t for t in found if not t.is_space]:
                    return self._colon_line(j)
                break
            if token.text in (".", "!", "?", ";"):
                break
            found.append(token)
            j += step
        return found[::-1] if step < 0 else found

    def _colon_line(self, j: int) -> list[Token]:
        """'Caddell continued:' on the line before a quotation, or nothing."""
        while j >= 0 and self.doc[j].is_space:
            j -= 1
        if j < 0 or self.doc[j].text != ":" or self.quoted[j] >= 0:
            return []
        return self._frame(j + 1, -1)

    def _fallback_speaker(self, cue: _Cue, k: int) -> bool:
        """No parsed subject: the words between quotation and cue, or right after the cue."""
        first, last = self.token_spans[k]
        verb = cue.verb.i
        named = self._name_before(verb)
        if first > verb and named is not None:  # 'In a video Jisr TV said: "..."': a name
            cue.speaker = named  # the parse took into the phrase before it
            cue.head = self.doc[named[0] : named[1]].root
            return True
        if first > verb:  # 'Khoja rejected ..., stressing that "..."': the clause's subject
            frame = self._frame(first, -1)
            lo = frame[0].i if frame else verb
            hi = next((t.i for t in self.doc[lo:verb] if _finite(t)), verb)
        elif verb >= last:  # '"...," Issam al- Rayyes, spokesman for ..., told the BBC'
            lo, hi = last, verb
        else:
            return False
        span = self._nominal(lo, hi)
        if span is None and verb >= last:  # '"...," said Caddell'
            end = verb + 1
            while end < len(self.doc) and end - verb <= 12 and self._loose_nominal(end):
                end += 1
            span = self._nominal(verb + 1, end)
        if span is None:
            return False
        cue.speaker = span
        cue.head = self.doc[span[0] : span[1]].root
        return True

    def _name_before(self, verb: int) -> tuple[int, int] | None:
        """A named speaker right before a subjectless speech verb, inside the phrase before
        it ('In a video Jisr TV said'): an organisation's or person's name ending there."""
        if verb == 0:
            return None
        last = self.doc[verb - 1]
        if last.ent_type_ not in ("ORG", "PERSON") or self.quoted[last.i] >= 0:
            return None
        start = last.i
        while start > 0 and self.doc[start].ent_iob_ == "I":
            start -= 1
        if start == 0 or self.doc[start - 1].sent.start != self.doc[verb].sent.start:
            return None
        return start, verb

    def _nominal(self, lo: int, hi: int) -> tuple[int, int] | None:
        """[lo, hi) trimmed when it is a noun phrase (no verb, a noun or pronoun in it)."""
        span = _trim(self.doc, lo, hi) if hi > lo else None
        if span is None or span[1] - span[0] > 30:
            return None
        tokens = self.doc[span[0] : span[1]]
        if any(_finite(t) or self.quoted[t.i] >= 0 or "\n" in t.text for t in tokens):
            return None
        return span if any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in tokens) else None

    def _loose_nominal(self, i: int) -> bool:
        token = self.doc[i]
        return self.quoted[i] < 0 and token.pos_ in ("PROPN", "NOUN", "PRON", "DET", "ADJ")

    def _direct_found(self, k: int, cue: _Cue) -> _Found:
        first, last = self.token_spans[k]
        return _Found(self.spans[k].start, self.spans[k].end, cue, True,
                      frozenset(range(first, last)))  # fmt: skip

    # -- indirect speech -----------------------------------------------------------------------

    def _indirect(self, direct: dict[int, _Cue]) -> list[_Found]:
        """Reported clauses of cues that introduce no quotation of their own."""
        found: list[_Found] = []
        quoting = {id(c) for c in direct.values()}
        taken = {i for k in direct for i in range(*self.token_spans[k])}
        for index in self.candidates:
            cue = self._cue_at(index)
            if cue is None or not cue.speaker or id(cue) in quoting or cue.sense.quotes_only:
                continue
            sentence = self.region[cue.first]
            blocked = set(range(cue.first, cue.last)) | set(range(*cue.speaker)) | taken
            content = {i for i in self._complement(cue) if self.region[i] == sentence} - blocked
            content -= self._contrasted(cue, content)
            content -= _relabelled(self.doc, content)
            for first, last in _runs(sorted(content), blocked, self.region):
                piece = self._whole_quotations(first, last)
                piece = _trim(self.doc, *piece, keep_marks=True) if piece else None
                if piece and sum(_substantive(t) for t in self.doc[piece[0] : piece[1]]) >= 2:
                    start, end = self._chars(piece)
                    found.append(_Found(start, end, cue, False, frozenset(range(*piece))))
        return found

    def _contrasted(self, cue: _Cue, content: set[int]) -> set[int]:
        """Another speaker's clause set against this one inside its content ("X said it was a
        mistake, while Y stated that it was intentional"; "..., whereas Y says ..."): the
        parser hangs it under the reported clause, but it is Y's word, not X's."""
        found: set[int] = set()
        for index in self.candidates:
            other = self._cue_at(index) if index in content else None
            if other is None or other is cue or not other.speaker:
                continue
            verb = other.verb
            if verb.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in _CONTRAST for c in verb.children
            ):
                found |= {t.i for t in verb.subtree}
        return found

    def _whole_quotations(self, first: int, last: int) -> tuple[int, int] | None:
        """Widen [first, last) to whole quotations: a quote is never cut in two."""
        if self.quoted[first] >= 0:
            first = self.token_spans[self.quoted[first]][0]
        if self.quoted[last - 1] >= 0:
            last = self.token_spans[self.quoted[last - 1]][1]
        return first, last

    def _complement(self, cue: _Cue) -> set[int]:
        verb, sense = cue.verb, cue.sense
        if sense.lemma == "according to":
            return self._according_content(cue)
        if cue.aside is not None:
            return set(range(*cue.aside))
        if sense.noun:
            clause = _that_clause(verb)
            return {t.i for t in clause.subtree} if clause is not None else set()
        tokens: set[int] = set()
        for child in verb.children:
            dep = child.dep_
            if (
                dep in ("ccomp", "xcomp")
                or (dep in ("dobj", "oprd") and sense.object in ("content", "target"))
                or (dep == "dobj" and sense.object == "source" and not _names_agent(child))
            ):
                tokens |= {t.i for t in child.subtree}
            elif dep == "prep" and child.i < cue.last and child.lower_ in sense.particles:
                tokens |= {t.i for c in child.children for t in c.subtree}
            elif dep == "prep" and (
                child.lower_ in sense.about
                or (child.lower_ in sense.particles and child.i >= cue.last)
            ):
                tokens |= {t.i for t in child.subtree}
            elif dep == "prep" and child.i >= cue.last and (clause := clause_in_phrase(child)):
                tokens |= {t.i for t in clause.subtree}
        if not tokens and verb.dep_ == "advcl" and _as_clause(verb):
            # "As Vladimir Putin stated, the first strike was a response to ...": the clause
            # the "as" phrase hangs on is what was said
            return {t.i for t in verb.head.subtree} - {t.i for t in verb.subtree}
        if not tokens and verb.dep_ == "parataxis":  # 'It was clear, the statement said, ...'
            top = verb.head
            while top.dep_ != "ROOT" and self.region[top.head.i] == self.region[verb.i]:
                top = top.head
            tokens = {t.i for t in top.subtree} - {t.i for t in verb.subtree}
        if not tokens and verb.lemma_ == "say":
            tokens = self._bare_clause(cue)
        return tokens

    def _bare_clause(self, cue: _Cue) -> set[int]:
        """ "Coe said the day of the strike the Russians used the line": a clause with no
        "that" the parser did not hang on the verb (it made "the day" a second subject).
        The rest of the sentence after the cue is the content when the parser hung a noun
        phrase on "say" after it, the rest holds a finite verb and the speaker stands before
        the cue ("say" takes no object of its own: "said the day" is a misparse)."""
        if cue.speaker is None or cue.speaker[1] > cue.first:
            return set()
        if not any(
            c.i >= cue.last and c.dep_ in ("nsubj", "dobj", "npadvmod") for c in cue.verb.children
        ):
            return set()
        sentence = self.region[cue.first]
        end = cue.last
        while end < len(self.doc) and self.region[end] == sentence:
            end += 1
        rest = self.doc[cue.last : end]
        if not len(rest) or rest[0].pos_ in ("ADP", "PUNCT", "SCONJ"):
            return set()
        if not any(self.quoted[t.i] < 0 and _clause_of_its_own(t) for t in rest):
            return set()
        return {t.i for t in rest}

    def _according_content(self, cue: _Cue) -> set[int]:
        phrase = {t.i for t in cue.verb.subtree} | set(range(cue.first, cue.last))
        clause = cue.verb.head
        while clause.dep_ not in ("ROOT", "ccomp") and clause.head is not clause:
            clause = clause.head
        return {t.i for t in clause.subtree} - phrase

    # -- quotations without a cue of their own ---------------------------------------------------

    def _continuations(self, found: list[_Found]) -> list[_Found]:
        """Paragraphs of one quotation, and a quotation right after an attributed one."""
        found = list(found)
        for k, span in enumerate(self.spans):
            if any(f.start <= span.start < f.end for f in found):
                continue
            if span.resumes and k > 0:
                opening = self.token_spans[k - 1][0]
                parent = next((f for f in found if opening in f.tokens), None)
                if parent is not None:
                    found.append(self._direct_found(k, parent.cue))
                continue
            previous = [f for f in found if f.end <= span.start]
            if not previous:
                continue
            last = max(previous, key=lambda f: f.end)
            ends = [last.end, self._chars((last.cue.first, last.cue.last))[1]]
            if last.cue.speaker:
                ends.append(self._chars(last.cue.speaker)[1])
            if max(ends) <= span.start and _only_closing(self.text[max(ends) : span.start]):
                found.append(self._direct_found(k, last.cue))
        return found

    def _outermost(self, found: list[_Found]) -> list[_Found]:
        """One attribution per stretch of text: speech reported inside another quote's
        content or speaker is dropped, except under a trailing tag ('X told Reuters that
        ..., he said'; '..., our correspondent says'), where the inner one is the claim."""
        dropped: set[int] = set()
        for outer in found:
            outer_cue = self.doc[outer.cue.first].idx
            for inner in found:
                if inner.cue is outer.cue:
                    continue
                inner_cue = self.doc[inner.cue.first].idx
                if outer.start <= inner_cue < outer.end:
                    trailing = outer_cue >= outer.end
                    if (
                        trailing
                        and self._set_off(outer.cue)
                        and self._speaks(outer.cue)
                        and not self._speaks(inner.cue)
                    ):
                        trailing = False  # "Evidence showed that ..., the army claimed"
                    dropped.add(id(outer.cue) if trailing else id(inner.cue))
                elif (
                    outer.cue.speaker
                    and outer.cue.speaker[0] <= inner.cue.first < outer.cue.speaker[1]
                ):
                    dropped.add(id(inner.cue))
        kept = [f for f in found if id(f.cue) not in dropped]
        return [
            item
            for item in kept
            if not any(
                other.cue is not item.cue
                and other.start < item.end
                and item.start < other.end
                and other.end - other.start > item.end - item.start
                for other in kept
            )
        ]

    def _set_off(self, cue: _Cue) -> bool:
        """Whether a trailing tag is set off by a comma ('..., the army said'): without one,
        a comma-less wire sentence may run a clause's words into it ('left scores wounded
        reports say')."""
        first = cue.speaker[0] if cue.speaker else cue.first
        return first > 0 and self.doc[first - 1].text == ","

    def _speaks(self, cue: _Cue) -> bool:
        """Whether a cue's source phrase names someone who can say things (its head)."""
        head = cue.head
        if head is None:
            return False
        kind = self._mention_kind(head)  # type: ignore[attr-defined]
        return is_agent(head, mention_kind=kind, claimant_kind=claimant_kind)


_CONTRAST = frozenset({"while", "whereas", "whilst"})
_WH_WORDS = frozenset(
    {"who", "which", "that", "what", "how", "why", "when", "where", "whether", "if"}
)


def _as_clause(verb: Token) -> bool:
    """ "As X said, ...": a verb of saying with "as" for its marker and no object of its
    own, set before the clause it hangs on."""
    return (
        verb.i < verb.head.i
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
        and not any(c.dep_ in ("dobj", "ccomp") for c in verb.children)
    )


def _clause_of_its_own(token: Token) -> bool:
    """A finite verb with a subject of its own, not a relative or wh- clause ("something
    about ... relativism that has fallen", "much about how he is preparing")."""
    if not _finite(token):
        return False
    children = list(token.children)
    if any(c.lower_ in _WH_WORDS and c.dep_ in ("nsubj", "mark", "advmod") for c in children):
        return False
    return any(c.dep_ == "nsubj" for c in children)


def _names_agent(tok: Token) -> bool:
    """ "citing a local official", "citing medics": the object names whom the words came
    from, not what they said ("cited the figure", "cited criticism of the network" are what
    was said: a claim noun, or an agent only through an "of" phrase, is content)."""
    if tok.pos_ == "PRON":
        return False
    kind = claimant_kind(tok)
    if kind is not None:
        from rashomon.extract.numbers.lexicon import NumberLexicon  # numbers imports agents

        return not NumberLexicon.load().has("claim_nouns", tok.lemma_.lower())
    return tok.ent_type_ in ("PERSON", "ORG", "NORP") and is_agent(tok)


# "accused Israel of deliberately shooting her — an allegation Israel called a 'blatant lie'":
# after a dash, the writer names what was said as a claim, and may give another's answer to it
_CLAIM_NOUNS = frozenset({"allegation", "claim", "charge", "accusation", "assertion"})
_DASHES = frozenset({"—", "–", "-", "--"})


def _relabelled(doc: Doc, content: set[int]) -> set[int]:
    """The tokens of a phrase after a dash (or a comma and "a") that names the reported
    words as a claim (see _CLAIM_NOUNS): the writer's label, not the speaker's words."""
    found: set[int] = set()
    for i in content:
        token = doc[i]
        if token.lemma_.lower() not in _CLAIM_NOUNS or i in found:
            continue
        left = token.left_edge.i
        before = doc[left - 1].text if left > 0 else ""
        if before in _DASHES or (before == "," and doc[left].lower_ in ("a", "an")):
            found |= {t.i for t in token.subtree}
            found.add(left - 1)
    return found
