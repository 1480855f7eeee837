"""An image-only PDF from page images (fpdf2, through the rendition writer): how TIFF,
PNG and JPEG documents enter the PDF path, where OCR reads pages without a text layer."""

from __future__ import annotations

from collections.abc import Iterable

from PIL import Image

from redaction.pdf_write import RenditionWriter

POINTS_PER_INCH = 72.0


def images_to_pdf(pages: Iterable[tuple[Image.Image, float]]) -> bytes:
    """One page per (image, dpi), sized so the image prints at its own resolution."""
    writer = RenditionWriter()
    for image, dpi in pages:
        width = image.width * POINTS_PER_INCH / dpi
        height = image.height * POINTS_PER_INCH / dpi
        writer.add_page(width, height, image, [])
    return writer.output()
