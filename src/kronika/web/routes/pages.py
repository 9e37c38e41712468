"""The server-rendered pages: documents, an article, events (map, timeline, table), one event,
the chronicle, claims, statements, series and the API's own description."""

from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from kronika.chronicle import STANCES
from kronika.errors import KronikaError
from kronika.filters import Filters
from kronika.records import Analysis
from kronika.store import claims as claims_t
from kronika.store import events as events_t
from kronika.store import read
from kronika.web import render
from kronika.web.common import (
    CHART_POINTS,
    Web,
    checked_measure,
    filters,
    lead,
    offset_q,
    pager,
    span,
    trim_points,
    web,
)

router = APIRouter(include_in_schema=False)
MAP_LIMIT = 1000  # events drawn on the map and the timeline of one page


@router.get("/", response_class=HTMLResponse)
def home(
    request: Request,
    f: Filters = Depends(filters),
    sort: str = "-published",
    limit: int = Query(50, ge=1, le=200),
    offset: int = offset_q,
    w: Web = Depends(web),
):
    total, rows = w.paged("documents", f, sort=sort, limit=limit, offset=offset)
    return w.page(
        request,
        "index.html",
        counts=w.chronicle.counts(),
        docs=rows,
        f=f,
        sort=sort,
        pager=pager(request, total, limit, offset),
    )


@router.get("/doc/{doc_id}", response_class=HTMLResponse)
def doc_page(request: Request, doc_id: str, w: Web = Depends(web)):
    a = w.store.analysis(doc_id)
    if a is None:
        return w.page(request, "error.html", status_code=404, message="No document with this id.")
    return article(w, request, a, stored=True)


def article(w: Web, request: Request, a: Analysis, stored: bool, status_code: int = 200) -> HTMLResponse:
    """An analysis with every extracted span highlighted and explained."""
    claims = [(i, c, render.claim_details(c)) for i, c in enumerate(a.claims)]
    evs = [(i, e, render.event_details(e)) for i, e in enumerate(a.events)]
    said = [(i, st, render.statement_details(st)) for i, st in enumerate(a.statements)]
    return w.page(
        request,
        "doc.html",
        status_code=status_code,
        a=a,
        doc=a.document,
        h=render.highlight(a),
        claims=claims,
        events=evs,
        statements=said,
        stored=stored,
    )


@router.get("/events", response_class=HTMLResponse)
def events_page(
    request: Request,
    f: Filters = Depends(filters),
    sort: str = "date",
    limit: int = Query(100, ge=1, le=500),
    offset: int = offset_q,
    w: Web = Depends(web),
):
    total, rows = w.paged("events", f, sort=sort, limit=limit, offset=offset)
    _, recent = w.paged("events", f, sort="-date", limit=MAP_LIMIT, offset=0, count=False)
    markers = [_marker(r) for r in recent if r["latitude"] is not None and r["longitude"] is not None]
    return w.page(
        request,
        "events.html",
        rows=rows,
        total=total,
        f=f,
        sort=sort,
        markers=markers,
        n_recent=len(recent),
        timeline=render.timeline(recent),
        pager=pager(request, total, limit, offset),
        types=read.distinct_values(w.store, events_t.c.event_type),
        span=span,
    )


def _marker(r: dict) -> dict:
    """What the map shows of an event row."""
    return {
        "doc_id": r["doc_id"],
        "id": r["id"],
        "lat": r["latitude"],
        "lon": r["longitude"],
        "type": r["event_type"],
        "sub": r["sub_event_type"],
        "kind": r["kind"],
        "status": r["status"],
        "date": span(r["date_start"], r["date_end"]),
        "place": r["place"],
        "actor1": r["actor1"],
        "region": render.is_region(r["place_level"], r["place_fallback"]),
        "level": r["place_level"],
        "actor2": r["actor2"],
        "fatalities": r["fatalities"],
        "sentence": r["sentence"],
        "text": r["text"],
        "title": r["title"] or lead(r["lead"]),
        "source": r["source"],
        "published": str(r["published"]) if r["published"] else None,
    }


@router.get("/event/{doc_id}/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, doc_id: str, event_id: str, w: Web = Depends(web)):
    row = read.event_row(w.store, doc_id, event_id)
    if row is None:
        return w.page(request, "error.html", status_code=404, message="No such event.")
    a = w.store.analysis(doc_id)
    ev = next((e for e in a.events if e.id == event_id), None) if a else None
    sentence = next((s for s in a.sentences if s.index == row["sentence"]), None) if a else None
    support = [c for c in a.claims if ev and c.id in ev.claims] if a else []
    return w.page(
        request,
        "event.html",
        r=row,
        ev=ev,
        others=read.other_reports(w.store, doc_id, event_id),
        details=render.event_details(ev) if ev else None,
        sentence=sentence,
        support=[(c, render.claim_details(c)) for c in support],
        span=span,
    )


@router.get("/chronicle", response_class=HTMLResponse)
def chronicle_page(
    request: Request,
    f: Filters = Depends(filters),
    sort: str = "date",
    min_sources: int = Query(1, ge=1, le=read.MAX_OFFSET),
    limit: int = Query(100, ge=1, le=500),
    offset: int = offset_q,
    w: Web = Depends(web),
):
    total, rows = w.paged("chronicle", f, sort=sort, limit=limit, offset=offset, min_sources=min_sources)
    counts = w.chronicle.counts()
    return w.page(
        request,
        "chronicle.html",
        rows=rows,
        total=total,
        f=f,
        sort=sort,
        min_sources=min_sources,
        available=counts["chronicle_events"] > 0 or counts["events"] == 0,
        pager=pager(request, total, limit, offset),
        types=read.distinct_values(w.store, events_t.c.event_type),
        span=span,
    )


@router.get("/claims", response_class=HTMLResponse)
def claims_page(
    request: Request,
    f: Filters = Depends(filters),
    sort: str = "date",
    limit: int = Query(100, ge=1, le=500),
    offset: int = offset_q,
    w: Web = Depends(web),
):
    total, rows = w.paged("claims", f, sort=sort, limit=limit, offset=offset)
    return w.page(
        request,
        "claims.html",
        rows=rows,
        total=total,
        f=f,
        sort=sort,
        span=span,
        pager=pager(request, total, limit, offset),
        measures=read.distinct_values(w.store, claims_t.c.measure),
    )


@router.get("/statements", response_class=HTMLResponse)
def statements_page(
    request: Request,
    source: Optional[str] = None,
    stance: Optional[str] = None,
    since: Optional[str] = None,
    until: Optional[str] = None,
    limit: int = Query(100, ge=1, le=500),
    offset: int = offset_q,
    w: Web = Depends(web),
):
    given = {"source": source or None, "stance": stance or None, "since": since or None, "until": until or None}
    try:
        total = w.chronicle.count_statements(**given)
        rows = w.chronicle.statements(**given, limit=limit, offset=offset)
    except KronikaError as exc:
        raise HTTPException(422, str(exc)) from None
    keys = [(r["doc_id"], cid) for r in rows for cid in r["data"].get("claims") or ()]
    claims_of = w.store.claims_by_id(keys)
    for r in rows:
        r["claims"] = [
            claims_of[(r["doc_id"], cid)] for cid in r["data"].get("claims") or () if (r["doc_id"], cid) in claims_of
        ]
    return w.page(
        request,
        "statements.html",
        rows=rows,
        total=total,
        f=given,
        stances=STANCES,
        sources=w.store.statement_sources() if not source else [],
        span=span,
        pager=pager(request, total, limit, offset),
    )


@router.get("/series", response_class=HTMLResponse)
def series_page(
    request: Request,
    measure: Optional[str] = None,
    subject: Optional[str] = None,
    place: Optional[str] = None,
    key: Optional[str] = None,
    limit: int = Query(5, ge=1, le=50),
    offset: int = offset_q,
    w: Web = Depends(web),
):
    total, shown = read.query_series(
        w.store,
        measure=checked_measure(measure),
        subject=subject or None,
        place=place or None,
        key=key or None,
        limit=limit,
        offset=offset,
    )
    charts = [(s, render.series_chart(s)) for s in (trim_points(s, CHART_POINTS) for s in shown)]
    return w.page(
        request,
        "series.html",
        available=True,
        charts=charts,
        total=total,
        pager=pager(request, total, limit, offset),
        measure=measure,
        subject=subject,
        place=place,
        measures=read.distinct_values(w.store, claims_t.c.measure),
    )


@router.get("/api", response_class=HTMLResponse)
def api_docs(request: Request, w: Web = Depends(web)):
    spec = request.app.openapi()
    ops = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [
                (p["name"], p.get("in"), (p.get("schema") or {}).get("type") or "", p.get("description") or "")
                for p in op.get("parameters", [])
            ]
            ops.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "params": params,
                    "body": "requestBody" in op,
                }
            )
    return w.page(request, "api.html", ops=ops, title=spec["info"]["title"], version=spec["info"]["version"])
