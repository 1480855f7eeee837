"""Which Prefect API ``sealroom status`` reads: a configured server or home wins; else
``sealroom serve``'s database under SEALROOM_HOME when it exists; else Prefect's default."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cli.status_runs import choose_prefect_home
from config.settings import Settings


@pytest.mark.parametrize(
    ("env", "served", "expected"),
    [
        ({"PREFECT_API_URL": "http://prefect:4200/api"}, True, None),
        ({"PREFECT_HOME": "/srv/prefect"}, True, "/srv/prefect"),
        ({}, True, "served"),
        ({}, False, None),
    ],
)
def test_prefect_home_choice(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    env: dict[str, str],
    served: bool,
    expected: str | None,
) -> None:
    for name in ("PREFECT_API_URL", "PREFECT_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    if served:
        (tmp_path / "prefect").mkdir()
    choose_prefect_home(Settings(home=tmp_path))
    got = os.environ.get("PREFECT_HOME")
    want = str((tmp_path / "prefect").resolve()) if expected == "served" else expected
    assert got == want
