"""Helpers and fakes for the redaction tests (the real ``detector`` fixture is the session's,
in tests/conftest.py)."""

from __future__ import annotations

import gc
import weakref

import pytest
from PIL import Image

from redaction.ocr import FakeOcr, OcrPage


def spans(text: str, findings: list) -> list[tuple[str, str]]:
    return [(text[f.start : f.end], f.label) for f in findings]


class PageWatchOcr:
    """A fake OCR that, at every read, counts how many images of earlier reads are still
    alive: a page loop that frees each page's bitmap before the next keeps this at 0."""

    def __init__(self) -> None:
        self._seen: list[weakref.ref[Image.Image]] = []
        self.most_alive = 0
        self.reads = 0
        self._inner = FakeOcr(lambda _image: [("Visible words on this page", 0.99)])

    def read(self, image: Image.Image) -> OcrPage:
        gc.collect()
        alive = sum(1 for ref in self._seen if ref() is not None)
        self.most_alive = max(self.most_alive, alive)
        self._seen.append(weakref.ref(image))
        self.reads += 1
        return self._inner.read(image)


@pytest.fixture
def page_watch() -> PageWatchOcr:
    return PageWatchOcr()
