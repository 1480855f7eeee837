"""Ledger errors (``SR-AUD-*``): the database, the chain, checkpoint keys, compliance
requests and event details. Only the family's base (the database could not be reached
or written) is retryable. Re-exported by ``models.errors``.
"""

from __future__ import annotations

from models.errors_base import SealroomError


class LedgerError(SealroomError):
    code = "SR-AUD-000"
    summary = "ledger error"
    retryable = True  # the database could not be reached or written


class LedgerIntegrityError(LedgerError):
    code = "SR-AUD-001"
    summary = "ledger chain broken"
    retryable = False


class CheckpointKeyError(LedgerError):
    """The checkpoint signing key is missing, unreadable or not the pinned one."""

    code = "SR-AUD-020"
    summary = "checkpoint signing key unavailable"
    retryable = False  # needs an operator (audit init-key, or the pinned key)


class AuditRequestError(LedgerError):
    """A compliance request names an unknown matter, action or a malformed time."""

    code = "SR-AUD-021"
    summary = "invalid audit request"
    retryable = False  # the request itself is wrong


class MalformedEvent(LedgerError):
    """A ledger event whose details do not fit its action's model, or an event read as
    another action's. The message names the event (seq, action) and the fields, never a
    value."""

    code = "SR-AUD-022"
    summary = "ledger event details do not fit its action"
    retryable = False  # the stored event will not change
