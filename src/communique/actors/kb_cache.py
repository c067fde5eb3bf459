"""The shipped knowledge base, compiled once and read back in a fraction of a second.

In: ``KnowledgeBase.from_sources`` (the actor, office, demonym, seat, region and
institution files under ``data/``) and the cache folder (setting ``cache_dir``).
Out: the same ``KnowledgeBase`` for ``KnowledgeBase.load``, which then applies
the user's actors on top; ``Context.load`` holds it for the ``actors`` stage.

Building the knowledge base validates ~28,000 actor records and builds its
name, office and institution indexes (about 4 s per process, issue 14). The
compiled form (``communique.data_cache``) is the built object's attributes,
pickled, with each actor kept as its JSON text: ``ActorTable`` validates an
actor the first time a stage asks for it, so a run pays for the few thousand
actors its articles name, not for all of them. The fingerprint covers every
shipped data file and every module of ``communique.actors`` (the code that
builds the indexes) and ``communique.model``, so changed data or matching code
is never read from an old file.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator, MutableMapping
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from communique.data_cache import cached, fingerprint, source_files
from communique.model import Actor

if TYPE_CHECKING:
    from communique.actors.kb import KnowledgeBase

KB = TypeVar("KB", bound="KnowledgeBase")


class ActorTable(MutableMapping[str, Actor]):
    """Actors by id, each kept as JSON until first read, then as the validated ``Actor``.

    Keeps the insertion order and the identity of a dict of actors: the same id
    gives the same object every time, and ``add`` replaces an entry in place.
    """

    def __init__(self, raw: dict[str, str]) -> None:
        self._items: dict[str, str | Actor] = dict(raw)

    def __getitem__(self, actor_id: str) -> Actor:
        item = self._items[actor_id]
        if isinstance(item, str):
            item = Actor.model_validate_json(item)
            self._items[actor_id] = item
        return item

    def get(self, actor_id: str, default: Any = None) -> Any:
        return self[actor_id] if actor_id in self._items else default

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._items

    def __setitem__(self, actor_id: str, actor: Actor) -> None:
        self._items[actor_id] = actor

    def __delitem__(self, actor_id: str) -> None:
        del self._items[actor_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)


def load_shipped(cls: type[KB], cache_dir: str) -> KB:
    """The shipped knowledge base of class ``cls``, from the cache (built there on first use)."""
    data = resources.files("communique") / "data"
    package = Path(source_files("communique.actors")[0]).parent
    key = fingerprint(
        [
            *sorted((f for f in data.iterdir() if f.is_file()), key=lambda f: f.name),
            *sorted(package.glob("*.py")),
            *source_files("communique.model"),
        ]
    )
    state = cached("actors-kb", key, lambda: _state(cls.from_sources()), cache_dir, _dump, _load)
    kb = cls.__new__(cls)
    kb.__dict__.update(state)
    kb.actors = ActorTable(state["actors"])
    return kb


def _state(kb: KnowledgeBase) -> dict[str, Any]:
    """The built object's attributes, actors as JSON (``ActorTable`` reads them back)."""
    state = dict(vars(kb))
    state["actors"] = {i: actor.model_dump_json() for i, actor in kb.actors.items()}
    return state


def _dump(state: dict[str, Any]) -> bytes:
    return pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)


def _load(data: bytes) -> dict[str, Any]:
    state: dict[str, Any] = pickle.loads(data)  # our own file, written by _dump
    return state
