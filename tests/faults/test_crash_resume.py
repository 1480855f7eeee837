"""Fault injection: SIGKILL the pipeline at several points of a 50-document run, re-run,
and check every document reaches a terminal state exactly once, with nothing left behind.

The stages run in a subprocess (``driver.py``) against a real local S3 (moto's server),
a SQLite ledger and a local vault; one more case kills the redaction process pool
the flows use (driver and workers) from outside while it runs.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import IO

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


class Driver:
    """``driver.py serve``: each run a forked process of its own (SIGKILLed at its fault
    point like a separately started one), the imports and model load paid once."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.log = log
        self.process = subprocess.Popen(
            [sys.executable, str(DRIVER), "serve"],
            env=env,
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=log.open("wb"),
            bufsize=0,  # unbuffered: select() on the pipe tells whether a line is waiting
        )
        assert self.process.stdout
        self.stdout: IO[bytes] = self.process.stdout

    def __call__(self, *args: str) -> int:
        self.start(*args)
        return self.wait()

    def start(self, *args: str) -> int:
        """Start one run; return its pid (also its process group)."""
        assert self.process.stdin
        self.args, self.offset = args, self.log.stat().st_size
        self.process.stdin.write(json.dumps(args).encode() + b"\n")
        return int(self._line(300).removeprefix("pid "))  # the first waits for the imports

    def wait(self) -> int:
        """The run's exit code: 0, or -SIGKILL when it was killed."""
        code = int(self._line(300))
        assert code in (0, -signal.SIGKILL), self._tail()
        return code

    def _line(self, seconds: float) -> str:
        line, deadline = b"", time.monotonic() + seconds
        while not line.endswith(b"\n"):
            left = deadline - time.monotonic()
            assert left > 0 and ready(self.stdout, left), (
                f"{self.args}: nothing within {seconds} s:\n{self._tail()}"
            )
            byte = self.stdout.read(1)
            assert byte, f"{self.args}: the driver exited:\n{self._tail()}"
            line += byte
        return line.decode().strip()

    def _tail(self) -> str:
        return self.log.read_bytes()[self.offset :].decode(errors="replace")[-2000:]

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def driver(tmp_path: Path) -> Iterator[Callable[[dict[str, str]], Driver]]:
    started: list[Driver] = []

    def start(env: dict[str, str]) -> Driver:
        started.append(Driver(env, tmp_path / f"driver-{len(started)}.log"))
        return started[-1]

    yield start
    for one in started:
        one.close()


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
    endpoint: str, tmp_path: Path, driver: Callable[[dict[str, str]], Driver]
) -> None:
    inbox, home = tmp_path / "inbox", tmp_path / "home"
    write_corpus(inbox, DOCS, seed=11)
    env = environment(home, endpoint, SEALROOM_REDACT_WORKERS="1")
    make_bucket(env)
    run = driver(env)
    kills = sum(run("front", str(inbox), fault) != 0 for fault in FRONT_FAULTS)
    assert run("front", str(inbox)) == 0
    check_invariants(env, home, DOCS, delivered=False)
    assert review_all(env, tmp_path / "reviewer") >= 1
    kills += sum(run("back", str(inbox), fault) != 0 for fault in BACK_FAULTS)
    assert run("back", str(inbox)) == 0
    assert kills == len(FRONT_FAULTS) + len(BACK_FAULTS)  # every fault point was reached
    check_invariants(env, home, DOCS, delivered=True)
    with Ledger(f"sqlite:///{home / 'ledger.db'}") as ledger:
        before = ledger.count()
        assert run("front", str(inbox)) == run("back", str(inbox)) == 0
        assert ledger.count() == before  # a clean re-run adds nothing


def ready(stream: IO[bytes], seconds: float = 0) -> bool:
    """Output is waiting on the driver's stdout (at a run's end: its exit code)."""
    return bool(select.select([stream], [], [], seconds)[0])


def ledger_count(path: Path) -> int:
    if not path.exists():
        return 0
    try:
        with Ledger(f"sqlite:///{path}") as ledger:
            return ledger.count()
    except Exception:
        return 0


def test_killing_the_process_pool_mid_redaction_resumes(
    endpoint: str, tmp_path: Path, driver: Callable[[dict[str, str]], Driver]
) -> None:
    """SIGKILL from outside, to the whole process group (driver and pool workers)."""
    inbox, home = tmp_path / "inbox", tmp_path / "home"
    write_corpus(inbox, 30, seed=5)
    workers = {"SEALROOM_REDACT_WORKERS": "2", "SEALROOM_REDACT_CHUNK_SIZE": "5"}
    env = environment(home, endpoint, **workers)
    make_bucket(env)
    run = driver(env)
    group = run.start("pool", str(inbox))
    deadline = time.monotonic() + 240
    while ledger_count(home / "ledger.db") < 40 and time.monotonic() < deadline:
        assert not ready(run.stdout), "the run ended before the kill point"
        time.sleep(0.1)
    os.killpg(group, signal.SIGKILL)
    assert run.wait() == -signal.SIGKILL
    assert run("pool", str(inbox)) == 0
    check_invariants(env, home, 30, delivered=False)
    with Ledger(f"sqlite:///{home / 'ledger.db'}") as ledger:
        states = document_states(ledger.events())
    assert set(states.values()) <= {DocState.DISPATCHED, DocState.QUARANTINED}
