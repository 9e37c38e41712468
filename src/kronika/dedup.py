"""Event deduplication: reports of one real event in many documents become one event.

Two event reports are the same event when all of these hold:

- **type**: the same ACLED event type, and the same sub-event type (or the same kind);
- **time**: their intervals overlap once each is widened by a tolerance that follows its
  precision (a day ±1, a week ±3, a date defaulted to publication ±7 days);
- **place**: the same GeoNames entry, one contained in the other (a town in its region or
  district; a country is too coarse to vouch for a town), or within 25 km (50 km when
  either is only "near" a town); a report with no resolved place is never merged;
- **actors**: actor1 and actor2 do not contradict (equal, or one side unknown);
- one publisher's day-precise reports on different days are different events (a daily
  strike report does not restate yesterday's strike under a new date);
- an event is never merged with another from the same document (an article reports each
  event once; repeated mentions are kept apart rather than risk merging distinct events),
  and a report joins a group only if it matches every report already in it (complete
  linkage, checked against the group's first and latest 30 reports), so that loose matches
  cannot chain distinct events together (strikes near Mosul on 8, 9 and 10 January).

Reports are swept per event type in date order (then document and event id), each compared
only with the earlier reports of its window: the same country or an unknown one, the same
sub-event type or kind, started at most MAX_SPAN_DAYS before. A report joins at most one group
(see :class:`Sweep`), so the groups after any date depend only on the reports before it: the
chronicle is updated batch by batch from that date on, and a rebuild from the same stored
reports always gives the same events and ids.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from typing import Iterable, Optional

from kronika.records import Actor, ChronicleEvent, Event, EventReport, Place

GRANULARITY_RANK = {"time": 0, "day": 1, "week": 2, "month": 3, "season": 4, "quarter": 4, "half": 5, "year": 6}
TOLERANCE_DAYS = {"time": 1, "day": 1, "week": 3}
DEFAULTED_TOLERANCE_DAYS = 2  # an undated report: the event happened at most a couple of days before
NEAR_KM = 25.0
VAGUE_KM = 50.0
MAX_SPAN_DAYS = 62
COMPLETE_LINK = 30  # sweep window: reports further apart than this in start date never merge


@dataclass(frozen=True)
class Report:
    """An event as reported in one document, with the document's metadata."""

    event: Event
    doc_id: str
    source: Optional[str]
    title: Optional[str]
    url: Optional[str]
    published: Optional[dt.date]

    @property
    def key(self) -> tuple[str, str]:
        return (self.doc_id, self.event.id)

    def interval(self) -> tuple[Optional[dt.date], Optional[dt.date], int]:
        """(start, end, tolerance in days); computed once per report (compared many times)."""
        return self._interval

    @cached_property
    def days(self) -> tuple[Optional[int], Optional[int], int]:
        """The interval as day ordinals, with its tolerance (for the cheap time test)."""
        s, e, tol = self._interval
        return (s.toordinal() if s else None, e.toordinal() if e else None, tol)

    @cached_property
    def _interval(self) -> tuple[Optional[dt.date], Optional[dt.date], int]:
        t = self.event.time
        if t is None or t.start_date is None:
            if self.published is None:
                return None, None, 0
            return self.published, self.published, DEFAULTED_TOLERANCE_DAYS
        tol = DEFAULTED_TOLERANCE_DAYS if t.defaulted else TOLERANCE_DAYS.get(t.granularity or "", 0)
        return t.start_date, t.end_date or t.start_date, tol


def haversine_km(a: Place, b: Place) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def _contains(big: Place, small: Place) -> bool:
    if big.country_code is None or big.country_code != small.country_code:
        return False
    if big.level == "admin1":
        return (
            small.level in ("admin2", "populated_place", "other")
            and small.admin1 is not None
            and (small.admin1 == big.admin1 or small.admin1 == big.name)
        )
    if big.level == "admin2":
        return (
            small.level in ("populated_place", "other")
            and small.admin2 is not None
            and (small.admin2 == big.admin2 or small.admin2 == big.name)
        )
    return False


def place_score(a: Optional[Place], b: Optional[Place]) -> tuple[float, str]:
    """(score in [0, 1], reason); score 0 means incompatible, 0.5 unknown."""
    if a is None or b is None or not a.resolved or not b.resolved:
        return 0.5, "place unknown in one report"
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return 1.0, f"same place ({a.name})"
    if _contains(a, b) or _contains(b, a):
        inner, outer = (b, a) if _contains(a, b) else (a, b)
        return 0.8, f"{inner.name} lies in {outer.name}"
    if None not in (a.latitude, a.longitude, b.latitude, b.longitude):
        limit = VAGUE_KM if max(a.geo_precision or 1, b.geo_precision or 1) > 1 else NEAR_KM
        d = haversine_km(a, b)
        if d <= limit:
            return 1.0 - 0.5 * d / limit, f"{a.name} and {b.name} are {d:.0f} km apart"
    return 0.0, ""


def _same_kind(a: Event, b: Event) -> bool:
    """Same sub-event type, or the same kind of event ("capture")."""
    return a.sub_event_type == b.sub_event_type or bool(a.kind and a.kind == b.kind)


def _too_far(a: Report, b: Report) -> bool:
    """Dated reports whose intervals do not meet even widened by the larger tolerance."""
    (s1, e1, t1), (s2, e2, t2) = a.days, b.days
    if s1 is None or s2 is None:
        return False
    tol = max(t1, t2)
    return s1 - tol > e2 or s2 - tol > e1


def time_score(a: Report, b: Report) -> tuple[float, str]:
    s1, e1, t1 = a.interval()
    s2, e2, t2 = b.interval()
    if s1 is None or s2 is None:
        return 0.6, "date unknown in one report"
    if _too_far(a, b):
        return 0.0, ""
    if (s1, e1) == (s2, e2):
        return 1.0, f"same date ({s1}{'' if s1 == e1 else '/' + str(e1)})"
    overlap = (min(e1, e2) - max(s1, s2)).days + 1
    longest = max((e1 - s1).days, (e2 - s2).days) + 1
    return max(0.5, min(1.0, overlap / longest)), f"dates overlap ({s1}/{e1} and {s2}/{e2})"


def _actor_key(a: Optional[Actor]) -> Optional[str]:
    return None if a is None else (a.actor_id or a.name.lower())


def _day_precise(r: Report) -> bool:
    t = r.event.time
    return t is not None and not t.defaulted and t.granularity in ("day", "time")


def actor_score(a: Event, b: Event) -> tuple[float, str]:
    score, reasons = 1.0, []
    for side in ("actor1", "actor2"):
        x, y = _actor_key(getattr(a, side)), _actor_key(getattr(b, side))
        if x and y and x != y:
            return 0.0, ""
        if x and y:
            reasons.append(f"same {side} ({getattr(a, side).name})")
        else:
            score -= 0.15
    return score, "; ".join(reasons) or "actors do not conflict"


def compare(a: Report, b: Report) -> Optional[tuple[float, list[str]]]:
    """(merge score, reasons) if ``a`` and ``b`` report the same event, else None."""
    ea, eb = a.event, b.event
    if ea.event_type != eb.event_type:
        return None
    if not _same_kind(ea, eb):
        return None
    ts, tr = time_score(a, b)
    if ts == 0:
        return None
    ps, pr = place_score(ea.place, eb.place)
    if ps == 0:
        return None
    acs, ar = actor_score(ea, eb)
    if acs == 0:
        return None
    if ps == 0.5 or a.doc_id == b.doc_id:
        return None
    if (
        a.source
        and a.source == b.source
        and _day_precise(a)
        and _day_precise(b)
        and a.event.time.start_date != b.event.time.start_date
    ):
        return None
    reasons = [f"same type ({ea.sub_event_type})", tr, pr, ar]
    return round((ts + ps + acs) / 3, 3), [r for r in reasons if r]


Edge = tuple[float, list[str]]  # a report's link to the group it joined: (score, reasons)


def country(r: Report) -> str:
    p = r.event.place
    return p.country_code if p is not None and p.country_code else "?"


def position(r: Report) -> tuple:
    """Where a report comes in the sweep: by start date (undated first), then document and event."""
    return (r.interval()[0] or dt.date.min, r.doc_id, r.event.id)


class Sweep:
    """The merge of one event type's reports, processed in :func:`position` order.

    Each report joins at most one group: the first, latest member first, among the reports of its
    window (same country or an unknown one, same sub-event type or kind, started at most
    MAX_SPAN_DAYS before it) whose group it matches completely. A group is therefore what its
    members were when each joined, and the state after any position depends only on the reports
    before it: an update can start from the stored groups and replay the reports from the first
    new one on (:mod:`kronika.store.incremental`), with the result of a whole rebuild.
    """

    def __init__(self) -> None:
        self.reports: list[Report] = []
        self.root: list[int] = []  # each report's group: the index of its first member
        self.members: dict[int, list[int]] = {}
        self.docs: dict[int, set[str]] = {}
        self.edge: list[Optional[Edge]] = []
        # label ("s:sub-event type", "k:kind") -> country -> report indices in order; undated apart
        self.dated: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        self.undated: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))

    def seed(self, r: Report, group: Optional[int], edge: Optional[Edge]) -> int:
        """Add a report already grouped (``group``: the index of its group's first member, None
        for its own); returns its index."""
        i = self._new(r)
        if group is not None:
            self._join(i, group, edge)
        self._index(i)
        return i

    def add(self, r: Report) -> int:
        """Add a new report: it joins the first group it matches completely; returns its index."""
        window = self.window(r)
        i = self._new(r)
        tried: set[int] = set()  # each group is tried once, through its latest member in the window
        for j in window:
            g = self.root[j]
            if g in tried:
                continue
            tried.add(g)
            if (
                r.doc_id in self.docs[g]
                or not _same_kind(self.reports[j].event, r.event)
                or _too_far(self.reports[j], r)
            ):
                continue
            found = compare(self.reports[j], r)
            group = self.members[g]
            if found and all(k == j or compare(self.reports[k], r) for k in group[:1] + group[-COMPLETE_LINK:]):
                self._join(i, g, found)
                break
        self._index(i)
        return i

    def _new(self, r: Report) -> int:
        i = len(self.reports)
        self.reports.append(r)
        self.root.append(i)
        self.members[i], self.docs[i] = [i], {r.doc_id}
        self.edge.append(None)
        return i

    def _join(self, i: int, g: int, edge: Optional[Edge]) -> None:
        del self.members[i], self.docs[i]
        self.root[i] = g
        self.members[g].append(i)
        self.docs[g].add(self.reports[i].doc_id)
        self.edge[i] = edge

    @staticmethod
    def _labels(r: Report) -> list[str]:
        e = r.event
        return [f"s:{e.sub_event_type}"] + ([f"k:{e.kind}"] if e.kind else [])

    def _index(self, i: int) -> None:
        table = self.dated if self.reports[i].interval()[0] is not None else self.undated
        for label in self._labels(self.reports[i]):
            table[label][country(self.reports[i])].append(i)

    def window(self, r: Report) -> list[int]:
        """The reports so far that ``r`` may join, latest first."""
        start, mine = r.interval()[0], country(r)
        floor = start - dt.timedelta(days=MAX_SPAN_DAYS) if start is not None else None
        out: set[int] = set()
        for label in self._labels(r):
            for table in (self.dated, self.undated):
                by_country = table.get(label, {})
                for c in by_country if mine == "?" else (mine, "?"):
                    for j in reversed(by_country.get(c, ())):
                        if table is self.dated and (floor is None or self.reports[j].interval()[0] < floor):
                            break
                        out.add(j)
        return sorted(out, reverse=True)

    def groups(self, roots: Optional[Iterable[int]] = None) -> list[ChronicleEvent]:
        """The merged events of every group (or of the groups whose first members are ``roots``), by id."""
        out = []
        for members in self.members.values() if roots is None else (self.members[g] for g in roots):
            reports = [self.reports[k] for k in members]
            edges = [self.edge[k] for k in sorted(members, key=lambda k: self.reports[k].key) if self.edge[k]]
            out.append(_merge(reports, edges))
        return sorted(out, key=lambda e: e.id)

    def edges(self) -> dict[tuple[str, str], Edge]:
        """Each grouped report's link, by (document id, event id)."""
        return {r.key: e for r, e in zip(self.reports, self.edge) if e}


def merge_reports(reports: Iterable[Report]) -> list[ChronicleEvent]:
    """Cluster event reports into chronicle events (deterministic for the same input)."""
    out: list[ChronicleEvent] = []
    for sweep in sweeps(reports).values():
        out += sweep.groups()
    return sorted(out, key=lambda e: e.id)


def sweeps(reports: Iterable[Report]) -> dict[str, Sweep]:
    """One :class:`Sweep` per event type over ``reports`` (merging never crosses types)."""
    by_type: dict[str, list[Report]] = defaultdict(list)
    for r in reports:
        by_type[r.event.event_type].append(r)
    out = {}
    for etype, items in by_type.items():
        sweep = out[etype] = Sweep()
        for r in sorted(items, key=position):
            sweep.add(r)
    return out


def _precision_rank(r: Report) -> tuple:
    t, p = r.event.time, r.event.place
    return (
        r.event.status != "occurred",
        t is None or t.defaulted,
        GRANULARITY_RANK.get(t.granularity if t else "", 9),
        p is None or not p.resolved,
        (p.geo_precision or 3) if p else 9,
        -r.event.confidence,
        r.key,
    )


def _merge(members: list[Report], edges: list[tuple[float, list[str]]]) -> ChronicleEvent:
    members = sorted(members, key=lambda r: r.key)
    best = min(members, key=_precision_rank)
    e = best.event
    actor1 = e.actor1 or next((m.event.actor1 for m in members if m.event.actor1), None)
    actor2 = e.actor2 or next((m.event.actor2 for m in members if m.event.actor2), None)
    assoc1 = e.assoc_actor1 or next((m.event.assoc_actor1 for m in members if m.event.assoc_actor1), None)
    statuses = {m.event.status for m in members}
    if len(statuses) == 1:
        status = statuses.pop()
    elif "occurred" in statuses and statuses & {"denied", "negated"}:
        status = "contested"
    else:
        status = e.status
    if status == "occurred" and any(m.event.disputed for m in members):
        status = "contested"  # one report tells it and a side's denial together
    fatal = [m.event.fatalities for m in members if m.event.status == "occurred" and m.event.fatalities is not None]
    reports = tuple(
        EventReport(
            doc_id=m.doc_id,
            event_id=m.event.id,
            source=m.source,
            title=m.title,
            url=m.url,
            published=m.published,
            sentence=m.event.sentence,
            start=m.event.start,
            end=m.event.end,
            text=m.event.text,
            status=m.event.status,
            disputed=m.event.disputed,
            fatalities=m.event.fatalities,
        )
        for m in members
    )
    sources = {m.source or f"doc:{m.doc_id}" for m in members}
    dates = [m.published for m in members if m.published]
    why = tuple(dict.fromkeys(reason for _, reasons in edges for reason in reasons))
    digest = hashlib.sha1("|".join(f"{d}:{i}" for d, i in (m.key for m in members)).encode()).hexdigest()[:12]
    return ChronicleEvent(
        id=f"ev-{digest}",
        event_type=e.event_type,
        sub_event_type=e.sub_event_type,
        kind=e.kind,
        disorder_type=e.disorder_type,
        status=status,
        actor1=actor1,
        actor2=actor2,
        assoc_actor1=assoc1,
        place=e.place,
        time=e.time,
        fatalities=min(fatal) if fatal else None,
        reports=reports,
        n_sources=len(sources),
        first_reported=min(dates) if dates else None,
        last_reported=max(dates) if dates else None,
        merge_score=round(min(s for s, _ in edges), 3) if edges else 1.0,
        why=why,
    )
