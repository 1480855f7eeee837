"""The CPU-heavy redaction stage on a process pool (no Prefect here).

Workers are *spawned* (database engines and spaCy must not cross ``fork``); each builds
its own services once and redacts whole chunks of documents, so the per-call overhead is
one pickle of a list of ids. A document that fails unexpectedly is quarantined with its
error code (fail closed); an infrastructure error (vault, ledger, storage) leaves it
retryable. Nothing returned carries text: ids, states and codes only.
"""

from __future__ import annotations

import multiprocessing
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from composition.identity import inherit_identity, operator_identity
from composition.wiring import services
from config import Settings, get_settings
from stages import redact as redact_stage
from stages.loop import error_code

__all__ = ["ChunkResult", "chunks", "error_code", "pending_documents", "run_chunk", "shutdown"]
_lock = threading.Lock()
_pool: tuple[tuple[int, str | None, Settings], ProcessPoolExecutor] | None = None


@dataclass(frozen=True)
class ChunkResult:
    states: dict[str, str]  # doc id -> redacted | quarantined | skipped | error
    errors: dict[str, str]  # doc id -> error code or class name (never a message)
    seconds: float  # time inside the stage function, in the worker


def pending_documents(matter: str | None) -> list[str]:
    """Ingested documents not yet redacted or quarantined."""
    return redact_stage.pending_documents(services(matter))


def chunks(ids: list[str], size: int) -> list[list[str]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)]


def redact_chunk(matter: str | None, doc_ids: list[str]) -> ChunkResult:
    """Runs in a worker process (or inline): the redaction stage's driver over the chunk."""
    started = time.perf_counter()
    states, errors = redact_stage.redact_all(services(matter), doc_ids)
    return ChunkResult(states, errors, time.perf_counter() - started)


def _warm(matter: str | None, actor: str) -> None:
    """Worker initializer: adopt the parent's authenticated identity (its own process,
    spawned by it), then load the detector before the first chunk arrives."""
    inherit_identity(actor)
    _ = services(matter).detector


def executor(workers: int, matter: str | None) -> ProcessPoolExecutor:
    """The process-wide pool of ``workers`` spawned processes, re-created when broken or when
    the settings it was started under changed (its workers read their own settings once)."""
    global _pool
    settings = get_settings()
    with _lock:
        if _pool is not None and (_pool[0] != (workers, matter, settings) or _pool[1]._broken):
            _pool[1].shutdown(wait=False, cancel_futures=True)
            _pool = None
        if _pool is None:
            context = multiprocessing.get_context("spawn")
            actor = operator_identity(settings)
            pool = ProcessPoolExecutor(
                workers, context, initializer=_warm, initargs=(matter, actor)
            )
            _pool = ((workers, matter, settings), pool)
        return _pool[1]


def run_chunk(workers: int, matter: str | None, doc_ids: list[str]) -> ChunkResult:
    """One chunk: inline with one worker, else on the shared process pool."""
    if workers <= 1:
        return redact_chunk(matter, doc_ids)
    return executor(workers, matter).submit(redact_chunk, matter, doc_ids).result()


def shutdown() -> None:
    global _pool
    with _lock:
        if _pool is not None:
            _pool[1].shutdown(wait=True, cancel_futures=True)
            _pool = None
