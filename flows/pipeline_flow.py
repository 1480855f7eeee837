"""Prefect flows: thin wrappers around the plain stage functions.

Parameters and results are ids and counts only. Nothing that touches plaintext persists
a result or is cached (``persist_result=False``, ``cache_policy=NO_CACHE``); task names
carry document and batch ids, never file names or text.
"""

from __future__ import annotations

from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from audit import document_states
from config import get_settings
from flows.wiring import services
from models.document import DocKind, DocState
from stages import collect as collect_stage
from stages import dispatch as dispatch_stage
from stages import ingest as ingest_stage
from stages import reassemble as reassemble_stage
from stages import redact as redact_stage

SAFE = {"persist_result": False, "cache_policy": NO_CACHE}


@task(name="ingest-inbox", **SAFE)  # type: ignore[call-overload]
def ingest_task(inbox: str, matter: str | None) -> list[str]:
    settings = get_settings()
    outcomes = ingest_stage.ingest_inbox(
        services(matter), Path(inbox), DocKind(settings.default_kind), settings.max_document_bytes
    )
    return [o.doc_id for o in outcomes if o.new]


@task(name="redact", task_run_name="redact-{doc_id}", **SAFE)  # type: ignore[call-overload]
def redact_task(doc_id: str, matter: str | None) -> str:
    return redact_stage.redact_document(services(matter), doc_id).state


@task(name="dispatch", **SAFE)  # type: ignore[call-overload]
def dispatch_task(matter: str | None) -> list[str]:
    return dispatch_stage.dispatch(services(matter))


@task(name="collect", **SAFE)  # type: ignore[call-overload]
def collect_task(matter: str | None) -> dict[str, int]:
    outcome = collect_stage.collect(services(matter))
    return {"accepted": len(outcome.accepted), "rejected": len(outcome.rejected)}


@task(name="reassemble", **SAFE)  # type: ignore[call-overload]
def reassemble_task(matter: str | None) -> list[str]:
    return reassemble_stage.reassemble(services(matter))


@flow(name="ingest", persist_result=False)
def ingest(inbox: str, matter: str | None = None) -> int:
    doc_ids = ingest_task(inbox, matter)
    get_run_logger().info("ingested %d new document(s)", len(doc_ids))
    return len(doc_ids)


@flow(name="redact", persist_result=False)
def redact(matter: str | None = None) -> dict[str, int]:
    states = document_states(services(matter).ledger.events(matter=services(matter).matter))
    pending = sorted(d for d, s in states.items() if s is DocState.INGESTED)
    counts: dict[str, int] = {}
    for doc_id in pending:
        state = redact_task(doc_id, matter)
        counts[state] = counts.get(state, 0) + 1
    get_run_logger().info("redaction: %s", counts)
    return counts


@flow(name="dispatch", persist_result=False)
def dispatch(matter: str | None = None) -> int:
    batches = dispatch_task(matter)
    get_run_logger().info("dispatched %d batch(es): %s", len(batches), ", ".join(batches))
    return len(batches)


@flow(name="collect", persist_result=False)
def collect(matter: str | None = None) -> dict[str, int]:
    counts = collect_task(matter)
    get_run_logger().info("collected submissions: %s", counts)
    return counts


@flow(name="reassemble", persist_result=False)
def reassemble(matter: str | None = None) -> int:
    delivered = reassemble_task(matter)
    get_run_logger().info("delivered %d document(s)", len(delivered))
    return len(delivered)


@flow(name="pipeline", persist_result=False)
def pipeline(inbox: str, matter: str | None = None) -> dict[str, int]:
    """One pass of every stage; safe to re-run at any time (each stage is idempotent)."""
    summary = {"ingested": ingest(inbox, matter)}
    summary.update({f"redact_{k}": v for k, v in redact(matter).items()})
    summary["batches_dispatched"] = dispatch(matter)
    summary.update({f"submissions_{k}": v for k, v in collect(matter).items()})
    summary["delivered"] = reassemble(matter)
    return summary
