"""The time limit of one document's analysis (setting ``max_seconds``).

Used by ``communique.pipeline.apply_stages`` around the stages of one
document. In the main thread of a process (the CLI, and each worker of the
process pool) a ``SIGALRM`` timer interrupts a stage that runs past the
limit, at its next Python instruction; elsewhere (the REST API's request
threads, where signals cannot be set) the limit is checked between stages.
Either way the stage raises ``TimeLimitExceeded`` and the pipeline records
the document as failure C202.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class TimeLimitExceeded(Exception):
    """A document's analysis ran past ``max_seconds``."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ``TimeLimitExceeded`` in this thread after ``seconds``, where signals allow it."""
    usable = (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None)
    )
    if not usable:
        yield
        return

    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise TimeLimitExceeded

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
