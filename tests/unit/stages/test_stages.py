from __future__ import annotations

import json
import re
from datetime import date, timedelta
from functools import partial
from pathlib import Path

import pytest

from audit import document_states, quarantine_reasons
from cli.demo_reviewer import review_open_batches
from formats import textlike
from intake.inbox import DirInbox
from models.audit import Action
from models.document import DocKind, DocState
from models.review import Manifest
from models.vault_ref import Purpose
from review import MemoryObjectStore, ReviewerClient, ReviewQueue
from review.access import grant_current
from stages import collect, dispatch, ingest, reassemble, redact
from stages.reviews import load_reviews
from stages.services import Services

MAX = 10_000_000
PERSON_TOKEN = re.compile(r"\[PERSON_\d{8}(?:_\d+)?\]")  # matter-wide HMAC tokens
PII = ["Jane", "Roe", "Rahul", "Mehta", "123-45-6789", "04/12/1961", "jane-roe", "mehta-letter"]


def states(svc: Services) -> dict[str, DocState]:
    return document_states(svc.ledger.events())


def run_to_dispatch(svc: Services, inbox: Path) -> list[str]:
    ingest.ingest_from(svc, DirInbox(inbox), DocKind.LEGAL, MAX)
    for doc_id, state in states(svc).items():
        if state is DocState.INGESTED:
            redact.redact_document(svc, doc_id)
    return dispatch.dispatch(svc)


def call_the_person(manifest: Manifest, folder: Path) -> tuple[list[dict], list[dict]]:
    """One annotation on each document's first person token; verdict ok."""
    annotations, verdicts = [], []
    for doc in manifest.docs:
        text = (folder / f"{doc.doc_id}.txt").read_text(encoding="utf-8")
        token = PERSON_TOKEN.search(text)
        assert token is not None
        span = {"doc_id": doc.doc_id, "start": token.start(), "end": token.end()}
        note = {"label": "ISSUE", "comment": f"Call {token.group()}", "quote": token.group()}
        annotations.append({**span, **note})
        verdicts.append({"doc_id": doc.doc_id, "verdict": "ok"})
    return annotations, verdicts


def review(store: MemoryObjectStore, tmp_path: Path, batches: list[str]) -> None:
    """The one stand-in reviewer loop (cli.demo_reviewer) over exactly ``batches``."""
    client = ReviewerClient(store, "general", "ana")
    assert sorted(client.available()) == sorted(batches)
    operator = partial(grant_current, ReviewQueue(store, "general"))
    review_open_batches(client, tmp_path / "pull", 600, call_the_person, grant=operator)


def test_ingest_is_idempotent_and_seals_the_name(svc: Services, inbox: Path) -> None:
    first = ingest.ingest_from(svc, DirInbox(inbox), DocKind.LEGAL, MAX).outcomes
    second = ingest.ingest_from(svc, DirInbox(inbox), DocKind.LEGAL, MAX).outcomes
    assert len(first) == 4 and all(o.new for o in first)
    assert not any(o.new for o in second)
    assert svc.ledger.count() == len([e for e in svc.ledger.events()])
    names = {svc.vault.get(svc.ref(o.doc_id, Purpose.SOURCE_NAME)).decode() for o in first}
    assert names == {"jane-roe-discharge.txt", "mehta-letter.txt", "blob.bin", "broken.pdf"}
    kinds = {e.details["kind"] for e in svc.ledger.events(action=Action.DOC_INGESTED.value)}
    assert kinds == {"medical", "legal"}


def test_bad_inputs_are_quarantined_with_reasons_and_the_rest_goes_on(
    svc: Services, inbox: Path
) -> None:
    batches = run_to_dispatch(svc, inbox)
    reasons = quarantine_reasons(svc.ledger.events())
    assert sorted(reasons.values()) == ["truncated or missing trailer", "unsupported document type"]
    codes = {e.details["code"] for e in svc.ledger.events(action=Action.DOC_QUARANTINED.value)}
    assert codes == {"SR-DOC-001", "SR-DOC-002"}
    assert sorted(s.value for s in states(svc).values()) == [
        "dispatched",
        "dispatched",
        "quarantined",
        "quarantined",
    ]
    assert len(batches) == 1


def test_dispatched_renditions_carry_tokens_not_pii(svc: Services, inbox: Path) -> None:
    (batch_id,) = run_to_dispatch(svc, inbox)
    manifest = svc.queue.manifest(batch_id)
    for doc in manifest.docs:
        text = svc.queue.read_file(batch_id, doc.text_path).decode()
        assert PERSON_TOKEN.search(text)
        assert not [p for p in PII if p.lower() in text.lower()]


def test_rerun_adds_no_events_and_no_batches(svc: Services, inbox: Path) -> None:
    run_to_dispatch(svc, inbox)
    count = svc.ledger.count()
    assert run_to_dispatch(svc, inbox) == []
    assert svc.ledger.count() == count
    assert len(svc.queue.list_batches()) == 1


def test_crash_between_plan_and_publish_republishes_the_same_batch(
    svc: Services, inbox: Path
) -> None:
    ingest.ingest_from(svc, DirInbox(inbox), DocKind.LEGAL, MAX)
    for doc_id in list(states(svc)):
        redact.redact_document(svc, doc_id)
    (planned,) = dispatch.plan_batches(svc)  # crash here: planned, nothing published
    assert svc.queue.list_batches() == []
    assert dispatch.dispatch(svc) == [planned]
    assert svc.queue.list_batches() == [planned]


def test_leak_gate_failure_quarantines(
    svc: Services, inbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(textlike, "gate_text", lambda *a: ["PERSON value at 10"])
    batches = run_to_dispatch(svc, inbox)
    assert batches == []
    codes = {e.details["code"] for e in svc.ledger.events(action=Action.DOC_QUARANTINED.value)}
    assert "SR-RED-001" in codes


def test_collect_and_reassemble_restore_the_original(
    svc: Services, store: MemoryObjectStore, inbox: Path, tmp_path: Path
) -> None:
    batches = run_to_dispatch(svc, inbox)
    review(store, tmp_path, batches)
    outcome = collect.collect(svc)
    assert len(outcome.accepted) == 1 and outcome.rejected == []
    delivered = reassemble.reassemble(svc)
    assert len(delivered) == 2
    for doc_id in delivered:
        body = json.loads((svc.outbox / "m1" / f"{doc_id}.json").read_text())
        (ann,) = body["annotations"]
        assert ann["quote"] in {"Jane Roe", "Rahul Mehta"}
        assert ann["comment"] == f"Call {ann['quote']}"
    assert svc.ledger.verify().ok
    assert reassemble.reassemble(svc) == []
    assert collect.collect(svc).accepted == []


def test_bad_submission_is_rejected_without_losing_accepted_work(
    svc: Services, store: MemoryObjectStore, inbox: Path, tmp_path: Path
) -> None:
    (batch_id,) = run_to_dispatch(svc, inbox)
    review(store, tmp_path, [batch_id])
    collect.collect(svc)
    doc_id = svc.queue.manifest(batch_id).docs[0].doc_id
    bad = {
        "format": "sealroom.submission/2",
        "batch_id": batch_id,
        "reviewer": "ana",
        "epoch": 1,
        "annotations": [{"doc_id": doc_id, "start": 0, "end": 99999, "label": "ISSUE"}],
    }
    store.put(f"queues/general/submissions/{batch_id}/ana.json", json.dumps(bad).encode())
    outcome = collect.collect(svc)
    assert outcome.rejected == [f"{batch_id}/ana"]
    rejection = svc.queue.rejection(batch_id, "ana")  # written after the batch was closed
    assert rejection is not None and "after the claim was done" in rejection.reason
    reviews = load_reviews(svc, doc_id)
    assert len(reviews["ana"]["annotations"]) == 1


def test_date_shifting_keeps_intervals_per_patient_across_documents(
    svc: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from redaction.policy import Policy

    labels = frozenset({"PERSON", "DATE", "SSN"})
    shifting = Policy("medical", 1, labels, date_shift=True)
    monkeypatch.setattr(redact, "document_policy", lambda *a: shifting)
    inbox = tmp_path / "shift"
    inbox.mkdir()
    (inbox / "a.txt").write_text("Patient: Jane Roe\nAdmitted 01/10/2024, discharged 01/15/2024.\n")
    (inbox / "b.txt").write_text("Patient: Jane Roe\nSeen again 01/10/2024.\n")
    ingest.ingest_from(svc, DirInbox(inbox), DocKind.MEDICAL, MAX)
    texts = []
    for doc_id in states(svc):
        assert redact.redact_document(svc, doc_id).state == "redacted"
        record = svc.vault.get(svc.ref(doc_id, Purpose.PSEUDONYMS))
        texts.append(json.loads(record)["redacted_text"])
    shifted = sorted({d for t in texts for d in re.findall(r"\[DATE_(\d{4}-\d\d-\d\d)\]", t)})
    assert len(shifted) == 2  # the same date in both documents got the same shift
    first, second = (date.fromisoformat(d) for d in shifted)
    assert second - first == timedelta(days=5)
    assert all("01/10/2024" not in t and "2024-01-10" not in t for t in texts)


def test_collect_puts_the_claim_on_the_audit_trail_once(
    svc: Services, store: MemoryObjectStore, inbox: Path, tmp_path: Path
) -> None:
    batches = run_to_dispatch(svc, inbox)
    review(store, tmp_path, batches)
    collect.collect(svc)
    collect.collect(svc)
    claims = list(svc.ledger.events(action=Action.BATCH_CLAIMED.value))
    assert [(e.object_id, e.details["reviewer"], e.details["epoch"]) for e in claims] == [
        (batches[0], "ana", 1)
    ]
