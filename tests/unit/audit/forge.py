"""Ways an attacker with write access to the ledger database rewrites it (test helpers)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from audit import event_hash
from models.audit import AuditEvent, Outcome


def rows(db: sqlite3.Connection) -> list[dict]:
    cur = db.execute("SELECT * FROM events ORDER BY seq")
    names = [c[0] for c in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def rehash(row: dict) -> str:
    fields = {k: v for k, v in row.items() if k != "hash"}
    event = AuditEvent(
        **{**fields, "details": json.loads(row["details"]), "outcome": Outcome(row["outcome"])},
        hash="",
    )
    return event_hash(event)


def rewrite_from(path: Path, seq: int, details: str = '{"n":-1}') -> None:
    """Edit event ``seq`` and re-hash it and every later event: a chain that verifies."""
    with sqlite3.connect(path) as db:
        found = rows(db)
        db.execute("UPDATE events SET prev_hash = 'x' || seq WHERE seq >= ?", (seq,))
        prev = found[seq - 2]["hash"] if seq > 1 else "0" * 64
        for row in found[seq - 1 :]:
            if row["seq"] == seq:
                row["details"] = details
            row["prev_hash"] = prev
            row["hash"] = prev = rehash(row)
            db.execute(
                "UPDATE events SET details = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                (row["details"], row["prev_hash"], row["hash"], row["seq"]),
            )


def edit(path: Path, seq: int) -> None:
    with sqlite3.connect(path) as db:
        db.execute("UPDATE events SET details = '{\"n\":42}' WHERE seq = ?", (seq,))


def delete(path: Path, seq: int) -> None:
    with sqlite3.connect(path) as db:
        db.execute("DELETE FROM events WHERE seq = ?", (seq,))
