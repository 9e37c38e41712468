"""Reading TimeML (``.tml``) files and scoring time expressions the TempEval-3 way.

The official TempEval-3 scorer is Python 2 plus Java; this is an independent
implementation of its timex measures: extraction precision/recall/F1 with strict (same
extent) and relaxed (overlapping extent) matching, and the attribute F1 of ``type`` and
``value`` over relaxed matches (an attribute counts when the matched pair agrees on it;
P over system expressions, R over gold expressions).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'([A-Za-z_:]+)\s*=\s*"([^"]*)"')


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: Optional[str]
    tid: str = ""


@dataclass
class TimeMLDoc:
    name: str
    text: str  # the plain text inside <TEXT>
    dct: Optional[dt.date]
    timexes: list[GoldTimex] = field(default_factory=list)


def read(path: str | Path) -> TimeMLDoc:
    """The plain text of a TimeML document's <TEXT>, its creation date and its TIMEX3s (char offsets)."""
    raw = Path(path).read_text(encoding="utf-8")
    dct = None
    m = re.search(r"<DCT>.*?value=\"(\d{4}-\d{2}-\d{2})", raw, re.S)
    if m:
        dct = dt.date.fromisoformat(m.group(1))
    s, e = raw.find("<TEXT>"), raw.find("</TEXT>")
    body = raw[s + len("<TEXT>") : e] if s >= 0 and e > s else raw
    out: list[str] = []
    pos = 0
    length = 0
    open_timex: list[tuple[int, dict]] = []
    timexes = []
    for tm in _TAG.finditer(body):
        chunk = html.unescape(body[pos : tm.start()])
        out.append(chunk)
        length += len(chunk)
        pos = tm.end()
        closing, name = tm.group(1) == "/", tm.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            attrs = dict(_ATTR.findall(tm.group(3)))
            if tm.group(4) == "/":  # empty (non-consuming) timex: not scored
                continue
            open_timex.append((length, attrs))
        elif open_timex:
            start, attrs = open_timex.pop()
            timexes.append((start, length, attrs))
    tail = html.unescape(body[pos:])
    out.append(tail)
    text = "".join(out)
    gold = [
        GoldTimex(a, b, text[a:b], attrs.get("type", "DATE"), attrs.get("value"), attrs.get("tid", ""))
        for a, b, attrs in sorted(timexes)
    ]
    return TimeMLDoc(name=Path(path).stem, text=text, dct=dct, timexes=gold)


def read_dir(folder: str | Path) -> list[TimeMLDoc]:
    return [read(p) for p in sorted(Path(folder).rglob("*.tml"))]


@dataclass
class Scores:
    gold: int = 0
    system: int = 0
    strict: int = 0  # pairs with identical extent
    relaxed: int = 0  # pairs with overlapping extent (one-to-one)
    type_ok: int = 0  # relaxed pairs with the same type
    value_ok: int = 0  # relaxed pairs with the same value

    def add(self, other: "Scores") -> None:
        for k in ("gold", "system", "strict", "relaxed", "type_ok", "value_ok"):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    @staticmethod
    def _f(hit: int, sys: int, gold: int) -> tuple[float, float, float]:
        p = hit / sys if sys else 0.0
        r = hit / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def table(self) -> dict[str, tuple[float, float, float]]:
        return {
            "strict": self._f(self.strict, self.system, self.gold),
            "relaxed": self._f(self.relaxed, self.system, self.gold),
            "type": self._f(self.type_ok, self.system, self.gold),
            "value": self._f(self.value_ok, self.system, self.gold),
        }

    @property
    def type_accuracy(self) -> float:
        return self.type_ok / self.relaxed if self.relaxed else 0.0

    @property
    def value_accuracy(self) -> float:
        return self.value_ok / self.relaxed if self.relaxed else 0.0


def _norm_value(v: Optional[str]) -> str:
    return (v or "").strip().upper()


def score(gold: Iterable, system: Iterable) -> tuple[Scores, list[tuple]]:
    """Match system to gold expressions (each used once; exact extent first, then overlap).

    Both are sequences of objects with ``start``, ``end``, ``type`` and ``value``. Returns
    the counts and the list of (gold, system) pairs (either side None when unmatched).
    """
    gold, system = list(gold), list(system)
    sc = Scores(gold=len(gold), system=len(system))
    used_g, used_s = set(), set()
    pairs = []
    for i, g in enumerate(gold):
        for j, s in enumerate(system):
            if j not in used_s and s.start == g.start and s.end == g.end:
                used_g.add(i)
                used_s.add(j)
                pairs.append((g, s))
                sc.strict += 1
                break
    for i, g in enumerate(gold):
        if i in used_g:
            continue
        best = None
        for j, s in enumerate(system):
            if j in used_s or s.end <= g.start or s.start >= g.end:
                continue
            ov = min(s.end, g.end) - max(s.start, g.start)
            if best is None or ov > best[0]:
                best = (ov, j)
        if best is not None:
            used_g.add(i)
            used_s.add(best[1])
            pairs.append((g, system[best[1]]))
    sc.relaxed = len(pairs)
    for g, s in pairs:
        sc.type_ok += g.type == s.type
        sc.value_ok += _norm_value(g.value) == _norm_value(s.value)
    pairs += [(g, None) for i, g in enumerate(gold) if i not in used_g]
    pairs += [(None, s) for j, s in enumerate(system) if j not in used_s]
    return sc, pairs
