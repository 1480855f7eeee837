"""Ingest: read each inbox file, seal the original and its name, record the document.

The source file name is PII: it is sealed with the original, and from here on the
document is known only by its deterministic id (matter + content hash), so re-ingesting
the same file is a no-op.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from models.audit import Action, Outcome
from models.document import DocKind, MediaType, content_hash, document_id
from models.errors import DocumentTooLarge, UnsupportedDocument
from models.vault_ref import Purpose
from redaction import text_codec
from review.tags import InboxTagger
from stages.services import Services

KIND_FOLDERS = {kind.value: kind for kind in DocKind}


@dataclass(frozen=True)
class IngestOutcome:
    doc_id: str
    media_type: str
    new: bool


def sniff(data: bytes) -> MediaType | None:
    """Media type from content, never from the (PII) file name (``redaction.text_codec``:
    PDF magic at offset 0 only; UTF-8, UTF-16/32 with a BOM, or single-byte text)."""
    return text_codec.sniff(data)[0]


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
    entry: str = "",
) -> IngestOutcome:
    doc_id = document_id(svc.matter, data)
    facts = Facts(doc_id, sniff(data), len(data), content_hash(data), _name_bytes(source_name))
    return record_ingest(
        svc,
        facts,
        lambda: svc.vault.put(svc.ref(doc_id, Purpose.ORIGINAL), data),
        kind,
        max_bytes,
        tags,
        **({"entry": entry} if entry else {}),  # the inbox entry's opaque id
    )


@dataclass(frozen=True)
class Facts:
    """What ingest knows of one file before sealing it (``name`` is PII: sealed only)."""

    doc_id: str
    media: MediaType | None
    size: int
    sha256: str
    name: bytes
    encoding: str | None = None


def record_ingest(
    svc: Services,
    facts: Facts,
    seal: Callable[[], None],
    kind: DocKind,
    max_bytes: int,
    tags: Mapping[str, Any] | None = None,
    **extra: Any,
) -> IngestOutcome:
    """Seal the original (``seal``) and its name, then record the document; idempotent."""
    doc_id, media, size = facts.doc_id, facts.media, facts.size
    key = f"ingest:{doc_id}"
    media_value = media.value if media else "unknown"
    if svc.seen(key):
        _quarantine_intake_problem(svc, doc_id, media, size, max_bytes)  # crash-resume
        return IngestOutcome(doc_id, media_value, new=False)
    seal()
    svc.vault.put(svc.ref(doc_id, Purpose.SOURCE_NAME), facts.name)
    svc.record(
        key,
        Action.DOC_INGESTED,
        "document",
        doc_id,
        kind=kind.value,
        media_type=media_value,
        size=size,
        sha256=facts.sha256,
        **dict(tags or {}),  # specialty / priority / family (ids and config names only)
        **extra,  # e.g. the text encoding, the inbox entry id
    )
    _quarantine_intake_problem(svc, doc_id, media, size, max_bytes)
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


def quarantine_key(svc: Services, doc_id: str) -> str:
    """One quarantine per attempt: an operator's retry (``document.retried``) opens the next."""
    attempts = len(svc.events_for(doc_id, Action.DOC_RETRIED))
    return f"quarantine:{doc_id}" + (f":retry-{attempts}" if attempts else "")


def quarantine(svc: Services, doc_id: str, code: str, reason: str) -> None:
    """Terminal state: the document is never sent; the reason is an error code and summary."""
    svc.record(
        quarantine_key(svc, doc_id),
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


def _name_bytes(name: str) -> bytes:
    """The file name as the file system spelled it (undecodable bytes kept as they were)."""
    return name.encode("utf-8", "surrogateescape")
