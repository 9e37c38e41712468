"""Loading and validating the claims data files (``kronika/data/claims/*.yaml``)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Annotated, NoReturn, Optional

from pydantic import Field

from kronika.data import CLAIMS_DIR, Strict, load_yaml
from kronika.errors import DataError


@dataclass(frozen=True, eq=False)
class ClaimsLexicon:
    nouns: dict[str, str]
    people_nouns: frozenset[str]
    verbs: dict[str, str]
    verb_applies_to: dict[str, frozenset[str]]
    combine: dict[tuple[str, str], str]
    units: dict[str, str]
    area_nouns: frozenset[str]
    parts: dict[str, frozenset[str]]
    part_cues: tuple[str, ...]
    toll_nouns: dict[str, object]  # noun -> measure or None
    toll_verbs: frozenset[str]
    harm_verbs: frozenset[str]
    cue_verbs: frozenset[str]
    weak_cue_verbs: frozenset[str]
    cue_nouns: frozenset[str]
    deny_verbs: frozenset[str]
    quote_verbs: frozenset[str]
    tail_cues: frozenset[str]
    prep_cues: tuple[str, ...]
    anonymous_heads: frozenset[str]
    document_heads: frozenset[str]
    headline_rubrics: frozenset[str]
    forecast_aux: frozenset[str]
    forecast_words: frozenset[str]
    hypothetical_aux: frozenset[str]
    hypothetical_words: frozenset[str]
    estimated_words: frozenset[str]
    negation_words: frozenset[str]


# A list of words; YAML reads unquoted on, no, yes (and off, true, false) as booleans: quote them.
Words = Annotated[list[str], Field(min_length=1)]


class _Measures(Strict):
    """``data/claims/measures.yaml``."""

    nouns: dict[str, str]
    people_nouns: Words
    verbs: dict[str, str]
    verb_applies_to: dict[str, list[str]]
    combine: dict[str, str]  # "left+right" -> measure
    units: dict[str, str]
    area_nouns: Words
    parts: dict[str, list[str]]
    part_cues: list[str]
    toll_nouns: dict[str, Optional[str]] = {}
    toll_verbs: Words
    harm_verbs: Words = []


class _Attribution(Strict):
    """``data/claims/attribution.yaml``."""

    cue_verbs: Words
    weak_cue_verbs: Words
    cue_nouns: Words
    quote_verbs: Words
    deny_verbs: Words
    tail_cues: Words
    prep_cues: list[str]
    anonymous_heads: Words
    document_heads: Words
    headline_rubrics: Words


class _Modality(Strict):
    """``data/claims/modality.yaml``."""

    forecast_aux: Words
    forecast_words: Words
    hypothetical_aux: Words
    hypothetical_words: Words
    estimated_words: Words
    negation_words: Words


def _words(items: list) -> frozenset[str]:
    return frozenset(str(i).lower() for i in items)


def _fail(message: str) -> NoReturn:
    raise DataError(f"claims/measures.yaml: {message}")


def _combine(m: _Measures) -> dict[tuple[str, str], str]:
    measures = set(m.nouns.values()) | set(m.verbs.values()) | set(m.units.values())
    for verb_measure in m.verbs.values():
        if verb_measure not in m.verb_applies_to:
            _fail(f"verb measure {verb_measure!r} has no verb_applies_to")
    combine = {}
    for key, value in m.combine.items():
        left, _, right = key.partition("+")
        if left not in measures or right not in measures or value not in measures:
            _fail(f"bad combine entry {key!r}")
        combine[(left, right)] = value
    return combine


@functools.lru_cache(maxsize=1)
def load() -> ClaimsLexicon:
    m = load_yaml(CLAIMS_DIR / "measures.yaml", _Measures)
    a = load_yaml(CLAIMS_DIR / "attribution.yaml", _Attribution)
    q = load_yaml(CLAIMS_DIR / "modality.yaml", _Modality)
    return ClaimsLexicon(
        nouns={k.lower(): v for k, v in m.nouns.items()},
        people_nouns=_words(m.people_nouns),
        verbs={k.lower(): v for k, v in m.verbs.items()},
        verb_applies_to={k: frozenset(v) for k, v in m.verb_applies_to.items()},
        combine=_combine(m),
        units=dict(m.units),
        area_nouns=_words(m.area_nouns),
        parts={k: frozenset(v) for k, v in m.parts.items()},
        part_cues=tuple(sorted((c.lower() for c in m.part_cues), key=len, reverse=True)),
        toll_nouns={k.lower(): v for k, v in m.toll_nouns.items()},
        toll_verbs=_words(m.toll_verbs),
        harm_verbs=_words(m.harm_verbs),
        cue_verbs=_words(a.cue_verbs),
        weak_cue_verbs=_words(a.weak_cue_verbs),
        cue_nouns=_words(a.cue_nouns),
        deny_verbs=_words(a.deny_verbs),
        quote_verbs=_words(a.quote_verbs),
        tail_cues=_words(a.tail_cues),
        prep_cues=tuple(sorted((c.lower() for c in a.prep_cues), key=len, reverse=True)),
        anonymous_heads=_words(a.anonymous_heads),
        document_heads=_words(a.document_heads),
        headline_rubrics=_words(a.headline_rubrics),
        forecast_aux=_words(q.forecast_aux),
        forecast_words=_words(q.forecast_words),
        hypothetical_aux=_words(q.hypothetical_aux),
        hypothetical_words=_words(q.hypothetical_words),
        estimated_words=_words(q.estimated_words),
        negation_words=_words(q.negation_words),
    )
