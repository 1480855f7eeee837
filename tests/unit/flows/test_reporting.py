"""Failure records carry codes and causes, never messages; overdue batches are found."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from botocore.exceptions import ClientError

from flows.reporting import cause_of, failure_of
from flows.run_events import overdue_batches
from models.audit import Action, AuditEvent, Outcome
from models.errors import Failure, StepIncomplete, StorageError

SECRET = "Jane Q. Patient"


def client_error(code: str) -> ClientError:
    return ClientError({"Error": {"Code": code, "Message": SECRET}}, "PutObject")


def raised(exc: Exception, inner: BaseException | None) -> Exception:
    try:
        raise exc from inner
    except Exception as caught:
        return caught


@pytest.mark.parametrize(
    ("exc", "cause"),
    [
        (raised(StorageError("k"), client_error("NoSuchBucket")), "NoSuchBucket"),
        (raised(StorageError("k"), client_error(f"bad {SECRET}")), "ClientError"),
        (raised(StorageError("k"), OSError(SECRET)), "OSError"),
        (StorageError("k"), ""),
        (ValueError(SECRET), "ValueError"),
    ],
)
def test_cause_is_a_code_or_a_type_never_a_message(exc: Exception, cause: str) -> None:
    assert cause_of(exc) == cause
    failure = failure_of("publish", "batch-1", exc)
    assert SECRET not in failure.line()


def test_step_incomplete_names_every_failure_up_to_five() -> None:
    failures = [Failure("publish", f"batch-{n}", "SR-STO-001", "NoSuchBucket") for n in range(7)]
    exc = StepIncomplete("dispatch", failures, ["batch-x"])
    assert exc.code == "SR-OPS-002" and exc.result == ["batch-x"]
    assert "publish batch-0: SR-STO-001 (NoSuchBucket)" in str(exc)
    assert "+2 more" in str(exc) and exc.transient is False


def event(seq: int, action: Action, object_id: str, **details: Any) -> AuditEvent:
    return AuditEvent(
        seq,
        "2026-01-01T00:00:00+00:00",
        f"k{seq}",
        "t",
        action.value,
        "batch",
        object_id,
        Outcome.OK,
        "m",
        details,
        "",
        "",
    )


def test_overdue_batches_are_dispatched_past_due_and_not_accepted() -> None:
    events = [
        event(
            1,
            Action.BATCH_DISPATCHED,
            "batch-late",
            docs=2,
            queue="q",
            due="2026-01-02T00:00:00+00:00",
        ),
        event(
            2,
            Action.BATCH_DISPATCHED,
            "batch-done",
            docs=2,
            queue="q",
            due="2026-01-02T00:00:00+00:00",
        ),
        event(3, Action.SUBMISSION_ACCEPTED, "batch-done"),
        event(
            4,
            Action.BATCH_DISPATCHED,
            "batch-fresh",
            docs=2,
            queue="q",
            due="2026-01-09T00:00:00+00:00",
        ),
    ]
    now = datetime(2026, 1, 5, tzinfo=UTC)
    assert overdue_batches(events, now) == [("batch-late", "q", "2026-01-02T00:00:00+00:00")]
