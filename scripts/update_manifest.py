"""Write src/communique/data/manifest.json: version, date and sha256 of every shipped data file.

MANIFEST.md beside it says, for people, where each file comes from and under
which licence; manifest.json lets tests (tests/test_data_manifest.py) and
stored results check exactly which data produced them. Run after changing a
data file:

    python scripts/update_manifest.py
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src" / "communique" / "data"
SKIP = {"MANIFEST.md", "manifest.json"}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> None:
    target = DATA / "manifest.json"
    previous = json.loads(target.read_text()) if target.exists() else {"files": {}}
    documented = (DATA / "MANIFEST.md").read_text(encoding="utf-8")
    files = {}
    for path in sorted(p for p in DATA.iterdir() if p.is_file() and p.name not in SKIP):
        digest = sha256(path)
        old = previous["files"].get(path.name, {})
        version = re.search(r"\.(v\d+)\.", path.name)
        files[path.name] = {
            "version": version.group(1) if version else None,
            "sha256": digest,
            "bytes": path.stat().st_size,
            # the date only moves when the content does
            "date": old.get("date") if old.get("sha256") == digest else date.today().isoformat(),
        }
        if f"| {path.name} |" not in documented:
            print(f"warning: {path.name} has no row in MANIFEST.md")
    target.write_text(json.dumps({"files": files}, indent=2) + "\n", encoding="utf-8")
    print(f"{len(files)} files → {target}")


if __name__ == "__main__":
    main()
