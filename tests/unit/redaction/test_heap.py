"""glibc's heap around OCR reads: thresholds high inside a read, low after it (also after
a failed read), and every read on the one OCR thread, off the caller's malloc arena."""

from __future__ import annotations

import threading
from contextlib import nullcontext
from typing import Any

import pytest
from PIL import Image

from models.errors import CorruptDocument
from redaction import heap, ocr_rapid
from redaction.ocr_rapid import RapidOcrEngine

READING = (heap.READING_MMAP, heap.READING_TRIM)
RESTING = (heap.RESTING_MMAP, heap.RESTING_TRIM)


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    seen: list[tuple[int, int]] = []

    def record(mmap: int, trim: int) -> bool:
        seen.append((mmap, trim))
        return True

    monkeypatch.setattr(heap, "_thresholds", record)
    return seen


def test_glibc_takes_the_resting_thresholds() -> None:
    if heap._MALLOPT is None:
        pytest.skip("the C library has no mallopt (not glibc): heap tuning is a no-op there")
    assert heap.settle()


@pytest.mark.parametrize("fails", [False, True])
def test_a_read_is_framed_by_reading_then_resting_thresholds(
    calls: list[tuple[int, int]], fails: bool
) -> None:
    with pytest.raises(RuntimeError) if fails else nullcontext(), heap.reading():
        assert calls == [READING]
        if fails:
            raise RuntimeError("engine failed")
    assert calls == [READING, RESTING]


class _Engine:
    """RapidOCR's call signature; records the thread and heap state it ran under."""

    def __init__(self, calls: list[tuple[int, int]], fails: bool = False) -> None:
        self.calls = calls
        self.fails = fails
        self.seen: list[tuple[str, list[tuple[int, int]]]] = []

    def __call__(self, pixels: Any, **_options: Any) -> tuple[list[Any], float]:
        self.seen.append((threading.current_thread().name, list(self.calls)))
        if self.fails:
            raise ValueError("bare library error")
        quad = [[0, 0], [30, 0], [30, 10], [0, 10]]
        return [[quad, "ab", 0.9]], 0.0


@pytest.mark.parametrize("fails", [False, True])
def test_reads_run_on_the_ocr_thread_inside_reading_thresholds(
    monkeypatch: pytest.MonkeyPatch, calls: list[tuple[int, int]], fails: bool
) -> None:
    engine = _Engine(calls, fails)
    monkeypatch.setattr(ocr_rapid, "_engine", lambda _threads: engine)
    reader = RapidOcrEngine()
    image = Image.new("L", (40, 20), 255)
    for _ in range(2):
        if fails:
            with pytest.raises(CorruptDocument):
                reader.read(image)
        else:
            assert reader.read(image).text == "ab"
    names = {name for name, _ in engine.seen}
    assert len(names) == 1 and names != {threading.current_thread().name}
    assert names.pop().startswith("ocr")
    assert [state[-1] for _, state in engine.seen] == [READING, READING]
    assert calls[-1] == RESTING
