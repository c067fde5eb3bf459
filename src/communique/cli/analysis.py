"""The commands that read and analyse: ``run``, ``ingest``, ``eval``, ``cluster``, ``reanalyse``.

Each wraps one function of the API (``communique.pipeline.run``,
``communique.ingest.read``, ``communique.evaluate.evaluate``,
``communique.cluster``, ``communique.reanalyse``) and imports it, with spaCy
and the analysis stages behind it, only when the command runs.
``communique.cli`` registers them.
"""

from __future__ import annotations

import json
import sys
from functools import partial
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from communique.cli.shared import (
    EXIT_OK,
    EXIT_PARTIAL,
    ConfigOption,
    DbOption,
    JsonOption,
    OutletOption,
    SinceOption,
    UntilOption,
    document_progress,
    err,
    guard,
    out,
    print_json,
    require_existing_store,
)
from communique.config import Settings, load_settings


def run(
    inputs: Annotated[list[Path], typer.Argument(help="Files or directories to read.")],
    db: DbOption = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            help=f"Processes that analyse documents [default: {Settings.model_fields['workers'].default}].",
        ),
    ] = None,
    engine: Annotated[
        str | None,
        typer.Option("--engine", help="local (this machine's processes) or ray [default: local]."),
    ] = None,
    address: Annotated[
        str | None,
        typer.Option("--address", help="Existing Ray cluster to run on (with --engine ray)."),
    ] = None,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """Read, analyse and store articles, then update clusters."""
    from communique.pipeline import run as run_pipeline

    engine = engine or ("ray" if address else None)  # an address only means something to Ray
    settings = guard(
        lambda: load_settings(config, db=db, workers=workers, engine=engine, ray_address=address)
    )
    with document_progress("analysing", not as_json and sys.stderr.isatty()) as advance:
        summary = guard(lambda: run_pipeline(inputs, settings=settings, progress=advance))
    if as_json:
        print_json(summary.to_dict())
    else:
        table = Table(title=f"communique run → {escape(summary.db)}", show_header=False)
        for key in ("read", "added", "skipped", "not_english", "failed"):
            table.add_row(key.replace("_", " "), str(getattr(summary, key)))
        table.add_section()
        for key in ("articles", "events", "quotes", "actors", "clusters", "seconds"):
            table.add_row(key, str(getattr(summary, key)))
        out.print(table)
        for failure in summary.failures:
            err.print(f"[yellow]failed[/yellow] {escape(failure['message'])}")
    raise typer.Exit(EXIT_PARTIAL if summary.failed else EXIT_OK)


def ingest(
    inputs: Annotated[list[Path], typer.Argument(help="Files or directories to read.")],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write JSON lines here [default: stdout].")
    ] = None,
    config: ConfigOption = None,
) -> None:
    """Read and clean inputs without analysing them: one JSON line per document.

    Shows what the pipeline will analyse (cleaned text, title, outlet, date,
    language); failures go to stderr with the input they concern.
    """
    from communique.ingest import read
    from communique.model import Failure

    settings = guard(lambda: load_settings(config))
    failed = 0
    stream = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        for item in read(inputs, settings=settings):
            if isinstance(item, Failure):
                failed += 1
                err.print(f"[yellow]failed[/yellow] {escape(item.message)}")
                continue
            record = item.model_dump(
                include={
                    "id",
                    "file",
                    "url",
                    "outlet",
                    "published",
                    "published_source",
                    "title",
                    "language",
                    "status",
                    "text",
                }
            )
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        if output:
            stream.close()
    raise typer.Exit(EXIT_PARTIAL if failed else EXIT_OK)


def eval_(
    directories: Annotated[
        list[Path], typer.Argument(help="Folders with articles/ and gold/; each is reported.")
    ],
    as_json: JsonOption = False,
    errors: Annotated[
        bool, typer.Option("--errors", help="List missed and spurious items.")
    ] = False,
    config: ConfigOption = None,
) -> None:
    """Run the pipeline on DIR/articles and score it against DIR/gold, for each DIR.

    With one DIR, --json prints its scores; with several, an object of scores by DIR.
    """
    from communique.evaluate import evaluate

    settings = guard(lambda: load_settings(config))
    found: dict[str, Any] = {}
    for directory in directories:
        report = guard(partial(evaluate, directory, settings=settings, errors=errors))
        found[str(directory)] = (
            {**report.scores, "errors": report.errors} if errors else report.scores
        )
        if not as_json:
            out.print(report.to_table(title=str(directory)))
            if errors:
                out.print(report.errors_table())
    if as_json:
        print_json(found[str(directories[0])] if len(directories) == 1 else found)


def cluster(
    db: DbOption = None,
    again: Annotated[
        bool,
        typer.Option("--all", help="Cluster every stored article again from scratch."),
    ] = False,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """Cluster the stored articles that are not clustered yet (--all: every article again).

    Users' merges and splits are kept. A run does this at its end; this command
    repairs a store whose run was killed before clustering finished.
    """
    from communique.cluster import recluster, update_clusters
    from communique.store import Store

    settings = guard(lambda: load_settings(config, db=db))

    def go() -> dict[str, int]:
        with Store.open(settings.db) as store:
            if again:
                clustered = recluster(store, settings=settings)
            else:
                clustered = update_clusters(store, settings=settings)
            return {"clustered": clustered, "clusters": store.stats()["clusters"]}

    counts = guard(go)
    if as_json:
        print_json(counts)
    else:
        out.print(f"clustered {counts['clustered']} articles; {counts['clusters']} clusters")


def reanalyse(
    db: DbOption = None,
    outlet: OutletOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    older: Annotated[
        bool,
        typer.Option(
            "--older", help="Only articles analysed by other code or data than the current."
        ),
    ] = False,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """Analyse stored articles again with the current code and data, then re-cluster.

    Article ids and users' merges and splits are kept; a document that fails
    keeps its previous analysis and is recorded as a failure.
    """
    from communique.reanalyse import reanalyse as reanalyse_store

    settings = guard(lambda: load_settings(config, db=db))
    require_existing_store(settings.db)
    with document_progress("re-analysing", not as_json and sys.stderr.isatty()) as advance:
        summary = guard(
            lambda: reanalyse_store(
                settings=settings,
                outlet=outlet,
                since=since,
                until=until,
                older=older,
                progress=advance,
            )
        )
    if as_json:
        print_json(summary.to_dict())
    else:
        table = Table(title=f"communique reanalyse → {escape(summary.db)}", show_header=False)
        for key in ("version", "selected", "reanalysed", "failed", "clustered", "stale", "seconds"):
            table.add_row(key, escape(str(getattr(summary, key))))
        out.print(table)
        for failure in summary.failures:
            err.print(f"[yellow]failed[/yellow] {escape(failure['message'])}")
    raise typer.Exit(EXIT_PARTIAL if summary.failed else EXIT_OK)
