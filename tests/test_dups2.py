"""Duplicate events of one document (round 2): mentions of one event that the coreference kept
apart. Every text here is written for these tests."""

from __future__ import annotations

import kronika


def _events(text: str, published: str):
    return kronika.analyze(text, published=published).events


def test_a_force_put_on_alert_is_one_event_whichever_side_the_headline_names():
    text = (
        "# Belarus puts army on high alert\n\n"
        "Belarus placed its armed forces on high alert on Sunday, the defence ministry in Minsk said, "
        "after border incidents. The ministry said the troops were ready.\n"
    )
    changes = [e for e in _events(text, "2025-03-10") if e.sub_event_type == "Change to group/activity"]
    assert len(changes) == 1
    assert any(m.zone == "title" for m in changes[0].mentions)


def test_a_shooting_told_in_a_part_of_the_country_is_the_shooting_in_its_town():
    text = (
        "A former mayor was shot dead in Kharkiv on Monday, police said. Officers detained a suspect on Tuesday.\n\n"
        "The former mayor died in hospital after she was shot in eastern Ukraine, the regional governor "
        "wrote on Telegram.\n"
    )
    attacks = [e for e in _events(text, "2025-03-12") if e.sub_event_type == "Attack"]
    assert len(attacks) == 1
    assert attacks[0].place.name == "Kharkiv" and len(attacks[0].mentions) == 1


def test_a_part_of_the_country_the_town_is_not_in_stays_apart():
    text = (
        "A journalist was shot dead in Kharkiv on Monday, police said. Officers detained a suspect on Tuesday.\n\n"
        "The journalist died after she was shot in western Ukraine, the regional governor wrote on Telegram.\n"
    )
    attacks = [e for e in _events(text, "2025-03-12") if e.sub_event_type == "Attack"]
    assert len(attacks) == 2


def test_one_more_strike_in_a_part_of_the_country_stays_apart():
    text = (
        "Israeli aircraft struck a weapons depot in Damascus on Monday, the army said. "
        "The army said it also struck armoured vehicles in southern Syria.\n"
    )
    strikes = [e for e in _events(text, "2025-03-12") if e.sub_event_type == "Air/drone strike"]
    assert sorted(e.place.name for e in strikes) == ["Damascus", "Syria"]


def test_a_list_of_harms_after_which_is_the_toll_of_the_attack_it_follows():
    text = (
        "Officials described the March 3 attack in Kirkuk, Iraq, which wounded one Danish soldier, wounded two "
        "Danish contractors, including one critically, and killed one Kenyan guard.\n"
    )
    events = _events(text, "2024-03-10")
    assert len(events) == 1
    assert events[0].place.name == "Kirkuk" and events[0].fatalities == 1


def test_the_proposal_of_a_ceasefire_the_parties_agreed_is_that_ceasefire():
    text = (
        "The United Nations welcomed the 48-hour ceasefire agreed by the warring parties in Sudan on Monday. "
        "Both sides signed it in Jeddah.\n\n"
        "The parties accepted the Saudi proposal of a 48-hour ceasefire after talks, the mediators said.\n"
    )
    deals = [e for e in _events(text, "2024-03-12") if e.sub_event_type == "Agreement"]
    assert all(e.status == "occurred" for e in deals)
    [ceasefire] = [e for e in deals if e.trigger.text == "ceasefire"]
    assert any("proposal" in m.text for m in ceasefire.mentions)
    assert ceasefire.actor1 is None  # the proposer is no party to it


def test_a_rally_planned_for_a_day_the_report_has_reached_is_the_rally_held_that_day():
    held = (
        "Thousands of people rallied in Madrid on Saturday in support of public hospitals, police said.\n\n"
        "The march filled the Puerta del Sol. Nurses carried banners and sang.\n\n"
    )
    plan = "The unions had planned a rally of health workers in Spain for Saturday, the organisers said.\n"
    [rally] = _events(held + plan, "2025-03-16")
    assert rally.status == "occurred" and rally.place.name == "Madrid" and len(rally.mentions) == 2
    ahead = "Unions are planning another rally in Madrid next Saturday.\n"
    assert sorted(e.status for e in _events(held + ahead, "2025-03-16")) == ["occurred", "planned"]


def test_an_offence_someone_is_arrested_for_is_no_event_of_its_own():
    text = (
        "More than 40 people in Leeds were arrested for criminal damage and an assault on a police officer "
        "after a night of disorder on Friday, police said.\n"
    )
    events = _events(text, "2025-03-10")
    assert [e.sub_event_type for e in events] == ["Arrests"]


def test_a_killing_someone_is_arrested_for_is_still_the_killing():
    text = "Police in Leeds arrested a man on Friday for the killing of a shopkeeper in the city centre.\n"
    kinds = {e.sub_event_type for e in _events(text, "2025-03-10")}
    assert "Arrests" in kinds and len(kinds) == 2


_ORDERED = (
    "On Sunday the president directed strikes against three locations used by the PKK in Syria, the ministry "
    "said. He spoke with the defence minister.\n"
)


def test_a_headline_with_no_verb_names_the_strikes_the_body_tells_as_ordered():
    [strikes] = _events("# Turkish Strikes in Syria\n\n" + _ORDERED, "2025-03-10")
    assert strikes.status == "planned" and any(m.zone == "title" for m in strikes.mentions)


def test_a_headline_that_says_the_strikes_hit_keeps_its_own_mood():
    events = _events("# Turkish strikes hit Syria\n\n" + _ORDERED, "2025-03-10")
    assert sorted(e.status for e in events) == ["occurred", "planned"]
