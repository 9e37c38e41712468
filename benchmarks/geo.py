"""Geoparsing benchmark: kronika's places stage on TR-News and LGL (not a test).

    .venv/bin/python benchmarks/geo.py [--corpus tr-news|lgl|both] [--limit N] [--mode public|convention|stage]

Reads ``../shared/bench/geo/{TR-News,lgl}.xml`` (relative to the repository; public evaluation
sets, see ``../shared/bench/SOURCES.md``). For each corpus it prints

* end to end (kronika finds the names itself): toponym recognition precision/recall/F1 (exact
  offsets and overlap), exact GeoNames-id accuracy and accuracy within 161 km over all gold
  toponyms with coordinates (a missed toponym counts as wrong, at the maximum error), mean and
  median error in km, and the AUC of the error curve (Gritta et al. 2018; lower is better);
* the same resolution figures with the gold toponym spans given (``resolve_spans``);
* Mordecai3's published figures beside ours, and places per second (stage time only, the spaCy
  parse excluded) with the stage's share of the parse time.

Modes (``--mode``):

* ``public`` (the headline): every place record of ``kronika.analyze(text)``, whatever its role,
  i.e. what a user of the library gets;
* ``convention`` (a diagnostic): the places stage alone with its ``adjectival`` and ``embedded``
  options on, following the corpora's annotation of adjectival forms ("Turkish" → Turkey) and
  names inside organisation names ("Ohio" in "Ohio State University");
* ``stage``: the places stage alone with the pipeline's options.

The gold-span figures always come from ``resolve_spans`` (an internal function: the public output
has no way to be given spans).
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench" / "geo"
CORPORA = {"tr-news": "TR-News.xml", "lgl": "lgl.xml"}
MAX_KM = 20039.0
ANCHORS = {  # Mordecai3, as published (bench/SOURCES.md)
    "tr-news": {"e2e_id": 61.3, "e2e_161": 63.5, "gold_id": 84.3, "gold_161": 87.3},
    "lgl": {"e2e_id": 57.2, "e2e_161": 59.0, "gold_id": 79.4, "gold_161": 82.7},
}
TARGETS = {
    "tr-news": {"e2e_161": 75.0, "f1": 0.85, "gold_161": 88.0},
    "lgl": {"e2e_161": 68.0, "f1": 0.78, "gold_161": 82.0},
}


def km(lat1, lon1, lat2, lon2) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def load(path: Path, limit: int | None):
    root = ET.parse(path).getroot()
    out = []
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        day = (art.findtext("dltime") or "").strip()[:10]
        try:
            published = dt.date.fromisoformat(day)
        except ValueError:
            published = None
        gold = []
        for t in art.iter("toponym"):
            s, e = int(t.findtext("start")), int(t.findtext("end"))
            phrase = (t.findtext("phrase") or "").strip()
            if phrase and text[s:e] != phrase:  # a few gold offsets are shifted by a character or two
                near = [k for k in range(max(0, s - 5), s + 6) if text.startswith(phrase, k)]
                if near:
                    s = min(near, key=lambda k: abs(k - s))
                    e = s + len(phrase)
            g = t.find("gaztag")
            if g is not None and g.findtext("lat") is not None:
                gold.append((s, e, int(g.get("geonameid") or 0), float(g.findtext("lat")), float(g.findtext("lon"))))
            else:
                gold.append((s, e, None, None, None))
        out.append((art.get("docid") or str(len(out)), text, published, gold))
        if limit and len(out) >= limit:
            break
    return out


def resolution_scores(pairs):
    """pairs: (gold geonameid, gold lat, gold lon, predicted Place or None) for gold toponyms with coordinates."""
    errs, exact, same_id_ok = [], 0, 0
    for gid, lat, lon, p in pairs:
        if p is None or not p.resolved or p.latitude is None:
            errs.append(MAX_KM)
            continue
        exact += int(p.geonameid == gid)
        errs.append(km(lat, lon, p.latitude, p.longitude))
        # as scored with GeoNames' own coordinates: the right id is 0 km away
        same_id_ok += int(p.geonameid == gid or errs[-1] <= 161)
    n = len(errs) or 1
    return {
        "n": len(errs),
        "id": 100.0 * exact / n,
        "161": 100.0 * sum(e <= 161 for e in errs) / n,
        "161_id": 100.0 * same_id_ok / n,
        "mean": statistics.fmean(errs) if errs else 0.0,
        "median": statistics.median(errs) if errs else 0.0,
        "auc": statistics.fmean(math.log(e + 1) / math.log(MAX_KM + 1) for e in errs) if errs else 0.0,
    }


def _aligned(orig: str, clean: str) -> list[int]:
    """For each offset of ``orig``, the offset in ``clean`` (ingest only deletes whitespace and line breaks)."""
    out, j = [], 0
    for ch in orig:
        out.append(j)
        if j < len(clean) and clean[j] == ch:
            j += 1
    out.append(j)
    return out


def _public_places(text: str, published, ctx):
    """The place records of ``kronika.analyze`` with offsets mapped back to ``text``; None if refused."""
    import kronika
    from kronika.errors import KronikaError

    try:
        a = kronika.analyze(text, published=published)
    except KronikaError:
        return None
    clean = a.document.text
    if clean == text:
        return list(a.places)
    back = {j: i for i, j in reversed(list(enumerate(_aligned(text, clean))))}
    return [p.model_copy(update={"start": back.get(p.start, p.start), "end": back.get(p.end, p.end)}) for p in a.places]


def run(name: str, limit: int | None, mode: str = "public", gaz_path: Path | None = None) -> dict:
    from kronika import nlp
    from kronika.context import Context
    from kronika.places import Gazetteer, resolve_places, resolve_spans
    from kronika.records import Document

    arts = load(BENCH / CORPORA[name], limit)
    nlp_ = nlp.load()
    gaz = Gazetteer(gaz_path) if gaz_path else Gazetteer.default()
    if mode == "public" and gaz_path:
        raise SystemExit("--mode public reads the default gazetteer: set KRONIKA_CACHE_DIR instead of --gazetteer")
    refused = 0
    tp_exact = tp_overlap = n_pred = n_gold = 0
    e2e, given = [], []
    t_parse = t_stage = t_gold = 0.0
    n_places = 0
    breakdown: Counter = Counter()
    for docid, text, published, gold in arts:
        t0 = time.perf_counter()
        doc = nlp_(text)
        t1 = time.perf_counter()
        ctx = Context.from_doc(doc, Document(id=str(docid), text=text, published=published))
        on = mode == "convention"
        places = resolve_places(ctx, gaz, adjectival=on, embedded=on)
        t2 = time.perf_counter()
        if mode == "public":
            places = _public_places(text, published, ctx)
            refused += places is None
            places = places or []
        t_parse += t1 - t0
        t_stage += t2 - t1
        n_places += len(places)
        n_pred += len(places)
        n_gold += len(gold)
        spans = {(p.start, p.end): p for p in places}
        for s, e, gid, lat, lon in gold:
            if (s, e) in spans:
                tp_exact += 1
            hit = next((p for p in places if p.start < e and s < p.end), None)
            if hit is not None:
                tp_overlap += 1
            if gid is not None:
                e2e.append((gid, lat, lon, spans.get((s, e)) or hit))
        with_coords = [(s, e) for s, e, gid, _, _ in gold if gid is not None]
        t3 = time.perf_counter()
        gp = resolve_spans(ctx, with_coords, gaz)
        t_gold += time.perf_counter() - t3
        by = {(p.start, p.end): p for p in gp}
        for s, e, gid, lat, lon in gold:
            if gid is not None:
                given.append((gid, lat, lon, by.get((s, e))))
                p = by.get((s, e))
                g = gaz.get(gid)
                level = g.level if g else "not in gazetteer"
                if p is None or p.latitude is None:
                    kind = "unresolved"
                elif km(lat, lon, p.latitude, p.longitude) <= 161:
                    kind = "within 161 km"
                else:
                    kind = "right id, point > 161 km" if p.geonameid == gid else "wrong id, > 161 km"
                breakdown[(level, kind)] += 1

    def prf(tp):
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    return {
        "docs": len(arts),
        "gold": n_gold,
        "pred": n_pred,
        "exact": prf(tp_exact),
        "overlap": prf(tp_overlap),
        "e2e": resolution_scores(e2e),
        "given": resolution_scores(given),
        "places_per_s": n_places / t_stage if t_stage else 0.0,
        "stage_share": t_stage / t_parse if t_parse else 0.0,
        "gold_per_s": len(given) / t_gold if t_gold else 0.0,
        "breakdown": breakdown,
        "mode": mode,
        "refused": refused,
    }


def report(name: str, r: dict, show_breakdown: bool = False) -> None:
    a, t = ANCHORS[name], TARGETS[name]
    what = {
        "public": "every place record of kronika.analyze (the headline)",
        "convention": "DIAGNOSTIC: places stage with the corpora's conventions (adjectival forms, names in organisations)",
        "stage": "places stage with the pipeline's options",
    }[r["mode"]]
    print(f"\n== {name}: {r['docs']} articles, {r['gold']} gold toponyms, {r['pred']} predicted — {what}")
    if r["refused"]:
        print(f"{r['refused']} articles refused by kronika.analyze (counted as missed)")
    for k in ("exact", "overlap"):
        p, rc, f = r[k]
        print(
            f"recognition ({k:7s})  P {p:.3f}  R {rc:.3f}  F1 {f:.3f}"
            + ("   (target F1 %.2f)" % t["f1"] if k == "overlap" else "")
        )
    print(f"{'':24s}{'kronika':>10s}{'Mordecai3':>11s}{'target':>8s}")
    e, g = r["e2e"], r["given"]
    print(f"{'end to end: id acc %':24s}{e['id']:10.1f}{a['e2e_id']:11.1f}")
    print(f"{'end to end: <=161 km %':24s}{e['161']:10.1f}{a['e2e_161']:11.1f}{t['e2e_161']:8.1f}")
    print(f"{'gold spans: id acc %':24s}{g['id']:10.1f}{a['gold_id']:11.1f}")
    print(f"{'gold spans: <=161 km %':24s}{g['161']:10.1f}{a['gold_161']:11.1f}{t['gold_161']:8.1f}")
    print(
        f"<=161 km counting a right id as 0 km (GeoNames' own points for countries/regions): "
        f"end to end {e['161_id']:.1f}%, gold spans {g['161_id']:.1f}%"
    )
    for lab, s in (("end to end", e), ("gold spans", g)):
        print(f"{lab}: mean error {s['mean']:.0f} km, median {s['median']:.1f} km, AUC {s['auc']:.3f} (n={s['n']})")
    if show_breakdown:
        n = sum(r["breakdown"].values()) or 1
        print("gold spans by the gold entry's level (share of all gold toponyms with coordinates):")
        for (level, kind), c in sorted(r["breakdown"].items(), key=lambda kv: -kv[1]):
            print(f"  {level:18s} {kind:26s} {c:5d} {100 * c / n:5.1f}%")
    print(
        f"speed: {r['places_per_s']:.0f} places/s end to end (stage {100 * r['stage_share']:.1f}% of spaCy parse time); "
        f"{r['gold_per_s']:.0f} gold toponyms/s resolved"
    )


def villages() -> int:
    """Each village of ``tests/corpus/villages.yaml`` in its sentence: is it, in ``kronika.analyze``'s
    output, the settlement of the named oblast (its point within 5 km)?"""
    import kronika
    import yaml

    rows = yaml.safe_load((ROOT / "tests" / "corpus" / "villages.yaml").read_text(encoding="utf-8"))
    ok = 0
    for v in rows:
        found = [p for p in kronika.analyze(v["text"], published="2025-01-20").places if p.text == v["name"]]
        p = found[0] if found else None
        good = (
            p is not None
            and p.admin1 == v["admin1"]
            and p.latitude is not None
            and km(v["lat"], v["lon"], p.latitude, p.longitude) < 5
        )
        ok += good
        print(
            f"{'ok ' if good else 'MISS'} {v['name']:18s} -> "
            + (f"{p.name}, {p.admin1} ({p.point_source}, {p.source_id or p.geonameid})" if p else "not found")
        )
    print(f"villages of the war: {ok} of {len(rows)} resolved to the right settlement")
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", choices=["tr-news", "lgl", "both"], default="both")
    ap.add_argument("--limit", type=int, default=None, help="first N articles of each corpus")
    ap.add_argument(
        "--gazetteer",
        type=Path,
        default=None,
        help="gazetteer SQLite file (default: the user cache; see `kronika gazetteer build --geonames`)",
    )
    ap.add_argument(
        "--breakdown",
        action="store_true",
        help="gold-span results by the gold entry's level (country, admin1...) and kind of error",
    )
    ap.add_argument(
        "--villages",
        action="store_true",
        help="only the check of the villages of the war (tests/corpus/villages.yaml) in the public output",
    )
    ap.add_argument(
        "--mode",
        choices=["public", "convention", "stage"],
        default="public",
        help="public: every place of kronika.analyze (headline); convention: the stage with the "
        "corpora's conventions (diagnostic); stage: the stage with the pipeline's options",
    )
    args = ap.parse_args(argv)
    if not BENCH.exists():
        print(f"benchmark data not found: {BENCH}", file=sys.stderr)
        return 2
    if args.villages:
        return villages()
    names = ["tr-news", "lgl"] if args.corpus == "both" else [args.corpus]
    from kronika.places import gazetteer, geonames_dump

    path = args.gazetteer or gazetteer.default_path()
    dumps = geonames_dump.recorded(path) if path.exists() else []
    print(
        f"gazetteer: {path} — "
        + (
            f"with GeoNames dump files {', '.join(map(str, dumps))}"
            if dumps
            else "as built (GeoNames' own points for countries and regions from the shipped table)"
        )
    )
    for name in names:
        report(name, run(name, args.limit, args.mode, args.gazetteer), args.breakdown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
