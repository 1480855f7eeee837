"""What leaves a task: a code-only StepFailed, retryable exactly when its cause was."""

from __future__ import annotations

import pytest

from flows.pipeline_tasks import step
from models.errors import KeyShredded, StepFailed, StorageError

SECRET = "Jane Q. Patient"


@pytest.mark.parametrize(
    ("cause", "code", "retryable"),
    [
        (ValueError(f"cannot parse {SECRET}"), "ValueError", False),
        (StorageError("bucket"), "SR-STO-001", True),
        (KeyShredded("m1"), "SR-VLT-008", False),
        (OSError(f"/inbox/{SECRET}.pdf"), "OSError", True),
    ],
)
def test_step_translates_without_the_message(cause: Exception, code: str, retryable: bool) -> None:
    with pytest.raises(StepFailed) as info, step("doc-0001"):
        raise cause
    assert str(info.value) == f"SR-OPS-001 {code} in step [doc-0001]"
    assert SECRET not in str(info.value) and info.value.__cause__ is None
    assert info.value.retryable is retryable


def test_task_retries_follow_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    from config import get_settings
    from flows import pipeline_tasks

    assert pipeline_tasks.SAFE["retries"] == get_settings().task_retries == 3
    monkeypatch.setenv("SEALROOM_TASK_RETRIES", "1")
    get_settings.cache_clear()
    try:
        assert importlib.reload(pipeline_tasks).redact_chunk_task.retries == 1
    finally:
        monkeypatch.delenv("SEALROOM_TASK_RETRIES")
        get_settings.cache_clear()
        importlib.reload(pipeline_tasks)
    assert pipeline_tasks.redact_chunk_task.retries == 3
