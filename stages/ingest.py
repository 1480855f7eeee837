"""Ingest: read each inbox file, seal the original and its name, record the document.

The source file name is PII: it is sealed with the original, and from here on the
document is known only by its deterministic id (matter + content hash), so re-ingesting
the same file is a no-op.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from models.audit import Action, Outcome
from models.document import DocKind, MediaType, content_hash, document_id
from models.errors import DocumentTooLarge, UnsupportedDocument
from models.vault_ref import Purpose
from review.tags import InboxTagger
from stages.services import Services

KIND_FOLDERS = {kind.value: kind for kind in DocKind}


@dataclass(frozen=True)
class IngestOutcome:
    doc_id: str
    media_type: str
    new: bool


def sniff(data: bytes) -> MediaType | None:
    """Media type from content, never from the (PII) file name."""
    if b"%PDF-" in data[:1024]:
        return MediaType.PDF
    if b"\x00" in data:
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return MediaType.TEXT


def inbox_files(inbox: Path, default_kind: DocKind) -> Iterator[tuple[Path, DocKind]]:
    """Files under the inbox; a top folder named ``legal``/``medical`` sets the kind."""
    for path in sorted(inbox.rglob("*")):
        rel = path.relative_to(inbox)
        if not path.is_file() or any(part.startswith(".") for part in rel.parts):
            continue
        kind = KIND_FOLDERS.get(rel.parts[0], default_kind) if len(rel.parts) > 1 else default_kind
        yield path, kind


def ingest_bytes(
    svc: Services,
    data: bytes,
    source_name: str,
    kind: DocKind,
    max_bytes: int,
    tags: Mapping[str, Any] | None = None,
) -> IngestOutcome:
    doc_id = document_id(svc.matter, data)
    media = sniff(data)
    key = f"ingest:{doc_id}"
    if svc.seen(key):
        _quarantine_intake_problem(svc, doc_id, media, len(data), max_bytes)  # crash-resume
        return IngestOutcome(doc_id, media.value if media else "unknown", new=False)
    svc.vault.put(svc.ref(doc_id, Purpose.ORIGINAL), data)
    svc.vault.put(svc.ref(doc_id, Purpose.SOURCE_NAME), source_name.encode("utf-8"))
    media_value = media.value if media else "unknown"
    svc.record(
        key,
        Action.DOC_INGESTED,
        "document",
        doc_id,
        kind=kind.value,
        media_type=media_value,
        size=len(data),
        sha256=content_hash(data),
        **dict(tags or {}),  # specialty / priority / family (ids and config names only)
    )
    _quarantine_intake_problem(svc, doc_id, media, len(data), max_bytes)
    return IngestOutcome(doc_id, media_value, new=True)


def _quarantine_intake_problem(
    svc: Services, doc_id: str, media: MediaType | None, size: int, max_bytes: int
) -> None:
    problem = _intake_problem(doc_id, media, size, max_bytes)
    if problem is not None:
        quarantine(svc, doc_id, problem.code, problem.reason)


def _intake_problem(
    doc_id: str, media: MediaType | None, size: int, max_bytes: int
) -> UnsupportedDocument | DocumentTooLarge | None:
    if media is None:
        return UnsupportedDocument(doc_id)
    if size > max_bytes:
        return DocumentTooLarge(doc_id)
    return None


def quarantine(svc: Services, doc_id: str, code: str, reason: str) -> None:
    """Terminal state: the document is never sent; the reason is an error code and summary."""
    svc.record(
        f"quarantine:{doc_id}",
        Action.DOC_QUARANTINED,
        "document",
        doc_id,
        Outcome.QUARANTINED,
        code=code,
        reason=reason,
    )


def ingest_inbox(
    svc: Services, inbox: Path, default_kind: DocKind, max_bytes: int
) -> list[IngestOutcome]:
    tagger = InboxTagger(svc.routing)  # routing tags from folder names (review.tags)
    outcomes = []
    for path, kind in inbox_files(inbox, default_kind):
        data = path.read_bytes()
        tags = tagger.tags(path.relative_to(inbox).parts, document_id(svc.matter, data))
        outcomes.append(ingest_bytes(svc, data, path.name, kind, max_bytes, tags=tags))
    return outcomes
