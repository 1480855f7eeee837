"""The composition root's slim part: the queues' S3 client, object store and the reviewer's
client, built from settings. Imports only boto3, ``config`` and ``review``, so a reviewer
install (no NLP, PDF, vault-crypto or ledger stack) can use it; ``composition.wiring``
builds the pipeline's adapters on top of it."""

from __future__ import annotations

from typing import Any

import boto3
from botocore.config import Config

from config import Settings
from review import ReviewerClient, S3ObjectStore
from review.layout import queue_prefix


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


def object_store(settings: Settings, queue: str | None = None) -> S3ObjectStore:
    """The queues' S3 object store; with a queue name, its clock reads that queue's prefix."""
    prefix = queue_prefix(queue) if queue else ""
    return S3ObjectStore(s3_client(settings), settings.s3_bucket, clock_prefix=prefix)


def reviewer_client(settings: Settings, queue: str, reviewer: str) -> ReviewerClient:
    """The remote reviewer's client for one queue (default: the ``queue`` setting)."""
    name = queue or settings.queue
    return ReviewerClient(object_store(settings, name), name, reviewer)
