"""Deployments with schedules, served on the embedded server by ``sealroom serve``.

The same flows are deployed to a Prefect server with work pools by ``prefect.yaml``
(``prefect deploy --all``); see the README's operations section.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

from prefect import serve
from prefect.settings import PREFECT_API_URL, PREFECT_UI_URL, temporary_settings

from config import Settings, get_settings
from flows.chunk_runs import CHUNK_DEPLOYMENT_NAME, redact_chunk
from flows.pipeline_flow import collect, intake, pipeline, reassemble

TAGS = ["sealroom"]


# Prefect's to_deployment returns a coroutine when the calling thread runs an event loop
# (a web test client, a notebook); ask for the synchronous form explicitly.
SYNC: dict[str, Any] = {"_sync": True}


def deployments(settings: Settings, matter: str | None = None) -> list[Any]:
    """intake every few minutes, collect and reassemble on their own schedules; pipeline
    on demand. One run of a deployment at a time (``concurrency_limit=1``). Redaction
    chunks on demand (``SEALROOM_REDACT_SPREAD``, ``flows.chunk_runs``), any number at once."""
    params: dict[str, Any] = {"matter": matter}
    scheduled = (  # the inbox is SEALROOM_INBOX in the serving process
        (intake, "sealroom-intake", settings.ingest_interval_minutes),
        (collect, "sealroom-collect", settings.collect_interval_minutes),
        (reassemble, "sealroom-reassemble", settings.reassemble_interval_minutes),
    )
    every = [
        flow.to_deployment(
            name=name,
            interval=timedelta(minutes=minutes),
            parameters=params,
            concurrency_limit=1,
            tags=TAGS,
            **SYNC,
        )
        for flow, name, minutes in scheduled
    ]
    return [
        *every,
        pipeline.to_deployment(name="sealroom-pipeline", parameters=params, tags=TAGS, **SYNC),
        redact_chunk.to_deployment(name=CHUNK_DEPLOYMENT_NAME, tags=TAGS, **SYNC),  # on demand
    ]


@contextmanager
def local_server(log_dir: Path) -> Iterator[str]:
    """The API to serve against: PREFECT_API_URL if set, else a local Prefect server
    started here (Prefect's temporary in-process server does not run the scheduler)."""
    if PREFECT_API_URL.value():
        yield str(PREFECT_API_URL.value())
        return
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    log_dir.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1"]
    ui, url = f"http://127.0.0.1:{port}", f"http://127.0.0.1:{port}/api"
    with open(log_dir / "prefect-server.log", "ab") as log:
        server = subprocess.Popen(
            [*command, "--port", str(port)],
            stdout=log,
            stderr=log,
            env=server_env(log_dir, url),
            preexec_fn=die_with_parent,  # a SIGKILLed serve leaves no server behind
        )
    try:
        _wait_healthy(url, server)
        os.environ.update(PREFECT_API_URL=url, PREFECT_UI_URL=ui)  # flow-run subprocesses
        with temporary_settings(updates={PREFECT_API_URL: url, PREFECT_UI_URL: ui}):
            print(f"Prefect UI: {ui}", file=sys.stderr, flush=True)
            yield url
    finally:
        _drain_prefect_workers()  # else they retry against the stopped server at exit
        server.terminate()
        server.wait(timeout=60)


def _drain_prefect_workers(timeout_s: float = 10) -> None:
    """Send what Prefect's background log and event workers still hold, while the server
    is up (bounded: a stop must never hang)."""
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    for worker in (APILogWorker, EventsWorker):
        try:
            worker.drain_all(timeout=timeout_s, at_exit=False)
        except Exception:  # draining is best effort; stopping is not
            continue


def server_env(home: Path, api_url: str) -> dict[str, str]:
    """The server's UI talks to this server (not the default port 4200); its database is
    under ``$SEALROOM_HOME/prefect`` unless PREFECT_HOME is set."""
    env = dict(os.environ, PREFECT_UI_API_URL=api_url, PREFECT_SERVER_UI_API_URL=api_url)
    env.setdefault("PREFECT_HOME", str(home.resolve() / "prefect"))
    return env


def die_with_parent() -> None:
    """In the child before exec (Linux): SIGTERM it when its parent dies, even by SIGKILL."""
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL(None).prctl(pr_set_pdeathsig, signal.SIGTERM)


def _wait_healthy(url: str, server: subprocess.Popen[bytes], timeout_s: float = 180) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("the local Prefect server exited; see prefect-server.log")
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:  # refused, reset or HTTP error while the server starts
            pass
        time.sleep(0.5)
    raise RuntimeError("the local Prefect server did not start in time")


def serve_all(matter: str | None = None) -> None:
    """Cancel what a stopped serve left behind, then run every deployment from this
    process until interrupted (SIGINT or SIGTERM: a graceful stop)."""
    from flows.serve_recovery import cancel_stale_runs

    settings = get_settings()
    with local_server(settings.home):
        served = deployments(settings, matter)
        stale = cancel_stale_runs([d.name for d in served])
        if stale:
            print(f"cancelled {stale} run(s) left by a stopped serve", file=sys.stderr)
        serve(*served)
