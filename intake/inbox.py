"""Inboxes the ingest stage reads: a local directory, an S3 prefix, or memory (tests).

A top folder named ``legal``/``medical`` sets the kind. Entries carry the source file
name only so that ingest can seal it; it is never logged or used as an id.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from models.document import DocKind, document_id
from models.errors import SealroomError, StorageError
from review.tags import InboxTagger
from stages.ingest import KIND_FOLDERS, IngestOutcome, inbox_files, ingest_bytes
from stages.services import Services


@dataclass(frozen=True)
class InboxEntry:
    parts: tuple[str, ...]  # path relative to the inbox: PII, sealed/tagged, never logged
    kind: DocKind
    read: Callable[[], bytes]

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


@dataclass
class InboxRun:
    outcomes: list[IngestOutcome]
    failed: int  # entries that could not be read or recorded; retried by the next run


def ingest_from(svc: Services, inbox: Inbox, default_kind: DocKind, max_bytes: int) -> InboxRun:
    """Ingest every entry (entries come in sorted order, as routing families need); one
    unreadable entry never stops the others."""
    tagger = InboxTagger(svc.routing)  # routing tags from folder names (review.tags)
    run = InboxRun([], 0)
    for entry in inbox.entries(default_kind):
        try:
            data = entry.read()
            tags = tagger.tags(entry.parts, document_id(svc.matter, data))
            outcome = ingest_bytes(svc, data, entry.name, entry.kind, max_bytes, tags=tags)
        except (SealroomError, OSError):
            run.failed += 1
            continue
        run.outcomes.append(outcome)
    return run
