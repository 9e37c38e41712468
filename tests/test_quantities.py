"""Quantities: numbers in digits and words, ranges, bounds, approximations, units; non-counts dropped."""

from __future__ import annotations

import datetime as dt

import pytest

from kronika.context import Context
from kronika.quantities import find_quantities, parse_quantities
from kronika.records import Document


def _one(text: str):
    found = [p for p in parse_quantities(text) if p.is_quantity]
    assert len(found) == 1, found
    return found[0]


@pytest.fixture(scope="module")
def example_ctx(example_text):
    from kronika import nlp

    doc = nlp.load()(example_text)
    return Context.from_doc(doc, Document(id="ex", text=example_text, published=dt.date(2025, 1, 20)))


@pytest.mark.parametrize(
    "text, value, low, high, qualifier",
    [
        ("Officials said two soldiers died.", 2, None, None, "exact"),
        ("a dozen drones were shot down", 12, None, None, "exact"),
        ("The strikes displaced 1.5 million people.", 1_500_000, None, None, "exact"),
        ("twenty-five fighters surrendered", 25, None, None, "exact"),
        ("they sent 10,000-12,000 troops", None, 10_000, 12_000, "range"),
        ("between 10 and 12 tanks were lost", None, 10, 12, "range"),
        ("at least 17 people were killed", 17, 17, None, "at_least"),
        ("more than 100 other military personnel", 100, 100, None, "more_than"),
        ("over 300 drones", 300, 300, None, "more_than"),
        ("up to 30 missiles", 30, None, 30, "at_most"),
        ("fewer than 50 civilians", 50, None, 50, "less_than"),
        ("nearly 200 wounded", 200, None, None, "approximately"),
        ("some 500 fighters", 500, None, None, "approximately"),
        ("an estimated 4,000 refugees", 4000, None, None, "approximately"),
        ("1,000 or more prisoners", 1000, 1000, None, "at_least"),
    ],
)
def test_values_ranges_and_qualifiers(text, value, low, high, qualifier):
    q = _one(text)
    assert (q.value, q.low, q.high, q.qualifier) == (value, low, high, qualifier)


def test_approximate_range_is_kept_whole():
    q = _one("with North Korea sending approximately 10,000 to 12,000 soldiers to Kursk Oblast")
    assert q.text == "approximately 10,000 to 12,000"
    assert (q.value, q.low, q.high) == (None, 10_000, 12_000)
    assert q.qualifier == "approximately" and q.qualifier_text == "approximately"


@pytest.mark.parametrize(
    "text, low, high",
    [("Hundreds of troops", 100, 1000), ("tens of thousands of people fled", 10_000, 100_000), ("dozens of drones", 12, 120)],
)
def test_vague_amounts(text, low, high):
    q = _one(text)
    assert q.vague and q.qualifier == "vague" and q.value is None
    assert (q.low, q.high) == (low, high)


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("They quickly captured around 1,250 square kilometers of territory", 1250, "km2"),
        ("an area of 400 km² was retaken", 400, "km2"),
        ("about 40 square miles", 40, "mi2"),
        ("turnout fell to 45 percent", 45, "percent"),
        ("inflation hit 12%", 12, "percent"),
    ],
)
def test_units(text, value, unit):
    q = _one(text)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize(
    "text, kind",
    [
        ("he began his military career at age 17", "age"),
        ("a 19-year-old conscript", "age"),
        ("the 3rd Battalion moved north", "ordinal"),
        ("an Su-34 bomber", "designation"),
        ("call 555-0123 for details", "phone"),
        ("at 10:30 a.m. local time", "time"),
        ("In November 2024, troops arrived", "year"),
        ("On 11 January, forces reported", "date"),
    ],
)
def test_not_counts(text, kind):
    kinds = {p.kind for p in parse_quantities(text)}
    assert kind in kinds
    assert not [p for p in parse_quantities(text) if p.is_quantity]


def test_example_quantities(example_ctx):
    found = {q.text: q for q in find_quantities(example_ctx)}
    assert "17" not in found and "age 17" not in found
    assert not any(q.value in (2024.0, 2025.0, 11.0, 20.0) for q in found.values())
    area = found["around 1,250 square kilometers"]
    assert (area.value, area.unit, area.qualifier) == (1250, "km2", "approximately")
    troops = found["approximately 10,000 to 12,000"]
    assert (troops.low, troops.high, troops.value) == (10_000, 12_000, None)
    assert found["more than 100"].qualifier == "more_than"
    assert found["3,800"].value == 3800 and found["2,700"].value == 2700 and found["300"].value == 300
    assert found["Hundreds"].vague
    assert found["two"].value == 2
    # offsets point into the text
    for q in found.values():
        assert example_ctx.text[q.start : q.end] == q.text
