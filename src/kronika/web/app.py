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

from pathlib import Path
from typing import Optional
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from kronika.chronicle import Chronicle
from kronika.store import Store
from kronika.web import render
from kronika.web.common import Problem, Web, http_url, is_loopback, lead, qs
from kronika.web.routes import api, pages, write

__all__ = ["create_app", "is_loopback"]

HERE = Path(__file__).parent
DEFAULT_MAX_BODY = 1_000_000  # bytes of any request body
DEFAULT_MAX_TEXT = 200_000  # bytes of text to analyse

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)

# Errors every operation may answer besides 422 (their bodies: ``Problem``).
ERRORS = {
    401: "the token is missing or wrong",
    403: "a write from a non-loopback client, and no token set",
    404: "no such item",
    413: "the request or the text is too large",
    501: "this store has no chronicle tables or claim series yet",
    503: "the analysis pipeline is unavailable",
}


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
                extra = [
                    (b"content-security-policy", CSP.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"same-origin"),
                    (b"x-frame-options", b"DENY"),
                ]
                message = {**message, "headers": list(message.get("headers", [])) + extra}
            await send(message)

        try:
            await self.app(scope, limited_receive, send_with_headers)
        except _TooLarge:
            if not started:
                await _plain(send, 413, f"request body larger than {self.max_body} bytes")


async def _plain(send, status: int, text: str) -> None:
    body = text.encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


# --- the app --------------------------------------------------------------------------


def create_app(
    db_path: str | Path,
    token: Optional[str] = None,
    *,
    max_body: int = DEFAULT_MAX_BODY,
    max_text: int = DEFAULT_MAX_TEXT,
    pipeline=None,
) -> FastAPI:
    """The kronika web app over the store at ``db_path``.

    ``token``: when set, POST endpoints require it (``Authorization: Bearer <token>``, the
    ``X-Kronika-Token`` header, or a ``token`` form field); when not set they are served only
    to loopback clients. ``pipeline``: a :class:`kronika.pipeline.Pipeline` to use (loaded
    lazily otherwise).
    """
    app = FastAPI(
        title="kronika",
        version=_version(),
        description="A sourced, geolocated, dated chronicle of events and quantitative claims from news "
        "reports. Every item links to the document and sentence it comes from.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        responses={code: {"model": Problem, "description": text} for code, text in ERRORS.items()},
    )
    store = Store(db_path)
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.autoescape = True
    templates.env.globals.update(qs=qs, fmt_num=render._fmt_num, kinds=render.KINDS, http_url=http_url, lead=lead)
    app.state.web = Web(
        store=store, chronicle=Chronicle(store), templates=templates, token=token, max_text=max_text, pipeline=pipeline
    )
    app.state.store, app.state.chronicle, app.state.token = store, app.state.web.chronicle, token
    app.state.max_text = max_text
    app.add_middleware(LimitsMiddleware, max_body=max_body)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    for router in (api.router, write.router, pages.router):
        app.include_router(router)
    # Starlette types a handler as taking any Exception; these take the class they are registered for
    app.add_exception_handler(RequestValidationError, _invalid_request)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, _http_error)  # type: ignore[arg-type]
    return app


def _for_api(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path == "/openapi.json"


async def _invalid_request(request: Request, exc: RequestValidationError):
    """A 422: FastAPI's JSON for the API, an error page for the pages."""
    if _for_api(request):
        return await request_validation_exception_handler(request, exc)
    message = "; ".join(f"{e['loc'][-1]}: {e['msg']}" for e in exc.errors())
    return request.app.state.web.page(request, "error.html", status_code=422, message=message)


async def _http_error(request: Request, exc: StarletteHTTPException):
    if _for_api(request):
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
    return request.app.state.web.page(request, "error.html", status_code=exc.status_code, message=str(exc.detail))


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("kronika")
    except Exception:  # pragma: no cover
        return "0"
