"""Benchmark: incremental clustering on a large synthetic store.

Not part of the pipeline: generates ``--n`` synthetic articles (episodes of
1-6 reports of one meeting between two actors, each episode with a
same-actors twin months later, 5% syndicated copies with other boilerplate)
and writes them straight through the store as analysed ``Document`` records
with mentions and events (no spaCy). Then it measures:

1. clustering the store from scratch, in the segments up to each size of
   ``--at`` (default: a tenth of the store, then all of it), with the time per
   article of each segment (it should not grow: the total is the time to
   cluster the store from scratch);
2. after each segment, the time to add one article to the store of that size,
   wall and CPU, and its ratio to the first size: the cost of adding an
   article should not grow with the store;
3. peak RSS of the process.

Each "add one" is warmed up once and repeated ``--repeat`` times (median).

With ``--articles DIR`` (e.g. ``../shared/eval-ecb/articles``) it also
analyses the real articles of DIR into a fresh store without clustering
(timed: the analysis), then clusters them from scratch (timed), and prints
the ratio of the two: clustering should take well under the analysis.
``--n 0`` skips the synthetic store.

    .venv/bin/python benchmarks/bench_cluster.py --n 100000 --db /tmp/bench.db
    .venv/bin/python benchmarks/bench_cluster.py --n 50000 --at 5000,20000,50000
    .venv/bin/python benchmarks/bench_cluster.py --n 0 --articles ../shared/eval-ecb/articles

Building and clustering a 100,000-article store takes ten minutes on a quiet machine
(an hour on a loaded one). With
``--keep DIR`` a copy of the store is saved at each size of ``--at``
(``DIR/store-SIZE.db``, clustered up to that size); ``--reuse DIR`` then
times adding one article to a scratch copy of each saved store (same
``--n`` and ``--at``), so that a change to the clustering code is timed in
a minute against the same stores:

    .venv/bin/python benchmarks/bench_cluster.py --n 100000 --at 10000,100000 --keep /tmp/stores
    .venv/bin/python benchmarks/bench_cluster.py --n 100000 --at 10000,100000 --reuse /tmp/stores

and ``--pass-size 2000`` adds a clustering pass of 2,000 new articles to the largest
copy and prints its memory (RSS before, after, peak).
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path

from communique.cluster import update_clusters
from communique.config import Settings
from communique.model import Actor, Document, Event, Evidence, Mention, Place, content_id
from communique.store import Store

SYLLABLES = [c + v for c in "bdfghklmnprstvz" for v in "aeiou"]
BOILERPLATE = "Share this story on social media. Subscribe to our newsletter for daily updates."


def word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


class Corpus:
    """Synthetic episodes: who met whom, where and when, told in made-up words."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.vocabulary = [word(self.rng) for _ in range(30_000)]
        self.zipf = list(accumulate(1 / rank for rank in range(1, len(self.vocabulary) + 1)))
        self.people = [
            Actor(id=f"p{i}", name=f"{word(self.rng).title()} {word(self.rng).title()}",
                  country=f"C{i % 150:03d}", origin="local")
            for i in range(6_000)
        ]  # fmt: skip
        self.places = [Place(name=word(self.rng).title(), country=f"C{i:03d}") for i in range(150)]
        self.start = date(2015, 1, 1)
        self.history: list[tuple[Actor, Actor, date, Place, list[str]]] = []

    def _sentence(self, topic: list[str], size: int = 14) -> str:
        rng = self.rng
        # general words with Zipf frequencies (the most common about 9% of words, as "the" in
        # English) plus the episode's topic words
        words = rng.choices(self.vocabulary, cum_weights=self.zipf, k=size)
        for _ in range(3):
            words.insert(rng.randrange(len(words)), rng.choice(topic))
        return " ".join(words).capitalize() + "."

    def episodes(self, n: int) -> Iterator[Document]:
        """About ``n`` documents, in publication order (roughly as they would arrive)."""
        rng = self.rng
        made = 0
        day = 0
        while made < n:
            a, b = rng.sample(self.people, 2)
            for twin in (0, 1):  # the same two actors meet again months later
                when = self.start + timedelta(days=day + twin * rng.randint(90, 400))
                place = rng.choice(self.places)
                topic = rng.sample(self.vocabulary, 10)
                self.history.append((a, b, when, place, topic))
                for _ in range(rng.randint(1, 6)):
                    doc = self.report(a, b, when, place, topic)
                    yield doc
                    made += 1
                    if rng.random() < 0.05:
                        yield self.copy(doc)
                        made += 1
            day += 1 if rng.random() < 0.02 else 0  # about 50 episodes a day

    def report(self, a: Actor, b: Actor, when: date, place: Place, topic: list[str]) -> Document:
        rng = self.rng
        lead = f"{a.name} met {b.name} in {place.name} on {when.isoformat()}."
        body = " ".join(self._sentence(topic) for _ in range(rng.randint(5, 9)))
        text = f"{lead} {body} {b.name} thanked {a.name}."
        mentions = [
            Mention(start=s, end=s + len(actor.name), text=actor.name, actor_id=actor.id)
            for actor in (a, b)
            for s in _find_all(text, actor.name)
        ]
        evidence = Evidence(article="", start=0, end=len(lead), text=lead)
        events = [
            Event(id="e1", type="CONSULT", source_id=a.id, target_id=b.id, date=when.isoformat(),
                  date_precision="day", location=place, evidence=evidence),
            Event(id="e2", type="SUPPORT", source_id=b.id, target_id=a.id, date=when.isoformat(),
                  date_precision="day", evidence=evidence, salience="main"),
        ]  # fmt: skip
        return self._document(text, when, [a, b], mentions, events)

    def copy(self, doc: Document) -> Document:
        text = f"{BOILERPLATE}\n\n{doc.text}\n\nRead more: {word(self.rng)} {word(self.rng)}"
        shift = len(BOILERPLATE) + 2
        mentions = [m.model_copy(update={"start": m.start + shift, "end": m.end + shift})
                    for m in doc.mentions]  # fmt: skip
        published = date.fromisoformat(doc.published or "2015-01-01") + timedelta(days=1)
        return self._document(text, published, doc.actors, mentions, doc.events)

    def _document(self, text: str, published: date, actors: list[Actor],
                  mentions: list[Mention], events: list[Event]) -> Document:  # fmt: skip
        article = content_id(text)
        return Document(
            id=article, text=text, original=text, published=published.isoformat(),
            actors=actors, mentions=mentions,
            events=[e.model_copy(update={"evidence": e.evidence.model_copy(
                update={"article": article})}) for e in events],
        )  # fmt: skip


def _find_all(text: str, name: str) -> Iterator[int]:
    start = text.find(name)
    while start >= 0:
        yield start
        start = text.find(name, start + 1)


def rss_mb() -> float:
    """Resident memory of this process now (Linux)."""
    return int(Path("/proc/self/statm").read_text().split()[1]) * resource.getpagesize() / 2**20


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def add_one(store: Store, corpus: Corpus, repeat: int) -> tuple[float, float]:
    """Median wall and CPU seconds to cluster one new report of a stored episode (it joins
    its story and event clusters). CPU time is what this process spent: on a machine
    shared with other work it says more about the growth than the wall time does."""
    walls: list[float] = []
    cpus: list[float] = []
    for i in range(repeat + 1):
        doc = corpus.report(*corpus.rng.choice(corpus.history[: len(corpus.history) // 10]))
        while store.has_article(doc.id):  # a store saved by --keep holds earlier draws
            doc = corpus.report(*corpus.rng.choice(corpus.history[: len(corpus.history) // 10]))
        store.save_documents([doc])
        started, cpu = time.perf_counter(), time.process_time()
        update_clusters(store, [doc.id], settings=Settings())
        if i:  # the first is a warm-up
            walls.append(time.perf_counter() - started)
            cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def real_articles(folder: Path) -> None:
    """Analyse the articles of ``folder`` (no clustering), then cluster them from scratch."""
    from communique.cluster import recluster
    from communique.pipeline import run

    db = str(Path(tempfile.mkdtemp()) / "bench-real.db")
    started, cpu = time.perf_counter(), cpu_seconds()
    summary = run([folder], db=db, settings=Settings(cluster=False))
    analysed, analysed_cpu = time.perf_counter() - started, cpu_seconds() - cpu
    with Store.open(db) as store:
        started, cpu = time.perf_counter(), cpu_seconds()
        clustered = recluster(store, settings=Settings())
        clustering, clustering_cpu = time.perf_counter() - started, cpu_seconds() - cpu
        stories = len(store.clusters("story"))
    print(f"{folder}: analysed {summary.added} articles in {analysed:.1f} s (CPU "
          f"{analysed_cpu:.1f} s); clustered {clustered} from scratch in {clustering:.1f} s "
          f"(CPU {clustering_cpu:.1f} s; {stories} stories): {clustering / analysed:.1%} of "
          f"the analysis time (CPU {clustering_cpu / analysed_cpu:.1%})")  # fmt: skip


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (analysis workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def snapshot(db: Path, target: Path) -> None:
    """Copy the store (SQLite's online backup: consistent while it is open)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    source, copy = sqlite3.connect(db), sqlite3.connect(target)
    with copy:
        source.backup(copy)
    source.close()
    copy.close()


def reuse(args: argparse.Namespace) -> None:
    """Time adding one article to a scratch copy of each store ``--keep`` saved."""
    corpus = Corpus()
    for _ in corpus.episodes(args.n):  # the same episodes, to draw new reports from
        pass
    sizes = sorted(int(x) for x in args.at.split(",")) if args.at else [args.n // 10, args.n]
    first: tuple[int, float, float] | None = None
    scratch = Path(tempfile.mkdtemp())
    for size in sizes:
        db = scratch / f"store-{size}.db"
        shutil.copyfile(args.reuse / f"store-{size}.db", db)
        with Store.open(str(db)) as store:
            wall, cpu = add_one(store, corpus, args.repeat)
            if size == sizes[-1] and args.pass_size:
                one_pass(store, corpus, args.pass_size)
        db.unlink()
        first = first or (size, wall, cpu)
        print(f"add one article to {size}: {wall * 1000:.0f} ms (CPU {cpu * 1000:.0f} ms), "
              f"x{wall / first[1]:.2f} (CPU x{cpu / first[2]:.2f}) the time at {first[0]}")  # fmt: skip
    print(f"peak RSS: {peak_rss_mb():.0f} MB")


def one_pass(store: Store, corpus: Corpus, count: int) -> None:
    """Memory of one clustering pass of ``count`` new articles (what ``communique run``
    does every ``pipeline.CLUSTER_EVERY`` articles): RSS before, after, and its peak."""
    documents = list(corpus.episodes(count))
    store.save_documents(documents)
    ids = list(dict.fromkeys(d.id for d in documents))
    del documents
    before, started = rss_mb(), time.perf_counter()
    update_clusters(store, ids, settings=Settings())
    print(f"a pass of {len(ids)} new articles: {time.perf_counter() - started:.1f} s, RSS "
          f"{before:.0f} -> {rss_mb():.0f} MB, peak {peak_rss_mb():.0f} MB")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--articles", type=Path, default=None)
    parser.add_argument("--at", default=None,
                        help="store sizes, comma-separated, at which to time adding one "
                        "article (default: n/10 and n)")  # fmt: skip
    parser.add_argument(
        "--keep",
        type=Path,
        default=None,
        help="save a copy of the store at each size in this folder",
    )
    parser.add_argument("--reuse", type=Path, default=None,
                        help="time adding one article to the copies saved by --keep")  # fmt: skip
    parser.add_argument("--pass-size", type=int, default=0,
                        help="with --reuse: RSS of one clustering pass of this many new "
                        "articles into the largest store")  # fmt: skip
    args = parser.parse_args()
    if args.articles is not None:
        real_articles(args.articles)
    if args.n <= 0:
        return
    if args.reuse is not None:
        reuse(args)
        return
    db = args.db or Path(tempfile.mkdtemp()) / "bench-cluster.db"
    corpus = Corpus()
    started = time.perf_counter()
    ids: list[str] = []
    with Store.open(str(db)) as store:
        batch: list[Document] = []
        for doc in corpus.episodes(args.n):
            batch.append(doc)
            if len(batch) >= 1000:
                store.save_documents(batch)
                ids.extend(d.id for d in batch)
                batch = []
        store.save_documents(batch)
        ids.extend(d.id for d in batch)
        ids = list(dict.fromkeys(ids))
        print(f"stored {len(ids)} articles in {time.perf_counter() - started:.1f} s ({db})")

        sizes = sorted({min(int(x), len(ids)) for x in args.at.split(",")} if args.at else
                       {len(ids) // 10, len(ids)})  # fmt: skip
        done = 0
        total = 0.0
        first: tuple[int, float, float] | None = None
        for size in sizes:
            started, cpu = time.perf_counter(), time.process_time()
            update_clusters(store, ids[done:size], settings=Settings())
            took, took_cpu = time.perf_counter() - started, time.process_time() - cpu
            total += took
            count = max(size - done, 1)
            print(f"cluster articles {done}-{size} from scratch: {took:.1f} s "
                  f"({took / count * 1000:.1f} ms an article, CPU "
                  f"{took_cpu / count * 1000:.1f} ms); RSS {rss_mb():.0f} MB, peak "
                  f"{peak_rss_mb():.0f} MB", flush=True)  # fmt: skip
            done = size
            if args.keep is not None:
                snapshot(db, args.keep / f"store-{size}.db")
            wall, cpu = add_one(store, corpus, args.repeat)
            first = first or (size, wall, cpu)
            print(f"add one article to {size}: {wall * 1000:.0f} ms (CPU {cpu * 1000:.0f} ms), "
                  f"x{wall / first[1]:.2f} (CPU x{cpu / first[2]:.2f}) the time at {first[0]}",
                  flush=True)  # fmt: skip
        counts = store.stats()
        print(f"cluster all {done} from scratch: {total:.1f} s")
        print(f"clusters: {counts['clusters']}; distinct events: {store.distinct_events()} "
              f"of {counts['events']}")  # fmt: skip
    print(f"peak RSS: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
