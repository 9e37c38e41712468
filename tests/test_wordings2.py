"""A second round of wordings (other regions, styles and words than test_wordings.py): each
snippet's main event (the lead, else the first occurred event of highest confidence) gets the
right ACLED type, and a text that reports no event still gives none. Every sentence is written
for these tests."""

from __future__ import annotations

import pytest

from tests.conftest import main_type


_main_type = main_type


@pytest.mark.parametrize(
    "text, sub",
    [
        # "engaged in a firefight": the fight took place (triggers._takes_part)
        ("Cartel gunmen engaged in a firefight with marines in Puerto Olmo, leaving six dead.", "Armed clash"),
        ("Police engaged in a fierce gun battle with kidnappers near Ikeji on Sunday.", "Armed clash"),
        # a strike action: a walkout
        (
            "Lecturers at Kanu state university began an indefinite strike action on Monday over unpaid arrears.",
            "Peaceful protest",
        ),
        # lynched: killed by a crowd
        (
            "A suspected motorcycle thief was lynched and set ablaze by traders in Oja Titun market, police said.",
            "Mob violence",
        ),
        # a base transferred: ground given up without a fight
        (
            "Foreign troops transferred the Darsa airbase to the national army on Friday.",
            "Non-violent transfer of territory",
        ),
        # an explosive-laden vest: a suicide bombing (the bomber is no aircraft)
        ("The bomber detonated his explosive-laden vest at the gate of the Kolwa police academy.", "Suicide bomb"),
        # cluster munitions fired: shelling
        (
            "Cluster munitions fired by the rebels hit a residential area of Sorvino, wounding four.",
            "Shelling/artillery/missile attack",
        ),
        # a crowd of villagers is a mob, a crowd of protesters a demonstration (subtype._counted_crowd)
        ("An angry crowd of villagers attacked a man accused of theft in Sela Barat on Friday.", "Mob violence"),
        ("A crowd of residents torched the house of a suspected witch in Nyaruri.", "Mob violence"),
        ("A crowd of protesters torched the house of the district chief in Nyaruri.", "Violent demonstration"),
        # the people detained staged a sit-in: an intervention (subtype._at_a_protest, "sit-in" split in three)
        (
            "Police detained 12 teachers who were staging a sit-in outside the education office in Pindi Gheb.",
            "Protest with intervention",
        ),
        # ground taken: a camp; gatherings banned; the internet cut
        ("Jihadist fighters seized the army camp at Tindaga on Sunday.", "Non-state actor overtakes territory"),
        ("Police banned all processions and rallies in Kesh for two weeks, citing security threats.", "Other"),
        ("The authorities shut down the internet across the Dorva region on Monday.", "Other"),
        # forces ordering people out: an evacuation order
        ("The army ordered residents of the Kessa valley to evacuate within 48 hours.", "Other"),
        # prisoners moved to another jail (not forces deployed)
        ("Nine suspected insurgents were transferred from Kalo prison to the capital for trial.", "Other"),
        ("The rebels moved their fighters from Kalo to the mountains.", "Change to group/activity"),
        # a sit-down broken up: the hyphenated object read whole (parse._hyphenated)
        (
            "Gendarmes broke up a sit-down by retired miners outside the town hall in Ordu Kale.",
            "Protest with intervention",
        ),
        # "without a fight" names no fight (classify: the territory family's non-violent cue)
        (
            "The militia took over Varzob without a fight after the local commanders agreed to surrender the valley.",
            "Non-violent transfer of territory",
        ),
        # shops shut, buses parked to protest: a demonstration
        (
            "Shopkeepers in Maru Bazar closed their shops on Tuesday in protest at the new market levy.",
            "Peaceful protest",
        ),
        ("Bus owners parked their buses on the Kenu bypass to protest against repeated extortion.", "Peaceful protest"),
    ],
)
def test_main_event_type(text, sub):
    assert _main_type(text) == sub


@pytest.mark.parametrize(
    "text",
    [
        # a legal battle, a price battle: no arms (triggers.generic_noun)
        "The two families engaged in a long legal battle over the estate.",
        "The two telecom companies engaged in a fierce price battle last year.",
        "A verbal clash broke out between the two ministers at the summit.",
        "The phone company suspended bus services in Kesh for the holiday.",
        "The court ordered the former minister to leave the country within a week.",
        "The ministry closed its office in Kesh on Monday to protect its staff.",
        "The outage was caused by a cable fault, not by an internet shutdown, the operator said.",
    ],
)
def test_no_event(text):
    assert _main_type(text) is None
