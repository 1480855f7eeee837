"""The client's deliverable PDF: the original file with a highlight annotation over every
annotated span and a note carrying the reviewer's comment (pypdf).

Spans are offsets into ``PdfText.text`` (the original's extracted text); their glyph
boxes come from ``PdfText.locate``. Boxes on one line merge into one rectangle, so a
highlight has one quad per line of the span. The original's content is untouched: only
annotations are added.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Highlight, Text
from pypdf.errors import PyPdfError
from pypdf.generic import ArrayObject, FloatObject, NameObject, TextStringObject

from models.annotation import Note as Note  # re-exported: callers annotate with it
from models.errors import CorruptDocument
from redaction.pdf_chars import Box, union
from redaction.pdf_extract import PdfText

HIGHLIGHT_COLOR = "ffeb3b"
NOTE_SIZE = 14.0


def _same_line(line: Box, box: Box) -> bool:
    middle = (box[1] + box[3]) / 2
    return line[1] <= middle <= line[3] and box[0] >= line[0] - 1.0


def line_rects(boxes: Sequence[Box]) -> list[Box]:
    """Glyph boxes in reading order -> one rectangle per line."""
    lines: list[Box] = []
    for box in boxes:
        if lines and _same_line(lines[-1], box):
            merged = union([lines[-1], box])
            assert merged is not None
            lines[-1] = merged
        else:
            lines.append(box)
    return lines


def quad_points(rects: Sequence[Box]) -> ArrayObject:
    """PDF QuadPoints: per rect (x1,y2) (x2,y2) (x1,y1) (x2,y1), top edge first."""
    values: list[float] = []
    for left, bottom, right, top in rects:
        values += [left, top, right, top, left, bottom, right, bottom]
    return ArrayObject(FloatObject(round(v, 3)) for v in values)


def _highlight(rects: Sequence[Box], note: Note) -> Highlight:
    whole = union(list(rects))
    assert whole is not None
    annot = Highlight(rect=whole, quad_points=quad_points(rects), highlight_color=HIGHLIGHT_COLOR)
    annot[NameObject("/Contents")] = TextStringObject(note.contents)
    annot[NameObject("/T")] = TextStringObject(note.reviewer)
    annot[NameObject("/Subj")] = TextStringObject(note.label)
    return annot


def _sticky(first: Box, note: Note) -> Text:
    left, top = first[0], first[3]
    rect = (max(0.0, left - NOTE_SIZE), top, max(NOTE_SIZE, left), top + NOTE_SIZE)
    annot = Text(rect=rect, text=note.contents, open=False)
    annot[NameObject("/T")] = TextStringObject(note.reviewer)
    return annot


def annotate_pdf(
    original: bytes,
    pdf_text: PdfText,
    notes: Sequence[Note],
    ref: str = "",
    password: str | None = None,
) -> bytes:
    """The original PDF with a highlight and a note per annotation (spans without any
    drawn glyph, e.g. only whitespace, get no annotation). An original opened with
    ``password`` is decrypted to annotate and the result encrypted again (AES-256, the
    same password), so the deliverable is never less protected than the original."""
    try:
        reader = PdfReader(io.BytesIO(original))
        if reader.is_encrypted:
            reader.decrypt(password or "")
        writer = PdfWriter(clone_from=reader)
        for note in notes:
            _add(writer, pdf_text, note)
        if reader.is_encrypted:
            writer.encrypt(password or "", algorithm="AES-256")
        out = io.BytesIO()
        writer.write(out)
    except (PyPdfError, ValueError, KeyError) as exc:
        raise CorruptDocument(ref, "cannot annotate the original PDF") from exc
    return out.getvalue()


def _add(writer: PdfWriter, pdf_text: PdfText, note: Note) -> None:
    placed = False
    for page in pdf_text.locate(note.start, note.end):
        rects = line_rects(page.boxes)
        if not rects:
            continue
        writer.add_annotation(page.page_index, _highlight(rects, note))
        if not placed:
            writer.add_annotation(page.page_index, _sticky(rects[0], note))
            placed = True


def highlight_rects(pdf: bytes) -> list[tuple[int, list[Box]]]:
    """(page index, one rect per quad) of every highlight in ``pdf`` (for checks/tests)."""
    found: list[tuple[int, list[Box]]] = []
    for index, page in enumerate(PdfReader(io.BytesIO(pdf)).pages):
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            if annot.get("/Subtype") != "/Highlight":
                continue
            q = [float(v) for v in annot["/QuadPoints"]]
            rects = [(q[i], q[i + 5], q[i + 2], q[i + 1]) for i in range(0, len(q), 8)]
            found.append((index, rects))
    return found
