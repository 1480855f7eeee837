"""Fixtures: a controllable clock, a fake store on it, a batch builder."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from models.review import Manifest, ManifestDoc
from review import MemoryObjectStore


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime(2025, 3, 1, 12, 0, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def mem(clock: FakeClock) -> MemoryObjectStore:
    return MemoryObjectStore(clock)


def build_batch(
    batch_id: str, texts: dict[str, str], queue: str = "general"
) -> tuple[Manifest, dict[str, bytes]]:
    files: dict[str, bytes] = {}
    docs = []
    for doc_id, text in texts.items():
        path = f"docs/{doc_id}.txt"
        files[path] = text.encode()
        digest = hashlib.sha256(files[path]).hexdigest()
        docs.append(
            ManifestDoc(
                doc_id=doc_id,
                media_type="text/plain",
                path=path,
                text_path=path,
                sha256=digest,
                text_sha256=digest,
                text_length=len(text),
            )
        )
    created = datetime(2025, 3, 1, tzinfo=UTC)
    manifest = Manifest(
        batch_id=batch_id,
        queue=queue,
        matter="m-1",
        created=created,
        due=created + timedelta(days=3),
        policy_version="strict/1",
        instructions="Mark responsive passages.",
        docs=tuple(docs),
    )
    return manifest, files


@pytest.fixture
def make_batch() -> Callable[..., tuple[Manifest, dict[str, bytes]]]:
    return build_batch
