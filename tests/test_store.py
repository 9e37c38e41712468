"""The store on real SQLite files: each document once, one transaction per document."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kronika.chronicle import Chronicle
from kronika.errors import KronikaError
from kronika.store import SCHEMA_VERSION, Store


def test_schema_is_created_and_versioned(db_path):
    store = Store(db_path)
    assert store.schema_version() == SCHEMA_VERSION
    con = sqlite3.connect(db_path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"documents", "events", "claims", "kronika_meta"} <= tables


def test_newer_schema_is_refused(db_path):
    Store(db_path)
    con = sqlite3.connect(db_path)
    con.execute("UPDATE kronika_meta SET value='99' WHERE key='schema_version'")
    con.commit()
    with pytest.raises(KronikaError, match="newer than this kronika"):
        Store(db_path)


def test_not_a_database(tmp_path):
    p = tmp_path / "notes.db"
    p.write_text("hello")
    with pytest.raises(KronikaError, match="not a SQLite database"):
        Store(p)


def test_add_is_idempotent(db_path, example_analysis):
    store = Store(db_path)
    assert store.add(example_analysis) is True
    first = store.count()
    assert store.add(example_analysis) is False
    assert store.count() == first
    assert first["documents"] == 1
    assert first["events"] == len(example_analysis.events) and first["claims"] == len(example_analysis.claims)
    back = store.analysis(example_analysis.document.id)
    assert back == example_analysis  # the stored JSON round-trips to the same records


def test_ingest_folder_twice_stores_each_once(db_path, centcom_folder, example_path, pipeline):
    ch = Chronicle(db_path)
    r1 = ch.ingest([centcom_folder, example_path], pipeline=pipeline, published="2017-01-10")
    assert r1.added == 7 and r1.skipped == 0 and not r1.failed
    counts = ch.store.count()
    r2 = ch.ingest([centcom_folder, example_path], pipeline=pipeline, published="2017-01-10")
    assert r2.added == 0 and r2.skipped == 7
    assert ch.store.count() == counts


def test_bad_files_leave_store_unchanged(db_path, tmp_path, example_path, pipeline):
    ch = Chronicle(db_path)
    ch.ingest([example_path], pipeline=pipeline)
    before = ch.store.count()
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (bad / "latin1.txt").write_bytes("Des soldats ont été capturés près de Soudja.".encode("latin-1"))
    report = ch.ingest([bad], pipeline=pipeline)
    assert report.added == 0 and len(report.failed) == 3
    messages = sorted(m for _, m in report.failed)
    assert "binary data, not text" in messages[0]
    assert "the file is empty" in messages[1]
    assert "not valid UTF-8" in messages[2]
    assert ch.store.count() == before


@pytest.mark.slow
def test_killed_ingest_resumes_without_duplicates(tmp_path):
    """Kill an ingest mid-batch with SIGKILL; a re-run completes it and stores nothing twice."""
    from tests.conftest import re3d_documents

    folder = tmp_path / "docs"
    folder.mkdir()
    docs = re3d_documents("centcom") + re3d_documents("us-state-department")
    for d in docs:
        (folder / f"{d['_id']}.txt").write_text(d["text"], "utf-8")
    n = len(list(folder.iterdir()))
    db = tmp_path / "kill.db"
    cmd = [sys.executable, "-m", "kronika.cli", "ingest", str(folder), "--db", str(db), "--published", "2017-01-10", "-q"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if db.exists():
            try:
                con = sqlite3.connect(db, timeout=1)
                stored = con.execute("SELECT count(*) FROM documents").fetchone()[0]
                con.close()
            except sqlite3.OperationalError:
                continue
            if stored >= 3:
                break
    assert proc.poll() is None, "ingest finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    con = sqlite3.connect(db)
    partial = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    con.close()
    assert 3 <= partial < n
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert f"{n - partial} added, {partial} already stored" in done.stderr
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*), count(DISTINCT id) FROM documents").fetchone() == (n, n)
    orphans = con.execute("SELECT count(*) FROM events WHERE doc_id NOT IN (SELECT id FROM documents)").fetchone()[0]
    assert orphans == 0


def _children(pid: int) -> set[int]:
    try:
        return set(map(int, Path(f"/proc/{pid}/task/{pid}/children").read_text().split()))
    except OSError:
        return set()


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0] != "Z"
    except OSError:
        return False


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux's /proc")
def test_killing_the_parent_of_a_parallel_ingest_stops_its_workers(tmp_path):
    """SIGKILL the parent of `ingest --workers 2`: its two workers do not keep running."""
    from tests.conftest import re3d_documents

    folder = tmp_path / "docs"
    folder.mkdir()
    for d in re3d_documents("centcom"):
        (folder / f"{d['_id']}.txt").write_text(d["text"], "utf-8")
    cmd = [sys.executable, "-m", "kronika.cli", "ingest", str(folder), "--db", str(tmp_path / "w.db"),
           "--workers", "2", "--published", "2017-01-10", "-q"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while len(_children(proc.pid)) < 2 and time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
    workers = _children(proc.pid)
    assert len(workers) >= 2, "the workers did not start"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.time() + 20
    while any(map(_alive, workers)) and time.time() < deadline:
        time.sleep(0.1)
    left = [w for w in workers if _alive(w)]
    for w in left:
        os.kill(w, signal.SIGKILL)
    assert not left, f"workers still running after their parent was killed: {left}"
