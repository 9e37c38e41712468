"""Session 17: readings found as a user on wire reports written for kronika (no benchmark text)."""

from __future__ import annotations

import pytest

from tests.wire import events_of as _events
from tests.wire import name_of as _name
from tests.wire import one_event as _one


# --- who backs an act is not who does it -------------------------------------------------------


@pytest.mark.parametrize(
    "text, actor",
    [
        (
            "The Congolese army said its troops, backed by Ugandan forces, attacked an ADF camp near Beni "
            "on Monday and killed five of them.",
            "Military Forces of the Democratic Republic of Congo",
        ),
        (
            "Malian soldiers, supported by Russian mercenaries, attacked a militant base near Gao on Sunday.",
            "Military Forces of Mali",
        ),
    ],
)
def test_forces_backed_by_others_are_the_acts_actor(text, actor):
    e = _one(text)
    assert _name(e.actor1) is not None and _name(e.actor1).startswith(actor)


def test_a_killing_backed_by_air_strikes_is_the_ground_forces_fight():
    e = _one(
        "Somali special forces backed by U.S. air strikes killed 30 al-Shabaab fighters in the Lower "
        "Shabelle region on Tuesday, the government said."
    )
    assert e.sub_event_type == "Armed clash"
    assert _name(e.actor1).startswith("Military Forces of Somalia")
    assert _name(e.actor2) == "Al Shabaab"
    assert e.fatalities == 30


def test_air_strikes_that_killed_are_still_the_strike():
    # guard: no backing phrase, the strikes did the killing
    e = _one("U.S. air strikes killed 30 al-Shabaab fighters in the Lower Shabelle region on Tuesday.")
    assert e.sub_event_type == "Air/drone strike"
    assert e.fatalities == 30


# --- police charging a crowd ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Riot police charged a march of students in Dhaka on Thursday, injuring dozens.",
        "Riot police charged protesters who had blocked a road in Nairobi, firing tear gas.",
    ],
)
def test_police_charging_a_crowd_intervene_in_its_protest(text):
    e = _one(text)
    assert e.sub_event_type == "Protest with intervention"
    assert _name(e.actor1).startswith("Protesters")
    assert _name(e.actor2) is not None and _name(e.actor2).startswith("Police Forces")


@pytest.mark.parametrize(
    "text",
    [
        "Police charged 15 protesters with rioting on Monday.",
        "Prosecutors charged the opposition leader with inciting violence.",
    ],
)
def test_a_charge_laid_is_no_event(text):
    assert not _events(text)


# --- names: a group a country's possessive opens, place names with small words --------------------


def test_a_countrys_liberation_army_with_a_known_acronym_is_that_group():
    e = _one(
        "Fighters of Colombia's National Liberation Army (ELN) abducted two soldiers in Arauca on Sunday, "
        "the army said."
    )
    assert _name(e.actor1) == "ELN: National Liberation Army"
    assert _name(e.actor2).startswith("Military Forces of Colombia")


def test_a_countrys_army_is_still_its_forces():
    # guard: no bracketed acronym after the group noun
    e = _one("Colombia's army killed four rebels in Arauca on Sunday.")
    assert _name(e.actor1).startswith("Military Forces of Colombia")


@pytest.mark.parametrize(
    "text, place, iso3",
    [
        (
            "Rebels attacked a police station in the department of Norte de Santander on Thursday.",
            "Norte de Santander",
            "COL",
        ),
        ("Insurgents shot dead four villagers near Mocimboa da Praia on Sunday.", "Mocímboa da Praia", "MOZ"),
    ],
)
def test_a_place_name_keeps_its_small_words(text, place, iso3):
    e = _one(text)
    assert e.place is not None and (e.place.name, e.place.country_iso3) == (place, iso3)


# --- dates: an event told as what came before another -----------------------------------------


def test_an_event_told_days_before_another_is_not_of_its_day():
    events = _events(
        "Rebels abducted two soldiers in Arauca on Sunday, the army said, days after the group attacked a "
        "police station in the town of Tibu.\n\nThe attack on the police station in Tibu on Thursday wounded "
        "three officers, police said.",
        published="2025-03-03",
    )
    attack = [e for e in events if e.place is not None and e.place.name == "Tibú"]
    assert len(attack) == 1 and attack[0].time.value == "2025-02-27"


def test_a_month_of_the_main_clause_still_dates_what_came_before():
    # guard: "in January" spans both the suspension and the offensive before it
    events = _events(
        "The president suspended peace talks with the rebels in January after the group launched an offensive "
        "in Arauca that left 80 people dead.",
        published="2025-03-03",
    )
    offensive = [e for e in events if e.fatalities == 80]
    assert len(offensive) == 1 and offensive[0].time.value == "2025-01"


def test_a_death_after_a_shooting_keeps_the_shootings_day():
    # guard: what follows an act on its day ("died ... after she was shot") dates the act
    e = _one("A former lawmaker died in hospital last Friday after she was shot by a gunman in Lviv.")
    assert e.time is not None and e.time.value == "2025-11-28"


# --- a raid told in a coordinated verb, a toll told for several raids ---------------------------

_RAIDS = (
    "Insurgents kill 11 in raids on northern villages\n\n"
    "PEMBA, Mozambique, March 4 (Wire) - Islamist insurgents killed at least 11 civilians in a series of raids "
    "on villages in Mozambique's northern Cabo Delgado province over the weekend, officials said on Tuesday.\n\n"
    "The attackers, believed to be linked to the Islamic State group, beheaded seven people in the village of "
    "Nanjua on Saturday and shot dead four others near Mocimboa da Praia on Sunday, a district administrator "
    "told reporters."
)


def test_a_raid_told_by_a_coordinated_verb_has_its_own_toll_and_attackers():
    events = _events(_RAIDS, published="2025-03-04")
    shot = [e for e in events if e.trigger.text == "shot"]
    assert len(shot) == 1
    assert shot[0].fatalities == 4
    assert _name(shot[0].actor1) == "Islamic State"


def test_a_toll_told_for_several_raids_then_raid_by_raid_is_not_another_event():
    events = _events(_RAIDS, published="2025-03-04")
    assert sorted(e.fatalities for e in events if e.fatalities) == [4, 7]
    assert sum(e.lead for e in events) == 1


def test_a_toll_that_is_not_the_sum_of_the_raids_told_after_it_stays():
    # guard: 12 is not 7 + 4, so the report tells of more than these two raids
    events = _events(_RAIDS.replace("at least 11", "at least 12").replace("kill 11", "kill 12"), published="2025-03-04")
    assert sorted(e.fatalities for e in events if e.fatalities) == [4, 7, 12]
