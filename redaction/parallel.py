"""Detection over many texts with a pool of forked worker processes.

The parent loads the model once; workers are forked from it (copy-on-write, no second model
load) and each detects a share of the texts. Small jobs stay in one process: forking and
shipping results back costs more than it saves below ``MIN_PARALLEL_CHARS``.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from typing import Any

from models.finding import Finding

MIN_PARALLEL_CHARS = 200_000
_SHARES_PER_WORKER = 4
_worker_detector: Any = None


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


def shares(texts: Sequence[str], parts: int) -> list[list[int]]:
    """Split text indices into ``parts`` contiguous groups of about equal character count."""
    total = sum(map(len, texts)) or 1
    groups: list[list[int]] = [[]]
    done = 0
    for i, text in enumerate(texts):
        if groups[-1] and done >= total * len(groups) / parts:
            groups.append([])
        groups[-1].append(i)
        done += len(text)
    return groups


def _detect_share(args: tuple[int, list[str]]) -> tuple[int, list[list[Finding]]]:
    index, texts = args
    return index, _worker_detector.detect_many(texts)


def detect_parallel(detector: Any, texts: Sequence[str], workers: int) -> list[list[Finding]]:
    """``detector.detect_many(texts)``, spread over ``workers`` forked processes when large."""
    total = sum(map(len, texts))
    if workers <= 1 or total < MIN_PARALLEL_CHARS or "fork" not in _methods():
        return detector.detect_many(texts)
    global _worker_detector
    _worker_detector = detector
    groups = shares(texts, workers * _SHARES_PER_WORKER)
    jobs = [(g, [texts[i] for i in idx]) for g, idx in enumerate(groups)]
    out: list[list[Finding]] = [[] for _ in texts]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        for g, found in pool.imap_unordered(_detect_share, jobs):
            for i, spans in zip(groups[g], found, strict=True):
                out[i] = spans
    _worker_detector = None
    return out


def _methods() -> list[str]:
    return multiprocessing.get_all_start_methods()
