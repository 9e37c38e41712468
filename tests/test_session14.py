"""Session 14: readings found as a user on sentences written for kronika (no benchmark text)."""

from __future__ import annotations

import pytest

import kronika

PUBLISHED = "2025-03-04"


def _events(text: str, published: str = PUBLISHED):
    return kronika.analyze(text, published=published).events


def _types(text: str) -> list[str]:
    return [e.sub_event_type for e in _events(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The army said fighting may return to the town within days.",
        "Fighting could spread to the capital, the minister said.",
        "Clashes might erupt again in the north, analysts said.",
    ],
)
def test_fighting_that_may_return_or_spread_is_no_event(text):
    # the event noun is the subject of a verb of happening: the modal on that verb is its mood
    assert not _events(text)


def test_fighting_that_returned_is_an_event():
    events = _events("Fighting returned to the town of Kessa on Monday, residents said.")
    assert [e.sub_event_type for e in events] == ["Armed clash"]
    assert events[0].status == "occurred"


@pytest.mark.parametrize(
    "text",
    [
        "The striking footballer was booked in the second half.",
        "The midfielder was booked for a late tackle in the first half and sent off in injury time.",
    ],
)
def test_a_booking_in_a_game_is_no_arrest(text):
    assert not _events(text)


def test_a_booking_by_police_is_still_an_arrest():
    assert "Arrests" in _types("Police arrested two fans after the match for throwing flares at officers.")


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of supporters rallied in Sanaa on Friday against the strikes.",
        "Hundreds protested in Dhaka on Sunday against the killings of students.",
        "Residents protested in Kramatorsk on Monday over the arrest of a local journalist.",
    ],
)
def test_what_a_protest_is_against_is_no_event_of_its_day_and_place(text):
    events = _events(text)
    assert [e.event_type for e in events] == ["Protests"]
    assert events[0].sub_event_type == "Peaceful protest"


def test_a_grievance_the_phrase_dates_places_and_counts_is_its_own_event():
    events = _events(
        "Students marched through Dhaka on Sunday, condemning the killing of 12 protesters in Rangpur on Thursday."
    )
    march, killing = events
    assert (march.sub_event_type, march.place.name, str(march.time.start_date)) == (
        "Peaceful protest",
        "Dhaka",
        "2025-03-02",
    )
    assert (killing.sub_event_type, killing.place.name, str(killing.time.start_date)) == (
        "Excessive force against protesters",
        "Rangpur",
        "2025-02-27",
    )


def test_the_toll_of_the_attack_a_rally_denounces_is_not_the_rallys():
    events = _events(
        "Hundreds rallied in Khartoum on Friday against the RSF attack on El Fasher that killed 40 people."
    )
    rally = events[0]
    assert rally.sub_event_type == "Peaceful protest"
    assert rally.fatalities is None
    assert rally.place.name == "Khartoum"
