"""E-mail (.eml, RFC 5322/MIME): headers, bodies and attachments as one family's text
(``formats.eml_read``); attachments are read by their own formats through the registry.
The rendition is the redacted text, gated as text; the client gets the JSON deliverable
and the annotated reading copy (``formats.family``)."""

from __future__ import annotations

from formats.eml_read import message_text, parse
from formats.family import MessageFamily
from formats.ports import OpenContext, Opened
from formats.sniff import HEAD_BYTES, looks_like_email
from formats.textlike import PAGE_BREAK
from models.document import MediaType
from models.errors import AttachmentRefused, CorruptDocument
from redaction.text_codec import sniff as text_sniff


class EmailFormat(MessageFamily):
    media_type = MediaType.EML

    def open(self, data: bytes, ctx: OpenContext) -> Opened:
        pages = self.pages(data, ctx, 0)
        text = PAGE_BREAK.join(pages)
        self.limits.check_chars(len(text), ctx.ref)
        return Opened(ctx.ref, data, text, len(pages))

    def pages(self, data: bytes, ctx: OpenContext, depth: int) -> list[str]:
        if depth > self.limits.max_depth:
            raise AttachmentRefused(ctx.ref, "messages nested too deep")
        if text_sniff(data)[0] is not MediaType.TEXT or not looks_like_email(data[:HEAD_BYTES]):
            raise CorruptDocument(ctx.ref, "not a readable RFC 5322 message")
        count = [0]

        def read(blob: bytes, inner_depth: int) -> str:
            count[0] += 1
            if count[0] > self.limits.max_attachments:
                raise AttachmentRefused(ctx.ref, "too many attachments")
            return self._read_attachment(blob, ctx, inner_depth)

        return message_text(parse(data), read, depth, ctx.ref)
