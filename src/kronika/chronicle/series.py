"""Claim series: figures on the same question, over time and by claimant.

A question is (measure, subject, place scope, unit): "how many North Korean soldiers were
casualties in Kursk Oblast?". The place scope of a town is its region (admin1), so a figure
for Sudzha and one for Kursk Oblast answer the same question; a country stays a country.

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


def subject_key(claim: Claim) -> Optional[str]:
    if claim.subject is not None:
        return claim.subject.name
    if claim.subject_text:
        return " ".join(w for w in claim.subject_text.lower().split() if w not in ("the", "a", "an"))
    return None


def _lo(p: SeriesPoint) -> Optional[float]:
    return p.low if p.low is not None else p.value


def _hi(p: SeriesPoint) -> Optional[float]:
    return p.high if p.high is not None else p.value


def _num(x: Optional[float]) -> str:
    return "?" if x is None else f"{x:,.0f}"


def make_point(claim: Claim, doc_id: str, source: Optional[str], published) -> SeriesPoint:
    q = claim.quantity
    date = published
    if claim.time is not None and not claim.time.defaulted and claim.modality != "forecast" and claim.time.end_date:
        date = min(claim.time.end_date, published) if published else claim.time.end_date
    flags = []
    if claim.parts_check in ("short", "exceed"):
        flags.append(f"inconsistent: parts add up to {_num(claim.parts_sum)}, total {_num(q.value)}")
    claimant = claim.claimant.name if claim.claimant else (claim.claimant_text or source)
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


def summarize(key: str, measure: str, subject, place, unit, points: list[SeriesPoint]) -> ClaimSeries:
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
            extra[p.claim_id].append("contradiction: denies what " + ", ".join(
                sorted({c.claimant or "the article" for c in credible})) + " asserts")
    windows = []
    for window, pts in sorted(by_window.items()):
        cred = [p for p in pts if p.credible and (_lo(p) is not None or _hi(p) is not None)]
        for i, a in enumerate(cred):
            for b in cred[i + 1:]:
                if a.claimant == b.claimant or None in (_lo(a), _hi(a), _lo(b), _hi(b)):
                    continue
                lo_pair, hi_pair = sorted([a, b], key=_hi)
                if _hi(lo_pair) < _lo(hi_pair) and _lo(hi_pair) >= 2 * max(_hi(lo_pair), 1):
                    if "contradiction" not in flags:
                        flags.append("contradiction")
                    for x, y in ((a, b), (b, a)):
                        extra[x.claim_id].append(
                            f"contradiction: {y.claimant or 'another source'} gives {_num(_lo(y))}"
                            + (f"–{_num(_hi(y))}" if _hi(y) != _lo(y) else ""))
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

    points = [p.model_copy(update={"flags": p.flags + tuple(extra[p.claim_id])}) if extra.get(p.claim_id) else p
              for p in points]
    latest = next((w for w in reversed(windows) if w.best is not None or w.low is not None), None)
    return ClaimSeries(
        key=key, measure=measure, subject=subject, place=place, unit=unit, points=tuple(points),
        windows=tuple(windows), low=latest.low if latest else None, best=latest.best if latest else None,
        high=latest.high if latest else None, flags=tuple(flags),
    )


def build_series(claims: Iterable[tuple[Claim, str, Optional[str], object]]) -> list[ClaimSeries]:
    """Group (claim, doc_id, source, published) tuples into series, sorted by key."""
    groups: dict[tuple, list[SeriesPoint]] = defaultdict(list)
    for claim, doc_id, source, published in claims:
        k = (claim.measure, subject_key(claim), place_scope(claim), claim.quantity.unit)
        groups[k].append(make_point(claim, doc_id, source, published))
    out = []
    for (measure, subject, place, unit), points in sorted(groups.items(), key=lambda kv: tuple(str(x) for x in kv[0])):
        key = "s-" + hashlib.sha1(f"{measure}|{subject}|{place}|{unit}".encode()).hexdigest()[:10]
        out.append(summarize(key, measure, subject, place, unit, points))
    return out
