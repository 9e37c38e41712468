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
        # a shutdown or a strike observed is a strike kept (South Asian press)
        ("Shopkeepers in the old town observed a shutdown on Monday against the new toll.", "Peaceful protest"),
        ("The district observed a complete shutdown on Thursday over the killing of a teacher.", "Peaceful protest"),
        ("Witnesses observed an air strike on the village on Monday.", "Air/drone strike"),
        ("Two soldiers and a civilian were killed when militants attacked a checkpoint on Monday.", "Armed clash"),
        # the forces' own camp is no place where civilians live
        ("An attack on an army camp near the border killed three soldiers on Monday.", "Armed clash"),
        ("Gunmen attacked a military camp near the border on Monday, killing three soldiers.", "Armed clash"),
        ("An attack on a village near the border killed three farmers on Monday.", "Attack"),
        # detectives who pick people up arrest them
        ("Detectives picked up four students from a hostel on Sunday night.", "Arrests"),
        # a person thrashed is beaten; by villagers, a mob's violence
        ("Villagers thrashed two suspected cattle thieves in the market on Sunday.", "Mob violence"),
        ("The bus driver was thrashed by two men after a quarrel over the fare.", "Attack"),
        # a bare crowd that turns on a suspected thief (also named by a pronoun) is a mob
        ("A crowd pulled a suspected robber off his motorbike and beat him to death.", "Mob violence"),
        # damage done in order to protest is the demonstration's, whoever does it
        (
            "The nursing students smashed the windows of the dean's office and set fire to desks to protest "
            "against the cancelled exams.",
            "Violent demonstration",
        ),
        ("Burglars smashed the windows of the pharmacy to steal the cash box.", "Looting/property destruction"),
        # sides that shoot at each other are armed, whoever they are: a battle, not a brawl
        ("Fishermen and farmers exchanged gunfire on the river bank on Sunday, leaving three dead.", "Armed clash"),
        ("Two clans fought with rifles and light weapons over a well on Saturday, wounding six.", "Armed clash"),
        ("Two clans fought with sticks and axes over a well on Saturday, wounding six.", "Mob violence"),
        ("Armed villagers and a vigilante group exchanged fire at the market on Friday.", "Armed clash"),
        # one-sided violence on people who do not fight: an attack, also told by a noun or as when they died
        ("An acid attack on a schoolgirl outside her home left her badly burned on Monday.", "Attack"),
        ("Three vaccinators were killed when gunmen ambushed their car near the market on Monday.", "Attack"),
        ("Three soldiers were killed when gunmen ambushed their patrol near the market on Monday.", "Armed clash"),
        # the police capturing a person the law seeks arrest them; troops taking fighters capture them in battle
        ("Police captured alias 'El Gordo', the leader of a drug gang, in a village near the port.", "Arrests"),
        ("The police captured two robbery suspects at a checkpoint on Sunday.", "Arrests"),
        ("Troops captured two rebel fighters in the hills on Sunday.", "Armed clash"),
        # a local paper's dateline ("City, Mon D --") is no subject of the lead's verb
        ("Sylhet, Apr 4 -- Detectives picked up two union leaders from their homes on Saturday.", "Arrests"),
        # tyres burned in the road are a street protest's, whatever the crowd is called
        ("Angry youths burned tyres on the bypass road after a bus ran over a child.", "Violent demonstration"),
        ("Angry youths burn tyres, block the ring road after a tanker crushes a hawker.", "Violent demonstration"),
        ("Villagers burned the huts of two men accused of theft.", "Mob violence"),
        # a sign worn to protest is a protest made
        (
            "Bank employees wore black armbands at work on Tuesday to protest against the closure of rural branches.",
            "Peaceful protest",
        ),
        (
            "Lecturers tied black bands on their arms in protest against the new pay scale on Monday.",
            "Peaceful protest",
        ),
    ],
)
def test_varied6_wordings(text, sub):
    assert main_type(text) == sub


@pytest.mark.parametrize(
    "text",
    [
        "The nation observed a minute's silence for the flood victims.",
        "Argentina thrashed Peru by four goals on Sunday.",
        "The players wore black armbands in memory of the coach.",
    ],
)
def test_varied6_no_event(text):
    assert main_type(text) is None


@pytest.mark.parametrize(
    "text, dateline",
    [
        ("Sylhet, Apr 4 -- Detectives picked up two union leaders.", "Sylhet, Apr 4 -- "),
        ("Port Blair, 12 Sept (PTI) - Fishermen staged a sit-in.", "Port Blair, 12 Sept (PTI) - "),
    ],
)
def test_a_local_dateline_is_metadata(text, dateline):
    from kronika.ingest.zones import find_zones

    assert any(z.kind == "metadata" and text[z.start : z.end] == dateline for z in find_zones(text))


@pytest.mark.parametrize(
    "text",
    ["Police said on Monday, Apr 4 - the day of the vote - that two men were held.", "Dhaka, the capital, is calm."],
)
def test_no_local_dateline_in_a_sentence(text):
    from kronika.ingest.zones import find_zones

    assert not any(z.kind == "metadata" and z.start == 0 for z in find_zones(text))


def test_a_lowercase_phrase_is_no_name():
    import kronika

    actors = kronika.analyze("Angry youths burn tyres, block the ring road after a tanker crushes a hawker.").actors
    assert not any(a.name.islower() for a in actors)
