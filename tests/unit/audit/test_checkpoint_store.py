"""Checkpoint stores are write-once: a second checkpoint of the same head never replaces
the first (local files and the in-memory fake behave alike)."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit import Ledger
from audit.checkpoint import ledger_id_of, make_checkpoint
from audit.checkpoint_store import LocalCheckpoints, MemoryCheckpoints
from models.audit import EventDraft
from vault.signing import Ed25519Signer


@pytest.mark.parametrize("kind", ["local", "memory"])
def test_write_once_and_read_back(tmp_path: Path, kind: str) -> None:
    store = LocalCheckpoints(tmp_path / "cps") if kind == "local" else MemoryCheckpoints()
    ledger = Ledger("sqlite://")
    head = ledger.append(EventDraft("k1", "a", "document.ingested", "document", "doc-1"))
    ledger_id = ledger_id_of(head.hash)
    assert store.all(ledger_id) == []
    first = make_checkpoint(head, ledger_id, Ed25519Signer.generate())
    again = make_checkpoint(head, ledger_id, Ed25519Signer.generate())  # same head, other key
    assert again.name == first.name
    assert store.put(first) is True
    assert store.put(again) is False  # the first record of that name stays
    assert store.all(ledger_id) == [first]
    assert store.all(ledger_id_of("0" * 64)) == []  # another ledger's checkpoints are apart
    if kind == "local":
        assert not list((tmp_path / "cps").glob(".part-*"))  # no temp file left behind
