"""The chronicle: the Python API over a store, which the CLI and the web app mirror.

    from kronika import Chronicle
    ch = Chronicle("kronika.db")
    ch.ingest(["examples/"])
    for row in ch.events(since="2025-01-01", place="Kursk"):
        ...
"""

from __future__ import annotations

import datetime as dt
import typing
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Optional

from kronika.batch import IngestReport, ingest
from kronika.errors import KronikaError
from kronika.ingest import IngestOptions
from kronika.ingest.dates import parse_user_date
from kronika.records import ChronicleEvent, ClaimSeries, Stance
from kronika.store import Store
from kronika import vocab


def _type(value: Optional[str]) -> Optional[str]:
    return vocab.check(value, vocab.event_types(), "event type")


def _measure(value: Optional[str]) -> Optional[str]:
    return vocab.check(value, vocab.measures(), "measure")


STANCES: tuple[str, ...] = typing.get_args(Stance)


def _date(value: dt.date | str | None, name: str) -> Optional[dt.date]:
    if value is None or isinstance(value, dt.date):
        return value
    return parse_user_date(value, name)


class Chronicle:
    def __init__(self, db: str | Path | Store = "kronika.db") -> None:
        self.store = db if isinstance(db, Store) else Store(db)

    def ingest(self, inputs: Iterable[str | Path], *, workers: int = 1, model: Optional[str] = None,
               published: dt.date | str | None = None, source: Optional[str] = None, pipeline=None,
               progress: Optional[Callable] = None, rebuild: bool = True,
               time_limit: Optional[float] = None, cluster: Optional[str] = None,
               batch_size: int = 16, count: bool = False) -> IngestReport:
        """Analyse and store new documents, in batches; each stored batch updates the merged events
        and claim series it touches in its own transaction (``rebuild=False``: it does not).
        ``workers`` > 1 or ``cluster`` ("local:N" or a Dask scheduler's "tcp://host:8786") analyses
        on Dask workers. ``time_limit``: seconds one document's analysis may take before it is
        reported and skipped. ``count``: count the documents first (a total and an ETA for ``progress``)."""
        options = IngestOptions(published=_date(published, "--published"), source=source)
        return ingest(list(inputs), self.store, workers=workers, model=model, options=options,
                      pipeline=pipeline, progress=progress, seconds=time_limit, cluster=cluster,
                      chronicle=rebuild, batch_size=batch_size, count=count)

    def rebuild(self) -> tuple[int, int]:
        """Recompute merged events and claim series from the stored reports (deterministic; the
        same as the batch-by-batch updates of the ingests that stored them).

        Returns (number of chronicle events, number of series)."""
        return self.store.rebuild_chronicle()

    def chronicle(self, *, since=None, until=None, place=None, actor=None, event_type=None,
                  limit=None) -> list[ChronicleEvent]:
        """Merged events (one per real event, with all its reports), in date order."""
        rows = self.store.chronicle_rows(since=_date(since, "--since"), until=_date(until, "--until"),
                                         place=place, actor=actor, event_type=_type(event_type), limit=limit)
        return [ChronicleEvent.model_validate(r["data"]) for r in rows]

    def series(self, *, measure=None, subject=None, place=None, key=None, limit=None) -> list[ClaimSeries]:
        """Claim series with low/best/high and flags."""
        rows = self.store.series_rows(measure=_measure(measure), subject=subject, place=place, key=key, limit=limit)
        return [ClaimSeries.model_validate(r["data"]) for r in rows]

    def events(self, *, since=None, until=None, place=None, actor=None, event_type=None,
               limit=None) -> list[dict[str, Any]]:
        return self.store.query("events", since=_date(since, "--since"), until=_date(until, "--until"),
                                place=place, actor=actor, event_type=_type(event_type), limit=limit)

    def claims(self, *, since=None, until=None, place=None, actor=None, measure=None,
               limit=None) -> list[dict[str, Any]]:
        return self.store.query("claims", since=_date(since, "--since"), until=_date(until, "--until"),
                                place=place, actor=actor, measure=_measure(measure), limit=limit)

    def statements(self, *, source=None, stance=None, since=None, until=None, reported_by=None,
                   limit=None, offset: int = 0) -> list[dict[str, Any]]:
        """Who said what: stored statements of a source (actor name or phrase, substring), a stance
        (asserts, denies, forecasts, threatens, claims_responsibility, calls_for), in date order."""
        return self.store.statement_rows(**self._statement_filters(source, stance, since, until, reported_by),
                                         limit=limit, offset=offset)

    def count_statements(self, *, source=None, stance=None, since=None, until=None, reported_by=None) -> int:
        return self.store.statement_count(**self._statement_filters(source, stance, since, until, reported_by))

    @staticmethod
    def _statement_filters(source, stance, since, until, reported_by) -> dict[str, Any]:
        if stance is not None and stance not in STANCES:
            raise KronikaError(f"unknown stance {stance!r}; choose one of {', '.join(STANCES)}")
        return {"source": source, "stance": stance, "since": _date(since, "--since"),
                "until": _date(until, "--until"), "reported_by": reported_by}

    def documents(self) -> list[dict[str, Any]]:
        return self.store.documents()

    def export(self, fmt: str, out: IO[str] | str | Path) -> int:
        """Write the chronicle as ``fmt`` (acled/csv, ucdp, geojson, jsonl to a text stream; parquet to a path)."""
        from kronika.export import FILE_EXPORTERS, FORMATS, TEXT_EXPORTERS

        if fmt in FILE_EXPORTERS:
            if not isinstance(out, (str, Path)):
                raise KronikaError(f"the {fmt} export is binary: give an output file (-o FILE)")
            return FILE_EXPORTERS[fmt](self, str(out))
        if fmt not in TEXT_EXPORTERS:
            raise KronikaError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
        if isinstance(out, (str, Path)):
            with open(out, "w", encoding="utf-8", newline="") as f:
                return TEXT_EXPORTERS[fmt](self, f)
        return TEXT_EXPORTERS[fmt](self, out)
