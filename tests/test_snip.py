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
    "text, sub",
    [
        # a foreign force retaking ground from rebels fights on the government's side
        (
            "Chadian and Nigerien troops reclaimed the lakeside town of Baga from jihadists who had held it for months.",
            "Government regains territory",
        ),
        # the rebels in a relative clause of the agent are not who took it
        (
            "The village was recaptured by the army, which had lost it to the militants in May.",
            "Government regains territory",
        ),
        # a pro-government militia retaking a town; not rebels loyal to a warlord
        ("Pro-government militias recovered the desert town of Sabha from the rebels.", "Government regains territory"),
        ("Rebels loyal to the warlord recaptured the town of Sabha.", "Non-state actor overtakes territory"),
        # rebels driven out by state forces; a state's troops driven out by another's
        (
            "Insurgents were driven out of the market town of Garo by security forces on Friday.",
            "Government regains territory",
        ),
        (
            "Russian forces pushed Ukrainian troops out of the village of Pavlivka.",
            "Non-state actor overtakes territory",
        ),
        # a base left and handed over: "it" is the base, not the soldiers who left it
        (
            "The last Italian soldiers left the Abeche camp on Friday and handed it over to the Chadian army.",
            "Non-violent transfer of territory",
        ),
        (
            "Under the ceasefire, the militia gave up control of the airport to the government.",
            "Non-violent transfer of territory",
        ),
        # an agreement named as the frame of what was done under it: the act is the news
        (
            "Under a deal brokered by Turkey, hundreds of fighters left the enclave of Tel Rif on buses, handing it to the army.",
            "Non-violent transfer of territory",
        ),
        # a strike whose sentence names the chemical agent it carried
        (
            "Villagers said they smelled chlorine after a helicopter dropped a barrel bomb on the market in Kafr Dan.",
            "Chemical weapon",
        ),
        (
            "Troops dropped grenades containing chloropicrin on the trenches near Orikhiv, the army said.",
            "Chemical weapon",
        ),
        # an abduction told with sexual violence by the verb joined to it: the sexual violence leads
        ("Gunmen abducted and raped two girls near the camp in Bentiu, aid workers said.", "Sexual violence"),
    ],
)
def test_who_took_the_ground_and_what_leads(text, sub):
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
