"""Engine and unit-of-work sessions.

One `Database` per process; one session per request or job (`with db.session() as s:`), never shared
across threads. SQLite gets WAL and a busy timeout so the clock and the app can share the file; a unit of
work takes the write lock at BEGIN, a `db.read()` one does not (WAL readers never wait for the writer).
PostgreSQL gets no server-side prepared statements: psycopg would otherwise switch a hot query to a cached
generic plan after five runs, and the generic plan for the reminder claim scans a team's every row.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker


def normalise_url(url: str) -> str:
    """Accept the `postgres://` form hosting platforms hand out; always drive PostgreSQL with psycopg 3."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def ensure_sqlite_dir(url: str) -> None:
    """Create the folder of a SQLite file URL (the default ./data/ does not exist on a fresh clone)."""
    prefix = "sqlite:///"
    if url.startswith(prefix) and url[len(prefix) :] not in ("", ":memory:"):
        Path(url[len(prefix) :]).expanduser().parent.mkdir(parents=True, exist_ok=True)


class Database:
    def __init__(self, url: str, *, echo: bool = False, lock_timeout: float = 15.0) -> None:
        self.url = normalise_url(url)
        if is_sqlite(self.url):
            ensure_sqlite_dir(self.url)
            self.engine: Engine = create_engine(
                self.url, echo=echo, connect_args={"check_same_thread": False, "timeout": lock_timeout}
            )
            event.listen(self.engine, "connect", _sqlite_pragmas)
            writers = _WriterQueue(lock_timeout)
            event.listen(self.engine, "begin", writers.begin)
            event.listen(self.engine, "commit", writers.end)
            event.listen(self.engine, "rollback", writers.end)
        else:
            self.engine = create_engine(
                self.url, echo=echo, pool_pre_ping=True, pool_size=10, max_overflow=20, pool_timeout=10,
                connect_args={"connect_timeout": 5, "prepare_threshold": None},
            )
        self._factory = sessionmaker(self.engine, expire_on_commit=False)
        self._read_factory = sessionmaker(self.engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return is_sqlite(self.url)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commits when the block ends, rolls back on any error."""
        s = self._factory()
        try:
            yield s
            s.commit()
        except BaseException:
            s.rollback()
            raise
        finally:
            s.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A unit of work that only reads: on SQLite a plain BEGIN, so it never queues behind a writer."""
        s = self._read_factory()
        try:
            yield s
            s.rollback()
        finally:
            s.close()

    def ping(self) -> bool:
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return True
        except Exception:
            return False

    def dispose(self) -> None:
        self.engine.dispose()


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    # Take transaction control from pysqlite (which would start transactions lazily, after reads) ...
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


READ_ONLY = "sg_read_only"


class _WriterQueue:
    """... and take the write lock at BEGIN: SQLite's equivalent of row locks, so a read-then-write unit of
    work (claiming a reminder, allocating a reference) can never interleave with another process's.
    Sessions from `Database.read()` only read, so they begin deferred and take no lock.

    Writers of this process queue on a lock first: SQLite's busy handler polls with sleeps of up to 100 ms,
    so fifty threads contending for the file wait seconds; a lock hands over at once. Other processes still
    meet the busy timeout."""

    def __init__(self, timeout: float) -> None:
        self._lock = threading.Lock()
        self._timeout = timeout

    def begin(self, conn) -> None:  # type: ignore[no-untyped-def]
        if conn.get_execution_options().get(READ_ONLY):
            conn.exec_driver_sql("BEGIN")
            return
        held = self._lock.acquire(timeout=self._timeout)
        conn.info["sg_writer"] = held
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        except BaseException:
            self.end(conn)
            raise

    def end(self, conn) -> None:  # type: ignore[no-untyped-def]
        if conn.info.pop("sg_writer", False):
            self._lock.release()
