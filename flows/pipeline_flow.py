"""Prefect flows: thin wrappers around the stage tasks in ``flows.pipeline_tasks``.

Parameters and results are ids and counts only; no flow persists a result. Every flow is
safe to re-run at any time, including after a crash (each stage is idempotent through
its ledger keys), and deployments run them on schedules (``flows/deploy.py``).
``intake`` and ``pipeline`` call the stage tasks directly rather than as subflows: a
subflow run costs several API round trips and buys nothing here.

A step that fails (wholly or for some items) fails its task's state; the flow still runs
the other steps, then publishes its summary artifact and events and fails naming every
failure (``flows.reporting``). Each flow returns its summary: counts by step.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from prefect import flow, get_run_logger

from composition.wiring import services
from config import get_settings
from flows.pipeline_tasks import (
    collect_task,
    dispatch_task,
    ingest_task,
    reassemble_task,
    redact_chunk_task,
)
from flows.redact_pool import chunks, pending_documents
from flows.reporting import RunLog, failure_of, settle
from flows.stage_timer import accounted, timed
from models.errors import Failure


def _ingest(log: RunLog, matter: str | None) -> None:
    counts = log.step("ingest", ingest_task(matter, return_state=True), {"new": 0})
    get_run_logger().info("inbox: %s", counts)
    log.summary["ingested"] = int(counts["new"])


def _redact(log: RunLog, matter: str | None) -> None:
    if get_settings().redact_spread:  # hand the chunks to the pool's workers and go on
        _hand_off(log, matter)
        return
    with timed():  # a ledger query: stage work, not orchestration
        parts = chunks(pending_documents(matter), get_settings().redact_chunk_size)
    counts, failures = _redact_here(parts, matter)
    get_run_logger().info("redaction: %s", counts)
    log.add("redact", counts, failures)
    log.summary.update({f"redact_{k}": v for k, v in counts.items()})


def _hand_off(log: RunLog, matter: str | None) -> None:
    """Start one chunk run per chunk of pending documents (``flows.chunk_runs``); a
    failure to plan or start fails this step, and the next run plans again."""
    from flows.chunk_runs import hand_off

    counts: dict[str, int] = {}
    failures: list[Failure] = []
    try:
        counts = hand_off(matter).counts()
    except Exception as exc:  # the API or the ledger: code and cause only, never a message
        failures.append(failure_of("redact", "hand-off", exc))
    get_run_logger().info("redaction handed to the pool: %s", counts)
    log.add("redact", counts, failures)
    log.summary.update({f"redact_{k}": v for k, v in counts.items()})


def _redact_here(
    parts: list[list[str]], matter: str | None
) -> tuple[dict[str, int], list[Failure]]:
    """Every chunk as a task of this run (on this machine's redaction process pool)."""
    futures = [
        redact_chunk_task.submit(ids, matter, f"{n + 1:03d}-of-{len(parts):03d}")
        for n, ids in enumerate(parts)
    ]
    counts: dict[str, int] = {}
    failures: list[Failure] = []
    for future in futures:
        future.wait()
        states, failed = settle(future.state, "redact", {})
        failures += failed
        for state in states.values():
            counts[state] = counts.get(state, 0) + 1
    return counts, failures


def _dispatch(log: RunLog, matter: str | None) -> None:
    batches = log.step("dispatch", dispatch_task(matter, return_state=True), [])
    get_run_logger().info("dispatched %d batch(es): %s", len(batches), ", ".join(batches))
    log.summary["batches_dispatched"] = len(batches)


def _collect(log: RunLog, matter: str | None) -> None:
    counts = log.step("collect", collect_task(matter, return_state=True), {})
    get_run_logger().info("collected submissions: %s", counts)
    log.summary.update({f"submissions_{k}": v for k, v in counts.items()})
    from flows.run_events import emit_overdue

    emit_overdue(services(matter).ledger.events(matter=services(matter).matter))


def _reassemble(log: RunLog, matter: str | None) -> None:
    delivered = log.step("reassemble", reassemble_task(matter, return_state=True), [])
    get_run_logger().info("delivered %d document(s)", len(delivered))
    log.summary["delivered"] = len(delivered)


Step = Callable[[RunLog], None]


@contextmanager
def _run(name: str, matter: str | None) -> Iterator[RunLog]:
    """A run's log; at the end its artifact and events, and Failed if any step failed."""
    svc = services(matter)
    head = svc.ledger.head()
    log = RunLog(name)
    yield log
    log.finish(svc.ledger.events(after_seq=head.seq if head else 0, matter=svc.matter))


def _steps(name: str, matter: str | None, *steps: Step) -> dict[str, Any]:
    with accounted(get_run_logger().info), _run(name, matter) as log:
        for one in steps:
            one(log)
    return log.summary


@flow(name="ingest", persist_result=False)
def ingest(matter: str | None = None) -> dict[str, Any]:
    """Read the inbox (``SEALROOM_INBOX``: a directory or ``s3://bucket/prefix``); seal and
    record new files. The inbox is configuration, never a flow parameter: a folder name
    can be PII, and parameters are stored in Prefect's database."""
    return _steps("ingest", matter, lambda log: _ingest(log, matter))


@flow(name="redact", persist_result=False)
def redact(matter: str | None = None) -> dict[str, Any]:
    """Redact every ingested document, in chunks, on the redaction process pool."""
    return _steps("redact", matter, lambda log: _redact(log, matter))


@flow(name="dispatch", persist_result=False)
def dispatch(matter: str | None = None) -> dict[str, Any]:
    return _steps("dispatch", matter, lambda log: _dispatch(log, matter))


@flow(name="collect", persist_result=False)
def collect(matter: str | None = None) -> dict[str, Any]:
    return _steps("collect", matter, lambda log: _collect(log, matter))


@flow(name="reassemble", persist_result=False)
def reassemble(matter: str | None = None) -> dict[str, Any]:
    return _steps("reassemble", matter, lambda log: _reassemble(log, matter))


def _intake_steps(matter: str | None) -> list[Step]:
    return [
        lambda log: _ingest(log, matter),
        lambda log: _redact(log, matter),
        lambda log: _dispatch(log, matter),
    ]


@flow(name="intake", persist_result=False)
def intake(matter: str | None = None) -> dict[str, Any]:
    """The scheduled front half: ingest, redact, dispatch."""
    return _steps("intake", matter, *_intake_steps(matter))


@flow(name="pipeline", persist_result=False)
def pipeline(matter: str | None = None) -> dict[str, Any]:
    """One pass of every stage; safe to re-run at any time (each stage is idempotent)."""
    rest: list[Step] = [lambda log: _collect(log, matter), lambda log: _reassemble(log, matter)]
    return _steps("pipeline", matter, *_intake_steps(matter), *rest)
