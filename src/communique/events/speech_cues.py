"""The cue lists and the polarity lexicon of speech-act events (``communique.events.speech``).

In: ``data/speech-acts.v1.yaml`` (wish verbs, obligation modals, verbs of force,
promise and refusal verbs, blame and praise words, allegation cues, words of
responsibility, conduct, sponsorship, approval and apology: written for communique) and VADER's valence lexicon (``vaderSentiment`` 3.3.2, MIT, shipped
in the wheel; nothing is downloaded). Out: ``SpeechCues`` and ``Polarity``, each
loaded once per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from spacy.tokens import Token

SPEECH_ACTS = "speech-acts.v1.yaml"


@dataclass(frozen=True)
class SpeechCues:
    """The cue lists of ``data/speech-acts.v1.yaml``."""

    version: str
    types: dict[str, tuple[str, str | None]]
    wish_verbs: frozenset[str]
    obligation_modals: frozenset[str]
    obligation_verbs: frozenset[str]
    coercive_verbs: frozenset[str]
    coercive_objects: frozenset[str]
    uncommitted_verbs: frozenset[str]
    promise_verbs: frozenset[str]
    intention_words: frozenset[str]
    continued_verbs: frozenset[str]
    course_nouns: frozenset[str]
    refusal_verbs: frozenset[str]
    blame_words: frozenset[str]
    praise_words: frozenset[str]
    mood_adjectives: frozenset[str]
    tribute_verbs: frozenset[str]
    tribute_nouns: frozenset[str]
    tribute_modifiers: frozenset[str]
    choice_nouns: frozenset[str]
    approval_modifiers: frozenset[str]
    opinion_verbs: frozenset[str]
    sponsorship_verbs: frozenset[str]
    armed_group_nouns: frozenset[str]
    hypothetical_marks: frozenset[str]
    allegation_cues: frozenset[str]
    allegation_adverbs: frozenset[str]
    culprit_nouns: frozenset[str]
    responsible_adjectives: frozenset[str]
    deed_nouns: frozenset[str]
    violent_acts: frozenset[str]
    conduct_nouns: frozenset[str]
    apology_verbs: frozenset[str]
    admission_cues: frozenset[str]
    fault_nouns: frozenset[str]
    wrongful_manners: frozenset[str]
    contact_nouns: frozenset[str]
    description_verbs: frozenset[str]
    unlawful_words: frozenset[str]
    unlawful_manners: frozenset[str]
    consequence_verbs: frozenset[str]
    bare_consequence_verbs: frozenset[str]
    penalty_nouns: frozenset[str]


@lru_cache(maxsize=1)
def load_cues() -> SpeechCues:
    """The shipped cue lists (read once)."""
    text = resources.files("communique.data").joinpath(SPEECH_ACTS).read_text(encoding="utf-8")
    raw: dict[str, Any] = yaml.safe_load(text)

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in raw.get(key) or ())

    return SpeechCues(
        version=str(raw.get("version", SPEECH_ACTS)),
        types={
            k: (str(v["cameo"]), str(v["mode"]) if v.get("mode") else None)
            for k, v in raw["types"].items()
        },
        wish_verbs=words("wish_verbs"),
        obligation_modals=words("obligation_modals"),
        obligation_verbs=words("obligation_verbs"),
        coercive_verbs=words("coercive_verbs"),
        coercive_objects=words("coercive_objects"),
        uncommitted_verbs=words("uncommitted_verbs"),
        promise_verbs=words("promise_verbs"),
        intention_words=words("intention_words"),
        continued_verbs=words("continued_verbs"),
        course_nouns=words("course_nouns"),
        refusal_verbs=words("refusal_verbs"),
        blame_words=words("blame_words"),
        praise_words=words("praise_words"),
        mood_adjectives=words("mood_adjectives"),
        tribute_verbs=words("tribute_verbs"),
        tribute_nouns=words("tribute_nouns"),
        tribute_modifiers=words("tribute_modifiers"),
        choice_nouns=words("choice_nouns"),
        approval_modifiers=words("approval_modifiers"),
        opinion_verbs=words("opinion_verbs"),
        sponsorship_verbs=words("sponsorship_verbs"),
        armed_group_nouns=words("armed_group_nouns"),
        hypothetical_marks=words("hypothetical_marks"),
        allegation_cues=words("allegation_cues"),
        allegation_adverbs=words("allegation_adverbs"),
        culprit_nouns=words("culprit_nouns"),
        responsible_adjectives=words("responsible_adjectives"),
        deed_nouns=words("deed_nouns"),
        violent_acts=words("violent_acts"),
        conduct_nouns=words("conduct_nouns"),
        apology_verbs=words("apology_verbs"),
        admission_cues=words("admission_cues"),
        fault_nouns=words("fault_nouns"),
        wrongful_manners=words("wrongful_manners"),
        contact_nouns=words("contact_nouns"),
        description_verbs=words("description_verbs"),
        unlawful_words=words("unlawful_words"),
        unlawful_manners=words("unlawful_manners"),
        consequence_verbs=words("consequence_verbs"),
        bare_consequence_verbs=words("bare_consequence_verbs"),
        penalty_nouns=words("penalty_nouns"),
    )


# Clause texts whose sentiment score is kept (a few documents' worth).
SCORED_CLAUSES = 2048


class Polarity:
    """VADER's valence of words and sentences (lexicon shipped in vaderSentiment)."""

    def __init__(self) -> None:
        from vaderSentiment.vaderSentiment import (  # type: ignore[import-untyped]
            SentimentIntensityAnalyzer,
        )

        self._analyzer = SentimentIntensityAnalyzer()
        self.lexicon: dict[str, float] = dict(self._analyzer.lexicon)
        # several cues of one quote score the same clause: each text is scored once
        self.compound = lru_cache(maxsize=SCORED_CLAUSES)(self._compound)

    def word(self, token: Token) -> float:
        """The valence of a word form or, failing that, of its lemma (0 when unscored)."""
        value = self.lexicon.get(token.lower_)
        if value is None:
            value = self.lexicon.get(token.lemma_.lower(), 0.0)
        return float(value)

    def _compound(self, text: str) -> float:
        """VADER's normalised sentence score in [-1, 1] (negation and boosters included)."""
        return float(self._analyzer.polarity_scores(text)["compound"])


@lru_cache(maxsize=1)
def polarity() -> Polarity:
    return Polarity()
