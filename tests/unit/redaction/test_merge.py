"""Merging findings: sorted, non-overlapping, covering every input span (property)."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from models.finding import Finding
from redaction.merge import merge

FINDINGS = st.lists(
    st.builds(
        lambda s, n, label: Finding(s, s + n, label),
        st.integers(0, 50),
        st.integers(1, 10),
        st.sampled_from(["PERSON", "DATE", "SSN"]),
    ),
    max_size=20,
)


@given(FINDINGS)
def test_merged_spans_are_disjoint_sorted_and_cover_the_inputs(findings: list[Finding]) -> None:
    merged = merge(findings)
    assert all(a.end <= b.start for a, b in pairwise(merged))
    for f in findings:
        assert any(m.start <= f.start and f.end <= m.end for m in merged)


def test_the_longest_member_names_the_union() -> None:
    merged = merge([Finding(0, 4, "DATE"), Finding(2, 12, "PERSON"), Finding(20, 23, "SSN")])
    assert merged == [Finding(0, 12, "PERSON"), Finding(20, 23, "SSN")]
