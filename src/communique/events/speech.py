"""Speech-act events: what a speaker does by what an attributed quote says.

In: the spaCy ``Doc``, the document's ``quotes`` (quotes stage: content span and
speaker), the actor mentions (actors stage, plus the quote pronouns of
``communique.events.reference``) and the candidates the trigger extractor
(``communique.events.extract``) already found. Out: extra ``Candidate`` events,
at most two per quote, whose source is the quote's speaker, whose token is the
clause of the quote that carries the act (so that ``communique.events.anchor``
gives them the quote's sentence as evidence, the quote's id, and the date and
salience of the statement), with ``context`` "speech" and a lower confidence
(``SPEECH_CONFIDENCE``) so that users can tell them from events a trigger
names.

A reporting verb that names the act ("condemned", "urged", "warned") is the
extractor's; here the act is read from the content of what was said:
- REQUEST: a first-person wish put on someone ("I hope X will ...", "we expect
  X to ...", "we call on X to ..."), an obligation put on someone else ("X
  should/must ...", "they need to ..."), an imperative in a direct quote;
- THREATEN: a first-person future of force ("we will strike back");
- REJECT: a first-person negated future or "cannot" of a committing verb ("we
  will not take part");
- AGREE: a first-person future of a committing verb, a promise ("we will work
  with X", reported "he would continue the policy");
- ACCUSE: a named actor as the agent of a wrongful act ("X ordered the
  killing"), or a strongly negative evaluation (VADER's valence lexicon, plus
  the blame words of the data file); the target is the evaluated actor, else
  none;
- SUPPORT: a strongly positive evaluation of a named actor ("X was a hero"), or
  first-person solidarity ("we are with X");
- CONCEDE: an apology or regret of a fault, or, under "acknowledged"/"admitted", a
  wrongful act of the speaker's own side;
- SANCTION: a court's words are read only for what it finds unlawful, void or
  unconstitutional, against the author of that (``speech_descriptions.ruled_against``).
A threat of force that names no one is aimed at the side the speaker is fighting
(``speech_context.adversary``).
Questions and hypotheticals ("if ...", "whether ...") state no act; neither do
first-person futures of verbs that commit to nothing ("we will see"). The cue
lists are data (``data/speech-acts.v1.yaml``); polarity is VADER's
(``vaderSentiment``, MIT, lexicon shipped in the wheel); both are loaded by
``communique.events.speech_cues``.

This module is the stage's entry: it makes one reader per quote and turns its acts
into candidates. The reading itself is split by job: ``speech_reader`` (the
participants and clause properties of a quote), ``speech_commitments`` (THREATEN,
REJECT, AGREE, REQUEST, CONSULT), ``speech_evaluations`` (ACCUSE and SUPPORT by
allegation and judgement), ``speech_descriptions`` (judgements by a describing
reporting verb: "X called the ruling 'shameful'"), ``speech_claims`` (responsibility, complaint, vilified conduct,
apology, pronoun referents) and ``speech_context`` (the document around a quote).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from communique.events.extract import Candidate
from communique.events.lexicon import Trigger
from communique.events.speech_claims import Act
from communique.events.speech_context import (
    actor_tokens,
    adversary,
    cue_sentence,
    judging,
    named_states,
    own_state,
    protagonist,
    speakers_own_acts,
)
from communique.events.speech_cues import Polarity, SpeechCues, load_cues, polarity
from communique.events.speech_descriptions import (
    Finding,
    court_findings,
    described,
    ruled_against,
)
from communique.events.speech_reader import QuoteReader

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from communique.model import Actor, Document, Mention

SPEECH_CONTEXT = "speech"
# An act read from what was said is less certain than one a trigger verb names.
SPEECH_CONFIDENCE = 0.6


def speech_candidates(
    doc: Doc,
    document: Document,
    mentions: Sequence[Mention],
    existing: Sequence[Candidate],
    actor_of: Callable[[str], Actor | None] = lambda _actor_id: None,
    cues: SpeechCues | None = None,
) -> list[Candidate]:
    """Speech-act candidates of the document's attributed quotes (module docstring).

    An act the extractor already found (same type and source in the quote's
    sentences, same type named by a trigger inside the quote, or same type, source
    and target anywhere) is not repeated; when the extractor's event has no target,
    the one the quote's content names is given to it (``_complete``).
    """
    cues = cues or load_cues()
    actor_at = actor_tokens(doc, mentions)
    speakers_own_acts(doc, document, existing, actor_at)
    known = {(c.type, c.source_id, c.target_id) for c in existing}
    said = {(c.type, c.source_id, c.token.sent.start) for c in existing}
    made: list[Candidate] = []
    findings: list[Finding] = []  # what the article's courts find unlawful
    speakers = frozenset(q.speaker_id for q in document.quotes if q.speaker_id)

    def kind_of(actor_id: str) -> str | None:
        actor = actor_of(actor_id)
        return actor.type if actor is not None else None

    subject_person = protagonist(mentions, kind_of)
    states = named_states(mentions, actor_of)
    for quote in document.quotes:
        if not quote.speaker_id:
            continue
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if judging(actor_of(quote.speaker_id)):
            # a court's words are a ruling, not blame or appeal: only what it finds unlawful
            findings += court_findings(doc, list(span), actor_at, cues, quote.speaker_id)
            continue
        reader = QuoteReader(
            quote,
            list(span),
            actor_at,
            cues,
            own_state(quote.speaker_id, actor_of),
            kind_of,
            speakers,
            subject_person,
        )
        reader.adversary = adversary(existing, span[0].i, reader.mine)
        reader.states = states
        # the sentences the quote overlaps: the first token's and each one starting inside it
        starts = {span[0].sent.start} | {t.i for t in span if t.is_sent_start}
        sentences = starts | cue_sentence(doc, document, quote)
        # a trigger inside the quote already names the act ("'France condemns X,' he said")
        stated = {c.type for c in existing if quote.start <= c.token.idx < quote.end}
        acts = reader.acts()
        for start in cue_sentence(doc, document, quote):
            judged = described(
                doc,
                quote,
                doc[start].sent,
                actor_at,
                cues,
                reader.polarity,
                reader.mine,
            )
            if judged is not None:
                acts.append(judged)
        for act in acts:
            key = (act.type, quote.speaker_id, act.target_id)
            if key in known:
                continue
            if act.type in stated:
                # a trigger inside the quote named the act ("..., blaming the aggression
                # of X"); the quote's content may name whom it aims at
                _complete(existing, act, quote.speaker_id, sentences)
                continue
            if any((act.type, quote.speaker_id, s) in said for s in sentences):
                # the reporting verb named the act but not whom it aims at ("'Israel must
                # stop,' he urged"): the quote's content does
                _complete(existing, act, quote.speaker_id, sentences)
                continue
            known.add(key)
            made.append(_candidate(act, quote.speaker_id, cues))
    for ruling in ruled_against(findings, lambda actor_id: judging(actor_of(actor_id))):
        court = ruling_court(findings, ruling)
        if ("SANCTION", court, ruling.target_id) not in known:
            known.add(("SANCTION", court, ruling.target_id))
            made.append(_candidate(ruling, court, cues))
    return made


def ruling_court(findings: Sequence[Finding], ruling: Act) -> str:
    """The court whose finding a ruling was read from."""
    return next(f.court for f in findings if f.clause.i == ruling.token.i)


def _complete(existing: Sequence[Candidate], act: Act, speaker: str, sentences: set[int]) -> None:
    """Give the act's target to the speaker's candidate of the same type, in the quote's
    sentences, that has none."""
    if act.target_id is None:
        return
    for candidate in existing:
        if (
            candidate.type == act.type
            and candidate.source_id == speaker
            and candidate.target_id is None
            and candidate.token.sent.start in sentences
            and not candidate.negated
        ):
            candidate.target_id = act.target_id
            return


def _candidate(act: Act, speaker: str, cues: SpeechCues) -> Candidate:
    cameo, mode = cues.types[act.type]
    token = act.token
    trigger = Trigger(
        lemma=token.lemma_.lower(),
        pos="VERB" if token.pos_ in ("VERB", "AUX") else token.pos_,
        type=act.type,
        cameo=cameo,
        mode=mode,
        context=SPEECH_CONTEXT,
        needs_target=False,
    )
    return Candidate(
        trigger=trigger,
        token=token,
        source_id=speaker,
        target_id=act.target_id,
        modality=act.modality,
        type=act.type,
        cameo=cameo,
        mode=mode,
        context=SPEECH_CONTEXT,
        confidence=SPEECH_CONFIDENCE,
    )


__all__ = [
    "SPEECH_CONFIDENCE",
    "SPEECH_CONTEXT",
    "Act",
    "Polarity",
    "QuoteReader",
    "SpeechCues",
    "actor_tokens",
    "load_cues",
    "polarity",
    "speech_candidates",
]
