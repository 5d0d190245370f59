"""Where an event happened: the place the dependency parse ties to its trigger.

Reports name many places per sentence and only some of them say where the event took place:
"Rebels shelled Aleppo" and "killed in Aleppo province" do; "the UN envoy for Syria", "a
Damascus-based group" and "told AFP in Geneva that ..." do not. Linear proximity cannot tell
these apart, the parse can. So each candidate place in the trigger's sentence is scored by the
tree path that joins it to the trigger: every step has a cost by its dependency label (a
locative preposition is cheap, a noun in between dearer, a subordinate clause dearer still)
and some steps rule a place out (a subject or agent, a non-locative preposition, a modifier
of a person, a reported clause between them). The cheapest place within `MAX_COST` wins;
none within it means "no place".

Reports name the most precise place first and qualify it after: "in the town of Merak on
Indonesia's island of Java", "in Raqqa province, in northeastern Syria". A qualifier hangs
off the place it qualifies, one step further from the trigger, so the cheapest path picks
the precise place. The costs were tuned on the event-location dev split
(bench/events_location.py: accuracy .68 against .56 for the nearest place, on the places
the product finds plus spaCy's place entities). The Doc must be parsed: the sentence and
the tree come from the parser.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from rashomon.extract.doc_arrays import doc_arrays

# Prepositions that can say where an event happened, with the cost each adds; any other
# preposition on the path rules the place out. "from" is not here: on the dev data it named
# an origin ("militants from Iraq", "fled from Palmyra") far more often than a scene. "to"
# is dear, and counts only on the trigger itself ("marched to the square").
LOCATIVE_PREPS: dict[str, float] = {
    "in": 0.0, "at": 0.0, "near": 0.3, "outside": 0.1, "inside": 0.0, "within": 0.1,
    "around": 0.2, "across": 0.2, "throughout": 0.1, "on": 0.3, "along": 0.3, "over": 0.3,
    "through": 0.3, "into": 0.8, "onto": 0.8, "between": 0.8, "off": 0.5, "outskirts": 0.0,
    "towards": 1.5, "toward": 1.5, "to": 1.5, "of": 0.5, "behind": 0.5,
    "beyond": 1.0, "under": 1.0, "by": 1.0, "amid": 1.0, "during": 1.0, "after": 1.5,
    "above": 0.3, "below": 0.3, "beneath": 0.3, "beside": 0.3, "opposite": 0.5, "past": 0.8,
    "alongside": 0.5, "atop": 0.3, "upon": 0.5, "via": 1.0,
}  # fmt: skip
# Prepositions of motion: they give the scene only when they hang off the trigger itself.
DIRECTIONAL_PREPS = frozenset({"to", "towards", "toward", "into", "onto"})
# Nouns that stand for a place in a phrase around a name: "Aleppo province", "the town of X".
PLACE_NOUNS = frozenset({
    "province", "governorate", "city", "town", "village", "villages", "district", "region",
    "area", "areas", "countryside", "suburb", "suburbs", "neighbourhood", "neighborhood",
    "outskirts", "capital", "state", "county", "camp", "border", "valley", "mountains",
    "mountain", "hills", "hill", "base", "airport", "airbase", "square", "street", "road",
    "highway", "market", "mosque", "hospital", "prison", "port", "island", "coast", "desert",
    "front", "zone", "quarter", "municipality", "settlement", "territory", "axis", "crossing",
    "checkpoint", "center", "centre", "part", "parts", "north", "south", "east", "west",
    "heart", "edge", "outpost", "vicinity", "environs", "waters", "strip", "bank", "river",
    "lake", "sea", "gulf", "peninsula", "republic", "kingdom", "country", "townships",
    "township", "locality", "sector", "enclave", "pocket", "plain", "plains", "home", "house",
    "residence", "restaurant", "hotel", "headquarters", "office", "station", "building",
    "school", "church", "stadium", "university", "gallery", "battlefield", "seat", "farm",
    "compound", "palace", "cafe", "shop", "bridge", "field", "oilfield", "facility",
})  # fmt: skip
# Place nouns whose "of" phrase is their name ("the town of X"), not the place they are in.
NAMED_BY_OF = frozenset({
    "city", "town", "village", "capital", "province", "governorate", "state", "county",
    "island", "port", "camp", "region", "municipality", "settlement", "hamlet",
})  # fmt: skip
# Heads that make a place modifier a description of people or things, not a scene.
ACTOR_NOUNS = frozenset({
    "force", "forces", "troop", "troops", "soldier", "army", "military", "police", "government",
    "regime", "embassy", "consulate", "official", "minister", "ministry", "president", "leader",
    "envoy", "ambassador", "spokesman", "jet", "warplane", "plane", "aircraft", "helicopter",
    "missile", "group", "rebel", "militant", "fighter", "authority", "authorities", "agency",
    "media", "television", "newspaper", "war", "invasion", "conflict", "council", "parliament",
    "court", "governor", "delegation", "coalition", "navy", "diplomat", "citizen",
    "national", "team", "player", "company", "firm", "policy", "movement", "party",
})  # fmt: skip
_ACTOR_ENTITIES = frozenset({"PERSON", "ORG", "NORP"})
# Direction words that make a place a reference point: "30 km south of Baghdad".
DIRECTIONS = frozenset({
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "northeastern", "northwestern", "southeastern", "southwestern", "northern", "southern",
    "eastern", "western", "outside", "away",
})  # fmt: skip
# Steps from a place up to the phrase it helps name, when that phrase is a place.
_NAME_COST: dict[str, float] = {
    "compound": 0.1, "flat": 0.1, "nmod": 0.2, "amod": 0.3, "conj": 0.3, "appos": 0.5,
    "poss": 1.0, "npadvmod": 0.5,
}  # fmt: skip
# Steps from a noun to the word that takes it as an argument.
_ARGUMENT_COST: dict[str, float] = {
    "dobj": 0.5, "nsubjpass": 2.5, "attr": 1.0, "npadvmod": 0.8, "oprd": 1.0, "obj": 0.5,
    "advmod": 1.0, "conj": 0.5, "appos": 0.5,
}  # fmt: skip
_NOT_THE_SCENE = frozenset({"nsubj", "agent", "dative", "csubj", "expl", "poss"})
# Steps between the verbs (or event nouns) of one event chain, either side of the path.
_CHAIN_COST: dict[str, float] = {
    "xcomp": 0.5, "conj": 1.0, "advcl": 2.0, "oprd": 0.5, "pcomp": 1.0, "acl": 1.5,
    "relcl": 1.5, "aux": 0.0, "auxpass": 0.0, "prep": 0.5, "pobj": 0.5, "dobj": 0.5,
    "nsubj": 1.0, "nsubjpass": 1.0, "advmod": 1.0, "amod": 1.0, "compound": 0.5,
    "npadvmod": 1.0, "attr": 1.0, "appos": 1.0,
}  # fmt: skip
_CLAUSE_BREAKS = frozenset({"ccomp", "parataxis"})
_NOUN_PREP_COST = 0.25  # a place in a phrase under a noun: "positions in Idlib"
_REFERENCE_COST = 1.0  # "30 km south of Baghdad": the scene is elsewhere, near it
_QUALIFIER_COST = 1.5  # "the West Bank town of Ramallah": Ramallah is the place
_MODIFIER_COST = 3.0  # "his Istanbul office": a scene, but rarely the one reported
_OTHER_COST = 2.0
MAX_COST = 5.0


def link_place(trigger: Token, candidates: Sequence[tuple[int, int]]) -> int | None:
    """Index of the candidate (start_char, end_char) where `trigger`'s event happened, or None.

    Only candidates in the trigger's sentence count; among those the one with the cheapest
    parse path wins, then the one nearer in the tree, then the one nearer in the text.
    """
    sentence_start, sentence_end = doc_arrays(trigger.doc).sentence_chars(trigger.i)
    best: tuple[float, int, int, int] | None = None
    for index, (start, end) in enumerate(candidates):
        if start < sentence_start or end > sentence_end or start >= end:
            continue
        span = trigger.doc.char_span(start, end, alignment_mode="expand")
        if span is None or span.start <= trigger.i < span.end:
            continue
        found = path_cost(trigger, span)
        if found is None or found[0] > MAX_COST:
            continue
        key = (found[0], found[1], abs(span.root.i - trigger.i), index)
        if best is None or key < best:
            best = key
    return None if best is None else best[3]


def path_cost(trigger: Token, place: Span) -> tuple[float, int] | None:
    """(cost, steps) of the tree path from `place` to `trigger`; None when it rules it out."""
    doc = trigger.doc
    heads = doc_arrays(doc).head  # the paths as indices; Tokens only for the steps taken
    place_side = _ancestor_ids(heads, place.root.i)
    trigger_ids = _ancestor_ids(heads, trigger.i)
    meet = next((k for k, t in enumerate(place_side) if t in trigger_ids), None)
    if meet is None:
        return None
    up = [doc[k] for k in place_side[: meet + 1]]
    down = [doc[k] for k in trigger_ids[: trigger_ids.index(place_side[meet]) + 1]]
    place_cost = _place_side_cost(up, trigger)
    trigger_cost = _trigger_side_cost(down)
    if place_cost is None or trigger_cost is None:
        return None
    return place_cost + trigger_cost, len(up) + len(down) - 2


def _ancestor_ids(heads: list[int], i: int) -> list[int]:
    """Token i and its heads up to the root, nearest first, as indices."""
    chain = [i]
    while heads[chain[-1]] != chain[-1]:
        chain.append(heads[chain[-1]])
    return chain


def _place_side_cost(up: list[Token], trigger: Token) -> float | None:
    """Cost from the place up to where its path meets the trigger's; None rules it out."""
    cost = 0.0
    in_phrase = True  # still inside the noun phrase that names the place
    for child, head in zip(up, up[1:], strict=False):
        dep = child.dep_
        at_trigger = head.i == trigger.i
        if in_phrase and dep in _NAME_COST:
            step = _modifier_cost(dep, head, at_trigger)
            if step is None:
                return None
            cost += step
            continue
        if dep == "pobj":
            step = _preposition_cost(child, head)
            if step is None:
                return None
            cost += step
            if head.lower_ == "of" and _placelike(head.head):
                continue  # "the town of X": the phrase still names the place
            in_phrase = False
            continue
        if dep == "prep":
            if child.lower_ in DIRECTIONAL_PREPS and not at_trigger:
                return None  # "... and fled to Turkey": another verb's destination
            verbal = head.pos_ in ("VERB", "AUX") or at_trigger
            cost += 0.0 if verbal else _NOUN_PREP_COST
        elif dep in _CLAUSE_BREAKS or (in_phrase and dep in _NOT_THE_SCENE):
            return None  # "Israel captured", "was captured by Israel"
        elif dep in _ARGUMENT_COST and child.pos_ not in ("VERB", "AUX"):
            cost += _ARGUMENT_COST[dep]
        else:
            cost += _CHAIN_COST.get(dep, _OTHER_COST)
        in_phrase = False
    return cost


def _modifier_cost(dep: str, head: Token, at_trigger: bool) -> float | None:
    """What a step inside the place's noun phrase adds; None when it names no scene.

    "Aleppo province" and "the Aleppo offensive" (a nominal trigger) are the place; "his
    Istanbul office" still says where; "Russia's jets", "a Damascus-based group" and "the
    Turkish-backed forces" name people or things from a place.
    """
    if at_trigger or _placelike(head):
        return _QUALIFIER_COST if _names_by_of(head) else _NAME_COST[dep]
    if head.pos_ not in ("NOUN", "PROPN") or head.ent_type_ in _ACTOR_ENTITIES:
        return None
    if head.lemma_.lower() in ACTOR_NOUNS or head.lower_ in ACTOR_NOUNS:
        return None
    return _MODIFIER_COST


def _preposition_cost(place: Token, prep: Token) -> float | None:
    """What a preposition on the path adds; None when it rules the place out.

    Every preposition on the path must be one that can say where: "the envoy for Syria",
    "talks with Turkey", "a campaign against rebels in Idlib" do not place the event.
    """
    word = prep.lower_
    if word not in LOCATIVE_PREPS:
        return None
    if word == "of":
        owner = prep.head
        if owner.lower_ in DIRECTIONS and owner.dep_ in ("advmod", "npadvmod", "amod"):
            return _REFERENCE_COST  # "30 km south of Baghdad": a reference point
        if _placelike(owner):  # "the town of X" names it; "district of Y province" holds it
            named = _is_name(place) and owner.lemma_.lower() in NAMED_BY_OF
            return 0.0 if named else LOCATIVE_PREPS[word]
        return LOCATIVE_PREPS[word]
    return LOCATIVE_PREPS[word]


def _trigger_side_cost(down: list[Token]) -> float | None:
    """Cost from the trigger up to where its path meets the place's; None rules it out."""
    cost = 0.0
    for child in down[:-1]:
        if child.dep_ in _CLAUSE_BREAKS:
            return None
        cost += _CHAIN_COST.get(child.dep_, _OTHER_COST)
    return cost


def _names_by_of(noun: Token) -> bool:
    """Whether a place noun takes its name from an "of" phrase: "the West Bank town of X".

    A part of a place is not named that way: in "the Sheikh Maqsoud district of Aleppo" and
    "Daychopan district of Zabul province" the "of" phrase is the larger place.
    """
    if noun.lemma_.lower() not in NAMED_BY_OF:
        return False
    return any(_is_name(obj) for obj in _of_objects(noun))


def _of_objects(noun: Token) -> list[Token]:
    return [
        obj
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]


def _is_name(token: Token) -> bool:
    """A proper name, not a phrase headed by a place noun ("Zabul province")."""
    return token.pos_ == "PROPN" and token.lemma_.lower() not in PLACE_NOUNS


def _placelike(token: Token) -> bool:
    """A word that can head a place's phrase: a name, a place entity or a place noun."""
    if token.pos_ == "PROPN" or token.ent_type_ in ("GPE", "LOC", "FAC"):
        return True
    return token.pos_ == "NOUN" and (
        token.lemma_.lower() in PLACE_NOUNS or token.lower_ in PLACE_NOUNS
    )
