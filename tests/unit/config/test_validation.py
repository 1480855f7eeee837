"""Settings validation: one line naming the first problem, with a close match offered."""

from __future__ import annotations

import pytest

from config import validation
from config.validation import SettingsError, checked_settings, unknown_variables


def test_unknown_variables_are_listed_sorted() -> None:
    env = {"SEALROOM_MATTERR": "x", "SEALROOM_MATTER": "m", "SEALROOM_AAA": "y", "PATH": "/"}
    assert unknown_variables(env) == ["SEALROOM_AAA", "SEALROOM_MATTERR"]


def test_a_misspelt_variable_gets_a_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SEALROOM_MATTERR", "x")
    with pytest.raises(SettingsError, match=r"SEALROOM_MATTERR.*did you mean SEALROOM_MATTER"):
        checked_settings()


def test_an_invalid_value_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SEALROOM_S3_MAX_CONCURRENCY", "0")
    with pytest.raises(SettingsError, match="SEALROOM_S3_MAX_CONCURRENCY"):
        checked_settings()
    assert "SEALROOM_S3_MAX_CONCURRENCY" in validation.setting_variables()
