"""Wall-clock intervals spent inside stage functions, to measure orchestration overhead.

The benchmark compares a flow run's wall time with the union of these intervals
(chunks run concurrently, so intervals overlap and are merged, not summed).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_intervals: list[tuple[float, float]] = []


@contextmanager
def timed() -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        with _lock:
            _intervals.append((start, time.perf_counter()))


def reset() -> None:
    with _lock:
        _intervals.clear()


def busy_seconds(since: float = 0.0) -> float:
    """Length of the union of recorded intervals starting after ``since``."""
    with _lock:
        spans = sorted(i for i in _intervals if i[0] >= since)
    total, end = 0.0, float("-inf")
    for lo, hi in spans:
        if hi <= end:
            continue
        total += hi - max(lo, end)
        end = hi
    return total


STAGE_LINE = "stage seconds %.3f of %.3f"  # parsed by bench/bench_pool_scaling.py


@contextmanager
def accounted(log: Callable[..., None]) -> Iterator[None]:
    """Log, at the end, the time spent inside stage functions and the time elapsed (a flow
    run's share of real work; the rest is orchestration: API calls, states, waits)."""
    start = time.perf_counter()
    try:
        yield
    finally:
        log(STAGE_LINE, busy_seconds(since=start), time.perf_counter() - start)
