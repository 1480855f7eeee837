"""Dispatch with routing rules, collect with claim checks, QC agreement and adjudication.

The vault is a plain dict fake (these tests are about the queue protocol, not sealing);
documents are put straight into the ledger as ingested + redacted, as the stages do.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from audit import Ledger, document_states
from audit.query import EventFilter, query
from config.settings import Settings
from models.audit import Action
from models.document import DocState, content_hash
from models.errors import VaultObjectMissing
from models.events import DocIngested, DocQuarantined, DocRedacted
from models.finding import RedactionResult
from models.vault_ref import Purpose, VaultRef
from review import MemoryObjectStore, ReviewerClient, ReviewQueue
from review.access import grant_current
from review.routing import Budget, RoutingTable, Rule, load_routing
from stages import collect, dispatch
from stages.records import dump_redaction
from stages.reviews import load_reviews
from stages.services import Services

# the settings' default kind -> policy mapping (the composition root passes the setting)
POLICY_BY_KIND = dict(
    Settings.model_fields["policy_by_kind"].get_default(call_default_factory=True)
)

REPO = Path(__file__).resolve().parents[3]
EN = "The patient [PERSON_1] was seen in the clinic and the plan is to continue. " * 3
ES = "El paciente [PERSON_1] fue visto en la clínica y el plan es que siga con los controles. "


class DictVault:
    def __init__(self) -> None:
        self.data: dict[VaultRef, bytes] = {}

    def put(self, ref: VaultRef, data: bytes) -> None:
        self.data[ref] = data

    def get(self, ref: VaultRef) -> bytes:
        if ref not in self.data:
            raise VaultObjectMissing(ref.document)
        return self.data[ref]

    def exists(self, ref: VaultRef) -> bool:
        return ref in self.data


@pytest.fixture
def store() -> MemoryObjectStore:
    """A store whose clock stands still: every write lands in the same second."""
    frozen = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
    return MemoryObjectStore(lambda: frozen)


def make_svc(store: MemoryObjectStore, tmp_path: Path, routing: RoutingTable | None) -> Services:
    return Services(
        tenant="t1",
        matter="m1",
        vault=DictVault(),  # type: ignore[arg-type]
        ledger=Ledger("sqlite://"),
        queue=ReviewQueue(store, "general"),
        detector_factory=lambda: None,
        outbox=tmp_path / "outbox",
        policy_by_kind=POLICY_BY_KIND,
        routing=routing,
    )


def ingested(doc_id: str, kind: str, data: bytes, **tags: Any) -> DocIngested:
    return DocIngested(
        kind=kind, media_type="text/plain", size=len(data), sha256=content_hash(data), **tags
    )


def add_doc(
    svc: Services, doc_id: str, kind: str, text: str = EN, pages: int = 1, **tags: Any
) -> None:
    """A document as ingest + redact leave it: ledger events and sealed objects."""
    data = text.encode()
    svc.record(f"ingest:{doc_id}", ingested(doc_id, kind, data, **tags), "document", doc_id)
    record = dump_redaction(RedactionResult(text, ()), "strict/1", "text/plain")
    svc.vault.put(svc.ref(doc_id, Purpose.PSEUDONYMS), record)
    svc.vault.put(svc.ref(doc_id, Purpose.RENDITION), data)
    digest = content_hash(data)
    redacted = DocRedacted(
        policy_version="strict/1",
        entities={},
        rendition_sha256=digest,
        text_sha256=digest,
        text_length=len(text),
        pages=pages,
    )
    svc.record(f"redact:{doc_id}", redacted, "document", doc_id)


def planned(svc: Services) -> dict[str, dict[str, Any]]:
    events = svc.ledger.events(action=Action.BATCH_PLANNED.value)
    return {e.object_id: e.details for e in events}


def test_shipped_routing_file_routes_by_kind_language_specialty_priority(
    store: MemoryObjectStore, tmp_path: Path
) -> None:
    svc = make_svc(store, tmp_path, load_routing(REPO / "config" / "routing.toml"))
    add_doc(svc, "doc-leg", "legal")
    add_doc(svc, "doc-med", "medical")
    add_doc(svc, "doc-es", "medical", ES * 3)
    add_doc(svc, "doc-onc", "medical", specialty="oncology")
    add_doc(svc, "doc-urg", "medical", ES * 3, priority="urgent")
    add_doc(svc, "doc-prv", "legal", specialty="privacy")
    dispatch.dispatch(svc)
    queue_of = {
        d: p["queue"] for p in planned(svc).values() if not p.get("qc_of") for d in p["docs"]
    }
    assert queue_of == {
        "doc-leg": "legal",
        "doc-med": "medical",
        "doc-es": "medical-es",
        "doc-onc": "medical-oncology",
        "doc-urg": "medical-urgent",
        "doc-prv": "legal-privacy",
    }
    urgent = next(p for p in planned(svc).values() if p["queue"] == "medical-urgent")
    assert (urgent["due_hours"], urgent["priority"]) == (24, "urgent")
    manifest = store_queue(store, "medical-urgent").manifest(batch_of(svc, "doc-urg"))
    assert manifest.due - manifest.created == timedelta(hours=24)
    assert manifest.priority == "urgent" and manifest.format == "sealroom.batch/2"


def store_queue(store: MemoryObjectStore, name: str) -> ReviewQueue:
    return ReviewQueue(store, name)


def batch_of(svc: Services, doc_id: str, qc: bool = False) -> str:
    return next(
        b
        for b, p in planned(svc).items()
        if doc_id in p["docs"] and bool(p.get("qc_of")) == qc and not p.get("adjudicates")
    )


def test_batches_respect_the_page_budget_and_keep_families_together(
    store: MemoryObjectStore, tmp_path: Path
) -> None:
    table = RoutingTable(defaults=Budget(max_docs=3, max_pages=10))
    svc = make_svc(store, tmp_path, table)
    for i in range(4):
        add_doc(svc, f"doc-f{i}", "legal", family="doc-f0", pages=2)
    for i in range(5):
        add_doc(svc, f"doc-s{i}", "legal", pages=4)
    dispatch.dispatch(svc)
    batches = [p["docs"] for p in planned(svc).values()]
    family = [b for b in batches if "doc-f0" in b]
    assert family == [["doc-f0", "doc-f1", "doc-f2", "doc-f3"]]  # over max_docs, never split
    for docs in batches:
        if docs not in family:
            assert len(docs) <= 3 and 4 * len(docs) <= 10
    assert sorted(d for b in batches for d in b) == sorted(
        [f"doc-f{i}" for i in range(4)] + [f"doc-s{i}" for i in range(5)]
    )


def test_family_waits_for_members_still_in_redaction(
    store: MemoryObjectStore, tmp_path: Path
) -> None:
    svc = make_svc(store, tmp_path, None)
    add_doc(svc, "doc-a", "legal", family="doc-a")
    svc.record(
        "ingest:doc-b", ingested("doc-b", "legal", b"x", family="doc-a"), "document", "doc-b"
    )
    assert dispatch.dispatch(svc) == []
    add_doc(svc, "doc-b", "legal", family="doc-a")
    (batch_id,) = dispatch.dispatch(svc)
    assert planned(svc)[batch_id]["docs"] == ["doc-a", "doc-b"]


def test_only_redacted_documents_are_dispatched(store: MemoryObjectStore, tmp_path: Path) -> None:
    svc = make_svc(store, tmp_path, None)
    add_doc(svc, "doc-ok", "legal")
    add_doc(svc, "doc-bad", "legal")
    quarantined = DocQuarantined(code="SR-RED-001", reason="x")
    svc.record("quarantine:doc-bad", quarantined, "document", "doc-bad")
    (batch_id,) = dispatch.dispatch(svc)
    assert [d.doc_id for d in svc.queue.manifest(batch_id).docs] == ["doc-ok"]


# --- collect: claims, epochs, rejections ---------------------------------------------------
@pytest.fixture
def one_batch(store: MemoryObjectStore, tmp_path: Path) -> Iterator[tuple[Services, str]]:
    svc = make_svc(store, tmp_path, None)
    add_doc(svc, "doc-a", "legal")
    (batch_id,) = dispatch.dispatch(svc)
    yield svc, batch_id


def submission(batch_id: str, reviewer: str, epoch: int, **change: Any) -> bytes:
    body = {
        "format": "sealroom.submission/2",
        "batch_id": batch_id,
        "reviewer": reviewer,
        "epoch": epoch,
        "annotations": [
            {"doc_id": "doc-a", "start": 4, "end": 11, "label": "NOTE", "quote": EN[4:11]}
        ],
        "verdicts": [{"doc_id": "doc-a", "verdict": "ok"}],
    } | change
    return json.dumps(body).encode()


def put_submission(store: MemoryObjectStore, batch_id: str, reviewer: str, raw: bytes) -> None:
    store.put(f"queues/general/submissions/{batch_id}/{reviewer}.json", raw)


CASES = [
    ("malformed", b"{not json", "malformed JSON"),
    ("oversized", submission("B", "ana", 1, pad="x" * 1_100_000), "limit 1000000"),
    (
        "out-of-range",
        submission(
            "B",
            "ana",
            1,
            annotations=[{"doc_id": "doc-a", "start": 4, "end": 99999, "label": "NOTE"}],
        ),
        "end 99999 beyond",
    ),
    (
        "wrong-label",
        submission(
            "B",
            "ana",
            1,
            annotations=[
                {"doc_id": "doc-a", "start": 4, "end": 11, "label": "GOSSIP", "quote": EN[4:11]}
            ],
        ),
        "label 'GOSSIP' not in",
    ),
    (
        "unknown-doc",
        submission("B", "ana", 1, verdicts=[{"doc_id": "doc-zz", "verdict": "ok"}]),
        "unknown document 'doc-zz'",
    ),
    ("stale-epoch", submission("B", "ana", 0), "epoch 0 is not the current claim's epoch 1"),
]


@pytest.mark.parametrize(("raw", "reason"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_submissions_rejected_with_reason_and_accepted_work_kept(
    store: MemoryObjectStore, one_batch: tuple[Services, str], raw: bytes, reason: str
) -> None:
    svc, batch_id = one_batch
    ReviewerClient(store, "general", "ana").claim(batch_id, 600)
    bad = raw.replace(b'"B"', json.dumps(batch_id).encode())
    put_submission(store, batch_id, "ana", bad)
    assert collect.collect(svc).rejected == [f"{batch_id}/ana"]
    rejection = ReviewerClient(store, "general", "ana").rejection(batch_id)
    assert rejection is not None and reason in rejection.reason
    put_submission(store, batch_id, "ana", submission(batch_id, "ana", 1))
    assert collect.collect(svc).accepted == [f"{batch_id}/ana"]
    put_submission(store, batch_id, "ana", submission(batch_id, "ana", 1, verdicts=[]) + b" ")
    assert collect.collect(svc).rejected == [f"{batch_id}/ana"]  # after acceptance: refused
    rejection = ReviewerClient(store, "general", "ana").rejection(batch_id)
    assert rejection is not None and "after the claim was done" in rejection.reason
    assert len(load_reviews(svc, "doc-a")["ana"]["annotations"]) == 1
    assert document_states(svc.ledger.events())["doc-a"] is DocState.REVIEWED


def test_unclaimed_batch_submission_refused(
    store: MemoryObjectStore, one_batch: tuple[Services, str]
) -> None:
    svc, batch_id = one_batch
    put_submission(store, batch_id, "ana", submission(batch_id, "ana", 1))
    assert collect.collect(svc).rejected == [f"{batch_id}/ana"]
    rejection = svc.queue.rejection(batch_id, "ana")
    assert rejection is not None and "nobody claimed" in rejection.reason


def test_submission_after_release_refused_and_epochs_never_restart(
    store: MemoryObjectStore, one_batch: tuple[Services, str]
) -> None:
    svc, batch_id = one_batch
    ana = ReviewerClient(store, "general", "ana")
    ana.claim(batch_id, 600)
    ana.release(batch_id)
    bob = ReviewerClient(store, "general", "bob")
    assert bob.claim(batch_id, 600).epoch == 2
    bob.release(batch_id)
    assert ana.claim(batch_id, 600).epoch == 3  # a released batch never goes back to epoch 1
    put_submission(store, batch_id, "ana", submission(batch_id, "ana", 1))  # an old epoch
    assert collect.collect(svc).rejected == [f"{batch_id}/ana"]


def test_accepting_closes_the_claim(
    store: MemoryObjectStore, one_batch: tuple[Services, str]
) -> None:
    svc, batch_id = one_batch
    ana = ReviewerClient(store, "general", "ana")
    ana.claim(batch_id, 600)
    grant_current(ReviewQueue(store, "general"), batch_id)  # the operator's side
    note = {"doc_id": "doc-a", "start": 0, "end": 3, "label": "NOTE", "quote": EN[0:3]}
    ana.submit(batch_id, [note])
    collect.collect(svc)
    claim = svc.queue.current_claim(batch_id)
    assert claim is not None and claim.state == "done"
    assert ReviewerClient(store, "general", "bob").available() == []


# --- QC --------------------------------------------------------------------------------
def qc_svc(store: MemoryObjectStore, tmp_path: Path) -> Services:
    table = RoutingTable(rule=(Rule(name="all", queue="general", qc_rate=1.0),))
    svc = make_svc(store, tmp_path, table)
    add_doc(svc, "doc-a", "legal")
    add_doc(svc, "doc-b", "legal")
    dispatch.dispatch(svc)
    return svc


def review(
    store: MemoryObjectStore,
    queue: str,
    batch_id: str,
    who: str,
    verdicts: list[str],
    spans: list[tuple[str, int, int]],
) -> None:
    client = ReviewerClient(store, queue, who)
    client.claim(batch_id, 600)
    grant_current(ReviewQueue(store, queue), batch_id)  # the operator's side
    anns = [
        {"doc_id": d, "start": s, "end": e, "label": "NOTE", "quote": EN[s:e]} for d, s, e in spans
    ]
    vs = [{"doc_id": d, "verdict": v} for d, v in zip(["doc-a", "doc-b"], verdicts, strict=True)]
    client.submit(batch_id, anns, vs)


def qc_events(svc: Services) -> list[dict[str, Any]]:
    return [e.details for e in svc.ledger.events(action=Action.QC_AGREEMENT.value)]


def test_qc_agreement_recorded_and_documents_released(
    store: MemoryObjectStore, tmp_path: Path
) -> None:
    svc = qc_svc(store, tmp_path)
    primary, copy = batch_of(svc, "doc-a"), batch_of(svc, "doc-a", qc=True)
    assert ReviewQueue(store, "general-qc").manifest(copy).qc_of == primary
    review(store, "general", primary, "ana", ["ok", "responsive"], [("doc-a", 0, 3)])
    collect.collect(svc)
    assert document_states(svc.ledger.events())["doc-a"] is DocState.DISPATCHED  # waits for QC
    review(store, "general-qc", copy, "bob", ["ok", "responsive"], [("doc-a", 0, 3)])
    collect.collect(svc)
    (event,) = qc_events(svc)
    assert (event["reviewer"], event["qc_reviewer"], event["agree"]) == ("ana", "bob", True)
    assert (event["span_f1"], event["kappa"]) == (1.0, 1.0)
    assert document_states(svc.ledger.events())["doc-a"] is DocState.REVIEWED


@pytest.mark.parametrize("by", ["qc-batch", "qc-reviewer", "primary", "reviewer"])
def test_audit_query_finds_the_qc_agreement_by_either_batch_and_reviewer(
    store: MemoryObjectStore, tmp_path: Path, by: str
) -> None:
    """Regression: ``audit query --batch <QC copy>`` / ``--reviewer <QC reviewer>`` missed
    the ``qc.agreement`` event (it names them as ``qc_batch`` / ``qc_reviewer``)."""
    svc = qc_svc(store, tmp_path)
    primary, copy = batch_of(svc, "doc-a"), batch_of(svc, "doc-a", qc=True)
    review(store, "general", primary, "ana", ["ok", "ok"], [])
    review(store, "general-qc", copy, "bob", ["ok", "ok"], [])
    collect.collect(svc)
    wanted = {
        "qc-batch": EventFilter(batch=copy),
        "qc-reviewer": EventFilter(reviewer="bob"),
        "primary": EventFilter(batch=primary),
        "reviewer": EventFilter(reviewer="ana"),
    }[by]
    actions = [e.action for e in query(svc.ledger, wanted)]
    assert Action.QC_AGREEMENT.value in actions


def test_qc_by_the_same_reviewer_is_refused(store: MemoryObjectStore, tmp_path: Path) -> None:
    svc = qc_svc(store, tmp_path)
    primary, copy = batch_of(svc, "doc-a"), batch_of(svc, "doc-a", qc=True)
    review(store, "general", primary, "ana", ["ok", "ok"], [])
    review(store, "general-qc", copy, "ana", ["ok", "ok"], [])
    outcome = collect.collect(svc)
    assert outcome.rejected == [f"{copy}/ana"]
    assert qc_events(svc) == []


def test_disagreement_goes_to_adjudication(store: MemoryObjectStore, tmp_path: Path) -> None:
    svc = qc_svc(store, tmp_path)
    primary, copy = batch_of(svc, "doc-a"), batch_of(svc, "doc-a", qc=True)
    review(store, "general", primary, "ana", ["ok", "responsive"], [("doc-a", 0, 3)])
    review(store, "general-qc", copy, "bob", ["privileged", "ok"], [("doc-b", 5, 9)])
    collect.collect(svc)
    (event,) = qc_events(svc)
    assert event["agree"] is False and event["span_f1"] == 0.0
    adjudication = ReviewQueue(store, "general-adjudication")
    (adj_id,) = adjudication.list_batches()
    manifest = adjudication.manifest(adj_id)
    assert manifest.adjudicates == primary
    assert [(p.reviewer, len(p.annotations)) for p in manifest.prior_reviews] == [
        ("ana", 1),
        ("bob", 1),
    ]
    assert document_states(svc.ledger.events())["doc-a"] is DocState.DISPATCHED
    review(store, "general-adjudication", adj_id, "ana", ["ok", "ok"], [])
    assert collect.collect(svc).rejected == [f"{adj_id}/ana"]  # not one of the two
    ReviewerClient(store, "general-adjudication", "ana").release(adj_id)
    review(store, "general-adjudication", adj_id, "carla", ["ok", "ok"], [])
    collect.collect(svc)
    assert document_states(svc.ledger.events())["doc-a"] is DocState.REVIEWED
    assert collect.collect(svc).accepted == []  # idempotent


def test_resubmission_after_close_is_refused(store: MemoryObjectStore, tmp_path: Path) -> None:
    clock = [datetime(2025, 3, 1, 12, 0, tzinfo=UTC)]
    moving = MemoryObjectStore(lambda: clock[0])
    svc = make_svc(moving, tmp_path, None)
    add_doc(svc, "doc-a", "legal")
    (batch_id,) = dispatch.dispatch(svc)
    ReviewerClient(moving, "general", "ana").claim(batch_id, 600)
    put_submission(moving, batch_id, "ana", submission(batch_id, "ana", 1))
    collect.collect(svc)
    clock[0] += timedelta(seconds=5)
    put_submission(moving, batch_id, "ana", submission(batch_id, "ana", 1, verdicts=[]))
    assert collect.collect(svc).rejected == [f"{batch_id}/ana"]
    rejection = svc.queue.rejection(batch_id, "ana")
    assert rejection is not None and "after the claim was done" in rejection.reason
    assert load_reviews(svc, "doc-a")["ana"]["verdicts"] == [
        {"doc_id": "doc-a", "verdict": "ok", "comment": ""}
    ]
