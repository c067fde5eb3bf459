"""The ``communique`` command: a thin shell over the Python API.

Each command parses its options, calls one function of the API
(``communique.run``, ``communique.ingest``, ``communique.export``, ...), shows
progress and maps errors to exit codes. ``--json`` prints what the function
returned. Exit codes scripts can trust:

    0  success
    1  finished, but some documents failed (each is recorded in the store and listed)
    2  bad usage or configuration (unknown option value, export kind, missing file)
    3  the store could not be opened, read or written, or has no such record
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from communique.config import Settings, load_settings
from communique.errors import CommuniqueError, ConfigError, StoreError

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_STORE = 0, 1, 2, 3

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


def _settings(config: Path | None, **overrides: Any) -> Settings:
    return load_settings(config, **overrides)


def _guard(fn: Callable[[], T]) -> T:
    """Run one API call, turning communique errors into a message and an exit code."""
    try:
        return fn()
    except StoreError as exc:
        err.print(f"[red]error[/red] {escape(str(exc))}")
        raise typer.Exit(EXIT_STORE) from exc
    except (ConfigError, CommuniqueError) as exc:
        err.print(f"[red]error[/red] {escape(str(exc))}")
        raise typer.Exit(EXIT_USAGE) from exc


def _print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")


def _existing_store(db: str) -> None:
    """Refuse a SQLite path that names no file: reading must not create an empty store."""
    if db in (":memory:", "sqlite://") or ("://" in db and not db.startswith("sqlite")):
        return
    path = db.split(":///", 1)[1] if "://" in db else db
    if not Path(path).expanduser().exists():
        err.print(f"[red]error[/red] --db {escape(db)}: no such store (`communique run` makes one)")
        raise typer.Exit(EXIT_USAGE)


def _iso_date(value: str | None) -> str | None:
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
        callback=_iso_date,
    ),
]
UntilOption = Annotated[
    str | None,
    typer.Option(
        "--until",
        help="Only articles published on or before this day, month or year.",
        callback=_iso_date,
    ),
]


@contextmanager
def _progress(label: str, enabled: bool) -> Iterator[Callable[[int], None]]:
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


@app.command()
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
    settings = _guard(
        lambda: _settings(config, db=db, workers=workers, engine=engine, ray_address=address)
    )
    with _progress("analysing", not as_json and sys.stderr.isatty()) as advance:
        summary = _guard(lambda: run_pipeline(inputs, settings=settings, progress=advance))
    if as_json:
        _print_json(summary.to_dict())
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


@app.command()
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

    settings = _guard(lambda: _settings(config))
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


@app.command()
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

    settings = _guard(lambda: _settings(config, db=db))
    _existing_store(settings.db)

    def go() -> int:
        with Store.open(settings.db) as store:
            if output is None:
                return write_export(store, kind, fmt, sys.stdout.buffer)
            return write_export(store, kind, fmt, output)

    count = _guard(go)
    if output is not None:
        err.print(f"{count} {kind} → {escape(str(output))}")


@app.command(name="eval")
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

    settings = _guard(lambda: _settings(config))
    found: dict[str, Any] = {}
    for directory in directories:
        report = _guard(partial(evaluate, directory, settings=settings, errors=errors))
        found[str(directory)] = (
            {**report.scores, "errors": report.errors} if errors else report.scores
        )
        if not as_json:
            out.print(report.to_table(title=str(directory)))
            if errors:
                out.print(report.errors_table())
    if as_json:
        _print_json(found[str(directories[0])] if len(directories) == 1 else found)


@app.command()
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

    settings = _guard(lambda: _settings(config, db=db))

    def go() -> dict[str, int]:
        with Store.open(settings.db) as store:
            if again:
                clustered = recluster(store, settings=settings)
            else:
                clustered = update_clusters(store, settings=settings)
            return {"clustered": clustered, "clusters": store.stats()["clusters"]}

    counts = _guard(go)
    if as_json:
        _print_json(counts)
    else:
        out.print(f"clustered {counts['clustered']} articles; {counts['clusters']} clusters")


@app.command()
def stats(db: DbOption = None, as_json: JsonOption = False, config: ConfigOption = None) -> None:
    """Count what the store holds, and how many analyses are older than the code and data."""
    from communique.store import Store
    from communique.store.provenance import current_provenance

    settings = _guard(lambda: _settings(config, db=db))
    _existing_store(settings.db)

    def go() -> dict[str, int]:
        with Store.open(settings.db) as store:
            # events counted once per event cluster, near-duplicate copies left out
            counts = {**store.stats(), "distinct_events": store.distinct_events()}
            # articles analysed by other code, data or settings (`communique reanalyse --older`)
            counts["stale_analyses"] = store.stale_count(current_provenance(settings).version)
            return counts

    counts = _guard(go)
    if as_json:
        _print_json(counts)
        return
    table = Table(title=escape(settings.db), show_header=False)
    for key, value in counts.items():
        table.add_row(key, str(value))
    out.print(table)


@app.command()
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

    settings = _guard(lambda: _settings(config, db=db))
    _existing_store(settings.db)
    with _progress("re-analysing", not as_json and sys.stderr.isatty()) as advance:
        summary = _guard(
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
        _print_json(summary.to_dict())
    else:
        table = Table(title=f"communique reanalyse → {escape(summary.db)}", show_header=False)
        for key in ("version", "selected", "reanalysed", "failed", "clustered", "stale", "seconds"):
            table.add_row(key, escape(str(getattr(summary, key))))
        out.print(table)
        for failure in summary.failures:
            err.print(f"[yellow]failed[/yellow] {escape(failure['message'])}")
    raise typer.Exit(EXIT_PARTIAL if summary.failed else EXIT_OK)


@app.command()
def articles(
    db: DbOption = None,
    title: Annotated[
        str | None, typer.Option("--title", help="Only titles containing this text.")
    ] = None,
    outlet: OutletOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many articles.", min=1)] = 50,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """List stored articles, newest first: the ids that `show` takes."""
    from communique.rest.listings import ArticleFilters, list_articles
    from communique.store import Store

    settings = _guard(lambda: _settings(config, db=db))
    _existing_store(settings.db)
    # The listing behind REST /articles and the explorer, so all three agree.
    wanted = ArticleFilters(q=title, outlet=outlet, published_from=since, published_to=until)

    def go() -> list[dict[str, Any]]:
        with Store.open(settings.db) as store:
            return store.read(lambda c: list_articles(c, wanted, "-published", None, limit)[0])

    found = _guard(go)
    if as_json:
        _print_json(found)
        return
    table = Table("id", "published", "outlet", "title", "status")
    for item in found:
        cells = [item["id"], item["published"], item["outlet"], item["title"], item["status"]]
        table.add_row(*(escape(str(cell or "")) for cell in cells))
    out.print(table)
    if not found:
        err.print("no article matches")


@app.command()
def show(
    article_id: Annotated[str, typer.Argument(help="Article id (see `communique articles`).")],
    db: DbOption = None,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """Print one article with its actors, events, quotes and dates marked."""
    from communique.render import render_document
    from communique.store import Store

    settings = _guard(lambda: _settings(config, db=db))
    _existing_store(settings.db)

    def go() -> Any:
        with Store.open(settings.db) as store:
            return store.load_document(article_id)

    document = _guard(go)
    if as_json:
        _print_json(document.model_dump(exclude={"original", "offset_map"}))
        return
    render_document(document, out)


@actors_app.command("search")
def actors_search(
    name: Annotated[str, typer.Argument(help="A name, alias or part of one.")],
    as_json: JsonOption = False,
    limit: Annotated[int, typer.Option("--limit", help="At most this many actors.")] = 20,
    config: ConfigOption = None,
) -> None:
    """Find actors in the knowledge base by name or alias."""
    from communique.actors.kb import KnowledgeBase, search

    settings = _guard(lambda: _settings(config))
    found = search(KnowledgeBase.load(settings.actors_file, settings.actors_dir), name)[:limit]
    if as_json:
        _print_json([actor.model_dump() for actor in found])
        return
    table = Table("id", "name", "type", "country", "sector", "roles")
    for actor in found:
        roles = "; ".join(f"{r.title} ({r.start or '?'}–{r.end or ''})" for r in actor.roles[-3:])
        cells = [actor.id, actor.name, actor.type, actor.country or "", actor.sector or "", roles]
        table.add_row(*map(escape, cells))
    out.print(table)


@actors_app.command("import")
def actors_import(
    path: Annotated[Path, typer.Argument(help="YAML or CSV file of actors.")],
    as_json: JsonOption = False,
    check: Annotated[bool, typer.Option("--check", help="Only validate; save nothing.")] = False,
    config: ConfigOption = None,
) -> None:
    """Add or override actors from a YAML/CSV file; they are used from the next run on."""
    from communique.actors.kb import import_file, save_imported

    settings = _guard(lambda: _settings(config))
    actors = _guard(lambda: import_file(path))
    saved = None if check else _guard(lambda: save_imported(actors, settings.actors_dir, path))
    if as_json:
        _print_json([actor.model_dump() for actor in actors])
        return
    saved_to = f", saved to {escape(str(saved))}" if saved else ""
    out.print(f"{len(actors)} actors read from {escape(str(path))}{saved_to}")


@quotes_app.command("search")
def quotes_search(
    text: Annotated[str, typer.Argument(help="Words that must all occur in the quote (stemmed).")],
    speaker: Annotated[
        str | None,
        typer.Option("--speaker", help="Actor id, or part of a speaker's name or alias."),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            help="Articles published on or after this day, month or year (2024-03-14, 2024-03, 2024).",
            callback=_iso_date,
        ),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(
            "--until",
            help="Articles published on or before this day, month or year.",
            callback=_iso_date,
        ),
    ] = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many quotes.", min=1)] = 20,
    db: DbOption = None,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """Full-text search of the quotes in a store, newest article first."""
    from communique.store import Store
    from communique.store.search import QuotePage, search_quotes

    settings = _guard(lambda: _settings(config, db=db))
    _existing_store(settings.db)

    def go() -> QuotePage:
        with Store.open(settings.db) as store:
            return search_quotes(
                store, text, speaker=speaker, since=since, until=until, limit=limit
            )

    found = _guard(go)
    if as_json:
        _print_json(found.items)
        return
    title = f"quotes matching {escape(repr(text))}"
    table = Table("published", "speaker", "quote", "article", title=title)
    for item in found.items:
        article = item["article"]
        speaker_name = item["speaker"]["name"] if item["speaker"] else ""
        # Stored text is shown as text, never as rich markup.
        table.add_row(
            escape(article["published"] or ""),
            escape(speaker_name),
            escape(item["text"]),
            escape(f"{article['id']} {article['title'] or ''}".strip()),
        )
    out.print(table)
    if not found.items:
        err.print("no quote matches")


@app.command()
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

    settings = _guard(lambda: _settings(config, db=db, host=host, port=port))
    _existing_store(settings.db)
    api = _guard(
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


def main() -> None:
    app()
