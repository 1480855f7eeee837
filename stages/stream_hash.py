"""One streaming pass over an inbox file: document id, SHA-256, size, media type, encoding.

Memory stays bounded by the chunk size whatever the file's size; the document id is the
same as ``models.document.document_id`` of the whole content.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import BinaryIO

from formats.sniff import HEAD_BYTES, sniff
from models.document import MediaType
from models.errors import DocumentTooLarge
from redaction.text_codec import Sniffer

CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Digests:
    doc_id: str
    sha256: str
    size: int
    media: MediaType | None
    encoding: str | None


def digest_file(source: BinaryIO, matter: str, max_bytes: int, ref: str) -> Digests:
    """Read ``source`` once in chunks; stop with ``DocumentTooLarge`` past ``max_bytes``."""
    ident = hashlib.sha256(matter.encode() + b"\x00")
    plain = hashlib.sha256()
    sniffer = Sniffer()
    size, head = 0, b""
    while chunk := source.read(CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise DocumentTooLarge(ref, "grew over the size limit while read")
        ident.update(chunk)
        plain.update(chunk)
        sniffer.feed(chunk)
        head = head if len(head) >= HEAD_BYTES else (head + chunk)[:HEAD_BYTES]
    text, encoding = sniffer.result()
    media = sniff(head, text)
    return Digests(f"doc-{ident.hexdigest()[:20]}", plain.hexdigest(), size, media, encoding)


class HashingReader:
    """A read-only file wrapper that hashes what passes through (to check that what was
    sealed is what was hashed)."""

    def __init__(self, source: BinaryIO) -> None:
        self._source = source
        self._hash = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self._source.read(size)
        self._hash.update(data)
        return data

    def hexdigest(self) -> str:
        return self._hash.hexdigest()
