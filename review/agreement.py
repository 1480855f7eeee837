"""Agreement between two reviews of the same documents: span F1 and Cohen's kappa.

Spans agree when document, start, end and label are all equal (exact match). Verdicts
are compared per document reviewed by both; kappa is ``None`` when there is no pair.
Inputs and outputs are ids, offsets, labels and numbers: never comments or text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from models.audit import AuditEvent
from models.events import QcAgreement, payloads

Span = tuple[str, int, int, str]  # doc_id, start, end, label


@dataclass(frozen=True)
class ReviewWork:
    spans: frozenset[Span] = frozenset()
    verdicts: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_dumps(
        cls, annotations: Iterable[Mapping[str, Any]], verdicts: Iterable[Mapping[str, Any]]
    ) -> ReviewWork:
        spans = frozenset(
            (str(a["doc_id"]), int(a["start"]), int(a["end"]), str(a["label"])) for a in annotations
        )
        return cls(spans, {str(v["doc_id"]): str(v["verdict"]) for v in verdicts})


@dataclass(frozen=True)
class Agreement:
    span_f1: float
    kappa: float | None
    spans_a: int
    spans_b: int
    spans_matched: int
    verdict_pairs: int

    def agrees(self, min_span_f1: float, min_kappa: float) -> bool:
        kappa_ok = self.kappa is None or self.kappa >= min_kappa
        return self.span_f1 >= min_span_f1 and kappa_ok


def span_f1(a: frozenset[Span], b: frozenset[Span]) -> float:
    """F1 of ``b`` against ``a`` (symmetric); two empty reviews agree fully."""
    if not a and not b:
        return 1.0
    return 2 * len(a & b) / (len(a) + len(b))


def cohen_kappa(pairs: list[tuple[str, str]]) -> float | None:
    """Cohen's kappa over paired labels; 1.0 when chance agreement is total and observed too."""
    n = len(pairs)
    if n == 0:
        return None
    observed = sum(1 for x, y in pairs if x == y) / n
    first, second = Counter(x for x, _ in pairs), Counter(y for _, y in pairs)
    expected = sum(first[k] * second[k] for k in first) / (n * n)
    if expected >= 1.0:
        return 1.0 if observed >= 1.0 else 0.0
    return (observed - expected) / (1.0 - expected)


def compare(a: ReviewWork, b: ReviewWork) -> Agreement:
    both = sorted(set(a.verdicts) & set(b.verdicts))
    pairs = [(a.verdicts[d], b.verdicts[d]) for d in both]
    return Agreement(
        span_f1=round(span_f1(a.spans, b.spans), 4),
        kappa=None if (k := cohen_kappa(pairs)) is None else round(k, 4),
        spans_a=len(a.spans),
        spans_b=len(b.spans),
        spans_matched=len(a.spans & b.spans),
        verdict_pairs=len(pairs),
    )


@dataclass
class ReviewerAgreement:
    """A reviewer's QC record: how often and how well it agreed with its counterpart."""

    comparisons: int = 0
    disagreements: int = 0
    f1_sum: float = 0.0
    kappa_sum: float = 0.0
    kappa_count: int = 0

    @property
    def mean_span_f1(self) -> float | None:
        return self.f1_sum / self.comparisons if self.comparisons else None

    @property
    def mean_kappa(self) -> float | None:
        return self.kappa_sum / self.kappa_count if self.kappa_count else None


def by_reviewer(events: Iterable[AuditEvent]) -> dict[str, ReviewerAgreement]:
    """Fold ``qc.agreement`` events into one record per reviewer (both sides count)."""
    table: dict[str, ReviewerAgreement] = {}
    for _, qc in payloads(events, QcAgreement):
        for who in (qc.reviewer, qc.qc_reviewer):
            record = table.setdefault(who, ReviewerAgreement())
            record.comparisons += 1
            record.disagreements += 0 if qc.agree else 1
            record.f1_sum += qc.span_f1
            if qc.kappa is not None:
                record.kappa_sum += qc.kappa
                record.kappa_count += 1
    return table
