"""Who attacked: the side its sources blame when the report names no doer ("activists said, blaming
the RSF"; "Police blamed al-Shabaab for the attack"), never a side blamed for something else; the
owner of "its drones"; a state's general staff is its military; a weapon's word in a title-cased
headline is no person. Every sentence is written for these tests."""

from __future__ import annotations

import pytest

import kronika


def _attackers(text: str) -> list[tuple[str, str | None]]:
    events = kronika.analyze(text, published="2026-03-14").events
    return [(e.sub_event_type, e.actor1.name if e.actor1 else None) for e in events]


@pytest.mark.parametrize(
    "text, attacker",
    [
        (
            "A drone strike on a market in El Fasher killed 14 people on Friday, activists said, blaming the "
            "Rapid Support Forces.",
            "Rapid Support Forces",
        ),
        (
            "Activists blamed the Rapid Support Forces for a drone strike on a market in El Fasher that killed "
            "14 people on Friday.",
            "Rapid Support Forces",
        ),
        (
            "A car bomb killed nine people in Mogadishu on Sunday. Police blamed al-Shabaab for the attack.",
            "Al Shabaab",
        ),
        (
            "Officials attributed the bombing of a mosque in Peshawar on Friday to the Islamic State.",
            "Islamic State",
        ),
    ],
)
def test_the_blamed_side_is_the_attacker(text, attacker):
    assert [a for _, a in _attackers(text)] == [attacker]


def test_a_side_blamed_for_something_else_is_no_attacker():
    text = (
        "Gunmen killed 12 villagers in Zamfara state on Monday. The governor blamed the Rapid Support "
        "Forces for the economic crisis."
    )
    assert [a for _, a in _attackers(text)] != ["Rapid Support Forces"]


def test_a_blame_after_another_event_stays_with_it():
    text = (
        "A car bomb killed nine people in Mogadishu on Sunday. Gunmen attacked a hotel in Kismayo on "
        "Monday. Police blamed al-Shabaab for the attack."
    )
    assert _attackers(text)[0] == ("Remote explosive/landmine/IED", None)


def test_a_weapon_in_a_title_cased_headline_is_no_person():
    text = (
        "Drone Strike On Market In North Darfur Kills 14\n\n"
        "A drone strike on a market in El Fasher killed 14 people on Friday, witnesses said."
    )
    analysis = kronika.analyze(text, published="2026-03-14")
    assert all(a.name.lower() != "drone" for a in analysis.actors)
    assert [e.sub_event_type for e in analysis.events] == ["Air/drone strike"]


@pytest.mark.parametrize(
    "text, attacker",
    [
        (
            "Ukraine's General Staff said its drones had struck the Saratov oil refinery in Russia on Sunday.",
            "Military Forces of Ukraine (2019-)",
        ),
        (
            "The Ukrainian military said its drones struck an oil depot in Bryansk on Sunday.",
            "Military Forces of Ukraine (2019-)",
        ),
        ("Hamas said its rockets hit Ashkelon on Monday.", "Hamas Movement"),
    ],
)
def test_the_owner_of_its_weapons_is_the_attacker(text, attacker):
    assert [a for _, a in _attackers(text)] == [attacker]


def test_a_people_a_strike_killed_are_its_civilians_not_its_forces():
    analysis = kronika.analyze("Israeli strikes killed 31 Palestinians in Gaza on Monday.", published="2024-11-18")
    assert [a.name for a in analysis.actors if a.text == "Palestinians"] == ["Civilians (Palestine)"]
    (strike,) = analysis.events
    assert strike.actor2 is not None and strike.actor2.name == "Civilians (Palestine)"
    # a side's toll of the other's men stays their forces
    analysis = kronika.analyze("Ukraine says it killed 1,200 Russians in the past day.", published="2024-11-18")
    assert [a.name for a in analysis.actors if a.text == "Russians"] == ["Military Forces of Russia (2000-)"]
