"""The KMS client, built once here for the vault's key provider and the checkpoint key."""

from __future__ import annotations

from typing import Any

import boto3

from config import Settings


def kms_client(settings: Settings) -> Any:
    """A boto3 KMS client (endpoint from settings: AWS or a local KMS)."""
    return boto3.client(
        "kms", endpoint_url=settings.kms_endpoint_url, region_name=settings.aws_region
    )
