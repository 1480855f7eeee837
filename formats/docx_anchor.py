"""Where a note's words are in a Word body line: the runs (``w:r``) covering a column range
of the line ``formats.docx_read`` reads, with a run split where the range starts or ends
inside it, so a comment covers exactly the quoted words.

Offsets follow ``docx_read`` exactly: a table row's cells joined by `` | ``, a cell's
paragraphs by a space, a tracked deletion read as ``[deleted: ...]``. A run is split only
when it holds one ``w:t`` and nothing else but its properties; any other run (tabs, breaks
inside) is anchored whole, which widens the comment to that run, never narrows it.
Works on lxml elements (python-docx's), no python-docx import.
"""

from __future__ import annotations

import copy
from typing import Any

from formats.docx_read import W, run_text

Span = tuple[Any, int, int]  # a w:r element and its [start, end) in the line
_DELETED = len("[deleted: ")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def run_spans(block: Any) -> list[Span]:
    """Every run of a body line (a paragraph or a table row) with its line offsets."""
    spans: list[Span] = []
    if block.tag == f"{W}tr":
        pos = 0
        for index, cell in enumerate(block.iter(f"{W}tc")):
            pos += 3 if index else 0
            for number, paragraph in enumerate(cell.iter(f"{W}p")):
                pos = _walk(paragraph, pos + (1 if number else 0), spans)
        return spans
    _walk(block, 0, spans)
    return spans


def _walk(element: Any, pos: int, spans: list[Span]) -> int:
    if element.tag == f"{W}r":
        length = len(run_text(element))
        spans.append((element, pos, pos + length))
        return pos + length
    if element.tag in (f"{W}t", f"{W}delText") or not len(element):
        return pos + len(run_text(element))
    deleted = element.tag == f"{W}del" and bool(run_text(element))
    pos += _DELETED if deleted else 0
    for child in element:
        pos = _walk(child, pos, spans)
    return pos + (1 if deleted else 0)


def runs_between(block: Any, lo: int, hi: int) -> list[Any]:
    """The runs covering columns [lo, hi) of ``block``, split at ``lo`` and ``hi`` where
    they fall inside a splittable run; empty when no run has a character in the range."""
    _split_at(block, lo)
    _split_at(block, hi)
    return [run for run, start, end in run_spans(block) if start < hi and lo < end]


def _split_at(block: Any, column: int) -> None:
    for run, start, end in run_spans(block):
        if start < column < end:
            split_run(run, column - start)
            return


def split_run(run: Any, at: int) -> bool:
    """Split a run holding one ``w:t`` into two runs at ``at`` chars (same properties)."""
    texts = [child for child in run if child.tag != f"{W}rPr"]
    if len(texts) != 1 or texts[0].tag != f"{W}t":
        return False
    whole = texts[0].text or ""
    twin = copy.deepcopy(run)
    _set_text(texts[0], whole[:at])
    _set_text(next(c for c in twin if c.tag == f"{W}t"), whole[at:])
    run.addnext(twin)
    return True


def _set_text(element: Any, text: str) -> None:
    element.text = text
    element.set(_XML_SPACE, "preserve")
