"""Event triggers: the verbs, phrasal verbs and nouns in a Doc that report a PLOVER event.

A trigger is a head token plus the words that belong to it ("turned down", "air strikes",
"acting as a mediator"). An event noun that is the object of a light verb ("launched an
assault", "held talks", "offering them military help") is the trigger, and the light verb
is kept because it lends the noun its subject, its date and its factuality; such a light
verb is never an event of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from rashomon.extract.doc_arrays import DocArrays, doc_arrays
from rashomon.extract.events.lexicon import EventLexicon, EventSense
from rashomon.extract.events.location import PLACE_NOUNS

_PARTICLE_DEPS = ("prt", "prep", "dobj", "advmod")
_NOUN_POS = ("NOUN", "PROPN")
# Nouns that name an undertaking whose kind their modifier gives: "a mediation mission", "a
# bombing campaign", "an assassination attempt" report the modifier's event.
_SHELL_NOUNS = frozenset(
    {"mission", "campaign", "effort", "bid", "operation", "process", "initiative", "drive",
     "attempt"}
)  # fmt: skip
_MEASURES = frozenset(
    {"series", "wave", "spate", "string", "barrage", "round", "volley", "salvo", "flurry",
     "number", "dozen", "dozens", "hundred", "hundreds", "couple"}
)  # fmt: skip


_NOT_ADDRESSED = frozenset(
    {"i", "we", "us", "it", "this", "that", "there", "everyone", "everybody", "one"}
)


@dataclass(frozen=True)
class Trigger:
    """One event word: its head token, the char span of all its words, what it reports."""

    head: Token
    start: int
    end: int
    sense: EventSense
    mode: str | None
    light_verb: Token | None = None  # "launched" for "launched an assault"
    phrase_prep: Token | None = None  # "on" of "called on", whose object is the target
    reversal: bool = False  # "lifted the curfew": the lifter is the source, the owner the target
    text: str = ""  # the words from first to last ("turned down", "halt the air strikes")

    @property
    def is_noun(self) -> bool:
        return self.head.pos_ in _NOUN_POS


def find_triggers(doc: Doc, lexicon: EventLexicon) -> list[Trigger]:
    """Every trigger in the doc, in text order; light verbs of an event noun are dropped."""
    found: list[Trigger] = []
    # The Doc's columns (`doc_arrays`) tell most words apart from any trigger without a
    # Token being built: only a word whose lemma the lexicon can use is looked at closely.
    arrays = doc_arrays(doc)
    pos, lemmas = arrays.pos, arrays.lemma_lower
    verbs, phrase_heads, speech = lexicon.verbs, lexicon.phrase_heads, lexicon.words("speech")
    # sentence by sentence rather than `token.sent` per token: spaCy finds a token's
    # sentence by walking back to its start, so that lookup costs a sentence's length
    for sent in doc.sents:
        if _is_question(sent):  # "Who is fighting whom in Syria?" asks, it reports no event
            continue
        for i in range(sent.start, sent.end):
            kind = pos[i]
            trigger = None
            if kind in ("VERB", "AUX") or (kind == "ADJ" and doc[i].tag_ == "VBN"):
                if lemmas[i] in verbs or lemmas[i] in phrase_heads:
                    trigger = _verb_trigger(doc[i], lexicon)
            elif kind in _NOUN_POS and _may_name_an_event(
                _lemma_as_noun(lemmas[i], kind, lexicon), lexicon
            ):
                trigger = _noun_trigger(doc[i], lexicon)
            if trigger is None and kind == "VERB" and lemmas[i] in speech:
                trigger = _spoken_demand(doc[i], lexicon)
            if trigger is None and kind in _NOUN_POS:
                weapon = lexicon.mode_for("ASSAULT", lemmas[i])
                if weapon in _WEAPON_MODES:
                    trigger = _weapon_blamed(doc[i], weapon, lexicon)
            if trigger is not None:
                found.append(trigger)
    lights = {t.light_verb.i for t in found if t.light_verb is not None}
    phrases = [
        (t.start, t.end, t.head.i) for t in found if t.is_noun and t.end - t.start > len(t.head)
    ]
    return [
        t for t in found
        if (t.is_noun or t.head.i not in lights)
        and not (t.is_noun and _inside_noun_phrase(t, phrases))
    ]  # fmt: skip


_WH_TAGS = frozenset({"WP", "WRB", "WDT", "WP$"})


def _is_question(sent: Span) -> bool:
    """A direct question: it ends in "?" and opens with a wh-word or an auxiliary ("Who is
    fighting whom?", "Will Russia strike?"); a teaser or link asks, it does not report."""
    last = next((t for t in reversed(sent) if not t.is_space and t.text not in "\"'”’)"), None)
    if last is None or last.text != "?":
        return False  # most sentences: their words are not looked at
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if not words:
        return False
    return words[0].tag_ in _WH_TAGS or words[0].pos_ == "AUX"


def _inside_noun_phrase(trigger: Trigger, phrases: list[tuple[int, int, int]]) -> bool:
    """A noun that is a word of a longer event noun ("siege" in "a state of siege", "bombing"
    in "a bombing campaign") is that event, not one of its own."""
    at = trigger.head.idx
    return any(start <= at < end and head != trigger.head.i for start, end, head in phrases)


def _verb_trigger(token: Token, lexicon: EventLexicon) -> Trigger | None:
    lemma = token.lemma_.lower()
    if lemma in lexicon.phrase_heads:
        for child in _phrase_words(token):
            if child.dep_ not in (*_PARTICLE_DEPS, "nsubjpass", "mark") or _names_a_date(child):
                continue
            second = child.lemma_.lower()
            sense = lexicon.phrases.get(f"{lemma} {second}")
            if sense is None and child.dep_ == "dobj":  # "violated the ceasefire agreement"
                sense = next(
                    (lexicon.phrases[k] for k in _modifier_keys(lemma, child)
                     if k in lexicon.phrases), None,
                )  # fmt: skip
            if sense is not None and child.dep_ == "nsubjpass" and sense.object != "means":
                sense = None  # only a weapon is "used" in the passive: "gas was used"
            if sense is not None and _other_sense(token, sense):
                return None  # "walked out of the building"
            if sense is not None and not _has_required(token, sense):
                return None  # "the protest blew up into a crisis": nothing was blown up
            if sense is not None:
                prep = child if child.dep_ == "prep" else None
                found = _make(token, sense, lexicon, extra=(child,), phrase_prep=prep)
                return None if sense.lacks_mode(found.mode) else found
            for grandchild in child.children:  # "acted as a mediator"
                if grandchild.dep_ == "pobj":
                    key = f"{lemma} {second} {grandchild.lemma_.lower()}"
                    sense = lexicon.phrases.get(key)
                    if sense is not None:
                        return _make(token, sense, lexicon, extra=(child, grandchild))
    sense = lexicon.verbs.get(lemma)
    if sense is None or token.dep_ == "amod":  # "a besieged city" describes, it does not report
        return None
    if not _has_required(token, sense):
        return None  # "told Reuters when asked about the plan" is a question, not a request
    if _other_sense(token, sense):
        return None  # "released a statement", "an image released by", "seek shelter"
    found = _make(token, sense, lexicon)
    return None if sense.lacks_mode(found.mode) else found  # "dropped the case"


def _phrase_words(token: Token) -> list[Token]:
    """The words that may complete a phrasal verb: its own dependents, and the "for" that
    spaCy hangs on the clause after it in "called for the US and UK to suspend arms sales"
    (read as "for" marking "the US and UK to suspend"), taken as the verb's preposition."""
    words = list(token.children)
    for clause in token.children:
        if clause.dep_ in ("advcl", "xcomp"):
            words.extend(
                c for c in clause.children
                if c.dep_ == "mark" and c.lower_ == "for" and c.i < clause.i
            )  # fmt: skip
    return words


def _required_after(noun: Token, sense: EventSense) -> bool:
    """Whether the preposition a noun object needs comes right after it but hangs on the
    verb, as spaCy often attaches it: "reiterate our call for an end to the war"."""
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    return (
        noun.dep_ == "dobj" and after is not None and after.dep_ == "prep"
        and after.head == noun.head and after.lower_ in sense.requires
    )  # fmt: skip


def _has_required(token: Token, sense: EventSense) -> bool:
    """Whether the word has a dependent its sense needs to be an event (`requires`)."""
    return not sense.requires or any(
        c.dep_ in sense.requires or (c.dep_ == "prep" and c.lower_ in sense.requires)
        for c in token.children
    )


def _spoken_demand(token: Token, lexicon: EventLexicon) -> Trigger | None:
    """ "X said (that) Y must leave": saying what someone else must or should do demands it
    of them (CAMEO 10). The speech verb is a REQUEST whose source is the speaker and whose
    target is the subject of the reported clause; what is demanded stays an event of its own
    (its modal makes it demanded). Only a named subject other than the speaker's own side
    ("we must", "I should" state an intent) and a modal that demands (`modals`)."""
    if token.lemma_.lower() not in lexicon.words("speech"):
        return None
    for clause in token.children:
        if clause.dep_ != "ccomp":
            continue
        demands = any(
            c.dep_ == "aux" and lexicon.modals.get(c.lower_) == "demanded" for c in clause.children
        ) or (token.lemma_.lower() in _INSISTING and _subjunctive(clause))
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if not demands or subject is None or subject.pos_ not in ("PROPN", "NOUN", "PRON"):
            continue
        if subject.pos_ == "PRON" and subject.lower_ in _NOT_ADDRESSED:
            continue  # "we must", "it must": the speaker's own side, or no one
        return _make(token, EventSense("REQUEST", object="content"), lexicon)
    return None


# speech verbs that demand what a subjunctive clause says: "insisted that all aircraft be
# grounded" (a "that" clause with a bare verb and its subject)
_INSISTING = frozenset({"insist"})


def _subjunctive(clause: Token) -> bool:
    """ "that all aircraft be grounded", "that he leave": a bare verb (or a bare "be")
    heads the clause after "that" and its subject, with no modal or tense of its own."""
    marked = any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
    bare = clause.tag_ == "VB" or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VB" and c.lemma_ == "be"
        for c in clause.children
    )
    tensed = any(c.dep_ == "aux" and c.tag_ in ("MD", "VBD", "VBZ", "VBP") for c in clause.children)
    return marked and bare and not tensed


def _other_sense(head: Token, sense: EventSense) -> bool:
    """Whether an object of the word makes it another sense (`not_objects`): the direct
    object or passive subject ("released a statement", "a statement was released"), the
    noun a participle describes ("an image released by"), or a target preposition's object
    ("walked out of the building", "the release of the video")."""
    if not sense.not_objects:
        return False
    objects = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    if head.dep_ in ("acl", "relcl") and head.tag_ == "VBN":
        objects.append(head.head)
    preps = [
        c for c in head.children if c.dep_ == "prep" and c.lower_ in (*sense.target_preps, "of")
    ]
    for child in head.children:  # "walk out of": "of" hangs on the particle
        if child.dep_ in ("prt", "advmod", "prep"):
            preps += [c for c in child.children if c.dep_ == "prep"]
    objects += [o for p in preps for o in p.children if o.dep_ == "pobj"]
    return any(
        o.lemma_.lower() in sense.not_objects or ("@place" in sense.not_objects and _a_place(o))
        for o in objects
    )


def _a_place(word: Token) -> bool:
    """A building or a place told by a common noun ("the hotel", "a house"), or a facility."""
    if word.ent_type_ in ("FAC", "LOC"):
        return True
    return word.pos_ == "NOUN" and word.lemma_.lower() in PLACE_NOUNS


def _modifier_keys(lemma: str, obj: Token) -> list[str]:
    """Phrase keys a verb makes with the noun modifiers of its object ("violate ceasefire"
    for "violated the ceasefire agreement")."""
    return [f"{lemma} {c.lemma_.lower()}" for c in obj.children if c.dep_ == "compound"]


def _noun_trigger(token: Token, lexicon: EventLexicon) -> Trigger | None:
    lemma = _noun_lemma(token, lexicon)
    sense = None
    extra: tuple[Token, ...] = ()
    for child in token.children:
        if child.dep_ in ("compound", "amod", "nmod") and child.i == token.i - 1:
            sense = lexicon.nouns.get(f"{child.lemma_.lower()} {lemma}")
            if sense is None and lemma in _SHELL_NOUNS and child.dep_ in ("compound", "nmod"):
                sense = lexicon.nouns.get(child.lemma_.lower())  # "a mediation mission"
            if sense is not None:
                extra = (child,)
                break
    if sense is None and (lemma in lexicon.of_heads or " " in lemma):
        sense, extra = _of_phrase(token, lemma, lexicon)
    if sense is None:
        sense = lexicon.nouns.get(lemma)
    if sense is None and lemma in lexicon.phrase_heads:
        return _nominal_phrase(token, lemma, lexicon)
    if sense is None or token.dep_ == "compound":  # "the peace talks venue"
        return None
    if _other_sense(token, sense):
        return None  # "the release of the video"
    if not _has_required(token, sense) and not _required_after(token, sense):
        return None  # "a phone call" is no "call for" anything
    light = token.head if token.dep_ in ("dobj", "attr") else None
    counted = _counted_in(token)
    if light is None and counted is not None:
        light = counted.head  # "unleashed a series of airstrikes", "launched dozens of raids"
    reversing = light is not None and bool(_verb_words(light) & lexicon.reversals)
    if light is not None and reversing:
        undone = lexicon.reversed_type(sense.type)
        if undone is None:
            return None
        mode = "ease" if undone == "CONCEDE" else "break-relations"
        sense = EventSense(undone, mode, sense.target_preps)  # "lifted the curfew"
        extra = (*extra, light)  # the trigger reads "lifted the curfew", not "curfew"
    elif light is not None and (
        light.lemma_.lower() not in lexicon.light_verbs
        or any(c.dep_ == "oprd" for c in light.children)
    ):  # "called the attack a tragedy" names it; it does not carry it out
        light = None
    if light is None and token.dep_ == "pobj" and token.head.head.lemma_.lower() == "act":
        light = token.head.head  # "acting as a mediator"
    trigger = _make(token, sense, lexicon, extra=extra, light_verb=light)
    if reversing:
        trigger = replace(trigger, reversal=True)
    if sense.lacks_mode(trigger.mode):
        return None
    return trigger


def _of_phrase(
    token: Token, lemma: str, lexicon: EventLexicon
) -> tuple[EventSense | None, tuple[Token, ...]]:
    """An event noun of three words joined by "of" ("a state of emergency")."""
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            sense = lexicon.nouns.get(f"{lemma} of {obj.lemma_.lower()}")
            if sense is not None:
                return sense, (prep, obj)
    return None, ()


def _nominal_phrase(token: Token, lemma: str, lexicon: EventLexicon) -> Trigger | None:
    """A verb phrase told as a noun with "of": "the use of chemical weapons" is "used
    chemical weapons" (only phrases whose object is the means: the act's doer is the noun's
    owner, "al-Assad's use of chemical weapons")."""
    if token.dep_ == "compound":
        return None
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        for means in (c for c in prep.children if c.dep_ == "pobj"):
            sense = lexicon.phrases.get(f"{lemma} {means.lemma_.lower()}")
            if sense is None or sense.object != "means":
                continue
            found = _make(token, sense, lexicon, extra=(prep, means))
            return None if sense.lacks_mode(found.mode) else found
    return None


def _may_name_an_event(lemma: str, lexicon: EventLexicon) -> bool:
    """Whether `_noun_trigger` can find anything for a noun of this lemma: it is an event
    noun, the last word of one ("strike" of "air strike"), the head of an "X of Y" noun or
    of a phrase, or a shell noun; every other noun is no trigger whatever its words."""
    return (
        lemma in lexicon.nouns
        or lemma in lexicon.of_heads
        or lemma in lexicon.phrase_heads
        or lemma in _SHELL_NOUNS
        or " " in lemma
        or lexicon.ends_a_noun(lemma)
    )


def _noun_lemma(token: Token, lexicon: EventLexicon) -> str:
    """The lemma, also for a capitalised common noun the tagger took for a name
    ("Airstrikes targeting the town", "Air Raids Kill 12"): its singular when the lexicon
    knows that and not the plural."""
    return _lemma_as_noun(token.lemma_.lower(), token.pos_, lexicon)


def _lemma_as_noun(lemma: str, pos: str, lexicon: EventLexicon) -> str:
    """`_noun_lemma` from a token's lower-cased lemma and its POS."""
    if pos != "PROPN" or lemma in lexicon.nouns or not lemma.endswith("s"):
        return lemma
    singular = lemma[:-1]
    return singular if singular in lexicon.nouns or lexicon.ends_a_noun(singular) else lemma


def _counted_in(token: Token) -> Token | None:
    """The object that counts an event noun: "a series of", "a wave of", "dozens of"."""
    of = token.head
    if token.dep_ != "pobj" or of.lower_ != "of" or of.head.dep_ not in ("dobj", "attr"):
        return None
    return of.head if of.head.lemma_.lower() in _MEASURES else None


def _names_a_date(word: Token) -> bool:
    """ "called on Sunday for sanctions": "on Sunday" is not the "call on" of a request."""
    return any(c.ent_type_ in ("DATE", "TIME") for c in word.subtree if c.i != word.i)


def _verb_words(verb: Token) -> set[str]:
    """The verb's lemma, and with its particle ("call off"), for matching word lists."""
    lemma = verb.lemma_.lower()
    return {lemma} | {f"{lemma} {c.lower_}" for c in verb.children if c.dep_ == "prt"}


# A weapon told as the cause of the harm, with its owner, says who struck: "the collapse
# was caused by Kiev's interceptor missile", "collapsed because of a Ukrainian interceptor
# missile", "it was a Ukrainian air defense missile". The blame games over a strike are
# fought in these words more than in "X struck": an attack by the owner, told by whoever
# says so (the speaker accuses the owner; see reported.py).
_WEAPON_MODES = frozenset({"aerial", "heavy-weapons"})
_CAUSING = frozenset({"cause", "trigger", "spark"})
_CAUSE_WORDS = frozenset({"because", "due", "owing"})  # "because of", "due to"
_RESULT_NOUNS = frozenset({"result", "consequence"})  # "as a result of"
_RESULTING = frozenset({"result", "stem"})  # "the explosion resulted from ..."
# what the owned weapon is said to have been: "it was", "the debris was", "the cause of the
# collapse was Kiev's interceptor missile"
_WRECKAGE = frozenset(
    {"it", "this", "that", "missile", "projectile", "rocket", "debris", "fragment", "wreckage",
     "remnant", "weapon", "shell", "cause", "culprit"}
)  # fmt: skip
_BLAMED = EventSense("ASSAULT")


def _weapon_blamed(token: Token, mode: str, lexicon: EventLexicon) -> Trigger | None:
    """An attack by a weapon's owner where the text names the weapon (of attack `mode`),
    owned, as the cause of the harm or as what the thing that fell was (see the notes
    above)."""
    if not _owned(token) or not _as_cause(token):
        return None
    return replace(_make(token, _BLAMED, lexicon), mode=mode)


def _owned(token: Token) -> bool:
    """Whether the noun names its owner: a possessive ("Kiev's") or a nationality or
    country before it ("a Ukrainian missile")."""
    return any(
        (c.dep_ == "poss" and c.pos_ in _NOUN_POS)
        or (c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE"))
        or (c.dep_ == "compound" and c.ent_type_ == "ORG")  # "an Islamic Jihad rocket"
        for c in token.children
    )


def _as_cause(token: Token) -> bool:
    """Whether the noun is told as the cause ("caused by", "because of", "as a result of",
    "due to") or as what something was ("it was", "the cause ... was")."""
    head = token.head
    if token.dep_ == "pobj":
        if head.dep_ == "agent":  # "was caused by ..."
            return head.head.lemma_.lower() in _CAUSING
        if head.lower_ in _CAUSE_WORDS:  # "because of ...", parsed with "of" aside
            return True
        if head.lower_ == "from":  # "resulted from ...", "stemmed from ..."
            return head.head.lemma_.lower() in _RESULTING
        above = head.head
        if head.lower_ == "of":  # "because of", "as a result of"
            return above.lower_ in _CAUSE_WORDS or above.lemma_.lower() in _RESULT_NOUNS
        return head.lower_ == "to" and above.lower_ in _CAUSE_WORDS  # "due to"
    if token.dep_ == "attr" and head.lemma_.lower() == "be":  # "it was a Ukrainian missile"
        subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
        return subject is not None and subject.lemma_.lower() in _WRECKAGE
    return False


def _make(
    head: Token,
    sense: EventSense,
    lexicon: EventLexicon,
    extra: tuple[Token, ...] = (),
    light_verb: Token | None = None,
    phrase_prep: Token | None = None,
) -> Trigger:
    words = (head, *extra)
    first, last = min(t.i for t in words), max(t.i for t in words)
    span = head.doc[first : last + 1]  # Span.text joins tokens; Doc.text rebuilds the whole doc
    return Trigger(
        head, span.start_char, span.end_char, sense, _mode(head, sense, lexicon), light_verb,
        phrase_prep, text=span.text,
    )  # fmt: skip


def _caused_by(i: int, sense: EventSense, lexicon: EventLexicon, arrays: DocArrays) -> str | None:
    """The mode of what a word's happening was caused by, when the text says ("the explosion
    was likely caused by a Ukrainian air defence missile"): the cause's weapon tells how it
    came, over the word's own default (an explosion is a bomb's unless the text says what
    set it off)."""
    verb = arrays.head[i]
    if arrays.dep[i] != "nsubjpass" or arrays.lemma[verb] not in _CAUSING:
        return None
    for agent in arrays.children(verb):
        if arrays.dep[agent] != "agent":
            continue
        for word in arrays.subtree(agent):
            mode = lexicon.mode_for(sense.type, arrays.lemma[word])
            if mode:
                return mode
    return None


def _mode(head: Token, sense: EventSense, lexicon: EventLexicon) -> str | None:
    """The word's own mode, else one from its modifiers ("Russian air strikes", "military
    help"), else from what it is done with ("fired rockets", "used chemical weapons"), else
    from its subject's words ("the Russian air force has hit")."""
    arrays = doc_arrays(head.doc)  # the words around the head as indices: no Token each
    if sense.mode:
        return _caused_by(head.i, sense, lexicon, arrays) or sense.mode
    dep, lemma, children = arrays.dep, arrays.lemma, arrays.children(head.i)
    for child in children:
        if dep[child] in ("amod", "compound", "nmod", "npadvmod", "advmod"):
            mode = lexicon.mode_for(sense.type, lemma[child])
            if mode:
                return mode
    means = next((c for c in children if dep[c] in ("dobj", "nsubjpass")), None)
    if sense.object == "means" and means is not None:
        for word in (means, *arrays.children(means)):
            if word == means or dep[word] in ("amod", "compound", "nmod", "conj"):
                mode = lexicon.mode_for(sense.type, lemma[word])
                if mode:
                    return mode
        own = dict(sense.means_modes).get(lemma[means])
        if own:
            return own  # "dropped a bomb": from the air
    for child in children:
        if dep[child] in ("nsubj", "agent", "prep"):
            for word in arrays.subtree(child):
                if dep[word] in ("compound", "amod", "pobj", "nsubj"):
                    mode = lexicon.mode_for(sense.type, lemma[word])
                    if mode:
                        return mode
    return None
