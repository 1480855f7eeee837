"""Redaction chunks spread across the workers of a work pool.

With ``SEALROOM_REDACT_SPREAD=true``, a pipeline or intake run does not redact its chunks
itself: it starts one ``sealroom-redact-chunk`` deployment run per chunk (parameters: the
matter and the chunk's document ids, nothing else) and waits for them; any worker of the
pool with a free slot picks each one up. A chunk run redacts through the same task as a
local chunk, so every document is keyed in the ledger as before: a chunk run that dies is
simply redone by the next run, and one started twice records once. What a chunk did is
read back from the ledger (the runs persist no result). A waiting parent holds one slot
of its worker: give workers ``--limit 2`` or more (docs/scale-out.md).
"""

from __future__ import annotations

import time
from collections import Counter
from typing import Any
from uuid import UUID

from prefect import flow, get_client
from prefect.client.schemas.objects import FlowRun
from prefect.context import FlowRunContext
from prefect.deployments import run_deployment

from audit import document_states
from composition.wiring import services
from flows.pipeline_tasks import redact_chunk_task
from flows.reporting import settle
from flows.run_status import error_codes
from models.document import DocState
from models.errors import Failure, StepIncomplete

CHUNK_FLOW = "redact-chunk"
CHUNK_DEPLOYMENT_NAME = "sealroom-redact-chunk"
CHUNK_DEPLOYMENT = f"{CHUNK_FLOW}/{CHUNK_DEPLOYMENT_NAME}"
FINAL = {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"}
POLL_SECONDS = 2.0


@flow(name=CHUNK_FLOW, persist_result=False)
def redact_chunk(doc_ids: list[str], matter: str | None = None, label: str = "") -> dict[str, int]:
    """Redact one chunk of documents (ids only) on whichever worker took this run."""
    state = redact_chunk_task(doc_ids, matter, label, return_state=True)
    states, failures = settle(state, "redact", {})
    if failures:
        raise StepIncomplete(f"chunk-{label}", failures, states)
    return dict(Counter(states.values()))


def start_chunks(matter: str | None, parts: list[list[str]]) -> dict[str, str]:
    """Start one chunk run per part; returns chunk label -> flow run id."""
    context = FlowRunContext.get()
    parent = str(context.flow_run.id) if context and context.flow_run else "adhoc"
    started: dict[str, str] = {}
    for n, ids in enumerate(parts):
        label = f"{n + 1:03d}-of-{len(parts):03d}"
        run: FlowRun = run_deployment(  # type: ignore[assignment,call-arg]  # _sync: sync form
            CHUNK_DEPLOYMENT,
            parameters={"doc_ids": ids, "matter": matter, "label": label},
            timeout=0,
            idempotency_key=f"{parent}:{label}",
            _sync=True,
        )
        started[label] = str(run.id)
    return started


def wait_chunks(started: dict[str, str], deadline_s: float) -> dict[str, Any]:
    """Poll until every chunk run is final (or the deadline passes); label -> state."""
    deadline = time.monotonic() + deadline_s
    finals: dict[str, Any] = {}
    with get_client(sync_client=True) as client:
        while len(finals) < len(started) and time.monotonic() < deadline:
            for label, run_id in started.items():
                if label in finals:
                    continue
                state = client.read_flow_run(UUID(run_id)).state
                if state is not None and state.type.value in FINAL:
                    finals[label] = state
            if len(finals) < len(started):
                time.sleep(POLL_SECONDS)
    return finals


def chunk_failures(started: dict[str, str], finals: dict[str, Any]) -> list[Failure]:
    """One failure per chunk run that did not complete (its code, or its state as cause)."""
    out = []
    for label in sorted(started):
        state = finals.get(label)
        if state is None:
            out.append(Failure("redact", f"chunk-{label}", "SR-OPS-001", "TimedOut"))
        elif not state.is_completed():
            codes = error_codes(state.message)
            out.append(Failure("redact", f"chunk-{label}", codes[0] if codes else "SR-OPS-001",
                               state.type.value.title()))  # fmt: skip
    return out


def spread(
    matter: str | None, parts: list[list[str]], deadline_s: float
) -> tuple[dict[str, int], list[Failure]]:
    """Run every part as its own chunk run on the pool; (counts by state, failures)."""
    started = start_chunks(matter, parts)
    failures = chunk_failures(started, wait_chunks(started, deadline_s))
    svc = services(matter)
    states = document_states(svc.ledger.events(matter=svc.matter))
    counts = Counter(_shown(states.get(d)) for ids in parts for d in ids)
    return dict(counts), failures


def _shown(state: DocState | None) -> str:
    return "not_done" if state in (None, DocState.INGESTED) else str(state.value)
