"""The leak gate: an independent second pass over the finished rendition.

For text, the rendition bytes themselves are re-decoded and re-scanned. For PDFs, the
text is re-extracted from the finished file with a different extractor (pypdf) than the
one detection used (pdfium) and searched for every sealed PII value, the redacted text
that went into the layer is re-scanned by the detector, and the file's structure is
checked for metadata, embedded files, forms and scripts. Findings are codes and offsets,
never values.
"""

from __future__ import annotations

import re

from models.finding import RedactionResult
from redaction import pdf
from redaction.leakcheck import MIN_VALUE_LENGTH, TextDetector, leak_check
from redaction.matching import normalise, value_pattern

TOKEN = re.compile(r"\[[A-Z][A-Z_]*_\d+\]")


def gate_text(data: bytes, result: RedactionResult, detector: TextDetector) -> list[str]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return ["rendition:not-utf8"]
    if text != result.redacted_text:
        return ["rendition:differs-from-redacted-text"]
    return leak_check(text, result, detector)


def values_in(text: str, result: RedactionResult) -> list[str]:
    """Sealed PII values found anywhere in ``text`` (tokens blanked out first)."""
    cleaned = TOKEN.sub(" ", text)
    values = [
        r.original for r in result.replacements if len(normalise(r.original)) >= MIN_VALUE_LENGTH
    ]
    pattern = value_pattern(values)
    if pattern is None:
        return []
    return [f"extracted:value@{m.start()}-{m.end()}" for m in pattern.finditer(cleaned)]


def gate_pdf(data: bytes, result: RedactionResult, detector: TextDetector, pages: int) -> list[str]:
    problems = list(pdf.rendition_problems(data, expected_pages=pages))
    problems += values_in(pdf.rendition_text(data), result)
    problems += leak_check(result.redacted_text, result, detector)
    return problems
