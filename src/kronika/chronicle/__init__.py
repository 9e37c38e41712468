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

from kronika.batch import FOLD_EVERY, IngestReport, ingest
from kronika.errors import KronikaError
from kronika.ingest import IngestOptions
from kronika.ingest.dates import parse_user_date
from kronika.records import ChronicleEvent, ClaimSeries, Stance
from kronika.filters import Filters
from kronika.store import Store, read
from kronika import vocab


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

    def ingest(
        self,
        inputs: Iterable[str | Path],
        *,
        workers: int = 1,
        model: Optional[str] = None,
        published: dt.date | str | None = None,
        source: Optional[str] = None,
        pipeline=None,
        progress: Optional[Callable] = None,
        rebuild: bool = True,
        time_limit: Optional[float] = None,
        cluster: Optional[str] = None,
        batch_size: int = 16,
        count: bool = False,
        fold_every: int = FOLD_EVERY,
    ) -> IngestReport:
        """Analyse and store new documents, in batches of ``batch_size``; every ``fold_every`` stored
        documents, and at the end, the merged events and claim series they touch are brought up to
        date (``rebuild=False``: they are not; run :meth:`rebuild`).
        ``workers`` > 1 or ``cluster`` ("local:N" or a Dask scheduler's "tcp://host:8786") analyses
        on Dask workers. ``time_limit``: seconds one document's analysis may take before it is
        reported and skipped. ``count``: count the documents first (a total and an ETA for ``progress``)."""
        options = IngestOptions(published=_date(published, "--published"), source=source)
        return ingest(
            list(inputs),
            self.store,
            workers=workers,
            model=model,
            options=options,
            pipeline=pipeline,
            progress=progress,
            seconds=time_limit,
            cluster=cluster,
            chronicle=rebuild,
            batch_size=batch_size,
            count=count,
            fold_every=fold_every,
        )

    def rebuild(self) -> tuple[int, int]:
        """Recompute merged events and claim series from the stored reports (deterministic; the
        same as the batch-by-batch updates of the ingests that stored them).

        Returns (number of chronicle events, number of series)."""
        return self.store.rebuild_chronicle()

    # -- reading: one Filters value, the same answer as the CLI and the web API ----------------
    @staticmethod
    def filters(filters: Optional[Filters] = None, **given: Any) -> Filters:
        """``filters`` with ``given`` ones added (``since="2025-01-01"``, ``place="Kursk"``...),
        checked: a date that cannot be read or a closed value (event type, measure, status,
        modality) that can match nothing is a :class:`~kronika.filters.FilterError`."""
        base = filters.given() if filters is not None else {}
        return Filters.of(**{**base, **{k: v for k, v in given.items() if v is not None}})

    def page(
        self,
        kind: str,
        filters: Optional[Filters] = None,
        *,
        sort: str = "date",
        limit: Optional[int] = 50,
        offset: int = 0,
        **options: Any,
    ) -> tuple[int, list[dict[str, Any]]]:
        """(total, rows) of ``kind`` (events, claims, chronicle or documents) matching ``filters``,
        sorted by ``sort`` ('-' before it: descending) and paged: what the web API serves."""
        readers = {
            "events": read.query_events,
            "claims": read.query_claims,
            "chronicle": read.query_chronicle,
            "documents": read.query_documents,
        }
        if kind not in readers:
            raise KronikaError(f"unknown kind {kind!r}; choose one of {', '.join(readers)}")
        try:
            return readers[kind](self.store, self.filters(filters), sort=sort, limit=limit, offset=offset, **options)
        except ValueError as exc:  # an unknown sort
            raise KronikaError(str(exc)) from None

    def events(
        self,
        filters: Optional[Filters] = None,
        *,
        sort: str = "date",
        limit: Optional[int] = None,
        offset: int = 0,
        **given: Any,
    ) -> list[dict[str, Any]]:
        """Stored events (one row per document's event, with its full record in ``data``)."""
        return self.page(
            "events", self.filters(filters, **given), sort=sort, limit=limit, offset=offset, count=False, data=True
        )[1]

    def claims(
        self,
        filters: Optional[Filters] = None,
        *,
        sort: str = "date",
        limit: Optional[int] = None,
        offset: int = 0,
        **given: Any,
    ) -> list[dict[str, Any]]:
        """Stored claims (one row per claim, with its full record in ``data``)."""
        return self.page(
            "claims", self.filters(filters, **given), sort=sort, limit=limit, offset=offset, count=False, data=True
        )[1]

    def chronicle(
        self,
        filters: Optional[Filters] = None,
        *,
        sort: str = "date",
        limit: Optional[int] = None,
        offset: int = 0,
        **given: Any,
    ) -> list[ChronicleEvent]:
        """Merged events (one per real event, with all its reports), in date order."""
        rows = self.page(
            "chronicle",
            self.filters(filters, **given),
            sort=sort,
            limit=limit,
            offset=offset,
            count=False,
            data=True,
            reports=False,
        )[1]
        return [ChronicleEvent.model_validate(r["data"]) for r in rows]

    def timeline(self, filters: Optional[Filters] = None, *, limit: Optional[int] = None, **given: Any) -> list[tuple]:
        """The chronicle as plain tuples, one per report, in date order (see :func:`kronika.store.read.timeline`)."""
        return read.timeline(self.store, self.filters(filters, **given), limit=limit)

    def series(self, *, measure=None, subject=None, place=None, key=None, limit=None) -> list[ClaimSeries]:
        """Claim series with low/best/high and flags."""
        found = read.query_series(
            self.store, measure=_measure(measure), subject=subject, place=place, key=key, limit=limit
        )[1]
        return [ClaimSeries.model_validate(data) for data in found]

    def close(self) -> None:
        """Close the store's connections (SQLite folds its -wal and -shm files back)."""
        self.store.close()

    def counts(self) -> dict[str, int]:
        """How many documents, events, claims, statements, chronicle events and series are stored."""
        return self.store.count()

    def statements(
        self, *, source=None, stance=None, since=None, until=None, reported_by=None, limit=None, offset: int = 0
    ) -> list[dict[str, Any]]:
        """Who said what: stored statements of a source (actor name or phrase, substring), a stance
        (asserts, denies, forecasts, threatens, claims_responsibility, calls_for), in date order."""
        return self.store.statement_rows(
            **self._statement_filters(source, stance, since, until, reported_by), limit=limit, offset=offset
        )

    def count_statements(self, *, source=None, stance=None, since=None, until=None, reported_by=None) -> int:
        return self.store.statement_count(**self._statement_filters(source, stance, since, until, reported_by))

    @staticmethod
    def _statement_filters(source, stance, since, until, reported_by) -> dict[str, Any]:
        if stance is not None and stance not in STANCES:
            raise KronikaError(f"unknown stance {stance!r}; choose one of {', '.join(STANCES)}")
        return {
            "source": source,
            "stance": stance,
            "since": _date(since, "--since"),
            "until": _date(until, "--until"),
            "reported_by": reported_by,
        }

    def documents(self) -> list[dict[str, Any]]:
        return self.store.documents()

    def export(self, fmt: str, out: IO[str] | str | Path) -> int:
        """Write the chronicle as ``fmt`` (see :data:`kronika.export.EXPORTERS`: acled/csv, ucdp,
        geojson, jsonl, statements-csv/-jsonl to a text stream or a path; parquet to a path)."""
        from kronika.export import export

        streams: dict[str, Callable[[], Iterable[Any]]] = {
            "events": self.chronicle,
            "documents": self.store.analyses,
            "series": self.series,
            "statements": self.statements,
        }
        return export(fmt, streams, str(out) if isinstance(out, (str, Path)) else out)
