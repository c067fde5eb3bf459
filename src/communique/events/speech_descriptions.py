"""Judgements by description: "X called the ruling 'shameful'", "X described Iran's decision
as historic".

Used by ``communique.events.speech`` for each attributed quote whose reporting verb
describes (``description_verbs``: call, describe, consider, label, ...). The thing
described is the verb's object; the judgement is the rest of the verb's clause (the
"as ..." phrase, the predicate, the quoted words). A damning judgement (a blame word,
a word VADER scores at or below ``WRONGFUL_VALENCE``) accuses, a praising one (a
praise word, a word VADER scores at or above ``PRAISE_VALENCE``) supports, the one who
owns the thing: its possessor ("Iran's decision"), its "of"/"by" phrase ("the ruling of
the court"), or, for a bare definite noun ("the ruling"), the owner of the same noun
told earlier in the article ("the court issued its ruling ... X called the ruling
shameful"). In: the spaCy ``Doc``, the quote, the token → actor map of
``speech_context.actor_tokens``. Out: ``Act`` records (``speech_claims.Act``).

A court's finding is a judgement too, of another kind (``court_findings``,
``ruled_against``): what a court says is unlawful, void or unconstitutional is a
SANCTION against its author ("the minister's order was unlawful").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from communique.events.speech_claims import Act

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from communique.events.speech_cues import Polarity, SpeechCues
    from communique.model import Quote

# VADER valences at which one word damns or praises (as in ``speech_reader`` and
# ``speech_evaluations``).
WRONGFUL_VALENCE = -2.0
PRAISE_VALENCE = 2.0
# Phrases that name the owner of a thing.
OWNER_PREPS = ("of", "by")
# Dependencies of the judgement beside the object ("as ...", a predicate).
JUDGEMENT_DEPS = {"prep", "oprd", "ccomp", "xcomp", "acomp", "attr", "advcl", "dobj"}


def described(
    doc: Doc,
    quote: Quote,
    sentence: Span,
    actor_at: dict[int, str],
    cues: SpeechCues,
    polarity: Polarity,
    excluded: Callable[[str], bool],
) -> Act | None:
    """The ACCUSE or SUPPORT a describing reporting verb makes of a thing's owner."""
    cue = (quote.cue or "").split(" ")[0]
    if cue not in cues.description_verbs:
        return None
    verb = next((t for t in sentence if t.lemma_.lower() == cue and t.pos_ == "VERB"), None)
    if verb is None or any(c.dep_ == "neg" for c in verb.children):
        return None
    thing = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if thing is None or thing.i in actor_at:
        return None  # "called X a liar": an actor described is the extractor's
    about = {t.i for t in thing.subtree}
    judgement = [
        t
        for c in verb.children
        if c.dep_ in JUDGEMENT_DEPS and c.i not in about
        for t in c.subtree
        if t.i not in about
    ]
    judgement += [t for t in thing.subtree if t.dep_ == "oprd"]  # "the ruling 'shameful'"
    inside = [t for t in doc[sentence.start : sentence.end] if quote.start <= t.idx < quote.end]
    judgement += [t for t in inside if t.i not in about]
    words = {t.i: t for t in judgement}.values()
    damning = any(_blame(t, cues) or polarity.word(t) <= WRONGFUL_VALENCE for t in words)
    praising = any(
        t.lower_ in cues.praise_words or polarity.word(t) >= PRAISE_VALENCE for t in words
    )
    if damning == praising:
        return None  # neither, or both: no clear judgement
    owner = _owner(thing, actor_at) or _earlier_owner(doc, thing, actor_at)
    if owner is None or excluded(owner):
        return None
    return Act("ACCUSE" if damning else "SUPPORT", verb, owner)


@dataclass(frozen=True)
class Finding:
    """What a court's words find unlawful: the clause, the thing's noun (lemma) and its
    author when the words or the article name one."""

    court: str
    clause: Token
    thing: str
    author: str | None


def court_findings(
    doc: Doc, tokens: Sequence[Token], actor_at: dict[int, str], cues: SpeechCues, court: str
) -> list[Finding]:
    """What a court's quoted words find unlawful, void or unconstitutional: "the
    minister's order was unlawful", "found the decree to be unconstitutional", "the
    agency acted unlawfully". The author is the thing's possessor or "by" phrase (in "the
    suspension of parliament" the "of" phrase is what was done to, not who did it), the
    owner of the same noun told earlier (``_earlier_owner``), or, for an act ("acted
    unlawfully"), its subject. A denied finding ("was not unlawful") finds nothing."""
    found: list[Finding] = []
    for word in tokens:
        lemma = word.lemma_.lower()
        adverb = word.dep_ == "advmod" and lemma in cues.unlawful_manners
        if not adverb and (lemma not in cues.unlawful_words or word.dep_ not in ("acomp", "oprd")):
            continue
        clause = word.head
        if any(c.dep_ == "neg" for c in (*clause.children, *word.children)):
            continue
        thing = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if thing is None:
            continue
        if thing.i in actor_at:
            author: str | None = actor_at[thing.i]  # "the ministry acted unlawfully"
        elif adverb:
            continue  # "the votes were counted unlawfully": by whom is not said
        else:
            author = _owner(thing, actor_at, ("by",)) or _earlier_owner(
                doc, thing, actor_at, ("by",)
            )
        found.append(Finding(court, clause, thing.lemma_.lower(), author))
    return found


def ruled_against(findings: Sequence[Finding], excluded: Callable[[str], bool]) -> list[Act]:
    """SANCTION by a court against the author of what it found unlawful, one act per
    court and author. A finding that names no author shares the author of the same
    court's other findings (one ruling: "the minister's advice was unlawful ... the
    suspension was also void"), else of another finding on the same thing (a lower
    court and the appeal court ruling on "the suspension"). Courts and the
    ``excluded`` actors are never the author."""

    def usable(author: str | None) -> bool:
        return author is not None and not excluded(author)

    by_court = {f.court: f.author for f in findings if usable(f.author)}
    by_thing = {f.thing: f.author for f in findings if usable(f.author)}
    by_thing.update(
        {
            f.thing: by_court[f.court]
            for f in findings
            if f.court in by_court and f.thing not in by_thing
        }
    )
    acts: list[Act] = []
    done: set[tuple[str, str]] = set()
    clauses: set[int] = set()  # a finding quoted twice (a quote inside a quote) is one
    for finding in findings:
        author = finding.author if usable(finding.author) else None
        author = author or by_court.get(finding.court) or by_thing.get(finding.thing)
        if author is None or (finding.court, author) in done or finding.clause.i in clauses:
            continue
        done.add((finding.court, author))
        clauses.add(finding.clause.i)
        acts.append(Act("SANCTION", finding.clause, author))
    return acts


def _blame(token: Token, cues: SpeechCues) -> bool:
    return token.lower_ in cues.blame_words or token.lemma_.lower() in cues.blame_words


def _owner(
    thing: Token, actor_at: dict[int, str], preps: tuple[str, ...] = OWNER_PREPS
) -> str | None:
    """The actor a noun phrase's possessor or "of"/"by" phrase names."""
    for child in thing.children:
        if child.dep_ == "poss" and child.i in actor_at:
            return actor_at[child.i]
    for prep in thing.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.i in actor_at:
                    return actor_at[pobj.i]
    return None


def _earlier_owner(
    doc: Doc, thing: Token, actor_at: dict[int, str], preps: tuple[str, ...] = OWNER_PREPS
) -> str | None:
    """For "the ruling" with no owner of its own: the owner of the nearest earlier
    "ruling" that has one ("the court issued its ruling"), or the subject of the verb
    that made it."""
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in thing.children):
        return None
    lemma = thing.lemma_.lower()
    for i in range(thing.i - 1, -1, -1):
        earlier = doc[i]
        if earlier.lemma_.lower() != lemma or earlier.pos_ != "NOUN":
            continue
        if (found := _owner(earlier, actor_at, preps)) is not None:
            return found
        if earlier.dep_ == "dobj":
            subject = next((c for c in earlier.head.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.i in actor_at:
                return actor_at[subject.i]
    return None


__all__ = ["Finding", "court_findings", "described", "ruled_against"]
