"""Inbox readers: a directory, an S3 prefix (moto) and memory yield the same entries."""

from __future__ import annotations

from pathlib import Path

import boto3
import pytest
from moto import mock_aws

from intake.inbox import DirInbox, MemoryInbox, S3Inbox, split_s3_url
from models.document import DocKind
from models.errors import StorageError

FILES = {
    "legal/a-complaint.txt": b"complaint",
    "medical/b-discharge.txt": b"discharge",
    "loose.txt": b"loose",
    "other/c.txt": b"other",
    ".hidden/d.txt": b"hidden",
    "legal/.part-e": b"partial",
}
EXPECTED = [
    ("a-complaint.txt", DocKind.LEGAL, b"complaint"),
    ("b-discharge.txt", DocKind.MEDICAL, b"discharge"),
    ("loose.txt", DocKind.MEDICAL, b"loose"),
    ("c.txt", DocKind.MEDICAL, b"other"),
]


def entries(inbox: DirInbox | S3Inbox | MemoryInbox) -> list[tuple[str, DocKind, bytes]]:
    found = [e for e in inbox.entries(DocKind.MEDICAL) if e.refusal is None]
    return sorted((e.name, e.kind, e.read()) for e in found)


def test_directory_inbox(tmp_path: Path) -> None:
    for rel, body in FILES.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(body)
    assert entries(DirInbox(tmp_path)) == sorted(EXPECTED)


def test_memory_inbox() -> None:
    visible = {k: v for k, v in FILES.items() if "/." not in k and not k.startswith(".")}
    assert entries(MemoryInbox(visible)) == sorted(EXPECTED)


@pytest.mark.parametrize("prefix", ["", "incoming", "incoming/2026/"])
def test_s3_inbox_reads_under_its_prefix_only(prefix: str) -> None:
    with mock_aws():
        s3 = boto3.client("s3", region_name="us-east-1")
        s3.create_bucket(Bucket="inbox")
        base = prefix.strip("/") + "/" if prefix.strip("/") else ""
        for rel, body in FILES.items():
            s3.put_object(Bucket="inbox", Key=base + rel, Body=body)
        if base:
            s3.put_object(Bucket="inbox", Key="elsewhere/legal/x.txt", Body=b"x")
        assert entries(S3Inbox(s3, *split_s3_url(f"s3://inbox/{prefix}"))) == sorted(EXPECTED)


def test_s3_inbox_errors_are_translated_without_the_key() -> None:
    with mock_aws():
        s3 = boto3.client("s3", region_name="us-east-1")
        with pytest.raises(StorageError) as info:
            list(S3Inbox(s3, "no-such-bucket", "legal").entries(DocKind.LEGAL))
    assert "legal" not in str(info.value)


@pytest.mark.parametrize(
    ("url", "expected"),
    [("s3://b", ("b", "")), ("s3://b/p", ("b", "p")), ("s3://b/p/q/", ("b", "p/q/"))],
)
def test_split_s3_url(url: str, expected: tuple[str, str]) -> None:
    assert split_s3_url(url) == expected
