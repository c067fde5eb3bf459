"""The extraction stages and the order they run in.

Each stage is a function ``stage(doc, document, context) -> None`` that reads
the spaCy ``doc`` and the fields of ``document`` named in its ``requires`` and
fills the fields named in its ``assigns``, like spaCy components declaring
``requires``/``assigns``. ``check_order`` verifies at start-up that each stage
only reads what an earlier one wrote.

    sentences → dates → actors → quotes → events (with places)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from communique.context import Context
from communique.model import Document

__all__ = ["Context", "Stage", "StageFn", "check_order", "default_stages"]

if TYPE_CHECKING:
    from spacy.tokens import Doc


StageFn = Callable[["Doc", Document, Context], None]


@dataclass(frozen=True)
class Stage:
    name: str
    fn: StageFn
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


def default_stages() -> list[Stage]:
    """The built-in stages in pipeline order."""
    from communique.actors import resolve_actors
    from communique.dates import find_timexes
    from communique.events import extract_events
    from communique.nlp import sentences
    from communique.quotes import extract_quotes

    def assign_sentences(doc: Doc, document: Document, context: Context) -> None:
        document.sentences = sentences(doc)

    return [
        Stage("sentences", assign_sentences, (), ("sentences",)),
        Stage("dates", find_timexes, ("sentences",), ("timexes",)),
        Stage("actors", resolve_actors, ("sentences",), ("mentions", "actors")),
        # quotes and events add local actors of their own (described speakers,
        # unnamed groups), so both also assign "actors"
        Stage("quotes", extract_quotes, ("sentences", "mentions", "actors"), ("quotes", "actors")),
        Stage(
            "events",
            extract_events,
            ("sentences", "mentions", "actors", "timexes", "quotes"),
            ("events", "actors"),
        ),
    ]


def check_order(stages: list[Stage]) -> None:
    """Fail early when a stage reads a field no earlier stage assigns."""
    assigned: set[str] = set()
    for stage in stages:
        missing = [name for name in stage.requires if name not in assigned]
        if missing:
            raise ValueError(f"stage {stage.name!r} requires {missing}, not assigned before it")
        assigned.update(stage.assigns)
