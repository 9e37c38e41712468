"""Main text and metadata of an HTML page, by trafilatura."""

from __future__ import annotations

from typing import Any, Optional

from kronika.errors import InputError


def extract_html(
    data: bytes, *, name: str, url: Optional[str], options, path: Optional[str] = None, overrides: Optional[dict] = None
):
    import trafilatura

    from kronika.ingest.text import read_text
    from kronika.ingest.checks import decode

    overrides = overrides or {}
    html = decode(data, name)
    try:
        doc: Any = trafilatura.bare_extraction(  # a trafilatura Document (typed as "or a dict": as_dict=True)
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            deduplicate=True,
        )
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise InputError(f"{name}: cannot read this HTML ({type(exc).__name__})") from None
    if doc is None or not (getattr(doc, "text", None) or "").strip():
        raise InputError(f"{name}: no article text found in this HTML")
    published = overrides.get("published") or getattr(doc, "date", None)
    return read_text(
        doc.text,
        name=name,
        title=overrides.get("title") or doc.title,
        url=overrides.get("url") or url or getattr(doc, "url", None),
        source=overrides.get("source") or doc.sitename,
        author=overrides.get("author") or doc.author,
        description=overrides.get("description") or getattr(doc, "description", None),
        published=published,
        fmt="html",
        path=path,
        options=options,
    )
