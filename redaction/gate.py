"""The leak gate: an independent second pass over the finished rendition.

For text, the rendition bytes themselves are re-decoded and re-scanned. For PDFs, the
finished file is re-opened and its text re-extracted with extractors other than the one
detection used (pdfium): pypdf, and poppler's ``pdftotext`` when installed. Each text is
searched for every sealed PII value (case- and whitespace-insensitive) and re-scanned by
the detector; the redacted text that went into the layer is leak-checked too; and the
file's structure is checked for metadata, XMP, embedded files, forms, annotations,
scripts, outlines and earlier revisions. Findings are codes and offsets, never values.
"""

from __future__ import annotations

import re

from models.finding import RedactionResult
from redaction import pdf
from redaction.leakcheck import TextDetector, leak_check, sealed
from redaction.matching import value_pattern
from redaction.ocr import OcrPage
from redaction.operators import TOKEN
from redaction.pdf_burnmask import PageBurns
from redaction.pdf_ocr import tokens_mended
from redaction.pdf_pixels import layer_mismatch, name_parts_in, unseen_findings
from redaction.residual import residual_risk

SQUASHED_MIN = 8
_WHITESPACE = re.compile(r"-?\s+")  # a line-end hyphen goes with the line break


def gate_text(data: bytes, result: RedactionResult, detector: TextDetector) -> list[str]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return ["rendition:not-utf8"]
    if text != result.redacted_text:
        return ["rendition:differs-from-redacted-text"]
    return leak_check(text, result, detector) + residual_risk(text)


def values_in(text: str, result: RedactionResult) -> list[str]:
    """Sealed PII values found anywhere in ``text`` (tokens blanked out first).

    Case- and whitespace-insensitive: whole-word matches with any whitespace between the
    words, and, for values of at least ``SQUASHED_MIN`` letters, matches in the text with
    all whitespace removed (an extractor may drop or insert spaces between glyphs).
    """
    cleaned = TOKEN.sub(" ", text)
    values = [r.original for r in result.replacements if sealed(r.original)]
    pattern = value_pattern(values)
    if pattern is None:
        return []
    matches = list(pattern.finditer(cleaned))
    found = [f"extracted:value@{m.start()}-{m.end()}" for m in matches]
    seen = {_squash(m.group()) for m in matches}
    squashed = _squash(cleaned)
    long_values = {_squash(v) for v in values if len(_squash(v)) >= SQUASHED_MIN} - seen
    found += ["extracted:squashed-value" for v in sorted(long_values) if v in squashed]
    return found


def _squash(text: str) -> str:
    return _WHITESPACE.sub("", text).casefold()


def detected_in(text: str, detector: TextDetector, source: str) -> list[str]:
    """Detector findings on an extracted text that do not touch a replacement token."""
    tokens = [(m.start(), m.end()) for m in TOKEN.finditer(text)]
    return [
        f"{source}:detected:{f.label}@{f.start}-{f.end}"
        for f in detector.detect(text)
        if not any(lo < f.end and f.start < hi for lo, hi in tokens)
    ]


def gate_pdf(
    data: bytes,
    result: RedactionResult,
    detector: TextDetector,
    pages: int,
    engine: pdf.PdfEngine | None = None,
    burns: PageBurns | None = None,
) -> list[str]:
    """Structure, then every independent extractor's text: sealed values, then detection;
    then the pixels, our own burned boxes (``burns``) masked before they are read."""
    engine = engine or pdf.PdfiumEngine()
    problems = list(engine.rendition_problems(data, expected_pages=pages))
    problems += leak_check(result.redacted_text, result, detector)
    problems += residual_risk(result.redacted_text)
    for index, text in enumerate(engine.second_texts(data)):
        source = EXTRACTORS[index] if index < len(EXTRACTORS) else f"extractor{index}"
        problems += [f"{source}:{p}" for p in values_in(text, result)]
        problems += detected_in(text, detector, source)
    return problems + pixel_problems(data, result, detector, engine, burns)


def pixel_problems(
    data: bytes,
    result: RedactionResult,
    detector: TextDetector,
    engine: pdf.PdfEngine,
    burns: PageBurns | None = None,
) -> list[str]:
    """The rendition's pages read back by OCR, each checked as it is read (sealed values,
    detection, layer agreement) and dropped: only problem codes outlive a page."""
    layers = result.redacted_text.split(pdf.PAGE_BREAK)
    problems: list[str] = []
    count = 0
    for count, page in enumerate(engine.pixel_pages(data, burns=burns), start=1):
        layer = layers[count - 1] if count <= len(layers) else ""
        problems += page_problems(page, layer, count, result, detector)
    return (["ocr:page-count"] if count != len(layers) else []) + problems


def page_problems(
    page: OcrPage, layer: str, number: int, result: RedactionResult, detector: TextDetector
) -> list[str]:
    """One rendition page's OCR text against its redacted layer and the sealed values."""
    problems = layer_mismatch(page, layer, number)
    found = values_in(page.text, result) + name_parts_in(page.text, result)
    problems += [f"ocr:p{number}:{p}" for p in found]
    unseen = unseen_findings(tokens_mended(page.text), layer, detector)
    return problems + [f"ocr:p{number}:detected:{f.label}@{f.start}-{f.end}" for f in unseen]


EXTRACTORS = ("pypdf", "pdftotext")
