"""Quarantine for the operator: an encrypted PDF, quarantined for want of its password,
is delivered after ``add-pdf-password`` and a retry; dismissals need a listed reason;
every action is a ledger event."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.audit import Action
from models.document import DocKind, DocState
from models.errors import ConfigError, NotQuarantined
from review import MemoryObjectStore
from stages import collect, reassemble
from stages.matter_config import add_pdf_password
from stages.quarantine import dismiss, find, quarantined, retry, source_name
from stages.services import Services
from tests.unit.conftest import encrypted_pdf
from tests.unit.stages.test_stages import review, run_to_dispatch, states

PASSWORD = "s3cret-pw"


@pytest.fixture
def sealed_inbox(inbox: Path) -> Path:
    text = "Dear Rahul Mehta, the lessee shall pay the rent monthly."
    (inbox / "legal" / "sealed-letter.pdf").write_bytes(encrypted_pdf(text, PASSWORD))
    return inbox


def codes(svc: Services) -> dict[str, str]:
    return {q.doc_id: q.code for q in quarantined(svc)}


def test_encrypted_pdf_is_delivered_after_its_password_and_a_retry(
    svc: Services, store: MemoryObjectStore, sealed_inbox: Path, tmp_path: Path
) -> None:
    published = run_to_dispatch(svc, sealed_inbox)
    (doc_id,) = [d for d, c in codes(svc).items() if c == "SR-DOC-003"]
    assert source_name(svc, doc_id) == "sealed-letter.pdf"

    assert retry(svc, doc_id) == 1  # cause not fixed yet: quarantined again, same code
    published += run_to_dispatch(svc, sealed_inbox)
    again = find(svc, doc_id)
    assert again.code == "SR-DOC-003" and again.attempts == 1

    add_pdf_password(svc, PASSWORD)
    assert retry(svc, doc_id) == 2
    batches = run_to_dispatch(svc, sealed_inbox)
    assert doc_id not in codes(svc) and batches
    review(store, tmp_path, published + batches)  # the other documents' batch too
    collect.collect(svc)
    assert doc_id in reassemble.reassemble(svc)
    assert states(svc)[doc_id] is DocState.DELIVERED
    body = json.loads((svc.outbox / "m1" / f"{doc_id}.json").read_text(encoding="utf-8"))
    assert body["annotations"] and (svc.outbox / "m1" / f"{doc_id}.pdf").exists()
    retried = svc.ledger.events(object_id=doc_id, action=Action.DOC_RETRIED.value)
    assert [e.details["attempt"] for e in retried] == [1, 2]


def test_dismiss_needs_a_listed_reason_and_closes_the_quarantine(
    svc: Services, sealed_inbox: Path
) -> None:
    run_to_dispatch(svc, sealed_inbox)
    (blob,) = [d for d, c in codes(svc).items() if c == "SR-DOC-001"]
    with pytest.raises(ConfigError):
        dismiss(svc, blob, "the client Jane Roe asked us to")  # free text never recorded
    with pytest.raises(ConfigError):
        dismiss(svc, blob, "other", ticket="Jane Roe")
    dismiss(svc, blob, "unreadable", ticket="OPS-42")
    assert blob not in codes(svc)
    assert find(svc, blob).dismissed == "unreadable"
    with pytest.raises(NotQuarantined):
        retry(svc, blob)
    (event,) = svc.ledger.events(object_id=blob, action=Action.DOC_DISMISSED.value)
    assert event.details == {"reason": "unreadable", "ticket": "OPS-42", "code": "SR-DOC-001"}
    with pytest.raises(NotQuarantined):
        retry(svc, "doc-not-there")


def test_unsealing_a_source_name_is_recorded(svc: Services, sealed_inbox: Path) -> None:
    run_to_dispatch(svc, sealed_inbox)
    doc_id = next(iter(codes(svc)))
    source_name(svc, doc_id)
    events = svc.ledger.events(object_id=doc_id, action=Action.DOC_SOURCE_UNSEALED.value)
    assert len(list(events)) == 1


def test_quarantine_states_follow_retry_and_dismiss_with_the_inbox_entry(
    svc: Services, sealed_inbox: Path
) -> None:
    from stages.quarantine import quarantine_states

    def sealed() -> list[dict[str, object]]:  # the fixture inbox has other quarantines
        rows = quarantine_states(list(svc.ledger.events(matter=svc.matter)))
        return [r for r in rows if r["media_type"] == "application/pdf" and r["attempts"] < 9]

    def shown() -> list[tuple[object, object, object]]:
        return [(r["state"], r["code"], r["now"]) for r in sealed() if r["code"] == "SR-DOC-003"]

    from stages.drop_folder import ingest_dir

    ingest_dir(svc, sealed_inbox, DocKind.LEGAL, 10**7)  # the drop folder records entry ids
    run_to_dispatch(svc, sealed_inbox)
    assert shown() == [("open", "SR-DOC-003", "quarantined")]
    (row,) = [r for r in sealed() if r["code"] == "SR-DOC-003"]
    assert row["entry"] and "sealed-letter" not in json.dumps(row)  # an id, not the name
    doc_id = str(row["doc_id"])
    retry(svc, doc_id)
    assert [r["state"] for r in sealed() if r["doc_id"] == doc_id] == ["retried"]
    run_to_dispatch(svc, sealed_inbox)
    dismiss(svc, doc_id, "client-withdrew")
    assert shown() == [("dismissed", "SR-DOC-003", "quarantined")]
