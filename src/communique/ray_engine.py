"""The Ray engine: documents analysed by Ray workers, on this machine or on a cluster.

``communique run --engine ray`` starts a local Ray cluster of ``workers`` CPUs;
``--address ADDR`` (setting ``ray_address``) joins an existing cluster instead,
which is how a run scales past one machine. Only analysis moves out: reading
the inputs and writing the store stay in the process that runs ``run``, the
one writer of a SQLite store.

- Documents go out in batches of ``batch_size``, each batch one Ray task.
  A worker process loads spaCy, the knowledge base and the gazetteer once
  (``Context.load``, cached per process) and keeps them for every later batch.
- Results come back in input order: batches are collected in the order they
  were sent and ``pipeline.analyse`` keeps the order inside a batch, so the
  store receives exactly the sequence the local engine produces.
- At most a few batches per CPU are in flight, so memory stays flat however
  long the input is.
- A batch whose worker died (killed, out of memory, node lost) is run again
  by Ray up to ``MAX_RETRIES`` times. A batch that still fails, or a document
  that makes spaCy itself raise, is recorded as a failure of each document
  concerned: nothing is lost silently.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from communique.config import Settings
from communique.errors import AnalysisError, Messages
from communique.model import Document, Failure
from communique.pipeline import Result, analyse
from communique.stages import Context

MAX_RETRIES = 3  # runs of a batch after its worker died, before its documents are failures
BATCHES_PER_CPU = 2  # in flight: enough to keep every worker busy while results are written

# One Context per worker process and settings (a Ray worker process runs many tasks).
_worker_contexts: dict[str, Context] = {}


def analyse_batch(settings_json: str, documents: list[Document]) -> list[Result]:
    """The Ray task: analyse one batch in a worker process, results in input order."""
    context = _worker_contexts.get(settings_json)
    if context is None:
        context = Context.load(Settings.model_validate_json(settings_json))
        _worker_contexts[settings_json] = context
    try:
        return list(analyse(documents, context))
    except Exception:
        # Stage errors are already failures of their document; what reaches here
        # came from outside the stages (spaCy refusing a text). Analyse the batch
        # one document at a time so that only the document at fault is lost.
        return [result for document in documents for result in _analyse_alone(document, context)]


def _analyse_alone(document: Document, context: Context) -> list[Result]:
    try:
        return list(analyse([document], context))
    except Exception as exc:
        return [failure_of(document, "spacy", exc)]


def failure_of(document: Document, stage: str, exc: BaseException) -> Failure:
    """The failure record (C201) of one document whose analysis raised ``exc`` in ``stage``."""
    source = document.file or document.url or document.id
    error = AnalysisError(Messages.C201, source=source, stage=stage, detail=repr(exc))
    return Failure(source=source, code=error.code, message=str(error), document_id=document.id)


class RayEngine:
    """Analysis on Ray workers; results in input order (see the module docstring).

    Ray is started on first use: connected to ``settings.ray_address`` when it
    is set, else a local cluster of ``settings.workers`` CPUs. A Ray runtime
    the caller had already started (``ray.init`` in a notebook or a test) is
    used as it is and left running; one this engine started is shut down by
    ``close``.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._settings_json = settings.model_dump_json()
        self._task: Any = None
        self._started_ray = False
        self._in_flight = BATCHES_PER_CPU

    def _started(self) -> Any:
        if self._task is not None:
            return self._task
        import ray

        if not ray.is_initialized():
            if self.settings.ray_address:
                ray.init(address=self.settings.ray_address, log_to_driver=False)
            else:
                ray.init(
                    num_cpus=self.settings.workers, include_dashboard=False, log_to_driver=False
                )
            self._started_ray = True
        resources: dict[str, float] = ray.cluster_resources()  # type: ignore[no-untyped-call]
        cpus = int(resources.get("CPU", 1))
        self._in_flight = max(1, cpus) * BATCHES_PER_CPU
        self._task = ray.remote(max_retries=MAX_RETRIES)(analyse_batch)
        return self._task

    def analyse(self, documents: Iterable[Document]) -> Iterator[Result]:
        task = self._started()
        iterator = iter(documents)
        batches = iter(lambda: list(islice(iterator, self.settings.batch_size)), [])
        sent: deque[tuple[Any, list[Document]]] = deque()
        for batch in batches:
            sent.append((task.remote(self._settings_json, batch), batch))
            if len(sent) >= self._in_flight:
                yield from self._collect(*sent.popleft())
        while sent:
            yield from self._collect(*sent.popleft())

    def _collect(self, reference: Any, batch: list[Document]) -> list[Result]:
        import ray

        try:
            results: list[Result] = ray.get(reference)
        except (ray.exceptions.RayError, OSError) as exc:  # retries used up: worker kept dying
            # documents ingest flagged (not English, empty) needed no analysis: kept as they are
            return [
                failure_of(document, "ray worker", exc)
                if document.status == "analysed"
                else document
                for document in batch
            ]
        return results

    def close(self) -> None:
        if self._started_ray:
            import ray

            ray.shutdown()
            self._started_ray = False
        self._task = None

    def __enter__(self) -> RayEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
