"""Zones of a text: what is metadata, what is a headline, what belongs to other articles.

A document's text is kept as it was given (offsets point at the exact characters), and
``find_zones(text)`` marks the parts that are not the article's own reporting:

* ``front_matter``: a YAML (``---``) or TOML (``+++``) block at the top, as Jekyll and Hugo
  write it; inside it, the value of its title key is a ``title`` zone and the value of its
  description key a ``description`` zone (both are mentions of the article's news);
* ``title``: a Markdown heading on the first line (``# ...``), or a first line that reads as a
  headline (short, no closing punctuation, followed by a blank line);
* ``heading``: any other Markdown heading (``## Why ...``): a signpost, not a report;
* ``metadata``: lines such as ``Published: 2024-07-31``, ``By Jane Doe``, ``---`` rules, a
  dateline standing alone ("Thursday, January 4, 2024"), and a wire dateline opening a paragraph
  ("NAIROBI, June 26 (Reuters) -": where and when the report was filed, not what it tells);
* ``related``: the bullet lines under "Related:", "Read more:", "See also:" (other articles'
  headlines);
* ``caption``: lines that are photo captions ("Photo: ...", "... (Photo: Reuters)").

``front_matter_fields(text)`` gives the block's parsed keys, for the document's title,
description and publication date.
"""

from __future__ import annotations

import re
from typing import Optional

import yaml

from kronika.records import Zone

_FRONT = re.compile(r"\A(?P<fence>---|\+\+\+)[ \t]*\n(?P<body>.*?\n)(?P=fence)[ \t]*(?:\n|\Z)", re.S)
TITLE_KEYS = ("title", "header_title", "headline", "og_title", "twitter_title", "twitter_tittle")
DESC_KEYS = ("description", "excerpt", "summary", "des", "subtitle", "lead", "page_first_p")
DATE_KEYS = ("date", "published", "publishdate", "pubdate", "page_date", "published_at", "datetime")
_HEADING = re.compile(r"^(#{1,6})[ \t]+\S.*$", re.M)
_META_LINE = re.compile(
    r"^[ \t]*(?:(?:published|updated|posted|last updated|first published)\b[ \t]*:?.{0,60}"
    r"|by[ \t]+[A-Z][\w.'-]*(?:[ \t]+[A-Z][\w.'-]*){0,3}(?:,[^\n]{0,40})?"
    r"|(?:-{3,}|\*{3,}|_{3,}))[ \t]*$",
    re.M | re.I,
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATELINE = re.compile(
    r"^[ \t]*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?[ \t]+)?"
    r"(?:" + _MONTH + r"[ \t]+\d{1,2},?[ \t]+\d{4}|\d{1,2}[ \t]+" + _MONTH + r"[ \t]+\d{4}|\d{4}-\d{2}-\d{2})"
    r"(?:[ \t]*,?[ \t]*\d{1,2}:\d{2}(?:[ \t]*[ap]\.?m\.?)?(?:[ \t]+[A-Z]{2,4})?)?[ \t]*$",
    re.I | re.M,
)
_CAP_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"  # _MONTH, capitalized only
# "KHARTOUM, March 14 (Reuters) - ", "GAZA CITY, Gaza Strip (AP) — ", "KYIV, Oct 12 - ": a city in
# capitals, perhaps its country or state, then a date or an agency in brackets, then a dash
_WIRE_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z'’.-]+(?:[ \t]+[A-Z][A-Z'’.-]+){0,3}(?:,[ \t]+[A-Z][A-Za-z.'’-]+(?:[ \t]+[A-Z][A-Za-z.'’-]+){0,2})?"
    r"(?P<date>,?[ \t]+(?:" + _CAP_MONTH + r"[ \t]+\d{1,2}|\d{1,2}[ \t]+" + _CAP_MONTH + r")(?:,?[ \t]+\d{4})?)?"
    r"(?P<agency>[ \t]*\([A-Z][A-Za-z.&' ]{1,30}\))?"
    r"[ \t]*(?:-{1,2}|—|–|_)[ \t]*",
    re.M,
)
# "Dhaka, Mar 9 -- ", "Peshawar, Jan 7 (APP) - ": a local paper's dateline, its city in capitals and small
# letters, which a date must follow
_LOCAL_DATELINE = re.compile(
    r"^[ \t]*[A-Z][a-z'’.-]+(?:[ \t]+[A-Z][a-z'’.-]+){0,2}"
    r"(?P<date>,[ \t]+(?:" + _CAP_MONTH + r"[ \t]+\d{1,2}|\d{1,2}[ \t]+" + _CAP_MONTH + r")(?:,?[ \t]+\d{4})?)"
    r"(?P<agency>[ \t]*\([A-Z][A-Za-z.&' ]{1,30}\))?"
    r"[ \t]*(?:-{1,2}|—|–)[ \t]+",
    re.M,
)
_RELATED = re.compile(
    r"^[ \t]*(?:related|read also|see also|read more|more on this|also read|more from \w+)[ \t]*:?[ \t]*$", re.I | re.M
)
_BULLET = re.compile(r"^[ \t]*[-–•*·][ \t]+\S")
_CAPTION = re.compile(
    r"^[ \t]*(?:(?:photo|image|picture|pictured|caption|video)[ \t]*:.*"
    r"|.{1,300}\((?:photo|image|picture)[ \t]*(?::|by)[^)\n]{1,80}\)[ \t]*"
    r"|.{1,300}(?:getty images|/ reuters|/ ap|/ afp|ap photo[^\n]{0,60}))$",
    re.I | re.M,
)


def _front_matter(text: str) -> Optional[re.Match]:
    return _FRONT.match(text)


def front_matter_fields(text: str) -> dict:
    """The parsed keys of a YAML front matter block (``{}`` when there is none or it is not YAML)."""
    m = _front_matter(text)
    if m is None or m["fence"] != "---":
        return {}
    try:
        data = yaml.safe_load(m["body"])
    except yaml.YAMLError:
        return {}
    return {str(k).lower(): v for k, v in data.items()} if isinstance(data, dict) else {}


def first_value(fields: dict, keys: tuple[str, ...]) -> Optional[str]:
    for k in keys:
        v = fields.get(k)
        if v is not None and str(v).strip():
            return str(v).strip()
    return None


def _value_zone(text: str, lo: int, hi: int, value: Optional[str], kind: str) -> Optional[Zone]:
    """Where a front matter value stands inside [lo, hi) (the value's first line is enough)."""
    if not value:
        return None
    probe = value.splitlines()[0].strip()[:200]
    at = text.find(probe, lo, hi) if probe else -1
    if at < 0:
        return None
    end = text.find("\n", at)
    end = hi if end < 0 or end > hi else end
    while end > at and text[end - 1] in "\"' \t":
        end -= 1
    return Zone(start=at, end=end, kind=kind)


def front_matter_zones(text: str) -> list[Zone]:
    """The front matter block and, inside it, its title and description values."""
    m = _front_matter(text)
    if m is None:
        return []
    zones = [Zone(start=0, end=m.end(), kind="front_matter")]
    fields = front_matter_fields(text)
    for keys, kind in ((TITLE_KEYS, "title"), (DESC_KEYS, "description")):
        z = _value_zone(text, m.start("body"), m.end("body"), first_value(fields, keys), kind)
        if z is not None:
            zones.append(z)
    return zones


def _heading_zones(text: str, body_start: int) -> list[Zone]:
    zones = []
    for m in _HEADING.finditer(text, body_start):
        first = not text[body_start : m.start()].strip()
        zones.append(Zone(start=m.start(), end=m.end(), kind="title" if first and len(m[1]) == 1 else "heading"))
    return zones


def _first_line_title(text: str, body_start: int, zones: list[Zone]) -> list[Zone]:
    """A plain first line that reads as a headline: short, no closing punctuation, a blank line after."""
    start = body_start + len(text[body_start:]) - len(text[body_start:].lstrip())
    end = text.find("\n", start)
    if end < 0 or any(z.start <= start < z.end for z in zones):
        return []
    line = text[start:end].rstrip()
    if not (0 < len(line) <= 200) or line.endswith((".", "!", "?", ":", ";", ",")) or _BULLET.match(line):
        return []
    if text[end : end + 2] != "\n\n" and len(line.split()) > 20:
        return []
    return [Zone(start=start, end=start + len(line), kind="title")]


def _related_zones(text: str) -> list[Zone]:
    zones = []
    for m in _RELATED.finditer(text):
        zones.append(Zone(start=m.start(), end=m.end(), kind="related"))
        pos = m.end() + 1
        while pos < len(text):
            nl = text.find("\n", pos)
            line_end = len(text) if nl < 0 else nl
            line = text[pos:line_end]
            if _BULLET.match(line):
                zones.append(Zone(start=pos, end=line_end, kind="related"))
            elif line.strip():
                break
            pos = line_end + 1
    return zones


def _line_zones(text: str, rx: re.Pattern, kind: str, body_start: int) -> list[Zone]:
    return [
        Zone(start=m.start(), end=m.end(), kind=kind)
        for m in rx.finditer(text, body_start)
        if m.end() > m.start() and len(text[m.start() : m.end()].strip()) < 400
    ]


def _wire_datelines(text: str, body_start: int) -> list[Zone]:
    """The wire datelines opening a paragraph (``^`` of a multiline pattern: at a line's start): a
    date or an agency is needed ("KYIV (AP) —")."""
    return [
        Zone(start=m.start(), end=m.end(), kind="metadata")
        for rx in (_WIRE_DATELINE, _LOCAL_DATELINE)
        for m in rx.finditer(text, body_start)
        if m.group("date") or m.group("agency")
    ]


def wire_dateline_ends(text: str) -> list[int]:
    """Where each wire dateline of ``text`` ends (see :func:`_wire_datelines`)."""
    return [z.end for z in _wire_datelines(text, 0)]


def find_zones(text: str) -> tuple[Zone, ...]:
    """The zones of ``text`` (see the module's docstring), in text order."""
    front = front_matter_zones(text)
    body_start = front[0].end if front else 0
    zones = front + _heading_zones(text, body_start) + _related_zones(text)
    zones += _line_zones(text, _META_LINE, "metadata", body_start)
    zones += _line_zones(text, _DATELINE, "metadata", body_start) + _wire_datelines(text, body_start)
    if not any(z.kind == "title" for z in zones):
        zones += _first_line_title(text, body_start, zones)
    zones += _line_zones(text, _CAPTION, "caption", body_start)
    return tuple(sorted(zones, key=lambda z: (z.start, -z.end)))
