"""Sorted character intervals with logarithmic lookups, so quote finding stays linear.

In: (start, end) pairs, such as the direct quotations or the reported
statements of one document. Out: which interval holds an offset, whether a
range overlaps any, and the first interval a range runs into. The quotes stage
asks these questions once per quotation, cue or token; a scan of every
interval each time made a text with thousands of quotation marks quadratic
(issue 15: 132 s of CPU for 5,000 marks).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate


class Spans:
    """Intervals ``[start, end)``, possibly nested or overlapping."""

    def __init__(self, pairs: list[tuple[int, int]]) -> None:
        self.pairs = sorted(pairs)
        self.starts = [start for start, _ in self.pairs]
        # The furthest end among the first i+1 intervals: an interval starting
        # at or before an offset reaches past it exactly when this does.
        self.reach = list(accumulate((end for _, end in self.pairs), max))

    def __len__(self) -> int:
        return len(self.pairs)

    def containing(self, offset: int) -> tuple[int, int] | None:
        """The latest-starting interval that holds ``offset``, if any."""
        i = bisect_right(self.starts, offset)
        while i > 0 and self.reach[i - 1] > offset:
            start, end = self.pairs[i - 1]
            if end > offset:
                return (start, end)
            i -= 1
        return None

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any interval shares a character with ``[start, end)``."""
        j = bisect_left(self.starts, end)
        return j > 0 and self.reach[j - 1] > start

    def encloses(self, start: int, end: int) -> bool:
        """Whether one interval holds all of ``[start, end)``."""
        i = bisect_right(self.starts, start)
        while i > 0 and self.reach[i - 1] >= end:
            if self.pairs[i - 1][1] >= end:
                return True
            i -= 1
        return False

    def first_overlapping(self, start: int, end: int) -> tuple[int, int] | None:
        """The earliest-starting interval that shares a character with ``[start, end)``."""
        if not self.overlaps(start, end):
            return None
        # The first interval whose reach passes ``start`` is the first that can overlap.
        i = bisect_right(self.reach, start)
        while i < len(self.pairs) and self.pairs[i][0] < end:
            if self.pairs[i][1] > start:
                return self.pairs[i]
            i += 1
        return None
