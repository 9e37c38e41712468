"""What every part of the web app shares: its state, request models, query parameters, the
checks that turn bad values into 422s, page rendering and small formatting helpers."""

from __future__ import annotations

import ipaddress
import json
import math
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Optional
from urllib.parse import urlencode, urlsplit

from fastapi import HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field

from kronika import vocab
from kronika.chronicle import Chronicle
from kronika.errors import KronikaError
from kronika.filters import FilterError, Filters
from kronika.store import Store, read

CHART_POINTS = 300  # points drawn in one series chart
# What each filter is called in the web's messages: its query parameter.
PARAMS = {
    "event_type": "type",
    "text": "q",
    "since": "since",
    "until": "until",
    "measure": "measure",
    "status": "status",
    "modality": "modality",
}


@dataclass
class Web:
    """One app's store, settings and lazily loaded analysis pipeline."""

    store: Store
    chronicle: Chronicle
    templates: Jinja2Templates
    token: Optional[str]
    max_text: int
    pipeline: Any = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def page(self, request: Request, name: str, status_code: int = 200, **ctx) -> HTMLResponse:
        ctx.setdefault("token_required", bool(self.token))
        return self.templates.TemplateResponse(request, name, ctx, status_code=status_code)

    def get_pipeline(self):
        with self.lock:
            if self.pipeline is None:
                try:
                    from kronika.pipeline import Pipeline

                    self.pipeline = Pipeline()
                except ImportError as exc:  # a stage is missing in this build
                    raise HTTPException(503, f"the analysis pipeline is unavailable: {exc}") from None
            return self.pipeline

    def check_write(self, request: Request, form_token: Optional[str] = None) -> None:
        """Writes need the token when one is set, and a loopback client when none is."""
        if self.token:
            given = form_token or request.headers.get("x-kronika-token") or ""
            auth = request.headers.get("authorization", "")
            if auth.lower().startswith("bearer "):
                given = given or auth[7:].strip()
            if not given or not secrets.compare_digest(given.encode(), self.token.encode()):
                raise HTTPException(
                    401, "this endpoint needs the server's token", headers={"WWW-Authenticate": "Bearer"}
                )
        elif not is_loopback(request.client.host if request.client else None):
            raise HTTPException(403, "writes are refused to non-loopback clients when the server has no token")

    def rebuild(self) -> None:
        self.chronicle.rebuild()

    def paged(self, kind: str, f: Filters, *, sort: str, limit: int, offset: int, **options) -> read.Page:
        """(total, rows) through :meth:`Chronicle.page`; an unknown sort is a 422 naming the valid ones."""
        try:
            return self.chronicle.page(kind, f, sort=sort, limit=limit, offset=offset, **options)
        except KronikaError as exc:
            raise invalid_query("sort", sort, str(exc)) from None


def web(request: Request) -> Web:
    """The app's :class:`Web` (a dependency)."""
    return request.app.state.web


def is_loopback(host: Optional[str]) -> bool:
    if not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


# --- request and response models ----------------------------------------------------------


class ArticleIn(BaseModel):
    text: str = Field(description="the article's plain text")
    title: Optional[str] = Field(None, max_length=500)
    source: Optional[str] = Field(None, max_length=200, description="publisher")
    url: Optional[str] = Field(None, max_length=2000, description="recorded only; never fetched")
    published: Optional[str] = Field(None, description="publication date YYYY-MM-DD")


class Problem(BaseModel):
    detail: str = Field(description="what went wrong, in one line")


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


# --- query parameters and their checks ------------------------------------------------------

limit_q = Query(50, ge=1, le=read.MAX_LIMIT)
offset_q = Query(0, ge=0, le=read.MAX_OFFSET)


def filters(
    since: Optional[str] = Query(None, description="on or after (YYYY-MM-DD)"),
    until: Optional[str] = Query(None, description="on or before (YYYY-MM-DD)"),
    place: Optional[str] = Query(None, description="place name or its region (substring)"),
    actor: Optional[str] = Query(None, description="actor, claimant or subject (substring)"),
    type: Optional[str] = Query(
        None,
        description="ACLED event type, sub-event type or kind",
        json_schema_extra={"enum": list(vocab.event_types())},
    ),
    measure: Optional[str] = Query(
        None, description="claim measure, e.g. killed", json_schema_extra={"enum": list(vocab.measures())}
    ),
    source: Optional[str] = Query(None, description="publisher (substring)"),
    doc_id: Optional[str] = Query(None, description="one document's items"),
    status: Optional[str] = Query(
        None, description="event status, e.g. occurred", json_schema_extra={"enum": list(vocab.statuses())}
    ),
    modality: Optional[str] = Query(
        None, description="claim modality, e.g. asserted", json_schema_extra={"enum": list(vocab.modalities())}
    ),
    q: Optional[str] = Query(None, description="text of the sentence (substring)"),
) -> Filters:
    """The shared :class:`~kronika.filters.Filters` from the query string; a bad value is a 422."""
    try:
        return Filters.of(
            names=PARAMS,
            since=since,
            until=until,
            place=place,
            actor=actor,
            event_type=type,
            measure=measure,
            source=source,
            doc_id=doc_id,
            status=status,
            modality=modality,
            text=q,
        )
    except FilterError as exc:
        raise invalid_query(PARAMS.get(exc.field, exc.field), exc.value, str(exc)) from None


def checked_measure(measure: Optional[str]) -> Optional[str]:
    """A known measure, else 422 naming the valid ones."""
    return valid_query("measure", measure, lambda v: vocab.check(v, vocab.measures(), "measure"))


def sort_q(default: str, sorts: dict):
    """The ``sort`` parameter: one of the keys, '-' before it for descending."""
    return Query(
        default,
        description=f"{', '.join(sorts)}; '-' for descending",
        json_schema_extra={"enum": [*sorts, *(f"-{k}" for k in sorts)]},
    )


def invalid_query(name: str, value, message: str) -> RequestValidationError:
    """A 422 shaped like FastAPI's own (``detail``: a list of errors), naming the valid values."""
    return RequestValidationError([{"type": "value_error", "loc": ("query", name), "msg": message, "input": value}])


def valid_query(name: str, value: Optional[str], check: Callable[[str], Any]):
    """``check(value)`` for a given value (None for none), a KronikaError becoming a 422."""
    if value is None or value == "":
        return None
    try:
        return check(value)
    except KronikaError as exc:
        raise invalid_query(name, value, str(exc)) from None


# --- responses and formatting -----------------------------------------------------------------


def json_response(payload) -> Response:
    """A JSON response without re-validating rows already shaped by the query (faster for big pages)."""
    return Response(
        json.dumps(payload, default=str, ensure_ascii=False, separators=(",", ":")), media_type="application/json"
    )


def page_of(total: int, limit: int, offset: int, items: list) -> Response:
    return json_response({"total": total, "limit": limit, "offset": offset, "items": items})


def trim_points(series: dict, n: int) -> dict:
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


def lead(text: Optional[str]) -> Optional[str]:
    """A title for a document that has none: the start of its text."""
    if not text:
        return None
    line = text.strip().split("\n", 1)[0]
    return line if len(line) < 80 else line[:80].rsplit(" ", 1)[0] + "…"


def http_url(url: Optional[str]) -> Optional[str]:
    """The URL if it is http(s), for links; anything else (javascript:, data:) is dropped."""
    if url and urlsplit(url).scheme.lower() in ("http", "https"):
        return url
    return None


def span(d0, d1) -> str:
    if d0 is None and d1 is None:
        return ""
    if d1 is None or d0 == d1:
        return str(d0)
    return f"{d0} – {d1}"


def qs(request: Request, **changes) -> str:
    params = dict(request.query_params)
    for k, v in changes.items():
        if v is None:
            params.pop(k, None)
        else:
            params[k] = str(v)
    return "?" + urlencode(params)


def pager(request: Request, total: int, limit: int, offset: int) -> dict:
    pages = max(1, math.ceil(total / limit))
    return {
        "total": total,
        "first": offset + 1 if total else 0,
        "last": min(total, offset + limit),
        "page": offset // limit + 1,
        "pages": pages,
        "prev": qs(request, offset=max(0, offset - limit)) if offset > 0 else None,
        "next": qs(request, offset=offset + limit) if offset + limit < total else None,
    }
