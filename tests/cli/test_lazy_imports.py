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
ANALYSIS = (
    "spacy",
    "thinc",
    "datasketch",
    "numpy",
    "dateparser",
    "ray",
    # communique's own analysis packages: their data machinery (YAML, pydantic adapters)
    "communique.actors",
    "communique.places",
    "communique.events",
    "communique.cluster",
)
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


def test_stats_show_and_articles_load_only_the_store(
    tmp_path: Path, store_with_one_article: tuple[str, str]
) -> None:
    db, article_id = store_with_one_article
    for args in (
        ("stats", "--db", db),
        ("stats", "--db", db, "--json"),
        ("show", article_id, "--db", db),
        ("show", article_id, "--db", db, "--json"),
        ("articles", "--db", db),
        ("articles", "--db", db, "--json"),
    ):
        code, loaded = command_imports(tmp_path, *args)
        assert code == 0, args
        assert not set(loaded) & set(ANALYSIS + SERVING), (args, loaded)
        assert "sqlalchemy" in loaded  # the store was really opened
        assert "alembic" not in loaded  # already at the newest migration: nothing to run


def test_the_newest_migration_is_read_as_alembic_reads_it(tmp_path: Path) -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from sqlalchemy import create_engine

    from communique.store import MIGRATIONS
    from communique.store.migration_head import at_head, head_revision

    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    assert head_revision() == ScriptDirectory.from_config(config).get_current_head()

    engine = create_engine(f"sqlite:///{tmp_path / 'fresh.db'}")
    with engine.begin() as connection:
        assert not at_head(connection)  # an empty database: alembic must create everything
    engine.dispose()
    with Store.open(str(tmp_path / "fresh.db")):
        pass
    engine = create_engine(f"sqlite:///{tmp_path / 'fresh.db'}")
    with engine.begin() as connection:
        assert at_head(connection)
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '0001'")
        assert not at_head(connection)  # an older store is upgraded by alembic, as before
    engine.dispose()


def test_a_merge_or_an_unreadable_migration_leaves_the_decision_to_alembic(
    tmp_path: Path,
) -> None:
    from communique.store.migration_head import head_revision

    (tmp_path / "a.py").write_text('revision: str = "a"\ndown_revision: str | None = None\n')
    (tmp_path / "b.py").write_text('revision: str = "b"\ndown_revision: str | None = "a"\n')
    assert head_revision(tmp_path) == "b"
    (tmp_path / "c.py").write_text('revision: str = "c"\ndown_revision = ("a", "b")\n')
    assert head_revision(tmp_path) is None
    (tmp_path / "c.py").write_text('revision = make_id()\ndown_revision = "b"\n')
    assert head_revision(tmp_path) is None


def test_the_public_api_still_resolves_lazily() -> None:
    import communique

    assert callable(communique.ingest) and callable(communique.export)
    assert communique.Store is Store
    with communique.open_store(":memory:") as store:
        assert store.stats()["articles"] == 0
