"""Server-side rendering helpers: article highlights from offsets, and SVG charts.

Nothing here builds HTML strings: functions return plain data (text pieces, numbers) that
the Jinja2 templates render with autoescaping, so ingested text is always escaped piece by
piece and never marked safe.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Optional, overload

from kronika.records import Analysis

KINDS = ("place", "time", "actor", "quantity", "event", "statement", "claim")
# Higher wins when spans of two kinds cover exactly the same characters.
_PRIORITY = {"event": 5, "statement": 4.5, "place": 4, "actor": 3, "time": 2, "quantity": 1}

PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"]


@overload
def _fmt_num(v: float) -> str: ...


@overload
def _fmt_num(v: None) -> None: ...


@overload
def _fmt_num(v: Optional[float]) -> Optional[str]: ...


def _fmt_num(v: Optional[float]) -> Optional[str]:
    if v is None:
        return None
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}"


def _quantity_text(q) -> str:
    if q is None:
        return ""
    if q.value is not None:
        s = _fmt_num(q.value)
    elif q.low is not None or q.high is not None:
        s = f"{_fmt_num(q.low) or '?'}–{_fmt_num(q.high) or '?'}"
    else:
        s = "?"
    if q.low is not None and q.high is not None and q.value is not None and (q.low, q.high) != (q.value, q.value):
        s += f" ({_fmt_num(q.low)}–{_fmt_num(q.high)})"
    if q.unit:
        s += f" {q.unit}"
    if q.qualifier and q.qualifier != "exact":
        s += f" [{q.qualifier.replace('_', ' ')}]"
    return s


def _time_text(t) -> Optional[str]:
    if t is None:
        return None
    span = ""
    if t.start_date or t.end_date:
        span = str(t.start_date) if t.start_date == t.end_date else f"{t.start_date} – {t.end_date}"
    bits = [b for b in (t.value, span, t.granularity) if b]
    s = " · ".join(bits) or t.text
    if t.defaulted:
        s += " (publication date)"
    return s


def _place_text(p) -> Optional[str]:
    if p is None:
        return None
    name = p.name or p.text
    where = ", ".join(x for x in (p.admin1 if p.level not in ("admin1", "country") else None, p.country) if x)
    return f"{name} ({where})" if where and where != name else name


def _actor_text(a) -> Optional[str]:
    if a is None:
        return None
    return a.name + (f" [{a.actor_id}]" if a.actor_id and a.actor_id != a.name else "")


def _pairs(rows: Iterable[tuple[str, Any]]) -> list[list[str]]:
    out = []
    for k, v in rows:
        if v is None or v == "" or v == () or v == []:
            continue
        out.append([k, v if isinstance(v, str) else (_fmt_num(v) if isinstance(v, float) else str(v))])
    return out


POINT_LEVELS = {"populated_place"}


def is_region(level: Optional[str], fallback=False) -> bool:
    """Whether a place's point stands for a region (a country, an oblast, a sea, or a name that fell
    back to its region) rather than for a town: the map draws it as a region, never as its capital."""
    return bool(level) and (level not in POINT_LEVELS or fallback in (True, 1, "true"))


def place_details(p) -> dict:
    return {
        "kind": "place",
        "title": p.text,
        "fields": _pairs(
            [
                ("role", p.role),
                ("resolved", "yes" if p.resolved else "no"),
                ("GeoNames name", p.name),
                ("GeoNames id", p.geonameid if p.geonameid is None or p.geonameid > 0 else None),
                ("source id", p.source_id),
                ("point", p.point_source),
                (
                    "point stands for",
                    ("a region" if is_region(p.level, p.fallback) else "a town or village") if p.level else None,
                ),
                ("feature", f"{p.feature_class or ''}.{p.feature_code or ''}" if p.feature_code else None),
                ("level", p.level),
                ("country", p.country),
                ("admin1", p.admin1),
                ("admin2", p.admin2),
                (
                    "coordinates",
                    f"{p.latitude:.4f}, {p.longitude:.4f}"
                    if p.latitude is not None and p.longitude is not None
                    else None,
                ),
                ("population", p.population or None),
                ("ACLED geo precision", p.geo_precision),
                ("UCDP where_prec", p.where_prec),
                ("fallback to region", "yes" if p.fallback else None),
                ("score", p.score if p.score else None),
            ]
        ),
        "geonameid": p.geonameid,
    }


def time_details(t) -> dict:
    return {
        "kind": "time",
        "title": t.text,
        "fields": _pairs(
            [
                ("type", t.type),
                ("TIMEX3 value", t.value),
                ("start", t.start_date),
                ("end", t.end_date),
                ("granularity", t.granularity),
                ("modifier", t.mod),
                ("bound", t.bound),
                ("anchor", t.anchor),
            ]
        ),
    }


def actor_details(a) -> dict:
    return {
        "kind": "actor",
        "title": a.text,
        "fields": _pairs(
            [
                ("name", a.name),
                ("actor code", a.actor_id),
                ("kind", a.kind),
                ("country", a.country_iso3),
                ("ACLED inter", a.inter),
                ("matched via", a.via),
                ("person", a.person),
                ("title", a.title),
                ("source only", "yes" if a.is_source_only else None),
            ]
        ),
    }


def quantity_details(q) -> dict:
    return {
        "kind": "quantity",
        "title": q.text,
        "fields": _pairs(
            [
                ("value", q.value),
                ("low", q.low),
                ("high", q.high),
                ("qualifier", q.qualifier),
                ("qualifier text", q.qualifier_text),
                ("unit", q.unit),
                ("vague", "yes" if q.vague else None),
            ]
        ),
    }


def claim_details(c) -> dict:
    parts = "; ".join(f"{p.measure} {_quantity_text(p.quantity)}" for p in c.parts)
    return {
        "kind": "claim",
        "title": f"{c.measure}: {_quantity_text(c.quantity)}",
        "fields": _pairs(
            [
                ("measure", c.measure),
                ("figure", _quantity_text(c.quantity)),
                ("subject", _actor_text(c.subject) or c.subject_text),
                ("claimant", _actor_text(c.claimant) or c.claimant_text),
                ("claimant kind", c.claimant_kind),
                ("cue", c.cue.text if c.cue else None),
                ("modality", c.modality),
                ("time", _time_text(c.time)),
                ("place", _place_text(c.place)),
                ("parts", parts or None),
                ("parts sum", c.parts_sum),
                ("parts check", c.parts_check),
                ("headline", "yes" if c.headline else None),
                ("sentence", c.sentence),
            ]
        ),
    }


def statement_details(s) -> dict:
    source = _actor_text(s.source_actor) or s.source_name or "(no source named)"
    reporter = (_actor_text(s.reported_by_actor) or s.reported_by.text) if s.reported_by else None
    return {
        "kind": "statement",
        "title": f"{source} {s.stance.replace('_', ' ')}",
        "fields": _pairs(
            [
                ("source", source),
                ("source phrase", s.source.text if s.source else None),
                ("stance", s.stance),
                ("kind", s.kind),
                ("cue", s.cue.text),
                ("says", s.content.text),
                ("reported by", reporter),
                ("time", _time_text(s.time)),
                ("claims", len(s.claims) or None),
                ("sentence", s.sentence),
            ]
        ),
    }


def event_details(e) -> dict:
    return {
        "kind": "event",
        "title": f"{e.event_type} / {e.sub_event_type}",
        "fields": _pairs(
            [
                ("event type", e.event_type),
                ("sub-event type", e.sub_event_type),
                ("kind", e.kind),
                ("disorder type", e.disorder_type),
                ("status", e.status),
                ("trigger", e.trigger.text),
                ("actor 1", _actor_text(e.actor1)),
                ("associated with actor 1", _actor_text(e.assoc_actor1)),
                ("actor 2", _actor_text(e.actor2)),
                ("place", _place_text(e.place)),
                ("time", _time_text(e.time)),
                ("fatalities", e.fatalities),
                ("supporting claims", len(e.claims) or None),
                ("confidence", e.confidence),
                ("sentence", e.sentence),
            ]
        ),
    }


@dataclass
class Piece:
    text: str
    kind: Optional[str] = None  # the innermost span's kind, for its colour
    ids: str = ""  # space-separated item ids covering this piece
    in_claim: bool = False


@dataclass
class Block:
    sentence: Optional[int]  # None for text between sentences
    pieces: list[Piece] = field(default_factory=list)


@dataclass
class Highlighted:
    blocks: list[Block]
    items: dict[str, dict]  # id -> details (JSON for the page)
    counts: dict[str, int]


def highlight(analysis: Analysis) -> Highlighted:
    """Cut the document text at every span and sentence boundary; label each piece.

    Pieces carry raw text; the template escapes each one. A piece inside several spans gets
    the kind of the shortest one (the most specific) and the ids of all of them, so a click
    shows every item that covers it.
    """
    spans, items, counts = _spans(analysis)
    blocks = _blocks(analysis.document.text, spans, sorted(analysis.sentences, key=lambda s: s.start))
    return Highlighted(blocks=blocks, items=items, counts=counts)


Span = tuple[int, int, str, str]  # start, end, kind, id


def _spans(analysis: Analysis) -> tuple[list[Span], dict[str, dict], dict[str, int]]:
    """Every item's span in the text (clipped to it), its details by id, and how many of each kind."""
    text = analysis.document.text
    n = len(text)
    spans: list[Span] = []
    items: dict[str, dict] = {}
    counts = {k: 0 for k in KINDS}
    found = [
        *(("place", i, p.start, p.end, place_details(p)) for i, p in enumerate(analysis.places)),
        *(("time", i, t.start, t.end, time_details(t)) for i, t in enumerate(analysis.times)),
        *(("actor", i, a.start, a.end, actor_details(a)) for i, a in enumerate(analysis.actors)),
        *(("quantity", i, q.start, q.end, quantity_details(q)) for i, q in enumerate(analysis.quantities)),
        *(("event", i, e.trigger.start, e.trigger.end, event_details(e)) for i, e in enumerate(analysis.events)),
        *(
            ("statement", i, st.cue.start, st.cue.end, statement_details(st))
            for i, st in enumerate(analysis.statements)
        ),
        *(("claim", i, c.start, c.end, claim_details(c)) for i, c in enumerate(analysis.claims)),
    ]
    for kind, idx, start, end, details in found:
        start, end = max(0, start), min(n, end)
        if end <= start:
            continue
        iid = f"{kind[0]}{idx}" if kind != "claim" else f"c{idx}"
        details["span"] = text[start:end]
        items[iid] = details
        spans.append((start, end, kind, iid))
        counts[kind] += 1
    return spans, items, counts


def _blocks(text: str, spans: list[Span], sentences: list) -> list[Block]:
    """The text as blocks (a sentence, or the text between sentences) of labelled pieces."""
    n = len(text)
    cuts = {0, n}
    for s, e, _, _ in spans:
        cuts.update((s, e))
    for s in sentences:
        cuts.update((max(0, min(n, s.start)), max(0, min(n, s.end))))
    opens: dict[int, list] = {}
    closes: dict[int, list] = {}
    for sp in spans:
        opens.setdefault(sp[0], []).append(sp)
        closes.setdefault(sp[1], []).append(sp)
    sent_at: dict[int, Any] = {}
    for s in sentences:
        sent_at.setdefault(s.start, s)
    active: dict[str, Span] = {}
    blocks: list[Block] = []
    current: Optional[Block] = None
    sent_end = -1
    ordered = sorted(cuts)
    for a, b in zip(ordered, ordered[1:]):
        for sp in closes.get(a, ()):
            active.pop(sp[3], None)
        for sp in opens.get(a, ()):
            active[sp[3]] = sp
        if a >= sent_end and a in sent_at:
            s = sent_at[a]
            current, sent_end = Block(sentence=s.index), s.end
            blocks.append(current)
        elif a >= sent_end and (current is None or current.sentence is not None):
            current = Block(sentence=None)
            blocks.append(current)
        assert current is not None  # the first cut (0) always opens a block: sent_end starts at -1
        current.pieces.append(_piece(text[a:b], active))
    return blocks


def _piece(text: str, active: dict[str, Span]) -> Piece:
    """A piece of text inside the ``active`` spans: the kind of the shortest (claims only shade)."""
    if not active:
        return Piece(text)
    in_claim = any(sp[2] == "claim" for sp in active.values())
    inner = [sp for sp in active.values() if sp[2] != "claim"]
    kind = min(inner, key=lambda sp: (sp[1] - sp[0], -_PRIORITY.get(sp[2], 0)))[2] if inner else None
    ids = " ".join(sorted(active, key=lambda i: active[i][1] - active[i][0]))
    return Piece(text, kind, ids, in_claim)


# --- charts ---------------------------------------------------------------------------


def _as_date(v) -> Optional[dt.date]:
    if v is None:
        return None
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    try:
        return dt.date.fromisoformat(str(v)[:10])
    except ValueError:
        return None


def _nice_ticks(lo: float, hi: float, n: int = 5) -> list[float]:
    if hi <= lo:
        hi = lo + 1
    raw = (hi - lo) / n
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    start = math.floor(lo / step) * step
    ticks: list[float] = []
    v = start
    while not ticks or ticks[-1] < hi - step * 1e-9:  # the last tick is at or above ``hi``
        ticks.append(round(v, 10))
        v += step
    return ticks


def _month_ticks(d0: dt.date, d1: dt.date, max_ticks: int = 8) -> list[dt.date]:
    months = []
    y, m = d0.year, d0.month
    while (y, m) <= (d1.year, d1.month):
        months.append(dt.date(y, m, 1))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    if not months:
        return []
    step = max(1, math.ceil(len(months) / max_ticks))
    return [d for d in months[::step] if d0 <= d <= d1] or [d0]


def _date_ticks(d0: dt.date, d1: dt.date, max_ticks: int = 8) -> list[tuple[dt.date, str]]:
    """Month ticks, or day ticks for a span shorter than about two months."""
    if (d1 - d0).days <= 62:
        step = max(1, math.ceil((d1 - d0).days / max_ticks))
        return [
            (d0 + dt.timedelta(days=i), (d0 + dt.timedelta(days=i)).strftime("%d %b %Y").lstrip("0"))
            for i in range(0, (d1 - d0).days + 1, step)
        ]
    return [(d, d.strftime("%b %Y")) for d in _month_ticks(d0, d1, max_ticks)]


@dataclass
class Chart:
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    y_ticks: list[tuple[float, str]]
    x_ticks: list[tuple[float, str]]
    band: Optional[dict]  # y of low/best/high
    points: list[dict]
    legend: list[tuple[str, str]]
    undated: int = 0


def series_chart(series: dict, *, width: int = 760, height: int = 240) -> Chart:
    """Coordinates for a chart of one claim series: figures over time, by claimant."""
    left, right, top, bottom = 64, width - 16, 16, height - 36
    pts, undated = _dated_points(series)
    y_ticks_v = _y_ticks(pts, series)
    y_top = y_ticks_v[-1] or 1.0

    def y(v: float) -> float:
        return round(bottom - (bottom - top) * (float(v) / y_top), 1)

    dates = [d for d, *_ in pts]
    d0, d1 = _padded_dates(dates)
    span = max(1, (d1 - d0).days)

    def x(d: dt.date) -> float:
        return round(left + (right - left) * ((d - d0).days / span), 1)

    claimants: dict[str, str] = {}
    points = [_chart_point(d, v, lo, hi, p, x, y, claimants) for d, v, lo, hi, p in pts]
    return Chart(
        width=width,
        height=height,
        left=left,
        right=right,
        top=top,
        bottom=bottom,
        y_ticks=[(y(v), _fmt_num(v)) for v in y_ticks_v],
        x_ticks=[(x(d), label) for d, label in _date_ticks(d0, d1, 6)] if dates else [],  # no invented axis
        band=_band(series, y),
        points=points,
        legend=list(claimants.items()),
        undated=undated,
    )


def _dated_points(series: dict) -> tuple[list[tuple], int]:
    """(date, value, low, high, point) of each point with a date and a figure (a range's middle),
    and how many points lack either."""
    pts = []
    undated = 0
    for p in series.get("points") or ():
        d = _as_date(p.get("date"))
        v = p.get("value")
        lo, hi = p.get("low"), p.get("high")
        if v is None and lo is not None and hi is not None:
            v = (lo + hi) / 2
        if v is None:
            v = lo if lo is not None else hi
        if d is None or v is None:
            undated += 1
            continue
        pts.append((d, float(v), lo, hi, p))
    return pts, undated


def _y_ticks(pts: list[tuple], series: dict) -> list[float]:
    """Ticks of a y axis from 0 that reaches every figure, range end and the series' low/best/high."""
    values = [v for _, v, _, _, _ in pts] + [x for _, _, lo, hi, _ in pts for x in (lo, hi) if x is not None]
    values += [series.get(k) for k in ("low", "best", "high") if series.get(k) is not None]
    y_max = max(values) if values else 1.0
    return _nice_ticks(0, y_max * 1.05 if y_max > 0 else 1)


def _padded_dates(dates: list[dt.date]) -> tuple[dt.date, dt.date]:
    """The first and last date widened by a margin (at least a month in all; today without dates)."""
    d0, d1 = (min(dates), max(dates)) if dates else (dt.date.today(), dt.date.today())
    pad = max(3, (d1 - d0).days // 20, (30 - (d1 - d0).days) // 2 + 1)
    return d0 - dt.timedelta(days=pad), d1 + dt.timedelta(days=pad)


def _chart_point(d: dt.date, v: float, lo, hi, p: dict, x: Callable, y: Callable, claimants: dict[str, str]) -> dict:
    """One point of a chart; a new claimant gets the next colour of the palette in ``claimants``."""
    name = p.get("claimant") or "author / unattributed"
    color = claimants.setdefault(name, PALETTE[len(claimants) % len(PALETTE)])
    credible = p.get("credible", p.get("modality") in (None, "asserted", "estimated"))
    return {
        "x": x(d),
        "y": y(v),
        "y_low": y(lo) if lo is not None else None,
        "y_high": y(hi) if hi is not None else None,
        "color": color,
        "hollow": not credible,
        "claimant": name,
        "date": d.isoformat(),
        "value": _fmt_num(v),
        "modality": p.get("modality") or "asserted",
        "flags": list(p.get("flags") or ()),
        "doc_id": p.get("doc_id"),
        "sentence": p.get("sentence"),
        "text": p.get("text") or "",
        "source": p.get("source"),
    }


def _band(series: dict, y: Callable[[float], float]) -> Optional[dict]:
    """The series' low–high band and best line, or None when it has none of them."""
    if series.get("low") is None and series.get("high") is None and series.get("best") is None:
        return None
    lo, best, hi = series.get("low"), series.get("best"), series.get("high")
    return {
        "y_low": y(lo if lo is not None else (best or 0)),
        "y_high": y(hi if hi is not None else (best or 0)),
        "y_best": y(best) if best is not None else None,
        "low": _fmt_num(lo),
        "best": _fmt_num(best),
        "high": _fmt_num(hi),
    }


@dataclass
class Timeline:
    width: int
    height: int
    left: int
    right: int
    rows: list[tuple[str, float]]
    x_ticks: list[tuple[float, str]]
    dots: list[dict]


def timeline(rows: list[dict], *, width: int = 960, row_height: int = 26) -> Optional[Timeline]:
    """A dot per event on a date axis, one row per event type; each dot links to its event."""
    dated = []
    for r in rows:
        d0 = _as_date(r.get("date_start")) or _as_date(r.get("published"))
        if d0 is None:
            continue
        d1 = _as_date(r.get("date_end")) or d0
        dated.append((d0, max(d0, d1), r))
    if not dated:
        return None
    types = sorted({r.get("event_type") or "?" for _, _, r in dated})
    left, right = 190, width - 20
    height = 30 + row_height * len(types)
    lo = min(d for d, _, _ in dated)
    hi = max(d for _, d, _ in dated)
    pad = max(3, (hi - lo).days // 20, (30 - (hi - lo).days) // 2 + 1)
    lo, hi = lo - dt.timedelta(days=pad), hi + dt.timedelta(days=pad)
    span = max(1, (hi - lo).days)

    def x(d: dt.date) -> float:
        return round(left + (right - left) * ((d - lo).days / span), 1)

    row_y = {t: 14 + row_height * i for i, t in enumerate(types)}
    dots = []
    for d0, d1, r in dated:
        t = r.get("event_type") or "?"
        dots.append(
            {
                "x": x(d0),
                "x2": x(d1),
                "y": row_y[t],
                "doc_id": r["doc_id"],
                "id": r["id"],
                "label": f"{d0}{' – ' + str(d1) if d1 != d0 else ''}: {r.get('sub_event_type') or t}"
                f"{' · ' + r['place'] if r.get('place') else ''}",
                "color": PALETTE[types.index(t) % len(PALETTE)],
            }
        )
    return Timeline(
        width=width,
        height=height,
        left=left,
        right=right,
        rows=[(t, row_y[t]) for t in types],
        x_ticks=[(x(d), label) for d, label in _date_ticks(lo, hi, 10)],
        dots=dots,
    )
