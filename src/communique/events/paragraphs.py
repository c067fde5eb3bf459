"""Where a document's paragraphs start and end.

In: a document's text. Out: the paragraph holding any character offset.

Dating, salience and placing all read a report by its paragraphs: a day named
at the head of a paragraph frames what the paragraph goes on to tell, a lead
paragraph holds the story's place, a headline is the text before the first
break. Ingest folds every run of blank lines into one (``ingest/clean.py``),
so a paragraph break is exactly one blank line.
"""

from __future__ import annotations

import bisect
import re

PARAGRAPH_BREAK = "\n\n"


class Paragraphs:
    """The paragraph starts of one text, for lookups by offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer(PARAGRAPH_BREAK, text)]

    @property
    def headline_end(self) -> int:
        """Where the first paragraph (a report's headline) ends; -1 for a single paragraph."""
        return self.starts[1] - len(PARAGRAPH_BREAK) if len(self.starts) > 1 else -1

    def index(self, offset: int) -> int:
        """The number of the paragraph holding ``offset`` (0 for the first)."""
        return bisect.bisect_right(self.starts, offset) - 1

    def start(self, offset: int) -> int:
        """Where the paragraph holding ``offset`` starts."""
        return self.starts[self.index(offset)]

    def span(self, offset: int) -> tuple[int, int]:
        """(start, end) of the paragraph holding ``offset``, its break left out."""
        at = self.index(offset)
        if at + 1 < len(self.starts):
            return self.starts[at], self.starts[at + 1] - len(PARAGRAPH_BREAK)
        return self.starts[at], len(self.text)

    def words(self, offset: int) -> int:
        """How many words the paragraph holding ``offset`` has."""
        start, end = self.span(offset)
        return len(self.text[start:end].split())

    def between(self, earlier: int, later: int) -> int:
        """How many paragraph breaks lie between two offsets (0: the same paragraph)."""
        return self.index(later) - self.index(earlier)
