"""Loading and validating the time stage's data files (``kronika/data/time/*.yaml``).

One loader, cached: the lexicon (month names, numbers, units, ...) and the patterns, with
their ``<<MACRO>>`` references expanded into plain regular expressions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

import yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "time"
_MACRO = re.compile(r"<<([A-Z_0-9]+)>>")
_REQUIRED = (
    "months", "month_abbreviations", "ambiguous_months", "weekdays", "seasons", "day_words",
    "day_parts", "numbers", "ordinals", "units", "refs", "holidays", "future_cues",
)


@dataclass(frozen=True)
class Pattern:
    name: str
    regex: str  # macros expanded
    timeml_only: bool = False


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]
    month_abbreviations: dict[str, int]
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    day_words: dict[str, int]
    day_parts: dict[str, str]
    numbers: dict[str, Optional[float]]
    ordinals: dict[str, int]
    units: dict[str, tuple[str, str, bool]]
    refs: dict[str, str]
    holidays: dict[str, tuple[int, int]]
    future_cues: tuple[str, ...]
    moving_holidays: dict = field(default_factory=dict)
    triggers: frozenset[str] = field(default=frozenset())
    patterns: tuple[Pattern, ...] = field(default=())

    def month(self, word: str) -> Optional[int]:
        w = word.lower().rstrip(".")
        return self.months.get(w) or self.month_abbreviations.get(w)

    def number(self, text: str) -> Optional[float]:
        """Value of a number written in digits or words ("24", "twenty-four", "2 1/2"); None if vague."""
        t = re.sub(r"\s+", " ", text.lower().replace("-", " ")).strip()
        half = 0.0
        if t.endswith(" and a half"):
            t, half = t[: -len(" and a half")], 0.5
        if t.endswith(" 1/2"):
            t, half = t[:-4], 0.5
        if re.fullmatch(r"\d+(?:[.,]\d+)?", t):
            return float(t.replace(",", "")) + half if "," in t and len(t.split(",")[-1]) == 3 else float(t.replace(",", ".")) + half
        if t in self.numbers:
            v = self.numbers[t]
            return None if v is None else v + half
        total = 0.0
        for w in t.split(" "):
            if w not in self.numbers or self.numbers[w] is None:
                return None
            v = self.numbers[w]
            total = total * v if v == 100 and total else total + v
        return total + half

    def unit(self, word: str) -> Optional[tuple[str, str, bool]]:
        w = word.lower()
        if w in self.units:
            return self.units[w]
        if w.endswith("s") and w[:-1] in self.units:
            return self.units[w[:-1]]
        return None


def _alt(words, *, case: str = "i") -> str:
    """A regex alternation of ``words`` (longest first); case 'i' insensitive, 'title' Title|UPPER."""
    words = sorted(set(words), key=lambda w: (-len(w), w))
    if case == "title":
        forms = []
        for w in words:
            forms += [w.title(), w.upper()]
        return "(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms) + ")"
    return "(?i:" + "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in words) + ")"


def _expand(regex: str, macros: dict[str, str]) -> str:
    for _ in range(10):
        new = _MACRO.sub(lambda m: macros[m.group(1)], regex)
        if new == regex:
            return new
        regex = new
    raise ValueError(f"macro recursion in time pattern: {regex[:80]}")


def _load_yaml(name: str) -> dict:
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ValueError(f"kronika/data/time/{name}: expected a mapping")
    return data


@lru_cache(maxsize=1)
def load() -> Lexicon:
    """The lexicon and the expanded patterns (loaded and validated once)."""
    lx = _load_yaml("lexicon.yaml")
    missing = [k for k in _REQUIRED if k not in lx]
    if missing:
        raise ValueError(f"kronika/data/time/lexicon.yaml: missing {missing}")
    units = {}
    for k, v in lx["units"].items():
        if not (isinstance(v, list) and len(v) == 3):
            raise ValueError(f"lexicon.yaml units.{k}: expected [letter, granularity, is_time]")
        units[k] = (str(v[0]), str(v[1]), bool(v[2]))
    holidays = {}
    for k, v in lx["holidays"].items():
        mm, dd = str(v).split("-")
        holidays[k] = (int(mm), int(dd))
    lex = Lexicon(
        months={k: int(v) for k, v in lx["months"].items()},
        month_abbreviations={k: int(v) for k, v in lx["month_abbreviations"].items()},
        ambiguous_months=frozenset(lx["ambiguous_months"]),
        weekdays={k: int(v) for k, v in lx["weekdays"].items()},
        seasons={k: str(v) for k, v in lx["seasons"].items()},
        day_words={k: int(v) for k, v in lx["day_words"].items()},
        day_parts={k: str(v) for k, v in lx["day_parts"].items()},
        numbers={str(k): (None if v is None else float(v)) for k, v in lx["numbers"].items()},
        ordinals={k: int(v) for k, v in lx["ordinals"].items()},
        units=units,
        refs={k: str(v) for k, v in lx["refs"].items()},
        holidays=holidays,
        future_cues=tuple(lx["future_cues"]),
        moving_holidays={k: tuple(v) for k, v in (lx.get("moving_holidays") or {}).items()},
    )
    for k, v in lex.moving_holidays.items():
        if not (v[0] == "easter" and len(v) == 2 or len(v) == 3 and 1 <= int(v[0]) <= 12):
            raise ValueError(f"lexicon.yaml moving_holidays.{k}: bad rule {v!r}")
    for m in list(lex.months.values()) + list(lex.month_abbreviations.values()):
        if not 1 <= m <= 12:
            raise ValueError(f"lexicon.yaml: bad month number {m}")

    unit_words = []
    for u in units:
        unit_words.append(u)
        if not u.endswith("ies"):
            unit_words.append(u[:-1] + "ies" if u.endswith("y") and u != "day" else u + "s")
    abbr = []
    for a in lex.month_abbreviations:
        abbr += [a.title() + r"\.", a.upper() + r"\.", a.title() + r"(?=\s+\d)", a.upper() + r"(?=\s+\d)"]
    macros = {
        "MONTH": _alt(lex.months, case="title"),
        "MONTH_ANY": "(?:" + _alt(lex.months, case="title") + "|" + "|".join(sorted(abbr, key=len, reverse=True)) + ")",
        "WEEKDAY": _alt(lex.weekdays, case="title"),
        "SEASON": _alt(lex.seasons),
        "NUMWORD": _alt([k for k in lex.numbers]),
        "ORDINAL": _alt(lex.ordinals),
        "UNIT": _alt(units),
        "UNITS": _alt(unit_words),
        "DAYPART": _alt(lex.day_parts),
        "DAYWORD": _alt(lex.day_words),
        "REF": _alt(lex.refs),
        "HOLIDAY": _alt(list(lex.holidays) + list(lex.moving_holidays)),
    }
    pt = _load_yaml("patterns.yaml")
    for k, v in (pt.get("macros") or {}).items():
        macros[k] = str(v)
    patterns = []
    seen = set()
    for p in pt.get("patterns") or []:
        name, regex = p.get("name"), p.get("regex")
        if not name or not regex or name in seen:
            raise ValueError(f"patterns.yaml: bad or duplicate pattern {p!r}")
        seen.add(name)
        expanded = _expand(str(regex), macros)
        try:
            re.compile(expanded)
        except re.error as e:  # pragma: no cover - data error
            raise ValueError(f"patterns.yaml: pattern {name!r} does not compile: {e}") from e
        patterns.append(Pattern(name=name, regex=expanded, timeml_only=bool(p.get("timeml_only", False))))
    object.__setattr__(lex, "patterns", tuple(patterns))
    trig = set(lx.get("trigger_words") or [])
    for words in (lex.months, lex.month_abbreviations, lex.weekdays, lex.seasons, lex.day_words, lex.day_parts, unit_words):
        trig.update(w.lower() for w in words)
    for phrase in list(lex.holidays) + list(lex.moving_holidays):
        trig.update(phrase.replace("'", " ").split()[:1])
    object.__setattr__(lex, "triggers", frozenset(trig))
    return lex
