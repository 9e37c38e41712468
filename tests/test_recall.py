"""Events a report tells that were missed or folded into another: an attack and the reprisal
against its authors, a deal a ceasefire names, a protest camp, a government overthrown, forces
put on alert. Every sentence is written for these tests."""

from __future__ import annotations

import kronika
import pytest

from tests.conftest import main_type


def _events(text: str, published: str = "2025-03-10"):
    return kronika.analyze(text, published=published).events


def test_an_attack_and_the_reprisal_against_its_authors_are_two_events():
    text = (
        "On May 4, 2025, a drone attack killed two Dutch soldiers at a base in northern Mali.\n\n"
        "At my direction, on May 4, 2025, Dutch forces conducted strikes against facilities in northern Mali "
        "used by the group responsible."
    )
    strikes = [e for e in _events(text) if e.sub_event_type == "Air/drone strike"]
    assert len(strikes) == 2
    assert {(e.actor1 and e.actor1.name) is None for e in strikes} == {True, False}


@pytest.mark.parametrize(
    "text, sub",
    [
        ("The president spoke about the ceasefire deal in Yemen last week.", "Agreement"),
        (
            "At a protest camp set up outside the parliament in Lima, relatives of the missing said they were angry.",
            "Peaceful protest",
        ),
        (
            "Rebels overthrew President Aldo Mensah of Togo in March, the ministry said.",
            "Non-state actor overtakes territory",
        ),
        ("The army toppled the government of Chad on Wednesday.", "Change to group/activity"),
        ("Pyongyang put its troops on high alert on Friday.", "Change to group/activity"),
    ],
)
def test_missed_wordings(text, sub):
    assert main_type(text) == sub


@pytest.mark.parametrize(
    "text",
    [
        "The manager put the workers on alert before the audit.",
        "The fans overthrew the tables in the bar.",
    ],
)
def test_not_events(text):
    assert [e.sub_event_type for e in _events(text) if e.status == "occurred"] == []


def test_one_of_the_attacks_told_is_an_event():
    text = (
        "Last week the group claimed four attacks in Mali and Niger. "
        "One of them was an IED attack on an army truck near Menaka."
    )
    assert "Remote explosive/landmine/IED" in [e.sub_event_type for e in _events(text)]


def test_crowds_a_video_shows_banging_pots_and_both_ends_of_a_range():
    text = "Videos from across the country, from Valencia to Maracay, show crowds banging their pots on Monday night."
    events = [e for e in _events(text) if e.sub_event_type == "Peaceful protest"]
    assert sorted(e.place.name for e in events) == ["Maracay", "Valencia"]


@pytest.mark.parametrize(
    "text",
    [
        "It was an attack on democracy, the senator said.",
        "The chef was banging the drum for local produce.",
    ],
)
def test_more_not_events(text):
    assert [e.sub_event_type for e in _events(text) if e.status == "occurred"] == []


def test_names_beside_the_kind_of_place_are_a_list():
    text = (
        "Exiled students have held smaller protests elsewhere, including in Paris, the Canadian cities "
        "Toronto and Montreal and the Danish capital Copenhagen."
    )
    places = {e.place.name for e in _events(text) if e.sub_event_type == "Peaceful protest"}
    assert {"Toronto", "Montréal", "Copenhagen"} <= places


def test_the_deal_reached_today_is_an_agreement():
    text = "Under the deal reached today, the shelling across the river will stop at midnight."
    assert [e.sub_event_type for e in _events(text)] == ["Agreement"]


def test_what_a_call_aims_to_end_is_still_no_event():
    assert list(_events("The envoy called for an end to the attacks on shipping.")) == []


def test_cover_fire_is_a_fight():
    assert (
        main_type("Police provided cover fire as the convoy left the hospital in Jacmel on Tuesday.") == "Armed clash"
    )
    assert list(_events("The book's cover caught fire.")) == []


def test_a_deal_hammered_out():
    assert main_type("The two sides hammered out a ceasefire in Doha on Monday.") == "Agreement"
    assert list(_events("The coach hammered out a plan for the new season.")) == []
