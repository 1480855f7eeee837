"""Driving and reading flow runs on the work-pool cluster (bench/pool_harness.py): start
pipeline runs as ``sealroom run`` would on the pool, read their states from the Prefect
server's REST API (in this process: polling spawns nothing), and which worker ran what
(from the workers' own logs).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx

from bench.pool_harness import MATTER, PIPELINE, Cluster

FINAL = {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"}


def start_runs(
    box: Cluster,
    inbox: Path,
    count: int,
    matter: str = MATTER,
    settings: dict[str, str] | None = None,
) -> list[str]:
    """``count`` concurrent pipeline runs over ``inbox`` (what ``sealroom run`` does, on the
    work pool); return their ids. Flow parameters are a matter id only; the inbox reaches the
    run's process as its ``SEALROOM_INBOX`` setting (the process pool's ``env`` job variable),
    as a worker machine configured for one inbox would have it; ``settings`` adds others."""
    code = (
        "import json, sys\nfrom prefect.deployments import run_deployment\n"
        "params = {'matter': sys.argv[4]}\n"
        "env = {'env': {'SEALROOM_INBOX': sys.argv[2], **json.loads(sys.argv[5])}}\n"
        "for _ in range(int(sys.argv[3])):\n"
        "    run = run_deployment(sys.argv[1], parameters=params, job_variables=env, timeout=0)\n"
        "    print(run.id)\n"
    )
    extra = json.dumps(settings or {})
    argv = [sys.executable, "-c", code, PIPELINE, str(inbox), str(count), matter, extra]
    done = subprocess.run(argv, env=box.env, capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-1500:])
    return done.stdout.split()


def _prefect_script(box: Cluster, code: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code, *args], env=box.env, capture_output=True, text=True
    )
    return done.stdout


def deployment_limits(box: Cluster) -> dict[str, int | None]:
    """Each deployment's own concurrency limit (runs at a time), as the server holds it."""
    code = (
        "import asyncio\nfrom prefect.client.orchestration import get_client\n"
        "async def main():\n"
        "    async with get_client() as c:\n"
        "        for d in await c.read_deployments():\n"
        "            g = d.global_concurrency_limit\n"
        "            print(d.name, g.limit if g else None)\n"
        "asyncio.run(main())\n"
    )
    pairs = (line.split() for line in _prefect_script(box, code).splitlines() if line)
    return {name: None if limit == "None" else int(limit) for name, limit in pairs}


def _api(box: Cluster, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
    response = httpx.request(method, f"{box.api_url}{path}", json=body, timeout=60, trust_env=False)
    response.raise_for_status()
    return response.json()


def _runs_of(box: Cluster, deployment: str, matter: str) -> list[dict[str, Any]]:
    body = {"deployments": {"name": {"any_": [deployment]}}, "limit": 200}
    runs = _api(box, "POST", "/flow_runs/filter", body)
    return [r for r in runs if (r.get("parameters") or {}).get("matter") == matter]


def runs_of(box: Cluster, deployment: str, matter: str) -> dict[str, str]:
    """Run id -> state type of every run of ``deployment`` for ``matter``."""
    return {r["id"]: r["state_type"] for r in _runs_of(box, deployment, matter)}


def documents_by_run(box: Cluster, deployment: str, matter: str) -> dict[str, list[str]]:
    """Run id -> the document ids it was given (a chunk run's ``doc_ids``)."""
    rows = _runs_of(box, deployment, matter)
    return {r["id"]: [str(d) for d in r["parameters"].get("doc_ids") or []] for r in rows}


def run_states(box: Cluster, run_ids: list[str]) -> dict[str, str]:
    """Run id -> Prefect state type (SCHEDULED, PENDING, RUNNING, COMPLETED, ...)."""
    return {i: str(_api(box, "GET", f"/flow_runs/{i}")["state_type"]) for i in run_ids}


def wait_runs(box: Cluster, run_ids: list[str], timeout_s: float = 900) -> dict[str, str]:
    """Poll until every run is final; return run id -> state type."""
    deadline = time.monotonic() + timeout_s
    while True:
        states = run_states(box, run_ids)
        if len(states) == len(run_ids) and set(states.values()) <= FINAL:
            return states
        if time.monotonic() > deadline:
            raise TimeoutError(f"runs not final: {states}")
        time.sleep(2)


def _log(box: Cluster, name: str) -> str:
    log = box.root / f"{name}.log"
    return log.read_text(errors="replace") if log.exists() else ""


def _ran(box: Cluster, name: str) -> set[str]:
    """Ids of the flow runs worker ``name`` ran: those it submitted, less those it had to
    abort because another worker had already taken the run (Prefect refuses the second)."""
    text = _log(box, name)
    started = set(re.findall(r"submitting flow run '([0-9a-f-]+)'", text))
    return started - set(re.findall(r"Aborted submission of flow run '([0-9a-f-]+)'", text))


def worker_of(box: Cluster, run_id: str) -> str | None:
    """The worker that runs ``run_id``, from the workers' logs."""
    for name in box.workers:
        if run_id in _ran(box, name):
            return name
    return None


def runs_per_worker(box: Cluster) -> dict[str, int]:
    """How many distinct flow runs each worker ran (from its own log)."""
    return {name: len(_ran(box, name)) for name in box.workers}


def states_summary(states: dict[str, str]) -> dict[str, int]:
    return dict(Counter(states.values()))
