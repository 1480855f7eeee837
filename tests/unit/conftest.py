"""Builders for the PDF tests: small PDFs made in the test with fpdf2 / pypdf."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

import pytest
from fpdf import FPDF
from PIL import Image
from pypdf import PdfReader, PdfWriter
from pypdf.actions import JavaScript
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    TextStringObject,
)

from models.finding import RedactionResult, Replacement

PageSpec = str | tuple[str, tuple[float, float]]  # text, or (text, (width, height) in points)


def build_pdf(pages: Sequence[PageSpec], title: str = "", author: str = "") -> bytes:
    pdf = FPDF(unit="pt", format="letter")
    pdf.set_creation_date(pdf.creation_date.replace(year=2020))
    if title:
        pdf.set_title(title)
    if author:
        pdf.set_author(author)
    pdf.set_font("Helvetica", size=11)
    for spec in pages:
        text, size = (spec, None) if isinstance(spec, str) else spec
        pdf.add_page(format=size) if size else pdf.add_page()
        pdf.multi_cell(0, 14, text)
    return bytes(pdf.output())


def image_only_pdf() -> bytes:
    pdf = FPDF(unit="pt", format="letter")
    pdf.add_page()
    pdf.image(Image.new("RGB", (40, 20), (200, 30, 30)), x=50, y=50, w=200, h=100)
    return bytes(pdf.output())


def encrypted_pdf(text: str, user_password: str) -> bytes:
    pdf = FPDF(unit="pt", format="letter")
    pdf.set_encryption(owner_password="owner-secret", user_password=user_password)
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 14, text)
    return bytes(pdf.output())


def decorate(data: bytes, field_value: str, attachment: bytes, script: str) -> bytes:
    """Add an embedded file, a filled text form field and document JavaScript."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.add_attachment("notes.txt", attachment)
    writer.add_open_action(JavaScript(script))
    widget = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Widget"),
            NameObject("/FT"): NameObject("/Tx"),
            NameObject("/T"): TextStringObject("patient"),
            NameObject("/V"): TextStringObject(field_value),
            NameObject("/Rect"): ArrayObject([FloatObject(v) for v in (300, 300, 500, 320)]),
            NameObject("/DA"): TextStringObject("/Helv 10 Tf 0 g"),
        }
    )
    ref = writer._add_object(widget)
    writer.pages[0][NameObject("/Annots")] = ArrayObject([ref])
    writer._root_object[NameObject("/AcroForm")] = DictionaryObject(
        {
            NameObject("/Fields"): ArrayObject([ref]),
            NameObject("/NeedAppearances"): BooleanObject(True),
        }
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def redact_values(text: str, values: Sequence[str]) -> RedactionResult:
    """A stand-in detector: every occurrence of each value becomes ``[PII_<i>]``."""
    pattern = re.compile("|".join(re.escape(v) for v in sorted(values, key=len, reverse=True)))
    parts: list[str] = []
    reps: list[Replacement] = []
    pos = red = 0
    for match in pattern.finditer(text):
        parts.append(text[pos : match.start()])
        red += match.start() - pos
        value = match.group()
        token = f"[PII_{values.index(value)}]"
        end = red + len(token)
        reps.append(Replacement("PII", token, value, match.start(), match.end(), red, end))
        parts.append(token)
        red += len(token)
        pos = match.end()
    parts.append(text[pos:])
    return RedactionResult("".join(parts), tuple(reps))


class Kit:
    """Everything the PDF tests build with, as one fixture."""

    pdf = staticmethod(build_pdf)
    image_only = staticmethod(image_only_pdf)
    encrypted = staticmethod(encrypted_pdf)
    decorate = staticmethod(decorate)
    redact = staticmethod(redact_values)


@pytest.fixture
def kit() -> Kit:
    return Kit()
