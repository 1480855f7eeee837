"""cli.prefect_env: Prefect's start-up wait is set deliberately, never the 20 s default."""

from __future__ import annotations

import pytest

from cli import prefect_env

NAME = "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"


def test_sets_a_long_startup_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(NAME, raising=False)
    prefect_env.set_startup_waits()
    assert int(__import__("os").environ[NAME]) >= 120


def test_operator_value_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NAME, "45")
    prefect_env.set_startup_waits()
    assert __import__("os").environ[NAME] == "45"


@pytest.mark.parametrize(
    ("error", "reported"),
    [
        (
            RuntimeError("Timed out while attempting to connect to ephemeral Prefect API server."),
            True,
        ),
        (RuntimeError("something else"), False),
    ],
)
def test_startup_failure_is_one_line(error: RuntimeError, reported: bool) -> None:
    message = prefect_env.startup_failure(error)
    assert (message is not None) == reported
    if message:
        assert "\n" not in message and "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS" in message


def test_the_cli_entry_point_sets_it_before_prefect_loads() -> None:
    import subprocess
    import sys

    code = (
        "import os, sys; os.environ.pop('" + NAME + "', None); import cli.main; "
        "assert 'prefect' not in sys.modules; print(os.environ['" + NAME + "'])"
    )
    env = {k: v for k, v in __import__("os").environ.items() if k != NAME}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert int(out.stdout.strip()) >= 120
