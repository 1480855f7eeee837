"""The vault package's ports, in one place: ``BlobStore`` (where sealed bytes live:
``LocalDirStore``, ``S3BlobStore``, and the fake ``MemoryStore``) and ``KeyProvider``
(per-matter key material: ``LocalKeyProvider``, ``KmsKeyProvider``); ``Outbox`` (the
client's plaintext deliverables: ``DirOutbox``, ``S3Outbox``, the fake ``MemoryOutbox``,
in ``vault/outbox.py``).

The Protocols are defined beside their contract notes in ``vault/stores.py`` and
``vault/key_provider.py``; code outside the vault imports them from here.
"""

from __future__ import annotations

from vault.key_provider import KeyProvider, KeyScope
from vault.outbox import Outbox
from vault.stores import BlobStore

__all__ = ["BlobStore", "KeyProvider", "KeyScope", "Outbox"]
