"""Worst-case time: adversarial texts through every stage finish in bounded time, and batch
ingest reports and skips a document whose analysis exceeds the per-document time limit."""

from __future__ import annotations

import time

import pytest

from kronika.ingest import IngestOptions, read_text

LEAD = "Russian forces shelled Kharkiv, killing 3 civilians, officials said on 3 March 2025. "
ADVERSARIAL = {
    "10,000 numbers in a list": LEAD + "The lists give " + ", ".join(str(i) for i in range(10_000)) + " dead.",
    "30,000 commas": LEAD + "," * 30_000,
    "nested brackets and quotes": LEAD + "([{“‘\"" * 5_000 + "\"’”}])" * 5_000,
    "one 100 kB line": (LEAD * 1_200)[:100_000],
}


@pytest.mark.slow
@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_adversarial_text_through_every_stage(pipeline, name):
    text = ADVERSARIAL[name]
    document = read_text(text, name=name, options=IngestOptions(check_language=False))
    t0 = time.monotonic()
    analysis = pipeline.analyze_document(document)
    took = time.monotonic() - t0
    assert took < 60, f"{name}: {took:.0f} s"
    assert analysis.sentences and analysis.document.text == document.text
    for item in (*analysis.quantities, *analysis.claims, *analysis.events):
        assert 0 <= item.start <= item.end <= len(text)
    assert any(c.measure == "killed" and c.quantity.value == 3 for c in analysis.claims)


def test_long_runs_keep_their_offsets():
    from kronika.pipeline import tokenizable

    text = "Before. " + "," * 1000 + " after."
    out = tokenizable(text)
    assert len(out) == len(text) and out.startswith("Before. ") and out.endswith(" after.")
    assert max(map(len, out.split())) < 64 and tokenizable("a normal sentence.") == "a normal sentence."


@pytest.mark.slow
def test_a_document_over_the_time_limit_is_reported_and_skipped(tmp_path):
    """`kronika ingest --time-limit 1`, in its own process (as a user runs it)."""
    import subprocess
    import sys

    slow, fast = tmp_path / "slow.txt", tmp_path / "fast.txt"
    slow.write_text(ADVERSARIAL["10,000 numbers in a list"], "utf-8")
    fast.write_text("Two civilians were wounded in Kharkiv when debris fell on a residential building, "
                    "regional governor Oleh Syniehubov said on 3 March 2025.", "utf-8")
    cmd = [sys.executable, "-m", "kronika.cli", "ingest", str(slow), str(fast), "--db", str(tmp_path / "k.db"),
           "--time-limit", "1", "-q"]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert f"kronika: error: {slow}: analysis took longer than 1 s; skipped (--time-limit)" in lines
    assert lines[-1].startswith("1 added, 0 already stored, 1 failed")


@pytest.mark.slow
def test_the_time_limit_in_process(tmp_path, pipeline):
    """Chronicle.ingest(time_limit=) in this process, after the adversarial texts above ran."""
    from kronika.chronicle import Chronicle

    slow, fast = tmp_path / "slow.txt", tmp_path / "fast.txt"
    slow.write_text(ADVERSARIAL["10,000 numbers in a list"], "utf-8")
    fast.write_text("Two civilians were wounded in Kharkiv when debris fell on a residential building, "
                    "regional governor Oleh Syniehubov said on 3 March 2025.", "utf-8")
    ch = Chronicle(tmp_path / "k.db")
    t0 = time.monotonic()
    report = ch.ingest([slow, fast], pipeline=pipeline, time_limit=1.0)
    assert report.added == 1 and report.failed == [
        (str(slow), f"{slow}: analysis took longer than 1 s; skipped (--time-limit)")]
    assert [d["path"] for d in ch.documents()] == [str(fast)] and time.monotonic() - t0 < 20
