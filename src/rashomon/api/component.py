"""rashomon as a spaCy pipeline component, for people who run their own spaCy pipelines.

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("rashomon")            # after the parser and the entity recognizer
    doc = nlp(text)
    doc._.rashomon                      # the same Analysis as rashomon.analyze(text)

The factory is declared as a `spacy_factories` entry point, so `add_pipe("rashomon")` works
without importing rashomon first. spaCy imports every such entry point whenever it builds a
pipeline, so this module imports nothing heavy at import time; the extractors are built on
the first Doc (a second or two), from the pipeline the component sits in.

The component reads what the pipeline before it found (sentences, parse, entities) and adds
only `doc._.rashomon`; it changes no token, entity or sentence. A Doc is taken as the whole
text of one article: no boilerplate is removed and offsets are into `doc.text`. Set
`doc._.rashomon_published` ("2016-10-01") before the component runs to resolve "on Tuesday"
against a publication date.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.tokens import Doc

if TYPE_CHECKING:
    from rashomon.api.analysis import Analyzer

FACTORY = "rashomon"

if not Doc.has_extension("rashomon"):
    Doc.set_extension("rashomon", default=None)
if not Doc.has_extension("rashomon_published"):
    Doc.set_extension("rashomon_published", default=None)


class RashomonComponent:
    """Sets `doc._.rashomon` to the `Analysis` of the Doc's text."""

    def __init__(
        self, nlp: Language, name: str, actors: list[str], events: list[str], outlet: str | None
    ) -> None:
        self.nlp = nlp
        self.name = name
        self.actor_files = tuple(actors)
        self.event_files = tuple(events)
        self.outlet = outlet
        self._analyzer: Analyzer | None = None

    def __call__(self, doc: Doc) -> Doc:
        from rashomon.api.analysis import doc_article, publication_date

        published = publication_date(doc._.rashomon_published)
        article = doc_article(doc.text, outlet=self.outlet, published=published)
        doc._.rashomon = self.analyzer.analyze_doc(article, doc)
        return doc

    @property
    def analyzer(self) -> Analyzer:
        if self._analyzer is None:
            from rashomon.api.analysis import Analyzer

            self._analyzer = Analyzer(
                nlp=self.nlp, actor_files=self.actor_files, event_files=self.event_files
            )
        return self._analyzer


@Language.factory(
    FACTORY,
    default_config={"actors": [], "events": [], "outlet": None},
    requires=["doc.sents", "doc.ents", "token.dep"],
    assigns=["doc._.rashomon"],
)
def make_rashomon(
    nlp: Language, name: str, actors: list[str], events: list[str], outlet: str | None
) -> Any:
    """`actors` and `events`: extra dictionary files (YAML, the packaged files' shape);
    `outlet`: the publisher of every Doc this pipeline reads, when known."""
    return RashomonComponent(nlp, name, actors, events, outlet)
