"""Which database a ``--db`` names, and its SQLAlchemy engine.

``--db`` is a SQLite file (``war.db``), a ``sqlite:///`` URL, or a PostgreSQL URL:
``postgresql://user@host/dbname``, ``postgresql://user@/dbname?host=/socket/dir&port=5433``
(psycopg 3; ``postgresql+psycopg://`` is accepted as well). Passwords belong in ``~/.pgpass``
or ``PGPASSWORD``, not on the command line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError

from kronika.errors import KronikaError

URL_PREFIXES = ("postgresql://", "postgresql+psycopg://", "postgres://", "sqlite://")


def is_url(db: str | Path) -> bool:
    """Whether ``db`` is a database URL rather than a SQLite file name."""
    return isinstance(db, str) and db.startswith(URL_PREFIXES)


def database_url(db: str | Path) -> str:
    """The SQLAlchemy URL of ``db`` (a file name or a URL), checked: a clear error, nothing created."""
    if is_url(db):
        return _checked_url(str(db))
    path = Path(db)
    if path.exists() and path.is_dir():
        raise KronikaError(f"{path}: is a folder, not a database file")
    if not path.parent.is_dir():
        raise KronikaError(f"{path}: no such folder {str(path.parent)!r}; create it first")
    if path.exists() and path.stat().st_size:
        with open(path, "rb") as f:
            if f.read(16) != b"SQLite format 3\x00":
                raise KronikaError(f"{path}: exists and is not a SQLite database")
    return f"sqlite:///{path}"


def _checked_url(url: str) -> str:
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            url = "postgresql+psycopg://" + url[len(prefix) :]
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise KronikaError(f"{redacted(url)}: not a database URL") from None
    if parsed.drivername.startswith("postgresql") and not parsed.database:
        raise KronikaError(f"{redacted(url)}: name the database (postgresql://user@host/dbname)")
    return url


def redacted(url: str) -> str:
    """``url`` without its password, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def make_engine(url: str, *, pool_size: Optional[int] = None) -> Engine:
    """The engine of ``url``: SQLite in WAL mode with a busy timeout (concurrent writers wait for
    each other), PostgreSQL through psycopg 3 with pre-ping (a restarted server is reconnected)."""
    if url.startswith("sqlite"):
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=pool_size or 5)


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA cache_size=-65536")  # 64 MB (default 2 MB): a large store's index pages stay cached
    cur.close()
