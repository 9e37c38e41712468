"""Snippets typed by the document path (session 12, rules written on the authored set
``varied4``): what struck, who was hit, what was told. Every sentence is written for these tests,
none is taken from a benchmark or from the set."""

from __future__ import annotations

import pytest

import kronika

from tests.conftest import main_type


@pytest.mark.parametrize(
    "text, sub",
    [
        # an aircraft doing the firing is an air strike
        (
            "Two farmers were killed when a military helicopter opened fire on their field near Gusau.",
            "Air/drone strike",
        ),
        # a state's air arm named as who struck, beside a bombing word
        (
            "Nigerian air force bombing raids on bandit camps in Zamfara killed dozens, officials said.",
            "Air/drone strike",
        ),
        ("The air force bombed militant hideouts in the hills overnight, the army said.", "Air/drone strike"),
        # gunmen firing on people stay an attack
        ("Gunmen opened fire on worshippers outside a church in Owo, killing four.", "Attack"),
    ],
)
def test_what_struck_decides(text, sub):
    assert main_type(text) == sub


def test_an_air_force_base_is_no_aircraft():
    # the air force owns the place attacked: not who struck
    assert (
        main_type("Militants attacked an air force base near Quetta with guns and grenades on Monday.")
        != "Air/drone strike"
    )


@pytest.mark.parametrize(
    "text, sub",
    [
        # the state's forces are no crowd: their force on demonstrators is excessive force, even told
        # "as" the demonstrators marched
        (
            "Riot police clubbed students with batons and shot dead a marcher as demonstrators tried to reach the palace in Lome.",
            "Excessive force against protesters",
        ),
        # a crowd's own violence told as protests turned violent stays a violent demonstration
        ("Shops were looted as protests turned into riots in the port city.", "Violent demonstration"),
    ],
)
def test_the_state_is_no_crowd(text, sub):
    assert main_type(text) == sub


def test_force_on_a_sit_in_is_excessive_force():
    # "sit-in", which the tokenizer splits, names the demonstration the soldiers' live fire fell on
    text = "Troops fired live rounds to clear sit-ins by traders in Kindia, killing a woman, witnesses said."
    assert main_type(text) == "Excessive force against protesters"
    text = "Protest ends in bloodshed. Police used live ammunition to disperse a sit-in by nurses in Kano, killing one."
    assert main_type(text) == "Excessive force against protesters"


@pytest.mark.parametrize(
    "text, sub",
    [
        # fighting whose clause tells the harm it did, uncounted: that fighting, one event
        ("Fighting resumed near the dam, with both armies reporting casualties.", "Armed clash"),
        ("Clashes continued along the border, leaving several dead.", "Armed clash"),
    ],
)
def test_fighting_told_with_its_harm(text, sub):
    assert main_type(text) == sub


@pytest.mark.parametrize(
    "text",
    [
        # fighting that goes on, with no harm, day or town of its own: a state of the war
        "The talks stalled, and clashes continued.",
        "Fighting continued in the region, officials said, adding that the number of casualties was unknown.",
    ],
)
def test_fighting_going_on_is_no_battle(text):
    assert "Armed clash" not in [e.sub_event_type for e in kronika.analyze(text, published="2025-03-10").events]


def test_a_withdrawal_from_a_city_is_ground_handed_over():
    # "from X city" names a town, whatever else the name could resolve to: ground changes hands
    text = "Russian soldiers withdrew from Kherson city, crossing the Dnipro river by boat."
    assert main_type(text) == "Non-violent transfer of territory"
    # out of a whole country: a change of the force's activity
    assert main_type("France withdrew its last troops from Niger on Friday.") == "Change to group/activity"


@pytest.mark.parametrize(
    "text, sub",
    [
        # people taken whom the report tells gone missing: a forced disappearance
        (
            "Families say three traders went missing after being taken away by police at a roadblock in Gulu.",
            "Abduction/forced disappearance",
        ),
        (
            "The blogger was arrested by security agents in Lome and has been missing since.",
            "Abduction/forced disappearance",
        ),
        # a disappearance the arrest is about, or someone else's: an arrest
        ("Police arrested two men over the disappearance of a schoolgirl in Kano.", "Arrests"),
        ("Police in Kano arrested a man whose son had gone missing.", "Arrests"),
    ],
)
def test_taken_and_gone_missing(text, sub):
    assert main_type(text) == sub


def test_a_snippet_told_in_a_relative_clause():
    # a caption whose one event is told by the relative clause about its victim
    text = "Neighbours look at the charred car of a suspected robber who was set on fire by a mob in Onitsha."
    assert main_type(text) == "Mob violence"
    # an indirect question stays none
    assert main_type("Reporters asked who had been attacked in the town.") is None


@pytest.mark.parametrize(
    "text, sub",
    [
        # an armed group that drove a rival out of a place took it
        (
            "Al-Shabaab fighters drove rival Hizbul Islam out of the port of Kismayo and now hold its gates.",
            "Non-state actor overtakes territory",
        ),
        # driven out by the state: the state regains it
        ("Militants were driven out of the district town by the army on Sunday.", "Government regains territory"),
    ],
)
def test_driven_out_of_a_place(text, sub):
    assert main_type(text) == sub


def test_a_destruction_laid_on_people():
    # a destruction a "by" phrase lays on people is their deed
    text = "The burning of the village granary by armed men has left families without food, the chief says."
    assert main_type(text) == "Looting/property destruction"


def test_a_cue_in_a_verbs_slot_tells_an_act():
    # "massing", which the tagger may call a noun, is the complement of "seen": what was seen is told
    text = "Militants were seen massing near the bridge ahead of an expected attack."
    assert main_type(text) == "Change to group/activity"
    # only the assault is expected: a plan alone stays none
    assert main_type("An assault on the airport is expected in the coming days.") is None


@pytest.mark.parametrize(
    "text",
    [
        # a person of a civilian calling shot by an armed group: an attack on a civilian, no battle
        "A priest was shot and killed by suspected militants while driving to his parish, the diocese said.",
        "An imam was shot and killed by armed militants while he was leaving the mosque, the council said.",
    ],
)
def test_civilians_by_calling(text):
    assert main_type(text) == "Attack"


@pytest.mark.parametrize(
    "text, sub",
    [
        # missiles fired into the open sea hit no one: a launch, no attack
        ("Iran fired three cruise missiles into the sea during naval drills on Tuesday, state media said.", "Other"),
        # a training launch of a missile: a test
        (
            "India carried out a training launch of its Agni-V missile from an island off Odisha, officials said.",
            "Other",
        ),
        # fired at a target: an attack
        ("The rebels fired two missiles at a tanker off the coast on Tuesday.", "Shelling/artillery/missile attack"),
    ],
)
def test_a_missile_into_the_sea_is_a_launch(text, sub):
    assert main_type(text) == sub


@pytest.mark.parametrize(
    "text",
    [
        # a gun duel is a shootout; armed men who engaged police operatives fought them
        "A gun duel broke out between soldiers and cattle rustlers near Birnin Gwari on Monday.",
        "Police said gunmen engaged the operatives in a gun duel near the toll gate in Katsina on Friday.",
    ],
)
def test_a_gun_duel_is_a_fight(text):
    assert main_type(text) == "Armed clash"


def test_a_televised_duel_is_no_fight():
    assert main_type("The two candidates met in a televised duel on Sunday.") is None


def test_taken_without_firing_a_shot():
    # "without firing a shot": no fight, the ground changes hands peacefully
    text = "Government troops took control of the district town without firing a shot once the militia left."
    assert main_type(text) == "Non-violent transfer of territory"


@pytest.mark.parametrize(
    "text, sub",
    [
        # a fight fought with sticks and machetes alone, by sides that are no forces: a brawl
        (
            "Members of rival clans fought with stones and clubs over a water point, leaving several hurt.",
            "Mob violence",
        ),
        # gunmen or soldiers in it, or guns: a battle
        ("Militants fought soldiers with rifles and machetes near the camp in Borno on Monday.", "Armed clash"),
    ],
)
def test_a_fight_with_crude_arms(text, sub):
    assert main_type(text) == sub


def test_rioting_that_erupted_is_a_riot():
    # "rioting" as the subject of a verb of occurrence: the riot, not the attack told with it
    text = "Rioting broke out in the old town overnight, with youths torching bins and attacking firefighters."
    assert main_type(text) == "Violent demonstration"


@pytest.mark.parametrize(
    "text, sub",
    [
        # a demonstration the police stopped was under way: an intervention in it
        (
            "Riot police stopped a march by retired soldiers near the parliament and sent them home.",
            "Protest with intervention",
        ),
        # what forces ought to stop, or prevented, did not happen
        ("Police must stop the protests, the minister said.", None),
    ],
)
def test_a_march_stopped_was_under_way(text, sub):
    assert main_type(text) == sub


@pytest.mark.parametrize(
    "text, sub",
    [
        # property blown up with no one told hurt: the destruction of property
        (
            "Insurgents blew up a railway bridge and two pylons outside Kirkuk overnight, cutting power to the city.",
            "Looting/property destruction",
        ),
        (
            "Gunmen blew up a part of the oil pipeline near Port Harcourt; no one was hurt, police said.",
            "Looting/property destruction",
        ),
        # people killed in it: a bomb attack
        ("Militants blew up a police station in Bannu, killing three officers.", "Remote explosive/landmine/IED"),
    ],
)
def test_property_blown_up(text, sub):
    assert main_type(text) == sub


@pytest.mark.parametrize(
    "text, sub",
    [
        # fired on people a gerund tells marching: force on a demonstration
        (
            "Soldiers fired on students marching peacefully to the governor's office in Kano, wounding six.",
            "Excessive force against protesters",
        ),
        # on people fleeing: an attack on civilians
        ("Soldiers fired on villagers fleeing the fighting near Gao, killing three.", "Attack"),
    ],
)
def test_fired_on_people_doing_something(text, sub):
    assert main_type(text) == sub
