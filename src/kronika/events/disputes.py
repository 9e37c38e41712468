"""Events one side reports and another denies: one event, ``occurred`` and ``disputed``.

"Russia said its forces captured the village on Monday. Ukraine denied that the village had
fallen." tells one event that a party disputes, not an event that happened and another that did
not (the events-docs guidelines, after ACLED: an event claimed by one side and disputed by
another is coded, marked as disputed). A denied mention that nothing but its status tells apart
from an occurred event of the report (:func:`~kronika.events.corefer.conflict`,
:func:`~kronika.events.corefer.tie`) joins it and marks it disputed; a denial of an event the
report does not otherwise assert ("the army says it never detained the journalist") stays denied.
"""

from __future__ import annotations

from typing import Optional

from kronika.context import Context
from kronika.events.corefer import conflict, merge, tie, times_agree
from kronika.events.parse import trigger_root
from kronika.records import Event


def _lemma(ctx: Context, e: Event) -> str:
    tok = trigger_root(ctx, e)
    return tok.lemma_.lower() if tok is not None else ""


def _same_act(ctx: Context, ev: Event, denial: Event) -> bool:
    """The denial names the act by the event's own word and type ("shelled the market" ... "denied
    shelling the market"), with no day of its own that differs ("denied any role in last month's
    bombing" is not today's strikes)."""
    if ev.sub_event_type != denial.sub_event_type or _lemma(ctx, ev) != _lemma(ctx, denial):
        return False
    own = denial.time is not None and not denial.time.defaulted
    return not own or (ev.time is not None and not ev.time.defaulted and times_agree(ev.time, denial.time))


def _disputed(ctx: Context, events: list[Event], denial: Event) -> Optional[int]:
    """The index of the occurred event ``denial`` denies, or None."""
    as_told = denial.model_copy(update={"status": "occurred"})
    for i, ev in enumerate(events):
        if (
            ev.status == "occurred"
            and _same_act(ctx, ev, denial)
            and not conflict(ev, as_told, False, ctx.published)
            and tie(ev, as_told, False, ctx)
        ):
            return i
    return None


def disputed_events(ctx: Context, events: list[Event]) -> list[Event]:
    """Denials of events the report asserts folded into them, marked ``disputed``."""
    out = list(events)
    for denial in [e for e in events if e.status == "denied"]:
        i = _disputed(ctx, out, denial)
        if i is None:
            continue
        kept = out[i]
        folded = merge(ctx, kept, denial.model_copy(update={"status": "occurred"}))
        out = [folded.model_copy(update={"disputed": True}) if e is kept else e for e in out if e is not denial]
    return out


__all__ = ["disputed_events"]
