"""The agent a speaker or claimant phrase names: its noun phrase trimmed to the agent, or none.

A claimant (who says a figure, who names a doer, who denies) is an agent: a person, a group,
a state or an outlet. The parse often hands the speech verb a longer or a wrong phrase, above
all in wire copy that has lost its commas. `agent_span` cuts a phrase down to the agent noun
phrase around its head word; `is_agent` says whether that head can speak at all.

What is cut:
- a clause hung on the phrase after its head ("the report which could not be corroborated",
  "a resident speaking from the garage", "Moscow, which holds a veto"): relcl, acl, advcl;
- an appositive tail: after a name, the description that follows it ("the Syrian Coalition
  an opposition group based abroad" -> "the Syrian Coalition"); after a description, what
  follows the name it introduces ("Syria's neighbour Israel still at war with Damascus" ->
  "Syria's neighbour Israel", whose agent is the name: `named_head`);
- on the left, words that end the clause before: any before the head's article ("near the
  bastion Raqqa a monitor", "has risen to at least 112 a monitoring group"), a date ("on
  Monday activists"),
  an adjective with an adverb of its own ("are totally false state news agency SANA": a
  predicate run into the subject), and a heading in capitals run into the sentence
  ("SLEEPING DEAD Opposition activists").

Who is an agent (`is_agent`) is read from signals the pipeline already has, in order: an actor
mention at the head (the actor dictionary's kinds), a personal pronoun, a named entity of a
person, organisation, nationality or state (metonymy: "Damascus said"), any proper name, and
finally the head noun's kind in `claimant_nouns` (number_words.yaml: monitor, media,
government, organisation and unnamed people such as "activists", "a witness"). That last list
is needed because spaCy's small models label no common noun: "activists" and "evidence" look
alike to the parser and NER, and only a lexicon of nouns for someone who can speak tells
them apart. An agent suffix ("-ist", "-ian", "-man") covers common nouns of people the list
lacks ("pharmacists", "clergymen"). "Evidence", "footage", "the heavy fighting" are no
agents: what they are said to show stands on the outlet's word. Reports and statements stay
claimants as the list has them ("reports said 40 died", "a statement said"): the annotators
of the figure gold name them, and who stands behind them is often not said.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

AGENT_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "it", "who", "which"})
_CLAUSES = frozenset({"relcl", "acl", "advcl"})
_NUMBERS = frozenset({"DATE", "TIME", "CARDINAL"})
_AGENT_SUFFIXES = ("ist", "ists", "ian", "ians", "man", "men", "woman", "women", "person",
                   "people")  # fmt: skip


def agent_span(doc: Doc, first: int, last: int, head: Token) -> tuple[int, int]:
    """[first, last) cut to the agent noun phrase around `head` (see the module notes);
    the span as given when nothing is to be cut. `head` lies in [first, last)."""
    if not first <= head.i < last:
        return first, last
    end = min(last, _right_end(head))
    if end == head.right_edge.i + 1 < last and doc[end].text == ",":
        end = last  # "according to SOHR, a UK-based monitor": an apposition the parse missed
    start = max(first, _left_start(doc, first, head))
    while start < head.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end - 1 > head.i and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def named_head(head: Token, is_name: Callable[[Token], bool]) -> Token:
    """The name a description introduces ("Syria's southern neighbour Israel": Israel),
    else the head itself: the actor is looked up at the name."""
    if is_name(head):
        return head
    for child in head.rights:
        if child.dep_ in ("appos", "compound") and is_name(child):
            return child
    for prep in head.rights:  # "Coordinator for Middle-East Haitham Abu Saeed said"
        if prep.dep_ == "prep" and prep.lower_ in ("for", "of"):
            name = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if name is not None and _name_after_its_domain(name) and is_name(name):
                return name
    return head


def _name_after_its_domain(name: Token) -> bool:
    """A person's name run onto the place or body a title is for, with no comma: "Envoy
    for Syria Staffan de Mistura", "Coordinator for Middle-East Haitham Abu Saeed" (the
    parse makes the name the object of "for"); not "a lawyer for Mr Smith"."""
    if name.ent_type_ != "PERSON" or name.ent_iob_ == "B" and name.i == name.left_edge.i:
        return False
    first = name.i
    while first > name.left_edge.i and name.doc[first - 1].ent_type_ == "PERSON":
        first -= 1
    before = name.doc[name.left_edge.i : first]
    return any(t.ent_type_ in ("GPE", "LOC", "ORG", "NORP") for t in before)


def is_agent(
    head: Token,
    *,
    mention_kind: str | None = None,
    claimant_kind: Callable[[Token], str | None] = lambda _t: None,
) -> bool:
    """Whether the head word of a phrase names someone who can say things (see the module
    notes): `mention_kind` is the kind of the actor mention at the head, if any;
    `claimant_kind` gives a noun's kind in the claimant noun list."""
    if mention_kind is not None and mention_kind != "location":
        return True
    if head.pos_ == "PRON":
        return head.lower_ in _PERSONAL_PRONOUNS
    if head.ent_type_ in AGENT_ENTITIES or mention_kind == "location" and head.ent_type_ == "GPE":
        return True
    if head.pos_ == "PROPN" and head.ent_type_ not in _NUMBERS:
        return True
    if claimant_kind(head) is not None:
        return True
    if head.pos_ == "NOUN" and head.lower_.endswith(_AGENT_SUFFIXES):
        return True
    return any(
        of.dep_ == "prep"
        and of.lower_ == "of"
        and any(o.dep_ == "pobj" and is_agent(o, claimant_kind=claimant_kind) for o in of.children)
        for of in head.rights
    )  # "a number of officials", "many of the residents"


def counted_victims(head: Token) -> bool:
    """Whether the phrase `head` heads is a count of victims, which never says anything:
    a counted noun ("53 people") that follows a casualty verb ("killing at least 53
    people, reported ...", a parse that made the victims the subject) or lists whom it
    includes ("at least 53 people, including five children"). Counted speakers stay
    ("two officials said", "three residents told AFP")."""
    if not any(c.dep_ == "nummod" and c.like_num for c in head.children):
        return False
    if any(
        c.dep_ == "prep" and c.lower_ == "including"
        and any(g.dep_ == "pobj" and any(n.dep_ == "nummod" for n in g.children)
                for g in c.children)
        for c in head.children
    ):  # fmt: skip
        return True
    first = head.left_edge.i
    if first == 0:
        return False
    from rashomon.extract.numbers.lexicon import NumberLexicon  # numbers imports this module

    before = head.doc[first - 1]
    return before.pos_ == "VERB" and before.lemma_.lower() in NumberLexicon.load().mapping(
        "casualty_verbs"
    )


def claimant_kind(tok: Token) -> str | None:
    """The kind of a noun in `claimant_nouns` (number_words.yaml), the list the figure
    claimants use: "activists", "a source", "the ministry", "reports"."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    from rashomon.extract.numbers.lexicon import NumberLexicon  # numbers imports this module

    lex = NumberLexicon.load()
    return lex.group("claimant_nouns", tok.lemma_.lower()) or lex.group(
        "claimant_nouns", tok.lower_
    )


def _right_end(head: Token) -> int:
    """Where the phrase ends: before a clause hung on it, and after an appositive name."""
    end = head.right_edge.i + 1
    for child in head.rights:
        if child.dep_ in _CLAUSES:
            end = min(end, child.left_edge.i)
        elif child.dep_ == "appos":
            set_off = child.left_edge.i > 0 and child.doc[child.left_edge.i - 1].text == ","
            if _proper(child) and not _proper(head):
                end = min(end, _name_end(child))  # "neighbour Israel still at war": Israel
            elif set_off:  # "SOHR, a UK-based monitor": the description without its clauses
                for inner in child.rights:
                    if inner.dep_ in _CLAUSES:
                        end = min(end, inner.left_edge.i)
            else:
                end = min(end, child.left_edge.i)  # "the Coalition an opposition group"
    for child in head.rights:  # "which" / "who" hung as a relative the parser left bare
        if child.i < end and child.lower_ in ("which", "who", "whom", "whose"):
            end = min(end, child.i)
    return end


def _name_end(name: Token) -> int:
    end = name.i + 1
    for child in name.rights:
        if child.i == end and (child.dep_ in ("compound", "flat") or child.pos_ == "PROPN"):
            end += 1
    return end


def _proper(tok: Token) -> bool:
    """A name by NER (the tagger calls "neighbor" a proper noun in a capitalised line)."""
    return tok.ent_type_ in AGENT_ENTITIES


def _left_start(doc: Doc, first: int, head: Token) -> int:
    return left_trim(doc, max(first, head.left_edge.i), head)


def left_trim(doc: Doc, start: int, head: Token) -> int:
    """Where a phrase from `start` to `head` starts once the words that end the clause
    before it are cut: words before the head's article, a date, a predicate adjective, a
    run-in heading."""
    for det in head.lefts:
        if det.dep_ == "det" and det.lower_ in ("a", "an", "the") and det.i > start:
            start = det.i  # "near the bastion Raqqa a monitor": a noun phrase starts at "a"
    for tok in doc[start : head.i]:
        if tok.ent_type_ in ("DATE", "TIME") and (tok.i == start or doc[tok.i - 1].pos_ == "ADP"):
            start = max(start, tok.i + 1)  # "on Monday activists said"
        elif (
            tok.pos_ == "ADJ"
            and tok.dep_ == "amod"
            and any(c.dep_ == "advmod" and c.i < tok.i for c in tok.children)
        ):
            start = max(start, tok.i + 1)  # "are totally false state news agency SANA"
    capitals = start
    while capitals < head.i and _heading_word(doc[capitals]):
        capitals += 1
    if capitals - start >= 2 and not _heading_word(doc[capitals]):
        start = capitals  # "SLEEPING DEAD Opposition activists"
    return start


def _heading_word(tok: Token) -> bool:
    """A word in capitals that is no name: a heading run into the sentence after it."""
    return (
        len(tok.text) > 1
        and tok.text.isalpha()
        and tok.text.isupper()
        and tok.ent_type_ not in AGENT_ENTITIES
    )


_BODY_KINDS = frozenset({"organisation", "government", "monitor", "media"})


def previous_body_subject(pronoun: Token) -> Token | None:
    """'The coalition released a statement. ⏎ It said: "..."': an 'it' that opens its
    sentence goes on with the subject of the sentence before's main clause when that subject
    is a body ("the coalition", "the ministry": an organisation, government, monitor or
    outlet noun of `claimant_nouns`, or an organisation's name), rather than with a body
    named in passing after it ("With the UN condemning the attack, the coalition defended
    itself. It said ..."). None when the sentence before is about something else."""
    sent = pronoun.sent
    first = next((t for t in sent if not (t.is_punct or t.is_space)), None)
    if first is None or first.i != pronoun.i or sent.start == 0:
        return None
    previous = pronoun.doc[sent.start - 1].sent
    root = previous.root
    from rashomon.extract.numbers.lexicon import NumberLexicon  # numbers imports this module

    speech = NumberLexicon.load().sets.get("speech_verbs", frozenset())
    main = [root, *(c for c in root.children if c.dep_ in ("conj", "ccomp", "parataxis"))]
    if any(v.lemma_.lower() in speech for v in main):
        return None  # a sentence with a speaker: the speaker rules decide ("..., said X.")
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return None
    if subject.ent_type_ == "ORG" or claimant_kind(subject) in _BODY_KINDS:
        return subject
    return None
