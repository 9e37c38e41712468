"""Quantities: every count and measure in the text, with range, qualifier and unit.

``find_quantities(ctx)`` is the pipeline stage; ``parse_quantities(text)`` the text-level
parser it runs (usable without spaCy). Years, dates, times, ages, ordinals, unit
designations and phone-like strings are not quantities; a number inside a time
expression found by the time stage (``ctx.times``) is not either.
"""

from __future__ import annotations

from kronika.context import Context
from kronika.quantities.parser import ParsedQuantity, parse_quantities
from kronika.records import Quantity

__all__ = ["find_quantities", "parse_quantities", "ParsedQuantity", "to_record"]


def to_record(ctx: Context, p: ParsedQuantity) -> Quantity:
    return Quantity(
        **ctx.span_fields(p.start, p.end),
        value=p.value,
        low=p.low,
        high=p.high,
        qualifier=p.qualifier,  # type: ignore[arg-type]
        qualifier_text=p.qualifier_text,
        unit=p.unit,
        vague=p.vague,
        change=p.change if p.change in ("up", "down") else None,  # type: ignore[arg-type]
        previous=p.previous,
    )


def _in_time(ctx: Context, p: ParsedQuantity) -> bool:
    for t in ctx.times:
        if t.start <= p.number_start and p.number_end <= t.end:
            # "3,800 casualties in three days": a DURATION's number is still a count of days,
            # but the time stage owns it; counts with a unit are kept
            return p.unit is None or t.type != "DURATION"
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
    """The quantities of the document (counts and measures, not dates, ages or designations)."""
    out: list[Quantity] = []
    for p in parse_quantities(ctx.text):
        if not p.is_quantity:
            continue
        if _in_time(ctx, p) or _date_entity(ctx, p):
            continue
        out.append(to_record(ctx, p))
    return out
