"""Quantities on NewsQuant (CQE's news test set): value, value+unit and value+change F1.

Scores kronika's quantity parser and quantulum3 on the same 590 sentences in this process,
with the CQE paper's conventions (Almasian et al., EMNLP 2023): a gold quantity is found
when a predicted value equals it (ranges as (low, high) pairs; quantulum3 is scored against
range midpoints, as CQE does for it, since it averages ranges); the unit is the normalized
unit name, lower-cased; change is one of = ~ > < up down. NewsQuant is a TEST set: nothing
here is tuned on it.

    .venv/bin/python benchmarks/quantities.py [--data ../shared/bench/quantities/NewsQuant.json] [--errors N]
"""

from __future__ import annotations

import argparse
import json
import math
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "bench" / "quantities" / "NewsQuant.json"

PUBLISHED = {  # CQE paper, Table (NewsQuant): F1
    "CQE": {"value": None, "value+unit": 84.2, "value+change": 88.0},
    "quantulum3 (paper)": {"value": 73.1, "value+unit": 47.3, "value+change": None},
}

_CHANGE = {"exact": "=", "range": "=", "vague": "=", "approximately": "~", "more_than": ">", "at_least": ">",
           "less_than": "<", "at_most": "<"}
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

    return {"value": f1(ok_value), "value+unit": f1(ok_unit), "value+change": f1(ok_change),
            "gold": total_gold, "predicted": total_pred}


def _lemmas(tokens) -> str:
    out = ""
    for t in tokens:
        out += (t.lemma_ if t.pos_ != "PROPN" else t.text) + (" " if t.whitespace_ else "")
    return out.strip().lower()


def noun_phrase_unit(span, doc) -> str:
    """CQE's unit for a bare count: the counted noun with its modifiers, lemmatized ("different boss");
    for a partitive ("one of the oldest ballparks in America") the content words of the whole phrase."""
    from kronika.claims.measures import _counted_noun

    noun, anchor = _counted_noun(span, doc)
    if noun is None or noun.i < span.end:
        return "-"
    if anchor is not noun and noun.head.dep_ == "prep" and noun.head.lower_ == "of":
        cut = {t.i for c in noun.children if c.dep_ in ("relcl", "advcl", "conj", "cc", "appos") for t in c.subtree}
        words = [t for t in noun.subtree if t.pos_ in ("NOUN", "PROPN", "ADJ", "VERB") and not t.like_num and t.i not in cut]
        return " ".join((t.lemma_ if t.pos_ != "PROPN" else t.text).lower() for t in words) or "-"
    mods = [c for c in noun.lefts if c.dep_ in ("amod", "compound") and c.i >= span.end and not c.like_num]
    first = min((m.left_edge.i for m in mods), default=noun.i)
    first = max(first, span.end)
    return _lemmas(doc[first : noun.i + 1]) or "-"


_RE_PER = None


def per_unit(text: str, end: int, doc) -> str:
    """'$3,500 a month' -> ' per month'; '$2.11 per gallon' -> ' per gallon'."""
    import re

    global _RE_PER
    if _RE_PER is None:
        _RE_PER = re.compile(r"[ \t]*(?:per|a|an|each)[ \t]+([A-Za-z]+(?:[ \t]+(?:foot|feet|metre|meter|mile|kilometre|kilometer))?)\b")
    m = _RE_PER.match(text, end)
    if not m:
        return ""
    span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
    if span is None or span[-1].pos_ not in ("NOUN", "PROPN"):
        return ""
    words = " ".join(t.lemma_.lower() for t in span)
    words = words.replace("feet", "foot").replace("meter", "metre").replace("kilometer", "kilometre")
    return " per " + words


def kronika_predictions(texts: list[str]) -> tuple[list[list[dict]], float, float]:
    """kronika: the text-level parser, plus spaCy for the unit of bare counts (the counted noun)."""
    from kronika import nlp as _nlp
    from kronika.claims.measures import _counted_noun
    from kronika.quantities import parse_quantities

    nlp = _nlp.load()
    parse_quantities("warm up 1")
    t0 = time.perf_counter()
    # NewsQuant annotates ages only with an explicit unit ("17-year-old"), not "Smith, 25,"
    parsed = [[p for p in parse_quantities(t) if p.kind in _KEEP and (p.kind != "age" or p.unit)] for t in texts]
    t_parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))
    out = []
    for text, doc, ps in zip(texts, docs, parsed):
        preds = []
        for p in ps:
            if p.low is not None and p.high is not None and p.value is None:
                value = (p.low, p.high)
            elif p.previous is not None:
                # a change "from X to Y" / "to Y from X": CQE writes it as the (start, end) pair
                value = (p.previous, p.value)
            else:
                value = p.value
            if value is None:
                continue
            unit = p.unit_name
            span = doc.char_span(p.number_start, p.number_end, alignment_mode="expand")
            if unit is None:
                unit = noun_phrase_unit(span, doc) if span is not None and len(span) else "-"
            else:
                unit += per_unit(text, p.end, doc)
            change = _CHANGE.get(p.qualifier, "=")
            if change == "=" and p.change:
                change = p.change
            preds.append({"value": value, "unit": unit, "change": change, "text": p.text})
        out.append(preds)
    t_units = time.perf_counter() - t0
    return out, t_parse, t_units


_Q3_UNITS = {"dimensionless": "-", "unk": "-", "per cent": "percentage", "united states dollar": "dollar",
             "dollar dollar": "dollar", "tonne": "metric ton", "degree angle": "degree",
             "degree celsius": "celsius", "degree fahrenheit": "fahrenheit", "percentage drop": "percentage"}


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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--errors", type=int, default=0, help="print N sentences where kronika differs from gold")
    ap.add_argument("--no-quantulum", action="store_true")
    args = ap.parse_args()
    items = json.loads(args.data.read_text("utf-8"))
    texts = [it["text"] for it in items]
    print(f"NewsQuant: {len(items)} sentences, {sum(len(i['quantities']) for i in items)} gold quantities")

    ours, t_parse, t_units = kronika_predictions(texts)
    rows = [("kronika", score(items, ours))]
    speeds = [f"kronika parse_quantities: {len(texts) / t_parse:,.0f} sentences/s ({1000 * t_parse / len(texts):.2f} ms each); "
              f"with spaCy parse for count units: {len(texts) / (t_parse + t_units):,.0f} sentences/s"]
    if not args.no_quantulum:
        theirs, t_q3 = quantulum_predictions(texts)
        rows.append(("quantulum3 (run here)", score(items, theirs, average_ranges=True)))
        speeds.append(f"quantulum3: {len(texts) / t_q3:,.0f} sentences/s ({1000 * t_q3 / len(texts):.2f} ms each)")

    print(f"\n{'system':24} {'value P/R/F1':>20} {'value+unit P/R/F1':>20} {'value+change P/R/F1':>22}")
    for name, s in rows:
        cells = ["/".join(f"{x:.1f}" for x in s[k]) for k in ("value", "value+unit", "value+change")]
        print(f"{name:24} {cells[0]:>20} {cells[1]:>20} {cells[2]:>22}")
    for name, figs in PUBLISHED.items():
        cells = [f"F1 {figs[k]:.1f}" if figs[k] is not None else "—" for k in ("value", "value+unit", "value+change")]
        print(f"{name:24} {cells[0]:>20} {cells[1]:>20} {cells[2]:>22}")
    print()
    for line in speeds:
        print(line)

    if args.errors:
        shown = 0
        for it, preds in zip(items, ours):
            gold = {(g["value"], g["normalized_unit"].lower(), g["change"]) for g in it["quantities"]}
            mine = {(str(p["value"]), p["unit"], p["change"]) for p in preds}
            if len(gold) != len(mine) or any(
                not any(values_match(gold_value(g[0], False), p["value"]) and g[1] == p["unit"] for p in preds) for g in gold
            ):
                print("\n" + it["text"])
                print("  gold:", sorted(gold))
                print("  ours:", [(p["text"], p["value"], p["unit"], p["change"]) for p in preds])
                shown += 1
                if shown >= args.errors:
                    break


if __name__ == "__main__":
    main()
