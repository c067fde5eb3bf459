"""The speech-cue lexicon: shipped data, format errors, user extensions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from communique.errors import DataError
from communique.quotes.lexicon import VERSION, Lexicon


def test_shipped_lexicon_loads_with_its_version() -> None:
    lexicon = Lexicon.load()
    assert lexicon.version == VERSION == "speech-verbs.v1"
    assert {"say", "stress", "describe", "point"} <= set(lexicon.verbs)
    assert "statement" in lexicon.nouns
    assert "as" in next(c for c in lexicon.verbs["describe"]).kinds


def test_shipped_file_is_in_the_manifest() -> None:
    manifest = Path(__file__).resolve().parents[2] / "src" / "communique" / "data" / "MANIFEST.md"
    assert f"{VERSION}.txt" in manifest.read_text(encoding="utf-8")


def test_phrasal_cue_needs_its_particle(nlp: Any) -> None:
    lexicon = Lexicon.load()
    out = nlp("Chen pointed out the error.")
    to = nlp("Chen pointed to the error.")
    cue = lexicon.verb_cue(out[1])
    assert cue is not None and cue.lemma == "point out"
    assert lexicon.verb_cue(to[1]) is None


def test_so_called_is_not_a_cue(nlp: Any) -> None:
    doc = nlp("The so-called reform failed.")
    assert all(Lexicon.load().verb_cue(t) is None for t in doc)


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("say", "expected lemma<TAB>kinds"),
        ("say\tshout", "unknown kinds"),
        ("say\t,", "unknown kinds"),
    ],
)
def test_malformed_lines_name_file_and_line(line: str, problem: str) -> None:
    with pytest.raises(DataError, match=rf"C501: mine.txt:2: .*{problem}"):
        Lexicon().read(f"# comment\n{line}\n", source="mine.txt")


def test_user_file_extends_the_lexicon(tmp_path: Path, nlp: Any) -> None:
    extra = tmp_path / "cues.txt"
    extra.write_text("# local cues\nscream\tclause\tshouted statements\n", encoding="utf-8")
    lexicon = Lexicon.load([extra])
    doc = nlp("Okafor screamed that the vote was stolen.")
    cue = lexicon.verb_cue(doc[1])
    assert cue is not None and cue.lemma == "scream" and cue.notes == "shouted statements"
    assert Lexicon.load().verb_cue(doc[1]) is None
