"""Several workers on one Prefect work pool, with only shared services in common.

A Prefect server on PostgreSQL, two ``sealroom worker`` processes on the ``sealroom``
process pool with one slot each, the ledger on PostgreSQL, queues and vault on S3
(bench/pool_harness.py). Two concurrent pipeline runs hand their redaction to the pool as
chunk runs and return. A worker SIGKILLed with its flow run at an exact point (test-only
fault points, bench/pool_faults.py: during redaction, mid-publish, before an outbox write,
mid-chunk) while another worker is alive leaves nothing half done that the next run does
not finish. Every document ends terminal exactly once, no document is dispatched twice,
no batch or deliverable is written twice, the ledger verifies.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from audit import Ledger
from bench.make_corpus import write_corpus
from bench.pool_faults import arm, queue_batches, wait_fired
from bench.pool_harness import Cluster, cluster
from bench.pool_outcome import outcome, play_reviewer
from bench.pool_runs import (
    FINAL,
    deployment_limits,
    documents_by_run,
    run_states,
    runs_of,
    start_runs,
    wait_runs,
    worker_of,
)
from flows.chunk_runs import CHUNK_DEPLOYMENT_NAME
from models.audit import Action

pytestmark = pytest.mark.postgres

FAULT_DOCS = 8


@pytest.fixture(scope="module")
def pool(postgres_server: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    with cluster(tmp_path_factory.mktemp("pool"), postgres_server, workers=2, faults=True) as box:
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


def _kill_at(box: Cluster, inbox: Path, matter: str, point: str, k: int) -> str:
    """Arm ``point``, start one run; its worker dies there with the run (a machine dying
    at an exact moment: bench/pool_faults.py) while another worker is alive; the machine
    comes back as a new worker. Return the killed run's id."""
    arm(box, point, k)
    (run_id,) = start_runs(box, inbox, 1, matter)
    victim = wait_fired(box, point)
    assert worker_of(box, run_id) == victim
    assert [n for n, proc in box.workers.items() if proc.poll() is None], "no second worker"
    box.start_worker(f"{victim}-r")
    return run_id


def _new_batches(box: Cluster, before: dict[str, tuple[int, bool]]) -> dict[str, tuple[int, bool]]:
    return {b: v for b, v in queue_batches(box).items() if b not in before}


@pytest.mark.parametrize("phase", ["redaction, then publish", "reassembly"])
def test_a_worker_killed_mid_run_leaves_nothing_half_done(pool: Cluster, phase: str) -> None:
    """Redaction: a pipeline run's worker dies after its 4th redaction is recorded; the
    next run redacts the rest and its worker dies mid-publish (3 files of the batch in the
    queue, no manifest); the next publishes the same plan. Reassembly: the worker dies
    before its 5th deliverable is written to the S3 outbox; the next run writes the rest.
    Every document terminal exactly once, no batch or deliverable twice, the ledger
    verifies; the killed runs never complete (nobody reports them)."""
    matter = f"m-kill-{phase.split(',')[0]}"
    inbox = _inbox(pool, matter, docs=FAULT_DOCS)
    before = queue_batches(pool)
    if phase == "reassembly":
        _pass(pool, inbox, 1, matter)
        play_reviewer(pool)
        killed = [_kill_at(pool, inbox, matter, "outbox", 5)]
    else:
        killed = [_kill_at(pool, inbox, matter, "redacted", 4)]
        killed.append(_kill_at(pool, inbox, matter, "rendition", 3))
        half = _new_batches(pool, before)
        assert [files >= 3 and not published for files, published in half.values()] == [True]
    _pass(pool, inbox, 1, matter)  # the next run finishes the work
    if phase != "reassembly":
        play_reviewer(pool)
        _pass(pool, inbox, 1, matter)
    assert "COMPLETED" not in run_states(pool, killed).values()  # they died mid-run
    result, batches = outcome(pool, matter), _new_batches(pool, before)
    print(f"\n{phase}: killed {killed}: {result}; queue batches {batches}")
    assert (result.ingested, result.delivered + result.quarantined) == (FAULT_DOCS, FAULT_DOCS)
    assert len(batches) == result.batches and all(ok for _, ok in batches.values()), batches
    assert result.clean, result


SPREAD_DOCS, CHUNK = 6, 3
SPREAD = {"SEALROOM_REDACT_SPREAD": "true", "SEALROOM_REDACT_CHUNK_SIZE": str(CHUNK)}
LEASE_S = 15  # the recovery pass presumes a chunk run RUNNING longer than this dead
LEASED = {**SPREAD, "SEALROOM_REDACT_CHUNK_LEASE_MINUTES": str(LEASE_S / 60)}


def _settled(box: Cluster, matter: str, victim: str) -> tuple[dict[str, str], list[str]]:
    """Wait until every chunk run of ``matter`` is final but the one the dead worker was
    running (RUNNING for ever: nobody reports it); return all their states and that one."""
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        states = runs_of(box, CHUNK_DEPLOYMENT_NAME, matter)
        dead = [r for r, s in states.items() if s == "RUNNING" and worker_of(box, r) == victim]
        if len(dead) == 1 and all(s in FINAL for r, s in states.items() if r not in dead):
            return states, dead
        time.sleep(2)
    raise TimeoutError(f"chunk runs not settled: {states}")


def test_two_runs_hand_redaction_to_one_slot_workers_without_duplicates(pool: Cluster) -> None:
    """Two concurrent pipeline runs per pass, SEALROOM_REDACT_SPREAD, two workers with one
    slot each. Pass 1: both ingest the same inbox and hand redaction to the pool as chunk
    runs; every document is handed out once (one planner at a time, and a document a live
    chunk run holds is not handed out again), and both runs complete without waiting for
    their chunks (one slot per worker is enough). One chunk run's worker dies after the
    chunk's 2nd redaction is recorded: that run stays RUNNING. Pass 2: two runs dispatch
    what was redacted; the one with a short lease (past the dead run's) hands the dead
    chunk's last document to a new chunk run, and nothing else is handed out; passes 3
    (two runs) and 4 (one) deliver. Every document
    redacted once and terminal once, none dispatched twice, one deliverable each, no chunk
    run started after pass 2, both workers used, the ledger verifies."""
    matter = "m-shared"
    inbox = _inbox(pool, "shared", docs=SPREAD_DOCS)
    arm(pool, "redacted", 2)
    parents = start_runs(pool, inbox, 2, matter, settings=SPREAD)
    assert set(wait_runs(pool, parents).values()) == {"COMPLETED"}
    victim = wait_fired(pool, "redacted")
    died = time.monotonic()
    pool.start_worker(f"{victim}-r")
    chunks, (dead,) = _settled(pool, matter, victim)
    assert set(chunks.values()) == {"COMPLETED", "RUNNING"}, chunks  # parents did not wait
    first = documents_by_run(pool, CHUNK_DEPLOYMENT_NAME, matter)
    handed = [d for ids in first.values() for d in ids]
    assert len(handed) == len(set(handed)) == SPREAD_DOCS, handed
    ran_by = {run: worker_of(pool, run) for run in [*parents, *chunks]}
    print(f"\nparents {parents}, chunks by worker {ran_by}; {victim} died in {dead}")
    assert None not in ran_by.values() and len(set(ran_by.values())) == 2, ran_by
    with Ledger(pool.ledger_url) as ledger:
        done = {e.object_id for e in ledger.events(matter=matter, action=Action.DOC_REDACTED)}
    assert len(set(first[dead]) & done) == 2, (first[dead], done)
    time.sleep(max(0.0, died + LEASE_S - time.monotonic()))  # the dead run's lease runs out
    # two runs dispatch at once; the one that presumes the dead run dead hands out the rest
    late = start_runs(pool, inbox, 1, matter, SPREAD) + start_runs(pool, inbox, 1, matter, LEASED)
    assert set(wait_runs(pool, late).values()) == {"COMPLETED"}
    now = documents_by_run(pool, CHUNK_DEPLOYMENT_NAME, matter)
    again = {r: ids for r, ids in now.items() if r not in first}
    assert sorted(d for ids in again.values() for d in ids) == sorted(set(first[dead]) - done)
    assert set(wait_runs(pool, list(again)).values()) == {"COMPLETED"}
    assert play_reviewer(pool) >= 1
    _pass(pool, inbox, 2, matter, SPREAD)  # deliver; dispatch the last document
    assert play_reviewer(pool) >= 1
    _pass(pool, inbox, 1, matter, SPREAD)
    assert set(runs_of(pool, CHUNK_DEPLOYMENT_NAME, matter)) == {*first, *again}  # none again
    assert run_states(pool, [dead])[dead] == "CRASHED"  # expired by the planner
    with Ledger(pool.ledger_url) as ledger:
        redacted = [e.object_id for e in ledger.events(matter=matter, action=Action.DOC_REDACTED)]
    result = outcome(pool, matter)
    print(f"hand-off, a chunk's worker killed, 2+2+2+1 runs, 1 slot per worker: {result}")
    assert len(redacted) == len(set(redacted)), redacted
    assert (result.ingested, result.delivered + result.quarantined) == (SPREAD_DOCS, SPREAD_DOCS)
    assert result.clean, result
