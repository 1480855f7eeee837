"""The slim composition part: the queues' S3 client, store and the reviewer's client,
aimed by the settings (no pipeline stack needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from composition.queues import object_store, reviewer_client, s3_client
from config.settings import Settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(home=tmp_path, s3_endpoint_url="http://127.0.0.1:9", s3_max_concurrency=7)


def test_the_s3_client_is_aimed_and_bounded_by_the_settings(settings: Settings) -> None:
    client = s3_client(settings)
    assert client.meta.endpoint_url == "http://127.0.0.1:9"
    assert client.meta.config.max_pool_connections == 7
    assert client.meta.config.retries["mode"] == "standard"


def test_the_reviewer_client_reads_its_queue(settings: Settings) -> None:
    client = reviewer_client(settings, "q-1", "rev-1")
    assert client.reviewer == "rev-1"
    assert object_store(settings)._bucket == settings.s3_bucket
