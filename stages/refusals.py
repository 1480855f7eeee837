"""An inbox entry that is not ingested is recorded, never silently skipped.

Used by the ingest stage's driver (``stages.ingest.ingest_from``: S3 and memory
inboxes; the drop folder records its own): one ``inbox.refused`` ledger event per entry
id, with the refusal's code and reason, never the entry's name.
"""

from __future__ import annotations

from models.audit import Outcome
from models.errors import DocumentTooLarge, EntryRefused, SealroomError
from models.events import InboxRefused
from stages.services import Services
from stages.trail import refuse_key

OVER_SIZE = "over the size limit; not read"


def refusal_of(
    entry: str, refusal: EntryRefused | None, size: int, max_bytes: int
) -> SealroomError | None:
    """Why an entry is refused before a byte is read: its own refusal, or its listed size."""
    if refusal is None and size > max_bytes:
        return DocumentTooLarge(entry, OVER_SIZE)
    return refusal


def record_refusal(svc: Services, entry: str, why: SealroomError) -> SealroomError:
    """Record the refusal (once per entry id): code and reason, never the name."""
    payload = InboxRefused(code=why.code, reason=why.reason)
    svc.record(refuse_key(entry), payload, "inbox-entry", entry, Outcome.REJECTED)
    return why
