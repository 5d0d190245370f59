"""The per-article extraction stage: places, actors, dates, quotes, numbers, events, stored.

Each extractor is a pure function over the parsed Doc; later ones read earlier findings
(quotes need resolved speakers, numbers need quotes for their claimants). Resources
(dictionary, gazetteer, lexicons, phrase matchers) are built once per process; each
article's findings carry a version so that a changed dictionary or model re-extracts.
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from rashomon.article.outlets import OutletDirectory
from rashomon.errors import NotFoundError
from rashomon.extract.actor_dictionary import ActorDictionary
from rashomon.extract.actors import ActorMatcher
from rashomon.extract.dates import find_dates
from rashomon.extract.doc_text import doc_text
from rashomon.extract.events import EventLexicon, find_events
from rashomon.extract.gazetteer import Gazetteer, country_alpha3
from rashomon.extract.numbers import NumberLexicon, find_numbers
from rashomon.extract.places import find_places, place_descriptions
from rashomon.extract.quotes import SpeechVerbs, find_quotes
from rashomon.extract.sites import find_sites
from rashomon.extract.state_bodies import adjectives, state_bodies
from rashomon.model import (
    Actor,
    ActorKind,
    PlaceMention,
    PlacePrecision,
    PublicationDate,
    affiliation_on,
)
from rashomon.nlp import model_key
from rashomon.store.entities import ArticleEntities, MentionRow

EXTRACT_PART_CHARS = 20_000
MAX_SENTENCE_TOKENS = 150
# 2: quotes and numeric claims; 3: events; 4: event targets, states; 5: figures' measure,
# victims, scope and claimant kind; 6: vetted new actors, name mentions, dated roles;
# 7: the CAMEO-derived event lexicon and PLOVER coding of reported events; 8: figures' scope
# ('a total of' and records span nothing); 9: long texts extracted in parts; 10: places' country
# as ISO alpha-3 (as actors'), the actors an article's actors belong to stored with them;
# 11: doers of attacks named as nouns, accusations and denials read from the parse; 12: a
# generic "the group" stands for a monitor quoted before it; 13: "at least" is no superlative;
# 14 (web facts): descriptions and dated roles as the article gives them, writers' asides in
# figures, ranks as one token, stances on attacks as statements; 15 (main): "pro-Damascus" is no
# place; 16 (web facts 3): attacks in speakers' quotes as accusations
# and denials, absent means denied, "the use of chemical weapons", claimants described before
# their names, qualifiers parsed as prepositions; 17 (web facts 4): "warn" threatens, hedged
# speech verbs, "holds X responsible" as a verbless clause, "respectively" after a quote's
# speakers, headline words end no name, two-letter consonants folded in place spellings;
# 18: another speaker's "while Y stated that ..." is no part of X's reported clause; 19 (web
# facts 5): names that write the Arabic article ("Dayr al-Zawr") are places though the model
# tags them as people; 20 (events 2): demands, CAMEO-table event words, event nouns read
# through their modifiers, place targets for acts done to a territory; 21 (claimants):
# speakers before speech verbs in comma-less copy, "he said" going on, spokespeople's bodies;
# 22 (numeric disputes): tolls "in separate operations" are cumulative; 23 (zero tolls): "no
# deaths", "nobody was hurt" are figures of 0; 24 (aliases 2): acronyms by initials, dateline
# credits, titles before ", Name", typed description heads ("the war monitor"); 25-29
# (figure scope and measure, claimants as agents, web-dev mechanisms, event senses,
# datelines); 30: a count's verb under an adjective root takes its subject (war-wide
# tolls), repeated paragraphs and photo credits out of bodies, bylines as authors, "it
# said"/"they said"/"he added" speakers, claimants inside reported clauses, "as high as"
# ceilings, held-ground participles before places, "the military action" names no body,
# a group's name misspelt by one letter is that group, an outlet only spoken to is no new
# actor, a count of victims is never a speaker; 31: "eliminated"/"liquidated" count the
# killed, a bare participle's subject is its victim, one id per new actor (titles, middle
# names, lone names), places, bylines and campaigns are no new actors, hard-wrapped wire
# copy, editor's notes and credits, "quoted Y as saying", "among the dead", staff as sources,
# "Idlib and Aleppo provinces" names two provinces, 36 Syrian towns more in the gazetteer;
# 32: building and landmark names are places, a line of names only (a byline) names no one,
# "anti-X" makes no X, "the military" takes the forces just named, bare "state TV", "Russia's
# military", "it said" after a body; bracketed photo credits and captions, "Leave a comment",
# "... - Reuters" sign-offs, more datelines and outlets; doubled single quotes, "citing
# officials", harm adjectives and two-count ranges in tolls; actors of Yemen's and Ukraine's
# wars, messaging platforms as no new actors, titles cut at a hyphen; 33: sentences broken
# across short lines, slide-show and picture-credit furniture, more datelines and wire
# sign-offs, page tabs are no titles, a bare surname is the person named in full before,
# "the aid group", tolls that include counts, "This was announced by X", "It said" after a
# body, bare "so far", children by age, harm words over coordinated counts, beliefs are no
# quotes, claim nouns as subjects, denials without a denying verb, PRODUCT-tagged cities,
# place nouns before names, "X town in Y" scenes, the parties of Gaza's, Afghanistan's,
# Iraq's and Libya's wars; 34: junk first lines (include errors, date lines, mastheads)
# are no titles, more caption ends and datelines, a denier claims no toll of what it
# denies, a bare "team" names no one, role nouns in apposition make persons, a city
# misspelt by one letter, hedges and motives are no quotes, elided lists of counts by
# place, "the number of people killed when", ranges at "close to"/"up to", quoting
# agencies and channels are no speakers, a known name ending a longer one is not that body,
# bare "rebels" are the rebels of the article's country, a place name matched only by its
# loose spelling key gives way to one known as written, a GeoNames alternate's own mentions
# set no country; 35: first-level regions of the countries at war and their towns of 1,000
# or more, a big city after "in"/"near" is a place whatever its tag, "the region of X",
# datelines with a year, ranks without stops, "X-led coalition" under the country's other
# names, "the statement, obtained by X" has no speaker X, light verbs of doing ("ordered
# by"), aircraft as their owner's doers, stance phrases ("in error", "an act of"), more
# accusing and denying verbs, a surname close to one named before is that person; 36: a
# figure several sources tell together keeps the joint claimant ("X and Y"); 37: a date
# inside another event's noun dates that event only, soldiers' and fighters' nouns
# (servicepeople, operatives); 38: stances through any speech verb, idioms of blame and
# refusal, naming verbs, ranks and bodies as agents, renamings after an acronym, counts in
# wire copy without commas, lists hung on a toll's verb, "Gulf of Aden" is no Aden, a
# region inside an organisation-tagged name, "dismissed two officers" denies nothing; 39:
# "19 Hamas and Islamic Jihad terrorists" counts the terrorists, "the city of X" and "in
# downtown X" name a town the model left untagged, "on Christmas Eve" is December 24, "so
# far" over acts in the plural is a running total (and "so far in the blast" is not), "the
# deaths have reached 106" counts the dead, "were confirmed killed at a clinic in X" places
# the count in X, "the Syrian ambassador to Moscow" is no holder of the post at the UN,
# "since the morning of yesterday, Friday" starts a period (both days); 40: "the toll from
# the bombing on Saturday" is no count of Saturday, ", tweeted X" misparsed as an adjective
# of the name is X's quote, a role word inside a PERSON span is part of the title given;
# 41: a toll in what a request asks about is not the requester's, "Sayed Sarwar Hussaini"
# is a name though the tagger reads a verb, "no one hurt" counts the killed or injured, an
# intelligence body is a claimant; 42: "the Houla massacre" and "an attack on X" name a
# place, as "the Golan Heights town of X" and "the town of the X" do; "the government in
# Ankara" is Turkey's; "the coalition" is the one fighting in the article's country; 43:
# "according to the latest information by X" (an update, findings) is X's; "pinned the
# blame on X" accuses, "vowed a harsh response" and "vowed revenge" threaten; 44: a village
# the text describes and sets somewhere ("Moura, a village in central Mali") is a place of
# its own, big cities' other spellings ("Hodeidah"), "the Yemeni port city of X", no town
# from a name before a building's noun in another country ("al-Thawra hospital"); the role
# words beside a body named in a title ("Taliban spokesman X", "X, a spokesman for the
# Defense Ministry") and nouns for people ("Kurdish businessman X") are the person's; "the
# Sunday night airstrike" is last Sunday's; 45: the government, armed forces and defence
# and foreign ministries of states the dictionary lacks, or of listed states it holds
# without them ("the Armenian Defense Ministry", "the Ethiopian military", "the Turkish
# Defence Ministry"), belong to their state; "the Islamic Resistance in Lebanon" is
# Hezbollah; "on the outskirts of X" and "the port of X" name the town X, whatever the
# model's tag; ", X, chair of ..., said" is X's, and "civilians who wanted to flee" no quote;
# 46: an "it" standing for an act, checked counts, speaking persons with place-noun names, a
# lead's role named next, title affiliations; 47: a participle joined to a passive verb is
# passive ("was shot and killed"), "X were the ones who shot" names X, and "we" inside words
# a speaker quotes from someone else is not the speaker's side; 48: forces a person leads
# are the person's armed body, a scorning verb names what it scorns ("slammed the reports as
# fake"), an act told as failing is no denial, a side telling its own armed dead concedes,
# Pakistan's provinces, towns and Balakot; a "when" clause in reported speech is the
# writer's, "Dr Hatem" ends a title, an apposition past the verb is no part of the counted,
# "paid the price with their lives" is killed; 49: reports or accounts a source will not
# dispute, and reports nobody owns ("amid reports of up to 10 civilians killed"), claim
# their own toll; a family's count is its members' fate ("a family of nine was killed"), and
# kin and neighbours of the dead speak for them; acknowledging an attack's casualties, or an
# admission that it killed, concedes it; "the head of X Pavlo Kyrylenko" gives Kyrylenko the
# head's title; "firing missions" are strikes; Myanmar's actors, "the junta"; a group a
# nationality qualifies ("the Arab coalition") is no anaphor of the group named nearby; a
# side saying it carried out an attack concedes it; "must be punished" holds its subject to
# blame; 50: "Among the victims - an aside - were 25 children" counts the group's
# measure; "the TV" or "the radio" after a name ending so stands for it; "a war monitor"
# in a lead is the one monitor named, "the city council" before "Mariupol City Council"
# is it; Ethiopia's, Eritrea's, Sudan's, Somalia's and Nigeria's parties, Azov, Milley and
# McKenzie; "80 civilian deaths" counts civilians; "blew up the theatre" is an attack with
# explosives; "holds Russia responsible" accuses Russia; "insisted that all aircraft be
# grounded" requests it; 51: "said in a statement that ..." reports the clause the parser
# hung on "statement"; "denied it on Thursday, saying civilians were not targeted" gives
# what was said no day of the denial; "neo-Nazi" is a stance, not a name, and "accused the
# neo-Nazi 'Azov' battalion" (two objects in the parse) accuses the battalion; "said there
# had been no strikes, and accused X" is the speaker's accusation; "denied it, noting that
# Azov blew it up" notes, not denies, the blast; a speaker's name the tagger calls a work
# of art or a product is a person; "did not deny", "is not in a position to dispute" an
# attack concede it, and what one is not in a position to do is negated; an outlet's title
# matches only as written ("an independent investigation" names no newspaper); 52: "the
# three-and-a-half year war" is a duration, no count; what a quote says others must do, or
# calls essential, is a request by its speaker; "Islamic State (Isis)" names it by its
# acronym written as a word; a speaker saying a party uses human shields accuses it;
# "..., killing one person" counts the one killed ("one another" counts no one); a closing
# tag read as a participle names the speaker before a line break too; 53: a group's
# description inside a person's role ("a spokesperson for the militant group") stands for
# the group, and a group named inside a relative clause gives way to the one it describes;
# 54: the day a run of attacks began ("since October 10") dates none of them; a verb shares
# the date of the verb it is coordinated with; 55: "yell", "shout", "scream" and "complain"
# report speech; 56: a weapon blamed with its owner ("caused by Kiev's interceptor missile",
# "it was a Ukrainian air defense missile") is an attack by the owner, and a weapon system
# ("HIMARS") is no new actor; 57: "on the 16th" is a day of the month of writing; 58: "As
# Vladimir Putin stated, ..." reports the clause it hangs on; 59: (a body's bare name before
# its arms, withdrawn); 60: ", X, the spokeswoman ..., has said" names its speaker past the
# auxiliary; 61: "coalition planes" no longer read as the coalition named before; 62:
# "underscored", "underlined", "reiterated" and "clarified" report speech; 63: "a call for"
# requests, and so does "called for X to do Y" read with "for" marking the clause; 64: a
# speaker telling its own side's strike concedes it whatever the cue; "wrongly" concedes;
# 65: condolences, solidarity and sympathy support; "a barrage on" attacks; "express" and
# "voice" lend their subject to the event noun they take; 66: an air bombardment is aerial;
# "the military council" is the focus country's military government; 67: "the watchdog" is
# the rights group or monitor named before; 68: a name the tagger calls a person that opens
# or ends with a body's word ("Radio Lublin") is an organisation; 69: "answer", "assure",
# "remind", "lament" and "chant" report speech (cues of the PolNeAR training split); 70: a
# name set beside a role noun ("the deputy mayor, X") is an actor; 71: "killing closer to
# 600 people" counts the killed, "closer to" and "nearer to" approximate; 72: "... on Friday
# said a monitoring group" (no comma: parsed as a verb and its object) names the speaker;
# 73: "his earlier report of 27", "its toll": a possessive pronoun owns a claim; 74: a bomb
# dropped by a state ("Russia has dropped a bomb on a theatre") is an air strike; 75: the
# page's date after an agency's credit in a head run together ("NGO AFP Friday 5 Sep 2014")
# is no date mention; 76: a description word alone before its noun ("coalition planes")
# stands for the one named before; 77: a weapon that fell or landed on a place struck it;
# 78: a place name with a possessive "s" run into it ("Tigrays") is that place; 79: a
# closing tag parsed as a relative clause (", the Observatory reported.") and "per the
# emergency service" name a figure's claimant; 80: an explosion "caused by" a weapon takes
# the weapon's mode; 81: a speaker naming an attack's means as another side's accuses it; 82:
# a speaker charging a side with perfidy (human shields, civilian clothes, firing points,
# false flags) accuses it; 83: an act found "of" under "no trace", "no evidence" is negated;
# 84: "downed" and "shot down" an aircraft are attacks; 85: "sparked by" an owned weapon
# blames its owner again (a second set of causing verbs had shadowed the first); 86: what an
# attack left behind ("leaving 22 dead") is no withdrawal; 87: "claimed without evidence that
# ..." reports its clause, and a clause hung on such a phrase says what an attack was; an
# attack noun takes the day of the relative clause that tells it ("the airstrikes that
# destroyed the centre on Oct. 3"); 88: a surname led by a particle ("Abu Akleh") is the person
# named before in full; 89: a dash and "an allegation ..." after reported words are the writer's
# label of them, not the speaker's words; 90: "condemned X for bombing", "slammed X for carrying
# out a massacre": X did it; 91: "evidence implicating X in the attack" accuses X of it, and a
# speaker's "provocation" by a side charges that side; 92: a name's last word is no lost
# possessive of a town ("Bart Janssens"), more nouns for people make titles ("a former weapons
# inspector"), a title written right before a name is the person's whatever the parse; 93: the
# channel a speaker was reached by ("via Skype") and the doer of a clause describing the
# speaker ("hospitals that are supported by MSF") are not the speaker; 94: sites (hospitals,
# prisons, stations) as points inside the places the article sets them in; 95: "X and Y
# accused each other of Z" is an accusation by each of the other, and Z has no doer "each other";
# 96: managers and deputies are roles ("X, communications manager for MSF", "Lavrov's deputy");
# 97: a town's site ("Kramatorsk's railway station"), a bare "the centre" for a site named before;
# 98: counterparts and specialists are roles ("her Russian counterpart, Vitaly Churkin"); 99: a
# role phrase does not take the adverb opening its sentence ("Later her Russian counterpart");
# 100: what one "did not know" one was doing was done (knowing verbs bound factuality); 101:
# "armed groups" are the focus country's rebels; 102: "holds X responsible" holds X, and a
# passive "were held responsible" accuses its subject; 103: "the weekend" is a week; 104: "the
# Kiev regime", "the Damascus authorities" are the capital's government; 105: "said it was likely
# that X was responsible", "it was the work of X", "X were involved in the massacre" accuse X;
# 106: a report called biased is rejected, "X may be at fault" accuses X, "no one was
# responsible" accuses no one, nor does a speaker accuse itself; 107: "the army" is never the
# armed group named nearest it; 108: "claimed responsibility for the bombing" concedes it; 109:
# a person speaks for whom they served on the article's date (former affiliations); 110: "the
# result of human error", "a series of errors" say what the act was; 111: a listed state's army,
# government and ministries take their kind's other names ("Israeli forces", "Israeli soldiers");
# 112: a phrase "known as" a group's name stands for it ("pro-regime thugs known as shabiha");
# 113: a name the tagger cut into pieces before its acronym is one name, where its initials fit;
# 114: "the provincial capital" is a town named before, "the northern Afghan city" a place;
# 115: "the town of Douma" is a description of Douma; 116: "..., calling it biased" in passing
# is the clause's speaker's (a report named before "it" rejected); 117: nouns of a stance held
# ("Russia's position that", "its assessment that") cue what their owner says; 118: captions'
# mentions of the body's own actors ("his British counterpart William Hague"); 119: a harm that
# "resulted from" an owned weapon, and a group's weapon ("a Hamas rocket"), is the owner's attack;
# 120: evidence said to point to a party accuses it ("all indications pointed to Israel"); 121:
# "the need for an investigation" asks for it; 122: means that did no attack ("no evidence that
# Russian jets struck") accuse no owner; 123: "admitted to attacking" concedes the attack; 124:
# "the absence of any traces of" and "a lack of evidence of" an act deny it; 125: "the Times"
# after "The New York Times" is that organisation
EXTRACTOR_VERSION = "125"
STAGE = "entities"


@dataclass
class EntityExtractor:
    nlp: Language
    dictionary: ActorDictionary
    gazetteer: Gazetteer
    matcher: ActorMatcher
    speech_verbs: SpeechVerbs
    number_words: NumberLexicon
    outlets: OutletDirectory
    event_words: EventLexicon
    country_codes: dict[str, str]  # ISO alpha-2 (GeoNames) -> alpha-3 (actor dictionary)
    # states the dictionary lacks, by actor id ("state:jpn"): "Japan halted aid" has a doer
    unlisted_states: dict[str, Actor]

    @classmethod
    def build(
        cls, nlp: Language, actor_files: Sequence[Path] = (), event_files: Sequence[Path] = ()
    ) -> EntityExtractor:
        """One extractor per pipeline and dictionary files in a process (building costs ~1 s)."""
        return _build(
            nlp,
            tuple(Path(p).resolve() for p in actor_files),
            tuple(Path(p).resolve() for p in event_files),
        )

    @cached_property
    def version(self) -> str:
        """Computed once: reading the model's meta builds every component's label list, and
        every article's findings carry this version."""
        key = (
            f"{EXTRACTOR_VERSION}|{self.dictionary.version}|{self.event_words.version}"
            f"|{model_key(self.nlp)}"
        )
        return hashlib.sha256(key.encode()).hexdigest()[:16]

    def extract(
        self,
        article_id: str,
        doc: Doc,
        published: PublicationDate | None,
        captions: Sequence[str] = (),
    ) -> ArticleEntities:
        """Findings for one article; captions contribute places only (they name where).

        A long text is read in parts of about `EXTRACT_PART_CHARS` cut at paragraph breaks,
        their offsets moved back into the whole: several extractors compare every finding
        with every other in a sentence or an article, which is cheap for an article and
        takes minutes for a 200,000-character record, or for a "sentence" of thousands of
        tokens (text without full stops). Within a part nothing changes.
        """
        if len(doc_text(doc)) <= EXTRACT_PART_CHARS and all(
            len(sent) <= MAX_SENTENCE_TOKENS for sent in doc.sents
        ):
            return self._extract(article_id, doc, published, captions)
        found = []
        for part in doc_parts(doc, EXTRACT_PART_CHARS, len(doc) + 1):
            part_doc = _part_doc(part)  # cut once from the whole: as_doc reads all of it
            for piece in doc_parts(part_doc, len(doc_text(doc)) + 1, MAX_SENTENCE_TOKENS):
                piece_doc = part_doc if len(piece) == len(part_doc) else _part_doc(piece)
                shown = captions if not found else ()
                offset = part.start_char + piece.start_char
                found.append((offset, self._extract(article_id, piece_doc, published, shown)))
        return _joined(found)

    def _extract(
        self,
        article_id: str,
        doc: Doc,
        published: PublicationDate | None,
        captions: Sequence[str] = (),
    ) -> ArticleEntities:
        sentences = _SentenceIndex(doc)
        places = find_places(doc, self.gazetteer)
        setting = [
            code for p in places
            if p.place.precision != PlacePrecision.COUNTRY
            and (code := self.country_codes.get(p.place.country or "")) is not None
        ]  # fmt: skip
        on = published.value if published else None
        found = self.matcher.find(doc, [(p.start, p.end) for p in places], setting, on)
        persons = {(m.start, m.end) for m in found.mentions if m.kind == "person"}
        places = [p for p in places if (p.start, p.end) not in persons]  # "According to Numan"
        place_at = {(p.start, p.end): p for p in places}
        rows: list[MentionRow] = []
        for m in found.mentions:
            place = place_at.pop((m.start, m.end), None)
            rows.append(
                MentionRow(m.start, m.end, m.text, m.kind, m.method, *sentences.bounds(m.start),
                           actor_id=m.actor_id, place_id=place.place.id if place else None)
            )  # fmt: skip
        for n in found.names:  # a name, but no actor: kept as evidence of who was named
            rows.append(
                MentionRow(n.start, n.end, n.text, n.kind, "name", *sentences.bounds(n.start))
            )
        # a people's word inside a description is no name of it ("the northern Afghan city")
        taken = [(m.start, m.end) for m in found.mentions if m.kind != "nationality"]
        for p in place_descriptions(doc, places, taken):  # "the eastern town"
            rows.append(
                MentionRow(p.start, p.end, p.text, "location", "description",
                           *sentences.bounds(p.start), place_id=p.place.id)
            )  # fmt: skip
        sites = find_sites(
            doc, places, found.mentions, self.gazetteer.parent_chain, self.gazetteer.is_demonym
        )
        for p in sites:  # "Al-Ahli Arab Hospital", "the hospital compound"
            rows.append(
                MentionRow(p.start, p.end, p.text, "site", "site", *sentences.bounds(p.start),
                           place_id=p.place.id)
            )  # fmt: skip
        for p in place_at.values():
            rows.append(
                MentionRow(p.start, p.end, p.text, "location", "gazetteer",
                           *sentences.bounds(p.start), place_id=p.place.id)
            )  # fmt: skip
        referenced = {m.actor_id for m in found.mentions} | {a.actor_id for a in found.aliases}
        new_ids = {a.id for a in found.new_actors}
        actors: list[tuple[Actor, str]] = [(a, "text") for a in found.new_actors]
        actors += [(self.dictionary.get(i), "dictionary") for i in sorted(referenced - new_ids)]
        caption_places, caption_actors = _caption_mentions(
            self, captions, {a.id for a, _ in actors}, on
        )
        rows += [row for row, _ in caption_places] + caption_actors
        used_places = {p.place.id: p.place for p in (*places, *(p for _, p in caption_places))}
        for place in list(used_places.values()):
            for parent in self.gazetteer.parent_chain(place):
                used_places.setdefault(parent.id, parent)
        used_places |= {p.place.id: p.place for p in sites}  # inside places of the article
        dates = find_dates(doc, published)
        quotes = find_quotes(doc, found.mentions, verbs=self.speech_verbs, outlets=self.outlets)
        new_kinds = {a.id: a for a in found.new_actors}
        numbers = find_numbers(
            doc, mentions=found.mentions, places=places, dates=dates, quotes=quotes,
            lexicon=self.number_words,
            kind_of=lambda i: self._actor_field(i, new_kinds, "kind"),
        )  # fmt: skip
        events = find_events(
            doc, mentions=found.mentions, places=places, dates=dates, quotes=quotes,
            published=published, lexicon=self.event_words,
            kind_of=lambda i: self._actor_field(i, new_kinds, "kind"),
            affiliation_of=lambda i: self._affiliation_on(i, new_kinds, published),
            place_actor=self._country_actor,
        )  # fmt: skip
        listed = {a.id for a, _ in actors}
        for event in events:  # a country acting only in an event is an actor of the article
            for actor_id in (*event.source_actor_ids, *event.target_actor_ids):
                if actor_id not in listed:
                    listed.add(actor_id)
                    actors.append(self._event_actor(actor_id))
        alpha3 = country_alpha3()
        return ArticleEntities(
            article_id=article_id,
            version=self.version,
            actors=self._with_affiliations(actors),
            aliases=found.aliases,
            mentions=tuple(sorted(rows, key=lambda r: (r.start, r.end))),
            places=tuple(
                replace(p, country=alpha3.get(p.country, p.country)) if p.country else p
                for p in used_places.values()
            ),
            dates=tuple((d, *sentences.bounds(d.start)) for d in dates),
            quotes=tuple((q, *sentences.bounds(q.start)) for q in quotes),
            numbers=tuple((n, *sentences.bounds(n.start)) for n in numbers),
            events=tuple((e, *sentences.bounds(e.start)) for e in events),
        )

    def _affiliation_on(
        self, actor_id: str, new: dict[str, Actor], published: PublicationDate | None
    ) -> str | None:
        """Whom the actor served when the article was written (a defector spoke for the
        government before he left it)."""
        actor = self._actor(actor_id, new)
        if actor is None:
            return None
        day = published.value if published is not None else None
        return affiliation_on(actor.affiliation, actor.former_affiliations, day)

    def _actor_field(self, actor_id: str, new: dict[str, Actor], field: str) -> str | None:
        actor = self._actor(actor_id, new)
        value = getattr(actor, field) if actor is not None else None
        return str(value) if value is not None else None

    def _actor(self, actor_id: str, new: dict[str, Actor]) -> Actor | None:
        """The actor by id: one the text made, a state the dictionary lacks, or its own."""
        try:
            return (
                new.get(actor_id)
                or self.unlisted_states.get(actor_id)
                or self.dictionary.get(actor_id)
            )
        except (KeyError, NotFoundError):
            return None

    def _country_actor(self, mention: PlaceMention) -> str | None:
        """The state actor for a country named as a place ("experts from Russia"); a
        country the dictionary does not list acts as a `state:` actor of its own."""
        if mention.place.precision != PlacePrecision.COUNTRY:
            return None
        for actor in self.dictionary.lookup(mention.place.name):
            if actor.kind == ActorKind.STATE:
                return actor.id
        alpha3 = country_alpha3().get(mention.place.country or "")
        unlisted = _state_id(alpha3) if alpha3 else None
        return unlisted if unlisted in self.unlisted_states else None

    def _with_affiliations(
        self, actors: Sequence[tuple[Actor, str]]
    ) -> tuple[tuple[Actor, str], ...]:
        """The article's actors and every actor they belong to, so that a stored
        affiliation always names a stored actor (the database keeps it as a foreign key);
        an affiliation the dictionary does not hold is dropped rather than left dangling."""
        found = {actor.id: (actor, origin) for actor, origin in actors}
        queue = list(found)
        while queue:
            actor, origin = found[queue.pop()]
            for former in actor.former_affiliations:  # whom it served before, stored too
                if former.affiliation not in found:
                    found[former.affiliation] = (self.dictionary.get(former.affiliation),
                                                 "dictionary")  # fmt: skip
                    queue.append(former.affiliation)
            parent_id = actor.affiliation
            if parent_id is None or parent_id in found:
                continue
            if parent_id in self.unlisted_states:  # the state of a body made for it: the
                # dictionary holds it by id only, as the gazetteer's
                found[parent_id] = (self.unlisted_states[parent_id], "gazetteer")
                continue
            try:
                found[parent_id] = (self.dictionary.get(parent_id), "dictionary")
                queue.append(parent_id)
            except KeyError:
                found[actor.id] = (replace(actor, affiliation=None), origin)
        return tuple(found.values())

    def _event_actor(self, actor_id: str) -> tuple[Actor, str]:
        state = self.unlisted_states.get(actor_id)
        if state is not None:
            return state, "gazetteer"
        return self.dictionary.get(actor_id), "dictionary"


@lru_cache(maxsize=4)
def _build(
    nlp: Language, actor_files: tuple[Path, ...], event_files: tuple[Path, ...]
) -> EntityExtractor:
    listed = ActorDictionary.load(actor_files)
    gazetteer = Gazetteer.load()
    codes = _country_codes(listed, gazetteer)
    unlisted = _unlisted_states(gazetteer, codes)
    dictionary = with_state_bodies(listed, unlisted, gazetteer)
    return EntityExtractor(
        nlp,
        dictionary,
        gazetteer,
        ActorMatcher(nlp, dictionary, gazetteer),
        SpeechVerbs.load(),
        NumberLexicon.load(),
        OutletDirectory.load(),
        EventLexicon.load(event_files),
        codes,
        unlisted,
    )


def with_state_bodies(
    dictionary: ActorDictionary, unlisted: dict[str, Actor], gazetteer: Gazetteer
) -> ActorDictionary:
    """The dictionary and the bodies it lacks of every state, listed or not (see
    `state_bodies`); the states it does not list are held by id only."""
    alpha2 = {v: k for k, v in country_alpha3().items()}
    listed = [a for a in dictionary if a.kind is ActorKind.STATE and a.country]
    states = sorted([*listed, *unlisted.values()], key=lambda a: a.id)
    words = {
        s.country: adjectives(gazetteer.people_words(alpha2.get(s.country, "")))
        for s in states if s.country
    }  # fmt: skip

    def known(name: str) -> str | None:
        found = dictionary.lookup(name)
        return found[0].id if found else None

    bodies = state_bodies(states, words, known)
    actors = [
        replace(a, aliases=(*a.aliases, *bodies.more_names[a.id]))
        if a.id in bodies.more_names else a
        for a in dictionary
    ]  # fmt: skip
    added = len(bodies.made) + sum(map(len, bodies.more_names.values()))
    return ActorDictionary(
        [*actors, *bodies.made], f"{dictionary.version}+{added}", held=unlisted.values()
    )


def _country_codes(dictionary: ActorDictionary, gazetteer: Gazetteer) -> dict[str, str]:
    codes = {}
    for place in gazetteer:
        if place.precision is not PlacePrecision.COUNTRY or not place.country:
            continue
        states = [a for a in dictionary.lookup(place.name) if a.country]
        if states and states[0].country:
            codes[place.country] = states[0].country
    return codes


def _unlisted_states(gazetteer: Gazetteer, listed: dict[str, str]) -> dict[str, Actor]:
    """A state actor for each country with no state in the dictionary, named as GeoNames
    names it, by id; the id is stable ("state:jpn") so stories and merges can count on it."""
    alpha3 = country_alpha3()
    states = {}
    for place in gazetteer:
        code = place.country or ""
        if place.precision is not PlacePrecision.COUNTRY or code in listed or code not in alpha3:
            continue
        actor = Actor(_state_id(alpha3[code]), place.name, ActorKind.STATE, alpha3[code], "GOV")
        states[actor.id] = actor
    return states


def _state_id(alpha3: str) -> str:
    return f"state:{alpha3.lower()}"


def _caption_mentions(
    extractor: EntityExtractor, captions: Sequence[str], actors: set[str], on: str | None
) -> tuple[list[tuple[MentionRow, PlaceMention]], list[MentionRow]]:
    """The places captions name, and their mentions of the article's own `actors`: "Russia's
    Foreign Minister Sergey Lavrov (l) and his British counterpart William Hague" names two
    people the body names, in words it may not use. A caption's other names stay out: a
    photo credit or a bystander is no actor of the story."""
    places: list[tuple[MentionRow, PlaceMention]] = []
    named: list[MentionRow] = []
    for index, doc in enumerate(extractor.nlp.pipe(captions)):
        field, end = f"caption:{index}", len(doc_text(doc))
        found = find_places(doc, extractor.gazetteer)
        for p in found:
            row = MentionRow(p.start, p.end, p.text, "location", "gazetteer", 0, end,
                             place_id=p.place.id, field=field)  # fmt: skip
            places.append((row, p))
        spans = [(p.start, p.end) for p in found]
        for m in extractor.matcher.find(doc, spans, (), on).mentions:
            if m.text.lower() in _IN_THE_PICTURE:
                continue  # "Lavrov (l)": where in the picture, not a title
            if m.actor_id in actors and m.kind not in _CAPTION_SKIPS:
                named.append(MentionRow(m.start, m.end, m.text, m.kind, m.method, 0, end,
                                        actor_id=m.actor_id, field=field))  # fmt: skip
    return places, named


# a caption's pronouns and peoples' words name no one the reader could not tell already
_CAPTION_SKIPS = frozenset({"pronoun", "nationality", "location"})
_IN_THE_PICTURE = frozenset({"l", "r", "c", "left", "right", "centre", "center", "front", "top"})


def doc_parts(doc: Doc, size: int, max_sentence: int = MAX_SENTENCE_TOKENS) -> list[Span]:
    """Consecutive spans covering `doc`, each of whole sentences and at most about `size`
    characters, cut before a paragraph where one starts in the second half of a part. A
    "sentence" longer than `max_sentence` tokens (a table, a list, text without full stops)
    is cut into pieces of its own."""
    parts: list[Span] = []
    start = 0  # token index where the current part begins
    paragraph = None  # the latest paragraph start inside the current part
    for sent in doc.sents:
        if len(sent) > max_sentence:
            if sent.start > start:
                parts.append(doc[start : sent.start])
            parts += [doc[i : min(i + max_sentence, sent.end)]
                      for i in range(sent.start, sent.end, max_sentence)]  # fmt: skip
            start, paragraph = sent.end, None
            continue
        if sent.start > start and sent.end_char - doc[start].idx > size:
            half = doc[start].idx + size // 2
            cut = paragraph if paragraph is not None and doc[paragraph].idx >= half else sent.start
            parts.append(doc[start:cut])
            start, paragraph = cut, None
        if sent.start > start and _after_break(doc, sent.start):
            paragraph = sent.start
    if start < len(doc):
        parts.append(doc[start:])
    return parts


def _part_doc(span: Span) -> Doc:
    """A part as a Doc of its own. A token whose head lay outside the part becomes a root,
    and is labelled so: extractors climb heads until they meet a ROOT."""
    doc = span.as_doc()
    for token in doc:
        if token.head.i == token.i and token.dep_ != "ROOT":
            token.dep_ = "ROOT"
    return doc


def _after_break(doc: Doc, i: int) -> bool:
    before = doc[i - 1]
    return "\n" in before.whitespace_ or (before.is_space and "\n" in before.text)


def _joined(parts: Sequence[tuple[int, ArticleEntities]]) -> ArticleEntities:
    """One article's findings from its parts' (offset of the part, findings): actors and
    places once each, every other finding moved to its place in the whole text."""
    joined: dict[str, Any] = {}
    for f in dataclasses.fields(ArticleEntities):
        found = [(offset, item) for offset, part in parts for item in _as_tuple(part, f.name)]
        if f.name in ("article_id", "version"):
            joined[f.name] = getattr(parts[0][1], f.name)
        elif f.name == "actors":
            joined[f.name] = tuple({a.id: (a, origin) for _, (a, origin) in found}.values())
        elif f.name == "places":
            joined[f.name] = tuple({p.id: p for _, p in found}.values())
        else:  # mentions in a caption keep their offsets into the caption
            joined[f.name] = tuple(
                item if getattr(item, "field", "body") != "body" else _shifted(item, offset)
                for offset, item in found
            )
    return ArticleEntities(**joined)


def _as_tuple(found: ArticleEntities, name: str) -> tuple[Any, ...]:
    value = getattr(found, name)
    return value if isinstance(value, tuple) else ()


def _shifted(item: Any, offset: int) -> Any:
    """A finding (a record, or a tuple of a record and its sentence bounds) moved `offset`
    characters on: every field named start, end, *_start or *_end, nested records too."""
    if isinstance(item, tuple):
        head, *bounds = item
        return (_shifted(head, offset), *(b + offset for b in bounds))
    changes: dict[str, Any] = {}
    for f in dataclasses.fields(item):
        value = getattr(item, f.name)
        if isinstance(value, int) and _is_offset(f.name):
            changes[f.name] = value + offset
        elif isinstance(value, tuple) and value and dataclasses.is_dataclass(value[0]):
            changes[f.name] = tuple(_shifted(v, offset) for v in value)
    return dataclasses.replace(item, **changes)


def _is_offset(name: str) -> bool:
    return name in ("start", "end") or name.endswith(("_start", "_end"))


class _SentenceIndex:
    def __init__(self, doc: Doc) -> None:
        self.spans = [(s.start_char, s.end_char) for s in doc.sents]
        self.starts = [s for s, _ in self.spans]

    def bounds(self, offset: int) -> tuple[int, int]:
        if not self.spans:
            return 0, 0
        return self.spans[max(bisect.bisect_right(self.starts, offset) - 1, 0)]
