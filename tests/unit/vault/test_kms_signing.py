"""The checkpoint key in KMS (moto): no key until created, created once behind its alias,
signatures that verify with the public half; KMS failures are KeyServiceErrors."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber
from moto import mock_aws

from models.errors import CheckpointKeyError, KeyServiceError
from vault.kms_signing import KmsSigningKey


@pytest.fixture
def kms() -> Iterator[Any]:
    with mock_aws():
        yield boto3.client("kms", region_name="us-east-1")


def test_no_key_until_created(kms: Any) -> None:
    key = KmsSigningKey(kms, "alias/sealroom/")
    assert key.alias == "alias/sealroom/checkpoint"
    assert not key.exists() and key.verifier() is None
    with pytest.raises(CheckpointKeyError):
        key.signer()


def test_created_once_and_signatures_verify(kms: Any) -> None:
    key = KmsSigningKey(kms, "alias/sealroom")
    signer = key.create()
    again = KmsSigningKey(kms, "alias/sealroom").create()  # the same key, not a second one
    assert again.public_key == signer.public_key
    assert len(kms.list_keys()["Keys"]) == 1
    message = b"sealroom checkpoint\n42\n"
    signature = signer.sign(message)
    verifier = key.verifier()
    assert verifier is not None and verifier.verify(signature, message)
    assert not verifier.verify(signature, message + b"x")


def test_kms_failures_are_key_service_errors() -> None:
    kms = boto3.client("kms", region_name="us-east-1", aws_access_key_id="x",
                       aws_secret_access_key="x")  # fmt: skip
    key = KmsSigningKey(kms, "alias/sealroom")
    with Stubber(kms) as stub:
        stub.add_client_error("describe_key", "KMSInternalException", http_status_code=500)
        stub.add_client_error("describe_key", "NotFoundException", http_status_code=400)
        stub.add_client_error("create_key", "AccessDeniedException", http_status_code=400)
        with pytest.raises(KeyServiceError):
            key.exists()
        with pytest.raises(KeyServiceError):
            key.create()
