"""Incidents through the real pipeline and store: what a report says about its doer survives
being written and read back, and becomes a dispute across outlets. Two short texts of our own."""

from __future__ import annotations

import rashomon


def two_outlets(tmp_path, published: str, **texts: tuple[str, str]):
    """A corpus of one article per outlet (outlet -> (file name, text)), all published on
    one day, and its one incident's reports by outlet."""
    corpus = rashomon.open(tmp_path / "t.db")
    for outlet, (name, text) in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        corpus.ingest(tmp_path / name, outlet=outlet, published=published)
    (incident,) = corpus.incidents()
    return corpus, {r.outlet: r for r in incident.reports}


def words_of(corpus, report, said) -> str:
    """The words of the report's article a saying stands on (its offsets in the body)."""
    return corpus.article(report.article_id).article.body[said.start : said.end]


def one_dispute(corpus, kind: str):
    """The corpus's one dispute of a kind, and its sides as (outlet, position)."""
    (dispute,) = [d for d in corpus.disputes() if d.kind == kind]
    return dispute, {(s.outlet, s.position) for s in dispute.sides}


UNSURE = (
    "Air strikes kill 29 in Atareb market\n"
    "Air strikes on a market in the town of Atareb in Aleppo province killed at least 29 "
    "civilians on Monday, the Syrian Observatory for Human Rights said. The Observatory said it "
    "was not immediately clear whether the strikes had been carried out by Syrian or Russian "
    "warplanes.\n"
)
SURE = (
    "Russian jets strike Atareb market\n"
    "Russian warplanes struck a market in the town of Atareb in Aleppo province on Monday, "
    "killing at least 29 civilians, the Syrian Coalition said.\n"
)


def test_a_doer_not_known_is_stored_and_disputes_a_named_one(tmp_path):
    texts = {"AFP": ("unsure.txt", UNSURE), "Syrian National Coalition": ("sure.txt", SURE)}
    corpus, by_outlet = two_outlets(tmp_path, "2017-11-13", **texts)
    (doubt,) = by_outlet["AFP"].doubted_by
    assert doubt.claimant_actor_id == "syrian-observatory-for-human-rights"
    assert words_of(corpus, by_outlet["AFP"], doubt) == doubt.text
    assert [a.actor_id for a in by_outlet["Syrian National Coalition"].perpetrators] == ["russia"]
    (dispute,) = [d for d in corpus.disputes() if d.kind == "perpetrator"]
    assert dispute.note.endswith("Russia (Syrian National Coalition) against a doer not known "
                                 "(The Observatory)")  # fmt: skip
    # each side shows the sentence its words stand in, not the report's opening
    (unknown,) = [s for s in dispute.sides if s.value_or_claim == "who did it is not known"]
    assert unknown.sentence.startswith("The Observatory said it was not immediately clear")
    assert unknown.start is not None and unknown.sentence.find(doubt.text) >= 0
    corpus.close()


TELLS = (
    "Gas attack kills dozens in Douma\n"
    "A chemical attack on the town of Douma killed at least 40 people on Saturday, "
    "rescuers said.\n"
)
REFUTES = (
    "Damascus rejects Douma gas attack reports\n"
    "The Syrian government said on Sunday that reports of a chemical attack in Douma on "
    "Saturday were a fabrication.\n"
)


def test_who_says_it_never_happened_is_stored_and_disputes_its_reports(tmp_path):
    texts = {"AFP": ("tells.txt", TELLS), "SANA": ("refutes.txt", REFUTES)}
    corpus, by_outlet = two_outlets(tmp_path, "2018-04-08", **texts)
    (refuter,) = by_outlet["SANA"].refuted_by
    assert words_of(corpus, by_outlet["SANA"], refuter) == "a fabrication"
    assert refuter.claimant_actor_id == "syrian-government"
    (dispute,) = [d for d in corpus.disputes() if d.subject.endswith("happened")]
    assert dispute.kind == "denial"
    assert {(s.outlet, s.position) for s in dispute.sides} == {("AFP", 0), ("SANA", 1)}
    corpus.close()


MISTAKE = (
    "Coalition strike kills Syrian soldiers\n"
    "A US-led coalition air strike killed 62 Syrian soldiers near Deir ez-Zor on Saturday. "
    "The Pentagon said the strike was a mistake.\n"
)
ON_PURPOSE = (
    "Syria says coalition strike was deliberate\n"
    "The Syrian government said the coalition air strike near Deir ez-Zor on Saturday was "
    "premeditated.\n"
)


def test_done_on_purpose_against_a_mistake_is_stored_and_disputed(tmp_path):
    texts = {"AFP": ("mistake.txt", MISTAKE), "SANA": ("purpose.txt", ON_PURPOSE)}
    corpus, by_outlet = two_outlets(tmp_path, "2016-09-18", **texts)
    (mistake,) = by_outlet["AFP"].mistake_by
    (on_purpose,) = by_outlet["SANA"].deliberate_by
    assert words_of(corpus, by_outlet["SANA"], on_purpose) == "premeditated"
    assert (mistake.claimant, on_purpose.claimant_actor_id) == ("The Pentagon", "syrian-government")
    _, sides = one_dispute(corpus, "intent")
    assert sides == {("SANA", 0), ("AFP", 1)}
    corpus.close()


SPARING = (
    "Army says market strike hit only militants\n"
    "An air strike hit the market of Togoga on Tuesday. The army said the strike only hit "
    "militants and denied that civilians were among the dead.\n"
)
COUNTING = (
    "Air strike on Togoga market kills civilians\n"
    "An air strike on the market of Togoga on Tuesday killed at least 43 civilians, a "
    "medical official said.\n"
)


def test_a_sparing_of_civilians_against_a_count_of_them_is_stored_and_disputed(tmp_path):
    texts = {"AFP": ("counts.txt", COUNTING), "ENA": ("spares.txt", SPARING)}
    corpus, by_outlet = two_outlets(tmp_path, "2021-06-23", **texts)
    (spared,) = by_outlet["ENA"].spared_by
    assert words_of(corpus, by_outlet["ENA"], spared) == "only hit militants"
    dispute, sides = one_dispute(corpus, "victims")
    assert sides == {("AFP", 0), ("ENA", 1)}
    assert "civilians" in dispute.subject
    corpus.close()


STRUCK = (
    "Israel says Gaza school strike hit militants\n"
    "An Israeli air strike hit a school in Gaza City on Tuesday. The Israeli military said the "
    "strike targeted Hamas militants in a command centre inside the school.\n"
)
KILLED = (
    "Israeli strike on Gaza school kills civilians\n"
    "An Israeli air strike on a school in Gaza City on Tuesday killed at least 20 civilians, "
    "health officials said.\n"
)


def test_the_doers_account_of_an_armed_target_is_stored_and_disputes_a_civilian_count(tmp_path):
    texts = {"AFP": ("killed.txt", KILLED), "The Times of Israel": ("struck.txt", STRUCK)}
    corpus, by_outlet = two_outlets(tmp_path, "2024-07-16", **texts)
    (armed,) = by_outlet["The Times of Israel"].armed_by
    assert words_of(corpus, by_outlet["The Times of Israel"], armed).endswith("Hamas militants")
    dispute, sides = one_dispute(corpus, "victims")
    assert sides == {("AFP", 0), ("The Times of Israel", 1)}
    assert "hit an armed target" in dispute.note
    corpus.close()


def test_word_counts_read_again_follow_what_was_written_since(tmp_path):
    from rashomon.store import Store
    from rashomon.store.incidents import count_terms, term_counts

    store, other = Store(tmp_path / "w.db"), Store(tmp_path / "w.db")
    with store.transaction() as conn:
        count_terms(conn, ["convoy", "market"])
    first = term_counts(store, ["convoy", "funeral"])
    assert (dict(first.counts), first.documents) == ({"convoy": 1}, 1)
    assert term_counts(store, ["convoy", "funeral"]) == first  # read again, the same
    with store.transaction() as conn:  # written through this connection
        count_terms(conn, ["convoy", "funeral"])
        inside = term_counts(store, ["convoy", "funeral"])
        assert (dict(inside.counts), inside.documents) == ({"convoy": 2, "funeral": 1}, 2)
    after = term_counts(store, ["convoy", "funeral", "market"])
    assert (dict(after.counts), after.documents) == ({"convoy": 2, "funeral": 1, "market": 1}, 2)
    with other.transaction() as conn:  # committed by another connection
        count_terms(conn, ["funeral"])
    later = term_counts(store, ["convoy", "funeral", "market"])
    assert (dict(later.counts), later.documents) == ({"convoy": 2, "funeral": 2, "market": 1}, 3)
    store.close()
    other.close()


STRIKE = (
    "Missile strike kills 44 in Dnipro\n"
    "A Russian missile strike on an apartment building in Dnipro killed 44 people on "
    "Saturday, officials said.\n"
)
RECOVERED = (
    "Bodies recovered in Dnipro\n"
    "The bodies of 44 dead have been recovered from the rubble of the building destroyed by "
    "a Russian missile strike in Dnipro, the mayor said on Tuesday.\n"
)


def test_a_toll_told_days_later_joins_the_strike_and_its_day_is_stored_as_a_speakers(tmp_path):
    """The mayor's "said on Tuesday" dates when the toll was told: with the telling toll,
    the report is of Saturday's strike, and reads back as dated by a speaker's day."""
    corpus = rashomon.open(tmp_path / "t.db")
    for name, text, day in (("strike.txt", STRIKE, "2023-01-14"),
                            ("recovered.txt", RECOVERED, "2023-01-17")):  # fmt: skip
        (tmp_path / name).write_text(text, encoding="utf-8")
        corpus.ingest(tmp_path / name, outlet=name.split(".")[0].title(), published=day)
    (incident,) = [i for i in corpus.incidents() if len(i.reports) > 1]
    by_outlet = {r.outlet: r for r in incident.reports}
    assert by_outlet["Recovered"].said_day and not by_outlet["Strike"].said_day
    assert by_outlet["Recovered"].day_low == "2023-01-17"
    corpus.close()
