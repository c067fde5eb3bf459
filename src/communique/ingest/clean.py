"""Cleaning: the text as read in, the text the analysis stages see out.

Place in the pipeline: the readers (``ingest.readers``) decode a file, a feed
entry or a WARC record to a string; this module turns that string into
``Document.text``; ``ingest.metadata`` then takes the title, outlet and
dateline off its top, and spaCy analysis (``communique.nlp``) runs on the
result. Every edit is tracked, so that any offset into the cleaned text maps
back to the text as read (``OffsetMap``, ``to_original``).

The passes, in order (``clean``):

1. whitespace: line breaks unified, odd spaces made plain, zero-width,
   bidirectional and control characters dropped, runs of blank lines collapsed;
2. space repair: a space inserted where scraping glued two sentences
   ("Lebanon.During", "said.”“Today"), never inside abbreviations,
   initials, decimals or URLs; a Title Case crosshead glued onto the next
   sentence ("... Shall FailKhalil said") is put on a line of its own;
3. boilerplate: lines matching the versioned cue patterns of
   ``data/boilerplate.v1.txt`` are removed, "Read more:"-style cues take the
   headline lines after them along, end cues ("Leave a Reply") cut the rest of
   the page, and after the last body paragraph every line that does not end a
   sentence (navigation, bylines, counters, headline lists) goes.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

BOILERPLATE_FILE = "boilerplate.v1.txt"

Edit = tuple[int, int, str]  # replace text[start:end] by the string


class Tracked:
    """A text with, for each character, its offset in the original text.

    Inserted characters take the original offset of the character that
    follows them, so an end offset just before an insertion still maps to the
    end of the original run.
    """

    __slots__ = ("origin", "original_length", "text")

    def __init__(self, text: str, origin: array[int] | None = None, original_length: int = -1):
        self.text = text
        self.origin = origin if origin is not None else array("q", range(len(text)))
        self.original_length = len(text) if original_length < 0 else original_length

    def position(self, index: int) -> int:
        return self.origin[index] if index < len(self.text) else self.original_length

    def edit(self, edits: Iterable[Edit]) -> Tracked:
        """Apply non-overlapping edits (sorted here) and return the new tracked text."""
        parts: list[str] = []
        origin: array[int] = array("q")
        last = 0
        for start, end, new in sorted(edits):
            if start < last:  # overlapping edit: the earlier one wins
                continue
            parts.append(self.text[last:start])
            origin.extend(self.origin[last:start])
            parts.append(new)
            origin.extend([self.position(start)] * len(new))
            last = end
        parts.append(self.text[last:])
        origin.extend(self.origin[last:])
        return Tracked("".join(parts), origin, self.original_length)

    def sub(self, pattern: re.Pattern[str], repl: str | Callable[[re.Match[str]], str]) -> Tracked:
        def replacement(match: re.Match[str]) -> str:
            return repl if isinstance(repl, str) else repl(match)

        edits = [(m.start(), m.end(), replacement(m)) for m in pattern.finditer(self.text)]
        return self.edit(e for e in edits if self.text[e[0] : e[1]] != e[2]) if edits else self

    def delete(self, spans: Iterable[tuple[int, int]]) -> Tracked:
        return self.edit((start, end, "") for start, end in spans)

    def offset_map(self) -> list[tuple[int, int]]:
        """Pairs (clean_offset, original_offset) at the start of each aligned run."""
        pairs: list[tuple[int, int]] = []
        previous = -2
        for index, original in enumerate(self.origin):
            if original != previous + 1:
                pairs.append((index, original))
            previous = original
        if not pairs:
            pairs.append((0, 0))
        return pairs


class OffsetMap:
    """Maps offsets in ``Document.text`` back to ``Document.original``."""

    def __init__(self, pairs: list[tuple[int, int]]) -> None:
        self.pairs = pairs or [(0, 0)]
        self._clean = [clean for clean, _ in self.pairs]

    def to_original(self, clean_offset: int) -> int:
        index = max(bisect_right(self._clean, clean_offset) - 1, 0)
        clean, original = self.pairs[index]
        return original + (clean_offset - clean)


def to_original(document: Any, clean_offset: int) -> int:
    """The offset in ``document.original`` of the character at ``document.text[clean_offset]``.

    An end offset (one past a character) maps to one past that character.
    """
    return OffsetMap(document.offset_map).to_original(clean_offset)


# ---------------------------------------------------------------------------
# 1. whitespace

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_ODD_SPACES = re.compile(r"[\t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Characters that print nothing: zero-width spaces and joiners, the word
# joiner and invisible operators, BOM, soft hyphen, C0/C1 controls, and the
# bidirectional marks, embeddings, overrides and isolates (U+200E/F,
# U+202A-202E, U+2066-2069, U+061C). Left in, they split names and verbs into
# tokens spaCy does not know ("Pre\u200bsident", "me\u202et"), and a
# text laced with them yields no events at all (issue 15).
_INVISIBLE = re.compile(
    r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u061c\u180e\ufeff\u00ad"
    r"\x00-\x08\x0b-\x1f\x7f-\x9f]"
)
_SPACE_RUNS = re.compile(r" {2,}")
_LINE_EDGES = re.compile(r" +(?=\n)|(?<=\n) +|\A[ \n]+| +\Z|\n+\Z")
_BLANK_RUNS = re.compile(r"\n{3,}")


def normalise_whitespace(text: Tracked) -> Tracked:
    text = text.sub(_NEWLINES, "\n").sub(_ODD_SPACES, " ").sub(_INVISIBLE, "")
    return tidy(text)


def tidy(text: Tracked) -> Tracked:
    return text.sub(_SPACE_RUNS, " ").sub(_LINE_EDGES, "").sub(_BLANK_RUNS, "\n\n")


# ---------------------------------------------------------------------------
# 2. space repair

# A sentence end glued to the next sentence: the word before the stop ends in
# two word characters, the last lowercase ("Lebanon.", "NGOs.", so that
# initials "U.S." and "e.g." never match), or is an acronym or a number;
# the next word starts with a capital followed by a lowercase letter or is an
# acronym of 2+ capitals ending a word, or is an opening quote.
_GLUED_STOP = re.compile(
    r"(?<=\w[a-z][.!?])(?=[A-Z][a-z]|[A-Z]{2,}\b|[“‘\"])"
    r"|(?<=[A-Z]{3}[.!?])(?=[A-Z][a-z])"
    r"|(?<=[0-9)\]%][.!?])(?=[A-Z][a-z]|[“‘])"
)
# A closing quote glued to what follows: curly closing quote after a non-space,
# or a straight/single quote right after sentence punctuation.
_GLUED_QUOTE = re.compile(r"(?<=\S[”»])(?=[A-Z“‘\"«])|(?<=[.!?,][\"’'])(?=[A-Z][a-z]|[“‘])")
# A comma or colon glued to an opening curly quote ("said,“We").
_GLUED_OPENING = re.compile(r"(?<=[a-z][,:])(?=[“‘])")
_URLISH = re.compile(
    r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|\b[\w-]+\.(?:com|org|net|gov|ir|uk|io)\b"
)
_ABBREVIATIONS = frozenset({"no", "vs", "etc", "approx", "fig", "vol", "op", "cf", "al"})
# A glued Title Case word ("FailKhalil"); "Mac"/"Van"-style name prefixes excluded.
_CAMEL = re.compile(r"\b([A-Z][a-z]{2,})([A-Z][a-z]{2,})\b")
_NAME_PREFIXES = frozenset(
    {"Mac", "Van", "Von", "Del", "Della", "Des", "Abu", "Bin", "Ibn", "Fitz"}
)
_HEADLINE_SMALL = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "is", "are", "of", "on"}
    | {"or", "the", "to", "with", "shall", "will", "not", "over"}
)


def repair_spaces(text: Tracked) -> Tracked:
    """Insert the spaces and line breaks that scraping lost; see the module docstring."""
    value = text.text
    protected = [(m.start(), m.end()) for m in _URLISH.finditer(value)]

    def free(index: int) -> bool:
        return not any(start <= index < end for start, end in protected)

    inserts: set[int] = set()
    for pattern in (_GLUED_STOP, _GLUED_QUOTE, _GLUED_OPENING):
        for match in pattern.finditer(value):
            index = match.start()
            if not free(index - 1):
                continue
            word = re.search(r"(\w+)\W*$", value[max(0, index - 20) : index])
            if pattern is _GLUED_STOP and word and word.group(1).lower() in _ABBREVIATIONS:
                continue
            if value[index] == '"':
                # `said."The`: a space before the quote if it opens the next
                # sentence; if it closes this one, _GLUED_QUOTE puts it after
                if _straight_quote_opens(value, index):
                    inserts.add(index)
                continue
            if value[index - 1] == '"' and _straight_quote_opens(value, index - 1):
                continue
            inserts.add(index)
    if inserts:
        text = text.edit((i, i, " ") for i in inserts)
    breaks = _crosshead_breaks(text.text)
    return text.edit(breaks) if breaks else text


def _straight_quote_opens(value: str, index: int) -> bool:
    """A straight quote opens when an even number of them precede it in its paragraph."""
    start = value.rfind("\n", 0, index) + 1
    return value.count('"', start, index) % 2 == 0


def _crosshead_breaks(value: str) -> list[Edit]:
    edits: list[Edit] = []
    for match in _CAMEL.finditer(value):
        if match.group(1) in _NAME_PREFIXES:
            continue
        line_start = value.rfind("\n", 0, match.start()) + 1
        before = value[line_start : match.start()]
        # the crosshead starts right after the last sentence end on the line
        boundary = max(before.rfind(". "), before.rfind("? "), before.rfind("! "))
        for quote in ("” ", '" ', "’ "):
            boundary = max(boundary, before.rfind(quote))
        run_start = line_start + (boundary + 2 if boundary >= 0 else 0)
        words = value[run_start : match.start()].split()
        capitals = [w for w in words if w[:1].isupper()]
        if len(capitals) < 2 or any(
            not w[:1].isupper() and w.lower() not in _HEADLINE_SMALL for w in words
        ):
            continue
        if run_start > line_start:
            edits.append((run_start, run_start, "\n"))
        edits.append((match.start(2), match.start(2), "\n"))
    return edits


# ---------------------------------------------------------------------------
# 3. boilerplate


@dataclass(frozen=True)
class Cues:
    line: re.Pattern[str]
    related: re.Pattern[str]
    end: re.Pattern[str]
    inline_end: re.Pattern[str]


@cache
def load_cues(name: str = BOILERPLATE_FILE) -> Cues:
    """Read the cue file shipped in ``communique/data`` (sections: see the file's header)."""
    sections: dict[str, list[str]] = {"line": [], "related": [], "end": [], "inline-end": []}
    current = "line"
    source = resources.files("communique.data").joinpath(name).read_text(encoding="utf-8")
    for raw in source.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        sections[current].append(line)

    def either(patterns: list[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!)", flags)

    return Cues(
        line=either(sections["line"]),
        related=either(sections["related"]),
        end=either(sections["end"]),
        inline_end=either([re.escape(p) for p in sections["inline-end"]], 0),
    )


_TERMINAL = re.compile(r"[.!?…][”\"’')\]]*$|[.!?][”\"’')\]]*\s*\(\w[^)]{0,40}\)$")
_WORD = re.compile(r"\w[\w'’.-]*")


def ends_sentence(line: str) -> bool:
    return bool(_TERMINAL.search(line.rstrip()))


@lru_cache(maxsize=4096)
def word_count(line: str) -> int:
    # remembered: boilerplate removal and metadata ask it of the same lines several times
    return len(_WORD.findall(line))


def is_body(line: str) -> bool:
    """A body paragraph: a sentence of 8+ words, or any run of 25+ words.

    Calibrated on scraped pages: headlines, bylines, captions and menu items
    stay under 25 words and rarely end with a full stop; the shortest lead
    sentences in newswire run to about 8 words.
    """
    words = word_count(line)
    return words >= 25 or (words >= 8 and ends_sentence(line))


def _is_cue(pattern: re.Pattern[str], line: str) -> bool:
    # A long body paragraph is never furniture, whatever its first words.
    return word_count(line) < 20 and pattern.fullmatch(line.strip()) is not None


def remove_boilerplate(text: Tracked, cues: Cues | None = None) -> Tracked:
    """Remove page furniture line by line (see the module docstring)."""
    cues = cues or load_cues()
    text = _cut_inline_end(text, cues)
    lines = lines_of(text.text)
    body = [is_body(line) for _, _, line in lines]
    drop: set[int] = set()
    seen_body = False
    index = 0
    while index < len(lines):
        line = lines[index][2]
        if not line.strip():
            index += 1
            continue
        if seen_body and _is_cue(cues.end, line):
            drop.update(range(index, len(lines)))
            break
        if _is_cue(cues.related, line):
            drop.add(index)
            follow = index + 1
            while follow < len(lines) and not body[follow]:
                if lines[follow][2].strip() and ends_sentence(lines[follow][2]):
                    break
                drop.add(follow)
                follow += 1
            index = follow
            continue
        if _is_cue(cues.line, line):
            drop.add(index)
        seen_body = seen_body or body[index]
        index += 1
    # after the last body paragraph, only lines that end a sentence stay
    kept_body = [i for i in range(len(lines)) if body[i] and i not in drop]
    if kept_body:
        for i in range(kept_body[-1] + 1, len(lines)):
            if not ends_sentence(lines[i][2]):
                drop.add(i)
    text = text.delete((lines[i][0], lines[i][1]) for i in drop)
    return _strip_trailing_fragment(tidy(text))


def lines_of(value: str) -> list[tuple[int, int, str]]:
    """(start, end including the newline, text) for each line."""
    out: list[tuple[int, int, str]] = []
    start = 0
    for line in value.split("\n"):
        end = start + len(line)
        out.append((start, min(end + 1, len(value)), line))
        start = end + 1
    return out


def _cut_inline_end(text: Tracked, cues: Cues) -> Tracked:
    """Cut at an end cue inside a line in the last half of the text (a page flattened to a line)."""
    value = text.text
    half = len(value) // 2
    for match in cues.inline_end.finditer(value, half):
        line_start = value.rfind("\n", 0, match.start()) + 1
        if match.start() > line_start and is_body(value[line_start : match.start()]):
            return text.delete([(match.start(), len(value))])
    return text


_LAST_STOP = re.compile(r"[.!?][”\"’')\]]*\s+(?=[^\n]*\Z)")


def _strip_trailing_fragment(text: Tracked) -> Tracked:
    """Drop a short unpunctuated tail after the last sentence ("... said. Tags: X")."""
    value = text.text
    stops = list(_LAST_STOP.finditer(value))
    if not stops or ends_sentence(value):
        return text
    tail_start = stops[-1].end()
    tail = value[tail_start:]
    if "\n" in tail or word_count(tail) > 10:
        return text
    # Only furniture goes: a cue, or a fragment without a single lowercase
    # word ("700 /", "Home | World"); "They discussed trade" is a sentence.
    cues = load_cues()
    furniture = any(_is_cue(p, tail) for p in (cues.line, cues.related, cues.end))
    if not furniture and re.search(r"\b[a-z]", tail):
        return text
    return tidy(text.delete([(tail_start, len(value))]))


# ---------------------------------------------------------------------------
# all passes, and the length limit


def clean(text: str | Tracked) -> Tracked:
    """Run the three cleaning passes over a text as read; see the module docstring."""
    tracked = text if isinstance(text, Tracked) else Tracked(text)
    tracked = normalise_whitespace(tracked)
    tracked = repair_spaces(tracked)
    return remove_boilerplate(tracked)


def cut(text: Tracked, limit: int) -> Tracked:
    """Cut a text longer than ``limit`` at the last paragraph (else sentence, else space) break."""
    if len(text.text) <= limit:
        return text
    value = text.text
    for separator in ("\n\n", "\n", ". ", " "):
        position = value.rfind(separator, 0, limit)
        if position > limit // 2:
            end = position + (1 if separator == ". " else 0)
            return text.delete([(end, len(value))])
    return text.delete([(limit, len(value))])
