from __future__ import annotations

from pathlib import Path

from intake.inbox import DirInbox
from models.audit import Action
from models.document import DocKind
from models.vault_ref import Purpose
from stages import ingest, redact
from stages.matter_keys import KEY_DOC, matter_key, matter_namer
from stages.services import Services


def test_matter_key_is_generated_once_and_sealed(svc: Services) -> None:
    first = matter_key(svc)
    assert len(first) == 32
    assert matter_key(svc) == first
    assert svc.vault.get(svc.ref(KEY_DOC, Purpose.MATTER_KEY)) == first


def test_tokens_are_consistent_across_documents_of_a_matter(svc: Services) -> None:
    assert matter_namer(svc).name("PERSON", "jane roe") == matter_namer(svc).name(
        "PERSON", "jane roe"
    )


def test_ledger_records_the_policy_of_each_document_kind(svc: Services, inbox: Path) -> None:
    ingest.ingest_from(svc, DirInbox(inbox), DocKind.LEGAL, 10_000_000)
    for event in svc.ledger.events(action=Action.DOC_INGESTED.value):
        redact.redact_document(svc, event.object_id)
    kinds = {
        e.object_id: e.details["kind"] for e in svc.ledger.events(action=Action.DOC_INGESTED.value)
    }
    versions = {
        kinds[e.object_id]: e.details["policy_version"]
        for e in svc.ledger.events(action=Action.DOC_REDACTED.value)
    }
    assert versions == {"medical": "medical/3", "legal": "legal/3"}


def test_racing_workers_all_use_the_one_key_that_won(tmp_path: Path) -> None:
    """Two workers asking for a new matter's key at once must not end up with two keys."""
    from concurrent.futures import ThreadPoolExecutor
    from threading import Barrier

    from vault import open_local_vault

    vault = open_local_vault(tmp_path / "vault", tmp_path / "keys")
    barrier = Barrier(4)

    def worker(_: int) -> bytes:
        svc = Services(
            tenant="t1",
            matter="m1",
            vault=vault,
            ledger=None,
            queue=None,  # type: ignore[arg-type]
            detector_factory=lambda: None,
            outbox=tmp_path,
        )
        barrier.wait()
        return matter_key(svc)

    with ThreadPoolExecutor(4) as pool:
        keys = set(pool.map(worker, range(4)))
    assert len(keys) == 1
