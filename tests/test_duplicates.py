from rashomon.reconcile.duplicates import (
    Fingerprint,
    article_id,
    band_keys,
    content_hash,
    jaccard,
    minhash,
    normalise,
    shingles,
)

STORY = " ".join(
    f"Sentence {i} says the rebels and the army fought near the old city gate on day {i}."
    for i in range(20)
)


def test_normalise_flattens_quotes_case_and_space():
    assert normalise("“Hello”  World\n") == normalise('"hello" world')


def test_id_is_stable_and_depends_on_outlet():
    h = content_hash("T", STORY)
    assert article_id(h, "AFP") == article_id(h, "afp")
    assert article_id(h, "AFP") != article_id(h, "Reuters")
    assert article_id(h, None) == article_id(content_hash("t", STORY.upper()), None)


def test_near_copy_shares_bands_and_high_jaccard():
    copy = STORY.replace("old city gate", "old city's gate", 2) + " Additional reporting by a desk."
    a, b = shingles(STORY), shingles(copy)
    assert jaccard(a, b) > 0.7
    assert set(band_keys(minhash(a))) & set(band_keys(minhash(b)))


def test_unrelated_texts_do_not_match():
    other = " ".join(
        f"Talks {i} in Geneva on detainees ended without a deal for group {i}." for i in range(20)
    )
    assert jaccard(shingles(STORY), shingles(other)) < 0.1


def test_short_texts_are_not_eligible_for_near_copy_matching():
    assert not Fingerprint.of("T", "Short body here.", "h").eligible
    assert Fingerprint.of("T", STORY, "h").eligible
