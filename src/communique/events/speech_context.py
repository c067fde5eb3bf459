"""The document around a quote, for speech-act events (``communique.events.speech``).

In: the spaCy ``Doc``, the document's quotes, mentions and actors, and the trigger
extractor's candidates. Out: which actor each token refers to, whether a speaker
is a court, whether an actor is the speaker's own state, the person the article is about, the side the speaker fights, the sentence of a quote's
reporting verb, and the speaker as the source of acts done by saying them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from communique.events.extract import Candidate
    from communique.model import Actor, Document, Mention, Quote

# A court's quoted finding is a ruling (COERCE/SANCTION by the trigger lexicon), not a
# speech act of blame or appeal.
JUDGING_SECTORS = {"JUD"}
JUDGING_NAMES = {"court", "tribunal"}
# Mentions the person an article is about has at least (``protagonist``): a person
# named once or twice is a passer-by, whatever the others' counts.
PROTAGONIST_MENTIONS = 4
# Acts of force between two sides: a threat of force that names no one is aimed at the
# other side of the nearest one (``adversary``).
HOSTILE_TYPES = {"ASSAULT", "COERCE", "THREATEN", "MOBILIZE"}
# Acts done by saying them: in a quote, "we warn/condemn/demand" is the speaker's act.
SPOKEN_TYPES = {"THREATEN", "ACCUSE", "REQUEST"}
# Acts done by saying them only in the simple present ("we thank X", "we reject the
# claims"): "we rejected the plan" tells a deed of the group, "we will not allow X to be
# defeated" a policy of the state.
PERFORMED_TYPES = {"SUPPORT", "REJECT"}


def actor_tokens(doc: Doc, mentions: Iterable[Mention]) -> dict[int, str]:
    """Token index → actor id of the mention covering it (the span's head wins)."""
    found: dict[int, str] = {}
    heads: dict[int, str] = {}
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            found.setdefault(token.i, mention.actor_id)
        heads[span.root.i] = mention.actor_id
    found.update(heads)
    return found


def speakers_own_acts(
    doc: Doc, document: Document, existing: Sequence[Candidate], actor_at: dict[int, str]
) -> None:
    """An act done by saying it ("we warn X", "we condemn X", "we demand ...", in the
    present "we thank X", "we reject ...") inside a quote is the speaker's, not the
    group's that "we" stands for: the trigger
    extractor's source is set to the quote's speaker. (A deed told in a quote, "we
    struck the base", stays the group's.)"""
    for quote in document.quotes:
        speaker = quote.speaker_id
        if not speaker:
            continue
        for candidate in existing:
            token = candidate.token
            if not quote.start <= token.idx < quote.end:
                continue
            performed = candidate.type in PERFORMED_TYPES and token.tag_ == "VBP"
            if candidate.type not in SPOKEN_TYPES and not performed:
                continue
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if subject is None or subject.lower_ not in ("we", "i"):
                continue
            if candidate.source_id == actor_at.get(subject.i) != speaker:
                candidate.source_id = speaker


def protagonist(mentions: Iterable[Mention], kind_of: Callable[[str], str | None]) -> str | None:
    """The person the article is about: the person with the most mentions, when no
    other person has as many and they have at least ``PROTAGONIST_MENTIONS``."""
    counts = Counter(m.actor_id for m in mentions if kind_of(m.actor_id) == "person")
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < PROTAGONIST_MENTIONS:
        return None
    if len(ranked) == 2 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]


def adversary(
    existing: Sequence[Candidate], before: int, mine: Callable[[str], bool]
) -> str | None:
    """The side the speaker is fighting: the other party of the nearest act of force
    (``HOSTILE_TYPES``) told before token ``before`` between the speaker's side
    (``mine``) and someone else. A threat of force that names no one ("we will respond
    militarily") is aimed at it."""
    nearest: tuple[int, str] | None = None
    for candidate in existing:
        position = candidate.token.i
        if candidate.type not in HOSTILE_TYPES or position >= before or candidate.negated:
            continue
        source, target = candidate.source_id, candidate.target_id
        if source is None or target is None or mine(source) == mine(target):
            continue
        other = target if mine(source) else source
        if nearest is None or position > nearest[0]:
            nearest = (position, other)
    return nearest[1] if nearest is not None else None


def named_states(
    mentions: Iterable[Mention], actor_of: Callable[[str], Actor | None]
) -> dict[str, str]:
    """Country code → the state actor the article names for it (the first named)."""
    states: dict[str, str] = {}
    for mention in mentions:
        actor = actor_of(mention.actor_id)
        if actor is not None and actor.type == "state" and actor.country:
            states.setdefault(actor.country, mention.actor_id)
    return states


def judging(actor: Actor | None) -> bool:
    """A court or tribunal (by sector, or by name for one the text alone introduces)."""
    if actor is None:
        return False
    words = set(actor.name.lower().replace("-", " ").split())
    return actor.sector in JUDGING_SECTORS or bool(words & JUDGING_NAMES)


def own_state(speaker_id: str, actor_of: Callable[[str], Actor | None]) -> Callable[[str], bool]:
    """Whether an actor is the state the speaker belongs to."""
    speaker = actor_of(speaker_id)
    country = speaker.country if speaker is not None else None

    def own(actor_id: str) -> bool:
        actor = actor_of(actor_id)
        return (
            country is not None
            and actor is not None
            and actor.type == "state"
            and actor.country == country
        )

    return own


def cue_sentence(doc: Doc, document: Document, quote: Quote) -> set[int]:
    """The token start of the sentence holding the quote's reporting verb, if known."""
    if quote.sentence is None or not 0 <= quote.sentence < len(document.sentences):
        return set()
    sentence = document.sentences[quote.sentence]
    span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    return {span[0].sent.start} if span is not None and len(span) else set()


__all__ = [
    "actor_tokens",
    "adversary",
    "cue_sentence",
    "judging",
    "named_states",
    "own_state",
    "protagonist",
    "speakers_own_acts",
]
