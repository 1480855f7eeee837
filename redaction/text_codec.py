"""What an inbox file is, from its content only: a PDF, text in some encoding, or neither.

A PDF is recognised by its magic at offset 0 only (a text that mentions ``%PDF-`` stays
text). Text is UTF-8, or UTF-16/UTF-32/UTF-8 with a byte-order mark, or else a
single-byte Western text (Windows-1252, then Latin-1) when it has no NUL bytes and next to
no control characters. ``Sniffer`` decides in one streaming pass; ``decode_text`` decodes
the same way from the whole content.
"""

from __future__ import annotations

import codecs

from models.document import MediaType

PDF_MAGIC = b"%PDF-"
BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE mark
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
SINGLE_BYTE = ("cp1252", "latin-1")
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
MAX_CONTROL_SHARE = 0.01  # more than 1 % control bytes: binary, not text


def bom_encoding(head: bytes) -> str | None:
    for bom, name in BOMS:
        if head.startswith(bom):
            return name
    return None


class Sniffer:
    """Feed the content chunk by chunk (the first chunk at least 8 bytes unless the file
    is shorter); ``result()`` gives the media type and the text encoding."""

    def __init__(self) -> None:
        self._head = b""
        self._utf8 = codecs.getincrementaldecoder("utf-8")()
        self._bom: codecs.IncrementalDecoder | None = None
        self._ok = {"utf-8": True, "bom": True, "cp1252": True}
        self._nul = False
        self._controls = 0
        self._size = 0

    def feed(self, chunk: bytes) -> None:
        if self._size == 0:
            self._head = chunk[:8]
            name = bom_encoding(chunk)
            self._bom = codecs.getincrementaldecoder(name)() if name else None
        self._size += len(chunk)
        self._nul = self._nul or b"\x00" in chunk
        self._controls += sum(1 for b in chunk if b < 0x20 and b not in _TEXT_CONTROLS)
        self._decode("utf-8", self._utf8, chunk)
        if self._bom is not None:
            self._decode("bom", self._bom, chunk)
        if self._ok["cp1252"]:
            try:
                chunk.decode("cp1252")
            except UnicodeDecodeError:
                self._ok["cp1252"] = False

    def _decode(self, which: str, decoder: codecs.IncrementalDecoder, chunk: bytes) -> None:
        if self._ok[which]:
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                self._ok[which] = False

    def result(self) -> tuple[MediaType | None, str | None]:
        if self._head.startswith(PDF_MAGIC):
            return MediaType.PDF, None
        self._decode("utf-8", self._utf8, b"")
        name = bom_encoding(self._head)
        if name is not None and self._bom is not None:
            self._decode("bom", self._bom, b"")
            return (MediaType.TEXT, name) if self._ok["bom"] else (None, None)
        if self._nul:
            return None, None
        if self._ok["utf-8"]:
            return MediaType.TEXT, "utf-8"
        if self._controls > MAX_CONTROL_SHARE * self._size:
            return None, None
        return MediaType.TEXT, "cp1252" if self._ok["cp1252"] else "latin-1"


def sniff(data: bytes) -> tuple[MediaType | None, str | None]:
    sniffer = Sniffer()
    sniffer.feed(data)
    return sniffer.result()


def decode_text(data: bytes) -> str:
    """The text of a document ``sniff`` called TEXT, decoded the way it detected."""
    _media, encoding = sniff(data)
    return data.decode(encoding or "utf-8")
