"""A several-machine layout on one machine: a Prefect server on PostgreSQL, the
``sealroom`` process work pool with N ``sealroom worker`` processes, the ledger on
PostgreSQL, queues, vault and outbox on S3 (moto's server). Used by
bench/bench_workers.py, bench/bench_pool_scaling.py and tests/flows/test_work_pool.py,
with bench/pool_runs.py (starting and reading flow runs), bench/pool_outcome.py (what a
run left in the shared services) and bench/pool_faults.py (test-only worker deaths).

Every worker is its own process with only the shared services in common (its settings
come from the environment, as on another machine). The local key ring and the checkpoint
signing key still live under the shared ``SEALROOM_HOME`` directory (KMS would share them
across machines; see docs/scale-out.md).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import boto3
from sqlalchemy.engine import make_url

from bench.pool_faults import fault_environment
from cli.local_s3 import DEMO_CREDENTIALS, free_port, local_s3
from flows.deploy import _wait_healthy
from tests.pg_fixtures import drop_database, fresh_database

REPO = Path(__file__).resolve().parents[1]
MATTER = "matter-pool"
VAULT_BUCKET = "sealroom-vault"
OUTBOX_BUCKET = "sealroom-outbox"
QUEUE_BUCKET = "sealroom-queues"
PIPELINE = "pipeline/sealroom-pipeline"
SCHEDULES = (
    "SEALROOM_INGEST_INTERVAL_MINUTES",
    "SEALROOM_COLLECT_INTERVAL_MINUTES",
    "SEALROOM_REASSEMBLE_INTERVAL_MINUTES",
)


@dataclass
class Cluster:
    root: Path
    env: dict[str, str]
    api_url: str
    ledger_url: str
    workers: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    def sealroom(self, *args: str, timeout: float = 300) -> str:
        argv = [sys.executable, "-m", "cli.main", *args]
        done = subprocess.run(
            argv, cwd=REPO, env=self.env, capture_output=True, text=True, timeout=timeout
        )
        if done.returncode != 0:
            raise RuntimeError(f"sealroom {args[0]} failed: {done.stderr[-1500:]}")
        return done.stdout

    def start_worker(self, name: str, limit: int = 1) -> subprocess.Popen[bytes]:
        log = open(self.root / f"{name}.log", "ab")  # noqa: SIM115 - owned by the process
        argv = [sys.executable, "-m", "cli.main", "worker", "--name", name, "--limit", str(limit)]
        env = {**self.env, "PREFECT_LOGGING_LEVEL": "INFO"}  # its submissions, counted below
        proc = subprocess.Popen(
            argv, cwd=REPO, env=env, stdout=log, stderr=log, start_new_session=True
        )
        self.workers[name] = proc
        return proc


def asyncpg_url(url: str) -> str:
    return make_url(url).set(drivername="postgresql+asyncpg").render_as_string(False)


def environment(root: Path, endpoint: str, ledger_url: str, prefect_db: str) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "SEALROOM_"))}
    return {
        **keep,
        **DEMO_CREDENTIALS,
        "SEALROOM_HOME": str(root / "home"),
        "SEALROOM_MATTER": MATTER,
        "SEALROOM_LEDGER_URL": ledger_url,
        "SEALROOM_S3_ENDPOINT_URL": endpoint,
        "SEALROOM_S3_BUCKET": QUEUE_BUCKET,
        "SEALROOM_VAULT_S3_BUCKET": VAULT_BUCKET,
        "SEALROOM_OUTBOX_URL": f"s3://{OUTBOX_BUCKET}/deliveries",
        "SEALROOM_REDACT_WORKERS": "1",
        # the deployed schedules run for the default matter and inbox, not the runs the
        # test or bench starts: a day apart, they never take a one-slot worker mid-run
        **dict.fromkeys(SCHEDULES, "1440"),
        "PREFECT_HOME": str(root / "prefect"),
        "PREFECT_API_DATABASE_CONNECTION_URL": asyncpg_url(prefect_db),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_LOGGING_LEVEL": "WARNING",
        "PREFECT_WORKER_QUERY_SECONDS": "2",
        "PYTHONPATH": str(REPO),
    }


def _prefect_server(root: Path, env: dict[str, str]) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    argv = [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1"]
    with open(root / "prefect-server.log", "ab") as log:
        server = subprocess.Popen([*argv, "--port", str(port)], env=env, stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}/api"
    _wait_healthy(url, server, timeout_s=300)
    return server, url


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()  # a worker forwards it to its flow-run subprocess
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _stop_worker(proc: subprocess.Popen[bytes]) -> None:
    """Stop a worker and the flow runs it started (they share its session)."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def _stop_workers(box: Cluster) -> None:
    for proc in box.workers.values():
        _stop_worker(proc)


def _databases(stack: ExitStack, server_url: str) -> tuple[str, str]:
    made = [fresh_database(server_url) for _ in range(2)]
    for url in made:
        stack.callback(drop_database, server_url, url)
    return made[0], made[1]


def s3_client(endpoint: str) -> Any:
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=DEMO_CREDENTIALS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=DEMO_CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
    )


@contextmanager
def cluster(
    root: Path, pg_server_url: str, workers: int = 2, limit: int = 1, faults: bool = False
) -> Iterator[Cluster]:
    """Start the whole layout; stop every process it started on the way out. ``faults``
    gives every process the test-only fault points (bench/pool_faults.py)."""
    with ExitStack() as stack:
        ledger_url, prefect_db = _databases(stack, pg_server_url)
        endpoint = stack.enter_context(local_s3())
        env = environment(root, endpoint, ledger_url, prefect_db)
        if faults:
            env.update(fault_environment(root))
        s3 = s3_client(endpoint)
        for bucket in (QUEUE_BUCKET, VAULT_BUCKET, OUTBOX_BUCKET):
            s3.create_bucket(Bucket=bucket)
        server, api_url = _prefect_server(root, env)
        stack.callback(_stop, server)
        env["PREFECT_API_URL"] = api_url
        box = Cluster(root, env, api_url, ledger_url)
        stack.callback(_stop_workers, box)
        box.sealroom("deploy", "--matter", MATTER)
        for n in range(workers):
            box.start_worker(f"worker-{n + 1}", limit)
        yield box
