"""Fixtures of the browser tests: Debian's chromium driven by Playwright, a live server.

``site`` serves the sample store (``tests/rest/live.fill``) with the real
application under uvicorn; ``page`` opens a fresh browser context (1280 px
wide unless a test sets another size) and fails the test on any script error.
``shot`` writes full-page screenshots to tests/artifacts/ (gitignored).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.rest.live import fill, live_server, need
from tests.web import newsroom

from communique.model import Document
from communique.rest import create_app
from communique.store import Store

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
TOKEN = "browser-test-token"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    need("chromium", os.access(CHROMIUM, os.X_OK))
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def site(
    tmp_path_factory: pytest.TempPathFactory, context: Any
) -> Iterator[tuple[str, list[Document], str]]:
    db = str(tmp_path_factory.mktemp("web") / "c.db")
    docs = fill(db)
    with live_server(create_app(db, token=TOKEN, context=context)) as url:
        yield url, docs, db


@pytest.fixture(scope="module")
def newsroom_site(
    tmp_path_factory: pytest.TempPathFactory, context: Any
) -> Iterator[tuple[str, dict[str, Document]]]:
    """The newsroom's reports (``tests/web/newsroom.py``) served as ``site`` serves the samples."""
    db = str(tmp_path_factory.mktemp("newsroom") / "n.db")
    docs = newsroom.documents()
    with Store.open(db) as store:
        store.save_documents(list(docs.values()))
        store.replace_clusters(["story", "event", "duplicate"], newsroom.clusters(docs))
    with live_server(create_app(db, token=TOKEN, context=context)) as url:
        yield url, docs


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    # A resource the Content-Security-Policy blocked is reported on the console only.
    opened.on(
        "console",
        lambda message: (
            errors.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    opened.tolerated = []  # parts of messages a test expects (and explains)
    yield opened
    context.close()
    unexpected = [e for e in errors if not any(part in e for part in opened.tolerated)]
    assert unexpected == [], unexpected  # no script error, nothing blocked, on any page


def shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
