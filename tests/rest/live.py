"""Helpers shared by the REST, web and PostgreSQL tests: a filled store and a live server.

``fill`` saves the hand-made Documents of ``tests/store/samples.py`` (texts of
our own writing) with their clusters; ``LiveServer`` runs the real
application under uvicorn in a thread on a free loopback port, as
``communique serve`` does, so tests talk HTTP to a real server.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI
from tests.store import samples

from communique.model import Document
from communique.store import Store


def fill(url: str) -> list[Document]:
    docs = samples.documents()
    with Store.open(url) as store:
        store.save_documents(docs)
        store.replace_clusters(["story", "event", "duplicate"], samples.clusters(docs))
    return docs


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def live_server(app: FastAPI) -> Iterator[str]:
    """Serve ``app`` with uvicorn on 127.0.0.1 in a thread; yield its base URL."""
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def need(what: str, present: bool) -> None:
    """Skip when a system dependency is missing locally; fail under CI (CI=true)."""
    if present:
        return
    message = f"{what} is not installed: run scripts/install-system-deps.sh"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message)
    pytest.skip(message)


def strip(record: dict[str, Any], fields: dict[str, Any]) -> dict[str, Any]:
    """A record reduced to the export contract's fields (the API adds a few)."""
    return {name: record[name] for name in fields}
