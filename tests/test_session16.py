"""Session 16: readings found as a user on wire reports written for kronika (no benchmark text)."""

from __future__ import annotations

import pytest

import kronika
from tests.wire import PUBLISHED
from tests.wire import events_of as _events
from tests.wire import name_of as _name
from tests.wire import one_event as _one


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


# --- who did it: a separate incident, "the group", the accused -----------------------------------


def test_gunmen_told_apart_are_not_the_group_named_before():
    text = (
        "A faction of the Pakistani Taliban, known as Tehreek-e-Taliban Pakistan (TTP), attacked a police post "
        "in Bannu on Tuesday, killing four policemen. In a separate incident, gunmen shot dead two polio workers "
        "in the Khyber district, police said."
    )
    e = next(e for e in _events(text) if e.trigger.text == "shot")
    assert _name(e.actor1) == "Unidentified Armed Group (Pakistan)"
    assert _name(e.actor2) == "Civilians (Pakistan)"
    assert e.fatalities == 2


def test_the_group_is_the_armed_group_the_report_named():
    text = (
        "U.S. forces struck Houthi radar sites in Yemen on Thursday, the U.S. military said, a day after the "
        "Iran-aligned group hit a Greek-owned cargo ship in the Gulf of Aden."
    )
    e = next(e for e in _events(text, "2025-08-21") if e.trigger.text == "hit")
    assert _name(e.actor1) == "Houthis (Ansar Allah)"


def test_a_place_named_in_a_reason_clause_is_not_the_events():
    e = _one(
        "The Houthis said they had targeted the ship because its owner had violated a ban on entering Israeli ports."
    )
    assert e.place is None or e.place.country_code != "IL"


def test_a_name_with_its_known_acronym_in_brackets_is_the_dictionary_group():
    e = _one(
        "Guerrillas from the National Liberation Army (ELN) attacked a military base in Arauca on Sunday, killing two soldiers."
    )
    assert _name(e.actor1) == "ELN: National Liberation Army"


@pytest.mark.parametrize(
    "text, side1, side2",
    [
        ("Fighting between the ELN and FARC dissidents killed 80 people in Arauca in January.", "ELN", "FARC"),
        ("Clashes between the ELN and the army killed 8 people in Arauca.", "ELN", "Military Forces of Colombia"),
    ],
)
def test_the_sides_of_a_fight_between_two_are_its_actors_not_its_dead(text, side1, side2):
    e = _one(text)
    assert e.sub_event_type == "Armed clash"
    assert side1 in _name(e.actor1) and side2 in _name(e.actor2)


def test_the_accused_did_the_act():
    e = _one("The army accused the rebels of killing 12 villagers in Beni on Monday.")
    assert _name(e.actor1) == "Unidentified Armed Group (Democratic Republic of Congo)"
    assert e.fatalities == 12


def test_an_accusation_of_a_kind_of_act_is_no_event():
    events = _events("The government suspended talks on Friday, accusing the group of killing civilians in the region.")
    assert not [e for e in events if e.sub_event_type == "Attack"]


def test_an_accusation_of_one_act_stays_an_event():
    text = "Prison guards in Bukavu central jail were accused of raping female inmates during the riot, the UN said."
    assert [e for e in _events(text) if e.sub_event_type == "Sexual violence"]


def test_a_headline_kill_joins_the_attack_its_body_tells():
    text = (
        "ELN rebels kill two soldiers in attack on Colombian army base\n\n"
        "BOGOTA (AP) — Guerrillas from the National Liberation Army (ELN) attacked a military base in Colombia's "
        "Arauca province with explosives-laden drones on Sunday, killing two soldiers, the army said."
    )
    e = _one(text)
    assert e.place is not None and "Arauca" in e.place.name


# --- a raid that killed and abducted; tolls of bandits; what is common is no event ---------------


def test_a_raid_that_killed_and_abducted_is_an_attack():
    e = _one(
        "Armed bandits killed 14 people and abducted at least 40 others in an overnight raid on a village in Zamfara state."
    )
    assert e.sub_event_type == "Attack" and e.fatalities == 14


def test_bandits_killed_in_air_strikes_are_counted():
    e = _one(
        "The military said on Tuesday its aircraft had killed 23 bandits in airstrikes on their hideouts in Zamfara."
    )
    assert e.sub_event_type == "Air/drone strike" and e.fatalities == 23


@pytest.mark.parametrize(
    "text",
    [
        "Kidnapping for ransom has become rampant in northwest Nigeria.",
        "Attacks on aid workers are frequent in the region.",
    ],
)
def test_a_kind_of_act_said_to_be_common_is_no_event(text):
    assert not _events(text)


def test_the_sides_a_verb_tells_are_its_subjects_and_its_dead_its_toll():
    text = (
        "Fierce clashes erupted on Thursday between Syrian government security forces and gunmen loyal to "
        "Bashar al-Assad in the coastal province of Latakia, killing at least 48 people, a war monitor said."
    )
    e = _one(text)
    assert e.sub_event_type == "Armed clash" and e.fatalities == 48
    assert "Syria" in _name(e.actor1) and _name(e.actor2) == "Unidentified Armed Group (Syria)"


# --- deals in force, series, policies; one strike told twice ------------------------------------


def test_a_truce_taking_effect_as_a_setting_is_no_agreement():
    assert not _events("Hezbollah has not fired at Israel since the ceasefire took effect.")


def test_a_truce_taking_effect_on_a_day_stays_the_agreement():
    e = _one("No major fighting has occurred in the region since the truce took hold on March 3.")
    assert e.sub_event_type == "Agreement" and e.time.start_date.isoformat() == "2025-03-03"


def test_a_string_of_attacks_is_not_dated_by_a_relative_clause():
    text = (
        "An Israeli drone strike on a car near Nabatieh killed three people on Sunday, the latest in a string of "
        "Israeli attacks despite a ceasefire that ended the war with Hezbollah last November."
    )
    assert [e.trigger.text for e in _events(text, "2025-06-25")] == ["strike"]


def test_what_a_side_says_it_is_targeting_is_no_event():
    text = "Israel has carried out near-daily strikes in Lebanon, saying it is targeting Hezbollah members and sites."
    assert not _events(text)


def test_strikes_told_in_the_present_progressive_stay_events():
    e = _one("Israeli jets are striking Hezbollah positions in south Lebanon, the army said on Monday.")
    assert e.sub_event_type == "Air/drone strike"


# --- protests: a peaceful march beside a riot, stones thrown at police, arrests -----------------


def test_a_march_told_peaceful_is_a_peaceful_protest_whatever_the_sentence_tells_elsewhere():
    text = (
        "In the western city of Kisumu, protesters burned tyres and blocked roads, while in Mombasa hundreds "
        "marched peacefully to the county offices."
    )
    e = next(e for e in _events(text) if e.place is not None and e.place.name == "Mombasa")
    assert e.sub_event_type == "Peaceful protest"


def test_police_hurt_with_stones_in_a_protest_report_is_the_protest_not_a_battle():
    text = (
        "Kenyan police fired tear gas at thousands of protesters in central Nairobi on Tuesday. "
        "Police arrested at least 50 people in Nairobi, the interior minister said, adding that officers had been "
        "attacked with stones."
    )
    events = _events(text)
    assert not [e for e in events if e.sub_event_type in ("Armed clash", "Arrests")]
    assert events[0].sub_event_type == "Violent demonstration"


def test_the_group_a_sponsor_describes_is_the_group_the_report_named():
    text = (
        "Al Shabaab militants fired several mortar rounds at Mogadishu's airport compound on Saturday, wounding "
        "three people, police said.\n\nThe al Qaeda-linked group said in a statement that it had targeted "
        '"the headquarters of the invading forces".'
    )
    e = _one(text)
    assert _name(e.actor1) == "Al Shabaab"


def test_forces_destroying_drones_over_a_region_stop_weapons_in_flight():
    e = _one(
        "Russia's defence ministry said its forces had destroyed 40 Ukrainian drones over the Belgorod region overnight."
    )
    assert e.sub_event_type == "Disrupted weapons use"
    assert "Russia" in _name(e.actor1) and "Ukraine" in _name(e.actor2)


# --- subdivisions named together before a plural term ---------------------------------------------


@pytest.mark.parametrize(
    "text, regions",
    [
        ("Drones were destroyed over the Belgorod and Kursk regions overnight.", ["Belgorod Oblast", "Kursk Oblast"]),
        (
            "Russian strikes hit the Kharkiv, Sumy and Chernihiv regions on Monday.",
            ["Kharkiv Oblast", "Sumy Oblast", "Chernihiv Oblast"],
        ),
    ],
)
def test_regions_named_before_a_plural_term_are_regions_and_one_event_each(text, regions):
    assert [e.place.name for e in _events(text)] == regions


def test_a_possessive_before_coordinated_provinces_stays_its_country():
    an = kronika.analyze("Floods hit China's Hunan and Hubei provinces on Monday.", published=PUBLISHED)
    assert [p.name for p in an.places] == ["China", "Hunan Sheng", "Hubei Sheng"]


def test_a_verb_states_is_no_plural_term():
    an = kronika.analyze("Arlene Boon states that the plan failed.", published=PUBLISHED)
    assert not an.places


def test_an_attack_on_a_country_is_placed_where_it_killed():
    text = (
        "Russia launched a massive drone and missile attack on Ukraine overnight, killing two people in the "
        "northeastern city of Kharkiv, officials said."
    )
    e = _one(text)
    assert e.place is not None and e.place.name == "Kharkiv" and e.fatalities == 2


def test_an_attack_on_a_country_with_no_town_stays_the_country():
    e = _one("Russia launched drones at Ukraine overnight, officials said.")
    assert e.place is not None and e.place.name == "Ukraine"


def test_a_claim_for_the_attack_on_a_later_day_is_that_attack():
    text = (
        "Islamist militants attacked an army post in Djibo in northern Burkina Faso on Thursday, killing 15 "
        "soldiers, security sources said on Friday.\n\nThe al Qaeda affiliate JNIM claimed responsibility for "
        "the attack on Friday."
    )
    e = _one(text)
    assert _name(e.actor1) == "JNIM: Group for Support of Islam and Muslims"
    assert e.time.start_date.isoformat() == "2025-11-27"


def test_attackers_who_struck_a_village_raided_it():
    e = next(
        e
        for e in _events("The attackers struck Mayikengo village, about 20 km north of Beni, late on Sunday.")
        if e.trigger.text == "struck"
    )
    assert e.sub_event_type == "Attack"
    assert e.actor2 is not None and e.actor2.name == "Civilians (Democratic Republic of Congo)"  # not the village
