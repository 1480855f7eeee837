"""KmsKeyProvider under moto's KMS: per-matter keys, rotation, retirement, shredding."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import aws_encryption_sdk
import boto3
import botocore.session
import pytest
from aws_encryption_sdk.identifiers import CommitmentPolicy
from moto import mock_aws

from models.errors import KeyInUse, KeyShredded, UnknownKeyError, VaultContextMismatch
from models.vault_ref import Purpose, VaultRef
from vault import (
    SUITE,
    KeyScope,
    KmsKeyProvider,
    LegalHolds,
    MemoryStore,
    Sealer,
    Vault,
    retire_key,
    rotate_matter,
    shred_matter,
)

REF = VaultRef("tenant-a", "matter.1_x", "doc-1", Purpose.TEXT)
SCOPE = KeyScope.of(REF)
SECRET = b"Plaintiff: Jane Q. Doe"


@pytest.fixture
def kms() -> Iterator[Any]:
    with mock_aws():
        yield boto3.client("kms", region_name="us-east-1")


@pytest.fixture
def vault(kms: Any) -> Vault:
    keys = KmsKeyProvider(kms, botocore_session=botocore.session.get_session())
    return Vault(MemoryStore(), Sealer(keys))


def test_round_trip_through_generate_data_key(vault: Vault, kms: Any) -> None:
    vault.put(REF, SECRET)
    assert vault.get(REF) == SECRET
    (arn,) = vault.keys.key_ids(SCOPE)
    assert vault.key_ids(REF) == {arn}
    client = aws_encryption_sdk.EncryptionSDKClient(
        commitment_policy=CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT
    )
    _plain, header = client.decrypt(
        source=vault.store.get(REF.key), key_provider=vault.keys.decryption_provider(SCOPE)
    )
    assert header.algorithm == SUITE
    aliases = [a["AliasName"] for a in kms.list_aliases()["Aliases"]]
    assert "alias/sealroom/tenant-a/matter_d1__x/v1" in aliases


def test_each_matter_has_its_own_key(vault: Vault) -> None:
    other = dataclasses.replace(REF, matter="matter-2")
    vault.put(REF, SECRET)
    vault.put(other, SECRET)
    assert vault.key_ids(REF) != vault.key_ids(other)
    vault.store.put(other.key, vault.store.get(REF.key))
    with pytest.raises(UnknownKeyError):
        vault.get(other)  # matter-2's provider holds only matter-2's keys


def test_moved_within_the_matter_is_context_mismatch(vault: Vault) -> None:
    other = dataclasses.replace(REF, document="doc-2")
    vault.put(REF, SECRET)
    vault.store.put(other.key, vault.store.get(REF.key))
    with pytest.raises(VaultContextMismatch):
        vault.get(other)


def test_rotation_and_retirement(vault: Vault, kms: Any) -> None:
    vault.put(REF, SECRET)
    (old,) = vault.keys.key_ids(SCOPE)
    report = rotate_matter(vault, SCOPE)
    assert report.resealed == 1 and report.key_id != old
    assert vault.key_ids(REF) == {report.key_id}
    with pytest.raises(KeyInUse):
        retire_key(vault, SCOPE, report.key_id)
    retire_key(vault, SCOPE, old)
    assert vault.keys.key_ids(SCOPE) == [report.key_id]
    assert kms.describe_key(KeyId=old)["KeyMetadata"]["KeyState"] == "PendingDeletion"
    assert vault.get(REF) == SECRET


def test_shred_then_read_is_unknown_key(vault: Vault, kms: Any) -> None:
    vault.put(REF, SECRET)
    (arn,) = vault.keys.key_ids(SCOPE)
    holds = LegalHolds(vault.store)
    report = shred_matter(vault, holds, SCOPE)
    assert report.keys_destroyed == 1
    assert kms.describe_key(KeyId=arn)["KeyMetadata"]["KeyState"] == "PendingDeletion"
    with pytest.raises(UnknownKeyError):
        vault.get(REF)
    with pytest.raises(KeyShredded):
        vault.put(REF, b"again")
