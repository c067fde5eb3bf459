"""Person nouns of one office in the actors stage's anaphora pass (``communique.actors.coref``).

"The American ambassador" refers back to an American the article named, but not to one
the knowledge base knows in another office (the president); and a capitalised title right
before a person's name ("US Ambassador to Germany Lena Okafor") is that person's title,
not an anaphor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from communique.actors.state import DocState, Found
    from communique.model import Actor


def _person(state: DocState, found: Found) -> bool:
    actor = state.actor(found.actor_id)
    return actor is not None and actor.type == "person"


def titled_name(state: DocState, i: int) -> Found | None:
    """The person's name a capitalised noun at ``i`` is the title of, over proper nouns
    and "to"/"of" only ("Ambassador to Germany Richard Grenell"), else None."""
    doc = state.doc
    if not doc[i].text[:1].isupper():
        return None
    names = {f.start: f for f in state.found if f.kind in ("name", "alias") and _person(state, f)}
    for j in range(i + 1, min(i + 7, len(doc))):
        if j in names:
            return names[j]
        if doc[j].is_sent_start or not (doc[j].pos_ == "PROPN" or doc[j].lower_ in ("to", "of")):
            return None
    return None


# Nouns of one office: "the American ambassador" is no American the KB knows in
# another office (the president named two paragraphs on).
_OFFICE_WORDS = {"ambassador": ("ambassador",), "envoy": ("envoy", "ambassador"),
                 "minister": ("minister", "secretary"), "president": ("president",),
                 "premier": ("premier", "prime minister")}  # fmt: skip


def office_fits(actor: Actor, noun: str) -> bool:
    """False when ``noun`` names an office and the actor's known roles are all others."""
    words = _OFFICE_WORDS.get(noun)
    if words is None or not actor.roles:
        return True
    return any(w in r.title.lower() for r in actor.roles for w in words)
