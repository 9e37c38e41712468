"""Benchmark: document-level events on ``../shared/bench/events-docs/`` (not a test).

    .venv/bin/python benchmarks/docevents.py [--part 1|2|all] [--doc NAME] [--errors] [--show]

Every figure comes from the public output: each article is read the way ``kronika analyze FILE
--format json`` reads it (the file and its ``.meta.json`` sidecar) and its ``events`` are scored
against ``gold.jsonl`` exactly as ``GUIDELINES.md`` says:

* a system event's evidence is its own ``start``/``end`` and those of each of its ``mentions``; a
  gold event's evidence is where each of its quoted mentions stands in the document's text;
* matching is one-to-one, largest overlap first, status-agreeing pairs before others; a matched pair
  whose status classes differ is a false positive (and its gold event stays unmatched); an unmatched
  system event that overlaps a matched gold event is a *duplicate*, any other is *not an event*;
* precision, recall and F1 over distinct events; on true positives the accuracy of type, date,
  place, actor1 and fatalities (the rules of GUIDELINES.md, "Scoring").

``--errors`` prints examples of each error kind; ``--show`` prints every system event of the
documents scored, marked TP / DUP / NOT / STATUS. The set is a development set: tune on it with
general rules only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench" / "events-docs"
STATUS_CLASS = {
    "occurred": "occurred",
    "disputed": "occurred",
    "claimed": "occurred",
    "reported": "occurred",
    "denied": "denied",
    "negated": "denied",
    "planned": "future",
    "threatened": "future",
    "forecast": "future",
    "intended": "future",
    "proposed": "future",
    "announced": "future",
    "ordered": "future",
    "hypothetical": "hypothetical",
    "conditional": "hypothetical",
    "possible": "hypothetical",
}
_ACTOR_STOP = {"military", "forces", "of", "the", "police", "armed", "group", "unidentified"}
FIELDS = ("type", "date", "place", "actor1", "fatalities")
DIAGNOSTIC = ("actor2",)  # scored the same way, printed beside the targets, no target of its own


# --- locating evidence ------------------------------------------------------------------


def _norm_map(text: str) -> tuple[str, list[int]]:
    """``text`` with runs of white space folded to one space and quotes/dashes unified, and the
    offset in ``text`` of each character of the folded form."""
    out, where = [], []
    prev_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if prev_space:
                continue
            ch, prev_space = " ", True
        else:
            prev_space = False
            ch = {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}.get(ch, ch)
        out.append(ch)
        where.append(i)
    return "".join(out), where


def locate(text: str, quote: str) -> list[tuple[int, int]]:
    """Every place where ``quote`` stands in ``text`` (white space and quote marks folded)."""
    hay, where = _norm_map(text)
    needle, _ = _norm_map(quote.strip())
    spans, i = [], hay.find(needle)
    while i >= 0 and needle:
        spans.append((where[i], where[i + len(needle) - 1] + 1))
        i = hay.find(needle, i + 1)
    return spans


def overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def system_evidence(ev: dict) -> list[tuple[int, int]]:
    spans = [(ev["start"], ev["end"])]
    spans += [(m["start"], m["end"]) for m in ev.get("mentions") or ()]
    return spans


# --- field rules (GUIDELINES.md, "Scoring") ---------------------------------------------


def _interval(ev: dict) -> tuple[dt.date, dt.date] | None:
    t = ev.get("time") or {}
    if not t.get("start_date"):
        return None
    s = dt.date.fromisoformat(t["start_date"])
    e = dt.date.fromisoformat(t.get("end_date") or t["start_date"])
    return s, e


def date_ok(ev: dict, gold: dict) -> bool:
    iv = _interval(ev)
    if iv is None or not gold.get("date"):
        return False
    s, e = iv
    g = gold["date"]
    if len(g) == 10:
        day = dt.date.fromisoformat(g)
        span = (e - s).days + 1
        prec = gold.get("date_precision") or 1
        if prec == 1:
            return s <= day <= e and span <= 1
        reach, width = (3, 6) if prec == 2 else (15, 30)
        return (day - dt.timedelta(days=reach)) <= s and e <= (day + dt.timedelta(days=reach)) and span <= width
    if len(g) == 7:
        y, m = map(int, g.split("-"))
        first = dt.date(y, m, 1)
        last = dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)
        return first <= s and e <= last
    y = int(g[:4])
    return dt.date(y, 1, 1) <= s and e <= dt.date(y, 12, 31)


def _km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


def place_ok(ev: dict, gold: dict) -> bool:
    gp, sp = gold.get("place"), ev.get("place")
    if not gp:
        return sp is None
    if not sp or sp.get("latitude") is None:
        return False
    km = _km(gp["lat"], gp["lon"], sp["latitude"], sp["longitude"])
    prec = gp.get("geo_precision") or 1
    if prec == 1:
        return km <= 25
    if prec == 2:
        return km <= 50
    return (sp.get("country_code") or "").upper() == (gp.get("country") or "").upper() or km <= 150


def _actor_words(name: str) -> set[str]:
    name = re.sub(r"\(\s*\d{4}\s*-\s*(\d{4})?\s*\)", " ", name or "")
    return {w for w in re.findall(r"[\w'-]+", name.lower()) if w not in _ACTOR_STOP}


def actor_ok(ev: dict, gold: dict, key: str = "actor1") -> bool | None:
    if not gold.get(key):
        return None
    a1 = ev.get(key)
    if not a1:
        return False
    g, s = _actor_words(gold[key]), _actor_words(a1.get("name") or "")
    if not g or not s:
        return g == s
    return g <= s or s <= g or len(g & s) * 2 >= max(len(g), len(s))


def fatalities_ok(ev: dict, gold: dict) -> bool:
    g, s = gold.get("fatalities"), ev.get("fatalities")
    return (g or 0) == (s or 0)


# --- matching ---------------------------------------------------------------------------


def status_class(status: str | None) -> str:
    return STATUS_CLASS.get(status or "occurred", status or "occurred")


def score_doc(text: str, gold_events: list[dict], sys_events: list[dict]) -> dict:
    gold_ev = [(g, [sp for m in g["mentions"] for sp in locate(text, m)]) for g in gold_events]
    sys_ev = [(s, system_evidence(s)) for s in sys_events]
    pairs = []
    for si, (s, sspans) in enumerate(sys_ev):
        for gi, (g, gspans) in enumerate(gold_ev):
            ov = overlap(sspans, gspans)
            if ov > 0:
                agree = status_class(s.get("status")) == status_class(g.get("status"))
                pairs.append((agree, ov, si, gi))
    pairs.sort(key=lambda p: (not p[0], -p[1], p[2], p[3]))
    s_match, g_match = {}, {}
    for agree, ov, si, gi in pairs:
        if si in s_match or gi in g_match:
            continue
        s_match[si], g_match[gi] = (gi, agree), (si, agree)
    out = {"tp": [], "dup": [], "not": [], "status": [], "fn": [], "unlocated": []}
    for si, (s, sspans) in enumerate(sys_ev):
        if si in s_match:
            gi, agree = s_match[si]
            (out["tp"] if agree else out["status"]).append((s, gold_ev[gi][0]))
        elif any(gi in g_match for _, _, s2, gi in pairs if s2 == si):
            out["dup"].append((s, None))
        else:
            out["not"].append((s, None))
    for gi, (g, gspans) in enumerate(gold_ev):
        if gi not in g_match or not g_match[gi][1]:
            out["fn"].append((None, g))
        if not gspans:
            out["unlocated"].append((None, g))
    return out


def field_checks(s: dict, g: dict) -> dict:
    return {
        "type": s.get("sub_event_type") == g.get("type"),
        "date": date_ok(s, g),
        "place": place_ok(s, g),
        "actor1": actor_ok(s, g),
        "fatalities": fatalities_ok(s, g),
        "actor2": actor_ok(s, g, "actor2"),
    }


# --- running ----------------------------------------------------------------------------


def analyse(path: Path, pipeline) -> dict:
    from kronika.ingest import read_path

    (document,) = list(read_path(path))
    return pipeline.analyze_document(document).model_dump(mode="json")


def _brief(ev: dict) -> str:
    place = (ev.get("place") or {}).get("name") or (ev.get("place") or {}).get("text")
    iv = _interval(ev)
    a1 = (ev.get("actor1") or {}).get("name")
    a2 = (ev.get("actor2") or {}).get("name")
    bg = " bg" if ev.get("background") else ""
    return (
        f"{ev.get('sub_event_type')} [{ev.get('status')}{bg}] {iv[0] if iv else None}"
        f"{'..' + str(iv[1]) if iv and iv[1] != iv[0] else ''} @ {place} | {a1} -> {a2} | "
        f"fat={ev.get('fatalities')} | m={1 + len(ev.get('mentions') or ())} | "
        f"trig={(ev.get('trigger') or {}).get('text')!r} | {ev.get('text', '')[:110]!r}"
    )


def _gold_brief(g: dict) -> str:
    place = (g.get("place") or {}).get("name")
    bg = " bg" if g.get("background") else ""
    return (
        f"{g['type']} [{g['status']}{bg}] {g.get('date')}/{g.get('date_precision')} @ {place} | "
        f"{g.get('actor1')} -> {g.get('actor2')} | fat={g.get('fatalities')} | {g['mentions'][0][:110]!r}"
    )


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--part", choices=["1", "2", "all"], default="all")
    ap.add_argument("--doc", action="append", default=[], help="score only documents whose name contains this")
    ap.add_argument("--errors", type=int, nargs="?", const=6, default=0, help="examples of each error kind")
    ap.add_argument(
        "--only",
        action="append",
        default=[],
        choices=("not", "dup", "status", "fn") + FIELDS + DIAGNOSTIC,
        help="with --errors: print only these kinds (e.g. --only type: true positives whose type is wrong)",
    )
    ap.add_argument("--show", action="store_true", help="print every system event and gold event")
    ap.add_argument("--data", type=Path, default=BENCH)
    args = ap.parse_args(argv)
    if not (args.data / "gold.jsonl").exists():
        print(f"{args.data}: no gold.jsonl (the benchmark needs ../shared/bench/events-docs)", file=sys.stderr)
        return 2
    gold_docs = [
        json.loads(line) for line in (args.data / "gold.jsonl").read_text("utf-8").splitlines() if line.strip()
    ]
    if args.part != "all":
        gold_docs = [d for d in gold_docs if (d["doc"][:2].isdigit()) == (args.part == "1")]
    if args.doc:
        gold_docs = [d for d in gold_docs if any(k in d["doc"] for k in args.doc)]

    from kronika.pipeline import default_pipeline

    pipeline = default_pipeline()
    totals = Counter()
    fields = defaultdict(lambda: [0, 0])
    errors = defaultdict(list)
    t0 = time.perf_counter()
    for gd in gold_docs:
        result = analyse(args.data / "articles" / gd["doc"], pipeline)
        text = result["document"]["text"]
        scored = score_doc(text, gd["events"], list(result["events"]))
        for kind in ("tp", "dup", "not", "status", "fn", "unlocated"):
            totals[kind] += len(scored[kind])
        totals["gold"] += len(gd["events"])
        totals["system"] += len(result["events"])
        for s, g in scored["tp"]:
            for name, ok in field_checks(s, g).items():
                if ok is None:
                    continue
                fields[name][0] += bool(ok)
                fields[name][1] += 1
                if not ok:
                    errors[name].append((gd["doc"], s, g))
        for kind in ("dup", "not", "status", "fn"):
            errors[kind] += [(gd["doc"], s, g) for s, g in scored[kind]]
        if args.show:
            print(f"\n=== {gd['doc']} (published {gd['published']}; kronika: {result['document'].get('published')})")
            for kind in ("tp", "status", "dup", "not"):
                for s, g in scored[kind]:
                    bad = [k for k, ok in field_checks(s, g).items() if ok is False] if kind == "tp" else []
                    print(
                        f"  {kind.upper():6s} {_brief(s)}"
                        + (
                            f"\n         gold: {_gold_brief(g)}  wrong: {','.join(bad)}"
                            if g and (bad or kind == "status")
                            else ""
                        )
                    )
            for _, g in scored["fn"]:
                print(f"  MISS   {_gold_brief(g)}")
    secs = time.perf_counter() - t0
    tp = totals["tp"]
    fp = totals["dup"] + totals["not"] + totals["status"]
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / totals["gold"] if totals["gold"] else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    print(
        f"\nevents-docs ({len(gold_docs)} documents, part {args.part}): {totals['gold']} gold events, "
        f"{totals['system']} system events, {secs:.1f} s"
    )
    print(f"  precision {prec:.3f}  recall {rec:.3f}  F1 {f1:.3f}   (targets 0.80 / 0.80)")
    print(
        f"  true positives {tp}; false positives {fp}: duplicates {totals['dup']}, not events {totals['not']}, "
        f"status class wrong {totals['status']}; missed {totals['fn']}; gold events not located {totals['unlocated']}"
    )
    targets = {"type": 0.80, "date": 0.80, "place": 0.75, "actor1": 0.70, "fatalities": 0.85}
    print(
        "  on true positives: "
        + "  ".join(
            f"{k} {fields[k][0] / fields[k][1]:.2f} ({fields[k][0]}/{fields[k][1]}, target {targets[k]:.2f})"
            if fields[k][1]
            else f"{k} -"
            for k in FIELDS
        )
    )
    print(
        "  diagnostic, no target: "
        + "  ".join(
            f"{k} {fields[k][0] / fields[k][1]:.2f} ({fields[k][0]}/{fields[k][1]})" for k in DIAGNOSTIC if fields[k][1]
        )
    )
    if args.errors:
        for kind in args.only or ("not", "dup", "status", "fn") + FIELDS + DIAGNOSTIC:
            rows = errors.get(kind) or []
            print(f"\n--- {kind}: {len(rows)}")
            for doc, s, g in rows[: args.errors]:
                print(
                    f"  {doc[:28]:28s} "
                    + (f"sys: {_brief(s)}" if s else "")
                    + (f"\n  {'':28s} gold: {_gold_brief(g)}" if g else "")
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
