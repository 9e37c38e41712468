"""Analysis on Dask workers: ``--cluster local:N`` (a LocalCluster here) or ``tcp://host:8786``.

Each worker loads spaCy and the gazetteer once (the :class:`KronikaPlugin` worker plugin).
Documents go out in partitions of a few, at most ``2 × workers`` partitions in flight, so a
backfill of millions never sits in memory; results come back here and are written by the
:class:`~kronika.batch.Writer` in batches. A worker killed mid-task is replaced by its nanny and
its partition analysed again (Dask retries it); a partition that keeps killing workers is
reported as failed and the ingest goes on. Local workers watch this process and exit when it
is gone, whatever killed it.
"""

from __future__ import annotations

import logging
import os
from contextlib import contextmanager
from itertools import islice
from typing import Callable, Iterable, Iterator, Optional

from kronika.errors import KronikaError
from kronika.records import Document

PARTITION = 4  # documents per Dask task
IN_FLIGHT = 2  # partitions per worker in flight


def _worker_plugin_base():
    from distributed.diagnostics.plugin import WorkerPlugin

    return WorkerPlugin


class KronikaPlugin(_worker_plugin_base()):  # type: ignore[misc]  # distributed is imported lazily
    """Loads the pipeline once per worker; on a local cluster, the worker exits with its parent."""

    name = "kronika"

    def __init__(self, model: Optional[str], parent: Optional[int]) -> None:
        self.model, self.parent = model, parent

    def setup(self, worker) -> None:
        from kronika.worker import exit_with_parent, load_pipeline

        if self.parent is not None:
            exit_with_parent(self.parent)
        load_pipeline(self.model)


def parse_cluster(spec: str) -> tuple[str, int | str]:
    """("local", N) or ("remote", address) from ``local:N`` or ``tcp://host:port``."""
    if spec.startswith("local:"):
        try:
            n = int(spec.split(":", 1)[1])
        except ValueError:
            n = 0
        if n < 1:
            raise KronikaError(f"--cluster {spec}: local:N needs a number of workers ≥ 1")
        return "local", n
    if spec.startswith(("tcp://", "tls://", "ucx://")):
        return "remote", spec
    raise KronikaError(f"--cluster {spec}: give local:N or a scheduler address (tcp://host:8786)")


@contextmanager
def dask_client(spec: str, model: Optional[str]):
    """A Dask client on ``spec``, with the kronika plugin on every worker (closed at the end)."""
    from distributed import Client, LocalCluster

    kind, where = parse_cluster(spec)
    cluster = None
    if kind == "local":
        cluster = LocalCluster(
            n_workers=int(where),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
            memory_limit=0,
        )
        client = Client(cluster)
    else:
        try:
            client = Client(str(where), timeout="20s")
        except OSError as exc:
            raise KronikaError(f"--cluster {spec}: cannot reach the scheduler ({exc})") from None
    try:
        client.register_plugin(KronikaPlugin(model, os.getpid() if cluster is not None else None))
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _partitions(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(documents)
    while part := list(islice(it, size)):
        yield part


def run_on_dask(
    documents: Iterable[Document],
    spec: str,
    model: Optional[str],
    seconds: Optional[float],
    writer,
    failed: Callable[[str, str], None],
    partition: int = PARTITION,
) -> None:
    """Analyse ``documents`` on the Dask cluster ``spec`` and hand each analysis to ``writer``."""
    with dask_client(spec, model) as client:
        run_on_client(client, documents, model, seconds, writer, failed, partition)


def run_on_client(
    client,
    documents: Iterable[Document],
    model: Optional[str],
    seconds: Optional[float],
    writer,
    failed: Callable[[str, str], None],
    partition: int = PARTITION,
) -> None:
    """Stream ``documents`` through the workers of ``client``, at most ``IN_FLIGHT`` partitions
    per worker at a time."""
    from distributed import as_completed

    from kronika.worker import analyze_partition

    workers = max(1, len(client.scheduler_info()["workers"]))
    running = as_completed()
    parts: dict = {}
    for part in _partitions(documents, partition):
        future = client.submit(analyze_partition, part, seconds, model, pure=False)
        parts[future.key] = part
        running.add(future)
        while running.count() >= IN_FLIGHT * workers:
            _take(next(running), parts, writer, failed)
    for future in running:
        _take(future, parts, writer, failed)


def _take(future, parts: dict, writer, failed) -> None:
    part = parts.pop(future.key)
    try:
        results = future.result()
    except Exception as exc:  # the partition killed its workers (or the cluster failed it)
        for d in part:
            name = d.path or d.id
            failed(name, f"{name}: analysis failed on the cluster ({type(exc).__name__}: {exc})")
        return
    finally:
        future.release()
    for result in results:
        if result[0] == "ok":
            writer.add(result[1])
        else:
            failed(result[1], result[2])
