"""``SEALROOM_KMS_ENDPOINT_URL`` reaches the SDK's data-key calls, and a failing key service
is one translated line (``KeyServiceError``), not a raw botocore error."""

from __future__ import annotations

from collections.abc import Iterator

import boto3
import pytest
from moto import mock_aws

from cli.local_s3 import free_port, local_s3
from models.errors import KeyServiceError
from models.vault_ref import Purpose, VaultRef
from vault import KmsKeyProvider, MemoryStore, Sealer, Vault

REF = VaultRef("tenant-a", "matter-1", "doc-1", Purpose.TEXT)
SECRET = b"Plaintiff: Jane Q. Doe"


@pytest.fixture(autouse=True)
def _creds(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.setenv(name, "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_MAX_ATTEMPTS", "1")


@pytest.fixture
def endpoint() -> Iterator[str]:
    with local_s3() as url:  # moto's server on loopback; the credentials above are kept
        yield url


def test_data_keys_come_from_the_configured_endpoint(endpoint: str) -> None:
    """No mock here: a data-key call to the public AWS endpoint could not succeed."""
    kms = boto3.client("kms", region_name="us-east-1", endpoint_url=endpoint)
    vault = Vault(MemoryStore(), Sealer(KmsKeyProvider(kms, endpoint_url=endpoint)))
    vault.put(REF, SECRET)
    assert vault.get(REF) == SECRET


def test_unreachable_key_service_is_one_translated_line() -> None:
    """Key management goes to moto (mocked public endpoint); the data-key calls go to the
    configured endpoint, where nothing listens: had it been ignored, moto would answer."""
    dead = f"http://127.0.0.1:{free_port()}"
    with mock_aws():
        kms = boto3.client("kms", region_name="us-east-1")
        vault = Vault(MemoryStore(), Sealer(KmsKeyProvider(kms, endpoint_url=dead)))
        with pytest.raises(KeyServiceError) as info:
            vault.put(REF, SECRET)
        control = Vault(MemoryStore(), Sealer(KmsKeyProvider(kms)))  # the same, no endpoint
        control.put(REF, SECRET)
        assert control.get(REF) == SECRET
    message = info.value.message
    assert message.startswith("SR-VLT-010 key service call failed (EndpointConnectionError)")
    assert "\n" not in message and "botocore" not in message and "127.0.0.1" not in message
    assert info.value.__cause__ is None
