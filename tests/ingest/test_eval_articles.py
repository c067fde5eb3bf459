"""The five real scraped reports of the development set, read from ../shared only (never copied)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from communique.config import Settings
from communique.ingest import read, to_original
from communique.model import Document

EVAL_DIR = Path(__file__).resolve().parents[3] / "shared" / "eval"

ARTICLES = EVAL_DIR / "articles"
CUES = ("Leave a Reply", "Share it:", "Read more", "No comments", "Post a Comment", "Your email")
# a sentence end glued to the next sentence: "word.Word", "said.”“We"
GLUED = re.compile(r"[a-z]{2}[.!?][”\"’]?[A-Z“][a-z]")

pytestmark = pytest.mark.skipif(not ARTICLES.is_dir(), reason="shared eval set not present")


@pytest.fixture(scope="module")
def documents() -> dict[str, Document]:
    results = list(read([ARTICLES], settings=Settings()))
    assert all(isinstance(r, Document) for r in results)
    return {f"articles/{r.file}": r for r in results if isinstance(r, Document)}


def test_boilerplate_and_glue_are_gone(documents: dict[str, Document]) -> None:
    assert len(documents) == 5
    for document in documents.values():
        for cue in CUES:
            assert cue not in document.text, (document.file, cue)
        assert not GLUED.search(document.text), (document.file, GLUED.findall(document.text))
        assert document.language == "en" and document.status == "analysed"


def test_printed_date_matches_gold(documents: dict[str, Document]) -> None:
    lines = (EVAL_DIR / "gold" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    gold = [json.loads(line) for line in lines if line.strip()]
    for article in gold:
        document = documents[article["file"]]
        if article["published"]:
            assert document.published == article["published"], article["file"]
            assert document.published_source == "text"


def test_offsets_map_back_to_the_file(documents: dict[str, Document]) -> None:
    for document in documents.values():
        for index, char in enumerate(document.text):
            if not char.isspace():
                assert document.original[to_original(document, index)] == char
