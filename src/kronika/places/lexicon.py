"""Loads and validates ``kronika/data/places/lexicon.yaml`` (once)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from kronika.data import PLACES_DIR as DATA
from kronika.data import Strict, load_yaml
from kronika.errors import DataError
from kronika.places.names import normalize

LEVELS = {"admin1", "admin2"}


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
    abbreviations: dict[str, str] = field(default_factory=dict)  # "N.D." -> "US-ND"
    locative_preps: frozenset[str] = frozenset()  # "in", "near": a name after them is likely a place
    modifier_nouns: frozenset[str] = frozenset()  # "US military": the name only qualifies the noun
    place_verbs: frozenset[str] = frozenset()  # "shelled Kherson": their object is a place
    region_aliases: dict[str, int] = field(default_factory=dict)  # normalized name -> GeoNames id ("golan heights")
    town_aliases: dict[str, int] = field(default_factory=dict)  # normalized name -> a town's GeoNames id
    origin_verbs: frozenset[str] = frozenset()  # "who grew up in New Jersey": where a person is from
    facility_nouns: frozenset[str] = frozenset()  # "the Naivasha market": the name may be the facility's own
    settlement_nouns: frozenset[str] = frozenset()  # "the port city of Chittagong": the name is a town's
    water_nouns: frozenset[str] = frozenset()  # "the Dnipro river": the name is the river's
    town_parts: frozenset[str] = frozenset()  # "the centre of Kharkiv": the name is a town's
    demonym_place_nouns: tuple[str, ...] = ()  # "the Ukrainian city of Sumy": the demonym gives the country
    demonym_place_modifiers: tuple[str, ...] = ()  # "the Malian border town of": words between the two


class _LexiconFile(Strict):
    """``data/places/lexicon.yaml``."""

    region_terms: dict[str, Literal["admin1", "admin2"]]  # "oblast" -> the level it names
    actor_nouns: list[str]
    non_agentive_verbs: list[str]
    organisation_heads: list[str]
    stoplist: list[str]  # YAML reads unquoted on, no, yes as booleans: quote them
    country_aliases: dict[str, list[str]]  # ISO2 -> aliases
    adjectives: dict[str, str] = {}
    place_cues: list[str] = []
    subdivision_abbreviations: dict[str, str] = {}
    locative_preps: list[str] = []
    modifier_nouns: list[str] = []
    place_verbs: list[str] = []
    region_aliases: dict[str, int] = {}  # a region's name -> the GeoNames division that holds it
    town_aliases: dict[str, int] = {}  # a town's name GeoNames spells otherwise -> the town
    origin_verbs: list[str] = []
    facility_nouns: list[str] = []
    settlement_nouns: list[str] = []
    water_nouns: list[str] = []
    town_parts: list[str] = []
    demonym_place_nouns: list[str] = []
    demonym_place_modifiers: list[str] = []


@lru_cache(maxsize=1)
def load() -> Lexicon:
    raw = load_yaml(DATA / "lexicon.yaml", _LexiconFile)
    aliases = {}
    for cc, names in raw.country_aliases.items():
        if not (len(cc) == 2 and cc.isupper()):
            raise DataError(f"places/lexicon.yaml: country_aliases: bad country code {cc!r}")
        for n in names:
            aliases[normalize(n)] = cc

    def words(items: list) -> frozenset[str]:
        return frozenset(normalize(str(w)) for w in items)

    def lower(items: list[str]) -> frozenset[str]:
        return frozenset(w.lower() for w in items)

    return Lexicon(
        {k.lower(): v for k, v in raw.region_terms.items()},
        words(raw.actor_nouns),
        words(raw.non_agentive_verbs),
        words(raw.organisation_heads),
        words(raw.stoplist),
        aliases,
        {normalize(k): v for k, v in raw.adjectives.items()},
        tuple(c.lower() for c in raw.place_cues),
        dict(raw.subdivision_abbreviations),
        lower(raw.locative_preps),
        lower(raw.modifier_nouns),
        lower(raw.place_verbs),
        {normalize(k): v for k, v in raw.region_aliases.items()},
        {normalize(k): v for k, v in raw.town_aliases.items()},
        lower(raw.origin_verbs),
        lower(raw.facility_nouns),
        lower(raw.settlement_nouns),
        lower(raw.water_nouns),
        lower(raw.town_parts),
        tuple(w.lower() for w in raw.demonym_place_nouns),
        tuple(w.lower() for w in raw.demonym_place_modifiers),
    )
