"""What every ``communique`` command shares: exit codes, consoles, options, error mapping.

The command modules (``analysis``, ``reading``, ``actors``, ``serving``)
import these; ``communique.cli`` registers the commands. Only typer, rich
and communique's settings and errors are imported here, so that
``communique --help`` and the read-only commands start fast (issue 14).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from communique.errors import CommuniqueError, ConfigError, StoreError

if TYPE_CHECKING:
    from communique.store import Store

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_STORE = 0, 1, 2, 3

out = Console()
err = Console(stderr=True)

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Store path or URL [default: $COMMUNIQUE_DB or ./communique.db]."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]
ConfigOption = Annotated[
    Path | None, typer.Option("--config", help="TOML file with a [communique] table of settings.")
]

T = TypeVar("T")


def guard(fn: Callable[[], T]) -> T:
    """Run one API call, turning communique errors into a message and an exit code."""
    try:
        return fn()
    except StoreError as exc:
        err.print(f"[red]error[/red] {escape(str(exc))}")
        raise typer.Exit(EXIT_STORE) from exc
    except (ConfigError, CommuniqueError) as exc:
        err.print(f"[red]error[/red] {escape(str(exc))}")
        raise typer.Exit(EXIT_USAGE) from exc


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")


def require_existing_store(db: str) -> None:
    """Refuse a SQLite path that names no file: reading must not create an empty store."""
    if db in (":memory:", "sqlite://") or ("://" in db and not db.startswith("sqlite")):
        return
    path = db.split(":///", 1)[1] if "://" in db else db
    if not Path(path).expanduser().exists():
        err.print(f"[red]error[/red] --db {escape(db)}: no such store (`communique run` makes one)")
        raise typer.Exit(EXIT_USAGE)


def read_store(db: str, read: Callable[[Store], T]) -> T:
    """``read`` on the existing store ``db`` (never creating one), opened for this call,
    with communique errors turned into a message and an exit code."""
    from communique.store import Store

    require_existing_store(db)

    def go() -> T:
        with Store.open(db) as store:
            return read(store)

    return guard(go)


def iso_date(value: str | None) -> str | None:
    """Option callback: an ISO day, month or year; anything else is a usage error (exit 2)."""
    if value is None:
        return None
    from communique.rest.isodates import iso_prefix

    try:
        return iso_prefix(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


# The article selection shared by `reanalyse` and `articles`.
OutletOption = Annotated[str | None, typer.Option("--outlet", help="Only articles of this outlet.")]
SinceOption = Annotated[
    str | None,
    typer.Option(
        "--since",
        help="Only articles published on or after this day, month or year.",
        callback=iso_date,
    ),
]
UntilOption = Annotated[
    str | None,
    typer.Option(
        "--until",
        help="Only articles published on or before this day, month or year.",
        callback=iso_date,
    ),
]


@contextmanager
def document_progress(label: str, enabled: bool) -> Iterator[Callable[[int], None]]:
    """A rich progress line counting documents (the total is unknown while reading)."""
    if not enabled:
        yield lambda n: None
        return
    with Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} documents"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as progress:
        task = progress.add_task(label, total=None)
        yield lambda n: progress.advance(task, n)
