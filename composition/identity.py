"""Who the operator side is: an authenticated identity for the ledger's ``actor``.

With AWS credentials or an endpoint configured, the principal's ARN from STS
``GetCallerIdentity`` (moto answers a fixed ARN in tests; the demo's local endpoint
answers for its own credentials). With neither, a clearly marked local identity
``local:<os user>@<host>``: never free text typed by the caller. A configured but failing
STS call is an error (fail closed), not a silent fallback.
"""

from __future__ import annotations

import getpass
import socket
from functools import lru_cache

import boto3
from botocore.exceptions import BotoCoreError, ClientError

from config import Settings
from models.errors import ConfigError

LOCAL_PREFIX = "local:"
_inherited: list[str] = []  # set in a worker process its authenticated parent spawned


def local_identity() -> str:
    return f"{LOCAL_PREFIX}{getpass.getuser()}@{socket.gethostname()}"


@lru_cache(maxsize=8)
def _sts_identity(endpoint: str | None, region: str) -> str:
    try:
        sts = boto3.client("sts", endpoint_url=endpoint, region_name=region)
        return str(sts.get_caller_identity()["Arn"])
    except (ClientError, BotoCoreError) as exc:
        raise ConfigError("sts", "cannot establish the operator identity") from exc


def inherit_identity(actor: str) -> None:
    """In a worker process (the redaction pool), act as the parent that spawned it and
    authenticated itself; never called with a caller-typed value."""
    _inherited[:] = [actor]


def operator_identity(settings: Settings) -> str:
    """The authenticated principal acting now (see the module docstring)."""
    if _inherited:
        return _inherited[0]
    has_credentials = boto3.Session().get_credentials() is not None
    if not has_credentials and not settings.s3_endpoint_url:
        return local_identity()
    if not has_credentials:
        raise ConfigError("sts", "an S3 endpoint is set but no AWS credentials are")
    return _sts_identity(settings.s3_endpoint_url, settings.aws_region)
