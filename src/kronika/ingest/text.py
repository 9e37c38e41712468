"""One document from text already decoded: cleaned, checked, its metadata read (every reader ends here)."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from typing import Optional

from kronika.errors import InputError, KronikaError
from kronika.ingest.checks import check_english, check_size
from kronika.ingest.dates import infer_published, parse_user_date
from kronika.ingest.zones import DATE_KEYS, DESC_KEYS, TITLE_KEYS, find_zones, first_value, front_matter_fields
from kronika.records import Document


@dataclass(frozen=True)
class IngestOptions:
    """Options shared by every reader."""

    published: Optional[dt.date] = None  # overrides metadata and inference
    source: Optional[str] = None
    max_bytes: int = 5_000_000
    check_language: bool = True


def document_id(text: str) -> str:
    """Stable id: sha256 of the NFC-normalized, whitespace-collapsed text (16 hex digits)."""
    norm = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def _clean_text(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = re.sub(r"[ \t\u00a0]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def read_text(
    text: str,
    *,
    name: str = "<text>",
    title: Optional[str] = None,
    url: Optional[str] = None,
    source: Optional[str] = None,
    author: Optional[str] = None,
    published: Optional[dt.date | str] = None,
    published_from: str = "metadata",
    fmt: str = "text",
    path: Optional[str] = None,
    description: Optional[str] = None,
    options: IngestOptions = IngestOptions(),
) -> Document:
    """Build a :class:`Document` from text already decoded; check it is analysable."""
    text = _clean_text(text or "")
    if not text:
        raise InputError(f"{name}: no text to analyse (the input is empty)")
    check_size(len(text.encode("utf-8")), name, options.max_bytes)
    if options.check_language:
        check_english(text, name)
    title, url, source, author = (
        _meta_text(v, k, name) for k, v in (("title", title), ("url", url), ("source", source), ("author", author))
    )
    zones = find_zones(text)
    fields = front_matter_fields(text)
    if title and not any(ch.isalnum() for ch in title):
        title = None  # a scraper's "---"
    title = title or first_value(fields, TITLE_KEYS) or _heading_title(text, zones)
    description = description or first_value(fields, DESC_KEYS)
    front_matter_date = first_value(fields, DATE_KEYS)
    if published is None and front_matter_date:
        published = _front_matter_date(front_matter_date)
    if isinstance(published, str):
        published = parse_user_date(published, name)
    elif published is not None and not isinstance(published, dt.date):
        raise InputError(f"{name}: 'published' must be a date written YYYY-MM-DD, not {published!r:.40}")
    how = published_from if published else "unknown"
    if options.published is not None:
        published, how = options.published, "user"
    if published is None:
        published = infer_published(text, path)
        how = "text" if published else "unknown"
    return Document(
        id=document_id(text),
        text=text,
        title=title or None,
        description=description or None,
        url=url or None,
        source=options.source or source or None,
        author=author or None,
        published=published,
        published_from=how,
        format=fmt,
        path=path,
        zones=zones,
    )


def _heading_title(text: str, zones) -> Optional[str]:
    """The text of a Markdown title heading ('# Title' on the first line)."""
    z = next((z for z in zones if z.kind == "title" and text[z.start] == "#"), None)
    return text[z.start : z.end].lstrip("#").strip() if z else None


def _front_matter_date(value: str) -> Optional[dt.date]:
    """A front matter date ('2025-05-25T05:46:54', 'Mar 15, 2025'); None when unreadable."""
    value = value.strip()
    m = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", value)
    try:
        if m:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        return dt.datetime.strptime(value.replace(".", ""), "%b %d, %Y").date()
    except ValueError:
        try:
            return parse_user_date(value)
        except KronikaError:
            return None


def _meta_text(value, field: str, name: str) -> Optional[str]:
    """A metadata field as text: numbers are written out; lists, objects and the like refused."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise InputError(f"{name}: metadata field {field!r} must be text, not {type(value).__name__}")
