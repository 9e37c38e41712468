"""Exports: JSON Lines (everything, with provenance), ACLED-style CSV and GeoJSON.

Each exporter is ``write_<format>(analyses, out) -> int`` (rows written) over an iterable
of :class:`~kronika.records.Analysis`; only events that happened (status "occurred") go to
the CSV and GeoJSON exports, as in ACLED.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from typing import IO, Callable, Iterable

from kronika.records import Analysis, Event

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location",
    "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags",
    "timestamp",
)


def _event_date(e: Event, a: Analysis) -> dt.date | None:
    if e.time and e.time.start_date:
        return e.time.start_date
    return a.document.published


def acled_row(e: Event, a: Analysis) -> dict:
    date = _event_date(e, a)
    p = e.place
    inter1 = e.actor1.inter if e.actor1 else None
    inter2 = e.actor2.inter if e.actor2 else None
    interaction = None  # ACLED: the two inter codes, lower first; a lone actor's code times ten
    if inter1 and inter2:
        interaction = int(f"{min(inter1, inter2)}{max(inter1, inter2)}")
    elif inter1:
        interaction = inter1 * 10
    tags = []
    if e.kind:
        tags.append(e.kind)
    if e.time and e.time.defaulted:
        tags.append("date defaulted to publication")
    return {
        "event_id_cnty": f"{(p.country_iso3 if p and p.country_iso3 else 'XXX')}{a.document.id[:8]}{e.id}",
        "event_date": date.isoformat() if date else "",
        "year": date.year if date else "",
        "time_precision": e.time.acled_time_precision if e.time else 3,
        "disorder_type": e.disorder_type or "",
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "actor1": e.actor1.name if e.actor1 else "",
        "assoc_actor_1": "",
        "inter1": inter1 or "",
        "actor2": e.actor2.name if e.actor2 else "",
        "assoc_actor_2": "",
        "inter2": inter2 or "",
        "interaction": interaction or "",
        "civilian_targeting": "Civilian targeting" if inter2 == 7 else "",
        "iso": "",
        "region": "",
        "country": (p.country or "") if p else "",
        "admin1": (p.admin1 or "") if p else "",
        "admin2": (p.admin2 or "") if p else "",
        "admin3": "",
        "location": (p.name or p.text) if p else "",
        "latitude": p.latitude if p and p.latitude is not None else "",
        "longitude": p.longitude if p and p.longitude is not None else "",
        "geo_precision": (p.geo_precision or "") if p else "",
        "source": a.document.source or "",
        "source_scale": "",
        "notes": e.text,
        "fatalities": e.fatalities or 0,
        "tags": "; ".join(tags),
        "timestamp": "",
    }


def _occurred(a: Analysis) -> Iterable[Event]:
    return (e for e in a.events if e.status == "occurred")


def write_csv(analyses: Iterable[Analysis], out: IO[str]) -> int:
    w = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    w.writeheader()
    n = 0
    for a in analyses:
        for e in _occurred(a):
            w.writerow(acled_row(e, a))
            n += 1
    return n


def write_geojson(analyses: Iterable[Analysis], out: IO[str]) -> int:
    features = []
    for a in analyses:
        for e in _occurred(a):
            p = e.place
            if not p or p.latitude is None or p.longitude is None:
                continue
            props = acled_row(e, a)
            props.update({"document_id": a.document.id, "url": a.document.url, "title": a.document.title,
                          "sentence": e.sentence, "kind": e.kind})
            features.append({
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [p.longitude, p.latitude]},
                "properties": props,
            })
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False, indent=1)
    out.write("\n")
    return len(features)


def write_jsonl(analyses: Iterable[Analysis], out: IO[str]) -> int:
    n = 0
    for a in analyses:
        out.write(a.model_dump_json() + "\n")
        n += 1
    return n


EXPORTERS: dict[str, Callable[[Iterable[Analysis], IO[str]], int]] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "acled": write_csv,
    "geojson": write_geojson,
}
