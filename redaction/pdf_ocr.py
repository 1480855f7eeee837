"""Scanned PDF pages through OCR: upright reading, and page-space boxes for every char.

A page is read by OCR at extraction when it has images and no text layer, or when its
images cover much of the page and the text layer holds too little of the text OCR sees
there (a scan with only the court's e-filing stamp as text). The OCR text then replaces
the page's layer for detection, and each char's box is mapped back to PDF points so the
rendition burns exactly the words of each span.
"""

from __future__ import annotations

import math
import re

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from models.errors import LowOcrConfidence
from redaction.ocr import OcrPage, OcrPort, PixelBox
from redaction.ocr_orient import estimate_angle, rotate, unrotate_box
from redaction.pdf_chars import Box
from redaction.pdf_limits import PdfLimits

OCR_DPI = 200  # scanned pages are read at this resolution
MIN_CONFIDENCE = 0.80  # a page read below this mean confidence is quarantined
RETRY_CONFIDENCE = 0.90  # below this, the page is also read upside down
RETRY_WORD_SHARE = 0.5  # ... and when fewer of its chars than this form words
LAYER_COVERAGE = 0.80  # share of the words OCR sees that the text layer must hold
MIN_IMAGE_SHARE = 0.20  # pages whose images cover this much of the page are checked by OCR
_WORD = re.compile(r"[^\W_]{3,}")
_NON_ALNUM = re.compile(r"[\W_]+")
_TOKENISH = re.compile(r"\[[A-Z]+_[A-Z0-9_ -]*\]?")  # a replacement token as OCR may read it
READ_TOKEN = "[OCR_0]"  # what a misread token becomes before the gate's detection
_CONFUSABLE = str.maketrans("10i5", "lols")
MIN_MISSING = 2  # fewer missing words than this is OCR noise, not hidden text

PageGlyphs = tuple[str, tuple[Box | None, ...]]


def read_upright(image: Image.Image, ocr: OcrPort) -> tuple[OcrPage, float]:
    """The page read with its text lines horizontal, and the turn that made them so."""
    angle = estimate_angle(image)
    best = ocr.read(rotate(image, angle))
    if best.confidence < RETRY_CONFIDENCE or _word_share(best) < RETRY_WORD_SHARE:
        flipped = ocr.read(rotate(image, angle + 180))
        if _weight(flipped) > _weight(best):
            return flipped, angle + 180
    return best, angle


def _word_chars(page: OcrPage) -> int:
    return sum(len(word) for word in _WORD.findall(page.text))


def _word_share(page: OcrPage) -> float:
    """Share of the chars read that form words: upside-down text reads as scattered marks."""
    return _word_chars(page) / max(len(page.text.replace(" ", "")), 1)


def _weight(page: OcrPage) -> float:
    return page.confidence * _word_chars(page)


def visible_words(page: OcrPage, min_confidence: float = MIN_CONFIDENCE) -> list[str]:
    """Words of the lines read with confidence (replacement tokens, often misread, left out)."""
    text = "\n".join(line.text for line in page.lines if line.confidence >= min_confidence)
    return [squash(word) for word in _WORD.findall(_TOKENISH.sub(" ", text))]


def missing_words(words: list[str], layer: str) -> list[str]:
    """The ``words`` a text layer does not hold (spacing, case and punctuation ignored)."""
    squashed = squash(layer)
    return [word for word in words if word not in squashed]


def layer_lacks(page: OcrPage, layer: str) -> bool:
    """True when the layer misses at least ``MIN_MISSING`` words and too large a share."""
    words = visible_words(page)
    missing = missing_words(words, layer)
    return len(missing) >= MIN_MISSING and len(missing) > (1 - LAYER_COVERAGE) * len(words)


def tokens_mended(text: str) -> str:
    """OCR text with misread replacement tokens (``[EMAIL_``, ``[PERSON_ 1``) made whole."""
    return _TOKENISH.sub(READ_TOKEN, text)


def squash(text: str) -> str:
    """Letters and digits only, case-folded, OCR's usual confusions (l/1/I, O/0, S/5) folded."""
    return _NON_ALNUM.sub("", text).casefold().translate(_CONFUSABLE)


def image_share(page: pdfium.PdfPage) -> float:
    """Share of the page area under image objects (overlaps counted twice, capped at 1)."""
    width, height = page.get_size()
    area = 0.0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        area += max(right - left, 0.0) * max(top - bottom, 0.0)
    return min(area / max(width * height, 1.0), 1.0)


def ocr_glyphs(
    page: pdfium.PdfPage, index: int, layer: str, ocr: OcrPort, ref: str, limits: PdfLimits
) -> PageGlyphs | None:
    """The page's text and boxes by OCR, or None when the text layer already holds it."""
    scale = OCR_DPI / 72.0
    width, height = page.get_size()
    limits.check_pixels(math.ceil(width * scale), math.ceil(height * scale), ref)
    bitmap = page.render(scale=scale, draw_annots=False, may_draw_forms=False)
    try:
        posconv = bitmap.get_posconv(page)
        image = bitmap.to_pil().convert("RGB")  # a copy: PDFium's bitmap is freed below
    finally:
        bitmap.close()
    seen, angle = read_upright(image, ocr)
    size = image.size
    del image  # only the words and their boxes outlive the page's pixels
    if seen.confidence < MIN_CONFIDENCE:
        raise LowOcrConfidence(ref, f"page {index + 1} read below OCR confidence")
    if seen.unread > len(seen.lines):
        raise LowOcrConfidence(ref, f"page {index + 1} has more text OCR cannot read than it reads")
    if layer.strip() and not layer_lacks(seen, layer):
        return None
    return _glyphs(seen, angle, size, posconv)


def _glyphs(
    seen: OcrPage, angle: float, size: tuple[int, int], posconv: pdfium.PdfPosConv
) -> PageGlyphs:
    chars: list[str] = []
    boxes: list[Box | None] = []
    for line in seen.lines:
        if chars:
            chars.append("\n")
            boxes.append(None)
        chars.extend(line.text)
        boxes.extend(_to_page(unrotate_box(b, angle, size), posconv) for b in line.boxes)
    return "".join(chars), tuple(boxes)


def _to_page(box: PixelBox, posconv: pdfium.PdfPosConv) -> Box:
    x0, y0 = posconv.to_page(math.floor(box[0]), math.floor(box[1]))
    x1, y1 = posconv.to_page(math.ceil(box[2]), math.ceil(box[3]))
    return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
