"""The gate's OCR does not read our own redaction boxes: each burned box is masked white
before a rendition page is read, but only where the page really shows it burned.

A burned box carries its token in small white print (``[PERSON_1]``). Read back by OCR, a
label is often mangled (``PERSO N 11``, ``N 11``) so it is no longer recognisable as a
token, and beside a context word the detector takes it for an identifier: on a scan, a
label read right after "invoice" became ``invoice N 11``, an ACCOUNT the redacted layer does
not hold, and the document was quarantined for text that is ours. Under a burned box the
page shows nothing but black and that label, so blanking it hides nothing a reviewer sees.

The boxes are the renderer's own (``pdf_layout.redacted_boxes`` on the extraction and the
result, mapped by PDFium from the source page to its displayed area), and each is masked
only when the page image is dark there (``DARK_SHARE``): a box the renderer failed to
paint stays as it is, and whatever shows through is read and checked like any other text.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import pypdfium2 as pdfium
from PIL import Image, ImageDraw

from models.finding import RedactionResult
from redaction.pdf_chars import Box, union
from redaction.pdf_extract import PdfText
from redaction.pdf_layout import Burn, redacted_boxes
from redaction.pdf_limits import PdfLimits
from redaction.pdf_open import open_pdf
from redaction.pdf_raster import PAD_POINTS, PixelRect, label_fit

FINE = 8.0  # device units per point when mapping boxes (PDFium maps to whole units)
DARK = 96  # a pixel this dark (0-255 luminance) or darker is burned
DARK_SHARE = 0.6  # share of a box's pixels that must be dark (the label is white)
EDGE_PX = 1  # the anti-aliased rim a render at another resolution leaves around a box

Rect = tuple[float, float, float, float]  # left, top, right, bottom in displayed points


@dataclass(frozen=True)
class ShownBurn:
    """One burned run on a page as displayed: the box around its glyphs (unpadded) and the
    token drawn on it. The renderer paints that whole box black (padded), then the label's
    tab, so one rectangle per run is what the page shows."""

    token: str
    box: Rect


PageBurns = dict[int, list[ShownBurn]]


def shown_burns(
    data: bytes,
    pdf_text: PdfText,
    result: RedactionResult,
    password: str | None,
    ref: str,
    limits: PdfLimits,
) -> PageBurns:
    """Every run the rendition burned, by page index, in displayed points."""
    burns = redacted_boxes(pdf_text, result)
    if not burns:
        return {}
    doc = open_pdf(data, password, ref, limits)
    try:
        return {index: _shown(doc, index, runs) for index, runs in burns.items()}
    finally:
        doc.close()


def _shown(doc: pdfium.PdfDocument, index: int, runs: list[Burn]) -> list[ShownBurn]:
    page = doc[index]
    try:
        width, height = page.get_size()
        size = (math.ceil(width * FINE), math.ceil(height * FINE))
        conv = pdfium.PdfPosConv(page, (0, 0, *size, 0))
        return [ShownBurn(run.token, _rect(conv, _union(run.boxes))) for run in runs]
    finally:
        page.close()


def _union(boxes: tuple[Box, ...]) -> Box:
    whole = union(list(boxes))
    if whole is None:  # a run always has a box (line_runs never yields an empty one)
        raise ValueError("burned run without a box")
    return whole


def _rect(conv: pdfium.PdfPosConv, box: Box) -> Rect:
    x0, y0 = conv.to_bitmap(box[0], box[1])
    x1, y1 = conv.to_bitmap(box[2], box[3])
    return (min(x0, x1) / FINE, min(y0, y1) / FINE, max(x0, x1) / FINE, max(y0, y1) / FINE)


def mask_burns(image: Image.Image, burns: Sequence[ShownBurn], scale: float) -> int:
    """Paint white each burn (its box and its label's tab) that ``image`` shows dark;
    ``scale`` is pixels per point. Returns how many burns were masked."""
    if not burns:
        return 0
    draw = ImageDraw.Draw(image)
    gray = image.convert("L")
    masked = 0
    for burn in burns:
        rect = burn_rect(burn, scale)
        if _dark_share(gray, rect) >= DARK_SHARE:
            draw.rectangle(_grown(rect, EDGE_PX), fill=(255, 255, 255))
            masked += 1
    return masked


def burn_rect(burn: ShownBurn, scale: float) -> PixelRect:
    """The pixel rectangle the renderer painted black for ``burn`` at ``scale``."""
    box = _grown(_pixels(burn.box, scale), math.ceil(PAD_POINTS * scale))
    return label_fit(box, burn.token)[1]


def _pixels(rect: Rect, scale: float) -> PixelRect:
    left, top, right, bottom = rect
    return (
        math.floor(left * scale),
        math.floor(top * scale),
        math.ceil(right * scale),
        math.ceil(bottom * scale),
    )


def _grown(rect: PixelRect, by: int) -> PixelRect:
    return (rect[0] - by, rect[1] - by, rect[2] + by, rect[3] + by)


def _dark_share(gray: Image.Image, rect: PixelRect) -> float:
    """Share of the pixels inside ``rect`` (clipped to the image) that are dark."""
    left, top = max(rect[0], 0), max(rect[1], 0)
    right, bottom = min(rect[2], gray.width), min(rect[3], gray.height)
    if right <= left or bottom <= top:
        return 0.0
    histogram = gray.crop((left, top, right, bottom)).histogram()
    return sum(histogram[: DARK + 1]) / ((right - left) * (bottom - top))
