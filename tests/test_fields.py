"""Fields of events through kronika.analyze: the first actor an event type implies, and the names
actors are reported under. Every text here is written for these tests."""

from __future__ import annotations

import kronika


def _event(text: str, sub: str):
    events = kronika.analyze(text, published="2024-05-01").events
    return next(e for e in events if e.sub_event_type == sub)


def _name(actor) -> str | None:
    return actor.name if actor is not None else None


def test_an_arrest_with_no_agent_is_by_the_police_of_its_country():
    text = (
        "A 34-year-old man was detained in Kharkiv on Tuesday on suspicion of setting fire to a "
        "military recruitment office, regional officials said."
    )
    e = _event(text, "Arrests")
    assert _name(e.actor1).startswith("Police Forces of Ukraine")


def test_force_on_protesters_with_no_agent_is_by_the_police():
    e = _event(
        "Protesters were beaten and tear-gassed in Lima on Saturday, witnesses said.",
        "Excessive force against protesters",
    )
    assert _name(e.actor1).startswith("Police Forces of Peru")
    assert _name(e.actor2) == "Protesters (Peru)"


def test_a_group_placed_on_alert_is_the_actor_of_its_change():
    text = "The Iranian army was placed on high alert on Sunday after the border incident, state media reported."
    e = _event(text, "Change to group/activity")
    assert _name(e.actor1).startswith("Military Forces of Iran")
    assert e.actor2 is None


def test_reported_names_of_groups():
    e = _event(
        "The Houthis fired two missiles at a cargo ship in the Red Sea on Tuesday.", "Shelling/artillery/missile attack"
    )
    assert _name(e.actor1) == "Houthis (Ansar Allah)"
    e = _event(
        "Hayat Tahrir al-Sham fighters captured the town of Saraqib on Monday.", "Non-state actor overtakes territory"
    )
    assert _name(e.actor1) == "HTS: Hayat Tahrir al-Sham"


def _types(text: str) -> set[str]:
    return {e.sub_event_type for e in kronika.analyze(text, published="2024-05-01").events}


def test_deaths_in_police_clashes_with_protesters_are_force_on_them():
    text = "At least nine people were killed in police clashes with teachers protesting over unpaid wages in the capital on Monday."
    assert _types(text) == {"Excessive force against protesters"}
    text = (
        "More than 80 people were hurt in clashes with police, who fired live ammunition as demonstrators "
        "tried to storm the ministry in Tegucigalpa on Friday."
    )
    e = _event(text, "Excessive force against protesters")
    assert _name(e.actor1).startswith("Police Forces of Honduras")
    assert _name(e.actor2) == "Protesters (Honduras)"


def test_clashes_without_lethal_force_on_protesters_keep_their_type():
    text = (
        "Demonstrators hurled stones and clashed with riot police in Quito on Thursday, and several officers were hurt."
    )
    assert "Excessive force against protesters" not in _types(text)
    assert "Excessive force against protesters" not in _types(
        "Rioters clashed with police in Nairobi on Tuesday and one rioter was killed."
    )


def test_a_generic_armed_group_as_by_agent_of_a_participle():
    text = "The crisis saw the main hospital in Port-au-Prince attacked by gangs on Monday."
    events = kronika.analyze(text, published="2024-05-01").events
    assert [_name(e.actor1) for e in events] == ["Unidentified Armed Group (Haiti)"]


def test_the_accused_not_the_accuser_does_the_act():
    e = _event(
        "The governor blamed the militia for shelling the town of Marib on Monday.", "Shelling/artillery/missile attack"
    )
    assert _name(e.actor1) == "Unidentified Armed Group (Yemen)"
    text = "The minister accused demonstrators of setting fire to shops in Kathmandu on Tuesday."
    e = _event(text, "Violent demonstration")
    assert _name(e.actor1) == "Protesters (Nepal)"


def test_the_speaker_is_not_the_doer_of_a_passive_report():
    e = _event(
        "Armenia says two soldiers were killed by Azerbaijani shelling near the border on Monday.",
        "Shelling/artillery/missile attack",
    )
    assert e.actor1 is None or "Armenia" not in e.actor1.name
