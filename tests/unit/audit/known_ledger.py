"""A ledger with one event of every action (``tests/fixtures/ledger_v1.jsonl``), stored
by the code of 2026-11-30: payloads through the typed models, and two events in the
shape an older version wrote (keys since retired). ``ledger_v1_reads.json`` holds what
every reader of details made of it then.

``python -m tests.unit.audit.known_ledger`` rewrites the reads: only ever on purpose,
with the reason in the commit (a change to a reader's output is what the test catches).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

from audit import Ledger
from models.audit import Action, AuditEvent, EventDraft, Outcome
from models.events import PAYLOADS

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
STORED_FILE = FIXTURES / "ledger_v1.jsonl"
READS = FIXTURES / "ledger_v1_reads.json"
START = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)  # one event a minute from here
NOW = START + timedelta(hours=30)  # the readers' clock
OLDER = {32: Action.BATCH_CLAIMED, 34: Action.QC_AGREEMENT}  # seq -> stored in an older shape


def stored() -> list[AuditEvent]:
    """The events as they were stored."""
    rows = map(json.loads, STORED_FILE.read_text(encoding="utf-8").splitlines())
    return [AuditEvent(**{**row, "outcome": Outcome(row["outcome"])}) for row in rows]


def draft(event: AuditEvent) -> EventDraft:
    """What a stage asks the ledger to record: today's model of the action, validated
    (unknown keys fail) and dumped; an older shape goes in as it was."""
    details = event.details
    if event.seq not in OLDER:
        details = PAYLOADS[Action(event.action)].model_validate(details).details()
    return EventDraft(event.key, event.actor, event.action, event.object_type,
                      event.object_id, event.outcome, event.matter, details)  # fmt: skip


def write(events: list[AuditEvent]) -> list[AuditEvent]:
    """``events`` written again by today's ledger, on the clock they were written on."""
    ticks: Iterator[int] = iter(range(len(events)))
    with Ledger("sqlite://", clock=lambda: START + timedelta(minutes=next(ticks))) as ledger:
        for event in events:
            ledger.append(draft(event))
        return list(ledger.events())


def dump(events: list[AuditEvent]) -> str:
    rows = (json.dumps(asdict(e), sort_keys=True, ensure_ascii=True) for e in events)
    return "".join(f"{row}\n" for row in rows)


if __name__ == "__main__":  # pragma: no cover - run on purpose only
    from tests.unit.audit.known_reads import reads

    READS.write_text(json.dumps(reads(stored()), indent=1, sort_keys=True) + "\n", "utf-8")
