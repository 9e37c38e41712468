"""The chronicle across sources, on the bundled corpus: the example, CENTCOM's daily strike
reports (public domain) and two constructed reports (tests/corpus/constructed/NOTICE)."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest

from kronika.chronicle import Chronicle
from kronika.export import ACLED_COLUMNS, UCDP_COLUMNS
from tests.conftest import ROOT, re3d_documents

CONSTRUCTED = ROOT / "tests" / "corpus" / "constructed"
DAILY = {  # CENTCOM's daily strike releases: the title gives the day of release (2017)
    "January 9": "2017-01-09", "January 10": "2017-01-10", "January 11": "2017-01-11",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    rows = []
    for d in re3d_documents("centcom"):
        day = next((v for k, v in DAILY.items() if d["title"].startswith(k + ":")), None)
        if day:
            rows.append({"text": d["text"], "title": d["title"], "url": d["sourceUrl"], "source": "CENTCOM",
                         "published": day})
    (folder / "centcom.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", "utf-8")
    return folder


@pytest.fixture(scope="module")
def chronicle(tmp_path_factory, corpus, pipeline):
    db = tmp_path_factory.mktemp("db") / "chronicle.db"
    ch = Chronicle(db)
    report = ch.ingest([ROOT / "examples", CONSTRUCTED, corpus], pipeline=pipeline)
    assert report.added == 6 and not report.failed
    return ch


def test_duplicate_reports_of_the_capture_are_merged(chronicle):
    captures = [e for e in chronicle.chronicle(place="Kursk") if e.kind == "capture" and e.time
                and str(e.time.start_date) == "2025-01-11"]
    assert len(captures) == 1
    event = captures[0]
    assert event.n_sources == 2
    assert {r.source for r in event.reports} == {"Euromaidan Press", "Test Wire (constructed)"}
    assert event.actor1.name.startswith("Military Forces of Ukraine")
    assert event.actor2.name.startswith("Military Forces of North Korea")
    assert any("same date" in w for w in event.why) and event.merge_score > 0.7
    assert event.first_reported.isoformat() == "2025-01-12"  # the constructed wire's report, the earlier


def test_daily_strikes_near_one_town_stay_apart(chronicle):
    mosul = [e for e in chronicle.chronicle(place="Mosul") if e.sub_event_type == "Air/drone strike"]
    days = sorted(str(e.time.start_date) for e in mosul)
    assert days == ["2017-01-08", "2017-01-09", "2017-01-10"]
    assert all(e.n_sources == 1 and len(e.reports) == 1 for e in mosul)


def test_rebuild_gives_identical_output(chronicle):
    before = [e.model_dump() for e in chronicle.chronicle()], [s.model_dump() for s in chronicle.series()]
    chronicle.rebuild()
    after = [e.model_dump() for e in chronicle.chronicle()], [s.model_dump() for s in chronicle.series()]
    assert before == after


def test_reingest_changes_nothing(chronicle, corpus, pipeline):
    before = chronicle.store.count()
    events = [e.model_dump() for e in chronicle.chronicle()]
    report = chronicle.ingest([ROOT / "examples", CONSTRUCTED, corpus], pipeline=pipeline)
    assert report.added == 0 and report.skipped == 6
    assert chronicle.store.count() == before
    assert [e.model_dump() for e in chronicle.chronicle()] == events


def _series(chronicle, measure):
    return [s for s in chronicle.series(measure=measure, place="Kursk")
            if s.subject and "North Korea" in s.subject and s.time_scope is None]


def test_casualty_series_low_best_high_inconsistency_and_revision(chronicle):
    [series] = _series(chronicle, "casualties")
    values = {p.value for p in series.points if p.credible}
    assert {3800, 4000} <= values
    assert "inconsistency" in series.flags
    assert "revision" in series.flags
    three_thousand_eight_hundred = next(p for p in series.points if p.value == 3800)
    assert any("parts add up to 3,000" in f for f in three_thousand_eight_hundred.flags)
    revised = next(p for p in series.points if p.value == 4000)
    assert any(f.startswith("revision") for f in revised.flags)
    forecast = [p for p in series.points if p.modality == "forecast"]
    assert forecast and not any(p.credible for p in forecast)  # ISW's 12,000 "may be lost" never counts
    jan = next(w for w in series.windows if w.window == "2025-01")
    assert jan.high < 12000 and jan.best == 3800
    assert series.best == 4000 and series.low <= series.best <= series.high


def test_troop_series_flags_the_denial_as_contradiction(chronicle):
    [series] = _series(chronicle, "troops")
    assert "contradiction" in series.flags
    denial = next(p for p in series.points if p.modality == "denied")
    assert not denial.credible and any(f.startswith("contradiction") for f in denial.flags)
    assert series.low == 10000 and series.high == 12000


def test_acled_export_reads_back(chronicle):
    out = io.StringIO()
    n = chronicle.export("acled", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert n == len(rows) > 0 and tuple(rows[0]) == ACLED_COLUMNS
    capture = next(r for r in rows if r["event_date"] == "2025-01-11" and "capture" in r["tags"])
    assert capture["country"] == "Russia" and capture["iso"] == "643" and capture["region"] == "Europe"
    assert capture["actor1"].startswith("Military Forces of Ukraine") and capture["inter1"] == "1"
    assert capture["interaction"] == "11" and capture["time_precision"] == "1"
    assert "Euromaidan Press" in capture["source"] and "Test Wire (constructed)" in capture["source"]
    mosul = [r for r in rows if r["location"] == "Mosul"]
    assert mosul and all(r["iso"] == "368" and r["region"] == "Middle East" for r in mosul)
    assert all(r["fatalities"].isdigit() for r in rows)


def test_ucdp_export_reads_back(chronicle):
    out = io.StringIO()
    chronicle.export("ucdp", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == UCDP_COLUMNS
    capture = max((r for r in rows if r["date_start"] == "2025-01-11" and r["adm_1"] == "Kursk Oblast"),
                  key=lambda r: int(r["number_of_sources"]))
    assert capture["number_of_sources"] == "2" and capture["date_prec"] == "1"
    assert capture["side_a"].startswith("Military Forces of Ukraine")


def test_geojson_jsonl_and_parquet(chronicle, tmp_path):
    gj = io.StringIO()
    chronicle.export("geojson", gj)
    features = json.loads(gj.getvalue())["features"]
    assert features and all(len(f["geometry"]["coordinates"]) == 2 for f in features)
    assert any(len(f["properties"]["reports"]) == 2 for f in features)
    jl = io.StringIO()
    chronicle.export("jsonl", jl)
    kinds = [json.loads(line)["record"] for line in jl.getvalue().splitlines()]
    assert kinds.count("document") == 6 and "event" in kinds and "series" in kinds
    import pyarrow.parquet as pq

    n = chronicle.export("parquet", tmp_path / "events.parquet")
    table = pq.read_table(tmp_path / "events.parquet")
    assert table.num_rows == n and table.column_names == list(ACLED_COLUMNS)


def test_geojson_says_which_points_stand_for_regions(chronicle):
    gj = io.StringIO()
    chronicle.export("geojson", gj)
    props = [f["properties"] for f in json.loads(gj.getvalue())["features"]]
    levels = {(p["place_level"], p["place_precision"]) for p in props}
    # an oblast's or a country's point is exported as a region, a town's or a village's as a point
    assert all(prec == ("point" if lvl == "populated_place" else "region") for lvl, prec in levels if lvl)
    assert {"region", "point"} <= {prec for _, prec in levels}
    assert all(p["point_source"] for p in props)


def test_store_keeps_chronicle_tables(chronicle):
    con = sqlite3.connect(chronicle.store.url.removeprefix("sqlite:///"))
    n_events, n_reports = con.execute("SELECT count(*), sum(n_reports) FROM chronicle_events").fetchone()
    assert n_reports == con.execute("SELECT count(*) FROM chronicle_reports").fetchone()[0]
    assert n_reports == con.execute("SELECT count(*) FROM events").fetchone()[0]
