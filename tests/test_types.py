"""Sub-event types decided by who does what to whom: invented sentences, each a general case."""

from __future__ import annotations

import kronika


def _types(text: str, published: str = "2025-03-10") -> list[str]:
    return [e.sub_event_type for e in kronika.analyze(text, published=published).events]


def test_a_pronoun_seizing_stands_for_the_protesters_of_the_main_clause():
    # the protesters of the main clause "seize control" of a site: they occupy it, they take no ground
    text = "Anti-mining protesters in Peru marched on Monday, and they seized control of the main airport in Cusco."
    types = _types(text)
    assert "Armed clash" not in types
    assert "Peaceful protest" in types


def test_a_pronoun_of_soldiers_still_takes_ground():
    text = "Government soldiers advanced overnight as they seized control of the town of Kidal on Tuesday."
    assert "Armed clash" not in _types(text) or "Government regains territory" in _types(text)


def test_tear_shells_are_an_intervention_not_shelling():
    text = "Students said police attacked them with tear shell in the library at Makerere University in Kampala on Wednesday."
    types = _types(text)
    assert "Shelling/artillery/missile attack" not in types
    assert "Protest with intervention" in types


def test_an_assault_a_place_endured_takes_the_weapon_its_clause_names():
    # "one of the heaviest assaults ..., with drones and missiles": the clause tells what struck
    text = "Odesa endured one of the heaviest assaults of the war on Sunday, with dozens of drones and missiles."
    assert _types(text) == ["Air/drone strike"]


def test_arrests_of_people_holding_a_commemoration_are_an_intervention():
    text = "Police in Corvena detained 15 people on Sunday as they tried to hold a silent commemoration for the murdered lawyer."
    assert _types(text) == ["Protest with intervention"]


def test_arresting_the_leaders_of_strikers_who_occupied_a_ministry_is_an_intervention():
    text = "Riot police forcibly removed striking teachers who had occupied the education ministry in Lusaka, arresting three of them."
    assert "Protest with intervention" in _types(text)
    assert "Arrests" not in _types(text)


def test_arresting_men_who_gathered_to_make_bombs_is_an_arrest():
    text = "Police arrested five men who had gathered in a warehouse to make explosives, officials said."
    assert _types(text) == ["Arrests"]


def test_firing_on_people_told_as_protesting_is_excessive_force_whoever_fires():
    # ACLED: violence on a demonstration is excessive force, by the state or an armed group
    text = "Militiamen loyal to the mayor opened fire on traders protesting against market fees in Goma, killing a boy."
    assert _types(text) == ["Excessive force against protesters"]


def test_firing_at_demonstrators_is_excessive_force_not_an_attack():
    text = "Snipers fired at demonstrators from rooftops in Aden, killing two people."
    assert _types(text) == ["Excessive force against protesters"]


def test_firing_on_a_wedding_party_stays_an_attack():
    text = "Unidentified gunmen opened fire on a wedding party in Kano, killing four guests."
    assert _types(text) == ["Attack"]


def test_a_crowd_burning_the_home_of_a_man_is_mob_violence():
    text = "A crowd burned the home of a man accused of witchcraft in Kisii."
    assert _types(text) == ["Mob violence"]


def test_a_crowd_stoning_the_police_is_a_violent_demonstration():
    text = "A crowd threw stones at police in Kisii."
    assert _types(text) == ["Violent demonstration"]


def test_tear_gas_on_stone_throwing_students_is_a_violent_demonstration():
    text = "Riot police fired tear gas at stone-throwing students who tried to storm the parliament building in Accra."
    assert _types(text) == ["Violent demonstration"]


def test_tear_gas_on_peaceful_marchers_is_an_intervention():
    text = "Riot police fired tear gas at students marching peacefully to the parliament building in Accra."
    assert _types(text) == ["Protest with intervention"]


def test_withdrawing_personnel_from_a_whole_country_is_a_change_of_activity():
    text = "As the rebels advanced on the capital, Russia withdrew hundreds of personnel from the country."
    assert _types(text) == ["Change to group/activity"]


def test_withdrawing_from_a_town_is_a_transfer_of_territory():
    text = "Ukrainian troops withdrew from the town of Vuhledar on Tuesday."
    assert _types(text) == ["Non-violent transfer of territory"]


def test_an_attack_on_a_peaceful_march_is_excessive_force():
    text = "Government supporters armed with knives attacked a peaceful march by opposition activists in Mutare, seriously wounding five."
    assert _types(text) == ["Excessive force against protesters"]


def test_an_attack_on_a_wedding_stays_an_attack():
    text = "Gunmen attacked a wedding in Mutare, killing three."
    assert _types(text) == ["Attack"]


def test_hundreds_of_villagers_stoning_a_thief_is_mob_violence():
    # "Hundreds" (lemma "hundred") counts a crowd as "hundreds" does
    text = "Hundreds of villagers chased and stoned a suspected goat thief to death in Kitui on Sunday."
    assert _types(text) == ["Mob violence"]
