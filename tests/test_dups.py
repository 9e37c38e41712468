"""One record per real event: mentions that name their event loosely join it, and two real events
stay apart. Every text here is written for these tests."""

from __future__ import annotations

import kronika


def _events(text: str, published: str = "2024-05-01"):
    return kronika.analyze(text, published=published).events


def _triggers(e) -> list[str]:
    return [e.trigger.text] + [m.trigger.text for m in e.mentions]


def test_a_capture_during_the_fighting_is_part_of_the_fighting():
    text = (
        "Rebels ambushed a Russian convoy in northern Mali on Saturday. They said they killed 40 Russians. "
        "Some Malian soldiers had also been captured during the fighting, a spokesman said."
    )
    (clash,) = [e for e in _events(text) if e.sub_event_type == "Armed clash"]
    assert {"ambushed", "captured", "fighting"} <= set(_triggers(clash))


def test_a_capture_during_another_battle_stays_apart():
    text = (
        "Soldiers attacked a rebel base near Gao on Tuesday, killing 15 fighters. In a separate incident, "
        "a Malian soldier was captured near Kidal during a battle with Tuareg rebels."
    )
    clashes = [e for e in _events(text) if e.sub_event_type == "Armed clash"]
    assert sorted(e.place.name for e in clashes) == ["Gao", "Kidal"]


def test_country_wide_protests_and_their_violence_in_the_capital_are_one_event():
    text = (
        "Mass protests across Kenya turned violent this week, with clashes between students and police. "
        "Dozens of people have been killed in the violence, which has seen riot police fire tear gas at "
        "demonstrators in Nairobi."
    )
    demos = [e for e in _events(text) if e.event_type in ("Protests", "Riots")]
    assert len(demos) == 1
    assert {"protests", "killed"} <= set(_triggers(demos[0]))
    assert demos[0].place.name == "Nairobi"


def test_country_wide_strikes_and_a_strike_on_a_town_stay_apart():
    text = "Drone strikes hit Ukraine overnight, officials said. In Kharkiv, a drone strike killed three people."
    strikes = [e for e in _events(text) if e.sub_event_type == "Air/drone strike"]
    assert len(strikes) == 2


def test_a_continent_places_no_event():
    text = (
        "Tens of thousands of people joined a rally in Madrid on Saturday to support Ukraine. "
        '"While some people demonstrate for Europe, we work," the minister said.'
    )
    (rally,) = [e for e in _events(text) if e.sub_event_type == "Peaceful protest"]
    assert rally.place.name == "Madrid"
    assert "demonstrate" in _triggers(rally)


def test_rallies_in_two_towns_stay_apart():
    text = (
        "Thousands of people rallied in Madrid on Saturday against the new law. "
        "In Barcelona, hundreds of students marched on Saturday against the same law."
    )
    rallies = [e for e in _events(text) if e.sub_event_type == "Peaceful protest"]
    assert sorted(e.place.name for e in rallies) == ["Barcelona", "Madrid"]


def test_a_spokesman_read_as_the_attacker_tells_no_side_apart():
    text = (
        "Israeli air strikes hit Hezbollah positions in southern Lebanon on Thursday, the army said. "
        "Army spokesman Daniel Harel said its forces had attacked and raided Hezbollah weapons depots."
    )
    (strike,) = [e for e in _events(text) if e.sub_event_type == "Air/drone strike"]
    assert strike.actor1.name.startswith("Military Forces of Israel")
    assert {"strikes", "attacked", "raided"} <= set(_triggers(strike))


def test_two_named_victims_are_two_attacks():
    text = (
        "Gunmen shot dead journalist Anna Petrenko in Odesa on Friday. "
        "Hours later, gunmen shot dead lawyer Ivan Moroz in Odesa."
    )
    attacks = [e for e in _events(text) if e.sub_event_type == "Attack"]
    assert len(attacks) == 2


def test_the_protests_are_those_told_as_protests_not_a_rally_told_in_between():
    text = (
        "Students protested in Dhaka on Tuesday against job quotas. In Chittagong, workers rallied on "
        "Tuesday for higher wages. The protests were peaceful, officials said."
    )
    by_place = {e.place.name: _triggers(e) for e in _events(text) if e.sub_event_type == "Peaceful protest"}
    assert by_place["Dhaka"] == ["protested", "protests"]
    assert by_place["Chattogram"] == ["rallied"]
