"""Articles of our own writing and two ``communique run`` processes at once on one store.

Shared by ``test_concurrent_writers`` (SQLite) and ``tests/pg`` (PostgreSQL):
``write_articles`` writes short reports sharing actors into a folder;
``run_at_once`` starts real ``communique run`` processes on them (batches of
two, so that the runs' commits interleave); ``table_counts`` is what a
store holds, to compare with a clean single run; ``stored_rows`` and
``clustering`` compare the rows themselves and the clusters.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from communique.store import Store, schema

REPORTS = [
    "The Finnish prime minister met the Estonian president in Helsinki on Monday to discuss "
    "energy links across the Gulf of Finland.",
    "Police in Lisbon arrested twelve protesters on Tuesday after a march against rent rises "
    "turned violent near the parliament.",
    "Chile's foreign minister accused Bolivia of blocking a trade corridor, officials in "
    "Santiago said on Wednesday.",
    "The Kenyan president hosted the Tanzanian president in Nairobi on Thursday, and the two "
    "leaders signed a border agreement.",
    "\u201cWe will not accept these tariffs,\u201d the Canadian trade minister told reporters "
    "in Ottawa on Friday.",
    "Thousands of farmers protested in Warsaw on Saturday against grain imports, and the "
    "Polish agriculture minister promised talks.",
    "The Japanese prime minister telephoned the South Korean president on Sunday to discuss "
    "a joint response to missile launches.",
    "Ghana's finance minister said on Monday that the government would ask the International "
    "Monetary Fund for an emergency loan.",
]


def write_articles(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for number, text in enumerate(REPORTS):
        (folder / f"report-{number}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


def run_at_once(folder: Path, stores: list[str], cluster: bool = False) -> list[dict[str, Any]]:
    """One ``communique run --json`` process per entry of ``stores``, all at once; summaries.

    A store named twice gets two concurrent runs. Starting the clean
    single run at the same time as the others also gives them the same
    code and data files to compare.

    Clustering is off unless ``cluster``: most runs here check the store's
    writes; ``test_concurrent_clustering`` checks the clustering of concurrent runs.
    """
    env = {
        **os.environ,
        "COMMUNIQUE_BATCH_SIZE": "2",
        "COMMUNIQUE_WORKERS": "1",
        "COMMUNIQUE_CLUSTER": "true" if cluster else "false",
    }
    cli = "from communique.cli import main; main()"
    started = [
        subprocess.Popen(
            [sys.executable, "-c", cli, "run", str(folder), "--db", db, "--json"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for db in stores
    ]
    summaries = []
    try:
        for process in started:
            output, errors = process.communicate(timeout=600)
            assert process.returncode == 0, errors[-3000:]
            summaries.append(json.loads(output))
    finally:
        for process in started:
            if process.poll() is None:
                process.kill()
            process.communicate()
    return summaries


# Columns that differ between two stores of the same input by design: when a row was
# written, and the autoincrement keys of append-only tables. The analysis version
# (of the code and data files) is compared by ``analysis_versions``: in a work tree
# being edited, runs a minute apart may rightly carry different ones.
WRITTEN_WHEN = {"added_at", "at", "analysis_version"}
APPEND_ONLY = {schema.article_sources.name, schema.failures.name}
CONTENT = [
    schema.articles,
    schema.article_sources,
    schema.article_actors,
    schema.sentences,
    schema.events,
    schema.quotes,
    schema.mentions,
    schema.timexes,
    schema.actors,
    schema.actor_aliases,
    schema.actor_roles,
    schema.failures,
]


def stored_rows(db: str) -> dict[str, list[str]]:
    """Every row of the content tables, as sorted JSON texts, without write times and
    append-only keys: two stores of the same input analysed by the same code are equal."""
    with Store.open(db) as store:

        def read(connection: Any) -> dict[str, list[str]]:
            found = {}
            for table in CONTENT:
                skip = WRITTEN_WHEN | ({"id"} if table.name in APPEND_ONLY else set())
                columns = [c for c in table.c if c.name not in skip]
                rows = connection.execute(select(*columns)).mappings()
                found[table.name] = sorted(json.dumps(dict(r), sort_keys=True) for r in rows)
            return found

        return store.read(read)


def analysis_versions(db: str) -> set[str | None]:
    """The analysis versions the store's articles carry."""
    column = schema.articles.c.analysis_version
    with Store.open(db) as store:
        return store.read(lambda c: set(c.scalars(select(column).distinct())))


def clustering(db: str) -> dict[str, Any]:
    """Each cluster level's partition (sorted member lists), ``distinct_events``, and
    what clustering owes: articles stored, clustered, indexed and not clustered."""
    with Store.open(db) as store:
        found: dict[str, Any] = {
            level: sorted(sorted(c.members) for c in store.clusters(level))
            for level in ("duplicate", "story", "event")
        }
        indexed = store.read(
            lambda c: c.scalar(select(func.count()).select_from(schema.cluster_features))
        )
        found |= {
            "distinct_events": store.distinct_events(),
            "stored": len(store.article_ids()),
            "clustered": store.clustered_count(),
            "indexed": indexed,
            "unclustered": store.unclustered(),
        }
        return found


def table_counts(db: str) -> dict[str, Any]:
    """Article ids and row counts of the analysis tables."""
    tables = [schema.articles, schema.article_sources, schema.events, schema.quotes]
    tables += [schema.mentions, schema.timexes, schema.actors, schema.failures]
    with Store.open(db) as store:

        def read(connection: Any) -> dict[str, Any]:
            return {t.name: connection.scalar(select(func.count()).select_from(t)) for t in tables}

        return {"ids": sorted(store.article_ids()), **store.read(read)}
