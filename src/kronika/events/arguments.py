"""Where and how deadly: the place governing a mention and the fatalities of its clause's claims."""

from __future__ import annotations

from typing import Optional

from kronika.attach import closest
from kronika.context import Context
from kronika.records import Place
from kronika.events.frame import DocIndex


def place_for(ctx: Context, d: "DocIndex", start: int, end: int, parties=()) -> Optional[Place]:
    """The governing location, leaving out names that act as actors here ("Russia launched")
    and preferring "Kursk Oblast" to "Russia" in "Russia's Kursk Oblast"."""
    acting = {(a.start, a.end) for a in ctx.actors if a.kind in ("state", "government") or a.via == "capital"}
    acting |= {(a.start, a.end) for a in parties}
    places = [p for p in ctx.places if p.role == "location" and (p.start, p.end) not in acting
              and not any(a.start <= p.start and p.end <= a.end for a in parties)]
    # a place a map can show first: an unresolved name is used only when the sentence has no other
    place = closest(ctx, [p for p in places if p.resolved], start, end) or closest(ctx, places, start, end)
    if place is not None and place.level == "country":
        for p in places:
            if p.sentence == place.sentence and p.start >= place.end and p.start - place.end <= 4 and p.level != "country":
                return p
    return place


def claims_for(ctx: Context, sentence: int, start: int, end: int) -> tuple[Optional[int], tuple[str, ...]]:
    killed = None
    ids = []
    for c in ctx.claims:
        if c.sentence != sentence:
            continue
        overlaps = c.start < end and start < c.end
        if not overlaps:
            continue
        if c.modality not in ("asserted", "estimated"):
            continue
        ids.append(c.id)
        if c.measure == "killed" and killed is None:
            q = c.quantity
            value = q.value if q.value is not None else q.low
            if value is not None:
                killed = int(value)
    return killed, tuple(ids)
