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
        # a power or a means to act is no act
        ("Ukraine wants the ability to attack inside Russia with Western missiles.", []),
        ("London backed a desire for Kyiv to have the ability attack inside Russia.", []),
        # an aim told in a clause of purpose; a comparison with what did not happen
        ("The army sent rockets to Kharkiv so the brigade can hit back at forces shelling them.", []),
        ("He said the minister acted as if he had been forced to sign the accord in Geneva.", []),
        # a force deployed to keep order: policing, no new front
        ("The army was deployed across the country to tighten security as the unrest spread.", []),
        ("Troops were deployed in the capital to keep order after the vote.", []),
        # what a country or a region went through, with no day of its own
        ("Following the decision, the region saw protests.", []),
        ("Last year, Ghana saw days of anti-government protests.", []),
        # fighting that goes on, an offensive taken up again, with no day, town or toll
        ("The talks stalled, and fighting continued.", []),
        ("The truce has collapsed. Israel has resumed its full military offensive.", []),
        # a kind of act, a series
        ("The general was sacked after the arrest of generals for alleged corruption.", []),
        ("The barrage of attacks on the capital signals that the group is determined to fight on.", []),
        # bare plural events that "have" done something since a time another clause names
        (
            "No fighting has occurred since the truce took hold on March 2, but Israeli strikes have killed dozens of people.",
            [("Agreement", "occurred")],  # the truce that took hold is one
        ),
        # what a group has done, told to describe it
        ("Turkey backs rebel factions that have clashed with Kurdish forces.", []),
        # a reference to events told before, as what an aim is against
        (
            "Iran tried twice to attack Israel, and the United States built a coalition of countries to help defeat those attacks.",
            [],
        ),
        # what one would not do; an impression of a trend
        ("In a simple dispute the police wouldn't go around hurting and shooting students.", []),
        ('"It seems that many of the soldiers are withdrawing, but it is not clear if all will leave," he said.', []),
        # remembrance through those killed
        ("A memorial was unveiled for those killed in the bombing.", []),
        # near twins that are events
        ("Police shot two students in Dhaka on Monday.", [("Attack", "occurred")]),
        ("Troops repelled the attack on their base in Kidal on Monday.", [("Armed clash", "occurred")]),
        ("It appears that gunmen attacked the village of Kessa on Sunday, killing four.", [("Attack", "occurred")]),
        (
            "Heavy shelling continued along the front line overnight.",
            [("Shelling/artillery/missile attack", "occurred")],
        ),
        ("Clashes between government forces and rebels continued for a fourth day.", [("Armed clash", "occurred")]),
        ("Israel resumed its offensive in Rafah on Tuesday.", [("Armed clash", "occurred")]),
        ("A barrage of strikes hit Kyiv overnight, killing three people.", [("Air/drone strike", "occurred")]),
        ("Israeli strikes have killed 20 people in Rafah since Monday.", [("Air/drone strike", "occurred")]),
        (
            "Gunmen killed 12 people in Zamfara on Sunday, days after a memorial was held for those killed in last year's attack.",
            [("Attack", "occurred")],
        ),
    ],
)
def test_powers_aims_trends_and_states_are_no_events(text, expected):
    assert _events(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a walkout, not an air strike
        ("The strike went ahead on Monday.", [("Peaceful protest", "occurred")]),
        ("The strike paralysed the port of Mombasa on Tuesday.", [("Peaceful protest", "occurred")]),
        ("Nurses struck in Nairobi on Monday over unpaid wages.", [("Peaceful protest", "occurred")]),
        ("The strike hit a school in Gaza on Monday.", [("Air/drone strike", "occurred")]),
        # arrests joined to what the police did to a demonstration are an intervention in it
        (
            "Police banned the march and arrested 20 people who gathered anyway.",
            [("Other", "occurred"), ("Protest with intervention", "occurred")],
        ),
        (
            "Soldiers stopped the families from holding a vigil outside the jail and detained several women.",
            [("Protest with intervention", "occurred")],
        ),
        (
            "Police arrested the opposition leader in Lagos on Tuesday and banned the rally.",
            [("Arrests", "occurred"), ("Other", "occurred")],
        ),
    ],
)
def test_strikes_and_arrests_read_in_their_clause(text, expected):
    assert _events(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a condition of its own, a deal on the table: hypothetical
        (
            "The rebels say they will only free the hostages if the army implements the truce.",
            [("Agreement", "hypothetical")],
        ),
        (
            "The hostage deal and ceasefire that is now on the table would secure the release of the remaining captives.",
            [("Agreement", "hypothetical")],
        ),
        # an arrangement ("were to", "are to"): planned; one for a time long gone is no event
        (
            "The two rival parties were to begin negotiations on a truce in early February, but only preliminary meetings took place.",
            [],
        ),
        ("The two rival parties are to begin negotiations on a truce in Doha next week.", [("Agreement", "planned")]),
        # near twin: done
        (
            "The rebels freed three hostages in Goma on Saturday after the army implemented the truce.",
            [("Agreement", "occurred")],
        ),
    ],
)
def test_conditions_and_proposals_are_hypothetical(text, expected):
    assert _events(text) == expected


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


@pytest.mark.parametrize(
    "text, expected",
    [
        # no deal reached, no agreement reached: nothing took place
        ("No deal was reached in Cairo on Monday.", []),
        ("The two sides reached no agreement in Doha on Sunday.", []),
        ("A deal was reached in Cairo on Monday.", [("Agreement", "occurred")]),
        # a threat with a condition is a threat, not a hypothesis
        (
            "Israel has threatened to expand its offensive into central Gaza if no deal is reached.",
            [("Armed clash", "planned")],
        ),
    ],
)
def test_what_is_none_did_not_happen_and_a_conditional_threat_is_a_threat(text, expected):
    assert _events(text) == expected
