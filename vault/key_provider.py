"""The ``KeyProvider`` seam: per-matter key material behind one Protocol.

Every matter has its own key versions (local files or KMS keys), so a matter
can be crypto-shredded without touching any other. A provider hands the Sealer
AWS Encryption SDK master key providers scoped to one matter and manages the
matter's key lifecycle (rotate, retire, shred). Key ids are opaque names
(``local-v3``, a KMS key ARN), never key material.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from aws_encryption_sdk.key_providers.base import MasterKeyProvider

from models.vault_ref import VaultRef, check_id


@dataclass(frozen=True)
class KeyScope:
    """The unit of key ownership: one matter of one tenant."""

    tenant: str
    matter: str

    def __post_init__(self) -> None:
        check_id(self.tenant, "tenant")
        check_id(self.matter, "matter")

    @classmethod
    def of(cls, ref: VaultRef) -> KeyScope:
        return cls(ref.tenant, ref.matter)

    def __str__(self) -> str:
        return f"{self.tenant}/{self.matter}"


class KeyProvider(Protocol):
    """What the vault needs from key management (local keyring or AWS KMS)."""

    def encryption_provider(self, scope: KeyScope) -> MasterKeyProvider:
        """A provider whose primary master key (the current version) wraps new data keys."""
        ...

    def decryption_provider(self, scope: KeyScope) -> MasterKeyProvider:
        """Unwraps data keys of any live version; ``UnknownKeyError`` for keys it lacks."""
        ...

    def current_key_id(self, scope: KeyScope) -> str:
        """The key id new seals use (created on first use unless the matter was shredded)."""
        ...

    def key_ids(self, scope: KeyScope) -> list[str]:
        """Every live key version of the matter, oldest first."""
        ...

    def rotate(self, scope: KeyScope) -> str:
        """Create the next key version, make it current, return its id."""
        ...

    def retire(self, scope: KeyScope, key_id: str) -> None:
        """Destroy one non-current key version (after rotation re-sealed everything)."""
        ...

    def shred(self, scope: KeyScope) -> int:
        """Destroy every key version of the matter for good; returns how many."""
        ...
