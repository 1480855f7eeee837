"""The append-only, hash-chained audit ledger over SQLAlchemy Core.

One ``Ledger`` per process (engines must not cross ``fork``). Appends are serialised by
the database: ``BEGIN IMMEDIATE`` on SQLite, a transaction-level advisory lock on
PostgreSQL (any number of writers on any number of machines queue, none gives up);
elsewhere the unique ``seq``/``prev_hash`` constraints reject a second writer that read
the same head, and the append retries.
"""

from __future__ import annotations

import random
import time as _time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Select, func, inspect, select
from sqlalchemy.engine import RowMapping
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from audit.chain import GENESIS_HASH, seal
from audit.engine import make_engine, write_transaction
from audit.guard import check_draft
from audit.schema import events_table, from_row, metadata, to_row
from audit.verify import Anchor, VerifyResult, verify
from models.audit import AuditEvent, EventDraft
from models.errors import LedgerError, LedgerIntegrityError

Clock = Callable[[], datetime]
PAGE_SIZE = 500
MAX_ATTEMPTS = 25


def utc_now() -> datetime:
    return datetime.now(UTC)


def format_time(moment: datetime) -> str:
    """ISO-8601 UTC with microseconds and a ``Z`` suffix."""
    if moment.tzinfo is None:
        raise LedgerError("", "clock returned a naive datetime")
    return moment.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


@contextmanager
def _db_errors(ref: str = "") -> Iterator[None]:
    try:
        yield
    except SQLAlchemyError as exc:
        raise LedgerError(ref, "ledger database error") from exc


class Ledger:
    """``Ledger("sqlite:///path/ledger.db")``; any SQLAlchemy URL; ``"sqlite://"`` in memory."""

    def __init__(self, url: str, *, clock: Clock = utc_now) -> None:
        self._engine = make_engine(url)
        self._clock = clock
        self._create_schema()

    def _create_schema(self) -> None:
        """Create the table once; a concurrent creator winning the race is fine."""
        try:
            with write_transaction(self._engine) as conn:
                metadata.create_all(conn)
        except SQLAlchemyError as exc:
            with _db_errors():
                if inspect(self._engine).has_table(events_table.name):
                    return
            raise LedgerError("", "cannot create the ledger table") from exc

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- writing ---------------------------------------------------------
    def append(self, draft: EventDraft) -> AuditEvent:
        """Record ``draft``; if its key is already recorded, return that event instead."""
        details = check_draft(draft)
        for attempt in range(MAX_ATTEMPTS):
            try:
                with _db_errors(draft.key):
                    return self._append_once(draft, details)
            except LedgerError as exc:
                if not isinstance(exc.__cause__, IntegrityError):
                    raise
            _time.sleep(random.uniform(0, 0.002 * (attempt + 1)))
        raise LedgerError(draft.key, "append lost the race too often")

    def _append_once(self, draft: EventDraft, details: dict[str, Any]) -> AuditEvent:
        with write_transaction(self._engine) as conn:
            existing = self._first(conn, self._select().where(events_table.c.key == draft.key))
            if existing is not None:
                return existing
            head = self._first(conn, self._select().order_by(events_table.c.seq.desc()))
            seq, prev = (head.seq + 1, head.hash) if head else (1, GENESIS_HASH)
            event = seal(draft, details, seq=seq, time=format_time(self._clock()), prev_hash=prev)
            conn.execute(events_table.insert().values(**to_row(event)))
            return event

    # --- reading ---------------------------------------------------------
    def events(
        self,
        after_seq: int = 0,
        matter: str | None = None,
        object_id: str | None = None,
        action: str | None = None,
    ) -> Iterator[AuditEvent]:
        """Events with seq > ``after_seq`` matching every given filter, in seq order.

        Read page by page: no connection is held between pages, so callers may append
        while iterating.
        """
        query = self._select().order_by(events_table.c.seq).limit(PAGE_SIZE)
        for column, value in (("matter", matter), ("object_id", object_id), ("action", action)):
            if value is not None:
                query = query.where(events_table.c[column] == str(value))
        last = after_seq
        while True:
            rows = self._rows(query.where(events_table.c.seq > last))
            yield from (from_row(row) for row in rows)
            if len(rows) < PAGE_SIZE:
                return
            last = int(rows[-1]["seq"])

    def head(self) -> AuditEvent | None:
        """The newest event, or None for an empty ledger."""
        with _db_errors(), self._engine.connect() as conn:
            return self._first(conn, self._select().order_by(events_table.c.seq.desc()))

    def get(self, key: str) -> AuditEvent | None:
        """The event recorded under ``key``, if any."""
        with _db_errors(), self._engine.connect() as conn:
            return self._first(conn, self._select().where(events_table.c.key == key))

    def count(self) -> int:
        with _db_errors(), self._engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(events_table)).scalar_one())

    def verify(self, anchor: Anchor | Sequence[Anchor] | None = None) -> VerifyResult:
        """Verify the whole chain; an unreadable row counts as the first bad event."""
        checked: list[int] = []

        def tracked() -> Iterator[AuditEvent]:
            for event in self.events():
                checked.append(event.seq)
                yield event

        try:
            return verify(tracked(), anchor)
        except LedgerIntegrityError as exc:
            return VerifyResult(False, len(checked), int(exc.ref), exc.reason)

    # --- helpers ---------------------------------------------------------
    @staticmethod
    def _select() -> Select[Any]:
        return select(events_table)

    def _rows(self, query: Select[Any]) -> list[RowMapping]:
        with _db_errors(), self._engine.connect() as conn:
            return list(conn.execute(query).mappings())

    @staticmethod
    def _first(conn: Connection, query: Select[Any]) -> AuditEvent | None:
        row = conn.execute(query.limit(1)).mappings().first()
        return from_row(row) if row is not None else None
