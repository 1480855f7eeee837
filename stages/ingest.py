"""Ingest: read each inbox file, seal the original and its name, record the document.

The source file name is PII: it is sealed with the original, and from here on the
document is known only by its deterministic id (matter + content hash), so re-ingesting
the same file is a no-op.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from intake.ports import Inbox
from models.document import DocKind, MediaType, content_hash, document_id
from models.errors import DocumentTooLarge, SealroomError, UnsupportedDocument
from models.events import DocIngested
from models.vault_ref import Purpose
from review.tags import InboxTagger
from stages.services import Services
from stages.trail import ingest_key, quarantine


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
    key = ingest_key(doc_id)
    if svc.seen(key):
        _quarantine_intake_problem(svc, doc_id, media, len(data), max_bytes)  # crash-resume
        return IngestOutcome(doc_id, media.value if media else "unknown", new=False)
    svc.vault.put(svc.ref(doc_id, Purpose.ORIGINAL), data)
    svc.vault.put(svc.ref(doc_id, Purpose.SOURCE_NAME), source_name.encode("utf-8"))
    media_value = media.value if media else "unknown"
    payload = DocIngested(
        kind=kind.value,
        media_type=media_value,
        size=len(data),
        sha256=content_hash(data),
        **dict(tags or {}),  # specialty / priority / family (ids and config names only)
    )
    svc.record(key, payload, "document", doc_id)
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


@dataclass
class InboxRun:
    outcomes: list[IngestOutcome]
    failed: int  # entries that could not be read or recorded; retried by the next run


def ingest_from(svc: Services, inbox: Inbox, default_kind: DocKind, max_bytes: int) -> InboxRun:
    """The ingest stage's driver: ingest every entry (entries come in sorted order, as
    routing families need); one unreadable entry never stops the others."""
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
