"""Batch ingest: many files into a store, in parallel over processes, one transaction per document.

Documents already in the store are skipped before analysis, so re-running an interrupted
ingest completes it without duplicates. A bad file is reported and the batch goes on.
"""

from __future__ import annotations

import os
import signal
import threading
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
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

    @property
    def seen(self) -> int:
        return self.added + self.skipped + len(self.failed)


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


_worker_pipeline = None


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
    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    armed = [True]

    def alarm(signum, frame):
        if armed[0] and _interruptible(frame):  # not an Exception: no `except Exception` in a stage swallows it
            raise _Alarm

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


def _exit_with_parent(parent: int, every: float = 0.5) -> None:
    """In a worker: exit as soon as the process that started it is gone (killed, even by SIGKILL),
    instead of waiting forever on a queue nobody will write to again."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="kronika-parent-watch", daemon=True).start()


def _init_worker(model: Optional[str], parent: Optional[int] = None) -> None:
    global _worker_pipeline
    if parent is not None:
        _exit_with_parent(parent)
    from kronika.pipeline import Pipeline

    _worker_pipeline = Pipeline(model=model)


def _analyze_in_worker(document: Document, seconds: Optional[float] = None) -> Analysis:
    with time_limit(seconds, document.path or document.id):
        return _worker_pipeline.analyze_document(document)


def ingest(inputs: Iterable[str | Path], store: Store, *, workers: int = 1, model: Optional[str] = None,
           options: IngestOptions = IngestOptions(), pipeline=None,
           progress: Optional[Callable[[IngestReport, Optional[Document]], None]] = None,
           seconds: Optional[float] = None) -> IngestReport:
    """Analyse and store every new document under ``inputs``; a document whose analysis takes
    longer than ``seconds`` is reported and skipped."""
    report = IngestReport()

    def failed(name: str, message: str) -> None:
        report.failed.append((name, message))
        if progress:
            progress(report, None)

    def stored(analysis: Analysis) -> None:
        if store.add(analysis):
            report.added += 1
        else:
            report.skipped += 1
        if progress:
            progress(report, analysis.document)

    pending_ids: set[str] = set()

    def new_documents() -> Iterator[Document]:
        for document in iter_documents(inputs, options, failed):
            if document.id in pending_ids or store.has(document.id):
                report.skipped += 1
                if progress:
                    progress(report, document)
                continue
            pending_ids.add(document.id)
            yield document

    if workers <= 1:
        for document in new_documents():
            if pipeline is None:  # loaded at the first new document: bad inputs are told at once
                from kronika.pipeline import Pipeline

                pipeline = Pipeline(model=model)
            try:
                with time_limit(seconds, document.path or document.id):
                    analysis = pipeline.analyze_document(document)
            except TooSlow as exc:
                failed(document.path or document.id, str(exc))
                continue
            except Exception as exc:  # one document's failure must not stop the batch
                failed(document.path or document.id, f"{document.path or document.id}: analysis failed ({type(exc).__name__}: {exc})")
                continue
            stored(analysis)
        return report

    workers = min(workers, os.cpu_count() or 1) if workers > 0 else (os.cpu_count() or 1)
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(model, os.getpid())) as pool:
        running: dict = {}
        for document in new_documents():
            running[pool.submit(_analyze_in_worker, document, seconds)] = document
            if len(running) >= workers * 2:
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                _collect(done, running, stored, failed)
        while running:
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            _collect(done, running, stored, failed)
    return report


def _collect(done, running, stored, failed) -> None:
    for future in done:
        document = running.pop(future)
        try:
            analysis = future.result()
        except TooSlow as exc:
            failed(document.path or document.id, str(exc))
            continue
        except Exception as exc:
            name = document.path or document.id
            failed(name, f"{name}: analysis failed ({type(exc).__name__}: {exc})")
            continue
        stored(analysis)
