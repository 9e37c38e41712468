"""A third round of wordings (session 10, the rules written on the authored set ``varied3``): each
snippet's main event gets the right ACLED type, and a text that reports no event still gives
none. Every sentence is written for these tests, none is taken from a benchmark or from the set."""

from __future__ import annotations

import pytest

from tests.conftest import main_type


@pytest.mark.parametrize(
    "text, sub",
    [
        # the sentence's verb misread as a participle of its subject: a verb that takes no object is
        # no passive description (triggers._root_verb_misread)
        (
            "A handful of retired teachers protested near the Sarvo town hall on Monday over delayed pensions.",
            "Peaceful protest",
        ),
        # a petition or a memorandum carried to those in power
        (
            "A group of pensioners delivered a petition to the labour ministry in Orvel, demanding a rise.",
            "Peaceful protest",
        ),
        (
            "Student leaders handed over a memorandum of demands to the vice-chancellor in Marigo on Friday.",
            "Peaceful protest",
        ),
        # a silent walk; a shutter-down strike
        (
            "Widows of the missing miners held a silent walk through the centre of Tarnava on Sunday.",
            "Peaceful protest",
        ),
        ("Shopkeepers in Bhelpur observed a shutter-down strike against the new municipal tax.", "Peaceful protest"),
        # a passive's "by" agent is its doer (triggers._subject_is)
        (
            "A power pylon was destroyed by suspected naxalites near Kendra village late on Saturday.",
            "Looting/property destruction",
        ),
        # the debris of a weapon is what the subject names, not what a phrase after it mentions
        # (triggers._phrase_core): "angry at the closure of the mine" names no landmine
        (
            "Workers furious over the closure of the mine looted the company store in Valdor.",
            "Looting/property destruction",
        ),
        # the chemical agent decides whatever verb tells the strike
        (
            "Helicopters dropped chlorine-filled canisters on the rebel-held village of Tel Hamra, rescuers said.",
            "Chemical weapon",
        ),
        # "after an attack": that attack happened (triggers.generic_noun)
        (
            "Medics in Sarouk treated forty people for breathing problems caused by a poison gas after an attack on the camp.",
            "Chemical weapon",
        ),
        # "survivors of a chlorine attack": that attack happened
        ("Medics in Kafr Amra treated survivors of a chlorine attack on the market.", "Chemical weapon"),
        # enforced disappearances
        (
            "Relatives say the activist was forcibly disappeared by men in plain clothes in Qorra.",
            "Abduction/forced disappearance",
        ),
        # kidnapped people released: one side's part of an exchange
        ("The abducted nuns were freed on Saturday after talks with the kidnappers, the diocese said.", "Agreement"),
        # a crowd that beats one person
        ("Villagers caught a suspected cattle thief in Mbeli and beat him to death.", "Mob violence"),
        # the participle with an object hung below a root noun is the sentence's verb
        ("Two men on a scooter lobbed a grenade at a police post in Tarbela on Friday.", "Grenade"),
        # an armed group's office, court or administration; its new leaders and alliances
        (
            "The rebels opened a court in the market town of Selu and began hearing disputes.",
            "Headquarters or base established",
        ),
        (
            "Al-Shabaab set up an administration in the captured town of Qoryoley-Bay.",
            "Headquarters or base established",
        ),
        ("The Taliban appointed a new commander for their forces in Kunduz-Imam.", "Change to group/activity"),
        ("Two rebel groups in Ituri announced an alliance against the army.", "Change to group/activity"),
        ("Three armed factions in Tessit announced their merger on Monday.", "Change to group/activity"),
        # settlers destroying trees; sexual slavery
        ("Settlers destroyed dozens of almond trees belonging to farmers near Qarawa.", "Looting/property destruction"),
        ("Fighters forced abducted girls into sexual slavery in their camps.", "Sexual violence"),
        # an arrest told with the rape it answers: the rape is the event (lead._arrested_for)
        ("A prison guard was arrested after allegedly raping an inmate in Kasama on Tuesday.", "Sexual violence"),
        ("A pastor was detained for the rape of a girl in his congregation in Ilesa.", "Sexual violence"),
        # people arrested at their picket, dharna or petition: an intervention in a demonstration
        (
            "Police rounded up villagers who had come to hand in a petition at the district office in Moga.",
            "Protest with intervention",
        ),
        (
            "Police detained nine nurses who were staging a dharna outside the civil hospital in Kanpur.",
            "Protest with intervention",
        ),
        # an arrest alone stays an arrest
        ("Police arrested a pastor in Ilesa on charges of fraud.", "Arrests"),
    ],
)
def test_main_event_type(text, sub):
    assert main_type(text) == sub


@pytest.mark.parametrize(
    "text",
    [
        # a petition filed in court is a lawsuit; a walk in the park no demonstration
        "The company filed a petition in the high court against the new tax.",
        "The minister took a short walk in the park before the meeting.",
        # a disappearance with no force named: no abduction
        "The hiker's disappearance in the mountains puzzled rescuers for weeks.",
        # a mine closure with no one doing anything
        "The closure of the mine left hundreds of workers without jobs.",
        # a government's or a company's office, appointment or alliance: no armed group's change
        "The bank opened a new office in the town of Selu.",
        "The president appointed a new governor for the province.",
        "Two opposition parties announced an alliance ahead of the vote.",
        "The drought destroyed the fields.",
        "Children are often the victims of wars they did not start.",
    ],
)
def test_no_event(text):
    assert main_type(text) is None
