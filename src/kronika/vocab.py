"""The closed vocabularies a user may filter on: event types (ACLED types, sub-event types and
kronika's finer kinds), claim measures, event statuses and claim modalities.

Read once from the data files the stages use (``data/events/taxonomy.yaml``,
``data/claims/measures.yaml``) and the record types, so a filter value that can match nothing
is refused with the valid values instead of answering "0 rows".
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Iterable, Optional, get_args

import yaml

from kronika.errors import KronikaError


class UnknownValue(KronikaError):
    """A filter value outside its closed vocabulary."""


def _data(name: str) -> dict:
    return yaml.safe_load(resources.files("kronika.data").joinpath(name).read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def event_types() -> tuple[str, ...]:
    """Event types, then sub-event types, then kinds, as the taxonomy lists them."""
    raw = _data("events/taxonomy.yaml")
    subs = [s for body in raw["event_types"].values() for s in body["sub_event_types"]]
    return tuple(dict.fromkeys([*raw["event_types"], *subs, *(raw.get("kinds") or {})]))


@functools.lru_cache(maxsize=None)
def type_level(value: str) -> Optional[str]:
    """Which level of the taxonomy ``value`` names: ``event_type``, ``sub_event_type`` or ``kind``."""
    raw = _data("events/taxonomy.yaml")
    if value in raw["event_types"]:
        return "event_type"
    if any(value in body["sub_event_types"] for body in raw["event_types"].values()):
        return "sub_event_type"
    return "kind" if value in (raw.get("kinds") or {}) else None


@functools.lru_cache(maxsize=1)
def measures() -> tuple[str, ...]:
    """Every measure a claim can have (sorted)."""
    m = _data("claims/measures.yaml")
    found = {*m["nouns"].values(), *m["verbs"].values(), *m["units"].values(), *m["combine"].values(),
             *m.get("parts", {}), *(v for v in (m.get("toll_nouns") or {}).values() if v)}
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
