"""Session 18: readings found as a user on wire reports written for kronika (no benchmark text)."""

from __future__ import annotations

import pytest

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
