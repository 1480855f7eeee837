"""What a ledger payload names besides the event's own object: the reviewers, batches and
documents it is about, and the error code it records. Readers that look across every
kind of event (the compliance filters, the custody report, the quarantine history) ask
these instead of probing ``details`` for keys; a kind that names none answers empty.
"""

from __future__ import annotations

from models.events import (
    BatchClaimed,
    BatchClaimRenewed,
    BatchClosed,
    BatchPlanned,
    BatchReleased,
    DocAccessGranted,
    DocAccessRevoked,
    DocDismissed,
    DocDispatched,
    DocQuarantined,
    DocReviewed,
    InboxRefused,
    Payload,
    QcAgreement,
    SubmissionAccepted,
    SubmissionRejected,
)

CODED = (DocQuarantined, DocDismissed, InboxRefused, SubmissionRejected)
CLAIMS = (BatchClaimed, BatchClaimRenewed, BatchReleased)
EPOCHS = (*CLAIMS, BatchClosed, DocAccessGranted, DocAccessRevoked, SubmissionAccepted)
ONE_REVIEWER = (*EPOCHS, DocReviewed, SubmissionRejected)
IN_A_BATCH = (DocDispatched, DocReviewed, DocAccessGranted, DocAccessRevoked)


def code_of(payload: Payload) -> str:
    """The error code a quarantine, dismissal, refusal or rejection records; else ""."""
    return payload.code if isinstance(payload, CODED) else ""


def epoch_of(payload: Payload) -> int | None:
    """The claim epoch a claim, close, access or acceptance event records; else None."""
    return payload.epoch if isinstance(payload, EPOCHS) else None


def reviewers_named(payload: Payload) -> tuple[str, ...]:
    """The reviewers the event names (a QC comparison names both of its reviewers)."""
    if isinstance(payload, QcAgreement):
        return (payload.reviewer, payload.qc_reviewer)
    return (payload.reviewer,) if isinstance(payload, ONE_REVIEWER) else ()


def batches_named(payload: Payload) -> tuple[str, ...]:
    """The batches a document or access event names, or the QC copy a comparison names."""
    if isinstance(payload, QcAgreement):
        return (payload.qc_batch,)
    return (payload.batch,) if isinstance(payload, IN_A_BATCH) else ()


def documents_named(payload: Payload) -> tuple[str, ...]:
    """The documents a batch plan lists."""
    return tuple(payload.docs) if isinstance(payload, BatchPlanned) else ()
