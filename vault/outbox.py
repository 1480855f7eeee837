"""The client's outbox: where reassembly writes plaintext deliverables, per matter.

Unlike the vault's blob stores, what lands here is for the client to read (not sealed).
The port (``Outbox``) has three adapters: ``DirOutbox`` (a local or mounted directory,
``<root>/<matter>/<name>``, written atomically through a ``.part-*`` temp file),
``S3Outbox`` (``s3://bucket/prefix/<matter>/<name>``, one PUT per object, so no reader
ever sees half an object and no worker's local disk is involved) and ``MemoryOutbox``
(tests). Names are opaque (``<doc_id>.json``, ``<doc_id>.pdf``). ``purge`` removes an
object for good: on a versioned bucket every version and delete marker of the key.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from models.errors import StorageError

PART_PREFIX = ".part-"
PARTIAL_MAX_AGE_S = 600.0  # a crashed export's temp file older than this is swept


class Outbox(Protocol):
    def put(self, matter: str, name: str, body: bytes) -> str:
        """Write (or overwrite) one deliverable atomically; returns where it is."""
        ...

    def names(self, matter: str) -> list[str]:
        """Every object of the matter, temp files of a crashed write included, sorted."""
        ...

    def purge(self, matter: str, name: str) -> None: ...

    def sweep(self, matter: str) -> int:
        """Remove stale temp files a crashed write left; returns how many."""
        ...

    def where(self, matter: str) -> str:
        """The matter's folder or prefix, for the operator."""
        ...


class DirOutbox:
    def __init__(self, root: Path) -> None:
        self.root = root

    def put(self, matter: str, name: str, body: bytes) -> str:
        folder = self.root / matter
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=PART_PREFIX)
        with os.fdopen(fd, "wb") as fh:
            fh.write(body)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, folder / name)
        return str(folder / name)

    def names(self, matter: str) -> list[str]:
        folder = self.root / matter
        return sorted(p.name for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []

    def purge(self, matter: str, name: str) -> None:
        (self.root / matter / name).unlink(missing_ok=True)

    def sweep(self, matter: str) -> int:
        folder = self.root / matter
        removed = 0
        for part in folder.glob(PART_PREFIX + "*") if folder.is_dir() else []:
            try:
                if time.time() - part.stat().st_mtime >= PARTIAL_MAX_AGE_S:
                    part.unlink()
                    removed += 1
            except FileNotFoundError:
                continue
        return removed

    def where(self, matter: str) -> str:
        return str(self.root / matter)


class S3Outbox:
    """``s3://bucket/prefix``; the boto3 client comes from the composition root."""

    def __init__(self, client: Any, bucket: str, prefix: str = "", sse: str | None = None):
        self._client, self.bucket = client, bucket
        self.prefix = prefix.strip("/") + "/" if prefix.strip("/") else ""
        self._sse = {"ServerSideEncryption": sse} if sse else {}

    def _key(self, matter: str, name: str = "") -> str:
        return f"{self.prefix}{matter}/{name}"

    def put(self, matter: str, name: str, body: bytes) -> str:
        key = self._key(matter, name)
        with _translated(self.bucket, "cannot write a deliverable"):
            self._client.put_object(Bucket=self.bucket, Key=key, Body=body, **self._sse)
        return f"s3://{self.bucket}/{key}"

    def names(self, matter: str) -> list[str]:
        base = self._key(matter)
        with _translated(self.bucket, "cannot list the outbox"):
            pages = self._client.get_paginator("list_objects_v2").paginate(
                Bucket=self.bucket, Prefix=base
            )
            keys = [item["Key"] for page in pages for item in page.get("Contents", [])]
        return sorted(k[len(base) :] for k in keys if "/" not in k[len(base) :])

    def purge(self, matter: str, name: str) -> None:
        key = self._key(matter, name)
        with _translated(self.bucket, "cannot delete a deliverable"):
            versions = list(self._versions(key))
            for version in versions:
                self._client.delete_object(Bucket=self.bucket, Key=key, VersionId=version)
            if not versions:  # an unversioned bucket
                self._client.delete_object(Bucket=self.bucket, Key=key)

    def _versions(self, key: str) -> Iterator[str]:
        pages = self._client.get_paginator("list_object_versions").paginate(
            Bucket=self.bucket, Prefix=key
        )
        for page in pages:
            for item in page.get("Versions", []) + page.get("DeleteMarkers", []):
                if item["Key"] == key and item.get("VersionId") not in (None, "null"):
                    yield str(item["VersionId"])

    def sweep(self, matter: str) -> int:
        return 0  # a PUT is atomic: no temp objects

    def where(self, matter: str) -> str:
        return f"s3://{self.bucket}/{self._key(matter)}"


class MemoryOutbox:
    def __init__(self) -> None:
        self.objects: dict[tuple[str, str], bytes] = {}

    def put(self, matter: str, name: str, body: bytes) -> str:
        self.objects[(matter, name)] = bytes(body)
        return f"memory://{matter}/{name}"

    def names(self, matter: str) -> list[str]:
        return sorted(n for m, n in self.objects if m == matter)

    def purge(self, matter: str, name: str) -> None:
        self.objects.pop((matter, name), None)

    def sweep(self, matter: str) -> int:
        return 0

    def where(self, matter: str) -> str:
        return f"memory://{matter}/"


def outbox_at(where: Path | Outbox) -> Outbox:
    """An outbox from a directory (the default layout) or an outbox as is."""
    return DirOutbox(where) if isinstance(where, Path) else where


@contextmanager
def _translated(bucket: str, what: str) -> Iterator[None]:
    """Library errors become ``StorageError`` (bucket only; keys are opaque ids anyway)."""
    try:
        yield
    except StorageError:
        raise
    except Exception as exc:  # botocore errors, translated at the boundary
        raise StorageError(f"s3://{bucket}", what) from exc
