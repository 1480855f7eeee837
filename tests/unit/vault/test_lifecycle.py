"""Rotation, reading during rotation, retirement, legal holds, crypto-shredding, audit."""

from __future__ import annotations

import dataclasses
import json
import random
import threading
from pathlib import Path

import pytest

from audit import Ledger
from models.errors import (
    KeyInUse,
    KeyShredded,
    LegalHoldActive,
    UnknownKeyError,
    VaultIntegrityError,
)
from models.vault_ref import Purpose, VaultRef
from stages import vault_ops
from vault import (
    KeyScope,
    LegalHolds,
    LocalDirStore,
    LocalKeyProvider,
    Sealer,
    Vault,
    reseal_matter,
    retire_key,
    rotate_matter,
    shred_matter,
)

REF = VaultRef("tenant-a", "matter-1", "doc-1", Purpose.ORIGINAL)
SCOPE = KeyScope.of(REF)
OTHER_MATTER = dataclasses.replace(REF, matter="matter-2")
SECRET = b"Patient: Jane Q. Doe, MRN 4471"


@pytest.fixture
def vault(tmp_path: Path) -> Vault:
    return Vault(LocalDirStore(tmp_path / "vault"), Sealer(LocalKeyProvider(tmp_path / "keys")))


def _fill(vault: Vault, count: int, size: int = 1000) -> dict[VaultRef, bytes]:
    objects = {}
    for i in range(count):
        ref = dataclasses.replace(REF, document=f"doc-{i}")
        objects[ref] = random.Random(i).randbytes(size)
        vault.put(ref, objects[ref])
    return objects


def test_rotation_reseals_under_the_new_key_and_is_resumable(vault: Vault) -> None:
    objects = _fill(vault, 4)
    vault.store.put("tenants/tenant-a/matters/matter-1/notes.txt", b"not a sealed object")
    report = rotate_matter(vault, SCOPE)
    assert (report.key_id, report.scanned, report.resealed, report.failed) == ("local-v2", 4, 4, [])
    for ref, data in objects.items():
        assert vault.key_ids(ref) == {"local-v2"}
        assert vault.get(ref) == data
    again = reseal_matter(vault, SCOPE)
    assert (again.resealed, again.already_current) == (0, 4)


def test_interrupted_rotation_resumes_where_it_stopped(vault: Vault) -> None:
    objects = _fill(vault, 3)
    vault.keys.rotate(SCOPE)
    first = next(iter(objects))
    vault.put(first, objects[first])  # as if a crashed run had re-sealed only this one
    report = reseal_matter(vault, SCOPE)
    assert (report.resealed, report.already_current) == (2, 1)


def test_old_key_retires_only_once_nothing_uses_it(vault: Vault) -> None:
    objects = _fill(vault, 2)
    vault.keys.rotate(SCOPE)
    with pytest.raises(KeyInUse):
        retire_key(vault, SCOPE, "local-v1")
    with pytest.raises(KeyInUse):
        retire_key(vault, SCOPE, "local-v2")  # the current key
    reseal_matter(vault, SCOPE)
    assert retire_key(vault, SCOPE, "local-v1") == 2
    assert vault.keys.key_ids(SCOPE) == ["local-v2"]
    assert all(vault.get(ref) == data for ref, data in objects.items())


def test_object_under_retired_version_is_unknown_key(vault: Vault) -> None:
    vault.put(REF, SECRET)
    vault.keys.rotate(SCOPE)
    vault.keys.retire(SCOPE, "local-v1")  # forced, bypassing the in-use check
    with pytest.raises(UnknownKeyError) as info:
        vault.get(REF)
    assert info.value.ref == REF.key


def test_header_naming_another_existing_version_is_refused(vault: Vault) -> None:
    """Wrong key version: relabel a local-v1 object as local-v2 (which exists)."""
    vault.put(REF, SECRET)
    vault.keys.rotate(SCOPE)
    blob = vault.store.get(REF.key)
    vault.store.put(REF.key, blob.replace(b"local-v1", b"local-v2", 1))
    with pytest.raises(VaultIntegrityError):
        vault.get(REF)


def test_reading_never_fails_while_rotation_runs(vault: Vault) -> None:
    objects = _fill(vault, 6, size=600_000)  # several frames each
    stop = threading.Event()
    errors: list[BaseException] = []
    reads = [0]

    def reader() -> None:
        while not stop.is_set():
            for ref, data in objects.items():
                try:
                    assert vault.get(ref) == data
                    assert b"".join(vault.open_stream(ref)) == data
                    reads[0] += 1
                except BaseException as exc:  # any failure is the test's failure
                    errors.append(exc)
                    return

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        reports = [rotate_matter(vault, SCOPE) for _ in range(3)]
    finally:
        stop.set()
        thread.join()
    assert errors == []
    assert reads[0] > 0
    assert [r.resealed for r in reports] == [6, 6, 6]
    assert all(vault.key_ids(ref) == {"local-v4"} for ref in objects)


def test_shredding_makes_the_matter_unreadable_and_spares_others(vault: Vault) -> None:
    vault.put(REF, SECRET)
    vault.put(OTHER_MATTER, SECRET)
    report = shred_matter(vault, LegalHolds(vault.store), SCOPE)
    assert (report.keys_destroyed, report.objects_unreadable, report.objects_deleted) == (1, 1, 0)
    with pytest.raises(UnknownKeyError) as info:
        vault.get(REF)
    assert info.value.ref == REF.key
    with pytest.raises(KeyShredded):
        vault.put(REF, b"new")  # a shredded matter never silently gets a new key
    with pytest.raises(KeyShredded):
        vault.keys.rotate(SCOPE)
    assert vault.get(OTHER_MATTER) == SECRET


def test_shred_can_delete_the_objects(vault: Vault) -> None:
    _fill(vault, 3)
    report = shred_matter(vault, LegalHolds(vault.store), SCOPE, delete_objects=True)
    assert report.objects_deleted == 3
    assert vault.store.list("tenants/tenant-a/matters/matter-1/") == []


def test_legal_hold_blocks_shred_until_released(vault: Vault) -> None:
    vault.put(REF, SECRET)
    holds = LegalHolds(vault.store)
    assert holds.place(SCOPE, "2025-01-01T00:00:00Z", "officer-1")
    assert not holds.place(SCOPE, "2025-01-02T00:00:00Z", "officer-2")
    assert LegalHolds(vault.store).is_held(SCOPE)  # durable, seen by any instance
    with pytest.raises(LegalHoldActive) as info:
        shred_matter(vault, holds, SCOPE)
    assert info.value.ref == "tenant-a/matter-1"
    assert vault.get(REF) == SECRET  # nothing was destroyed
    assert holds.release(SCOPE)
    assert not holds.release(SCOPE)
    shred_matter(vault, holds, SCOPE)
    with pytest.raises(UnknownKeyError):
        vault.get(REF)


def test_hold_on_one_matter_does_not_block_another(vault: Vault) -> None:
    holds = LegalHolds(vault.store)
    holds.place(SCOPE, "t", "a")
    vault.put(OTHER_MATTER, SECRET)
    shred_matter(vault, holds, KeyScope.of(OTHER_MATTER))


def test_vault_ops_are_audited_with_counts_only(vault: Vault, tmp_path: Path) -> None:
    _fill(vault, 2)
    with Ledger(f"sqlite:///{tmp_path / 'ledger.db'}") as ledger:
        vault_ops.rotate(vault, ledger, SCOPE, "op")
        vault_ops.retire(vault, ledger, SCOPE, "local-v1", "op")
        vault_ops.place_hold(vault, ledger, SCOPE, "officer")
        with pytest.raises(LegalHoldActive):
            vault_ops.shred(vault, ledger, SCOPE, "op")
        vault_ops.release_hold(vault, ledger, SCOPE, "officer")
        vault_ops.shred(vault, ledger, SCOPE, "op")
        events = list(ledger.events())
        assert ledger.verify().ok
    summary = [(e.action, e.outcome.value) for e in events]
    assert summary == [
        ("vault.rotated", "ok"),
        ("vault.key_retired", "ok"),
        ("vault.hold_placed", "ok"),
        ("vault.shredded", "rejected"),
        ("vault.hold_released", "ok"),
        ("vault.shredded", "ok"),
    ]
    assert events[0].details["resealed"] == 2
    assert events[-1].details["keys_destroyed"] == 1
    assert events[-1].details["objects_unreadable"] == 2
    dumped = json.dumps([e.details for e in events])
    assert "Jane" not in dumped and "4471" not in dumped
