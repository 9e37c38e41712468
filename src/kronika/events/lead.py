"""The event an article leads with: what its title reports, else the first news it gives.

One event per analysis is marked ``lead``: among the events that occurred and are not past
context, the one a mention of which is in the title; else the one reported first. A text with
no such event has no lead. The lead is what a reader would name as the article's story, and
what a one-event view (a snippet, a feed item) shows.
"""

from __future__ import annotations

from kronika.context import Context
from kronika.records import Event


def _in_title(ctx: Context, ev: Event) -> bool:
    return ctx.zone_at(ev.start) == "title" or any(m.zone == "title" for m in ev.mentions)


def mark_lead(ctx: Context, events: list[Event]) -> list[Event]:
    news = [e for e in events if e.status == "occurred" and not e.background]
    if not news:
        return events
    titled = [e for e in news if _in_title(ctx, e)]
    lead = min(titled or news, key=lambda e: e.start)
    return [e.model_copy(update={"lead": True}) if e.id == lead.id else e for e in events]


__all__ = ["mark_lead"]
