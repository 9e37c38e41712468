"""The events stage's data: trigger words (``data/events/triggers.yaml``) and word lists."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Literal, Optional

from pydantic import ConfigDict, Field, ValidationError

from kronika.data import Strict, load_yaml
from kronika.errors import DataError
from kronika.events.classify import DATA_DIR, load_classifier, load_taxonomy


class Trigger(Strict):
    """One entry of ``triggers.yaml``: the words, and what they need to report an event. A key the
    model does not know is an error (``extra="forbid"``), so a misspelt requirement cannot be
    silently ignored."""

    model_config = ConfigDict(populate_by_name=True)

    lemmas: frozenset[str]
    pos: frozenset[Literal["VERB", "NOUN"]]
    cls: Literal["violent", "fixed", "territory"] = Field(alias="class")
    sub_event_type: Optional[str] = None
    kind: Optional[str] = None
    refine: tuple[str, ...] = ()
    requires_object: frozenset[str] = frozenset()
    place_name_object: bool = False  # a place's proper name also meets requires_object ("entered Goma")
    retake: bool = False
    status: Optional[str] = None
    confidence: float = 0.6
    prefer_default: bool = False
    absorbable: bool = False
    requires_military_object: bool = False
    requires_person_object: bool = False
    requires_modifier: frozenset[str] = frozenset()
    requires_object_or_modifier: frozenset[str] = frozenset()
    requires_object_or_subject_actor: bool = False
    requires_armed_agent: bool = False  # the doer is a rebel, militia or other non-state armed group
    intransitive: bool = False
    refine_scope: Literal["sentence", "phrase"] = "sentence"
    needs_object_or_passive: bool = False
    requires_military_context: bool = False
    requires_prep: frozenset[str] = frozenset()
    forbids_prep: frozenset[str] = frozenset()  # a verb's: a preposition that gives it another sense
    requires_subject: frozenset[str] = frozenset()
    requires_head: frozenset[str] = frozenset()
    requires_doer: frozenset[str] = frozenset()  # a noun's: the subject of the verb it is the object of
    requires_purpose: frozenset[str] = frozenset()
    requires_verb: frozenset[str] = frozenset()  # a noun's: the verb it is the subject of (phrasal forms)
    requires_made_into: frozenset[str] = frozenset()  # a verb's: what it makes its object into or uses it as

    def __hash__(self) -> int:  # triggers are looked up by identity in sets of candidates
        return id(self)


class _Status(Strict):
    """Words that make a mention negated, denied, planned, forecast or hypothetical."""

    negation_words: list[str]
    denial_verbs: list[str]
    planned_verbs: list[str]
    forecast_verbs: list[str]
    forecast_words: list[str]
    hypothetical_marks: list[str]
    planned_modals: list[str]
    hypothetical_modals: list[str]
    reporting_verbs: list[str]
    aspect_verbs: list[str]
    cancel_verbs: list[str] = []
    postpone_verbs: list[str] = []
    occurrence_verbs: list[str] = []
    enabling_verbs: list[str] = []
    decree_verbs: list[str] = []
    decreed_nouns: list[str] = []
    planned_modifiers: list[str] = []
    anticipation_heads: list[str] = []
    proposal_places: list[str] = []


class _Words(Strict):
    """``words:`` of triggers.yaml: the word lists of the events stage's passes."""

    series_modifiers: list[str]
    counting_nouns: list[str]
    series_nouns: list[str]
    span_nouns: list[str] = []
    sky_words: list[str] = []
    speaker_nouns: list[str] = []
    serious_injury_words: list[str] = []
    call_verbs: list[str] = []
    countrywide_phrases: list[str] = []
    instance_subjects: list[str]
    perception_verbs: list[str]
    ongoing_verbs: list[str]
    bare_plurals: list[str]
    killing_verbs: list[str]
    killing_nouns: list[str]
    place_nouns: list[str]
    charge_nouns: list[str]
    charging_verbs: list[str] = []
    protest_words: list[str]
    demonstrating_words: list[str] = []
    grievance_verbs: list[str] = []
    home_words: list[str] = []
    campaign_words: list[str]
    air_platforms: list[str]
    firing_platforms: list[str] = []
    habitual_adverbs: list[str]
    war_nouns: list[str]
    crowd_nouns: list[str]
    mob_nouns: list[str]
    mob_victims: list[str] = []
    violent_crowd_words: list[str] = []
    partisan_nouns: list[str]
    supporter_nouns: list[str] = []
    backing_verbs: list[str] = []
    reciprocal_objects: list[str] = []
    holding_verbs: list[str] = []
    arrest_reasons: list[str] = []
    side_nouns: list[str] = []
    agreement_breaches: list[str]
    agreement_failures: list[str] = []
    agreement_lasting: list[str] = []
    apart_markers: list[str] = []
    campaign_nouns: list[str] = []
    figurative_subjects: list[str] = []
    accident_verbs: list[str] = []
    animals: list[str] = []
    players: list[str] = []
    play_words: list[str] = []
    petty_crimes: list[str] = []
    thieves: list[str] = []
    contraband: list[str] = []
    judges: list[str] = []
    kin: list[str] = []
    lone_persons: list[str] = []
    trial_verbs: list[str] = []
    relief_words: list[str] = []
    accident_causes: list[str] = []
    accident_sites: list[str] = []
    retort_targets: list[str] = []
    statistic_nouns: list[str] = []
    festive_words: list[str] = []
    deal_nouns: list[str] = []
    business_topics: list[str] = []
    critics: list[str] = []
    visit_verbs: list[str] = []
    vehicles: list[str] = []
    verbal_modifiers: list[str] = []
    drill_nouns: list[str] = []
    election_nouns: list[str] = []
    electoral_parties: list[str] = []
    justice_agencies: list[str] = []
    personal_standing: list[str] = []
    fame_words: list[str] = []
    outcry_nouns: list[str] = []
    memory_verbs: list[str] = []
    conflict_topics: list[str] = []
    peaceful_means: list[str] = []
    speech_nouns: list[str] = []
    power_nouns: list[str] = []
    commemoration_nouns: list[str] = []
    industry_nouns: list[str] = []
    abducted_nouns: list[str]
    crowd_control_weapons: list[str]
    lethal_words: list[str] = []
    accusation_verbs: list[str] = []
    partisan_bodies: list[str]
    civilian_targets: list[str]
    supply_verbs: list[str]
    blame_verbs: list[str] = []
    judicial_words: list[str]
    unopposed_words: list[str] = []
    unfought_nouns: list[str] = []
    ground_bomb_words: list[str] = []
    air_arms: list[str] = []
    casualty_words: list[str] = []
    missing_words: list[str] = []
    direct_fire_weapons: list[str] = []
    war_machines: list[str] = []
    prevalence_words: list[str] = []
    open_waters: list[str] = []
    crude_weapons: list[str] = []
    firearm_words: list[str] = []
    wanted_persons: list[str] = []
    barricade_words: list[str] = []
    attacker_nouns: list[str] = []
    bombed_areas: list[str] = []
    fled_verbs: list[str] = []
    ability_nouns: list[str] = []
    order_purposes: list[str] = []
    undergo_verbs: list[str] = []
    resumed_verbs: list[str] = []
    news_times: list[str] = []
    office_holders: list[str] = []


class TriggersFile(Strict):
    """``data/events/triggers.yaml``: the trigger words and the word lists of the events stage."""

    version: int
    light_verbs: list[str]
    absorbing_verbs: list[str]
    anaphoric_dets: list[str]
    territory_nouns: list[str]
    person_nouns: list[str]
    weapon_nouns: list[str]
    military_nouns: list[str]
    civilian_nouns: list[str]
    generic_actors: dict[str, list[str]] = {}
    described_by: list[str] = []
    figurative_objects: list[str] = []
    words: _Words
    status: _Status
    weapon_types: dict[str, list[str]] = {}
    weapon_typed: list[str] = []
    triggers: list[Trigger]


@dataclass(frozen=True)
class Lexicon:
    by_key: dict  # (lemma, pos) -> the triggers of that word, in file order
    light_verbs: frozenset
    absorbing_verbs: frozenset
    anaphoric_dets: frozenset
    territory_nouns: frozenset
    person_nouns: frozenset
    weapon_nouns: frozenset
    military_nouns: frozenset
    civilian_nouns: frozenset
    status: dict
    generic_actors: dict = None  # noun (lower case) -> role: police, military, protesters, rioters, civilians
    weapon_types: dict = None  # weapon lemma or phrase -> the ACLED sub-event type it decides
    weapon_typed: frozenset = frozenset()  # trigger lemmas whose type the weapon decides
    described_by: frozenset = frozenset()  # "-backed", "-linked": an armed group named by its sponsor
    figurative_objects: frozenset = frozenset()  # "hit the economy", "targeted voters": no violence
    words: dict = None  # name -> frozenset: the word lists of the passes (``words:`` of triggers.yaml)


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    raw = load_yaml(DATA_DIR / "triggers.yaml", TriggersFile)
    tax = load_taxonomy()
    codes = load_classifier().acled25
    by_key: dict = {}
    for n, trig in enumerate(raw.triggers):
        _check(trig, n, tax, codes)
        for lemma in trig.lemmas:
            for pos in trig.pos:
                by_key.setdefault((lemma, pos), []).append(trig)
    return Lexicon(
        by_key={k: tuple(v) for k, v in by_key.items()},
        light_verbs=frozenset(raw.light_verbs),
        absorbing_verbs=frozenset(raw.absorbing_verbs),
        anaphoric_dets=frozenset(raw.anaphoric_dets),
        territory_nouns=frozenset(raw.territory_nouns),
        person_nouns=frozenset(raw.person_nouns),
        weapon_nouns=frozenset(raw.weapon_nouns),
        military_nouns=frozenset(raw.military_nouns),
        civilian_nouns=frozenset(raw.civilian_nouns),
        status={k: frozenset(v) for k, v in raw.status.model_dump().items()},
        generic_actors={str(n).lower(): role for role, nouns in raw.generic_actors.items() for n in nouns},
        weapon_types=_weapon_types(raw.weapon_types, tax),
        weapon_typed=frozenset(raw.weapon_typed),
        described_by=frozenset(raw.described_by),
        figurative_objects=frozenset(raw.figurative_objects),
        words={k: frozenset(v) for k, v in raw.words.model_dump().items()},
    )


def _trigger(raw: dict, n: int, tax: dict, codes: set) -> Trigger:
    """One trigger entry validated (its model, then what it names in the other files)."""
    where = f"triggers.yaml: trigger {n + 1} ({', '.join(map(str, raw.get('lemmas') or ()))})"
    try:
        trig = Trigger.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise DataError(f"{where}: {'.'.join(map(str, err['loc']))}: {err['msg']}") from None
    _check(trig, n, tax, codes)
    return trig


def _check(trig: Trigger, n: int, tax: dict, codes: set) -> None:
    """What a trigger names in the taxonomy and the classifier exists."""
    where = f"triggers.yaml: trigger {n + 1} ({', '.join(sorted(trig.lemmas))})"
    if trig.sub_event_type is not None and trig.sub_event_type not in tax["sub_event_types"]:
        raise DataError(f"{where}: unknown sub_event_type {trig.sub_event_type!r}")
    if trig.kind and trig.kind not in (tax.get("kinds") or {}):
        raise DataError(f"{where}: unknown kind {trig.kind!r}")
    if not set(trig.refine) <= codes:
        raise DataError(f"{where}: unknown refine codes {sorted(set(trig.refine) - codes)}")


def _weapon_types(raw: dict, tax: dict) -> dict:
    out = {}
    for sub, words in raw.items():
        if sub not in tax["sub_event_types"]:
            raise DataError(f"triggers.yaml: weapon_types: unknown sub_event_type {sub!r}")
        out.update({str(w).lower(): sub for w in words})
    return out
