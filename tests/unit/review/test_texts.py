"""A batch's rendition texts for quote checks: read lazily, only when the bytes hash to
the manifest's text_sha256 and decode as UTF-8; anything else is None."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

from models.errors import BatchNotFound
from models.review import Manifest, ManifestDoc
from review.texts import pulled_text_reader, text_reader

NOW = datetime(2026, 1, 5, tzinfo=UTC)
TEXT = "[PERSON_1] was seen; plan unchanged."


def manifest(text: bytes = TEXT.encode()) -> Manifest:
    digest = hashlib.sha256(text).hexdigest()
    doc = ManifestDoc(doc_id="doc-a", media_type="text/plain", path="docs/doc-a.txt",
                      text_path="docs/doc-a.txt", sha256=digest, text_sha256=digest,
                      text_length=len(text))  # fmt: skip
    return Manifest(batch_id="batch-1", queue="general", matter="m1", created=NOW, due=NOW,
                    policy_version="strict/1", instructions="review", docs=(doc,))  # fmt: skip


def test_the_text_of_a_listed_document_with_its_hash() -> None:
    reads: list[str] = []

    def read(path: str) -> bytes:
        reads.append(path)
        return TEXT.encode()

    text_of = text_reader(manifest(), read)
    assert reads == []  # nothing read until asked
    assert text_of("doc-a") == TEXT and reads == ["docs/doc-a.txt"]


def test_unknown_changed_missing_or_undecodable_texts_are_none() -> None:
    assert text_reader(manifest(), lambda _: TEXT.encode())("doc-zzz") is None
    assert text_reader(manifest(), lambda _: b"tampered")("doc-a") is None

    def missing(path: str) -> bytes:
        raise BatchNotFound("batch-1")

    assert text_reader(manifest(), missing)("doc-a") is None
    latin = "caf\xe9".encode("latin-1")
    assert text_reader(manifest(latin), lambda _: latin)("doc-a") is None


def test_a_pulled_folder_reads_doc_txt_next_to_the_manifest(tmp_path: Path) -> None:
    (tmp_path / "doc-a.txt").write_text(TEXT, encoding="utf-8")
    assert pulled_text_reader(manifest(), tmp_path)("doc-a") == TEXT
    assert pulled_text_reader(manifest(), tmp_path / "empty")("doc-a") is None
