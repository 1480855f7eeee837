"""cli.server_guard: a SIGKILLed parent takes the server it started with it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from cli import server_guard
from cli.server_watchdog import alive

REPO = Path(__file__).resolve().parents[2]
PARENT = """
import subprocess, sys, time
from cli.server_guard import _GuardedSubprocess
server = _GuardedSubprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
print(server.pid, flush=True)
time.sleep(600)
"""


def _gone_within(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not alive(pid):
            return True
        time.sleep(0.1)
    return False


def test_sigkilled_parent_takes_its_server_along() -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT], cwd=REPO, stdout=subprocess.PIPE, text=True
    )
    assert parent.stdout is not None
    server_pid = int(parent.stdout.readline())
    try:
        time.sleep(1.0)  # the watchdog is up and polling
        assert alive(server_pid)
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
        assert _gone_within(server_pid, 15), "the server outlived its parent"
    finally:
        if alive(server_pid):
            os.kill(server_pid, signal.SIGKILL)


def test_watchdog_exits_by_itself_when_the_server_stops() -> None:
    server = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    watchdog = server_guard.start_watchdog(server.pid)
    server.terminate()
    server.wait()
    assert watchdog.wait(timeout=10) == 0


def test_guard_wraps_only_prefects_server_popen() -> None:
    from prefect.server.api import server

    server_guard.guard_prefect_server()
    server_guard.guard_prefect_server()  # idempotent
    assert server.subprocess.Popen is server_guard._GuardedSubprocess.Popen
    assert server.subprocess.TimeoutExpired is subprocess.TimeoutExpired
    assert subprocess.Popen is not server_guard._GuardedSubprocess.Popen
