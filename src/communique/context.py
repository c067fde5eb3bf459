"""What the stages share besides the document: ``Context``.

A low-level module of its own so that the stage packages (``actors``,
``dates``, ``quotes``, ``events``, ``places``) can name the type they are
passed without importing ``communique.stages``, which imports them to build
the stage order: the import graph has no cycle through ``stages.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from communique.config import Settings

if TYPE_CHECKING:
    from communique.actors.kb import KnowledgeBase
    from communique.places.gazetteer import Gazetteer


@dataclass
class Context:
    """What stages share besides the document: settings and loaded reference data.

    Built once per process (``Context.load``) and passed as an argument: no
    stage reads a module global.
    """

    settings: Settings
    kb: KnowledgeBase
    gazetteer: Gazetteer
    cache: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, settings: Settings) -> Context:
        from communique.actors.kb import KnowledgeBase
        from communique.places.gazetteer import Gazetteer

        return cls(
            settings=settings,
            kb=KnowledgeBase.load(
                settings.actors_file,
                actors_dir=settings.actors_dir,
                cache_dir=settings.cache_dir,
            ),
            gazetteer=Gazetteer.load(settings.cache_dir),
        )
