"""The composition root: settings -> adapters -> the ``Services`` bundle stages use.

Every adapter (ledger, vault and its blob/key stores, the queues' S3 object store, boto3
clients, checkpoint stores, inboxes) is constructed here and nowhere else in production
code (``tests/unit/test_architecture.py`` counts the construction sites). The flows and
the CLI call these functions; neither builds an adapter itself. The queues' S3 client,
object store and reviewer client live in the slim ``composition.queues`` (re-exported).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from audit import Ledger
from composition.audit_wiring import attest_ledger, checkpoint_stores, checkpointer_for
from composition.formats import format_limits, pdf_engine
from composition.identity import operator_identity
from composition.kms import kms_client
from composition.queues import object_store, reviewer_client, s3_client
from config import Settings, get_settings
from intake.inbox import DirInbox, S3Inbox, split_s3_url
from intake.ports import Inbox
from redaction.detect_cache import CachedDetector
from redaction.detector import Detector
from review import ReviewQueue
from review.routing import load_routing
from stages.services import Services
from vault import KmsKeyProvider, LocalDirStore, LocalKeyProvider, S3BlobStore, Sealer, Vault
from vault.outbox import DirOutbox, Outbox, S3Outbox
from vault.ports import BlobStore, KeyProvider

# re-exported from .queues and .audit_wiring
__all__ = [
    "attest_ledger",
    "checkpoint_stores",
    "checkpointer_for",
    "object_store",
    "reviewer_client",
    "s3_client",
]


def build_vault(settings: Settings) -> Vault:
    """The vault from settings: local dir or S3 store; local keyrings or per-matter KMS keys."""
    keys: KeyProvider = LocalKeyProvider(settings.key_path)
    if settings.key_provider == "kms":
        kms = kms_client(settings)
        keys = KmsKeyProvider(
            kms, alias_prefix=settings.kms_alias_prefix, endpoint_url=settings.kms_endpoint_url
        )
    store: BlobStore = LocalDirStore(settings.vault_path)
    if settings.vault_s3_bucket:
        store = S3BlobStore(
            s3_client(settings),
            settings.vault_s3_bucket,
            prefix=settings.vault_s3_prefix,
            server_side_encryption=settings.vault_sse,
            kms_key_id=settings.vault_sse_kms_key_id,
        )
    return Vault(store, Sealer(keys, frame_length=settings.vault_frame_bytes))


def open_ledger(settings: Settings) -> Ledger:
    """The ledger named by the settings (close it, or use it as a context manager)."""
    return Ledger(settings.ledger)


def build_services(settings: Settings, queue: str | None = None) -> Services:
    queue_name = queue or settings.queue
    store = object_store(settings, queue_name)
    ledger = open_ledger(settings)
    return Services(
        tenant=settings.tenant,
        matter=settings.matter,
        vault=build_vault(settings),
        ledger=ledger,
        queue=ReviewQueue(store, queue_name),
        detector_factory=lambda: CachedDetector(Detector(settings.spacy_model)),
        outbox=build_outbox(settings),
        policy=settings.policy,
        policy_by_kind=dict(settings.policy_by_kind),
        policy_dir=settings.policy_dir,
        due_hours=settings.batch_due_hours,
        routing=load_routing(settings.routing_file) if settings.routing_file else None,
        checkpointer=checkpointer_for(settings, ledger),
        actor=operator_identity(settings),
        pdf_engine=pdf_engine(settings),
        format_limits=format_limits(settings),
    )


def build_outbox(settings: Settings) -> Outbox:
    """``SEALROOM_OUTBOX_URL`` (``s3://bucket/prefix``) or the outbox directory."""
    if settings.outbox_url:
        bucket, prefix = split_s3_url(settings.outbox_url)
        return S3Outbox(s3_client(settings), bucket, prefix)
    return DirOutbox(settings.outbox_path)


def inbox_for(settings: Settings, location: str | None = None) -> Inbox:
    """A local directory or ``s3://bucket/prefix`` (default: the ``inbox`` setting)."""
    where = location or settings.inbox_location
    if where.startswith("s3://"):
        bucket, prefix = split_s3_url(where)
        return S3Inbox(s3_client(settings), bucket, prefix)
    return DirInbox(Path(where))


@lru_cache(maxsize=4)
def services(matter: str | None = None) -> Services:
    """Process-wide services (one spaCy model, one ledger engine) for the flows."""
    settings = get_settings()
    if matter:
        settings = settings.model_copy(update={"matter": matter})
    return build_services(settings)
