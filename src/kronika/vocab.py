"""The closed vocabularies a user may filter on: event types (ACLED types, sub-event types and
kronika's finer kinds), claim measures, event statuses and claim modalities.

Read once from the data files the stages use (``data/events/taxonomy.yaml``,
``data/claims/measures.yaml``) and the record types, so a filter value that can match nothing
is refused with the valid values instead of answering "0 rows".
"""

from __future__ import annotations

import functools
from typing import Iterable, Literal, Optional, get_args

from kronika.data import CLAIMS_DIR, EVENTS_DIR, Strict, load_yaml
from kronika.errors import KronikaError


class UnknownValue(KronikaError):
    """A filter value outside its closed vocabulary."""


class SubEventType(Strict):
    code: str
    definition: str
    plover: Optional[str]  # the PLOVER root type (null: none fits)
    ucdp: Optional[Literal["actors"] | list[Literal[1, 2, 3]]]  # type_of_violence; "actors": decided by the sides
    disorder_type: Optional[str] = None  # when it differs from its event type's


class EventType(Strict):
    disorder_type: str
    definition: str
    sub_event_types: dict[str, SubEventType]


class Kind(Strict):
    sub_event_type: str
    definition: str


class Taxonomy(Strict):
    """``data/events/taxonomy.yaml``: ACLED's event types and sub-event types, and kronika's kinds."""

    version: int
    disorder_types: list[str]
    event_types: dict[str, EventType]
    kinds: dict[str, Kind] = {}


@functools.lru_cache(maxsize=1)
def taxonomy() -> Taxonomy:
    return load_yaml(EVENTS_DIR / "taxonomy.yaml", Taxonomy)


@functools.lru_cache(maxsize=1)
def event_types() -> tuple[str, ...]:
    """Event types, then sub-event types, then kinds, as the taxonomy lists them."""
    tax = taxonomy()
    subs = [s for body in tax.event_types.values() for s in body.sub_event_types]
    return tuple(dict.fromkeys([*tax.event_types, *subs, *tax.kinds]))


@functools.lru_cache(maxsize=None)
def type_level(value: str) -> Optional[str]:
    """Which level of the taxonomy ``value`` names: ``event_type``, ``sub_event_type`` or ``kind``."""
    tax = taxonomy()
    if value in tax.event_types:
        return "event_type"
    if any(value in body.sub_event_types for body in tax.event_types.values()):
        return "sub_event_type"
    return "kind" if value in tax.kinds else None


@functools.lru_cache(maxsize=1)
def measures() -> tuple[str, ...]:
    """Every measure a claim can have (sorted)."""
    from kronika.claims.lexicon import _Measures

    m = load_yaml(CLAIMS_DIR / "measures.yaml", _Measures)
    found = {
        *m.nouns.values(),
        *m.verbs.values(),
        *m.units.values(),
        *m.combine.values(),
        *m.parts,
        *(v for v in m.toll_nouns.values() if v),
    }
    return tuple(sorted(str(x) for x in found))


def statuses() -> tuple[str, ...]:
    from kronika.records import ChronicleEvent

    return get_args(ChronicleEvent.model_fields["status"].annotation)


def modalities() -> tuple[str, ...]:
    from kronika.records import Modality

    return get_args(Modality)


def check(value: Optional[str], valid: Iterable[str], what: str, also: Iterable[str] = ()) -> Optional[str]:
    """The valid spelling of ``value`` if it is one of ``valid`` (or ``also``: values found in the
    store), case-insensitive; else :class:`UnknownValue` naming the valid values."""
    if value is None or value == "":
        return None
    valid = tuple(dict.fromkeys([*valid, *(a for a in also if a)]))
    found = {v.casefold(): v for v in valid}.get(value.strip().casefold())
    if found is not None:
        return found
    raise UnknownValue(f"unknown {what} {value!r}; choose one of: {', '.join(valid)}")
