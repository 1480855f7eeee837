"""Redaction chunks handed to the workers of a work pool: plan, start, return.

With ``SEALROOM_REDACT_SPREAD=true``, a pipeline or intake run does not redact: it plans
chunks of the pending documents (``flows.chunk_plan``), starts one ``sealroom-redact-chunk``
deployment run per chunk (parameters: the matter and the chunk's document ids, nothing
else) and returns without waiting, so it holds no worker slot while they run. Any worker
with a free slot takes a chunk. Dispatch of what they redact is the next run's work (the
next scheduled intake, or the next pipeline run): nothing waits on a chunk, so a worker
that dies loses nothing but time.

The ledger is the source of truth for what is done; the pool for what is in hand. The
planner runs under a lock object in the queue bucket (as batch planning does), so two
runs never hand out the same documents; a document a live chunk run holds is not handed
out again, one whose chunk run outlived its lease (its worker died) is. Each redaction
is keyed in the ledger, so a document redacted by two chunk runs is recorded once.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Protocol

from prefect import flow, get_client, get_run_logger
from prefect.client.schemas.filters import (
    DeploymentFilter,
    DeploymentFilterName,
    FlowRunFilter,
    FlowRunFilterState,
    FlowRunFilterStateType,
)
from prefect.client.schemas.objects import FlowRun, StateType
from prefect.context import FlowRunContext
from prefect.deployments import run_deployment
from prefect.states import Crashed

from composition.wiring import services
from config import get_settings
from flows.chunk_plan import LIVE_STATES, LiveChunk, Plan, plan
from flows.pipeline_tasks import redact_chunk_task
from flows.redact_pool import pending_documents
from flows.reporting import settle
from flows.stage_timer import accounted, timed
from models.errors import StepIncomplete, StorageError
from review.mutex import StoreMutex

CHUNK_FLOW = "redact-chunk"
CHUNK_DEPLOYMENT_NAME = "sealroom-redact-chunk"
CHUNK_DEPLOYMENT = f"{CHUNK_FLOW}/{CHUNK_DEPLOYMENT_NAME}"
PLAN_LOCK_PREFIX = "locks/redact-plan/"  # beside dispatch's locks/plan/, outside queues/
EXPIRED = "SR-OPS-001: chunk lease ran out (worker presumed dead); documents handed out again"
PAGE = 200  # flow runs per API read (the server's default cap)


@flow(name=CHUNK_FLOW, persist_result=False)
def redact_chunk(doc_ids: list[str], matter: str | None = None, label: str = "") -> dict[str, int]:
    """Redact one chunk of documents (ids only) on whichever worker took this run."""
    with accounted(get_run_logger().info):
        state = redact_chunk_task(doc_ids, matter, label, return_state=True)
    states, failures = settle(state, "redact", {})
    if failures:
        raise StepIncomplete(f"chunk-{label}", failures, states)
    return dict(Counter(states.values()))


class ChunkRuns(Protocol):
    """The work pool's chunk runs: those still live, and starting one."""

    def live(self, matter: str | None) -> list[LiveChunk]: ...

    def start(self, matter: str | None, doc_ids: list[str], label: str, key: str) -> str: ...

    def expire(self, run_id: str) -> None: ...


class PrefectChunkRuns:
    """Chunk runs on the Prefect API the calling process is configured for."""

    def live(self, matter: str | None) -> list[LiveChunk]:
        runs: list[FlowRun] = []
        states = FlowRunFilterStateType(any_=[StateType(s) for s in LIVE_STATES])
        only = FlowRunFilter(state=FlowRunFilterState(type=states))
        chunk = DeploymentFilter(name=DeploymentFilterName(any_=[CHUNK_DEPLOYMENT_NAME]))
        with get_client(sync_client=True) as client:
            while True:
                page = client.read_flow_runs(
                    flow_run_filter=only, deployment_filter=chunk, limit=PAGE, offset=len(runs)
                )
                runs += page
                if len(page) < PAGE:
                    break
        return [c for r in runs if (c := _live(r, matter)) is not None]

    def start(self, matter: str | None, doc_ids: list[str], label: str, key: str) -> str:
        run: FlowRun = run_deployment(  # type: ignore[assignment,call-arg]  # _sync: sync form
            CHUNK_DEPLOYMENT,
            parameters={"doc_ids": doc_ids, "matter": matter, "label": label},
            timeout=0,
            idempotency_key=key,
            _sync=True,
        )
        return str(run.id)

    def expire(self, run_id: str) -> None:
        """Mark a chunk run past its lease Crashed, so the UI and the next planner stop
        counting it as live (its documents are handed out again either way)."""
        with get_client(sync_client=True) as client:
            client.set_flow_run_state(run_id, Crashed(message=EXPIRED), force=True)


def _live(run: FlowRun, matter: str | None) -> LiveChunk | None:
    if run.parameters.get("matter") != matter or run.state is None:
        return None
    ids = tuple(str(d) for d in run.parameters.get("doc_ids", []))
    return LiveChunk(str(run.id), ids, run.state.type.value, run.state.timestamp)


def _parent() -> str:
    """This flow run's id (chunk idempotency keys), or a fresh one outside a flow run."""
    context = FlowRunContext.get()
    if context and context.flow_run:
        return str(context.flow_run.id)
    return str(uuid.uuid4())


@contextmanager
def planning_lock(matter: str | None) -> Iterator[None]:
    """One planner per matter at a time, across machines (a lease, so a dead planner
    blocks nobody for long). Without the queue bucket planning goes on unlocked: two
    planners then only redo work, never record it twice."""
    svc = services(matter)
    lock = StoreMutex(svc.queue.store, f"{PLAN_LOCK_PREFIX}{svc.tenant}/{svc.matter}.json", 300)
    try:
        etag = lock.acquire()
    except StorageError:
        yield
        return
    try:
        yield
    finally:
        lock.release(etag)


def hand_off(matter: str | None, pool: ChunkRuns | None = None) -> Plan:
    """Plan the pending documents no live chunk run holds; start one run per chunk."""
    pool = pool or PrefectChunkRuns()
    settings = get_settings()
    lease = settings.redact_chunk_lease_minutes * 60
    with planning_lock(matter):
        with timed():  # a ledger query: stage work, not orchestration
            pending = pending_documents(matter)  # under the lock: never a stale plan
        live = pool.live(matter) if pending else []
        chosen = plan(pending, live, settings.redact_chunk_size, datetime.now(UTC), lease)
        parent = _parent()
        for n, ids in enumerate(chosen.parts):
            label = f"{n + 1:03d}-of-{len(chosen.parts):03d}"
            pool.start(matter, ids, label, key=f"{parent}:{label}")
    for run_id in chosen.expired:  # after the hand-off: a failure here loses nothing
        pool.expire(run_id)
    return chosen
