"""A text that reports no event gives no event, and its near twins that report one still do: violent
words in another sense, powers and laws, bans and cancellations, plans and threats, talks that
failed or are still to come, remembrance. Every sentence is written for these tests."""

from __future__ import annotations

import pytest

import kronika


def _events(text: str) -> list[tuple[str, str]]:
    return [(e.sub_event_type, e.status) for e in kronika.analyze(text, published="2025-03-10").events]


@pytest.mark.parametrize(
    "text, expected",
    [
        # violence's verbs done by the economy, the weather, an accident or critics
        ("The price cut hit farmers.", []),
        ("The drought hit farmers hard this year.", []),
        ("The storm killed three people in the north.", []),
        ("Floods killed 40 people in Bangladesh on Monday.", []),
        ("Lightning killed two farmers in Malawi.", []),
        ("He was killed in a car crash on the highway.", []),
        ("The heat wave hit southern Europe.", []),
        ("The new rules target migrants crossing the border.", []),
        ("Shares hit a record high on Monday.", []),
        ("The scandal struck a blow to the minister's credibility.", []),
        ("Critics attacked the governor over the delays.", []),
        ("The striker shot the ball past the keeper in the final minute.", []),
        # the snippet classifier's cues: the weather's doing, a word that qualifies a noun
        ("The hurricane destroyed hundreds of homes in Haiti.", []),
        ("The drone industry is booming in Turkey.", []),
        # powers, laws, warrants: a right to act, no act
        ("The new law gives police powers of arrest.", []),
        ("Parliament passed a law allowing police to detain suspects for 30 days.", []),
        ("A court issued a warrant for his arrest.", []),
        # bans, cancellations, postponements: the protest did not happen (yet)
        ("The protest planned for Friday was cancelled.", []),
        # a ban on gatherings is the authorities' own act (ACLED's "Other"), never a demonstration
        ("The government has banned protests.", [("Other", "occurred")]),
        ("The city council banned all demonstrations in the centre.", [("Other", "occurred")]),
        ("The teachers' union called off its strike.", []),
        ("Opposition leaders cancelled Saturday's demonstration.", []),
        ("The general strike was called off at the last minute.", []),
        ("Opposition parties postponed their march on the capital until after the holidays.", []),
        ("Organisers postponed the rally until next month.", [("Peaceful protest", "planned")]),
        ("The union suspended its planned strike after the government agreed to talks.", []),
        ("Police cancelled leave for all officers ahead of the march.", []),
        # threats with conditions
        ("The union threatened an indefinite strike if wages are not paid.", []),
        ("The rebels threatened to attack the capital if the army advances.", []),
        # talks that failed, or will resume; one agreement named twice
        ("Talks on a ceasefire will resume next week.", [("Agreement", "planned")]),
        ("The talks on the cessation of hostilities broke down.", []),
        ("Peace talks collapsed in Geneva on Tuesday.", []),
        ("The negotiations on a prisoner exchange failed.", []),
        ("Israel and Hamas agreed a ceasefire in Doha on Sunday.", [("Agreement", "occurred")]),
        # remembrance
        ("Residents marked the anniversary of the massacre with prayers.", []),
        ("Thousands gathered to mark the tenth anniversary of the bombing.", []),
        # near twins that are events
        ("Talks resumed in Doha on Monday.", [("Agreement", "occurred")]),
        ("The rally went ahead in Tbilisi despite the ban.", [("Peaceful protest", "occurred")]),
        ("The march will go ahead on Saturday in Kampala.", [("Peaceful protest", "planned")]),
        ("Protesters defied the ban and marched through the capital on Saturday.", [("Peaceful protest", "occurred")]),
        ("Thousands protested in Nairobi on Friday despite the ban.", [("Peaceful protest", "occurred")]),
        ("Teachers went on strike in Harare on Monday over unpaid wages.", [("Peaceful protest", "occurred")]),
        ("Police arrested the opposition leader in Lagos on Tuesday.", [("Arrests", "occurred")]),
        ("Gunmen attacked a village in Zamfara state on Sunday, killing 12 farmers.", [("Attack", "occurred")]),
        ("Negotiators reached a truce in Doha on Sunday.", [("Agreement", "occurred")]),
        ("The two sides signed a truce in Juba on Friday.", [("Agreement", "occurred")]),
        ("Russia and Ukraine exchanged 150 prisoners on Friday.", [("Agreement", "occurred")]),
        ("The tax hike sparked protests in Nairobi on Tuesday.", [("Peaceful protest", "occurred")]),
        (
            "The peace talks broke down on Tuesday after rebels attacked an army base in Kidal.",
            [("Armed clash", "occurred")],
        ),
    ],
)
def test_non_events(text, expected):
    assert _events(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Rebels entered Kessa without fighting on Monday.", []),
        ("Troops withdrew from Kessa without clashes on Monday.", [("Non-violent transfer of territory", "occurred")]),
        ("Fighting erupted in Kessa on Monday without warning.", [("Armed clash", "occurred")]),
    ],
)
def test_what_was_done_without_a_fight_had_none(text, expected):
    assert [(e.sub_event_type, e.status) for e in kronika.analyze(text, published="2025-03-10").events] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a running total since an event told in a clause: a claim, no event
        ("More than 400 people have been killed in the north since the war began in March 2023.", []),
        ("Dozens of soldiers have been killed in the region since the insurgency began.", []),
        # news measured against the war, and a total since a recent day, stay events
        (
            "Russia has launched one of the largest drone attacks on Kyiv since the war began, officials said.",
            [("Air/drone strike", "occurred")],
        ),
    ],
)
def test_a_total_since_an_event_long_ago_is_no_event(text, expected):
    assert _events(text) == expected
