"""Inboxes the ingest stage reads: a local directory, an S3 prefix, or memory (tests).

A top folder named ``legal``/``medical`` sets the kind. Entries carry the source file
name only so that ingest can seal it; it is never logged or used as an id. An S3 inbox
lists every object with its size and ETag: an object under a key with a part starting
with ``.`` or an empty part, or a zero-byte object, comes with its refusal, and one over
the size limit is refused before it is read; each is recorded as ``inbox.refused`` with
its code and reason under an opaque entry id, as the drop folder does (folder marker
objects, keys ending in ``/``, are not entries).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from intake.ports import InboxEntry
from models.document import DocKind
from models.errors import EmptyEntry, EntryRefused, HiddenEntry, StorageError

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
    """``s3://bucket/prefix``: every object under the prefix, each an entry (those with a
    hidden or empty key part and zero-byte objects carry their refusal)."""

    def __init__(self, client: Any, bucket: str, prefix: str = "") -> None:
        self._client, self.bucket = client, bucket
        self.prefix = prefix.strip("/") + "/" if prefix.strip("/") else ""

    def entries(self, default_kind: DocKind) -> Iterator[InboxEntry]:
        for key, size, etag in self._objects():
            if key.endswith("/") and size == 0:
                continue  # a console "folder" marker, not a file
            parts = tuple(key[len(self.prefix) :].split("/"))
            entry = _entry_id(self.bucket, key, etag, size)
            kind = kind_of(parts, default_kind)
            refusal = _s3_refusal(parts, size, entry)
            yield InboxEntry(parts, kind, self._reader(key), entry, size, refusal)

    def _objects(self) -> Iterator[tuple[str, int, str]]:
        """(key, size, ETag) of every object under the prefix, in key order."""
        try:
            pages = self._client.get_paginator("list_objects_v2").paginate(
                Bucket=self.bucket, Prefix=self.prefix
            )
            for page in pages:
                for item in sorted(page.get("Contents", []), key=lambda i: str(i["Key"])):
                    yield str(item["Key"]), int(item.get("Size", 0)), str(item.get("ETag", ""))
        except Exception as exc:  # botocore errors, translated at the boundary
            raise StorageError(f"s3://{self.bucket}", "cannot list the inbox") from exc

    def _reader(self, key: str) -> Callable[[], bytes]:
        def read() -> bytes:
            try:
                return bytes(self._client.get_object(Bucket=self.bucket, Key=key)["Body"].read())
            except Exception as exc:
                raise StorageError(f"s3://{self.bucket}", "cannot read an inbox object") from exc

        return read


def _entry_id(bucket: str, key: str, etag: str, size: int) -> str:
    """An opaque id from the object's location and identity (the key stays secret)."""
    identity = "\x00".join(("s3", bucket, key, etag, str(size))).encode()
    return "entry-" + hashlib.sha256(identity).hexdigest()[:20]


def _s3_refusal(parts: tuple[str, ...], size: int, entry: str) -> EntryRefused | None:
    if any(p.startswith(".") for p in parts):
        return HiddenEntry(entry)
    if not all(parts):
        return EntryRefused(entry, "empty part in the object key")
    return EmptyEntry(entry) if size == 0 else None


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
