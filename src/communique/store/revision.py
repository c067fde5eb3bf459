"""Developer tool: write a new migration after changing ``communique.store.schema``.

Not part of the pipeline. ``python -m communique.store.revision "add x"``
upgrades a scratch SQLite database to the current head, compares it with the
metadata in ``schema.py`` (alembic autogenerate) and writes the difference as
a new file under ``store/migrations/versions``; review it before committing.
"""

from __future__ import annotations

import sys

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine

from communique.store import MIGRATIONS, migrate


def main(message: str) -> None:
    engine = create_engine("sqlite://")
    with engine.begin() as connection:
        migrate(connection)
        config = Config()
        config.set_main_option("script_location", MIGRATIONS)
        config.attributes["connection"] = connection
        command.revision(config, message=message, autogenerate=True)


if __name__ == "__main__":
    main(" ".join(sys.argv[1:]) or "schema change")
