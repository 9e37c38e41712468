"""Actors an event type implies when the report names none.

ACLED's conventions fix some first actors by the kind of event: an arrest is made, and force on a
crowd is used, by the state's forces (the police of the country where it happens, unless the
report names other forces); a change to a group's activity ("put on high alert", "was
mobilised") is the group's own act, so a group named only as what was changed is its actor.
"""

from __future__ import annotations

from typing import Optional

from kronika.actors import entry_actor
from kronika.context import Context
from kronika.records import Actor, Event

_BY_THE_STATE = {"Arrests", "Excessive force against protesters"}
_OWN_ACT = {"Change to group/activity"}


def _police_of(ctx: Context, dictionary, e: Event) -> Optional[Actor]:
    """The police of the event's country, mentioned at its trigger."""
    return state_role_at(ctx, dictionary, e, e.place.country_iso3 if e.place is not None else None, "police")


def state_role_at(ctx: Context, dictionary, e: Event, iso3: Optional[str], role: str) -> Optional[Actor]:
    """The ``role`` ("police", "military") of country ``iso3``, inferred at the event's trigger (no
    words name it)."""
    entry = dictionary.role_entry(iso3, role)
    if entry is None:
        return None
    day = e.time.start_date if e.time is not None else None
    return entry_actor(ctx, dictionary, entry, e.trigger.start, e.trigger.end, "inferred", day)


def implied_actors(ctx: Context, dictionary, events: list[Event]) -> list[Event]:
    """An arrest or force on protesters with no actor named is the police's of its country ("an
    18-year-old was detained in Lviv"); a changed group with no actor changes itself ("the army
    was placed on alert": the army)."""
    out = []
    for e in events:
        if e.actor1 is None and e.sub_event_type in _BY_THE_STATE:
            police = _police_of(ctx, dictionary, e)
            if police is not None and (e.actor2 is None or e.actor2.name != police.name):
                e = e.model_copy(update={"actor1": police})
        elif e.actor1 is None and e.actor2 is not None and e.sub_event_type in _OWN_ACT:
            e = e.model_copy(update={"actor1": e.actor2, "actor2": None})
        out.append(e)
    return out
