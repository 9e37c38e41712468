"""Claim series: figures on the same question, over time and by claimant.

A question is (measure, subject, place scope, time scope, unit): "how many North Korean
soldiers were casualties in Kursk Oblast?". The place scope of a town is its region (admin1),
so a figure for Sudzha and one for Kursk Oblast answer the same question; a country stays a
country. The time scope separates figures for one day ("On Jan. 9, the Coalition conducted
26 strikes": a day-precise date stated or carried in the text) from running totals ("3,800
casualties" as of early January), which form one series over time.

Each claim becomes a point dated by what it is "as of": the end of its time expression when
the text gives one (never later than publication), else the publication date. Denied,
forecast, hypothetical and negated figures are points too, but not *credible*: they never
count toward the figures below.

For each calendar month (window), following UCDP's low/best/high:

- **low**: the lowest credible figure (the low end of a range);
- **high**: the highest credible figure (the high end of a range);
- **best**: the most specific credible figure — the latest exact figure; failing that the
  latest bounded one ("at least", "more than"...); failing that the midpoint of the latest range.

The series' own low/best/high are those of its latest window with credible points.

Flags:
- ``contradiction``: one source denies what another asserts; or, in one window, two
  claimants give figures whose ranges do not overlap and differ at least twofold;
- ``inconsistency``: a claim whose parts do not add up to its total (kept as reported);
- ``revision``: a claimant changes its own figure in a later window.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from typing import Iterable, Optional

from kronika.records import Claim, ClaimSeries, SeriesPoint, SeriesWindow

CREDIBLE = ("asserted", "estimated")
MAX_NAMED = 5  # claimants named in one flag
SPECIFIC = {"exact": 0, "approximately": 1, "at_least": 2, "more_than": 2, "at_most": 2, "less_than": 2,
            "range": 3, "vague": 4}


def place_scope(claim: Claim) -> Optional[str]:
    p = claim.place
    if p is None:
        return None
    if not p.resolved:
        return p.text
    if p.level in ("populated_place", "admin2", "other") and p.admin1:
        return p.admin1
    return p.name or p.text


STATE_KINDS = ("state", "government", "military", "agency")


def subject_key(claim: Claim) -> Optional[str]:
    """Whose figure: a state's government, forces and agencies are one subject (its ISO3), so
    "North Korea sending 12,000 soldiers" and "North Korean troops" ask the same question."""
    a = claim.subject
    if a is not None:
        if a.country_iso3 and a.kind in STATE_KINDS:
            return f"{a.country_iso3} state forces"
        return a.name
    if claim.subject_text:
        return " ".join(w for w in claim.subject_text.lower().split() if w not in ("the", "a", "an"))
    return None


def time_scope(claim: Claim) -> Optional[str]:
    """The day a figure counts, for figures in the article's own voice with a day-precise date
    ("On Jan. 9, Coalition forces conducted 26 strikes"). An attributed figure's date is
    usually when it was said ("Zelenskyy said on 14 February ... 4,000 casualties"): it dates
    a point of a running total, not a per-day count."""
    t = claim.time
    if (t is None or t.defaulted or claim.modality == "forecast" or t.granularity not in ("day", "time")
            or claim.claimant_kind != "author"):
        return None
    return str(t.start_date)


def _lo(p: SeriesPoint) -> Optional[float]:
    return p.low if p.low is not None else p.value


def _hi(p: SeriesPoint) -> Optional[float]:
    return p.high if p.high is not None else p.value


def _num(x: Optional[float]) -> str:
    return "?" if x is None else f"{x:,.0f}"


def make_point(claim: Claim, doc_id: str, source: Optional[str], published) -> SeriesPoint:
    q = claim.quantity
    date = published
    if claim.time is not None and claim.time.bound == "since" and published:
        date = published  # "since January, 500 killed": a running total as of the report
    elif claim.time is not None and not claim.time.defaulted and claim.modality != "forecast" and claim.time.end_date:
        date = min(claim.time.end_date, published) if published else claim.time.end_date
    flags = []
    if claim.parts_check in ("short", "exceed"):
        flags.append(f"inconsistent: parts add up to {_num(claim.parts_sum)}, total {_num(q.value)}")
    if claim.claimant is not None:  # a person ("Volodymyr Zelenskyy"), else the actor ("ISW")
        claimant = claim.claimant.person or claim.claimant.name
    else:
        claimant = claim.claimant_text or source
    return SeriesPoint(
        doc_id=doc_id, claim_id=claim.id, date=date, claimant=claimant, value=q.value, low=q.low, high=q.high,
        qualifier=q.qualifier, unit=q.unit, modality=claim.modality, credible=claim.modality in CREDIBLE,
        flags=tuple(flags), source=source, sentence=claim.sentence, text=claim.text,
    )


def _best(points: list[SeriesPoint]) -> Optional[float]:
    with_value = [p for p in points if p.value is not None]
    if with_value:
        top = min(SPECIFIC.get(p.qualifier, 4) for p in with_value)
        chosen = [p for p in with_value if SPECIFIC.get(p.qualifier, 4) == top]
        return max(chosen, key=lambda p: (p.date is not None, p.date, p.doc_id, p.claim_id)).value
    ranged = [p for p in points if p.low is not None and p.high is not None]
    if ranged:
        p = max(ranged, key=lambda p: (p.date is not None, p.date, p.doc_id, p.claim_id))
        return (p.low + p.high) / 2
    return None


def summarize(key: str, measure: str, subject, place, scope, unit, points: list[SeriesPoint]) -> ClaimSeries:
    points = sorted(points, key=lambda p: (p.date is None, p.date, p.doc_id, p.claim_id))
    flags: list[str] = []
    by_window: dict[str, list[SeriesPoint]] = defaultdict(list)
    for p in points:
        by_window[p.date.strftime("%Y-%m") if p.date else "undated"].append(p)

    extra: dict[str, list[str]] = defaultdict(list)  # claim_id -> flags
    credible = [p for p in points if p.credible]
    denied = [p for p in points if p.modality in ("denied", "negated")]
    if denied and credible:
        flags.append("contradiction")
        for p in denied:
            names = sorted({c.claimant or "the article" for c in credible})
            extra[p.claim_id].append("contradiction: denies what " + ", ".join(names[:MAX_NAMED])
                                     + (f" and {len(names) - MAX_NAMED} more" if len(names) > MAX_NAMED else "") + " asserts")
    windows = []
    for window, pts in sorted(by_window.items()):
        cred = [p for p in pts if p.credible and (_lo(p) is not None or _hi(p) is not None)]
        # one flag per point: the claimants whose figures disagree with it at least twofold
        by_claimant: dict[Optional[str], list[SeriesPoint]] = defaultdict(list)
        for p in cred:
            if None not in (_lo(p), _hi(p)):
                by_claimant[p.claimant].append(p)
        lows = {c: min(_lo(p) for p in ps) for c, ps in by_claimant.items()}
        highs = {c: max(_hi(p) for p in ps) for c, ps in by_claimant.items()}
        for a in cred:
            if None in (_lo(a), _hi(a)):
                continue
            others = []
            for c in by_claimant:
                if c == a.claimant:
                    continue
                if highs[c] < _lo(a) and _lo(a) >= 2 * max(highs[c], 1):
                    others.append(f"{c or 'another source'} gives {_num(lows[c])}" + (f"–{_num(highs[c])}" if highs[c] != lows[c] else ""))
                elif _hi(a) < lows[c] and lows[c] >= 2 * max(_hi(a), 1):
                    others.append(f"{c or 'another source'} gives {_num(lows[c])}" + (f"–{_num(highs[c])}" if highs[c] != lows[c] else ""))
            if others:
                if "contradiction" not in flags:
                    flags.append("contradiction")
                shown = sorted(others)[:MAX_NAMED]
                more = f" and {len(others) - MAX_NAMED} more" if len(others) > MAX_NAMED else ""
                extra[a.claim_id].append("contradiction: " + "; ".join(shown) + more)
        lows = [v for p in cred if (v := _lo(p)) is not None]
        highs = [v for p in cred if (v := _hi(p)) is not None]
        windows.append(SeriesWindow(window=window, low=min(lows) if lows else None,
                                    best=_best(cred), high=max(highs) if highs else None, n_points=len(pts)))

    by_claimant: dict[str, list[SeriesPoint]] = defaultdict(list)
    for p in credible:
        if p.claimant:
            by_claimant[p.claimant].append(p)
    for claimant, pts in by_claimant.items():
        previous = None
        for p in pts:  # already in date order
            if previous is not None and p.date and previous.date and p.date.strftime("%Y-%m") != previous.date.strftime("%Y-%m") \
                    and (p.value, p.low, p.high) != (previous.value, previous.low, previous.high):
                extra[p.claim_id].append(f"revision: {claimant} said {_num(previous.value or previous.low)} on {previous.date}")
                if "revision" not in flags:
                    flags.append("revision")
            previous = p
    if any(f.startswith("inconsistent") for p in points for f in p.flags):
        flags.append("inconsistency")

    points = [p.model_copy(update={"flags": tuple(dict.fromkeys(p.flags + tuple(extra[p.claim_id])))})
              if extra.get(p.claim_id) else p for p in points]
    latest = next((w for w in reversed(windows) if w.best is not None or w.low is not None), None)
    return ClaimSeries(
        key=key, measure=measure, subject=subject, place=place, time_scope=scope, unit=unit, points=tuple(points),
        windows=tuple(windows), low=latest.low if latest else None, best=latest.best if latest else None,
        high=latest.high if latest else None, flags=tuple(flags),
    )


def question(claim: Claim) -> tuple:
    """(measure, subject, place scope, time scope, unit): the question a claim's figure answers."""
    return (claim.measure, subject_key(claim), place_scope(claim), time_scope(claim), claim.quantity.unit)


def series_key(claim: Claim) -> str:
    """The key of the series ``claim`` belongs to (stored with each claim: an ingest updates the
    series it touches)."""
    return _key(question(claim))


def _key(k: tuple) -> str:
    measure, subject, place, scope, unit = k
    return "s-" + hashlib.sha1(f"{measure}|{subject}|{place}|{scope}|{unit}".encode()).hexdigest()[:10]


def build_series(claims: Iterable[tuple[Claim, str, Optional[str], object]]) -> list[ClaimSeries]:
    """Group (claim, doc_id, source, published) tuples into series, sorted by key."""
    groups: dict[tuple, list[SeriesPoint]] = defaultdict(list)
    names: dict[tuple, dict[str, int]] = defaultdict(dict)
    for claim, doc_id, source, published in claims:
        k = question(claim)
        groups[k].append(make_point(claim, doc_id, source, published))
        shown = claim.subject.name if claim.subject else k[1]
        if shown:
            names[k][shown] = names[k].get(shown, 0) + 1
    out = []
    for k, points in sorted(groups.items(), key=lambda kv: tuple(str(x) for x in kv[0])):
        measure, subject, place, scope, unit = k
        shown = max(sorted(names[k]), key=lambda n: (names[k][n], "Military" in n)) if names[k] else None
        out.append(summarize(_key(k), measure, shown, place, scope, unit, points))
    return out
