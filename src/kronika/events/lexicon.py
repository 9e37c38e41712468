"""The events stage's data: trigger words (``data/events/triggers.yaml``) and word lists."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Optional
import yaml

from kronika.events.classify import DATA_DIR, load_classifier, load_taxonomy


@dataclass(frozen=True)
class Trigger:
    lemmas: frozenset
    pos: frozenset
    cls: str
    sub_event_type: Optional[str]
    kind: Optional[str]
    refine: tuple
    requires_object: frozenset
    retake: bool
    status: Optional[str]
    confidence: float
    prefer_default: bool
    absorbable: bool
    requires_military_object: bool
    requires_person_object: bool
    requires_modifier: frozenset
    requires_object_or_modifier: frozenset
    requires_object_or_subject_actor: bool
    intransitive: bool
    refine_scope: str
    needs_object_or_passive: bool
    requires_military_context: bool


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


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    raw = yaml.safe_load((DATA_DIR / "triggers.yaml").read_text(encoding="utf-8"))
    tax = load_taxonomy()
    codes = load_classifier().acled25
    by_key: dict = {}
    for t in raw["triggers"]:
        sub = t.get("sub_event_type")
        if sub is not None and sub not in tax["sub_event_types"]:
            raise ValueError(f"triggers.yaml: unknown sub_event_type {sub!r}")
        if t.get("kind") and t["kind"] not in (tax.get("kinds") or {}):
            raise ValueError(f"triggers.yaml: unknown kind {t['kind']!r}")
        refine = tuple(t.get("refine") or ())
        if not set(refine) <= codes:
            raise ValueError(f"triggers.yaml: unknown refine codes {refine}")
        trig = Trigger(
            lemmas=frozenset(t["lemmas"]), pos=frozenset(t["pos"]), cls=t["class"], sub_event_type=sub,
            kind=t.get("kind"), refine=refine, requires_object=frozenset(t.get("requires_object") or ()),
            retake=bool(t.get("retake")), status=t.get("status"), confidence=float(t.get("confidence", 0.6)),
            prefer_default=bool(t.get("prefer_default")), absorbable=bool(t.get("absorbable")),
            requires_military_object=bool(t.get("requires_military_object")),
            requires_person_object=bool(t.get("requires_person_object")),
            requires_modifier=frozenset(t.get("requires_modifier") or ()),
            requires_object_or_modifier=frozenset(t.get("requires_object_or_modifier") or ()),
            requires_object_or_subject_actor=bool(t.get("requires_object_or_subject_actor")),
            intransitive=bool(t.get("intransitive")),
            refine_scope=t.get("refine_scope", "sentence"),
            needs_object_or_passive=bool(t.get("needs_object_or_passive")),
            requires_military_context=bool(t.get("requires_military_context")),
        )
        for lemma in trig.lemmas:
            for pos in trig.pos:
                by_key.setdefault((lemma, pos), []).append(trig)
    s = raw["status"]
    return Lexicon(
        by_key={k: tuple(v) for k, v in by_key.items()},
        light_verbs=frozenset(raw["light_verbs"]), absorbing_verbs=frozenset(raw["absorbing_verbs"]),
        anaphoric_dets=frozenset(raw["anaphoric_dets"]), territory_nouns=frozenset(raw["territory_nouns"]),
        person_nouns=frozenset(raw["person_nouns"]), weapon_nouns=frozenset(raw["weapon_nouns"]),
        military_nouns=frozenset(raw["military_nouns"]), civilian_nouns=frozenset(raw["civilian_nouns"]),
        status={k: frozenset(v) for k, v in s.items()},
        generic_actors={str(n).lower(): role for role, nouns in (raw.get("generic_actors") or {}).items() for n in nouns},
        weapon_types=_weapon_types(raw.get("weapon_types") or {}, tax),
        weapon_typed=frozenset(raw.get("weapon_typed") or ()),
        described_by=frozenset(raw.get("described_by") or ()),
    )


def _weapon_types(raw: dict, tax: dict) -> dict:
    out = {}
    for sub, words in raw.items():
        if sub not in tax["sub_event_types"]:
            raise ValueError(f"triggers.yaml: weapon_types: unknown sub_event_type {sub!r}")
        out.update({str(w).lower(): sub for w in words})
    return out
