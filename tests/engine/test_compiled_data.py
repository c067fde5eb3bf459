"""The compiled reference data (issue 14) holds exactly what the sources build.

The knowledge base and the gazetteer are read from a cache folder after the
first build (``communique.data_cache``); these tests build them from their
sources and compare every attribute and every actor, and check the cache's
own rules: a changed fingerprint is a new file, a damaged file is rebuilt, an
unwritable folder still gives the structure.
"""

from __future__ import annotations

import logging
import marshal
from pathlib import Path

import pytest

from communique.actors.kb import KnowledgeBase
from communique.actors.kb_cache import ActorTable
from communique.data_cache import cached
from communique.model import Actor
from communique.places import gazetteer as gazetteer_module
from communique.places.gazetteer import Gazetteer


def test_compiled_gazetteer_is_the_built_one(tmp_path: Path) -> None:
    built = gazetteer_module._build()
    first = gazetteer_module._load(str(tmp_path))  # builds and writes the cache
    assert len(list(tmp_path.glob("gazetteer-*.bin"))) == 1
    gazetteer_module._load.cache_clear()
    read = gazetteer_module._load(str(tmp_path))  # reads it back
    for gaz in (first, read):
        assert gaz.entries == built.entries
        assert gaz.index == built.index
        assert gaz.not_places == built.not_places
        assert gaz.countries == built.countries
        assert gaz.states == built.states
    assert read.resolve("Georgia") == built.resolve("Georgia")
    assert read.resolve_in_state("Springfield", "Ill.") == built.resolve_in_state(
        "Springfield", "Ill."
    )


def test_gazetteer_returns_a_fresh_place_each_lookup(tmp_path: Path) -> None:
    # a caller that edits a place it was given must not change the gazetteer
    gaz = Gazetteer.load(str(tmp_path))
    place = gaz.resolve("Oslo")
    assert place is not None and place.country == "NOR"
    place.name = "changed"
    again = gaz.resolve("Oslo")
    assert again is not None and again.name == "Oslo"


def test_compiled_knowledge_base_is_the_built_one(tmp_path: Path) -> None:
    empty = str(tmp_path / "no-user-actors")
    built = KnowledgeBase.from_sources()
    KnowledgeBase.load(actors_dir=empty, cache_dir=str(tmp_path))  # builds the cache
    read = KnowledgeBase.load(actors_dir=empty, cache_dir=str(tmp_path))
    assert isinstance(read.actors, ActorTable)
    assert list(read.actors) == list(built.actors)
    assert all(read.actors[i] == actor for i, actor in built.actors.items())
    for name, value in vars(built).items():
        if name != "actors":
            assert getattr(read, name) == value, name


def test_user_actors_apply_on_top_of_the_compiled_knowledge_base(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "- id: velor-fisheries-board\n  name: Velor Fisheries Board\n  type: organisation\n",
        encoding="utf-8",
    )
    cache = str(tmp_path / "cache")
    KnowledgeBase.load(actors_dir=str(tmp_path), cache_dir=cache)
    kb = KnowledgeBase.load([str(extra)], actors_dir=str(tmp_path), cache_dir=cache)
    assert [a.id for a in kb.lookup("Velor Fisheries Board")] == ["velor-fisheries-board"]
    # the next load without the file does not keep it: the cache holds shipped data only
    plain = KnowledgeBase.load(actors_dir=str(tmp_path), cache_dir=cache)
    assert plain.lookup("Velor Fisheries Board") == []


def test_actor_table_keeps_order_and_identity() -> None:
    one = Actor(id="a", name="Alda Brenn", type="person")
    two = Actor(id="b", name="Bora Tesk", type="person")
    table = ActorTable({"a": one.model_dump_json(), "b": two.model_dump_json()})
    assert table["a"] == one and table["a"] is table["a"]
    assert table.get("missing") is None and "b" in table and len(table) == 2
    table["a"] = two.model_copy(update={"id": "a"})  # replaced in place, order kept
    table["c"] = one.model_copy(update={"id": "c"})
    assert list(table) == ["a", "b", "c"] and table["a"].name == "Bora Tesk"


def _counting_build(calls: list[int], value: dict[str, int]) -> dict[str, int]:
    calls.append(1)
    return value


def test_cache_rebuilds_on_a_new_fingerprint_and_removes_the_old_file(tmp_path: Path) -> None:
    calls: list[int] = []
    args = (tmp_path, marshal.dumps, marshal.loads)
    assert cached("thing", "aaaa", lambda: _counting_build(calls, {"x": 1}), *args) == {"x": 1}
    assert cached("thing", "aaaa", lambda: _counting_build(calls, {"x": 2}), *args) == {"x": 1}
    assert len(calls) == 1  # the second call read the file
    assert cached("thing", "bbbb", lambda: _counting_build(calls, {"x": 3}), *args) == {"x": 3}
    assert sorted(p.name for p in tmp_path.glob("*.bin")) == ["thing-bbbb.bin"]


def test_a_damaged_cache_file_is_rebuilt(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "thing-cccc.bin").write_bytes(b"not marshal data")
    with caplog.at_level(logging.WARNING, logger="communique.data_cache"):
        value = cached("thing", "cccc", lambda: {"x": 4}, tmp_path, marshal.dumps, marshal.loads)
    assert value == {"x": 4} and "rebuilding thing" in caplog.text
    assert marshal.loads((tmp_path / "thing-cccc.bin").read_bytes()) == {"x": 4}


def test_an_unwritable_cache_folder_still_gives_the_structure(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")  # a file where the folder should be
    with caplog.at_level(logging.WARNING, logger="communique.data_cache"):
        value = cached("thing", "dddd", lambda: [1, 2], blocked, marshal.dumps, marshal.loads)
    assert value == [1, 2] and "cannot cache thing" in caplog.text


def test_compiled_event_lexicon_is_the_built_one(tmp_path: Path) -> None:
    from communique.events import lexicon as lexicon_module

    built = lexicon_module._shipped()
    first = lexicon_module._load((), str(tmp_path))
    lexicon_module._load.cache_clear()
    read = lexicon_module._load((), str(tmp_path))
    assert read is not first
    for lexicon in (first, read):
        assert lexicon.index == built.index and lexicon.cameo == built.cameo
        assert (lexicon.version, lexicon.discard_prefixes) == (
            built.version,
            built.discard_prefixes,
        )

    def layers(lexicon: lexicon_module.Lexicon) -> list[int]:  # keyed by id(): by position
        return [lexicon.layers[id(t)] for t in lexicon_module._in_order(lexicon)]

    assert layers(read) == layers(built) and set(layers(built)) == {0, 1}


def test_cached_language_model_ranks_as_the_shipped_one(tmp_path: Path) -> None:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from communique.ingest import language

    shipped = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    texts = [
        "The council of Velor voted on Tuesday to extend the fishing ban by a year.",
        "Le conseil a voté mardi la prolongation de l'interdiction de pêche.",
        "El consejo votó el martes para prolongar la prohibición de pesca.",
    ]
    for _ in range(2):  # built into the cache, then read back from it
        language._identifier.cache_clear()
        cached_model = language._identifier(str(tmp_path))
        assert [cached_model.rank(t) for t in texts] == [shipped.rank(t) for t in texts]
