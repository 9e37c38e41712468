"""Session 12 (lead): fields of events read as a user would, on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import kronika


def _by_trigger(text: str, published: str = "2024-05-01") -> dict:
    return {e.trigger.text: e for e in kronika.analyze(text, published=published).events}


def test_a_time_inside_another_events_noun_dates_that_noun_only():
    text = (
        "Rebels in Tigray, who denied any role in last month's bombing of a bus station, said government "
        "air strikes killed 12 civilians in Mekelle."
    )
    events = _by_trigger(text)
    assert events["bombing"].time.start_date == dt.date(2024, 4, 1)
    strikes = events["strikes"]
    assert strikes.time.start_date == dt.date(2024, 5, 1)  # the report's day, not the bombing's month
    assert strikes.time.defaulted


def test_a_time_in_a_phrase_of_time_still_dates_the_clause():
    text = "Days before the Independence Day holiday, Russia fired 120 missiles at Ukrainian cities, officials said."
    (event,) = kronika.analyze(text, published="2024-09-01").events
    assert not event.time.defaulted


def test_a_toll_another_noun_killed_is_not_the_toll_of_an_event_in_a_relative_clause():
    text = (
        "Rebels in Tigray, who denied any role in last month's bombing of a bus station, said government "
        "air strikes killed 12 civilians in Mekelle."
    )
    events = _by_trigger(text)
    assert events["bombing"].fatalities is None
    assert events["strikes"].fatalities == 12


def test_a_demonym_left_alone_in_a_by_phrase_names_the_attacker():
    text = "Officials said four villagers were killed by Azerbaijani shelling near the border on Monday."
    (event,) = kronika.analyze(text, published="2024-05-01").events
    assert event.actor1 is not None and event.actor1.country_iso3 == "AZE"


def test_a_gerund_with_a_demonym_names_the_attacker():
    text = "Two children were wounded by Russian shelling in Kherson on Tuesday, the regional governor said."
    (event,) = kronika.analyze(text, published="2024-05-01").events
    assert event.actor1 is not None and event.actor1.country_iso3 == "RUS"


def test_two_countries_attacking_are_two_events_even_under_a_headline():
    text = (
        "Armenia's strike on Azerbaijan\n\n"
        "Armenian forces struck three Azerbaijani positions in Tovuz early on Tuesday, the defence ministry "
        "in Baku said. Armenia meanwhile says two civilians were killed by Azerbaijani shelling in Tavush "
        "province on Tuesday."
    )
    events = kronika.analyze(text, published="2024-05-01").events
    attackers = sorted(e.actor1.country_iso3 for e in events if e.actor1 is not None and e.status == "occurred")
    assert attackers == ["ARM", "AZE"]


def test_fighting_counted_over_weeks_is_no_event_of_its_own():
    text = "The rebels said on Wednesday that they had captured an army base in Shan state after weeks of fighting."
    events = kronika.analyze(text, published="2024-09-18").events
    assert [e.sub_event_type for e in events] == ["Non-state actor overtakes territory"]
    text = "Two days of clashes between rival militias in Tripoli killed 32 people."
    (event,) = kronika.analyze(text, published="2024-09-18").events
    assert event.sub_event_type == "Armed clash" and event.fatalities == 32


def test_a_pronoun_saying_what_it_did_stands_for_the_speaker():
    text = "The rebels said on Wednesday that they had captured an army base in Shan state."
    (event,) = kronika.analyze(text, published="2024-09-18").events
    assert event.sub_event_type == "Non-state actor overtakes territory"
    assert event.actor1 is not None and event.actor1.inter in (2, 3)


def test_a_bare_congo_is_the_democratic_republic_as_the_wires_write_it():
    places = kronika.analyze("Fighting spread across eastern Congo on Sunday.", published="2025-03-03").places
    assert [(p.text, p.country_code) for p in places] == [("Congo", "CD")]
    places = kronika.analyze("Troops arrived in the Republic of Congo on Monday.", published="2025-03-03").places
    assert [p.country_code for p in places] == ["CG"]


def test_what_a_call_asks_for_through_infinitives_is_no_event_unless_it_has_a_day():
    text = "The president urged allies to send more air defences and to allow the army to strike targets inside Russia."
    assert not kronika.analyze(text, published="2024-09-04").events
    text = "Opposition leaders called for protests to continue in Caracas on Tuesday."
    (event,) = kronika.analyze(text, published="2024-07-30").events
    assert event.sub_event_type == "Peaceful protest" and event.status == "planned"


def test_a_past_act_the_parse_hangs_on_a_demand_was_done():
    text = "Gunmen kidnapped a Nigerian engineer from his car in Kaduna; the gang is demanding a ransom, police said."
    (event,) = kronika.analyze(text, published="2024-09-04").events
    assert event.sub_event_type == "Abduction/forced disappearance" and event.status == "occurred"


def test_the_toll_of_the_main_clause_is_not_the_toll_of_an_as_clause_or_of_a_total_since():
    text = (
        "Israeli airstrikes on southern Lebanon killed at least 22 people on Monday, the Health Ministry said, "
        "as Hezbollah fired dozens of rockets at Haifa."
    )
    events = _by_trigger(text, "2024-10-14")
    assert events["airstrikes"].fatalities == 22
    assert events["fired"].fatalities is None
    text = "More than 2,300 people have been killed in Lebanon since Hezbollah began firing rockets into Israel on Oct. 8, 2023."
    assert all(e.fatalities is None for e in kronika.analyze(text, published="2024-10-14").events)


def test_a_strike_that_flattened_a_building_killing_people_is_one_event():
    text = "The strike flattened a house in Jabalia on Monday, killing nine members of one family."
    (event,) = kronika.analyze(text, published="2024-10-14").events
    assert event.sub_event_type == "Air/drone strike" and event.fatalities == 9


def test_a_demonym_does_not_place_a_town_the_gazetteer_does_not_know():
    text = "An Israeli strike hit a building in the village of Qarnata, killing 18 people, the ministry said."
    (event,) = kronika.analyze(text, published="2024-10-14").events
    assert event.place is None or event.place.country_code != "IL"


def test_a_sponsor_joined_by_a_hyphen_is_no_place():
    text = "Iran-backed militias fired rockets at a base in the village of Qarnata on Sunday."
    places = kronika.analyze(text, published="2024-10-14").places
    assert [p.role for p in places if p.text == "Iran"] == ["demonym"]
    (event,) = kronika.analyze(text, published="2024-10-14").events
    assert event.place is None or event.place.country_code != "IR"


def test_killing_soldiers_in_an_attack_is_a_battle():
    text = "Jihadists kill dozens of soldiers in Niger attack"
    (event,) = kronika.analyze(text, published="2024-08-26").events
    assert event.sub_event_type == "Armed clash"


def test_a_name_before_rebels_or_fighters_qualifies_them():
    text = "The army suffered heavy losses in fighting with Tuareg rebels near the border with Algeria last week."
    places = kronika.analyze(text, published="2024-08-26").places
    assert all(p.role != "location" for p in places if p.text == "Tuareg")


def test_a_town_on_a_road_between_two_towns_is_a_place():
    text = "On Sunday, a roadside bomb hit a bus on the road between Djibo and Namsiguia, killing seven passengers."
    (event,) = kronika.analyze(text, published="2024-08-26").events
    assert event.place is not None and event.place.name == "Djibo"


def test_an_act_told_elsewhere_in_a_clause_of_time_is_another_event():
    text = (
        "An Israeli air strike on a school in Deir al-Balah killed at least 30 people on Saturday, health "
        "officials said. The Israeli military said it had targeted a Hamas command centre inside the school. "
        "Elsewhere, two people were killed when a drone fired a missile at a group of residents in Khan Younis, "
        "medics said."
    )
    events = kronika.analyze(text, published="2024-07-27").events
    khan_younis = [e for e in events if e.place is not None and e.place.name == "Khān Yūnis"]
    assert len(khan_younis) == 1 and khan_younis[0].fatalities == 2
    assert khan_younis[0].trigger.text != "targeted"  # not the school strike told by the army


def test_a_town_under_the_spelling_the_wires_use_is_the_town():
    places = kronika.analyze("Strikes hit the port of Hodeidah on Saturday.", published="2024-07-27").places
    assert [(p.level, p.country_code) for p in places] == [("populated_place", "YE")]
    text = "Families sheltered in a school in Deir al-Balah on Saturday."
    places = kronika.analyze(text, published="2024-07-27").places
    assert [p.level for p in places if p.text == "Deir al-Balah"] == ["populated_place"]


def test_a_toll_told_across_the_country_is_placed_at_the_country():
    text = (
        "NAIROBI, June 25 (Reuters) - Kenyan police fired tear gas at protesters in Nairobi on Tuesday.\n\n"
        "Amnesty International said 13 people had been shot dead across the country."
    )
    events = kronika.analyze(text, published="2024-06-25").events
    shot = [e for e in events if e.fatalities == 13]
    assert len(shot) == 1 and shot[0].place is not None and shot[0].place.level == "country"
    assert shot[0].place.country_code == "KE"


def test_the_police_who_intervened_in_a_violent_demonstration_are_its_second_actor():
    text = (
        "Kenyan police fired tear gas and live rounds at protesters who stormed parliament in Nairobi on "
        "Tuesday, killing at least five people."
    )
    (event,) = kronika.analyze(text, published="2024-06-25").events
    assert event.sub_event_type == "Violent demonstration"
    assert event.actor1.name == "Rioters (Kenya)"
    assert event.actor2 is not None and event.actor2.name.startswith("Police Forces of Kenya")


def test_a_known_group_after_a_countrys_possessive_is_that_group():
    text = "Sudan's paramilitary Rapid Support Forces killed more than 100 people in a village on Wednesday."
    (event,) = kronika.analyze(text, published="2024-06-06").events
    assert event.actor1 is not None and event.actor1.name == "Rapid Support Forces"
    text = "Israel's Defense Forces struck a building in Gaza on Tuesday."
    (event,) = kronika.analyze(text, published="2024-06-06").events
    assert event.actor1 is not None and event.actor1.name.startswith("Military Forces of Israel")


def test_a_massacre_told_as_a_toll_and_as_shelling_in_an_unknown_village_is_one_event():
    text = (
        "RSF kills over 100 in attack on village in Sudan\n\n"
        "Sudan's paramilitary Rapid Support Forces killed more than 100 people in an attack on a village in "
        "Sudan on Wednesday, activists said. The activists said the RSF attacked the village of Wad Kabo twice "
        "with heavy artillery."
    )
    events = [e for e in kronika.analyze(text, published="2024-06-06").events if e.status == "occurred"]
    assert len(events) == 1
    assert events[0].fatalities == 100 and events[0].actor1.name == "Rapid Support Forces"


def test_an_event_one_side_reports_and_the_other_denies_is_one_disputed_event():
    text = (
        "Rebels said government troops shelled the market in Kalemie on Monday, killing six people. "
        "The army denied shelling the market."
    )
    (event,) = kronika.analyze(text, published="2024-10-02").events
    assert event.status == "occurred" and event.disputed
    assert event.fatalities == 6 and len(event.mentions) == 1
    (denied,) = kronika.analyze(
        "The army denied shelling the market in Kalemie on Monday.", published="2024-10-02"
    ).events
    assert denied.status == "denied" and not denied.disputed


def test_a_drone_that_fires_a_missile_makes_an_air_strike():
    text = "An Israeli drone fired a missile at a car in Tyre on Monday, killing two people."
    (event,) = kronika.analyze(text, published="2024-07-27").events
    assert event.sub_event_type == "Air/drone strike"
    text = "Russia launched 40 missiles and 20 drones at Kyiv overnight."
    (event,) = kronika.analyze(text, published="2024-07-27").events
    assert event.sub_event_type == "Shelling/artillery/missile attack"  # the first weapon launched decides
