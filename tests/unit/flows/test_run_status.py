"""Run rows for ``sealroom status``: codes taken from state messages (nothing else), the
newest runs per flow and deployment, and which flows' newest run failed."""

from __future__ import annotations

import pytest

from flows.run_status import RunRow, error_codes, last_run_failed, latest


@pytest.mark.parametrize(
    ("message", "codes"),
    [
        (None, ()),
        ("All states completed.", ()),
        (
            "Flow run encountered an exception: StepIncomplete: SR-OPS-002 finished with "
            "failures: publish batch-1a: SR-STO-001 (NoSuchBucket); redact doc-9: SR-RED-003",
            ("SR-STO-001", "SR-RED-003", "SR-OPS-002"),
        ),
        ("SR-000 sealroom error; again SR-000", ("SR-000",)),
        ("Flow run infrastructure exited with non-zero status code -9.", ()),
        ("a file named SR-STO-001x.pdf is not a code", ()),
    ],
)
def test_error_codes_only_codes(message: str | None, codes: tuple[str, ...]) -> None:
    assert error_codes(message) == codes


def row(flow: str, time: str, state: str = "COMPLETED", deployment: str = "") -> RunRow:
    return RunRow(flow, deployment, f"run-{time}", f"id-{time}", state, time, ())


def test_latest_keeps_the_newest_per_flow_and_deployment() -> None:
    days = [f"2026-01-0{d}T00:00:00+00:00" for d in range(1, 6)]
    rows = [row("intake", day, deployment="sealroom-intake") for day in days]
    rows += [row("pipeline", "2026-01-02T00:00:00+00:00")]
    kept = latest(rows, per_key=2)
    assert [(r.flow, r.time[:10]) for r in kept] == [
        ("intake", "2026-01-05"),
        ("intake", "2026-01-04"),
        ("pipeline", "2026-01-02"),
    ]


@pytest.mark.parametrize(
    ("states", "failed"),
    [
        (["COMPLETED", "FAILED"], ["intake"]),  # oldest first: the newest failed
        (["FAILED", "COMPLETED"], []),  # a later run succeeded: no alert
        (["COMPLETED", "CRASHED"], ["intake"]),
        (["CANCELLED"], []),
    ],
)
def test_last_run_failed_looks_at_the_newest_run(states: list[str], failed: list[str]) -> None:
    rows = [row("intake", f"2026-01-0{n + 1}T00:00:00+00:00", s) for n, s in enumerate(states)]
    assert last_run_failed(rows) == failed


def test_deployment_runs_are_keyed_apart_from_ad_hoc_runs() -> None:
    rows = [
        row("intake", "2026-01-02T00:00:00+00:00", "FAILED", "sealroom-intake"),
        row("intake", "2026-01-03T00:00:00+00:00", "COMPLETED"),
    ]
    assert last_run_failed(rows) == ["intake/sealroom-intake"]
    assert row("x", "t", "CRASHED").as_json()["failed"] is True
