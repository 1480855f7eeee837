"""Planning chunks for the work pool (no Prefect, no ledger): documents a live chunk run
holds are not handed out again; a chunk run past its lease holds nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flows.chunk_plan import LIVE_STATES, LiveChunk, plan

NOW = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
LEASE = 600.0


def chunk(run: str, ids: str, state: str = "RUNNING", age_s: float = 10) -> LiveChunk:
    return LiveChunk(run, tuple(ids.split()), state, NOW - timedelta(seconds=age_s))


CASES = [
    # (pending, live chunk runs, size) -> (parts, held, expired)
    ("a b c d e", [], 2, [["a", "b"], ["c", "d"], ["e"]], "", ()),
    ("a b c d e", [chunk("r1", "a b")], 2, [["c", "d"], ["e"]], "a b", ()),
    # a queued run holds its documents however long it has waited for a worker
    ("a b c", [chunk("r1", "a", "SCHEDULED", age_s=86_400)], 5, [["b", "c"]], "a", ()),
    # taken by a worker that died: past its lease, its documents are planned again
    ("a b c", [chunk("r1", "a b", "RUNNING", age_s=LEASE)], 5, [["a", "b", "c"]], "", ("r1",)),
    ("a b c", [chunk("r1", "a b", "PENDING", age_s=LEASE + 1)], 5, [["a", "b", "c"]], "", ("r1",)),
    # a live run whose documents are already done holds nothing pending
    ("c", [chunk("r1", "a b")], 5, [["c"]], "", ()),
    ("a b", [chunk("r1", "a"), chunk("r2", "b", "PAUSED")], 5, [], "a b", ()),
    ("", [chunk("r1", "a")], 5, [], "", ()),
]


@pytest.mark.parametrize(("pending", "live", "size", "parts", "held", "expired"), CASES)
def test_plan(
    pending: str,
    live: list[LiveChunk],
    size: int,
    parts: list[list[str]],
    held: str,
    expired: tuple[str, ...],
) -> None:
    got = plan(pending.split(), live, size, NOW, LEASE)
    assert (got.parts, got.held, got.expired) == (parts, frozenset(held.split()), expired)


def test_counts_name_documents_and_runs() -> None:
    got = plan(
        ["a", "b", "c", "d"], [chunk("r1", "a"), chunk("r2", "x", age_s=LEASE)], 2, NOW, LEASE
    )
    assert got.counts() == {"handed_out": 3, "chunk_runs": 2, "in_flight": 1, "expired_runs": 1}


IDS = st.sampled_from("abcdefgh")
LIVE = st.builds(
    LiveChunk,
    st.uuids().map(str),
    st.lists(IDS, max_size=4).map(tuple),
    st.sampled_from(LIVE_STATES),
    st.integers(0, 1200).map(lambda s: NOW - timedelta(seconds=s)),
)


@given(st.lists(IDS, unique=True), st.lists(LIVE, max_size=4), st.integers(1, 4))
def test_every_pending_document_is_handed_out_once_or_held(
    pending: list[str], live: list[LiveChunk], size: int
) -> None:
    got = plan(pending, live, size, NOW, LEASE)
    handed = [d for part in got.parts for d in part]
    assert len(handed) == len(set(handed))
    assert set(handed).isdisjoint(got.held)
    assert set(handed) | got.held == set(pending)
    assert all(1 <= len(part) <= size for part in got.parts)
