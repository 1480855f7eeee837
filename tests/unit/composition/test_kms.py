"""One KMS client for the vault's keys and the checkpoint key, aimed by the settings."""

from __future__ import annotations

from pathlib import Path

from composition.kms import kms_client
from config.settings import Settings


def test_the_client_uses_the_settings_endpoint_and_region(tmp_path: Path) -> None:
    settings = Settings(
        home=tmp_path, kms_endpoint_url="http://127.0.0.1:9", aws_region="eu-west-2"
    )
    client = kms_client(settings)
    assert client.meta.endpoint_url == "http://127.0.0.1:9"
    assert client.meta.region_name == "eu-west-2"
    assert client.meta.service_model.service_name == "kms"
