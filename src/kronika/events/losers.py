"""The second actor a clause leaves unnamed, read from what the event is.

ACLED codes whom an act falls on even when the sentence names only the doer:

* ground a group or a foreign state takes is taken from the state that held it: "Russian forces
  captured the village of Vovche" (in Ukraine) and "the M23 captured Goma" (in the DR Congo)
  have that country's military as their second actor; so has an invasion ("Rwandan troops
  invaded the area around Kamanyola");
* weapons brought down are the weapons of whoever launched them: "all 89 drones were shot
  down", after "Russia launched 89 drones at Kyiv overnight", are Russia's;
* a strike or shelling whose dead or wounded are counted as no one's ("four deaths were
  reported in the Khmelnytskyi region") fell on civilians, of the place's country.

Each pass fills only an empty ``actor2`` and never names the doer's own side.
"""

from __future__ import annotations

from typing import Optional

from kronika.context import Context
from kronika.events.defaults import state_role_at
from kronika.events.frame import civilians_at
from kronika.records import Actor, Event

_TAKEOVER = "Non-state actor overtakes territory"
_DOWNED = "Disrupted weapons use"
_LAUNCHES = {"Air/drone strike", "Shelling/artillery/missile attack"}
LAUNCH_SENTENCES = 3  # how far back the launch of the weapons brought down may be told


def ground_lost(ctx: Context, dictionary, events: list[Event]) -> list[Event]:
    """Ground taken by a group, or by a foreign state's forces, is taken from the military of the
    country it lies in."""
    out = []
    for e in events:
        a1, place = e.actor1, e.place
        if (
            (e.sub_event_type == _TAKEOVER or e.kind == "incursion")
            and e.actor2 is None
            and a1 is not None
            and place is not None
            and place.country_iso3
            and not (a1.inter == 1 and a1.country_iso3 == place.country_iso3)
        ):
            loser = state_role_at(ctx, dictionary, e, place.country_iso3, "military")
            e = e.model_copy(update={"actor2": loser}) if loser is not None else e
        out.append(e)
    return out


def weapons_downed(events: list[Event]) -> list[Event]:
    """Weapons brought down with no owner named are those of the launch told just before (or in
    the same sentence), by another side than the one that brought them down."""
    out = list(events)
    for k, e in enumerate(out):
        if e.sub_event_type != _DOWNED or e.actor2 is not None:
            continue
        launch = _launch_before(events, e)
        if launch is not None:
            out[k] = e.model_copy(update={"actor2": launch})
    return out


_HARM = {"killed", "wounded"}


def struck_people(ctx: Context, dictionary, events: list[Event]) -> list[Event]:
    """A strike or shelling whose toll counts people no side is named for falls on civilians."""
    claims = {c.id: c for c in ctx.claims}
    out = []
    for e in events:
        if e.sub_event_type in _LAUNCHES and e.actor2 is None and e.place is not None and e.place.country_iso3:
            counted = [claims[c] for c in e.claims if c in claims and claims[c].measure in _HARM]
            if counted and all(c.subject is None and c.subject_text is None for c in counted):
                place = e.place
                victims = civilians_at(e.trigger, dictionary, place.country_iso3, place.country)
                e = e.model_copy(update={"actor2": victims})
        out.append(e)
    return out


def _launch_before(events: list[Event], e: Event) -> Optional[Actor]:
    best: Optional[tuple[int, Actor]] = None
    for prev in events:
        gap = e.sentence - prev.sentence
        if prev.sub_event_type not in _LAUNCHES or prev.actor1 is None or not 0 <= gap <= LAUNCH_SENTENCES:
            continue
        if prev.background != e.background or _same_side(prev.actor1, e.actor1):
            continue
        if best is None or gap < best[0]:
            best = (gap, prev.actor1)
    return best[1] if best is not None else None


def _same_side(a: Optional[Actor], b: Optional[Actor]) -> bool:
    if a is None or b is None:
        return False
    if a.actor_id and b.actor_id and a.actor_id == b.actor_id:
        return True
    return bool(a.country_iso3) and a.country_iso3 == b.country_iso3 and a.inter == b.inter
