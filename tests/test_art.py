"""Fields of events told across a news article (helper art, session 12): the day of a saying is
not the event's day when another mention tells it. Every text here is written for these tests."""

from __future__ import annotations

import datetime as dt

import kronika


def _events(text: str, published: str):
    return kronika.analyze(text, published=published).events


def test_a_day_hung_on_the_saying_gives_way_to_the_day_the_attack_is_told():
    text = (
        "An army helicopter strike on a market in the south killed at least 25 people, a rebel group "
        "and local traders said Thursday.\n"
        "The strike hit the market on Wednesday morning, according to the traders.\n"
    )
    events = _events(text, "2023-05-11")
    assert len(events) == 1
    assert events[0].time.start_date == dt.date(2023, 5, 10)


def test_a_weekday_with_a_part_of_the_day_dates_its_event():
    for words, day in (("on Monday night", 8), ("early on Sunday", 7), ("on Tuesday afternoon", 9)):
        text = f"Gunmen attacked a bus carrying farm workers near the town of Kalo {words}, police said.\n"
        events = _events(text, "2023-05-11")
        assert [e.time.start_date for e in events] == [dt.date(2023, 5, day)], words


def test_the_day_of_the_saying_alone_still_dates_the_event():
    text = "Rebels killed nine soldiers in an ambush in the east, the army told reporters on Monday.\n"
    events = _events(text, "2023-05-11")
    assert [e.time.start_date for e in events] == [dt.date(2023, 5, 8)]


def test_a_day_inside_what_was_said_is_no_day_of_saying():
    text = "Police said gunmen stormed a church in the northern town of Kalo on Sunday, killing four worshippers.\n"
    events = _events(text, "2023-05-11")
    assert [e.time.start_date for e in events] == [dt.date(2023, 5, 7)]


def test_where_a_spokesperson_told_reporters_is_not_where_the_homes_burned():
    for saying in ("told reporters in Geneva on Monday", "announced in Geneva on Monday"):
        text = (
            "Fighting broke out in the Mopti region of Mali on Saturday.\n"
            f"Separately, gunmen burned down 40 homes in a village, a UN spokesperson {saying}.\n"
        )
        events = _events(text, "2023-05-11")
        burned = [e for e in events if e.trigger.text == "burned"]
        assert burned and burned[0].place.name != "Geneva", saying


def test_a_place_set_before_the_saying_still_places_the_event():
    text = "In Kano, police said gunmen killed three traders on Monday.\n"
    events = _events(text, "2023-05-11")
    assert [e.place.name for e in events] == ["Kano"]


def test_a_hyphenated_name_is_never_cut_at_a_hyphen():
    for text, name in (
        ("Armed men looted a warehouse near Port-au-Prince on Sunday.\n", "Port-au-Prince"),
        ("Gang members shot dead four people in Croix-des-Bouquets on Sunday.\n", "Croix-des-Bouquets"),
    ):
        events = _events(text, "2023-05-11")
        assert [e.place.name for e in events] == [name], text
        assert all(e.place.country_code == "HT" for e in events)


def test_two_countries_joined_by_a_hyphen_stay_two_places():
    places = kronika.analyze("Envoys discussed the Israel-Gaza war in Cairo.\n", published="2023-05-11").places
    assert {p.name for p in places} >= {"Israel", "Cairo"}


def test_a_country_s_named_region_places_the_event_in_that_region():
    for text, region in (
        (
            "Armed men raided the town of Bandikoro in Nigeria's Zamfara state on Sunday, killing 20 people.\n",
            "Zamfara",
        ),
        ("Gang members shot dead nine farmers in Haiti's Artibonite department on Sunday.\n", "Artibonite"),
    ):
        analysis = kronika.analyze(text, published="2023-05-11")
        assert [e.place.name for e in analysis.events] == [region], text
        assert not any(a.kind in ("state", "government") for a in analysis.actors), text


def test_a_town_the_gazetteer_does_not_know_takes_the_region_its_phrase_names():
    text = (
        "Members of a gang opened fire on residents of the town of Bandikoro in Haiti's Artibonite region "
        "on Thursday, killing 31 people.\n"
    )
    events = _events(text, "2023-05-11")
    assert [e.place.name for e in events] == ["Artibonite"]


def test_the_act_told_in_a_when_clause_of_the_attack_is_the_attack():
    text = (
        "A helicopter strike on a market in the south killed at least 25 people on Thursday, traders said.\n"
        "The attack hit the market late on Wednesday, when two helicopters fired rockets into the crowd.\n"
    )
    events = _events(text, "2023-05-12")
    assert len(events) == 1
    assert len(events[0].mentions) == 2


def test_a_when_clause_of_another_kind_stays_its_own_event():
    text = (
        "A bomb exploded at a market in the city on Monday.\n"
        "On Sunday, soldiers clashed with rebels in the hills when the rebels attacked a checkpoint.\n"
    )
    events = _events(text, "2023-05-12")
    assert sorted(e.sub_event_type for e in events) == ["Armed clash", "Remote explosive/landmine/IED"]


def test_the_act_told_on_its_own_day_joins_the_strike_dated_by_its_saying():
    text = (
        "A Russian missile strike on a railway depot in the city of Sumy killed 19 people, the regional "
        "governor said on Thursday.\n"
        "Two missiles hit the depot on Wednesday evening, the defence ministry said, destroying a workshop.\n"
    )
    events = _events(text, "2023-05-11")
    assert len(events) == 1
    assert events[0].time.start_date == dt.date(2023, 5, 10)


def test_a_day_set_before_the_saying_dates_what_was_announced():
    text = (
        "On Friday, the two armies exchanged 200 prisoners each at the border.\n"
        "On Saturday, the president announced that another 90 prisoners had returned home in a second exchange.\n"
    )
    events = _events(text, "2023-05-14")
    assert sorted(e.time.start_date for e in events) == [dt.date(2023, 5, 12), dt.date(2023, 5, 13)]


def test_an_unknown_village_lies_in_the_country_named_not_in_one_an_adjective_names():
    text = (
        "Air strikes on Lebanon killed 12 people on Monday, as Hezbollah fired rockets at the northern "
        "Israeli city of Haifa.\n"
        "One strike destroyed a house in the village of Bandikoro, killing six people.\n"
    )
    places = kronika.analyze(text, published="2023-05-11").places
    village = [p for p in places if p.text == "Bandikoro" and p.resolved]
    assert village and village[0].country_code == "LB"
