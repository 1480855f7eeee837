"""Composition of the audit trail's trust: the checkpoint signing key (local directory or
KMS), the pinned verifier keys, the published key, and full verification.

The local key directory must lie outside the state directory (``SEALROOM_HOME``): whoever
can read the vault's state must not be able to re-sign a forged chain. Nothing here
creates a key except ``init_key``.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from audit.attest import Attestation, attest
from audit.checkpoint_store import LocalCheckpoints
from audit.checkpointer import Checkpointer
from audit.ports import CheckpointStore
from audit.published_key import PublishedKeys
from audit.s3_checkpoints import S3Checkpoints
from composition.kms import kms_client
from config import Settings
from models.errors import CheckpointKeyError
from vault.kms_signing import KmsSigningKey
from vault.signing import LocalSigningKey, NoteVerifier, parse_vkey

if TYPE_CHECKING:
    from audit import Ledger

log = logging.getLogger(__name__)
SigningKey = LocalSigningKey | KmsSigningKey


def signing_key(settings: Settings) -> SigningKey:
    """The checkpoint key provider: KMS in KMS mode, else the local key directory."""
    if settings.key_provider == "kms":
        kms = kms_client(settings)
        return KmsSigningKey(kms, settings.kms_alias_prefix, settings.checkpoint_key_name)
    folder = settings.checkpoint_key_path.resolve()
    if folder.is_relative_to(settings.home.resolve()):
        raise CheckpointKeyError("checkpoint-key", "the checkpoint key dir is inside SEALROOM_HOME")
    return LocalSigningKey(folder, settings.checkpoint_key_name)


def checkpoint_stores(settings: Settings) -> list[CheckpointStore]:
    """Local checkpoints always; S3 (Object Lock, compliance mode) when a bucket is set."""
    from composition.queues import s3_client

    stores: list[CheckpointStore] = [LocalCheckpoints(settings.checkpoint_path)]
    if settings.checkpoint_bucket:
        stores.append(
            S3Checkpoints(
                s3_client(settings),
                settings.checkpoint_bucket,
                retention_days=settings.checkpoint_retention_days,
            )
        )
    return stores


def checkpointer_for(
    settings: Settings, ledger: Ledger, *, required: bool = False
) -> Checkpointer | None:
    """The pipeline's checkpointer, or None (logged) while no key exists; ``required``
    raises ``CheckpointKeyError`` instead."""
    key = signing_key(settings)
    if not key.exists():
        if required:
            raise CheckpointKeyError(
                "checkpoint-key", "no checkpoint key (sealroom audit init-key)"
            )
        log.warning("no checkpoint key: ledger checkpoints are off (sealroom audit init-key)")
        return None
    return Checkpointer(
        ledger,
        key.signer(),
        checkpoint_stores(settings),
        every_events=settings.checkpoint_every_events,
        every_seconds=settings.checkpoint_every_minutes * 60,
    )


def init_key(settings: Settings) -> tuple[NoteVerifier, bool]:
    """Create the signing key unless it exists and publish its public half beside the
    ledger; (public key, whether it was created now)."""
    key = signing_key(settings)
    created = not key.exists()
    public = (key.create() if created else key.signer()).public()
    with published_keys(settings) as published:
        published.publish(public.key_id, public.vkey, _now())
    return public, created


def published_keys(settings: Settings) -> PublishedKeys:
    """The public checkpoint keys published beside the ledger (close it, or use ``with``)."""
    return PublishedKeys(settings.ledger)


def read_vkey(value: str) -> NoteVerifier:
    """A verifier key given as text or as the path of a file holding one."""
    path = Path(value)
    text = path.read_text(encoding="ascii") if "+" not in value and path.is_file() else value
    return parse_vkey(text)


def pinned_keys(settings: Settings, key: str | None = None) -> list[NoteVerifier]:
    """The trusted keys: ``--key``, else ``SEALROOM_CHECKPOINT_PUBLIC_KEY``, else the key
    provider's own key; none when nothing is configured (verification then fails)."""
    if key:
        return [read_vkey(key)]
    if settings.checkpoint_public_key:
        return [parse_vkey(settings.checkpoint_public_key)]
    found = signing_key(settings).verifier()
    return [found] if found else []


def attest_ledger(
    settings: Settings, book: Ledger, *, key: str | None = None, allow_unanchored: bool = False
) -> Attestation:
    """Verify the chain against every checkpoint signed with the pinned key."""
    with published_keys(settings) as published:
        listed = published.all()
    return attest(
        book,
        checkpoint_stores(settings),
        pinned_keys(settings, key),
        published=listed,
        allow_unanchored=allow_unanchored,
    )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
