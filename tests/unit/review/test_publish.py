"""Before publishing: exactly the manifest's files, byte for byte (fail closed)."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

import pytest

from models.errors import QueueError
from models.review import Manifest, ManifestDoc
from review.publish import check_files, expected_files

NOW = datetime(2026, 1, 5, tzinfo=UTC)
TEXT, PDF = b"[PERSON_1] was seen.", b"%PDF-1.7 rendition"


def sha(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def doc(doc_id: str, pdf: bool = False) -> ManifestDoc:
    path = f"docs/{doc_id}.pdf" if pdf else f"docs/{doc_id}.txt"
    return ManifestDoc(
        doc_id=doc_id,
        media_type="application/pdf" if pdf else "text/plain",
        path=path,
        text_path=f"docs/{doc_id}.txt",
        sha256=sha(PDF if pdf else TEXT),
        text_sha256=sha(TEXT),
        text_length=len(TEXT),
    )


def manifest(*docs: ManifestDoc) -> Manifest:
    return Manifest(batch_id="batch-1", queue="general", matter="m1", created=NOW, due=NOW,
                    policy_version="strict/1", instructions="review", docs=docs)  # fmt: skip


def test_a_text_document_is_one_file_a_pdf_two() -> None:
    expected = expected_files(manifest(doc("doc-a"), doc("doc-b", pdf=True)))
    assert expected == {
        "docs/doc-a.txt": sha(TEXT),
        "docs/doc-b.pdf": sha(PDF),
        "docs/doc-b.txt": sha(TEXT),
    }


def test_exactly_the_files_with_their_hashes_pass() -> None:
    files = {"docs/doc-b.pdf": PDF, "docs/doc-b.txt": TEXT}
    check_files(manifest(doc("doc-b", pdf=True)), files)  # no exception


@pytest.mark.parametrize(
    ("files", "reason"),
    [
        ({"docs/doc-b.pdf": PDF}, "paths"),  # one missing
        ({"docs/doc-b.pdf": PDF, "docs/doc-b.txt": TEXT, "docs/x.txt": TEXT}, "paths"),  # extra
        ({"docs/doc-b.pdf": PDF + b" ", "docs/doc-b.txt": TEXT}, "hash mismatch"),
    ],
)
def test_anything_else_is_refused(files: dict[str, bytes], reason: str) -> None:
    with pytest.raises(QueueError, match=reason):
        check_files(manifest(doc("doc-b", pdf=True)), files)


def test_a_document_listed_twice_is_refused() -> None:
    with pytest.raises(QueueError, match="twice"):
        expected_files(manifest(doc("doc-a"), doc("doc-a")))
