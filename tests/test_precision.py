"""Precision (issue #12): ordinary news that tells no conflict or protest event gives no event,
while the same words told of conflict parties still do. Sentences written for these tests."""

from __future__ import annotations

import pytest

import kronika


def _occurred(text: str) -> list[str]:
    events = kronika.analyze(text, published="2024-05-01").events
    return [e.sub_event_type for e in events if e.status == "occurred"]


SPORT = [
    "The visitors launched a fierce attack in the second half but could not score.",
    "Brazil captured the World Cup title for the fifth time.",
    "The rookie stole the show with a hat-trick on his debut.",
    "The bowler struck twice in the opening over to leave the visitors reeling.",
    "The team invaded the top four with a win over Arsenal.",
    "The striker shot the ball into the top corner in the 89th minute.",
    "The club fired its coach after a run of six defeats.",
    "The cyclist attacked on the final climb to win the stage.",
    "The young forward was shot to fame after his debut.",
    "The striker's shot hit the post in the 90th minute.",
    "The league's top scorer struck again in the derby on Sunday.",
    "The striker was sent off for attacking an opponent.",
    "The coach blasted his players after the defeat.",
]

NATURE_AND_ACCIDENTS = [
    "A powerful earthquake struck the coast on Monday, killing at least 30 people.",
    "Floods swept through the valley, destroying hundreds of homes.",
    "Wildfires destroyed more than 500 homes in the state this week.",
    "A tornado ripped through the town, killing four people.",
    "A fire broke out in a textile factory, killing 20 workers.",
    "A blaze gutted the market overnight, destroying hundreds of stalls.",
    "A boiler blast at the plant killed five workers.",
    "Miners were trapped underground after an explosion at the coal mine.",
    "Monsoon rains triggered landslides that killed 12 people.",
    "Hurricane Maria devastated the island, killing dozens.",
    "Fire swept through a hospital ward, killing eight patients.",
    "An electrical fault sparked a blaze that destroyed the market.",
    "A tanker exploded on the highway, killing 15 people.",
    "A pipeline exploded in the delta, killing 50 people scooping fuel.",
    "A fire at a nightclub killed 64 people, officials said.",
    "A passenger jet skidded off the runway in heavy rain.",
    "A magnitude 7 earthquake hit the island, triggering a tsunami warning.",
    "Engineers blew up the old cooling towers in a controlled demolition.",
    "The app was hit by an outage that lasted six hours.",
    "Floodwaters swept away houses, killing at least 11 people.",
    "The man was killed by a falling tree during the storm.",
]

ANIMALS = [
    "The dog attacked a postman in the street.",
    "A shark attacked a surfer off the beach on Tuesday.",
    "Wolves killed 20 sheep on a farm in the mountains.",
    "Police shot dead a tiger that had escaped from the zoo.",
    "The farmer shot a fox that had been killing his chickens.",
]

CRIME_AND_COURTS = [
    "The judge jailed the drug dealer for eight years.",
    "Thieves stole jewellery worth $1 million from a shop in the city centre.",
    "A man stabbed his neighbour during a row over parking.",
    "Police seized 200 kg of cocaine at the port.",
    "Police arrested a man suspected of stealing cars in the city.",
    "A woman was charged with the murder of her husband.",
    "A court ordered the release of the jailed journalist on bail.",
    "Burglars broke into the museum and stole three paintings.",
    "Police detained a suspect in the theft of a car.",
    "A teenager was arrested for spraying graffiti on a monument.",
    "Police arrested a gang of car thieves in the suburb.",
    "Drug dealers were arrested in a police operation in the city.",
    "The anti-corruption agency raided the minister's home on Tuesday.",
    "Police raided the offices of the company as part of a tax investigation.",
    "A man was jailed for life for murdering his wife.",
    "A grenade from the Second World War was found on a building site and safely removed.",
    "A man was sentenced to 10 years in prison for fraud.",
]

FIGURATIVE = [
    "The city is fighting a losing battle against litter.",
    "The mayor launched an assault on red tape.",
    "The hackers attacked the bank's computer systems.",
    "The comedian killed it on stage at the festival.",
    "The government declared a war on drugs in the 1980s.",
    "Supermarkets are locked in a fierce price war ahead of Christmas.",
    "The film bombed at the box office, earning just $2 million.",
    "The shares of the airline were slaughtered after the warning.",
    "The minister hit back at critics of the health reform.",
    "The company was hit with a $2 billion fine by regulators.",
    "The president attacked the media in a speech on Monday.",
    "The firm blasted the ruling as unfair and said it would appeal.",
    "White blood cells attack the invading bacteria.",
    "The bill is under attack from both left and right.",
    "The prime minister came under attack from his own party over the tax rise.",
    "The minister launched a blistering attack on the central bank.",
    "The minister survived an attack on her leadership.",
    "The ruling party seized control of the senate in the midterms.",
    "The news hit the family hard.",
    "The deal sparked a storm of protest online.",
]

POLITICS_AND_STATISTICS = [
    "The two leaders signed a trade deal in Tokyo.",
    "The foreign minister visited Beijing for talks on trade.",
    "The number of protests in the country has doubled since 2019, a report said.",
    "Students marched to the stadium for the graduation ceremony.",
    "The defence minister visited troops on the front line.",
    "The two presidents held talks on energy cooperation.",
    "The countries signed an agreement on visa-free travel.",
    "The museum marked the centenary of the armistice with an exhibition.",
    "Ten years after the massacre, families are still waiting for justice.",
    "Veterans recalled how they stormed the beaches in Normandy.",
]


@pytest.mark.parametrize("text", SPORT)
def test_sport_is_no_event(text):
    assert _occurred(text) == []


@pytest.mark.parametrize("text", NATURE_AND_ACCIDENTS)
def test_nature_and_accidents_are_no_event(text):
    assert _occurred(text) == []


@pytest.mark.parametrize("text", ANIMALS)
def test_animals_do_no_political_violence(text):
    assert _occurred(text) == []


@pytest.mark.parametrize("text", CRIME_AND_COURTS)
def test_crime_and_the_courts_are_no_event(text):
    assert _occurred(text) == []


@pytest.mark.parametrize("text", FIGURATIVE)
def test_figurative_uses_are_no_event(text):
    assert _occurred(text) == []


@pytest.mark.parametrize("text", POLITICS_AND_STATISTICS)
def test_business_deals_counts_and_festive_marches_are_no_event(text):
    assert _occurred(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Gunmen shot dead a footballer outside his home in Cali on Sunday.", "Attack"),
        ("Militants stormed a hotel in Mogadishu, killing 12 people.", "Attack"),
        ("Insurgents captured the district headquarters on Tuesday.", "Non-state actor overtakes territory"),
        ("A roadside bomb exploded near a police convoy, killing three officers.", "Remote explosive/landmine/IED"),
        ("Police detained the opposition leader at his home before the protest.", "Arrests"),
        ("Gunmen opened fire on a bus carrying miners, killing seven.", "Attack"),
        ("The militia looted shops in the market town.", "Looting/property destruction"),
        ("Fighter jets bombed rebel positions in the hills on Friday.", "Air/drone strike"),
        ("Soldiers shot dead a man at a checkpoint in Hebron.", "Attack"),
        ("Rebels ambushed an army patrol, killing four soldiers.", "Armed clash"),
        ("Bank workers went on strike on Monday to demand higher pay.", "Peaceful protest"),
        ("The two rebel groups signed a ceasefire deal in Doha.", "Agreement"),
        ("Thousands of workers marched through the capital to protest against job cuts.", "Peaceful protest"),
        (
            "A car bomb exploded outside a police station in Kirkuk, killing four people.",
            "Remote explosive/landmine/IED",
        ),
        ("The two sides signed an agreement on a ceasefire and oil revenue sharing.", "Agreement"),
        ("The army was accused of firing chemical munitions on rebel-held villages.", "Chemical weapon"),
        ("Gunmen attacked a mining camp in Cabo Delgado, killing five workers.", "Attack"),
        ("Fans of the two clubs fought with stones and knives, leaving one dead.", "Mob violence"),
        ("The town came under attack from rebels on Monday.", "Armed clash"),
        ("Israeli fire killed three Palestinians near the fence.", "Attack"),
        ("An air strike on the Hamas leadership in Doha killed five people.", "Air/drone strike"),
        ("Police raided the offices of the opposition party and arrested ten activists.", "Arrests"),
        ("Gunmen attacked polling stations during the vote, killing two officials.", "Attack"),
        ("Rebels seized the town during the elections.", "Non-state actor overtakes territory"),
        ("The president visited the front line where fighting raged on Monday.", "Armed clash"),
        ("Three dealers of arms were arrested.", "Arrests"),
        ("Soldiers shot dead two men suspected of stealing cattle.", "Attack"),
        ("The government and the rebels signed a prisoner transfer deal.", "Agreement"),
        ("The two sides signed a deal on grain exports and a humanitarian corridor.", "Agreement"),
        ("Police hit protesters with a baton charge in the square.", "Excessive force against protesters"),
        ("Police fired tear gas at fans who invaded the pitch after the match.", "Protest with intervention"),
        ("Police arrested 40 protesters during the march on Saturday.", "Protest with intervention"),
    ],
)
def test_the_same_words_told_of_conflict_parties_still_tell_events(text, expected):
    assert expected in _occurred(text)
