"""Document and batch state are projections of the ledger's events."""

from __future__ import annotations

import pytest

from audit import BatchState, Ledger, batch_states, document_states, quarantine_reasons, summary
from models.audit import Action, EventDraft, Outcome
from models.document import DocState

A, Out = Action, Outcome


def _events(steps: list[tuple[str, Outcome]], doc: str = "doc-1", **details: object):
    ledger = Ledger("sqlite://")
    for n, (action, outcome) in enumerate(steps):
        ledger.append(EventDraft(f"k-{n}", "t", action, "document", doc, outcome, "m", details))
    return list(ledger.events())


@pytest.mark.parametrize(
    ("steps", "expected"),
    [
        ([], None),
        ([(A.DOC_INGESTED, Out.OK)], DocState.INGESTED),
        ([(A.DOC_INGESTED, Out.OK), (A.DOC_REDACTED, Out.OK)], DocState.REDACTED),
        ([(A.DOC_INGESTED, Out.OK), (A.DOC_REDACTED, Out.FAILED)], DocState.INGESTED),
        ([(A.DOC_INGESTED, Out.FAILED)], None),
        ([(A.DOC_INGESTED, Out.OK), (A.DOC_QUARANTINED, Out.QUARANTINED)], DocState.QUARANTINED),
        ([(A.DOC_INGESTED, Out.OK), (A.DOC_QUARANTINED, Out.FAILED)], DocState.QUARANTINED),
        ([(A.DOC_REDACTED, Out.OK), (A.DOC_DISPATCHED, Out.OK)], DocState.DISPATCHED),
        ([(A.DOC_DISPATCHED, Out.OK), (A.DOC_REVIEWED, Out.OK)], DocState.REVIEWED),
        ([(A.DOC_REVIEWED, Out.OK), (A.DOC_DELIVERED, Out.OK)], DocState.DELIVERED),
        ([(A.DOC_REVIEWED, Out.OK), (A.DOC_DELIVERED, Out.REJECTED)], DocState.REVIEWED),
        ([(A.DOC_INGESTED, Out.OK), (A.BATCH_CLAIMED, Out.OK)], DocState.INGESTED),
        ([(A.DOC_INGESTED, Out.OK), (A.LEDGER_VERIFIED, Out.OK)], DocState.INGESTED),
    ],
)
def test_document_state(steps: list, expected: DocState | None) -> None:
    assert document_states(_events(steps)).get("doc-1") == expected


def test_documents_are_tracked_separately() -> None:
    events = _events([(A.DOC_INGESTED, Out.OK)], doc="doc-1")
    events += _events([(A.DOC_INGESTED, Out.OK), (A.DOC_REDACTED, Out.OK)], doc="doc-2")
    assert document_states(events) == {"doc-1": DocState.INGESTED, "doc-2": DocState.REDACTED}


def test_quarantine_reasons_come_from_details() -> None:
    why = {"code": "SR-DOC-004", "reason": "image_only_page"}
    events = _events([(A.DOC_QUARANTINED, Out.QUARANTINED)], **why)
    events += _events([(A.DOC_INGESTED, Out.OK)], doc="doc-2", reason="not a quarantine")
    assert quarantine_reasons(events) == {"doc-1": "image_only_page"}


def _batch_events(steps: list[tuple[str, Outcome, str, dict]]):
    ledger = Ledger("sqlite://")
    for n, (action, outcome, object_id, details) in enumerate(steps):
        ledger.append(EventDraft(f"k-{n}", "t", action, "batch", object_id, outcome, "m", details))
    return list(ledger.events())


@pytest.mark.parametrize(
    ("steps", "expected"),
    [
        ([(A.BATCH_DISPATCHED, Out.OK, "b-1", {})], BatchState.DISPATCHED),
        (
            [(A.BATCH_DISPATCHED, Out.OK, "b-1", {}), (A.BATCH_CLAIMED, Out.OK, "b-1", {})],
            BatchState.CLAIMED,
        ),
        (
            [
                (A.BATCH_CLAIMED, Out.OK, "b-1", {}),
                (A.SUBMISSION_ACCEPTED, Out.OK, "b-1", {"reviewer": "ana"}),
            ],
            BatchState.SUBMITTED,
        ),
        (
            [
                (A.BATCH_CLAIMED, Out.OK, "b-1", {}),
                (A.SUBMISSION_REJECTED, Out.REJECTED, "b-1", {"reviewer": "ana"}),
            ],
            BatchState.CLAIMED,
        ),
        ([(A.BATCH_DISPATCHED, Out.FAILED, "b-1", {})], None),
    ],
)
def test_batch_state(steps: list, expected: BatchState | None) -> None:
    assert batch_states(_batch_events(steps)).get("b-1") == expected


def test_summary_counts() -> None:
    events = _events([(A.DOC_INGESTED, Out.OK), (A.DOC_REDACTED, Out.OK)], doc="doc-1")
    events += _events([(A.DOC_INGESTED, Out.OK), (A.DOC_QUARANTINED, Out.QUARANTINED)], doc="doc-2")
    events += _batch_events([(A.BATCH_DISPATCHED, Out.OK, "b-1", {})])
    assert summary(iter(events)) == {
        "events": 5,
        "actions": {
            A.DOC_INGESTED: 2,
            A.DOC_REDACTED: 1,
            A.DOC_QUARANTINED: 1,
            A.BATCH_DISPATCHED: 1,
        },
        "outcomes": {"ok": 4, "quarantined": 1},
        "documents": {"redacted": 1, "quarantined": 1},
        "batches": {"dispatched": 1},
        "open_documents": 1,
    }
