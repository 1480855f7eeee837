"""Fault injection: SIGKILL the pipeline at several points of a 50-document run, re-run,
and check every document reaches a terminal state exactly once, with nothing left behind.

The stages run in a subprocess (``driver.py``) against a real local S3 (moto's server),
a SQLite ledger and a local vault; one more case kills the redaction process pool
the flows use (driver and workers) from outside while it runs.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest

from audit import Ledger, document_states
from bench.make_corpus import write_corpus
from cli.demo_reviewer import review_open_batches
from cli.local_s3 import local_s3
from models.audit import Action
from models.document import DocState
from review import ReviewerClient, ReviewQueue, S3ObjectStore
from review.access import grant_current

DRIVER = Path(__file__).with_name("driver.py")
REPO = DRIVER.parents[2]
DOCS = 50
FRONT_FAULTS = [
    "append:20",  # mid-ingest
    "vault:70",  # a sealed write of redaction done, its ledger event not
    "s3:5",  # mid-publish of a batch (manifest not yet written)
    "action:document.dispatched:3",  # batch published, its dispatch events half written
]
BACK_FAULTS = [
    "action:document.reviewed:2",  # submission accepted, review events half written
    "export:3",  # a deliverable's temp file written, not renamed
    "action:document.delivered:5",
]


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    with local_s3() as url:
        yield url


def bucket_name(unique: str) -> str:
    return "faults-" + "".join(c if c.isalnum() else "-" for c in unique.lower())[-40:].strip("-")


def environment(home: Path, endpoint: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SEALROOM_")}
    env.update(
        SEALROOM_HOME=str(home),
        SEALROOM_MATTER="matter-faults",
        SEALROOM_S3_ENDPOINT_URL=endpoint,
        SEALROOM_S3_BUCKET=bucket_name(home.parent.name),
        AWS_ACCESS_KEY_ID="faults",
        AWS_SECRET_ACCESS_KEY="faults",
        AWS_DEFAULT_REGION="us-east-1",
        PYTHONPATH=str(REPO),
        **extra,
    )
    return env


def drive(env: dict[str, str], *args: str) -> int:
    done = subprocess.run(
        [sys.executable, str(DRIVER), *args], env=env, cwd=REPO, capture_output=True, timeout=300
    )
    assert done.returncode in (0, -signal.SIGKILL), done.stderr.decode()[-2000:]
    return done.returncode


def store(env: dict[str, str]) -> S3ObjectStore:
    import boto3

    client = boto3.client(
        "s3", endpoint_url=env["SEALROOM_S3_ENDPOINT_URL"], region_name="us-east-1"
    )
    return S3ObjectStore(client, env["SEALROOM_S3_BUCKET"])


def make_bucket(env: dict[str, str]) -> None:
    import boto3

    client = boto3.client(
        "s3", endpoint_url=env["SEALROOM_S3_ENDPOINT_URL"], region_name="us-east-1"
    )
    client.create_bucket(Bucket=env["SEALROOM_S3_BUCKET"])


def review_all(env: dict[str, str], workdir: Path) -> int:
    client = ReviewerClient(store(env), "general", "reviewer-faults")
    operator = ReviewQueue(store(env), "general")
    return len(review_open_batches(client, workdir, 600, grant=partial(grant_current, operator)))


def check_invariants(env: dict[str, str], home: Path, docs: int, *, delivered: bool) -> None:
    with Ledger(f"sqlite:///{home / 'ledger.db'}") as ledger:
        events = list(ledger.events())
        assert ledger.verify().ok
    keys = Counter(e.key for e in events)
    assert max(keys.values()) == 1
    states = document_states(events)
    assert len(states) == docs  # no duplicate documents
    planned = Counter(
        d for e in events if e.action == Action.BATCH_PLANNED for d in e.details["docs"]
    )
    assert max(planned.values(), default=1) == 1  # one batch per document
    dispatched = Counter(e.object_id for e in events if e.action == Action.DOC_DISPATCHED)
    assert max(dispatched.values(), default=1) == 1
    queued = [k for k in store(env).list("queues/") if "/docs/" in k and k.endswith(".txt")]
    assert len(queued) == len(set(queued)) == len(planned)  # each document in one batch on S3
    if delivered:
        assert all(s.terminal for s in states.values()), Counter(states.values())
        outbox = home / "outbox" / "matter-faults"
        names = sorted(p.name for p in outbox.iterdir())
        done = sorted(f"{d}.json" for d, s in states.items() if s is DocState.DELIVERED)
        assert names == done  # one deliverable per document, no temp file left behind
        assert (
            Counter(e.object_id for e in events if e.action == Action.DOC_DELIVERED).most_common(1)[
                0
            ][1]
            == 1
        )


def test_sigkill_at_each_point_then_rerun_delivers_every_document_once(
    endpoint: str, tmp_path: Path
) -> None:
    inbox, home = tmp_path / "inbox", tmp_path / "home"
    write_corpus(inbox, DOCS, seed=11)
    env = environment(home, endpoint, SEALROOM_REDACT_WORKERS="1")
    make_bucket(env)
    kills = sum(drive(env, "front", str(inbox), fault) != 0 for fault in FRONT_FAULTS)
    assert drive(env, "front", str(inbox)) == 0
    check_invariants(env, home, DOCS, delivered=False)
    assert review_all(env, tmp_path / "reviewer") >= 1
    kills += sum(drive(env, "back", str(inbox), fault) != 0 for fault in BACK_FAULTS)
    assert drive(env, "back", str(inbox)) == 0
    assert kills == len(FRONT_FAULTS) + len(BACK_FAULTS)  # every fault point was reached
    check_invariants(env, home, DOCS, delivered=True)
    with Ledger(f"sqlite:///{home / 'ledger.db'}") as ledger:
        before = ledger.count()
        assert drive(env, "front", str(inbox)) == drive(env, "back", str(inbox)) == 0
        assert ledger.count() == before  # a clean re-run adds nothing


def ledger_count(path: Path) -> int:
    if not path.exists():
        return 0
    try:
        with Ledger(f"sqlite:///{path}") as ledger:
            return ledger.count()
    except Exception:
        return 0


def test_killing_the_process_pool_mid_redaction_resumes(endpoint: str, tmp_path: Path) -> None:
    """SIGKILL from outside, to the whole process group (driver and pool workers)."""
    inbox, home = tmp_path / "inbox", tmp_path / "home"
    write_corpus(inbox, 30, seed=5)
    workers = {"SEALROOM_REDACT_WORKERS": "2", "SEALROOM_REDACT_CHUNK_SIZE": "5"}
    env = environment(home, endpoint, **workers)
    make_bucket(env)
    cmd = [sys.executable, str(DRIVER), "pool", str(inbox)]
    proc = subprocess.Popen(cmd, env=env, cwd=REPO, start_new_session=True)
    deadline = time.monotonic() + 240
    while ledger_count(home / "ledger.db") < 40 and time.monotonic() < deadline:
        assert proc.poll() is None, "the run ended before the kill point"
        time.sleep(0.1)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert drive(env, "pool", str(inbox)) == 0
    check_invariants(env, home, 30, delivered=False)
    with Ledger(f"sqlite:///{home / 'ledger.db'}") as ledger:
        states = document_states(ledger.events())
    assert set(states.values()) <= {DocState.DISPATCHED, DocState.QUARANTINED}
