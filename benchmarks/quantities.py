"""Quantities on NewsQuant (CQE's news test set): value, value+unit and value+change F1.

Scores kronika's public output (the quantities of the pipeline, with ``Quantity.unit_name`` or,
for a count, ``Quantity.counted_phrase`` as the unit) and quantulum3 on the same 590 sentences,
with the CQE paper's conventions (Almasian et al., EMNLP 2023): a gold quantity is found
when a predicted value equals it (ranges as (low, high) pairs; quantulum3 is scored against
range midpoints, as CQE does for it, since it averages ranges); the unit is the normalized
unit name, lower-cased; change is one of = ~ > < up down. NewsQuant is a TEST set: the first
150 sentences are a development slice (``--errors`` prints misses there only); the headline
is the rest, never looked at sentence by sentence.

    .venv/bin/python benchmarks/quantities.py [--data ../shared/bench/quantities/NewsQuant.json] [--errors N]
    .venv/bin/python benchmarks/quantities.py --dev --no-quantulum --errors 40 --kind change   # development only
"""

from __future__ import annotations

import argparse
import json
import math
import re
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "bench" / "quantities" / "NewsQuant.json"

PUBLISHED = {  # CQE paper, Table (NewsQuant): F1
    "CQE": {"value": None, "value+unit": 84.2, "value+change": 88.0},
    "quantulum3 (paper)": {"value": 73.1, "value+unit": 47.3, "value+change": None},
}

_CHANGE = {
    "exact": "=",
    "range": "=",
    "vague": "=",
    "approximately": "~",
    "more_than": ">",
    "at_least": ">",
    "less_than": "<",
    "at_most": "<",
}
_KEEP = ("count", "measure", "age")  # NewsQuant annotates ages ("17-year-old") as quantities


def gold_value(raw: str, average: bool):
    if "E" not in raw and not raw.startswith("-") and "-" in raw:
        lo, hi = (float(x) for x in raw.split("-"))
        return (lo + hi) / 2 if average else (lo, hi)
    return float(raw)


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-5, abs_tol=1e-8)


def values_match(gold, pred) -> bool:
    if isinstance(gold, tuple) != isinstance(pred, tuple):
        return False
    if isinstance(gold, tuple):
        return close(gold[0], pred[0]) and close(gold[1], pred[1])
    return close(gold, pred)


def score(items: list[dict], predictions: list[list[dict]], average_ranges: bool = False) -> dict:
    """The CQE counting: each gold quantity takes the first prediction whose value and unit match."""
    total_gold = total_pred = ok_value = ok_unit = ok_change = 0
    for item, preds in zip(items, predictions):
        gold = sorted(item["quantities"], key=lambda q: q["normalized_unit"])
        tags = sorted(preds, key=lambda q: q["unit"])
        total_gold += len(gold)
        total_pred += len(tags)
        budget = len(gold)
        for g in gold:
            gv = gold_value(g["value"], average_ranges)
            gu = g["normalized_unit"].lower()
            for t in list(tags):
                if not values_match(gv, t["value"]):
                    continue
                if budget > 0:
                    ok_value += 1
                    budget -= 1
                if t.get("change") == g["change"]:
                    ok_change += 1
                if t["unit"].lower() == gu:
                    ok_unit += 1
                    tags.remove(t)
                    break

    def f1(tp):
        p = tp / total_pred if total_pred else 0.0
        r = tp / total_gold if total_gold else 0.0
        return (round(100 * p, 1), round(100 * r, 1), round(200 * p * r / (p + r), 1) if p + r else 0.0)

    return {
        "value": f1(ok_value),
        "value+unit": f1(ok_unit),
        "value+change": f1(ok_change),
        "gold": total_gold,
        "predicted": total_pred,
    }


_RE_BOTH_FIGURES = re.compile(r"\b(?:from|to|between)\b", re.IGNORECASE)


def _cqe(q) -> list[tuple[object, str]]:
    """CQE's (value, change) of a quantity. A range is a (low, high) pair. A change between two
    figures told start first ("rose from 300 to 400": the mention spans both) is the (start, end)
    pair with its direction; told end first ("to 3.9 million, up from 2.4 million": the mention is
    the end figure, the start figure comes after it) it is two figures, each a level, so '=' (in
    CQE up/down mark an amount that rose or fell: "up 19 cents", "rose 0.3%")."""
    change = _CHANGE.get(q.qualifier, "=")
    if q.previous is not None and not _RE_BOTH_FIGURES.search(q.text):
        return [(q.value, change), (q.previous, "=")]
    if change == "=" and q.change:
        change = q.change
    if q.low is not None and q.high is not None and q.value is None:
        return [((q.low, q.high), change)]
    if q.previous is not None:
        return [((q.previous, q.value), change)]
    return [(q.value, change)]


def kronika_predictions(texts: list[str], counted: str = "counted_phrase") -> tuple[list[list[dict]], float]:
    """kronika's public output: the quantities of ``Pipeline.pipe`` (what ``kronika.analyze`` runs,
    parses batched), each with its unit name or, for a count, what it counts (``counted``)."""
    from kronika.ingest import IngestOptions, read_text
    from kronika.pipeline import default_pipeline

    pipeline = default_pipeline()
    docs = [read_text(t, options=IngestOptions(check_language=False)) for t in texts]
    t0 = time.perf_counter()
    out = []
    for a in pipeline.pipe(docs, batch_size=32):
        preds = []
        for q in a.quantities:
            unit = (q.unit_name + (f" per {q.per}" if q.per else "")) if q.unit_name else (getattr(q, counted) or "-")
            for value, change in _cqe(q):
                if value is not None:
                    preds.append({"value": value, "unit": unit, "change": change, "text": q.text})
        out.append(preds)
    return out, time.perf_counter() - t0


_Q3_UNITS = {
    "dimensionless": "-",
    "unk": "-",
    "per cent": "percentage",
    "united states dollar": "dollar",
    "dollar dollar": "dollar",
    "tonne": "metric ton",
    "degree angle": "degree",
    "degree celsius": "celsius",
    "degree fahrenheit": "fahrenheit",
    "percentage drop": "percentage",
}


def quantulum_predictions(texts: list[str]) -> tuple[list[list[dict]], float]:
    import warnings

    warnings.filterwarnings("ignore")
    from quantulum3 import parser as q3

    q3.parse("warm up 1 km")
    t0 = time.perf_counter()
    out = []
    for text in texts:
        preds = []
        for q in q3.parse(text):
            unit = q.unit.name
            preds.append({"value": q.value, "unit": _Q3_UNITS.get(unit.lower(), unit), "change": None})
        out.append(preds)
    return out, time.perf_counter() - t0


DEV = 150  # the first 150 sentences are the development slice; the rest is the headline


def _table(rows) -> None:
    print(f"{'system':24} {'value P/R/F1':>20} {'value+unit P/R/F1':>20} {'value+change P/R/F1':>22}")
    for name, s in rows:
        cells = ["/".join(f"{x:.1f}" for x in s[k]) for k in ("value", "value+unit", "value+change")]
        print(f"{name:24} {cells[0]:>20} {cells[1]:>20} {cells[2]:>22}")


def _errors(items, ours, limit: int, kind: str = "unit") -> None:
    """Development-slice sentences where a gold quantity has no prediction of its value and unit
    (``kind="unit"``) or of its value and change (``kind="change"``), or the counts differ."""
    shown = 0
    for it, preds in zip(items, ours):
        gold = {(g["value"], g["normalized_unit"].lower(), g["change"]) for g in it["quantities"]}
        field, at = ("unit", 1) if kind == "unit" else ("change", 2)
        missed = [
            g
            for g in gold
            if not any(values_match(gold_value(g[0], False), p["value"]) and g[at] == p[field] for p in preds)
        ]
        if missed or (kind == "unit" and len(gold) != len(preds)):
            print("\n" + it["text"])
            print("  gold:", sorted(gold))
            print("  ours:", [(p["text"], p["value"], p["unit"], p["change"]) for p in preds])
            shown += 1
            if shown >= limit:
                break


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument(
        "--errors", type=int, default=0, help="print N development-slice sentences where kronika differs from gold"
    )
    ap.add_argument(
        "--kind",
        choices=("unit", "change"),
        default="unit",
        help="with --errors: misses of value+unit (default) or of value+change",
    )
    ap.add_argument("--no-quantulum", action="store_true")
    ap.add_argument(
        "--dev",
        action="store_true",
        help="score the development slice only (the held-out aggregate is not computed, so not looked at)",
    )
    args = ap.parse_args()
    items = json.loads(args.data.read_text("utf-8"))
    if args.dev:
        items = items[:DEV]
    texts = [it["text"] for it in items]
    parts = {"development (sentences 1-150)": slice(0, DEV)}
    if not args.dev:
        parts[f"held out (sentences {DEV + 1}-{len(items)}, headline)"] = slice(DEV, None)
    print(f"NewsQuant: {len(items)} sentences, {sum(len(i['quantities']) for i in items)} gold quantities")

    ours, t_ours = kronika_predictions(texts)
    heads, _ = kronika_predictions(texts, counted="counted")
    theirs = None
    if not args.no_quantulum:
        try:
            theirs, t_q3 = quantulum_predictions(texts)
        except ImportError:  # the `bench` extra: pip install -c requirements/constraints.txt -e '.[bench]'
            print("quantulum3 is not installed (the `bench` extra): its column is left out")
    for label, cut in parts.items():
        print(f"\n{label}: {len(items[cut])} sentences")
        rows = [
            ("kronika", score(items[cut], ours[cut])),
            ("kronika, counted noun only", score(items[cut], heads[cut])),
        ]
        if theirs is not None:
            rows.append(("quantulum3 (run here)", score(items[cut], theirs[cut], average_ranges=True)))
        _table(rows)
    print("\npublished, whole set:")
    for name, figs in PUBLISHED.items():
        cells = [f"F1 {figs[k]:.1f}" if figs[k] is not None else "—" for k in ("value", "value+unit", "value+change")]
        print(f"{name:24} {cells[0]:>20} {cells[1]:>20} {cells[2]:>22}")
    print(f"\nkronika (whole pipeline, parse included): {len(texts) / t_ours:,.0f} sentences/s")
    if theirs is not None:
        print(f"quantulum3: {len(texts) / t_q3:,.0f} sentences/s ({1000 * t_q3 / len(texts):.2f} ms each)")
    if args.errors:
        _errors(items[:DEV], ours[:DEV], args.errors, args.kind)


if __name__ == "__main__":
    main()
