"""Key lifecycle over stored objects: rotation (re-seal), retirement, crypto-shredding.

Re-sealing streams each object through open -> seal into a replacement that
the store swaps in atomically under the same key: a concurrent reader sees
the old or the new object, and both open while the old key exists. A run is
resumable: objects already sealed under the current key are skipped (header
read only). Reports carry counts and object keys, never content.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from models.errors import KeyInUse, VaultError
from models.vault_ref import VaultRef, matter_prefix
from vault.holds import LegalHolds
from vault.key_provider import KeyScope
from vault.streams import reader
from vault.vault import Vault


@dataclass
class RotationReport:
    key_id: str
    scanned: int = 0
    resealed: int = 0
    already_current: int = 0
    failed: list[str] = field(default_factory=list)  # object keys


@dataclass(frozen=True)
class ShredReport:
    keys_destroyed: int
    objects_unreadable: int
    objects_deleted: int


def matter_refs(vault: Vault, scope: KeyScope) -> Iterator[VaultRef]:
    """Every sealed object of the matter (other files under the prefix are ignored)."""
    for key in vault.store.list(matter_prefix(scope.tenant, scope.matter)):
        try:
            yield VaultRef.from_key(key)
        except ValueError:
            continue


def reseal(vault: Vault, ref: VaultRef) -> None:
    """Re-seal one object under the matter's current key, streaming, replaced atomically."""
    vault.put_stream(ref, reader(vault.open_stream(ref)))


def reseal_matter(vault: Vault, scope: KeyScope) -> RotationReport:
    """Bring every object of the matter under the current key (resumable)."""
    report = RotationReport(key_id=vault.keys.current_key_id(scope))
    for ref in matter_refs(vault, scope):
        report.scanned += 1
        try:
            if vault.key_ids(ref) == {report.key_id}:
                report.already_current += 1
                continue
            reseal(vault, ref)
            report.resealed += 1
        except VaultError:
            report.failed.append(ref.key)
    return report


def rotate_matter(vault: Vault, scope: KeyScope) -> RotationReport:
    """Create the matter's next key version, then re-seal everything under it."""
    vault.keys.rotate(scope)
    return reseal_matter(vault, scope)


def retire_key(vault: Vault, scope: KeyScope, key_id: str) -> int:
    """Destroy an old key version once no object needs it; returns objects checked."""
    checked = 0
    for ref in matter_refs(vault, scope):
        checked += 1
        if key_id in vault.key_ids(ref):
            raise KeyInUse(key_id, reason="key version still seals objects")
    vault.keys.retire(scope, key_id)
    return checked


def shred_matter(
    vault: Vault, holds: LegalHolds, scope: KeyScope, delete_objects: bool = False
) -> ShredReport:
    """Destroy the matter's keys (refused under legal hold); its objects become noise."""
    holds.check_not_held(scope)
    refs = list(matter_refs(vault, scope))
    destroyed = vault.keys.shred(scope)
    deleted = 0
    if delete_objects:
        for ref in refs:
            vault.store.delete(ref.key)
            deleted += 1
    return ShredReport(destroyed, len(refs), deleted)
