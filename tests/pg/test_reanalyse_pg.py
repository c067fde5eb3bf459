"""``reanalyse`` on PostgreSQL: a store of an older lexicon becomes a fresh run's, row for row.

The same reports and older trigger lexicon as ``tests/store/test_provenance.py``
(SQLite); here both stores are PostgreSQL databases (migration 0006, the
version upsert and the per-batch replacement on the other engine).
"""

from __future__ import annotations

from pathlib import Path

from tests.pg.server import PostgresServer
from tests.store.test_provenance import OLD_LEXICON, REPORTS, analysis_rows, write_reports

from communique.config import Settings
from communique.pipeline import run
from communique.reanalyse import reanalyse
from communique.store import Store
from communique.store.provenance import current_provenance


def test_reanalysing_an_older_postgres_store_gives_the_rows_of_a_fresh_run(
    postgres: PostgresServer, settings: Settings, tmp_path: Path
) -> None:
    reports, metadata = write_reports(tmp_path / "reports")
    lexicon = tmp_path / "old-triggers.yaml"
    lexicon.write_text(OLD_LEXICON, encoding="utf-8")
    older, fresh = postgres.create_database("older"), postgres.create_database("fresh")
    old_settings = settings.model_copy(update={"db": older, "event_lexicon_file": [str(lexicon)]})
    run([reports], settings=old_settings, metadata=metadata)
    run([reports], settings=settings.model_copy(update={"db": fresh}), metadata=metadata)
    expected = analysis_rows(fresh)
    assert analysis_rows(older)["events"] != expected["events"]

    current = settings.model_copy(update={"db": older})
    with Store.open(older) as store:
        assert store.stale_count(current_provenance(current).version) == len(REPORTS)
    summary = reanalyse(settings=current, older=True)

    assert (summary.reanalysed, summary.failed, summary.stale) == (len(REPORTS), 0, 0)
    assert analysis_rows(older) == expected
