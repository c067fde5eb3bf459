"""The period a timeline chart shows: the bulk of the dated events, the rest summarised.

News reports recall old events ("first clashed in 2014") beside the news of the
week. Charted month by month from the first to the last, the news squeezes into
a sliver at one end of a decade of empty months. ``chart_period`` takes the
zero-filled month rows of ``communique.rest.facets`` (``timeline``) and keeps
the heaviest run of months; runs cut off by a long gap are summarised (months,
count, types) in a note under the chart with a link to list them, so that no
event disappears from view. Used by the events page and the dyad page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Row = dict[str, Any]

# A run of at least this many empty months separates periods: a year without a
# single event between two groups is a different period, not a quiet spell.
GAP_MONTHS = 12
# Months outside the chart may hold at most this share of the dated events; when
# they hold more, the events are spread out (a long archive) and every month is
# charted.
MAX_LEFT_OUT = 1 / 3


@dataclass
class Summary:
    """Events of the months left out of the chart, on one side of it."""

    side: str  # "before" or "after"
    first: str  # YYYY-MM
    last: str
    count: int
    types: list[tuple[str, int]] = field(default_factory=list)
    background: int | None = None  # of ``count``, recalled as background (None: not counted)


def _count(row: Row) -> int:
    return sum(v for k, v in row.items() if k != "month")


def _runs(rows: list[Row]) -> list[tuple[int, int]]:
    """(start, end) indexes of the runs of months separated by ``GAP_MONTHS`` empty months."""
    runs: list[tuple[int, int]] = []
    start, empty = 0, 0
    for index, row in enumerate(rows):
        if _count(row) == 0:
            empty += 1
            continue
        if empty >= GAP_MONTHS and index > empty:
            runs.append((start, index - empty))
            start = index
        empty = 0
    runs.append((start, len(rows)))
    return runs


def _summary(side: str, rows: list[Row]) -> Summary | None:
    dated = [r for r in rows if _count(r)]
    if not dated:
        return None
    types: dict[str, int] = {}
    for row in dated:
        for key, value in row.items():
            if key != "month" and value:
                types[key] = types.get(key, 0) + value
    return Summary(
        side=side,
        first=dated[0]["month"],
        last=dated[-1]["month"],
        count=sum(types.values()),
        types=sorted(types.items(), key=lambda kv: (-kv[1], kv[0])),
    )


def chart_period(rows: list[Row]) -> tuple[list[Row], list[Summary]]:
    """The rows to chart (the heaviest run of months) and summaries of the rest."""
    runs = _runs(rows)
    if len(runs) == 1:
        return rows, []
    weights = [sum(_count(r) for r in rows[a:b]) for a, b in runs]
    # The heaviest run; of equal ones the latest (the news is newer than what it recalls).
    best = max(range(len(runs)), key=lambda i: (weights[i], i))
    if sum(weights) - weights[best] > MAX_LEFT_OUT * sum(weights):
        return rows, []
    start, end = runs[best]
    summaries = [
        found
        for side, part in (("before", rows[:start]), ("after", rows[end:]))
        if (found := _summary(side, part))
    ]
    return rows[start:end], summaries
