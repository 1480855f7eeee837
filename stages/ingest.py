"""Ingest: read each inbox file, seal the original and its name, record the document.

The source file name is PII: it is sealed with the original, and from here on the
document is known only by its deterministic id (matter + content hash), so re-ingesting
the same file is a no-op. Recording is shared with the drop-folder driver
(``stages.intake_record``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from formats.registry import sniff_bytes
from intake.ports import Inbox
from models.document import DocKind, MediaType, content_hash, document_id
from models.errors import SealroomError
from models.vault_ref import Purpose
from review.tags import InboxTagger
from stages.intake_record import Facts, InboxRun, IngestOutcome, record_ingest
from stages.refusals import record_refusal, refusal_of
from stages.services import Services

__all__ = ["InboxRun", "IngestOutcome", "ingest_bytes", "ingest_from", "sniff"]


def sniff(data: bytes) -> MediaType | None:
    """Media type from content, never from the (PII) file name (``formats.sniff``: magic
    numbers at offset 0; UTF-8, UTF-16/32 with a BOM, or single-byte text; e-mail)."""
    return sniff_bytes(data)


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
        entry=entry or None,  # the inbox entry's opaque id (S3 inboxes)
    )


def ingest_from(svc: Services, inbox: Inbox, default_kind: DocKind, max_bytes: int) -> InboxRun:
    """The ingest stage's driver: ingest every entry (entries come in sorted order, as
    routing families need); one unreadable entry never stops the others."""
    tagger = InboxTagger(svc.routing)  # routing tags from folder names (review.tags)
    run = InboxRun([], 0)
    for entry in inbox.entries(default_kind):
        try:
            refusal = refusal_of(entry.entry_id, entry.refusal, entry.size, max_bytes)
            if refusal is not None:  # recorded, never read (as the drop folder does)
                record_refusal(svc, entry.entry_id, refusal)
                continue
            data = entry.read()
            tags = tagger.tags(entry.parts, document_id(svc.matter, data))
            outcome = ingest_bytes(
                svc, data, entry.name, entry.kind, max_bytes, tags=tags, entry=entry.entry_id
            )
        except (SealroomError, OSError) as exc:
            run.failed += 1
            run.codes.append(exc.code if isinstance(exc, SealroomError) else type(exc).__name__)
            continue
        run.outcomes.append(outcome)
    return run


def _name_bytes(name: str) -> bytes:
    """The file name as the file system spelled it (undecodable bytes kept as they were)."""
    return name.encode("utf-8", "surrogateescape")
