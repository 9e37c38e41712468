"""Batch ingest: many files into a store, analysed here or on Dask workers, stored in batches.

Documents already in the store are skipped before analysis, so re-running an interrupted
ingest completes it without duplicates. A bad file or a failed document is reported and the
batch goes on. Analyses are stored in batches (one transaction each): an interrupted ingest
loses at most the documents in flight. Stored batches are folded into the chronicle every
``fold_every`` documents (or ``FOLD_WAIT`` seconds) and at the end; until then they are marked
pending in the store, and an ingest first folds whatever a killed one left pending.

In parallel (``workers`` > 1 or ``cluster``) the analysis runs on Dask: ``local:N`` starts a
LocalCluster of N worker processes, ``tcp://host:8786`` uses a running scheduler. Each worker
loads spaCy and the gazetteer once (a worker plugin); documents are streamed in small
partitions with at most two partitions per worker in flight (backpressure), and the results
come back to this process, which alone writes to the store. Local workers exit as soon as
this process is gone, even killed with SIGKILL; a killed worker is replaced and its documents
are analysed again.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from kronika.errors import KronikaError
from kronika.ingest import IngestOptions, fetch_url, is_url, iter_files, read_file
from kronika.records import Analysis, Document
from kronika.store import Store
from kronika.worker import analyze_one


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


def iter_documents(
    inputs: Iterable[str | Path], options: IngestOptions, on_error: Callable[[str, str], None]
) -> Iterator[Document]:
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


FOLD_EVERY = 256  # documents stored between two folds into the chronicle
FOLD_WAIT = 30.0  # seconds: at most this long between a document's storing and its folding


class Writer:
    """Analyses to the store in batches: one transaction per batch, written when full or a second
    after its first analysis. The batches are folded into the chronicle less often (``fold_every``
    documents or ``fold_wait`` seconds after the first unfolded one, checked as batches are
    stored, and at :meth:`close`): the merges then share each time window's work among many
    documents, and the process that writes spends less of the CPU the workers need. Until folded,
    stored documents are marked pending (in the store), so whatever stops this process, the next
    ingest folds them. ``background``: a fold runs in a thread while the analyses go on (the
    batches that come meanwhile wait in memory, since the fold holds the store's write lock)."""

    def __init__(
        self,
        store: Store,
        report: IngestReport,
        progress,
        *,
        batch_size: int = 16,
        chronicle: bool = True,
        wait: float = 1.0,
        fold_every: int = FOLD_EVERY,
        fold_wait: float = FOLD_WAIT,
        background: bool = False,
    ) -> None:
        self.store, self.report, self.progress = store, report, progress
        self.batch_size, self.chronicle, self.wait = max(1, batch_size), chronicle, wait
        self.fold_every, self.fold_wait, self.background = max(1, fold_every), fold_wait, background
        self.pending: list[Analysis] = []
        self.since = 0.0
        self.unfolded = 0  # documents stored since the last fold
        self.unfolded_since = 0.0
        self.folding: Optional[threading.Thread] = None
        self.failure: list[BaseException] = []

    def add(self, analysis: Analysis) -> None:
        if not self.pending:
            self.since = time.monotonic()
        self.pending.append(analysis)
        if len(self.pending) >= self.batch_size or time.monotonic() - self.since >= self.wait:
            self.flush()

    def flush(self) -> None:
        """Store the pending analyses, and start a fold into the chronicle when one is due."""
        if not self.pending:
            return
        if self.folding is not None:
            if self.folding.is_alive() and len(self.pending) < self.fold_every:
                return  # kept until the fold is done (it holds the write lock)
            self._join()
        batch, self.pending = self.pending, []
        now = time.monotonic()
        stored = {a.document.id for a in self.store.add_batch(batch, chronicle=self.chronicle, fold=False)}
        if stored:
            self.unfolded_since = self.unfolded_since if self.unfolded else now
            self.unfolded += len(stored)
        if self.unfolded >= self.fold_every or (self.unfolded and now - self.unfolded_since >= self.fold_wait):
            self._fold()
        for a in batch:
            if a.document.id in stored:
                self.report.added += 1
            else:
                self.report.skipped += 1
            if self.progress:
                self.progress(self.report, a.document)

    def _fold(self) -> None:
        self.unfolded = 0
        if not self.chronicle:
            return
        if not self.background:
            self.store.fold_pending()
            return

        def fold() -> None:
            try:
                self.store.fold_pending()
            except BaseException as exc:  # noqa: BLE001 - raised again in the writing thread
                self.failure.append(exc)

        self.folding = threading.Thread(target=fold, name="kronika-fold", daemon=True)
        self.folding.start()

    def _join(self) -> None:
        """Wait for the fold running in the background; its error, if any, is raised here."""
        if self.folding is not None:
            self.folding.join()
            self.folding = None
        if self.failure:
            raise self.failure.pop()

    def close(self) -> None:
        """Store what is pending and fold every stored document into the chronicle."""
        self._join()
        self.flush()
        self._join()
        if self.chronicle and self.unfolded:
            self.unfolded = 0
            self.store.fold_pending()


def ingest(
    inputs: Iterable[str | Path],
    store: Store,
    *,
    workers: int = 1,
    model: Optional[str] = None,
    options: IngestOptions = IngestOptions(),
    pipeline=None,
    progress: Optional[Callable[[IngestReport, Optional[Document]], None]] = None,
    seconds: Optional[float] = None,
    cluster: Optional[str] = None,
    chronicle: bool = True,
    batch_size: int = 16,
    count: bool = False,
    fold_every: int = FOLD_EVERY,
) -> IngestReport:
    """Analyse and store every new document under ``inputs``; a document whose analysis takes
    longer than ``seconds`` is reported and skipped. ``workers`` > 1 (0: one per core) or
    ``cluster`` ("local:N", "tcp://host:8786") analyses on Dask workers. ``count``: count the
    documents first, for a total and an ETA in the report. ``fold_every``: documents stored between
    two folds into the chronicle (1: after every batch)."""
    inputs = list(inputs)
    report = IngestReport()

    def failed(name: str, message: str) -> None:
        report.failed.append((name, message))
        if progress:
            progress(report, None)

    if count:
        report.total = sum(1 for _ in iter_documents(inputs, options, lambda *_: None))
    if chronicle:
        store.fold_pending()  # what an ingest killed before its fold left out of the chronicle
    parallel = cluster is not None or workers != 1
    writer = Writer(
        store, report, progress, batch_size=batch_size, chronicle=chronicle, fold_every=fold_every, background=parallel
    )
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
        writer.close()
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
