"""The composition root: settings -> adapters -> the ``Services`` bundle stages use."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import boto3
from botocore.config import Config

from audit import Ledger
from config import Settings, get_settings
from redaction.detector import Detector
from review import ReviewQueue, S3ObjectStore
from review.layout import queue_prefix
from stages.services import Services
from vault import open_local_vault


def s3_client(settings: Settings) -> Any:
    """A boto3 S3 client for the queue bucket (endpoint from settings: AWS or a local S3)."""
    config = Config(retries={"max_attempts": 5, "mode": "standard"})
    return boto3.client(
        "s3",
        endpoint_url=settings.s3_endpoint_url,
        region_name=settings.aws_region,
        config=config,
    )


def build_services(settings: Settings, queue: str | None = None) -> Services:
    queue_name = queue or settings.queue
    store = S3ObjectStore(
        s3_client(settings), settings.s3_bucket, clock_prefix=queue_prefix(queue_name)
    )
    return Services(
        tenant=settings.tenant,
        matter=settings.matter,
        vault=open_local_vault(settings.vault_path, settings.key_path),
        ledger=Ledger(settings.ledger),
        queue=ReviewQueue(store, queue_name),
        detector_factory=lambda: Detector(settings.spacy_model),
        outbox=settings.outbox_path,
        policy_version=f"{settings.policy}/1",
        due_hours=settings.batch_due_hours,
    )


@lru_cache(maxsize=4)
def services(matter: str | None = None) -> Services:
    """Process-wide services (one spaCy model, one ledger engine) for the flows."""
    settings = get_settings()
    if matter:
        settings = settings.model_copy(update={"matter": matter})
    return build_services(settings)
