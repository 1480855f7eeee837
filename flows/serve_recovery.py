"""What a stopped ``sealroom serve`` leaves behind, cleaned up by the next one.

A serve killed by SIGKILL (or a crash) leaves its deployments' runs PENDING or RUNNING,
and with them the deployment concurrency slot (``concurrency_limit=1``): the server keeps
slots in its database while their leases lived in the old server's memory, so new runs
would wait in ``AwaitingConcurrencySlot`` for ever. On start, serve moves every such run
of its own deployments to Cancelled through normal orchestration (which releases the
slot), and cancels their scheduled runs that are already late or waiting for a slot.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from prefect import get_client
from prefect.client.schemas.filters import (
    DeploymentFilter,
    DeploymentFilterName,
    FlowRunFilter,
    FlowRunFilterState,
    FlowRunFilterStateType,
)
from prefect.client.schemas.objects import FlowRun, StateType
from prefect.states import Cancelled

ACTIVE = [StateType.PENDING, StateType.RUNNING, StateType.CANCELLING, StateType.PAUSED]
WAITING = {"AwaitingConcurrencySlot", "Late"}
MESSAGE = "left by a stopped `sealroom serve`; cancelled by the next start"


def is_stale(run: FlowRun, now: datetime) -> bool:
    """Active runs, and scheduled ones that are late or queued for a concurrency slot."""
    state = run.state
    if state is None:
        return False
    if state.type in ACTIVE:
        return True
    if state.type is not StateType.SCHEDULED:
        return False
    due = state.state_details.scheduled_time or run.expected_start_time
    return state.name in WAITING or (due is not None and due < now)


def _runs(client: Any, names: list[str]) -> list[FlowRun]:
    types = FlowRunFilterStateType(any_=[*ACTIVE, StateType.SCHEDULED])
    runs: list[FlowRun] = client.read_flow_runs(
        flow_run_filter=FlowRunFilter(state=FlowRunFilterState(type=types)),
        deployment_filter=DeploymentFilter(name=DeploymentFilterName(any_=names)),
        limit=200,
    )
    return runs


def cancel_stale_runs(deployment_names: list[str]) -> int:
    """Cancel the stale runs of these deployments; returns how many."""
    now = datetime.now(UTC)
    cancelled = 0
    with get_client(sync_client=True) as client:
        for run in _runs(client, deployment_names):
            if is_stale(run, now):
                client.set_flow_run_state(run.id, Cancelled(message=MESSAGE), force=False)
                cancelled += 1
    return cancelled
