"""The composition root: settings -> adapters -> the ``Services`` bundle stages use."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import boto3
from botocore.config import Config

from audit import Ledger
from config import Settings, get_settings
from flows.audit_wiring import attest_ledger, checkpoint_stores, checkpointer_for
from flows.identity import operator_identity
from redaction.detector import Detector
from redaction.pdf import PdfiumEngine
from review import ReviewQueue, S3ObjectStore
from review.layout import queue_prefix
from review.routing import load_routing
from stages.inbox import DirInbox, Inbox, S3Inbox, split_s3_url
from stages.services import Services
from vault import (
    BlobStore,
    KeyProvider,
    KmsKeyProvider,
    LocalDirStore,
    LocalKeyProvider,
    S3BlobStore,
    Sealer,
    Vault,
)
from vault.outbox import DirOutbox, Outbox, S3Outbox


def s3_client(settings: Settings) -> Any:
    """A boto3 S3 client for the queue bucket (endpoint from settings: AWS or a local S3)."""
    config = Config(
        retries={"max_attempts": 5, "mode": "standard"},  # backoff on throttling/5xx
        max_pool_connections=settings.s3_max_concurrency,  # concurrency limit per client
    )
    return boto3.client(
        "s3",
        endpoint_url=settings.s3_endpoint_url,
        region_name=settings.aws_region,
        config=config,
    )


def build_vault(settings: Settings) -> Vault:
    """The vault from settings: local dir or S3 store; local keyrings or per-matter KMS keys."""
    keys: KeyProvider = LocalKeyProvider(settings.key_path)
    if settings.key_provider == "kms":
        kms = boto3.client(
            "kms", endpoint_url=settings.kms_endpoint_url, region_name=settings.aws_region
        )
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


def build_services(settings: Settings, queue: str | None = None) -> Services:
    queue_name = queue or settings.queue
    store = S3ObjectStore(
        s3_client(settings), settings.s3_bucket, clock_prefix=queue_prefix(queue_name)
    )
    ledger = Ledger(settings.ledger)
    return Services(
        tenant=settings.tenant,
        matter=settings.matter,
        vault=build_vault(settings),
        ledger=ledger,
        queue=ReviewQueue(store, queue_name),
        detector_factory=lambda: Detector(settings.spacy_model),
        outbox=build_outbox(settings),
        policy_version=f"{settings.policy}/1",
        due_hours=settings.batch_due_hours,
        routing=load_routing(settings.routing_file) if settings.routing_file else None,
        checkpointer=checkpointer_for(settings, ledger),
        actor=operator_identity(settings),
        pdf_engine=PdfiumEngine.from_settings(settings),
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


__all__ = ["attest_ledger", "checkpoint_stores", "checkpointer_for", "services"]
