"""The chronicle kept up to date batch by batch, equal to a rebuild.

Merging never crosses event types, and it is a sweep in date order whose state at any date
depends only on the reports before it (:class:`~kronika.chronicle.dedup.Sweep`). So when a batch
is stored, each event type it touches is replayed from its first new report on: the stored
groups of the reports in that report's window (and the other members of their events) are the
sweep's state there; the reports from there on are added again. Only that time window is read
and rewritten, and the result is exactly what ``kronika chronicle rebuild`` gives. A claim
series is a function of its own claims: the series a batch touches are recomputed whole. The
update runs in the batch's own transaction: an interrupted ingest leaves the chronicle of what
was stored.
"""

from __future__ import annotations

from typing import Iterable, Optional

import datetime as dt

from sqlalchemy import delete, select, tuple_
from sqlalchemy.engine import Connection

from kronika.chronicle.dedup import MAX_SPAN_DAYS, Report, Sweep, position, sweeps
from kronika.chronicle.series import build_series
from kronika.records import Analysis, Claim, Event


def touched(analyses: Iterable[Analysis]) -> tuple[dict[str, tuple], set[str]]:
    """What a batch of stored analyses touches: for each event type, the sweep position of its
    first new report; and the series keys of its claims."""
    from kronika.chronicle.series import series_key

    first: dict[str, tuple] = {}
    keys: set[str] = set()
    for a in analyses:
        d = a.document
        for e in a.events:
            pos = position(Report(event=e, doc_id=d.id, source=d.source, title=d.title, url=d.url, published=d.published))
            first[e.event_type] = min(first.get(e.event_type, pos), pos)
        keys.update(series_key(c) for c in a.claims)
    return first, keys


def update(conn: Connection, first: dict[str, tuple], series_keys: Iterable[str]) -> tuple[int, int]:
    """Bring the merged events of each event type in ``first`` up to date from the position of its
    first new report on, and recompute the series ``series_keys``, in ``conn``'s transaction;
    (events written, series written)."""
    from kronika.store.write import write_chronicle

    n_events = n_series = 0
    for etype in sorted(first):
        n_events += update_events(conn, etype, first[etype])
    keys = sorted(set(series_keys))
    for i in range(0, len(keys), 200):
        part = keys[i:i + 200]
        series = build_series(stored_claims(conn, part))
        _drop_series(conn, part)
        write_chronicle(conn, [], series)
        n_series += len(series)
    return n_events, n_series


def update_events(conn: Connection, event_type: str, first: tuple) -> int:
    """Replay the merge of ``event_type`` from ``first`` (a sweep position) on: the stored groups
    before it are the sweep's state there (see :class:`~kronika.chronicle.dedup.Sweep`); every
    report from it on is added again. Only the reports of that window and the events they belong
    to are read and rewritten. Returns the number of events written."""
    from kronika.store.write import write_chronicle

    whole = first[0] == dt.date.min
    if whole:  # an undated report comes first: replay the whole type
        first = (dt.date.min, "", "")
        rows = [(r, None, None) for r in stored_reports(conn, event_type)]
    else:
        rows = _window_rows(conn, event_type, first[0] - dt.timedelta(days=MAX_SPAN_DAYS))
    rows.sort(key=lambda x: position(x[0]))
    sweep, roots = Sweep(), {}
    for report, chronicle_id, edge in rows:
        if position(report) < first:
            i = sweep.seed(report, roots.get(chronicle_id), (edge[0], edge[1]) if edge else None)
            if chronicle_id is not None:
                roots.setdefault(chronicle_id, i)
        else:
            sweep.add(report)
    groups = sweep.groups()
    _drop_events(conn, event_type, None if whole else {c for _, c, _ in rows if c})
    write_chronicle(conn, groups, [], sweep.edges())
    return len(groups)


def _window_rows(conn: Connection, event_type: str, floor: dt.date) -> list[tuple]:
    """(report, chronicle id, edge) of the stored reports of ``event_type`` swept on or after
    ``floor`` or undated, and of every other report of the events they belong to."""
    from kronika.store import chronicle_reports, events

    t = events.c
    rows = _report_rows(conn, (t.event_type == event_type) & (t.sweep_start >= floor))
    rows += _report_rows(conn, (t.event_type == event_type) & t.sweep_start.is_(None))
    have = {r.key for r, _, _ in rows}
    ids = sorted({c for _, c, _ in rows if c})
    for i in range(0, len(ids), 500):
        members = select(chronicle_reports.c.doc_id, chronicle_reports.c.event_id).where(
            chronicle_reports.c.chronicle_id.in_(ids[i:i + 500]))
        more = _report_rows(conn, tuple_(t.doc_id, t.id).in_(members))
        rows += [x for x in more if x[0].key not in have]
    return rows


def _report_rows(conn: Connection, where) -> list[tuple]:
    from kronika.store import chronicle_reports, documents, events

    cr = chronicle_reports
    q = (select(events.c.data, events.c.doc_id, documents.c.source, documents.c.title, documents.c.url,
                documents.c.published, cr.c.chronicle_id, cr.c.edge)
         .join(documents, documents.c.id == events.c.doc_id)
         .outerjoin(cr, (cr.c.doc_id == events.c.doc_id) & (cr.c.event_id == events.c.id))
         .where(where))
    return [(Report(event=Event.model_validate(data), doc_id=doc_id, source=source, title=title, url=url,
                    published=published), cid, edge)
            for data, doc_id, source, title, url, published, cid, edge in conn.execute(q)]


def rebuild(conn: Connection) -> tuple[int, int]:
    """Recompute the whole chronicle in ``conn``'s transaction; (events, series)."""
    from kronika.store import chronicle_events, chronicle_reports, claim_series
    from kronika.store.write import write_chronicle

    merged, edges = [], {}
    for sweep in sweeps(stored_reports(conn, None)).values():
        merged += sweep.groups()
        edges.update(sweep.edges())
    series = build_series(stored_claims(conn, None))
    conn.execute(delete(chronicle_reports))
    conn.execute(delete(chronicle_events))
    conn.execute(delete(claim_series))
    write_chronicle(conn, merged, series, edges)
    return len(merged), len(series)


def stored_reports(conn: Connection, event_type: Optional[str]) -> list[Report]:
    """Every stored event report (of ``event_type``, or all), with its document's metadata."""
    from kronika.store import documents, events

    q = select(events.c.data, events.c.doc_id, documents.c.source, documents.c.title, documents.c.url,
               documents.c.published).join(documents, documents.c.id == events.c.doc_id)
    if event_type is not None:
        q = q.where(events.c.event_type == event_type)
    return [Report(event=Event.model_validate(data), doc_id=doc_id, source=source, title=title, url=url,
                   published=published)
            for data, doc_id, source, title, url, published in conn.execute(q.order_by(events.c.doc_id, events.c.id))]


def stored_claims(conn: Connection, keys: Optional[list[str]]) -> list[tuple]:
    """(claim, doc_id, source, published) of every stored claim (of the series ``keys``, or all)."""
    from kronika.store import claims, documents

    q = select(claims.c.data, claims.c.doc_id, documents.c.source, documents.c.published).join(
        documents, documents.c.id == claims.c.doc_id)
    if keys is not None:
        q = q.where(claims.c.series_key.in_(keys))
    return [(Claim.model_validate(data), doc_id, source, published)
            for data, doc_id, source, published in conn.execute(q.order_by(claims.c.doc_id, claims.c.id))]


def _drop_events(conn: Connection, event_type: str, ids: Optional[set[str]]) -> None:
    """Delete the merged events ``ids`` (None: every one of ``event_type``) and their reports."""
    from kronika.store import chronicle_events, chronicle_reports

    if ids is None:
        chosen = select(chronicle_events.c.id).where(chronicle_events.c.event_type == event_type)
        conn.execute(delete(chronicle_reports).where(chronicle_reports.c.chronicle_id.in_(chosen)))
        conn.execute(delete(chronicle_events).where(chronicle_events.c.event_type == event_type))
        return
    ordered = sorted(ids)
    for i in range(0, len(ordered), 500):
        part = ordered[i:i + 500]
        conn.execute(delete(chronicle_reports).where(chronicle_reports.c.chronicle_id.in_(part)))
        conn.execute(delete(chronicle_events).where(chronicle_events.c.id.in_(part)))


def _drop_series(conn: Connection, keys: list[str]) -> None:
    from kronika.store import claim_series

    conn.execute(delete(claim_series).where(claim_series.c.key.in_(keys)))
