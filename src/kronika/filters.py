"""One description of "which items": the filters the CLI, the Python API and the web API share.

    from kronika.filters import Filters
    f = Filters.of(since="2025-01-01", place="Kursk", event_type="capture")

:meth:`Filters.of` reads what a user typed (dates as text, any case of a closed value) and
refuses what can match nothing with the valid values; the store turns a :class:`Filters` into
the same SQL conditions for every reader (``kronika.store.read``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Optional

from kronika import vocab
from kronika.errors import KronikaError

# What each filter is called in messages, by default (the CLI's spelling).
CLI_NAMES = {
    "since": "--since",
    "until": "--until",
    "event_type": "event type",
    "measure": "measure",
    "status": "status",
    "modality": "modality",
}


class FilterError(KronikaError):
    """A filter value that cannot be read or can match nothing; ``field`` names the filter."""

    def __init__(self, field: str, value: Any, message: str) -> None:
        super().__init__(message)
        self.field, self.value = field, value


@dataclass(frozen=True)
class Filters:
    """Which events, claims or chronicle events to read. Text filters are case-insensitive
    substrings, matched literally (``_`` and ``%`` are characters, not wildcards)."""

    since: Optional[dt.date] = None  # the item's dates overlap [since, until] (its own, else the publication's)
    until: Optional[dt.date] = None
    place: Optional[str] = None  # the place's name or its first-level region
    actor: Optional[str] = None  # either actor of an event; a claim's claimant or subject
    event_type: Optional[str] = None  # ACLED event type, sub-event type or kronika's kind (a whole value)
    measure: Optional[str] = None  # a claim's measure
    source: Optional[str] = None  # the publisher
    text: Optional[str] = None  # the sentence the item comes from
    doc_id: Optional[str] = None  # one document's items
    status: Optional[str] = None  # an event's status
    modality: Optional[str] = None  # a claim's modality

    @classmethod
    def of(cls, *, names: Mapping[str, str] = CLI_NAMES, **given: Any) -> Filters:
        """Filters from what a user gave: dates as ``YYYY-MM-DD`` text or dates, closed values in
        any case; empty values are no filter. A bad value raises :class:`FilterError` naming it
        (``names``: what to call each filter in the message)."""
        unknown = set(given) - {f.name for f in dataclasses.fields(cls)}
        if unknown:
            raise TypeError(f"unknown filter {', '.join(sorted(unknown))}")
        out: dict[str, Any] = {}
        for name, value in given.items():
            if value is None or value == "":
                continue
            read = _READERS.get(name)
            try:
                out[name] = read(value, names.get(name, name)) if read else str(value)
            except KronikaError as exc:
                raise FilterError(name, value, str(exc)) from None
        return cls(**out)

    def replace(self, **changes: Any) -> Filters:
        return dataclasses.replace(self, **changes)

    def given(self) -> dict[str, Any]:
        """The filters that are set."""
        return {k: v for k, v in dataclasses.asdict(self).items() if v not in (None, "")}


def _date(value: Any, name: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    from kronika.ingest.dates import parse_user_date

    return parse_user_date(value, name)


def _closed(valid: Callable[[], tuple[str, ...]]) -> Callable[[Any, str], Optional[str]]:
    return lambda value, name: vocab.check(str(value), valid(), name)


_READERS: dict[str, Callable[[Any, str], Any]] = {
    "since": _date,
    "until": _date,
    "event_type": _closed(vocab.event_types),
    "measure": _closed(vocab.measures),
    "status": _closed(vocab.statuses),
    "modality": _closed(vocab.modalities),
}
