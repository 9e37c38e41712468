"""What an actor mention stands for in an event.

ACLED codes institutions, not people or country names: a president acting is the
government; "Russia launched an offensive" is the military of Russia; "North Korea sent
troops" too. ``role`` is "military" for violent and deployment events and "government"
for agreements and diplomacy.
"""

from __future__ import annotations

from typing import Optional

from kronika.actors.dictionary import load_dictionary
from kronika.records import Actor


def event_actor(actor: Optional[Actor], role: str = "military", day=None) -> Optional[Actor]:
    """The actor as an event party: states and leaders mapped to the institution for ``role``."""
    if actor is None or actor.actor_id is None:
        return actor
    d = load_dictionary()
    entry = d.entries.get(actor.actor_id)
    if entry is None:
        return actor
    target = None
    if entry.kind == "state" and entry.iso3:
        target = d.role_entry(entry.iso3, role)
    elif entry.kind == "government" and role == "military" and actor.via in ("name", "capital"):
        target = d.role_entry(entry.iso3, "military")
    elif entry.kind == "person" and entry.institution:
        target = d.entries.get(entry.institution)
    if target is None or target.id == entry.id:
        return actor
    return actor.model_copy(
        update={
            "actor_id": target.id,
            "name": target.display_name(d, day),
            "kind": target.kind,
            "inter": target.inter,
        }
    )
