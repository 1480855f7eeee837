"""Several machines: the deployments on a Prefect *process* work pool, and its workers.

``sealroom deploy`` creates the ``sealroom`` work pool (if missing) and registers the
same deployments ``sealroom serve`` runs (intake, collect and reassemble on schedules,
one run at a time each; pipeline on demand), pointing at the installed ``flows`` package
(module entrypoints: every worker machine has Sealroom installed, no code storage).
``sealroom worker`` polls the pool and runs each flow run in a subprocess; start it on as
many machines as you like. Everything the runs share lives in shared services (ledger on
PostgreSQL, queues and vault on S3); see docs/scale-out.md.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any
from uuid import UUID

from prefect import deploy
from prefect.client.orchestration import get_client
from prefect.client.schemas.actions import WorkPoolCreate
from prefect.deployments.runner import EntrypointType
from prefect.exceptions import ObjectAlreadyExists
from prefect.workers.process import ProcessWorker

from config import Settings
from flows.deploy import deployments

POOL = "sealroom"
POOL_TYPE = "process"
FLOWS_MODULE = "flows.pipeline_flow"
ENTRYPOINTS = {"redact-chunk": "flows.chunk_runs.redact_chunk"}  # flows defined elsewhere


async def _ensure_pool(name: str) -> None:
    async with get_client() as client:
        with contextlib.suppress(ObjectAlreadyExists):
            await client.create_work_pool(WorkPoolCreate(name=name, type=POOL_TYPE))


def ensure_pool(name: str = POOL) -> None:
    """Create the process work pool unless it exists (safe to call from every machine)."""
    asyncio.run(_ensure_pool(name))


def pool_deployments(settings: Settings, matter: str | None = None) -> list[Any]:
    """``sealroom serve``'s deployments, with module entrypoints for the workers."""
    specs = deployments(settings, matter)
    for spec in specs:
        spec._entrypoint_type = EntrypointType.MODULE_PATH  # no public setter
        spec.entrypoint = ENTRYPOINTS.get(spec.flow_name, f"{FLOWS_MODULE}.{spec.flow_name}")
    return specs


def deploy_to_pool(settings: Settings, matter: str | None = None, pool: str = POOL) -> list[UUID]:
    """Create the pool and register (or update) every deployment on it."""
    ensure_pool(pool)
    specs = pool_deployments(settings, matter)
    ids: Any = deploy(
        *specs, work_pool_name=pool, build=False, push=False, print_next_steps_message=False
    )
    return list(ids)


async def _work(pool: str, limit: int | None, name: str | None) -> None:
    async with ProcessWorker(work_pool_name=pool, limit=limit, name=name) as worker:
        await worker.start()


def run_worker(pool: str = POOL, limit: int | None = None, name: str | None = None) -> None:
    """Poll ``pool`` and run its flow runs as subprocesses until interrupted."""
    asyncio.run(_work(pool, limit, name))
