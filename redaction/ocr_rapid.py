"""The real OCR adapter: RapidOCR (PP-OCR models on ONNX Runtime, shipped in the wheel).

Runs offline: ``rapidocr-onnxruntime`` carries its detection and recognition models.
The direction classifier is off (an upside-down page is handled by the caller, see
:mod:`redaction.ocr_orient`), and per-character boxes are asked for so redaction boxes
can cover exactly the characters of a span. Library errors become ``CorruptDocument``.
"""

from __future__ import annotations

import threading
from typing import Any

import numpy as np
from PIL import Image

from models.errors import CorruptDocument
from redaction.ocr import OcrLine, OcrPage, PixelBox

_LOCK = threading.Lock()
_ENGINES: dict[int, Any] = {}
WORD_GAP = 0.33  # a gap between char boxes wider than this share of the line height


def _engine(threads: int) -> Any:
    """One RapidOCR per thread setting and process (loading the models takes ~0.3 s)."""
    with _LOCK:
        if threads not in _ENGINES:
            from rapidocr_onnxruntime import RapidOCR

            _ENGINES[threads] = RapidOCR(
                intra_op_num_threads=threads, inter_op_num_threads=1, print_verbose=False
            )
        return _ENGINES[threads]


class RapidOcrEngine:
    """:class:`redaction.ocr.OcrPort` over RapidOCR; ``threads`` -1 lets ONNX Runtime pick."""

    def __init__(self, threads: int = -1, min_score: float = 0.3) -> None:
        self.threads = threads
        self.min_score = min_score

    def read(self, image: Image.Image) -> OcrPage:
        pixels = np.asarray(image.convert("RGB"))
        try:
            result, _elapsed = _engine(self.threads)(
                pixels, use_cls=False, return_word_box=True, text_score=self.min_score
            )
        except Exception as exc:  # the library raises bare errors; translate at the edge
            raise CorruptDocument("", "OCR failed on page image") from exc
        lines = tuple(_line(item) for item in result or [])
        return OcrPage(image.width, image.height, tuple(line for line in lines if line.text))


def _line(item: list[Any]) -> OcrLine:
    """``[quad, text, score, char quads, chars, char scores]`` to one line of char boxes."""
    quad, text, score = item[0], str(item[1]), float(item[2])
    chars = [str(c) for c in item[4]] if len(item) > 4 and item[4] else []
    boxes = [_box(q) for q in item[3]] if len(item) > 3 and item[3] else []
    if "".join(chars) == text and len(boxes) == len(text):
        return _spaced(text, boxes, score)
    whole = _box(quad)  # no usable char boxes: the line box covers every char
    return OcrLine(text, tuple(whole for _ in text), score)


def _spaced(text: str, boxes: list[PixelBox], score: float) -> OcrLine:
    """Put back the spaces the recogniser drops between words (a gap wider than a space)."""
    chars: list[str] = []
    out: list[PixelBox] = []
    for char, box in zip(text, boxes, strict=True):
        if out and chars[-1] != " " and char != " " and _is_gap(out[-1], box):
            chars.append(" ")
            out.append((out[-1][2], box[1], box[0], box[3]))
        chars.append(char)
        out.append(box)
    return OcrLine("".join(chars), tuple(out), score)


def _is_gap(left: PixelBox, right: PixelBox) -> bool:
    return right[0] - left[2] > WORD_GAP * (right[3] - right[1])


def _box(quad: Any) -> PixelBox:
    xs = [float(p[0]) for p in quad]
    ys = [float(p[1]) for p in quad]
    return (min(xs), min(ys), max(xs), max(ys))
