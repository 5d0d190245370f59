"""A hand-built, fictional story dossier for the renderer tests.

Every place, outlet and person here is invented. Some strings are hostile on purpose (a script
tag, ampersands, quotes, a pipe and a newline) so the tests can prove the renderers escape
article-derived text wherever it lands.
"""

from __future__ import annotations

from dataclasses import replace

from rashomon.report.dossier_model import (
    Citation,
    Dispute,
    DisputeSide,
    Dossier,
    Figure,
    FigureClaim,
    KeyActor,
    QuoteReport,
    Source,
    SpeakerQuotes,
    SummarySentence,
    TimelineEntry,
)

HOSTILE = "<script>alert(1)</script>"

S1 = "The Northern Coalition said its aircraft struck depots near Veldora on Tuesday."
S2 = "Local medics said around 40 civilians were killed in the strikes on Veldora."
S3 = "The coalition said no more than 12 people died, all of them fighters."
S4 = "Talks on a ceasefire around Veldora are planned for early November."
S5 = f'A spokesman called the report "fabricated & absurd" | {HOSTILE}'
S6 = "Border crossings at Mirel were closed, the interior ministry said."
S7 = "The interior ministry later said the Mirel crossings had reopened."


def cite(article_id: str, outlet: str, sentence: str, date: str = "2016-10-04") -> Citation:
    return Citation(article_id=article_id, outlet=outlet, sentence=sentence, date=date)


def sample_dossier() -> Dossier:
    """A story with every section filled, including hostile text in titles, quotes, sides."""
    return Dossier(
        story_id="story-7",
        label="Air strikes on Veldora & the ceasefire talks",
        start="2016-10-04",
        end="2016-10-19",
        summary=(
            SummarySentence(S1, (cite("a1", "Harbor Times", S1), cite("a3", "Eastern Post", S1))),
            SummarySentence(S2, (cite("a2", "Valley Courier", S2),)),
            SummarySentence(S3 + " " + HOSTILE, (cite("a4", "Meridian Daily", S3),)),
        ),
        sources=(
            Source(
                "a1",
                "Harbor Times",
                "Continental Press",
                "2016-10-04",
                "Coalition jets strike depots near Veldora",
                ("Lakeside Herald", "The Ridge"),
            ),
            Source(
                "a2",
                "Valley Courier",
                None,
                "2016-10-05",
                "Medics count the dead in Veldora | eyewitness\naccounts",
            ),
            Source(
                "a3",
                "Eastern Post",
                "Continental Press",
                "2016-10-04",
                "Veldora strikes: what we know",
            ),
            Source("a4", "Meridian Daily", None, "2016-10-06", f"Coalition denies {HOSTILE}"),
            Source("a5", "Lakeside Herald", None, "2016-10-19", 'Mirel crossings "reopen"'),
        ),
        actors=(
            KeyActor("act-nc", "Northern Coalition", "MIL", 14, 5),
            KeyActor("act-vm", "Veldora medical council", "NGO", 4, 2),
            KeyActor("act-im", "Interior ministry", "GOV", 3, 2),
        ),
        timeline=(
            TimelineEntry(
                "2016-10-04",
                "day",
                "Northern Coalition ASSAULT (aerial) Veldora",
                "ASSAULT",
                "asserted",
                ("Harbor Times", "Eastern Post", "Valley Courier"),
                3,
                2,
                (cite("a1", "Harbor Times", S1), cite("a3", "Eastern Post", S1)),
            ),
            TimelineEntry(
                "2016-10-05",
                "day",
                "Interior ministry closes Mirel crossings",
                "state",
                "asserted",
                ("Valley Courier",),
                1,
                1,
                (cite("a2", "Valley Courier", S6),),
            ),
            TimelineEntry(
                "2016-10-06",
                "day",
                "Northern Coalition ASSAULT civilians",
                "ASSAULT",
                "negated",
                ("Meridian Daily",),
                1,
                1,
                (cite("a4", "Meridian Daily", S5),),
            ),
            TimelineEntry(
                "2016-11-01",
                "month",
                "Ceasefire talks on Veldora",
                "CONSULT",
                "planned",
                ("Lakeside Herald",),
                1,
                1,
                (cite("a5", "Lakeside Herald", S4),),
            ),
            TimelineEntry(
                None,
                None,
                f"Rumoured convoy {HOSTILE}",
                "AID",
                "alleged",
                (),
                1,
                1,
                (cite("zz", "Unknown Wire", "An unsourced line."),),
            ),
        ),
        figures=(
            Figure(
                "people killed in the Veldora strikes",
                (
                    FigureClaim(
                        "around 40",
                        36,
                        44,
                        "around",
                        "Veldora medical council",
                        "Valley Courier",
                        "a2",
                        "2016-10-05",
                        S2,
                    ),
                    FigureClaim(
                        "no more than 12",
                        None,
                        12,
                        "no more than",
                        "Northern Coalition",
                        "Meridian Daily",
                        "a4",
                        "2016-10-06",
                        S3,
                    ),
                ),
                disputed=True,
            ),
            Figure(
                "depots struck",
                (
                    FigureClaim("3", 3, 3, "", None, "Harbor Times", "a1", "2016-10-04", S1),
                    FigureClaim("three", 3, 3, "", None, "Eastern Post", "a3", "2016-10-04", S1),
                ),
                disputed=False,
            ),
        ),
        disputes=(
            Dispute(
                "d1",
                "story-7",
                "numeric",
                "people killed in the Veldora strikes",
                "dispute",
                (
                    DisputeSide(
                        "around 40",
                        "Veldora medical council",
                        "act-vm",
                        "Valley Courier",
                        "a2",
                        "2016-10-05",
                        S2,
                    ),
                    DisputeSide(
                        "no more than 12",
                        "Northern Coalition",
                        "act-nc",
                        "Meridian Daily",
                        "a4",
                        "2016-10-06",
                        S3,
                    ),
                ),
                note="around 40 vs no more than 12 do not overlap",
            ),
            Dispute(
                "d2",
                "story-7",
                "polarity",
                "civilians killed by coalition strikes",
                "dispute",
                (
                    DisputeSide(
                        "civilians were killed",
                        "Veldora medical council",
                        "act-vm",
                        "Valley Courier",
                        "a2",
                        "2016-10-05",
                        S2,
                    ),
                    DisputeSide(
                        f"denied: {HOSTILE}", None, None, "Meridian Daily", "a4", "2016-10-06", S5
                    ),
                ),
                note="one report asserts what another denies",
            ),
            Dispute(
                "d3",
                "story-7",
                "state",
                "Mirel border crossings",
                "update",
                (
                    DisputeSide(
                        "closed",
                        "Interior ministry",
                        "act-im",
                        "Valley Courier",
                        "a2",
                        "2016-10-05",
                        S6,
                    ),
                    DisputeSide(
                        "reopened",
                        "Interior ministry",
                        "act-im",
                        "Lakeside Herald",
                        "a5",
                        "2016-10-19",
                        S7,
                    ),
                ),
                note="a later report replaces an earlier one",
            ),
        ),
        quotes=(
            SpeakerQuotes(
                "Ilse Marrow",
                "act-nc",
                (
                    (
                        QuoteReport(
                            "We struck only military depots", "Harbor Times", "a1", "said", None
                        ),
                        QuoteReport(
                            "We struck only military depots",
                            "Eastern Post",
                            "a3",
                            "said",
                            "Continental Press",
                        ),
                    ),
                    (
                        QuoteReport(
                            f"The figures are {HOSTILE} & 'invented'",
                            "Meridian Daily",
                            "a4",
                            "told",
                            None,
                        ),
                    ),
                ),
            ),
            SpeakerQuotes(
                "Dr. Tomas Reyl",
                "act-vm",
                ((QuoteReport("The wards are full", "Valley Courier", "a2", "said", None),),),
            ),
        ),
    )


def empty_dossier() -> Dossier:
    """The same story with nothing found in any section: renderers must still say so."""
    return replace(
        sample_dossier(),
        start=None,
        end=None,
        summary=(),
        sources=(),
        actors=(),
        timeline=(),
        figures=(),
        disputes=(),
        quotes=(),
    )
