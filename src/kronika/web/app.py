"""kronika's web app: a JSON API and server-rendered pages over a store.

    from kronika.web.app import create_app
    app = create_app("kronika.db")            # loopback use: writes allowed from 127.0.0.1 / ::1
    app = create_app("kronika.db", token="s3cret")  # writes need the token

Security: every page is rendered by Jinja2 with autoescaping, and document text is cut
into pieces from the stored offsets and each piece escaped (``render.highlight``); data
handed to scripts is embedded with ``tojson`` inside ``<script type="application/json">``
and scripts fill the page with ``textContent`` only. A Content-Security-Policy forbids
inline and foreign scripts. Request bodies are capped, POSTs from another origin are
refused, and write endpoints (analyze, ingest) need the token when one is set and are
refused to non-loopback clients when none is. The app never fetches URLs.
"""

from __future__ import annotations

import ipaddress
import json
import math
import secrets
import threading
from pathlib import Path
from typing import Any, Optional
from urllib.parse import urlencode, urlsplit

from fastapi import Depends, FastAPI, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from kronika import vocab
from kronika.chronicle import Chronicle
from kronika.errors import KronikaError
from kronika.ingest.dates import parse_user_date
from kronika.records import Analysis
from kronika.chronicle import STANCES
from kronika.store import Store, claims as claims_t, events as events_t
from kronika.web import queries, render
from kronika.web.queries import Filters

HERE = Path(__file__).parent
DEFAULT_MAX_BODY = 1_000_000  # bytes of any request body
DEFAULT_MAX_TEXT = 200_000  # bytes of text to analyse
MAP_LIMIT = 1000  # events drawn on the map and the timeline of one page
CHART_POINTS = 300  # points drawn in one series chart

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


def is_loopback(host: Optional[str]) -> bool:
    if not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


# --- request models -------------------------------------------------------------------

class ArticleIn(BaseModel):
    text: str = Field(description="the article's plain text")
    title: Optional[str] = Field(None, max_length=500)
    source: Optional[str] = Field(None, max_length=200, description="publisher")
    url: Optional[str] = Field(None, max_length=2000, description="recorded only; never fetched")
    published: Optional[str] = Field(None, description="publication date YYYY-MM-DD")


class Problem(BaseModel):
    detail: str = Field(description="what went wrong, in one line")


# Errors every operation may answer besides 422 (their bodies: ``Problem``).
ERRORS = {401: "the token is missing or wrong", 403: "a write from a non-loopback client, and no token set",
          404: "no such item", 413: "the request or the text is too large",
          501: "this store has no chronicle tables or claim series yet", 503: "the analysis pipeline is unavailable"}


class Page(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]


class Stored(BaseModel):
    id: str
    stored: bool = Field(description="false when the same text was already in the store")
    events: int
    claims: int


# --- middleware -----------------------------------------------------------------------

class _TooLarge(Exception):
    pass


class LimitsMiddleware:
    """Caps request bodies, refuses cross-origin POSTs, sets security headers."""

    def __init__(self, app, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        if scope["method"] not in ("GET", "HEAD", "OPTIONS"):
            origin = headers.get("origin")
            if origin and origin != "null" and urlsplit(origin).netloc != headers.get("host"):
                return await _plain(send, 403, "cross-origin request refused")
            try:
                declared = int(headers.get("content-length", "0"))
            except ValueError:
                return await _plain(send, 400, "bad Content-Length")
            if declared > self.max_body:
                return await _plain(send, 413, f"request body larger than {self.max_body} bytes")
        seen = 0
        started = False

        async def limited_receive():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise _TooLarge()
            return message

        async def send_with_headers(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                extra = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                         (b"referrer-policy", b"same-origin"), (b"x-frame-options", b"DENY")]
                message = {**message, "headers": list(message.get("headers", [])) + extra}
            await send(message)

        try:
            await self.app(scope, limited_receive, send_with_headers)
        except _TooLarge:
            if not started:
                await _plain(send, 413, f"request body larger than {self.max_body} bytes")


async def _plain(send, status: int, text: str) -> None:
    body = text.encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


# --- the app --------------------------------------------------------------------------

def create_app(db_path: str | Path, token: Optional[str] = None, *, max_body: int = DEFAULT_MAX_BODY,
               max_text: int = DEFAULT_MAX_TEXT, pipeline=None) -> FastAPI:
    """The kronika web app over the SQLite store at ``db_path``.

    ``token``: when set, POST endpoints require it (``Authorization: Bearer <token>``, the
    ``X-Kronika-Token`` header, or a ``token`` form field); when not set they are served only
    to loopback clients. ``pipeline``: a :class:`kronika.pipeline.Pipeline` to use (loaded
    lazily otherwise).
    """
    app = FastAPI(
        title="kronika", version=_version(),
        description="A sourced, geolocated, dated chronicle of events and quantitative claims from news "
                    "reports. Every item links to the document and sentence it comes from.",
        docs_url=None, redoc_url=None, openapi_url="/openapi.json",
        responses={code: {"model": Problem, "description": text} for code, text in ERRORS.items()},
    )
    store = Store(db_path)
    chronicle = Chronicle(store)
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.autoescape = True
    templates.env.globals.update(qs=_qs, fmt_num=render._fmt_num, kinds=render.KINDS, http_url=_http_url,
                                 lead=_lead)
    app.state.store, app.state.chronicle, app.state.token = store, chronicle, token
    app.state.max_text = max_text
    state = {"pipeline": pipeline}
    lock = threading.Lock()
    app.add_middleware(LimitsMiddleware, max_body=max_body)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    # -- helpers -------------------------------------------------------------------
    def get_pipeline():
        with lock:
            if state["pipeline"] is None:
                try:
                    from kronika.pipeline import Pipeline

                    state["pipeline"] = Pipeline()
                except ImportError as exc:  # a stage is missing in this build
                    raise HTTPException(503, f"the analysis pipeline is unavailable: {exc}") from None
            return state["pipeline"]

    def run_analysis(art: ArticleIn):
        from kronika.ingest import IngestOptions, read_text

        if len(art.text.encode("utf-8")) > max_text:
            raise HTTPException(413, f"text larger than {max_text} bytes")
        try:
            published = parse_user_date(art.published, "published") if art.published else None
            document = read_text(art.text, name="the text", title=art.title, source=art.source, url=art.url,
                                 published=published, published_from="user",
                                 options=IngestOptions(max_bytes=max_text))
        except KronikaError as exc:
            raise RequestValidationError([{"type": "value_error", "loc": ("body", "text"), "msg": str(exc),
                                           "input": None}]) from None
        pipe = get_pipeline()
        with lock:  # spaCy pipelines are not thread-safe
            return pipe.analyze_document(document)

    def check_write(request: Request, form_token: Optional[str] = None) -> None:
        if token:
            given = form_token or request.headers.get("x-kronika-token") or ""
            auth = request.headers.get("authorization", "")
            if auth.lower().startswith("bearer "):
                given = given or auth[7:].strip()
            if not given or not secrets.compare_digest(given.encode(), token.encode()):
                raise HTTPException(401, "this endpoint needs the server's token",
                                    headers={"WWW-Authenticate": "Bearer"})
        elif not is_loopback(request.client.host if request.client else None):
            raise HTTPException(403, "writes are refused to non-loopback clients when the server has no token")

    def filters(since: Optional[str] = Query(None, description="on or after (YYYY-MM-DD)"),
                until: Optional[str] = Query(None, description="on or before (YYYY-MM-DD)"),
                place: Optional[str] = Query(None, description="place name (substring)"),
                actor: Optional[str] = Query(None, description="actor, claimant or subject (substring)"),
                type: Optional[str] = Query(None, description="ACLED event type, sub-event type or kind",
                                            json_schema_extra={"enum": list(vocab.event_types())}),
                measure: Optional[str] = Query(None, description="claim measure, e.g. killed",
                                               json_schema_extra={"enum": list(vocab.measures())}),
                source: Optional[str] = Query(None, description="publisher (substring)"),
                doc_id: Optional[str] = Query(None, description="one document's items"),
                status: Optional[str] = Query(None, description="event status, e.g. occurred",
                                              json_schema_extra={"enum": list(vocab.statuses())}),
                modality: Optional[str] = Query(None, description="claim modality, e.g. asserted",
                                                json_schema_extra={"enum": list(vocab.modalities())}),
                q: Optional[str] = Query(None, description="text of the sentence (substring)")) -> Filters:
        return Filters(since=valid_query("since", since, lambda v: parse_user_date(v, "since")),
                       until=valid_query("until", until, lambda v: parse_user_date(v, "until")),
                       place=place or None, actor=actor or None,
                       event_type=valid_query("type", type, lambda v: vocab.check(v, vocab.event_types(), "type")),
                       measure=checked_measure(measure), source=source or None, doc_id=doc_id or None,
                       status=valid_query("status", status, lambda v: vocab.check(v, vocab.statuses(), "status")),
                       modality=valid_query("modality", modality,
                                            lambda v: vocab.check(v, vocab.modalities(), "modality")),
                       q=q or None)

    def checked_measure(measure: Optional[str]) -> Optional[str]:
        """A known measure, else 422 naming the valid ones."""
        return valid_query("measure", measure, lambda v: vocab.check(v, vocab.measures(), "measure"))

    def paged(fn, *args, sort=None, limit=50, offset=0, **kw):
        try:
            if sort is None:
                return fn(*args, limit=limit, offset=offset, **kw)
            return fn(*args, sort=sort, limit=limit, offset=offset, **kw)
        except ValueError as exc:
            raise invalid_query("sort", sort, str(exc)) from None

    def get_series(measure=None, subject=None, place=None, key=None, limit=10, offset=0):
        """(total, series dicts) or None when this kronika has no claim series."""
        found = queries.query_series(store, measure=measure, subject=subject, place=place, key=key,
                                     limit=limit, offset=offset)
        if found is not None:
            return found
        if not hasattr(chronicle, "series"):
            return None
        items = [s.model_dump(mode="json") if hasattr(s, "model_dump") else s
                 for s in chronicle.series(measure=measure, subject=subject, place=place)]
        if key:
            items = [s for s in items if s.get("key") == key]
        return len(items), items[offset:offset + limit]

    def rebuild() -> None:
        if hasattr(chronicle, "rebuild"):
            chronicle.rebuild()

    def page(request: Request, name: str, status_code: int = 200, **ctx) -> HTMLResponse:
        ctx.setdefault("token_required", bool(token))
        return templates.TemplateResponse(request, name, ctx, status_code=status_code)

    limit_q = Query(50, ge=1, le=queries.MAX_LIMIT)
    offset_q = Query(0, ge=0, le=queries.MAX_OFFSET)

    # -- JSON API ------------------------------------------------------------------
    @app.get("/api/stats", tags=["api"], summary="How many documents, events and claims are stored")
    def api_stats() -> dict[str, int]:
        return store.count()

    @app.get("/api/documents", response_model=Page, tags=["api"], summary="Documents (metadata only)")
    def api_documents(f: Filters = Depends(filters), sort: str = sort_q("-published", queries.DOC_SORTS),
                      limit: int = limit_q, offset: int = offset_q):
        total, rows = paged(queries.query_documents, store, f, sort=sort, limit=limit, offset=offset)
        return _json({"total": total, "limit": limit, "offset": offset, "items": rows})

    @app.get("/api/documents/{doc_id}", tags=["api"], summary="One document's full analysis")
    def api_document(doc_id: str) -> dict:
        a = store.analysis(doc_id)
        if a is None:
            raise HTTPException(404, "no such document")
        return a.model_dump(mode="json")

    @app.get("/api/events", response_model=Page, tags=["api"], summary="Events, filtered, sorted and paged")
    def api_events(f: Filters = Depends(filters), sort: str = sort_q("date", queries.EVENT_SORTS),
                   located: bool = Query(False, description="only events with coordinates"),
                   limit: int = limit_q, offset: int = offset_q):
        total, rows = paged(queries.query_events, store, f, sort=sort, limit=limit, offset=offset, located_only=located)
        return _json({"total": total, "limit": limit, "offset": offset, "items": rows})

    @app.get("/api/events/{doc_id}/{event_id}", tags=["api"], summary="One event, with its source and sentence")
    def api_event(doc_id: str, event_id: str) -> dict:
        row = queries.event_row(store, doc_id, event_id)
        if row is None:
            raise HTTPException(404, "no such event")
        return row

    @app.get("/api/chronicle", response_model=Page, tags=["api"],
             summary="The chronicle: real events merged across sources, each with all its reports")
    def api_chronicle(f: Filters = Depends(filters),
                      sort: str = sort_q("date", queries.CHRONICLE_SORTS),
                      min_sources: int = Query(1, ge=1, le=queries.MAX_OFFSET, description="only events reported by at least this many sources"),
                      limit: int = limit_q, offset: int = offset_q):
        found = paged(queries.query_chronicle, store, f, sort=sort, limit=limit, offset=offset, min_sources=min_sources)
        if found is None:
            raise HTTPException(501, "this kronika has no chronicle tables")
        return _json({"total": found[0], "limit": limit, "offset": offset, "items": found[1]})

    @app.get("/api/claims", response_model=Page, tags=["api"], summary="Quantitative claims, filtered, sorted and paged")
    def api_claims(f: Filters = Depends(filters), sort: str = sort_q("date", queries.CLAIM_SORTS),
                   limit: int = limit_q, offset: int = offset_q):
        total, rows = paged(queries.query_claims, store, f, sort=sort, limit=limit, offset=offset)
        return _json({"total": total, "limit": limit, "offset": offset, "items": rows})

    @app.get("/api/statements", response_model=Page, tags=["api"], summary="Statements: who said what, when, with what stance")
    def api_statements(source: Optional[str] = Query(None, description="who said it: actor name or source phrase (substring)"),
                       stance: Optional[str] = Query(None, description="what the source does with it",
                                                     json_schema_extra={"enum": list(STANCES)}),
                       reported_by: Optional[str] = Query(None, description="who reported the statement (substring)"),
                       since: Optional[str] = Query(None, description="made on or after (YYYY-MM-DD)"),
                       until: Optional[str] = Query(None, description="made on or before (YYYY-MM-DD)"),
                       limit: int = limit_q, offset: int = offset_q):
        filters = {"source": source or None,
                   "stance": valid_query("stance", stance, lambda v: vocab.check(v, STANCES, "stance")),
                   "reported_by": reported_by or None,
                   "since": valid_query("since", since, lambda v: parse_user_date(v, "since").isoformat()),
                   "until": valid_query("until", until, lambda v: parse_user_date(v, "until").isoformat())}
        total = chronicle.count_statements(**filters)
        rows = chronicle.statements(**filters, limit=limit, offset=offset)
        return _json({"total": total, "limit": limit, "offset": offset, "items": rows})

    @app.get("/api/series", response_model=Page, tags=["api"], summary="Claim series: the same question answered over time")
    def api_series(measure: Optional[str] = Query(None, description="claim measure, e.g. casualties"),
                   subject: Optional[str] = Query(None, description="subject (substring)"),
                   place: Optional[str] = Query(None, description="place scope (substring)"),
                   key: Optional[str] = Query(None, description="one series by its key"),
                   max_points: int = Query(100, ge=0, description="points per series, evenly spaced in date order (first and last kept); 0 for all"),
                   limit: int = limit_q, offset: int = offset_q):
        found = get_series(checked_measure(measure), subject or None, place or None, key or None, limit, offset)
        if found is None:
            raise HTTPException(501, "this kronika has no claim series yet")
        return _json({"total": found[0], "limit": limit, "offset": offset,
                      "items": [_trim_points(x, max_points) for x in found[1]]})

    @app.get("/api/places", response_model=Page, tags=["api"], summary="Places named by events and claims, with counts")
    def api_places(q: Optional[str] = Query(None, description="name (substring)"), limit: int = limit_q, offset: int = offset_q):
        total, rows = queries.query_places(store, q=q or None, limit=limit, offset=offset)
        return _json({"total": total, "limit": limit, "offset": offset, "items": rows})

    @app.get("/api/actors", response_model=Page, tags=["api"], summary="Actors and claimants, with counts")
    def api_actors(q: Optional[str] = Query(None, description="name (substring)"), limit: int = limit_q, offset: int = offset_q):
        total, rows = queries.query_actors(store, q=q or None, limit=limit, offset=offset)
        return _json({"total": total, "limit": limit, "offset": offset, "items": rows})

    @app.post("/api/analyze", tags=["api"], summary="Analyse a text without storing it (token needed off loopback)")
    def api_analyze(art: ArticleIn, request: Request) -> dict:
        check_write(request)
        return run_analysis(art).model_dump(mode="json")

    @app.post("/api/documents", response_model=Stored, tags=["api"], summary="Analyse a text and add it to the store (token needed off loopback)")
    def api_ingest(art: ArticleIn, request: Request):
        check_write(request)
        analysis = run_analysis(art)
        stored = store.add(analysis)
        if stored:
            rebuild()
        return {"id": analysis.document.id, "stored": stored, "events": len(analysis.events), "claims": len(analysis.claims)}

    # -- pages ---------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request, f: Filters = Depends(filters), sort: str = "-published",
             limit: int = Query(50, ge=1, le=200), offset: int = offset_q):
        total, rows = paged(queries.query_documents, store, f, sort=sort, limit=limit, offset=offset)
        return page(request, "index.html", counts=store.count(), docs=rows, f=f, sort=sort,
                    pager=_pager(request, total, limit, offset))

    @app.get("/doc/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def doc_page(request: Request, doc_id: str):
        a = store.analysis(doc_id)
        if a is None:
            return page(request, "error.html", status_code=404, message="No document with this id.")
        return _article(request, a, stored=True)

    def _article(request: Request, a: Analysis, stored: bool, status_code: int = 200):
        h = render.highlight(a)
        claims = [(i, c, render.claim_details(c)) for i, c in enumerate(a.claims)]
        evs = [(i, e, render.event_details(e)) for i, e in enumerate(a.events)]
        said = [(i, st, render.statement_details(st)) for i, st in enumerate(a.statements)]
        return page(request, "doc.html", status_code=status_code, a=a, doc=a.document, h=h, claims=claims,
                    events=evs, statements=said, stored=stored)

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(request: Request, f: Filters = Depends(filters), sort: str = "date",
                    limit: int = Query(100, ge=1, le=500), offset: int = offset_q):
        total, rows = paged(queries.query_events, store, f, sort=sort, limit=limit, offset=offset)
        _, recent = paged(queries.query_events, store, f, sort="-date", limit=MAP_LIMIT, offset=0, count=False)
        map_rows = [r for r in recent if r["latitude"] is not None and r["longitude"] is not None]
        markers = [{
            "doc_id": r["doc_id"], "id": r["id"], "lat": r["latitude"], "lon": r["longitude"],
            "type": r["event_type"], "sub": r["sub_event_type"], "kind": r["kind"], "status": r["status"],
            "date": _span(r["date_start"], r["date_end"]), "place": r["place"], "actor1": r["actor1"],
            "region": render.is_region(r["place_level"], r["place_fallback"]), "level": r["place_level"],
            "actor2": r["actor2"], "fatalities": r["fatalities"], "sentence": r["sentence"], "text": r["text"],
            "title": r["title"] or _lead(r["lead"]), "source": r["source"], "published": str(r["published"]) if r["published"] else None,
        } for r in map_rows]
        return page(request, "events.html", rows=rows, total=total, f=f, sort=sort, markers=markers,
                    n_recent=len(recent), timeline=render.timeline(recent), pager=_pager(request, total, limit, offset),
                    types=queries.distinct_values(store, events_t.c.event_type), span=_span)

    @app.get("/event/{doc_id}/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(request: Request, doc_id: str, event_id: str):
        row = queries.event_row(store, doc_id, event_id)
        if row is None:
            return page(request, "error.html", status_code=404, message="No such event.")
        a = store.analysis(doc_id)
        ev = next((e for e in a.events if e.id == event_id), None) if a else None
        sentence = next((s for s in a.sentences if s.index == row["sentence"]), None) if a else None
        support = [c for c in a.claims if ev and c.id in ev.claims] if a else []
        return page(request, "event.html", r=row, ev=ev, others=queries.other_reports(store, doc_id, event_id), details=render.event_details(ev) if ev else None,
                    sentence=sentence, support=[(c, render.claim_details(c)) for c in support], span=_span)

    @app.get("/chronicle", response_class=HTMLResponse, include_in_schema=False)
    def chronicle_page(request: Request, f: Filters = Depends(filters), sort: str = "date",
                       min_sources: int = Query(1, ge=1, le=queries.MAX_OFFSET), limit: int = Query(100, ge=1, le=500),
                       offset: int = offset_q):
        found = paged(queries.query_chronicle, store, f, sort=sort, limit=limit, offset=offset, min_sources=min_sources)
        total, rows = found if found is not None else (0, [])
        counts = store.count()
        return page(request, "chronicle.html", rows=rows, total=total, f=f, sort=sort, min_sources=min_sources,
                    available=counts["chronicle_events"] > 0 or counts["events"] == 0,
                    pager=_pager(request, total, limit, offset),
                    types=queries.distinct_values(store, events_t.c.event_type), span=_span)

    @app.get("/claims", response_class=HTMLResponse, include_in_schema=False)
    def claims_page(request: Request, f: Filters = Depends(filters), sort: str = "date",
                    limit: int = Query(100, ge=1, le=500), offset: int = offset_q):
        total, rows = paged(queries.query_claims, store, f, sort=sort, limit=limit, offset=offset)
        return page(request, "claims.html", rows=rows, total=total, f=f, sort=sort, span=_span,
                    pager=_pager(request, total, limit, offset),
                    measures=queries.distinct_values(store, claims_t.c.measure))

    @app.get("/statements", response_class=HTMLResponse, include_in_schema=False)
    def statements_page(request: Request, source: Optional[str] = None, stance: Optional[str] = None,
                        since: Optional[str] = None, until: Optional[str] = None,
                        limit: int = Query(100, ge=1, le=500), offset: int = offset_q):
        filters = {"source": source or None, "stance": stance or None, "since": since or None, "until": until or None}
        try:
            total = chronicle.count_statements(**filters)
            rows = chronicle.statements(**filters, limit=limit, offset=offset)
        except KronikaError as exc:
            raise HTTPException(422, str(exc)) from None
        keys = [(r["doc_id"], cid) for r in rows for cid in r["data"].get("claims") or ()]
        claims_of = store.claims_by_id(keys)
        for r in rows:
            r["claims"] = [claims_of[(r["doc_id"], cid)] for cid in r["data"].get("claims") or () if (r["doc_id"], cid) in claims_of]
        return page(request, "statements.html", rows=rows, total=total, f=filters, stances=STANCES,
                    sources=store.statement_sources() if not source else [], span=_span,
                    pager=_pager(request, total, limit, offset))

    @app.get("/series", response_class=HTMLResponse, include_in_schema=False)
    def series_page(request: Request, measure: Optional[str] = None, subject: Optional[str] = None,
                    place: Optional[str] = None, key: Optional[str] = None,
                    limit: int = Query(5, ge=1, le=50), offset: int = offset_q):
        found = get_series(checked_measure(measure), subject or None, place or None, key or None, limit, offset)
        if found is None:
            return page(request, "series.html", available=False, charts=[], pager=None, measure=measure,
                        subject=subject, place=place, measures=[])
        total, shown = found
        shown = [_trim_points(s, CHART_POINTS) for s in shown]
        charts = [(s, render.series_chart(s)) for s in shown]
        return page(request, "series.html", available=True, charts=charts, total=total,
                    pager=_pager(request, total, limit, offset), measure=measure, subject=subject,
                    place=place, measures=queries.distinct_values(store, claims_t.c.measure))

    @app.get("/analyze", response_class=HTMLResponse, include_in_schema=False)
    def analyze_form(request: Request):
        return page(request, "analyze.html", max_text=max_text, error=None, form={})

    @app.post("/analyze", response_class=HTMLResponse, include_in_schema=False)
    async def analyze_post(request: Request, text: str = Form(""), title: str = Form(""), source: str = Form(""),
                           published: str = Form(""), action: str = Form("analyze"),
                           token_field: str = Form("", alias="token"), file: Optional[UploadFile] = File(None)):
        form = {"text": text, "title": title, "source": source, "published": published}
        try:
            check_write(request, token_field or None)
        except HTTPException as exc:
            return page(request, "analyze.html", status_code=exc.status_code, max_text=max_text, error=exc.detail, form=form)
        if file is not None and file.filename:
            data = await file.read(max_text + 1)
            if len(data) > max_text:
                return page(request, "analyze.html", status_code=413, max_text=max_text, form=form,
                            error=f"the file is larger than {max_text} bytes")
            try:
                from kronika.ingest.checks import decode

                text = decode(data, file.filename)
            except KronikaError as exc:
                return page(request, "analyze.html", status_code=422, max_text=max_text, error=str(exc), form=form)
        art = ArticleIn(text=text, title=title or None, source=source or None, published=published or None)
        from starlette.concurrency import run_in_threadpool

        try:
            a = await run_in_threadpool(run_analysis, art)
        except HTTPException as exc:
            return page(request, "analyze.html", status_code=exc.status_code, max_text=max_text, error=exc.detail, form=form)
        if action == "add":
            if store.add(a):
                await run_in_threadpool(rebuild)
            return RedirectResponse(f"/doc/{a.document.id}", status_code=303)
        return _article(request, a, stored=store.has(a.document.id))

    @app.get("/api", response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request):
        spec = app.openapi()
        ops = []
        for path, methods in spec.get("paths", {}).items():
            for method, op in methods.items():
                params = [(p["name"], p.get("in"), (p.get("schema") or {}).get("type") or "", p.get("description") or "")
                          for p in op.get("parameters", [])]
                ops.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""), "params": params,
                            "body": "requestBody" in op})
        return page(request, "api.html", ops=ops, title=spec["info"]["title"], version=spec["info"]["version"])

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError):
        if request.url.path.startswith("/api") or request.url.path == "/openapi.json":
            return await request_validation_exception_handler(request, exc)
        message = "; ".join(f"{e['loc'][-1]}: {e['msg']}" for e in exc.errors())
        return page(request, "error.html", status_code=422, message=message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if request.url.path.startswith("/api") or request.url.path == "/openapi.json":
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return page(request, "error.html", status_code=exc.status_code, message=str(exc.detail))

    return app


def sort_q(default: str, sorts: dict):
    """The ``sort`` parameter: one of the keys, '-' before it for descending."""
    return Query(default, description=f"{', '.join(sorts)}; '-' for descending",
                 json_schema_extra={"enum": [*sorts, *(f"-{k}" for k in sorts)]})


def invalid_query(name: str, value, message: str) -> RequestValidationError:
    """A 422 shaped like FastAPI's own (``detail``: a list of errors), naming the valid values."""
    return RequestValidationError([{"type": "value_error", "loc": ("query", name), "msg": message, "input": value}])


def valid_query(name: str, value: Optional[str], check):
    """``check(value)`` for a given value (None for none), a KronikaError becoming a 422."""
    if value is None or value == "":
        return None
    try:
        return check(value)
    except KronikaError as exc:
        raise invalid_query(name, value, str(exc)) from None


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("kronika")
    except Exception:  # pragma: no cover
        return "0"


def _json(payload) -> Response:
    """A JSON response without re-validating rows already shaped by the query (faster for big pages)."""
    return Response(json.dumps(payload, default=str, ensure_ascii=False, separators=(",", ":")),
                    media_type="application/json")


def _trim_points(series: dict, n: int) -> dict:
    """The series with at most ``n`` points, evenly spaced in date order (first and last kept).

    ``n_points`` tells how many it has in all."""
    pts = list(series.get("points") or ())
    out = {**series, "n_points": len(pts)}
    if n and len(pts) > n:
        pts.sort(key=lambda p: (p.get("date") or "", p.get("doc_id") or "", p.get("sentence") or 0))
        step = (len(pts) - 1) / (n - 1) if n > 1 else 0
        pts = [pts[round(i * step)] for i in range(n)]
    out["points"] = [_distinct_flags(p) for p in pts]
    return out


def _distinct_flags(point: dict, cap: int = 20) -> dict:
    """A point with its flags once each (at most ``cap``, then a count of the rest)."""
    flags = list(dict.fromkeys(point.get("flags") or ()))
    if len(flags) > cap:
        flags = flags[:cap] + [f"and {len(flags) - cap} more"]
    return {**point, "flags": flags}


def _lead(text: Optional[str]) -> Optional[str]:
    """A title for a document that has none: the start of its text."""
    if not text:
        return None
    line = text.strip().split("\n", 1)[0]
    return line if len(line) < 80 else line[:80].rsplit(" ", 1)[0] + "…"


def _http_url(url: Optional[str]) -> Optional[str]:
    """The URL if it is http(s), for links; anything else (javascript:, data:) is dropped."""
    if url and urlsplit(url).scheme.lower() in ("http", "https"):
        return url
    return None


def _span(d0, d1) -> str:
    if d0 is None and d1 is None:
        return ""
    if d1 is None or d0 == d1:
        return str(d0)
    return f"{d0} – {d1}"


def _qs(request: Request, **changes) -> str:
    params = dict(request.query_params)
    for k, v in changes.items():
        if v is None:
            params.pop(k, None)
        else:
            params[k] = str(v)
    return "?" + urlencode(params)


def _pager(request: Request, total: int, limit: int, offset: int) -> dict:
    pages = max(1, math.ceil(total / limit))
    return {
        "total": total, "first": offset + 1 if total else 0, "last": min(total, offset + limit),
        "page": offset // limit + 1, "pages": pages,
        "prev": _qs(request, offset=max(0, offset - limit)) if offset > 0 else None,
        "next": _qs(request, offset=offset + limit) if offset + limit < total else None,
    }
