"""The store on real SQLite files and PostgreSQL databases: each document once, one transaction
per batch, safe with concurrent writers."""

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
from tests.conftest import ON_POSTGRES, sqlite_only


@sqlite_only
def test_schema_is_created_and_versioned(db_path):
    store = Store(db_path)
    assert store.schema_version() == SCHEMA_VERSION
    con = sqlite3.connect(db_path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"documents", "events", "claims", "kronika_meta"} <= tables


def test_schema_is_created_on_either_store(db_path):
    from sqlalchemy import inspect

    store = Store(db_path)
    assert store.schema_version() == SCHEMA_VERSION
    assert store.engine.dialect.name == ("postgresql" if ON_POSTGRES else "sqlite")
    tables = set(inspect(store.engine).get_table_names())
    assert {"documents", "events", "claims", "statements", "chronicle_events", "claim_series", "kronika_meta"} <= tables
    assert "series_key" in {c["name"] for c in inspect(store.engine).get_columns("claims")}
    Store(db_path)  # opening it again migrates nothing
    assert Store(db_path).schema_version() == SCHEMA_VERSION


@sqlite_only
@pytest.mark.parametrize("version", [3, 4])
def test_an_older_store_is_migrated_with_its_chronicle(db_path, example_analysis, version):
    """A store of schema 3 (no series keys, sweep dates or links) or 4 (series stored whole, no
    windows) gets them, and its chronicle is rebuilt with them: later batches update it as a
    rebuild would."""
    from tests.test_chronicle import _snapshot

    store = Store(db_path)
    docs = _copies(example_analysis, 12)
    store.add_batch(docs[:8])
    expected = _snapshot(store)
    store.close()
    con = sqlite3.connect(db_path)
    dropped = [("ix_claims_series_window", "claims", "series_window")]
    if version == 3:
        dropped += [
            ("ix_claims_series_key", "claims", "series_key"),
            ("ix_events_type_sweep", "events", "sweep_start"),
            ("ix_chronicle_reports_report", "chronicle_reports", "edge"),
        ]
    for index, table, column in dropped:
        con.execute(f"DROP INDEX {index}")
        con.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    con.execute("DROP TABLE series_windows")
    con.execute("DROP TABLE series_claimants")
    con.execute("UPDATE claim_series SET data = '{}'")  # not as schema 5 keeps it
    con.execute(f"UPDATE kronika_meta SET value='{version}' WHERE key='schema_version'")
    con.commit()
    con.close()
    store = Store(db_path)
    assert store.schema_version() == SCHEMA_VERSION
    assert _snapshot(store) == expected
    store.add_batch(docs[8:])
    after = _snapshot(store)
    store.rebuild_chronicle()
    assert _snapshot(store) == after


@sqlite_only
def test_newer_schema_is_refused(db_path):
    Store(db_path)
    con = sqlite3.connect(db_path)
    con.execute("UPDATE kronika_meta SET value='99' WHERE key='schema_version'")
    con.commit()
    with pytest.raises(KronikaError, match="newer than this kronika"):
        Store(db_path)


@sqlite_only
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


@sqlite_only
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
    cmd = [
        sys.executable,
        "-m",
        "kronika.cli",
        "ingest",
        str(folder),
        "--db",
        str(db),
        "--published",
        "2017-01-10",
        "-q",
    ]
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
    """The child processes of ``pid``, whichever of its threads started them."""
    out: set[int] = set()
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            out |= set(map(int, (task / "children").read_text().split()))
    except OSError:
        pass
    return out


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0] != "Z"
    except OSError:
        return False


def _stored(db: Path) -> int:
    try:
        con = sqlite3.connect(db, timeout=1)
        try:
            return con.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            con.close()
    except sqlite3.OperationalError:
        return 0


def _parallel_ingest(tmp_path):
    from tests.conftest import re3d_documents

    folder = tmp_path / "docs"
    folder.mkdir()
    for d in re3d_documents("centcom") + re3d_documents("us-state-department"):
        (folder / f"{d['_id']}.txt").write_text(d["text"], "utf-8")
    db = tmp_path / "w.db"
    cmd = [
        sys.executable,
        "-m",
        "kronika.cli",
        "ingest",
        str(folder),
        "--db",
        str(db),
        "--workers",
        "2",
        "--published",
        "2017-01-10",
        "-q",
    ]
    return (
        len(list(folder.iterdir())),
        db,
        cmd,
        subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE),
    )


def _wait_for(proc, db: Path, stored: int, seconds: float = 180) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline and proc.poll() is None and _stored(db) < stored:
        time.sleep(0.2)
    assert proc.poll() is None, "ingest finished before it could be killed"


def _complete_and_consistent(n: int, db: Path, cmd: list[str]) -> None:
    """A re-run stores every document once, and the chronicle equals a rebuild."""
    from tests.test_chronicle import _snapshot

    done = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*), count(DISTINCT id) FROM documents").fetchone() == (n, n)
    assert con.execute("SELECT count(*) FROM events WHERE doc_id NOT IN (SELECT id FROM documents)").fetchone()[0] == 0
    con.close()
    store = Store(db)
    before = _snapshot(store)
    store.rebuild_chronicle()
    assert _snapshot(store) == before and before[0]


@sqlite_only
@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux's /proc")
def test_killing_the_parent_of_a_parallel_ingest_leaves_nothing_behind(tmp_path):
    """SIGKILL the parent of `ingest --workers 2` (Dask) mid-batch: none of its processes keeps
    running, and a re-run completes it without duplicates, its chronicle equal to a rebuild."""
    n, db, cmd, proc = _parallel_ingest(tmp_path)
    _wait_for(proc, db, 3)
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
    assert not left, f"processes still running after their parent was killed: {left}"
    assert 3 <= _stored(db) < n
    _complete_and_consistent(n, db, cmd)


@sqlite_only
@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux's /proc")
def test_killing_a_worker_of_a_parallel_ingest_loses_nothing(tmp_path):
    """SIGKILL one Dask worker mid-ingest: it is replaced, its documents analysed again; the
    ingest stores every document once and its chronicle equals a rebuild."""
    n, db, cmd, proc = _parallel_ingest(tmp_path)
    _wait_for(proc, db, 3)
    workers = [p for p in _children(proc.pid) if "spawn_main" in Path(f"/proc/{p}/cmdline").read_text()]
    assert workers, "no worker process"
    os.kill(workers[0], signal.SIGKILL)
    assert proc.wait(timeout=900) == 0, proc.stderr.read().decode()
    assert _stored(db) == n
    _complete_and_consistent(n, db, cmd)
    assert not [p for p in _children(proc.pid) if _alive(p)]


def _copies(analysis, n: int) -> list:
    """``n`` copies of a real analysis as distinct documents a day apart (each copy's events
    merge with the neighbouring copies')."""
    import datetime as dt

    from kronika.records import Analysis

    out = []
    for i in range(n):
        data = analysis.model_dump(mode="python")
        data["document"].update(
            id=f"copy{i:012d}",
            source=f"wire {i % 4}",
            published=analysis.document.published + dt.timedelta(days=i // 4),
        )
        out.append(Analysis.model_validate(data))
    return out


def test_two_ingests_at_once_lose_and_duplicate_nothing(db_path, example_analysis):
    """Two writers store overlapping batches into one database at the same time (in opposite
    orders): every document is stored once, with all its rows, and the chronicle equals a rebuild."""
    import threading

    from tests.test_chronicle import _snapshot

    docs = _copies(example_analysis, 60)
    Store(db_path).close()  # created and migrated once
    stores = [Store(db_path), Store(db_path)]
    start = threading.Barrier(2)
    added = [0, 0]
    errors: list[BaseException] = []

    def writer(k: int, part: list) -> None:
        try:
            start.wait()
            for i in range(0, len(part), 5):
                added[k] += len(stores[k].add_batch(part[i : i + 5]))
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)

    threads = [
        threading.Thread(target=writer, args=(0, docs[:45])),
        threading.Thread(target=writer, args=(1, docs[15:][::-1])),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    assert sum(added) == 60  # the 30 documents both wrote were stored by exactly one of them
    counts = stores[0].count()
    assert counts["documents"] == 60
    assert counts["events"] == 60 * len(example_analysis.events)
    assert counts["claims"] == 60 * len(example_analysis.claims)
    assert counts["statements"] == 60 * len(example_analysis.statements)
    before = _snapshot(stores[0])
    stores[0].rebuild_chronicle()
    assert _snapshot(stores[0]) == before
    assert counts["chronicle_events"] < counts["events"]
