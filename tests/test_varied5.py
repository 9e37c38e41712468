"""Wordings of the fifth authored round (session 12, the rules written on the authored set
``varied5``: South Asian and West African press, wire copy, two-sentence snippets). Every
sentence is written for these tests, none is taken from a benchmark or from the set."""

from __future__ import annotations

import pytest

from tests.conftest import main_type


@pytest.mark.parametrize(
    "text, sub",
    [
        # people told as protesting by a participle before the noun ("the protesting farmers"):
        # their violence is the demonstration's
        ("The protesting farmers torched a government bus on the highway.", "Violent demonstration"),
        (
            "Agitated by the fee hike, the protesting students ransacked the registrar's office.",
            "Violent demonstration",
        ),
        # without a protest, the same destruction is no demonstration
        ("Unknown persons torched a government bus on the highway.", "Looting/property destruction"),
        # a bomb dropped by an aircraft or a drone: an air strike, not a planted bomb
        ("Two bombs dropped by the aircraft destroyed the house, killing three children.", "Air/drone strike"),
        ("A bomb dropped from a drone killed two soldiers in their trench.", "Air/drone strike"),
        ("A bomb planted by the militants killed two soldiers near the bridge.", "Remote explosive/landmine/IED"),
        # a town that falls to the state's forces is regained; to rebels, overtaken
        (
            "The market town fell to government forces on Tuesday after a week of fighting.",
            "Government regains territory",
        ),
        ("The hill district fell into the hands of the army after a week of fighting.", "Government regains territory"),
        ("The market town fell to the rebels on Tuesday.", "Non-state actor overtakes territory"),
        # an arrest at the person's home is an arrest, whatever protest the person led before
        (
            "The union leader, who had led the sit-in at the mill, was arrested at his home on Friday night.",
            "Arrests",
        ),
        ("Police arrested nurses who staged a sit-in outside the health ministry.", "Protest with intervention"),
        # an indefinite event noun someone is blamed for tells an act that was done
        ("The bandits were blamed for an attack on the market in which six traders died.", "Attack"),
        ("The regime was blamed for the use of sarin in an attack on the suburb, activists said.", "Chemical weapon"),
        # wire copy: "confrontations took place between" two armed sides is a battle; with
        # protesters, the demonstration's violence
        (
            "Violent confrontations took place between the army and the gunmen near the dam, according to a source.",
            "Armed clash",
        ),
        ("Confrontations erupted between protesters and the police in the capital.", "Violent demonstration"),
        # forced into a car by men: an abduction
        (
            "A schoolgirl was forced into a van by three men outside the gate and has not returned home.",
            "Abduction/forced disappearance",
        ),
        # Nigerian press: the "Air Component" of an operation is the air force
        (
            "Air Component of the operation neutralises 20 bandits in Zamfara. Its aircraft struck the camp on Monday.",
            "Air/drone strike",
        ),
        # one event told as a demonstration (a road blockade, a rally) and as a crowd's violence:
        # the demonstrators' own violence
        (
            "Angry villagers blocked the main road and set fire to a council truck after a hawker died in custody.",
            "Violent demonstration",
        ),
        (
            "The march was called to protest the fuel price. It turned violent when youths burned the tax office.",
            "Violent demonstration",
        ),
        # a mob's violence with no demonstration stays a mob's
        ("A mob beat to death a man accused of stealing a goat in the village.", "Mob violence"),
        # cue words of the press: ballot boxes destroyed, recruits enlisted, an armed wing dissolved
        (
            "Thugs destroyed ballot boxes and electoral materials at a polling unit in Ward 9.",
            "Looting/property destruction",
        ),
        (
            "Over 500 youths have been enlisted into the community guard to support the troops.",
            "Change to group/activity",
        ),
        (
            "The separatist front announced the dissolution of its armed wing in a statement on Sunday.",
            "Change to group/activity",
        ),
        # an act named with the bare plural of those it was done to, told as done, is one act
        ("The exchange of detainees between the two militias was completed on Saturday.", "Agreement"),
        # control of gold mines is control of a site, not weapons seized
        (
            "The jihadists took control of the gold mines near the border, residents said.",
            "Non-state actor overtakes territory",
        ),
        # a group's own suspension of its operations: a change of its activity
        (
            "The rebel front announced a unilateral suspension of its operations during the harvest.",
            "Change to group/activity",
        ),
    ],
)
def test_varied5_wordings(text, sub):
    assert main_type(text) == sub


@pytest.mark.parametrize(
    "text",
    [
        "The minister blamed the opposition for a rise in insecurity.",
        "The governor warned that the bandits were planning an attack on the market.",
        "The storm smashed windows across the city.",
        "The arrest of generals for alleged corruption has shaken the army.",
    ],
)
def test_varied5_no_event(text):
    assert main_type(text) is None
