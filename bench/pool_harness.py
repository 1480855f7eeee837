"""A several-machine layout on one machine: a Prefect server on PostgreSQL, the
``sealroom`` process work pool with N ``sealroom worker`` processes, the ledger on
PostgreSQL, queues, vault and outbox on S3 (moto's server). Used by
bench/bench_workers.py and tests/flows/test_work_pool.py.

Every worker is its own process with only the shared services in common (its settings
come from the environment, as on another machine). The local key ring and the checkpoint
signing key still live under the shared ``SEALROOM_HOME`` directory (KMS would share them
across machines; see docs/scale-out.md).
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import boto3
from sqlalchemy.engine import make_url

from audit import Ledger
from bench.pool_faults import fault_environment
from cli.local_s3 import DEMO_CREDENTIALS, free_port, local_s3
from flows.deploy import _wait_healthy
from models.audit import Action
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


def _databases(stack: ExitStack, server_url: str) -> tuple[str, str]:
    made = [fresh_database(server_url) for _ in range(2)]
    for url in made:
        stack.callback(drop_database, server_url, url)
    return made[0], made[1]


def _s3(endpoint: str) -> Any:
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=DEMO_CREDENTIALS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=DEMO_CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
    )


def deliverables(box: Cluster, matter: str) -> int:
    """``<doc_id>.json`` objects in the matter's S3 outbox."""
    listed = _s3(box.env["SEALROOM_S3_ENDPOINT_URL"]).list_objects_v2(
        Bucket=OUTBOX_BUCKET, Prefix=f"deliveries/{matter}/"
    )
    return sum(1 for item in listed.get("Contents", []) if item["Key"].endswith(".json"))


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
        s3 = _s3(endpoint)
        for bucket in (QUEUE_BUCKET, VAULT_BUCKET, OUTBOX_BUCKET):
            s3.create_bucket(Bucket=bucket)
        server, api_url = _prefect_server(root, env)
        stack.callback(_stop, server)
        env["PREFECT_API_URL"] = api_url
        box = Cluster(root, env, api_url, ledger_url)
        stack.callback(lambda: [_stop_worker(w) for w in box.workers.values()])
        box.sealroom("deploy", "--matter", MATTER)
        for n in range(workers):
            box.start_worker(f"worker-{n + 1}", limit)
        yield box


# --- driving runs ---------------------------------------------------------------------
def start_runs(
    box: Cluster,
    inbox: Path,
    count: int,
    matter: str = MATTER,
    settings: dict[str, str] | None = None,
) -> list[str]:
    """``count`` concurrent pipeline runs over ``inbox`` (what ``sealroom run`` does, on the
    work pool); return their ids. Flow parameters are a matter id only; the inbox reaches the
    run's process as its ``SEALROOM_INBOX`` setting (the process pool's ``env`` job variable),
    as a worker machine configured for one inbox would have it; ``settings`` adds others."""
    code = (
        "import json, sys\nfrom prefect.deployments import run_deployment\n"
        "params = {'matter': sys.argv[4]}\n"
        "env = {'env': {'SEALROOM_INBOX': sys.argv[2], **json.loads(sys.argv[5])}}\n"
        "for _ in range(int(sys.argv[3])):\n"
        "    run = run_deployment(sys.argv[1], parameters=params, job_variables=env, timeout=0)\n"
        "    print(run.id)\n"
    )
    extra = json.dumps(settings or {})
    argv = [sys.executable, "-c", code, PIPELINE, str(inbox), str(count), matter, extra]
    done = subprocess.run(argv, env=box.env, capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-1500:])
    return done.stdout.split()


def _prefect_script(box: Cluster, code: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code, *args], env=box.env, capture_output=True, text=True
    )
    return done.stdout


def deployment_limits(box: Cluster) -> dict[str, int | None]:
    """Each deployment's own concurrency limit (runs at a time), as the server holds it."""
    code = (
        "import asyncio\nfrom prefect.client.orchestration import get_client\n"
        "async def main():\n"
        "    async with get_client() as c:\n"
        "        for d in await c.read_deployments():\n"
        "            g = d.global_concurrency_limit\n"
        "            print(d.name, g.limit if g else None)\n"
        "asyncio.run(main())\n"
    )
    pairs = (line.split() for line in _prefect_script(box, code).splitlines() if line)
    return {name: None if limit == "None" else int(limit) for name, limit in pairs}


_STATES = (
    "import asyncio, sys\nfrom prefect.client.orchestration import get_client\n"
    "async def main():\n"
    "    async with get_client() as c:\n"
    "        for i in sys.argv[1:]:\n"
    "            r = await c.read_flow_run(i)\n"
    "            print(i, r.state.type.value)\n"
    "asyncio.run(main())\n"
)
FINAL = {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"}


_RUNS_OF = (
    "import asyncio, sys\nfrom prefect.client.orchestration import get_client\n"
    "from prefect.client.schemas.filters import DeploymentFilter, DeploymentFilterName\n"
    "async def main():\n"
    "    async with get_client() as c:\n"
    "        f = DeploymentFilter(name=DeploymentFilterName(any_=[sys.argv[1]]))\n"
    "        for r in await c.read_flow_runs(deployment_filter=f):\n"
    "            docs = ','.join(r.parameters.get('doc_ids') or []) or '-'\n"
    "            print(r.id, r.state.type.value, r.parameters.get('matter'), docs)\n"
    "asyncio.run(main())\n"
)


def _rows_of(box: Cluster, deployment: str, matter: str) -> list[list[str]]:
    out = _prefect_script(box, _RUNS_OF, deployment)
    rows = [line.split() for line in out.splitlines() if line]
    return [r for r in rows if len(r) == 4 and r[2] == matter]


def runs_of(box: Cluster, deployment: str, matter: str) -> dict[str, str]:
    """Run id -> state type of every run of ``deployment`` for ``matter``."""
    return {r[0]: r[1] for r in _rows_of(box, deployment, matter)}


def documents_of(box: Cluster, deployment: str, matter: str) -> list[str]:
    """Every document id the runs of ``deployment`` for ``matter`` were given (chunk runs'
    ``doc_ids``), once per run that was given it."""
    rows = _rows_of(box, deployment, matter)
    return [d for r in rows if r[3] != "-" for d in r[3].split(",")]


def documents_by_run(box: Cluster, deployment: str, matter: str) -> dict[str, list[str]]:
    """Run id -> the document ids it was given, for every run of ``deployment``."""
    return {r[0]: [] if r[3] == "-" else r[3].split(",") for r in _rows_of(box, deployment, matter)}


_ENDS = (
    "import asyncio, sys\nfrom prefect.client.orchestration import get_client\n"
    "async def main():\n"
    "    async with get_client() as c:\n"
    "        for i in sys.argv[1:]:\n"
    "            r = await c.read_flow_run(i)\n"
    "            print(i, r.end_time.timestamp() if r.end_time else 'None')\n"
    "asyncio.run(main())\n"
)


def end_times(box: Cluster, run_ids: list[str]) -> dict[str, float | None]:
    """Run id -> when it ended (POSIX seconds, the server's clock), None while running."""
    out = _prefect_script(box, _ENDS, *run_ids)
    rows = [line.split() for line in out.splitlines() if line]
    return {r[0]: None if r[1] == "None" else float(r[1]) for r in rows}


def run_states(box: Cluster, run_ids: list[str]) -> dict[str, str]:
    """Run id -> Prefect state type (SCHEDULED, PENDING, RUNNING, COMPLETED, ...)."""
    out = _prefect_script(box, _STATES, *run_ids)
    return {line.split()[0]: line.split()[1] for line in out.splitlines() if line}


def wait_runs(box: Cluster, run_ids: list[str], timeout_s: float = 900) -> dict[str, str]:
    """Poll until every run is final; return run id -> state type."""
    deadline = time.monotonic() + timeout_s
    while True:
        states = run_states(box, run_ids)
        if len(states) == len(run_ids) and set(states.values()) <= FINAL:
            return states
        if time.monotonic() > deadline:
            raise TimeoutError(f"runs not final: {states}")
        time.sleep(2)


def play_reviewer(box: Cluster) -> int:
    """Review every open batch once, as the remote reviewer would; return how many. Between
    claim and pull the operator grants the holder its copies (collect does it in production)."""
    from cli.demo_reviewer import review_open_batches
    from review import ReviewerClient, S3ObjectStore

    s3 = _s3(box.env["SEALROOM_S3_ENDPOINT_URL"])
    client = ReviewerClient(S3ObjectStore(s3, QUEUE_BUCKET), "general", "reviewer-pool")
    done = review_open_batches(client, box.root / "reviewer", 3600, grant=lambda b: _grant(box, b))
    return len(done)


def _grant(box: Cluster, batch_id: str) -> None:
    """The operator's grant, in a process configured like the workers (ledger on Postgres,
    vault and queues on S3)."""
    code = "import sys\nfrom cli.demo import operator_grant\noperator_grant(sys.argv[1])\n"
    done = subprocess.run(
        [sys.executable, "-c", code, batch_id],
        env=box.env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-1500:])


# --- checking the outcome -------------------------------------------------------------
@dataclass(frozen=True)
class Outcome:
    ingested: int
    delivered: int
    quarantined: int
    terminal_twice: int
    not_terminal: int
    batches: int
    docs_dispatched_twice: int
    deliverables: int
    verify_ok: bool
    events: int

    @property
    def clean(self) -> bool:
        return (
            self.verify_ok
            and self.terminal_twice == 0
            and self.not_terminal == 0
            and self.docs_dispatched_twice == 0
            and self.deliverables == self.delivered
        )


def outcome(box: Cluster, matter: str = MATTER) -> Outcome:
    with Ledger(box.ledger_url) as ledger:
        events = list(ledger.events(matter=matter))
        verified = ledger.verify()
    by_action: dict[str, Counter[str]] = {}
    for event in events:
        by_action.setdefault(event.action, Counter())[event.object_id] += 1
    ingested = set(by_action.get(Action.DOC_INGESTED, Counter()))
    terminal = by_action.get(Action.DOC_DELIVERED, Counter()) + by_action.get(
        Action.DOC_QUARANTINED, Counter()
    )
    assert not (box.root / "home" / "outbox").exists()  # nothing on a worker's disk
    return Outcome(
        ingested=len(ingested),
        delivered=len(by_action.get(Action.DOC_DELIVERED, {})),
        quarantined=len(by_action.get(Action.DOC_QUARANTINED, {})),
        terminal_twice=sum(1 for n in terminal.values() if n > 1),
        not_terminal=len(ingested - set(terminal)),
        batches=len(by_action.get(Action.BATCH_DISPATCHED, {})),
        docs_dispatched_twice=sum(
            1 for n in by_action.get(Action.DOC_DISPATCHED, Counter()).values() if n > 1
        ),
        deliverables=deliverables(box, matter),
        verify_ok=verified.ok,
        events=len(events),
    )


def _log(box: Cluster, name: str) -> str:
    log = box.root / f"{name}.log"
    return log.read_text(errors="replace") if log.exists() else ""


def _ran(box: Cluster, name: str) -> set[str]:
    """Ids of the flow runs worker ``name`` ran: those it submitted, less those it had to
    abort because another worker had already taken the run (Prefect refuses the second)."""
    text = _log(box, name)
    started = set(re.findall(r"submitting flow run '([0-9a-f-]+)'", text))
    return started - set(re.findall(r"Aborted submission of flow run '([0-9a-f-]+)'", text))


def worker_of(box: Cluster, run_id: str) -> str | None:
    """The worker that runs ``run_id``, from the workers' logs."""
    for name in box.workers:
        if run_id in _ran(box, name):
            return name
    return None


def kill_worker(box: Cluster, name: str) -> None:
    """SIGKILL a worker and its flow-run subprocess (its own session): a machine dying."""
    os.killpg(box.workers[name].pid, signal.SIGKILL)
    box.workers[name].wait()


def runs_per_worker(box: Cluster) -> dict[str, int]:
    """How many distinct flow runs each worker ran (from its own log)."""
    return {name: len(_ran(box, name)) for name in box.workers}


def states_summary(states: dict[str, str]) -> dict[str, int]:
    return dict(Counter(states.values()))
