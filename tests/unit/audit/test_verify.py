"""Chain verification: each way an event can fail to follow names that event."""

from __future__ import annotations

from dataclasses import replace

import pytest

from audit import Ledger
from audit.verify import Anchor, verify
from models.audit import AuditEvent, EventDraft


def chain(n: int) -> list[AuditEvent]:
    ledger = Ledger("sqlite://")
    for i in range(n):
        ledger.append(EventDraft(f"k{i}", "a", "document.ingested", "document", f"doc-{i}"))
    return list(ledger.events())


@pytest.mark.parametrize(
    ("damage", "bad_seq", "reason"),
    [
        (lambda es: es[:1] + es[2:], 3, "seq 3 where 2 was expected"),
        (lambda es: [*es[:1], replace(es[1], prev_hash="0" * 64), *es[2:]], 2, "prev_hash"),
        (lambda es: [*es[:2], replace(es[2], object_id="doc-x"), *es[3:]], 3, "hash does not"),
    ],
)
def test_the_first_bad_event_is_named(damage, bad_seq: int, reason: str) -> None:  # type: ignore[no-untyped-def]
    result = verify(damage(chain(4)))
    assert (result.ok, result.first_bad_seq) == (False, bad_seq) and reason in result.reason


def test_an_anchor_reveals_a_truncated_tail() -> None:
    events = chain(3)
    assert verify(events, Anchor(3, events[2].hash)).ok
    cut = verify(events[:2], Anchor(3, events[2].hash))
    assert (cut.ok, cut.first_bad_seq, cut.reason) == (False, 3, "anchored event is missing")
