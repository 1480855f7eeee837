"""Detection over many texts: contiguous shares of about equal size, results in input order,
small jobs in one process, large ones over forked workers."""

from __future__ import annotations

import os
from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.finding import Finding
from redaction import parallel


class LengthDetector:
    """Reports one finding per text: its length, and the process that detected it."""

    def detect_many(self, texts: Sequence[str]) -> list[list[Finding]]:
        return [[Finding(0, len(t), "X", 1.0, f"pid:{os.getpid()}")] for t in texts]


@given(st.lists(st.text(max_size=30), max_size=40), st.integers(min_value=1, max_value=12))
def test_shares_are_contiguous_and_cover_every_text(texts: list[str], parts: int) -> None:
    groups = parallel.shares(texts, parts)
    assert [i for g in groups for i in g] == list(range(len(texts)))
    assert all(groups) or not texts
    assert len(groups) <= max(1, len(texts))


def test_shares_balance_characters() -> None:
    texts = ["a" * 10] * 8
    assert parallel.shares(texts, 4) == [[0, 1], [2, 3], [4, 5], [6, 7]]


def test_small_jobs_stay_in_this_process() -> None:
    found = parallel.detect_parallel(LengthDetector(), ["ab", "abc"], workers=4)
    assert [f[0].end for f in found] == [2, 3]
    assert {f[0].source for f in found} == {f"pid:{os.getpid()}"}


@pytest.mark.skipif("fork" not in parallel._methods(), reason="no fork start method here")
def test_large_jobs_are_spread_over_workers_in_input_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(parallel, "MIN_PARALLEL_CHARS", 10)
    texts = ["x" * n for n in range(1, 13)]
    found = parallel.detect_parallel(LengthDetector(), texts, workers=2)
    assert [f[0].end for f in found] == list(range(1, 13))
    assert f"pid:{os.getpid()}" not in {f[0].source for f in found}
