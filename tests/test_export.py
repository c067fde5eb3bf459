"""Every export kind in every format follows the record contract of shared/eval/README.md."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from communique.errors import ConfigError
from communique.export import FIELDS, FORMATS, KINDS, csv_columns, export, records
from communique.store import Store

from .store import samples  # type: ignore[import-not-found,unused-ignore]

ACTOR_KEYS = {"id", "name", "aliases", "country", "sector"}
CONTRACT = {
    "articles": {"id", "file", "url", "outlet", "published", "title", "story"},
    "events": {
        "id",
        "article",
        "type",
        "mode",
        "cameo",
        "source",
        "target",
        "date",
        "location",
        "salience",
        "negated",
        "evidence",
        "cluster",
    },
    "quotes": {"id", "article", "kind", "text", "start", "end", "speaker"},
    "mentions": {"article", "text", "start", "end", "actor"},
    "timexes": {"article", "text", "start", "end", "value"},
    "actors": {"id", "name", "aliases", "type", "country", "sector", "roles"},
    "clusters": {"level", "id", "members"},
}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    docs = samples.documents()
    copy = docs[0].model_copy(update={"file": "mirror/ruto.txt", "url": None, "outlet": "Mirror"})
    with Store.open(str(tmp_path_factory.mktemp("export") / "c.db")) as opened:
        opened.save_documents([*docs, copy])
        opened.replace_clusters(["story", "event", "duplicate"], samples.clusters(docs))
        yield opened


def is_actor(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and set(value) >= ACTOR_KEYS
        and isinstance(value["name"], str)
        and isinstance(value["aliases"], list)
    )


def test_contract_fields_are_in_the_specification() -> None:
    assert set(FIELDS) == set(KINDS) == set(CONTRACT)
    for kind, keys in CONTRACT.items():
        assert keys <= set(FIELDS[kind]), kind


def test_articles(store: Store) -> None:
    kenya, brazil, spanish = samples.documents()
    rows = list(records(store, "articles"))
    assert all(CONTRACT["articles"] <= set(r) for r in rows)
    by_file = {r["file"]: r for r in rows}
    # every input appears, the not-English one and the exact copy too
    assert set(by_file) == {kenya.file, brazil.file, spanish.file, "mirror/ruto.txt"}
    assert by_file["mirror/ruto.txt"]["id"] == kenya.id
    assert by_file["mirror/ruto.txt"]["outlet"] == "Mirror"
    assert by_file[kenya.file]["story"] == by_file[brazil.file]["story"] == "s1"
    assert by_file[spanish.file]["story"] is None
    assert by_file[kenya.file]["published"] == "2024-03-14"
    assert by_file[kenya.file]["url"] == kenya.url
    assert by_file[spanish.file]["status"] == "not-english"


def test_events(store: Store) -> None:
    kenya = samples.kenya()
    rows = {r["id"]: r for r in records(store, "events")}
    assert len(rows) == 4
    for r in rows.values():
        assert CONTRACT["events"] <= set(r)
        assert is_actor(r["source"])
        assert r["target"] is None or is_actor(r["target"])
        assert set(r["evidence"]) == {"text", "start", "end"}
        assert isinstance(r["negated"], bool)
        assert r["id"].startswith(r["article"] + "#")
    e1 = rows[f"{kenya.id}#e1"]
    assert e1["article"] == kenya.id
    assert e1["type"] == "CONSULT"
    assert e1["cameo"] == "042"
    assert e1["source"]["name"] == "William Ruto"
    assert e1["source"]["country"] == "KEN"
    assert "President Ruto" in e1["source"]["aliases"]
    assert e1["target"]["id"] == "Abiy Ahmed"
    assert e1["location"] == {"name": "Nairobi", "country": "KEN", "lat": -1.28333, "lon": 36.81667}
    assert e1["date"] == "2024-03-13"
    assert e1["cluster"] == "v1"
    ev = e1["evidence"]
    assert kenya.text[ev["start"] : ev["end"]] == ev["text"]
    e2 = rows[f"{kenya.id}#e2"]
    assert e2["target"] is None and e2["location"] is None and e2["cluster"] is None
    assert e2["salience"] == "background"
    assert e2["quote"] == f"{kenya.id}#q2"


def test_quotes_mentions_timexes(store: Store) -> None:
    kenya = samples.kenya()
    quotes = list(records(store, "quotes"))
    assert len(quotes) == 3
    for q in quotes:
        assert CONTRACT["quotes"] <= set(q)
        assert kenya.text[q["start"] : q["end"]] == q["text"]
        assert q["kind"] in ("direct", "indirect")
    assert [q["speaker"] and q["speaker"]["name"] for q in quotes] == [
        "William Ruto",
        "Abiy Ahmed",
        None,
    ]
    mentions = list(records(store, "mentions"))
    assert len(mentions) == 7
    assert all(CONTRACT["mentions"] <= set(m) and is_actor(m["actor"]) for m in mentions)
    timexes = list(records(store, "timexes"))
    assert [t["value"] for t in timexes] == ["2024-03-14", "2024-03-13", None]
    assert all(CONTRACT["timexes"] <= set(t) for t in timexes)


def test_actors_and_clusters(store: Store) -> None:
    actors = {a["id"]: a for a in records(store, "actors")}
    assert len(actors) == 5
    assert all(CONTRACT["actors"] <= set(a) for a in actors.values())
    ruto = actors["William Ruto"]
    assert ruto["roles"][0] == {
        "title": "President of Kenya",
        "organisation": "Government of Kenya",
        "start": "2022-09-13",
        "end": None,
    }
    assert actors["African Union"]["country"] == "IGO"
    clusters = {c["level"]: c for c in records(store, "clusters")}
    assert set(clusters) == {"event", "story", "duplicate"}
    assert clusters["event"]["members"] == [f"{samples.kenya().id}#e1"]
    event_ids = {e["id"] for e in records(store, "events")}
    assert set(clusters["event"]["members"]) <= event_ids


def read_back(fmt: str, data: bytes) -> list[dict[str, Any]]:
    if fmt == "jsonl":
        return [json.loads(line) for line in data.decode("utf-8").splitlines()]
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
    table = pq.read_table(io.BytesIO(data))
    return [dict(row) for row in table.to_pylist()]


def as_csv(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def flat(record: dict[str, Any] | None, spec: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """The CSV flattening, written out independently: nested objects become ``a_b`` columns."""
    out: dict[str, Any] = {}
    for key, sub in spec.items():
        value = (record or {}).get(key)
        if isinstance(sub, dict):
            out.update(flat(value, sub, f"{prefix}{key}_"))
        else:
            out[prefix + key] = value
    return out


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_in_every_format(store: Store, kind: str, fmt: str, tmp_path: Path) -> None:
    expected = list(records(store, kind))
    assert expected
    path = tmp_path / f"{kind}.{fmt}"
    assert export(store, kind, fmt, path) == len(expected)
    got = read_back(fmt, path.read_bytes())
    assert len(got) == len(expected)
    if fmt == "jsonl":
        assert got == expected
    elif fmt == "csv":
        assert list(got[0]) == csv_columns(FIELDS[kind])
        for row, record in zip(got, expected, strict=True):
            assert row == {k: as_csv(v) for k, v in flat(record, FIELDS[kind]).items()}
    else:
        for row, record in zip(got, expected, strict=True):
            if "scores" in record:
                row["scores"] = dict(row["scores"])
            assert row == record


def test_export_to_stream(store: Store) -> None:
    buffer = io.BytesIO()
    assert export(store, "actors", "parquet", buffer) == 5
    assert not buffer.closed
    assert pq.read_table(io.BytesIO(buffer.getvalue())).num_rows == 5
    buffer = io.BytesIO()
    assert export(store, "clusters", "csv", buffer) == 3
    assert not buffer.closed
    assert buffer.getvalue().startswith(b"level,id,members,scores,evidence,disagreements\r\n")


def test_empty_store_exports_empty_files(tmp_path: Path) -> None:
    with Store.open(":memory:") as empty:
        for fmt in FORMATS:
            path = tmp_path / f"e.{fmt}"
            assert export(empty, "events", fmt, path) == 0
        assert pq.read_table(tmp_path / "e.parquet").num_rows == 0
        assert (tmp_path / "e.jsonl").read_bytes() == b""


def test_unknown_kind_or_format(store: Store) -> None:
    with pytest.raises(ConfigError) as info:
        export(store, "people", "jsonl", io.BytesIO())
    assert info.value.code == "C401"
    with pytest.raises(ConfigError) as info:
        export(store, "events", "xlsx", io.BytesIO())
    assert info.value.code == "C402"
    with pytest.raises(ConfigError):
        list(records(store, "people"))


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(tmp_path: Path) -> None:
    """Issue 15: CSV downloads kept cells starting with = or @ (formula injection)."""
    hostile = {
        "title": '=HYPERLINK("https://evil.example","click")',
        "outlet": "@SUM(A1:A9)",
        "url": "+cmd|' /C calc'!A0",
        "file": "-2+3.txt",
    }
    document = samples.kenya().model_copy(update=hostile)
    with Store.open(str(tmp_path / "h.db")) as store:
        store.save_documents([document])
        store.replace_clusters(["event"], [])
        buffer = io.BytesIO()
        export(store, "articles", "csv", buffer)
        [row] = csv.DictReader(io.StringIO(buffer.getvalue().decode("utf-8"), newline=""))
        for field, value in hostile.items():
            assert row[field] == "'" + value, field
        buffer = io.BytesIO()
        export(store, "events", "csv", buffer)
        rows = list(csv.DictReader(io.StringIO(buffer.getvalue().decode("utf-8"), newline="")))
        # numbers are not text cells: a negative latitude stays a number
        assert "-1.28333" in {r["location_lat"] for r in rows}
        buffer = io.BytesIO()
        export(store, "articles", "jsonl", buffer)  # JSON Lines keep the values as they are
        record = json.loads(buffer.getvalue().decode("utf-8").splitlines()[0])
        assert {field: record[field] for field in hostile} == hostile
