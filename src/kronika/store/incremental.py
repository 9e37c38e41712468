"""The chronicle kept up to date batch by batch, equal to a rebuild.

Merging never crosses event types, and it is a sweep in date order whose state at any date
depends only on the reports before it (:class:`~kronika.dedup.Sweep`). So when a batch
is stored, each event type it touches is replayed from its first new report on: the stored
groups of the reports in that report's window (and the other members of their events) are the
sweep's state there; the reports from there on are added again. Only that time window is read
and rewritten, and the result is exactly what ``kronika chronicle rebuild`` gives. A claim
series is stored by window (a month): a batch recomputes only the windows of its new claims,
and what spans windows (the series' counts and flags, each claimant's figure compared with its
previous window's) is kept apart and updated from them. The
update runs in the batch's own transaction: an interrupted ingest leaves the chronicle of what
was stored.
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections import OrderedDict
from typing import Iterable, Optional

from sqlalchemy import delete, select, tuple_
from sqlalchemy.engine import Connection, Engine

from kronika.dedup import MAX_SPAN_DAYS, Report, Sweep, position, sweeps
from kronika.series import UNDATED
from kronika.records import Analysis, Claim, Event


def touched(analyses: Iterable[Analysis]) -> tuple[dict[str, list], dict[str, set[str]]]:
    """What a batch of stored analyses touches: for each event type, the sweep dates of its new
    reports (None: undated); for each claim series, the windows of its new points."""
    from kronika.series import as_of, series_key, window_of

    starts: dict[str, list] = {}
    windows: dict[str, set[str]] = {}
    for a in analyses:
        d = a.document
        for e in a.events:
            r = Report(event=e, doc_id=d.id, source=d.source, title=d.title, url=d.url, published=d.published)
            starts.setdefault(e.event_type, []).append(r.interval()[0])
        for c in a.claims:
            windows.setdefault(series_key(c), set()).add(window_of(as_of(c, d.published)))
    return starts, windows


def fold_pending(conn: Connection) -> int:
    """Fold every document marked pending (``chronicle_pending``) into the chronicle, in ``conn``'s
    transaction, and unmark them; how many. The mark is taken first (on SQLite that statement
    takes the write lock); if the transaction fails, the marks come back with it."""
    from kronika.store.schema import chronicle_pending as p

    ids = sorted(d for (d,) in conn.execute(delete(p).returning(p.c.doc_id)))
    if ids:
        update(conn, *pending_touched(conn, ids))
    return len(ids)


def pending_touched(conn: Connection, doc_ids: list[str]) -> tuple[dict[str, list], dict[str, set[str]]]:
    """What the stored documents ``doc_ids`` touch, as :func:`touched` says of their analyses,
    read from the columns stored for it (each event's sweep date, each claim's series window)."""
    from kronika.store.schema import claims, events

    starts: dict[str, set] = {}
    windows: dict[str, set[str]] = {}
    for i in range(0, len(doc_ids), 500):
        part = doc_ids[i : i + 500]
        for etype, start in conn.execute(
            select(events.c.event_type, events.c.sweep_start).where(events.c.doc_id.in_(part))
        ):
            starts.setdefault(etype, set()).add(start)
        q = select(claims.c.series_key, claims.c.series_window).where(claims.c.doc_id.in_(part))
        for key, window in conn.execute(q):
            windows.setdefault(key, set()).add(window)
    return {t: list(s) for t, s in starts.items()}, windows


def update(conn: Connection, first: dict[str, list], series: dict[str, set[str]]) -> tuple[int, int]:
    """Bring the merged events of each event type in ``first`` (type -> the sweep dates of its new
    reports) up to date, and the windows of each claim series in ``series`` (key -> windows), in
    ``conn``'s transaction; (events written, series written)."""
    n_events = 0
    for etype in sorted(first):
        n_events += update_events(conn, etype, first[etype])
    for key in sorted(series):
        update_series(conn, key, sorted(series[key]))
    return n_events, len(series)


SPAN = dt.timedelta(days=MAX_SPAN_DAYS)
Interval = tuple[dt.date, dt.date]


def update_events(conn: Connection, event_type: str, starts: list) -> int:
    """Merge the new reports of ``event_type`` (those not in the chronicle yet; ``starts``: their
    sweep dates) into the stored events. The sweep is replayed over the time windows around the
    new reports: a stored report keeps its event unless a report it may join belongs to an event
    that changed (then it is decided again, and the windows grow when it moves). Only those
    windows are read, and of the events in them only those whose members or links changed are
    rewritten. Returns the number of events written."""
    from kronika.store.write import write_chronicle

    if any(s is None for s in starts):  # an undated new report: replay the whole type
        sweep = Sweep()
        for r in sorted(stored_reports(conn, event_type), key=position):
            sweep.add(r)
        groups = sweep.groups()
        _drop_events(conn, event_type, None)
    else:
        windows = _union([(s - SPAN, s + SPAN) for s in starts])
        while True:
            rows = _window_rows(conn, event_type, windows)
            sweep, more = _replay(rows, windows)
            if more is None:
                break
            windows = _union(windows + [more])
        roots, kept = _unchanged(sweep, rows)
        groups = sweep.groups(roots)
        _drop_events(conn, event_type, {c for _, c, _ in rows if c} - kept)
    write_chronicle(conn, groups, sweep.edges())
    return len(groups)


def _unchanged(sweep: Sweep, rows: list[tuple]) -> tuple[list[int], set[str]]:
    """The groups of ``sweep`` to write (their roots), and the stored events that stay as they
    are: a group whose members are exactly a stored event's (every one of them: the rows hold
    each member of the events they touch), joined by the same links, merges into that event."""
    stored = {r.key: (cid, edge) for r, cid, edge in rows}
    size: dict[str, int] = {}
    for _, cid, _ in rows:
        if cid is not None:
            size[cid] = size.get(cid, 0) + 1
    write, kept = [], set()
    for g, members in sweep.members.items():
        cid = stored[sweep.reports[g].key][0]
        if (
            cid is not None
            and size[cid] == len(members)
            and all(_same_link(stored[sweep.reports[k].key], cid, sweep.edge[k]) for k in members)
        ):
            kept.add(cid)
        else:
            write.append(g)
    return write, kept


def _same_link(stored: tuple, cid: str, edge) -> bool:
    """Whether a report stored in event ``cid`` with link ``stored[1]`` is there again, so linked."""
    if stored[0] != cid:
        return False
    old = stored[1]
    return (edge is None) if old is None else (edge is not None and edge[0] == old[0] and list(edge[1]) == list(old[1]))


def _replay(rows: list[tuple], windows: list[Interval]) -> tuple[Sweep, Optional[Interval]]:
    """The sweep over ``rows`` (report, stored event id or None for a new report, stored link):
    stored reports keep their events until a changed event comes within their reach. Returns the
    sweep, or the window still to read (a report decided again whose reach was not read)."""
    rows = sorted(rows, key=lambda x: position(x[0]))
    sweep = Sweep()
    roots: dict = {}
    stored_in: list[Optional[str]] = []  # each index's stored event
    dirty_roots: set[int] = set()  # groups holding a new or moved report
    dirty_ids: set[str] = set()  # stored events that lost a report
    for report, cid, edge in rows:
        if cid is not None and not (
            (dirty_roots or dirty_ids)
            and any(  # nothing changed yet: no need to look
                sweep.root[j] in dirty_roots or stored_in[j] in dirty_ids for j in sweep.window(report)
            )
        ):
            i = sweep.seed(report, roots.get(cid), (edge[0], edge[1]) if edge else None)
            roots.setdefault(cid, i)
            stored_in.append(cid)
            continue
        start = report.interval()[0]
        if not any(lo <= start - SPAN and start <= hi for lo, hi in windows):
            return sweep, (start - SPAN, start + SPAN)
        i = sweep.add(report)
        stored_in.append(cid)
        g = sweep.root[i]
        same = cid is not None and (roots.get(cid) == g if g != i else cid not in roots)
        if cid is not None:
            roots.setdefault(cid, g)
        if not same:
            dirty_roots.add(g)
            if cid is not None:
                dirty_ids.add(cid)
    return sweep, None


def _union(windows: list[Interval]) -> list[Interval]:
    out: list[Interval] = []
    for lo, hi in sorted(windows):
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _window_rows(conn: Connection, event_type: str, windows: list[Interval]) -> list[tuple]:
    """(report, chronicle id, edge) of the stored reports of ``event_type`` swept within
    ``windows`` or undated, and of every other report of the events they belong to."""
    from kronika.store.schema import chronicle_reports, events

    t = events.c
    rows = _report_rows(conn, (t.event_type == event_type) & t.sweep_start.is_(None))
    for lo, hi in windows:
        rows += _report_rows(conn, (t.event_type == event_type) & t.sweep_start.between(lo, hi))
    have = {r.key for r, _, _ in rows}
    ids = sorted({c for _, c, _ in rows if c})
    for i in range(0, len(ids), 500):
        members = select(chronicle_reports.c.doc_id, chronicle_reports.c.event_id).where(
            chronicle_reports.c.chronicle_id.in_(ids[i : i + 500])
        )
        more = _report_rows(conn, tuple_(t.doc_id, t.id).in_(members))
        rows += [x for x in more if x[0].key not in have]
        have |= {x[0].key for x in more}
    return rows


# Stored reports as the merges read them, by engine: an event and its document never change once
# stored, and the windows of consecutive batches overlap, so each batch parses only the reports
# it has not seen (their link to a merged event is read every time).
_SEEN: "weakref.WeakKeyDictionary[Engine, OrderedDict[tuple[str, str], Report]]" = weakref.WeakKeyDictionary()
SEEN_MAX = 10_000  # a batch of 16 reads ~2,000 (the windows around ~130 new reports)


def _report_rows(conn: Connection, where) -> list[tuple]:
    """(report, chronicle id, edge) of the stored events matching ``where``."""
    from kronika.store.schema import chronicle_reports as cr
    from kronika.store.schema import events

    q = (
        select(events.c.doc_id, events.c.id, cr.c.chronicle_id, cr.c.edge)
        .outerjoin(cr, (cr.c.doc_id == events.c.doc_id) & (cr.c.event_id == events.c.id))
        .where(where)
    )
    found = conn.execute(q).all()
    seen = _SEEN.setdefault(conn.engine, OrderedDict())
    parsed = _parsed(conn, sorted({(d, e) for d, e, _, _ in found} - seen.keys()))
    rows = []
    for doc_id, event_id, cid, edge in found:
        key = (doc_id, event_id)
        if key in seen:
            seen.move_to_end(key)
            rows.append((seen[key], cid, edge))
            continue
        rows.append((parsed[key], cid, edge))
        if cid is not None:  # linked by an earlier, committed batch (this one's may yet roll back)
            seen[key] = parsed[key]
    while len(seen) > SEEN_MAX:
        seen.popitem(last=False)
    return rows


def _parsed(conn: Connection, keys: list[tuple[str, str]]) -> dict[tuple[str, str], Report]:
    """The reports of the stored events ``keys`` (doc_id, event id), with their documents' metadata."""
    from kronika.store.schema import documents, events

    out: dict[tuple[str, str], Report] = {}
    wanted = set(keys)
    docs = sorted({d for d, _ in keys})
    for i in range(0, len(docs), 500):
        q = (
            select(
                events.c.data,
                events.c.doc_id,
                events.c.id,
                documents.c.source,
                documents.c.title,
                documents.c.url,
                documents.c.published,
            )
            .join(documents, documents.c.id == events.c.doc_id)
            .where(events.c.doc_id.in_(docs[i : i + 500]))
        )
        for data, doc_id, event_id, source, title, url, published in conn.execute(q):
            if (doc_id, event_id) in wanted:
                out[(doc_id, event_id)] = Report(
                    event=Event.model_validate(data),
                    doc_id=doc_id,
                    source=source,
                    title=title,
                    url=url,
                    published=published,
                )
    return out


def rebuild(conn: Connection) -> tuple[int, int]:
    """Recompute the whole chronicle in ``conn``'s transaction, pending documents included; (events,
    series)."""
    from kronika.store.schema import chronicle_pending

    conn.execute(delete(chronicle_pending))  # first: on SQLite, the write lock before any read
    return rebuild_events(conn), rebuild_series(conn)


def rebuild_events(conn: Connection) -> int:
    """Recompute every merged event in ``conn``'s transaction; how many."""
    from kronika.store.schema import chronicle_events, chronicle_reports
    from kronika.store.write import write_chronicle

    merged, edges = [], {}
    for sweep in sweeps(stored_reports(conn, None)).values():
        merged += sweep.groups()
        edges.update(sweep.edges())
    conn.execute(delete(chronicle_reports))
    conn.execute(delete(chronicle_events))
    write_chronicle(conn, merged, edges)
    return len(merged)


def rebuild_series(conn: Connection) -> int:
    """Recompute every claim series, window by window, in ``conn``'s transaction; how many."""
    from kronika.series import Counts, revision_marks, series_pieces
    from kronika.store.schema import claim_series, series_claimants, series_windows
    from kronika.store.write import series_rows, write_series

    rows = []
    for k, pieces in series_pieces(stored_claims(conn, None)):
        marks = revision_marks(pieces)
        counts = Counts(n_revisions=sum(marks.values()))
        for pc in pieces:
            counts.add(pc)
        rows.append(series_rows(k, pieces, counts, marks))
    for t in (series_claimants, series_windows, claim_series):
        conn.execute(delete(t))
    write_series(conn, rows)
    return len(rows)


def update_series(conn: Connection, key: str, windows: list[str]) -> None:
    """Recompute the ``windows`` of the series ``key`` from their stored claims, and its head from
    its counts: the cost is that of the windows, whatever the length of the series."""
    from kronika.series import Counts, by_window, piece
    from kronika.store.schema import claim_series, series_windows
    from kronika.store.write import head_row, window_row, write_series

    t = series_windows.c
    head = conn.execute(select(claim_series.c.data).where(claim_series.c.key == key)).scalar()
    counts = Counts(**head["counts"]) if head else Counts()
    for (old,) in conn.execute(select(t.counts).where(t.key == key, t.window.in_(windows))):
        counts.take(old)
    found = by_window(stored_claims(conn, None, key=key, windows=windows))
    if not found:
        return
    [(k, grouped)] = found.items()
    pieces = [piece(w, *grouped[w]) for w in sorted(grouped)]
    for pc in pieces:
        counts.add(pc)
    conn.execute(delete(series_windows).where(t.key == key, t.window.in_(windows)))
    counts.n_revisions += _update_claimants(conn, key, pieces, windows)
    write_series(conn, [({}, [window_row(key, pc) for pc in pieces], [])])
    latest = [
        dict(r)
        for q in (t.best.is_not(None) | t.low.is_not(None), t.window != UNDATED)
        for r in conn.execute(
            select(t.window, t.low, t.best, t.high, t.last_date)
            .where(t.key == key, q)
            .order_by(t.window.desc())
            .limit(1)
        ).mappings()
    ]
    conn.execute(delete(claim_series).where(claim_series.c.key == key))
    write_series(conn, [(head_row(k, counts, sorted(latest, key=lambda r: r["window"])), [], [])])


def _update_claimants(conn: Connection, key: str, pieces: list, windows: list[str]) -> int:
    """Rewrite the claimants' rows of ``windows`` from their ``pieces``, and decide again whether
    each claimant's first figure there, and in its next window after each, revises the one
    before; the change in the number of revisions."""
    from kronika.series import revises
    from kronika.store.schema import series_claimants
    from kronika.store.write import insert_rows

    t = series_claimants.c
    old = {
        (c, w): r
        for c, w, r in conn.execute(select(t.claimant, t.window, t.revises).where(t.key == key, t.window.in_(windows)))
    }
    conn.execute(delete(series_claimants).where(t.key == key, t.window.in_(windows)))
    new = {(c, pc.window): v for pc in pieces for c, v in pc.claimants.items()}
    insert_rows(
        conn,
        series_claimants,
        [
            {"key": key, "claimant": c, "window": w, "first": f, "last": last, "revises": False}
            for (c, w), (f, last) in sorted(new.items())
        ],
    )
    delta = -sum(bool(r) for r in old.values())
    later: dict[tuple[str, str], bool] = {}  # the next window of a claimant after a rewritten one
    for c in sorted({c for c, _ in old} | {c for c, _ in new}):
        for w in windows:
            nxt = conn.execute(
                select(t.window, t.revises)
                .where(t.key == key, t.claimant == c, t.window > w)
                .order_by(t.window)
                .limit(1)
            ).first()
            if nxt is not None and (c, nxt[0]) not in new:
                later[(c, nxt[0])] = bool(nxt[1])
    for c, w in sorted(set(new) | set(later)):
        before = conn.execute(
            select(t.last).where(t.key == key, t.claimant == c, t.window < w).order_by(t.window.desc()).limit(1)
        ).scalar()
        first = (
            new[(c, w)][0]
            if (c, w) in new
            else conn.execute(select(t.first).where(t.key == key, t.claimant == c, t.window == w)).scalar_one()
        )
        now = before is not None and revises(before, first)
        was = later.get((c, w), False)
        if now != was:
            conn.execute(
                series_claimants.update().where(t.key == key, t.claimant == c, t.window == w).values(revises=now)
            )
        delta += now - was
    return delta


def stored_reports(conn: Connection, event_type: Optional[str]) -> list[Report]:
    """Every stored event report (of ``event_type``, or all), with its document's metadata."""
    from kronika.store.schema import documents, events

    q = select(
        events.c.data, events.c.doc_id, documents.c.source, documents.c.title, documents.c.url, documents.c.published
    ).join(documents, documents.c.id == events.c.doc_id)
    if event_type is not None:
        q = q.where(events.c.event_type == event_type)
    return [
        Report(
            event=Event.model_validate(data), doc_id=doc_id, source=source, title=title, url=url, published=published
        )
        for data, doc_id, source, title, url, published in conn.execute(q.order_by(events.c.doc_id, events.c.id))
    ]


def stored_claims(
    conn: Connection, keys: Optional[list[str]], *, key: Optional[str] = None, windows: Optional[list[str]] = None
) -> list[tuple]:
    """(claim, doc_id, source, published) of every stored claim (of the series ``keys``, or all;
    or of the series ``key`` in its ``windows``)."""
    from kronika.store.schema import claims, documents

    q = select(claims.c.data, claims.c.doc_id, documents.c.source, documents.c.published).join(
        documents, documents.c.id == claims.c.doc_id
    )
    if keys is not None:
        q = q.where(claims.c.series_key.in_(keys))
    if key is not None:
        q = q.where(claims.c.series_key == key, claims.c.series_window.in_(windows or []))
    return [
        (Claim.model_validate(data), doc_id, source, published)
        for data, doc_id, source, published in conn.execute(q.order_by(claims.c.doc_id, claims.c.id))
    ]


def _drop_events(conn: Connection, event_type: str, ids: Optional[set[str]]) -> None:
    """Delete the merged events ``ids`` (None: every one of ``event_type``) and their reports."""
    from kronika.store.schema import chronicle_events, chronicle_reports

    if ids is None:
        chosen = select(chronicle_events.c.id).where(chronicle_events.c.event_type == event_type)
        conn.execute(delete(chronicle_reports).where(chronicle_reports.c.chronicle_id.in_(chosen)))
        conn.execute(delete(chronicle_events).where(chronicle_events.c.event_type == event_type))
        return
    ordered = sorted(ids)
    for i in range(0, len(ordered), 500):
        part = ordered[i : i + 500]
        conn.execute(delete(chronicle_reports).where(chronicle_reports.c.chronicle_id.in_(part)))
        conn.execute(delete(chronicle_events).where(chronicle_events.c.id.in_(part)))
