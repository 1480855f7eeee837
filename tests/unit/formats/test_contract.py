"""The contract every format in the registry passes, on a document built in the test
with planted identifiers: sniffed by content to itself, opened under limits into text
with page geometry, spans located, a rendition built that the leak gate passes and that
holds none of the planted values (text layer, independent extractors and, for PDF
renditions, OCR of every page), the original annotated where the format delivers one,
and damaged input refused with a document error, never a library exception."""

from __future__ import annotations

import pytest

from formats.build import build_rendition, open_safely
from formats.ports import Note, OpenContext, Opened
from formats.registry import FormatRegistry, sniff_bytes
from formats.textlike import PAGE_BREAK
from models.document import MediaType
from models.errors import DocumentError
from redaction.pdf_annotate import highlight_rects
from redaction.pdf_pixels import read_pages

from .conftest import NAME, PLANTED
from .documents import email, encode_image, text_image, word_file

LINES = [f"Patient {NAME} was seen today.", f"Mail {PLANTED[1]}", f"Phone {PLANTED[2]}"]


def _pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="letter")
    pdf.set_creation_date(pdf.creation_date.replace(year=2020))
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    for row, line in enumerate(LINES):
        pdf.text(72, 90 + row * 24, line)
    return bytes(pdf.output())


SAMPLES = {
    MediaType.TEXT: lambda: "\n".join(LINES).encode("utf-8"),
    MediaType.PDF: _pdf,
    MediaType.DOCX: lambda: word_file([LINES[0]], [[LINES[1], LINES[2]]]),
    MediaType.EML: lambda: email("\n".join(LINES)),
    MediaType.PNG: lambda: encode_image([text_image(LINES)], "PNG"),
    MediaType.JPEG: lambda: encode_image([text_image(LINES)], "JPEG"),
    MediaType.TIFF: lambda: encode_image([text_image(LINES)], "TIFF"),
    MediaType.MSG: lambda: _outlook(),
}
REFUSED: dict[MediaType, type[DocumentError]] = {}  # recognised, refused with their own code
READ = sorted(set(SAMPLES) - set(REFUSED))
# TIFF differs from PNG and JPEG only in its decoder; its rendition (two pages, real OCR)
# is checked by test_image.py, which keeps the OCR time of this file down.
RENDERED = [m for m in READ if m is not MediaType.TIFF]
_OPENED: dict[MediaType, Opened] = {}


def _opened(registry: FormatRegistry, media: MediaType) -> Opened:
    """Each sample opened once per session (OCR of an image page takes seconds)."""
    if media not in _OPENED:
        _OPENED[media] = registry.get(media).open(SAMPLES[media](), OpenContext("doc-1"))
    return _OPENED[media]


def _outlook() -> bytes:
    from msgforge import Message

    return Message(
        subject="Visit", text_body="\n".join(LINES), to=[("a@b.example", "A")]
    ).as_bytes()


def _squash(text: str) -> str:
    return "".join(text.split()).casefold()


def test_every_registered_format_has_a_sample(registry: FormatRegistry) -> None:
    assert {fmt.media_type for fmt in registry} == set(SAMPLES)


@pytest.mark.parametrize("media", sorted(SAMPLES))
def test_sniffed_by_content_to_its_own_format(media: MediaType, registry) -> None:
    assert sniff_bytes(SAMPLES[media]()) is media
    assert registry.get(media).media_type is media


@pytest.mark.parametrize("media", READ)
def test_open_gives_text_with_page_geometry(media: MediaType, registry) -> None:
    fmt = registry.get(media)
    opened = _opened(registry, media)
    assert opened.pages == opened.text.count(PAGE_BREAK) + 1
    assert all(_squash(v) in _squash(opened.text) for v in PLANTED)
    assert NAME not in repr(opened)
    start = opened.text.casefold().find("quenby")
    regions = fmt.locate(opened, start, start + len("Quenby"))
    assert regions and all(1 <= r.page <= opened.pages for r in regions)
    assert all(r.box[0] <= r.box[2] for r in regions)


@pytest.mark.parametrize("media", RENDERED)
def test_rendition_passes_the_gate_and_holds_no_planted_value(
    media: MediaType, registry, planted_detector
) -> None:
    fmt = registry.get(media)
    rendition, problems = build_rendition(
        fmt, planted_detector, SAMPLES[media](), OpenContext("doc-1")
    )
    assert problems == []
    assert rendition.result.replacements  # something was redacted
    texts = [rendition.result.redacted_text, *fmt.reread(rendition.data, "doc-1")]
    if fmt.rendition_type is MediaType.PDF:
        engine = registry.get(MediaType.PDF).engine  # type: ignore[attr-defined]
        texts += [p.text for p in read_pages(rendition.data, engine.ocr, 150, engine.limits)]
    else:
        texts.append(rendition.data.decode("utf-8"))
    assert not [v for v in PLANTED if any(_squash(v) in _squash(t) for t in texts)]


@pytest.mark.parametrize("media", READ)
def test_annotate_gives_the_deliverable_its_format_promises(media: MediaType, registry) -> None:
    fmt = registry.get(media)
    opened = _opened(registry, media)
    start = opened.text.casefold().find("quenby")
    marked = fmt.annotate(opened, [Note(start, start + 6, "NOTE", "see", "r1")])
    assert (marked is None) == (fmt.deliverable_suffix is None)
    if marked is None:
        return
    assert marked != SAMPLES[media]()
    if fmt.deliverable_suffix == ".pdf":  # PDF, images, e-mail: a PDF, highlighted
        assert sniff_bytes(marked) is MediaType.PDF and len(highlight_rects(marked)) == 1
        if fmt.rendition_type is MediaType.TEXT:  # e-mail's reading copy: exactly the quote
            assert _highlighted_text(marked).casefold() == "quenby"
    else:  # Word: the original with one comment
        assert sniff_bytes(marked) is media and _comments(marked) == ["NOTE: see (r1)"]


def _highlighted_text(pdf: bytes) -> str:
    import pypdfium2 as pdfium

    (index, rects), *_ = highlight_rects(pdf)
    doc = pdfium.PdfDocument(pdf)
    try:
        textpage = doc[index].get_textpage()
        return "".join(textpage.get_text_bounded(*rect) for rect in rects).strip()
    finally:
        doc.close()


def _comments(data: bytes) -> list[str]:
    import io

    from docx import Document

    return [c.text for c in Document(io.BytesIO(data)).comments]


@pytest.mark.parametrize("media", sorted(SAMPLES))
def test_damaged_input_is_a_document_error(media: MediaType, registry) -> None:
    fmt = registry.get(media)
    data = SAMPLES[media]()
    with pytest.raises(DocumentError) as caught:
        open_safely(fmt, data[: len(data) // 3] + b"\x00\xff" * 7, OpenContext("doc-1"))
    assert "doc-1" in str(caught.value) and NAME not in str(caught.value)
    if media in REFUSED:
        assert isinstance(caught.value, REFUSED[media])
