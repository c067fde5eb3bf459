"""Adding an article costs the same whatever the size of the store (issue 13): a new
article is scored only against the stored articles that share at least two of its
blocking keys, at most ``incremental.CANDIDATES`` of them, those sharing most first.
An article sharing one rare word by chance is not read at all."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.cluster.builders import Reports, groups, person

from communique.cluster import incremental, update_clusters
from communique.config import Settings
from communique.model import Document
from communique.store import Store

SETTINGS = Settings()
CAST = Reports(person("oduya", "Marten Oduya", "KEN"), person("varga", "Ilse Varga", "HUN"))


def inspection(doc_id: str, text: str) -> Document:
    return CAST.document(doc_id, text, "2022-05-04", [])


FIRST = inspection(
    "first",
    "Marten Oduya inspected the flooded terraces of the Tarvik vineyard with two hydrologists. "
    "Oduya said the drainage channels had collapsed after the storm and the harvest was lost.",
)
# shares one word with the late report, by chance
AUCTION = inspection(
    "auction",
    "An auction of rare stamps raised money for a rural school; an old barometer sold too.",
)
# shares the participant and a few words only (another year)
LIBRARY = CAST.document(
    "library",
    "Marten Oduya opened a school library in the capital and spoke about books, not about the "
    "harvest or the drainage.",
    "2023-09-12",
    [],
)
LATE = inspection(
    "late",
    "Hydrologists with Marten Oduya found the Tarvik vineyard drainage channels collapsed and "
    "the flooded terraces ruined; a barometer fell and Oduya called the harvest lost.",
)


def read_when_adding_late(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stored: list[Document]
) -> tuple[set[str], list[list[str]]]:
    """The stored articles whose features are read when ``LATE`` is added, and the stories."""
    tmp_path.mkdir(exist_ok=True)
    with Store.open(str(tmp_path / "scale.db")) as store:
        for document in stored:
            store.save_documents([document])
            update_clusters(store, settings=SETTINGS)
        loaded: set[str] = set()
        original = store.cluster_features

        def spy(ids: Any) -> Any:
            ids = set(ids)
            loaded.update(ids)
            return original(ids)

        monkeypatch.setattr(store, "cluster_features", spy)
        store.save_documents([LATE])
        update_clusters(store, settings=SETTINGS)
        return loaded, groups(store.clusters(), "story")


def test_an_article_sharing_one_word_by_chance_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded, stories = read_when_adding_late(tmp_path, monkeypatch, [FIRST, AUCTION])
    assert loaded == {"first"}
    assert ["first", "late"] in stories and ["auction"] in stories


def test_one_shared_word_was_a_candidate_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the same store with one shared key enough: the auction report is read (so the
    # test above measures the rule, not a word that happens not to be a key)
    monkeypatch.setattr(incremental, "SHARED_KEYS", 1)
    loaded, _stories = read_when_adding_late(tmp_path, monkeypatch, [FIRST, AUCTION])
    assert loaded == {"first", "auction"}


def test_the_candidates_sharing_most_keys_come_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # both stored reports share the participant and some words with the late one; the
    # library opening shares fewer, and is left out when one candidate is the limit
    loaded, stories = read_when_adding_late(tmp_path / "all", monkeypatch, [FIRST, LIBRARY])
    assert loaded == {"first", "library"}
    monkeypatch.setattr(incremental, "CANDIDATES", 1)
    loaded, stories = read_when_adding_late(tmp_path, monkeypatch, [FIRST, LIBRARY])
    assert loaded == {"first"}
    assert ["first", "late"] in stories and ["library"] in stories
