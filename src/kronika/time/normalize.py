"""Normalizing a found time expression against an anchor (the publication date).

The normalizer reads the named groups of the pattern that matched (year, month, day,
weekday, part, relative word, number, unit...) and computes a TIMEX3 type and value, an
interval [start_date, end_date], a granularity, a mod and the kind of anchor. News reports
the past: an expression without a year is put in the most recent past unless its sentence
speaks of the future ("will", "next", "scheduled"...). Relative expressions ("a year
earlier", "that day") use the reference time: the last fully specified date in the text.
An impossible date ("31 February") gets no value rather than a wrong one.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Optional

from kronika.time.finder import BOUNDS, RawMatch, scan
from kronika.time.lexicon import load


@dataclass(frozen=True)
class Timex:
    """A time expression found in a text and its normalization (before it becomes a TimeSpan)."""

    start: int
    end: int
    text: str
    kind: str
    type: str = "DATE"
    value: Optional[str] = None
    start_date: Optional[dt.date] = None
    end_date: Optional[dt.date] = None
    granularity: Optional[str] = None
    mod: Optional[str] = None
    bound: Optional[str] = None
    anchor: str = "absolute"

    def span_fields(self) -> dict:
        return {
            "type": self.type,
            "value": self.value,
            "start_date": self.start_date,
            "end_date": self.end_date,
            "granularity": self.granularity,
            "mod": self.mod,
            "bound": self.bound,
            "anchor": self.anchor,
        }


_PART_MOD = {
    "early": "EARLY",
    "earlier": "EARLY",
    "mid": "MID",
    "middle": "MID",
    "late": "LATE",
    "later": "LATE",
    "beginning": "START",
    "start": "START",
    "end": "END",
    "close": "END",
    "turn": "APPROX",
}
_QMOD = {
    "about": "APPROX",
    "around": "APPROX",
    "nearly": "APPROX",
    "almost": "APPROX",
    "some": "APPROX",
    "roughly": "APPROX",
    "approximately": "APPROX",
    "more than": "AFTER",
    "over": "AFTER",
    "at least": "ON_OR_AFTER",
    "less than": "BEFORE",
    "under": "BEFORE",
    "up to": "ON_OR_BEFORE",
    "barely": "APPROX",
    "just": "APPROX",
}
FUTURE_DAYS = 30  # a date without a year up to this far after the anchor is taken as future
FUTURE_MONTHS = 1  # likewise for a month without a year (the next month)
WEEKDAY_CUE_WINDOW = (30, 20)  # characters before/after a weekday searched for a future cue
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
_SET = {
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "hourly": "PT1H",
}


def _ws(s: str) -> str:
    return re.sub(r"\s+", " ", s.strip().lower())


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _add_months(d: dt.date, n: int) -> dt.date:
    k = d.year * 12 + d.month - 1 + n
    y, m = divmod(k, 12)
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _week_value(d: dt.date) -> str:
    iso = d.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def _week_interval(d: dt.date) -> tuple[dt.date, dt.date]:
    monday = d - dt.timedelta(days=d.weekday())
    return monday, monday + dt.timedelta(days=6)


def _months_between(start: dt.date, end: dt.date) -> int:
    """How many whole calendar months [start, end] covers, when it ends on a month's last day."""
    if end != _month_end(end.year, end.month):
        return 0
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _part_interval(start: dt.date, end: dt.date, mod: Optional[str]) -> tuple[dt.date, dt.date]:
    """The part of [start, end] that early/mid/late, beginning/end pick (thirds; START/END: the first/last sixth)."""
    if mod not in ("EARLY", "MID", "LATE", "START", "END"):
        return start, end
    days = (end - start).days + 1
    if days >= 365 - 1 and start.month == 1:
        y = start.year
        rng = {"EARLY": (1, 4), "MID": (5, 8), "LATE": (9, 12), "START": (1, 2), "END": (11, 12)}[mod]
        return dt.date(y, rng[0], 1), _month_end(y, rng[1])
    if 28 <= days <= 31:
        y, m = start.year, start.month
        first, last = {"EARLY": (1, 10), "MID": (11, 20), "LATE": (21, None), "START": (1, 10), "END": (21, None)}[mod]
        return dt.date(y, m, first), (dt.date(y, m, last) if last else end)
    if start.day == 1 and _months_between(start, end) == 3:  # a season or a quarter: its months
        k = {"EARLY": 0, "START": 0, "MID": 1, "LATE": 2, "END": 2}[mod]
        y, m = divmod(start.year * 12 + start.month - 1 + k, 12)
        return dt.date(y, m + 1, 1), _month_end(y, m + 1)
    third = days / 3
    if mod in ("EARLY", "START"):
        return start, start + dt.timedelta(days=max(0, math.ceil(third) - 1))
    if mod == "MID":
        return start + dt.timedelta(days=int(third)), start + dt.timedelta(days=max(0, math.ceil(2 * third) - 1))
    return start + dt.timedelta(days=int(2 * third)), end


class Resolver:
    """Normalizes the matches of one document, in order, against its anchor date."""

    def __init__(self, anchor: Optional[dt.date], text: str = ""):
        self.anchor = anchor
        self.text = text
        self.reference: Optional[dt.date] = anchor  # last fully specified date mentioned
        self.reference_day: Optional[dt.date] = None  # last date given to the day
        self.lex = load()

    # ------------------------------------------------------------------ context
    def _future(self, m: RawMatch, before: int = 250, after: int = 250) -> bool:
        """Whether the sentence around ``m`` (at most ``before``/``after`` characters) speaks of the future."""
        if not self.text:
            return False
        lo, hi = max(0, m.start - before), m.end + after
        left = max(max(self.text.rfind(c, lo, m.start) for c in ".!?\n"), lo - 1)
        right = [i for i in (self.text.find(c, m.end, hi) for c in ".!?\n") if i >= 0] or [min(hi, len(self.text))]
        sentence = self.text[left + 1 : min(right) if right else len(self.text)].lower()
        return _future_re().search(sentence) is not None

    # ------------------------------------------------------------------ pieces
    def _year_for(self, month: int, day: Optional[int], future: bool) -> int:
        """The year of a month (and day) given without one: the most recent past one, unless
        it falls soon after the anchor (within ``FUTURE_DAYS``) or the sentence is about the future."""
        a = self._anchor
        if day is None:
            if future:
                return a.year if month >= a.month else a.year + 1
            ahead = (month - a.month) % 12
            if 0 < ahead <= FUTURE_MONTHS:
                return a.year if month > a.month else a.year + 1
            return a.year if month <= a.month else a.year - 1
        key, akey = (month, day), (a.month, a.day)
        if future:
            return a.year if key >= akey else a.year + 1
        y = a.year if key >= akey else a.year + 1
        try:
            if (dt.date(y, month, day) - a).days <= FUTURE_DAYS:
                return y
        except ValueError:
            pass
        return a.year if key <= akey else a.year - 1

    def _two_digit_year(self, s: str) -> int:
        y = int(s.strip("'"))
        base = (self.anchor.year if self.anchor else 2000) // 100 * 100
        return base + y if base + y <= (self.anchor.year if self.anchor else 2000) + 10 else base - 100 + y

    @property
    def _anchor(self) -> dt.date:
        """The anchor, where an expression needs one (:meth:`_resolve` gives those none without it)."""
        assert self.anchor is not None, "an expression relative to the publication date without one"
        return self.anchor

    @staticmethod
    def _day(s: str) -> int:
        found = re.match(r"\d+", s)
        if found is None:  # the patterns give a day as digits: never here
            raise ValueError(f"no day number in {s!r}")
        return int(found.group())

    # ------------------------------------------------------------------ main
    def resolve(self, m: RawMatch) -> Timex:
        text = self.text[m.start : m.end] if self.text else ""
        base = Timex(start=m.start, end=m.end, text=text, kind=m.kind, bound=BOUNDS.get(m.pre or ""))
        try:
            fields = self._resolve(m)
        except (ValueError, OverflowError):  # impossible date: keep the span, give no value
            fields = {"type": "DATE", "value": None}
        if fields is None:
            fields = {"type": "DATE", "value": None}
        out = replace(base, **fields)
        if (
            out.type in ("DATE", "TIME")
            and out.granularity in ("day", "month", "time")
            and out.start_date
            and out.mod is None
        ):
            self.reference = out.start_date
            if out.granularity in ("day", "time"):
                self.reference_day = out.start_date
        return out

    def _resolve(self, m: RawMatch) -> Optional[dict]:
        g, k, a = m.groups, m.kind, self.anchor
        fn = getattr(self, "_k_" + k, None)
        if fn is None:
            return None
        if (
            a is None
            and k
            not in (
                "iso",
                "slash",
                "duration",
                "duration_range",
                "vague_duration",
                "set",
                "ref",
                "decade",
                "century",
                "year",
                "long_duration",
                "the_units_before",
            )
            and not g.get("y")
        ):
            return {"type": "DATE", "value": None}
        return fn(g, m)

    # dates ---------------------------------------------------------------
    def _date(self, y: int, mo: int, d: int, m: RawMatch, anchor: str, part: Optional[str] = None) -> dict:
        day = dt.date(y, mo, d)  # ValueError for 31 February
        mod = _PART_MOD.get(_ws(part).split()[-1 if part and "of" not in part else 0]) if part else None
        return {
            "type": "DATE",
            "value": day.isoformat(),
            "start_date": day,
            "end_date": day,
            "granularity": "day",
            "anchor": anchor,
            "mod": mod if mod in ("EARLY", "LATE", "MID", "START", "END") else None,
        }

    def _month_fields(self, y: int, mo: int, part: Optional[str], anchor: str) -> dict:
        start, end = dt.date(y, mo, 1), _month_end(y, mo)
        mod = self._part_mod(part)
        s, e = _part_interval(start, end, mod)
        return {
            "type": "DATE",
            "value": f"{y:04d}-{mo:02d}",
            "start_date": s,
            "end_date": e,
            "granularity": "month",
            "mod": mod,
            "anchor": anchor,
        }

    @staticmethod
    def _part_mod(part: Optional[str]) -> Optional[str]:
        if not part:
            return None
        p = _ws(part)
        for w, mod in _PART_MOD.items():
            if re.search(rf"\b{w}\b", p):
                return mod
        if "first half" in p:
            return "EARLY"
        if "second half" in p or "latter half" in p:
            return "LATE"
        return None

    def _year_fields(self, y: int, part: Optional[str], anchor: str, mod: Optional[str] = None) -> dict:
        start, end = dt.date(y, 1, 1), dt.date(y, 12, 31)
        pm = self._part_mod(part)
        s, e = _part_interval(start, end, pm)
        p = _ws(part or "")
        if "first half" in p:
            return {
                "type": "DATE",
                "value": f"{y}-H1",
                "start_date": start,
                "end_date": dt.date(y, 6, 30),
                "granularity": "half",
                "anchor": anchor,
            }
        if "second half" in p or "latter half" in p:
            return {
                "type": "DATE",
                "value": f"{y}-H2",
                "start_date": dt.date(y, 7, 1),
                "end_date": end,
                "granularity": "half",
                "anchor": anchor,
            }
        return {
            "type": "DATE",
            "value": f"{y:04d}",
            "start_date": s,
            "end_date": e,
            "granularity": "year",
            "mod": pm or mod,
            "anchor": anchor,
        }

    def _k_iso(self, g, m):
        f = self._date(int(g["y"]), int(g["m"]), int(g["d"]), m, "absolute")
        if g.get("hh"):
            f.update(type="TIME", value=f"{f['value']}T{g['hh']}:{g['mi']}", granularity="time")
        return f

    def _k_slash(self, g, m):
        y = int(g["y"]) if len(g["y"]) == 4 else self._two_digit_year(g["y"])
        return self._date(y, int(g["m"]), int(g["d"]), m, "absolute")

    def _dm(self, g, m, day_key="d", month_key="m"):
        mo = self.lex.month(g[month_key])
        d = self._day(g[day_key])
        if g.get("y"):
            y = int(g["y"]) if not g["y"].startswith("'") else self._two_digit_year(g["y"])
            return self._date(y, mo, d, m, "absolute", g.get("part"))
        if g.get("wd") and self.anchor:
            # a weekday fixes the year: the nearest year (around the anchor) where it fits
            want = self.lex.weekdays[g["wd"].lower()]
            for y in (self.anchor.year, self.anchor.year - 1, self.anchor.year + 1):
                try:
                    if dt.date(y, mo, d).isoweekday() == want:
                        return self._date(y, mo, d, m, "publication", g.get("part"))
                except ValueError:
                    break
        if mo == 2 and d > 29 or d > calendar.monthrange(2024, mo)[1]:
            raise ValueError("impossible date")
        y = self._year_for(mo, d, self._future(m))
        if mo == 2 and d == 29 and not calendar.isleap(y):
            raise ValueError("impossible date")
        return self._date(y, mo, d, m, "publication", g.get("part"))

    _k_date_dm = _dm
    _k_date_md = _dm

    def _k_day_range(self, g, m):
        first = self._dm(g, m)
        mo = self.lex.month(g["m"])
        d2 = self._day(g["d2"])
        end = dt.date(first["start_date"].year, mo, d2)
        if end < first["start_date"]:
            return None
        first.update(end_date=end)
        return first

    _k_day_range_md = _k_day_range

    def _holiday_date(self, name: str, year: int) -> dt.date:
        if name in self.lex.holidays:
            mo, d = self.lex.holidays[name]
            return dt.date(year, mo, d)
        rule = self.lex.moving_holidays[name]
        if rule[0] == "easter":
            return _easter(year) + dt.timedelta(days=int(rule[1]))
        mo, wd, nth = int(rule[0]), int(rule[1]), int(rule[2])
        if nth == 0:  # US election day: the Tuesday after the first Monday
            first_monday = dt.date(year, mo, 1) + dt.timedelta(days=(1 - dt.date(year, mo, 1).isoweekday()) % 7)
            return first_monday + dt.timedelta(days=1)
        if nth > 0:
            first = dt.date(year, mo, 1)
            return first + dt.timedelta(days=(wd - first.isoweekday()) % 7 + 7 * (nth - 1))
        last = _month_end(year, mo)
        return last - dt.timedelta(days=(last.isoweekday() - wd) % 7)

    def _k_holiday(self, g, m):
        name = _ws(g["hol"]).replace("’", "'")
        if g.get("y"):
            d = self._holiday_date(name, int(g["y"]))
            return self._date(d.year, d.month, d.day, m, "absolute")
        rel = _ws(g.get("rel", ""))
        a = self.anchor
        this = self._holiday_date(name, a.year)
        if rel in ("last", "this past"):
            d = this if this < a else self._holiday_date(name, a.year - 1)
        elif rel == "next" or self._future(m):
            d = this if this >= a else self._holiday_date(name, a.year + 1)
        else:
            d = this if (this - a).days <= FUTURE_DAYS else self._holiday_date(name, a.year - 1)
        f = self._date(d.year, d.month, d.day, m, "publication")
        if name.endswith("week"):
            s, e = _week_interval(d)
            f.update(value=_week_value(d), start_date=s, end_date=e, granularity="week")
        return f

    def _k_month(self, g, m):
        mo = self.lex.month(g["m"])
        if g.get("y"):
            y = int(g["y"]) if not g["y"].startswith("'") else self._two_digit_year(g["y"])
            return self._month_fields(y, mo, g.get("part"), "absolute")
        return self._month_fields(self._year_for(mo, None, self._future(m)), mo, g.get("part"), "publication")

    def _k_month_rel(self, g, m):
        mo, a = self.lex.month(g["m"]), self.anchor
        rel = _ws(g["rel"])
        if rel in ("last", "this past"):
            y = a.year if mo < a.month else a.year - 1
        elif rel in ("next", "this coming"):
            y = a.year if mo > a.month else a.year + 1
        else:
            y = a.year
        return self._month_fields(y, mo, g.get("part"), "publication")

    def _k_month_relyear(self, g, m):
        off = {"last": -1, "this": 0, "next": 1}[_ws(g["rely"])]
        return self._month_fields(self.anchor.year + off, self.lex.month(g["m"]), g.get("part"), "publication")

    def _k_season(self, g, m):
        code = self.lex.seasons[g["season"].lower()]
        a = self.anchor
        first, last = _SEASON_MONTHS[code]
        rel = _ws(g.get("rel", ""))
        if g.get("y"):
            y, anchor = int(g["y"]), "absolute"
        else:
            anchor = "publication"
            if a is None:
                return None
            # cur: the latest season of this name that has begun (winter is named by its December)
            cur = a.year if code != "WI" else (a.year if a.month == 12 else a.year - 1)
            started = (first <= a.month <= last) if code != "WI" else (a.month == 12 or a.month <= 2)
            over = a.month > last if code != "WI" else 3 <= a.month <= 11
            if code != "WI" and a.month < first:
                cur -= 1  # this year's has not begun: the latest begun is last year's (and it is over)
                over = True
            if rel in ("last", "past", "the past", "previous", "the previous", "this past"):
                y = cur if over else cur - 1  # the last one that is over
            elif rel in ("next", "coming", "the coming", "following", "the following", "this coming"):
                y = cur + 1
            elif rel == "this":
                y = cur if started else cur + 1 if (over and code == "WI") or (over and a.month < first) else cur
            else:  # "in the summer": the current or last one, or the coming one in a future sentence
                y = cur + 1 if self._future(m) and not started else cur
        start = dt.date(y, first, 1)
        end = _month_end(y + (1 if code == "WI" else 0), last)
        mod = self._part_mod(g.get("part"))
        s, e = _part_interval(start, end, mod)
        return {
            "type": "DATE",
            "value": f"{y}-{code}",
            "start_date": s,
            "end_date": e,
            "granularity": "season",
            "mod": mod,
            "anchor": anchor,
        }

    def _quarter_fields(self, y: int, q: int, anchor: str) -> dict:
        return {
            "type": "DATE",
            "value": f"{y}-Q{q}",
            "start_date": dt.date(y, 3 * q - 2, 1),
            "end_date": _month_end(y, 3 * q),
            "granularity": "quarter",
            "anchor": anchor,
        }

    def _k_quarter(self, g, m):
        q = _ORD[g["q"].lower()]
        if g.get("y"):
            return self._quarter_fields(int(g["y"]), q, "absolute")
        a = self.anchor
        rel = _ws(g.get("rel", ""))
        cur = (a.month - 1) // 3 + 1
        if rel == "next":
            y = a.year if q > cur else a.year + 1
        elif rel == "last":
            y = a.year if q < cur else a.year - 1
        else:
            y = a.year if q <= cur or self._future(m) else a.year - 1
        return self._quarter_fields(y, q, "publication")

    def _k_quarter_q(self, g, m):
        q = int(g["qn"][1])
        if g.get("y"):
            return self._quarter_fields(int(g["y"]), q, "absolute")
        a = self.anchor
        cur = (a.month - 1) // 3 + 1
        return self._quarter_fields(a.year if q <= cur else a.year - 1, q, "publication")

    def _k_half(self, g, m):
        h = 1 if g["h"].lower() == "first" else 2
        if g.get("y"):
            y, anchor = int(g["y"]), "absolute"
        else:
            y, anchor = self.anchor.year + {"this": 0, "last": -1, "next": 1}[_ws(g["rel"])], "publication"
        s = dt.date(y, 1 if h == 1 else 7, 1)
        return {
            "type": "DATE",
            "value": f"{y}-H{h}",
            "start_date": s,
            "end_date": _month_end(y, 6 if h == 1 else 12),
            "granularity": "half",
            "anchor": anchor,
        }

    def _decade_fields(self, dec: int, part, anchor="absolute") -> dict:
        start, end = dt.date(dec, 1, 1), dt.date(dec + 9, 12, 31)
        mod = self._part_mod(part)
        if mod in ("EARLY", "START"):
            end = dt.date(dec + 3, 12, 31)
        elif mod == "MID":
            start, end = dt.date(dec + 3, 1, 1), dt.date(dec + 6, 12, 31)
        elif mod in ("LATE", "END"):
            start = dt.date(dec + 7, 1, 1)
        return {
            "type": "DATE",
            "value": f"{dec // 10}X",
            "start_date": start,
            "end_date": end,
            "granularity": "decade",
            "mod": mod,
            "anchor": anchor,
        }

    def _k_decade(self, g, m):
        return self._decade_fields(int(g["dec"]), g.get("part"))

    def _k_decade_short(self, g, m):
        d = int(g["dec2"])
        a = self.anchor.year if self.anchor else 2000
        dec = 2000 + d if 2000 + d <= a else 1900 + d
        return self._decade_fields(dec, g.get("part"), "publication")

    def _k_century(self, g, m):
        c = g["cent"].lower()
        n = int(re.match(r"\d+", c).group()) if c[0].isdigit() else self.lex.ordinals.get(c, 0)
        if n <= 0:
            return None
        start = dt.date(max(1, (n - 1) * 100), 1, 1)
        return {
            "type": "DATE",
            "value": f"{n - 1:02d}",
            "start_date": start,
            "end_date": dt.date((n - 1) * 100 + 99, 12, 31),
            "granularity": "century",
            "mod": self._part_mod(g.get("part")),
            "anchor": "absolute",
        }

    def _k_year(self, g, m):
        y = int(g["y"])
        mod = "ON_OR_AFTER" if g.get("yrange") else None
        return self._year_fields(y, g.get("part"), "absolute", mod)

    def _unit_offset(self, unit: str, n: int, base: dt.date) -> Optional[dict]:
        """The calendar unit ``n`` units away from ``base`` (week, month, year, quarter, decade...)."""
        u = unit
        if u == "week":
            d = base + dt.timedelta(weeks=n)
            s, e = _week_interval(d)
            return {"type": "DATE", "value": _week_value(d), "start_date": s, "end_date": e, "granularity": "week"}
        if u == "weekend":
            d = base + dt.timedelta(weeks=n)
            s, _ = _week_interval(d)
            iso = d.isocalendar()
            return {
                "type": "DATE",
                "value": f"{iso.year}-W{iso.week:02d}-WE",
                "start_date": s + dt.timedelta(days=5),
                "end_date": s + dt.timedelta(days=6),
                "granularity": "week",
            }
        if u == "month":
            d = _add_months(base.replace(day=1), n)
            return {
                "type": "DATE",
                "value": f"{d.year:04d}-{d.month:02d}",
                "start_date": d,
                "end_date": _month_end(d.year, d.month),
                "granularity": "month",
            }
        if u == "quarter":
            q0 = (base.month - 1) // 3 + n
            y, q = base.year + q0 // 4, q0 % 4 + 1
            return self._quarter_fields(y, q, "publication")
        if u == "year":
            y = base.year + n
            return {
                "type": "DATE",
                "value": f"{y:04d}",
                "start_date": dt.date(y, 1, 1),
                "end_date": dt.date(y, 12, 31),
                "granularity": "year",
            }
        if u == "decade":
            return self._decade_fields((base.year // 10 + n) * 10, None, "publication")
        if u == "century":
            c = base.year // 100 + n
            return {
                "type": "DATE",
                "value": f"{c:02d}",
                "start_date": dt.date(max(1, c * 100), 1, 1),
                "end_date": dt.date(c * 100 + 99, 12, 31),
                "granularity": "century",
            }
        if u in ("day", "night"):
            d = base + dt.timedelta(days=n)
            return {"type": "DATE", "value": d.isoformat(), "start_date": d, "end_date": d, "granularity": "day"}
        return None

    def _rel_n(self, rel: str) -> Optional[int]:
        rel = _ws(rel)
        if rel in ("last", "this past", "the previous", "previous", "the past", "past", "the last"):
            return -1
        if rel in ("next", "this coming", "the coming", "coming", "the following", "following"):
            return 1
        if rel in ("this", "the current", "current", "the", "the same", "that", "the latest"):
            return 0
        return None

    def _k_rel_unit(self, g, m):
        u = g["u"].lower()
        n = self._rel_n(g["rel"])
        rel = _ws(g["rel"])
        if n is None or u == "season":
            return None
        base = self.reference if rel in ("that", "the same", "the following", "the previous") else self.anchor
        if base is None:
            return None
        f = self._unit_offset(u, n, base)
        if f is None:
            return None
        if (
            u == "quarter"
            and n == 0
            and rel in ("the", "the latest", "this")
            and base is self.anchor
            and base.month % 3 == 1
        ):
            f = self._unit_offset(u, -1, base)  # early in a quarter, "the quarter" is the one just reported
        if u == "weekend" and n == 0 and base.isoweekday() <= 3 and not self._future(m):
            f = self._unit_offset(u, -1, base)  # "the weekend" read on a Monday: the one just past
        f.setdefault("anchor", "text" if base is not self.anchor else "publication")
        if rel in ("the past", "past") and u in ("week", "month", "year") and base is self.anchor:
            # "in the past week": the last seven days, not the previous calendar week
            back = {
                "week": base - dt.timedelta(days=7),
                "month": _add_months(base, -1),
                "year": _add_months(base, -12),
            }[u]
            f.update(start_date=back, end_date=base)
        if rel in ("that", "the same", "the following", "the previous") and base is not self.anchor:
            f["anchor"] = "text"
        return f

    def _k_part_rel_unit(self, g, m):
        f = self._k_rel_unit(g, m)
        if f is None:
            return None
        mod = self._part_mod(g["part"])
        s, e = _part_interval(f["start_date"], f["end_date"], mod)
        f.update(mod=mod, start_date=s, end_date=e)
        return f

    def _k_unit_end(self, g, m):
        u, w = g["u2"].lower(), _ws(g["endw"])
        a = self.anchor
        if w == "end":
            f = self._unit_offset(u, 0, a)
            s, e = _part_interval(f["start_date"], f["end_date"], "END")
            f.update(mod="END", start_date=s, end_date=e, anchor="publication")
            return f
        if w == "ago":
            f = self._unit_offset(u, -1, a)
            f["anchor"] = "publication"
            return f
        if w == "earlier":
            f = self._unit_offset(u, -1, self.reference or a)
            f["anchor"] = "text"
            return f
        f = self._unit_offset(u, 0, a)
        f["anchor"] = "publication"
        return f

    def _k_year_ago(self, g, m):
        return self._k_unit_end({"u2": g["u3"], "endw": g["endw2"]}, m)

    def _duration_value(self, n: Optional[float], unit: str) -> Optional[str]:
        info = self.lex.unit(unit)
        if info is None:
            return None
        letter, gran, is_time = info
        if unit.lower().startswith("fortnight") and n is not None:
            n *= 2
        if unit.lower().startswith("season") and n is not None:
            n *= 3
        if letter == "Q" and n is not None:
            letter, n = "M", n * 3
        if letter == "DE":
            letter, n = "Y", (None if n is None else n * 10)
        elif letter == "CE":
            letter, n = "Y", (None if n is None else n * 100)
        if n is None:
            return f"PTX{letter}" if is_time else f"PX{letter}"
        if n != int(n):
            smaller = {
                "Y": (12, "M", False),
                "M": (30, "D", False),
                "W": (7, "D", False),
                "D": (24, "H", True),
                "H": (60, "M", True),
                "Q": (3, "M", False),
            }
            if (letter, is_time) in (("M", True), ("S", True)):
                return f"PT{n:g}{letter}"
            mult, small, small_time = smaller[letter]
            whole, frac = int(n), round((n - int(n)) * mult)
            if small_time and not is_time:
                return f"P{whole}{letter}T{frac}{small}" if whole else f"PT{frac}{small}"
            if is_time:
                return f"PT{whole}{letter}{frac}{small}" if whole else f"PT{frac}{small}"
            return f"P{whole}{letter}{frac}{small}" if whole else f"P{frac}{small}"
        return f"PT{int(n)}{letter}" if is_time else f"P{int(n)}{letter}"

    def _span_from(self, n, unit, direction: int) -> tuple[Optional[dt.date], Optional[dt.date]]:
        a = self.anchor
        info = self.lex.unit(unit)
        if a is None or n is None or info is None:
            return (None, a) if direction < 0 else (a, None)
        letter, gran, is_time = info
        days = {"S": 0, "H": n / 24, "D": n, "W": 7 * n}.get(letter) if (is_time or letter in "DW") else None
        if is_time and letter == "M":
            days = 0
        if days is not None:
            delta = dt.timedelta(days=math.ceil(days))
            return (a - delta, a) if direction < 0 else (a, a + delta)
        months = {"M": n, "Q": 3 * n, "Y": 12 * n, "DE": 120 * n, "CE": 1200 * n}.get(letter, 0)
        if unit.lower().startswith("season"):
            months = 3 * n
        other = _add_months(a, int(round(-months if direction < 0 else months)))
        return (other, a) if direction < 0 else (a, other)

    def _k_duration(self, g, m):
        n = self.lex.number(g["n"])
        unit = g["u"]
        value = self._duration_value(n, unit)
        if value is None:
            return None
        mod = _QMOD.get(_ws(g.get("mod", "")))
        if g.get("approx") and "so" in g["approx"]:
            mod = "APPROX"
        f = {"type": "DURATION", "value": value, "granularity": None, "mod": mod, "anchor": "absolute"}
        rel = _ws(g.get("mod", ""))
        if rel in ("the past", "the last", "past", "last", "the previous", "previous", "each of the past"):
            s, e = self._span_from(n, unit, -1)
            f.update(start_date=s, end_date=e, anchor="publication", mod=None)
        elif rel in ("the next", "next", "the coming", "coming"):
            s, e = self._span_from(n, unit, 1)
            f.update(start_date=s, end_date=e, anchor="publication", mod=None)
        if self.text:
            after = self.text[m.end : m.end + 8].lower()
            if re.match(r"\s+(after|before|since|into|of)\b", after):
                f["anchor"] = "text"
        return f

    def _k_duration_range(self, g, m):
        n1, n2 = self.lex.number(g["n"]), self.lex.number(g["n2"])
        value = self._duration_value(None, g["u"])
        return {
            "type": "DURATION",
            "value": value,
            "granularity": None,
            "anchor": "absolute",
            "mod": None if n1 is None or n2 is None else None,
        }

    def _k_long_duration(self, g, m):
        u = g["u"].lower()
        n = None if u.endswith("s") else 1
        return {"type": "DURATION", "value": self._duration_value(n, u), "anchor": "absolute"}

    def _k_ahead_duration(self, g, m):
        return {
            "type": "DURATION",
            "value": self._duration_value(None, g["u"]),
            "start_date": self.anchor,
            "anchor": "publication",
        }

    def _k_the_units_before(self, g, m):
        return {"type": "DURATION", "value": self._duration_value(None, g["u"]), "anchor": "text"}

    def _k_vague_duration(self, g, m):
        value = self._duration_value(None, g["u"])
        if value is None:
            return None
        rel = _ws(g.get("rel", ""))
        f = {"type": "DURATION", "value": value, "granularity": None, "anchor": "absolute"}
        if rel in (
            "the past",
            "the last",
            "recent",
            "past",
            "last",
            "in recent",
            "over the past",
            "over the last",
            "the previous",
            "previous",
        ):
            f.update(end_date=self.anchor, anchor="publication")
        elif rel in ("the next", "the coming", "coming", "next"):
            f.update(start_date=self.anchor, anchor="publication")
        return f

    def _k_ago(self, g, m):
        n = self.lex.number(g["n"])
        unit = g["u"]
        info = self.lex.unit(unit)
        word = _ws(g["ago"])
        if info is None:
            return None
        mod = _QMOD.get(_ws(g.get("mod", "")))
        if word in ("before", "after", "prior"):
            # anchored offset to an event: "eight months after the incursion" -> the duration
            after = self.text[m.end : m.end + 3] if self.text else ""
            if after.strip()[:1].isalnum() or word == "prior":
                return {"type": "DURATION", "value": self._duration_value(n, unit), "anchor": "text", "mod": mod}
            word = "earlier" if word == "before" else "later"
        direction = -1 if word in ("ago", "earlier") else 1
        base = self.anchor if word in ("ago", "from now", "hence") else (self.reference or self.anchor)
        anchor = "publication" if base is self.anchor else "text"
        if n is None:
            return {
                "type": "DATE",
                "value": "PAST_REF" if direction < 0 else "FUTURE_REF",
                "anchor": anchor,
                "mod": mod,
            }
        letter, gran, is_time = info
        if is_time:
            d = base
            return {
                "type": "DATE",
                "value": d.isoformat(),
                "start_date": d,
                "end_date": d,
                "granularity": "day",
                "anchor": anchor,
                "mod": mod,
            }
        u = unit.lower().rstrip("s")
        u = {"centurie": "century", "fortnight": "week", "night": "day"}.get(u, u)
        k = int(n) if n == int(n) else None
        if k is None:
            # "2 1/2 years ago": months
            months = round(n * {"year": 12, "month": 1, "decade": 120}.get(u, 0))
            if not months:
                return None
            f = self._unit_offset("month", direction * months, base)
        elif u == "decade":
            f = self._unit_offset("year", direction * 10 * k, base)
        elif u == "century":
            f = self._unit_offset("year", direction * 100 * k, base)
        elif u == "season":
            f = self._unit_offset("month", direction * 3 * k, base)
        else:
            f = self._unit_offset(u, direction * k, base)
        if f is None:
            return None
        f.update(anchor=anchor, mod=mod)
        return f

    def _k_vague_ago(self, g, m):
        word = _ws(g["ago"])
        return {"type": "DATE", "value": "FUTURE_REF" if word == "later" else "PAST_REF", "anchor": "publication"}

    def _weekday_date(self, wd: str, rel: str, m: RawMatch) -> dt.date:
        a = self._anchor
        want = self.lex.weekdays[wd.lower()]
        back = (a.isoweekday() - want) % 7
        fwd = (want - a.isoweekday()) % 7
        if rel in ("last", "this past"):
            return a - dt.timedelta(days=back or 7)
        if rel in ("next", "this coming"):
            return a + dt.timedelta(days=fwd or 7)
        if back == 0:
            return a
        if self._future(m, WEEKDAY_CUE_WINDOW[0], WEEKDAY_CUE_WINDOW[1]):
            return a + dt.timedelta(days=fwd)
        return a - dt.timedelta(days=back)

    def _k_weekday(self, g, m):
        rel = _ws(g.get("rel", ""))
        d = self._weekday_date(g["wd"], rel, m)
        mod = {"early": "EARLY", "earlier": "EARLY", "late": "LATE", "later": "LATE"}.get(rel)
        return {
            "type": "DATE",
            "value": d.isoformat(),
            "start_date": d,
            "end_date": d,
            "granularity": "day",
            "anchor": "publication",
            "mod": mod,
        }

    def _k_weekday_time(self, g, m):
        f = self._k_weekday(g, m)
        code = self.lex.day_parts[g["dp"].lower()]
        f.update(type="TIME", value=f"{f['value']}T{code}", granularity="time")
        return f

    def _dayword_date(self, dw: str) -> dt.date:
        return self._anchor + dt.timedelta(days=self.lex.day_words[dw.lower()])

    def _k_dayword(self, g, m):
        d = self._dayword_date(g["dw"])
        return {
            "type": "DATE",
            "value": d.isoformat(),
            "start_date": d,
            "end_date": d,
            "granularity": "day",
            "anchor": "publication",
        }

    def _k_part_dw(self, g, m):
        f = self._k_dayword(g, m)
        f["mod"] = _PART_MOD.get(g["part"].lower())
        return f

    def _k_the_day_before(self, g, m):
        off = -2 if "before" in g["dayrel"].lower() else 2
        d = self.anchor + dt.timedelta(days=off)
        return {
            "type": "DATE",
            "value": d.isoformat(),
            "start_date": d,
            "end_date": d,
            "granularity": "day",
            "anchor": "publication",
        }

    def _k_dayword_time(self, g, m):
        d = self._dayword_date(g["dw"])
        code = self.lex.day_parts[g["dp"].lower()]
        return {
            "type": "TIME",
            "value": f"{d.isoformat()}T{code}",
            "start_date": d,
            "end_date": d,
            "granularity": "time",
            "anchor": "publication",
        }

    def _k_dp_dayword(self, g, m):
        f = self._k_dayword_time(g, m)
        if g.get("mid"):
            f["mod"] = _PART_MOD.get(g["mid"].lower())
        return f

    def _k_ref_day(self, g, m):
        rel, u = _ws(g["rel"]), g["u"].lower()
        base = self.reference_day or self.anchor
        if base is None:
            return None
        d = base + dt.timedelta(days={"the next": 1, "the following": 1, "the previous": -1}.get(rel, 0))
        anchor = "text" if self.reference_day else "publication"
        if u == "day":
            return {
                "type": "DATE",
                "value": d.isoformat(),
                "start_date": d,
                "end_date": d,
                "granularity": "day",
                "anchor": anchor,
            }
        return {
            "type": "TIME",
            "value": f"{d.isoformat()}T{self.lex.day_parts[u]}",
            "start_date": d,
            "end_date": d,
            "granularity": "time",
            "anchor": anchor,
        }

    def _k_daypart(self, g, m):
        rel = _ws(g["rel"])
        dp = g["dp"].lower()
        if rel in ("that", "the"):
            d, anchor = (self.reference or self.anchor), "text"
        elif rel == "last" and dp in ("night", "evening"):
            d, anchor = self.anchor - dt.timedelta(days=1), "publication"
        elif rel == "last":
            d, anchor = self.anchor - dt.timedelta(days=1), "publication"
        else:
            d, anchor = self.anchor, "publication"
        code = self.lex.day_parts[dp]
        mod = {"early this": "EARLY", "late this": "LATE", "later this": "LATE", "earlier this": "EARLY"}.get(rel)
        return {
            "type": "TIME",
            "value": f"{d.isoformat()}T{code}",
            "start_date": d,
            "end_date": d,
            "granularity": "time",
            "anchor": anchor,
            "mod": mod,
        }

    def _k_overnight(self, g, m):
        d = self.anchor
        return {
            "type": "TIME",
            "value": f"{d.isoformat()}TNI",
            "start_date": d,
            "end_date": d,
            "granularity": "time",
            "anchor": "publication",
        }

    def _clock(self, g) -> Optional[str]:
        if g.get("noon"):
            w = g["noon"].lower()
            return "24:00" if w == "midnight" else "12:00"
        hh = g.get("hh") or g.get("hh24")
        mi = g.get("mi") or g.get("mi24") or "00"
        h = int(hh)
        ampm = (g.get("ampm") or "").lower().replace(".", "").replace(" ", "")
        if ampm == "pm" and h < 12:
            h += 12
        if ampm == "am" and h == 12:
            h = 0
        if h > 24:
            return None
        return f"{h:02d}:{mi}"

    def _k_clock(self, g, m):
        hm = self._clock(g)
        if hm is None:
            return None
        d = self.anchor  # extract() moves it to a day named in the same sentence
        if d is None:
            return {"type": "TIME", "value": f"XXXX-XX-XXT{hm}", "granularity": "time", "anchor": "absolute"}
        return {
            "type": "TIME",
            "value": f"{d.isoformat()}T{hm}",
            "start_date": d,
            "end_date": d,
            "granularity": "time",
            "anchor": "publication" if d == self.anchor else "text",
        }

    def _k_time_date(self, g, m):
        hm = self._clock(g)
        if g.get("wd") and not g.get("m"):
            d = self._weekday_date(g["wd"], "", m)
        elif g.get("dw"):
            d = self._dayword_date(g["dw"])
        else:
            mk, dk = ("m", "d") if g.get("m") else ("m2", "d2") if g.get("m2") else ("m3", "d3")
            d = self._dm({"m": g[mk], "d": g[dk]}, m)["start_date"]
        if hm is None:
            return None
        return {
            "type": "TIME",
            "value": f"{d.isoformat()}T{hm}",
            "start_date": d,
            "end_date": d,
            "granularity": "time",
            "anchor": "publication",
        }

    def _k_set(self, g, m):
        if g.get("wd"):
            return {"type": "SET", "value": f"XXXX-WXX-{self.lex.weekdays[g['wd'].lower()]}", "anchor": "absolute"}
        if g.get("m"):
            return {"type": "SET", "value": f"XXXX-{self.lex.month(g['m']):02d}", "anchor": "absolute"}
        s = _ws(g["set"])
        if s in _SET:
            return {"type": "SET", "value": _SET[s], "anchor": "absolute"}
        unit = s.split()[-1]
        if unit in ("night", "morning", "evening"):
            return {"type": "SET", "value": "P1D", "anchor": "absolute"}
        v = self._duration_value(2 if "other" in s else 1, unit)
        return {"type": "SET", "value": v, "anchor": "absolute"}

    def _k_ref(self, g, m):
        v = self.lex.refs.get(_ws(g["ref"]).replace("’", "'"))
        if v is None:
            return None
        f = {"type": "DATE", "value": v, "anchor": "publication"}
        if v == "PRESENT_REF" and self.anchor:
            f.update(start_date=self.anchor, end_date=self.anchor, granularity="day")
        return f


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


@lru_cache(maxsize=1)
def _future_re():
    cues = sorted(load().future_cues, key=len, reverse=True)
    return re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in cues) + r")(?!\w)")


def extract(text: str, anchor: Optional[dt.date], timeml: bool = False) -> list[Timex]:
    """Find and normalize every time expression of ``text`` against ``anchor``.

    ``timeml=True`` also emits what TimeML annotates but a chronicle does not need
    (vague references such as "now" or "recently", ages such as "17-year-old").
    """
    r = Resolver(anchor, text)
    out = []
    for m in scan(text, timeml=timeml):
        t = r.resolve(m)
        if timeml and m.kind in ("day_range", "day_range_md") and t.value:
            out.extend(_split_range(t, m, text))
            continue
        if t.value is not None and t.value.endswith("_REF") and not timeml:
            continue
        out.append(t)
    return _clock_days([_trim(t, text) for t in out], text)


def _clock_days(found: list[Timex], text: str) -> list[Timex]:
    """A clock time ("at 04:30") takes the day named in its sentence, if any ("... on 2 March")."""
    out = []
    for t in found:
        if t.kind == "clock" and t.value and "T" in t.value:
            lo = max(text.rfind(c, 0, t.start) for c in ".!?\n") + 1
            his = [i for i in (text.find(c, t.end) for c in ".!?\n") if i >= 0]
            hi = min(his) if his else len(text)
            days = _days_between(found, lo, hi)  # (the clock time itself is no day)
            if not days:
                days = _story_day(found, text, lo)
            if days:
                day = min(days, key=lambda at: abs(at[0] - t.start))[1]
                t = replace(
                    t,
                    value=day.isoformat() + t.value[t.value.index("T") :],
                    start_date=day,
                    end_date=day,
                    anchor="text",
                )
        out.append(t)
    return out


_STORY_SENTENCES = 2  # a clock time with no day of its own takes the last day told this far back


def _story_day(found: list[Timex], text: str, lo: int) -> list:
    """The last day the text named in the sentences just before ``lo`` ("struck early Friday ... The
    jet dropped two bombs at around 1 a.m."): the day of the story the clock time goes on with."""
    start = lo
    for _ in range(_STORY_SENTENCES):
        end = len(text[:start].rstrip(" \t\n.!?"))  # back over the last sentence's end and blank lines
        start = max(text.rfind(c, 0, end) for c in ".!?\n") + 1
    return _days_between(found, start, lo)[-1:]


def _days_between(found: list[Timex], lo: int, hi: int) -> list:
    """(offset, date) of each date of day granularity found in ``[lo, hi)``."""
    return [
        (o.start, o.start_date)
        for o in found
        if o.granularity == "day" and o.start_date is not None and lo <= o.start < hi and o.type == "DATE"
    ]


def _split_range(t: Timex, m: RawMatch, text: str) -> list[Timex]:
    """TimeML annotates "5 and 7 March" as two dates: "5" and "7 March" (or "March 5" and "7")."""
    sp = {k: (a, b) for k, a, b in m.spans}
    d1, d2 = t.start_date, t.end_date
    assert d1 is not None and d2 is not None, "split only when both days are known"
    if m.kind == "day_range":
        first = (sp["d"][0], sp["d"][1])
        second = (sp["d2"][0], m.end)
    else:
        first = (m.start, sp["d"][1])
        second = (sp["d2"][0], sp["d2"][1])
    out = []
    for (a, b), d in ((first, d1), (second, d2)):
        out.append(
            replace(
                t,
                start=a,
                end=b,
                text=text[a:b],
                value=d.isoformat(),
                start_date=d,
                end_date=d,
                bound=t.bound if (a, b) == first else None,
            )
        )
    return out


def _trim(t: Timex, text: str) -> Timex:
    """Drop a trailing "after"/"before" from an anchored offset's extent ("eight months [after]")."""
    if t.kind == "ago" and t.type == "DURATION":
        mm = re.search(r"\s+(?i:after|before|prior)$", t.text)
        if mm:
            end = t.start + mm.start()
            return replace(t, end=end, text=text[t.start : end])
    return t


def normalize(text: str, anchor: dt.date) -> Optional[Timex]:
    """Normalize one time expression (the longest found in ``text``) against ``anchor``.

    Falls back to ``dateparser`` (relative base = anchor, past preferred) when the rules
    find no expression; that result is a day-granularity DATE.
    """
    found = extract(text, anchor, timeml=True)
    if found:
        best = max(found, key=lambda t: t.end - t.start)
        return best
    return _dateparser_fallback(text, anchor)


def _dateparser_fallback(text: str, anchor: dt.date) -> Optional[Timex]:
    try:
        import dateparser
    except ImportError:  # pragma: no cover
        return None
    base = dt.datetime.combine(anchor, dt.time(12))
    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": "past",
            "STRICT_PARSING": False,
        },
    )
    if parsed is None:
        return None
    d = parsed.date()
    return Timex(
        start=0,
        end=len(text),
        text=text,
        kind="dateparser",
        type="DATE",
        value=d.isoformat(),
        start_date=d,
        end_date=d,
        granularity="day",
        anchor="publication",
    )
