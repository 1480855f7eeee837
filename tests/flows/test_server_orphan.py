"""SIGKILL of ``sealroom run`` leaves no Prefect server behind (cli.server_guard)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from cli.local_s3 import free_port
from cli.server_watchdog import alive

REPO = Path(__file__).resolve().parents[2]


def _children(pid: int) -> list[tuple[int, str]]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append((int(entry.name), cmdline))
    return found


def _wait_for_server(run: subprocess.Popen[bytes], seconds: float) -> int:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and run.poll() is None:
        servers = [p for p, cmd in _children(run.pid) if "uvicorn" in cmd]
        if servers:
            return servers[0]
        time.sleep(0.2)
    raise AssertionError(f"no Prefect server child appeared (run exit code {run.poll()})")


def test_sigkill_of_run_takes_the_prefect_server_along(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    env = {
        **os.environ,
        "SEALROOM_HOME": str(tmp_path / "home"),
        "PREFECT_HOME": str(tmp_path / "prefect"),
        "SEALROOM_S3_ENDPOINT_URL": f"http://127.0.0.1:{free_port()}",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
    }
    env.pop("PREFECT_API_URL", None)
    cli = [str(Path(sys.executable).parent / "sealroom"), "run", str(inbox)]
    run = subprocess.Popen(
        cli, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    server = 0
    try:
        server = _wait_for_server(run, 240)
        os.kill(run.pid, signal.SIGKILL)
        run.wait()
        deadline = time.monotonic() + 20
        while alive(server) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not alive(server), "Prefect's server outlived the killed run"
    finally:
        if run.poll() is None:
            run.kill()
        if server and alive(server):
            os.kill(server, signal.SIGKILL)
