"""Loading and validating the quantity lexicon (``kronika/data/quantities/numbers.yaml``)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

import yaml

from kronika.records import Qualifier

_QUALIFIERS = set(Qualifier.__args__)  # type: ignore[attr-defined]


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


def _validate(raw: dict) -> None:
    for key in ("number_words", "scales", "vague", "qualifiers_before", "qualifiers_after", "units"):
        if not isinstance(raw.get(key), dict) or not raw[key]:
            raise ValueError(f"quantities lexicon: section {key!r} missing or empty")
    for table in ("qualifiers_before", "qualifiers_after"):
        for phrase, qual in raw[table].items():
            if qual not in _QUALIFIERS:
                raise ValueError(f"quantities lexicon: {table}[{phrase!r}] = {qual!r} is not a Qualifier")
    for phrase, pair in raw["vague"].items():
        if not (isinstance(pair, list) and len(pair) == 2 and pair[0] <= pair[1]):
            raise ValueError(f"quantities lexicon: vague[{phrase!r}] must be [low, high]")
    for code, spec in raw["units"].items():
        if not isinstance(spec, dict) or "name" not in spec or not spec.get("surfaces"):
            raise ValueError(f"quantities lexicon: unit {code!r} needs a name and surfaces")
        if spec.get("position", "after") not in ("before", "after"):
            raise ValueError(f"quantities lexicon: unit {code!r}: position must be before/after")


@functools.lru_cache(maxsize=1)
def load() -> Lexicon:
    """The quantity lexicon, loaded and compiled once per process."""
    text = resources.files("kronika.data").joinpath("quantities/numbers.yaml").read_text(encoding="utf-8")
    raw = yaml.safe_load(text)
    _validate(raw)
    units: dict[str, Unit] = {}
    after: dict[str, Unit] = {}
    before: dict[str, Unit] = {}
    for code, spec in raw["units"].items():
        code = str(code)
        unit = Unit(code=code.removesuffix("_after"), name=spec["name"], position=spec.get("position", "after"))
        units.setdefault(unit.code, unit)
        target = before if unit.position == "before" else after
        for surface in spec["surfaces"]:
            target.setdefault(str(surface), unit)
    words = {str(k).lower(): float(v) for k, v in raw["number_words"].items()}
    scales = {str(k).lower(): float(v) for k, v in raw["scales"].items()}
    word_scales = [k for k in scales if len(k) > 3]  # 'hundred', 'million' (not 'm', 'bn')
    word_alt = _alternation([*words, *word_scales])
    re_words = re.compile(
        rf"\b(?:(?:a|an)\s+(?=(?:{_alternation(['dozen', 'hundred', 'thousand', 'million', 'billion', 'half'])})\b))?"
        rf"(?:{word_alt})(?:(?:\s+and\s+|[\s-]+)(?:{word_alt}))*\b",
        re.IGNORECASE,
    )
    vague = {str(k).lower(): (float(v[0]), float(v[1])) for k, v in raw["vague"].items()}
    return Lexicon(
        number_words=words,
        scales=scales,
        vague=vague,
        qualifiers_before={str(k).lower(): v for k, v in raw["qualifiers_before"].items()},
        qualifiers_after={str(k).lower(): v for k, v in raw["qualifiers_after"].items()},
        units_after=after,
        units_before=before,
        units=units,
        re_words=re_words,
        re_vague=re.compile(rf"\b(?:{_alternation(vague)})\b", re.IGNORECASE),
        re_qual_before=re.compile(
            rf"(?:^|(?<=[^\w]))({_alternation(raw['qualifiers_before'])})[\s-]*$", re.IGNORECASE
        ),
        re_qual_after=re.compile(rf"(?:[\s-]*)({_alternation(raw['qualifiers_after'])})\b", re.IGNORECASE),
        # units: case-sensitive surfaces, then a lower-cased retry for long words
        re_unit_after=re.compile(rf"[ \t]?-?({_alternation(after)})(?![A-Za-z0-9²])"),
        re_unit_before=re.compile(rf"(?:^|(?<=[^A-Za-z]))({_alternation(before)})\s?$"),
        re_scale=re.compile(rf"[ \t]?-?({_alternation(scales)})\b", re.IGNORECASE),
    )
