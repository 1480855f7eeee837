"""Where each line of a page's rendition text sits on the page (pure: no PDF library).

A PDF rendition's text (``<doc>.txt``) is its pages' texts joined by form feeds; the
rendition PDF carries one invisible text object per non-blank line, in order. Pairing the
two gives the workbench a selectable text layer whose characters are exactly the rendition
text, so a selection maps to rendition offsets without guessing.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

PAGE_BREAK = "\f"
Rect = tuple[float, float, float, float]  # left, top, right, bottom in points from top-left


@dataclass(frozen=True)
class LayerLine:
    start: int  # rendition-text offset of the line's first character
    text: str
    left: float
    top: float
    width: float
    height: float


def page_lines(text: str, page: int) -> list[tuple[int, str]]:
    """``(offset, stripped line)`` for each non-blank line of page ``page`` (0-based)."""
    pages = text.split(PAGE_BREAK)
    if not 0 <= page < len(pages):
        return []
    pos = sum(len(p) + len(PAGE_BREAK) for p in pages[:page])
    out: list[tuple[int, str]] = []
    for line in pages[page].split("\n"):
        lead = len(line) - len(line.lstrip())
        if line.strip():
            out.append((pos + lead, line.strip()))
        pos += len(line) + 1
    return out


def layer(
    lines: list[tuple[int, str]], rects: list[Rect], size: tuple[float, float]
) -> dict[str, Any]:
    """The text layer: each line on its text object's rectangle when the counts agree,
    else stacked down the left margin (still selectable, offsets still exact)."""
    width, height = size
    placed = len(lines) == len(rects)
    out: list[LayerLine] = []
    for index, (start, line) in enumerate(lines):
        if placed:
            left, top, right, bottom = rects[index]
            out.append(LayerLine(start, line, left, top, right - left, max(bottom - top, 1.0)))
        else:
            row = height / max(len(lines), 1)
            out.append(LayerLine(start, line, 36.0, index * row, width - 72.0, row * 0.8))
    return {"width": width, "height": height, "placed": placed, "lines": [asdict(x) for x in out]}
