"""The chronicle: the Python API over a store, which the CLI and the web app mirror.

    from kronika import Chronicle
    ch = Chronicle("kronika.db")
    ch.ingest(["examples/"])
    for row in ch.events(since="2025-01-01", place="Kursk"):
        ...
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Optional

from kronika.batch import IngestReport, ingest
from kronika.errors import KronikaError
from kronika.ingest import IngestOptions
from kronika.ingest.dates import parse_user_date
from kronika.store import Store


def _date(value: dt.date | str | None, name: str) -> Optional[dt.date]:
    if value is None or isinstance(value, dt.date):
        return value
    return parse_user_date(value, name)


class Chronicle:
    def __init__(self, db: str | Path | Store = "kronika.db") -> None:
        self.store = db if isinstance(db, Store) else Store(db)

    def ingest(self, inputs: Iterable[str | Path], *, workers: int = 1, model: Optional[str] = None,
               published: dt.date | str | None = None, source: Optional[str] = None, pipeline=None,
               progress: Optional[Callable] = None) -> IngestReport:
        options = IngestOptions(published=_date(published, "--published"), source=source)
        return ingest(list(inputs), self.store, workers=workers, model=model, options=options,
                      pipeline=pipeline, progress=progress)

    def events(self, *, since=None, until=None, place=None, actor=None, event_type=None,
               limit=None) -> list[dict[str, Any]]:
        return self.store.query("events", since=_date(since, "--since"), until=_date(until, "--until"),
                                place=place, actor=actor, event_type=event_type, limit=limit)

    def claims(self, *, since=None, until=None, place=None, actor=None, measure=None,
               limit=None) -> list[dict[str, Any]]:
        return self.store.query("claims", since=_date(since, "--since"), until=_date(until, "--until"),
                                place=place, actor=actor, measure=measure, limit=limit)

    def documents(self) -> list[dict[str, Any]]:
        return self.store.documents()

    def export(self, fmt: str, out: IO[str]) -> int:
        from kronika.export import EXPORTERS

        try:
            writer = EXPORTERS[fmt]
        except KeyError:
            raise KronikaError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORTERS)}") from None
        return writer(self.store.analyses(), out)
