"""Actors stage: who is mentioned, resolved to knowledge-base or local actors.

Runs after ``sentences`` and ``dates`` and before ``quotes`` and ``events``, which
attribute speakers, sources and targets through the mentions it makes. In: the spaCy
``Doc`` and the ``Document``; out: ``document.mentions`` and ``document.actors``.
``kb`` holds the knowledge base (shipped data + user files) and the helpers the CLI
wraps (``search``, ``import_file``, ``save_imported``); ``resolve`` is the stage itself.
"""

from __future__ import annotations

from communique.actors.kb import KnowledgeBase, import_file, save_imported, search
from communique.actors.resolve import resolve_actors

__all__ = ["KnowledgeBase", "import_file", "resolve_actors", "save_imported", "search"]
