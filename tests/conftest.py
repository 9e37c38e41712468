"""Shared fixtures: the canonical example, the re3d public-domain corpus, real databases.

The store, chronicle and web tests run on SQLite files, and on PostgreSQL when
``KRONIKA_TEST_STORE=postgresql`` and ``KRONIKA_TEST_PG`` is the URL of a server they may create
databases on (`.ci/pg start DIR` starts a throwaway one and prints it).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "kursk-north-korean-pow-2025-01-20.txt"
RE3D = Path(__file__).resolve().parent / "corpus" / "re3d-public-domain"


def re3d_documents(collection: str = "centcom") -> list[dict]:
    with open(RE3D / collection / "documents.json", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.fixture(scope="session")
def example_path() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def example_text() -> str:
    return EXAMPLE.read_text("utf-8")


@pytest.fixture(scope="session")
def pipeline():
    from kronika.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def example_analysis(pipeline, example_text):
    return pipeline.analyze(example_text, published=dt.date(2025, 1, 20), source="Euromaidan Press")


STORE = os.environ.get("KRONIKA_TEST_STORE", "sqlite")
ON_POSTGRES = STORE == "postgresql"
sqlite_only = pytest.mark.skipif(ON_POSTGRES, reason="about SQLite files")


def pg_database() -> str:
    """The URL of a new, empty database on the test server (``KRONIKA_TEST_PG``)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = os.environ.get("KRONIKA_TEST_PG")
    if not admin:
        pytest.fail("KRONIKA_TEST_STORE=postgresql needs KRONIKA_TEST_PG (see .ci/pg)")
    name = f"kt_{uuid.uuid4().hex[:12]}"
    url = make_url(admin.replace("postgresql://", "postgresql+psycopg://", 1))
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    engine.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


def new_db(folder: Path, name: str = "kronika.db") -> Path | str:
    """A new empty database: a SQLite file in ``folder``, or a PostgreSQL database (see above)."""
    return pg_database() if ON_POSTGRES else folder / name


@pytest.fixture
def db_path(tmp_path) -> Path | str:
    return new_db(tmp_path, "test.db")


@pytest.fixture
def centcom_folder(tmp_path) -> Path:
    """A folder of the CENTCOM press releases as plain-text files."""
    folder = tmp_path / "centcom"
    folder.mkdir()
    for d in re3d_documents("centcom")[:6]:
        (folder / f"{d['_id'][:12]}.txt").write_text(d["text"], "utf-8")
    return folder


def copy_db(db: Path | str, folder: Path, name: str = "copy.db") -> Path | str:
    """A copy of the database ``db``: its file, or its rows in a new PostgreSQL database."""
    import shutil

    if not ON_POSTGRES:
        shutil.copy(db, folder / name)
        return folder / name
    from sqlalchemy import insert, select

    from kronika.store import Store, metadata

    src, dst = Store(db), Store(pg_database())
    with src.engine.connect() as a, dst.engine.begin() as b:
        for table in metadata.sorted_tables:
            b.execute(table.delete())
            rows = [dict(r._mapping) for r in a.execute(select(table))]
            if rows:
                b.execute(insert(table), rows)
    src.close()
    dst.close()
    return dst.url


def main_type(text: str, published: str = "2025-03-10"):
    """The ACLED type of a snippet's main event as the CASE benchmark reads it: its lead, else the
    first occurred event of highest confidence; None when the analysis has no event."""
    import kronika

    events = kronika.analyze(text, published=published).events
    chosen = [e for e in events if e.lead] or [e for e in events if e.status == "occurred"] or list(events)
    if not chosen:
        return None
    return max(chosen, key=lambda e: (e.confidence, -e.start)).sub_event_type
