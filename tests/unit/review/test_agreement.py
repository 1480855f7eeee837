"""QC agreement: span F1 and Cohen's kappa (known-answer vectors and properties)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from review.agreement import ReviewWork, cohen_kappa, compare, span_f1

SPANS = st.frozensets(st.tuples(st.just("d"), st.integers(0, 9), st.integers(10, 19), st.just("L")))


@pytest.mark.parametrize(
    ("pairs", "kappa"),
    [
        ([], None),
        ([("ok", "ok"), ("bad", "bad")], 1.0),
        ([("ok", "bad"), ("bad", "ok")], -1.0),
        ([("ok", "ok"), ("ok", "ok")], 1.0),  # chance agreement total, observed total
        ([("ok", "ok"), ("ok", "bad"), ("bad", "bad"), ("bad", "bad")], 0.5),
    ],
)
def test_kappa_known_answers(pairs: list[tuple[str, str]], kappa: float | None) -> None:
    assert (
        cohen_kappa(pairs) == pytest.approx(kappa)
        if kappa is not None
        else cohen_kappa(pairs) is None
    )


@given(SPANS, SPANS)
def test_span_f1_is_symmetric_and_bounded(a: frozenset, b: frozenset) -> None:  # type: ignore[type-arg]
    assert span_f1(a, b) == span_f1(b, a)
    assert 0.0 <= span_f1(a, b) <= 1.0
    assert span_f1(a, a) == 1.0


def test_compare_counts_ids_and_numbers_only() -> None:
    a = ReviewWork.from_dumps(
        [{"doc_id": "d", "start": 0, "end": 3, "label": "L", "comment": "x"}],
        [{"doc_id": "d", "verdict": "ok"}],
    )
    b = ReviewWork.from_dumps([], [{"doc_id": "d", "verdict": "ok"}])
    result = compare(a, b)
    assert (result.span_f1, result.kappa, result.spans_a, result.spans_b) == (0.0, 1.0, 1, 0)
    assert result.verdict_pairs == 1 and not result.agrees(0.8, 0.6)
