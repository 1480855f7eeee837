"""Page orientation and skew for OCR: quarter turns and small skew, by projection profiles.

Text lines make the row sums of a binarised page swing between ink and gaps; the angle
whose rotated page has the most varied row profile is the one whose lines run
horizontally. That picks 0 vs 90 degrees and the small skew; 0 vs 180 (and 90 vs 270)
is left to OCR confidence (see :func:`redaction.pdf_ocr.read_upright`).
Angles are counter-clockwise degrees, as ``PIL.Image.rotate`` takes them.
"""

from __future__ import annotations

import math

import numpy as np
from PIL import Image

from redaction.ocr import PixelBox

PROBE_SIDE = 800  # pixels: the page is shrunk to this for the profile search
MAX_SKEW = 5.0  # degrees either way
SKEW_STEP = 0.5
MIN_SKEW = 0.3  # below this, leave the page as it is
BLANK_ROW = 0.02  # a row with less ink than this share of the fullest row is blank


def _ink(image: Image.Image) -> Image.Image:
    grey = image.convert("L")
    scale = PROBE_SIDE / max(grey.size)
    if scale < 1:
        grey = grey.resize((max(1, round(grey.width * scale)), max(1, round(grey.height * scale))))
    return grey.point(lambda v: 255 if v < 128 else 0)  # ink white on black: rotation pads 0


def _profile_score(ink: Image.Image, angle: float) -> float:
    """Share of blank rows between the first and last inked row: the gaps between lines."""
    turned = ink.rotate(angle, expand=True) if angle else ink
    rows = np.asarray(turned, dtype=np.float64).sum(axis=1)
    inked = np.nonzero(rows)[0]
    if inked.size < 2:
        return 0.0
    span = rows[inked[0] : inked[-1] + 1]
    return float(np.mean(span <= BLANK_ROW * span.max()))


def estimate_angle(image: Image.Image) -> float:
    """The counter-clockwise rotation that makes text lines horizontal (0/90 plus skew)."""
    ink = _ink(image)
    if not np.asarray(ink).any():
        return 0.0
    base = max((0.0, 90.0), key=lambda a: _profile_score(ink, a))
    steps = int(MAX_SKEW / SKEW_STEP)
    offsets = sorted((k * SKEW_STEP for k in range(-steps, steps + 1)), key=abs)
    best = base + max(offsets, key=lambda k: _profile_score(ink, base + k))
    return base if abs(best - base) < MIN_SKEW else best


def rotate(image: Image.Image, angle: float) -> Image.Image:
    """``image`` turned counter-clockwise by ``angle`` degrees, canvas grown, white fill."""
    if not angle % 360:
        return image
    return image.convert("RGB").rotate(angle, expand=True, fillcolor=(255, 255, 255))


def unrotate_box(box: PixelBox, angle: float, size: tuple[int, int]) -> PixelBox:
    """A box on the image turned by ``angle`` back onto the original (``size``): its hull."""
    if not angle % 360:
        return box
    width, height = size
    turned_w, turned_h = _turned_size(width, height, angle)
    corners = [(box[0], box[1]), (box[2], box[1]), (box[2], box[3]), (box[0], box[3])]
    points = [
        _back(x, y, angle, (turned_w / 2, turned_h / 2), (width / 2, height / 2))
        for x, y in corners
    ]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return (min(xs), min(ys), max(xs), max(ys))


def _turned_size(width: int, height: int, angle: float) -> tuple[float, float]:
    """PIL's expanded canvas size for ``rotate(angle, expand=True)``."""
    image = Image.new("1", (width, height))
    return image.rotate(angle, expand=True).size


def _back(
    x: float, y: float, angle: float, centre: tuple[float, float], origin: tuple[float, float]
) -> tuple[float, float]:
    theta = math.radians(angle)
    dx, dy = x - centre[0], y - centre[1]
    ox = dx * math.cos(theta) - dy * math.sin(theta)
    oy = dx * math.sin(theta) + dy * math.cos(theta)
    return (origin[0] + ox, origin[1] + oy)
