"""The vault: sealed (envelope-encrypted) objects, their keys and blob stores."""

from vault.holds import LegalHolds
from vault.key_provider import KeyProvider, KeyScope
from vault.keys import FIRST_KEY_ID, PROVIDER_ID, LocalKeyring, LocalMasterKeyProvider
from vault.kms_keys import KmsKeyProvider
from vault.lifecycle import (
    RotationReport,
    ShredReport,
    reseal_matter,
    retire_key,
    rotate_matter,
    shred_matter,
)
from vault.local_keys import LocalKeyProvider
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
    "KeyScope",
    "KmsKeyProvider",
    "LegalHolds",
    "LocalDirStore",
    "LocalKeyProvider",
    "LocalKeyring",
    "LocalMasterKeyProvider",
    "MemoryStore",
    "RotationReport",
    "S3BlobStore",
    "Sealer",
    "ShredReport",
    "Vault",
    "open_local_vault",
    "reseal_matter",
    "retire_key",
    "rotate_matter",
    "shred_matter",
]
