"""Fixtures: both ObjectStore implementations (moto S3 and the in-memory fake)."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterator
from typing import Any

import boto3
import pytest
from moto import mock_aws
from moto.s3.responses import S3Response

from review import MemoryObjectStore, ObjectStore, S3ObjectStore

BUCKET = "sealroom-test-queues"
QUEUE = "general"


def _serialized(method: Callable[..., Any], lock: threading.Lock) -> Callable[..., Any]:
    @functools.wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with lock:
            return method(*args, **kwargs)

    return wrapper


@pytest.fixture
def s3_store(monkeypatch: pytest.MonkeyPatch) -> Iterator[S3ObjectStore]:
    """A moto-backed store. moto 5.2.5 honours If-None-Match/If-Match but checks and writes
    in two steps; S3 does it atomically, so the handlers are serialized to model that."""
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        monkeypatch.setenv(name, "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    lock = threading.Lock()
    for handler in ("put_object", "delete_object"):
        monkeypatch.setattr(S3Response, handler, _serialized(getattr(S3Response, handler), lock))
    with mock_aws():
        client = boto3.client("s3", region_name="us-east-1")
        client.create_bucket(Bucket=BUCKET)
        yield S3ObjectStore(client, BUCKET, clock_prefix=f"queues/{QUEUE}/")


@pytest.fixture(params=["memory", "s3"])
def store(request: pytest.FixtureRequest) -> ObjectStore:
    if request.param == "memory":
        return MemoryObjectStore()
    return request.getfixturevalue("s3_store")
