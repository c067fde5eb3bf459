"""The ``communique`` command: a thin shell over the Python API.

Each command parses its options, calls one function of the API
(``communique.run``, ``communique.ingest``, ``communique.export``, ...), shows
progress and maps errors to exit codes. ``--json`` prints what the function
returned. Exit codes scripts can trust:

    0  success
    1  finished, but some documents failed (each is recorded in the store and listed)
    2  bad usage or configuration (unknown option value, export kind, missing file)
    3  the store could not be opened, read or written, or has no such record

This module builds the command line and registers every command, in the
order ``communique --help`` lists them. The commands live by job:
``analysis`` (run, ingest, eval, cluster, reanalyse), ``reading`` (the
read-only stats, articles, show, quotes search), ``actors`` (the knowledge
base) and ``serving`` (export, serve); what they share (options, consoles,
error mapping) is ``shared``. Every command imports its heavy modules only
when it runs, so that ``--help`` and the read-only commands start fast
(issue 14).
"""

from __future__ import annotations

from typing import Annotated

import typer

from communique.cli import actors, analysis, reading, serving
from communique.cli.shared import EXIT_OK, EXIT_PARTIAL, EXIT_STORE, EXIT_USAGE, out

__all__ = ["EXIT_OK", "EXIT_PARTIAL", "EXIT_STORE", "EXIT_USAGE", "app", "main"]

# Help is plain text (no Rich markup): Rich read "[default: ...]" and "[communique]" in the
# help strings as markup tags and dropped them.
app = typer.Typer(
    help="Turn political news reports into verifiable event data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
actors_app = typer.Typer(
    help="Search and extend the actor knowledge base.", no_args_is_help=True, rich_markup_mode=None
)
quotes_app = typer.Typer(
    help="Search quotes in a store.", no_args_is_help=True, rich_markup_mode=None
)
app.add_typer(actors_app, name="actors")
app.add_typer(quotes_app, name="quotes")


def _print_version(value: bool) -> None:
    if value:
        from communique import __version__

        out.print(f"communique {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Print the version and exit.", is_eager=True, callback=_print_version
        ),
    ] = False,
) -> None:
    """Turn political news reports into verifiable event data."""


app.command()(analysis.run)
app.command()(analysis.ingest)
app.command()(serving.export)
app.command(name="eval")(analysis.eval_)
app.command()(analysis.cluster)
app.command()(reading.stats)
app.command()(analysis.reanalyse)
app.command()(reading.articles)
app.command()(reading.show)
actors_app.command("search")(actors.search_actors)
actors_app.command("import")(actors.import_actors)
quotes_app.command("search")(reading.quotes_search)
app.command()(serving.serve)


def main() -> None:
    app()
