"""Reviewer notes as Word comments on the client's own .docx (python-docx, lxml keeps the
package's namespaces and parts as they were).

A note in the body is anchored on exactly its words: the runs covering its span, split
where the span starts or ends inside a run (``formats.docx_anchor``), across paragraphs
when the span does; where no run holds its characters, on the whole body line it starts on.
A note outside the body (headers, footnotes, comments) goes on the first body paragraph
with the section named.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.text.run import Run

from formats.docx_anchor import runs_between
from formats.docx_read import W, body_blocks
from formats.ports import Note
from models.errors import CorruptDocument

AUTHOR, INITIALS = "Sealroom review", "SR"


def annotate_docx(data: bytes, text: str, notes: Sequence[Note], ref: str) -> bytes:
    try:
        document = Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise CorruptDocument(ref, "cannot open the Word original for comments") from exc
    lines = body_blocks(document.element.body)
    body_end = text.find("\f") if "\f" in text else len(text)
    for note in notes:
        line, where = _line_of(text, note.start, body_end)
        anchor = _exact(document, lines, text, note) if not where else []
        anchor = anchor or (_runs(document, lines[line]) if line < len(lines) else [])
        anchor = anchor or _first_runs(document, lines)
        if anchor:
            document.add_comment(anchor, f"{where}{note.contents}", AUTHOR, INITIALS)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _line_of(text: str, start: int, body_end: int) -> tuple[int, str]:
    """The body line holding ``start``, or line 0 and the section's name."""
    if start <= body_end:
        return text.count("\n", 0, start), ""
    page = text.rfind("\f", 0, start) + 1
    heading = text[page : text.find("\n", page)] if "\n" in text[page:] else text[page:]
    return 0, f"{heading} "


def _exact(document: Any, lines: list[Any], text: str, note: Note) -> list[Run]:
    """The runs of exactly the note's words (first and last may be in different lines)."""
    first_line, first_col = _position(text, note.start)
    last_line, last_col = _position(text, max(note.end - 1, note.start))
    if last_line >= len(lines):
        return []
    if first_line == last_line:
        first = last = runs_between(lines[first_line], first_col, last_col + 1)
    else:
        first = runs_between(lines[first_line], first_col, len(text))
        last = runs_between(lines[last_line], 0, last_col + 1)
    if not first or not last:
        return []
    return [Run(first[0], document.part), Run(last[-1], document.part)]


def _position(text: str, offset: int) -> tuple[int, int]:
    """Line and column of ``offset`` in the body text."""
    return text.count("\n", 0, offset), offset - (text.rfind("\n", 0, offset) + 1)


def _runs(document: Any, block: Any) -> list[Run]:
    paragraph = block if block.tag == f"{W}p" else next(block.iter(f"{W}p"), None)
    if paragraph is None:
        return []
    return [Run(r, document.part) for r in paragraph.iterchildren(f"{W}r")]


def _first_runs(document: Any, lines: list[Any]) -> list[Run]:
    for block in lines:
        if runs := _runs(document, block):
            return runs
    return []
