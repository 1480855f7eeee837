"""Settings an operator can trust: typos are errors, bad values one line, secrets masked,
`--version`, completion and `config show`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.config_cmd import mask
from cli.main import app
from config.settings import get_settings
from config.validation import SettingsError, checked_settings, unknown_variables


@pytest.fixture(autouse=True)
def fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)  # no sealroom.toml unless a test writes one
    monkeypatch.setenv("SEALROOM_HOME", str(tmp_path / "home"))
    get_settings.cache_clear()


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    get_settings.cache_clear()
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("env", "toml", "message"),
    [
        (
            {"SEALROOM_QEUE": "x"},
            "",
            "unknown variable SEALROOM_QEUE (did you mean SEALROOM_QUEUE?)",
        ),
        ({}, 'qeue = "x"\n', "unknown key 'qeue' (did you mean queue?)"),
        ({"SEALROOM_LEASE_SECONDS": "5"}, "", "SEALROOM_LEASE_SECONDS"),
        ({}, "lease_seconds = 'abc'\n", "valid integer"),
        ({}, "queue = \n", "not valid TOML"),
        ({"SEALROOM_KEY_PROVIDER": "vault-9"}, "", "SEALROOM_KEY_PROVIDER"),
    ],
)
def test_bad_settings_are_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, env: dict[str, str], toml: str, message: str
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    if toml:
        (tmp_path / "sealroom.toml").write_text(toml, encoding="utf-8")
    with pytest.raises(SettingsError):
        checked_settings()
    code, out, err = run("status", "--json")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err and "Traceback" not in err
    assert "vault-9" not in err  # values are never echoed (they may be secrets)


def test_known_variables_pass() -> None:
    env = {"SEALROOM_QUEUE": "q", "SEALROOM_CONFIG": "x.toml", "SEALROOM_REVIEWER": "ana"}
    assert unknown_variables(env | {"OTHER": "1"}) == []


@pytest.mark.parametrize(
    ("name", "value", "shown"),
    [
        (
            "ledger_url",
            "postgresql+psycopg://sealroom:pw@db:5432/l",
            "postgresql+psycopg://sealroom:***@db:5432/l",
        ),
        ("ledger_url", "sqlite:///x/ledger.db", "sqlite:///x/ledger.db"),
        ("db_password", "hunter2", "***"),
        ("queue", "general", "general"),
        ("home", Path("/h"), "/h"),
        ("kms_endpoint_url", None, None),
    ],
)
def test_mask(name: str, value: object, shown: object) -> None:
    assert mask(name, value) == shown


def test_config_show_masks_and_covers_every_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SEALROOM_LEDGER_URL", "postgresql://u:topsecret@db/l")
    code, out, _ = run("config", "show", "--json")
    values = json.loads(out)
    assert code == 0 and "topsecret" not in out
    assert set(values) == set(type(get_settings()).model_fields)
    code, out, _ = run("config", "show")
    assert 'SEALROOM_LEDGER_URL = "postgresql://u:***@db/l"' in out


def test_version_and_completion() -> None:
    code, out, _ = run("--version")
    assert code == 0 and out.startswith("sealroom ")
    code, out, _ = run("--help")
    assert "--install-completion" in out and "--show-completion" in out
