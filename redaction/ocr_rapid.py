"""The real OCR adapter: RapidOCR (PP-OCR models on ONNX Runtime, shipped in the wheel).

Runs offline: ``rapidocr-onnxruntime`` carries its detection and recognition models.
The direction classifier is off (an upside-down page is handled by the caller, see
:mod:`redaction.ocr_orient`), and per-character boxes are asked for so redaction boxes
can cover exactly the characters of a span. Library errors become ``CorruptDocument``.

Memory (measured with memray on one 200-dpi letter page, ``bench/bench_pages_rss.py``):
the text detector's activations are most of an engine's peak (366 MiB for the 2000-px side
RapidOCR detects at by default). Detection here runs on the page scaled to at most
``DET_SIDE`` px (153 MiB; the recogniser still reads crops of the full image, so small
print is read as before), ONNX Runtime's memory pattern is off (its planned block grew the
peak on each further page) and idle worker threads sleep instead of spinning (a shared
machine's cores go to work, not to polling). After each page the freed memory is handed
back to the system (glibc's ``malloc_trim``): without it a process kept ~400 MiB of freed
OCR buffers between pages (RSS 520-640 MiB after a read, 192 MiB with it), on top of
which the rest of a long document's work then grew.
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np
from PIL import Image

from models.errors import CorruptDocument
from redaction import heap
from redaction.ocr import OcrLine, OcrPage, PixelBox

_LOCK = threading.Lock()
_READERS: dict[int, ThreadPoolExecutor] = {}  # the OCR thread, by process id (fork-safe)
_ENGINES: dict[int, Any] = {}
WORD_GAP = 0.33  # a gap between char boxes wider than this share of the line height
DET_SIDE = 1280  # px: the longest side the text detector sees (RapidOCR's default: 2000)


def _engine(threads: int) -> Any:
    """One RapidOCR per thread setting and process (loading the models takes ~0.3 s)."""
    with _LOCK:
        if threads not in _ENGINES:
            from rapidocr_onnxruntime import RapidOCR

            engine = RapidOCR(
                intra_op_num_threads=threads, inter_op_num_threads=1, print_verbose=False
            )
            _tune(engine, threads)
            _ENGINES[threads] = engine
        return _ENGINES[threads]


def _reader() -> ThreadPoolExecutor:
    """This process's one OCR thread: a read's buffers come from that thread's own malloc
    arena, so they never fragment the main heap that detection and rendition then use
    (see :mod:`redaction.heap`)."""
    with _LOCK:
        pid = os.getpid()
        if pid not in _READERS:
            _READERS[pid] = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ocr")
        return _READERS[pid]


def _tune(engine: Any, threads: int) -> None:
    """Detection at ``DET_SIDE``, and each model's session re-made with lean options
    (RapidOCR 1.4 builds its sessions itself and takes no session options)."""
    from rapidocr_onnxruntime.ch_ppocr_det.utils import DetPreProcess

    det = engine.text_det
    det.get_preprocess = lambda _side: DetPreProcess(DET_SIDE, "max", det.mean, det.std)
    for holder in (det.infer, engine.text_rec.session):
        holder.session = _session(holder.session, threads)


def _session(old: Any, threads: int) -> Any:
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.log_severity_level = 4
    options.enable_cpu_mem_arena = False
    options.enable_mem_pattern = False
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.inter_op_num_threads = 1
    if threads > 0:
        options.intra_op_num_threads = threads
    return ort.InferenceSession(old._model_path, options, providers=["CPUExecutionProvider"])


class RapidOcrEngine:
    """:class:`redaction.ocr.OcrPort` over RapidOCR; ``threads`` -1 lets ONNX Runtime pick."""

    def __init__(self, threads: int = -1, min_score: float = 0.3) -> None:
        self.threads = threads
        self.min_score = min_score

    def read(self, image: Image.Image) -> OcrPage:
        """Lines read at ``min_score`` or better; the text regions read worse (or as
        nothing) are counted as ``unread``, so a page of text too poor to read is not
        mistaken for a blank one."""
        try:  # on the reader thread: its buffers live in that thread's own malloc arena
            result = _reader().submit(self._recognise, image).result()
        except Exception as exc:  # the library raises bare errors; translate at the edge
            raise CorruptDocument("", "OCR failed on page image") from exc
        lines = [_line(item) for item in result or []]
        read = tuple(line for line in lines if line.text and line.confidence >= self.min_score)
        return OcrPage(image.width, image.height, read, unread=len(lines) - len(read))

    def _recognise(self, image: Image.Image) -> Any:
        with heap.reading():  # big buffers freed back to the system after the read
            pixels = np.asarray(image.convert("RGB"))
            result, _elapsed = _engine(self.threads)(
                pixels, use_cls=False, return_word_box=True, text_score=0.0
            )
        return result


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
