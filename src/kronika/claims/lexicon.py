"""Loading and validating the claims data files (``kronika/data/claims/*.yaml``)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

import yaml


@dataclass(frozen=True, eq=False)
class ClaimsLexicon:
    nouns: dict[str, str]
    person_nouns: frozenset[str]
    verbs: dict[str, str]
    verb_applies_to: dict[str, frozenset[str]]
    combine: dict[tuple[str, str], str]
    units: dict[str, str]
    area_nouns: frozenset[str]
    parts: dict[str, frozenset[str]]
    part_cues: tuple[str, ...]
    toll_nouns: dict[str, object]  # noun -> measure or None
    toll_verbs: frozenset[str]
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


def _read(name: str) -> dict:
    text = resources.files("kronika.data").joinpath(f"claims/{name}").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ValueError(f"claims data {name}: not a mapping")
    return data


def _words(data: dict, key: str, name: str) -> frozenset[str]:
    items = data.get(key)
    if not isinstance(items, list) or not items:
        raise ValueError(f"claims data {name}: {key!r} must be a non-empty list")
    return frozenset(str(i).lower() for i in items)


@functools.lru_cache(maxsize=1)
def load() -> ClaimsLexicon:
    m, a, q = _read("measures.yaml"), _read("attribution.yaml"), _read("modality.yaml")
    for key in ("nouns", "verbs", "verb_applies_to", "combine", "units", "parts"):
        if not isinstance(m.get(key), dict):
            raise ValueError(f"claims data measures.yaml: {key!r} must be a mapping")
    measures = set(m["nouns"].values()) | set(m["verbs"].values()) | set(m["units"].values())
    for verb_measure in m["verbs"].values():
        if verb_measure not in m["verb_applies_to"]:
            raise ValueError(f"claims data measures.yaml: verb measure {verb_measure!r} has no verb_applies_to")
    combine = {}
    for key, value in m["combine"].items():
        left, _, right = str(key).partition("+")
        if left not in measures or right not in measures or value not in measures:
            raise ValueError(f"claims data measures.yaml: bad combine entry {key!r}")
        combine[(left, right)] = value
    return ClaimsLexicon(
        nouns={str(k).lower(): v for k, v in m["nouns"].items()},
        person_nouns=_words(m, "person_nouns", "measures.yaml"),
        verbs={str(k).lower(): v for k, v in m["verbs"].items()},
        verb_applies_to={k: frozenset(v) for k, v in m["verb_applies_to"].items()},
        combine=combine,
        units=dict(m["units"]),
        area_nouns=_words(m, "area_nouns", "measures.yaml"),
        parts={k: frozenset(v) for k, v in m["parts"].items()},
        part_cues=tuple(sorted((str(c).lower() for c in m["part_cues"]), key=len, reverse=True)),
        toll_nouns={str(k).lower(): v for k, v in (m.get("toll_nouns") or {}).items()},
        toll_verbs=_words(m, "toll_verbs", "measures.yaml"),
        cue_verbs=_words(a, "cue_verbs", "attribution.yaml"),
        weak_cue_verbs=_words(a, "weak_cue_verbs", "attribution.yaml"),
        cue_nouns=_words(a, "cue_nouns", "attribution.yaml"),
        deny_verbs=_words(a, "deny_verbs", "attribution.yaml"),
        quote_verbs=_words(a, "quote_verbs", "attribution.yaml"),
        tail_cues=_words(a, "tail_cues", "attribution.yaml"),
        prep_cues=tuple(sorted((str(c).lower() for c in a["prep_cues"]), key=len, reverse=True)),
        anonymous_heads=_words(a, "anonymous_heads", "attribution.yaml"),
        document_heads=_words(a, "document_heads", "attribution.yaml"),
        headline_rubrics=_words(a, "headline_rubrics", "attribution.yaml"),
        forecast_aux=_words(q, "forecast_aux", "modality.yaml"),
        forecast_words=_words(q, "forecast_words", "modality.yaml"),
        hypothetical_aux=_words(q, "hypothetical_aux", "modality.yaml"),
        hypothetical_words=_words(q, "hypothetical_words", "modality.yaml"),
        estimated_words=_words(q, "estimated_words", "modality.yaml"),
        negation_words=_words(q, "negation_words", "modality.yaml"),
    )
