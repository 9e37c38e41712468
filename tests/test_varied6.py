"""Wordings of the seventh authored round (session 13, the rules written on the authored set
``varied6``: wire photo captions, South Asian local press, military press releases, Iraqi and
Syrian local reports, snippets whose event comes after their background). Every sentence is
written for these tests, none is taken from a benchmark or from the set."""

from __future__ import annotations

import pytest

from tests.conftest import main_type


@pytest.mark.parametrize(
    "text, sub",
    [
        # a first sentence in the past perfect sets the scene: the news is the simple past after it
        (
            "Officers had been searching for the trader since the riot at the market. On Tuesday police "
            "arrested him at a relative's house.",
            "Arrests",
        ),
        (
            "Anger had been growing in the district since the arrest of the village headman. On Sunday his "
            "supporters pelted the police post with stones and set a jeep on fire.",
            "Violent demonstration",
        ),
        (
            "Students had occupied the campus gate for a week before the rector met them. That night a "
            "lecturer who had backed them was shot dead by unknown gunmen outside his house.",
            "Attack",
        ),
        # the past perfect inside what is said is no setting when the text tells nothing after it
        ("Police said the gunmen had shot dead two farmers in the village.", "Attack"),
    ],
)
def test_varied6_wordings(text, sub):
    assert main_type(text) == sub
