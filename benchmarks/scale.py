"""Scale-out (#15): Dask throughput, the incremental chronicle's cost as the store grows, and the
read calls over a large store, on SQLite and PostgreSQL. Nothing here is a test.

    PYTHONPATH=src .venv/bin/python benchmarks/scale.py throughput [--docs 90]
    PYTHONPATH=src .venv/bin/python benchmarks/scale.py incremental [--sizes 1000,10000,100000] [--db URL]
    PYTHONPATH=src .venv/bin/python benchmarks/scale.py fill --db DB --size N [--spread]
    PYTHONPATH=src .venv/bin/python benchmarks/scale.py compare --db SMALL --db LARGE [--rounds 3]
    PYTHONPATH=src .venv/bin/python benchmarks/scale.py explain --db DB_OR_URL
    PYTHONPATH=src .venv/bin/python benchmarks/scale.py reads --db DB_OR_URL

`throughput` analyses the bundled public-domain texts (re3d, the example) with the real pipeline
on a LocalCluster of 1 and then 2 workers, in one run, and prints documents/s, their ratio, this
process's CPU per document (storing, folding into the chronicle), the workers' CPU and busy
share, the bound this process's CPU leaves on the ratio, and each worker's peak memory.
`incremental` fills a store with synthetic copies of real analyses (new ids, dates moved: see
synthetic_range), then times storing 100 new documents in batches of 16 with the chronicle
update, per document, at each size. `fill` fills a store to a size (copy it to keep it);
`compare` times the same update on stores filled before, in turn, a few rounds (the best of
each). `explain` prints the query plans of the update. `reads` times `kronika chronicle`,
`kronika series` and the web API's chronicle, events and series calls on a store.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))


def texts() -> list[tuple[str, dt.date]]:
    out = [((ROOT / "examples" / "kursk-north-korean-pow-2025-01-20.txt").read_text("utf-8"), dt.date(2025, 1, 20))]
    for coll in ("centcom", "us-state-department"):
        for line in (ROOT / "tests" / "corpus" / "re3d-public-domain" / coll / "documents.json").open(encoding="utf-8"):
            if line.strip():
                out.append((json.loads(line)["text"], dt.date(2017, 1, 10)))
    return out


def documents(n: int):
    """``n`` documents of real text (the corpus repeated, each copy a distinct text)."""
    from kronika.ingest import IngestOptions, read_text

    base = texts()
    return [
        read_text(
            base[i % len(base)][0] + (f"\n\n(Copy {i // len(base)}.)" if i >= len(base) else ""),
            options=IngestOptions(published=base[i % len(base)][1]),
        )
        for i in range(n)
    ]


def throughput(args) -> None:
    import os
    import resource

    from kronika.batch import IngestReport, Writer
    from kronika.cluster import dask_client, run_on_client
    from kronika.store import Store

    docs = documents(args.docs)
    rates: dict[int, float] = {}
    cpus: dict[int, tuple[float, float]] = {}  # CPU seconds per document: the workers', this process's
    for n in (1, 2):
        with tempfile.TemporaryDirectory() as tmp, dask_client(f"local:{n}", None) as client:
            store = Store(Path(tmp) / "t.db")
            report = IngestReport()
            writer = Writer(store, report, None, batch_size=args.batch, fold_every=args.fold_every, background=True)
            store.add_batch, store.fold_pending = (
                _timed("storing", store.add_batch),
                _timed("folding", store.fold_pending),
            )
            client.run(lambda: __import__("kronika.worker").worker.analyze_partition(docs[:1], None))  # warm
            spent.clear()
            busy = client.run(time.process_time)
            t0, c0 = time.perf_counter(), time.process_time()
            run_on_client(client, docs, None, None, writer, lambda *a: report.failed.append(a), args.partition)
            writer.close()
            s, cpu = time.perf_counter() - t0, time.process_time() - c0
            busy = {w: t - busy[w] for w, t in client.run(time.process_time).items()}
            peaks = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
            rates[n] = report.added / s
            cpus[n] = (sum(busy.values()) / report.added, cpu / report.added)
            print(
                f"{n} worker(s): {report.added} documents in {s:.1f} s = {rates[n]:.2f} documents/s; "
                f"this process: {cpu / report.added * 1000:.1f} ms CPU per document, "
                f"{spent.get('storing', 0) / report.added * 1000:.1f} ms storing (with the folds due), "
                f"{spent.get('folding', 0) / report.added * 1000:.1f} ms folding into the chronicle (a thread beside the storing); "
                f"workers: {cpus[n][0] * 1000:.1f} ms CPU per document, busy "
                f"{', '.join(f'{b / s:.0%}' for b in busy.values())} of the time; "
                f"peak memory per worker {', '.join(f'{v:.0f} MB' for v in peaks.values())}; failed {len(report.failed)}",
                flush=True,
            )
    print(
        f"ratio 2/1 workers: {rates[2] / rates[1]:.2f}x  (cores: {os.cpu_count()}, "
        f"load average {', '.join(f'{x:.1f}' for x in os.getloadavg())})"
    )
    work, mine = cpus[2]
    print(
        f"the bound this process's CPU leaves on {os.cpu_count()} idle cores: 2 workers at most "
        f"{2 * work / (work + mine):.2f}x one (2 × {work * 1000:.1f} / ({work * 1000:.1f} + {mine * 1000:.1f}) ms per "
        "document, if one worker runs at its own pace beside this process)"
    )


BASE = dt.date(2030, 1, 1)  # where the aligned stream's first era lies


def anchor(a) -> dt.date:
    """The day a text is about: the median start of its dated events (else its publication)."""
    days = sorted(e.time.start_date for e in a.events if e.time is not None and e.time.start_date is not None)
    return days[len(days) // 2] if days else a.document.published


def synthetic_range(analyses, start: int, stop: int, *, aligned: bool = True):
    """Documents ``start`` .. ``stop`` of a synthetic stream (document i is a function of i): the
    real analyses copied with new ids, 5 copies of each over 5 days, then a new era 30 days later.
    ``aligned`` (the default): each text is moved so that the day it is about falls on its era's
    day, so every era holds every text and the density of reports around the newest ones is the
    same at 10^3 and at 10^5 documents, as in a newsroom's stream. Not aligned (``--spread``, the
    stream of benchmarks/chronicle.py): the texts keep their own dates (2012-2025), so a window
    sees copies of more texts as the eras pass over that spread (~37,000 documents)."""
    n = len(analyses)
    anchors = [anchor(a) for a in analyses]
    for i in range(start, stop):
        a = analyses[i % n]
        delta = dt.timedelta(days=(i // n) % 5 + 30 * (i // (n * 5)))
        if aligned:
            delta += BASE - anchors[i % n]
        data = a.model_dump(mode="python")
        doc = data["document"]
        doc["id"] = f"{a.document.id[:8]}{i:08d}"
        doc["published"] = doc["published"] + delta if doc["published"] else None
        doc["source"] = f"{doc.get('source') or 'wire'} {i % 2}"
        for kind in ("events", "claims"):
            for item in data[kind]:
                t = item.get("time")
                if t and t.get("start_date"):
                    t["start_date"] += delta
                    t["end_date"] = t["end_date"] + delta if t.get("end_date") else None
        yield type(a).model_validate(data)


def fill(store, analyses, start: int, n: int, *, chronicle: bool, aligned: bool = True) -> float:
    """Store synthetic documents ``start`` .. ``start + n``; seconds spent storing them."""
    spent = 0.0
    size = 16 if chronicle else 500
    docs = synthetic_range(analyses, start, start + n, aligned=aligned)
    while batch := [a for _, a in zip(range(size), docs)]:
        t0 = time.perf_counter()
        store.add_batch(batch, chronicle=chronicle)
        spent += time.perf_counter() - t0
    return spent


spent: dict[str, float] = {}


def _timed(name: str, f):
    def wrapper(*args, **kwargs):
        t0 = time.perf_counter()
        try:
            return f(*args, **kwargs)
        finally:
            spent[name] = spent.get(name, 0.0) + time.perf_counter() - t0

    return wrapper


def _count_replayed() -> None:
    """Count the stored reports the merges replay (in ``spent["rows"]``): the density of reports
    around the new ones, which their cost follows."""
    from kronika.store import incremental as inc

    window_rows = inc._window_rows

    def counted(*args):
        rows = window_rows(*args)
        spent["rows"] = spent.get("rows", 0) + len(rows)
        return rows

    inc._window_rows = counted


def incremental(args) -> None:
    from chronicle import real_analyses

    from kronika.store import incremental as inc
    from kronika.store import Store

    inc.update_events = _timed("update_events", inc.update_events)
    _count_replayed()
    inc.update_series = _timed("series", inc.update_series)

    analyses = real_analyses()
    tmp = tempfile.mkdtemp()
    t0 = time.perf_counter()
    store = Store(args.db or str(Path(tmp) / "inc.db"))
    print(f"  opened (and migrated, if older) in {time.perf_counter() - t0:.1f} s", flush=True)
    print(f"store: {args.db or Path(tmp) / 'inc.db'}", flush=True)
    have = store.count()["documents"]
    for size in (int(x) for x in args.sizes.split(",")):
        if size > have:
            t = fill(store, analyses, have, size - have, chronicle=False, aligned=not args.spread)
            store.rebuild_chronicle()
            print(f"  filled to {size} documents in {t:.0f} s", flush=True)
            have = size
        spent.clear()
        size = have  # the store's real size (larger than asked when it was filled before)
        t = fill(store, analyses, have, 100, chronicle=True, aligned=not args.spread)
        have += 100
        merges, series = spent.get("update_events", 0) / 100 * 1000, spent.get("series", 0) / 100 * 1000
        print(
            f"{size:>7} documents: 100 more with the chronicle update: {t / 100 * 1000:.1f} ms per document "
            f"(merges {merges:.1f} ms, series {series:.1f} ms, storing the documents "
            f"{t / 100 * 1000 - merges - series:.1f} ms); the merges replayed {spent.get('rows', 0) / 100:.0f} "
            f"stored reports per document ({merges * 1000 / max(spent.get('rows', 0) / 100, 1):.0f} µs each)",
            flush=True,
        )


def fill_store(args) -> None:
    """Fill a store with the synthetic stream up to ``--size`` documents (no chronicle update),
    then rebuild its chronicle: the stores `compare` takes (copy one to keep its size)."""
    from chronicle import real_analyses

    from kronika.store import Store

    store = Store(args.db)
    have = store.count()["documents"]
    t = fill(store, real_analyses(), have, max(args.size - have, 0), chronicle=False, aligned=not args.spread)
    t0 = time.perf_counter()
    store.rebuild_chronicle()
    print(f"{args.db}: {store.count()}; filled in {t:.0f} s, rebuilt in {time.perf_counter() - t0:.0f} s")


def compare(args) -> None:
    """The incremental update on several stores in turn (e.g. of 10^3, 10^4 and 10^5 documents),
    ``--rounds`` times: on a shared machine the best round of each is the fairest comparison."""
    from chronicle import real_analyses

    from kronika.store import Store

    analyses = real_analyses()
    stores = [Store(db) for db in args.db]
    best: dict[str, tuple[float, float]] = {}
    replayed: dict[str, float] = {}  # stored reports replayed per new document, mean over the rounds
    _count_replayed()
    for r in range(args.rounds):
        for db, store in zip(args.db, stores):
            have = store.count()["documents"]
            docs = list(synthetic_range(analyses, have, have + args.docs, aligned=not args.spread))
            spent.clear()
            t0, c0 = time.perf_counter(), time.process_time()
            for i in range(0, len(docs), args.batch):
                store.add_batch(docs[i : i + args.batch])
            wall, cpu = ((time.perf_counter() - t0) / args.docs * 1000, (time.process_time() - c0) / args.docs * 1000)
            before = best.get(db, (wall, cpu))
            best[db] = (min(before[0], wall), min(before[1], cpu))
            rows = spent.get("rows", 0) / args.docs
            replayed[db] = replayed.get(db, 0) + rows / args.rounds
            print(
                f"round {r + 1}: {have:>7} documents: {wall:.1f} ms per document ({cpu:.1f} ms CPU in this process; "
                f"the merges replayed {rows:.0f} stored reports per document)",
                flush=True,
            )
    first = best[args.db[0]]
    for db, store in zip(args.db, stores):
        wall, cpu = best[db]
        print(
            f"best of {args.rounds}: {store.count()['documents']:>7} documents: {wall:.1f} ms per document "
            f"({wall / first[0]:.2f}x the first), {cpu:.1f} ms CPU ({cpu / first[1]:.2f}x); "
            f"{replayed[db]:.0f} stored reports replayed per document "
            f"({replayed[db] / max(replayed[args.db[0]], 1):.2f}x): {wall * 1000 / max(replayed[db], 1):.0f} µs "
            f"per replayed report ({wall / max(replayed[db], 1) / (first[0] / max(replayed[args.db[0]], 1)):.2f}x)"
        )


def _explained() -> dict:
    """The chronicle update's queries (kronika.store.incremental), with example values."""
    from sqlalchemy import delete, select, tuple_

    from kronika.store import chronicle_reports as cr
    from kronika.store import claim_series, events, series_claimants, series_windows

    lo, hi = dt.date(2025, 1, 1), dt.date(2025, 3, 1)
    t, sw, sc = events.c, series_windows.c, series_claimants.c
    members = select(cr.c.doc_id, cr.c.event_id).where(cr.c.chronicle_id.in_(["a", "b"]))
    report_rows = _report_query()
    from kronika.store import claims

    return {
        "what the pending documents touch: their events": select(t.event_type, t.sweep_start).where(
            t.doc_id.in_(["d1", "d2"])
        ),
        "what the pending documents touch: their claims": select(claims.c.series_key, claims.c.series_window).where(
            claims.c.doc_id.in_(["d1", "d2"])
        ),
        "reports of a window": report_rows((t.event_type == "Battles") & t.sweep_start.between(lo, hi)),
        "undated reports": report_rows((t.event_type == "Battles") & t.sweep_start.is_(None)),
        "the other members of their events": report_rows(tuple_(t.doc_id, t.id).in_(members)),
        "the reports not parsed yet": _parse_query(),
        "dropping merged events' reports": delete(cr).where(cr.c.chronicle_id.in_(["a", "b"])),
        "a series' claims in its months": _claims_query(),
        "a series' head": select(claim_series.c.data).where(claim_series.c.key == "s-1"),
        "a window's counts": select(sw.counts).where(sw.key == "s-1", sw.window.in_(["2025-01"])),
        "the latest window with figures": select(sw.window, sw.low)
        .where(sw.key == "s-1", sw.best.is_not(None) | sw.low.is_not(None))
        .order_by(sw.window.desc())
        .limit(1),
        "a claimant's next window": select(sc.window, sc.revises)
        .where(sc.key == "s-1", sc.claimant == "x", sc.window > "2025-01")
        .order_by(sc.window)
        .limit(1),
        "a claimant's previous window": select(sc.last)
        .where(sc.key == "s-1", sc.claimant == "x", sc.window < "2025-01")
        .order_by(sc.window.desc())
        .limit(1),
    }


def _report_query():
    from sqlalchemy import select

    from kronika.store import chronicle_reports as cr
    from kronika.store import events

    return lambda where: (
        select(events.c.doc_id, events.c.id, cr.c.chronicle_id, cr.c.edge)
        .outerjoin(cr, (cr.c.doc_id == events.c.doc_id) & (cr.c.event_id == events.c.id))
        .where(where)
    )


def _parse_query():
    from sqlalchemy import select

    from kronika.store import documents, events

    return (
        select(events.c.data, events.c.doc_id, events.c.id, documents.c.source, documents.c.published)
        .join(documents, documents.c.id == events.c.doc_id)
        .where(events.c.doc_id.in_(["d1", "d2"]))
    )


def _claims_query():
    from sqlalchemy import select

    from kronika.store import claims, documents

    return (
        select(claims.c.data, claims.c.doc_id, documents.c.source, documents.c.published)
        .join(documents, documents.c.id == claims.c.doc_id)
        .where(claims.c.series_key == "s-1", claims.c.series_window.in_(["2025-01", "2025-02"]))
    )


def explain(args) -> None:
    """The query plans of the chronicle update (SQLite: EXPLAIN QUERY PLAN; PostgreSQL: EXPLAIN)."""
    from kronika.store import Store

    store = Store(args.db)
    pg = store.engine.dialect.name == "postgresql"
    with store.engine.connect() as conn:
        for name, q in _explained().items():
            sql = str(q.compile(conn, compile_kwargs={"literal_binds": True}))
            print(f"-- {name}")
            for row in conn.exec_driver_sql(("EXPLAIN " if pg else "EXPLAIN QUERY PLAN ") + sql).all():
                print("   ", row[0] if pg else row[-1])


def reads(args) -> None:
    from fastapi.testclient import TestClient

    from kronika.web.app import create_app

    env = {"PYTHONPATH": str(ROOT / "src")}
    import os

    env = {**os.environ, **env}
    for cmd in (["chronicle"], ["series"], ["chronicle", "--limit", "50"]):
        t0 = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "kronika.cli", *cmd, "--db", args.db], capture_output=True, env=env
        )
        s = time.perf_counter() - t0
        print(f"kronika {' '.join(cmd)}: {s:.2f} s ({len(done.stdout.splitlines())} lines, exit {done.returncode})")
    client = TestClient(create_app(args.db), client=("127.0.0.1", 5000))
    for path in ("/api/chronicle", "/api/events", "/api/series", "/api/stats", "/chronicle"):
        t0 = time.perf_counter()
        r = client.get(path)
        print(f"GET {path}: {time.perf_counter() - t0:.2f} s ({r.status_code})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="what", required=True)
    t = sub.add_parser("throughput")
    t.add_argument("--docs", type=int, default=90)
    t.add_argument("--batch", type=int, default=16, help="documents per batch (ingest's --batch-size)")
    t.add_argument("--fold-every", type=int, default=256, help="documents between folds (ingest's --fold-every)")
    t.add_argument("--partition", type=int, default=4, help="documents per Dask task (kronika.cluster.PARTITION)")
    i = sub.add_parser("incremental")
    i.add_argument("--sizes", default="1000,10000,100000")
    i.add_argument("--db", help="a database to fill (default: a new SQLite file)")
    i.add_argument("--spread", action="store_true", help="the texts keep their own dates (not aligned)")
    f = sub.add_parser("fill")
    f.add_argument("--db", required=True)
    f.add_argument("--size", type=int, required=True, help="documents in the store after filling")
    f.add_argument("--spread", action="store_true", help="the texts keep their own dates (not aligned)")
    c = sub.add_parser("compare")
    c.add_argument("--db", action="append", required=True, help="a filled store (repeat: smallest first)")
    c.add_argument("--rounds", type=int, default=3)
    c.add_argument("--docs", type=int, default=48, help="documents stored per store and round")
    c.add_argument("--batch", type=int, default=16, help="documents per batch (ingest's --batch-size)")
    c.add_argument("--spread", action="store_true", help="the stores were filled with --spread")
    e = sub.add_parser("explain")
    e.add_argument("--db", required=True)
    r = sub.add_parser("reads")
    r.add_argument("--db", required=True)
    args = ap.parse_args()
    commands = {"throughput": throughput, "incremental": incremental, "fill": fill_store, "compare": compare}
    {**commands, "explain": explain, "reads": reads}[args.what](args)


if __name__ == "__main__":
    main()
