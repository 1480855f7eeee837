"""Inboxes the ingest stage reads: a local directory, an S3 prefix, or memory (tests).

A top folder named ``legal``/``medical`` sets the kind. Entries carry the source file
name only so that ingest can seal it; it is never logged or used as an id.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from intake.ports import InboxEntry
from models.document import DocKind
from models.errors import StorageError

KIND_FOLDERS = {kind.value: kind for kind in DocKind}


def kind_of(parts: tuple[str, ...], default_kind: DocKind) -> DocKind:
    return KIND_FOLDERS.get(parts[0], default_kind) if len(parts) > 1 else default_kind


def inbox_files(inbox: Path, default_kind: DocKind) -> Iterator[tuple[Path, DocKind]]:
    """Files under the inbox; a top folder named ``legal``/``medical`` sets the kind."""
    for path in sorted(inbox.rglob("*")):
        rel = path.relative_to(inbox)
        if not path.is_file() or any(part.startswith(".") for part in rel.parts):
            continue
        yield path, kind_of(rel.parts, default_kind)


class DirInbox:
    def __init__(self, root: Path) -> None:
        self.root = root

    def entries(self, default_kind: DocKind) -> Iterator[InboxEntry]:
        for path, kind in inbox_files(self.root, default_kind):
            yield InboxEntry(path.relative_to(self.root).parts, kind, path.read_bytes)


class S3Inbox:
    """``s3://bucket/prefix``: every object under the prefix (keys starting with '.' skipped)."""

    def __init__(self, client: Any, bucket: str, prefix: str = "") -> None:
        self._client, self.bucket = client, bucket
        self.prefix = prefix.strip("/") + "/" if prefix.strip("/") else ""

    def entries(self, default_kind: DocKind) -> Iterator[InboxEntry]:
        for key in self._keys():
            parts = tuple(key[len(self.prefix) :].split("/"))
            if any(p.startswith(".") or not p for p in parts):
                continue
            yield InboxEntry(parts, kind_of(parts, default_kind), self._reader(key))

    def _keys(self) -> Iterator[str]:
        try:
            pages = self._client.get_paginator("list_objects_v2").paginate(
                Bucket=self.bucket, Prefix=self.prefix
            )
            for page in pages:
                yield from sorted(item["Key"] for item in page.get("Contents", []))
        except Exception as exc:  # botocore errors, translated at the boundary
            raise StorageError(f"s3://{self.bucket}", "cannot list the inbox") from exc

    def _reader(self, key: str) -> Callable[[], bytes]:
        def read() -> bytes:
            try:
                return bytes(self._client.get_object(Bucket=self.bucket, Key=key)["Body"].read())
            except Exception as exc:
                raise StorageError(f"s3://{self.bucket}", "cannot read an inbox object") from exc

        return read


class MemoryInbox:
    def __init__(self, files: dict[str, bytes]) -> None:
        self.files = files  # relative path -> content

    def entries(self, default_kind: DocKind) -> Iterator[InboxEntry]:
        for rel in sorted(self.files):
            parts = tuple(rel.split("/"))
            yield InboxEntry(parts, kind_of(parts, default_kind), self._reader(rel))

    def _reader(self, rel: str) -> Callable[[], bytes]:
        return lambda: self.files[rel]


def split_s3_url(url: str) -> tuple[str, str]:
    """``s3://bucket/some/prefix`` -> ("bucket", "some/prefix")."""
    bucket, _, prefix = url.removeprefix("s3://").partition("/")
    return bucket, prefix
