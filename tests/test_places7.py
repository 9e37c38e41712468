"""Places a user reads in ``kronika.analyze`` on conflict news, on sentences written for these tests."""

from __future__ import annotations

import kronika


def _analyze(text: str):
    return kronika.analyze(text, published="2024-05-01")


def _place(text: str, surface: str):
    (place,) = [p for p in _analyze(text).places if p.text == surface]
    return place


def _event_place(text: str):
    (event,) = _analyze(text).events
    return event.place


# 1. a town the text puts in the region named right after it is the event's place


def test_a_town_said_to_lie_in_the_region_after_it_places_the_event():
    place = _event_place("An air strike killed five people in Deir al-Balah in the central Gaza Strip on Monday.")
    assert place.text == "Deir al-Balah" and place.level == "populated_place" and place.country_code == "PS"


def test_a_town_in_the_southern_part_of_a_region_places_the_event():
    place = _event_place("Tank fire killed three men in Khan Younis in the southern Gaza Strip, medics said.")
    assert place.text == "Khan Younis" and place.level == "populated_place"


def test_a_town_put_in_a_region_through_its_countrys_possessive_places_the_event():
    place = _event_place("Gunmen killed 20 villagers in Bankass in central Mali's Mopti region on Monday.")
    assert place.text == "Bankass" and place.level == "populated_place" and place.country_code == "ML"


def test_a_region_alone_still_places_the_event():
    place = _event_place("Shelling killed four civilians across the Gaza Strip on Sunday, medics said.")
    assert place.text == "Gaza Strip" and place.level == "admin1"


# 2. a compass word before a subdivision's name is part of the name


def test_north_kivu_province_keeps_its_compass_word():
    place = _place(
        "Fighting killed 14 civilians in Congo's North Kivu province on Sunday, officials said.", "North Kivu province"
    )
    assert place.level == "admin1" and place.country_code == "CD" and place.name == "Nord-Kivu"


def test_south_kivu_and_north_darfur_keep_their_compass_word():
    kivu = _place("Militiamen burned a village in South Kivu province on Friday.", "South Kivu province")
    assert kivu.level == "admin1" and kivu.name == "Sud-Kivu"
    darfur = _place("An air strike killed nine people in Sudan's North Darfur state on Sunday.", "North Darfur state")
    assert darfur.level == "admin1" and darfur.country_code == "SD"


def test_a_compass_word_the_regions_name_does_not_hold_only_describes_it():
    place = _place(
        "Shelling damaged two houses in Ukraine's East Kharkiv region, officials said.", "East Kharkiv region"
    )
    assert place.level == "admin1" and place.name == "Kharkiv Oblast"


# 3. a name the text puts in a country or region is none of its namesakes elsewhere


def test_a_village_put_in_malis_mopti_region_is_not_a_namesake_in_myanmar():
    text = "Jihadists attacked the village of Kalo in Mali's Mopti region on Monday, killing 20 people."
    kalo = _place(text, "Kalo")
    assert kalo.country_code == "ML"
    assert kalo.fallback and kalo.name == "Mopti"  # the region it lies in, as the text says
    (event,) = _analyze(text).events
    assert event.place.country_code == "ML"


def test_a_town_put_in_its_own_region_keeps_its_reading():
    place = _place("Russian drones hit Kupiansk in Kharkiv region overnight, the governor said.", "Kupiansk")
    assert place.level == "populated_place" and place.country_code == "UA" and not place.fallback


# 4. "Kherson city": the town, named as a city; a river's name is not the town of that name


def test_kherson_city_is_the_town_even_when_russia_acts():
    text = "Russia shelled Kherson city on Monday, killing two civilians. The city lies on the Dnipro river."
    kherson = _place(text, "Kherson")
    assert kherson.level == "populated_place" and kherson.country_code == "UA"
    event = _analyze(text).events[0]
    assert event.place.text == "Kherson" and event.place.country_code == "UA"


def test_kherson_city_tagged_whole_is_the_town():
    text = "A Russian drone killed a man in Kherson city, near the Dnipro River, on Sunday, officials said."
    kherson = _place(text, "Kherson")
    assert kherson.level == "populated_place" and kherson.country_code == "UA"
    (event,) = _analyze(text).events
    assert event.place.text == "Kherson"


def test_a_river_is_not_the_town_of_its_name():
    text = "Russian forces shelled Kherson city from across the Dnipro river, killing a woman."
    places = _analyze(text).places
    assert not [p for p in places if p.text == "Dnipro"]
    (river,) = [p for p in places if p.text == "Dnipro river"]
    assert river.level != "populated_place"  # at most the region it flows through, in context
    (event,) = _analyze(text).events
    assert event.place.text == "Kherson" and event.place.country_code == "UA"


def test_a_river_port_is_the_towns():
    kherson = _place("A drone hit the Kherson river port on Monday, killing a worker.", "Kherson")
    assert kherson.level == "populated_place" and kherson.country_code == "UA"


def test_gaza_city_is_still_one_name():
    place = _place("Israeli strikes killed 12 people in Gaza City on Monday.", "Gaza City")
    assert place.level == "populated_place" and place.country_code == "PS"


# 5. an armed group's name that the gazetteer does not know is no place


def test_m23_is_no_place():
    for text in (
        "M23 rebels seized the town of Rubaya on Tuesday, residents said.",
        "Fighters of M23 attacked an army post near Goma on Sunday, killing three soldiers.",
    ):
        assert not [p for p in _analyze(text).places if p.text == "M23"]


def test_goma_is_still_a_place_beside_m23():
    place = _event_place("Fighters of M23 attacked an army post near Goma on Sunday, killing three soldiers.")
    assert place.text == "Goma" and place.country_code == "CD"
