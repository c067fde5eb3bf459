"""Pipeline throughput, per-stage cost, memory and worker speed-up.

Not a test: prints figures as ratios against a baseline measured in the same
run (a bare ``nlp.pipe`` parse of the same texts), as spaCy's
``benchmark speed`` does. The corpus is assembled at run time from the
development reports in ../shared/eval/articles (or any folder given with
--corpus): their paragraphs are shuffled into new documents, so nothing
third-party is stored in the repository. ``--whole DIR`` reads the articles of
an evaluation folder as they are instead (``DIR/articles``, published dates
from ``DIR/gold/articles.jsonl``): issue 11's cost acceptance is measured on
``../shared/eval-news`` that way (events, dates and places together at most
20% of the parse time), because shuffled paragraphs lose the datelines and
narrative the dating and placing rules walk.

Several folders may follow ``--whole``; ``--per-folder N`` takes the first N
articles of each (by file name). With ``--process-rounds N`` the benchmark also
runs whole processes, alternating, N rounds each: ``communique run`` on those
articles (ingest, analysis, store, clusters; a fresh store each time) against
a bare process that loads spaCy and parses the same texts with ``nlp.pipe``,
and prints the median of the rounds' ratios of wall and CPU time (issue 14
accepts at most 1.25x). The 90-article figure in the README:

    python benchmarks/bench_pipeline.py [--docs 200] [--repeat 3] [--workers 2]
    python benchmarks/bench_pipeline.py --whole ../shared/eval-news --workers 1
    python benchmarks/bench_pipeline.py --whole ../shared/eval-news ../shared/eval \
        ../shared/eval-ecb --per-folder 53 --workers 1 --process-rounds 3
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from spacy.language import Language

from communique import nlp as analysis
from communique.config import Settings
from communique.ingest import from_text
from communique.model import Document
from communique.pipeline import LocalEngine, ProcessEngine
from communique.stages import Context, Stage, default_stages

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "eval" / "articles"
# Places are found inside the events stage (``communique.events.anchor``), so these two
# stages hold events, dates and places; issue 11 accepts at most 20% of the parse time.
EXTRACTION_STAGES = {"dates", "events"}


def make_corpus(folder: Path, n_docs: int, seed: int = 13) -> list[str]:
    """Shuffle the paragraphs of every text under ``folder`` into ``n_docs`` documents."""
    paragraphs = [
        p.strip()
        for path in sorted(folder.glob("*.txt"))
        for p in path.read_text(encoding="utf-8").split("\n")
        if len(p.split()) > 8
    ]
    rng = random.Random(seed)
    docs = []
    for _ in range(n_docs):
        k = rng.randint(4, 12)
        docs.append("\n\n".join(rng.sample(paragraphs, min(k, len(paragraphs)))))
    return docs


def whole_articles(folder: Path, limit: int | None = None) -> list[Document]:
    """The articles of an evaluation folder (the first ``limit`` by name), with the
    published date its gold states."""
    published: dict[str, str | None] = {}
    gold = folder / "gold" / "articles.jsonl"
    if gold.is_file():
        for line in gold.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            published[Path(row["file"]).name] = row.get("published")
    return [
        from_text(
            path.read_text(encoding="utf-8"), source=path.name, published=published.get(path.name)
        )
        for path in sorted((folder / "articles").glob("*.txt"))[:limit]
    ]


# The baseline process: spaCy loaded and the texts parsed, nothing else.
BARE_PARSE = """
import sys, spacy
nlp = spacy.load(sys.argv[1])
texts = [open(p, encoding="utf-8").read() for p in sys.argv[2:]]
for _ in nlp.pipe(texts, batch_size=32):
    pass
"""


def process_cost(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, the process and what it waited for) of one
    whole process; its output is discarded, a failure stops the benchmark."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # exit code 1: the run finished and recorded failed documents (timed all the same)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{command[:3]} failed:\n{done.stderr.decode(errors='replace')[-3000:]}")
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return wall, cpu


def compile_package() -> None:
    """Write communique's bytecode, as installing a package does (pip compiles it), so
    that the timed processes read it instead of compiling ~100 modules each: with
    PYTHONDONTWRITEBYTECODE set (as on some development machines) an editable checkout
    never caches it, a cost no installed copy pays. The libraries' bytecode was written
    when they were installed; the bare parse needs nothing of ours."""
    import communique

    package = str(Path(communique.__file__).parent)
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    command = [sys.executable, "-m", "compileall", "-q", package]
    subprocess.run(command, env=environment, check=True, stdout=subprocess.DEVNULL)


def whole_process(documents: list[Document], model: str, rounds: int) -> None:
    """``communique run`` against the bare parse, each a process of its own, alternating
    (``rounds`` of each), on the documents' texts written to files (with their published
    dates in ``metadata.jsonl``, as ``communique eval`` gives them)."""
    communique = str(Path(sys.executable).parent / "communique")
    with tempfile.TemporaryDirectory(prefix="bench-pipeline-") as scratch:
        corpus = Path(scratch) / "corpus"
        corpus.mkdir()
        paths, metadata = [], []
        for i, document in enumerate(documents):
            path = corpus / f"doc{i:04d}.txt"
            path.write_text(document.text + "\n", encoding="utf-8")
            paths.append(str(path))
            metadata.append(json.dumps({"file": path.name, "published": document.published}))
        (corpus / "metadata.jsonl").write_text("\n".join(metadata) + "\n", encoding="utf-8")
        bare_command = [sys.executable, "-c", BARE_PARSE, model, *paths]
        compile_package()
        # The runs' compiled reference data (``communique.data_cache``) in a folder of their
        # own, made by one untimed run first, as on any machine after its first run: in the
        # shared cache folder, a process of another checkout or of code edited meanwhile
        # replaces it, and a timed run would then pay a rebuild (6 s for the knowledge base).
        run_env = {**os.environ, "COMMUNIQUE_CACHE_DIR": str(Path(scratch) / "cache")}
        warm_up = [communique, "run", str(corpus), "--db", str(Path(scratch) / "warm.db")]
        process_cost(warm_up, run_env)
        bare, runs = [], []
        for i in range(rounds):
            db = str(Path(scratch) / f"run{i}.db")
            run_command = [communique, "run", str(corpus), "--db", db, "--json"]
            # the order alternates so that neither always follows the other's disk cache
            if i % 2:
                runs.append(process_cost(run_command, run_env))
                bare.append(process_cost(bare_command))
            else:
                bare.append(process_cost(bare_command))
                runs.append(process_cost(run_command, run_env))
    print(f"\nwhole processes, {rounds} rounds alternating (seconds: wall / CPU)")
    for (bare_wall, bare_cpu), (run_wall, run_cpu) in zip(bare, runs, strict=True):
        print(
            f"  bare parse {bare_wall:6.2f} / {bare_cpu:6.2f}   communique run "
            f"{run_wall:6.2f} / {run_cpu:6.2f}   ratio {run_wall / bare_wall:.2f}x wall, "
            f"{run_cpu / bare_cpu:.2f}x CPU"
        )
    wall_ratio = statistics.median(r[0] / b[0] for r, b in zip(runs, bare, strict=True))
    cpu_ratio = statistics.median(r[1] / b[1] for r, b in zip(runs, bare, strict=True))
    print(
        f"  communique run / bare nlp.pipe process: {wall_ratio:.2f}x wall, {cpu_ratio:.2f}x CPU"
        f" (median of the rounds' ratios; issue 14 accepts at most 1.25x)"
    )


def timed(fn: Callable[[], object], repeat: int) -> float:
    """Best-of-``repeat`` wall time after one warm-up call."""
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def stage_costs(
    nlp: Language, documents: list[Document], context: Context, stages: list[Stage], repeat: int
) -> tuple[dict[str, list[float]], list[float]]:
    """Seconds of each stage on parsed docs, per round, and each round's share of the
    extraction stages against a parse timed right before them: a round compares the two
    under the same machine load (shared machines vary by 2x)."""
    parsed = list(nlp.pipe([d.text for d in documents], batch_size=32))
    stage_seconds: dict[str, list[float]] = {s.name: [] for s in stages}
    round_ratios: list[float] = []
    for _ in range(repeat):
        start = time.perf_counter()
        list(nlp.pipe([d.text for d in documents], batch_size=32))
        round_parse = time.perf_counter() - start
        copies = [d.model_copy(deep=True) for d in documents]
        extraction_seconds = 0.0
        for stage in stages:
            start = time.perf_counter()
            for doc, document in zip(parsed, copies, strict=True):
                stage.fn(doc, document, context)
            seconds = time.perf_counter() - start
            stage_seconds[stage.name].append(seconds)
            if stage.name in EXTRACTION_STAGES:
                extraction_seconds += seconds
        round_ratios.append(extraction_seconds / round_parse)
    return stage_seconds, round_ratios


def print_stage_costs(
    stage_seconds: dict[str, list[float]], round_ratios: list[float], parse: float
) -> None:
    print("\nstage cost as a share of parse time (best of runs):")
    for name, values in stage_seconds.items():
        print(
            f"  {name:10s} {min(values) / parse:7.1%}   ({statistics.median(values):.3f} s median)"
        )
    ratio = statistics.median(round_ratios)
    print(
        f"  events+dates+places together {ratio:.1%} of the parse (limit 20%; median of"
        f" {len(round_ratios)} rounds, each against its own parse)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--whole",
        type=Path,
        nargs="+",
        help="evaluation folders whose articles are read as they are",
    )
    parser.add_argument(
        "--per-folder", type=int, help="with --whole: the first N articles of each folder"
    )
    parser.add_argument(
        "--process-rounds",
        type=int,
        default=0,
        help="also time communique run against a bare parse, whole processes, N rounds",
    )
    args = parser.parse_args(argv)

    sources = [folder / "articles" for folder in args.whole] if args.whole else [args.corpus]
    missing = [str(folder) for folder in sources if not folder.is_dir()]
    if missing:
        print(f"no corpus folder {', '.join(missing)}", file=sys.stderr)
        return 2
    source = " ".join(map(str, sources))
    if args.whole:
        documents = [d for folder in args.whole for d in whole_articles(folder, args.per_folder)]
    else:
        texts = make_corpus(args.corpus, args.docs)
        documents = [
            from_text(t, source=f"bench#{i}", published="2023-06-22") for i, t in enumerate(texts)
        ]
    words = sum(len(d.text.split()) for d in documents)
    settings = Settings(cluster=False)
    nlp = analysis.load(settings.spacy_model)
    context = Context.load(settings)
    stages = default_stages()
    print(f"corpus: {len(documents)} documents, {words} words (from {source})")

    def fresh() -> list[Document]:
        return [d.model_copy(deep=True) for d in documents]

    # Baseline: the bare spaCy parse of the same texts.
    parse = timed(lambda: list(nlp.pipe([d.text for d in documents], batch_size=32)), args.repeat)

    stage_seconds, round_ratios = stage_costs(nlp, documents, context, stages, args.repeat)

    engine = LocalEngine(settings)
    full = timed(lambda: list(engine.analyse(fresh())), args.repeat)

    print(f"\nbare nlp.pipe parse      {words / parse:10.0f} words/s  (baseline 1.00)")
    print(
        f"full pipeline, 1 process {words / full:10.0f} words/s  ratio {parse / full:.2f} of parse speed"
    )
    print_stage_costs(stage_seconds, round_ratios, parse)
    print(f"\npeak RSS (this process): {peak_rss_mb():.0f} MB")
    if args.process_rounds:
        whole_process(documents, settings.spacy_model, args.process_rounds)

    if args.workers > 1:
        pool_settings = settings.model_copy(update={"workers": args.workers, "batch_size": 8})
        with ProcessEngine(pool_settings) as pool:
            start = time.perf_counter()
            list(pool.analyse(fresh()[: args.workers]))  # starts the workers
            startup = time.perf_counter() - start
            pooled = timed(lambda: list(pool.analyse(fresh())), args.repeat)
        print(
            f"\n{args.workers} workers vs 1 process (warm pool): {full / pooled:.2f}x speed-up "
            f"({words / pooled:.0f} vs {words / full:.0f} words/s); pool start-up {startup:.1f} s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
