"""Prefect tasks: thin wrappers over the stages, one failed item never failing the rest.

Parameters and results are ids and counts. No task persists a result or is cached.
Exceptions leaving a task are ``StepFailed`` with a code and an id (library messages may
quote document text, so they are dropped, ``from None``). Tasks retry with exponential
backoff only when the failure is transient: a ``retryable`` error of the tree (storage,
key service, ledger connection, ...) or a lost worker; never an integrity failure or a
shredded key.
Tags ``sealroom-s3`` and ``sealroom-kms`` carry Prefect concurrency limits.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.tasks import exponential_backoff

from composition.wiring import inbox_for, services
from config import get_settings
from flows import redact_pool
from flows.stage_timer import timed
from models.document import DocKind
from models.errors import SealroomError, StepFailed
from stages import collect as collect_stage
from stages import dispatch as dispatch_stage
from stages import reassemble as reassemble_stage
from stages.ingest import ingest_from
from stages.loop import OnFailure, error_code


def _retry_transient(_task: Any, _run: Any, state: Any) -> bool:
    try:
        state.result()
    except StepFailed as exc:
        return exc.retryable
    except Exception:
        return False
    return False


SAFE: dict[str, Any] = {
    "persist_result": False,
    "cache_policy": NO_CACHE,
    "retries": 3,
    "retry_delay_seconds": exponential_backoff(backoff_factor=2),
    "retry_jitter_factor": 0.5,
    "retry_condition_fn": _retry_transient,
}
S3, KMS = "sealroom-s3", "sealroom-kms"


def is_transient(exc: BaseException) -> bool:
    """Retry what the error tree marks ``retryable``; of other errors, only lost workers
    and OS-level I/O failures."""
    if isinstance(exc, SealroomError):
        return exc.retryable
    from concurrent.futures.process import BrokenProcessPool

    return isinstance(exc, (OSError, BrokenProcessPool))


@contextmanager
def step(ref: str) -> Iterator[None]:
    """Time the stage call; re-raise any error as a code-only ``StepFailed``."""
    try:
        with timed():
            yield
    except StepFailed:
        raise
    except Exception as exc:
        code = error_code(exc)
        raise StepFailed(ref, f"{code} in step", transient=is_transient(exc)) from None


def log_failure(what: str) -> OnFailure:
    """A stage driver's per-item failure handler: log the id and the code, carry on."""

    def log(item: str, exc: Exception) -> None:
        get_run_logger().warning("%s %s failed: %s", what, item, error_code(exc))

    return log


@task(name="ingest-inbox", tags=[S3, KMS], **SAFE)
def ingest_task(inbox: str, matter: str | None) -> dict[str, int]:
    settings = get_settings()
    with step("ingest"):
        run = ingest_from(
            services(matter),
            inbox_for(settings, inbox),
            DocKind(settings.default_kind),
            settings.max_document_bytes,
        )
    new = sum(1 for o in run.outcomes if o.new)
    return {"new": new, "known": len(run.outcomes) - new, "failed": run.failed}


@task(name="redact-chunk", task_run_name="redact-{label}", tags=[KMS], **SAFE)
def redact_chunk_task(doc_ids: list[str], matter: str | None, label: str) -> dict[str, str]:
    with step(label):
        result = redact_pool.run_chunk(get_settings().redact_processes, matter, doc_ids)
    for doc_id, code in sorted(result.errors.items()):
        get_run_logger().warning("redact %s: %s (%s)", doc_id, result.states[doc_id], code)
    return result.states


@task(name="dispatch", tags=[S3, KMS], **SAFE)
def dispatch_task(matter: str | None) -> list[str]:
    with step("dispatch"):
        published = dispatch_stage.dispatch(services(matter), log_failure("publish"))
    return sorted(published)


@task(name="collect", tags=[S3, KMS], **SAFE)
def collect_task(matter: str | None) -> dict[str, int]:
    with step("collect"):
        outcome = collect_stage.collect(services(matter), log_failure("collect"))
    return {
        "accepted": len(outcome.accepted),
        "rejected": len(outcome.rejected),
        "failed": len(outcome.failed),
    }


@task(name="reassemble", tags=[KMS], **SAFE)
def reassemble_task(matter: str | None) -> list[str]:
    with step("reassemble"):
        return reassemble_stage.reassemble(services(matter), log_failure("deliver"))
