"""Engine factory and write transactions: each database's write lock lives here.

SQLite: ``BEGIN IMMEDIATE`` (plus WAL, in-memory sharing, parent dirs). PostgreSQL: a
transaction-level advisory lock taken first thing in every write transaction, so appends
from any number of processes on any number of machines queue instead of racing.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import StaticPool

from models.errors import LedgerError

_IMMEDIATE = "sealroom_write"
SQLITE_BUSY_TIMEOUT_S = 30.0
WAL_ATTEMPTS = 60  # ~9 s of back-off in all
# pg_advisory_xact_lock key for ledger writes: a fixed 63-bit id, "sealroom" in ASCII.
PG_LEDGER_LOCK = int.from_bytes(b"sealroom", "big") >> 1
_PG_LOCK = text("SELECT pg_advisory_xact_lock(:key)")


def make_engine(url: str) -> Engine:
    """An engine for ``url``; never echoes the URL (it may carry a password) in errors."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise LedgerError("", "invalid ledger url") from exc
    if parsed.get_backend_name() == "postgresql":
        # READ COMMITTED: a statement after the advisory lock sees the latest head
        return create_engine(parsed, pool_pre_ping=True, isolation_level="READ COMMITTED")
    if parsed.get_backend_name() != "sqlite":
        return create_engine(parsed, pool_pre_ping=True)
    return _sqlite_engine(parsed)


def _is_memory(url: URL) -> bool:
    return url.database in (None, "", ":memory:")


def _sqlite_engine(url: URL) -> Engine:
    args: dict[str, Any] = {"timeout": SQLITE_BUSY_TIMEOUT_S}
    if _is_memory(url):
        args["check_same_thread"] = False
        engine = create_engine(url, connect_args=args, poolclass=StaticPool)
    else:
        Path(str(url.database)).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args=args)
    _take_over_transactions(engine, wal=not _is_memory(url))
    return engine


def _take_over_transactions(engine: Engine, *, wal: bool) -> None:
    """pysqlite's own BEGIN handling is off; we emit BEGIN, or BEGIN IMMEDIATE for writers.

    File databases use WAL so readers (verify, status) never stall the writer's commit.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        if wal:
            _ensure_wal(dbapi_conn)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get(_IMMEDIATE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _ensure_wal(dbapi_conn: sqlite3.Connection) -> None:
    """Switch a file database to WAL (persistent), retrying while another process holds it.

    The switch fails at once with "database is locked" (no busy handler) when another
    connection is mid-transaction, which happens when several processes open a new ledger.
    """
    for attempt in range(WAL_ATTEMPTS):
        try:
            if dbapi_conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
                return
            dbapi_conn.execute("PRAGMA journal_mode=WAL")
        except sqlite3.OperationalError:
            if attempt == WAL_ATTEMPTS - 1:
                raise
            time.sleep(0.005 * (attempt + 1))


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction that holds the ledger's write lock from its start.

    SQLite: ``BEGIN IMMEDIATE``. PostgreSQL: ``pg_advisory_xact_lock`` (released at commit
    or rollback, also when the client dies); under READ COMMITTED every later statement
    sees the previous writer's committed head. Other databases get an ordinary
    transaction; the unique constraints (seq, key, prev_hash) plus the caller's retry
    keep the chain linear there.
    """
    with engine.connect() as conn:
        conn.execution_options(**{_IMMEDIATE: True})
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(_PG_LOCK, {"key": PG_LEDGER_LOCK})
            yield conn
