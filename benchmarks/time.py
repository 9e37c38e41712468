"""Time benchmark: kronika's time finder on TimeML corpora, scored the TempEval-3 way.

    .venv/bin/python benchmarks/time.py --split platinum      # report (test set)
    .venv/bin/python benchmarks/time.py --split tbaq          # develop / tune here only

Reads ``../shared/bench/time/{te3-platinum,tbaq}`` (relative to the repository), runs
``kronika.time.extract`` in TimeML mode with each document's creation time as anchor,
and prints strict and relaxed extraction F1, type accuracy and F1, value F1, beside the
published TempEval-3 figures of HeidelTime and SUTime, plus expressions per second.
Not a test: nothing here is run by pytest.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from kronika.time import extract
from kronika.time.timeml import Scores, read_dir, score

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench" / "time"
SPLITS = {"platinum": BENCH / "te3-platinum", "tbaq": BENCH / "tbaq"}
# TempEval-3 task paper (UzZaman et al. 2013), platinum test set: strict F1, relaxed F1, value F1
ANCHORS = {"HeidelTime": (81.34, 90.30, 77.61), "SUTime": (79.57, 90.32, 67.38)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=sorted(SPLITS), default="platinum")
    ap.add_argument("--errors", type=int, default=0, help="print up to N mismatches (tbaq only)")
    ap.add_argument("--repeat", type=int, default=3, help="timing repetitions")
    ap.add_argument(
        "--vs-spacy",
        action="store_true",
        help="also time spaCy's parse of the same texts (the pipeline's baseline) and print the ratio",
    )
    args = ap.parse_args(argv)
    folder = SPLITS[args.split]
    if not folder.is_dir():
        print(f"missing {folder}", file=sys.stderr)
        return 1
    docs = read_dir(folder)
    total = Scores()
    errors = []
    for d in docs:
        found = extract(d.text, d.dct, timeml=True)
        sc, pairs = score(d.timexes, found)
        total.add(sc)
        for g, s in pairs:
            if (
                g is None
                or s is None
                or (g.start, g.end) != (s.start, s.end)
                or (g.value or "").upper() != (s.value or "").upper()
            ):
                errors.append((d.name, g, s))
    best = float("inf")
    n_expr = 0
    for _ in range(max(1, args.repeat)):
        t0 = time.perf_counter()
        n_expr = sum(len(extract(d.text, d.dct, timeml=True)) for d in docs)
        best = min(best, time.perf_counter() - t0)
    words = sum(len(d.text.split()) for d in docs)
    t = total.table()
    print(f"split {args.split}: {len(docs)} documents, {total.gold} gold TIMEX3, {total.system} found")
    print(
        f"{'system':<12} {'strict P':>8} {'R':>6} {'F1':>6}   {'relaxed P':>9} {'R':>6} {'F1':>6}   {'type F1':>7} {'type acc':>8}   {'value F1':>8} {'value acc':>9}"
    )
    print(
        f"{'kronika':<12} {100 * t['strict'][0]:8.2f} {100 * t['strict'][1]:6.2f} {100 * t['strict'][2]:6.2f}   "
        f"{100 * t['relaxed'][0]:9.2f} {100 * t['relaxed'][1]:6.2f} {100 * t['relaxed'][2]:6.2f}   "
        f"{100 * t['type'][2]:7.2f} {100 * total.type_accuracy:8.2f}   {100 * t['value'][2]:8.2f} {100 * total.value_accuracy:9.2f}"
    )
    if args.split == "platinum":
        for name, (s, r, v) in ANCHORS.items():
            print(
                f"{name:<12} {'':>8} {'':>6} {s:6.2f}   {'':>9} {'':>6} {r:6.2f}   {'':>7} {'':>8}   {v:8.2f}  (published, TempEval-3)"
            )
    print(
        f"speed: {n_expr / best:,.0f} expressions/s, {words / best:,.0f} words/s ({best * 1000:.1f} ms for {words:,} words)"
    )
    if args.vs_spacy:
        from kronika import nlp

        pipe = nlp.load()
        texts = [d.text for d in docs]
        list(pipe.pipe(texts[:2]))
        t0 = time.perf_counter()
        list(pipe.pipe(texts))
        parse = time.perf_counter() - t0
        print(
            f"spaCy parse of the same texts: {parse * 1000:.0f} ms; the time stage adds {100 * best / parse:.1f}% of it"
        )
    if args.errors and args.split == "tbaq":
        for name, g, s in errors[: args.errors]:
            gs = f"{g.text!r} {g.type} {g.value}" if g else "-"
            ss = f"{s.text!r} {s.type} {s.value}" if s else "-"
            print(f"{name:28} gold {gs:55} sys {ss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
