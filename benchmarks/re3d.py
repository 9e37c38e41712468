"""The CI accuracy gate's figures: kronika's public output on data the repository ships (not a test).

    .venv/bin/python benchmarks/re3d.py [--errors KIND] [--collection centcom|us-state-department]

Two in-repository sources, so the gate runs where ``../shared/bench`` is absent (CI):

* ``tests/corpus/re3d-public-domain`` (Dstl's re3d, the public-domain CENTCOM and US State
  Department releases, 45 documents with gold entities; see its README). Each document's text goes
  through ``kronika.analyze`` (no publication date: the texts have none) and the records are scored
  against the gold entities by character overlap: precision is the share of kronika's records that
  overlap a gold entity of the compared types, recall the share of gold entities that some record
  overlaps. Compared:

  - ``places``: Analysis places with role ``location`` vs gold Location; ``places (named)`` the
    same against the gold Locations written with a capital letter (re3d also marks "the camp");
  - ``demonyms``: places with role ``demonym`` vs gold Nationality;
  - ``actors``: Analysis actors vs gold Organisation and Person written with a capital letter (not
    "we", "mourners");
  - ``quantities``: Analysis quantities vs gold Quantity and Money;
  - ``times``: Analysis times vs gold Temporal.

  re3d's annotation is its own (noun phrases with their determiners, pronouns, nested entities),
  hence overlap rather than exact spans: the figures are a regression floor, not a comparison with
  other systems. No rule is ever written for a sentence of this corpus (it is in the repository
  and in the tests); only general changes move these figures.
* ``tests/expected/*.yaml``: the facts kronika must (and must not) find in the canonical example and
  the constructed report, as ``tests/test_expected.py`` checks them one by one; here their share.

Figures go to tests/gate.yaml (the CI part of the accuracy gate, ``tests/test_accuracy_gate.py``).
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
RE3D = ROOT / "tests" / "corpus" / "re3d-public-domain"
EXPECTED = ROOT / "tests" / "expected"
COLLECTIONS = ("centcom", "us-state-department")

# kind -> (the Analysis records compared, gold entity types, only gold written with a capital)
KINDS = {
    "places": ("places:location", ("Location",), False),
    "places (named)": ("places:location", ("Location",), True),
    "demonyms": ("places:demonym", ("Nationality",), False),
    "actors": ("actors", ("Organisation", "Person"), True),
    "quantities": ("quantities", ("Quantity", "Money"), False),
    "times": ("times", ("Temporal",), False),
}


@dataclass
class Score:
    pred: int = 0
    pred_hit: int = 0
    gold: int = 0
    gold_hit: int = 0
    misses: list = field(default_factory=list)  # (document, text) of gold entities no record overlaps
    extra: list = field(default_factory=list)  # (document, text) of records overlapping no gold entity

    def prf(self) -> tuple[float, float, float]:
        p = self.pred_hit / self.pred if self.pred else 0.0
        r = self.gold_hit / self.gold if self.gold else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def offset_map(original: str, analysed: str) -> list[int]:
    """For each character position of ``original`` (and its end), the position in ``analysed`` (the
    document text kronika keeps: lines' trailing blanks dropped); deleted characters map to the
    next kept one."""
    out = [0] * (len(original) + 1)
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, original, analysed, autojunk=False).get_opcodes():
        for k in range(i1, i2):
            out[k] = j1 + (k - i1 if op == "equal" else min(k - i1, max(j2 - j1 - 1, 0)))
        out[i2] = j2
    return out


def records(analysis: dict, which: str) -> list[tuple[int, int, str]]:
    name, _, role = which.partition(":")
    return [(r["start"], r["end"], r["text"]) for r in analysis[name] if not role or r.get("role") == role]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_document(name: str, analysis: dict, gold: list[dict], cut: list[int], scores: dict[str, Score]) -> None:
    for kind, (which, types, named) in KINDS.items():
        spans = records(analysis, which)
        wanted = [
            (cut[g["begin"]], cut[g["end"]], g["value"])
            for g in gold
            if g["type"] in types and (not named or any(c.isupper() for c in g["value"]))
        ]
        s = scores[kind]
        s.pred += len(spans)
        s.gold += len(wanted)
        for a, b, text in spans:
            if any(_overlaps((a, b), (ga, gb)) for ga, gb, _ in wanted):
                s.pred_hit += 1
            else:
                s.extra.append((name, text))
        for ga, gb, text in wanted:
            if any(_overlaps((a, b), (ga, gb)) for a, b, _ in spans):
                s.gold_hit += 1
            else:
                s.misses.append((name, text))


def score_re3d(pipeline, collections: tuple[str, ...]) -> tuple[dict[str, Score], int]:
    scores = {kind: Score() for kind in KINDS}
    n = 0
    for coll in collections:
        gold_of: dict[str, list[dict]] = {}
        for e in read_jsonl(RE3D / coll / "entities.json"):
            gold_of.setdefault(e["documentId"], []).append(e)
        for d in read_jsonl(RE3D / coll / "documents.json"):
            analysis = json.loads(pipeline.analyze(d["text"], check_language=False).model_dump_json())
            cut = offset_map(d["text"], analysis["document"]["text"])
            score_document(f"{coll}/{d['_id'][:8]}", analysis, gold_of.get(d["_id"], []), cut, scores)
            n += 1
    return scores, n


def _get(record, path: str):
    for part in path.split("."):
        if not isinstance(record, dict):
            return None
        record = record.get(part)
    return record


def _has(record: dict, fact: dict) -> bool:
    """As tests/test_expected.py: every field of ``fact`` equal in ``record`` (numbers as floats)."""
    for path, want in fact.items():
        got = _get(record, path)
        if isinstance(want, (int, float)) and not isinstance(want, bool) and isinstance(got, (int, float)):
            if float(got) != float(want):
                return False
        elif got != want:
            return False
    return True


def expected_facts(pipeline) -> tuple[int, int, list[str]]:
    """(facts held, facts, the ones that do not hold) of tests/expected/*.yaml."""
    from kronika.ingest import read_path

    held = total = 0
    failed = []
    for path in sorted(EXPECTED.glob("*.yaml")):
        spec = yaml.safe_load(path.read_text("utf-8"))
        [doc] = list(read_path(ROOT / spec["document"]))
        analysis = json.loads(pipeline.analyze_document(doc).model_dump_json())
        for kind, must in (("must", True), ("must_not", False)):
            for fld, facts in (spec.get(kind) or {}).items():
                for fact in facts:
                    total += 1
                    if any(_has(r, fact) for r in analysis[fld]) == must:
                        held += 1
                    else:
                        failed.append(f"{path.stem}: {kind} {fld} {fact}")
    return held, total, failed


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--collection", choices=COLLECTIONS, help="one re3d collection (default: both)")
    ap.add_argument("--errors", choices=list(KINDS), help="list the misses and the extra records of one kind")
    args = ap.parse_args(argv)
    from kronika.pipeline import Pipeline

    started = time.monotonic()
    pipeline = Pipeline()
    scores, n = score_re3d(pipeline, (args.collection,) if args.collection else COLLECTIONS)
    print(f"re3d public domain: {n} documents, kronika.analyze output vs gold entities (overlap)")
    print(f"{'kind':16s} {'gold':>5s} {'pred':>5s}      P      R     F1")
    for kind, s in scores.items():
        p, r, f = s.prf()
        print(f"{kind:16s} {s.gold:5d} {s.pred:5d}  {p:.3f}  {r:.3f}  {f:.3f}")
    held, total, failed = expected_facts(pipeline)
    print(f"expected facts (tests/expected): {held} of {total} held, {100 * held / max(total, 1):.1f}%")
    for line in failed:
        print(f"  does not hold: {line}")
    if args.errors:
        s = scores[args.errors]
        print(f"\n{args.errors}: gold entities no record overlaps ({len(s.misses)})")
        for doc, text in s.misses:
            print(f"  {doc}  {text!r}")
        print(f"{args.errors}: records overlapping no gold entity ({len(s.extra)})")
        for doc, text in s.extra:
            print(f"  {doc}  {text!r}")
    print(f"time: {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
