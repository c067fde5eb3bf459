"""Start-up, whole-run cost and worker speed-up of the engines (issue 14), in one run.

Not a test: every figure is a ratio against a baseline measured in the same
run on the same texts, so that a loaded or slower machine changes the
seconds but less the ratios.

1. start-up: ``communique --help``, ``stats`` and ``run`` on a one-sentence
   file, each a whole process, against a bare process that loads spaCy and
   parses that sentence;
2. whole run: ``communique run`` on the corpus (a process of its own, store
   and clustering included) against a bare ``nlp.pipe`` of the same texts in a
   process of its own; and, warm, the analysis alone against the parse alone;
3. speed-up of 1 and N workers, warm (reference data loaded), for the process
   pool and for Ray (a local Ray cluster of N CPUs).

The corpus is made at run time from the paragraphs of the development reports
(``bench_pipeline.make_corpus``); nothing third-party is stored here.

    python benchmarks/bench_engines.py [--docs 40] [--workers 2] [--no-ray]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_pipeline import DEFAULT_CORPUS, make_corpus

from communique.config import Settings
from communique.ingest import from_text
from communique.model import Document

PYTHON = sys.executable
COMMUNIQUE = str(Path(PYTHON).parent / "communique")
ONE_SENTENCE = "Norway's foreign minister met Qatar's prime minister in Doha on Wednesday."

BARE_PARSE = """
import sys, spacy
nlp = spacy.load(sys.argv[1])
texts = [open(p, encoding="utf-8").read() for p in sys.argv[2:]]
for _ in nlp.pipe(texts, batch_size=32):
    pass
"""


def wall(command: list[str]) -> float:
    """Wall time of one whole process (its output discarded; a failure stops the benchmark)."""
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - start


def best_wall(command: list[str], repeat: int) -> float:
    return min(wall(command) for _ in range(repeat))


def startup(folder: Path, settings: Settings, repeat: int) -> None:
    sentence = folder / "one" / "sentence.txt"
    sentence.parent.mkdir()
    sentence.write_text(ONE_SENTENCE + "\n", encoding="utf-8")
    bare = best_wall([PYTHON, "-c", BARE_PARSE, settings.spacy_model, str(sentence)], repeat)
    db = folder / "startup.db"
    # --db on a fresh file each time: a re-run would skip the stored article
    runs = [
        wall([COMMUNIQUE, "run", str(sentence.parent), "--db", f"{db}.{i}", "--json"])
        for i in range(repeat)
    ]
    helped = best_wall([COMMUNIQUE, "--help"], repeat)
    stats = best_wall([COMMUNIQUE, "stats", "--db", f"{db}.0"], repeat)
    print("start-up (whole processes, best of", repeat, "runs)")
    print(f"  bare: load spaCy + parse one sentence   {bare:6.2f} s  (baseline 1.00)")
    print(f"  communique run, one sentence           {min(runs):6.2f} s  {min(runs) / bare:.2f}x")
    print(f"  communique --help                      {helped:6.2f} s  {helped / bare:.2f}x")
    print(f"  communique stats                       {stats:6.2f} s  {stats / bare:.2f}x")


def whole_run(folder: Path, documents: list[Document], settings: Settings, repeat: int) -> None:
    corpus = folder / "corpus"
    corpus.mkdir()
    paths = []
    for i, document in enumerate(documents):
        path = corpus / f"doc{i:04d}.txt"
        path.write_text(document.text + "\n", encoding="utf-8")
        paths.append(str(path))
    bare = best_wall([PYTHON, "-c", BARE_PARSE, settings.spacy_model, *paths], repeat)
    runs = [
        wall([COMMUNIQUE, "run", str(corpus), "--db", str(folder / f"whole{i}.db"), "--json"])
        for i in range(repeat)
    ]
    print(f"\nwhole run on {len(paths)} documents (whole processes, best of {repeat})")
    print(f"  bare nlp.pipe process                  {bare:6.2f} s  (baseline 1.00)")
    print(f"  communique run (store + clusters)      {min(runs):6.2f} s  {min(runs) / bare:.2f}x")


def warm_ratio(documents: list[Document], settings: Settings) -> float:
    """Seconds of the analysis alone in one warm process, printed against the parse alone."""
    from communique import nlp as analysis
    from communique.pipeline import LocalEngine

    nlp = analysis.load(settings.spacy_model)
    texts = [d.text for d in documents]
    list(nlp.pipe(texts[:4]))
    start = time.perf_counter()
    list(nlp.pipe(texts, batch_size=settings.batch_size))
    parse = time.perf_counter() - start
    with LocalEngine(settings) as engine:
        list(engine.analyse(copies(documents[:4])))  # warm-up: loads the reference data
        start = time.perf_counter()
        list(engine.analyse(copies(documents)))
        analysed = time.perf_counter() - start
    print("\nwarm, in this process (reference data loaded)")
    print(f"  nlp.pipe parse                         {parse:6.2f} s  (baseline 1.00)")
    print(f"  analysis (parse + stages)              {analysed:6.2f} s  {analysed / parse:.2f}x")
    return analysed


def copies(documents: Iterable[Document]) -> list[Document]:
    return [d.model_copy(deep=True) for d in documents]


class Timed:
    """An engine's warm throughput: warm-up batches first, then the corpus, timed."""

    def __init__(self, make: Callable[[], Any], workers: int, batch: int) -> None:
        self.make, self.workers, self.batch = make, workers, batch

    def seconds(self, documents: list[Document]) -> tuple[float, float]:
        started = time.perf_counter()
        with self.make() as engine:
            # one batch per worker, sent together: every worker loads its Context
            list(engine.analyse(copies(documents[: self.workers * self.batch])))
            warmed = time.perf_counter()
            results = list(engine.analyse(copies(documents)))
            done = time.perf_counter()
        assert len(results) == len(documents)
        return warmed - started, done - warmed


def speedups(documents: list[Document], settings: Settings, workers: int, ray: bool) -> None:
    from communique.pipeline import LocalEngine, ProcessEngine

    batch = max(1, min(settings.batch_size, len(documents) // (4 * workers)))
    print(f"\nworkers, warm, {len(documents)} documents in batches of {batch}")
    one = settings.model_copy(update={"batch_size": batch, "workers": 1})
    _, base = Timed(lambda: LocalEngine(one), 1, batch).seconds(documents)
    print(f"  1 process, no pool                     {base:6.2f} s  (baseline 1.00)")
    kinds: list[tuple[str, Callable[[Settings], Any]]] = [("process pool", ProcessEngine)]
    if ray:
        from communique.ray_engine import RayEngine

        kinds.append(("ray", RayEngine))
    for name, engine in kinds:
        for n in sorted({1, workers}):
            current = one.model_copy(update={"workers": n})
            start, seconds = Timed(partial(engine, current), n, batch).seconds(documents)
            print(
                f"  {name:12s} {n} worker{'s' if n > 1 else ' '}               "
                f"{seconds:6.2f} s  speed-up {base / seconds:.2f}x  (start-up {start:.1f} s)"
            )


def documents_of(texts: Iterator[str] | list[str]) -> list[Document]:
    return [from_text(t, source=f"bench#{i}", published="2024-05-02") for i, t in enumerate(texts)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--docs", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-ray", action="store_true", help="Leave Ray out.")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus folder {args.corpus}", file=sys.stderr)
        return 2
    documents = documents_of(make_corpus(args.corpus, args.docs))
    words = sum(len(d.text.split()) for d in documents)
    settings = Settings(cluster=False)
    print(f"corpus: {len(documents)} documents, {words} words (from {args.corpus})")
    print(json.dumps({"workers": args.workers, "repeat": args.repeat}))
    with tempfile.TemporaryDirectory(prefix="bench-engines-") as scratch:
        folder = Path(scratch)
        startup(folder, settings, args.repeat)
        whole_run(folder, documents, settings, args.repeat)
    warm_ratio(documents, settings)
    speedups(documents, settings, args.workers, ray=not args.no_ray)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
