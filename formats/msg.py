"""Outlook .msg (an OLE compound file): read with extract-msg (``formats.msg_read``) into
an e-mail's layout; the rendition is the redacted text, gated as text; the client gets the
JSON deliverable. Attachments are read by their own formats through the registry."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from formats.limits import DEFAULT_FORMAT_LIMITS, FormatLimits
from formats.msg_read import message_pages, open_message
from formats.ports import Note, OpenContext, Opened
from formats.textlike import PAGE_BREAK, TextRendition
from models.document import MediaType
from models.errors import AttachmentRefused

AttachmentReader = Callable[[bytes, OpenContext, int], str]


class OutlookMessageFormat(TextRendition):
    media_type = MediaType.MSG
    rendition_type = MediaType.TEXT
    takes_passwords = False
    deliverable_suffix: str | None = None

    def __init__(
        self, read_attachment: AttachmentReader, limits: FormatLimits = DEFAULT_FORMAT_LIMITS
    ) -> None:
        self._read_attachment = read_attachment
        self.limits = limits

    def open(self, data: bytes, ctx: OpenContext) -> Opened:
        count = [0]

        def read(blob: bytes, depth: int) -> str:
            count[0] += 1
            if count[0] > self.limits.max_attachments:
                raise AttachmentRefused(ctx.ref, "too many attachments")
            if depth > self.limits.max_depth:
                raise AttachmentRefused(ctx.ref, "messages nested too deep")
            return self._read_attachment(blob, ctx, depth)

        message = open_message(data, ctx.ref)
        try:
            pages = message_pages(message, read, 0, ctx.ref)
        finally:
            message.close()
        text = PAGE_BREAK.join(pages)
        self.limits.check_chars(len(text), ctx.ref)
        return Opened(ctx.ref, data, text, len(pages))

    def annotate(self, opened: Opened, notes: Sequence[Note]) -> bytes | None:
        return None
