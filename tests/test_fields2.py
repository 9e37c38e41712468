"""Places and dates of events through kronika.analyze: the town of an event's own phrase over the
region around it, a country named after a compass word, a name that stays on its line. Every
text here is written for these tests."""

from __future__ import annotations

import kronika


def _events(text: str, published: str = "2024-05-01"):
    return kronika.analyze(text, published=published).events


def _place(text: str) -> str | None:
    events = _events(text)
    assert events
    return events[0].place.name if events[0].place is not None else None


def test_the_town_of_the_phrase_over_the_region_it_is_in():
    text = "The North Darfur airport in El Fasher was bombed by drones on Tuesday, residents said."
    assert _place(text) == "El Fasher"


def test_a_region_named_in_another_phrase_does_not_yield_to_a_town():
    text = "Far-right riots spread across England on Friday, days after a knife attack in Southport, police said."
    assert _place(text) == "England"


def test_a_stoplisted_country_after_a_compass_word_is_a_place():
    text = "Two soldiers were killed in a drone attack on a base in northeastern Jordan on Sunday."
    assert _place(text) == "Jordan"
    text = "Gunmen attacked a market in southern Chad on Monday, killing six people."
    assert _place(text) == "Chad"


def test_a_cue_name_stays_on_its_line():
    ctx = kronika.analyze("Shelling Reported Near the Kherson Bridge\n\nToday the army said it held its positions.")
    assert all("\n" not in p.text for p in ctx.places)


def test_a_name_the_text_calls_a_city_is_the_city_throughout():
    text = (
        "Police fired tear gas at students in the city of Chittagong on Monday. Later that day, "
        "shops stayed closed in Chittagong, residents said."
    )
    places = [p for p in kronika.analyze(text, published="2024-07-16").places if p.text == "Chittagong"]
    assert len(places) == 2
    assert all(p.level == "populated_place" for p in places)
