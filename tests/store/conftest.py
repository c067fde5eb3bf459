"""The ``store`` fixture of the store tests: SQLite in a file and in memory.

``tests/pg`` collects the tests that take ``store`` again with a PostgreSQL store.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from communique.store import Store


@pytest.fixture(params=["file", "memory"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    target = str(tmp_path / "c.db") if request.param == "file" else ":memory:"
    with Store.open(target) as opened:
        yield opened
