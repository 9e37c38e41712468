"""Claims: measure, subject, breakdowns, claimant, modality — on the example, re3d CENTCOM and news sentences."""

from __future__ import annotations

import datetime as dt

import pytest

import kronika
from kronika.claims import extract_claims, find_attributions
from kronika.context import Context
from kronika.quantities import find_quantities
from kronika.records import Document

from .conftest import re3d_documents


def _ctx(text: str) -> Context:
    from kronika import nlp

    doc = nlp.load()(text)
    ctx = Context.from_doc(doc, Document(id="t", text=text, published=dt.date(2025, 1, 20)))
    ctx.quantities = find_quantities(ctx)
    return ctx


def _claims(text: str):
    return extract_claims(_ctx(text))


@pytest.fixture(scope="module")
def example_claims(example_text):
    return extract_claims(_ctx(example_text))


def _by_text(claims, text):
    found = [c for c in claims if c.quantity.text == text]
    assert found, [c.quantity.text for c in claims]
    return found[0]


def test_casualty_breakdown_is_flagged(example_claims):
    c = _by_text(example_claims, "3,800")
    assert c.measure == "casualties" and c.quantity.value == 3800
    assert c.subject_text == "North Korean forces"
    assert [(p.measure, p.quantity.value) for p in c.parts] == [("killed", 300), ("wounded", 2700)]
    assert c.parts_sum == 3000 and c.parts_check == "short"
    assert "Zelenskyy" in c.claimant_text and c.claimant_kind == "named"
    assert c.cue is not None and c.cue.text == "According to"
    assert c.modality == "asserted" and not c.headline
    # the parts are not claims of their own
    assert not [x for x in example_claims if x.quantity.text in ("300", "2,700")]


def test_troops_sent_range(example_claims):
    c = _by_text(example_claims, "approximately 10,000 to 12,000")
    assert c.measure == "troops" and c.subject_text == "North Korea"
    assert (c.quantity.low, c.quantity.high, c.quantity.value) == (10_000, 12_000, None)
    assert c.quantity.qualifier == "approximately"
    assert c.claimant_kind == "author" and c.modality == "asserted"


def test_territory_area(example_claims):
    c = _by_text(example_claims, "around 1,250 square kilometers")
    assert c.measure == "area" and c.quantity.unit == "km2" and c.quantity.qualifier == "approximately"


def test_two_captured_reported_by_ukrainian_forces(example_claims):
    c = _by_text(example_claims, "two")
    assert c.measure == "captured" and c.quantity.value == 2
    assert "North Korean" in c.subject_text
    assert c.claimant_text == "Ukrainian forces" and c.cue.text == "reported"


def test_more_than_100_on_the_ferry(example_claims):
    found = [c for c in example_claims if c.quantity.text == "more than 100"]
    ferry = next(c for c in found if "ferry" in c.text and "personnel" in c.text)
    assert ferry.measure == "troops" and ferry.quantity.qualifier == "more_than"
    assert ferry.claimant_text == "Zelenskyy"
    # the embedded post is signed "— Euromaidan Press"
    post = next(c for c in found if "other soldiers" in c.text)
    assert post.claimant_text == "Euromaidan Press" and post.cue.text == "—"


def test_age_is_not_a_claim(example_claims):
    assert not [c for c in example_claims if "17" in c.quantity.text]


def test_related_headlines_give_no_claims(example_claims):
    # the "Related:" list holds other articles' headlines, not this article's reporting
    related = [c for c in example_claims if c.text.lstrip().startswith(("- ", "Related"))]
    assert related == []
    assert not [c for c in example_claims if "12,000 North Korean troops in Kursk may be lost" in c.text]
    assert not [c for c in example_claims if c.headline]


def test_centcom_strikes_with_country_parts():
    doc = next(d for d in re3d_documents("centcom") if "conducted 34 strikes" in d["text"])
    claims = _claims(doc["text"])
    total = _by_text(claims, "34")
    assert total.measure == "strikes" and total.subject_text == "Coalition military forces"
    assert sorted(p.quantity.value for p in total.parts) == [11, 23]
    assert total.parts_sum == 34 and total.parts_check == "sum"


@pytest.mark.parametrize(
    "text, figure, measure, modality, claimant, kind",
    [
        (
            "At least 12 civilians were killed in the shelling, officials said.",
            "At least 12",
            "killed",
            "asserted",
            "officials",
            "anonymous",
        ),
        (
            "Russia denied that 300 of its soldiers were captured near Bakhmut.",
            "300",
            "captured",
            "denied",
            "Russia",
            "named",
        ),
        (
            "The strikes could displace up to 50,000 people, the UN warned.",
            "up to 50,000",
            "displaced",
            "hypothetical",
            "the UN",
            "named",
        ),
        (
            "An estimated 2,000 fighters remain in the city, according to the Institute for the Study of War.",
            "An estimated 2,000",
            "troops",
            "estimated",
            "the Institute for the Study of War",
            "named",
        ),
        (
            "Ukraine will receive 31 Abrams tanks by the end of the year, the Pentagon said.",
            "31",
            "equipment",
            "forecast",
            "the Pentagon",
            "named",
        ),
        (
            "Israeli forces did not kill 40 Palestinians, a military source told Reuters.",
            "40",
            "killed",
            "negated",
            "a military source",
            "anonymous",
        ),
        ("Air defenses shot down 25 drones overnight.", "25", "equipment", "asserted", None, "author"),
        (
            "At least 10 people were killed and 35 injured in a missile strike on Kharkiv, the regional governor said.",
            "At least 10",
            "killed",
            "asserted",
            "the regional governor",
            "named",
        ),
        (
            "At least 10 people were killed and 35 injured in a missile strike on Kharkiv, the regional governor said.",
            "35",
            "wounded",
            "asserted",
            "the regional governor",
            "named",
        ),
        (
            "Ukraine’s air force said it shot down 23 of 28 drones launched by Russia overnight.",
            "23",
            "equipment",
            "asserted",
            "Ukraine’s air force",
            "named",
        ),
        (
            "Around 6.5 million Ukrainians have fled the country, according to the UNHCR.",
            "Around 6.5 million",
            "displaced",
            "asserted",
            "the UNHCR",
            "named",
        ),
        (
            "Russia has lost up to 450,000 soldiers, British intelligence estimates.",
            "up to 450,000",
            "casualties",
            "estimated",
            "British intelligence",
            "named",
        ),
        (
            "If the offensive continues, as many as 200,000 people could be displaced.",
            "as many as 200,000",
            "displaced",
            "hypothetical",
            None,
            "author",
        ),
    ],
)
def test_news_sentences(text, figure, measure, modality, claimant, kind):
    c = _by_text(_claims(text), figure)
    assert (c.measure, c.modality, c.claimant_text, c.claimant_kind) == (measure, modality, claimant, kind)


def test_numbers_that_count_nothing_of_war_make_no_claim():
    claims = _claims("The company sold 3,000 cars and raised prices by 5 percent in 2024.")
    assert claims == []


def test_attributions_on_plain_sentences():
    text = (
        "The senator said the bill would pass. “We will win,” she told reporters. According to aides, talks continue."
    )
    ctx = _ctx(text)
    atts = find_attributions(ctx)
    spans = {
        (
            ctx.text[a.source[0] : a.source[1]] if a.source else None,
            ctx.text[a.cue[0] : a.cue[1]],
            ctx.text[a.content[0] : a.content[1]],
        )
        for a in atts
    }
    assert ("The senator", "said", "the bill would pass") in spans
    assert ("aides", "According to", "talks continue") in spans
    assert any(s == "she" and c == "told" and "We will win" in t for s, c, t in spans)


@pytest.mark.parametrize(
    "layout",
    [
        "# {title}\n\n{body}",
        '---\nlayout: post\ntitle: "{title}"\n---\n\n{body}',
    ],
)
def test_title_claims_with_tail_attribution(layout):
    title = "Russian forces lost 1,200 soldiers in a week near Pokrovsk, Ukraine’s General Staff says"
    body = "Fighting went on near the town on Tuesday, the statement added."
    claims = _claims(layout.format(title=title, body=body))
    lost = _by_text(claims, "1,200")
    assert lost.headline and lost.measure == "casualties"
    assert lost.claimant_text == "Ukraine’s General Staff" and lost.cue.text == "says"


def test_rubric_title_is_no_source():
    claims = _claims("# Analysis: 40 drones hit Kharkiv overnight\n\nThe city said repairs began on Monday.")
    drones = _by_text(claims, "40")
    assert drones.headline and drones.measure == "equipment"
    assert drones.claimant_kind == "author" and drones.claimant_text is None


def test_related_list_gives_no_claims():
    text = (
        "Shelling killed three people in Kherson on Monday, the governor said.\n"
        "Related:\n"
        "- Russian forces lost 1,200 soldiers in a week near Pokrovsk, Ukraine’s General Staff says\n"
        "- Analysis: 40 drones hit Kharkiv overnight\n"
    )
    claims = _claims(text)
    assert [c.quantity.text for c in claims] == ["three"]


def test_signature_attributes_the_post_above():
    text = (
        "The regiment says it destroyed 14 tanks near Avdiivka overnight.\n"
        "— 3rd Assault Brigade (@ab3army) February 2, 2024\n"
        "Officials did not comment."
    )
    ctx = _ctx(text)
    atts = [a for a in find_attributions(ctx) if a.form == "signature"]
    assert len(atts) == 1
    assert ctx.text[atts[0].source[0] : atts[0].source[1]] == "3rd Assault Brigade"
    assert "14 tanks" in ctx.text[atts[0].content[0] : atts[0].content[1]]
    c = _by_text(extract_claims(ctx), "14")
    # the innermost attribution is the regiment's own statement inside the signed post
    assert c.measure == "equipment" and c.claimant_text == "The regiment"


def test_quote_with_speaker_after():
    text = "“We lost 35 men in that assault,” the battalion commander told reporters."
    c = _by_text(_claims(text), "35")
    assert c.measure == "casualties" and c.claimant_text == "the battalion commander"
    assert c.quote is not None and c.quote.text.startswith("“We lost")


def test_reporting_verbs_inside_a_quote_are_not_attributions():
    text = "“Everything that you have said is false,” the minister said."
    ctx = _ctx(text)
    cues = [ctx.text[a.cue[0] : a.cue[1]] for a in find_attributions(ctx)]
    assert cues == ["said"]


def test_outermost_attributions_only():
    text = "US officials said Russia claimed that 300 Ukrainian soldiers were captured near Bakhmut."
    ctx = _ctx(text)
    every = {ctx.text[a.cue[0] : a.cue[1]] for a in find_attributions(ctx)}
    outer = {ctx.text[a.cue[0] : a.cue[1]] for a in find_attributions(ctx, nested=False)}
    assert every == {"said", "claimed"} and outer == {"said"}
    # a claim takes the innermost source
    c = _by_text(extract_claims(ctx), "300")
    assert c.claimant_text == "Russia" and c.measure == "captured"


# --- tolls: the number is the object of a verb of level or change ---------------------------


@pytest.mark.parametrize(
    "text, measure, value, previous, subject",
    [
        ("The death toll from the strike on Dnipro rose to 45, officials said.", "killed", 45, None, None),
        ("The death toll from the strike on Dnipro rose from 30 to 45, officials said.", "killed", 45, 30, None),
        (
            "The number of civilians killed in Gaza has risen to 43,000, the health ministry said.",
            "killed",
            43000,
            None,
            "civilians",
        ),
        ("Russian losses exceeded 500,000, Ukraine's General Staff said.", "casualties", 500000, None, "Russian"),
        ("Israel's death toll is 1,200, officials said.", "killed", 1200, None, "Israel"),
        ("The number of people displaced by the fighting has passed 100,000.", "displaced", 100000, None, None),
    ],
)
def test_toll_constructions(text, measure, value, previous, subject):
    (c,) = _claims(text)
    assert (c.measure, c.quantity.value, c.quantity.previous) == (measure, value, previous)
    assert c.subject_text == subject
    if previous is not None:
        assert c.quantity.change == "up" and c.quantity.low is None  # a change, not a range


@pytest.mark.parametrize(
    "text",
    ["The number of tanks rose to 40.", "The number of visitors rose to 4,000.", "Prices rose from 30 to 45 dollars."],
)
def test_levels_that_count_no_war_measure_are_not_tolls(text):
    assert [c.measure for c in _claims(text)] in ([], ["equipment"])


def test_a_coordinated_count_of_its_own_is_not_combined():
    claims = _claims("Three soldiers were killed—and many wounded—during a drone attack on the base on Monday.")
    assert [(c.measure, c.quantity.value) for c in claims] == [("killed", 3)]
    both = _claims("Five soldiers were killed or injured in the blast on Monday.")
    assert [(c.measure, c.quantity.value) for c in both] == [("casualties", 5)]


def test_the_state_a_blast_leaves_people_in_is_their_toll():
    a = kronika.analyze(
        "A bomb exploded in a market in Sirte on Sunday, leaving six people dead and 20 wounded.",
        published="2024-05-01",
    )
    assert sorted((c.measure, c.quantity.value) for c in a.claims) == [("killed", 6.0), ("wounded", 20.0)]
    assert not kronika.analyze("The storm left six people homeless.", published="2024-05-01").claims


def test_a_number_whose_clause_leaves_out_verb_and_noun_counts_what_the_first_counts():
    claims = _claims("Two more deaths were reported in the Zhytomyr region, and one in the city of Korosten.")
    assert sorted((c.measure, c.quantity.value) for c in claims) == [("killed", 1.0), ("killed", 2.0)]


def test_a_gapped_number_takes_the_place_of_its_own_phrase():
    import kronika

    text = "Two more deaths were reported in the Kharkiv region, and one in the port city of Odesa."
    claims = kronika.analyze(text, published="2025-01-20").claims
    by_value = {c.quantity.value: c for c in claims}
    assert by_value[1.0].place is not None and by_value[1.0].place.name == "Odesa"


def test_a_headings_marks_are_no_part_of_a_figures_subject():
    import kronika
    from kronika.series import subject_key

    a = kronika.analyze("Local militias lost 14 fighters in the battle on Friday.", published="2026-03-14")
    (claim,) = [c for c in a.claims if c.measure == "casualties"]
    heading = claim.model_copy(update={"subject_text": "# Local militias"})  # as a Markdown heading gives it
    assert subject_key(heading) == subject_key(claim) == "local militias"


def test_who_killed_is_not_whose_dead_are_counted():
    import kronika

    for text in (
        "Gang attack kills at least 70 in Haitian town",
        "Russia killed 300 people in the strikes on Friday.",
        "A drone strike on a market in El Fasher killed 14 people on Friday.",
    ):
        (claim,) = [c for c in kronika.analyze(text, published="2026-03-14").claims if c.measure == "killed"]
        assert claim.subject is None and claim.subject_text is None, text
    (lost,) = kronika.analyze("North Korean forces suffered 3,800 casualties.", published="2026-03-14").claims
    assert lost.subject is not None or lost.subject_text is not None
