"""The outbox port: one contract over the directory, S3 (moto; versioned and not) and
memory adapters; shredding with --purge-outbox on S3 leaves no version of a deliverable."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import boto3
import pytest
from moto import mock_aws

from audit import Ledger
from models.errors import OutboxNotEmpty, StorageError
from models.vault_ref import Purpose, VaultRef
from stages import outbox_shred
from vault import KeyScope, LocalDirStore, LocalKeyProvider, Sealer, Vault
from vault.outbox import DirOutbox, MemoryOutbox, Outbox, S3Outbox

BUCKET = "client-outbox"


@pytest.fixture
def s3() -> Iterator[object]:
    with mock_aws():
        client = boto3.client("s3", region_name="us-east-1")
        client.create_bucket(Bucket=BUCKET)
        yield client


def s3_versioned(s3: object, tmp_path: Path) -> Outbox:
    s3.put_bucket_versioning(  # type: ignore[attr-defined]
        Bucket=BUCKET, VersioningConfiguration={"Status": "Enabled"}
    )
    return S3Outbox(s3, BUCKET, "deliveries/")


ADAPTERS: dict[str, Callable[[object, Path], Outbox]] = {
    "dir": lambda s3, tmp: DirOutbox(tmp / "outbox"),
    "s3": lambda s3, tmp: S3Outbox(s3, BUCKET, "deliveries"),
    "s3-versioned": s3_versioned,
    "memory": lambda s3, tmp: MemoryOutbox(),
}


@pytest.fixture(params=sorted(ADAPTERS))
def outbox(request: pytest.FixtureRequest, s3: object, tmp_path: Path) -> Outbox:
    return ADAPTERS[request.param](s3, tmp_path)


def test_contract_put_overwrite_names_purge(outbox: Outbox) -> None:
    assert outbox.names("m1") == []
    outbox.put("m1", "doc-b.json", b"first")
    outbox.put("m1", "doc-b.json", b"second")  # a re-run rewrites the same name
    outbox.put("m1", "doc-a.pdf", b"%PDF")
    outbox.put("m2", "doc-z.json", b"other matter")
    assert outbox.names("m1") == ["doc-a.pdf", "doc-b.json"]
    assert outbox.sweep("m1") == 0  # nothing stale
    outbox.purge("m1", "doc-b.json")
    outbox.purge("m1", "doc-b.json")  # idempotent
    assert outbox.names("m1") == ["doc-a.pdf"] and outbox.names("m2") == ["doc-z.json"]
    assert "m1" in outbox.where("m1")


def test_s3_objects_land_under_prefix_and_matter(s3: object) -> None:
    where = S3Outbox(s3, BUCKET, "/deliveries/").put("m1", "doc-a.json", b"{}")
    assert where == f"s3://{BUCKET}/deliveries/m1/doc-a.json"
    body = s3.get_object(Bucket=BUCKET, Key="deliveries/m1/doc-a.json")["Body"].read()  # type: ignore[attr-defined]
    assert body == b"{}"


def test_s3_purge_removes_every_version(s3: object, tmp_path: Path) -> None:
    outbox = s3_versioned(s3, tmp_path)
    for body in (b"v1", b"v2", b"v3"):
        outbox.put("m1", "doc-a.json", body)
    outbox.purge("m1", "doc-a.json")
    versions = s3.list_object_versions(Bucket=BUCKET, Prefix="deliveries/")  # type: ignore[attr-defined]
    assert versions.get("Versions", []) == [] and versions.get("DeleteMarkers", []) == []


def test_dir_sweep_removes_only_stale_partials(tmp_path: Path) -> None:
    outbox = DirOutbox(tmp_path)
    outbox.put("m1", "doc-a.json", b"{}")
    stale, fresh = tmp_path / "m1" / ".part-old", tmp_path / "m1" / ".part-new"
    stale.write_bytes(b"half")
    fresh.write_bytes(b"in flight")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    assert outbox.sweep("m1") == 1 and not stale.exists() and fresh.exists()


def test_s3_errors_are_storage_errors_naming_only_the_bucket(s3: object) -> None:
    with pytest.raises(StorageError) as info:
        S3Outbox(s3, "no-such-outbox", "p").put("m1", "doc-a.json", b"{}")
    assert info.value.ref == "s3://no-such-outbox" and "doc-a" not in info.value.message


def test_shred_refuses_then_purges_an_s3_outbox(s3: object, tmp_path: Path) -> None:
    outbox = s3_versioned(s3, tmp_path)
    ref = VaultRef("t", "m1", "doc-a", Purpose.ORIGINAL)
    vault = Vault(LocalDirStore(tmp_path / "vault"), Sealer(LocalKeyProvider(tmp_path / "keys")))
    vault.put(ref, b"sealed")
    outbox.put("m1", "doc-a.json", b"plaintext deliverable")
    outbox.put("m1", "doc-a.pdf", b"plaintext pdf")
    ledger = Ledger("sqlite://")
    with pytest.raises(OutboxNotEmpty) as info:
        outbox_shred.shred(vault, ledger, KeyScope.of(ref), "op", outbox=outbox)
    assert "doc-a" in info.value.message and outbox.names("m1") == ["doc-a.json", "doc-a.pdf"]
    done = outbox_shred.shred(
        vault, ledger, KeyScope.of(ref), "op", outbox=outbox, purge_outbox=True
    )
    assert done.outbox_removed == 2 and done.report.keys_destroyed == 1
    left = s3.list_object_versions(Bucket=BUCKET)  # type: ignore[attr-defined]
    assert left.get("Versions", []) == [] and left.get("DeleteMarkers", []) == []
