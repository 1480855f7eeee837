"""The events table row mapping: an event round-trips through its row; a damaged row is a
LedgerIntegrityError naming the event's seq, never its content."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit.schema import events_table, from_row, to_row
from models.audit import AuditEvent, Outcome
from models.errors import LedgerIntegrityError

EVENT = AuditEvent(
    7, "2026-01-05T10:00:00+00:00", "k7", "op", "document.ingested", "document", "doc-1",
    Outcome.OK, "m1", {"size": 3, "kind": "legal"}, "0" * 64, "1" * 64,
)  # fmt: skip

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)


def test_the_row_has_every_column() -> None:
    assert set(to_row(EVENT)) == {c.name for c in events_table.columns}
    assert to_row(EVENT)["details"] == '{"kind":"legal","size":3}'  # canonical JSON


@given(st.dictionaries(st.text(max_size=6), JSON, max_size=4), st.sampled_from(list(Outcome)))
def test_events_round_trip(details: dict[str, Any], outcome: Outcome) -> None:
    event = AuditEvent(1, "t", "k", "a", "x.y", "document", "d", outcome, "m", details, "p", "h")
    assert from_row(to_row(event)) == event  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "damage", [{"details": "{not json"}, {"details": "[1, 2]"}, {"outcome": "sideways"}]
)
def test_a_damaged_row_names_its_seq_only(damage: dict[str, str]) -> None:
    row = {**to_row(EVENT), **damage}
    with pytest.raises(LedgerIntegrityError) as info:
        from_row(row)  # type: ignore[arg-type]
    assert info.value.ref == "7" and "legal" not in str(info.value)
