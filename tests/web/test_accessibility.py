"""An axe-core audit (vendored, tests/web/vendor/axe-core) of every explorer page in chromium.

No violation of impact "serious" or "critical" may remain (contrast, names of
links and fields, landmarks, ...), at desktop and phone widths.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from tests.store import samples

from communique.model import Document

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"


def serious_violations(page: Any) -> list[str]:
    page.evaluate(
        AXE.read_text(encoding="utf-8")
    )  # through the DevTools protocol: not a page script
    found = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
            .filter(v => v.impact === "serious" || v.impact === "critical")
            .map(v => v.id + ": " + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(" | "))"""
    )
    return list(found)


@pytest.mark.parametrize("width", [1440, 390])
def test_no_serious_accessibility_violation(
    page: Any, site: tuple[str, list[Document], str], width: int
) -> None:
    url, docs, _ = site
    kenya = docs[0]
    page.set_viewport_size({"width": width, "height": 900})
    paths = [
        "/",
        "/?reports=all&type=CONSULT",
        f"/event/{quote(kenya.id + '#e1', safe='')}",
        f"/article/{kenya.id}",
        f"/actor/{quote(samples.ABIY.id, safe='')}",
        "/browse/quotes",
        "/browse/actors",
        "/browse/stories",
        "/?date_from=last+week",
        "/event/nothing",
        "/browse/map",
        f"/browse/dyad?actor={quote(samples.RUTO.id)}&partner={quote(samples.ABIY.id)}",
        "/browse/dyad",
        "/story/s1",
    ]
    problems = {}
    for path in paths:
        page.goto(url + path)
        page.wait_for_load_state("load")
        if path.startswith("/browse/map"):
            page.locator("#map[data-drawn]").wait_for()
        found = serious_violations(page)
        if found:
            problems[path] = found
    assert problems == {}
