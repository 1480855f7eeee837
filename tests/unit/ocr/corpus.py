"""Documents the OCR tests build themselves: born-digital pages turned into scans.

Each scan is a text PDF (fpdf2) rendered by PDFium at 150-300 dpi, then turned a quarter
turn or skewed, speckled and JPEG-compressed, and placed as the only image of a new page
(optionally under a thin text layer that holds only a court's e-filing stamp).
All names and numbers here are made up for these tests.
"""

from __future__ import annotations

import io
import random
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path

import pypdfium2 as pdfium
from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFont
from pypdf import PdfReader, PdfWriter

LETTER = (612.0, 792.0)


def text_pdf(lines: Sequence[str], size: float = 12.0) -> bytes:
    pdf = FPDF(unit="pt", format="letter")
    pdf.set_creation_date(pdf.creation_date.replace(year=2020))
    pdf.add_page()
    pdf.set_font("Helvetica", size=size)
    for row, line in enumerate(lines):
        pdf.text(72, 90 + row * size * 2.0, line)
    return bytes(pdf.output())


def page_image(data: bytes, dpi: int) -> Image.Image:
    doc = pdfium.PdfDocument(data)
    try:
        return doc[0].render(scale=dpi / 72.0).to_pil().convert("RGB")
    finally:
        doc.close()


def degrade(
    image: Image.Image, angle: float = 0.0, noise: float = 0.0, jpeg: int = 0
) -> Image.Image:
    """Turn by ``angle`` degrees, speckle a share ``noise`` of pixels, JPEG at ``jpeg``."""
    out = image.rotate(angle, expand=True, fillcolor=(255, 255, 255)) if angle else image
    if noise:
        out = _speckle(out, noise)
    if jpeg:
        buffer = io.BytesIO()
        out.save(buffer, "JPEG", quality=jpeg)
        out = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
    return out


def _speckle(image: Image.Image, share: float) -> Image.Image:
    out = image.copy()
    rng = random.Random(13)
    draw = ImageDraw.Draw(out)
    for _ in range(int(out.width * out.height * share)):
        x, y = rng.randrange(out.width), rng.randrange(out.height)
        draw.point((x, y), fill=(90, 90, 90))
    return out


def scan_pdf(images: Sequence[Image.Image], stamp: str = "") -> bytes:
    """One page per image, the image filling a letter page; ``stamp`` as real text on top."""
    pdf = FPDF(unit="pt", format="letter")
    pdf.set_creation_date(pdf.creation_date.replace(year=2020))
    for image in images:
        portrait = image.height >= image.width
        pdf.add_page(format=LETTER if portrait else LETTER[::-1])
        pdf.image(image, x=0, y=0, w=pdf.w, h=pdf.h)
        if stamp:
            pdf.set_font("Helvetica", size=8)
            pdf.text(300, 20, stamp)
    return bytes(pdf.output())


def signature_pdf(body: Sequence[str], signature: str) -> bytes:
    """A born-digital page with a small image of a signature block under the text."""
    pdf = FPDF(unit="pt", format="letter")
    pdf.set_creation_date(pdf.creation_date.replace(year=2020))
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    for row, line in enumerate(body):
        pdf.text(72, 90 + row * 24, line)
    block = Image.new("RGB", (900, 120), "white")
    ImageDraw.Draw(block).text((10, 30), signature, fill="black", font=ImageFont.load_default(40))
    pdf.image(block, x=72, y=500, w=300, h=40)
    return bytes(pdf.output())


def lying_font_pdf(line: str) -> bytes:
    """``line`` drawn in an embedded TrueType font whose ToUnicode map says every glyph is x."""
    font = ImageFont.load_default(size=12).font_bytes  # Pillow's bundled TrueType font
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "font.ttf"
        path.write_bytes(font)
        pdf = FPDF(unit="pt", format="letter")
        pdf.set_creation_date(pdf.creation_date.replace(year=2020))
        pdf.add_page()
        pdf.add_font("Plain", fname=str(path))
        pdf.set_font("Plain", size=14)
        pdf.text(72, 100, line)
        data = bytes(pdf.output())
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    for ref in writer.pages[0]["/Resources"]["/Font"].values():
        cmap = ref.get_object()["/ToUnicode"].get_object()
        cmap.set_data(_lie(cmap.get_data().decode("latin-1")).encode("latin-1"))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _lie(cmap: str) -> str:
    head, _, rest = cmap.partition("beginbfchar")
    body, _, tail = rest.partition("endbfchar")
    body = re.sub(r"(<[0-9A-Fa-f]+>\s*)<[0-9A-Fa-f]+>", r"\1<0078>", body)
    return f"{head}beginbfchar{body}endbfchar{tail}"
