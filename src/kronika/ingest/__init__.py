"""Ingest: files, folders, feeds and URLs → :class:`~kronika.records.Document`.

``read_path(path)`` yields one ``Document`` per article found in a file or folder;
``read_text(text, ...)`` builds one from a string; ``fetch_url(url)`` fetches one page
(the only network access kronika ever makes, and only when asked). Every problem with an
input raises :class:`~kronika.errors.InputError` with a one-line message naming the input.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Callable, Iterator, Optional

from kronika.errors import InputError
from kronika.ingest.checks import check_size, decode
from kronika.ingest.text import IngestOptions, document_id, read_text
from kronika.records import Document

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}  # .json: one object, an array of them, or JSON Lines
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
SIDECAR = ".meta.json"
# Other names a record may give its fields (as in re3d's and similar news dumps).
FIELD_ALIASES = {"source": ("sourceName", "source_name", "publisher"), "url": ("sourceUrl", "source_url", "link")}
OnError = Callable[[str, str], None]


def _sidecar(path: Path) -> dict:
    side = path.with_name(path.name + SIDECAR)
    if not side.exists():
        return {}
    try:
        meta = json.loads(side.read_text("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"{side}: metadata is not valid JSON ({exc})") from None
    if not isinstance(meta, dict):
        raise InputError(f"{side}: metadata must be a JSON object")
    return meta


def _read_plain(path: Path, data: bytes, options: IngestOptions) -> Iterator[Document]:
    text = decode(data, str(path))
    meta = _sidecar(path)
    first = text.strip().split("\n", 1)[0].strip()
    title = meta.get("title")
    if (
        title is None
        and 0 < len(first) < 150
        and not first.endswith((".", "!", "?", ":"))
        and not first.startswith(("---", "+++", "#"))
    ):
        title = first
    yield read_text(
        text,
        name=str(path),
        title=title,
        url=meta.get("url"),
        source=meta.get("source"),
        author=meta.get("author"),
        published=meta.get("published"),
        fmt="text",
        path=str(path),
        options=options,
    )


def _read_html(path: Path | str, data: bytes, options: IngestOptions, url: Optional[str] = None) -> Document:
    from kronika.ingest.html import extract_html

    return extract_html(data, name=str(path), url=url, options=options, path=str(path) if url is None else None)


def _json_rows(text: str, name: str) -> Iterator[tuple[str, object]]:
    """(where, row) for a JSON document (an object or an array of them) or each line of JSON Lines.

    A line that is not JSON comes as (where, InputError)."""
    stripped = text.lstrip()
    if stripped[:1] in "[{":
        try:
            whole = json.loads(text)
        except ValueError:
            whole = None
        if isinstance(whole, list):
            yield from ((f"{name}#{n}", row) for n, row in enumerate(whole, 1))
            return
        if isinstance(whole, dict):
            yield name, whole
            return
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                yield f"{name}:{n}", json.loads(line)
            except ValueError as exc:
                yield f"{name}:{n}", InputError(f"{name}:{n}: not valid JSON ({exc.args[0]})")


def _json_field(row: dict, key: str):
    return row.get(key) or next((row[k] for k in FIELD_ALIASES.get(key, ()) if row.get(k)), None)


def _json_document(where: str, row: object, options: IngestOptions) -> Document:
    from kronika.ingest.html import extract_html

    if isinstance(row, InputError):
        raise row
    if not isinstance(row, dict) or not (row.get("text") or row.get("html")):
        raise InputError(f"{where}: each line needs a 'text' or 'html' field")
    meta = {k: _json_field(row, k) for k in ("title", "url", "source", "author", "published")}
    if row.get("html") and not row.get("text"):
        return extract_html(
            str(row["html"]).encode("utf-8"), name=where, url=meta["url"], options=options, path=where, overrides=meta
        )
    return read_text(str(row["text"]), name=where, fmt="jsonl", path=where, options=options, **meta)


def _read_jsonl(
    path: Path, data: bytes, options: IngestOptions, on_error: Optional[OnError] = None
) -> Iterator[Document]:
    """Each record of a JSON Lines (or JSON) file. With ``on_error``, a bad record is reported
    there and the rest are read; without it, the first bad record raises."""
    text = decode(data, str(path))
    for where, row in _json_rows(text, str(path)):
        try:
            document = _json_document(where, row, options)
        except InputError as exc:
            if on_error is None:
                raise
            on_error(where, str(exc))
            continue
        yield document


def _read_feed(
    path: Path, data: bytes, options: IngestOptions, on_error: Optional[OnError] = None
) -> Iterator[Document]:
    from kronika.ingest.feeds import read_feed

    yield from read_feed(data, str(path), options, on_error)


def _looks_like_feed(data: bytes) -> bool:
    head = data[:2000].lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def read_file(
    path: Path, options: IngestOptions = IngestOptions(), on_error: Optional[OnError] = None
) -> Iterator[Document]:
    """Yield the documents in one file (a JSONL or feed file may hold several).

    ``on_error(name, message)``: where a bad record of a many-document file is reported, the
    others being read; without it the first bad record raises :class:`InputError`."""
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    if not path.is_file():
        raise InputError(f"{path}: not a regular file")
    size = path.stat().st_size
    if size == 0:
        raise InputError(f"{path}: the file is empty")
    suffix = path.suffix.lower()
    check_size(size, str(path), options.max_bytes * (20 if suffix in JSONL_SUFFIXES | FEED_SUFFIXES else 1))
    data = path.read_bytes()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path, data, options, on_error)
    elif suffix in FEED_SUFFIXES or (suffix not in HTML_SUFFIXES | TEXT_SUFFIXES and _looks_like_feed(data)):
        yield from _read_feed(path, data, options, on_error)
    elif suffix in HTML_SUFFIXES or data.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")):
        yield _read_html(path, data, options)
    elif suffix in TEXT_SUFFIXES or suffix == "":
        yield from _read_plain(path, data, options)
    else:
        raise InputError(
            f"{path}: unknown format {suffix!r} (expected .txt, .md, .html, .jsonl/.json, .rss/.atom/.xml)"
        )


def iter_files(path: Path) -> Iterator[Path]:
    """The files a path stands for: itself, or every readable file under a folder, sorted."""
    if path.is_dir():
        suffixes = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES
        for p in sorted(path.rglob("*")):
            if (
                p.is_file()
                and not p.name.startswith(".")
                and not p.name.endswith(SIDECAR)
                and p.suffix.lower() in suffixes
            ):
                yield p
    else:
        yield path


def read_path(path: Path | str, options: IngestOptions = IngestOptions()) -> Iterator[Document]:
    """Yield every document in a file or folder. Raises InputError on the first bad file."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    for file in iter_files(path):
        yield from read_file(file, options)


def is_url(s: str) -> bool:
    """A URL of any scheme (``http://``, ``ftp://``, ``file:/``): fetched if http(s), else refused."""
    return bool(re.match(r"^[a-z][a-z0-9+.-]+:/", s, re.I))


def fetch_url(url: str, options: IngestOptions = IngestOptions()) -> Document:
    """Fetch one web page and extract its article (the only network access kronika makes)."""
    from kronika.ingest.fetch import check_url, fetch

    check_url(url)
    data = fetch(url, max_bytes=options.max_bytes)
    if _looks_like_feed(data):
        raise InputError(f"{url}: is a feed; save it to a file and ingest that")
    return _read_html(url, data, options, url=url)


__all__ = [
    "IngestOptions",
    "document_id",
    "fetch_url",
    "is_url",
    "iter_files",
    "read_file",
    "read_path",
    "read_text",
]
