"""Helpers for the tests that read invented wire reports through the public output."""

from __future__ import annotations

import kronika

PUBLISHED = "2025-12-03"


def events_of(text: str, published: str = PUBLISHED):
    """The events ``kronika.analyze`` gives for ``text``."""
    return kronika.analyze(text, published=published).events


def one_event(text: str):
    """The one event of ``text`` (the test fails with the events found when there are more or none)."""
    events = events_of(text)
    assert len(events) == 1, [(e.sub_event_type, e.trigger.text) for e in events]
    return events[0]


def name_of(actor) -> str | None:
    return actor.name if actor is not None else None
