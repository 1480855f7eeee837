"""`sealroom deploy`'s deployments: `sealroom serve`'s, with module entrypoints that a
worker resolves to the very same flows (no code storage, no checkout path)."""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from prefect.deployments.runner import EntrypointType

from config import Settings
from flows import chunk_runs, pipeline_flow
from flows.deploy import deployments
from flows.pool import pool_deployments


def _resolve(entrypoint: str) -> object:
    module, _, name = entrypoint.rpartition(".")
    return getattr(importlib.import_module(module), name)


@pytest.mark.parametrize(
    ("name", "flow"),
    [
        ("sealroom-intake", pipeline_flow.intake),
        ("sealroom-collect", pipeline_flow.collect),
        ("sealroom-reassemble", pipeline_flow.reassemble),
        ("sealroom-pipeline", pipeline_flow.pipeline),
        ("sealroom-redact-chunk", chunk_runs.redact_chunk),
    ],
)
def test_module_entrypoints_resolve_to_the_served_flows(name: str, flow: object) -> None:
    pooled = {d.name: d for d in pool_deployments(Settings(), matter="m-1")}
    assert pooled[name].entrypoint_type is EntrypointType.MODULE_PATH
    assert _resolve(pooled[name].entrypoint) is flow


def _intervals(spec: Any) -> list[float]:
    return [s.schedule.interval.total_seconds() for s in spec.schedules or []]


def test_pool_deployments_keep_schedules_limits_and_parameters() -> None:
    settings = Settings(collect_interval_minutes=3, matter="m-1")
    served = {d.name: d for d in deployments(settings, matter="m-1")}
    pooled = {d.name: d for d in pool_deployments(settings, matter="m-1")}
    assert set(pooled) == set(served)
    for name, spec in pooled.items():
        assert spec.concurrency_limit == served[name].concurrency_limit
        assert spec.parameters == served[name].parameters
        assert _intervals(spec) == _intervals(served[name])
