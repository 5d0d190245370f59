"""Who said what: direct quotes, indirect speech and statements, each tied to its speaker.

Rules over the parsed Doc, no trained model. A cue is a speech verb or noun from the lexicon
(`data/speech_verbs.yaml`, loaded into a `SpeechVerbs` you pass in) or "according to"; its
speaker is the verb's subject (climbing out of "..., stressing that", "and added that",
"was quoted as saying"), an inverted subject ('"...," said Caddell'), the noun phrase of a
closing ", a member of the opposition said", the owner of a noun cue ("Trump's claim that"),
or the object of "according to". The speaker's actor comes from the actor mentions.

Quotation marks are read by `scan_quotation_marks`, which never fails: straight, curly and
angle double marks (and the doubled apostrophe '' of some archives) nest; a stray closing
mark is skipped, a mismatched one ('"...”') closes what is open, an unclosed quotation is
closed at the end of its paragraph, and the news convention of reopening each paragraph of
a long quotation with a new opening mark is understood. Each repair leaves a warning in the
scan; `find_quotes` only returns quotes. Curly single marks quote when they open a word and
close one; straight single marks never do (they are apostrophes far more often). A newline
ends a paragraph unless it only wraps a long line in mid-sentence.

Decisions, so the tests can pin them:
- Offsets are into `doc.text`. A direct quote's span includes its quotation marks (as in
  PARC and PolNeAR); an indirect quote's span is the reported clause, "that" included,
  trailing punctuation excluded, a leading dateline ("Geneva (AFP) -") dropped.
- A quotation is attributed when it stands at the start of its clause ('"...," he said',
  'he told AFP: "..."', 'added that "..."'). One embedded in a sentence ('He said the rebels
  "are not targeting civilians"', 'a "giant graveyard"') is not a quote of its own: it is
  part of the indirect quote around it, or a scare quote when no speech verb governs it.
- A quotation broken by its cue ('"A," he said. "B."' or '"A," he said, "B."') gives one
  Quote per part, with the same cue offsets and speaker; so do the paragraphs of a long
  quotation and a quotation that directly follows an attributed one with nothing (or only
  "and", "but", "though") between. A reported clause split by its cue ('It was "clear",
  the statement said, that ...') likewise gives one Quote per side.
- kind: "statement" when the speaker is a written statement ("a statement sent to the BBC",
  "the statement said", "said in a statement"), whether the words are quoted or not;
  otherwise "direct" when the content is one quotation, else "indirect".
- "the statement said" with no actor named resolves to the author of the last statement
  that named one, and keeps its intermediary.
- A "he"/"she" speaker is the last person who spoke or was the subject of a clause outside
  quotation marks; an unnamed one counts ("the official said ... he added" gives no actor,
  not the last name in the text); only with no such person, the pronoun mention's actor.
  Names inside a quotation ('"We heard Clinton ...," he said') are never who "he" is.
- The speaker actor is the mention at the speaker's head word, else a person or title in
  the speaker span, else an organisation, preferring one before the head ("A Jabhat Fatah
  al-Sham statement") to one after it ("a spokesman for the ministry"); places and
  nationalities count only at the head ("Turkey said").
- `intermediary` is the outlet the words were given to: "told AFP", "told Reuters TV",
  "speaking to the BBC", "in an interview with CNN", "a statement sent to the BBC". Only
  outlets the OutletDirectory knows count ("told reporters" has none).
- One attribution per stretch of text: speech reported inside another quote's content or
  speaker is not a quote of its own, except under a trailing tag ('One rebel told Reuters
  that ..., he said'; '..., our correspondent says'), where the inner report is the claim.
- A passive or bare participle ("it was reported", "when asked") has no speaker: no quote.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml
from spacy.tokens import Doc, Token

from rashomon.article.outlets import OutletDirectory
from rashomon.errors import InputError
from rashomon.model import ActorMention, Quote

__all__ = [
    "QuotationScan",
    "QuotedSpan",
    "SpeechVerb",
    "SpeechVerbs",
    "find_quotes",
    "scan_quotation_marks",
]

PACKAGED = "speech_verbs.yaml"
_OBJECTS = {None, "content", "addressee", "target"}
_SPEAKER_KINDS = {"person": 0, "title": 1, "pronoun": 2, "organisation": 3, "metonym": 4}
_PERSONAL = frozenset({"he", "she"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_INTRO_PUNCT = frozenset({",", ":", "-", "—", "–"})
_SUBJECTS = ("nsubj", "nsubjpass")
_CLIMB = frozenset({"conj", "advcl", "xcomp", "acl", "pcomp"})
_DATELINE = re.compile(r"[A-Z][\w.' -]{0,40}\([A-Z][\w ]{1,20}\)\s*[-–—]+\s*")
_VENUES = frozenset({"interview", "comment", "comments", "remark", "remarks", "statement"})


# -- the lexicon ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SpeechVerb:
    """How one verb reports speech; see the header of data/speech_verbs.yaml."""

    lemma: str
    hint: str = "neutral"
    object: str | None = None  # content, addressee, target
    particles: tuple[str, ...] = ()  # prepositions that belong to the cue: "called for"
    quotes_only: bool = False  # a cue only for a quotation ("Caddell continued:")
    about: tuple[str, ...] = ()  # prepositions whose phrase is content: "accused X of ..."
    noun: bool = False  # a noun cue: "Russia's claim that ..."


class SpeechVerbs:
    """The speech-verb lexicon: cue verbs by lemma, phrase cues, statement nouns."""

    def __init__(
        self,
        verbs: Iterable[SpeechVerb],
        phrases: Mapping[str, str] | None = None,
        statement_nouns: Iterable[str] = (),
        sent_to: Iterable[str] = (),
        person_nouns: Iterable[str] = (),
        nouns: Mapping[str, str] | None = None,
    ) -> None:
        self._verbs = {v.lemma: v for v in verbs}
        self.phrases = dict(phrases or {"according to": "neutral"})
        self.statement_nouns = frozenset(n.lower() for n in statement_nouns)
        self.sent_to = frozenset(v.lower() for v in sent_to)
        self.person_nouns = frozenset(n.lower() for n in person_nouns)
        self.nouns = {
            k.lower(): SpeechVerb(k.lower(), v, noun=True) for k, v in (nouns or {}).items()
        }

    @classmethod
    def load(cls, path: Path | None = None) -> SpeechVerbs:
        """The packaged lexicon, or the file at `path` (same shape) instead."""
        origin = str(path) if path else PACKAGED
        try:
            if path is None:
                text = resources.files("rashomon.data").joinpath(PACKAGED).read_text("utf-8")
            else:
                text = Path(path).read_text("utf-8")
            data = yaml.safe_load(text)
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            raise InputError(origin, f"cannot read speech verbs: {exc}") from exc
        if not isinstance(data, dict) or not isinstance(data.get("verbs"), dict):
            raise InputError(origin, "speech verbs: expected a mapping with a 'verbs' mapping")
        verbs = []
        for lemma, entry in data["verbs"].items():
            entry = entry or {}
            if not isinstance(entry, dict) or entry.get("object") not in _OBJECTS:
                raise InputError(origin, f"speech verb {lemma!r}: bad entry {entry!r}")
            particles = tuple(str(p).lower() for p in entry.get("with", ()))
            hint = str(entry.get("hint", "neutral"))
            only = bool(entry.get("quotes_only", False))
            about = tuple(str(p).lower() for p in entry.get("about", ()))
            verbs.append(
                SpeechVerb(str(lemma).lower(), hint, entry.get("object"), particles, only, about)
            )
        phrases = {
            str(k).lower(): str((v or {}).get("hint", "neutral"))
            for k, v in (data.get("phrases") or {}).items()
        }
        return cls(
            verbs,
            phrases,
            data.get("statement_nouns") or (),
            data.get("sent_to") or (),
            data.get("person_nouns") or (),
            {
                str(k): str((v or {}).get("hint", "neutral"))
                for k, v in (data.get("nouns") or {}).items()
            },
        )

    def get(self, lemma: str) -> SpeechVerb | None:
        return self._verbs.get(lemma.lower())

    def lemmas(self) -> frozenset[str]:
        return frozenset(self._verbs)

    def __contains__(self, lemma: object) -> bool:
        return isinstance(lemma, str) and lemma.lower() in self._verbs

    def __len__(self) -> int:
        return len(self._verbs)


@lru_cache(maxsize=1)
def _packaged_verbs() -> SpeechVerbs:
    return SpeechVerbs.load()


@lru_cache(maxsize=1)
def _packaged_outlets() -> OutletDirectory:
    return OutletDirectory.load()


# -- quotation marks --------------------------------------------------------------------------


@dataclass(frozen=True)
class QuotedSpan:
    """One quotation: [start, end) from its opening mark to after its closing mark.

    `closed` is False when no closing mark ends it (repaired, or a paragraph of a quotation
    that goes on in the next paragraph: then `runs_on` is True); `resumes` is True for a
    paragraph that reopens a quotation left open at the end of the previous one.
    """

    start: int
    end: int
    closed: bool = True
    runs_on: bool = False
    resumes: bool = False


@dataclass(frozen=True)
class QuotationScan:
    spans: tuple[QuotedSpan, ...]
    warnings: tuple[str, ...]


_FAMILY_OPEN = {"“": "curly", "„": "curly", "«": "angle", '"': "straight"}
_FAMILY_CLOSE = {"”": "curly", "»": "angle", '"': "straight"}
_OPENING_MARKS = frozenset({"“", "„", "«", '"', "‘", "''", "``"})
_CLOSING_MARKS = frozenset({"”", "»", '"', "’", "''"})
_MARKS = re.compile(r"''|[\"“”„«»\n]")  # '' is a straight mark in some archives (NYT)
_SINGLE = re.compile(r"(?<![\w’'‘])‘(?=[^\s’])([^‘’\n]{0,400}?[^\s‘])’(?![\w’])")


def scan_quotation_marks(text: str) -> QuotationScan:
    """The quotations in `text`, outermost only, and a warning for every repair."""
    spans: list[QuotedSpan] = []
    warnings: list[str] = []
    stack: list[tuple[str, int]] = []  # (family, offset of the opening mark), outermost first
    resumes = False

    def close(family: str, end: int, closed: bool = True, runs_on: bool = False) -> None:
        nonlocal resumes
        while len(stack) > 1 and stack[-1][0] != family:
            stack.pop()
        if len(stack) > 1:
            stack.pop()
            return
        spans.append(QuotedSpan(stack[0][1], end, closed, runs_on, resumes))
        stack.clear()
        resumes = runs_on

    for match in _MARKS.finditer(text):
        mark, i = match.group(), match.start()
        if mark == "\n":
            if stack and _paragraph_break(text, i):
                family, start = stack[0]
                following = _next_visible(text, i)
                runs_on = following < len(text) and _FAMILY_OPEN.get(text[following]) == family
                if not runs_on:
                    warnings.append(f"unclosed quotation mark at {start}: closed at {i}")
                del stack[1:]
                close(family, _trim_end(text, start, i), False, runs_on)
            continue
        after_mark = match.end()
        before = text[i - 1] if i else " "
        after = text[after_mark] if after_mark < len(text) else " "
        closes_word = not before.isspace() and (after.isspace() or not after.isalnum())
        opens_word = (before.isspace() or before in "([{—–-/:") and not after.isspace()
        families = [f for f, _ in stack]
        top = families[-1] if families else None
        if mark in ('"', "''"):
            if top == "straight" or ("straight" in families and not opens_word):
                if top != "straight":
                    warnings.append(f"unclosed nested quotation before {i}")
                close("straight", after_mark)
            elif closes_word and not opens_word and top is not None:
                warnings.append(f"mismatched closing mark at {i}")  # “...", «..."
                close(top, after_mark)
            elif closes_word and not opens_word:
                warnings.append(f"stray closing mark at {i}: skipped")
            else:
                stack.append(("straight", i))
        elif mark in _FAMILY_OPEN:
            family = _FAMILY_OPEN[mark]
            if mark == "“" and top == "curly" and closes_word and not opens_word:
                warnings.append(f"opening mark used to close at {i}")
                close("curly", i + 1)
            else:
                stack.append((family, i))
        else:
            family = _FAMILY_CLOSE[mark]
            if family in families:
                if top != family:
                    warnings.append(f"unclosed nested quotation before {i}")
                close(family, i + 1)
            elif top is not None:
                warnings.append(f"mismatched closing mark at {i}")  # "...”
                close(top, i + 1)
            else:
                warnings.append(f"stray closing mark at {i}: skipped")
    if stack:
        warnings.append(f"unclosed quotation mark at {stack[0][1]}: closed at the end")
        del stack[1:]
        close(stack[0][0], _trim_end(text, stack[0][1], len(text)), False)
    spans += _single_quoted(text, spans)
    return QuotationScan(tuple(sorted(spans, key=lambda s: s.start)), tuple(warnings))


def _paragraph_break(text: str, i: int) -> bool:
    """A newline ends a paragraph unless it only wraps a long line inside a sentence."""
    line_start = text.rfind("\n", 0, i) + 1
    before = text[line_start:i].rstrip(" \t\r")
    following = text[i + 1 : i + 2]
    if len(before) < 50 or not following or following in "\n\r":
        return True
    return not (before[-1].isalnum() or before[-1] in ",;-") or not following.islower()


def _next_visible(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end


def _single_quoted(text: str, spans: Sequence[QuotedSpan]) -> list[QuotedSpan]:
    found = []
    for match in _SINGLE.finditer(text):
        if not any(s.start <= match.start() < s.end for s in spans):
            found.append(QuotedSpan(match.start(), match.end()))
    return found


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


@dataclass
class _Cue:
    """One speech cue: its words, its speaker, and what is resolved about them."""

    first: int  # token range of the cue words
    last: int
    verb: Token  # the speech verb, or "according" for a phrase cue
    sense: SpeechVerb
    speaker: tuple[int, int] | None = None  # token range
    head: Token | None = None
    actor_id: str | None = None
    intermediary: str | None = None
    statement: bool = False
    resolved: bool = False
    aside: tuple[int, int] | None = None  # the clause before ", NP said" when it is the content


@dataclass
class _Found:
    """A content span with its cue, before it becomes a Quote."""

    start: int  # char offsets
    end: int
    cue: _Cue
    direct: bool
    tokens: frozenset[int] = field(default_factory=frozenset)


class _Article:
    """One Doc's pass: the quotation scan, the cues, and the quotes built from them."""

    def __init__(
        self,
        doc: Doc,
        mentions: Sequence[ActorMention],
        verbs: SpeechVerbs,
        outlets: OutletDirectory,
    ) -> None:
        self.doc = doc
        self.text = doc.text
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
        for token in self.doc:
            self.region.append(number)
            if self.quoted[token.i] >= 0:
                continue
            text = token.text
            if token.lemma_.lower() in words or token.lower_ == "according":
                self.candidates.append(token.i)
            newline = text.find("\n")
            if text in (".", "!", "?", ";") or (
                newline >= 0 and _paragraph_break(self.text, token.idx + newline)
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
        last = token.i + 1
        for child in token.children:
            if child.i == last and (
                child.dep_ == "prt" or (child.dep_ == "prep" and child.lower_ in sense.particles)
            ):
                last += 1
        cue = _Cue(token.i, last, token, sense)
        head = _subject(token)
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
        """', NP said' closing a clause the parser did not hang on the verb: the speaker and
        the clause before the comma (token ranges)."""
        comma = verb.i - 1
        while comma >= 0 and self.doc[comma].text != "," and verb.i - comma <= 15:
            comma -= 1
        if comma < 1 or self.doc[comma].text != "," or self.region[comma] != self.region[verb.i]:
            return None
        speaker = self._nominal(comma + 1, verb.i)
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
            end += 1
        return span

    def _speaker_token(self, i: int, skip: set[int]) -> bool:
        return i not in skip and self.quoted[i] < 0 and "\n" not in self.doc[i].text

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
            for first, last in _runs(sorted(content), blocked, self.region):
                piece = self._whole_quotations(first, last)
                piece = _trim(self.doc, *piece, keep_marks=True) if piece else None
                if piece and sum(_substantive(t) for t in self.doc[piece[0] : piece[1]]) >= 2:
                    start, end = self._chars(piece)
                    found.append(_Found(start, end, cue, False, frozenset(range(*piece))))
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
            if dep in ("ccomp", "xcomp") or (
                dep in ("dobj", "oprd") and sense.object in ("content", "target")
            ):
                tokens |= {t.i for t in child.subtree}
            elif dep == "prep" and child.i < cue.last and child.lower_ in sense.particles:
                tokens |= {t.i for c in child.children for t in c.subtree}
            elif dep == "prep" and (
                child.lower_ in sense.about
                or (child.lower_ in sense.particles and child.i >= cue.last)
            ):
                tokens |= {t.i for t in child.subtree}
        if not tokens and verb.dep_ == "parataxis":  # 'It was clear, the statement said, ...'
            top = verb.head
            while top.dep_ != "ROOT" and self.region[top.head.i] == self.region[verb.i]:
                top = top.head
            tokens = {t.i for t in top.subtree} - {t.i for t in verb.subtree}
        return tokens

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
                    dropped.add(id(outer.cue) if outer_cue >= outer.end else id(inner.cue))
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
            earlier = [actor for offset, actor in self.events if offset < start]
            cue.actor_id = earlier[-1] if earlier else self._actor(start, end, head)
        else:
            cue.actor_id = self._actor(start, end, head)
        if cue.statement and cue.actor_id is None and self.last_statement is not None:
            cue.actor_id = self.last_statement.actor_id
            cue.intermediary = cue.intermediary or self.last_statement.intermediary
        elif cue.statement and cue.actor_id is not None:
            self.last_statement = cue
        if head.lower_ in _PERSONAL:
            return
        if cue.actor_id and self._is_person(cue.actor_id):
            self.events.append((start, cue.actor_id))
        elif cue.actor_id is None and head.lemma_.lower() in self.verbs.person_nouns:
            self.events.append((start, None))  # "the official said ... he added": unnamed
        self.events.sort(key=lambda event: event[0])

    def _is_person(self, actor_id: str) -> bool:
        return any(m.actor_id == actor_id and m.kind in ("person", "title") for m in self.mentions)

    def _actor(self, start: int, end: int, head: Token) -> str | None:
        """The mention at the head, else a person or title in the span, else an organisation;
        one before the head beats one after it (see the module notes)."""
        head_start, head_end = head.idx, head.idx + len(head)
        best: tuple[int, int, int, int] | None = None
        chosen = None
        for m in self.mentions:
            if m.end <= start or m.start >= end:
                continue
            at_head = m.start < head_end and head_start < m.end
            if not at_head and m.kind not in _SPEAKER_KINDS:
                continue
            place = 0 if at_head else 1 if m.end <= head_start else 2
            rank = (0 if at_head else 1, _SPEAKER_KINDS.get(m.kind, 5), place, m.start)
            if best is None or rank < best:
                best, chosen = rank, m.actor_id
        return chosen

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

    # -- the records ---------------------------------------------------------------------------

    def _chars(self, tokens: tuple[int, int]) -> tuple[int, int]:
        first, last = self.doc[tokens[0]], self.doc[tokens[1] - 1]
        return first.idx, last.idx + len(last)

    def _quote(self, item: _Found) -> Quote:
        cue = item.cue
        cue_start, cue_end = self._chars((cue.first, cue.last))
        speaker = self._chars(cue.speaker) if cue.speaker else None
        kind = "statement" if cue.statement else "direct" if item.direct else "indirect"
        return Quote(
            start=item.start,
            end=item.end,
            text=self.text[item.start : item.end],
            kind=kind,
            cue=self.text[cue_start:cue_end],
            cue_start=cue_start,
            cue_end=cue_end,
            speaker=self.text[speaker[0] : speaker[1]] if speaker else None,
            speaker_start=speaker[0] if speaker else None,
            speaker_end=speaker[1] if speaker else None,
            speaker_actor_id=cue.actor_id,
            intermediary=cue.intermediary,
        )


# -- small helpers ------------------------------------------------------------------------------


def _has_words(text: str, span: QuotedSpan) -> bool:
    return any(c.isalnum() for c in text[span.start : span.end])


def _passive(verb: Token) -> bool:
    """A bare participle ("when asked about", "was quoted"): the subject is not the speaker."""
    if verb.tag_ != "VBN":
        return False
    if any(c.dep_ == "auxpass" for c in verb.children):
        return True
    return not any(
        c.dep_ in _SUBJECTS or (c.dep_ == "aux" and c.lemma_ == "have") for c in verb.children
    )  # a subject and no auxiliary: a past tense tagged as participle ("Trump tweeted")


def _that_clause(noun: Token) -> Token | None:
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp", "relcl") and any(
            g.dep_ == "mark" and g.lower_ == "that" for g in child.children
        ):
            return child
    return None


def _finite(token: Token) -> bool:
    return token.pos_ == "AUX" or token.tag_ in ("VBD", "VBZ", "VBP", "MD")


def _subject(verb: Token) -> Token | None:
    """The speaker's head word: the subject, climbing out of "adding that", "and added"."""
    token = verb
    for _ in range(4):
        for child in token.children:
            if child.dep_ == "nsubj" or (child.dep_ == "nsubjpass" and token is not verb):
                if child.lower_ in _RELATIVE and token.dep_ == "relcl":
                    return token.head
                return child
            if child.dep_ == "agent":
                objects = [g for g in child.children if g.dep_ == "pobj"]
                if objects:
                    return objects[0]
        if token.dep_ == "relcl":
            return token.head
        if token.dep_ not in _CLIMB or token.head is token:
            return None
        token = token.head
    return None


def _trim(doc: Doc, first: int, last: int, keep_marks: bool = False) -> tuple[int, int] | None:
    """[first, last) without space and punctuation at either end (quotation marks kept)."""

    def loose(token: Token, marks: frozenset[str]) -> bool:
        if token.is_space:
            return True
        if keep_marks and token.text in marks:
            return False
        return token.is_punct and token.text not in ("(", ")") or token.lower_ == "and"

    while first < last and loose(doc[first], _OPENING_MARKS):
        first += 1
    while last > first and loose(doc[last - 1], _CLOSING_MARKS):
        last -= 1
    return (first, last) if last > first else None


def _runs(
    indices: Sequence[int], blocked: set[int], region: Sequence[int]
) -> list[tuple[int, int]]:
    """Contiguous stretches of `indices`, bridging gaps of up to 4 free tokens of one
    sentence ("accused Russia on Friday of ...": the date is inside the content)."""
    runs: list[tuple[int, int]] = []
    for i in indices:
        if (
            runs
            and runs[-1][1] == i
            or (
                runs
                and i - runs[-1][1] <= 4
                and region[i] == region[runs[-1][0]]
                and not (blocked & set(range(runs[-1][1], i)))
            )
        ):
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    return runs


def _substantive(token: Token) -> bool:
    return not (token.is_space or token.is_punct or token.lower_ == "that")


def _only_closing(gap: str) -> bool:
    """Nothing but the end of the previous cue's clause lies between two quotations."""
    if len(gap) > 200 or re.search(r"[\"“”«»]", gap):
        return False
    parts = re.split(r"[.!?:;\n]", gap, maxsplit=1)
    if len(parts) == 1:  # '"A" though "B"': one sentence quoting twice
        return (
            re.fullmatch(r"[\s,—–-]*(?:(?:and|but|though|although|while|yet)\b[\s,]*)?", gap)
            is not None
        )
    return not re.search(r"\w", parts[-1])
