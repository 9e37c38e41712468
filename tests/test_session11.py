"""Events of one document (session 11): an event told "elsewhere" stays apart from the one just
told; one person killed in a strike is its toll. Every text here is written for these tests."""

from __future__ import annotations

import kronika


def _events(text: str, published: str):
    return kronika.analyze(text, published=published).events


def test_shelling_told_elsewhere_is_not_the_drone_strike_just_told():
    text = (
        "In southern Ukraine, a 70-year-old woman was killed in a drone strike on Tuesday morning, the "
        "regional governor said. A man was also injured in that attack, and elsewhere in the region two "
        "people were injured in Russian shelling.\n"
    )
    events = _events(text, "2025-04-02")
    types = sorted(e.sub_event_type for e in events)
    assert types == ["Air/drone strike", "Shelling/artillery/missile attack"]
    strike = next(e for e in events if e.sub_event_type == "Air/drone strike")
    assert any(m.text == "that attack" for m in strike.mentions)


def test_without_elsewhere_the_shelling_of_the_same_attack_joins_it():
    text = (
        "In southern Ukraine, a 70-year-old woman was killed in a drone strike on Tuesday morning, the "
        "regional governor said. Two people were also injured in the Russian shelling, he added.\n"
    )
    assert len(_events(text, "2025-04-02")) == 1


def test_one_person_killed_in_a_strike_is_its_toll():
    text = "A 54-year-old man was killed in a drone strike on the village of Bilozerka on Sunday, officials said.\n"
    (event,) = _events(text, "2025-04-07")
    assert event.sub_event_type == "Air/drone strike"
    assert event.fatalities == 1


def test_several_killed_in_a_strike_are_not_one():
    text = "Two men and a woman were killed in a drone strike on the village of Bilozerka on Sunday, officials said.\n"
    (event,) = _events(text, "2025-04-07")
    assert event.fatalities != 1


def test_an_army_taking_control_of_its_own_territory_under_a_deal_is_a_non_violent_transfer():
    text = "Under the truce, the Malian army will deploy next month and take control of its own territory again.\n"
    (event,) = [e for e in _events(text, "2025-04-07") if e.actor1 is not None]
    assert event.sub_event_type == "Non-violent transfer of territory"
    assert event.status == "planned" and event.actor1.name.startswith("Military Forces of Mali")


def test_own_territory_retaken_after_fighting_is_no_transfer():
    text = "The Malian army retook control of its own territory after heavy fighting with the militants on Sunday.\n"
    types = {e.sub_event_type for e in _events(text, "2025-04-07")}
    assert "Non-violent transfer of territory" not in types


def test_a_bombing_by_an_armed_group_is_a_bomb_on_the_ground():
    text = "Al-Shabaab fighters bombed an army convoy outside Baidoa on Tuesday, killing three soldiers.\n"
    (event,) = _events(text, "2025-04-09")
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert event.actor1.name == "Al Shabaab"


def test_a_bombing_by_an_army_stays_an_air_strike():
    text = "The Sudanese army bombed a cattle market in Nyala on Tuesday, killing 15 people.\n"
    (event,) = _events(text, "2025-04-09")
    assert event.sub_event_type == "Air/drone strike"


def test_an_armed_group_bombing_a_town_or_with_drones_stays_remote():
    for text in (
        "The rebels bombed the town of Kalehe on Tuesday.\n",
        "The Rapid Support Forces bombed a hospital with drones on Tuesday.\n",
    ):
        types = {e.sub_event_type for e in _events(text, "2025-04-09")}
        assert "Remote explosive/landmine/IED" not in types, text


def test_a_gang_named_by_proper_nouns_is_an_armed_group_of_that_name():
    text = (
        "Members of the Kraze Baryè gang opened fire on residents of Croix-des-Bouquets on Monday, killing 12 people.\n"
    )
    (event,) = _events(text, "2025-04-09")
    assert event.actor1 is not None and event.actor1.name == "Kraze Baryè gang"
    assert event.actor1.kind == "armed_group" and event.fatalities == 12


def test_a_group_noun_after_a_known_name_or_a_place_keeps_their_reading():
    known = _events("The Wagner militia attacked the village on Monday.\n", "2025-04-09")
    assert [e.actor1.name for e in known] == ["Wagner Group"]
    placed = kronika.analyze("The Kharkiv militia attacked the village on Monday.\n", published="2025-04-09")
    assert not [a for a in placed.actors if a.name == "Kharkiv militia"]


def test_a_wire_datelines_city_is_not_the_leads_attacker():
    text = (
        "PORT-AU-PRINCE, May 6 (Reuters) - Members of the Kraze Baryè gang attacked the town of Mirebalais "
        "on Sunday, killing nine people, police said.\n"
    )
    a = kronika.analyze(text, published="2025-05-06")
    (event,) = a.events
    assert event.actor1 is not None and event.actor1.name == "Kraze Baryè gang"
    assert not [x for x in a.actors if x.text == "PORT-AU-PRINCE"]
    assert a.sentences[0].text.startswith("PORT-AU-PRINCE") and a.sentences[1].text.startswith("Members")


def test_what_the_attackers_did_next_is_part_of_their_attack():
    text = (
        "Gunmen opened fire on villagers in Mirebalais on Thursday, killing at least 20 people. "
        "The attackers also set fire to dozens of homes, a UN spokesperson said.\n"
    )
    (event,) = _events(text, "2025-04-11")
    assert event.sub_event_type == "Attack" and event.fatalities == 20
    assert any("set fire" in m.text for m in event.mentions)


def test_others_burning_homes_after_an_attack_is_an_event_of_its_own():
    text = (
        "Gunmen opened fire on villagers in Mirebalais on Thursday, killing at least 20 people. "
        "Protesters set fire to dozens of homes on Friday.\n"
    )
    assert len(_events(text, "2025-04-11")) == 2


def test_a_claim_of_responsibility_goes_to_the_attack_not_the_deployment_told_after_it():
    text = (
        "Gunmen opened fire on villagers in Mirebalais, Haiti, on Thursday, killing at least 20 people. "
        "The prime minister said police reinforcements had been sent to the area. "
        "The Kraze Baryè gang claimed responsibility for the attack in a video.\n"
    )
    events = _events(text, "2025-04-11")
    attack = next(e for e in events if e.sub_event_type == "Attack")
    moved = next(e for e in events if e.sub_event_type == "Change to group/activity")
    assert attack.actor1.name == "Kraze Baryè gang"
    assert moved.actor1 is not None and moved.actor1.name.startswith("Police Forces of Haiti")


def test_forces_deployed_in_the_passive_are_the_actor_of_the_deployment():
    (event,) = _events("Kenyan police officers were deployed to Haiti in June.\n", "2024-10-04")
    assert event.sub_event_type == "Change to group/activity"
    assert event.actor1 is not None and event.actor1.name.startswith("Police Forces of Kenya")
