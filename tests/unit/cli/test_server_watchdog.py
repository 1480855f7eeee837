"""The server watchdog's pieces on real child processes: liveness, a graceful stop that
escalates to SIGKILL, and the watch loop's two endings."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from cli import server_watchdog as wd

IGNORES_TERM = (
    "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN);"
    " print('ready', flush=True); time.sleep(60)"
)


def child(code: str = "import time; time.sleep(60)") -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE)


def test_alive_follows_the_process() -> None:
    proc = child()
    assert wd.alive(proc.pid)
    proc.kill()
    proc.wait()
    assert not wd.alive(proc.pid)


def test_stop_terminates_gracefully(monkeypatch: pytest.MonkeyPatch) -> None:
    proc = child()
    reaped = _reaping(monkeypatch, proc)
    wd.stop(proc.pid)
    assert reaped() == -signal.SIGTERM


def test_stop_escalates_to_sigkill_after_the_grace(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wd, "GRACE_SECONDS", 0.5)
    proc = child(IGNORES_TERM)
    assert proc.stdout is not None and proc.stdout.readline() == b"ready\n"  # handler in place
    reaped = _reaping(monkeypatch, proc)
    wd.stop(proc.pid)
    assert reaped() == -signal.SIGKILL


def test_watch_returns_0_when_the_server_exits_by_itself() -> None:
    proc = child("pass")
    proc.wait()
    assert wd.watch(proc.pid, os.getppid()) == 0


def test_watch_stops_the_server_when_the_starter_is_gone(monkeypatch: pytest.MonkeyPatch) -> None:
    proc = child()
    reaped = _reaping(monkeypatch, proc)
    assert wd.watch(proc.pid, parent=-1) == 1  # our parent is not the one that started us
    assert reaped() == -signal.SIGTERM


def _reaping(monkeypatch: pytest.MonkeyPatch, proc: subprocess.Popen[bytes]):  # type: ignore[no-untyped-def]
    """Make ``alive`` see the child as gone once it exited (a zombie still answers kill 0)."""
    monkeypatch.setattr(wd, "alive", lambda pid: proc.poll() is None)
    return lambda: proc.wait(timeout=10)
