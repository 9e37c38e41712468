"""The chronicle across sources, on the bundled corpus: the example, CENTCOM's daily strike
reports (public domain) and two constructed reports (tests/corpus/constructed/NOTICE)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from sqlalchemy import text

from kronika.chronicle import Chronicle
from kronika.export import ACLED_COLUMNS, UCDP_COLUMNS
from tests.conftest import ROOT, new_db, re3d_documents

CONSTRUCTED = ROOT / "tests" / "corpus" / "constructed"
DAILY = {  # CENTCOM's daily strike releases: the title gives the day of release (2017)
    "January 9": "2017-01-09",
    "January 10": "2017-01-10",
    "January 11": "2017-01-11",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    rows = []
    for d in re3d_documents("centcom"):
        day = next((v for k, v in DAILY.items() if d["title"].startswith(k + ":")), None)
        if day:
            rows.append(
                {"text": d["text"], "title": d["title"], "url": d["sourceUrl"], "source": "CENTCOM", "published": day}
            )
    (folder / "centcom.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", "utf-8")
    return folder


@pytest.fixture(scope="module")
def chronicle(tmp_path_factory, corpus, pipeline):
    ch = Chronicle(new_db(tmp_path_factory.mktemp("db"), "chronicle.db"))
    report = ch.ingest([ROOT / "examples", CONSTRUCTED, corpus], pipeline=pipeline)
    assert report.added == 6 and not report.failed
    return ch


def test_duplicate_reports_of_the_capture_are_merged(chronicle):
    captures = [
        e
        for e in chronicle.chronicle(place="Kursk")
        if e.kind == "capture" and e.time and str(e.time.start_date) == "2025-01-11"
    ]
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
    return [
        s
        for s in chronicle.series(measure=measure, place="Kursk")
        if s.subject and "North Korea" in s.subject and s.time_scope is None
    ]


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
    capture = max(
        (r for r in rows if r["date_start"] == "2025-01-11" and r["adm_1"] == "Kursk Oblast"),
        key=lambda r: int(r["number_of_sources"]),
    )
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
    with chronicle.store.engine.connect() as con:
        n_events, n_reports = con.execute(text("SELECT count(*), sum(n_reports) FROM chronicle_events")).one()
        assert n_reports == con.execute(text("SELECT count(*) FROM chronicle_reports")).scalar()
        assert n_reports == con.execute(text("SELECT count(*) FROM events")).scalar()


# -- the chronicle kept up to date batch by batch ------------------------------------------------


def _snapshot(store) -> tuple:
    """Every merged event, report and series, as stored."""
    from kronika.store import chronicle_events, chronicle_reports, claim_series, series_claimants, series_windows
    from sqlalchemy import select

    def rows(table):
        return sorted(json.dumps(dict(r._mapping), sort_keys=True, default=str) for r in con.execute(select(table)))

    with store.engine.connect() as con:
        events = sorted((r.id, json.dumps(r.data, sort_keys=True)) for r in con.execute(select(chronicle_events)))
        reports = sorted(tuple(map(str, r)) for r in con.execute(select(chronicle_reports)))
        series = sorted((r.key, json.dumps(r.data, sort_keys=True)) for r in con.execute(select(claim_series)))
        by_window = rows(claim_series), rows(series_windows), rows(series_claimants)
    return events, reports, series, by_window


def _series_as_built(store) -> tuple[list, list]:
    """The stored series as the readers assemble them from their windows, and as
    ``build_series`` makes them from every stored claim at once."""
    from kronika.series import build_series
    from kronika.records import Claim

    stored = sorted((s for s in Chronicle(store).series(limit=None)), key=lambda s: s.key)
    built = build_series(
        (Claim.model_validate(d), doc_id, source, published) for d, doc_id, source, published in store.claim_items()
    )
    return [s.model_dump(mode="json") for s in stored], [
        s.model_dump(mode="json") for s in sorted(built, key=lambda s: s.key)
    ]


@pytest.fixture(scope="module")
def many_analyses(pipeline):
    """A few hundred documents: real analyses of the example and the re3d corpus, copied with new
    ids, publishers and dates shifted by a few days (copies of one event overlap and merge)."""
    import datetime as dt

    from kronika.ingest import IngestOptions, read_text
    from kronika.records import Analysis

    texts = [((ROOT / "examples" / "kursk-north-korean-pow-2025-01-20.txt").read_text("utf-8"), dt.date(2025, 1, 20))]
    texts += [(d["text"], dt.date(2017, 1, 10)) for d in re3d_documents("centcom")[:12]]
    real = [pipeline.analyze_document(read_text(t, options=IngestOptions(published=p))) for t, p in texts]
    out = []
    for i in range(300):
        a = real[i % len(real)]
        shift = dt.timedelta(days=(i // len(real)) % 7 + 40 * (i // (len(real) * 7)))
        data = a.model_dump(mode="python")
        data["document"].update(
            id=f"{a.document.id[:8]}{i:08d}", source=f"wire {i % 3}", published=a.document.published + shift
        )
        for kind in ("events", "claims"):
            for item in data[kind]:
                t = item.get("time")
                if t and t.get("start_date"):
                    t["start_date"] += shift
                    t["end_date"] = t["end_date"] + shift if t.get("end_date") else None
        out.append(Analysis.model_validate(data))
    return out


@pytest.mark.parametrize("order,size", [("shuffled", 7), ("newest last", 16), ("newest first", 1)])
def test_batch_updates_equal_a_rebuild(tmp_path, many_analyses, order, size):
    """300 documents stored in batches, in a shuffled order, as a newsroom reads them (newest
    last) or as a backfill going back in time, each batch updating the chronicle it touches: the
    chronicle equals `chronicle rebuild` exactly, and merges happened."""
    import random

    from kronika.store import Store

    store = Store(new_db(tmp_path, "inc.db"))
    docs = sorted(many_analyses, key=lambda a: (a.document.published, a.document.id))
    if order == "shuffled":
        random.Random(7).shuffle(docs)
    elif order == "newest first":
        docs.reverse()
    for i in range(0, len(docs), size):
        store.add_batch(docs[i : i + size])
    incremental = _snapshot(store)
    assert store.count()["documents"] == 300
    n_events, n_series = store.rebuild_chronicle()
    rebuilt = _snapshot(store)
    assert incremental == rebuilt
    assert len(rebuilt[0]) == n_events and len(rebuilt[2]) == n_series
    assert n_events < store.count()["events"] / 2  # copies of one event were merged
    assert max(json.loads(d)["n_sources"] for _, d in rebuilt[0]) >= 3
    stored, built = _series_as_built(store)
    assert stored == built
    flags = {f for s in stored for f in s["flags"]}
    assert {"contradiction", "revision", "inconsistency"} <= flags
    assert any(len(s["windows"]) >= 3 for s in stored)


def test_series_windows_updated_in_old_and_new_months(tmp_path, many_analyses):
    """A batch whose claims land in a month already stored, in a month between two stored ones
    (a claimant's next figure after it may stop or start being a revision) and in a new month:
    only those windows are rewritten, and the series equal a rebuild and ``build_series``."""
    from kronika.series import as_of, window_of
    from kronika.store import Store

    def months(a):
        return {window_of(as_of(c, a.document.published)) for c in a.claims}

    store = Store(new_db(tmp_path, "windows.db"))
    docs = sorted((a for a in many_analyses if a.claims), key=lambda a: (a.document.published, a.document.id))
    eras = sorted({m for a in docs for m in months(a)} - {"undated"})
    assert len(eras) >= 4
    middle = eras[len(eras) // 2]
    late = [a for a in docs if min(months(a)) >= middle]
    early = [a for a in docs if a not in late]
    store.add_batch(early[:-3])
    store.add_batch(late[-3:])  # the newest month: a gap before it
    seen = {m for a in early[:-3] + late[-3:] for m in months(a)}
    last = early[-3:] + late[:-3]  # an old month, the months in the gap
    assert {m for a in last for m in months(a)} & seen and {m for a in last for m in months(a)} - seen
    store.add_batch(last)
    incremental = _snapshot(store)
    store.rebuild_chronicle()
    assert incremental == _snapshot(store)
    stored, built = _series_as_built(store)
    assert stored == built


def test_an_interrupted_batch_leaves_the_chronicle_of_what_was_stored(tmp_path, many_analyses, monkeypatch):
    """A batch that fails while its chronicle update runs is rolled back whole: the documents
    stored before it and the chronicle agree (the chronicle equals a rebuild)."""
    from kronika.store import incremental
    from kronika.store import Store

    store = Store(new_db(tmp_path, "stop.db"))
    store.add_batch(many_analyses[:40])
    before = _snapshot(store)

    def crash(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(incremental, "update", crash)
    with pytest.raises(KeyboardInterrupt):
        store.add_batch(many_analyses[40:60])
    monkeypatch.undo()
    assert store.count()["documents"] == 40
    assert _snapshot(store) == before
    store.rebuild_chronicle()
    assert _snapshot(store) == before


@pytest.mark.parametrize("order,background", [("shuffled", False), ("newest first", False), ("shuffled", True)])
def test_folding_many_batches_at_once_equals_a_rebuild(tmp_path, many_analyses, order, background):
    """An ingest stores its batches at once and folds them into the chronicle every
    ``fold_every`` documents and at the end (kronika.batch.Writer; on Dask, in a thread while
    the analyses go on): in between the stored documents are pending; afterwards the chronicle
    equals a rebuild."""
    import random

    from kronika.batch import IngestReport, Writer
    from kronika.store import Store

    store = Store(new_db(tmp_path, "fold.db"))
    docs = sorted(many_analyses, key=lambda a: (a.document.published, a.document.id))
    if order == "shuffled":
        random.Random(11).shuffle(docs)
    else:
        docs.reverse()
    report = IngestReport()
    writer = Writer(store, report, None, batch_size=7, fold_every=45, wait=3600, background=background)
    seen_pending = set()
    for a in docs:
        writer.add(a)
        seen_pending.add(store.pending())
    writer.close()
    assert max(seen_pending) >= 40 and min(seen_pending) < 10  # folds happened along the way
    assert report.added == 300 and writer.folding is None
    assert store.pending() == 0 and store.count()["documents"] == 300
    folded = _snapshot(store)
    store.rebuild_chronicle()
    assert _snapshot(store) == folded
    assert len(folded[0]) < store.count()["events"] / 2


def test_documents_left_pending_are_folded_by_the_next_ingest(tmp_path, many_analyses):
    """An ingest killed between two folds leaves stored documents out of the chronicle, marked
    pending: the next ingest (even of nothing new) folds them first, and the chronicle equals a
    rebuild; `chronicle rebuild` also clears the marks."""
    from click.testing import CliRunner

    from kronika.batch import ingest
    from kronika.cli import main
    from kronika.store import Store

    db = new_db(tmp_path, "left.db")
    store = Store(db)
    store.add_batch(many_analyses[:50])
    for i in range(50, 120, 10):  # stored, never folded: the ingest was killed
        store.add_batch(many_analyses[i : i + 10], fold=False)
    store.close()
    store = Store(db)
    assert store.pending() == 70
    told = CliRunner().invoke(main, ["chronicle", "--db", str(db), "--limit", "5"])
    assert told.exit_code == 0 and "70 stored documents are not in the chronicle yet" in told.stderr
    report = ingest([], store)
    assert report.added == 0 and store.pending() == 0
    folded = _snapshot(store)
    store.rebuild_chronicle()
    assert _snapshot(store) == folded
    store.add_batch(many_analyses[120:130], fold=False)
    store.rebuild_chronicle()
    assert store.pending() == 0
