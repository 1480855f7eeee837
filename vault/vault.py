"""``Vault``: seal-then-store and fetch-then-open, addressed by ``VaultRef``."""

from __future__ import annotations

from pathlib import Path

from models.vault_ref import VaultRef
from vault.keys import LocalKeyring
from vault.local_store import LocalDirStore
from vault.sealer import Sealer
from vault.stores import BlobStore


class Vault:
    """Sealed objects in a ``BlobStore``; each bound to its ref's encryption context."""

    def __init__(self, store: BlobStore, sealer: Sealer) -> None:
        self.store = store
        self.sealer = sealer

    def put(self, ref: VaultRef, data: bytes) -> None:
        """Seal and store; putting the same ref again replaces the object."""
        self.store.put(ref.key, self.sealer.seal(data, ref))

    def get(self, ref: VaultRef) -> bytes:
        """Fetch and open; ``VaultObjectMissing``, ``VaultIntegrityError``,
        ``VaultContextMismatch`` or ``UnknownKeyError`` on failure."""
        return self.sealer.open(self.store.get(ref.key), ref)

    def exists(self, ref: VaultRef) -> bool:
        return self.store.exists(ref.key)


def open_local_vault(vault_dir: Path, key_dir: Path) -> Vault:
    """A vault in a local directory with a local keyring (single-machine setup)."""
    return Vault(LocalDirStore(vault_dir), Sealer(LocalKeyring(key_dir)))
