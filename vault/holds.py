"""Legal holds: a durable per-matter record in the vault's own blob store.

A hold is the object ``holds/<tenant>/<matter>.hold`` (ids and a timestamp,
never content), so every worker sharing the store sees it. While it exists the
matter cannot be shredded.
"""

from __future__ import annotations

import json

from models.errors import LegalHoldActive
from vault.key_provider import KeyScope
from vault.stores import BlobStore

HOLD_PREFIX = "holds/"


def hold_key(scope: KeyScope) -> str:
    return f"{HOLD_PREFIX}{scope.tenant}/{scope.matter}.hold"


class LegalHolds:
    """Place, release and check legal holds on matters."""

    def __init__(self, store: BlobStore) -> None:
        self._store = store

    def place(self, scope: KeyScope, placed_at: str, actor: str) -> bool:
        """Record a hold; False if the matter was already held (the first record stays)."""
        if self.is_held(scope):
            return False
        record = {"tenant": scope.tenant, "matter": scope.matter, "at": placed_at, "by": actor}
        self._store.put(hold_key(scope), json.dumps(record, sort_keys=True).encode("ascii"))
        return True

    def release(self, scope: KeyScope) -> bool:
        """Remove the hold; False if there was none."""
        if not self.is_held(scope):
            return False
        self._store.delete(hold_key(scope))
        return True

    def is_held(self, scope: KeyScope) -> bool:
        return self._store.exists(hold_key(scope))

    def check_not_held(self, scope: KeyScope) -> None:
        if self.is_held(scope):
            raise LegalHoldActive(str(scope))
