"""A Doc's text, read once per Doc.

spaCy does not keep `Doc.text`: every read joins every token's text again (about 0.1 ms for
a 350-token article). The extractors read it once each, and a few helpers read it per
sentence or per event, which made the joining alone some 8% of extraction on FA-KES. The
text is kept here, keyed weakly by the Doc, so it goes when the Doc does; a Doc's text never
changes once it is parsed (retokenizing keeps it).
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from spacy.tokens import Doc

_TEXTS: WeakKeyDictionary[Doc, str] = WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per Doc."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text
