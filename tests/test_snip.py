"""Snippets whose event the clause pass sets aside for its wording alone (session 11, the rules
written on the authored set ``varied4``): the snippet classifier reads them, and a text that reports
no event still gives none. Every sentence is written for these tests, none is taken from a
benchmark or from the set."""

from __future__ import annotations

import pytest

from tests.conftest import main_type


@pytest.mark.parametrize(
    "text, sub",
    [
        # a photo caption: weapons shown that a participle says were seized (a kind named by a plural
        # noun, but a verb tells the act: read in a snippet despite the wording)
        (
            "Police display rifles seized from suspected kidnappers at the state command in Ilorin on Monday.",
            "Disrupted weapons use",
        ),
        # the site of an attack: it happened
        ("Mourners gather at the site of a suicide bombing at a funeral in Quetta.", "Suicide bomb"),
        # a headline fragment, then a territory retaken by rebels: the type the classifier chose by
        # its territory reading is anchored at the cue of the reading the rules made
        (
            "The fall of Gao. Jihadist fighters retook the city on Sunday as soldiers fled, residents said.",
            "Non-state actor overtakes territory",
        ),
    ],
)
def test_a_snippet_set_aside_for_its_wording_is_read(text, sub):
    assert main_type(text) == sub


@pytest.mark.parametrize(
    "text",
    [
        # a kind named by a plural noun with no verb of its own stays no event
        "The minister said months of raids had hurt the economy.",
        # people named, not an act
        "Five protesters were charged with unlawful assembly at the Tamba court.",
        # a plan
        "The army plans raids to detain the rebel leaders.",
    ],
)
def test_a_snippet_without_an_event_still_gives_none(text):
    assert main_type(text) is None
