"""An inbox entry that is not ingested is recorded, never silently skipped.

Shared by the inbox drivers (``stages.inbox`` for S3 and memory inboxes; the drop folder
has its own scan): one ``inbox.refused`` ledger event per entry id, with the refusal's
code and reason, never the entry's name.
"""

from __future__ import annotations

from models.audit import Action, Outcome
from models.errors import DocumentTooLarge, EntryRefused, SealroomError
from stages.services import Services

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
    svc.record(
        f"refuse:{entry}",
        Action.INBOX_REFUSED,
        "inbox-entry",
        entry,
        Outcome.REJECTED,
        code=why.code,
        reason=why.reason,
    )
    return why
