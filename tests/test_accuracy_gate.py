"""The accuracy gate: headline figures stay above pinned floors (tests/gate.yaml).

Two parts. The local gate reads development data from ../shared/bench at run time (next to the
repository; the repository keeps only the floors and the corpus hashes); without it (CI has none)
those checks are skipped, saying so: run them before merging (about a minute). The checks marked
``in_repo`` read data the repository ships (re3d's public-domain documents and their gold
entities, the expected facts of tests/expected: ``benchmarks/re3d.py``) and are never skipped:
they are the gate CI runs (about 15 s).
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"
GATE = yaml.safe_load((ROOT / "tests" / "gate.yaml").read_text("utf-8"))


def tree_hash(path: Path) -> str:
    """sha256 over a file, or over every file under a folder (their paths and contents)."""
    h = hashlib.sha256()
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    for f in files:
        h.update(f.relative_to(path.parent).as_posix().encode() + b"\0")
        h.update(hashlib.sha256(f.read_bytes()).digest())
    return h.hexdigest()[:16]


def figure(output: str, pattern: str) -> float:
    m = re.search(pattern, output, re.M)
    assert m, f"no figure matching {pattern!r} in the benchmark's output:\n{output[-2000:]}"
    return float(m.group(1))


def test_figures_are_read_from_the_output():
    line = "kronika         83.80  87.43  85.58       92.06  96.05  94.01     88.64    94.29      75.42     80.23"
    patterns = {f["name"]: f["pattern"] for f in GATE["checks"][0]["figures"]}
    assert figure(line, patterns["strict F1"]) == 85.58 and figure(line, patterns["value F1"]) == 75.42
    [in_repo] = [c for c in GATE["checks"] if c.get("in_repo")]
    patterns = {f["name"]: f["pattern"] for f in in_repo["figures"]}
    out = (
        "places             519   376  0.758  0.617  0.680\n"
        "places (named)     406   376  0.758  0.788  0.773\n"
        "expected facts (tests/expected): 34 of 34 held, 100.0%\n"
    )
    assert figure(out, patterns["places overlap F1"]) == 0.680
    assert figure(out, patterns["named places overlap F1"]) == 0.773
    assert figure(out, patterns["expected facts held %"]) == 100.0


def test_the_ci_part_reads_only_the_repository():
    """The ``in_repo`` checks run in CI: their data is in the repository and their command is a
    script of it (never ../shared)."""
    in_repo = [c for c in GATE["checks"] if c.get("in_repo")]
    assert in_repo
    for check in in_repo:
        assert all((ROOT / rel).exists() for rel in check["corpus"])
        assert (ROOT / check["command"][0]).is_file() and not any("shared" in part for part in check["command"])


@pytest.mark.slow
@pytest.mark.parametrize("check", GATE["checks"], ids=lambda c: c["name"])
def test_accuracy_gate(check):
    base = ROOT if check.get("in_repo") else BENCH
    if not base.is_dir():
        pytest.skip(
            f"this check of the accuracy gate is local: {BENCH} is not there (benchmark data is never in the repo)"
        )
    for rel, want in check["corpus"].items():
        got = tree_hash(base / rel)
        assert got == want, f"{rel}: corpus hash {got}, pinned {want}: re-pin its hash and floors together"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run(
        [sys.executable, *check["command"]], cwd=ROOT, capture_output=True, text=True, env=env, timeout=600
    )
    assert done.returncode == 0, done.stderr[-2000:]
    low = [
        f"{f['name']} {figure(done.stdout, f['pattern'])} < floor {f['floor']}"
        for f in check["figures"]
        if figure(done.stdout, f["pattern"]) < f["floor"]
    ]
    assert not low, f"{check['name']}: " + "; ".join(low)
