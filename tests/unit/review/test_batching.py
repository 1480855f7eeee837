"""Batch cutting: whole families, within the budget, urgent work first (properties)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from review.batching import cut, priority_rank
from review.routing import PRIORITY_ORDER, Budget, DocRoute

DOCS = st.lists(
    st.builds(
        DocRoute,
        doc_id=st.from_regex(r"doc-[0-9]{3}", fullmatch=True),
        kind=st.just("legal"),
        priority=st.sampled_from(PRIORITY_ORDER),
        pages=st.integers(1, 5),
        family=st.sampled_from([None, "fam-a", "fam-b"]),
    ),
    max_size=25,
    unique_by=lambda d: d.doc_id,
)


@given(DOCS, st.integers(1, 6), st.integers(5, 20))
def test_every_document_once_and_families_never_split(
    docs: list[DocRoute], max_docs: int, max_pages: int
) -> None:
    batches = cut(docs, Budget(max_docs=max_docs, max_pages=max_pages))
    placed = [d.doc_id for batch in batches for d in batch]
    assert sorted(placed) == sorted(d.doc_id for d in docs)
    for family in {d.family for d in docs} - {None}:
        assert sum(any(d.family == family for d in b) for b in batches) == 1


@given(DOCS)
def test_a_batch_exceeds_the_budget_only_when_one_family_alone_does(docs: list[DocRoute]) -> None:
    budget = Budget(max_docs=3, max_pages=8)
    for batch in cut(docs, budget):
        pages = sum(d.pages for d in batch)
        if len(batch) > budget.max_docs or pages > budget.max_pages:
            assert len({d.family or d.doc_id for d in batch}) == 1


def test_priority_rank() -> None:
    assert [priority_rank(p) for p in (*PRIORITY_ORDER, "unknown")] == [0, 1, 2, 3, 4]
