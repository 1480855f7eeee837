"""What a stopped `sealroom serve` left behind (a table of flow-run states): active runs and
late or slot-waiting scheduled runs are stale; completed and future scheduled ones are not."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from prefect.client.schemas.objects import FlowRun, State, StateType

from flows.serve_recovery import is_stale

NOW = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)


def run(state: State | None) -> FlowRun:
    return FlowRun(flow_id=uuid.uuid4(), state=state)


def scheduled(name: str, at: datetime) -> State:
    state = State(type=StateType.SCHEDULED, name=name)
    state.state_details.scheduled_time = at
    return state


@pytest.mark.parametrize(
    ("state", "stale"),
    [
        (None, False),
        (State(type=StateType.RUNNING), True),
        (State(type=StateType.PENDING), True),
        (State(type=StateType.CANCELLING), True),
        (State(type=StateType.PAUSED), True),
        (State(type=StateType.COMPLETED), False),
        (State(type=StateType.FAILED), False),
        (scheduled("Scheduled", NOW + timedelta(minutes=5)), False),  # not due yet
        (scheduled("Scheduled", NOW - timedelta(minutes=5)), True),  # late
        (scheduled("AwaitingConcurrencySlot", NOW + timedelta(minutes=5)), True),
    ],
)
def test_is_stale(state: State | None, stale: bool) -> None:
    assert is_stale(run(state), NOW) is stale
