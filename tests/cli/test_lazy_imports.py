"""Start-up stays light: the read-only commands never import the analysis or serving stacks.

Issue 14: every command used to import spaCy, SQLAlchemy, FastAPI and
datasketch at module level, so ``communique --help`` took 3-4 s. Each test runs
one command in a fresh interpreter (the test process has long imported
everything) and lists which heavy libraries that interpreter loaded. No timing
is asserted: the modules loaded are what decides the time, and they are
deterministic.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from communique.ingest import from_text
from communique.store import Store

# The libraries that cost most of the old start-up (``python -X importtime``).
ANALYSIS = ("spacy", "thinc", "datasketch", "numpy", "dateparser", "ray")
SERVING = ("fastapi", "starlette", "uvicorn", "pyarrow")
STORE = ("sqlalchemy", "alembic")

RUN_COMMAND = """
import json, sys
from communique.cli import main
result, sys.argv = sys.argv[1], ["communique", *sys.argv[2:]]
try:
    main()
    code = 0
except SystemExit as exit:
    code = exit.code
heavy = {heavy}
loaded = sorted(name for name in heavy if name in sys.modules)
with open(result, "w") as out:
    json.dump({{"code": code, "loaded": loaded}}, out)
"""


def command_imports(tmp_path: Path, *args: str) -> tuple[int, list[str]]:
    """Run ``communique ARGS`` in a fresh interpreter; its exit code and the heavy modules it loaded."""
    result = tmp_path / "result.json"
    script = RUN_COMMAND.format(heavy=repr(ANALYSIS + SERVING + STORE))
    subprocess.run(
        [sys.executable, "-c", script, str(result), *args],
        check=True,
        capture_output=True,
        timeout=120,
    )
    found = json.loads(result.read_text(encoding="utf-8"))
    return found["code"], found["loaded"]


def test_importing_the_package_loads_no_heavy_library() -> None:
    script = (
        "import sys, communique, communique.cli; "
        f"print([m for m in {ANALYSIS + SERVING + STORE!r} if m in sys.modules])"
    )
    printed = subprocess.run(
        [sys.executable, "-c", script], check=True, capture_output=True, text=True, timeout=120
    ).stdout
    assert printed.strip() == "[]"


def test_help_loads_no_heavy_library(tmp_path: Path) -> None:
    code, loaded = command_imports(tmp_path, "--help")
    assert code == 0
    assert loaded == []


@pytest.fixture
def store_with_one_article(tmp_path: Path) -> tuple[str, str]:
    db = str(tmp_path / "lazy.db")
    document = from_text(
        "The harbour council met the fishing union in Tromsø on Friday.", source="lazy.txt"
    )
    with Store.open(db) as store:
        store.save_documents([document])
    return db, document.id


def test_stats_and_show_load_only_the_store(
    tmp_path: Path, store_with_one_article: tuple[str, str]
) -> None:
    db, article_id = store_with_one_article
    for args in (("stats", "--db", db), ("show", article_id, "--db", db, "--json")):
        code, loaded = command_imports(tmp_path, *args)
        assert code == 0, args
        assert not set(loaded) & set(ANALYSIS + SERVING), (args, loaded)
        assert "sqlalchemy" in loaded  # the store was really opened


def test_the_public_api_still_resolves_lazily() -> None:
    import communique

    assert callable(communique.ingest) and callable(communique.export)
    assert communique.Store is Store
    with communique.open_store(":memory:") as store:
        assert store.stats()["articles"] == 0
