"""Merging overlapping findings into sorted, non-overlapping spans."""

from __future__ import annotations

from collections.abc import Iterable

from models.finding import Finding

# Breaks ties when overlapping findings disagree on the label (after length and score).
PRIORITY: dict[str, int] = {
    "SSN": 90, "CREDIT_CARD": 89, "EMAIL": 88, "URL": 87, "IP_ADDRESS": 86, "PHONE": 85,
    "MRN": 80, "HEALTH_PLAN": 79, "LICENSE": 78, "VEHICLE": 77, "DEVICE": 76, "ACCOUNT": 75,
    "AGE": 60, "DATE": 55, "PERSON": 50, "ADDRESS": 40, "ORGANIZATION": 30,
}  # fmt: skip


def _rank(f: Finding) -> tuple[int, float, int]:
    return (f.end - f.start, f.score, PRIORITY.get(f.label, 0))


def merge(findings: Iterable[Finding]) -> list[Finding]:
    """Union of overlapping spans, labelled by the longest (then strongest) member; sorted."""
    ordered = sorted(findings, key=lambda f: (f.start, -f.end))
    out: list[Finding] = []
    cluster: list[Finding] = []
    end = -1
    for f in ordered:
        if cluster and f.start >= end:
            out.append(_combine(cluster, end))
            cluster = []
        cluster.append(f)
        end = max(end, f.end) if len(cluster) > 1 else f.end
    if cluster:
        out.append(_combine(cluster, end))
    return out


def _combine(cluster: list[Finding], end: int) -> Finding:
    if len(cluster) == 1:
        return cluster[0]
    best = max(cluster, key=_rank)
    return Finding(cluster[0].start, end, best.label, best.score, best.source)
