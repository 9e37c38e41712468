"""Attaching a time and a place to a claim or event found at a span of the text.

The governing expression is the one in the same sentence that is syntactically closest
to the span's head (fewest dependency arcs between them), ties broken by distance in
characters. With no time in the sentence, the publication date is used with a coarser
granularity (week) and ``defaulted=True``: it is the date of the report, not of the fact.
"""

from __future__ import annotations

import datetime as dt
from typing import Optional, Sequence, TypeVar

from kronika.context import Context
from kronika.records import Mention, Place, TimeSpan

M = TypeVar("M", bound=Mention)


def _head(ctx: Context, start: int, end: int):
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _path_length(a, b) -> int:
    """Number of dependency arcs between tokens ``a`` and ``b``."""
    up_a = [a, *a.ancestors]
    index = {t.i: n for n, t in enumerate(up_a)}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in index:
            return n + index[t.i]
    return 99


def closest(ctx: Context, items: Sequence[M], start: int, end: int) -> Optional[M]:
    """The item of the same sentence syntactically closest to the span [start, end)."""
    sentence = ctx.sentence_index(start)
    same = [m for m in items if m.sentence == sentence]
    if not same:
        return None
    head = _head(ctx, start, end)

    def key(m: M):
        inside = m.start >= start and m.end <= end
        other = _head(ctx, m.start, m.end)
        arcs = _path_length(head, other) if head is not None and other is not None else 99
        gap = 0 if inside else min(abs(m.start - end), abs(start - m.end))
        return (arcs, gap)

    return min(same, key=key)


def defaulted_time(ctx: Context, start: int, end: int) -> Optional[TimeSpan]:
    """The publication date as a week-granularity time flagged ``defaulted``."""
    published = ctx.published
    if published is None:
        return None
    monday = published - dt.timedelta(days=published.weekday())
    iso = published.isocalendar()
    return TimeSpan(
        **ctx.span_fields(start, end),
        type="DATE",
        value=f"{iso.year}-W{iso.week:02d}",
        start_date=monday,
        end_date=min(published, monday + dt.timedelta(days=6)),
        granularity="week",
        anchor="publication",
        defaulted=True,
    )


def governing_time(ctx: Context, start: int, end: int, default: bool = True) -> Optional[TimeSpan]:
    """The time expression governing the clause at [start, end), or the defaulted publication date."""
    found = closest(ctx, [t for t in ctx.times if t.type in ("DATE", "TIME")], start, end)
    if found is not None:
        return found
    return defaulted_time(ctx, start, end) if default else None


def governing_place(ctx: Context, start: int, end: int) -> Optional[Place]:
    """The location (not a capital standing for a government) closest to [start, end) in its sentence."""
    return closest(ctx, [p for p in ctx.places if p.role == "location"], start, end)
