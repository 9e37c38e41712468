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
from dataclasses import asdict, dataclass, field
from typing import Iterable, Optional

from kronika.records import Claim, ClaimSeries, SeriesPoint, SeriesWindow

CREDIBLE = ("asserted", "estimated")
MAX_NAMED = 5  # claimants named in one flag
SPECIFIC = {
    "exact": 0,
    "approximately": 1,
    "at_least": 2,
    "more_than": 2,
    "at_most": 2,
    "less_than": 2,
    "range": 3,
    "vague": 4,
}


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
        # "# Drone strike ...": a heading's marks are no part of the subject
        words = [w.strip("#*_>\"'“”‘’") for w in claim.subject_text.lower().split()]
        return " ".join(w for w in words if w and w not in ("the", "a", "an")) or None
    return None


def time_scope(claim: Claim) -> Optional[str]:
    """The day a figure counts, for figures in the article's own voice with a day-precise date
    ("On Jan. 9, Coalition forces conducted 26 strikes"). An attributed figure's date is
    usually when it was said ("Zelenskyy said on 14 February ... 4,000 casualties"): it dates
    a point of a running total, not a per-day count."""
    t = claim.time
    if (
        t is None
        or t.defaulted
        or claim.modality == "forecast"
        or t.granularity not in ("day", "time")
        or claim.claimant_kind != "author"
    ):
        return None
    return str(t.start_date)


def _lo(p: SeriesPoint) -> Optional[float]:
    return p.low if p.low is not None else p.value


def _hi(p: SeriesPoint) -> Optional[float]:
    return p.high if p.high is not None else p.value


def _num(x: Optional[float]) -> str:
    return "?" if x is None else f"{x:,.0f}"


def as_of(claim: Claim, published):
    """The date a claim's figure is "as of": the end of its time expression (never later than
    publication), else the publication date."""
    if claim.time is not None and claim.time.bound == "since" and published:
        return published  # "since January, 500 killed": a running total as of the report
    if claim.time is not None and not claim.time.defaulted and claim.modality != "forecast" and claim.time.end_date:
        return min(claim.time.end_date, published) if published else claim.time.end_date
    return published


def make_point(claim: Claim, doc_id: str, source: Optional[str], published) -> SeriesPoint:
    q = claim.quantity
    date = as_of(claim, published)
    flags = []
    if claim.parts_check in ("short", "exceed"):
        flags.append(f"inconsistent: parts add up to {_num(claim.parts_sum)}, total {_num(q.value)}")
    claimant: Optional[str]
    if claim.claimant is not None:  # a person ("Volodymyr Zelenskyy"), else the actor ("ISW")
        claimant = claim.claimant.person or claim.claimant.name
    else:
        claimant = claim.claimant_text or source
    return SeriesPoint(
        doc_id=doc_id,
        claim_id=claim.id,
        date=date,
        claimant=claimant,
        value=q.value,
        low=q.low,
        high=q.high,
        qualifier=q.qualifier,
        unit=q.unit,
        modality=claim.modality,
        credible=claim.modality in CREDIBLE,
        flags=tuple(flags),
        source=source,
        sentence=claim.sentence,
        text=claim.text,
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
        if p.low is not None and p.high is not None:
            return (p.low + p.high) / 2
    return None


UNDATED = "undated"  # the window of points with no date (sorts after every "YYYY-MM")


def window_of(date) -> str:
    """The window (calendar month, "YYYY-MM") of a point dated ``date``."""
    return date.strftime("%Y-%m") if date else UNDATED


def point_order(p: SeriesPoint) -> tuple:
    return (p.date is None, p.date, p.doc_id, p.claim_id)


def _gives(c: Optional[str], low: float, high: float) -> str:
    return f"{c or 'another source'} gives {_num(low)}" + (f"–{_num(high)}" if high != low else "")


def _disagreements(cred: list[SeriesPoint]) -> dict[tuple[str, str], str]:
    """In one window: for each credible point, the claimants whose figures disagree with it at
    least twofold (one flag per point)."""
    ranges: dict[Optional[str], list[tuple[float, float]]] = defaultdict(list)
    for p in cred:
        lo, hi = _lo(p), _hi(p)
        if lo is not None and hi is not None:
            ranges[p.claimant].append((lo, hi))
    lows = {c: min(lo for lo, _ in rs) for c, rs in ranges.items()}
    highs = {c: max(hi for _, hi in rs) for c, rs in ranges.items()}
    out = {}
    for a in cred:
        lo, hi = _lo(a), _hi(a)
        if lo is None or hi is None:
            continue
        others = [
            _gives(c, lows[c], highs[c])
            for c in ranges
            if c != a.claimant
            and ((highs[c] < lo and lo >= 2 * max(highs[c], 1)) or (hi < lows[c] and lows[c] >= 2 * max(hi, 1)))
        ]
        if others:
            shown = sorted(others)[:MAX_NAMED]
            more = f" and {len(others) - MAX_NAMED} more" if len(others) > MAX_NAMED else ""
            out[(a.doc_id, a.claim_id)] = "contradiction: " + "; ".join(shown) + more
    return out


def _mark(x: SeriesPoint) -> list:
    """What the revision check needs of a point: [date, value, low, high]."""
    return [x.date.isoformat() if x.date else None, x.value, x.low, x.high]


def revises(previous: list, first: list) -> bool:
    """A claimant's first point of a window revises its last point of an earlier window (both
    dated: only dated windows are compared) when the figure changed."""
    return bool(previous[0] and first[0]) and previous[1:] != first[1:]


@dataclass(frozen=True)
class Piece:
    """One window of a series, computed from that window's points alone: what the incremental
    chronicle stores and rewrites per window. What spans windows (a denial against every
    credible claimant, a claimant's revision of an earlier window) is added when the series is
    assembled (:func:`assemble`), and counted in :class:`Counts`."""

    window: str
    points: tuple[SeriesPoint, ...]  # in order, with the window's own flags
    summary: SeriesWindow
    contradiction: bool  # two claimants' figures in it disagree
    names: dict[str, int]  # the subject's names, as the claims give them
    claimants: dict[str, tuple[list, list]]  # claimant -> first and last credible point (dated windows)

    @property
    def n_credible(self) -> int:
        return sum(p.credible for p in self.points)

    @property
    def n_denied(self) -> int:
        return sum(p.modality in ("denied", "negated") for p in self.points)

    @property
    def n_inconsistent(self) -> int:
        return sum(any(f.startswith("inconsistent") for f in p.flags) for p in self.points)


def piece(window: str, points: Iterable[SeriesPoint], names: Optional[dict[str, int]] = None) -> Piece:
    points = sorted(points, key=point_order)
    cred = [p for p in points if p.credible and (_lo(p) is not None or _hi(p) is not None)]
    extra = _disagreements(cred)
    lows = [v for p in cred if (v := _lo(p)) is not None]
    highs = [v for p in cred if (v := _hi(p)) is not None]
    summary = SeriesWindow(
        window=window,
        low=min(lows) if lows else None,
        best=_best(cred),
        high=max(highs) if highs else None,
        n_points=len(points),
    )
    claimants: dict[str, tuple[list, list]] = {}
    if window != UNDATED:
        for p in points:
            if p.credible and p.claimant:
                first = claimants[p.claimant][0] if p.claimant in claimants else _mark(p)
                claimants[p.claimant] = (first, _mark(p))
    points = [
        p.model_copy(update={"flags": tuple(dict.fromkeys(p.flags + (extra[(p.doc_id, p.claim_id)],)))})
        if (p.doc_id, p.claim_id) in extra
        else p
        for p in points
    ]
    return Piece(window, tuple(points), summary, bool(extra), dict(names or {}), claimants)


@dataclass
class Counts:
    """A series' totals over its windows: kept up to date window by window."""

    n_points: int = 0
    n_credible: int = 0
    n_denied: int = 0
    n_inconsistent: int = 0
    n_contradictions: int = 0  # windows with a contradiction between claimants
    n_revisions: int = 0  # claimants' windows whose first figure revises their previous one
    names: dict[str, int] = field(default_factory=dict)

    def add(self, pc: Piece, sign: int = 1) -> None:
        self.n_points += sign * len(pc.points)
        self.n_credible += sign * pc.n_credible
        self.n_denied += sign * pc.n_denied
        self.n_inconsistent += sign * pc.n_inconsistent
        self.n_contradictions += sign * pc.contradiction
        for n, k in pc.names.items():
            self.names[n] = self.names.get(n, 0) + sign * k
            if not self.names[n]:
                del self.names[n]

    def take(self, other: dict) -> None:
        """Take off a window's share (:func:`piece_counts`)."""
        for name in ("n_points", "n_credible", "n_denied", "n_inconsistent", "n_contradictions"):
            setattr(self, name, getattr(self, name) - other[name])
        for n, k in other["names"].items():
            self.names[n] = self.names.get(n, 0) - k
            if not self.names[n]:
                del self.names[n]

    def flags(self) -> tuple[str, ...]:
        out = []
        if (self.n_denied and self.n_credible) or self.n_contradictions:
            out.append("contradiction")
        if self.n_revisions:
            out.append("revision")
        if self.n_inconsistent:
            out.append("inconsistency")
        return tuple(out)

    def subject(self, fallback: Optional[str]) -> Optional[str]:
        names = self.names
        return max(sorted(names), key=lambda n: (names[n], "Military" in n)) if names else fallback


def piece_json(pc: Piece) -> dict:
    """A window as stored (``series_windows.data``)."""
    return {
        "window": pc.summary.model_dump(mode="json"),
        "points": [p.model_dump(mode="json") for p in pc.points],
        "contradiction": pc.contradiction,
        "names": pc.names,
        "claimants": {c: [first, last] for c, (first, last) in sorted(pc.claimants.items())},
    }


def piece_from_json(data: dict) -> Piece:
    summary = SeriesWindow.model_validate(data["window"])
    return Piece(
        summary.window,
        tuple(SeriesPoint.model_validate(p) for p in data["points"]),
        summary,
        data["contradiction"],
        data["names"],
        {c: (v[0], v[1]) for c, v in data["claimants"].items()},
    )


def piece_counts(pc: Piece) -> dict:
    """A window's share of its series' :class:`Counts` (stored with it: an update takes it off)."""
    c = Counts()
    c.add(pc)
    return asdict(c)


def revision_marks(pieces: Iterable[Piece]) -> dict[tuple[str, str], bool]:
    """(claimant, window) -> whether the claimant's first figure there revises its previous one."""
    last: dict[str, list] = {}
    out = {}
    for pc in pieces:  # in window order
        for c, (first, final) in sorted(pc.claimants.items()):
            out[(c, pc.window)] = c in last and revises(last[c], first)
            last[c] = final
    return out


def _cross_flags(points: list[SeriesPoint]) -> dict[tuple[str, str], list[str]]:
    """The flags that span windows: a denial against every credible claimant of the series; a
    claimant's figure that changed since an earlier month."""
    extra: dict[tuple[str, str], list[str]] = defaultdict(list)  # by point: (doc_id, claim_id)
    credible = [p for p in points if p.credible]
    denied = [p for p in points if p.modality in ("denied", "negated")]
    if denied and credible:
        names = sorted({c.claimant or "the article" for c in credible})
        said = ", ".join(names[:MAX_NAMED]) + (f" and {len(names) - MAX_NAMED} more" if len(names) > MAX_NAMED else "")
        for p in denied:
            extra[(p.doc_id, p.claim_id)].append("contradiction: denies what " + said + " asserts")
    previous: dict[str, SeriesPoint] = {}
    for p in credible:  # in date order
        before = previous.get(p.claimant or "")
        if (
            p.claimant
            and before is not None
            and p.date
            and before.date
            and window_of(p.date) != window_of(before.date)
            and (p.value, p.low, p.high) != (before.value, before.low, before.high)
        ):
            extra[(p.doc_id, p.claim_id)].append(
                f"revision: {p.claimant} said {_num(before.value or before.low)} on {before.date}"
            )
        if p.claimant:
            previous[p.claimant] = p
    return extra


def assemble(key: str, measure: str, subject, place, scope, unit, pieces: list[Piece]) -> ClaimSeries:
    """The series from its windows (in window order): their points with the flags that span
    windows added, their low/best/high, and the series' own from its latest window with figures."""
    points = [p for pc in pieces for p in pc.points]
    extra = _cross_flags(points)
    counts = Counts(n_revisions=sum(revision_marks(pieces).values()))
    for pc in pieces:
        counts.add(pc)
    points = [
        p.model_copy(update={"flags": tuple(dict.fromkeys(p.flags + tuple(extra[(p.doc_id, p.claim_id)])))})
        if extra.get((p.doc_id, p.claim_id))
        else p
        for p in points
    ]
    windows = [pc.summary for pc in pieces]
    latest = next((w for w in reversed(windows) if w.best is not None or w.low is not None), None)
    return ClaimSeries(
        key=key,
        measure=measure,
        subject=subject,
        place=place,
        time_scope=scope,
        unit=unit,
        points=tuple(points),
        windows=tuple(windows),
        low=latest.low if latest else None,
        best=latest.best if latest else None,
        high=latest.high if latest else None,
        flags=counts.flags(),
    )


def summarize(key: str, measure: str, subject, place, scope, unit, points: list[SeriesPoint]) -> ClaimSeries:
    by_window: dict[str, list[SeriesPoint]] = defaultdict(list)
    for p in points:
        by_window[window_of(p.date)].append(p)
    pieces = [piece(w, pts) for w, pts in sorted(by_window.items())]
    return assemble(key, measure, subject, place, scope, unit, pieces)


def question(claim: Claim) -> tuple:
    """(measure, subject, place scope, time scope, unit): the question a claim's figure answers."""
    return (claim.measure, subject_key(claim), place_scope(claim), time_scope(claim), claim.quantity.unit)


def series_key(claim: Claim) -> str:
    """The key of the series ``claim`` belongs to (stored with each claim: an ingest updates the
    series it touches)."""
    return question_key(question(claim))


def question_key(k: tuple) -> str:
    measure, subject, place, scope, unit = k
    return "s-" + hashlib.sha1(f"{measure}|{subject}|{place}|{scope}|{unit}".encode()).hexdigest()[:10]


def by_window(claims: Iterable[tuple[Claim, str, Optional[str], object]]) -> dict[tuple, dict[str, tuple[list, dict]]]:
    """(claim, doc_id, source, published) tuples grouped by question, then by window: the window's
    points and how many times each name of the subject is given."""
    out: dict[tuple, dict[str, tuple[list, dict]]] = defaultdict(dict)
    for claim, doc_id, source, published in claims:
        k = question(claim)
        point = make_point(claim, doc_id, source, published)
        points, names = out[k].setdefault(window_of(point.date), ([], {}))
        points.append(point)
        shown = claim.subject.name if claim.subject else k[1]
        if shown:
            names[shown] = names.get(shown, 0) + 1
    return out


def series_pieces(claims: Iterable[tuple[Claim, str, Optional[str], object]]) -> list[tuple[tuple, list[Piece]]]:
    """Each question (sorted) with its windows (in order), from (claim, doc_id, source, published)."""
    grouped = by_window(claims)
    return [
        (k, [piece(w, *grouped[k][w]) for w in sorted(grouped[k])])
        for k in sorted(grouped, key=lambda k: tuple(str(x) for x in k))
    ]


def build_series(claims: Iterable[tuple[Claim, str, Optional[str], object]]) -> list[ClaimSeries]:
    """Group (claim, doc_id, source, published) tuples into series, sorted by key."""
    out = []
    for k, pieces in series_pieces(claims):
        measure, subject, place, scope, unit = k
        counts = Counts()
        for pc in pieces:
            counts.add(pc)
        out.append(assemble(question_key(k), measure, counts.subject(None), place, scope, unit, pieces))
    return out
