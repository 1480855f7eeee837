"""What a parent run makes of its chunk runs' final states: a failure per chunk that did
not complete (its Sealroom code when the state names one), none for completed chunks."""

from __future__ import annotations

from prefect.states import Cancelled, Completed, Crashed, Failed

from flows.chunk_runs import chunk_failures

STARTED = {"001-of-004": "a", "002-of-004": "b", "003-of-004": "c", "004-of-004": "d"}


def test_each_unfinished_chunk_is_one_failure_with_its_code() -> None:
    finals = {
        "001-of-004": Completed(),
        "002-of-004": Failed(message="StepIncomplete: SR-OPS-002 ...: redact doc-1: SR-VLT-002"),
        "003-of-004": Crashed(message="Flow run infrastructure exited with code -9."),
        # 004 never finished before the deadline
    }
    lines = [f.line() for f in chunk_failures(STARTED, finals)]
    assert lines == [
        "redact chunk-002-of-004: SR-VLT-002 (Failed)",
        "redact chunk-003-of-004: SR-OPS-001 (Crashed)",
        "redact chunk-004-of-004: SR-OPS-001 (TimedOut)",
    ]


def test_all_completed_is_no_failure() -> None:
    assert chunk_failures(STARTED, dict.fromkeys(STARTED, Completed())) == []
    assert [f.cause for f in chunk_failures({"001-of-001": "a"}, {"001-of-001": Cancelled()})] == [
        "Cancelled"
    ]
