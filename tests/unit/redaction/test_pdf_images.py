"""Page images to an image-only PDF: one page per image, sized by its resolution."""

from __future__ import annotations

import io

from PIL import Image
from pypdf import PdfReader

from redaction.pdf_images import images_to_pdf


def test_pages_print_at_their_resolution_and_hold_no_text() -> None:
    pages = [(Image.new("L", (400, 200), 255), 200.0), (Image.new("RGB", (300, 300)), 100.0)]
    reader = PdfReader(io.BytesIO(images_to_pdf(pages)))
    sizes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]
    assert sizes == [(144.0, 72.0), (216.0, 216.0)]
    assert all(p.extract_text().strip() == "" for p in reader.pages)
    assert images_to_pdf(pages) == images_to_pdf(pages)  # deterministic: no dates, no ids
