"""`sealroom serve` as an operator runs it: its printed UI link reaches its own server's
API, and after SIGKILL or SIGTERM a restart ingests a new inbox file within one schedule
interval (no run left blocking the deployment's concurrency slot, no server left behind).

Real processes: serve starts its own Prefect server (this test does not use the flow
tests' harness); S3 is moto's server on loopback.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from audit import Ledger
from cli.local_s3 import local_s3
from models.audit import Action

INTERVAL_MINUTES = 0.25  # one schedule interval: 15 s
START_BUDGET_S = 300  # a Prefect server's first start on a busy two-core machine
# A graceful stop cancels the in-flight runs, pauses the schedules through the API, drains
# Prefect's log/event workers and then stops the server (up to 60 s): on a busy two-core
# machine (load 15-30, two test workers) that took over 120 s. The stop must come, not fast.
STOP_BUDGET_S = 300
UI_LINE = re.compile(r"Prefect UI: (http://127\.0\.0\.1:\d+)")
SEALROOM = Path(sys.executable).with_name("sealroom")
# serve as started from an operator's terminal: SIGINT at its default. A test run launched as
# a background job (`make test &`, nohup, some CI runners) ignores SIGINT, every child
# inherits that, and Python then never raises KeyboardInterrupt: the SIGINT stop would wait
# forever (seen: 300 s). exec keeps the pid, so the test's signals reach serve itself.
AS_FROM_A_TERMINAL = (
    "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
    "os.execv(sys.argv[1], sys.argv[1:])"
)


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    root = tmp_path_factory.mktemp("serve")
    (root / "inbox").mkdir()
    with local_s3() as endpoint:
        import boto3

        boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1").create_bucket(
            Bucket="sealroom-queues"
        )
        values = {
            "SEALROOM_HOME": str(root / "home"),
            "SEALROOM_INBOX": str(root / "inbox"),
            "SEALROOM_MATTER": "matter-serve",
            "SEALROOM_S3_ENDPOINT_URL": endpoint,
            "SEALROOM_INGEST_INTERVAL_MINUTES": str(INTERVAL_MINUTES),
            "SEALROOM_COLLECT_INTERVAL_MINUTES": "60",
            "SEALROOM_REASSEMBLE_INTERVAL_MINUTES": "60",
            "SEALROOM_REDACT_WORKERS": "1",
            "PREFECT_HOME": str(root / "prefect"),
        }
        base = {
            k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_API", "SEALROOM"))
        }
        yield base | values


STARTED: list[subprocess.Popen[bytes]] = []


@pytest.fixture(autouse=True)
def stop_leftovers() -> Iterator[None]:
    """A failing assertion must not leave a serve (and its server) running."""
    yield
    for process in STARTED:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=60)


class Serve:
    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.log = log
        self.process = subprocess.Popen(
            [sys.executable, "-c", AS_FROM_A_TERMINAL, str(SEALROOM), "serve"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log.open("wb"),
            start_new_session=True,
        )
        STARTED.append(self.process)

    def ui(self) -> str:
        deadline = time.monotonic() + START_BUDGET_S
        while time.monotonic() < deadline:
            found = UI_LINE.search(self.log.read_text(errors="replace"))
            if found:
                return found.group(1)
            assert self.process.poll() is None, self.log.read_text(errors="replace")[-2000:]
            time.sleep(0.5)
        raise AssertionError("serve did not start its Prefect server in time")

    def stop(self, sig: signal.Signals) -> None:
        self.process.send_signal(sig)
        try:
            self.process.wait(timeout=STOP_BUDGET_S)
        except subprocess.TimeoutExpired as exc:
            tail = self.log.read_text(errors="replace")[-2000:]
            message = f"serve did not stop within {STOP_BUDGET_S} s of {sig.name}:\n{tail}"
            raise AssertionError(message) from exc


def ingested(env: dict[str, str]) -> int:
    url = f"sqlite:///{env['SEALROOM_HOME']}/ledger.db"
    if not Path(env["SEALROOM_HOME"], "ledger.db").exists():
        return 0
    with Ledger(url) as ledger:
        return sum(1 for _ in ledger.events(action=Action.DOC_INGESTED.value))


def wait_for(env: dict[str, str], count: int, seconds: float) -> float:
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if ingested(env) >= count:
            return time.monotonic() - started
        time.sleep(0.5)
    raise AssertionError(f"{count} document(s) not ingested within {seconds:.0f} s")


def drop(env: dict[str, str], n: int) -> None:
    text = f"Note {n}: the lessee shall pay the rent on the first day of each month.\n"
    Path(env["SEALROOM_INBOX"], f"note-{n}.txt").write_text(text, encoding="utf-8")


def reachable(ui: str) -> bool:
    try:
        with urllib.request.urlopen(f"{ui}/api/health", timeout=2):
            return True
    except OSError:
        return False


def test_ui_link_and_restart_after_sigkill_and_sigterm(env: dict[str, str], tmp_path: Path) -> None:
    interval = INTERVAL_MINUTES * 60
    drop(env, 1)
    first = Serve(env, tmp_path / "serve-1.log")
    ui = first.ui()
    with urllib.request.urlopen(f"{ui}/ui-settings", timeout=10) as response:
        assert json.load(response)["api_url"] == f"{ui}/api"  # the UI reaches this server
    wait_for(env, 1, START_BUDGET_S)
    first.stop(signal.SIGKILL)
    deadline = time.monotonic() + 30
    while reachable(ui) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not reachable(ui), "a SIGKILLed serve left its Prefect server running"

    for n, (sig, name) in enumerate([(signal.SIGTERM, "sigterm"), (signal.SIGINT, "sigint")], 2):
        drop(env, n)
        again = Serve(env, tmp_path / f"serve-{n}.log")
        again.ui()
        took = wait_for(env, n, START_BUDGET_S)
        if sig is signal.SIGTERM:  # started after the SIGKILL: it found the killed run
            assert re.search(
                r"cancelled \d+ run\(s\) left by a stopped serve", again.log.read_text()
            )
        assert took <= interval + 60, f"after restart ({name}) ingest took {took:.0f} s"
        again.stop(sig)
        assert again.process.returncode is not None
