"""Several workers on one Prefect work pool, with only shared services in common.

A Prefect server on PostgreSQL, two ``sealroom worker`` processes on the ``sealroom``
process pool, the ledger on PostgreSQL, queues and vault on S3 (bench/pool_harness.py).
Two concurrent pipeline runs share the work; a worker SIGKILLed mid-run (with its flow
run) leaves nothing half done that the next run does not finish. Every document ends
terminal exactly once, no document is dispatched twice, the ledger verifies.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from audit import Ledger
from bench.make_corpus import write_corpus
from bench.pool_harness import (
    Cluster,
    cluster,
    deployment_limits,
    kill_worker,
    outcome,
    play_reviewer,
    run_states,
    runs_of,
    runs_per_worker,
    start_runs,
    wait_runs,
    worker_of,
)
from flows.chunk_runs import CHUNK_DEPLOYMENT_NAME
from models.audit import Action

pytestmark = pytest.mark.postgres

DOCS = 12
FAULT_DOCS = 16


@pytest.fixture(scope="module")
def pool(postgres_server: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    with cluster(tmp_path_factory.mktemp("pool"), postgres_server, workers=2) as box:
        yield box


def _inbox(box: Cluster, name: str, docs: int = DOCS) -> Path:
    inbox = box.root / f"inbox-{name}"
    write_corpus(inbox, docs, seed=len(name))
    return inbox


def _pass(box: Cluster, inbox: Path, runs: int, matter: str) -> None:
    states = wait_runs(box, start_runs(box, inbox, runs, matter))
    assert set(states.values()) == {"COMPLETED"}, states


def test_scheduled_deployments_run_one_at_a_time_on_the_pool(pool: Cluster) -> None:
    assert deployment_limits(pool) == {
        "sealroom-intake": 1,
        "sealroom-collect": 1,
        "sealroom-reassemble": 1,
        "sealroom-pipeline": None,
        CHUNK_DEPLOYMENT_NAME: None,
    }


def test_two_workers_share_two_runs_without_duplicates(pool: Cluster) -> None:
    inbox = _inbox(pool, "shared")
    _pass(pool, inbox, 2, "m-shared")
    assert play_reviewer(pool) >= 1
    _pass(pool, inbox, 2, "m-shared")
    result, per_worker = outcome(pool, "m-shared"), runs_per_worker(pool)
    print(f"\nwork pool, 2 workers, 2+2 runs: {result}; runs per worker {per_worker}")
    assert (result.ingested, result.delivered + result.quarantined) == (DOCS, DOCS)
    assert result.clean, result
    assert sum(per_worker.values()) == 4 and min(per_worker.values()) >= 1, per_worker


def _wait_for(box: Cluster, matter: str, action: str, timeout_s: float = 600) -> int:
    """Block until the ledger holds an ``action`` event for ``matter``; return the count."""
    deadline = time.monotonic() + timeout_s
    with Ledger(box.ledger_url) as ledger:
        while time.monotonic() < deadline:
            seen = sum(1 for _ in ledger.events(matter=matter, action=action))
            if seen:
                return seen
            time.sleep(0.2)
    raise TimeoutError(f"no {action} event for {matter}")


def _kill_during(box: Cluster, inbox: Path, matter: str, action: str) -> tuple[str, str, int]:
    """Start one run; SIGKILL its worker as soon as it records ``action``; return the run,
    the killed worker's name and how many such events were in the ledger at that moment."""
    (run_id,) = start_runs(box, inbox, 1, matter)
    seen = _wait_for(box, matter, action)
    victim = worker_of(box, run_id)
    assert victim is not None
    kill_worker(box, victim)
    return run_id, victim, seen


@pytest.mark.parametrize(
    ("phase", "action"),
    [("redaction", Action.DOC_REDACTED), ("reassembly", Action.DOC_DELIVERED)],
)
def test_a_worker_killed_mid_run_leaves_nothing_half_done(
    pool: Cluster, phase: str, action: str
) -> None:
    matter = f"m-kill-{phase}"
    inbox = _inbox(pool, phase, docs=FAULT_DOCS)
    if phase == "reassembly":
        _pass(pool, inbox, 1, matter)
        play_reviewer(pool)
    killed_run, victim, seen = _kill_during(pool, inbox, matter, action)
    survivors = [name for name, proc in pool.workers.items() if proc.poll() is None]
    assert survivors, "a second worker must be alive"
    pool.start_worker(f"{victim}-replacement")  # the machine comes back later
    _pass(pool, inbox, 1, matter)  # the next run finishes the work
    if phase == "redaction":
        play_reviewer(pool)
        _pass(pool, inbox, 1, matter)
    assert run_states(pool, [killed_run])[killed_run] != "COMPLETED"  # it died mid-run
    result = outcome(pool, matter)
    print(f"\nkilled {victim} after {seen} {action} event(s): {result}")
    assert (result.ingested, result.delivered + result.quarantined) == (FAULT_DOCS, FAULT_DOCS)
    assert result.clean, result


SPREAD_DOCS, CHUNK = 6, 2


def test_redaction_chunks_of_one_run_spread_across_workers(pool: Cluster) -> None:
    """One pipeline run with SEALROOM_REDACT_SPREAD: its 3 chunks are deployment runs that
    the pool's workers pick up (a third worker with two slots joins, as the waiting run
    holds one); at least two workers redact chunks of that one run; every document is
    redacted once and dispatched; the ledger verifies."""
    pool.start_worker("worker-spread", limit=2)
    matter = "m-spread"
    inbox = _inbox(pool, "spread", docs=SPREAD_DOCS)
    spread = {"SEALROOM_REDACT_SPREAD": "true", "SEALROOM_REDACT_CHUNK_SIZE": str(CHUNK)}
    (run_id,) = start_runs(pool, inbox, 1, matter, settings=spread)
    assert wait_runs(pool, [run_id]) == {run_id: "COMPLETED"}
    chunk_runs = runs_of(pool, CHUNK_DEPLOYMENT_NAME, matter)
    assert sorted(chunk_runs.values()) == ["COMPLETED"] * (SPREAD_DOCS // CHUNK), chunk_runs
    ran_by = {run: worker_of(pool, run) for run in chunk_runs}
    print(f"\nchunks of one run by worker: {ran_by}; parent on {worker_of(pool, run_id)}")
    assert None not in ran_by.values() and len(set(ran_by.values())) >= 2, ran_by
    with Ledger(pool.ledger_url) as ledger:
        redacted = [e.object_id for e in ledger.events(matter=matter, action=Action.DOC_REDACTED)]
        quarantined = list(ledger.events(matter=matter, action=Action.DOC_QUARANTINED))
        dispatched = list(ledger.events(matter=matter, action=Action.DOC_DISPATCHED))
        assert ledger.verify().ok
    assert len(redacted) == len(set(redacted)) and len(redacted) + len(quarantined) == SPREAD_DOCS
    assert len(dispatched) == len(redacted)
