"""The command line: every command runs against a real store and maps errors to exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from communique.cli import EXIT_OK, EXIT_STORE, EXIT_USAGE, app

EVAL_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval"

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("cli")
    shutil.copytree(FIXTURES, folder / "in")
    path = str(folder / "c.db")
    result = runner.invoke(app, ["run", str(folder / "in"), "--db", path, "--json"])
    assert result.exit_code == EXIT_OK, result.output
    summary = json.loads(result.stdout)
    assert summary["added"] == 3
    return path


@pytest.mark.parametrize(
    "kind", ["articles", "events", "quotes", "mentions", "timexes", "actors", "clusters"]
)
def test_export_every_kind_as_jsonl(db: str, kind: str) -> None:
    result = runner.invoke(app, ["export", kind, "--db", db, "--format", "jsonl"])
    assert result.exit_code == EXIT_OK, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    if kind in {"articles", "events", "actors", "mentions"}:
        assert lines, kind


def test_export_to_file_in_each_format(db: str, tmp_path: Path) -> None:
    for fmt in ("jsonl", "csv", "parquet"):
        target = tmp_path / f"events.{fmt}"
        result = runner.invoke(
            app, ["export", "events", "--db", db, "--format", fmt, "-o", str(target)]
        )
        assert result.exit_code == EXIT_OK, result.output
        assert target.stat().st_size > 0


def test_unknown_export_kind_is_a_usage_error(db: str) -> None:
    result = runner.invoke(app, ["export", "bananas", "--db", db])
    assert result.exit_code == EXIT_USAGE
    assert "C401" in result.stderr


def test_stats_and_show(db: str) -> None:
    stats = runner.invoke(app, ["stats", "--db", db, "--json"])
    assert stats.exit_code == EXIT_OK
    counts = json.loads(stats.stdout)
    assert counts["articles"] == 3
    articles = runner.invoke(app, ["export", "articles", "--db", db])
    first = json.loads(articles.stdout.splitlines()[0])
    shown = runner.invoke(app, ["show", first["id"], "--db", db])
    assert shown.exit_code == EXIT_OK
    assert first["id"] in shown.stdout


def test_show_unknown_article(db: str) -> None:
    result = runner.invoke(app, ["show", "a000000000000000", "--db", db])
    assert result.exit_code == EXIT_STORE
    assert "a000000000000000" in result.stderr


def test_ingest_prints_cleaned_documents(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", str(FIXTURES / "oslo-talks.txt")])
    assert result.exit_code == EXIT_OK, result.output
    record = json.loads(result.stdout.splitlines()[0])
    assert "Share this" not in record["text"]
    assert record["published"] == "2024-03-14"


def test_missing_input_is_reported(tmp_path: Path) -> None:
    result = runner.invoke(app, ["run", str(tmp_path / "nope"), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1
    assert "nope" in result.stderr


@pytest.mark.skipif(not (EVAL_DIR / "gold").is_dir(), reason="no ../shared/eval")
def test_eval_prints_every_key() -> None:
    result = runner.invoke(app, ["eval", str(EVAL_DIR), "--json"])
    assert result.exit_code == EXIT_OK, result.output
    scores = json.loads(result.stdout)
    keys = [
        "mentions.accuracy",
        "events.date_accuracy",
        "events.location_accuracy",
        "timexes.found",
        "timexes.accuracy",
    ]
    keys += [f"quotes.{k}" for k in ("precision", "recall", "f1", "speaker_accuracy")]
    keys += [f"events.{k}" for k in ("precision", "recall", "f1")]
    keys += [f"events.main.{k}" for k in ("precision", "recall", "f1")]
    keys += [
        f"clusters.{lv}.{k}" for lv in ("event", "story") for k in ("precision", "recall", "f1")
    ]
    for key in keys:
        assert key in scores, key


def test_version_prints_the_package_version() -> None:
    from communique import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == EXIT_OK
    assert result.stdout.strip() == f"communique {__version__}"


def test_help_shows_defaults_and_bracketed_text() -> None:
    # Rich markup used to swallow "[default: ...]" and "[communique]" as tags.
    export_help = runner.invoke(app, ["export", "--help"], terminal_width=200).stdout
    assert "[default: $COMMUNIQUE_DB or ./communique.db]" in export_help
    assert "[communique] table" in export_help
    assert "[default: jsonl]" in export_help
    run_help = runner.invoke(app, ["run", "--help"], terminal_width=200).stdout
    assert "[default: 1]" in run_help  # --workers: the setting's default, not "None"
    serve_help = runner.invoke(app, ["serve", "--help"], terminal_width=200).stdout
    assert "[default: 8000]" in serve_help and "[default: 127.0.0.1]" in serve_help


def test_articles_lists_the_ids_that_show_takes(db: str) -> None:
    listed = runner.invoke(app, ["articles", "--db", db, "--json"])
    assert listed.exit_code == EXIT_OK, listed.output
    found = json.loads(listed.stdout)
    assert len(found) == 3
    published = [a["published"] for a in found if a["published"]]
    assert published == sorted(published, reverse=True)  # newest first
    shown = runner.invoke(app, ["show", found[0]["id"], "--db", db, "--json"])
    assert shown.exit_code == EXIT_OK
    assert json.loads(shown.stdout)["id"] == found[0]["id"]
    # Filters narrow the listing; the table names each article by id.
    one = runner.invoke(app, ["articles", "--db", db, "--limit", "1"])
    assert one.exit_code == EXIT_OK and found[0]["id"][:12] in one.stdout
    outlet = next(a["outlet"] for a in found if a["outlet"])
    by_outlet = runner.invoke(app, ["articles", "--db", db, "--outlet", outlet, "--json"])
    assert {a["outlet"] for a in json.loads(by_outlet.stdout)} == {outlet}
    later = runner.invoke(app, ["articles", "--db", db, "--since", "2999", "--json"])
    assert json.loads(later.stdout) == []


def test_articles_refuses_bad_dates_and_a_missing_store(db: str, tmp_path: Path) -> None:
    bad = runner.invoke(app, ["articles", "--db", db, "--since", "last week"])
    assert bad.exit_code == EXIT_USAGE and "--since" in bad.output
    missing = runner.invoke(app, ["articles", "--db", str(tmp_path / "typo.db")])
    assert missing.exit_code == EXIT_USAGE
    assert not (tmp_path / "typo.db").exists()
