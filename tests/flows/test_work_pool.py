"""Several workers on one Prefect work pool, with only shared services in common.

A Prefect server on PostgreSQL, two ``sealroom worker`` processes on the ``sealroom``
process pool with one slot each, the ledger on PostgreSQL, queues and vault on S3
(bench/pool_harness.py). Two concurrent pipeline runs hand their redaction to the pool as
chunk runs and return; a worker SIGKILLed mid-run (with its flow
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
    documents_of,
    end_times,
    kill_worker,
    outcome,
    play_reviewer,
    run_states,
    runs_of,
    start_runs,
    wait_runs,
    worker_of,
)
from flows.chunk_runs import CHUNK_DEPLOYMENT_NAME
from models.audit import Action

pytestmark = pytest.mark.postgres

FAULT_DOCS = 16


@pytest.fixture(scope="module")
def pool(postgres_server: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    with cluster(tmp_path_factory.mktemp("pool"), postgres_server, workers=2) as box:
        yield box


def _inbox(box: Cluster, name: str, docs: int) -> Path:
    inbox = box.root / f"inbox-{name}"
    write_corpus(inbox, docs, seed=len(name))
    return inbox


def _pass(
    box: Cluster, inbox: Path, runs: int, matter: str, settings: dict[str, str] | None = None
) -> None:
    states = wait_runs(box, start_runs(box, inbox, runs, matter, settings))
    assert set(states.values()) == {"COMPLETED"}, states


def test_scheduled_deployments_run_one_at_a_time_on_the_pool(pool: Cluster) -> None:
    assert deployment_limits(pool) == {
        "sealroom-intake": 1,
        "sealroom-collect": 1,
        "sealroom-reassemble": 1,
        "sealroom-pipeline": None,
        CHUNK_DEPLOYMENT_NAME: None,
    }


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


SPREAD_DOCS, CHUNK = 6, 3
SPREAD = {"SEALROOM_REDACT_SPREAD": "true", "SEALROOM_REDACT_CHUNK_SIZE": str(CHUNK)}


def test_two_runs_hand_redaction_to_one_slot_workers_without_duplicates(pool: Cluster) -> None:
    """Two concurrent pipeline runs per pass, SEALROOM_REDACT_SPREAD, two workers with one
    slot each. Pass 1: both ingest the same inbox and hand redaction to the pool as chunk
    runs; every document is handed out once (one planner at a time, and a document a live
    chunk run holds is not handed out again), and both runs complete before their last
    chunk run does (nothing waits on a chunk: one slot per worker is enough). Pass 2
    dispatches what the chunks redacted; the reviewer reviews; pass 3 collects and
    delivers. Every document redacted once and terminal once, none dispatched twice, one
    deliverable each, no chunk run started again, both workers used, the ledger verifies."""
    matter = "m-shared"
    inbox = _inbox(pool, "shared", docs=SPREAD_DOCS)
    parents = start_runs(pool, inbox, 2, matter, settings=SPREAD)
    assert set(wait_runs(pool, parents).values()) == {"COMPLETED"}
    chunks = wait_runs(pool, list(runs_of(pool, CHUNK_DEPLOYMENT_NAME, matter)))
    assert set(chunks.values()) == {"COMPLETED"}, chunks
    handed = documents_of(pool, CHUNK_DEPLOYMENT_NAME, matter)
    assert len(handed) == len(set(handed)) == SPREAD_DOCS, handed
    ended = end_times(pool, [*parents, *chunks])
    ran_by = {run: worker_of(pool, run) for run in [*parents, *chunks]}
    print(f"\nparents {parents}, chunks by worker {ran_by}; ended {ended}")
    assert None not in ran_by.values() and len(set(ran_by.values())) == 2, ran_by
    assert max(ended[p] or 0 for p in parents) < max(ended[c] or 0 for c in chunks), ended
    _pass(pool, inbox, 2, matter, SPREAD)  # the next runs dispatch what the chunks redacted
    assert play_reviewer(pool) >= 1
    _pass(pool, inbox, 2, matter, SPREAD)
    assert set(runs_of(pool, CHUNK_DEPLOYMENT_NAME, matter)) == set(chunks)  # none again
    with Ledger(pool.ledger_url) as ledger:
        redacted = [e.object_id for e in ledger.events(matter=matter, action=Action.DOC_REDACTED)]
    result = outcome(pool, matter)
    print(f"hand-off, 2+2+2 runs, 1 slot per worker: {result}")
    assert len(redacted) == len(set(redacted)), redacted
    assert (result.ingested, result.delivered + result.quarantined) == (SPREAD_DOCS, SPREAD_DOCS)
    assert result.clean, result
