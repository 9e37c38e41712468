"""A snippet of one or two sentences whose trigger words the clause pass set aside only for their
wording (no actor in the dictionary, a descriptive participle) is read by the snippet classifier;
one whose trigger words were set aside for what they mean here (another sense, a kind, a plan, a
legal battle) still gives no event. Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from tests.conftest import main_type


@pytest.mark.parametrize(
    "text, sub",
    [
        # sides the dictionary does not know, both named by the clause: the classifier's reading
        (
            "Hockey fans protesting against the team's owners clashed with police outside the arena and threw flares.",
            "Violent demonstration",
        ),
        ("Rugby fans protesting against the league clashed with police outside the stadium.", "Violent demonstration"),
        (
            "Supporters of two candidates fought each other with bottles outside a school, injuring several people.",
            "Mob violence",
        ),
        # a descriptive participle that is the snippet's news
        (
            "Two reporters arrested in Harare remain missing two weeks after they were taken, their union said.",
            "Arrests",
        ),
    ],
)
def test_a_snippet_set_aside_for_its_wording_is_the_classifier_s(text, sub):
    assert main_type(text) == sub


@pytest.mark.parametrize(
    "text",
    [
        "The union's legal battle with the ministry dragged on.",  # a kind (no arms)
        "A truce would save lives.",  # a kind, under a modal
        "The minister stormed out of the talks on Monday.",  # one party: no event of its own
        "The chess champions fought to the last move in Oslo.",  # no other side named
    ],
)
def test_a_snippet_set_aside_on_purpose_stays_no_event(text):
    assert main_type(text) is None


def test_a_longer_report_is_not_read_again():
    text = (
        "Rugby fans protesting against the league clashed with police outside the stadium. "
        "The league's chairman spoke on Monday. He said the season would go on."
    )
    assert main_type(text) != "Violent demonstration"
