"""What a count measures, of whom, and over what span: read from the parse around the number.

A figure is only comparable with another of the same measure, victim group and scope: "40
killed" and "120 wounded" in one sentence are not rival tolls, nor are "12 killed in a
strike" and "250,000 killed in the war". The reading follows the number's head noun to the
word that says what happened to it, in this order:

1. the counted noun's own modifiers: "people killed", "70 wounded", "40 dead";
2. its role in the clause: the passive subject of a casualty verb ("were killed"), the
   subject of an intransitive one or of "be" with a casualty word ("died", "were missing"),
   the object of an active one ("killed 40 people"), an object left in a state ("left 100
   wounded"), an "of" object of a casualty noun ("the deaths of", "claimed the lives of");
3. a value of a running count: "the death toll rose to 115", "put the toll at 494", "the
   number of victims is 70" (the toll's own words say what it counts; a bare toll counts
   the dead);
4. a figure joined to another ("killed 31 jihadists and eight civilians", "Ten children were
   among 48 people killed", "including 18 children") reads as that figure does: `link`
   names the token whose figure it borrows from, resolved once the sentence is read;
5. the counted noun itself: "20 bodies", "two million refugees", "casualties"; a count of
   armed people with nothing happening to it ("300 Nusra fighters") is `fighters`.

Measures count people: a count of anything else ("40 trucks", "70 villages seized") is
`other`, and verbs that also take things ("capture", "trap") give their measure only to
counted people. Shares, money and physical measures have no measure at all (None).

The victim group is the counted noun's group ("children", "civilians"); "members" and
"forces" take their actor's ("members of the Nusra Front": fighters); a bare number borrows
the noun it was tied to; anyone else is `people`.

The scope is `cumulative` when the clause runs over a period longer than a day ("since
Saturday", "over the past week", "in two days", "to date", "so far in the offensive"; a bare
"so far" says a toll may still rise, not that it spans days), with
`scope_since` the date a "since" resolves to; `overall` when the war is the subject or the
period ("the five-year war has killed", "since the conflict began"); else `incident`.
A day ("in the past 24 hours") is still one incident: incidents are reckoned by the day.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from rashomon.extract.doc_arrays import doc_arrays
from rashomon.extract.numbers.counted import (
    _clause_verb,
    _Counted,
    _of_object,
    misattached,
    shared_conjuncts,
    shared_head,
)
from rashomon.extract.numbers.expression import _Expr

if TYPE_CHECKING:
    from rashomon.extract.numbers import _Article

OTHER = "other"
FIGHTERS = "fighters"
PEOPLE = "people"
INCIDENT, CUMULATIVE, OVERALL = "incident", "cumulative", "overall"
_TIME_DAYS = {"hour": 1 / 24, "day": 1, "night": 1, "week": 7, "month": 30, "year": 365}
_BELONGING = {"of", "from", "in"}
_HARM = frozenset({"killed", "injured", "killed_or_injured", "missing"})  # outranks a status
_INCLUDING_VERBS = frozenset({"include", "comprise"})  # "the dead included two doctors"


@dataclass(frozen=True)
class _Figure:
    """A figure's own reading; `link` is the token of the figure it reads as when its own
    words say nothing (a coordinated or included figure)."""

    measure: str | None
    victims: str | None
    scope: str | None
    scope_since: str | None
    link: int | None = None
    people: bool = False  # the counted are people (a measure from a linked figure applies)
    fallback: str | None = None  # the measure when the link gives none: the noun's, or other


class _FigureReader:
    """Reads measure, victims and scope for the figures of one sentence."""

    def __init__(self, article: _Article, sent: Span) -> None:
        self.a = article
        self.lex = article.lex
        self.sent = sent

    def read(self, expr: _Expr, anchor: Token, counted: _Counted) -> _Figure:
        if expr.kind != "count":
            return _Figure(None, None, None, None)
        noun = counted.noun
        tok = noun if noun is not None else _number_head(anchor)
        people = self._people(noun, counted)
        own = None
        if noun is not None and _of_the_number(noun, expr):
            own = self._modifier_measure(noun, people)  # "hundreds of people killed"
            tok = _number_head(anchor)  # "hundreds of people were killed": the number's role
        measure, verb, link = (own, None, None) if own else self._measure(tok, people)
        if noun is None and link is None and measure is None:
            checked = self._checked_count(tok)
            if checked is not None:  # "could only confirm 15": of the count checked
                link, people = checked.i, True
        them = _of_pronoun(anchor)
        if them is not None and own is None:  # "killing 22 people, seven of them children"
            measure, verb, link = None, None, them.i
        if measure is None and link is None and people:
            measure = self._adjacent_measure(expr, noun) or self._shared_participle(noun)
        fallback = self._noun_measure(noun, counted) or OTHER
        if measure is None and link is None:
            measure = fallback
        victims = self._victims(noun, counted) if people else None
        if people and _under_age(noun, expr, self.sent, self.lex):  # "32 under the age of 10"
            victims = "children"
        scope, since = self._scope(verb or _clause_verb(anchor), range(expr.first, expr.last))
        return _Figure(measure, victims, scope, since, link, people, fallback)

    def resolve(self, figures: list[tuple[_Figure, set[int]]]) -> list[_Figure]:
        """Figures linked to another figure of the sentence (by one of its tokens) read as it
        does; one linked to a noun with no figure ("people, including 3 children, were
        killed") reads as that noun would; else the figure's own noun decides."""
        out = [f for f, _ in figures]
        for _ in range(3):  # chains: "Ten children were among 48 ... including 20 women"
            for k, current in enumerate(out):
                if current.link is None:
                    continue
                holders = [j for j, (_, tokens) in enumerate(figures) if current.link in tokens]
                source = next((out[j] for j in holders if j != k), None)
                if source is not None and source.link is not None:
                    continue  # resolve the source first
                if source is None and self.a.doc[current.link].pos_ == "PRON":
                    earlier = [j for j in range(k) if out[j].link is None]  # "among them"
                    source = out[earlier[-1]] if earlier else None
                if source is not None:
                    measure, scope, since = source.measure, source.scope, source.scope_since
                else:
                    word = self.a.doc[current.link]  # "among Friday's victims"
                    measure = self._measure(word, True)[0] or self._word_measure(
                        word, True, verb=False
                    )
                    scope, since = current.scope, current.scope_since
                if measure in (None, OTHER) or not current.people:
                    measure = current.fallback
                out[k] = _Figure(
                    measure,
                    current.victims,
                    current.scope if current.scope != INCIDENT else scope,
                    current.scope_since or since,
                    None,
                    current.people,
                    current.fallback,
                )
        return [f if f.link is None else _unlinked(f) for f in out]

    def _checked_count(self, tok: Token) -> Token | None:
        """ "The government said 62 were killed, but investigators could only confirm 15": a
        bare number a verb of checking takes as its object (`verifying_verbs`) counts what
        the figure before it in its sentence counts; that figure's number, if any."""
        if not tok.like_num or tok.dep_ != "dobj":
            return None
        if not self.lex.has("verifying_verbs", tok.head.lemma_.lower()):
            return None
        earlier = [t for t in self.sent if t.i < tok.i and t.like_num and t.pos_ == "NUM"]
        return earlier[-1] if earlier else None

    # -- measure ---------------------------------------------------------------------------

    def _measure(self, tok: Token, people: bool) -> tuple[str | None, Token | None, int | None]:
        """(measure, the verb or noun that gave it, token of a figure to borrow from).

        A participle before the counted noun ("33 displaced people", "40 wounded civilians")
        says who they were; a verb of harm the phrase is a part of says what happened to them,
        and wins ("33 displaced people were killed": killed). Otherwise the participle counts
        as before ("40 wounded civilians were evacuated": wounded)."""
        found = self._walk_measure(tok, people, lefts=False)
        if found[0] in _HARM or found[2] is not None:
            return found
        return self._walk_measure(tok, people, lefts=True)

    def _walk_measure(
        self, tok: Token, people: bool, *, lefts: bool
    ) -> tuple[str | None, Token | None, int | None]:
        for _ in range(6):
            found = self._modifier_measure(tok, people, lefts=lefts)
            if found is not None:
                return found, tok, None
            head, dep = tok.head, tok.dep_
            if head.i == tok.i:
                return None, None, None
            if dep in ("conj", "appos") and head.pos_ in ("NOUN", "PROPN", "NUM", "ADJ", "PRON"):
                elided = _elided_head(tok, head)
                if elided is not None:  # "150 bodies were found in X, 100 in Y": as the 150
                    return None, None, elided.i
                after = self._after_measure(tok) if people else None
                if after is not None:  # "51 dead and over 100 wounded"
                    return after, None, None
                tok = head  # "31 jihadists and eight civilians": as the first reads
                continue
            if (
                dep == "pobj"
                and self.lex.has("loose_qualifiers", head.lower_)
                and (head.head.pos_ == "VERB")
            ):  # "killed over 80 of the soldiers": the parse made the qualifier a preposition
                return self._role_measure(tok, head.head, "dobj", people)
            if (
                dep == "pobj"
                and head.lower_ == "to"
                and head.head.lower_ in _NEARLY
                and head.head.head.pos_ == "VERB"
            ):  # "killing closer to 600 people": the parse hung the count on the qualifier
                return self._role_measure(tok, head.head.head, "dobj", people)
            if dep == "pobj":
                return self._object_measure(tok, head, people)
            if (
                dep in ("advmod", "acomp", "advcl")
                and (tok.pos_ in ("ADJ", "ADV") or tok.lower_ == "close")  # "to close to"
                and (head.pos_ in ("VERB", "AUX"))
            ):  # "put the toll as high as 150", "ranged ... to close to 800": the qualifier
                # heads the number
                toll = self._toll_of(head)
                if toll is not None:
                    return self._toll_measure(toll), head, None
            if dep in ("nsubj", "nsubjpass", "dobj", "attr", "oprd", "npadvmod"):
                if head.dep_ in ("aux", "auxpass") and head.head.i != head.i:
                    head = head.head  # "30 are missing" parsed with "are" as the head
                return self._role_measure(tok, head, dep, people)
            if dep == "nummod" and misattached(tok):
                # "has risen to 61 a war monitor said" (wire copy without its comma): the
                # number ends its own phrase; what comes before it says what it counts
                before = tok.doc[tok.left_edge.i - 1] if tok.left_edge.i > 0 else None
                if before is not None and before.dep_ == "prep":
                    return self._object_measure(tok, before, people)
                if before is not None and before.pos_ == "VERB":
                    return self._role_measure(tok, before, "dobj", people)
                return None, None, None
            if dep in ("nummod", "quantmod", "compound", "amod", "nmod") and head.pos_ != "VERB":
                tok = head
                continue
            return None, None, None
        return None, None, None

    def _modifier_measure(self, tok: Token, people: bool, *, lefts: bool = True) -> str | None:
        """'people killed', '70 wounded', '40 dead', 'the injured' (and with `lefts`, 'the 40
        wounded civilians')."""
        own = self._word_measure(tok, people, verb=False)
        if own is not None and tok.pos_ in ("ADJ", "VERB"):
            return own
        for child in tok.rights:
            if child.dep_ in ("acl", "relcl", "amod", "oprd") and child.pos_ in ("VERB", "ADJ"):
                found = self._verb_measure(child, people)
                if found is not None:
                    return found
        for child in tok.lefts if lefts else ():
            if child.dep_ == "amod" and child.tag_ == "VBN":  # "the 40 wounded civilians"
                found = self._verb_measure(child, people)
                if found is not None:
                    return found
            elif child.dep_ == "amod" and child.pos_ == "ADJ":  # "73 dead civilians"
                measures = [
                    self._word_measure(c, people, verb=False) for c in (child, *child.conjuncts)
                ]
                found = [m for m in measures if m is not None]
                if found:
                    return _combined(found)  # "dead and injured people"
        return None

    def _role_measure(
        self, tok: Token, verb: Token, dep: str, people: bool
    ) -> tuple[str | None, Token | None, int | None]:
        lemma = verb.lemma_.lower()
        if dep == "attr" or (dep == "nsubj" and lemma == "be"):
            return self._copula_measure(tok, verb, dep, people)
        if dep == "nsubj" and lemma == "pay":  # "53 civilians paid the price with their lives"
            paid = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                    for g in c.children if g.dep_ == "pobj"]  # fmt: skip
            if paid and self._word_measure(paid[0], True, verb=False):
                return self._word_measure(paid[0], True, verb=False), verb, None
        if dep == "nsubj" and self._has_object(verb):
            return None, verb, None  # "40 rebels killed 10 soldiers": the doers, not the dead
        if dep == "dobj" and lemma in _INCLUDING_VERBS:  # "the dead included two doctors"
            whole = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if whole is not None and self.lex.has("toll_nouns", whole.lemma_.lower()):
                toll = self._toll_measure(whole)  # "the toll includes 10 patients and 13 staff"
                if toll is not None:
                    return toll, verb, None
            if whole is not None:
                return None, verb, whole.i
        if dep in ("nsubj", "nsubjpass", "dobj", "npadvmod"):
            found = self._verb_measure(verb, people)
            if found is not None:
                return found, verb, None
            toll = self._toll_of(verb) if dep in ("dobj", "npadvmod") else None
            if toll is not None:  # "the death toll reached 112 people"
                return self._toll_measure(toll), verb, None
            if dep == "nsubj" and lemma in ("lose",):  # "300 people lost their lives"
                obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
                if obj is not None and self._word_measure(obj, True, verb=False):
                    return self._word_measure(obj, True, verb=False), verb, None
            state = self._state_measure(verb, people)  # "left 100 others wounded"
            if state is not None:
                return state, verb, None
            return None, verb, None
        if dep == "oprd":
            return self._verb_measure(verb, people), verb, None
        return None, verb, None

    def _copula_measure(
        self, tok: Token, verb: Token, dep: str, people: bool
    ) -> tuple[str | None, Token | None, int | None]:
        """'were among 48 killed', 'were dead', 'the toll is 40', 'the number ... is 70'."""
        if dep == "attr":
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            among = self._among(verb)  # "Among the dead were 22 children"
            found = self._toll_measure(subject) if subject is not None else None
            if found is not None or (subject is not None and among is None):
                return found, verb, None
            # "Among the victims - 121 male and 47 female - were 25 children": the parse
            # takes the aside for the subject; the group still says what the count counts
            return None, verb, among.i if among is not None else None
        for child in verb.children:
            if child.dep_ in ("acomp", "attr", "oprd"):
                found = self._word_measure(child, people, verb=False) or self._verb_measure(
                    child, people
                )
                if found is not None:
                    return found, verb, None
        among = self._among(verb)
        return None, verb, among.i if among is not None else None

    def _among(self, verb: Token) -> Token | None:
        """The group of "were among 48 killed", "Among the dead were ...": whom the counted
        belong to, read for its measure."""
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "among":
                other = _object(child)
                if other is not None:
                    return other
        return None

    def _object_measure(
        self, tok: Token, prep: Token, people: bool
    ) -> tuple[str | None, Token | None, int | None]:
        """'the deaths of 600,000', 'the lives of 129', 'including 18 children', 'rose to 115'."""
        word = prep.lower_
        owner = prep.head
        if word in ("including", "among", "excluding") and owner.i != prep.i:
            if owner.pos_ in ("VERB", "AUX"):  # "73 civilians have been named, including 11
                counted = [  # children": the list hangs on the verb, it counts its subject
                    c for c in owner.children
                    if c.dep_ in ("nsubjpass", "nsubj", "dobj") and c.i < prep.i
                    and any(g.dep_ == "nummod" for g in c.children)
                ]  # fmt: skip
                if counted:
                    return None, None, counted[-1].i
                toll = [  # "the toll rose to 58, including 11 children": the count it reached
                    g for c in owner.children
                    if c.dep_ == "prep" and c.lower_ in ("to", "at") and c.i < prep.i
                    for g in c.children if g.dep_ == "pobj" and g.like_num
                ]  # fmt: skip
                if toll:
                    return None, None, toll[-1].i
            return None, None, owner.i
        if (
            word == "of" and owner.lemma_.lower() in _HOUSEHOLDS and owner.i != prep.i
            and (tok.like_num or tok.lemma_.lower() in ("people", "person", "member"))
        ):  # fmt: skip
            # "a family of nine, including six children, was killed": the family's fate is
            # its members' (not in "the families of five rebels", who are counted apart)
            return self._walk_measure(owner, True, lefts=True)
        if word == "of":
            found = self._word_measure(owner, people, verb=False)
            if found is not None and not self.lex.has("toll_nouns", owner.lemma_.lower()):
                return found, owner, None
            if self.lex.has("toll_nouns", owner.lemma_.lower()):
                return self._toll_measure(owner), owner, None
            return None, None, None
        if word == "to" and owner.lower_ in ("close", "up") and owner.head.pos_ == "VERB":
            owner = owner.head  # "ranged from 100 to close to 800": the qualifier's verb
        ranged = word in ("between", "from") and (_two_counts(prep) or _ranged(prep))
        if (word in ("to", "at") or ranged) and owner.pos_ in ("VERB", "AUX"):
            toll = self._toll_of(owner)
            if toll is not None:
                return self._toll_measure(toll), owner, None
        return None, owner if owner.pos_ in ("VERB", "AUX") else None, None

    def _toll_of(self, verb: Token) -> Token | None:
        """The running count a verb moves: 'the toll rose to', 'raised the toll to'; or
        the victims a verb of reaching counts: 'the deaths have reached 106'."""
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass", "dobj") and self.lex.has(
                "toll_nouns", child.lemma_.lower()
            ):
                return child
            if (
                child.dep_ in ("nsubj", "nsubjpass")
                and self.lex.has("reaching_verbs", verb.lemma_.lower())
                and child.lemma_.lower() in self.lex.mapping("casualty_nouns")
            ):
                return child
            if child.dep_ in ("nsubj", "nsubjpass") and self.lex.has(
                "claim_nouns", child.lemma_.lower()
            ):  # "estimates of the death toll ranged from 500 to 1,300"
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ == "of":
                        toll = next((c for c in prep.children if c.dep_ == "pobj"), None)
                        if toll is not None and self.lex.has("toll_nouns", toll.lemma_.lower()):
                            return toll
        if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            return self._toll_of(verb.head)  # "the toll rose and reached 61"
        return None

    def _toll_measure(self, toll: Token) -> str | None:
        """What a running count counts: 'death toll', 'the number of people killed'."""
        lemma = toll.lemma_.lower()
        if not self.lex.has("toll_nouns", lemma):
            return self._word_measure(toll, True, verb=False)
        for child in toll.children:
            if child.dep_ in ("compound", "amod", "nmod"):
                found = self._word_measure(child, True, verb=False)
                if found is not None:
                    return found
            if child.dep_ == "prep" and child.lower_ == "of":
                counted = next((c for c in child.children if c.dep_ == "pobj"), None)
                if counted is not None:
                    found = self._modifier_measure(counted, True) or self._word_measure(
                        counted, True, verb=False
                    )
                    if found is not None:
                        return found
        for child in toll.rights:  # "the number of people killed when ...": the parse may
            if child.dep_ in ("acl", "relcl") and child.pos_ == "VERB":  # hang it on "number"
                found = self._verb_measure(child, True)
                if found is not None:
                    return found
        return "killed" if self.lex.has("default_toll", lemma) else None

    def _verb_measure(self, verb: Token, people: bool) -> str | None:
        """A casualty verb and the ones coordinated with it: 'killed or wounded'."""
        first = self._word_measure(verb, people, verb=True)
        if first is None:
            return self._state_measure(verb, people) if verb.pos_ == "VERB" else None
        found = [first]
        head = shared_head(verb)
        for conj in [*shared_conjuncts(verb), *([head] if head is not None else [])]:
            other = self._word_measure(conj, people, verb=True)
            if other is not None:
                found.append(other)
        return _combined(found)

    def _state_measure(self, verb: Token, people: bool) -> str | None:
        """A verb that leaves its object in a state: 'left 40 dead', 'shot dead', 'burned
        to death', 'living under siege'."""
        for child in verb.children:
            if child.dep_ in ("oprd", "acomp", "xcomp", "ccomp") and child.pos_ in ("ADJ", "VERB"):
                found = self._word_measure(child, people, verb=False)
                if found is not None:
                    return found
            if child.dep_ == "prep" and child.lower_ in ("to", "under"):
                state = next((c for c in child.children if c.dep_ == "pobj"), None)
                if state is not None and state.lemma_.lower() in ("death", "siege"):
                    return self._word_measure(state, people, verb=False)
            if people and child.dep_ == "prep" and child.lower_ in ("from", "out"):
                # "forced from their homes", "driven out of their houses": displaced
                place = next((c for c in child.subtree if c.dep_ == "pobj"), None)
                if place is not None and place.lemma_.lower() in ("home", "house"):
                    return "displaced"
        return None

    def word_measure(self, tok: Token) -> str | None:
        """A word's own measure ('casualties': killed_or_injured), as of people."""
        return self._word_measure(tok, True, verb=False)

    def _word_measure(self, tok: Token, people: bool, *, verb: bool) -> str | None:
        lex = self.lex
        lemma = tok.lemma_.lower()
        word = tok.lower_
        found = lex.group("measure_words", lemma) or lex.group("measure_words", word)
        if found is None and people and (verb or tok.pos_ == "VERB"):
            found = lex.mapping("measure_words_people").get(lemma)
        if found == "killed" and lemma == "life" and tok.head.lemma_.lower() in ("save",):
            return None  # "saved the lives of 30"
        return found

    def _shared_participle(self, noun: Token | None) -> str | None:
        """'counted 32 children and over 60 adults killed': a participle of harm after the
        last of coordinated counts tells the measure of the earlier ones too."""
        if noun is None:
            return None
        for conj in noun.children:
            if conj.dep_ != "conj" or not any(c.dep_ == "nummod" for c in conj.children):
                continue
            for c in conj.children:
                if c.dep_ == "acl" and c.tag_ == "VBN" and c.i == conj.i + 1:
                    return self._verb_measure(c, True)
        return None

    def _adjacent_measure(self, expr: _Expr, noun: Token | None) -> str | None:
        """When the parse ties the number to nothing that says what happened (wire copy
        without commas bends it), the words around it: a casualty verb just before the
        number ("killing between 1000 and 1800 people"), or a casualty word just after the
        counted ("around 40 wounded", "40 people were killed")."""
        doc = self.a.doc
        before = doc[expr.first - 1] if expr.first > self.sent.start else None
        if before is not None and before.pos_ in ("VERB", "NOUN"):
            found = self._word_measure(before, True, verb=True)
            if found is not None and (
                before.tag_ in ("VBG", "VBD") or before.lower_.endswith("ing")
            ):
                return found
        last = noun if noun is not None and noun.i >= expr.last else doc[expr.last - 1]
        return self._after_measure(last)

    def _after_measure(self, last: Token) -> str | None:
        """A casualty word right after the counted: '40 wounded', '40 people were killed'."""
        doc = self.a.doc
        k = last.i + 1
        while k < self.sent.end:
            if doc[k].lower_ in ("including", "among"):  # "130 people including 67 children"
                k = max(doc[k].right_edge.i, k) + 1
            elif doc[k].pos_ in ("AUX", "ADV", "PART") or doc[k].lower_ in ("other", "others"):
                k += 1
            else:
                break
        if k < self.sent.end and doc[k].pos_ in ("VERB", "ADJ") and doc[k].tag_ != "VBG":
            return self._verb_measure(doc[k], True)
        return None

    def _noun_measure(self, noun: Token | None, counted: _Counted) -> str | None:
        """The counted noun's own measure: '20 bodies', 'refugees', '300 fighters'."""
        if noun is None:
            return None
        found = self._word_measure(noun, True, verb=False)
        if found == "displaced" and self._undone(noun):
            return OTHER
        if found is not None:
            return found
        lemma = noun.lemma_.lower()
        if self.lex.has("fighter_nouns", lemma) or (
            self.lex.has("member_nouns", lemma) and self._actor_group(counted) is not None
        ):
            return FIGHTERS
        return None

    def _undone(self, noun: Token) -> bool:
        """'1,000 refugees returned', 'returning refugees'."""
        near = [noun.head, *noun.children]
        return any(self.lex.has("undoing_words", t.lemma_.lower()) for t in near)

    @staticmethod
    def _has_object(verb: Token) -> bool:
        return any(c.dep_ in ("dobj", "attr") for c in verb.children)

    # -- victims ---------------------------------------------------------------------------

    def _people(self, noun: Token | None, counted: _Counted) -> bool:
        """Whether the counted are people: a person noun, a casualty noun, a group named
        with an actor, a nationality ('Kurds'), or no noun at all ('killing six')."""
        if noun is None:
            return True
        lex = self.lex
        lemma, word = noun.lemma_.lower(), noun.lower_
        if lex.group("victim_groups", lemma) or lex.group("victim_groups", word):
            return True
        if lex.has("fighter_nouns", lemma) or lex.has("member_nouns", lemma):
            return True
        if lemma in ("people", "person", "man", "men", "individual", "other", "civilian", "adult"):
            return True
        if lex.group("measure_words", lemma) and noun.pos_ in ("NOUN", "ADJ", "PROPN"):
            return lemma not in ("siege", "evacuation", "displacement", "killing", "execution")
        if noun.ent_type_ in ("NORP", "PERSON") or counted.about_actor_id and noun.pos_ == "PROPN":
            return True
        return any(
            m.kind in ("person", "nationality") for m in self.a.mentions_in(noun.idx, noun.idx + 1)
        )

    def _victims(self, noun: Token | None, counted: _Counted) -> str:
        if noun is None:
            base = (counted.base or "").split()
            if not base:
                return PEOPLE
            return self._group_of_word(base[-1].lower()) or PEOPLE
        lemma = noun.lemma_.lower()
        found = self._group_of_word(lemma) or self._group_of_word(noun.lower_)
        member = self.lex.has("member_nouns", lemma)
        if found is not None and not member:
            return found
        if member or self.lex.group("measure_words", lemma):
            # "members of the Nusra Front", "bodies of civilians", "members of a militia"
            inner = _of_object(noun)
            inner_group = None
            if inner is not None:
                inner_group = self._group_of_word(inner.lemma_.lower())
            if member:
                return self._actor_group(counted) or inner_group or found or PEOPLE
            return inner_group or self._modifier_group(noun) or PEOPLE
        return PEOPLE

    def _modifier_group(self, noun: Token) -> str | None:
        """ "80 civilian deaths", "child casualties": the group a word before the measure
        noun names."""
        for child in noun.children:
            if child.dep_ in ("amod", "compound") and child.i < noun.i:
                found = self._group_of_word(child.lemma_.lower()) or self._group_of_word(
                    child.lower_
                )
                if found is not None:
                    return found
        return None

    def _group_of_word(self, word: str) -> str | None:
        """The group of a word or of its singular ('terrorists' -> fighters)."""
        for form in (word, word.removesuffix("s"), word.removesuffix("es")):
            found = self.lex.group("victim_groups", form)
            if found is not None:
                return found
        return None

    def _actor_group(self, counted: _Counted) -> str | None:
        """'members of the Nusra Front' are fighters, 'regime forces' soldiers."""
        actor = counted.about_actor_id
        if actor is None:
            return None
        kind = self.a.kind_of(actor)
        if kind in ("armed group",):
            return FIGHTERS
        if kind in ("military", "government", "state"):
            return "soldiers"
        return None

    # -- scope -----------------------------------------------------------------------------

    def _scope(self, verb: Token | None, own: range) -> tuple[str, str | None]:
        """Incident, cumulative (with the date a 'since' resolves to) or overall, from the
        words of the figure's clause, but not those of a record it is compared with ('...
        making it the deadliest clash since the start of the war', 'the worst in a year'
        say nothing of the figure's span)."""
        if verb is None:
            return INCIDENT, None
        lex = self.lex
        children = list(verb.children)
        shared = verb.dep_ == "conj" or (
            verb.dep_ in ("ccomp", "advcl") and verb.head.pos_ in ("ADJ", "NOUN")
        )  # a shared subject, or one the parser left above ("war ongoing since 2011 has
        # brought 230000 deaths": "brought" hangs from "ongoing", and "war" with it)
        if shared and not any(c.dep_ in ("nsubj", "nsubjpass") for c in children):
            children += [c for c in verb.head.children if c.dep_ == "nsubj"]
        for child in children:
            if child.dep_ in ("nsubj", "agent") or (
                child.dep_ == "prep" and child.lower_ in ("in", "during", "since", "throughout")
            ):
                target = child
                if child.dep_ in ("agent", "prep"):
                    target = next((c for c in child.children if c.dep_ == "pobj"), child)
                if lex.has("war_nouns", target.lemma_.lower()):
                    return OVERALL, None  # "the five-year war has killed 250,000"
        if verb.dep_ in ("acl", "relcl") and lex.has("war_nouns", verb.head.lemma_.lower()):
            return OVERALL, None  # "the war, which has claimed 400,000 lives"
        since: str | None = None
        cumulative = False
        region = range(verb.left_edge.i, verb.right_edge.i + 1)  # a subtree is contiguous
        trailing = _trailing_since(verb)
        if trailing is not None:
            region = range(region.start, max(region.stop, trailing.right_edge.i + 1))
        for mention in self.a.dates:
            tok = self.a.token_at(mention.start) if mention.relation == "since" else None
            if tok is None or tok.i not in region or tok.i in own or _in_a_record(tok, verb):
                continue
            cumulative = True
            since = since or mention.value
        lower = doc_arrays(self.a.doc).lower  # a Token only for a marker word
        for k in region:
            low = lower[k]
            if k in own or low not in self._markers:
                continue  # most words: not worth the tests below
            tok = self.a.doc[k]
            if _in_a_record(tok, verb):
                continue
            if low == "since" and tok.dep_ in ("prep", "mark"):
                cumulative = True
                reason = next((c for c in tok.children if c.dep_ == "pobj"), None)
                began = tok.head if tok.dep_ == "mark" else None
                for word in (reason, began):
                    if word is not None and self._warlike(word):
                        return OVERALL, since  # "since the conflict began in 2011"
            elif lex.has("period_prepositions", low) and tok.dep_ == "prep":
                if self._period_days(tok) > 1:
                    cumulative = True
            elif self._running_total(tok, region):
                cumulative = True
        clause = _clause_verb(verb)
        if clause is not None and not cumulative:  # "a total of 24 were killed in ..."
            cumulative = any(
                c.dep_ == "prep" and lex.has("period_prepositions", c.lower_) and self._several(c)
                for c in clause.children
            )
        return (CUMULATIVE, since) if cumulative else (INCIDENT, None)

    @cached_property
    def _markers(self) -> frozenset[str]:
        """First words of what can make a span: 'since', period prepositions, 'so far'."""
        lex = self.lex
        firsts = {w.split()[0] for w in lex.sets.get("running_total_words", ())}
        return frozenset({"since", *lex.sets.get("period_prepositions", ()), *firsts})

    def _warlike(self, tok: Token) -> bool:
        """'the start of the war', 'it began' with 'it' the conflict: a war noun in reach."""
        for t in tok.subtree:
            if self.lex.has("war_nouns", t.lemma_.lower()):
                return True
        if tok.pos_ in ("VERB", "AUX"):
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.lower_ == "it":
                head = tok.head
                return any(
                    self.lex.has("war_nouns", c.lemma_.lower())
                    for c in head.children
                    if c.dep_ in ("nsubj", "agent")
                )
        return False

    def _period_days(self, prep: Token) -> float:
        """'over the past week' 7, 'in two days' 2, 'in the past 24 hours' 1, else 0."""
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None:
            return 0.0
        unit = obj.lemma_.lower()
        if unit not in _TIME_DAYS:
            return 0.0
        count = 1.0
        for child in obj.children:
            if child.dep_ == "nummod":
                count = _spelled(child.lower_, self.lex) or count
            elif child.lower_ in ("several", "few", "recent", "many"):
                count = max(count, 2.0)
        if obj.tag_ in ("NNS",) and count == 1.0:
            count = 2.0  # "in recent days", "over the past weeks"
        return count * _TIME_DAYS[unit]

    def _several(self, prep: Token) -> bool:
        """'in separate operations', 'during several raids': the count sums what several
        happenings did, whatever each was."""
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None or obj.tag_ not in ("NNS", "NNPS"):
            return False
        return any(
            c.dep_ == "amod" and self.lex.has("several_words", c.lower_) for c in obj.children
        )

    def _running_total(self, tok: Token, region: range) -> bool:
        """'to date', 'cumulatively'; 'so far' only with what it runs over in the clause (a
        period preposition before a common noun: 'so far in the offensive', though not one
        act: 'so far in the blast'; or acts in the plural: 'killed so far as a result of
        Israeli strikes')."""
        doc, lex = self.a.doc, self.lex
        for size in (3, 2, 1):
            words = " ".join(doc_arrays(doc).lower[tok.i : min(tok.i + size, self.sent.end)])
            if lex.has("running_total_words", words):
                return not lex.has("rising_count_words", words) or any(
                    (
                        doc[k].dep_ == "prep"
                        and lex.has("period_prepositions", doc[k].lower_)
                        and any(
                            c.dep_ == "pobj"
                            and c.pos_ == "NOUN"
                            and not (c.tag_ == "NN" and self._an_act(c))
                            for c in doc[k].children
                        )  # fmt: skip
                    )
                    or (doc[k].dep_ == "pobj" and doc[k].tag_ == "NNS" and self._an_act(doc[k]))
                    for k in region
                )
        return False

    def _an_act(self, noun: Token) -> bool:
        """Whether a noun names violent acts ('strikes', 'attacks', 'raids')."""
        return self.lex.has("act_nouns", noun.lemma_.lower())


_NEARLY = frozenset({"close", "closer", "near", "nearer"})  # "close to 600", "nearer to 600"
_AGE_OF_CHILDREN = 18


_HOUSEHOLDS = frozenset({"family", "household"})  # a count of its members ("a family of nine")


def _under_age(noun: Token | None, expr: _Expr, sent: Span, lex: object) -> bool:
    """The counted are children by their age: 'more than 32 under the age of 10', '15 people
    aged under 18', '12 of them below the age of five' (an age to 18 right after the count)."""
    k = max(expr.last, noun.i + 1 if noun is not None else 0)
    words = [t.lower_ for t in sent.doc[k : min(k + 8, sent.end)]]
    for lead in (["of", "them"], ["aged"]):
        if words[: len(lead)] == lead:
            words = words[len(lead) :]
    if not words or words[0] not in ("under", "below"):
        return False
    words = words[1:]
    for lead in (["the", "age", "of"], ["age", "of"]):
        if words[: len(lead)] == lead:
            words = words[len(lead) :]
    age = _spelled(words[0], lex) if words else None
    return age is not None and 0 < age <= _AGE_OF_CHILDREN


def _two_counts(prep: Token) -> bool:
    """A preposition opening a range of counts ("between 56 and 200", "from 56 to 212"), not a
    place or a group ("from two besieged towns")."""
    if sum(1 for t in prep.subtree if t.like_num) >= 2:
        return True
    return any(
        t.like_num
        for c in prep.head.children
        if c.dep_ == "prep" and c.lower_ == "to"
        for t in c.subtree
    )


def _elided_head(tok: Token, head: Token) -> Token | None:
    """'150 bodies were counted in X, 100 in Y, 67 in Z': a bare number with its own place,
    hung on the place before it, counts what the verb's counted noun counts (that noun)."""
    if not tok.like_num or head.dep_ != "pobj" or head.head.dep_ != "prep":
        return None
    if not any(c.dep_ == "prep" for c in tok.children):
        return None
    verb = head.head.head
    for _ in range(8):  # "..., 90 in Y and 37 in Z": Z's count hangs on the 90's place
        if not (verb.like_num and verb.dep_ in ("appos", "conj")):
            break
        place = verb.head
        if place.dep_ != "pobj" or place.head.dep_ != "prep":
            return None
        head, verb = place, place.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    counted = [
        c for c in verb.children
        if c.dep_ in ("nsubjpass", "nsubj", "dobj") and c.i < head.i
        and any(g.dep_ == "nummod" and g.like_num for g in c.children)
    ]  # fmt: skip
    if counted:
        return counted[-1]
    # "said in a statement 150 bodies were counted in X, 100 in Y": a parse that hung the
    # counted noun elsewhere; the counted noun right before the verb
    before = verb.doc[verb.sent.start : verb.i]
    nouns = [
        t for t in before
        if t.pos_ == "NOUN" and verb.i - t.i <= 3
        and any(g.dep_ == "nummod" and g.like_num for g in t.children)
    ]  # fmt: skip
    return nouns[-1] if nouns else None


def _ranged(prep: Token) -> bool:
    """'from 100 to close to 800': a range the parse split at its qualifier ("close to",
    "up to"): the "from" of a verb that also has a "to" after it."""
    verb, doc = prep.head, prep.doc
    return prep.lower_ == "from" and any(
        t.lower_ == "to"
        and verb.i in (t.head.i, t.head.head.i)
        and any(n.like_num for n in doc[t.i + 1 : min(t.i + 5, verb.sent.end)])
        for t in doc[prep.i + 1 : verb.sent.end]
    )


def _superlative(tok: Token) -> bool:
    """A superlative, but not the qualifier of a number ("at least 16", "at most 30")."""
    if tok.tag_ not in ("JJS", "RBS"):
        return False
    return not (tok.lower_ in ("least", "most") and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "at")


def _trailing_since(verb: Token) -> Token | None:
    """A "since" clause right after the verb's own words that the parser hung on a verb
    above it ("150,000 have been killed since the revolt began, and millions have been
    driven from their homes": the clause went to "driven"). Read as the verb's own: what
    follows a clause without a break belongs to it far more often than to the next one.
    Returns the clause (its verb for "since ... began", the preposition for "since 2011")."""
    doc = verb.doc
    after = verb.right_edge.i + 1
    if after >= len(doc) or doc[after].lower_ != "since":
        return None
    since = doc[after]
    clause = since.head if since.dep_ == "mark" else since if since.dep_ == "prep" else None
    if clause is None or clause.i == verb.i or not clause.head.is_ancestor(verb):
        return None
    return clause


def _in_a_record(tok: Token, verb: Token) -> bool:
    """Whether a word hangs from a superlative or 'first' below the verb, or follows one
    closely: 'the deadliest since 2011', 'the first time in a year' compare with a record,
    they span nothing."""
    doc = tok.doc
    sentence_start = doc_arrays(doc).sentence(tok.i)[0]  # `tok.sent` walks the Doc
    for k in range(max(tok.i - 8, verb.i + 1, sentence_start), tok.i):
        if _superlative(doc[k]) or doc[k].lower_ == "first":
            return True
    for _ in range(16):
        if tok.i == verb.i or tok.head.i == tok.i:
            return False
        tok = tok.head
        if _superlative(tok) or tok.lower_ in ("first", "worst", "deadliest"):
            return True
        if any(_superlative(c) or c.lower_ == "first" for c in tok.lefts):
            return True
    return False


def _object(prep: Token) -> Token | None:
    """A preposition's object; when the parse hung it elsewhere (a comma-less wire sentence),
    the first noun within a few words after the preposition."""
    found = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if found is not None:
        return found
    doc = prep.doc
    for k in range(prep.i + 1, min(prep.i + 6, len(doc))):
        if doc[k].pos_ in ("NOUN", "PROPN"):
            return doc[k]
        if doc[k].pos_ in ("VERB", "AUX", "PUNCT"):
            break
    return None


def _of_the_number(noun: Token, expr: _Expr) -> bool:
    """'hundreds of people', 'dozens of them': the counted hangs from the number by 'of'."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ == "of" and expr.first <= prep.head.i < expr.last


def _number_head(anchor: Token) -> Token:
    """The word a bare number hangs from as its count ('40 dead' -> 'dead'), else itself."""
    if anchor.dep_ in ("nummod", "quantmod") and anchor.head.pos_ in ("ADJ", "VERB"):
        return anchor.head
    return anchor


def _combined(measures: list[str]) -> str:
    """'killed or wounded', 'killed and injured' count both: killed_or_injured."""
    unique = list(dict.fromkeys(measures))
    if len(unique) == 1:
        return unique[0]
    if set(unique) <= {"killed", "injured", "killed_or_injured"}:
        return "killed_or_injured"
    return unique[0]


def _spelled(word: str, lex: object) -> float | None:
    try:
        return float(word.replace(",", ""))
    except ValueError:
        words = lex.mapping("words")  # type: ignore[attr-defined]
        value = words.get(word)
        return float(value) if value is not None else None


def _unlinked(figure: _Figure) -> _Figure:
    """A link that never resolved (a cycle): the figure's own noun decides."""
    return _Figure(
        figure.fallback, figure.victims, figure.scope, figure.scope_since, None,
        figure.people, figure.fallback,
    )  # fmt: skip


def _of_pronoun(anchor: Token) -> Token | None:
    """The "them" of "seven of them children", "most of whom were women": the count is a
    part of the one before it in the sentence, and reads as it does."""
    for prep in anchor.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.lower_ in ("them", "whom"):
                    return obj
    return None
