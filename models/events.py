"""Typed ledger payloads: one pydantic model per ``Action`` (the event's ``details``).

Stages write events only through these models (``Services.record(key, payload, ...)``)
and every reader reads them back through ``payload_of`` / ``payloads`` / ``read_payload``
(never ``details["key"]``: a misspelt key would read as nothing); the models are the
documented shape of every ``details`` object (ids, hashes, counts, config names; never
document text). Details that do not fit their model raise ``MalformedEvent``
(SR-AUD-022), which names the event's seq and the fields, never a value.

Reading is lenient so that every ledger ever written stays readable: keys an older
version wrote and this one no longer knows are ignored, and the hash chain is untouched
(it covers the stored bytes, which reading never rewrites). Writing dumps exactly the
fields a stage set, so the stored JSON has the same shape as before the models existed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

from pydantic import Field, ValidationError

from models.audit import Action, AuditEvent
from models.errors import MalformedEvent
from models.events_ops import *  # noqa: F403  (the ledger, meta-audit and vault payloads)
from models.payload import Payload as Payload


# --- documents -------------------------------------------------------------------------
class DocIngested(Payload):
    action = Action.DOC_INGESTED
    kind: str
    media_type: str  # a MediaType value, or "unknown"
    size: int
    sha256: str
    specialty: str | None = None  # routing tags from inbox folder names (review.tags)
    priority: str | None = None
    family: str | None = None  # the doc id of the family's first member
    encoding: str | None = None  # a text document's encoding (drop-folder intake)
    entry: str | None = None  # the drop-folder entry id (opaque; never the file name)


class DocRedacted(Payload):
    action = Action.DOC_REDACTED
    policy_version: str  # "medical/2"
    entities: dict[str, int]
    rendition_sha256: str
    text_sha256: str
    text_length: int
    pages: int = 1


class DocQuarantined(Payload):
    action = Action.DOC_QUARANTINED
    code: str
    reason: str


class DocDispatched(Payload):
    action = Action.DOC_DISPATCHED
    batch: str


class DocReviewed(Payload):
    action = Action.DOC_REVIEWED
    batch: str
    reviewer: str


class DocDelivered(Payload):
    action = Action.DOC_DELIVERED
    annotations: int
    verdicts: int
    sha256: str
    pdf_sha256: str | None = None
    fallback: str | None = None  # error code: the original could not be annotated, JSON only


class DocRetried(Payload):
    """An operator released a quarantine; the next run redacts the document again."""

    action = Action.DOC_RETRIED
    attempt: int
    previous_code: str


class DocDismissed(Payload):
    action = Action.DOC_DISMISSED
    reason: str  # one of stages.quarantine.DISMISS_REASONS
    ticket: str = ""  # an id (letters, digits, . _ -)
    code: str  # the quarantine's error code


class DocSourceUnsealed(Payload):
    action = Action.DOC_SOURCE_UNSEALED
    purpose: str  # what was unsealed ("source-name"); the name itself never


class InboxRefused(Payload):
    """An inbox entry not ingested (object: the opaque entry id, never its name)."""

    action = Action.INBOX_REFUSED
    code: str
    reason: str


# --- batches ---------------------------------------------------------------------------
class BatchPlanned(Payload):
    action = Action.BATCH_PLANNED
    queue: str
    docs: list[str]
    rule: str | None = None
    priority: str = "normal"
    due_hours: int | None = None  # None: the settings' batch_due_hours
    qc_of: str | None = None  # on a QC copy: the primary batch
    adjudication_queue: str | None = None
    adjudicates: str | None = None  # on an adjudication batch: the disputed batch
    reviews: list[tuple[str, str]] = Field(default_factory=list)  # (batch, reviewer) in dispute


class BatchDispatched(Payload):
    action = Action.BATCH_DISPATCHED
    queue: str
    docs: int
    priority: str = "normal"
    due: str | None = None
    qc_of: str | None = None
    adjudicates: str | None = None


class _ClaimTransition(Payload):
    """A reviewer's claim event as replayed by collect (``review.claim_events``), recorded
    with the reviewer as actor; the outcome is REJECTED for a losing or stale attempt."""

    reviewer: str
    epoch: int
    transition: str | None = None  # claimed | stolen | renewed | released | lost | stale ...
    lease_seconds: int | None = None
    at: str | None = None  # the claim object's write time (store clock)


class BatchClaimed(_ClaimTransition):
    """A claim or a takeover (``transition``); older ledgers set ``claimed_at`` instead."""

    action = Action.BATCH_CLAIMED
    claimed_at: str | None = None


class BatchClaimRenewed(_ClaimTransition):
    action = Action.BATCH_CLAIM_RENEWED


class BatchReleased(_ClaimTransition):
    action = Action.BATCH_RELEASED


class BatchClosed(Payload):
    """The operator closed the batch after accepting the holder's submission."""

    action = Action.BATCH_CLOSED
    reviewer: str
    epoch: int


class _AccessChange(Payload):
    """A rendition copy under a reviewer's granted/ prefix (``review.access``)."""

    reviewer: str
    batch: str
    epoch: int
    file: str  # the copy's path inside the batch (docs/<doc_id>.txt ...): ids only
    granted_at: str  # the copy's write time (store clock)


class DocAccessGranted(_AccessChange):
    action = Action.DOC_ACCESS_GRANTED


class DocAccessRevoked(_AccessChange):
    action = Action.DOC_ACCESS_REVOKED


class SubmissionAccepted(Payload):
    action = Action.SUBMISSION_ACCEPTED
    reviewer: str
    epoch: int
    annotations: int
    verdicts: int
    role: str = "primary"  # primary | qc | adjudication


class SubmissionRejected(Payload):
    action = Action.SUBMISSION_REJECTED
    reviewer: str
    code: str


class QcAgreement(Payload):
    """Recorded on the primary batch; ``qc_batch`` is its QC copy."""

    action = Action.QC_AGREEMENT
    qc_batch: str
    reviewer: str
    qc_reviewer: str
    span_f1: float
    kappa: float | None
    spans: tuple[int, int, int]  # spans in review A, in review B, matched
    verdict_pairs: int
    agree: bool


def _models(base: type[Payload]) -> list[type[Payload]]:
    """Every payload model below ``base`` (shared field sets are bases without an action)."""
    found = []
    for model in base.__subclasses__():
        found += ([model] if "action" in vars(model) else []) + _models(model)
    return found


PAYLOADS: dict[Action, type[Payload]] = {model.action: model for model in _models(Payload)}
_ACTIONS = frozenset(a.value for a in Action)
P = TypeVar("P", bound=Payload)


def payload_of(event: AuditEvent, model: type[P]) -> P:
    """The event's details as ``model``, which must be the model of its action; an event
    of another action or with details that do not fit raises ``MalformedEvent``."""
    if event.action != model.action:
        raise MalformedEvent(_ref(event), f"{_name(event)} event read as {model.action.value}")
    return _lenient(model, event)


def payloads(events: Iterable[AuditEvent], model: type[P]) -> Iterator[tuple[AuditEvent, P]]:
    """Every event of ``model``'s action, in order, with its details read as ``model``."""
    return ((e, payload_of(e, model)) for e in events if e.action == model.action)


def read_payload(event: AuditEvent) -> Payload:
    """The event's details as the model of its action (``MalformedEvent`` when unknown)."""
    if event.action not in _ACTIONS:
        raise MalformedEvent(_ref(event), "an action no payload model is known for")
    return _lenient(PAYLOADS[Action(event.action)], event)


def _ref(event: AuditEvent) -> str:
    return f"seq {event.seq}"


def _name(event: AuditEvent) -> str:
    """The event's action when it is a known one (an unknown string is not echoed)."""
    return str(event.action) if event.action in _ACTIONS else "an unknown action's"


def _lenient(model: type[P], event: AuditEvent) -> P:
    """Keys an older version wrote and this model no longer has are left out; a missing
    or mistyped field is a ``MalformedEvent`` naming the fields (never a value, nor a key
    inside one: only the model's own field names)."""
    details = event.details if isinstance(event.details, dict) else {}
    try:
        return model.model_validate({k: v for k, v in details.items() if k in model.model_fields})
    except ValidationError as exc:
        fields = sorted({str(e["loc"][0]) if e["loc"] else "details" for e in exc.errors()})
        reason = f"{model.action.value} details do not fit: {', '.join(fields)}"
        raise MalformedEvent(_ref(event), reason) from None  # the error repeats the values
