"""Events that the clause path used to miss: shots fired at people (live rounds at striking
miners, shots in the air to disperse a crowd), a ship, aircraft or bus hijacked, and a building
an armed group makes its base. Each reading has sentences that must stay no event (a coach
fired, an account hijacked, a warehouse turned into offices). Sentences written for these tests."""

from __future__ import annotations

import pytest

import kronika

FORCE = "Excessive force against protesters"
INTERVENTION = "Protest with intervention"
ABDUCTION = "Abduction/forced disappearance"
BASE = "Headquarters or base established"


def _types(text: str) -> list[str]:
    events = kronika.analyze(text, published="2024-05-01").events
    return [e.sub_event_type for e in events if e.status == "occurred"]


SHOTS_AT_PROTESTERS = [
    "Police fired live rounds at striking miners in Marikana on Thursday.",
    "Live rounds were fired at striking miners in Marikana on Thursday, witnesses said.",
    "Security forces fired bullets into a crowd of protesters in Conakry on Monday, killing four.",
    "Soldiers fired live ammunition on students marching to the governor's office in Kano on Tuesday.",
    "Riot police fired shots at striking workers outside the factory in Dhaka on Wednesday.",
    "Police fired live rounds to disperse protesters in Nairobi on Monday.",
    "Police fired rubber bullets at protesters in Nairobi on Thursday, killing two.",
    "Striking miners were shot at by police in Marikana on Thursday.",
    "Police use live rounds against striking miners in Marikana",
    "Police fired pellets at stone-pelting protesters in Srinagar on Friday.",
    "Gunshots were fired at striking workers at the plant in Gazipur on Sunday.",
    "Security forces fired volleys of live ammunition at demonstrators in Yangon on Saturday.",
    "Police fired rubber bullets and live rounds at protesters in Lima on Monday.",
]


@pytest.mark.parametrize("text", SHOTS_AT_PROTESTERS)
def test_shots_at_a_demonstration_are_excessive_force(text):
    assert _types(text) == [FORCE]


SHOTS_TO_DISPERSE = [
    "Troops fired shots in the air to disperse the crowd in Bamako on Tuesday.",
    "Police fired shots into the air to scatter a crowd of demonstrators in Harare on Saturday.",
    "Soldiers fired into the air to disperse protesters in Bamako on Tuesday.",
    "Police fired warning shots to disperse the crowd in Bamako on Tuesday.",
    "Police fired rubber bullets at protesters in Nairobi on Thursday.",
    "Police fired rubber bullets at students marching on parliament in Nairobi on Thursday.",
    "Police in Kano on Thursday fired water cannon at students outside the ministry, dispersing the crowd.",
    "Police fired tear gas to disperse protesters in Nairobi on Monday.",
]


@pytest.mark.parametrize("text", SHOTS_TO_DISPERSE)
def test_shots_in_the_air_and_crowd_control_are_an_intervention(text):
    assert _types(text) == [INTERVENTION]


def test_shots_at_people_who_are_no_demonstration_are_an_attack():
    assert _types("Gunmen fired shots at a bus in Kaduna on Sunday.") == ["Attack"]
    assert _types("Gunmen fired at a wedding party in Kabul on Friday.") == ["Attack"]
    assert _types("Soldiers fired on the crowd in Khartoum on Monday, killing three.") == ["Attack"]


HIJACKED = [
    "Pirates hijacked a cargo ship off the coast of Somalia on Monday.",
    "A Liberian-flagged oil tanker was hijacked by pirates in the Gulf of Guinea on Sunday, the shipping company said.",
    "Pirates hijack bulk carrier off Somalia",
    "Gunmen hijacked a bus carrying 40 passengers on the Kaduna-Abuja highway on Tuesday.",
    "Armed men hijacked a passenger plane shortly after it took off from Benghazi on Friday.",
    "Militants commandeered a ferry on Lake Kivu on Wednesday and held its crew for ransom.",
    "The hijacking of the cargo ship off Yemen on Saturday was claimed by the Houthis.",
    "Pirates seized a cargo ship off the coast of Somalia on Monday.",
    "Somali pirates have hijacked a Greek-owned vessel with 25 crew aboard, the navy said on Tuesday.",
    "A passenger bus was hijacked by armed men on the Lokoja road on Sunday.",
    "Hijackers seized control of a plane flying from Tripoli on Friday.",
    "Armed pirates boarded and hijacked a chemical tanker in the Gulf of Aden on Monday.",
]


@pytest.mark.parametrize("text", HIJACKED)
def test_a_ship_plane_or_bus_hijacked_is_an_abduction(text):
    assert _types(text) == [ABDUCTION]


def test_a_truck_hijacked_by_gunmen_is_property_taken():
    assert _types("Gunmen hijacked a fuel truck near Maiduguri on Monday.") == ["Looting/property destruction"]


MADE_A_BASE = [
    "The rebels turned the district hospital into their command centre on Friday, residents said.",
    "Al-Shabaab fighters converted a primary school in Jowhar into a military base on Tuesday.",
    "The militants have been using the mosque as their headquarters since Sunday, villagers said.",
    "The district hospital was turned into a rebel base on Friday, residents said.",
    "Rebels transform hospital into command centre",
    "Jihadists set up their headquarters in the governor's residence in Gao on Wednesday.",
    "The militia established a base inside the university campus in Khartoum on Sunday.",
    "The rebels set up base in the secondary school in Bunia on Monday.",
    "Al-Shabaab has established its headquarters in the town of Jilib, residents said on Monday.",
    "The militants are using a church in Kpeve as a base, residents said on Monday.",
    "Rebels turn hospital into military base",
    "Fighters occupied the school in Jowhar on Monday, turning it into a base.",
]


@pytest.mark.parametrize("text", MADE_A_BASE)
def test_a_building_an_armed_group_makes_its_base(text):
    assert _types(text) == [BASE]


def test_a_base_made_after_a_takeover_is_its_own_event():
    text = "M23 rebels occupied the town hall in Rubaya on Thursday and turned it into a command post."
    assert BASE in _types(text)


NO_EVENT = [
    # fired: a dismissal, words, a ball, a crowd roused, shots that aim at no one
    "The club fired the coach on Monday.",
    "The director fired a warning at the board on Monday.",
    "The singer fired up the crowd in Lagos on Monday.",
    "The opposition leader fired a parting shot at his rivals in Lagos on Monday.",
    "The senator fired a round of questions at the minister on Tuesday.",
    "The striker fired the ball into the net in the second half on Saturday.",
    "The activists fired off letters to the ministry on Monday.",
    "Revellers fired shots in the air to celebrate the victory in Kabul on Sunday.",
    "Police fired into the air in Bamako on Tuesday.",
    "Guests fired into the air at a wedding in Kabul on Friday.",
    "The minister fired shots at the opposition in a fiery speech on Monday.",
    "The prime minister fired fresh shots at the central bank on Tuesday.",
    "The senator opened fire on the spending bill on Tuesday.",
    # hijacked: accounts, debates, agendas, data; a taxi taken by one man is a crime
    "Hackers hijacked the ministry's Twitter account on Monday.",
    "The opposition hijacked the debate in parliament on Tuesday.",
    "Critics said the party had hijacked the reform agenda.",
    "A man hijacked a taxi in Johannesburg on Monday, police said.",
    "Hackers hijacked flight data from the airline on Monday.",
    # turned into: no armed group, or no base
    "The company turned the warehouse into offices on Monday.",
    "The rebels turned back from the camp on Friday.",
    "The rebels turned the base into a hospital on Friday.",
    "The council converted the old barracks into a museum on Monday.",
    "The team used the stadium as a base for the tournament on Monday.",
]


@pytest.mark.parametrize("text", NO_EVENT)
def test_no_event(text):
    assert _types(text) == []


def test_crowd_control_weapons_that_maim_are_excessive_force():
    text = (
        "A young man covering the march in Santiago on Friday was shot in the eye by a rubber bullet fired by riot"
        " police and lost his sight."
    )
    assert _types(text) == [FORCE]
