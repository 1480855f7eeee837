"""Open a PDF with pypdfium2, translating every failure into the Sealroom error tree.

A cheap structural check runs first: PDFium silently repairs broken files (a
missing trailer, an xref pointing nowhere), and a repaired file may not show
what another reader shows, so such files are refused rather than guessed at.
"""

from __future__ import annotations

import re

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from models.errors import CorruptDocument, EncryptedDocument
from redaction.pdf_limits import DEFAULT_LIMITS, PdfLimits

_TAIL = 2048
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF", re.DOTALL)
_XREF_TARGET = re.compile(rb"\s*(xref\b|\d+\s+\d+\s+obj\b)")
_PASSWORD_ERRORS = (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY)


def check_structure(data: bytes, ref: str = "") -> None:
    """Refuse non-PDFs, truncated files and files whose last xref pointer is wrong."""
    if b"%PDF-" not in data[:1024]:
        raise CorruptDocument(ref, "not a PDF")
    pointers = _STARTXREF.findall(data[-_TAIL:])
    if not pointers:
        raise CorruptDocument(ref, "truncated or missing trailer")
    offset = int(pointers[-1])
    if offset >= len(data) or not _XREF_TARGET.match(data, offset):
        raise CorruptDocument(ref, "bad cross-reference pointer")


def revision_count(data: bytes) -> int:
    """How many times the file was saved (incremental updates add a %%EOF each)."""
    return max(1, data.count(b"%%EOF"))


def open_pdf(
    data: bytes,
    password: str | None = None,
    ref: str = "",
    limits: PdfLimits = DEFAULT_LIMITS,
) -> pdfium.PdfDocument:
    """Load ``data`` after the size and structure checks; caller closes the document."""
    if not data:
        raise CorruptDocument(ref, "empty file")
    limits.check_bytes(len(data), ref)
    check_structure(data, ref)
    try:
        doc = pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as exc:
        if exc.err_code in _PASSWORD_ERRORS:
            raise EncryptedDocument(ref) from exc
        raise CorruptDocument(ref) from exc
    try:
        limits.check_pages(len(doc), ref)
    except Exception:
        doc.close()
        raise
    return doc
