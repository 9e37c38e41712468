"""Offsets told before an "after"/"before" clause as that clause's date.

"It comes a day after Kyiv suffered the heaviest assault": the assault is a day before the
report; "Rebels shelled the town on Saturday, two days after the army retook it": the retaking
is two days before Saturday. The clause an offset dates is :func:`kronika.attach.dated_clause`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from kronika.attach import dated_clause, dates, is_offset
from kronika.context import Context
from kronika.records import TimeSpan
from kronika.time.normalize import _add_months

_COUNT = re.compile(r"^P(\d+)([DWMY])$")
_PRESENT = frozenset({"VBZ", "VBP"})


def _told_now(clause) -> bool:
    """Whether the clause an "after ..." hangs on is told in the present ("It comes a day after
    ...", "has accused ... a week after ..."): then it is the report's own time."""
    tok = clause.head
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX"):
            break
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    auxes = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    return tok.tag_ in _PRESENT or (tok.tag_ == "VBN" and bool(auxes & {"has", "have"}))


def _reference(ctx: Context, times: list[TimeSpan], offset: TimeSpan, clause) -> Optional[dt.date]:
    """The day the offset counts from: the main clause's own day in the sentence (the one nearest
    the offset), else the publication date when the main clause is told in the present and the
    "after" clause in the past."""
    days = [
        t
        for t in times
        if t.sentence == offset.sentence
        and t is not offset
        and t.type in ("DATE", "TIME")
        and t.granularity in ("day", "time")
        and t.start_date is not None
        and not dates(ctx.doc, clause, t.start, t.end)
        and dated_clause(ctx.doc, t.start, t.end) is None
    ]
    if days:
        return min(days, key=lambda t: abs(t.start - offset.start)).start_date
    return ctx.published if _told_now(clause) and _done(clause) else None


def _done(clause) -> bool:
    """Whether the "after" clause tells of something done ("after Kyiv suffered", "after a deal
    was signed"), or names it ("a day after the attack"): not "after the ceasefire takes effect"."""
    if clause.pos_ not in ("VERB", "AUX"):
        return True
    auxes = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
    return clause.tag_ == "VBD" or (clause.tag_ == "VBN" and bool(auxes & {"was", "were", "had", "has", "have"}))


def _shifted(day: dt.date, n: int, unit: str) -> dict:
    if unit in "DW":
        d = day + dt.timedelta(days=n * (7 if unit == "W" else 1))
        return {
            "value": d.isoformat(),
            "start_date": d,
            "end_date": d,
            "granularity": "day",
            "mod": "APPROX" if unit == "W" else None,
        }
    if unit == "M":
        d = _add_months(day, n)
        first = d.replace(day=1)
        last = _add_months(first, 1) - dt.timedelta(days=1)
        return {
            "value": f"{d.year}-{d.month:02d}",
            "start_date": first,
            "end_date": last,
            "granularity": "month",
            "mod": None,
        }
    y = day.year + n
    return {
        "value": str(y),
        "start_date": dt.date(y, 1, 1),
        "end_date": dt.date(y, 12, 31),
        "granularity": "year",
        "mod": None,
    }


def offset_dates(ctx: Context, times: list[TimeSpan]) -> list[TimeSpan]:
    """Counts of days, weeks, months or years before an "after"/"before" clause become that
    clause's date, counted from the main clause's day: "It comes a day after Kyiv suffered the
    heaviest assault" (a report of 25 May) dates the assault 24 May; "Eight months after the
    incursion, troops still hold Sudzha" dates the incursion eight months before the report."""
    if ctx.doc is None or ctx.published is None:
        return times
    out = []
    for t in times:
        found = _COUNT.match(t.value or "") if t.type == "DURATION" and is_offset(t) else None
        clause = dated_clause(ctx.doc, t.start, t.end, offset=True) if found else None
        day = _reference(ctx, times, t, clause) if clause is not None else None
        if found and day is not None:
            after = ctx.text[t.end : t.end + 7].strip().lower().startswith("after")
            n = int(found[1]) * (-1 if after else 1)
            t = t.model_copy(update={"type": "DATE", **_shifted(day, n, found[2])})
        out.append(t)
    return out


__all__ = ["offset_dates"]
