"""The OCR port: what the pipeline needs from an OCR engine, plus an in-memory fake.

An engine reads one page image and returns lines of text with a pixel box for every
character and a confidence per line. The real adapter is
:class:`redaction.ocr_rapid.RapidOcrEngine`; tests that are not about pixels use
:class:`FakeOcr`. Nothing here logs or prints text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from PIL import Image

PixelBox = tuple[float, float, float, float]  # left, top, right, bottom in image pixels


@dataclass(frozen=True, repr=False)
class OcrLine:
    text: str
    boxes: tuple[PixelBox, ...]  # one per char of ``text``
    confidence: float

    def __post_init__(self) -> None:
        if len(self.boxes) != len(self.text):
            raise ValueError("one box per character")

    def __repr__(self) -> str:  # never print document text
        return f"OcrLine(chars={len(self.text)}, confidence={self.confidence:.2f})"


@dataclass(frozen=True, repr=False)
class OcrPage:
    width: int  # pixels of the image that was read
    height: int
    lines: tuple[OcrLine, ...] = field(default=())
    unread: int = 0  # text regions found on the page that the recogniser could not read

    def __repr__(self) -> str:
        return f"OcrPage(lines={len(self.lines)}, confidence={self.confidence:.2f})"

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def confidence(self) -> float:
        """Mean line confidence weighted by characters; 1.0 for a page without text."""
        chars = sum(len(line.text) for line in self.lines)
        if not chars:
            return 1.0
        return sum(line.confidence * len(line.text) for line in self.lines) / chars


class OcrPort(Protocol):
    """Reads the text of one page image (any orientation handling is the caller's)."""

    def read(self, image: Image.Image) -> OcrPage: ...


class FakeOcr:
    """An OCR engine that reads whatever ``lines_for`` says the image holds.

    ``lines_for(image)`` returns ``(text, confidence)`` pairs; each line gets evenly
    spaced character boxes across the top of the image. The default reads nothing.
    """

    def __init__(
        self, lines_for: Callable[[Image.Image], list[tuple[str, float]]] | None = None
    ) -> None:
        self._lines_for = lines_for or (lambda _image: [])
        self.calls = 0

    def read(self, image: Image.Image) -> OcrPage:
        self.calls += 1
        lines = [
            _even_line(t, c, i, image.width) for i, (t, c) in enumerate(self._lines_for(image))
        ]
        return OcrPage(image.width, image.height, tuple(lines))


def _even_line(text: str, confidence: float, row: int, width: int) -> OcrLine:
    step = max(width - 20, 1) / max(len(text), 1)
    top = 10.0 + row * 20.0
    boxes = tuple((10 + i * step, top, 10 + (i + 1) * step, top + 16) for i in range(len(text)))
    return OcrLine(text, boxes, confidence)
