"""Shipped data is what the manifest says: every file listed, documented, and unchanged since listed."""

from __future__ import annotations

import hashlib
import json
from importlib.resources import files

import pytest

DATA = files("communique") / "data"
MANIFEST = json.loads((DATA / "manifest.json").read_text(encoding="utf-8"))["files"]
DOCUMENTED = (DATA / "MANIFEST.md").read_text(encoding="utf-8")
SHIPPED = sorted(
    p.name for p in DATA.iterdir() if p.is_file() and p.name not in {"MANIFEST.md", "manifest.json"}
)


@pytest.mark.parametrize("name", SHIPPED)
def test_every_data_file_is_in_the_manifest(name: str) -> None:
    assert name in MANIFEST, f"run scripts/update_manifest.py after adding {name}"
    assert f"| {name} |" in DOCUMENTED or name.endswith(".NOTICE"), (
        f"{name} needs a MANIFEST.md row"
    )


@pytest.mark.parametrize("name", SHIPPED)
def test_data_file_matches_its_checksum(name: str) -> None:
    digest = hashlib.sha256((DATA / name).read_bytes()).hexdigest()
    assert MANIFEST[name]["sha256"] == digest, f"{name} changed: run scripts/update_manifest.py"
