"""The operator's identity: a marked local identity without AWS, the parent's identity
in a worker it spawned, and a configured endpoint without credentials is an error."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from composition import identity
from composition.identity import LOCAL_PREFIX, inherit_identity, operator_identity
from config.settings import Settings
from models.errors import ConfigError


@pytest.fixture(autouse=True)
def no_aws(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    yield
    identity._inherited.clear()


def test_without_aws_the_identity_is_marked_local(tmp_path: Path) -> None:
    assert operator_identity(Settings(home=tmp_path)).startswith(LOCAL_PREFIX)


def test_an_endpoint_without_credentials_fails_closed(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        operator_identity(Settings(home=tmp_path, s3_endpoint_url="http://127.0.0.1:9"))


def test_a_worker_acts_as_the_parent_that_spawned_it(tmp_path: Path) -> None:
    inherit_identity("arn:aws:sts::123456789012:assumed-role/ops/ana")
    settings = Settings(home=tmp_path, s3_endpoint_url="http://127.0.0.1:9")
    assert operator_identity(settings) == "arn:aws:sts::123456789012:assumed-role/ops/ana"
