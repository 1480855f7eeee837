"""The vault: sealed (envelope-encrypted) objects, their keys and blob stores."""

from vault.keys import FIRST_KEY_ID, PROVIDER_ID, KeyProvider, LocalKeyring, LocalMasterKeyProvider
from vault.local_store import LocalDirStore
from vault.s3_store import S3BlobStore
from vault.sealer import SUITE, Sealer
from vault.stores import BlobStore, MemoryStore
from vault.vault import Vault, open_local_vault

__all__ = [
    "FIRST_KEY_ID",
    "PROVIDER_ID",
    "SUITE",
    "BlobStore",
    "KeyProvider",
    "LocalDirStore",
    "LocalKeyring",
    "LocalMasterKeyProvider",
    "MemoryStore",
    "S3BlobStore",
    "Sealer",
    "Vault",
    "open_local_vault",
]
