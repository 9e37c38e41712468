"""Session 16: readings found as a user on wire reports written for kronika (no benchmark text)."""

from __future__ import annotations

import pytest

import kronika

PUBLISHED = "2025-12-03"


def _events(text: str, published: str = PUBLISHED):
    return kronika.analyze(text, published=published).events


def _one(text: str):
    events = _events(text)
    assert len(events) == 1, [(e.sub_event_type, e.trigger.text) for e in events]
    return events[0]


def _name(actor) -> str | None:
    return actor.name if actor is not None else None


# --- ground taken: a town entered by name ------------------------------------------------------


@pytest.mark.parametrize(
    "text, town",
    [
        ("M23 rebels entered Goma on Monday after days of fighting with the Congolese army, residents said.", "Goma"),
        ("Islamist fighters marched into Kidal on Sunday, residents said.", "Kidal"),
        ("Islamist fighters marched into the town of Menaka on Sunday, residents said.", "Ménaka"),
    ],
)
def test_an_armed_group_entering_a_named_town_takes_it(text, town):
    e = _one(text)
    assert e.sub_event_type == "Non-state actor overtakes territory"
    assert e.place is not None and e.place.name == town


def test_a_town_entered_unopposed_changes_hands_without_a_fight():
    e = _one("Rebels entered Bukavu unopposed on Sunday, residents said.")
    assert e.sub_event_type == "Non-violent transfer of territory"


@pytest.mark.parametrize(
    "text",
    [
        "The militia's fighters entered Chad on Friday, officials said.",  # a country: no ground taken
        "Tourists entered Goma on Monday after the border reopened.",  # no armed group
        "Soldiers marched into Parliament on Monday.",  # no town
    ],
)
def test_entering_a_country_or_a_building_is_no_takeover(text):
    assert not [e for e in _events(text) if e.event_type == "Strategic developments" or "territory" in e.sub_event_type]


def test_protesters_marching_into_a_city_still_protest():
    e = _one("Thousands of protesters marched into the city centre on Sunday.")
    assert e.sub_event_type == "Peaceful protest"


# --- direct fire in a ground fight -------------------------------------------------------------


@pytest.mark.parametrize(
    "text, attacker, target",
    [
        (
            "Hamas fighters fired anti-tank missiles at an Israeli tank in Khan Younis on Sunday, the group said.",
            "Hamas",
            "Israel",
        ),
        ("Insurgents fired an RPG at a police convoy in Kandahar on Tuesday.", "Unidentified Armed Group", "Police"),
    ],
)
def test_weapons_fired_straight_at_forces_are_a_clash(text, attacker, target):
    e = _one(text)
    assert e.sub_event_type == "Armed clash"
    assert attacker in _name(e.actor1)
    assert target in _name(e.actor2)


def test_rockets_fired_at_an_army_post_stay_a_shelling():
    e = _one("Hezbollah fired rockets at an Israeli army post near Metula on Monday.")
    assert e.sub_event_type == "Shelling/artillery/missile attack"


def test_a_weapons_name_is_no_organisation():
    an = kronika.analyze("Insurgents fired an RPG at a police convoy in Kandahar on Tuesday.", published=PUBLISHED)
    assert not [a for a in an.actors if a.name == "RPG"]


# --- who a relative clause's "which" is ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Blinken confirmed contact with Hayat Tahrir al-Sham (HTS), which has taken control of the Syrian capital, "
        "Damascus.",
        "The US is in contact with HTS, the Islamist movement that led the campaign to overthrow Bashar al-Assad, "
        "and which has taken control of the Syrian capital, Damascus.",
    ],
)
def test_which_stands_for_the_group_it_follows(text):
    e = _one(text)
    assert e.sub_event_type == "Non-state actor overtakes territory"
    assert _name(e.actor1) == "HTS: Hayat Tahrir al-Sham"
    assert e.place is not None and e.place.name == "Damascus"


def test_a_name_before_its_bracketed_acronym_is_the_dictionary_group():
    an = kronika.analyze("Hayat Tahrir al-Sham (HTS) said on Monday it would form a government.", published=PUBLISHED)
    assert [a.name for a in an.actors if "Tahrir" in a.name or "HTS" in a.name][0] == "HTS: Hayat Tahrir al-Sham"


# --- an "until" is the end of a span, never an event's day --------------------------------------


def test_an_until_time_is_no_events_date():
    text = (
        "After entering Damascus with other rebel factions, HTS appointed a caretaker prime minister to oversee "
        "an interim government until March."
    )
    e = next(e for e in _events(text, "2024-12-14") if e.trigger.text == "entering")
    assert e.time is not None and e.time.start_date.isoformat() != "2025-03-01"
    assert not e.background


def test_an_until_of_the_events_own_clause_still_dates_it():
    e = _one("Organisers postponed the rally until next month.")
    assert e.status == "planned" and e.time.start_date.isoformat() == "2026-01-01"


# --- a toll told just after the killing it counts -----------------------------------------------


def test_a_bare_toll_right_after_a_killing_is_its_count():
    text = (
        "KHARTOUM (Reuters) - The RSF killed hundreds of people in Ardamata last week, residents said. "
        "At least 800 people had been killed, the UN said on Friday."
    )
    e = _one(text)
    assert _name(e.actor1) == "Rapid Support Forces"
    assert e.place is not None and "rdamat" in e.place.name


def test_a_toll_after_an_attack_that_counted_none_stays_apart():
    text = (
        "Gunmen attacked a convoy near Gao on Monday, the army said. "
        "Separately, at least 12 people were killed in Timbuktu on Tuesday, officials said."
    )
    assert len(_events(text)) == 2
