"""Word (.docx): text with paragraph geometry from ``formats.docx_read``; the rendition
is the redacted text (UTF-8), gated as text; the client gets the JSON deliverable, whose
offsets are over this text (page = section, line = paragraph), and the original with
each note as a Word comment (``formats.docx_annotate``)."""

from __future__ import annotations

from collections.abc import Sequence

from formats.docx_read import read_parts, sections
from formats.limits import DEFAULT_FORMAT_LIMITS, FormatLimits
from formats.ports import Note, OpenContext, Opened
from formats.textlike import PAGE_BREAK, TextRendition
from models.document import MediaType


class DocxFormat(TextRendition):
    media_type = MediaType.DOCX
    rendition_type = MediaType.TEXT
    takes_passwords = False
    deliverable_suffix: str | None = ".docx"

    def __init__(self, limits: FormatLimits = DEFAULT_FORMAT_LIMITS) -> None:
        self.limits = limits

    def open(self, data: bytes, ctx: OpenContext) -> Opened:
        found = sections(read_parts(data, ctx.ref, self.limits), ctx.ref)
        pages = ["\n".join(([f"[{h}]"] if h else []) + lines) for h, lines in found]
        text = PAGE_BREAK.join(pages)
        self.limits.check_chars(len(text), ctx.ref)
        return Opened(ctx.ref, data, text, len(pages))

    def annotate(self, opened: Opened, notes: Sequence[Note]) -> bytes | None:
        from formats.docx_annotate import annotate_docx  # python-docx only when delivering

        return annotate_docx(opened.data, opened.text, notes, opened.ref)
