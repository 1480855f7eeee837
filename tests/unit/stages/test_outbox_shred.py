"""`vault shred` and the outbox: refuse naming the doc ids, or purge; counts on the ledger."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit import Ledger
from models.audit import Outcome
from models.errors import LegalHoldActive, OutboxNotEmpty
from models.vault_ref import Purpose, VaultRef
from stages import outbox_shred
from vault import KeyScope, LegalHolds, LocalDirStore, LocalKeyProvider, Sealer, Vault

REF = VaultRef("tenant-a", "matter-1", "doc-1", Purpose.ORIGINAL)
SCOPE = KeyScope.of(REF)
FILES = ["doc-aaa.json", "doc-bbb.json", "doc-bbb.pdf", ".part-1234"]


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Vault, Ledger, Path]:
    vault = Vault(LocalDirStore(tmp_path / "vault"), Sealer(LocalKeyProvider(tmp_path / "keys")))
    vault.put(REF, b"sealed original")
    outbox = tmp_path / "outbox"
    (outbox / "matter-1").mkdir(parents=True)
    (outbox / "matter-2").mkdir()
    for name in FILES:
        (outbox / "matter-1" / name).write_bytes(b"plaintext deliverable")
    (outbox / "matter-2" / "doc-zzz.json").write_bytes(b"another matter")
    return vault, Ledger("sqlite://"), outbox


def _events(ledger: Ledger) -> list[tuple[str, Outcome, dict]]:
    return [(e.action, e.outcome, e.details) for e in ledger.events()]


def test_refused_while_deliverables_exist_naming_them(setup: tuple[Vault, Ledger, Path]) -> None:
    vault, ledger, outbox = setup
    with pytest.raises(OutboxNotEmpty) as info:
        outbox_shred.shred(vault, ledger, SCOPE, "op", outbox=outbox)
    assert "doc-aaa, doc-bbb" in info.value.message
    assert vault.get(REF) == b"sealed original"  # nothing shredded
    assert len(list((outbox / "matter-1").iterdir())) == len(FILES)
    ((action, outcome, details),) = _events(ledger)
    assert (action, outcome, details["outbox_files"]) == ("vault.shredded", Outcome.REJECTED, 4)


def test_purge_removes_the_matter_deliverables_then_shreds(
    setup: tuple[Vault, Ledger, Path],
) -> None:
    vault, ledger, outbox = setup
    done = outbox_shred.shred(vault, ledger, SCOPE, "op", outbox=outbox, purge_outbox=True)
    assert done.outbox_removed == 4 and done.report.keys_destroyed == 1
    assert list((outbox / "matter-1").iterdir()) == []
    assert (outbox / "matter-2" / "doc-zzz.json").exists()  # other matters untouched
    (purged, shredded) = _events(ledger)
    assert purged[:2] == ("vault.outbox_purged", Outcome.OK)
    assert (purged[2]["files_removed"], purged[2]["documents"]) == (4, 3)
    assert shredded[:2] == ("vault.shredded", Outcome.OK)


def test_legal_hold_refuses_before_anything_is_removed(
    setup: tuple[Vault, Ledger, Path],
) -> None:
    vault, ledger, outbox = setup
    LegalHolds(vault.store).place(SCOPE, "2025-03-01T12:00:00Z", "op")
    with pytest.raises(LegalHoldActive):
        outbox_shred.shred(vault, ledger, SCOPE, "op", outbox=outbox, purge_outbox=True)
    assert len(list((outbox / "matter-1").iterdir())) == len(FILES)


def test_empty_outbox_shreds_as_before(tmp_path: Path) -> None:
    vault = Vault(LocalDirStore(tmp_path / "v"), Sealer(LocalKeyProvider(tmp_path / "k")))
    vault.put(REF, b"x")
    done = outbox_shred.shred(vault, Ledger("sqlite://"), SCOPE, "op", outbox=tmp_path / "none")
    assert (done.outbox_removed, done.report.keys_destroyed) == (0, 1)
