"""RSS and Atom feed files: one document per item with content or a summary."""

from __future__ import annotations

import datetime as dt
from typing import Iterator

from kronika.errors import InputError


def read_feed(data: bytes, name: str, options) -> Iterator:
    import feedparser

    from kronika.ingest import read_text
    from kronika.ingest.html import extract_html

    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        raise InputError(f"{name}: not a readable RSS/Atom feed ({type(feed.bozo_exception).__name__})")
    publisher = feed.feed.get("title")
    for n, entry in enumerate(feed.entries, 1):
        where = f"{name}#{n}"
        body = ""
        if entry.get("content"):
            body = entry["content"][0].get("value", "")
        body = body or entry.get("summary", "")
        if not body.strip():
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = dt.date(*stamp[:3]) if stamp else None
        meta = {"title": entry.get("title"), "url": entry.get("link"), "source": publisher,
                "author": entry.get("author"), "published": published.isoformat() if published else None}
        if "<" in body and ">" in body:
            yield extract_html(
                f"<html><body><article>{body}</article></body></html>".encode("utf-8"),
                name=where, url=entry.get("link"), options=options, path=where, overrides=meta,
            )
        else:
            yield read_text(body, name=where, fmt="feed", path=where, options=options,
                            **{k: v for k, v in meta.items()})
