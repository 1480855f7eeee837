"""Reassembly delivers to whichever outbox the services carry: on S3 (moto) the
deliverables land under ``<prefix>/<matter>/`` and nothing is written to local disk;
``SEALROOM_OUTBOX_URL`` selects that adapter in the composition root."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import boto3
import pytest
from moto import mock_aws

from composition.wiring import build_outbox
from config.settings import Settings
from models.document import DocState
from review import MemoryObjectStore
from stages import collect, reassemble
from stages.services import Services
from tests.unit.stages.test_stages import review, run_to_dispatch, states
from vault.outbox import DirOutbox, S3Outbox


def test_reassembly_writes_deliverables_to_an_s3_outbox(
    svc: Services, store: MemoryObjectStore, inbox: Path, tmp_path: Path
) -> None:
    with mock_aws():
        s3 = boto3.client("s3", region_name="us-east-1")
        s3.create_bucket(Bucket="deliveries")
        on_s3 = dataclasses.replace(svc, outbox=S3Outbox(s3, "deliveries", "client-x"))
        review(store, tmp_path, run_to_dispatch(on_s3, inbox))
        collect.collect(on_s3)
        delivered = reassemble.reassemble(on_s3)
        listed = s3.list_objects_v2(Bucket="deliveries")["Contents"]
        bodies = {
            o["Key"]: s3.get_object(Bucket="deliveries", Key=o["Key"])["Body"].read()
            for o in listed
        }
    assert delivered and all(states(on_s3)[d] is DocState.DELIVERED for d in delivered)
    assert sorted(bodies) == sorted(f"client-x/m1/{d}.json" for d in delivered)
    for doc_id in delivered:
        content = json.loads(bodies[f"client-x/m1/{doc_id}.json"])
        assert content["doc_id"] == doc_id
    assert not (tmp_path / "outbox").exists()  # the services' default dir was never used


@pytest.mark.parametrize(
    ("url", "adapter", "where"),
    [
        (None, DirOutbox, "/outbox/m1"),
        ("s3://client-drop/out/2026", S3Outbox, "s3://client-drop/out/2026/m1/"),
    ],
)
def test_outbox_url_selects_the_adapter(
    tmp_path: Path, url: str | None, adapter: type, where: str
) -> None:
    settings = Settings(home=tmp_path, outbox_url=url, aws_region="us-east-1")
    with mock_aws():
        outbox = build_outbox(settings)
    assert isinstance(outbox, adapter) and outbox.where("m1").endswith(where)


@pytest.mark.parametrize("bad", ["s3://", "https://bucket/x", "/local/dir", "s3://Bad_Bucket"])
def test_outbox_url_must_be_an_s3_url(bad: str) -> None:
    with pytest.raises(ValueError):
        Settings(outbox_url=bad)
