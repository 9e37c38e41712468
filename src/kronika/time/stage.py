"""The pipeline stage (``find_times``) and time attachment (``attach_time``)."""

from __future__ import annotations

from typing import Optional

from kronika.attach import governing_time
from kronika.context import Context
from kronika.records import TimeSpan
from kronika.time.normalize import extract


def find_times(ctx: Context) -> list[TimeSpan]:
    """Every time expression of the document, normalized against its publication date.

    Vague references ("now", "recently") and ages ("17-year-old") are left out; durations
    and SETs are kept (type DURATION/SET), so a consumer filtering on DATE/TIME gets the
    calendar times.
    """
    out = []
    for t in extract(ctx.text, ctx.published):
        fields = t.span_fields()
        if fields.get("bound") is None and ctx.doc is not None and _in_since_phrase(ctx.doc, t.start, t.end):
            fields["bound"] = "since"  # "Since the start of the invasion in February 2022, ..."
        out.append(TimeSpan(**ctx.span_fields(t.start, t.end), **fields))
    return out


def _in_since_phrase(doc, start: int, end: int) -> bool:
    """Whether the expression sits inside a "since ..." phrase whose "since" is not next to it
    (the finder binds an adjacent one itself): up the parse through nouns and prepositions,
    never across a verb."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span.root
    for _ in range(8):
        head = tok.head
        if head.i == tok.i or head.pos_ in ("VERB", "AUX"):
            return False
        if head.lower_ == "since" and tok.dep_ in ("pobj", "pcomp"):
            return True
        tok = head
    return False


def attach_time(ctx: Context, start: int, end: int, default: bool = True) -> Optional[TimeSpan]:
    """The time governing the clause at [start, end).

    This is :func:`kronika.attach.governing_time` (closest calendar time of the sentence,
    else the paragraph's narrative time flagged ``inherited``, else the publication week
    flagged ``defaulted``), which already skips what this stage emits without a calendar
    position (no value such as "31 February", durations, *_REF); kept here as the time
    stage's entry point so callers need not know where attachment lives.
    """
    return governing_time(ctx, start, end, default=default)
