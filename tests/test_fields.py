"""Fields of events through kronika.analyze: the first actor an event type implies, and the names
actors are reported under. Every text here is written for these tests."""

from __future__ import annotations

import csv
import io
import json

import pytest

import kronika
from kronika.chronicle import Chronicle
from tests.conftest import new_db


def _event(text: str, sub: str, published: str = "2024-05-01"):
    events = kronika.analyze(text, published=published).events
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
    assert _name(e.actor1) == "Rioters (Nepal)"  # ACLED names a violent demonstration's crowd rioters


def test_the_speaker_is_not_the_doer_of_a_passive_report():
    e = _event(
        "Armenia says two soldiers were killed by Azerbaijani shelling near the border on Monday.",
        "Shelling/artillery/missile attack",
    )
    assert e.actor1 is None or "Armenia" not in e.actor1.name


# --- a group's supporters: the crowd is actor1, the group its associate (ACLED's assoc_actor_1) ---


def _protest(text: str):
    events = kronika.analyze(text, published="2024-05-01").events
    return next(e for e in events if e.event_type in ("Protests", "Riots"))


@pytest.mark.parametrize(
    "text, crowd, group",
    [
        ("Thousands of Houthi supporters rallied in Sanaa on Friday to denounce the blockade.", "Yemen", "Houthis"),
        ("Supporters of the Houthis marched through Sanaa on Friday.", "Yemen", "Houthis"),
        (
            "Hundreds of Hezbollah supporters protested outside the parliament in Beirut on Sunday.",
            "Lebanon",
            "Hezbollah",
        ),
        ("Hamas loyalists demonstrated in Gaza City on Tuesday.", "Palestine", "Hamas"),
        ("Supporters of the Awami League rallied in Dhaka on Monday.", "Bangladesh", "Awami League"),
    ],
)
def test_a_groups_supporters_are_the_crowd_and_the_group_its_associate(text, crowd, group):
    e = _protest(text)
    assert e.sub_event_type == "Peaceful protest"
    assert _name(e.actor1) == f"Protesters ({crowd})"
    assert group in _name(e.assoc_actor1)


def test_a_groups_supporters_who_riot_are_rioters_for_it():
    e = _protest("Hamas supporters attacked a police station in Gaza City on Friday, hurling stones.")
    assert _name(e.actor1) == "Rioters (Palestine)"
    assert _name(e.assoc_actor1).startswith("Hamas")


def test_a_groups_fighters_are_the_group():
    events = kronika.analyze("Houthi fighters attacked a government position in Marib on Friday.").events
    assert [_name(e.actor1) for e in events] == ["Houthis (Ansar Allah)"]
    assert events[0].assoc_actor1 is None


def test_a_leaders_supporters_are_the_crowd_alone():
    e = _protest("Maduro supporters rallied in Caracas on Saturday.")
    assert _name(e.actor1) == "Protesters (Venezuela)"
    assert e.assoc_actor1 is None


def test_the_associated_actor_reaches_the_chronicle_and_the_acled_export(tmp_path, pipeline):
    folder = tmp_path / "docs"
    folder.mkdir()
    row = {
        "text": "Thousands of Houthi supporters rallied in Sanaa on Friday to denounce the blockade.",
        "title": "Rally in Sanaa",
        "source": "Test Wire (constructed)",
        "published": "2026-03-07",
    }
    (folder / "wire.jsonl").write_text(json.dumps(row) + "\n", "utf-8")
    ch = Chronicle(new_db(tmp_path, "fields.db"))
    assert ch.ingest([folder], pipeline=pipeline).added == 1
    rally = next(e for e in ch.chronicle() if e.event_type == "Protests")
    assert _name(rally.actor1) == "Protesters (Yemen)" and _name(rally.assoc_actor1).startswith("Houthis")
    out = io.StringIO()
    ch.export("acled", out)
    rows = [r for r in csv.DictReader(io.StringIO(out.getvalue())) if r["event_type"] == "Protests"]
    assert [(r["actor1"], r["assoc_actor_1"][:7]) for r in rows] == [("Protesters (Yemen)", "Houthis")]


# --- an arrest is dated by its own clause, not by the crime it is for ---


def _dated(text: str, published: str = "2024-07-25") -> dict[str, tuple[str, bool]]:
    events = kronika.analyze(text, published=published).events
    return {e.sub_event_type: (str(e.time.start_date), e.time.defaulted) for e in events}


def test_a_time_in_what_an_arrest_is_for_dates_the_crime():
    text = (
        "A 25-year-old man has been detained on suspicion of murdering a local journalist after she was "
        "shot dead in Odesa last Friday, police said."
    )
    assert _dated(text) == {"Arrests": ("2024-07-25", True), "Attack": ("2024-07-19", False)}
    dated = _dated("Police in Lagos arrested two men for attacking a journalist outside the court on Monday.")
    assert dated == {"Arrests": ("2024-07-25", True), "Attack": ("2024-07-22", False)}


def test_an_arrest_after_a_killing_is_not_of_the_killings_day():
    text = (
        "A 25-year-old man has been detained on suspicion of murdering a local journalist, police said, after "
        "her fatal stabbing in Odesa.\n\nThe journalist died in hospital last Friday after she was stabbed in "
        "the city centre."
    )
    assert _dated(text)["Arrests"] == ("2024-07-25", True)
    text = "Gunmen killed four villagers in Zamfara on Saturday. Police said they had arrested three suspects."
    assert _dated(text) == {"Attack": ("2024-07-20", False), "Arrests": ("2024-07-25", True)}


def test_arrests_at_a_protest_keep_its_day():
    text = "Thousands of teachers protested in Nairobi on Tuesday. Police arrested dozens of them near parliament."
    days = {e.time.start_date.isoformat() for e in kronika.analyze(text, published="2024-07-25").events}
    assert days == {"2024-07-23"}


def test_the_arresting_police_did_not_commit_the_crime():
    text = "Police arrested two men on Wednesday over the killing of a shopkeeper in Lagos on Sunday."
    e = _event(text, "Attack")
    assert e.actor1 is None and _name(e.actor2) == "Civilians (Nigeria)"
    assert _name(_event(text, "Arrests").actor1).startswith("Police Forces of Nigeria")


# --- who struck: a side named before the weapon, a name with the tagger's article, an exchange of fire ---


def test_the_side_named_before_the_weapon_is_the_attacker():
    e = _event("An M23 drone strike hit Goma airport on Sunday.", "Air/drone strike")
    assert _name(e.actor1) == "M23: March 23 Movement"
    e = _event("An RSF drone attack set fire to a fuel depot in Port Sudan on Sunday.", "Air/drone strike")
    assert _name(e.actor1) == "Rapid Support Forces"


def test_a_known_name_with_an_article_before_it_is_the_known_group():
    e = _event(
        "An al-Shabaab mortar attack hit the airport in Mogadishu on Sunday.", "Shelling/artillery/missile attack"
    )
    assert _name(e.actor1) == "Al Shabaab"


def test_a_side_that_strikes_across_its_border_does_not_strike_its_own_ground():
    text = (
        "Azerbaijani artillery shelled Jermuk in Armenia on Tuesday, killing two soldiers. In Azerbaijan, three "
        "villages in the Tartar district were hit the same day, officials said."
    )
    events = kronika.analyze(text, published="2025-05-07").events
    assert [_name(e.actor1) for e in events] == ["Military Forces of Azerbaijan (2003-)", None]
    text = (
        "Armenian artillery shelled Tartar in Azerbaijan on Tuesday. Azerbaijani artillery shelled Jermuk in "
        "Armenia the same day. According to Armenia, three villages were hit in Syunik province."
    )
    events = kronika.analyze(text, published="2025-05-07").events
    assert _name(events[-1].actor1) == "Military Forces of Azerbaijan (2003-)"
    text = "Sudanese army jets bombed Nyala on Monday. Two more areas of the city were hit on Tuesday."
    events = kronika.analyze(text, published="2025-05-07").events
    assert {_name(e.actor1) for e in events} == {"Military Forces of Sudan (2019-)"}


def test_a_pair_summed_up_by_each_are_the_two_sides():
    text = "On Friday, Ukraine and Russia each handed over 390 soldiers and civilians in the biggest prisoner exchange of the war."
    e = _event(text, "Agreement", published="2025-05-24")
    assert {_name(e.actor1), _name(e.actor2)} == {"Government of Ukraine (2019-)", "Government of Russia (2000-)"}


def _agreements(text: str, published: str) -> list:
    return [e for e in kronika.analyze(text, published=published).events if e.sub_event_type == "Agreement"]


def test_an_agreement_of_the_two_sides_is_between_the_parties_just_named():
    text = (
        "On Friday, Ukraine and Russia each handed over 390 prisoners. On Sunday, the two countries agreed to "
        "swap another 1,000 prisoners in Istanbul."
    )
    sunday = next(e for e in _agreements(text, "2025-05-26") if e.status == "occurred" and e.sentence == 1)
    assert (_name(sunday.actor1), _name(sunday.actor2)) == (
        "Government of Ukraine (2019-)",
        "Government of Russia (2000-)",
    )
    text = (
        "Israel and Hamas agreed to a ceasefire in Doha on January 15. Israeli strikes killed nine people in Gaza on "
        "Saturday. Mediators said on Sunday that the sides were negotiating a permanent truce in Cairo."
    )
    talks = _agreements(text, "2025-05-26")[-1]
    assert (_name(talks.actor1), _name(talks.actor2)) == ("Government of Israel (2022-)", "Hamas Movement")


def test_two_sides_that_are_no_parties_name_no_agreement_sides():
    text = "Protesters clashed with police in Dhaka on Monday. On Tuesday the two sides agreed to a truce."
    assert [(_name(e.actor1), _name(e.actor2)) for e in _agreements(text, "2025-05-26")] == [(None, None)]
    text = "Thousands of people protested in Nairobi on Tuesday. The two countries agreed to a trade deal on Monday."
    assert all(e.actor1 is None for e in _agreements(text, "2025-05-26"))


def test_the_possessor_before_a_date_is_the_doer():
    e = _event(
        "Daniel Cohen was abducted from his base during Hamas' Oct. 7, 2023, attack.", "Abduction/forced disappearance"
    )
    assert _name(e.actor1) == "Hamas Movement"
