"""Prefect events and artifacts a run publishes (ids, codes and counts only).

Events, for Prefect automations to notify on:
``sealroom.step.failed`` (resource ``sealroom.step.<step>``; payload ref, code, cause),
``sealroom.document.quarantined`` (resource ``sealroom.document.<doc_id>``; payload code),
``sealroom.batch.overdue`` (resource ``sealroom.batch.<batch_id>``; payload queue, due).
Each run also leaves a table artifact ``sealroom-<flow>-summary``: one row per step.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from prefect.artifacts import create_table_artifact
from prefect.events import emit_event

from models.audit import Action, AuditEvent
from models.errors import Failure
from models.events import BatchDispatched, DocQuarantined, payload_of

PREFIX = "sealroom"


def publish_table(flow: str, rows: list[dict[str, str]]) -> None:
    failed = sum(1 for row in rows if row["state"] == "failed")
    create_table_artifact(
        table=rows,
        key=f"{PREFIX}-{flow}-summary",
        description=f"{flow}: {len(rows)} step(s), {failed} failed",
    )


def emit_failures(flow: str, failures: Iterable[Failure]) -> int:
    sent = 0
    for failure in failures:
        emit_event(
            event=f"{PREFIX}.step.failed",
            resource={"prefect.resource.id": f"{PREFIX}.step.{failure.step}"},
            related=[
                {"prefect.resource.id": f"{PREFIX}.flow.{flow}", "prefect.resource.role": "flow"}
            ],
            payload={"ref": failure.ref, "code": failure.code, "cause": failure.cause},
        )
        sent += 1
    return sent


def emit_quarantines(events: Iterable[AuditEvent]) -> int:
    """One event per ``document.quarantined`` ledger event given (those of this run)."""
    sent = 0
    for event in events:
        if event.action != Action.DOC_QUARANTINED:
            continue
        emit_event(
            event=f"{PREFIX}.document.quarantined",
            resource={"prefect.resource.id": f"{PREFIX}.document.{event.object_id}"},
            payload={"code": payload_of(event, DocQuarantined).code},
        )
        sent += 1
    return sent


def overdue_batches(events: Iterable[AuditEvent], now: datetime) -> list[tuple[str, str, str]]:
    """(batch id, queue, due) of dispatched batches past their due time with no accepted
    submission."""
    dispatched: dict[str, BatchDispatched] = {}
    accepted: set[str] = set()
    for event in events:
        if event.action == Action.BATCH_DISPATCHED:
            dispatched[event.object_id] = payload_of(event, BatchDispatched)
        elif event.action == Action.SUBMISSION_ACCEPTED:
            accepted.add(event.object_id)
    late = []
    for batch_id, batch in sorted(dispatched.items()):
        due = batch.due
        if batch_id in accepted or not due:
            continue
        if datetime.fromisoformat(due.replace("Z", "+00:00")) < now:
            late.append((batch_id, batch.queue, due))
    return late


def emit_overdue(events: Iterable[AuditEvent], now: datetime | None = None) -> int:
    late = overdue_batches(events, now or datetime.now(UTC))
    for batch_id, queue, due in late:
        emit_event(
            event=f"{PREFIX}.batch.overdue",
            resource={"prefect.resource.id": f"{PREFIX}.batch.{batch_id}"},
            payload={"queue": queue, "due": due},
        )
    return len(late)
