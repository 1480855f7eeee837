"""Cut batches within a document/page budget, never splitting a family.

Documents of the same family (e.g. an e-mail and its attachments) always share a
batch; a family larger than the budget gets a batch of its own. Families are packed
in order of priority, then id, so the cut is deterministic.
"""

from __future__ import annotations

from collections.abc import Iterable

from review.routing import PRIORITY_ORDER, Budget, DocRoute


def families(docs: Iterable[DocRoute]) -> list[list[DocRoute]]:
    """Groups of documents that must travel together, in a deterministic order."""
    groups: dict[str, list[DocRoute]] = {}
    for doc in sorted(docs, key=lambda d: d.doc_id):
        groups.setdefault(doc.family or doc.doc_id, []).append(doc)
    return sorted(groups.values(), key=_group_order)


def _group_order(group: list[DocRoute]) -> tuple[int, str]:
    ranks = [priority_rank(d.priority) for d in group]
    return (min(ranks), group[0].doc_id)


def priority_rank(priority: str) -> int:
    return PRIORITY_ORDER.index(priority) if priority in PRIORITY_ORDER else len(PRIORITY_ORDER)


def cut(docs: Iterable[DocRoute], budget: Budget) -> list[list[DocRoute]]:
    """Pack whole families greedily into batches of at most ``max_docs``/``max_pages``."""
    batches: list[list[DocRoute]] = []
    current: list[DocRoute] = []
    for group in families(docs):
        if current and not _fits(current + group, budget):
            batches.append(current)
            current = []
        current = current + group
    if current:
        batches.append(current)
    return batches


def _fits(docs: list[DocRoute], budget: Budget) -> bool:
    pages = sum(max(d.pages, 1) for d in docs)
    return len(docs) <= budget.max_docs and pages <= budget.max_pages
