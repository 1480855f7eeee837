"""Outlook .msg (an OLE compound file): read with extract-msg (``formats.msg_read``) into
an e-mail's layout; the rendition is the redacted text, gated as text; the client gets the
JSON deliverable and the annotated reading copy (``formats.family``). Attachments are read
by their own formats through the registry."""

from __future__ import annotations

from formats.family import MessageFamily
from formats.msg_read import message_pages, open_message
from formats.ports import OpenContext, Opened
from formats.textlike import PAGE_BREAK
from models.document import MediaType
from models.errors import AttachmentRefused


class OutlookMessageFormat(MessageFamily):
    media_type = MediaType.MSG

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
