"""When to checkpoint: the first event of a new ledger, then every N events or T seconds;
a failing store never fails the append and the checkpoint is retried after the next one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from audit import Ledger
from audit.checkpoint import Checkpoint
from audit.checkpoint_store import MemoryCheckpoints
from audit.checkpointer import Checkpointer, ledger_id
from models.audit import EventDraft
from models.errors import StorageError
from vault.signing import Ed25519Signer

T0 = datetime(2031, 1, 5, 10, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


def append(book: Ledger, n: int) -> int:
    return book.append(EventDraft(f"k{n}", "op", "document.ingested", "document", f"d{n}")).seq


def setup(
    every_events: int = 3, anchor_first: bool = True
) -> tuple[Ledger, Checkpointer, MemoryCheckpoints, Clock]:
    book, store, clock = Ledger("sqlite://"), MemoryCheckpoints(), Clock()
    cps = Checkpointer(book, Ed25519Signer.generate(), [store], every_events=every_events,
                       every_seconds=60, clock=clock, anchor_first=anchor_first)  # fmt: skip
    return book, cps, store, clock


def sizes(store: MemoryCheckpoints, book: Ledger) -> list[int]:
    return sorted(cp.tree_size for cp in store.all(ledger_id(book)))


def test_first_event_then_every_n_events() -> None:
    book, cps, store, _ = setup(every_events=3)
    made = [cps.maybe(append(book, n)) for n in range(1, 8)]
    assert [m is not None for m in made] == [True, False, False, True, False, False, True]
    assert sizes(store, book) == [1, 4, 7]


def test_or_after_t_seconds() -> None:
    book, cps, store, clock = setup(every_events=100)
    cps.maybe(append(book, 1))
    assert cps.maybe(append(book, 2)) is None
    clock.now += timedelta(seconds=61)
    assert cps.maybe(append(book, 3)) is not None
    assert sizes(store, book) == [1, 3]


def test_without_anchor_first_a_new_ledger_waits_for_n() -> None:
    book, cps, _, _ = setup(every_events=2, anchor_first=False)
    assert cps.maybe(append(book, 1)) is None
    assert cps.maybe(append(book, 2)) is not None


def test_a_failing_store_is_retried_after_the_next_append() -> None:
    book = Ledger("sqlite://")

    class Failing(MemoryCheckpoints):
        fail = True

        def put(self, cp: Checkpoint) -> bool:
            if self.fail:
                raise StorageError("checkpoints", "SlowDown")
            return super().put(cp)

    flaky = Failing()
    cps = Checkpointer(book, Ed25519Signer.generate(), [flaky], every_events=1)
    assert cps.maybe(append(book, 1)) is None  # logged, not raised
    flaky.fail = False
    assert cps.maybe(append(book, 2)) is not None
    assert sizes(flaky, book) == [2]


def test_an_empty_ledger_has_no_id_and_no_checkpoint() -> None:
    book, cps, _, _ = setup()
    assert ledger_id(book) == "" and cps.checkpoint() is None
