"""Session 13 (lead): reports the events stage gave no event for, on sentences written for these tests."""

from __future__ import annotations

import csv
import io
import json

import kronika
from kronika.chronicle import Chronicle
from tests.conftest import new_db


def _types(text: str, published: str = "2024-05-01") -> list[tuple[str, str]]:
    return [(e.sub_event_type, e.status) for e in kronika.analyze(text, published=published).events]


def test_a_clause_after_a_semicolon_is_not_under_the_verb_of_the_other():
    # the small model hangs "smashed" on "appeared" across the semicolon: no impression, a report
    text = "Vandals smashed the windows of six buses at the depot on Elm Road overnight; nothing appeared to be taken."
    assert _types(text) == [("Looting/property destruction", "occurred")]


def test_an_impression_in_the_same_clause_still_is_no_event():
    assert _types("It appears that the militants are withdrawing from the hills.") == []


def test_a_march_told_in_a_headline_present_before_a_semicolon_took_place():
    text = "Teachers march in Lima against a pay freeze; the march ended peacefully outside the congress."
    assert _types(text) == [("Peaceful protest", "occurred")]


def test_a_call_to_end_a_march_is_still_no_event():
    assert _types("The mayor called for an end to the marches in the city centre.") == []


def test_a_mobilisation_ordered_in_the_past_was_put_in_force():
    text = "The government ordered a general mobilisation of all reservists on Sunday."
    assert _types(text) == [("Change to group/activity", "occurred")]


def test_an_attack_ordered_is_still_a_plan():
    (status,) = {s for _, s in _types("The general ordered an assault on the rebel stronghold of Kalai.")} or {None}
    assert status != "occurred"


def test_demonstrators_storming_an_assembly_is_a_violent_demonstration():
    text = "Demonstrators stormed the regional assembly in Arequipa, smashing windows, to protest against the new tax."
    assert _types(text) == [("Violent demonstration", "occurred")]


def test_storming_out_of_a_hall_is_no_event():
    assert _types("The senator stormed out of the hall after the vote.") == []


def test_troops_restoring_state_authority_regain_territory():
    text = "Soldiers drove the militants out of the village and restored state authority there, the army said."
    assert ("Government regains territory", "occurred") in _types(text)


def test_restoring_power_or_relations_is_no_event():
    assert _types("The government restored electricity to the town.") == []
    assert _types("The president restored diplomatic relations with Cuba.") == []


def test_signing_a_protocol_on_a_ceasefire_is_an_agreement():
    text = "The two delegations signed a protocol on a ceasefire in Doha on Sunday."
    assert _types(text) == [("Agreement", "occurred")]


def test_bodies_handed_back_are_an_exchange():
    assert _types("The rebels handed back the bodies of 12 soldiers on Tuesday.") == [("Agreement", "occurred")]


def test_a_cue_word_of_group_change_or_conquest_needs_a_party_of_conflict():
    # the snippet classifier's cues ("arrived in", "merged", "captured", "heavy losses") also have
    # senses of travel, business and sport: with no forces, armed group, arms or harm named, no event
    for text in (
        "The minister arrived in Paris on Monday for talks.",
        "The two banks merged last year.",
        "The team captured the championship title on Sunday.",
        "Shares crashed after the bank reported heavy losses.",
    ):
        assert _types(text) == [], text


def test_the_same_cue_words_with_armed_parties_still_tell_events():
    assert _types("The two rebel groups merged on Monday.") == [("Change to group/activity", "occurred")]
    assert _types("Two more army battalions arrived in Goma on Monday.") == [("Change to group/activity", "occurred")]


def test_workers_downing_tools_is_a_peaceful_protest():
    text = "Hundreds of workers at the textile mill downed tools on Wednesday over unpaid wages."
    assert _types(text) == [("Peaceful protest", "occurred")]


def test_a_crackdown_a_vigil_commemorates_is_no_intervention_in_it():
    text = "Students held a candlelight vigil in Yangon to mark the anniversary of the crackdown."
    assert _types(text) == [("Peaceful protest", "occurred")]


def test_people_killed_in_an_accident_are_no_event():
    for text in (
        "A minibus crashed into a lorry on the coastal road, killing nine passengers.",
        "A ferry capsized on the lake, killing at least 15 people.",
        "A gas explosion at a bakery killed two workers.",
    ):
        assert _types(text) == [], text


def test_a_weapon_that_crashed_into_a_building_is_an_attack():
    text = "A Russian drone crashed into a block of flats in Sumy, killing two people."
    assert _types(text) == [("Air/drone strike", "occurred")]


def test_a_poison_gas_attack_is_still_a_chemical_attack():
    assert _types("A poison gas attack on the village killed nine people.") == [("Chemical weapon", "occurred")]


def test_an_arrest_for_an_ordinary_crime_is_no_event():
    assert _types("Police arrested a teenager for shoplifting at the market on Friday.") == []
    assert _types("A man was detained on suspicion of burglary in the suburb.") == []


def test_an_arrest_of_activists_still_is_one():
    text = "Police arrested three opposition activists for organising the rally on Friday."
    assert "Arrests" in [t for t, _ in _types(text)]


def test_a_disputed_event_is_contested_in_the_chronicle_and_tagged_in_the_acled_export(tmp_path, pipeline):
    report = {
        "text": "Rebels said government troops shelled the market in Kalemie on Monday, killing six people. "
        "The army denied shelling the market.",
        "title": "Market shelled in Kalemie, rebels say",
        "source": "Test Wire (constructed)",
        "published": "2024-10-02",
    }
    (tmp_path / "wire.jsonl").write_text(json.dumps(report) + "\n", "utf-8")
    chronicle = Chronicle(new_db(tmp_path, "disputed.db"))
    assert chronicle.ingest([tmp_path / "wire.jsonl"], pipeline=pipeline).added == 1
    (event,) = [e for e in chronicle.chronicle() if e.event_type != "Strategic developments"]
    assert event.status == "contested" and event.reports[0].disputed
    out = io.StringIO()
    chronicle.export("acled", out)
    (row,) = [r for r in csv.DictReader(io.StringIO(out.getvalue())) if r["sub_event_type"] == event.sub_event_type]
    assert "disputed" in row["tags"].split("; ")


def test_fighters_loyal_to_the_government_regain_territory():
    text = "Clan fighters loyal to the government took back control of two villages near Beledweyne on Sunday."
    assert ("Government regains territory", "occurred") in _types(text)
    text = "Rebels loyal to the warlord took back control of two villages near Beledweyne on Sunday."
    assert ("Government regains territory", "occurred") not in _types(text)


def _lead(text: str, published: str | None = None):
    events = kronika.analyze(text, published=published).events if published else kronika.analyze(text).events
    return next(e for e in events if e.lead)


def test_an_event_told_to_set_the_scene_does_not_lead_the_news_of_the_day():
    text = (
        "Last year the army began an offensive against the rebels in the hills. "
        "Helicopter gunships on Friday bombed a rebel camp near Mwenga, killing 20 fighters."
    )
    assert _lead(text).sub_event_type == "Air/drone strike"
    assert _lead(text, "2024-03-10").sub_event_type == "Air/drone strike"


def test_the_first_event_still_leads_when_no_later_one_is_of_the_day():
    text = (
        "Rebels attacked an army post near Mwenga on Friday, killing two soldiers. "
        "Last year the army began an offensive against the rebels in the hills."
    )
    assert _lead(text).sub_event_type == "Armed clash"


def test_a_headline_verb_parsed_as_a_noun_between_two_parties_tells_the_event():
    assert _types("Police teargas demonstrators in Kampala") == [("Protest with intervention", "occurred")]


def test_a_headline_noun_phrase_with_an_event_word_is_no_event():
    assert _types("Protest leaders in Kampala") == []
    assert _types("Air strike survivors in Gaza") == []


def test_ground_handed_over_by_a_surrender_is_a_non_violent_transfer():
    text = "Rebels took control of the district capital on Sunday after local officials surrendered it."
    assert ("Non-violent transfer of territory", "occurred") in _types(text)


def test_ground_the_holders_left_without_a_fight_in_the_next_sentence_changes_hands_without_a_battle():
    text = (
        "Insurgents retook the port town of Kilwa on Monday after the army withdrew. "
        "Residents said the soldiers pulled out without resistance."
    )
    assert [t for t, _ in _types(text)][0] == "Non-violent transfer of territory"
    text = "Insurgents retook the port town of Kilwa on Monday after the army withdrew."
    assert [t for t, _ in _types(text)][0] == "Non-state actor overtakes territory"


def test_forces_deployed_for_disaster_relief_are_no_conflict_event():
    assert _types("The government deployed the army to help with relief efforts after the floods.") == []
    text = "The army deployed 3,000 troops to the border town of Kidal on Monday."
    assert _types(text) == [("Change to group/activity", "occurred")]


def test_a_town_named_just_before_its_province_places_the_event_there():
    text = (
        "Suspected jihadists abducted around 40 women who were collecting firewood near Arbinda, "
        "in Soum province, on Monday, residents said."
    )
    (event,) = kronika.analyze(text, published="2023-03-15").events
    assert event.place.name == "Aribinda"


def test_a_ship_attacked_in_a_sea_is_placed_in_the_sea_not_a_region_of_that_name():
    (event,) = kronika.analyze("A drone struck a cargo ship in the Red Sea on Monday.", published="2024-02-06").events
    assert event.place.name == "Red Sea" and event.place.country_code is None
    places = kronika.analyze("Fighting spread to Sudan's Red Sea state on Monday.", published="2024-02-06").places
    assert any(p.name == "Red Sea" and p.country_code == "SD" for p in places)


def test_a_port_on_a_sea_is_the_place_not_the_sea():
    (event,) = kronika.analyze(
        "Drones attacked the port of Novorossiysk on the Black Sea.", published="2024-02-06"
    ).events
    assert event.place.name == "Novorossiysk"


def test_a_capital_named_in_apposition_is_a_place_not_its_government():
    text = "In the capital, Sanaa, tens of thousands of people rallied on Friday against the war."
    an = kronika.analyze(text, published="2024-02-06")
    assert not any(a.name.startswith("Government of Yemen") for a in an.actors)
    assert an.events[0].place.name == "Sanaa"


def test_a_demonym_of_any_country_names_its_forces_and_never_an_unknown_group():
    an = kronika.analyze("Greek police arrested five men in Athens on Monday.", published="2024-02-06")
    assert [a.name for a in an.actors] == ["Police Forces of Greece"]
    an = kronika.analyze("A drone struck a Greek-owned bulk carrier in the Red Sea on Monday.", published="2024-02-06")
    assert an.actors == () or all(a.name != "Greek" for a in an.actors)
    (event,) = an.events
    assert event.actor2 is None or event.actor2.name != "Greek"


def test_a_place_that_only_says_where_a_war_is_is_not_the_events_place():
    text = (
        "A rebel spokesman said the group had shelled the barracks with mortars and vowed more attacks "
        "until the army ends its war in Darfur."
    )
    events = [e for e in kronika.analyze(text, published="2024-02-06").events if e.status == "occurred"]
    assert events and all(e.place is None or e.place.name != "Darfur" for e in events)


def test_the_group_a_spokesman_speaks_for_is_the_doer():
    text = "Houthi military spokesman Yahya Saree said the group had targeted a tanker with naval missiles on Monday."
    (event,) = kronika.analyze(text, published="2024-02-06").events
    assert event.actor1 is not None and event.actor1.name.startswith("Houthis")


def test_many_attacks_counted_since_a_month_are_context_not_an_event():
    assert _types("The rebels have launched dozens of attacks on shipping since November.") == []
    text = "The army has carried out dozens of air strikes on rebel positions this week."
    assert _types(text) == [("Air/drone strike", "occurred")]


def test_a_pronoun_a_generic_speaker_says_is_that_speaker_not_the_last_actor_named():
    text = (
        "Rebel shelling killed 12 civilians in the camp on Tuesday, activists said. "
        "Meanwhile, the army said it had retaken the town of Kalemie after fierce fighting on Monday."
    )
    types = [e.sub_event_type for e in kronika.analyze(text, published="2025-05-07").events]
    assert "Government regains territory" in types and "Non-state actor overtakes territory" not in types


def test_a_time_inside_a_since_clause_does_not_date_another_clauses_event():
    text = (
        "The army said its air defences had shot down several drones over the city, the seat of the "
        "government since the war began in April 2023."
    )
    (event,) = kronika.analyze(text, published="2025-05-07").events
    assert not event.background and event.time.start_date.year == 2025


def test_ground_retaken_after_fighting_is_one_event_against_whom_it_was_fought():
    text = "Government troops retook the town of Kalemie on Monday after fierce fighting with the M23 rebels."
    events = kronika.analyze(text, published="2025-05-07").events
    assert [e.sub_event_type for e in events] == ["Government regains territory"]
    assert events[0].actor2 is not None and "M23" in events[0].actor2.name


def test_two_communities_that_clash_commit_mob_violence():
    text = "Hindu and Muslim groups clashed in the old town on Sunday, leaving 10 people injured."
    assert [t for t, _ in _types(text)][0] == "Mob violence"


def test_a_mobilisation_of_men_to_fight_is_a_call_up_and_a_party_campaign_is_not():
    text = "The junta has ordered the mobilisation of all men over 18 to fight the insurgents, a decree said."
    assert _types(text) == [("Change to group/activity", "occurred")]
    assert _types("The party announced a general mobilisation of its members for the election campaign.") == []


def test_a_city_that_bears_the_name_beats_a_place_that_only_lists_it_as_a_spelling():
    text = (
        "Russia fired missiles and drones at Ukraine overnight, and Poland scrambled jets. "
        "In the southern city of Mykolaiv, two people were killed when a drone hit a building."
    )
    places = kronika.analyze(text, published="2024-11-17").places
    (mykolaiv,) = [p for p in places if p.text == "Mykolaiv"]
    assert mykolaiv.admin1 == "Mykolaiv Oblast"


def test_force_on_striking_or_marching_people_is_force_against_protesters():
    text = "Police opened fire on striking miners near the shaft on Thursday, killing 34 people."
    assert [t for t, _ in _types(text)][0] == "Excessive force against protesters"
    assert [t for t, _ in _types("Police shot dead three striking workers outside the factory.")][0] == (
        "Excessive force against protesters"
    )
