"""Recent flow runs from the Prefect API, for ``sealroom status`` (ids, states, codes).

Per flow (and deployment) the latest finished runs with their state, time and the error
codes their state message names. A run's message is Sealroom's own (``StepIncomplete``:
step, opaque id, ``SR-...`` code, library error code) or Prefect's (a crash's exit code);
only the ``SR-`` codes are taken from it, never the message itself, so nothing a library
put into it can reach the dashboard.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any
from uuid import UUID

from prefect import get_client
from prefect.client.schemas.filters import (
    FlowRunFilter,
    FlowRunFilterState,
    FlowRunFilterStateType,
)
from prefect.client.schemas.objects import FlowRun, StateType
from prefect.client.schemas.sorting import FlowRunSort

CODE = re.compile(r"\bSR-(?:[A-Z]{3}-)?\d{3}\b")
WRAPPER = "SR-OPS-002"  # "finished with failures": the codes after it say which
FINAL = [StateType.COMPLETED, StateType.FAILED, StateType.CRASHED, StateType.CANCELLED]
BAD = {"FAILED", "CRASHED"}


@dataclass(frozen=True)
class RunRow:
    flow: str
    deployment: str  # "" for a run started without a deployment (``sealroom run``)
    run: str  # Prefect's run name (generated words, no document data)
    run_id: str
    state: str  # COMPLETED | FAILED | CRASHED | CANCELLED
    time: str  # when it ended (or started), ISO 8601 UTC
    codes: tuple[str, ...]  # Sealroom error codes named by the state, most specific first

    @property
    def failed(self) -> bool:
        return self.state in BAD

    def as_json(self) -> dict[str, Any]:
        return asdict(self) | {"codes": list(self.codes), "failed": self.failed}


def error_codes(message: str | None) -> tuple[str, ...]:
    """The distinct ``SR-`` codes in a state message, the wrapper code last."""
    found = list(dict.fromkeys(CODE.findall(message or "")))
    return tuple([c for c in found if c != WRAPPER] + [c for c in found if c == WRAPPER])


def latest(rows: Iterable[RunRow], per_key: int = 3) -> list[RunRow]:
    """The newest ``per_key`` rows per (flow, deployment), newest first within each."""
    out: list[RunRow] = []
    seen: dict[tuple[str, str], int] = {}
    for row in sorted(rows, key=lambda r: r.time, reverse=True):
        key = (row.flow, row.deployment)
        if seen.get(key, 0) < per_key:
            seen[key] = seen.get(key, 0) + 1
            out.append(row)
    return sorted(out, key=lambda r: (r.flow, r.deployment))  # stable: newest first


def last_run_failed(rows: Iterable[RunRow]) -> list[str]:
    """``flow[/deployment]`` of every key whose newest run failed or crashed."""
    newest: dict[tuple[str, str], RunRow] = {}
    for row in rows:
        key = (row.flow, row.deployment)
        if key not in newest or row.time > newest[key].time:
            newest[key] = row
    return sorted("/".join(filter(None, k)) for k, r in newest.items() if r.failed)


def to_row(run: FlowRun, flows: dict[UUID, str], deployments: dict[UUID, str]) -> RunRow:
    state = run.state
    when = run.end_time or run.start_time or run.expected_start_time
    return RunRow(
        flow=flows.get(run.flow_id, "?"),
        deployment=deployments.get(run.deployment_id, "") if run.deployment_id else "",
        run=run.name,
        run_id=str(run.id),
        state=run.state_type.value if run.state_type else "?",
        time=when.isoformat(timespec="seconds") if when else "",
        codes=error_codes(state.message if state else None),
    )


async def recent_runs(limit: int = 200) -> list[RunRow]:
    """The newest ``limit`` finished flow runs on the configured Prefect API."""
    async with get_client() as client:
        runs = await client.read_flow_runs(
            flow_run_filter=FlowRunFilter(
                state=FlowRunFilterState(type=FlowRunFilterStateType(any_=FINAL))
            ),
            sort=FlowRunSort.EXPECTED_START_TIME_DESC,
            limit=limit,
        )
        flows = {f.id: f.name for f in await client.read_flows(limit=200)}
        deployments = {d.id: d.name for d in await client.read_deployments(limit=200)}
    return [to_row(run, flows, deployments) for run in runs]
