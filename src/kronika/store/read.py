"""The read side of the store: one set of conditions for every reader.

The CLI, the Python API (:class:`kronika.Chronicle`) and the web app all read through these
functions, so one :class:`~kronika.filters.Filters` finds the same items everywhere: text filters
are escaped substrings (``_`` and ``%`` literal), a place matches its name or its region, and an
item's dates are its own, else its document's publication date (a chronicle event's: its first
report).

List queries select only the columns a page shows (never a document's JSON ``analysis``),
count the total with the same conditions, and page with LIMIT/OFFSET over the key columns
first, so a call stays fast with many thousands of documents stored. Everything is SQLAlchemy
Core that SQLite and PostgreSQL both run.
"""

from __future__ import annotations

from typing import Any, Optional

from sqlalchemy import and_, case, func, literal, or_, select, union_all

from kronika import vocab
from kronika.filters import Filters
from kronika.store import (
    Store,
    chronicle_events,
    chronicle_reports,
    claim_series,
    claims,
    contains,
    documents,
    events,
    series_windows,
)

MAX_LIMIT = 1000
MAX_OFFSET = 2**31  # SQLite's OFFSET is a 64-bit integer; no store holds this many rows

Page = tuple[int, list[dict[str, Any]]]  # (total, rows); total is -1 when not counted

EVENT_COLS = [
    events.c.doc_id,
    events.c.id,
    events.c.event_type,
    events.c.sub_event_type,
    events.c.kind,
    events.c.status,
    events.c.date_start,
    events.c.date_end,
    events.c.granularity,
    events.c.place,
    events.c.geonameid,
    events.c.country_code,
    events.c.admin1,
    events.c.latitude,
    events.c.longitude,
    events.c.actor1,
    events.c.actor2,
    events.c.fatalities,
    events.c.sentence,
    events.c.text,
    # the level of the event's place (country, admin1, admin2, populated_place...): a region's point is not a town's
    events.c.data[("place", "level")].as_string().label("place_level"),
    events.c.data[("place", "fallback")].as_boolean().label("place_fallback"),
]
CLAIM_COLS = [
    claims.c.doc_id,
    claims.c.id,
    claims.c.measure,
    claims.c.subject,
    claims.c.value,
    claims.c.low,
    claims.c.high,
    claims.c.qualifier,
    claims.c.unit,
    claims.c.claimant,
    claims.c.modality,
    claims.c.date_start,
    claims.c.date_end,
    claims.c.place,
    claims.c.geonameid,
    claims.c.country_code,
    claims.c.headline,
    claims.c.sentence,
    claims.c.text,
]
CLAIM_ADMIN1 = claims.c.data[("place", "admin1")].as_string()
LEAD = 90  # characters of a document's text shown when it has no title
# The text's start is read only for documents without a title (large records: read little).
_LEAD = case((documents.c.title.is_(None), func.substr(documents.c.text, 1, LEAD)), else_=None).label("lead")
DOC_COLS = [documents.c.source, documents.c.title, documents.c.url, documents.c.published, _LEAD]

_EVENTS_JOIN = events.join(documents, documents.c.id == events.c.doc_id)
_CLAIMS_JOIN = claims.join(documents, documents.c.id == claims.c.doc_id)

# Sort keys. Dates sort on the item's own start date (kronika defaults it to the publication
# date when the text gives none), so the date index serves the default order without a join.
EVENT_SORTS = {
    "date": lambda: events.c.date_start,
    "type": lambda: events.c.event_type,
    "place": lambda: events.c.place,
    "actor": lambda: events.c.actor1,
    "fatalities": lambda: events.c.fatalities,
    "source": lambda: documents.c.source,
    "published": lambda: documents.c.published,
}
CLAIM_SORTS = {
    "date": lambda: claims.c.date_start,
    "measure": lambda: claims.c.measure,
    "value": lambda: claims.c.value,
    "claimant": lambda: claims.c.claimant,
    "place": lambda: claims.c.place,
    "source": lambda: documents.c.source,
    "published": lambda: documents.c.published,
}
DOC_SORTS = {
    "published": lambda: documents.c.published,
    "title": lambda: documents.c.title,
    "source": lambda: documents.c.source,
    "ingested": lambda: documents.c.ingested_at,
}
CHRONICLE_COLS = [
    "id",
    "event_type",
    "sub_event_type",
    "kind",
    "status",
    "date_start",
    "date_end",
    "granularity",
    "date_defaulted",
    "place",
    "country_code",
    "admin1",
    "latitude",
    "longitude",
    "actor1",
    "actor2",
    "fatalities",
    "n_sources",
    "n_reports",
    "first_reported",
    "last_reported",
    "merge_score",
]
CHRONICLE_SORTS = {
    "date": lambda: func.coalesce(chronicle_events.c.date_start, chronicle_events.c.first_reported),
    "sources": lambda: chronicle_events.c.n_sources,
    "reports": lambda: chronicle_events.c.n_reports,
    "fatalities": lambda: chronicle_events.c.fatalities,
    "type": lambda: chronicle_events.c.event_type,
    "place": lambda: chronicle_events.c.place,
    "reported": lambda: chronicle_events.c.last_reported,
}
SORTS = {"events": EVENT_SORTS, "claims": CLAIM_SORTS, "documents": DOC_SORTS, "chronicle": CHRONICLE_SORTS}
_NEEDS_DOCS = {"source", "published"}


# -- conditions: the one meaning of each filter ------------------------------------------------


def named(col, value: str):
    """``col`` contains ``value`` (case-insensitive, literal), for an indexed name column: the
    names are matched on the index alone, then the rows are found through it (no table scan)."""
    names = select(col).where(contains(col, value)).distinct().scalar_subquery()
    return col.in_(names)


def overlaps(f: Filters, start, end, fallback) -> list:
    """The item's dates overlap [since, until]: its own start and end, else ``fallback`` (the
    publication date, or a chronicle event's first report)."""
    out = []
    if f.since:
        out.append(func.coalesce(end, start, fallback) >= f.since)
    if f.until:
        out.append(func.coalesce(start, fallback) <= f.until)
    return out


def of_type(t, value: str):
    """An ACLED event type, sub-event type or kind (the taxonomy's three levels share no name):
    a whole value, any case, compared with the one column of its level (the type's is indexed)."""
    value = vocab.check(value, vocab.event_types(), "event type") or value  # its stored spelling
    level = vocab.type_level(value)
    col = {"event_type": t.c.event_type, "sub_event_type": t.c.sub_event_type, "kind": t.c.kind}.get(level or "")
    if col is None:
        return or_(t.c.event_type == value, t.c.sub_event_type == value, t.c.kind == value)
    return col == value


def event_conditions(f: Filters) -> list:
    """WHERE conditions on ``events`` joined with ``documents``."""
    t = events
    out = overlaps(f, t.c.date_start, t.c.date_end, documents.c.published)
    if f.place:
        out.append(or_(named(t.c.place, f.place), contains(t.c.admin1, f.place)))
    if f.actor:
        out.append(or_(named(t.c.actor1, f.actor), named(t.c.actor2, f.actor)))
    if f.event_type:
        out.append(of_type(t, f.event_type))
    if f.status:
        out.append(t.c.status == f.status)
    return out + _item_conditions(t, f)


def claim_conditions(f: Filters) -> list:
    """WHERE conditions on ``claims`` joined with ``documents``."""
    t = claims
    out = overlaps(f, t.c.date_start, t.c.date_end, documents.c.published)
    if f.place:  # the claims table has no region column: the region is read from the record
        out.append(or_(named(t.c.place, f.place), contains(CLAIM_ADMIN1, f.place)))
    if f.actor:
        out.append(or_(named(t.c.claimant, f.actor), contains(t.c.subject, f.actor)))
    if f.measure:
        out.append(t.c.measure == f.measure)
    if f.modality:
        out.append(t.c.modality == f.modality)
    return out + _item_conditions(t, f)


def _item_conditions(t, f: Filters) -> list:
    out = []
    if f.source:
        out.append(contains(documents.c.source, f.source))
    if f.text:
        out.append(contains(t.c.text, f.text))
    if f.doc_id:
        out.append(t.c.doc_id == f.doc_id)
    return out


def chronicle_conditions(f: Filters) -> list:
    """WHERE conditions on ``chronicle_events``; source, text and document through its reports."""
    t, r = chronicle_events, chronicle_reports
    out = overlaps(f, t.c.date_start, t.c.date_end, t.c.first_reported)
    if f.place:
        out.append(or_(contains(t.c.place, f.place), contains(t.c.admin1, f.place)))
    if f.actor:
        out.append(or_(contains(t.c.actor1, f.actor), contains(t.c.actor2, f.actor)))
    if f.event_type:
        out.append(of_type(t, f.event_type))
    if f.status:
        out.append(t.c.status == f.status)
    if f.source or f.text or f.doc_id:
        sub = select(r.c.chronicle_id)
        if f.source:
            sub = sub.where(contains(r.c.source, f.source))
        if f.text:
            sub = sub.where(contains(r.c.text, f.text))
        if f.doc_id:
            sub = sub.where(r.c.doc_id == f.doc_id)
        out.append(t.c.id.in_(sub))
    return out


# -- sorting and paging ------------------------------------------------------------------------


def order_by(sort: str, sorts: dict, tiebreak: list) -> list:
    """ORDER BY for ``sort`` (a key of ``sorts``, '-' before it for descending), unknown values
    last either way. A ValueError names the valid keys."""
    desc = sort.startswith("-")
    key = sort.lstrip("-+")
    if key not in sorts:
        raise ValueError(f"unknown sort {key!r}; choose one of {', '.join(sorts)}")
    col = sorts[key]()
    if key in ("date", "published"):  # the bare column, so that its index can serve the order
        # (SQLite puts NULL first going up: asked to put it last; descending, it is last already)
        return [col.desc() if desc else col.asc().nulls_last()] + [c.desc() if desc else c.asc() for c in tiebreak]
    return [col.is_(None), col.desc() if desc else col.asc()] + [c.desc() if desc else c.asc() for c in tiebreak]


def chronicle_order(sort: str) -> list:
    """ORDER BY for merged events: undated ones (no date and no report date) last either way."""
    desc = sort.startswith("-")
    key = sort.lstrip("-+")
    if key not in CHRONICLE_SORTS:
        raise ValueError(f"unknown sort {key!r}; choose one of {', '.join(CHRONICLE_SORTS)}")
    col, ident = CHRONICLE_SORTS[key](), chronicle_events.c.id
    if key == "date" and not desc:  # as ix_chronicle_events_day: the first rows come from the index
        return [col.is_(None), col, ident]
    return [col.desc().nulls_last(), ident.desc()] if desc else [col.asc().nulls_last(), ident.asc()]


def _page(conn, q, order, limit: Optional[int], offset: int, count: bool = True) -> Page:
    total = conn.execute(select(func.count()).select_from(q.order_by(None).subquery())).scalar_one() if count else -1
    rows = conn.execute(q.order_by(*order).limit(limit).offset(offset or None)).mappings().all()
    return total, [dict(r) for r in rows]


def _keyed_page(
    conn, q, keys: list, cols: list, join, order, limit: Optional[int], offset: int, count: bool = True
) -> Page:
    """Filter, sort and page over the key columns only, then fetch the shown rows' columns.

    Sorting full rows would carry every row's text (and read the documents' large records)
    through the sorter; the keys are small and often come straight from an index."""
    total, found = _page(conn, q, order, limit, offset, count)
    if not found:
        return total, []
    names = [k.name for k in keys]
    wanted = [tuple(r[n] for n in names) for r in found]
    by_key: dict[tuple, dict[str, Any]] = {}
    for i in range(0, len(wanted), 5000):  # bounded IN lists, however many rows were asked for
        rows = conn.execute(select(*cols).select_from(join).where(_among(keys, wanted[i : i + 5000]))).mappings()
        by_key.update({tuple(r[n] for n in names): dict(r) for r in rows})
    return total, [by_key[k] for k in wanted if k in by_key]


def _among(keys: list, wanted: list[tuple]):
    if len(keys) == 1:
        return keys[0].in_([w[0] for w in wanted])
    if len(wanted) <= 100:  # an OR of primary-key equalities: one index probe each
        return or_(*[and_(*[k == v for k, v in zip(keys, w)]) for w in wanted])
    # big pages: the documents' rows through the key's first column, the rest filtered
    # (coalesce keeps SQLite from probing every document x id pair; a row-value IN would scan)
    return and_(
        keys[0].in_(sorted({w[0] for w in wanted})), func.coalesce(keys[1], "").in_(sorted({w[1] for w in wanted}))
    )


def _item_keys(t, f: Filters, sort: str, conditions: list):
    """SELECT of an item table's keys, joined with documents only when a filter or the sort needs it."""
    q = select(t.c.doc_id, t.c.id)
    if f.source or f.since or f.until or sort.lstrip("-+") in _NEEDS_DOCS:
        q = q.select_from(t.join(documents, documents.c.id == t.c.doc_id))
    return q.where(*conditions)


# -- the queries -------------------------------------------------------------------------------


def query_events(
    store: Store,
    f: Filters,
    *,
    sort: str = "date",
    limit: Optional[int] = 50,
    offset: int = 0,
    located_only: bool = False,
    count: bool = True,
    data: bool = False,
) -> Page:
    """Events with their document's source, title and date, filtered, sorted and paged
    (``data``: with each event's full record as JSON)."""
    q = _item_keys(events, f, sort, event_conditions(f))
    if located_only:
        q = q.where(and_(events.c.latitude.is_not(None), events.c.longitude.is_not(None)))
    order = order_by(sort, EVENT_SORTS, [events.c.doc_id, events.c.sentence, events.c.id])
    cols = [*EVENT_COLS, *DOC_COLS, *([events.c.data] if data else [])]
    with store.engine.connect() as conn:
        return _keyed_page(conn, q, [events.c.doc_id, events.c.id], cols, _EVENTS_JOIN, order, limit, offset, count)


def query_claims(
    store: Store,
    f: Filters,
    *,
    sort: str = "date",
    limit: Optional[int] = 50,
    offset: int = 0,
    count: bool = True,
    data: bool = False,
) -> Page:
    """Claims with their document's source, title and date, filtered, sorted and paged."""
    q = _item_keys(claims, f, sort, claim_conditions(f))
    order = order_by(sort, CLAIM_SORTS, [claims.c.doc_id, claims.c.sentence, claims.c.id])
    cols = [*CLAIM_COLS, *DOC_COLS, *([claims.c.data] if data else [])]
    with store.engine.connect() as conn:
        return _keyed_page(conn, q, [claims.c.doc_id, claims.c.id], cols, _CLAIMS_JOIN, order, limit, offset, count)


def query_chronicle(
    store: Store,
    f: Filters,
    *,
    sort: str = "date",
    limit: Optional[int] = 50,
    offset: int = 0,
    min_sources: int = 1,
    count: bool = True,
    data: bool = False,
    reports: bool = True,
) -> Page:
    """Merged events (``chronicle_events``), filtered, sorted and paged, each with its reports
    (document, event, source, publication date, sentence)."""
    t = chronicle_events
    q = select(*[t.c[c] for c in CHRONICLE_COLS], *([t.c.data] if data else [])).where(*chronicle_conditions(f))
    if min_sources > 1:
        q = q.where(t.c.n_sources >= min_sources)
    order = chronicle_order(sort)
    with store.engine.connect() as conn:
        total, rows = _page(conn, q, order, limit, offset, count)
        if reports:
            _add_reports(conn, rows)
    return total, rows


def _add_reports(conn, rows: list[dict[str, Any]]) -> None:
    r = chronicle_reports
    found: dict[str, list[dict[str, Any]]] = {row["id"]: [] for row in rows}
    ids = list(found)
    for i in range(0, len(ids), 5000):
        rq = (
            select(
                r.c.chronicle_id,
                r.c.doc_id,
                r.c.event_id,
                r.c.source,
                r.c.published,
                r.c.text,
                documents.c.title,
                documents.c.url,
            )
            .join(documents, documents.c.id == r.c.doc_id, isouter=True)
            .where(r.c.chronicle_id.in_(ids[i : i + 5000]))
            .order_by(r.c.chronicle_id, r.c.published, r.c.doc_id, r.c.event_id)
        )
        for rep in conn.execute(rq).mappings():
            d = dict(rep)
            found[d.pop("chronicle_id")].append(d)
    for row in rows:
        row["reports"] = found[row["id"]]


def timeline(store: Store, f: Filters, *, limit: Optional[int] = None) -> list[tuple]:
    """Chronicle events joined with their reports, as plain tuples in date order (the fast path
    behind `kronika chronicle`): (id, date_start, date_end, granularity, date_defaulted,
    first_reported, event_type, sub_event_type, kind, status, actor1, actor2, place, fatalities,
    n_sources, doc_id, source, published, text); dates are ISO strings (read as stored, without
    conversion: this query returns tens of thousands of rows)."""
    from sqlalchemy import String, cast, type_coerce

    e, r = chronicle_events, chronicle_reports
    shown = [
        e.c[name]
        for name in (
            "id",
            "date_start",
            "date_end",
            "granularity",
            "date_defaulted",
            "first_reported",
            "event_type",
            "sub_event_type",
            "kind",
            "status",
            "actor1",
            "actor2",
            "place",
            "fatalities",
            "n_sources",
        )
    ]
    chosen = select(*shown).where(*chronicle_conditions(f)).order_by(*chronicle_order("date"))
    c = chosen.limit(limit).subquery("e")

    def raw(col):  # ISO text as stored (SQLite), or from the server (PostgreSQL): no date objects
        return type_coerce(col, String) if store.engine.dialect.name == "sqlite" else cast(col, String)

    day = func.coalesce(c.c.date_start, c.c.first_reported)
    q = (
        select(
            c.c.id,
            raw(c.c.date_start),
            raw(c.c.date_end),
            c.c.granularity,
            c.c.date_defaulted,
            raw(c.c.first_reported),
            c.c.event_type,
            c.c.sub_event_type,
            c.c.kind,
            c.c.status,
            c.c.actor1,
            c.c.actor2,
            c.c.place,
            c.c.fatalities,
            c.c.n_sources,
            r.c.doc_id,
            r.c.source,
            raw(r.c.published),
            r.c.text,
        )
        .join(r, r.c.chronicle_id == c.c.id)
        .order_by(day.is_(None), day, c.c.id, r.c.published, r.c.doc_id)
    )
    with store.engine.connect() as conn:
        return [tuple(row) for row in conn.execute(q).all()]


def query_documents(
    store: Store, f: Filters, *, sort: str = "-published", limit: Optional[int] = 50, offset: int = 0
) -> Page:
    """Documents' metadata: published in [since, until], by a source, with ``text`` in the title."""
    cols = [
        documents.c.id,
        documents.c.title,
        documents.c.url,
        documents.c.source,
        documents.c.author,
        documents.c.published,
        documents.c.published_from,
        documents.c.format,
        _LEAD,
    ]
    q = select(documents.c.id)
    if f.since:
        q = q.where(documents.c.published >= f.since)
    if f.until:
        q = q.where(documents.c.published <= f.until)
    if f.source:
        q = q.where(contains(documents.c.source, f.source))
    if f.text:
        q = q.where(contains(documents.c.title, f.text))
    order = order_by(sort, DOC_SORTS, [documents.c.id])
    with store.engine.connect() as conn:
        return _keyed_page(conn, q, [documents.c.id], cols, documents, order, limit, offset)


def event_row(store: Store, doc_id: str, event_id: str) -> Optional[dict[str, Any]]:
    q = (
        select(*EVENT_COLS, *DOC_COLS, events.c.data)
        .join(documents, documents.c.id == events.c.doc_id)
        .where(events.c.doc_id == doc_id, events.c.id == event_id)
    )
    with store.engine.connect() as conn:
        row = conn.execute(q).mappings().first()
    return dict(row) if row else None


def query_places(store: Store, *, q: Optional[str] = None, limit: int = 50, offset: int = 0) -> Page:
    """Places named by events and claims, with how many of each point there.

    Counted on the place indexes alone; the GeoNames fields are read from one row per place shown."""
    counts: dict[str, dict[str, int]] = {}
    with store.engine.connect() as conn:
        for t, kind in ((events, "events"), (claims, "claims")):
            sel = select(t.c.place, func.count()).where(t.c.place.is_not(None)).group_by(t.c.place)
            if q:
                sel = sel.where(contains(t.c.place, q))
            for name, n in conn.execute(sel):
                counts.setdefault(name, {"events": 0, "claims": 0})[kind] = n
        ordered = sorted(counts.items(), key=lambda kv: (-(kv[1]["events"] + kv[1]["claims"]), kv[0]))
        items = [{"place": name, **_place_point(conn, name), **n} for name, n in ordered[offset : offset + limit]]
    return len(ordered), items


def _place_point(conn, name: str) -> dict[str, Any]:
    for t in (events, claims):
        lat = t.c.latitude if t is events else literal(None).label("latitude")
        lon = t.c.longitude if t is events else literal(None).label("longitude")
        row = (
            conn.execute(select(t.c.geonameid, t.c.country_code, lat, lon).where(t.c.place == name).limit(1))
            .mappings()
            .first()
        )
        if row is not None:
            return dict(row)
    return {}


def query_actors(store: Store, *, q: Optional[str] = None, limit: int = 50, offset: int = 0) -> Page:
    """Actors of events (actor1/actor2) and claimants of claims, with counts of each role."""
    parts = [
        select(events.c.actor1.label("name"), literal(1).label("events"), literal(0).label("claims")).where(
            events.c.actor1.is_not(None)
        ),
        select(events.c.actor2.label("name"), literal(1).label("events"), literal(0).label("claims")).where(
            events.c.actor2.is_not(None)
        ),
        select(claims.c.claimant.label("name"), literal(0).label("events"), literal(1).label("claims")).where(
            claims.c.claimant.is_not(None)
        ),
    ]
    u = union_all(*parts).subquery()
    agg = select(u.c.name, func.sum(u.c.events).label("events"), func.sum(u.c.claims).label("claims")).group_by(
        u.c.name
    )
    if q:
        agg = agg.where(contains(u.c.name, q))
    order = [(func.sum(u.c.events) + func.sum(u.c.claims)).desc(), u.c.name]
    with store.engine.connect() as conn:
        return _page(conn, agg, order, limit, offset)


def distinct_values(store: Store, col) -> list[str]:
    with store.engine.connect() as conn:
        return [v for (v,) in conn.execute(select(col).where(col.is_not(None)).distinct().order_by(col).limit(200))]


def query_series(
    store: Store,
    *,
    measure: Optional[str] = None,
    subject: Optional[str] = None,
    place: Optional[str] = None,
    key: Optional[str] = None,
    limit: Optional[int] = 10,
    offset: int = 0,
) -> Page:
    """Stored claim series (``claim_series``) as their JSON records, most points first, paged
    (each assembled from its windows, ``series_windows``)."""
    from kronika.series import assemble, piece_from_json

    t = claim_series
    # Page over the keys first: sorting rows that carry the (large) JSON would read them all.
    q = select(t.c.key)
    if measure:
        q = q.where(t.c.measure == measure)
    if subject:
        q = q.where(contains(t.c.subject, subject))
    if place:
        q = q.where(contains(t.c.place, place))
    if key:
        q = q.where(t.c.key == key)
    with store.engine.connect() as conn:
        total, rows = _page(conn, q, [t.c.n_points.desc(), t.c.key], limit, offset)
        keys = [r["key"] for r in rows]
        heads: dict[str, Any] = {}
        pieces: dict[str, list] = {k: [] for k in keys}
        w = series_windows.c
        for i in range(0, len(keys), 5000):
            part = keys[i : i + 5000]
            heads.update(conn.execute(select(t.c.key, t.c.data).where(t.c.key.in_(part))).all())
            for k, data in conn.execute(select(w.key, w.data).where(w.key.in_(part)).order_by(w.key, w.window)):
                pieces[k].append(piece_from_json(data))
    return total, [
        assemble(
            k,
            heads[k]["measure"],
            heads[k]["subject"],
            heads[k]["place"],
            heads[k]["time_scope"],
            heads[k]["unit"],
            pieces[k],
        ).model_dump(mode="json")
        for k in keys
        if k in heads
    ]


def other_reports(store: Store, doc_id: str, event_id: str) -> list[dict[str, Any]]:
    """Other documents' reports of the same real event (empty before the chronicle is built)."""
    t = chronicle_reports
    cid = select(t.c.chronicle_id).where(t.c.doc_id == doc_id, t.c.event_id == event_id).scalar_subquery()
    q = (
        select(t.c.doc_id, t.c.event_id, events.c.sentence, events.c.text, *DOC_COLS)
        .join(events, and_(events.c.doc_id == t.c.doc_id, events.c.id == t.c.event_id))
        .join(documents, documents.c.id == t.c.doc_id)
        .where(t.c.chronicle_id == cid, or_(t.c.doc_id != doc_id, t.c.event_id != event_id))
        .order_by(documents.c.published, t.c.doc_id)
        .limit(200)
    )
    with store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(q).mappings()]
