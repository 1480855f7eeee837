"""Actors are authenticated identities: the STS principal, or a marked local identity when
no AWS credentials or endpoint exist; vault commands take no free-text ``--actor``."""

from __future__ import annotations

import getpass
from pathlib import Path

import pytest
from moto import mock_aws
from typer.testing import CliRunner

from audit import Ledger
from cli.main import app
from composition.identity import _sts_identity, local_identity, operator_identity
from config import get_settings
from models.errors import ConfigError

runner = CliRunner()


def test_local_identity_without_aws(home: Path) -> None:
    actor = operator_identity(get_settings())
    assert actor == local_identity() and actor.startswith(f"local:{getpass.getuser()}@")


def test_endpoint_without_credentials_is_an_error(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SEALROOM_S3_ENDPOINT_URL", "http://127.0.0.1:9")
    get_settings.cache_clear()
    with pytest.raises(ConfigError, match="no AWS credentials"):
        operator_identity(get_settings())


def test_sts_principal_with_credentials(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    _sts_identity.cache_clear()
    with mock_aws():
        actor = operator_identity(get_settings())
    _sts_identity.cache_clear()
    assert actor.startswith("arn:aws:") and ":user/" in actor  # moto's fixed principal


def test_vault_commands_record_the_authenticated_actor(home: Path) -> None:
    refused = runner.invoke(app, ["vault", "hold", "--matter", "m-1", "--actor", "Mallory"])
    assert refused.exit_code == 2  # no such option any more
    placed = runner.invoke(app, ["vault", "hold", "--matter", "m-1"])
    assert placed.exit_code == 0, placed.output
    with Ledger(f"sqlite:///{home / 'ledger.db'}") as ledger:
        (event,) = list(ledger.events(action="vault.hold_placed"))
    assert event.actor == local_identity()
