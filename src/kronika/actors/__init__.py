"""Actors: who acts in the text, resolved to the actor dictionary (ACLED-style names).

Public API: :func:`find_actors` (pipeline stage), :func:`lookup` (bare name → actor),
:func:`load_dictionary`, :func:`entry_actor` (a mention of a dictionary entry) and :func:`event_actor` (what an actor stands for in an event:
a leader → their government, a state named in a battle → its military).
"""

from kronika.actors.dictionary import INTER_NAMES, Dictionary, Entry, load_dictionary
from kronika.actors.find import entry_actor, find_actors, lookup
from kronika.actors.roles import event_actor


def armed_group(name: str) -> bool:
    """Whether ``name`` is a name of a non-state armed group of the dictionary ("M23")."""
    return load_dictionary().armed_group(name)


__all__ = [
    "INTER_NAMES",
    "armed_group",
    "Dictionary",
    "Entry",
    "entry_actor",
    "event_actor",
    "find_actors",
    "load_dictionary",
    "lookup",
]
