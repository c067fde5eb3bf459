"""The commands that hand a store's contents to other programs: ``export`` and ``serve``.

``export`` writes one kind of record in the export contract
(``communique.export``); ``serve`` runs the REST API and the web explorer
(``communique.rest``) under uvicorn. Both import what they need only when
they run. ``communique.cli`` registers them.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from communique.cli.shared import ConfigOption, DbOption, err, guard, require_existing_store
from communique.config import load_settings


def export(
    kind: Annotated[
        str, typer.Argument(help="articles, events, quotes, mentions, timexes, actors or clusters.")
    ],
    db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv or parquet.")] = "jsonl",
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Output file [default: stdout].")
    ] = None,
    config: ConfigOption = None,
) -> None:
    """Write one kind of record in the export contract."""
    from communique.export import export as write_export
    from communique.store import Store

    settings = guard(lambda: load_settings(config, db=db))
    require_existing_store(settings.db)

    def go() -> int:
        with Store.open(settings.db) as store:
            if output is None:
                return write_export(store, kind, fmt, sys.stdout.buffer)
            return write_export(store, kind, fmt, output)

    count = guard(go)
    if output is not None:
        err.print(f"{count} {kind} → {escape(str(output))}")


def serve(
    db: DbOption = None,
    host: Annotated[
        str | None, typer.Option("--host", help="Address to listen on [default: 127.0.0.1].")
    ] = None,
    port: Annotated[int | None, typer.Option("--port", help="Port [default: 8000].")] = None,
    config: ConfigOption = None,
) -> None:
    """Serve the REST API and the web explorer over a store."""
    import uvicorn

    from communique.rest import create_app

    settings = guard(lambda: load_settings(config, db=db, host=host, port=port))
    require_existing_store(settings.db)
    api = guard(
        lambda: create_app(
            settings.db,
            token=settings.token,
            allow_remote=settings.allow_remote,
            allowed_hosts=settings.allowed_hosts,
        )
    )
    address = f"http://{escape(settings.host)}:{settings.port}/"
    err.print(f"serving {escape(settings.db)} on {address}")
    uvicorn.run(api, host=settings.host, port=settings.port, log_level="info")
