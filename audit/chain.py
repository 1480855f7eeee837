"""The hash chain: canonical JSON, event hashes, and sealing a draft into an event.

Pure functions, no I/O. The hash of an event is SHA-256 over the canonical JSON of every
field except ``hash`` itself; ``prev_hash`` links each event to the one before it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from typing import Any

from models.audit import AuditEvent, EventDraft, Outcome

GENESIS_HASH = "0" * 64


def canonical_json(value: Any) -> str:
    """Deterministic JSON: sorted keys, no whitespace, ASCII only, no NaN/Infinity."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=True, allow_nan=False
    )


def hash_payload(event: AuditEvent) -> dict[str, Any]:
    """Every field of ``event`` except ``hash``, as plain JSON types."""
    return {
        "seq": event.seq,
        "time": event.time,
        "key": event.key,
        "actor": event.actor,
        "action": str(event.action),
        "object_type": event.object_type,
        "object_id": event.object_id,
        "outcome": str(event.outcome),
        "matter": event.matter,
        "details": event.details,
        "prev_hash": event.prev_hash,
    }


def flat_row(event: AuditEvent) -> dict[str, Any]:
    """Every field of ``event`` in one flat row, ``details`` as canonical JSON: the ledger
    table's row and the CSV export's cells."""
    return {**hash_payload(event), "details": canonical_json(event.details), "hash": event.hash}


def event_hash(event: AuditEvent) -> str:
    """SHA-256 (hex) over the canonical JSON of the event without its ``hash`` field."""
    return hashlib.sha256(canonical_json(hash_payload(event)).encode("ascii")).hexdigest()


def seal(
    draft: EventDraft, details: dict[str, Any], *, seq: int, time: str, prev_hash: str
) -> AuditEvent:
    """Turn a (validated) draft into the event that follows ``prev_hash`` at ``seq``."""
    unsealed = AuditEvent(
        seq=seq,
        time=time,
        key=draft.key,
        actor=draft.actor,
        action=str(draft.action),
        object_type=draft.object_type,
        object_id=draft.object_id,
        outcome=Outcome(draft.outcome),
        matter=draft.matter,
        details=details,
        prev_hash=prev_hash,
        hash="",
    )
    return replace(unsealed, hash=event_hash(unsealed))
