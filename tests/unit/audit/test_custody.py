"""Chain-of-custody facts folded from a matter's events: per document its facts, tallies,
quarantine and batch; per batch its documents, queue and every claim transition."""

from __future__ import annotations

from typing import Any

from audit.custody import custody
from models.audit import Action, AuditEvent, Outcome

EVENTS: list[AuditEvent] = []


def event(action: Action, object_type: str, object_id: str, matter: str = "m1",
          outcome: Outcome = Outcome.OK, **details: Any) -> AuditEvent:  # fmt: skip
    seq = len(EVENTS) + 1
    made = AuditEvent(seq, f"2031-01-01T10:00:{seq:02d}Z", f"k{seq}", "op", action.value,
                      object_type, object_id, outcome, matter, details, "", "")  # fmt: skip
    EVENTS.append(made)
    return made


event(Action.DOC_INGESTED, "document", "doc-a", kind="legal", media_type="text/plain", size=9,
      sha256="s")  # fmt: skip
event(Action.DOC_REDACTED, "document", "doc-a", policy_version="legal/1", pages=1,
      entities={"PERSON": 2, "DATE": 1}, rendition_sha256="r", text_sha256="t",
      text_length=9)  # fmt: skip
event(Action.DOC_INGESTED, "document", "doc-b", kind="medical", media_type="text/plain", size=4,
      sha256="s")  # fmt: skip
event(Action.DOC_QUARANTINED, "document", "doc-b", outcome=Outcome.QUARANTINED,
      code="SR-RED-002", reason="leak gate")  # fmt: skip
event(Action.BATCH_PLANNED, "batch", "batch-1", queue="general", docs=["doc-a"])
event(Action.DOC_DISPATCHED, "document", "doc-a", batch="batch-1")
event(Action.BATCH_CLAIMED, "batch", "batch-1", reviewer="ana", epoch=1, transition="claimed")
event(Action.BATCH_CLAIM_RENEWED, "batch", "batch-1", reviewer="ana", epoch=1)
event(Action.SUBMISSION_ACCEPTED, "batch", "batch-1", reviewer="ana", epoch=1, annotations=0,
      verdicts=1)  # fmt: skip
event(Action.BATCH_CLOSED, "batch", "batch-1", reviewer="ana", epoch=1)
event(Action.DOC_INGESTED, "document", "doc-z", matter="m2", kind="legal", media_type="text/plain",
      size=1, sha256="s")  # fmt: skip


def test_documents() -> None:
    c = custody("m1", EVENTS)
    assert (c.matter, c.events, sorted(c.documents)) == ("m1", 10, ["doc-a", "doc-b"])
    a, b = c.documents["doc-a"], c.documents["doc-b"]
    assert a.facts == {"kind": "legal", "media_type": "text/plain", "size": 9, "pages": 1,
                       "policy_version": "legal/1"}  # fmt: skip
    assert (a.entities, a.batch, a.state) == ({"PERSON": 2, "DATE": 1}, "batch-1", "dispatched")
    assert (b.quarantine, b.state) == ("SR-RED-002: leak gate", "quarantined")
    assert c.entities == {"PERSON": 2, "DATE": 1}
    assert (c.first, c.last) == ("2031-01-01T10:00:01Z", "2031-01-01T10:00:10Z")


def test_batches_carry_every_claim_transition_and_the_close() -> None:
    batch = custody("m1", EVENTS).batches["batch-1"]
    assert (batch.docs, batch.queue) == (["doc-a"], "general")
    assert [e.action for e in batch.timeline] == [
        "batch.planned", "batch.claimed", "batch.claim_renewed", "submission.accepted",
        "batch.closed",
    ]  # fmt: skip
    assert batch.reviewers(Action.BATCH_CLAIMED) == ["ana"]
    planned = custody("m1", EVENTS).documents["doc-a"].timeline
    assert "batch.planned" in [e.action for e in planned]  # a document shows its batch plan
