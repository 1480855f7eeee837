"""Prefect events a run publishes: ids, codes and counts only; overdue batches are the
dispatched ones past due with no accepted submission."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from flows import run_events
from models.audit import Action, AuditEvent, Outcome
from models.errors import Failure

NOW = datetime(2026, 1, 10, 12, 0, tzinfo=UTC)


def event(seq: int, action: Action, object_id: str, **details: Any) -> AuditEvent:
    return AuditEvent(seq, "2026-01-05T10:00:00+00:00", f"k{seq}", "op", action.value, "batch",
                      object_id, Outcome.OK, "m1", details, "", "")  # fmt: skip


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    captured: list[dict[str, Any]] = []
    monkeypatch.setattr(run_events, "emit_event", lambda **kw: captured.append(kw))
    return captured


def test_overdue_batches() -> None:
    events = [
        event(
            1,
            Action.BATCH_DISPATCHED,
            "batch-late",
            docs=1,
            queue="general",
            due="2026-01-09T00:00:00Z",
        ),
        event(
            2,
            Action.BATCH_DISPATCHED,
            "batch-done",
            docs=1,
            queue="general",
            due="2026-01-09T00:00:00Z",
        ),
        event(3, Action.SUBMISSION_ACCEPTED, "batch-done", reviewer="ana"),
        event(
            4,
            Action.BATCH_DISPATCHED,
            "batch-early",
            docs=1,
            queue="qc",
            due="2026-01-11T00:00:00Z",
        ),
        event(5, Action.BATCH_DISPATCHED, "batch-no-due", docs=1, queue="qc"),
    ]
    assert run_events.overdue_batches(events, NOW) == [
        ("batch-late", "general", "2026-01-09T00:00:00Z")
    ]


def test_emit_overdue_names_the_batch_as_the_resource(sent: list[dict[str, Any]]) -> None:
    events = [
        event(1, Action.BATCH_DISPATCHED, "batch-1", docs=1, queue="q", due="2026-01-01T00:00:00Z")
    ]
    assert run_events.emit_overdue(events, NOW) == 1
    (one,) = sent
    assert one["event"] == "sealroom.batch.overdue"
    assert one["resource"] == {"prefect.resource.id": "sealroom.batch.batch-1"}
    assert one["payload"] == {"queue": "q", "due": "2026-01-01T00:00:00Z"}


def test_quarantines_carry_the_code_only(sent: list[dict[str, Any]]) -> None:
    events = [
        event(1, Action.DOC_QUARANTINED, "doc-1", code="SR-RED-002", reason="leak gate"),
        event(2, Action.DOC_REDACTED, "doc-2"),
    ]
    assert run_events.emit_quarantines(events) == 1
    assert sent[0]["payload"] == {"code": "SR-RED-002"}
    assert sent[0]["resource"] == {"prefect.resource.id": "sealroom.document.doc-1"}


def test_failures_carry_step_ref_code_and_cause(sent: list[dict[str, Any]]) -> None:
    failure = Failure("redact", "doc-1", "SR-DOC-003", "CorruptDocument")
    assert run_events.emit_failures("pipeline", [failure]) == 1
    assert sent[0]["resource"] == {"prefect.resource.id": "sealroom.step.redact"}
    assert sent[0]["payload"] == {"ref": "doc-1", "code": "SR-DOC-003", "cause": "CorruptDocument"}


def test_the_summary_table_counts_failed_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    tables: list[dict[str, Any]] = []
    monkeypatch.setattr(run_events, "create_table_artifact", lambda **kw: tables.append(kw))
    rows = [{"step": "ingest", "state": "ok"}, {"step": "redact", "state": "failed"}]
    run_events.publish_table("pipeline", rows)
    assert tables[0]["key"] == "sealroom-pipeline-summary"
    assert tables[0]["description"] == "pipeline: 2 step(s), 1 failed"
