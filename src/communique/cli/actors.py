"""The knowledge-base commands: ``actors search`` and ``actors import``.

They read (and, for ``import``, extend) the actor knowledge base of
``communique.actors.kb``, not a store; ``import`` saves the actors in
``actors_dir`` so that every later run uses them. ``communique.cli``
registers them under ``communique actors``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from communique.cli.shared import ConfigOption, JsonOption, guard, out, print_json
from communique.config import load_settings


def search_actors(
    name: Annotated[str, typer.Argument(help="A name, alias or part of one.")],
    as_json: JsonOption = False,
    limit: Annotated[int, typer.Option("--limit", help="At most this many actors.")] = 20,
    config: ConfigOption = None,
) -> None:
    """Find actors in the knowledge base by name or alias."""
    from communique.actors.kb import KnowledgeBase, search

    settings = guard(lambda: load_settings(config))
    found = search(KnowledgeBase.load(settings.actors_file, settings.actors_dir), name)[:limit]
    if as_json:
        print_json([actor.model_dump() for actor in found])
        return
    table = Table("id", "name", "type", "country", "sector", "roles")
    for actor in found:
        roles = "; ".join(f"{r.title} ({r.start or '?'}–{r.end or ''})" for r in actor.roles[-3:])
        cells = [actor.id, actor.name, actor.type, actor.country or "", actor.sector or "", roles]
        table.add_row(*map(escape, cells))
    out.print(table)


def import_actors(
    path: Annotated[Path, typer.Argument(help="YAML or CSV file of actors.")],
    as_json: JsonOption = False,
    check: Annotated[bool, typer.Option("--check", help="Only validate; save nothing.")] = False,
    config: ConfigOption = None,
) -> None:
    """Add or override actors from a YAML/CSV file; they are used from the next run on."""
    from communique.actors.kb import import_file, save_imported

    settings = guard(lambda: load_settings(config))
    actors = guard(lambda: import_file(path))
    saved = None if check else guard(lambda: save_imported(actors, settings.actors_dir, path))
    if as_json:
        print_json([actor.model_dump() for actor in actors])
        return
    saved_to = f", saved to {escape(str(saved))}" if saved else ""
    out.print(f"{len(actors)} actors read from {escape(str(path))}{saved_to}")
