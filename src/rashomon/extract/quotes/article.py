"""Finding quotes: one pass over a parsed Doc, from cues to Quote records."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Doc, Token

from rashomon.article.outlets import OutletDirectory
from rashomon.extract.doc_arrays import doc_arrays
from rashomon.extract.doc_text import doc_text
from rashomon.extract.quotes.lexicon import SpeechVerb, SpeechVerbs, _packaged_verbs
from rashomon.extract.quotes.marks import (
    _paragraph_break,
    scan_quotation_marks,
)
from rashomon.extract.quotes.speakers import _Speakers
from rashomon.extract.quotes.speech import _Speech
from rashomon.extract.quotes.tokens import (
    _DATELINE,
    _SUBJECTS,
    _Cue,
    _finite,
    _Found,
    _has_words,
    _inverted_after_comma,
    _passive,
    _quoting_verb,
    _subject,
    _that_clause,
    _trim,
)
from rashomon.model import ActorMention, Quote

_BELIEF_VERBS = frozenset({"think", "believe", "assume", "suspect", "suppose", "consider"})


@lru_cache(maxsize=1)
def _packaged_outlets() -> OutletDirectory:
    return OutletDirectory.load()


# -- finding quotes ---------------------------------------------------------------------------


def find_quotes(
    doc: Doc,
    mentions: Sequence[ActorMention],
    *,
    verbs: SpeechVerbs | None = None,
    outlets: OutletDirectory | None = None,
) -> list[Quote]:
    """The quotes in a parsed `doc`, in text order; [] for a Doc without a dependency parse.

    `mentions` are the article's actor mentions (ActorMatcher.find), which name speakers.
    """
    if len(doc) == 0 or not doc.has_annotation("DEP"):
        return []
    return _Article(doc, mentions, verbs or _packaged_verbs(), outlets or _packaged_outlets()).run()


class _Article(_Speech, _Speakers):
    """One Doc's pass: the quotation scan, the cues, and the quotes built from them."""

    def __init__(
        self,
        doc: Doc,
        mentions: Sequence[ActorMention],
        verbs: SpeechVerbs,
        outlets: OutletDirectory,
    ) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self.verbs = verbs
        self.outlets = outlets
        self.spans = [s for s in scan_quotation_marks(self.text).spans if _has_words(self.text, s)]
        self.quoted = [-1] * len(doc)  # index into self.spans, or -1
        self.token_spans: list[tuple[int, int]] = []
        for k, s in enumerate(self.spans):
            span = doc.char_span(s.start, s.end, alignment_mode="expand")
            first, last = (span.start, span.end) if span is not None else (0, 0)
            self.token_spans.append((first, last))
            for i in range(first, last):
                self.quoted[i] = k
        self.region: list[int] = []  # sentence number of each token (see _scan_tokens)
        self.candidates: list[int] = []  # tokens whose word could be a cue
        self.candidate_set: frozenset[int] = frozenset()
        self._scan_tokens()
        self.cues: dict[int, _Cue | None] = {}
        self.events: list[tuple[int, str | None]] = []  # (offset, person actor) a "he" may refer to
        self.last_statement: _Cue | None = None
        self.spoken: list[_Cue] = []  # resolved cues in text order

    # -- the pass ------------------------------------------------------------------------

    def run(self) -> list[Quote]:
        direct: dict[int, _Cue] = {}
        for k in range(len(self.spans)):
            cue = self._direct_cue(k)
            if cue is not None:
                direct[k] = cue
        found = self._indirect(direct)
        found += [self._direct_found(k, cue) for k, cue in direct.items()]
        found = self._continuations(found)
        found = self._outermost(found)
        self._subject_events()
        quotes = []
        for item in sorted(found, key=lambda f: (f.cue.first, f.start)):
            self._resolve(item.cue)
        for item in sorted(found, key=lambda f: f.start):
            quotes.append(self._quote(item))
        return quotes

    # -- cues ----------------------------------------------------------------------------

    def _scan_tokens(self) -> None:
        """One pass over the tokens: sentence numbers and cue candidates.

        Sentences end at . ! ? ; and paragraph breaks outside quotation marks (spaCy's own
        sentences run across headings and closing marks)."""
        words = {*self.verbs.lemmas(), *self.verbs.nouns, "according"}
        number = 0
        cols = doc_arrays(self.doc)  # the same words, read on the Doc's columns
        for i, text in enumerate(cols.text):
            self.region.append(number)
            if self.quoted[i] >= 0:
                continue
            if cols.lemma_lower[i] in words or cols.lower[i] == "according":
                self.candidates.append(i)
            newline = text.find("\n")
            if text in (".", "!", "?", ";") or (
                newline >= 0 and _paragraph_break(self.text, cols.idx[i] + newline)
            ):
                number += 1
        self.candidate_set = frozenset(self.candidates)

    def _cue_at(self, i: int) -> _Cue | None:
        """The cue whose verb is token i (memoised), or None."""
        if i not in self.candidate_set:
            return None
        if i not in self.cues:
            self.cues[i] = self._make_cue(self.doc[i])
        return self.cues[i]

    def _make_cue(self, token: Token) -> _Cue | None:
        if self.quoted[token.i] >= 0:
            return None
        if token.lower_ == "according" and token.i + 1 < len(self.doc):
            to = self.doc[token.i + 1]
            if to.lower_ != "to" or "according to" not in self.verbs.phrases:
                return None
            sense = SpeechVerb("according to", self.verbs.phrases["according to"])
            cue = _Cue(token.i, to.i + 1, token, sense)
            objects = [c for c in to.children if c.dep_ == "pobj"]
            if objects:
                cue.head = objects[0]
                cue.speaker = self._with_apposition(self._span_of(objects[0], exclude=None))
            return cue if cue.speaker else None
        if token.pos_ == "NOUN" and token.lemma_.lower() in self.verbs.nouns:
            return self._noun_cue(token)
        if token.pos_ != "VERB" and not token.tag_.startswith("VB"):
            return None
        sense = self.verbs.get(token.lemma_)
        if sense is None or _passive(token):
            return None
        after = self.doc[token.i + 1 : token.i + 3]
        if len(after) == 2 and after[0].tag_ == "TO" and after[1].lemma_ in ("be", "have"):
            return None  # "photos said to have been taken there": a hedge, no one speaks
        if sense.hint == "belief" and token.tag_ == "VBG" and token.dep_ == "advcl":
            return None  # "they sheltered there, hoping they would be spared": a motive
        if (
            sense.hint == "belief"
            and token.dep_ == "relcl"
            and any(c.dep_ == "xcomp" for c in token.children)
        ):
            return None  # "civilians who wanted to flee": a wish that describes them
        subject = _subject(token)
        if (
            token.lemma_.lower() in _BELIEF_VERBS
            and subject is not None
            and subject.i < token.i
            and subject.left_edge.i > 0
            and self.doc[subject.left_edge.i - 1].lower_ in ("what", "whatever")
        ):
            return None  # "hit what they thought were positions": a belief, no speech
        # ("what Moscow calls a 'special operation'" stays: the words are Moscow's)
        if any(
            (q := _quoting_verb(g)) is not None and q.i == token.i
            for c in token.children
            for g in c.children
        ):
            return None  # "X quoted Y as saying ...": Y speaks, through "saying"
        last = token.i + 1
        for child in token.children:
            if child.i == last and (
                child.dep_ == "prt" or (child.dep_ == "prep" and child.lower_ in sense.particles)
            ):
                last += 1
        cue = _Cue(token.i, last, token, sense)
        head = self._quoting_monitor(token) or _subject(token)
        if not any(c.dep_ in _SUBJECTS for c in token.children):
            aside = self._aside_speaker(token)
            if aside is not None:  # 'People ... jihadists, a member of the opposition said'
                cue.speaker, cue.aside = aside
                cue.head = self.doc[aside[0][0] : aside[0][1]].root
                return cue
        if (
            head is not None
            and self.quoted[head.i] < 0
            and self.region[head.i] == self.region[token.i]
        ):
            cue.head = head
            cue.speaker = self._span_of(head, exclude=token)
        elif head is not None:  # the parse ran across a heading or a caption: read the line
            start = token.i
            while start > 0 and self.region[start - 1] == self.region[token.i]:
                start -= 1
                if self.doc[start].text == ",":  # "On Tuesday, Russia's defence minister"
                    start += 1
                    break
            end = next((t.i for t in self.doc[start : token.i] if _finite(t)), token.i)
            while end > start and self.doc[end - 1].pos_ in ("ADV", "PART"):
                end -= 1
            cue.speaker = self._nominal(start, end)
            cue.head = self.doc[cue.speaker[0] : cue.speaker[1]].root if cue.speaker else None
        return cue

    def _quoting_monitor(self, verb: Token) -> Token | None:
        """The quoter of "The Observatory quoted sources as saying": a named body that is no
        news agency, citing unnamed sources, makes the claim its own (an agency quoting
        someone only passes the words on, and a named person quoted speaks for themselves)."""
        quoting, quoted = _quoting_verb(verb), _subject(verb)
        if quoting is None or quoted is None or self._mention_kind(quoted) is not None:
            return None
        if quoted.pos_ == "PROPN":
            return None
        quoter = next((c for c in quoting.children if c.dep_ == "nsubj"), None)
        if quoter is None or self._mention_kind(quoter) in (None, "nationality", "person"):
            return None
        outlet = self._outlet(quoter)
        found = self.outlets.find(outlet) if outlet else None
        return None if found is not None and found.wire else quoter

    def _noun_cue(self, noun: Token) -> _Cue | None:
        """ "Trump's claim that ...", "a New York Times report that ...": owner and clause."""
        if _that_clause(noun) is None:
            return None
        cue = _Cue(noun.i, noun.i + 1, noun, self.verbs.nouns[noun.lemma_.lower()])
        owner = [c for c in noun.children if c.dep_ == "poss"]
        if owner:
            words = [t for t in owner[0].subtree if t.dep_ != "case"]
            cue.speaker = _trim(self.doc, words[0].i, words[-1].i + 1)
        else:
            names = [c for c in noun.lefts if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"]
            if names:
                cue.speaker = _trim(self.doc, names[0].left_edge.i, names[-1].i + 1)
        if cue.speaker is None:
            return None
        cue.head = self.doc[cue.speaker[0] : cue.speaker[1]].root
        return cue

    def _aside_speaker(self, verb: Token) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """', NP said' (or ', tweeted NP' with the speaker after the verb) closing a clause
        the parser did not hang on the verb: the speaker and the clause before the comma
        (token ranges)."""
        first = verb.i  # "..., Maria Zakharova, the spokeswoman ..., has said": the verb
        while first > 0 and self.doc[first - 1].dep_ in ("aux", "auxpass"):  # with its aux
            first -= 1
        comma = first - 1
        while comma >= 0 and self.doc[comma].text != "," and verb.i - comma <= 15:
            comma -= 1
        if comma < 1 or self.doc[comma].text != "," or self.region[comma] != self.region[verb.i]:
            return None
        speaker = self._nominal(comma + 1, first)
        if speaker is None and comma + 1 == first and not _inverted_after_comma(verb):
            named = self._named_aside(comma, verb)
            if named is not None:  # '..., Vladimir Rogov, chair of the movement, said'
                speaker, comma = named
        if comma + 1 == verb.i and _inverted_after_comma(verb):
            # "..., tweeted Johannes Bruwer, the ICRC's head": the speaker comes after it
            end = verb.i + 1
            while (
                end < len(self.doc)
                and self.region[end] == self.region[verb.i]
                and self.doc[end].text not in (",", ".", ";")
            ):
                end += 1
            speaker = self._nominal(verb.i + 1, end)
        start = comma
        while start > 0 and self.region[start - 1] == self.region[comma]:
            start -= 1
        clause = _trim(self.doc, start, comma, keep_marks=True)
        if speaker is None or clause is None:
            return None
        dateline = _DATELINE.match(self.text, self.doc[clause[0]].idx)
        if dateline:  # "Geneva (AFP) - People stuck ...": the dateline is not what was said
            rest = [t.i for t in self.doc[clause[0] : clause[1]] if t.idx >= dateline.end()]
            clause = (rest[0], clause[1]) if rest else clause
        return speaker, clause

    def _named_aside(self, comma: int, verb: Token) -> tuple[tuple[int, int], int] | None:
        """'..., Vladimir Rogov, chair of the movement, said': a name and its description,
        each between commas, before a bare ", said" the parser hung on nothing (it took the
        name for one more item of the place before it). The speaker (name and description)
        and the comma that ends the clause said."""
        middle = self._comma_before(comma, MAX_DESCRIPTION_TOKENS, verb)
        before = self._comma_before(middle, MAX_NAME_TOKENS, verb) if middle else None
        if middle is None or before is None:
            return None
        name, description = self.doc[before + 1 : middle], self.doc[middle + 1 : comma]
        if not name or not all(t.pos_ == "PROPN" for t in name) or not description:
            return None
        if description[0].pos_ not in ("NOUN", "DET", "ADJ", "PROPN"):
            return None  # ", Rogov, who ...", ", Rogov, said ...": no description
        if any(
            self.quoted[t.i] >= 0 or (_finite(t) and not t.ent_type_) for t in description
        ):  # a verb of its own ends a description, unless inside a name ("We Are Together")
            return None
        return (before + 1, comma), before

    def _comma_before(self, i: int, within: int, verb: Token) -> int | None:
        """The comma before token `i`, at most `within` tokens back, in the verb's region."""
        j = i - 1
        while j > 0 and i - j <= within and self.doc[j].text != ",":
            j -= 1
        if j <= 0 or self.doc[j].text != "," or self.region[j] != self.region[verb.i]:
            return None
        return j

    def _span_of(self, head: Token, exclude: Token | None) -> tuple[int, int] | None:
        """The head's phrase without the cue's own clause or quoted words, as a token range."""
        skip: set[int] = set()
        if exclude is not None:
            own = {t.i for t in exclude.subtree}
            phrase = {t.i for t in head.subtree}
            # "Khoja, who said ...": the relative clause is the cue's, not the speaker's
            skip = own if exclude.i in phrase else own - phrase
        first = last = head.i
        while first - 1 >= head.left_edge.i and self._speaker_token(first - 1, skip):
            first -= 1
        while last + 1 <= head.right_edge.i and self._speaker_token(last + 1, skip):
            last += 1
        return _trim(self.doc, first, last + 1)

    def _with_apposition(self, span: tuple[int, int] | None) -> tuple[int, int] | None:
        """ "according to X, a Britain-based monitor, ...": the apposition the parser missed."""
        if span is None or span[1] >= len(self.doc) or self.doc[span[1]].text != ",":
            return span
        end = span[1] + 1
        while end < len(self.doc) and end - span[1] <= 8 and self._speaker_token(end, set()):
            token = self.doc[end]
            if token.text == "," or self.region[end] != self.region[span[0]]:
                return (span[0], end)
            if token.text in (".", "!", "?", ";"):
                return (span[0], end)
            if _finite(token) or token.is_punct and token.text != "-":
                break
            if _not_a_description(self.doc, end, span[1] + 1):
                break
            end += 1
        return span

    def _speaker_token(self, i: int, skip: set[int]) -> bool:
        return i not in skip and self.quoted[i] < 0 and "\n" not in self.doc[i].text

    # -- the records ---------------------------------------------------------------------------

    def _chars(self, tokens: tuple[int, int]) -> tuple[int, int]:
        first, last = self.doc[tokens[0]], self.doc[tokens[1] - 1]
        return first.idx, last.idx + len(last)

    def _actor_name(self, cue: _Cue) -> str | None:
        """The speaker's actor as the text names it: in the source phrase, else last before
        the cue, else first after it (never by a pronoun)."""
        assert cue.speaker is not None
        lo, hi = self._chars(cue.speaker)
        named = [m for m in self.mentions
                 if m.actor_id == cue.actor_id and m.kind != "pronoun"]  # fmt: skip
        inside = [m for m in named if lo <= m.start < hi]
        earlier = [m for m in named if m.start < lo]
        pick = (inside or earlier[-1:] or named[:1] or [None])[0]
        return self.text[pick.start : pick.end] if pick is not None else None

    def _quote(self, item: _Found) -> Quote:
        cue = item.cue
        cue_start, cue_end = self._chars((cue.first, cue.last))
        speaker = self._chars(cue.speaker) if cue.speaker else None
        agent_tokens = cue.agent if cue.resolved else cue.speaker
        agent = self._chars(agent_tokens) if cue.speaker and agent_tokens else None
        who = self.text[agent[0] : agent[1]] if agent else None
        if cue.named is not None:
            who = cue.named
        elif who is not None and who.lower() == "it":  # the organisation "it" stands for
            who = self._actor_name(cue) if cue.actor_id else None
        elif who is None and cue.speaker and cue.actor_id:  # "the statement said": its author
            who = self._actor_name(cue)
        kind = "statement" if cue.statement else "direct" if item.direct else "indirect"
        start = item.start
        dateline = None if item.direct else _DATELINE.match(self.text, start, item.end)
        if dateline and dateline.end() < item.end:  # "CITY, May 3, 2021 (TASS) - Troops ..."
            start = dateline.end()  # the dateline is not what was said
        return Quote(
            start=start,
            end=item.end,
            text=self.text[start : item.end],
            kind=kind,
            cue=self.text[cue_start:cue_end],
            cue_start=cue_start,
            cue_end=cue_end,
            speaker=who,
            speaker_start=speaker[0] if speaker else None,
            speaker_end=speaker[1] if speaker else None,
            speaker_actor_id=cue.actor_id,
            intermediary=cue.intermediary,
        )


_PARTITIVES = frozenset({"majority", "most", "half", "all", "many", "some", "none", "both", "each"})


MAX_DESCRIPTION_TOKENS = 14  # "chair of the We Are Together with Russia movement"
MAX_NAME_TOKENS = 5  # "Vladimir Rogov", "Ali Muhammad Yahya"


def _not_a_description(doc: Doc, i: int, first: int) -> bool:
    """Whether word `i` of the phrase after "according to X," (which opens at `first`) shows
    that the phrase does not describe X: a verb ("..., killed 28 civilians") or a count of
    the victims ("..., the majority of victims civilians", "..., most of them children")."""
    token = doc[i]
    if token.pos_ == "VERB" and token.dep_ != "amod":
        return True
    if all(doc[k].pos_ == "DET" for k in range(first, i)):  # the phrase's first word
        if token.like_num:
            return True
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        return token.lower_ in _PARTITIVES and nxt is not None and nxt.lower_ == "of"
    return False
