"""The countries of protest and conflict reporting beyond the wars: their forces, police,
capitals and periods, on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

import kronika
from kronika.actors import find_actors, load_dictionary
from kronika.context import Context
from kronika.records import Document

COUNTRIES = (
    "BGD NPL LKA KAZ KGZ TJK UZB IDN KHM UGA TZA BDI ZWE ZMB MWI ZAF MDG SEN GHA TGO BEN GIN GNB GNQ CIV "
    "TUN MRT PER ECU BOL BRA CHL ARG NIC HND GTM SLV SRB XKX BIH MDA"
).split()


@pytest.fixture(scope="module")
def nlp():
    from kronika import nlp as knlp

    return knlp.load()


def _actors(nlp, text: str, published=dt.date(2025, 6, 20)):
    ctx = Context.from_doc(nlp(text), Document(id="t", text=text, published=published))
    return [(a.text, a.actor_id, a.name) for a in find_actors(ctx)]


def test_each_country_has_its_state_actors():
    d = load_dictionary()
    for iso3 in COUNTRIES:
        assert iso3 in d.countries, iso3
        for role in ("government", "military", "police", "civilians"):
            assert f"{iso3}.{role}" in d.entries, (iso3, role)


@pytest.mark.parametrize(
    "text, surface, actor_id",
    [
        ("Bangladeshi police fired tear gas at students.", "Bangladeshi police", "BGD.police"),
        ("Ugandan troops crossed into Congo.", "Ugandan troops", "UGA.military"),
        ("Kampala denied the report on Tuesday.", "Kampala", "UGA.government"),
        ("Carabineros fired water cannon at the marchers.", "Carabineros", "CHL.police"),
        ("Tajik border guards exchanged fire with Kyrgyz forces.", "Tajik border guards", "TJK.police"),
        ("Tajik border guards exchanged fire with Kyrgyz forces.", "Kyrgyz forces", "KGZ.military"),
        ("Kosovo Police raided the municipal building.", "Kosovo Police", "XKX.police"),
        ("Guinean soldiers fired on the crowd.", "Guinean soldiers", "GIN.military"),
        # the other Guineas are not Guinea
        ("Equatorial Guinea's government denied it.", "Equatorial Guinea's government", "GNQ.government"),
        ("Guinea-Bissau's army seized the palace.", "Guinea-Bissau's army", "GNB.military"),
    ],
)
def test_news_sentences(nlp, text, surface, actor_id):
    found = _actors(nlp, text)
    assert [a for a in found if a[0] == surface and a[1] == actor_id], found


def test_bosnian_serb_forces_are_not_the_state_of_bosnia(nlp):
    found = _actors(nlp, "Bosnian Serb forces shelled the town in 1995.")
    assert not [a for a in found if a[1] == "BIH.military"], found


def test_a_known_period_is_the_suffix_and_an_unknown_one_none(nlp):
    before = _actors(nlp, "Bangladeshi police fired tear gas.", published=dt.date(2024, 7, 19))
    after = _actors(nlp, "Bangladeshi police fired tear gas.", published=dt.date(2025, 2, 1))
    assert before[0][2] == "Police Forces of Bangladesh (2009-2024)"
    assert after[0][2] == "Police Forces of Bangladesh (2024-)"
    assert _actors(nlp, "Nepali police fired tear gas.")[0][2] == "Police Forces of Nepal"


def _main(text: str):
    events = kronika.analyze(text, published="2025-06-20").events
    lead = [e for e in events if e.lead] or events
    return max(lead, key=lambda e: (e.confidence, -e.start))


def test_police_of_the_place_intervene_in_a_protest():
    e = _main("Police fired tear gas at protesters in Kampala on Monday.")
    assert e.sub_event_type == "Protest with intervention" and e.place.name == "Kampala"
    assert e.actor1.name == "Protesters (Uganda)" and e.actor2.name == "Police Forces of Uganda (1986-)"


def test_police_of_a_country_without_a_period_have_no_suffix():
    e = _main("Protesters clashed with police in Kathmandu on Monday.")
    assert e.actor1.name == "Rioters (Nepal)" and e.actor2.name == "Police Forces of Nepal"  # a clash: ACLED's rioters


def test_police_named_by_demonym_arrest():
    e = _main("Serbian police detained students in Belgrade on Saturday.")
    assert e.sub_event_type == "Arrests" and e.actor1.name == "Police Forces of Serbia (2017-)"
