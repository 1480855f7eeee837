"""Prefect flows: thin wrappers around the stage tasks in ``flows.pipeline_tasks``.

Parameters and results are ids and counts only; no flow persists a result. Every flow is
safe to re-run at any time, including after a crash (each stage is idempotent through
its ledger keys), and deployments run them on schedules (``flows/deploy.py``).
``intake`` and ``pipeline`` call the stage tasks directly rather than as subflows: a
subflow run costs several API round trips and buys nothing here.
"""

from __future__ import annotations

from prefect import flow, get_run_logger

from config import get_settings
from flows.pipeline_tasks import (
    collect_task,
    dispatch_task,
    ingest_task,
    reassemble_task,
    redact_chunk_task,
)
from flows.redact_pool import chunks, pending_documents
from flows.stage_timer import timed


def _ingest(inbox: str | None, matter: str | None) -> int:
    counts = ingest_task(inbox or get_settings().inbox_location, matter)
    get_run_logger().info("inbox: %s", counts)
    return int(counts["new"])


def _redact(matter: str | None) -> dict[str, int]:
    with timed():  # a ledger query: stage work, not orchestration
        parts = chunks(pending_documents(matter), get_settings().redact_chunk_size)
    futures = [
        redact_chunk_task.submit(ids, matter, f"{n + 1:03d}-of-{len(parts):03d}")
        for n, ids in enumerate(parts)
    ]
    counts: dict[str, int] = {}
    for future in futures:
        for state in future.result().values():
            counts[state] = counts.get(state, 0) + 1
    get_run_logger().info("redaction: %s", counts)
    return counts


def _dispatch(matter: str | None) -> int:
    batches = dispatch_task(matter)
    get_run_logger().info("dispatched %d batch(es): %s", len(batches), ", ".join(batches))
    return len(batches)


def _collect(matter: str | None) -> dict[str, int]:
    counts = collect_task(matter)
    get_run_logger().info("collected submissions: %s", counts)
    return counts


def _reassemble(matter: str | None) -> int:
    delivered = reassemble_task(matter)
    get_run_logger().info("delivered %d document(s)", len(delivered))
    return len(delivered)


def _intake(inbox: str | None, matter: str | None) -> dict[str, int]:
    summary = {"ingested": _ingest(inbox, matter)}
    summary.update({f"redact_{k}": v for k, v in _redact(matter).items()})
    summary["batches_dispatched"] = _dispatch(matter)
    return summary


@flow(name="ingest", persist_result=False)
def ingest(inbox: str | None = None, matter: str | None = None) -> int:
    """Read the inbox (a directory or ``s3://bucket/prefix``); seal and record new files."""
    return _ingest(inbox, matter)


@flow(name="redact", persist_result=False)
def redact(matter: str | None = None) -> dict[str, int]:
    """Redact every ingested document, in chunks, on the redaction process pool."""
    return _redact(matter)


@flow(name="dispatch", persist_result=False)
def dispatch(matter: str | None = None) -> int:
    return _dispatch(matter)


@flow(name="collect", persist_result=False)
def collect(matter: str | None = None) -> dict[str, int]:
    return _collect(matter)


@flow(name="reassemble", persist_result=False)
def reassemble(matter: str | None = None) -> int:
    return _reassemble(matter)


@flow(name="intake", persist_result=False)
def intake(inbox: str | None = None, matter: str | None = None) -> dict[str, int]:
    """The scheduled front half: ingest, redact, dispatch."""
    return _intake(inbox, matter)


@flow(name="pipeline", persist_result=False)
def pipeline(inbox: str | None = None, matter: str | None = None) -> dict[str, int]:
    """One pass of every stage; safe to re-run at any time (each stage is idempotent)."""
    summary = _intake(inbox, matter)
    summary.update({f"submissions_{k}": v for k, v in _collect(matter).items()})
    summary["delivered"] = _reassemble(matter)
    return summary
