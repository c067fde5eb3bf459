"""The read model's shared pieces (``communique.store.records``), used by export, REST and search.

One cursor codec refuses what it did not make; one LIKE filter treats the
user's ``%``, ``_`` and ``\\`` as characters; one memberships reader serves the
export (all members) and the listings (some).
"""

from __future__ import annotations

import pytest
from sqlalchemy import select
from tests.store.samples import brazil, kenya

from communique.model import Cluster
from communique.store import Store, schema
from communique.store.records import (
    BadCursor,
    contains,
    decode_cursor,
    encode_cursor,
    event_id,
    memberships,
    split_event_id,
)


def test_a_cursor_decodes_to_its_values_for_its_sort_only() -> None:
    cursor = encode_cursor("-date", ["2024-03-14", "a1", "e2"])
    assert decode_cursor(cursor, "-date", 3) == ["2024-03-14", "a1", "e2"]
    with pytest.raises(BadCursor, match="sort order"):
        decode_cursor(cursor, "date", 3)
    with pytest.raises(BadCursor, match="sort order"):
        decode_cursor(cursor, "-date", 2)
    for crafted in ("!!!", "W1", "a" * 7, encode_cursor("-date", [])[:-2]):
        with pytest.raises(BadCursor):
            decode_cursor(crafted, "-date", 3)


def test_ids_join_and_split() -> None:
    assert event_id("a1", "e2") == "a1#e2"
    assert event_id("a1", "a1#e2") == "a1#e2"  # already global
    assert split_event_id("a1#e2") == ("a1", "e2")
    for bad in ("a1", "#e2", "a1#"):
        with pytest.raises(KeyError):
            split_event_id(bad)


def test_like_wildcards_typed_by_a_user_match_themselves(store: Store) -> None:
    document = kenya()
    names = ["100% turnout", "100 percent turnout", "under_score", "underscore", "back\\slash"]
    actors = [
        actor.model_copy(update={"id": f"x{number}", "name": name})
        for number, (actor, name) in enumerate(zip([document.actors[0]] * 5, names, strict=True))
    ]
    store.save_documents([document.model_copy(update={"actors": [*document.actors, *actors]})])
    t = schema.actors

    def found(text: str) -> list[str]:
        query = select(t.c.name).where(contains(t.c.name, text)).order_by(t.c.name)
        return store.read(lambda c: list(c.scalars(query)))

    assert found("0% T") == ["100% turnout"]
    assert found("r_s") == ["under_score"]
    assert found("k\\s") == ["back\\slash"]
    assert found("TURNOUT") == ["100 percent turnout", "100% turnout"]


def test_memberships_of_some_members_or_all(store: Store) -> None:
    store.save_documents([kenya(), brazil()])
    a, b = kenya().id, brazil().id
    store.replace_clusters(["story"], [Cluster(id="s1", level="story", members=[a, b])])
    assert store.read(lambda c: memberships(c, "story")) == {a: "s1", b: "s1"}
    assert store.read(lambda c: memberships(c, "story", [b, "nobody"])) == {b: "s1"}
    assert store.read(lambda c: memberships(c, "duplicate")) == {}
