"""Who said what: direct quotes, indirect speech and statements, each tied to its speaker.

Rules over the parsed Doc, no trained model. A cue is a speech verb or noun from the lexicon
(`data/speech_verbs.yaml`, loaded into a `SpeechVerbs` you pass in) or "according to"; its
speaker is the verb's subject (climbing out of "..., stressing that", "and added that",
"was quoted as saying"), an inverted subject ('"...," said Caddell'), the noun phrase of a
closing ", a member of the opposition said", the owner of a noun cue ("Trump's claim that"),
or the object of "according to". The speaker's actor comes from the actor mentions.

Quotation marks are read by `scan_quotation_marks`, which never fails: straight, curly and
angle double marks (and the doubled apostrophe '' of some archives) nest; a stray closing
mark is skipped, a mismatched one ('"...”') closes what is open, an unclosed quotation is
closed at the end of its paragraph, and the news convention of reopening each paragraph of
a long quotation with a new opening mark is understood. Each repair leaves a warning in the
scan; `find_quotes` only returns quotes. Curly single marks quote when they open a word and
close one; straight single marks never do (they are apostrophes far more often). A newline
ends a paragraph unless it only wraps a long line in mid-sentence.

Decisions, so the tests can pin them:
- Offsets are into `doc.text`. A direct quote's span includes its quotation marks (as in
  PARC and PolNeAR); an indirect quote's span is the reported clause, "that" included,
  trailing punctuation excluded, a leading dateline ("Geneva (AFP) -") dropped.
- A quotation is attributed when it stands at the start of its clause ('"...," he said',
  'he told AFP: "..."', 'added that "..."'). One embedded in a sentence ('He said the rebels
  "are not targeting civilians"', 'a "giant graveyard"') is not a quote of its own: it is
  part of the indirect quote around it, or a scare quote when no speech verb governs it.
- A quotation broken by its cue ('"A," he said. "B."' or '"A," he said, "B."') gives one
  Quote per part, with the same cue offsets and speaker; so do the paragraphs of a long
  quotation and a quotation that directly follows an attributed one with nothing (or only
  "and", "but", "though") between. A reported clause split by its cue ('It was "clear",
  the statement said, that ...') likewise gives one Quote per side.
- kind: "statement" when the speaker is a written statement ("a statement sent to the BBC",
  "the statement said", "said in a statement"), whether the words are quoted or not;
  otherwise "direct" when the content is one quotation, else "indirect".
- "the statement said" with no actor named resolves to the author of the last statement
  that named one, and keeps its intermediary.
- A "he"/"she" speaker is the last person who spoke or was the subject of a clause outside
  quotation marks; an unnamed one counts ("the official said ... he added" gives no actor,
  not the last name in the text); only with no such person, the pronoun mention's actor.
  Names inside a quotation ('"We heard Clinton ...," he said') are never who "he" is.
- The speaker actor is the mention at the speaker's head word, else a person or title in
  the speaker span, else an organisation, preferring one before the head ("A Jabhat Fatah
  al-Sham statement") to one after it ("a spokesman for the ministry"); places and
  nationalities count only at the head ("Turkey said").
- `intermediary` is the outlet the words were given to: "told AFP", "told Reuters TV",
  "speaking to the BBC", "in an interview with CNN", "a statement sent to the BBC". Only
  outlets the OutletDirectory knows count ("told reporters" has none).
- One attribution per stretch of text: speech reported inside another quote's content or
  speaker is not a quote of its own, except under a trailing tag ('One rebel told Reuters
  that ..., he said'; '..., our correspondent says'), where the inner report is the claim.
- A passive or bare participle ("it was reported", "when asked") has no speaker: no quote.
- The speaker offsets mark the source phrase as parsed; the `speaker` text is the agent it
  names (`extract/agents.py`): "Moscow, which holds a veto" is "Moscow", "SLEEPING DEAD
  Opposition activists" is "Opposition activists", "27 people on Monday activists said" is
  "activists"; "evidence suggests" and an "it" no one stands for name no speaker, and an
  unresolved "It said" right after an organisation spoke is that organisation.
"""

from rashomon.extract.quotes.article import find_quotes
from rashomon.extract.quotes.lexicon import SpeechVerb, SpeechVerbs
from rashomon.extract.quotes.marks import QuotationScan, QuotedSpan, scan_quotation_marks

__all__ = [
    "QuotationScan",
    "QuotedSpan",
    "SpeechVerb",
    "SpeechVerbs",
    "find_quotes",
    "scan_quotation_marks",
]
