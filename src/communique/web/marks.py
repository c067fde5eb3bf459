"""Cut an article text into flat segments carrying the marks that cover them.

The web explorer's article reader and event page show the stored text with
mentions, time expressions, quotes and evidence sentences marked. Marks
overlap (a quote holds a mention; an evidence sentence holds everything), so
the text is cut at every mark boundary and each piece lists the marks over it;
the template renders each piece as one escaped ``<span>`` (or a link to the
actor for a mention), never as raw HTML. Input: a ``communique.model.Document``
or plain offsets; output: ``Segment`` lists for ``communique.web.pages``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from communique.model import Document


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # css class: actor, time, quote, evidence, trigger
    label: str = ""  # tooltip (actor id, resolved date, speaker)
    actor: str | None = None  # actor id for a link


@dataclass
class Segment:
    text: str
    kinds: list[str] = field(default_factory=list)
    label: str = ""
    actor: str | None = None


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """Pieces of ``text`` between every mark boundary, each with the marks covering it."""
    valid = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in valid), *(m.end for m in valid)})
    found: list[Segment] = []
    for start, end in pairwise(cuts):
        over = [m for m in valid if m.start <= start and end <= m.end]
        actor = next((m.actor for m in over if m.actor), None)
        labels = [m.label for m in over if m.label]
        found.append(
            Segment(
                text=text[start:end],
                kinds=sorted({m.kind for m in over}),
                label="; ".join(dict.fromkeys(labels)),
                actor=actor,
            )
        )
    return found


def document_marks(document: Document) -> list[Mark]:
    """Every mark of an analysed document: mentions, time expressions, quotes, event triggers."""
    names = {a.id: a.name for a in document.actors}
    marks = [
        Mark(m.start, m.end, "actor", f"{names.get(m.actor_id, m.actor_id)}", m.actor_id)
        for m in document.mentions
    ]
    marks += [Mark(t.start, t.end, "time", t.value or "unresolved") for t in document.timexes]
    marks += [
        Mark(q.start, q.end, "quote", f"{q.kind} quote: {names.get(q.speaker_id or '', '?')}")
        for q in document.quotes
    ]
    for event in document.events:
        if event.trigger:
            ev = event.evidence
            at = document.text.find(event.trigger, ev.start, ev.end)
            if at >= 0:
                marks.append(Mark(at, at + len(event.trigger), "trigger", event.type))
    return marks


def shift(mark: Mark, by: int) -> Mark:
    """The mark moved by ``by`` characters (for a passage cut from the text)."""
    return Mark(mark.start + by, mark.end + by, mark.kind, mark.label, mark.actor)


def evidence_marks(start: int, end: int) -> list[Mark]:
    return [Mark(start, end, "evidence", "evidence sentence")]


def passage(document: Document, start: int, end: int, around: int = 1) -> tuple[int, int]:
    """Offsets of the evidence ``start``-``end`` widened by ``around`` sentences each side
    (the context a reader needs, without the whole article)."""
    inside = [i for i, s in enumerate(document.sentences) if s.start < end and start < s.end]
    if not inside:
        return start, end
    first = max(inside[0] - around, 0)
    last = min(inside[-1] + around, len(document.sentences) - 1)
    return min(document.sentences[first].start, start), max(document.sentences[last].end, end)


def event_marks(
    document: Document, evidence: tuple[int, int], trigger: str | None, parties: dict[str, str]
) -> list[Mark]:
    """The evidence sentence, its trigger word and the mentions of the event's parties in it
    (``parties``: actor id → role, ``source`` or ``target``), the parties marked elsewhere
    in the text too."""
    start, end = evidence
    names = {a.id: a.name for a in document.actors}
    marks = evidence_marks(start, end)
    if trigger:
        at = document.text.find(trigger, start, end)
        if at >= 0:
            marks.append(Mark(at, at + len(trigger), "trigger", "trigger"))
    for mention in document.mentions:
        role = parties.get(mention.actor_id or "")
        if role:
            label = f"{role}: {names.get(mention.actor_id or '', mention.actor_id)}"
            marks.append(Mark(mention.start, mention.end, role, label, mention.actor_id))
    return marks
