"""prefect.yaml (work pools) and flows/deploy.py (`sealroom serve`) define the same
deployments: names, entrypoints, schedules and one-at-a-time concurrency."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from config import Settings
from flows.deploy import deployments

REPO = Path(__file__).resolve().parents[3]


def from_yaml() -> dict[str, dict[str, Any]]:
    body = yaml.safe_load((REPO / "prefect.yaml").read_text(encoding="utf-8"))
    return {d["name"]: d for d in body["deployments"]}


def test_served_and_pooled_deployments_match() -> None:
    served = {d.name: d for d in deployments(Settings())}
    pooled = from_yaml()
    assert set(served) == set(pooled)
    for name, deployment in served.items():
        spec = pooled[name]
        assert deployment.entrypoint == spec["entrypoint"]
        seconds = [int(s.schedule.interval.total_seconds()) for s in deployment.schedules or []]
        assert seconds == [s["interval"] for s in spec.get("schedules", [])]
        assert deployment.concurrency_limit == spec.get("concurrency_limit")


def test_schedules_follow_settings_and_parameters_are_ids_only() -> None:
    settings = Settings(ingest_interval_minutes=2, inbox="s3://inbox/new", matter="m-1")
    served = {d.name: d for d in deployments(settings, matter="m-1")}
    intake = served["sealroom-intake"]
    assert intake.schedules[0].schedule.interval.total_seconds() == 120
    assert intake.parameters == {"matter": "m-1"}  # the inbox is configuration, not a parameter
    assert all(set(d.parameters) <= {"matter"} for d in served.values())
