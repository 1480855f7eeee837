"""Plain text in any encoding ``redaction.text_codec`` recognises."""

from __future__ import annotations

from collections.abc import Sequence

from formats.ports import Note, OpenContext, Opened
from formats.textlike import PAGE_BREAK, TextRendition
from models.document import MediaType
from redaction.text_codec import decode_text


class TextFormat(TextRendition):
    media_type = MediaType.TEXT
    rendition_type = MediaType.TEXT
    takes_passwords = False
    deliverable_suffix: str | None = None

    def __init__(self, max_bytes: int | None = None) -> None:
        self.max_bytes = max_bytes

    def open(self, data: bytes, ctx: OpenContext) -> Opened:
        text = decode_text(data)  # UTF-8, UTF-16/32 with BOM, or single-byte
        return Opened(ctx.ref, data, text, text.count(PAGE_BREAK) + 1)

    def annotate(self, opened: Opened, notes: Sequence[Note]) -> bytes | None:
        return None  # the JSON deliverable's offsets are over the original text itself
