"""Benchmark: the quote finder on one large paragraph full of quotation marks (issue 15, item 5).

Not part of the pipeline: builds a synthetic paragraph of ``--units`` repeats of
a sentence with a framed quotation, a characterisation in marks and a quoted
word in single marks (6 marks per repeat; 1,200 repeats are about 100 kB and
7,200 marks), parses it once, and prints the CPU seconds of the mark scanner
and of the whole quotes stage, apart from the parse. Doubling ``--units``
should about double the quotes time: the finder is linear in marks.

    .venv/bin/python benchmarks/bench_quotes.py --units 1200
"""

from __future__ import annotations

import argparse
import time

from communique import nlp as analysis
from communique.config import load_settings
from communique.model import Document
from communique.quotes import Lexicon, find_marked
from communique.quotes import find_quotes as run_quotes

UNIT = 'The minister said, "We will act today." Critics called it "a mistake" and \'odd\'. '


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--units", type=int, default=1200)
    args = parser.parse_args()
    text = UNIT * args.units
    nlp = analysis.load(load_settings().spacy_model)
    nlp.max_length = max(nlp.max_length, len(text) + 1)
    started = time.process_time()
    marked = find_marked(text)
    marks_seconds = time.process_time() - started
    started = time.process_time()
    doc = nlp(text)
    parse_seconds = time.process_time() - started
    document = Document(id="bench", text=text, original=text)
    started = time.process_time()
    quotes = run_quotes(doc, document, Lexicon.load())
    quotes_seconds = time.process_time() - started
    print(
        f"{len(text):,} chars, {len(marked):,} marked spans, {len(quotes):,} quotes: "
        f"marks {marks_seconds:.2f} s, parse {parse_seconds:.2f} s, quotes {quotes_seconds:.2f} s CPU"
    )


if __name__ == "__main__":
    main()
