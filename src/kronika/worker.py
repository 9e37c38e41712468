"""Analysis in a worker: one document under a time limit, a partition of them on a Dask worker.

What runs where the documents are analysed: here (:mod:`kronika.batch`) or on Dask workers
(:mod:`kronika.cluster`, whose worker plugin loads the pipeline once and ties a local worker's
life to its parent). One document's failure or timeout is a result, never an exception: a batch
goes on.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from contextlib import contextmanager
from typing import Optional

from kronika.errors import KronikaError
from kronika.records import Document


class TooSlow(KronikaError):
    """A document whose analysis exceeded the per-document time limit."""


class _Alarm(BaseException):
    """The time limit's signal, inside the analysis."""


_ANALYSIS_CODE = (f"{os.sep}kronika{os.sep}", f"{os.sep}spacy{os.sep}", f"{os.sep}thinc{os.sep}")


def _interruptible(frame) -> bool:
    """Whether the alarm may be raised where it landed: in the analysis's own code, not in a
    garbage-collector callback or an exception hook that would swallow it (the timer fires again
    0.2 s later)."""
    return frame is not None and any(part in frame.f_code.co_filename for part in _ANALYSIS_CODE)


@contextmanager
def time_limit(seconds: Optional[float], name: str):
    """Raise :class:`TooSlow` in the block after ``seconds`` (SIGALRM: main thread, Unix only;
    elsewhere, or with no limit, the block runs unbounded)."""
    if not seconds or not hasattr(signal, "setitimer"):
        yield
        return

    armed = [True]

    def alarm(signum, frame):
        if armed[0] and _interruptible(frame):  # not an Exception: no `except Exception` in a stage swallows it
            raise _Alarm

    if threading.current_thread() is not threading.main_thread():
        with _thread_time_limit(seconds, name):
            yield
        return
    previous = signal.signal(signal.SIGALRM, alarm)
    # again every 0.2 s: a signal raised inside compiled code that cannot pass it on is lost
    signal.setitimer(signal.ITIMER_REAL, seconds, 0.2)
    try:
        yield
        armed[0] = False
    except _Alarm:
        armed[0] = False
        raise TooSlow(f"{name}: analysis took longer than {seconds:g} s; skipped (--time-limit)") from None
    finally:
        armed[0] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _thread_time_limit(seconds: float, name: str):
    """The time limit in a thread that is not the main one (a Dask worker's): a timer raises the
    alarm in this thread (``PyThreadState_SetAsyncExc``) once its code is the analysis's own."""
    tid = threading.get_ident()
    armed = threading.Event()
    armed.set()

    def fire() -> None:
        time.sleep(seconds)
        while armed.is_set():
            if _interruptible(sys._current_frames().get(tid)):
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(tid), ctypes.py_object(_Alarm))
                return
            time.sleep(0.05)

    threading.Thread(target=fire, name="kronika-time-limit", daemon=True).start()
    try:
        yield
        armed.clear()
    except _Alarm:
        armed.clear()
        raise TooSlow(f"{name}: analysis took longer than {seconds:g} s; skipped (--time-limit)") from None
    finally:
        armed.clear()


def exit_with_parent(parent: int, every: float = 0.5) -> None:
    """In a worker: exit as soon as the process that started it is gone (killed, even by SIGKILL),
    instead of waiting forever for work nobody will send again."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="kronika-parent-watch", daemon=True).start()


_worker_pipeline = None


def load_pipeline(model: Optional[str]) -> None:
    """Load this process's pipeline (spaCy and the gazetteer), once."""
    global _worker_pipeline
    if _worker_pipeline is None:
        from kronika.pipeline import Pipeline

        _worker_pipeline = Pipeline(model=model)


def analyze_one(pipeline, document: Document, seconds: Optional[float]) -> tuple:
    """("ok", analysis) or ("failed", name, message): one document's failure never stops a batch."""
    name = document.path or document.id
    if seconds:
        pipeline.warm()  # the first document is not charged for what every analysis loads once
    try:
        with time_limit(seconds, name):
            return ("ok", pipeline.analyze_document(document))
    except TooSlow as exc:
        return ("failed", name, str(exc))
    except Exception as exc:
        return ("failed", name, f"{name}: analysis failed ({type(exc).__name__}: {exc})")


def analyze_partition(documents: list[Document], seconds: Optional[float], model: Optional[str] = None) -> list[tuple]:
    """A Dask task: the analyses of a partition of documents, on this worker's pipeline."""
    load_pipeline(model)
    return [analyze_one(_worker_pipeline, d, seconds) for d in documents]
