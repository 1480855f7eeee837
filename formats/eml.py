"""E-mail (.eml, RFC 5322/MIME): headers, bodies and attachments as one family's text
(``formats.eml_read``); attachments are read by their own formats through the registry.
The rendition is the redacted text, gated as text; the client gets the JSON deliverable."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from formats.eml_read import message_text, parse
from formats.limits import DEFAULT_FORMAT_LIMITS, FormatLimits
from formats.ports import Note, OpenContext, Opened
from formats.sniff import HEAD_BYTES, looks_like_email
from formats.textlike import PAGE_BREAK, TextRendition
from models.document import MediaType
from models.errors import AttachmentRefused, CorruptDocument
from redaction.text_codec import sniff as text_sniff

AttachmentReader = Callable[[bytes, OpenContext, int], str]  # the registry's text of bytes


class EmailFormat(TextRendition):
    media_type = MediaType.EML
    rendition_type = MediaType.TEXT
    takes_passwords = False
    deliverable_suffix: str | None = None

    def __init__(
        self, read_attachment: AttachmentReader, limits: FormatLimits = DEFAULT_FORMAT_LIMITS
    ) -> None:
        self._read_attachment = read_attachment
        self.limits = limits

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

    def annotate(self, opened: Opened, notes: Sequence[Note]) -> bytes | None:
        return None
