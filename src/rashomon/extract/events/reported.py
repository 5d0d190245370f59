"""What a speaker's account of an attack amounts to: an accusation of its doer, a denial of
the act, or an admission.

On a contested strike the sides speak less through "accused" or "denied" than through what
they say happened: "the Syrian opposition claimed forces loyal to Assad had used a chemical
gas" accuses the government; "'the Syrian aircraft could not have operated there, because the
attack was conducted at night,' Lavrov said" denies it; "the Pentagon confirmed its aircraft
struck the position" admits it. PLOVER codes such statements as ACCUSE, REJECT and CONCEDE
by the speaker, beside the attack itself. Here each attack told inside someone's quote
(direct or indirect; the quote finder gives the speaker and the cue) yields:

- REJECT by the speaker when the attack is negated there;
- CONCEDE when the doer is the speaker's own side (the same actor, or one up the other's
  affiliation chain, or "we", "our aircraft"): telling one's own side's strike owns it,
  whatever the cue ("'We carried out attacks on them,' the spokesman said"); a doer and a
  speaker neither of which resolves are taken as one side only when the cue admits
  ("confirmed", "acknowledged");
- ACCUSE of the doer when a doer is named and is not the speaker's own side.

A speaker who says the means of an attack were not there denies it as well, with no attack
word at all: "the Syrian government has no chemical weapons", "none of our aircraft were in
the vicinity", "no signs of bombs", "the absence of any traces of toxic agents" give a REJECT
by the speaker (`denied_means`). The means are the lexicon's: a word with an attack mode
("aircraft", "sarin"), or a means noun of a "use ..." phrase with a mode word on it
("chemical weapons", "toxic agents").

The derived event keeps the attack's span (so its sentence is the one that says it) and
names the cue as its frame. A speaker that is an outlet only reports; a statement the
sentence already codes as the same kind ("blamed", "denied", "rejected") is not doubled.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from rashomon.extract.doc_arrays import DocArrays, doc_arrays
from rashomon.extract.events.lexicon import EventLexicon
from rashomon.model import Event, EventArgument, Quote, failed_attempt

_TOLD = frozenset({"asserted", "alleged", "historical"})
_REPORTERS = frozenset({"media"})
_CHAIN = 5  # affiliation steps followed up from an actor
_ABSENT_HEADS = frozenset({"none", "absence", "lack"})  # "none of", "the absence of"
_OF_STEPS = 3  # "absence of any traces of toxic agents": "of" links followed up
_OWN_WORDS = frozenset({"we", "our", "us", "my", "i"})  # "our aircraft did not operate here"
# A doer only a pronoun names is too often misread (the speaker itself, the attack, the
# wrong antecedent) to accuse anyone by.
_PRONOUNS = frozenset({"it", "its", "they", "them", "their", "he", "his", "she", "her", "this"})


def reported_stances(
    events: Sequence[Event],
    quotes: Sequence[Quote],
    sentence_of: Callable[[int], tuple[int, int]],
    admitting: frozenset[str],
    kind_of: Callable[[str], str | None] = lambda _: None,
    affiliation_of: Callable[[str], str | None] = lambda _: None,
    armed_words: frozenset[str] = frozenset(),
    text: str = "",
) -> list[Event]:
    """The statements speakers make by telling attacks (see the module notes), in text
    order; `sentence_of(offset)` gives the (start, end) of the sentence holding an offset,
    `admitting` the lemmas and forms of cues that admit; a doer that is not an actor counts
    only when it holds one of `armed_words` ("helicopters", "jets"), not "a chlorine bomb";
    `text` is the document's, read for the noun after a victim's nationality word."""
    coded = [(e.type, sentence_of(e.start)) for e in events if e.type != "ASSAULT"]
    found: list[Event] = []
    for attack in (e for e in events if e.type == "ASSAULT"):
        quote = quote_at(quotes, attack.start)
        if quote is None or quote.speaker_start is None or quote.speaker_end is None:
            continue
        if quote.speaker is None:
            continue  # a source that is no agent ("evidence suggests") accuses no one
        if kind_of(quote.speaker_actor_id or "") in _REPORTERS:
            continue
        speaker = EventArgument(
            quote.speaker_start, quote.speaker_end, quote.speaker or "", quote.speaker_actor_id
        )
        doers = tuple(
            s for s in attack.sources
            if s.text.lower() not in _PRONOUNS and (
                s.actor_id or armed_words & set(s.text.lower().split())
                or _first_person(s)
            )
        )  # fmt: skip
        kind, targets = _stance(replace(attack, sources=doers), speaker, quote, admitting,
                                affiliation_of)  # fmt: skip
        stances = [(kind, targets)] if kind is not None else []
        if kind != "CONCEDE" and _own_losses(attack, speaker, doers, kind_of, affiliation_of, text):
            stances.append(("CONCEDE", ()))
        places = {sentence_of(attack.start)}
        if quote.cue_start is not None:
            places.add(sentence_of(quote.cue_start))
        for kind, targets in stances:
            if any(t == kind and s in places for t, s in coded):
                continue  # "the military rejected the accusation, saying it denies using ..."
            coded.append((kind, sentence_of(attack.start)))
            found.append(
                replace(
                    attack,
                    type=kind,
                    mode=None,
                    factuality="asserted",
                    frame=quote.cue,
                    sources=(speaker,),
                    targets=targets,
                    place_id=None,
                    place_from=None,
                )  # fmt: skip
            )
    return found


# those who bear arms for a state: "63 Russian servicemen", "its troops" (not "fighters",
# the word for another side's armed men)
_PERSONNEL = frozenset({
    "serviceman", "servicemen", "soldier", "soldiers", "troops", "personnel", "officer",
    "officers", "conscripts", "marines", "sailors", "airmen", "crew", "crewmen",
})  # fmt: skip
_ARMED_KINDS = frozenset({"military", "armed group"})
_STATE_KINDS = frozenset({"military", "government"})


def _own_losses(
    attack: Event,
    speaker: EventArgument,
    doers: Sequence[EventArgument],
    kind_of: Callable[[str], str | None],
    affiliation_of: Callable[[str], str | None],
    text: str,
) -> bool:
    """Whether a speaker tells its own side's armed dead or wounded ("Russia's defence
    ministry said 63 Russian servicemen were killed in a Ukrainian strike"): an admission
    of losses, a concession by the speaker whoever struck. Civilians of its side are no
    losses it concedes (a ministry counting the civilians an enemy killed accuses), nor are
    losses its own side inflicted."""
    if attack.factuality not in _TOLD or speaker.actor_id is None:
        return False
    if any(same_side(speaker.actor_id, d.actor_id, affiliation_of) for d in doers if d.actor_id):
        return False
    if any(s.text.lower() in _PRONOUNS or _first_person(s)
           for s in attack.sources if s.text):  # fmt: skip
        return False  # "it killed 20 fighters": the speaker's own deed, whoever "it" is
    # a state's own body naming bare personnel ("89 servicemen were killed") names its own
    states_own = kind_of(speaker.actor_id) in _STATE_KINDS
    return any(
        (t.actor_id is not None and same_side(speaker.actor_id, t.actor_id, affiliation_of)
         and (kind_of(t.actor_id) in _ARMED_KINDS or _personnel(t, text)))
        or (t.actor_id is None and states_own and _personnel(t, text))
        for t in attack.targets
    )  # fmt: skip


def _personnel(victim: EventArgument, text: str) -> bool:
    """Whether the victims are armed personnel: "its troops", or a nationality word the
    argument stopped at with the noun after it ("Russian" of "63 Russian servicemen")."""
    after = text[victim.end : victim.end + 20].split()[:1]
    return bool(_PERSONNEL & {*victim.text.lower().split(), *(w.lower() for w in after)})


def _stance(
    attack: Event,
    speaker: EventArgument,
    quote: Quote,
    admitting: frozenset[str],
    affiliation_of: Callable[[str], str | None],
) -> tuple[str | None, tuple[EventArgument, ...]]:
    admits = admitted(quote, admitting)
    if failed_attempt(attack.factuality, attack.frame):
        return None, ()  # "the strike had failed to kill its target" denies no strike
    if attack.factuality == "negated":  # "confirmed the convoy was hit but gave no details
        return (None if admits else "REJECT"), ()  # on who carried out the attack" denies nothing
    if attack.factuality not in _TOLD or not attack.sources:
        return None, ()
    own = [
        same_side(speaker.actor_id, s.actor_id, affiliation_of)
        or (s.actor_id is None and _first_person(s))
        for s in attack.sources
    ]
    if all(own):
        # a cue that admits, or a doer known to be the speaker's side: telling one's own
        # side's strike owns it ("We carried out attacks on them," the spokesman said)
        known = all(
            (speaker.actor_id is not None and s.actor_id is not None) or _first_person(s)
            for s in attack.sources
        )
        return ("CONCEDE", ()) if admits or known else (None, ())
    if any(own):
        return None, ()  # both sides named: an account of a battle, not an accusation
    return "ACCUSE", attack.sources


def _first_person(argument: EventArgument) -> bool:
    """Whether the speaker names the doer as its own side: "we", "our aircraft"."""
    words = argument.text.split()
    return bool(words) and words[0].lower() in _OWN_WORDS


def admitted(quote: Quote, admitting: frozenset[str]) -> bool:
    """Whether the quote's cue admits: "confirmed", "acknowledges", "admitting" (the cue's
    first word, inflected or not)."""
    words = (quote.cue or "").lower().split()
    if not words:
        return False
    cue = words[0]
    return cue in admitting or any(cue.startswith(word[:-1]) for word in admitting if len(word) > 4)


def same_side(
    speaker: str | None, doer: str | None, affiliation_of: Callable[[str], str | None]
) -> bool:
    """One actor, or one up the other's affiliation chain (a ministry and its state); a doer
    the text does not resolve is taken as the speaker's own ("its planes", "our aircraft")
    only when the speaker is unresolved too."""
    if speaker is None or doer is None:
        return speaker is None and doer is None
    return bool(set(_chain(speaker, affiliation_of)) & set(_chain(doer, affiliation_of)))


def _chain(actor_id: str, affiliation_of: Callable[[str], str | None]) -> Iterable[str]:
    current: str | None = actor_id
    for _ in range(_CHAIN):
        if current is None:
            return
        yield current
        current = affiliation_of(current)


def quote_at(quotes: Sequence[Quote], offset: int) -> Quote | None:
    """The innermost quote holding a character offset, if any."""
    holding = [q for q in quotes if q.start <= offset < q.end]
    return min(holding, key=lambda q: q.end - q.start) if holding else None


def denied_means(
    doc: Doc,
    quotes: Sequence[Quote],
    lexicon: EventLexicon,
    speaker_of: Callable[[Quote], tuple[EventArgument, ...]],
) -> list[Event]:
    """REJECTs by speakers who say an attack's means were absent (see the module notes);
    `speaker_of` gives a quote's speaker as the event's source (none: not a denial)."""
    admitting = lexicon.words("admitting")
    arrays = doc_arrays(doc)  # the quoted words' columns: a Token only for a means noun
    found: list[Event] = []
    for quote in quotes:
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None or admitted(quote, admitting):
            continue
        sources = speaker_of(quote)
        if not sources:
            continue
        for i in range(span.start, span.end):
            if arrays.pos[i] != "NOUN" or not is_means(arrays, i, lexicon):
                continue
            token = doc[i]
            if _absent(token, lexicon.words("absence")):
                found.append(quoted_statement(token, "REJECT", sources, quote))
                break  # one denial a quote
    return found


def is_means(arrays: DocArrays, i: int, lexicon: EventLexicon) -> bool:
    """Whether token i names a means of attack ("rockets", "chemical weapons")."""
    lemma, lemmas, dep = arrays.lemma_lower[i], arrays.lemma_lower, arrays.dep
    means = lexicon.means_nouns
    if lexicon.mode_for("ASSAULT", lemma) and lemma not in ("air", "suicide", "barrel"):
        return True
    return lemma in means and any(
        dep[c] in ("amod", "compound") and lexicon.mode_for("ASSAULT", lemmas[c])
        for c in arrays.children(i)
    )


def _absent(token: Token, absence: frozenset[str]) -> bool:
    """ "no chemical weapons", "none of our aircraft", "no signs of bombs", "the absence of
    any traces of toxic agents", and means that did nothing there: "our aircraft did not
    operate in the area", "its jets have never flown over the town" (the subject of a
    negated verb)."""
    if token.dep_ in ("nsubj", "nsubjpass") and _negated_verb(token.head):
        return True
    node = token
    for _ in range(_OF_STEPS + 1):
        if any(c.dep_ == "det" and c.lower_ == "no" for c in node.children):
            return True
        if node.lower_ in _ABSENT_HEADS:
            return True
        if node is not token and node.lemma_.lower() not in absence:
            return False
        if node.dep_ != "pobj" or node.head.lower_ != "of":
            return False
        node = node.head.head
    return False


def _negated_verb(verb: Token) -> bool:
    """ "did not operate", "have never flown", "could not have operated" (a verb, or the verb
    a negated auxiliary hangs on); not one that governs another act ("did not stop bombing
    the town" says the bombing went on)."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ in ("xcomp", "ccomp") or c.tag_ == "VBG" for c in verb.children):
        return False
    return any(c.dep_ == "neg" for c in verb.children)


def quoted_statement(
    token: Token, kind: str, sources: tuple[EventArgument, ...], quote: Quote,
    targets: tuple[EventArgument, ...] = (),
) -> Event:  # fmt: skip
    """A statement of `kind` the quote's speaker makes by the word at `token` (a denial by
    absent means, an accusation by whose means or by perfidy); undated, as found."""
    return Event(
        start=token.idx, end=token.idx + len(token), trigger=token.text, type=kind,
        mode=None, factuality="asserted", frame=quote.cue, sources=sources, targets=targets,
        place_id=None, place_from=None, date=None, date_precision=None, date_from=None,
    )  # fmt: skip
