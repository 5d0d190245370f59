"""What is counted: the noun phrase a number counts, and the parse helpers it shares."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from spacy.tokens import Token

from rashomon.extract.doc_arrays import doc_arrays
from rashomon.extract.numbers.expression import _Expr, plural_after
from rashomon.extract.numbers.lexicon import _ABOUT_KINDS, _LOCATIVE, _NOMINAL, _PRONOUNS, PERCENT
from rashomon.model import ActorMention

if TYPE_CHECKING:
    from rashomon.extract.numbers import _Article


def _clause_verb(tok: Token) -> Token | None:
    """The nearest verb above a token (itself included): the clause it belongs to."""
    seen = 0
    while seen < 64:
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        seen += 1
    return None


def _chained_clause(tok: Token) -> Token | None:
    """The clause a token belongs to, through verbs chained to it: in "seven were confirmed
    killed at a clinic in X", "killed" is part of the clause of "confirmed"."""
    verb = _clause_verb(tok)
    while verb is not None and verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _same(a: Token | None, b: Token | None) -> bool:
    """spaCy makes a new Token object at each access: compare positions, never identity."""
    return a is not None and b is not None and a.i == b.i


def _locative(tok: Token, clause: Token) -> bool:
    """Whether a place word hangs from its clause by 'in', 'near', 'across' ..."""
    for above in _ancestors(tok):
        if above.dep_ == "prep" and above.lower_ in _LOCATIVE:
            return True
        if above.i == clause.i:
            break
    return False


def _ancestors(tok: Token) -> Iterable[Token]:
    seen = 0
    while tok.head.i != tok.i and seen < 64:
        yield tok.head
        tok = tok.head
        seen += 1


# -- what is counted ---------------------------------------------------------------------------


class _Counted:
    """The counted noun phrase of one number: display text, tokens, actor."""

    def __init__(
        self,
        article: _Article,
        expr: _Expr,
        anchor: Token,
        earlier: list[str | None],
    ) -> None:
        self.a = article
        self.lex = article.lex
        self.expr = expr
        self.noun: Token | None = None
        self.base: str | None = None  # the noun phrase without prefixed actor or participle
        self.what: str | None = None
        self.phrase_tokens: set[int] = set(range(expr.first, expr.last))  # for the actor
        self.place_tokens: set[int] = set(self.phrase_tokens)  # and where: its prepositions
        self.participle: str | None = None
        self.about_actor_id: str | None = None
        self._prefixed: ActorMention | None = None
        self._read(anchor, earlier)

    def _read(self, anchor: Token, earlier: list[str | None]) -> None:
        expr, doc = self.expr, self.a.doc
        ours = range(expr.first, expr.last)
        if expr.kind == "share":
            head = doc[expr.last - 1] if expr.unit == PERCENT else anchor
            self.noun = _of_object(head) or _of_object(anchor)
            if anchor.dep_ in ("predet", "nummod") and anchor.head.pos_ in _NOMINAL:
                self.noun = anchor.head  # "half the population", "one in five Syrians"
            if self.noun is not None and self.noun.pos_ in _PRONOUNS:  # "a third of them children"
                self.noun = next((c for c in head.children if c.dep_ == "appos"), None)
                if self.noun is None and head.head.pos_ == "NOUN" and head.head.i > head.i:
                    self.noun = head.head
        elif expr.kind in ("money", "measure"):
            self.noun = _of_object(doc[expr.last - 1])
        else:
            if (
                anchor.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "det")
                and anchor.head.pos_ in _NOMINAL
                and anchor.head.i not in ours
                and not (anchor.dep_ == "nummod" and misattached(anchor))
            ):
                self.noun = anchor.head
                while (  # "19 Hamas and Islamic Jihad terrorists": the names say whose
                    self.noun.pos_ == "PROPN"
                    and self.noun.dep_ in ("nmod", "compound")
                    and self.noun.head.pos_ == "NOUN"
                    and self.noun.head.i > self.noun.i
                ):
                    self.noun = self.noun.head
                if self.noun.i < expr.first:  # "Daraa 15 civilians": the parse took the name
                    self.noun = plural_after(doc, expr.last, anchor.sent.end) or self.noun
            of = _of_object(anchor)
            if self.noun is None and of is not None and of.pos_ not in _PRONOUNS:
                self.noun = of
        if self.noun is not None and self.noun.pos_ in _PRONOUNS:
            self.noun = None
        if self.noun is None and expr.kind == "count":
            self.noun = _named_after_them(anchor)  # "seven of them children"
        if self.noun is not None:
            self.base = self._phrase(self.noun)
        elif expr.kind == "count" and earlier and self._tied_to_earlier(anchor):
            self.base = next((b for b in reversed(earlier) if b), None)
        prefix = self._actor_prefix(self.noun or anchor)
        pieces = [p for p in (prefix, self.base) if p]
        if expr.kind == "count":
            self.participle = self._participle(self.noun or anchor)
        if self.participle:
            pieces.append(self.participle)
        self.what = " ".join(pieces) or None
        if self.noun is not None:
            self.place_tokens |= self.phrase_tokens
            for child in self.noun.children:
                if child.dep_ == "prep":
                    self.place_tokens |= set(doc_arrays(child.doc).subtree(child.i))
        mention = self._about()
        self.about_actor_id = mention.actor_id if mention is not None else self.about_actor_id

    def _phrase(self, noun: Token) -> str:
        """The noun with its left modifiers, minus determiners, numbers and vague words."""
        lex = self.lex
        left = [t for t in noun.subtree if t.i < noun.i and t.i >= self.expr.last or t.i == noun.i]
        if noun.i < self.expr.first:  # "deaths of ... people" is handled by the caller
            left = [noun]
        while (
            left
            and left[0].i != noun.i
            and (
                left[0].pos_ in ("DET", "NUM", "PUNCT", "ADP", "CCONJ", "PRON", "PART")
                or lex.has("vague_modifiers", left[0].lower_)
                or left[0].lower_ in lex.mapping("vague")
            )
        ):
            left = left[1:]
        # contiguous run ending at the noun
        run = [left[-1]]
        for t in reversed(left[:-1]):
            if t.i != run[0].i - 1:
                break
            run.insert(0, t)
        self.phrase_tokens |= {t.i for t in run}
        return self.a.text[run[0].idx : noun.idx + len(noun)]

    def _tied_to_earlier(self, anchor: Token) -> bool:
        head = anchor.head
        if head.lower_ in ("including", "among", "of", "with") or anchor.dep_ in ("appos", "conj"):
            return True
        return any(c.lower_ == "of" and _of_object(anchor) is not None for c in anchor.children)

    def _actor_prefix(self, tok: Token) -> str | None:
        """'from Jabhat Fateh al-Sham', 'who belong to Fateh al-Sham', 'from the group'."""
        for target in self._affiliations(tok):
            a = self.a
            region = _name_tokens(target)
            lo, hi = a.doc[min(region)], a.doc[max(region)]
            kinds = ("organisation", "nationality", "metonym")
            found = [m for m in a.mentions_in(lo.idx, hi.idx + len(hi)) if m.kind in kinds]
            self.place_tokens |= set(doc_arrays(target.doc).subtree(target.i))
            if found:
                self.phrase_tokens |= region
                self._prefixed = found[0]
                return a.text[found[0].start : found[-1].end]
            if target.lemma_.lower() in self.lex.sets["group_nouns"] and any(
                c.lower_ in ("the", "this", "that") for c in target.children
            ):
                antecedent = a.group_antecedent(target)
                if antecedent is not None:
                    self._prefixed = antecedent
                    return antecedent.text
            if target.pos_ == "PROPN" and target.ent_type_ not in ("GPE", "LOC", "FAC"):
                names = [t for t in target.lefts if t.dep_ == "compound"]
                first = min([target.i, *(t.left_edge.i for t in names)])
                return a.doc[first : target.i + 1].text
        return None

    def _affiliations(self, tok: Token) -> Iterable[Token]:
        """Noun phrases that say whose the counted are: prepositions and 'who belong to'."""
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in ("from", "of", "belonging"):
                yield from (c for c in child.children if c.dep_ == "pobj")
            elif child.dep_ in ("relcl", "acl") and child.lemma_.lower() in ("belong", "be"):
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("to", "of", "from"):
                        yield from (c for c in prep.children if c.dep_ == "pobj")
                    elif prep.dep_ == "attr" and (member := _of_object(prep)) is not None:
                        yield member
        if tok.dep_ == "dobj":  # "expelling 200 fighters from Jabhat Fateh al-Sham"
            for prep in tok.head.children:
                if prep.dep_ == "prep" and prep.lower_ == "from" and prep.i == tok.right_edge.i + 1:
                    yield from (c for c in prep.children if c.dep_ == "pobj")

    def _participle(self, tok: Token) -> str | None:
        """What happened to the counted: 'killed or injured', 'dead', 'displaced'."""
        lex = self.lex
        verbs = lex.mapping("casualty_verbs")
        intransitive = lex.mapping("intransitive_casualty_verbs")
        nouns = lex.mapping("casualty_nouns")
        for _ in range(3):
            head = tok.head
            lemma = head.lemma_.lower()
            if tok.dep_ == "nsubjpass" and lemma in verbs:
                return _verb_chain(head, verbs)
            if tok.dep_ == "nsubj" and lemma in intransitive:
                return _verb_chain(head, intransitive)
            if (
                tok.dep_ == "dobj"
                and lemma in verbs
                and (head.tag_ in ("VBD", "VBN") or (head.tag_ == "VBG" and head.dep_ == "advcl"))
            ):  # "..., killing one person": what the act did, as "killed one person"
                return _verb_chain(head, verbs)
            for child in tok.rights:  # "the tens of thousands displaced by fighting"
                lemma = child.lemma_.lower()
                if (
                    child.dep_ in ("acl", "relcl", "amod")
                    and child.tag_ in ("VBN", "VBG")
                    and (lemma in verbs or lemma in intransitive)
                ):
                    return child.text
            if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in nouns:
                return nouns[head.head.lemma_.lower()]
            if (
                tok.dep_ == "pobj"
                and head.lower_ in ("including", "among")
                and head.head.pos_ in _NOMINAL
            ):
                tok = head.head
                continue
            break
        return None

    def _about(self) -> ActorMention | None:
        if self._prefixed is not None:
            return self._prefixed
        if self.noun is None:
            return None
        doc = self.a.doc
        for i in sorted(self.phrase_tokens):
            mention = self.a.mention_at(doc[i])
            if mention is not None and mention.kind in _ABOUT_KINDS:
                return mention
        return None


def _name_tokens(tok: Token, depth: int = 0) -> set[int]:
    """A name with its modifiers and conjoined names: 'the Republican Guard and Fourth Division'."""
    found = {tok.i}
    for child in tok.children:
        if child.i < tok.i and child.dep_ in ("compound", "amod", "poss", "nmod", "det", "punct"):
            found |= set(doc_arrays(child.doc).subtree(child.i))
        elif child.dep_ in ("conj", "cc") and depth < 8:
            found |= _name_tokens(child, depth + 1)
    return found


def _short(speaker: str | None) -> str:
    """A speaker span without its apposition or relative clause: 'The UN, which ...' -> 'UN'."""
    text = (speaker or "").split(",")[0].strip()
    return text[4:] if text.lower().startswith("the ") else text


def _of_object(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _verb_chain(verb: Token, table: dict[str, str]) -> str:
    """'killed or injured': the verb and the casualty verbs conjoined with it."""
    words = [verb.text if verb.tag_ == "VBN" else table[verb.lemma_.lower()]]
    cc = next((c.lower_ for c in verb.children if c.dep_ == "cc"), "and")
    for conj in shared_conjuncts(verb):
        if conj.lemma_.lower() in table:
            words.append(conj.text if conj.tag_ == "VBN" else table[conj.lemma_.lower()])
    return f" {cc} ".join(words) if len(words) > 1 else words[0]


def shared_conjuncts(verb: Token) -> list[Token]:
    """Verbs coordinated with `verb` that share its arguments: 'were killed or wounded', not
    'were killed and 120 were wounded' nor 'killing six and wounding 32 people'."""
    own = ("nsubj", "nsubjpass", "dobj")
    return [
        conj
        for conj in verb.children
        if conj.dep_ == "conj"
        and not any(
            c.dep_ in own or c.like_num or c.lower_ in ("more", "others") for c in conj.children
        )  # "were killed and many more injured": those injured are others
        and not any(t.like_num for t in conj.subtree)  # "and wounded over 350": its own count
    ]


def shared_head(verb: Token) -> Token | None:
    """The verb that `verb` is coordinated with by "or" and shares its object with: in
    "killed or wounded 40 people" the parse hangs the 40 on "wounded" only."""
    head = verb.head
    if verb.dep_ != "conj" or head.pos_ != "VERB":
        return None
    if not any(c.dep_ == "cc" and c.lower_ == "or" for c in head.children):
        return None
    if any(c.dep_ in ("dobj", "nsubjpass") or c.like_num for c in head.children):
        return None  # "killed 12 or wounded 30": each has its own
    return head


def _named_after_them(anchor: Token) -> Token | None:
    """ "seven of them children": the noun the count of "them" is predicated of."""
    of = _of_object(anchor)
    if of is None or of.lower_ not in ("them", "whom"):
        return None
    head = anchor.head
    return head if head.i > anchor.i and head.pos_ == "NOUN" and anchor.dep_ == "nsubj" else None


def misattached(number: Token) -> bool:
    """A number the parse made a modifier of a later noun that has its own determiner
    between them: "risen to 61 a war monitor said" is 61, then "a war monitor"."""
    head = number.head
    return head.i > number.i + 1 and any(
        c.dep_ == "det" and number.i < c.i < head.i for c in head.children
    )
