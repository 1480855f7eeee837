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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from models.document import DocKind, document_id
from models.errors import EmptyEntry, EntryRefused, HiddenEntry, SealroomError, StorageError
from review.tags import InboxTagger
from stages.ingest import KIND_FOLDERS, IngestOutcome, inbox_files, ingest_bytes
from stages.refusals import record_refusal, refusal_of
from stages.services import Services


@dataclass(frozen=True)
class InboxEntry:
    parts: tuple[str, ...]  # path relative to the inbox: PII, sealed/tagged, never logged
    kind: DocKind
    read: Callable[[], bytes]
    entry_id: str = ""  # opaque; "" where the inbox has none (directory, memory)
    size: int = -1  # listed size, -1 when unknown before reading
    refusal: EntryRefused | None = None  # refused before reading, recorded as such

    @property
    def name(self) -> str:
        return self.parts[-1]


class Inbox(Protocol):
    def entries(self, default_kind: DocKind) -> Iterator[InboxEntry]: ...


def kind_of(parts: tuple[str, ...], default_kind: DocKind) -> DocKind:
    return KIND_FOLDERS.get(parts[0], default_kind) if len(parts) > 1 else default_kind


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


@dataclass
class InboxRun:
    outcomes: list[IngestOutcome]
    failed: int  # entries that could not be read or recorded; retried by the next run
    codes: list[str] = field(default_factory=list)  # their error codes


def ingest_from(svc: Services, inbox: Inbox, default_kind: DocKind, max_bytes: int) -> InboxRun:
    """Ingest every entry (entries come in sorted order, as routing families need); one
    unreadable entry never stops the others."""
    tagger = InboxTagger(svc.routing)  # routing tags from folder names (review.tags)
    run = InboxRun([], 0)
    for entry in inbox.entries(default_kind):
        try:
            refusal = refusal_of(entry.entry_id, entry.refusal, entry.size, max_bytes)
            if refusal is not None:
                record_refusal(svc, entry.entry_id, refusal)
                continue
            data = entry.read()
            tags = tagger.tags(entry.parts, document_id(svc.matter, data))
            outcome = ingest_bytes(
                svc, data, entry.name, entry.kind, max_bytes, tags=tags, entry=entry.entry_id
            )
        except (SealroomError, OSError) as exc:
            run.failed += 1
            run.codes.append(exc.code if isinstance(exc, SealroomError) else type(exc).__name__)
            continue
        run.outcomes.append(outcome)
    return run
