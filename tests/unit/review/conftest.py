"""Fixtures: a controllable clock and a fake store on it (the batch builder is shared)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from review import MemoryObjectStore


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime(2025, 3, 1, 12, 0, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def mem(clock: FakeClock) -> MemoryObjectStore:
    return MemoryObjectStore(clock)
