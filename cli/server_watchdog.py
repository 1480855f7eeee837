"""``python -m cli.server_watchdog PID``: terminate PID when the process that started this
watchdog dies (see ``cli.server_guard``); exit as soon as PID is gone by itself."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import time

POLL_SECONDS = 0.5
GRACE_SECONDS = 5.0


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def watch(pid: int, parent: int) -> int:
    """Poll until ``pid`` exits (0) or our parent changes (the starter died): stop ``pid``."""
    while alive(pid):
        if os.getppid() != parent:
            stop(pid)
            return 1
        time.sleep(POLL_SECONDS)
    return 0


def stop(pid: int) -> None:
    with_signal(pid, signal.SIGTERM)
    deadline = time.monotonic() + GRACE_SECONDS
    while alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    if alive(pid):
        with_signal(pid, signal.SIGKILL)


def with_signal(pid: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, sig)


def main(argv: list[str]) -> int:
    return watch(int(argv[1]), os.getppid())


if __name__ == "__main__":
    sys.exit(main(sys.argv))
