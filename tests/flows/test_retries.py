"""Task retry policy: transient step failures are retried, others are not, and what a
failed task leaves in Prefect is a code and an id, never the library's message."""

from __future__ import annotations

from typing import Any

import pytest
from prefect import flow, task

from flows.pipeline_tasks import SAFE, step
from models.errors import KeyShredded, StorageError, VaultIntegrityError

SECRET = "Jane Q. Patient"


@pytest.mark.parametrize(
    ("failure", "calls"),
    [
        (StorageError("bucket-1"), 3),  # transient: retried until it succeeds
        (ValueError(f"cannot parse {SECRET}"), 1),  # a bug or bad input: not retried
        (VaultIntegrityError("obj-1"), 1),  # a vault error, but final: not retried
        (KeyShredded("matter-1"), 1),  # shredded keys never come back: not retried
    ],
)
def test_only_transient_failures_are_retried(
    prefect_db: str, failure: Exception, calls: int
) -> None:
    seen: list[int] = []

    @task(**{**SAFE, "retries": 3, "retry_delay_seconds": 0})
    def flaky() -> str:
        seen.append(1)
        with step("doc-0001"):
            if len(seen) < 3:
                raise failure
        return "ok"

    @flow(persist_result=False)
    def run() -> dict[str, Any]:
        state = flaky(return_state=True)
        return {"completed": state.is_completed(), "message": str(state.message)}

    outcome = run()
    assert len(seen) == calls
    assert outcome["completed"] == (calls == 3)
    if not outcome["completed"]:
        assert SECRET not in outcome["message"]
        code = getattr(failure, "code", type(failure).__name__)
        assert f"SR-OPS-001 {code} in step [doc-0001]" in outcome["message"]
