"""Page images of a TIFF (every frame: multi-page faxes), PNG or JPEG, with Pillow.

Sizes are checked from the header before any pixel is decoded (a small file can declare
a huge image); frames past the page limit refuse the document. Pages come out as 8-bit
grey or RGB with their resolution (200 dpi when the file names none or an odd one).
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator

from PIL import Image, UnidentifiedImageError

from formats.limits import FormatLimits
from models.errors import CorruptDocument, DocumentTooLarge

DEFAULT_DPI = 200.0
DPI_RANGE = (72.0, 1200.0)
_UNREADABLE = (
    UnidentifiedImageError,
    OSError,
    EOFError,
)


def pages(data: bytes, ref: str, limits: FormatLimits) -> Iterator[tuple[Image.Image, float]]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            yield from _frames(image, ref, limits)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise DocumentTooLarge(ref, "image exceeds pixel limit") from exc
    except _UNREADABLE as exc:
        raise CorruptDocument(ref, "unreadable image") from exc


def _frames(
    image: Image.Image, ref: str, limits: FormatLimits
) -> Iterator[tuple[Image.Image, float]]:
    count = int(getattr(image, "n_frames", 1))
    limits.check_pages(count, ref)
    for index in range(count):
        image.seek(index)
        limits.check_pixels(image.width, image.height, ref)
        mode = "L" if image.mode in ("1", "L", "I;16", "I", "F") else "RGB"
        yield image.convert(mode), _dpi(image)


def _dpi(image: Image.Image) -> float:
    value = image.info.get("dpi", (DEFAULT_DPI,))
    try:
        dpi = float(value[0])
    except (TypeError, ValueError, IndexError):
        return DEFAULT_DPI
    return dpi if DPI_RANGE[0] <= dpi <= DPI_RANGE[1] else DEFAULT_DPI
