"""The chronicle at scale: deduplication time as the store grows, and `kronika chronicle` over 10,000 documents.

Real analyses (the bundled example and the re3d public-domain corpus, analysed once) are
repeated as synthetic documents: each copy gets a new id, a publication date shifted by a
few days (so that copies of one event overlap in time and merge, as repeated reports do)
and, every other copy, a different publisher. Nothing here is a test.

    .venv/bin/python benchmarks/chronicle.py [--docs 10000] [--db /tmp/kronika-bench.db]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def real_analyses():
    from kronika.ingest import IngestOptions, read_text
    from kronika.pipeline import Pipeline

    pipeline = Pipeline()
    texts = [((ROOT / "examples" / "kursk-north-korean-pow-2025-01-20.txt").read_text("utf-8"), dt.date(2025, 1, 20))]
    for coll in ("centcom", "us-state-department"):
        for line in (ROOT / "tests" / "corpus" / "re3d-public-domain" / coll / "documents.json").open(encoding="utf-8"):
            if line.strip():
                texts.append((json.loads(line)["text"], dt.date(2017, 1, 10)))
    return [pipeline.analyze_document(read_text(t, options=IngestOptions(published=d))) for t, d in texts]


def synthetic(analyses, n: int):
    """n documents: copies of real analyses with new ids and shifted dates."""
    for i in range(n):
        a = analyses[i % len(analyses)]
        shift = dt.timedelta(days=(i // len(analyses)) % 5)  # copies of one event spread over 5 days
        era = dt.timedelta(days=30 * (i // (len(analyses) * 5)))  # then a new month: new events

        def move(d):
            return d + shift + era if d else d

        data = a.model_dump(mode="python")
        doc = data["document"]
        doc["id"] = f"{a.document.id[:8]}{i:08d}"
        doc["published"] = move(doc["published"])
        doc["source"] = f"{doc.get('source') or 'wire'} {i % 2}"
        for kind in ("events", "claims"):
            for item in data[kind]:
                t = item.get("time")
                if t and t.get("start_date"):
                    t["start_date"], t["end_date"] = move(t["start_date"]), move(t["end_date"])
        yield type(a).model_validate(data)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=10000)
    ap.add_argument("--db", type=Path, default=Path("/tmp/kronika-bench-chronicle.db"))
    args = ap.parse_args()

    from kronika.chronicle import Chronicle
    from kronika.dedup import Report, merge_reports

    analyses = real_analyses()
    print(
        f"{len(analyses)} real analyses, {sum(len(a.events) for a in analyses)} events, "
        f"{sum(len(a.claims) for a in analyses)} claims"
    )

    print("deduplication alone (in memory):")
    base = None
    for n in (1000, 2000, 5000, args.docs):
        reports = [
            Report(
                event=e,
                doc_id=a.document.id,
                source=a.document.source,
                title=None,
                url=None,
                published=a.document.published,
            )
            for a in synthetic(analyses, n)
            for e in a.events
        ]
        t0 = time.perf_counter()
        merged = merge_reports(reports)
        s = time.perf_counter() - t0
        per = s / len(reports) * 1e6
        base = base or per
        print(
            f"  {n:>6} documents, {len(reports):>7} reports -> {len(merged):>6} events: {s:6.2f} s "
            f"({per:5.1f} µs/report, {per / base:4.2f}× the 1,000-document cost per report)"
        )

    for suffix in ("", "-wal", "-shm"):
        Path(str(args.db) + suffix).unlink(missing_ok=True)
    ch = Chronicle(args.db)
    t0 = time.perf_counter()
    for a in synthetic(analyses, args.docs):
        ch.store.add(a)
    print(f"stored {args.docs} documents in {time.perf_counter() - t0:.1f} s")
    t0 = time.perf_counter()
    n_events, n_series = ch.rebuild()
    print(f"rebuild: {n_events} chronicle events, {n_series} series in {time.perf_counter() - t0:.1f} s")

    for cmd in (
        ["chronicle", "--db", str(args.db)],
        ["chronicle", "--db", str(args.db), "--since", "2025-06-01", "--until", "2025-06-30"],
        ["series", "--db", str(args.db), "--measure", "casualties"],
    ):
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, "-m", "kronika.cli", *cmd], capture_output=True, text=True)
        s = time.perf_counter() - t0
        print(
            f"`kronika {' '.join(cmd[:1] + cmd[3:])}` over {args.docs} documents: {s:.2f} s "
            f"(exit {out.returncode}, {len(out.stdout.splitlines())} lines; includes ~0.5 s Python start-up)"
        )


if __name__ == "__main__":
    main()
