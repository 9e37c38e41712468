"""Batch ingest: many files into a store, analysed here or on Dask workers, stored in batches.

Documents already in the store are skipped before analysis, so re-running an interrupted
ingest completes it without duplicates. A bad file or a failed document is reported and the
batch goes on. Analyses are stored in batches (one transaction each, which also updates the
chronicle they touch): an interrupted ingest loses at most the documents in flight.

In parallel (``workers`` > 1 or ``cluster``) the analysis runs on Dask: ``local:N`` starts a
LocalCluster of N worker processes, ``tcp://host:8786`` uses a running scheduler. Each worker
loads spaCy and the gazetteer once (a worker plugin); documents are streamed in small
partitions with at most two partitions per worker in flight (backpressure), and the results
come back to this process, which alone writes to the store. Local workers exit as soon as
this process is gone, even killed with SIGKILL; a killed worker is replaced and its documents
are analysed again.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from kronika.errors import KronikaError
from kronika.ingest import IngestOptions, fetch_url, is_url, iter_files, read_file
from kronika.records import Analysis, Document
from kronika.store import Store


@dataclass
class IngestReport:
    added: int = 0
    skipped: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    total: Optional[int] = None  # documents under the inputs, when counted beforehand
    started: float = field(default_factory=time.monotonic)

    @property
    def seen(self) -> int:
        return self.added + self.skipped + len(self.failed)

    def eta(self) -> Optional[float]:
        """Seconds left, at the rate so far (None until something was analysed or with no total)."""
        done = self.added + len(self.failed)
        if not self.total or not done:
            return None
        rate = done / max(time.monotonic() - self.started, 1e-6)
        return max(self.total - self.seen, 0) / rate


def iter_documents(inputs: Iterable[str | Path], options: IngestOptions,
                   on_error: Callable[[str, str], None]) -> Iterator[Document]:
    """Every document of every input (file, folder or URL); bad inputs go to ``on_error``."""
    for item in inputs:
        if isinstance(item, str) and is_url(item):
            try:
                yield fetch_url(item, options)
            except KronikaError as exc:
                on_error(item, str(exc))
            continue
        path = Path(item)
        if not path.exists():
            on_error(str(path), f"{path}: no such file or folder")
            continue
        for file in iter_files(path):
            try:
                # a bad record of a many-document file is reported and skipped; the others are kept
                docs = list(read_file(file, options, on_error))
            except KronikaError as exc:
                on_error(str(file), str(exc))
                continue
            yield from docs


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


class Writer:
    """Analyses to the store in batches: one transaction per batch, which also updates the
    chronicle it touches; a batch is written when full or a second after its first analysis."""

    def __init__(self, store: Store, report: IngestReport, progress, *, batch_size: int = 16,
                 chronicle: bool = True, wait: float = 1.0) -> None:
        self.store, self.report, self.progress = store, report, progress
        self.batch_size, self.chronicle, self.wait = max(1, batch_size), chronicle, wait
        self.pending: list[Analysis] = []
        self.since = 0.0

    def add(self, analysis: Analysis) -> None:
        if not self.pending:
            self.since = time.monotonic()
        self.pending.append(analysis)
        if len(self.pending) >= self.batch_size or time.monotonic() - self.since >= self.wait:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        batch, self.pending = self.pending, []
        stored = {a.document.id for a in self.store.add_batch(batch, chronicle=self.chronicle)}
        for a in batch:
            if a.document.id in stored:
                self.report.added += 1
            else:
                self.report.skipped += 1
            if self.progress:
                self.progress(self.report, a.document)


def ingest(inputs: Iterable[str | Path], store: Store, *, workers: int = 1, model: Optional[str] = None,
           options: IngestOptions = IngestOptions(), pipeline=None,
           progress: Optional[Callable[[IngestReport, Optional[Document]], None]] = None,
           seconds: Optional[float] = None, cluster: Optional[str] = None, chronicle: bool = True,
           batch_size: int = 16, count: bool = False) -> IngestReport:
    """Analyse and store every new document under ``inputs``; a document whose analysis takes
    longer than ``seconds`` is reported and skipped. ``workers`` > 1 (0: one per core) or
    ``cluster`` ("local:N", "tcp://host:8786") analyses on Dask workers. ``count``: count the
    documents first, for a total and an ETA in the report."""
    inputs = list(inputs)
    report = IngestReport()

    def failed(name: str, message: str) -> None:
        report.failed.append((name, message))
        if progress:
            progress(report, None)

    if count:
        report.total = sum(1 for _ in iter_documents(inputs, options, lambda *_: None))
    writer = Writer(store, report, progress, batch_size=batch_size, chronicle=chronicle)
    documents = _new_documents(iter_documents(inputs, options, failed), store, report, progress)
    if cluster is None and workers != 1:
        cluster = f"local:{workers if workers > 0 else (os.cpu_count() or 1)}"
    try:
        if cluster is None:
            _run_here(documents, pipeline, model, seconds, writer, failed)
        else:
            from kronika.cluster import run_on_dask

            run_on_dask(documents, cluster, model, seconds, writer, failed)
    finally:
        writer.flush()
    return report


def _new_documents(documents: Iterable[Document], store: Store, report: IngestReport, progress) -> Iterator[Document]:
    """The documents not stored yet (nor seen earlier in this ingest)."""
    seen: set[str] = set()
    for document in documents:
        if document.id in seen or store.has(document.id):
            report.skipped += 1
            if progress:
                progress(report, document)
            continue
        seen.add(document.id)
        yield document


def _run_here(documents, pipeline, model, seconds, writer: Writer, failed) -> None:
    for document in documents:
        if pipeline is None:  # loaded at the first new document: bad inputs are told at once
            from kronika.pipeline import Pipeline

            pipeline = Pipeline(model=model)
        result = analyze_one(pipeline, document, seconds)
        if result[0] == "ok":
            writer.add(result[1])
        else:
            failed(result[1], result[2])
