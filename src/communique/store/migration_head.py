"""Whether a database is already at the newest migration, found without importing alembic.

Every ``Store.open`` brings the schema to the newest revision. Importing and
running alembic for that costs about 0.4 s, most of the start-up of the
read-only commands (``communique stats``, ``show``, ``export``); when the
database is already at the newest revision there is nothing to run. The
newest revision is read from the migration files themselves (their
``revision`` and ``down_revision`` lines); whenever that reading is not
certain (a merge, a file written another way) the answer is "not at head" and
alembic decides, as before.
"""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

VERSIONS = Path(__file__).resolve().parent / "migrations" / "versions"
_REVISION = re.compile(r'^revision(?:: str)? = "([^"]+)"$', re.MULTILINE)
_DOWN_REVISION = re.compile(r"^down_revision(?:: [^=]+)? = (.+)$", re.MULTILINE)


def head_revision(versions: Path = VERSIONS) -> str | None:
    """The one revision no other migration builds on; None when that is not certain."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in versions.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        revision = _REVISION.findall(source)
        down = _DOWN_REVISION.findall(source)
        if len(revision) != 1 or len(down) != 1:
            return None
        revisions.add(revision[0])
        parent = down[0].strip()
        if parent != "None":
            if not re.fullmatch(r'"[^"]+"', parent):  # a tuple: a merge of branches
                return None
            parents.add(parent.strip('"'))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 and parents <= revisions else None


def at_head(connection: Connection) -> bool:
    """True when the database behind ``connection`` is recorded at the newest revision."""
    head = head_revision()
    if head is None or not inspect(connection).has_table("alembic_version"):
        return False
    recorded = connection.execute(text("SELECT version_num FROM alembic_version")).scalars()
    return list(recorded) == [head]
