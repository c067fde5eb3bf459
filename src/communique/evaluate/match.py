"""Matching helpers of the scorer: name normalisation, span search, overlaps, B-cubed.

In: strings, spans and record dicts of the two sides that
``communique.evaluate.score`` compares. Out: booleans, scores, alignments.
Kept apart from the scoring rules so that each can be tested and reused
(``normalise_name`` is the one definition of "the same name" in evaluation).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from communique.evaluate.records import Row


def fold(text: str) -> str:
    """Lower case without accents ("Ḥayyā" → "hayya")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


_NON_WORD = re.compile(r"[\W_]+")
_APOSTROPHES = re.compile(r"['’ʼ`‘]")
_ARTICLES = frozenset({"al"})


def normalise_name(name: str) -> str:
    """A name reduced to what the scorer compares (see the module docstring).

    Apostrophes vanish ("Ma'ariv" = "Maariv"), every other non-word character is
    a space, and the word "al" is dropped ("al-Hayya" = "Al Hayya" = "Hayya").
    """
    words = _NON_WORD.sub(" ", _APOSTROPHES.sub("", fold(name))).split()
    kept = [w for w in words if w not in _ARTICLES]
    return " ".join(kept or words)


def ratio(numerator: float, denominator: float) -> float | None:
    return numerator / denominator if denominator else None


def f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None and recall is None:
        return None
    if not precision or not recall:
        return 0.0
    return 2 * precision * recall / (precision + recall)


def prf(matched: int, system: int, gold: int) -> tuple[float | None, float | None, float | None]:
    precision, recall = ratio(matched, system), ratio(matched, gold)
    return precision, recall, f1(precision, recall)


def tokens(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", fold(text)))


def token_f1(a: str, b: str) -> float:
    """Word-overlap F1 of two spans (bags of folded word tokens)."""
    left, right = tokens(a), tokens(b)
    common = sum((left & right).values())
    if not common:
        return 0.0
    p, r = common / sum(right.values()), common / sum(left.values())
    return 2 * p * r / (p + r)


def date_part(value: Any) -> str | None:
    """``YYYY[-MM[-DD]]`` of a value; a time of day after a full date is dropped."""
    if value is None or value == "":
        return None
    return re.split(r"[T ]", str(value).strip(), maxsplit=1)[0]


def find_occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    """Character spans of ``needle`` in ``text``: exact first, else tolerant.

    The tolerant pattern lets any whitespace run match any whitespace run,
    allows a space after punctuation that ingest may have inserted ("said.The"
    → "said. The") and ignores case, because the stored text is the cleaned
    text while gold strings are substrings of the raw file.
    """
    needle = needle.strip()
    if not needle:
        return []
    spans = [(m.start(), m.end()) for m in re.finditer(re.escape(needle), text)]
    if spans:
        return spans
    parts: list[str] = []
    for char in needle:
        if char.isspace():
            if not parts or parts[-1] != r"\s+":
                parts.append(r"\s+")
        elif char in ".,;:!?":
            parts.append(re.escape(char) + r"\s*")
        else:
            parts.append(re.escape(char))
    pattern = re.compile("".join(parts), re.IGNORECASE)
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _relative(path: str) -> str:
    path = path.replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    return path


def align_articles(gold: Sequence[Row], system: Sequence[Row]) -> dict[str, str]:
    """Gold article id → system article id, by file path relative to the articles folder.

    A gold ``file`` is relative to the evaluation folder ("articles/004_x.txt");
    a system ``file`` is relative to the folder given to ``run`` ("004_x.txt").
    Tried in order: the full relative path, the path without the first folder,
    the base name.
    """
    by_path: dict[str, str] = {}
    by_name: dict[str, str] = {}
    for row in system:
        if not row.get("file"):
            continue
        path = _relative(str(row["file"]))
        by_path.setdefault(path, row["id"])
        by_name.setdefault(path.rsplit("/", 1)[-1], row["id"])
    mapping: dict[str, str] = {}
    for row in gold:
        path = _relative(str(row.get("file") or ""))
        tail = path.split("/", 1)[1] if "/" in path else path
        found = by_path.get(path) or by_path.get(tail) or by_name.get(path.rsplit("/", 1)[-1])
        if found:
            mapping[row["id"]] = found
    return mapping


class Names:
    """Which normalised names each system actor answers to (record name, aliases, actors export)."""

    def __init__(self, actors: Iterable[Row]) -> None:
        self.index: dict[str, set[str]] = {}
        for actor in actors:
            self.index.setdefault(str(actor.get("id")), set()).update(self._own(actor))

    @staticmethod
    def _own(actor: Row) -> set[str]:
        names = [actor.get("name") or "", *(actor.get("aliases") or [])]
        return {normalise_name(n) for n in names if n}

    def of(self, actor: Row | None) -> set[str]:
        if not actor:
            return set()
        return self._own(actor) | self.index.get(str(actor.get("id")), set())

    def match(self, actor: Row | None, gold_name: str | None) -> bool:
        """Does a system actor (or None) agree with a gold name (or None)?

        A gold ``agent:ISO3:SECTOR`` names an unnamed group: any system actor of
        that country and sector agrees with it, and ``XXX`` stands for any country
        (``../shared/eval-news/README.md``).
        """
        if gold_name is None or actor is None:
            return gold_name is None and actor is None
        agent = parse_agent(gold_name)
        if agent is not None:
            country, sector = agent
            have_country, have_sector = actor_country_sector(actor)
            return have_sector == sector and (country == "XXX" or have_country == country)
        return normalise_name(gold_name) in self.of(actor)


def parse_agent(name: str) -> tuple[str, str] | None:
    """(country, sector) of a gold ``agent:ISO3:SECTOR`` name, else None."""
    parts = name.strip().split(":")
    if len(parts) != 3 or parts[0].lower() != "agent":
        return None
    return parts[1].upper(), parts[2].upper()


def actor_country_sector(actor: Row) -> tuple[str | None, str | None]:
    """Country and sector of a system actor: its fields, else its ``agent:`` id."""
    country, sector = actor.get("country"), actor.get("sector")
    ident = str(actor.get("id") or "")
    if ident.startswith("agent:"):
        parts = ident.split(":")
        sector = sector or parts[-1]
        if len(parts) == 3:
            country = country or parts[1]
    return (
        str(country).upper() if country else None,
        str(sector).upper() if sector else None,
    )


def label(actor: Row | None) -> str | None:
    return None if actor is None else str(actor.get("name") or actor.get("id"))


def greedy(pairs: Iterable[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """One-to-one matching: take (score, gold index, system index) pairs best first."""
    used_gold: set[int] = set()
    used_system: set[int] = set()
    matched: list[tuple[int, int]] = []
    for _, g, s in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if g not in used_gold and s not in used_system:
            used_gold.add(g)
            used_system.add(s)
            matched.append((g, s))
    return sorted(matched)


def by_article(rows: Iterable[Row], key: Callable[[Row], str | None]) -> dict[str, list[Row]]:
    grouped: dict[str, list[Row]] = {}
    for row in rows:
        article = key(row)
        if article is not None:
            grouped.setdefault(article, []).append(row)
    return grouped


def bcubed(
    gold: dict[str, str | None], system: dict[str, str | None]
) -> tuple[float | None, float | None, float | None]:
    """B-cubed precision, recall and F1 over the items of ``gold``.

    Each dict maps an item to its cluster label; None makes the item a
    singleton. Per item, precision is the share of its system cluster that
    shares its gold cluster, recall the share of its gold cluster that shares
    its system cluster; both are averaged over items (Bagga & Baldwin 1998).
    """
    items = list(gold)
    if not items:
        return None, None, None

    def group(labels: dict[str, str | None], item: str) -> set[str]:
        name = labels.get(item)
        if name is None:
            return {item}
        return {i for i in items if labels.get(i) == name}

    precision = recall = 0.0
    for item in items:
        g, s = group(gold, item), group(system, item)
        both = len(g & s)
        precision += both / len(s)
        recall += both / len(g)
    p, r = precision / len(items), recall / len(items)
    return p, r, f1(p, r)
