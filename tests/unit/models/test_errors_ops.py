"""Operations errors: a step's failure names each item by step, id, code and cause (never a
message), shows at most five and counts the rest, and carries the transience it translated."""

from __future__ import annotations

import pickle

import pytest

from models.errors_ops import Failure, NotQuarantined, StepFailed, StepIncomplete


@pytest.mark.parametrize(
    ("failure", "line"),
    [
        (Failure("publish", "batch-1", "SR-STO-001", "NoSuchBucket"),
         "publish batch-1: SR-STO-001 (NoSuchBucket)"),
        (Failure("ingest", "entry-9", "SR-INB-008"), "ingest entry-9: SR-INB-008"),
    ],
)  # fmt: skip
def test_a_failure_line_names_step_id_code_and_cause(failure: Failure, line: str) -> None:
    assert failure.line() == line


def failures(n: int) -> list[Failure]:
    return [Failure("deliver", f"doc-{i}", "SR-VLT-004") for i in range(n)]


@pytest.mark.parametrize(
    ("count", "message"),
    [
        (1, "SR-OPS-002 finished with failures: deliver doc-0: SR-VLT-004 [reassemble]"),
        (5, "SR-OPS-002 finished with failures: "
            + "; ".join(f"deliver doc-{i}: SR-VLT-004" for i in range(5)) + " [reassemble]"),
        (7, "SR-OPS-002 finished with failures: "
            + "; ".join(f"deliver doc-{i}: SR-VLT-004" for i in range(5))
            + "; +2 more [reassemble]"),
    ],
)  # fmt: skip
def test_step_incomplete_shows_five_failures_and_counts_the_rest(count: int, message: str) -> None:
    error = StepIncomplete("reassemble", failures(count), result={"delivered": 3})
    assert error.message == message
    assert len(error.failures) == count
    assert error.result == {"delivered": 3}
    assert not error.retryable


def test_step_incomplete_keeps_its_own_list() -> None:
    given = failures(2)
    error = StepIncomplete("collect", given)
    given.clear()
    assert len(error.failures) == 2


@pytest.mark.parametrize("transient", [True, False])
def test_step_failed_carries_the_transience_it_translated(transient: bool) -> None:
    error = StepFailed("doc-1", "SR-VLT-010 (ThrottlingException)", transient=transient)
    assert error.retryable is transient and error.transient is transient
    assert error.message == "SR-OPS-001 SR-VLT-010 (ThrottlingException) [doc-1]"


def test_not_quarantined_is_final() -> None:
    assert NotQuarantined("doc-3").message == (
        "SR-OPS-003 document is not in quarantine (or was dismissed) [doc-3]"
    )
    assert not NotQuarantined.retryable


def test_step_incomplete_survives_a_pickle_round_trip() -> None:
    error = StepIncomplete("collect", failures(7), result={"accepted": 2})
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is StepIncomplete
    assert (back.message, back.failures, back.result) == (
        error.message,
        error.failures,
        error.result,
    )
