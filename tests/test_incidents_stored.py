"""Incidents through the real pipeline and store: what a report says about its doer survives
being written and read back, and becomes a dispute across outlets. Two short texts of our own."""

from __future__ import annotations

import rashomon

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
    (tmp_path / "unsure.txt").write_text(UNSURE, encoding="utf-8")
    (tmp_path / "sure.txt").write_text(SURE, encoding="utf-8")
    corpus = rashomon.open(tmp_path / "t.db")
    corpus.ingest(tmp_path / "unsure.txt", outlet="AFP", published="2017-11-13")
    corpus.ingest(tmp_path / "sure.txt", outlet="Syrian National Coalition", published="2017-11-13")
    (incident,) = corpus.incidents()
    by_outlet = {r.outlet: r for r in incident.reports}
    (doubt,) = by_outlet["AFP"].doubted_by
    assert doubt.claimant_actor_id == "syrian-observatory-for-human-rights"
    body = corpus.article(by_outlet["AFP"].article_id).article.body
    assert body[doubt.start : doubt.end] == doubt.text
    assert [a.actor_id for a in by_outlet["Syrian National Coalition"].perpetrators] == ["russia"]
    (dispute,) = [d for d in corpus.disputes() if d.kind == "perpetrator"]
    assert dispute.note.endswith("Russia (Syrian National Coalition) against a doer not known "
                                 "(The Observatory)")  # fmt: skip
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
    (tmp_path / "tells.txt").write_text(TELLS, encoding="utf-8")
    (tmp_path / "refutes.txt").write_text(REFUTES, encoding="utf-8")
    corpus = rashomon.open(tmp_path / "t.db")
    corpus.ingest(tmp_path / "tells.txt", outlet="AFP", published="2018-04-08")
    corpus.ingest(tmp_path / "refutes.txt", outlet="SANA", published="2018-04-08")
    (incident,) = corpus.incidents()
    by_outlet = {r.outlet: r for r in incident.reports}
    (refuter,) = by_outlet["SANA"].refuted_by
    body = corpus.article(by_outlet["SANA"].article_id).article.body
    assert body[refuter.start : refuter.end] == "a fabrication"
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
    (tmp_path / "mistake.txt").write_text(MISTAKE, encoding="utf-8")
    (tmp_path / "purpose.txt").write_text(ON_PURPOSE, encoding="utf-8")
    corpus = rashomon.open(tmp_path / "t.db")
    corpus.ingest(tmp_path / "mistake.txt", outlet="AFP", published="2016-09-18")
    corpus.ingest(tmp_path / "purpose.txt", outlet="SANA", published="2016-09-18")
    (incident,) = corpus.incidents()
    by_outlet = {r.outlet: r for r in incident.reports}
    (mistake,) = by_outlet["AFP"].mistake_by
    (on_purpose,) = by_outlet["SANA"].deliberate_by
    body = corpus.article(by_outlet["SANA"].article_id).article.body
    assert body[on_purpose.start : on_purpose.end] == "premeditated"
    assert (mistake.claimant, on_purpose.claimant_actor_id) == ("The Pentagon", "syrian-government")
    (dispute,) = [d for d in corpus.disputes() if d.kind == "intent"]
    assert {(s.outlet, s.position) for s in dispute.sides} == {("SANA", 0), ("AFP", 1)}
    corpus.close()
