"""Fixtures: a batch dispatched by the real pipeline to a moto S3 queue, pulled by the
reviewer client; the workbench serving it on 127.0.0.1; Debian's chromium via Playwright."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from moto import mock_aws

sys.path.insert(0, str(Path(__file__).parent))

from workbench_pipeline import Pipeline, dispatch_batch

from review import ReviewerClient, ReviewQueue, S3ObjectStore
from review.access import grant_current
from workbench.security import new_token
from workbench.server import Background
from workbench.session import Session

BUCKET = "sealroom-workbench-test"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str | None:
    """Debian's chromium (installed by .ci/run), or one named by SEALROOM_CHROMIUM."""
    for candidate in (os.environ.get("SEALROOM_CHROMIUM"), "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file():
            return candidate
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    path = chromium_path()
    if path is None:
        pytest.skip("no chromium found (apt-get install chromium, as .ci/run does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def s3_store(monkeypatch: pytest.MonkeyPatch) -> Iterator[S3ObjectStore]:
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        monkeypatch.setenv(name, "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    with mock_aws():
        client = boto3.client("s3", region_name="us-east-1")
        client.create_bucket(Bucket=BUCKET)
        yield S3ObjectStore(client, BUCKET, clock_prefix="queues/general/")


@pytest.fixture
def pipeline(s3_store: S3ObjectStore, tmp_path: Path) -> Pipeline:
    return dispatch_batch(s3_store, tmp_path)


@pytest.fixture
def session(s3_store: S3ObjectStore, pipeline: Pipeline, tmp_path: Path) -> Session:
    client = ReviewerClient(s3_store, "general", "ana")
    client.claim(pipeline.batch_id, 600)
    grant_current(ReviewQueue(s3_store, "general"), pipeline.batch_id)  # the operator's side
    folder = tmp_path / "review" / pipeline.batch_id
    client.pull(pipeline.batch_id, folder)
    return Session(folder, client, 600, new_token())


@pytest.fixture
def server(session: Session) -> Iterator[Background]:
    running = Background(session).start()
    yield running
    running.stop()
