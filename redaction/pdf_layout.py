"""Where things go on the rendition: redacted glyph boxes and text-layer line anchors.

Pure functions over :class:`PdfText` and :class:`RedactionResult`; no PDF library.
Also the consistency checks that make rendition building fail closed when the
result was not computed on this document's text.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from models.errors import RedactionError
from models.finding import RedactionResult, Replacement
from redaction.pdf_chars import Box
from redaction.pdf_extract import PAGE_BREAK, PageText, PdfText


@dataclass(frozen=True)
class LineAnchor:
    """A line of the redacted page text and the box of the original glyph it starts at."""

    text: str
    box: Box | None


def check_result(pdf_text: PdfText, result: RedactionResult, ref: str = "") -> None:
    """The result must be for exactly this text: offsets, originals, tokens and page count."""
    if result.redacted_text.count(PAGE_BREAK) != pdf_text.text.count(PAGE_BREAK):
        raise RedactionError(ref, "redacted text page count differs from source")
    for rep in result.replacements:
        if not 0 <= rep.orig_start < rep.orig_end <= len(pdf_text.text):
            raise RedactionError(ref, "replacement outside source text")
        if pdf_text.text[rep.orig_start : rep.orig_end] != rep.original:
            raise RedactionError(ref, "replacement does not match source text")
        if result.redacted_text[rep.red_start : rep.red_end] != rep.token:
            raise RedactionError(ref, "replacement token not at its offsets")


@dataclass(frozen=True)
class Burn:
    """The glyph boxes of one redacted span on one line, and the token drawn over them."""

    token: str
    boxes: tuple[Box, ...]


def redacted_boxes(pdf_text: PdfText, result: RedactionResult) -> dict[int, list[Burn]]:
    """Every glyph box under a redacted span, by page index, one group per line run."""
    by_page: dict[int, list[Burn]] = {}
    for rep in result.replacements:
        for found in pdf_text.locate(rep.orig_start, rep.orig_end):
            burns = [Burn(rep.token, run) for run in line_runs(found.boxes)]
            by_page.setdefault(found.page_index, []).extend(burns)
    return by_page


def line_runs(boxes: tuple[Box, ...]) -> list[tuple[Box, ...]]:
    """Split boxes in reading order where a box does not share the previous one's line."""
    runs: list[list[Box]] = []
    for box in boxes:
        if runs and _same_line(runs[-1][-1], box):
            runs[-1].append(box)
        else:
            runs.append([box])
    return [tuple(run) for run in runs]


def _same_line(a: Box, b: Box) -> bool:
    """Vertical overlap of at least half the smaller height (rotated text: horizontal)."""
    overlap = min(a[3], b[3]) - max(a[1], b[1])
    return overlap >= 0.5 * min(a[3] - a[1], b[3] - b[1])


class OffsetMap:
    """Maps offsets in the redacted text back to offsets in the source text."""

    def __init__(self, replacements: tuple[Replacement, ...]) -> None:
        self._reps = sorted(replacements, key=lambda r: r.red_start)
        self._starts = [r.red_start for r in self._reps]
        self._shift = [0]
        for rep in self._reps:
            grow = (rep.orig_end - rep.orig_start) - (rep.red_end - rep.red_start)
            self._shift.append(self._shift[-1] + grow)

    def to_orig(self, offset: int) -> int:
        i = bisect.bisect_right(self._starts, offset)  # replacements starting at or before
        if i and offset < self._reps[i - 1].red_end:
            return self._reps[i - 1].orig_start
        return offset + self._shift[i]


def line_anchors(
    pdf_text: PdfText, result: RedactionResult, offsets: OffsetMap
) -> list[list[LineAnchor]]:
    """For each page, its redacted lines with the source glyph box each starts at."""
    anchors: list[list[LineAnchor]] = []
    red_start = 0
    for page, red_page in zip(pdf_text.pages, result.redacted_text.split(PAGE_BREAK), strict=True):
        anchors.append(_page_anchors(page, red_page, red_start, offsets))
        red_start += len(red_page) + len(PAGE_BREAK)
    return anchors


def _page_anchors(
    page: PageText, red_page: str, red_start: int, offsets: OffsetMap
) -> list[LineAnchor]:
    anchors: list[LineAnchor] = []
    pos = red_start
    for line in red_page.split("\n"):
        lead = len(line) - len(line.lstrip())
        if line.strip():
            anchors.append(LineAnchor(line.strip(), _box_at(page, offsets.to_orig(pos + lead))))
        pos += len(line) + 1
    return anchors


def _box_at(page: PageText, offset: int) -> Box | None:
    """The first glyph box at or after ``offset`` on the same source line."""
    for i in range(max(0, offset - page.start), len(page.text)):
        if page.text[i] == "\n":
            return None
        if page.boxes[i] is not None:
            return page.boxes[i]
    return None
