"""Articles of our own writing and two ``communique run`` processes at once on one store.

Shared by ``test_concurrent_writers`` (SQLite) and ``tests/pg`` (PostgreSQL):
``write_articles`` writes short reports sharing actors into a folder;
``run_at_once`` starts real ``communique run`` processes on them (batches of
two, so that the runs' commits interleave); ``table_counts`` is what a
store holds, to compare with a clean single run.
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


def table_counts(db: str) -> dict[str, Any]:
    """Article ids and row counts of the analysis tables."""
    tables = [schema.articles, schema.article_sources, schema.events, schema.quotes]
    tables += [schema.mentions, schema.timexes, schema.actors, schema.failures]
    with Store.open(db) as store:

        def read(connection: Any) -> dict[str, Any]:
            return {t.name: connection.scalar(select(func.count()).select_from(t)) for t in tables}

        return {"ids": sorted(store.article_ids()), **store.read(read)}
