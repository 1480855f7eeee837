"""The redaction driver: a document's own failure quarantines it (fail closed), an
infrastructure failure leaves it to retry, and a re-run skips what is done."""

from __future__ import annotations

import pytest

from intake.inbox import MemoryInbox
from models.audit import Action
from models.document import DocKind
from models.errors import CorruptDocument, StorageError
from stages import ingest, redact
from stages.services import Services


def one_document(svc: Services) -> str:
    run = ingest.ingest_from(
        svc, MemoryInbox({"legal/a.txt": b"Dear Jane Roe,"}), DocKind.LEGAL, 99
    )
    return run.outcomes[0].doc_id


def test_redacts_then_skips(svc: Services) -> None:
    doc_id = one_document(svc)
    assert redact.pending_documents(svc) == [doc_id]
    assert redact.redact_all(svc, [doc_id]) == ({doc_id: "redacted"}, {})
    assert redact.redact_all(svc, [doc_id]) == ({doc_id: "skipped"}, {})
    assert redact.pending_documents(svc) == []


@pytest.mark.parametrize(
    ("failure", "state", "code", "quarantine_code"),
    [
        (RuntimeError("library bug on this input"), "quarantined", "RuntimeError", "SR-RED-000"),
        (CorruptDocument("doc"), "quarantined", "SR-DOC-002", "SR-DOC-002"),
        (StorageError("bucket"), "error", "SR-STO-001", None),
    ],
)
def test_failures(
    svc: Services,
    monkeypatch: pytest.MonkeyPatch,
    failure: Exception,
    state: str,
    code: str,
    quarantine_code: str | None,
) -> None:
    doc_id = one_document(svc)

    def fail(_svc: Services, _doc: str) -> None:
        raise failure

    monkeypatch.setattr(redact, "redact_document", fail)
    assert redact.redact_one(svc, doc_id) == (state, code)
    events = svc.events_for(doc_id, Action.DOC_QUARANTINED)
    assert [e.details["code"] for e in events] == ([quarantine_code] if quarantine_code else [])
