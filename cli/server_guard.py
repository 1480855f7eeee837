"""No orphan Prefect server: a SIGKILLed ``sealroom`` takes its temporary server with it.

Prefect starts its temporary API server with ``subprocess.Popen`` and stops it from an
``atexit`` hook, which a SIGKILL never runs. ``guard_prefect_server`` wraps that one
``Popen`` (in Prefect's server module only) so each server gets a small watchdog process
(``cli.server_watchdog``): it polls its parent, this process, and when the parent is gone
it terminates the server. (Not ``PR_SET_PDEATHSIG``: that fires when the *thread* that
started the child exits, and Prefect may start the server from a worker thread.)
"""

from __future__ import annotations

import subprocess
import sys
from typing import Any

_GUARDED = "_sealroom_guarded"


class _GuardedSubprocess:
    """``subprocess`` as Prefect's server module sees it: ``Popen`` adds the watchdog."""

    def __getattr__(self, name: str) -> Any:
        return getattr(subprocess, name)

    @staticmethod
    def Popen(*args: Any, **kwargs: Any) -> subprocess.Popen[Any]:
        server = subprocess.Popen(*args, **kwargs)
        start_watchdog(server.pid)
        return server


def start_watchdog(pid: int) -> subprocess.Popen[bytes]:
    """A watchdog that terminates ``pid`` once this process has died."""
    return subprocess.Popen(
        [sys.executable, "-m", "cli.server_watchdog", str(pid)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        close_fds=True,
    )


def guard_prefect_server() -> None:
    """Install the wrapper (idempotent); call before the first flow run."""
    from prefect.server.api import server

    if getattr(server, _GUARDED, False):
        return
    server.subprocess = _GuardedSubprocess()  # type: ignore[assignment]
    setattr(server, _GUARDED, True)
