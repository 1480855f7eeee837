"""The ``events`` table and the mapping between its rows and ``AuditEvent``."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Column, Integer, MetaData, String, Table, Text
from sqlalchemy.engine import RowMapping

from audit.chain import flat_row
from models.audit import AuditEvent, Outcome
from models.errors import LedgerIntegrityError

metadata = MetaData()

events_table = Table(
    "events",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("time", Text, nullable=False),
    Column("key", String(255), nullable=False, unique=True),
    Column("actor", String(255), nullable=False),
    Column("action", String(255), nullable=False, index=True),
    Column("object_type", String(255), nullable=False),
    Column("object_id", String(255), nullable=False, index=True),
    Column("outcome", String(32), nullable=False),
    Column("matter", String(255), nullable=False, index=True),
    Column("details", Text, nullable=False),
    # unique: two writers that read the same head cannot both link to it (no fork)
    Column("prev_hash", String(64), nullable=False, unique=True),
    Column("hash", String(64), nullable=False),
)


def to_row(event: AuditEvent) -> dict[str, Any]:
    """The table row (``details`` as canonical JSON): ``audit.chain.flat_row``."""
    return flat_row(event)


def from_row(row: RowMapping) -> AuditEvent:
    """Rebuild an event; a row too damaged to read raises ``LedgerIntegrityError(ref=seq)``."""
    seq = int(row["seq"])
    try:
        details = json.loads(row["details"])
        outcome = Outcome(row["outcome"])
    except (TypeError, ValueError) as exc:
        raise LedgerIntegrityError(str(seq), "unreadable event") from exc
    if not isinstance(details, dict):
        raise LedgerIntegrityError(str(seq), "unreadable event")
    return AuditEvent(
        seq=seq,
        time=row["time"],
        key=row["key"],
        actor=row["actor"],
        action=row["action"],
        object_type=row["object_type"],
        object_id=row["object_id"],
        outcome=outcome,
        matter=row["matter"],
        details=details,
        prev_hash=row["prev_hash"],
        hash=row["hash"],
    )
