"""Loading and validating the time stage's data files (``kronika/data/time/*.yaml``).

One loader, cached: the lexicon (month names, numbers, units, ...) and the patterns, with
their ``<<MACRO>>`` references expanded into plain regular expressions.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NoReturn, Optional, Union

from kronika.data import TIME_DIR as DATA_DIR
from kronika.data import Strict, load_yaml
from kronika.errors import DataError

_MACRO = re.compile(r"<<([A-Z_0-9]+)>>")


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
            return (
                float(t.replace(",", "")) + half
                if "," in t and len(t.split(",")[-1]) == 3
                else float(t.replace(",", ".")) + half
            )
        if t in self.numbers:
            v = self.numbers[t]
            return None if v is None else v + half
        total = 0.0
        for w in t.split(" "):
            v = self.numbers.get(w)
            if v is None:
                return None
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
    raise DataError(f"time/patterns.yaml: macro recursion in time pattern: {regex[:80]}")


class _LexiconFile(Strict):
    """``data/time/lexicon.yaml``."""

    months: dict[str, int]
    month_abbreviations: dict[str, int]
    ambiguous_months: list[str]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    day_words: dict[str, int]
    day_parts: dict[str, str]
    numbers: dict[str, Optional[float]]
    ordinals: dict[str, int]
    units: dict[str, tuple[str, str, bool]]  # [letter, granularity, is_time]
    refs: dict[str, str]
    holidays: dict[str, str]  # "MM-DD"
    moving_holidays: dict[str, list[Union[str, int]]] = {}
    future_cues: list[str]
    trigger_words: list[str] = []


class _PatternEntry(Strict):
    name: str
    regex: str
    timeml_only: Optional[bool] = None


class _PatternsFile(Strict):
    """``data/time/patterns.yaml``: macros and the patterns that use them."""

    macros: dict[str, str] = {}
    patterns: list[_PatternEntry] = []


class _NamedDay(Strict):
    date: dt.date
    event: str
    cues: list[str]


class _NamedDaysFile(Strict):
    """``data/time/named_days.yaml``: days that name a well-known event ("the October 7 attack")."""

    names: list[str]
    days: list[_NamedDay]


@dataclass(frozen=True)
class NamedDays:
    names: frozenset[str]
    days: dict[tuple[int, int], tuple[tuple[dt.date, re.Pattern], ...]]  # (month, day) -> (date, cue regex)


@lru_cache(maxsize=1)
def named_days() -> NamedDays:
    """The days that name well-known events, by month and day (loaded and validated once)."""
    f = load_yaml(DATA_DIR / "named_days.yaml", _NamedDaysFile)
    days: dict[tuple[int, int], list] = {}
    for d in f.days:
        cue = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(c) for c in d.cues) + r")(?!\w)")
        days.setdefault((d.date.month, d.date.day), []).append((d.date, cue))
    return NamedDays(frozenset(n.lower() for n in f.names), {k: tuple(v) for k, v in days.items()})


def _fail(name: str, message: str) -> NoReturn:
    raise DataError(f"time/{name}: {message}")


@lru_cache(maxsize=1)
def load() -> Lexicon:
    """The lexicon and the expanded patterns (loaded and validated once)."""
    lx = load_yaml(DATA_DIR / "lexicon.yaml", _LexiconFile)
    lex = _lexicon(lx)
    unit_words = _unit_words(lex.units)
    pt = load_yaml(DATA_DIR / "patterns.yaml", _PatternsFile)
    macros = _macros(lex, unit_words)
    macros.update(pt.macros)
    object.__setattr__(lex, "patterns", _patterns(pt, macros))
    object.__setattr__(lex, "triggers", _triggers(lex, lx.trigger_words, unit_words))
    return lex


def _lexicon(lx: _LexiconFile) -> Lexicon:
    holidays = {}
    for k, v in lx.holidays.items():
        mm, dd = v.split("-")
        holidays[k] = (int(mm), int(dd))
    lex = Lexicon(
        months=dict(lx.months),
        month_abbreviations=dict(lx.month_abbreviations),
        ambiguous_months=frozenset(lx.ambiguous_months),
        weekdays=dict(lx.weekdays),
        seasons=dict(lx.seasons),
        day_words=dict(lx.day_words),
        day_parts=dict(lx.day_parts),
        numbers=dict(lx.numbers),
        ordinals=dict(lx.ordinals),
        units=dict(lx.units),
        refs=dict(lx.refs),
        holidays=holidays,
        future_cues=tuple(lx.future_cues),
        moving_holidays={k: tuple(v) for k, v in lx.moving_holidays.items()},
    )
    for k, rule in lex.moving_holidays.items():
        if not (rule[0] == "easter" and len(rule) == 2 or len(rule) == 3 and 1 <= int(rule[0]) <= 12):
            _fail("lexicon.yaml", f"moving_holidays.{k}: bad rule {list(rule)!r}")
    for m in list(lex.months.values()) + list(lex.month_abbreviations.values()):
        if not 1 <= m <= 12:
            _fail("lexicon.yaml", f"bad month number {m}")
    return lex


def _unit_words(units: dict) -> list[str]:
    """Each unit and its plural ("day", "days"; "century", "centuries")."""
    unit_words = []
    for u in units:
        unit_words.append(u)
        if not u.endswith("ies"):
            unit_words.append(u[:-1] + "ies" if u.endswith("y") and u != "day" else u + "s")
    return unit_words


def _macros(lex: Lexicon, unit_words: list[str]) -> dict[str, str]:
    """The patterns' ``<<MACRO>>`` alternations made from the lexicon's word lists."""
    abbr = []
    for a in lex.month_abbreviations:
        abbr += [a.title() + r"\.", a.upper() + r"\.", a.title() + r"(?=\s+\d)", a.upper() + r"(?=\s+\d)"]
    return {
        "MONTH": _alt(lex.months, case="title"),
        "MONTH_ANY": "(?:" + _alt(lex.months, case="title") + "|" + "|".join(sorted(abbr, key=len, reverse=True)) + ")",
        "WEEKDAY": _alt(lex.weekdays, case="title"),
        "SEASON": _alt(lex.seasons),
        "NUMWORD": _alt([k for k in lex.numbers]),
        "ORDINAL": _alt(lex.ordinals),
        "UNIT": _alt(lex.units),
        "UNITS": _alt(unit_words),
        "DAYPART": _alt(lex.day_parts),
        "DAYWORD": _alt(lex.day_words),
        "REF": _alt(lex.refs),
        "HOLIDAY": _alt(list(lex.holidays) + list(lex.moving_holidays)),
    }


def _patterns(pt: _PatternsFile, macros: dict[str, str]) -> tuple[Pattern, ...]:
    patterns = []
    seen = set()
    for p in pt.patterns:
        if not p.name or not p.regex or p.name in seen:
            _fail("patterns.yaml", f"bad or duplicate pattern {p.name!r}")
        seen.add(p.name)
        expanded = _expand(p.regex, macros)
        try:
            re.compile(expanded)
        except re.error as e:  # pragma: no cover - data error
            _fail("patterns.yaml", f"pattern {p.name!r} does not compile: {e}")
        patterns.append(Pattern(name=p.name, regex=expanded, timeml_only=bool(p.timeml_only)))
    return tuple(patterns)


def _triggers(lex: Lexicon, trigger_words: list[str], unit_words: list[str]) -> frozenset[str]:
    """Words one of which a sentence must have for the patterns to be tried on it."""
    trig = set(trigger_words)
    for words in (
        lex.months,
        lex.month_abbreviations,
        lex.weekdays,
        lex.seasons,
        lex.day_words,
        lex.day_parts,
        unit_words,
    ):
        trig.update(w.lower() for w in words)
    for phrase in list(lex.holidays) + list(lex.moving_holidays):
        trig.update(phrase.replace("'", " ").split()[:1])
    return frozenset(trig)
