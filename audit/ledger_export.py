"""The ledger export an independent verifier needs: JSON Lines holding every event with
every hashed field, every stored checkpoint (C2SP notes as text; first-format ones as
their JSON) and the keys published beside the ledger. ``tools/verify_ledger.py`` reads it
with the pinned public key and nothing else.

Lines: ``{"type": "key", "vkey": ...}``, ``{"type": "event", <fields>}``,
``{"type": "checkpoint", "store": ..., "note": ...}`` or ``{..., "legacy": {...}}``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from audit.chain import hash_payload
from audit.checkpoint import LEGACY_FORMAT, Checkpoint
from models.audit import AuditEvent

FORMAT = "sealroom.ledger-export/1"


def _line(value: dict[str, Any]) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=True) + "\n"


def event_record(event: AuditEvent) -> dict[str, Any]:
    return {"type": "event", **hash_payload(event), "hash": event.hash}


def checkpoint_record(store: str, cp: Checkpoint) -> dict[str, Any]:
    if cp.format == LEGACY_FORMAT:
        return {"type": "checkpoint", "store": store, "legacy": json.loads(cp.serialize())}
    return {"type": "checkpoint", "store": store, "note": cp.serialize().decode("utf-8")}


def export_lines(
    events: Iterable[AuditEvent],
    checkpoints: Sequence[tuple[str, Checkpoint]],
    published: Sequence[str],
) -> Iterator[str]:
    yield _line({"type": "header", "format": FORMAT})
    for vkey in published:
        yield _line({"type": "key", "vkey": vkey})
    for event in events:
        yield _line(event_record(event))
    seen: set[bytes] = set()
    for store, cp in checkpoints:
        if cp.serialize() not in seen:
            seen.add(cp.serialize())
            yield _line(checkpoint_record(store, cp))
