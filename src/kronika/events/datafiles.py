"""The models of the events stage's data files (``data/events/``), each read once through
:func:`kronika.data.load_yaml`: the snippet classifier's rules and word lists
(``classifier.yaml``) and the invented example snippets (``authored_examples.yaml``). The
trigger words' model is :class:`kronika.events.lexicon.TriggersFile`; the taxonomy's,
:class:`kronika.vocab.Taxonomy`.
"""

from __future__ import annotations

import functools
from typing import Optional

from pydantic import Field

from kronika.data import EVENTS_DIR, Strict, load_yaml


class _RuleData(Strict):
    label: str
    w: float
    any: list[str]
    with_: Optional[list[str]] = Field(None, alias="with")
    without: Optional[list[str]] = None


class _ProtestData(Strict):
    members: list[str]
    absorb: list[str] = []
    context: list[str]
    grievance: Optional[list[str]] = None
    violent: list[str]
    force: list[str]
    no_harm: Optional[list[str]] = None
    intervention: list[str]
    w: float = 9


class _RolesData(Strict):
    """The word lists of :mod:`kronika.events.roles` (who took a place)."""

    verbs: list[str]
    particle_verbs: dict[str, list[str]]
    object_verbs: dict[str, list[str]]
    out_verbs: list[str]
    fall_verbs: list[str]
    reporting_verbs: list[str]
    attempt_heads: list[str]
    repelled: list[str]
    territory_nouns: list[str]
    person_objects: list[str]  # what was taken is people, not a place (not triggers.yaml's person_nouns)
    weapon_nouns: list[str]
    state_words: list[str]
    non_state_words: list[str]
    pro_state_words: list[str]


class _TerritoryData(Strict):
    members: list[str]
    w: float = 13
    cues: list[str]
    nonviolent: list[str]
    fighting: list[str]
    roles: _RolesData


class ClassifierFile(Strict):
    """``data/events/classifier.yaml``."""

    version: int
    lead_discount: float = 0.6
    position_slope: float = 0.0
    backoff_weight: float = 0.0
    fallback: str
    order: list[str]
    acled25: list[str]
    extra: list[str]
    defs: dict[str, str] = {}
    rules: list[_RuleData]
    protest_family: Optional[_ProtestData] = None
    territory_family: Optional[_TerritoryData] = None


@functools.lru_cache(maxsize=1)
def classifier_file() -> ClassifierFile:
    return load_yaml(EVENTS_DIR / "classifier.yaml", ClassifierFile)


class AuthoredExamples(Strict):
    """``data/events/authored_examples.yaml``: label → invented snippets, in thirteen sets
    (``varied`` to ``varied6h``, news-style wordings, are scored only, never used by the back-off)."""

    version: int
    examples: dict[str, list[str]]
    check: dict[str, list[str]] = {}
    more: dict[str, list[str]] = {}
    varied: dict[str, list[str]] = {}
    varied2: dict[str, list[str]] = {}
    varied3: dict[str, list[str]] = {}
    varied3h: dict[str, list[str]] = {}
    varied4: dict[str, list[str]] = {}
    varied4h: dict[str, list[str]] = {}
    varied5: dict[str, list[str]] = {}
    varied5h: dict[str, list[str]] = {}
    varied6: dict[str, list[str]] = {}
    varied6h: dict[str, list[str]] = {}


@functools.lru_cache(maxsize=1)
def authored_examples() -> AuthoredExamples:
    return load_yaml(EVENTS_DIR / "authored_examples.yaml", AuthoredExamples)
