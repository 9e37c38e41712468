"""The store: SQLite by default (one file, WAL), or PostgreSQL, through SQLAlchemy 2 Core.

One transaction per document: a document is stored with all its events and claims or not
at all, so a crash mid-batch loses at most the document in flight. A document already
stored (same id, i.e. same normalized text) is skipped: ingesting twice stores it once.
The full :class:`~kronika.records.Analysis` is kept as JSON beside queryable columns, so
every derived table can be rebuilt from it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Iterator, Optional

from sqlalchemy import case, func, insert, inspect, or_, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

from kronika.errors import KronikaError
from kronika.records import Analysis
from kronika.store.engine import database_url, is_url, make_engine, redacted
from kronika.series import series_key
from kronika.store import incremental
from kronika.store.schema import (  # the tables, here too for ``from kronika.store import events``
    chronicle_events,
    chronicle_pending,
    chronicle_reports,
    claim_series,
    claims,
    documents,
    events,
    meta_table,
    metadata,
    series_claimants,
    series_windows,
    statements,
)
from kronika.store.write import lock_writes, mark_pending, statement_row, store_documents, write_chronicle

SCHEMA_VERSION = 6

_V1_TABLES = [meta_table, documents, events, claims]
_V2_TABLES = [chronicle_events, chronicle_reports, claim_series]
_V3_TABLES = [statements]
_V5_TABLES = [series_windows, series_claimants]
_V6_TABLES = [chronicle_pending]


def _v1(conn) -> None:
    metadata.create_all(conn, tables=_V1_TABLES)


def _v2(conn) -> None:
    metadata.create_all(conn, tables=_V2_TABLES)


def _v3(conn) -> None:
    """The statements table, filled from the analyses already stored (those made before issue 14
    have none: re-ingest them to get their statements)."""
    metadata.create_all(conn, tables=_V3_TABLES)
    conn.execute(statements.delete())
    for doc_id, data in conn.execute(select(documents.c.id, documents.c.analysis)):
        rows = [statement_row(doc_id, s) for s in Analysis.model_validate(data).statements]
        if rows:
            conn.execute(insert(statements), rows)


def _v4(conn) -> None:
    """What the chronicle needs to be updated batch by batch: each claim's series key, each
    event's sweep date, each merged report's link; the chronicle is rebuilt with them."""
    from kronika.records import Claim

    def add(table: str, column: str, kind: str) -> bool:
        if column in {c["name"] for c in inspect(conn).get_columns(table)}:
            return False
        conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {column} {kind}"))
        return True

    if add("claims", "series_key", "VARCHAR(32)"):
        conn.execute(text("CREATE INDEX ix_claims_series_key ON claims (series_key)"))
    if add("events", "sweep_start", "DATE"):
        conn.execute(text("CREATE INDEX ix_events_type_sweep ON events (event_type, sweep_start)"))
    if add("chronicle_reports", "edge", "JSON"):
        conn.execute(text("CREATE INDEX ix_chronicle_reports_report ON chronicle_reports (doc_id, event_id)"))
    for doc_id, cid, data in conn.execute(select(claims.c.doc_id, claims.c.id, claims.c.data)).all():
        conn.execute(
            claims.update()
            .where(claims.c.doc_id == doc_id, claims.c.id == cid)
            .values(series_key=series_key(Claim.model_validate(data)))
        )
    published = select(documents.c.published).where(documents.c.id == events.c.doc_id).scalar_subquery()
    conn.execute(events.update().values(sweep_start=func.coalesce(events.c.date_start, published)))
    if conn.execute(select(func.count()).select_from(documents)).scalar_one():
        incremental.rebuild_events(conn)  # the series: by version 5


def _v5(conn) -> None:
    """Claim series stored window by window (each claim's window; the series rebuilt so)."""
    from sqlalchemy import bindparam

    from kronika.records import Claim
    from kronika.series import as_of, window_of

    metadata.create_all(conn, tables=_V5_TABLES)
    conn.execute(
        text(
            "CREATE INDEX IF NOT EXISTS ix_chronicle_events_day ON chronicle_events "
            "((coalesce(date_start, first_reported) IS NULL), coalesce(date_start, first_reported), id)"
        )
    )
    if "series_window" not in {c["name"] for c in inspect(conn).get_columns("claims")}:
        conn.execute(text("ALTER TABLE claims ADD COLUMN series_window VARCHAR(8)"))
        conn.execute(text("CREATE INDEX ix_claims_series_window ON claims (series_key, series_window)"))
    q = select(claims.c.doc_id, claims.c.id, claims.c.data, documents.c.published).join(
        documents, documents.c.id == claims.c.doc_id
    )
    rows = [
        {"d": doc_id, "i": cid, "w": window_of(as_of(Claim.model_validate(data), published))}
        for doc_id, cid, data, published in conn.execute(q)
    ]
    stmt = (
        claims.update()
        .where(claims.c.doc_id == bindparam("d"), claims.c.id == bindparam("i"))
        .values(series_window=bindparam("w"))
    )
    for i in range(0, len(rows), 5000):
        conn.execute(stmt, rows[i : i + 5000])
    incremental.rebuild_series(conn)


def _v6(conn) -> None:
    """The documents not folded into the chronicle yet (none: until now every batch folded its own)."""
    metadata.create_all(conn, tables=_V6_TABLES)


MIGRATIONS = {
    1: _v1,
    2: _v2,
    3: _v3,
    4: _v4,
    5: _v5,
    6: _v6,
}  # version -> function(conn) bringing the schema from version-1 to version


def statement_filter(
    *,
    source: Optional[str] = None,
    stance: Optional[str] = None,
    since: Optional[dt.date] = None,
    until: Optional[dt.date] = None,
    reported_by: Optional[str] = None,
) -> list:
    """WHERE conditions on ``statements`` (joined with ``documents``): the source (its actor name
    or its phrase, a substring), the stance, the statement's date overlapping [since, until] (the
    publication date when it has none) and who reported it (a substring)."""
    t = statements
    out = []
    if source:
        out.append(or_(contains(t.c.source, source), contains(t.c.source_text, source)))
    if stance:
        out.append(t.c.stance == stance)
    if reported_by:
        out.append(contains(t.c.reported_by, reported_by))
    if since:
        out.append(func.coalesce(t.c.date_end, t.c.date_start, documents.c.published) >= since)
    if until:
        out.append(func.coalesce(t.c.date_start, documents.c.published) <= until)
    return out


def contains(col, value: str):
    """``col`` contains ``value``, case-insensitively, with LIKE's wildcards in ``value`` escaped."""
    like = "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return col.ilike(like, escape="\\")


class Store:
    """A kronika database: ``Store("chronicle.db")``, ``Store("postgresql://user@host/dbname")``
    (see :mod:`kronika.store.engine`) or ``Store(url="postgresql+psycopg://...")``."""

    def __init__(self, path: str | Path | None = None, *, url: Optional[str] = None) -> None:
        source = url if url is not None else path
        if source is None:
            raise KronikaError("a store needs a database file or URL")
        url = database_url(source)
        self.url = url
        self.engine: Engine = make_engine(url)
        try:
            self.migrate()
        except OperationalError as exc:
            self.engine.dispose()
            shown = redacted(url) if is_url(str(path or url)) or path is None else path
            raise KronikaError(f"{shown}: cannot open the database ({str(exc.orig).strip()})") from None

    def close(self) -> None:
        """Close every connection (SQLite then folds and removes its -wal and -shm files)."""
        self.engine.dispose()

    # -- schema ---------------------------------------------------------------------
    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            if not self.engine.dialect.has_table(conn, "kronika_meta"):
                return 0
            v = conn.execute(select(meta_table.c.value).where(meta_table.c.key == "schema_version")).scalar()
            return int(v or 0)

    def migrate(self) -> None:
        current = self.schema_version()
        if current > SCHEMA_VERSION:
            raise KronikaError(
                f"{redacted(self.url)}: database schema {current} is newer than this kronika ({SCHEMA_VERSION}); upgrade kronika"
            )
        for version in range(current + 1, SCHEMA_VERSION + 1):
            with self.engine.begin() as conn:
                lock_writes(conn)  # two processes opening a new database migrate it once
                if self._version(conn) >= version:
                    continue
                MIGRATIONS[version](conn)
                conn.execute(meta_table.delete().where(meta_table.c.key == "schema_version"))
                conn.execute(insert(meta_table).values(key="schema_version", value=str(version)))

    def _version(self, conn) -> int:
        if not inspect(conn).has_table("kronika_meta"):
            return 0
        return int(conn.execute(select(meta_table.c.value).where(meta_table.c.key == "schema_version")).scalar() or 0)

    # -- writing --------------------------------------------------------------------
    def has(self, doc_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(documents.c.id).where(documents.c.id == doc_id)).first() is not None

    def add(self, analysis: Analysis) -> bool:
        """Store one analysed document in one transaction. False if it was already stored."""
        return bool(self.add_batch([analysis], chronicle=False))

    def add_batch(self, analyses: list[Analysis], *, chronicle: bool = True, fold: bool = True) -> list[Analysis]:
        """Store a batch of analysed documents in one transaction, each unless already stored.
        ``chronicle``: mark them for the chronicle, and (``fold``) fold every marked document into
        the merged events and series in the same transaction; ``fold=False`` leaves them marked for
        a later :meth:`fold_pending` (an ingest folds many batches at once: the merges' work is
        shared). ``chronicle=False``: not marked (the chronicle waits for a rebuild). Returns the
        analyses that were stored."""
        with self.engine.begin() as conn:
            lock_writes(conn)
            stored = store_documents(conn, analyses)
            if chronicle and stored:
                mark_pending(conn, [a.document.id for a in stored])
            if chronicle and fold:
                incremental.fold_pending(conn)
        return stored

    def fold_pending(self) -> int:
        """Fold the stored documents not in the chronicle yet (see :meth:`add_batch`) into it, in
        one transaction; how many."""
        with self.engine.begin() as conn:
            lock_writes(conn)
            return incremental.fold_pending(conn)

    def pending(self) -> int:
        """How many stored documents are not in the chronicle yet (an ingest running, or killed)."""
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(chronicle_pending)).scalar_one()

    # -- reading --------------------------------------------------------------------
    def count(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {
                t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                for t in (documents, events, claims, statements, chronicle_events, claim_series)
            }

    def event_reports(
        self,
    ) -> Iterator[tuple[dict, str, Optional[str], Optional[str], Optional[str], Optional[dt.date]]]:
        """(event JSON, doc_id, source, title, url, published) for every stored event."""
        q = select(
            events.c.data,
            events.c.doc_id,
            documents.c.source,
            documents.c.title,
            documents.c.url,
            documents.c.published,
        ).join(documents, documents.c.id == events.c.doc_id)
        with self.engine.connect() as conn:
            yield from (tuple(r) for r in conn.execute(q.order_by(events.c.doc_id, events.c.id)))

    def claim_items(self) -> Iterator[tuple[dict, str, Optional[str], Optional[dt.date]]]:
        """(claim JSON, doc_id, source, published) for every stored claim."""
        q = select(claims.c.data, claims.c.doc_id, documents.c.source, documents.c.published).join(
            documents, documents.c.id == claims.c.doc_id
        )
        with self.engine.connect() as conn:
            yield from (tuple(r) for r in conn.execute(q.order_by(claims.c.doc_id, claims.c.id)))

    def replace_chronicle(self, merged: list) -> None:
        """Replace the merged events with ``merged`` in one transaction (the series: :meth:`rebuild_series`)."""
        with self.engine.begin() as conn:
            lock_writes(conn)
            conn.execute(chronicle_reports.delete())
            conn.execute(chronicle_events.delete())
            write_chronicle(conn, merged)

    def rebuild_series(self) -> int:
        """Recompute the claim series from the stored claims, in one transaction; how many."""
        with self.engine.begin() as conn:
            lock_writes(conn)
            return incremental.rebuild_series(conn)

    def rebuild_chronicle(self) -> tuple[int, int]:
        """Recompute the whole chronicle from the stored reports, in one transaction."""
        with self.engine.begin() as conn:
            lock_writes(conn)
            return incremental.rebuild(conn)

    def statement_rows(
        self,
        *,
        source: Optional[str] = None,
        stance: Optional[str] = None,
        since: Optional[dt.date] = None,
        until: Optional[dt.date] = None,
        reported_by: Optional[str] = None,
        limit: Optional[int] = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Stored statements joined with their document, filtered (see :func:`statement_filter`),
        in date order: the statement's date, else its document's publication date."""
        t = statements
        q = select(
            t, documents.c.source.label("publisher"), documents.c.title, documents.c.url, documents.c.published
        ).join(documents, documents.c.id == t.c.doc_id)
        q = q.where(*statement_filter(source=source, stance=stance, since=since, until=until, reported_by=reported_by))
        q = q.order_by(func.coalesce(t.c.date_start, documents.c.published), t.c.doc_id, t.c.sentence, t.c.id)
        if limit:
            q = q.limit(limit)
        if offset:
            q = q.offset(offset)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def statement_sources(self, limit: int = 50) -> list[dict[str, Any]]:
        """The sources of stored statements, most quoted first: how many statements, denials, and
        their first and last dates."""
        t = statements
        day = func.coalesce(t.c.date_start, documents.c.published)
        q = (
            select(
                t.c.source,
                func.count().label("n"),
                func.sum(case((t.c.stance == "denies", 1), else_=0)).label("denials"),
                func.min(day).label("first"),
                func.max(day).label("last"),
            )
            .join(documents, documents.c.id == t.c.doc_id)
            .where(t.c.source.is_not(None))
            .group_by(t.c.source)
            .order_by(func.count().desc(), t.c.source)
            .limit(limit)
        )
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def claims_by_id(self, keys: list[tuple[str, str]]) -> dict[tuple[str, str], dict[str, Any]]:
        """Stored claim rows by (doc_id, claim id)."""
        out: dict[tuple[str, str], dict[str, Any]] = {}
        by_doc: dict[str, list[str]] = {}
        for doc_id, cid in keys:
            by_doc.setdefault(doc_id, []).append(cid)
        with self.engine.connect() as conn:
            for doc_id, ids in by_doc.items():
                q = select(claims).where(claims.c.doc_id == doc_id, claims.c.id.in_(ids))
                out.update({(doc_id, r.id): dict(r._mapping) for r in conn.execute(q)})
        return out

    def statement_count(self, **filters) -> int:
        """How many stored statements match ``filters`` (those of :meth:`statement_rows`)."""
        q = select(func.count()).select_from(statements.join(documents, documents.c.id == statements.c.doc_id))
        with self.engine.connect() as conn:
            return conn.execute(q.where(*statement_filter(**filters))).scalar_one()

    def analyses(self) -> Iterator[Analysis]:
        with self.engine.connect() as conn:
            for (data,) in conn.execute(select(documents.c.analysis).order_by(documents.c.published, documents.c.id)):
                yield Analysis.model_validate(data)

    def analysis(self, doc_id: str) -> Optional[Analysis]:
        with self.engine.connect() as conn:
            data = conn.execute(select(documents.c.analysis).where(documents.c.id == doc_id)).scalar()
        return Analysis.model_validate(data) if data is not None else None

    def documents(self) -> list[dict[str, Any]]:
        cols = [c for c in documents.c if c.name not in ("analysis", "text")]
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(select(*cols).order_by(documents.c.published))]
