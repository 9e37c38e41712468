"""Session 18: readings found as a user on wire reports written for kronika (no benchmark text)."""

from __future__ import annotations

import pytest

from tests.wire import events_of as _events
from tests.wire import name_of as _name
from tests.wire import one_event as _one


# --- who acts with the doer: ACLED's associated actor --------------------------------------------


@pytest.mark.parametrize(
    "text, actor1, ally, actor2",
    [
        (
            "Syrian and Russian forces attacked rebel positions in Idlib province on Monday, killing 12 fighters.",
            "Military Forces of Syria",
            "Military Forces of Russia",
            None,
        ),
        (
            "American and British warplanes struck Houthi targets near Hodeidah on Saturday.",
            "Military Forces of the United States",
            "Military Forces of the United Kingdom",
            "Houthis",
        ),
        (
            "The Congolese army, backed by Ugandan forces, attacked ADF positions in Beni territory on Tuesday.",
            "Military Forces of the Democratic Republic of Congo",
            "Military Forces of Uganda",
            "ADF",
        ),
        (
            "Hamas and Islamic Jihad fighters fired rockets at Ashkelon on Tuesday.",
            "Hamas",
            "Palestinian Islamic Jihad",
            None,
        ),
        (
            "Five civilians were killed by Syrian and Russian air strikes on Idlib on Monday.",
            "Military Forces of Syria",
            "Military Forces of Russia",
            None,
        ),
    ],
)
def test_an_ally_named_beside_or_backing_the_doer_is_its_associated_actor(text, actor1, ally, actor2):
    e = _one(text)
    assert (_name(e.actor1) or "").startswith(actor1)
    assert (_name(e.assoc_actor1) or "").startswith(ally)
    if actor2 is not None:
        assert (_name(e.actor2) or "").startswith(actor2)
    else:
        assert not (_name(e.actor2) or "").startswith(ally)  # never the ally as the other side


@pytest.mark.parametrize(
    "text, one, other",
    [
        ("Russian and Ukrainian forces clashed near Bakhmut on Monday.", "Russia", "Ukraine"),
        ("Russian and Ukrainian forces exchanged fire near Bakhmut on Monday.", "Russia", "Ukraine"),
        ("Hezbollah fighters and Israeli troops clashed in southern Lebanon on Monday.", "Hezbollah", "Israel"),
    ],
)
def test_two_sides_named_as_one_subject_still_fight_each_other(text, one, other):
    # guard: a fight's two sides are its two actors, not allies
    e = _one(text)
    assert one in _name(e.actor1) and other in (_name(e.actor2) or "")
    assert e.assoc_actor1 is None


def test_a_sponsor_in_a_compound_is_no_ally():
    # guard: "Turkish-backed" names who backs the group, not who fought beside it
    e = _one("Turkish-backed Syrian National Army fighters clashed with Kurdish-led SDF forces near Manbij on Sunday.")
    assert e.assoc_actor1 is None


def test_the_army_and_allied_militias_regain_ground():
    # the first named leads: the army's recapture, not a militia's takeover
    e = _one("The army and allied militias retook the town of Kadugli from the SPLM-N on Sunday.")
    assert e.sub_event_type == "Government regains territory"


# --- an attack on civilians names its victims ---------------------------------------------------


def test_an_attack_with_no_victims_named_is_on_the_places_civilians():
    e = _one("The RSF attacked the camp of Zamzam in North Darfur on Friday, killing 100 civilians.")
    assert e.sub_event_type == "Attack"
    assert _name(e.actor1) == "Rapid Support Forces"
    assert _name(e.actor2) == "Civilians (Sudan)"  # never "Zamzam", a camp read as a person
    assert e.fatalities == 100


# --- the second actor a clause leaves unnamed ----------------------------------------------------


@pytest.mark.parametrize(
    "text, loser",
    [
        (
            "Russian forces captured the village of Vovche in the Donetsk region on Monday.",
            "Military Forces of Ukraine",
        ),
        (
            "The M23 rebels captured Goma, the capital of North Kivu province, on Monday.",
            "Military Forces of the Democratic Republic of Congo",
        ),
    ],
)
def test_ground_taken_is_taken_from_the_state_that_held_it(text, loser):
    e = _one(text)
    assert e.sub_event_type == "Non-state actor overtakes territory"
    assert (_name(e.actor2) or "").startswith(loser)


def test_a_government_retaking_its_own_ground_names_no_loser_it_does_not_know():
    # guard: the army's own country is not the side it retook the town from
    e = _one("The Sudanese army retook the town of Wad Madani on Saturday.")
    assert e.sub_event_type == "Government regains territory"
    assert e.actor2 is None or "Sudan" not in e.actor2.name


def test_weapons_shot_down_are_those_of_the_launch_told_before():
    events = _events(
        "Russia launched 89 drones at Kyiv overnight. Ukraine's air force said all 89 drones were shot down."
    )
    downed = next(e for e in events if e.sub_event_type == "Disrupted weapons use")
    assert _name(downed.actor1).startswith("Military Forces of Ukraine")
    assert (_name(downed.actor2) or "").startswith("Military Forces of Russia")


@pytest.mark.parametrize(
    "text, target",
    [
        ("Hezbollah fired rockets at Israel on Tuesday.", "Military Forces of Israel"),
        (
            "U.S. forces struck a facility in eastern Syria used by Iran-backed militia groups on Friday.",
            "Iran-backed militia groups",
        ),
    ],
)
def test_a_target_told_as_whose_it_is_gives_the_second_actor(text, target):
    e = _one(text)
    assert (_name(e.actor2) or "").startswith(target)


@pytest.mark.parametrize(
    "text, victims",
    [
        ("Gunmen kidnapped opposition leader Freddy Superlano in Caracas on Tuesday.", "Civilians (Venezuela)"),
        ("Gunmen abducted 20 villagers in Zamfara state on Sunday.", "Civilians (Nigeria)"),
    ],
)
def test_the_victims_of_an_abduction_are_civilians(text, victims):
    e = _one(text)
    assert e.sub_event_type == "Abduction/forced disappearance"
    assert _name(e.actor2) == victims


# --- a name does not vouch for its own reading ---------------------------------------------------


def test_a_town_in_a_report_on_mali_is_not_bonn():
    e = _one("The Malian army retook the town of Boni on Sunday.")
    assert e.place is None or e.place.country_iso3 in (None, "MLI")  # unknown, never Germany's Bonn


def test_a_far_municipality_named_after_a_far_town_is_not_meant():
    e = _one("Wagner mercenaries and Malian soldiers killed dozens of civilians in Moura on Thursday.")
    assert e.place is None or e.place.country_iso3 in (None, "MLI")  # never Portugal's Moura
    assert _name(e.actor1) == "Wagner Group"
    assert (_name(e.assoc_actor1) or "").startswith("Military Forces of Mali")
    assert e.fatalities == 12  # "dozens", ACLED's rule


def test_a_strike_whose_dead_are_no_ones_fell_on_civilians():
    e = _one("Four deaths were reported in the Khmelnytskyi region after Russian missile strikes.")
    assert _name(e.actor1).startswith("Military Forces of Russia")
    assert _name(e.actor2) == "Civilians (Ukraine)"


def test_a_strike_whose_dead_are_soldiers_fell_on_their_side():
    # guard: the counted dead name their side
    e = _one("Russian shelling killed two Ukrainian soldiers near Bakhmut.")
    assert _name(e.actor2).startswith("Military Forces of Ukraine")


def test_the_ukrainian_city_of_sumy_is_in_ukraine_whatever_else_the_report_names():
    events = _events(
        "A Russian missile struck the centre of the Ukrainian city of Sumy on Sunday, killing 11 people. "
        "Hours later, Russia's defence ministry said air defences had shot down 17 drones overnight."
    )
    strike = next(e for e in events if e.sub_event_type == "Shelling/artillery/missile attack")
    assert strike.place is not None and strike.place.name == "Sumy" and strike.place.country_iso3 == "UKR"
    assert _name(strike.actor2) == "Civilians (Ukraine)"
    downed = next(e for e in events if e.sub_event_type == "Disrupted weapons use")
    assert _name(downed.actor1).startswith("Military Forces of Russia")  # its own air defences
    assert downed.actor2 is None or "Russia" not in downed.actor2.name  # never its own side as the target


@pytest.mark.parametrize(
    "text, fatalities",
    [
        ("Israeli forces killed three Palestinians in Jenin on Monday.", 3),
        ("Israeli troops and settlers attacked Palestinians in the village of Sinjil on Friday.", None),
    ],
)
def test_people_named_by_their_nationality_are_its_civilians(text, fatalities):
    e = _one(text)
    assert e.sub_event_type == "Attack"
    assert _name(e.actor2) == "Civilians (Palestine)"
    assert e.fatalities == fatalities


def test_the_russians_as_the_doer_are_russias_forces():
    # guard: a nationality as the doer is its forces
    e = _one("The Russians attacked Ukrainian positions near Pokrovsk on Monday.")
    assert _name(e.actor1).startswith("Military Forces of Russia")
    assert _name(e.actor2).startswith("Military Forces of Ukraine")


def test_foreigners_killed_in_a_war_abroad_are_not_made_civilians():
    # guard: "50 Russians" killed in Mali may be its mercenaries
    e = _one("Tuareg rebels ambushed a convoy in northern Mali on Saturday, killing 50 Russians.")
    assert e.sub_event_type == "Armed clash" and e.fatalities == 50
    assert e.actor2 is None or not e.actor2.name.startswith("Civilians")
