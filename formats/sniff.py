"""The media type of a document from its content only, never its (PII) file name.

Binary formats by their magic at offset 0: PDF, PNG, JPEG, TIFF (both byte orders), a
ZIP whose first entries name a Word package (``[Content_Types].xml`` or ``word/``; the
Word format checks the whole package when it opens it), an OLE compound file (Outlook
``.msg``). Text, as ``redaction.text_codec`` decides it, is an e-mail when it starts with
an RFC 5322 header block naming ``From`` and one more of the usual message headers.
"""

from __future__ import annotations

import re

from models.document import MediaType

HEAD_BYTES = 64 * 1024  # how much of the content the binary and e-mail checks look at
MAGIC = (
    (b"%PDF-", MediaType.PDF),
    (b"\x89PNG\r\n\x1a\n", MediaType.PNG),
    (b"\xff\xd8\xff", MediaType.JPEG),
    (b"II*\x00", MediaType.TIFF),
    (b"MM\x00*", MediaType.TIFF),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", MediaType.MSG),
)
ZIP_MAGIC = b"PK\x03\x04"
WORD_MARKERS = (b"[Content_Types].xml", b"word/")
_HEADER = re.compile(rb"([A-Za-z0-9][A-Za-z0-9-]{0,76}):[ \t]?[^\r\n]*\r?\n")
_FOLDED = re.compile(rb"[ \t][^\r\n]*\r?\n")
_MESSAGE_HEADERS = {b"to", b"cc", b"date", b"subject", b"message-id", b"mime-version"}
MAX_HEADER_LINES = 200


def sniff(head: bytes, text: MediaType | None) -> MediaType | None:
    """``head``: the first ``HEAD_BYTES`` of the content; ``text``: the text codec's
    verdict on the whole content (TEXT or None)."""
    for magic, media in MAGIC:
        if head.startswith(magic):
            return media
    if head.startswith(ZIP_MAGIC):
        return MediaType.DOCX if any(m in head[:4096] for m in WORD_MARKERS) else None
    if text is MediaType.TEXT and looks_like_email(head):
        return MediaType.EML
    return text


def looks_like_email(head: bytes) -> bool:
    """A header block (fields and folded lines) ended by a blank line, with ``From`` and
    at least one more message header."""
    names: set[bytes] = set()
    pos = 0
    for _ in range(MAX_HEADER_LINES):
        if head.startswith((b"\r\n", b"\n"), pos):
            return b"from" in names and bool(names & _MESSAGE_HEADERS)
        field = _HEADER.match(head, pos)
        folded = _FOLDED.match(head, pos) if names else None
        if field is None and folded is None:
            return False
        if field is not None:
            names.add(field.group(1).lower())
        pos = (field or folded).end()  # type: ignore[union-attr]
    return False
