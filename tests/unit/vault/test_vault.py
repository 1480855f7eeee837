"""Vault: sealed put/get by ref over a store; the store never sees plaintext."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from models.errors import VaultContextMismatch, VaultIntegrityError, VaultObjectMissing
from models.vault_ref import Purpose, VaultRef
from vault import LocalKeyProvider, MemoryStore, Sealer, Vault, open_local_vault

REF = VaultRef("tenant-a", "matter-1", "doc-1", Purpose.ORIGINAL)
OTHER = dataclasses.replace(REF, document="doc-2")
SECRET = b"Dear Mr. John Smith, re: claim 4471"


def test_local_vault_round_trip_and_at_rest_form(tmp_path: Path) -> None:
    vault = open_local_vault(tmp_path / "vault", tmp_path / "keys")
    assert not vault.exists(REF)
    vault.put(REF, SECRET)
    assert vault.exists(REF)
    assert vault.get(REF) == SECRET
    stored = (tmp_path / "vault" / REF.key).read_bytes()
    assert SECRET not in stored and b"John" not in stored
    assert (tmp_path / "keys" / "tenant-a" / "matter-1" / "local-v1.key").is_file()


def test_reopened_vault_reads_old_objects(tmp_path: Path) -> None:
    open_local_vault(tmp_path / "v", tmp_path / "k").put(REF, SECRET)
    assert open_local_vault(tmp_path / "v", tmp_path / "k").get(REF) == SECRET


def test_put_same_ref_again_replaces(tmp_path: Path) -> None:
    vault = open_local_vault(tmp_path / "vault", tmp_path / "keys")
    vault.put(REF, b"first")
    vault.put(REF, b"second")
    assert vault.get(REF) == b"second"
    assert vault.store.list("") == [REF.key]


def test_missing_ref(tmp_path: Path) -> None:
    vault = open_local_vault(tmp_path / "vault", tmp_path / "keys")
    with pytest.raises(VaultObjectMissing) as info:
        vault.get(REF)
    assert info.value.ref == REF.key


@pytest.fixture
def memory_vault(tmp_path: Path) -> Vault:
    return Vault(MemoryStore(), Sealer(LocalKeyProvider(tmp_path)))


def test_ciphertext_moved_to_another_document_is_refused(memory_vault: Vault) -> None:
    memory_vault.put(REF, SECRET)
    memory_vault.store.put(OTHER.key, memory_vault.store.get(REF.key))
    with pytest.raises(VaultContextMismatch) as info:
        memory_vault.get(OTHER)
    assert info.value.ref == OTHER.key
    assert "John" not in str(info.value)


def test_swapped_versions_are_refused(memory_vault: Vault) -> None:
    v2 = dataclasses.replace(REF, version=2)
    memory_vault.put(REF, b"version one")
    memory_vault.put(v2, b"version two")
    one, two = memory_vault.store.get(REF.key), memory_vault.store.get(v2.key)
    memory_vault.store.put(REF.key, two)
    memory_vault.store.put(v2.key, one)
    for ref in (REF, v2):
        with pytest.raises(VaultContextMismatch):
            memory_vault.get(ref)


def test_corrupted_object_is_integrity_error(memory_vault: Vault) -> None:
    memory_vault.put(REF, SECRET)
    blob = bytearray(memory_vault.store.get(REF.key))
    blob[len(blob) // 2] ^= 0x40
    memory_vault.store.put(REF.key, bytes(blob))
    with pytest.raises(VaultIntegrityError):
        memory_vault.get(REF)
