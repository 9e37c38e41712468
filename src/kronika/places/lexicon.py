"""Loads and validates ``kronika/data/places/lexicon.yaml`` (once)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

import yaml

from kronika.places.names import normalize

LEVELS = {"admin1", "admin2"}
DATA = Path(__file__).resolve().parent.parent / "data" / "places"


@dataclass(frozen=True)
class Lexicon:
    region_terms: dict[str, str]
    actor_nouns: frozenset[str]
    non_agentive_verbs: frozenset[str]
    organisation_heads: frozenset[str]
    stoplist: frozenset[str]
    country_aliases: dict[str, str]  # normalized alias -> ISO2
    adjectives: dict[str, str]  # normalized adjective -> place name
    place_cues: tuple[str, ...] = ()
    abbreviations: Optional[dict[str, str]] = None  # "N.D." -> "US-ND"
    locative_preps: frozenset[str] = frozenset()  # "in", "near": a name after them is likely a place
    modifier_nouns: frozenset[str] = frozenset()  # "US military": the name only qualifies the noun
    place_verbs: frozenset[str] = frozenset()  # "shelled Kherson": their object is a place


@lru_cache(maxsize=1)
def load() -> Lexicon:
    raw = yaml.safe_load(DATA.joinpath("lexicon.yaml").read_text(encoding="utf-8"))
    if not isinstance(raw, dict):
        raise ValueError("places lexicon: expected a mapping")
    need = {"region_terms", "actor_nouns", "non_agentive_verbs", "organisation_heads", "stoplist", "country_aliases"}
    missing = need - set(raw)
    if missing:
        raise ValueError(f"places lexicon: missing {sorted(missing)}")
    terms = {str(k).lower(): str(v) for k, v in raw["region_terms"].items()}
    bad = {v for v in terms.values() if v not in LEVELS}
    if bad:
        raise ValueError(f"places lexicon: unknown levels {bad}")
    aliases = {}
    for cc, names in raw["country_aliases"].items():
        if not (isinstance(cc, str) and len(cc) == 2 and cc.isupper()):
            raise ValueError(f"places lexicon: bad country code {cc!r}")
        for n in names:
            aliases[normalize(str(n))] = cc

    def words(key: str) -> frozenset[str]:
        return frozenset(normalize(str(w)) for w in raw[key])

    return Lexicon(terms, words("actor_nouns"), words("non_agentive_verbs"), words("organisation_heads"),
                   words("stoplist"), aliases,
                   {normalize(str(k)): str(v) for k, v in (raw.get("adjectives") or {}).items()},
                   tuple(str(c).lower() for c in raw.get("place_cues") or ()),
                   {str(k): str(v) for k, v in (raw.get("subdivision_abbreviations") or {}).items()},
                   frozenset(str(w).lower() for w in raw.get("locative_preps") or ()),
                   frozenset(str(w).lower() for w in raw.get("modifier_nouns") or ()),
                   frozenset(str(w).lower() for w in raw.get("place_verbs") or ()))
