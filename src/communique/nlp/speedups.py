"""Two components of the shipped spaCy pipeline made cheaper, with the same output.

Used by ``communique.nlp.load`` on the pipeline it returns (issue 14: the whole
run at most 1.25x a bare parse). A whole ``communique run`` over 90 news
articles spent a quarter of its parse in two pure-Python components of
``en_core_web_sm`` that a fresh process runs cold:

- the rule lemmatizer looked each unseen word's candidate forms up in word
  lists of up to 57,528 entries (``form in index``, a linear scan);
- the attribute ruler (tag → POS and morphology, pronoun lemmas, ...) ran a
  ``Matcher`` of 179 patterns over every token, though 171 of them read only
  one token and depend on nothing but that token's tag, lowercase form,
  dependency label or whitespace flag.

Both changes keep spaCy's own code for the answer and only avoid asking the
same question twice: the lemmatizer gets sets for lists (the same membership
answers); the ruler's single-token patterns are matched once per distinct
token description and remembered, its multi-token patterns still run over the
whole document, and the matches go through the ruler's own ``set_annotations``
in the ruler's own order. ``tests/test_nlp.py`` compares every annotation
with the package as shipped, token by token.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Token attributes a remembered single-token pattern may read: values of the token
# itself, in ``Doc.to_array``. A pattern reading anything else (or with an operator)
# leaves the ruler as it is.
_READABLE = ("ORTH", "TEXT", "LOWER", "NORM", "TAG", "POS", "DEP", "IS_SPACE")
# A bound on the remembered descriptions per group: a long-running server sees new words
# for ever; starting again empty costs a few misses, not results.
_MEMO_LIMIT = 200_000


def lemma_index_as_sets(nlp: Language) -> None:
    """Make the rule lemmatizer's word lists sets: same lemmas, found in constant time.

    The tables are only read by ``form in index`` and by a truthiness test
    (``spacy.pipeline.Lemmatizer.rule_lemmatize``), which a set answers as the list does.
    """
    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    index = lookups.get_table("lemma_index")
    for key, words in list(index.items()):
        if isinstance(words, list):
            index[key] = frozenset(words)


def remember_ruler_matches(nlp: Language) -> None:
    """Answer the attribute ruler's single-token patterns once per distinct token."""
    from spacy.pipeline import AttributeRuler

    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler):
        return
    fast = RememberedMatches.build(ruler)
    if fast is not None:
        ruler.match = fast  # type: ignore[method-assign]  # read by AttributeRuler.__call__


Pattern = list[dict[str, Any]]


class _Group:
    """Single-token patterns asked once per distinct token description.

    ``names``: the attributes the patterns read, the description's parts. ``lowers``:
    when every pattern names the lowercase forms it accepts, the hashes of those forms
    (a token with another form matches none of them: the matcher is not asked).
    """

    def __init__(self, vocab: Any, patterns: list[tuple[int, Pattern]], listed: bool) -> None:
        from spacy.matcher import Matcher

        read = {"ORTH" if n == "TEXT" else n for _, pattern in patterns for n in pattern[0]}
        self.names = tuple(sorted(read))
        self.matcher = Matcher(vocab)
        lowers: set[int] = set()
        for key, pattern in patterns:
            self.matcher.add(key, [pattern])
            lowers.update(vocab.strings.add(word) for word in _lowers(pattern[0]) or ())
        self.lowers = frozenset(lowers) if listed else None
        self.lower_array = sorted(lowers)  # for numpy.isin
        self.memo: dict[tuple[int, ...], tuple[int, ...]] = {}
        self.columns: list[int] = []  # positions of ``names`` in the rows scanned
        self.lower_column = -1

    def keys_at(self, doc: Doc, table: Any) -> Iterator[tuple[int, tuple[int, ...]]]:
        """(token index, keys of the patterns matching that token), tokens with a match;
        ``table``: the document's ``to_array`` of the columns the groups read."""
        import numpy

        memo = self.memo
        if len(memo) > _MEMO_LIMIT:
            memo.clear()
        if self.lowers is None:
            indices: list[int] = list(range(len(table)))
            rows = table[:, self.columns].tolist()
        else:  # only the tokens whose lowercase form a pattern names
            chosen = numpy.flatnonzero(numpy.isin(table[:, self.lower_column], self.lower_array))
            indices, rows = chosen.tolist(), table[chosen][:, self.columns].tolist()
        for i, values in zip(indices, map(tuple, rows), strict=True):
            keys = memo.get(values)
            if keys is None:
                found = self.matcher(doc[i : i + 1], allow_missing=True, as_spans=False)
                keys = memo[values] = tuple(key for key, _, _ in found)
            if keys:
                yield i, keys


def _groups(vocab: Any, patterns: list[tuple[int, Pattern]]) -> list[_Group]:
    """Single-token patterns in three groups: those that name the lowercase forms they
    accept (skipped for other words), those that read the lowercase form otherwise (a
    regular expression), and those that do not read it (tag, dependency, whitespace: a
    few hundred distinct descriptions in a corpus)."""
    by_kind: dict[tuple[bool, bool], list[tuple[int, Pattern]]] = {}
    for key, pattern in patterns:
        kind = ("LOWER" in pattern[0], _lowers(pattern[0]) is not None)
        by_kind.setdefault(kind, []).append((key, pattern))
    return [_Group(vocab, members, listed) for (_, listed), members in by_kind.items()]


class RememberedMatches:
    """``AttributeRuler.match`` with the single-token patterns remembered per token.

    Returns what the ruler's own ``match`` returns: ``(ordinal, key, start, end)`` for
    every pattern that matches, sorted, so that later rules take precedence as before.
    Patterns of several tokens (no operators, so of a fixed length) are matched by a
    ``Matcher`` of their own, only from the tokens their first token matches.
    """

    def __init__(self, single: list[_Group], first: list[_Group], multi: Any, width: int,
                 ordinals: dict[int, int]) -> None:  # fmt: skip
        from spacy.attrs import IDS

        self.single, self.first, self.multi, self.width = single, first, multi, width
        self.ordinals = ordinals
        names = sorted({name for group in single + first for name in group.names} | {"LOWER"})
        position = {name: column for column, name in enumerate(names)}
        for group in single + first:
            group.columns = [position[name] for name in group.names]
            group.lower_column = position["LOWER"]
        self.attr_ids = [IDS[name] for name in names]

    @classmethod
    def build(cls, ruler: Any) -> RememberedMatches | None:
        """The remembering matcher, or None when a pattern is not a plain one of the
        ``_READABLE`` attributes (then the ruler is left as spaCy made it)."""
        from spacy.matcher import Matcher

        vocab = ruler.vocab
        single: list[tuple[int, Pattern]] = []
        first: list[tuple[int, Pattern]] = []
        multi = Matcher(vocab)
        width = 0
        ordinals: dict[int, int] = {}
        for ordinal in range(len(ruler.attrs)):
            key = vocab.strings[str(ordinal)]  # the ruler's key of its ordinal-th rule
            ordinals[key] = ordinal
            found = ruler.matcher.get(key)
            if found is None:
                continue
            longer = []
            for pattern in found[1]:
                if not _plain(pattern):
                    return None
                if len(pattern) == 1:
                    single.append((key, pattern))
                else:
                    longer.append(pattern)
                    first.append((key, pattern[:1]))
                    width = max(width, len(pattern))
            if longer:
                multi.add(key, longer)
        return cls(_groups(vocab, single), _groups(vocab, first), multi, width, ordinals)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        if not len(doc):
            return []
        table = doc.to_array(self.attr_ids)  # a row per token, a column per attribute
        ordinals = self.ordinals
        matches: set[tuple[int, int, int, int]] = set()  # the matcher reports each once
        for group in self.single:
            for i, keys in group.keys_at(doc, table):
                matches.update((ordinals[key], key, i, i + 1) for key in keys)
        starts = {i for group in self.first for i, _ in group.keys_at(doc, table)}
        for i in sorted(starts):
            # a fixed-length pattern starting at i reads only tokens i .. i + width - 1
            window = doc[i : i + self.width]
            for key, start, end in self.multi(window, allow_missing=True, as_spans=False):
                if start == 0:  # the others start at a token of their own
                    matches.add((ordinals[key], key, i, i + end))
        return sorted(matches)


def _plain(pattern: Iterable[dict[str, Any]]) -> bool:
    """A sequence of tokens, each reading only ``_READABLE`` attributes, no operators."""
    return all(token and all(name in _READABLE for name in token) for token in pattern)


def _lowers(token: dict[str, Any]) -> list[str] | None:
    """The lowercase forms a token pattern accepts, when it lists them (equal or IN)."""
    value = token.get("LOWER")
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict) and set(value) == {"IN"}:
        return [str(word) for word in value["IN"]]
    return None
