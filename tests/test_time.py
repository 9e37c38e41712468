"""The time stage on the canonical example, re3d texts and short news sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from kronika.time import attach_time, extract, find_times, normalize

from .conftest import re3d_documents

D = dt.date


def one(text: str, published: D, timeml: bool = False):
    found = extract(text, published, timeml=timeml)
    assert len(found) == 1, found
    return found[0]


def by_text(found, text):
    hits = [t for t in found if t.text == text]
    assert hits, f"{text!r} not found in {[t.text for t in found]}"
    return hits[0]


# --- the canonical example -------------------------------------------------------


@pytest.fixture(scope="module")
def example_ctx(example_text):
    from kronika import nlp
    from kronika.context import Context
    from kronika.records import Document

    doc = nlp.load()(example_text)
    return Context.from_doc(doc, Document(id="kursk", text=example_text, published=D(2025, 1, 20)))


@pytest.fixture(scope="module")
def example_times(example_ctx):
    return find_times(example_ctx)


def test_example_on_11_january(example_times):
    t = by_text(example_times, "11 January")
    assert (t.value, t.start_date, t.end_date, t.granularity) == ("2025-01-11", D(2025, 1, 11), D(2025, 1, 11), "day")
    assert t.anchor == "publication" and t.acled_time_precision == 1 and t.ucdp_date_prec == 1


def test_example_months(example_times):
    aug = by_text(example_times, "August 2024")
    nov = by_text(example_times, "November 2024")
    assert (aug.value, aug.granularity, aug.start_date, aug.end_date) == (
        "2024-08",
        "month",
        D(2024, 8, 1),
        D(2024, 8, 31),
    )
    assert (nov.value, nov.granularity, nov.anchor) == ("2024-11", "month", "absolute")
    assert aug.acled_time_precision == 3 and aug.ucdp_date_prec == 3


def test_example_early_january(example_times):
    t = by_text(example_times, "early January 2025")
    assert (t.value, t.mod, t.start_date, t.end_date) == ("2025-01", "EARLY", D(2025, 1, 1), D(2025, 1, 10))


def test_example_tweet_date_and_forecast_bound(example_times, example_text):
    assert by_text(example_times, "January 20, 2025").value == "2025-01-20"
    april = by_text(example_times, "April 2025")
    assert (april.value, april.bound) == ("2025-04", "by")
    # the modal "may" just before it is no date; nor are counts or the age
    spans = {example_text[t.start : t.end] for t in example_times}
    assert not any(s.lower() == "may" for s in spans)
    for s in spans:
        assert "2,700" not in s and "1,250" not in s and "17" not in s and "300" not in s


def test_example_timeline_is_complete(example_ctx, example_times, example_text):
    values = [t.value for t in example_times if t.type in ("DATE", "TIME")]
    assert values == ["2024-08", "2024-11", "2025-01-20", "2025-01-11", "2025-01", "2025-04"]
    for t in example_times:  # offsets and sentence link back to the text
        assert example_text[t.start : t.end] == t.text
        sentence = example_ctx.sentences[t.sentence]
        assert sentence.start <= t.start < t.end <= sentence.end


def test_attach_time_on_example(example_ctx, example_times, example_text):
    example_ctx.times = example_times
    i = example_text.index("capturing two wounded")
    assert attach_time(example_ctx, i, i + 9).value == "2025-01-11"
    j = example_text.index("3,800 casualties")
    assert attach_time(example_ctx, j, j + 16).value == "2025-01"
    k = example_text.index("The prisoner claimed")  # no time in that sentence: defaulted to publication week
    t = attach_time(example_ctx, k, k + 12)
    assert t.defaulted and t.granularity == "week" and t.start_date <= D(2025, 1, 20) <= t.end_date


# --- the brief's cases -------------------------------------------------------------


def test_on_saturday_prefers_the_past():
    t = one("The strike hit the depot on Saturday, officials said.", D(2025, 4, 27))
    assert (t.text, t.value, t.granularity) == ("Saturday", "2025-04-26", "day")


def test_last_month():
    t = one("Russia shelled the town last month.", D(2025, 1, 20))
    assert (t.value, t.start_date, t.end_date, t.granularity) == ("2024-12", D(2024, 12, 1), D(2024, 12, 31), "month")


def test_may_is_modal_and_april_is_a_bound():
    t = one("All 12,000 troops may be lost by April 2025, analysts say.", D(2025, 1, 20))
    assert (t.text, t.value, t.bound) == ("April 2025", "2025-04", "by")


def test_march_the_verb_and_may_the_month():
    assert extract("Thousands march on the capital; they may march again.", D(2025, 1, 20)) == []
    t = one("The offensive began in May and stalled.", D(2025, 1, 20))
    assert (t.value, t.anchor) == ("2024-05", "publication")


def test_counts_ages_and_phone_numbers_are_not_years():
    text = (
        "Some 2,700 soldiers were wounded and 1,250 square kilometers lost; a 2024 vehicles convoy. "
        "He enlisted at age 17. Call +380 44 2025 1999 or 2025-1999."
    )
    assert [t.text for t in extract(text, D(2025, 1, 20))] == []


def test_impossible_date_has_no_value():
    t = one("The ceasefire was signed on 31 February.", D(2025, 3, 20))
    assert t.value is None and t.start_date is None


def test_normalize_single_expressions():
    cases = {
        "yesterday": ("DATE", "2025-01-19"),
        "three days ago": ("DATE", "2025-01-17"),
        "last week": ("DATE", "2025-W03"),
        "the end of 2024": ("DATE", "2024"),
        "mid-January": ("DATE", "2025-01"),
        "Jan. 8": ("DATE", "2025-01-08"),
        "2025-01-20": ("DATE", "2025-01-20"),
        "the past 24 hours": ("DURATION", "PT24H"),
        "eight months": ("DURATION", "P8M"),
        "in recent months": ("DURATION", "PXM"),
        "summer 2023": ("DATE", "2023-SU"),
        "the 1990s": ("DATE", "199X"),
        "5:30 p.m. Friday": ("TIME", "2025-01-17T17:30"),
    }
    for text, (typ, value) in cases.items():
        t = normalize(text, D(2025, 1, 20))
        assert t is not None and (t.type, t.value) == (typ, value), (text, t)


def test_intervals_bounds_and_ranges():
    found = extract(
        "Fighting raged between 5 and 7 March and has continued since August; the end of 2024 was quiet.",
        D(2025, 3, 20),
    )
    rng, since, end = found
    assert (rng.start_date, rng.end_date, rng.bound) == (D(2025, 3, 5), D(2025, 3, 7), "between")
    assert (since.value, since.bound) == ("2024-08", "since")
    assert (end.value, end.mod, end.start_date, end.end_date) == ("2024", "END", D(2024, 11, 1), D(2024, 12, 31))


def test_past_24_hours_interval_and_anchored_offset():
    t = one("Air defences downed 40 drones in the past 24 hours.", D(2025, 1, 20))
    assert (t.type, t.start_date, t.end_date, t.anchor) == ("DURATION", D(2025, 1, 19), D(2025, 1, 20), "publication")
    t = one("Eight months after the incursion, troops still hold Sudzha.", D(2025, 4, 6))
    assert (t.text, t.value, t.anchor) == ("Eight months", "P8M", "text")


def test_future_sentence_and_near_future_dates():
    t = one("Talks will resume on 25 January.", D(2025, 1, 20))
    assert t.value == "2025-01-25"
    t = one("Talks resumed on 25 January.", D(2025, 3, 20))
    assert t.value == "2025-01-25"
    t = one("The talks collapsed on 25 May.", D(2025, 1, 20))
    assert t.value == "2024-05-25"


def test_relative_to_reference_time():
    found = extract("The town fell on 3 March 2022. A year earlier it had 5,000 residents.", D(2025, 1, 20))
    assert [t.value for t in found] == ["2022-03-03", "2021"]


def test_timeml_mode_adds_vague_references():
    assert extract("The front is now quiet.", D(2025, 1, 20)) == []
    t = one("The front is now quiet.", D(2025, 1, 20), timeml=True)
    assert t.value == "PRESENT_REF"


def test_re3d_texts_have_dates_but_no_false_years():
    found = []
    for doc in re3d_documents("centcom") + re3d_documents("us-state-department"):
        for t in extract(doc["text"], D(2017, 1, 1)):
            found.append(t)
            if t.type == "DATE" and t.granularity == "year":
                assert 1900 < int(t.value) <= 2030
    texts = {t.text for t in found}
    assert {"the past 24 hours", "July 21, 2016", "Monday, Dec. 26"} <= texts
    assert all(t.value is not None for t in found)


def test_clock_time_takes_the_day_of_its_sentence():
    found = extract(
        "At 04:30 local time on 2 March, sirens sounded in Kharkiv; by 6 a.m. the all-clear was given.", D(2025, 3, 3)
    )
    assert [(t.text, t.value) for t in found] == [
        ("04:30 local time", "2025-03-02T04:30"),
        ("2 March", "2025-03-02"),
        ("6 a.m.", "2025-03-02T06:00"),
    ]
    assert found[2].bound == "by"


def test_the_past_week_is_the_last_seven_days():
    t = one("In the past week, Russian troops advanced up to 5 km near Pokrovsk.", D(2025, 3, 3))
    assert (t.start_date, t.end_date, t.granularity) == (D(2025, 2, 24), D(2025, 3, 3), "week")


def test_dateline_weekday_and_holidays():
    found = extract(
        "KYIV, March 3 (Reuters) - Drones struck overnight, the air force said on Monday. "
        "Shelling continued over Easter Sunday and on Christmas Eve.",
        D(2025, 3, 3),
    )
    values = {t.text: t.value for t in found}
    assert values["March 3"] == "2025-03-03" and values["Monday"] == "2025-03-03"
    assert values["Easter Sunday"] == "2024-03-31" and values["Christmas Eve"] == "2024-12-24"


def test_seasons_relative_to_publication():
    text = "It happened last summer, last winter, this winter and next spring."
    got = lambda d: [t.value for t in extract(text, d)]  # noqa: E731
    assert got(D(2025, 1, 20)) == ["2024-SU", "2023-WI", "2024-WI", "2025-SP"]
    assert got(D(2025, 7, 10)) == ["2024-SU", "2024-WI", "2025-WI", "2026-SP"]
    winter = one("Power cuts hit Kyiv in the winter of 2024.", D(2025, 7, 10))
    assert (winter.start_date, winter.end_date) == (D(2024, 12, 1), D(2025, 2, 28))


def test_a_year_after_a_month_is_never_a_count():
    (t,) = extract("The strike in February 2022 killed 12 people.", dt.date(2025, 1, 22))
    assert (t.text, t.value) == ("February 2022", "2022-02")
    assert extract("Some 2022 soldiers died.", dt.date(2025, 1, 22)) == []


def test_a_since_phrase_is_a_running_total_as_of_the_report():
    from kronika.series import make_point
    from kronika.pipeline import analyze

    text = (
        "Since the start of the full-scale invasion in February 2022, more than 12,000 civilians "
        "have been killed, the UN said."
    )
    a = analyze(text, published="2025-01-22")
    (t,) = a.times
    assert (t.text, t.bound) == ("February 2022", "since")
    (claim,) = a.claims
    assert claim.measure == "killed" and claim.quantity.value == 12000
    # in a claim series the figure stands at the report's date, not in February 2022
    assert make_point(claim, a.document.id, "UN", dt.date(2025, 1, 22)).date == dt.date(2025, 1, 22)


def test_an_anchored_duration_dates_the_clause():
    from kronika.pipeline import analyze

    a = analyze("In the past 24 hours, Ukrainian forces repelled 45 attacks near Pokrovsk.", published="2025-01-22")
    assert a.events and all(e.time.text == "the past 24 hours" and not e.time.defaulted for e in a.events)
    assert all((e.time.start_date, e.time.end_date) == (dt.date(2025, 1, 21), dt.date(2025, 1, 22)) for e in a.events)


def test_month_the_ordinal_day():
    import kronika

    a = kronika.analyze(
        "Fighting began on October the 7th, 2023. In March the 5 soldiers went home.", published="2024-12-08"
    )
    values = {t.text: t.value for t in a.times}
    assert values["October the 7th, 2023"] == "2023-10-07"
    assert "March the 5" not in values  # "the" before a bare number is no day


def test_a_month_a_past_verb_reports_is_not_next_month():
    import kronika

    a = kronika.analyze(
        "The rebels captured the provincial capital in January. The vote was postponed to "
        "January 5. Talks will resume in January.",
        published="2025-12-13",
    )
    got = [(t.text, t.start_date.isoformat()) for t in a.times]
    assert got == [("January", "2025-01-01"), ("January 5", "2026-01-05"), ("January", "2026-01-01")]


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("Police retook the hospital in early summer.", D(2024, 6, 1), D(2024, 6, 30)),
        ("Fighting resumed in late spring.", D(2024, 5, 1), D(2024, 5, 31)),
    ],
)
def test_a_part_of_a_season_is_its_month(text, start, end):
    t = one(text, D(2024, 7, 30))
    assert (t.start_date, t.end_date) == (start, end)


def test_a_count_before_after_dates_the_after_clause_from_the_main_clause():
    import kronika

    a = kronika.analyze(
        "It comes three days after a drone strike hit Kherson. Rebels shelled Goma on Saturday, "
        "two days after the army retook the town. Six months after the siege began, the city still holds.",
        published="2025-03-12",
    )
    got = {t.text: (t.type, t.start_date, t.end_date) for t in a.times}
    assert got["three days"] == ("DATE", D(2025, 3, 9), D(2025, 3, 9))  # the report's day, less three
    assert got["two days"] == ("DATE", D(2025, 3, 6), D(2025, 3, 6))  # Saturday 8 March, less two
    assert got["Six months"] == ("DATE", D(2024, 9, 1), D(2024, 9, 30))


def test_a_count_with_no_day_to_count_from_stays_a_duration():
    import kronika

    a = kronika.analyze("Two weeks after the attack, police arrested a suspect.", published="2025-03-12")
    [t] = a.times
    assert (t.text, t.type, t.value) == ("Two weeks", "DURATION", "P2W")
    # told in the present, of what is still to come: not counted back from the report
    a = kronika.analyze("The deadline falls two days after the ceasefire takes effect.", published="2025-03-12")
    assert [(t.text, t.type) for t in a.times] == [("two days", "DURATION")]


def test_a_day_that_names_a_well_known_event_is_that_events_day():
    import kronika

    text = "Hostages taken in the October 7 attack by Hamas are still held in Gaza. Talks resumed on October 7."
    a = kronika.analyze(text, published="2025-03-12")
    assert [t.value for t in a.times] == ["2023-10-07", "2024-10-07"]  # the name; the day a past verb reports
    # the same words with none of the event's cues in the text: the normalizer's reading
    a = kronika.analyze("Survivors of the October 7 attack on the village met the governor.", published="2025-03-12")
    assert [t.value for t in a.times] == ["2024-10-07"]


def test_a_day_a_group_is_planning_for_is_ahead():
    t = one("Students are planning a march on August 1 in the capital.", D(2024, 5, 1))
    assert (t.value, t.granularity) == ("2024-08-01", "day")


def test_a_clock_time_naming_no_day_is_of_the_day_just_told():
    import kronika

    a = kronika.analyze(
        "A drone strike killed 14 people at a market in El Fasher on Friday, activists said.\n\n"
        "Witnesses said the drone hit the market at around noon, wounding 30 others.",
        published="2026-03-14",
    )
    assert a.events and all(e.time is not None and e.time.start_date == dt.date(2026, 3, 13) for e in a.events)


def test_a_time_hung_on_the_verb_of_saying_does_not_date_the_event():
    import kronika

    a = kronika.analyze(
        "Gunmen killed at least 12 police officers in an attack on a checkpoint in southern Chad on Saturday, "
        "officials said, in one of the deadliest assaults on the security forces this year.",
        published="2025-08-04",
    )
    assert [str(e.time.start_date) for e in a.events] == ["2025-08-02"]


def test_a_span_running_up_to_the_report_is_no_narrative_time_for_the_next_sentence():
    import kronika

    a = kronika.analyze(
        "Earlier today, militias launched a rocket attack on a base in Erbil.\n\n"
        "Our forces moved air defences to the region over the course of the past week. Thanks to them, "
        "troops shot down nearly all of the incoming rockets.",
        published="2024-04-13",
    )
    (downed,) = [e for e in a.events if e.sub_event_type == "Disrupted weapons use"]
    assert (str(downed.time.start_date), str(downed.time.end_date)) == ("2024-04-13", "2024-04-13")
