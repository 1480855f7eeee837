from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from review import S3ObjectStore
from review.server_clock import ServerClock

DATE = "Tue, 03 Mar 2026 10:00:00 GMT"
SERVER = datetime(2026, 3, 3, 10, 0, 0, tzinfo=UTC)


class Ticks:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


@pytest.mark.parametrize(
    ("headers", "age", "expected"),
    [
        ({"date": DATE}, 0.0, SERVER),
        ({"date": DATE}, 42.5, datetime(2026, 3, 3, 10, 0, 42, 500000, tzinfo=UTC)),
        ({"date": DATE}, 61.0, None),  # too old to trust: ask the server again
        ({}, 0.0, None),
        ({"date": "not a date"}, 0.0, None),
        (None, 0.0, None),
    ],
)
def test_reading_is_aged_by_the_monotonic_clock(
    headers: dict[str, str] | None, age: float, expected: datetime | None
) -> None:
    ticks = Ticks()
    clock = ServerClock(max_age=60, monotonic=ticks)
    clock.observe(headers)
    ticks.t += age
    assert clock.now() == expected


class StubS3:
    """Just enough of a boto3 client: every response carries the server's Date."""

    def __init__(self) -> None:
        self.lists = 0

    def _meta(self) -> dict[str, Any]:
        return {"ResponseMetadata": {"HTTPHeaders": {"date": DATE}}}

    def put_object(self, **_: Any) -> dict[str, Any]:
        return {"ETag": '"e1"', **self._meta()}

    def list_objects_v2(self, **_: Any) -> dict[str, Any]:
        self.lists += 1
        return self._meta()


def test_store_clock_comes_free_with_the_last_response() -> None:
    client = StubS3()
    store = S3ObjectStore(client, "b", clock_prefix="queues/q/")
    assert store.now() - SERVER < timedelta(seconds=1) and client.lists == 1  # one listing
    fresh = S3ObjectStore(client, "b")
    fresh.put("k", b"x")
    assert fresh.now() >= SERVER and client.lists == 1  # the PUT's Date was enough
