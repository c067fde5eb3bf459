"""Wires the stages: ingest → analyse (spaCy + extraction stages) → store → cluster.

``process`` runs one text without a store; ``run`` takes files, directories,
feeds, WARC and JSONL through the whole chain into a store. Analysis goes
through an ``Engine`` so that how documents are spread over processes (one
process, a local process pool, Ray in ``communique.ray_engine``) is one small
interchangeable piece.
"""

from __future__ import annotations

import gc
import multiprocessing
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, Protocol

from communique.config import Settings, load_settings
from communique.errors import AnalysisError, Messages
from communique.limits import TimeLimitExceeded, time_limit
from communique.model import Document, Failure
from communique.stages import Context, Stage, check_order, default_stages

Result = Document | Failure


# ---------------------------------------------------------------------------
# analysis of documents that ingest produced


def analyse(documents: Iterable[Document], context: Context) -> Iterator[Result]:
    """Run spaCy and the extraction stages over documents, in batches, in input order.

    Documents flagged by ingest (not English, empty) pass through untouched.
    A stage that raises turns its document into a ``Failure`` (code C201) and
    the batch goes on. Results come out in the order the documents came in, so
    every engine that splits the input into batches and joins the results in
    batch order writes the same rows as this function does in one process.
    """
    from communique import nlp as analysis

    nlp = analysis.load(context.settings.spacy_model)
    stages = _stages(context)
    _keep_loaded_out_of_collections()
    pending: list[Document] = []

    def flush() -> Iterator[Result]:
        # The strings that a batch's texts add to spaCy's vocabulary are freed with the
        # batch's Docs when the zone ends: otherwise every new word, name and number
        # seen stays for the life of the process, and a long run's memory grows with
        # the corpus (issue 14). Nothing leaves a batch but the model records. (Not in
        # ``process``: the REST API calls it from several threads, and a zone is the
        # whole vocabulary's state.)
        with nlp.memory_zone():
            parsed = nlp.pipe(
                ((d.text, d) for d in pending if d.status == "analysed"),
                as_tuples=True,
                batch_size=context.settings.batch_size,
            )
            for document in pending:
                if document.status != "analysed":
                    yield document
                    continue
                doc, _ = next(parsed)
                try:
                    apply_stages(doc, document, stages, context)
                except AnalysisError as error:  # one bad document never stops a batch
                    yield Failure(
                        source=document.file or document.url or document.id,
                        code=error.code,
                        message=str(error),
                        document_id=document.id,
                    )
                else:
                    yield document
        pending.clear()

    for document in documents:
        pending.append(document)
        if len(pending) >= context.settings.batch_size:
            yield from flush()
    yield from flush()


def _stages(context: Context) -> list[Stage]:
    """The stage list, checked once per context (spaCy's ``requires``/``assigns`` check)."""
    stages: list[Stage] | None = context.cache.get("stages")
    if stages is None:
        stages = default_stages()
        check_order(stages)
        context.cache["stages"] = stages
    return stages


# ---------------------------------------------------------------------------
# the garbage collector during analysis
#
# Python's cyclic collector walks every container object of a generation each time it
# runs; a full collection walks all of them. The reference data (knowledge base,
# gazetteer, spaCy's vocabulary and model) is some millions of objects that live as long
# as the process, and a run allocates enough to reach a full collection every few dozen
# articles and the middle generation every few: a quarter of the 90-article run's cost
# above the parse was the collector walking the same loaded objects again (issue 14).
# What is loaded is set aside once (``gc.freeze``: never walked, never freed, as it is
# never garbage), and during a run the collector runs less often; what a batch
# allocates is mostly freed by reference counting when the batch ends, cycles or not
# the collector still frees the rest.

# (young generation after this many new objects, middle after this many young
# collections, full after this many middle ones); Python's defaults are (2000, 10, 10)
# in 3.13 and (700, 10, 10) before.
RUN_COLLECTION_THRESHOLDS = (10_000, 20, 10)
_frozen = False


def _keep_loaded_out_of_collections() -> None:
    """Once per process, after spaCy and the reference data are loaded: set aside every
    object that exists now, so that collections no longer walk them."""
    global _frozen
    if not _frozen:
        gc.freeze()
        _frozen = True


def apply_stages(doc: Any, document: Document, stages: list[Stage], context: Context) -> None:
    """Run each stage in order; a stage's exception becomes ``AnalysisError`` C201 naming it.

    A document may take ``max_seconds``; past that it is stopped with
    ``AnalysisError`` C202 (``communique.limits``), so that one pathological
    text cannot hold a run for minutes (issue 15).
    """
    source = document.file or document.url or document.id
    limit = context.settings.max_seconds
    started = time.perf_counter()
    current = ""
    try:
        with time_limit(limit):
            for stage in stages:
                current = stage.name
                try:
                    stage.fn(doc, document, context)
                except Exception as exc:  # not TimeLimitExceeded, a BaseException
                    raise AnalysisError(
                        Messages.C201, source=source, stage=stage.name, detail=repr(exc)
                    ) from exc
                if time.perf_counter() - started > limit:
                    raise TimeLimitExceeded
    except TimeLimitExceeded as exc:
        seconds = time.perf_counter() - started
        raise AnalysisError(
            Messages.C202, source=source, stage=current, seconds=seconds, limit=limit
        ) from exc


def process(
    text: str,
    *,
    published: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    url: str | None = None,
    html: bool = False,
    settings: Settings | None = None,
    context: Context | None = None,
) -> Document:
    """Analyse one text without a store and return the document with everything found in it.

    ``published`` (``YYYY-MM-DD``) anchors relative dates ("on Thursday"); when
    it is None the dateline or printed date found in the text is used.
    Raises ``InputError`` for unusable input and ``AnalysisError`` (C201, naming
    the stage, with the original exception chained) when a stage fails.
    """
    from communique import nlp as analysis
    from communique.ingest import from_html, from_text

    context = context or _default_context(settings)
    make = from_html if html else from_text
    document = make(text, source="<text>", published=published, outlet=outlet, title=title, url=url)
    if document.status == "analysed":
        doc = analysis.load(context.settings.spacy_model)(document.text)
        apply_stages(doc, document, _stages(context), context)
    return document


_contexts: dict[str, Context] = {}


def _default_context(settings: Settings | None) -> Context:
    settings = settings or load_settings()
    key = settings.model_dump_json()
    if key not in _contexts:
        _contexts[key] = Context.load(settings)
    return _contexts[key]


# ---------------------------------------------------------------------------
# engines: how documents are spread over processes


class Engine(Protocol):
    """Maps documents to results, in the order of the documents.

    Engines are context managers so that one holding worker processes (a
    process pool, Ray) can start them once and stop them at the end.
    """

    def analyse(self, documents: Iterable[Document]) -> Iterator[Result]: ...

    def close(self) -> None: ...

    def __enter__(self) -> Engine: ...

    def __exit__(self, *exc: object) -> None: ...


class LocalEngine:
    """Everything in this process: the default, and what the tests use."""

    def __init__(self, settings: Settings) -> None:
        self.context = _default_context(settings)

    def analyse(self, documents: Iterable[Document]) -> Iterator[Result]:
        return analyse(documents, self.context)

    def close(self) -> None:
        pass

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_worker_context: Context | None = None
BATCHES_PER_WORKER = 2  # in flight: one being analysed, one waiting, per worker


def _worker_init(settings_json: str) -> None:
    global _worker_context  # one Context per worker process, loaded once
    _worker_context = Context.load(Settings.model_validate_json(settings_json))
    gc.set_threshold(*RUN_COLLECTION_THRESHOLDS)  # a worker only ever analyses


def _worker_batch(documents: list[Document]) -> list[Result]:
    assert _worker_context is not None
    return list(analyse(documents, _worker_context))


class ProcessEngine:
    """A pool of worker processes, each loading spaCy and the knowledge base once.

    The pool starts on first use and lives until ``close``, so its start-up
    (per worker: spaCy, and the reference data read from the cache folder) is paid
    once per run, not per batch. Documents travel in chunks of ``batch_size``
    so that each worker still benefits from ``nlp.pipe`` batching; the pool
    uses ``spawn`` so that it is safe beside threads (rich's progress refresher).
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._pool: Any = None

    def _started(self) -> Any:
        if self._pool is None:
            ctx = multiprocessing.get_context("spawn")
            self._pool = ctx.Pool(
                self.settings.workers,
                initializer=_worker_init,
                initargs=(self.settings.model_dump_json(),),
            )
        return self._pool

    def analyse(self, documents: Iterable[Document]) -> Iterator[Result]:
        size = self.settings.batch_size
        iterator = iter(documents)
        chunks = iter(lambda: list(islice(iterator, size)), [])
        pool = self._started()
        # At most BATCHES_PER_WORKER chunks per worker in flight: ``Pool.imap`` reads its
        # whole input ahead, so a 10,000-article run held every ingested text at once.
        # Results are taken in the order sent, so a run with workers stores the same
        # rows as one without (a later chunk that finishes first waits, costing no
        # worker time).
        pending: deque[Any] = deque()
        for chunk in chunks:
            pending.append(pool.apply_async(_worker_batch, (chunk,)))
            if len(pending) >= BATCHES_PER_WORKER * self.settings.workers:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None

    def __enter__(self) -> ProcessEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        if exc and exc[0] is not None and self._pool is not None:
            self._pool.terminate()  # interrupted: do not wait for queued batches
            self._pool = None
        self.close()


def make_engine(settings: Settings) -> Engine:
    if settings.engine == "ray":
        from communique.ray_engine import RayEngine  # imports Ray only when asked for

        return RayEngine(settings)
    return ProcessEngine(settings) if settings.workers > 1 else LocalEngine(settings)


# ---------------------------------------------------------------------------
# run: inputs → store


@dataclass
class RunSummary:
    """What a run did; ``--json`` prints this."""

    db: str
    read: int = 0
    added: int = 0
    skipped: int = 0  # already in the store (same content hash)
    not_english: int = 0
    failed: int = 0
    failures: list[dict[str, Any]] = field(default_factory=list)
    articles: int = 0
    events: int = 0
    quotes: int = 0
    actors: int = 0
    clusters: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


Progress = Callable[[int], None]

# A run adds what it stored to the clusters every this many articles, not all at its end
# (issue 14: peak memory flat in the corpus size). A pass keeps the features and LSH
# bands of the articles it adds and scores their candidates a few hundred at a time
# (cluster/incremental.py): a 2,000-article pass into a 100,000-article store peaks at
# about +170 MB. Above the size of the evaluation sets, so that ``communique eval``
# still clusters each in one pass.
CLUSTER_EVERY = 1000


def run(
    inputs: Sequence[str | Path],
    *,
    db: str | None = None,
    workers: int | None = None,
    settings: Settings | None = None,
    metadata: dict[str, dict[str, Any]] | None = None,
    progress: Progress | None = None,
) -> RunSummary:
    """Read every input, analyse what is new, store it, then update clusters.

    Articles already in the store (same cleaned-text hash) are skipped, so a
    re-run adds nothing and a killed run resumes where it stopped: documents
    are committed in batches as they are analysed, and added to the clusters
    every ``CLUSTER_EVERY`` articles and at the end. ``metadata`` maps an input
    path (relative to its directory) to ``published``/``outlet``/``url`` values
    that override what is found in the text, as ``DIR/metadata.jsonl`` does.
    """
    from communique.cluster import update_clusters
    from communique.ingest import read
    from communique.store import Store
    from communique.store.provenance import current_provenance

    started = time.perf_counter()
    settings = (settings or load_settings()).model_copy(
        update={k: v for k, v in {"db": db, "workers": workers}.items() if v is not None}
    )
    summary = RunSummary(db=settings.db)
    store = Store.open(settings.db)
    store.use_provenance(current_provenance(settings))  # recorded on every article saved
    # restored at the end: ``run`` is also called from users' programs
    thresholds = gc.get_threshold()
    gc.set_threshold(*RUN_COLLECTION_THRESHOLDS)
    try:

        def fresh() -> Iterator[Document]:
            seen: set[str] = set()
            for item in read(inputs, settings=settings, metadata=metadata):
                summary.read += 1
                if isinstance(item, Failure):
                    _fail(store, summary, item)
                elif item.id in seen or store.has_article(item.id):
                    summary.skipped += 1
                    store.add_source(item)
                    if progress:
                        progress(1)
                else:
                    seen.add(item.id)
                    yield item

        unclustered: list[str] = []  # saved by this run, not yet added to the clusters

        def save(documents: list[Document]) -> None:
            store.save_documents(documents)
            summary.added += len(documents)
            if not settings.cluster:
                return
            unclustered.extend(d.id for d in documents)
            if len(unclustered) >= CLUSTER_EVERY:
                update_clusters(store, unclustered, settings=settings)
                unclustered.clear()

        batch: list[Document] = []
        with make_engine(settings) as engine:
            for result in engine.analyse(fresh()):
                if progress:
                    progress(1)
                if isinstance(result, Failure):
                    _fail(store, summary, result)
                    continue
                if result.status == "not-english":
                    summary.not_english += 1
                batch.append(result)
                if len(batch) >= settings.batch_size:
                    save(batch)
                    batch.clear()
        if batch:
            save(batch)
        if settings.cluster:  # every stored article not clustered yet, not only this run's
            update_clusters(store, settings=settings)
        counts = store.stats()
        summary.articles = counts["articles"]
        summary.events = counts["events"]
        summary.quotes = counts["quotes"]
        summary.actors = counts["actors"]
        summary.clusters = counts["clusters"]
    finally:
        gc.set_threshold(*thresholds)
        store.close()
    summary.seconds = round(time.perf_counter() - started, 2)
    return summary


def _fail(store: Any, summary: RunSummary, failure: Failure) -> None:
    store.record_failure(failure)
    summary.failed += 1
    summary.failures.append(failure.model_dump())
