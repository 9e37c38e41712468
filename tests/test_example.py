"""The canonical example, end to end through the whole pipeline (issue 2's checklist)."""

from __future__ import annotations

import datetime as dt

D = dt.date


def sentence_of(a, item) -> str:
    return a.sentences[item.sentence].text


# --- places ----------------------------------------------------------------------------

# the example's places, times, claims and events that must (not) be found: tests/expected/*.yaml


def test_pyongyang_is_an_actor_not_a_location(example_analysis):
    a = example_analysis
    pyongyang = [p for p in a.places if p.text == "Pyongyang"]
    assert pyongyang and all(p.role == "actor" for p in pyongyang)
    actor = next(x for x in a.actors if x.text == "Pyongyang")
    assert actor.country_iso3 == "PRK" and actor.via == "capital"
    assert not any(e.place is not None and e.place.text == "Pyongyang" for e in a.events)
    assert not any(c.place is not None and c.place.text == "Pyongyang" for c in a.claims)


def test_every_place_keeps_its_sentence(example_analysis):
    a = example_analysis
    for p in a.places:
        assert a.document.text[p.start : p.end] == p.text
        s = a.sentences[p.sentence]
        assert s.start <= p.start and p.end <= s.end


# --- times -----------------------------------------------------------------------------

# times: tests/expected/kursk-north-korean-pow-2025-01-20.yaml


def test_no_time_from_counts_ages_or_may(example_analysis):
    texts = " | ".join(t.text for t in example_analysis.times)
    for wrong in ("2,700", "1,250", "17", "may"):
        assert wrong not in texts.split(" | ")
    assert not any(t.text.lower() in ("may", "age 17") for t in example_analysis.times)


# --- claims ----------------------------------------------------------------------------


def claim(a, measure, value=None, low=None):
    return [
        c
        for c in a.claims
        if c.measure == measure
        and (value is None or c.quantity.value == value)
        and (low is None or c.quantity.low == low)
    ]


def test_casualties_breakdown_flagged(example_analysis):
    [c] = claim(example_analysis, "casualties", 3800)
    assert "Zelenskyy" in c.claimant_text and c.claimant.country_iso3 == "UKR"
    assert c.modality == "asserted" and not c.headline
    assert c.time.start_date == D(2025, 1, 1) and c.time.end_date == D(2025, 1, 10)
    assert c.place.geonameid == 538555
    assert c.subject.country_iso3 == "PRK"
    assert {(p.measure, p.quantity.value) for p in c.parts} == {("killed", 300), ("wounded", 2700)}
    assert c.parts_sum == 3000 and c.parts_check == "short"


def test_troops_sent_range(example_analysis):
    [c] = claim(example_analysis, "troops", low=10000)
    q = c.quantity
    assert (q.low, q.high, q.qualifier) == (10000, 12000, "approximately")
    assert c.time.value == "2024-11" and c.place.geonameid == 538555
    assert c.subject.country_iso3 == "PRK"


def test_territory_captured(example_analysis):
    [c] = claim(example_analysis, "area", 1250)
    assert c.quantity.unit == "km2" and c.quantity.qualifier == "approximately"
    assert c.time.value == "2024-08"


def test_two_soldiers_captured(example_analysis):
    [c] = claim(example_analysis, "captured", 2)
    assert c.time.start_date == D(2025, 1, 11) and c.subject.country_iso3 == "PRK"


def test_more_than_100_on_the_ferry(example_analysis):
    found = claim(example_analysis, "troops", 100)
    assert found and all(c.quantity.qualifier == "more_than" for c in found)


def test_one_capture_event(example_analysis):
    """The capture is one event (lead and body), on 11 January 2025 in Kursk Oblast, Ukraine's
    forces taking North Korean soldiers; no government regains territory inside Russia."""
    caps = [e for e in example_analysis.events if e.kind == "capture"]
    assert len(caps) == 1
    cap = caps[0]
    assert cap.time.start_date == cap.time.end_date == D(2025, 1, 11) and not cap.time.defaulted
    assert cap.place.name == "Kursk Oblast" and cap.status == "occurred" and cap.mentions
    assert cap.actor1.name.startswith("Military Forces of Ukraine") and cap.actor2.country_iso3 == "PRK"
    assert not [e for e in example_analysis.events if e.sub_event_type == "Government regains territory"]


def test_nothing_from_the_related_list(example_analysis):
    a = example_analysis
    related = a.text.index("Related:") if hasattr(a, "text") else a.document.text.index("Related:")
    assert not [c for c in a.claims if c.start >= related or c.quantity.start >= related]
    assert not [e for e in a.events if e.start >= related]


def test_no_claim_from_age(example_analysis):
    assert not any("17" in c.quantity.text for c in example_analysis.claims)


# --- events ----------------------------------------------------------------------------


def test_capture_of_two_soldiers(example_analysis):
    e = next(
        e for e in example_analysis.events if e.kind == "capture" and e.time and e.time.start_date == D(2025, 1, 11)
    )
    assert e.actor1.name.startswith("Military Forces of Ukraine")
    assert e.actor2.name.startswith("Military Forces of North Korea")
    assert e.place.geonameid == 538555 and e.status == "occurred"


def test_north_korean_deployment(example_analysis):
    e = next(e for e in example_analysis.events if e.kind == "deployment" and e.time and e.time.value == "2024-11")
    assert e.actor1.name.startswith("Military Forces of North Korea") and e.place.geonameid == 538555
    assert e.event_type == "Strategic developments"


def test_incursion_and_capture_of_sudzha(example_analysis):
    a = example_analysis
    incursion = next(e for e in a.events if "incursion" in e.trigger.text)
    assert incursion.time.value == "2024-08" and incursion.place.geonameid == 538555
    assert incursion.actor1.name.startswith("Military Forces of Ukraine")
    sudzha = next(e for e in a.events if e.place is not None and e.place.geonameid == 486816)
    assert sudzha.time.value == "2024-08" and sudzha.actor1.name.startswith("Military Forces of Ukraine")


def test_exchange_proposal_is_planned(example_analysis):
    e = next(e for e in example_analysis.events if e.kind == "proposal")
    assert e.status == "planned" and e.actor1.country_iso3 == "UKR"
    assert e.actor2 is not None and e.actor2.country_iso3 == "PRK"


def test_every_item_links_to_its_sentence(example_analysis):
    a = example_analysis
    for item in (*a.places, *a.times, *a.actors, *a.quantities, *a.claims, *a.events):
        s = a.sentences[item.sentence]
        assert s.start <= item.start < item.end <= s.end, (type(item).__name__, item.text, s)
        assert a.document.text[item.start : item.end] == item.text
