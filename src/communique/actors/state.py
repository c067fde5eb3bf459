"""Per-document working state of the actors stage.

In: the spaCy ``Doc`` and the ``KnowledgeBase``. Out: the ``Found`` mentions and local
actors that ``communique.actors.resolve`` turns into ``Document.mentions`` and
``Document.actors``. The passes (``resolve`` names → ``roles`` descriptions →
``coref`` anaphora) all read and extend one ``DocState``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from communique.actors.kb import KnowledgeBase
from communique.actors.names import key, slug
from communique.model import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc

Kind = Literal["name", "alias", "role", "description", "pronoun", "demonym", "abbreviation"]


@dataclass
class Found:
    """A mention found in the text: token range, actor and how it was found."""

    start: int  # token index, inclusive
    end: int  # token index, exclusive
    actor_id: str
    kind: Kind
    confidence: float


@dataclass
class DocState:
    doc: Doc
    kb: KnowledgeBase
    date: str | None  # the article date (YYYY-MM-DD) that role descriptions resolve on
    is_place: Callable[[str], bool] = lambda name: False  # the gazetteer knows this name
    found: list[Found] = field(default_factory=list)
    covered: set[int] = field(default_factory=set)  # tokens inside name mentions
    local: dict[str, Actor] = field(default_factory=dict)  # id → local actor
    local_keys: dict[str, str] = field(default_factory=dict)  # name/surname key → actor id
    surnames: dict[str, str] = field(default_factory=dict)  # surname key → KB person id
    doc_aliases: dict[str, str] = field(default_factory=dict)  # "PNA" → actor id
    countries: Counter[str] = field(default_factory=Counter)  # ISO → how often mentioned

    def actor(self, actor_id: str) -> Actor | None:
        return self.local.get(actor_id) or self.kb.get(actor_id)

    def add(self, start: int, end: int, actor_id: str, kind: Kind, confidence: float) -> Found:
        found = Found(start, end, actor_id, kind, confidence)
        self.found.append(found)
        actor = self.actor(actor_id)
        if actor is not None and kind not in ("pronoun",):
            if actor.country and actor.country != "IGO":
                self.countries[actor.country] += 1
            if actor.type == "person":
                words = key(actor.name).split()
                if len(words) >= 2:
                    self.surnames.setdefault(words[-1], actor_id)
        return found

    def cover(self, start: int, end: int) -> None:
        self.covered.update(range(start, end))

    def free(self, start: int, end: int) -> bool:
        return not any(i in self.covered for i in range(start, end))

    def named(self) -> set[str]:
        """Actors mentioned by name or alias so far (for co-mention preference)."""
        return {f.actor_id for f in self.found if f.kind in ("name", "alias", "abbreviation")}

    def local_actor(
        self, name: str, type_: Any, description: str | None = None, country: str | None = None
    ) -> Actor:
        """The local actor for a name, merging "Hossein Rooyvaran" and later "Rooyvaran"."""
        k = key(name)
        words = k.split()
        actor_id = self.local_keys.get(k)
        if actor_id is None and type_ == "person" and len(words) == 1:
            actor_id = self.local_keys.get("~" + words[0])
        if actor_id is None:
            actor_id = "local:" + (slug(name) or "actor")
            if actor_id not in self.local:
                self.local[actor_id] = Actor(
                    id=actor_id, name=name, type=type_, origin="local", country=country
                )
            self.local_keys[k] = actor_id
            if type_ == "person" and len(words) >= 2:
                self.local_keys.setdefault("~" + words[-1], actor_id)
        actor = self.local[actor_id]
        if description:
            self.describe(actor_id, description)
        return actor

    def describe(self, actor_id: str, description: str) -> None:
        actor = self.local.get(actor_id)
        if actor is not None and description not in actor.descriptions:
            actor.descriptions.append(description)
