"""Loading and validating the quantity lexicon (``kronika/data/quantities/numbers.yaml``)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Literal

from pydantic import Field, field_validator

from kronika.data import QUANTITIES_DIR, Strict, load_yaml
from kronika.records import Qualifier


@dataclass(frozen=True)
class Unit:
    code: str
    name: str
    position: str  # "before" (currency symbols) or "after"


@dataclass(frozen=True, eq=False)
class Lexicon:
    number_words: dict[str, float]
    scales: dict[str, float]
    vague: dict[str, tuple[float, float]]
    qualifiers_before: dict[str, str]
    qualifiers_after: dict[str, str]
    units_after: dict[str, Unit]  # surface -> unit
    units_before: dict[str, Unit]
    units: dict[str, Unit]  # code -> unit
    # compiled patterns
    re_words: re.Pattern
    re_vague: re.Pattern
    re_qual_before: re.Pattern
    re_qual_after: re.Pattern
    re_unit_after: re.Pattern
    re_unit_before: re.Pattern
    re_scale: re.Pattern


def _alternation(items) -> str:
    ordered = sorted(set(items), key=len, reverse=True)
    return "|".join(re.escape(i) for i in ordered)


class _UnitSpec(Strict):
    name: str
    surfaces: list[str] = Field(min_length=1)
    position: Literal["before", "after"] = "after"


class _NumbersFile(Strict):
    """``data/quantities/numbers.yaml``: every section present and not empty."""

    number_words: dict[str, float] = Field(min_length=1)
    scales: dict[str, float] = Field(min_length=1)
    vague: dict[str, tuple[float, float]] = Field(min_length=1)
    qualifiers_before: dict[str, Qualifier] = Field(min_length=1)
    qualifiers_after: dict[str, Qualifier] = Field(min_length=1)
    units: dict[str, _UnitSpec] = Field(min_length=1)

    @field_validator("vague")
    @classmethod
    def _low_high(cls, vague: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
        for phrase, (low, high) in vague.items():
            if low > high:
                raise ValueError(f"vague[{phrase!r}] must be [low, high]")
        return vague


@functools.lru_cache(maxsize=1)
def load() -> Lexicon:
    """The quantity lexicon, loaded and compiled once per process."""
    raw = load_yaml(QUANTITIES_DIR / "numbers.yaml", _NumbersFile)
    units: dict[str, Unit] = {}
    after: dict[str, Unit] = {}
    before: dict[str, Unit] = {}
    for code, spec in raw.units.items():
        unit = Unit(code=code.removesuffix("_after"), name=spec.name, position=spec.position)
        units.setdefault(unit.code, unit)
        target = before if unit.position == "before" else after
        for surface in spec.surfaces:
            target.setdefault(surface, unit)
    words = {k.lower(): v for k, v in raw.number_words.items()}
    scales = {k.lower(): v for k, v in raw.scales.items()}
    word_scales = [k for k in scales if len(k) > 3]  # 'hundred', 'million' (not 'm', 'bn')
    word_alt = _alternation([*words, *word_scales])
    re_words = re.compile(
        rf"\b(?:(?:a|an)\s+(?=(?:{_alternation(['dozen', 'hundred', 'thousand', 'million', 'billion', 'half'])})\b))?"
        rf"(?:{word_alt})(?:(?:\s+and\s+|[\s-]+)(?:{word_alt}))*\b",
        re.IGNORECASE,
    )
    vague = {k.lower(): v for k, v in raw.vague.items()}
    return Lexicon(
        number_words=words,
        scales=scales,
        vague=vague,
        qualifiers_before={k.lower(): v for k, v in raw.qualifiers_before.items()},
        qualifiers_after={k.lower(): v for k, v in raw.qualifiers_after.items()},
        units_after=after,
        units_before=before,
        units=units,
        re_words=re_words,
        re_vague=re.compile(rf"\b(?:{_alternation(vague)})\b", re.IGNORECASE),
        re_qual_before=re.compile(rf"(?:^|(?<=[^\w]))({_alternation(raw.qualifiers_before)})[\s-]*$", re.IGNORECASE),
        re_qual_after=re.compile(rf"(?:[\s-]*)({_alternation(raw.qualifiers_after)})\b", re.IGNORECASE),
        # units: case-sensitive surfaces, then a lower-cased retry for long words
        re_unit_after=re.compile(rf"[ \t]?-?({_alternation(after)})(?![A-Za-z0-9²])"),
        re_unit_before=re.compile(rf"(?:^|(?<=[^A-Za-z]))({_alternation(before)})\s?$"),
        re_scale=re.compile(rf"[ \t]?-?({_alternation(scales)})\b", re.IGNORECASE),
    )
