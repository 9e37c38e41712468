"""RSS and Atom feed files: one document per item with content or a summary."""

from __future__ import annotations

import datetime as dt
from typing import Iterator
from xml.sax import SAXException

from kronika.errors import InputError


def _parse(data: bytes, name: str):
    import feedparser

    feed = feedparser.parse(data)
    broken = isinstance(feed.bozo_exception, SAXException) if feed.bozo else False
    if broken or (feed.bozo and not feed.entries):
        reason = getattr(feed.bozo_exception, "getMessage", lambda: type(feed.bozo_exception).__name__)()
        raise InputError(f"{name}: not a readable RSS/Atom feed (broken or truncated XML: {reason})")
    return feed


def _item(entry, where: str, publisher, options):
    from kronika.ingest.text import read_text
    from kronika.ingest.html import extract_html

    body = entry["content"][0].get("value", "") if entry.get("content") else ""
    body = body or entry.get("summary", "")
    if not body.strip():
        return None
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    published = dt.date(*stamp[:3]) if stamp else None
    meta = {
        "title": entry.get("title"),
        "url": entry.get("link"),
        "source": publisher,
        "author": entry.get("author"),
        "published": published.isoformat() if published else None,
    }
    if "<" in body and ">" in body:
        return extract_html(
            f"<html><body><article>{body}</article></body></html>".encode("utf-8"),
            name=where,
            url=entry.get("link"),
            options=options,
            path=where,
            overrides=meta,
        )
    return read_text(body, name=where, fmt="feed", path=where, options=options, **meta)


def read_feed(data: bytes, name: str, options, on_error=None) -> Iterator:
    """Each item of a feed with text. A broken or truncated feed, or one without any item with
    text, raises :class:`InputError`; with ``on_error``, a bad item is reported there and the
    others are read."""
    feed = _parse(data, name)
    publisher = feed.feed.get("title")
    found = 0
    for n, entry in enumerate(feed.entries, 1):
        try:
            document = _item(entry, f"{name}#{n}", publisher, options)
        except InputError as exc:
            if on_error is None:
                raise
            on_error(f"{name}#{n}", str(exc))
            found += 1
            continue
        if document is not None:
            found += 1
            yield document
    if not found:
        raise InputError(f"{name}: no item with text in this feed ({len(feed.entries)} items)")
