"""Checkpoint stores are write-once: a second checkpoint of the same head never replaces
the first (local files and the in-memory fake behave alike)."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit import Ledger
from audit.checkpoint import make_checkpoint
from audit.checkpoint_store import LocalCheckpoints, MemoryCheckpoints
from models.audit import EventDraft
from vault.signing import Ed25519Signer


@pytest.mark.parametrize("kind", ["local", "memory"])
def test_write_once_and_read_back(tmp_path: Path, kind: str) -> None:
    store = LocalCheckpoints(tmp_path / "cps") if kind == "local" else MemoryCheckpoints()
    assert store.all() == []
    ledger = Ledger("sqlite://")
    head = ledger.append(EventDraft("k1", "a", "document.ingested", "document", "doc-1"))
    signer = Ed25519Signer.generate()
    first = make_checkpoint(head, "2025-03-01T00:00:00.000000Z", signer)
    later = make_checkpoint(head, "2025-03-02T00:00:00.000000Z", signer)
    assert store.put(first) is True
    assert store.put(first) is False
    if later.name == first.name:
        assert store.put(later) is False  # the first record of that name stays
    assert store.all()[0] == first
    if kind == "local":
        assert not list((tmp_path / "cps").glob(".part-*"))  # no temp file left behind
