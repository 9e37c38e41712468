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
    [
        ("Hundreds of troops", 100, 1000),
        ("tens of thousands of residents left Avdiivka", 10_000, 100_000),
        ("dozens of drones", 12, 120),
    ],
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
    assert (found["17"].kind, found["17"].unit_name) == ("age", "year of age")  # "at age 17": an age, said so
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


# --- changes between two figures: a start and an end, not a range -----------------------------------------


@pytest.mark.parametrize(
    "text, qtext, value, previous, unit, change",
    [
        (
            "The death toll from the strike rose from 300 to 400 killed, the governor said.",
            "from 300 to 400",
            400,
            300,
            None,
            "up",
        ),
        ("Casualties fell from 10 to 8 last week.", "from 10 to 8", 8, 10, None, "down"),
        ("Inflation increased from 5% to 7% in March.", "from 5% to 7%", 7, 5, "percent", "up"),
        # the unit (and the scale) written once serves both figures
        (
            "Unemployment in the region is expected to fall from 9.6 to 9.1 percent this winter.",
            "from 9.6 to 9.1 percent",
            9.1,
            9.6,
            "percent",
            "down",
        ),
        (
            "The number of displaced people grew from 5.1 to 6.2 million over the year.",
            "from 5.1 to 6.2 million",
            6_200_000,
            5_100_000,
            None,
            "up",
        ),
        # a time adjunct between the figures
        (
            "Civilian casualties dropped from 1,000 in January to 600 in February.",
            "from 1,000 in January to 600",
            600,
            1000,
            None,
            "down",
        ),
        # told end first
        ("Officials said the number of wounded increased to 80 from 64.", "80", 80, 64, None, "up"),
        ("At least 20 civilians were killed, up from 12 on Friday, officials said.", "At least 20", 20, 12, None, "up"),
        ("Grain exports fell to 2.5m tonnes from 3.1m tonnes.", "2.5m tonnes", 2_500_000, 3_100_000, "t", "down"),
    ],
)
def test_change_from_to_is_two_figures(text, qtext, value, previous, unit, change):
    q = _one(text)
    assert (q.text, q.value, q.previous, q.unit, q.change) == (qtext, value, previous, unit, change)
    assert q.qualifier != "range" and q.high is None  # never a range (at least 20: low is 20)


def test_change_chain_keeps_each_step():
    found = [p for p in parse_quantities("The fuel price rose from $640 to $710 to $790 in a month.") if p.is_quantity]
    assert [(p.previous, p.value, p.unit) for p in found] == [(640, 710, "usd"), (710, 790, "usd")]


@pytest.mark.parametrize(
    "text, low, high",
    [
        # no word of change: "from X to Y" is a range
        ("Repairs to the bridge are costed from $650,000 to $1.8 million.", 650_000, 1_800_000),
        ("From 10,000 to 12,000 soldiers were sent to the region.", 10_000, 12_000),
        ("Sentences run from 5 up to 10 years.", 5, 10),
        # a range revised to a range is two ranges
        ("The army cut its estimate from 20 to 25 per cent to 10 to 15 per cent.", 20, 25),
    ],
)
def test_from_to_without_change_is_a_range(text, low, high):
    q = [p for p in parse_quantities(text) if p.is_quantity][0]
    assert (q.value, q.low, q.high, q.previous) == (None, low, high, None)


def test_change_is_not_read_across_times_or_years():
    # the clock times are not a change, the years are not figures
    found = [
        p for p in parse_quantities("The hryvnia bond slid from $912 to $874 from 6.10am to 9.40am.") if p.is_quantity
    ]
    assert [(p.previous, p.value) for p in found] == [(912, 874)]
    assert not [p for p in parse_quantities("The economy grew from 1990 to 2000.") if p.is_quantity]


def test_change_in_the_pipeline_keeps_the_current_figure():
    from kronika import nlp

    text = "The number of people killed in the strike rose from 30 to 45, officials said."
    doc = nlp.load()(text)
    ctx = Context.from_doc(doc, Document(id="t", text=text, published=dt.date(2025, 1, 20)))
    found = find_quantities(ctx)
    assert [(q.text, q.value, q.low, q.high) for q in found] == [("from 30 to 45", 45, None, None)]


# --- fractions, alternatives, suspended hyphens ------------------------------------------------------------


@pytest.mark.parametrize(
    "text, qtext, value",
    [
        ("A third of the village lies in ruins.", "A third", 1 / 3),
        ("Nearly two-thirds of its residents have fled.", "Nearly two-thirds", 2 / 3),
        ("One in five Ukrainians has been displaced.", "One in five", 0.2),
        ("three quarters of the town lost power", "three quarters", 0.75),
    ],
)
def test_fractions_are_proportions_not_counts(text, qtext, value):
    found = parse_quantities(text)
    assert not [p for p in found if p.is_quantity]  # never "two" or "one" soldiers
    f = next(p for p in found if p.kind == "fraction")
    assert f.text == qtext and f.value == pytest.approx(value)


def test_part_of_a_total_stays_two_counts():
    found = [p.value for p in parse_quantities("13 out of 19 crew members were kidnapped.") if p.is_quantity]
    assert found == [13, 19]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A loaf of bread now sells for 3 or $4 in Kherson.", [(3, "usd"), (4, "usd")]),
        ("the crews fit 5- or 6-inch armour plates", [(5, "in"), (6, "in")]),
        ("5 or 6 million barrels", [(5_000_000, "bbl"), (6_000_000, "bbl")]),
        # number words joined by "or" are alternatives too, not a range
        ("A bus ticket costs six or seven hryvnias.", [(6, "uah"), (7, "uah")]),
        ("two or three drones", [(2, None), (3, None)]),
    ],
)
def test_alternatives_share_the_unit(text, expected):
    assert [(p.value, p.unit) for p in parse_quantities(text) if p.is_quantity] == expected


@pytest.mark.parametrize(
    "text, low, high, unit",
    [
        ("Forces advanced 2- to 3-km along the front.", 2, 3, "km"),
        ("the armoured car reaches a 0-to-50-mph sprint quickly", 0, 50, "mph"),
        ("rations give soldiers roughly 3000 - 3600 calories daily", 3000, 3600, "calorie"),
        ("Between 2000 and 2500 troops were deployed.", 2000, 2500, None),
    ],
)
def test_more_range_forms(text, low, high, unit):
    q = _one(text)
    assert (q.low, q.high, q.unit) == (low, high, unit)


# --- designations and names are not counts -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, kept",
    [
        ("The UK supplied 14 Challenger 2 tanks.", [14]),
        ("Germany supplied Leopard 2 tanks to Kyiv.", []),
        ("Marines of 3 Commando Brigade trained the crews.", []),
        ("he told BBC One on Sunday", []),
        ("the storm was rated a category two cyclone", []),
        ("the decree suspends Part 4 of the martial law statute", []),
        ("the Moscow Exchange's broad MOEX 50 index fell 2.3 percent", [2.3]),
        ("Aid was stored at 22-24 Harbour Avenue in Odesa.", []),
        # a place after a preposition, then a count
        ("In Bakhmut 20 soldiers died.", [20]),
        ("Russia Loses Two Tanks Near Kupiansk", [2]),
    ],
)
def test_designations_are_not_counts(text, kept):
    assert [p.value for p in parse_quantities(text) if p.is_quantity] == kept


# --- units -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("7m Ukrainians fled abroad", 7_000_000, None),  # a million, not metres
        ("about 1.4m registered internally displaced pensioners", 1_400_000, None),
        ("the shelter is 500m from the front line", 500, "m"),
        ("The convoy moved at roughly 40 m.p.h.", 40, "mph"),
        ("The exclusion zone extends 12 nautical miles from the coast.", 12, "nmi"),
        ("a generator bought for 1,900€", 1900, "eur"),
        ("a fine of ₴1,000", 1000, "uah"),
        ("UAH 500 million in aid", 500_000_000, "uah"),
        ("a 20 kiloton warhead", 20, "kiloton"),
        ("586 lb-ft of torque", 586, "lbf_ft"),
        ("the trade balance fell to $-50.8bn", -50_800_000_000, "usd"),
        ("attacks grew more than threefold", 3, "times"),
        ("a donation of 8,200,000 YEN to the Red Cross", 8_200_000, "jpy"),
    ],
)
def test_more_units(text, value, unit):
    q = _one(text)
    assert (q.value, q.unit) == (value, unit)


def test_age_with_years_is_an_age():
    q = next(p for p in parse_quantities("evacuees under the age of 7 years") if p.kind == "age")
    assert (q.value, q.unit) == (7, "age")


def test_counts_carry_what_they_count(pipeline):
    a = pipeline.analyze(
        "Russia launched 45 drones and 3 ballistic missiles overnight, killing 12 people "
        "and damaging two power stations; Ukraine lost 1,250 square kilometres.",
        published="2025-03-10",
    )
    got = {q.text: (q.counted, q.counted_phrase, q.unit_name) for q in a.quantities}
    assert got["45"] == ("drone", "drone", None)
    assert got["3"] == ("missile", "ballistic missile", None)
    assert got["12"] == ("person", "people", None)
    assert got["two"] == ("station", "power station", None)
    assert got["1,250 square kilometres"] == (None, None, "square kilometre")


def test_rates_carry_their_denominator(pipeline):
    a = pipeline.analyze(
        "Diesel in Lviv costs $1.40 per litre, and artillery fire rose 20 percent a week.", published="2025-03-10"
    )
    got = {q.text: (q.unit_name, q.per) for q in a.quantities}
    assert got["$1.40"] == ("dollar", "litre")
    assert got["20 percent"] == ("percentage", "week")


@pytest.mark.parametrize(
    "text, expected",
    [
        # a verb's particle is no change
        ("The brigade gave up 300 metres of trench near Chasiv Yar.", [("300 metres", None)]),
        ("Recruiting offices signed up 1,200 volunteers in May.", [("1,200", None)]),
        ("Fuel prices were up 8% in March.", [("8%", "up")]),
        # the figure right after a word of change is the change; a figure after the amount is not
        ("Exports rose by 12% and imports fell 3 percent.", [("12%", "up"), ("3 percent", "down")]),
        (
            "Inflation rose to 9% and the rate of unemployment fell to 6.5 percent.",
            [("9%", "up"), ("6.5 percent", "down")],
        ),
        ("Shares were down 4 percent to $13.60 at noon.", [("4 percent", "down"), ("$13.60", None)]),
        # a conversion in brackets is the same change
        (
            "The river fell by 2 to 3 metres (6.6 to 9.8 feet) after the dam was breached.",
            [("2 to 3 metres", "down"), ("6.6 to 9.8 feet", "down")],
        ),
    ],
)
def test_change_words_and_conversions(text, expected):
    assert [(p.text, p.change) for p in parse_quantities(text) if p.is_quantity] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # words of change of market reports (changes.yaml)
        (
            "The hryvnia slipped 1.5% while grain futures plummeted 4 percent.",
            [("1.5%", "down"), ("4 percent", "down")],
        ),
        (
            "Bond yields spiked 30 basis points and steel output contracted 2%.",
            [("30 basis points", "up"), ("2%", "down")],
        ),
        # money raised is money collected, not a change; a figure raised by or to an amount is one
        ("The volunteer fund raised $4.5 million for drones in March.", [("$4.5 million", None)]),
        ("The charity has raised more than 20 million hryvnias.", [("more than 20 million hryvnias", None)]),
        ("Fees were raised to 3% and then raised by 2 points.", [("3%", "up"), ("2 points", "up")]),
        # a verb's particle is no change
        ("A sniper gunned down 3 officers near the bridge.", [("3", None)]),
        ("The ministry freed up $26 million for shelters.", [("$26 million", None)]),
        # a word of a move on the ground is no change
        ("Forces advanced 4 km and retreated 2 km elsewhere.", [("4 km", None), ("2 km", None)]),
    ],
)
def test_change_words_from_the_data_file(text, expected):
    assert [(p.text, p.change) for p in parse_quantities(text) if p.is_quantity] == expected


def test_as_many_as_states_the_figure():
    """'as many as 40 drones' is the figure said with emphasis on its size: exact, the wording kept."""
    q = _one("As many as 40 drones flew over Odesa on Friday.")
    assert (q.text, q.value, q.qualifier, q.high) == ("As many as 40", 40.0, "exact", None)


def test_changes_data_file_is_validated(tmp_path):
    from kronika.data import DATA_DIR, load_yaml
    from kronika.errors import DataError
    from kronika.quantities.changes import _ChangesFile

    text = (DATA_DIR / "quantities" / "changes.yaml").read_text("utf-8")
    with pytest.raises(DataError, match=r"changes\.yaml: particle_verbs: Field required"):
        load_yaml(tmp_path / "changes.yaml", _ChangesFile, text=text.replace("particle_verbs:", "particle_verb:"))
    with pytest.raises(DataError, match=r"changes\.yaml: change_stems: .*not a regular expression"):
        load_yaml(tmp_path / "changes.yaml", _ChangesFile, text=text.replace("'rose',", "'ro(se',"))


def test_proportions_are_quantities_but_never_claims(pipeline):
    a = pipeline.analyze(
        "A third of the village lies in ruins and one in five residents has fled; "
        "12 civilians were killed, the governor said.",
        published="2025-03-10",
    )
    got = [(q.text, q.kind, round(q.value, 3)) for q in a.quantities if q.kind == "proportion"]
    assert got == [("A third", "proportion", 0.333), ("one in five", "proportion", 0.2)]
    assert [c.quantity.text for c in a.claims] == ["12"]


def test_ages_with_their_unit_are_quantities_but_never_claims(pipeline):
    a = pipeline.analyze(
        "A 19-year-old conscript and two other soldiers were killed, and Olena Kovalenko, 34, "
        "was wounded, the regional governor said.",
        published="2025-03-10",
    )
    ages = [(q.text, q.kind, q.unit_name) for q in a.quantities if q.kind == "age"]
    assert ages == [("19-year-old", "age", "year of age")]
    assert not any(q.text == "34" for q in a.quantities)
    assert [c.quantity.text for c in a.claims] == ["two"]


def test_ages_said_as_ages_are_quantities_but_never_claims(pipeline):
    """'aged 34', 'over the age of 18', 'aged 5 to 11' are ages in years (a bare '34' after a name is not)."""
    a = pipeline.analyze(
        "Two soldiers were killed, a medic aged 34 was wounded, and only volunteers over the age of 18 were "
        "evacuated with children aged 5 to 11, the governor said.",
        published="2025-03-10",
    )
    ages = [(q.text, q.value, q.low, q.high, q.unit_name) for q in a.quantities if q.kind == "age"]
    assert ages == [
        ("34", 34.0, None, None, "year of age"),
        ("18", 18.0, None, None, "year of age"),
        ("5 to 11", None, 5.0, 11.0, "year of age"),
    ]
    assert [c.quantity.text for c in a.claims] == ["Two"]  # no claim of an age


def test_offset_of_a_relative_date_is_a_span_of_time(pipeline):
    """'six minutes later', 'three weeks ago': the time stage owns the date, the offset is a measure."""
    a = pipeline.analyze(
        "The shelling resumed six minutes later. Three weeks ago the bridge was hit.", published="2025-03-10"
    )
    got = [(q.text, q.value, q.unit_name) for q in a.quantities]
    assert got == [("six minutes", 6.0, "minute"), ("Three weeks", 3.0, "week")]


@pytest.mark.parametrize(
    "text",
    [
        "Reviewers compared the iPhone 12 and the older model.",  # a product's number, a camel-case name
        "Shares in the S P 500 fell.",  # "S&P 500" written without "&"
        "The company lists clients among the Fortune 500 on its website.",
        "We tested the Pixel 7 to see how it copes.",
        "The fort was built between A.D. 1100 and 1250 by settlers.",  # years of the era
    ],
)
def test_numbers_of_names_are_not_counts(text):
    assert [p.text for p in parse_quantities(text) if p.is_quantity] == []


@pytest.mark.parametrize(
    "text, count",
    [
        ("In Bakhmut 20 of the soldiers were wounded.", "20"),  # a place after a preposition, then a count
        ("Officials told Reuters 20 people died.", "20"),
        ("The brigade lost 14 Leopard 2 tanks.", "14"),
    ],
)
def test_counts_after_names_stay_counts(text, count):
    assert [p.text for p in parse_quantities(text) if p.is_quantity] == [count]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The club faces a last-16 tie in March.", []),  # a rank
        ("She finished in the top 10 in Paris.", []),
        ("They lost the last three games.", [("three", 3.0, "exact")]),  # a count of games
        ("The battery has averaged 40 shells a day.", [("averaged 40", 40.0, "exact")]),
        ("Crews cleared an average of 12 mines an hour.", [("an average of 12", 12.0, "exact")]),
    ],
)
def test_ranks_and_averages(text, expected):
    assert [(p.text, p.value, p.qualifier) for p in parse_quantities(text) if p.is_quantity] == expected


def test_quantities_do_not_import_claims():
    """What a count counts belongs to quantities; the claims stage reads it from there (no import cycle)."""
    import subprocess
    import sys

    code = "import sys, kronika.quantities; print(sorted(m for m in sys.modules if m.startswith('kronika.claims')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_counted_words_cover_the_claims_nouns():
    """Every noun the claims stage measures is a word the quantities stage reads as counted, so a
    count the claims stage measures ("2,700 wounded") has its counted word in the quantity too."""
    from kronika.claims import lexicon as claims_lexicon
    from kronika.quantities.counted import counted_words

    assert set(claims_lexicon.load().nouns) <= counted_words()


def test_counted_word_tagged_as_adjective():
    """'2,700 wounded' counts the wounded although spaCy tags the word as an adjective or a verb."""
    from kronika import nlp
    from kronika.quantities.counted import counted_noun

    doc = nlp.load()("The army said 2,700 wounded were evacuated and 12 killed were buried.")
    for number, word in (("2,700", "wounded"), ("12", "killed")):
        start = doc.text.index(number)
        noun, _ = counted_noun(doc.char_span(start, start + len(number)), doc)
        assert noun is not None and noun.text == word
        assert noun.pos_ not in ("NOUN", "PROPN")  # found through the counted words, not as a noun
