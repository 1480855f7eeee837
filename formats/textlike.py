"""Shared parts of the formats whose rendition is the redacted text itself (plain text,
Word, e-mail): line/column geometry, the UTF-8 rendition and the text leak gate."""

from __future__ import annotations

from formats.ports import Opened, Region
from models.finding import RedactionResult
from redaction.gate import gate_text
from redaction.ports import Detector

PAGE_BREAK = "\f"


def line_regions(text: str, start: int, end: int) -> list[Region]:
    """One region per page the span touches: (first line, first column, last line,
    end column) within that page, lines and columns counted from 0."""
    if not 0 <= start <= end <= len(text):
        raise IndexError("span outside text")
    regions: list[Region] = []
    page_start = 0
    for number, page in enumerate(text.split(PAGE_BREAK), start=1):
        lo, hi = max(start, page_start), min(end, page_start + len(page))
        if lo < hi:
            regions.append(Region(number, _box(page, lo - page_start, hi - page_start), "line"))
        page_start += len(page) + 1
    return regions


def _box(page: str, lo: int, hi: int) -> tuple[float, float, float, float]:
    first_line = page.count("\n", 0, lo)
    last_line = page.count("\n", 0, hi)
    first_col = lo - (page.rfind("\n", 0, lo) + 1)
    end_col = hi - (page.rfind("\n", 0, hi) + 1)
    return (float(first_line), float(first_col), float(last_line), float(end_col))


class TextRendition:
    """Mixin: the rendition is the redacted text in UTF-8, gated as text."""

    def locate(self, opened: Opened, start: int, end: int) -> list[Region]:
        return line_regions(opened.text, start, end)

    def render(self, opened: Opened, result: RedactionResult) -> bytes:
        return result.redacted_text.encode("utf-8")

    def reread(self, rendition: bytes, ref: str) -> list[str]:
        return []  # the rendition is the redacted text: no other layout to re-read

    def gate(
        self, rendition: bytes, opened: Opened, result: RedactionResult, detector: Detector
    ) -> list[str]:
        return gate_text(rendition, result, detector)
