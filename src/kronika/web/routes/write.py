"""Analysing text: the JSON API's analyse and ingest, and the page to paste or upload an article.
Writes need the token when one is set and a loopback client when none is."""

from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from kronika.errors import KronikaError
from kronika.ingest.dates import parse_user_date
from kronika.records import Analysis
from kronika.web.common import ArticleIn, Stored, Web, web
from kronika.web.routes.pages import article

router = APIRouter()


def run_analysis(w: Web, art: ArticleIn) -> Analysis:
    """The analysis of a posted article (not stored); too long a text is a 413, bad input a 422."""
    from kronika.ingest import IngestOptions, read_text

    if len(art.text.encode("utf-8")) > w.max_text:
        raise HTTPException(413, f"text larger than {w.max_text} bytes")
    try:
        published = parse_user_date(art.published, "published") if art.published else None
        document = read_text(
            art.text,
            name="the text",
            title=art.title,
            source=art.source,
            url=art.url,
            published=published,
            published_from="user",
            options=IngestOptions(max_bytes=w.max_text),
        )
    except KronikaError as exc:
        raise RequestValidationError(
            [{"type": "value_error", "loc": ("body", "text"), "msg": str(exc), "input": None}]
        ) from None
    pipe = w.get_pipeline()
    with w.lock:  # spaCy pipelines are not thread-safe
        return pipe.analyze_document(document)


@router.post("/api/analyze", tags=["api"], summary="Analyse a text without storing it (token needed off loopback)")
def api_analyze(art: ArticleIn, request: Request, w: Web = Depends(web)) -> dict:
    w.check_write(request)
    return run_analysis(w, art).model_dump(mode="json")


@router.post(
    "/api/documents",
    response_model=Stored,
    tags=["api"],
    summary="Analyse a text and add it to the store (token needed off loopback)",
)
def api_ingest(art: ArticleIn, request: Request, w: Web = Depends(web)):
    w.check_write(request)
    analysis = run_analysis(w, art)
    stored = w.store.add(analysis)
    if stored:
        w.rebuild()
    return {
        "id": analysis.document.id,
        "stored": stored,
        "events": len(analysis.events),
        "claims": len(analysis.claims),
    }


@router.get("/analyze", response_class=HTMLResponse, include_in_schema=False)
def analyze_form(request: Request, w: Web = Depends(web)):
    return w.page(request, "analyze.html", max_text=w.max_text, error=None, form={})


@router.post("/analyze", response_class=HTMLResponse, include_in_schema=False)
async def analyze_post(
    request: Request,
    text: str = Form(""),
    title: str = Form(""),
    source: str = Form(""),
    published: str = Form(""),
    action: str = Form("analyze"),
    token_field: str = Form("", alias="token"),
    file: Optional[UploadFile] = File(None),
    w: Web = Depends(web),
):
    form = {"text": text, "title": title, "source": source, "published": published}

    def refused(status: int, error: str) -> HTMLResponse:
        return w.page(request, "analyze.html", status_code=status, max_text=w.max_text, error=error, form=form)

    try:
        w.check_write(request, token_field or None)
        if file is not None and file.filename:
            text = await _uploaded(w, file)
        art = ArticleIn(text=text, title=title or None, source=source or None, published=published or None)
        a = await run_in_threadpool(run_analysis, w, art)
    except HTTPException as exc:
        return refused(exc.status_code, exc.detail)
    if action == "add":
        if w.store.add(a):
            await run_in_threadpool(w.rebuild)
        return RedirectResponse(f"/doc/{a.document.id}", status_code=303)
    return article(w, request, a, stored=w.store.has(a.document.id))


async def _uploaded(w: Web, file: UploadFile) -> str:
    """An uploaded file's text: at most ``max_text`` bytes (413), decoded (422 if it cannot be)."""
    from kronika.ingest.checks import decode

    data = await file.read(w.max_text + 1)
    if len(data) > w.max_text:
        raise HTTPException(413, f"the file is larger than {w.max_text} bytes")
    try:
        return decode(data, file.filename or "the uploaded file")
    except KronikaError as exc:
        raise HTTPException(422, str(exc)) from None
