"""A document's analysis has a time limit (setting ``max_seconds``, failure C202; issue 15).

Here rather than beside the pipeline tests because the limit guards the
same thing the readers do: one pathological input must not hold a run.
"""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from communique.errors import AnalysisError
from communique.ingest import from_text
from communique.model import Document, Failure
from communique.pipeline import analyse, apply_stages
from communique.stages import Stage
from communique.store import Store


def limited(context: Any, seconds: float) -> Any:
    settings = context.settings.model_copy(update={"max_seconds": seconds})
    return dataclasses.replace(context, settings=settings)


def stage(name: str, seconds: float, ran: list[str]) -> Stage:
    def work(_doc: Any, _document: Document, _context: Any) -> None:
        ran.append(name)
        time.sleep(seconds)

    return Stage(name=name, fn=work, requires=(), assigns=())


DOCUMENT = Document(id="d1", file="slow.txt", text="x", original="x")


def test_a_stage_running_past_the_limit_is_stopped(context: Any) -> None:
    ran: list[str] = []
    started = time.perf_counter()
    with pytest.raises(AnalysisError) as info:
        apply_stages(
            None, DOCUMENT, [stage("slow", 30, ran), stage("next", 0, ran)], limited(context, 0.3)
        )
    assert time.perf_counter() - started < 5  # interrupted, not waited for
    assert info.value.code == "C202"
    assert "slow.txt" in str(info.value) and "stage slow" in str(info.value)
    assert ran == ["slow"]


def test_without_signals_the_limit_is_checked_between_stages(context: Any) -> None:
    """In a thread (the REST API's requests) no timer can interrupt a stage."""
    ran: list[str] = []
    caught: list[BaseException] = []

    def go() -> None:
        try:
            apply_stages(
                None, DOCUMENT, [stage("a", 0.4, ran), stage("b", 0, ran)], limited(context, 0.2)
            )
        except AnalysisError as exc:
            caught.append(exc)

    worker = threading.Thread(target=go)
    worker.start()
    worker.join()
    [error] = caught
    assert isinstance(error, AnalysisError) and error.code == "C202" and ran == ["a"]


def test_within_the_limit_every_stage_runs(context: Any) -> None:
    ran: list[str] = []
    apply_stages(None, DOCUMENT, [stage("a", 0, ran), stage("b", 0.05, ran)], limited(context, 5))
    assert ran == ["a", "b"]


def test_a_run_records_documents_over_the_limit_as_failures(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "The Finnish prime minister met the Estonian president in Helsinki on Monday.",
        encoding="utf-8",
    )
    db = str(tmp_path / "c.db")
    command = [
        sys.executable,
        "-c",
        "from communique.cli import main; main()",
        "run",
        str(folder),
        "--db",
        db,
    ]
    env = {**os.environ, "COMMUNIQUE_MAX_SECONDS": "0.000001", "COMMUNIQUE_CLUSTER": "false"}
    for _ in range(2):  # a rerun fails the same way and adds no second row
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 1, done.stderr
    with Store.open(db) as store:
        [failure] = store.failures()
        assert failure.code == "C202" and failure.source.endswith("a.txt")
        assert store.stats()["articles"] == 0
    done = subprocess.run(
        command,
        env={**env, "COMMUNIQUE_MAX_SECONDS": "60"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr  # the control: within the limit it is stored
    with Store.open(db) as store:
        assert store.stats()["articles"] == 1


# -- a loop that catches what it can does not escape the limit ------------------------


def endless_reading(doc: Any, _document: Document, _context: Any) -> None:
    """Walks the parse for ever, as a reading loop whose exit condition never holds
    does, inside the kind of broad fallback that stage code and libraries write."""
    while True:
        try:
            for token in doc:
                _ = [child.dep_ for child in token.children]
        except Exception:  # the broad fallback under test
            continue


def stubborn_reading(doc: Any, document: Document, context: Any) -> None:
    """Catches even the first interruption (a cleanup that swallows everything once)."""
    try:
        endless_reading(doc, document, context)
    except BaseException:
        endless_reading(doc, document, context)


def loops_on(marker: str, body: Any) -> Stage:
    def read(doc: Any, document: Document, context: Any) -> None:
        if marker in document.text:
            body(doc, document, context)
        document.title = "read"  # what the documents that do not loop get

    return Stage(name="reading", fn=read, requires=(), assigns=())


def looping_context(context: Any, stage: Stage, seconds: float) -> Any:
    limited_context = limited(context, seconds)
    return dataclasses.replace(limited_context, cache={"stages": [stage]})


TEXTS = [
    "The harbour authority closed the northern pier after the storm on Tuesday.",
    "Negotiators from both unions said the strike would end once wages were settled.",
    "The museum reopened its east wing to visitors after a year of repairs.",
]


@pytest.mark.parametrize("body", [endless_reading, stubborn_reading])
def test_a_looping_document_is_stopped_and_the_batch_goes_on(context: Any, body: Any) -> None:
    documents = [
        from_text(text, source=f"doc{i}.txt", file=f"doc{i}.txt") for i, text in enumerate(TEXTS)
    ]
    started = time.perf_counter()
    results = list(analyse(documents, looping_context(context, loops_on("unions", body), 0.5)))
    assert time.perf_counter() - started < 20  # stopped, not waited for
    first, second, third = results
    assert isinstance(second, Failure) and second.code == "C202"
    assert second.source == "doc1.txt" and "stage reading" in second.message
    assert isinstance(first, Document) and first.title == "read"
    assert isinstance(third, Document) and third.title == "read"  # the batch went on


def test_a_looping_document_is_stopped_in_a_thread(context: Any, nlp: Any) -> None:
    """No signal reaches a thread other than the main one (the REST API's requests):
    a watchdog interrupts the loop there."""
    document = from_text(TEXTS[1], source="threaded.txt")
    doc = nlp(document.text)
    caught: list[BaseException] = []

    def go() -> None:
        try:
            apply_stages(
                doc, document, [loops_on("unions", endless_reading)], limited(context, 0.5)
            )
        except AnalysisError as exc:
            caught.append(exc)

    worker = threading.Thread(target=go, daemon=True)
    worker.start()
    worker.join(timeout=20)
    assert not worker.is_alive()
    [error] = caught
    assert isinstance(error, AnalysisError) and error.code == "C202"


def test_an_alarm_signal_ignored_by_the_parent_process_is_taken(context: Any, nlp: Any) -> None:
    """A process started with SIGALRM ignored (inherited through exec) is still limited,
    and the ignoring is restored afterwards."""
    document = from_text(TEXTS[1], source="ignored.txt")
    doc = nlp(document.text)
    previous = signal.signal(signal.SIGALRM, signal.SIG_IGN)
    try:
        with pytest.raises(AnalysisError) as info:
            apply_stages(
                doc, document, [loops_on("unions", endless_reading)], limited(context, 0.5)
            )
        assert info.value.code == "C202"
        assert signal.getsignal(signal.SIGALRM) == signal.SIG_IGN
    finally:
        signal.signal(signal.SIGALRM, previous)
