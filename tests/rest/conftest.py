"""A store filled with the sample documents, the application over it, and an HTTP client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from tests.rest.live import fill, live_server

from communique.model import Document
from communique.rest import create_app

TOKEN = "s3cret-test-token"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(tmp_path_factory.mktemp("rest") / "c.db")


@pytest.fixture(scope="module")
def docs(db: str) -> list[Document]:
    return fill(db)


@pytest.fixture(scope="module")
def base_url(db: str, docs: list[Document]) -> Iterator[str]:
    with live_server(create_app(db, token=TOKEN)) as url:
        yield url


@pytest.fixture()
def client(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, timeout=30) as http:
        yield http


@pytest.fixture()
def fresh_db(tmp_path: Path) -> str:
    """A store of its own, for tests that write."""
    db = str(tmp_path / "w.db")
    fill(db)
    return db
