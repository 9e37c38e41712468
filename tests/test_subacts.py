"""What attackers do in the course of an attack (vehicles torched, weapons seized) is that attack,
not an event beside it; the same acts done apart stay events. Every sentence is written for
these tests."""

from __future__ import annotations

import pytest

import kronika


def _types(text: str) -> list[str]:
    return [e.sub_event_type for e in kronika.analyze(text, published="2025-08-04").events]


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen stormed a police station in Zamfara on Monday, torching vehicles and seizing weapons.",
        "Fighters stormed an army post near Menaka on Sunday, seizing weapons and ammunition.",
    ],
)
def test_what_is_done_in_the_course_of_an_attack_is_the_attack(text):
    types = _types(text)
    assert len(types) == 1 and types[0] not in ("Disrupted weapons use", "Looting/property destruction")


def test_the_same_act_done_apart_is_an_event():
    text = (
        "Militants attacked a convoy in Khyber on Monday, killing three soldiers, and separately police "
        "seized a cache of weapons in Peshawar."
    )
    assert "Disrupted weapons use" in _types(text)


def test_an_attack_that_killed_is_not_retyped_by_the_hostages_it_took():
    text = (
        "More than 20,000 people have been killed in the south since the war began on May 3, 2024, when rebels "
        "attacked the north of Kivu, killing about 900 people and taking 200 hostages."
    )
    assert _types(text) == ["Attack"]


def test_hostages_taken_in_an_attack_that_killed_are_the_attack():
    assert _types(
        "Gunmen attacked a village in Zamfara state on Sunday, killing 12 people and abducting 30 others."
    ) == ["Attack"]
    assert _types("Gunmen attacked a village in Zamfara state on Sunday and abducted 30 people.") == [
        "Abduction/forced disappearance"
    ]
