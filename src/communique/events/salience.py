"""Event salience: the report's own episode (``main``) or earlier context (``background``).

In: a candidate (``communique.events.extract``), its own time expressions
(``communique.events.dating.EventClock``), the quote holding it and the
document's paragraphs and time expressions. Out: "main" or "background" for
``communique.events.anchor``, which never gives a background event the
report's date.

An event is background when the text places it before the report's episode:
- its own time expression lies well before publication ("in 2008", "on
  September 10" two weeks earlier) or names an earlier period ("last week",
  "last month", "two years ago");
- its clause is in the past perfect ("had imposed"), unless that is the
  backshift of reported speech ("Iran acknowledged its forces had shot
  down the jet": the acknowledged act is the news), or it is stated in a
  statement told in the past perfect or marked as earlier ("a lawyer, who
  had told him he would help him", "previously announced it planned to
  join": the promise was made before the episode);
- a temporal adverb says so ("previously", "earlier", "initially", "recently",
  "since", "formerly", "once");
- it is a past relative clause ("the troops who had entered"; not a "where"
  clause, which tells what happened at the narrative's place), or its sentence
  marks an anniversary;
- it has no time expression of its own and the last one before it in its
  paragraph lies well before publication (a paragraph of history: "In 1980 ...
  He then ...");
- it goes on, undated and in the simple past, with a back story its paragraph
  opened in the past perfect ("X had read an article ... He travelled to
  Florida to meet Y"), until a time expression or a sentence in the present;
- it came before an earlier dated act ("After the president fired his deputy,
  the army moved in 2017");
- it is an undated nominal act the sentence places before its own act: the
  object of "after", "following", "since", "in response to", "in retaliation
  for" or of the verb "follow", or the request or order it was done on ("at
  the behest of", "on the orders of") ("the ban followed talks with Washington",
  "the post stands vacant following the resignation of the minister", "this
  comes after weeks of protests");
- it is a past act someone other than its actor recounts in a quote (not an
  evaluation, ACCUSE or SUPPORT: "'he was a great leader,' X said" is X's
  act in speaking), or a statement recounted under a reporting verb in a
  quote ("'Moscow has declared it will not allow ...,' Zelensky said");
- outside a direct quote, its clause tells a standing state rather than an
  act of the episode: a present-simple verb of attitude ("intelligence
  agencies believe the prince ordered it", "many still resent the
  invasion"), a present perfect of keeping a state ("have maintained a
  policy of turning boats away"), a present-simple relative clause ("the
  court, which rules on constitutional matters").
  A present perfect progressive is not read this way: "has been encouraging
  allies" may tell a campaign older than the report, but "rescue groups have
  been appealing for donors" after a sinking is the episode's own.
Announced, threatened and planned acts stay main: the announcement is the news.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from communique.events.dating import EVALUATIONS, behind_the_act, governing_verb, well_before
from communique.events.paragraphs import Paragraphs
from communique.model import Document, Quote, TimeRef

if TYPE_CHECKING:
    from spacy.tokens import Token

    from communique.events.extract import Candidate

BACKGROUND_ADVERBS = {"previously", "earlier", "formerly", "once", "already", "before",
                      "initially", "originally", "recently", "since", "eventually"}  # fmt: skip
# Relative expressions that name a period before the report's own days.
EARLIER_PERIOD = re.compile(
    r"\b(?:last|past|previous|earlier)\s+(?:week|month|year|decade|weekend)s?\b"
    r"|\b(?:weeks?|months?|years?|decades?)\s+(?:ago|earlier|before)\b"
    r"|\bearlier\s+this\s+(?:month|year)\b",
    re.IGNORECASE,
)
FORWARD = ("future", "intend", "threaten")
# Prepositions and verbs whose object happened before the clause they sit in.
EARLIER_OBJECT_PREPOSITIONS = {"after", "following", "since"}
EARLIER_OBJECT_PHRASES = {("response", "to"), ("retaliation", "for"), ("retaliation", "to"),
                          ("wake", "of"), ("aftermath", "of")}  # fmt: skip
EARLIER_OBJECT_VERBS = {"follow"}
# Verbs of attitude: in the present simple they tell a standing state of mind, not an act
# of the report's episode ("agencies believe the prince ordered the killing").
# Verbs of keeping a state: in the present perfect they tell a state lasting up to the
# report ("have maintained a policy of turning boats away"), not an act of its episode.
KEEPING_VERBS = {"maintain", "keep", "retain", "sustain", "uphold"}
ATTITUDE_VERBS = {"believe", "think", "suspect", "resent", "doubt", "fear", "regard",
                  "consider", "feel", "hate", "distrust", "mistrust"}  # fmt: skip


class ParagraphFrames:
    """The paragraphs and the time expressions of a document, for a paragraph's frame."""

    def __init__(self, document: Document) -> None:
        self.paragraphs = Paragraphs(document.text)
        # "since 2011" measures a state lasting until now; it sets no earlier frame
        text = document.text
        self.timexes = sorted(
            (
                t
                for t in document.timexes
                if t.value and not text[max(0, t.start - 6) : t.start].lower().endswith("since ")
            ),
            key=lambda t: t.start,
        )
        self._timex_starts = [t.start for t in self.timexes]

    def frame(self, offset: int) -> TimeRef | None:
        """The last time expression before ``offset`` in its paragraph, if any."""
        paragraph = self.paragraphs.start(offset)
        at = bisect.bisect_left(self._timex_starts, offset)
        if at == 0:
            return None
        timex = self.timexes[at - 1]
        return timex if timex.start >= paragraph else None


def earlier(timex: TimeRef, reference: str | None) -> bool:
    """The expression dates something before the report's episode."""
    if timex.value and well_before(timex.value, reference):
        return True
    return bool(EARLIER_PERIOD.search(timex.text))


def salience(
    candidate: Candidate,
    own: list[TimeRef],
    quote: Quote | None,
    paragraphs: ParagraphFrames,
    reference: str | None,
    preceding: list[TimeRef] | None = None,
) -> str:
    """ "main" or "background" (see the module docstring)."""
    reason = background_reason(candidate, own, quote, paragraphs, reference, preceding)
    return "main" if reason is None else "background"


def background_reason(
    candidate: Candidate,
    own: list[TimeRef],
    quote: Quote | None,
    paragraphs: ParagraphFrames,
    reference: str | None,
    preceding: list[TimeRef] | None = None,
) -> str | None:
    """Why the candidate is background ("own date", "paragraph", "clause", ...), or None.

    ``preceding``: dates the event's clause came before (``EventClock.preceding``).
    """
    token = candidate.token
    verb = token if candidate.trigger.pos == "VERB" else token.doc[governing_verb(token) or token.i]
    if (statement := _reported_by(verb)) is not None and (
        _past_perfect(statement)
        or any(c.dep_ == "advmod" and c.lower_ in BACKGROUND_ADVERBS for c in statement.children)
    ):
        # an intention or promise announced before the episode is as old as its announcement
        # "the lawyer, who had told him he would assist him", "previously announced it
        # planned to join"
        return "earlier statement"
    # the announcement of an act is the news: announced acts stay main
    forward = candidate.modality in FORWARD
    if not forward and (cue := _dated_background(candidate, own, paragraphs, reference)):
        return cue
    if not forward and not own and any(earlier(t, reference) for t in preceding or ()):
        return "before an earlier date"  # "After X fired his deputy, the army moved in 2017"
    if not forward and not own and candidate.trigger.pos != "VERB" and _earlier_object(token):
        return "earlier object"  # "the ban followed talks", "vacant following the resignation"
    if not forward and not own and quote is None and _back_story(token, paragraphs):
        return "back story"  # "X had read an article ... He travelled to Florida"
    direct = quote is not None and quote.kind == "direct"
    if not direct and _state_of_mind(token, candidate.trigger.pos == "VERB"):
        return "state of mind"  # "agencies believe the prince ordered it"
    recounted = quote is not None and quote.speaker_id not in (None, candidate.source_id)
    # an evaluation in a quote ("'he was a great leader,' X said") is the speaker's act
    # when speaking, whoever the parse takes for its source: no recounted past act (one
    # stated under another reporting verb in the quote still is, below)
    evaluation = candidate.type in EVALUATIONS
    if recounted and direct and token.tag_ == "VBD" and not evaluation:
        # a past act in someone else's own words ("'Russia attacked Ukraine,' Macron said");
        # reported speech ("said the suspect was taken into custody") is the report's news
        return "recounted"
    if (
        recounted
        and quote is not None
        and token.dep_ == "ccomp"
        and token.head.tag_ in ("VBD", "VBN")
        and quote.start <= token.head.idx < quote.end  # not the quote's own "said"
    ):
        return "recounted statement"  # what the actor earlier "announced" or "said"
    return None


def _dated_background(
    candidate: Candidate, own: list[TimeRef], paragraphs: ParagraphFrames, reference: str | None
) -> str | None:
    token = candidate.token
    if own:
        if any(earlier(t, reference) for t in own):
            return "own date"
    else:
        frame = paragraphs.frame(token.idx)
        if frame is not None and earlier(frame, reference) and _past(token):
            return "paragraph"
    if cue := _background_clause(token, candidate.trigger.pos == "VERB"):
        return cue
    if (
        reference is None
        and own
        and all(t.value and len(t.value) < 10 for t in own)
        and _past(token)
    ):
        # Without a report date: news dates its own events to the day ("on Thursday");
        # a past act dated only by a year or a month ("in the 2014 war") is recalled.
        return "coarse date"
    return None


def _background_clause(token: Token, verbal: bool) -> str | None:
    """Past perfect (not backshifted), a temporal adverb, a past relative clause, an anniversary."""
    verb = token if verbal else token.doc[governing_verb(token) or token.i]
    children = list(verb.children)
    if any(c.dep_ == "advmod" and c.lower_ in BACKGROUND_ADVERBS for c in children):
        return "adverb"
    if not verbal and any(c.lower_ in BACKGROUND_ADVERBS for c in token.children):
        return "adverb"
    if _past_perfect(verb):
        return "past perfect"
    if verb.dep_ == "relcl" and verb.tag_ in ("VBD", "VBN") and not _where_clause(verb):
        return "relative clause"
    sentence = token.sent.text.lower()
    if "anniversary" in sentence or "commemorat" in sentence:
        return "anniversary"
    return None


def _state_of_mind(token: Token, verbal: bool) -> bool:
    """A clause telling a state that holds at the report rather than an act of its episode.

    A present-simple verb of attitude: "agencies reportedly believe the prince ordered
    it" (and what is believed), "many still resent the invasion" (a nominal act it
    governs is its object). A present perfect of keeping a state: "have maintained a
    policy of turning boats away". A present-simple relative clause: what its noun does
    as a rule ("the court, which rules on constitutional matters"). Direct quotes are
    not read this way: a speaker's "we believe" is a statement made in the episode (a
    reported belief is: the quotes stage may take "agencies believe" for a cue of
    indirect speech); nor is the past ("officials considered it a provocation")."""
    verb = token if verbal else token.doc[governing_verb(token) or token.i]
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in ATTITUDE_VERBS:
        verb = verb.head  # "believe [the prince ordered it]"
    lemma = verb.lemma_.lower()
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ in ("VBZ", "VBP") and not auxiliaries:
        return lemma in ATTITUDE_VERBS or verb.dep_ == "relcl"
    return (
        lemma in KEEPING_VERBS
        and verb.tag_ == "VBN"
        and [a.lower_ for a in auxiliaries] in (["has"], ["have"])
    )


def _earlier_object(token: Token) -> bool:
    """A nominal act that its sentence places before its own act (module docstring).

    A period of acts ("followed two weeks of protests") is not walked to: a campaign
    running up to the act is the report's episode as often as not (on eval-news gold
    evidence one of each), and the narrative dates it to the report's month.
    """
    head = token.head
    if head == token:
        return False
    if behind_the_act(token):  # "at the behest of", "on the orders of"
        return True
    if token.dep_ == "dobj":
        return head.lemma_.lower() in EARLIER_OBJECT_VERBS
    if token.dep_ != "pobj":
        return False
    return (
        head.lower_ in EARLIER_OBJECT_PREPOSITIONS
        or (head.head.lower_, head.lower_) in EARLIER_OBJECT_PHRASES
    )


def _back_story(token: Token, paragraphs: ParagraphFrames) -> bool:
    """The act goes on with a back story its paragraph opened in the past perfect: "X
    had read an article attacking the defectors. He contacted former members, who
    helped him leave. He travelled to Florida to meet one of them" (English tells a
    flashback by opening it in the past perfect and going on in the simple past). The
    back story ends at a time expression or at a sentence in the present ("The
    broadcasts began on August 10 and the South says they will continue. After the
    exchange of fire, the North stated ...")."""
    if paragraphs.frame(token.idx) is not None or not _past(token):
        return False
    doc = token.doc
    opening = paragraphs.paragraphs.start(token.idx)
    sentences = [s for s in doc.sents if s.end_char > opening and s.start <= token.i]
    if not sentences or not _past_perfect(sentences[0].root):
        return False
    return all(
        sentence.root.tag_ in ("VBD", "VBN")
        and not any(
            t.tag_ in ("VBZ", "VBP") or t.lower_ in ("will", "'ll")
            for t in sentence
            if t.dep_ in ("ROOT", "aux", "auxpass", "conj") and t.pos_ in ("VERB", "AUX")
        )
        for sentence in sentences
    )


def _where_clause(verb: Token) -> bool:
    """A "where" clause tells what happened at a place or occasion of the narrative
    ("flew to Niamey for a summit where two presidents signed the accord"), not what
    its noun was known for before (on eval-news gold evidence: 3 main, none background)."""
    return any(t.lower_ == "where" for t in verb.doc[verb.head.i + 1 : verb.i])


def _reported_by(verb: Token) -> Token | None:
    """The verb whose complement the clause is ("told him [he would assist him]",
    "announced it planned [to join]")."""
    node = verb
    for _ in range(6):  # conjuncts and infinitives of one complement: short chains
        if node.dep_ not in ("conj", "xcomp") or node.head == node:
            break
        node = node.head
    return node.head if node.dep_ == "ccomp" and node.head != node else None


def _past_perfect(verb: Token) -> bool:
    """A past perfect that is not the backshift of reported speech: what was said in it
    ("who had told him he would help", "had promised to resign") was said before the
    report's episode."""
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children) and not _backshifted(
        verb
    )


def _backshifted(verb: Token) -> bool:
    """A past perfect in the complement of a past reporting verb ("said it had ...")."""
    node = verb
    while node.dep_ == "conj" and node.head != node:
        node = node.head
    if node.dep_ != "ccomp":
        return False
    head = node.head
    return head.tag_ == "VBD" and not any(c.lower_ == "had" for c in head.children)


def _past(token: Token) -> bool:
    """The clause of ``token`` (or the clause its noun phrase sits in) is in the past tense."""
    node = token
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") and node.tag_ in ("VBD", "VBN"):
            return True
        if node.pos_ in ("VERB", "AUX") and node.tag_ in ("VBZ", "VBP", "MD"):
            return False
        if node.head == node:
            return False
        node = node.head
    return False
