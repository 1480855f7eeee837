"""``LocalKeyProvider``: one ``LocalKeyring`` per matter under a private root.

Layout: ``<root>/<tenant>/<matter>/local-vN.key`` (+ ``CURRENT``, and a
``SHREDDED`` tombstone once the matter was shredded). Directories are 0700,
key files 0600; a group/world-readable key file is refused on use.
"""

from __future__ import annotations

import os
from pathlib import Path

from aws_encryption_sdk.key_providers.base import MasterKeyProvider

from vault.key_provider import KeyScope
from vault.keys import LocalKeyring


class LocalKeyProvider:
    """A ``KeyProvider`` keeping each matter's key versions in its own directory."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def ring(self, scope: KeyScope) -> LocalKeyring:
        """The matter's keyring; nothing is created until a key is."""
        return LocalKeyring(self.root / scope.tenant / scope.matter)

    def _writable_ring(self, scope: KeyScope) -> LocalKeyring:
        """The matter's keyring with private (0700) root and tenant directories."""
        for directory in (self.root, self.root / scope.tenant):
            if not directory.is_dir():
                directory.mkdir(mode=0o700, parents=True, exist_ok=True)
                os.chmod(directory, 0o700)
        return self.ring(scope)

    def encryption_provider(self, scope: KeyScope) -> MasterKeyProvider:
        return self._writable_ring(scope).encryption_provider()

    def decryption_provider(self, scope: KeyScope) -> MasterKeyProvider:
        return self.ring(scope).decryption_provider()

    def current_key_id(self, scope: KeyScope) -> str:
        return self._writable_ring(scope).current_key_id()

    def key_ids(self, scope: KeyScope) -> list[str]:
        return self.ring(scope).key_ids()

    def rotate(self, scope: KeyScope) -> str:
        ring = self._writable_ring(scope)
        ring.current_key_id()  # a matter with no key yet gets local-v1 first
        return ring.rotate()

    def retire(self, scope: KeyScope, key_id: str) -> None:
        self.ring(scope).retire(key_id)

    def shred(self, scope: KeyScope) -> int:
        return self._writable_ring(scope).shred()
