"""Session 15: readings found as a user on wire reports written for kronika (no benchmark text)."""

from __future__ import annotations

import pytest

import kronika
from tests.wire import PUBLISHED
from tests.wire import events_of as _events
from tests.wire import name_of as _name
from tests.wire import one_event as _one


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday, the army said its aircraft had struck RSF positions east of El Fasher.",
        "The army said its drones had hit RSF positions near El Fasher on Monday.",
    ],
)
def test_a_speakers_own_weapons_are_the_speakers(text):
    # "its" points back at the army that speaks, not at the last attacker the report named
    events = _events("Sudan's paramilitary RSF shelled a camp near El Fasher on Monday, killing 9.\n\n" + text)
    e = next(e for e in events if e.sub_event_type == "Air/drone strike")
    assert _name(e.actor2) == "Rapid Support Forces"
    assert "Sudan" in _name(e.actor1) and "Military Forces" in _name(e.actor1)


def test_a_possessive_with_no_speaker_still_points_back():
    events = _events("The militants attacked an army post near Djibo on Sunday. Their fighters then shelled Kaya.")
    assert events and all(_name(e.actor1) != "Military Forces of Burkina Faso (2022-)" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "The Iraqi Counter-Terrorism Service (CTS) Arabic spokesman Saad Maan said its forces had raided hideouts near Mosul.",
        "The ministry's Arabic spokesman said troops raided hideouts near Mosul.",
    ],
)
def test_a_language_is_no_actor(text):
    an = kronika.analyze(text, published=PUBLISHED)
    assert all(a.name != "Arabic" for a in an.actors)


@pytest.mark.parametrize(
    "text",
    [
        "Israeli troops detained 22 Palestinians in raids across the occupied West Bank overnight, a prisoners' group said.",
        "Soldiers arrested 40 men during a raid on the village of Tawila on Sunday.",
    ],
)
def test_a_raid_that_only_sets_an_arrest_is_the_arrest(text):
    e = _one(text)
    assert e.sub_event_type == "Arrests"


def test_people_counted_as_arrested_are_civilians():
    e = _one("Israeli troops detained 22 Palestinians in raids across the occupied West Bank overnight.")
    assert _name(e.actor2) == "Civilians (Palestine)"


def test_a_raid_that_killed_stays_its_own_event():
    types = [
        e.sub_event_type for e in _events("Troops killed three men in a raid on Jenin on Sunday and arrested five.")
    ]
    assert "Arrests" in types and len(types) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Negotiations in Doha on a truce stalled on Thursday.",
        "The ceasefire was holding on Thursday, residents said.",
        "The truce in the north has largely held, officials said.",
        "Russian drones hit Odesa as ceasefire talks stall",
    ],
)
def test_a_stalled_or_lasting_deal_is_no_agreement(text):
    assert all(e.sub_event_type != "Agreement" for e in _events(text))


def test_a_deal_agreed_on_a_day_is_still_an_agreement():
    assert [e.sub_event_type for e in _events("The two sides agreed a truce in Doha on Thursday.")] == ["Agreement"]


def test_in_exchange_for_is_part_of_the_freeing():
    events = _events(
        "Mediators are trying to broker a deal that would release soldiers held by the rebels in exchange for jailed fighters."
    )
    assert [e.status for e in events if e.sub_event_type == "Agreement"] in ([], ["hypothetical"])


def test_an_exchange_told_as_a_noun_stays_an_agreement():
    events = _events("The first phase saw the release of 30 hostages in exchange for 600 prisoners.")
    assert [e.sub_event_type for e in events] == ["Agreement"]


def test_neutralised_in_air_strikes_is_one_air_strike():
    e = _one("The army said it had neutralised dozens of terrorists in air strikes near the town of Djibo on Friday.")
    assert e.sub_event_type == "Air/drone strike"


def test_neutralised_alone_is_a_clash():
    assert _one("Troops neutralised 14 terrorists near Djibo on Friday.").sub_event_type == "Armed clash"


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("Four soldiers and dozens of militants were killed in the fighting near Kaya on Sunday.", 16),
        ("Gunmen killed six villagers and two soldiers in an attack on Kaya on Sunday.", 8),
        ("The attack killed 20 people, including six children, in Kaya on Sunday.", 20),
    ],
)
def test_conjoined_counts_of_one_toll_add_up(text, dead):
    assert _one(text).fatalities == dead


def test_a_separate_incident_takes_no_attacker_from_the_one_before():
    events = _events(
        "The army said it had struck militant positions near Djibo on Thursday.\n\n"
        "In a separate incident on Friday, a roadside bomb hit a bus near Kaya, killing four passengers."
    )
    bomb = next(e for e in events if e.sub_event_type == "Remote explosive/landmine/IED")
    assert bomb.actor1 is None


def test_a_bomb_told_next_still_takes_the_last_attacker():
    events = _events(
        "Al-Shabaab fighters attacked a police post near Kismayo on Thursday.\n\n"
        "A roadside bomb then hit a police truck near the post, killing four officers."
    )
    bomb = next(e for e in events if e.sub_event_type == "Remote explosive/landmine/IED")
    assert bomb.actor1 is not None and "Shabaab" in bomb.actor1.name


def test_a_strike_is_placed_by_its_own_verb_not_the_next_clause():
    # the small model hangs "killed" on "strikes" as a participle and "strikes" on "said"
    e = _one(
        "Israeli air strikes killed at least 19 Palestinians across the Gaza Strip on Wednesday, medics said, "
        "as talks in Cairo on a truce stalled."
    )
    assert e.sub_event_type == "Air/drone strike"
    assert e.place is not None and e.place.country_code == "PS"


@pytest.mark.parametrize(
    "text",
    [
        "Russia has since seized about a fifth of the country's territory.",
        "The rebels have since taken control of dozens of villages in the east.",
    ],
)
def test_what_has_added_up_since_is_no_event(text):
    assert not _events(text)


def test_one_place_taken_since_is_still_an_event():
    types = [e.sub_event_type for e in _events("Russian forces have since captured the village of Novoselivka.")]
    assert types == ["Non-state actor overtakes territory"]


def test_the_attackers_killed_are_the_attacks_dead():
    e = _one(
        "Militants ambushed a police convoy in North Waziristan late Friday, killing nine officers, police said. "
        "Officers returned fire and killed six attackers, they said."
    )
    assert e.sub_event_type == "Armed clash" and e.fatalities == 15
    assert e.actor2 is not None and "Police" in e.actor2.name


def test_two_of_the_attackers_killed_join_the_attack():
    e = _one(
        "Gunmen attacked a church in Zaria on Sunday, killing four worshippers. Police said officers killed two of the attackers."
    )
    assert e.fatalities == 6


def test_weapons_destroyed_by_air_defences_are_disrupted():
    events = _events(
        "Kyiv said its drones had hit an oil depot in Russia's Bryansk region overnight. "
        "Russia's defence ministry said its air defence systems had destroyed 41 Ukrainian drones overnight."
    )
    stopped = [e for e in events if e.sub_event_type == "Disrupted weapons use"]
    assert len(stopped) == 1 and "Russia" in _name(stopped[0].actor1)


def test_a_strike_that_destroyed_stored_drones_is_no_interception():
    types = [
        e.sub_event_type
        for e in _events("A Russian strike destroyed drones stored in a warehouse near Kyiv on Monday.")
    ]
    assert "Disrupted weapons use" not in types


def test_the_centre_of_a_city_is_the_city_not_its_region():
    events = _events(
        "A Russian missile hit a block of flats in the centre of Zaporizhzhia on Monday, killing three people.\n\n"
        "Russian forces captured the village of Novoselivka in the Zaporizhzhia region, the ministry said."
    )
    strike = next(e for e in events if e.sub_event_type == "Shelling/artillery/missile attack")
    assert strike.place is not None and strike.place.level == "populated_place"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "M23 rebels entered the town of Kamanyola on Sunday after government troops withdrew.",
            "Non-state actor overtakes territory",
        ),
        (
            "Jihadist fighters entered the town unopposed on Sunday after the soldiers left.",
            "Non-violent transfer of territory",
        ),
    ],
)
def test_armed_men_entering_a_town_take_it(text, kind):
    assert [e.sub_event_type for e in _events(text)] == [kind]


def test_people_entering_a_town_take_nothing():
    assert not _events("Residents entered the town on Sunday after the floods receded.")


def test_a_campaigns_dead_are_not_one_capture_s_toll():
    e = _one(
        "The rebels took control of Bunia last month in an offensive that the government says killed some 2,000 people."
    )
    assert e.fatalities is None


def test_a_month_before_publication_is_background():
    events = _events(
        "Al-Shabaab fighters attacked an army base near Kismayo on Thursday, killing six soldiers.\n\n"
        "Last month, gunmen attacked a clinic in Kismayo, forcing it to close.",
        published="2024-10-04",
    )
    clinic = next(e for e in events if e.sentence == 1)
    assert clinic.background


def test_the_capital_is_the_capital_of_the_one_country_of_the_report():
    events = _events(
        "Gangs attacked the town of Mirebalais in Haiti on Thursday, killing 20 people.\n\n"
        "Last month, gang members attacked a hospital in the capital, forcing it to close.",
        published="2024-10-04",
    )
    hospital = next(e for e in events if e.background)
    assert hospital.place is not None and hospital.place.name == "Port-au-Prince"


def test_a_demonym_names_the_capitals_country():
    an = kronika.analyze("Thousands marched through the Sudanese capital on Friday.", published=PUBLISHED)
    assert [p.name for p in an.places if p.role == "location"] == ["Khartoum"]


@pytest.mark.parametrize(
    "text",
    [
        "Protesters marched in the capital, Sanaa, on Friday. Police blocked roads in Aden.",
        "Drones heading towards the capital were shot down over Bryansk, Russia said, after strikes on Kharkiv.",
        "The war-time capital of the army was hit by drones on Sunday, officials in Port Sudan said.",
        "The court handed down capital punishment to two men in Lahore on Monday.",
    ],
)
def test_a_capital_named_qualified_or_of_two_countries_is_left_alone(text):
    an = kronika.analyze(text, published=PUBLISHED)
    places = [p for p in an.places if "capital" in p.text.lower()]
    assert not places


def test_arrests_at_a_protest_are_part_of_it():
    events = _events(
        "Police fired tear gas at thousands of protesters in central Kampala on Thursday. "
        "Protesters threw stones at officers. At least 40 people were arrested.\n\n"
        "In Gulu, hundreds of demonstrators marched peacefully through the streets.",
        published="2024-07-25",
    )
    assert [e.sub_event_type for e in events if e.sub_event_type == "Arrests"] == []
    kampala = next(e for e in events if e.place is not None and e.place.name == "Kampala")
    gulu = next(e for e in events if e.place is not None and e.place.name == "Gulu")
    assert len(kampala.mentions) >= 2 and gulu.sub_event_type == "Peaceful protest"


def test_a_named_persons_arrest_stays_its_own():
    events = _events(
        "Hundreds of protesters marched in Kampala on Thursday. Police arrested opposition leader Bobi Wine in Kampala.",
        published="2024-07-25",
    )
    assert "Arrests" in [e.sub_event_type for e in events]


def test_a_headline_of_police_firing_on_a_crowd_is_the_protest_its_body_tells():
    events = _events(
        "Ugandan police fire tear gas at protesters in Kampala\n\n"
        "KAMPALA, July 25 (Reuters) - Ugandan police fired tear gas at hundreds of protesters in central Kampala "
        "on Thursday. Protesters threw stones at police and burned tyres.",
        published="2024-07-25",
    )
    assert len(events) == 1


def test_a_ship_hit_at_sea_and_off_a_port_is_one_attack_and_a_second_ship_another():
    events = _events(
        "Yemen's Houthis said on Wednesday they had attacked a cargo ship in the Red Sea with drone boats.\n\n"
        "A maritime security agency said the vessel was hit by an unmanned surface craft about 60 nautical miles "
        "west of the Yemeni port of Mokha.\n\n"
        "A Houthi spokesman said the group had also fired a ballistic missile at a second ship in the Gulf of Aden.",
        published="2024-06-12",
    )
    assert len([e for e in events if e.event_type == "Explosions/Remote violence"]) == 2


def test_a_town_named_miles_off_is_near_it():
    an = kronika.analyze("A tanker was hit 40 nautical miles west of the port of Mokha on Monday.", published=PUBLISHED)
    mokha = next(p for p in an.places if p.text == "Mokha")
    assert mokha.geo_precision == 2


def test_another_strike_at_the_same_spot_stays_one_event():
    events = _events(
        "The army said it struck two men operating a drone near Khan Younis on Saturday. "
        "It said it launched another strike at a group of people who came to collect the drone.",
        published="2025-03-16",
    )
    assert len([e for e in events if e.event_type == "Explosions/Remote violence"]) == 1


def test_police_who_say_they_killed_are_the_killers():
    events = _events(
        "Gangs attacked the town of Mirebalais in Haiti on Thursday, killing 20 people.\n\n"
        "Police said they had killed three gang members in a shootout on Friday.",
        published="2024-10-05",
    )
    shootout = next(e for e in events if e.sentence == 1)
    assert _name(shootout.actor1) is not None and "Police Forces of Haiti" in _name(shootout.actor1)


@pytest.mark.parametrize(
    "arrest",
    ["Police arrested him at his home in Kampala.", "Police arrested the union leader in Kampala."],
)
def test_one_persons_arrest_on_a_protest_day_stays_its_own(arrest):
    events = _events(
        f"Hundreds of traders marched in Kampala on Thursday against new taxes. {arrest}", published="2024-07-25"
    )
    assert "Arrests" in [e.sub_event_type for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "More than 300 fighters and about 50 civilians have been killed in southern Lebanon since October, a tally shows.",
        "The army has been fighting the Fano militia in Amhara since last year.",
    ],
)
def test_a_perfect_since_long_ago_is_no_event(text):
    assert not _events(text, published="2024-03-05")


def test_a_perfect_since_a_recent_day_still_is_one():
    assert _events("Six people have been killed in Kharkiv since Sunday, officials said.", published="2024-03-05")


def test_the_dead_of_an_operation_are_not_the_toll_of_the_attack_it_answered():
    events = _events(
        "Burkina Faso's army said on Monday it had killed around 30 terrorists in ground operations after jihadists "
        "attacked a military post near the town of Djibo at the weekend.\n\n"
        "Four soldiers were killed in Saturday's attack, the army said.",
        published="2024-09-02",
    )
    attack = next(e for e in events if e.trigger.text == "attacked")
    assert attack.fatalities == 4


def test_a_wire_leads_reported_past_perfect_is_the_lead():
    events = _events(
        "BAMAKO, Sept 2 (AFP) - Mali's army said on Monday it had killed around 40 terrorists near Mopti.\n\n"
        "Separately, gunmen kidnapped a village chief near Segou on Sunday, officials said.",
        published="2024-09-02",
    )
    lead = next(e for e in events if e.lead)
    assert lead.sentence < next(e for e in events if e.sub_event_type == "Abduction/forced disappearance").sentence


def test_weapons_seized_in_the_attack_are_part_of_it():
    events = _events(
        "Jihadists attacked an army camp near Mopti on Saturday, killing five soldiers. "
        "JNIM said it had seized weapons and vehicles in the attack.",
        published="2024-09-02",
    )
    assert [e.sub_event_type for e in events] == ["Armed clash"]


def test_a_far_hamlet_is_not_the_town_of_a_report_on_another_country():
    an = kronika.analyze(
        "Jihadists attacked a military camp near the town of Boni in central Mali on Saturday. "
        "Mali's junta has turned to Russian mercenaries to help fight the jihadists.",
        published="2024-09-02",
    )
    assert all(p.country_code in ("ML", None) for p in an.places if p.role == "location")


def test_a_generic_denial_told_as_habit_is_no_event():
    events = _events(
        "A drone strike hit a market in Debre Markos on Sunday, killing 30 people. "
        "The military has previously denied targeting civilians.",
        published="2024-08-12",
    )
    assert [e.status for e in events] == ["occurred"]


def test_an_unknown_village_takes_the_country_its_own_sentence_names():
    events = _events(
        "Hezbollah fired rockets at an army base in the Golan Heights on Tuesday.\n\n"
        "Earlier on Tuesday, an Israeli strike on a house in the village of Kfar Zibdin killed two people, "
        "Lebanon's health ministry said.",
        published="2024-03-05",
    )
    house = next(e for e in events if e.sentence == 1)
    assert house.place is not None and house.place.country_code == "LB"


def test_a_country_an_unknown_place_lies_across_the_border_from_is_not_its_country():
    an = kronika.analyze(
        "Rebels in South Kivu said on Sunday they had seized several hills.\n\n"
        "Troops then invaded the area around Kanyozi, which lies across the border from Rwanda, on Monday.",
        published="2025-12-09",
    )
    village = next(p for p in an.places if p.text == "Kanyozi")
    assert village.country_code != "RW"


def test_forces_destroying_the_other_sides_arms_or_posts_strike():
    events = _events(
        "Yemen's Houthis said they had attacked a cargo ship in the Red Sea on Tuesday.\n\n"
        "The crew were evacuated by a passing warship, the agency said.\n\n"
        "The U.S. military said its forces had destroyed two Houthi drone boats and a radar site in Yemen on Tuesday.",
        published="2024-06-12",
    )
    us = [e for e in events if e.sentence == 2]
    assert len(us) == 1 and "United States" in _name(us[0].actor1) and _name(us[0].actor2) == "Houthis (Ansar Allah)"


def test_floods_destroying_bridges_are_no_fight():
    assert all(e.event_type != "Battles" for e in _events("The floods destroyed two bridges near Kaya on Monday."))


def test_a_toll_is_not_the_act_told_after_which_it_came():
    events = _events(
        "The RSF have been accused of killing hundreds of people in the town of Geneina, after seizing an army "
        "base there earlier this month.",
        published="2023-11-10",
    )
    base = next(e for e in events if e.trigger.text == "seizing")
    assert base.fatalities is None


def test_the_crowd_of_a_riot_is_rioters_whatever_a_mention_called_it():
    events = _events(
        "Ugandan police fire tear gas at protesters in Kampala\n\n"
        "KAMPALA, July 25 (Reuters) - Ugandan police fired tear gas at hundreds of protesters in central Kampala "
        "on Thursday. Protesters threw stones at police and burned tyres.",
        published="2024-07-25",
    )
    assert [(e.sub_event_type, _name(e.actor1)) for e in events] == [("Violent demonstration", "Rioters (Uganda)")]
