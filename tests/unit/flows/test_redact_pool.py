"""The redaction pool's chunking (no Prefect, no processes)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from flows.redact_pool import chunks


@given(st.lists(st.text(max_size=3), max_size=40), st.integers(1, 7))
def test_chunks_keep_order_and_size(ids: list[str], size: int) -> None:
    parts = chunks(ids, size)
    assert [i for part in parts for i in part] == ids
    assert all(1 <= len(part) <= size for part in parts)
    assert all(len(part) == size for part in parts[:-1])
