"""The reviewer's boto3 S3 client: the same retry and pool settings as the pipeline's, built
from settings without importing the pipeline (a reviewer install has no NLP or PDF stack)."""

from __future__ import annotations

from typing import Any

import boto3
from botocore.config import Config

from config import Settings


def queue_s3_client(settings: Settings) -> Any:
    config = Config(
        retries={"max_attempts": 5, "mode": "standard"},  # backoff on throttling/5xx
        max_pool_connections=settings.s3_max_concurrency,
    )
    return boto3.client(
        "s3", endpoint_url=settings.s3_endpoint_url, region_name=settings.aws_region, config=config
    )
