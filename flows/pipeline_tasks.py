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
from pathlib import Path
from typing import Any

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.tasks import exponential_backoff

from composition.wiring import inbox_for, services
from config import get_settings
from flows import redact_pool
from flows.reporting import cause_of, failure_of
from flows.stage_timer import timed
from models.document import DocKind
from models.errors import Failure, SealroomError, StepFailed, StepIncomplete
from stages import collect as collect_stage
from stages import dispatch as dispatch_stage
from stages import reassemble as reassemble_stage
from stages.drop_folder import ingest_dir
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
    "retries": get_settings().task_retries,  # SEALROOM_TASK_RETRIES, read once per process
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
        cause = cause_of(exc)
        because = f" ({cause})" if cause and cause != code else ""
        raise StepFailed(ref, f"{code}{because} in step", transient=is_transient(exc)) from None


def failures_of(what: str) -> tuple[OnFailure, list[Failure]]:
    """A stage driver's per-item failure handler (log id, code and cause; carry on) and
    the list it fills."""
    failed: list[Failure] = []

    def log(item: str, exc: Exception) -> None:
        failure = failure_of(what, item, exc)
        failed.append(failure)
        get_run_logger().warning("%s failed", failure.line())

    return log, failed


def finish(step_name: str, result: Any, failures: list[Failure]) -> Any:
    """Return ``result``, or fail the task's state naming every failure (the result rides
    along on the exception, so the flow still reports the work done)."""
    if failures:
        raise StepIncomplete(step_name, failures, result)
    return result


@task(name="ingest-inbox", tags=[S3, KMS], **SAFE)
def ingest_task(matter: str | None) -> dict[str, int]:
    """The configured inbox (``SEALROOM_INBOX``), never a task input: task inputs are
    orchestration state and a folder name can be PII."""
    settings = get_settings()
    inbox = settings.inbox_location
    kind, limit = DocKind(settings.default_kind), settings.max_document_bytes
    with step("ingest"):
        if inbox.startswith("s3://"):
            run = ingest_from(services(matter), inbox_for(settings, inbox), kind, limit)
        else:  # a drop folder: every entry ingested or refused, never a link followed
            lifecycle = settings.inbox_lifecycle
            run = ingest_dir(services(matter), Path(inbox), kind, limit, lifecycle)
    new = sum(1 for o in run.outcomes if o.new)
    counts = {"new": new, "known": len(run.outcomes) - new, "failed": run.failed}
    return finish("ingest", counts, [Failure("ingest", "inbox", c) for c in run.codes])


@task(name="redact-chunk", task_run_name="redact-{label}", tags=[KMS], **SAFE)
def redact_chunk_task(doc_ids: list[str], matter: str | None, label: str) -> dict[str, str]:
    with step(label):
        result = redact_pool.run_chunk(get_settings().redact_processes, matter, doc_ids)
    failures = []
    for doc_id, code in sorted(result.errors.items()):
        get_run_logger().warning("redact %s: %s (%s)", doc_id, result.states[doc_id], code)
        if result.states[doc_id] == "error":  # infrastructure: retried by the next run
            failures.append(Failure("redact", doc_id, code))
    return finish("redact", result.states, failures)


@task(name="dispatch", tags=[S3, KMS], **SAFE)
def dispatch_task(matter: str | None) -> list[str]:
    with step("dispatch"):
        on_failure, failed = failures_of("publish")
        published = dispatch_stage.dispatch(services(matter), on_failure)
    return finish("publish", sorted(published), failed)


@task(name="collect", tags=[S3, KMS], **SAFE)
def collect_task(matter: str | None) -> dict[str, int]:
    with step("collect"):
        on_failure, failed = failures_of("collect")
        outcome = collect_stage.collect(services(matter), on_failure)
    counts = {
        "accepted": len(outcome.accepted),
        "rejected": len(outcome.rejected),
        "failed": len(outcome.failed),
    }
    return finish("collect", counts, failed)


@task(name="reassemble", tags=[KMS], **SAFE)
def reassemble_task(matter: str | None) -> list[str]:
    with step("reassemble"):
        on_failure, failed = failures_of("deliver")
        delivered = reassemble_stage.reassemble(services(matter), on_failure)
    return finish("deliver", delivered, failed)
