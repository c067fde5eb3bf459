"""The speech-cue lexicon of the quotes stage: which words report speech.

In: the shipped data file ``data/speech-verbs.v1.txt`` (lemma, kinds of
content, notes; its header documents the format) and optionally user files in
the same format. Out: a ``Lexicon`` that the direct and reported-speech finders
of ``communique.quotes`` query by spaCy token. Loaded once per process and kept
in ``Context.cache``, so the stage reads no module global.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from communique.errors import DataError, Messages

if TYPE_CHECKING:
    from spacy.tokens import Token

VERSION = "speech-verbs.v1"
KINDS = frozenset({"clause", "as", "to-be", "obj-to", "direct", "noun", "according"})


@dataclass(frozen=True)
class Cue:
    """One reporting cue: ``lemma`` ("say", "point out", "statement") and the content it takes."""

    lemma: str
    kinds: frozenset[str]
    notes: str = ""


@dataclass
class Lexicon:
    """Cues by head lemma; phrasal cues ("point out") are keyed by their verb."""

    verbs: dict[str, list[Cue]] = field(default_factory=dict)
    nouns: dict[str, Cue] = field(default_factory=dict)
    version: str = VERSION

    @classmethod
    def load(cls, extra: list[str | Path] | None = None) -> Lexicon:
        """The shipped lexicon, extended by user files in the same format (later lines win)."""
        lexicon = cls()
        shipped = resources.files("communique") / "data" / f"{VERSION}.txt"
        lexicon.read(shipped.read_text(encoding="utf-8"), source=f"{VERSION}.txt")
        for path in extra or []:
            lexicon.read(Path(path).read_text(encoding="utf-8"), source=str(path))
        return lexicon

    def read(self, text: str, *, source: str) -> None:
        for number, raw in enumerate(text.splitlines(), start=1):
            line = raw.rstrip()
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) < 2:
                raise DataError(
                    Messages.C501, source=f"{source}:{number}", detail="expected lemma<TAB>kinds"
                )
            kinds = frozenset(k.strip() for k in parts[1].split(",") if k.strip())
            unknown = kinds - KINDS
            if not kinds or unknown:
                raise DataError(
                    Messages.C501,
                    source=f"{source}:{number}",
                    detail=f"unknown kinds {sorted(unknown)}",
                )
            cue = Cue(parts[0].strip().lower(), kinds, parts[2].strip() if len(parts) > 2 else "")
            if "noun" in kinds:
                self.nouns[cue.lemma] = cue
            else:
                bucket = self.verbs.setdefault(cue.lemma.split()[0], [])
                bucket[:] = [c for c in bucket if c.lemma != cue.lemma] + [cue]

    def verb_cue(self, token: Token) -> Cue | None:
        """The cue a verb token carries, with its particle or preposition for phrasal cues.

        Title-case headlines are often tagged PROPN, so a token whose text is an
        inflected form of a cue ("Addresses", "Says") counts too.
        """
        if token.lower_ == "according":
            return None
        if token.pos_ in ("VERB", "AUX"):
            candidates = self.verbs.get(token.lemma_.lower())
        elif token.pos_ == "PROPN" and token.is_title:
            candidates = self.verbs.get(token.lemma_.lower()) or self.verbs.get(
                _naive_stem(token.lower_)
            )
        else:
            return None
        if candidates is None:
            return None
        if _so_called(token):
            return None
        particles = {c.lower_ for c in token.children if c.dep_ in ("prt", "prep")}
        plain: Cue | None = None
        for cue in candidates:
            words = cue.lemma.split()
            if len(words) == 1:
                plain = cue
            elif words[1] in particles:
                return cue
        return plain

    def noun_cue(self, token: Token) -> Cue | None:
        if token.pos_ != "NOUN":
            return None
        return self.nouns.get(token.lower_) or self.nouns.get(token.lemma_.lower())


def _naive_stem(word: str) -> str:
    for suffix in ("es", "s", "ed", "d"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _so_called(token: Token) -> bool:
    """ "so-called" is a distancing adjective, not a speech cue."""
    doc = token.doc
    i = token.i
    if token.lower_.startswith("so-"):
        return True
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ == "so"
