"""A text that reports no event gives no event, and its near twins that report one still do: bans
and cancellations, plans and threats, talks still to come. Every sentence is written for these tests."""

from __future__ import annotations

import pytest

import kronika


def _events(text: str) -> list[tuple[str, str]]:
    return [(e.sub_event_type, e.status) for e in kronika.analyze(text, published="2025-03-10").events]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a law lets be done what is not done
        ("Parliament passed a law allowing police to detain suspects for 30 days.", []),
        # bans, cancellations, postponements: the protest did not happen (yet)
        ("The protest planned for Friday was cancelled.", []),
        ("The government has banned protests.", []),
        ("The city council banned all demonstrations in the centre.", []),
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
        # near twins that are events
        ("Talks resumed in Doha on Monday.", [("Agreement", "occurred")]),
        ("The rally went ahead in Tbilisi despite the ban.", [("Peaceful protest", "occurred")]),
        ("The march will go ahead on Saturday in Kampala.", [("Peaceful protest", "planned")]),
        ("Protesters defied the ban and marched through the capital on Saturday.", [("Peaceful protest", "occurred")]),
        ("Thousands protested in Nairobi on Friday despite the ban.", [("Peaceful protest", "occurred")]),
        ("Teachers went on strike in Harare on Monday over unpaid wages.", [("Peaceful protest", "occurred")]),
        ("Police arrested the opposition leader in Lagos on Tuesday.", [("Arrests", "occurred")]),
        ("Gunmen attacked a village in Zamfara state on Sunday, killing 12 farmers.", [("Attack", "occurred")]),
        ("Russia and Ukraine exchanged 150 prisoners on Friday.", [("Agreement", "occurred")]),
        ("The tax hike sparked protests in Nairobi on Tuesday.", [("Peaceful protest", "occurred")]),
    ],
)
def test_non_events(text, expected):
    assert _events(text) == expected
