"""``Vault``: seal-then-store and fetch-then-open, addressed by ``VaultRef``.

Whole-object (``put``/``get``) and streaming (``put_stream``/``open_stream``)
forms share one format; streaming keeps memory bounded by frame and part size.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from models.vault_ref import VaultRef
from vault.key_provider import KeyProvider
from vault.local_keys import LocalKeyProvider
from vault.local_store import LocalDirStore
from vault.sealer import Sealer
from vault.stores import BlobStore


class Vault:
    """Sealed objects in a ``BlobStore``; each bound to its ref's encryption context."""

    def __init__(self, store: BlobStore, sealer: Sealer) -> None:
        self.store = store
        self.sealer = sealer

    @property
    def keys(self) -> KeyProvider:
        return self.sealer.keys

    def put(self, ref: VaultRef, data: bytes) -> None:
        """Seal and store; putting the same ref again replaces the object atomically."""
        self.store.put(ref.key, self.sealer.seal(data, ref))

    def put_new(self, ref: VaultRef, data: bytes) -> bool:
        """Seal and store only if nothing is stored under ``ref`` yet; True if this call did.

        For values that must be created once (a matter's token key): racing workers all
        end up reading the one that won."""
        return self.store.put_new(ref.key, self.sealer.seal(data, ref))

    def put_stream(self, ref: VaultRef, source: BinaryIO) -> None:
        """Seal and store everything ``source`` yields, in bounded memory."""
        self.store.put_stream(ref.key, self.sealer.seal_stream(source, ref))

    def get(self, ref: VaultRef) -> bytes:
        """Fetch and open; ``VaultObjectMissing``, ``VaultIntegrityError``,
        ``VaultContextMismatch`` or ``UnknownKeyError`` on failure."""
        return self.sealer.open(self.store.get(ref.key), ref)

    def open_stream(self, ref: VaultRef) -> Iterator[bytes]:
        """Plaintext chunks of the object. Missing object, unknown key and wrong
        context raise here; damage later in the object raises during iteration
        (discard what was read)."""
        source = self.store.open(ref.key)
        try:
            chunks = self.sealer.open_stream(source, ref)
        except BaseException:
            source.close()
            raise
        return _closing(chunks, source)

    def key_ids(self, ref: VaultRef) -> set[str]:
        """Which key versions the stored object is sealed under (reads the header only)."""
        with self.store.open(ref.key) as source:
            return self.sealer.key_ids(source, ref)

    def exists(self, ref: VaultRef) -> bool:
        return self.store.exists(ref.key)


def _closing(chunks: Iterator[bytes], source: BinaryIO) -> Iterator[bytes]:
    with source:
        yield from chunks


def open_local_vault(vault_dir: Path, key_dir: Path) -> Vault:
    """A vault in a local directory with per-matter local keyrings (single machine)."""
    return Vault(LocalDirStore(vault_dir), Sealer(LocalKeyProvider(key_dir)))
