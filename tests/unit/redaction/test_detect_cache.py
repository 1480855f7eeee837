"""CachedDetector: one base detection per distinct text, same answers as the base."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from formats.build import build_rendition
from formats.ports import OpenContext
from formats.text import TextFormat
from models.finding import Finding
from redaction.detect_cache import CachedDetector
from redaction.detector import Detector


class CountingBase:
    """A fake base detector: one finding over each text's first word, calls recorded."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def detect_many(self, texts: Sequence[str]) -> list[list[Finding]]:
        self.seen += texts
        return [[Finding(0, max(1, len(t.split()[0])), "PERSON")] if t else [] for t in texts]

    def finalize(self, text: str, findings: Sequence[Finding]) -> list[Finding]:
        return sorted(findings)


@pytest.mark.parametrize(
    ("calls", "base_sees"),
    [
        ([["Ana one"], ["Ana one"]], ["Ana one"]),
        ([["Ana one", "Ana one", "Bo two"]], ["Ana one", "Bo two"]),
        ([["Ana one"], ["Bo two", "Ana one"], ["Bo two"]], ["Ana one", "Bo two"]),
        ([["x"], [""], ["x", ""]], ["x", ""]),
    ],
)
def test_base_runs_once_per_distinct_text(calls: list[list[str]], base_sees: list[str]) -> None:
    base = CountingBase()
    cached = CachedDetector(base)
    for texts in calls:
        assert cached.detect_many(texts) == CountingBase().detect_many(texts)
    assert base.seen == base_sees


def test_least_recently_used_text_is_forgotten() -> None:
    base = CountingBase()
    cached = CachedDetector(base, entries=2)
    for text in ("Ana a", "Bo b", "Ana a", "Cy c", "Ana a", "Bo b"):
        cached.detect(text)
    assert base.seen == ["Ana a", "Bo b", "Cy c", "Bo b"]


def test_answers_are_fresh_lists_and_finalize_passes_through() -> None:
    cached = CachedDetector(CountingBase())
    first = cached.detect("Ana one")
    first.clear()
    assert cached.detect("Ana one") == [Finding(0, 3, "PERSON")]
    spans = [Finding(4, 7, "DATE"), Finding(0, 3, "PERSON")]
    assert cached.finalize("Ana one", spans) == sorted(spans)


def test_redaction_with_the_cache_equals_redaction_without(detector: Detector) -> None:
    text = (
        "Pt seen by Dr. Marguerite Ellingboe on 04/11/2023; daughter Priya Ramaswamy "
        "called 617-555-0199. Ellingboe to f/u. MRN 5520913.\n"
    )
    plain, gate = build_rendition(TextFormat(), detector, text.encode(), OpenContext("t"))
    cached = CachedDetector(detector)
    again, problems = build_rendition(TextFormat(), cached, text.encode(), OpenContext("t"))
    assert again.result == plain.result and again.data == plain.data and problems == gate
    assert cached.hits >= 1
