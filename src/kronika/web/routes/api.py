"""The JSON API's reads: documents, events, the chronicle, claims, statements, series, places, actors."""

from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Depends, HTTPException, Query

from kronika import vocab
from kronika.chronicle import STANCES
from kronika.filters import Filters
from kronika.ingest.dates import parse_user_date
from kronika.store import read
from kronika.web.common import (
    Page,
    Web,
    checked_measure,
    filters,
    limit_q,
    offset_q,
    page_of,
    sort_q,
    trim_points,
    valid_query,
    web,
)

router = APIRouter(prefix="/api", tags=["api"])


@router.get("/stats", summary="How many documents, events and claims are stored")
def api_stats(w: Web = Depends(web)) -> dict[str, int]:
    return w.chronicle.counts()


@router.get("/documents", response_model=Page, summary="Documents (metadata only)")
def api_documents(
    f: Filters = Depends(filters),
    sort: str = sort_q("-published", read.DOC_SORTS),
    limit: int = limit_q,
    offset: int = offset_q,
    w: Web = Depends(web),
):
    total, rows = w.paged("documents", f, sort=sort, limit=limit, offset=offset)
    return page_of(total, limit, offset, rows)


@router.get("/documents/{doc_id}", summary="One document's full analysis")
def api_document(doc_id: str, w: Web = Depends(web)) -> dict:
    a = w.store.analysis(doc_id)
    if a is None:
        raise HTTPException(404, "no such document")
    return a.model_dump(mode="json")


@router.get("/events", response_model=Page, summary="Events, filtered, sorted and paged")
def api_events(
    f: Filters = Depends(filters),
    sort: str = sort_q("date", read.EVENT_SORTS),
    located: bool = Query(False, description="only events with coordinates"),
    limit: int = limit_q,
    offset: int = offset_q,
    w: Web = Depends(web),
):
    total, rows = w.paged("events", f, sort=sort, limit=limit, offset=offset, located_only=located)
    return page_of(total, limit, offset, rows)


@router.get("/events/{doc_id}/{event_id}", summary="One event, with its source and sentence")
def api_event(doc_id: str, event_id: str, w: Web = Depends(web)) -> dict:
    row = read.event_row(w.store, doc_id, event_id)
    if row is None:
        raise HTTPException(404, "no such event")
    return row


@router.get(
    "/chronicle",
    response_model=Page,
    summary="The chronicle: real events merged across sources, each with all its reports",
)
def api_chronicle(
    f: Filters = Depends(filters),
    sort: str = sort_q("date", read.CHRONICLE_SORTS),
    min_sources: int = Query(
        1, ge=1, le=read.MAX_OFFSET, description="only events reported by at least this many sources"
    ),
    limit: int = limit_q,
    offset: int = offset_q,
    w: Web = Depends(web),
):
    total, rows = w.paged("chronicle", f, sort=sort, limit=limit, offset=offset, min_sources=min_sources)
    return page_of(total, limit, offset, rows)


@router.get("/claims", response_model=Page, summary="Quantitative claims, filtered, sorted and paged")
def api_claims(
    f: Filters = Depends(filters),
    sort: str = sort_q("date", read.CLAIM_SORTS),
    limit: int = limit_q,
    offset: int = offset_q,
    w: Web = Depends(web),
):
    total, rows = w.paged("claims", f, sort=sort, limit=limit, offset=offset)
    return page_of(total, limit, offset, rows)


@router.get("/statements", response_model=Page, summary="Statements: who said what, when, with what stance")
def api_statements(
    source: Optional[str] = Query(None, description="who said it: actor name or source phrase (substring)"),
    stance: Optional[str] = Query(
        None, description="what the source does with it", json_schema_extra={"enum": list(STANCES)}
    ),
    reported_by: Optional[str] = Query(None, description="who reported the statement (substring)"),
    since: Optional[str] = Query(None, description="made on or after (YYYY-MM-DD)"),
    until: Optional[str] = Query(None, description="made on or before (YYYY-MM-DD)"),
    limit: int = limit_q,
    offset: int = offset_q,
    w: Web = Depends(web),
):
    given = {
        "source": source or None,
        "stance": valid_query("stance", stance, lambda v: vocab.check(v, STANCES, "stance")),
        "reported_by": reported_by or None,
        "since": valid_query("since", since, lambda v: parse_user_date(v, "since").isoformat()),
        "until": valid_query("until", until, lambda v: parse_user_date(v, "until").isoformat()),
    }
    total = w.chronicle.count_statements(**given)
    return page_of(total, limit, offset, w.chronicle.statements(**given, limit=limit, offset=offset))


@router.get("/series", response_model=Page, summary="Claim series: the same question answered over time")
def api_series(
    measure: Optional[str] = Query(None, description="claim measure, e.g. casualties"),
    subject: Optional[str] = Query(None, description="subject (substring)"),
    place: Optional[str] = Query(None, description="place scope (substring)"),
    key: Optional[str] = Query(None, description="one series by its key"),
    max_points: int = Query(
        100, ge=0, description="points per series, evenly spaced in date order (first and last kept); 0 for all"
    ),
    limit: int = limit_q,
    offset: int = offset_q,
    w: Web = Depends(web),
):
    total, found = read.query_series(
        w.store,
        measure=checked_measure(measure),
        subject=subject or None,
        place=place or None,
        key=key or None,
        limit=limit,
        offset=offset,
    )
    return page_of(total, limit, offset, [trim_points(x, max_points) for x in found])


@router.get("/places", response_model=Page, summary="Places named by events and claims, with counts")
def api_places(
    q: Optional[str] = Query(None, description="name (substring)"),
    limit: int = limit_q,
    offset: int = offset_q,
    w: Web = Depends(web),
):
    total, rows = read.query_places(w.store, q=q or None, limit=limit, offset=offset)
    return page_of(total, limit, offset, rows)


@router.get("/actors", response_model=Page, summary="Actors and claimants, with counts")
def api_actors(
    q: Optional[str] = Query(None, description="name (substring)"),
    limit: int = limit_q,
    offset: int = offset_q,
    w: Web = Depends(web),
):
    total, rows = read.query_actors(w.store, q=q or None, limit=limit, offset=offset)
    return page_of(total, limit, offset, rows)
