"""What the attachment-bearing formats (e-mail, Outlook .msg) share: the registry's reader
for attachments, the limits, the text rendition, and the client's deliverable.

The deliverable is a reading copy, not the original: the family's text as it was read
(headers, bodies, each attachment's text; one part per page) laid out as a PDF with each
note a highlight over its exact words and a pop-up with the comment
(``redaction.pdf_textdoc`` + ``redaction.pdf_annotate``). The original message is never
rewritten: it is evidence (its bytes and hash are the chain of custody's, and a changed
message would break its DKIM signature), and the client keeps it as it came.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from formats.limits import DEFAULT_FORMAT_LIMITS, FormatLimits
from formats.ports import Note, OpenContext, Opened
from formats.textlike import TextRendition
from models.document import MediaType
from redaction.pdf_annotate import annotate_pdf
from redaction.pdf_textdoc import text_pdf

AttachmentReader = Callable[[bytes, OpenContext, int], str]  # the registry's text of bytes


class MessageFamily(TextRendition):
    """Base of the message formats: subclasses set ``media_type`` and define ``open``."""

    rendition_type = MediaType.TEXT
    takes_passwords = False
    deliverable_suffix: str | None = ".pdf"

    def __init__(
        self, read_attachment: AttachmentReader, limits: FormatLimits = DEFAULT_FORMAT_LIMITS
    ) -> None:
        self._read_attachment = read_attachment
        self.limits = limits

    def annotate(self, opened: Opened, notes: Sequence[Note]) -> bytes | None:
        data, layout = text_pdf(opened.text)
        return annotate_pdf(data, layout, notes, opened.ref)
