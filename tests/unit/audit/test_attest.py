"""Full verification, failing closed (a table of situations): anchored by a pinned key's
checkpoint, or named problems for no key, no anchor, a foreign key, an unpinned published
key, an unreadable store, and an unanchored tail as a note."""

from __future__ import annotations

from audit import Ledger
from audit.attest import NO_KEY, UNANCHORED, attest, key_problems
from audit.checkpoint import Checkpoint
from audit.checkpoint_store import MemoryCheckpoints
from audit.checkpointer import Checkpointer
from models.audit import EventDraft
from models.errors import StorageError
from vault.signing import Ed25519Signer


def ledger_with(n: int, signer: Ed25519Signer, store: MemoryCheckpoints, every: int) -> Ledger:
    book = Ledger("sqlite://")
    cps = Checkpointer(book, signer, [store], every_events=every, anchor_first=False)
    for i in range(1, n + 1):
        cps.maybe(book.append(EventDraft(f"k{i}", "op", "document.ingested", "document", "d")).seq)
    return book


def test_anchored_by_the_pinned_key_with_a_note_for_the_tail() -> None:
    signer, store = Ed25519Signer.generate(), MemoryCheckpoints()
    book = ledger_with(5, signer, store, every=2)
    result = attest(book, [store], [signer], published=[signer.vkey])
    assert result.ok and (result.checkpoints, result.anchored) == (2, 4)
    assert result.notes == ["1 event(s) after the last checkpoint (tree size 4) not anchored yet"]
    assert result.key_ids == (signer.key_id,)


def test_no_pinned_key_and_no_anchor_fail() -> None:
    signer, store = Ed25519Signer.generate(), MemoryCheckpoints()
    book = ledger_with(3, signer, store, every=100)  # never checkpointed
    result = attest(book, [store], [])
    assert not result.ok and NO_KEY in result.problems and UNANCHORED in result.problems
    allowed = attest(book, [store], [signer], allow_unanchored=True)
    assert allowed.ok and allowed.notes[0].startswith(UNANCHORED)


def test_a_checkpoint_by_another_key_is_a_problem_not_an_anchor() -> None:
    signer, store = Ed25519Signer.generate(), MemoryCheckpoints()
    book = ledger_with(2, signer, store, every=2)
    result = attest(book, [store], [Ed25519Signer.generate()])
    assert not result.ok and result.checkpoints == 0
    assert any("tree size 2" in p for p in result.problems)


def test_published_keys_must_be_pinned() -> None:
    pinned, other = Ed25519Signer.generate(), Ed25519Signer.generate()
    assert key_problems([pinned], None) == []
    assert key_problems([pinned], [pinned.vkey + "\n"]) == []
    assert "not the pinned key" in key_problems([pinned], [other.vkey])[0]
    assert "no checkpoint key is published" in key_problems([pinned], [])[0]


def test_an_unreadable_store_is_named_and_another_still_anchors() -> None:
    signer, store = Ed25519Signer.generate(), MemoryCheckpoints()
    book = ledger_with(2, signer, store, every=2)

    class Down(MemoryCheckpoints):
        def all(self, ledger_id: str) -> list[Checkpoint]:
            raise StorageError("s3", "SlowDown")

    result = attest(book, [Down("s3"), store], [signer])
    assert result.checkpoints == 1 and result.problems == ["s3 checkpoints unreadable"]
