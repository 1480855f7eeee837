"""Stage time is the union of the intervals spent inside stage functions."""

from __future__ import annotations

import time

from flows import stage_timer


def test_overlapping_intervals_are_merged(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ticks = iter([0.0, 4.0, 2.0, 6.0, 10.0, 11.0])
    monkeypatch.setattr(time, "perf_counter", lambda: next(ticks))
    stage_timer.reset()
    for _ in range(3):
        with stage_timer.timed():
            pass
    assert stage_timer.busy_seconds() == 7.0  # [0,4] u [2,6] u [10,11]
    assert stage_timer.busy_seconds(since=5.0) == 1.0
    stage_timer.reset()
    assert stage_timer.busy_seconds() == 0.0
