"""Quotes stage: direct quotations and reported statements, each with its speaker.

Runs after ``sentences``, ``dates`` and ``actors`` and before ``events``:

    sentences → dates → actors → quotes → events

In: the spaCy ``Doc``, ``document.sentences`` and ``document.mentions`` (names,
role descriptions and pronouns resolved to actor ids). Out:
``document.quotes``, a list of ``Quote`` records whose ``text`` is the quoted
content only (inside the marks for a direct quote; the reported clause for an
indirect one), with the cue lemma, the index of the sentence holding the cue
and the speaker's actor id (None when no actor can be named). The ``events``
stage links events stated inside quotes to them.

Three finders feed one list:

1. ``marks.find_marked``: quoted stretches by their marks; each is kept as a
   quotation when a speech cue frames it (before: "X said, “..."; after:
   "“...,” he said"), when it continues the previous speaker's quote, or when
   it is sentence-like on its own; short quoted phrases without a cue and
   quoted titles ("a conference titled “The Road Ahead”") are scare quotes
   and titles, not quotations.
2. ``reported.find_reported``: reporting cues of the lexicon in the parse and
   their clausal content (outside direct quotes, or nested in one: "He
   underlined that ..." inside a quotation is a quote of its own).
3. Colon headlines ("Leader Addresses Envoy: Palestine Belongs To All").

Speakers come from the cue's subject through the mentions; a pronoun without
a mention, and a quote with no cue that continues a speech, take the last
speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from communique.model import Document, Quote, QuoteKind
from communique.quotes.described import (
    PERSON_NOUNS,
    ActorFacts,
    antecedent_of_relative,
    described_actor,
)
from communique.quotes.lexicon import Lexicon
from communique.quotes.marks import MarkedSpan, find_marked
from communique.quotes.reported import Reported, find_reported, outermost
from communique.quotes.speakers import FIRST_PERSON, PRONOUNS, SpeakerIndex, subject_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from communique.stages import Context

__all__ = ["Lexicon", "extract_quotes", "find_marked"]

# A quoted stretch with no cue is a quotation only when it reads as a
# statement: at least this many words and a verb. Shorter cue-less stretches
# are scare quotes ("the so-called 'deal'") or names.
MIN_STANDALONE_WORDS = 6
# Words between a cue verb and the quote it frames ("... said in a statement
# on Monday, “..."); further away the verb belongs to another statement.
MAX_CUE_DISTANCE = 12
# A quoted phrase without a verb next to a cue: "the old port" (3 words) is a
# name, "a historic step for the region" a characterisation.
MIN_PHRASE_WORDS = 4
# How far back (characters) a reporting pronoun looks for the subject it
# continues: about two newswire sentences.
PRONOUN_WINDOW = 400
# A title is mostly capitalised words: calibrated on conference and report
# titles ("Presenting the Report on the Latest Status of ...": 8 of 8).
TITLE_SHARE = 0.75
_MINOR = frozenset(
    {"a", "an", "the", "of", "on", "in", "at", "to", "for", "and", "or", "but", "with"}
    | {"by", "from", "as", "into", "over", "about"}
)
_SENTENCE_END = frozenset({".", "!", "?"})


@dataclass
class _Found:
    kind: QuoteKind
    start: int
    end: int
    cue: str | None
    cue_token: int | None
    subject: int | None
    anchor: int  # character offset used for the sentence index
    inherit: bool = False  # continues the previous quote's speaker
    within: tuple[int, int] | None = None  # the direct quote a nested statement sits in


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
    direct = _direct(doc, text, lexicon, marked)
    spans = [(f.start, f.end) for f in direct]
    found: list[_Found] = list(direct)
    reported: list[Reported] = []
    for item in find_reported(doc, lexicon):
        outer = _inside(spans, doc[item.cue_token].idx)
        overlapping = [s for s, e in spans if item.start < e and s < item.end]
        if (
            outer is None
            and overlapping
            and (item.cue == "call" or not _own_words(text, item.start, min(overlapping)))
        ):
            # The frame of a direct quote ("He stressed, “..."); "called the
            # move “a betrayal”" quotes a characterisation, not a statement.
            continue
        if outer is not None:
            subject = doc[item.subject] if item.subject is not None else None
            if subject is None or subject.lower_ in FIRST_PERSON or item.cue == "according to":
                continue  # "we stress that ..." inside a quote is the quote itself
            if (item.end - item.start) >= 0.8 * (outer[1] - outer[0]):
                continue  # the whole quotation again
            item = _clip(item, outer)
        reported.append(item)
    for item in outermost(doc, reported):
        found.append(_from_reported(item, _inside(spans, doc[item.cue_token].idx)))
    found.extend(_fragments(doc, text, marked, found))
    found.extend(_colon_headlines(doc, text, lexicon, found))
    found.sort(key=lambda f: (f.start, f.end))
    return _resolve(doc, document, found, spans, facts or ActorFacts())


def _own_words(text: str, start: int, quoted: int) -> bool:
    """Reported content that says something of its own before the quotation it runs into.

    "said it is possible “that ...”" is a statement with a quoted part (both are
    quotes); "said, “...”" is only the frame of the quotation.
    """
    words = re.findall(r"\w+", text[start:quoted])
    return len([w for w in words if w.lower() != "that"]) >= 2


def _fragments(doc: Doc, text: str, marked: list[MarkedSpan], found: list[_Found]) -> list[_Found]:
    """Quoted words inside a reported statement: a direct quote of the same speaker.

    "described the attack as a “dastardly act”" reports a statement and quotes
    two of its words; both are quotes. Titles stay titles.
    """
    direct = {(f.start, f.end) for f in found if f.kind == "direct"}
    statements = [f for f in found if f.kind == "indirect" and f.within is None]
    out: list[_Found] = []
    for span in marked:
        if (span.start, span.end) in direct or any(
            s <= span.start and span.end <= e for s, e in direct
        ):
            continue
        outer = next((f for f in statements if f.start <= span.start < f.end), None)
        if outer is None:
            continue
        words = [t for t in _tokens(doc, span.start, span.end) if t.is_alpha or t.like_num]
        if not words or _is_title(words, text[span.start : span.end]):
            continue
        if outer.cue == "call" and len(words) < MIN_PHRASE_WORDS and words[0].pos_ != "ADJ":
            continue  # "call the district “the old port”" names; "called it “dangerous”" says
        out.append(
            _Found(
                "direct",
                span.start,
                span.end,
                outer.cue,
                outer.cue_token,
                outer.subject,
                outer.anchor,
            )
        )
    return out


def _inside(spans: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    for start, end in spans:
        if start <= offset < end:
            return (start, end)
    return None


def _clip(item: Reported, outer: tuple[int, int]) -> Reported:
    item.start, item.end = max(item.start, outer[0]), min(item.end, outer[1])
    return item


def _from_reported(item: Reported, outer: tuple[int, int] | None) -> _Found:
    return _Found(
        "indirect",
        item.start,
        item.end,
        item.cue,
        item.cue_token,
        item.subject,
        item.start,
        within=outer,
    )


# ---------------------------------------------------------------------------
# direct quotations


def _direct(doc: Doc, text: str, lexicon: Lexicon, marked: list[MarkedSpan]) -> list[_Found]:
    out: list[_Found] = []
    previous: MarkedSpan | None = None
    previous_kept: _Found | None = None
    for span in marked:
        frame_start = (
            _outer_end(previous) if previous and previous.paragraph == span.paragraph else None
        )
        cue = _cue_around(doc, text, span, frame_start, lexicon)
        tokens = _tokens(doc, span.start, span.end)
        words = [t for t in tokens if t.is_alpha or t.like_num]
        has_verb = any(t.pos_ in ("VERB", "AUX") for t in tokens)
        title = _is_title(words, text[span.start : span.end])
        keep = False
        inherit = False
        sentence_like = has_verb and len(words) >= 3
        if cue is not None:
            verb = doc[cue[1]]
            naming = verb.dep_ in ("acl", "amod") or (verb.tag_ == "VBN" and not _has_subject(verb))
            # A quoted phrase without a verb ("called Gaza 'the centre of
            # resistance'") is a quote only when it says something: 4+ words.
            keep = (sentence_like or (len(words) >= MIN_PHRASE_WORDS and not title)) and not (
                naming and len(words) < MIN_STANDALONE_WORDS
            )
        elif previous_kept is not None and len(words) >= 3 and _adjacent(text, previous_kept, span):
            keep, inherit = True, True
        elif len(words) >= MIN_STANDALONE_WORDS and has_verb and not title:
            keep = True
        previous = span
        if not keep:
            continue
        subject = subject_of(doc[cue[1]]) if cue is not None else None
        found = _Found(
            "direct",
            span.start,
            span.end,
            cue[0] if cue else (previous_kept.cue if inherit and previous_kept else None),
            cue[1] if cue else None,
            subject.i if subject is not None else None,
            doc[cue[1]].idx if cue else span.start,
            inherit=inherit or cue is None,
        )
        out.append(found)
        previous_kept = found
    return out


def _outer_end(span: MarkedSpan) -> int:
    return span.close_mark + 1 if span.close_mark is not None else span.end


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _is_title(words: list[Token], content: str) -> bool:
    """Quoted titles: mostly capitalised words and no closing punctuation."""
    major = [w for w in words if w.lower_ not in _MINOR and w.is_alpha]
    if len(major) < 2 or content.rstrip()[-1:] in ".!?,":
        return False
    return sum(1 for w in major if w.text[0].isupper()) / len(major) >= TITLE_SHARE


def _adjacent(text: str, before: _Found, span: MarkedSpan) -> bool:
    """Nothing but marks, spaces and the next paragraph between two quoted stretches."""
    gap = text[before.end : span.open_mark]
    return len(re.findall(r"\w+", gap)) == 0


def _cue_around(
    doc: Doc, text: str, span: MarkedSpan, frame_start: int | None, lexicon: Lexicon
) -> tuple[str, int] | None:
    """The speech cue that frames a quoted stretch.

    After it ("” he said") or before it ("X said, “"), or closing the previous
    paragraph ("X said:").
    """
    paragraph_start = text.rfind("\n", 0, span.open_mark) + 1
    lo = max(frame_start or 0, paragraph_start)
    intro = _tokens(doc, lo, span.open_mark) if span.open_mark > lo else []
    for i in range(len(intro) - 1, -1, -1):
        if intro[i].text in _SENTENCE_END:
            intro = intro[i + 1 :]
            break
    intro = [t for t in intro if t.idx + len(t.text) <= span.open_mark]
    if not intro and text[:paragraph_start].rstrip().endswith(":"):
        # "X said:\n“...”": the cue closes the previous paragraph.
        colon = len(text[:paragraph_start].rstrip()) - 1
        sentence = doc.char_span(colon, colon + 1, alignment_mode="expand")
        if sentence is not None:
            intro = [t for t in doc[sentence.start].sent if t.idx < colon]
    before: tuple[str, int] | None = None
    for distance, token in enumerate(reversed(intro)):
        if distance > MAX_CUE_DISTANCE:
            break
        cue = lexicon.verb_cue(token)
        if cue is not None:
            before = (cue.lemma, token.i)
            break
    after: tuple[str, int] | None = None
    if span.close_mark is not None:
        next_open = text.find("\n", span.close_mark)
        limit = next_open if next_open != -1 else len(text)
        outro = _tokens(doc, span.close_mark + 1, limit)
        # A quotation that ends its own sentence (“... .” The White House ...)
        # is attributed after it only by a short clause ("“... .” he said.").
        reach = 8
        if text[span.start : span.end].rstrip()[-1:] == "." and outro[:1] and outro[0].is_title:
            ends = [i for i, t in enumerate(outro) if t.text in _SENTENCE_END]
            reach = 3 if ends and ends[0] <= 4 else -1
        for count, token in enumerate(outro):
            if token.text in _SENTENCE_END or token.text in '“«"' or count > reach:
                break
            cue = lexicon.verb_cue(token)
            if cue is not None:
                after = (cue.lemma, token.i)
                break
    intro_text = text[lo : span.open_mark].rstrip()
    if before is not None and (after is None or intro_text.endswith((",", ":"))):
        return before
    return after


# ---------------------------------------------------------------------------
# colon headlines: "Leader Addresses Envoy: Palestine Belongs To All Muslims"


def _colon_headlines(doc: Doc, text: str, lexicon: Lexicon, found: list[_Found]) -> list[_Found]:
    out: list[_Found] = []
    for match in re.finditer(r"(?m)^([^\n:]{3,90}):[ \t]+([^\n]+)$", text):
        left_start, colon = match.start(1), match.end(1)
        right_start, right_end = match.start(2), match.end(2)
        content = text[right_start:right_end].rstrip(" .!?")
        if len(content.split()) < 3 or content[:1] in "“\"'‘«":
            continue
        if any(f.start < right_end and right_start < f.end for f in found):
            continue
        cue = next(
            (
                (c.lemma, t.i)
                for t in _tokens(doc, left_start, colon)
                if (c := lexicon.verb_cue(t)) is not None
            ),
            None,
        )
        if cue is None:
            continue
        head = doc[cue[1]]
        subject = subject_of(head)
        if subject is None:  # title-case headlines parse poorly: the words before the verb
            before = [t for t in _tokens(doc, left_start, head.idx) if t.is_alpha]
            subject = before[-1] if before else None
        out.append(
            _Found(
                "indirect",
                right_start,
                right_start + len(content),
                cue[0],
                cue[1],
                subject.i if subject is not None else None,
                head.idx,
            )
        )
    return out


# ---------------------------------------------------------------------------
# speakers and records


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
        if word == "it":
            return kind not in (None, "person")
        if kind is not None and kind != "person":
            return False
        return gender is None or gender == ("f" if word in ("she", "her") else "m")

    def speaker(self, subject: Token) -> str | None:
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
        head = subject.doc[choice.head]
        actor = described_actor(
            text, plural=head.tag_ in ("NNS", "NNPS"), country=country, sector=sector
        )
        if choice.proper:
            actor = actor.model_copy(update={"type": "person", "descriptions": []})
        if all(a.id != actor.id for a in self.document.actors):
            self.document.actors.append(actor)
        return actor.id


def _resolve(
    doc: Doc,
    document: Document,
    found: list[_Found],
    quoted: list[tuple[int, int]],
    facts: ActorFacts,
) -> list[Quote]:
    index = SpeakerIndex(document.mentions)
    index.index_subjects(doc, quoted)
    describer = _Describer(index, document, facts)
    starts = [s.start for s in document.sentences]
    last: str | None = None
    last_direct: str | None = None
    quotes: list[Quote] = []
    for item in found:
        speaker: str | None = None
        subject = doc[item.subject] if item.subject is not None else None
        if subject is not None:
            subject = antecedent_of_relative(subject)
            mention = index.for_subject(subject)
            if subject.lower_ in PRONOUNS and item.within is None:
                # The subject of the previous clauses is the likeliest referent
                # of a reporting pronoun ("He considered ...", "he said that
                # ..." after "Addressing X, ..."); the actors stage's pronoun
                # mention and the last speaker come after it.
                near = index.antecedent(subject, describer.agrees, window=PRONOUN_WINDOW)
                speaker = describer.speaker(near) if near is not None else None
                if speaker is None and mention is not None:
                    speaker = mention.actor_id
                speaker = speaker or last
            elif subject.lower_ not in PRONOUNS:
                speaker = describer.speaker(subject)
            elif subject.lower_ in PRONOUNS:
                if item.within is not None:
                    # "He underlined that ..." inside a quotation: the last
                    # person named inside it, not the one quoted.
                    named = index.nearest_before(subject.idx, item.within[0])
                    speaker = named.actor_id if named else None
                else:
                    # No pronoun mention from the actors stage: the last actor
                    # that was a clause subject, else the last speaker.
                    near = index.antecedent(subject, describer.agrees)
                    speaker = (describer.speaker(near) if near is not None else None) or last
        elif item.inherit:
            speaker = last_direct if item.kind == "direct" else last
        elif item.cue_token is not None and _glued_pronoun(doc, item.cue_token):
            speaker = last  # "”He added": a pronoun the tokenizer left glued to the mark
        elif item.cue_token is not None:
            # The parse found no subject: the last name before the cue in its sentence.
            cue = doc[item.cue_token]
            named = index.nearest_before(cue.idx, cue.sent.start_char)
            speaker = named.actor_id if named else None
        if speaker is not None and item.within is None:
            last = speaker
            if item.kind == "direct":
                last_direct = speaker
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
