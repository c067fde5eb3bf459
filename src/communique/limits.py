"""The time limit of one document's analysis (setting ``max_seconds``).

Used by ``communique.pipeline.apply_stages`` around the stages of one
document. In the main thread of a process (the CLI, and each worker of the
process pool) a ``SIGALRM`` timer interrupts a stage that runs past the
limit, at its next Python instruction (a regular expression's matching loop
checks for signals too). In any other thread (the REST API's request threads,
where signals cannot be set) a watchdog thread raises the same exception in
the analysing thread, also at its next Python instruction (not inside one
long C call). Either way the stage raises ``TimeLimitExceeded`` and the
pipeline records the document as failure C202.

Why the limit once failed to stop a loop of over ten minutes: the exception
was an ``Exception`` and the alarm rang once. Code on the stack that catches
``Exception`` broadly (a fallback in a stage or a library), or an interrupted
``__del__`` or callback, whose exceptions Python only prints, took the one
alarm, and nothing rang again. So ``TimeLimitExceeded`` is a
``BaseException``, as ``KeyboardInterrupt`` is, and after the limit the alarm
rings again every ``REPEAT_SECONDS`` until the document's analysis ends.
"""

from __future__ import annotations

import ctypes
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

# After the limit has passed, the interruption is repeated this often until it lands.
REPEAT_SECONDS = 0.5


class TimeLimitExceeded(BaseException):
    """A document's analysis ran past ``max_seconds``.

    Not an ``Exception``: ``except Exception`` in the code being stopped must not
    catch it (that is what the pipeline's per-stage error handling does too).
    """


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ``TimeLimitExceeded`` in this thread after ``seconds``, and again every
    ``REPEAT_SECONDS`` until the block ends."""
    if _signals_usable():
        with _alarm(seconds):
            yield
    else:
        with _watchdog(seconds):
            yield


def _signals_usable() -> bool:
    """A ``SIGALRM`` handler may be set: the main thread, on a system that has the
    timer, and nobody else's handler in place (an ignored signal, inherited from
    a parent process, is ours to take)."""
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN, None)
    )


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    armed = True

    def expire(_signum: int, _frame: FrameType | None) -> None:
        # a ring that arrives while the block is being left has nothing left to stop
        if armed:
            raise TimeLimitExceeded

    previous = signal.signal(signal.SIGALRM, expire)
    try:
        # inside the ``try``: a limit so short that it rings on the way in is still disarmed
        signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT_SECONDS)
        yield
    finally:
        armed = False  # first: a plain assignment, never interrupted by the handler
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _raise_in(thread_id: int, exception: type[BaseException] | None) -> None:
    """Ask the interpreter to raise ``exception`` in the thread (None: withdraw a request
    not yet delivered)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(exception) if exception else None
    )


@contextmanager
def _watchdog(seconds: float) -> Iterator[None]:
    target = threading.get_ident()
    done = threading.Event()
    # The lock makes "the block is still running, raise in it" and "the block has
    # ended" exclusive, so that no exception is raised in the thread after the block.
    lock = threading.Lock()
    running = True

    def watch() -> None:
        wait = seconds
        while not done.wait(wait):
            with lock:
                if running:
                    _raise_in(target, TimeLimitExceeded)
            wait = REPEAT_SECONDS

    watcher = threading.Thread(target=watch, name="communique-time-limit", daemon=True)
    try:
        watcher.start()
        yield
    finally:
        done.set()  # first: if what follows is interrupted, the watchdog still stops
        with lock:
            running = False
            _raise_in(target, None)  # a request made but not yet delivered is withdrawn
