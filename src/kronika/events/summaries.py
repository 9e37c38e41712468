"""A toll told for several attacks at once, then attack by attack: the parts are the events.

"Insurgents killed at least 11 civilians in a series of raids over the weekend ... beheaded seven
people in Nanjua on Saturday and shot dead four others near Mocimboa da Praia on Sunday": ACLED
codes the two raids, each with its own toll. The summary's 11 is the sum of the parts, so keeping
it as an event would count every death twice; its figure stays a claim.
"""

from __future__ import annotations

from kronika.events.corefer import places_agree, times_agree
from kronika.records import Event


def _parts(e: Event, events: list[Event]) -> list[Event]:
    """The events told after ``e`` whose kind, place and days it covers and whose tolls are known."""
    return [
        o
        for o in events
        if o is not e
        and o.sentence > e.sentence
        and o.event_type == e.event_type
        and o.status == "occurred"
        and not o.background
        and o.fatalities
        and places_agree(e.place, o.place)
        and times_agree(e.time, o.time)
    ]


def sums_of_parts(events: list[Event]) -> list[Event]:
    """Events whose toll is the sum of two or more events told after them (same kind, within their
    place and days) are dropped: those parts are the events."""
    out = []
    for e in events:
        parts = _parts(e, events) if e.fatalities and e.status == "occurred" and not e.background else []
        if len(parts) >= 2 and sum(o.fatalities or 0 for o in parts) == e.fatalities:
            continue
        out.append(e)
    return out


__all__ = ["sums_of_parts"]
