"""The chronicle kept up to date batch by batch, equal to a rebuild.

Merging never crosses event types (reports are blocked by type and country, and a report of
unknown country is compared only within its type), and a claim series is a function of its
own claims only. So when a batch is stored, recomputing the merged events of the event types
the batch touches, and the series whose keys it touches, from every stored report of those
types and keys, gives exactly what ``kronika chronicle rebuild`` gives. The update runs in the
batch's own transaction: an interrupted ingest leaves the chronicle of what was stored.
"""

from __future__ import annotations

from typing import Iterable, Optional

from sqlalchemy import delete, select
from sqlalchemy.engine import Connection

from kronika.chronicle.dedup import Report, merge_reports
from kronika.chronicle.series import build_series
from kronika.records import Analysis, Claim, Event


def touched(analyses: Iterable[Analysis]) -> tuple[set[str], set[str]]:
    """The event types and series keys a batch of analyses touches."""
    from kronika.chronicle.series import series_key

    types, keys = set(), set()
    for a in analyses:
        types.update(e.event_type for e in a.events)
        keys.update(series_key(c) for c in a.claims)
    return types, keys


def update(conn: Connection, event_types: Iterable[str], series_keys: Iterable[str]) -> tuple[int, int]:
    """Recompute the merged events of ``event_types`` and the series ``series_keys`` in ``conn``'s
    transaction; (events written, series written)."""
    from kronika.store.write import write_chronicle

    n_events = n_series = 0
    for etype in sorted(event_types):
        merged = merge_reports(stored_reports(conn, etype))
        _drop_events(conn, etype)
        write_chronicle(conn, merged, [])
        n_events += len(merged)
    keys = sorted(set(series_keys))
    for i in range(0, len(keys), 200):
        part = keys[i:i + 200]
        series = build_series(stored_claims(conn, part))
        _drop_series(conn, part)
        write_chronicle(conn, [], series)
        n_series += len(series)
    return n_events, n_series


def rebuild(conn: Connection) -> tuple[int, int]:
    """Recompute the whole chronicle in ``conn``'s transaction; (events, series)."""
    from kronika.store import chronicle_events, chronicle_reports, claim_series
    from kronika.store.write import write_chronicle

    merged = merge_reports(stored_reports(conn, None))
    series = build_series(stored_claims(conn, None))
    conn.execute(delete(chronicle_reports))
    conn.execute(delete(chronicle_events))
    conn.execute(delete(claim_series))
    write_chronicle(conn, merged, series)
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


def _drop_events(conn: Connection, event_type: str) -> None:
    from kronika.store import chronicle_events, chronicle_reports

    ids = select(chronicle_events.c.id).where(chronicle_events.c.event_type == event_type)
    conn.execute(delete(chronicle_reports).where(chronicle_reports.c.chronicle_id.in_(ids)))
    conn.execute(delete(chronicle_events).where(chronicle_events.c.event_type == event_type))


def _drop_series(conn: Connection, keys: list[str]) -> None:
    from kronika.store import claim_series

    conn.execute(delete(claim_series).where(claim_series.c.key.in_(keys)))
