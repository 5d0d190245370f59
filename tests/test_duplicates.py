from rashomon.reconcile.duplicates import (
    Fingerprint,
    article_id,
    band_keys,
    containment,
    content_hash,
    jaccard,
    minhash,
    normalise,
    sample,
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


# -- copies by containment ------------------------------------------------------------------

LONG_STORY = " ".join(
    f"Paragraph {i} reports that shelling hit district {i} of the city while the convoy "
    f"number {i} waited at checkpoint {i * 3} for permission to enter the besieged area."
    for i in range(30)
)
EXCERPT = " ".join(LONG_STORY.split()[: len(LONG_STORY.split()) // 3])  # the lead, cut at a word


def store_text(store, text: str, outlet: str, title: str = "A headline"):
    """Build and store an article the way ingestion does; returns its id and the outcome."""
    from rashomon.article.build import UserMetadata, build_article
    from rashomon.article.outlets import OutletDirectory
    from rashomon.model import RawArticle
    from rashomon.pipeline import store_article

    raw = RawArticle(source=f"{outlet}.txt", text=f"{title}\n\n{text}", outlet=outlet)
    article = build_article(raw, OutletDirectory.load(), UserMetadata())
    outcome, _changes = store_article(store, article)
    return article.id, outcome


def originals(store) -> dict[str, str | None]:
    return {row.id: row.duplicate_of for row in store.list_articles()}


def test_containment_is_the_share_of_the_shorter_text_found_in_the_longer():
    full = shingles(LONG_STORY)
    excerpt = shingles(EXCERPT)
    assert jaccard(excerpt, full) < 0.5
    assert containment(excerpt, full) == 1.0
    assert containment(full, excerpt) < 0.5


def test_sample_of_an_excerpt_is_inside_the_sample_of_the_full_text():
    full = sample(shingles(LONG_STORY))
    excerpt = sample(shingles(EXCERPT))
    assert excerpt and set(excerpt) <= set(full)


def test_excerpt_after_full_text_is_a_copy_of_it(tmp_path):
    from rashomon.pipeline import Outcome
    from rashomon.store import Store

    with Store(tmp_path / "a.db") as store:
        full_id, first = store_text(store, LONG_STORY, "Reuters")
        excerpt_id, second = store_text(store, EXCERPT, "Blog", title="Another header entirely")
        assert (first, second) == (Outcome.ADDED, Outcome.COPY)
        assert originals(store) == {full_id: None, excerpt_id: full_id}


def test_full_text_after_its_excerpt_becomes_the_original(tmp_path):
    from rashomon.pipeline import Outcome
    from rashomon.store import Store

    cut = EXCERPT
    with Store(tmp_path / "b.db") as store:
        excerpt_id, _ = store_text(store, cut, "Blog")
        copy_id, _ = store_text(store, cut + " Shared by a reader.", "Forum")
        full_id, outcome = store_text(store, LONG_STORY, "Reuters")
        assert outcome is Outcome.ADDED
        assert originals(store) == {excerpt_id: full_id, copy_id: full_id, full_id: None}


def test_a_different_story_sharing_a_sign_off_is_no_copy(tmp_path):
    from rashomon.store import Store

    sign_off = " Reporting by the bureau; editing by the desk; all rights reserved by the agency."
    other = " ".join(
        f"Talks {i} in Geneva on detainees ended without a deal for group {i} of prisoners."
        for i in range(30)
    )
    with Store(tmp_path / "c.db") as store:
        store_text(store, LONG_STORY + sign_off, "Reuters")
        store_text(store, other + sign_off, "AFP")
        assert all(original is None for original in originals(store).values())


def test_articles_stored_before_the_samples_existed_are_found_after_the_upgrade(
    tmp_path, monkeypatch
):
    import rashomon.store.db as db
    from rashomon.store import Store

    path = tmp_path / "old.db"
    older = tuple(m for m in db.MIGRATIONS if m.version < 10)
    with monkeypatch.context() as patch:  # a database made by a rashomon without migration 10
        patch.setattr(db, "MIGRATIONS", older)
        patch.setattr(db, "LATEST_VERSION", older[-1].version)
        with Store(path) as store:
            store.add_article = _without_new_columns(store)
            store.copies_by_samples = lambda *_args, **_kw: []
            full_id, _ = store_text(store, LONG_STORY, "Reuters")
    with Store(path) as store:
        assert store.schema_version() == db.LATEST_VERSION  # upgraded past 10
        excerpt_id, _ = store_text(store, EXCERPT, "Blog")
        assert originals(store)[excerpt_id] == full_id


def _without_new_columns(store):
    """add_article as a rashomon before migration 10 wrote it (no samples, no date columns)."""
    import json

    def add(article, fingerprint, duplicate_of, similarity):
        with store.transaction() as conn:
            conn.execute(
                "INSERT INTO articles (id, source, title, body, raw_text, offset_map, words,"
                " content_hash, duplicate_of, similarity, ingested_at)"
                " VALUES (?,?,?,?,?,?,?,?,?,?, 'then')",
                (article.id, article.source, article.title, article.body, article.raw_text,
                 json.dumps(article.offsets.segments), article.words, article.content_hash,
                 duplicate_of, similarity),
            )  # fmt: skip

    return add


def test_saved_excerpt_of_a_seed_is_linked_to_it_whichever_comes_first(seeds_dir, tmp_path):
    from rashomon.store import Store

    for n, path in enumerate(sorted(seeds_dir.glob("*.txt"))):
        text = path.read_text(encoding="utf-8").strip()
        title, _, body = text.partition("\n")
        cut = body.rfind("\n", 0, int(len(body) * 0.4))  # a reader's saved lead, whole lines
        excerpt = body[:cut]
        with Store(tmp_path / f"{n}-full-first.db") as store:
            full_id, _ = store_text(store, body, "Seed outlet", title=title)
            excerpt_id, _ = store_text(store, excerpt, "Mirror", title="Mirror: " + title)
            assert originals(store)[excerpt_id] == full_id, path.name
        with Store(tmp_path / f"{n}-excerpt-first.db") as store:
            excerpt_id, _ = store_text(store, excerpt, "Mirror", title="Mirror: " + title)
            full_id, _ = store_text(store, body, "Seed outlet", title=title)
            assert originals(store) == {excerpt_id: full_id, full_id: None}, path.name
