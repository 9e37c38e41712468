"""The pipeline stage (``find_times``) and time attachment (``attach_time``)."""

from __future__ import annotations

import re
from typing import Optional

from kronika.attach import governing_time
from kronika.context import Context
from kronika.records import TimeSpan
from kronika.time.lexicon import named_days
from kronika.time.normalize import extract
from kronika.time.offsets import offset_dates


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
        if ctx.doc is not None and ctx.published is not None:
            fields = _named_day(ctx, t, _told_in_the_past(ctx, t, fields))
        out.append(TimeSpan(**ctx.span_fields(t.start, t.end), **fields))
    return offset_dates(ctx, out)


_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b|['’]\d\d\b")
_PAST_AUX = {"had", "has", "have", "was", "were"}


def _told_in_the_past(ctx: Context, t, fields: dict) -> dict:
    """A month or day given without a year that the normalizer put just after the publication
    date ("next month" is taken as future) but that a past-tense verb reports ("the M23 captured
    Goma in January", in a December article): the year before."""
    start, end = fields.get("start_date"), fields.get("end_date")
    if (
        fields.get("type") != "DATE"
        or start is None
        or start <= ctx.published
        or _YEAR.search(t.text)
        or fields.get("granularity") not in ("day", "month")
        or not _past_verb(ctx.doc, t.start, t.end)
    ):
        return fields
    try:
        earlier = {
            "start_date": start.replace(year=start.year - 1),
            "end_date": end.replace(year=end.year - 1) if end is not None else None,
        }
    except ValueError:  # 29 February
        return fields
    value = fields.get("value") or ""
    if value[:4].isdigit():
        earlier["value"] = f"{int(value[:4]) - 1}{value[4:]}"
    return {**fields, **earlier}


_NAMING = frozenset({"compound", "nmod", "poss", "amod", "nummod"})


def _named_day(ctx: Context, t, fields: dict) -> dict:
    """A day and month given without a year that names a well-known event ("the October 7
    attack", "Hamas's Oct. 7 attack" in a text that names Hamas or Gaza) is that event's day
    (``data/time/named_days.yaml``), whatever the year of publication."""
    start, published = fields.get("start_date"), ctx.published
    if (
        fields.get("type") != "DATE"
        or fields.get("granularity") != "day"
        or start is None
        or published is None
        or _YEAR.search(t.text)
    ):
        return fields
    known = named_days()
    for day, cue in known.days.get((start.month, start.day), ()):
        if day != start and day < published and cue.search(ctx.text) and _names(ctx.doc, t, known.names):
            return {**fields, "value": day.isoformat(), "start_date": day, "end_date": day}
    return fields


def _names(doc, t, nouns: frozenset[str]) -> bool:
    """Whether the expression modifies one of ``nouns`` as its name ("the 7 October attacks")."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    return root.dep_ in _NAMING and root.head.i >= span.end and root.head.lower_ in nouns


def _past_verb(doc, start: int, end: int) -> bool:
    """Whether the verb the expression hangs on is in the past tense ("captured", "had taken",
    "was seized"), with no modal or "to" of a plan."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    if span.start > 0 and doc[span.start - 1].lower_ in ("to", "until", "till", "for", "by", "before"):
        return False  # "postponed to January 5": the time aimed at
    tok = span.root
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "aux":
            break
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    else:
        return False
    auxes = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    if auxes & {"will", "would", "shall", "to", "'ll", "could", "may", "might", "should", "must"}:
        return False
    return tok.tag_ == "VBD" or (tok.tag_ == "VBN" and bool(auxes & _PAST_AUX))


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
