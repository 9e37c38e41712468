"""Quantities: every count and measure in the text, with range, qualifier and unit.

``find_quantities(ctx)`` is the pipeline stage; ``parse_quantities(text)`` the text-level
parser it runs (usable without spaCy). A fraction of a whole ("a third of", "one in five") is a
quantity of kind ``proportion``. Years, dates, times, bare ages, ordinals, unit
designations and phone-like strings are not quantities; a number inside a time
expression found by the time stage (``ctx.times``) is not either. A count carries what it
counts (``counted``, the noun lemmatized, and ``counted_phrase`` with its modifiers), read
from the dependency parse: "45 drones and 3 missiles ... killing 12 people" gives "drone",
"missile", "person".
"""

from __future__ import annotations

import re
from typing import Optional

from kronika import intervals
from kronika.context import Context
from kronika.quantities.counted import read_counted
from kronika.quantities.parser import ParsedQuantity, parse_quantities
from kronika.records import Quantity

__all__ = ["find_quantities", "parse_quantities", "ParsedQuantity", "to_record"]


def _counted(ctx: Context, p: ParsedQuantity) -> tuple[Optional[str], Optional[str]]:
    """(counted noun, counted phrase) of a count with no unit, from the parse; (None, None) otherwise."""
    if p.unit is not None or ctx.doc is None:
        return None, None
    return read_counted(ctx.doc, p.number_start, p.number_end)


_RE_PER = re.compile(r"[ \t]*(?:per|a|an|each)[ \t]+([A-Za-z]+)\b")


def _per(ctx: Context, p: ParsedQuantity) -> Optional[str]:
    """The denominator of a rate after a measure: '$80 per barrel', '5 percent a year'."""
    m = _RE_PER.match(ctx.text, p.end)
    if p.unit is None or not m or ctx.doc is None:
        return None
    span = ctx.doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
    if span is None or not len(span) or span[-1].pos_ not in ("NOUN", "PROPN"):
        return None
    return " ".join(t.lemma_.lower() for t in span)


_KINDS = {"measure": "measure", "age": "age", "fraction": "proportion"}


def to_record(ctx: Context, p: ParsedQuantity) -> Quantity:
    counted, phrase = _counted(ctx, p)
    return Quantity(
        **ctx.span_fields(p.start, p.end),
        unit_name=p.unit_name,
        per=_per(ctx, p),
        counted=counted,
        counted_phrase=phrase,
        value=p.value,
        low=p.low,
        high=p.high,
        qualifier=p.qualifier,
        qualifier_text=p.qualifier_text,
        unit=p.unit,
        vague=p.vague,
        change=p.change if p.change in ("up", "down") else None,
        kind=_KINDS.get(p.kind, "count"),
        previous=p.previous,
    )


_TIME_UNITS = frozenset({"s", "min", "h", "day", "week", "month", "year"})


def _in_time(ctx: Context, p: ParsedQuantity) -> bool:
    for t in intervals.of(ctx, "times", ctx.times).near(p.number_start, p.number_end):
        if t.start <= p.number_start and p.number_end <= t.end:
            # "3,800 casualties in three days": a DURATION's number is still a count of days,
            # but the time stage owns it; counts with a unit are kept, and so is the offset of a
            # relative date, a span of time ("six minutes later", "two weeks ago")
            return p.unit is None or t.type != "DURATION" and p.unit not in _TIME_UNITS
    return False


def _date_entity(ctx: Context, p: ParsedQuantity) -> bool:
    """spaCy's own DATE/TIME entities: only years and clock times are trusted."""
    doc = ctx.doc
    if doc is None or p.unit is not None:
        return False
    span = doc.char_span(p.number_start, p.number_end, alignment_mode="expand")
    if span is None:
        return False
    for tok in span:
        if tok.ent_type_ == "TIME" and tok.ent_iob_ in ("B", "I"):
            ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
            if ent is not None and any(w in ent.text.lower() for w in ("a.m", "p.m", ":", "o'clock")):
                return True
    return False


def find_quantities(ctx: Context) -> list[Quantity]:
    """The quantities of the document: counts, measures and ages written with their unit (not
    dates, bare ages or designations)."""
    out: list[Quantity] = []
    for p in parse_quantities(ctx.text):
        if not p.is_quantity and not (p.kind == "age" and p.unit) and p.kind != "fraction":
            continue  # ages only with their unit ("a 17-year-old"), not "Kovalenko, 34,"; proportions kept
        if _in_time(ctx, p) or _date_entity(ctx, p):
            continue
        out.append(to_record(ctx, p))
    return out
