"""Web app speed: every page and API call with many documents stored (target: < 300 ms).

The store is synthesized fast: the repository's example and the re3d public-domain texts are
analysed once with the full pipeline, then copies of those analyses are written straight
through the Store with new ids and their dates shifted (publication, times, as-of dates)
over 18 months, until --docs documents are stored. The chronicle (merged events, claim
series) is then rebuilt if this kronika has one. Calls go through the ASGI app in process
(FastAPI's TestClient: routing, validation, queries, templates, JSON; no network).

    .venv/bin/python benchmarks/web.py [--docs 10000] [--db /tmp/kronika-web-bench.db] [--repeat 5]

Prints, for each call, the median and worst time of --repeat runs after one warm-up, and
whether the median is under the target. Analysing a posted text (POST /api/analyze) is
the pipeline's own speed and is shown apart.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "kursk-north-korean-pow-2025-01-20.txt"
TARGET_MS = 300.0
DATE_KEYS = {"published", "start_date", "end_date", "date", "first_reported", "last_reported"}


def base_texts() -> list[tuple[str, str | None]]:
    texts = [(EXAMPLE.read_text("utf-8"), "2025-01-20")]
    for coll in ("centcom", "us-state-department"):
        path = ROOT / "tests" / "corpus" / "re3d-public-domain" / coll / "documents.json"
        for line in path.open(encoding="utf-8"):
            if line.strip():
                texts.append((json.loads(line)["text"], "2018-06-01"))
    return texts


def shift_dates(obj, days: int):
    """A copy of a JSON tree with every ISO date under a date key moved by ``days``."""
    if isinstance(obj, dict):
        out = {}
        for k, v in obj.items():
            if k in DATE_KEYS and isinstance(v, str) and len(v) == 10:
                try:
                    v = (dt.date.fromisoformat(v) + dt.timedelta(days=days)).isoformat()
                except ValueError:
                    pass
            out[k] = shift_dates(v, days)
        return out
    if isinstance(obj, list):
        return [shift_dates(v, days) for v in obj]
    return obj


def rebuild(store, mode: str):
    """Fill the chronicle tables: ``full`` (merged events and series), ``series`` (series only:
    event merging of thousands of identical copies is the merger's worst case), ``none``."""
    from kronika.chronicle import Chronicle

    ch = Chronicle(store)
    if mode == "none" or not hasattr(ch, "rebuild"):
        return None
    if mode == "full":
        return ch.rebuild()
    return (0, store.rebuild_series())


def build(db: Path, n_docs: int, mode: str) -> dict:
    from kronika.errors import KronikaError
    from kronika.pipeline import Pipeline
    from kronika.records import Analysis
    from kronika.store import Store

    t0 = time.perf_counter()
    pipe = Pipeline()
    bases = []
    for text, published in base_texts():
        try:
            bases.append(pipe.analyze(text, published=published).model_dump(mode="json"))
        except KronikaError as exc:
            print(f"  skipped a base text: {exc}", file=sys.stderr)
    t_analyse = time.perf_counter() - t0
    # The example first: its copies are the largest documents, the worst case for the article view.
    store = Store(db)
    have = store.count()["documents"]
    t0 = time.perf_counter()
    for i in range(have, n_docs):
        base = bases[i % len(bases)]
        days = (i * 37) % 540 - 270  # spread over 18 months around the original dates
        data = shift_dates(base, days)
        new_id = hashlib.sha256(f"{i}:{base['document']['id']}".encode()).hexdigest()[:16]
        data["document"]["id"] = new_id
        store.add(Analysis.model_validate(data))
        if (i + 1) % 1000 == 0:
            print(f"  stored {i + 1}", file=sys.stderr)
    t_store = time.perf_counter() - t0
    t0 = time.perf_counter()
    rebuilt = rebuild(store, mode)
    t_rebuild = time.perf_counter() - t0
    return {"bases": len(bases), "analyse_s": t_analyse, "store_s": t_store, "rebuild_s": t_rebuild, "rebuilt": rebuilt}


def dedupe_series_flags(db: Path) -> None:
    from sqlalchemy import select, update

    from kronika.store import Store, claim_series

    store = Store(db)
    t0 = time.perf_counter()
    with store.engine.begin() as conn:
        keys = [k for (k,) in conn.execute(select(claim_series.c.key))]
        for key in keys:
            data = conn.execute(select(claim_series.c.data).where(claim_series.c.key == key)).scalar_one()
            for p in data.get("points", []):
                p["flags"] = list(dict.fromkeys(p.get("flags") or ()))
            conn.execute(update(claim_series).where(claim_series.c.key == key).values(data=data))
    print(f"series flags deduplicated in {time.perf_counter() - t0:.1f} s", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--db", type=Path, default=Path("/tmp/kronika-web-bench.db"))
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--fresh", action="store_true", help="delete the database first")
    ap.add_argument(
        "--chronicle",
        choices=["full", "series", "none"],
        default="series",
        help="how to fill the chronicle tables after storing the copies (default: series)",
    )
    ap.add_argument("--only", help="time only the calls whose URL contains this")
    ap.add_argument(
        "--dedupe-series-flags",
        action="store_true",
        help="first rewrite the stored series so each point lists each flag once (what a "
        "series builder that does not repeat flags would store), to time the pages apart from that",
    )
    args = ap.parse_args()

    if args.fresh:
        for suffix in ("", "-wal", "-shm"):
            Path(str(args.db) + suffix).unlink(missing_ok=True)
    from kronika.store import Store

    if Store(args.db).count()["documents"] < args.docs:
        print(f"building {args.docs} documents in {args.db} ...", file=sys.stderr)
        info = build(args.db, args.docs, args.chronicle)
        print(
            f"built: {info['bases']} analysed texts ({info['analyse_s']:.1f} s), copies stored in "
            f"{info['store_s']:.1f} s, chronicle ({args.chronicle}) rebuilt in {info['rebuild_s']:.1f} s "
            f"{info['rebuilt'] or ''}"
        )
    elif args.chronicle != "none" and Store(args.db).count().get("claim_series", 1) == 0:
        t0 = time.perf_counter()
        done = rebuild(Store(args.db), args.chronicle)
        print(f"chronicle ({args.chronicle}) rebuilt in {time.perf_counter() - t0:.1f} s: {done}")

    if args.dedupe_series_flags:
        dedupe_series_flags(args.db)

    from fastapi.testclient import TestClient

    from kronika.web.app import create_app

    client = TestClient(create_app(args.db), client=("127.0.0.1", 50000))
    counts = client.get("/api/stats").json()
    print("store:", ", ".join(f"{v} {k}" for k, v in counts.items()))
    # Pick real ids: a copy of the example (the largest document) and one of its events.
    docs = client.get("/api/documents", params={"sort": "-published", "limit": 1000}).json()["items"]
    ex_doc = next((d["id"] for d in docs if (d.get("lead") or "").startswith("Ukrainian President")), docs[0]["id"])
    ev = client.get("/api/events", params={"doc_id": ex_doc, "limit": 1}).json()["items"]
    ev_path = f"{ev[0]['doc_id']}/{ev[0]['id']}" if ev else None
    series = (
        client.get("/api/series", params={"limit": 1, "max_points": 1}).json()
        if client.get("/api/series").status_code == 200
        else None
    )
    measure = series["items"][0]["measure"] if series and series["items"] else "casualties"
    mid = counts.get("events", 0) // 2

    calls = [
        ("page", "/", {}),
        ("page", "/?sort=title&offset=5000", {}),
        ("page", f"/doc/{ex_doc}", {}),
        ("page", "/events", {}),
        ("page", "/events?type=Battles&since=2024-06-01&until=2024-12-31", {}),
        ("page", "/events?place=Kursk&sort=-fatalities", {}),
        ("page", f"/events?offset={mid}", {}),
        ("page", f"/event/{ev_path}" if ev_path else "/events", {}),
        ("page", "/chronicle", {}),
        ("page", "/chronicle?min_sources=2&sort=-sources", {}),
        ("page", "/chronicle?place=Kursk&since=2024-10-01", {}),
        ("page", "/claims", {}),
        ("page", f"/claims?measure={measure}&sort=-value", {}),
        ("page", "/series", {}),
        ("page", f"/series?measure={measure}", {}),
        ("page", "/analyze", {}),
        ("page", "/api", {}),
        ("api", "/api/stats", {}),
        ("api", "/api/documents", {}),
        ("api", "/api/documents?source=Euromaidan&since=2024-09-01", {}),
        ("api", f"/api/documents/{ex_doc}", {}),
        ("api", "/api/events", {}),
        ("api", "/api/events?limit=1000&sort=-date", {}),
        ("api", "/api/events?actor=Ukraine&place=Kursk&since=2024-10-01", {}),
        ("api", f"/api/events?offset={mid}&sort=place", {}),
        ("api", f"/api/events/{ev_path}" if ev_path else "/api/events", {}),
        ("api", "/api/chronicle", {}),
        ("api", "/api/chronicle?limit=1000&sort=-date", {}),
        ("api", "/api/chronicle?source=Euromaidan&min_sources=2", {}),
        ("api", "/api/claims", {}),
        ("api", f"/api/claims?measure={measure}&sort=-value&limit=1000", {}),
        ("api", "/api/claims?q=casualties&actor=Ukraine", {}),
        ("api", "/api/series", {}),
        ("api", f"/api/series?measure={measure}&limit=10", {}),
        ("api", "/api/places", {}),
        ("api", "/api/places?q=Kursk", {}),
        ("api", "/api/actors", {}),
        ("api", "/api/actors?q=Ukraine", {}),
        ("api", "/openapi.json", {}),
    ]
    print(f"\n{'call':62} {'status':>6} {'median ms':>10} {'worst ms':>9}  < {TARGET_MS:.0f} ms")
    slow = 0
    if args.only:
        calls = [c for c in calls if args.only in c[1]]
    for kind, url, _ in calls:
        r = client.get(url)  # warm-up
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            r = client.get(url)
            times.append((time.perf_counter() - t0) * 1000)
        med = statistics.median(times)
        ok = med < TARGET_MS and r.status_code == 200
        slow += not ok
        print(f"{'GET ' + url:62.62} {r.status_code:>6} {med:>10.1f} {max(times):>9.1f}  {'yes' if ok else 'NO'}")
    text = EXAMPLE.read_text("utf-8")
    client.post("/api/analyze", json={"text": text, "published": "2025-01-20"})
    t0 = time.perf_counter()
    r = client.post("/api/analyze", json={"text": text, "published": "2025-01-20"})
    t_an = (time.perf_counter() - t0) * 1000
    print(f"\n(pipeline) POST /api/analyze of the example ({len(text.split())} words): {r.status_code}, {t_an:.0f} ms")
    print(f"\n{len(calls) - slow} of {len(calls)} calls under {TARGET_MS:.0f} ms (median of {args.repeat})")


if __name__ == "__main__":
    main()
