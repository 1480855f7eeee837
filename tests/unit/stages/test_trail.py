"""The stages' trail helpers: every idempotency key (known answers), doc facts, quarantine."""

from __future__ import annotations

import pytest

from models.audit import Action, Outcome
from models.errors import UnsupportedDocument
from models.events import DocRetried
from stages import trail
from stages.services import Services


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        (trail.ingest_key("doc-1"), "ingest:doc-1"),
        (trail.redact_key("doc-1"), "redact:doc-1"),
        (trail.refuse_key("entry-1"), "refuse:entry-1"),
        (trail.plan_key("batch-1"), "plan:batch-1"),
        (trail.dispatch_key("batch-1"), "dispatch:batch-1"),
        (trail.claim_event_key("q1", "ana/e1"), "claim-event:q1:ana/e1"),
        (trail.closed_key("batch-1"), "batch-closed:batch-1"),
        (trail.access_key("batch-1", "ana", 2, "docs/d.txt"), "access:batch-1:ana:2:docs/d.txt"),
        (trail.revoke_key("b-1", "ana", "docs/d.txt", "T"), "revoke:b-1:ana:docs/d.txt:T"),
        (trail.oversize_key("b-1", "ana", 9, "T"), "submission:b-1:ana:size:9:T"),
        (trail.submission_key("batch-1", "ana", "ab" * 32), "submission:batch-1:ana:" + "ab" * 8),
        (trail.qc_key("batch-1"), "qc:batch-1"),
        (trail.review_key("doc-1"), "review:doc-1"),
        (trail.deliver_key("doc-1"), "deliver:doc-1"),
    ],
)
def test_keys_are_the_ones_existing_ledgers_hold(key: str, expected: str) -> None:
    assert key == expected


def test_facts_of_a_document_never_ingested_are_refused(svc: Services) -> None:
    with pytest.raises(UnsupportedDocument):
        trail.doc_facts(svc, "doc-unknown")


def test_quarantine_is_recorded_once_with_code_and_reason(svc: Services) -> None:
    trail.quarantine(svc, "doc-1", "SR-DOC-001", "unsupported")
    trail.quarantine(svc, "doc-1", "SR-DOC-001", "unsupported")
    (event,) = svc.events_for("doc-1", Action.DOC_QUARANTINED)
    assert event.outcome == Outcome.QUARANTINED
    assert event.details == {"code": "SR-DOC-001", "reason": "unsupported"}


def test_each_operator_retry_opens_a_new_quarantine_key(svc: Services) -> None:
    assert trail.quarantine_key(svc, "doc-1") == "quarantine:doc-1"
    for attempt in (1, 2):
        payload = DocRetried(attempt=attempt, previous_code="SR-DOC-001")
        svc.record(f"retry:doc-1:{attempt}", payload, "document", "doc-1")
        assert trail.quarantine_key(svc, "doc-1") == f"quarantine:doc-1:retry-{attempt}"


def test_an_undispatched_batch_is_looked_for_in_the_default_queue(svc: Services) -> None:
    assert trail.batch_queue(svc, "batch-never").queue == svc.queue.queue
