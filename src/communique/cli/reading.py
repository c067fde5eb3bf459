"""The read-only commands over a store: ``stats``, ``articles``, ``show``, ``quotes search``.

They open an existing store (never create one), read, and print a table or
``--json``. They must stay fast (issue 14, ``tests/cli/test_lazy_imports.py``):
only the store, and the listing, rendering or search code they call, is
imported, never spaCy, the analysis stages or the serving stack.
``communique.cli`` registers them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table

from communique.cli.shared import (
    ConfigOption,
    DbOption,
    JsonOption,
    OutletOption,
    SinceOption,
    UntilOption,
    err,
    guard,
    iso_date,
    out,
    print_json,
    read_store,
)
from communique.config import load_settings

if TYPE_CHECKING:
    from communique.store import Store


def stats(db: DbOption = None, as_json: JsonOption = False, config: ConfigOption = None) -> None:
    """Count what the store holds, and how many analyses are older than the code and data."""
    from communique.store.provenance import current_provenance

    settings = guard(lambda: load_settings(config, db=db))

    def count(store: Store) -> dict[str, int]:
        # events counted once per event cluster, near-duplicate copies left out
        counts = {**store.stats(), "distinct_events": store.distinct_events()}
        # articles analysed by other code, data or settings (`communique reanalyse --older`)
        counts["stale_analyses"] = store.stale_count(current_provenance(settings).version)
        return counts

    counts = read_store(settings.db, count)
    if as_json:
        print_json(counts)
        return
    table = Table(title=escape(settings.db), show_header=False)
    for key, value in counts.items():
        table.add_row(key, str(value))
    out.print(table)


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

    settings = guard(lambda: load_settings(config, db=db))
    # The listing behind REST /articles and the explorer, so all three agree.
    wanted = ArticleFilters(q=title, outlet=outlet, published_from=since, published_to=until)
    found = read_store(
        settings.db,
        lambda store: store.read(lambda c: list_articles(c, wanted, "-published", None, limit)[0]),
    )
    if as_json:
        print_json(found)
        return
    table = Table("id", "published", "outlet", "title", "status")
    for item in found:
        cells = [item["id"], item["published"], item["outlet"], item["title"], item["status"]]
        table.add_row(*(escape(str(cell or "")) for cell in cells))
    out.print(table)
    if not found:
        err.print("no article matches")


def show(
    article_id: Annotated[str, typer.Argument(help="Article id (see `communique articles`).")],
    db: DbOption = None,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """Print one article with its actors, events, quotes and dates marked."""
    from communique.render import render_document

    settings = guard(lambda: load_settings(config, db=db))
    document = read_store(settings.db, lambda store: store.load_document(article_id))
    if as_json:
        print_json(document.model_dump(exclude={"original", "offset_map"}))
        return
    render_document(document, out)


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
            callback=iso_date,
        ),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(
            "--until",
            help="Articles published on or before this day, month or year.",
            callback=iso_date,
        ),
    ] = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many quotes.", min=1)] = 20,
    db: DbOption = None,
    as_json: JsonOption = False,
    config: ConfigOption = None,
) -> None:
    """Full-text search of the quotes in a store, newest article first."""
    from communique.store.search import QuotePage, search_quotes

    settings = guard(lambda: load_settings(config, db=db))
    found: QuotePage = read_store(
        settings.db,
        lambda store: search_quotes(
            store, text, speaker=speaker, since=since, until=until, limit=limit
        ),
    )
    if as_json:
        print_json(found.items)
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
