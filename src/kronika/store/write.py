"""The store's write paths: documents in batches with idempotent upserts, and chronicle rows.

Every write is safe with concurrent writers: a document is inserted with ``ON CONFLICT DO
NOTHING`` on its id (two ingests of one document store it once, whoever commits first), and
its events, claims and statements only when its own insert took place. On PostgreSQL a
writing transaction first takes one advisory lock, so batches (and the chronicle updates in
them) are applied one after another; SQLite serializes writers by itself.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable, Optional

from sqlalchemy import insert
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from kronika.records import Analysis
from kronika.series import UNDATED, as_of, piece_counts, piece_json, question_key, series_key, window_of
from kronika.store.schema import (
    chronicle_events,
    chronicle_pending,
    chronicle_reports,
    claim_series,
    claims,
    documents,
    events,
    series_claimants,
    series_windows,
    statements,
)

WRITE_LOCK = 0x6B726F6E  # "kron": the advisory lock id of kronika's writers on PostgreSQL
CHUNK = 500


def lock_writes(conn: Connection) -> None:
    """Serialize writing transactions (PostgreSQL: an advisory lock held until commit)."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")


def insert_new(conn: Connection, table, row: dict) -> bool:
    """Insert ``row`` unless a row with its primary key exists; True if it was inserted."""
    dialect = {"postgresql": postgresql, "sqlite": sqlite}.get(conn.dialect.name)
    if dialect is None:  # another database: check, then insert (not safe with concurrent writers)
        keys = [c for c in table.primary_key.columns]
        if conn.execute(table.select().where(*[c == row[c.name] for c in keys])).first():
            return False
        conn.execute(insert(table).values(**row))
        return True
    first = next(iter(table.primary_key.columns))
    stmt = dialect.insert(table).values(**row).on_conflict_do_nothing().returning(first)
    return conn.execute(stmt).first() is not None


def insert_rows(conn: Connection, table, rows: list[dict]) -> None:
    for i in range(0, len(rows), CHUNK):
        conn.execute(insert(table), rows[i : i + CHUNK])


def store_documents(conn: Connection, analyses: Iterable[Analysis]) -> list[Analysis]:
    """Store each analysis not stored yet (in ``conn``'s transaction); the ones stored."""
    stored = []
    for analysis in analyses:
        if not insert_new(conn, documents, document_row(analysis)):
            continue
        doc_id = analysis.document.id
        published = analysis.document.published
        insert_rows(
            conn, events, [{**event_row(doc_id, e), "sweep_start": _sweep_start(e, published)} for e in analysis.events]
        )
        insert_rows(
            conn,
            claims,
            [{**claim_row(doc_id, c), "series_window": window_of(as_of(c, published))} for c in analysis.claims],
        )
        insert_rows(conn, statements, [statement_row(doc_id, s) for s in analysis.statements])
        stored.append(analysis)
    return stored


def mark_pending(conn: Connection, doc_ids: list[str]) -> None:
    """Mark stored documents as not folded into the chronicle yet."""
    insert_rows(conn, chronicle_pending, [{"doc_id": d} for d in doc_ids])


def _sweep_start(e, published):
    """Where the chronicle's merge sweeps an event: as :meth:`kronika.dedup.Report.interval`."""
    return e.time.start_date if e.time is not None and e.time.start_date is not None else published


def document_row(analysis: Analysis) -> dict:
    doc = analysis.document
    return dict(
        id=doc.id,
        title=doc.title,
        url=doc.url,
        source=doc.source,
        author=doc.author,
        published=doc.published,
        published_from=doc.published_from,
        format=doc.format,
        path=doc.path,
        text=doc.text,
        analysis=analysis.model_dump(mode="json"),
        pipeline=analysis.pipeline,
        ingested_at=dt.datetime.now(dt.timezone.utc).replace(tzinfo=None),
    )


def _time_cols(t) -> dict:
    return {"date_start": t.start_date if t else None, "date_end": t.end_date if t else None}


def _place_cols(p) -> dict:
    if p is None:
        return {"place": None, "geonameid": None, "country_code": None}
    return {"place": p.name or p.text, "geonameid": p.geonameid, "country_code": p.country_code}


def event_row(doc_id: str, e) -> dict:
    p = e.place
    return {
        "doc_id": doc_id,
        "id": e.id,
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "kind": e.kind,
        "status": e.status,
        **_time_cols(e.time),
        "granularity": e.time.granularity if e.time else None,
        **_place_cols(p),
        "admin1": p.admin1 if p else None,
        "latitude": p.latitude if p else None,
        "longitude": p.longitude if p else None,
        "actor1": e.actor1.name if e.actor1 else None,
        "actor2": e.actor2.name if e.actor2 else None,
        "fatalities": e.fatalities,
        "sentence": e.sentence,
        "text": e.text,
        "data": e.model_dump(mode="json"),
    }


def _claimant(c) -> Optional[str]:
    """ "Volodymyr Zelenskyy (Government of Ukraine (2019-))": the person and whom they speak for."""
    if c.claimant is None:
        return c.claimant_text
    return f"{c.claimant.person} ({c.claimant.name})" if c.claimant.person else c.claimant.name


def claim_row(doc_id: str, c) -> dict:
    q = c.quantity
    return {
        "doc_id": doc_id,
        "id": c.id,
        "measure": c.measure,
        "subject": c.subject.name if c.subject else c.subject_text,
        "value": q.value,
        "low": q.low,
        "high": q.high,
        "qualifier": q.qualifier,
        "unit": q.unit,
        "claimant": _claimant(c),
        "modality": c.modality,
        **_time_cols(c.time),
        **_place_cols(c.place),
        "headline": c.headline,
        "sentence": c.sentence,
        "text": c.text,
        "data": c.model_dump(mode="json"),
        "series_key": series_key(c),
    }


def statement_row(doc_id: str, s) -> dict:
    """A statement's queryable columns."""
    return {
        "doc_id": doc_id,
        "id": s.id,
        "source": s.source_name,
        "source_text": s.source.text if s.source else None,
        "source_kind": s.source_kind,
        "stance": s.stance,
        "kind": s.kind,
        "form": s.form,
        "cue": s.cue.text,
        "content": s.content.text,
        "reported_by": (s.reported_by_actor.name if s.reported_by_actor else s.reported_by.text)
        if s.reported_by
        else None,
        "reported_in": s.reported_in,
        **_time_cols(s.time),
        "n_claims": len(s.claims),
        "sentence": s.sentence,
        "text": s.text,
        "data": s.model_dump(mode="json"),
    }


def chronicle_event_row(e) -> dict:
    """The queryable columns of a merged event."""
    t, p = e.time, e.place
    return {
        "id": e.id,
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "kind": e.kind,
        "status": e.status,
        "date_start": t.start_date if t else None,
        "date_end": t.end_date if t else None,
        "granularity": t.granularity if t else None,
        "date_defaulted": bool(t is None or t.defaulted),
        "place": (p.name or p.text) if p else None,
        "country_code": p.country_code if p else None,
        "admin1": p.admin1 if p else None,
        "latitude": p.latitude if p else None,
        "longitude": p.longitude if p else None,
        "actor1": e.actor1.name if e.actor1 else None,
        "actor2": e.actor2.name if e.actor2 else None,
        "fatalities": e.fatalities,
        "n_sources": e.n_sources,
        "n_reports": len(e.reports),
        "first_reported": e.first_reported,
        "last_reported": e.last_reported,
        "merge_score": e.merge_score,
        "data": e.model_dump(mode="json"),
    }


def chronicle_report_rows(e, edges: dict) -> list[dict]:
    def edge(r):
        found = edges.get((r.doc_id, r.event_id))
        return [found[0], list(found[1])] if found else None

    return [
        {
            "chronicle_id": e.id,
            "doc_id": r.doc_id,
            "event_id": r.event_id,
            "source": r.source or r.title,
            "published": r.published,
            "text": r.text,
            "edge": edge(r),
        }
        for r in e.reports
    ]


def series_rows(k: tuple, pieces: list, counts, marks: dict) -> tuple[dict, list[dict], list[dict]]:
    """The rows of a series: its head (``claim_series``), its windows' (``series_windows``) and
    its claimants' per window (``series_claimants``), from its question ``k``, its windows
    (:class:`~kronika.series.Piece`, in order), its :class:`~kronika.series.Counts`
    and the revision ``marks`` of its claimants' windows."""
    key = question_key(k)
    windows = [window_row(key, pc) for pc in pieces]
    claimants = [
        {
            "key": key,
            "claimant": c,
            "window": pc.window,
            "first": first,
            "last": last,
            "revises": marks.get((c, pc.window), False),
        }
        for pc in pieces
        for c, (first, last) in sorted(pc.claimants.items())
    ]
    return head_row(k, counts, windows), windows, claimants


def window_row(key: str, pc) -> dict:
    s = pc.summary
    return {
        "key": key,
        "window": pc.window,
        "low": s.low,
        "best": s.best,
        "high": s.high,
        "n_points": s.n_points,
        "last_date": pc.points[-1].date if pc.window != UNDATED else None,
        "counts": piece_counts(pc),
        "data": piece_json(pc),
    }


def head_row(k: tuple, counts, windows: list[dict]) -> dict:
    """A series' head from its counts and its windows' rows (the latest with figures gives its
    low/best/high; only the latest dated one is needed for its last date)."""
    from dataclasses import asdict

    measure, _, place, scope, unit = k
    latest = next((w for w in reversed(windows) if w["best"] is not None or w["low"] is not None), None)
    dates = [w["last_date"] for w in windows if w["last_date"]]
    figures = {f: latest[f] if latest else None for f in ("low", "best", "high")}
    subject = counts.subject(None)
    flags = counts.flags()
    data = {
        "key": question_key(k),
        "measure": measure,
        "subject": subject,
        "place": place,
        "time_scope": scope,
        "unit": unit,
        **figures,
        "flags": list(flags),
        "counts": asdict(counts),
    }
    return {
        "key": question_key(k),
        "measure": measure,
        "subject": subject,
        "place": place,
        "unit": unit,
        **figures,
        "flags": ",".join(flags),
        "n_points": counts.n_points,
        "last_date": max(dates) if dates else None,
        "data": data,
    }


def write_chronicle(conn: Connection, merged: list, edges: Optional[dict] = None) -> None:
    """Insert merged events (with their reports and the ``edges`` by which they joined, by
    (document id, event id))."""
    insert_rows(conn, chronicle_events, [chronicle_event_row(e) for e in merged])
    insert_rows(conn, chronicle_reports, [r for e in merged for r in chronicle_report_rows(e, edges or {})])


def write_series(conn: Connection, rows: list[tuple[dict, list[dict], list[dict]]]) -> None:
    """Insert series rows (:func:`series_rows`)."""
    insert_rows(conn, claim_series, [head for head, _, _ in rows if head])
    insert_rows(conn, series_windows, [w for _, ws, _ in rows for w in ws])
    insert_rows(conn, series_claimants, [c for _, _, cs in rows for c in cs])
