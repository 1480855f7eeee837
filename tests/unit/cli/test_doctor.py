"""`sealroom doctor` under moto: missing buckets are reported with what to do, `--fix`
creates them (the checkpoint bucket with Object Lock), KMS keys and the ledger are
checked, missing credentials are named."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from moto import mock_aws
from typer.testing import CliRunner

from cli.main import app
from config.settings import get_settings


@pytest.fixture
def aws(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SEALROOM_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("SEALROOM_CHECKPOINT_BUCKET", "sealroom-checkpoints")
    monkeypatch.setenv("SEALROOM_KEY_PROVIDER", "kms")
    monkeypatch.delenv("SEALROOM_S3_ENDPOINT_URL", raising=False)
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.setenv(name, "testing")
    get_settings.cache_clear()
    with mock_aws():
        yield tmp_path
    get_settings.cache_clear()


def doctor(*args: str) -> tuple[int, dict[str, dict[str, object]]]:
    result = CliRunner().invoke(app, ["doctor", "--json", *args])
    get_settings.cache_clear()
    return result.exit_code, {c["name"]: c for c in json.loads(result.stdout)}


def test_missing_buckets_fail_then_fix_creates_them(aws: Path) -> None:
    code, checks = doctor()
    assert code == 1
    queue = checks["queue bucket sealroom-queues"]
    assert not queue["ok"] and queue["fix"] == "run `sealroom doctor --fix`"
    assert not checks["inbox"]["ok"]
    assert checks["ledger"]["ok"] and checks["vault keys (kms)"]["ok"]
    assert checks["credentials"]["ok"] and checks["prefect"]["ok"]
    code, checks = doctor("--fix")
    assert code == 0, checks
    assert checks["checkpoint bucket sealroom-checkpoints"]["fixed"]
    import boto3

    lock = boto3.client("s3", region_name="us-east-1").get_object_lock_configuration(
        Bucket="sealroom-checkpoints"
    )
    assert lock["ObjectLockConfiguration"]["ObjectLockEnabled"] == "Enabled"
    code, checks = doctor()
    assert code == 0 and not any(c["fixed"] for c in checks.values())


def test_missing_credentials_are_named(aws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(aws / "none"))
    monkeypatch.setenv("AWS_CONFIG_FILE", str(aws / "none"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    monkeypatch.setenv("SEALROOM_KEY_PROVIDER", "local")
    code, checks = doctor()
    assert code == 1 and not checks["credentials"]["ok"]
    assert "AWS_ACCESS_KEY_ID" in str(checks["queue bucket sealroom-queues"]["fix"])


def test_human_output_says_what_to_do(aws: Path) -> None:
    result = CliRunner().invoke(app, ["doctor"])
    assert result.exit_code == 1
    assert "FAIL  queue bucket sealroom-queues: does not exist" in result.stdout
    assert "what to do: run `sealroom doctor --fix`" in result.stdout
