"""Read queries for the web app: filtered, sorted, paginated, and cheap.

List queries select only the columns a page or the API shows (never the JSON ``analysis``
blob of a document), count the total with the same filters, and page with LIMIT/OFFSET,
so every call stays fast with many thousands of documents stored.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Optional

from sqlalchemy import and_, case, func, literal, or_, select, union_all

from kronika.store import Store, chronicle_filter, claims, contains, documents, events

MAX_LIMIT = 1000
MAX_OFFSET = 2**31  # SQLite's OFFSET is a 64-bit integer; no store holds this many rows


@dataclass(frozen=True)
class Filters:
    since: Optional[dt.date] = None
    until: Optional[dt.date] = None
    place: Optional[str] = None
    actor: Optional[str] = None
    event_type: Optional[str] = None
    measure: Optional[str] = None
    source: Optional[str] = None
    doc_id: Optional[str] = None
    status: Optional[str] = None
    modality: Optional[str] = None
    q: Optional[str] = None

    def as_params(self) -> dict[str, str]:
        """Non-empty filters as query-string parameters (for links that keep them)."""
        names = {"event_type": "type"}
        return {names.get(k, k): str(v) for k, v in self.__dict__.items() if v not in (None, "")}


EVENT_COLS = [
    events.c.doc_id, events.c.id, events.c.event_type, events.c.sub_event_type, events.c.kind,
    events.c.status, events.c.date_start, events.c.date_end, events.c.granularity, events.c.place,
    events.c.geonameid, events.c.country_code, events.c.admin1, events.c.latitude, events.c.longitude,
    events.c.actor1, events.c.actor2, events.c.fatalities, events.c.sentence, events.c.text,
    # the level of the event's place (country, admin1, admin2, populated_place...): a region's point is not a town's
    events.c.data[("place", "level")].as_string().label("place_level"),  # JSON paths: SQLite and PostgreSQL
    events.c.data[("place", "fallback")].as_boolean().label("place_fallback"),
]
CLAIM_COLS = [
    claims.c.doc_id, claims.c.id, claims.c.measure, claims.c.subject, claims.c.value, claims.c.low,
    claims.c.high, claims.c.qualifier, claims.c.unit, claims.c.claimant, claims.c.modality,
    claims.c.date_start, claims.c.date_end, claims.c.place, claims.c.geonameid, claims.c.country_code,
    claims.c.headline, claims.c.sentence, claims.c.text,
]
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
_NEEDS_DOCS = {"source", "published"}


def _order(sort: str, sorts: dict, tiebreak: list) -> list:
    desc = sort.startswith("-")
    key = sort.lstrip("-+")
    if key not in sorts:
        raise ValueError(f"unknown sort {key!r}; choose one of {', '.join(sorts)}")
    col = sorts[key]()
    first = [] if key in ("date", "published") else [col.is_(None)]  # unknowns last
    # dates: undated rows last either way (SQLite puts NULL first going up; descending, last already)
    main = col.desc() if desc else (col.asc().nulls_last() if not first else col.asc())
    return first + [main] + [c.desc() if desc else c.asc() for c in tiebreak]


def _page(conn, q, order, limit: int, offset: int, count: bool = True) -> tuple[int, list[dict[str, Any]]]:
    total = conn.execute(select(func.count()).select_from(q.order_by(None).subquery())).scalar_one() if count else -1
    rows = conn.execute(q.order_by(*order).limit(limit).offset(offset)).mappings().all()
    return total, [dict(r) for r in rows]


def _keyed_page(conn, q, keys: list, cols: list, join, order, limit: int, offset: int,
                count: bool = True) -> tuple[int, list[dict[str, Any]]]:
    """Filter, sort and page over the key columns only, then fetch the shown rows' columns.

    Sorting full rows would carry every row's text (and read the documents' large records)
    through the sorter; the keys are small and often come straight from an index."""
    total, found = _page(conn, q, order, limit, offset, count)
    if not found:
        return total, []
    names = [k.name for k in keys]
    wanted = [tuple(r[n] for n in names) for r in found]
    if len(keys) == 1:
        cond = keys[0].in_([w[0] for w in wanted])
    elif len(wanted) <= 100:  # an OR of primary-key equalities: one index probe each
        cond = or_(*[and_(*[k == v for k, v in zip(keys, w)]) for w in wanted])
    else:  # big pages: the documents' rows through the key's first column, the rest filtered
        # (coalesce keeps SQLite from probing every document x id pair; a row-value IN would scan)
        cond = and_(keys[0].in_(sorted({w[0] for w in wanted})),
                    func.coalesce(keys[1], "").in_(sorted({w[1] for w in wanted})))
    rows = conn.execute(select(*cols).select_from(join).where(cond)).mappings().all()
    by_key = {tuple(r[n] for n in names): dict(r) for r in rows}
    return total, [by_key[k] for k in wanted if k in by_key]


def _matching(col, value: str):
    """``col`` contains ``value`` (case-insensitive), for an indexed column: the names are
    matched on the index alone, then the rows are found through it (no table scan)."""
    names = select(col).where(contains(col, value)).distinct().scalar_subquery()
    return col.in_(names)


def _keys(t, f: Filters, sort: str):
    """SELECT of an item table's keys, joined with documents only when a filter or the sort needs it."""
    q = select(t.c.doc_id, t.c.id)
    if f.source or sort.lstrip("-+") in _NEEDS_DOCS:
        q = q.select_from(t.join(documents, documents.c.id == t.c.doc_id))
    if f.source:
        q = q.where(contains(documents.c.source, f.source))
    # dates: the item's interval overlaps [since, until]
    if f.since:
        q = q.where(func.coalesce(t.c.date_end, t.c.date_start) >= f.since)
    if f.until:
        q = q.where(t.c.date_start <= f.until)
    if f.doc_id:
        q = q.where(t.c.doc_id == f.doc_id)
    if f.q:
        q = q.where(contains(t.c.text, f.q))
    return q


def query_events(store: Store, f: Filters, *, sort: str = "date", limit: int = 50, offset: int = 0,
                 located_only: bool = False, count: bool = True) -> tuple[int, list[dict[str, Any]]]:
    q = _keys(events, f, sort)
    if f.place:  # the place or its region, as the CLI and the chronicle match it
        q = q.where(or_(_matching(events.c.place, f.place), contains(events.c.admin1, f.place)))
    if f.actor:
        q = q.where(or_(_matching(events.c.actor1, f.actor), _matching(events.c.actor2, f.actor)))
    if f.event_type:
        if f.event_type in event_types(store):  # exact ACLED type: the index serves it
            q = q.where(events.c.event_type == f.event_type)
        else:
            q = q.where(or_(events.c.event_type.ilike(f.event_type), events.c.sub_event_type.ilike(f.event_type),
                            events.c.kind.ilike(f.event_type)))
    if f.status:
        q = q.where(events.c.status == f.status)
    if located_only:
        q = q.where(and_(events.c.latitude.is_not(None), events.c.longitude.is_not(None)))
    order = _order(sort, EVENT_SORTS, [events.c.doc_id, events.c.sentence, events.c.id])
    with store.engine.connect() as conn:
        return _keyed_page(conn, q, [events.c.doc_id, events.c.id], [*EVENT_COLS, *DOC_COLS], _EVENTS_JOIN,
                           order, limit, offset, count)


def query_claims(store: Store, f: Filters, *, sort: str = "date", limit: int = 50,
                 offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    q = _keys(claims, f, sort)
    if f.place:
        q = q.where(_matching(claims.c.place, f.place))
    if f.actor:
        q = q.where(or_(_matching(claims.c.claimant, f.actor), contains(claims.c.subject, f.actor)))
    if f.measure:
        q = q.where(claims.c.measure == f.measure)
    if f.modality:
        q = q.where(claims.c.modality == f.modality)
    order = _order(sort, CLAIM_SORTS, [claims.c.doc_id, claims.c.sentence, claims.c.id])
    with store.engine.connect() as conn:
        return _keyed_page(conn, q, [claims.c.doc_id, claims.c.id], [*CLAIM_COLS, *DOC_COLS], _CLAIMS_JOIN,
                           order, limit, offset)


def query_documents(store: Store, f: Filters, *, sort: str = "-published", limit: int = 50,
                    offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    cols = [documents.c.id, documents.c.title, documents.c.url, documents.c.source, documents.c.author,
            documents.c.published, documents.c.published_from, documents.c.format, _LEAD]
    q = select(documents.c.id)
    if f.since:
        q = q.where(documents.c.published >= f.since)
    if f.until:
        q = q.where(documents.c.published <= f.until)
    if f.source:
        q = q.where(contains(documents.c.source, f.source))
    if f.q:
        q = q.where(contains(documents.c.title, f.q))
    order = _order(sort, DOC_SORTS, [documents.c.id])
    with store.engine.connect() as conn:
        return _keyed_page(conn, q, [documents.c.id], cols, documents, order, limit, offset)


def event_row(store: Store, doc_id: str, event_id: str) -> Optional[dict[str, Any]]:
    q = (select(*EVENT_COLS, *DOC_COLS, events.c.data).join(documents, documents.c.id == events.c.doc_id)
         .where(events.c.doc_id == doc_id, events.c.id == event_id))
    with store.engine.connect() as conn:
        row = conn.execute(q).mappings().first()
    return dict(row) if row else None


def document_meta(store: Store, doc_id: str) -> Optional[dict[str, Any]]:
    cols = [c for c in documents.c if c.name not in ("analysis", "text")]
    with store.engine.connect() as conn:
        row = conn.execute(select(*cols).where(documents.c.id == doc_id)).mappings().first()
    return dict(row) if row else None


def query_places(store: Store, *, q: Optional[str] = None, limit: int = 50,
                 offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
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
        items = []
        for name, n in ordered[offset:offset + limit]:
            row = None
            for t in (events, claims):
                lat = t.c.latitude if t is events else literal(None).label("latitude")
                lon = t.c.longitude if t is events else literal(None).label("longitude")
                row = conn.execute(select(t.c.geonameid, t.c.country_code, lat, lon)
                                   .where(t.c.place == name).limit(1)).mappings().first()
                if row is not None:
                    break
            items.append({"place": name, **(dict(row) if row else {}), **n})
    return len(ordered), items


def query_actors(store: Store, *, q: Optional[str] = None, limit: int = 50,
                 offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """Actors of events (actor1/actor2) and claimants of claims, with counts of each role."""
    parts = [
        select(events.c.actor1.label("name"), literal(1).label("events"), literal(0).label("claims"))
        .where(events.c.actor1.is_not(None)),
        select(events.c.actor2.label("name"), literal(1).label("events"), literal(0).label("claims"))
        .where(events.c.actor2.is_not(None)),
        select(claims.c.claimant.label("name"), literal(0).label("events"), literal(1).label("claims"))
        .where(claims.c.claimant.is_not(None)),
    ]
    u = union_all(*parts).subquery()
    agg = select(u.c.name, func.sum(u.c.events).label("events"), func.sum(u.c.claims).label("claims")).group_by(u.c.name)
    if q:
        agg = agg.where(contains(u.c.name, q))
    order = [(func.sum(u.c.events) + func.sum(u.c.claims)).desc(), u.c.name]
    with store.engine.connect() as conn:
        return _page(conn, agg, order, limit, offset)


def distinct_values(store: Store, col) -> list[str]:
    with store.engine.connect() as conn:
        return [v for (v,) in conn.execute(select(col).where(col.is_not(None)).distinct().order_by(col).limit(200))]


def query_series(store: Store, *, measure: Optional[str] = None, subject: Optional[str] = None,
                 place: Optional[str] = None, key: Optional[str] = None, limit: int = 10,
                 offset: int = 0) -> Optional[tuple[int, list[dict[str, Any]]]]:
    """Stored claim series (the chronicle's ``claim_series`` table), paged; None if the store has none."""
    from kronika import store as store_mod

    t = getattr(store_mod, "claim_series", None)
    if t is None or not hasattr(t.c, "data"):
        return None
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
    order = [t.c.n_points.desc(), t.c.key] if hasattr(t.c, "n_points") else [t.c.key]
    with store.engine.connect() as conn:
        total, rows = _page(conn, q, order, limit, offset)
        keys = [r["key"] for r in rows]
        data = dict(conn.execute(select(t.c.key, t.c.data).where(t.c.key.in_(keys))).all()) if keys else {}
    return total, [data[k] for k in keys if k in data]


def other_reports(store: Store, doc_id: str, event_id: str) -> list[dict[str, Any]]:
    """Other documents' reports of the same real event, when the store has merged events
    (the chronicle's ``chronicle_reports`` table); empty otherwise."""
    from kronika import store as store_mod

    t = getattr(store_mod, "chronicle_reports", None)
    if t is None or not all(hasattr(t.c, c) for c in ("chronicle_id", "doc_id", "event_id")):
        return []
    cid = select(t.c.chronicle_id).where(t.c.doc_id == doc_id, t.c.event_id == event_id).scalar_subquery()
    q = (select(t.c.doc_id, t.c.event_id, events.c.sentence, events.c.text, *DOC_COLS)
         .join(events, and_(events.c.doc_id == t.c.doc_id, events.c.id == t.c.event_id))
         .join(documents, documents.c.id == t.c.doc_id)
         .where(t.c.chronicle_id == cid, or_(t.c.doc_id != doc_id, t.c.event_id != event_id))
         .order_by(documents.c.published, t.c.doc_id).limit(200))
    with store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(q).mappings()]


_TYPES: dict[str, tuple[int, set[str]]] = {}


def event_types(store: Store) -> set[str]:
    """The distinct event types stored (cached until the number of events changes)."""
    with store.engine.connect() as conn:
        n = conn.execute(select(func.count()).select_from(events)).scalar_one()
        cached = _TYPES.get(store.url)
        if cached is None or cached[0] != n:
            types = {v for (v,) in conn.execute(select(events.c.event_type).distinct()) if v}
            _TYPES[store.url] = cached = (n, types)
    return cached[1]


# -- the chronicle: real events merged across sources ------------------------------------

CHRONICLE_COLS = ["id", "event_type", "sub_event_type", "kind", "status", "date_start", "date_end",
                  "granularity", "date_defaulted", "place", "country_code", "admin1", "latitude", "longitude",
                  "actor1", "actor2", "fatalities", "n_sources", "n_reports", "first_reported",
                  "last_reported", "merge_score"]
CHRONICLE_SORTS = {
    "date": lambda t: func.coalesce(t.c.date_start, t.c.first_reported),
    "sources": lambda t: t.c.n_sources,
    "reports": lambda t: t.c.n_reports,
    "fatalities": lambda t: t.c.fatalities,
    "type": lambda t: t.c.event_type,
    "place": lambda t: t.c.place,
    "reported": lambda t: t.c.last_reported,
}


def query_chronicle(store: Store, f: Filters, *, sort: str = "date", limit: int = 50, offset: int = 0,
                    min_sources: int = 1) -> Optional[tuple[int, list[dict[str, Any]]]]:
    """Merged events (the ``chronicle_events`` table), filtered, sorted and paged, each with its
    reports (document, event, source, publication date, sentence); None if the store has none."""
    from kronika import store as store_mod

    t = getattr(store_mod, "chronicle_events", None)
    r = getattr(store_mod, "chronicle_reports", None)
    if t is None or r is None:
        return None
    q = select(*[t.c[c] for c in CHRONICLE_COLS]).where(*chronicle_filter(
        since=f.since, until=f.until, place=f.place, actor=f.actor, event_type=f.event_type))
    if f.status:
        q = q.where(t.c.status == f.status)
    if f.source or f.q or f.doc_id:  # through the reports
        sub = select(r.c.chronicle_id)
        if f.source:
            sub = sub.where(contains(r.c.source, f.source))
        if f.q:
            sub = sub.where(contains(r.c.text, f.q))
        if f.doc_id:
            sub = sub.where(r.c.doc_id == f.doc_id)
        q = q.where(t.c.id.in_(sub))
    if min_sources > 1:
        q = q.where(t.c.n_sources >= min_sources)
    desc = sort.startswith("-")
    key = sort.lstrip("-+")
    if key not in CHRONICLE_SORTS:
        raise ValueError(f"unknown sort {key!r}; choose one of {', '.join(CHRONICLE_SORTS)}")
    col = CHRONICLE_SORTS[key](t)
    order = [col.desc().nulls_last() if desc else col.asc().nulls_last(), t.c.id.desc() if desc else t.c.id.asc()]
    with store.engine.connect() as conn:
        total, rows = _page(conn, q, order, limit, offset)
        ids = [row["id"] for row in rows]
        reports: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
        if ids:
            rq = (select(r.c.chronicle_id, r.c.doc_id, r.c.event_id, r.c.source, r.c.published, r.c.text,
                         documents.c.title, documents.c.url)
                  .join(documents, documents.c.id == r.c.doc_id, isouter=True)
                  .where(r.c.chronicle_id.in_(ids))
                  .order_by(r.c.chronicle_id, r.c.published, r.c.doc_id, r.c.event_id))
            for rep in conn.execute(rq).mappings():
                d = dict(rep)
                reports[d.pop("chronicle_id")].append(d)
    for row in rows:
        row["reports"] = reports.get(row["id"], [])
    return total, rows
