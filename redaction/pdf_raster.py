"""Rasterise a source page (pypdfium2) and burn opaque boxes into the pixels.

Annotations and form widgets are not drawn: their text is not in the text layer
detection ran on, so drawing them could show what detection never saw.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFont

from redaction.pdf_chars import Box, union
from redaction.pdf_layout import Burn, LineAnchor
from redaction.pdf_limits import PdfLimits
from redaction.pdf_write import TextLine

POINTS_PER_INCH = 72.0
_BLACK = (0, 0, 0)
_WHITE = (255, 255, 255)
_MIN_TOKEN_PX = 6
PAD_POINTS = 1.0
_LEFT_MARGIN = 36.0
PixelRect = tuple[int, int, int, int]
Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


@dataclass
class Raster:
    """A rendered page and the map from page space (points) to its pixels."""

    image: Image.Image
    width: float  # displayed page size in points
    height: float
    scale: float  # pixels per point
    posconv: pdfium.PdfPosConv

    def pixel_rect(self, box: Box, pad: float = 0.0) -> tuple[int, int, int, int]:
        x0, y0 = self.posconv.to_bitmap(box[0], box[1])
        x1, y1 = self.posconv.to_bitmap(box[2], box[3])
        grow = math.ceil(pad * self.scale)
        return (min(x0, x1) - grow, min(y0, y1) - grow, max(x0, x1) + grow, max(y0, y1) + grow)

    def point_rect(self, box: Box) -> tuple[float, float, float, float]:
        """``box`` as left, top, right, bottom in points from the displayed top-left corner."""
        return tuple(v / self.scale for v in self.pixel_rect(box))  # type: ignore[return-value]


def rasterise(page: pdfium.PdfPage, dpi: int, ref: str, limits: PdfLimits) -> Raster:
    scale = dpi / POINTS_PER_INCH
    width, height = page.get_size()
    limits.check_page_size(width, height, ref)
    limits.check_pixels(math.ceil(width * scale), math.ceil(height * scale), ref)
    bitmap = page.render(scale=scale, draw_annots=False, may_draw_forms=False, rev_byteorder=True)
    image = bitmap.to_pil().convert("RGB")  # convert copies out of PDFium's buffer
    return Raster(image, width, height, scale, bitmap.get_posconv(page))


def burn(raster: Raster, burns: list[Burn]) -> None:
    """Paint every glyph box solid black (small margin), then each run's token in white."""
    draw = ImageDraw.Draw(raster.image)
    for group in burns:
        for box in group.boxes:
            draw.rectangle(raster.pixel_rect(box, PAD_POINTS), fill=_BLACK)
    for group in burns:
        whole = union(list(group.boxes))
        if whole is not None:
            _label(draw, raster.pixel_rect(whole, PAD_POINTS), group.token)


def _label(draw: ImageDraw.ImageDraw, rect: tuple[int, int, int, int], token: str) -> None:
    """The token in white inside the box; if it does not fit, on a black tab beside it."""
    font, tab = label_fit(rect, token)
    draw.rectangle(tab, fill=_BLACK)  # beside the box if wider
    draw.text((rect[0] + 1, (rect[1] + rect[3]) / 2), token, fill=_WHITE, font=font, anchor="lm")


def label_fit(rect: PixelRect, token: str) -> tuple[Font, PixelRect]:
    """The font a token label is drawn in over ``rect``, and the black tab it is drawn on
    (``rect`` itself, or wider when the label does not fit at the smallest size)."""
    left, top, right, bottom = rect
    size = max(min(bottom - top - 2, 64), _MIN_TOKEN_PX)
    font = _font(size)
    width = font.getlength(token)
    if width > right - left - 2:
        size = max(int(size * (right - left - 2) / width), _MIN_TOKEN_PX)
        font = _font(size)
        width = font.getlength(token)
    return font, (left, top, max(right, left + 2 + math.ceil(width)), bottom)


@functools.lru_cache(maxsize=64)
def _font(size: int) -> Font:
    return ImageFont.load_default(size=size)


def place_lines(raster: Raster, anchors: list[LineAnchor]) -> list[TextLine]:
    """Put each line at its source glyph; lines without one go just below the previous."""
    lines: list[TextLine] = []
    for anchor in anchors:
        if anchor.box is not None:
            lines.append(_at_box(raster, anchor))
        else:
            lines.append(_below(lines[-1] if lines else None, anchor.text))
    return lines


def _at_box(raster: Raster, anchor: LineAnchor) -> TextLine:
    assert anchor.box is not None
    left, top, _right, bottom = raster.point_rect(anchor.box)
    height = max(bottom - top, 1.0)
    size = min(max(height * 0.85, 4.0), 72.0)
    return TextLine(anchor.text, left, bottom - height * 0.2, size)


def _below(previous: TextLine | None, text: str) -> TextLine:
    if previous is None:
        return TextLine(text, _LEFT_MARGIN, _LEFT_MARGIN, 10.0)
    return TextLine(text, previous.x, previous.baseline + previous.size * 1.2, previous.size)
