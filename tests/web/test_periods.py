"""The period a timeline charts: the bulk of the months, the rest summarised (no browser)."""

from __future__ import annotations

from typing import Any

from communique.web.periods import GAP_MONTHS, chart_period


def months(counts: dict[str, dict[str, int]], first: str, last: str) -> list[dict[str, Any]]:
    """Zero-filled month rows from ``first`` to ``last``, as ``rest.facets`` gives them."""
    rows = []
    year, month = int(first[:4]), int(first[5:])
    while (key := f"{year:04d}-{month:02d}") <= last:
        rows.append({"month": key, **counts.get(key, {})})
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return rows


def test_old_events_far_before_the_news_are_summarised() -> None:
    rows = months(
        {
            "2014-06": {"PROTEST": 1},
            "2016-02": {"ACCUSE": 1},
            "2024-02": {"CONSULT": 2},
            "2024-05": {"CONSULT": 3, "ACCUSE": 1},
        },
        "2014-06",
        "2024-05",
    )
    charted, left_out = chart_period(rows)
    assert [r["month"] for r in charted] == ["2024-02", "2024-03", "2024-04", "2024-05"]
    assert len(left_out) == 1
    summary = left_out[0]
    assert (summary.side, summary.first, summary.last, summary.count) == (
        "before",
        "2014-06",
        "2016-02",
        2,
    )
    assert summary.types == [("ACCUSE", 1), ("PROTEST", 1)]


def test_later_events_are_summarised_after_the_chart() -> None:
    rows = months({"2024-01": {"AID": 5}, "2027-11": {"MOBILIZE": 1}}, "2024-01", "2027-11")
    charted, left_out = chart_period(rows)
    assert [r["month"] for r in charted] == ["2024-01"]
    assert [(s.side, s.count) for s in left_out] == [("after", 1)]


def test_a_short_gap_or_a_spread_archive_charts_every_month() -> None:
    # Fewer empty months than a gap: one period.
    quiet = months({"2024-01": {"AID": 1}, "2024-08": {"AID": 1}}, "2024-01", "2024-08")
    assert GAP_MONTHS > 6
    assert chart_period(quiet) == (quiet, [])
    # Two equal periods years apart: cutting one would hide half of the events.
    spread = months({"2010-03": {"AID": 4}, "2020-03": {"AID": 4}}, "2010-03", "2020-03")
    assert chart_period(spread) == (spread, [])
    assert chart_period([]) == ([], [])
