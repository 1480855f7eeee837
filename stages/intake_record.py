"""Recording one document at intake, shared by the inbox driver (``stages.ingest``) and
the drop-folder driver (``stages.drop_folder``): seal the original and its name, record
``document.ingested`` once, quarantine what intake cannot take. A helper, not a stage.

The source file name is PII: it is sealed only, never logged or used as an id.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from models.document import DocKind, MediaType
from models.errors import DocumentTooLarge, UnsupportedDocument
from models.events import DocIngested
from models.vault_ref import Purpose
from stages.services import Services
from stages.trail import ingest_key, quarantine


@dataclass(frozen=True)
class IngestOutcome:
    doc_id: str
    media_type: str
    new: bool


@dataclass
class InboxRun:
    outcomes: list[IngestOutcome]
    failed: int  # entries that could not be read or recorded; retried by the next run
    codes: list[str] = field(default_factory=list)  # their error codes


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
    entry: str | None = None,
) -> IngestOutcome:
    """Seal the original (``seal``) and its name, then record the document; idempotent."""
    doc_id, media, size = facts.doc_id, facts.media, facts.size
    key = ingest_key(doc_id)
    media_value = media.value if media else "unknown"
    if svc.seen(key):
        _quarantine_intake_problem(svc, doc_id, media, size, max_bytes)  # crash-resume
        return IngestOutcome(doc_id, media_value, new=False)
    seal()
    svc.vault.put(svc.ref(doc_id, Purpose.SOURCE_NAME), facts.name)
    payload = DocIngested(
        kind=kind.value,
        media_type=media_value,
        size=size,
        sha256=facts.sha256,
        **dict(tags or {}),  # specialty / priority / family (ids and config names only)
        **_present(encoding=facts.encoding, entry=entry),  # the text encoding, the entry id
    )
    svc.record(key, payload, "document", doc_id)
    _quarantine_intake_problem(svc, doc_id, media, size, max_bytes)
    return IngestOutcome(doc_id, media_value, new=True)


def _present(**values: str | None) -> dict[str, str]:
    return {name: value for name, value in values.items() if value is not None}


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
