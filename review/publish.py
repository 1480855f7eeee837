"""Checks before a batch is published: the files match the manifest, byte for byte."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from models.errors import QueueError
from models.review import Manifest
from review import layout


def expected_files(manifest: Manifest) -> dict[str, str]:
    """Every file path the manifest names, with the sha256 its bytes must have."""
    ids = [layout.check_id("document", doc.doc_id) for doc in manifest.docs]
    if len(set(ids)) != len(ids):
        raise QueueError(manifest.batch_id, "manifest lists a document twice")
    expected: dict[str, str] = {}
    for doc in manifest.docs:
        _add(expected, doc.path, doc.sha256, manifest.batch_id)
        _add(expected, doc.text_path, doc.text_sha256, manifest.batch_id)
    return expected


def _add(expected: dict[str, str], path: str, digest: str, batch_id: str) -> None:
    if expected.setdefault(layout.check_rel_path(path), digest) != digest:
        raise QueueError(batch_id, f"conflicting hashes for {path}")


def check_files(manifest: Manifest, files: Mapping[str, bytes]) -> None:
    """Fail closed unless ``files`` holds exactly the manifest's files with matching hashes."""
    expected = expected_files(manifest)
    if set(files) != set(expected):
        raise QueueError(manifest.batch_id, "files do not match the manifest's paths")
    for path, digest in expected.items():
        if hashlib.sha256(files[path]).hexdigest() != digest:
            raise QueueError(manifest.batch_id, f"hash mismatch for {path}")
