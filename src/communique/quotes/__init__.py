"""Quotes stage: direct quotations and reported statements, each with its speaker.

Runs after ``sentences``, ``dates`` and ``actors`` and before ``events``:

    sentences → dates → actors → quotes → events

In: the spaCy ``Doc``, ``document.sentences`` and ``document.mentions`` (names,
role descriptions and pronouns resolved to actor ids). Out:
``document.quotes``, a list of ``Quote`` records whose ``text`` is the quoted
content only (inside the marks for a direct quote; the reported clause for an
indirect one), with the cue lemma, the index of the sentence holding the cue
and the speaker's actor id (None when nobody is named or described); and
the local actors of described speakers, appended to ``document.actors``
(the stage list declares ``quotes`` only: these actors extend the actors
stage's, they replace none). The ``events`` stage links events stated inside
quotes to them.

Three finders feed one list:

1. ``direct.find_direct`` over ``marks.find_marked``: quoted stretches by
   their marks; each is kept as a quotation when a speech cue frames it
   (before: "X said, “..."; after: "“...,” he said"), when it continues the
   previous speaker's quote (a new paragraph, or after "she said." between two
   quotations), or when it is sentence-like on its own; short quoted phrases
   without a cue and quoted titles are scare quotes and titles.
2. ``reported.find_reported``: reporting cues of the lexicon in the parse and
   their clausal content (outside direct quotes, or nested in one; a clause
   the parser broke apart is read by words). A statement that runs into a
   quotation keeps its own words unless the quotation is its whole predicate
   ("said the plan was “...”"), and quoted words inside a statement ("called
   it “reckless”") are direct quotes of its speaker too, as the annotation
   guide of real news asks. Not statements: a headline's (the body reports
   it with its speaker), a reported question ("asked how ..."), and "according
   to" a text that says nothing ("according to the constitution");
   "according to the paper, X believes Y" is X's.
3. Colon headlines ("Mayor Tells Council: Budget Must Be Cut").

``framing`` decides how statements and quotations that touch combine (a frame,
quoted words inside a statement, a naming).

Speakers come from the cue's subject phrase (``speakers.SpeakerIndex.choose``):
the mention that names it, an appositive name, the named body a group belongs
to, the full name behind a bare surname or title; a speaker the actors stage
did not name is described as the text describes it (``described``: "a
witness", "Officials") and added to ``document.actors`` as a local actor.
A name inside a title phrase speaks rather than the title ("Envoy to X Jane
Doe"), and a government's statement is its state's. Pronouns take the nearest
earlier subject of their paragraph that agrees in number, person-ness and
gender, then the person a report in that paragraph was about, then earlier
paragraphs; a quote with no cue that continues a speech takes the last speaker.
All lookups are bounded or logarithmic (``spans``), so the stage is linear in
the number of quotation marks.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from communique.model import Document, Quote
from communique.quotes.described import (
    DOCUMENT_NOUNS,
    PERSON_NOUNS,
    SPEAKING_NOUNS,
    ActorFacts,
    antecedent_of_relative,
    described_actor,
)
from communique.quotes.direct import Found, colon_headlines, find_direct
from communique.quotes.framing import fragments, names_as, naming_cues, own_words
from communique.quotes.lexicon import Lexicon
from communique.quotes.marks import find_marked
from communique.quotes.reported import Reported, find_reported, outermost
from communique.quotes.spans import Spans
from communique.quotes.speakers import (
    FIRST_PERSON,
    LOOK_BACK_TOKENS,
    PRONOUNS,
    SpeakerIndex,
    subject_of,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from communique.context import Context

__all__ = ["Lexicon", "extract_quotes", "find_marked", "find_quotes"]

# How many earlier mentions a bare description ("police") searches for the fuller name
# it repeats ("Lincolnshire police"): a few paragraphs of news.
FULLER_NAME_MENTIONS = 200
_ARTICLES = frozenset({"the", "a", "an"})
# How far back (characters) a reporting pronoun looks for the subject it
# continues: about two newswire sentences.
PRONOUN_WINDOW = 400


def extract_quotes(doc: Doc, document: Document, context: Context) -> None:
    """Fill ``document.quotes`` from the parse and the actors stage's mentions."""
    lexicon = context.cache.get("quotes.lexicon")
    if not isinstance(lexicon, Lexicon):
        lexicon = Lexicon.load()
        context.cache["quotes.lexicon"] = lexicon
    document.quotes = find_quotes(doc, document, lexicon, ActorFacts(context.kb))


def find_quotes(
    doc: Doc,
    document: Document,
    lexicon: Lexicon,
    facts: ActorFacts | None = None,
) -> list[Quote]:
    """The quotes of ``document`` (whose text ``doc`` parses), in text order.

    ``facts`` answers from the knowledge base: an actor's country (for described
    speakers whose words carry a nationality, "German officials"), type and
    gender (for pronoun speakers).
    """
    text = document.text
    marked = find_marked(text)
    direct = find_direct(doc, text, lexicon, marked)
    spans = Spans([(f.start, f.end) for f in direct])
    marks = Spans([(m.open_mark, m.end) for m in marked])
    found: list[Found] = list(direct)
    reported: list[Reported] = []
    characterisations: list[Found] = []
    headline = _headline_end(document)
    naming = naming_cues(lexicon)
    for item in find_reported(doc, lexicon):
        if doc[item.cue_token].idx < headline:
            # "Minister urges banks to cut rates": a headline sums up a statement
            # the body reports with its speaker; it is no statement of its own.
            continue
        if item.cue in naming and names_as(doc, item.start, item.end):
            continue  # "referred to the register as the National Records Office"
        outer = spans.containing(doc[item.cue_token].idx)
        first = spans.first_overlapping(item.start, item.end)
        if item.cue == "call" and outer is None and marks.overlaps(item.start, item.end):
            # "called the move “a betrayal” and “reckless”" quotes the words of a
            # characterisation; the clause itself is no statement.
            clause_end = doc[item.cue_token].right_edge
            characterisations.append(
                _from_reported(item, None, end=clause_end.idx + len(clause_end.text))
            )
            continue
        if outer is None and first is not None:
            closing = spans.containing(max(item.start, item.end - 1)) is not None
            clause = any(c.kinds & {"clause", "obj-to"} for c in lexicon.verbs.get(item.cue, []))
            if not own_words(doc, item.start, first[0], closing, clause):
                continue  # the frame of a direct quote: "He stressed, “..."
        if outer is not None:
            subject = doc[item.subject] if item.subject is not None else None
            if subject is None or subject.lower_ in FIRST_PERSON or item.cue == "according to":
                continue  # "we stress that ..." inside a quote is the quote itself
            if (item.end - item.start) >= 0.8 * (outer[1] - outer[0]):
                continue  # the whole quotation again
            item = _clip(item, outer)
        reported.append(item)
    kept = outermost(doc, reported)
    relayed, relaying = _relayed(doc, lexicon, reported, kept)
    kept = [item for item in kept if item.cue_token not in relaying]
    for item in kept + relayed:
        found.append(_from_reported(item, spans.containing(doc[item.cue_token].idx)))
    found.extend(fragments(doc, text, marked, found + characterisations, naming))
    found.extend(colon_headlines(doc, text, lexicon, found))
    found.sort(key=lambda f: (f.start, f.end))
    return _resolve(doc, document, found, spans, facts or ActorFacts(), naming)


def _relayed(
    doc: Doc, lexicon: Lexicon, reported: list[Reported], kept: list[Reported]
) -> tuple[list[Reported], set[int]]:
    """Statements relayed by another: "Reuters reported a source said that Y".

    The inner statement is a quote of its own speaker when its cue is the
    whole reported clause of the outer one and it names who speaks; other
    cues inside reported content ("noted that X considered Y as Z": no
    clause-reporting cue) stay part of it. "According to the paper, the
    minister believes Y" relays too: the cue that "according to" hangs on is
    the inner one, and Y is the minister's words, so the "according to"
    statement is no quote of its own. Returns the relayed statements and the
    cue tokens of the "according to" statements they replace.
    """
    outer_cues = {item.cue_token for item in kept if item.cue != "according to"}
    according = {
        doc[item.cue_token].head.i: item.cue_token for item in kept if item.cue == "according to"
    }
    relayed: list[Reported] = []
    relaying: set[int] = set()
    for item in reported:
        cue = doc[item.cue_token]
        subject = doc[item.subject] if item.subject is not None else None
        if (
            item in kept
            or not any("clause" in c.kinds for c in lexicon.verbs.get(item.cue, []))
            or subject is None
            or subject.pos_ not in ("NOUN", "PROPN")
        ):
            continue
        if cue.dep_ == "ccomp" and cue.head.i in outer_cues:
            relayed.append(item)  # "noted reports said Y": both report, both are quotes
        elif item.cue_token in according and subject.i > according[item.cue_token]:
            relayed.append(item)
            relaying.add(according[item.cue_token])
    return relayed, relaying


def _headline_end(document: Document) -> int:
    """Where the headline ends when the text opens with one, else 0.

    A headline is the document's title as its own first paragraph, with body
    text after it and no full stop of a sentence: a one-line text whose title
    is the text itself is body text.
    """
    title = (document.title or "").strip()
    text = document.text
    if not title or title.endswith(".") or not text.startswith(title):
        return 0
    if not text[len(title) :].startswith("\n") or not text[len(title) :].strip():
        return 0
    return len(title)


def _clip(item: Reported, outer: tuple[int, int]) -> Reported:
    item.start, item.end = max(item.start, outer[0]), min(item.end, outer[1])
    return item


def _from_reported(item: Reported, outer: tuple[int, int] | None, end: int | None = None) -> Found:
    return Found(
        "indirect",
        item.start,
        end if end is not None else item.end,
        item.cue,
        item.cue_token,
        item.subject,
        item.start,
        within=outer,
    )


# ---------------------------------------------------------------------------
# speakers and records


def _named_inside(
    doc: Doc, index: SpeakerIndex, describer: _Describer, pronoun: Token, floor: int
) -> str | None:
    """The actor of the last mention between ``floor`` and the pronoun that the pronoun
    agrees with (number, person or not, gender)."""
    for mention in reversed(index.within(floor, pronoun.idx)):
        if mention.kind == "pronoun":
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and describer.agrees(pronoun, span.root):
            return mention.actor_id
    return None


def _name_word(token: Token) -> bool:
    """A capitalised content word of a name ("Lincolnshire", which the tagger may
    call a common noun), not a capitalised number or function word at a sentence's
    start ("Two officers", "Several officers"), nor a nationality ("French police
    officers" are described, not named)."""
    return (
        token.is_title
        and not token.is_stop
        and not token.like_num
        and token.pos_ in ("PROPN", "NOUN", "ADJ")
        and token.ent_type_ != "NORP"
    )


def _glued_pronoun(doc: Doc, cue: int) -> bool:
    return cue > 0 and re.search(r"\W(he|she|they)$", doc[cue - 1].lower_) is not None


class _Describer:
    """Speakers from subject phrases; described speakers become local actors of the document."""

    def __init__(self, index: SpeakerIndex, document: Document, facts: ActorFacts) -> None:
        self.index = index
        self.document = document
        self.facts = facts
        self.local = {a.id: a for a in document.actors}

    def country_of(self, actor_id: str) -> str | None:
        return self.facts.country(actor_id)

    def actor_info(self, actor_id: str) -> tuple[str | None, str | None]:
        """(type, gender) of an actor: local actors of the document first, then the KB."""
        local = self.local.get(actor_id)
        if local is not None:
            return local.type, self.facts.gender_of_name(local.name)
        return self.facts.kind(actor_id), self.facts.gender(actor_id)

    def agrees(self, pronoun: Token, candidate: Token) -> bool:
        """Whether a pronoun can stand for a subject: number, person or not, and gender."""
        word = pronoun.lower_
        plural = candidate.tag_ in ("NNS", "NNPS")
        if word in ("they", "them"):
            return True
        if plural:
            return False
        mention = self.index.covering(candidate.idx, candidate.idx + len(candidate.text))
        if mention is None or mention.actor_id.startswith("agent:") or mention.kind == "demonym":
            person = candidate.pos_ == "PROPN" or candidate.lemma_.lower() in PERSON_NOUNS
            return person != (word == "it")
        kind, gender = self.actor_info(mention.actor_id)
        gender = gender or self.facts.gender_of_name(mention.text)
        if word == "it":
            # An actor of unknown type is an organisation unless a given name says otherwise.
            return kind != "person" and (kind is not None or gender is None)
        if kind is not None and kind != "person":
            return False
        return gender is None or gender == ("f" if word in ("she", "her") else "m")

    def can_speak(self, subject: Token) -> bool:
        """A subject that may be a speaker: a name, a pronoun, a mention, or a noun for people.

        "the efforts", "coordination" are things; the parser sometimes makes them
        the subject of a reporting verb.
        """
        if subject.pos_ != "NOUN":
            return True
        if self.index.covering(subject.idx, subject.idx + len(subject.text)) is not None:
            return True
        lemma = subject.lemma_.lower()
        return lemma in SPEAKING_NOUNS or subject.lower_ in SPEAKING_NOUNS

    def government_state(self, word: Token) -> str | None:
        """The state whose government the article named last before ``word``.

        "the government of X", "X's government" and "the X government", where X
        is a state of the knowledge base; a person's government ("the
        premier's government") names no state.
        """
        doc = word.doc
        for token in reversed(doc[max(0, word.i - LOOK_BACK_TOKENS) : word.i]):
            if token.lower_ != "government":
                continue
            named = [c for c in token.children if c.dep_ in ("poss", "compound", "amod")]
            named += [
                g
                for c in token.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children
                if g.dep_ == "pobj"
            ]
            for name in named:
                mention = self.index.covering(name.idx, name.idx + len(name.text))
                if mention is not None and self.facts.kind(mention.actor_id) == "state":
                    return mention.actor_id
        return None

    def fuller_name(self, subject: Token, text: str) -> str | None:
        """ "police said" after "Lincolnshire police traced the car ...": a bare
        one-word description repeats the head of a fuller name the article gave
        before (a proper name before the same head word), and means the same actor
        (the latest such name wins)."""
        words = [w for w in text.lower().split() if w not in _ARTICLES]
        if len(words) != 1 or subject.pos_ != "NOUN":
            return None
        found: str | None = None
        i = bisect_right(self.index.starts, subject.idx)
        for mention in self.index.mentions[max(0, i - FULLER_NAME_MENTIONS) : i]:
            if mention.kind in ("pronoun", "demonym") or mention.end > subject.idx:
                continue
            span = subject.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or len(span) < 2 or span[-1].lower_ != words[0]:
                continue
            if any(_name_word(t) for t in span[:-1]):
                found = mention.actor_id  # a name ("Lincolnshire police"), not "two officers"
        return found

    def speaker(self, subject: Token) -> str | None:
        if not self.can_speak(subject):
            return None
        choice = self.index.choose(subject)
        if choice is None or isinstance(choice, str):
            return choice
        text = choice.text(subject)
        if not any(ch.isalpha() for ch in text):
            return None
        agent, demonym = self.index.agent_of(subject)
        country = sector = None
        if agent is not None:
            parts = agent.split(":")
            country, sector = (parts[1], parts[2]) if len(parts) == 3 else (None, parts[-1])
            country = None if country == "XXX" else country
        elif demonym is not None:
            country = self.country_of(demonym)
        if sector == "GOV" and country and subject.lemma_.lower() in DOCUMENT_NOUNS:
            state = self.facts.state(country)
            if state is not None:
                return state
        if agent is None and subject.lemma_.lower() in DOCUMENT_NOUNS:
            # "The government statement" after "the government of Ruritania":
            # the statement is that state's.
            issuer = next((c for c in subject.children if c.lower_ == "government"), None)
            state = self.government_state(issuer) if issuer is not None else None
            if state is not None:
                return state
        if (fuller := self.fuller_name(subject, text)) is not None:
            return fuller
        head = subject.doc[choice.head]
        actor = described_actor(
            text, plural=head.tag_ in ("NNS", "NNPS"), country=country, sector=sector
        )
        if choice.proper:
            actor = actor.model_copy(update={"type": "person", "descriptions": []})
        if actor.id not in self.local:
            self.local[actor.id] = actor
            self.document.actors.append(actor)
        return actor.id


def _resolve(
    doc: Doc,
    document: Document,
    found: list[Found],
    quoted: Spans,
    facts: ActorFacts,
    naming: frozenset[str],
) -> list[Quote]:
    index = SpeakerIndex(document.mentions)
    index.index_subjects(doc, quoted)
    describer = _Describer(index, document, facts)
    starts = [s.start for s in document.sentences]
    last: str | None = None
    last_direct: str | None = None
    direct_speakers: dict[tuple[int, int], str | None] = {}  # a quotation's span → speaker
    quotes: list[Quote] = []
    for item in found:
        if item.end <= item.start:
            # A clause clipped to a quotation it only touches ("..., "X tweeted" after
            # a quotation left open over a paragraph) keeps no words: no quote.
            continue
        speaker: str | None = None
        subject = doc[item.subject] if item.subject is not None else None
        if item.cue == "according to" and subject is not None and not describer.can_speak(subject):
            # "according to the constitution", "according to camera footage":
            # a source that says nothing; the sentence is the narrator's.
            continue
        if subject is not None:
            subject = antecedent_of_relative(subject)
            # "Both he and the commissioner, Jane Doe, urged ...": the one named.
            partners = [c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
            partners += [
                c for c in subject.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")
            ]
            if subject.lower_ in PRONOUNS and partners:
                subject = partners[0]
            if not describer.can_speak(subject) and item.cue_token is not None:
                # "he considered the efforts to be fair and reiterated, “...”":
                # a cue misparsed as a clause of another verb speaks with its subject.
                cue = doc[item.cue_token]
                upper = subject_of(cue.head) if cue.dep_ in ("ccomp", "conj", "acl") else None
                subject = upper if upper is not None and upper is not subject else subject
            mention = index.for_subject(subject)
            if subject.lower_ in PRONOUNS and item.within is None:
                # The subject of the previous clauses is the likeliest referent
                # of a reporting pronoun ("He considered ...", "he said that
                # ..." after "Addressing X, ..."); the actors stage's pronoun
                # mention and the last speaker come after it.
                # A subject after the pronoun is a guess; the actors stage's
                # pronoun link is a better one when there is no subject before.
                near = index.antecedent(
                    subject, describer.agrees, window=PRONOUN_WINDOW, ahead=mention is None
                )
                speaker = describer.speaker(near) if near is not None else None
                if speaker is None and mention is not None:
                    speaker = mention.actor_id
                speaker = speaker or last
            elif subject.lower_ not in PRONOUNS:
                speaker = describer.speaker(subject)
            elif subject.lower_ in PRONOUNS:
                if item.within is not None:
                    # "He underlined that ..." inside a quotation: the last one
                    # named inside it that the pronoun can stand for, not the one
                    # quoted ("He" is no state named in between).
                    speaker = _named_inside(doc, index, describer, subject, item.within[0])
                else:
                    # No pronoun mention from the actors stage: the last actor
                    # that was a clause subject, else the last speaker.
                    near = index.antecedent(subject, describer.agrees)
                    speaker = (describer.speaker(near) if near is not None else None) or last
        elif item.inherit:
            # After a colon the quotation is what the statement just made
            # announces ("..., finding that the matter was closed: “...”").
            colon = (
                document.text[max(0, item.start - 3) : item.start].rstrip("“\"'‘ ").endswith(":")
            )
            speaker = last_direct if item.kind == "direct" and not colon else last
        elif item.cue_token is not None and _glued_pronoun(doc, item.cue_token):
            speaker = last  # "”He added": a pronoun the tokenizer left glued to the mark
        elif item.cue_token is not None:
            # The parse found no subject: the last name before the cue in its sentence.
            cue = doc[item.cue_token]
            named = index.nearest_before(cue.idx, cue.sent.start_char)
            speaker = named.actor_id if named else None
        if speaker is None and item.cue in naming and item.within is None:
            # "demanded that the city stop referring to the strikes as “riots”": a
            # naming nobody here is said to make is no statement, and its quoted
            # word no quotation.
            continue
        if item.within is not None and speaker in (None, direct_speakers.get(item.within)):
            # a statement inside a quotation that its own speaker makes ("all we ask is
            # for her to come back"), or that names no one ("he is saying that ..."
            # with nobody named): the quotation's own words, no quote of its own
            continue
        if speaker is not None and item.within is None:
            last = speaker
            if item.kind == "direct":
                last_direct = speaker
        if item.kind == "direct":
            direct_speakers[(item.start, item.end)] = speaker
        sentence = bisect_right(starts, item.anchor) - 1 if starts else None
        number = len(quotes) + 1
        quotes.append(
            Quote(
                id=f"{document.id}:q{number}",
                kind=item.kind,
                start=item.start,
                end=item.end,
                text=document.text[item.start : item.end],
                speaker_id=speaker,
                cue=item.cue,
                sentence=sentence if sentence is not None and sentence >= 0 else None,
            )
        )
    return quotes
